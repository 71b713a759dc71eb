"""Actors: who is mentioned, as which state, organisation, sector and person (``mentions``).

One lexicon match of the gazetteer (``lexicons/actors`` + ``lexicons/people`` + any user
file; :meth:`toolkit.lexicon.Matcher.find`) over the tokens finds names; a few rules over the hits of each document then compose noun
phrases, resolve people and tell metonyms from places. Every row of ``mentions`` points into
``documents.text`` with half-open ``[start, end)`` offsets.

Columns: ``doc_id, sent_id, start, end, tok_start, tok_end, text, actor`` (ISO3 or an
organisation/bloc code), ``actor_type`` (state, igo, ngo, bloc, nonstate, media), ``sector``
(CAMEO role code: GOV, MIL, LEG, SPY, COP, MED, REB, OPP, CVL, or null), ``person``,
``role`` (normalised: president, foreign_minister, spokesperson, military ...), ``kind`` (what
the head of the mention is: state, demonym, capital, seat, institution, org, bloc, nonstate,
media, role, person, self), ``metonym``, ``location``, ``resolved_from``, ``rule`` (the id of
the rule that made the row: ``name``, ``role``, ``role_of_actor``, ``role_anaphor``, ``person``,
``title_name``, ``apposition_before``, ``apposition_after``, ``description``, ``surname``,
``compound``, ``self_reference``, ``context``; count errors by it), ``entry`` (the gazetteer entry of the
head), ``source`` (``name@version`` of the gazetteer that supplied it).

The rules are small functions (``rule_<id>``) over one explicit per-document state; the
precedence among them lives in two places only: :func:`_phrase_at` with :data:`ROW_RULES` for
each noun phrase, then :data:`DOCUMENT_RULES` over the document's rows.

What the rules do (and do not do):

* Noun phrases are composed from adjacent hits: a modifier (state name, demonym, capital, seat,
  organisation) + role nouns + a person: "Russian President Vladimir Putin" is one mention
  (RUS, GOV, president, Vladimir Putin); "US Secretary of State Antony Blinken" (USA, GOV);
  "Kremlin spokesman Dmitry Peskov"; "Russia's foreign minister"; "the US media" (USA, MED);
  "Ukrainian forces" (UKR, MIL). A full state name joins a role only when possessive or when
  the role is capitalised ("Ukraine's army", "Ukraine President"), so that "Russia forces
  Ukraine to ..." stays two mentions. "military"/"army"/"intelligence"... followed by a
  lower-case content word are adjectives ("Western military aid" is WEST, no sector).
  "<role> of/for [the] <actor>" takes the actor ("the representative of the Russian
  Federation", "the spokesperson for the Kremlin").
* People: gazetteer names and distinctive surnames ("Peskov"); unknown people after a role
  ("Ruritanian Foreign Minister Anna Kovac": person "Anna Kovac", role foreign_minister, actor
  of the modifier when the gazetteer knows it); appositions "Anna Kovac, the Ruritanian
  foreign minister," and "the Ruritanian foreign minister, Anna Kovac,"; an apposition after a
  person ("Dmitry Peskov, the spokesperson for ...") is absorbed, not counted twice. After a
  person's first mention, later uses of the surname resolve to that person
  (``resolved_from="surname"``; for CHN/PRK/KOR/VNM/TWN/HKG people the first name token is the
  family name). Time-bounded roles (``people_roles.csv``) are read at the document date:
  "Russian President" in a 2024 document gets person Vladimir Putin (``resolved_from="date"``)
  when exactly one office holder fits; "the president"/"the spokesman"/"the minister" (a bare
  role after "the") resolves to the most recent person with a compatible role in the document
  (``resolved_from="anaphor"``), else the row is dropped; "the Russian leader" (a definite
  role of a state with no office holder at the date) takes the last person of that state
  named before it whose role fits (rule ``description``). An unknown official after a title
  takes the state of a nationality word before it or of "of <state>" after the name
  ("Deputy Prime Minister Olena Marchuk of Ukraine"). Bare role nouns without an actor are
  not mentions. Pronouns ("he") and descriptions of speakers are left to
  :mod:`toolkit.speakers`, which can use :func:`most_recent`.
* Metonymy: capitals and seats of government ("Moscow", "Washington", "the Kremlin", "the
  White House"; "the Pentagon" is USA MIL) are the government (``metonym=True``, sector of the
  seat) unless the text shows a place. They are a place (``location=True``, ``metonym=False``,
  no sector) after a locative preposition (in, at, inside, outside, near, into, across,
  around, throughout, within, via, through), after "to"/"from"/"toward" preceded by a word of
  motion ("flights to Washington", "returned from Kyiv"), after a verb of visiting or attacking
  a place ("visit Kyiv", "struck Kyiv"), after "of" preceded by a place noun ("the outskirts of
  Kyiv"), before an event noun ("the Paris climate summit", "the Lima and Paris
  conferences"), and in "-based" compounds; never when possessive ("around Washington's
  refusal"). The same test marks state names used as places ("strikes inside Russia": actor
  RUS, ``location=True``), except attributive uses ("in the Ukraine conflict"). "a message to
  Moscow" stays the government. Location rows are kept (they are mentions of the state) and
  flagged; actor analyses should filter ``~location``. "Brussels" is the EU when the document
  mentions the EU, else Belgium (``resolved_from="context"``).
* News outlets (``kind`` media, sector MED, ``role`` state_media for an outlet its state runs
  as its voice): "the Yonhap news agency" is one outlet row; an outlet whose bare name is also
  a place, a name or a word (flag ``outlet``: "Fars", "Dawn", "MENA", "Petra") is kept only
  next to a medium noun, a verb of reporting or a verb of speaking to it ("Fars reported",
  "Dawn newspaper", "told Dawn"), never for "said" or "with" alone ("Petra said she", "talks
  with PTI"); role nouns of sector MED ("Russian state media") have ``actor_type`` media. A
  wire dateline opening a paragraph ("Kyiv, March 3 (Reuters) -", "Islamabad (AFP) -",
  "Moscow, Jan 5 -") is a place, never the government; "On Tuesday Israel - ..." is none.
  Institutions bound to one state are that state's without "the" ("Congress passed", "a
  State Department official"), unless an unknown owner precedes them ("Kestria's Foreign
  Office"); a name other states use too (flag ``shared``) is not the default state's after
  "in" another place ("Congress in Lima") or in India's party context ("Congress MP X").
  Ranks between a title and a name
  ("spokesman Major General X") are not the name; "al-" name parts are; an adjective of
  office may stand between a state and its office ("Lebanese caretaker Prime Minister X",
  :data:`TITLE_ADJECTIVES`); military heads are titles ("RSF commander X", "army chief
  General Y", :data:`TITLE_NOUNS`), but "the army" never refers back to such a person.
* Sub-national places (gazetteer entries whose note starts ``region:``: "Kharkiv", "Belgorod",
  "Khan Younis", "Aleppo", "Goma", "Rakhine") are their state as a place, always
  (``location=True``): the target or location of an act, never a speaker ("Poltava said" is no
  metonym, unlike a capital). An uncontested region gives its state to its officials
  ("Kharkiv's mayor", "the governor of Belgorod", "Kursk region's governor", "Sumy regional
  administration", :data:`REGION_OFFICES`, :data:`REGION_UNITS`); a region flagged
  ``contested`` (occupied, breakaway, rebel-held: "Donetsk", "Crimea", "Gaza", "Tigray") gives
  it only to its civilians ("the people of Mariupol"), not to its officials ("Luhansk's
  Russian-installed head"). A place flagged ``disputed`` (the Spratlys, Kashmir) has no actor
  and makes no row. A region before "river" ("the Helmand river") is the river's name.
* Bodies with generic names: "Security Council" after another state's name is that state's
  ("Armenia's Security Council said": the state's row only), unless a UN noun follows
  ("China's Security Council veto", :data:`UN_BODY_NOUNS`); "the Security Council of Armenia" is
  Armenia's (:func:`_generic_body_of`); "the Peace and Security Council" is
  the African Union's. "the governor of <unknown place>" refers back to no one.
* Ambiguous names: "Georgia"/"Washington" as US states are dropped after "<City>, " ("Atlanta,
  Georgia"), before governor/legislature/Senate/state/county words, after "state of" or an
  office of a US state and "of" ("Governor Ann Miller of Georgia"), and
  within three tokens of another US state ("Georgia or Oklahoma"), and ("Georgia") in
  documents mentioning Atlanta but not Tbilisi; "Washington state", "Washington,
  D.C." and "George Washington" are blocking entries. Names that are also personal names
  ("Jordan", "Chad", "Washington") are dropped next to another capitalised word that is not a
  known name ("Michael Jordan"); single-word names followed by a capitalised non-name word are
  parts of longer names ("Moscow Exchange", "Russia Today" is a media entry) and dropped, except
  in title-case headlines. Acronyms in ALL-CAPS sentences are dropped ("LET US"); lower-case
  "us" never matches (names are case-sensitive).
* Self-references in speeches ("my country", "my delegation", "our Government") resolve to the
  document's speaking state (``speaker_column``; by default ``speaker_actor`` or, when every
  value is a known ISO3 code, ``country`` as in the UN General Debate corpus).
* Hyphenated compounds ("US-supplied", "Russian-backed", "pro-Russian") yield a mention of the
  part that is a name (``resolved_from="compound"``).

Not handled: pronouns, first-name-only references, nested organisations ("the EU's foreign
policy chief" gets EU but no person), languages ("in Russian"), metonyms of non-capital
cities (a region is always a place), ethnic names that are also regions ("Kachin rebels" is
a place row), and coreference across documents.

Notes:
    Actor and sector codes follow CAMEO (Schrodt 2012, *CAMEO Event and Actor Codebook*,
    v1.1b3); metonymy of capitals and the location/organisation reading follow Markert &
    Nissim (2007), "SemEval-2007 Task 08: Metonymy Resolution at SemEval-2007" (place-for-
    people readings are the regular metonymy of location names).

Example:
    >>> m = find_mentions("The Kremlin warned Washington on Monday.")
    >>> m[["text", "actor", "sector", "metonym"]].values.tolist()
    [['Kremlin', 'RUS', 'GOV', True], ['Washington', 'USA', 'GOV', True]]
"""
from __future__ import annotations

import bisect
import functools
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import lexicon as lexmod
from .config import LEXICON_DIR
from .annotator import Annotator
from .tokenize import column_list, document_order, iter_rows

MENTION_COLUMNS = ["doc_id", "sent_id", "start", "end", "tok_start", "tok_end", "text", "actor",
                   "actor_type", "sector", "person", "role", "kind", "metonym", "location",
                   "resolved_from", "rule", "entry", "source"]
BUNDLED = ("actors", "people")
ROLES_FILE = LEXICON_DIR / "people_roles.csv"
ENTRY_COLUMNS = ["entry", "category", "actor", "actor_type", "sector", "role", "person",
                 "match_on", "ambiguous", "note"]
CATEGORIES = ("state", "demonym", "capital", "seat", "institution", "org", "bloc", "nonstate",
              "media", "role", "self", "exclude", "person", "surname")
MODIFIER = frozenset({"state", "demonym", "capital", "seat", "org", "bloc", "nonstate", "media"})
ROLEISH = frozenset({"role", "institution"})
PERSONISH = frozenset({"person", "surname"})
# When several entries share a span, the first category here wins.
PRIORITY = {c: i for i, c in enumerate(("exclude", "person", "surname", "institution", "seat",
                                         "org", "media", "nonstate", "bloc", "state", "capital",
                                         "demonym", "self", "role"))}

# Roles that a person holds (a name may follow them; "the <role>" may refer back to a person).
PERSON_ROLES = frozenset({
    "president", "vice_president", "prime_minister", "chancellor", "monarch", "crown_prince",
    "head_of_state", "head_of_government", "leader", "foreign_minister", "defence_minister",
    "deputy_minister", "spokesperson", "national_security_adviser", "ambassador", "minister", "official",
    "secretary_general", "high_representative", "diplomat", "military", "legislature"})
# Roles used as titles before a name ("Foreign Minister Anna Kovac"); "governor" and "mayor" are
# titles but no person roles: "the governor" is too often another state's or city's than the
# last one named ("when I called the governor" after "Governor Newsom") to refer back.
TITLE_ROLES = frozenset({
    "president", "vice_president", "prime_minister", "chancellor", "monarch", "crown_prince",
    "leader", "foreign_minister", "defence_minister", "deputy_minister", "spokesperson",
    "national_security_adviser",
    "ambassador", "minister", "secretary_general", "high_representative", "legislature",
    "official", "governor", "mayor"})
# Role nouns of the military that are titles before a name ("RSF commander Ali X", "army chief
# General Y"); the plural and collective ones ("troops", "the army") are not.
TITLE_NOUNS = frozenset({"commander", "army chief", "military chief", "armed forces chief",
                         "defence chief", "defense chief", "intelligence chief", "spy chief",
                         "police chief", "chief of staff", "army chief of staff", "military chief of staff",
                         "aide", "adviser", "advisor"})
# A role noun and the roles of people_roles.csv it can refer to.
COMPATIBLE = {
    "president": {"president", "commission_president", "council_president"},
    "head_of_state": {"president", "monarch"},
    "head_of_government": {"prime_minister", "chancellor"},
    "leader": {"president", "prime_minister", "chancellor", "leader", "monarch"},
    "minister": {"foreign_minister", "defence_minister", "minister", "prime_minister",
                 "deputy_minister"},
    "ambassador": {"un_ambassador", "ambassador"},
}
# Roles of one person that "the <state> <role>" describes ("the Russian leader").
DESCRIBED_ROLES = frozenset({
    "president", "vice_president", "prime_minister", "chancellor", "monarch", "crown_prince",
    "head_of_state", "head_of_government", "leader", "foreign_minister", "defence_minister",
    "deputy_minister", "spokesperson", "national_security_adviser", "ambassador", "minister",
    "secretary_general", "high_representative"})
# Roles for which "<actor> <role>" names one office holder at a date.
DATED_ROLES = {
    "president": {"president"}, "vice_president": {"vice_president"},
    "prime_minister": {"prime_minister"}, "chancellor": {"chancellor"}, "monarch": {"monarch"},
    "head_of_government": {"prime_minister", "chancellor"}, "foreign_minister": {"foreign_minister"},
    "defence_minister": {"defence_minister"}, "secretary_general": {"secretary_general"},
    "high_representative": {"high_representative"},
    "national_security_adviser": {"national_security_adviser"},
}
# Role nouns that are often adjectives ("military aid", "intelligence report").
ADJECTIVAL_ROLES = frozenset({"military", "army", "intelligence", "media", "police", "navy",
                              "government", "opposition", "people", "state media", "security"})
# The sector of news outlets (CAMEO MED): a role noun of this sector makes its row an outlet's.
MEDIA_SECTOR = "MED"
# The ``role`` of an outlet its state or ruling party runs as its voice (KCNA, IRNA, Xinhua,
# SANA): the one definition; which outlets have it is data, the actors.csv rows of this role
# (their notes say whose outlet each is; actors.yaml, category media, gives the criterion).
# toolkit.speakers (the outlet speaks for its state) and toolkit.events (rule claim.state_media)
# import it.
STATE_MEDIA = "state_media"
FAMILY_NAME_FIRST = frozenset({"CHN", "PRK", "KOR", "VNM", "TWN", "HKG"})

LOCATIVE = frozenset({"in", "at", "inside", "outside", "near", "into", "across", "around",
                      "throughout", "within", "via", "through", "nearby", "outskirts"})
DIRECTIONAL = frozenset({"to", "from", "toward", "towards"})
MOTION = frozenset({"flight", "fly", "travel", "trip", "go", "come", "return", "arrive", "head",
                    "move", "journey", "visit", "way", "road", "route", "train", "bus", "drive",
                    "sail", "deport", "evacuate", "flee", "relocate", "transfer", "back",
                    "bound", "ticket", "commute", "march", "advance", "retreat", "walk",
                    "distance", "kilometre", "kilometer", "mile", "km", "path", "highway",
                    "rail", "railway", "ride", "escape", "withdraw", "missile",
                    "drone", "rocket"})
PLACE_VERBS = frozenset({"visit", "reach", "leave", "enter", "flee", "tour", "bomb", "shell",
                         "strike", "struck", "evacuate", "liberate", "capture", "besiege",
                         "encircle", "occupy", "attack", "hit", "target", "raid", "storm",
                         "defend", "surround", "approach"})
PLACE_NOUNS = frozenset({"outskirt", "outskirts", "centre", "center", "street", "mayor",
                         "resident", "suburb", "sky", "heart", "city", "airport", "region",
                         "downtown", "district", "area", "citizen", "capital", "skyline",
                         "inhabitant", "province", "part", "north", "south", "east", "west"})
US_STATE_AFTER = frozenset({"governor", "legislature", "senate", "senator", "state", "county",
                            "republicans", "democrats", "voters", "gov.", "house", "assembly",
                            "tech", "bulldogs", "supreme", "attorney", "secretary", "primary",
                            "election", "elections", "law", "laws"})
# Offices of a US state before "<name> of" it ("the governor of Georgia").
US_STATE_OFFICES = frozenset({"governor", "governors", "lieutenant", "senator", "senators",
                              "congressman", "congresswoman", "attorney", "legislature"})
US_STATE_CONTEXT = {"Georgia": ("Atlanta", "Tbilisi")}
# Another US state within three tokens ("Georgia or Oklahoma") makes Georgia/Washington a state.
US_STATES = frozenset("""Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware
Florida Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania
Tennessee Texas Utah Vermont Virginia Wisconsin Wyoming Carolina Dakota Hampshire Jersey Mexico
Island""".split())
# The states and provinces of the US and Canada whose name after "<town>, " makes the town theirs
# ("Moscow, Idaho", "London, Ontario", "Cuba, New York"): whole names, one or two tokens, so a
# bare "Mexico" or "Jersey" in a list of states is no state of the US.
NA_SUBNATIONAL = frozenset("""Alabama Alaska Arizona Arkansas California Colorado Connecticut
Delaware Florida Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon
Pennsylvania Tennessee Texas Utah Vermont Virginia Wisconsin Wyoming Georgia Ontario
Quebec Alberta Manitoba Saskatchewan Newfoundland Yukon""".split()) | frozenset({
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "South Carolina",
    "North Dakota", "South Dakota", "Rhode Island", "West Virginia", "British Columbia",
    "Nova Scotia", "New Brunswick", "Prince Edward"})
LIST_WORDS = frozenset({"and", "or", "&"})
# Tokens that close a place named in apposition ("Moscow, Idaho, said").
APPOSITION_END = frozenset({",", ".", ";", ":", ")", "!", "?", "—", "–", "-", "--"})
NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "al", "bin", "bint", "ibn", "da", "di",
                            "la", "le", "del", "dos", "du", "el", "ter", "zu"})
# A lower-case Arabic article or kinship word joined to a name part ("al-Khulaifi", "bin-Zayed").
_PARTICLE_NAME = re.compile(r"^(?:al|el|ad|ash|as|at|ar|an|az|ad|ud|ul|bin|ibn|abu)-[A-Z]")
# Military ranks and forms of address between a title and a name ("military spokesman Major
# General Tariq X", "army spokesman Lt. Col. Y"): part of the phrase, not of the person's name.
RANKS = frozenset({"General", "Gen", "Major", "Maj", "Lieutenant", "Lt", "Colonel", "Col",
                   "Brigadier", "Brig", "Admiral", "Adm", "Rear", "Vice", "Captain", "Capt",
                   "Commander", "Cmdr", "Sergeant", "Sgt", "Marshal", "Air", "Field", "Warrant",
                   "Officer", "Chief", "Dr", "Mr", "Mrs", "Ms"})
NOT_NAMES = frozenset(["The", "A", "An", "And", "But", "Or", "Nor", "For", "On", "In", "At", "To", "From", "With", "By", "Of", "As", "If", "When", "While", "After", "Before", "Since", "Until", "During", "Because", "Although", "Though", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "My", "Your", "This", "That", "These", "Those", "There", "Here", "Then", "Also", "Now", "Today", "Yesterday", "Tomorrow", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Who", "What", "Which", "Where", "Why", "How", "Meanwhile", "However", "Earlier", "Later", "Last", "Next", "Speaking", "Asked", "According", "Said", "Says"])
WEEKDAYS_MONTHS = frozenset(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"])
# Capitalised words that make a run of capitalised words a name of something else.
NOT_NAME_WORDS = frozenset(["Committee", "Commission", "Council", "Assembly", "Organization", "Organisation", "Nations", "United", "War", "World", "Sciences", "Science", "Republic", "Union", "Group", "Agency", "Programme", "Program", "Fund", "Conference", "Summit", "Agreement", "Treaty", "Court", "Bank", "Forum", "Initiative", "Declaration", "Agenda", "Goals", "Goal", "Development", "Highness", "Excellency", "Majesty", "Government", "Ministry", "Department", "Office", "Party", "Front", "Movement", "Army", "Forces", "Association", "Institute", "University", "Centre", "Center", "Foundation", "Company", "Corporation", "Sea", "Ocean", "River", "Islands", "Island", "Peninsula", "Strait", "Gulf", "Mountains", "Day", "Year", "Act", "Law", "Europe", "Asia", "Africa", "Americas", "Pacific", "Atlantic", "Charter", "Convention", "Protocol", "Plan", "Process", "Mission", "Operation", "Coalition", "Alliance", "Community", "Region", "State", "States", "Kingdom", "Federation", "People", "Prize", "Meeting", "Plus", "Pro", "Tempore", "Secretariat", "Security", "General", "Session", "Summit", "Panel", "Board", "Authority", "Service", "Services", "Network", "Platform", "Framework", "Compact", "Strategy", "Partnership", "Facility", "Report", "Resolution", "Parliament", "Congress", "Senate", "House", "Palace", "Square", "Street", "Airport", "Station", "Hospital", "School", "Church", "Mosque", "Cathedral", "Media", "Press", "News", "Times", "Post", "Journal", "Agency", "Television", "Radio", "Affairs", "Minister", "Ministers", "President"])
# Place readings: a capital or state name followed by an event noun is its place or its name
# ("the Paris climate summit", "the Minsk talks").
EVENT_NOUNS = frozenset({"summit", "conference", "conferences", "talks", "meeting", "meetings",
                         "process", "format", "agreement", "agreements", "accord", "accords",
                         "declaration", "negotiations", "protocol", "statute", "principles",
                         "document", "communique", "communiqué", "consensus", "outcome", "round",
                         "forum", "dialogue", "group", "club", "metro", "airport", "embassy",
                         "climate", "peace", "programme", "program", "plan", "initiative",
                         "framework", "memorandum", "outcomes", "compact", "commitments",
                         "action", "agenda", "consultations", "conventions", "convention"})
DETERMINERS = frozenset({"the", "a", "an"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# Bare heads a state's portfolio word may precede ("Kestrian Interior Minister").
PORTFOLIO_HEADS = frozenset({"minister", "ministry"})
_ACRONYM = re.compile(r"^(?:[A-Z][A-Z0-9.&-]*[A-Z0-9.]|[A-Z]\d+)$")


class GazetteerError(ValueError):
    """A user gazetteer file is malformed; the message names the file, line and valid values."""


# ----------------------------------------------------------------------------- gazetteer
@dataclass(frozen=True, eq=False)
class Gazetteer:
    """The bundled gazetteer plus any user files, compiled for one matching pass.

    Attributes:
        lexicon: one :class:`toolkit.lexicon.Lexicon` holding every entry (column
            ``gazetteer`` = the ``name@version`` of the file the entry came from).
        roles: time-bounded roles: ``person, actor, sector, role, valid_from, valid_to``
            (Timestamps, ``valid_to`` exclusive, NaT = open).
        actor_types: ``actor code -> actor_type``.
        tags: ``name@version`` of every file, bundled first.
    """

    lexicon: lexmod.Lexicon
    roles: pd.DataFrame
    actor_types: dict
    tags: tuple
    _cache: dict = field(default_factory=dict, repr=False)

    @property
    def entries(self) -> pd.DataFrame:
        return self.lexicon.entries

    def records(self) -> list[dict]:
        """Entries as a list of dicts indexed by ``entry_id`` (built once)."""
        if "records" not in self._cache:
            # as ``to_dict("records")`` gives them (Python values, NaN for missing), ten times faster
            ents = self.entries
            cols = list(ents.columns)
            self._cache["records"] = [dict(zip(cols, row))
                                      for row in zip(*(ents[c].tolist() for c in cols))]
        return self._cache["records"]

    def compound_parts(self) -> dict[str, int]:
        """Single-token, case-sensitive names usable inside hyphenated compounds."""
        if "compound" not in self._cache:
            ents = self.entries
            keep = ents["category"].isin(["state", "demonym", "capital", "org", "bloc", "nonstate"])
            single = ~ents["entry"].str.contains(r"[\s.\-']", regex=True)
            out: dict[str, int] = {}
            for eid, entry in zip(ents.loc[keep & single, "entry_id"], ents.loc[keep & single, "entry"]):
                out.setdefault(entry, int(eid))
            self._cache["compound"] = out
        return self._cache["compound"]

    def roles_of(self, person: str) -> pd.DataFrame:
        """The role periods of ``person`` (canonical name), latest first."""
        by = self._cache.get("roles_by")
        if by is None:
            by = {p: g.sort_values("valid_from", ascending=False, na_position="last")
                  for p, g in self.roles.groupby("person", sort=False)}
            self._cache["roles_by"] = by
        return by.get(person, self.roles.iloc[0:0])

    def role_at(self, person: str, date=None) -> dict | None:
        """The role period of ``person`` at ``date`` (latest period when no date fits or none given).

        Example:
            >>> g = load_gazetteer()
            >>> g.role_at("Vladimir Putin", pd.Timestamp("2010-01-01"))["role"]
            'prime_minister'
        """
        periods = self.roles_of(person)
        if periods.empty:
            return None
        if date is not None and not pd.isna(date):
            inside = periods[((periods["valid_from"].isna()) | (periods["valid_from"] <= date))
                             & ((periods["valid_to"].isna()) | (date < periods["valid_to"]))]
            if len(inside):
                return inside.iloc[0].to_dict()
        return periods.iloc[0].to_dict()

    def holders(self, actor: str, roles: set, date) -> list[str]:
        """People holding one of ``roles`` for ``actor`` at ``date``.

        Example:
            >>> load_gazetteer().holders("USA", {"foreign_minister"}, pd.Timestamp("2024-09-11"))
            ['Antony Blinken']
        """
        by_actor = self._cache.get("roles_by_actor")
        if by_actor is None:  # asked once per mention: index the roles table once
            by_actor = {}
            for person, who, role, start, end in iter_rows(self.roles, "person", "actor", "role",
                                                           "valid_from", "valid_to"):
                by_actor.setdefault(who, []).append((person, role, start, end))
            self._cache["roles_by_actor"] = by_actor
        return sorted({person for person, role, start, end in by_actor.get(actor, ())
                       if role in roles and (pd.isna(start) or start <= date)
                       and (pd.isna(end) or date < end)})


def _read_roles(path: Path, tag: str) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"person", "actor", "role"} - set(df.columns)
    if missing:
        raise GazetteerError(f"{path}: missing columns {sorted(missing)}; a roles table has "
                             "person, actor, sector, role, valid_from, valid_to")
    return _roles_frame(df, path, tag)


def _roles_frame(df: pd.DataFrame, path, tag: str) -> pd.DataFrame:
    out = pd.DataFrame({c: df.get(c, pd.Series([""] * len(df))).astype(str).values
                        for c in ("person", "actor", "sector", "role")})
    for col in ("valid_from", "valid_to"):
        vals = df.get(col, pd.Series([""] * len(df))).astype(str).str.strip().replace("", None)
        try:
            out[col] = pd.to_datetime(vals.values, format="%Y-%m-%d")
        except (ValueError, TypeError) as exc:
            raise GazetteerError(f"{path}: column {col!r} must hold dates as YYYY-MM-DD or be "
                                 f"empty ({exc})") from None
    out["gazetteer"] = tag
    return out


def _user_entries(path: Path) -> tuple[pd.DataFrame, str]:
    """Read a user gazetteer: a CSV, with or without a lexicon YAML beside it."""
    path = Path(path)
    if path.suffix not in (".csv", ".yaml", ".yml"):
        raise GazetteerError(f"gazetteer {path}: expected a .csv file (optionally with a .yaml "
                             "beside it)")
    csv = path.with_suffix(".csv")
    yml = path.with_suffix(".yaml")
    if not csv.exists():
        raise FileNotFoundError(f"gazetteer {csv} not found")
    if yml.exists():
        lex = lexmod.load(yml)
        df = lex.entries.drop(columns="entry_id")
        tag = lex.tag
    else:
        df = pd.read_csv(csv, dtype=str, keep_default_na=False)
        tag = f"{csv.stem}@unversioned"
        if "entry" not in df.columns or "category" not in df.columns:
            raise GazetteerError(f"{csv} line 1: missing column 'entry' or 'category'; "
                                 f"columns are {list(df.columns)}")
    for i, (entry, cat) in enumerate(iter_rows(df, "entry", "category"), start=2):
        if cat not in CATEGORIES:
            raise GazetteerError(f"{csv} line {i}: `category` value = {cat!r} is invalid; "
                                 f"value must be one of {list(CATEGORIES)}")
        if not str(entry).strip():
            raise GazetteerError(f"{csv} line {i}: empty entry")
    df = df.copy()
    df["entry"] = df["entry"].astype(str).str.strip()
    if "person" in df.columns:
        df["person"] = np.where((df["category"] == "person") & (df["person"] == ""),
                                df["entry"], df["person"])
    return df, tag


def _normalise(df: pd.DataFrame, tag: str) -> pd.DataFrame:
    out = pd.DataFrame({c: df[c].astype(str).values if c in df.columns else [""] * len(df)
                        for c in ENTRY_COLUMNS})
    out["match_on"] = out["match_on"].replace("", "text")
    out["gazetteer"] = tag
    return out


def _is_versioned(csv_path: str) -> bool:
    return Path(csv_path).with_suffix(".yaml").is_file()


@functools.lru_cache(maxsize=16)
def _load_cached(extra: tuple[tuple[str, float], ...], stamp: tuple[float, ...]) -> Gazetteer:
    frames, role_frames, tags = [], [], []
    # A versioned file named like a bundled gazetteer (an overlay's, or a user's own) is read
    # in its place, so an overlay's removed and replaced entries are gone, as for every step.
    instead = {lexmod.lexicon_name(p): p for p, _ in extra if _is_versioned(p)}
    instead = {k: v for k, v in instead.items() if k in BUNDLED}
    for name in BUNDLED:
        lex = lexmod.load(Path(instead[name]).with_suffix(".yaml") if name in instead else name)
        frames.append(_normalise(lex.entries, lex.tag))
        tags.append(lex.tag)
    people_tag = tags[BUNDLED.index("people")]
    role_frames.append(_read_roles(ROLES_FILE, people_tag))
    # User files come first so their entries win ties on the same span.
    user_frames = []
    for path, _ in extra:
        if path in instead.values():
            continue
        df, tag = _user_entries(Path(path))
        norm = _normalise(df, tag)
        user_frames.append(norm)
        tags.append(tag)
        persons = df[df["category"] == "person"]
        if len(persons) and "role" in persons.columns:
            with_role = persons[persons["role"].astype(str) != ""]
            role_frames.append(_roles_frame(with_role.reset_index(drop=True), path, tag))
    entries = pd.concat(user_frames + frames, ignore_index=True)
    entries = entries.drop_duplicates(["entry", "category", "actor", "person", "match_on"], keep="first")
    entries = entries.reset_index(drop=True)
    entries.insert(0, "entry_id", np.arange(len(entries), dtype="int64"))
    roles = pd.concat(role_frames, ignore_index=True)
    meta = {"name": "actors", "version": "+".join(tags), "description": "combined gazetteer",
            "categories": {c: "" for c in CATEGORIES}, "match_on": "text", "sources": [],
            "changelog": [{"version": "+".join(tags)}], "max_gap": 0}
    lex = lexmod.Lexicon(name="actors", version="+".join(tags), meta=meta, entries=entries)
    types = {}
    for actor, atype in iter_rows(entries, "actor", "actor_type"):
        if actor and atype and actor not in types:
            types[actor] = atype
    return Gazetteer(lexicon=lex, roles=roles, actor_types=types, tags=tuple(tags))


def load_gazetteer(extra: str | Path | Sequence[str | Path] | None = None) -> Gazetteer:
    """Load the bundled gazetteer plus the user's files (cached until a file changes).

    A user file is a CSV with the columns of ``lexicons/actors.csv`` (``entry, category, actor,
    actor_type, sector, role, match_on, note``; ``match_on`` defaults to case-sensitive
    ``text``) and, for people, ``person, role, sector, valid_from, valid_to`` on ``person`` rows.
    A ``.yaml`` beside it (lexicon metadata: name, version, sources ...) is validated and its
    ``name@version`` stamped on the rows it yields; without one the tag is
    ``<file stem>@unversioned``. A file is added in front of the bundled gazetteer (its
    entries win ties), except one whose YAML ``name`` is ``actors`` or ``people`` (an overlay
    written by :func:`toolkit.lexicon.overlay_options`, or a full copy of your own): it is
    read in place of that bundled lexicon.

    Args:
        extra: one path or a list of paths to user CSV files.

    Raises:
        GazetteerError: a file is malformed (the message names the line and the valid values).

    Example:
        >>> g = load_gazetteer()
        >>> [t.split("@")[0] for t in g.tags]
        ['actors', 'people']
        >>> g.actor_types["NATO"], g.actor_types["RUS"]
        ('igo', 'state')
    """
    if extra is None:
        paths: list[Path] = []
    elif isinstance(extra, (str, Path)):
        paths = [Path(extra)]
    else:
        paths = [Path(p) for p in extra]
    keyed = []
    for p in paths:
        csv = p.with_suffix(".csv") if p.suffix in (".yaml", ".yml") else p
        if not csv.exists():
            raise FileNotFoundError(f"gazetteer {csv} not found")
        yml = csv.with_suffix(".yaml")
        keyed.append((str(csv.resolve()), csv.stat().st_mtime + (yml.stat().st_mtime if yml.exists() else 0)))
    return _load_cached(tuple(keyed), tuple([os.stat(p).st_mtime for p in _BUNDLED_FILES]))


# The bundled files whose times key the cache, as strings (os.stat of a string is the cheapest
# check: the speakers and quotes steps load the gazetteer for each document).
_BUNDLED_FILES = tuple(str(LEXICON_DIR / f"{n}.{s}") for n in BUNDLED for s in ("csv", "yaml")) + (str(ROLES_FILE),)


# ----------------------------------------------------------------------------- matching
@dataclass
class _Hit:
    t0: int          # token index within the document (tok_id)
    t1: int          # exclusive
    start: int       # character offsets
    end: int
    rec: dict        # the gazetteer entry
    compound: bool = False
    # the entry's category, read by the rules about ten times per hit: set once (a bare
    # head made by a rule, which has none, has no attribute: reading it fails, as before)
    cat: str = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        if "category" in self.rec:
            self.cat = self.rec["category"]


@dataclass
class _Doc:
    """Token columns of one document (lists for speed) and its context."""

    doc_id: str
    text: str
    toks: list
    lower: list
    lemma: list
    sent: list
    starts: list
    ends: list
    date: Any
    speaker: str | None
    sent_first: dict = field(default_factory=dict)

    def is_sent_start(self, t: int) -> bool:
        return t == 0 or self.sent[t - 1] != self.sent[t]

    def title_case(self, t: int) -> bool:
        """Is the sentence holding token ``t`` mostly capitalised words (a headline)?"""
        s = self.sent[t]
        if s not in self.sent_first:
            # a document's sentence ids never decrease: the sentence is one run of tokens
            a, b = bisect.bisect_left(self.sent, s), bisect.bisect_right(self.sent, s)
            words = [w for w in self.toks[a:b] if w[:1].isalpha()]
            caps = sum(1 for w in words if w[:1].isupper())
            upper = sum(1 for w in words if w.isupper() and len(w) > 1)
            self.sent_first[s] = (len(words) >= 4 and caps / len(words) >= 0.8,
                                  len(words) >= 3 and upper / len(words) >= 0.6)
        return self.sent_first[s][0]

    def all_caps(self, t: int) -> bool:
        self.title_case(t)
        return self.sent_first[self.sent[t]][1]


def _is_cap_word(w: str) -> bool:
    return bool(w) and w[0].isupper() and any(c.isalpha() for c in w)


def _is_acronym(entry: str) -> bool:
    return bool(_ACRONYM.match(entry))


# ----------------------------------------------------------------------------- rules
# The rules that turn the gazetteer hits of one document into mention rows. Each is a small
# function with an id (the ``rule`` column of the row it makes); :func:`_resolve` applies them
# in the order of :data:`PHRASE_RULES` and :data:`DOCUMENT_RULES`, and nothing else decides.
@dataclass
class _State:
    """What the rules of one document share, and all they share.

    Attributes:
        g: the gazetteer.
        d: the document's tokens and context.
        hits: its gazetteer hits in token order.
        covered: tokens inside a hit (a name run never crosses one).
        rows: the rows made so far (an apposition may absorb a role phrase into the row before it).
        memo: per-document answers asked more than once (the US-state context of a name).
    """

    g: Gazetteer
    d: _Doc
    hits: list[_Hit]
    covered: set[int] = field(default_factory=set)
    rows: list[dict] = field(default_factory=list)
    memo: dict = field(default_factory=dict)

    @classmethod
    def of(cls, gaz: Gazetteer, doc: _Doc, hits: list[_Hit]) -> _State:
        covered: set[int] = set()
        for h in hits:
            if not h.compound:
                covered.update(range(h.t0, h.t1))
        return cls(gaz, doc, hits, covered)


@dataclass
class _Phrase:
    """A candidate noun phrase: its hits, the actor phrase an "of/for" attaches, an unknown name
    after a title (token span), the token it ends before, and the index of the next hit to read."""

    group: list[_Hit]
    j: int
    end_t: int
    attach: _Hit | None = None
    unknown: tuple[int, int] | None = None
    adjectival: bool = False   # a lone role noun used as an adjective: no mention

    @property
    def kinds(self) -> list[str]:
        return [g.rec["category"] for g in self.group]

    # The rules ask these several times per phrase: plain loops over the (one to three) hits,
    # without building the list of kinds each time.
    @property
    def has_role(self) -> bool:
        for g in self.group:
            if g.rec["category"] in ROLEISH:
                return True
        return False

    @property
    def has_person(self) -> bool:
        for g in self.group:
            if g.rec["category"] in PERSONISH:
                return True
        return False


# -- filters on single hits -------------------------------------------------------------
def _keep(st: _State, h: _Hit) -> bool:
    """Is hit ``h`` a name of an actor here (not "Michael Jordan", "Moscow Exchange", "LET US")?"""
    d, rec = st.d, h.rec
    if h.cat == "exclude":
        return False
    entry, amb = rec["entry"], rec.get("ambiguous") or ""
    n = len(d.toks)
    if _is_acronym(entry) and d.all_caps(h.t0):
        return False
    prev = d.toks[h.t0 - 1] if h.t0 > 0 and d.sent[h.t0 - 1] == d.sent[h.t0] else ""
    nxt = d.toks[h.t1] if h.t1 < n and d.sent[h.t1] == d.sent[h.t0] else ""
    single = h.t1 - h.t0 == 1
    if "us_state" in amb and _us_state(st, h, prev, nxt):
        return False
    if "outlet" in amb and not _outlet_context(d, h) and not (
            _other_owner(st, h, same=True) and d.lemma[h.t1 if h.t1 < n else h.t0] in OWNED_OUTLET_VERBS):
        return False  # "Fars province", "the MENA region", "Operation Dawn"
    if h.cat == "media" and _is_acronym(entry) and _spelled_otherwise(d, h):
        return False  # "The AFP, Armed Forces of the Philippines, said"
    if nxt.startswith("@") and h.cat == "media":
        return False  # "RT @user:": a retweet mark before a handle
    if "shared" in amb and _shared_elsewhere(st, h):
        return False  # "Congress in Lima", "the Foreign Office in Berlin", "Congress MP X"
    if nxt.lower() in WATER_NOUNS and _is_region(rec):
        return False  # "the Helmand river": the river, not the province
    if nxt == "," and h.cat in PLACE_CATS and (_na_subnational_at(d, h.t1 + 1) or (
            h.cat in ("capital", "seat")) and _other_state_at(st, h)):
        return False  # "Moscow, Idaho", "Lebanon, Pennsylvania", "Tripoli, Lebanon": the town
    if _is_contested(rec) and nxt and _is_cap_word(nxt) and nxt.lower() not in REGION_WORDS \
            and nxt not in NOT_NAMES and not d.title_case(h.t0):
        return False  # "the Donetsk News Agency": an outlet's or body's name, not the place
    if h.cat == "state" and single and _surname_at(st, h.t1) and prev != ",":
        return False  # "Georgia Meloni": a given name before a known surname
    if "generic" in amb and _other_owner(st, h) and not (h.cat == "org" and d.lower[h.t1 if h.t1 < n else h.t0] in UN_BODY_NOUNS):
        return False  # "Iraq's National News Agency", "Russia's Security Council warned"
    if "person" in amb and prev and _is_cap_word(prev) and (h.t0 - 1) not in st.covered \
            and prev not in WEEKDAYS_MONTHS \
            and prev.rstrip(".") not in NOT_NAMES and not d.title_case(h.t0):
        return False  # "Michael Jordan", "George Washington"
    if single and h.cat in ("state", "capital", "demonym", "bloc", "institution") \
            and not _is_acronym(entry) and nxt and _is_cap_word(nxt) and h.t1 not in st.covered \
            and nxt not in WEEKDAYS_MONTHS and nxt not in NOT_NAMES and not d.title_case(h.t0) \
            and not _before_portfolio(st, h) and not (_is_region(rec) and nxt.lower() in REGION_UNITS):
        return False  # part of a longer name: "Moscow Exchange" (not "Luhansk Region", "Donetsk City")
    if h.cat == "bloc" and entry.lower().startswith("the ") and nxt and _is_cap_word(nxt) \
            and h.t1 not in st.covered and not d.title_case(h.t0):
        return False  # "the West Bank": the blocking entry lost to the leftmost match
    return True


# Nouns after a region's name that make it another feature's name ("the Helmand river").
WATER_NOUNS = frozenset({"river", "canal", "dam", "reservoir", "lake"})
# Nouns after "<state>'s Security Council" that show the UN's council, not the state's own
# ("Russia's Security Council veto", "China's Security Council seat").
UN_BODY_NOUNS = frozenset({"seat", "veto", "vetoes", "vote", "votes", "resolution", "resolutions",
                           "membership", "member", "members", "presidency", "meeting", "session",
                           "draft", "debate", "ally", "allies", "partner", "partners",
                           "colleague", "colleagues", "counterpart", "counterparts"})


# Words around an outlet's name that show it is the outlet (ambiguous flag ``outlet``): a
# medium after it or before it ("Dawn newspaper", "the daily Dawn"), a verb of reporting after
# it ("Fars reported"), a verb or preposition of speaking to it before it ("told Dawn", "in an
# interview with Mehr"). Lemmas, lower case. A person, a party or a place has none of these:
# "said", "added" or "with" alone do not make "Petra", "PTI" or "Dawn" an outlet ("Petra said
# she was afraid", "talks with PTI"), nor do nouns a place or a region also takes ("the Petra
# site", "the MENA correspondent").
OUTLET_NOUNS = frozenset({"news", "newspaper", "daily", "agency", "broadcaster", "television",
                          "tv", "radio", "channel", "outlet", "website", "paper", "weekly",
                          "network"})
OUTLET_VERBS = frozenset({"report", "quote", "cite", "publish", "carry", "air", "broadcast"})
OUTLET_BEFORE = frozenset({"tell", "told", "cite", "citing", "quote", "quoting"})
# "to" before an outlet only after a verb of speaking ("speaking to Dawn", "according to Fars");
# "with" only after an interview ("in an interview with Mehr").
OUTLET_TO = frozenset({"speak", "speaking", "talk", "talking", "according", "say", "said",
                       "interview", "statement", "statements", "comment", "comments", "remark"})
OUTLET_WITH = frozenset({"interview", "interviews"})
# Verbs after an outlet's name that show the outlet when its own state owns the phrase
# ("Israel's Channel 12 said", "Pakistan's Dawn said"; not "Iran's Fars province").
OWNED_OUTLET_VERBS = OUTLET_VERBS | {"say", "add", "claim", "write"}


def _outlet_context(d: _Doc, h: _Hit) -> bool:
    """Is the ambiguous outlet name of hit ``h`` used as the outlet ("Fars reported", "Dawn
    newspaper", "told Dawn", "speaking to Petra", "the Iranian agency Mehr"), not as a place, a
    region, a person, a party or a word ("Fars province", "the MENA region", "Operation Dawn",
    "returned to Petra", "Petra said she", "talks with PTI")?

    Example:
        >>> find_mentions("Floods hit Fars province. Fars news agency said so.")["text"].tolist()
        ['Fars news agency']
    """
    s, n = d.sent[h.t0], len(d.toks)
    k = h.t1 + (h.t1 < n and d.toks[h.t1] in POSSESSIVE)
    if k < n and d.sent[k] == s and (d.lower[k] in OUTLET_NOUNS or d.lemma[k] in OUTLET_VERBS):
        return True
    p = h.t0 - 1
    if p >= 0 and d.lower[p] in DETERMINERS and d.sent[p] == s:
        p -= 1
    if p < 0 or d.sent[p] != s:
        return False
    if d.lower[p] in OUTLET_NOUNS or d.lemma[p] in OUTLET_NOUNS:
        return True
    if d.toks[p] in (",", "(") and p > 0 and d.sent[p - 1] == s and d.lower[p - 1] in OUTLET_NOUNS:
        return True  # "the Iranian Students' News Agency, ISNA,": the acronym of the agency
    if d.lower[p] in ("to", "with") and p > 0 and d.sent[p - 1] == s:
        words = OUTLET_TO if d.lower[p] == "to" else OUTLET_WITH
        return d.lower[p - 1] in words or d.lemma[p - 1] in words
    return d.lower[p] in OUTLET_BEFORE or d.lemma[p] in OUTLET_BEFORE


# Places around an institution that several states have (flag ``shared``: "Congress", "the
# Foreign Office", "the Defense Department") and words that make "Congress" India's party.
PLACE_CATS = frozenset({"state", "capital", "demonym", "seat"})
INDIA_CONGRESS = frozenset({"bjp", "gandhi", "lok", "sabha", "rajya", "modi"})
INDIA_CONGRESS_AFTER = frozenset({"party", "mp", "mps", "lawmaker", "workers"})


ACRONYM_FILLERS = frozenset({"of", "the", "and", "for", "de", "&"})


def _spelled_otherwise(d: _Doc, h: _Hit) -> bool:
    """Is the acronym of hit ``h`` spelled out right after it as something else ("AFP, Armed
    Forces of the Philippines,"): capitalised words whose initials are the acronym?"""
    k, n, s = h.t1, len(d.toks), d.sent[h.t0]
    if k >= n or d.toks[k] not in (",", "(") or d.sent[k] != s:
        return False
    initials = []
    for i in range(k + 1, min(k + 12, n)):
        w = d.toks[i]
        if d.sent[i] != s or w in (",", ")"):
            break
        if w.lower() in ACRONYM_FILLERS:
            continue
        if not _is_cap_word(w):
            return False
        initials.append(w[0])
    return len(initials) >= 2 and "".join(initials) == h.rec["entry"] and \
        not any(d.lower[i] in OUTLET_NOUNS for i in range(k + 1, min(k + 12, n)) if d.sent[i] == s)


def _hit_at(st: _State, t: int) -> _Hit | None:
    """The gazetteer hit that starts at or covers token ``t``, if any."""
    for h in st.hits:
        if h.t0 <= t < h.t1:
            return h
        if h.t0 > t:
            break
    return None


def _shared_elsewhere(st: _State, h: _Hit) -> bool:
    """Does the phrase or sentence of the shared institution ``h`` put it in another state
    ("Congress in Lima", "The Defense Department of the Philippines", "a Foreign Office
    spokesman in Berlin", "Kenyan Congress of Trade Unions", India's "Congress MP X",
    "Congress and the BJP")? A modifier before it ("German Foreign Office") names its state;
    a place of that state or of the institution's own after it keeps it ("Congress in
    Washington")."""
    d, n, s = st.d, len(st.d.toks), st.d.sent[h.t0]
    own = {h.rec.get("actor")}
    prev = _hit_at(st, h.t0 - 1 - (h.t0 > 1 and d.toks[h.t0 - 1] in POSSESSIVE)) if h.t0 > 0 else None
    if prev is not None and prev.cat in PLACE_CATS:
        own.add(prev.rec.get("actor"))
    if h.rec["entry"].lower() == "congress" and prev is None:
        if h.t1 < n and d.lower[h.t1] in INDIA_CONGRESS_AFTER:
            return True  # "Congress MP Shashi X", "the Congress party"
        a, b = bisect.bisect_left(d.sent, s), bisect.bisect_right(d.sent, s)
        if any(d.lower[k] in INDIA_CONGRESS for k in range(a, b)) or any(
                g.rec.get("actor") == "IND" and a <= g.t0 < b for g in st.hits):
            return True  # "Congress won 99 seats in India's election", "Congress and the BJP"
    k = h.t1
    role = _hit_at(st, k) if k < n else None
    if role is not None and role.t0 == k and role.cat == "role":
        k = role.t1  # "a Foreign Office spokesman in Berlin" (not "the State Department from
        # the embassy in Beijing")
    if k + 1 >= n or d.sent[k + 1] != s or d.lower[k] not in ("in", "of"):
        return False
    j = k + 1 + (d.lower[k + 1] == "the" and k + 2 < n)
    place = _hit_at(st, j)
    if place is not None and place.cat in PLACE_CATS:
        return d.lower[k] == "in" and place.rec.get("actor") not in own
    w = d.toks[j]
    if not _is_cap_word(w) or w in WEEKDAYS_MONTHS or w in NOT_NAMES:
        return False
    # an unknown name, with no state before: "Congress in Lima", "the State Department of Sao
    # Paulo" (a place of the gazetteer after "of" is the owner: "the Congress of Peru")
    return len(own) == 1


def _other_owner(st: _State, h: _Hit, *, same: bool = False) -> bool:
    """Does another state's possessive or demonym stand before the generic outlet name ``h``
    ("Iraq's National News Agency", "the Syrian National News Agency")? With ``same``: the
    outlet's own state's ("Israel's Channel 12", an outlet's context)."""
    d = st.d
    t = h.t0 - 1
    if t >= 0 and d.toks[t] in POSSESSIVE:
        t -= 1
    prev = _hit_at(st, t) if t >= 0 else None
    if prev is None or prev.cat not in PLACE_CATS:
        return False
    return (prev.rec.get("actor") == h.rec.get("actor")) == same


def _generic_body_of(st: _State, ph: _Phrase) -> None:
    """"the Security Council of Armenia": a body with a generic name (flag ``generic``) followed
    by "of [the] <state>" is that state's; the state is attached to the phrase (:func:`rule_name`),
    "of the United Nations", an organisation, is not."""
    h, d = ph.group[0], st.d
    if len(ph.group) != 1 or h.cat != "org" or "generic" not in (h.rec.get("ambiguous") or "") \
            or h.t1 + 1 >= len(d.toks) or d.lower[h.t1] != "of" or ph.j >= len(st.hits):
        return
    k = h.t1 + 1 + (d.lower[h.t1 + 1] == "the")
    nxt = st.hits[ph.j]
    if nxt.t0 == k and not nxt.compound and nxt.cat == "state" and not _is_region(nxt.rec) \
            and d.sent[k] == d.sent[h.t0] and _keep(st, nxt):
        ph.attach, ph.j, ph.end_t = nxt, ph.j + 1, nxt.t1


def _before_portfolio(st: _State, h: _Hit) -> bool:
    """Is hit ``h`` a state's name before a portfolio ("Kestrian Interior Minister")?"""
    if h.cat not in ("state", "demonym"):
        return False
    i = bisect.bisect_left([x.t0 for x in st.hits], h.t1 + 1)  # hits are few per document
    return any(_portfolio_gap(st.d, h, b) for b in st.hits[i:i + 2])


def _us_state(st: _State, h: _Hit, prev: str, nxt: str) -> bool:
    d = st.d
    if prev == "," and h.t0 >= 2 and _is_cap_word(d.toks[h.t0 - 2]) and ((h.t0 - 2) not in st.covered or (
            nxt.lower() not in LIST_WORDS and _town_before(st, h.t0 - 1))):
        return True  # "Atlanta, Georgia", "Athens, Georgia" (not "Armenia, Georgia and Azerbaijan")
    after = d.lower[h.t1 + 1] if nxt in POSSESSIVE and h.t1 + 1 < len(d.toks) else nxt.lower()
    if after in US_STATE_AFTER:
        return True
    if h.t0 >= 2 and d.lower[h.t0 - 1] == "of" and nxt not in POSSESSIVE and (d.lower[h.t0 - 2] == "state" or any(
            d.lower[k] in US_STATE_OFFICES for k in range(max(0, h.t0 - 5), h.t0 - 1))):
        return True  # "the state of Georgia", "Governor Brian Kemp of Georgia" (not "the
        # governor of Georgia's central bank": the office is the bank's)
    near = range(max(0, h.t0 - 3), min(len(d.toks), h.t1 + 3))
    if any(d.toks[k] in US_STATES and d.sent[k] == d.sent[h.t0] for k in near if not h.t0 <= k < h.t1):
        return True
    ctx = US_STATE_CONTEXT.get(h.rec["entry"])
    if ctx:
        key = ("ctx",) + ctx
        if key not in st.memo:
            st.memo[key] = ctx[0] in d.toks and ctx[1] not in d.toks
        return st.memo[key]
    return False


def _town_before(st: _State, t: int) -> bool:
    """Does a capital or a region's name end at token ``t`` ("Athens" in "Athens, Georgia")?"""
    i = bisect.bisect_left([x.t1 for x in st.hits], t)
    if i >= len(st.hits) or st.hits[i].t1 != t:
        return False
    h = st.hits[i]
    return h.cat in ("capital", "seat") or _is_region(h.rec)


def _na_subnational_at(d: _Doc, t: int) -> bool:
    """Does a US state or Canadian province (:data:`NA_SUBNATIONAL`) start at token ``t``, in the
    sentence of the token before it ("Moscow, Idaho")?"""
    if t >= len(d.toks) or d.sent[t] != d.sent[t - 1]:
        return False
    k = t + 1 if d.toks[t] in NA_SUBNATIONAL else t + 2 if t + 1 < len(d.toks) \
        and d.toks[t] + " " + d.toks[t + 1] in NA_SUBNATIONAL else -1
    return k > 0 and _ends_apposition(d, k)


def _ends_apposition(d: _Doc, k: int) -> bool:
    """Does the place in apposition end before token ``k`` ("Moscow, Idaho, said", "in Tripoli,
    Lebanon.")? Not a list ("Armenia, Georgia and Azerbaijan") nor a clause ("in Gaza, Qatar said")."""
    return k >= len(d.toks) or d.sent[k] != d.sent[k - 1] or d.toks[k] in APPOSITION_END


def _hit_index_at(st: _State, t: int) -> int | None:
    """Index of the hit starting at token ``t``, if any (hits are few per document)."""
    i = bisect.bisect_left([x.t0 for x in st.hits], t)
    return i if i < len(st.hits) and st.hits[i].t0 == t else None


def _other_state_at(st: _State, h: _Hit) -> bool:
    """Is ``h`` followed by ", <another state>" ("Tripoli, Lebanon"), a town of that state?"""
    i = _hit_index_at(st, h.t1 + 1)
    if i is None:
        return False
    nxt, d = st.hits[i], st.d
    return _ends_apposition(d, nxt.t1) and nxt.cat == "state" and not nxt.compound and not _is_region(nxt.rec) \
        and nxt.rec.get("actor") != h.rec.get("actor") and nxt.rec.get("actor") is not None


def _surname_at(st: _State, t: int) -> bool:
    """Does a gazetteer person's surname alone start at token ``t`` ("Georgia Meloni")?"""
    if t >= len(st.d.toks) or t not in st.covered or not _is_cap_word(st.d.toks[t]):
        return False
    i = _hit_index_at(st, t)
    return i is not None and st.hits[i].cat == "surname"


def _keep_compound(d: _Doc, h: _Hit) -> bool:
    return not (_is_acronym(h.rec["entry"]) and d.all_caps(h.t0))


def _adjectival(d: _Doc, h: _Hit) -> bool:
    """A role noun used as an adjective ("military aid", "intelligence report")."""
    if h.rec["entry"].lower() not in ADJECTIVAL_ROLES:
        return False
    t = h.t1
    if t >= len(d.toks) or d.sent[t] != d.sent[h.t0]:
        return False
    w = d.toks[t]
    return w.isalpha() and w.islower() and w not in _STOP and not w.endswith("ed") \
        and d.lemma[t] not in _SPEECH


def _is_location(d: _Doc, t0: int, t1: int, cat: str) -> bool:
    """The place reading: see the module docstring for the rules."""
    if t1 < len(d.toks) and d.toks[t1] in POSSESSIVE:
        return False  # "around Washington's failure": the possessor acts
    p = t0 - 1
    if p >= 0 and d.lower[p] in DETERMINERS and d.sent[p] == d.sent[t0]:
        p -= 1
    if p < 0 or d.sent[p] != d.sent[t0]:
        return cat == "capital" and _before_event_noun(d, t1, d.sent[t0])
    if cat == "state" and t1 < len(d.toks) and d.sent[t1] == d.sent[t0]:
        nxt = d.toks[t1]
        if nxt.isalpha() and nxt.islower() and nxt not in _STOP and not nxt.endswith("ed"):
            return False  # attributive: "in the Ukraine conflict"
    w, lem = d.lower[p], d.lemma[p]
    if t1 < len(d.toks) and d.toks[t1] in ("-based",):
        return True
    if cat == "capital" and _before_event_noun(d, t1, d.sent[t0]):
        return True
    if w in LOCATIVE:
        return True
    if w in DIRECTIONAL:
        q = p - 1
        if q >= 0 and d.sent[q] == d.sent[t0] and (d.lemma[q] in MOTION or d.lower[q] in MOTION):
            return True
        return False
    if lem in PLACE_VERBS or w in PLACE_VERBS:
        return True
    if w == "of" and p >= 1 and (d.lemma[p - 1] in PLACE_NOUNS or d.lower[p - 1] in PLACE_NOUNS):
        return True
    return False


DATELINE_DASHES = frozenset({"-", "—", "–", "--"})


def _in_dateline(st: _State, t: int) -> bool:
    """Is token ``t`` inside a wire dateline opening its sentence ("Kyiv, March 3 (Reuters) -",
    "Islamabad (AFP) -", "TEHRAN, Iran (AP) —")? The dateline says where the story was filed:
    its place is never a party to the sentence's events. A dateline is capitalised words,
    commas, a date and the agency in brackets before a dash; it needs the bracketed agency or
    a month, so that "Russia - which denies it - said" is no dateline."""
    d = st.d
    a = bisect.bisect_left(d.sent, d.sent[t])
    if t - a > 12:
        return False
    key = ("dateline", a)
    if key not in st.memo:
        st.memo[key] = _dateline_end(d, a)
    return t < st.memo[key]


MONTH_ABBREVIATIONS = frozenset({"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
                                 "Oct", "Nov", "Dec"})


def _dateline_end(d: _Doc, a: int) -> int:
    """The token after the dateline that opens the sentence starting at token ``a``, else ``a``
    (:func:`dateline_places` read where a paragraph opens)."""
    if a > 0 and "\n" not in d.text[d.ends[a - 1]:d.starts[a]]:
        return a
    return dateline_places(d.toks, a, bisect.bisect_right(d.sent, d.sent[a]) if a < len(d.toks) else a)[0]


def dateline_places(toks: Sequence[str], a: int, stop: int) -> tuple[int, list[tuple[int, int]]]:
    """The wire dateline opening at token ``a`` of ``toks`` (read no further than ``stop``, the
    end of its sentence): (the token after its dash, the ``[start, end)`` token spans of its
    places), else ``(a, [])``. The one dateline grammar of the toolkit: actors keeps its places
    out of the sentence's parties, :mod:`toolkit.speakers` reads the state where a story was filed.

    A dateline opens the text or a paragraph (the caller's check) and is PLACE[, PLACE][, Month
    Day] [(Agency)] and a dash, with a date or an agency, or one place in capital letters
    ("OTTAWA -", "PORT MORESBY -") before no lower-case word: "On Tuesday Israel - ignoring US
    calls - struck", "In May, Russia - facing sanctions -" and "US - China talks" are no datelines.

    Example:
        >>> dateline_places("DAKAR , Senegal , May 4 ( AFP ) - Talks".split(), 0, 11)
        (10, [(0, 1), (2, 3)])
        >>> dateline_places("Russia - which denies it - said".split(), 0, 7)
        (0, [])
        >>> dateline_places("OTTAWA - The minister said".split(), 0, 5)
        (2, [(0, 1)])
    """
    n = min(len(toks), stop)
    if a >= n or toks[a] in NOT_NAMES or toks[a] in WEEKDAYS_MONTHS:
        return a, []
    spans: list[tuple[int, int]] = []
    k, dated = a, False
    while k < n and k < a + 14:
        w = toks[k]
        if w in DATELINE_DASHES:
            ok = dated or toks[k - 1] == ")" or (len(spans) == 1 and _capital_letters(toks, *spans[0])
                                                 and k + 1 < len(toks) and not toks[k + 1][:1].islower())
            return (k + 1, spans) if spans and ok else (a, [])
        if w in WEEKDAYS_MONTHS or w.rstrip(".") in MONTH_ABBREVIATIONS:
            if not spans or dated:
                return a, []
            dated, k = True, k + 1 + (k + 1 < n and toks[k + 1] == ".")
            if k < n and toks[k].isdigit():
                k += 1
            continue
        if w == "(":  # "(Reuters)": the agency, then the dash
            e = k + 1
            while e < n and e < k + 5 and _is_cap_word(toks[e]):
                e += 1
            if e == k + 1 or e >= n or toks[e] != ")" or not spans:
                return a, []
            k = e + 1
            continue
        if w == "," and not dated:
            k += 1
            continue
        if _is_cap_word(w) and not dated:
            if k == a or toks[k - 1] == ",":
                spans.append((k, k + 1))
            elif spans[-1][1] == k:
                spans[-1] = (spans[-1][0], k + 1)
            k += 1
            continue
        return a, []
    return a, []


def _capital_letters(toks: Sequence[str], a: int, b: int) -> bool:
    """Are tokens ``[a, b)`` a place in capital letters, as wire datelines print it ("OTTAWA",
    "PORT MORESBY"; three letters at least, so "US" and "UK" are not)?"""
    return all(toks[k].isalpha() and toks[k].isupper() for k in range(a, b)) \
        and sum(len(toks[k]) for k in range(a, b)) >= 3


def _before_event_noun(d: _Doc, t: int, sent: int) -> bool:
    """Is token t an event noun, possibly after "and <Name>" ("Lima and Paris conferences")?"""
    n = len(d.toks)
    if t + 1 < n and d.lower[t] == "and" and _is_cap_word(d.toks[t + 1]):
        t += 2
    return t < n and d.sent[t] == sent and d.lower[t] in EVENT_NOUNS


# -- composition --------------------------------------------------------------------------
def _gap_possessive(d: _Doc, a: _Hit, b: _Hit) -> tuple[bool, bool]:
    """(adjacent-or-possessive, possessive) between hits a and b in one sentence; a state's
    portfolio word may stand between it and "minister"/"ministry" (:func:`_portfolio_gap`)."""
    if d.sent[a.t0] != d.sent[b.t0]:
        return False, False
    if b.t0 == a.t1:
        return True, False
    if b.t0 == a.t1 + 1 and d.toks[a.t1] in POSSESSIVE:
        return True, True
    if _portfolio_gap(d, a, b) or _title_adjective_gap(d, a, b) or _region_gap(d, a, b):
        return True, d.toks[a.t1] in POSSESSIVE
    return False, False


# Words that may stand between a state's name and an office ("Lebanese caretaker Prime
# Minister", "Iraq's acting defence minister", "Sudan's de facto leader").
TITLE_ADJECTIVES = frozenset({"caretaker", "interim", "acting", "outgoing", "incoming", "former",
                              "new", "top", "senior", "then", "de", "facto", "self-declared",
                              "exiled", "ousted", "embattled", "veteran", "longtime", "hardline",
                              "powerful", "newly", "appointed", "elected"})


def _title_adjective_gap(d: _Doc, a: _Hit, b: _Hit) -> bool:
    """Do one or two of :data:`TITLE_ADJECTIVES` alone lead from the demonym or the state's
    possessive ``a`` to the office ``b`` ("Lebanese caretaker Prime Minister X")?"""
    if a.cat not in ("state", "demonym") or b.cat != "role" or b.rec.get("role") not in PERSON_ROLES:
        return False
    t = a.t1
    if t < len(d.toks) and d.toks[t] in POSSESSIVE:
        t += 1
    return 1 <= b.t0 - t <= 2 and all(d.lower[k] in TITLE_ADJECTIVES and d.sent[k] == d.sent[b.t0]
                                      for k in range(t, b.t0))


def _portfolio_gap(d: _Doc, a: _Hit, b: _Hit) -> bool:
    """Do one or two portfolio words lead from the demonym or the state's possessive ``a`` to
    the bare "minister"/"ministry" hit ``b`` ("Kestrian Interior Minister", "Eritrea's
    information minister")? The lexicon names the common portfolios; the rest are an open class
    of nouns and adjectives, so a verb ("Ukraine thanked Minister X") or a function word ("Russia
    said the minister") ends the phrase."""
    if a.cat not in ("state", "demonym") or b.compound \
            or b.rec["entry"].lower() not in PORTFOLIO_HEADS:
        return False
    t = a.t1
    if t < len(d.toks) and d.toks[t] in POSSESSIVE:
        t += 1
    elif a.cat == "state":
        return False  # "Ukraine Interior Minister" is no English phrase; "Ukraine's" is
    return 1 <= b.t0 - t <= 2 and all(
        d.toks[k].isalpha() and d.lower[k] not in _STOP and d.sent[k] == d.sent[b.t0]
        and (d.lemma[k] == d.lower[k] or d.toks[k][0].isupper()) for k in range(t, b.t0))


# The gazetteer marks a region of a state (Gaza, Crimea, Tigray) by a note that starts so: a place,
# never the state as an agent (rule_name, _joins; toolkit.speakers reads the same mark).
REGION_NOTE = "region:"


def _is_region(rec: dict) -> bool:
    return str(rec.get("note") or "").startswith(REGION_NOTE)


def _is_contested(rec: dict) -> bool:
    """A region whose officials may not be its state's (flag ``contested``: "Donetsk's
    Russian-installed leader", "Tigray's leaders", "Gaza's Hamas-run ministry")."""
    return _is_region(rec) and "contested" in (rec.get("ambiguous") or "")


def _civilian(h: _Hit) -> bool:
    """Is ``h`` a role noun of civilians ("the people of Gaza", "Crimea's population"), which a
    contested region gives its state, unlike an office?"""
    return h.cat == "role" and h.rec.get("sector") == "CVL"


# Roles a region's name takes without a possessive ("Kharkiv mayor", "Sumy officials").
REGION_OFFICES = frozenset({"governor", "mayor", "official", "government"})


# Words between a region and its office ("Belgorod regional governor", "Kursk region's
# governor", "the Sumy regional administration").
REGION_UNITS = frozenset({"region", "regional", "oblast", "province", "provincial", "city",
                          "municipal", "governorate", "district"})
# Words after a contested region's name that keep it the place ("Donetsk Oblast", "Donetsk
# Governor"); another capitalised word makes it part of a name ("the Donetsk News Agency").
REGION_WORDS = REGION_UNITS | REGION_OFFICES


def _region_gap(d: _Doc, a: _Hit, b: _Hit) -> bool:
    """Do one to three region words (and a possessive) alone lead from the region ``a`` to the
    role ``b`` ("Belgorod regional governor", "Kursk region's governor")?"""
    if a.cat != "state" or b.cat != "role" or not _is_region(a.rec):
        return False
    gap = range(a.t1, b.t0)
    return 1 <= len(gap) <= 3 and any(d.lower[k] in REGION_UNITS for k in gap) and all(
        (d.lower[k] in REGION_UNITS or d.toks[k] in POSSESSIVE) and d.sent[k] == d.sent[b.t0] for k in gap)


def _joins(d: _Doc, group: list[_Hit], b: _Hit) -> bool:
    """Does hit ``b`` continue the noun phrase ``group`` ("Russian" + "President" + "Putin")?"""
    a = group[-1]
    ok, poss = _gap_possessive(d, a, b)
    if not ok or b.compound:
        return False
    ka, kb = a.cat, b.cat
    kinds = {h.cat for h in group}
    if kinds & PERSONISH or _is_contested(a.rec) and not _civilian(b):
        return False  # a contested region gives no state to its officials ("Tigray's leaders")
    if ka in MODIFIER and kb in ROLEISH:
        if poss or ka in ("demonym", "bloc", "seat", "capital", "org", "media", "nonstate"):
            return True
        if _is_region(a.rec) and b.rec.get("role") in REGION_OFFICES:
            return True  # "Kharkiv mayor", "Belgorod officials" (not "Kassala forced")
        return _is_acronym(a.rec["entry"]) or d.toks[b.t0][:1].isupper()
    if ka in MODIFIER and kb in PERSONISH:
        return poss or ka in ("seat", "media", "org")
    if ka in ROLEISH and kb in ROLEISH:
        return True
    if ka in ROLEISH and kb in PERSONISH:
        return not poss
    return False


def _bare_modifier_at(st: _State, i: int) -> int | None:
    """Index of hit i if it is a modifier not followed by a role or person, else None."""
    if i >= len(st.hits):
        return None
    h = st.hits[i]
    if h.compound or h.cat not in MODIFIER or not _keep(st, h):
        return None
    if i + 1 < len(st.hits) and _joins(st.d, [h], st.hits[i + 1]) and _keep(st, st.hits[i + 1]):
        return None
    return i


def _name_run(st: _State, t: int, *, forward: bool = True, max_len: int = 4) -> tuple[int, int] | None:
    """A run of capitalised name tokens starting at t (forward) or ending at t (backward)."""
    d = st.d
    n = len(d.toks)
    run: list[int] = []
    i = t
    while 0 <= i < n and len(run) < max_len and d.sent[i] == d.sent[t]:
        w = d.toks[i]
        if i in st.covered:
            break
        if _is_cap_word(w) and w.rstrip(".") not in NOT_NAMES and not w.isupper() or \
                run and forward and _PARTICLE_NAME.match(w) or \
                (len(w) == 2 and w[0].isupper() and w[1] == ".") or w in NAME_PARTICLES and run and forward or w in NAME_PARTICLES and not forward and run:
            run.append(i)
        else:
            break
        i += 1 if forward else -1
    while run and d.toks[run[-1]] in NAME_PARTICLES:
        run.pop()
    if not run:
        return None
    a, b = min(run), max(run) + 1
    if not forward:
        while a < b and d.toks[a] in NAME_PARTICLES:
            a += 1
    if any(d.toks[x] in NOT_NAME_WORDS for x in range(a, b)):
        return None
    return (a, b) if b > a else None


def _compose(st: _State, i: int) -> _Phrase:
    """The noun phrase starting at kept hit i: adjacent hits that join it, an adjectival role at
    its end dropped ("Western military aid")."""
    hits, d = st.hits, st.d
    group = [hits[i]]
    j = i + 1
    while j < len(hits) and _joins(d, group, hits[j]) and _keep(st, hits[j]):
        group.append(hits[j])
        j += 1
    while len(group) > 1 and group[-1].cat == "role" and _adjectival(d, group[-1]):
        group.pop()
        j -= 1
    ph = _Phrase(group, j, group[-1].t1)
    ph.adjectival = group[0].cat == "role" and len(group) == 1 and _adjectival(d, group[0])
    return ph


def _attach_of_actor(st: _State, ph: _Phrase) -> None:
    """"<role> of/for [the] <actor>": the actor phrase after the role is attached to it."""
    d, hits = st.d, st.hits
    end_t = ph.end_t
    if not (ph.has_role and not ph.has_person and end_t < len(d.toks) and d.lower[end_t] in ("of", "for")
            and d.sent[end_t] == d.sent[ph.group[0].t0]):
        return
    k = end_t + 1
    if k < len(d.toks) and d.lower[k] in DETERMINERS:
        k += 1
    if ph.j < len(hits) and hits[ph.j].t0 == k and not hits[ph.j].compound:
        bi = _bare_modifier_at(st, ph.j)
        if bi is not None and (not _is_contested(hits[bi].rec) or _civilian(ph.group[-1])):
            ph.attach = hits[bi]
            ph.j = bi + 1
            ph.end_t = ph.attach.t1


def _title_name(st: _State, ph: _Phrase) -> None:
    """An unknown name after a title ("Foreign Minister Anna Kovac") becomes part of the phrase."""
    group, d = ph.group, st.d
    last_role = next((g for g in reversed(group) if g.cat in ROLEISH), None)
    if ph.has_role and not ph.has_person and ph.attach is None and last_role is group[-1] \
            and (last_role.rec.get("role") in TITLE_ROLES or last_role.rec["entry"].lower() in TITLE_NOUNS) \
            and last_role.cat == "role":
        t = group[-1].t1
        while t < len(d.toks) and d.sent[t] == d.sent[group[-1].t0] and \
                (d.toks[t].rstrip(".") in RANKS or d.toks[t] == "." and t > group[-1].t1):
            t += 1  # "spokesman Major General Tariq X": the rank is no part of the name
        run = _name_run(st, t)
        if run and not (run[1] - run[0] == 1 and d.toks[run[0]][0].islower()):
            ph.unknown = run
            ph.end_t = run[1]
            if _actor_of(group) is None:
                _state_after_name(st, ph)


def _state_after_name(st: _State, ph: _Phrase) -> None:
    """"Deputy Prime Minister Olena Marchuk of Ukraine": the state after "of" is the official's.

    The state keeps its own row and the phrase its span (a parser's noun phrase ends before
    "of", and the events read mentions inside it); only the actor is taken.
    """
    d, hits, t = st.d, st.hits, ph.end_t
    if t >= len(d.toks) or d.lower[t] != "of" or d.sent[t] != d.sent[ph.group[0].t0]:
        return
    k = t + 1 + (t + 1 < len(d.toks) and d.lower[t + 1] == "the")
    bi = _bare_modifier_at(st, ph.j) if ph.j < len(hits) and hits[ph.j].t0 == k else None
    if bi is not None and hits[bi].cat == "state" and not _is_contested(hits[bi].rec):
        ph.attach = hits[bi]


def rule_compound(st: _State, h: _Hit) -> list[dict]:
    """``compound``: the name part of a hyphenated token ("US-supplied", "pro-Russian").

    Example:
        >>> m = find_mentions('Ukraine fired US-supplied missiles.')
        >>> m.loc[m["rule"] == 'compound', ["text", "actor", "person"]].values.tolist()
        [['US', 'USA', None]]
    """
    d, rec = st.d, h.rec
    if not _keep_compound(d, h):
        return []
    cat = rec["category"]
    loc = cat == "capital" and h.end < d.ends[h.t0] and d.text[h.end:d.ends[h.t0]].startswith("-based") \
        or _is_region(rec)  # "Kharkiv-based", "Gaza-born": a region is a place
    met = cat in ("capital", "seat") and not loc
    return [_make_row(st, h.t0, h.t1, actor=rec["actor"], sector=rec["sector"] if met else None,
                      person=None, role=None, kind=cat, resolved="compound", head=h,
                      rule="compound", metonym=met, location=loc, start=h.start, end=h.end)]


def rule_apposition_before(st: _State, ph: _Phrase) -> list[dict] | None:
    """``apposition_before``: "Anna Kovac, the Ruritanian foreign minister": the role phrase
    names the person before the comma (absorbed into a known person's row: no new row).

    Returns ``None`` when the phrase is no such apposition.

    Example:
        >>> m = find_mentions('Ana Petric, the Ukrainian foreign minister, spoke.')
        >>> m.loc[m["rule"] == 'apposition_before', ["text", "actor", "person"]].values.tolist()
        [['Ana Petric', 'UKR', 'Ana Petric']]
    """
    if ph.has_person or ph.unknown is not None or not ph.has_role:
        return None
    d, group, attach = st.d, ph.group, ph.attach
    t = group[0].t0 - 1
    if t >= 0 and d.lower[t] in DETERMINERS:
        t -= 1
    if t < 1 or d.toks[t] != "," or d.sent[t] != d.sent[group[0].t0]:
        return None
    prev_end = t  # the name ends before the comma
    for r in st.rows[::-1]:  # a known person right before: absorb the role phrase
        if r["tok_end"] == prev_end and r["person"]:
            if not r["role"]:
                r["role"] = _last_role(group)
            return []
        if r["tok_end"] < prev_end:
            break
    run = _name_run(st, prev_end - 1, forward=False)
    if run is None or run[1] - run[0] < 2:
        return None
    if any(t in st.covered for t in range(run[0], run[1])):
        return None
    actor = _actor_of(group, attach)
    if actor is None and ph.j < len(st.hits):
        # "the spokesperson for Ruritanian President X": the actor of the next phrase
        end_t = (attach or group[-1]).t1
        nxt = st.hits[ph.j]
        if end_t < len(d.toks) and d.lower[end_t] in ("of", "for", "to") and nxt.t0 <= end_t + 2 \
                and nxt.rec.get("actor"):
            actor = nxt.rec["actor"]
    name = d.text[d.starts[run[0]]:d.ends[run[1] - 1]]
    return [_make_row(st, run[0], run[1], actor=actor, sector=_sector(group) or None, person=name,
                      role=_last_role(group), kind="person", resolved="apposition", head=group[-1],
                      rule="apposition_before")]


def rule_apposition_after(st: _State, ph: _Phrase, row: dict) -> dict | None:
    """``apposition_after``: "the Ruritanian foreign minister, Anna Kovac,": the row of the role
    phrase extended over the name (``ph.j`` moves past a gazetteer person).

    Example:
        >>> m = find_mentions('The Russian foreign minister, Sergei Lavrov, spoke.')
        >>> m.loc[m["rule"] == 'apposition_after', ["text", "actor", "person"]].values.tolist()
        [['Russian foreign minister, Sergei Lavrov', 'RUS', 'Sergei Lavrov']]
    """
    d, end_t = st.d, ph.end_t
    end_t = _posted_to(st, ph, end_t)
    if end_t >= len(d.toks) or d.toks[end_t] != "," or d.sent[end_t] != d.sent[row["tok_start"]]:
        return None
    k = end_t + 1
    if ph.j < len(st.hits) and st.hits[ph.j].t0 == k and st.hits[ph.j].cat == "person":
        h = st.hits[ph.j]
        per = h.rec["person"]
        end = h.t1
        ph.j += 1
    else:
        run = _name_run(st, k)
        if run is None or run[1] - run[0] < 2:
            return None
        end = run[1]
        if end < len(d.toks) and d.toks[end] not in (",", ".", ";") and not d.lower[end].isalpha():
            return None
        per = d.text[d.starts[run[0]]:d.ends[end - 1]]
    row = dict(row)
    row.update(end=d.ends[end - 1], tok_end=end, person=per, kind="person",
               text=d.text[row["start"]:d.ends[end - 1]], resolved_from="apposition",
               rule="apposition_after")
    return row


def _posted_to(st: _State, ph: _Phrase, end_t: int) -> int:
    """The token after "to <state or capital>" following an ambassador ("Saudi Arabia's
    ambassador to Washington, Princess X,"), else ``end_t``: the host state is where the envoy
    serves, and the apposition after it names the envoy (the host keeps its own row)."""
    d = st.d
    if _last_role(ph.group) != "ambassador" or end_t + 1 >= len(d.toks) or d.lower[end_t] != "to":
        return end_t
    i = bisect.bisect_left([h.t0 for h in st.hits], end_t + 1)
    if i < len(st.hits) and st.hits[i].t0 == end_t + 1 and _bare_modifier_at(st, i) is not None \
            and st.hits[i].cat in ("state", "capital"):
        return st.hits[i].t1
    return end_t


# -- attributes --------------------------------------------------------------------------
def _last_role(group) -> str | None:
    for h in reversed(group):
        if h.cat in ROLEISH and h.rec.get("role"):
            return h.rec["role"]
    return None


def _sector(group) -> str | None:
    for h in reversed(group):
        if h.cat in ROLEISH and h.rec.get("sector"):
            return h.rec["sector"]
    return None


def _actor_of(group, attach=None) -> str | None:
    for h in group:
        if h.cat in MODIFIER and h.rec.get("actor"):
            return h.rec["actor"]
    if attach is not None and attach.rec.get("actor"):
        return attach.rec["actor"]
    for h in group:
        if h.cat == "institution" and h.rec.get("actor"):
            return h.rec["actor"]
    return None


def _make_row(st: _State, t0, t1, *, actor, sector, person, role, kind, resolved, head, rule,
              metonym=False, location=False, start=None, end=None) -> dict:
    d = st.d
    s = d.starts[t0] if start is None else start
    e = d.ends[t1 - 1] if end is None else end
    atype = None
    if actor:
        own = head.rec.get("actor_type")
        atype = own if own and head.rec.get("actor") == actor else st.g.actor_types.get(actor)
    return {"doc_id": d.doc_id, "sent_id": d.sent[t0], "start": s, "end": e,
            "tok_start": t0, "tok_end": t1, "text": d.text[s:e], "actor": actor or None,
            "actor_type": atype,
            "sector": sector or None, "person": person or None, "role": role or None,
            "kind": kind, "metonym": bool(metonym), "location": bool(location),
            "resolved_from": resolved, "entry": head.rec["entry"],
            "source": head.rec["gazetteer"], "rule": rule}


def _known_person(g: Gazetteer, toks: list[str], actor: str | None, role: str | None) -> str | None:
    """A gazetteer person whose name contains these tokens and fits the actor/role."""
    index = g._cache.get("name_tokens")
    if index is None:
        index = {}
        for person in g.roles["person"].unique():
            for tok in {person[a:b] for a, b in _spans(person)}:
                index.setdefault(tok, set()).add(person)
        g._cache["name_tokens"] = index
    cands = None
    for tok in toks:
        found = index.get(tok, set())
        cands = found if cands is None else cands & found
    if not cands:
        return None
    fits = []
    for person in cands:
        periods = g.roles_of(person)
        ok_actor = actor is None or (periods["actor"] == actor).any()
        want = COMPATIBLE.get(role, {role}) if role else None
        ok_role = want is None or periods["role"].isin(want).any()
        if ok_actor and ok_role:
            fits.append(person)
    return fits[0] if len(fits) == 1 else None


def _dated_person(st: _State, actor, role) -> str | None:
    if not actor or role not in DATED_ROLES or st.d.date is None or pd.isna(st.d.date):
        return None
    who = st.g.holders(actor, DATED_ROLES[role], st.d.date)
    return who[0] if len(who) == 1 else None


# -- the row of a phrase: one rule per shape -----------------------------------------------
# Each returns ``None`` when the phrase is not its shape, else its candidate rows (``[]``: the
# phrase is no mention).
def rule_self_reference(st: _State, ph: _Phrase) -> list[dict] | None:
    """``self_reference``: "my country", "my delegation": the document's speaking state.

    Example:
        >>> m = find_mentions('My country rejects this.', speaker='FRA')
        >>> m.loc[m["rule"] == 'self_reference', ["text", "actor", "person"]].values.tolist()
        [['My country', 'FRA', None]]
    """
    if ph.kinds != ["self"]:
        return None
    h0, d = ph.group[0], st.d
    if not d.speaker:
        return []
    return [_make_row(st, h0.t0, h0.t1, actor=d.speaker, sector="GOV", person=None, role=None,
                      kind="self", resolved="speaker", head=h0, rule="self_reference")]


def rule_person(st: _State, ph: _Phrase) -> list[dict] | None:
    """``person``: a gazetteer person, with the role and state they held at the document date.

    Example:
        >>> m = find_mentions('Russian President Vladimir Putin spoke.')
        >>> m.loc[m["rule"] == 'person', ["text", "actor", "person"]].values.tolist()
        [['Russian President Vladimir Putin', 'RUS', 'Vladimir Putin']]
    """
    per_hit = next((g for g in ph.group if g.cat in PERSONISH), None)
    if per_hit is None:
        return None
    actor, role, sector = _actor_of(ph.group, ph.attach), _last_role(ph.group), _sector(ph.group)
    person = per_hit.rec["person"]
    period = st.g.role_at(person, st.d.date)
    if period:
        actor = actor or period["actor"]
        sector = sector or period["sector"]
        role = role or period["role"]
    actor = actor or per_hit.rec.get("actor")
    return [_make_row(st, ph.group[0].t0, ph.end_t, actor=actor, sector=sector, person=person,
                      role=role, kind="person", resolved="gazetteer", head=per_hit, rule="person")]


def rule_title_name(st: _State, ph: _Phrase) -> list[dict] | None:
    """``title_name``: an unknown name after a title ("Ruritanian Foreign Minister Anna Kovac");
    a gazetteer person when the name's words and the title fit exactly one.

    Example:
        >>> m = find_mentions('Deputy Prime Minister Olena Marchuk of Ukraine spoke.')
        >>> m.loc[m["rule"] == 'title_name', ["text", "actor", "person"]].values.tolist()
        [['Deputy Prime Minister Olena Marchuk', 'UKR', 'Olena Marchuk']]
    """
    if ph.unknown is None:
        return None
    d, (a, b) = st.d, ph.unknown
    actor, role, sector = _actor_of(ph.group, ph.attach), _last_role(ph.group), _sector(ph.group)
    person, resolved = d.text[d.starts[a]:d.ends[b - 1]], "title"
    known = _known_person(st.g, d.toks[a:b], actor, role)
    if known:
        person, resolved = known, "gazetteer"
        period = st.g.role_at(person, d.date)
        if period:
            actor = actor or period["actor"]
            sector = sector or period["sector"]
    return [_make_row(st, ph.group[0].t0, ph.end_t, actor=actor, sector=sector, person=person,
                      role=role, kind="person", resolved=resolved, head=ph.group[-1],
                      rule="title_name")]


def rule_role(st: _State, ph: _Phrase) -> list[dict] | None:
    """``role`` / ``role_of_actor``: a role of an actor ("Russia's foreign minister", "the
    spokesperson for the Kremlin"), with the office holder at the document date when exactly
    one fits; a role with no actor is ``role_anaphor`` (:func:`_bare_role`).

    Example:
        >>> m = find_mentions("Russia's foreign minister arrived.")
        >>> m.loc[m["rule"] == 'role', ["text", "actor", "person"]].values.tolist()
        [["Russia's foreign minister", 'RUS', None]]
    """
    if not ph.has_role:
        return None
    mods = [g for g in ph.group if g.cat in MODIFIER]
    if any(g.cat == "media" for g in mods) and all(
            g.rec.get("sector") == MEDIA_SECTOR for g in ph.group if g.cat in ROLEISH):
        return None  # "the Yonhap news agency": the outlet itself (rule_name), its own role
    if not mods and ph.attach is None:
        row = _bare_role(st, ph.group, ph.end_t)
        t0 = ph.group[0].t0
        if row is not None or not any(g.cat == "institution" and g.rec.get("actor") for g in ph.group) \
                or t0 > 0 and (st.d.toks[t0 - 1] in POSSESSIVE or _is_cap_word(st.d.toks[t0 - 1])
                               and st.d.toks[t0 - 1] not in NOT_NAMES):
            return [row] if row is not None else []
        # "The State Department said", "a senior State Department official": an institution
        # bound to one state is that state's, with no person to resolve (not after an unknown
        # owner: "Kestria's Foreign Office")
    actor, role = _actor_of(ph.group, ph.attach), _last_role(ph.group)
    if actor is None:
        return []
    person = _dated_person(st, actor, role)
    row = _make_row(st, ph.group[0].t0, ph.end_t, actor=actor, sector=_sector(ph.group),
                    person=person, role=role, kind="role",
                    resolved="date" if person else "gazetteer", head=ph.group[-1],
                    rule="role_of_actor" if ph.attach is not None else "role")
    if row["sector"] == MEDIA_SECTOR:
        row["actor_type"] = "media"  # "Russian state media", "an Iranian news agency": outlets
    t0, last = ph.group[0].t0, ph.group[-1].t1 - 1
    if person is None and role in DESCRIBED_ROLES and t0 > 0 and st.d.lower[t0 - 1] == "the" \
            and not (st.d.lower[last] != st.d.lemma[last] and st.d.lower[last].endswith("s")):
        row["_described"] = True  # "the Russian leader": :func:`rule_description`
    return [row]


def rule_name(st: _State, ph: _Phrase) -> list[dict] | None:
    """``name``: a state, demonym, capital, seat or organisation on its own; capitals and seats
    are the government (metonym) unless the text shows a place (:func:`_is_location`).

    Example:
        >>> m = find_mentions('The Kremlin warned Kyiv.')
        >>> m.loc[m["rule"] == 'name', ["text", "actor", "metonym"]].values.tolist()
        [['Kremlin', 'RUS', True], ['Kyiv', 'UKR', True]]
    """
    head = next(g for g in ph.group if g.cat in MODIFIER)
    kind, rec = head.cat, head.rec
    actor = _actor_of(ph.group, ph.attach)
    if actor is None:
        return []
    if ph.attach is not None and kind == "org":  # "the Security Council of Armenia" (_generic_body_of)
        return [_make_row(st, ph.group[0].t0, ph.end_t, actor=ph.attach.rec["actor"], sector="GOV",
                          person=None, role=None, kind="institution", resolved="gazetteer",
                          head=head, rule="name")]
    sector, role = rec.get("sector") or None, rec.get("role") or None
    metonym = location = False
    if kind in ("capital", "seat", "state"):
        # A region of a state ("Crimea", "Tigray", "Gaza") is always a place: whoever governs
        # or fights in it is often not the state it belongs to ("Crimea's Russian-installed
        # governor", "Tigray's leaders"), so it never stands for the state as an agent.
        location = _is_region(rec) or _in_dateline(st, ph.group[0].t0) \
            or _is_location(st.d, ph.group[0].t0, ph.end_t, kind)
    if kind in ("capital", "seat"):
        metonym = not location
        if location:
            sector = None
    return [_make_row(st, ph.group[0].t0, ph.end_t, actor=actor, sector=sector, person=None,
                      role=role, kind=kind, resolved="gazetteer", head=head, rule="name",
                      metonym=metonym, location=location)]


def _bare_role(st: _State, group, t1) -> dict | None:
    """A role with no actor: kept only as "the <role>" (resolved later) or a default actor."""
    d = st.d
    t0 = group[0].t0
    if not (t0 > 0 and d.lower[t0 - 1] == "the" and d.sent[t0 - 1] == d.sent[t0]):
        return None
    role = _last_role(group)
    if role not in PERSON_ROLES:
        return None
    if role == "military" and group[-1].rec["entry"].lower() not in TITLE_NOUNS:
        return None  # "the army", "the forces": a body, not the commander named before
    last = group[-1].t1 - 1
    if d.lower[last] != d.lemma[last] and d.lower[last].endswith("s"):
        return None  # plural ("the presidents") refers to no single person
    if t1 + 1 < len(d.toks) and d.lower[t1] == "of" and d.sent[t1] == d.sent[t0] \
            and _is_cap_word(d.toks[t1 + 1]) and d.toks[t1 + 1] not in NOT_NAMES and (t1 + 1) not in st.covered:
        return None  # "the governor of Louisiana": an office of a place we do not know, not the last governor
    inst = next((g for g in group if g.cat == "institution"), None)
    default = (inst or group[-1]).rec.get("actor") or None
    row = _make_row(st, t0, t1, actor=default, sector=_sector(group), person=None,
                    role=role, kind="role", resolved="anaphor", head=group[-1], rule="role_anaphor")
    row["_anaphor"] = True
    return row


# The row rules of a phrase, by precedence: the first whose shape fits answers.
ROW_RULES = (rule_self_reference, rule_person, rule_title_name, rule_role, rule_name)


def _phrase_at(st: _State, i: int) -> tuple[list[dict], int]:
    """The rows the phrase starting at hit ``i`` yields, and the index of the next hit.

    Precedence: a hyphenated compound is its own row; a hit :func:`_keep` rejects is skipped;
    otherwise the phrase is composed (:func:`_compose`), extended by an "of/for" actor and an
    unknown name after a title, then an apposition before it (the person before the comma)
    wins over the phrase's own row (:data:`ROW_RULES`), which an apposition after it may extend.
    """
    h = st.hits[i]
    if h.compound:
        return rule_compound(st, h), i + 1
    if not _keep(st, h):
        if "person" in (h.rec.get("ambiguous") or "") or h.cat == "media":
            st.covered.difference_update(range(h.t0, h.t1))  # "Reema Mehr, a spokesperson"
        return [], i + 1
    ph = _compose(st, i)
    if ph.adjectival:
        return [], ph.j
    _attach_of_actor(st, ph)
    _generic_body_of(st, ph)
    _title_name(st, ph)
    app = rule_apposition_before(st, ph)
    if app is not None:
        return app, ph.j
    rows: list[dict] = []
    for rule in ROW_RULES:   # the first rule that applies (rule_name, the last, always does)
        got = rule(st, ph)
        if got is not None:
            rows = got
            break
    if rows and not ph.has_person and ph.unknown is None and ph.has_role and rows[0]["actor"]:
        rev = rule_apposition_after(st, ph, rows[0])
        if rev is not None:
            rows = [rev]
    return rows, ph.j


# -- document-level rules ------------------------------------------------------------------
def rule_role_anaphor(st: _State) -> None:
    """``role_anaphor`` rows: "the spokesman" takes the last person with a compatible role, else
    its default actor's office holder ("the Secretary-General"), else it is dropped.

    Example:
        >>> m = find_mentions('Dmitry Peskov spoke. The spokesman added more.')
        >>> m.loc[m["rule"] == 'role_anaphor', ["text", "actor", "person"]].values.tolist()
        [['spokesman', 'RUS', 'Dmitry Peskov']]
    """
    out = []
    for r in st.rows:
        if not r.pop("_anaphor", False):
            out.append(r)
            continue
        want = COMPATIBLE.get(r["role"], {r["role"]})
        found = None
        for k in range(len(out) - 1, -1, -1):   # newest first (mypyc cannot compile reversed() here)
            prev = out[k]
            if prev["person"] and prev["end"] <= r["start"]:
                prole = prev["role"]
                if prole == r["role"] or prole in want:
                    found = prev
                    break
        if found is not None:
            r.update(actor=found["actor"], actor_type=found["actor_type"],
                     sector=found["sector"] or r["sector"], person=found["person"])
            out.append(r)
        elif r["actor"]:  # a default actor ("the Secretary-General" is the UN's)
            r["person"] = _dated_person(st, r["actor"], r["role"])
            r["resolved_from"] = "gazetteer"
            out.append(r)
    st.rows = out


def rule_description(st: _State) -> None:
    """``description``: "the Russian leader", "the Hungarian minister" (a definite role of a
    state with no office holder at the date) is the last person of that state named before it
    whose role fits (:data:`COMPATIBLE`); without one the row stays a role of the state.

    Example:
        >>> m = find_mentions('Vladimir Putin met Olaf Scholz. The Russian leader left.')
        >>> m.loc[m["rule"] == 'description', ["text", "actor", "person"]].values.tolist()
        [['Russian leader', 'RUS', 'Vladimir Putin']]
    """
    for i, r in enumerate(st.rows):
        if not r.pop("_described", False) or r["person"]:
            continue
        want = COMPATIBLE.get(r["role"], {r["role"]})
        for prev in st.rows[:i][::-1]:
            if prev["person"] and prev["actor"] == r["actor"] and prev["end"] <= r["start"] \
                    and (prev["role"] == r["role"] or prev["role"] in want):
                r.update(person=prev["person"], sector=r["sector"] or prev["sector"],
                         resolved_from="anaphor", rule="description")
                break


def _surname_owners(st: _State) -> list[tuple[int, tuple[str, ...], dict]]:
    """``(token after the introduction, surname tokens, row)`` of each person introduced."""
    people = []
    for r in st.rows:
        if not r["person"] or r["resolved_from"] in ("surname", "date", "anaphor"):
            continue
        name = r["person"]
        toks = tuple(name[a:b] for a, b in _spans(name))
        if len(toks) < 2:
            continue
        if r["resolved_from"] in ("gazetteer",) and r["kind"] == "person" and \
                _known_surname_entries(st.g, name):
            continue  # the gazetteer already matches its surname entries
        fam = toks[:1] if r["actor"] in FAMILY_NAME_FIRST else toks[1:]
        if r["resolved_from"] == "gazetteer" and len(toks) > 2 and r["actor"] not in FAMILY_NAME_FIRST:
            fam = toks[-1:]
        people.append((r["tok_end"], fam, r))
    return people


def rule_surname(st: _State) -> None:
    """``surname``: a later use of a person's surname is that person (the latest one introduced).

    Example:
        >>> m = find_mentions('Ukrainian Deputy Prime Minister Olena Marchuk spoke. Marchuk left.')
        >>> m.loc[m["rule"] == 'surname', ["text", "actor", "person"]].values.tolist()
        [['Marchuk', 'UKR', 'Olena Marchuk']]
    """
    d = st.d
    people = _surname_owners(st)
    if not people:
        return
    taken: set[int] = set()
    for r in st.rows:
        taken.update(range(r["tok_start"], r["tok_end"]))
    new = []
    arr = np.asarray(d.toks, dtype=object)
    for intro_end, fam, src in people:
        for t in np.flatnonzero(arr == fam[0]).tolist():
            if t < intro_end or any(x in taken for x in range(t, t + len(fam))):
                continue
            if tuple(d.toks[t:t + len(fam)]) != fam:
                continue
            owner = max((p for p in people if p[1] == fam and p[0] <= t), key=lambda p: p[0])
            o = owner[2]
            row = _make_row(st, t, t + len(fam), actor=o["actor"], sector=o["sector"],
                            person=o["person"], role=o["role"], kind="person",
                            resolved="surname", rule="surname", head=_Hit(t, t + 1, 0, 0, {
                                "entry": o["person"], "gazetteer": o["source"]}))
            new.append(row)
            taken.update(range(t, t + len(fam)))
    if new:
        st.rows = sorted(st.rows + new, key=lambda r: r["start"])


def _known_surname_entries(g: Gazetteer, person: str) -> bool:
    cache = g._cache.get("surnamed")
    if cache is None:
        e = g.entries
        cache = set(e.loc[e["category"] == "surname", "person"])
        g._cache["surnamed"] = cache
    return person in cache


# Bare "Congo" is the UN short name of the Republic of the Congo (COG), but news of eastern
# Congo means the Democratic Republic (COD): the DR Congo's places, its demonym or the M23 in
# the document, and no name only the Republic has, make it COD.
CONGO_COD = frozenset({"COD", "M23"})
CONGO_COG_NAMES = frozenset({"Brazzaville", "Congo-Brazzaville", "Republic of the Congo"})


def _congo_context(st: _State) -> None:
    """``context``: "Congo" (and "Congo's army") is the DR Congo in a document about it
    ("M23 rebels seized Goma. Congo's army said ...")."""
    if not any(r["actor"] == "COG" for r in st.rows):
        return
    if any(r["entry"] in CONGO_COG_NAMES for r in st.rows) \
            or not any(r["actor"] in CONGO_COD for r in st.rows):
        return
    for r in st.rows:
        if r["actor"] == "COG":
            r.update(actor="COD", actor_type=st.g.actor_types.get("COD", "state"),
                     resolved_from="context", rule="context")
            if r["person"] is not None and r["kind"] == "role":  # the office holder at the date
                r["person"] = _dated_person(st, "COD", r["role"]) or None


def rule_context(st: _State) -> None:
    """``context``: "Brussels" is the EU in a document that mentions the EU; "Congo" is the DR
    Congo in a document about it (:func:`_congo_context`).

    Example:
        >>> m = find_mentions('EU ministers met. Brussels said no.')
        >>> m.loc[m["rule"] == 'context', ["text", "actor", "person"]].values.tolist()
        [['Brussels', 'EU', None]]
    """
    _congo_context(st)
    if not any(r["entry"] == "Brussels" for r in st.rows):
        return
    if any(r["actor"] == "EU" for r in st.rows):
        for r in st.rows:
            if r["entry"] == "Brussels" and r["metonym"]:
                r.update(actor="EU", actor_type=st.g.actor_types.get("EU", "igo"),
                         resolved_from="context", rule="context")


# Document-level rules, in order: each reads the rows the phrases made and amends them.
DOCUMENT_RULES = (rule_role_anaphor, rule_description, rule_surname, rule_context)


def _resolve(gaz: Gazetteer, doc: _Doc, hits: list[_Hit]) -> list[dict]:
    """The mention rows of one document: phrases in text order, then the document rules."""
    st = _State.of(gaz, doc, hits)
    i = 0
    while i < len(hits):
        rows, i = _phrase_at(st, i)
        st.rows.extend(rows)
    for rule in DOCUMENT_RULES:
        rule(st)
    return st.rows


def _spans(s: str):
    from .tokenize import token_spans

    return token_spans(s)


_STOP = frozenset(["a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "do", "does", "did", "not", "no", "than", "that", "this", "these", "those", "it", "its", "which", "who", "whom", "whose", "what", "when", "where", "while", "if", "then", "so", "such", "also"])
_SPEECH = frozenset({"say", "tell", "warn", "claim", "accuse", "insist", "announce", "deny",
                     "confirm", "add", "note", "stress", "report", "state", "threaten", "urge",
                     "respond", "reply", "call", "demand", "declare", "suggest", "argue", "reject",
                     "condemn", "launch", "attack", "strike", "fire", "shell", "advance", "withdraw",
                     "retreat", "continue", "seize", "capture", "move", "enter", "push", "kill",
                     "intercept", "shoot", "bomb", "destroy", "begin", "start", "use", "lose"})


# ----------------------------------------------------------------------------- annotator
def _speaker_values(documents: pd.DataFrame, speaker_column: str | None, gaz: Gazetteer) -> list:
    n = len(documents)
    if speaker_column is None:
        return [None] * n
    col = speaker_column
    if col == "auto":
        if "speaker_actor" in documents.columns:
            col = "speaker_actor"
        elif "country" in documents.columns:
            # Each document on its own (never "all documents of this chunk"), so the result
            # does not depend on which documents share a chunk: a country value that is a
            # gazetteer actor code ("FRA") is the speaker; anything else ("France", codes of
            # states the gazetteer lacks such as "YUG") is not.
            return [v if isinstance(v, str) and v in gaz.actor_types else None
                    for v in documents["country"].tolist()]
        else:
            return [None] * n
    if col not in documents.columns:
        raise ValueError(f"`speaker_column` value = {speaker_column!r} is invalid; value must be "
                         f"'auto', None or one of {list(documents.columns)}")
    return [v if isinstance(v, str) and v else None for v in documents[col].tolist()]


def _doc_dates(documents: pd.DataFrame) -> list:
    if "date" not in documents.columns:
        return [None] * len(documents)
    dates = pd.to_datetime(documents["date"], errors="coerce", utc=True)
    return [None if pd.isna(x) else x.tz_convert(None) for x in dates]


def mentions_from_tables(documents: pd.DataFrame, tokens: pd.DataFrame, *,
                         gazetteers: Sequence[str | Path] | str | Path | None = None,
                         speaker_column: str | None = "auto") -> pd.DataFrame:
    """Build the ``mentions`` table from a documents table and its tokens table.

    Args:
        documents: ``doc_id, text`` and optionally ``date`` and a speaking-state column.
        tokens: the tokens table of those documents (:func:`toolkit.tokenize.tokenize_documents`).
        gazetteers: user gazetteer CSV files added to the bundled one (see :func:`load_gazetteer`).
        speaker_column: column holding the speaking state (ISO3) that "my country"/"my
            delegation" refer to; ``"auto"`` uses ``speaker_actor``, else a ``country`` value
            that is a gazetteer actor code (decided per document); ``None`` drops
            self-references.

    Returns:
        The ``mentions`` table (columns :data:`MENTION_COLUMNS`), ordered by document and offset.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> docs = pd.DataFrame({"doc_id": ["d"], "text": ["Russian troops entered Kharkiv."]})
        >>> _, toks = tokenize_documents(docs["doc_id"], docs["text"])
        >>> mentions_from_tables(docs, toks)[["text", "actor", "sector", "location"]].values.tolist()
        [['Russian troops', 'RUS', 'MIL', False], ['Kharkiv', 'UKR', None, True]]
    """
    gaz = load_gazetteer(gazetteers)
    texts = dict(iter_rows(documents, "doc_id", "text"))
    speakers = dict(zip(documents["doc_id"], _speaker_values(documents, speaker_column, gaz)))
    dates = dict(zip(documents["doc_id"], _doc_dates(documents)))
    if tokens.empty:
        return _empty()
    hits = gaz.lexicon.find(tokens, texts)
    records = gaz.records()
    # Keep one entry per span: user files first, then by category priority.
    by_span: dict[tuple, tuple] = {}
    user_tags = set(gaz.tags[len(BUNDLED):])
    for doc_id, t0, t1, s, e, eid in iter_rows(hits, "doc_id", "tok_start", "tok_end", "start", "end", "entry_id"):
        rec = records[int(eid)]
        rank = (0 if rec["gazetteer"] in user_tags else 1, PRIORITY.get(rec["category"], 99))
        key = (doc_id, int(t0), int(t1))
        cur = by_span.get(key)
        if cur is None or rank < cur[0]:
            by_span[key] = (rank, int(s), int(e), rec)
    per_doc: dict[str, list[_Hit]] = {}
    for (doc_id, t0, t1), (_, s, e, rec) in by_span.items():
        per_doc.setdefault(doc_id, []).append(_Hit(t0, t1, s, e, rec))
    # Hyphenated compounds: name parts inside one token ("US-supplied", "pro-Russian").
    parts = gaz.compound_parts()
    hy = tokens[tokens["text"].str.contains("-", regex=False)]
    for doc_id, tok_id, start, tok in iter_rows(hy, "doc_id", "tok_id", "start", "text"):
        pos = 0
        for part in tok.split("-"):
            eid = parts.get(part)
            if eid is not None and tok != part:
                per_doc.setdefault(doc_id, []).append(
                    _Hit(int(tok_id), int(tok_id) + 1, int(start) + pos, int(start) + pos + len(part),
                         records[eid], compound=True))
            pos += len(part) + 1
    rows: list[dict] = []
    doc_ids = tokens["doc_id"].to_numpy()
    cols = {c: column_list(tokens[c]) for c in ("text", "lower", "lemma", "sent_id", "start", "end")}
    for doc_id, i, j in lexmod._doc_slices(doc_ids):
        doc_hits = per_doc.get(doc_id)
        if not doc_hits:
            continue
        # A compound part inside a token already matched whole is not a separate mention.
        whole = {h.t0 for h in doc_hits if not h.compound}
        doc_hits = [h for h in doc_hits if not (h.compound and h.t0 in whole)]
        doc_hits.sort(key=lambda h: (h.t0, h.start))
        doc = _Doc(doc_id=doc_id, text=texts[doc_id], toks=cols["text"][i:j], lower=cols["lower"][i:j],
                   lemma=cols["lemma"][i:j], sent=cols["sent_id"][i:j], starts=cols["start"][i:j],
                   ends=cols["end"][i:j], date=dates.get(doc_id), speaker=speakers.get(doc_id))
        rows.extend(_resolve(gaz, doc, doc_hits))
    if not rows:
        return _empty()
    out = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    for c in ("sent_id", "start", "end", "tok_start", "tok_end"):
        out[c] = out[c].astype("int64")
    out["metonym"] = out["metonym"].astype(bool)
    out["location"] = out["location"].astype(bool)
    for c in ("actor", "actor_type", "sector", "person", "role"):
        out[c] = out[c].astype(object).where(out[c].notna(), None)
    # Documents in corpus order (not by id), positions within each.
    out["_doc"] = document_order(out["doc_id"], tokens)
    out = out.sort_values(["_doc", "start", "end"], kind="stable").drop(columns="_doc")
    return out.reset_index(drop=True)


def _empty() -> pd.DataFrame:
    df = pd.DataFrame({c: pd.Series(dtype="object") for c in MENTION_COLUMNS})
    for c in ("sent_id", "start", "end", "tok_start", "tok_end"):
        df[c] = df[c].astype("int64")
    df["metonym"] = df["metonym"].astype(bool)
    df["location"] = df["location"].astype(bool)
    return df


def _annotate(tables: Mapping[str, pd.DataFrame], *, lexicons=None,
              speaker_column: str | None = "auto", gazetteers=None) -> dict[str, pd.DataFrame]:
    # ``lexicons`` as toolkit.lexicon.choose reads it (gazetteer files, read before the bundled
    # ones so that they win ties); ``gazetteers`` is its old spelling, read for one release.
    choice = lexmod.step_lexicons("actors", BUNDLED, lexicons, policy="add", gazetteers=gazetteers)
    files = [v for v in choice.values() if v is not None and v not in BUNDLED]
    return {"mentions": mentions_from_tables(tables["documents"], tables["tokens"],
                                             gazetteers=files, speaker_column=speaker_column)}


ANNOTATOR = Annotator(
    name="actors",
    produces=("mentions",),
    func=_annotate,
    requires=("tokens",),
    lexicons=BUNDLED,
    lexicon_policy="add",
    description="state, organisation and person mentions with CAMEO sectors, metonymy and places",
)


# ----------------------------------------------------------------------------- helpers
def find_mentions(text: str, *, date=None, lexicons=None, speaker: str | None = None,
                  gazetteers=None) -> pd.DataFrame:
    """The ``mentions`` of one text (a convenience for notebooks and tests).

    Args:
        text: the text.
        date: its date (for time-bounded roles), anything ``pd.Timestamp`` accepts.
        lexicons: user gazetteer files, as the ``actors`` step's option
            (:func:`toolkit.lexicon.choose`): each is read before the bundled gazetteer, so
            its entries win ties (one named ``actors`` or ``people`` replaces that one).
        speaker: ISO3 of the speaking state, for "my country"/"my delegation".
        gazetteers: the old spelling of ``lexicons``, read for one release (FutureWarning).

    Example:
        >>> find_mentions("US Secretary of State Antony Blinken arrived in Kyiv.")[
        ...     ["text", "actor", "sector", "person", "location"]].values.tolist()
        [['US Secretary of State Antony Blinken', 'USA', 'GOV', 'Antony Blinken', False], ['Kyiv', 'UKR', None, None, True]]
    """
    from .tokenize import tokenize_documents

    docs = pd.DataFrame({"doc_id": ["text"], "text": [text],
                         "date": [pd.Timestamp(date, tz="UTC") if date is not None else pd.NaT],
                         "speaker_actor": [speaker]})
    choice = lexmod.step_lexicons("actors", BUNDLED, lexicons, policy="add", gazetteers=gazetteers)
    files = [v for v in choice.values() if v is not None and v not in BUNDLED]
    _, toks = tokenize_documents(["text"], [text])
    return mentions_from_tables(docs, toks, gazetteers=files)


def most_recent(mentions: pd.DataFrame, doc_id: str, before: int, *, person: bool = True,
                role: str | Iterable[str] | None = None, sector: str | None = None,
                location: bool = False) -> pd.Series | None:
    """The last mention in ``doc_id`` ending at or before character ``before`` that fits.

    For pronoun and role-noun resolution ("he said", "the spokesman added"): by default the
    most recent mention of a person; ``role`` (one role or several) and ``sector`` narrow it.

    Args:
        mentions: a ``mentions`` table.
        doc_id: the document.
        before: character offset; only mentions with ``end <= before`` count.
        person: require a person (``False``: any actor mention).
        role: required role(s), e.g. ``"spokesperson"``.
        sector: required sector, e.g. ``"GOV"``.
        location: include place readings (default: no).

    Returns:
        The mention row, or ``None``.

    Example:
        >>> m = find_mentions("Dmitry Peskov spoke. Later, Russia warned Kyiv.")
        >>> most_recent(m, "text", 40)["person"]
        'Dmitry Peskov'
    """
    m = mentions[(mentions["doc_id"] == doc_id) & (mentions["end"] <= before)]
    if person:
        m = m[m["person"].notna()]
    if not location:
        m = m[~m["location"].astype(bool)]
    if role is not None:
        m = m[m["role"].isin([role] if isinstance(role, str) else list(role))]
    if sector is not None:
        m = m[m["sector"] == sector]
    if m.empty:
        return None
    return m.sort_values(["end", "start"], kind="stable").iloc[-1]


def actor_names(gazetteer: Gazetteer | None = None) -> dict[str, str]:
    """``actor code -> readable name`` (the first short name of a state, or an organisation's name).

    Example:
        >>> actor_names()["RUS"], actor_names()["NATO"]
        ('Russia', 'NATO')
    """
    g = gazetteer or load_gazetteer()
    e = g.entries
    out: dict[str, str] = {}
    states = e[e["category"] == "state"]
    for actor, grp in states.groupby("actor", sort=False):
        names = grp["entry"].tolist()
        out[actor] = names[1] if len(names) > 1 and len(names[1]) > 3 else names[0]
    for actor, entry in zip(e.loc[e["category"].isin(["org", "bloc", "nonstate"]), "actor"],
                            e.loc[e["category"].isin(["org", "bloc", "nonstate"]), "entry"]):
        out.setdefault(actor, entry)
    return out


def code_of(name: str, gazetteer: Gazetteer | None = None) -> str | None:
    """The actor code of a name as written in a label ("russian_federation", "United States").

    Underscores become spaces; matching ignores case. Returns ``None`` when unknown.

    Example:
        >>> code_of("united_kingdom_of_great_britain_and_northern_ireland"), code_of("Venezuela_(Bolivarian_Republic_Of)")
        ('GBR', 'VEN')
    """
    g = gazetteer or load_gazetteer()
    table = g._cache.get("names_lower")
    if table is None:
        e = g.entries[g.entries["category"].isin(["state", "org", "bloc", "nonstate"])]
        table = {}
        for entry, actor in iter_rows(e, "entry", "actor"):
            if actor:  # a disputed place has none
                table.setdefault(entry.lower(), actor)
        g._cache["names_lower"] = table
    key = re.sub(r"\s+", " ", name.replace("_", " ")).strip().lower()
    if key in table:
        return table[key]
    m = re.match(r"^(.*?)\s*\((.*)\)$", key)  # "venezuela (bolivarian republic of)"
    if m:
        base, qual = m.group(1), m.group(2)
        for cand in (f"{qual.replace(' of', '')} of {base}".strip(), f"{qual} {base}", base):
            cand = re.sub(r"\s+", " ", cand)
            if cand in table:
                return table[cand]
    return None
