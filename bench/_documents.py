"""Texts the component benchmarks time: every 20th UN General Debate speech, or the bundled
sample when the shared corpus is absent (with a label saying which)."""
from __future__ import annotations

import gzip
import json
from itertools import islice

from toolkit import datasets
from toolkit.config import shared_path


def un_or_sample() -> tuple[list[str], str]:
    """``(document texts, what they are)``."""
    path = shared_path("corpora", "ungdc_1946-2024.jsonl.gz")
    if path is not None:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return [json.loads(line)["text"] for line in islice(f, 0, None, 20)], "UN General Debate sentences"
    return datasets.sample().documents["text"].tolist(), "bundled sample sentences (shared corpus absent)"
