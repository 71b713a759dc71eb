"""Clause structure, round 8: the opening subject the tagger hides (a name read as an adjective,
a participle read as a verb, a fronted time phrase merged into the subject), and an object
after a time phrase."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, run

from toolkit import clauses

pytestmark = NEEDS_TAGGER


def parse(text: str):
    return clauses.parse(text.split())


def chunk_texts(s) -> list[str]:
    return [" ".join(s.tokens[c.start:c.end]) for c in s.chunks]


def main_row(text: str) -> tuple:
    out = run(text)
    m = out[out["main"]]
    if m.empty:
        return (None, None, None)
    r = m.iloc[0]
    return tuple(None if v is None or v != v else v for v in (r["source_actor"], r["act"], r["target_actor"]))


@pytest.mark.parametrize("tokens, tags, expected", [
    # tag.opening_name: a capitalised first word read as an adjective before a finite verb
    ("Ukraine accuses Russia", ["JJ", "VBZ", "NNP"], ["NNP", "VBZ", "NNP"]),
    ("Moldova expelled two diplomats", ["JJ", "VBD", "CD", "NNS"], ["NNP", "VBD", "CD", "NNS"]),
    # negatives: an adjective of the subject, a modal after it, a lower-case word
    ("Russian troops left Kherson", ["JJ", "NNS", "VBD", "NNP"], ["JJ", "NNS", "VBD", "NNP"]),
    ("Ukrainian could sign", ["JJ", "MD", "VB"], ["JJ", "MD", "VB"]),
    ("ukraine accuses Russia", ["JJ", "VBZ", "NNP"], ["JJ", "VBZ", "NNP"]),
    # tag.opening_participle: a participle before the noun phrase a finite verb follows
    ("Imprisoned opposition leader Navalny has started a strike",
     ["VBN", "NN", "NN", "NNP", "VBZ", "VBN", "DT", "NN"], ["JJ", "NN", "NN", "NNP", "VBZ", "VBN", "DT", "NN"]),
    ("Wounded soldiers were evacuated", ["VBN", "NNS", "VBD", "VBN"], ["JJ", "NNS", "VBD", "VBN"]),
    # negatives: an agent phrase, a comma, a determiner, no finite verb after the phrase
    ("Imprisoned by the regime , he", ["VBN", "IN", "DT", "NN", ",", "PRP"], ["VBN", "IN", "DT", "NN", ",", "PRP"]),
    ("Killed were five soldiers", ["VBN", "VBD", "CD", "NNS"], ["VBN", "VBD", "CD", "NNS"]),
    ("Detained protesters , who were", ["VBN", "NNS", ",", "WP", "VBD"], ["VBN", "NNS", ",", "WP", "VBD"]),
])
def test_repair_opening_subject(tokens, tags, expected):
    assert clauses.repair_opening_subject(tokens.split(), tags) == expected


@pytest.mark.parametrize("text, chunk", [
    # np.determiner_opens: a determiner after a noun opens a new phrase
    ("In recent years the Taliban have carried out attacks .", "the Taliban"),
    ("On Monday the army shelled the town .", "the army"),
    # np.date_ends: a date before a name
    ("On 17 July 2017 Russia 's Supreme Court rejected an appeal .", "Russia 's Supreme Court"),
    ("In July 2014 Ukraine signed the agreement .", "Ukraine"),
    # negatives: one phrase stays one phrase
    ("The 2017 Nobel Peace Prize went to ICAN .", "The 2017 Nobel Peace Prize"),
    ("Russia 's Supreme Court rejected an appeal .", "Russia 's Supreme Court"),
    ("All the hostages were freed .", "All the hostages"),
])
def test_chunk_boundaries(text, chunk):
    assert chunk in chunk_texts(parse(text))


@pytest.mark.parametrize("text, verb, patient", [
    # object.after_time: a time phrase between the verb and its object
    ("Russia vetoed on Friday a draft resolution .", "vetoed", "resolution"),
    ("The Taliban rejected on Monday an offer of a ceasefire .", "rejected", "offer"),
    ("Russia vetoed today a UN draft resolution .", "vetoed", "resolution"),
    # negatives: no object after the time phrase, or a phrase of its own
    ("Russia attacked on Friday .", "attacked", None),
    ("Russian forces withdrew on Monday from the town .", "withdrew", None),
])
def test_object_after_time_phrase(text, verb, patient):
    s = parse(text)
    p = next(p for p in s.predicates if s.tokens[p.head] == verb)
    assert (s.tokens[p.patient.head] if p.patient is not None else None) == patient


@pytest.mark.parametrize("text, expected", [
    ("Ukraine accuses Russia of sending the tanks .", ("UKR", "accuse", "RUS")),
    ("On 17 July 2017 Russia 's Supreme Court rejected an appeal by the lawyers .", ("RUS", "reject", None)),
    ("In recent years the Taliban have carried out near - daily attacks .", ("TALIBAN", "attack", None)),
    ("Imprisoned Russian opposition leader Alexei Navalny has started a hunger strike to protest against "
     "the prison authorities .", ("RUS", "protest", None)),
    ("Russia vetoed on Friday a Japanese - drafted Security Council resolution .", ("RUS", "reject", "JPN")),
    # negative: a participle with its own agent stays a verb (Russia imprisons)
    ("Imprisoned by Russia , the activist appealed to the European Court .", ("RUS", "coerce", None)),
])
def test_main_event_of_opening_subjects(text, expected):
    got = main_row(text)
    assert got[:2] == expected[:2] and (expected[2] is None or got[2] == expected[2])


@pytest.mark.parametrize("text, chunk", [
    # np.partitive: a quantity word, "of" and the phrase after it are one noun phrase
    ("The office opened investigations against each of the top 25 providers .", "each of the top 25 providers"),
    ("Some of the doctors say it will pass .", "Some of the doctors"),
    ("Eritrea has expelled some of the U.N. peacekeepers .", "some of the U.N. peacekeepers"),
    # np.day_ends: a weekday after a common noun is its own phrase
    ("The army imposed a curfew Monday in the capital .", "a curfew"),
    ("Trudeau expressed optimism Wednesday that the timeline could be accelerated .", "optimism"),
    # negatives: "today" stays, a name before the weekday stays, a count is no partitive
    ("We told the governors today that capacity is not used .", "the governors today"),
    ("Thousands marched on Bloody Sunday .", "Bloody Sunday"),
    ("Rebels released three of the hostages .", "three"),
])
def test_partitive_and_day_chunks(text, chunk):
    assert chunk in chunk_texts(parse(text))


@pytest.mark.parametrize("text, target", [
    # a bare weekday between an act's name and its phrase ("a state of siege Sunday in X")
    ("The Guatemalan government declared a state of siege Sunday in the northern province of Alta Verapaz .",
     "the northern province"),
    ("The government declared a state of siege on Sunday in the northern province .", "the northern province"),
    # negative: the weekday is not the target
    ("The government declared a state of emergency Sunday .", "a state"),
])
def test_time_word_before_act_phrase(text, target):
    out = run(text)
    assert out[out["main"]].iloc[0]["target_text"] == target


@pytest.mark.parametrize("text, expected", [
    # clause.subject_aside: an aside on the subject is no postposed report's comma
    ("Iran , speaking on Monday , warned Israel against any attack .", ("IRN", "warn", "ISR")),
    ("Iran , which has denied the charges , accused Israel of sabotage .", ("IRN", "accuse", "ISR")),
    ("Pakistan , angered by the raid , accused India of aggression .", ("PAK", "accuse", "IND")),
    ("China , speaking at the United Nations , criticized Japan .", ("CHN", "criticize", "JPN")),
    # negatives: a real postposed report, and an aside followed by its own subject
    ("Russia attacked Ukraine , officials said .", ("RUS", "attack", "UKR")),
    ("Russia shelled Kharkiv on Monday , said Ukraine .", ("RUS", "attack", None)),
])
def test_subject_aside_is_no_report(text, expected):
    got = main_row(text)
    assert got[:2] == expected[:2] and (expected[2] is None or got[2] == expected[2])


@pytest.mark.parametrize("text, verb, kind", [
    ("Iran , speaking on Monday , warned Israel .", "warned", "main"),
    ("Iran , which has denied the charges , accused Israel .", "accused", "main"),
    # negatives: a postposed report stays one, with or without an aside before it
    ("Talks failed , officials said .", "said", "report"),
    ("Talks collapsed on Monday , speaking of which , officials said .", "said", "report"),
])
def test_subject_aside_clause_kinds(text, verb, kind):
    lem = {"said": "say", "warned": "warn", "speaking": "speak", "accused": "accuse"}
    s = clauses.parse(text.split(), lemma=[lem.get(t.lower(), t.lower()) for t in text.split()])
    p = next(p for p in s.predicates if s.tokens[p.head] == verb)
    assert s.clauses[p.clause].kind == kind


@pytest.mark.parametrize("text, verb, patient", [
    # patient.coordinated: "V1 and V2 OBJ" share the object
    ("Russia condemned and rejected the sanctions .", "condemned", "sanctions"),
    ("America is training and equipping the Syrian opposition .", "training", "opposition"),
    ("Iran defended and promoted the militia .", "defended", "militia"),
    # negatives: a phrase of its own before "and", a passive second verb
    ("Russian forces withdrew from Kherson and shelled the city .", "withdrew", None),
    ("Rebels attacked and were repelled by the army .", "attacked", None),
])
def test_coordinated_verbs_share_the_object(text, verb, patient):
    s = parse(text)
    p = next(p for p in s.predicates if s.tokens[p.head] == verb)
    assert (s.tokens[p.patient.head] if p.patient is not None else None) == patient


@pytest.mark.parametrize("text, expected", [
    # subject.coordinated_past_gerund: the finite verb before "of + gerund" is the one coordinated
    ("Turkey accused Greece of violating its airspace and warned Athens against further provocations .",
     ("TUR", "warn", "GRC")),
    ("Russia accused Ukraine of shelling the plant and threatened Kyiv with retaliation .", ("RUS", "threaten", "UKR")),
])
def test_subject_of_verb_coordinated_past_a_gerund(text, expected):
    out = run(text)
    row = out[out["act"] == expected[1]].iloc[0]
    assert (row["source_actor"], row["act"], row["target_actor"]) == expected


def test_progressive_is_no_gerund_object():
    # negative: "was looking ... and warned" keeps no subject from the progressive's clause
    text = 'Marr said the League was " looking for a pretext " and warned that Tarsk would retaliate .'
    s = clauses.parse(text.split(), lemma=[{"said": "say", "warned": "warn"}.get(t, t.lower()) for t in text.split()])
    p = next(p for p in s.predicates if s.tokens[p.head] == "warned")
    assert p.agent is None or s.tokens[p.agent.head] != "League"


@pytest.mark.parametrize("text, expected", [
    # tag.title_case: the verbs and prepositions of a title-case headline
    ("Ukraine Says Russia Shelled Kharkiv .", ["NNP", "VBZ", "NNP", "VBD", "NNP", "."]),
    ("Iran Warns Israel Against Attacking Nuclear Sites .", ["NNP", "VBZ", "NNP", "IN", "VBG", "NNP", "NNP", "."]),
    # negatives: a name read as a modal in lower case stays a name; ordinary case is left alone
    ("Theresa May Visits Brussels Amid Brexit Talks .", ["NNP", "NNP", "NNP", "NNP", "IN", "NNP", "NNP", "."]),
    ("Russia said Ukraine shelled Kharkiv .", ["NNP", "VBD", "NNP", "VBD", "NNP", "."]),
])
def test_title_case_headline_tags(text, expected):
    assert clauses.tag_many([text.split()])[0][0] == expected


def test_title_case_headline_event():
    out = run("Ukraine Says Russia Shelled Kharkiv .")
    assert ("RUS", "attack") in list(zip(out["source_actor"], out["act"]))


@pytest.mark.parametrize("tokens, tags, expected", [
    # tag.intransitive_after_relative: an "-ed" word read as a participle after a relative clause
    # on the subject, before a place phrase, with no finite verb later, is the main verb
    ("Peacekeepers who are part of the first group arrived in South Sudan .",
     ["NNS", "WP", "VBP", "NN", "IN", "DT", "JJ", "NN", "VBN", "IN", "NNP", "NNP", "."], 8),
    # negatives: a finite verb follows (the participle is a reduced relative), or no place phrase
    ("Rebels who attacked the convoy stationed in the north fled .",
     ["NNS", "WP", "VBD", "DT", "NN", "VBN", "IN", "DT", "NN", "VBD", "."], -1),
    ("Rebels who attacked the convoy stationed nearby .", ["NNS", "WP", "VBD", "DT", "NN", "VBN", "RB", "."], -1),
])
def test_intransitive_verb_after_relative(tokens, tags, expected):
    assert clauses._verb_after_subject_relative(tokens.split(), tags) == expected


def test_reporters_second_verb_after_comma_and():
    # round 10: ", and" after a report whose complement verb has an auxiliary is the reporter's verb
    s = clauses.parse("Latvia said Belarusian jets had entered its airspace , and summoned the envoy .".split(),
                      lemma="latvia say belarusian jet have enter its airspace , and summon the envoy .".split())
    p = [q for q in s.predicates if s.lower[q.head] == "summoned"][0]
    assert s.tokens[p.agent.start] == "Latvia"
    # without the comma the complement's subject is shared
    s = clauses.parse("Latvia said Belarusian jets had entered its airspace and dropped flares .".split(),
                      lemma="latvia say belarusian jet have enter its airspace and drop flare .".split())
    p = [q for q in s.predicates if s.lower[q.head] == "dropped"][0]
    assert s.tokens[p.agent.start] == "Belarusian"
