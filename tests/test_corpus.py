"""Loading loses nothing: every file, row or line is loaded or skipped with a reason."""
from __future__ import annotations

import gzip
import json

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
