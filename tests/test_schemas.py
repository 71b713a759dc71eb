"""schemas: one declared type per column, empty tables included, so runs combine."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq
import pytest

from toolkit import cli, schemas

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("table, frame, column, expected", [
    # an empty table: object columns with no values
    ("escalation", pd.DataFrame(columns=["doc_id", "start", "goldstein", "reported"]), "doc_id", pa.large_string()),
    ("escalation", pd.DataFrame(columns=["doc_id", "start", "goldstein", "reported"]), "reported", pa.bool_()),
    # an empty table that pandas made double
    ("rhetoric", pd.DataFrame({"doc_id": np.array([], dtype=float)}), "doc_id", pa.large_string()),
    # a quote id that went through a float column
    ("frames", pd.DataFrame({"doc_id": ["d", "d"], "quote_id": [1.0, np.nan]}), "quote_id", pa.int64()),
    ("quotes", pd.DataFrame({"doc_id": ["d"], "quote_id": pd.array([3], dtype="Int64")}), "quote_id", pa.int64()),
    ("documents", pd.DataFrame({"doc_id": ["d"], "text": ["t"], "language": [None]}), "language", pa.large_string()),
])
def test_conform_gives_the_declared_type(table, frame, column, expected):
    t = schemas.conform(table, frame)
    assert t.schema.field(column).type == expected
    assert schemas.mismatches(table, t.schema) == []


def test_conform_keeps_values_and_undeclared_columns():
    df = pd.DataFrame({"doc_id": ["a", "b"], "quote_id": [1.0, np.nan], "mine": ["x", "y"]})
    t = schemas.conform("frames", df)
    assert t.column("quote_id").to_pylist() == [1, None] and t.schema.names[-1] == "mine"
    back = t.to_pandas()
    assert back["quote_id"].dtype == "Int64" and back["doc_id"].tolist() == ["a", "b"]
    assert schemas.conform("my_table", df).schema.names == ["doc_id", "quote_id", "mine"]


@pytest.mark.parametrize("table, frame, message", [
    ("mentions", pd.DataFrame({"start": ["USA_77_2022"]}), "table 'mentions' column 'start'"),
    ("quotes", pd.DataFrame({"quote_id": [1.5]}), "column 'quote_id'"),
    ("sentiment", pd.DataFrame({"tone": ["calm"]}), "column 'tone'"),
])
def test_values_the_type_cannot_take_are_an_error_not_a_silent_cast(table, frame, message):
    with pytest.raises(schemas.SchemaError, match=message):
        schemas.conform(table, frame)


def test_the_readme_documents_every_declared_schema():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- schemas:start -->\n(.*?)\n<!-- schemas:end -->", readme, re.DOTALL)
    assert block and block.group(1).strip() == schemas.markdown_table()


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """One run where nothing is found (empty annotation tables) and one on the sample."""
    base = tmp_path_factory.mktemp("runs")
    (base / "quiet").mkdir()
    (base / "quiet" / "a.txt").write_text("Nothing here.\n")
    runs = {}
    for name, source in (("quiet", str(base / "quiet")), ("sample", "sample")):
        out = base / "out" / name
        assert cli.main(["analyze", source, "--out", str(out), "--workers", "1"]) == 0
        runs[name] = out
    return runs


def test_every_table_of_a_run_is_declared(two_runs):
    names = {p.stem for p in two_runs["sample"].glob("*.parquet")}
    assert names <= set(schemas.SCHEMAS), f"undeclared tables: {sorted(names - set(schemas.SCHEMAS))}"


def test_an_empty_run_is_written_with_the_declared_schemas(two_runs):
    bad = {p.stem: schemas.mismatches(p.stem, pq.read_schema(p)) for p in two_runs["quiet"].glob("*.parquet")}
    assert not {k: v for k, v in bad.items() if v}


def test_two_runs_read_as_one_dataset_and_with_duckdb(two_runs, tmp_path):
    duckdb = pytest.importorskip("duckdb", reason="duckdb is in the dev extras")
    for run, folder in two_runs.items():
        for p in folder.glob("*.parquet"):
            (tmp_path / p.stem).mkdir(exist_ok=True)
            pq.write_table(schemas.conform(p.stem, pq.read_table(p)), tmp_path / p.stem / f"{run}.parquet")
    for table in ("escalation", "rhetoric", "quotes", "frames", "mentions", "documents"):
        n = {run: pq.read_metadata(folder / f"{table}.parquet").num_rows for run, folder in two_runs.items()}
        assert n["quiet"] == 0 or table == "documents"
        got = pads.dataset(tmp_path / table, format="parquet").to_table()
        assert got.num_rows == sum(n.values()) and got.schema.field("doc_id").type == pa.large_string()
        glob = str(tmp_path / table / "*.parquet")
        assert duckdb.sql(f"select count(*) from read_parquet('{glob}')").fetchall()[0][0] == sum(n.values())
    joined = duckdb.sql(f"""select q.doc_id, count(*) from read_parquet('{tmp_path}/quotes/*.parquet') q
                            join read_parquet('{tmp_path}/documents/*.parquet') d using (doc_id)
                            group by 1""").fetchall()
    assert sum(c for _, c in joined) == pq.read_metadata(two_runs["sample"] / "quotes.parquet").num_rows
