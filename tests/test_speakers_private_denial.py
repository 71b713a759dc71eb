"""Speakers that name no state of their own: staff of a private body a nationality word
describes (rule ``private_body``) and an unnamed office denying what a state did to another's
official (rule ``denial_party``)."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from toolkit.actors import mentions_from_tables
from toolkit.quotes import resolve_speaker_spans
from toolkit.tokenize import tokenize_documents


def speaker_actor(text: str, span: str) -> str | None:
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text], "date": [pd.Timestamp("2023-05-02", tz="UTC")]})
    sents, toks = tokenize_documents(["d"], [text])
    a = re.search(rf"\b{re.escape(span)}\b", text).start()
    spans = pd.DataFrame({"doc_id": ["d"], "start": [a], "end": [a + len(span)]})
    row = resolve_speaker_spans(docs, sents, toks, mentions_from_tables(docs, toks), spans).iloc[0]
    return None if pd.isna(row.speaker_actor) else row.speaker_actor


@pytest.mark.parametrize("text, span, actor", [
    # a firm, charity or bank a nationality word describes does not speak for that state
    ("Engineers at a Swedish company accused Iran of sabotage.", "Engineers at a Swedish company", None),
    ("Doctors at a French charity accused Syria of bombing hospitals.", "Doctors at a French charity", None),
    ("Analysts at a Japanese bank warned that growth would slow.", "Analysts at a Japanese bank", None),
    # negatives: a state's office or body keeps its state; a nationality on the head itself too
    ("A spokesman for the Chilean ministry said Peru had violated the treaty.",
     "A spokesman for the Chilean ministry", "CHL"),
    ("An official at the Kenyan embassy said the visas were revoked.", "An official at the Kenyan embassy", "KEN"),
    ("Officials in Nairobi accused Somalia of shelling border posts.", "Officials in Nairobi", "KEN"),
])
def test_private_body_staff(text, span, actor):
    assert speaker_actor(text, span) == actor


@pytest.mark.parametrize("text, actor", [
    # a denial answers the state that acted on another's official: either side's office
    ("The Malian envoy was expelled by Algeria. The spokesman rejected the decision.", None),
    ("The Chadian minister was summoned by Sudan. The spokeswoman denied the charges.", None),
    # negatives: no denial, or no other state's person named
    ("The Malian envoy was expelled by Algeria. The spokesman said talks would resume.", "DZA"),
    ("Algeria closed its border on Monday. The spokesman denied the reports.", "DZA"),
])
def test_denial_after_a_state_acts_on_anothers_official(text, actor):
    span = "The spokeswoman" if "spokeswoman" in text else "The spokesman"
    assert speaker_actor(text, span) == actor


@pytest.mark.parametrize("text, span, actor", [
    # negatives of both rules: a state's body that is no office noun, a state company, and a
    # denial after a sentence the acting state opens
    ("Officers of the Turkish gendarmerie accused Greece of pushing migrants back.",
     "Officers of the Turkish gendarmerie", "TUR"),
    ("Workers at a Chinese state company said Zambia had delayed payments.", "Workers at a Chinese state company",
     "CHN"),
    ("Israel detained a Turkish activist. The spokesman denied any mistreatment.", "The spokesman", "ISR"),
    ("Japan summoned the Chinese ambassador. The foreign ministry rejected the explanation.",
     "The foreign ministry", "JPN"),
])
def test_state_bodies_and_the_acting_side_keep_their_state(text, span, actor):
    assert speaker_actor(text, span) == actor
