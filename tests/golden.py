"""Golden tables: a small fixed corpus run through every annotator, each table summarised by its
row count and a content hash per column, so a refactor that changes any output is caught.

Re-bless after an intended change of output (in its own commit that says why)::

    make bless            # = .venv/bin/python tests/golden.py --bless

The corpus: the seed article, the bundled sample, 20 UN General Debate speeches (ten states in
2014 and 2022) and the 20 most recent US presidential speeches, read straight from the shared
files so that the test does not depend on the dataset loaders' filters. The tables depend on
the NLTK data installed (lemmas, sentences), so the golden file records what it was blessed
with (``_environment``) and the test skips where that data is missing.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import math
import sys
from pathlib import Path

import pandas as pd

GOLDEN = Path(__file__).with_name("golden") / "tables.json"
UN_STATES = ("RUS", "USA", "UKR", "GBR", "CHN", "IRN", "ISR", "PRK", "IND", "PAK")
UN_YEARS = (2014, 2022)
N_PRESIDENTIAL = 20
NLTK_NEEDS = ("punkt_tab", "wordnet", "stopwords")


def _shared(*parts: str) -> Path | None:
    from toolkit.config import shared_path

    return shared_path(*parts)


def missing_inputs() -> list[str]:
    """What the golden corpus needs and this machine lacks (empty when it can run)."""
    from toolkit import resources

    needs = [("seed", "article.txt"), ("corpora", "ungdc_1946-2024.jsonl.gz"),
             ("corpora", "us_presidential_speeches_1789-2020.jsonl.gz")]
    out = ["shared/" + "/".join(p) for p in needs if _shared(*p) is None]
    out += [f"NLTK data {n}" for n in NLTK_NEEDS if not resources.available(n)]
    return out


def _jsonl(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def corpus() -> pd.DataFrame:
    """The golden corpus as one table (doc_id, text, date, country, author)."""
    from toolkit import datasets

    rows = [{"doc_id": "seed", "text": _shared("seed", "article.txt").read_text(encoding="utf-8"),
             "date": "2024-09-11"}]
    sample = datasets.sample().documents
    rows += [{"doc_id": f"sample/{d}", "text": t} for d, t in zip(sample["doc_id"], sample["text"])]
    un = [o for o in _jsonl(_shared("corpora", "ungdc_1946-2024.jsonl.gz"))
          if o["country_iso3"] in UN_STATES and o["year"] in UN_YEARS]
    rows += [{"doc_id": o["file"].removesuffix(".txt"), "text": o["text"], "date": str(o["year"]),
              "country": o["country_iso3"]} for o in sorted(un, key=lambda o: o["file"])]
    pres = sorted(_jsonl(_shared("corpora", "us_presidential_speeches_1789-2020.jsonl.gz")),
                  key=lambda o: (o["date"] or "", o["file"]))[-N_PRESIDENTIAL:]
    rows += [{"doc_id": o["file"].removesuffix(".txt"), "text": o["text"], "date": o["date"],
              "author": o["president"]} for o in pres]
    return pd.DataFrame(rows)


def _cell(v) -> str:
    if v is None:
        return "\x00None"
    if isinstance(v, float):
        return "\x00NaN" if math.isnan(v) else format(v, ".10g")
    if hasattr(v, "tolist") and not isinstance(v, str):   # NumPy scalars and arrays
        v = v.tolist()
        if isinstance(v, float):
            return _cell(v)
    if isinstance(v, (list, tuple)):
        return "[" + ",".join(_cell(x) for x in v) + "]"
    if v is pd.NA or v is pd.NaT:
        return "\x00NA"
    return str(v)


def digest(df: pd.DataFrame) -> dict:
    """Row count, column order, each column's dtype and a hash of its values in row order
    (None, NaN and pd.NA told apart)."""
    cols = {}
    for col in df.columns:
        h = hashlib.blake2b(digest_size=12)
        h.update(str(df[col].dtype).encode() + b"\x1e")
        for v in df[col].tolist():
            h.update(_cell(v).encode("utf-8", "surrogatepass") + b"\x1f")
        cols[str(col)] = h.hexdigest()
    return {"rows": int(len(df)), "order": [str(c) for c in df.columns], "columns": cols}


def environment() -> dict:
    """What the tables depend on besides the code: NLTK's version and which data it found."""
    import nltk

    from toolkit import resources

    return {"nltk": nltk.__version__, "pandas": pd.__version__,
            "nltk_data": {n: bool(resources.available(n)) for n in NLTK_NEEDS}}


def compute() -> dict:
    """Run the golden corpus through every annotator (one process, no cache) and digest it."""
    import toolkit

    analysis = toolkit.analyze(corpus(), workers=1, cache=False, progress=False)
    return {name: digest(analysis[name]) for name in analysis.tables if name != "load_report"}


def main(argv: list[str]) -> int:
    if argv != ["--bless"]:
        print("usage: python tests/golden.py --bless", file=sys.stderr)
        return 2
    missing = missing_inputs()
    if missing:
        print(f"cannot bless: missing {', '.join(missing)}", file=sys.stderr)
        return 2
    GOLDEN.parent.mkdir(exist_ok=True)
    GOLDEN.write_text(json.dumps({"_environment": environment(), **compute()}, indent=1,
                                 sort_keys=True) + "\n")
    print(f"blessed {GOLDEN}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.exit(main(sys.argv[1:]))
