"""sentence_table(event_rule="main"): the sentence's class from its main event (issue 17, item 4).

Constructed sentences with invented names; the end-to-end ones need the tagger (clause structure).
"""
from __future__ import annotations

import pandas as pd
import pytest

from toolkit import analyze, clauses
from toolkit import escalation as esc

NEEDS_TAGGER = pytest.mark.skipif(clauses._perceptron() is None,
                                  reason="NLTK data 'averaged_perceptron_tagger_eng' not found (set NLTK_DATA)")


def classes(texts: list[str]) -> list[str]:
    ids = [f"d{i}" for i in range(len(texts))]
    a = analyze(pd.DataFrame({"doc_id": ids, "text": texts}), annotators=["events"], workers=1,
                progress=False, cache=False)
    return esc.main_event_sentences(a)["event_class"].tolist()


def _cues(**cols) -> pd.DataFrame:
    n = len(cols["start"])
    base = {"doc_id": ["d"] * n, "sent_id": [0] * n, "modality": ["asserted"] * n, "cue": ["x"] * n}
    return pd.DataFrame({**base, **cols})


SENT = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "start": [0], "end": [60], "text": ["x" * 60]})


def _events(**cols) -> pd.DataFrame:
    n = len(cols["cue_start"])
    base = {"doc_id": ["d"] * n, "sent_id": [0] * n, "factuality": ["asserted"] * n}
    out = pd.DataFrame({**base, **cols})
    out["start"] = out["cue_start"]
    return out


def test_main_rule_needs_events():
    c = _cues(start=[0], end=[5], cameo=["190"], quad_class=["material_conflict"], score=[-8.0])
    with pytest.raises(ValueError, match="needs `events`"):
        esc.sentence_table(c, SENT, event_rule="main")


def test_uncoded_main_event_leaves_class_to_the_first_act():
    # "The Dalvan council has played a role in the mediation": the main verb is uncoded
    c = _cues(start=[40], end=[49], cameo=["045"], quad_class=["verbal_cooperation"], score=[5.0])
    ev = _events(cue_start=[20], act=["unclassified"], cameo=[None], quad_class=[None], main=[True])
    out = esc.sentence_table(c, SENT, event_rule="main", events=ev)
    assert out["event_class"].tolist() == ["verbal_cooperation"]


def test_main_event_act_read_by_clause_wins_over_cue_class():
    # "Norvik is willing to withdraw its troops": the cue is material, the event an offer
    c = _cues(start=[20], end=[40], cameo=["0874"], quad_class=["material_cooperation"], score=[6.0])
    ev = _events(cue_start=[20], act=["offer"], cameo=["036"], quad_class=["verbal_cooperation"], main=[True])
    out = esc.sentence_table(c, SENT, event_rule="main", events=ev)
    assert out["event_class"].tolist() == ["verbal_cooperation"]
    assert esc.sentence_table(c, SENT)["event_class"].tolist() == ["material_cooperation"]


def test_negated_cooperation_main_event_is_a_refusal():
    # the event's own class (the clause read another act than the cue's) is negated as a cue is
    c = _cues(start=[20], end=[27], cameo=["084"], quad_class=["verbal_cooperation"], score=[7.0])
    ev = _events(cue_start=[20], act=["yield"], cameo=["084"], quad_class=["material_cooperation"],
                 main=[True], factuality=["negated"])
    assert esc.sentence_table(c, SENT, event_rule="main", events=ev)["event_class"].tolist() == ["verbal_conflict"]
    ev["factuality"] = "denied"
    ev["quad_class"], ev["cameo"] = "material_conflict", "190"
    assert esc.sentence_table(c, SENT, event_rule="main", events=ev)["event_class"].tolist() == ["material_cooperation"]


def test_earlier_act_the_events_layer_did_not_read_stays():
    # "Reaffirms the need to combat terrorism": "the need to" has no row, "combat" is the main event
    c = _cues(start=[10, 25], end=[21, 31], cameo=["020", "060"],
              quad_class=["verbal_cooperation", "material_cooperation"], score=[2.0, 3.0])
    ev = _events(cue_start=[25], act=["cooperate"], cameo=["060"], quad_class=["material_cooperation"], main=[True])
    assert esc.sentence_table(c, SENT, event_rule="main", events=ev)["event_class"].tolist() == ["verbal_cooperation"]


@NEEDS_TAGGER
@pytest.mark.parametrize("text, expected", [
    ("The tribunal in Harvek found that soldiers of the Ostrian guard had burned two farms near Lemra.",
     "material_conflict"),
    ("The agency said gunmen had ambushed a convoy outside Pellow on Sunday.", "material_conflict"),
    ("Dravia is willing to withdraw its troops from the Sarn valley if Kolvia halts its patrols.",
     "verbal_cooperation"),
    ("After the talks in Vessa collapsed, Marnian artillery opened fire on positions near Tull.",
     "material_conflict"),
    ("The Ember Front claimed responsibility for the bombing of the depot at Karsk.", "statement"),
    ("My delegation welcomes the accord between Orsova and Brelin on river traffic.", "verbal_cooperation"),
])
def test_main_event_class_end_to_end(text, expected):
    got = classes([text])[0]
    assert (got if got in esc._QUADS else "statement") == expected
