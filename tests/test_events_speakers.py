"""Events that reuse the speakers' pronoun resolver, speeches' first person, reported
conditional threats, noun modifiers that are no events, and the claimant columns."""
from __future__ import annotations

import pandas as pd
import pytest
from test_events import NEEDS_TAGGER, rows

from toolkit import actors, escalation, events, quotes
from toolkit.tokenize import tokenize_documents

pytestmark = NEEDS_TAGGER


def run(text: str, *, country: str | None = None) -> pd.DataFrame:
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    if country is not None:
        docs["country"] = [country]
    s, t = tokenize_documents(["d"], [text])
    tb = {"documents": docs, "sentences": s, "tokens": t}
    tb["mentions"] = actors.mentions_from_tables(docs, t)
    tb.update(quotes.ANNOTATOR.func(tb))
    tb.update(escalation.annotate(tb))
    return events.annotate(tb)["events"]


@pytest.mark.parametrize("text, expected", [
    # a spokesman the gazetteer lacks takes his ministry's state; "He" is him
    ("India's foreign ministry rejected the claim. Spokesman Randhir Jaiswal said the camps were "
     "hit. He urged Islamabad to show restraint.", ("IND", "appeal", "PAK", "asserted")),
    # an official named with her nationality
    ("Ukrainian Deputy Prime Minister Iryna Vereshchuk spoke on Monday. She warned Moscow "
     "against escalation.", ("UKR", "warn", "RUS", "asserted")),
    # "him" is not whom "He" is
    ("Olaf Scholz spoke with Vladimir Putin. He urged him to withdraw.",
     ("DEU", "appeal", "RUS", "asserted")),
    # a pronoun inside an indirect report still finds the name before it
    ("Iran will face consequences if it attacks Israel, Netanyahu said.",
     ("IRN", "attack", "ISR", "hypothetical")),
])
def test_pronouns_take_the_speakers_resolver(text, expected):
    assert expected in rows(run(text))


@pytest.mark.parametrize("text, country, expected", [
    ("We call on the Security Council to act.", "KEN", ("KEN", "appeal", "UNSC", "asserted")),
    ("I condemn the attack on Somalia.", "KEN", ("KEN", "criticize", "SOM", "asserted")),
    ("My delegation calls on Russia to withdraw.", "KEN", ("KEN", "appeal", "RUS", "asserted")),
    # negatives: no speaking state, no source; "we" inside a quotation is its speaker's
    ("We call on the Security Council to act.", None, (None, "appeal", "UNSC", "asserted")),
    ('"We call on Russia to withdraw," Olaf Scholz said.', "KEN", ("DEU", "appeal", "RUS", "asserted")),
])
def test_speech_first_person_is_the_speaking_state(text, country, expected):
    assert expected in rows(run(text, country=country))


@pytest.mark.parametrize("text, expected, absent", [
    ("Russia could face new sanctions if it refuses to withdraw its troops, a NATO official said.",
     ("NATO", "threaten", "RUS", "conditional"), ("RUS", "threaten", None, "conditional")),
    ("Sanctions will be imposed on Iran if it enriches uranium, the EU said.",
     ("EU", "threaten", "IRN", "conditional"), (None, "sanction", "IRN", "conditional")),
    ("Iran will face consequences if it attacks Israel, Netanyahu said.",
     ("ISR", "threaten", "IRN", "conditional"), ("IRN", "threaten", None, "conditional")),
    # negatives: a past penalty is reported, not threatened; no reporter, no threatener
    ("Sanctions were imposed on Iran last year, the EU said.",
     (None, "sanction", "IRN", "alleged"), ("EU", "threaten", "IRN", "conditional")),
    ("Sanctions will be imposed on Russia if it does not withdraw its troops.",
     (None, "sanction", "RUS", "conditional"), ("RUS", "threaten", "RUS", "conditional")),
])
def test_reported_conditional_penalty_is_the_reporters_threat(text, expected, absent):
    got = rows(run(text))
    assert expected in got and absent not in got, got


@pytest.mark.parametrize("text, absent, kept", [
    ("The Sudanese truce collapsed on Monday.", "yield", None),
    ("Egypt welcomed the Sudanese truce.", "yield", "praise"),
    ("The African Union peacekeeping force in Somalia was attacked.", "aid", "attack"),
    # (the sending itself is aid since round 10, verb.transfer_object: "station" is no transfer)
    ("Kenya will station troops with the peacekeeping mission in Somalia.", "aid", None),
    # negatives: the act itself, and a demonym before an act one side does, stay events
    ("Russia deployed peacekeeping troops to Armenia.", None, "mobilize"),
    ("Egypt condemned the Sudanese attack on Chad.", None, "attack"),
])
def test_noun_modifiers_inside_names_are_no_events(text, absent, kept):
    acts = [r[1] for r in rows(run(text))]
    assert absent not in acts and (kept is None or kept in acts), acts


@pytest.mark.parametrize("text, actor, phrase", [
    ("Moscow said Kyiv had sabotaged the talks.", "RUS", "Moscow"),
    # a phrase that names no actor keeps its words (no code)
    ("Officials alleged that Eritrean troops were looting villages.", None, "Officials"),
    ('"Kyiv sabotaged the talks," Sergei Lavrov said.', "RUS", "Sergei Lavrov"),
])
def test_claimant_columns_hold_a_code_and_a_phrase(text, actor, phrase):
    out = run(text)
    claimed = out[out["claimant_actor"].notna() | out["claimant_text"].notna()]
    assert len(claimed), out
    r = claimed.iloc[0]
    assert (None if pd.isna(r["claimant_actor"]) else r["claimant_actor"]) == actor
    assert (None if pd.isna(r["claimant_text"]) else r["claimant_text"]) == phrase
    if phrase is not None:
        assert text[int(r["claimant_start"]):int(r["claimant_end"])] == phrase


@pytest.mark.parametrize("text, expected", [
    ("Japan is sending troops to the United Nations peacekeeping force in South Sudan.", ("JPN", "SSD")),
    ("Britain is deploying 300 troops to the UN peacekeeping mission in Mali.", ("GBR", "MLI")),
    # negatives: an office in a city is no body posted there; the source's own place is no target
    ("Kenya sent aid to the United Nations in Geneva.", ("KEN", "UN")),
    ("Mali sent troops to the UN peacekeeping mission in Mali.", ("MLI", "UN")),
])
def test_troops_sent_to_a_body_posted_somewhere_target_the_place(text, expected):
    got = [(r[0], r[2]) for r in rows(run(text))]
    assert expected in got, got


@pytest.mark.parametrize("text, expected", [
    ("China pushed back against the American accusations.", ("CHN", "reject", "USA")),
    ("The Kremlin lashed out at Washington.", ("RUS", "criticize", "USA")),
    # negative: a verb and a particle apart are a plain act, no phrase
    ("Police pushed the crowd back.", None),
])
def test_phrasal_acts(text, expected):
    out = run(text)
    got = [r[:3] for r in rows(out)]
    if expected is None:
        assert not any(a in ("reject", "criticize") for _, a, _ in got), got
    else:
        assert expected in got, got
        assert "120" in out["cameo"].tolist() or "111" in out["cameo"].tolist()


@pytest.mark.parametrize("ids, expected", [
    (["a", "a", "b"], {"a": [0, 1], "b": [2]}),            # consecutive: ranges
    (["a", "b", "a"], {"a": [0, 2], "b": [1]}),            # interleaved: groupby's indices
    (["b", "b", "a", "a", "a"], {"b": [0, 1], "a": [2, 3, 4]}),
])
def test_document_rows_of_a_table(ids, expected):
    got = events._doc_rows(pd.Series(ids, dtype="string"))
    assert {d: [int(i) for i in v] for d, v in got.items()} == expected


@pytest.mark.parametrize("values, dtype, expected", [
    (["KEN", None, float("nan")], object, ["KEN", None, None]),
    (["KEN", None], "string", ["KEN", None]),
    ([True, False], bool, [True, False]),
    ([3, 4], "int64", [3, 4]),
])
def test_missing_mention_values_read_as_none(values, dtype, expected):
    assert events._none_for_missing(pd.Series(values, dtype=dtype)) == expected


def test_pronouns_of_documents_in_turn_resolve_as_alone():
    # the events step keeps one document's resolver at a time; a chunk of two documents gives
    # each the rows it gives alone
    a = ("Anna Kovac met Ivan Petrov. She urged him to leave Borovia.")
    b = ("India's foreign ministry rejected the claim. Spokesman Randhir Jaiswal said the camps were "
         "hit. He urged Islamabad to show restraint.")
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": [a, b]})
    s, t = tokenize_documents(["a", "b"], [a, b])
    tb = {"documents": docs, "sentences": s, "tokens": t}
    tb["mentions"] = actors.mentions_from_tables(docs, t)
    tb.update(quotes.ANNOTATOR.func(tb))
    tb.update(escalation.annotate(tb))
    both = events.annotate(tb)["events"]
    cols = ["start", "end", "source_actor", "source_person", "target_actor", "rule"]
    for doc, text in (("a", a), ("b", b)):
        alone = run(text)
        mine = both[both["doc_id"] == doc]
        assert mine[cols].reset_index(drop=True).equals(alone[cols].reset_index(drop=True))
    assert (both["source_actor"] == "IND").any()
