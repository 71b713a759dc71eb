"""Speakers: who "he", "she", "the Russian leader", "the spokesperson" and "the ministry" are.

Resolves the speaker span of a quote to a person, an actor and a sector, by small rule
functions that each return a :class:`Resolution` carrying their rule id (the ``speaker_rule``
column of ``quotes``), applied by :meth:`SpeakerResolver.resolve` in one explicit order
(:data:`RULES`). The first rule that answers wins.

Rules (in order):

* ``transcript_label``: a transcript's speaker label ("THE PRESIDENT:", "SECRETARY X:") is one
  speaker for the whole document: the document's speaking state, else the actor two thirds of
  its resolved turns agree on (not whichever president the turn before named), else no actor;
  ``transcript_floor``: "Q:", "AUDIENCE:" speak for no actor.
* ``mention``: a mention of a person or actor lies in the span ("Dmitry Peskov", "the
  Kremlin"). Refined by ``nationality_title`` (an unknown official takes the state of the
  nationality word in the span: "Ukrainian Deputy Prime Minister Iryna Vereshchuk") and
  ``description_actor`` (a role of a known state names the person of that state mentioned
  last: "the Russian leader" after "Vladimir Putin").
  A person named with no state (in any rule below too) takes the state of a nationality word
  just before the name ("Kestrian Interior Minister Paul Ander", read from the resolver's
  gazetteer) or the organisation of a spokesperson's title (``title_org``: "embassy spokesman
  Liu Pengyu" after "China's embassy"; "A spokesperson, Col. X" after "India's defence
  ministry ...").
  A state's delegate to an organisation takes the state of the possessive opening its phrase
  (``delegate_state``: "Britain's UN ambassador X" is GBR, where the mention gives the UN).
* ``document``: "we"/"I" in a speech whose document names its speaking state.
* ``joint``: "the two countries", "both governments", "they ... in a joint statement": the first
  of two states named in the nearest sentence before it that names two (the one
  ``speaker_actor`` stands for both); not "both sides" of a dispute.
* ``pronoun_person``: "he"/"she" to the nearest compatible person before it. Sentences are
  searched from the pronoun's own back to :data:`WINDOW_SENTENCES` earlier; in each, the first
  person outside quotation marks whose gender fits (the subject-first order of Hobbs 1978's
  search, without a parse); in an earlier sentence the people of a fronted adverbial clause
  or phrase ("While X ..., ...", "In a letter to X, ...", "Speaking to X, ..."; not
  "According to X, ...") come after those of its main clause, whose subject Centering ranks
  first (Grosz, Joshi & Weinstein 1995: subject > object > other). Earlier "he"/"she" count as
  mentions of whom they resolved to, so a chain of pronouns follows its first name.
  Organisations, states and media are never antecedents of "he"/"she".
  An official named only by role is a person too (rule ``pronoun_role``: the state, no
  person): "Norway's foreign minister arrived in Ankara. He said ...", "the Chilean president",
  "the Kremlin spokeswoman" (she only), ranked with the named people; not a group or a plural
  role ("Russian soldiers", "the foreign ministers"), one a named person stands beside, nor one
  that may describe a person of its state named earlier, whose pronouns stay as before.
* ``media_outlet``: a news outlet that speaks ("Yonhap reported", "according to the Guardian")
  is the speaker itself, sector MED, with no state (the outlet is not its country's voice);
  ``state_media``: an outlet its state runs as its voice (KCNA, Xinhua) speaks for the state.
* ``relative_who``: "who" to the person right before it in the sentence.
* ``description_role``: "the spokesperson", "the official": the last person whose role fits
  the noun, else, for staff ("the spokesman", "the official"), the same unnamed staff member
  an earlier sentence introduced (``same_staff``: "his spokesman said ... The spokesman said",
  "a foreign ministry official said ... the official said"), else the last person.
* ``description_office``: "the minister", "the foreign minister" with no such person named:
  the state of the last unnamed holder of the office in the window ("Canada's public safety
  minister ... the minister said"), none when holders of two states fit.
* ``description_org``: "the ministry", "the agency", "the fund": the last organisation mention
  whose name, role or any gazetteer name of its actor has that head noun; "the bloc": the last
  regional organisation, none when two are named in the window.
* ``private_body``: a nationality word describing a firm, bank or charity in the speaker's
  prepositional phrase ("Lawyers at a Dutch firm") gives the speaker no state.
* ``office_place``: an office whose own phrase names its state by a capital or state ("the
  foreign ministry in Brasilia", "China's foreign ministry" when no mention covers it,
  "officials in New Delhi", "a parliamentary committee in London").
* ``description_state``: "the foreign ministry", "the planning ministry", "the navy", "the air
  force", "Police", "a government spokesman" that no earlier mention names: the state the text
  is about (:func:`context_state`: the sentence before the speaker, else the nearest earlier
  sentence that names a state, a name outranking a demonym; the wire dateline decides between
  two, and one state found where the dateline names another competes, but police take the
  dateline's; the dateline alone when no state is named; a demand in the speaker's own content,
  "Russia must pay, the ministry said", is no evidence; a denial after a sentence that another
  state's official opens, "The Malian envoy was expelled by Algeria. The spokesman denied ...",
  may be either side's: ``denial_party``, no state). Not after a region of another state,
  not an embassy (a foreign state's), not a body below the state ("the regional government")
  or a company's ("a company spokesman"). ``same_office``: the same office named earlier in
  the window keeps the state it had there ("..., the defence ministry said. ..., the ministry
  added"), not its craft ("a Chinese coast guard ship") nor a nationality the dateline
  contradicts. When two states compete and no dateline decides, the one that opens the
  sentence as its subject (``subject`` in :func:`context_state`: "Cuba accused the United States
  of ... Foreign Minister X said"), not after a hostile act (its victim may speak) nor when
  the speaker's sentence denies; in a sentence naming no state that acts, the state of the
  office holder opening it ("Egypt's President X received ... The two leaders ..., the
  presidency said"). ``launch_victim``: a military office (or a defence ministry) after "X
  launched drones at Y", "X sent warplanes toward Y" is Y's, which counts what comes in
  (:func:`_launch_victim`). ``court_state``: "prosecutors", "the court" take the state of the
  court named before them ("A Dutch court jailed two men ..., prosecutors said"; sector JUD,
  the dateline's as for police). ``royal_court``: "the royal court", "the palace" speak for the
  monarch named last (:func:`_monarch_state`). A staff member of a named office ("a navy
  spokesman") takes the state of that office named before it (``same_office``).
  Institutional bodies count as offices too: "the migration directorate", "the National Bureau
  of Investigation", "the Operational Command of the armed forces" (the office noun before its
  "of" complement), "a parliamentary committee", "the electoral commission" (a committee or
  commission only with a modifier that makes it a state's); "the canal authority", "the
  migration agency" (a modified agency, not a news agency's, with no organisation named before
  it, :func:`_named_agency`). ``owned_body`` and ``embassy_state`` give the phrase they read
  as the antecedent ("Ukraine's SBU security service", "Hungary's ambassador").
* ``org_staff``: "a Commission spokesman", "an Agency official": the organisation its
  capitalised word names, found as ``description_org`` finds "the commission".
* ``local_official``: "the regional governor", "the mayor" with no such person named: the state
  of the one region or town of a state named before it in its sentence, else the sentence
  before ("Shelling hit a village near Kharkiv, the regional governor said").
* ``state_outlet``: a state's own outlet the gazetteer does not know ("the state news agency
  KPL", "state media": the actors lexicon's role nouns of role ``state_media``) speaks for the
  state the text is about (:func:`context_state`).
* ``title_context``: a titled official the people list gives no state ("President William
  Ruto", "Defence Minister X", "regional governor X", a spokesperson whose title names no
  organisation; not an ambassador) takes the nationality
  of an earlier mention of the same name, else :func:`context_state`'s state, as a speaker and
  as the antecedent of "he"/"she"; a governor or mayor not against the dateline, nor after a
  dateline of an unknown place or a place word ("Lagos Governor X").
* ``pronoun_office``: "his office", "her spokeswoman": the state of the person "his"/"her" is.
* ``pronoun_org``: "it" to the nearest organisation or state (not a place, not a media outlet,
  not a person's role such as "the British ambassador" or "Russian troops"), searched sentence by
  sentence: the nearest before it in its own sentence, else the subject-most of the nearest
  earlier sentence that has one.
  A place is never "it": a region of a state ("Gaza", "Donbas"), a capital that does not
  open its clause ("Missiles struck Kyiv"), a state after a place preposition ("in Ukraine").
* ``pronoun_group``: "they" as a speaker: the nearest earlier group of people that spoke
  ("Philippine officials said. They said ...": PHL).
* ``pronoun_possessive``: "Its foreign minister", "their spokesman": the state or organisation
  of ``pronoun_org``'s search from the possessive.
* ``country_possessive``: "the country's defence ministry", "the island's coast guard": the one
  state named by name in the nearest sentence before it that names one (none for two).
* ``role_appositive``: "The spokesman, Bayo X, said": the role before the comma resolved as a
  speaker of its own, the name after it the person.
* ``un_mission``: a bare acronym the gazetteer does not know that spells "UN"/"NU" ("MINUSCA
  said", "UNIFIL said"): the UN.
* ``appositive_office`` (after any rule, for a named speaker of no state): the office its
  appositive names, resolved as a speaker of its own ("Pham Thu Hang, a spokeswoman for the
  foreign ministry": the ministry's state; "X, speaking for Iran's foreign ministry,").
* ``same_person`` (after any rule): a person resolved with no state takes the state the same
  person was resolved to at an earlier speaker already resolved ("the spokeswoman" after
  "ministry spokeswoman X" of a named state; the quotes step resolves its rows kind by kind,
  so an earlier speaker of a later kind is not seen).
* ``name``: a personal name not in the gazetteer ("Melezia Figueroa", "Ham"); a surname
  alone resolves to the full name used earlier in the document. Place names are not names
  ("Red Sea", "Jordan River": :data:`GEO_HEADS`).

Gender comes from the people lexicon's ``people_gender.csv``, titles ("Mrs.", "Sen."is not
gendered, "spokeswoman" is), and first names: NLTK's ``names`` corpus (Kantrowitz's name lists)
where that is installed, corrected and extended by the lexicon's ``first_names.csv`` (given
names of office holders the lists miss or mis-gender). Without the corpus, names in neither
table have no gender and fit either pronoun (a data-free fallback: the nearest person wins).

Work is linear in the document: names are found in one pass over the tokens, the first time a
rule needs them, and each pronoun looks back a bounded number of sentences.

Notes:
    Hobbs, J. (1978), "Resolving pronoun references", Lingua 44; Lappin & Leass (1994) for
    salience by grammatical role; Mitkov (2002), *Anaphora Resolution*, ch. 5 (knowledge-poor
    approaches, agreement filters then preferences). Names: NLTK ``names`` corpus (Mark
    Kantrowitz's lists, distributed with NLTK).
"""
from __future__ import annotations

import bisect
import csv
import functools
import itertools
import operator
import re
from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple
from importlib import resources as _resources

from .actors import STATE_MEDIA   # the actors lexicon's role of an outlet a state runs as its voice
WINDOW_SENTENCES = 6   # how far back a pronoun looks for its antecedent
WINDOW_ROLE = 40       # sentences back for "the spokesperson", "the Russian leader"
MAX_LOOKBACK_TOKENS = 1500   # descriptions never look further back (one endless sentence stays linear)
PRONOUN_LOOKBACK_TOKENS = 300  # nor pronouns (six news sentences are about 150 tokens)

MALE, FEMALE = "m", "f"
PRONOUN_GENDER = {"he": MALE, "him": MALE, "his": MALE, "she": FEMALE, "her": FEMALE}
SUBJECT_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})
FIRST_PERSON = frozenset({"we", "i", "us", "me"})
TITLE_GENDER = {"mr": MALE, "mr.": MALE, "sir": MALE, "mrs": FEMALE, "mrs.": FEMALE, "ms": FEMALE,
                "ms.": FEMALE, "miss": FEMALE, "madam": FEMALE, "lady": FEMALE}
TITLES = frozenset(set(TITLE_GENDER) | set("""
dr dr. sen sen. rep rep. gov gov. gen gen. lt lt. col col. capt capt. sgt sgt. adm adm. rev rev.
prof prof. judge justice senator governor president secretary minister chancellor ambassador
mayor general admiral colonel representative congressman congresswoman spokesman spokeswoman
spokesperson chairman chairwoman director chief commissioner economist analyst professor lawyer
attorney strategist pollster adviser advisor aide activist author host anchor correspondent
founder executive candidate nominee rival maj maj.""".split()))
# Capitalised words that end a name run: a name is not "Florida Friday" or "Hope March".
_NOT_NAME = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december day week""".split())
GENDERED_NOUNS = {"spokesman": MALE, "spokeswoman": FEMALE, "chairman": MALE, "chairwoman": FEMALE,
                  "congressman": MALE, "congresswoman": FEMALE, "businessman": MALE,
                  "businesswoman": FEMALE, "king": MALE, "queen": FEMALE, "prince": MALE,
                  "princess": FEMALE, "father": MALE, "mother": FEMALE, "husband": MALE,
                  "wife": FEMALE, "son": MALE, "daughter": FEMALE, "man": MALE, "woman": FEMALE,
                  "brother": MALE, "sister": FEMALE}
# Person role nouns a definite description names ("the spokesperson"), with the role stems of
# the mentions table they can refer to.
ROLE_NOUNS = {
    "spokesman": ("spokes",), "spokeswoman": ("spokes",), "spokesperson": ("spokes",),
    "president": ("president",), "leader": ("president", "prime_minister", "leader", "monarch",
                                            "chancellor", "head"),
    "minister": ("minister",), "secretary": ("secretary", "minister"), "premier": ("prime_minister",),
    "chancellor": ("chancellor",), "ambassador": ("ambassador", "envoy"), "envoy": ("envoy", "ambassador"),
    "diplomat": ("diplomat", "ambassador", "envoy", "minister"), "official": (), "officer": (),
    "general": ("military", "general", "chief"), "commander": ("military", "commander", "chief"),
    "senator": ("senator",), "governor": ("governor",), "candidate": (), "nominee": (),
    "chairman": ("chair",), "chairwoman": ("chair",), "mayor": ("mayor",), "chief": ("chief",),
    "prosecutor": (), "lawyer": (), "negotiator": (), "aide": (), "adviser": (), "advisor": (),
}
# Titles of one person outside ROLE_NOUNS: "the Saudi crown prince" is "he".
_ROYAL_NOUNS = frozenset("king queen prince princess congressman congresswoman".split())
# Offices held by one person at a time: "the president" is never just the last person named.
OFFICES = frozenset("president premier chancellor governor mayor senator secretary".split())
ORG_NOUNS = frozenset("""ministry department agency government administration embassy office
council commission committee party campaign army military navy force forces service parliament
cabinet court union alliance organisation organization bank company firm group kremlin
presidency""".split())
# First words of place names that take a reporting verb as readily as people ("New York said").
PLACE_STARTS = frozenset("new san santa los las saint st. fort north south east west united great".split())
# Heads of capitalised names that are not people ("The Laura Ingraham Show", "Harvard University").
NOT_PERSON_HEADS = frozenset("""show news times post journal network university college school
institute foundation center centre hospital street avenue church museum club award prize act bill
fund project program programme""".split())
# Heads of place names: "Red Sea", "Jordan River" are never people, although "Red" and "Jordan"
# are first names. Heads that are also surnames ("Bay", "Lake", "Hills") are left out.
GEO_HEADS = frozenset("""sea seas gulf river rivers strait straits ocean oceans mountains lakes
canal valley desert islands peninsula plateau basin glacier""".split())
# First words of a fronted adverbial clause: its people are less salient than the main clause's.
FRONTED_SUBORDINATORS = frozenset("""while although though whereas after before when whenever
since until unlike despite if unless because as once""".split())
# First words of a fronted prepositional or participial phrase ("In a letter to X, Y said"):
# its people, like those of a fronted clause, are not the main clause's subject.
# Not "according to X,": X is the source of what follows, the likeliest "he" of the next quote.
FRONTED_PREPOSITIONS = frozenset("""in on at during with without under amid amidst following
for from over by through ahead beyond within besides""".split())
FRONTED_PARTICIPLES = frozenset("asked pressed questioned interviewed reached contacted".split())
# Words after a comma that coordinate two clauses (the comma closes no fronted phrase).
_CLAUSE_LINKS = frozenset("and but or while whereas so yet".split())
# Plural heads that name people, never "it" ("Russian troops said" is "they").
PERSON_GROUPS = frozenset("""troops soldiers forces officials diplomats ministers lawmakers
negotiators leaders rebels separatists militants fighters civilians citizens""".split())
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_PLURAL_GROUP = re.compile(r"(?:ans|ats|als|ists|ers|ives|ites|ions|ics|ents)$")
_INITIAL = re.compile(r"^[A-Z]\.$")


@dataclass(frozen=True)
class Resolution:
    """Who a speaker span refers to, and which rule said so."""

    actor: str | None
    person: str | None
    sector: str | None
    resolution: str   # coarse kind: mention, pronoun, role, document, name
    rule: str         # the rule id (``speaker_rule``)
    # the character span of the earlier phrase a pronoun or description was resolved to
    # ("Iran's foreign minister" for "He said"; -1 when none: a mention, a name)
    antecedent_start: int = -1
    antecedent_end: int = -1


class Mention(NamedTuple):
    """A mention of the ``mentions`` table, as the resolver reads it (a named tuple: a
    document's mentions are made by the hundred, a tuple is made at C speed)."""

    start: int
    end: int
    actor: str | None = None
    person: str | None = None
    sector: str | None = None
    role: str | None = None
    kind: str | None = None
    location: bool = False
    actor_type: str | None = None
    entry: str | None = None


_SPAN = operator.itemgetter(0, 1)   # a Mention's (start, end)
_CAND_SPAN = operator.itemgetter(1, 2)   # a _Cand's (start, end)


class _Cand(NamedTuple):
    """A person (or organisation) a later pronoun or description may refer to."""

    tok: int              # first token
    start: int            # character offsets of the naming span
    end: int
    person: str | None
    actor: str | None
    sector: str | None
    gender: str | None
    role: str | None
    is_person: bool
    media: bool = False
    head: str = ""        # lower-cased head word (organisations: "ministry")


@functools.lru_cache(maxsize=1)
def _lexicon_genders() -> dict[str, str]:
    path = _resources.files("toolkit") / "lexicons" / "people_gender.csv"
    with path.open(encoding="utf-8") as fh:
        return {r["person"]: r["gender"] for r in csv.DictReader(fh)}


@functools.lru_cache(maxsize=1)
def _lexicon_first_names() -> dict[str, str]:
    path = _resources.files("toolkit") / "lexicons" / "first_names.csv"
    with path.open(encoding="utf-8") as fh:
        return {r["first_name"]: r["gender"] for r in csv.DictReader(fh)}


@functools.lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str | None]:
    """First name -> ``"m"``/``"f"`` (``None``: on both of NLTK's lists).

    NLTK's ``names`` corpus gives most names; the people lexicon's ``first_names.csv`` then
    adds or corrects the given names of office holders that its lists miss or mis-gender
    ("Volodymyr", "Andrei"), so those work with or without the corpus. Without the corpus
    (one :class:`toolkit.resources.DegradedWarning`) only that table is used.

    Example:
        >>> g = first_name_genders()
        >>> g.get("Elizabeth", "f"), g["Andrei"], g["Volodymyr"]
        ('f', 'm', 'm')
    """
    from .resources import require

    out: dict[str, str | None] = {}
    if require("names"):
        from nltk.corpus import names

        male, female = set(names.words("male.txt")), set(names.words("female.txt"))
        out = dict.fromkeys(male & female)
        out.update({n: MALE for n in male - female})
        out.update({n: FEMALE for n in female - male})
    out.update(_lexicon_first_names())
    return out


def gender_of(person: str | None, title: str | None = None) -> str | None:
    """Grammatical gender of a person: lexicon, then title, then first name; else ``None``.

    Example:
        >>> gender_of("Hillary Clinton"), gender_of("Clarke", "Mr."), gender_of("Zork Blat")
        ('f', 'm', None)
    """
    if title:
        g = TITLE_GENDER.get(title.lower()) or GENDERED_NOUNS.get(title.lower())
        if g:
            return g
    if not person:
        return None
    g = _lexicon_genders().get(person)
    if g:
        return g
    return first_name_genders().get(person.split()[0])


@dataclass
class TokenArrays:
    """Token arrays of one document, as the resolver reads them (``toolkit.quotes`` has its own)."""

    text: str
    start: list
    end: list
    tok: list
    low: list
    sent: list         # sentence position (0, 1, ...) of each token
    sent_start: list   # first token of each sentence position
    sent_end: list     # one past its last token


def token_arrays(text: str, tokens) -> TokenArrays:
    """:class:`TokenArrays` of one document from its rows of the ``tokens`` table.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> _, toks = tokenize_documents(["d"], ["He left. She stayed."])
        >>> token_arrays("He left. She stayed.", toks).sent_start
        [0, 3]
    """
    sids = list(tokens["sent_id"])
    sent: list[int] = []
    sent_start: list[int] = []
    sent_end: list[int] = []
    for n, sid in enumerate(sids):
        if n == 0 or sid != sids[n - 1]:
            if sent_start:
                sent_end.append(n)
            sent_start.append(n)
        sent.append(len(sent_start) - 1)
    if sent_start:
        sent_end.append(len(sids))
    return TokenArrays(text, list(tokens["start"]), list(tokens["end"]), list(tokens["text"]),
                       list(tokens["lower"]), sent, sent_start, sent_end)


def _name_word(d, t: int) -> bool:
    """A capitalised word that can be part of a personal name (not "I", "But", "The", "Monday")."""
    low = d.low[t]
    return len(low) > 1 and low not in _NEVER_NAME and _cap(d.tok[t])


def _cap(tok: str) -> bool:
    return tok[:1].isupper() and (tok[1:2].islower() or tok[1:] == "" or tok[1:2] in "'’-.")


class _Names:
    """Person and organisation candidates of one document, found in one pass over its tokens.

    The pass over the text may stop early (``upto``) and go on later (:meth:`extend`): a
    pronoun's search needs only the names before it, and a name depends only on the mentions
    and on the names before it (a known surname), so the candidates found so far are those of
    the whole pass that start before :attr:`done`.
    """

    def __init__(self, d, mentions: Sequence[Mention], cue_tokens: Container[int], upto: int | None = None):
        self.d = d
        self.cands: list[_Cand] = []
        self.starts: list[int] = []
        self.surnames: dict[str, _Cand] = {}
        self._found: list[_Cand] = []   # the mentions' candidates, then the text's in text order
        self._cue_tokens = cue_tokens
        self._m_by_tok = self._mention_tokens(mentions)
        self._from_mentions(mentions)
        self._caps: list[int] = []   # the capitalised tokens before token _caps_end
        self._caps_end = 0
        self._ci = 0
        self.done = -1   # every run of capitalised words starting before this token is read
        self.extend(len(d.tok) if upto is None else max(upto, 0))

    def extend(self, upto: int) -> None:
        """Read the text's names as far as token ``upto`` (every name starting before it)."""
        if upto <= self.done:
            return
        self._from_text(upto)
        self.done = upto
        self.cands = sorted(self._found, key=_CAND_SPAN)
        self.starts = [c.start for c in self.cands]

    def _more_caps(self, b: int) -> None:
        """Find the capitalised tokens before token ``b``: those that differ from their
        lower-case form (found at C speed), then those whose first letter is a capital."""
        a = self._caps_end
        if b <= a:
            return
        tok, low = self.d.tok, self.d.low
        self._caps += [i for i in itertools.compress(range(a, b), map(operator.ne, tok[a:b], low[a:b])) if tok[i][0].isupper()]
        self._caps_end = b

    def _mention_tokens(self, mentions: Sequence[Mention]) -> dict[int, Mention]:
        out = {}
        for m in mentions:
            t = bisect.bisect_left(self.d.start, m.start)
            while t < len(self.d.start) and self.d.start[t] < m.end:
                out[t] = m
                t += 1
        return out

    def _from_mentions(self, mentions: Sequence[Mention]) -> None:
        d = self.d
        for m in mentions:
            if m.location:
                continue
            tok = bisect.bisect_left(d.start, m.start)
            title = d.low[tok - 1] if tok > 0 else None
            if m.person:
                c = _Cand(tok, m.start, m.end, m.person, m.actor, m.sector, gender_of(m.person, title),
                          m.role, True)
                self.surnames.setdefault(m.person.split()[-1], c)
            elif m.actor:
                head = (m.entry or d.text[m.start:m.end]).split()[-1].lower()
                c = _Cand(tok, m.start, m.end, None, m.actor, m.sector, None, m.role, False,
                          media=_is_media(m), head=head)
            else:
                continue
            self._found.append(c)

    def _from_text(self, upto: int) -> None:
        """Names the gazetteer does not know: after a title, from a known first name, or as the
        subject of a reporting verb ("Ana Ruiz said", mid-sentence "..., Ham also noted"), in
        the runs of capitalised words that start before token ``upto``."""
        d = self.d
        tok, low = d.tok, d.low
        n = len(tok)
        self._more_caps(min(n, upto + 5))   # a run starting before upto ends within 5 tokens
        caps, m_by_tok = self._caps, self._m_by_tok
        ci = self._ci
        while ci < len(caps) and caps[ci] < upto:
            t = caps[ci]
            ci += 1
            if t in m_by_tok or not _name_word(d, t):
                continue
            e = t + 1
            while e < n and e - t < 5 and e not in m_by_tok and (_name_word(d, e) or _INITIAL.match(tok[e])):
                e += 1
            # a lone word is a name only after a title or as a known surname (as _name_in_run
            # decides), asked here because most runs are one capitalised word
            if e - t > 1 or tok[t] in self.surnames or (t > 0 and (low[t - 1] in TITLES or low[t - 1] in GENDERED_NOUNS)):
                self._name_in_run(t, e, self._cue_tokens)
            while ci < len(caps) and caps[ci] < e:
                ci += 1
        self._ci = ci

    def _name_in_run(self, t: int, e: int, cue_tokens: Container[int]) -> None:
        d = self.d
        first = first_name_genders()
        title = d.low[t - 1] if t > 0 and (d.low[t - 1] in TITLES or d.low[t - 1] in GENDERED_NOUNS) else None
        for k in range(t, e - 1):
            if d.low[k] in TITLES:   # "Democratic Sen. David Perdue": the name after the title
                t, title = k + 1, d.low[k]
            elif d.tok[k] in first and title is None:
                t = k
                break
        if t >= e:
            return
        known = d.tok[e - 1] in self.surnames
        if e - t == 1 and not title and not known:
            return   # a lone capitalised word is a name only after a title or as a known surname
        subject = e in cue_tokens or (e + 1 < len(d.tok) and e + 1 in cue_tokens and d.low[e] in _AUX_WORDS) \
            or (e + 1 < len(d.tok) and d.tok[e] == "," and (d.low[e + 1] in ("who", "a", "an", "the")
                                                            or d.low[e + 1] in _APPOSITIVE_ROLES))
        single = e - t == 1
        last = d.low[e - 1]
        role_like = last in ROLE_NOUNS or last in ORG_NOUNS or last in TITLES or last in NOT_PERSON_HEADS \
            or any(d.low[k] in GEO_HEADS for k in range(t + 1, e)) or _PLURAL_GROUP.search(last) \
            or d.low[t] in PLACE_STARTS
        # A lone capitalised word is a name only after a title or as a known surname: "Islam
        # teaches", "Defense said" are not people.
        if role_like and not known:
            return  # "Mr. President", "the Supreme Leader": an office, not a name
        if title or known or (not single and (d.tok[t] in first or subject)):
            self._add_name(t, e, title)

    def _add_name(self, t: int, e: int, title: str | None) -> None:
        d = self.d
        name = " ".join(d.tok[t:e])
        prev = self.surnames.get(d.tok[e - 1])
        if prev is not None and e - t == 1:
            c = _Cand(t, d.start[t], d.end[e - 1], prev.person, prev.actor, prev.sector,
                      prev.gender or gender_of(None, title), prev.role, True)
        else:
            c = _Cand(t, d.start[t], d.end[e - 1], name, None, None, gender_of(name, title), None, True)
            if e - t >= 2 or title:
                self.surnames.setdefault(d.tok[e - 1], c)
        self._found.append(c)

    def before(self, offset: int) -> int:
        """Index of the first candidate starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)


# Words that open an appositive describing a person right after a name ("Olha Marchenko,
# deputy head of ...", "Ivan Petrov, spokesman for ..."), which makes the name a person's.
_APPOSITIVE_ROLES = frozenset("""deputy head chief spokesman spokeswoman spokesperson minister
senior former acting adviser advisor aide ambassador envoy commander governor mayor president""".split())
_NON_NAME_CAPS = frozenset("""i we you they me us them my our your their maybe so then now also
just even only well yes no oh thank thanks please mr mrs ms dr god""".split())
_AUX_WORDS = frozenset("has have had is was were will would could can may might also then later "
                       "again further previously".split())
_COMMON_STARTS = frozenset("""the a an this that these those it its but and or so yet if when
while after before as in on at for with by from of to there here some many most several more
other others both all each every no not however meanwhile still""".split())
# the lower-cased words no name contains (one look-up per capitalised word of a document)
_NEVER_NAME = _NOT_NAME | _COMMON_STARTS | frozenset(PRONOUN_GENDER) | _NON_NAME_CAPS


def _positions(words: list, targets: frozenset) -> list[int]:
    """The sorted positions of ``targets`` in ``words``: one ``list.index`` scan per target
    word (a compare in C per word), not a set look-up per word.

    Example:
        >>> _positions(["he", "left", "and", "she", "said", "he"], frozenset({"he", "she"}))
        [0, 3, 5]
    """
    out: list[int] = []
    for w in targets:
        i = -1
        try:
            while True:
                i = words.index(w, i + 1)
                out.append(i)
        except ValueError:
            pass
    out.sort()
    return out


class SpeakerResolver:
    """Resolves speaker spans of one document (see the module docstring for the rules).

    Args:
        d: the document's token arrays (``text, start, end, tok, low, sent, sent_start``).
        mentions: the document's mentions.
        quotes: character spans of its top-level quotations (antecedents inside them are
            someone else's words and are skipped).
        cue_tokens: token indices of reporting verbs (their subjects are people).
        doc_actor: the speaking state of a speech ("we"/"I"), if known.
        gazetteer: the :class:`toolkit.actors.Gazetteer` the mentions were found with, so its
            demonyms ("Kestrian") name an official's state; ``None``: the bundled one.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Anna Kovac met Ivan Petrov. She said talks had failed."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> r = SpeakerResolver(token_arrays(text, toks), [], [], set())
        >>> r.resolve(text.index("She"), text.index("She") + 3).person
        'Anna Kovac'
    """

    def __init__(self, d, mentions: Sequence[Mention], quotes: Sequence[tuple[int, int]],
                 cue_tokens: Container[int], doc_actor: str | None = None, gazetteer=None):
        self.d = d
        if gazetteer is None:   # the bundled one, loaded once here: the rules read it for each
            from .actors import load_gazetteer   # speaker, and a load checks five files' times
            gazetteer = load_gazetteer()
        self.gazetteer = gazetteer  # the actors step's gazetteer (else the bundled one)
        self._actor_of: dict[int, tuple[str | None, str | None, str | None]] = {}
        self.mentions = sorted(mentions, key=_SPAN)   # (start, end), the key read in C
        self.m_start = [m.start for m in self.mentions]
        self.quotes = sorted(quotes)
        self.q_start = [a for a, _ in self.quotes]
        self.cue_tokens = cue_tokens
        self.doc_actor = doc_actor
        self._names: _Names | None = None
        self._pron: dict[int, _Cand | None] = {}
        self._pron_toks: list[int] | None = None
        self._pron_done = 0
        self._roles: dict[int, _Cand | None] = {}   # a description's candidate, by its start
        self.regions: frozenset[str] | None = None   # the gazetteer's regions, read when first needed
        self._datelines: list[tuple[int, int, str | None]] | None = None   # read when first needed
        self._heads: dict[str, list[int]] = {}   # token positions of an office noun, by noun
        # the state each person was resolved to, with where: a later "Maiga said" or "the
        # spokeswoman" that no rule gives a state keeps the one the person had (same_person)
        self._person_states: dict[str, tuple[int, str, str | None]] = {}
        self._labels: dict[str, Resolution | None] = {}   # a transcript label's referent, by label

    @property
    def names(self) -> _Names:
        """The document's names (:class:`_Names`), its whole text read."""
        return self._names_to(len(self.d.tok))

    def _names_to(self, tok: int) -> _Names:
        """The document's names, its text read at least as far as token ``tok``."""
        if self._names is None:
            self._names = _Names(self.d, self.mentions, self.cue_tokens, upto=tok)
        else:
            self._names.extend(tok)
        return self._names

    # -- helpers
    def in_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self.q_start, offset) - 1
        return i >= 0 and offset < self.quotes[i][1]

    def mentions_in(self, a: int, b: int) -> list[Mention]:
        i = bisect.bisect_left(self.m_start, a)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < b:
            if self.mentions[i].end <= b:
                out.append(self.mentions[i])
            i += 1
        j = bisect.bisect_left(self.m_start, a) - 1
        if j >= 0 and self.mentions[j].end > a:
            out.append(self.mentions[j])
        return out

    def resolve(self, a: int, b: int) -> Resolution | None:
        """Resolve the speaker span ``[a, b)``, its head before a relative clause
        (:func:`_head_end`: "Mr X, who met Museveni"); ``None`` when no rule answers."""
        full, b = b, _head_end(self, a, b)
        words = self.d.text[a:b].lower().split()
        if not words:
            return None
        res = self._first_rule(a, b, words)
        if res is None or res.person is not None and res.actor is None:
            res = _appositive_office(self, a, b, full, res) or res
        return self._same_person(res, a) if res is not None else None

    def _first_rule(self, a: int, b: int, words: list[str]) -> Resolution | None:
        for rule in RULES:
            res = rule(self, a, b, words)
            if res is not None:
                return res
        return None

    def _same_person(self, res: Resolution, a: int) -> Resolution:
        """Rule ``same_person``: a person resolved with no state takes the state the same person
        was resolved to at an earlier speaker ("Estonia's foreign ministry ... ministry spokeswoman
        Liis Aaremaa said. The spokeswoman said"); one resolved with a state is remembered for
        the later ones."""
        if res.person is None:
            return res
        key = res.person.lower()
        if res.actor is not None:
            if key not in self._person_states or self._person_states[key][0] > a:
                self._person_states[key] = (a, res.actor, res.sector)
            return res
        known = self._person_states.get(key)
        if known is None or known[0] >= a:
            return res
        return Resolution(known[1], res.person, res.sector or known[2], res.resolution, "same_person",
                          res.antecedent_start, res.antecedent_end)

    # -- pronoun search
    def _subject_pronouns(self) -> list[int]:
        if self._pron_toks is None:
            d = self.d
            self._pron_toks = [t for t in _positions(d.low, SUBJECT_PRONOUNS) if not self.in_quote(d.start[t])]
        return self._pron_toks

    def pronoun_antecedent(self, tok: int, gender: str | None) -> _Cand | None:
        """The antecedent of the subject pronoun at token ``tok``.

        Earlier subject pronouns are resolved first, in document order and without recursion,
        so a chain "X ... He ... He" follows X however long it is.
        """
        if tok in self._pron:
            return self._pron[tok]
        self._chain_to(tok)
        if tok not in self._pron:
            self._pron[tok] = self._antecedent(tok, gender)
        return self._pron[tok]

    def _chain_to(self, tok: int) -> None:
        """Resolve the subject pronouns before token ``tok`` in document order, once each."""
        toks = self._subject_pronouns()
        i = bisect.bisect_left(toks, tok)
        while self._pron_done < i:
            t = toks[self._pron_done]
            self._pron[t] = self._antecedent(t, PRONOUN_GENDER[self.d.low[t]])
            self._pron_done += 1

    def antecedent(self, a: int, b: int, *, exclude: str | None = None) -> Resolution | None:
        """Whom the pronoun at ``[a, b)`` refers to, wherever it stands (subject or object).

        The one search behind the quotes' speakers and the events' arguments: "he"/"she"/"him"/
        "her" take :meth:`pronoun_antecedent`'s person (subject pronouns in one chain),
        "it"/"they"/"them" the organisation or state of :func:`rule_pronoun_org`'s search
        ("they" may be a group of people: "Russian troops"), "we"/"I"/"us"/"me" the document's
        speaking state. ``exclude`` (a person or actor) skips a co-argument: "him" in "He urged him"
        is not whom "He" is.

        Example:
            >>> from toolkit.tokenize import tokenize_documents
            >>> text = "Anna Kovac met Ivan Petrov. She urged him to stay."
            >>> _, toks = tokenize_documents(["d"], [text])
            >>> r = SpeakerResolver(token_arrays(text, toks), [], [], set())
            >>> at = text.index("him")
            >>> r.antecedent(at, at + 3, exclude="Anna Kovac").person
            'Ivan Petrov'
        """
        word = self.d.text[a:b].lower()
        if word in FIRST_PERSON:
            return document_speaker(word, self.doc_actor)
        if word in GROUP_PRONOUNS:
            return _org_antecedent(self, a, people=word not in ("it", "its"), exclude=exclude)
        gender = PRONOUN_GENDER.get(word)
        if gender is None:
            return None
        tok = bisect.bisect_left(self.d.start, a)
        if tok >= len(self.d.start):
            return None
        if word in SUBJECT_PRONOUNS:
            c = self.pronoun_antecedent(tok, gender)
            if c is not None and exclude is not None and exclude in (c.person, c.actor):
                c = self._antecedent(tok, gender, exclude)
        else:
            self._chain_to(tok)   # earlier "he"/"she" stand for whom they resolved to
            c = self._antecedent(tok, gender, exclude)
        return _pronoun_answer(self, c)

    def _antecedent(self, tok: int, gender: str | None, exclude: str | None = None) -> _Cand | None:
        d = self.d
        s = d.sent[tok]
        floor = d.start[max(0, tok - PRONOUN_LOOKBACK_TOKENS)]
        for sent in range(s, max(0, s - WINDOW_SENTENCES) - 1, -1):
            lo = max(floor, d.start[d.sent_start[sent]])
            hi = d.start[tok] if sent == s else d.end[d.sent_end[sent] - 1]
            if hi <= floor:
                break
            people = self._sentence_people(lo, hi, gender)
            if exclude is not None:   # a co-argument: "him" in "He urged him" is not whom "He" is
                people = [c for c in people if exclude not in (c.person, c.actor)]
            if people:
                if sent != s:
                    people = self._main_clause_first(sent, people)
                return people[0]  # the subject-most (leftmost) person whose gender fits
        return None

    def _main_clause_first(self, sent: int, people: list) -> list:
        """People (or mentions) of an earlier sentence, those of a fronted adverbial clause or
        phrase ("While Obama ..., the rally worried Henry Crespo.", "In a letter to Olaf
        Scholz, Emmanuel Macron urged calm.", "Speaking to X, Y ...") after those of the main
        clause, whose subject Hobbs's search meets first and Centering ranks highest."""
        d = self.d
        a, b = d.sent_start[sent], d.sent_end[sent]
        first = d.low[a]
        phrase = first in FRONTED_PREPOSITIONS or first in FRONTED_PARTICIPLES \
            or (first.endswith("ing") and len(first) > 5 and first != "according"
                and not self.mentions_in(d.start[a], d.end[a]))
        if first not in FRONTED_SUBORDINATORS and not phrase:
            return people
        comma = next((t for t in range(a, min(b, a + 25)) if d.tok[t] == ","), None)
        if comma is None or (phrase and comma + 1 < b and d.low[comma + 1] in _CLAUSE_LINKS):
            return people   # "In 2014 Putin annexed Crimea, and Obama ...": no fronted phrase
        cut = d.start[comma]
        return [c for c in people if c.start > cut] + [c for c in people if c.start < cut]

    def _sentence_people(self, lo: int, hi: int, gender: str | None) -> list[_Cand]:
        """People named in ``[lo, hi)`` outside quotations, in text order; earlier subject
        pronouns of ``gender`` stand for whom they resolved to."""
        d = self.d
        names = self._names_to(bisect.bisect_left(d.start, hi))   # the names starting before hi
        out = []
        i = names.before(lo)
        while i < len(names.cands) and names.cands[i].start < hi:
            c = names.cands[i]
            i += 1
            if not c.is_person:
                if not c.role or c.media:
                    continue
                rc = self._role_person(c, names, i - 1)   # "Norway's foreign minister"
                if rc is None:
                    continue
                c = rc
            if c.gender in (gender, None) and not self.in_quote(c.start):
                out.append(c)
        toks = self._subject_pronouns()
        j = bisect.bisect_left(toks, bisect.bisect_left(d.start, lo))
        while j < len(toks) and d.start[toks[j]] < hi:
            t = toks[j]
            j += 1
            pc = self._pron.get(t)
            if pc is not None and PRONOUN_GENDER[d.low[t]] == gender:
                actor, sector, _ = self.person_actor(pc)
                out.append(_Cand(t, d.start[t], d.end[t], pc.person, actor, sector, gender, pc.role,
                                 True))
        out.sort(key=lambda c: c.start)
        return out

    def _role_person(self, c: _Cand, names: _Names, i: int) -> _Cand | None:
        """The person an unnamed official's description names, as a candidate for "he"/"she"
        (``names.cands[i]`` is ``c``): a mention of a state's role whose head is one person's
        role noun ("Norway's foreign minister", "the Chilean president", "the Kremlin
        spokeswoman"), with the gender its noun gives; ``None`` for a group ("Russian
        soldiers", "the foreign ministers"), a description a named person stands beside
        ("Norway's foreign minister Espen Eide", "Espen Eide, Norway's foreign minister"), or one
        that may describe a person named earlier (:meth:`_role_referent`)."""
        if c.start in self._roles:
            return self._roles[c.start]
        d = self.d
        head = d.text[c.start:c.end].rsplit(None, 1)[-1].lower()
        got = None
        if (head in ROLE_NOUNS or head in _ROYAL_NOUNS) and not self._named_beside(c, names, i):
            got = self._role_referent(c._replace(is_person=True, gender=GENDERED_NOUNS.get(head),
                                                 head=head), names, i)
        self._roles[c.start] = got
        return got

    def _role_referent(self, c: _Cand, names: _Names, i: int) -> _Cand | None:
        """Whom the description ``c`` describes: the last person named before it
        (:data:`WINDOW_ROLE` sentences back) who may be of its state and of its noun's gender
        decides. Their role fits the noun ("Gabriel Boric, Chile's president ... the Chilean
        president"): that person; any other role, or none ("Kamala Harris ... the U.S. senator
        from California": the people table's roles are offices held, not every description a
        person carries): ``None``, so a pronoun's search goes on as for named people alone (the
        description may be theirs); no one: ``c``, an unnamed official of its state."""
        stems = ROLE_NOUNS.get(c.head, ())
        floor = self.window_start(c.start, WINDOW_ROLE)
        j = i - 1
        while j >= 0 and names.cands[j].start >= floor:
            n = names.cands[j]
            j -= 1
            if not n.is_person or not n.person or n.end > c.start or self.in_quote(n.start) \
                    or (c.gender is not None and n.gender not in (c.gender, None)):
                continue
            if (n.actor or self.person_actor(n)[0]) not in (None, c.actor):
                continue   # a person of another state
            if stems and _role_fits(n, stems):
                return c._replace(person=n.person, gender=n.gender or c.gender, role=n.role)
            return None
        return c

    def _named_beside(self, c: _Cand, names: _Names, i: int) -> bool:
        """Is a named person in apposition with the description ``c`` (``names.cands[i]``):
        right after it, or right before it, across at most a comma?"""
        d = self.d
        e = bisect.bisect_left(d.start, c.end)   # the token after the description
        e += e < len(d.tok) and d.tok[e] == ","
        b = c.tok - 1 - (c.tok > 0 and d.tok[c.tok - 1] == ",")   # the token before it
        for j in (i - 1, i + 1):
            if 0 <= j < len(names.cands):
                n = names.cands[j]
                if n.is_person and n.person and ((e < len(d.start) and n.start == d.start[e])
                                                 or (b >= 0 and n.end == d.end[b])):
                    return True
        return False

    def last_person(self, offset: int, window_start: int, fits: Callable[[_Cand], bool]) -> _Cand | None:
        names = self.names
        i = names.before(offset) - 1
        while i >= 0 and names.cands[i].start >= window_start:
            c = names.cands[i]
            if c.is_person and c.end <= offset and fits(c) and not self.in_quote(c.start):
                return c
            i -= 1
        return None

    def person_actor(self, c: _Cand) -> tuple[str | None, str | None, str | None]:
        """(actor, sector, how) of a person candidate. One named with no state takes the state
        of a nationality word or state (its capital too) in or just before its name ("Kestrian
        Interior Minister Paul Ander", "Kyiv mayor Vitali Klitschko": ``how``
        "nationality_title"; not "Moscow correspondent X", no office) or the organisation of its title ("embassy
        spokesman Liu Pengyu" after "China's embassy": "title_org"); ``how`` is None otherwise.

        Example:
            >>> from toolkit.tokenize import tokenize_documents
            >>> text = "Polish Interior Minister Jan Wrobel spoke."
            >>> _, toks = tokenize_documents(["d"], [text])
            >>> r = SpeakerResolver(token_arrays(text, toks), [], [], set())
            >>> r.person_actor(r.names.cands[0])
            ('POL', 'GOV', 'nationality_title')
        """
        d = self.d
        if c.actor or not c.person or d.low[c.tok] in PRONOUN_GENDER:
            return c.actor, c.sector, None
        if c.start not in self._actor_of:
            t = c.tok
            lo = t
            while lo > 0 and t - lo < 4 and d.sent[lo - 1] == d.sent[t] \
                    and (_cap(d.tok[lo - 1]) or d.low[lo - 1] in POSSESSIVES
                         or d.low[lo - 1] in ROLE_NOUNS) \
                    and d.low[lo - 1] not in _COMMON_STARTS:
                lo -= 1
            sector: str | None
            actor, sector, how = _nationality(self, d.start[lo], c.end), c.sector or "GOV", \
                "nationality_title"
            if actor is None:
                (actor, sector), how = _title_org(self, c), "title_org"
            if actor is None and (_state_office(c.role, spokes=_bare_spokes(self, c.start, c.end)) or (c.tok > 0 and d.low[c.tok - 1] in _STATE_TITLES)) \
                    and not _org_before(self, d.start[max(d.sent_start[d.sent[t]], t - 4)], c.start):
                actor, sector, how = _title_context(self, c.start, c.person, c.role), c.sector or "GOV", \
                    "title_context"
            self._actor_of[c.start] = (actor, sector, how) if actor else (None, c.sector, None)
        return self._actor_of[c.start]

    def window_start(self, offset: int, sentences: int) -> int:
        d = self.d
        t = min(bisect.bisect_left(d.start, offset), len(d.start) - 1)
        if t < 0:
            return 0
        s = max(0, d.sent[t] - sentences)
        return max(d.start[d.sent_start[s]], d.start[max(0, t - MAX_LOOKBACK_TOKENS)])


def _answer(r: SpeakerResolver, c: _Cand, resolution: str, rule: str) -> Resolution:
    actor, sector, _ = r.person_actor(c)
    return Resolution(actor, c.person, sector, resolution, rule, c.start, c.end)


def _pronoun_answer(r: SpeakerResolver, c: _Cand | None) -> Resolution | None:
    """"he"/"she" resolved to ``c``: rule ``pronoun_person`` for a named person,
    ``pronoun_role`` for an unnamed official ("Norway's foreign minister ... He": the state,
    no person)."""
    if c is None:
        return None
    return _answer(r, c, "pronoun", "pronoun_person" if c.person else "pronoun_role")


# --------------------------------------------------------------------------- rules

# Heads of a noun phrase that a nationality word makes a state's voice ("a Danish diplomat",
# "the Kestrian foreign ministry"): offices, bodies and forces of a state. A firm, charity,
# think tank or rescue group a nationality word describes is not that state.
_STATE_HEADS = frozenset("""official officials minister ministers ministry government diplomat
diplomats envoy envoys ambassador embassy consulate mission delegation delegate negotiator
negotiators spokesman spokeswoman spokesperson army military navy forces troops commander general
officer officers police authorities leader president premier chancellor lawmaker lawmakers
legislator senator parliament cabinet regime junta administration presidency state regulator""".split())
# Words that end an appositive's head noun phrase ("a Danish diplomat in Nuuk").
_HEAD_STOPS = frozenset("of at for in from with to by on near next outside based who whom which that , ( ; :".split())


def _private_appositive(r: SpeakerResolver, a: int, b: int) -> int:
    """Where to cut a speaker span ``[a, b)`` "Name, a <nationality> <head>" whose appositive
    head is not a state's office or body ("Ambrey, a British maritime security firm", "Tallo
    Trust, a Kestrian charity"): the nationality word describes a private body, which does not
    speak for its state, so the span is read up to the comma. ``b`` otherwise ("Jan Holm, a
    Danish diplomat" keeps DNK; "X, the White House political director" names a state's body).

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Varro, a British shipping firm"
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> r = SpeakerResolver(token_arrays(text, toks), [], [], set())
        >>> text[:_private_appositive(r, 0, len(text))]
        'Varro'
    """
    d = r.d
    t0, t1 = bisect.bisect_left(d.start, a), bisect.bisect_left(d.start, b)
    j = next((k for k in range(t0 + 1, t1 - 2) if d.tok[k] == ","), None)
    if j is None or not d.tok[j - 1][:1].isupper() or d.low[j + 1] not in ("a", "an", "the"):
        return b
    stop = j + 2
    while stop < t1 and d.low[stop] not in _HEAD_STOPS:
        stop += 1
    if stop - 1 <= j + 1 or d.low[stop - 1] in _STATE_HEADS:
        return b
    lo, hi = d.start[j + 1], d.end[stop - 1]
    states = [m for m in r.mentions_in(lo, hi) if m.actor and not m.person]
    if any(m.kind != "demonym" for m in states):
        return b  # "the White House political director", "a U.S. regulator": a state's body named
    if not states and _nationality(r, lo, hi) is None:
        return b
    return d.start[j]


# Prepositions that attach a body to a speaker's head noun ("lawyers at a Dutch firm"), and the
# heads of private bodies a nationality word describes without making them its state's.
_BODY_PREPS = frozenset("at of for from with in".split())
_PRIVATE_HEADS = frozenset("""firm firms company companies bank banks lender insurer charity charities
university universities newspaper newspapers paper papers magazine magazines broadcaster broadcasters
outlet outlets website websites hospital consultancy corporation conglomerate manufacturer
carrier airline startup foundation ngo nonprofit""".split())


def _private_body_demonym(r: SpeakerResolver, a: int, b: int, m: Mention) -> bool:
    """Rule ``private_body``: whether mention ``m`` is a nationality word describing a private
    body in a prepositional phrase of the speaker span ``[a, b)`` ("Lawyers at a Dutch firm",
    "engineers with a Swedish company", "doctors of a French charity"): staff of a firm, bank or
    charity do not speak for the state its nationality names (the events' own reading, and
    :func:`_private_appositive`'s for "X, a British firm"); a state's office or body keeps it
    ("a spokesman for the Chilean ministry", "officers of the Turkish gendarmerie"), and so does
    a state company ("workers at a Chinese state company", "editors at a state-run paper"). News
    outlets are private bodies here: "reported by dozens of Georgian papers" is no Georgian
    statement (the outlets are the channel).

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Lawyers at a Dutch firm"
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> r = SpeakerResolver(token_arrays(text, toks), [], [], set())
        >>> m = Mention(13, 18, "NLD", kind="demonym", actor_type="state")
        >>> _private_body_demonym(r, 0, len(text), m)
        True
    """
    if m.kind != "demonym" or m.person or not m.actor:
        return False
    d = r.d
    t, t1 = bisect.bisect_left(d.start, m.start), bisect.bisect_left(d.start, b)
    t0 = bisect.bisect_left(d.start, a)
    k = t - 1
    while k > t0 and d.low[k] in ("a", "an", "the"):
        k -= 1
    if k <= t0 or d.low[k] not in _BODY_PREPS:
        return False   # "Dutch lawyers", "the Dutch firm": the span's own head
    stop = t + 1
    while stop < t1 and d.low[stop] not in _HEAD_STOPS:
        stop += 1
    mods = d.low[t + 1:stop - 1]
    # a state body keeps its state whatever the compound: "state", "state-owned", "state-run",
    # "state-controlled" ("a Chinese state-run newspaper" speaks for China)
    return stop - 1 > t and d.low[stop - 1] in _PRIVATE_HEADS and not any(
        w == "state" or w.startswith("state-") for w in mods)


def rule_mention(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """A mention inside the span; an unknown official takes the state of its nationality word,
    a role of a state ("the Russian leader") the person of that state mentioned last. A
    nationality word in an appositive naming a private body is left out (:func:`_private_appositive`)."""
    b = _private_appositive(r, a, b)
    inside = [m for m in r.mentions_in(a, b) if (not m.location or m.person) and not _private_body_demonym(r, a, b, m)]
    if not inside:
        return None
    best = max(inside, key=lambda m: (m.person is not None, not _possessor(r, m, b), m.actor_type != "media",
                                      m.end - m.start, -m.start))
    best = _owner_of_complement(r, inside, best, a)
    actor, person, sector = best.actor, best.person, best.sector
    if not person and _is_media(best):
        c = _name_before(r, a, best.start)   # "Ana Lopes, the director of the Orsk Herald": a journalist
        return _outlet_answer(best, c.person if c is not None else None)
    if person and _possessor(r, best, b):
        person = sector = None  # "Erdogan's spokesman": the state's, not Erdogan's own words
    if person and best.actor_type == "igo" and best.role in _DELEGATE_ROLES:
        state = _delegating_state(r, inside, best)
        if state is not None:   # "Britain's UN ambassador X": Britain's envoy to the UN
            return Resolution(state, person, "GOV", "mention", "delegate_state")
    if not person and best.actor_type != "media":
        c = _name_before(r, a, best.start)
        if c is not None:
            # "Ivan Petrov, who met the Ukrainian envoy, said": the name is the speaker; a state
            # in its description is its state ("Olha Marchenko of the Ukrainian foreign ministry"),
            # one in a relative clause is not.
            known, known_sector, how = r.person_actor(c)
            nat = known or _nationality_after(r, c.end, b)
            return Resolution(nat, c.person, known_sector or (sector if nat == actor else None),
                              "mention", how or ("nationality_title" if nat else "name"))
    if person and not actor:
        nat = _nationality(r, a, best.start) or _nationality_after(r, best.end, b)
        if nat is not None:
            return Resolution(nat, person, sector or "GOV", "mention", "nationality_title")
        c = _Cand(bisect.bisect_left(r.d.start, best.start), best.start, best.end, person, None,
                  sector, None, best.role, True)
        nat, nat_sector, how = r.person_actor(c)
        if nat is not None and how is not None:   # how is set whenever a state is
            return Resolution(nat, person, nat_sector, "mention", how)
        if _state_office(best.role, spokes=_bare_spokes(r, a, best.end)) and not _org_before(r, a, best.start):
            nat = _title_context(r, best.start, person, best.role)
            if nat is not None:
                return Resolution(nat, person, sector or "GOV", "mention", "title_context")
    if not person and actor and words[-1] in ROLE_NOUNS and best.actor_type != "media" and words[0] == "the":
        stems = ROLE_NOUNS[words[-1]]
        never = ROLE_NOUNS["leader"] if words[-1] in _STAFF_NOUNS else ()   # an aide is never the leader
        c = r.last_person(a, r.window_start(a, WINDOW_ROLE),
                          lambda c: c.actor == actor and (not stems or _role_fits(c, stems))
                          and not (never and _role_fits(c, never)))
        if c is None:
            c = r.last_person(a, r.window_start(a, WINDOW_ROLE),
                              lambda c: c.actor == actor and not (never and _role_fits(c, never)))
        if c is not None:
            return Resolution(actor, c.person, sector or c.sector, "role", "description_actor")
    return Resolution(actor, person, sector, "mention", "mention")


# Prepositions that open the complement of a body's name, its topic or seat ("Serbia's Office for
# Kosovo", "the UN mission in South Sudan", "Russia's envoy to Syria"); not "of" (its owner).
_COMPLEMENT_PREPS = frozenset("for in on to".split())


def _owner_of_complement(r: SpeakerResolver, inside: Sequence[Mention], best: Mention, a: int) -> Mention:
    """Rule-helper of :func:`rule_mention`: when the chosen mention ``best`` is the complement
    of a preposition ("for", "in", "on", "to") inside the span and a mention of an actor stands
    before that preposition (a possessor, a demonym or an organisation's name), the body belongs
    to that earlier actor: "Serbia's Office for Kosovo" is Serbia's, "the UN mission in South
    Sudan" the UN's. ``best`` otherwise, and always for a person.

    Example:
        >>> # "Serbia's Office for Kosovo said ...": SRB, not XKX
    """
    if best.person:
        return best
    d = r.d
    t = bisect.bisect_left(d.start, best.start) - 1
    if t > 0 and d.low[t] in ("the", "a"):
        t -= 1
    if t <= 0 or d.low[t] not in _COMPLEMENT_PREPS or d.start[t] <= a:
        return best
    owners = [m for m in inside if m.end <= d.start[t] and m.actor and not m.person
              and m.actor_type != "media" and m.actor != best.actor]
    return owners[0] if owners else best


# Roles of a state's delegate to an organisation ("Britain's UN ambassador X").
_DELEGATE_ROLES = frozenset({"ambassador", "envoy", "representative", "delegate"})


def _delegating_state(r: SpeakerResolver, inside: Sequence[Mention], m: Mention) -> str | None:
    """Rule ``delegate_state``: the state whose possessive opens the delegate mention ``m``
    ("Britain's UN ambassador Barbara X", whom the mentions table gives the organisation's
    code): a state's ambassador to the UN speaks for that state. None without one.

    Example:
        >>> # "Ireland's UN ambassador Fergal X said ...": IRL, not UN
    """
    for o in inside:
        if o.end <= m.start and o.actor_type == "state" and o.actor and not o.person and _possessor(r, o, m.start + 1):
            t = bisect.bisect_left(r.d.start, o.end)   # the possessive, then the delegate phrase
            if t + 1 < len(r.d.start) and r.d.start[t + 1] == m.start:
                return o.actor
    return None


def _head_end(r: SpeakerResolver, a: int, b: int) -> int:
    """The end of a speaker span's head before a relative clause or a participle appositive
    (", who met Museveni", ", which ...", ", speaking after talks with ..."): who is named in
    it is not the speaker. ``b`` when there is none.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Mr Oyoo, who met Lisbia's president, said no."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> r = SpeakerResolver(token_arrays(text, toks), [], [], set())
        >>> text[:_head_end(r, 0, text.index(", said"))]
        'Mr Oyoo'
    """
    d = r.d
    t0, t1 = bisect.bisect_left(d.start, a), bisect.bisect_left(d.start, b)
    for j in range(t0 + 1, t1 - 1):
        if d.tok[j] == "," and d.low[j + 1] in _CLAUSE_OPENERS:
            return d.start[j]
    return b


# Role nouns of a staff member whose appositive names the office they speak for ("X, a
# spokeswoman for the foreign ministry", "X, an adviser to the interim government").
_APPOSITIVE_STAFF = frozenset("""spokesman spokeswoman spokesperson official adviser advisor aide
minister secretary director head chief deputy representative envoy ambassador speaking""".split())


def _appositive_office(r: SpeakerResolver, a: int, b: int, full: int,
                       res: Resolution | None) -> Resolution | None:
    """Rule ``appositive_office``: a named speaker of no known state whose appositive names the
    office they speak for, in the span or right after it: "Pham Thu Hang, a spokeswoman for the
    foreign ministry" (the ministry resolved as a speaker of its own: the state the text is
    about), "X, speaking for Iran's foreign ministry,". The office's state, the person kept;
    the office phrase is the antecedent. ``None`` when no such appositive or its office has no
    state.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Chile protested. Ana Vey, a spokeswoman for the foreign ministry, said no."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> ms = [Mention(0, 5, "CHL", None, "GOV", None, "name", False, "state")]
        >>> r = SpeakerResolver(token_arrays(text, toks), ms, [], set())
        >>> a = text.index("Ana")
        >>> res = r.resolve(a, text.index(", said"))
        >>> res.actor, res.rule
        ('CHL', 'appositive_office')
    """
    d = r.d
    t, e = bisect.bisect_left(d.start, a), bisect.bisect_left(d.start, full)
    comma = next((k for k in range(t + 1, e) if d.tok[k] == ","), None)
    if comma is None and e < len(d.tok) and d.tok[e] == ",":
        comma, e = e, min(len(d.tok), e + 12)   # the appositive after the span
    if comma is None or comma - t > 5:
        return None
    stop = next((k for k in range(comma + 1, e) if d.tok[k] in (",", ";", ":", "(") or d.sent[k] != d.sent[comma]
                 or k in r.cue_tokens), e)
    prep = next((k for k in range(comma + 1, min(stop, comma + 6))
                 if d.low[k] in ("for", "of", "at", "to") and d.low[k - 1] in _APPOSITIVE_STAFF), None)
    if prep is None or prep + 1 >= stop:
        return None
    sub = r._first_rule(d.start[prep + 1], d.end[stop - 1], d.text[d.start[prep + 1]:d.end[stop - 1]].lower().split())
    if sub is None or sub.actor is None or sub.person is not None:
        return None
    person = res.person if res is not None else None
    if person is None:
        if not all(_cap(w) for w in d.tok[t:comma]) or comma - t < 2:
            return None   # a name of two or more capitalised words only
        person = d.text[a:d.end[comma - 1]]
    return Resolution(sub.actor, person, sub.sector or "GOV", "mention", "appositive_office",
                      d.start[prep + 1], d.end[stop - 1])


# Words that open a relative clause or a participle appositive after a speaker's head.
_CLAUSE_OPENERS = frozenset("who whom whose which speaking having".split())


# Offices of a state that a title before a name gives ("President William Ruto", "Defence
# Minister X", "regional governor X"): its holder is of the state the text is about. Not an
# ambassador or envoy (posted abroad), a spokesperson (``title_org``) or a "leader" (of a party).
_STATE_OFFICE_ROLES = frozenset("""president vice_president prime_minister chancellor monarch
crown_prince head_of_state head_of_government governor mayor""".split())


# Title words right before a name that make it an office of a state ("Minister Aino Laine").
_STATE_TITLES = frozenset("president premier chancellor minister governor mayor".split())


def _title_context(r: SpeakerResolver, start: int, person: str | None, role: str | None) -> str | None:
    """``title_context``: the state of a titled official named at ``start`` with no state of
    its own ("Defence Minister X said"): the nationality of an earlier mention of the same name
    ("Ugandan Energy Minister Solomon Okello ... Minister Solomon Okello said": Uganda's; "X of
    Tanzania ... X said"), else
    :func:`context_state`'s state, a state found outranking a dateline naming another ("NEW
    DELHI (Reuters) - ... Pakistan said ... Prime Minister X said"). A governor or mayor (of a
    state's region or city, which need not be the state the text is about) takes it only when
    a dateline naming another state does not contradict it, and not after a dateline of a place
    no state's gazetteer entry names ("AUSTIN, Texas (Reuters) -") or after a place word
    ("Lagos Governor X").

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Ugandan Minister Ana Vey arrived. Kenya hosted her. Minister Ana Vey spoke."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> r = SpeakerResolver(token_arrays(text, toks), [], [], set())
        >>> _title_context(r, text.rindex("Ana Vey"), "Ana Vey", None)
        'UGA'
    """
    d = r.d
    t = bisect.bisect_left(d.start, start)
    k = next((j for j in range(max(0, t - 1), min(len(d.low), t + 4)) if d.low[j] in _LOCAL_ROLES), None)
    local = role in _LOCAL_ROLES or k is not None
    if local:
        if _has_dateline(r, start) and dateline_state(r, start) is None:
            return None   # "AUSTIN, Texas (Reuters) - ...": a region of a state we cannot tell
        if k is not None and k > 0 and d.sent[k - 1] == d.sent[k] and _cap(d.tok[k - 1]) \
                and d.low[k - 1] not in _COMMON_STARTS and d.low[k - 1] not in ("the", "a", "an"):
            return None   # "Lagos Governor X": of the place named, which may be no state's we know
    if person:
        q = d.text.rfind(person, 0, start)
        if q >= 0:
            e = bisect.bisect_left(d.start, q)
            lo = e
            while lo > 0 and e - lo < 4 and d.sent[lo - 1] == d.sent[e] \
                    and (_cap(d.tok[lo - 1]) or d.low[lo - 1] in ROLE_NOUNS) and d.low[lo - 1] not in _COMMON_STARTS:
                lo -= 1
            nat = _nationality(r, d.start[lo], q) if lo < e else None
            if nat is None:   # "President Amina Juma of Tanzania"
                k = bisect.bisect_left(d.start, q + len(person))
                nat = _nationality_after(r, q + len(person), d.end[d.sent_end[d.sent[min(k, len(d.sent) - 1)]] - 1])
            if nat is not None:
                return nat
    return context_state(r, start, strict=local or bool(role and role.startswith("spokes")), titled=True)[0]


# Officials of a state's region or city, whom the state the text is about does not place.
_LOCAL_ROLES = frozenset({"governor", "mayor"})


def _org_before(r: SpeakerResolver, a: int, b: int) -> bool:
    """Does an organisation's mention or an acronym no state's mention covers lie in ``[a, b)``
    ("ECOWAS Commission President X", "AfDB President X")? Its title is then that
    organisation's office, not a state's. Not one a comma sets off ("... at the IAEA board,
    Foreign Minister X said": another clause's)."""
    d = r.d
    t = bisect.bisect_left(d.start, a)
    while t < len(d.start) and d.start[t] < b:
        if d.tok[t] in (",", ";", ":"):
            a = d.end[t]
        t += 1
    ms = r.mentions_in(a, b)
    if any(m.actor_type in _ORG_TYPES and not m.person for m in ms):
        return True
    t = bisect.bisect_left(d.start, a)
    while t < len(d.start) and d.start[t] < b:
        if sum(ch.isupper() for ch in d.tok[t]) >= 2 and d.tok[t].isalpha() and d.low[t] not in _NEVER_NAME \
                and not any(m.start <= d.start[t] < m.end and m.actor_type == "state" for m in ms):
            return True
        t += 1
    return False


def _bare_spokes(r: SpeakerResolver, a: int, b: int) -> bool:
    """Is the spokesperson's title in ``[a, b)`` bare, no name, organisation or campaign before
    it, or only a state office ("Spokeswoman Ana Ruiz said", "said spokeswoman Ana Ruiz", "Army
    spokesman X"; not "Clinton spokesman X",
    "Trump campaign spokesman X", whose office is no state's)?

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Talks ended. Spokeswoman Ana Ruiz said so. Clinton spokesman Bo Lee said no."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> r = SpeakerResolver(token_arrays(text, toks), [], [], set())
        >>> _bare_spokes(r, text.index("Spokes"), text.index(" said")), _bare_spokes(r, text.index("Clinton"), len(text))
        (True, False)
    """
    d = r.d
    t = bisect.bisect_left(d.start, a)
    e = bisect.bisect_left(d.start, b)
    k = next((j for j in range(t, min(e, len(d.low))) if d.low[j].startswith("spokes")), None)
    if k is None:
        return False
    if k == 0 or d.sent[k - 1] != d.sent[k]:
        return True
    prev = d.low[k - 1]
    if prev in _STATE_OFFICES or prev in _OFFICE_WORDS:
        return True   # "Army spokesman X", "foreign ministry spokeswoman X": a state office's
    return not d.tok[k - 1][:1].isupper() and prev not in _NOT_STATE_SPOKES


# Words before "spokesman" that make him no state's ("campaign spokesman", "party spokeswoman"),
# and words of a state's office that keep him its ("presidential spokesman").
_OFFICE_WORDS = frozenset("presidential foreign defence defense interior military".split())
_NOT_STATE_SPOKES = frozenset("campaign party company club team firm union group".split())


def _state_office(role: str | None, *, spokes: bool = False) -> bool:
    """Is ``role`` (the mentions table's) an office of a state's own government? With
    ``spokes``, a spokesperson whose title names no organisation counts ("spokeswoman Ana Ruiz
    said": the spokeswoman of the body the text is about; :func:`_title_context` then wants
    the state the dateline does not contradict).

    Example:
        >>> _state_office("defence_minister"), _state_office("president"), _state_office("ambassador")
        (True, True, False)
        >>> _state_office("spokesperson"), _state_office("spokesperson", spokes=True)
        (False, True)
    """
    if not role:
        return False
    return role in _STATE_OFFICE_ROLES or role.endswith("minister") or (spokes and role.startswith("spokes"))


def _is_media(m: Mention) -> bool:
    return m.actor_type == "media" or m.kind == "media"


def _outlet_answer(m: Mention, person: str | None = None) -> Resolution:
    """A news outlet that speaks ("Yonhap reported", "according to the Guardian") is the
    speaker itself, not its country: rule ``media_outlet`` leaves ``speaker_actor`` empty
    (sector MED), as :mod:`toolkit.events` does with ``source.media_channel``, and so is a
    journalist named before it (``person``: "Ana Lopes, the editor of the Orsk Herald"); an
    outlet its state runs as its voice (``role`` state_media: KCNA, Xinhua) speaks for that
    state (rule ``state_media``).

    Example:
        >>> r = _outlet_answer(Mention(0, 6, "KOR", None, "MED", None, "media", False, "media"))
        >>> r.actor, r.sector, r.rule
        (None, 'MED', 'media_outlet')
        >>> r = _outlet_answer(Mention(0, 4, "PRK", None, "MED", "state_media", "media", False, "media"))
        >>> r.actor, r.sector, r.rule
        ('PRK', 'MED', 'state_media')
    """
    if m.role == STATE_MEDIA:
        return Resolution(m.actor, person, m.sector or "MED", "mention", STATE_MEDIA)
    return Resolution(None, person, m.sector or "MED", "mention", "media_outlet")


def _nationality(r: SpeakerResolver, a: int, before: int) -> str | None:
    """State of a nationality word or state name in ``[a, before)`` ("Ukrainian Deputy ..."),
    read from the resolver's gazetteer (a user's "Kestrian" counts)."""
    from .actors import code_of, load_gazetteer

    d = r.d
    gaz = r.gazetteer if r.gazetteer is not None else load_gazetteer()
    contested = _contested_entries_of(gaz)
    mentions = r.mentions_in(a, before)
    for m in mentions:
        if m.actor and not m.person and m.actor_type == "state" and m.entry not in contested:
            return m.actor
    # A state's name counts only inside a mention the actors step kept for an actor (a body:
    # "Ukraine's foreign ministry"); a name it kept for no actor or for a person is not the
    # state ("Jordan Peterson", "Lebanon, Pennsylvania"). Demonyms always count.
    kept = [(m.start, m.end) for m in mentions if m.actor and not m.person]
    t = bisect.bisect_left(d.start, a)
    while t < len(d.start) and d.start[t] < before:
        tok = d.tok[t]
        if _cap(tok) and tok not in contested:
            code = _demonyms(gaz).get(tok)
            if code is None and any(s <= d.start[t] < e for s, e in kept):
                code = code_of(tok, gaz)
            if code is not None:
                return code
        t += 1
    return None


def _name_before(r: SpeakerResolver, a: int, before: int) -> _Cand | None:
    """The first personal name the text gives in ``[a, before)`` (:attr:`SpeakerResolver.names`)."""
    if not any(ch.isupper() for ch in r.d.text[a:before]):
        return None
    names = r.names
    i = names.before(a)
    while i < len(names.cands) and names.cands[i].start < before:
        c = names.cands[i]
        if c.start >= a and c.is_person and c.person and c.end <= before:
            return c
        i += 1
    return None


def _possessor(r: SpeakerResolver, m: Mention, b: int) -> bool:
    """Whether mention ``m`` is a possessor inside the span ending at ``b`` ("President Tayyip
    Erdogan's spokesman Ibrahim Kalin": Erdogan is not the speaker)."""
    t = bisect.bisect_left(r.d.start, m.end)
    return t < len(r.d.low) and r.d.start[t] < b and r.d.low[t] in POSSESSIVES


# Words that open the description after a name ("Olha Marchenko of the Ukrainian foreign
# ministry", "Ivan Petrov, a spokesman for Russia's defence ministry").
_AFTER_NAME_LINKS = frozenset("of for from at , a an the".split())
# Words that end that description: a relative clause or a verb is about something else ("Ivan
# Petrov, who met the Ukrainian envoy").
_DESCRIPTION_ENDS = frozenset("who whom whose which that when where while and after before".split())


def _nationality_after(r: SpeakerResolver, end: int, b: int) -> str | None:
    """State of a nationality word or state in the description right after a name, up to the
    span's end ``b`` ("Spokeswoman Olha Marchenko of the Ukrainian foreign ministry"); ``None``
    when the name is not followed by "of/for/from/at" or an appositive, or a clause intervenes."""
    d = r.d
    t = bisect.bisect_left(d.start, end)
    if t >= len(d.low) or d.start[t] >= b or d.low[t] not in _AFTER_NAME_LINKS:
        return None
    stop = t
    while stop < len(d.low) and d.start[stop] < b and stop - t < 12 and d.low[stop] not in _DESCRIPTION_ENDS:
        stop += 1
    return _nationality(r, d.start[t], d.start[stop] if stop < len(d.low) else b)


@functools.lru_cache(maxsize=4)
def _demonyms(gaz) -> dict[str, str]:
    e = gaz.entries
    e = e[(e["category"] == "demonym") & (e["actor_type"] == "state")]
    return dict(zip(e["entry"], e["actor"]))


def _title_org(r: SpeakerResolver, c: _Cand) -> tuple[str | None, str | None]:
    """The organisation a spokesperson's title names: "embassy spokesman X" is the embassy's,
    "A spokesperson, Col. X" (no organisation named) the organisation named last in the same or
    the previous sentence ("India's defence ministry rejected the claim.")."""
    d = r.d
    t = c.tok
    if t < len(d.low) and d.low[t] in TITLES and d.low[t] in ROLE_NOUNS:
        title = t   # the mention's span starts at its title ("spokesman Liu Pengyu")
    elif t + 1 < len(d.low) and (d.low[t] in ORG_NOUNS or d.low[t] in _STATE_OFFICES) \
            and d.low[t + 1].startswith("spokes"):
        title = t + 1   # ... or at its office ("ministry spokeswoman Egle Vaitkute")
    else:
        title = t - 1
        if title >= 2 and d.low[title] in TITLES and d.tok[title - 1] == ",":
            title -= 2  # "A spokesperson, Col. Anil Mehra"
        elif title >= 1 and d.tok[title] == ",":
            title -= 1
    if title < 0 or not d.low[title].startswith("spokes"):
        return None, None
    if title > 0 and (d.low[title - 1] in ORG_NOUNS or d.low[title - 1] in _STATE_OFFICES):
        m = _org_named(r, d.low[title - 1], d.start[title - 1], WINDOW_ROLE)
        if m is None and d.low[title - 1] in _STATE_OFFICES:   # "Coast guard spokesman X" after
            state = _same_office_state(r, d.start[title - 1], d.low[title - 1], before=True, any_article=True)
            return (state, _STATE_OFFICES[d.low[title - 1]]) if state is not None else (None, None)
    else:
        m = _org_named(r, None, d.start[title], 1)
    return (m.actor, m.sector) if m is not None else (None, None)


def _org_named(r: SpeakerResolver, head: str | None, before: int, sentences: int) -> Mention | None:
    """The last organisation mention before ``before`` whose name, role or the word right after it
    is ``head`` ("China's embassy"); any organisation of a known head noun when ``head`` is None."""
    d = r.d
    for m in reversed(r.mentions_in(r.window_start(before, sentences), before)):
        if not m.actor or m.location or m.person or m.actor_type == "media" or m.end > before \
                or r.in_quote(m.start):
            continue
        words = d.text[m.start:m.end].lower().split()
        t = bisect.bisect_left(d.start, m.end)
        t += t < len(d.low) and d.low[t] in POSSESSIVES
        after = d.low[t] if t < len(d.low) else ""
        if head is None:
            if (words and words[-1] in ORG_NOUNS) or (m.role or "").endswith("ministry"):
                return m
        elif head in (m.entry or "").lower() or head in (m.role or "") or head in words \
                or after == head:
            return m
    return None


# Staff of an office ("the Kremlin aide", "a White House adviser"), never the head it serves.
_STAFF_NOUNS = frozenset("aide adviser advisor official officer negotiator spokesman spokeswoman "
                         "spokesperson diplomat".split())


def _role_fits(c: _Cand, stems: Sequence[str]) -> bool:
    role = c.role
    if not role:
        return False
    return any(s in role for s in stems)


# Transcript labels of a questioner or the room, who speak for no actor ("Q:", "AUDIENCE:").
_FLOOR_LABELS = frozenset({"q", "q.", "question", "audience", "reporter", "participant", "participants"})


def _transcript_label(r: SpeakerResolver, a: int, b: int) -> bool:
    """Whether ``[a, b)`` is a transcript's speaker label: capitals only, opening its line,
    a colon right after it ("THE PRESIDENT:", "Q:", "SECRETARY X:")."""
    text = r.d.text
    label = text[a:b]
    if not label.isupper() or not any(ch.isalpha() for ch in label):
        return False
    before = text[max(0, a - 3):a]
    return (a == 0 or "\n" in before) and text[b:b + 2].lstrip(" ")[:1] == ":"


def rule_transcript(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """``transcript_label``: a speaker label of a transcript ("THE PRESIDENT:", "Q:") names one
    speaker throughout the document: every turn it labels takes the referent its first turn
    resolves to (by the other rules; "THE PRESIDENT" of a White House transcript stays the US
    president when the turn before spoke of another state's president); the document's
    speaking state when it has one. A questioner ("Q:") or the room ("AUDIENCE:") speaks for
    no actor (``transcript_floor``).

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "THE PRESIDENT: Thank you.\\nQ: Sir, a question."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> r = SpeakerResolver(token_arrays(text, toks), [], [], set(), doc_actor="USA")
        >>> r.resolve(0, 13).actor, r.resolve(text.index("Q:"), text.index("Q:") + 1).rule
        ('USA', 'transcript_floor')
    """
    if not _transcript_label(r, a, b):
        return None
    label = " ".join(words)
    if label in _FLOOR_LABELS:
        return Resolution(None, None, None, "role", "transcript_floor")
    if label not in r._labels:
        r._labels[label] = _label_referent(r, a, b, words)
    known = r._labels[label]
    if known is None:   # one speaker, unknown: not whoever the turn before named
        return Resolution(None, None, None, "role", "transcript_label")
    return known if known.antecedent_start != a else \
        Resolution(known.actor, known.person, known.sector, known.resolution, "transcript_label")


def _label_referent(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """The referent of the transcript label ``[a, b)``: the document's speaking state, else the
    one at least two thirds of the label's resolved turns resolve to by the other rules when it is
    also the state the document names most often, with the first such turn as the antecedent; ``None`` otherwise (a label resolved by what the turn before
    it named, "President Xi said ... THE PRESIDENT:", is no evidence; a split vote says so)."""
    if r.doc_actor:
        return Resolution(r.doc_actor, None, "GOV", "document", "transcript_label")
    text, n = r.d.text, b - a
    starts = [0, *(m.start() + 1 for m in re.finditer("\n" + re.escape(text[a:b]), text))]
    votes: dict[str, list] = {}   # by actor: [first turn, its resolution, turns]
    turns = 0
    for q in starts:
        if not text.startswith(text[a:b], q) or not _transcript_label(r, q, q + n):
            continue
        res = next((res for rule in RULES if rule is not rule_transcript
                    for res in (rule(r, q, q + n, words),) if res is not None), None)
        if res is not None and res.actor is not None:
            votes.setdefault(res.actor, [q, res, 0])[2] += 1
            turns += 1
    if not votes:
        return None
    q, res, count = max(votes.values(), key=lambda v: (v[2], -v[0]))
    states: dict[str, int] = {}
    for m in r.mentions:
        if m.actor_type == "state" and m.actor and not m.person:
            states[m.actor] = states.get(m.actor, 0) + 1
    if 3 * count < 2 * turns or not states or res.actor != max(states, key=lambda k: states[k]):
        return None   # a split vote, or a state the transcript is not mostly about
    return Resolution(res.actor, res.person, res.sector, res.resolution, "transcript_label", q, q + n)


def rule_document(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """"we"/"I" in a speech: the document's speaking state."""
    return document_speaker(words[0], r.doc_actor) if len(words) == 1 else None


def document_speaker(word: str, doc_actor: str | None) -> Resolution | None:
    """Rule ``document_speaker``: "we"/"I" (and, for events, "us"/"me") in a speech whose
    document names its speaking state (``doc_actor``) are that state.

    Example:
        >>> document_speaker("we", "KEN").actor, document_speaker("they", "KEN")
        ('KEN', None)
    """
    if word.lower() in FIRST_PERSON and doc_actor:
        return Resolution(doc_actor, None, None, "document", "document_speaker")
    return None


def rule_pronoun_person(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """"he"/"she": the nearest person of that gender, subjects first, quotations skipped."""
    if len(words) != 1 or words[0] not in SUBJECT_PRONOUNS:
        return None
    tok = bisect.bisect_left(r.d.start, a)
    return _pronoun_answer(r, r.pronoun_antecedent(tok, PRONOUN_GENDER[words[0]]))


def rule_pronoun_owner(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """"his"/"her" as a whole speaker ("his claim that ...", a noun of saying's possessor): the
    nearest person of that gender, as for "he"/"she"."""
    if len(words) != 1 or words[0] not in ("his", "her"):
        return None
    tok = bisect.bisect_left(r.d.start, a)
    c = r._antecedent(tok, PRONOUN_GENDER[words[0]])
    return _answer(r, c, "pronoun", "pronoun_owner") if c is not None else None


def rule_pronoun_office(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """``pronoun_office``: "his office", "her spokeswoman", "his aides" speak for the state of
    the person "his"/"her" refers to (the search of "he"/"she"), not as that person: "Norway's
    prime minister will visit Ottawa, his office said" is Norway's.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Polish Interior Minister Jan Wrobel will visit Kyiv, his office said."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> r = SpeakerResolver(token_arrays(text, toks), [], [], set())
        >>> a = text.index("his office")
        >>> rule_pronoun_office(r, a, a + 10, ["his", "office"]).actor
        'POL'
    """
    if len(words) < 2 or len(words) > 3 or words[0] not in ("his", "her") or words[-1] not in _OWN_OFFICES:
        return None
    c = r._antecedent(bisect.bisect_left(r.d.start, a), PRONOUN_GENDER[words[0]])
    actor = r.person_actor(c)[0] if c is not None else None
    return Resolution(actor, None, "GOV", "pronoun", "pronoun_office") if actor else None


# What a person's staff is called ("his office", "her spokesman", "his aides").
_OWN_OFFICES = frozenset("office spokesman spokeswoman spokesperson aides aide press".split())


def rule_relative_who(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """"X, who said ...": the person right before "who" in its sentence."""
    if words[-1] != "who":
        return None
    c = r.last_person(a, r.window_start(a, 0), lambda c: True)
    if c is None:
        c = r.last_person(a, r.window_start(a, WINDOW_SENTENCES), lambda c: True)
    return _answer(r, c, "pronoun", "relative_who") if c is not None else None


# Plural heads of a joint speaker ("the two countries", "both governments"), and the nouns
# that make "they said in a joint statement" one. Not "both sides" or "the two parties": the
# parties to a dispute ("Russia and Ukraine exchanged prisoners, both sides said"), of whom
# neither speaks for the other.
_JOINT_HEADS = frozenset("""countries governments nations states leaders ministers neighbours
neighbors""".split())
_JOINT_NOUNS = frozenset("statement declaration communique communiqué letter".split())


def _joint_phrase(r: SpeakerResolver, b: int, words: list[str]) -> bool:
    """Whether the speaker words name two parties speaking together: "the two countries",
    "both governments", or "they" with "joint" a few words after the span in its sentence
    ("They said in a joint statement")."""
    if 2 <= len(words) <= 3 and words[-1] in _JOINT_HEADS and (words[:2] == ["the", "two"] or words[0] == "both"):
        return True
    if words != ["they"]:
        return False
    d = r.d
    t = bisect.bisect_left(d.start, b)
    end = min(d.sent_end[d.sent[t]], t + 8) if t < len(d.start) else t
    return any(d.low[k] == "joint" and k + 1 < len(d.low) and d.low[k + 1] in _JOINT_NOUNS for k in range(t, end))


def _mentions_by_sentence(r: SpeakerResolver, lo: int, a: int,
                          keep: Callable[[Mention], bool]) -> dict[int, list[Mention]]:
    """The mentions with an actor from character ``lo`` to the speaker at ``a``, outside
    quotation marks and passing ``keep``, by sentence number, in text order.

    Example:
        >>> # "Chad and Niger met. The two countries said": {0: [Chad, Niger]}
    """
    d = r.d
    out: dict[int, list[Mention]] = {}
    for m in r.mentions_in(lo, a):
        if m.end <= a and m.actor and keep(m) and not r.in_quote(m.start):
            out.setdefault(d.sent[bisect.bisect_left(d.start, m.start)], []).append(m)
    return out


def rule_joint(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """``joint``: "the two countries", "both governments", "they ... in a joint statement": the
    first of the two parties of the nearest sentence before it (its own first) that names two
    states, coordinated ("Egypt and Jordan") or not ("X's president met Y's president"); the
    ``speaker_actor`` column holds one actor, so the first named stands for both. None when no
    sentence in :data:`WINDOW_SENTENCES` names two.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Chad and Niger met. The two countries said they agreed."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> ms = [Mention(0, 4, "TCD", actor_type="state"), Mention(9, 14, "NER", actor_type="state")]
        >>> r = SpeakerResolver(token_arrays(text, toks), ms, [], set())
        >>> a = text.index("The two")
        >>> rule_joint(r, a, a + 17, ["the", "two", "countries"]).actor
        'TCD'
    """
    if not _joint_phrase(r, b, words):
        return None
    got = _sentence_and_floor(r, a)
    if got is None:
        return None
    sent, floor = got
    by_sent = _mentions_by_sentence(r, floor, a, lambda m: not m.location and m.actor_type in ("state", "igo"))
    for k in range(sent, max(-1, sent - WINDOW_SENTENCES), -1):
        ms = by_sent.get(k, [])
        if len({m.actor for m in ms}) >= 2:
            return Resolution(ms[0].actor, None, "GOV", "role" if words[0] != "they" else "pronoun", "joint")
    return None


def rule_description_role(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """"the spokesperson", "the official": the last person whose role fits, else the last person."""
    if words[0] != "the" or len(words) > 3 or words[-1] not in ROLE_NOUNS:
        return None
    stems = ROLE_NOUNS[words[-1]]
    gender = GENDERED_NOUNS.get(words[-1])
    start = r.window_start(a, WINDOW_ROLE)
    c = None
    if stems:
        c = r.last_person(a, start, lambda c: _role_fits(c, stems) and c.gender in (gender, None)
                          if gender else _role_fits(c, stems))
    if c is None and len(words) == 2 and words[-1] in _STAFF_NOUNS:
        # "his spokesman said ... The spokesman said", "a foreign ministry official said ...
        # the official said": the same unnamed staff member, not the last person named
        same = _same_staff(r, a, words[-1])
        if same is not None:
            return same
    if c is None and words[-1] not in OFFICES:
        c = r.last_person(a, r.window_start(a, WINDOW_SENTENCES),
                          lambda c: c.gender in (gender, None) if gender else True)
    return _answer(r, c, "role", "description_role") if c is not None else None


_STAFF_OPENERS = frozenset("a an his her its their".split())


def _earlier_in_window(r: SpeakerResolver, a: int, word: str) -> Iterator[int]:
    """The token positions of ``word`` before character ``a`` and inside the speaker window
    (:data:`WINDOW_SENTENCES`), nearest first; the positions are found once per document.

    Example:
        >>> # "a foreign ministry official said ... The official said": the first "official"
    """
    d = r.d
    if word not in r._heads:
        r._heads[word] = _positions(d.low, frozenset({word}))
    pos = r._heads[word]
    floor = r.window_start(a, WINDOW_SENTENCES)
    i = bisect.bisect_left(pos, bisect.bisect_left(d.start, a)) - 1
    while i >= 0 and d.start[pos[i]] >= floor:
        yield pos[i]
        i -= 1


def _same_staff(r: SpeakerResolver, a: int, noun: str) -> Resolution | None:
    """Rule ``same_staff``: "the spokesman", "the official" with no person of that role named:
    the nearest earlier phrase of an earlier sentence in the window that introduces one ("his
    spokesman", "a foreign ministry official", "a senior Iraqi official"; outside quotation
    marks), resolved as a speaker itself. None when there is none or it resolves to no actor.

    Example:
        >>> # "Tinubu will visit Paris for talks with Macron, his spokesman said. The spokesman said ...": NGA
    """
    d = r.d
    tok = bisect.bisect_left(d.start, a)
    for p in _earlier_in_window(r, a, noun):
        if d.sent[p] == d.sent[min(tok, len(d.sent) - 1)] or r.in_quote(d.start[p]):
            continue
        lo = next((k for k in range(p - 1, max(d.sent_start[d.sent[p]], p - 5) - 1, -1)
                   if d.low[k] in _STAFF_OPENERS), None)
        if lo is None or any(not d.tok[k].isalpha() for k in range(lo, p)):
            continue
        res = r.resolve(d.start[lo], d.end[p])
        if res is not None and res.actor is not None:
            return Resolution(res.actor, None, res.sector or "GOV", "role", "same_staff")
    return None


def rule_description_office(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """``description_office``: "the minister", "the foreign minister" with no person of that
    role named before it: the state of the last unnamed holder of the office the gazetteer
    found in the window ("Canada's public safety minister said ... the minister said":
    Canada's), its modifiers among that mention's words; none when holders of two states fit
    ("Peru's foreign minister met Chile's foreign minister. The minister said ...").

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Peru's interior minister spoke. Later the minister said no."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> ms = [Mention(0, 24, "PER", None, "GOV", "interior_minister", "role", False, "state")]
        >>> r = SpeakerResolver(token_arrays(text, toks), ms, [], set())
        >>> a = text.index("the minister")
        >>> rule_description_office(r, a, a + 12, ["the", "minister"]).actor
        'PER'
    """
    if words[0] != "the" or len(words) > 4 or not ROLE_NOUNS.get(words[-1]) or words[-1] in _STAFF_NOUNS:
        return None
    stems, mods = ROLE_NOUNS[words[-1]], words[1:-1]
    fit = [m for m in r.mentions_in(r.window_start(a, WINDOW_SENTENCES), a)
           if m.end <= a and m.actor and not m.person and m.actor_type == "state" and m.role
           and any(st in m.role for st in stems) and not r.in_quote(m.start)
           and all(w in r.d.text[m.start:m.end].lower() for w in mods)]
    if not fit or len({m.actor for m in fit}) > 1:
        return None
    return Resolution(fit[-1].actor, None, fit[-1].sector or "GOV", "role", "description_office",
                      fit[-1].start, fit[-1].end)


def rule_local_official(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """``local_official``: "the regional governor", "the mayor" with no person of that role
    named before it: an official of a region or town, so the state of the one region or town
    of a state named before it in its sentence, else in the sentence before ("Shells hit a
    village near Kharkiv, the regional governor said": Ukraine's; "A drone from Ukraine set a
    depot in Russia's Bryansk region on fire, the governor said": Russia's, the state the
    drone came from being no region); none when regions of two states are named or none is,
    or a contested region (its officials may not be its state's: "Shells hit Donetsk").

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Two died in Kursk, the regional governor said."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> ms = [Mention(12, 17, "RUS", kind="state", location=True, actor_type="state", entry="Kursk")]
        >>> r = SpeakerResolver(token_arrays(text, toks), ms, [], set())
        >>> a = text.index("the regional")
        >>> rule_local_official(r, a, a + 21, ["the", "regional", "governor"]).actor
        'RUS'
    """
    if words[0] != "the" or len(words) > 3 or words[-1] not in _LOCAL_ROLES \
            or any(w not in _LOCAL_MODIFIERS for w in words[1:-1]):
        return None
    if r.regions is None:
        r.regions = _region_entries(r.gazetteer)
    d = r.d
    tok = bisect.bisect_left(d.start, a)
    if tok >= len(d.start):
        return None
    s = d.sent[tok]
    for sent in (s, s - 1):
        if sent < 0:
            break
        lo, hi = d.start[d.sent_start[sent]], (a if sent == s else d.end[d.sent_end[sent] - 1])
        places = [m for m in r.mentions_in(lo, hi)
                  if m.actor and m.location and m.entry in r.regions and not r.in_quote(m.start)]
        from .actors import load_gazetteer

        contested = _contested_entries_of(r.gazetteer if r.gazetteer is not None else load_gazetteer())
        if any(m.entry in contested for m in places):
            return None   # "Shells hit Donetsk, the mayor said": its mayor may not be its state's
        states = {m.actor for m in places}
        if len(states) == 1:
            return Resolution(next(iter(states)), None, "GOV", "role", "local_official")
        if states:
            return None
    return None


# Words between "the" and a local office ("the regional governor", "the city mayor").
_LOCAL_MODIFIERS = frozenset("regional local provincial city district oblast acting".split())


def rule_state_outlet(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """``state_outlet``: a state's own outlet that names no state and that the gazetteer does
    not know ("the state news agency KPL", "state media", "state television": the actors
    lexicon's role nouns of role :data:`STATE_MEDIA`) speaks for the state the text is about
    (:func:`context_state`: "Laos will take a loan from China, the state news agency KPL
    said": Laos's); none when that state is in doubt.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "NAIROBI (Reuters) - Talks will resume, state media said."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> r = SpeakerResolver(token_arrays(text, toks), [], [], set())
        >>> a = text.index("state media")
        >>> rule_state_outlet(r, a, a + 11, ["state", "media"]).actor
        'KEN'
    """
    from .actors import load_gazetteer

    phrase = " ".join(words)
    if not any(p in phrase for p in _state_outlet_nouns(r.gazetteer if r.gazetteer is not None else load_gazetteer())):
        return None
    actor = context_state(r, a)[0]
    return Resolution(actor, None, "MED", "role", "state_outlet") if actor is not None else None


@functools.lru_cache(maxsize=4)
def _state_outlet_nouns(gaz) -> tuple[str, ...]:
    """The lower-cased role nouns of ``gaz`` that name a state's own outlet ("state media")."""
    e = gaz.entries
    e = e[(e["category"] == "role") & (e["role"] == STATE_MEDIA)]
    return tuple(sorted({w.lower() for w in e["entry"]}))


def rule_description_org(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """"the ministry", "the agency": the last organisation named with that head noun, in the
    mention or in any name the gazetteer gives its actor ("the IMF ... the fund": International
    Monetary Fund); "the bloc": the last regional organisation (a union, community, association,
    league or cooperation council: "ECOWAS ... the bloc", not the United Nations), none when two
    such blocs are named in the window ("ECOWAS leaders met while the African Union observed")."""
    if words[0] != "the" or len(words) > 3 or (words[-1] not in ORG_NOUNS and words[-1] not in _ORG_ONLY_NOUNS):
        return None
    head = words[-1]
    start = r.window_start(a, WINDOW_ROLE)
    names = None
    found = None
    for m in reversed(r.mentions_in(start, a)):
        if not m.actor or m.location or m.actor_type == "media" or m.end > a:
            continue
        if head in (m.entry or "").lower() or head in (m.role or "") or head in r.d.text[m.start:m.end].lower():
            return Resolution(m.actor, None, m.sector, "role", "description_org", m.start, m.end)
        if m.actor_type in _ORG_TYPES:
            if names is None:
                from .actors import load_gazetteer

                names = _org_words(r.gazetteer if r.gazetteer is not None else load_gazetteer())
            own = names.get(m.actor, frozenset())
            if head == "bloc" and own & _BLOC_WORDS:
                if found is not None and found.actor != m.actor:
                    return None   # "ECOWAS ministers met while the African Union observed": either bloc
                found = found or m
            elif head in own and found is None:
                return Resolution(m.actor, None, m.sector, "role", "description_org")
    return Resolution(found.actor, None, found.sector, "role", "description_org") if found else None


def rule_org_staff(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """``org_staff``: "a Commission spokesman", "an Agency official": staff of an organisation
    its capitalised name word names, the organisation :func:`rule_description_org` finds for
    that word ("The European Commission proposed ... A Commission spokeswoman said": EU). Not a
    lower-case office ("a ministry spokesman", whose state the text must give).

    Example:
        >>> # "The European Commission opened a probe. A Commission spokeswoman said ...": EU
    """
    if len(words) != 3 or words[0] not in ("a", "an", "the") or words[1] not in ORG_NOUNS \
            or words[2] not in _STAFF_NOUNS:
        return None
    t = bisect.bisect_left(r.d.start, a) + 1
    if t >= len(r.d.tok) or not r.d.tok[t][:1].isupper():
        return None
    res = rule_description_org(r, a, b, ["the", words[1]])
    return Resolution(res.actor, None, res.sector, "role", "org_staff") if res is not None else None


# Heads of descriptions of an organisation that name no office of a state ("the bloc", "the fund").
_ORG_ONLY_NOUNS = frozenset({"bloc", "fund"})
_ORG_TYPES = frozenset({"igo", "bloc", "ngo", "nonstate"})
# Words of the names of regional blocs (the European Union, the Economic Community of West
# African States, the Association of Southeast Asian Nations, the Arab League, the Gulf
# Cooperation Council).
_BLOC_WORDS = frozenset({"union", "community", "association", "league", "cooperation"})


@functools.lru_cache(maxsize=4)
def _org_words(gaz) -> dict[str, frozenset[str]]:
    """Organisation actor -> the lower-cased words of all the gazetteer's names for it."""
    e = gaz.entries
    e = e[e["category"].isin(["org", "bloc", "nonstate", "institution"]) & (e["actor"] != "")]
    out: dict[str, set[str]] = {}
    for entry, actor in zip(e["entry"], e["actor"]):
        out.setdefault(actor, set()).update(entry.lower().split())
    return {k: frozenset(v) for k, v in out.items()}


def rule_description_state(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """``description_state``: an office of an unnamed state ("the foreign ministry", "the
    planning ministry", "the navy", "the air force", "Police", "a government spokesman") that no
    earlier mention names takes the state the text is about (:func:`context_state`): "Chile
    recalled its ambassador from Caracas. The foreign ministry said ..." is Chile's (Caracas is
    a place there), "Thailand has not sent troops to the Cambodian border, the army said"
    Thailand's (a state by name outranks a demonym), "TOKYO (Reuters) - Japan protested to
    China ..., the defence ministry said" Japan's (the dateline decides between two). None when
    two states compete and no dateline is one of them, or after a region of a state ("Israel
    struck Gaza. The health ministry said": Gaza's, maybe), or for a body below the state
    ("the regional government"); never a person.

    Example:
        >>> _STATE_OFFICES["ministry"], _STATE_OFFICES["army"], _office_head(["the", "air", "force"])
        ('GOV', 'MIL', 'force')
    """
    if "state" in words and "State" in r.d.text[a:b].split():   # "The State Bureau of Security":
        words = ["national" if w == "state" else w for w in words]   # the nation's, not a province's
    head = _office_head(words)
    if head == "embassy":   # "The embassy said": a foreign state's, not the host's
        post = _embassy_state(r, a)   # the phrase naming the post is the antecedent
        return Resolution(post.actor, None, "GOV", "role", "embassy_state", post.start, _post_end(r, post)) \
            if post is not None else None
    if head is None:
        return None
    if head in _AGENCY_HEADS and _contested_office(r, a, head):
        return None
    actor, rule = _same_office_state(r, a, head), "same_office"
    if actor is None and head in _AGENCY_HEADS:
        body = _owned_body_state(r, a)
        if body is not None:   # the body's own phrase is the antecedent
            return Resolution(body.actor, None, _OFFICE_SECTOR[head], "role", "owned_body", body.start,
                              _post_end(r, body))
    if actor is None and head == "palace":   # the monarch's, wherever the story is set
        actor = _monarch_state(r, a)
        return Resolution(actor, None, "GOV", "role", "royal_court") if actor is not None else None
    mission = _acronym_body(r, a, b)
    if mission is not None:   # "A MONUSCO spokesperson": the body's, not a state's
        return Resolution("UN", None, None, "role", "un_mission") if _un_acronym(mission) else None
    office = next((w for w in words[1:-1] if w in _STATE_OFFICES), None)
    if actor is None and office is not None and head in _STAFF_NOUNS:
        # "The Indian navy rescued ..., a navy spokesman said": the office named before
        actor = _same_office_state(r, a, office)
    if actor is None and _OFFICE_SECTOR[head] == "JUD":
        actor, rule = _court_state(r, a), "court_state"
    if actor is None and (_OFFICE_SECTOR[head] == "MIL" or head == "ministry" and _DEFENCE & set(words)):
        actor, rule = _launch_victim(r, a), "launch_victim"
    if actor is None and (head not in _AGENCY_HEADS or _named_agency(r, a, words)):   # "the agency" of no named state: a news
        # agency or an international one as often as the story's state ("North Korea's state
        # news agency KCNA said the US ... The agency said": not the US)
        actor, rule = context_state(r, a, local=_OFFICE_SECTOR[head] in _LOCAL_SECTORS)[0], "description_state"
    if actor is None or _region_before(r, a, actor):
        return None
    return Resolution(actor, None, _OFFICE_SECTOR[head], "role", rule)


def _named_agency(r: SpeakerResolver, a: int, words: list[str]) -> bool:
    """Whether "the X agency", "the X authority" is a state's by its own modifier ("the
    migration agency", "the canal authority"): a lower-case modifier that is not a news
    agency's, with no organisation named in the window before it (an organisation's agency,
    "the UN refugee agency", is named so: "the refugee agency" after UNHCR is UNHCR's)."""
    mods = words[1:-1]
    if not mods or any(w in ("news", "state", "press", "wire") for w in mods):
        return False
    return not any(m.actor_type in _ORG_TYPES and m.end <= a
                   for m in r.mentions_in(r.window_start(a, WINDOW_SENTENCES), a))


# Words that name a state's diplomatic post or envoy just after the state ("Hungary's ambassador",
# "the Russian embassy in Oslo", "Peru's envoy").
_DIPLOMATIC_WORDS = frozenset("embassy ambassador envoy consulate consul chargé charge".split())


def _embassy_state(r: SpeakerResolver, a: int) -> Mention | None:
    """Rule ``embassy_state``: "the embassy" is the embassy of the state whose embassy,
    ambassador or envoy the window names before it, outside quotation marks ("Russia's embassy
    in Oslo called ... The embassy said": RUS; "Hungary's ambassador was summoned ... The embassy
    said": HUN), the nearest; none when the text names no diplomatic post of a state (an
    embassy is a foreign state's, not the host's or the dateline's).

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Chile summoned Peru's ambassador. The embassy said it had no comment."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> ms = [Mention(0, 5, "CHL", None, "GOV", None, "name", False, "state"),
        ...       Mention(15, 19, "PER", None, "GOV", None, "name", False, "state")]
        >>> r = SpeakerResolver(token_arrays(text, toks), ms, [], set())
        >>> _embassy_state(r, text.index("The embassy")).actor
        'PER'
    """
    d = r.d
    found: Mention | None = None
    sent = -1
    for m in reversed(r.mentions_in(r.window_start(a, WINDOW_SENTENCES), a)):
        if m.end > a or not m.actor or m.person or m.actor_type != "state" or r.in_quote(m.start):
            continue
        t = bisect.bisect_left(d.start, m.end)
        if not any(w in _DIPLOMATIC_WORDS for w in d.text[m.start:m.end].lower().split()) \
                and not any(d.low[k] in _DIPLOMATIC_WORDS for k in range(t, min(t + 3, len(d.low))) if d.start[k] < a):
            continue
        here = d.sent[min(t, len(d.sent) - 1)]
        if found is None:
            found, sent = m, here
        elif here != sent:
            break
        elif m.actor != found.actor:   # "Peru's ambassador and Bolivia's envoy met": whose, unsaid
            return None
    return found


def _post_end(r: SpeakerResolver, m: Mention) -> int:
    """The end of the phrase a state's mention opens as the owner of a post or body, the
    antecedent of "the embassy", "the agency": "Hungary's ambassador", "the Russian embassy",
    "Peru's Water Authority" (at most four words after the state's name).

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Peru's Water Authority cut supplies."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> r = SpeakerResolver(token_arrays(text, toks), [], [], set())
        >>> text[:_post_end(r, Mention(0, 4, "PER", None, "GOV", None, "name", False, "state"))]
        "Peru's Water Authority"
    """
    d = r.d
    t = k = bisect.bisect_left(d.start, m.end)
    if k < len(d.low) and d.low[k] in POSSESSIVES:
        k += 1
    stop = min(len(d.low), k + 4)
    while k < stop and d.sent[k] == d.sent[t - 1] and (
            d.low[k] in _DIPLOMATIC_WORDS or d.low[k] in _OFFICE_SECTOR or _cap(d.tok[k]) and d.tok[k].isalpha()):
        k += 1
    return d.end[k - 1] if k > t and d.low[k - 1] not in POSSESSIVES else m.end


# Office nouns a description uses for a state's named agency ("South Korea's National
# Intelligence Service ... The agency said").
_AGENCY_HEADS = frozenset({"agency", "authority"})


def _owned_body_state(r: SpeakerResolver, a: int) -> Mention | None:
    """Rule ``owned_body``: "the agency" is the body a state's possessive named before it
    ("Ukraine's SBU security service detained ..., the agency said": UKR; "South Korea's
    National Intelligence Service said ... The agency said": KOR): the first such phrase (a
    state, "'s", then a capitalised name) of the nearest sentence in the window that has one,
    outside quotation marks, the speaker's own sentence first. None without one.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Peru's Water Authority cut supplies. The agency said rain was short."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> ms = [Mention(0, 4, "PER", None, "GOV", None, "name", False, "state")]
        >>> r = SpeakerResolver(token_arrays(text, toks), ms, [], set())
        >>> _owned_body_state(r, text.index("The agency")).actor
        'PER'
    """
    d = r.d
    best: Mention | None = None
    for m in r.mentions_in(r.window_start(a, WINDOW_SENTENCES), a):
        if m.end > a or not m.actor or m.person or m.actor_type != "state" or r.in_quote(m.start):
            continue
        t = bisect.bisect_left(d.start, m.end)
        own = bisect.bisect_left(d.start, m.start)
        if any(d.low[k] in POSSESSIVES and d.tok[k + 1][:1].isupper() for k in range(own, t - 1)):
            # the mention is the body itself ("Ukraine's SBU security service")
            if best is None or d.sent[t - 1] > d.sent[bisect.bisect_left(d.start, best.end) - 1]:
                best = m
            continue
        if t + 1 >= len(d.low) or d.low[t] not in POSSESSIVES or d.start[t + 1] >= a \
                or not d.tok[t + 1][:1].isupper() \
                or any(o.actor_type == "state" and o.actor != m.actor
                       for o in r.mentions_in(d.start[t + 1], d.end[t + 1])):
            continue   # "Ukraine's SBU", not "Moldova's Russia policy"
        if best is None or d.sent[t] > d.sent[bisect.bisect_left(d.start, best.end) - 1]:
            best = m
    return best


# UN missions and agencies are named by acronyms of "United Nations" / "Nations Unies" that open
# with it ("UNMISS", "UNIFIL") or with a mission's "Mission/Bureau ... des Nations Unies"
# ("MINUSCA", "MONUSCO", "BINUH"); not an acronym that merely holds the letters ("SUNA", the
# Sudanese news agency) nor the capitalised words and party names that open with them.
_UN_ACRONYM = re.compile(r"(UN[A-Z]{2,}|MINU[A-Z]+|MONU[A-Z]+|BINU[A-Z]+)")
_NOT_UN = frozenset({"UNITA", "UNION", "UNITED", "UNIT", "UNITS", "UNDER", "UNTIL", "UNLESS", "UNKNOWN", "UNREST"})


def _un_acronym(word: str) -> bool:
    """Whether an all-capitals word is the acronym of a UN mission or agency.

    Example:
        >>> _un_acronym("MINUSCA"), _un_acronym("UNIFIL"), _un_acronym("SUNA"), _un_acronym("UNITA")
        (True, True, False, False)
    """
    return word not in _NOT_UN and _UN_ACRONYM.fullmatch(word) is not None


def _acronym_body(r: SpeakerResolver, a: int, b: int) -> str | None:
    """An all-capitals acronym of four or more letters that no mention covers, modifying the
    office noun of the span ``[a, b)`` ("A MONUSCO spokesperson", "the KFOR command"): the
    office is that body's, whose name the gazetteer does not know. ``None`` otherwise.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "A UNMISS spokesperson said"
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> r = SpeakerResolver(token_arrays(text, toks), [], [], set())
        >>> _acronym_body(r, 0, text.index(" said"))
        'UNMISS'
    """
    d = r.d
    t0, t1 = bisect.bisect_left(d.start, a), bisect.bisect_left(d.start, b)
    for k in range(t0 + 1, t1 - 1):
        w = d.tok[k]
        if len(w) >= 4 and w.isalpha() and w.isupper() and not r.mentions_in(d.start[k], d.end[k]):
            return w
    return None


def rule_un_acronym(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """``un_mission``: a bare acronym the gazetteer does not know that spells "United Nations" or
    "Nations Unies" ("MINUSCA said", "UNIFIL said", "the UNMISS mission said"): a UN mission
    or agency, actor ``UN`` (the issue of who speaks for a mission is the UN's, not the host
    state's). Other unknown acronyms stay unresolved.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "UNMOGIP said the ceasefire held."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> r = SpeakerResolver(token_arrays(text, toks), [], [], set())
        >>> r.resolve(0, text.index(" said")).rule
        'un_mission'
    """
    d = r.d
    t, e = bisect.bisect_left(d.start, a), bisect.bisect_left(d.start, b)
    acr = [k for k in range(t, e) if d.tok[k].isalpha() and d.tok[k].isupper() and len(d.tok[k]) >= 4]
    rest = [w for k, w in enumerate(d.low[t:e], t) if k not in acr]
    if len(acr) != 1 or any(w not in ("the", "mission", "force") for w in rest) \
            or r.mentions_in(d.start[acr[0]], d.end[acr[0]]) or not _un_acronym(d.tok[acr[0]]):
        return None
    return Resolution("UN", None, None, "role", "un_mission")


def rule_office_place(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """``office_place``: an office of a state whose own phrase names the state, by a capital
    or state after "in"/"of" ("the foreign ministry in Brasilia", "the defence ministry of
    Ghana") or a state before it ("China's foreign ministry"), when no mention of a speaker
    lies in the span. Not an embassy or a spokesperson ("the embassy in Kyiv" is a foreign
    state's).

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Aid will be sent, the planning ministry in Accra said."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> r = SpeakerResolver(token_arrays(text, toks), [], [], set())
        >>> a, b = text.index("the planning"), text.index(" said")
        >>> r.resolve(a, b).actor, r.resolve(a, b).rule
        ('GHA', 'office_place')
    """
    if len(words) < 2 or len(words) > 8:
        return None
    d = r.d
    t, e = bisect.bisect_left(d.start, a), bisect.bisect_left(d.start, b)
    low = d.low[t:e]
    cut = next((k for k, w in enumerate(low) if w in ("in", "of")), None)
    head: str | None
    if cut == 1 and low[0] == "officials" and low[1] == "in":
        # "officials in New Delhi": the state's whose capital it is
        head, place = "official", ((d.start[t + 2], b) if t + 2 < e else None)
    elif cut is not None and (cut > 1 or cut == 1 and low[0] in _BARE_OFFICES):
        # "the foreign ministry in Brasilia", "Prosecutors in Kyiv"
        head = _office_head(low[:cut])
        place = (d.start[t + cut + 1], b) if t + cut + 1 < e else None
    elif len(low) > 2 and low[1] in POSSESSIVES and _cap(d.tok[t]):   # "China's foreign ministry"
        head, place = _office_head(["the", *low[2:]]), (a, d.start[t + 1])
    else:
        return None
    if head is None or head not in _PLACED_OFFICES or place is None:
        return None
    actor = _nationality(r, *place) or _place_state(r, *place)
    if actor is None:
        return None
    return Resolution(actor, None, _OFFICE_SECTOR[head], "role", "office_place")


def _place_state(r: SpeakerResolver, a: int, b: int) -> str | None:
    """The state whose capital (or name) ``[a, b)`` is, read from the gazetteer ("Accra",
    "La Paz"), leading "the" aside."""
    from .actors import load_gazetteer

    place = r.d.text[a:b].strip()
    if place.lower().startswith("the "):
        place = place[4:]
    return _place_states(r.gazetteer if r.gazetteer is not None else load_gazetteer()).get(place.lower())


# Offices a capital or state in their own phrase places ("the foreign ministry in Accra").
_PLACED_OFFICES = frozenset("ministry government cabinet presidency office army military navy force "
                            "guard police prosecutors bureau directorate inspectorate department "
                            "command committee commission official".split())


def _same_office_state(r: SpeakerResolver, a: int, head: str, *, before: bool = False,
                       any_article: bool = False) -> str | None:
    """``same_office``: the state of the nearest earlier mention of the same office in the
    window (:data:`WINDOW_SENTENCES`), outside quotation marks: a nationality or state in the
    words just before it ("Philippine Coast Guard spokesman X said ... The coast guard said"),
    else the state that mention's own context gives ("TOKYO (Reuters) - ..., the defence ministry
    said. It was the first incursion by a Chinese plane, the ministry added": Japan's, not
    China's). Not a craft of an office ("a Chinese coast guard ship" is no speaker) nor a
    nationality the paragraph's dateline contradicts. ``before``: only an earlier sentence's
    mention, and one that an indefinite article opens ("a foreign ministry official said ...
    the official said"; any article with ``any_article``: "the Philippine coast guard said ...
    Coast guard spokesman X")."""
    d = r.d
    tok = bisect.bisect_left(d.start, a)
    for p in _earlier_in_window(r, a, head):
        if r.in_quote(d.start[p]) or (p + 1 < len(d.low) and d.low[p + 1] in _CRAFT_NOUNS):
            continue
        lo = max(d.sent_start[d.sent[p]], p - 4)
        openers = ("a", "an", "the") if any_article else ("a", "an")
        if before and (d.sent[p] == d.sent[tok] or not any(d.low[k] in openers for k in range(lo, p))):
            continue
        nat = _nationality(r, d.start[lo], d.start[p])
        line = dateline_state(r, a)
        if nat is not None and line is not None and nat != line:
            continue
        return nat or context_state(r, d.start[lo])[0]
    return None


def _contested_office(r: SpeakerResolver, a: int, head: str) -> bool:
    """Whether the sentence of the nearest earlier mention of the office ``head`` names it for
    two states ("Kenya's Civil Aviation Authority and Uganda's Civil Aviation Authority signed
    a deal. The authority said": no one state's).

    Example:
        >>> # "Kenya's ... Authority and Uganda's ... Authority": True for "The authority"
    """
    d = r.d
    states: set[str] = set()
    sent = -1
    for q in _earlier_in_window(r, a, head):
        if r.in_quote(d.start[q]):
            continue
        if sent >= 0 and d.sent[q] != sent:
            break
        sent = d.sent[q]
        nat = _nationality(r, d.start[max(d.sent_start[sent], q - 4)], d.start[q])
        if nat is not None:
            states.add(nat)
    return len(states) > 1


# Nouns after an office that make it the office's craft, not the office ("a coast guard ship").
_CRAFT_NOUNS = frozenset("ship ships vessel vessels boat boats plane planes aircraft jet jets cutter".split())


# A launch of craft or weapons a state counts as they come ("launched 40 drones at Ukraine",
# "sent 12 warplanes toward Taiwan"): the verbs, the counted things and the prepositions of aim.
_LAUNCH_VERBS = frozenset("launched launches launch fired fires fire sent sends send flew flies fly".split())
_LAUNCH_OBJECTS = frozenset("""drone drones missile missiles rocket rockets warplane warplanes aircraft jet
jets fighter fighters bomber bombers balloon balloons warship warships ships vessels""".split())
_LAUNCH_AIMS = frozenset("at toward towards into over around".split())
_DEFENCE = frozenset({"defence", "defense"})


def _launch_victim(r: SpeakerResolver, a: int) -> str | None:
    """Rule ``launch_victim``: a military office after a report of one state launching craft or
    weapons at another ("Russia launched a wave of drones at Ukraine overnight, the air force
    said", "China sent 12 warplanes toward Taiwan, the defence ministry said") is the one they
    were aimed at: the side that counts what comes in reports it so (the attacker reports
    strikes in its own terms, "struck targets", :func:`_strike_side`). The launching state must
    open the speaker's sentence and the aimed-at state follow the preposition; None otherwise.

    Example:
        >>> # "Russia launched a wave of drones at Ukraine overnight, the air force said": UKR
    """
    d = r.d
    t = bisect.bisect_left(d.start, a)
    if t >= len(d.start):
        return None
    lo, hi = d.start[d.sent_start[d.sent[t]]], a
    acting = [m for m, named in _acting_states(r, lo, hi) if named]
    if not acting or not _opens(r, lo, acting[0]):
        return None
    m = acting[0]
    k = bisect.bisect_left(d.start, m.end)
    if k >= t or d.low[k] not in _LAUNCH_VERBS:
        return None
    obj = next((j for j in range(k + 1, min(t, k + 7)) if d.low[j] in _LAUNCH_OBJECTS), None)
    if obj is None:
        return None
    aim = next((j for j in range(obj + 1, min(t, obj + 3)) if d.low[j] in _LAUNCH_AIMS), None)
    if aim is None or aim + 1 >= t:
        return None
    j = aim + 1 + (d.low[aim + 1] == "the")
    for o in r.mentions_in(d.start[j], d.end[min(t, j + 3) - 1]):
        if o.start == d.start[j] and o.actor and o.actor != m.actor and o.actor_type == "state" \
                and not o.person and o.kind != "demonym":
            return o.actor
    return None


_MONARCH_ROLES = frozenset({"monarch", "crown_prince"})


def _monarch_state(r: SpeakerResolver, a: int) -> str | None:
    """Rule ``royal_court``: "the royal court", "the palace" speak for the monarch named last
    in the window ("Jordan's King Abdullah received US envoy X ..., the royal court said":
    JOR); None when the nearest sentence naming monarchs names two states' ("King X hosted the
    Emir of Qatar"), or none is named.

    Example:
        >>> # "Jordan's King Abdullah received US envoy X in Amman, the royal court said": JOR
    """
    d = r.d
    fit = [m for m in r.mentions_in(r.window_start(a, WINDOW_SENTENCES), a)
           if m.end <= a and m.actor and m.actor_type == "state" and m.role in _MONARCH_ROLES
           and not r.in_quote(m.start)]
    if not fit:
        return None
    last = d.sent[bisect.bisect_left(d.start, fit[-1].start)]
    states = {m.actor for m in fit if d.sent[bisect.bisect_left(d.start, m.start)] == last}
    return fit[-1].actor if len(states) == 1 else None


def _court_state(r: SpeakerResolver, a: int) -> str | None:
    """Rule ``court_state``: prosecutors or a court with no state of their own take the state of
    the court named last before them in their sentence or the one before, by its nationality
    word or state ("A Dutch court jailed two men for smuggling parts to Iran, prosecutors
    said": NLD, not Iran) or its place ("a court in Ankara": TUR). None when no court is named
    so, or two courts' states differ.

    Example:
        >>> # "A Dutch court convicted two men of smuggling drone parts to Iran, prosecutors said": NLD
    """
    d = r.d
    t = bisect.bisect_left(d.start, a)
    if t >= len(d.start):
        return None
    lo = d.sent_start[max(0, d.sent[t] - 1)]
    found = []
    for k in range(lo, t):
        if d.low[k] not in ("court", "tribunal"):
            continue
        for m in r.mentions_in(d.start[max(lo, k - 3)], d.start[k]):   # "A Dutch court", "Kenya's high court"
            if m.actor and m.actor_type == "state" and not m.person and m.end >= d.start[max(lo, k - 2)]:
                found.append(m.actor)
        if k + 2 < t and d.low[k + 1] == "in":   # "a court in Ankara"
            found.extend(m.actor for m in r.mentions_in(d.start[k + 2], d.end[min(t, k + 4) - 1])
                         if m.actor and m.actor_type == "state" and not m.person)
    return found[-1] if found and len(set(found)) == 1 else None


def _office_head(words: list[str]) -> str | None:
    """The office noun of a description of a state's office ("the foreign ministry", "the
    culture ministry", "the coast guard", bare "police"), else ``None``: at most two modifiers,
    lower-case words or known office modifiers, none naming a body below the state
    ("regional", "provincial") or a person's ("his")."""
    if len(words) == 1:
        return words[0] if words[0] in _BARE_OFFICES else None
    if words[0] == "the" and " ".join(words[-3:]) == "chiefs of staff" and len(words) <= 5:
        return "military"   # "the Joint Chiefs of Staff": a state's general staff
    if "of" in words[2:-1] and words[words.index("of") - 1] in _OFFICE_SECTOR \
            and not words[words.index("of") - 1].startswith(("spokes", "official")) \
            and not (_SUBSTATE_MODIFIERS | _NOT_STATE_SPOKES) & set(words[words.index("of"):]):
        # "the National Bureau of Investigation", "the Operational Command of the armed forces":
        # the office noun before its complement (a complement naming a state is office_place's)
        words = words[:words.index("of")]
    if len(words) > 4 or words[0] not in ("the", "a", "an"):
        return None
    head = words[-1]
    if head in _STATE_BODIES:
        return head if _STATE_BODY_MODS & set(words[1:-1]) else None
    if len(words) >= 3 and " ".join(words[-2:]) in _COMPOUND_OFFICES:
        head, mods = _COMPOUND_OFFICES[" ".join(words[-2:])], words[1:-2]
    elif head == "office" and len(words) == 2:
        return None   # "the office": whose, the text must say
    else:
        mods = words[1:-1]
    if head in ("official", "officials") and any(w in _STATE_OFFICES for w in mods):
        head = "official"   # "a foreign ministry official", "a government official": the office's
    elif head not in _STATE_OFFICES or head == "official":
        return None
    if any(not w.isalpha() or w in _SUBSTATE_MODIFIERS for w in mods):
        return None
    return head


def _sentence_and_floor(r: SpeakerResolver, a: int) -> tuple[int, int] | None:
    """The sentence of offset ``a`` and the earliest offset an antecedent search from it may
    reach (:data:`WINDOW_SENTENCES` sentences and at most :data:`MAX_LOOKBACK_TOKENS` tokens
    back); ``None`` past the document's last token."""
    d = r.d
    tok = bisect.bisect_left(d.start, a)
    if tok >= len(d.start):
        return None
    return d.sent[tok], r.window_start(a, WINDOW_SENTENCES)


# Offices of a state that speak for it, with their sector; two-word offices by the key their
# head stands for; bare nouns that name one ("Police said"); modifiers that name a body below
# the state ("the regional government", "the city council") or a company ("a company spokesman"),
# whose office is not the state's.
_STATE_OFFICES = {"ministry": "GOV", "government": "GOV", "cabinet": "GOV", "embassy": "GOV",
                  "presidency": "GOV", "spokesman": "GOV", "spokeswoman": "GOV", "spokesperson": "GOV",
                  "office": "GOV", "army": "MIL", "military": "MIL", "navy": "MIL", "force": "MIL",
                  "guard": "MIL", "police": "COP", "prosecutors": "JUD", "prosecutor": "JUD",
                  "court": "JUD", "palace": "GOV", "agency": "GOV", "authority": "GOV",
                  "bureau": "GOV", "directorate": "GOV", "inspectorate": "GOV", "department": "GOV",
                  "service": "GOV", "command": "MIL"}
# Bodies that are a state's only with a modifier saying so ("a parliamentary committee", "the
# electoral commission"; bare "the commission" is as often an organisation's, the EU's).
_STATE_BODIES = {"committee": "LEG", "commission": "GOV"}
_STATE_BODY_MODS = frozenset("""parliamentary congressional legislative senate electoral election
intelligence defence defense security""".split())
# ... and "official" when an office names it ("a foreign ministry official", :func:`_office_head`)
_OFFICE_SECTOR = dict(_STATE_OFFICES, official="GOV", **_STATE_BODIES)
_COMPOUND_OFFICES = {"air force": "force", "coast guard": "guard", "armed forces": "force",
                     "foreign office": "office", "police force": "police", "royal court": "palace"}
# Bare nouns that name a state's office, and the offices that, like police, are the state's
# where the story happens (the dateline's): "A Dutch court jailed two men, prosecutors said"
# (CAMEO sector JUD, judiciary).
_BARE_OFFICES = frozenset({"police", "prosecutors"})
_LOCAL_SECTORS = frozenset({"COP", "JUD"})
_SUBSTATE_MODIFIERS = frozenset("""regional local provincial municipal city state county district
opposition rebel separatist party his her its their our my your this that these those other
another same new former company firm corporate""".split())


def rule_pronoun_org(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """"it": the nearest organisation or state, not a place, a media outlet or a person's role.

    Sentences are searched from the pronoun's own backwards: in its own sentence the nearest
    fitting mention before it wins ("an opportunity for the West to show that it ..."), in an
    earlier one the first (subject-most): in "Russia's foreign ministry summoned the British
    ambassador. It said ..." "it" is the ministry, not the ambassador.
    """
    return _org_antecedent(r, a) if words == ["it"] else None


def rule_pronoun_group(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """``pronoun_group``: "they" as a speaker is the nearest earlier group of people that spoke
    (a mention whose head is a group noun, :data:`PERSON_GROUPS`, right before a reporting
    verb) in the sentences before it: "Chinese ships rammed a boat, Philippine officials said.
    They said ..." is PHL, not the ships' state. None when no group spoke.

    Example:
        >>> # "..., Philippine officials said. They said the crew was unhurt.": PHL
    """
    if words != ["they"]:
        return None
    got = _sentence_and_floor(r, a)
    if got is None:
        return None
    sent, floor = got
    d = r.d
    for m in reversed(r.mentions_in(floor, a)):
        t = bisect.bisect_left(d.start, m.end)
        if m.end > a or not m.actor or m.person or m.actor_type == "media" or r.in_quote(m.start) \
                or d.sent[t - 1] == sent or t >= len(d.low):
            continue
        if d.low[t - 1] in PERSON_GROUPS and t in r.cue_tokens:
            return Resolution(m.actor, None, m.sector, "pronoun", "pronoun_group")
    return None


def rule_pronoun_possessive(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """"Its foreign minister", "their spokesman": the state or organisation "its" refers to
    (:func:`rule_pronoun_org`'s search from the possessive), so "China criticised Japan. Its
    foreign ministry said ..." is China's: the earlier sentence's subject, not the last state."""
    if len(words) < 2 or len(words) > 4 or words[0] not in ("its", "their") \
            or (words[-1] not in ROLE_NOUNS and words[-1] not in ORG_NOUNS):
        return None
    res = _org_antecedent(r, a, people=words[0] == "their")
    if res is None or (words[0] == "its" and _region_before(r, a)):
        return None
    return Resolution(res.actor, None, res.sector, "pronoun", "pronoun_possessive")


def _region_before(r: SpeakerResolver, a: int, actor: str | None = None) -> bool:
    """Is a region of a state named in the sentence before offset ``a`` or earlier in its own
    (``actor``: a region of another state than it; "Russia shot down drones over the Belgorod
    region, the defence ministry said" is Russia's)? Regions have their own ministries and
    governors ("Israel struck Gaza. Its health ministry said ..."), so "its" may be the
    region's: no speaker is better than the wrong state."""
    if r.regions is None:
        r.regions = _region_entries(r.gazetteer)
    d = r.d
    tok = bisect.bisect_left(d.start, a)
    if tok >= len(d.start):
        return False
    lo = d.start[d.sent_start[max(0, d.sent[tok] - 1)]]
    return any(m.entry in r.regions and (actor is None or m.actor != actor) for m in r.mentions_in(lo, a))


def _org_antecedent(r: SpeakerResolver, a: int, *, people: bool = False,
                    exclude: str | None = None) -> Resolution | None:
    """The search of :func:`rule_pronoun_org` for a pronoun at offset ``a``; ``people``: a
    group of people may be the antecedent too ("Russian troops ... they"); ``exclude``: an
    actor that is the pronoun's co-argument."""
    d = r.d
    found = _sentence_and_floor(r, a)
    if found is None:
        return None
    s, floor = found
    for sent in range(s, max(0, s - WINDOW_SENTENCES) - 1, -1):
        lo = max(floor, d.start[d.sent_start[sent]])
        hi = a if sent == s else d.end[d.sent_end[sent] - 1]
        if hi <= floor:
            break
        fits = [m for m in r.mentions_in(lo, hi)
                if m.actor and not m.person and not m.location and m.actor_type != "media"
                and m.end <= a and not r.in_quote(m.start) and m.actor != exclude
                and (people or not _names_a_person(r, m))]
        # in its own sentence the nearest ("... for the West to show that it"), before it the
        # subject-most (Centering's ranking subject > object > other, Grosz, Joshi & Weinstein
        # 1995; Hobbs's left-to-right search meets the subject first); places skipped (asked
        # only of the best candidates, as most sentences' first fits)
        if sent == s:
            fits.sort(key=_END, reverse=True)
        else:
            fits.sort(key=_START)
            fits = r._main_clause_first(sent, fits)
        for m in fits:
            if not _place_reading(r, m):
                return Resolution(m.actor, None, m.sector, "pronoun", "pronoun_org", m.start,
                                  _owned_office_end(r, m))
    return None


def _owned_office_end(r: SpeakerResolver, m: Mention) -> int:
    """Where the antecedent phrase of mention ``m`` ends: after the office its possessive owns
    ("Poland's foreign ministry summoned ...": "Poland's foreign ministry"), else at ``m``'s end.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Poland's foreign ministry summoned the envoy."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> r = SpeakerResolver(token_arrays(text, toks), [], [], set())
        >>> text[:_owned_office_end(r, Mention(0, 6, "POL"))]
        "Poland's foreign ministry"
    """
    d = r.d
    t = bisect.bisect_left(d.start, m.end)
    if t >= len(d.low) or d.low[t] not in POSSESSIVES:
        return m.end
    end = m.end
    for k in range(t + 1, min(t + 4, len(d.low))):
        if d.low[k] in _STATE_OFFICES or d.low[k] in ORG_NOUNS:
            end = d.end[k]
        elif not d.tok[k].isalpha():
            break
    return end


_START, _END = operator.itemgetter(0), operator.itemgetter(1)


# Prepositions that make a state's name a place ("fighting in Ukraine", "troops across Syria");
# not "to"/"from", which as often name a recipient or a source ("words from Russia").
_PLACE_PREPS = frozenset("in into across near inside within throughout around along outside".split())
# Compass adjectives between a place preposition and a state ("in eastern Ukraine").
_COMPASS = frozenset("""north south east west northern southern eastern western central northeastern
northwestern southeastern southwestern northeast northwest southeast southwest""".split())
# Mention kinds that name a place first (a capital, a seat of government): the state acting
# only as the subject that opens a clause ("Moscow said", "On Monday, Beijing warned").
_PLACE_KINDS = frozenset({"capital", "seat"})


def _place_reading(r: SpeakerResolver, m: Mention) -> bool:
    """Does the mention read as a place, never the "it" that speaks? A region of a state
    always does ("Gaza", "Donbas": the gazetteer's notes say ``region:``); a capital or seat
    unless it opens its clause ("Missiles struck Kyiv", not "Kyiv said"); any state after a
    place preposition ("shelling in Ukraine", "troops across Syria")."""
    if r.regions is None:
        r.regions = _region_entries(r.gazetteer)
    if m.entry in r.regions:
        return True
    d = r.d
    t = bisect.bisect_left(d.start, m.start)
    if t >= len(d.sent):
        return False
    first = d.sent_start[d.sent[t]]
    p = t - 1
    if p >= first and d.low[p] == "the":
        p -= 1
    prev = d.low[p] if p >= first else ""
    if prev in _PLACE_PREPS:
        return True
    return m.kind in _PLACE_KINDS and p >= first and prev != ","


@functools.lru_cache(maxsize=4)
def _region_entries_of(gaz) -> frozenset[str]:
    e = gaz.entries
    if "note" not in e:
        return frozenset()
    from .actors import REGION_NOTE

    return frozenset(e["entry"][e["note"].fillna("").astype(str).str.startswith(REGION_NOTE)])


@functools.lru_cache(maxsize=4)
def _contested_entries_of(gaz) -> frozenset[str]:
    """Entries (and their words) of regions whose officials may not be their state's (flags
    ``contested``, ``disputed``: "Donetsk's Russian-installed leader X" is no Ukrainian)."""
    from .actors import REGION_NOTE

    e = gaz.entries
    if "note" not in e or "ambiguous" not in e:
        return frozenset()
    amb = e["ambiguous"].fillna("").astype(str)
    sel = e["note"].fillna("").astype(str).str.startswith(REGION_NOTE) & (
        amb.str.contains("contested") | amb.str.contains("disputed"))
    names = e["entry"][sel].tolist()
    return frozenset(names) | frozenset(w for n in names for w in n.split())


def _region_entries(gaz) -> frozenset[str]:
    """Entries of ``gaz`` (None: the bundled gazetteer) that name a region of a state."""
    from .actors import load_gazetteer

    return _region_entries_of(gaz if gaz is not None else load_gazetteer())


def _names_a_person(r: SpeakerResolver, m: Mention) -> bool:
    """Does the mention's head noun name a person ("the British ambassador", "Russian troops")?"""
    words = r.d.text[m.start:m.end].lower().split()
    head = words[-1] if words else ""
    return head in ROLE_NOUNS or head in GENDERED_NOUNS or head in PERSON_GROUPS



# --------------------------------------------------------------------------- the state a text is about



@functools.lru_cache(maxsize=4)
def _place_states(gaz) -> dict[str, str]:
    """Lower-cased state names and capitals of ``gaz`` -> state code (a dateline's place:
    "NAIROBI" is Kenya's), contested regions left out."""
    e = gaz.entries
    e = e[e["category"].isin(["state", "capital"]) & (e["actor_type"] == "state") & (e["actor"] != "")]
    contested = _contested_entries_of(gaz)
    return {n.lower(): a for n, a in zip(e["entry"], e["actor"]) if n not in contested}


def _dateline_at(d, t: int, places: dict[str, str]) -> tuple[int, str | None]:
    """The dateline opening a paragraph at token ``t`` ("NAIROBI, May 4 (Reuters) -", "ABUJA
    (AP) -", "DAKAR, Senegal (AFP) -"): (the token after its dash, the state of its first place
    of a known state), or ``(t, None)`` when none opens there. The grammar is the actors step's
    (:func:`toolkit.actors.dateline_places`), so the two read the same datelines."""
    from .actors import dateline_places

    e, spans = dateline_places(d.tok, t, d.sent_end[d.sent[t]])
    for a, b in spans:
        code = places.get(" ".join(d.tok[a:b]).lower())
        if code is not None:
            return e, code
    return e, None


def _datelines(r: SpeakerResolver) -> list[tuple[int, int, str | None]]:
    """(offset of the paragraph, end offset of its dateline, the dateline's state) of each
    paragraph of the document that opens with a dateline, read once per document."""
    if r._datelines is None:
        from .actors import load_gazetteer

        d = r.d
        places = _place_states(r.gazetteer if r.gazetteer is not None else load_gazetteer())
        out = []
        for p in itertools.chain((0,), (m.end() for m in _PARAGRAPH.finditer(d.text))):
            t = bisect.bisect_left(d.start, p)
            if t < len(d.tok):
                e, code = _dateline_at(d, t, places)
                if e > t:
                    out.append((d.start[t], d.start[e] if e < len(d.start) else len(d.text), code))
        r._datelines = out
    return r._datelines


_PARAGRAPH = re.compile(r"\n\s*")


def dateline_state(r: SpeakerResolver, a: int) -> str | None:
    """The state of the place of the wire dateline that opens the paragraph of offset ``a`` or
    an earlier one ("NAIROBI, May 4 (Reuters) - ...": KEN): where the story was filed.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "LIMA, Oct 3 (Reuters) - The ministry said talks had failed."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> r = SpeakerResolver(token_arrays(text, toks), [], [], set())
        >>> dateline_state(r, text.index("ministry")), dateline_state(r, 0)
        ('PER', None)
    """
    lines = _datelines(r)
    i = bisect.bisect_right(lines, (a, len(r.d.text) + 1)) - 1
    return lines[i][2] if i >= 0 and lines[i][1] <= a else None


def _has_dateline(r: SpeakerResolver, a: int) -> bool:
    """Does a wire dateline, of a known place or not ("AUSTIN, Texas (Reuters) -"), open the
    paragraph of offset ``a`` or an earlier one (see :func:`dateline_state`)?"""
    lines = _datelines(r)
    i = bisect.bisect_right(lines, (a, len(r.d.text) + 1)) - 1
    return i >= 0 and lines[i][1] <= a


def _sentence_states(r: SpeakerResolver, lo: int, hi: int) -> tuple[set[str], set[str]]:
    """States acting in ``[lo, hi)`` outside quotation marks, as names and as demonyms: not
    places ("in Ukraine", "struck Kyiv", a region), not a person's nationality ("the Russian
    ambassador", "Ukrainian officials")."""
    names: set[str] = set()
    demonyms: set[str] = set()
    for m, by_name in _acting_states(r, lo, hi):
        if m.actor:   # always: _acting_states keeps mentions with an actor
            (names if by_name else demonyms).add(m.actor)
    return names, demonyms


def _acting_states(r: SpeakerResolver, lo: int, hi: int) -> list[tuple[Mention, bool]]:
    """The mentions of :func:`_sentence_states` in text order, each with whether it names its
    state by name (else by a demonym before a body: "the Thai army")."""
    out = []
    d = r.d
    for m in r.mentions_in(lo, hi):
        if m.actor and m.actor_type == "state" and not m.person and not m.location \
                and not r.in_quote(m.start) and not _names_a_person(r, m) and not _place_reading(r, m):
            t = bisect.bisect_left(d.start, m.start)
            if t > 1 and d.low[t - 1] in _COMPASS and d.low[t - 2] in _PLACE_PREPS:
                continue   # "in eastern Ukraine": a place
            t = bisect.bisect_left(d.start, m.end)
            nxt = d.low[t] if t < len(d.low) else ""
            if nxt in ROLE_NOUNS or nxt in PERSON_GROUPS:
                continue   # "the Vatican envoy", "Chadian soldiers": a person's nationality
            if m.kind != "demonym":
                out.append((m, True))
            elif nxt in ORG_NOUNS or nxt in _STATE_OFFICES or nxt in _DEMONYM_BODIES:
                out.append((m, False))   # "the Thai army"; not "a Chinese spy ship", "Indian fishermen"
    return out


def _subject_state(r: SpeakerResolver, lo: int, hi: int, found: set[str], speaker: int, *,
                   titled: bool = False) -> str | None:
    """``subject``: of two or more states competing in one sentence (``[lo, hi)``), the one
    that opens it as its subject, the others named after it ("Cuba accused the United States
    of ...", "The Czech Republic has not sent arms to Israel", "Egypt's president received
    ..."): what the sentence is about, whose office speaks of it. None when a hostile act
    follows the subject ("Russia launched drones at Moldova, the air force said", "Azerbaijan
    accused Armenia of shelling its posts. The ministry said ...": either side may be who
    speaks), when the subject is coordinated with another ("Poland and Lithuania ..."), or when
    the speaker's sentence (token ``speaker``) denies ("... said the accusations were baseless": the other side answering).
    A subject is the sentence's first acting state with only opening words before it
    ("The", "On Monday,", a dateline).

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Chile accused Peru of spying. The foreign ministry said talks were over."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> ms = [Mention(0, 5, "CHL", kind="state", actor_type="state"),
        ...       Mention(14, 18, "PER", kind="state", actor_type="state")]
        >>> r = SpeakerResolver(token_arrays(text, toks), ms, [], set())
        >>> a = text.index("The")
        >>> _subject_state(r, 0, a, {"CHL", "PER"}, bisect.bisect_left(r.d.start, a))
        'CHL'
    """
    acting = [(m, n) for m, n in _acting_states(r, lo, hi) if m.actor in found]
    if not acting:
        return None
    m = acting[0][0]
    d = r.d
    t = bisect.bisect_left(d.start, m.end)
    if t < len(d.low) and d.low[t] in _SUBJECT_LINKS:
        return None   # "Poland and Lithuania will hold drills, the defence ministry said": either's
    return m.actor if _opens_uncontested(r, lo, hi, m, speaker, titled=titled) else None


def _subject_holder(r: SpeakerResolver, lo: int, hi: int, speaker: int, *, titled: bool = False) -> str | None:
    """``subject`` for a sentence naming no state that acts: the state of the office holder
    who opens it as its subject ("Egypt's President X received Eritrea's President Y in Cairo.
    ... the presidency said": Egypt's), under :func:`_subject_state`'s conditions (no hostile
    act after, no denial by the speaker); not a diplomat or an official of no state office
    ("the Russian ambassador")."""
    ms = [m for m in r.mentions_in(lo, hi) if not r.in_quote(m.start)]
    if not ms:
        return None
    m = ms[0]
    if not (m.person and m.actor and m.actor_type == "state" and _state_office(m.role)):
        return None
    t = bisect.bisect_left(r.d.start, m.end)
    if t < len(r.d.low) and r.d.low[t] in POSSESSIVES:
        return None   # "Donald Trump's campaign is defending ...": the subject is his campaign
    return m.actor if _opens_uncontested(r, lo, hi, m, speaker, titled=titled) else None


def _opens_uncontested(r: SpeakerResolver, lo: int, hi: int, m: Mention, speaker: int, *,
                       titled: bool = False) -> bool:
    """Does mention ``m`` open its sentence (only opening words or a dateline before it, from
    ``lo``), with no hostile act after it before ``hi`` and no denial in the speaker's sentence
    (token ``speaker``)? A reduced relation (CAMEO 16) counts as hostile only for a ``titled``
    official (see :func:`_hostile_after`)."""
    if not _opens(r, lo, m) or _hostile_after(r, m, hi, decisions=not titled):
        return False
    return not _speaker_sentence_denies(r, speaker)


def _opens(r: SpeakerResolver, lo: int, m: Mention) -> bool:
    """Does mention ``m`` open its sentence (only opening words or a dateline before it, from
    offset ``lo``)?"""
    d = r.d
    t = bisect.bisect_left(d.start, m.start)
    first = bisect.bisect_left(d.start, lo)
    line = _dateline_end_offset(r, d.start[first])
    k = first if line is None else bisect.bisect_left(d.start, line)
    return all(d.low[j] in _OPENERS for j in range(k, t))


def _nationality_of_person(d, o: Mention) -> bool:
    """Is mention ``o`` a person's nationality ("the Vatican envoy", "Chadian soldiers")?"""
    t = bisect.bisect_left(d.start, o.end)
    nxt = d.low[t] if t < len(d.low) else ""
    return nxt in ROLE_NOUNS or nxt in PERSON_GROUPS


def _victim_place(r: SpeakerResolver, lo: int, hi: int, found: set[str], *, titled: bool = False) -> bool:
    """Does the one state acting in ``[lo, hi)`` open it with a hostile act
    (:func:`_hostile_after`) towards a place of another state named after it ("Eritrea sent
    troops into Tigray", "Uganda is occupying villages in western South Sudan")? The victim's
    office may be the one speaking, so the state is not the speaker's. Not a demonym ("Ukraine
    shot down 30 Russian drones, the air force said": Ukraine's)."""
    acting = [m for m, _ in _acting_states(r, lo, hi) if m.actor in found]
    if not acting:
        return False
    m = acting[0]
    d = r.d
    if not any(o.actor and o.actor not in found and o.actor_type == "state" and o.kind not in ("demonym", "role")
               and not o.person and not o.role and not r.in_quote(o.start) and not _nationality_of_person(d, o)
               for o in r.mentions_in(m.end, hi)):
        return False
    t = bisect.bisect_left(d.start, m.end)
    if t < len(d.low) and d.low[t] in _SPEECH_VERBS:
        return False   # "Mozambique said Rwandan troops had recaptured ...": a report, not its act
    return _opens(r, lo, m) and _hostile_after(r, m, hi, decisions=not titled)


def _strike_side(r: SpeakerResolver, lo: int, hi: int, found: set[str]) -> str | None:
    """Whose office reports a strike by the state opening ``[lo, hi)`` (a hostile act,
    :func:`_hostile_after`) when the wording tells: the attacker's, for an object in the
    attacker's own terms, targets, sites, hideouts or positions of no other state ("Israel
    struck Hamas targets in Gaza", "India struck nine sites in Pakistan, the army said":
    Israel's, India's); either side's (``""``) for such an object, or villages, troops, posts,
    of another state named before it ("Thailand shelled Cambodian positions, the army said":
    Thailand's army reports its fire, Cambodia's the fire it takes). ``None``: the wording does
    not tell (:func:`_victim_place` and :func:`_subject_state` decide: "Russia launched drones
    at Ukraine, the defence ministry said" gives none here; :func:`_launch_victim` reads such a
    launch for a military office before this is asked).

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Lisbia struck rebel hideouts, the army said."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> r = SpeakerResolver(token_arrays(text, toks), [Mention(0, 6, "LSB", kind="state",
        ...                     actor_type="state")], [], set())
        >>> _strike_side(r, 0, text.index(","), {"LSB"})
        'LSB'
    """
    acting = [m for m, _ in _acting_states(r, lo, hi) if m.actor in found]
    if not acting or not _opens(r, lo, acting[0]):
        return None
    m, d = acting[0], r.d
    t0, t1 = bisect.bisect_left(d.start, m.end), bisect.bisect_left(d.start, hi)
    if t0 >= t1 or d.low[t0] in _SPEECH_VERBS or not _hostile_after(r, m, hi):
        return None
    head = next((j for j in range(t0, min(t1, t0 + 8)) if d.low[j] in _STRIKE_OBJECTS), None)
    if head is None:
        return None
    other = any(o.actor and o.actor != m.actor and o.actor_type == "state" and not o.person
                for o in r.mentions_in(d.start[t0], d.start[head]))
    if other:
        return ""
    return m.actor if d.low[head] in _STRIKE_TARGETS else None


# Objects of a strike in the attacker's own terms ("struck Hamas targets", "nine sites"), and
# what else of another state a strike may hit ("shelled Cambodian villages").
# Not "energy facilities" or "fuel depots", which the side hit reports as readily.
_STRIKE_TARGETS = frozenset("""target targets site sites hideout hideouts camp camps stronghold
strongholds position positions base bases launcher launchers""".split())
_STRIKE_OBJECTS = _STRIKE_TARGETS | frozenset("""post posts village villages town towns troops
soldiers forces guards civilians ships vessels infrastructure facility facilities depot
depots""".split())


def _hostile_after(r: SpeakerResolver, m: Mention, hi: int, *, decisions: bool = False) -> bool:
    """Is what follows the subject ``m`` up to offset ``hi`` an act aimed at another party,
    whose victim may be the one who speaks of it? A weapon or a word of attack
    (:data:`_HOSTILE_WORDS`: "launched drones at"); an act of the escalation lexicon from CAMEO
    root 13 on (threaten, protest, force posture, reduce relations, coerce, assault, fight:
    "is occupying", "keeps detaining", "has suspended the treaty with"); a denied yield or
    cooperation of roots 03-05 and 08 ("has not complied with the peace agreement": the other
    side's complaint; not a denied aid, "has not sent ammunition to Israel", the subject's
    own word); or another state as the direct object of the subject's verb when that verb is
    no act of roots 01-12 ("Belarus is flooding Lithuania with migrants"; not "Cuba accused
    the United States", "Kenya urged Ethiopia", nor an object told to act, "Belarus allowed
    Russia to station ..."). With ``decisions``, a reduced relation (root 16: "Chad ended its
    defence agreement with France, and the foreign ministry said": the subject's own formal
    decision, which an unnamed office of it announces) is not hostile; a named official of
    unknown state is told apart by nothing ("India has suspended the treaty with Pakistan,
    Foreign Minister X said": either's).

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Lisbia is occupying two villages, the ministry said."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> r = SpeakerResolver(token_arrays(text, toks), [], [], set())
        >>> _hostile_after(r, Mention(0, 6, "LSB", kind="state", actor_type="state"), text.index(","))
        True
    """
    d = r.d
    t0, t1 = bisect.bisect_left(d.start, m.end), bisect.bisect_left(d.start, hi)
    if any(d.low[j] in _HOSTILE_WORDS for j in range(t0, t1)):
        return True
    if any(d.low[j] in _TOWARD and any(w in _MILITARY_CRAFT for w in d.low[t0:j]) for j in range(t0, t1)):
        return True   # "China sent 30 warplanes toward Taiwan": either side's ministry reports it
    if t1 <= t0:
        return False
    acts = _acts_of(tuple(d.tok[t0:t1]))
    if acts and 10 <= acts[0][2] <= 12 and acts[0][0] <= 3:
        return False   # "Cuba accused the United States of tightening the embargo": its own word
    for a, _, root in acts:
        negated = any(w in _NEGATIONS for w in d.low[t0:t0 + a])
        if (root >= 13 and not (decisions and root == 16)) or (negated and root in _DENIED_COOPERATION):
            return True
    k = t0
    while k < t1 and (d.low[k] in _AUX_WORDS or d.low[k] in _VERB_AUX or d.low[k] in _NEGATIONS
                      or d.low[k].endswith("ly")):
        k += 1
    if k + 1 >= t1 or not d.low[k].isalpha():
        return False
    verb = k
    k += 1 + (d.low[k + 1] == "the")
    obj = next((o for o in r.mentions_in(d.start[k], hi) if o.start == d.start[k]), None)
    if obj is None or obj.actor_type != "state" or obj.actor == m.actor or obj.person or obj.role:
        return False
    e = bisect.bisect_left(d.start, obj.end)
    if e < len(d.low) and (d.low[e] in POSSESSIVES or d.low[e] == "to"):
        return False   # "Indonesia welcomed Malaysia's offer", "allowed Russia to station": no victim
    return not any(a <= verb - t0 < b and root <= 12 for a, b, root in acts)


@functools.lru_cache(maxsize=4096)
def _acts_of(words: tuple[str, ...]) -> tuple[tuple[int, int, int], ...]:
    """(first token, end token, CAMEO root) of each act the bundled escalation lexicon finds in
    the tokens ``words`` (the quotes step runs before the escalation step, so the lexicon is
    matched here on the few words after a subject, with the tokenizer's context-free lemmas;
    a user's own escalation lexicon is not).

    Example:
        >>> [root for _, _, root in _acts_of(("is", "occupying", "two", "villages"))]
        [19]
    """
    import pandas as pd

    from . import lexicon
    from .tokenize import lemmatize

    starts = list(itertools.accumulate([0, *(len(w) + 1 for w in words)]))[:-1]
    lower = [w.lower() for w in words]
    toks = pd.DataFrame({"doc_id": "s", "sent_id": 0, "tok_id": range(len(words)), "start": starts,
                         "end": [a + len(w) for a, w in zip(starts, words)], "text": list(words),
                         "lower": lower, "lemma": [lemmatize(w) for w in lower]})
    hits = lexicon.load("escalation").find(toks, {"s": " ".join(words)})
    out = []
    for a, b, cameo in zip(hits["tok_start"].tolist(), hits["tok_end"].tolist(), hits["cameo"].tolist()):
        code = str(cameo or "")
        if code[:2].isdigit():
            out.append((int(a), int(b), int(code[:2])))
    return tuple(out)


def _dateline_end_offset(r: SpeakerResolver, a: int) -> int | None:
    """The end offset of a wire dateline starting at offset ``a``, else ``None``."""
    lines = _datelines(r)
    i = bisect.bisect_left(lines, (a, -1))
    return lines[i][1] if i < len(lines) and lines[i][0] == a else None


# Words that may open a sentence before its subject; words of a hostile act after a subject (its
# victim may be the speaker); words of a denial by the speaker.
_OPENERS = frozenset("""the on , meanwhile separately earlier later also late early monday tuesday
wednesday thursday friday saturday sunday""".split())
_HOSTILE_WORDS = frozenset("""attack attacked attacks attacking struck strike strikes striking
launched launch launches fired fire fires firing shelled shells shelling bombed bombs bombing
killed kill kills killing hit hits seized seize seizes captured capture invaded invade raided
shot shoot downed targeted target drone drones missile missiles rocket rockets artillery against
at into across violated violating massed massing ramming rammed blocked intercepted""".split())
_NEGATIONS = frozenset("not n't never no failed refused".split())
_TOWARD = frozenset({"toward", "towards"})
_MILITARY_CRAFT = frozenset("""warplanes aircraft jets planes bombers fighters warships ships
vessels balloons troops""".split())
_VERB_AUX = frozenset("are be been being do does did shall should must keeps kept continues".split())
_DENIED_COOPERATION = frozenset({3, 4, 5, 8})   # CAMEO roots whose denial is a complaint of the other side
_SUBJECT_LINKS = frozenset({"and", "or", "&"})   # "Poland and Lithuania": two subjects
_DENIAL_WORDS = frozenset("""baseless unfounded groundless false lies fabricated denied denies deny
rejected rejects slander absurd""".split())


def _speaker_sentence_denies(r: SpeakerResolver, speaker: int) -> bool:
    """Whether the sentence of token ``speaker`` holds a denial word ("said the accusations were
    baseless"), read by rules ``context_state`` and ``denial_party``."""
    d = r.d
    st = d.sent[min(speaker, len(d.sent) - 1)]
    return any(d.low[j] in _DENIAL_WORDS for j in range(d.sent_start[st], d.sent_end[st]))


# Heads after a demonym that make it a state's body ("Chinese authorities", "the Thai coast guard").
_DEMONYM_BODIES = frozenset("authorities coast air armed security state".split())


def context_state(r: SpeakerResolver, a: int, *, local: bool = False,
                  strict: bool = True, titled: bool = False) -> tuple[str | None, str]:
    """The state a speaker at offset ``a`` that names none belongs to, by what the text is
    about (rule ``description_state``, ``title_context``): the part of its own sentence before
    it, else the nearest earlier sentence (:data:`WINDOW_SENTENCES`) that names a state. There a
    state named by name outranks one named only by a demonym ("Pakistan freed 200 Indian
    fishermen"); two named alike compete and the paragraph's dateline decides when it is one of
    them ("TOKYO (Reuters) - Japan protested to China ...": how ``picked``, or ``sentence`` in
    the speaker's own sentence: "NAIROBI (Reuters) - Kenya will send police to Haiti, President
    X said"), else, with no dateline or for a titled official, the state that opens the
    sentence as its subject (:func:`_subject_state`: "Chile recalled its envoy from Venezuela.
    The foreign ministry said ...": how ``subject``; in a sentence naming no state that acts,
    the state of the office holder opening it, :func:`_subject_holder`), else no state is
    better than the wrong side ("Russia launched drones at Ukraine, the air force said"). One
    state found where the dateline names another competes too ("BANJUL (Reuters) - Senegal
    deported ...": Senegal's or Gambia's ministry, the text does not say), unless the office is
    ``local`` (police: a story filed from the dateline's place is set there) or the speaker a
    titled official not ``strict`` about it ("NEW DELHI (Reuters) - ... Pakistan said 26 civilians
    were killed. Prime Minister X said": Pakistan's). No state in the
    window: the dateline's. The speaker's own content before a postposed speaker counts as a
    statement about its state ("Egypt's economy grew 4 percent, the planning ministry said"),
    not as a demand on the state it names ("Russia must pay for the strikes, the foreign ministry
    said" says nothing of whose ministry). One state acting against a place of another
    ("Eritrea sent troops into Tigray", :func:`_victim_place`) competes with it too. What is
    hostile is read from the escalation lexicon (:func:`_hostile_after`); for a ``titled``
    official (a named person of unknown state) a reduced relation is too. Returns (state or
    None, how: ``sentence``, ``dateline``, ``picked``, ``subject``, ``competing``, ``none``).

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "KYIV (Reuters) - Russia must pay, the army said."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> r = SpeakerResolver(token_arrays(text, toks), [], [], set())
        >>> context_state(r, text.index("the army"))
        ('UKR', 'dateline')
    """
    d = r.d
    tok = bisect.bisect_left(d.start, a)
    if tok >= len(d.start):
        return None, "none"
    line = dateline_state(r, a)
    if local and line:
        return line, "dateline"
    s, floor = d.sent[tok], r.window_start(a, WINDOW_SENTENCES)
    # "Russia must pay for the strikes, the foreign ministry said": a demand on the state the
    # speaker's own content names says nothing of whose ministry speaks
    content = _own_content(d, tok) and any(w in _DEMAND_WORDS for w in d.low[d.sent_start[s]:tok])
    for sent in range(s, max(0, s - WINDOW_SENTENCES) - 1, -1):
        lo = max(floor, d.start[d.sent_start[sent]])
        hi = a if sent == s else d.end[d.sent_end[sent] - 1]
        if hi <= lo or (sent == s and content):
            if sent == s:
                continue
            break
        names, demonyms = _sentence_states(r, lo, hi)
        found = names or demonyms
        side = _strike_side(r, lo, hi, found) if found else None
        if side == "" and titled and line in found and sent != s:
            return line, "picked"   # "ASMARA - Eritrea accused Ethiopia of massing troops.
            # Information Minister X said": an official quoted from the dateline's capital
        if side == "":
            return None, "competing"   # "Thailand shelled Cambodian positions, the army said": either's
        if side and (not strict or line is None or line == side):
            return side, "subject"     # "Israel struck Hamas targets in Gaza, the military said"
        if len(found) == 1 and _victim_place(r, lo, hi, found, titled=titled):
            return None, "competing"   # "Eritrea sent troops into Tigray, the spokesman said": either's
        if len(found) == 1 and sent != s and _denial_of_party(r, lo, hi, found, tok):
            return None, "competing"   # "The Russian ambassador was summoned by Poland. The spokesman rejected ..."
        if len(found) == 1 and (not strict or line is None or line in found):
            return next(iter(found)), "sentence"
        if len(found) > 1 and line not in found and (line is None or not strict):
            subject = _subject_state(r, lo, hi, found, tok, titled=titled)
            if subject is not None:
                return subject, "subject"
        if found:   # the speaker's own sentence naming the dateline's state: that state's
            return (line, "sentence" if sent == s else "picked") if line in found else (None, "competing")
        holder = _subject_holder(r, lo, hi, tok, titled=titled)
        if holder is not None and (not strict or line is None or line == holder):
            return holder, "subject"
    return (line, "dateline") if line else (None, "none")


def _denial_of_party(r: SpeakerResolver, lo: int, hi: int, found: set[str], speaker: int) -> bool:
    """Rule ``denial_party``: whether the speaker's sentence (token ``speaker``) denies or rejects
    and the earlier sentence ``[lo, hi)`` that names one acting state opens with a person or
    group of another state as its subject ("The Russian ambassador was summoned by Poland. The
    spokesman rejected the accusations"): a denial answers the acting state, so its unnamed
    office may be the other side's, and no state is better than the wrong one. Not when the
    acting state opens it ("Israel detained a Turkish activist. The spokesman denied ...").

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "The Malian envoy was expelled by Algeria. The spokesman denied the charges."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> ms = [Mention(4, 10, "MLI", kind="demonym", actor_type="state"),
        ...       Mention(33, 40, "DZA", kind="state", actor_type="state")]
        >>> r = SpeakerResolver(token_arrays(text, toks), ms, [], set())
        >>> _denial_of_party(r, 0, 41, {"DZA"}, bisect.bisect_left(r.d.start, text.index("The s")))
        True
    """
    if not _speaker_sentence_denies(r, speaker):
        return False
    ms = [m for m in r.mentions_in(lo, hi) if m.actor and not r.in_quote(m.start)]
    # the other state's person opens the sentence as its subject: "Japan summoned the Chinese
    # ambassador. The foreign ministry rejected ..." is Japan's (the summoner opens it)
    return bool(ms) and ms[0].actor_type == "state" and ms[0].actor not in found and not ms[0].location \
        and not _place_reading(r, ms[0]) and _opens(r, lo, ms[0])


def _own_content(d, tok: int) -> bool:
    """Is what precedes the speaker at token ``tok`` in its sentence its own content, a
    postposed speaker ("..., the ministry said", '..." the army said'): a comma or closing quote
    right before it and a speech verb within a few tokens after it."""
    if tok == 0 or d.sent[tok - 1] != d.sent[tok] or d.tok[tok - 1] not in _CONTENT_ENDS:
        return False
    stop = min(len(d.low), tok + 8)
    return any(d.low[k] in _SPEECH_VERBS and d.sent[k] == d.sent[tok] for k in range(tok, stop))


# Tokens that end a speaker's content right before a postposed speaker ("..., the army said");
# verbs of such a speaker; words that make the content a demand on the state it names ("Russia
# must pay"), not a statement about the speaker's own state.
_CONTENT_ENDS = frozenset({",", "\"", "\u201d", "'", "\u2019", "--", "\u2014"})
_SPEECH_VERBS = frozenset("""said says added told stated announced reported warned claimed noted
insisted confirmed denied wrote tweeted""".split())
_DEMAND_WORDS = frozenset("must should ought regret".split())


# Nouns by which a text names a state it has named ("the country's defence ministry").
_STATE_NOUNS = frozenset("country nation island kingdom republic state".split())


def rule_country_possessive(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """``country_possessive``: "the country's defence ministry", "the island's coast guard": the
    one state named by name (not a demonym: "Chinese warships") in the nearest stretch before it
    that names one, its own sentence first ("Chinese warships were detected around Taiwan, the
    island's defence ministry said": TWN); None when that stretch names two states.

    Example:
        >>> # "Floods hit Bangladesh on Monday, the country's disaster ministry said": BGD
    """
    if len(words) < 3 or len(words) > 5 or words[0] != "the" or words[1].replace("’", "'") not in \
            {n + "'s" for n in _STATE_NOUNS}:
        return None
    if not any(w in ORG_NOUNS or w in _STATE_OFFICES or w in ROLE_NOUNS for w in words[2:]):
        return None
    got = _sentence_and_floor(r, a)
    if got is None:
        return None
    sent, floor = got
    d = r.d
    by_sent = _mentions_by_sentence(r, max(floor, d.start[d.sent_start[max(0, sent - 2)]]), a, lambda m: (
        m.actor_type == "state" and m.kind != "demonym" and not m.person and not m.role))
    for k in range(sent, max(-1, sent - 3), -1):
        if k in by_sent:
            found = {m.actor for m in by_sent[k]}
            return Resolution(next(iter(found)), None, "GOV", "role", "country_possessive") if len(found) == 1 else None
    return None


def rule_role_appositive(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """``role_appositive``: "The spokesman, Bayo X, said": the role before the comma resolved as
    a speaker of its own ("the spokesman" after "his spokesman said"), the name after it as the
    person. None when the role resolves to no actor.

    Example:
        >>> # "..., his spokesman said. The spokesman, Bayo X, said ...": the state of "his", Bayo X
    """
    k = next((j for j in range(1, min(4, len(words) - 1)) if words[j].endswith(",")), None)
    if k is None or words[0] != "the" or words[k][:-1] not in ROLE_NOUNS:
        return None
    comma = r.d.text.find(",", a, b)
    res = r.resolve(a, comma) if comma > a else None
    name = rule_name(r, comma + 1, b, words[k + 1:])
    if (res is None or res.actor is None) and name is not None and name.person and name.actor is None:
        # "The foreign minister, Ana Lopes, said": a titled official of no known state takes the
        # state :func:`_title_context` gives "Foreign Minister Ana Lopes"
        role = words[k][:-1]
        at = r.d.text.find(name.person, comma, b)
        nat = _title_context(r, at if at >= 0 else comma + 1, name.person, role)
        if nat is not None:
            return Resolution(nat, name.person, _STATE_OFFICES.get(role, "GOV") if role in _STATE_OFFICES
                              else "GOV", "role", "role_appositive")
    if res is None or res.actor is None:
        return None
    return Resolution(res.actor, name.person if name is not None else None, res.sector, "role", "role_appositive")


def rule_name(r: SpeakerResolver, a: int, b: int, words: list[str]) -> Resolution | None:
    """A personal name the gazetteer does not know ("Melezia Figueroa", later "Figueroa")."""
    if len(words) == 1 and words[0] in _NON_NAME_CAPS | {"he", "she", "it", "who", "which", "that"}:
        return None
    if not any(ch.isupper() for ch in r.d.text[a:b]):
        return None  # no capital, no name: the document's names need not be read
    names = r.names
    i = names.before(a)
    best = None
    while i < len(names.cands) and names.cands[i].start < b:
        c = names.cands[i]
        if c.is_person and c.end <= b and c.person:
            best = c
        i += 1
    return _answer(r, best, "name", "name") if best is not None else None


RULES: tuple[Callable[[SpeakerResolver, int, int, list[str]], Resolution | None], ...] = (
    rule_transcript, rule_mention, rule_office_place, rule_document, rule_joint, rule_pronoun_person,
    rule_pronoun_owner, rule_pronoun_office, rule_relative_who, rule_description_role,
    rule_description_office, rule_description_org, rule_org_staff, rule_description_state,
    rule_local_official, rule_state_outlet, rule_pronoun_org, rule_pronoun_group,
    rule_pronoun_possessive,
    rule_country_possessive, rule_role_appositive, rule_un_acronym, rule_name,
)
