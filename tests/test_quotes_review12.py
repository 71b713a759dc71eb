"""toolkit.quotes and toolkit.speakers: quote regressions an adversarial review of session 12
found (issue 17), checked on wire copy written for these tests. A sentence-final "according to X"
takes one appositive, not a second one nor a phrase judging the news ("a move that angered ...");
a nationality word in an appositive naming a firm, charity or think tank gives no state; a quoted
title after "headlined"/"titled" holds no cue, the sentence's own cue is found, and no content
runs past a closing quotation mark it did not open with."""
from __future__ import annotations

import pytest

from quote_rows import quote_rows
from test_speakers_offices import _speaker


def rows(text: str) -> list[tuple]:
    return quote_rows(text, ("speaker", "cue", "content"), scare=False)


@pytest.mark.parametrize("text, speaker", [
    # an event or judgement noun after the source comments on the clause
    ("The vote was delayed, according to a diplomat, a move that angered Tarsia.", "a diplomat"),
    ("Exports fell sharply, according to an economist, a decision that surprised markets.", "an economist"),
    ("The pact lapsed, according to Mira Olsen, a setback for Velland.", "Mira Olsen"),
    # one appositive, not a second
    ("The talks failed, according to Petra Vasko, a Slovak diplomat, a blow to truckers.",
     "Petra Vasko, a Slovak diplomat"),
    ("Poland will buy tanks, according to Jan Wilk, the deputy defence minister, who signed the deal.",
     "Jan Wilk, the deputy defence minister, who signed the deal"),   # a relative clause stays
    # ", and" joins a second source, ", Ohio" ends a place; a plain appositive is kept
    ("Sales fell, according to a report from WXLT, the NBC affiliate in Dayton, Ohio.",
     "a report from WXLT, the NBC affiliate in Dayton, Ohio"),
    ("Ships went dark, according to Tracksea, a firm that monitors tankers.", "Tracksea, a firm that monitors tankers"),
    ("Turnout rose, according to Eva Lund, director of the Norlund Center, which conducted the poll.",
     "Eva Lund, director of the Norlund Center, which conducted the poll"),
    ("Cases rose, according to Ola Berg, head of the Norlund Institute, and other scientists.",
     "Ola Berg, head of the Norlund Institute, and other scientists"),
    ("The border was closed, according to Omar Idris, a Sudanese official.", "Omar Idris, a Sudanese official"),
])
def test_according_to_takes_one_appositive_of_the_source(text, speaker):
    assert [r[0] for r in rows(text) if r[1] == "according to"] == [speaker]


@pytest.mark.parametrize("text, span, actor", [
    ("The ship was seized, according to Varrow Marine, a Norwegian shipping company.",
     "Varrow Marine, a Norwegian shipping company", None),
    ("Troops shelled the town, according to Lumen Aid, a Swiss relief charity.",
     "Lumen Aid, a Swiss relief charity", None),
    ("An airstrip was built, according to KSTI, an American think tank.", "KSTI, an American think tank", None),
    ("The dam filled early, according to Nile Watch, an Egyptian research institute.",
     "Nile Watch, an Egyptian research institute", None),
    # an office of a state keeps its state
    ("The border was closed, according to Petra Vasko, a Slovak diplomat.", "Petra Vasko, a Slovak diplomat", "SVK"),
    ("The summit was cancelled, according to Omar Idris, the Sudanese foreign minister.",
     "Omar Idris, the Sudanese foreign minister", "SDN"),
    ("Checks began, according to officials in Carinthia, the Austrian state next to Slovenia.",
     "officials in Carinthia, the Austrian state next to Slovenia", "AUT"),
    # a state's body named by name keeps its state
    ("Tariffs will rise, according to Dana Kirk, the White House trade director.",
     "Dana Kirk, the White House trade director", "USA"),
])
def test_a_nationality_describing_a_private_body_gives_no_state(text, span, actor):
    assert _speaker(text, span)[0] == actor


@pytest.mark.parametrize("text, expected", [
    ('A story headlined "Riga warns Minsk" said Latvia threatened to close the border.',
     [("A story", "said", "Latvia threatened to close the border")]),
    ('A report titled "Ankara warns Athens" said Turkey would send more ships.',
     [("A report", "said", "Turkey would send more ships")]),
    ('The report, headlined "Lima prepares," said Peru would expand its navy.',
     [("The report", "said", "Peru would expand its navy")]),
    ('His column "Lima accuses Quito" argued that Peru should act.',
     [("His column", "argued", "that Peru should act")]),
    # a participle after the title's comma: the main clause's subject speaks
    ('The tabloid headlined its report "Oslo rebukes Riga," saying Norway had expelled two envoys.',
     [("The tabloid", "saying", "Norway had expelled two envoys")]),
])
def test_a_quoted_title_holds_no_cue(text, expected):
    assert rows(text) == expected


def test_no_content_runs_past_a_closing_mark_it_did_not_open_with():
    # a cue inside a title read without a frame word ends at the title's closing mark
    text = 'The banner, "Tallis Warns Orsk" hung over the square as Kestria said it would act.'
    contents = [r[0] for r in quote_rows(text, ("content",), scare=False)]
    assert contents and all('"' not in c for c in contents), contents
