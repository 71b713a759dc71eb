"""Loading loses nothing: every file, row or line is loaded or skipped with a reason."""
from __future__ import annotations

import gzip
import json
import os
import re

import pandas as pd
import pytest

from toolkit import CorpusError, load_corpus
from toolkit.corpus import decode_bytes, parse_date


@pytest.fixture
def broken_folder(tmp_path):
    """Good files next to deliberately broken ones."""
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    (d / "good.txt").write_text("Title: Moscow warns\nDate: 2024-09-11\nSource: Wire\n\nThe Kremlin warned.", encoding="utf-8")
    (d / "sub" / "front.md").write_text("---\ntitle: Kyiv replies\ndate: 2024-09-12\nauthor: Desk\n---\nKyiv replied.\n", encoding="utf-8")
    (d / "bom.txt").write_bytes("\ufeffUTF-8 with a BOM: Kyiv’s reply.".encode("utf-8"))
    (d / "utf16.txt").write_bytes("UTF-16 text: “quoted”.".encode("utf-16"))
    (d / "legacy.txt").write_bytes("Caf\xe9 diplomacy \x93quoted\x94.".encode("latin-1"))
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("   \n\n  ", encoding="utf-8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (d / "bad_utf8.txt").write_bytes("Valid “UTF-8” start ".encode("utf-8") + b"\xff\xfe broken \xc3(")
    (d / "docs.jsonl").write_text('{"id": 1, "text": "First line."}\n{"id": 2, "text": "Second\n'
                                  '{"id": 3, "text": "Third line.", "date": "not a date"}\n[1, 2]\n', encoding="utf-8")
    (d / "truncated.json").write_text('[{"text": "a"}, {"text": "b"', encoding="utf-8")
    (d / "wrong_columns.csv").write_text("headline,body_text\nA,B\n", encoding="utf-8")
    (d / "table.csv").write_text('id,text,outlet\nc1,"Text, with comma",X\nc2,"Row with, too, many",Y,Z\nc3,,Y\n', encoding="utf-8")
    (d / "notes.xyz").write_text("unsupported", encoding="utf-8")
    (d / "zz_dup.txt").write_text("The Kremlin warned.", encoding="utf-8")
    with gzip.open(d / "packed.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "text": "Gzipped speech."}) + "\n")
    (d / "broken.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    return d


def test_broken_folder_loads_good_and_lists_bad(broken_folder):
    c = load_corpus(broken_folder)
    rep = c.report
    reason = {(r.source.split("corpus/")[-1], r.item): r.reason for r in rep.itertuples() if r.status == "skipped"}
    assert reason[("empty.txt", "file")] == "empty file"
    assert reason[("blank.txt", "file")] == "empty file"
    assert reason[("binary.txt", "file")].startswith("binary file")
    assert reason[("bad_utf8.txt", "file")].startswith("undecodable: invalid UTF-8 at line 1")
    assert reason[("docs.jsonl", "line 2")].startswith("malformed JSON at line 2")
    assert reason[("docs.jsonl", "line 4")] == "line 4 is a JSON list, not an object"
    assert reason[("truncated.json", "file")].startswith("malformed JSON at line 1")
    assert reason[("wrong_columns.csv", "file")].startswith("missing text column")
    assert reason[("table.csv", "line 3")] == "malformed row at line 3: 4 fields, header has 3"
    assert reason[("table.csv", "line 4")] == "empty text"
    assert reason[("notes.xyz", "file")].startswith("unsupported file type .xyz")
    assert reason[("zz_dup.txt", "file")] == "exact duplicate of doc good"
    assert reason[("broken.jsonl.gz", "file")].startswith("corrupt gzip file")
    loaded = set(c.documents["doc_id"])
    assert loaded == {"good", "front", "bom", "utf16", "legacy", "1", "3", "c1", "g1"}
    assert len(rep[rep.status == "loaded"]) == len(c.documents)
    # Every file in the folder appears in the report.
    files = {str(p) for p in broken_folder.rglob("*") if p.is_file()}
    assert files == set(rep["source"])
    assert "skipped" in c.summary()


def test_metadata_headers_and_decoding(broken_folder):
    docs = load_corpus(broken_folder).documents.set_index("doc_id")
    assert docs.loc["good", "title"] == "Moscow warns"
    assert docs.loc["good", "source"] == "Wire"
    assert docs.loc["good", "text"] == "The Kremlin warned."
    assert str(docs.loc["good", "date"]) == "2024-09-11 00:00:00+00:00"
    assert docs.loc["front", "author"] == "Desk"
    assert docs.loc["front", "text"] == "Kyiv replied.\n"
    assert docs.loc["bom", "text"].startswith("UTF-8 with a BOM")
    assert docs.loc["utf16", "text"] == "UTF-16 text: “quoted”."
    assert docs.loc["legacy", "text"] == "Café diplomacy “quoted”."
    assert docs.loc["c1", "outlet"] == "X" if "outlet" in docs else docs.loc["c1", "source"] == "X"
    assert pd.isna(docs.loc["3", "date"]) and docs.loc["3", "date_text"] == "not a date"


def test_notes_for_cp1252_and_bad_dates(broken_folder):
    rep = load_corpus(broken_folder).report.set_index("doc_id")
    assert rep.loc["legacy", "note"] == "decoded as cp1252 (not valid UTF-8)"
    assert "unparseable date 'not a date'" in rep.loc["3", "note"]


def test_strict_mode_names_file_and_line(broken_folder):
    with pytest.raises(CorpusError, match=r"docs\.jsonl line 2: malformed JSON"):
        load_corpus(broken_folder / "docs.jsonl", strict=True)


def test_jsonl_id_becomes_string_doc_id(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text('{"id": 42, "text": "Moscow warned."}\n', encoding="utf-8")
    assert load_corpus(p).documents["doc_id"].tolist() == ["42"]


def test_formats_parquet_tsv_dataframe_glob_list(tmp_path):
    df = pd.DataFrame({"doc_id": ["a", "b"], "body": ["One text.", "Two text."], "year": [2014, 2015]})
    df.to_parquet(tmp_path / "t.parquet")
    df.to_csv(tmp_path / "t.tsv", sep="\t", index=False)
    c1 = load_corpus(tmp_path / "t.parquet", columns={"text": "body"})
    assert c1.documents["text"].tolist() == ["One text.", "Two text."]
    assert c1.documents["date"].dt.year.tolist() == [2014, 2015]
    c2 = load_corpus(str(tmp_path / "*.tsv"), columns={"text": "body"})
    assert c2.documents["doc_id"].tolist() == ["a", "b"]
    c3 = load_corpus([tmp_path / "t.parquet", df.assign(doc_id=["c", "d"], body=["3.", "4."])],
                     columns={"text": "body"})
    assert c3.documents["doc_id"].tolist() == ["a", "b", "c", "d"]


def test_duplicate_ids_renamed_and_noted():
    c = load_corpus(pd.DataFrame({"id": ["x", "x"], "text": ["One.", "Two."]}))
    assert c.documents["doc_id"].tolist() == ["x", "x#2"]
    assert "renamed" in c.report["note"].iloc[1]


def test_missing_path_is_reported():
    c = load_corpus("/nonexistent/folder/file.txt")
    assert c.report["reason"].iloc[0].startswith("not found")


@pytest.mark.parametrize("raw, expected", [
    ("2024-09-11", "2024-09-11 00:00:00+00:00"),
    ("11 September 2024", "2024-09-11 00:00:00+00:00"),
    ("2024-09-11T10:00:00+02:00", "2024-09-11 08:00:00+00:00"),
    (1946, "1946-01-01 00:00:00+00:00"),
    ("Sept. 2024?", None),
    ("", None),
])
def test_parse_date(raw, expected):
    got = parse_date(raw)
    assert (None if got is None else str(got)) == expected


def test_decode_keeps_quotes_and_normalises():
    text, note = decode_bytes("A\u0301 “q” – ‘s’\r\n".encode("utf-8"))
    assert text == "Á “q” – ‘s’\n" and note == ""


@pytest.mark.slow
def test_ungdc_loads_everything():
    from conftest import need_shared
    from toolkit import datasets

    need_shared("corpora", "ungdc_1946-2024.jsonl.gz")
    c = datasets.ungdc()
    assert (c.n_loaded, c.n_skipped) == (10_952, 0)
    assert len(c.documents) == 10_952
    assert c.documents["doc_id"].is_unique
    row = c.documents.set_index("doc_id").loc["RUS_69_2014"]
    assert (row["country"], int(row["year"])) == ("RUS", 2014)


def test_presidential_loads(tmp_path):
    from conftest import need_shared
    from toolkit import datasets

    need_shared("corpora", "us_presidential_speeches_1789-2020.jsonl.gz")
    c = datasets.presidential()
    assert c.n_loaded + c.n_skipped == 1010
    assert c.documents["author"].iloc[0] == "George Washington"
    assert c.documents["date"].notna().all()


def test_sample_and_nltk_speeches():
    from toolkit import datasets, resources

    s = datasets.sample()
    assert s.n_skipped == 0 and len(s.documents) >= 5
    assert s.documents["date"].notna().all() and s.documents["title"].notna().all()
    if resources.available("inaugural"):
        n = datasets.nltk_speeches(["inaugural"])
        assert n.documents["doc_id"].iloc[0].startswith("inaugural/1789")


def test_dataframe_without_text_column_is_one_skip():
    c = load_corpus(pd.DataFrame({"words": ["a", "b"]}))
    assert len(c.report) == 1 and c.report["reason"].iloc[0].startswith("missing text column")


# ----------------------------------------------------------------------------- hostile input
# One bad item never costs the good ones: each case below puts a bad item next to good ones
# and checks that the good ones load, the bad one has a report row naming it, and strict mode
# fails with one line naming the file.

def _rows(c):
    """{(file name, item): (status, reason, note)} of a load report."""
    return {(r.source.rsplit("/", 1)[-1], r.item): (r.status, r.reason, r.note) for r in c.report.itertuples()}


GOOD = json.dumps({"id": "good", "text": "Moscow warned Kyiv."})


@pytest.mark.parametrize("line, field, expected, noted", [
    ('{"id": "s1", "text": "Kyiv \\ud800 replied."}', "text", "Kyiv \ufffd replied.", True),
    ('{"id": "s1", "text": "Kyiv replied.", "title": "T\\udfff"}', "title", "T\ufffd", True),
    ('{"id": "s1", "text": "Kyiv replied.", "meta": {"who": ["\\ud83d"]}}', "meta", {"who": ["\ufffd"]}, True),
    ('{"id": "s1", "text": "Kyiv replied.", "k\\ud800": "v"}', "k\ufffd", "v", True),
    ('{"id": "s1", "text": "A pair \\ud83d\\ude00 is fine."}', "text", "A pair \U0001F600 is fine.", False),
])
def test_lone_surrogate_in_json_is_repaired_with_a_note(tmp_path, line, field, expected, noted):
    p = tmp_path / "s.jsonl"
    p.write_text(GOOD + "\n" + line + "\n", encoding="utf-8")
    c = load_corpus(p)
    assert c.documents["doc_id"].tolist() == ["good", "s1"]
    assert c.documents.set_index("doc_id").loc["s1", field] == expected
    assert ("U+FFFD" in _rows(c)[("s.jsonl", "line 2")][2]) == noted
    c.documents.to_parquet(tmp_path / "d.parquet")   # what aborted the whole corpus before
    c.report.to_parquet(tmp_path / "r.parquet")


def test_lone_surrogate_in_json_file_and_dataframe(tmp_path):
    (tmp_path / "a.json").write_text('[{"text": "Bad \\udc00 text."}, {"text": "Good text."}]', encoding="utf-8")
    c = load_corpus([tmp_path / "a.json", pd.DataFrame({"text": ["Frame \ud800 text.", "Fine."],
                                                        "title": ["x\udfffy", "ok"]}, dtype=object)])
    assert c.documents["text"].tolist() == ["Bad \ufffd text.", "Good text.", "Frame \ufffd text.", "Fine."]
    assert c.documents["title"].tolist()[2:] == ["x\ufffdy", "ok"]
    assert [bool(n) for n in c.report["note"]] == [True, False, True, False]
    c.documents.to_parquet(tmp_path / "d.parquet")


def test_file_name_not_utf8_is_loaded_with_escapes(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "good.txt").write_text("Moscow warned.", encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"bad\xff name.txt"), "wb") as fh:
        fh.write(b"Kyiv replied.")
    c = load_corpus(folder)
    assert c.documents["doc_id"].tolist() == ["bad\\xff name", "good"]
    row = c.report.iloc[0]
    assert row["source"].endswith("bad\\xff name.txt") and "not valid UTF-8" in row["note"]
    c.report.to_parquet(tmp_path / "r.parquet")
    c.documents.to_parquet(tmp_path / "d.parquet")


DEEP = "[" * 10_000 + "]" * 10_000


@pytest.mark.parametrize("name, content, item", [
    ("deep.jsonl", GOOD + '\n{"text": ' + DEEP + "}\n" + GOOD.replace("good", "g3").replace("Moscow", "Paris") + "\n",
     "line 2"),
    ("deep.json", '{"documents": ' + DEEP + "}", "file"),
    ("deep.md", "---\ntitle: " + "[" * 10_000 + "\n---\nText.", "file"),
])
def test_deep_nesting_is_a_row_not_a_traceback(tmp_path, name, content, item):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    rows = _rows(load_corpus([p, pd.DataFrame({"text": ["Other."]})]))
    assert rows[(name, item)][0] == "skipped" and "nested too deeply" in rows[(name, item)][1]
    assert rows[("<DataFrame>", "row 1")][0] == "loaded"
    with pytest.raises(CorpusError, match=rf"^{re.escape(str(p))}.*nested too deeply[^\n]*$"):
        load_corpus(p, strict=True)


@pytest.mark.parametrize("body, loaded, bad_line", [
    ('1,"Unclosed quote runs to the end\n2,Second row.\n3,Third row.\n', ["2", "3"], 2),
    ('1,"A ""quoted"" word and a stray ""\n2,"Second row."\n3,Third row.\n', ["2", "3"], 2),
    ('1,First row.\n2,"Opened here\n3,Third row.\n', ["1", "3"], 3),
    # negative cases: legitimate quoting is kept as it is
    ('1,"Two\nparagraphs, one field."\n2,Second row.\n', ["1", "2"], None),
    ('1,"He said ""no"" twice."\n2,Second row.\n', ["1", "2"], None),
])
def test_csv_unbalanced_quote_does_not_swallow_rows(tmp_path, body, loaded, bad_line):
    p = tmp_path / "t.csv"
    p.write_text("id,text\n" + body, encoding="utf-8")
    c = load_corpus(p)
    assert c.documents["doc_id"].tolist() == loaded
    skipped = c.report[c.report.status == "skipped"]
    if bad_line is None:
        assert skipped.empty
        return
    assert skipped["item"].tolist() == [f"line {bad_line}"]
    assert skipped["reason"].iloc[0].startswith(f"unbalanced quote at line {bad_line}")
    with pytest.raises(CorpusError, match=rf"t\.csv line {bad_line}: unbalanced quote"):
        load_corpus(p, strict=True)


def test_csv_unbalanced_quote_in_the_header_names_it(tmp_path):
    (tmp_path / "h.csv").write_text('"id,text\n1,Moscow warned.\n2,Kyiv replied.\n', encoding="utf-8")
    assert load_corpus(tmp_path / "h.csv").report["reason"].tolist() == [
        "malformed CSV header: an unbalanced quote at line 1 runs on over lines 1-3"]


def test_csv_field_over_128kb_and_rows_after_it_load(tmp_path):
    """Python's csv stops at 128 KB a field by default: a long speech lost the rest of the table."""
    speech = "The Assembly heard a very long speech. " * 5000
    pd.DataFrame({"id": ["a", "b", "c"], "text": ["Short.", speech, "After it."]}).to_csv(
        tmp_path / "t.csv", index=False)
    c = load_corpus(tmp_path / "t.csv")
    assert c.documents["doc_id"].tolist() == ["a", "b", "c"] and c.n_skipped == 0
    assert c.documents["text"].iloc[1] == speech


@pytest.fixture
def linked_folder(tmp_path):
    """A corpus with a symlinked folder, a dangling link, a link loop, a hidden folder, a pipe
    and the output folder of an earlier run."""
    real = tmp_path / "elsewhere"
    real.mkdir()
    (real / "linked.txt").write_text("Behind a symlinked folder.", encoding="utf-8")
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text("Moscow warned.", encoding="utf-8")
    (d / "sub" / "b.txt").write_text("Kyiv replied.", encoding="utf-8")
    (d / "link").symlink_to(real, target_is_directory=True)
    (d / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (d / "sub" / "up").symlink_to(d, target_is_directory=True)
    (d / ".ipynb_checkpoints").mkdir()
    (d / ".ipynb_checkpoints" / "a-checkpoint.txt").write_text("A stale copy.", encoding="utf-8")
    (d / "out").mkdir()
    for name in ("analysis.json", "load_report.parquet", "documents.parquet"):
        (d / "out" / name).write_text("{}", encoding="utf-8")
    os.mkfifo(d / "pipe.txt")
    return d


def test_links_hidden_and_output_folders_each_get_a_row(linked_folder):
    c = load_corpus(linked_folder)
    assert sorted(c.documents["doc_id"]) == ["a", "b", "linked"]
    rows = _rows(c)
    assert rows[("linked.txt", "file")][0] == "loaded"
    assert rows[("gone.txt", "link")][1].startswith("dangling symbolic link (to ")
    assert rows[("up", "link")][1].startswith("symbolic link loop")
    assert rows[(".ipynb_checkpoints", "folder")][1].startswith("hidden folder")
    assert rows[("out", "folder")][1].startswith("output folder of an earlier")
    assert rows[("pipe.txt", "file")][1].startswith("not a regular file")
    assert not any("checkpoint" in str(o) for o in c.documents["origin"])
    # The pipeline's batches hand expanded paths back to load_corpus: the same rows again.
    from toolkit.corpus import _expand
    again = load_corpus([obj for _, obj in _expand(linked_folder)])
    assert again.report.drop(columns="note").equals(c.report.drop(columns="note"))


def test_unreadable_folder_is_a_row(linked_folder, monkeypatch):
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    rows = _rows(load_corpus(linked_folder))
    assert rows[("sub", "folder")] == ("skipped", "unreadable folder: Permission denied", "")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_folder_is_a_row_for_real(tmp_path):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text("Hidden away.", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Readable.", encoding="utf-8")
    (tmp_path / "locked").chmod(0)
    try:
        rows = _rows(load_corpus(tmp_path))
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert rows[("locked", "folder")][1].startswith("unreadable folder")


def test_glob_matching_a_folder_is_a_row(linked_folder):
    c = load_corpus(str(linked_folder / "*"))
    assert ("sub", "folder") in _rows(c) and "a" in set(c.documents["doc_id"])


@pytest.fixture
def hidden_tree(tmp_path):
    (tmp_path / "a" / ".hid").mkdir(parents=True)
    (tmp_path / ".top").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Moscow warned.", encoding="utf-8")
    (tmp_path / "a" / ".hid" / "y.txt").write_text("A hidden copy.", encoding="utf-8")
    (tmp_path / ".top" / "z.txt").write_text("Another.", encoding="utf-8")
    (tmp_path / "a" / ".dot.txt").write_text("A dot file.", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("pattern, hidden", [
    ("**/*.txt", {(".top", "folder"), (".dot.txt", "file"), (".hid", "folder")}),
    ("a/*.txt", set()),                         # no **: a plain pattern never enters folders
])
def test_glob_reports_hidden_paths_it_passes_over(hidden_tree, pattern, hidden):
    c = load_corpus(str(hidden_tree / pattern))
    assert {k for k, v in _rows(c).items() if v[1].startswith("hidden")} == hidden
    assert list(c.documents["doc_id"]) == ["x"]


def test_glob_matching_only_hidden_files_says_so(hidden_tree):
    from toolkit.corpus import _expand

    found = [(label.rsplit("/", 1)[-1], obj.item, obj.reason) for label, obj in _expand(str(hidden_tree / "**/y.txt"))]
    assert found == [(".hid", "folder", "hidden folder (name starts with '.'): not read")]
    c = load_corpus(str(hidden_tree / "**/y.txt"))
    assert c.documents.empty and list(c.report["status"]) == ["skipped"]


def _truncated_gz(path, text):
    data = gzip.compress(text.encode("utf-8"))
    path.write_bytes(data[: len(data) * 9 // 10])


def test_truncated_jsonl_gz_keeps_readable_lines(tmp_path):
    lines = [json.dumps({"id": i, "text": f"Speech {i}: " + "the delegation thanked the Assembly. " * 30})
             for i in range(120)]
    _truncated_gz(tmp_path / "t.jsonl.gz", "\n".join(lines) + "\n")
    c = load_corpus(tmp_path / "t.jsonl.gz")
    n = len(c.documents)
    assert 100 <= n < 120 and c.documents["doc_id"].tolist() == [str(i) for i in range(n)]
    last = c.report.iloc[-1]
    assert (last["status"], last["item"]) == ("skipped", f"line {n + 1}")
    assert last["reason"].startswith(f"truncated or damaged gzip file: the data ends inside line {n + 1}")
    with pytest.raises(CorpusError, match=rf"t\.jsonl\.gz line {n + 1}: truncated"):
        load_corpus(tmp_path / "t.jsonl.gz", strict=True)


def test_truncated_csv_gz_keeps_rows_and_txt_gz_is_a_row(tmp_path):
    rows = "\n".join(f"{i},Row {i} " + "says the minister. " * 40 for i in range(200))
    _truncated_gz(tmp_path / "t.csv.gz", "id,text\n" + rows + "\n")
    _truncated_gz(tmp_path / "d.txt.gz", "A long statement. " * 5000)
    c = load_corpus(tmp_path)
    n = len(c.documents)
    assert 150 < n < 200
    rep = _rows(c)
    assert rep[("d.txt.gz", "file")][1].startswith("truncated or damaged gzip file")
    assert rep[("t.csv.gz", f"line {n + 2}")][1].endswith(f"rows from line {n + 2} on are lost")


def test_gzip_bomb_and_huge_documents_stop_at_the_limits_in_bounded_memory(tmp_path):
    import tracemalloc

    zeros = gzip.compress(b"0" * (64 << 20), compresslevel=1)
    (tmp_path / "bomb.txt.gz").write_bytes(zeros)
    (tmp_path / "bomb.jsonl.gz").write_bytes(zeros)
    (tmp_path / "bomb.csv.gz").write_bytes(gzip.compress(b"id,text\n" + b"1,x\n" * (3 << 20), compresslevel=1))
    (tmp_path / "big.txt").write_bytes(b"word " * (600 << 10))
    (tmp_path / "rows.jsonl").write_text(json.dumps({"text": "word " * (300 << 10)}) + "\n" + GOOD + "\n",
                                         encoding="utf-8")
    tracemalloc.start()
    c = load_corpus(tmp_path, max_doc_mb=1, max_input_mb=8)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 40 << 20, f"peak {peak >> 20} MB"
    rep = _rows(c)
    assert rep[("bomb.txt.gz", "file")][1] == ("document too large: decompresses to more than the "
                                               "limit of 1.0 MB (TOOLKIT_MAX_DOC_MB)")
    assert rep[("bomb.jsonl.gz", "line 1")][1].startswith("line 1 is longer than 4.0 MB")
    assert rep[("bomb.csv.gz", "file")][1].startswith("file too large: decompresses to more than the limit of 8.0 MB")
    assert rep[("big.txt", "file")][1] == ("document too large: 2.9 MB, more than the limit of 1.0 MB "
                                           "(TOOLKIT_MAX_DOC_MB)")
    assert rep[("rows.jsonl", "line 1")][1].startswith("document too large: 1.5 MB of text")
    assert c.documents["doc_id"].tolist() == ["good"]


@pytest.mark.parametrize("env, value, ok", [
    ("TOOLKIT_MAX_DOC_MB", "0.00001", True), ("TOOLKIT_MAX_DOC_MB", "lots", False),
    ("TOOLKIT_MAX_INPUT_MB", "-3", False), ("TOOLKIT_MAX_DOC_MB", "inf", False),
])
def test_limits_from_the_environment(tmp_path, monkeypatch, env, value, ok):
    monkeypatch.setenv(env, value)
    (tmp_path / "a.txt").write_text("Moscow warned Kyiv again and again.", encoding="utf-8")
    if not ok:
        with pytest.raises(ValueError, match=rf"`{env}` value = '{re.escape(value)}' is invalid"):
            load_corpus(tmp_path)
        return
    assert load_corpus(tmp_path).report["reason"].iloc[0].startswith("document too large")


@pytest.mark.parametrize("codec, text", [
    ("utf-16-le", "Moscow warned Kyiv — “quoted” reply."),
    ("utf-16-be", "Moscow warned Kyiv — “quoted” reply."),
    ("utf-16-le", "Москва предупредила Киев. Киев ответил."),
])
def test_utf16_without_bom_is_detected(tmp_path, codec, text):
    (tmp_path / "u.txt").write_bytes(text.encode(codec))
    c = load_corpus(tmp_path / "u.txt")
    assert c.documents["text"].tolist() == [text]
    assert c.report["note"].iloc[0] == f"{codec.upper()} without byte-order mark (guessed from its NUL bytes)"


@pytest.mark.parametrize("data, reason", [
    (bytes(range(256)) * 4, "binary file (NUL bytes, not text)"),
    ("Odd length".encode("utf-16-le") + b"\x00", "undecodable: looks like UTF-16-LE"),
])
def test_binary_is_still_binary(tmp_path, data, reason):
    (tmp_path / "b.txt").write_bytes(data)
    assert load_corpus(tmp_path / "b.txt").report["reason"].iloc[0].startswith(reason)


def test_batches_give_unique_ids_as_one_load_does(tmp_path):
    """Inputs over one batch (16 MB in the pipeline) gave two report rows the same wrong id."""
    from toolkit.corpus import load_batches

    (tmp_path / "1.jsonl").write_text(json.dumps({"id": "a", "text": "First."}) + "\n", encoding="utf-8")
    (tmp_path / "2.jsonl").write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in
                                              [("a", "Second."), ("a", "Third."), ("a#2", "Fourth."),
                                               ("b", "First.")]), encoding="utf-8")
    whole = load_corpus(tmp_path)
    batches = list(load_batches(tmp_path, batch_bytes=1))
    assert len(batches) == 2
    ids = [i for b in batches for i in b.documents["doc_id"]]
    report = pd.concat([b.report for b in batches], ignore_index=True)
    assert ids == whole.documents["doc_id"].tolist() == ["a", "a#2", "a#3", "a#2#2"]
    assert report.equals(whole.report)
    assert report.loc[report.status == "loaded", "doc_id"].is_unique
    assert report["reason"].iloc[-1] == "exact duplicate of doc a"


@pytest.mark.parametrize("make, message", [
    (lambda d: None, "it holds no files"),
    (lambda d: (d / "a.txt").write_bytes(b""), "1 skipped (empty file: 1); first: "),
    (lambda d: (d / "t.csv").write_text("id,words\n1,Text.\n"), "missing text column"),
    (lambda d: (d / ".hidden").mkdir(), "1 skipped (hidden folder (name starts with '.'): 1)"),
])
def test_require_documents_says_why_there_are_none(tmp_path, make, message):
    from toolkit.corpus import require_documents

    make(tmp_path)
    with pytest.raises(CorpusError, match=re.escape(message)):
        require_documents(tmp_path)


def test_require_documents_stops_at_the_first_document(tmp_path, monkeypatch):
    from toolkit import corpus

    (tmp_path / "a.txt").write_text("Moscow warned.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    read = []
    real = corpus._records_from_file
    monkeypatch.setattr(corpus, "_records_from_file", lambda p, lim: read.append(p.name) or real(p, lim))
    corpus.require_documents(tmp_path)
    assert read == ["a.txt"]
    with pytest.raises(CorpusError, match="b.txt: empty file"):
        corpus.require_documents(tmp_path, strict=True)


@pytest.mark.parametrize("bad_line, reason", [
    ('{"id": ' + "1" * 5000 + ', "text": "x"}', "unreadable JSON at line 2: Exceeds the limit"),
    ('{"id": "l", "text": ["a", "list"]}', "text is not a string (list)"),
    ('{"id": "n", "text": 5}', "text is not a string (int)"),
    ('{"id": "e", "text": null}', "empty text"),
])
def test_one_bad_jsonl_line_is_one_row(tmp_path, bad_line, reason):
    p = tmp_path / "x.jsonl"
    p.write_text(GOOD + "\n" + bad_line + "\n" + GOOD.replace("good", "g3").replace("Moscow", "Paris") + "\n",
                 encoding="utf-8")
    c = load_corpus(p)
    assert c.documents["doc_id"].tolist() == ["good", "g3"]
    assert _rows(c)[("x.jsonl", "line 2")][1].startswith(reason)


def test_deep_folders_and_empty_gzip(tmp_path):
    d = tmp_path / "deep"
    for _ in range(300):   # the walk is iterative: no recursion limit on folder depth
        d = d / "a"
    d.mkdir(parents=True)
    (d / "x.txt").write_text("Deep down.", encoding="utf-8")
    (tmp_path / "empty.txt.gz").write_bytes(gzip.compress(b""))
    c = load_corpus(tmp_path)
    assert c.documents["doc_id"].tolist() == ["x"]
    assert _rows(c)[("empty.txt.gz", "file")][1] == "empty file"
