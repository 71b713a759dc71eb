"""Escalation 1.28.1: a reported act's own subject is its source, cessation only when called for,
and the near misses of 1.28.0's wire-copy entries (`ended ... agreement`, `concerns us`,
`hit back at ... with`, `suspend ... sale`). Constructed sentences with invented states and
people (none is a dev-set item)."""
from __future__ import annotations

import pandas as pd
import pytest

from test_escalation import cue, cues_of, mentions_for
from toolkit import escalation as esc
from toolkit.tokenize import tokenize_documents


def sentence_class(text: str) -> str:
    """The ``event_class`` of a one-sentence text."""
    s, toks = tokenize_documents(["d"], [text])
    return esc.sentence_table(esc.find_cues(toks, {"d": text}), s)["event_class"].tolist()[0]


def reported_cue(text: str, surface: str, content: str, names: dict[str, str], speaker: str):
    """The cue ``surface`` of ``text`` whose quotation ``content`` is credited to ``speaker``."""
    start = text.index(content)
    quotes = pd.DataFrame({"doc_id": ["d"], "quote_id": [0], "kind": ["indirect"], "speaker_actor": [speaker],
                           "content_start": [start], "content_end": [start + len(content)]})
    _, toks = tokenize_documents(["d"], [text])
    c = esc.find_cues(toks, {"d": text}, mentions=mentions_for(text, names), quotes=quotes)
    row = c[c["text"] == surface]
    assert len(row) == 1, c[["text", "cue"]]
    return row.iloc[0]


# --- a reported act is done by its own subject; the speaker claims it ---------------------------

@pytest.mark.parametrize("text, surface, content, source, target", [
    ("Halden said Osterlich was trying to destabilise Valdonia.", "destabilise",
     "Osterlich was trying to destabilise Valdonia", "OST", "VAL"),
    ("Osterlich had provoked Valdonia, Halden said.", "provoked", "Osterlich had provoked Valdonia", "OST", "VAL"),
    # no subject inside the quotation: the speaker does it
    ("“We condemn the blockade of Valdonia,” Halden said.", "condemn", "We condemn the blockade of Valdonia",
     "RUR", "VAL"),
])
def test_reported_act_takes_its_own_subject(text, surface, content, source, target):
    names = {n: n[:3].upper() for n in ("Osterlich", "Valdonia") if n in text}
    row = reported_cue(text, surface, content, names, "RUR")
    assert (row["source_actor"], row["target_actor"]) == (source, target)
    assert bool(row["reported"])


# --- cessation: called for, not reported -------------------------------------------------------

@pytest.mark.parametrize("text, surface", [
    ("Osmark must immediately stop its shelling of Varne.", "shelling"),
    ("We demand, once more, that Corvath stop its raids on the villages.", "raids"),
    ("Our only condition is that Pellas halt its attacks on the dam.", "attacks"),
    ("It is essential to put an end to the bombardment of Tesk.", "bombardment"),
])
def test_cessation_called_for(text, surface):
    assert cue(text, surface)["modality"] == "cessation"


@pytest.mark.parametrize("text, surface, modality", [
    # an end reached or missed is reported, not called for: the negation it had
    ("The truce put an end to the shelling of Varne.", "shelling", "negated"),
    ("Pellan mediation brought an end to the raids on Tesk.", "raids", "negated"),
    ("The mission failed to stop the massacres in Corvath.", "massacres", "negated"),
])
def test_reported_end_is_no_cessation(text, surface, modality):
    assert cue(text, surface)["modality"] == modality


@pytest.mark.parametrize("text, surface", [
    ("We must stop pretending that the blockade of Varne is lawful.", "blockade"),
    ("Lirea should stop saying that the shelling of Tesk is over.", "shelling"),
])
def test_stopping_talk_ends_no_act(text, surface):
    assert cue(text, surface)["modality"] != "cessation"


# --- 1.28.0 entries and their near misses -------------------------------------------------------

@pytest.mark.parametrize("text, surface, cameo", [
    ("Tesk ended their defence pacts with Lirea in May.", "ended their defence pacts", "160"),
    ("The Osmarki build-up concerns us greatly.", "concerns", "110"),
    ("It concerns us that Corvath keeps shelling Tesk.", "concerns", "110"),
    ("Lirea's naval activity concerns all of us.", "concerns all of", "110"),
    ("Osmark hit back at Lirea with missile strikes on Sunday.", "hit back at Lirea with missile strikes", "195"),
    ("Pellas hit back at Varne with tariffs on wine.", "hit back at Varne with tariffs", "163"),
    ("Lirea suspended arms sales to Osmark.", "suspended arms sales to", "163"),
    ("Pellas suspended the sale of fighter jets to Corvath.", "suspended the sale of fighter jets", "163"),
    ("Varne suspended purchases from Tesk.", "suspended purchases from", "163"),
])
def test_acts(text, surface, cameo):
    c = cues_of(text)
    assert (surface, cameo) in list(zip(c["text"], c["cameo"].astype(str))), c[["text", "cameo"]]


@pytest.mark.parametrize("text, absent", [
    # an agreement reached (or not) at the end of talks is no agreement ended
    ("The talks in Varne ended with an agreement on prisoners.", "160"),
    ("The war in Corvath ended with a peace treaty.", "160"),
    ("The summit ended without an accord on fishing.", "160"),
    # `concerns` naming a topic
    ("The resolution concerns all member states of the league.", "110"),
    # a domestic sale suspended is no embargo on a party
    ("The council suspended the sale of alcohol during the vote.", "163"),
    ("The regulator suspended the sale of the cough syrup.", "163"),
])
def test_near_misses(text, absent):
    assert absent not in set(cues_of(text)["cameo"].astype(str)), cues_of(text)[["text", "cameo"]]


def test_hit_back_with_strikes_is_material_conflict():
    text = "Osmark hit back at Lirea with missile strikes on Sunday."
    assert "111" not in set(cues_of(text)["cameo"].astype(str))
    assert sentence_class(text) == "material_conflict"
