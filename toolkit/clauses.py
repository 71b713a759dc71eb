"""Clause structure of one sentence: tags, noun-phrase chunks, clauses, predicates and voice.

The shallow-parsing route the TABARI event coder took (Schrodt 2009), as small rules over a
part-of-speech tagged sentence:

* **tags**: NLTK's averaged perceptron tagger (``averaged_perceptron_tagger_eng`` in the NLTK
  data); without it a data-free fallback (:func:`fallback_tag`: closed-class words and
  suffixes) tags the sentence and :data:`Structure.degraded` says so;
* **chunks**: base noun phrases (determiner, adjectives, nouns, possessives, numbers);
* **verb groups**: auxiliaries, modals, adverbs and a head verb; ``voice`` passive when a form
  of *be*/*get* precedes a past participle head;
* **clauses**: main, complement (after a reporting or directive verb), conditional (``if``,
  ``unless``), adverbial, relative, participial (``, signaling ...``) and postposed reports
  (``..., officials said``); each with its parent clause and the rule that opened it;
* **predicates**: per verb group, its ``agent`` (the subject of an active verb, the
  ``by``-phrase of a passive one), its ``patient`` (the object, or the subject of a passive),
  its prepositional phrases (``against``, ``on``, ``toward``, ``with``, ``from`` ...), negation
  and modality.

Every decision carries a rule id (``rule`` fields), so a researcher can count errors by rule.
The word lists are data: ``toolkit/lexicons/clauses.yaml``.

Notes:
    Schrodt, P. A. (2009), TABARI manual v0.7; Schrodt (2012), CAMEO codebook 1.1b3.
"""
from __future__ import annotations

import bisect
import functools
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import _tagger, _yaml
from .config import LEXICON_DIR

RULES_FILE = LEXICON_DIR / "clauses.yaml"
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
NP_INNER = frozenset({"DT", "PDT", "PRP$", "CD", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "POS"})
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
FINITE = frozenset({"VBD", "VBP", "VBZ", "MD"})
PRONOUN_TAGS = frozenset({"PRP"})
_HEAD_TAGS = NOUN_TAGS | {"CD"}
_PUNCT_END = re.compile(r"^[.!?]+$")
_HYPHENS = frozenset({"-", "–", "—"})


@dataclass(frozen=True)
class Words:
    """The closed-class word lists of ``clauses.yaml`` as sets."""

    passive_aux: frozenset
    perfect_aux: frozenset
    future_modals: frozenset
    hypo_modals: frozenset
    future_frames: frozenset
    negators: frozenset
    negating_verbs: frozenset
    conditional: frozenset
    adverbial: frozenset
    relative: frozenset
    complementizers: frozenset
    agent_preps: frozenset
    target_preps: frozenset
    source_preps: frozenset
    temporal: frozenset
    reporting: frozenset
    directive: frozenset
    object_control: frozenset
    auxiliaries: frozenset
    version: str
    participle_compounds: frozenset = frozenset()
    quantity_words: frozenset = frozenset()
    participle_adjectives: frozenset = frozenset()
    inverted_conditionals: frozenset = frozenset()
    partitive_words: frozenset = frozenset()
    as_phrase_words: frozenset = frozenset()
    arrival_prepositions: frozenset = frozenset()
    consequent_modals: frozenset = frozenset()
    time_determiners: frozenset = frozenset()
    participle_time_openers: frozenset = frozenset()
    main_verb_object_tags: frozenset = frozenset()
    relative_verb_next_tags: frozenset = frozenset()
    bare_complement_object_tags: frozenset = frozenset()
    copula_forms: frozenset = frozenset()
    intransitive_verbs: frozenset = frozenset()
    behest_nouns: frozenset = frozenset()
    prepositional_participles: frozenset = frozenset()
    deliberation_frames: frozenset = frozenset()
    open_question_frames: frozenset = frozenset()
    deliberation_gap: frozenset = frozenset()
    noun_phrase_prepositions: frozenset = frozenset()
    reporting_core: frozenset = frozenset()
    opening_adverbs: frozenset = frozenset()   # "However", "Later": adverbs, not names (tag.opening_name)
    adverb_prepositions: frozenset = frozenset()   # "alongside": a preposition before a noun phrase
    time_modifiers: frozenset = frozenset()   # "last", "next": parts of a time phrase (np.date_ends)
    opening_prepositions: frozenset = frozenset()   # "Amid": a preposition, not a name (tag.opening_preposition)


@functools.lru_cache(maxsize=4)
def words(path: str | None = None) -> Words:
    """Load the word lists (``clauses.yaml`` by default) plus the reporting-verb lemmas.

    Example:
        >>> "by" in words().agent_preps
        True
    """
    data = _yaml.safe_load(Path(path or RULES_FILE).read_text(encoding="utf-8"))
    from . import lexicon as lexmod

    rep = lexmod.load("reporting_verbs").entries
    rep = rep[rep["quotes_only"] != "true"] if "quotes_only" in rep else rep  # "attack", "raise": speech only in toolkit.quotes
    single = {str(e).lower() for e in rep["entry"] if " " not in str(e) and "..." not in str(e)}

    def s(key):
        return frozenset(str(w).lower() for w in data.get(key, []))

    def tags(key):   # Penn tags keep their case
        return frozenset(str(t) for t in data.get(key, []))

    return Words(s("passive_auxiliaries"), s("perfect_auxiliaries"), s("future_modals"),
                 s("hypothetical_modals"), s("future_frames"), s("negators"), s("negating_verbs"),
                 s("conditional_openers"), s("adverbial_openers"), s("relative_openers"),
                 s("complementizers"), s("agent_prepositions"), s("target_prepositions"),
                 s("source_prepositions"), s("temporal_words"),
                 s("reporting_extra") | frozenset(single), s("directive_verbs"), s("object_control_verbs"),
                 s("passive_auxiliaries") | s("perfect_auxiliaries") | s("do_auxiliaries"), str(data["version"]),
                 s("participle_compounds"), s("quantity_words"), s("participle_adjectives"),
                 s("inverted_conditionals"), s("partitive_words"), s("as_phrase_words"),
                 s("arrival_prepositions"),
                 s("consequent_modals"), s("time_determiners"), s("participle_time_openers"),
                 tags("main_verb_object_tags"), tags("relative_verb_next_tags"), tags("bare_complement_object_tags"),
                 s("copula_forms"), s("intransitive_verbs"),
                 s("behest_nouns"), s("prepositional_participles"),
                 s("deliberation_frames"), s("open_question_frames"), s("deliberation_gap"),
                 s("noun_phrase_prepositions"), s("reporting_extra"), opening_adverbs=s("opening_adverbs"),
                 adverb_prepositions=s("adverb_prepositions"), time_modifiers=s("time_modifiers"),
                 opening_prepositions=s("opening_prepositions"))


# ----------------------------------------------------------------------------- tagging
# NLTK's tagger lives with the fast path (toolkit._tagger), so the tokenizer's `pos` column
# reads it without importing the clause rules (whose edits then re-key the events step only).
_perceptron = _tagger.nltk_tagger


_CLOSED = {
    **dict.fromkeys(["the", "a", "an", "this", "that", "these", "those", "every", "each", "some", "any", "no", "another"], "DT"),
    **dict.fromkeys(["he", "she", "it", "they", "we", "i", "you", "them", "him", "us", "me"], "PRP"),
    **dict.fromkeys(["his", "her", "its", "their", "our", "my", "your"], "PRP$"),
    **dict.fromkeys(["of", "in", "on", "at", "by", "for", "with", "from", "to", "into", "against", "toward", "towards", "over", "under", "after", "before", "during", "since", "if", "unless", "while", "because", "although", "as", "about", "between", "among", "through", "without", "within", "upon"], "IN"),
    **dict.fromkeys(["will", "would", "could", "might", "may", "shall", "should", "can", "must"], "MD"),
    **dict.fromkeys(["is", "are", "am"], "VBZ"), "was": "VBD", "were": "VBD", "be": "VB",
    "been": "VBN", "being": "VBG", "has": "VBZ", "have": "VBP", "had": "VBD", "do": "VBP",
    "does": "VBZ", "did": "VBD", "and": "CC", "or": "CC", "but": "CC", "not": "RB", "n't": "RB",
    "never": "RB", "which": "WDT", "who": "WP", "whom": "WP", "whose": "WP$", "'s": "POS",
    **dict.fromkeys([",", ";", ":"], ","), **dict.fromkeys([".", "!", "?"], "."),
}


def fallback_tag(tokens: Sequence[str]) -> list[str]:
    """Data-free Penn tags: closed-class words, then suffixes and capitals (degraded).

    Used when NLTK's tagger data is missing. It knows no open-class words: verbs without a
    telling suffix ("hit", "met") come out as nouns, so agents and patients are found less
    often.

    Example:
        >>> fallback_tag(["Towns", "were", "shelled", "by", "Russia", "."])
        ['NNP', 'VBD', 'VBN', 'IN', 'NNP', '.']
    """
    out: list[str] = []
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if low in _CLOSED:
            tag = _CLOSED[low]
        elif re.fullmatch(r"[\d.,]+", tok):
            tag = "CD"
        elif low.endswith("ed"):
            tag = "VBN" if i and out[-1] in ("VBD", "VBZ", "VBP", "VBN", "VB") else "VBD"
        elif low.endswith("ing"):
            tag = "VBG"
        elif low.endswith("ly"):
            tag = "RB"
        elif tok[:1].isupper():
            tag = "NNP"
        elif not tok[:1].isalnum():
            tag = ":"
        else:
            tag = "NNS" if low.endswith("s") and len(low) > 3 else "NN"
        out.append(tag)
    return out


class TaggerMissingWarning(UserWarning):
    """NLTK's perceptron tagger data is missing: clause structure uses a degraded tagger."""


_MISSING = ("NLTK data 'averaged_perceptron_tagger_eng' missing: part-of-speech tags come from "
            "a closed-class and suffix fallback, so agents, patients and voice are found less "
            "often (fix: python -m toolkit setup)")


def tag(tokens: Sequence[str]) -> tuple[list[str], str | None]:
    """Penn Treebank tags of one sentence's tokens, and what is degraded (``None`` if nothing).

    Example:
        >>> tag(["Russia", "attacked", "Ukraine", "."])[0]
        ['NNP', 'VBD', 'NNP', '.']
    """
    if _perceptron() is None:
        _warn_once(_MISSING)
        return fallback_tag(tokens), _MISSING
    return tag_many([tokens])[0]


def tag_many(sentences: Sequence[Sequence[str]]) -> list[tuple[list[str], str | None]]:
    """:func:`tag` of many sentences at once (the tagger's fast path scores them together).

    The tags are NLTK's perceptron tagger's, computed by :mod:`toolkit._tagger` (held to
    equality with ``PerceptronTagger.tag``), then :func:`repair_tags`.

    Example:
        >>> [t for t, _ in tag_many([["Russia", "attacked", "."], ["Talks", "failed", "."]])]
        [['NNP', 'VBD', '.'], ['NNS', 'VBD', '.']]
    """
    if not sentences:
        return []
    tagger = _perceptron()
    if tagger is None:
        _warn_once(_MISSING)
        return [(fallback_tag(t), _MISSING) for t in sentences]

    sents = [t if type(t) is list else list(t) for t in sentences]   # read, never changed
    tagged = _tagger.tag_sents(tagger, sents)
    titled = [i for i, t in enumerate(sents) if _title_case(t)]
    if titled:
        lowered = _tagger.tag_sents(tagger, [[x.lower() for x in sents[i]] for i in titled])
        for i, low in zip(titled, lowered):
            tagged[i] = repair_title_case(sents[i], tagged[i], low)
    return [(repair_tags(t, tags), None) for t, tags in zip(sents, tagged)]


def _title_case(tokens: Sequence[str]) -> bool:
    """A headline in title case ("Ukraine Says Russia Shelled Kharkiv"): every word of four or
    more letters after the first is capitalised, and there are at least three."""
    long = [t for t in tokens[1:] if len(t) > 3 and t.isalpha()]
    return len(long) >= 3 and all(t[0].isupper() for t in long)


# Tags a title-case word takes from the lower-cased headline: inflected verbs and closed-class
# words; not base verbs or modals, which names take in lower case ("Trump", "May"), nor pronouns ("US").
_TITLE_CASE_TAGS = frozenset({"VBZ", "VBD", "VBN", "VBG", "IN", "TO", "CC", "DT"})


def repair_title_case(tokens: Sequence[str], tags: Sequence[str], lowered: Sequence[str]) -> list[str]:
    """Rule ``tag.title_case``: in a title-case headline the tagger reads every capitalised word
    as a name; a word it tags as an inflected verb (VBZ, VBD, VBN, VBG), a preposition, a
    conjunction or a determiner when the headline is lower-cased (``lowered``: those tags) is
    one ("Ukraine Says Russia Shelled Kharkiv", "Iran Warns Israel Against ..."). Base verbs and
    modals are left alone, since names read as them in lower case ("Trump", "May"), and so are
    words written all in capitals ("US").

    Example:
        >>> repair_title_case("Ukraine Says Russia Shelled Kharkiv".split(), ["NNP"] * 5,
        ...                   ["NN", "VBZ", "NN", "VBD", "NN"])
        ['NNP', 'VBZ', 'NNP', 'VBD', 'NNP']
    """
    out = list(tags)
    for k, (t, low) in enumerate(zip(tags, lowered)):
        if t in ("NNP", "NNPS") and low in _TITLE_CASE_TAGS and not tokens[k].isupper():
            out[k] = low
    return out


_VERB_TAG_STARTS = frozenset({"V", "M"})
_QUOTE_TOKENS = frozenset({'"', "“", "”", "``", "''", "„", "«", "»"})


def repair_tags(tokens: Sequence[str], tags: list[str]) -> list[str]:
    """Rule ``tag.capitalized_after_to``: a capitalised word tagged as a base verb after "to", a
    preposition, a determiner or an adjective is a name ("aid to Pakistan": NLTK's tagger reads
    "to Pakistan" as an infinitive).

    Example:
        >>> repair_tags(["aid", "to", "Pakistan"], ["NN", "TO", "VB"])
        ['NN', 'TO', 'NNP']

    Rule ``tag.punctuation``: a token with no letter or digit is never a verb or a modal.
    """
    out = list(tags)
    present = set(out)
    if "VB" in present or "VBP" in present:
        for i in range(1, len(out)):
            if out[i] in ("VB", "VBP") and tokens[i][:1].isupper() and (
                    out[i - 1] in ("TO", "IN", "DT", "JJ", "CC") or (i == 1 and out[0] == "MD")):
                out[i] = "NNP"
        present = set(out)
    # Rule tag.punctuation: a token with no letter or digit ("—" after a dateline, which the
    # tagger reads as VBP) is punctuation, never a predicate.
    verbal = {tg for tg in present if tg[:1] in _VERB_TAG_STARTS}
    for i, tg in enumerate(out):
        if tg in verbal and tokens[i] and not tokens[i][:1].isalnum() \
                and not any(ch.isalnum() for ch in tokens[i]):
            out[i] = ":"
    # Rule tag.quote_mark: a double quotation mark, which the tokens keep as written and the
    # tagger (trained on `` and '') reads as a noun or name, is punctuation: it never starts
    # or joins a noun phrase ('" Drago', '"Ardania owes').
    # A dash the tagger reads as a name ("TARSK — Borovian President") is punctuation too.
    if not _QUOTE_TOKENS.isdisjoint(tokens) or not _HYPHENS.isdisjoint(tokens):
        for i, t in enumerate(tokens):
            if t in _QUOTE_TOKENS:
                out[i] = "''"
            elif t in _HYPHENS and out[i] != "HYPH":
                out[i] = ":"
    # Rule tag.question_inversion: "Will Russia attack Ukraine ?" -- after a sentence-initial
    # modal or do and its subject, a word tagged as a noun before an object is the verb.
    if len(out) > 3 and out[0] in ("MD",) or (out and tokens[0].lower() in ("does", "did", "do")):
        k = 1
        while k < len(out) and out[k] in ("NNP", "NNPS", "DT", "JJ", "PRP"):
            k += 1
        if 1 < k < len(out) - 1 and out[k] in ("NN", "NNS", "VBP", "VBZ") and out[k + 1] in ("NNP", "NNPS", "DT", "PRP", "NNS", "NN"):
            out[k] = "VB"
    return out


def repair_relative_verbs(tokens: Sequence[str], tags: list[str]) -> list[str]:
    """Rule ``tag.relative_verb``: a lower-case word tagged as a singular noun right after a
    relative "that" or "which" that follows a noun, and before an adverb, a particle, "to" or a
    determiner, is the relative clause's verb ("skulls that date back to 640", "states that
    refuse to pay"): NLTK's tagger reads "date" and "refuse" as nouns there, and the clause
    loses its verb. Not applied by :func:`tag_many` (the quotes step shares its tags).

    Example:
        >>> repair_relative_verbs(["skulls", "that", "date", "back"], ["NNS", "WDT", "NN", "RB"])
        ['NNS', 'WDT', 'VBP', 'RB']
        >>> repair_relative_verbs(["the", "day", "that", "aid", "arrived"], ["DT", "NN", "WDT", "NN", "VBD"])
        ['DT', 'NN', 'WDT', 'NN', 'VBD']
    """
    if "WDT" not in tags and "WP" not in tags:
        return tags
    out = tags
    after_verb = words().relative_verb_next_tags
    for i in range(2, len(tags) - 1):
        if tags[i] == "NN" and tags[i - 1] == "WDT" and tags[i - 2] in NOUN_TAGS \
                and tokens[i - 1].lower() in ("that", "which") and tokens[i].islower() \
                and tags[i + 1] in after_verb:
            out = list(out) if out is tags else out
            out[i] = "VBZ" if tags[i - 2] in ("NN", "NNP") and tokens[i].endswith("s") else "VBP"
    k = _verb_after_subject_relative(tokens, out)
    if k >= 0:
        out = list(out) if out is tags else out
        out[k] = "VBD"
    return out


def _verb_after_subject_relative(tokens: Sequence[str], tags: Sequence[str]) -> int:
    """Rule ``tag.verb_after_relative``: the main verb after a relative clause on the subject,
    which NLTK's tagger reads as an adjective or a participle ("The militia that seized the town
    attacked government troops", "The militia, which seized the town, attacked troops": "attacked"
    tagged JJ after the relative clause's object). The sentence opens with a noun phrase, then
    "that"/"which"/"who" and the relative clause's finite verb, with no finite verb before; the
    word is the first after that verb ending in "-ed", right after a noun (or "the" + a noun the
    tagger read as an adjective: "the offensive") or a comma and before an object, with no finite
    verb or conjunction between; a participle before a time phrase ("hostages seized last
    October") is the relative clause's, and the search goes on past it. Returns its index, or -1.

    Example:
        >>> toks = "The militia that seized the town attacked troops .".split()
        >>> _verb_after_subject_relative(toks, ["DT", "NN", "WDT", "VBD", "DT", "NN", "JJ", "NNS", "."])
        6
    """
    n = len(tags)
    r = next((i for i in range(1, min(n, 12)) if tags[i] in ("WDT", "WP")
              and tokens[i].lower() in ("that", "which", "who")), -1)
    if r < 1 or any(tags[i] in FINITE for i in range(r)) \
            or not (tags[r - 1] in NOUN_TAGS or (tags[r - 1] == "," and r > 1 and tags[r - 2] in NOUN_TAGS)):
        return -1
    v = next((i for i in range(r + 1, min(n, r + 4)) if tags[i] in FINITE), -1)
    if v < 0:
        return -1
    w = words()
    for k in range(v + 1, min(n - 1, v + 16)):
        if tags[k] in FINITE or tags[k] == "CC":
            return -1
        if tags[k] in ("JJ", "VBN") and tokens[k].lower().endswith("ed") and tokens[k].islower() \
                and (tags[k - 1] in NOUN_TAGS or tags[k - 1] == "," or tags[k - 1] == "JJ" and tags[k - 2] == "DT"):
            if k - v <= 12 and tags[k + 1] in w.main_verb_object_tags \
                    and tokens[k + 1].lower() not in w.participle_time_openers:   # "led the offensive accused": a noun tagged JJ
                return k
            # tag.intransitive_after_relative: "Peacekeepers who are part of the first group
            # arrived in South Sudan": a place phrase after it and no finite verb anywhere later
            if tokens[k + 1].lower() in w.arrival_prepositions and not any(t in FINITE for t in tags[k + 1:]):
                return k
    return -1


_APOSTROPHES = frozenset({"'", "’", "`"})
_PHRASE_REPAIR_WORDS = frozenset({"s", "’s", "'s", "least", "than"})
_PHRASE_OPENING_TAGS = frozenset({"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "CD"})


def repair_phrase_tags(tokens: Sequence[str], tags: Sequence[str], w: Words | None = None, *,
                       lower: Sequence[str] | None = None) -> list[str]:
    """Tag repairs for noun phrases, applied to any tags (NLTK's, a fast path's or given ones).

    Rules (ids in the ``rule`` fields of what they change downstream):

    * ``tag.split_possessive``: "China ’ s ministry" (a possessive split into two tokens): both
      tokens are ``POS``, not a verb "s"; "Russia’s" tagged as a name is ``POS`` too;
    * ``tag.participle_adjective``: "ongoing", "upcoming" (``participle_adjectives`` in
      clauses.yaml) are adjectives, not verbs;
    * ``tag.hyphen_participle``: a past form after a hyphen ("Kurdish - led forces", "Taliban -
      claimed car bomb") is an adjective inside the noun phrase;
    * ``tag.participle_compound``: "armed forces" and the other compounds of
      ``participle_compounds`` in clauses.yaml are noun phrases, not "X armed forces";
    * ``tag.quantity_adverb``: "Around 3,000 members", "at least 26 people", "more than 300
      people": the word before a number is an adverb, not a preposition, so the noun phrase can
      be a subject or an object;
    * ``tag.adverb_preposition``: "fighting alongside Russian forces" (``adverb_prepositions`` in
      clauses.yaml, tagged as an adverb before a noun phrase) is a preposition, so the phrase
      after it is an oblique ("alongside" someone), not the verb's object.

    Example:
        >>> repair_phrase_tags(["China", "’", "s", "ministry", "sent"], ["NNP", "NNP", "VBZ", "NN", "VBD"])
        ['NNP', 'POS', 'POS', 'NN', 'VBD']
    """
    w = w or words()
    out, n = list(tags), len(tags)
    low = [t.lower() for t in tokens] if lower is None else lower
    # Every rule below needs a participle or past tag or one of these words at i (a new rule
    # must add its own to this test): the other tokens are skipped at the cost of two lookups.
    words_at = _PHRASE_REPAIR_WORDS | w.quantity_words | w.adverb_prepositions
    for i in range(n):
        if out[i] not in ("VBG", "VBN", "VBD") and low[i] not in words_at:
            continue
        nxt = out[i + 1] if i + 1 < n else ""
        if low[i] == "s" and i > 0 and low[i - 1] in _APOSTROPHES and i + 1 < n and out[i - 1] != "POS" \
                and (i < 2 or out[i - 2] in NOUN_TAGS):
            out[i - 1] = out[i] = "POS"
        elif low[i] in ("’s", "'s") and i > 0 and out[i - 1] in NOUN_TAGS and out[i] != "POS" \
                and (nxt not in VERB_TAGS or low[i + 1] in w.participle_adjectives):
            out[i] = "POS"  # "Russia’s ongoing operation": tagged as a name
        elif _adjectival_participle(low, out, i, w):
            out[i] = "JJ"
        elif low[i] in w.adverb_prepositions and out[i] == "RB" and nxt in _PHRASE_OPENING_TAGS:
            out[i] = "IN"
        elif low[i] in w.quantity_words and out[i] == "IN" and nxt == "CD":
            out[i] = "RB"
        elif low[i] in ("least", "than") and i > 0 and nxt == "CD" and low[i - 1] in ("at", "more", "less", "fewer"):
            out[i] = "RB"
            if low[i - 1] == "at":
                out[i - 1] = "RB"
    return out


def repair_opening_subject(tokens: Sequence[str], tags: Sequence[str]) -> list[str]:
    """Tag repairs for a sentence's opening subject, which the tagger reads as no noun phrase.

    Rules (applied by :func:`parse`, so by the events step only; they never make a verb, as
    ``events._may_act`` relies on):

    * ``tag.opening_name``: a capitalised first word tagged as an adjective right before a
      finite verb is a name ("Ukraine accuses Russia of ...": NLTK's tagger reads "Ukraine" as
      JJ, and the sentence loses its subject);
    * ``tag.opening_name`` also reads a capitalised first word tagged as an adverb (no "-ly",
      not one of ``opening_adverbs``: "However", "Later") right before a past verb and an object as a name, and the verb as finite ("Norway
      suspended its aid": NLTK's tagger reads RB VBN), or before a past verb and the "as" of a
      judgement that puts its object after it ("Tehran rejected as baseless the accusations");
      the verb was a verb already; not before "as" and a determiner, the complement of a
      fronted participle ("Long seen as a mediator, Oman ...": "Long" stays an adverb);
    * ``tag.opening_participle``: a capitalised first word tagged as a past participle, right
      before a noun phrase that a finite verb follows, is an adjective of that phrase
      ("Imprisoned opposition leader Alexei Navalny has started a hunger strike": the leader
      is the subject, not the object of "imprisoned"); not before "by", a determiner or a
      comma ("Imprisoned by the regime, he ...", "Killed were ..."); a participle that acts as a
      preposition (``prepositional_participles``: "Given", "Following") is tagged IN;
    * ``tag.opening_preposition``: a capitalised first word of ``opening_prepositions`` ("Amid",
      which the tagger reads as a name) is a preposition, and a plural "-s" word after it tagged
      as a verb is its noun ("Amid calls from Norway to free them, Iran ...").

    Example:
        >>> repair_opening_subject(["Ukraine", "accuses", "Russia"], ["JJ", "VBZ", "NNP"])
        ['NNP', 'VBZ', 'NNP']
        >>> repair_opening_subject(["Russian", "troops", "left"], ["JJ", "NNS", "VBD"])
        ['JJ', 'NNS', 'VBD']
        >>> repair_opening_subject(["Norway", "suspended", "its", "aid"], ["RB", "VBN", "PRP$", "NN"])
        ['NNP', 'VBD', 'PRP$', 'NN']
        >>> repair_opening_subject(["However", "suspended", "its", "aid"], ["RB", "VBN", "PRP$", "NN"])[0]
        'RB'
        >>> repair_opening_subject(["Tehran", "rejected", "as", "baseless"], ["RB", "VBN", "IN", "NN"])[:2]
        ['NNP', 'VBD']
        >>> repair_opening_subject(["Long", "seen", "as", "a", "mediator"], ["RB", "VBN", "IN", "DT", "NN"])[:2]
        ['RB', 'VBN']
        >>> repair_opening_subject(["Amid", "calls", "from", "Norway"], ["NNP", "VBZ", "IN", "NNP"])
        ['IN', 'NNS', 'IN', 'NNP']
    """
    n = len(tags)
    if n >= 2 and tags[0] != "IN" and tokens[0][:1].isupper() and tokens[0].lower() in words().opening_prepositions:
        second = "NNS" if tags[1] == "VBZ" and tokens[1].lower().endswith("s") else tags[1]
        return ["IN", second, *tags[2:]]   # "Amid calls from Norway": tagged NNP VBZ (tag.opening_preposition)
    if n >= 3 and tokens[0][:1].isupper() and tags[0] == "RB" and not tokens[0].lower().endswith("ly") \
            and tokens[0].isalpha() and tokens[0].lower() not in words().opening_adverbs \
            and tags[1] in ("VBD", "VBN", "VBZ") and (tags[2] in ("DT", "PRP$", "NNP", "JJ")
                                                      or tokens[2].lower() == "as" and tags[1] != "VBZ"
                                                      and n > 3 and tags[3] not in ("DT", "PRP$", "CD")):
        return ["NNP", "VBD" if tags[1] == "VBN" else tags[1], *tags[2:]]   # "Norway suspended its aid" (RB VBN)
    if n < 3 or not tokens[0][:1].isupper() or tags[0] not in ("JJ", "VBN", "VBG"):
        return list(tags)
    out = list(tags)
    if tokens[0].lower() in words().prepositional_participles:
        out[0] = "IN"   # "Following Russia 's invasion Finland joined NATO": a preposition
        return out
    if tags[0] == "VBG":
        return out
    if tags[0] == "JJ" and tags[1] in FINITE and tags[1] != "MD":
        out[0] = "NNP"
    elif tags[0] == "VBN" and tags[1] in ("JJ", "NN", "NNS", "NNP", "NNPS"):
        j = 1
        while j < n and tags[j] in ("JJ", "NN", "NNS", "NNP", "NNPS", "POS", "CD"):
            j += 1
        if j < n and tags[j - 1] in NOUN_TAGS and (tags[j] in FINITE or tags[j] == "RB" and j + 1 < n and tags[j + 1] in FINITE):
            out[0] = "JJ"
    return out


def _adjectival_participle(low: Sequence[str], out: list[str], i: int, w: Words) -> bool:
    """A participle inside a noun phrase: ``participle_adjectives`` ("ongoing", "warring
    factions"; not after a form of "be" and before a preposition, "militias were warring over
    the port", a verb), after a hyphen ("Kurdish - led forces") or in one of
    ``participle_compounds`` ("armed forces")."""
    n, nxt = len(out), out[i + 1] if i + 1 < len(out) else ""
    if low[i] in w.participle_adjectives and out[i] in ("VBG", "VBN") and i + 1 < n:
        # after a form of "be" and before a preposition it is the verb ("militias were warring over")
        return not (i > 0 and low[i - 1] in w.copula_forms and nxt in ("IN", "TO"))
    if out[i] not in ("VBD", "VBN") or i + 1 >= n:
        return False
    hyphen = i > 1 and low[i - 1] in _HYPHENS and out[i - 2] in NP_INNER and nxt in NOUN_TAGS | {"JJ"}
    return hyphen or f"{low[i]} {low[i + 1]}" in w.participle_compounds


@functools.lru_cache(maxsize=1)
def _warn_once(msg: str) -> None:
    warnings.warn(msg, TaggerMissingWarning, stacklevel=3)


# ----------------------------------------------------------------------------- structures
@dataclass(frozen=True)
class Chunk:
    """A base noun phrase: tokens ``[start, end)``, its head token, and a possessor chunk end."""

    start: int
    end: int
    head: int
    rule: str


@dataclass
class Clause:
    """A clause: its tokens (a set, since a relative clause can interrupt its parent)."""

    cid: int
    kind: str            # main, complement, conditional, adverbial, relative, participial, report, directive
    start: int
    marker: int          # the opener token (-1 when none)
    parent: int          # parent clause id (-1 for a main clause)
    rule: str
    tokens: list[int] = field(default_factory=list)


@dataclass
class Predicate:
    """A verb group and its arguments (token indices into the sentence)."""

    start: int
    end: int
    head: int
    clause: int
    voice: str = "active"
    agent: Chunk | None = None
    patient: Chunk | None = None
    obliques: list[tuple[str, Chunk]] = field(default_factory=list)
    negated: bool = False
    modality: str = ""   # future, hypothetical or "" (as stated)
    agent_rule: str = ""
    patient_rule: str = ""


@dataclass
class Structure:
    """The clause structure of one sentence (see the module docstring)."""

    tokens: list[str]
    lower: list[str]
    lemma: list[str]
    tags: list[str]
    chunks: list[Chunk]
    clauses: list[Clause]
    predicates: list[Predicate]
    clause_of: list[int]
    question: bool
    degraded: str | None = None
    # Lookups computed once per sentence on first use (the structure is not changed after parse).
    _anc: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _nested: dict | None = field(init=False, repr=False, compare=False)
    _chunk_starts: list | None = field(init=False, repr=False, compare=False)
    _chunk_ends: dict | None = field(init=False, repr=False, compare=False)
    _pred_starts: list | None = field(init=False, repr=False, compare=False)
    # Per-sentence values other modules compute once per clause or token (events' top-clause
    # test), keyed by the caller: valid because the structure is not changed after parse.
    memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # set on the instance, not as class defaults, which a compiled (mypyc) class lacks
        self._nested = self._chunk_starts = self._chunk_ends = self._pred_starts = None

    def chunk_at(self, i: int) -> Chunk | None:
        """The chunk containing token ``i``."""
        x = bisect.bisect_right(self.chunk_starts(), i) - 1
        if x >= 0 and i < self.chunks[x].end:  # only the last chunk starting at or before i can hold it
            return self.chunks[x]
        return None

    def chunk_starts(self) -> list[int]:
        """The start of every chunk, in order (:func:`np_chunks` gives them sorted, not overlapping)."""
        if self._chunk_starts is None:
            self._chunk_starts = [c.start for c in self.chunks]
        return self._chunk_starts

    def chunk_ending(self, k: int) -> Chunk | None:
        """The chunk whose last token is ``k``."""
        if self._chunk_ends is None:
            self._chunk_ends = {c.end - 1: c for c in self.chunks}
        return self._chunk_ends.get(k)

    def predicate_at(self, i: int) -> Predicate | None:
        """The predicate whose verb group contains token ``i``."""
        if self._pred_starts is None:
            self._pred_starts = [p.start for p in self.predicates]  # in order, not overlapping
        x = bisect.bisect_right(self._pred_starts, i) - 1
        if x >= 0 and i < self.predicates[x].end:
            return self.predicates[x]
        return None

    def ancestors(self, cid: int) -> list[Clause]:
        """The clause and its parents, innermost first."""
        got = self._anc.get(cid)
        if got is None:
            out: list[Clause] = []
            k = cid
            while k >= 0 and len(out) <= len(self.clauses):
                out.append(self.clauses[k])
                k = self.clauses[k].parent
            got = self._anc[cid] = tuple(out)
        return list(got)

    def nested(self, cid: int) -> frozenset[int]:
        """The ids of the clauses nested in clause ``cid`` at any depth (not ``cid`` itself)."""
        if self._nested is None:
            if len(self.clauses) == 1:  # most sentences: nothing nests
                self._nested = {}
                return frozenset()
            table: dict[int, set[int]] = {}
            for c in self.clauses:
                for a in self.ancestors(c.cid)[1:]:
                    table.setdefault(a.cid, set()).add(c.cid)
            self._nested = {k: frozenset(v) for k, v in table.items()}
        return self._nested.get(cid, frozenset())


# ----------------------------------------------------------------------------- chunks
# The tags that can start a chunk: a pronoun, a noun-phrase word but a possessive, a participle.
_NP_OPENERS = (NP_INNER - {"POS"}) | PRONOUN_TAGS | {"VBG", "VBN"}
_GROUP_OPENERS = VERB_TAGS | {"MD", "TO"}
_AFTER_HYPHEN = (NP_INNER - {"DT", "PDT", "PRP$"}) | {"VBN", "VBG"}


def np_chunks(tags: Sequence[str], lower: Sequence[str]) -> list[Chunk]:
    """Base noun phrases over Penn tags (rule ``np.base``; ``np.pronoun`` for pronouns).

    A hyphen between two noun-phrase words stays inside ("rebel - held enclave"); a participle
    between a determiner or adjective and a noun is an adjective ("the US-backed forces").

    Example:
        >>> np_chunks(["DT", "JJ", "NNS", "VBD", "NNP"], ["the", "ukrainian", "towns", "hit", "kyiv"])
        [Chunk(start=0, end=3, head=2, rule='np.base'), Chunk(start=4, end=5, head=4, rule='np.base')]
    """
    out: list[Chunk] = []
    n, i = len(tags), 0
    w = words()
    while i < n:
        ti = tags[i]
        if ti not in _NP_OPENERS:  # the tests below would skip it
            i += 1
            continue
        if ti in PRONOUN_TAGS:
            out.append(Chunk(i, i + 1, i, "np.pronoun"))
            i += 1
            continue
        participle_start = (ti in ("VBG", "VBN") and i > 0 and tags[i - 1] == "IN" and i + 1 < n
                            and tags[i + 1] in ("NNP", "NNPS"))  # "against visiting Saudi Crown Prince"
        if (ti not in NP_INNER or ti == "POS") and not participle_start:
            i += 1
            continue
        j = i + 1 if participle_start else i
        while j < n:
            t = tags[j]
            if t in ("DT", "PDT", "PRP$") and j > i and tags[j - 1] in NOUN_TAGS:
                break  # rule np.determiner_opens: "In recent years the Taliban", "on Monday the army"
            if j > i and tags[j - 1] in ("NN", "NNS") and _day_word(lower[j], w):
                break  # rule np.day_ends: "remained on alert Wednesday in New Delhi"
            if t in ("NNP", "NNPS") and i == 1 and tags[0] == "IN" and tags[j - 1] in ("NN", "NNS") \
                    and _finite_after_name(tags, j):
                break  # rule np.opening_phrase_ends: "Following Russia 's invasion Finland joined NATO"
            if t in NP_INNER:
                if t in ("NNP", "NNPS") and j > i and (
                        j > i + 1 and _year_after_month(lower, j - 1, w)
                        or _only_time(lower, i, j, w) and (i == 0 or tags[i - 1] in ("IN", ","))):
                    break  # rule np.date_ends: "On 17 July 2017 Russia 's Supreme Court rejected", "In 2014 Russia"
                j += 1
            elif lower[j] in ("and", "or") and j > i and tags[j - 1] == "JJ" and j + 1 < n and tags[j + 1] == "JJ":
                j += 1  # "civilian and military targets"
            elif lower[j] in (",", ".") and j > i and tags[j - 1] == "CD" and j + 1 < n and tags[j + 1] == "CD":
                j += 1  # "30 , 000 troops", "6 . 3 million" as the tokens of a spaced text
            elif t == "''" and j > i and j + 1 < n and tags[j + 1] in NP_INNER and tags[j - 1] in NP_INNER:
                j += 1  # a scare-quoted word inside the phrase: Borovia 's " peace " offer
            elif lower[j] in _HYPHENS and j > i and j + 1 < n and tags[j + 1] in _AFTER_HYPHEN \
                    and lower[j] != "—":
                # a compound's hyphen ("rebel - held"); not a dash after a dateline ("WASHINGTON
                # — The Department", "TARSK — Borovian President"), nor one before a determiner
                j += 1
            elif t in ("VBN", "VBG") and j > i and j + 1 < n and tags[j + 1] in ("NN", "NNS", "JJ", "NNP", "NNPS") \
                    and (tags[j - 1] in ("DT", "JJ", "PRP$", "CD", ":", "HYPH") or lower[j - 1] in _HYPHENS) \
                    and lower[j - 1] not in ("both", "all", "each"):  # "have both indicted Mir"
                # "the armed forces", "rebel - held enclave"; not "reaction killed Abdullah"
                j += 1
            else:
                break
        head = j - 1
        while head >= i and tags[head] not in _HEAD_TAGS:
            head -= 1
        if head >= i and i >= 2 and lower[i - 1] == "of" and lower[i - 2] in w.partitive_words \
                and (not out or out[-1].end <= i - 2):
            out.append(Chunk(i - 2, j, head, "np.partitive"))  # "against each of the providers"
        elif head >= i:  # the last noun or number
            out.append(Chunk(i, j, head, "np.base"))
        elif tags[i] == "DT" and j - i >= 2 and tags[j - 1] == "JJ":
            out.append(Chunk(i, j, j - 1, "np.adjective_head"))  # "the Nigerian military"
        i = max(j, i + 1)
    return out


def _day_word(x: str, w: Words) -> bool:
    """A weekday ("Wednesday"), which ends a noun phrase after a common noun; not "today" ("the
    governors today that ...": the phrase stays whole before a reported clause)."""
    return x in w.temporal and x.endswith("day") and x not in ("day", "today", "yesterday")


def _finite_after_name(tags: Sequence[str], j: int) -> bool:
    """The proper nouns from token ``j`` are followed by a finite verb (or an adverb and one)."""
    n = len(tags)
    while j < n and tags[j] in ("NNP", "NNPS"):
        j += 1
    j += j < n and tags[j] == "RB"
    return j < n and tags[j] in FINITE


def _only_time(lower: Sequence[str], i: int, j: int, w: Words) -> bool:
    """Rule ``np.date_ends``: tokens ``[i, j)`` are a time and nothing else (a year, time
    words, "last", "next"), so a name after them starts a new phrase ("In 2014 Russia annexed
    Crimea", "In December last year Russia attacked", "accused on Monday Washington of"); not
    after a determiner ("the 2014 World Cup") or another number ("5 US soldiers"); the caller
    asks for the time to open the sentence or follow a preposition or a comma ("met: 2019 MVP
    Jane Doe" keeps the year)."""
    for k in range(i, j):
        x = lower[k]
        if x not in w.temporal and x not in w.time_modifiers and not _is_year(x):
            return False
    return lower[j - 1] not in w.time_modifiers


def _is_year(x: str) -> bool:
    """A year of the last two centuries written in digits ("2014")."""
    return len(x) == 4 and x.isdigit() and x[:2] in ("19", "20")


def _year_after_month(lower: Sequence[str], k: int, w: Words) -> bool:
    """Token ``k`` is a year right after a month or another time word ("17 July 2017")."""
    return _is_year(lower[k]) and k > 0 and lower[k - 1] in w.temporal


# ----------------------------------------------------------------------------- verb groups
def verb_groups(tags: Sequence[str], lower: Sequence[str], w: Words) -> list[tuple[int, int, int]]:
    """``(start, end, head)`` of each verb group (auxiliaries, adverbs, head verb).

    ``to`` + verb opens its own (infinitive) group.

    Example:
        >>> verb_groups(["NNS", "VBD", "VBN", "IN", "NNP"], ["towns", "were", "shelled", "by", "russia"], words())
        [(1, 3, 2)]
    """
    out = []
    n, i = len(tags), 0
    while i < n:
        t = tags[i]
        if t not in _GROUP_OPENERS:
            i += 1
            continue
        starts = t in VERB_TAGS or t == "MD" or (t == "TO" and i + 1 < n and tags[i + 1] == "VB")
        if not starts:
            i += 1
            continue
        j, head = i + (1 if t == "TO" else 0), -1
        while j < n:
            tj = tags[j]
            if (tj in VERB_TAGS or tj == "MD") and head >= 0 and tags[head] != "MD" and lower[head] not in w.auxiliaries:
                break  # "denied shelling", "began leaving": the second verb has its own group
            if tj in VERB_TAGS or tj == "MD":
                head = j
                j += 1
            elif tj == "RB" and j + 1 < n and (tags[j + 1] in VERB_TAGS or tags[j + 1] == "RB") or tj == "RB" and lower[j] in w.negators:
                j += 1
            else:
                break
        if head >= 0:
            out.append((i, head + 1, head))
        i = max(j, i + 1)
    return out


# ----------------------------------------------------------------------------- clauses
def _has_verb_before_break(tags: Sequence[str], i: int) -> bool:
    """Whether a finite verb or participle follows token ``i`` before the next comma."""
    for k in range(i + 1, len(tags)):
        if tags[k] in (",", ":", "."):
            return False
        if tags[k] in FINITE or tags[k] in ("VBN", "VBG"):
            return True
    return False


_QUOTE_MARKS = frozenset(('"', "”", "’", "'"))


def _report_tail(lower) -> list[int]:
    """The last 15 tokens :func:`_postposed_report` reads (all but end punctuation and closing
    quotes), in order: a report has at most 14, so none before them is needed."""
    out: list[int] = []
    k = len(lower) - 1
    while k >= 0 and len(out) < 15:
        x = lower[k]
        if x not in _QUOTE_MARKS and not (x[:1] in ".!?" and _PUNCT_END.match(x)):
            out.append(k)
        k -= 1
    return out[::-1]


def _postposed_report(tags, lower, lemma, i: int, w: Words, tail: list[int] | None = None,
                      table: list[bool] | None = None) -> bool:
    """``, NP said .`` / ``, said NP .`` / ``, NP 's office said on Sunday .`` after token ``i``.

    ``tail`` is :func:`_report_tail` of the sentence and ``table`` :func:`_postposed_table` of
    it (computed here when not given). Not a comma closing an aside on the subject
    (:func:`_closes_subject_aside`).

    Example:
        >>> t, tg = ["Talks", "failed", ",", "officials", "said", "."], ["NNS", "VBD", ",", "NNS", "VBD", "."]
        >>> _postposed_report(tg, [x.lower() for x in t], ["talk", "fail", ",", "official", "say", "."], 2, words())
        True
    """
    tail = _report_tail(lower) if tail is None else tail
    if len(tail) == 15 and tail[0] > i:
        return False  # more than 14 words follow
    j = bisect.bisect_right(tail, i)
    if j == len(tail):
        return False
    table = _postposed_table(tags, lower, lemma, w, tail) if table is None else table
    return table[j] and not _closes_subject_aside(tags, lower, i, w)


def _closes_subject_aside(tags, lower, i: int, w: Words) -> bool:
    """Rule ``clause.subject_aside``: the comma at ``i`` closes an aside on the sentence's
    subject (a participial or relative clause opened by the first comma, with no finite verb
    before it) and a finite verb follows it at once, so that verb is the main clause's, not a postposed report's ("Iran,
    speaking on Monday, warned Israel ...", "Iran, which has denied the charges, accused
    Israel ..."; not "Talks failed, officials said", nor a comma after the one that closed the
    aside: "Hamas, which controls Gaza, fired rockets at Israel, said the Israeli military").

    Example:
        >>> toks = "Iran , speaking on Monday , warned Israel .".split()
        >>> _closes_subject_aside(["NNP", ",", "VBG", "IN", "NNP", ",", "VBD", "NNP", "."], toks, 5, words())
        True
    """
    c = next((k for k in range(i) if tags[k] == ","), -1)
    if c < 1 or c + 1 >= i or any(tags[k] in FINITE for k in range(c)):
        return False
    if any(tags[k] == "," for k in range(c + 1, i)):
        return False   # the aside closed earlier: "Hamas, which controls Gaza, fired rockets, said the army"
    v = i + 1 + (i + 1 < len(tags) and tags[i + 1] == "RB")
    if v >= len(tags) or tags[v] not in FINITE:
        return False   # the verb follows the aside at once ("..., which were, I think, one")
    return tags[c + 1] in ("VBG", "VBN") or lower[c + 1] in w.relative


def _postposed_table(tags, lower, lemma, w: Words, tail: list[int]) -> list[bool]:
    """For each ``j``, whether the words ``tail[j:]`` are a postposed report: exactly one verb,
    a reporting one, and nothing after it but its subject, a time or place phrase (no
    complementizer). One pass from the end serves every comma of the sentence.

    Rule ``clause.participle_not_report``: a present participle is no postposed report
    (", accusing them of spying", ", rejecting a report by ...", ", blaming the junta"): it
    hangs from the clause before the comma, whose subject is its own; a report's verb is
    finite (", officials said", ", said a spokesman")."""
    out = [False] * len(tail)
    n_verbs, first, comp = 0, -1, False
    for j in range(len(tail) - 1, -1, -1):
        k = tail[j]
        if tags[k] in VERB_TAGS:
            n_verbs += 1
            first = k   # the leftmost verb of tail[j:]
        if lower[k] in w.complementizers:
            comp = True
        out[j] = n_verbs == 1 and not comp and lemma[first] in w.reporting and tags[first] != "VBG"
    return out


def segment(tags: Sequence[str], lower: Sequence[str], lemma: Sequence[str],
            groups: list[tuple[int, int, int]], chunks: list[Chunk], w: Words) -> tuple[list[Clause], list[int]]:
    """Split a sentence into clauses; return the clauses and each token's clause id.

    Rules: ``clause.main``, ``clause.if``/``clause.inverted_if`` (conditional antecedent), ``clause.adverbial``,
    ``clause.relative``, ``clause.that`` (complement after a verb), ``clause.bare_complement`` (reporting
    verb + subject + verb, no "that"), ``clause.participial``, ``clause.report_postposed``, ``clause.semicolon``.

    Example:
        >>> t = ["Moscow", "said", "Kyiv", "attacked", "."]
        >>> tg = ["NNP", "VBD", "NNP", "VBD", "."]
        >>> cl, of = segment(tg, [x.lower() for x in t], ["moscow", "say", "kyiv", "attack", "."],
        ...                  [(1, 2, 1), (3, 4, 3)], np_chunks(tg, t), words())
        >>> [(c.kind, c.rule) for c in cl], of
        ([('main', 'clause.main'), ('complement', 'clause.bare_complement')], [0, 0, 1, 1, 1])
    """
    n = len(tags)
    clauses = [Clause(0, "main", 0, -1, -1, "clause.main")]
    stack = [0]
    has_verb = {0: False}
    head_at = {h: (a, b) for a, b, h in groups}
    chunk_start = {c.start: c for c in chunks}
    group_start = {a for a, _, _ in groups}
    clause_of = [0] * n
    last_head, tail, post = -1, None, None
    # Only these words, commas and chunk starts can open a clause: other tokens skip the tests.
    openers = _openers(w)

    def open_(kind, at, rule, parent=None):
        cid = len(clauses)
        clauses.append(Clause(cid, kind, at, at, stack[-1] if parent is None else parent, rule))
        has_verb[cid] = False
        stack.append(cid)
        return cid

    cur = open_("conditional", 0, "clause.inverted_if") if _inverted_conditional(tags, lower, groups, w) else 0
    for i, low in enumerate(lower):
        t = tags[i]
        if i in group_start and t in FINITE:   # rule clause.relative_close
            cur = _close_subject_relative(clauses, stack, has_verb, lemma, last_head, w)
        if low not in openers and t != "," and t != ":" and i not in chunk_start:
            clause_of[i] = cur
            if i in head_at:
                has_verb[cur] = True
                last_head = i
            continue
        top = stack[-1]
        if low == ";":
            del stack[1:]
            open_("main", i, "clause.semicolon", parent=-1)
            del stack[:-1]
        elif low == ":" and last_head >= 0 and lemma[last_head] in w.reporting and i > last_head:
            open_("complement", i, "clause.colon")  # 'Peskov said: "..."'
        elif t in (",", ":") and low not in _HYPHENS:
            coord = _reporter_coordination(tags, lemma, i, head_at, w)
            if len(stack) > 1 and has_verb[top] and clauses[top].kind != "complement":
                stack.pop()
            elif len(stack) > 1 and has_verb[top] and coord:  # leave the reported clause
                while len(stack) > 1 and clauses[stack[-1]].kind == "complement":
                    stack.pop()
            if tail is None:
                tail = _report_tail(lower)
                post = _postposed_table(tags, lower, lemma, w, tail)
            # a postposed report follows a verb: not "The president, Mira Halden, dismissed"
            if not coord and last_head >= 0 and _postposed_report(tags, lower, lemma, i, w, tail, post):
                open_("report", i, "clause.report_postposed", parent=-1)
                for c in clauses[:-1]:
                    if c.parent == -1:
                        c.parent, c.kind, c.rule = len(clauses) - 1, "complement", "clause.report_postposed"
                del stack[:-1]
            elif i + 1 < n and tags[i + 1] == "VBG":
                if lemma[i + 1] in w.reporting:
                    # ", adding that ...", ", accusing X of ...": the speaker of the main clause
                    # goes on; the participle does not hang from the reported clause.
                    while len(stack) > 1 and clauses[stack[-1]].kind == "complement":
                        stack.pop()
                open_("participial", i + 1, "clause.participial")
        elif low in w.conditional and t == "IN":
            open_("conditional", i, "clause.if")
        elif (low in w.relative or (low == "that" and t == "WDT")) and t in ("WDT", "WP", "WP$", "WRB") and i > 0:
            open_("relative", i, "clause.relative")
        elif low in w.complementizers and t in ("IN", "WDT") and last_head >= 0 and i == head_at_end(head_at, last_head, i, tags):
            open_("complement", i, "clause.that")
        elif low in w.adverbial and t in ("IN", "WRB") and _has_verb_before_break(tags, i) and not (
                low == "as" and i + 1 < n and (lower[i + 1] in w.as_phrase_words or "as" in lower[i + 2:i + 4])):
            open_("adverbial", i, "clause.adverbial")
        elif i in chunk_start and last_head >= 0 and lemma[last_head] in w.reporting \
                and i == last_head + 1 and _bare_complement(tags, chunk_start[i], group_start, lower, lemma[last_head]):
            open_("complement", i, "clause.bare_complement")
        cur = clause_of[i] = stack[-1]
        if i in head_at:
            has_verb[stack[-1]] = True
            last_head = i
    if len(clauses) == 1:
        clauses[0].tokens = list(range(n))
    else:
        add = [c.tokens.append for c in clauses]
        for i, cid in enumerate(clause_of):
            add[cid](i)
    return clauses, clause_of


def repair_inverted_conditional(lower: Sequence[str], tags: Sequence[str]) -> list[str]:
    """Rule ``tag.inverted_if``: the tagger reads a sentence-opening "Had"/"Were" as a name or a
    wh-word and the bare verb after "Should X" as a noun. When a comma follows and a modal
    ("would", "could", "will", "might") opens the consequent within four tokens of it, the
    opener is the auxiliary and "Should X attack" has its verb.

    Example:
        >>> repair_inverted_conditional(["should", "baku", "attack", ",", "armenia", "would", "respond"],
        ...                             ["MD", "NNP", "NN", ",", "NNP", "MD", "VB"])
        ['MD', 'NNP', 'VB', ',', 'NNP', 'MD', 'VB']
    """
    out = list(tags)
    n = len(out)
    comma = next((i for i in range(2, n) if out[i] == ","), -1)
    modals = words().consequent_modals
    if comma < 0 or not any(lower[k] in modals for k in range(comma + 1, min(n, comma + 6))):
        return out
    out[0] = "MD" if lower[0] == "should" else "VBD"
    if lower[0] == "should" and out[1] in ("NNP", "NNPS"):
        k = next((k for k in range(2, comma) if out[k] not in ("NNP", "NNPS")), -1)
        if k > 0 and out[k] in ("NN", "NNP") and (k + 1 == comma or out[k + 1] in ("RB", "DT", "NNP", "IN", "PRP$")):
            out[k] = "VB"
    return out


def repair_conditional_verb(lower: Sequence[str], tags: Sequence[str], w: Words) -> list[str]:
    """Rule ``tag.conditional_verb``: "If Iran attacks again, ...": after "if"/"unless" and a
    name, a plural-noun tag before a comma, adverb or object is the verb (VBZ), so the
    antecedent has its verb and ends at the comma.

    Example:
        >>> repair_conditional_verb(["if", "iran", "attacks", ","], ["IN", "NNP", "NNS", ","], words())
        ['IN', 'NNP', 'VBZ', ',']
    """
    out = list(tags)
    n = len(out)
    for i in range(n - 2):
        if lower[i] not in w.conditional or out[i + 1] not in ("NNP", "NNPS"):
            continue
        k = i + 1
        while k < n and out[k] in ("NNP", "NNPS"):
            k += 1
        if k + 1 < n and out[k] == "NNS" and lower[k].endswith("s") and out[k + 1] in (",", "RB", "NNP", "DT", "PRP$", "PRP"):
            out[k] = "VBZ"
    return out




def _inverted_conditional(tags: Sequence[str], lower: Sequence[str], groups: list[tuple[int, int, int]],
                          w: Words) -> bool:
    """Rule ``clause.inverted_if``: a sentence that opens on "Should"/"Were"/"Had" + a subject
    and has a verb after the first comma is a conditional with its "if" left out ("Should Baku
    attack again, Armenia would respond"; "Were the sanctions lifted, Tehran would resume
    talks"). A question ("Should NATO intervene?") is none.

    Example:
        >>> _inverted_conditional(["MD", "NNP", "VB", ",", "NNP", "MD", "VB", "."],
        ...                       ["should", "baku", "attack", ",", "armenia", "would", "respond", "."],
        ...                       [(0, 1, 0), (2, 3, 2), (5, 7, 6)], words())
        True
    """
    n = len(tags)
    if n < 5 or lower[0] not in w.inverted_conditionals or tags[0] not in ("MD", "VBD") or tags[1] not in ("NNP", "NNPS", "DT", "PRP", "NN", "NNS", "JJ") \
            or "?" in lower[-2:]:
        return False
    comma = next((i for i in range(2, n) if tags[i] == ","), -1)
    return comma > 2 and any(a > comma for a, _, _ in groups) and any(0 < h < comma for _, _, h in groups)


def _close_subject_relative(clauses: list[Clause], stack: list[int], has_verb: dict, lemma, last_head: int,
                            w: Words) -> int:
    """Rule ``clause.relative_close``: a finite verb group after a relative clause on the
    subject, which has its own verb, while the clause it hangs from has none yet, is that
    clause's verb ("Countries that refuse to pay will face sanctions", "The troops that Kyiv
    sent arrived"): the relative clause is closed. Not after a reporting verb, whose complement
    may follow bare. Returns the clause the verb belongs to."""
    if len(stack) > 1:
        top = clauses[stack[-1]]
        if top.kind == "relative" and has_verb[top.cid] and top.parent == stack[-2] \
                and not has_verb[top.parent] and last_head >= 0 and lemma[last_head] not in w.reporting:
            stack.pop()
    return stack[-1]


def _reporter_coordination(tags, lemma, i: int, head_at, w: Words) -> bool:
    """``i`` is the comma of ", and vowed": comma, a conjunction, then (past adverbs) a finite
    reporting verb with no subject of its own. In news prose such a verb goes on with the
    speaker ("Pakistan said Indian drones had struck three sites, and vowed to respond");
    without the comma, or with another verb, the coordination stays in the reported clause.
    """
    k = i + 1
    if k >= len(tags) or tags[k] != "CC" or lemma[k] not in ("and", "but"):
        return False
    k += 1
    while k < len(tags) and tags[k] == "RB":
        k += 1
    return k in head_at and head_at[k][0] == k and tags[k] in FINITE and lemma[k] in w.reporting


# _openers' answers by the word lists' identity: an lru_cache keyed by ``Words`` hashed its 45
# fields at each sentence. An entry holds its ``Words``, so an id is not reused while cached.
_OPENERS_OF: dict[int, tuple[Words, frozenset]] = {}


def _openers(w: Words) -> frozenset:
    """The words :func:`segment` tests for opening a clause (besides commas and chunk starts)."""
    got = _OPENERS_OF.get(id(w))
    if got is not None and got[0] is w:
        return got[1]
    if len(_OPENERS_OF) >= 4:
        _OPENERS_OF.clear()
    out = frozenset({";", ":", "that"}) | w.conditional | w.relative | w.complementizers | w.adverbial
    _OPENERS_OF[id(w)] = (w, out)
    return out


_THAT_GAP = NP_INNER | {"RB", "PRP", ",", "IN", "TO"}


def head_at_end(head_at, last_head: int, i: int, tags) -> int:
    """``i`` when "that" at ``i`` follows the last verb (possibly after its object or an adverb)."""
    k = i - 1
    while k > last_head and tags[k] in _THAT_GAP:
        k -= 1
    return i if k == last_head else -1


def _bare_complement(tags, chunk: Chunk, group_start: set, lower: Sequence[str] = (), verb: str = "") -> bool:
    """A chunk straight after a reporting verb, followed by a finite verb: "said Kyiv attacked".

    A bare participle with an object counts as the finite verb the tagger missed ("claimed Greek
    coast guards pushed migrant boats": "pushed" tagged VBN, with no auxiliary before it). Rule
    ``clause.bare_complement_pp``: up to two prepositional phrases may follow the chunk ("said
    the drone strike on Iranian military facilities was carried out by Israel") after a verb of
    ``reporting_extra`` (say, claim, tell ...; not "supported every attack on X ..." or "recalling
    the horrors of X, said"), only prepositions of ``noun_phrase_prepositions``.
    """
    k, phrases = chunk.end, 0
    while lower and verb in words().reporting_core and k < len(tags) and tags[k] == "IN" and phrases < 2 and lower[k] in words().noun_phrase_prepositions:
        j = k + 1
        while j < len(tags) and tags[j] in NP_INNER:
            j += 1
        if j == k + 1 or tags[j - 1] not in NOUN_TAGS:
            return False
        k, phrases = j, phrases + 1
    return k < len(tags) and k in group_start and (
        tags[k] in FINITE or tags[k] == "VBN" and k + 1 < len(tags) and tags[k + 1] in words().bare_complement_object_tags)


# ----------------------------------------------------------------------------- arguments
def _preceded_by_prep(tags, lower, c: Chunk, w: Words) -> str:
    """The preposition right before chunk ``c`` ("" when none)."""
    k = c.start - 1
    if k >= 0 and tags[k] in ("IN", "TO"):
        x = lower[k]
        if x not in w.complementizers and x not in w.conditional and x not in w.adverbial:
            return x
    return ""




def is_temporal(lower: Sequence[str], c: Chunk) -> bool:
    """Whether chunk ``c`` is a time expression ("Monday", "last week", "2014").

    Example:
        >>> is_temporal(["on", "monday"], Chunk(1, 2, 1, "np.base"))
        True
    """
    return _is_temporal(lower, c, words())


def _is_temporal(lower, c: Chunk, w: Words) -> bool:
    """A time expression: every word of the chunk past its determiners is a time word or a year."""
    content = False
    for k in range(c.start, c.end):
        x = lower[k]
        if x in w.time_determiners:
            continue
        if x not in w.temporal and not (x.isdigit() and len(x) == 4):
            return False
        content = True
    return content


def passive_by_gerund(s: Structure, p: Predicate) -> bool:
    """Rule ``subject.passive_by_gerund``: a gerund right after the "by" of a passive ("was
    alarmed by fighting", "was hit by shelling") names the passive's agent, an act whose doer the
    clause does not give, so it takes no subject (nor the passive's subject by control); after an
    active verb "by" + gerund is the means and shares its subject ("responded by shelling").

    Example:
        >>> s = parse("It was alarmed by fighting near the town .".split())
        >>> [passive_by_gerund(s, p) for p in s.predicates]
        [False, True]
    """
    k = p.start - 1
    return k > 0 and p.start == p.head and s.tags[p.head] == "VBG" and s.lower[k] == "by" \
        and any(q.end == k and q.voice == "passive" for q in s.predicates)


def find_subject(s: Structure, p: Predicate, w: Words) -> tuple[Chunk | None, str]:
    """The subject of ``p``: the nearest noun phrase to its left in its own clause.

    Skips noun phrases inside prepositional phrases and time expressions and any clause
    nested in it (a relative clause between subject and verb). A verb of the same clause met
    first means coordination: the subject is that verb's (``subject.coordinated``). A bare past
    participle right after a demonstrative the chunker leaves alone ("work with all those
    committed to the principles") modifies it and has no subject (``subject.pronoun_participle``).
    """
    own = p.clause
    nested = s.nested(own)
    k = p.start - 1
    if k >= 0 and p.start == p.head and s.tags[p.head] == "VBN" and s.lower[k] in ("those", "these") \
            and s.chunk_ending(k) is None:
        return None, ""   # rule subject.pronoun_participle: "all those committed to": it modifies "those"
    if passive_by_gerund(s, p):
        return None, ""
    while k >= 0:
        ck = s.clause_of[k]
        if ck in nested:
            k -= 1
            continue
        if ck != own:
            break
        other = s.predicate_at(k)
        if other is None and k == p.start - 1 and s.tags[k] == "CC":
            prev = [q for q in s.predicates if q.head < k and s.clause_of[q.head] == own]
            g = prev[-1] if prev else None
            if g is not None and s.tags[p.head] in FINITE and s.tags[g.start] == "VBG" \
                    and g.start > 0 and s.tags[g.start - 1] == "IN":
                v = _past_gerund_verb(s, own, g, w)
                prev = [v] if v is not None else [q for q in prev if s.lower[q.head] not in w.copula_forms]
            other = prev[-1] if prev else None
            fin = _finite_over_infinitive(s, p, prev)
            if fin is not None:
                return fin.agent if fin.voice == "active" else fin.patient, "subject.coordinated_over_infinitive"
        if other is not None and other is not p:
            # "was sailing ... and rejected": a progressive with its auxiliary is finite too
            if s.tags[other.head] in FINITE or s.tags[other.head] in ("VBN", "VBD") or s.tags[other.start] in FINITE:
                rep = _coordinated_reporter(s, p, other, w) or _reporters_second_verb(s, p, other, w)
                if rep is not None:
                    return rep, "subject.coordinated_reporter"
                return other.agent if other.voice == "active" else other.patient, "subject.coordinated"
            head = _participle_head(s, other, w) if s.tags[p.head] in FINITE or s.tags[p.start] in FINITE else None
            return (head, "subject.reduced_relative") if head is not None else (None, "")
        c = s.chunk_ending(k)
        if c is not None:
            if not _preceded_by_prep(s.tags, s.lower, c, w) and not _is_temporal(s.lower, c, w):
                head = _reduced_relative_head(s, c, p, w)
                if head is not None:
                    return head, "subject.reduced_relative"
                app = _apposition(s, c, p.start, w)
                return (app, "subject.apposition") if app is not None else (c, "subject.left")
            k = c.start - 1
            continue
        k -= 1
    return None, ""


def _finite_over_infinitive(s: Structure, p: Predicate, prev: list[Predicate]) -> Predicate | None:
    """Rule ``subject.coordinated_over_infinitive``: a finite verb after "and" whose nearest verb
    before is a "to"-infinitive is not that infinitive's conjunct (a tensed verb cannot share
    its "to"): it is coordinated with the latest finite verb before the infinitive, whose
    subject it takes ("Taipei condemned the boarding as an attempt to assert jurisdiction and
    demanded that Beijing stop": Taipei demanded; "Jordan urged Syria to secure the border and
    warned ...": Jordan warned). ``prev`` are the clause's predicates before ``p``, in order.
    None when the nearest verb is no infinitive, ``p`` is no past or third-person form (a
    present "and say" may be the infinitive's own conjunct, "to thank X and thank Y"), or no
    finite verb with a subject comes before.

    Example:
        >>> s = parse("Jordan urged Syria to close the border and warned Damascus .".split(),
        ...           lemma="jordan urge syria to close the border and warn damascus .".split(),
        ...           tags="NNP VBD NNP TO VB DT NN CC VBD NNP .".split())
        >>> p = [q for q in s.predicates if s.lower[q.head] == "warned"][0]
        >>> s.tokens[p.agent.start], p.agent_rule
        ('Jordan', 'agent.subject.coordinated_over_infinitive')
    """
    if not prev or s.tags[p.head] not in ("VBD", "VBZ") or p.start != p.head:
        # (a VBP is the bare form an infinitive's conjunct shares: "to thank X and thank Y")
        return None
    inf = prev[-1]
    if s.tags[inf.head] != "VB" or not (s.lower[inf.start] == "to" or inf.start > 0 and s.lower[inf.start - 1] == "to"):
        return None
    for k in range(len(prev) - 2, -1, -1):   # latest first (no reversed(): mypyc)
        q = prev[k]
        if q.head < inf.start and (s.tags[q.head] in FINITE or s.tags[q.start] in FINITE):
            subj = q.agent if q.voice == "active" else q.patient
            return q if subj is not None else None
    return None


def _coordinated_reporter(s: Structure, p: Predicate, other: Predicate, w: Words) -> Chunk | None:
    """Rule ``subject.coordinated_reporter``: a speech verb joined by "and" to the passive of a
    report's unmarked complement ("Pakistan said 26 civilians were killed and vowed to
    retaliate") is the reporter's second verb, so its subject is the reporter's ("Pakistan"),
    not the passive's patient. Only when that patient follows a reporting verb directly (its
    complement, read without "that"); ``None`` otherwise.

    Example:
        >>> s = parse("Ghana said ten soldiers were killed and vowed to retaliate .".split(),
        ...           lemma="ghana say ten soldier be kill and vow to retaliate .".split())
        >>> p = [q for q in s.predicates if s.lower[q.head] == "vowed"][0]
        >>> find_subject(s, p, words())[1]
        'subject.coordinated_reporter'
    """
    if other.voice == "active" or p.voice != "active" or s.lemma[p.head] not in w.reporting \
            or other.patient is None:
        return None
    for g in s.predicates:
        if g.head < other.patient.start and g.voice == "active" and s.lemma[g.head] in w.reporting \
                and g.head + 1 == other.patient.start and g.agent is not None \
                and s.clause_of[g.head] in (p.clause, s.clauses[p.clause].parent):
            return g.agent
    return None


def _reporters_second_verb(s: Structure, p: Predicate, other: Predicate, w: Words) -> Chunk | None:
    """Rule ``subject.coordinated_reporter`` (active complement): a verb after ", and" that
    follows a report's complement whose verb has an auxiliary ("Estonia said Russian jets had
    entered its airspace, and summoned the Russian ambassador") and agrees in form with the
    reporting verb (both simple past) is the reporter's second verb: its subject is the
    reporter's, not the complement's. Without the comma only a reporting verb with no
    auxiliary of its own after a complement verb whose auxiliary it cannot share (any but
    "have") is the reporter's ("Algeria said the tanker was sailing in open waters and rejected
    the protest": "was rejected" would be another verb); ``None`` otherwise (without the comma, or
    when the complement's verb has no auxiliary, "had entered and summoned" may share its
    subject, as "were patrolling the border and had arrested two smugglers" does).

    Example:
        >>> s = parse("Latvia said Belarusian jets had entered its airspace , and summoned the envoy .".split(),
        ...           lemma="latvia say belarusian jet have enter its airspace , and summon the envoy .".split())
        >>> p = [q for q in s.predicates if s.lower[q.head] == "summoned"][0]
        >>> s.tokens[p.agent.start], p.agent_rule
        ('Latvia', 'agent.subject.coordinated_reporter')
    """
    subj = other.agent if other.voice == "active" else other.patient
    if p.voice != "active" or subj is None or p.start < 2 or s.lower[p.start - 1] != "and":
        return None
    comma = s.lower[p.start - 2] == ","
    copula = s.lemma[other.head] == "be" or s.lower[other.head] in w.copula_forms
    if other.start == other.head and (comma or not copula):
        return None   # no auxiliary: "had entered and summoned" (but a copula: "was lawful and dismissed")
    if not comma and (p.start != p.head or s.lemma[p.head] not in w.reporting
                      or "have" in (s.lemma[other.start], s.lower[other.start]) or s.lower[other.start] in ("has", "had")):
        # without the comma only a speech act of its own that cannot share the complement's
        # auxiliary ("was lawful and dismissed the protest", "will play its role and supports");
        # "had filled the dam and warned" may share "had" and so its subject
        return None
    for g in s.predicates:
        if g.head < subj.start and g.voice == "active" and s.lemma[g.head] in w.reporting and g.agent is not None \
                and subj.start in (g.head + 1, g.head + 2) and (subj.start == g.head + 1 or s.lower[g.head + 1] == "that") \
                and s.tags[g.head] == s.tags[p.head] and s.tags[p.head] in ("VBD", "VBZ", "VBP"):
            return g.agent
    return None


def _reduced_relative_head(s: Structure, c: Chunk, p: Predicate, w: Words) -> Chunk | None:
    """Rule ``subject.reduced_relative``: the noun phrase before a finite verb that is the object
    of a bare participle right after another noun phrase ("The Saudi-led coalition fighting
    Houthi rebels in Yemen has declared a ceasefire") is not the verb's subject: that noun
    phrase before the participle is (the coalition declared it, not the rebels). ``None`` when
    the frame does not hold."""
    if c.start < 2 or (s.tags[p.head] not in FINITE and s.tags[p.start] not in FINITE):
        return None
    g = s.predicate_at(c.start - 1)
    if g is None or g is p or g.head != c.start - 1:
        return None
    return _participle_head(s, g, w)


def _participle_head(s: Structure, g: Predicate, w: Words) -> Chunk | None:
    """The noun phrase a bare participle ``g`` right after it describes ("troops fighting in
    Ukraine"), or ``None``."""
    if g.start != g.head or s.tags[g.head] != "VBG" or g.head < 1 or s.tags[g.head - 1] not in NOUN_TAGS \
            or s.lower[g.head - 1] in ("'s", "’s", "'", "’"):
        return None   # not "Iran's menacing behavior": a possessive's adjective
    head = s.chunk_ending(g.head - 1)
    if head is None or s.tags[head.head] not in NOUN_TAGS or _preceded_by_prep(s.tags, s.lower, head, w):
        return None
    return head


def _past_gerund_verb(s: Structure, own: int, g: Predicate, w: Words) -> Predicate | None:
    """Rule ``subject.coordinated_past_gerund``: the finite verb a verb after "and" is
    coordinated with when a gerund after a preposition comes between ("accused Greece of
    violating its airspace and warned Athens": Turkey warned).

    The verb is the last finite one before the gerund (in its clause or the clause it is
    reported in) that is not a form of "be", and the preposition follows its object (or the
    verb itself: "was accused of violating"), or it is a reporting verb whose reported subject
    a copula and an adjective take to the preposition ("Turkey said Greece was responsible for
    violating its airspace and warned Athens": Turkey warned, not Greece). None otherwise.
    """
    prep = g.start - 1
    up = s.clauses[own].parent
    fin = [q for q in s.predicates if q.head < prep and (s.tags[q.head] in FINITE or s.tags[q.start] in FINITE)
           and s.lower[q.head] not in w.copula_forms and (q.clause == own or q.clause == up)]
    if not fin:
        return None
    v = fin[-1]
    obj = v.patient
    if (obj.end if obj is not None and obj.start > v.head else v.end) == prep:
        return v
    cop = [q for q in s.predicates if v.head < q.head < prep and s.lower[q.head] in w.copula_forms]
    if not cop or s.lemma[v.head] not in w.reporting:
        return None
    c = cop[-1]
    subj = c.agent
    if subj is None:
        return None
    opens = v.end + (v.end < len(s.lower) and s.lower[v.end] in w.complementizers)
    if subj.start != opens or subj.end != c.start or any(s.tags[k] not in ("JJ", "RB") for k in range(c.end, prep)):
        return None
    return v


def _apposition(s: Structure, c: Chunk, verb: int, w: Words) -> Chunk | None:
    """Rule ``subject.apposition``: in "Gul Rahman , a suspected militant , was tortured" the
    subject is the name before the appositive, spanning both (the name and the description).

    The appositive lies between two commas, the second right before the verb, with no verb in
    it; the chunk before the first comma has a proper-noun head and is not inside a phrase.
    """
    close = verb - 1
    while close > c.end and s.tags[close] == "RB":
        close -= 1
    if s.lower[close] != "," or close < c.end:
        return None
    k = c.start - 1
    while k > 0 and s.lower[k] != "," and s.tags[k] not in VERB_TAGS and s.tags[k] != "MD":
        k -= 1
    if k <= 0 or s.lower[k] != "," or any(s.tags[x] in VERB_TAGS for x in range(k + 1, close)):
        return None
    name = s.chunk_at(k - 1)
    if name is None or name.end != k or s.tags[name.head] not in ("NNP", "NNPS") \
            or _preceded_by_prep(s.tags, s.lower, name, w):
        return None
    return Chunk(name.start, close, name.head, "np.apposition")


def find_object(s: Structure, p: Predicate, w: Words, *, limit: int | None = None) -> Chunk | None:
    """The first noun phrase after ``p`` in its clause, not inside a prepositional phrase
    (before ``limit``: the next verb group of the clause, found when not given)."""
    if limit is None:
        stop = [q.start for q in s.predicates if q.start > p.head and s.clause_of[q.start] == p.clause]
        limit = min(stop) if stop else len(s.tags)
    chunks = s.chunks
    for x in range(bisect.bisect_right(s.chunk_starts(), p.head), len(chunks)):
        c = chunks[x]
        if c.start >= limit:  # the chunks are in order: no later one is before the limit
            break
        if s.clause_of[c.start] != p.clause:
            break
        if c.start == p.head + 3 and s.lower[c.start - 1] == "of" and s.tags[p.head + 1] in ("DT", "CD", "JJ", "NNS"):
            return Chunk(p.head + 1, c.end, c.head, "np.partitive")  # "expelled some of the peacekeepers"
        if _is_temporal(s.lower, c, w) and c.start <= p.end + 1 and x + 1 < len(chunks) \
                and chunks[x + 1].start == c.end < limit and s.clause_of[c.end] == p.clause:
            return chunks[x + 1]   # rule object.after_time: "vetoed on Friday a draft resolution"
        if _preceded_by_prep(s.tags, s.lower, c, w) or _is_temporal(s.lower, c, w):
            return None
        if c.start == p.end + 1 and s.lower[p.end] in ("and", "or", "but") and c.end < len(s.tags) \
                and s.tags[c.end] in FINITE:
            return None   # rule object.not_next_subject: "Russia rejected and Ukraine accepted the proposal"
        return c
    return None


def obliques(s: Structure, after: int, w: Words, *, clause: int | None = None, span: int = 12) -> list[tuple[str, Chunk]]:
    """``(preposition, chunk)`` pairs after token ``after`` in its clause (at most ``span`` tokens on)."""
    out = []
    clause_of, tags, lower = s.clause_of, s.tags, s.lower
    clause = clause_of[after] if clause is None else clause
    chunks = s.chunks
    reach = after + span
    for x in range(bisect.bisect_right(s.chunk_starts(), after), len(chunks)):
        c = chunks[x]
        a = c.start
        if a > reach:  # the chunks are in order: no later one is in reach
            break
        if clause_of[a] != clause:
            # "the deployment of 230 troops, including 19 officers, to Liberia": a participle
            # set off by commas is skipped; the phrases after its closing comma are the verb's
            inner = s.clauses[clause_of[a]]
            if inner.kind == "participial" and inner.parent == clause and inner.start >= 1 \
                    and lower[inner.start - 1] == "," and _closes(s, inner.cid, clause):
                continue
            break
        # _preceded_by_prep, inline
        if a < 1:
            continue
        k = a - 1
        # "removed sanctions on nearly five dozen companies": a quantity word (clauses.yaml
        # quantity_words) between the preposition and its noun phrase keeps the phrase
        if tags[k] == "RB" and k >= 1 and lower[k] in w.quantity_words:
            k -= 1
        if tags[k] not in ("IN", "TO"):
            continue
        prep = lower[k]
        if not prep or prep in w.complementizers or prep in w.conditional or prep in w.adverbial:
            continue
        if not _is_temporal(lower, c, w):
            out.append((prep, c))
    return out


def _closes(s: Structure, inner: int, outer: int) -> bool:
    """Whether clause ``inner`` ends at a comma after which clause ``outer`` resumes with a
    preposition (", to Liberia"; not ", shall be restored to China", another verb's phrase)."""
    last = max(k for k, c in enumerate(s.clause_of) if c == inner)
    return last + 2 < len(s.lower) and s.lower[last + 1] == "," and s.clause_of[last + 2] == outer \
        and s.tags[last + 2] in ("IN", "TO")


def _relative_antecedent(s: Structure, p: Predicate) -> Chunk | None:
    cl = s.clauses[p.clause]
    if cl.kind != "relative" or cl.marker <= 0 or s.lower[cl.marker] == "whose":
        return None
    k = cl.marker - 1
    while k >= 0 and s.tags[k] == ",":
        k -= 1
    return s.chunk_at(k)


def _control(s: Structure, p: Predicate, w: Words) -> tuple[Chunk | None, str]:
    """The understood subject of an infinitive, participle or subjectless clause."""
    up = {a.cid for a in s.ancestors(p.clause)}
    before = [q for q in s.predicates if q.head < p.start and q.clause in up]
    if not before:
        return None, ""
    gov = before[-1]
    cl = s.clauses[p.clause]
    if cl.kind == "participial" and p.start == cl.start:
        # ", threatening to ...": the participle hangs from the clause it follows, so its subject
        # is that clause's finite verb's, not a gerund's or infinitive's inside it ("warned
        # companies against using the ports, threatening to target their vessels").
        # Nor is it the object of a directive ("urged Iraq to stop, saying ..." is Iran's saying).
        finite = [q for q in before if q.clause == cl.parent and s.tags[q.start] in FINITE]
        aside = _report_aside(s, finite[-1], p, w) if finite else -1
        if aside >= 0:
            # "Iran supports the Houthis, Saudi officials say, threatening ...": the participle
            # goes with the reported clause, not the reporter (rule clause.participle_after_report)
            content = [q for q in s.predicates if q.head < aside and s.tags[q.start] in FINITE]
            if not content:
                return None, ""
            gov = content[-1]
            return (gov.agent if gov.voice == "active" else gov.patient), "subject.control_past_report"
        if finite:
            gov = finite[-1]
            return (gov.agent if gov.voice == "active" else gov.patient), "subject.control"
    if (s.lemma[gov.head] in w.directive or s.lemma[gov.head] in w.object_control) and gov.voice == "active":
        if gov.patient is not None:
            return gov.patient, "subject.object_control"
        on = [c for prep, c in gov.obliques if prep in ("on", "upon") and c.end <= p.start]
        if on:
            return on[0], "subject.object_control_on"  # "called on Russia to withdraw"
    return (gov.agent, "subject.control") if gov.voice == "active" else (gov.patient, "subject.control")


def _report_aside(s: Structure, gov: Predicate, p: Predicate, w: Words) -> int:
    """Rule ``clause.participle_after_report``: where reporting verb ``gov`` and its subject
    stand alone between two commas after a clause and before participle ``p`` (", Israeli
    officials say, threatening ..."; ", said a spokesman, adding ..."), a postposed report set
    in the sentence, whose participle belongs to the reported clause before it: the position of
    the comma that opens the report; -1 otherwise.

    Example:
        >>> # "Iran arms the militia, officials said, undermining the truce": Iran undermines
    """
    a = gov.agent
    if s.lemma[gov.head] not in w.reporting or a is None or gov.voice != "active":
        return -1
    left, right = min(gov.start, a.start), max(gov.end, a.end)
    if left >= 2 and s.lower[left - 1] == "," and right < len(s.lower) and s.lower[right] == "," \
            and right + 1 == p.start and not any(s.tags[k] in VERB_TAGS for k in range(left, right) if k != gov.head):
        return left - 1
    return -1


def assign_arguments(s: Structure, w: Words) -> None:
    """Fill agent, patient, obliques, voice, negation and modality of every predicate, left to right.

    Rules: ``agent.subject`` / ``agent.by`` (passive) / ``agent.relative`` / ``agent.control``
    / ``agent.coordinated``; ``patient.object`` / ``patient.passive_subject``.
    """
    lower, tags = s.lower, s.tags
    preds = s.predicates
    # a headline has no finite verb, or only in a postposed report ("Iran to retaliate, says X")
    headline = FINITE.isdisjoint(tags) or any(c.rule == "clause.report_postposed" for c in s.clauses) \
        and FINITE.isdisjoint(tags[:next((k for k, t in enumerate(tags) if t == ","), 0)])
    for x, p in enumerate(preds):
        lows = lower[p.start:p.head]
        to = lower[p.start] == "to" and not (headline and _headline_infinitive(s, p))
        # "vowed never to negotiate", "agreed not to attack": the negator before "to" is the infinitive's
        p.negated = not w.negators.isdisjoint(lows) or (
            p.start > 0 and lower[p.start] == "to" and lower[p.start - 1] in w.negators)
        if deliberated(s, p, w):
            p.modality = "hypothetical"   # "is weighing whether to expel": an option, not an act
        elif not w.future_modals.isdisjoint(lows) or (lower[p.start] == "to" and (not to or _future_frame(s, p, w))):
            p.modality = "future"   # not to: a headline's "Egypt to refuse aid" is "will refuse"
        elif not w.hypo_modals.isdisjoint(lows):
            p.modality = "hypothetical"
        elif x > 0 and tags[p.head] == "VBG" and p.start == p.head and preds[x - 1].end == p.start \
                and lower[preds[x - 1].start] == "to":
            p.modality = preds[x - 1].modality   # modality.gerund_chain: "vowed to keep attacking"
        if tags[p.head] == "VBN" and (
                any(lower[k] in w.passive_aux and tags[k] != "MD" for k in range(p.start, p.head))
                or (p.start == p.head and p.head + 1 < len(tags) and lower[p.head + 1] in w.agent_preps)):
            p.voice = "passive"  # an auxiliary of the passive, or a reduced one ("killed by")
        inverted = _inverted_speaker(s, p, w)
        if inverted is not None:
            p.agent, p.agent_rule = inverted, "agent.subject.inverted"
            p.obliques = obliques(s, p.head, w, clause=p.clause, span=16)
            continue
        subj, rule = (None, "") if to else find_subject(s, p, w)
        if subj is None and not to:
            subj = _relative_antecedent(s, p)
            rule = "subject.relative" if subj is not None else ""
        if subj is None and (to or s.clauses[p.clause].kind == "participial"
                             or s.tags[p.head] == "VBG") and not passive_by_gerund(s, p):
            subj, rule = _control(s, p, w)
        p.obliques = obliques(s, p.head, w, clause=p.clause, span=16)
        if x + 1 < len(preds) and preds[x + 1].start == p.end + 1 and p.end < len(tags) \
                and lower[p.end] in ("and", "or") and s.clause_of[preds[x + 1].start] == p.clause \
                and p.voice == "active" and s.lemma[p.head] in w.intransitive_verbs:
            # rule oblique.own_conjunct: "refused and warned Washington against new sanctions":
            # after a verb mostly used without an object, the phrases after the second verb
            # are that verb's ("praised and partnered with X" shares them)
            p.obliques = [(prep, c) for prep, c in p.obliques if c.start < p.end]
        if p.voice == "passive":
            p.patient, p.patient_rule = subj, ("patient.passive_" + rule) if subj is not None else ""
            by = [c for prep, c in p.obliques if prep in w.agent_preps]
            p.agent, p.agent_rule = (by[0], "agent.by") if by else (None, "agent.passive_none")
        else:
            p.agent, p.agent_rule = subj, ("agent." + rule) if subj is not None else ""
            # the verb groups are in order: the next one of the clause bounds the object
            limit = next((q.start for q in preds[x + 1:] if s.clause_of[q.start] == p.clause), len(tags))
            obj = find_object(s, p, w, limit=limit)
            p.patient, p.patient_rule = obj, "patient.object" if obj is not None else ""
    _shared_objects(s, w)


def _shared_objects(s: Structure, w: Words) -> None:
    """Rule ``patient.coordinated``: an active verb with no object, right before "and"/"or" and
    a second verb of its clause with an object, shares that object ("condemned and rejected the
    sanctions": both act on the sanctions). Not past a phrase of its own ("withdrew from Kherson
    and shelled the city"), a passive second verb, or a first verb mostly used without an
    object (``intransitive_verbs``: "Iran refused and warned Washington", "The president
    resigned and appointed his deputy")."""
    for x, p in enumerate(s.predicates[:-1]):
        q = s.predicates[x + 1]
        if p.voice != "active" or p.patient is not None or p.end + 1 != q.start or p.end >= len(s.tags) \
                or s.tags[p.end] != "CC" or s.lower[p.end] not in ("and", "or") or q.clause != p.clause \
                or q.voice != "active" or q.patient is None or s.lower[p.start] == "to" \
                or s.lemma[p.head] in w.intransitive_verbs:
            continue
        p.patient, p.patient_rule = q.patient, "patient.coordinated"
        p.obliques = p.obliques + [o for o in q.obliques if o[1].start > p.end]   # and the phrases after it


_HEADLINE_SUBJECT = NP_INNER | {"CC", ","}


def _headline_infinitive(s: Structure, p: Predicate) -> bool:
    """Rule ``subject.headline_infinitive``: in a sentence with no finite verb, an infinitive
    right after the opening noun phrase is the headline's future ("Egypt to refuse aid from
    Qatar", "Russia and Ukraine to resume talks"): the phrase is its subject."""
    return 0 < p.start and all(t in _HEADLINE_SUBJECT for t in s.tags[:p.start]) \
        and s.tags[p.start - 1] in NOUN_TAGS


def _inverted_speaker(s: Structure, p: Predicate, w: Words) -> Chunk | None:
    """Rule ``subject.inverted``: in the quotative inversion '"We have evidence," said Andrii
    Sybiha, "that ..."' the speaker follows the reporting verb, which follows the quotation's
    comma; the noun phrase after the verb is its subject, not its object.

    The verb is a bare reporting verb (no auxiliary) right after a comma and a closing quotation
    mark, or after a comma that ends a clause ("Talks failed, said the ministry"), and the noun
    phrase after it ends the clause (a comma, a colon, a quotation mark or the end follows).
    """
    h = p.head
    if p.start != h or s.tags[h] not in ("VBD", "VBZ") or s.lemma[h] not in w.reporting:
        return None
    k = h - 1
    while k >= 0 and s.tags[k] == "''":
        k -= 1
    if k < 1 or s.lower[k] != ",":
        return None
    if k == h - 1 and not any(q.head < k for q in s.predicates):
        return None  # "The Serbian president, Aleksandar Vucic, rejected the plan": no clause before
    c = s.chunk_at(h + 1)
    if c is None or c.start != h + 1 or s.tags[c.head] in PRONOUN_TAGS and s.lower[c.head] == "it":
        return None
    e = c.end
    return c if e >= len(s.tags) or s.tags[e] in (",", ":", ".", "''") else None


def deliberated(s: Structure, p: Predicate, w: Words | None = None) -> bool:
    """Rule ``modality.deliberated``: an infinitive or gerund a party is weighing is an option,
    not an act (CAMEO 014 "consider policy option"): right after a verb of ``deliberation_frames``
    ("is considering expelling", "is mulling whether to impose", "considering the possibility of
    providing") or, after "whether"/"how", of ``open_question_frames`` ("is discussing whether to
    impose"); only the words of ``deliberation_gap`` may come between.

    Example:
        >>> t = "Poland is considering expelling Russian diplomats .".split()
        >>> s = parse(t, lemma=["poland", "be", "consider", "expel", "russian", "diplomat", "."])
        >>> [(s.tokens[p.head], p.modality) for p in s.predicates]
        [('considering', ''), ('expelling', 'hypothetical')]
    """
    w = w or words()
    if not (s.lower[p.start] == "to" or s.tags[p.head] == "VBG"):
        return False
    k, asked = p.start - 1, False
    while k >= 0 and p.start - k <= 6 and s.lower[k] in w.deliberation_gap:
        asked = asked or s.lower[k] in ("whether", "how")
        k -= 1
    if k < 0 or s.tags[k] not in VERB_TAGS:
        return False
    return s.lemma[k] in w.deliberation_frames or (asked and s.lemma[k] in w.open_question_frames)


def _future_frame(s: Structure, p: Predicate, w: Words) -> bool:
    """An infinitive after an intention word: "plans to visit", "is expected to decide"."""
    k = p.start - 1
    while k >= 0 and p.start - k <= 4:
        if s.lemma[k] in w.future_frames or s.lower[k] in w.future_frames:
            return True
        if s.tags[k] not in ("RB", "NN", "NNS", "NNP", "PRP", "PRP$", "DT", "JJ", "VBN", "VBZ", "VBP", "VBD"):
            return False
        k -= 1
    return False


def parse(tokens: Sequence[str], *, lemma: Sequence[str] | None = None,
          tags: Sequence[str] | None = None, degraded: str | None = None,
          lower: Sequence[str] | None = None) -> Structure:
    """The clause structure of one tokenised sentence.

    Args:
        tokens: the sentence's tokens.
        lemma: their lemmas (the tokens table's ``lemma``; lower-cased tokens if omitted).
        tags: Penn tags if already known (tagged with :func:`tag` otherwise).
        degraded: what is degraded in the given ``tags`` (:func:`tag_many`'s second value).
        lower: the lower-cased tokens (the tokens table's ``lower``; computed if omitted).

    Example:
        >>> s = parse("Ukrainian towns were shelled by Russian artillery .".split())
        >>> p = s.predicates[0]
        >>> p.voice, s.tokens[p.agent.head], s.tokens[p.patient.head]
        ('passive', 'artillery', 'towns')
    """
    w = words()
    tokens = list(tokens)
    lower = [t.lower() for t in tokens] if lower is None else list(lower)
    lemma = list(lemma) if lemma is not None else lower
    if tags is None:
        tags, degraded = tag(tokens)
    tags = repair_phrase_tags(tokens, tags, w, lower=lower)
    tags = repair_opening_subject(tokens, tags)
    if lower and lower[0] in w.inverted_conditionals:
        tags = repair_inverted_conditional(lower, tags)
    if not w.conditional.isdisjoint(lower):
        tags = repair_conditional_verb(lower, tags, w)
    chunks = np_chunks(tags, lower)
    starts = [c.start for c in chunks]   # in order, not overlapping (as Structure.chunk_at reads them)
    # A participle inside a noun phrase ("the Turkish armed forces") is no predicate.
    groups = [g for g in verb_groups(tags, lower, w)
              if (x := bisect.bisect_right(starts, g[2]) - 1) < 0 or g[2] >= chunks[x].end]
    clauses, clause_of = segment(tags, lower, lemma, groups, chunks, w)
    preds = [Predicate(a, b, h, clause_of[h]) for a, b, h in groups]
    last = len(tokens) - 1
    while last >= 0 and lower[last] in ('"', "”", "’", "'", ")"):
        last -= 1
    question = last >= 0 and lower[last] == "?"
    s = Structure(tokens, lower, lemma, tags, chunks, clauses, preds, clause_of, question, degraded)
    s._chunk_starts = starts
    assign_arguments(s, w)
    return s

