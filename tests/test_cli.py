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


# ----------------------------------------------------------------------------- misuse at the door
# Misuse gets one clear line and exit 2, before any table is written.

def _folder(tmp_path, files):
    d = tmp_path / "in"
    d.mkdir()
    for name, data in files.items():
        (d / name).write_bytes(data)
    return d


@pytest.mark.parametrize("args, message", [
    (["/nope/x.csv"], "error: /nope/x.csv: no such file, folder or matching glob (datasets: sample"),
    (["ungd"], "error: ungd: no such file, folder or matching glob; did you mean the dataset 'ungdc'?"),
    (["presidental"], ("error: presidental: no such file, folder or matching glob; did you mean "
                       "the dataset 'presidential'?")),
    (["{in}"], "error: no documents in {in}: it holds no files"),
    (["{in}/a.txt", "{in}/missing.txt"], "error: {in}/missing.txt: no such file"),
    (["sample", "--limit", "-1"], "error: `--limit` value = -1 is invalid"),
])
def test_analyze_inputs_that_name_nothing(tmp_path, capsys, args, message):
    d = _folder(tmp_path, {})
    if len(args) > 1:
        (d / "a.txt").write_text("Moscow warned.", encoding="utf-8")
    out = tmp_path / "o"
    args = [a.format(**{"in": d}) for a in args]
    assert main(["analyze", *args, "--out", str(out), "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message.format(**{"in": d})) and err.count("\n") == 1
    assert not out.exists()


@pytest.mark.parametrize("files, extra, message", [
    ({"a.txt": b"", "b.bin": b"\x00\x01"}, [], "2 skipped (empty file: 1, unsupported file type .bin; supported: 1)"),
    ({"t.csv": b"id,body\n1,Moscow warned.\n"}, ["--text-col", "txt"],
     "missing text column 'txt': columns are ['id', 'body']"),
    ({"deep.json": b"[" * 10_000 + b"]" * 10_000}, [], "JSON nested too deeply"),
    ({"deep.json": b"[" * 10_000 + b"]" * 10_000, "ok.txt": b"Moscow warned."}, ["--strict"],
     "deep.json: JSON nested too deeply"),
    ({"a.txt": b"Moscow warned.", "t.csv": b'id,text\n1,"Unclosed\n2,Kyiv replied.\n'}, ["--strict"],
     "t.csv line 2: unbalanced quote at line 2"),
])
def test_analyze_no_good_documents_exits_2_before_any_table(tmp_path, capsys, files, extra, message):
    d = _folder(tmp_path, files)
    out = tmp_path / "o"
    assert main(["analyze", str(d), "--out", str(out), "--workers", "1", *extra]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1, err
    assert "Traceback" not in err and not out.exists()


@pytest.mark.parametrize("out, message", [
    ("afile", "error: --out {tmp}/afile is a file, not a folder"),
    ("afile/sub", "error: --out {tmp}/afile/sub: {tmp}/afile is a file, so the folder cannot be made"),
])
def test_analyze_unusable_out_exits_2_before_the_work(tmp_path, capsys, out, message):
    (tmp_path / "afile").write_text("mine", encoding="utf-8")
    src = tmp_path / "a.txt"
    src.write_text("Moscow warned.", encoding="utf-8")
    assert main(["analyze", str(src), "--out", str(tmp_path / out), "--workers", "1"]) == 2
    assert capsys.readouterr().err == message.format(tmp=tmp_path) + "\n"
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "mine"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anywhere")
def test_analyze_unwritable_out_exits_2(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("Moscow warned.", encoding="utf-8")
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro").chmod(0o555)
    try:
        assert main(["analyze", str(src), "--out", str(tmp_path / "ro" / "o")]) == 2
    finally:
        (tmp_path / "ro").chmod(0o755)
    assert "no permission to write" in capsys.readouterr().err


def test_out_inside_the_input_folder_is_not_read_back(tmp_path):
    d = _folder(tmp_path, {"a.txt": b"The Kremlin warned Washington.", "b.txt": b"Kyiv replied."})
    for _ in range(2):
        assert main(["analyze", str(d), "--out", str(d / "out"), "--workers", "1", "--annotators", "",
                     "--no-cache"]) == 0
    assert pd.read_parquet(d / "out" / "documents.parquet")["doc_id"].tolist() == ["a", "b"]
    rep = pd.read_parquet(d / "out" / "load_report.parquet")
    assert rep.set_index("item").loc["folder", "reason"].startswith("output folder of an earlier")


@pytest.mark.parametrize("args, message", [
    (["/nope/corpus"], "error: /nope/corpus: no such file, folder or matching glob"),
    (["sample", "--limit", "-1"], "error: `--limit` value = -1 is invalid"),
    (["sample", "--limit", "0"], "error: `--limit` value = 0 is invalid"),
])
def test_report_misuse_exits_2_at_once(tmp_path, capsys, args, message):
    import time

    t0 = time.perf_counter()
    assert main(["report", *args, "--out", str(tmp_path / "r")]) == 2
    assert time.perf_counter() - t0 < 10   # no notebook ran
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize("inputs", [[], ["sample"], ["ungdc"]])
def test_default_corpus_and_dataset_names_pass_the_door(inputs):
    from toolkit.cli import _check_inputs

    assert _check_inputs(inputs) is None   # report with no input uses the default corpus


@pytest.mark.parametrize("argv, starts", [
    (["analyze", "sample", "--workers", "2"], True),
    (["analyze", "sample", "--workers", "2", "--annotators", "actors"], True),
    (["analyze", "sample", "--workers", "1"], False),    # no workers, no server
])
def test_the_command_starts_the_workers_server_before_it_loads_pandas(tmp_path, argv, starts):
    # The server warms up (its own pandas, WordNet, the steps' data) while the command loads
    # pandas and reads its input; a command that loads pandas first makes every chunk wait.
    code = ("import sys, runpy\n"
            "from toolkit import _workers\n"
            "def probe(*a, **k):\n"
            "    print('server started; pandas loaded:', 'pandas' in sys.modules, flush=True)\n"
            "    raise SystemExit(0)\n"
            "_workers.start_forkserver = probe\n"
            f"sys.argv = ['toolkit', *{argv!r}, '--out', {str(tmp_path / 'out')!r}]\n"
            "runpy.run_module('toolkit', run_name='__main__')\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                       env=env, timeout=300)
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("server started")]
    assert lines == (["server started; pandas loaded: False"] if starts else []), r.stdout + r.stderr[-2000:]
