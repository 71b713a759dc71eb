"""The faster lexicon matcher finds exactly what the original per-token loop found.

``ReferenceMatcher`` keeps the original ``find`` and ``_find_doc`` (a Python loop building a
haystack token by token, scanned by an Aho-Corasick automaton); the toolkit's matcher compares
integer ids of the tokens with numpy instead.
Compared on fictional text, on UN speeches, with gapped entries, per-entry ``match_on`` and both
overlap modes, and with every bundled lexicon when there are any.
"""
from __future__ import annotations

import functools
from collections import defaultdict

import numpy as np
import pandas as pd
import pipeline_helpers as H
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import lexicon as L
from toolkit.tokenize import tokenize_documents


def longest_reference(hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The original per-document rule: leftmost-longest non-overlapping spans; all entries
    sharing a winning span are kept."""
    if not hits:
        return hits
    hits = sorted(set(hits), key=lambda h: (h[0], -(h[1] - h[0]), h[2]))
    out: list[tuple[int, int, int]] = []
    last_end = -1
    win = None
    for a, b, eid in hits:
        if win is not None and (a, b) == win:
            out.append((a, b, eid))
        elif a >= last_end:
            out.append((a, b, eid))
            last_end, win = b, (a, b)
    return out


class ReferenceMatcher(L.Matcher):
    """The matcher as first written: one Aho-Corasick automaton per key column of this lexicon,
    scanned over each document's keys joined by spaces."""

    @functools.cached_property
    def automata(self) -> dict:
        import ahocorasick

        out = {}
        for on, keyed in self._patterns.items():
            auto = ahocorasick.Automaton()
            for key, vals in keyed.items():
                auto.add_word(key, (len(key), tuple(vals)))
            auto.make_automaton()
            out[on] = auto
        return out

    def find(self, tokens, texts, *, overlaps="longest"):
        out = {c: [] for c in L.HIT_COLUMNS}
        if len(tokens):
            doc_arr = tokens["doc_id"].to_numpy()
            sent_arr = tokens["sent_id"].to_numpy()
            tokid_arr = tokens["tok_id"].to_numpy()
            start_arr = tokens["start"].to_numpy()
            end_arr = tokens["end"].to_numpy()
            cols = {on: (tokens[on].tolist() if on in ("lemma", "lower") else tokens["text"].tolist())
                    for on in self.automata}
            for doc_id, i, j in L._doc_slices(doc_arr):
                hits = self._find_doc(cols, sent_arr, i, j)
                if overlaps == "longest":
                    hits = longest_reference(hits)
                text = texts[doc_id]
                for a, b, eid in hits:
                    s, e = int(start_arr[a]), int(end_arr[b - 1])
                    for col, v in zip(L.HIT_COLUMNS, (doc_id, int(sent_arr[a]), int(tokid_arr[a]),
                                                      int(tokid_arr[b - 1]) + 1, s, e, text[s:e], eid)):
                        out[col].append(v)
        hits_df = pd.DataFrame(out, columns=L.HIT_COLUMNS)
        for c in ("sent_id", "tok_start", "tok_end", "start", "end", "entry_id"):
            hits_df[c] = hits_df[c].astype("int64")
        extra = self.lexicon.entries.drop(columns=[c for c in ("match_on", "pattern") if c in self.lexicon.entries])
        extra = extra.rename(columns={"text": "entry_text"})
        merged = hits_df.merge(extra, on="entry_id", how="left", sort=False)
        merged["source"] = self.lexicon.tag
        return merged

    def _find_doc(self, cols, sent_arr, i, j):
        raw = []
        for on, auto in self.automata.items():
            keys = cols[on]
            pieces, starts, pos, prev_sent = [], [], 0, None
            for r in range(i, j):
                if sent_arr[r] != prev_sent:
                    if prev_sent is not None:
                        pieces.append("\n")
                        pos += 1
                    pieces.append(" ")
                    pos += 1
                    prev_sent = sent_arr[r]
                starts.append(pos)
                k = L._norm(keys[r])
                pieces.append(k)
                pieces.append(" ")
                pos += len(k) + 1
            haystack = "".join(pieces)
            starts_arr = np.asarray(starts)
            for end_idx, (klen, vals) in auto.iter(haystack):
                first_char = end_idx - klen + 2
                r0 = int(np.searchsorted(starts_arr, first_char))
                for eid, part, ntok in vals:
                    raw.append((i + r0, i + r0 + ntok, eid, part))
        hits = [(a, b, eid) for a, b, eid, part in raw if eid not in self.gapped]
        if self.gapped:
            hits.extend(self._join_gaps(raw, sent_arr))
        return hits

    def _join_gaps(self, raw, sent_arr) -> list[tuple[int, int, int]]:
        """The original gap join: a scan of every later part's spans for each first part."""
        by_part: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        for a, b, eid, part in raw:
            if eid in self.gapped:
                by_part[(eid, part)].append((a, b))
        out = []
        for eid, nparts in self.gapped.items():
            firsts = sorted(by_part.get((eid, 0), []))
            for a, b in firsts:
                end, ok = b, True
                for k in range(1, nparts):
                    cands = [(x, y) for x, y in by_part.get((eid, k), [])
                             if end <= x <= end + self.max_gap and sent_arr[x] == sent_arr[a]]
                    if not cands:
                        ok = False
                        break
                    end = min(cands)[1]
                if ok:
                    out.append((a, end, eid))
        return out


DEMO = L.from_records("demo", [
    {"entry": "warn", "category": "warn"},
    {"entry": "serious consequence", "category": "warn"},
    {"entry": "threaten ... sanction", "category": "threat"},
    {"entry": "respond accordingly", "category": "warn"},
    {"entry": "U.N.", "category": "org", "match_on": "text"},
    {"entry": "didn't", "category": "neg", "match_on": "lower"},
    {"entry": "Borovia 's", "category": "actor", "match_on": "text"},
    {"entry": "talk", "category": "dialogue"},
    {"entry": "talk in geneva", "category": "dialogue"},
], max_gap=4)


def same_hits(lex, docs, overlaps):
    _, toks = tokenize_documents(docs["doc_id"].tolist(), docs["text"].tolist())
    texts = dict(zip(docs["doc_id"], docs["text"]))
    got = L.Matcher(lex).find(toks, texts, overlaps=overlaps)
    exp = ReferenceMatcher(lex).find(toks, texts, overlaps=overlaps)
    pd.testing.assert_frame_equal(got, exp)
    return got


@pytest.mark.parametrize("overlaps", ["longest", "all"])
def test_demo_lexicon_on_fictional_statements(overlaps):
    hits = same_hits(DEMO, H.documents(24), overlaps)
    assert {"warn", "threat", "org", "neg", "dialogue"} <= set(hits["category"])


@pytest.mark.parametrize("name", L.names() or ["(none bundled)"])
def test_bundled_lexicons_on_un_speeches(name):
    if name == "(none bundled)":
        pytest.skip("no bundled lexicons on this branch")
    un = H.un_slice(6)
    docs = un if un is not None else H.documents(24)
    same_hits(L.load(name), docs, "longest")


def test_empty_and_filtered_tokens():
    docs = H.documents(4)
    _, toks = tokenize_documents(docs["doc_id"].tolist(), docs["text"].tolist())
    texts = dict(zip(docs["doc_id"], docs["text"]))
    for sub in (toks.iloc[0:0], toks[toks["sent_id"] % 2 == 0], toks[toks["doc_id"] != "doc001"]):
        pd.testing.assert_frame_equal(L.Matcher(DEMO).find(sub, texts), ReferenceMatcher(DEMO).find(sub, texts))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Arland", "warned", "warns", "serious", "consequences", "threatened",
                                 "new", "sanctions", "talks", "in", "Geneva", ".", "U.N.", "didn't",
                                 "Borovia's", "respond", "accordingly", "\n\n", "!"]), max_size=40))
def test_any_sequence(words):
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": [" ".join(words), " ".join(reversed(words))]})
    same_hits(DEMO, docs, "all")


def test_shared_keys_follow_column_changes():
    docs = H.documents(3)
    _, toks = tokenize_documents(docs["doc_id"].tolist(), docs["text"].tolist())
    texts = dict(zip(docs["doc_id"], docs["text"]))
    before = L.Matcher(DEMO).find(toks, texts)
    edited = toks.copy()
    edited.loc[edited["lemma"] == "warn", "lemma"] = "caution"       # a new column array
    after = L.Matcher(DEMO).find(edited, texts)
    assert (before["entry"] == "warn").sum() > 0 and (after["entry"] == "warn").sum() == 0
    pd.testing.assert_frame_equal(after, ReferenceMatcher(DEMO).find(edited, texts))
    pd.testing.assert_frame_equal(L.Matcher(DEMO).find(toks, texts), before)


def test_lexicons_share_one_scan_per_key_column():
    """Several-token keys of every matcher go into one automaton per key column; a lexicon made
    after a table was scanned, and a key two lexicons share, still give each its own hits."""
    docs = H.documents(6)
    _, toks = tokenize_documents(docs["doc_id"].tolist(), docs["text"].tolist())
    texts = dict(zip(docs["doc_id"], docs["text"]))
    first = L.Matcher(DEMO).find(toks, texts)
    late = L.from_records("late", [{"entry": "serious consequence", "category": "x"},
                                   {"entry": "call for talk", "category": "y"},
                                   {"entry": "warn", "category": "z"}])
    got = L.Matcher(late).find(toks, texts, overlaps="all")
    pd.testing.assert_frame_equal(got, ReferenceMatcher(late).find(toks, texts, overlaps="all"))
    assert {"x", "y", "z"} <= set(got["category"])
    pd.testing.assert_frame_equal(L.Matcher(DEMO).find(toks, texts), first)
    pd.testing.assert_frame_equal(first, ReferenceMatcher(DEMO).find(toks, texts))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 5), st.integers(0, 6)), max_size=40),
       st.booleans())
def test_longest_array_keeps_what_the_per_document_rule_keeps(spans, repeat):
    rows = [(a, a + n, e) for a, n, e in spans]
    rows += rows[: len(rows) // 2] if repeat else []    # duplicates, as two key columns give
    hits = np.asarray(rows, dtype=np.int64).reshape(-1, 3)
    expected = np.asarray(longest_reference(rows), dtype=np.int64).reshape(-1, 3)
    assert np.array_equal(L._longest_array(hits), expected)


HOSTILE = L.from_records("hostile", [
    {"entry": "warn", "category": "a"},
    {"entry": "warn", "category": "b"},                         # one key, two entries
    {"entry": "warn of", "category": "a"},
    {"entry": "warn of", "category": "b"},
    {"entry": "warn ... of ... sanction", "category": "gap3"},  # three parts
    {"entry": "of ... of", "category": "gap_same"},             # a part repeated
    {"entry": "didn't warn", "category": "neg", "match_on": "lower"},
    {"entry": "Didn’t", "category": "neg", "match_on": "text"},  # curly: shares a key with straight
    {"entry": "a b a b a b a b a b", "category": "long"},       # too wide for one integer per window
    {"entry": "b a b", "category": "mid"},
], max_gap=2)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["warn", "warned", "of", "sanctions", "didn't", "didn’t", "Didn’t",
                                 "Didn't", "a", "b", ".", "\n\n"]), max_size=60),
       st.sampled_from(["all", "longest"]))
def test_hostile_sequences(words, overlaps):
    """Keys shared by entries, gaps of three parts, apostrophe variants of one key and a key too
    wide to pack into one integer: the same rows as the original matcher, in the same order."""
    docs = pd.DataFrame({"doc_id": ["x", "y"], "text": [" ".join(words), " ".join(words[::-1])]})
    same_hits(HOSTILE, docs, overlaps)
