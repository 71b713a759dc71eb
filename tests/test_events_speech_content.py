"""Speech acts whose content is the act (events 0.22.1): a conditional announcement of the
speaker's own act is a threat or an offer (speech.conditional_*), a quoted label on another
party or its conduct is a criticism, praise or rejection (speech.label_*). Constructed
sentences, new names."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, run

pytestmark = NEEDS_TAGGER


def _rows(text: str) -> list[tuple]:
    out = run(text)
    return [tuple(None if v != v else v for v in r)
            for r in out[["source_actor", "act", "target_actor", "factuality", "rule", "cameo"]].itertuples(index=False)]


@pytest.mark.parametrize("text, src, tgt", [
    ("Nigeria said it would send troops to Niger if the junta refused to step down.", "NGA", "NER"),
    ("Serbia's president said Belgrade would stop supplying gas to Kosovo if Pristina went ahead "
     "with the takeover.", "SRB", "XKX"),
    ("Turkey warned Sweden that Ankara would not approve its bid unless it cracked down on militants.", "TUR", "SWE"),
    ("Cuba said it would not release the prisoners unless Spain lifted the sanctions.", "CUB", "ESP"),
])
def test_a_conditional_announcement_of_the_speakers_act_is_a_threat(text, src, tgt):
    got = _rows(text)
    hit = [r for r in got if r[4].startswith("speech.conditional_threat")]
    assert hit and hit[0][:4] == (src, "threaten", tgt, "asserted") and hit[0][5] == "130", got


def test_a_conditional_announcement_of_help_is_an_offer():
    got = _rows("Kenya said it would lift the sanctions on Somalia if the prisoners were freed.")
    hit = [r for r in got if r[4].startswith("speech.conditional_offer")]
    assert hit and hit[0][:4] == ("KEN", "offer", "SOM", "asserted") and hit[0][5] == "030", got


@pytest.mark.parametrize("text", [
    "Nigeria said it would send troops to Niger.",                          # no condition
    "Nigeria said Niger would send troops if the junta refused.",           # another party's act
    "Nigeria did not say it would send troops if the junta refused.",       # negated speech
    "Indonesia said it would retaliate if Malaysia seized its boats.",      # the act is its own threat row
    # no party to threaten or help: the condition, the addressee and the act name none
    "Peru said it would win the case if the court followed its own rulings.",
    "Norway said it would consider buying more fighter jets if the budget allowed.",
    "The Latvian prime minister said he would resign if the opposition won the vote.",
])
def test_no_conditional_threat_without_an_own_conditional_announcement(text):
    assert not any(r[4].startswith("speech.conditional_") for r in _rows(text))


@pytest.mark.parametrize("text, src, tgt", [
    ('Kyrgyzstan said Tajikistan\'s ultimatum was "blackmail dressed up as diplomacy".', "KGZ", "TJK"),
    ('Latvia said Moscow was "weaponising migration" along the border.', "LVA", "RUS"),
    ('Paraguay said Argentina\'s tariff plan was "untenable".', "PRY", "ARG"),
])
def test_a_quoted_label_after_a_reported_copula_is_a_criticism(text, src, tgt):
    got = _rows(text)
    assert any(r[:3] == (src, "criticize", tgt) and r[4].startswith("speech.label_reported") and r[5] == "111"
               for r in got), got


def test_a_positive_quoted_label_is_praise():
    got = _rows('Chad said the Sudanese proposal was "a constructive step".')
    assert any(r[:3] == ("TCD", "praise", "SDN") and r[5] == "051" for r in got), got


@pytest.mark.parametrize("text, src, tgt", [
    ('China labelled the Taiwanese referendum "a dangerous farce".', "CHN", "TWN"),
    ('Mongolia termed the Chinese tariffs "economic coercion".', "MNG", "CHN"),
])
def test_a_quoted_label_of_a_naming_verb_is_a_criticism(text, src, tgt):
    got = _rows(text)
    assert any(r[:3] == (src, "criticize", tgt) and r[4].startswith("speech.label_named") for r in got), got


def test_a_naming_complement_cue_of_no_class_takes_the_labels_polarity():
    got = _rows('Azerbaijan called the Armenian drills "a dangerous escalation".')
    assert any(r[:3] == ("AZE", "criticize", "ARM") and r[4].startswith("verb.naming") for r in got), got


@pytest.mark.parametrize("text, src, tgt", [
    ('Lesotho accused South Africa of blocking its exports. Pretoria called the allegation "ridiculous".',
     "ZAF", "LSO"),
    ('Gabon said Cameroon had seized a fishing boat. Cameroon\'s government said the claims were "absurd".',
     "CMR", "GAB"),
])
def test_a_quoted_label_of_a_claim_rejects_it(text, src, tgt):
    got = _rows(text)
    assert any(r[:3] == (src, "reject", tgt) and r[4].startswith("speech.label_") for r in got), got


@pytest.mark.parametrize("text", [
    'Nepal said its position on the border was "unchanged".',              # the speaker's own side
    'Iceland said the talks with Norway were "frank".',                    # no party's conduct
    'Norway\'s navy chief said the Russian drills were "within normal limits".',   # a range, no label
])
def test_no_label_act_without_another_partys_labelled_conduct(text):
    got = _rows(text)
    assert not any(r[4].startswith("speech.label_") and r[1] != "statement" for r in got), got


@pytest.mark.parametrize("text, src, tgt", [
    ("Georgia reserved the right to respond to Russian moves in Abkhazia.", "GEO", "RUS"),
    ("Vietnam reserved the right to respond to Chinese actions in the sea.", "VNM", "CHN"),
])
def test_reserving_the_right_to_respond_is_a_threat(text, src, tgt):
    got = _rows(text)
    assert any(r[:4] == (src, "threaten", tgt, "asserted") and r[4].startswith("warn.reserved_right")
               and r[5] == "130" for r in got), got


@pytest.mark.parametrize("text", [
    "Georgia did not reserve the right to respond to Russian moves.",
    "Georgia reserved two seats for Armenian observers.",
    "Belize reserved the right to appeal the ruling.",   # a right that holds out no response
])
def test_no_reserved_right_threat_without_a_reserved_right_to_act(text):
    assert not any(r[4].startswith("warn.reserved_right") for r in _rows(text))


@pytest.mark.parametrize("text", [
    "Austria said it would be happy if Slovenia joined the talks.",   # an evaluation, no act held out
    "Russia said it would be a mistake if Sweden joined NATO.",
])
def test_no_conditional_threat_from_an_announced_copula(text):
    assert not any(r[4].startswith("speech.conditional_") for r in _rows(text)), _rows(text)


@pytest.mark.parametrize("text", [
    'The Kremlin said the Polish position was "unchanged".',
    'Lavrov said Washington\'s response was "expected".',
])
def test_a_neutral_quoted_label_is_no_criticism(text):
    assert not any(r[4].startswith("speech.label_") for r in _rows(text)), _rows(text)


def test_a_neutral_epithet_after_a_naming_verb_is_still_a_criticism():
    got = _rows('Minsk called the Lithuanian foreign minister "a servant of Brussels".')
    assert any(r[:3] == ("BLR", "criticize", "LTU") for r in got), got


# events 0.24.0: what a plain speech act announces of the speaker's own side (speech.announced_*)
@pytest.mark.parametrize("text, src, tgt", [
    ("Kyrgyzstan said its new reservoir posed no threat to Uzbekistan.", "KGZ", "UZB"),
    ("Chad said it would not use force against Niger.", "TCD", "NER"),
    ("Belize said it would never allow its territory to be used against Guatemala.", "BLZ", "GTM"),
])
def test_a_disowned_hostile_act_of_the_speakers_side_is_a_reassurance(text, src, tgt):
    got = _rows(text)
    assert any(r[:3] == (src, "reassure", tgt) and r[4].startswith("speech.announced_reassurance")
               and r[5] == "030" for r in got), got


def test_an_announced_response_of_the_speakers_side_is_a_threat():
    got = _rows("Peru said it would respond in kind to the expulsion of its diplomats by Ecuador.")
    assert any(r[:3] == ("PER", "threaten", "ECU") and r[4].startswith("speech.announced_response")
               and r[5] == "130" for r in got), got


@pytest.mark.parametrize("text, src, tgt", [
    # a postposed report: the quote, then the speech verb
    ('"Paraguay will not stand idly by if Bolivia closes the river," the Paraguayan foreign minister said.',
     "PRY", "BOL"),
    # the condition names no party: the announced act's own party ("enter Burundi")
    ("Rwanda's president warned that his troops would enter Burundi if the militias kept attacking villages.",
     "RWA", "BDI"),
])
def test_a_conditional_announcement_reads_a_postposed_report_and_the_announced_party(text, src, tgt):
    got = _rows(text)
    assert any(r[:3] == (src, "threaten", tgt) and r[4].startswith("speech.conditional_threat") for r in got), got


@pytest.mark.parametrize("text", [
    "Iceland said the storm posed no threat to shipping.",                     # no party
    "Malaysia said it had no intention of changing its interest rate policy.",   # no party
    "Lebanon said it had no intention of joining talks with Syria.",          # a refusal, no reassurance
    "Finland said it would not tolerate any Russian incursion.",              # a warning, no reassurance
    "Estonia said Russia posed a threat to the Baltic states.",              # another party's threat
    "Latvia said Moscow would respond harshly if NATO deployed more troops.",  # another party's response
    "Finland's audit office said it would publish its report on the border fence next month.",
])
def test_no_announced_act_class_without_the_speakers_own_act_toward_a_party(text):
    got = _rows(text)
    assert not any(r[4].startswith("speech.announced_") or r[1] == "reassure" for r in got), got


@pytest.mark.parametrize("text, src, tgt", [
    ("Thailand's army chief said any Cambodian incursion would be met with force.", "THA", "KHM"),
    ("Seoul said any further balloon launches by Pyongyang would draw a firm response.", "KOR", "PRK"),
    ("Armenia's prime minister said any Azerbaijani attack on Syunik would be treated as an act of war.", "ARM", "AZE"),
])
def test_a_reported_consequence_of_another_partys_act_is_a_veiled_threat(text, src, tgt):
    got = _rows(text)
    assert any(r[:3] == (src, "threaten", tgt) and r[4].startswith("speech.announced_consequence")
               and r[5] == "130" for r in got), got


@pytest.mark.parametrize("text", [
    "Norway said more fishing boats would face inspections.",        # no hypothetical act of a party
    "Brazil said any further delay would meet a firm response.",     # no party named
    "Chile said any Peruvian tourists would be welcome.",            # no consequence
])
def test_no_veiled_threat_without_a_partys_act_meeting_a_consequence(text):
    assert not any(r[4].startswith("speech.announced_consequence") for r in _rows(text))


def test_an_offered_act_of_no_class_to_a_named_party_is_an_offer():
    got = _rows("Cuba offered to send doctors to Haiti.")
    assert any(r[:3] == ("CUB", "offer", "HTI") and r[4].startswith("offer.intent_uncoded") and r[5] == "030"
               for r in got), got


@pytest.mark.parametrize("text", [
    "Lourenco offered to send Angolan observers to monitor the truce.",   # the object sent, no recipient
    "Turkey offered to send troops against the militants in Syria.",     # aimed against a party
])
def test_no_uncoded_offer_without_a_recipient(text):
    assert not any(r[4].startswith("offer.intent_uncoded") for r in _rows(text))


@pytest.mark.parametrize("text", [
    "Austria said it would not supply cruise missiles to Georgia.",        # a refusal of help (act.own_refusal)
    '"We do not regard this as a threat," the Danish defence minister said of the Swedish drills.',
    "The Kremlin said Moscow did not meddle in Armenia's internal affairs.",  # a past act denied
    "Hungary said it would not exchange a Serbian spy for the jailed reporter.",
])
def test_no_reassurance_from_a_refusal_an_evaluation_or_a_denial(text):
    assert not any(r[1] == "reassure" for r in _rows(text)), _rows(text)
