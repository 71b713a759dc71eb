"""The class of UN-speech sentences (escalation 1.26.0): words of the Council's register that
look like cues and are not acts, and acts that had no entry.

Each sentence was written for this test (invented states and places); its class is the one the
``sentence_escalation`` table gives under the default event rule, and each new entry has a twin
in which the cue word keeps its old reading.
"""
from __future__ import annotations

import pytest

from toolkit.escalation import find_cues, sentence_table
from toolkit.tokenize import tokenize_documents


def sentence_class(text: str) -> str:
    """The event class of the single sentence ``text``."""
    sents, toks = tokenize_documents(["d"], [text])
    return sentence_table(find_cues(toks, {"d": text}), sents)["event_class"].iloc[0]


CASES = [
    # `concerned` naming those involved is no expression of concern ...
    ("We call on all parties concerned to resume the dialogue in Veloria.", "verbal_cooperation"),
    ("The countries concerned signed the transit protocol in Marvan.", "verbal_cooperation"),
    ("The concerned authorities in Tessaly reopened the crossing.", "material_cooperation"),
    ("As far as Norvia is concerned, the matter is closed.", "statement"),
    # ... while concern about something stays disapproval
    ("We are deeply concerned about the detention of journalists in Corvin.", "verbal_conflict"),
    ("Paldor expressed concern over the shelling of Veloria.", "verbal_conflict"),
    # `de - escalation` with its hyphen set apart, as transcripts write it
    ("The Council welcomes steps towards de - escalation in Drava.", "verbal_cooperation"),
    ("Any de - escalation requires the withdrawal of heavy weapons.", "verbal_cooperation"),
    ("We fear a further escalation in Drava.", "verbal_conflict"),
    # `alleged` qualifying an act is a hedge on that act, not an accusation
    ("The alleged attack on the convoy near Pelhorn killed three drivers.", "material_conflict"),
    ("Their alleged support for the rebels was discussed in Marvan.", "verbal_cooperation"),
    ("Karsk alleged that Norvia had armed the militia.", "verbal_conflict"),
    # refusing to accept
    ("We cannot accept the unilateral steps of the authorities in Drava.", "verbal_conflict"),
    ("My delegation can not accept such a reading of the Charter.", "verbal_conflict"),
    # an opening `following` phrase is background; the main clause decides
    ("Following the deadly attack on the convoy, we welcome the swift inquiry.", "verbal_cooperation"),
    ("Following the talks in Ostrava, Karsk shelled the border villages.", "material_conflict"),
    # help given to an armed actor is taking part in its conflict ...
    ("Karsk continues its support for the terrorists operating in Veloria.", "verbal_conflict"),
    ("Norvia has been arming the militias in the east of Drava.", "material_conflict"),
    ("The regime keeps funding armed groups across the border.", "material_conflict"),
    # ... countering one is not, and help to others stays cooperation
    ("The Mission helped to disarm the militias in Drava.", "material_cooperation"),
    ("Paldor provided food aid to the displaced families in Corvin.", "material_cooperation"),
    ("We support the efforts of the Special Envoy in Marvan.", "verbal_cooperation"),
    # disapproval and intent in the Council's register
    ("The delegation of Lusania strongly objects to the remarks of Karsk.", "verbal_conflict"),
    ("We raised our objection to the decree in Marvan.", "verbal_conflict"),
    ("We strongly disagree with the position of Norvia.", "verbal_conflict"),
    ("We note with dismay the decision of the authorities in Corvin.", "verbal_conflict"),
    ("Such conduct by the Aldoran forces is reprehensible.", "verbal_conflict"),
    ("These acts were abhorrent.", "verbal_conflict"),
    ("Paldor stands ready to assist the parties in Ostrava.", "verbal_cooperation"),
    ("We stand ready to help the people of Tessaly.", "verbal_cooperation"),
    ("The proposal was cynically rejected by the authorities in Drava.", "verbal_conflict"),
    ("This is a blatant attempt by Karsk to redraw the border.", "verbal_conflict"),
    ("It is regrettable that the draft was not adopted.", "verbal_conflict"),
    ("Satellite images show a new training camp near Pelhorn.", "material_conflict"),
    ("The army of Norvia held large training exercises near the border.", "material_conflict"),
    # not condemning is no act of cooperation: the act named next decides
    ("Norvia has not even condemned the shelling of Veloria.", "material_conflict"),
    ("Karsk never criticized the blockade of the port of Marvan.", "material_conflict"),
    ("Our delegation does not criticize anyone today.", "statement"),
    # ... while an attributive adjective leaves the act it qualifies in charge
    ("Gunmen carried out an abhorrent attack on the market in Pelhorn.", "material_conflict"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_un_register_class(text, expected):
    assert sentence_class(text) == expected


def test_concerned_party_keeps_offsets():
    text = "We urge the parties concerned to show restraint."
    _, toks = tokenize_documents(["d"], [text])
    cues = find_cues(toks, {"d": text})
    row = cues[cues["cue"] == "parties concerned"].iloc[0]
    assert text[row["start"]:row["end"]] == row["text"] == "parties concerned"
    assert row["quad_class"] == "statement"
    assert not (cues["cue"] == "concern").any()
