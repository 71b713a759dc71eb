"""Events round 6, after review: descriptions as targets, ambiguous antecedents, collective nouns,
warnings of one's own side, relative clauses before the main verb, and "demanded that X ..."."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, rows, run

from toolkit import clauses

pytestmark = NEEDS_TAGGER


def dyads(text: str) -> list[tuple]:
    """(source, act, target) of each row, with quotes as the pipeline runs them."""
    return [r[:3] for r in rows(run(text, with_quotes=True))]


@pytest.mark.parametrize("text, expected, absent", [
    # a description as a target is never the previous sentence's subject: the party it acted on
    ("Russia invaded Ukraine in February. The United States sent weapons to the country.",
     ("USA", "aid", "UKR"), ("USA", "aid", "RUS")),
    ("Russia invaded Ukraine in February. Poland pledged military aid to the country.",
     ("POL", "aid", "UKR"), ("POL", "aid", "RUS")),
    ("China sent warships toward Japan. The United States promised to defend the country.",
     ("USA", "offer", "JPN"), ("USA", "offer", "CHN")),
    # ... and nothing when the previous sentence names only its subject, or two others
    ("Russia massed troops on Monday. The United States sent weapons to the country.",
     ("USA", "aid", None), ("USA", "aid", "RUS")),
    ("Russia attacked Ukraine and Moldova. The United States sent weapons to the country.",
     ("USA", "aid", None), ("USA", "aid", "UKR")),
    # the speaker's own state is the source, not the party that struck it
    ("Israel struck Iran overnight. Iran's foreign minister said the country would respond.",
     ("IRN", "statement", None), ("IRN", "statement", "ISR")),
    ("Israel struck Iran overnight. Iran said it would respond.", ("IRN", "statement", None),
     ("IRN", "statement", "ISR")),
    # the subject after a fronted adverbial; none when a fronted clause hides who acted
    ("On Monday, Russia invaded Ukraine. The United States sent weapons to the country.",
     ("USA", "aid", "UKR"), ("USA", "aid", "RUS")),
    ("To stop Iran's nuclear programme, Israel bombed Syria. The United States sent weapons to the country.",
     ("USA", "aid", None), ("USA", "aid", "SYR")),
    ("I want talks with Pakistan. I want to hold talks with that country.", (None, "consult", "PAK"), None),
])
def test_a_description_as_target_is_not_the_previous_subject(text, expected, absent):
    got = dyads(text)
    assert expected in got and absent not in got, got


@pytest.mark.parametrize("text, expected, absent", [
    # two parties of the previous sentence fit and the description's sentence names neither: none
    ("Russia attacked Ukraine on Thursday. The government said it would defend itself.",
     (None, "statement", None), ("RUS", "statement", None)),
    ("The Pentagon said Iran supplied drones to Russia. The ministry denied the report.",
     (None, "deny", None), ("USA", "deny", None)),
    # names joined to one in a prepositional phrase are in it too
    ("Iran's leaders are fueling the wars in both Syria and Yemen. The regime threatened Saudi Arabia.",
     ("IRN", "threaten", "SAU"), (None, "threaten", "SAU")),
    ("Iran created hell in Yemen, Syria, Lebanon, and Iraq. The regime also threatened Saudi Arabia.",
     ("IRN", "threaten", "SAU"), (None, "threaten", "SAU")),
    ("Russia attacked Ukraine and Moldova. The government threatened Poland.",
     (None, "threaten", "POL"), ("RUS", "threaten", "POL")),
    # the sentence names one of them: the other
    ("Russia invaded Ukraine in February. The country accused Moscow of genocide.",
     ("UKR", "accuse", "RUS"), ("RUS", "accuse", "RUS")),
    # one party outside a prepositional phrase: the previous subject
    ("North Korea fired a missile toward Japan. The regime threatened Seoul with nuclear strikes.",
     ("PRK", "threaten", "KOR"), (None, "threaten", "KOR")),
    ("Hungary blocked the EU sanctions package. The government accused Brussels of blackmail.",
     ("HUN", "accuse", "EU"), (None, "accuse", "EU")),
])
def test_an_ambiguous_description_names_no_one(text, expected, absent):
    got = dyads(text)
    assert expected in got and absent not in got, got


@pytest.mark.parametrize("text, expected, absent", [
    # a coalition led by a state is no party it attacked; "alliance"/"bloc" name one that is one
    ("Saudi Arabia bombed Houthi positions in Yemen. The coalition said it had destroyed a missile launcher.",
     (None, "statement", None), ("HOUTHI", "statement", None)),
    ("Russia attacked Hamas. The alliance said it would respond.", (None, "statement", None),
     ("HAMAS", "statement", None)),
    ("NATO expanded eastward. The alliance accused Russia of aggression.", ("NATO", "accuse", "RUS"), None),
    ("The European Union sanctioned Belarus. The bloc also threatened Minsk with more measures.",
     ("EU", "threaten", "BLR"), None),
    ("Hamas fired rockets at Israel on Monday. The group also threatened to attack Tel Aviv.",
     ("HAMAS", "threaten", "ISR"), None),
])
def test_a_collective_noun_names_an_alliance_or_no_one(text, expected, absent):
    got = dyads(text)
    assert expected in got and absent not in got, got


@pytest.mark.parametrize("text, expected, absent", [
    # a warning of one's own side's fate or resolve is a statement to the addressee, not a threat
    ("Zelenskiy warned the European Union that Ukraine would fall without more weapons.",
     ("UKR", "statement", "EU"), ("UKR", "threaten", "EU")),
    ("Zelenskiy warned NATO that Ukraine would not give up any territory.",
     ("UKR", "statement", "NATO"), ("UKR", "threaten", "NATO")),
    # ... its hostile act, response or consequence is a threat
    ("China warned Japan that Beijing would impose sanctions.", ("CHN", "threaten", "JPN"), None),
    ("Iran warned Israel that Tehran would strike back.", ("IRN", "threaten", "ISR"), None),
    ("Russia warned NATO that Moscow would take countermeasures.", ("RUS", "threaten", "NATO"), None),
    ("China warned Japan that Beijing would respond firmly.", ("CHN", "threaten", "JPN"), None),
    # (second review) a blockade, and a resolve not to stay idle, are hostile too
    ("Iran warned the United States that Tehran would close the Strait of Hormuz.",
     ("IRN", "threaten", "USA"), ("IRN", "statement", "USA")),
    ("North Korea warned the United States that Pyongyang would not sit idle.",
     ("PRK", "threaten", "USA"), ("PRK", "statement", "USA")),
    ("Japan warned China that Tokyo would not stand idly by.", ("JPN", "threaten", "CHN"), None),
])
def test_a_warning_of_ones_own_side_threatens_only_with_a_hostile_act(text, expected, absent):
    got = dyads(text)
    assert expected in got and absent not in got, got


@pytest.mark.parametrize("text, main", [
    # a participle before a time phrase belongs to the relative clause: the main verb comes later
    ("Hamas, which holds hostages seized last October, released two Israelis.", ("yield", "two Israelis")),
    ("The militia that controls the territory seized last month attacked Kurdish forces.",
     ("attack", "Kurdish forces")),
    # twins: the relative clause's object is followed by the main verb
    ("The militia that seized the town attacked government troops.", ("attack", "government troops")),
    ("The militia, which seized the town last week, attacked government troops.", ("attack", "government troops")),
])
def test_the_main_event_is_not_a_participle_in_the_relative_clause(text, main):
    out = run(text)
    m = out[out["main"].astype(bool)]
    assert (m["act"].iloc[0], m["target_text"].iloc[0]) == main, out[["act", "target_text", "main"]]


@pytest.mark.parametrize("sentence, verb, not_verb", [
    ("Hamas , which holds hostages seized last October , released two Israelis .", "released", "seized"),
    ("The militia that controls the territory seized last month attacked Kurdish forces .", None, "seized"),
    ("The militia that seized the town attacked government troops .", "attacked", None),
])
def test_tag_verb_after_relative_skips_a_participle_before_a_time(sentence, verb, not_verb):
    toks = sentence.split()
    tags, _ = clauses.tag(toks)
    out = clauses.repair_relative_verbs(toks, tags)
    if verb is not None:
        assert out[toks.index(verb)] in ("VBD", "VBZ", "VBP"), list(zip(toks, out))
    if not_verb is not None:
        assert out[toks.index(not_verb)] != "VBD", list(zip(toks, out))


@pytest.mark.parametrize("text, expected", [
    # "demanded that X <subjunctive>": the demand is made of X even when the verb is read as a noun
    ("Iran demanded that the United States lift sanctions.", ("IRN", "demand", "USA")),
    ("China demanded that Japan apologise.", ("CHN", "demand", "JPN")),
    ("The UN Security Council demanded that Russia withdraw its troops from Ukraine.", ("UNSC", "demand", "RUS")),
    # negative: no name after "that"
    ("Iran demanded that sanctions be lifted.", ("IRN", "demand", None)),
])
def test_a_demand_is_made_of_the_name_after_that(text, expected):
    got = dyads(text)
    assert expected in got, got
