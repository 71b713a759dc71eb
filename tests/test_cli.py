"""The command line contract: `python -m toolkit analyze INPUT --out DIR`."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from toolkit.cli import main


def test_analyze_writes_one_parquet_per_table(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 7, "text": "The Kremlin warned Washington.", "date": "2024-09-11"}) + "\n"
                   + "{broken\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(src), "--out", str(out), "--workers", "1"]) == 0
    for name in ("documents", "sentences", "tokens", "load_report"):
        assert (out / f"{name}.parquet").exists(), name
    docs = pd.read_parquet(out / "documents.parquet")
    assert docs["doc_id"].tolist() == ["7"]
    assert str(docs["date"].iloc[0]) == "2024-09-11 00:00:00+00:00"
    rep = pd.read_parquet(out / "load_report.parquet")
    assert list(rep.columns[:4]) == ["source", "item", "status", "reason"]
    assert rep["status"].tolist() == ["loaded", "skipped"]
    assert rep["reason"].iloc[1].startswith("malformed JSON at line 2")
    toks = pd.read_parquet(out / "tokens.parquet")
    text = docs["text"].iloc[0]
    assert all(text[a:b] == t for a, b, t in zip(toks.start, toks.end, toks.text))


def test_analyze_csv_format(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("id,body\n1,Moscow replied.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(src), "--out", str(out), "--format", "csv", "--text-col", "body",
                 "--workers", "1"]) == 0
    assert pd.read_csv(out / "documents.csv")["text"].tolist() == ["Moscow replied."]
    assert (out / "tokens.csv").exists()


def test_bad_input_is_one_clear_line(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\n{oops\n', encoding="utf-8")
    assert main(["analyze", str(bad), "--out", str(tmp_path / "o"), "--strict"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "bad.jsonl line 2: malformed JSON" in err
    assert "Traceback" not in err


def test_unknown_annotator_is_a_clear_error(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("Text.", encoding="utf-8")
    assert main(["analyze", str(src), "--out", str(tmp_path / "o"), "--annotators", "nope"]) == 2
    assert "value must be among" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["sample"])
def test_dataset_names(tmp_path, name):
    out = tmp_path / "o"
    assert main(["analyze", name, "--out", str(out), "--workers", "1"]) == 0
    assert len(pd.read_parquet(out / "documents.parquet")) >= 5


@pytest.mark.slow
def test_command_ends_its_workers_server(tmp_path):
    """The workers' server the command starts ends with it, also when the run came from the
    cache and the server was still warming up; a caller reading the output does not wait."""
    code = ("import sys\nfrom toolkit import _workers, cli\n"
            "if __name__ == '__main__':\n"
            "    rc = cli.main(['analyze', 'sample', '--out', sys.argv[1], '--workers', '2'])\n"
            "    print('server', _workers._server_pid(), rc)\n")
    script = tmp_path / "run.py"
    script.write_text(code, encoding="utf-8")
    env = {**os.environ, "TOOLKIT_CACHE": str(tmp_path / "cache"),
           "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    for i, expect in enumerate(["0 from the cache", "from the cache"]):
        done = subprocess.run([sys.executable, str(script), str(tmp_path / f"o{i}")], env=env,
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-2000:]
        lines = done.stdout.strip().splitlines()
        assert lines[-1] == "server None 0"
        assert expect in lines[-2]
    chunks = lines[-2].split()[0]
    assert lines[-2].startswith(f"{chunks} chunks, {chunks} from the cache")
