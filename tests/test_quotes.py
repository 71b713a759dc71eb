"""Tests for toolkit.quotes: table-driven sentences (fictional actors), negatives, offsets, seed."""
from __future__ import annotations

import importlib.util

import pandas as pd
import pytest

from toolkit import lexicon, resources
from toolkit.quotes import KINDS, QUOTE_COLUMNS, find_quote_spans, find_quotes
from toolkit.tokenize import tokenize_documents

from conftest import need_shared

SPEECH = ("direct", "indirect", "mixed", "according_to")
PARTS = ("speaker", "cue", "content", "channel")


def run(text: str, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    sents, toks = tokenize_documents(["d"], [text])
    quotes, _ = find_quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}), sents, toks, mentions)
    check_offsets(quotes, {"d": text})
    return quotes


def check_offsets(quotes: pd.DataFrame, texts: dict[str, str]) -> None:
    """Every span column slices back to its text; null parts have null offsets."""
    for r in quotes.to_dict("records"):
        t = texts[r["doc_id"]]
        assert t[r["start"]:r["end"]] == r["text"]
        for p in PARTS:
            a, b = r[f"{p}_start"], r[f"{p}_end"]
            if r[p] is None:
                assert pd.isna(a) and pd.isna(b), (p, r)
            else:
                assert t[int(a):int(b)] == r[p], (p, r)
                assert r["start"] <= a and b <= r["end"]


def rows(quotes: pd.DataFrame) -> list[tuple]:
    return [(r.kind, r.speaker, r.cue, r.content) for r in quotes.itertuples()]


@pytest.mark.parametrize("text, expected", [
    # direct, speaker after / before / inverted, curly, straight and single quotes
    ("“We will respond,” the minister said.",
     ("direct", "the minister", "said", "“We will respond,”")),
    ("The spokesman said: “There is no deal on the table.”",
     ("direct", "The spokesman", "said:", "“There is no deal on the table.”")),
    ("“We are ready for talks,” said Foreign Minister Ana Lopes.",
     ("direct", "Foreign Minister Ana Lopes", "said", "“We are ready for talks,”")),
    ('"It is over for now," she told reporters.',
     ("direct", "she", "told", '"It is over for now,"')),
    ("‘We stand firm on this,’ the ambassador insisted.",
     ("direct", "the ambassador", "insisted", "‘We stand firm on this,’")),
    ("''We will not sign,'' the envoy said.",
     ("direct", "the envoy", "said", "''We will not sign,''")),
    # indirect speech, with and without "that", content before the speaker
    ("The foreign ministry warned that any strike would be met with force.",
     ("indirect", "The foreign ministry", "warned", "that any strike would be met with force")),
    ("Officials said the talks had collapsed.",
     ("indirect", "Officials", "said", "the talks had collapsed")),
    ("The talks had collapsed, a senior diplomat said on Tuesday.",
     ("indirect", "a senior diplomat", "said", "The talks had collapsed")),
    ("The president told parliament that the reforms would continue.",
     ("indirect", "The president", "told", "that the reforms would continue")),
    ("It was announced by the ministry that the border would reopen.",
     ("indirect", "the ministry", "was announced", "that the border would reopen")),
    ("Ruritania accused Freedonia of violating the ceasefire.",
     ("indirect", "Ruritania", "accused", "Freedonia of violating the ceasefire")),
    ("The minister rejected the plan, arguing that it ignored the facts.",
     ("indirect", "The minister", "arguing", "that it ignored the facts")),
    ("Ana Lopes, the foreign minister, said the talks had failed.",
     ("indirect", "Ana Lopes, the foreign minister", "said", "the talks had failed")),
    ("Freedonia has repeatedly urged its neighbours to lift the blockade.",
     ("indirect", "Freedonia", "has repeatedly urged", "its neighbours to lift the blockade")),
    # speakers with appositives, parentheses, dashes; coordinated verbs; addressees
    ("“We are not there yet,” Mr. Ortiz, a senior adviser to the president, told reporters.",
     ("direct", "Mr. Ortiz, a senior adviser to the president", "told", "“We are not there yet,”")),
    ("“The vote is rigged,” Sen. Ana Cruz (D-Ore.) said.",
     ("direct", "Sen. Ana Cruz (D-Ore.)", "said", "“The vote is rigged,”")),
    ("“There is always resistance,” said Mr. Hale, who chairs the committee.",
     ("direct", "Mr. Hale, who chairs the committee", "said", "“There is always resistance,”")),
    ("Kall -- co-editor of a book on the debates -- said the candidate would win.",
     ("indirect", "Kall -- co-editor of a book on the debates", "said", "the candidate would win")),
    ("The governor toured the flooded district and said the army would help.",
     ("indirect", "The governor", "said", "the army would help")),
    ("Lopes told The Daily Record she was not worried.",
     ("indirect", "Lopes", "told", "she was not worried")),
    ("Officials have also said that the border will stay closed.",
     ("indirect", "Officials", "have also said", "that the border will stay closed")),
    # topic verbs: the object is the content (PolNeAR); a setting before the subject is not
    ("At a press conference in Geneva, the envoys discussed their plans.",
     ("indirect", "the envoys", "discussed", "their plans")),
    ("The senator questioned the minister’s account of the talks.",
     ("indirect", "The senator", "questioned", "the minister’s account of the talks")),
    ("She has pointed to reports that the convoy was stopped.",
     ("indirect", "She", "has pointed to", "reports that the convoy was stopped")),
    # negated and "now" verb groups are still attributions
    ("The minister didn’t say whether the border would reopen.",
     ("indirect", "The minister", "didn’t say", "whether the border would reopen")),
    ("Freedonia now says the ceasefire is holding.",
     ("indirect", "Freedonia", "now says", "the ceasefire is holding")),
    # a governed preposition belongs to the cue of an evaluative or directive verb, not of "said"
    ("The ministry warned of grave consequences for the region.",
     ("indirect", "The ministry", "warned of", "grave consequences for the region")),
    ("The envoy cautioned against any escalation.",
     ("indirect", "The envoy", "cautioned against", "any escalation")),
    # a cue inside the appositive's relative clause describes the source
    ("Gov. Ana Cruz, a Republican who has refused to endorse the deal, said the talks had failed.",
     ("indirect", "Gov. Ana Cruz, a Republican who has refused to endorse the deal", "said",
      "the talks had failed")),
    # hyphenated nouns and percentages head a subject
    ("The Republican front-runner said the polls were wrong.",
     ("indirect", "The Republican front-runner", "said", "the polls were wrong")),
    ("Among voters, 42% say the economy is the top issue.",
     ("indirect", "42%", "say", "the economy is the top issue")),
    # coordinated source nouns
    ("Many experts and some lawmakers say the program had successes.",
     ("indirect", "Many experts and some lawmakers", "say", "the program had successes")),
    ("The candidate encouraged his supporters to watch the polling stations.",
     ("indirect", "The candidate", "encouraged", "his supporters to watch the polling stations")),
    # a wh-clause is the content of a verb other than "say"
    ("The general explained why he backs the treaty.",
     ("indirect", "The general", "explained", "why he backs the treaty")),
    # a condition before the main clause is part of the content said
    ("If the talks fail, the army will respond, the minister said.",
     ("indirect", "the minister", "said", "If the talks fail, the army will respond")),
    # an infinitive cue: the subject of its governing verb group, which the cue spans
    ("The minister went on to say that the border would reopen.",
     ("indirect", "The minister", "went on to say", "that the border would reopen")),
    ("Advisers to the president are quick to point out that the talks resumed.",
     ("indirect", "Advisers to the president", "are quick to point out", "that the talks resumed")),
    # mixed quotes: reported clause with a quoted fragment
    ("The ministry warned it would respond “decisively” to any provocation.",
     ("mixed", "The ministry", "warned", "it would respond “decisively” to any provocation")),
    # according to
    ("According to the agency, the convoy was stopped at the border.",
     ("according_to", "the agency", "According to", "the convoy was stopped at the border")),
    ("The convoy was stopped at the border, according to local officials.",
     ("according_to", "local officials", "according to", "The convoy was stopped at the border")),
    # headline / transcript colon
    ("Lopes: Talks With Freedonia Have Failed", ("indirect", "Lopes", ":", "Talks With Freedonia Have Failed")),
    ("HOST: Thank you.\n\nLOPES: Well, look, it is serious. We will not sign.\n\nHOST: Why not?",
     ("indirect", "LOPES", ":", "Well, look, it is serious. We will not sign.")),
    # speech and stance verbs whose object is what was said (reporting_verbs 1.4.0)
    ("Lopes spoke of the legacy of the war.", ("indirect", "Lopes", "spoke of", "the legacy of the war")),
    ("Mr. Ortiz likened the treaty to a trap.", ("indirect", "Mr. Ortiz", "likened", "the treaty to a trap")),
    ("The envoy compared the blockade to a siege.",
     ("indirect", "The envoy", "compared", "the blockade to a siege")),
    ("The minister invoked the border dispute - a charge that stung.",
     ("indirect", "The minister", "invoked", "the border dispute")),
    ("The nominee also outlined his security plan.", ("indirect", "The nominee", "also outlined", "his security plan")),
    ("Lopes laid out her proposals for the talks.", ("indirect", "Lopes", "laid out", "her proposals for the talks")),
    ("The ministry has also commented on the shelling.",
     ("indirect", "The ministry", "has also commented on", "the shelling")),
    # guards against nouns and other senses keep the real verb uses
    ("In one tweet on Friday, Lopes said the vote was rigged.",
     ("indirect", "Lopes", "said", "the vote was rigged")),
    ("The two said the talks had failed.", ("indirect", "The two", "said", "the talks had failed")),
    ("She declined to comment on the talks.", ("indirect", "She", "declined", "to comment on the talks")),
    ("A spokesman called Ortiz a liar.", ("indirect", "A spokesman", "called", "Ortiz a liar")),
    ("Two officials: the talks failed.", ("indirect", "Two officials", ":", "the talks failed")),
    ("During the summit, Lopes spoke to reporters, arguing that the plan had failed.",
     ("indirect", "Lopes", "arguing", "that the plan had failed")),
    ("As one analyst put it, the talks are dead.", ("indirect", "one analyst", "put it", "the talks are dead")),
    ("As Lopes pointed out, the talks are over.", ("indirect", "Lopes", "pointed out", "the talks are over")),
    ("As the agency reported, two convoys were stopped.",
     ("indirect", "the agency", "reported", "two convoys were stopped")),
    # a quantified relative pronoun is the speaker
    ("The ruling angered the families, many of whom say the claims are unfounded.",
     ("indirect", "many of whom", "say", "the claims are unfounded")),
    ("The letter names 95 generals, most of whom had already backed the plan.",
     ("indirect", "most of whom", "had already backed", "the plan")),
    # a relative clause set off by commas: its antecedent is not content, and its clause ends
    # where the relative does
    ("The rebels, who refused to disarm, attacked the town.", ("indirect", "who", "refused", "to disarm")),
    ("The bill, which lawmakers say is flawed, passed on Friday.",
     ("indirect", "lawmakers", "say", "is flawed")),
    ("Kasich, who said he would not vote for Trump, campaigned in Ohio.",
     ("indirect", "who", "said", "he would not vote for Trump")),
    ("Lopes, who spoke of her talks with the envoy, Ana Ruiz, left early.",
     ("indirect", "who", "spoke of", "her talks with the envoy, Ana Ruiz")),
    # a one-word object before a coordinated cue: each verb its own content
    ("Weller urged restraint and said the alliance sought to avoid a confrontation.",
     ("indirect", "Weller", "urged", "restraint")),
    ("The minister denied it and said the report was false.", ("indirect", "The minister", "denied", "it")),
    # an aspect verb before the gerund belongs to the cue, not to the speaker
    ("I keep saying we have enough tests.", ("indirect", "I", "keep saying", "we have enough tests")),
    ("He showed that the plan works.", ("indirect", "He", "showed", "that the plan works")),
    ("Lopes was quoted as saying the talks were over.", ("indirect", "Lopes", "quoted", "the talks were over")),
    # a fronted participle: the subject after its clause speaks, the clause is the content
    ("Claiming the criticism is designed to pressure moderators, Trump told Fox he would attend.",
     ("indirect", "Trump", "Claiming", "the criticism is designed to pressure moderators")),
    ("Warning of consequences, the Kremlin said it would respond.",
     ("indirect", "the Kremlin", "Warning of", "consequences")),
    ("Saying he was tired, the minister left the summit early.",
     ("indirect", "the minister", "Saying", "he was tired")),
    # a judgment verb with its reason after "for" is criticism
    ("The senator faulted the agency for its slow response.",
     ("indirect", "The senator", "faulted", "the agency for its slow response")),
    ("The director chastised Clinton for use of the server.",
     ("indirect", "The director", "chastised", "Clinton for use of the server")),
    ("Warren scolded the bank's chief on Tuesday for his role in the scandal.",
     ("indirect", "Warren", "scolded", "the bank's chief on Tuesday for his role in the scandal")),
    # a light verb with a noun of stance: the noun (and its preposition) is part of the cue
    ("Republicans have expressed concern that the policy could lead to fraud.",
     ("indirect", "Republicans", "have expressed concern", "that the policy could lead to fraud")),
    ("Advocates have expressed deep concern about the policy.",
     ("indirect", "Advocates", "have expressed deep concern about", "the policy")),
    ("China expressed the hope that the talks would succeed.",
     ("indirect", "China", "expressed the hope", "that the talks would succeed")),
    # an adjective of feeling or certainty with a "that" clause
    ("Many Democrats are afraid that her edge is shrinking.",
     ("indirect", "Many Democrats", "are afraid", "that her edge is shrinking")),
    ("Republicans were also incensed that the deals did not require cooperation.",
     ("indirect", "Republicans", "were also incensed", "that the deals did not require cooperation")),
    ("The minister felt confident that the deal would hold.",
     ("indirect", "The minister", "felt confident", "that the deal would hold")),
    # a noun of saying with its possessor and a "that" clause
    ("Contrary to his claim that people would learn nothing, the audit was public.",
     ("indirect", "his", "claim", "that people would learn nothing")),
    ("The video contradicted the police's earlier claim that he had refused to stop.",
     ("indirect", "the police's", "earlier claim", "that he had refused to stop")),
    # evidence: a recording, records, averages, and "X of Y" evidence phrases
    ("Video of the incident shows him with his hands in the air, but Shelby said he refused.",
     ("indirect", "Video of the incident", "shows", "him with his hands in the air")),
    ("Polling averages show Clinton with a narrow lead.",
     ("indirect", "Polling averages", "show", "Clinton with a narrow lead")),
    ("The footage shows officers approaching the car.",
     ("indirect", "The footage", "shows", "officers approaching the car")),
    # a participial aside between the cue and its "that" clause
    ("The ministry said in a statement, citing officials, that the talks had failed.",
     ("indirect", "The ministry", "said in a statement", "that the talks had failed")),
    ("The minister said, citing intelligence reports, that the troops had withdrawn.",
     ("indirect", "The minister", "citing", "intelligence reports")),
    # a document's participle reports what its author says
    ("The group issued a statement saying that the deal was dead.",
     ("indirect", "The group", "saying", "that the deal was dead")),
    ("He sent a letter saying the bill was a bad idea.", ("indirect", "He", "saying", "the bill was a bad idea")),
    # ", but NAME said": a second attribution ends the first one's clause
    ("The minister said the talks had failed, but Lopes said they would resume.",
     ("indirect", "The minister", "said", "the talks had failed")),
    ("Lopes has vowed to cut taxes and roll back regulations, and Ruiz is promising to help miners.",
     ("indirect", "Lopes", "has vowed", "to cut taxes and roll back regulations")),
    ("CNN reported that Senators Ana Lopes, Tomas Rell, and Mira Halden wrote a letter.",
     ("indirect", "CNN", "reported", "that Senators Ana Lopes, Tomas Rell, and Mira Halden wrote a letter")),
    # the same verbs with their speech sense
    ("Clinton called her vote in favor of the war a mistake.",
     ("indirect", "Clinton", "called", "her vote in favor of the war a mistake")),
    ("The panel concluded that the agreement was flawed.",
     ("indirect", "The panel", "concluded", "that the agreement was flawed")),
    ("The group claimed responsibility for the attack.",
     ("indirect", "The group", "claimed", "responsibility for the attack")),
    # a fronted time is neither the participle's speaker nor content
    ("A few days ago, the envoy wrote to the council, saying that talks had failed.",
     ("indirect", "the envoy", "saying", "that talks had failed")),
    ("Clinton visited the state two weeks ago, aides said.",
     ("indirect", "aides", "said", "Clinton visited the state two weeks ago")),
    ("The poll shows Clinton ahead.", ("indirect", "The poll", "shows", "Clinton ahead")),
    ("The minister kept insisting that the talks would resume.",
     ("indirect", "The minister", "kept insisting", "that the talks would resume")),
])
def test_attributions(text, expected):
    assert expected in rows(run(text))


@pytest.mark.parametrize("text", [
    "The claim that was rejected came from Moscow.",          # a relative clause, no possessor
    "The summit's success and hope that talks resume matter.",  # "and" ends the noun's modifiers
])
def test_no_nominal_attribution(text):
    assert all(r != "indirect_nominal" for r in run(text)["rule"]), rows(run(text))


def test_time_before_a_participle_is_no_content():
    got = rows(run("A few days ago, the envoy wrote to the council, saying that talks had failed."))
    assert all(content != "A few days ago" for _, _, _, content in got), got


def test_participle_without_a_subject_keeps_its_cue_alone():
    got = rows(run("Obviously, agreeing to shoulder the burden, they left."))
    assert all(speaker != "Obviously" for _, speaker, _, _ in got), got


@pytest.mark.parametrize("text, channel, speaker, cue", [
    ("“We will see,” the agency quoted the minister as saying.", "the agency", "the minister", "quoted"),
    ("Reuters quoted Minister Ana Lopes as saying the talks were over.", "Reuters", "Minister Ana Lopes", "quoted"),
    # the passive: the speaker is the subject, the channel the by-phrase
    ("Peskov was quoted by Interfax as saying that Moscow would respond.", "Interfax", "Peskov", "quoted"),
    ("Lopes was quoted as saying the talks were over.", None, "Lopes", "quoted"),
])
def test_channel(text, channel, speaker, cue):
    q = run(text)
    r = q[q["kind"] != "scare"].iloc[0]
    assert (r["channel"], r["speaker"], r["cue"]) == (channel, speaker, cue)


def test_speaker_inside_quote_gives_two_rows():
    q = run("“We will not retreat,” General Ivanov said, “and we will not negotiate.”")
    direct = q[q["kind"] == "direct"]
    assert direct["content"].tolist() == ["“We will not retreat,”", "“and we will not negotiate.”"]
    assert set(direct["speaker"]) == {"General Ivanov"}


def test_quote_across_paragraphs():
    text = "Mr Tan said:\n\n“The first paragraph of the statement.\n\n“The second paragraph ends here.”"
    q = run(text)
    assert rows(q) == [("direct", "Mr Tan", "said:", text[text.index("“"):])]
    assert q["problem"].isna().all()


def test_unbalanced_quote_is_recorded_not_raised():
    text = "The minister said: “We will never accept this.\n\nThe talks continue tomorrow."
    sents, toks = tokenize_documents(["d"], [text])
    q, problems = find_quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}), sents, toks)
    off = text.index("“")
    assert q.iloc[0]["content"] == "“We will never accept this."
    assert q.iloc[0]["problem"] == f"unbalanced quote mark at offset {off}"
    assert problems["problem"].tolist() == [f"unbalanced quote mark at offset {off}"]


@pytest.mark.parametrize("text", [
    "She is reading the book “The Long Road Home” this week.",        # a title
    "He appeared on “Morning Edition” on Monday.",                     # a programme name
    "Kyiv’s allies don’t share the diplomats’ findings, and O'Brien isn't sure.",  # apostrophes
    "The warning followed comments from the president.",                # noun, not a cue
    "Questions about the envoys’ plans remained unanswered.",          # noun, not a topic verb
    "It is hard to say whether the talks will resume.",                 # no speaker
    "The senators had the right to say no.",                           # a noun governs "to say"
    "The ‘90s were a different era for the alliance.",                 # elided year
    "Each State must act according to its national circumstances.",    # in accordance with
    "We must maintain peace and security in the region.",              # maintain, no clause
    "If it is to remain credible, the Council must respond.",          # a condition, not content
    "The Latest: Freedonia closes its border to trucks.",              # a headline label
    "Revealed: The Secret Plan Behind the Summit.",                    # a headline label
    "She works at a conservative think tank in the capital.",          # "think tank"
    "And believe me, the talks are far from over.",                    # a formula
    "Exports rose 5 percent compared with last year.",                 # a comparison, not a view
    "That is nothing compared to the cost of the war.",                # "compared to" as a preposition
    "Speaking of the war, the delegates left early.",                  # a formula
    "The outline of the deal is clear.",                               # a noun
    "The map gives a geographic reference for the border.",            # a noun
    "The agenda I will lay out this evening is not partisan.",         # a relative clause
    "The low demand for thermal coal hurt the miners.",                # a noun before "for"
    "The minister called into a radio show on Monday.",                # a phone call
    "He called in to a morning program from the capital.",             # a phone call
    "She runs a stream called Border Run.",                           # a name
    "Support for the treaty has declined slightly from 58 percent.",   # a number falling
    "Another challenge: the budget is short.",                         # a section heading
    "Two questions: why would the envoy leave now?",                   # a section heading
    "The minister put it on the table.",                               # no "as": not wording
    "As you know, the talks are over.",                                # a formula, not a belief reported
    "He showed great flexibility in the talks.",                       # a person displays a quality
    "Our numerous warnings went unheeded.",                            # a plural in -ings is a noun
    "Parties must work to resolve disputes peacefully.",               # "-s" after "to" + verb: a noun
    "Visitors are welcome to tour the site.",                          # "be welcome": an adjective
    "Russian forces attacked the town for the third day.",            # force, not criticism
    "The bank faulted on its loan for the second time.",              # no reason after "for"
    "The government raised taxes on fuel.",                            # no noun of stance
    "It is clear that the talks failed.",                              # no one feels it
    "A concerned official left the room.",                             # an attributive adjective
    "Adding new members will paralyse the council, enlarge its deficit.",  # a gerund subject
    "The League called an emergency meeting of its council.",         # convened, not labelled
    "The prime minister called snap elections for June.",              # convened, not labelled
    "It has concluded more than 27,000 bilateral treaties.",           # finalised, not inferred
    "The shelling claimed the lives of hundreds of civilians.",        # an idiom of killing
    "They have shown courage and leadership.",                         # a person displays a quality
])
def test_no_quotes(text):
    q = run(text)
    assert q.empty, rows(q)


@pytest.mark.parametrize("text, content", [
    ("The so-called “peace plan” was rejected by the assembly.", "“peace plan”"),
    ("The ‘special operation’ continued for a third week.", "‘special operation’"),
])
def test_scare_quotes(text, content):
    assert rows(run(text)) == [("scare", None, None, content)]


def test_fragment_in_reported_speech_is_mixed_and_scare():
    q = run("The ministry warned it would respond “decisively” to any provocation.")
    mixed = q[q["kind"] == "mixed"].iloc[0]
    scare = q[q["kind"] == "scare"].iloc[0]
    assert scare["content"] == "“decisively”"
    assert scare["in_quote"] == mixed["quote_id"]


def test_scare_quote_nested_in_direct_quote():
    q = run("“The so-called ‘buffer zone’ is a fiction,” the envoy said.")
    assert rows(q) == [("direct", "the envoy", "said", "“The so-called ‘buffer zone’ is a fiction,”"),
                       ("scare", None, None, "‘buffer zone’")]
    assert q.iloc[1]["in_quote"] == q.iloc[0]["quote_id"]


def test_unattributed_quote_has_no_speaker():
    q = run("“We will never give up on our people.” The crowd cheered loudly.")
    assert rows(q) == [("direct", None, None, "“We will never give up on our people.”")]


def test_cue_class_comes_from_the_lexicon():
    q = run("Freedonia accused Ruritania of lying. Ruritania denied that it had troops there.")
    assert q["cue_class"].tolist() == ["accusatory", "denial"]
    assert (q["source"] == lexicon.load("reporting_verbs").tag).all()


def _mentions(text: str, items: list[tuple[str, str, str | None, str]]) -> pd.DataFrame:
    recs = []
    for surface, actor, person, sector in items:
        a = text.index(surface)
        recs.append({"doc_id": "d", "sent_id": 0, "start": a, "end": a + len(surface), "text": surface,
                     "actor": actor, "actor_type": "state", "sector": sector, "person": person,
                     "metonym": False})
    return pd.DataFrame(recs)


@pytest.mark.parametrize("second, speaker", [
    ("He said the talks were over.", "He"),
    ("The spokesman said the talks were over.", "The spokesman"),
])
def test_pronoun_and_role_speakers_resolve_to_the_last_person(second, speaker):
    text = "Dmitri Orlov spoke for Ruritania on Monday. " + second
    m = _mentions(text, [("Dmitri Orlov", "RUR", "Dmitri Orlov", "GOV"), ("Ruritania", "RUR", None, None)])
    r = run(text, m).iloc[0]
    assert (r["speaker"], r["speaker_person"], r["speaker_actor"], r["speaker_sector"]) == \
        (speaker, "Dmitri Orlov", "RUR", "GOV")


def test_metonym_speaker_takes_the_mention_actor():
    text = "The Kremlin warned that it would respond."
    m = _mentions(text, [("The Kremlin", "RUS", None, "GOV")])
    r = run(text, m).iloc[0]
    assert (r["speaker"], r["speaker_actor"], r["speaker_resolution"]) == ("The Kremlin", "RUS", "mention")


def test_columns_and_types():
    q = run("“We will respond,” the minister said. Critics called it a “stunt”.")
    assert list(q.columns) == QUOTE_COLUMNS
    assert set(q["kind"]) <= set(KINDS)
    for c in ("speaker_start", "cue_start", "content_start", "channel_start", "in_quote"):
        assert str(q[c].dtype) == "Int64"


def test_empty_input():
    q = run("")
    assert q.empty and list(q.columns) == QUOTE_COLUMNS


def test_quote_spans_nest_and_skip_apostrophes():
    text = "Kyiv’s envoy said: “They call it ‘peace’, we don’t.” Done."
    spans, problems = find_quote_spans(text)
    assert [(text[q.start:q.end], q.depth) for q in spans] == [
        ("“They call it ‘peace’, we don’t.”", 0), ("‘peace’", 1)]
    assert problems == []


try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover
    given = None

if given is not None:
    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.sampled_from(list("ab .,:\n\"'“”‘’«»") + ["said ", "He ", "that "]),
                    max_size=60).map("".join))
    def test_any_text_never_crashes_and_offsets_hold(text):
        run(text)


def test_lexicon_is_clean():
    lex = lexicon.load("reporting_verbs")
    assert lexicon.validate(lex) == []
    assert set(lex.entries["category"]) == set(lex.categories)
    assert len(lex.meta["sources"]) >= 3
    for cls in ("neutral", "emphatic", "accusatory", "warning", "directive", "hedged", "reassuring"):
        assert cls in lex.categories


# ----------------------------------------------------------------------------- seed article

@pytest.fixture(scope="module")
def seed_quotes():
    text = need_shared("seed", "article.txt").read_text(encoding="utf-8")
    if importlib.util.find_spec("toolkit.actors") is not None:
        import toolkit
        from toolkit import datasets

        a = toolkit.analyze(datasets.seed(), workers=1)
        q, texts = a["quotes"], a.texts()
    else:
        q, texts = run(text), {"d": text}
    check_offsets(q, texts)
    return q, next(iter(texts.values()))


def _one(q: pd.DataFrame, **where) -> pd.Series:
    m = pd.Series(True, index=q.index)
    for col, val in where.items():
        m &= q[col].fillna("").astype(str).str.contains(val, regex=False)
    hits = q[m]
    assert len(hits) == 1, (where, rows(q))
    return hits.iloc[0]


def _has_actors() -> bool:
    return importlib.util.find_spec("toolkit.actors") is not None


def test_seed_interfax_quote(seed_quotes):
    q, _ = seed_quotes
    r = _one(q, channel="Interfax")
    assert (r["kind"], r["speaker"], r["cue"]) == ("direct", "Peskov", "quoted")
    assert r["content"].startswith("“There’s no need")
    if _has_actors():
        assert r["speaker_actor"] == "RUS"


def test_seed_peskov_added_quote_before(seed_quotes):
    q, _ = seed_quotes
    r = _one(q, cue="added")
    assert (r["kind"], r["speaker"]) == ("direct", "Peskov")
    assert r["content"].startswith("“All these decisions") and r["content_end"] < r["cue_start"]


def test_seed_peskov_accuses_washington(seed_quotes):
    q, _ = seed_quotes
    acc = _one(q, cue="accused")
    assert (acc["kind"], acc["speaker"], acc["cue_class"]) == ("indirect", "Peskov", "accusatory")
    assert acc["content"].startswith("Washington and its allies")
    arg = _one(q, cue="arguing", speaker="Peskov")
    assert arg["kind"] in ("indirect", "mixed") and arg["content"].startswith("that each new move")


def test_seed_blinken_warning(seed_quotes):
    q, _ = seed_quotes
    r = _one(q, cue="warned")
    assert (r["speaker"], r["cue_class"], r["kind"]) == ("Blinken", "warning", "indirect")
    if _has_actors():
        assert r["speaker_actor"] == "USA"


def test_seed_scare_quotes(seed_quotes):
    q, _ = seed_quotes
    scare = q[q["kind"] == "scare"]["content"].str.strip("“”‘’").tolist()
    assert scare.count("special military operation") == 2
    assert "accordingly" in scare
    # "signaling it will respond “accordingly”": also a mixed quote of the Kremlin
    acc = _one(q, kind="mixed", content="“accordingly”")
    assert acc["speaker"] == "The Kremlin"


def test_seed_peskov_rows_resolve_to_russia(seed_quotes):
    if not _has_actors():
        pytest.skip("toolkit.actors not merged yet: speaker actors need the mentions table")
    q, _ = seed_quotes
    peskov = q[q["speaker"].fillna("").str.contains("Peskov")]
    assert len(peskov) >= 4
    assert set(peskov["speaker_actor"]) == {"RUS"}


# ----------------------------------------------------------------------------- PolNeAR

def test_polnear_evaluation_runs_on_a_few_texts():
    eval_dir = need_shared("eval-dev", "quotes", "polnear", "dev").parents[2]
    from toolkit.validation.quotes import evaluate

    results = evaluate(eval_dir, n_boot=0, limit=4)
    assert [r.measure for r in results] == [f"quotes.{p}.{m}" for p in ("source", "cue", "content")
                                            for m in ("exact", "overlap")] + \
        ["quotes.speaker.pronoun", "quotes.speaker.continued"]
    for r in results[:6]:
        mine = r.scores[(r.scores["system"] == "toolkit") & (r.scores["half"].fillna("all") == "all")].set_index("metric")
        assert 0.0 < mine.loc["f1", "value"] <= 1.0, r.measure
        assert {"tune", "check"} <= set(r.scores["half"])
    content = results[4].scores
    assert set(content["system"]) == {"toolkit", "quote-marks baseline"}
    for r in results[6:]:
        acc = r.scores.dropna(subset=["value"])["value"]
        assert acc.between(0, 1).all(), r.measure


def test_tune_and_check_halves_split_by_a_hash_of_the_name():
    from toolkit.validation.quotes import tune_half

    names = [f"outlet_2016-09-{d:02d}_story-{k}" for d in range(1, 31) for k in range(10)]
    tune = [n for n in names if tune_half(n)]
    assert 0.4 < len(tune) / len(names) < 0.6
    assert tune == [n for n in reversed(names) if tune_half(n)][::-1]  # order does not matter


def test_polnear_reader_keeps_one_annotator_and_fragments(tmp_path):
    from toolkit.validation.quotes import load_polnear

    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text("“Yes,” he said, “really.”", encoding="utf-8")
    for ann, cue in (("ef2d", "9 13"), ("4b22", "10 14")):
        (tmp_path / "attributions" / f"a_{ann}.ann").write_text(
            f"T1\tSource 7 9\the\nT2\tCue {cue}\tsaid\nT3\tContent 0 6;16 25\tx\n"
            "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n", encoding="utf-8")
    (doc,) = load_polnear(tmp_path)
    assert doc.annotator == "4b22"
    assert doc.gold["Content"] == {(0, 6), (16, 25)}


# ----------------------------------------------------------------------------- real text

def test_un_speeches_offsets_and_kinds(ungdc_slice):
    docs = ungdc_slice.documents
    sents, toks = tokenize_documents(docs["doc_id"].tolist(), docs["text"].tolist())
    q, problems = find_quotes(docs, sents, toks)
    texts = dict(zip(docs["doc_id"], docs["text"]))
    check_offsets(q, texts)
    assert set(q["kind"]) <= set(KINDS)
    assert len(q) > 0
    for r in problems.itertuples():
        assert texts[r.doc_id][r.start:r.end] == r.text


def test_first_person_in_a_speech_resolves_to_the_document_country():
    text = "We urge all parties to return to the negotiating table."
    sents, toks = tokenize_documents(["d"], [text])
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text], "country": ["RUR"]})
    q, _ = find_quotes(docs, sents, toks)
    r = q.iloc[0]
    assert (r["speaker"], r["speaker_actor"], r["speaker_resolution"], r["cue_class"]) == \
        ("We", "RUR", "document", "directive")


# Wishes, refusals and positions (reporting_verbs 1.1.0): PolNeAR attributes them like speech.
# Plans and decisions (reporting_verbs 1.2.0, class "intention"): attributed like wishes, only
# before "to"/"against" after a subject, so that a user can filter them out of speech.
@pytest.mark.parametrize("text, expected", [
    ("Hillary Clinton plans to call on young people to serve.",
     ("indirect", "Hillary Clinton", "plans", "to call on young people to serve", "intention")),
    ("The FBI decided against recommending charges.",
     ("indirect", "The FBI", "decided against", "recommending charges", "intention")),
    ("Mr. Pence intends to release his own returns soon.",
     ("indirect", "Mr. Pence", "intends", "to release his own returns soon", "intention")),
    # a "that" later in the infinitive is not where the content starts
    ("I intend to keep that promise one way or the other.",
     ("indirect", "I", "intend", "to keep that promise one way or the other", "intention")),
    ("We want to make sure that hardworking Americans have liquidity.",
     ("indirect", "We", "want", "to make sure that hardworking Americans have liquidity", "volitional")),
    # a source's silence: PolNeAR attributes it, with the negation and "to" in the cue
    ("The Trump campaign did not immediately respond to requests for comment.",
     ("indirect", "The Trump campaign", "did not immediately respond to", "requests for comment", "nonresponse")),
    ("The ministry has not responded to the letter.",
     ("indirect", "The ministry", "has not responded to", "the letter", "nonresponse")),
])
def test_intention_attributions(text, expected):
    q = run(text)
    got = [(r.kind, r.speaker, r.cue, r.content, r.cue_class) for r in q.itertuples()]
    assert expected in got, got


@pytest.mark.parametrize("text", [
    "Mrs. Clinton's plan would also cap deductions.",              # possessive + noun
    "The plan to cut taxes drew criticism.",                       # determiner + noun
    "Under the new plan, voters would pay less.",                  # noun after an adjective
    "The bridge was planned decades ago.",                         # no "to"/"against" after it
    "Voters decided the race in the suburbs.",                     # decide with an object
    "Planned Parenthood opened a clinic.",                         # a name
])
def test_intention_negatives(text):
    q = run(text)
    assert not (q["cue_class"] == "intention").any(), rows(q)


@pytest.mark.parametrize("text", [
    "The ministry responded to the letter on Monday.",             # a response, not a silence
    "Troops did not respond to the shelling.",                     # no cue: "respond" takes only "that"
])
def test_nonresponse_negatives(text):
    q = run(text)
    assert not (q["cue_class"] == "nonresponse").any(), rows(q)


# A study or poll "found" an object; a person's "found" with an object is no attribution.
@pytest.mark.parametrize("text, expected", [
    ("The study found 31 incidents of fraud.", ("The study", "found", "31 incidents of fraud")),
    ("A new survey shows Clinton ahead by 3 points.", ("A new survey", "shows", "Clinton ahead by 3 points")),
    ("He found the keys in the car.", None),
    ("Rescuers found two survivors.", None),
])
def test_evidence_with_an_object(text, expected):
    got = [(r.speaker, r.cue, r.content) for r in run(text).itertuples() if r.cue_class == "evidential"]
    assert got == ([expected] if expected else []), got


def test_a_plan_does_not_introduce_the_next_quotation():
    q = run("They decided to go home. “Let’s go back to California.”")
    quote = q[q["content"] == "“Let’s go back to California.”"]
    assert len(quote) == 1 and quote["speaker"].isna().all(), rows(q)


@pytest.mark.parametrize("text, expected", [
    ("The senator wants to raise the minimum wage.",
     ("indirect", "The senator", "wants", "to raise the minimum wage", "volitional")),
    ("Ruritania has sought to reassure its neighbours, officials said later.",
     ("indirect", "Ruritania", "has sought", "to reassure its neighbours", "volitional")),
    ("The ministry declined to comment on the report.",
     ("indirect", "The ministry", "declined", "to comment on the report", "volitional")),
    ("Mr. Ortiz refused to speculate about the talks.",
     ("indirect", "Mr. Ortiz", "refused", "to speculate about the talks", "volitional")),
    ("Most Ruritanian voters support a ban on the tax, while others oppose it.",
     ("indirect", "Most Ruritanian voters", "support", "a ban on the tax", "position")),
    ("The governor, who backed the bill, did not speak.",
     ("indirect", "who", "backed", "the bill", "position")),
    ("Freedonia opposes the resolution.",
     ("indirect", "Freedonia", "opposes", "the resolution", "position")),
    ("The minister defended the decision to close the border.",
     ("indirect", "The minister", "defended", "the decision to close the border", "emphatic")),
])
def test_wish_and_position_attributions(text, expected):
    q = run(text)
    got = [(r.kind, r.speaker, r.cue, r.content, r.cue_class) for r in q.itertuples()]
    assert expected in got, got


@pytest.mark.parametrize("text", [
    "The plan drew broad support among union members.",          # the noun
    "He won 40 percent support in the primary.",                  # the noun after a number
    "The party hopes to win support from younger voters.",        # noun after an unknown verb
    "The aid is meant to support farmers in the north.",          # infinitive, no subject
    "Their support for the deal was never in doubt.",             # determiner + noun
    "Separatists backed by the army shelled the town.",           # participle after a noun
    "She came back to the capital on Monday.",                    # "back" is never a cue
])
def test_wish_and_position_negatives(text):
    q = run(text)
    assert not (q["cue_class"].isin(["volitional", "position"])).any(), rows(q)


@pytest.mark.parametrize("text, expected", [
    # "(When) asked ..., X said": the question is attributed too, to its asker when named
    ("Asked whether talks would resume, the minister said nothing.",
     ("indirect", None, "Asked", "whether talks would resume")),
    ("When asked about the blockade, Mr. Ortiz smiled.",
     ("indirect", None, "asked about", "the blockade")),
    ("Asked by reporters why the border was closed, the envoy shrugged.",
     ("indirect", "reporters", "Asked", "why the border was closed")),
    # "said in a statement" is one cue (PolNeAR), other adjuncts stay outside it
    ("The ministry said in a statement that the border would reopen.",
     ("indirect", "The ministry", "said in a statement", "that the border would reopen")),
    ("The ministry said on Monday that the border would reopen.",
     ("indirect", "The ministry", "said", "that the border would reopen")),
    # coordinated and located sources
    ("Mr. Ortiz and his colleagues said the vote was rigged.",
     ("indirect", "Mr. Ortiz and his colleagues", "said", "the vote was rigged")),
    ("Officials in Freedonia said the vote was rigged.",
     ("indirect", "Officials in Freedonia", "said", "the vote was rigged")),
])
def test_questions_statements_and_longer_sources(text, expected):
    got = rows(run(text))
    assert expected in got, got


@pytest.mark.parametrize("text, bad", [
    ("Asked to leave, the protesters stayed.", "Asked"),                       # a request, no question
    ("He spoke and officials said the vote was fair.", "He spoke and officials"),  # verb before "and"
    ("The talks in Geneva ended, the minister said.", "The talks in Geneva"),   # not a speaker
])
def test_questions_and_sources_negatives(text, bad):
    q = run(text)
    assert bad not in set(q["cue"].dropna()) | set(q["speaker"].dropna()), rows(q)


@pytest.mark.parametrize("text, expected", [
    # "A, as X noted.": the clause before "as" is what X noted, and no other content takes it in
    ("The talks will resume next week, as Mr. Lopes noted.",
     ("indirect", "Mr. Lopes", "noted", "The talks will resume next week")),
    ("Ms. Cruz said the deal was fragile, as the minister noted on Monday.",
     ("indirect", "Ms. Cruz", "said", "the deal was fragile")),
    # a phrasal verb and its preposition, and a day between a verb and its preposition
    ("Ms. Cruz spoke out Tuesday about the death of a protester.",
     ("indirect", "Ms. Cruz", "spoke out Tuesday about", "the death of a protester")),
    ("The governor called Friday for releasing the videos.",
     ("indirect", "The governor", "called Friday for", "releasing the videos")),
    # a participle after the reported clause stays in it (PolNeAR annotators keep it as often
    # as not: cutting it cost content F1 on PolNeAR train)
    ("Mr. Lopes said the tax would hurt farmers, including those in the north.",
     ("indirect", "Mr. Lopes", "said", "the tax would hurt farmers, including those in the north")),
    # NYT quote marks: two apostrophes (split in two by the tokenizer) read as one mark
    ("Mr. Lopes told me, ''We will win the vote.''",
     ("mixed", "Mr. Lopes", "told", "''We will win the vote.''")),
    ("Mr. Lopes said that the plan ''will fail,'' adding that talks would resume.",
     ("mixed", "Mr. Lopes", "said", "that the plan ''will fail,''")),
    # an object ends before a clause of time ("since", "while", "when")
    ("Ms. Cruz has not mentioned the general since the debate.",
     ("indirect", "Ms. Cruz", "has not mentioned", "the general")),
    # verbs of disclosure take an object; "continues to" is aspect, not a cue
    ("The ministry announced the arrest of a man.",
     ("indirect", "The ministry", "announced", "the arrest of a man")),
    ("The nominee continues to insist that he will release his taxes.",
     ("indirect", "The nominee", "continues to insist", "that he will release his taxes")),
    # a single dash closes the clause with the writer's comment; a pair of dashes is an aside
    ("Ms. Cruz said taxes should be very low -- assuming that shareholders pay more.",
     ("indirect", "Ms. Cruz", "said", "taxes should be very low")),
    ("Ms. Cruz said the extreme -- and cynical -- relativism had spread.",
     ("indirect", "Ms. Cruz", "said", "the extreme -- and cynical -- relativism had spread")),
    # an adverb right after the verb is part of the cue; "respond to" keeps its preposition
    ("Companies complain bitterly that taxes are too high.",
     ("indirect", "Companies", "complain bitterly", "that taxes are too high")),
    ("“We are fine,” Lopes said sarcastically.",
     ("direct", "Lopes", "said sarcastically", "“We are fine,”")),
    # a semicolon inside a quotation does not end the reported clause
    ("Mr. Lopes told me, “We are a content provider; we sell to people who want it.”",
     ("mixed", "Mr. Lopes", "told", "“We are a content provider; we sell to people who want it.”")),
])
def test_clause_edges(text, expected):
    got = rows(run(text))
    assert expected in got, got


@pytest.mark.parametrize("text, expected", [
    # a quantity and its "of" phrase, an evidence noun and its "by" phrase, a list of names
    ("Only 52 percent of registered voters agreed that the debate mattered.",
     ("indirect", "Only 52 percent of registered voters", "agreed", "that the debate mattered")),
    ("One or more of its permanent members have backed the plan.",
     ("indirect", "One or more of its permanent members", "have backed", "the plan")),
    ("The United States, Britain and France support the resolution.",
     ("indirect", "The United States, Britain and France", "support", "the resolution")),
    ("In Paris, France and Germany said the talks failed.",
     ("indirect", "France and Germany", "said", "the talks failed")),
    ("The minister of defence said the talks failed.",
     ("indirect", "The minister of defence", "said", "the talks failed")),
    # a sentence adverb before the subject is not part of the source
    ("Perhaps the debate moderators will demand that the candidates answer.",
     ("indirect", "the debate moderators", "will demand", "that the candidates answer")),
    # a participle's speaker is the subject after a fronted phrase, not a word in it
    ("In 1986, the Supreme Court ruled against the company, citing a threat to health.",
     ("indirect", "the Supreme Court", "citing", "a threat to health")),
    # a party-and-state label's period is no sentence end
    ("“The veto will be overridden,” Senator Ana Lopes, R-Ky., said Tuesday.",
     ("direct", "Senator Ana Lopes, R-Ky.", "said", "“The veto will be overridden,”")),
])
def test_source_phrases(text, expected):
    got = rows(run(text))
    assert expected in got, got


@pytest.mark.parametrize("text, bad", [
    # Title Case headlines: a speech noun after the headline's verb or an adjective is its object
    ("Biden Faces Calls To Quit", "Calls"),
    ("Senator Dodges Questions About Taxes", "Questions"),
    ("Growing Demands For Inquiry", "Demands"),
])
def test_headline_speech_nouns_are_not_cues(text, bad):
    q = run(text)
    assert bad not in set(q["cue"].dropna()), rows(q)


@pytest.mark.parametrize("text, expected", [
    # Title Case section headings past the first sentence are no speakers; a title or a name is
    ("Aid keeps coming. Little Relief for Refugees: The camps are full and winter is coming.", None),
    ("Aid keeps coming. Veto Power Impedes Peace Efforts: The council is split on every vote.", None),
    ("Aid keeps coming. CLARIFICATION: An earlier version misstated the date.", None),
    ("Aid keeps coming. President Ana Lopes of Freedonia: The camps are full.",
     "President Ana Lopes of Freedonia"),
    ("Aid keeps coming. Ana Lopes: The camps are full and winter is coming.", "Ana Lopes"),
    ("Aid keeps coming. Herman and Joshua: We are here to stay.", "Herman and Joshua"),
])
def test_colon_headings_and_speakers(text, expected):
    speakers = [r.speaker for r in run(text).itertuples() if r.rule == "colon_line"]
    assert speakers == ([expected] if expected else []), speakers


def test_headline_verb_still_a_cue():
    assert ("indirect", "Bernie Sanders", "Calls For", "Ceasefire") in rows(run("Bernie Sanders Calls For Ceasefire"))


@pytest.mark.parametrize("text, expected", [
    ("“We are not done,” said Sen. Ana Cruz (D-Ore.), a member of the committee.",
     ("direct", "Sen. Ana Cruz (D-Ore.), a member of the committee", "said", "“We are not done,”")),
    ("“The numbers don't add up,” said Mr. Ortiz, who lives in Tavira.",
     ("direct", "Mr. Ortiz, who lives in Tavira", "said", "“The numbers don't add up,”")),
    # A relative clause with a cue of its own is an attribution of its own (PolNeAR's
    # univocal rule), not a part of the source: two rows.
    ("“The numbers don't add up,” said Mr. Ortiz, who supports the treaty.",
     ("direct", "Mr. Ortiz", "said", "“The numbers don't add up,”")),
    ("“The numbers don't add up,” said Mr. Ortiz, who supports the treaty.",
     ("indirect", "who", "supports", "the treaty")),
    # A phrase before the comma that continues the quotation is not part of the source.
    ("“I admire the mechanics” of the plan, Mr. Ortiz said.",
     ("direct", "Mr. Ortiz", "said", "“I admire the mechanics”")),
    ("The opposition charged that the vote was rigged.",
     ("indirect", "The opposition", "charged", "that the vote was rigged")),
    ("New polls show that the president is losing ground.",
     ("indirect", "New polls", "show", "that the president is losing ground")),
])
def test_appositives_and_evidence(text, expected):
    got = rows(run(text))
    assert expected in got, got


@pytest.mark.parametrize("text", [
    "The mayor was charged with fraud last year.",                  # a legal charge
    "She leads by 270 pledged delegates after the vote.",           # participle as adjective
    "He appeared on the radio show on Monday.",                     # "show" the noun
])
def test_evidence_and_charge_negatives(text):
    q = run(text)
    assert q.empty, rows(q)


@pytest.mark.parametrize("text, expected", [
    ("The ministry sees the summit as a second chance for talks.",
     ("indirect", "The ministry", "sees", "the summit as a second chance for talks")),
    ("The opposition calls the deal a betrayal.",
     ("indirect", "The opposition", "calls", "the deal a betrayal")),
    ("“We need calm,” Mr. Ortiz said, referring to the protests but not naming anyone.",
     ("indirect", "Mr. Ortiz", "referring to", "the protests")),
])
def test_views_labels_and_references(text, expected):
    got = rows(run(text))
    assert expected in got, got


@pytest.mark.parametrize("text", [
    "Reporters saw the convoy at the border.",                       # perception, no "as"
    "Calls for calm went unanswered.",                               # the plural noun
])
def test_views_and_labels_negatives(text):
    q = run(text)
    assert q.empty, rows(q)


@pytest.mark.parametrize("text, expected", [
    ("But as the envoy noted, the ceasefire has held for a week.",
     ("indirect", "the envoy", "noted", "the ceasefire has held for a week")),
    ("The court agreed to review the case next year.",
     ("indirect", "The court", "agreed", "to review the case next year")),
])
def test_as_x_noted_and_agreed_to(text, expected):
    got = rows(run(text))
    assert expected in got, got


def test_noted_with_a_comma_needs_as():
    # "X noted, ..." without a clause-initial "as" is not read as "As X noted, ...".
    q = run("The envoy noted, with some irony, the date of the meeting.")
    assert not (q["cue"] == "noted").any(), rows(q)


@pytest.mark.parametrize("text, expected", [
    ('An aide said of the minister, "She takes the threat very seriously."',
     ("direct", "An aide", "said", '"She takes the threat very seriously."')),
    ("The envoy rebuked critics who say the talks have failed.",
     ("indirect", "who", "say", "the talks have failed")),
    ("Mr. Ortiz, who said he voted early, said the lines were long.",
     ("indirect", "who", "said", "he voted early")),
])
def test_said_of_relative_sources_and_main_clause_ends(text, expected):
    got = rows(run(text))
    assert expected in got, got


def test_said_of_needs_a_short_phrase_before_the_comma():
    # A long clause between the cue and the quotation is not "said of X, “...”".
    q = run('The aide said of the minister, who left, and the rest, that "all is well."')
    assert not ((q["kind"] == "direct") & (q["cue"] == "said")).any(), rows(q)


def test_direct_quote_with_a_long_appositive_speaker():
    text = "“It is a clear breach,” Ana Lopes, the chief legal adviser of the Freedonian delegation to the talks, said."
    assert rows(run(text)) == [("direct", "Ana Lopes, the chief legal adviser of the Freedonian delegation to the talks",
                                "said", "“It is a clear breach,”")]


def test_parenthetical_cue_splits_the_content_in_two_rows():
    q = run("The new plan, the minister said, would cost billions over the next decade.")
    assert rows(q) == [("indirect", "the minister", "said", "The new plan"),
                       ("indirect", "the minister", "said", "would cost billions over the next decade")]


@pytest.mark.parametrize("text, expected", [
    # the comma-set cue is at the end: one row, content before it
    ("The talks had collapsed, a senior diplomat said on Tuesday.",
     [("indirect", "a senior diplomat", "said", "The talks had collapsed")]),
    # an appositive subject, not a parenthetical cue
    ("Ana Lopes, the foreign minister, said the talks had failed.",
     [("indirect", "Ana Lopes, the foreign minister", "said", "the talks had failed")]),
])
def test_parenthetical_negatives(text, expected):
    assert rows(run(text)) == expected


@pytest.mark.parametrize("text", [
    "Trust, mutual understanding, and dialogue are our aims.",        # -ing noun between commas
    "One of the measures agreed to is a ban on fishing.",            # "agreed to" + verb "is"
])
def test_parenthetical_and_agreed_to_negatives(text):
    q = run(text)
    assert q.empty, rows(q)


def test_one_long_sentence_costs_linear_work_and_memory():
    # A sentence with no full stop, dense with reporting verbs and quotations (issue 18): every
    # row's spans stay within the reach of its cue, rows say the sentence was read in part,
    # and memory stays small (before the bound, 40 KB took 47 MB and 24 s; 100 KB 816 MB).
    import tracemalloc

    from toolkit.quotes import LONG_SENTENCE_NOTE, SENTENCE_REACH

    unit = "the minister said that officials warned, “we will respond,” and he added that "
    text = unit * 250  # about 20 KB, one sentence of about 4,500 tokens
    sents, toks = tokenize_documents(["d"], [text])
    assert len(sents) == 1
    tracemalloc.start()
    quotes, _ = find_quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}), sents, toks)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    check_offsets(quotes, {"d": text})
    assert len(quotes) >= 400  # every cue still read
    assert (quotes["problem"] == LONG_SENTENCE_NOTE).all()
    widest = (quotes["end"] - quotes["start"]).max()
    assert widest <= 2 * SENTENCE_REACH * 8  # tokens of this text are under 8 characters
    assert peak < 40e6


def _media(text: str, outlet: str, actor: str = "OST") -> pd.DataFrame:
    a = text.index(outlet)
    return pd.DataFrame([{"doc_id": "d", "sent_id": 0, "start": a, "end": a + len(outlet), "text": outlet,
                          "actor": actor, "actor_type": "media", "kind": "media", "sector": "MED",
                          "person": None, "metonym": False, "location": False}])


@pytest.mark.parametrize("text, outlet, speaker", [
    ("Ana Lopes told Tarsk Press that the talks had stalled.", "Tarsk Press", "Ana Lopes"),
    ("In an interview with Tarsk Press, Ana Lopes said the talks had stalled.", "Tarsk Press", "Ana Lopes"),
    ("“We will not stop,” Ana Lopes said on Tarsk Press.", "Tarsk Press", "Ana Lopes"),
])
def test_media_outlets_are_channels(text, outlet, speaker):
    q = run(text, _media(text, outlet))
    r = q.iloc[0]
    assert (r["speaker"], r["channel"], r["channel_actor"]) == (speaker, outlet, "OST")
    assert r["rule"].endswith("+channel")


@pytest.mark.parametrize("text, speaker, channel, content", [
    # outlets and platforms the actor list does not know are channels all the same
    ("The minister told the Anadolu news agency that the talks would resume.", "The minister",
     "Anadolu news agency", "that the talks would resume"),
    ("Ana Lopes told the state news agency Tarsk Novosti that talks were frozen.", "Ana Lopes",
     "state news agency Tarsk Novosti", "that talks were frozen"),
    ("The governor told the daily Orsky Vestnik the plan had failed.", "The governor",
     "daily Orsky Vestnik", "the plan had failed"),
    ("Ana Lopes said on Telegram that Orsk would respond.", "Ana Lopes", "Telegram", "that Orsk would respond"),
    ("“We will not retreat,” Ana Lopes said in a post on X.", "Ana Lopes", "X", "“We will not retreat,”"),
    ("In a video posted on Telegram, Ana Lopes said the convoy had been hit.", "Ana Lopes", "Telegram",
     "the convoy had been hit"),
    ("Ana Lopes said in an interview with Channel 4 that Orsk needed air defence.", "Ana Lopes", "Channel 4",
     "that Orsk needed air defence"),
    ("The senator wrote on Truth Social that the vote was rigged.", "The senator", "Truth Social",
     "that the vote was rigged"),
    # not a channel: an audience, a topic, an interview partner named in lower case
    ("The mayor told the radio audience that the city was safe.", "The mayor", None, "that the city was safe"),
    ("Ana Lopes said on Tuesday that talks on X would resume.", "Ana Lopes", None, "that talks on X would resume"),
    ("Ana Lopes said in an interview with reporters that Orsk was calm.", "Ana Lopes", None, "that Orsk was calm"),
    pytest.param("The minister said in an interview with John Smith that talks would resume.", "The minister",
                 None, "that talks would resume", marks=pytest.mark.skipif(
                     not resources.available("names"), reason="a common first name is known from NLTK's names corpus")),
    ("The minister said in an interview with Sky News that talks would resume.", "The minister", "Sky News",
     "that talks would resume"),
    ("Ana Lopes told the agency director that the budget was cut.", "Ana Lopes", None,
     "that the budget was cut"),
])
def test_unknown_outlets_and_platforms_are_channels(text, speaker, channel, content):
    r = run(text).iloc[0]
    got = None if pd.isna(r["channel"]) else r["channel"]
    assert (r["speaker"], got, r["content"]) == (speaker, channel, content)
    assert pd.isna(r["channel_actor"])
    assert r["rule"].endswith("+channel") == (channel is not None)
    check_offsets(run(text), {"d": text})


@pytest.mark.parametrize("text, expected", [
    # a pronoun's "’s" is "is"/"has": the verb group is the cue, as PolNeAR marks it
    ("He’s claiming that voting fraud is a big problem.",
     [("indirect", "He", "’s claiming", "that voting fraud is a big problem")]),
    ("She's warned that the deal will collapse.",
     [("indirect", "She", "'s warned", "that the deal will collapse")]),
    ("It’s denouncing the report as a smear.", [("indirect", "It", "’s denouncing", "the report as a smear")]),
    # a name's "’s" is a possessive: the speech word is a noun
    ("Trump’s claims about fraud were false.", []),
    ("Lopes's warning about the deal went unheeded.", []),
    ("That’s a claim nobody can check.", []),
    ("It’s called the Space Force.", []),
])
def test_contracted_auxiliary_after_a_pronoun(text, expected):
    assert rows(run(text)) == expected


@pytest.mark.parametrize("text, speaker", [
    # coordinated and listed subjects that open the clause are one source, as PolNeAR marks them
    ("The former first lady and U.S. senator said it was a mistake.", "The former first lady and U.S. senator"),
    ("The former secretary of state and current nominee said she wanted to speak.",
     "The former secretary of state and current nominee"),
    ("The family, protesters and civic leaders have demanded that police release the video.",
     "The family, protesters and civic leaders"),
    ("Ministers, diplomats and generals said the talks had failed.", "Ministers, diplomats and generals"),
    ("In the capital, residents and shopkeepers said the curfew would stay.", "residents and shopkeepers"),
    # not one subject: a clause or a setting comes first
    ("He spoke and officials said the talks had failed.", "officials"),
    ("The army shelled the town and officials said dozens died.", "officials"),
    ("Troops entered the city, shelled homes and officials said dozens died.", "officials"),
    ("After the meeting, officials and diplomats said the talks had failed.", "officials and diplomats"),
    # a fronted scene ends at its comma, also before an appositive source
    ("In a statement, one of the family's attorneys, Justin Bamberg, said the videos were clear.",
     "one of the family's attorneys, Justin Bamberg"),
    ("In an interview, the former minister, Ana Lopes, said the talks had failed.", "the former minister, Ana Lopes"),
    ("In Orsk, Ana Lopes, the mayor, said the talks had failed.", "Ana Lopes, the mayor"),
    ("Ana Lopes, in Orsk, said the talks had failed.", "Ana Lopes"),
])
def test_coordinated_subjects_and_fronted_scenes(text, speaker):
    assert run(text).iloc[0]["speaker"] == speaker


@pytest.mark.parametrize("text, expected", [
    # a second, participial cue of the same speaker takes its own quotation or clause
    ("“We can’t afford this,” Trump said, adding later, “NATO is costing us a fortune.”",
     [("direct", "Trump", "said", "“We can’t afford this,”"),
      ("direct", "Trump", "adding later", "“NATO is costing us a fortune.”")]),
    ("Sanders spoke, going on to say that the country had spent years fighting racism.",
     [("indirect", "Sanders", "going on to say", "that the country had spent years fighting racism")]),
    ("The minister said sarcastically, “We are delighted.”",
     [("direct", "The minister", "said sarcastically", "“We are delighted.”")]),
    # a lower-case adjective may open the speaker after a quotation
    ("“She is ready,” retired general Lloyd Newton said.",
     [("direct", "retired general Lloyd Newton", "said", "“She is ready,”")]),
    # negatives: the governing verb is not a participle; a verb after the quotation is not a speaker
    ("Sanders went on to say that the country had spent years fighting racism.",
     [("indirect", "Sanders", "went on to say", "that the country had spent years fighting racism")]),
    ("“We will stay,” prompted laughter from the crowd.", [("direct", None, None, "“We will stay,”")]),
])
def test_participial_second_cues_and_adjective_speakers(text, expected):
    assert rows(run(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a colon at a line's end introduces a block quotation: the next paragraph is the content
    ("The governor added:\n\nIt’s typical of her. She knows nothing.\n\nLater the talks resumed.",
     [("indirect", "The governor", "added:", "It’s typical of her. She knows nothing.")]),
    ("Limbaugh wrote:\nAnd from a front-runner, this reeks of fear.",
     [("indirect", "Limbaugh", "wrote:", "And from a front-runner, this reeks of fear.")]),
    # a quotation on the next line stays a direct quotation
    ("The governor added:\n\n“It is typical of her.”", [("direct", "The governor", "added:", "“It is typical of her.”")]),
    # negatives: no speech cue before the colon, or a list after it
    ("The minister listed three demands:\n\nA ceasefire, a prisoner swap and talks.", []),
    ("The governor added:\n\n- a ceasefire\n- talks", []),
])
def test_a_block_quotation_after_a_colon(text, expected):
    assert rows(run(text)) == expected


@pytest.mark.parametrize("text, content", [
    # the clause after a named addressee, without "that"
    ("Ana Lopes told Tarsk Press the offer stood.", "the offer stood"),
    ("Ana Lopes told the BBC the talks would resume.", "the talks would resume"),
    ("Ana Lopes told Mark Ruiz he was leaving.", "he was leaving"),
    ("Ana Lopes told Tarsk Press that the offer stood.", "that the offer stood"),
    # negative: only the addressee and a setting follow
    ("Ana Lopes told Tarsk Press in an interview.", None),
])
def test_the_clause_after_a_named_addressee(text, content):
    q = run(text)
    got = q.iloc[0]["content"] if len(q) else None
    assert got == content


def test_a_media_outlet_that_reports_is_the_speaker():
    text = "Tarsk Press reported that the border was calm."
    r = run(text, _media(text, "Tarsk Press")).iloc[0]
    assert (r["speaker"], r["channel"]) == ("Tarsk Press", None)


@pytest.mark.parametrize("text", [
    "The bill, which seeks to expand sanctions, passed on Friday.",
    "Aid will stop unless Ruritania requests more time.",
    "Diplomats arrived in Orsk to address military support for Ostria.",
])
def test_no_attribution_from_conditions_things_or_objects(text):
    assert run(text).empty


@pytest.mark.parametrize("text, speaker, content", [
    ("ORSK, April 3 (Tarsk Press) - Ostria accused Ruritania of shelling the port, the foreign ministry said.",
     "the foreign ministry", "Ostria accused Ruritania of shelling the port"),
    ("ORSK, April 3 (Tarsk Press) - Ostria accused Ruritania of shelling the port, the foreign ministry said.",
     "Ostria", "Ruritania of shelling the port"),
    ("The envoy told reporters the alliance would not send troops.", "The envoy",
     "the alliance would not send troops"),
])
def test_dateline_and_clause_boundaries(text, speaker, content):
    q = run(text)
    assert content in q[q["speaker"] == speaker]["content"].tolist(), rows(q)


def test_quotation_after_a_short_adjunct_continues_the_attribution():
    text = ("“I think the judge will be fair,” Ana Lopes said during a rally in Orsk, "
            "“but a lot of people are going to be watching.”")
    q = run(text)
    assert q["speaker"].tolist() == ["Ana Lopes", "Ana Lopes"]
    assert q["rule"].tolist() == ["direct_cue_after", "direct_continued"]
    assert q["speaker_rule"].iloc[1] == "continued_quote"


def test_every_row_says_which_rule_made_it(seed_quotes):
    q, _ = seed_quotes
    assert q["rule"].notna().all()
    assert q.loc[q["speaker_start"].notna() & q["speaker_actor"].notna(), "speaker_rule"].notna().all()


def test_seed_speakers_are_the_people_who_spoke(seed_quotes):
    # Every attributed quote of the seed article, checked by hand: who speaks, for which state.
    # The same with or without NLTK data (LemmInflect's lemmas do not read 'critical' as a cue).
    q, _ = seed_quotes
    speech = q[(q["kind"] != "scare") & q["speaker"].notna()]
    # "Blinken and Lammy discussed their plans" is an attribution of a topic, as PolNeAR codes
    # it; the coordinated subject resolves to its last name only (toolkit.speakers).
    expected = {"Peskov": ("Dmitry Peskov", "RUS"), "Blinken": ("Antony Blinken", "USA"),
                "who": ("Joe Biden", "USA"), "The Kremlin": (None, "RUS"), "Moscow": (None, "RUS"),
                # the coordinated subject of the two ministers (12 words), named by its ends
                ("US", "Lammy", 12): ("David Lammy", "GBR"),
                # Blinken ("he") declining to give details: an attributed refusal, as PolNeAR
                # codes "declined to say"; the participle after it then shares that speaker span.
                "he": ("Antony Blinken", "USA")}
    def named(span: str):  # a long speaker span by its first and last word and its length
        words = span.split()
        return span if len(words) < 6 else (words[0], words[-1], len(words))

    got = {(named(r.speaker), r.speaker_person if isinstance(r.speaker_person, str) else None, r.speaker_actor)
           for r in speech.itertuples()}
    assert got == {(s, p, a) for s, (p, a) in expected.items()}
    assert not (q["cue"] == "support").any()  # "arrived ... to address military support": no speaker


@pytest.mark.parametrize("text, speaker", [
    ("Nearly eight of 10 voters say the race is close.", "Nearly eight of 10 voters"),
    ("A report released last year found that the program was abused.", "A report released last year"),
    ("Many people involved in the negotiations assumed the deal would hold.",
     "Many people involved in the negotiations"),
    # negatives: a verb or a clause before the noun phrase is not part of the subject
    ("Ostrian officials are slamming the envoy for his work, and critics said it was unfair.", "critics"),
    ("The footage, contradicting Orsk police, showed that he was unarmed.", None),
])
def test_a_noun_phrase_inside_a_longer_subject(text, speaker):
    q = run(text)
    got = q["speaker"].tolist()
    assert (speaker in got) if speaker else not any(s and s.startswith("contradicting") for s in got), rows(q)


def test_many_lines_with_open_quotations_cost_linear_time():
    # Every line opens a quotation that never closes (issue 18): each line break looks ahead
    # only a bounded reach for a closing mark, so 3,000 such lines take well under a second.
    import time

    text = "He said “we go\n" * 3000
    t0 = time.perf_counter()
    quotes, problems = find_quote_spans(text)
    assert time.perf_counter() - t0 < 2.0
    assert len(quotes) == 3000 and len(problems) == 3000


def test_a_coordinated_attribution_is_its_own_row():
    text = "The envoy agreed that the rules should change, but he said that talks should wait."
    q = run(text)
    assert [(r.speaker, r.cue, r.content) for r in q.itertuples()] == [
        ("The envoy", "agreed", "that the rules should change"),
        ("he", "said", "that talks should wait")]


@pytest.mark.parametrize("text, cues", [
    # A verb of doing, wanting or asking inside reported speech is part of that speech
    # (PolNeAR leaves it unattributed), not a second attribution.
    ("The envoy said Ostria supported the plan last year.", ["said"]),
    ("Ana Lopes said her rival will seek to delay the vote.", ["said"]),
    ("The ministry said the rebels had refused to leave the port.", ["said"]),
    ("Officials said the leaders had agreed to meet again in March.", ["said"]),
    # a nested "say" is still an attribution of its own; a sentence's first cue is untouched
    ("The ministry said the rebels said they would leave.", ["said", "said"]),
    ("The envoy urged Ruritania to lift the blockade.", ["urged"]),
])
def test_a_non_speech_cue_inside_reported_speech_is_not_an_attribution(text, cues):
    q = run(text)
    assert q[q["kind"] != "scare"]["cue"].tolist() == cues, rows(q)


@pytest.mark.parametrize("text, speaker", [
    # A participle or a setting after the name is the reporter's scene, not part of the source.
    ("Ana Lopes, speaking to veterans in Orsk, said the talks had failed.", "Ana Lopes"),
    ("The president, at a rally on Monday, said the border would stay closed.", "The president"),
    # Noun appositives, "including" lists and relative clauses stay in the source, as PolNeAR marks them.
    ("Ana Lopes, the foreign minister, said the talks had failed.", "Ana Lopes, the foreign minister"),
    ("Other unions, including the Orsk Teachers Union, have urged the council to act.",
     "Other unions, including the Orsk Teachers Union"),
    ("Ana Lopes, who runs the campaign, said the talks had failed.", "Ana Lopes, who runs the campaign"),
])
def test_a_participle_or_setting_after_the_name_is_not_the_source(text, speaker):
    q = run(text)
    assert q["speaker"].tolist() == [speaker], rows(q)


@pytest.mark.parametrize("text, kinds", [
    # A title word ending the sentence before a quotation does not make the quotation a title.
    ("Ana Lopes spoke on The Evening Show.\n\n“We will not back down,” she said.", ["direct"]),
    ("Ana Lopes wrote in the magazine. “We will not back down,” she said.", ["direct"]),
    # negatives: a title right after its cue word yields no row
    ("She starred in the show “Red Lines” last year.", []),
    ("Crowds lined up for the film “we were there all along, and we stayed” in Orsk.", []),
])
def test_a_title_word_in_the_previous_sentence_does_not_make_a_title(text, kinds):
    q = run(text)
    assert q["kind"].tolist() == kinds, rows(q)


@pytest.mark.parametrize("text, speaker", [
    # After an inverted speaker, a participle or setting is the reporter's scene, not the source.
    ("“We will not sign,” said Ana Lopes, the foreign minister, in a statement.",
     "Ana Lopes, the foreign minister"),
    ("“We will not sign,” said Ana Lopes, summing up the talks in Orsk.", "Ana Lopes"),
    ("“We will not sign,” said Ana Lopes, the envoy, at a rally in Orsk.", "Ana Lopes, the envoy"),
    # negatives: noun appositives and relative clauses stay
    ("“We will not sign,” said Ana Lopes, a senior fellow at the institute.",
     "Ana Lopes, a senior fellow at the institute"),
    ("“We will not sign,” said Ana Lopes, who leads the delegation.", "Ana Lopes, who leads the delegation"),
])
def test_an_inverted_speaker_ends_before_a_participle_or_setting(text, speaker):
    q = run(text)
    assert q["speaker"].tolist() == [speaker], rows(q)


@pytest.mark.parametrize("text, cues", [
    # A reporting word right before a finite auxiliary or copula is a noun subject.
    ("Health worries have dogged the envoy since March.", []),
    ("The Orsk protest remained peaceful on Sunday.", []),
    ("Ruritanian support was more solid than expected.", []),
    # negatives: "said" before a copula is a relative gap; a verb before its object stays a cue
    ("The deal is what the senators said was a fair compromise.", ["said"]),
    ("The envoy warned that the talks were over.", ["warned"]),
])
def test_a_reporting_word_before_an_auxiliary_is_a_noun(text, cues):
    q = run(text)
    assert q[q["kind"] != "scare"]["cue"].tolist() == cues, rows(q)


@pytest.mark.parametrize("text, speaker", [
    # Two coordinated nouns are one source, also when the second has a modifier.
    ("Regulators and environmental groups warned that the mine would flood.",
     "Regulators and environmental groups"),
    ("Farmers and local officials said the river had risen.", "Farmers and local officials"),
    # negatives: a verb before "and" is not part of the subject
    ("The envoy spoke and local officials said the river had risen.", "local officials"),
])
def test_coordinated_nouns_are_one_source(text, speaker):
    q = run(text)
    assert speaker in q["speaker"].tolist(), rows(q)


@pytest.mark.parametrize("text, speaker", [
    # An appositive chain runs left over an age, a place or a description, and stops at a name.
    ("Ana Lopes, 59, of Orsk, Ost., said the river had risen.", "Ana Lopes, 59, of Orsk, Ost."),
    ("Pedro Ortiz, of Orsk, said the river had risen.", "Pedro Ortiz, of Orsk"),
    ("Ana Lopes, the envoy, an ally of the king, said the river had risen.",
     "Ana Lopes, the envoy, an ally of the king"),
    # negative: a setting before the name is not part of the source
    ("With ten days until the vote, Ana Lopes, a senior adviser, said the river had risen.",
     "Ana Lopes, a senior adviser"),
])
def test_an_appositive_chain_stops_at_the_name(text, speaker):
    q = run(text)
    assert q["speaker"].tolist() == [speaker], rows(q)


@pytest.mark.parametrize("text, speaker", [
    # A noun phrase after "to" belongs to the longer subject it hangs on.
    ("Advisers to the president said the talks had stalled.", "Advisers to the president"),
    ("But in recent days, advisers to Mr. Ortiz say, the plan has changed.", "advisers to Mr. Ortiz"),
    # negative: a verb before "to" keeps the subject after it
    ("The envoy travelled to Orsk, and officials said the talks had stalled.", "officials"),
])
def test_a_noun_phrase_after_to_belongs_to_the_subject(text, speaker):
    q = run(text)
    assert speaker in q["speaker"].tolist(), rows(q)


def test_polnear_errors_name_the_rule_that_fired():
    from toolkit.validation.quotes import PolnearDoc, errors

    text = "Ana Lopes said the talks failed. Health worries remained, the envoy said."
    gold = {"Source": {(0, 9)}, "Cue": {(10, 14)}, "Content": set()}
    doc = PolnearDoc("d", text, "abcd", gold)
    q = run(text).assign(doc_id="d")
    e = errors([doc], q, "Cue")
    assert e[["kind", "pred"]].values.tolist() == [["FP", "said"]], e.to_dict("records")
    assert "rule=indirect_subject_content_before" in e["evidence"].iloc[0]


@pytest.mark.parametrize("text, speaker", [
    # A time adverbial between the subject and the verb is the reporter's, not the source's.
    ("Ana Lopes now says she opposes the deal.", "Ana Lopes"),
    ("The court this month rejected a request to delay the vote.", "The court"),
    ("Orsk Bank just this month announced it would close the branch.", "Orsk Bank"),
    # negatives: a time inside a participle phrase stays; "now" joins the verb group
    ("A report released last year found that the program was abused.", "A report released last year"),
    ("Early supporters of the bill, such as Ana Lopes, now saying they think it should change.",
     "Early supporters of the bill"),
])
def test_a_time_adverbial_before_the_verb_is_not_the_source(text, speaker):
    q = run(text)
    assert speaker in q["speaker"].tolist() and "now" not in q["speaker"].tolist(), rows(q)


@pytest.mark.parametrize("text, cues", [
    # The writer's formulas are not attributions; a real cue after them still is.
    ("Having said that, there are economists who argue that taxes should fall.", ["argue"]),
    ("It is worth noting that the vote was close.", []),
    ("It's worth mentioning that the vote was close.", []),
    # negative: "said" and "noting" as cues elsewhere
    ("The envoy said talks would resume, noting that the vote was close.", ["said", "noting"]),
])
def test_the_writers_formulas_are_not_attributions(text, cues):
    q = run(text)
    assert q[q["kind"] != "scare"]["cue"].tolist() == cues, rows(q)


@pytest.mark.parametrize("text, speaker, content", [
    # a dateline of any shape is neither a source nor part of the content
    ("TARSK - Ostria's navy, speaking after the drill, insisted the strait stayed open.",
     "Ostria's navy", "the strait stayed open"),
    ("NEW ORSK, June 9 - The Ruritanian cabinet said on Friday it had recalled its envoy.",
     "The Ruritanian cabinet", "it had recalled its envoy"),
    # a time adverbial between "said" and a clause without "that"
    ("The envoy said last week the ceasefire would hold.", "The envoy", "the ceasefire would hold"),
    ("Ana Lopes said yesterday her party would abstain.", "Ana Lopes", "her party would abstain"),
    # "told reporters" closing a sentence: the content is before the cue
    ("Ostria will not withdraw, Lopes told reporters on Wednesday.", "Lopes", "Ostria will not withdraw"),
    ("The envoy told journalists the border would reopen.", "The envoy", "the border would reopen"),
    ("Talks have stalled, the ministry told the Orsk Herald on Friday.", "the ministry", "Talks have stalled"),
    ("Aid is coming, Lopes told a news conference in Tarsk.", "Lopes", "Aid is coming"),
    ("Lopes told the envoy to leave Orsk.", "Lopes", "the envoy to leave Orsk"),
])
def test_datelines_times_and_addressees_around_the_cue(text, speaker, content):
    q = run(text)
    assert (speaker, content) in list(zip(q["speaker"], q["content"])), rows(q)
    assert not any(str(c).startswith(("on ", "TARSK", "NEW ORSK")) for c in q["content"]), rows(q)


@pytest.mark.parametrize("text", [
    "The envoy said on the phone.",                   # a setting and nothing said (with a clause after
                                                      # it, "said on the phone it was fine" reports one:
                                                      # test_quotes_time_adjunct)
    "The envoy told reporters at a briefing.",        # no content anywhere
    "The ministry told the Orsk Herald on Friday.",   # an addressee and a time, nothing said
])
def test_no_content_from_an_adjunct_after_the_cue(text):
    assert run(text).empty, rows(run(text))


@pytest.mark.parametrize("text, outlet, channel", [
    ("The minister told the Tarsk Gazette that the deal was dead.", "Tarsk Gazette", "Tarsk Gazette"),
    ("In an interview with the Orsk Herald, the minister said the deal was dead.", "Orsk Herald", "Orsk Herald"),
    ("“We are not afraid,” the general told the Tarsk Gazette.", "Tarsk Gazette", "Tarsk Gazette"),
    # an outlet that is not the channel: the subject's own words about it, or an unrelated object
    ("The Tarsk Gazette said the deal was dead.", "Tarsk Gazette", None),
    ("The minister said the Tarsk Gazette had lied.", "Tarsk Gazette", None),
])
def test_an_outlet_after_a_determiner_is_the_channel(text, outlet, channel):
    q = run(text, _media(text, outlet))
    assert q["channel"].tolist()[:1] == [channel], rows(q)


@pytest.mark.parametrize("text, carried", [
    (('“We will not retreat,” Ostrian President Ana Lopes told reporters in Orsk.\n\n'
      '“Every village will be defended.”'), True),
    ('“Talks are over,” Ana Lopes said. “We tried.”\n\n“Now we wait.”', True),
    # another sentence, or another speaker, ends the paragraph: nothing is carried
    ('“We will not retreat,” Ana Lopes said. Her rival disagreed.\n\n“Every village will be defended.”', False),
    ('The army said it had moved tanks.\n\n“This is a provocation.”', False),
    ('Ana Lopes said: “We tried.” The story was false.\n\n“Now we wait.”', False),
])
def test_a_quote_paragraph_carries_the_speaker_of_the_paragraph_before(text, carried):
    q = run(text)
    last = q[q["kind"] == "direct"].iloc[-1]
    assert (last["speaker_person"] is not None and "Lopes" in last["speaker_person"]) == carried, rows(q)
    if carried:
        assert last["speaker_resolution"] == "carried" and last["speaker_rule"] == "carried_quote"


def _gazetteer_file(tmp_path) -> str:
    path = tmp_path / "fictional.csv"
    path.write_text("entry,category,actor,actor_type,sector,role,person,valid_from,valid_to,match_on,note\n"
                    "Varnia,state,VRN,state,,,,,,text,fictional state\n"
                    "Varnian,demonym,VRN,state,,,,,,text,adjective\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("text, with_file, without_file", [
    ("Varnian Deputy Minister Ivo Marel said the border would stay closed.", "VRN", None),
    ("Deputy Minister Ivo Marel said the border would stay closed.", None, None),
])
def test_a_users_gazetteer_gives_an_officials_state(tmp_path, text, with_file, without_file):
    from toolkit.actors import load_gazetteer
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    sents, toks = tokenize_documents(["d"], [text])
    got = find_quotes(docs, sents, toks, None, gazetteer=load_gazetteer([_gazetteer_file(tmp_path)]))[0]
    assert got["speaker_actor"].tolist() == [with_file]
    assert find_quotes(docs, sents, toks, None)[0]["speaker_actor"].tolist() == [without_file]


def test_the_quotes_step_reads_gazetteer_files_added_to_its_lexicons(tmp_path):
    from toolkit.quotes import _annotate
    text = "Varnian Deputy Minister Ivo Marel said the border would stay closed."
    sents, toks = tokenize_documents(["d"], [text])
    tables = {"documents": pd.DataFrame({"doc_id": ["d"], "text": [text]}), "sentences": sents, "tokens": toks}
    got = _annotate(tables, lexicons=[_gazetteer_file(tmp_path)])["quotes"]
    assert got["speaker_actor"].tolist() == ["VRN"]
    assert got["source"].tolist() == [f"reporting_verbs@{lexicon.load('reporting_verbs').version}"]


@pytest.mark.parametrize("text, speaker, content", [
    ("TARSK, March 3 (Orsk Press) - Ostria's navy, speaking after the drill, said the strait was open.",
     "Ostria's navy", "the strait was open"),
    # a transcript's speaker label is the transcriber's, like a dateline
    ("MINISTER LOPES: Well, I think the talks will fail.", "I", "the talks will fail"),
    ("THE ENVOY:—The ceasefire will hold, I think.", "I", "The ceasefire will hold"),
    # capitals that are not a place before a dash: the subject is kept whole
    ("NATO envoys, speaking in Orsk, said the alliance would respond.", "NATO envoys", "the alliance would respond"),
])
def test_a_dateline_or_transcript_label_is_never_source_or_content(text, speaker, content):
    q = run(text)
    assert (speaker, content) in list(zip(q["speaker"], q["content"])), rows(q)


# PolNeAR patterns (constructed sentences; the rules were tuned on the tune half of PolNeAR dev).
@pytest.mark.parametrize("text, expected", [
    # a later "that" past real words is not where the clause starts; past an adjunct or an addressee it is
    ("The senator says hackers are taking aim at state offices, and that one attempt worked.",
     ("indirect", "The senator", "says", "hackers are taking aim at state offices, and that one attempt worked")),
    ("The envoy disputes the idea that talks have failed.",
     ("indirect", "The envoy", "disputes", "the idea that talks have failed")),
    ("The minister said on Friday that the border would close.",
     ("indirect", "The minister", "said", "that the border would close")),
    ("The envoy said repeatedly that talks had failed.",
     ("indirect", "The envoy", "said repeatedly", "that talks had failed")),
    ("The aide told a meeting of local leaders that the plan had failed.",
     ("indirect", "The aide", "told", "that the plan had failed")),
    ("The ministry warned farmers that the dam could burst.",
     ("indirect", "The ministry", "warned", "that the dam could burst")),
    # the addressee of "told" before a quotation is not in the content
    ("The senator told CBS, “We are focused on the vote.”",
     ("mixed", "The senator", "told", "“We are focused on the vote.”")),
    ("The senator told his radio audience on Monday, “We are focused on the vote.”",
     ("mixed", "The senator", "told", "“We are focused on the vote.”")),
    # a possessive subject is one phrase; a noun in -ly is not an adverb
    ("Scott's family called on the police to release the video.",
     ("indirect", "Scott's family", "called on", "the police to release the video")),
    ("The ad's narrator says the senator lied.", ("indirect", "The ad's narrator", "says", "the senator lied")),
    ("The family said the police lied.", ("indirect", "The family", "said", "the police lied")),
    ("The ministry quickly said the plan is sound.",
     ("indirect", "The ministry", "quickly said", "the plan is sound")),
    # the subject of a participial cue ends at its own verb
    ("Hillary Clinton spoke out on Monday, arguing that the plan was sound.",
     ("indirect", "Hillary Clinton", "arguing", "that the plan was sound")),
    ("Trump spoke for an hour, promising that taxes would fall.",
     ("indirect", "Trump", "promising", "that taxes would fall")),
    # a quotation no cue took is part of the content before "X said"; one a cue took is not
    ("A cashier who “steals a handful of twenties from the register” is held accountable, Warren said.",
     ("mixed", "Warren", "said", "A cashier who “steals a handful of twenties from the register” is held accountable")),
    ("“We will fight,” Lopes said.", ("direct", "Lopes", "said", "“We will fight,”")),
    # a poll's time phrase belongs to its noun phrase, the source; a person's does not
    ("A Bloomberg poll in June showed that 72 percent of voters were bothered.",
     ("indirect", "A Bloomberg poll in June", "showed", "that 72 percent of voters were bothered")),
    ("A new poll released Friday found that 70 percent of voters would vote.",
     ("indirect", "A new poll released Friday", "found", "that 70 percent of voters would vote")),
    ("A new poll showed that 72 percent of voters were bothered.",
     ("indirect", "A new poll", "showed", "that 72 percent of voters were bothered")),
    ("The minister last week said that the talks had failed.",
     ("indirect", "The minister", "said", "that the talks had failed")),
    # a participial cue after "X said," or after a closing quotation starts an attribution of its own
    ("Lopes will speak in Orsk this month, Marel said, adding that he would also hold similar events.",
     ("indirect", "Marel", "said", "Lopes will speak in Orsk this month")),
    ("Lopes will speak in Orsk this month, Marel said, adding that he would also hold similar events.",
     ("indirect", "Marel", "adding", "that he would also hold similar events")),
    ("Lopes told reporters that Marel “had a crazy policy,” adding, “He lost all of the vote.”",
     ("mixed", "Lopes", "told", "that Marel “had a crazy policy,”")),
    ("Lopes told reporters that Marel “had a crazy policy” on trade.",
     ("mixed", "Lopes", "told", "that Marel “had a crazy policy” on trade")),
    # a coordinated cue inside a quotation is the quoted speaker's, not a second attribution
    ("Marel said Tuesday that “the only way to win the state is to go and ask, one voter at a time.”",
     ("mixed", "Marel", "said", "that “the only way to win the state is to go and ask, one voter at a time.”")),
    ("Marel tweeted a photo and said the state was safe.",
     ("indirect", "Marel", "said", "the state was safe")),
    # "..., X say; ...": the semicolon closes the attribution, the content is before it
    ("Candidates need about 40 percent of the vote, analysts say; in 2012, Marel got 27 percent.",
     ("indirect", "analysts", "say", "Candidates need about 40 percent of the vote")),
    # an aside between the subject's commas is the reporter's; a description is the source's
    ("Others, however, say the law is working.", ("indirect", "Others", "say", "the law is working")),
    ("Lopes, without naming him, said the talks had failed.",
     ("indirect", "Lopes", "said", "the talks had failed")),
    ("Lopes, a former envoy, said the talks had failed.",
     ("indirect", "Lopes, a former envoy", "said", "the talks had failed")),
    ("Lopes, reportedly, said the talks had failed.", ("indirect", "Lopes", "said", "the talks had failed")),
    ("Jones, elderly resident of the town, said the talks had failed.",
     ("indirect", "Jones, elderly resident of the town", "said", "the talks had failed")),
    # a sentence's opening "But" is not part of a long subject
    ("But 16 percent of registered voters said the talks had failed.",
     ("indirect", "16 percent of registered voters", "said", "the talks had failed")),
    # "X said when asked whether ...": the question is attributed to whoever asked it (no source)
    ("“You bet I would,” Lopes said when asked whether he would close the border.",
     ("indirect", None, "asked", "whether he would close the border")),
])
def test_polnear_patterns(text, expected):
    assert expected in rows(run(text))


@pytest.mark.parametrize("text, expected", [
    # a poll is the source of a document's headline "Poll: ..."
    ("Poll: Lopes Leads Marel in Orsk Ahead of First Debate\n\nThe poll was taken on Monday.",
     [("indirect", "Poll", ":", "Lopes Leads Marel in Orsk Ahead of First Debate")]),
    # not as a label further down
    ("The senator spoke on Monday.\n\nPoll: Lopes Leads Marel in Orsk Ahead of First Debate", []),
])
def test_polnear_headlines(text, expected):
    assert [r for r in rows(run(text)) if r[2] == ":"] == expected


@pytest.mark.parametrize("text, expected", [
    # Title Case headline verbs
    ("Retired General Reveals ‘Demoralizing’ Experience Of Serving Under Lopes\n\nThe general spoke.",
     ("mixed", "Retired General", "Reveals", "‘Demoralizing’ Experience Of Serving Under Lopes")),
    ("Lopes Calls Marel ‘A Disgrace’ Over Border Comments\n\nThe senator spoke.",
     ("indirect", "Lopes", "Calls", "Marel ‘A Disgrace’ Over Border Comments")),
    ("Lopes Endorses Marel for Senate\n\nThe senator spoke.", ("indirect", "Lopes", "Endorses", "Marel for Senate")),
])
def test_polnear_headline_verbs(text, expected):
    assert expected in rows(run(text))


@pytest.mark.parametrize("text", [
    "The Reveals Gallery opened on Monday.",           # a name, not a headline verb
    "Visitors Praise Day draws crowds to Orsk.",
])
def test_polnear_headline_verbs_negatives(text):
    assert [r for r in rows(run(text)) if r[0] != "scare"] == []
