"""News outlets in quotes (issue 17, patterns 7 and 8): an outlet that speaks is the speaker,
not its country's voice (unless its state runs it); an outlet a person speaks to or through is
the channel; an unnamed ministry or spokesman takes the state the text is about."""
from __future__ import annotations

import pandas as pd
import pytest

from toolkit.actors import mentions_from_tables
from toolkit.quotes import find_quotes
from toolkit.tokenize import tokenize_documents


def quotes(text: str) -> pd.DataFrame:
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    sents, toks = tokenize_documents(["d"], [text])
    q, _ = find_quotes(docs, sents, toks, mentions_from_tables(docs, toks))
    for r in q.to_dict("records"):
        for part in ("speaker", "cue", "content", "channel"):
            if r[f"{part}_start"] is not None and not pd.isna(r[f"{part}_start"]):
                assert text[int(r[f"{part}_start"]):int(r[f"{part}_end"])] == r[part]
    return q


def row(text: str, content: str) -> dict:
    q = quotes(text)
    hits = q[q["content"].fillna("").str.contains(content, regex=False)]
    assert len(hits) >= 1, q[["rule", "speaker", "cue", "content"]].to_string()
    return {k: (None if not isinstance(v, str) and pd.isna(v) else v) for k, v in hits.iloc[0].items()}


@pytest.mark.parametrize("text, content, speaker, actor, rule", [
    # an outlet that reports is the speaker, with no state (sector MED)
    ("Yonhap reported that two rockets landed near the port of Daesan.", "two rockets", "Yonhap", None,
     "media_outlet"),
    ("The Guardian reported that the cabinet of Ilse Varga had met in secret.", "the cabinet", "The Guardian",
     None, "media_outlet"),
    ("According to Haaretz, the northern brigade of Col. Avi Lerner was on alert.", "the northern brigade",
     "Haaretz", None, "media_outlet"),
    # after a dateline too
    ("TEHRAN, March 3 (Reuters) - According to Tasnim, the drone fell near Bandar Kesh.", "the drone fell",
     "Tasnim", None, "media_outlet"),
    # an outlet its state runs as its voice speaks for the state
    ("KCNA said the launch near Sinpo-ri was a warning to its enemies.", "the launch", "KCNA", "PRK",
     "state_media"),
    ("According to Xinhua, the drills near Pingtan ended on Friday.", "the drills", "Xinhua", "CHN",
     "state_media"),
])
def test_an_outlet_that_reports_is_the_speaker(text, content, speaker, actor, rule):
    r = row(text, content)
    assert (r["speaker"], r["speaker_actor"], r["speaker_sector"], r["speaker_rule"], r["channel"]) \
        == (speaker, actor, "MED", rule, None)


@pytest.mark.parametrize("text, content, speaker, actor, channel", [
    ("“We will not give up any territory,” the Lithuanian defence minister, Egle Vaitkute, told Reuters.",
     "We will not give up", "the Lithuanian defence minister, Egle Vaitkute", "LTU", "Reuters"),
    ("PYONGYANG - North Korean Premier Ri Sol Gang vowed to strengthen the navy, in a statement carried by KCNA.",
     "to strengthen the navy", "North Korean Premier Ri Sol Gang", "PRK", "KCNA"),
    ("Belarusian Interior Minister Pavel Hurko, speaking on state TV, said the border was sealed.",
     "the border was sealed", "Belarusian Interior Minister Pavel Hurko", "BLR", "state TV"),
    ("Speaking on national television, Serbian Defence Minister Goran Lukic said the army was ready.",
     "the army was ready", "Serbian Defence Minister Goran Lukic", "SRB", "national television"),
    ("Armenian Foreign Minister Aram Petrosyan said on state television that the talks were over.",
     "the talks were over", "Armenian Foreign Minister Aram Petrosyan", "ARM", "state television"),
    # a spokesman with the state the previous sentence is about
    ("Japan protested the incursion on Monday. A government spokesman told Kyodo that Tokyo would complain.",
     "Tokyo would complain", "A government spokesman", "JPN", "Kyodo"),
])
def test_the_outlet_a_speaker_speaks_through_is_the_channel(text, content, speaker, actor, channel):
    r = row(text, content)
    assert (r["speaker"], r["speaker_actor"], r["channel"]) == (speaker, actor, channel)
    assert r["rule"].endswith("+channel")


@pytest.mark.parametrize("text", [
    "Serbian Defence Minister Goran Lukic said the strike was shown on state TV.",  # inside the content
    "Serbian Defence Minister Goran Lukic said on the state of the army that it was weak.",
])
def test_no_channel_from_a_broadcast_inside_the_content(text):
    assert row(text, "")["channel"] is None


@pytest.mark.parametrize("text, content, speaker, actor", [
    ("Slovakia expelled two diplomats on Thursday. The foreign ministry said the envoys had spied.",
     "the envoys had spied", "The foreign ministry", "SVK"),
    ("Moldova closed its airspace on Sunday. The ministry said in a statement that two drones were found.",
     "two drones", "The ministry", "MDA"),
    # a person's nationality is not the state the sentence names
    ("Romania summoned the Russian ambassador on Friday. The foreign ministry said debris fell near Galati.",
     "debris fell", "The foreign ministry", "ROU"),
    ("Kyrgyzstan closed the border on Monday. A spokeswoman said trucks would wait near Dostuk.",
     "trucks would wait", "A spokeswoman", "KGZ"),
])
def test_an_unnamed_office_takes_the_state_of_the_text(text, content, speaker, actor):
    r = row(text, content)
    assert (r["speaker"], r["speaker_actor"], r["speaker_rule"]) == (speaker, actor, "description_state")


@pytest.mark.parametrize("text, content", [
    # no state before it, or only a region of a state: no guess
    ("The foreign ministry said the envoys had spied.", "the envoys had spied"),
    ("Israel struck Gaza overnight. The health ministry said 12 people were killed.", "12 people"),
    # two states in the sentence before: either side's ministry
    (("Azerbaijan accused Armenia of shelling its posts. The ministry said in a statement that two "
      "soldiers were wounded."), "two soldiers"),
    ("Russia launched 40 drones at Ukraine overnight. The defence ministry said 35 were shot down.",
     "35 were shot down"),
    # an alliance is no state
    ("NATO held drills near the coast. A spokesman said the drills would end on Sunday.", "the drills would end"),
])
def test_an_unnamed_office_without_a_state(text, content):
    r = row(text, content)
    assert r["speaker_actor"] is None, r
