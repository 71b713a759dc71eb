"""The QuadClass validation's same-coverage reference (toolkit.validation.escalation.same_coverage).

The toolkit and bag of words are compared on the same sentences: the supervised model's
prediction is kept only where the toolkit codes a class.
"""
import pytest

from toolkit.validation.escalation import same_coverage, toolkit_classes


def test_same_coverage_keeps_only_what_the_toolkit_codes():
    bow = ["verbal_conflict", "material_cooperation", "irrelevant", "verbal_cooperation"]
    tk = ["material_conflict", "irrelevant", "verbal_cooperation", "verbal_cooperation"]
    assert same_coverage(bow, tk, "irrelevant") == [
        "verbal_conflict", "irrelevant", "irrelevant", "verbal_cooperation"]


def test_same_coverage_needs_one_prediction_per_item():
    with pytest.raises(ValueError):
        same_coverage(["verbal_conflict"], ["verbal_conflict", "irrelevant"], "irrelevant")


def test_a_sentence_without_a_cue_is_masked():
    """Constructed UN-register sentences: one with an act, one the toolkit codes nothing in."""
    texts = ["The Varnish police arrested 30 protesters in Delmar on Tuesday.",
             "The 4471st session of the Kestral Assembly was held on a Monday."]
    tk = ["irrelevant" if c not in ("verbal_cooperation", "material_cooperation", "verbal_conflict",
                                    "material_conflict") else c
          for c in toolkit_classes(texts, rules=("first",))[0]["first"]]
    assert tk == ["material_conflict", "irrelevant"]
    assert same_coverage(["verbal_conflict", "material_cooperation"], tk, "irrelevant") == [
        "verbal_conflict", "irrelevant"]


@pytest.mark.slow
def test_quadclass_reports_the_same_coverage_reference():
    from conftest import need_shared

    from toolkit.validation.escalation import evaluate

    res = {r.measure: r for r in evaluate(need_shared("eval-dev"), n_boot=0, limit=80)}
    systems = set(res["escalation.quadclass"].scores["system"])
    assert {"bow_lr_cv", "bow_lr_cv_same_coverage"} <= systems
    assert "bow_lr_cv_same_coverage" not in set(res["escalation.pentaclass"].scores["system"])
