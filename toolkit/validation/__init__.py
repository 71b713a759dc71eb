"""Validation of each annotator against human-labelled data (one module per annotator).

Each module exposes ``evaluate(eval_dir, *, n_boot=1000, seed=0, limit=None) ->
list[EvalResult]``; :mod:`toolkit.evaluate` runs them all.
"""
