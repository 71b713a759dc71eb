"""Acts the escalation lexicon 1.7.0 added and the events rules they need (issue 17 review of
uncoded acts, datelines and pronouns), on sentences written for this test, with negative cases."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, rows, run

from toolkit import clauses

pytestmark = NEEDS_TAGGER


@pytest.mark.parametrize("text, expected", [
    ("Syrian air defences shot down three Israeli drones near Homs.", ("SYR", "attack", "ISR", "asserted")),
    ("Three Turkish drones were shot down by Syrian forces.", ("SYR", "attack", "TUR", "asserted")),
    ("A Vietnamese fishing boat was rammed by a Chinese vessel.", ("CHN", "attack", "VNM", "asserted")),
    ("Ukrainian ports were targeted by Russian drones overnight.", ("RUS", "attack", "UKR", "asserted")),
    ("Hezbollah fired dozens of rockets at northern Israel.", ("HEZBOLLAH", "attack", "ISR", "asserted")),
    ("Indian troops opened fire on Pakistani positions.", ("IND", "attack", "PAK", "asserted")),
    ("Iran was arming the militias.", ("IRN", "aid", None, "asserted")),
    ("Germany will send more tanks to Ukraine.", ("DEU", "aid", "UKR", "future")),
    ("Bolivia suspended diplomatic relations with Israel.", ("BOL", "reduce_relations", "ISR", "asserted")),
    ("Serbia pulled out of the talks with Kosovo.", ("SRB", "reduce_relations", "XKX", "asserted")),
    ("Poland summoned the Belarusian ambassador on Monday.", ("POL", "criticize", "BLR", "asserted")),
])
def test_acts_that_had_no_row(text, expected):
    got = rows(run(text))
    assert expected in got, got


@pytest.mark.parametrize("text, expected", [
    # escalation lexicon 1.10.0 and place_target "near" (events.yaml 0.5.1)
    ("Azerbaijani artillery pounded Armenian positions overnight.", ("AZE", "attack", "ARM", "asserted")),
    ("Kenyan troops raided Somali villages near the border.", ("KEN", "attack", "SOM", "asserted")),
    ("Russian troops stormed the Ukrainian town hall.", ("RUS", "attack", "UKR", "asserted")),
    ("Ukrainian saboteurs blew up a Russian bridge.", ("UKR", "attack", "RUS", "asserted")),
    ("China conducted live-fire drills near Taiwan on Monday.", ("CHN", "mobilize", "TWN", "asserted")),
    ("Iran supplied drones to Russia.", ("IRN", "aid", "RUS", "asserted")),
    ("North Korea transferred artillery shells to Russia.", ("PRK", "aid", "RUS", "asserted")),
    ("Israeli jets bombed a weapons depot near Damascus.", ("ISR", "attack", "SYR", "asserted")),
    ("Russia supplied artillery shells to Syria.", ("RUS", "aid", "SYR", "asserted")),
    ("Kosovo stormed out of the talks with Serbia.", ("XKX", "reduce_relations", "SRB", "asserted")),
])
def test_acts_of_the_second_review(text, expected):
    got = rows(run(text))
    assert expected in got, got


@pytest.mark.parametrize("text, absent_act", [
    # negative: an adjective, a shooting that names no force, and "targeted sanctions" are no attack
    ("The minister called the cartoon offensive.", "attack"),
    ("The EU imposed targeted sanctions on Iranian officials.", "attack"),
    ("Armed groups attacked the convoy.", "aid"),
    # the currency and the weather are no attack
    ("The pound fell against the dollar.", "attack"),
    ("A storm hit Cuba on Tuesday.", "attack"),
    ("The minister came under fire from the opposition.", "attack"),
    ("The firm transferred millions to shell companies.", "attack"),
    ("The firm transferred millions to shell companies.", "aid"),
    ("Kosovo stormed out of the talks with Serbia.", "attack"),
    ("There is no need for concern, Germany said.", "appeal"),
])
def test_lexicon_negatives(text, absent_act):
    assert not any(r[1] == absent_act for r in rows(run(text)))


@pytest.mark.parametrize("text", [
    "MANILA, Philippines (AP) — The Philippine navy said a Chinese ship blocked a supply mission.",
    "BEIRUT (Reuters) - Lebanon's army said it had detained two men.",
])
def test_dateline_dash_is_never_a_predicate(text):
    out = run(text)
    assert not any(str(c) in ("—", "-") for c in out["cue"].tolist()), out[["cue", "rule"]].values.tolist()


@pytest.mark.parametrize("text, expected, absent", [
    # the object pronoun is the other person; the subject pronoun the first named
    ("Emmanuel Macron met Xi Jinping in Beijing. He urged him to press Moscow.",
     ("FRA", "appeal", "CHN", "asserted"), ("CHN", "appeal", "FRA", "asserted")),
    # negative: with one person named, "she" is that person and the target stays her country's other
    ("Annalena Baerbock visited Kyiv on Friday. She criticized Russia for the strikes.",
     ("DEU", "criticize", "RUS", "asserted"), ("RUS", "criticize", "DEU", "asserted")),
])
def test_pronouns_take_the_compatible_antecedent(text, expected, absent):
    got = rows(run(text))
    assert expected in got and absent not in got, got


@pytest.mark.parametrize("tokens, tags, expected", [
    (["KYIV", "—", "Ukraine", "said"], ["NNP", "VBP", "NNP", "VBD"], ["NNP", ":", "NNP", "VBD"]),
    # negative: a word keeps its verb tag
    (["Russia", "attacked", "Ukraine"], ["NNP", "VBD", "NNP"], ["NNP", "VBD", "NNP"]),
])
def test_punctuation_is_never_tagged_a_verb(tokens, tags, expected):
    assert clauses.repair_tags(tokens, tags) == expected


@pytest.mark.parametrize("text, expected", [
    ("Beijing warned Manila of 'grave consequences' over the shoal.", ("CHN", "threaten", "PHL", "asserted")),
    ("Pyongyang warned of a 'ruthless' answer to the naval exercises.", ("PRK", "threaten", None, "asserted")),
    ("Moscow warned Helsinki it would retaliate against any deployment.", ("RUS", "threaten", "FIN", "asserted")),
    ("Ankara warned Athens that it would pay a heavy price for the drilling.", ("TUR", "threaten", "GRC", "asserted")),
    # negative: a warning about a third party's possible act is a statement or accusation, not a demand
    ("The general warned that Iran could be ready to strike Israel within weeks.", ("USA", "accuse", "IRN", "asserted")),
])
def test_warn_frames_without_that_or_with_quotes(text, expected):
    got = rows(run(text.replace("The general", "The US general")))
    assert expected in got, got


@pytest.mark.parametrize("text, absent_act", [
    # negative: a warning about another's possible act directs nobody
    ("Lithuania warned that Russia could be preparing to attack the Baltics.", "demand"),
    # negative: a warning about a third party's future is not the warner's threat
    ("The UN warned that Somalia would face famine within months.", "threaten"),
])
def test_warn_negatives(text, absent_act):
    assert not any(r[1] == absent_act for r in rows(run(text)))


@pytest.mark.parametrize("text, expected", [
    # a reported "would" is the speaker's "will", backshifted
    ("The Kremlin said Moscow would retaliate against Latvia.", ("RUS", "threaten", "LVA", "future")),
    # negative: "could" stays hypothetical, and an unreported "would" too
    ("The Kremlin said Moscow could retaliate against Latvia.", ("RUS", "threaten", "LVA", "hypothetical")),
    ("Moscow would retaliate against Latvia in such a case.", ("RUS", "threaten", "LVA", "hypothetical")),
])
def test_reported_would_is_future(text, expected):
    got = rows(run(text))
    assert expected in got, got


@pytest.mark.parametrize("text, expected, absent", [
    # a noun's act under "refused to <light verb>" did not happen
    ("Iran refused to resume talks with the IAEA.", ("IRN", "consult", "IAEA", "negated"),
     ("IRN", "consult", "IAEA", "asserted")),
    ("Serbia declined to send aid to Kosovo.", ("SRB", "aid", "XKX", "negated"), ("SRB", "aid", "XKX", "asserted")),
    # negative: the plain light verb stays asserted
    ("Iran resumed talks with the IAEA.", ("IRN", "consult", "IAEA", "asserted"), ("IRN", "consult", "IAEA", "negated")),
])
def test_refused_noun_acts_are_negated(text, expected, absent):
    got = rows(run(text))
    assert expected in got and absent not in got, got


@pytest.mark.parametrize("text, expected", [
    ("Lviv was struck overnight by waves of Russian drones.", ("RUS", "attack", None, "asserted")),
    ("A squadron of Israeli jets bombed Syrian air defences.", ("ISR", "attack", "SYR", "asserted")),
])
def test_quantity_of_actor_is_the_source(text, expected):
    got = rows(run(text))
    assert any(r[0] == expected[0] and r[1] == expected[1] for r in got), got


def test_quantity_without_actor_names_no_one():
    # negative: "waves of drones" names no actor
    got = rows(run("The city was struck by waves of drones."))
    assert all(r[0] is None for r in got if r[1] == "attack"), got


@pytest.mark.parametrize("text, expected", [
    ("Beijing warned Manila against 'provocative moves' near the reef.", ("CHN", "warn", "PHL", "asserted")),
    # negative: a consequence "against" someone stays a threat
    ("Moscow warned of retaliation against Finland.", ("RUS", "threaten", "FIN", "asserted")),
])
def test_warn_against_past_quotes(text, expected):
    got = rows(run(text))
    assert expected in got, got


@pytest.mark.parametrize("text, expected", [
    # escalation lexicon 1.13.0: CAMEO 12, 16 and 174 by the objects the verbs take
    ("Lithuania froze its military cooperation with China.", ("LTU", "reduce_relations", "CHN", "asserted")),
    ("Morocco downgraded diplomatic ties with Algeria.", ("MAR", "reduce_relations", "DZA", "asserted")),
    ("Washington halted aid to Niger after the coup.", ("USA", "reduce_relations", "NER", "asserted")),
    ("The EU slapped fresh sanctions on Belarus.", ("EU", "sanction", "BLR", "asserted")),
    ("The United States imposed tariffs on Chinese steel.", ("USA", "sanction", "CHN", "asserted")),
    ("Serbia paused the talks with Kosovo.", ("SRB", "reduce_relations", "XKX", "asserted")),
    ("Armenia turned down the Azerbaijani proposal.", ("ARM", "reject", "AZE", "asserted")),
    ("Israel ruled out talks with Hamas.", ("ISR", "reject", "HAMAS", "asserted")),
    ("Mali ordered the French ambassador to leave the country.", ("MLI", "expel", "FRA", "asserted")),
    ("India and Pakistan traded blame for the attack.", ("PAK", "accuse", "IND", "asserted")),
])
def test_reduced_relations_and_rejections(text, expected):
    got = rows(run(text))
    assert expected in got, got


@pytest.mark.parametrize("text, absent_act", [
    # a party's own plan ruled out is no rejection of another; `recall` and `freeze` alone are no acts
    ("Russia ruled out a ground offensive.", "reject"),
    ("The Council recalled that the envoy had briefed it.", "reduce_relations"),
    ("Temperatures will freeze the lake in winter.", "reduce_relations"),
])
def test_reduced_relations_negatives(text, absent_act):
    assert not any(r[1] == absent_act for r in rows(run(text)))
