"""Sentences and tokens: offsets always slice back; news conventions come out right."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import tokenize as T
from toolkit.tokenize import sentence_spans, token_spans, tokenize_documents, word_tokenize


@pytest.mark.parametrize("text, expected", [
    ("U.S. officials met.", ["U.S.", "officials", "met", "."]),
    ("Mr. Peskov and Gen. Smith spoke.", ["Mr.", "Peskov", "and", "Gen.", "Smith", "spoke", "."]),
    ("J. R. Ewing arrived.", ["J.", "R.", "Ewing", "arrived", "."]),
    ("300 kilometers (190 miles) away", ["300", "kilometers", "(", "190", "miles", ")", "away"]),
    ("Kyiv’s American-supplied long-range missiles",
     ["Kyiv", "’s", "American-supplied", "long-range", "missiles"]),
    ("They don't know.", ["They", "do", "n't", "know", "."]),
    ("“No,” he said. 'Yes.'", ["“", "No", ",", "”", "he", "said", ".", "'", "Yes", ".", "'"]),
    ("On 2024-09-11 at 10:30, 1,000 troops", ["On", "2024-09-11", "at", "10:30", ",", "1,000", "troops"]),
    ("See https://example.org/a-b.html.", ["See", "https://example.org/a-b.html", "."]),
    ("O'Brien’s 1990s-era plan", ["O'Brien", "’s", "1990s-era", "plan"]),
    ("Wait... what — now?", ["Wait", "...", "what", "—", "now", "?"]),
    ("He was in the sun. No. 5 won.", ["He", "was", "in", "the", "sun", ".", "No.", "5", "won", "."]),
])
def test_news_tokens(text, expected):
    assert word_tokenize(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mr. Peskov spoke on Monday. The U.S. replied.", ["Mr. Peskov spoke on Monday.", "The U.S. replied."]),
    ("Gen. Smith said so. Then he left.", ["Gen. Smith said so.", "Then he left."]),
    # A headline line without a full stop is its own sentence.
    ("Kremlin warns Washington\nThe Kremlin has warned the US.", ["Kremlin warns Washington", "The Kremlin has warned the US."]),
    # Hard-wrapped lines inside a sentence are not breaks.
    ("We share the grief of the people of\nIndia at this time.", ["We share the grief of the people of\nIndia at this time."]),
    ("First paragraph.\n\nSecond paragraph.", ["First paragraph.", "Second paragraph."]),
])
def test_sentences(text, expected):
    assert [text[a:b] for a, b in sentence_spans(text)] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_offsets_slice_back_on_any_text(text):
    sents, toks = tokenize_documents(["d"], [text])
    for row in sents.itertuples():
        assert text[row.start:row.end] == row.text
    for row in toks.itertuples():
        assert text[row.start:row.end] == row.text
        assert row.text.strip() == row.text and row.text
    # Tokens lie inside their sentence and never overlap.
    starts = toks["start"].tolist()
    assert starts == sorted(starts)
    assert all(a <= b for a, b in zip(toks["end"][:-1], toks["start"][1:]))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab .,'’\"“”\n-", max_size=200))
def test_every_non_space_character_is_in_a_token(text):
    covered = set()
    for a, b in token_spans(text):
        covered.update(range(a, b))
    sentence_chars = set()
    for a, b in sentence_spans(text):
        sentence_chars.update(range(a, b))
    assert {i for i, ch in enumerate(text) if not ch.isspace()} <= sentence_chars
    assert {i for i, ch in enumerate(text) if not ch.isspace()} == covered


def test_tables_have_ids_and_flags():
    sents, toks = tokenize_documents(["a", "b"], ["The Kremlin warned.", "Moscow replied. Kyiv waited."])
    assert sents.groupby("doc_id")["sent_id"].apply(list).to_dict() == {"a": [0], "b": [0, 1]}
    assert toks[toks.doc_id == "b"]["tok_id"].tolist() == list(range(6))
    row = toks[toks.text == "warned"].iloc[0]
    assert (row.lemma, bool(row.is_stop), bool(row.is_punct)) == ("warn", False, False)
    assert bool(toks[toks.text == "The"].iloc[0].is_stop)
    assert bool(toks[toks.text == "."].iloc[0].is_punct)


def test_pos_column_optional():
    _, toks = tokenize_documents(["d"], ["Russia warned Ukraine."], pos=True)
    assert "pos" in toks
    _, toks = tokenize_documents(["d"], ["Russia warned Ukraine."])
    assert "pos" not in toks


def test_seed_article(seed_text):
    sents, toks = tokenize_documents(["seed"], [seed_text])
    assert len(sents) == 18
    for table in (sents, toks):
        assert all(seed_text[a:b] == t for a, b, t in zip(table.start, table.end, table.text))
    words = set(toks["text"])
    assert {"American-supplied", "long-range", "ATACMS", "300", "190", "’s", "“", "”", "‘", "’"} <= words


def test_real_corpus_offsets(ungdc_slice):
    docs = ungdc_slice.documents
    sents, toks = tokenize_documents(docs.doc_id.tolist(), docs.text.tolist())
    texts = dict(zip(docs.doc_id, docs.text))
    assert len(toks) > 10_000
    bad = [r for r in toks.itertuples() if texts[r.doc_id][r.start:r.end] != r.text]
    assert not bad
    bad = [r for r in sents.itertuples() if texts[r.doc_id][r.start:r.end] != r.text]
    assert not bad


def test_hard_wrapped_speech_keeps_names_whole():
    text = ("I should like to congratulate the delegation of the Lao\n"
            "People's Democratic Republic on the occasion of the\n"
            "anniversary. We share the grief of the people of India at\n"
            "this sorrowful time and we offer our deepest sympathy to\n"
            "the Government and people. Peace is our common goal in\n"
            "this Assembly and beyond it, now and in the years to come.\n"
            "Thank you.")
    got = [text[a:b] for a, b in sentence_spans(text)]
    assert got[0].startswith("I should like") and got[0].endswith("anniversary.")
    assert "Lao\nPeople's Democratic Republic" in got[0]
    assert got[-1] == "Thank you."


@pytest.mark.parametrize("text, expected", [
    ("He defended civil liberties,'' Mr. Earnest said. Then he left.",
     ["He defended civil liberties,'' Mr. Earnest said.", "Then he left."]),
    ("Sen. Claire McCaskill (D-Mo.) said the plan failed. Others agreed.",
     ["Sen. Claire McCaskill (D-Mo.) said the plan failed.", "Others agreed."]),
    ("The talks ended. Talks resume in May.", ["The talks ended.", "Talks resume in May."]),
    ("“No,” said Del. Stacey Plaskett. She left.", ["“No,” said Del. Stacey Plaskett.", "She left."]),
])
def test_punkt_repairs(text, expected):
    assert [text[a:b] for a, b in sentence_spans(text)] == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab. X)(Mrs\n", max_size=14),
       st.sampled_from(sorted(T._TITLES_BEFORE_NAMES) + ["", "x"]),
       st.sampled_from([".", "", ".)"]), st.text(alphabet="ab A\"(", max_size=6))
def test_glued_reads_only_the_end_of_the_previous_sentence(head, title, end, after):
    before = head + title + end
    text = "Q " + before + " " + after
    prev, start = (2, 2 + len(before)), 3 + len(before)
    whole = bool(T._TRAILING_TITLE.search(text[prev[0]:prev[1]])) or (
        before.endswith((".", ".)")) and bool(T._LOWER_START.match(text[start:start + 8])))
    assert T._glued(text, prev, start) == whole


# The data-free lemmatizer (LemmInflect's dictionary through WordNet's steps), tested with or
# without WordNet data: ``lemma_key`` takes the dictionary as an argument.
@pytest.mark.parametrize("lower, expected", [
    ("warned", "warn"), ("warnings", "warn"), ("struck", "strike"), ("sought", "seek"),
    ("escalating", "escalate"), ("overturned", "overturn"), ("accused", "accuse"),
    ("sanctions", "sanction"), ("bombing", "bomb"), ("housing", "house"),
    ("found", "found"),            # a verb lemma itself comes first, as in WordNet
    ("would", "would"), ("should", "should"),   # modals keep their form, as in WordNet
    ("said", "say"), ("us", "us"), ("kyiv", "kyiv"), ("1990s-era", "1990s-era"),
    ("sovereignty", "sovereignty"), ("americans", "americans"),   # a known gap: WordNet gives "american"
])
def test_fallback_lemmas(lower, expected):
    assert T.lemma_key(lower, T._lemminflect_morphy()) == expected


def _lexicon_words() -> set[str]:
    from toolkit import lexicon
    from toolkit.lexicon import _norm

    words = set()
    for name in lexicon.names():
        for entry in lexicon.load(name).entries["entry"]:
            words.update(_norm(entry[a:b].lower()) for a, b in token_spans(entry))
    return words - {"..."}


def test_fallback_agrees_with_wordnet_on_the_lexicon_words():
    """Without WordNet data most matching keys stay the same (figures in the README, "Tests")."""
    if T.lemma_backend() != "wordnet":
        pytest.skip("needs NLTK's WordNet data to compare with (CI's first pass has it)")
    morphy = T._lemminflect_morphy()
    words = sorted(_lexicon_words())
    differ = [(w, T.lemmatize(w), T.lemma_key(w, morphy)) for w in words
              if T.lemmatize(w) != T.lemma_key(w, morphy)]
    assert len(words) > 2000
    assert len(differ) / len(words) < 0.06, differ[:50]


def test_lemma_source_names_the_dictionary_in_use():
    # Cache keys read lemma_source(); it must name what lemmatize() really uses.
    assert T.lemma_source().split()[0] == T.lemma_backend()
