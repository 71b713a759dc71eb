"""Events round 6: who did what to whom across sentences (pronouns and descriptions), regions
that are places, news outlets that are channels, backers, requests and relative clauses."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, rows, run

from toolkit import clauses

pytestmark = NEEDS_TAGGER


def rules_of(out, col: str) -> list[str]:
    """The actor rule of each row's ``col`` side ("source" or "target"), read from ``rule``."""
    return [r.split(f"{col}:")[1].split(";")[0].split("/")[1] for r in out["rule"]]


@pytest.mark.parametrize("text, expected", [
    # a definite description names the actor met before it: Centering's previous subject first
    ("Venezuela expelled the Spanish ambassador. The country also accused Spain of plotting a coup.",
     ("VEN", "accuse", "ESP", "asserted")),
    ("The Iranian foreign ministry summoned the British ambassador. The ministry accused London of interference.",
     ("IRN", "accuse", "GBR", "asserted")),
    ("North Korea fired a missile on Sunday. The regime threatened Japan with nuclear strikes.",
     ("PRK", "threaten", "JPN", "asserted")),
    ("Hungary blocked the EU sanctions package. The government accused Brussels of blackmail.",
     ("HUN", "accuse", "EU", "asserted")),
    ("The European Union sanctioned Belarus. The bloc also threatened Minsk with more measures.",
     ("EU", "threaten", "BLR", "asserted")),
    ("NATO expanded eastward. The alliance accused Russia of aggression.", ("NATO", "accuse", "RUS", "asserted")),
    ("Hamas fired rockets at Israel on Monday. The group also threatened to attack Tel Aviv.",
     ("HAMAS", "threaten", "ISR", "asserted")),
    # a person noun: the mention named with it, not the last person ("Rodrigo Duterte")
    ("Beijing's envoy arrived in Manila on Monday. The envoy criticized the Philippines.",
     ("CHN", "criticize", "PHL", "asserted")),
    ("China's envoy met Rodrigo Duterte on Monday. The envoy criticized the Philippines.",
     ("CHN", "criticize", "PHL", "asserted")),
    # a description as the target, never the source's own state
    ("Russia massed troops near the border of Ukraine. It later threatened to invade the country.",
     ("RUS", "threaten", "UKR", "asserted")),
    # nor the party its own clause names on the other side
    ("Russia invaded Ukraine in February. The country accused Moscow of genocide.",
     ("UKR", "accuse", "RUS", "asserted")),
    ("Russia invaded Ukraine in February. It accused Moscow of genocide.", ("UKR", "accuse", "RUS", "asserted")),
    # pronouns, sources and targets: organisation "it", people "he"/"she"
    ("Russia massed troops near the border on Monday. It also threatened to cut gas supplies to Moldova.",
     ("RUS", "threaten", "MDA", "asserted")),
    ("Japan protested to China on Monday. Beijing accused it of provocation.", ("CHN", "accuse", "JPN", "asserted")),
    ("Vladimir Putin met Angela Merkel in Moscow. He accused her of meddling.", ("RUS", "accuse", "DEU", "asserted")),
    ("Turkish President Recep Tayyip Erdogan met Vladimir Putin. He warned Sweden against joining NATO.",
     ("TUR", "warn", "SWE", "asserted")),
    # negatives: nothing named before, a place, a description named where it stands
    ("The country accused Spain of plotting a coup.", (None, "accuse", "ESP", "asserted")),
    ("China appointed a new envoy to Manila. The envoy criticized the Philippines.",
     (None, "criticize", "PHL", "asserted")),
    ("Fighting raged in Syria on Monday. The regime accused Turkey of aggression.",
     (None, "accuse", "TUR", "asserted")),
    # ... but a governing body in a capital is that capital's state (actor.state_body_in_place)
    ("The Russian army shelled Kharkiv. The government in Kyiv accused Moscow of terror.",
     ("UKR", "accuse", "RUS", "asserted")),
])
def test_cross_sentence_agents(text, expected):
    got = rows(run(text, with_quotes=True))
    assert got[-1] == expected, got


@pytest.mark.parametrize("text, expected", [
    # a warning to X about what the warner's own side will do is a threat to X
    ("Turkish President Recep Tayyip Erdogan met Vladimir Putin. He warned Sweden that Ankara would block its bid.",
     ("TUR", "threaten", "SWE", "asserted")),
    ("Erdogan warned Sweden that Turkey would block its NATO bid.", ("TUR", "threaten", "SWE", "asserted")),
    ("China warned Japan that Beijing would respond firmly.", ("CHN", "threaten", "JPN", "asserted")),
    # negatives: no modal, a statement made to X; a third party's act stays an accusation of it
    ("Erdogan warned Sweden that Turkey had lost patience.", ("TUR", "statement", "SWE", "asserted")),
    ("Britain warned that Russia poses a threat to Europe.", ("GBR", "accuse", "RUS", "asserted")),
])
def test_a_warning_of_ones_own_act_threatens_the_addressee(text, expected):
    got = rows(run(text, with_quotes=True))
    assert expected in got, got


@pytest.mark.parametrize("text, side, rule", [
    ("Venezuela expelled the Spanish ambassador. The country also accused Spain of plotting a coup.",
     "source", "actor.coref_description"),
    ("Russia massed troops near the border of Ukraine. It later threatened to invade the country.",
     "target", "actor.coref_description"),
    ("Russia massed troops near the border on Monday. It also threatened to cut gas supplies to Moldova.",
     "source", "actor.coref_antecedent"),
    # negative: a name in the phrase is a mention, not a description
    ("Venezuela expelled the Spanish ambassador. Venezuela also accused Spain of plotting a coup.",
     "source", "actor.mention"),
])
def test_cross_sentence_rows_say_how_they_were_resolved(text, side, rule):
    assert rules_of(run(text, with_quotes=True), side)[-1] == rule


@pytest.mark.parametrize("text, expected, absent", [
    # a region of a state is a place, never the agent's state
    ("Tigray's leaders accused Ethiopia of blocking aid.", (None, "accuse", "ETH", "asserted"),
     ("ETH", "accuse", "ETH", "asserted")),
    ("Tigray's leaders accused Ethiopia of blocking aid.", ("ETH", "reject", None, "alleged"),
     ("ETH", "reject", None, "asserted")),
    ("Crimea's governor accused Ukraine of shelling the bridge.", (None, "accuse", "UKR", "asserted"),
     ("UKR", "accuse", "UKR", "asserted")),
    # negatives: a region as the target, a state's own government, the authorities of a place
    # (a disputed region of the source's own state is no target: target.own_place, events 0.13.1)
    ("Ethiopian forces attacked Tigray.", ("ETH", "attack", None, "asserted"), ("ETH", "attack", "ETH", "asserted")),
    ("Ethiopia's government accused Tigray's leaders of treason.", ("ETH", "accuse", "ETH", "asserted"), None),
    ("The journalist was arrested in Rwanda.", ("RWA", "coerce", None, "asserted"), None),
])
def test_a_region_is_no_agent(text, expected, absent):
    got = rows(run(text))
    assert expected in got and absent not in got, got


@pytest.mark.parametrize("text, expected, absent", [
    # a news outlet spoken to is the channel of the statement, not its target
    ("The Kremlin spokesman told Reuters that Russia would retaliate.", ("RUS", "statement", None, "asserted"),
     ("RUS", "statement", "GBR", "asserted")),
    ("Peskov told TASS that Moscow rejected the proposal.", ("RUS", "statement", None, "asserted"),
     ("RUS", "statement", "RUS", "asserted")),
    ("Zelensky said in an interview with CNN.", ("UKR", "statement", None, "asserted"),
     ("UKR", "statement", "USA", "asserted")),
    ("Zelensky spoke to CNN on Sunday.", ("UKR", "unclassified", None, "asserted"),
     ("UKR", "unclassified", "USA", "asserted")),
    # negatives: an outlet acted on or accused is the target
    ("Iran criticized the BBC for its coverage.", ("IRN", "criticize", "GBR", "asserted"), None),
    ("China accused CNN of bias.", ("CHN", "accuse", "USA", "asserted"), None),
    ("Russia banned the BBC.", ("RUS", "coerce", "GBR", "asserted"), None),
])
def test_a_news_outlet_spoken_to_is_a_channel(text, expected, absent):
    out = run(text)
    got = rows(out)
    assert expected in got and absent not in got, got
    if absent is not None:
        assert "target.media_channel" in rules_of(out, "target")


@pytest.mark.parametrize("text, expected, absent", [
    # a backer is not the one who acts, nor the one acted on
    ("Rwanda-backed rebels attacked Goma.", (None, "attack", "COD", "asserted"), ("RWA", "attack", "COD", "asserted")),
    ("Russia attacked US-backed forces.", ("RUS", "attack", None, "asserted"), ("RUS", "attack", "USA", "asserted")),
    ("Iranian-backed Houthis attacked Saudi Arabia.", ("HOUTHI", "attack", "SAU", "asserted"),
     ("IRN", "attack", "SAU", "asserted")),
    # negatives: the backer acting itself; a maker, as before
    ("Rwanda backed the rebels.", ("RWA", "unclassified", None, "asserted"), None),
    ("Iranian-made drones hit Kyiv.", (None, "attack", "UKR", "asserted"), ("IRN", "attack", "UKR", "asserted")),
])
def test_a_backer_is_a_supporter(text, expected, absent):
    got = rows(run(text))
    assert expected in got and absent not in got, got


@pytest.mark.parametrize("text, main", [
    # the main event is the main clause's, past a relative or a participle set off by commas
    ("The rebels, backed by Rwanda, attacked Goma.", ("attack", "Goma")),
    ("Hezbollah, backed by Iran, fired rockets at Israel.", ("attack", "Israel")),
    ("The militia that seized the town attacked government troops.", ("attack", "government troops")),
    ("The militia, which seized the town last week, attacked government troops.", ("attack", "government troops")),
    ("The commander who led the offensive accused Russia of war crimes.", ("accuse", "Russia")),
    ("Russia, which has denied the charges, said Ukraine shelled the plant.", ("accuse", "Ukraine")),
    # negative: a participle with no finite verb after it is the main clause's own verb
    ("Russia, backed by Belarus, invaded Ukraine.", ("attack", "Ukraine")),
])
def test_the_main_event_is_past_the_subjects_clause(text, main):
    out = run(text)
    m = out[out["main"].astype(bool)]
    assert (m["act"].iloc[0], m["target_text"].iloc[0]) == main, out[["act", "target_text", "main"]]


@pytest.mark.parametrize("text, expected", [
    # what is asked of X is requested, not done (nor negated by "stop")
    ("The United States called on Azerbaijan to stop attacking Armenia.", ("AZE", "attack", "ARM", "requested")),
    ("The UN called on Russia to withdraw its troops.", ("RUS", "yield", None, "requested")),
    ("The UN called on Russia to withdraw its troops.", ("UN", "appeal", "RUS", "asserted")),
    ("The UN Security Council demanded that Russia withdraw its troops from Ukraine.",
     ("UNSC", "demand", "RUS", "asserted")),
    ("The UN Security Council demanded that Russia withdraw its troops from Ukraine.",
     ("RUS", "yield", "UKR", "requested")),
    # negatives: done, or stopped, as stated
    ("Azerbaijan stopped attacking Armenia.", ("AZE", "attack", "ARM", "negated")),
    ("Russia withdrew its troops.", ("RUS", "yield", None, "asserted")),
])
def test_what_is_asked_is_requested(text, expected):
    got = rows(run(text))
    assert expected in got, got


@pytest.mark.parametrize("sentence, verb", [
    ("The militia that seized the town attacked government troops .", "attacked"),
    ("The militia , which seized the town last week , attacked troops .", "attacked"),
    ("The commander who led the offensive accused Russia of crimes .", "accused"),
    # negatives: a verb before the relative clause; a participle before "by"; no relative clause
    ("Officials said the militia that seized the town attacked troops .", None),
    ("The town that the army seized lies near roads mined by rebels .", None),
    ("The militia seized the town .", None),
])
def test_tag_verb_after_relative(sentence, verb):
    toks = sentence.split()
    tags, _ = clauses.tag(toks)
    out = clauses.repair_relative_verbs(toks, tags)
    if verb is None:
        assert out == tags
    else:
        assert out[toks.index(verb)] == "VBD", list(zip(toks, tags))
