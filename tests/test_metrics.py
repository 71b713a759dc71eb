"""Metrics against hand-computed values."""
from __future__ import annotations

import pytest

from toolkit.metrics import classification_scores, correlation_scores, span_scores


def test_prf_by_hand():
    # gold a a a b b ; pred a a b b a -> a: tp2 fp1 fn1 ; b: tp1 fp1 fn1
    s = classification_scores(list("aaabb"), list("aabba"), n_boot=0).set_index(["label", "metric"])["value"]
    assert s[("a", "precision")] == pytest.approx(2 / 3)
    assert s[("a", "recall")] == pytest.approx(2 / 3)
    assert s[("b", "f1")] == pytest.approx(0.5)
    assert s[("macro", "f1")] == pytest.approx((2 / 3 + 0.5) / 2)
    assert s[("all", "accuracy")] == pytest.approx(3 / 5)


def test_bootstrap_interval_contains_point():
    s = classification_scores(list("aaabbbab") * 10, list("aabbbbaa") * 10, n_boot=200)
    row = s[(s.label == "macro") & (s.metric == "f1")].iloc[0]
    assert row.ci_low <= row.value <= row.ci_high and row.ci_low < row.ci_high


def test_correlation_by_hand():
    s = correlation_scores([1, 2, 3], [2, 4, 7], n_boot=0).set_index("metric")["value"]
    assert s["spearman_r"] == pytest.approx(1.0)
    assert s["pearson_r"] == pytest.approx(0.9934, abs=1e-4)


def test_span_exact_vs_overlap():
    gold = [("d", 0, 10), ("d", 20, 30), ("e", 0, 5)]
    pred = [("d", 0, 10), ("d", 22, 30), ("e", 6, 9)]
    ex = span_scores(gold, pred, n_boot=0).set_index("metric")["value"]
    ov = span_scores(gold, pred, mode="overlap", n_boot=0).set_index("metric")["value"]
    assert (ex["precision"], ex["recall"]) == pytest.approx((1 / 3, 1 / 3))
    assert (ov["precision"], ov["recall"]) == pytest.approx((2 / 3, 2 / 3))


def test_halves_split_items_by_hash_and_score_each():
    from toolkit.metrics import half_of

    keys = [f"sentence {i}" for i in range(200)]
    halves = [half_of(k) for k in keys]
    assert set(halves) == {"tune", "check"} and 60 < halves.count("tune") < 140
    assert [half_of(k) for k in keys] == halves                     # fixed by the key alone
    gold = ["a" if i % 3 else "b" for i in range(200)]
    pred = [g if h == "tune" else "a" for g, h in zip(gold, halves)]    # perfect on tune only
    s = classification_scores(gold, pred, n_boot=0, keys=keys)
    acc = s.query("metric == 'accuracy'").set_index("half")["value"]
    assert acc["tune"] == 1.0 and acc["check"] < 1.0 and acc["check"] < acc["all"] < 1.0
    spans = span_scores([(k, 0, 1) for k in keys], [(k, 0, 1) for k, h in zip(keys, halves) if h == "tune"],
                        n_boot=0, halves=True)
    rec = spans.query("metric == 'recall'").set_index("half")["value"]
    assert (rec["tune"], rec["check"]) == (1.0, 0.0)


@pytest.mark.parametrize("gold, pred, kappa", [
    (list("aabb"), list("aabb"), 1.0),
    (list("aabb"), list("abab"), 0.0),          # agreement at chance
    (list("aaab"), list("aaba"), -1 / 3),       # po 0.5, pe 0.625
])
def test_cohens_kappa_by_hand(gold, pred, kappa):
    s = classification_scores(gold, pred, n_boot=0).set_index("metric")["value"]
    assert s["kappa"] == pytest.approx(kappa)
