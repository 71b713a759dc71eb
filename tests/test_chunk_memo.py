"""What annotators compute from a chunk's columns is shared through the chunk's memo, never a
module-level one: results do not depend on what the process computed or loaded before."""
from __future__ import annotations

import pandas as pd
import pytest

from toolkit import lexicon, tokenize
from toolkit.tokenize import chunk_memo, column_list, tokenize_documents, vocabulary, word_mask

TEXTS = ["Russia issued a stern warning to the United States on Monday.",
         "The United Nations Security Council met; no stern warnings were issued."]

LEX_A = [{"entry": "stern warning", "category": "warn"}, {"entry": "United States", "category": "state"},
         {"entry": "issue ... warning", "category": "warn"}]
# B shares a key with A and has keys overlapping A's ("the United", "warning to").
LEX_B = [{"entry": "stern warning", "category": "x"}, {"entry": "the United", "category": "x"},
         {"entry": "warning to", "category": "x"}, {"entry": "Security Council", "category": "x"}]


def _tokens():
    return tokenize_documents(["a", "b"], TEXTS)[1]


def _hits(lex, tokens):
    return lex.find(tokens, dict(zip(["a", "b"], TEXTS)), overlaps="all")


@pytest.mark.parametrize("first, memo", [
    (None, False), (None, True), (LEX_B, False), (LEX_B, True),
    ([{"entry": "stern", "category": "x"}], True),
])
def test_a_lexicons_hits_do_not_depend_on_other_lexicons_loaded(first, memo):
    expected = _hits(lexicon.from_records("a", LEX_A), _tokens())
    assert len(expected) == 4 and set(expected["text"]) >= {"stern warning", "United States"}
    tokens = _tokens()
    with chunk_memo() if memo else _nothing():
        if first is not None:
            _hits(lexicon.from_records("b", first), tokens)      # loaded and matched first
        got = _hits(lexicon.from_records("a", LEX_A), tokens)
    pd.testing.assert_frame_equal(got, expected)


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


@pytest.mark.parametrize("helper, expected", [
    (lambda s: vocabulary(s)[0].tolist(), [0, 1, 0]),
    (column_list, ["war", "and", "war"]),
    (lambda s: word_mask(s, {"war", "peace"}).tolist(), [True, False, True]),
])
def test_helpers_share_inside_a_memo_and_compute_afresh_outside(helper, expected):
    s = pd.Series(["war", "and", "war"], dtype="string[pyarrow]")
    with chunk_memo() as memo:
        assert helper(s) == expected
        assert vocabulary(s)[0] is vocabulary(s)[0]        # shared while the memo is open
        assert column_list(s) is column_list(s)
    assert memo.get(s.array.__arrow_array__(), "vocab") is None   # emptied with the block
    assert vocabulary(s)[0] is not vocabulary(s)[0]               # nothing kept outside one
    assert column_list(s) is not column_list(s)
    assert helper(s) == expected


def test_no_module_level_memos_remain():
    for module, names in ((tokenize, ("ArrayMemo", "_VOCAB", "_COLUMNS")),
                          (lexicon, ("_NORMED", "_HAYSTACKS", "_SHARED"))):
        assert not [n for n in names if hasattr(module, n)]


def test_the_engine_opens_the_chunks_memo():
    from toolkit.annotator import Annotator
    from toolkit.engine.chunk import run_chunk

    seen = []

    def step(tables):
        seen.append(tokenize._OPEN.get() is tables.columns)
        return {"n": tables["tokens"][["doc_id"]]}

    run_chunk(pd.DataFrame({"doc_id": ["a"], "text": [TEXTS[0]]}), [Annotator("n", ("n",), step)])
    assert seen == [True] and tokenize._OPEN.get() is None
