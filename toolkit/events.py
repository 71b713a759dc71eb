"""Who does what to whom: one row per speech act or event, read from the clause structure.

The ``events`` table turns each cue of the ``escalation`` table into an event with a source, an
act, a target and a factuality, using the clause structure of its sentence
(:mod:`toolkit.clauses`) and the ``mentions`` of :mod:`toolkit.actors`:

* **voice**: in "Ukrainian towns were shelled by Russian artillery" the ``by``-agent is the
  source (Russia -> Ukraine); "X received aid from Y" gives Y -> X;
* **claims**: "Moscow said Kyiv had sabotaged the talks" gives two rows: Moscow accuses Kyiv
  (an asserted speech act) and Kyiv sabotages the talks (``alleged``, claimant Moscow);
* **warnings**: "warned of consequences" is a threat, "warned against" an appeal, "warned X to"
  a demand, "warned that Russia poses a threat" an accusation of Russia;
* **non-events**: a nominal cue that no clause makes an act ("the war in Ukraine") and cues
  inside names ("Institute for the Study of War") give no row;
* **factuality**: ``asserted``, ``alleged``, ``denied``, ``negated``, ``conditional`` (with
  the condition span), ``future``, ``requested``, ``hypothetical``, ``question``.

Each row carries the ``rule`` that made it ("source:agent.by;target:patient.passive_subject
;act:warn.of_consequences"), and ``main`` marks the sentence's main event (the main clause's
predicate; for a neutral report, the reported event).

Notes:
    CAMEO: Schrodt (2012) codebook 1.1b3; PLOVER: Halterman et al. (2023); passive voice and
    subordinate clauses as in TABARI (Schrodt 2009).
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from . import _yaml
from . import clauses as cl
from . import event_nominals as _event_nominals
from . import event_senses as _event_senses
from . import event_targets as _event_targets
from .annotator import Annotator
from .config import LEXICON_DIR
from . import speakers as _speakers
from .tokenize import column_list, iter_rows

RULES_FILE = LEXICON_DIR / "events.yaml"
COLUMNS = ["doc_id", "sent_id", "start", "end", "text", "event_id", "source_actor", "source_person",
           "source_sector", "source_text", "source_start", "source_end", "act", "cameo", "root",
           "quad_class", "target_actor", "target_text", "target_start", "target_end", "factuality",
           "claimant_actor", "claimant_text", "claimant_start", "claimant_end", "condition", "condition_start", "condition_end", "cue", "cue_text", "cue_start",
           "cue_end", "main", "rule", "source"]
# Column types for toolkit.schemas (text large_string, offsets int64 and nullable, flags bool).
SCHEMA_TYPES = {**dict.fromkeys(["sent_id", "start", "end", "event_id", "source_start", "source_end",
                                 "target_start", "target_end", "claimant_start", "claimant_end",
                                 "condition_start", "condition_end", "cue_start", "cue_end"], "int64"),
                "main": "bool"}
FACTUALITY = ("asserted", "alleged", "denied", "negated", "conditional", "future", "requested",
              "hypothetical", "question")
CONFLICT = ("verbal_conflict", "material_conflict")
# "his administration", "their forces": the possessor is the actor (resolved as the pronoun is).
# "its" is an organisation or state, never a group of people (as speakers.antecedent reads it):
# "Russian troops shelled the town. Its mayor ..." is not Russia's mayor.
_POSSESSIVES = {"his": "person", "her": "person", "their": "group", "its": "org"}
_PLURAL = frozenset({"they", "them", "their"})
_PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person", "they": "group",
             "it": "group", "them": "group", "we": "self", "i": "self", "us": "self", "our": "self"}


@dataclass(frozen=True)
class Rules:
    """The data of ``events.yaml``."""

    act_classes: dict
    lemma_classes: dict
    warn_lemmas: frozenset
    threat_objects: frozenset
    appeal_preps: frozenset
    threat_cues: frozenset
    converse: frozenset
    light: frozenset
    denial: frozenset
    cognitive: frozenset
    directive: frozenset
    neutral: frozenset
    act_objects: frozenset
    recipient: frozenset
    request_nouns: frozenset
    opposing: frozenset
    version: str
    place_preps: frozenset = frozenset()
    place_span: int = 12
    purpose_acts: frozenset = frozenset()
    purpose_verbs: frozenset = frozenset()
    purpose_span: int = 12
    claimed_objects: frozenset = frozenset()
    asking_verbs: frozenset = frozenset()
    visit_verbs: frozenset = frozenset()
    visitors: frozenset = frozenset()
    visit_preps: frozenset = frozenset()
    writer_formulas: frozenset = frozenset()   # (word before, cue word) pairs, lower-cased
    affiliation_verbs: frozenset = frozenset()
    parse_min_actors: int = 2     # sentences with no cue are parsed from this many actor mentions
    yield_verbs: frozenset = frozenset()
    demand_nouns: frozenset = frozenset()
    copular: frozenset = frozenset()
    responsible_for: frozenset = frozenset()
    ready_adjectives: frozenset = frozenset()
    implied_state_acts: frozenset = frozenset()
    implied_state_preps: frozenset = frozenset()
    quantity_heads: frozenset = frozenset()
    rebel_support_acts: frozenset = frozenset()
    rebel_support_sectors: frozenset = frozenset()
    responsible_preps: frozenset = frozenset()
    modifier_bodies: frozenset = frozenset()
    joint_acts: frozenset = frozenset()
    phrasal_acts: dict = field(default_factory=dict)   # "push back" -> CAMEO code
    object_acts: dict = field(default_factory=dict)   # "recognise" -> CAMEO code, when its object is a party
    object_time_words: frozenset = frozenset()   # "next month" glued after an object_acts object
    object_act_heads: frozenset = frozenset()   # "state": an object headed so is a party ("a Palestinian state")
    consequence_modals: frozenset = frozenset()
    consequence_verbs: frozenset = frozenset()     # word tuples: ("lead", "to"), ("trigger",)
    consequence_objects: frozenset = frozenset()
    consequence_phrases: frozenset = frozenset()   # word tuples: ("pay", "price"), ("not", "go", "unanswered")
    consequence_determiners: frozenset = frozenset()
    consequence_acts: frozenset = frozenset()
    consequence_subjects: frozenset = frozenset()
    protective_verbs: frozenset = frozenset()
    claim_nouns: frozenset = frozenset()
    incursion_nouns: frozenset = frozenset()   # "waters", "airspace": a claimed entry into the speaker's is a charge
    denial_acts: frozenset = frozenset()   # acts answering a claim (target.denial_accuser)
    denial_accuser_acts: frozenset = frozenset()   # rows that blame the denier
    adversary_preps: frozenset = frozenset()
    transfer_objects: dict = field(default_factory=dict)   # "weapon" -> CAMEO code of giving it
    converse_phrases: frozenset = frozenset()   # word pairs: ("take", "delivery")
    force_verbs: dict = field(default_factory=dict)   # "hit" -> CAMEO code, with a weapon/force subject
    force_heads: frozenset = frozenset()
    maker_suffixes: tuple = ()   # "-made": "Iranian-made drones" names the maker, not who fires
    backer_suffixes: tuple = ()   # "-backed": "Rwanda-backed rebels" names a supporter, not who acts
    reciprocal_acts: frozenset = frozenset()   # act classes that coordinated parties do to each other
    reciprocal_lemmas: frozenset = frozenset()   # cue lemmas of acts done together ("agree", "meet")
    reciprocal_marked: frozenset = frozenset()   # act classes mutual only when the text says so
    reciprocal_markers: frozenset = frozenset()   # ... by its verb ("traded blame", "exchanged threats")
    receiving: frozenset = frozenset()   # converse verbs whose "from" phrase gives whatever the object
    descriptions: dict = field(default_factory=dict)   # "ministry" -> "organisation" (what it may name)
    collectives: dict = field(default_factory=dict)   # "alliance" -> frozenset of actor codes it names
    lemma_class_roots: dict = field(default_factory=dict)   # "hit" -> ("18", "19", "20"): where its class holds
    reaction_acts: frozenset = frozenset()   # act classes whose description target is the last doer
    reaction_unique: frozenset = frozenset()   # ... only when it is the one party named
    event_nouns: dict = field(default_factory=dict)   # "drill" -> frozenset({"mobilize"}): acts it may name
    pair_determiners: frozenset = frozenset()   # word tuples: ("both",), ("the", "two")
    pair_nouns: frozenset = frozenset()   # "side", "country": "both sides" is the pair named before
    counterpart_nouns: frozenset = frozenset()   # "its neighbour": the other party (actor.counterpart)
    institution_nouns: frozenset = frozenset()   # "his government": the person's (actor.person_institution)
    reciprocal_phrases: frozenset = frozenset()   # word tuples: ("each", "other")
    description_sentences: int = 2   # how many sentences back "the country", "the regime" look
    reacted_acts: frozenset = frozenset()   # acts whose act-noun object names the last doer (target.reacted_prior)
    claim_group_heads: frozenset = frozenset()   # non-state group heads (actor.claiming_group)
    reacted_blame: frozenset = frozenset()   # nouns naming a criticism a reaction answers (target.reacted_prior)
    reacted_objects: frozenset = frozenset()   # nouns of such objects ("the verdict", "the move")
    reacted_suffixes: tuple = ()   # endings of deverbal nouns ("-tion": "the expulsion")
    traded_objects: dict = field(default_factory=dict)   # "accusation" -> "112" (verb.traded)
    event_doer_skip: frozenset = frozenset()   # main acts "the decision" passes over ("denied the charges")
    addressee_pronoun_verbs: frozenset = frozenset()   # "warned X that it was ...": "it" is X (source.addressee_pronoun)
    topic_preps: frozenset = frozenset()   # "the resolution on Syria and Myanmar": a topic (target.conjunct_topic)
    topic_object_preps: frozenset = frozenset()   # ... only after an object that is no act ("on", "over")
    topic_verbs: frozenset = frozenset()   # "the matter concerns Armenia and Azerbaijan": what it is about
    subnational: frozenset = frozenset()   # "the local government" is no state's
    prepositions: frozenset = frozenset()   # a name after these is no subject ("against Turkey")
    place_prepositions: frozenset = frozenset()   # ... and after these a place ("from the Bahamas")
    interview_verbs: frozenset = frozenset()   # "spoke to CNN", "gave an interview to": the channel
    synonyms: dict = field(default_factory=dict)   # "envoy" -> {"envoy", "ambassador", "emissary"}
    retaliation_acts: frozenset = frozenset()   # act classes a threat of response answers
    pair_third_parties: frozenset = frozenset()   # cue lemmas of a pair acting between others ("mediate")
    responsibility_verbs: frozenset = frozenset()   # "organised", "carried out" by X: X is responsible
    harm_nouns: frozenset = frozenset()   # "explosion", "blast": harms one can be blamed for
    open_words: frozenset = frozenset()   # "it was unclear whether": a report that charges nobody
    open_markers: frozenset = frozenset()   # "whether Iran was behind": an open question
    venue_verbs: frozenset = frozenset()   # "met in Brussels": the place is where, not whom
    status_verbs: frozenset = frozenset()   # "recognised Abkhazia": a contested region is no target
    destination_verbs: dict = field(default_factory=dict)   # "deported refugees to Myanmar": where, not whom
    venue_preps: frozenset = frozenset()
    since_markers: frozenset = frozenset()   # background: "since" + a past act
    sequence_markers: frozenset = frozenset()   # "after", "before" right after a length of time
    durations: frozenset = frozenset()   # "months after", "two years before"
    past_times: frozenset = frozenset()   # "previously", "once": a past time in a relative clause
    past_units: frozenset = frozenset()   # "last year", "years ago": history, not "last week"
    months: frozenset = frozenset()   # "in March": a named month is history
    commissive_verbs: frozenset = frozenset()   # "vow", "pledge": a vow to do a hostile act is a threat
    commitment_threats: frozenset = frozenset()   # act classes whose vow is a threat whatever the cue's quad
    commitment_verbs: frozenset = frozenset()   # "punish", "avenge": a vow to do them is a threat
    promise: dict = field(default_factory=dict)   # act, cameo, quad of a vow to do no hostile act
    welcomed_visits: dict = field(default_factory=dict)   # "welcomed X to Beijing": X visits
    offer_heads: frozenset = frozenset()   # "offer", "ready": the cooperative act after them is an offer
    offer_skip: frozenset = frozenset()    # words between the offer word and its "to" ("again")
    offer_act: dict = field(default_factory=dict)   # act, cameo, quad of an offered act
    proposals: dict = field(default_factory=dict)   # "proposed talks": an offer (CAMEO 036), by object
    resolve_verbs: frozenset = frozenset()   # "vowed to defend": a vow of resolve stays a warning
    sent_objects: dict = field(default_factory=dict)   # "troop" -> CAMEO code of sending it (verb.transfer_object)
    currency_nouns: frozenset = frozenset()   # "Australian dollars" names no party (actor.currency)
    host_verbs: frozenset = frozenset()   # "received President X": hosts a visit (verb.transfer_object, 043)
    naming_verbs: frozenset = frozenset()   # "called X illegal": the namer evaluates X (verb.naming)
    label_praise: frozenset = frozenset()   # words of a quoted label that praise (speech.label_*)
    label_criticism: frozenset = frozenset()   # charge words of a quoted label VADER lacks (speech.label_*)
    reserve_verbs: frozenset = frozenset()   # "reserved the right to respond": a threat (warn.reserved_right)
    reserve_objects: frozenset = frozenset()
    reserve_acts: frozenset = frozenset()   # the responses a reserved right holds out ("to respond")
    intent_nouns: frozenset = frozenset()   # "its threat to suspend": the infinitive is held out (fact.intent_noun)
    ultimatum_verbs: frozenset = frozenset()   # "gave X 48 hours to withdraw" (source.ultimatum_addressee)
    ultimatum_spans: frozenset = frozenset()
    restricted_for: frozenset = frozenset()   # "suspended visa-free travel for X" (target.restricted_for)
    announced_hostile: frozenset = frozenset()   # "threat", "force": disowned, a reassurance (speech.announced_reassurance)
    announced_permission: frozenset = frozenset()   # "allow": negated, a reassurance only with "against"
    announced_holding: frozenset = frozenset()   # "pose", "have", "use": the verb of a disowned hostile noun
    announced_manners: frozenset = frozenset()   # word tuples: "in kind", "firmly": a response that threatens
    announced_warned_only: frozenset = frozenset()   # "meet", "bring": consequence verbs only after "warned that"
    naming_accuse: frozenset = frozenset()   # act classes and cue lemmas whose naming accuses (verb.naming)
    naming_criticize: frozenset = frozenset()   # act classes whose naming criticizes (verb.naming)
    sent_helping: frozenset = frozenset()   # "sent troops to help": help, not force (verb.transfer_object)
    sent_helping_code: str = "074"
    named_only: frozenset = frozenset()   # escalation cues that name a thing, no act ("weapons"): no row


@functools.lru_cache(maxsize=2)
def rules(path: str | None = None) -> Rules:
    """Load ``events.yaml``.

    Example:
        >>> rules().act_classes["112"]
        'accuse'
    """
    d = _yaml.safe_load(Path(path or RULES_FILE).read_text(encoding="utf-8"))
    w = d["warn"]
    fs = lambda xs: frozenset(str(x).lower() for x in xs)
    return Rules({str(k): v for k, v in d["act_classes"].items()}, dict(d["lemma_classes"]),
                 fs(w["lemmas"]), fs(w["threat_objects"]), fs(w["appeal_prepositions"]),
                 fs(w["threat_cues"]), fs(d["converse_verbs"]), fs(d["light_verbs"]),
                 fs(d["denial_classes"]), fs(d["cognitive_classes"]), fs(d["directive_classes"]),
                 fs(d["neutral_classes"]), fs(d.get("act_objects", [])),
                 fs(d.get("recipient_verbs", [])), fs(d.get("request_nouns", [])),
                 fs(d.get("opposing_verbs", [])), str(d["version"]),
                 fs(d.get("place_target", {}).get("prepositions", [])),
                 int(d.get("place_target", {}).get("span", 12)),
                 fs(d.get("purpose_target", {}).get("acts", [])), fs(d.get("purpose_target", {}).get("verbs", [])),
                 int(d.get("purpose_target", {}).get("span", 12)), fs(d.get("claimed_objects", [])),
                 fs(d.get("asking_verbs", [])), fs(d.get("visit", {}).get("verbs", [])),
                 fs(d.get("visit", {}).get("visitors", [])), fs(d.get("visit", {}).get("prepositions", [])),
                 frozenset(tuple(str(w).lower() for w in str(f).split()) for f in d.get("writer_formulas", [])),
                 fs(d.get("affiliation_verbs", [])), int(d.get("parse", {}).get("min_actors", 2)),
                 fs(d.get("yield_to_demands", {}).get("verbs", [])), fs(d.get("yield_to_demands", {}).get("nouns", [])),
                 fs(d.get("copular_verbs", [])), fs(d.get("responsible_for", [])), fs(d.get("ready_adjectives", [])),
                 fs(d.get("implied_state", {}).get("acts", [])), fs(d.get("implied_state", {}).get("prepositions", [])),
                 fs(d.get("quantity_heads", [])), fs(d.get("rebel_support", {}).get("acts", [])),
                 frozenset(str(x) for x in d.get("rebel_support", {}).get("sectors", [])),
                 fs(d.get("responsible_prepositions", [])), fs(d.get("modifier_bodies", [])),
                 fs(d.get("joint_acts", [])), {str(k).lower(): str(v) for k, v in d.get("phrasal_acts", {}).items()},
                 protective_verbs=fs(d.get("protect_from", {}).get("verbs", [])),
                 claim_nouns=fs(d.get("claim_nouns", [])), incursion_nouns=fs(d.get("incursion_nouns", [])),
                 denial_acts=fs(d.get("denial_acts", [])),
                 adversary_preps=fs(d.get("protect_from", {}).get("prepositions", [])),
                 transfer_objects={str(k).lower(): str(v) for k, v in d.get("converse", {}).get("objects", {}).items()},
                 currency_nouns=fs(d.get("currency_nouns", [])),
                 host_verbs=fs(d.get("host_verbs", [])), denial_accuser_acts=fs(d.get("denial_accuser_acts", [])),
                 naming_verbs=fs(d.get("naming_verbs", [])), named_only=fs(d.get("named_only", [])),
                 **_speech_content_rules(d),
                 naming_accuse=fs(d.get("naming_acts", {}).get("accuse_classes", []))
                 | fs(d.get("naming_acts", {}).get("accuse_words", [])),
                 naming_criticize=fs(d.get("naming_acts", {}).get("criticize_classes", [])),
                 sent_helping=fs(d.get("sent_helping", {}).get("words", [])),
                 sent_helping_code=str(d.get("sent_helping", {}).get("code", "074")),
                 sent_objects={str(k).lower(): str(v) for k, v in {**d.get("converse", {}).get("objects", {}),
                                                                   **d.get("sent_objects", {})}.items()},
                 receiving=fs(d.get("converse", {}).get("receiving", [])),
                 force_verbs={str(k).lower(): str(v) for k, v in d.get("force_subject", {}).get("verbs", {}).items()},
                 force_heads=fs(d.get("force_subject", {}).get("heads", [])),
                 maker_suffixes=tuple(str(x).lower() for x in d.get("maker_suffixes", [])),
                 backer_suffixes=tuple(str(x).lower() for x in d.get("backer_suffixes", [])),
                 reciprocal_acts=fs(d.get("reciprocal_acts", [])),
                 reciprocal_lemmas=fs(d.get("reciprocal_lemmas", [])),
                 reciprocal_marked=fs(d.get("reciprocal_marked", {}).get("acts", [])),
                 reciprocal_markers=fs(d.get("reciprocal_marked", {}).get("verbs", [])),
                 converse_phrases=frozenset(tuple(str(x).lower().split()) for x in d.get("converse", {}).get("phrases", [])),
                 descriptions={**{str(x).lower(): str(k) for k, xs in d.get("descriptions", {}).items() for x in xs},
                               **{str(x).lower(): "collective" for x in d.get("collective_descriptions", {})}},
                 collectives={str(k).lower(): frozenset(str(x) for x in v or [])
                              for k, v in d.get("collective_descriptions", {}).items()},
                 lemma_class_roots={str(k).lower(): tuple(str(x) for x in v)
                                    for k, v in d.get("lemma_class_roots", {}).items()},
                 reaction_acts=fs(d.get("reaction_targets", {}).get("prefer", [])),
                 reaction_unique=fs(d.get("reaction_targets", {}).get("unique", [])), event_nouns=_event_nouns(d.get("event_nouns", {})),
                 description_sentences=int(d.get("description_lookup", {}).get("sentences", 2)), **_discourse_fields(d),
                 event_doer_skip=fs(d.get("description_lookup", {}).get("skip_acts", [])),
                 addressee_pronoun_verbs=fs(d.get("addressee_pronoun_verbs", [])),
                 topic_preps=fs(d.get("conjunct_topic", {}).get("prepositions", [])),
                 topic_object_preps=fs(d.get("conjunct_topic", {}).get("object_prepositions", [])),
                 topic_verbs=fs(d.get("conjunct_topic", {}).get("verbs", [])),
                 subnational=fs(d.get("description_lookup", {}).get("subnational", [])),
                 prepositions=fs(d.get("description_lookup", {}).get("prepositions", [])),
                 place_prepositions=fs(d.get("description_lookup", {}).get("place_prepositions", [])),
                 interview_verbs=fs(d.get("interview_verbs", [])),
                 synonyms={str(w).lower(): fs(group) for group in d.get("description_synonyms", []) for w in group},
                 retaliation_acts=fs(d.get("retaliation_targets", {}).get("acts", [])),
                 pair_third_parties=fs(d.get("pair_descriptions", {}).get("third_parties", [])),
                 responsibility_verbs=fs(d.get("responsibility", {}).get("verbs", [])),
                 harm_nouns=fs(d.get("responsibility", {}).get("harms", [])),
                 open_words=fs(d.get("responsibility", {}).get("open_words", [])),
                 open_markers=fs(d.get("responsibility", {}).get("open_markers", [])),
                 venue_verbs=fs(d.get("venue", {}).get("verbs", [])),
                 status_verbs=fs(d.get("status_verbs", [])),
                 destination_verbs={k: fs(v) for k, v in (d.get("destination_verbs") or {}).items()},
                 venue_preps=fs(d.get("venue", {}).get("prepositions", [])),
                 since_markers=fs(d.get("background", {}).get("since", [])),
                 sequence_markers=fs(d.get("background", {}).get("sequence", [])),
                 durations=fs(d.get("background", {}).get("durations", [])),
                 past_times=fs(d.get("background", {}).get("past_times", [])),
                 past_units=fs(d.get("background", {}).get("past_units", [])),
                 months=fs(d.get("background", {}).get("months", [])),
                 commissive_verbs=fs(d.get("commitments", {}).get("verbs", [])),
                 commitment_threats=fs(d.get("commitments", {}).get("threat_acts", [])),
                 commitment_verbs=fs(d.get("commitments", {}).get("threat_verbs", [])),
                 promise={str(k): str(v) for k, v in d.get("commitments", {}).get("promise", {}).items()},
                 **_offer_fields(d),
                 resolve_verbs=fs(d.get("commitments", {}).get("resolve_verbs", [])),
                 **_consequence_rules(w.get("that_consequence", {})))


def _offer_fields(d: dict) -> dict:
    """The :class:`Rules` fields of events.yaml ``offers``, ``welcomed_visits`` and ``object_acts``
    (events 0.19.0)."""
    fs = lambda xs: frozenset(str(x).lower() for x in xs)
    offers = d.get("offers", {})
    return dict(welcomed_visits=_welcomed_visit_rules(d.get("welcomed_visits", {})),
                object_acts={str(k).lower(): str(v) for k, v in d.get("object_acts", {}).items()},
                object_act_heads=fs(d.get("object_act_heads", [])),
                object_time_words=fs(d.get("object_time_words", [])),
                offer_heads=fs(offers.get("heads", [])), offer_skip=fs(offers.get("skip", [])),
                offer_act={str(k): str(v) for k, v in offers.get("act", {}).items()},
                proposals={"verbs": fs(d.get("proposals", {}).get("verbs", [])),
                           "objects": {str(k).lower(): str(v) for k, v in d.get("proposals", {}).get("objects", {}).items()},
                           "third_party": fs(d.get("proposals", {}).get("third_party", []))})


def _discourse_fields(d: dict) -> dict:
    """The :class:`Rules` fields of events.yaml ``reacted_prior``, ``traded_objects`` and
    ``pair_descriptions`` ("both sides", "the two neighbours")."""
    rp, pd_ = d.get("reacted_prior", {}), d.get("pair_descriptions", {})
    return {"pair_determiners": frozenset(tuple(str(x).lower().split()) for x in pd_.get("determiners", [])),
            "pair_nouns": frozenset(str(x).lower() for x in pd_.get("nouns", [])),
            "reciprocal_phrases": frozenset(tuple(str(x).lower().split()) for x in pd_.get("reciprocal", [])),
            "reacted_acts": frozenset(rp.get("acts", [])), "reacted_objects": frozenset(rp.get("nouns", [])),
            "reacted_suffixes": tuple(str(x) for x in rp.get("suffixes", [])),
            "reacted_blame": frozenset(str(x).lower() for x in rp.get("blame_nouns", [])),
            "traded_objects": {str(k).lower(): str(v) for k, v in d.get("traded_objects", {}).items()},
            "claim_group_heads": frozenset(str(x).lower() for x in d.get("claiming_groups", [])),
            "counterpart_nouns": frozenset(str(x).lower() for x in pd_.get("counterpart_nouns", [])),
            "institution_nouns": frozenset(str(x).lower() for x in pd_.get("institution_nouns", []))}


def _event_nouns(d: dict) -> dict[str, frozenset]:
    """``event_nouns`` of events.yaml (act class -> nouns) as noun -> the act classes it may name."""
    out: dict[str, set] = {}
    for act, nouns in d.items():
        for n in nouns or []:
            out.setdefault(str(n).lower(), set()).add(str(act))
    return {k: frozenset(v) for k, v in out.items()}


def _speech_content_rules(d: dict) -> dict:
    """The ``quoted_labels`` and ``reserved_right`` lists of ``events.yaml`` as :class:`Rules`
    keyword arguments (rules speech.label_* and warn.reserved_right)."""
    fs = lambda xs: frozenset(str(x).lower() for x in xs)
    return {"label_praise": fs((d.get("quoted_labels") or {}).get("praise_words", [])),
            "label_criticism": fs((d.get("quoted_labels") or {}).get("criticism_words", [])),
            "reserve_verbs": fs((d.get("reserved_right") or {}).get("verbs", [])),
            "reserve_objects": fs((d.get("reserved_right") or {}).get("objects", [])),
            "reserve_acts": fs((d.get("reserved_right") or {}).get("acts", [])),
            "intent_nouns": fs(d.get("intent_nouns", [])),
            "ultimatum_verbs": fs((d.get("ultimatum") or {}).get("verbs", [])),
            "ultimatum_spans": fs((d.get("ultimatum") or {}).get("spans", [])),
            "restricted_for": fs(d.get("restricted_for", [])),
            "announced_hostile": fs((d.get("announced") or {}).get("hostile", [])),
            "announced_permission": fs((d.get("announced") or {}).get("permission", [])),
            "announced_holding": fs((d.get("announced") or {}).get("holding", [])),
            "announced_manners": frozenset(tuple(str(x).lower().split())
                                           for x in (d.get("announced") or {}).get("response_manners", [])),
            "announced_warned_only": fs((d.get("announced") or {}).get("warned_only_verbs", []))}


def _consequence_rules(d: dict) -> dict:
    """The ``warn.that_consequence`` lists of ``events.yaml`` as :class:`Rules` keyword arguments."""
    fs = lambda xs: frozenset(str(x).lower() for x in xs)
    words = lambda xs: frozenset(tuple(str(x).lower().split()) for x in xs)
    return {"consequence_modals": fs(d.get("modals", [])), "consequence_verbs": words(d.get("verbs", [])),
            "consequence_objects": fs(d.get("objects", [])), "consequence_phrases": words(d.get("phrases", [])),
            "consequence_determiners": fs(d.get("determiners", [])), "consequence_acts": fs(d.get("acts", [])),
            "consequence_subjects": fs(d.get("subjects", []))}


def _welcomed_visit_rules(d: dict) -> dict:
    """events.yaml ``welcomed_visits``: host verbs, place prepositions, the visit's act and CAMEO."""
    if not d:
        return {}
    return {"verbs": frozenset(str(x).lower() for x in d.get("verbs", [])),
            "prepositions": frozenset(str(x).lower() for x in d.get("prepositions", [])),
            "act": str(d.get("act", "visit")), "cameo": str(d.get("cameo", "042")),
            "hosts": frozenset(str(x).lower() for x in d.get("hosts", [])),
            "guest_heads": frozenset(str(x).lower() for x in d.get("guest_heads", [])),
            "gatherings": frozenset(str(x).lower() for x in d.get("gatherings", []))}


@functools.lru_cache(maxsize=1)
def _reporting_classes() -> dict[str, str]:
    from . import lexicon as lexmod

    e = lexmod.load("reporting_verbs").entries
    e = e[e["quotes_only"] != "true"] if "quotes_only" in e else e  # "attack", "hit": speech only in toolkit.quotes
    return {str(k).lower(): str(c) for k, c in zip(e["entry"], e["category"]) if " " not in str(k)}


def act_class(cameo: str, lemma: str, r: Rules | None = None) -> str:
    """The readable act class of a CAMEO code (longest prefix), unless the lemma says otherwise
    (for a lemma listed in ``lemma_class_roots``, only under those CAMEO roots: "hit Russia with
    sanctions" keeps its code's class, sanction).

    Example:
        >>> act_class("1384", "shell"), act_class("130", "warn"), act_class("112", "accuse")
        ('threaten', 'warn', 'accuse')
        >>> act_class("190", "hit"), act_class("163", "hit")
        ('attack', 'sanction')
    """
    r = r or rules()
    if lemma in r.lemma_classes:
        roots = r.lemma_class_roots.get(lemma)
        if roots is None or cameo.startswith(roots):
            return r.lemma_classes[lemma]
    for k in range(len(cameo), 0, -1):
        if cameo[:k] in r.act_classes:
            return r.act_classes[cameo[:k]]
    return "statement"


# ----------------------------------------------------------------------------- candidates
@dataclass
class Arg:
    """A source or target: a chunk of the sentence and how it was found."""

    chunk: cl.Chunk | None
    rule: str


@dataclass
class Event:
    """One event before actors are looked up (token indices into the sentence)."""

    cue: int                      # index into the sentence's cue list
    tok: int                      # the cue's first token
    source: Arg
    target: Arg
    act: str
    act_rule: str
    clause: int
    negated: bool = False
    modality: str = ""
    claimant: cl.Chunk | None = None
    claim_of: int = -1            # index of the speech event reporting this one
    factuality: str = "asserted"
    condition: tuple[int, int] | None = None
    absorbed: bool = False
    extra: list[str] = field(default_factory=list)
    committed: str = ""           # the cue lemma of a vowed threat absorbed into this one (warn.commitment)


@dataclass(frozen=True)
class Cue:
    """An escalation cue located in a sentence's tokens."""

    row: int          # row of the escalation table
    tok: int
    tok_end: int
    lemma: str
    cameo: str
    quad: str
    entry: str


NONEVENT = "nonevent"


def _chunk_of(s: cl.Structure, tok: int) -> cl.Chunk | None:
    return s.chunk_at(tok)


# Prepositions that never introduce the party acted on ("more than 300 people", "as president";
# "fighting alongside Russian forces" names an ally: clauses rule tag.adverb_preposition).
_NEVER_TARGET = frozenset({"than", "as", "like", "despite", "because", "unlike", "whether", "alongside"})


def _target_oblique(obl, *, exclude=("of", "for", "by", "from"), after: int = -1):
    for prep, c in obl:
        if prep not in exclude and prep not in _NEVER_TARGET and c.start > after:
            return c, f"target.prep_{prep}"
    return None, ""


def rule_nonevent_name(s: cl.Structure, cue: Cue, ctx) -> str | None:
    """``nonevent.name``: a cue inside a proper name ("Institute for the Study of War") or the
    attribution formula "according to"."""
    if s.tags[cue.tok] in ("NNP", "NNPS") and cue.tok > 0 and s.tokens[cue.tok][:1].isupper():
        return NONEVENT
    if s.lower[cue.tok] == "according" and cue.tok + 1 < len(s.lower) and s.lower[cue.tok + 1] == "to":
        return NONEVENT
    return None


def rule_nonevent_modifier(s: cl.Structure, cue: Cue, ctx) -> str | None:
    """``nonevent.modifier``: a participle inside a noun phrase ("US-supplied missiles"), or a
    cue that only modifies a head naming a body of troops or a mission ("peacekeeping force",
    events.yaml ``modifier_bodies``)."""
    c = s.chunk_at(cue.tok)
    if c is not None and cue.tok != c.head and (s.tags[cue.tok] in ("VBN", "VBG") or (
            cue.tok_end <= c.head and s.lemma[c.head] in ctx["rules"].modifier_bodies)):
        return NONEVENT
    nxt = cue.tok_end   # "the peacekeeping force" read as a verb and its object
    if s.tags[cue.tok] in ("VBG", "NN", "JJ") and nxt < len(s.tags) and s.tags[nxt].startswith("NN") \
            and s.lemma[nxt] in ctx["rules"].modifier_bodies:
        return NONEVENT
    return None


_COMPLEMENT_OPENERS = frozenset({"as", "a", "an", "'", "\"", "`", "``", "''", "‘", "’", "“", "”"})


def _naming_frame(s: cl.Structure, tok: int, r: Rules) -> tuple[cl.Predicate, cl.Chunk] | None:
    """The naming verb (events.yaml ``naming_verbs``: "called", "described ... as") whose object
    and evaluative complement hold token ``tok``, and the object: "Helsinki called the sanctions
    'illegal'" (the complement an adjective, a quotation, "as" or "a"/"an" right after the
    object; a quotation the chunker joined to the object ends it). None for "called on X",
    "called for", or an object with nothing evaluative after it."""
    n = len(s.lower)
    for g in s.predicates:
        obj = g.patient
        if s.lemma[g.head] not in r.naming_verbs or g.voice != "active" or obj is None or obj.start != g.end \
                or tok < obj.start or tok > obj.end + 6:
            continue
        quote = next((k for k in range(obj.start + 1, obj.end) if s.lower[k] in _COMPLEMENT_OPENERS), -1)
        if quote > 0 and s.tags[quote - 1] in cl.NOUN_TAGS:
            obj = cl.Chunk(obj.start, quote, quote - 1, "np.evaluated")
        nxt = obj.end
        if nxt >= n:
            continue
        opens = s.lower[nxt] in _COMPLEMENT_OPENERS or s.tags[nxt] in ("JJ", "JJR", "JJS") \
            or s.tags[nxt] == "RB" and nxt + 1 < n and s.tags[nxt + 1] == "JJ"   # "politically motivated"
        if opens and not any(obj.end <= q.start <= tok and s.tags[q.head] in cl.FINITE for q in s.predicates):
            return g, obj
    return None


def rule_evaluation(s: cl.Structure, cue: Cue, ctx) -> Event | str | None:
    """``verb.naming``: a cue in the complement of a naming verb ("Helsinki called the sanctions
    'illegal and arbitrary'", "described the strikes as unacceptable") is the namer's
    evaluation of the object (the criticism is Helsinki's, aimed at the object, whose doer
    :meth:`SentenceContext.actor` finds: rule actor.event_doer); a cue inside that object is
    the act evaluated, not an act of the namer (``nonevent.evaluated``).

    Example:
        >>> # "Russia imposed sanctions on Finland. Helsinki described them as illegal." -> FIN criticize RUS
    """
    found = _naming_frame(s, cue.tok, ctx["rules"])
    if found is None:
        return None
    g, obj = found
    if cue.tok < obj.end:
        return NONEVENT
    return Event(cue.row, cue.tok, Arg(g.agent, g.agent_rule), Arg(obj, "target.evaluated_object"),
                 _evaluation_act(cue, ctx["rules"]), "verb.naming", g.clause, g.negated, g.modality)


def _evaluation_act(cue: Cue, r: Rules) -> str:
    """The act of the namer's evaluation (rule verb.naming, events.yaml ``naming_acts``): the
    namer does not do the act its complement names. "accuse" when the complement names a wrong
    of a party ("described the blockade as ethnic cleansing"), "criticize" when it names another
    act of conflict ("called the vote a threat", "an act of war"), "" (the cue's own class) when
    the cue itself evaluates ("illegal", "unacceptable").

    Example:
        >>> # "Seoul called the launch a threat" -> criticize; "... described it as a massacre" -> accuse
    """
    named = act_class(cue.cameo, cue.lemma, r)
    if named in r.naming_accuse or cue.lemma in r.naming_accuse or cue.entry.lower() in r.naming_accuse:
        return "accuse"
    return "criticize" if named in r.naming_criticize else ""


def rule_verb(s: cl.Structure, cue: Cue, ctx) -> Event | str | None:
    """``verb.passive`` / ``verb.active``: the cue is the head of a verb group."""
    p = s.predicate_at(cue.tok)
    if p is None or not (cue.tok <= p.head < max(cue.tok_end, cue.tok + 1)):
        return None
    if s.lower[p.start] == "to" and p.agent is None and p.start > 0 and s.chunk_at(p.start - 1) is not None \
            and s.lemma[p.start - 1] not in ctx["rules"].request_nouns:
        return NONEVENT  # "a fund to fight malaria": a purpose, nobody's act
    if p.voice == "passive":
        src, tgt = Arg(p.agent, p.agent_rule), Arg(p.patient, p.patient_rule)
        act_rule = "verb.passive"
    else:
        src = Arg(p.agent, p.agent_rule)
        if _of_gerund_noun(s, p) and not _has_actor(ctx, p.agent):
            # agent.of_gerund_none: "the conduct and the result of moving troops": the noun the
            # gerund depends on is no doer ("Russia's practice of moving troops" keeps Russia)
            src = Arg(None, "agent.of_gerund_none")
        tgt = Arg(p.patient, p.patient_rule)
        if tgt.chunk is None:
            shifted = _shifted_object(s, p.head)   # "dismissed as baseless the accusations by X"
            tgt = Arg(shifted, "patient.shifted_object") if shifted is not None else tgt
        obl = [o for o in _verb_obliques(s, p, ctx["rules"]) if not _requester_phrase(s, o[1], p)]
        if cue.lemma in ctx["rules"].venue_verbs:
            # target.venue: "NATO met in Brussels", "met at the UN": where they meet is no party
            obl = [o for o in obl if o[0] not in ctx["rules"].venue_preps]
        if cue.cameo[:2] in _FORCE_ROOTS:
            # "fired rockets from Gaza into Israel": where force comes from is no target
            obl = [o for o in obl if o[0] != "from"]
        if tgt.chunk is None:
            # Withdrawing or easing is done from the party that gains (CAMEO 08 yield).
            ex: tuple[str, ...] = ("of", "by", "for") if cue.cameo.startswith("08") else ("of", "by", "from", "for")
            # target.cue_preposition: a preposition the cue's own entry holds ("withdraw from ...
            # bloc": "withdrew from the regional bloc ECOWAS") heads what the act is done to
            ex = tuple(x for x in ex if x not in cue.entry.split())
            c, r = _target_oblique(obl, exclude=ex if cue.quad != "verbal_cooperation" else ("of", "by", "from"))
            if c is None and cue.cameo.startswith("04"):
                c, r = _target_oblique([o for o in p.obliques if cue.lemma not in ctx["rules"].venue_verbs
                                        or o[0] not in ctx["rules"].venue_preps], exclude=("by", "from", "of", "for"))
            tgt = Arg(c, r)
        if tgt.chunk is None or cue.cameo[:2] == "13" and tgt.rule.startswith("target.prep") \
                and not _has_actor(ctx, tgt.chunk):
            inf = _infinitive_after(s, p)   # "threatened to strike American bases in Guam": the bases
            if inf is not None and inf.patient is not None and (tgt.chunk is None or _has_actor(ctx, inf.patient)):
                tgt = Arg(inf.patient, "target.infinitive_object")  # "threatened to attack X"
        act_rule = "verb.active"
        sought = _sought_for(s, tgt.chunk if tgt.rule.startswith("patient.") else None, obl, ctx)
        if sought is not None:   # "issued an arrest warrant for Russia's president": RUS
            return Event(cue.row, cue.tok, src, Arg(sought, "target.sought_for"), "", act_rule, p.clause,
                         p.negated, p.modality)
        if _accused_before_charge(s, p, tgt):
            # the charge's own obliques ("of backing M23 rebels") belong to the alleged act
            ev = Event(cue.row, cue.tok, src, tgt, "", act_rule, p.clause, p.negated, p.modality)
            ev.extra.append("target.accused_before_charge")
            return ev
        better = _actor_oblique(s, obl, tgt.chunk, ctx, p.head, named_act=_names_the_act(s, cue, tgt.chunk))
        if better is not None:
            tgt = better
    return Event(cue.row, cue.tok, src, tgt, "", act_rule, p.clause, p.negated, p.modality)


def _sought_for(s: cl.Structure, c: cl.Chunk | None, obl: list, ctx) -> cl.Chunk | None:
    """Rule ``target.sought_for``: an object of event_targets.yaml ``sought_objects`` ("an
    arrest warrant") is for the one its first "for" phrase names, when that phrase names an
    actor: the act is aimed at that one, not at a party named in a later phrase ("issued an
    arrest warrant for Russia's president over deportations from Ukraine": RUS). None otherwise.

    Example:
        >>> # "The court approved a warrant for a senior Taliban leader": the Taliban
    """
    if c is None or s.lemma[c.head] not in _event_targets.target_rules().sought_objects:
        return None
    got = next((o for prep, o in obl if prep == "for" and o.start > c.head), None)
    return got if got is not None and _has_actor(ctx, got) else None


def _requester_phrase(s: cl.Structure, c: cl.Chunk, p: cl.Predicate) -> bool:
    """Rule ``target.not_requester``: the "from"/"by" phrase of a request noun (event_nominals.yaml
    ``request_nouns``) that is not the verb's object names who asked, not the verb's target
    ("Thailand deported the men despite appeals from the United Nations": no expulsion of the
    UN; "Serbia rejected a request from Moscow" keeps Moscow: the request is what it rejects).

    Example:
        >>> # "began filling the dam despite calls from Hanoi": "Hanoi" is no target of "began"
    """
    k = c.start - 2
    if k < 0 or s.lower[c.start - 1] not in ("from", "by") or s.lemma[k] not in _event_nominals.nominal_rules().request_nouns:
        return False
    return p.patient is None or not p.patient.start <= k < p.patient.end


def _accused_before_charge(s: cl.Structure, p: cl.Predicate, tgt: Arg) -> bool:
    """Rule ``target.accused_before_charge``: an accusation verb's object followed by a gerund
    charge ("accusing its neighbour of backing M23 rebels", "accused peacekeepers of failing to
    protect civilians from M23 rebels", "blamed the protesters for attacking Kosovo police") is
    the one accused, and so the accusation's target, even when it names no actor: the parties in
    the charge are the alleged act's (``claim.accused_of``), not the accusation's, so no oblique
    past the object replaces it. A noun charge ("blamed the explosion of a pipeline on Kyiv")
    or a named "of" phrase ("the government of Belarus") is left to :func:`_actor_oblique`.

    Example:
        >>> # "Mali accused the contractors of arming rebels from Niger": the contractors, not Niger
    """
    obj = tgt.chunk
    if obj is None or obj is not p.patient or tgt.rule != "patient.object" or p.voice != "active" \
            or _reporting_classes().get(s.lemma[p.head]) != "accusatory":
        return False
    of = _charge_of(s, obj.end)
    return 0 <= of < len(s.lower) - 1 and s.tags[of + 1] == "VBG"


def _shifted_object(s: cl.Structure, head: int) -> cl.Chunk | None:
    """Rule ``patient.shifted_object``: the object a verb of naming or judging puts after its
    "as" phrase when it is long ("dismissed as baseless the accusations made by Togo",
    "described as provocative the drills held near its border"): the phrase after the
    adjectives (and, quotation marks) that opens with a determiner or a possessive.

    Example:
        >>> # "Ghana dismissed as baseless the accusations made by Togo": "the accusations"
    """
    k = head + 1
    if k + 2 >= len(s.lower) or s.lower[k] != "as":
        return None
    k += 1
    start = k
    # the judgement: adjectives (the tagger may read "baseless" as a noun), "and", quotation marks
    while k < len(s.lower) and k - start < 5 and (s.tags[k] in ("JJ", "NN", "NNS", "VBN", "RB", "CC", "``", "''")
                                                  or s.lower[k] in ('"', "'", "“", "”")):
        k += 1
    if k == start or k >= len(s.lower) or not any(s.tags[j] in ("JJ", "NN", "NNS", "VBN") for j in range(start, k)):
        return None
    c = s.chunk_at(k)
    if c is None or s.tags[k] not in ("DT", "PRP$") or c.head < k:
        return None
    # the chunker may join the judgement to the phrase ("unfounded the allegations"): its part
    return c if c.start == k else cl.Chunk(k, c.end, c.head, "np.shifted_object")


def _of_gerund_noun(s: cl.Structure, p: cl.Predicate) -> bool:
    """Whether gerund ``p`` follows "of" right after its left-subject chunk ("the result of
    moving troops"): that chunk is the noun the gerund completes, not its subject.

    Example:
        >>> # "The cost of sending troops was high": "The cost" is no agent of "sending"
    """
    c = p.agent
    return c is not None and p.agent_rule.startswith("agent.subject.left") and s.tags[p.head] == "VBG" \
        and p.start > 0 and s.lower[p.start - 1] == "of" and c.end == p.start - 1


def rule_predicative(s: cl.Structure, cue: Cue, ctx) -> Event | str | None:
    """``verb.predicative``: a cue that is the prepositional phrase right after its verb
    ("troops remained on alert"): the verb's subject does the act, as with a verb cue."""
    if cue.tok == 0 or s.tags[cue.tok] != "IN":
        return None
    p = s.predicate_at(cue.tok - 1)
    if p is None or p.head != cue.tok - 1:
        return None
    e = rule_verb(s, replace(cue, tok=p.head), ctx)
    if isinstance(e, Event):
        e.act_rule = "verb.predicative"
        t = e.target.chunk
        if t is not None and cue.tok < t.start <= cue.tok_end:
            e.target = Arg(None, "")  # "on alert" is the act, not its target
    return e


_FORCE_ROOTS = frozenset({"18", "19", "20"})   # CAMEO assault, fight, mass violence
_OVER_OBJECT = ("on", "to", "against", "toward", "towards", "from", "into", "with", "at", "upon", "of")


def _has_actor(ctx, c: cl.Chunk | None) -> bool:
    return c is not None and any(ctx["actor_tok"](k) for k in range(c.start, c.end))


def _phrase_next(s: cl.Structure, end: int, c: cl.Chunk) -> bool:
    """Whether the prepositional phrase of ``c`` starts right at token ``end``, past a quantity
    word ("sanctions on nearly five dozen companies") or a time phrase ("a ceasefire on Monday
    in South Sudan")."""
    w = cl.words()
    if c.start <= end:
        return False
    if all(s.lower[k] in w.quantity_words for k in range(end + 1, c.start)):
        return True
    # a bare time word: "declared a state of siege Sunday in the province"
    j = end + (s.tags[end] == "IN")
    first = j
    while j < c.start - 1 and (s.lower[j] in w.temporal or s.tags[j] == "DT" or
                               (s.lower[j].isdigit() and len(s.lower[j]) == 4)):
        j += 1
    return first < j == c.start - 1 and s.tags[j] in ("IN", "TO")


def _late_recipient(s: cl.Structure, obj: cl.Chunk, verb: int, r: Rules) -> cl.Chunk | None:
    """The "to" phrase of a transfer verb that the parse gave to a relative clause on its object
    or left past the oblique span ("returned a painting that was stolen in 1989 from a gallery
    in Manhattan to the Art Loss Register", "returned skulls that date back to 640 to Peru"):
    the last "to" phrase of the verb's clause and of a relative clause right after the object,
    within 24 tokens of the object. A relative clause counts only when its "to" phrase follows
    another "to" or "from" phrase of it and its own verb is no transfer verb ("returned weapons
    that were sold to Iran" is not a return to Iran)."""
    own = s.clause_of[verb]
    rel = s.clause_of[obj.end] if obj.end < len(s.tags) else own
    if rel != own and not (s.clauses[rel].kind == "relative" and s.clauses[rel].parent == own
                           and not any(q.clause == rel and s.lemma[q.head] in r.recipient for q in s.predicates)):
        rel = own
    # the clause's next verb group ends the search ("delivering on the agenda and thus make a
    # contribution to the work": the contribution's "to" is not the delivery's)
    stop = min((q.start for q in s.predicates if q.start >= obj.end and q.clause == own), default=len(s.tags))
    last: cl.Chunk | None = None
    moved = False   # a "to" or "from" phrase of the relative clause came before
    for c in s.chunks[bisect.bisect_left(s.chunk_starts(), obj.end):]:
        where = s.clause_of[c.start]
        if c.start - obj.end > 24 or c.start > stop or where not in (own, rel):
            break
        prep = s.lower[c.start - 1]
        if prep == "to" and (where == own or moved):
            last = c
        moved = moved or (where == rel != own and prep in ("to", "from"))
    return last


def _names_the_act(s: cl.Structure, cue: Cue, obj: cl.Chunk | None) -> bool:
    """Rule ``target.prep_after_named_act``: the object is the act's own name when a verb +
    noun cue ends on its head ("launched an investigation into X", "opened investigations
    against X", "staged a protest against X"), so the phrase right after it names the party
    acted on, as for ``act_objects`` (events.yaml). Not a name or a phrase with one
    ("expelled Russian diplomats": the diplomats are acted on).

    Example:
        >>> # "German prosecutors launched an investigation into the firm": the firm
    """
    if obj is None or cue.tok_end - cue.tok < 2 or cue.tok_end - 1 != obj.head:
        return False
    return s.tags[obj.head] in ("NN", "NNS") and not any(s.tags[k] in ("NNP", "NNPS") for k in range(obj.start, obj.end))


def _actor_oblique(s: cl.Structure, obl, obj: cl.Chunk | None, ctx, verb: int | None = None, *,
                   named_act: bool = False) -> Arg | None:
    """``target.prep_over_object``: when the object names no actor ("imposed sanctions on X",
    "provided support ... to X", "rejected accusations by X"), the actor in a following
    prepositional phrase is the target, as CAMEO codes the party acted on. ``named_act``: the
    object is the act's own name (:func:`_names_the_act`)."""
    if obj is None or _has_actor(ctx, obj):
        return None
    by = _participle_agent(s, obj) if "by" in s.lower[obj.end:obj.end + 10] else None
    if by is not None and _has_actor(ctx, by):
        return Arg(by, "target.passive_modifier_agent")
    doer = _act_noun_doer(s, obl, obj, ctx)
    if doer is not None:
        return doer
    if s.lemma[obj.head] in ctx["rules"].claimed_objects:
        # "claimed responsibility for the Easter bombings": the act claimed is what was done.
        # ... also after a time phrase ("claimed responsibility on Saturday for the bombing")
        got = [c for prep, c in obl if prep == "for" and (c.start == obj.end + 1 or obj.end + 1 < c.start <= obj.end + 4
               and s.lower[obj.end] in ("on", "late", "early", "last") and not any(
                   s.tags[k].startswith("VB") for k in range(obj.end, c.start)))]
        if got:
            return Arg(got[0], "target.claimed_for")
    if verb is not None and s.lemma[verb] in ctx["rules"].recipient:
        for prep, c in obl:
            if prep == "to" and c.start >= obj.end and c.start - obj.end <= 16:
                return Arg(c, "target.recipient_to")
        late = _late_recipient(s, obj, verb, ctx["rules"])
        if late is not None:
            return Arg(late, "target.recipient_to_late")
    if s.lemma[obj.head] in ctx["rules"].restricted_for:
        # target.restricted_for: "suspended visa-free travel for Georgian officials", "denied
        # access for UN staff": the "for" phrase after a right or access names who loses it
        got = [c for prep, c in obl if prep == "for" and _phrase_next(s, obj.end, c) and _has_actor(ctx, c)]
        if got:
            return Arg(got[0], "target.restricted_for")
    if s.lemma[obj.head] in ctx["rules"].act_objects or s.lemma[obj.head].rstrip("s") in ctx["rules"].act_objects:
        # "declared a state of siege in Katanga", "a suspension of air links with 21 countries":
        # an "of" phrase completes the act's name and is skipped.
        # An "of" phrase headed by a named actor is the party acted on ("lifts the blockade of
        # Qatar in a breakthrough agreement") unless a later phrase names one ("sanctions of the
        # EU on Russia").
        end = obj.end
        named_of = None
        for prep, c in obl:
            if c.start < obj.end:
                continue
            next_to = _phrase_next(s, end, c)
            if prep == "of" and next_to:
                if named_of is None and s.tags[c.head] in ("NNP", "NNPS") and _has_actor(ctx, c):
                    named_of = c
                end = c.end
                continue
            if next_to and prep in _OVER_OBJECT + ("in", "by") and (named_of is None or _has_actor(ctx, c)):
                return Arg(c, f"target.prep_after_act_object_{prep}")
            if next_to and prep == "for" and _has_actor(ctx, c) and (s.lemma[obj.head] in ctx["rules"].sent_objects
                                                                     or s.lemma[obj.head] in _GIVEN_FOR):
                return Arg(c, "target.prep_after_act_object_for")   # "freeze funds for Georgia": whose they are
            break
        if named_of is not None:
            return Arg(named_of, "target.act_object_of")
    for prep, c in obl:
        if c.start >= obj.end and prep in ("in", "during", "amid"):
            break  # "detained suspects in the attack against the convoy of X": past a circumstance
        if c.start >= obj.end and prep in _OVER_OBJECT and _has_actor(ctx, c) and c.start - obj.end <= 8:
            return Arg(c, f"target.prep_over_object_{prep}")
    # "sent a team of experts to Alabama", "$1.2 billion in assistance to Egypt": a named place
    # or body after a directional preposition, when the object names neither.
    end = obj.end
    for prep, c in obl:
        if c.start < obj.end:
            continue
        if prep in ("to", "against", "toward", "towards", "into", "on") \
                and s.tags[c.head] in ("NNP", "NNPS") and c.start - end <= 8:
            return Arg(c, f"target.prep_proper_noun_{prep}")
        if prep in ("of", "in") and _phrase_next(s, end, c) or c.start == end + 1:
            end = c.end   # "the release of $1.2 billion in military assistance to Egypt"
    return _after_named_act(s, obl, obj) if named_act else None


def _act_noun_doer(s: cl.Structure, obl, obj: cl.Chunk, ctx) -> Arg | None:
    """``target.act_object_by``: an object naming an act (events.yaml ``event_nouns``) whose doer
    a "by" phrase names, past the act's own "of"/"on"/"against" phrases, is aimed at that doer:
    "condemned the killing of a Mexican citizen by U.S. border agents" criticizes the United
    States, not the victim's state (CAMEO codes the one criticized as the target).

    Example:
        >>> # "Peru condemned the detention of its sailors by Chilean police" -> "Chilean police"
    """
    if _act_noun(s, obj.head, ctx["rules"]) not in ctx["rules"].event_nouns:
        return None
    end = obj.end
    for prep, c in obl:
        if c.start < obj.end:
            continue
        if not _phrase_next(s, end, c):
            break
        if prep == "by":
            return Arg(c, "target.act_object_by") if _has_actor(ctx, c) else None
        if prep not in ("of", "on", "against", "in", "at"):
            break
        end = c.end
    return None


# Things given whose "for" phrase names their recipient ("freeze funds for Georgia"), besides
# events.yaml sent_objects; not "a bad deal for the American people".
_GIVEN_FOR = frozenset({"support", "help", "investment", "fund", "funding", "loan", "grant", "assistance", "aid"})


# Prepositions that direct a named act at someone ("an investigation into", "a protest against");
# not "with" ("met the challenge with a focus"), "in", "by" or "of".
_NAMED_ACT_PREPS = ("into", "against", "on", "upon", "toward", "towards", "at", "to", "over", "about")


def _that_subject(s: cl.Structure, k: int) -> cl.Chunk | None:
    """The subject of the "that" clause opening at token ``k`` (past a weekday: "optimism
    Wednesday that ..."), not a pronoun nor the subject of a relative clause
    (:func:`_object_gap`): what an attitude or a warning named by a noun is about
    ("voiced concern that North Korea could test a missile": North Korea).

    Example:
        >>> # "Japan voiced concern that North Korea could test a missile": North Korea
    """
    n = len(s.lower)
    if k < n and s.tags[k] == "NNP" and s.lower[k] in cl.words().temporal:
        k += 1
    if k + 1 >= n or s.lower[k] != "that" or s.tags[k] != "IN":
        return None
    for q in s.predicates:
        if s.clauses[q.clause].kind != "complement":
            continue
        subj = q.patient if q.voice == "passive" else q.agent   # "that the timeline could be accelerated"
        if subj is not None and subj.start == k + 1:
            return None if s.tags[subj.head] == "PRP" or _object_gap(s, q) else subj
    return None


def _object_gap(s: cl.Structure, q: cl.Predicate) -> bool:
    """Whether the active verb ``q`` lacks an object it should have: the "that" before it is a
    relative pronoun, not a complementizer ("threats that China called irresponsible", "concern
    that China dismissed", "concern that Egypt says is shared by Jordan"). A gap: no object, and
    an adjective or a verb follows the verb group at once, or nothing does (the clause ends) and
    the verb is neither a progressive nor one mostly used without an object ("concern that Iran
    could retaliate": ``intransitive_verbs`` in clauses.yaml)."""
    if q.voice != "active" or q.patient is not None:
        return False
    n = len(s.tags)
    nxt = s.tags[q.end] if q.end < n else "."
    if nxt in ("JJ", "MD") or nxt in cl.VERB_TAGS:
        return True
    # a progressive at the clause's end is mostly intransitive ("concern that China was expanding")
    return nxt in (".", ",", ":", "CC") and s.tags[q.head] != "VBG" \
        and s.lemma[q.head] not in cl.words().intransitive_verbs


def _after_named_act(s: cl.Structure, obl, obj: cl.Chunk) -> Arg | None:
    """``target.prep_after_named_act_<prep>``: the phrase right after an object that names the
    act (:func:`_names_the_act`), past its "of" phrases, when no phrase names an actor ("opened
    an investigation into the business dealings of the firm"); never a time phrase, nor "at/on
    the request (behest, invitation ...) of X" (``behest_nouns`` in clauses.yaml). Else
    ``target.named_act_complement``: the subject of a "that" clause right after it ("expressed
    optimism that the government's timeline could be accelerated", :func:`_that_subject`)."""
    end = obj.end
    about = _that_subject(s, obj.end)
    if about is not None:
        return Arg(about, "target.named_act_complement")
    for prep, c in obl:
        if c.start < obj.end:
            continue
        if not _phrase_next(s, end, c):
            return None
        if prep == "of":
            end = c.end
            continue
        if prep in ("at", "on", "upon") and s.lower[c.head] in cl.words().behest_nouns \
                and c.end < len(s.lower) and s.lower[c.end] == "of":
            return None   # "at the request of the prosecutor": on whose behalf, not at whom
        if prep in _NAMED_ACT_PREPS and not cl.is_temporal(s.lower, c):
            return Arg(c, f"target.prep_after_named_act_{prep}")
        return None
    return None


_MODIFIER_GAP = frozenset({"of", "and", ","})


def _participle_agent(s: cl.Structure, obj: cl.Chunk) -> cl.Chunk | None:
    """Rule ``target.passive_modifier_agent``: the by-agent of a passive participle that modifies
    the object ("condemned a naval blockade imposed by the United States", "criticised sanctions
    announced by the EU on Moscow", "welcomed the aid provided by Japan"): whoever did what the
    object names is the one the act is aimed at. The participle follows the object, past "of"
    and "and" phrases at most, within eight tokens, and its agent is a "by" phrase."""
    for q in s.predicates:
        if q.start < obj.end:
            continue
        if q.start - obj.end > 8 or q.start != q.head or q.voice != "passive" or q.agent_rule != "agent.by":
            return None
        gap = range(obj.end, q.start)
        if all(s.lower[k] in _MODIFIER_GAP or s.chunk_at(k) is not None for k in gap):
            return q.agent
        return None
    return None


def _infinitive_after(s: cl.Structure, p: cl.Predicate) -> cl.Predicate | None:
    """The infinitive right after ``p`` ("threatened to attack"), also past a time phrase of
    wire copy ("threatened on Wednesday to strike Beirut")."""
    at = p.end
    c = s.chunk_at(at + 1) if at + 1 < len(s.lower) and s.lower[at] in ("on", "in") else None
    if c is not None and c.start == at + 1 and cl.is_temporal(s.lower, c):
        at = c.end
    for q in s.predicates:
        if q.start == at and (s.lower[q.start] == "to" or s.tags[q.head] == "VBG"):
            return q  # or the gerund: "began shelling"
    return None


def _governor(s: cl.Structure, c: cl.Chunk) -> cl.Predicate | None:
    """The predicate whose object (or passive subject) is chunk ``c``; a passive participle right
    after ``c`` first ("criticised sanctions announced by the EU": the sanctions are announced)."""
    got = None
    for p in s.predicates:
        if p.patient is not None and p.patient.start == c.start:
            if p.start == p.head == c.end and p.voice == "passive":
                return p
            got = got or p
    return got


def _noun_target(s: cl.Structure, obl, cue: Cue, r: Rules) -> tuple[cl.Chunk | None, str]:
    """The target phrase after a nominal cue (``obl``: the phrases after its chunk)."""
    # "aid for war victims", "release for a Utah man": cooperation is for its beneficiary. An
    # "of" phrase naming the act's means is not its target ("the deployment of 230 troops to Liberia").
    means = [(p, ch) for p, ch in obl if not (p == "of" and s.lemma[ch.head] in r.act_objects)]
    return _target_oblique(means, exclude=("by", "from", "in") if cue.quad in ("material_cooperation",)
                           else ("by", "from", "for", "in") if cue.quad not in CONFLICT
                           else ("by", "from", "for", "in", "with"))


def rule_noun_predicate(s: cl.Structure, cue: Cue, ctx) -> Event | str | None:
    """``noun.responsible_for``: "Kony and the LRA are responsible for mass killings" - the
    subject of "be responsible for" (events.yaml ``responsible_for``) or of "be behind"
    (``responsible_prepositions``) does the act named after it; ``noun.predicate_nominal``: "The United States remains the largest donor of aid" - the
    subject of a copula (``copular_verbs``) naming an actor does the act its predicate noun names."""
    r = ctx["rules"]
    c = s.chunk_at(cue.tok)
    if c is None or c.start < 2:
        return None
    g, rule, negated = None, "", False
    behind = s.lower[c.start - 1] in r.responsible_preps   # "Iran was behind the attack"
    if behind or s.lower[c.start - 1] == "for" and s.lemma[c.start - 2] in r.responsible_for:
        k = c.start - (2 if behind else 3)
        while k >= 0 and s.tags[k] == "RB":
            negated = negated or s.lower[k] in cl.words().negators   # "Turkey was not behind the bombing"
            k -= 1
        g, rule = s.predicate_at(k), "noun.responsible_for"
    elif cue.tok == c.head:
        g, rule = _governor(s, c), "noun.predicate_nominal"
        if g is not None and s.lemma[g.head] in r.copular and g.voice == "active" and g.agent is not None \
                and not _has_actor(ctx, g.agent) and _names_act(s, g.agent, r):
            rep = _reporter_of(s, g.clause)
            if rep is not None and _has_actor(ctx, rep.agent):   # "KCNA said the missile launch was a warning to Seoul"
                tgt_c, tgt_r = _noun_target(s, cl.obliques(s, c.end - 1, cl.words(), span=10), cue, r)
                return Event(cue.row, cue.tok, Arg(rep.agent, "source.reporter_of_act"), Arg(tgt_c, tgt_r),
                             "", "noun.predicate_act", g.clause, g.negated, g.modality)
        if g is not None and not (s.lemma[g.head] in r.copular and g.voice == "active" and _has_actor(ctx, g.agent)):
            g = None
    if g is None or g.agent is None or s.lemma[g.head] not in r.copular:
        return None
    tgt_c, tgt_r = _noun_target(s, cl.obliques(s, c.end - 1, cl.words(), span=10), cue, r)
    return Event(cue.row, cue.tok, Arg(g.agent, "source.predicate_" + (g.agent_rule or "none")), Arg(tgt_c, tgt_r),
                 "", rule, g.clause, g.negated or negated, g.modality)


def _names_act(s: cl.Structure, c: cl.Chunk, r: Rules) -> bool:
    """Whether noun phrase ``c`` names an act ("the missile launch", "the drills")."""
    h = s.lemma[c.head]
    return h in r.consequence_acts or h in r.act_objects or h.rstrip("s") in r.act_objects


def _reporter_of(s: cl.Structure, clause: int) -> cl.Predicate | None:
    """Rule ``noun.predicate_act``: the reporting predicate whose complement is ``clause``, with
    a subject. "KCNA said the missile launch was a warning to Seoul", "The drills are a message
    to Taipei, Beijing said": an act whose doer the clause does not name is characterised by
    the one who reports it, who owns the warning (a state's outlet speaks for its state)."""
    w = cl.words()
    for p in s.predicates:
        if p.agent is not None and p.voice == "active" and s.lemma[p.head] in w.reporting \
                and clause in _speech_complements(s, p):
            return p
    return None


def rule_noun(s: cl.Structure, cue: Cue, ctx) -> Event | str | None:
    """Nominal cues: ``noun.converse``, ``noun.light_verb``, ``noun.possessive``,
    ``noun.modifier_actor``; otherwise ``nonevent.background`` ("the war in Ukraine")."""
    r = ctx["rules"]
    c = s.chunk_at(cue.tok)
    if c is None:
        return None
    obl = cl.obliques(s, c.end - 1, cl.words(), span=10)
    tgt_c, tgt_r = _noun_target(s, obl, cue, r)
    g = _governor(s, c)
    clause = s.clause_of[cue.tok]
    between = [ch for p, ch in obl if p == "between" and ch.start == c.end + 1]
    if between and g is not None and s.lemma[g.head] in r.light:
        # "a meeting between Biden and Starmer": the two sides of the act (CAMEO codes X -> Y).
        other = [ch for ch in s.chunks if ch.start > between[0].end and s.lower[ch.start - 1] == "and"
                 and ch.start <= between[0].end + 2]
        return Event(cue.row, cue.tok, Arg(between[0], "source.between"),
                     Arg(other[0] if other else None, "target.between_and"), "", "noun.between",
                     g.clause if g is not None else clause, g.negated if g is not None else False,
                     g.modality if g is not None else "")
    if g is not None and s.lemma[g.head] in r.converse and g.voice == "active":
        frm = [ch for prep, ch in obl if prep == "from"]
        if frm:
            return Event(cue.row, cue.tok, Arg(frm[0], "source.from"), Arg(g.agent, "target.converse_subject"),
                         "", "noun.converse", g.clause, g.negated, g.modality)
    if g is not None and s.lemma[g.head] in r.opposing and cue.quad in ("verbal_cooperation", "material_cooperation") \
            and g.head not in ctx.get("cue_toks", ()):  # "sabotaged the talks" is coded by its verb
        # "Moscow derailed the negotiations": the refusal of the cooperation is the act.
        return Event(cue.row, cue.tok, Arg(g.agent, "source.opposing_" + (g.agent_rule or "none")),
                     Arg(tgt_c, tgt_r), "reject", "noun.opposed", g.clause, g.negated, g.modality)
    if g is not None and s.lemma[g.head] in r.light:
        src = Arg(g.agent, "source.light_" + (g.agent_rule or "none"))
        sought = _sought_for(s, c, [o for o in obl + g.obliques if o[1].start >= c.end], ctx)
        if sought is not None:   # "issued an arrest warrant for Russia's president": RUS
            tgt_c, tgt_r = sought, "target.sought_for"
        asked = [ch for p, ch in obl if p == "from" and ch.start == c.end + 1]
        if tgt_c is None and asked and s.lemma[g.head] in r.asking_verbs:
            tgt_c, tgt_r = asked[0], "target.asked_from"  # "seek support from Abbas": asked of Abbas
        if tgt_c is None:
            tgt_c, tgt_r = _target_oblique([o for o in g.obliques if o[1].start >= c.end],
                                           exclude=("by", "from", "of", "for", "in"))
        to = [ch for p, ch in obl + g.obliques if p == "to" and ch.start >= c.end]
        if not _has_actor(ctx, tgt_c) and s.lemma[g.head] in r.recipient and to:
            tgt_c, tgt_r = to[0], "target.recipient_to"
        elif tgt_c is None:  # "condolences for the British people": any phrase naming an actor
            named = [(p, ch) for p, ch in obl if p not in ("by", "of", "in") and _has_actor(ctx, ch)]
            if named:
                tgt_c, tgt_r = named[0][1], f"target.prep_actor_{named[0][0]}"
            elif (about := _that_subject(s, c.end)) is not None:   # "voiced concern that North Korea could ..."
                tgt_c, tgt_r = about, "target.noun_complement"
        elif not _has_actor(ctx, tgt_c):
            alt = [(p, ch) for p, ch in obl + g.obliques if p in _OVER_OBJECT and p != "by" and _has_actor(ctx, ch)
                   and ch.start >= c.end]
            if alt:
                tgt_c, tgt_r = alt[0][1], f"target.prep_actor_{alt[0][0]}"
        if tgt_c is None and _reduced_relative(s, g):
            # "Rockets launched by Hamas hit Israel": the weapon's act lands on the main verb's object
            q = next((q for q in s.predicates if q.start > g.head and q.clause == g.clause and q.voice == "active"
                      and q.agent is not None and q.agent.start == c.start and q.patient is not None), None)
            if q is not None:
                tgt_c, tgt_r = q.patient, "target.main_verb_object"
        if s.lemma[g.head] in r.asking_verbs and cue.quad in ("material_cooperation", "verbal_cooperation"):
            # "sought military aid from Washington": asking for aid is an appeal (CAMEO 02), not aid
            return Event(cue.row, cue.tok, src, Arg(tgt_c, tgt_r), "appeal", "noun.asked", g.clause,
                         g.negated, g.modality)
        return Event(cue.row, cue.tok, src, Arg(tgt_c, tgt_r), "", "noun.light_verb", g.clause,
                     g.negated, g.modality)
    if g is not None and g.voice == "active" and s.lemma[g.head] in r.responsibility_verbs \
            and cue.quad == "material_conflict" and _has_actor(ctx, g.agent) and g.patient is not None \
            and g.patient.start == c.start \
            and s.lower[g.head - 1] not in ("of", "for"):
        # "said Serbia was preparing an attack on Kosovo", "plotted attacks": the planner's act;
        # not a suspicion or charge ("a man suspected of plotting attacks"), nor a writer's word for
        # what is planned ("organizing sham referendums": the evaluation is not the planner's act)
        return Event(cue.row, cue.tok, Arg(g.agent, "source.planner_" + (g.agent_rule or "none")), Arg(tgt_c, tgt_r),
                     "", "noun.planned", g.clause, g.negated, g.modality)
    if any(p.agent is not None and p.agent.start == c.start for p in s.predicates):
        return NONEVENT  # the instrument or the doer of another act ("shelled by Russian artillery")
    if tgt_c is None and c.start > 0 and s.lower[c.start - 1] in r.adversary_preps:
        tgt_c, tgt_r = _protected(s, c, r, tgt_r)
    pos = [k for k in range(c.start, cue.tok) if s.tags[k] == "POS"]
    if pos:
        owner = cl.Chunk(c.start, pos[-1], pos[-1] - 1, "np.possessor")
        return Event(cue.row, cue.tok, Arg(owner, "source.possessor"), Arg(tgt_c, tgt_r), "",
                     "noun.possessive", clause)
    mods = [k for k in range(c.start, cue.tok) if s.tags[k] == "JJ" and ctx["actor_tok"](k)]
    if mods and cue.lemma not in r.joint_acts:   # "the Sudanese truce": where, not who
        m = cl.Chunk(mods[0], mods[0] + 1, mods[0], "np.modifier")
        neg = g is not None and s.lemma[g.head] in cl.words().negating_verbs
        return Event(cue.row, cue.tok, Arg(m, "source.modifier"), Arg(tgt_c, tgt_r), "",
                     "noun.modifier_actor", clause, neg)
    return NONEVENT


def _verb_obliques(s: cl.Structure, p: cl.Predicate, r: Rules) -> list:
    """The phrases after ``p`` that may name its target: not the attacker's "from"/"against"
    phrase of a verb of protection, its own or its infinitive's ("will protect civilians from
    Taliban attacks", "pledged to defend Estonia against Russia": no act toward the Taliban or
    Russia)."""
    if not any(prep in r.adversary_preps for prep, _ in p.obliques):
        return p.obliques
    guard = p.head if s.lemma[p.head] in r.protective_verbs else -1
    if guard < 0:
        inf = _infinitive_after(s, p)
        guard = inf.head if inf is not None and s.lemma[inf.head] in r.protective_verbs else -1
    if guard < 0:
        return p.obliques
    return [(prep, c) for prep, c in p.obliques if not (prep in r.adversary_preps and c.start > guard)]


def _protected(s: cl.Structure, c: cl.Chunk, r: Rules, rule: str) -> tuple[cl.Chunk | None, str]:
    """Rule ``target.protected``: an act named in the "from"/"against" phrase of a verb of
    protection is aimed at what is protected ("vowed to defend its citizens from Hezbollah's
    rockets": the rockets are Hezbollah's attack on the citizens, and the defence is no
    cooperation with Hezbollah)."""
    for p in s.predicates:
        if p.patient is not None and s.lemma[p.head] in r.protective_verbs \
                and any(prep in r.adversary_preps and o.start == c.start for prep, o in p.obliques):
            return p.patient, "target.protected"
    return None, rule


# Rules in precedence order: the first that answers decides (NONEVENT = no row).
ARG_RULES = (rule_nonevent_name, rule_nonevent_modifier, rule_evaluation, rule_verb, rule_noun_predicate, rule_noun, rule_predicative)


def locate(s: cl.Structure, cue: Cue, ctx) -> Event | None:
    """Apply :data:`ARG_RULES` in order; ``None`` when the cue is not an event."""
    for fn in ARG_RULES:
        got = fn(s, cue, ctx)
        if got is NONEVENT:
            return None
        if got is not None:
            return got  # type: ignore[return-value]  # an Event: NONEVENT is the only string
    return None


# ----------------------------------------------------------------------------- reporting frames
def _descendants(s: cl.Structure, cid: int) -> set[int]:
    return {cid, *s.nested(cid)}


def _speech_complements(s: cl.Structure, p: cl.Predicate) -> set[int]:
    """Clauses reported by predicate ``p``: its complement clauses and a postposed report's."""
    out: set[int] = set()
    for c in s.clauses:
        if c.parent == p.clause and c.kind == "complement" and (c.start > p.head or s.clauses[p.clause].kind == "report"):
            out |= _descendants(s, c.cid)
    return out


def link_claims(s: cl.Structure, events: list[Event], cues: list[Cue], ctx) -> None:
    """Reporting frames: set each reported event's claimant and the speech event reporting it.

    ``claim.complement``: events in a complement of a reporting verb are claimed by its agent;
    a pronoun subject there is the claimant (``source.logophoric``: "Netanyahu says he will").
    A participial reporting verb (", signaling ...") passes its claim to the speech event of
    the clause it hangs from ("issued a warning, signaling it will respond").
    """
    w = cl.words()
    by_tok = {e.tok: i for i, e in enumerate(events)}
    for p in s.predicates:
        if s.lemma[p.head] not in w.reporting and s.lemma[p.head] not in w.directive:
            continue
        if _writer_formula(s.lower, p.head):
            continue  # "It is worth noting that X": the writer asserts X, nobody claims it
        inner = _speech_complements(s, p)
        if not inner or _relative_denial(s, p, ctx["rules"]):
            continue
        speech = by_tok.get(p.head, -1)
        if speech < 0 and s.clauses[p.clause].kind == "participial":
            up = [i for i, e in enumerate(events) if e.clause == s.clauses[p.clause].parent and e.tok < p.head]
            speech = up[-1] if up else -1
        claimant = p.agent
        if speech >= 0 and events[speech].source.chunk is not None:
            claimant = events[speech].source.chunk
        speaker = claimant
        owner = _claim_owner(s, p, ctx)   # "rejected Russian claims that ...": Russia claims it
        cls = _reporting_classes().get(s.lemma[p.head], "")
        resumes = _reporter_resumes(s, p, inner)
        for e in events:
            if e.clause in inner and e.claimant is None and e.tok < resumes:
                e.claimant, e.claim_of = (owner or claimant), speech
                e.extra.append("claim.complement" if owner is None else "claim.noun_owner")
                if s.lemma[p.head] in w.directive and _reporting_classes().get(s.lemma[p.head]) != "neutral":
                    e.factuality = "requested"  # "urged X to ..." (not "told reporters ...")
                if cls in ctx["rules"].denial:
                    e.factuality = "denied"
                    _denier_pronoun(s, e, speaker)
                    continue
                elif cls in ctx["rules"].cognitive:
                    e.factuality = "hypothetical"
                ch = e.source.chunk
                if ch is not None and ch.end - ch.start == 1 and s.lower[ch.start] in _PRONOUNS and claimant is not None \
                        and s.tags[ch.start] != "NNP" and not _reported_antecedent(s, ch, inner, ctx):  # not "US"
                    e.source = _addressee_pronoun(s, p, e, ctx) or Arg(claimant, "source.logophoric")
    _link_accusations(s, events, by_tok)


def _relative_denial(s: cl.Structure, p: cl.Predicate, r) -> bool:
    """Rule ``claim.relative_denial``: a denial verb whose subject is a claim noun and a party
    after a comma ("..., a charge Minsk denied") answers what went before; it reports none of
    it. The accusation stays asserted and what it charges stays claimed by the accuser
    (``claim.accused_of``, ``claim.quote``), not by the one who denies it.

    Example:
        >>> # "Baku accused Yerevan of shelling Lachin, a charge Yerevan denied": AZE claims the shelling
    """
    a = p.agent
    if a is None or p.voice != "active" or _reporting_classes().get(s.lemma[p.head], "") not in r.denial \
            or a.start < 1 or s.lower[a.start - 1] not in (",", "--", "-", "\u2014"):
        return False
    k = a.start + 1 if s.tags[a.start] == "DT" else a.start
    return k < a.end and s.lemma[k] in r.claim_nouns


def _addressee_pronoun(s: cl.Structure, p: cl.Predicate, e: Event, ctx) -> Arg | None:
    """Rule ``source.addressee_pronoun``: in what a warning verb (events.yaml
    ``addressee_pronoun_verbs``) tells a named addressee, a pronoun doing something now or in
    the past is the addressee ("Turkey warned Greece that it was violating international law":
    Greece violates), while a future or conditional act stays the warner's own ("warned Israel
    that it would respond": Iran responds, ``source.logophoric``). ``None`` otherwise.

    Example:
        >>> # "Egypt warned Sudan that it had breached the agreement" -> Sudan breached
    """
    ch = e.source.chunk
    if ch is None or s.lemma[p.head] not in ctx["rules"].addressee_pronoun_verbs or p.voice != "active" \
            or p.patient is None or e.modality or s.lower[ch.start] not in ("it", "they") \
            or not _has_actor(ctx, p.patient):
        return None
    return Arg(p.patient, "source.addressee_pronoun")


def _reporter_resumes(s: cl.Structure, p: cl.Predicate, inner: set[int]) -> int:
    """Rule ``claim.reporter_resumes``: the first token of a verb inside ``p``'s complement
    whose subject is ``p``'s own (clauses rule ``subject.coordinated_reporter``: "Algeria said
    the tanker was in open waters and rejected the Moroccan protest"); what follows it is the
    reporter's own act, claimed by nobody. The sentence's length when there is none.

    Example:
        >>> # "Peru said the raid was lawful and dismissed Chile's protest": "dismissed" on
    """
    for q in s.predicates:
        if q.head > p.head and q.clause in inner and q.agent_rule.endswith("coordinated_reporter") \
                and q.agent is not None and p.agent is not None and q.agent.start == p.agent.start:
            return q.start
    return len(s.lower)


def _claim_owner(s: cl.Structure, p: cl.Predicate, ctx) -> cl.Chunk | None:
    """Rule ``claim.noun_owner``: when the reporting verb's object is a claim noun (events.yaml
    ``claim_nouns``) whose complement clause is the report ("Kyiv rejected Russian claims that
    its troops had shelled the plant", "denied reports by Moscow that ..."), the one who claims
    is the noun's owner: its possessor or actor adjective, or its "by"/"from" phrase; ``None``
    when the noun names none (then the verb's subject stays the claimant)."""
    c = p.patient
    if c is None or p.voice != "active" or s.lemma[c.head] not in ctx["rules"].claim_nouns:
        return None
    for k in range(c.start, c.head):
        if ctx["actor_tok"](k) and s.tags[k] not in cl.PRONOUN_TAGS | {"PRP$"}:
            return cl.Chunk(k, k + 1, k, "np.claim_owner")
    for prep, o in p.obliques:
        if o.start == c.end + 1 and prep in ("by", "from") and _has_actor(ctx, o):
            return o
    return None


def _denier_pronoun(s: cl.Structure, e: Event, denier: cl.Chunk | None) -> None:
    """Rule ``source.denier``: in what a party denies, its/their or it/they as the act's doer is
    the denier ("Moscow denied that its forces shelled the plant", "Kyiv rejected Russian claims
    that its troops had shelled the plant": the troops are Ukraine's, whoever claims it)."""
    ch = e.source.chunk
    if ch is None or denier is None or _PRONOUNS.get(s.lower[ch.start]) != "group" \
            and _POSSESSIVES.get(s.lower[ch.start]) not in ("group", "org"):
        return
    if ch.end - ch.start == 1 or s.tags[ch.start] == "PRP$":
        e.source = Arg(denier, "source.denier")


def _reported_antecedent(s: cl.Structure, pron: cl.Chunk, inner: set, ctx) -> bool:
    """Whether "it" or "they" in a reported clause has an antecedent there: the subject or
    object of an earlier predicate of the reported clauses naming an actor ("Borovia could face
    sanctions if it refuses, a League official said": "it" is Borovia, not the League). Then
    the pronoun is resolved as any other (the nearest actor), not given to the claimant."""
    if _PRONOUNS.get(s.lower[pron.start]) != "group":
        return False
    for q in s.predicates:
        if q.head >= pron.start or q.clause not in inner:
            continue
        for c in (q.agent, q.patient):
            if c is not None and c.end <= pron.start and s.tags[c.head] not in cl.PRONOUN_TAGS and _has_actor(ctx, c):
                return True
    return False


def _link_accusations(s: cl.Structure, events: list[Event], by_tok: dict[int, int]) -> None:
    """``claim.accused_of``: in "Moscow accused the West of stoking wars" the stoking is
    the West's act as Moscow claims it (alleged), not Moscow's act."""
    for p in s.predicates:
        if _reporting_classes().get(s.lemma[p.head]) != "accusatory" or p.patient is None or p.voice != "active":
            continue
        speech = by_tok.get(p.head, -1)
        for e in events:
            k = e.tok
            if k <= p.patient.end or e.claimant is not None or s.clause_of[k] != p.clause:
                continue
            of = _charge_of(s, p.patient.end)
            if of >= 0 and k - of <= 3:
                e.source, e.claimant, e.claim_of = Arg(p.patient, "source.accused"), p.agent, speech
                e.extra.append("claim.accused_of")


_CHARGE_DAYS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday
earlier again""".split())


def _charge_of(s: cl.Structure, k: int) -> int:
    """The "of"/"for" that opens the charge after the accused ending at token ``k``, past a
    day ("accused Armenia on Sunday of firing", "accused Kyiv again of ..."); -1 when none."""
    j = k
    if j < len(s.lower) and s.lower[j] == "on" and j + 1 < len(s.lower) and s.lower[j + 1] in _CHARGE_DAYS:
        j += 2
    elif j < len(s.lower) and s.lower[j] in _CHARGE_DAYS:
        j += 1
    return j if j < len(s.lower) and s.lower[j] in ("of", "for") else -1


def resolve_warnings(s: cl.Structure, events: list[Event], cues: list[Cue], ctx) -> None:
    """What a warning is (rules ``warn.*``): a threat, an appeal, a demand, an accusation or a warning."""
    r = ctx["rules"]
    w = cl.words()
    for i, e in enumerate(events):
        cue = cues[e.cue]
        if cue.lemma not in r.warn_lemmas:
            continue
        c = s.chunk_at(e.tok)
        after = c.end - 1 if c is not None and c.start <= e.tok < c.end else e.tok
        obl = cl.obliques(s, after, w, span=8)
        reported = [x for x in events if x.claim_of == i]
        said = _after_modal(s, e, r)
        stated = _that_consequence(s, said, cues, ctx, r)
        gerund = _against_gerund(s, after, r)
        comp = _complement_subject(s, e)
        if any(p in ("of", "about") and s.lemma[ch.head] in r.threat_objects for p, ch in obl) \
                or _quoted_threat_object(s, after, r):
            e.act, e.act_rule = "threaten", "warn.of_consequences"
        elif any(cues[x.cue].entry in r.threat_cues or cues[x.cue].lemma in r.threat_cues
                 or x.act == "threaten" for x in reported
                 if x.source.rule == "source.logophoric" or x.source.chunk is None):
            e.act, e.act_rule = "threaten", "warn.self_response"
            for x in reported:
                if x.source.rule == "source.logophoric" or x.source.chunk is None:
                    x.absorbed = True
                    e.condition = e.condition or x.condition
        elif stated is not None:
            # "warned that any attack would not go unanswered": the warner's threat, conditional on
            # the act, toward the actor who would pay ("warned that Taipei would pay dearly")
            party, modal, cond = stated
            e.act, e.act_rule = "threaten", "warn.that_consequence"
            if party is not None:
                e.target = Arg(party, "target.complement_subject")
            e.condition = e.condition or _reported_condition(s, e) or cond
            for x in reported:
                if x.tok > modal:
                    x.absorbed = True   # "would provoke retaliation" is the threat's content
        elif _future_consequence(s, after, r):
            # "warned Greece it would pay a heavy price", "warned Israel it would respond"
            e.act, e.act_rule = "threaten", "warn.future_consequence"
            for x in reported:
                # "warned India that its army would face consequences": what the addressee would
                # suffer is the threat's content, not an act of the addressee's
                if x.source.rule == "source.logophoric" or x.source.chunk is None or x.act == "unclassified" \
                        or s.lemma[x.tok] in _SUFFER_VERBS:
                    x.absorbed = True
        elif any(p in r.appeal_preps for p, _ in obl) or gerund < 0 and any(
                s.lower[k] in r.appeal_preps for k in range(after + 1, min(len(s.lower), after + 3))):
            # the second test: "warned Taiwan against 'separatist acts'" (the quote splits the chunk)
            e.act, e.act_rule = _against_act(e), "warn.against"
        elif gerund >= 0:
            # "warned Serbia against escalating tensions": a warning at Serbia (was an appeal, CAMEO
            # 02, until events 0.14.0); the act warned against is asked not to happen
            e.act, e.act_rule = _against_act(e), "warn.against"
            for x in events:
                if x.tok == gerund and x.claimant is None:
                    x.factuality, x.claim_of, x.claimant = "requested", i, e.source.chunk
                    x.extra.append("claim.warned_against")
        elif any(s.lower[p.start] == "to" and p.start > e.tok and p.start <= after + 6
                 and not _finite_between(s, after, p.start) for p in s.predicates):
            e.act, e.act_rule = "demand", "warn.directive"
        elif comp is not None and not _mere_outcome(said, r) and s.lemma[comp[0].head] in r.consequence_subjects:
            e.act, e.act_rule = "threaten", "warn.that_consequence"  # "warned that sanctions would follow"
            for x in reported:
                x.absorbed = True
            e.condition = e.condition or _reported_condition(s, e)
        elif comp is not None:
            subj, toks = comp
            conflict = any(cues[x.cue].quad in CONFLICT for x in reported) or any(
                cu.quad in CONFLICT and cu.tok in toks for cu in cues)
            # an accusation needs someone accused: "warned that the plant was one shelling away
            # from disaster" names no actor (a warning statement), "warned that Russia poses a
            # threat" does
            conflict = conflict and (_has_actor(ctx, subj) or s.tags[subj.head] in cl.PRONOUN_TAGS or any(
                _has_actor(ctx, x.source.chunk) for x in reported if cues[x.cue].quad in CONFLICT))
            e.act, e.act_rule = ("accuse", "warn.that_third_party") if conflict else ("statement", "warn.that_statement")
            e.target = Arg(subj, "target.complement_subject")
            for x in reported:
                if x.source.rule != "source.logophoric" and (cues[x.cue].lemma == "threat" or x.act == "unclassified"):
                    x.absorbed = True   # "poses a threat" is the accusation's content, not a threat
        else:
            e.act, e.act_rule = "warn", "warn.plain"


def _own_side_warnings(s: cl.Structure, events: list[Event], actors: list[dict], ctx: SentenceContext,
                       cues: list[Cue]) -> None:
    """``warn.own_side``: a warning to an addressee about a hostile act the warner's own side
    will do ("Erdogan warned Sweden that Turkey would block its bid", "China warned Japan that
    Beijing would respond firmly") is a threat to the addressee (CAMEO 13), not an accusation of
    one's own state. The act must be a conflict cue (CAMEO 10-20), a response (``threat_cues``)
    or a consequence (``that_consequence``) in the complement: "warned the EU that Ukraine would fall without
    more weapons" or "that Ukraine would not give up any territory" is a statement made to the
    addressee, as is a warning with no modal ("warned Sweden that Turkey had lost patience")."""
    for i, e in enumerate(events):
        if not e.act_rule.startswith("warn.that_") or e.target.rule != "target.complement_subject":
            continue
        own = actors[i]["source"].get("actor")
        tc = e.target.chunk
        # "warned the United States that its support for Taiwan would backfire": a possession
        # (_target's target.own_means) names no one the warning is about, unless it is the
        # warner's own side's hostile act (warn.own_possessive)
        p = s.predicate_at(e.tok)
        warners = own is not None and _warners_possessive(s, e, p, actors[i]["target"], ctx, cues)
        owned = tc is not None and s.lower[tc.start] in _POSSESSIVES and s.lemma[tc.head] in rules().act_objects \
            and not warners
        if e.act_rule == "warn.that_statement" and (actors[i]["target"].get("actor") is None or owned):
            # "Moscow warned Berlin that the deliveries would prolong the war": a warning about no
            # one named is made to its addressee (rule target.addressee)
            to, _ = ctx.actor(p.patient if p is not None else None, s, not_actor=own, target=True)
            if to.get("actor") is not None:
                e.target, actors[i]["target"] = Arg(p.patient if p is not None else None, "target.addressee"), to
            continue
        if warners:
            actors[i]["target"] = dict(actors[i]["target"], actor=own)
            e.extra.append("warn.own_possessive")
        if own is None or actors[i]["target"].get("actor") != own:
            continue
        to, _ = ctx.actor(p.patient if p is not None else None, s, not_actor=own, target=True)
        arg = Arg(p.patient if p is not None else None, "target.addressee")
        if to.get("actor") is None and p is not None:
            # no addressee: "warned that Tehran would respond decisively to any Israeli strike"
            arg = _responded_to(s, p, own, ctx)
            to = ctx.actor(arg.chunk, s, not_actor=own, target=True)[0]
        if to.get("actor") is None and p is not None and _hostile_future(s, e, p, cues):
            # "warned that Pyongyang would respond to any provocation": a threat, at no one named
            e.target, actors[i]["target"] = Arg(None, ""), {}
            e.act, e.act_rule = "threaten", "warn.own_side"
        if to.get("actor") is None or to["actor"] == own:
            continue
        e.target, actors[i]["target"] = arg, to
        if _hostile_future(s, e, p, cues):
            e.act, e.act_rule = "threaten", "warn.own_side"
        else:
            e.act, e.act_rule = "statement", "warn.that_statement"


_OWN_WORDS = frozenset({"it", "they", "we", "he", "she", "his", "her", "its", "their", "our"})


def _speech_contents(s: cl.Structure, events: list[Event], actors: list[dict], ctx: SentenceContext,
                     cues: list[Cue], r: Rules) -> None:
    """What a speech act's content makes it: a conditional announcement of the speaker's own act
    (:func:`_announced_conditions`), a quoted label on another party (:func:`_quoted_labels`; a
    label whose party no step finds stays a statement when the row is built)."""
    _announced_conditions(s, events, actors, ctx, cues)
    _announced_acts(s, events, actors, ctx, cues, r)
    _quoted_labels(s, events, actors, ctx, cues)


def _announced_conditions(s: cl.Structure, events: list[Event], actors: list[dict], ctx: SentenceContext,
                          cues: list[Cue]) -> None:
    """``speech.conditional_threat`` / ``speech.conditional_offer``: a speech act that announces
    an act of the speaker's own side to come on a condition ("Vucic said Belgrade would stop
    supplying power if Pristina went ahead", "warned Sweden that Ankara would not approve its
    bid unless ...", "said it would send troops to Niger if the junta refused") is a threat
    (CAMEO 13, PLOVER THREATEN: a conditional promise of harm), or an offer (CAMEO 03) when the
    announced act is cooperative ("said it would lift the sanctions if the prisoners were
    freed"), whatever the verb: the escalation lexicon's announced frame needs a conflict cue.
    The announced clause's subject is the speaker's actor or a pronoun ("it", "his troops"), its
    verb takes "will"/"would" (``warn.that_consequence.modals``), the ``if``/``unless`` clause
    follows it; the speech verb is not negated. An announced act that is already a conflict
    row keeps that row (no second threat). The target is the condition's party
    (:func:`_condition_targets`).

    Example:
        >>> # "Velmar said it would close the border if Orsk refused" -> Velmar threaten Orsk
    """
    modals = rules().consequence_modals
    for i, e in enumerate(events):
        own = actors[i]["source"].get("actor")
        p = s.predicate_at(e.tok)
        if e.absorbed or e.act != "statement" or s.question or own is None or p is None or p.negated \
                or not (s.lemma[e.tok] in _PLAIN_SPEECH or s.lemma[e.tok] in rules().warn_lemmas):
            continue
        cond = _reported_condition(s, e)
        inner = _speech_complements(s, p)
        # the content follows the verb, or comes first in a postposed report ('"Bolivia will
        # not stand idly by if Chile ...," the minister said')
        q = next((q for q in s.predicates if q.clause in inner and (q.head > e.tok or s.clauses[p.clause].kind == "report")
                  and s.clauses[q.clause].kind != "conditional"), None)
        if cond is None or q is None or q.head >= cond[0] or q.agent is None \
                or not any(s.lower[k] in modals for k in range(q.start, q.head)):
            continue
        subj = q.agent
        if s.lemma[q.head] == "be":   # "said it would be a mistake / happy if ...": no act held out
            continue
        mine = s.lower[subj.start] in _OWN_WORDS or ctx.actor(subj, s)[0].get("actor") == own
        announced = [x for x in events if x.claim_of == i and x.tok < cond[0] and not x.absorbed]
        if not mine or any(cues[x.cue].quad in CONFLICT or x.act == "threaten" for x in announced):
            continue
        # "would not sign the accord unless ...": cooperation withheld on a condition is a threat
        coop = [x for x in announced if cues[x.cue].quad in ("verbal_cooperation", "material_cooperation")
                and not x.negated]
        # a threat or offer is made to a party: the addressee, one the condition names, or the
        # one the offered act helps ("said he would resign if the opposition won the vote", "would
        # win the case if the court followed its rulings": no party, a plain statement)
        to = actors[i]["target"].get("actor")
        named = any(cond[0] <= ch.start < cond[1] and ctx.actor(ch, s)[0].get("actor") not in (None, own)
                    for ch in s.chunks)
        # "warned that his troops would enter eastern Congo if the ADF rebels ...", "would not sign
        # the WHO accord unless ...": the announced act's own party when the condition names none
        party = None if named or to not in (None, own) else _announced_party(s, q, cond[0], own, ctx)
        if to in (None, own) and not (coop and coop[0].target.chunk is not None) and not named and party is None:
            continue
        e.act, e.act_rule = ("offer", "speech.conditional_offer") if coop else ("threaten", "speech.conditional_threat")
        e.condition = e.condition or cond
        if party is not None and not coop:
            e.target, actors[i]["target"] = Arg(party, "target.announced_party"), ctx.actor(party, s, target=True)[0]
        if coop and coop[0].target.chunk is not None:   # the offer is made to whom the act would help
            e.target, actors[i]["target"] = coop[0].target, ctx.actor(coop[0].target.chunk, s, target=True)[0]


def _announced_party(s: cl.Structure, q: cl.Predicate, end: int, own: str | None,
                     ctx: SentenceContext) -> cl.Chunk | None:
    """The first phrase of announced predicate ``q`` (from its verb group up to token ``end``,
    in its clause) that names a party other than the speaker's side ``own`` ("would enter
    eastern Congo", "poses no threat to Turkmenistan"); None when it names no one."""
    for ch in s.chunks:
        if q.start <= ch.start < end and s.clause_of[ch.start] == q.clause \
                and ctx.actor(ch, s, not_actor=own, target=True)[0].get("actor") not in (None, own):
            return ch
    return None


def _own_announcement(s: cl.Structure, e: Event, own: str, ctx: SentenceContext) -> cl.Predicate | None:
    """The first predicate of what speech event ``e`` reports (after the verb, or before it in a
    postposed report) when its subject is the speaker's own side: the speaker's actor, or a
    pronoun or possessive ("it", "its new dam"); not in a conditional clause. None otherwise."""
    p = s.predicate_at(e.tok)
    if p is None or p.negated:
        return None
    inner = _speech_complements(s, p)
    q = next((q for q in s.predicates if q.clause in inner and q.head != e.tok
              and (q.head > e.tok or s.clauses[p.clause].kind == "report")
              and s.clauses[q.clause].kind != "conditional"), None)
    if q is None or q.agent is None or q.voice != "active":
        return None
    subj = q.agent
    mine = s.lower[subj.start] in _OWN_WORDS or ctx.actor(subj, s)[0].get("actor") == own
    return q if mine else None


def _announced_consequence(s: cl.Structure, e: Event, own: str, ctx: SentenceContext,
                           r: Rules) -> tuple[cl.Chunk, tuple[int, int]] | None:
    """Rule ``speech.announced_consequence``: a plain speech verb reporting that another party's
    act to come will meet a consequence ("said any Cambodian incursion would be met with
    force", "said any further launches by Pyongyang would draw a firm response") is a veiled
    warning, the threat warn.that_consequence reads after "warned that": the reported subject
    opens on a determiner of a hypothetical act (``that_consequence.determiners``: "any",
    "further"), a future modal follows with no finite verb between, then a consequence
    (:func:`_consequence_words`). Returns the phrase of the subject that names a party other
    than the speaker's (the threat's target) and the subject's span (its condition), or None.

    Example:
        >>> # "Velmar said any Orsk incursion would be met with force" -> Velmar threaten Orsk
    """
    n = len(s.lower)
    k0 = e.tok + (2 if e.tok + 1 < n and s.lower[e.tok + 1] == "that" else 1)
    if k0 >= n or s.lower[k0] not in r.consequence_determiners or s.lower[k0] in ("more", "such"):
        return None
    modal = next((k for k in range(k0 + 1, min(n, k0 + 12)) if s.lower[k] in r.consequence_modals), -1)
    if modal < 0 or any(s.tags[k] in ("MD", "VBD", "VBZ", "VBP") or s.lower[k] in (",", ";", ":") for k in range(k0, modal)):
        return None
    words = _lemmas_after_modal(s, modal)
    if not _consequence_words(words, r):
        return None
    party = next((ch for ch in s.chunks if k0 <= ch.start < modal
                  and ctx.actor(ch, s, not_actor=own, target=True)[0].get("actor") not in (None, own)), None)
    return (party, (k0, modal)) if party is not None else None


_NEGATORS = frozenset({"not", "n't", "never", "no"})
_COOPERATION = frozenset({"verbal_cooperation", "material_cooperation"})


def _announced_acts(s: cl.Structure, events: list[Event], actors: list[dict], ctx: SentenceContext,
                    cues: list[Cue], r: Rules) -> None:
    """What a plain speech act announces of the speaker's own side, with no condition
    (:func:`_announced_conditions` reads those), makes it (events.yaml ``announced``):

    - ``speech.announced_response``: a response to come ("France said ... it would respond in
      kind", '"Quito will respond decisively to any provocation by Lima," the minister said'):
      a response verb (``warn.threat_cues``) or a consequence (``that_consequence``: "would not
      stand idly by") after will/would is a threat (CAMEO 13), aimed at the party responded to;
      "respond" threatens only with a manner (``announced.response_manners``: "in kind",
      "firmly"), an "against" phrase or a hypothetical act ("to any provocation"): "would respond
      to Togo's request" is a statement; the consequence verbs ``announced.warned_only_verbs``
      ("meet", "bring") count only after "warned that" ("would meet Argentina on the conflict");
    - ``speech.announced_reassurance``: a hostile act disowned ("said it posed no threat to
      Armenia", "has no intention of ...", "would not use force against", "would never allow its
      territory to be used against"): a negation before a conflict cue or a hostile word
      (``announced.hostile``) in the announced clause is a reassurance (CAMEO 018 class reassure)
      of the party it names; a negated permission verb (``announced.permission``) reassures only
      with an "against" phrase ("would not tolerate any incursion" is no reassurance).

    The announced clause's subject is the speaker's side (:func:`_own_announcement`), and a
    party other than the speaker's must be named in it (or be the speech act's target), else
    the row stays a statement ("said he would resign", "said it would publish its report",
    "said it had no intention of changing its rate policy"). "No intention of" reassures only
    with a conflict cue or a hostile word in its of-clause ("no intention of invading"; "no
    intention of importing Argentine beef" is a statement). An announced act that is a conflict
    row of its own keeps it.

    Example:
        >>> # "Velmar said it posed no threat to Orsk" -> Velmar reassure Orsk
    """
    for i, e in enumerate(events):
        own = actors[i]["source"].get("actor")
        if e.absorbed or e.act != "statement" or s.question or own is None or s.lemma[e.tok] not in _PLAIN_SPEECH \
                or e.condition is not None:
            continue
        veiled = _announced_consequence(s, e, own, ctx, r)
        if veiled is not None:
            e.act, e.act_rule, e.condition = "threaten", "speech.announced_consequence", veiled[1]
            e.target, actors[i]["target"] = Arg(veiled[0], "target.announced_party"), ctx.actor(veiled[0], s, target=True)[0]
            continue
        q = _own_announcement(s, e, own, ctx)
        if q is None or _reported_condition(s, e) is not None:
            continue
        toks = [k for k in range(q.start, min(len(s.lower), q.end + 14)) if s.clause_of[k] in _descendants(s, q.clause)
                and s.clauses[s.clause_of[k]].kind != "conditional"]
        if not toks:
            continue
        words = ["not" if s.lower[k] in _NEGATORS else s.lemma[k] for k in toks]
        after = words[toks.index(q.head):] if q.head in toks else words
        future = any(s.lower[k] in r.consequence_modals for k in range(q.start, q.head))
        # disowned: a hostile noun the subject holds or uses ("posed no threat", "has no intention
        # of", "would not use force"; not "did not regard this as a threat"), or the announced
        # verb itself as a conflict cue, not in the past ("would not attack"; "did not meddle" denies)
        holds = s.lemma[q.head] in r.announced_holding
        past = s.tags[q.head] == "VBD" or any(s.tags[k] == "VBD" for k in range(q.start, q.head))
        hostile = [j for j, k in enumerate(toks) if words[j] in r.announced_hostile and holds
                   or k == q.head and not past and any(cu.tok == k and cu.quad in CONFLICT for cu in cues)]
        neg = [j for j, w in enumerate(words) if w == "not"]
        perm = next((j for j in range(neg[0], len(words)) if words[j] in r.announced_permission), -1) if neg else -1
        if perm >= 0 and not hostile and "against" in words[perm:]:
            hostile = [words.index("against", perm)]   # "never allow its territory to be used against X"
        act = ""
        helping = any(cu.quad in _COOPERATION and cu.tok in toks for cu in cues)
        if hostile and words[hostile[0]] == "intention" and not _hostile_intention(toks[hostile[0] + 1:], words[hostile[0] + 1:], cues, r):
            hostile = []   # "had no intention of importing beef": nothing hostile disowned
        if neg and hostile and neg[0] < hostile[0] and not (helping and words[hostile[0]] == "intention"):
            # "had no intention of joining the talks" refuses, it reassures no one
            permitting = any(words[j] in r.announced_permission for j in range(neg[0], hostile[0]))
            act = "reassure" if not permitting or "against" in words else ""
        elif future and not neg and (_threatening_response(s.lemma[q.head], after, r)
                                     or _consequence_words(after, r, r.announced_warned_only)):
            act = "threaten"
        elif future and neg and _consequence_words(after, r, r.announced_warned_only):
            act = "threaten"   # "would not stand idly by", "would not go unanswered"
        if not act or any(x.claim_of == i and not x.absorbed and x.act != "unclassified"
                          and cues[x.cue].quad in CONFLICT and not x.negated for x in events):
            continue
        party = _responded_to(s, s.predicate_at(e.tok), own, ctx) if act == "threaten" else Arg(None, "")
        chunk = party.chunk if party.chunk is not None else _announced_party(s, q, toks[-1] + 1, own, ctx)
        if chunk is None and actors[i]["target"].get("actor") in (None, own):
            continue
        e.act, e.act_rule = act, "speech.announced_" + ("response" if act == "threaten" else "reassurance")
        if chunk is not None:
            e.target, actors[i]["target"] = Arg(chunk, "target.announced_party"), ctx.actor(chunk, s, target=True)[0]


def _hostile_intention(toks: list[int], words: list[str], cues: list[Cue], r: Rules) -> bool:
    """Whether the of-clause after a disowned "intention" (its tokens ``toks`` and lemmas
    ``words``) names a hostile act: a conflict cue ("no intention of invading") or a hostile word
    (``announced.hostile``: "no intention of using force")."""
    return any(cu.quad in CONFLICT and cu.tok in toks for cu in cues) or any(w in r.announced_hostile for w in words)


def _threatening_response(head: str, after: list[str], r: Rules) -> bool:
    """Whether an announced verb ``head`` with the lemmas ``after`` it is a threatening response:
    a response verb (``warn.threat_cues``) other than plain "respond", or "respond" with a
    manner (``announced.response_manners``: "in kind", "firmly"), an "against" phrase, or a
    hypothetical act ("respond to any provocation"); "respond to Togo's request" is no threat.

    Example:
        >>> _threatening_response("respond", ["respond", "to", "togo", "'s", "request"], rules())
        False
        >>> _threatening_response("respond", ["respond", "in", "kind"], rules())
        True
    """
    if head not in r.threat_cues:
        return False
    if head != "respond":
        return True
    if any(tuple(after[j:j + len(m)]) == m for m in r.announced_manners for j in range(min(len(after), 8))) \
            or "against" in after:
        return True
    return any(after[j] == "to" and after[j + 1] in r.consequence_determiners for j in range(len(after) - 1))


_CODED_QUADS = frozenset({"verbal_conflict", "material_conflict", "verbal_cooperation", "material_cooperation"})
_QUOTE_MARKS = frozenset({"'", "\"", "`", "``", "''", "‘", "’", "“", "”"})
_LABEL_OPENERS = frozenset({"a", "an", "as", "the"})


def _label_polarity(words: list[str], neutral: str = "criticize") -> str:
    """``criticize`` or ``praise`` for a quoted evaluative label, by the valences the toolkit's
    tone layer reads (VADER's lexicon): a label with a positive word and no negative word or
    negator praises ("a 'constructive' step"); a label with a negative word or a charge word
    (events.yaml ``quoted_labels.criticism_words``: "'untenable'", "'weaponising trade'") is a
    criticism, as wire copy quotes the charge words of a complaint; a label with neither is
    ``neutral``: a criticism after a naming verb ("called her 'a puppet of Washington'": an
    epithet put on a party), ``statement`` after a reported copula ("said the US position was
    'unchanged'": a quoted description, no evaluation).

    Example:
        >>> _label_polarity(["blackmail", "serving", "the", "kremlin"]), _label_polarity(["constructive"])
        ('criticize', 'praise')
        >>> _label_polarity(["unchanged"], neutral="statement"), _label_polarity(["puppet"])
        ('statement', 'criticize')
    """
    from . import _vader
    r = rules()
    vals = [1.0 if w in r.label_praise else -1.0 if w in r.label_criticism else _vader.LEXICON.get(w, 0.0)
            for w in words]
    negator = any(w in ("not", "no", "never", "hardly") for w in words)
    if any(v > 0 for v in vals) and not any(v < 0 for v in vals) and not negator:
        return "praise"
    return "criticize" if any(v < 0 for v in vals) or negator else neutral


def _quoted_label(s: cl.Structure, k: int) -> tuple[int, int] | None:
    """The quoted label that opens at token ``k`` (past "a"/"an"/"as"/"the"): the token span
    inside the quotation marks, at most eight words and no verb of its own clause; None when
    no quotation opens there."""
    n = len(s.lower)
    while k < n and s.lower[k] in _LABEL_OPENERS:
        k += 1
    if k >= n or s.lower[k] not in _QUOTE_MARKS or k + 1 < n and s.tags[k + 1] in ("IN", "TO"):
        return None   # "was 'within normal patterns'": a place in a range, no evaluation
    end = next((j for j in range(k + 1, min(n, k + 10)) if s.lower[j] in _QUOTE_MARKS), -1)
    return (k + 1, end) if end > k + 1 else None


def _quoted_labels(s: cl.Structure, events: list[Event], actors: list[dict], ctx: SentenceContext,
                   cues: list[Cue]) -> None:
    """``speech.label_reported`` / ``speech.label_named``: a speaker who puts a quoted label on
    another party or its conduct evaluates it: "Kyiv said Slovakia's threat was 'blackmail'",
    "said Washington was 'weaponising trade'" (the label right after the copula of the reported
    clause, whose subject names an actor other than the speaker's), "Helsinki termed the
    tariffs 'economic coercion'" (a naming verb, events.yaml ``naming_verbs``, whose quoted
    complement holds no cue: :func:`rule_evaluation` codes those that do). A criticism (CAMEO
    111) unless the label is positive (:func:`_label_polarity`: praise, CAMEO 051), aimed at
    the party named (:func:`_report_targets` aims a reported one). The speech verb's own
    statement or uncoded row only; not the speaker's own side ("said its position was
    'unchanged'") nor a label with no party ("said the talks were 'frank'").

    Example:
        >>> # "Velmar said Orsk's demand was 'blackmail'" -> Velmar criticize Orsk
    """
    r = rules()
    for i, e in enumerate(events):
        own = actors[i]["source"].get("actor")
        if e.act_rule == "verb.naming" and e.act == "statement" and e.target.chunk is not None \
                and actors[i]["target"].get("actor") not in (None, own):
            # "called the drills 'a dangerous escalation'": a complement cue of no class of its own
            e.act = _label_polarity(s.lower[e.target.chunk.end:max(e.tok + 1, cues[e.cue].tok_end)])
            continue
        p = s.predicate_at(e.tok)
        if e.absorbed or e.act not in ("statement", "unclassified") or own is None or p is None or p.negated:
            continue
        lem = s.lemma[e.tok]
        if lem in _PLAIN_SPEECH:
            inner = _speech_complements(s, p)
            q = next((q for q in s.predicates if q.clause in inner and q.head > e.tok), None)
            if q is None or s.lemma[q.head] != "be" or q.agent is None or q.negated:
                continue
            subj, span, rule = q.agent, _quoted_label(s, q.head + 1), "speech.label_reported"
        elif lem in r.naming_verbs or lem.removesuffix("led") in r.naming_verbs or lem[:-1] in r.naming_verbs:
            if p.patient is None or p.head != e.tok:
                continue
            quote = next((k for k in range(p.patient.start + 1, p.patient.end) if s.lower[k] in _QUOTE_MARKS), -1)
            subj = cl.Chunk(p.patient.start, quote, quote - 1, "np.evaluated") if quote > 0 else p.patient
            span, rule = _quoted_label(s, subj.end), "speech.label_named"
        else:
            continue
        if span is None or any(span[0] <= c.tok < span[1] and c.quad in _CODED_QUADS for c in cues):
            continue
        who = ctx.actor(subj, s, target=True)[0]
        if who.get("actor") == own or who.get("actor") is None and rule == "speech.label_reported" \
                and s.lemma[subj.head] not in r.claim_nouns:
            continue
        pol = _label_polarity(s.lower[span[0]:span[1]], "statement" if rule == "speech.label_reported" else "criticize")
        if pol == "statement":   # "said the US position was 'unchanged'": no evaluation
            continue
        e.act, e.act_rule = pol, rule
        if s.lemma[subj.head] in r.claim_nouns:
            # "called the allegation 'absurd'", "said the claims were 'absurd'": a rejection of the
            # claim (CAMEO 12), aimed at its maker (target.denial_accuser)
            e.act = "reject" if e.act == "criticize" else e.act
            e.target, actors[i]["target"] = Arg(subj, "patient.evaluated_claim"), who
        elif rule == "speech.label_named":
            e.target, actors[i]["target"] = Arg(subj, "target.evaluated_object"), who


def _responded_to(s: cl.Structure, p: cl.Predicate, own: str, ctx: SentenceContext) -> Arg:
    """``target.responded_to``: in a warning's complement, the party named in the "to"/"against"
    phrase of a response verb (events.yaml ``warn.threat_cues``: "would respond decisively to any
    Israeli strike", "will retaliate against Kyiv"), someone other than the warner's side
    ``own``; an empty argument when there is none.

    Example:
        >>> # "Iran warned that Tehran would respond to any Israeli strike" -> "any Israeli strike"
    """
    inner = _speech_complements(s, p)
    cues = rules().threat_cues
    for q in s.predicates:
        if q.clause not in inner or q.head <= p.head or s.lemma[q.head] not in cues:
            continue
        for prep, c in q.obliques:
            if prep in ("to", "against") and ctx.actor(c, s, not_actor=own, target=True)[0].get("actor") not in (None, own):
                return Arg(c, "target.responded_to")
    return Arg(None, "")


def _hostile_future(s: cl.Structure, e: Event, p: cl.Predicate | None, cues: list[Cue]) -> bool:
    """Whether the complement of warning ``e`` (predicate ``p``) holds a hostile act to come: a
    conflict cue, a response verb (``threat_cues``) or a consequence (``that_consequence``), with
    a future or hypothetical predicate ("would block", "will respond firmly")."""
    inner = _speech_complements(s, p) if p is not None else set()
    r = rules()
    said = _after_modal(s, e, r)
    hostile = any(cu.quad in CONFLICT and cu.tok > e.tok and s.clause_of[cu.tok] in inner for cu in cues) \
        or any(q.clause in inner and q.head > e.tok and s.lemma[q.head] in r.threat_cues for q in s.predicates) \
        or (said is not None and _consequence_words(said[2], r))
    return hostile and any(q.clause in inner and q.modality in ("future", "hypothetical") for q in s.predicates)


def _warners_possessive(s: cl.Structure, e: Event, p: cl.Predicate | None, tgt: dict, ctx: SentenceContext,
                        cues: list[Cue]) -> bool:
    """Rule ``warn.own_possessive``: in "China warned India that its army would respond firmly"
    the "its" that the pronoun search gives the addressee (the nearest party) is the warner's:
    one warns another of what one's own side will do to it (the hostile act to come of
    :func:`_hostile_future`). What the addressee would suffer ("that its army would face
    consequences", "pay a heavy price") keeps the addressee (``_SUFFER_VERBS``)."""
    c = e.target.chunk
    if p is None or c is None or s.lower[c.start] not in ("its", "their") or p.patient is None \
            or tgt.get("actor") is None:
        return False
    to, _ = ctx.actor(p.patient, s, target=True)
    if to.get("actor") != tgt["actor"]:
        return False
    inner = _speech_complements(s, p)
    if any(q.clause in inner and q.head > e.tok and s.lemma[q.head] in _SUFFER_VERBS for q in s.predicates):
        return False
    return _hostile_future(s, e, p, cues)


_QUOTE_MARKS = frozenset({"'", "\"", "`", "``", "''", "‘", "’", "“", "”"})
_SUFFER_VERBS = frozenset({"pay", "face", "suffer", "bear"})
_CONSEQUENCE_HEADS = frozenset({"pay", "regret"})   # "would pay a price", "will regret it" (threaten cues)
_SELF_PRONOUNS = frozenset({"it", "we", "they", "he", "she", "i"})


def _quoted_threat_object(s: cl.Structure, after: int, r: Rules) -> bool:
    """Whether "of"/"about" after the warning leads, past quotation marks and modifiers, to a
    consequence (``warn.of_consequences``: "warned X of 'serious consequences'", "of a
    'merciless' response"), which the chunker splits at the quotation mark."""
    n = len(s.tags)
    for k in range(after + 1, min(n, after + 6)):
        if s.lower[k] in ("of", "about"):
            for j in range(k + 1, min(n, k + 6)):
                if s.lemma[j] in r.threat_objects:
                    return True
                if s.tags[j] in ("IN", "TO", ".") or s.tags[j].startswith("VB"):
                    return False
            return False
    return False


def _that_consequence(s: cl.Structure, found: tuple[int, int, list[str]] | None, cues: list[Cue], ctx,
                      r: Rules) -> tuple[cl.Chunk | None, int, tuple[int, int] | None] | None:
    """Rule ``warn.that_consequence``: "that", the reported subject, a future modal, then a
    consequence (``consequence_phrases`` such as "pay dearly", "not go unanswered", or one of
    ``consequence_verbs`` followed by one of ``consequence_objects``: "would trigger a strong
    response"). The subject must name an actor (who would pay) or an act ("sending troops", "any
    attack"): "prices would rise" or "the ceasefire could collapse" state, they do not threaten.
    Returns the chunk of the actor the subject names before any preposition (None if it names
    none), the modal's token and, when the subject is an act, its span (the threat's condition).
    ``found`` is :func:`_after_modal`'s answer for the warning.

    Example:
        "Beijing warned that Taipei would pay dearly" gives Taipei's chunk and the token of "would".
    """
    if found is None or not _consequence_words(found[2], r):
        return None
    that, modal, _ = found
    head = next((k for k in range(that + 1, modal) if s.tags[k] in ("IN", "TO")), modal)
    actor = next((k for k in range(that + 1, head) if ctx["actor_tok"](k)), -1)
    is_act = s.tags[that + 1] == "VBG" or s.lower[that + 1] in r.consequence_determiners \
        or any(s.lemma[k] in r.act_objects or s.lemma[k] in r.consequence_acts for k in range(that + 1, head)) \
        or any(that < cu.tok < head for cu in cues)
    if actor < 0 and not is_act:
        return None
    return (s.chunk_at(actor) if actor >= 0 else None), modal, ((that + 1, modal) if is_act else None)


def _lemmas_after_modal(s: cl.Structure, modal: int) -> list[str]:
    """The lemmas of up to 11 tokens after ``modal``, up to the clause's punctuation, negations
    as "not": what an announced consequence says ("would be met with force").

    Example:
        >>> # "... any incursion would not be tolerated" -> ["be", "not", "tolerate"]
    """
    words: list[str] = []
    for k in range(modal + 1, min(len(s.lower), modal + 12)):
        if s.lower[k] in (";", ".", ",", ":"):
            break
        words.append("not" if s.lower[k] in ("n't", "not", "never") else s.lemma[k])
    return words


def _after_modal(s: cl.Structure, e: Event, r: Rules) -> tuple[int, int, list[str]] | None:
    """For "warned (X) that <subject> would/will ...": the tokens of "that" and of the modal, and
    the lemmas after the modal up to the clause's punctuation (negations as "not")."""
    n = len(s.lower)
    that = next((k for k in range(e.tok + 1, min(n, e.tok + 8)) if s.lower[k] == "that"), -1)
    if that < 0 or not r.consequence_modals:
        return None
    modal = next((k for k in range(that + 2, min(n, that + 10)) if s.lower[k] in r.consequence_modals), -1)
    if modal < 0 or any(s.tags[k] in ("MD", "VBD", "VBZ", "VBP") or s.lower[k] in (",", ";", ":", "that")
                        for k in range(that + 1, modal)):
        return None
    words = _lemmas_after_modal(s, modal)
    return that, modal, words


def _mere_outcome(found: tuple[int, int, list[str]] | None, r: Rules) -> bool:
    """Whether "warned that <subject> would" (``found``, :func:`_after_modal`'s answer) goes on to
    a consequence verb with no consequence after it: "warned that the sanctions would lead to
    higher energy prices" states an outcome, though its subject is a penalty ("warned that
    sanctions would follow" threatens)."""
    return found is not None and not _consequence_words(found[2], r) \
        and any(_match_in_order(found[2], v) >= 0 for v in r.consequence_verbs)


def _consequence_words(words: list[str], r: Rules, skip: frozenset = frozenset()) -> bool:
    """Whether the words after a future modal (lemmas, negations as "not") open on a consequence:
    a phrase whose words come in order with at most two modifiers between them ("pay a heavy
    price"), or an unnegated consequence verb (not one opening on a word of ``skip``) with a
    consequence object within five words."""
    if any(_match_in_order(words, p) >= 0 for p in r.consequence_phrases):
        return True
    for v in r.consequence_verbs:
        if v[0] in skip:
            continue
        end = _match_in_order(words, v)
        if end >= 0 and "not" not in words[:end] \
                and any(w in r.consequence_objects for w in words[end + 1:end + 6]):
            return True
    return False


def _match_in_order(words: list[str], phrase: tuple[str, ...]) -> int:
    """The index of the last word of ``phrase`` found in order in ``words``, the first within
    three words of the start and each next within three of the previous (-1 if absent)."""
    at = -1
    for w in phrase:
        nxt = next((j for j in range(at + 1, min(len(words), at + 4)) if words[j] == w), -1)
        if nxt < 0:
            return -1
        at = nxt
    return at


def _future_consequence(s: cl.Structure, after: int, r: Rules) -> bool:
    """Rule ``warn.future_consequence``: after the warning a future modal then either a verb of
    suffering with a consequence ("it would pay a heavy price", "will face consequences") or,
    with a pronoun subject, a response verb ("it would respond forcefully")."""
    n = len(s.tags)
    for k in range(after + 1, min(n, after + 10)):
        if s.lower[k] in (";", ".") or s.lemma[k] in r.warn_lemmas:
            return False
        if s.lower[k] not in r.consequence_modals:   # the one list of future modals (events.yaml)
            continue
        verbs = [j for j in range(k + 1, min(n, k + 4)) if s.tags[j].startswith("VB")]
        if not verbs:
            return False
        v = verbs[0]
        if s.lemma[v] in _SUFFER_VERBS:
            return any(s.lemma[j] in r.threat_objects for j in range(v + 1, min(n, v + 6)))
        return s.lemma[v] in r.threat_cues and s.lower[k - 1] in _SELF_PRONOUNS
    return False


def _claimant_threats(s: cl.Structure, events: list[Event], cues: list[Cue], r: Rules) -> None:
    """Rule ``claim.conditional_threat``: a reported penalty that will follow a condition is the
    reporter's threat. "Borovia could face new sanctions if it refuses, a League official said"
    and "Sanctions will be imposed on Iran if it enriches uranium, the EU said" are the
    League's and the EU's threats toward Borovia and Iran; the one who would suffer ("face",
    "pay") is the target, not the source. Needs a claimant in the sentence and a condition or
    a future; an agentless penalty reported by no one keeps its empty source."""
    for e in events:
        if e.claimant is None:
            continue
        head = s.lemma[e.tok]
        obj = e.target.chunk
        suffers = head in _SUFFER_VERBS and obj is not None and s.lemma[obj.head] in r.threat_objects
        if e.act == "threaten" and e.source.chunk is not None \
                and any(w in _CONSEQUENCE_HEADS for w in s.lemma[cues[e.cue].tok:cues[e.cue].tok_end]) \
                and e.source.chunk is not e.claimant and e.source.rule.startswith("agent.subject"):
            # rule claim.consequence_threat: "Moscow said Helsinki would pay a heavy price": the
            # one who would pay is threatened by the speaker (escalation 1.27.0 codes the phrase)
            if 0 <= e.claim_of < len(events) and events[e.claim_of].act == "threaten":
                e.absorbed = True   # "warned that Israel would pay a heavy price": the warning is the threat
                continue
            e.target = Arg(e.source.chunk, "target.sufferer")
            e.source = Arg(e.claimant, "source.claimant")
            e.act_rule = "claim.consequence_threat"
            continue
        if e.condition is None and e.modality != "future":
            continue
        agentless = e.source.chunk is None and "passive_none" in e.source.rule \
            and cues[e.cue].quad == "material_conflict"
        if suffers:
            e.target = Arg(e.source.chunk, "target.sufferer")
        elif not agentless:
            continue
        e.source = Arg(e.claimant, "source.claimant")
        e.act, e.act_rule = "threaten", "claim.conditional_threat"
    _existential_threats(s, events, r)


def _existential_threats(s: cl.Structure, events: list[Event], r: Rules) -> None:
    """Rule ``claim.existential_consequence``: "there will be consequences" (a future modal, "be"
    and one of ``warn.that_consequence.objects`` within three words; not negated) in what a party
    says is that party's threat (CAMEO 13), aimed at the subject of an "if"/"unless" clause when
    one names an actor (``target.condition_subject``), else at the statement's own target:
    '"If Tirana continues down this path, there will be consequences," Serbia's foreign
    minister said' is SRB threaten ALB.

    Example:
        >>> # '"There will be a response if Baku attacks," Armenia said' -> ARM threaten AZE
    """
    n = len(s.lower)
    found = any(s.lower[k] == "there" and s.lower[k + 1] in r.consequence_modals and s.lower[k + 2] == "be"
                and any(s.lemma[m] in r.consequence_objects for m in range(k + 3, min(n, k + 6)))
                for k in range(n - 3))
    if not found:
        return
    speech = _reporting_classes()
    cond = next((k for k in range(n - 1) if s.lower[k] in ("if", "unless")), -1)
    subj = s.chunk_at(cond + 1) if cond >= 0 else None
    for e in events:
        if e.act != "statement" or s.lemma[e.tok] not in speech or e.negated:
            continue
        e.act, e.act_rule = "threaten", "claim.existential_consequence"
        if subj is not None and subj.start == cond + 1 and any(ch.start == subj.start for ch in s.chunks):
            e.target = Arg(subj, "target.condition_subject")


def _conditional_responses(s: cl.Structure, events: list[Event], cues: list[Cue], r: Rules, rctx: dict) -> None:
    """Rule ``cond.conflict_threat``: force or a penalty promised on a condition is a threat, not
    an attack (CAMEO 13). "Should Baku attack again, Armenia would launch strikes" is Armenia's
    threat, aimed (when the consequent names no target, or only the act: "impose sanctions") at
    the antecedent's subject (``target.condition_subject``). Only a consequent whose subject
    names an actor or is a pronoun ("millions of people killed" promises nothing), outside a
    question; a reported one is :func:`_claimant_threats`'s.

    Example:
        >>> # "If Iran attacks, Israel will strike back": Israel threatens Iran (conditional)
    """
    for e in events:
        if e.condition is None or e.claimant is not None or cues[e.cue].quad != "material_conflict" \
                or e.act == "threaten" or s.question:
            continue
        src = e.source.chunk   # an actor or a pronoun promises: not "millions of people killed"
        if src is None or not (_has_actor(rctx, src) or src.end - src.start == 1 and s.lower[src.start] in _PRONOUNS):
            continue
        e.act, e.act_rule = "threaten", "cond.conflict_threat"
        t = e.target.chunk
        if t is None or s.lemma[t.head] in r.act_objects:   # "will impose sanctions": on whom?
            a, b = e.condition
            subj = next((p.agent for p in s.predicates if a <= p.head < b and p.agent is not None
                         and a <= p.agent.start), None)
            if subj is not None:
                e.target = Arg(subj, "target.condition_subject")


def _commitments(s: cl.Structure, events: list[Event], cues: list[Cue], r: Rules, rctx: dict) -> None:
    """Rule ``warn.commitment``: a vow or pledge (events.yaml ``commissive_verbs``) to do a hostile
    act is a threat (CAMEO 13), aimed at that act's target when it names none itself: "Ecuador
    vowed to expel the Mexican ambassador" is ECU threaten MEX (asserted) and the expulsion
    future. When the vowed act is itself a threat ("vowed to retaliate against X"), the two rows
    are one: the vow stays, its complement is absorbed. A vow of harm with no cue of its own
    (``threat_verbs``: "pledged to punish Israel") is a threat at the verb's object; a vow whose
    reporting class made it a warning ("vowed to help rebuild Yemen") to do no hostile act is a
    promise (``promise``: CAMEO 030)."""
    for e in events:
        cue = cues[e.cue]
        p = s.predicate_at(e.tok)
        if cue.lemma not in r.commissive_verbs or p is None or p.head != e.tok or e.act == "threaten":
            continue
        inf = _infinitive_after(s, p)
        if inf is None or s.lower[inf.start] != "to":
            continue
        nxt = _infinitive_after(s, inf)   # "vowed to keep attacking ships": the gerund's act
        inner = [x for x in events if x is not e and any(q.start <= x.tok <= q.head or q.patient is not None
                                                         and q.patient.start <= x.tok < q.patient.end
                                                         for q in (inf, nxt) if q is not None)]
        harm = next((q for q in (inf, nxt) if q is not None and s.lemma[q.head] in r.commitment_verbs), None)
        if harm is not None and not inner:
            e.act, e.act_rule = "threaten", "warn.commitment"
            if not _has_actor(rctx, e.target.chunk) and _has_actor(rctx, harm.patient):
                e.target = Arg(harm.patient, "target.committed_act")
            continue
        q = s.predicate_at(inner[0].tok) if inner else None
        if not inner or cues[inner[0].cue].quad not in CONFLICT and inner[0].act not in r.commitment_threats \
                or q is not None and q.end < len(s.lower) and s.lower[q.end] in ("for", "with"):
            # "promised to fight for them", "vowed to fight with them": on their side
            if e.act == "warn" and e.act_rule == "speech.reporting_verb" and r.promise \
                    and s.lemma[inf.head] not in r.resolve_verbs:
                e.act = r.promise["act"]
                cues[e.cue] = replace(cue, cameo=r.promise["cameo"], quad=r.promise["quad"])
            continue
        x = inner[0]
        e.act, e.act_rule = "threaten", "warn.commitment"
        if not _has_actor(rctx, e.target.chunk) and _has_actor(rctx, x.target.chunk):
            e.target = Arg(x.target.chunk, "target.committed_act")
        if x.act == "threaten":
            x.absorbed, e.committed = True, cues[x.cue].lemma   # "vowed to retaliate": one threat, not two


def _agreed_acts(s: cl.Structure, events: list[Event], cues: list[Cue], rctx: dict) -> None:
    """Rule ``agree.content``: what parties agree to do is the content of the agreement, not an
    act of its own ("Kenya and Ethiopia agreed to reopen the crossing" is one agreement, CAMEO
    057 / PLOVER AGREE): a cooperative act in the infinitive after "agree" that names no party of
    its own, or only the agreeing parties themselves ("agreed to resume talks"), is absorbed into
    the agreement row. An act that names another party keeps its row ("agreed to release
    Palestinian prisoners"), and so does a hostile one ("agreed to impose sanctions").

    Example:
        >>> # "Laos and Vietnam agreed to build a railway": LAO agree VNM, VNM agree LAO; no build row
    """
    for e in events:
        p = s.predicate_at(e.tok)
        if e.act != "agree" or cues[e.cue].lemma != "agree" or p is None or p.head != e.tok:
            continue
        inf = _infinitive_after(s, p)
        if inf is None or s.lower[inf.start] != "to":
            continue
        for x in events:
            inside = inf.start <= x.tok <= inf.head or inf.patient is not None and inf.patient.start <= x.tok < inf.patient.end
            if x is not e and inside and cues[x.cue].quad not in CONFLICT \
                    and (x.target.rule == "target.reciprocal" or not _has_actor(rctx, x.target.chunk)):
                x.absorbed = True


def _offer_head(s: cl.Structure, x: Event, r: Rules) -> cl.Predicate | None:
    """The infinitive that holds event ``x`` when an offer word (events.yaml ``offers.heads``:
    "offered", "ready", "willing") governs it: "Oman offered to host talks", "said it was ready to
    meet"; the verb's own infinitive, or the one whose object names the act ("to send troops")."""
    q = s.predicate_at(x.tok)
    if q is None or q.head != x.tok:
        q = next((p for p in s.predicates if p.patient is not None
                  and p.patient.start <= x.tok < p.patient.end), None)
    if q is None or s.lower[q.start] != "to" or q.start == 0:
        return None
    k = q.start - 1
    if s.lower[k] in r.offer_skip and k > 0:
        k -= 1   # "offered on Monday to host": a time word or adverb between
    return q if s.lemma[k] in r.offer_heads or s.lower[k] in r.offer_heads else None


def _offered_acts(s: cl.Structure, events: list[Event], cues: list[Cue], r: Rules, rctx: dict) -> None:
    """Rule ``offer.intent``: a cooperative act a party offers or says it is ready to do is an offer
    (CAMEO 03, express intent to cooperate; PLOVER's mode "offer"), not the act itself: "Oman
    offered to host talks between Iran and Bahrain" is OMN offer IRN and OMN offer BHR, "Hanoi
    said it was ready to meet Cambodia's leaders" VNM offer KHM (the offer asserted). The offer
    is aimed at the act's target or, when it names none, at the parties of talks "between" two.
    A hostile act offered ("ready to strike") is left to the threat rules; a negated one and a verb
    with no act class ("ready to open up the economy") stay as they are.

    Example:
        >>> # "Peru offered to mediate between Chile and Bolivia": PER offer CHL, PER offer BOL
    """
    if not r.offer_heads:
        return
    added = []
    for x in events:
        cue = cues[x.cue]
        # an act of no class offered to a party named ("ready to lead a security mission to Haiti",
        # "offered to send monitors to Chad": a recipient, not the object sent, "Angolan observers";
        # not "against" one) is an offer too (offer.intent_uncoded)
        tc = x.target.chunk
        uncoded = x.act == "unclassified" and tc is not None and _has_actor(rctx, tc) \
            and x.target.rule.startswith("target.") and not x.target.rule.endswith("against") \
            and "against" not in s.lower[x.tok:tc.start]
        if x.absorbed or x.negated or x.act in ("offer", "statement") or x.act == "unclassified" and not uncoded \
                or cue.quad in CONFLICT or x.act in r.commitment_threats or x.source.rule.startswith("source.between"):
            continue
        q = _offer_head(s, x, r)
        if q is None:
            continue
        between = [y for y in events if y is not x and y.source.rule.startswith("source.between")
                   and q.start <= y.tok < max(q.end, q.patient.end if q.patient else 0)]
        if not _has_actor(rctx, x.target.chunk) and between:
            for y in between[1:]:
                added.append(replace(x, target=Arg(y.source.chunk, "target.offered_between"), extra=list(x.extra)))
            x.target = Arg(between[0].source.chunk, "target.offered_between")
        gov = s.predicate_at(q.start - 1)
        if not x.source.chunk and gov is not None and gov.agent is not None:
            x.source = Arg(gov.agent, "source.offerer")   # "Austria offered to host a summit of ..."
        x.act, x.act_rule, x.modality = r.offer_act["act"], "offer.intent_uncoded" if uncoded else "offer.intent", ""
        cues[x.cue] = replace(cue, cameo=r.offer_act["cameo"], quad=r.offer_act["quad"])
        for y in added:
            y.act, y.act_rule, y.modality = x.act, x.act_rule, ""
    events.extend(added)


def _complement_acts(s: cl.Structure, events: list[Event], cues: list[Cue], r: Rules, rctx: dict) -> None:
    """The acts an infinitive complement names: vows (:func:`_commitments`), agreements
    (:func:`_agreed_acts`) and offers (:func:`_offered_acts`)."""
    _commitments(s, events, cues, r, rctx)
    _reserved_rights(s, events, r, rctx)
    _agreed_acts(s, events, cues, rctx)
    _offered_acts(s, events, cues, r, rctx)


def _reserved_rights(s: cl.Structure, events: list[Event], r: Rules, rctx: dict) -> None:
    """Rule ``warn.reserved_right``: reserving the right to act (events.yaml ``reserved_right``:
    "Hanoi reserved the right to respond to Chinese actions", "reserves the right to defend
    itself") holds out a response, a threat (CAMEO 13; PLOVER THREATEN) aimed at the party the
    act's "to"/"against" phrase or object names; a threat cue in that act ("the right to
    retaliate") is the same threat, not a second row. Not when negated, nor for a right that
    holds out no response (``reserved_right.acts``: "the right to appeal the ruling").

    Example:
        >>> # "Georgia reserved the right to respond to Russian moves" -> GEO threaten RUS
    """
    for e in events:
        p = s.predicate_at(e.tok)
        if p is None or p.head != e.tok or p.negated or s.lemma[e.tok] not in r.reserve_verbs \
                or p.patient is None or s.lemma[p.patient.head] not in r.reserve_objects or e.act == "threaten":
            continue
        inf = next((q for q in s.predicates if q.start == p.patient.end and s.lower[q.start] == "to"), None)
        if inf is None or s.lemma[inf.head] not in r.reserve_acts:   # "the right to appeal": no threat
            continue
        e.act, e.act_rule = "threaten", "warn.reserved_right"
        for x in events:
            if x is not e and inf.start <= x.tok < (inf.patient.end if inf.patient is not None else inf.end) \
                    and x.act == "threaten":
                x.absorbed = True
        at = next((c for prep, c in inf.obliques if prep in ("to", "against") and _has_actor(rctx, c)), None)
        if at is None and _has_actor(rctx, inf.patient):
            at = inf.patient
        e.target = Arg(at, "target.reserved_act") if at is not None else Arg(None, "")


_YEAR = re.compile(r"^(1[89]|20)\d\d'?s?$")


def _past_time(s: cl.Structure, toks, r: Rules) -> bool:
    """Whether tokens ``toks`` hold a past time that is history (events.yaml ``background``): a
    year or decade ("in 2022", "in the 1990s"), a named month ("in March"), "last"/"ago" with a
    unit of a year or more ("last year", "two decades ago") or a word of ``past_times``
    ("previously"); "last week", "earlier on Tuesday", "days ago" are recent news, not history.

    Example:
        >>> # "Iran, which seized a tanker last night, warned London": no history, the act stays
    """
    ks = list(toks)
    for i, k in enumerate(ks):
        w = s.lower[k]
        if _YEAR.match(w) or w in r.past_times or (w in r.months and s.tags[k] == "NNP"):
            return True
        if w == "last" and i + 1 < len(ks) and s.lower[ks[i + 1]] in r.past_units:
            return True
        if w == "ago" and i > 0 and s.lower[ks[i - 1]] in r.past_units:
            return True
    return False


def _background_clause(s: cl.Structure, e: Event, r: Rules) -> bool:
    """Whether event ``e`` is in a subordinate clause that tells earlier history: "since" + a past
    act ("Since Russia invaded Ukraine in 2022, ..."), "after"/"before" right after a length of
    time ("months after Moscow annexed ..."), or a relative clause set off by a comma with a
    past time ("Kenya, which sent police to Haiti last year, ..."; not "the United States,
    which has now delivered half a million masks": a perfect alone is news)."""
    c = s.clauses[e.clause]
    p = s.predicate_at(e.tok)
    if p is None:   # a noun's act: the verb of its clause before it ("since X signed a peace deal")
        for q in s.predicates:
            if q.clause == e.clause and q.head < e.tok:
                p = q
    if c.marker < 0 or p is None:
        return False
    mark = s.lower[c.marker]
    subj = p.agent if p.voice == "active" else p.patient
    first = subj.start if subj is not None else -1
    while first > c.marker + 2 and s.lower[first - 1] in ("and", "or") and s.tags[first - 2] in cl.NOUN_TAGS:
        first = next(k for k in range(first - 2, c.marker, -1) if s.tags[k - 1] not in cl.NP_INNER)  # "Armenia and Azerbaijan"
    if c.kind == "adverbial" and first != c.marker + 1:
        return False   # "has since apologized", "days before the dates we discussed": no clause of its own
    if c.kind == "adverbial" and mark in r.since_markers:
        return s.tags[p.head] in ("VBD", "VBN") or _past_time(s, c.tokens, r)
    if c.kind == "adverbial" and mark in r.sequence_markers:
        return c.marker > 0 and (s.lemma[c.marker - 1] in r.durations or s.lower[c.marker - 1] in r.durations)
    if c.kind == "relative" and c.marker > 0 and s.lower[c.marker - 1] == ",":
        return s.tags[p.head] in ("VBD", "VBN") and _past_time(s, c.tokens, r)
    return False


def _background_acts(s: cl.Structure, events: list[Event], r: Rules) -> None:
    """Rule ``background.subordinate``: an act in a subordinate clause that tells earlier history
    (:func:`_background_clause`) is background to a lead about something else, no event a coder
    records (CAMEO codes the sentence's reported event, not its history): "Since Russia invaded
    Ukraine in 2022, Finland has joined NATO" gives no Russian attack. Only when the main clause
    has an event of its own; a claimed act is left to its claimant. ``background.reduced_relative``:
    a participle describing the subject of a later verb with an event ("The coalition fighting
    Houthi rebels has declared a ceasefire") is no act of the lead either.

    Example:
        >>> # "Estonia expelled a Russian diplomat, months after Moscow annexed four regions":
        >>> # EST expel RUS only
    """
    # "The coalition fighting Houthi rebels has declared a ceasefire": the participle describes
    # the subject of the verb after it (clauses' subject.reduced_relative), no act of the lead
    described = {c.end for q in s.predicates for c, rule in ((q.agent, q.agent_rule), (q.patient, q.patient_rule))
                 if c is not None and rule.endswith("subject.reduced_relative")}
    for e in events:
        if e.tok in described and any(x is not e and x.tok > e.tok and not x.absorbed for x in events):
            e.absorbed = True
            e.extra.append("background.reduced_relative")
    if not any(_is_top(s, x.clause) and not x.absorbed for x in events):
        return
    for e in events:
        if not e.absorbed and e.claimant is None and not _is_top(s, e.clause) and _background_clause(s, e, r):
            e.absorbed = True


def _finite_between(s: cl.Structure, a: int, b: int) -> bool:
    """Whether a "that" or a finite verb lies between tokens ``a`` and ``b``: "warned that Russia
    could be ready to attack" reports a clause; it does not direct anyone to act."""
    return any(s.lower[k] == "that" or s.tags[k] in ("MD", "VBD", "VBZ", "VBP") for k in range(a + 1, b))


def _against_act(e: Event) -> str:
    """The act of "warned (X) against": a warning at an addressee ("warned Beijing against
    sending weapons"); with none, an appeal not to let a danger happen ("warned against the
    spread of extremism", CAMEO 02).

    Example:
        >>> # "Egypt warned Ethiopia against filling the dam" -> "warn"; "warned against war" -> "appeal"
    """
    return "warn" if e.target.chunk is not None and e.target.rule.startswith("patient") else "appeal"


def _against_gerund(s: cl.Structure, after: int, r: Rules) -> int:
    """The gerund of "warned (X) against doing" after token ``after`` in its clause (-1 if none)."""
    n, clause = len(s.tags), s.clause_of[after]
    for k in range(after + 1, min(n - 1, after + 9)):
        if s.clause_of[k] != clause:
            break
        if s.lower[k] in r.appeal_preps:
            return k + 1 if s.tags[k + 1] == "VBG" else -1
    return -1


def _implied_state_agents(s: cl.Structure, events: list[Event], ctx: SentenceContext, r: Rules) -> None:
    """``agent.implied_state_<prep>``: an agentless passive of an act only authorities do
    (events.yaml ``implied_state``: arresting, expelling) is done by the named state it happened
    in or was expelled from ("was arrested in Rwanda", "were expelled from North Korea"), as
    event coders record the state's authorities."""
    for e in events:
        if e.source.chunk is not None or not e.source.rule.startswith("agent.passive_none") \
                or e.act not in r.implied_state_acts:
            continue
        p = s.predicate_at(e.tok)
        for prep, ch in p.obliques if p is not None else ():
            if prep not in r.implied_state_preps or not _names_someone(s, ch):
                continue
            if ctx.actor(ch, s)[0].get("actor") is not None:
                e.source = Arg(ch, f"agent.implied_state_{prep}")
                break


def _blamed_on(s: cl.Structure, events: list[Event], cues: list[Cue], r: Rules) -> None:
    """``source.blamed_on``: an act noun that a participle "blamed on X" follows ("A drone attack
    blamed on Houthi rebels struck a Saudi oil facility") is X's act: the events whose subject
    is that noun phrase take X as their source, alleged by no one named (``claim.blamed_on``),
    and the blaming itself, by no one named, is no row of its own.

    Example:
        >>> # "A rocket attack blamed on Hezbollah hit a town in Galilee": HEZBOLLAH attack ISR, alleged
    """
    for b in events:
        n, tc = b.source.chunk, b.target.chunk
        # "attack blamed on X": a participle, though the tagger may read a past tense ("blamed X
        # on Y" names what is blamed as its object, so "blamed" right before "on" is none)
        if cues[b.cue].lemma != "blame" or s.tags[b.tok] not in ("VBN", "VBD") or n is None or tc is None \
                or b.tok + 1 >= len(s.lower) or s.lower[b.tok + 1] != "on" \
                or not b.target.rule.startswith("target.prep_on") or n.end != b.tok \
                or not (s.lemma[n.head] in r.event_nouns or any(n.start <= c.tok < n.end for c in cues)):
            continue
        done = [x for x in events if x is not b and x.source.chunk is not None
                and (x.source.chunk.start, x.source.chunk.end) == (n.start, n.end)]
        for x in done:
            x.source = Arg(tc, "source.blamed_on")
            x.extra.append("claim.blamed_on")
        b.absorbed = b.absorbed or bool(done)


def _claimed_acts(s: cl.Structure, events: list[Event], cues: list[Cue], r: Rules) -> None:
    """``act.claimed_responsibility``: claiming responsibility for a use of force (target.claimed_for:
    "The Houthis claimed responsibility for a missile attack on a tanker") is owning it: the
    row is the claimant's act of the material-conflict cue in the claimed phrase (its CAMEO
    code; not "claimed credit for the peace deal", nor when no one claims it), aimed at the
    party of an on/against/at/of phrase after it ("the bombing of a Kenyan police post"), if any; a row of that cue by no one is dropped.

    Example:
        >>> # "Hamas claimed responsibility for a rocket attack on Israel": HAMAS attack ISR
    """
    for e in events:
        t = e.target.chunk
        sc = e.source.chunk
        if e.act != "statement" or e.target.rule != "target.claimed_for" or t is None or e.negated \
                or sc is not None and s.lower[sc.start] in ("no", "nobody", "none"):
            continue   # "No group has claimed responsibility for the attack"
        inner = [i for i, c in enumerate(cues) if t.start <= c.tok < t.end and c.quad == "material_conflict"]
        if not inner:
            continue
        c = cues[inner[-1]]
        e.cue, e.act, e.act_rule = inner[-1], act_class(c.cameo, c.lemma, r), "act.claimed_responsibility"
        after = s.chunk_at(t.end + 1) if t.end + 1 < len(s.lower) and s.lower[t.end] in ("on", "against", "at", "of") else None
        e.target = Arg(after, "target.claimed_act_" + s.lower[t.end]) if after is not None else Arg(None, "none")
        for x in events:
            if x is not e and x.tok == c.tok:
                x.absorbed = True


def _claiming_group(s: cl.Structure, e: Event, ctx: SentenceContext, src: dict, srule: str,
                    clm: dict, r: Rules) -> tuple[dict, str, dict]:
    """Rule ``actor.claiming_group``: a group that claims an attack (act.claimed_responsibility)
    whose head is a non-state group word (events.yaml ``claiming_groups``: "An Iraqi militia",
    "A hacker group linked to Russia") is not the state a modifier or a "linked to" phrase names:
    source and claimant are the actor a mention of the head word itself names (a coded group:
    "The Pakistani Taliban" is TALIBAN), else no one. Returns source, its rule and claimant.

    Example:
        >>> # "A Chadian rebel group claimed responsibility for an attack on Mali": no source
    """
    sc = e.source.chunk
    if e.act_rule != "act.claimed_responsibility" or sc is None or src.get("actor") is None \
            or s.lemma[sc.head] not in r.claim_group_heads and s.lower[sc.head] not in r.claim_group_heads:
        return src, srule, clm
    h0, h1 = int(ctx.tok_start[sc.head]), int(ctx.tok_end[sc.head])
    own = next((m for m in ctx.mentions if m[0] <= h0 and h1 <= m[1] and m[2] is not None
                and m[7] != "state"), None)   # "An Iraqi militia" is one mention of the state
    if own is not None and own[2] == src["actor"]:
        return src, srule, clm   # the group's own code names the head word
    got = dict(src, actor=own[2] if own else None, person=None, sector=own[4] if own else None)
    if clm.get("actor") != src["actor"]:
        return got, "actor.claiming_group", clm
    if got["actor"] is None and "claim.quote" in e.extra:
        e.extra.remove("claim.quote")   # the unnamed group's own claim, as "An unknown group claimed ..."
    return got, "actor.claiming_group", dict(clm, actor=got["actor"], person=None, sector=got["sector"])


def _disputed_place(s: cl.Structure, e: Event, ctx: SentenceContext) -> bool:
    """Rule ``drop.disputed_place``: a denial whose object is only a place ("The two countries
    have long disputed Transnistria", "Both states contest Hala'ib") is a standing dispute over
    territory, no denial of a claim (CAMEO 016 answers an accusation): it gives no row; a
    place's attribute ("disputed Kosovo's independence") or a clause is still denied.

    Example:
        >>> # "Belize and Guatemala have long disputed the Sapodilla Cayes": no row
    """
    tc = e.target.chunk
    if e.act != "deny" or tc is None or not e.target.rule.startswith("patient.") or tc.head != tc.end - 1 \
            or tc.end < len(s.lower) and s.lower[tc.end] in ("'s", "’s", "of", "that"):
        return False
    return ctx.place_at(tc.head) and all(ctx.place_at(k) or s.tags[k] == "DT" for k in range(tc.start, tc.end))


def _yield_to_demands(s: cl.Structure, events: list[Event], r: Rules) -> None:
    """``verb.yield_to_demands``: meeting, heeding or conceding to demands is yielding (CAMEO 08),
    not a meeting; the party that made them (the "of" phrase after the demands) is the target
    ("met the demands of the protesters"). Verbs and nouns: ``yield_to_demands`` in events.yaml."""
    for e in events:
        p = s.predicate_at(e.tok)
        if p is None or p.head != e.tok or s.lemma[p.head] not in r.yield_verbs or p.voice != "active":
            continue
        obj = p.patient if p.patient is not None else next((c for prep, c in p.obliques if prep == "to"), None)
        if obj is None or s.lemma[obj.head] not in r.demand_nouns:
            continue
        e.act, e.act_rule = "yield", "verb.yield_to_demands"
        of = [c for prep, c in p.obliques if prep == "of" and c.start == obj.end + 1]
        if of:
            e.target = Arg(of[0], "target.demands_of")


def _reported_condition(s: cl.Structure, e: Event) -> tuple[int, int] | None:
    """The span of an ``if``/``unless`` clause inside what a speech event reports ("warned that
    sanctions would follow if Russia invades")."""
    p = s.predicate_at(e.tok)
    inner = _speech_complements(s, p) if p is not None else set()
    toks = [k for c in s.clauses if c.kind == "conditional" and c.cid in inner for k in c.tokens]
    return (min(toks), max(toks) + 1) if toks else None


def _complement_subject(s: cl.Structure, e: Event) -> tuple[cl.Chunk, set[int]] | None:
    """The subject of the clause a speech event reports, if it is not a pronoun, and its tokens."""
    p = s.predicate_at(e.tok)
    if p is None:
        c = s.chunk_at(e.tok)
        p = _governor(s, c) if c is not None else None
    if p is None:
        return None
    inner = _speech_complements(s, p)
    preds = [q for q in s.predicates if q.clause in inner]
    if not preds or preds[0].agent is None:
        return None
    subj = preds[0].agent
    if subj.end - subj.start == 1 and s.lower[subj.start] in _PRONOUNS:
        return None
    return subj, {k for k in range(len(s.tokens)) if s.clause_of[k] in inner}


def set_conditions(s: cl.Structure, events: list[Event]) -> None:
    """``conditional`` for events in a clause with an ``if``/``unless`` child (its condition span);
    ``hypothetical`` inside the antecedent itself."""
    for e in events:
        anc = s.ancestors(e.clause)
        if any(a.kind == "conditional" for a in anc):
            e.modality = e.modality or "hypothetical"
            continue
        for a in anc:
            conds = [c for c in s.clauses if c.parent == a.cid and c.kind == "conditional"]
            if conds:
                toks = [k for c in conds for k in c.tokens]
                e.condition = (min(toks), max(toks) + 1)
                break


def _negating_governor(s: cl.Structure, e: Event) -> bool:
    c = s.chunk_at(e.tok)
    neg = cl.words().negating_verbs
    if c is not None:
        g = _governor(s, c)
        if g is not None and s.lemma[g.head] in neg:
            return True
        if s.lower[c.start] == "no":
            return True
    p = s.predicate_at(e.tok)
    if p is None and c is not None:
        p = _governor(s, c)  # "refused to resume talks": the frame of the noun's verb
    if p is not None and (s.lower[p.start] == "to" or s.tags[p.head] == "VBG"):
        before = [q for q in s.predicates if q.head < p.start and q.clause == p.clause]
        return bool(before) and s.lemma[before[-1].head] in neg and before[-1].end == p.start \
            if s.tags[p.head] == "VBG" and s.lower[p.start] != "to" else bool(before) and s.lemma[before[-1].head] in neg
    return p is not None and p.start > 0 and s.lower[p.start - 1] in ("not", "never")  # "not to interfere"


def _denied_gerund(s: cl.Structure, e: Event) -> bool:
    """"Moscow denied shelling Kharkiv": the gerund after a denial is denied, not done."""
    p = s.predicate_at(e.tok)
    if p is None or s.tags[p.head] != "VBG":
        return False
    before = [q for q in s.predicates if q.head < p.start and q.clause == p.clause]
    return bool(before) and before[-1].end == p.start and _reporting_classes().get(s.lemma[before[-1].head]) in rules().denial


def _requested(s: cl.Structure, e: Event) -> bool:
    """An infinitive after a directive verb or a request noun ("pressing for permission to strike"),
    or a gerund after a requested verb ("called on Azerbaijan to stop attacking Armenia",
    "urged Russia to refrain from shelling": asked of them, not done as stated)."""
    p = s.predicate_at(e.tok)
    return p is not None and _requested_predicate(s, p, 2)


def _requested_predicate(s: cl.Structure, p: cl.Predicate, depth: int) -> bool:
    if s.tags[p.head] == "VBG" and s.lower[p.start] != "to":
        gap = 1 if p.start > 0 and s.lower[p.start - 1] == "from" else 0
        before = [q for q in s.predicates if q.head < p.start and q.clause == p.clause]
        return depth > 0 and bool(before) and before[-1].end == p.start - gap \
            and _requested_predicate(s, before[-1], depth - 1)
    if s.lower[p.start] != "to" or p.start == 0:
        return False
    if s.lemma[p.start - 1] in rules().request_nouns:
        return True
    start = p.start - 1 if p.start > 0 and s.lower[p.start - 1] in ("not", "never") else p.start
    before = [q for q in s.predicates if q.head < p.start and q.clause == p.clause]
    if not before:
        return False
    g = before[-1]
    adjacent = g.end == start or (g.patient is not None and g.patient.end == start) or any(
        c.end == start for prep, c in g.obliques if prep in ("on", "upon"))
    return adjacent and (s.lemma[g.head] in cl.words().directive or s.lemma[g.head] in rules().warn_lemmas)


def _reported_would(s: cl.Structure, e: Event) -> bool:
    """Whether the event's verb group has "would" as its only modal.

    Example:
        >>> # "said Moscow would retaliate": the predicate of "retaliate" -> True
    """
    p = s.predicate_at(e.tok)
    if p is None:
        return False
    mods = [s.lower[k] for k in range(p.start, p.head) if s.tags[k] == "MD"]
    return mods == ["would"]


def factuality(s: cl.Structure, e: Event, *, claimant_actor, source_actor, direct_quote: bool = False) -> str:
    """The factuality of one event, by precedence: question, denied, requested, negated,
    conditional, hypothetical, future, alleged, asserted. ``direct_quote``: the event is in a
    speaker's own words in quotation marks, where "would" is the speaker's, not a reported "will"."""
    main_clause = all(a.kind in ("main", "report") for a in s.ancestors(e.clause))
    if s.question and main_clause:
        return "question"
    if e.factuality == "denied" or _denied_gerund(s, e):
        return "denied"
    if e.factuality == "requested" or _requested(s, e):
        return "requested"  # "warned the US not to interfere": a demand, whatever its polarity
    if e.negated or _negating_governor(s, e):
        return "negated"
    if e.condition is not None and not _verbal_threat(s, e):
        return "conditional"
    reported = e.claimant is not None or "claim.quote" in e.extra and not direct_quote
    if e.modality == "hypothetical" and reported and e.factuality != "hypothetical" \
            and _reported_would(s, e):
        return "future"  # "Peskov said Moscow would retaliate": the reported "will", backshifted
    if e.modality == "hypothetical" or e.factuality == "hypothetical":
        return "hypothetical"
    if e.modality == "future":
        return "future"
    # "welcomed a decision by the US to lift tariffs": the act the reaction names is presupposed
    claimed = e.claimant is not None or ("claim.quote" in e.extra or "claim.blamed_on" in e.extra) \
        and e.source.rule != "source.noun_agent" and not _presupposed_noun_act(s, e)
    if claimed and (source_actor is None or source_actor != claimant_actor):
        return "alleged"
    return "asserted"


_NOUN_DOER_RULES = frozenset({"source.possessor", "source.light_agent.by"})


def _presupposed_noun_act(s: cl.Structure, e: Event) -> bool:
    """Rule ``fact.presupposed_noun``: an act named by a noun with its own doer ("Israel's air
    strikes", "sanctions announced by the EU") in the object of the quote cue's own clause
    ("Iran criticised sanctions announced by the EU", "Lebanon vowed to defend its villages
    from Israel's air strikes") is presupposed by the reaction, not claimed by its speaker: the
    wire coders' gold codes such acts asserted. Inside a reported clause ("Moscow said Kyiv's
    attack ...") or before its clause's verb ("According to Kyiv, Russia's shelling killed
    three") the act stays the speaker's claim.

    Example:
        >>> # "Beijing condemned Japan's detention of the captain": JPN coerce, asserted
    """
    if not e.act_rule.startswith("noun.") or e.source.rule not in _NOUN_DOER_RULES:
        return False
    if any(a.kind != "main" for a in s.ancestors(e.clause)):
        return False
    return any(p.clause == e.clause and p.head < e.tok for p in s.predicates)


_THREAT_VERBS = frozenset({"threaten", "warn", "caution", "vow", "offer", "promise", "pledge"})


def _verbal_threat(s: cl.Structure, e: Event) -> bool:
    """Rule ``fact.threat_asserted``: a threat or offer made by its own verb ("threatened to
    impose tariffs if Ottawa ...", "warned of consequences if NATO expands", "offered to send
    troops unless ...") is a speech act that happened: asserted, with its condition span kept;
    only the act it holds out is conditional (the wire coders' codebook: "if ... would" is
    conditional for the consequent act, the threat or offer itself is asserted; CAMEO 13/03
    code the utterance). A threat read from a conditioned act itself ("If Iran attacks,
    Israel will strike back") stays conditional. A speech verb that announces its speaker's
    conditional act (``speech.conditional_*``: "said it would close the border if ...") made
    the threat or offer by speaking: asserted too.

    Example:
        >>> # "Lima threatened to close the border if Quito ..." -> threaten, asserted
    """
    return e.act in ("threaten", "warn", "offer") and s.lemma[e.tok] in _THREAT_VERBS \
        or e.act_rule.startswith("speech.conditional_")


# ----------------------------------------------------------------------------- actors
_DEFINITE = frozenset({"the", "this", "that"})
# The words and the reach of description lookup (events.yaml ``description_lookup``): how many
# sentences back, which adjectives make a description no state's, which prepositions make a
# name no subject or a place are data, read through :func:`rules`.
_PERSONAL_OPENERS = frozenset({"i", "we", "he", "she"})   # sentence openers naming no candidate party
# the first parts of act compounds a writer shortens when naming the act again ("airstrikes" ...
# "the strikes", "a counterattack" ... "the attack")
_ACT_COMPOUND_PARTS = ("air", "counter")


def _act_noun(s: cl.Structure, k: int, r: Rules) -> str:
    """The events.yaml ``event_nouns`` entry token ``k`` is: its lemma, else the word ("the
    shelling", lemmatised "shell"), else a plural the lemmatizer does not know ("airstrikes");
    the lemma when none is."""
    word = s.lower[k]
    for form in (s.lemma[k], word, word[:-1] if s.tags[k] == "NNS" and word.endswith("s") else ""):
        if form in r.event_nouns:
            return form
    return s.lemma[k]


def _echoes(said: str, word: str, head: str, *, compounds: bool = True) -> bool:
    """Whether the words ``said`` hold the act noun ``word`` (lemma ``head``) or a form of it:
    "strikes", "struck" (a cue's entry "strike"), "attacked" for "the attack", "shelled" for
    "the shelling"; with ``compounds`` also as the end of a compound ("airstrikes" for "the
    strikes") or its end alone ("strikes" for "the airstrikes").

    Example:
        >>> _echoes("launched airstrikes", "strikes", "strike")
        True
    """
    stems = {word, head}
    if head.endswith("ing") and len(head) > 6:
        stems.add(head[:-3])   # "the shelling": "shelled"; "the bombing": "bomb"
    if compounds:
        stems |= {x[len(p):] for x in tuple(stems) for p in _ACT_COMPOUND_PARTS if x.startswith(p) and len(x) > len(p) + 3}
    pre = f"(?:{'|'.join(_ACT_COMPOUND_PARTS)})?-?" if compounds else ""
    alt = "|".join(re.escape(x) for x in sorted(stems))
    return re.search(rf"\b{pre}({alt})(s|es|d|ed|ing)?\b", said.lower()) is not None
_EVENT_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})   # "the drills", "these strikes"
# State descriptions that, naming no state before them, are the dateline's state's (actor.description_dateline)
_DATELINE_GOVERNMENTS = frozenset({"government", "authorities", "administration"})
# ... and a state named before them with its government ("Somalia's president", "the Iranian
# foreign ministry") is the story's state, not the dateline's
_GOVERNMENT_WORD = re.compile(r"\b(?:president|prime minister|government|ministry|minister|cabinet|leader|king|"
                              r"junta|spokesman|spokeswoman|spokesperson|delegation|officials|army|military)\b")
_GOVERNMENT_AFTER = re.compile(r"(?:['’]s)?\s+(?:[a-z]+\s+){0,2}(?:president|prime minister|government|ministry|minister|"
                               r"cabinet|leader|king|junta|spokesman|spokeswoman|spokesperson|delegation|officials|army|military)\b")


def _first_word(text: str) -> str:
    """The first run of letters of ``text``, lower-cased ("We're" -> "we")."""
    m = re.match(r"\s*([A-Za-z]+)", text)
    return m.group(1).lower() if m else ""


_COORDINATION = frozenset({"and", "or", ",", "both", "either", "neither", "nor"})
# words between the article and the head of a description: "the Islamist group", "the new envoy"
_DESCRIPTION_INNER = frozenset({"JJ", "JJR", "JJS", "NN", "VBN", "VBG"})
# after a description these name its referent where it stands ("the regime in Damascus", "the
# brutal regime that has fueled it: ... Iran", "the terrorist group known as ISIL")
_POSTMODIFIERS = frozenset({"of", "in", "at", "from", "'s", "’s", "that", "which", "who", "known", "called",
                            "named", "dubbed"})
Mention = tuple  # (start, end, actor, person, sector, is_location, is_state_media, actor_type, is_contested_place)
from .actors import STATE_MEDIA  # noqa: E402  actors.csv role of an outlet run by its state (KCNA, Xinhua)


_POSSESSED_GAP = re.compile(r"\s*['’]s\s+(?:[a-z][\w-]*\s+){0,3}")
_POSSESSED_STOP = frozenset({"of", "to", "for", "against", "on", "with", "in", "by", "and", "or", "the", "from", "at"})


def _possessed_group(hit: list, text: str) -> Mention | None:
    """Part of rule ``actor.mention``: an armed group a state's possessive introduces ("Yemen's
    Houthis", "Sudan's paramilitary Rapid Support Forces", "Lebanon's Hezbollah") is the group,
    not the state: the mention of a non-state actor (actors.csv ``actor_type: nonstate``) right
    after a state mention, its "'s" and at most three lower-case words that are no preposition
    or conjunction ("Moscow's envoy to the Houthis" keeps Moscow). None when there is none.

    Example:
        >>> m = [(0, 5, "YEM", None, None, False, False, "state"), (8, 15, "HOUTHI", None, None, False, False, "nonstate")]
        >>> _possessed_group(m, "Yemen's Houthis threatened ships")[2]
        'HOUTHI'
    """
    for m, n in zip(hit, hit[1:]):
        if len(m) > 7 and len(n) > 7 and m[7] == "state" and n[7] == "nonstate" and n[2] not in (None, m[2]):
            gap = text[m[1]:n[0]]
            if _POSSESSED_GAP.fullmatch(gap) and _POSSESSED_STOP.isdisjoint(gap.split()):
                return n
    return None


@dataclass
class SentenceContext:
    """Offsets and mentions of one sentence, for turning chunks into actors."""

    doc_id: str
    text: str
    tok_start: Sequence[int]
    tok_end: Sequence[int]
    mentions: list[Mention]       # the sentence's mentions, by start
    earlier: list[Mention]        # the document's mentions before the sentence (for pronouns)
    quotes: list[tuple[int, int, str | None, str | None, str | None]]
    # the document's speaker resolver (pronouns), built the first time a pronoun asks
    speakers: Callable[[], _speakers.SpeakerResolver] | None = None
    speaking_state: str | None = None   # a speech's state ("we", "I"), as the resolver reads it
    sent_id: int = -1   # the sentence's id in its document (for :attr:`previous`)
    # the rows of the document's sentences before this one, as (sent_id, row), oldest first
    # (for "the drills", "the decision": rule actor.event_doer)
    previous: Sequence[tuple[int, dict]] = ()
    # the document's quotes' speaker phrases with a speaker actor: (start, end, actor, person,
    # sector), as the quotes step resolved them (rule actor.quote_speaker_span)
    speaker_spans: Sequence[tuple] = ()
    # actor()'s answers by (chunk span, not_actor, exclude): the rules ask about the same phrases
    # several times per sentence; the answers are read, never changed, by the callers.
    _actors: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _in_actor: dict = field(default_factory=dict, init=False, repr=False, compare=False)   # by token

    def span(self, c: cl.Chunk) -> tuple[int, int]:
        return int(self.tok_start[c.start]), int(self.tok_end[c.end - 1])

    def actor(self, c: cl.Chunk | None, s: cl.Structure, *, not_actor: str | None = None,
              exclude: str | None = None, target: bool | str = False) -> tuple[dict, str]:
        """``(fields, rule)`` of the actor behind chunk ``c`` (fields empty when none).

        Rules: ``actor.mention`` (a mention inside the chunk, not a place reading if there is
        another), ``actor.quote_speaker`` ("we" inside a quotation), ``actor.document_speaker``
        ("we"/"I" outside quotations in a speech whose document names its speaking state),
        ``actor.coref_antecedent`` (he/she/him/her/it/they/them: the quotes' own pronoun
        search, :meth:`toolkit.speakers.SpeakerResolver.antecedent`, which also knows people
        the gazetteer lacks and their states from a nationality or title; ``exclude`` skips the
        co-argument: "He urged him" is not one person), ``actor.coref_recent`` (possessives, or
        no resolver: the last person named; the last state or organisation), ``actor.none``.
        ``target``: the chunk is an event's target (a description resolves differently).

        Example:
            >>> # "Scholz spoke with Putin. He urged him to leave.": him -> Putin (exclude="Olaf Scholz")
        """
        if c is None:
            return {}, ""
        key = (c.start, c.end, not_actor, exclude, target)   # the answer reads only the chunk's span
        got = self._actors.get(key)
        if got is None:
            got = self._actors[key] = self._actor(c, s, not_actor, exclude, target)
        return got

    def _actor(self, c: cl.Chunk, s: cl.Structure, not_actor: str | None, exclude: str | None,
               target: bool | str) -> tuple[dict, str]:
        a, b = self.span(c)
        hit = [m for m in self.mentions if m[0] < b and m[1] > a]
        r = rules()
        if hit and (r.maker_suffixes or r.backer_suffixes):
            # "Iranian-made drones": the maker is no party to the act; "Rwanda-backed rebels":
            # the backer is not the one who attacks (rule actor.supporter_only)
            after = [self.text[m[1]:m[1] + 20].replace(" ", "").lower() for m in hit]
            kept = [m for m, x in zip(hit, after) if not x.startswith(r.maker_suffixes)
                    and not x.startswith(r.backer_suffixes)]
            if not kept and any(x.startswith(r.backer_suffixes) for x in after):
                return {"actor": None, "person": None, "sector": None, "text": self.text[a:b],
                        "start": a, "end": b, "backed": True}, "actor.supporter_only"
            hit = kept
        if hit and s.lemma[c.head] in r.currency_nouns:
            # "50 million Australian dollars": the adjective names a currency, not a party
            # (rule actor.currency); a name after the head stays ("dollars for Ukraine" is no chunk)
            # and only the adjective's: "gave Jordan 500 million Kuwaiti dinars" keeps the recipient
            adj = int(self.tok_start[max(c.start, c.head - 1)])
            hit = [m for m in hit if m[0] >= int(self.tok_end[c.head]) or m[1] <= adj]
        if hit:
            m = _possessed_group(hit, self.text) or next((x for x in hit if not x[5]), hit[0])
            return self._fields(m, min(a, m[0]), max(b, m[1])), "actor.mention"
        if s.lemma[c.head] in _event_targets.target_rules().igo_member_nouns:
            for m in self.mentions[::-1] + self.earlier[::-1]:
                if m[1] <= a and len(m) > 7 and m[7] == "igo" and m[2] not in (None, not_actor):
                    # "accusing peacekeepers of ...": the mission's organisation (actor.igo_member)
                    return self._fields(m, a, b), "actor.igo_member"
        if c.end - c.start > 1:
            got = self._pair(c, s, a, b, not_actor)
            if got is None and self.speakers is not None and s.lower[c.start] in _DEFINITE:
                got = self._described(c, s, a, b, not_actor, target) or self._possessor(c, s, a, b, not_actor, target)
            if got is None and self.previous and s.lower[c.start] in _EVENT_DETERMINERS:
                got = self._event_doer(c, s, a, b, not_actor, bool(target))
            if got is not None:
                return got
        kind = _PRONOUNS.get(s.lower[c.start]) if c.end - c.start == 1 else _POSSESSIVES.get(s.lower[c.start])
        if kind == "self":
            inside = [q for q in self.quotes if q[0] <= a < q[1]]
            for qa, qb, act, per, sec in inside:
                if act:
                    return {"actor": act, "person": per, "sector": sec, "text": self.text[a:b],
                            "start": a, "end": b}, "actor.quote_speaker"
            res = None if inside else _speakers.document_speaker(s.lower[c.start], self.speaking_state)
            if res is not None:   # "We call on ...": a speech's speaking state (outside quotations)
                return {"actor": res.actor, "person": res.person, "sector": res.sector,
                        "text": self.text[a:b], "start": a, "end": b}, "actor.document_speaker"
        if kind in ("org", "group") and c.end - c.start > 1 and self.speakers is not None:
            got = self._counterpart(c, s, a, b)   # "its neighbour", "their rival"
            if got is not None:
                return got
        if kind == "person" and c.end - c.start > 1 and self.speakers is not None:
            got = self._person_institution(c, s, a, b)   # "said his government would ..."
            if got is not None:
                return got
        if kind == "org" and self.speakers is not None:   # "its": the speakers' org/state search
            k = c.start
            res = self.speakers().antecedent(int(self.tok_start[k]), int(self.tok_end[k]), exclude=exclude)
            if res is not None and (not_actor is None or res.actor != not_actor):
                return {"actor": res.actor, "person": res.person, "sector": res.sector,
                        "text": self.text[a:b], "start": a, "end": b}, "actor.coref_antecedent"
            return {"actor": None, "person": None, "sector": None, "text": self.text[a:b],
                    "start": a, "end": b}, "actor.none"
        if kind in ("person", "group", "org"):
            last = self._last_before(a, "group" if kind == "org" else kind, not_actor)
            pair = self._plural(a, not_actor) if s.lower[c.start] in _PLURAL else None
            far = pair if pair is not None and pair[0][0] < self._previous_sentence_start() else None
            # a subject "they" keeps a pair that was the subject before though a party was named
            # after it ("Blinken and Lammy discussed Ukraine. They urged Russia": USA and GBR)
            if pair is not None and far is None and (last is None or pair[1][0] >= last[0]
                                                     or not target and c.end - c.start == 1 and self._opens(pair[0])):
                both = self._fields(pair[0], a, b)
                # a subject "they" after a pair that was its sentence's subject ("Germany and
                # France condemned ... They urged"): a row for each (events._sides)
                if not target and c.end - c.start == 1 and pair[1][2] is not None and pair[1][2] != pair[0][2] \
                        and self._opens(pair[0]):
                    both["pair"] = self._fields(pair[1], a, b)
                return both, "actor.coref_plural"
            if self.speakers is not None and c.end - c.start == 1 and s.lower[c.start] in _PRONOUNS:
                res = self.speakers().antecedent(a, b, exclude=exclude)
                if res is not None and self._one_of_far_pair(res.actor, far, a):
                    return {"actor": None, "person": None, "sector": None, "text": self.text[a:b],
                            "start": a, "end": b}, "actor.none"
                if res is not None and (not_actor is None or res.actor != not_actor):
                    return {"actor": res.actor, "person": res.person, "sector": res.sector,
                            "text": self.text[a:b], "start": a, "end": b}, "actor.coref_antecedent"
            if last is not None and not self._one_of_far_pair(last[2], far, a):
                return self._fields(last, a, b), "actor.coref_recent"
        return {"actor": None, "person": None, "sector": None, "text": self.text[a:b],
                "start": a, "end": b}, "actor.none"

    def source(self, c: cl.Chunk | None, s: cl.Structure, *, place_ok: bool = False) -> tuple[dict, str]:
        """:meth:`actor` for the source (agent) of an event. Rule ``actor.place_not_agent``: a
        phrase whose only mentions read as places names no agent ("Tigray's leaders accused
        Ethiopia": a region of a state is a place, and whoever governs or fights in it is often
        not that state; "Kyiv-based hackers"), so the source is left unknown, never the
        place's state. ``place_ok``: the place stands for its state's authorities by a rule of
        its own ("was arrested in Rwanda": ``agent.implied_state_in``).

        Example:
            >>> # "Tigray's leaders accused Ethiopia of blocking aid.": source None, not ETH
        """
        got, rule = self.actor(c, s)
        if rule == "actor.mention" and got.get("actor") is not None and c is not None and not place_ok:
            a, b = self.span(c)
            hit = [m for m in self.mentions if m[0] < b and m[1] > a]
            if hit and all(m[5] for m in hit):
                return dict(got, actor=None, person=None, sector=None), "actor.place_not_agent"
        return got, rule

    def _described(self, c: cl.Chunk, s: cl.Structure, a: int, b: int,
                   not_actor: str | None, target: bool | str = False, *,
                   possessor: bool = False) -> tuple[dict, str] | None:
        """Rule ``actor.coref_description``: a definite description that names no one ("the
        ministry", "the country", "the regime", "the envoy"; events.yaml ``descriptions``) is
        the actor named before it. A state noun takes a state, a group noun an organisation that
        is no state, by the speakers' search for "it" (its own sentence's nearest, else the
        subject-most of the nearest earlier sentence: Centering's previous subject first, never
        a place or a person's role); an organisation noun first the organisation named with that
        head ("The Iranian foreign ministry ... The ministry"), else that search; a person noun
        the last mention whose words hold it ("Beijing's envoy ... the envoy"); a collective
        noun (events.yaml ``collective_descriptions``: "the alliance", "the bloc", "the
        coalition") the last actor that is one or whose name holds it, else no one. ``not_actor``
        (the source, for a target) is never the answer; a ``target`` never the previous
        sentence's subject (:meth:`_party_antecedent`). ``possessor``: ``c`` is the possessor
        before "'s" (:meth:`_possessor`), so the "'s" after it names nothing else.

        Example:
            >>> # "Venezuela expelled the Spanish ambassador. The country accused Spain ...": VEN
        """
        head = s.lower[c.head]
        cls = rules().descriptions.get(head)
        if cls is None or c.head != c.end - 1 or c.end - c.start > 4 \
                or (s.tags[c.head] not in ("NN", "NNP") and head != "authorities") \
                or any(s.tags[k] not in _DESCRIPTION_INNER or s.lower[k] != s.tokens[k]
                       for k in range(c.start + 1, c.head)) \
                or (not possessor and self._postmodified(c, s)) \
                or (c.end < len(s.lower) and s.lower[c.end] == "and" and "of" in s.lower[c.end + 1:c.end + 5]) \
                or any(s.lower[k] in rules().subnational for k in range(c.start + 1, c.head)):
            return None   # "the Korean nation", "the government in Kyiv": named where it stands;
            # "the local government" is no state's
        if target and c.start > 0 and (s.lower[c.start - 1] in rules().place_prepositions or s.lower[c.start - 1] == "in"):
            target = False   # "food for children across the country": a place, the state spoken of
        found: tuple | None = None
        if cls == "person":
            m = self._named_with(head, a, not_actor)
            found = (m[2], m[3], m[4]) if m is not None else None
        elif cls == "collective":
            m = self._named_with(head, a, not_actor, rules().collectives.get(head, frozenset()))
            found = (m[2], None, m[4]) if m is not None else None
        elif self.speakers is not None:
            r = self.speakers()
            res = _speakers.rule_description_org(r, a, b, ["the", head]) if cls == "organisation" else None
            if res is not None and res.actor is not None and res.actor != not_actor:
                found = (res.actor, None, res.sector)
            else:
                # an organisation noun looks only before its sentence: in "strikes on Islamic State
                # targets, the defense ministry said" the nearest organisation is not the ministry's
                m = self._party_antecedent(r, int(self.tok_start[0]) if cls == "organisation" else a, cls,
                                           not_actor, target)
                found = (m[2], None, m[4]) if m is not None else None
        if found is None:
            return self._dateline_government(head, a, b, not_actor, target)
        return {"actor": found[0], "person": found[1], "sector": found[2], "text": self.text[a:b],
                "start": a, "end": b}, "actor.coref_description"

    def _dateline_government(self, head: str, a: int, b: int, not_actor: str | None,
                             target: bool | str) -> tuple[dict, str] | None:
        """Rule ``actor.description_dateline``: "the government", "the authorities" or "the
        administration" as a source, when no state is named before them with its government
        ("Somalia's president", ``_GOVERNMENT_AFTER``), is the government of the state of the
        wire dateline the story was filed under ("PORT SUDAN (Reuters) - Drones
        struck fuel depots. The army-led government blamed the RSF": Sudan's). Not "the regime"
        (often the adversary's) and not a target.

        Example:
            >>> # "LIMA (Reuters) - Protesters blocked roads. The government declared a curfew.": PER
        """
        if target or head not in _DATELINE_GOVERNMENTS or self.speakers is None:
            return None
        state = _speakers.dateline_state(self.speakers(), a)
        if state is None or state == not_actor:
            return None
        if any(m[2] != state and not m[5] and m[1] <= a and (_GOVERNMENT_AFTER.match(self.text, m[1])
                                                             or _GOVERNMENT_WORD.search(self.text, m[0], m[1]))
               for m in self.earlier + self.mentions if m[2] is not None):
            return None   # "NAIROBI - Somalia's president accused ... The government said": not Kenya's
        return {"actor": state, "person": None, "sector": "GOV", "text": self.text[a:b],
                "start": a, "end": b}, "actor.description_dateline"

    def _person_institution(self, c: cl.Chunk, s: cl.Structure, a: int, b: int) -> tuple[dict, str] | None:
        """Rule ``actor.person_institution``: "his government", "her office", "his country"
        (events.yaml ``institution_nouns`` after "his"/"her", at most two adjectives between) is
        the institution of the person "his"/"her" refers to, so its actor is that person's, as
        the speakers' search finds it ("The ICC's chief prosecutor said her office was
        investigating ...": the ICC; "Ghana's president said his government would ...": Ghana).
        None when the person has no actor.

        Example:
            >>> # "Ghana's president said his government would expel the envoy": GHA
        """
        if s.lemma[c.head] not in rules().institution_nouns or c.head != c.end - 1 or c.head - c.start > 3 \
                or any(s.tags[k] not in ("JJ", "NN") for k in range(c.start + 1, c.head)) or self.speakers is None:
            return None
        res = self.speakers().antecedent(int(self.tok_start[c.start]), int(self.tok_end[c.start]))
        if res is None or res.actor is None:
            return None
        return {"actor": res.actor, "person": None, "sector": res.sector, "text": self.text[a:b],
                "start": a, "end": b}, "actor.person_institution"

    def _counterpart(self, c: cl.Chunk, s: cl.Structure, a: int, b: int) -> tuple[dict, str] | None:
        """Rule ``actor.counterpart``: "its neighbour", "its rival", "their adversary" (events.yaml
        ``counterpart_nouns`` after "its"/"their" and at most two adjectives) is the party other than
        the possessor that was named last: in its own sentence before it, else in the
        ``description_lookup: sentences`` before (a possessive "Chile's ambassador" names Chile).
        The possessor is the subject of the verb whose object the phrase is, else the speakers'
        antecedent of "its"/"their"; a person, a place reading
        in a prepositional phrase and a name in a quotation are no candidates. None when the
        possessor is unknown or no other party was named.

        Example:
            >>> # "Peru summoned Chile's ambassador. Lima accused its neighbour of ...": CHL
        """
        r = rules()
        if s.lemma[c.head] not in r.counterpart_nouns or c.head != c.end - 1 or c.head - c.start > 3 \
                or any(s.tags[k] not in ("JJ", "JJS", "JJR") for k in range(c.start + 1, c.head)):
            return None
        sp = self.speakers() if self.speakers is not None else None
        if sp is None:
            return None
        # the possessor: the subject of the verb whose object the phrase is ("Congo cut ties with
        # Rwanda, accusing its neighbour": Congo), else the speakers' antecedent of "its"
        p = next((q for q in s.predicates if q.patient is not None and q.patient.start == c.start
                  and q.agent is not None and q.voice == "active"), None)
        owner = self.actor(p.agent, s)[0].get("actor") if p is not None else None
        if owner is None:
            res = sp.antecedent(int(self.tok_start[c.start]), int(self.tok_end[c.start]))
            owner = res.actor if res is not None else None
        if owner is None:
            return None
        d = sp.d
        here = d.sent[min(bisect.bisect_left(d.start, a), len(d.sent) - 1)]
        for m in (self.earlier + self.mentions)[::-1]:   # latest first
            if m[1] > a or m[2] is None or m[2] == owner or m[3] is not None or sp.in_quote(m[0]):
                continue
            t = bisect.bisect_left(d.start, m[0])
            if (d.sent[t] if t < len(d.sent) else here) < here - r.description_sentences:
                break
            if m[5] and self._preposition_before(m) in r.place_prepositions:
                continue
            return self._fields(m, a, b), "actor.counterpart"
        return None

    def _possessor(self, c: cl.Chunk, s: cl.Structure, a: int, b: int, not_actor: str | None,
                   target: bool | str) -> tuple[dict, str] | None:
        """A description as a possessor in a reaction's target ("Hamas fired rockets at Israel.
        Israel bombed the group's tunnels") is resolved as the description alone would be
        (:func:`_sides`, rule ``actor.coref_reacted``), and the phrase names its actor. Only
        there: elsewhere the possessor is often the source's own ("surrendered from the group's
        last holdout in Syria"), and the place named after it is the target."""
        if target not in ("reaction", "reaction_unique"):
            return None
        k = next((j for j in range(c.start + 2, c.end - 1) if s.lower[j] in ("'s", "’s")), -1)
        if k < 0:
            return None
        got = self._described(cl.Chunk(c.start, k, k - 1, c.rule), s, a, int(self.tok_end[k - 1]), not_actor, target,
                              possessor=True)
        return None if got is None else (dict(got[0], text=self.text[a:b], end=b), got[1])

    def _postmodified(self, c: cl.Chunk, s: cl.Structure) -> bool:
        """Whether what follows description ``c`` names its referent where it stands ("the
        government in Kyiv", "the regime of Bashar al-Assad", "the group known as ..."). A
        preposition does so only with a name in its phrase: in "accused the bloc of
        protectionism" the "of" phrase is the charge, and the bloc is the one named before
        (rule actor.coref_description, as for "condemned the bloc")."""
        k = c.end
        if k >= len(s.lower) or s.lower[k] not in _POSTMODIFIERS:
            return False
        if s.lower[k] not in rules().prepositions:
            return True
        for j in range(k + 1, min(k + 6, len(s.lower))):
            if s.tags[j] in (",", ".", ":") or s.tags[j] in cl.VERB_TAGS:
                return False
            if self.adjective_actor(j):
                return True
        return False

    def _opens(self, m: Mention) -> bool:
        """Whether mention ``m`` opens its sentence (after nothing but "the", "both", or a short
        adverbial and a comma): the pair that was a sentence's subject."""
        k = max(self.text.rfind(x, 0, m[0]) for x in (". ", "? ", "! ", "\n"))
        return self._opens_at(k + 1, m, ("", "the", "both"), [])

    def _opens_at(self, opening: int, m: Mention, articles: tuple[str, ...], ms: list[Mention]) -> bool:
        """Whether mention ``m`` opens the text from offset ``opening``: nothing but one of
        ``articles`` before it, or an adverbial of at most six words with no mention of ``ms``
        in it, then a comma."""
        before = self.text[opening:m[0]].strip()
        if before.lower() in articles:
            return True
        return before.endswith(",") and len(before.split()) <= 6 and not any(x[0] < m[0] for x in ms)

    def _pair(self, c: cl.Chunk, s: cl.Structure, a: int, b: int, not_actor: str | None) -> tuple[dict, str] | None:
        """Rule ``actor.coref_pair``: "both sides", "the two countries" (events.yaml
        ``pair_descriptions``) are the last two parties named joined by "and" before them
        ("Israel and Hamas agreed to a truce. Both sides accused each other ..."), passing over
        (:meth:`_pair_of_sides`) a pair of one actor ("Biden and Blinken welcomed the deal") and
        one acting between or about others ("Egypt and Qatar mediated the talks"). The fields
        are the first one's, with the second's under ``"pair"``; the events step gives each its
        row. None when no such pair of two different actors precedes, or one is ``not_actor``.

        Example:
            >>> # "Armenia and Azerbaijan clashed. The two countries blamed each other.": ARM + AZE
        """
        r = rules()
        words = s.lower[c.start:c.end]
        if s.lemma[c.head] not in r.pair_nouns or c.head != c.end - 1 or len(words) > 4 \
                or not any(tuple(words[:len(d)]) == d for d in r.pair_determiners) \
                or (c.end < len(s.lower) and s.lower[c.end] in _POSTMODIFIERS):
            return None   # "the two sides of the conflict in South Sudan": named where they stand
        pair = self._pair_of_sides(a, r)
        if pair is None:
            return self._dyad_pair(a, b, not_actor, r)
        if not_actor in (pair[0][2], pair[1][2]):
            return None
        return dict(self._fields(pair[0], a, b), pair=self._fields(pair[1], a, b)), "actor.coref_pair"

    def _dyad_pair(self, a: int, b: int, not_actor: str | None, r: Rules) -> tuple[dict, str] | None:
        """Rule ``actor.coref_pair_dyad``: "both sides", "the two neighbours" with no pair joined
        by "and" before them are the two parties the rows of the sentences before (up to
        events.yaml ``description_lookup: sentences`` back) set against each other: the pair of
        two actors (neither ``not_actor``) of most rows with a source and a target, asserted
        rows counting before alleged ones, the latest on a tie ("Congo accused Rwanda of
        deploying troops, a charge Kigali denied. The United States urged both sides to ...").

        Example:
            >>> # "Serbia accused Kosovo of ... Kosovo denied it. The EU urged both sides to ...": SRB + XKX
        """
        score: dict[tuple[str, str], tuple[int, int, int]] = {}
        for n, (sent, row) in enumerate(self.previous):
            x, y = row.get("source_actor"), row.get("target_actor")
            if sent < self.sent_id - r.description_sentences or x is None or y is None or x == y \
                    or not_actor in (x, y) or row.get("act") in ("statement", "unclassified") \
                    or "target:target.named_oblique_" in str(row.get("rule") or ""):
                continue   # "filed briefs in The Hague": a place, no party set against the doer
            key = (x, y) if x < y else (y, x)
            old = score.get(key, (0, 0, 0))
            score[key] = (old[0] + (row.get("factuality") == "asserted"), old[1] + 1, n)
        if not score:
            return None
        x, y = max(score, key=lambda k: score[k])
        one = {"actor": x, "person": None, "sector": None, "text": self.text[a:b], "start": a, "end": b}
        return dict(one, pair=dict(one, actor=y)), "actor.coref_pair_dyad"

    def _pairs_before(self, a: int) -> list[tuple[Mention, Mention]]:
        """The pairs of mentions joined by "and" before offset ``a``, the latest first."""
        ms = [m for m in self.earlier + self.mentions if m[1] <= a and not m[5] and m[2] is not None]
        return [(x, y) for x, y in zip(ms[-2::-1], ms[:0:-1]) if self.text[x[1]:y[0]].strip() == "and"]

    def _pair_of_sides(self, a: int, r: Rules) -> tuple[Mention, Mention] | None:
        """The pair "both sides" at offset ``a`` stands for: the latest pair of two actors
        joined by "and" that is a pair of sides. Its rows in the sentences before (those whose
        source is one of the two) decide: one acting between others (events.yaml
        ``pair_descriptions: third_parties``: "Egypt and Qatar mediated the talks") or reacting
        to a third party (a ``reaction_targets`` act aimed at neither) is passed over for an
        earlier pair, as is a pair of one actor ("Biden and Blinken"). Of the others the latest
        whose rows act on each other ("Israel and Hamas agreed to a ceasefire. Egypt and Qatar
        welcomed the deal") is taken, else the latest. Only the latest pair is looked at when
        there are no earlier rows to tell the sentences by (as before this rule)."""
        window = min((int(row["start"]) for _, row in self.previous), default=a)
        first: tuple[Mention, Mention] | None = None
        for n, (x, y) in enumerate(self._pairs_before(a)):
            if n and x[0] < window:
                break
            if x[2] == y[2]:
                continue   # "Biden and Blinken": one side
            own = [row for _, row in self.previous if row.get("source_start") is not None
                   and x[0] <= int(row["source_start"]) <= y[0]]
            if any(str(row.get("cue") or "").split(" ")[0] in r.pair_third_parties for row in own) \
                    or any(row.get("act") in r.reaction_acts and row.get("target_actor") not in (None, x[2], y[2])
                           for row in own):
                continue
            if any(row.get("target_actor") in (x[2], y[2]) for row in own):
                return x, y
            first = first or (x, y)
        return first

    def _event_doer(self, c: cl.Chunk, s: cl.Structure, a: int, b: int,
                    not_actor: str | None, target: bool) -> tuple[dict, str] | None:
        """Rule ``actor.event_doer``: a definite noun phrase naming an act (events.yaml
        ``event_nouns``: "the drills", "the strikes", "the decision") that names no one stands
        for the one who did that act in the sentences before (up to
        events.yaml ``description_lookup: sentences`` back): the source of the latest earlier row whose
        own act words echo the noun ("the strikes" after "launched airstrikes", "the attack" after
        "attacked"; :func:`_echoes`), else of the latest whose act is one the noun may name, else
        of the latest whose words hold it ("held drills"); "the decision", "the move" the main
        row of the nearest earlier sentence, when it is a coded act and the phrase a ``target``
        of at most three words ("welcomed the decision"). "China held drills near Taiwan. Taipei condemned
        the drills" aims the condemnation at China. None when that row has no source, or its
        source is ``not_actor`` (the act's doer defending it names no one else), or the phrase
        names its doer ("the strikes by Israel": the argument rules read that).

        Example:
            >>> # "Israel launched strikes on Gaza. Egypt condemned the strikes.": ISR
        """
        r = rules()
        head = s.lemma[c.head]
        acts = r.event_nouns.get(head)
        if acts is None:
            head = _act_noun(s, c.head, r)
            acts = r.event_nouns.get(head)
        if acts is None or c.head != c.end - 1 or s.tags[c.head] not in ("NN", "NNS") \
                or (c.end < len(s.lower) and s.lower[c.end] in ("by", "'s", "’s")) \
                or any(s.tags[k] in ("NNP", "NNPS", "PRP$", "POS") for k in range(c.start, c.head)):
            return None
        if "any" in acts and (not target or c.end - c.start > 3):
            return None   # "this measure will save lives", "the concrete steps": too vague to follow
        found = self._main_act_before(r) if "any" in acts else self._act_named(r, acts, s.lower[c.head], head)
        if found is None or found.get("source_actor") is None or found["source_actor"] == not_actor:
            return None
        return {"actor": found["source_actor"], "person": found.get("source_person"),
                "sector": found.get("source_sector"), "text": self.text[a:b], "start": a, "end": b}, "actor.event_doer"

    def _main_act_before(self, r: Rules) -> dict | None:
        """The main row of the nearest earlier sentence whose main row is a coded act with a
        source ("the decision", "the move": :meth:`_event_doer`), within events.yaml
        ``description_lookup: sentences``. Rule ``actor.event_doer_skip``: a sentence between
        whose main row names no doer or is a denial (``skip_acts``: "The man denied the
        charges.") is passed over, so "condemned the ruling" after it still finds the court's
        act; a statement stops the search; an act the lexicon leaves uncoded is an act all the same
        ("Quito stripped the consuls of their accreditation. Bogota condemned the move")."""
        for i in range(len(self.previous) - 1, -1, -1):   # latest first (no reversed(): mypyc)
            sent, row = self.previous[i]
            if sent < self.sent_id - r.description_sentences:
                break
            if not row.get("main"):
                continue
            if row.get("source_actor") is None or row.get("act") in r.event_doer_skip:
                continue
            return row if row.get("act") != "statement" else None
        return None

    def _act_named(self, r: Rules, acts: frozenset, word: str, head: str) -> dict | None:
        """The latest earlier row (within events.yaml ``description_lookup: sentences``) that
        the act noun ``word`` (lemma ``head``) names, in three passes: one whose cue words echo
        the noun ("launched airstrikes" for "the strikes", "attacked" for "the attack": the
        doer of the act the writer names again, even when a later act has its class), one
        whose act is of a class in ``acts``, one whose words hold it ("held drills")."""
        rows = [row for sent, row in self.previous if sent >= self.sent_id - r.description_sentences]
        for k in range(len(rows) - 1, -1, -1):
            if _echoes(f"{rows[k].get('cue_text') or ''} {rows[k].get('cue') or ''}", word, head):
                return rows[k]
        for k in range(len(rows) - 1, -1, -1):
            if rows[k].get("act") in acts:
                return rows[k]
        for k in range(len(rows) - 1, -1, -1):
            if _echoes(str(rows[k].get("text") or ""), word, head, compounds=False):
                return rows[k]
        return None

    def _named_with(self, head: str, a: int, not_actor: str | None,
                    codes: frozenset = frozenset()) -> Mention | None:
        """The last mention before offset ``a`` (this sentence, then the earlier ones) that is
        no place, names an actor other than ``not_actor``, and whose words hold ``head`` (or
        whose actor is one of ``codes``: NATO is an alliance), or a synonym of it (events.yaml
        ``description_synonyms``: "the envoy" after "the Russian ambassador")."""
        heads = rules().synonyms.get(head, frozenset({head}))
        for ms in (self.mentions, self.earlier):
            for m in ms[::-1]:
                if m[1] <= a and not m[5] and m[2] is not None and m[2] != not_actor \
                        and (m[2] in codes or not heads.isdisjoint(self.text[m[0]:m[1]].lower().split())):
                    return m
        return None

    def _party_antecedent(self, r: _speakers.SpeakerResolver, a: int, cls: str,
                          not_actor: str | None, target: bool | str = False) -> Mention | None:
        """The mention a description of class ``cls`` at offset ``a`` refers to: in its own
        sentence the nearest before it, else one of the nearest earlier sentence (up to
        events.yaml ``description_lookup: sentences`` back) that has one. Candidates name an actor of the right
        kind (:meth:`_kind_fits`), are no place reading ("from the Bahamas", "the Gulf of
        Mexico"), person or person's role ("the British ambassador", "Russian troops"), and
        stand outside quotations.

        From an earlier sentence a source takes its subject, the first name outside a
        prepositional phrase (Centering's previous subject first; Grosz, Joshi & Weinstein
        1995), unless another name outside one fits as well ("Russia attacked Ukraine. The
        government said ..."): then the one of them its own sentence does not name, or none. A
        target (``target``) never takes that subject (the party that acted on it is rarely the
        one acted on next: "Russia invaded Ukraine. The United States sent weapons to the
        country"), only another name of the sentence, and none when it has two that its own
        sentence does not tell apart: no guess is better than a reversed dyad."""
        d = r.d
        tok = bisect.bisect_left(d.start, a)
        if tok >= len(d.start):
            return None
        here = d.sent[tok]
        back, place = rules().description_sentences, rules().place_prepositions
        best: Mention | None = None
        best_sent = -1
        earlier: list[tuple[Mention, str]] = []   # the nearest earlier sentence's, with their prepositions
        for m in self.earlier + self.mentions:
            if m[1] > a or m[2] is None or m[3] is not None or m[2] == not_actor \
                    or not self._kind_fits(m, cls) or r.in_quote(m[0]):
                continue
            t = bisect.bisect_left(d.start, m[0])
            sent = d.sent[t] if t < len(d.sent) else here
            if sent < here - back:
                continue
            prep = self._preposition_before(m)
            # a state read as a place is still a party when no preposition governs it ("Russia
            # attacked Ukraine"), not in one ("fighting in Syria")
            # ... except for help or a visit's aftermath aimed at "the country": a state's
            # place one went to is that state ("travelled to Kyiv. She pledged aid to the
            # country", rule actor.coref_description)
            visited = target is True and m[7] == "state" and sent < here and prep in ("to", "in", "into")
            # a member named by the group's name is the group's ("a senior Hezbollah commander
            # ... The group vowed to retaliate"), never a state's ("the British ambassador")
            if (prep in place and not visited) or (self._names_people(m) and cls != "group") \
                    or (m[5] and (prep or m[7] != "state") and not visited):
                continue
            if sent == here:
                best, best_sent = m, sent   # its own sentence: the nearest
            elif sent > best_sent:
                best, best_sent, earlier = None, sent, [(m, prep)]
            elif sent == best_sent and best is None:
                earlier.append((m, prep))
        if best is not None or not earlier:
            return best
        return self._previous_party(r, earlier, best_sent, target, cls)

    def _previous_party(self, r: _speakers.SpeakerResolver, cands: list[tuple[Mention, str]],
                        sent: int, target: bool | str, cls: str = "") -> Mention | None:
        """:meth:`_party_antecedent`'s choice among the candidates ``cands`` of earlier sentence
        ``sent`` (mentions with the preposition before each, in order). A target needs that
        sentence's subject to be told: a mention opening it (after "the" or a short adverbial
        and a comma: "On Monday, Russia ...") or a person's "I", "we", "he", "she" (no
        candidate's); "To stop Iran's path ..., I withdrew the United States" has none, and no
        target is taken from it. A subject its sentence's main row acted on ("Ukraine was
        invaded by Russia") stands aside for that row's doer (:meth:`_acting_subject`)."""
        d = r.d
        if target:
            first = bisect.bisect_left(d.sent, sent)
            opening = int(d.start[first]) if first < len(d.start) else -1
            ms = [m for m in self.earlier if m[0] >= opening and not r.in_quote(m[0])]
            subject = next((m for m in ms[:1] if self._opens_sentence(opening, m, ms)), None)
            closing = int(d.end[d.sent_end[sent] - 1]) if sent < len(d.sent_end) else len(self.text)
            doer = self._acting_subject(opening, closing, subject, ms)
            acted = doer is not subject and doer is not None and self._kind_fits(doer, cls)
            subject = doer
            if subject is None and _first_word(self.text[opening:opening + 8]) not in _PERSONAL_OPENERS:
                return None   # a person's "I"/"we"/"he"/"she" opening it is no candidate's
            told = [(m, p) for m, p in cands if subject is not None and m[2] == subject[2]]
            if target == "reaction" and (told or acted):
                # a reaction to the subject's act ("Russia invaded Ukraine. The UN condemned the
                # country"): the subject (rule actor.coref_reacted)
                return told[0][0] if told else subject
            cands = [(m, p) for m, p in cands if subject is None or m[2] != subject[2]]
            if not cands:   # ... and force, only when the subject is the one party named
                return told[0][0] if target == "reaction_unique" and told else None
        else:
            outside = [x for x in cands if not x[1]]
            if not outside or len({m[2] for m, _ in outside}) == 1:
                return outside[0][0] if outside else cands[0][0]
            cands = outside
        if len({m[2] for m, _ in cands}) > 1:
            named = {m[2] for m in self.mentions if m[2] is not None and not m[5]}
            cands = [(m, p) for m, p in cands if m[2] not in named]
            if len({m[2] for m, _ in cands}) != 1:
                return None
        return cands[0][0]

    def _acting_subject(self, opening: int, closing: int, subject: Mention | None,
                        ms: list[Mention]) -> Mention | None:
        """The party that acted in the earlier sentence at ``[opening, closing)`` whose opening
        mention is ``subject``: the subject itself, unless the sentence's main row acted on it
        (a passive: "Ukraine was invaded by Russia", "Kyiv was shelled by Russian forces"): then
        the mention of that row's doer, or None when no doer is named ("Ukraine was invaded"):
        the victim is no party a reaction is aimed at. A converse ("Ukraine received weapons
        from ...") keeps its subject, whom a reaction after it may well be about. ``ms``: the
        mentions from ``opening`` on."""
        if subject is None:
            return None
        main = next((row for _, row in self.previous if opening <= row["start"] < closing and row.get("main")), None)
        if main is None or main.get("target_actor") != subject[2] or main.get("source_actor") == subject[2] \
                or not str(main.get("rule") or "").startswith("verb.passive"):
            return subject
        doer = main.get("source_actor")
        return next((m for m in ms if m[2] == doer and m[0] < closing and not m[5]), None) if doer else None

    def _opens_sentence(self, opening: int, m: Mention, ms: list[Mention]) -> bool:
        """Whether mention ``m`` opens the sentence starting at offset ``opening``: nothing but
        "the" before it, or an adverbial of at most six words with no mention, then a comma."""
        return self._opens_at(opening, m, ("", "the"), ms)

    def _preposition_before(self, m: Mention) -> str:
        """The preposition the mention's phrase follows ("" when none); "of" inside a name
        ("the Gulf of Mexico") reads as "in", a place."""
        words = self.text[max(0, m[0] - 30):m[0]].split()
        if words and words[-1].lower() == "the":
            words = words[:-1]
        if words and (words[-1].lower() in _COORDINATION or words[-1].endswith(",")):
            # "in both Syria and Yemen", "in Yemen, Syria, and Iraq": a conjunct is in the phrase
            # of the name it is joined to
            prev = self._conjunct_before(m)
            if prev is not None:
                return self._preposition_before(prev)
            while words and words[-1].lower() in _COORDINATION:
                words = words[:-1]
        if not words or words[-1].lower() not in rules().prepositions:
            return ""
        if words[-1].lower() == "of" and len(words) > 1 and words[-2][:1].isupper():
            return "in"
        return words[-1].lower()

    def _conjunct_before(self, m: Mention) -> Mention | None:
        """The mention that mention ``m`` is coordinated with ("Syria" for "Yemen" in "Syria and
        Yemen", "Syria, Yemen"), if any."""
        for ms in (self.mentions, self.earlier):
            for i in range(len(ms) - 1, -1, -1):   # not reversed(ms): mypyc 1.x fails on it here
                x = ms[i]   # the mentions are few back to m's recent sentence
                if x[0] >= m[0] or x[1] > m[0]:
                    continue
                gap = self.text[x[1]:m[0]].replace(",", " ").lower().split()
                return x if gap in ([], ["and"], ["or"], ["the"], ["and", "the"], ["or", "the"]) else None
        return None

    def _names_people(self, m: Mention) -> bool:
        words = self.text[m[0]:m[1]].lower().split()
        head = words[-1] if words else ""
        return head in _speakers.ROLE_NOUNS or head in _speakers.PERSON_GROUPS or head in _speakers.GENDERED_NOUNS

    @staticmethod
    def _kind_fits(m: Mention, cls: str) -> bool:
        """Does mention ``m`` (by its actor type) fit a description of class ``cls``: a state
        for "state", anything but a state for "group", a state or an IGO for "organisation"?"""
        kind = m[7] if len(m) > 7 else None
        if kind is None:
            return False
        if cls == "organisation":   # a ministry, an army, an agency: of a state or an IGO
            return kind in ("state", "igo")
        return (kind == "state") == (cls == "state")

    def _last_before(self, a: int, kind: str, not_actor: str | None) -> Mention | None:
        """The last mention ending before ``a`` that is no place, names a person (``kind``
        "person") or none ("group"), and is not ``not_actor``'s (``actor.coref_recent``)."""
        for ms in (self.mentions, self.earlier):
            for m in ms[::-1]:
                if m[1] <= a and not m[5] and (m[3] is not None) == (kind == "person") \
                        and (not_actor is None or m[2] != not_actor):
                    return m
        return None

    def _plural(self, a: int, not_actor: str | None) -> tuple[Mention, Mention] | None:
        """Rule ``actor.coref_plural``: "they"/"their" after "Blinken and Lammy discussed ..." is
        the pair (its first member's actor): the last two mentions joined by "and" before ``a``
        (:meth:`_actor` takes it only from its own sentence or the one right before)."""
        return next((p for p in self._pairs_before(a) if not_actor is None or p[0][2] != not_actor), None)

    def _one_of_far_pair(self, actor: str | None, pair: tuple[Mention, Mention] | None, a: int) -> bool:
        """Whether a plural pronoun at ``a`` resolved to ``actor`` would pick one member of
        ``pair``, a pair named before the sentence before: other people have come in between
        ("Israel and Hamas agreed to a truce. Residents celebrated in the streets. They said
        ...": the residents), "they" is neither the pair nor one of it, and no guess is made.
        A member named again after the pair is a fair antecedent ("Hamas fighters ... They")."""
        if pair is None or actor is None or actor not in (pair[0][2], pair[1][2]):
            return False
        return not any(m[2] == actor and pair[1][1] <= m[0] < a for m in self.earlier + self.mentions)

    def _previous_sentence_start(self) -> int:
        """The offset where the sentence before this one starts (this one's start when it is the
        first): by the speakers' sentences when there is a resolver, else by the text."""
        here = int(self.tok_start[0])
        if self.speakers is not None:
            d = self.speakers().d
            tok = bisect.bisect_left(d.start, here)
            if 0 < tok < len(d.start):
                sent = d.sent[tok - 1]
                return int(d.start[d.sent_start[sent]])
            return here
        cut = max(self.text.rfind(x, 0, max(0, here - 1)) for x in (". ", "? ", "! ", "\n"))
        return cut + 1 if cut >= 0 else 0

    def speaker_at(self, c: cl.Chunk | None, claimant: bool = False) -> dict | None:
        """Rule ``actor.quote_speaker_span``: the actor fields the quotes step resolved for the
        speaker phrase that starts at chunk ``c`` and holds its head ("..., the defence ministry
        in Baku said": AZE), for a reporter the events' own reading leaves without an actor;
        for a ``claimant``, not the speaker of a silence (a sixth field true: "A spokesman for
        the Chilean ministry would not comment on reports that ..." claims none of them).

        Example:
            >>> ctx = SentenceContext("d", "the ministry said", [0, 4, 13], [3, 12, 17], [], [], [],
            ...                       speaker_spans=[(0, 12, "AZE", None, "gov")])
            >>> ctx.speaker_at(cl.Chunk(0, 2, 1, "np"))["actor"]
            'AZE'
        """
        if c is None:
            return None
        a, h = int(self.tok_start[c.start]), int(self.tok_start[c.head])
        for t in self.speaker_spans:
            if t[0] == a and h < t[1] and not (claimant and len(t) > 5 and t[5]):
                return {"actor": t[2], "person": t[3], "sector": t[4]}
        return None

    def quote_speaker(self, cue: Cue, s: cl.Structure) -> dict | None:
        """The speaker (actor fields) of the speech quotation holding the cue, if any."""
        a = int(self.tok_start[cue.tok])
        for qa, qb, act, per, sec in self.quotes:
            if qa <= a < qb and act:
                # the speakers step gives a news outlet's speaker no state unless its state runs
                # it (rule state_media: "according to Syria's state news agency SANA")
                got: dict = {"actor": act, "person": per, "sector": sec}
                if sec == MEDIA:
                    got[STATE_MEDIA] = True
                return got
        return None

    def in_direct_quote(self, cue: Cue) -> bool:
        """Whether the cue lies in a quotation whose content opens at a quotation mark or a
        transcript's colon (the speaker's own words), not in an indirect quote's reported clause.

        Example:
            >>> # '"We would respond," he said': True for "respond"; 'he said they would respond': False
        """
        a = int(self.tok_start[cue.tok])
        for qa, qb, _, _, _ in self.quotes:
            if qa <= a < qb:
                # a quotation mark, or the colon of a transcript line ("THE PRESIDENT: I would ...")
                return any(ch in _QUOTE_MARKS or ch == ":" for ch in self.text[max(0, qa - 2):qa + 1])
        return False

    def _fields(self, m: Mention, a: int, b: int) -> dict:
        return {"actor": m[2], "person": m[3], "sector": m[4], "text": self.text[a:b], "start": a, "end": b,
                STATE_MEDIA: len(m) > 6 and m[6], "place": bool(m[5]), "contested": len(m) > 8 and bool(m[8])}

    def names_party(self, k: int) -> bool:
        """Whether token ``k`` lies inside a mention of an actor that is no place reading
        ("accused Moscow", not "a hard time in Moscow").

        Example:
            >>> # "The country accused Moscow": True for "Moscow"; "hard times in Moscow": False
        """
        a, b = int(self.tok_start[k]), int(self.tok_end[k])
        return any(m[0] <= a and m[1] >= b and m[2] is not None and not m[5] for m in self.mentions)

    def place_at(self, k: int) -> bool:
        """Whether token ``k`` lies inside a place reading of a mention ("shelled Horlivka").

        Example:
            >>> # "shelled Horlivka": True for "Horlivka"; "Horlivka's mayor": False for "mayor"
        """
        a, b = int(self.tok_start[k]), int(self.tok_end[k])
        return any(m[0] <= a and m[1] >= b and m[5] for m in self.mentions)

    def names_person(self, c: cl.Chunk) -> bool:
        """Whether chunk ``c`` ends in the name of a person the mentions know ("Wang",
        "Foreign Minister Wang Yi"), not a role or a group.

        Example:
            >>> # "Blinken travelled to Beijing": True for "Blinken"; "Russian troops": False
        """
        a, b = int(self.tok_start[c.head]), int(self.tok_end[c.head])
        return any(m[0] <= a and m[1] >= b and m[3] is not None and not m[5] for m in self.mentions)

    def adjective_actor(self, k: int) -> bool:
        """Whether token ``k`` lies inside a mention of an actor."""
        got = self._in_actor.get(k)
        if got is None:
            a, b = int(self.tok_start[k]), int(self.tok_end[k])
            got = self._in_actor[k] = any(m[0] <= a and m[1] >= b and m[2] is not None for m in self.mentions)
        return got


_RESOLVER_FIELDS = ("start", "end", "actor", "person", "sector", "role", "kind", "location", "actor_type", "entry")


class _DocSpeakers:
    """The speaker resolver of each document of a chunk, built the first time one of its
    pronouns is resolved (most documents never need one): the quotes step's resolver
    (:class:`toolkit.speakers.SpeakerResolver`) over the same tokens, mentions and quotations,
    so events and quotes resolve "he", "she", "it" and "we" with one search."""

    def __init__(self, cols: dict, tok_groups: dict, texts: Mapping[str, str],
                 mentions: pd.DataFrame, quotes: dict[str, list], speaker: Mapping[str, str | None]):
        """``quotes``: each document's spans in quotation marks (:func:`_direct_spans`)."""
        self.cols, self.tok_groups, self.texts = cols, tok_groups, texts
        self.mentions, self.quotes, self.speaker = mentions, quotes, speaker
        self._rows: dict | None = None
        self._ments: dict = {}
        self._mcols: dict = {}
        # the last document's resolver only: the sentences come in document order, and a
        # resolver built again answers alike (what it caches it would find again)
        self._doc: str | None = None
        self._resolver: _speakers.SpeakerResolver | None = None

    def of(self, doc: str) -> Callable[[], _speakers.SpeakerResolver]:
        """A zero-argument function returning ``doc``'s resolver (built on the first call)."""
        return lambda: self._resolver if self._doc == doc and self._resolver is not None else self._build(doc)

    def _build(self, doc: str) -> _speakers.SpeakerResolver:
        if self._rows is None:   # one pass over the chunk's sentences, on the first pronoun
            self._rows = {}
            for (d, _), v in self.tok_groups.items():
                if len(v):
                    self._rows.setdefault(d, []).append(v)
            m = self.mentions
            self._ments = _doc_rows(m["doc_id"]) if len(m) else {}
            # missing values as None, column by column (not value by value per document)
            self._mcols = {k: (_none_for_missing(m[k]) if k in m else [None] * len(m)) for k in _RESOLVER_FIELDS}
            self._mcols["location"] = [bool(v) for v in self._mcols["location"]]
        c = self.cols
        sents = sorted(self._rows.get(doc, []), key=lambda v: c["start"][v[0]])
        sizes = [len(v) for v in sents]
        if sents and all(isinstance(v, range) for v in sents) and all(
                x.stop == y.start for x, y in zip(sents, sents[1:])):
            rows: range | list = range(sents[0].start, sents[-1].stop)   # the tokenizer's order
        else:
            rows = [k for v in sents for k in v]
        low = _take(c["lower"], rows) if c["lower"] is not None else [str(w).lower() for w in _take(c["text"], rows)]
        firsts = list(itertools.accumulate([0, *sizes]))
        arrays = _speakers.TokenArrays(self.texts[doc], _take(c["start"], rows), _take(c["end"], rows),
                                       _take(c["text"], rows), low,
                                       list(itertools.chain.from_iterable(map(itertools.repeat, range(len(sizes)), sizes))), firsts[:-1], firsts[1:])
        # "X said": X is a person; looked up in the chunk's lemmas only when a name asks
        cues = _ReportingTokens(c["lemma"], rows.start, len(rows), _reporting_classes()) \
            if isinstance(rows, range) else _ReportingTokens(_take(c["lemma"], rows), 0, len(rows), _reporting_classes())
        mc = self._mcols
        idx = self._ments.get(doc, ())
        if len(idx) and idx[-1] - idx[0] + 1 == len(idx):   # the doc's mentions are consecutive rows
            i, j = int(idx[0]), int(idx[-1]) + 1
            ms = list(map(_speakers.Mention._make, zip(*[mc[k][i:j] for k in _RESOLVER_FIELDS])))
        else:
            ms = list(map(_speakers.Mention._make, zip(*[[mc[k][i] for i in idx] for k in _RESOLVER_FIELDS])))
        spans = self.quotes.get(doc, [])
        self._doc, self._resolver = doc, None   # the previous document's is let go first
        r = self._resolver = _speakers.SpeakerResolver(arrays, ms, spans, cues, self.speaker.get(doc))
        return r


def _doc_rows(doc_ids: pd.Series) -> dict[str, Sequence[int]]:
    """Each document's rows of a table: a ``range`` when every document's rows are consecutive
    (as the steps write their tables), else ``groupby`` indices."""
    codes, uniq = pd.factorize(doc_ids, sort=False)
    step = np.diff(codes)
    if len(codes) and codes.min() >= 0 and (step >= 0).all():   # first-seen codes: runs in order
        cut: list[int] = (np.flatnonzero(step) + 1).tolist()
        return {d: range(a, b) for d, a, b in zip(uniq.tolist(), [0, *cut], [*cut, len(codes)])}
    return doc_ids.groupby(doc_ids, sort=False).indices


def _none_for_missing(col: pd.Series) -> list:
    """``col`` as a list with ``None`` for every missing value (NaN, None, NA)."""
    vals = col.tolist()
    if col.hasnans:
        for i in np.flatnonzero(col.isna().to_numpy()).tolist():
            vals[i] = None
    return vals


class _ReportingTokens:
    """The tokens of a document whose lemma is a reporting verb (``t in cues``), read from the
    chunk's lemma column at the document's first row when asked (only the names pass asks)."""

    def __init__(self, lemmas: list, first: int, n: int, classes: Mapping[str, str]):
        self.lemmas, self.first, self.n, self.classes = lemmas, first, n, classes

    def __contains__(self, t: object) -> bool:
        return isinstance(t, int) and 0 <= t < self.n and self.lemmas[self.first + t] in self.classes


def _doc_speakers(documents: pd.DataFrame | None) -> dict[str, str | None]:
    """Each document's speaking state, as the actors step reads it ("my country"): the
    ``speaker_actor`` column, else a ``country`` value that is a gazetteer actor code (UN
    General Debate speeches)."""
    if documents is None or not {"speaker_actor", "country"} & set(documents.columns):
        return {}
    from .actors import _speaker_values, load_gazetteer
    return dict(zip(documents["doc_id"], _speaker_values(documents, "auto", load_gazetteer())))


def _mention_lists(mentions: pd.DataFrame) -> dict[str, list[Mention]]:
    """Each document's mentions as plain tuples sorted by start (looked up per chunk, so no pandas)."""
    out: dict[str, list[Mention]] = {}
    if mentions is None or mentions.empty:
        return out
    m = mentions.sort_values(["doc_id", "start"], kind="stable")
    nn = lambda v: None if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA else v
    loc = m["location"].fillna(False).astype(bool).tolist() if "location" in m else [False] * len(m)
    # a state's own outlet (actors.csv role state_media) speaks for its state
    state = (m["role"] == STATE_MEDIA).tolist() if "role" in m else [False] * len(m)
    types = m["actor_type"].tolist() if "actor_type" in m else [None] * len(m)
    # a place whose state is disputed (actors.csv flag ``contested``: occupied, breakaway)
    contested = _contested_entries()
    disputed = m["entry"].isin(contested).tolist() if "entry" in m and contested else [False] * len(m)
    for d, a, b, act, per, sec, lo, st, ty, dis in zip(m["doc_id"].tolist(), m["start"].tolist(), m["end"].tolist(),
                                                       m["actor"].tolist(), m["person"].tolist(), m["sector"].tolist(),
                                                       loc, state, types, disputed):
        out.setdefault(d, []).append((int(a), int(b), nn(act), nn(per), nn(sec), bool(lo), bool(st), nn(ty),
                                      bool(lo) and bool(dis)))
    return out


def _contested_entries() -> frozenset[str]:
    """Gazetteer entries of places whose state is disputed (actors.csv ``contested``/``disputed``:
    "Horlivka", "Stepanakert"), as toolkit.speakers reads them."""
    from .actors import load_gazetteer
    from .speakers import _contested_entries_of
    return _contested_entries_of(load_gazetteer())


def _quote_lists(quotes: pd.DataFrame | None) -> dict[str, list]:
    if quotes is None or quotes.empty:
        return {}
    q = quotes[~quotes["kind"].isin(("scare", "title", "term", "mention"))]
    if "cue_kind" in q:   # "would not comment on reports that ...": a silence claims nothing
        q = q[q["cue_kind"] != "silence"]
    if q.empty:
        return {}
    if "speaker" in q:   # "..., a charge Minsk denied": the denier claims none of what it answers
        q = q[~q["speaker"].map(_claim_noun_speaker)]
    out: dict[str, list] = {}
    none = [None] * len(q)
    # The columns' own values, as itertuples would give them (a missing actor may be NaN).
    for d, s, e, a, b, act, per, sec in zip(q["doc_id"], q["start"], q["end"],
                                            q["content_start"] if "content_start" in q else none,
                                            q["content_end"] if "content_end" in q else none,
                                            q["speaker_actor"], q["speaker_person"], q["speaker_sector"]):
        if a is None or pd.isna(a):  # the content span, not the attribution around it
            a, b = s, e
        # A quote with no speaker actor holds NaN or NA, and NaN is true: kept as is it would
        # give "we" inside the quote a speaker it does not have.
        out.setdefault(d, []).append((int(a), int(b), _none(act), _none(per), _none(sec)))
    return out


def _claim_noun_speaker(speaker) -> bool:
    """Rule ``claim.relative_denial`` for quotes: whether a quote's speaker phrase opens with a
    claim noun (events.yaml ``claim_nouns``), as in "..., a charge Minsk denied", whose quote
    answers an accusation rather than claiming it.

    Example:
        >>> _claim_noun_speaker("a charge Minsk"), _claim_noun_speaker("the foreign ministry")
        (True, False)
    """
    if not isinstance(speaker, str):
        return False
    words = speaker.lower().split()
    if words and words[0] in ("a", "an", "the"):
        words = words[1:]
    nouns = rules().claim_nouns
    return len(words) > 1 and (words[0] in nouns or words[0].endswith("s") and words[0][:-1] in nouns)


def _speaker_spans(quotes: pd.DataFrame | None) -> dict[str, list[tuple]]:
    """Each document's quote speaker phrases that have a speaker actor, as (start, end, actor,
    person, sector) (:meth:`SentenceContext.speaker_at`)."""
    if quotes is None or quotes.empty or "speaker_start" not in quotes:
        return {}
    q = quotes[quotes["speaker_start"].notna() & quotes["speaker_actor"].notna()]
    # a silence's speaker ("would not comment on reports that ...") is no claimant of what it
    # will not discuss: the sixth field marks it (:meth:`SentenceContext.speaker_at`)
    silent = q["cue_kind"] == "silence" if "cue_kind" in q else [False] * len(q)
    out: dict[str, list[tuple]] = {}
    for d, a, b, act, per, sec, hush in zip(q["doc_id"], q["speaker_start"], q["speaker_end"], q["speaker_actor"],
                                            q["speaker_person"], q["speaker_sector"], silent):
        out.setdefault(d, []).append((int(a), int(b), act, _none(per), _none(sec), bool(hush)))
    return out


def _direct_spans(quotes: pd.DataFrame | None) -> dict[str, list[tuple[int, int]]]:
    """Each document's spans of direct quotations, whose names are someone else's words to the
    pronoun search (an indirect quote's content is the writer's own text)."""
    if quotes is None or quotes.empty:
        return {}
    q = quotes[quotes["kind"] == "direct"]
    a = q["content_start"].fillna(q["start"]) if "content_start" in q else q["start"]
    b = q["content_end"].fillna(q["end"]) if "content_end" in q else q["end"]
    out: dict[str, list] = {}
    for d, s, e in zip(q["doc_id"], a, b):
        out.setdefault(d, []).append((int(s), int(e)))
    return out


def _quote_bounds(quotes: list) -> tuple[list[int], list[int]] | None:
    """The quotes' starts and ends when both are in order (then the quotes over a span are a
    run of the list, found by bisect), else ``None``."""
    qa, qb = [q[0] for q in quotes], [q[1] for q in quotes]
    if all(x <= y for x, y in zip(qa, qa[1:])) and all(x <= y for x, y in zip(qb, qb[1:])):
        return qa, qb
    return None


def _quotes_over(quotes: list, bounds: tuple | None, a: int, b: int) -> list:
    """The quotes that overlap ``[a, b)``, in their order: the only ones that can hold a token
    of a sentence there (SentenceContext reads the quotes holding a token's start).

    Example:
        >>> qs = [(0, 5, "RUS", None, None), (10, 20, "UKR", None, None), (30, 40, None, None, None)]
        >>> _quotes_over(qs, _quote_bounds(qs), 12, 31) == qs[1:], _quotes_over(qs, None, 6, 9)
        (True, [])
    """
    if bounds is None:
        return [q for q in quotes if q[0] < b and q[1] > a]
    qa, qb = bounds
    return quotes[bisect.bisect_right(qb, a):bisect.bisect_left(qa, b)]


def _none(v):
    """``v``, or None for a missing value (None, NaN, pd.NA).

    Example:
        >>> _none(float("nan")) is None, _none("RUS")
        (True, 'RUS')
    """
    return None if v is None or v is pd.NA or (isinstance(v, float) and v != v) else v


# ----------------------------------------------------------------------------- driver
def _upgrade_claims(s: cl.Structure, events: list[Event], actors: list[dict], cues: list[Cue]) -> None:
    """``claim.accuse``: a neutral speech act reporting a third party's conflict act accuses it."""
    r = rules()
    neutral = r.neutral
    for i, e in enumerate(events):
        if e.act not in ("statement", "consider") or _reporting_classes().get(cues[e.cue].lemma, "neutral") not in neutral:
            continue
        p = s.predicate_at(e.tok)
        if actors[i]["source"].get("actor") is None or actors[i]["source"].get("sector") == MEDIA:
            continue  # a monitor, "officials" or a news outlet reporting an attack attribute it; they do not accuse
        for j, x in enumerate(events):
            if x.claim_of != i or x.absorbed or (cues[x.cue].quad not in CONFLICT and not _arms_rebels(x, actors[j])
                                                 and not _incursion(s, x, actors[j], actors[i])):
                continue
            src = actors[j]["source"].get("actor")
            if _own_charge(events, actors, cues, i, src):
                break
            # what the speaker says did or will happen, not what would happen if ("could face
            # sanctions if it refuses") or did not happen; "Iranian-backed militias" are a party
            # the speaker accuses though no actor code names them
            if (src is not None and src != actors[i]["source"].get("actor") or actors[j]["source"].get("backed")) \
                    and factuality(s, x, claimant_actor=None, source_actor=None) not in _NOT_CHARGED \
                    and (p is None or _charged(s, p, x.clause, r)):
                e.act, e.act_rule = "accuse", "claim.accuse"
                e.target = Arg(x.source.chunk, "target.claim_subject")
                break


_NOT_CHARGED = frozenset({"denied", "negated", "hypothetical", "conditional", "question"})


def _own_charge(events: list[Event], actors: list[dict], cues: list[Cue], i: int, accused: str | None) -> bool:
    """Rule ``claim.own_charge``: the report ``events[i]`` already carries the speaker's own
    verbal act of conflict aimed at the party it reports acting ("Cuba accused the United
    States of waging economic war, the foreign minister said"): the accusation is that act's
    row, and the report adds no second one (it stays a statement).

    Example:
        >>> # "Quito condemned Lima for the raid, the minister said": one criticize row, no accuse
    """
    speaker = actors[i]["source"].get("actor")
    return accused is not None and any(
        y.claim_of == i and not y.absorbed and cues[y.cue].quad == "verbal_conflict"
        and actors[k]["source"].get("actor") == speaker and actors[k]["target"].get("actor") == accused
        for k, y in enumerate(events))


def _charged(s: cl.Structure, p: cl.Predicate, cid: int, r: Rules) -> bool:
    """Whether speech predicate ``p`` asserts what clause ``cid`` says (events.yaml
    ``responsibility``): not when ``p`` is negated or the sentence a question, when ``cid`` opens
    with "whether"/"if", or when a clause between them holds a denial verb ("Israel denied it
    was behind the attack, Iran said"), a negated verb ("could not confirm that") or an open word
    ("it was unclear whether").

    Example:
        >>> # "Ukraine said it could not confirm that Russia was behind the blast": no accusation
    """
    if p.negated or s.question:
        return False
    c = s.clauses[cid]
    if c.marker >= 0 and s.lower[c.marker] in r.open_markers:
        return False
    up = c.parent
    while up >= 0 and up != p.clause:
        if any(q.clause == up and (q.negated or _reporting_classes().get(s.lemma[q.head]) in r.denial)
               for q in s.predicates):
            return False
        if any(s.lower[k] in r.open_words for k in s.clauses[up].tokens):
            return False
        up = s.clauses[up].parent
    return True


def _harm_named(s: cl.Structure, c: cl.Chunk | None, cues: list[Cue], r: Rules) -> bool:
    """Whether chunk ``c`` names a harm: a conflict cue in it or a noun of events.yaml
    ``responsibility.harms`` ("the explosion on the bridge", "the blast")."""
    return c is not None and (s.lemma[c.head] in r.harm_nouns or s.lower[c.head] in r.harm_nouns
                              or any(c.start <= x.tok < c.end and x.quad in CONFLICT for x in cues))


def _blamed(s: cl.Structure, q: cl.Predicate, cues: list[Cue], r: Rules) -> cl.Chunk | None:
    """The party a reported clause makes responsible for a harm: the subject of "was behind" or
    "was responsible for" a harm, or the by-agent of a passive verb of ``responsibility.verbs``
    whose subject is a harm ("the attack had been organised by Iran"); ``None`` otherwise."""
    if q.voice == "passive" and s.lemma[q.head] in r.responsibility_verbs and _harm_named(s, q.patient, cues, r):
        return q.agent
    if q.voice != "active" or s.lemma[q.head] not in r.copular or q.agent is None:
        return None
    k = q.end
    while k < len(s.lower) and s.tags[k] == "RB":
        if s.lower[k] in cl.words().negators:
            return None   # "said China was not behind the explosion": no blame
        k += 1
    if k < len(s.lower) and s.lower[k] in r.responsible_preps:
        return q.agent if _harm_named(s, s.chunk_at(k + 1), cues, r) else None
    if k + 1 < len(s.lower) and s.lemma[k] in r.responsible_for and s.lower[k + 1] == "for":
        return q.agent if _harm_named(s, s.chunk_at(k + 2), cues, r) else None
    return None


def _responsibility_claims(s: cl.Structure, events: list[Event], actors: list[dict], cues: list[Cue],
                           ctx: SentenceContext, r: Rules) -> None:
    """``claim.responsibility``: a neutral speech act saying another party was behind or
    responsible for a harm, or that it was carried out or organised by one, accuses that party
    (CAMEO 112; the codebook's blame): "The Kremlin said Ukraine was behind the explosion on
    the bridge" is RUS accuse UKR, though an explosion is no act of the lexicon. The uncoded
    verb of responsibility itself ("organised") is no row of its own.

    Example:
        >>> # "Baku said the attack on its embassy had been organised by Iran": AZE accuse IRN
    """
    neutral = r.neutral
    for i, e in enumerate(events):
        if e.act not in ("statement", "consider") or _reporting_classes().get(cues[e.cue].lemma, "neutral") not in neutral:
            continue
        speaker = actors[i]["source"]
        p = s.predicate_at(e.tok)
        if speaker.get("actor") is None or speaker.get("sector") == MEDIA or p is None:
            continue
        inner = _speech_complements(s, p)
        for q in s.predicates:
            blamed = _blamed(s, q, cues, r) if q.clause in inner and not q.negated else None
            if blamed is not None and not _charged(s, p, q.clause, r):
                blamed = None
            who = ctx.actor(blamed, s)[0].get("actor") if blamed is not None else None
            if who is None or who == speaker["actor"]:
                continue
            e.act, e.act_rule, e.target = "accuse", "claim.responsibility", Arg(blamed, "target.blamed")
            for x in events:
                if x.tok == q.head and x.act == "unclassified":
                    x.absorbed = True
            break


def _incursion(s: cl.Structure, e: Event, actors: dict, speaker: dict) -> bool:
    """Rule ``claim.accuse`` also fires on a claimed entry into the speaker's own ground: an
    uncoded act of another party aimed at the speaker's state whose target is a territory noun
    (events.yaml ``incursion_nouns``: "Bolivia said Peruvian troops had crossed into its
    territory", "said the vessel had entered Chinese waters"). A violation of territory is a
    hostile act (CAMEO 15 military posture; the adv codebook: aircraft incursions), which is
    what the speaker charges; "said it had received the letter from X" stays a statement.

    Example:
        >>> # "Oman said Yemeni boats had entered Omani waters": OMN accuse YEM
    """
    own = speaker["source"].get("actor")
    ch = e.target.chunk
    return e.act == "unclassified" and ch is not None and own is not None \
        and s.lower[ch.head] in rules().incursion_nouns and actors["target"].get("actor") == own \
        and actors["source"].get("actor") not in (None, own)


def _arms_rebels(e: Event, actors: dict) -> bool:
    """Rule ``claim.accuse`` also fires on a claimed act of help to another state's rebels
    (actors sector REB; "told parliament that the League was arming Ardanian rebels"): material support to an insurgency is a hostile act toward the state it
    fights, which is what the speaker charges (CAMEO 112 accuse; the aid itself is 07).
    The acts and sectors are events.yaml ``rebel_support``."""
    tgt, r = actors["target"], rules()
    return e.act in r.rebel_support_acts and tgt.get("sector") in r.rebel_support_sectors \
        and tgt.get("actor") is not None and tgt.get("actor") != actors["source"].get("actor")


def _is_top(s: cl.Structure, cid: int) -> bool:
    """A main clause, or the content of a postposed report ("..., officials said")."""
    key = ("events._is_top", cid)
    got = s.memo.get(key)
    if got is None:
        got = s.memo[key] = all(a.kind in ("main", "report") or a.rule == "clause.report_postposed"
                                for a in s.ancestors(cid))
    return got


# "sir" and "madam" are vocatives the tagger can read as verbs ("Thank you, sir."), never a predicate.
_NOT_ACTS = frozenset({"be", "have", "do", "become", "remain", "seem", "appear", "say", "tell", "add",
                       "sir", "madam"})


@functools.lru_cache(maxsize=1)
def _inert_verbs() -> frozenset:
    """The lemmas no predicate rule makes an event of (:func:`_may_act`): the copulas and
    auxiliaries of ``_NOT_ACTS`` that are no reporting verb (``_speech_verbs``), no visit verb
    (``_visits``) and no "call/push/press" (``_speech_verbs``' directive phrases). Cached as
    :func:`rules` and the reporting classes are (clear it with them).

    Example:
        >>> "be" in _inert_verbs(), "visit" in _inert_verbs()
        (True, False)
    """
    return frozenset(_NOT_ACTS - set(_reporting_classes()) - rules().visit_verbs - {"call", "push", "press"})


_PREDICATE_TAGS = cl.VERB_TAGS | {"MD"}


def _may_act(tags: Sequence[str], lemmas: Sequence[str]) -> bool:
    """Whether a sentence without cues can yield an event: without cues every event comes from a
    predicate (``_visits``, ``_speech_verbs``, ``_uncoded_main``) whose head is tagged as a verb
    or a modal (``cl.verb_groups``; ``cl.repair_phrase_tags`` never makes one) and whose lemma is
    not one of :func:`_inert_verbs`. A sentence failing this test is not parsed.

    Example:
        >>> _may_act(["DT", "VBZ", "DT", "JJ", "NN"], ["this", "be", "a", "historic", "moment"])
        False
        >>> _may_act(["NNP", "VBD", "NNP"], ["russia", "visit", "china"])
        True
    """
    inert = _inert_verbs()
    return any(t in _PREDICATE_TAGS and lem not in inert for t, lem in zip(tags, lemmas))


def _reports_nothing(s: cl.Structure, p: cl.Predicate) -> bool:
    """``verb.uncoded_reporting``: a reporting or directive verb used for an act, with an object
    and no reported clause ("sought refuge in Bangladesh", "pushed the parliament for reforms")."""
    nxt = s.lower[p.patient.end] if p.patient is not None and p.patient.end < len(s.lower) else ""
    return p.patient is not None and p.voice == "active" and not _speech_complements(s, p) \
        and _infinitive_after(s, p) is None and nxt not in ("to", "as")  # "quoted Peskov as saying"


def _ready_to(s: cl.Structure, p: cl.Predicate, r: Rules) -> bool:
    """An infinitive after a copula and an adjective of readiness ("Italy is ready to contribute";
    events.yaml ``ready_adjectives``): the subject's intended act is the main predicate."""
    k = p.start - 1
    return k >= 1 and s.lower[k] in r.ready_adjectives and s.tags[k] == "JJ" and s.lemma[k - 1] in r.copular


def _uncoded_main(s: cl.Structure, events: list[Event], r: Rules) -> cl.Predicate | None:
    """``verb.uncoded``: the main clause's first predicate when no cue covers it and every cue
    of the sentence comes after it or in a subordinate clause; its act is ``unclassified``."""
    w = cl.words()
    # the word tests first: they are cheaper than the clause and relative tests
    preds = [p for p in s.predicates if s.lemma[p.head] not in _NOT_ACTS and (s.lower[p.start] != "to" or _ready_to(s, p, r))
             and (s.tags[p.head] != "VBG" or p.start < p.head) and (p.agent is not None or p.voice == "passive")
             and s.clauses[p.clause].kind != "report" and _is_top(s, p.clause) and not _reduced_relative(s, p)
             and (s.lemma[p.head] not in w.reporting or _reports_nothing(s, p))]
    if not preds:
        # "X said (that) the government will not lift the ban": the reported clause's predicate.
        reps = [p for p in s.predicates if _is_top(s, p.clause) and s.lemma[p.head] in w.reporting]
        spoken = [e for e in events if reps and e.tok == reps[0].head and e.act not in ("statement", "consider")]
        inner = _speech_complements(s, reps[0]) if reps and not spoken else set()
        preds = [p for p in s.predicates if p.clause in inner and s.lemma[p.head] not in _NOT_ACTS
                 and s.lower[p.start] != "to" and s.lemma[p.head] not in w.reporting and s.tags[p.head] != "VBG"
                 and (p.agent is not None or p.voice == "passive")]
        if not preds or any(e.clause in inner for e in events):
            return None
        return preds[0]
    p = preds[0]
    inf = _infinitive_after(s, p)
    controls = s.lemma[p.head] in w.directive or s.lemma[p.head] in w.object_control
    if inf is not None and not controls:
        if any(inf.start <= e.tok <= inf.head or (inf.patient is not None and inf.patient.start <= e.tok < inf.patient.end)
               for e in events):
            return None  # "decided to lift sanctions": the infinitive's act is the event
        if inf.agent is not None and s.lemma[inf.head] not in _NOT_ACTS:
            p = inf  # "have begun leaving Afghanistan": the act is the gerund's
    live = [e for e in events if _is_top(s, e.clause)]
    if any(p.start <= e.tok <= p.head for e in events) or (live and live[0].tok < p.head):
        return None
    if p.patient is not None and any(p.patient.start <= e.tok < p.patient.end and e.act_rule.startswith("noun.")
                                     or e.act_rule == "verb.naming" and e.source.chunk is p.agent for e in events):
        return None  # "issued a warning", "derailed the negotiations": the noun's event is the act
    return p


def _conjuncts(s: cl.Structure, c: cl.Chunk, actor_tok=None) -> list[cl.Chunk]:
    """The chunks coordinated before ``c`` ("Blinken and Lammy": [Blinken, Lammy]); ``c`` last.
    Rule ``np.adjective_conjunct``: with ``actor_tok``, an actor adjective alone before "and" at
    the start of the phrase is a conjunct of its own ("Iranian and Saudi officials met": Iran's
    officials and Saudi Arabia's), also when the chunker kept the coordinated adjectives inside
    one phrase ("Chinese and Russian leaders", tagged JJ CC JJ NNS: :func:`_inner_adjectives`).
    A phrase after a verb other than a reporting verb is that verb's object, not a conjunct, when
    a comma follows it ("should stop its tests, Japan and South Korea said": [Japan, South Korea])."""
    out = _inner_adjectives(s, c, actor_tok) if actor_tok is not None else [c]
    comma = False
    while True:
        first = out[0]
        k = first.start - 1
        if k < 1 or s.lower[k] not in ("and", ",") or comma and s.lower[k] == "and":
            break   # "criticised Argentina and Chile, the ministry said": "and" closes a list, after its commas
        comma = comma or s.lower[k] == ","
        prev = s.chunk_at(k - 1)
        if prev is None and actor_tok is not None and s.tags[k - 1] in ("JJ", "NNP") and actor_tok(k - 1) \
                and (k == 1 or s.tags[k - 2] in ("DT", "IN", ",", "CC", "RB")) and s.tags[first.start] in ("JJ", "NNP"):
            prev = cl.Chunk(k - 1, k, k - 1, "np.adjective_conjunct")
        if prev is None or prev.end != k:
            break
        if s.lower[k] == "," and prev.start > 0 and s.tags[prev.start - 1].startswith("VB") \
                and s.lemma[prev.start - 1] not in _reporting_classes():
            break   # "North Korea should stop its missile tests, Japan and South Korea said": an object ends there
        out.insert(0, prev)
    return out


def _inner_adjectives(s: cl.Structure, c: cl.Chunk, actor_tok) -> list[cl.Chunk]:
    """Rule ``np.adjective_conjunct`` inside one phrase: actor adjectives coordinated at the start
    of chunk ``c`` before its head ("French, German and Italian ministers") are conjuncts of
    their own; the last keeps the rest of the phrase ("Italian ministers").

    Example:
        >>> # "Israeli and American officials condemned Iran": [Israeli] [American officials]
    """
    starts, k = [c.start], c.start
    while k + 2 < c.head and s.tags[k] in ("JJ", "NNP") and actor_tok(k):
        j = k + 1
        if s.lower[j] == "," and s.lower[j + 1] == "and":
            j += 1
        if s.lower[j] not in ("and", ",") or j + 1 >= c.head or s.tags[j + 1] not in ("JJ", "NNP") \
                or not actor_tok(j + 1):
            break
        starts.append(j + 1)
        k = j + 1
    if len(starts) < 2 or "and" not in s.lower[c.start:starts[-1]]:
        return [c]
    parts = [cl.Chunk(a, a + 1, a, "np.adjective_conjunct") for a in starts[:-1]]
    return parts + [cl.Chunk(starts[-1], c.end, c.head, c.rule)]


# Reporting-verb classes that are speech acts of their own: (act, CAMEO code, quad class).
_SPEECH_CLASSES = {"reassuring": ("reassure", "030", "verbal_cooperation"),
                   "directive": ("appeal", "020", "verbal_cooperation"),
                   "accusatory": ("accuse", "112", "verbal_conflict"),
                   "warning": ("warn", "130", "verbal_conflict"),
                   "denial": ("deny", "016", "statement"),
                   "claim": ("statement", "010", "statement")}


# What a deontic modal in a reported clause makes of its report (as escalation.yaml
# ``speech_frames.modals``): "must" a demand, "should"/"ought" an appeal.
_TOLD_MODALS = {"must": ("demand", "100", "verbal_conflict"), "should": ("appeal", "020", "verbal_cooperation"),
                "ought": ("appeal", "020", "verbal_cooperation")}


def _told_obligation(s: cl.Structure, p: cl.Predicate, ctx: SentenceContext | None) -> tuple[str, str, str] | None:
    """Rule ``speech.told_obligation``: a postposed "told reporters" after a clause whose subject
    must or should do something ("Chad must reopen the border, Sudan's minister told reporters")
    is a demand or an appeal, as "..., X said" is (escalation ``speech_frames``, which reads only
    the escalation cues, and "told" is none); the speaker's own side ("We must act, X told
    reporters"), a subject that names no actor ("Inflation must come down", "Talks should
    resume") or the speaker's own ("Ghana must act now, Ghana's minister told reporters") keep
    the statement.

    Example:
        >>> # "Chad must reopen the border, Sudan's minister told reporters": a demand (100)
    """
    for q in s.predicates:
        if q.head >= p.start:
            return None
        a = q.agent
        if s.lower[q.start] in _TOLD_MODALS and s.tags[q.start] == "MD" and a is not None and a.end == q.start \
                and s.lower[a.start] not in _PRONOUNS and q.voice == "active":
            if ctx is None:
                return None
            who = ctx.actor(a, s)[0].get("actor")
            return _TOLD_MODALS[s.lower[q.start]] if who is not None and who != ctx.actor(p.agent, s)[0].get("actor") else None
    return None


def _speech_verbs(s: cl.Structure, cues: list[Cue], events: list[Event],
                  actor_tok, ctx: SentenceContext | None = None, rl: Rules | None = None) -> tuple[list[Cue], list[Event]]:
    """``speech.reporting_verb``: a reassuring, directive, accusing, warning or denying verb of
    the reporting-verb lexicon is a speech act even where the escalation lexicon has no cue
    ("Russia reassured Kazakhstan", "called on X to", "pressing for permission"); so is a
    neutral, hedged or emphatic one with a reported clause ("claimed that", "insisted that"),
    a statement that :func:`_upgrade_claims` makes an accusation when it reports a third
    party's conflict act."""
    taken = {e.tok for e in events}
    cues, events = list(cues), list(events)
    classes, rl = _reporting_classes(), rl or rules()
    for p in s.predicates:
        lem, nxt = s.lemma[p.head], s.lower[p.head + 1] if p.head + 1 < len(s.lower) else ""
        cls = classes.get(lem)
        if lem in ("call", "push", "press") and nxt in ("on", "for", "upon"):
            cls = "directive"
        # the reported clause follows the verb, or its addressee ("told the Security Council that")
        reach = p.patient.end if p.patient is not None and p.patient.start == p.head + 1 else p.head + 2
        if cls in rl.neutral and p.voice == "active" and lem not in rl.light \
                and s.tags[p.head] in ("VBD", "VBZ", "VBP") and s.clauses[p.clause].kind != "participial" and any(
                c.parent == p.clause and c.kind == "complement" and c.rule in ("clause.that", "clause.bare_complement")
                and p.head < c.start <= max(reach, p.head + 2) for c in s.clauses):
            cls = "claim"  # "Russia claimed that Ukraine attacked Belgorod": a statement, maybe an accusation
        elif lem == "tell" and p.voice == "active" and s.tags[p.head] in ("VBD", "VBZ", "VBP") \
                and s.clauses[p.clause].kind == "report" and s.clauses[p.clause].rule == "clause.report_postposed":
            cls = "claim"  # "..., Cambodia's minister told reporters": the postposed report of what went before
        if cls not in _SPEECH_CLASSES or p.head in taken or s.lower[p.start] == "to" and cls == "directive":
            continue
        if _writer_formula(s.lower, p.head):
            continue  # "Having said that, ...": the writer's set phrase, nobody's statement
        if p.start == p.head and s.tags[p.head] in ("VBG", "VBN") and p.head > 0 and \
                s.tags[p.head - 1] in cl.NOUN_TAGS and s.clauses[p.clause].kind != "participial":
            continue  # "publications countering extremist ideology": a modifier, not a speech act
        if p.start == p.head and s.tags[p.head] in ("VBN", "VBD") and 0 < p.head < len(s.tags) - 1 \
                and s.tags[p.head - 1] in ("IN", "DT") and s.tags[p.head + 1] in cl.NOUN_TAGS:
            continue  # "withdraw troops from disputed border areas": a participle before its noun
        act, code, quad = _SPEECH_CLASSES[cls]
        obliged = _told_obligation(s, p, ctx) if lem == "tell" and cls == "claim" \
            and s.clauses[p.clause].rule == "clause.report_postposed" else None
        if obliged is not None:
            act, code, quad = obliged
        cues.append(Cue(-1, p.head, p.head + 1, lem, code, quad, lem))
        src, tgt = Arg(p.agent, p.agent_rule), Arg(p.patient, p.patient_rule)
        if lem == "tell" and cls == "claim" and s.clauses[p.clause].rule == "clause.report_postposed" \
                and tgt.chunk is not None and not _has_actor({"actor_tok": actor_tok}, tgt.chunk):
            tgt = Arg(None, "")   # "told reporters": the audience is no target; the reported clause is
        if tgt.chunk is None and nxt in ("on", "upon"):
            c, r = _target_oblique(p.obliques, exclude=("of", "by", "for", "in"))
            tgt = Arg(c, r)
        if tgt.chunk is None:  # "called for sanctions against Turkey": the actor the request is about
            named = [(prep, c) for prep, c in p.obliques if prep not in ("by", "of", "in", "from")
                     and _has_actor({"actor_tok": actor_tok}, c)]
            if named:
                tgt = Arg(named[0][1], f"target.prep_actor_{named[0][0]}")
        events.append(Event(len(cues) - 1, p.head, src, tgt, act, "speech.reporting_verb", p.clause,
                            p.negated, p.modality))
        if obliged is not None:
            events[-1].extra.append("speech.told_obligation")
    events.sort(key=lambda e: e.tok)
    return cues, events


def _split_coordinated(s: cl.Structure, events: list[Event], ctx=None) -> list[Event]:
    """``source.conjunct``: "Blinken and Lammy discussed plans" is an act of each of them.

    The subject rule finds the last conjunct; the earlier ones get a copy of the event.
    Only sources are split; a coordinated target is kept whole (its first actor).
    ``target.reciprocal``: when the act names no other party and is one that parties do to each
    other (events.yaml ``reciprocal_acts``: "India and Pakistan held talks", "Turkey and Syria
    are violating the ceasefire"), each conjunct acts toward the next; "Germany and Italy will
    send more aid" is aid from each to no one named. Acts done together are mutual whatever
    their class (``reciprocal_lemmas``: "Israel, Hamas agree to truce", an offer of each).
    Blame and threats (``reciprocal_marked``) are mutual only when the text says so ("traded
    blame", "accused each other"): "Germany and France condemned the attack" is no dyad; nor
    are mediators (``pair_descriptions: third_parties``: "Egypt and Qatar mediated the talks").
    """
    rec_acts = ctx["rules"].reciprocal_acts if ctx is not None else frozenset()
    rec_lemmas = ctx["rules"].reciprocal_lemmas if ctx is not None else frozenset()
    out = []
    for e in events:
        c = e.source.chunk
        parts = _conjuncts(s, c, ctx["actor_tok"] if ctx is not None else None) if c is not None and e.source.rule.startswith(
            ("agent.subject", "source.light_agent.subject", "source.predicate_agent.subject")) else []
        if len(parts) > 1 and ctx is not None and _gapped_frame(s, parts[-1].end, parts[0].start,
                                                                lambda x: _has_actor(ctx, x)) >= 0:
            parts = []   # "accused Iran of arming the Houthis and Russia of supplying": Russia's act alone
        if len(parts) > 1 and ("and" in s.lower[parts[0].start:parts[-1].start] or _headline_pair(s, parts, ctx)):
            # a place phrase is where they act together ("met in Washington"), not a party
            placed = e.target.rule.endswith(_PLACE_TARGETS)
            mutual = ctx is not None and (e.act in rec_acts or s.lemma[e.tok] in rec_lemmas
                                          and e.act not in ("statement", "unclassified")
                                          or _marked_mutual(s, e, ctx["rules"])) \
                and s.lemma[e.tok] not in ctx["rules"].pair_third_parties \
                and (placed or _embedded_target(s, e, rec_lemmas, events)
                     or not _has_actor(ctx, e.target.chunk) and not _names_someone(s, e.target.chunk)
                     and not (e.target.chunk is not None and ctx.get("names_doer", bool)(e.target.chunk))) \
                and all(_has_actor(ctx, x) for x in parts)
            for k, part in enumerate(parts[:-1]):
                tgt = Arg(parts[k + 1], "target.reciprocal") if mutual else e.target
                out.append(replace(e, source=Arg(part, e.source.rule + "+conjunct"), target=tgt, extra=list(e.extra)))
            if mutual:
                e.target = Arg(parts[0], "target.reciprocal")
            if parts[-1] is not c:   # "Chinese and Russian leaders": the event keeps the last conjunct
                e.source = Arg(parts[-1], e.source.rule)
        out.append(e)
    return out


def _embedded_target(s: cl.Structure, e: Event, rec_lemmas: frozenset, events: list[Event]) -> bool:
    """Rule ``target.reciprocal_embedded``: an act done together (events.yaml
    ``reciprocal_lemmas``) whose target a prepositional phrase gives that is no partner ("with")
    is an agreement of the coordinated parties with each other; the phrase is the embedded act's
    ("Japan and the US agreed to strengthen deterrence against China": JPN agree USA). Not when
    a coded act stands between the verb and the phrase: the agreement is then aimed where that
    act is ("Mexico and Canada agreed to lift tariffs on American products": aimed at the US).

    Example:
        >>> # "Japan and the US agreed to strengthen deterrence against China": JPN agree USA
    """
    t = e.target.chunk
    return s.lemma[e.tok] in rec_lemmas and e.act in _JOINT_ACTS and e.target.rule.startswith("target.prep") \
        and not e.target.rule.endswith(("_with", "_between")) and t is not None \
        and not any(e.tok < x.tok < t.start and x.act not in ("statement", "unclassified") for x in events)


# the cooperative acts of target.reciprocal_embedded ("agreed on sanctions against Iran" is no
# agreement of France with Germany's sanctions: the act is the sanction's)
_JOINT_ACTS = frozenset({"agree", "cooperate", "consult", "yield", "offer"})


def _following_conjuncts(s: cl.Structure, c: cl.Chunk, ctx: SentenceContext) -> list[cl.Chunk]:
    """The phrases coordinated after ``c`` that name parties ("Ethiopia and Eritrea", "Iran,
    Syria and Cuba": [Eritrea] and [Syria, Cuba]), in ``c``'s clause; none unless ``c`` names a
    party too, the list closes with "and"/"or", and no verb follows its last phrase (that phrase
    would be the next clause's subject: "warned Moscow and Minsk said ...").

    Example:
        >>> # "urged Ethiopia and Eritrea to withdraw" -> [Eritrea]
    """
    if not any(ctx.names_party(x) for x in range(c.start, c.end)):
        return []
    out: list[cl.Chunk] = []
    k, closed = c.end, False
    while not closed and k + 1 < len(s.lower) and s.lower[k] in ("and", "or", ","):
        j = k + 1 + (s.lower[k] == "," and s.lower[k + 1] in ("and", "or"))
        closed = s.lower[j - 1] in ("and", "or")
        nxt = s.chunk_at(j) if j < len(s.lower) else None
        if nxt is None or nxt.start != j or s.clause_of[j] != s.clause_of[c.start] \
                or not any(ctx.names_party(x) for x in range(nxt.start, nxt.end)):
            return []
        out.append(nxt)
        k = nxt.end
    if not closed or k < len(s.tags) and (s.tags[k] in cl.FINITE or s.tags[k] == "MD"):
        return []
    return out


def _between_pairs(s: cl.Structure, events: list[Event], ctx: SentenceContext) -> list[Event]:
    """Rule ``source.between``: a joint act named with "between" and two parties ("hosted talks
    between Colombia and Venezuela", "clashes between Thai and Cambodian troops") is an act of
    each toward the other (two rows, events.yaml ``reciprocal_acts``), besides any row of the
    host's; an act with no source of its own becomes the first of them.

    Example:
        >>> # "Norway hosted talks between Colombia and Venezuela": COL consult VEN, VEN consult COL
    """
    out, done = list(events), set[int]()
    for e in events:
        if e.act not in rules().reciprocal_acts or e.target.rule.startswith(("target.reciprocal", "target.between")) \
                or e.source.rule == "source.between" or e.tok in done:
            continue   # one pair per act, also when coordinated hosts copied it ("Egypt and Qatar mediated")
            # (a noun cue's own "between" phrase is rule noun.between's: "a meeting between X and Y")
        k = next((j for j in range(e.tok + 1, min(e.tok + 4, len(s.lower) - 1)) if s.lower[j] == "between"), -1)
        first = s.chunk_at(k + 1) if k > 0 and s.tags[k - 1].startswith("NN") else None
        rest = _following_conjuncts(s, first, ctx) if first is not None and first.start == k + 1 else []
        if len(rest) != 1:
            continue
        done.add(e.tok)
        a, b = Arg(first, "source.between"), Arg(rest[0], "source.between")
        pair = [replace(e, source=a, target=Arg(rest[0], "target.between"), extra=list(e.extra)),
                replace(e, source=b, target=Arg(first, "target.between"), extra=list(e.extra))]
        if e.source.chunk is None:
            e.source, e.target = pair[0].source, pair[0].target
            out.append(pair[1])
        else:
            out.extend(pair)
    out.sort(key=lambda x: x.tok)
    return out


def _split_targets(s: cl.Structure, events: list[Event], ctx: SentenceContext) -> list[Event]:
    """Rule ``target.conjunct``: an act aimed at coordinated parties is aimed at each of them
    ("The AU urged Ethiopia and Eritrea to withdraw", "imposed sanctions on Iran and Syria",
    "accused Russia and Iran of cyberattacks": a row per party, as :func:`_split_coordinated`
    gives a row per coordinated source). Not for statements and uncoded acts, a place phrase
    ("in Ankara and Brussels"), the reciprocal rows of a pair, nor a party named twice
    ("thanked Saudi Arabia and its king"), nor a topic (:func:`_topic_target`: "vetoed the
    resolution on Syria and Myanmar", "the matter concerns Armenia and Azerbaijan").
    Rule ``target.gapped``: a last conjunct followed by "to" + verb or "of" + gerund, when the
    same frame came before the act ("urged Tokyo to stop arming Taiwan and Manila to halt its
    patrols", "accused Iran of arming the Houthis and Russia of supplying drones") is the
    object of a clause whose verb is left out: it is the target of the act that governs the
    earlier frame (CHN appeal PHL, USA accuse RUS), not of the act before it.

    Example:
        >>> # "Qatar called on Israel and Hezbollah to respect the truce" -> QAT->ISR, QAT->HEZBOLLAH
    """
    out, r = [], rules()
    added: set[tuple[int, int]] = set()
    for e in events:
        out.append(e)
        t = e.target.chunk
        if t is None or e.act in ("statement", "unclassified") or e.target.rule.endswith(_PLACE_TARGETS) \
                or e.target.rule.startswith("target.reciprocal"):
            continue
        parts = _following_conjuncts(s, t, ctx)
        if not parts or _topic_target(s, e, t, events, r):
            continue
        frame = _gapped_frame(s, parts[-1].end, parts[0].start,
                              lambda c: any(ctx.names_party(x) for x in range(c.start, c.end)))
        if frame >= 0:
            for g in events:   # the act whose object stands before the earlier frame
                gt = g.target.chunk
                if gt is not None and gt.end == frame and g.tok < gt.start and (g.tok, parts[-1].start) not in added \
                        and ctx.actor(parts[-1], s, target=True)[0].get("actor") not in (
                            None, ctx.actor(gt, s, target=True)[0].get("actor")):
                    added.add((g.tok, parts[-1].start))
                    out.append(replace(g, target=Arg(parts[-1], "target.gapped"), extra=list(g.extra)))
            parts = parts[:-1]
        seen = {ctx.actor(t, s, target=True)[0].get("actor")}
        for part in parts:
            code = ctx.actor(part, s, target=True)[0].get("actor")
            if code not in seen:   # "Saudi Arabia and the King of Saudi Arabia": one party
                seen.add(code)
                out.append(replace(e, target=Arg(part, e.target.rule + "+conjunct"), extra=list(e.extra)))
    return out


def _gapped_frame(s: cl.Structure, end: int, first: int, party: Callable[[cl.Chunk], bool]) -> int:
    """Rule ``target.gapped``: where a phrase ending at token ``end`` is followed by "to" + verb
    or "of" + gerund and the same frame stands earlier, after a phrase naming a party (``party``)
    and before token ``first`` ("urged Tokyo to stop arming Taiwan and Manila to halt"), the
    position of that earlier "to"/"of" (the end of the governing act's object); -1 otherwise
    ("efforts to implement the decisions of the Assembly and Council to combat": no party).

    Example:
        >>> # "accused Iran of arming the Houthis and Russia of supplying drones" -> the first "of"
    """
    n = len(s.lower)
    if end + 1 >= n or (s.lower[end], s.tags[end + 1][:3]) not in (("to", "VB"), ("of", "VBG")):
        return -1
    word, tag = s.lower[end], s.tags[end + 1][:3]
    for j in range(first - 2, 0, -1):
        if s.lower[j] == word and s.tags[j + 1][:3] == tag and s.tags[j - 1] in cl.NOUN_TAGS:
            c = s.chunk_at(j - 1)
            return j if c is not None and c.end == j and party(c) else -1
    return -1


def _topic_target(s: cl.Structure, e: Event, t: cl.Chunk, events: list[Event], r: Rules) -> bool:
    """Rule ``target.conjunct_topic``: the coordinated parties are what the act is about, not
    whom it is aimed at, so no row per party (events.yaml ``conjunct_topic``): after a topic
    preposition ("the debate about Israel and Iran"), after "on"/"over" in a phrase of an
    object that is no act ("vetoed the resolution on Syria and Myanmar"; "the attack on Mali
    and Burkina Faso" is an act aimed at both), or as the object of a verb of being about ("the
    matter concerns Armenia and Azerbaijan").

    Example:
        >>> # "Russia and China vetoed the resolution on Syria and Myanmar": no row for Myanmar
    """
    if s.lemma[e.tok] in r.topic_verbs:
        return True
    prep = s.lower[t.start - 1] if t.start > 0 else ""
    if prep in r.topic_preps:
        return True
    if prep not in r.topic_object_preps or "prep_over_object" not in e.target.rule:
        return False
    p = s.predicate_at(e.tok)
    obj = p.patient if p is not None else None
    return obj is not None and obj.end <= t.start and not any(
        obj.start <= x.tok < obj.end for x in events if x is not e)


def _marked_mutual(s: cl.Structure, e: Event, r: Rules) -> bool:
    """Whether an act of ``reciprocal_marked`` is said to be mutual: its verb, or the verb just
    before its noun, is a marker ("traded blame", "exchanged accusations"), or its target is
    "each other" / "one another"."""
    if e.act not in r.reciprocal_marked:
        return False
    if s.lemma[e.tok] in r.reciprocal_markers or e.tok > 0 and s.lemma[e.tok - 1] in r.reciprocal_markers:
        return True
    tc = e.target.chunk
    return tc is not None and tuple(s.lower[tc.start:tc.end]) in r.reciprocal_phrases


def _headline_pair(s: cl.Structure, parts: list[cl.Chunk], ctx) -> bool:
    """Rule ``source.headline_pair``: a headline's comma stands for "and" ("Israel, Hamas agree
    to truce", "Russia, Ukraine to resume talks"): actors only, opening the sentence, and a
    plural present verb or a headline's "to" right after them. Not an apposition ("Hamas,
    Israel's foe, fires ...": a comma before the verb, and a singular verb)."""
    end = parts[-1].end
    if ctx is None or parts[0].start != 0 or end >= len(s.tags) or not cl.FINITE.isdisjoint(s.tags[:parts[0].start]):
        return False
    if not (s.tags[end] == "VBP" or s.lower[end] == "to" and cl.FINITE.isdisjoint(s.tags[:end])):
        return False
    return all(_has_actor(ctx, x) and s.tags[x.head] in ("NNP", "NNPS") for x in parts)


def _reduced_relative(s: cl.Structure, p: cl.Predicate | None) -> bool:
    """``clause.reduced_relative``: a bare participle right after a noun phrase and before a
    preposition ("missiles fired by", "hackers linked to", "a leader charged with"), followed
    in its clause by a finite verb with no conjunction between: it modifies the noun phrase.
    Set off by commas too ("The rebels, backed by Rwanda, attacked Goma")."""
    if p is None or p.start != p.head or s.tags[p.head] not in ("VBN", "VBD") or p.head + 1 >= len(s.tags):
        return False
    k = p.head - 1 if p.head > 1 and s.lower[p.head - 1] == "," else p.head
    before = s.chunk_at(k - 1) if k > 0 else None
    if before is None or before.end != k or s.tags[p.head + 1] not in ("IN", "TO"):
        return False
    for q in s.predicates:
        if q.start > p.head and q.clause == p.clause and s.tags[q.head] in cl.FINITE | {"VBD"}:
            return not any(s.tags[k] == "CC" for k in range(p.head + 1, q.start))
    return False


def _of_quantity_agent(s: cl.Structure, c: cl.Chunk, ctx: SentenceContext, r: Rules) -> tuple[dict, str] | None:
    """Rule ``actor.of_quantity``: "waves of Russian missiles", "a squadron of Israeli jets" - a
    formation or volley noun (events.yaml ``quantity_heads``) names no one; the actor is the
    "of" phrase's.

    Example:
        >>> # "Kyiv was targeted by waves of Russian missiles": the source is Russia
    """
    if s.lemma[c.head] not in r.quantity_heads or c.end >= len(s.lower) or s.lower[c.end] != "of":
        return None
    nxt = s.chunk_at(c.end + 1)
    if nxt is None or nxt.start != c.end + 1:
        return None
    got, _ = ctx.actor(nxt, s)
    return (got, "actor.of_quantity") if got.get("actor") is not None else None


# Visitors (events.yaml visit) posted abroad: "diplomats in Moscow" need not be Russian.
_POSTED_ABROAD = frozenset({"diplomat", "delegation", "envoy", "ambassador", "emissary", "mediator",
                            "negotiator", "mission", "representative"})


def _official_in_place(s: cl.Structure, c: cl.Chunk, ctx: SentenceContext, r: Rules) -> tuple[dict, str] | None:
    """Rule ``actor.official_in_place``: "Officials in Addis Ababa alleged ..." - an official or
    minister (events.yaml visit ``visitors``, but not the envoys posted abroad) who names no
    state takes the actor of the in/from phrase right after it, as a coder reads an unnamed
    official by where they speak for. A state's governing body (events.yaml ``descriptions``
    state: "The junta in Niamey welcomed ...", "the government in Kabul") is the state of its
    in-phrase too (``actor.state_body_in_place``)."""
    body = r.descriptions.get(s.lemma[c.head]) == "state"
    if (s.lemma[c.head] not in r.visitors or s.lemma[c.head] in _POSTED_ABROAD) and not body \
            or c.end + 1 >= len(s.lower) or s.lower[c.end] not in (("in",) if body else ("in", "from")):
        return None
    nxt = s.chunk_at(c.end + 1)
    if nxt is None or nxt.start != c.end + 1:
        return None
    got, _ = ctx.actor(nxt, s)
    why = "actor.state_body_in_place" if body else "actor.official_in_place"
    return (got, why) if got.get("actor") is not None else None


# Staff of a body ("Judges at the International Criminal Court", "inspectors from the IAEA"):
# they act for the body the at/of/from phrase names (rule actor.member_of_body). Not "member":
# "a permanent member of the Security Council invaded its neighbour" is a state, not the council.
_MEMBER_HEADS = frozenset({"judge", "prosecutor", "inspector", "investigator", "monitor", "observer",
                           "expert", "official", "diplomat", "envoy", "negotiator",
                           "representative", "delegate", "delegation", "staff", "officer", "lawyer",
                           "spokesman", "spokeswoman", "spokesperson", "commander", "minister"})
# A court in a place is its state's court ("A court in Moscow sentenced ...").
_COURT_HEADS = frozenset({"court", "tribunal"})
# Collective nouns of doers that are singular in form (no thing subject: "the police detained").
_DOER_NOUNS = frozenset({"police", "public", "opposition", "coalition", "guard", "force", "military",
                         "army", "leadership", "council", "committee", "board", "assembly", "senate",
                         "congress", "court", "tribunal", "team", "crew", "mob", "crowd",
                         "number", "handful", "majority", "minority", "dozen", "community", "side",
                         "state", "elite", "people", "men", "women", "children", "personnel",
                         "man", "woman", "person"})
# A text a body adopts acts for it ("The IAEA board passed a resolution censuring Iran").
_DOCUMENT_HEADS = frozenset({"resolution", "motion", "declaration", "communique", "decree"})
# ... but not one it failed or only meant to adopt ("failed to adopt a resolution demanding ...").
_FAILED_TO = frozenset({"fail", "refuse", "decline", "seek", "try", "want", "plan", "hope"})
# Verbs by which a body makes a text its own: adopting, writing or putting it forward ("Russia
# vetoed a resolution condemning its invasion" is Russia's act against the text, not the text's act).
_AUTHOR_VERBS = frozenset({"adopt", "pass", "approve", "issue", "draft", "sponsor", "co-sponsor", "cosponsor",
                           "introduce", "table", "propose", "submit", "circulate", "endorse", "sign", "publish",
                           "release", "unveil", "agree", "back", "support", "file", "present", "put", "prepare"})


def _member_of_body(s: cl.Structure, c: cl.Chunk, ctx: SentenceContext) -> tuple[dict, str] | None:
    """Rule ``actor.member_of_body``: a source of staff that names no actor ("Judges",
    "Prosecutors", "Inspectors") acts for the body its at/of/from phrase names ("Judges at the
    International Criminal Court approved a warrant": the ICC), and a court for the state its
    in-phrase names ("A court in Moscow sentenced ..."). The body must be a mention that is no
    person and, for staff, no place ("diplomats at the national court", "experts from Kharkiv"
    name no one) nor a private body (``_PRIVATE_BODY_HEADS``: "lawyers at a British firm");
    the source phrase runs to the body's end.

    Example:
        >>> # "Prosecutors at the International Criminal Court accused the general": ICC
    """
    head = s.lemma[c.head]
    if c.head != c.end - 1 or c.end + 1 >= len(s.lower):
        return None
    court = head in _COURT_HEADS and s.lower[c.end] == "in"
    if not court and (head not in _MEMBER_HEADS or s.lower[c.end] not in ("at", "of", "from")):
        return None
    nxt = s.chunk_at(c.end + 1)
    if nxt is None or nxt.start != c.end + 1 \
            or s.lemma[nxt.head] in _PRIVATE_BODY_HEADS and s.tokens[nxt.head].islower():
        return None   # "Lawyers at a British firm": a firm's staff act for no state ("the World Bank" is a name)
    got, rule = ctx.actor(nxt, s)
    if rule != "actor.mention" or got.get("actor") is None or got.get("person") is not None \
            or got.get("place") and not court:
        return None
    a, b = ctx.span(c)[0], ctx.span(nxt)[1]
    return dict(got, text=ctx.text[a:b], start=a, end=b), "actor.member_of_body"


# Heads of a private body: its staff act for no state its nationality adjective names ("Lawyers
# at a British firm", "Doctors at a Kenyan charity").
_PRIVATE_BODY_HEADS = frozenset({"firm", "company", "corporation", "bank", "charity", "ngo", "university",
                                 "college", "school", "newspaper", "club", "startup", "mine", "factory"})


# Vessels and positions force comes from ("a laser from a Russian-flagged tanker"), with the
# weapon and force nouns of events.yaml force_subject: heads (rule actor.origin_from).
_PLATFORM_HEADS = frozenset({"ship", "vessel", "boat", "tanker", "warship", "frigate", "destroyer",
                             "submarine", "cutter", "trawler", "freighter", "aircraft", "position", "base",
                             "side"})
# Projectiles and beams besides events.yaml force_subject heads that a party fires ("a laser from").
_LAUNCHED_HEADS = frozenset({"laser", "gunfire", "shot", "round", "bullet", "grenade", "torpedo", "flare"})
# force_subject heads that are people or units: "from" a state names their home, not their sender.
_PEOPLE_FORCE_HEADS = frozenset({"troop", "troops", "force", "forces", "soldier", "gunman", "militant",
                                 "fighter", "unit", "army", "navy", "sniper"})


def _origin_from(s: cl.Structure, c: cl.Chunk, ctx: SentenceContext, r: Rules) -> tuple[dict, str] | None:
    """Rule ``actor.origin_from``: a weapon or force that names no actor and comes "from" a
    vessel, aircraft, position or side of a named party ("was targeted by a laser from a
    Russian-flagged tanker", "fire from Azerbaijani positions", "a shell from the Armenian side"),
    or a weapon or projectile "from" a named state ("A drone from Iran struck"), is that party's
    act. What is no weapon ("Smoke from a tanker") names no one, nor does a place ("a rocket from
    Gaza", "from Kharkiv") or a person's home ("fishermen from Vietnam": no vessel).

    Example:
        >>> # "A Danish helicopter was targeted by a laser from a Russian-flagged tanker": RUS
    """
    if c.end + 1 >= len(s.lower) or s.lower[c.end] != "from" or s.lemma[c.head] in _MEMBER_HEADS \
            or s.lemma[c.head] not in r.force_heads | _LAUNCHED_HEADS:
        return None
    nxt = s.chunk_at(c.end + 1)
    if nxt is None or nxt.start != c.end + 1:
        return None
    platform = s.lemma[nxt.head] in _PLATFORM_HEADS | r.force_heads
    if not platform and (s.lemma[c.head] in _PEOPLE_FORCE_HEADS or s.tags[nxt.head] not in ("NNP", "NNPS")):
        return None   # "fighters from Syria": their home; "a shell from a field": no one
    got, rule = ctx.source(nxt, s)
    if not platform and (got.get("place") or got.get("contested") or ctx.place_at(nxt.head)):
        return None   # "a rocket from Gaza", "shells from Donetsk": a place, not its state
    return (got, "actor.origin_from") if got.get("actor") is not None and rule == "actor.mention" else None


def _document_author(s: cl.Structure, c: cl.Chunk, ctx: SentenceContext) -> tuple[dict, str] | None:
    """Rule ``actor.document_author``: a resolution, motion or declaration that acts ("a
    resolution censuring Iran", "a resolution calling on member states") is the act of the
    body that adopted it: the named agent of the active, affirmed verb of adopting, writing or
    putting it forward (``_AUTHOR_VERBS``) whose object holds it ("The IAEA board passed a
    resolution ..."). A resolution a body failed or refused to adopt is no act of the body's
    (its verb is an infinitive after "failed to"), nor one it vetoed, blocked or rejected.

    Example:
        >>> # "The European Parliament approved a resolution calling on member states to ...": EU
    """
    if s.lemma[c.head] not in _DOCUMENT_HEADS:
        return None
    for q in s.predicates:
        if q.patient is None or not q.patient.start <= c.head < q.patient.end or q.agent is None \
                or q.voice != "active" or q.negated or q.modality or s.lemma[q.head] not in _AUTHOR_VERBS \
                or q.head >= 2 and s.lower[q.head - 1] == "to" and s.lemma[q.head - 2] in _FAILED_TO:
            continue
        got, rule = ctx.source(q.agent, s)
        if got.get("actor") is not None and rule == "actor.mention":
            return got, "actor.document_author"
    return None


def _by_agent_participle(s: cl.Structure, c: cl.Chunk, q: cl.Predicate) -> bool:
    """Whether ``q`` is a participle that modifies the by-agent ``c`` of a passive ("was
    carried out by hackers linked to Russian military intelligence", "by militias backed by
    Iran"): a past participle right after the agent and before a preposition. No finite verb
    need follow, as :func:`_reduced_relative` asks of a subject."""
    return c.start > 0 and s.lower[c.start - 1] == "by" and q.start == q.head and s.tags[q.head] == "VBN" \
        and q.head + 1 < len(s.tags) and s.tags[q.head + 1] in ("IN", "TO")


def _relative_agent(s: cl.Structure, c: cl.Chunk, ctx: SentenceContext) -> tuple[dict, str] | None:
    """``actor.relative_agent_<prep>``: a subject that names no actor takes the actor of the
    by-agent of its reduced relative ("Missiles fired by Russia struck Ukraine", "militias backed
    by Iran"), or of the "to" phrase of an affiliation verb ("hackers linked to the Iranian
    government"; events.yaml ``affiliation_verbs``)."""
    q = s.predicate_at(c.end) if c.end < len(s.tokens) else None
    if q is None or q.head != c.end or not (_reduced_relative(s, q) or _by_agent_participle(s, c, q)):
        return None
    args = ([("by", q.agent)] if q.agent is not None and q.agent.start > q.head else []) + list(q.obliques)
    for prep, ch in args:
        if prep == "by" or (prep == "to" and s.lemma[q.head] in rules().affiliation_verbs) \
                or prep == "from" and s.lemma[ch.head] in _PLATFORM_HEADS | rules().force_heads:
            f, _ = ctx.actor(ch, s)
            if f.get("actor") is not None:
                return f, f"actor.relative_agent_{prep}"
    return None


def _main_event(s: cl.Structure, events: list[Event]) -> int:
    """``main``: the sentence's main event, as news event coding takes it.

    The first event of the main clause; for a postposed report ("..., officials said") the
    event reported; for an agentless passive ("23 civilians were killed as forces launched air
    strikes") the event of its adverbial clause that names a doer. A preposed report ("Russia
    says Israel must end attacks") is itself the main event: the speaker is its source.
    """
    live = [i for i, e in enumerate(events) if not e.absorbed]
    if not live:
        return -1
    top = [i for i in live if _is_top(s, events[i].clause)]
    if not top:
        return live[0]
    # "The missiles fired by the Israeli military struck a depot": a reduced relative is not
    # the main clause's act when a finite verb of the clause follows.
    full = [i for i in top if not _reduced_relative(s, s.predicate_at(events[i].tok))]
    first = full[0] if full else top[0]
    if s.clauses[events[first].clause].kind == "report":
        inner = [i for i in live if events[i].claim_of == first]
        if inner:
            return inner[0]
    # "Beijing said the drills were a warning to Taipei": the speaker's own warning, which its
    # statement only frames, is what a coder records
    if s.lemma[events[first].tok] in cl.words().reporting:
        # "Moscow said Helsinki would pay a price": the speaker's threat (claim.consequence_threat)
        own = [i for i in live if (events[i].source.rule == "source.reporter_of_act"
                                   or events[i].act_rule == "claim.consequence_threat") and events[i].tok > events[first].tok]
        if own:
            return own[0]
    e = events[first]
    if e.source.chunk is None and e.source.rule.startswith("agent.passive_none"):
        sub = [i for i in live if events[i].source.chunk is not None and events[i].tok > e.tok
               and s.clauses[events[i].clause].kind == "adverbial"]
        if sub:
            return sub[0]
    return first


def _reported_subject(s: cl.Structure, e: Event) -> cl.Chunk | None:
    """The subject of the clause a speech event reports: its first predicate's subject that is
    not a pronoun, past a pronoun's own reporting verb ("said it expects that most pupils")."""
    p = s.predicate_at(e.tok)
    if p is None:
        return None
    inner = _speech_complements(s, p)
    for q in s.predicates:
        if q.clause not in inner or q.agent is None or s.lower[q.start] == "to":
            continue
        pron = q.agent.end - q.agent.start == 1 and s.lower[q.agent.start] in _PRONOUNS
        if pron and s.lemma[q.head] in cl.words().reporting:
            continue
        return None if pron else q.agent
    return None


_EVALUATIVE_PREPS = ("about", "of", "over", "toward", "towards", "with", "regarding")


def _evaluated(s: cl.Structure, e: Event) -> cl.Chunk | None:
    """``target.evaluated``: "said it is skeptical about Iranian motives", "says he is
    pessimistic about the possibility of a deal": the speaker's judgement is about the phrase
    after the adjective."""
    p = s.predicate_at(e.tok)
    inner = _speech_complements(s, p) if p is not None else set()
    for q in s.predicates:
        if q.clause not in inner or s.lemma[q.head] != "be":
            continue
        k = q.head + 1
        while k < len(s.tags) and s.tags[k] == "RB":
            k += 1
        if k + 2 < len(s.tags) and s.tags[k] == "JJ" and s.lower[k + 1] in _EVALUATIVE_PREPS:
            c = s.chunk_at(k + 2)
            if c is not None and c.start == k + 2:
                return c
        return None
    return None


def _name_after_that(s: cl.Structure, k: int) -> cl.Chunk | None:
    """The proper name opening at token ``k`` (after "demanded that") when no reported clause
    was found: the tagger reads the subjunctive as a noun or adjective ("that the United States
    lift sanctions", "that Japan apologise") and the chunk runs on over it, so the name alone
    (its article, then proper nouns) is taken.

    Example:
        >>> # "Iran demanded that the United States lift sanctions": "the United States"
    """
    c = s.chunk_at(k) if k < len(s.lower) else None
    if c is None or c.start != k:
        return None
    j = k + 1 if s.tags[k] == "DT" else k
    end = j
    while end < c.end and s.tags[end] in ("NNP", "NNPS"):
        end += 1
    if end == j:
        return None
    return cl.Chunk(k, end, end - 1, c.rule)


# Acts whose "its"/"their" object is the named subject's own rather than the claimant's
# (target.claimant_possessive): withdrawing, halting or deploying one's own troops, tests or plans.
_OWN_POSSESSIVE_ACTS = frozenset({"yield", "unclassified", "offer", "aid", "cooperate", "consult", "agree",
                                  "statement", "visit", "praise"})


def _claimant_possessive_targets(s: cl.Structure, events: list[Event], actors: list[dict],
                                 ctx: SentenceContext) -> None:
    """``target.claimant_possessive``: in "A Chinese aircraft violated its airspace, Tokyo said"
    the "its" of the act's object, read as the source's own or no one's, is the state reporting
    after it: the claimant is the target. Not when the claimant is the source's own side, nor
    a claimant before the act ("Kyiv said Moscow keeps bombing its grid": coreference).

    Not either when a state named by its own name does something to its own forces, plans or
    acts that is no act on another ("Russia must withdraw its troops, Germany's chancellor said":
    its troops are Russia's, the withdrawal yields to Germany's demand and is not aimed at Germany;
    _OWN_POSSESSIVE_ACTS).

    Example:
        >>> # "Two drones violated its airspace, Riga said": LVA is the drones' target
    """
    for i, e in enumerate(events):
        t = e.target.chunk
        if e.claimant is None or t is None or s.lower[t.start] not in ("its", "their") or e.claimant.start < t.end \
                or actors[i]["target"].get("actor") not in (None, actors[i]["source"].get("actor")):
            continue   # (an "its" read as the source's own is no target: the act is on another's)
        src = e.source.chunk
        if e.act in _OWN_POSSESSIVE_ACTS and src is not None and s.tags[src.head] in ("NNP", "NNPS"):
            continue   # "Russia must withdraw its troops, X said": the subject's own troops
        who = ctx.actor(e.claimant, s)[0].get("actor")
        if who is not None and who != actors[i]["source"].get("actor"):
            e.target = Arg(e.claimant, "target.claimant_possessive")


# Plain speech verbs: coded as a demand or an appeal only by a modal frame in what they report
# (escalation speech_frames: "Y must withdraw, X said"), aimed like the statement they were.
_PLAIN_SPEECH = frozenset({"say", "add", "state", "tell"})


def _report_targets(s: cl.Structure, events: list[Event], actors: list[dict], ctx: SentenceContext) -> None:
    """``target.reported_subject``: a statement with no target is about the reported clause's
    subject, and a demand or appeal is made of it ("demanded that Russia withdraw"; "Russia says Israel must end attacks" -> Israel, even when an act of the speaker's
    follows: "Trump said North Korea must act before he would lift sanctions") or, when the
    speaker reports its own act ("Putin said his country will not lift the ban on the EU"),
    that act's target. A speech verb coded as a criticism ("said Orsk's levies were illegal")
    is aimed likewise, or at the doer a "by" phrase after the reported subject names
    (``target.act_object_by``: "the raids by Orsk police were unacceptable, Tarsk said")."""
    for i, e in enumerate(events):
        accusing = e.act == "accuse" and s.lemma[e.tok] in _reporting_classes()  # "alleged that Kyiv had ..."
        # "said the strikes were unacceptable": a speech verb that criticizes (escalation speech_frames)
        # is aimed at the evaluated party, as the statement it was: the reported subject's actor
        criticizing = e.act == "criticize" and s.lemma[e.tok] in _reporting_classes() \
            or e.act_rule == "speech.label_reported" \
            or e.act in ("demand", "appeal") and s.lemma[e.tok] in _PLAIN_SPEECH   # "Y must/should ..., X said"
        # "said it would expel Algerian diplomats if attacks continued" (escalation speech_frames.announced):
        # a threat of a plain speech verb is aimed as the statement was, at the announced act's target
        threatening = e.act == "threaten" and s.lemma[e.tok] in _PLAIN_SPEECH
        # "demanded that Russia withdraw": a demand or an appeal is made of the complement's subject
        asking = e.act in ("demand", "appeal") and e.tok + 1 < len(s.lower) and s.lower[e.tok + 1] == "that" \
            and s.tags[e.tok + 1] == "IN"
        # "..., France and Germany said in a joint statement": the medium is no target of the speech
        medium = e.target.rule == "target.prep_in" and actors[i]["target"].get("actor") is None \
            and s.lemma[e.tok] in _reporting_classes()
        if e.target.chunk is not None and not medium or e.act not in ("statement", "consider", "unclassified") \
                and not accusing and not asking and not criticizing and not threatening:
            continue
        if asking:
            subj = _reported_subject(s, e)
            if subj is None:
                subj = _name_after_that(s, e.tok + 2)
            if subj is not None:
                e.target = Arg(subj, "target.reported_subject")
            continue
        subj = _reported_subject(s, e)
        k = subj.end + 1 if criticizing and subj is not None else len(s.lower)
        by = s.chunk_at(k) if k < len(s.lower) and s.lower[k - 1] == "by" else None   # "the raids by Kenyan police were"
        if by is not None and by.start == k \
                and ctx.actor(by, s)[0].get("actor") not in (None, actors[i]["source"].get("actor")):
            e.target = Arg(by, "target.act_object_by")
            continue
        if subj is not None and not _same_chunk(subj, e.source.chunk):
            who = ctx.actor(subj, s)[0].get("actor")
            over = _reported_act_target(s, events, i, subj) if who is None else None
            if over is not None:
                e.target = Arg(over, "target.reported_act_object")
                continue
            if who is None or who != actors[i]["source"].get("actor"):
                e.target = Arg(subj, "target.reported_subject")
                continue
            if _obliged(s, subj):   # "Sri Lanka's former premier said the Sri Lankan government must ..."
                acted_on = _obliged_act_target(s, subj, who, ctx)
                if acted_on is None and _self_obliged(e, actors[i]["source"]):
                    continue   # target.self_obliged: "Iran condemned ..., adding that Iran must defend itself"
                e.target = Arg(subj, "target.reported_obliged") if acted_on is None \
                    else Arg(acted_on, "target.reported_obliged_act")
                continue
        judged = _evaluated(s, e)
        if judged is not None:
            e.target = Arg(judged, "target.evaluated")
            continue
        inner = [x for x in events if x.claim_of == i and not x.absorbed]
        if not inner:
            continue
        j = events.index(inner[0])
        x = inner[0]
        own = actors[j]["source"].get("actor") is not None and actors[j]["source"].get("actor") == actors[i]["source"].get("actor")
        if own or x.source.rule == "source.logophoric" or x.source.chunk is None or _same_chunk(x.source.chunk, e.source.chunk):
            if x.target.chunk is not None:
                e.target = Arg(x.target.chunk, "target.reported_target")
        else:
            e.target = Arg(x.source.chunk, "target.reported_subject")


_OBLIGATION = frozenset({"must", "should", "ought"})


def _self_obliged(e: Event, src: dict) -> bool:
    """Rule ``target.self_obliged``: a second speech verb that shares the first's subject
    ("Iran's foreign minister condemned the strikes, adding that Iran must defend itself") says
    what the speaker's own party must do: a demand of no one, so no target. A first speech verb
    keeps its reading ("Sri Lanka's former premier said the government must ..." tells it).

    Example:
        >>> # "Chile said Peru must withdraw, adding that Chile must defend itself": no target
    """
    return e.source.rule.startswith("agent.subject.control") and src.get("actor") is not None


def _obliged(s: cl.Structure, subj: cl.Chunk) -> bool:
    """Rule ``target.reported_obliged``: the reported subject is told what it must do ("said the
    government must ensure security", "said that Indonesia should protect ..."): a demand made of
    it even when it is the speaker's own state, so it is the statement's target rather than the
    object of the act demanded.

    Example:
        >>> # "Indonesia's donors said that Indonesia must ensure security": Indonesia
    """
    k = subj.end
    return k < len(s.lower) and s.lower[k] in _OBLIGATION and s.tags[k] == "MD"


def _obliged_act_target(s: cl.Structure, subj: cl.Chunk, own: str, ctx: SentenceContext) -> cl.Chunk | None:
    """Rule ``target.reported_obliged_act``: what the speaker's own state is told it must do is
    aimed at someone else when the act names another actor ("The Israeli prime minister said
    Israel must destroy Hamas": Hamas; "said Russia must respond to NATO expansion": NATO;
    "said Kenya must protect its borders from Somali militants": Somalia): the act's object or
    the first of its phrases that names an actor other than ``own``. None when none does ("said
    the Sri Lankan government must ensure security": the government is told, the target).

    Example:
        >>> # "The Israeli prime minister said Israel must destroy Hamas": Hamas
    """
    p = next((q for q in s.predicates if q.start == subj.end), None)
    if p is None:
        return None
    cands = ([p.patient] if p.patient is not None else []) + [c for _, c in p.obliques if c.start > p.head]
    for c in cands:
        who = ctx.actor(c, s)[0].get("actor")
        if who is not None and who != own:
            return c
    return None


def _reported_act_target(s: cl.Structure, events: list[Event], i: int, subj: cl.Chunk) -> cl.Chunk | None:
    """``target.reported_act_object``: "said that the government will not lift the ban on
    outlawed X": when the reported subject names no actor and its act's object is an act noun
    whose phrase names the party acted on by a proper noun (``target.prep_after_act_object_*``:
    a ban, sanctions, aid on or to X; not "violated the truce on several occasions"), that party
    is the statement's target, not the unnamed subject."""
    for x in events:
        if x.claim_of == i and not x.absorbed and _same_chunk(x.source.chunk, subj) \
                and _names_someone(s, x.target.chunk) and x.target.rule.startswith("target.prep_after_act_object"):
            return x.target.chunk
    return None


def _purpose_targets(s: cl.Structure, events: list[Event], actors: list[dict], ctx: SentenceContext) -> None:
    """``target.purpose_beneficiary``: aid, an appeal or an offer whose target names no actor is
    aimed at the object of the purpose infinitive after it ("launched an appeal for $88 million
    to help people in Ethiopia", "considering sending aid to help North Korea cope"), the
    beneficiary CAMEO codes as the target (verbs: ``purpose_target`` in events.yaml); a strike
    or protest at what it protests ("went on strike to protest X", "a hunger strike, protesting X")."""
    r = rules()
    for i, e in enumerate(events):
        if e.absorbed or actors[i]["target"].get("actor") is not None or e.act not in r.purpose_acts \
                or _names_someone(s, e.target.chunk):
            continue
        toks = {x.tok for x in events}
        for q in s.predicates:
            if q.start <= e.tok or q.start - e.tok > r.purpose_span:
                continue
            purpose = s.lower[q.start] == "to" or (q.start == q.head and s.tags[q.head] == "VBG" and s.lower[q.start - 1] == ",")
            if purpose and s.lemma[q.head] in r.purpose_verbs and q.patient is not None:
                e.target = Arg(q.patient, "target.purpose_beneficiary")
                actors[i]["target"] = ctx.actor(q.patient, s, target=True)[0]
            if q.head not in toks and s.tags[q.head] != "VBG":
                break  # only through the act's own verbs ("considering sending aid to help X")


def _condition_targets(s: cl.Structure, events: list[Event], actors: list[dict], ctx: SentenceContext,
                       cues: list[Cue]) -> None:
    """Rule ``target.condition_subject``: a hostile act made conditional on another party's
    act, with no target of its own, is aimed at the one the condition names ("Beijing said
    the PLA would take countermeasures if Manila continued its patrols": a threat at the
    Philippines; "would retaliate unless Kigali withdrew"). The first subject in the
    ``if``/``unless`` clause that names a party other than the source; none when the condition
    names no one else ("if the situation worsened", "if it detected another launch").

    Example:
        >>> # "Moscow said it would retaliate if Helsinki allowed NATO bases" -> RUS threaten FIN
    """
    r = rules()
    for i, e in enumerate(events):
        if e.absorbed or e.condition is None or actors[i]["target"].get("actor") is not None \
                or not (cues[e.cue].quad in CONFLICT or e.act in r.commitment_threats
                        or e.act_rule == "speech.conditional_threat"):
            continue
        src = actors[i]["source"].get("actor")
        a, b = e.condition
        for q in s.predicates:
            subj = q.agent if q.voice == "active" else None
            if not a <= q.head < b or subj is None or subj.end - subj.start == 1 and s.lower[subj.start] in _PRONOUNS:
                continue
            got = ctx.actor(subj, s, target=True)[0]
            if got.get("actor") is not None and got["actor"] != src:
                e.target, actors[i]["target"] = Arg(subj, "target.condition_subject"), got
            break


def _body_in_place_targets(s: cl.Structure, events: list[Event], actors: list[dict], ctx: SentenceContext) -> None:
    """``target.body_in_place``: troops or aid sent to a body posted somewhere ("sending troops
    to the United Nations peacekeeping force in South Sudan", "deploying troops to the UN
    mission in Mali") are aimed at the place's actor, not at the organisation running the body
    (events.yaml ``modifier_bodies``)."""
    bodies = rules().modifier_bodies
    for i, e in enumerate(events):
        c = e.target.chunk
        if e.absorbed or c is None or not e.target.rule.startswith(("target.recipient_to", "target.prep_to")):
            continue
        k = c.end   # past the body's modifiers ("peacekeeping") to its head
        while k < min(len(s.tags), c.end + 3) and s.lemma[k] not in bodies and s.tags[k][:2] in ("NN", "VB", "JJ"):
            k += 1
        if k + 2 >= len(s.tags) or s.lemma[k] not in bodies or s.lower[k + 1] != "in":
            if not (s.lemma[c.head] in bodies and k == c.end and k + 1 < len(s.tags) and s.lower[k] == "in"):
                continue
            k -= 1   # the chunk itself ends with the body: "to the peacekeeping mission in Mali"
        place = s.chunk_at(k + 2)
        got, _ = ctx.actor(place, s) if place is not None else ({}, "")
        if got.get("actor") is not None and got["actor"] != actors[i]["source"].get("actor"):
            e.target = Arg(place, "target.body_in_place")
            actors[i]["target"] = got


def _named_oblique_targets(s: cl.Structure, events: list[Event], actors: list[dict], ctx: SentenceContext) -> None:
    """``target.named_oblique_<prep>``: an act whose target names no actor ("served in Lebanon",
    "sought refuge in Bangladesh", "killed 300 people in Sri Lanka", "deploying troops to the
    UN mission in Mali") is aimed at the actor of a later prepositional phrase of its clause
    (:data:`Rules.place_preps`), as CAMEO codes a located act against the place's actor.
    Statements are left to :func:`_report_targets`; the source's own actor is not a target."""
    r = rules()
    for i, e in enumerate(events):
        if e.absorbed or actors[i]["target"].get("actor") is not None or \
                e.act in ("statement", "consider") and e.target.rule != "target.claimed_for":
            continue  # ... but a claimed act is aimed at the party it hit ("the attack on the army")
        if e.target.rule.startswith(("target.own", "target.between")) or _names_someone(s, e.target.chunk):
            continue  # a named person or body the gazetteer lacks is still the one acted on
        if e.target.rule == "patient.object" and s.lemma[e.tok] in _reporting_classes():
            continue  # "accused the legislation of ...": a speech act is aimed at its object
        after = max(e.tok, e.target.chunk.end - 1 if e.target.chunk is not None else e.tok)
        src = actors[i]["source"].get("actor")
        obl = cl.obliques(s, after, cl.words(), clause=s.clause_of[e.tok], span=r.place_span)
        # a direction ("to US-backed forces") before a place ("territory in Syria")
        for prep, c in sorted(obl, key=lambda pc: pc[0] in ("in", "at", "inside", "within", "throughout", "across")):
            if prep not in r.place_preps or prep in r.venue_preps and s.lemma[e.tok] in r.venue_verbs \
                    or prep in r.destination_verbs.get(s.lemma[e.tok], ()) and e.act != "aid":
                continue   # target.venue: "met in Brussels" is where, not with whom
            got, why = ctx.actor(c, s)
            # "to US-backed forces": a party, whoever backs it (no actor, but no place beyond it)
            if got.get("actor") is not None and got["actor"] != src or why == "actor.supporter_only":
                e.target = Arg(c, f"target.named_oblique_{prep}")
                actors[i]["target"] = got
                break


def _oblique_targets(s: cl.Structure, events: list[Event], actors: list[dict], ctx: SentenceContext) -> None:
    """Targets found past the object: a named place or body (:func:`_named_oblique_targets`,
    :func:`_body_in_place_targets`), then the shared target of coordinated verbs
    (:func:`_coordinated_targets`)."""
    _named_oblique_targets(s, events, actors, ctx)
    _body_in_place_targets(s, events, actors, ctx)
    _coordinated_targets(s, events, actors)
    _claimant_victims(s, events, actors, ctx)


_VICTIM_ACTS = frozenset({"attack", "mass_violence"})


def _claimant_victims(s: cl.Structure, events: list[Event], actors: list[dict], ctx: SentenceContext) -> None:
    """``target.claimant_victim``: an attack that another party reports (its claimant) and whose
    object names no one ("Ukrainian officials said Russian forces struck a power plant in the
    Kharkiv region", "the Taliban government said Pakistani aircraft had bombed villages") is
    aimed at the reporting party: one reports the strikes on one's own side, as the accusation
    the report makes (claim.accuse) already reads it. Only for an object struck ("fired
    missiles into the sea" is aimed at no one), not an act or joint act ("sabotaged the talks"); not when the
    doer reports its own act, nor for a news outlet, nor for a claim a noun reports ("rejected
    Russian claims that its troops had shelled the plant"), nor when the object names someone the
    gazetteer lacks.

    Example:
        >>> # "Armenia said Azerbaijani troops shelled a village overnight" -> AZE attack ARM
    """
    for i, e in enumerate(events):
        tc, r = e.target.chunk, rules()
        if e.claimant is None or e.act not in _VICTIM_ACTS or e.absorbed or e.negated or tc is None \
                or not e.target.rule.startswith("patient.") or s.lemma[e.claimant.head] in r.claim_nouns \
                or "claim.noun_owner" in e.extra or e.source.rule == "source.denier" \
                or s.lemma[tc.head] in r.joint_acts or _act_noun(s, tc.head, r) in r.event_nouns \
                or actors[i]["target"].get("actor") is not None or _names_someone(s, tc):
            continue
        src = actors[i]["source"].get("actor")
        clm, _ = ctx.actor(e.claimant, s)
        if src is None or clm.get("actor") in (None, src) or clm.get("sector") == MEDIA:
            continue
        e.target, actors[i]["target"] = Arg(e.claimant, "target.claimant_victim"), clm


_INHERITED = frozenset({"demand", "appeal", "criticize", "protest", "threaten", "warn", "coerce", "attack",
                        "expel", "reduce_relations", "sanction", "reject", "aid", "offer", "praise"})


def _coordinated_targets(s: cl.Structure, events: list[Event], actors: list[dict]) -> None:
    """``target.coordinated``: a verb coordinated with an earlier one of the same subject
    (``agent.subject.coordinated``) whose own object names no one is aimed at the earlier verb's
    target: "Mexico condemned the killing ... by U.S. border agents and demanded a full
    investigation" demands it of the United States; "Peru expelled Venezuela's envoy and ordered
    him to leave" orders Venezuela's. A target that names someone, a statement and an act of the
    source on itself are left alone; a verb with a "for" phrase of its own shares only a target
    that is an act its doer did ("struck Russian ships and called for more sanctions" appeals to
    no one named; "sent tanks to Ukraine and pledged more ammunition" still gives to Ukraine).

    Example:
        >>> # "Chile condemned the raid by Bolivian police and demanded an inquiry" -> CHL demand BOL
    """
    r = rules()
    for i, e in enumerate(events):
        tc = e.target.chunk
        if e.absorbed or not e.source.rule.startswith("agent.subject.coordinated") or e.act not in _INHERITED \
                or actors[i]["target"].get("actor") is not None or e.target.rule.startswith("target.own") \
                or tc is not None and _names_someone(s, tc) and s.tags[tc.head] not in cl.PRONOUN_TAGS:
            continue
        # the verb's own "for" phrase: "called for talks" asks for something, of no one named
        own = tc is not None and tc.start > 0 and s.lower[tc.start - 1] == "for" and s.tags[tc.head] not in cl.PRONOUN_TAGS
        src = actors[i]["source"].get("actor")
        for j in range(i - 1, -1, -1):
            f = events[j]
            if f.absorbed or f.tok >= e.tok or not _same_chunk(f.source.chunk, e.source.chunk) \
                    or actors[j]["source"].get("actor") != src:
                continue
            got = actors[j]["target"]
            # a verb with a "for" phrase of its own ("and called for more sanctions") shares the
            # target only when the earlier target is an act whose doer it names ("condemned the
            # raid by Bolivian police and called for an inquiry")
            if own and not f.target.rule.startswith("target.act_object") and (
                    f.target.chunk is None or _act_noun(s, f.target.chunk.head, r) not in r.event_nouns):
                break
            if got.get("actor") is not None and got["actor"] != src and f.target.chunk is not None:
                e.target, actors[i]["target"] = Arg(f.target.chunk, "target.coordinated"), got
            break


def _names_someone(s: cl.Structure, c: cl.Chunk | None) -> bool:
    """A chunk with a proper noun: an actor the gazetteer may lack."""
    return c is not None and any(s.tags[k] in ("NNP", "NNPS") for k in range(c.start, c.end))


def _same_chunk(a: cl.Chunk | None, b: cl.Chunk | None) -> bool:
    return a is not None and b is not None and a.start == b.start


def _visits(s: cl.Structure, r: Rules, taken: set[int], person=None) -> list[tuple[cl.Predicate, cl.Chunk]]:
    """``verb.visit``: an official or a delegation arriving in a place visits it (CAMEO 042).

    "arrive" is no cue of the escalation lexicon, since troops and shipments arrive too; here
    it is a visit only when its subject's head is a visitor noun (``events.yaml`` visit) and a
    place follows in an in/to phrase.

    Example:
        >>> r = rules()
        >>> "arrive" in r.visit_verbs and "diplomat" in r.visitors
        True
    """
    out = []
    for p in s.predicates:
        if s.lemma[p.head] not in r.visit_verbs or p.head in taken or p.agent is None or p.voice != "active":
            continue
        if s.lemma[p.agent.head] not in r.visitors and not (person is not None and person(p.agent)):
            continue   # a named person visits too ("Blinken travelled to Beijing"): ``person``
        place = [ch for prep, ch in p.obliques if prep in r.visit_preps]
        if place:
            out.append((p, place[0]))
    return out


def _traded(s: cl.Structure, r: Rules, taken: set[int]) -> list[tuple[cl.Predicate, str, Arg]]:
    """``verb.traded``: a verb of exchange (events.yaml ``reciprocal_marked: verbs``: "trade",
    "exchange") whose object names an act (``traded_objects``: "India and Pakistan traded
    accusations", "exchanged fire") is that act, with the CAMEO code the list gives; the
    coordinated subjects do it to each other (target.reciprocal, as for "traded blame"), or the
    subject to the party of a "with" phrase (``target.traded_with``: "Chile traded accusations
    with Peru"). Only where no cue of the escalation lexicon already stands on the verb.

    Example:
        >>> rules().traded_objects.get("accusation")
        '112'
    """
    out = []
    for p in s.predicates:
        if s.lemma[p.head] not in r.reciprocal_markers or p.head in taken or p.agent is None \
                or p.patient is None or p.voice != "active":
            continue
        code = r.traded_objects.get(s.lemma[p.patient.head])
        if code is not None:
            other = next((ch for prep, ch in p.obliques if prep == "with"), None)
            out.append((p, code, Arg(other, "target.traded_with") if other is not None
                        else Arg(p.patient, "patient.object")))
    return out


def _quad_of(code: str | None) -> str:
    """The QuadClass of a CAMEO code by its root (01-05 verbal and 06-09 material cooperation,
    10-14 verbal and 15-20 material conflict); "" for none.

    Example:
        >>> _quad_of("120"), _quad_of("080"), _quad_of(None)
        ('verbal_conflict', 'material_cooperation', '')
    """
    if not code:
        return ""
    root = int(code[:2])
    return ("verbal_cooperation" if root <= 5 else "material_cooperation" if root <= 9
            else "verbal_conflict" if root <= 14 else "material_conflict")


def _converse_giver(s: cl.Structure, p: cl.Predicate, r: Rules, rctx: dict) -> tuple[cl.Chunk, str, str] | None:
    """Rule ``verb.converse``: the subject of a verb of receiving (events.yaml ``converse_verbs``,
    or a ``converse.phrases`` pair such as "take delivery") whose object is a thing given
    (``converse.objects``: weapons, loans ...; any object for ``converse.receiving``, uncoded)
    is the receiver; the giver is the "from" phrase
    naming an actor ("Ukraine received weapons from Germany", ``source.from``) or else the
    actor named in the object ("took delivery of German tanks", ``source.transfer_object``).
    Returns the giver's chunk, its rule and the CAMEO code of the giving; None when no actor
    gives (no guess).

    Example:
        >>> # "Egypt obtained loans from the IMF" -> (the IMF, "source.from", "071")
    """
    obj = p.patient
    if p.voice != "active" or obj is None or p.agent is None:
        return None
    if (s.lemma[p.head], s.lemma[obj.head]) in r.converse_phrases:
        of = [c for prep, c in p.obliques if prep == "of" and c.start == obj.end + 1]
        obj = of[0] if of else None
    elif s.lemma[p.head] not in r.converse:
        return None
    code = r.transfer_objects.get(s.lemma[obj.head]) if obj is not None else None
    if obj is None or code is None and s.lemma[p.head] not in r.receiving:
        return None
    frm = [c for prep, c in p.obliques if prep == "from" and c.start >= obj.end and _has_actor(rctx, c)]
    if frm:   # "received a letter from Germany": Germany's act, uncoded
        return frm[0], "source.from", code or ""
    if code is not None and _has_actor(rctx, obj):
        return obj, "source.transfer_object", code
    return None


def _sent_object(s: cl.Structure, p: cl.Predicate, r: Rules) -> str | None:
    """Rule ``verb.transfer_object``: a verb of transfer (events.yaml ``recipient_verbs``) that no
    escalation cue covers takes its act from the thing it sends (``sent_objects``, and the
    ``converse.objects``): "Turkey sent troops to northern Cyprus" shows force (CAMEO 15), unless
    the verb or a word after it says they help (``sent_helping``: "contributing troops", "to help
    the army", "to the UN peacekeeping force": 074, peacekeeping); "Germany will send 40 million euros in humanitarian aid to Sudan" gives aid (07); the "in
    aid" after an amount ("300 tonnes of food aid") names what is sent. Returns the CAMEO code, or None.

    Example:
        >>> # "Chile sent two warships to the strait" -> "150"
    """
    obj = p.patient
    if p.voice != "active" or obj is None or s.lemma[p.head] not in r.recipient:
        return None
    code = r.sent_objects.get(s.lemma[obj.head])
    if code is None:
        code = _given_object_code(s, obj, r)
    if code is not None and code.startswith("15") and any(
            s.lemma[k] in r.sent_helping or s.lower[k] in r.sent_helping for k in range(p.head, len(s.lower))):
        return r.sent_helping_code   # "sending troops to the UN peacekeeping force", "to help the army"
    if code is None and any(s.tags[k] == "CD" for k in range(obj.start, obj.head)):
        # "300 tonnes of food aid": the amount's "of"/"in" phrase names what is sent
        inner = [c for prep, c in p.obliques if prep in ("in", "of") and c.start == obj.end + 1]
        code = r.sent_objects.get(s.lemma[inner[0].head]) if inner else None
    return code


def _given_object_code(s: cl.Structure, obj: cl.Chunk, r: Rules) -> str | None:
    """The code of the second object of a transfer verb ("handed the ambassador a protest note",
    "a note of protest"), or of a noun before the object's head ("sent a protest note"), from
    events.yaml ``sent_objects``; None when neither names what is sent.

    Example:
        >>> # "Hungary handed the Ukrainian envoy a protest note" -> "114" (protest)
    """
    second = s.chunk_at(obj.end) if obj.end < len(s.lower) else None
    spans = [(obj.start, obj.head)]
    if second is not None and second.start == obj.end:
        spans.append((second.head, second.head + 1))
        spans.append((second.start, second.head))
        if second.head + 1 < second.end and s.lower[second.head + 1] == "of":
            spans.append((second.head + 2, second.end))   # a chunk "a note of protest"
        if second.end + 1 < len(s.lower) and s.lower[second.end] == "of":
            spans.append((second.end + 1, second.end + 2))   # "a note of protest"
    for a, b in spans:
        for k in range(a, b):
            code = r.sent_objects.get(s.lemma[k]) if s.tags[k].startswith("NN") else None
            if code is not None:
                return code
    return None


def _hosted_visit(s: cl.Structure, p: cl.Predicate, r: Rules, rctx: dict) -> str | None:
    """Rule ``verb.transfer_object`` for a host (events.yaml ``host_verbs``): "Egypt's president
    received Eritrean President Isaias Afwerki in Cairo" hosts a visit (CAMEO 043), when the
    object is a person (a name, or a person noun of ``descriptions``) of a named party; "received
    Sudanese refugees" hosts no visit. Returns the code, or None."""
    obj = p.patient
    if p.voice != "active" or obj is None or s.lemma[p.head] not in r.host_verbs or not _has_actor(rctx, obj):
        return None
    person = s.tags[obj.head] in ("NNP", "NNPS") or r.descriptions.get(s.lemma[obj.head]) == "person"
    return "043" if person else None


def _party_object(s: cl.Structure, c: cl.Chunk | None, r: Rules, rctx: dict) -> bool:
    """Whether object ``c`` is a party itself: names an actor and is headed by a proper name or a
    word of events.yaml ``object_act_heads`` ("Palestine", "a Palestinian state"; not "such United
    Nations resolutions").

    Example:
        >>> # "recognise Kosovo" and "recognise its independence": True; "recognise the vote": False
    """
    if c is None or not _has_actor(rctx, c):
        return False
    h = c.head
    while h > c.start and (s.lemma[h] in r.object_time_words or s.lower[h] in r.months):
        h -= 1   # "recognise Palestine next month": the time phrase is glued to the object
    return s.tags[h].startswith("NNP") or s.lemma[h] in r.object_act_heads


def _add_uncoded(s: cl.Structure, cues: list[Cue], events: list[Event], r: Rules, rctx: dict) -> list[Cue]:
    """Add the main clause's uncoded predicate (:func:`_uncoded_main`) as an ``unclassified``
    event (``verb.uncoded``), or as the act of its verb + particle phrase (``verb.phrasal``,
    events.yaml ``phrasal_acts``) or of a verb that is an act only when its object names a party
    (``verb.object_act``, ``object_acts``: "recognise Palestine"), with its target; returns the
    cues with its own added."""
    uncoded = _uncoded_main(s, events, r)
    if uncoded is None:
        return cues
    h = uncoded.head
    phrase = f"{s.lemma[h]} {s.lower[h + 1]}" if h + 1 < len(s.lower) else ""
    code = r.phrasal_acts.get(phrase)   # "pushed back against": a rejection (verb.phrasal)
    giver = _converse_giver(s, uncoded, r, rctx)
    sent = _sent_object(s, uncoded, r) or _hosted_visit(s, uncoded, r, rctx) if code is None and giver is None else None
    if giver is not None:
        code = giver[2] or None
    elif sent is not None:
        code = sent
    elif code is None and uncoded.agent is not None and s.lemma[uncoded.agent.head] in r.force_heads:
        # ... or its passive: "the grid had been hit by Russian missiles" (the by-agent)
        code = r.force_verbs.get(s.lemma[h])   # "A Russian missile hit a school" (verb.force_subject)
        if code is not None:
            giver = (uncoded.agent, uncoded.agent_rule, code)
    # "would recognise Palestine": an act only when its object names a party (verb.object_act)
    objc = r.object_acts.get(s.lemma[h]) if code is None and giver is None and sent is None \
        and _party_object(s, uncoded.patient, r, rctx) else None
    code = code or objc
    two = code is not None and giver is None and sent is None and objc is None   # a phrasal act's cue is its verb + particle
    cues = [*cues, Cue(-1, h, h + 2 if two else h + 1, s.lemma[h], code or "", _quad_of(code), phrase if two else s.lemma[h])]
    events.append(Event(len(cues) - 1, h, Arg(uncoded.agent, uncoded.agent_rule),
                        Arg(uncoded.patient, uncoded.patient_rule),
                        act_class(code, s.lemma[h], r) if code else "unclassified",
                        "verb.transfer_object" if sent else "verb.object_act" if objc else "verb.phrasal" if code
                        else "verb.uncoded",
                        uncoded.clause, uncoded.negated, uncoded.modality))
    if giver is not None and giver[0] is not uncoded.agent:   # "Ukraine received weapons from Germany"
        events[-1].source, events[-1].target = Arg(giver[0], giver[1]), Arg(uncoded.agent, "target.converse_subject")
        events[-1].act_rule = "verb.converse"
        events.sort(key=lambda e: e.tok)
        return cues
    if giver is not None:
        events[-1].act_rule = "verb.force_subject"
    obl = _verb_obliques(s, uncoded, r)
    better = _actor_oblique(s, obl, uncoded.patient, rctx, uncoded.head)
    if better is not None:
        events[-1].target = better
    elif uncoded.patient is None:
        c, rule = _target_oblique(obl, exclude=("of", "by", "for", "in", "with"))
        if c is None:  # "arrived in Nepal", "surrendered in Faryab province": where it happened
            named = [(p, ch) for p, ch in uncoded.obliques if p == "in" and
                     (_has_actor(rctx, ch) or s.tags[ch.head] in ("NNP", "NNPS"))]
            c, rule = (named[0][1], "target.prep_in_named") if named else (None, "")
        events[-1].target = Arg(c, rule)
    events.sort(key=lambda e: e.tok)
    return cues


def _deliberated_act(s: cl.Structure, p: cl.Predicate, events: list[Event], w: cl.Words) -> Event | None:
    """The event whose act predicate ``p`` weighs (:func:`toolkit.clauses.deliberated`: "is
    weighing whether to expel X", "is considering sending aid to X": the verb's or its object's
    event); ``None`` when there is none."""
    for q in s.predicates:
        if q.head <= p.head or q.modality != "hypothetical" or not cl.deliberated(s, q, w):
            continue
        k = q.start - 1
        while k > p.head and s.lower[k] in w.deliberation_gap:
            k -= 1
        if k != p.head:
            continue
        for e in events:
            if q.start <= e.tok <= q.head or q.patient is not None and q.patient.start <= e.tok < q.patient.end:
                return e
    return None


def _deliberations(s: cl.Structure, cues: list[Cue], events: list[Event], rctx: dict) -> list[Cue]:
    """Rule ``verb.deliberation``: a party considering, weighing or mulling an act (clauses.yaml
    ``deliberation_frames``; ``open_question_frames`` before "whether": "is discussing whether
    to impose sanctions") does CAMEO 014, "consider policy option", the asserted row, while the
    act weighed is hypothetical (rule ``modality.deliberated``). An uncoded verb becomes the
    consider act; a missing one is added. Its target is the weighed act's when it names none
    (``target.deliberated_act``: "Canada is weighing whether to expel Indian diplomats" -> IND).
    Returns the cues with any added.

    Example:
        >>> # "Austria is mulling whether to impose sanctions on Belarus": AUT consider BLR
        >>> # (asserted) and AUT sanction BLR (hypothetical)
    """
    w = cl.words()
    for p in s.predicates:
        lem = s.lemma[p.head]
        if p.voice != "active" or p.agent is None or (lem not in w.deliberation_frames
                                                     and lem not in w.open_question_frames):
            continue
        weighed = _deliberated_act(s, p, events, w)
        wc = weighed.source.chunk if weighed is not None else None
        if weighed is not None and wc is not None and p.head < wc.start and wc.end <= weighed.tok:
            # "considering the possibility of providing experts": the one considering provides
            weighed.source = Arg(p.agent, "agent.subject.deliberation")
        own = next((e for e in events if e.tok == p.head), None)
        if weighed is None and not (own is not None and own.act == "unclassified" and p.patient is not None
                                    and lem in w.deliberation_frames):
            continue  # "Finland is weighing a ban on Russian tourists" holds its act in the object
        if own is None or own.act == "unclassified":
            cues = [*cues, Cue(-1, p.head, p.head + 1, lem, "014", _quad_of("014"), lem)]
            if own is None:
                own = Event(len(cues) - 1, p.head, Arg(p.agent, p.agent_rule), Arg(None, ""), "consider",
                            "verb.deliberation", p.clause, p.negated, p.modality)
                events.append(own)
            own.cue, own.act, own.act_rule = len(cues) - 1, "consider", "verb.deliberation"
        if own.act == "consider" and weighed is not None and not _has_actor(rctx, own.target.chunk) \
                and _has_actor(rctx, weighed.target.chunk):
            own.target = Arg(weighed.target.chunk, "target.deliberated_act")
    events.sort(key=lambda e: e.tok)
    return cues


def _hosted_guest(s: cl.Structure, cues: list[Cue], events: list[Event], e: Event, ctx: SentenceContext,
                  w: dict) -> bool:
    """Rule ``verb.hosted_guest`` (see :func:`_welcomed_visits`): a host verb's row whose object
    is a guest (a person, a state or a delegation) also reports the guest's visit to the host,
    or to the place phrase after the guest; True when it added that row (and its cue).

    Example:
        >>> # "Xi hosted Lula on Monday": CHN consult BRA (CAMEO 043) and BRA visit CHN (042)
    """
    p = s.predicate_at(e.tok)
    if e.absorbed or s.lemma[e.tok] not in w.get("hosts", ()) or p is None or p.head != e.tok \
            or p.voice != "active" or e.target.chunk is not p.patient \
            or not (cues[e.cue].cameo.startswith("04") or e.act == "unclassified"):
        return False
    guest = p.patient
    if guest is None:
        return False
    if not (ctx.names_person(guest) or s.tags[guest.head] == "NNP" or s.lower[guest.head] in w["guest_heads"]) \
            or ctx.actor(guest, s)[0].get("actor") is None or e.source.chunk is None \
            or s.lemma[guest.head] in w["gatherings"] or s.lower[guest.head] in w["gatherings"]:
        return False   # "received weapons", "hosted talks between A and B", "hosting French troops",
        #                 "hosting the U.S.-Africa Leaders Summit": no guest
    place = next((c for prep, c in p.obliques if prep in w["prepositions"] and c.start >= guest.end
                  and (ctx.place_at(c.head) or s.tags[c.head] == "NNP" and ctx.adjective_actor(c.head)
                       and not ctx.names_person(c))), None)
    cue = cues[e.cue]
    cues.append(Cue(-1, e.tok, cue.tok_end, cue.lemma, w["cameo"], _quad_of(w["cameo"]), cue.entry))
    events.append(replace(e, cue=len(cues) - 1, source=Arg(guest, "source.hosted_guest"),
                          target=Arg(place, "target.visited_place") if place is not None
                          else Arg(e.source.chunk, "target.host"),
                          act=w["act"], act_rule="verb.hosted_guest", extra=list(e.extra)))
    return True


def _noun_agents(s: cl.Structure, events: list[Event]) -> None:
    """Rule ``source.noun_agent``: an infinitive after a noun with a doer of its own is that
    doer's act, not the main subject's ("Ghana criticised a decision by Togo to expel two
    diplomats": Togo expels; "Greece welcomed Turkey's decision to lift sanctions": Turkey lifts
    them). Only the subject-control reading is replaced, only when the noun right before "to"
    has a "by" agent or an "'s" possessor, or is an ``intent_nouns`` noun after a possessive
    pronoun ("over its threat to halt imports"). Then :func:`_held_out_acts`.

    Example:
        >>> # "Kenya welcomed a move by Uganda to reopen the crossing": UGA reopens it (was KEN)
    """
    for e in events:
        if not e.source.rule.startswith("agent.subject.control"):
            continue
        k = next((j for j in range(e.tok - 1, max(e.tok - 4, 0), -1) if s.lower[j] == "to"), -1)
        c = s.chunk_at(k - 1) if k > 1 else None
        if c is None or c.end != k or s.tags[c.head] not in ("NN", "NNS"):
            if c is not None and c.end == k and c.start >= 2 and s.lower[c.start - 1] == "by":
                noun = s.chunk_at(c.start - 2)   # "a decision by Togo to expel"
                if noun is not None and noun.end == c.start - 1 and s.tags[noun.head] in ("NN", "NNS"):
                    e.source = Arg(c, "source.noun_agent")
            continue
        if any(s.lower[j] in ("'s", "’s", "'") for j in range(c.start, c.head)) \
                or s.lower[c.start] in _POSSESSIVE_PRONOUNS and c.head == k - 1 and s.lemma[c.head] in rules().intent_nouns:
            e.source = Arg(c, "source.noun_agent")   # "Turkey's decision to lift", "over its threat to halt"
    _held_out_acts(s, events, rules())   # then what the noun holds out, and ultimatums


_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})


def _held_out_acts(s: cl.Structure, events: list[Event], r: Rules) -> None:
    """Rule ``fact.intent_noun``: an infinitive right after a noun that holds an act out
    (events.yaml ``intent_nouns``: "its threat to suspend visa-free travel", "the offer to
    mediate") names an act not done: future, as after the verbs "threatened to", "offered to".
    Rule ``source.ultimatum_addressee``: "gave X 48 hours to withdraw" sets X a deadline
    (events.yaml ``ultimatum``: a giving verb, then a time span or "until", before "to"); the
    infinitive's act is asked of X (requested), not done by the giver, whose act is the demand
    (CAMEO 10 / 139 ultimatum; the cue rows ``give ... hour|day|week|month to``).

    Example:
        >>> # "Tarsk gave Velmora 48 hours to withdraw its forces": Velmora withdraws, requested
    """
    for e in events:
        p = s.predicate_at(e.tok)
        if p is not None and p.head == e.tok and s.lemma[e.tok] in r.ultimatum_verbs and e.act == "demand" and (
                s.tags[e.tok] == "VBG" and s.clauses[p.clause].kind == "participial"
                and any(x.act == "expel" and x.tok < e.tok for x in events)
                or p.voice == "passive" and p.agent is None):
            # "expelled X, giving him 48 hours to leave", "had been given 72 hours to leave" (no
            # one named who set it): an expulsion's deadline, not an ultimatum of its own
            e.absorbed = True
            continue
        if p is None or p.head != e.tok or s.lower[p.start] != "to" or p.start < 2:
            continue
        if s.lemma[p.start - 1] in r.intent_nouns and s.tags[p.start - 1] in ("NN", "NNS") and e.modality not in ("hypothetical",):
            e.modality = "future"
            e.extra.append("fact.intent_noun")
            continue
        if not e.source.rule.startswith("agent.subject.control"):
            continue
        before = [q for q in s.predicates if q.head < p.start and q.clause == p.clause]
        g = before[-1] if before else None
        if g is None or s.lemma[g.head] not in r.ultimatum_verbs or g.patient is None or g.patient.end > p.start:
            continue
        gap = range(g.patient.start if g.voice == "active" else g.end, p.start)
        if any(s.lemma[k] in r.ultimatum_spans or s.lower[k] in r.ultimatum_spans for k in gap):
            addressee = g.patient
            if g.voice == "active" and s.lemma[addressee.head] in r.ultimatum_spans:
                # the chunker reads "Kyrgyzstan 72 hours" as one phrase: the addressee ends
                # before the number or determiner of the span
                cut = next((k for k in range(addressee.start, addressee.end)
                            if s.tags[k] in ("CD", "DT") or s.lemma[k] in r.ultimatum_spans), addressee.start)
                if cut == addressee.start:
                    continue   # "gave 48 hours to leave": no addressee named
                addressee = cl.Chunk(addressee.start, cut, cut - 1, "np.ultimatum_addressee")
            e.source = Arg(addressee, "source.ultimatum_addressee")
            e.factuality = "requested"


def _host_report(e: Event, tgt: dict, clm: dict, fact: str) -> str:
    """A guest's visit (``verb.hosted_guest``, ``coevent.welcomed_to``) that the host's own side
    reports is asserted, as the host's hosting in the same clause is ("Jordan's king received the
    US envoy in Amman, the royal court said": USA visit JOR, asserted); another party's report
    keeps it alleged.

    Example:
        >>> _host_report(Event(0, 0, Arg(None, ""), Arg(None, ""), "visit", "verb.hosted_guest", 0),
        ...              {"actor": "JOR"}, {"actor": "JOR"}, "alleged")
        'asserted'
    """
    if fact == "alleged" and e.act_rule in ("verb.hosted_guest", "coevent.welcomed_to") \
            and tgt.get("actor") is not None and tgt.get("actor") == clm.get("actor"):
        return "asserted"
    return fact


def _between_others(s: cl.Structure, head: int, preps: Sequence[str]) -> bool:
    """A proposal's object followed by "between"/"among" others ("a ceasefire between the
    warring parties", "a meeting between the two Koreas") is asked of them, not offered (an
    appeal, as before the offer rule).

    Example:
        >>> # "Turkey proposed a prisoner swap between Russia and Ukraine": True
    """
    return head + 1 < len(s.lower) and s.lower[head + 1] in preps


def _proposed_offers(s: cl.Structure, cues: list[Cue], events: list[Event], r: Rules) -> list[Cue]:
    """Rule ``verb.proposed_offer``: proposing talks, a ceasefire or a swap is the proposer's
    intent to meet or to de-escalate (CAMEO 036 express intent to meet or negotiate, 0356
    express intent to de-escalate, 0353 to release persons: root 03, an offer), not an appeal
    (CAMEO 02 asks another party to act: "proposed that Bolivia return to the table" stays one).
    The proposal's object head decides (events.yaml ``proposals``). Returns the cues.

    Example:
        >>> # "Armenia proposed talks with Azerbaijan": ARM offer AZE, CAMEO 036 (was appeal 020)
    """
    pr = r.proposals
    for e in events:
        p = s.predicate_at(e.tok)
        if e.act != "appeal" or s.lemma[e.tok] not in pr.get("verbs", ()) or p is None or p.head != e.tok \
                or p.patient is None or p.patient.start <= e.tok:
            continue
        code = pr["objects"].get(s.lemma[p.patient.head]) or pr["objects"].get(s.lower[p.patient.head])
        if code is None or _between_others(s, p.patient.head, pr.get("third_party", ())):
            continue
        cue = cues[e.cue]
        cues = [*cues, Cue(-1, cue.tok, cue.tok_end, cue.lemma, code, _quad_of(code), cue.entry)]
        e.cue, e.act, e.act_rule = len(cues) - 1, "offer", "verb.proposed_offer"
    return cues


def _welcomed_visits(s: cl.Structure, cues: list[Cue], events: list[Event], ctx: SentenceContext,
                     r: Rules) -> list[Cue]:
    """Rule ``coevent.welcomed_to``: a host welcoming a guest to (or in) a place also reports the
    guest's visit there (CAMEO 042 make a visit): "Xi welcomed Lula to Beijing" is CHN praise BRA
    and BRA visit CHN; "Egypt hosted Jordan's king in Cairo" adds JOR visit EGY. The guest is the
    host verb's object (a party or a person), the place the first "to"/"in" phrase after it that
    is a place or a proper name of a state or its capital (events.yaml ``welcomed_visits``). Returns the cues with the visit's cue added.

    Rule ``verb.hosted_guest``: a host receiving or hosting a guest ("Putin received Modi",
    "Xi hosted Lula for talks") is the host's consultation with the guest (CAMEO 043 host a
    visit, act class consult) and the guest's visit to the host (CAMEO 042: Modi visit Russia),
    also without a place phrase (events.yaml ``welcomed_visits: hosts, guest_heads``).

    Example:
        >>> # "Modi welcomed the Ghanaian president to Delhi": GHA visit IND (besides IND praise GHA)
    """
    w = r.welcomed_visits
    if not w:
        return cues
    for e in list(events):
        cue = cues[e.cue]
        if _hosted_guest(s, cues, events, e, ctx, w):
            continue
        p = s.predicate_at(e.tok)
        if e.absorbed or e.negated or cue.lemma not in w["verbs"] or p is None or p.head != e.tok \
                or p.voice != "active" or p.patient is None:
            continue
        guest = p.patient
        if not (ctx.adjective_actor(guest.head) or ctx.names_person(guest)):
            continue   # the guest's head names the party: not "welcome the Minsk ceasefire agreement"
        place = next((c for prep, c in p.obliques if prep in w["prepositions"] and c.start >= guest.end
                      and (ctx.place_at(c.head) or s.tags[c.head] == "NNP" and ctx.adjective_actor(c.head)
                           and not ctx.names_person(c))), None)   # a capital names its state
        if place is None:
            continue
        cues = [*cues, Cue(-1, e.tok, cue.tok_end, cue.lemma, w["cameo"], _quad_of(w["cameo"]), cue.entry)]
        events.append(replace(e, cue=len(cues) - 1, source=Arg(guest, "source.welcomed_guest"),
                              target=Arg(place, "target.visited_place"), act=w["act"],
                              act_rule="coevent.welcomed_to", extra=list(e.extra)))
    return cues


def _forced_blocks(s: cl.Structure, cues: list[Cue], events: list, r: Rules) -> list[Cue]:
    """Rule ``act.forced_block``: a "block" read as a rejection (CAMEO 120) or a protesters'
    road block (14) that troops, soldiers or other forces do (events.yaml
    ``force_subject.heads``) is a physical blockade of movement, CAMEO 191, act class coerce ("The
    convoy was blocked by Serbian troops", "Soldiers blocked the road"), as the escalation rows
    ``block ... crossing|port|...`` code it; "Hungary blocked the sanctions" stays a rejection.

    Example:
        >>> # "Aid trucks were blocked by Israeli soldiers at the crossing": ISR coerce
    """
    for e in events:
        c = e.source.chunk
        cue = cues[e.cue]
        if e.act in ("reject", "protest") and cue.lemma == "block" and c is not None and s.lemma[c.head] in r.force_heads:
            cues = [*cues, Cue(-1, cue.tok, cue.tok_end, cue.lemma, "191", _quad_of("191"), cue.entry)]
            e.cue, e.act = len(cues) - 1, act_class("191", cue.lemma, r)
            e.extra.append("act.forced_block")
    return cues


def sentence_events(s: cl.Structure, cues: list[Cue], ctx: SentenceContext) -> list[dict]:
    """The event rows of one parsed sentence (see :func:`annotate` for the columns)."""
    r = rules()
    rctx = {"rules": r, "actor_tok": ctx.adjective_actor, "cue_toks": {c.tok for c in cues},
            # "condemned the strikes" after "Russia attacked Kyiv": the strikes name their doer
            "names_doer": lambda c: ctx.actor(c, s)[1] == "actor.event_doer"}
    events = []
    for ci, cue in enumerate(cues):
        e = locate(s, cue, rctx)
        if e is not None:
            e.cue = ci
            e.act = e.act or act_class(cue.cameo, cue.lemma, r)
            events.append(e)
    cues = _forced_blocks(s, _predicate_events(s, cues, events, ctx, r), events, r)
    events.sort(key=lambda e: e.tok)
    cues, events = _speech_verbs(s, cues, events, ctx.adjective_actor, ctx, r)
    events = _between_pairs(s, _split_targets(s, _split_coordinated(s, events, rctx), ctx), ctx)
    for e in events:
        t = e.target.chunk
        if e.act == "statement" and e.act_rule == "verb.active" and t is not None and any(
                x is not e and t.start <= x.tok < t.end for x in events):
            e.absorbed = True  # "announced a meeting": the meeting is the event, not the announcing
    cues = _add_uncoded(s, cues, events, r, rctx)
    cues = _deliberations(s, cues, events, rctx)
    _noun_agents(s, events)
    cues = _welcomed_visits(s, _proposed_offers(s, cues, events, r) if r.proposals else cues, events, ctx, r)
    if not events:   # every step below only reads or changes the events
        return _event_nominals.sentence_rows(s, ctx, [])   # "Latvia's expulsion of ..." (nominal.*)
    link_claims(s, events, cues, rctx)
    set_conditions(s, events)
    resolve_warnings(s, events, cues, rctx)
    _yield_to_demands(s, events, r)
    _claimant_threats(s, events, cues, r)
    _complement_acts(s, events, cues, r, rctx)
    _background_acts(s, events, r)
    _conditional_responses(s, events, cues, r, rctx)
    _implied_state_agents(s, events, ctx, r)
    _blamed_on(s, events, cues, r)
    _claimed_acts(s, events, cues, r)
    look = [{"source": ctx.source(e.source.chunk, s, place_ok=e.source.rule.startswith("agent.implied_state")),
             "target": ctx.actor(e.target.chunk, s, target=True)} for e in events]
    actors = [{k: v[0] for k, v in d.items()} for d in look]
    _upgrade_claims(s, events, actors, cues)
    _responsibility_claims(s, events, actors, cues, ctx, r)
    _own_side_warnings(s, events, actors, ctx, cues)
    _speech_contents(s, events, actors, ctx, cues, r)
    _purpose_targets(s, events, actors, ctx)
    _oblique_targets(s, events, actors, ctx)
    _condition_targets(s, events, actors, ctx, cues)
    _report_targets(s, events, actors, ctx)
    _claimant_possessive_targets(s, events, actors, ctx)
    main = _main_event(s, events)
    rows: list[dict] = []
    for i, e in enumerate(events):
        if e.absorbed or _disputed_place(s, e, ctx):   # "have long disputed Transnistria": no act
            continue
        src, srule = _owned_source(s, e, ctx, r)
        # A pronoun target is someone other than the source ("Russia destroys its infrastructure").
        reach = cues[e.cue].cameo.startswith("15") or r.lemma_classes.get(cues[e.cue].lemma) == "attack"
        if reach and e.modality == "hypothetical" and src.get("actor") is None \
                and not _names_someone(s, e.source.chunk) and e.source.rule != "source.logophoric":
            continue  # "missiles which can hit targets 300 km away": a weapon's reach, no one's act
            # ("the governor said he would send troops" is the governor's act: source.logophoric)
        if e.act == "unclassified" and e.source.chunk is not None and src.get("actor") is None \
                and any(c.row >= 0 and c.tok == e.source.chunk.head for c in cues):
            continue  # "The talks have reached a dead end": about an act, by no one named
        src, srule = _event_doer_source(s, e, ctx, r, src, srule)
        tgt, trule = _row_target(s, e, ctx, src, r, rows, cues[e.cue])
        _settle_act(s, e, cues, src, tgt, r)
        sc, tc = e.source.chunk, e.target.chunk
        if sc is not None and tc is not None and src.get("actor") is not None and src["actor"] == tgt.get("actor") \
                and (srule == "actor.coref_description" or srule == "actor.coref_antecedent" and s.lower[sc.start] in ("it", "its")) \
                and trule == "actor.mention" and ctx.names_party(tc.head):   # the target names the party itself
            # "Russia invaded Ukraine. The country accused Moscow ...": the antecedent is not the
            # party the same clause names as the target (as "He urged him" is two people); not
            # an attribute of it ("they defended American sovereignty"); "he"/"she" keep theirs
            src, srule = ctx.actor(sc, s, not_actor=tgt["actor"], exclude=tgt["actor"])
        src, srule, clm, speaker = _quote_claim(s, e, cues[e.cue], ctx, src, srule)
        src, srule, clm = _claiming_group(s, e, ctx, *_speaker_span_actors(e, ctx, src, srule, clm), r)
        if srule == "actor.quote_speaker_span" and e.act == "statement" and tgt.get("actor") == src["actor"]:
            tgt, trule = dict(_NO_TARGET), "target.own_side"   # "Japan lodged a protest, the ministry said"
        said = events[e.claim_of].act if 0 <= e.claim_of < len(events) else None
        fact = factuality(s, e, claimant_actor=clm.get("actor"), source_actor=src.get("actor"),
                          direct_quote=speaker is not None and ctx.in_direct_quote(cues[e.cue]))
        fact = _host_report(e, tgt, clm, fact)
        src, fact = _media_channel(e, src, clm, said, fact, reports=any(x.claim_of == i for x in events))
        fact = _own_refusal(s, e, src, clm, fact)
        if clm.get("sector") == MEDIA and not clm.get(STATE_MEDIA) and clm.get("actor") is not None:
            clm = dict(clm, actor=None)   # "..., CNN reported": the outlet claims for no state
        for src, tgt, trule in _sides(s, e, ctx, src, tgt, trule, r, cues[e.cue].lemma):
            rows.append(_row(s, e, cues[e.cue], ctx, src, tgt, clm, fact, i == main,
                             f"{e.act_rule};source:{e.source.rule or 'none'}/{srule or 'none'};"
                             f"target:{e.target.rule or 'none'}/{trule or 'none'}"
                             + "".join(";" + x for x in e.extra)))
    rows = _sourced(_codable(rows), _plain_opening(s, ctx))
    return rows + _event_nominals.sentence_rows(s, ctx, rows)   # acts named by nouns (nominal.*)


def _settle_act(s: cl.Structure, e: Event, cues: list[Cue], src: dict, tgt: dict, r: Rules) -> None:
    """The act of event ``e`` once its row's target is known: a quoted label on no party is a
    statement (``speech.label``), and an uncoded verb between two parties takes the act of its
    WordNet sense (:func:`_wordnet_act`). Changes ``e`` and ``cues`` in place."""
    if e.act_rule.startswith("speech.label") and tgt.get("actor") is None:
        e.act = "statement"
    _wordnet_act(s, e, cues, src, tgt, r)


_PARTICLE_TAGS = frozenset({"RP"})


def _wordnet_act(s: cl.Structure, e: Event, cues: list[Cue], src: dict, tgt: dict, r: Rules) -> None:
    """Rule ``act.wordnet_sense``: a main-clause verb no cue covers (``verb.uncoded``) whose
    source and target name two different parties takes the act of its WordNet sense
    (:func:`toolkit.event_senses.sense_act`, lexicons/event_senses.yaml): "Chad interned
    Sudanese soldiers" is TCD coerce SDN (CAMEO 173), "Lebanon evicted Syrian refugees" LBN
    expel SYR. A verb + particle is looked up as WordNet's phrasal verb ("voted down" is
    vote_down: veto, reject), and without it no act is given; a negated verb gets none. The
    anchor's synset is recorded in the row's rule (``wordnet:detain.v.01``). Without WordNet
    data nothing changes. Changes ``e`` and ``cues`` in place.

    Example:
        >>> # "The Uruguayan team beat Paraguay": beat's first sense reaches no anchor, unclassified
    """
    if e.act != "unclassified" or e.act_rule != "verb.uncoded" or e.negated or src.get("actor") is None \
            or tgt.get("actor") in (None, src["actor"]):
        return   # negated: "Manila would not be intimidated by China" is a stance, no coded act
    h, lemma = e.tok, s.lemma[e.tok]
    particle = h + 1 < len(s.tags) and s.tags[h + 1] in _PARTICLE_TAGS
    anchor = _event_senses.sense_act(f"{lemma}_{s.lower[h + 1]}" if particle else lemma)
    if anchor is None:
        return
    cues[e.cue] = replace(cues[e.cue], cameo=anchor.cameo, quad=_quad_of(anchor.cameo))
    e.act, e.act_rule = act_class(anchor.cameo, lemma, r), "act.wordnet_sense"
    e.extra.append(f"wordnet:{anchor.synset}")


def _owned_source(s: cl.Structure, e: Event, ctx: SentenceContext, r: Rules) -> tuple[dict, str]:
    """The source of event ``e`` and its rule: the actor its phrase names, else the owner the
    phrase gives ("Shells fired from Azerbaijani positions", "Judges at the ICC", "a resolution
    censuring Iran" passed by its body), else the phrase's own reading with no actor.

    Example: in "Judges at the International Criminal Court issued a warrant" the source is
    the court (``actor.member_of_body``), though "Judges" names no actor.
    """
    src, srule = ctx.source(e.source.chunk, s, place_ok=e.source.rule.startswith("agent.implied_state"))
    c = e.source.chunk
    if src.get("actor") is None and c is not None:
        return _relative_agent(s, c, ctx) or _of_quantity_agent(s, c, ctx, r) \
            or _official_in_place(s, c, ctx, r) or _member_of_body(s, c, ctx) \
            or _document_author(s, c, ctx) or _origin_from(s, c, ctx, r) \
            or _reporters_second_act(s, e, ctx) or (src, srule)
    if src.get("actor") is None and c is None:
        return _reporters_second_act(s, e, ctx) or (src, srule)
    return src, srule


def _event_doer_source(s: cl.Structure, e: Event, ctx: SentenceContext, r: Rules, src: dict,
                       srule: str) -> tuple[dict, str]:
    """The source of ``e`` when its subject is an act noun read as that act's doer
    (``actor.event_doer``): kept when ``e`` is an act the noun may name ("the strikes killed four
    civilians" is Russia's attack); otherwise no one (``actor.event_doer_other_act``: in "called
    the expulsion unfounded" the expulsion criticizes no one), or the reporter whose complement
    the noun opens (:func:`_reporters_second_act`: "Algeria said the strikes had hit civilians
    and demanded an inquiry")."""
    if srule == "actor.event_doer" and e.source.chunk is not None \
            and e.act not in r.event_nouns.get(_act_noun(s, e.source.chunk.head, r), ()):
        src, srule = dict(src, actor=None, person=None, sector=None), "actor.event_doer_other_act"
        return _reporters_second_act(s, e, ctx) or (src, srule)
    return src, srule


def _reporters_second_act(s: cl.Structure, e: Event, ctx: SentenceContext) -> tuple[dict, str] | None:
    """Rule ``source.reporters_second_act``: a speech verb after "and" at the end of a report's
    complement ("Guyana said the move violated an ICJ order and urged the Security Council to
    act", "Algeria said the strikes had hit civilians and demanded an inquiry", "X said Petro
    was 'siding with Hamas' and summoned Colombia's ambassador") whose subject, read as the
    complement's, names no party (a thing, "the move", "the strikes", or none at all) is the
    reporter's second act: its source is the reporting verb's subject, when that names an actor.
    A complement subject that names a party keeps the act ("Kyiv said Russian troops had
    shelled the town and demanded ..." stays Russia's: the clause layer's reading). Only for
    verbs of the reporting list (urge, demand, accuse, ...) and "summon"; None otherwise.

    Example:
        >>> # "Guyana said the move violated an order and urged the UN to act": GUY appeal UN
    """
    if e.source.chunk is not None and not e.source.rule.startswith("agent.subject.coordinated"):
        return None
    p = s.predicate_at(e.tok)
    if p is None or p.head != e.tok or p.start != p.head or p.voice != "active" or s.tags[p.head] != "VBD" \
            or p.start < 1 or s.lower[p.start - 1] != "and" \
            or s.lemma[p.head] not in cl.words().reporting and s.lemma[p.head] != "summon":
        return None
    own = s.clauses[p.clause]
    if own.kind != "complement" or own.parent < 0:
        return None
    rep = [g for g in s.predicates if g.head < own.start and s.clause_of[g.head] == own.parent
           and g.voice == "active" and s.lemma[g.head] in cl.words().reporting and s.tags[g.head] == "VBD"]
    if not rep or rep[-1].agent is None:
        return None
    got, rule = ctx.source(rep[-1].agent, s)
    return (got, "source.reporters_second_act") if got.get("actor") is not None else None

def _row_target(s: cl.Structure, e: Event, ctx: SentenceContext, src: dict, r: Rules, rows: list[dict],
                cue: Cue) -> tuple[dict, str]:
    """The target of event ``e`` and its rule: its own phrases' (:func:`_target`), else the one
    the rows before give (:func:`_discourse_target`), else the last target step's
    (:func:`toolkit.event_targets.resolve`)."""
    tgt, trule = _target(s, e, ctx, src, r, cue.lemma)
    if tgt.get("actor") is None:
        tgt, trule = _discourse_target(s, e, ctx, src, r, rows) or (tgt, trule)
    return _event_targets.resolve(s, e, ctx, src, tgt, trule, rows, r, cue) or (tgt, trule)


def _codable(rows: list[dict]) -> list[dict]:
    """The rows a coder records (rule drop.doerless_report removes the others): not a reported
    act (factuality ``alleged``) with no doer phrase and no actor on either side ("Pakistan said
    26 civilians were killed": the killing is Pakistan's claim, kept as its speech row; "said the
    culprits had been arrested"), unless it is the sentence's main event. Dyadic event data code
    who did what to whom and such a row names neither; the escalation table keeps its cue. A doer
    phrase of no known actor stays ("Velmora of staging a provocation": a user's own actors).

    Example:
        >>> row = {"factuality": "alleged", "source_actor": None, "source_text": None,
        ...        "target_actor": None, "main": False}
        >>> _codable([row, dict(row, target_actor="UKR")]) == [dict(row, target_actor="UKR")]
        True
    """
    return [row for row in rows if row.get("main") or row.get("factuality") != "alleged"
            or row.get("source_text") is not None
            or row.get("source_actor") is not None or row.get("target_actor") is not None]


def _with_a_party(rows: list[dict]) -> list[dict]:
    """The document's rows that name a party (rule ``drop.actorless`` removes the others): a
    coded act (not ``statement`` or ``unclassified``) whose source and target name no actor
    and no person, and that has no doer at all - no source phrase ("Several journalists were
    detained", "had not been consulted") or a thing as its subject (:func:`_thing_subject`:
    "The dam threatens the livelihoods of farmers", "the tanker's release") - says nothing about
    who does what to whom, so a dyadic data set leaves it out, as coders do; the escalation
    table keeps its cue. A doer phrase of no known actor stays ("Rights groups criticised the
    deal", "Gunmen killed six villagers", "The Senate urges ...": uncoded groups and a user's
    own actors), and so does a row with one coded end ("Serbia was accused of massing troops":
    the dyad index skips the empty end). Applied after the whole document is read, so a row a
    later sentence completes (an answered request) is kept. The sentence's main event stays, as
    ``drop.doerless_report`` spares it: it carries the sentence's event class ("Terrorism
    threatens the region" is conflict talk), which the class read from the events table needs
    (dropping it cost QuadClass from the events table 0.327/0.300 -> 0.266/0.253, tune/check).

    Example:
        >>> row = {"act": "coerce", "source_actor": None, "source_person": None,
        ...        "source_text": None, "target_actor": None, "main": False}
        >>> _with_a_party([row, dict(row, target_actor="HUN"), dict(row, source_text="Gunmen"),
        ...                dict(row, main=True)]) \\
        ...     == [dict(row, target_actor="HUN"), dict(row, source_text="Gunmen"), dict(row, main=True)]
        True
    """
    return [row for row in rows if row.get("act") in ("statement", "unclassified") or row.get("main")
            or row.get("source_actor") is not None or row.get("target_actor") is not None
            or row.get("source_person") is not None
            or row.get("source_text") is not None and not _thing_subject(str(row["source_text"]))
            or row.get("target_text") is not None and _named(str(row["target_text"]))]


def _plain_opening(s: cl.Structure, ctx: SentenceContext) -> int:
    """The offset of the sentence's first word when its capital says nothing (it opens the
    sentence), -1 when the word is a name all the same: tagged a proper noun and not inflected
    ("Hussein", "UNITA"; not "Rebels" or "Gunmen", whose lemmas differ from the word).

    An opening quotation mark or bracket is passed over: '"Rebels attacked the base, ...," the
    army said' opens with "Rebels" as the sentence without the mark does (review15).

    Example:
        >>> # "Rebels shelled the town" -> 0; "UNITA attacked the base" -> -1
    """
    k = 0
    while k + 1 < len(s.lower) and s.lower[k] in _OPENING_MARKS:
        k += 1
    return -1 if s.tags[k] in ("NNP", "NNPS") and s.lemma[k] == s.lower[k] else int(ctx.tok_start[k])


_OPENING_MARKS = frozenset(('"', "'", "``", "`", "\u201c", "\u2018", "(", "[", "-lrb-", "-lsb-"))


def _sourced(rows: list[dict], opening: int = -1) -> list[dict]:
    """The sentence's rows whose doer is known (rule ``drop.sourceless_side`` removes the
    others): a coded act (not ``statement`` or ``unclassified``) that is not its sentence's main
    event and whose source names no actor, no person and no name ("Gunmen attacked a post,
    killing four officers": the killing; "imposed sanctions on firms accused of smuggling arms":
    the accusation read from "sanctions"; "said the two leaders would sign agreements") is a
    side act by no one a dyadic data set can code: on the tuning sets (adv8-14) 65 of the 73
    rows it removes match no coded event and none a required one.

    Stay: the main event (it carries the sentence's class, as ``drop.actorless`` spares it:
    "Gunmen attacked a police post"); a doer phrase that names its doer (:func:`_doer_named`:
    "the Tupac Katari Front", "said Ardanian forces had ...": a party the gazetteer lacks, or a
    user's own; a first-person speaker), where a word capitalised only because it opens the
    sentence, at offset ``opening``, is no name ("Rebels", but not "UNITA":
    :func:`_plain_opening`), nor is a place the source step read as no agent ("Port Sudan also
    accuses"); and an act of the doer of an uncoded main predicate ("Thousands of farmers
    marched on the capital to protest the deal": the protest). ``dyads`` never counted such
    rows; the escalation table keeps the cue.

    Example:
        >>> row = {"act": "attack", "source_actor": None, "source_person": None,
        ...        "source_text": "Gunmen", "source_start": 0, "target_actor": "MLI", "main": False}
        >>> [r["source_text"] for r in _sourced([row, dict(row, main=True, source_text="Rebels"),
        ...  dict(row, source_text="the Katari Front"), dict(row, act="statement")], 0)]
        ['Rebels', 'the Katari Front', 'Gunmen']
    """
    # "Thousands of farmers marched ... to protest the deal": an uncoded main predicate's doer
    # keeps the coded act it does (the main event's class is that act's)
    bare = {row.get("source_start") for row in rows
            if row.get("main") and row.get("act") == "unclassified"}
    return [row for row in rows if row.get("act") in ("statement", "unclassified")
            or row.get("main") or row.get("source_actor") is not None
            or row.get("source_person") is not None
            or row.get("source_start") is not None and row.get("source_start") in bare
            or _doer_named(row, opening)]


def _doer_named(row: dict, opening: int) -> bool:
    """Whether a row's source phrase names its doer: it holds a name - a capitalised word other
    than the first (:func:`_named`), or a capitalised first word that is no indefinite or
    pronoun and does not open the sentence (at offset ``opening``: "Rebels shelled ..." says
    nothing, "said Ardanian forces had ..." does) - and is no place read as no agent (rule
    ``actor.place_not_agent``); or it is a first-person pronoun or a reported speaker's own
    pronoun (``source.logophoric``), the speaker ("we are working with the states", "The
    commander said he would send troops": a speaker the resolver left open is still someone).

    Example:
        >>> row = {"source_text": "Rebels", "source_start": 0, "rule": "source:x/actor.none;"}
        >>> katari = dict(row, source_text="the Katari Front")
        >>> _doer_named(row, 0), _doer_named(row, -1), _doer_named(katari, 0)
        (False, True, True)
        >>> _doer_named(dict(row, source_text="we"), 0), _doer_named(dict(row, source_text="I"), -1)
        (True, True)
    """
    text = row.get("source_text")
    words = str(text).split() if text is not None else []
    if not words or "/actor.place_not_agent;" in str(row.get("rule")):
        return False
    if ";source:source.logophoric/" in str(row.get("rule")):
        return True   # "The commander said he would send troops": the report's speaker
    first = words[0].lower()
    if len(words) == 1 and first in _speakers.FIRST_PERSON:
        return True
    return any(w[:1].isupper() for w in words[1:]) or words[0][:1].isupper() \
        and row.get("source_start") != opening and first not in _INDEFINITES | _speakers.FIRST_PERSON



def _named(text: str) -> bool:
    """Whether a phrase holds a name (a capitalised word after its first, or is one capitalised
    word): "Gul Rahman", "Yale" - a party the gazetteer lacks - but not "Several journalists".

    Example:
        >>> [_named(x) for x in ("Gul Rahman", "Yale", "Several journalists", "Nothing")]
        [True, True, False, False]
    """
    words = text.split()
    return any(w[:1].isupper() for w in words[1:]) or len(words) == 1 and words[0][:1].isupper() \
        and words[0].lower() not in _INDEFINITES


# Words that open a sentence capitalised but name no one ("Nothing was agreed").
_INDEFINITES = frozenset({"nothing", "everything", "something", "anything", "nobody", "everyone",
                          "everybody", "someone", "somebody", "anyone", "none", "all", "both", "many",
                          "several", "some", "few", "others", "it", "they", "this", "that", "these", "those"})
_THING_DETERMINERS = frozenset({"the", "this", "that", "a", "an", "such", "its", "their"})


def _thing_subject(text: str) -> bool:
    """Whether a source phrase that names no actor is a thing, not a doer: a determiner, then
    lower-case words only, its head singular and no noun of a party (events.yaml
    ``descriptions`` and ``visit: visitors``, staff and collective doers: "the government",
    "the envoy", "the police" stay doers). "The dam", "this canal", "a resolution", "the verdict" are
    things; "Rights groups", "Gunmen", "The Senate", "the Catalan government" are not.

    Example:
        >>> [_thing_subject(x) for x in ("The dam", "Rights groups", "the ministry", "The Senate")]
        [True, False, False, False]
    """
    words = text.replace("-", " ").split()
    r = rules()
    if len(words) < 2 or words[0].lower() not in _THING_DETERMINERS \
            or any(not w.islower() for w in words[1:]):
        return False
    head = words[-1]
    return not head.endswith("s") and head not in r.descriptions and head not in r.visitors \
        and head not in _MEMBER_HEADS and head not in _DOER_NOUNS


def _predicate_events(s: cl.Structure, cues: list[Cue], events: list[Event], ctx: SentenceContext,
                      r: Rules) -> list[Cue]:
    """Add to ``events`` the acts of predicates no escalation cue covers - visits
    (:func:`_visits`, rule verb.visit) and verbs of exchange with an act noun (:func:`_traded`,
    rule verb.traded) - and return the cue list with a cue for each."""
    for p, place in _visits(s, r, {e.tok for e in events}, ctx.names_person):
        cues = [*cues, Cue(-1, p.head, p.head + 1, s.lemma[p.head], "042", "verbal_cooperation", s.lemma[p.head])]
        events.append(Event(len(cues) - 1, p.head, Arg(p.agent, p.agent_rule), Arg(place, "target.visited_place"),
                            "visit", "verb.visit", p.clause, p.negated, p.modality))
    for p, code, other in _traded(s, r, {e.tok for e in events}):
        cues = [*cues, Cue(-1, p.head, p.head + 1, s.lemma[p.head], code, _quad_of(code), s.lemma[p.head])]
        events.append(Event(len(cues) - 1, p.head, Arg(p.agent, p.agent_rule), other,
                            act_class(code, "", r), "verb.traded", p.clause, p.negated, p.modality))
    return cues


def _discourse_target(s: cl.Structure, e: Event, ctx: SentenceContext, src: dict, r: Rules,
                      rows: list[dict]) -> tuple[dict, str] | None:
    """The target the rows before give an event whose own phrases name none: the accuser of a
    denial (:func:`_denial_accuser`), else the doer of the act a reaction's object names
    (:func:`_reacted_prior`)."""
    got = _prior_object_pronoun(s, e, ctx, src, rows)
    if got is None and e.act in r.denial_acts:
        got = _denial_accuser(s, e, ctx, src, r, rows)
    if got is None and e.act in r.reacted_acts:
        got = _reacted_prior(s, e, ctx, src, r, rows)
    return got


_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})


def _prior_object_pronoun(s: cl.Structure, e: Event, ctx: SentenceContext, src: dict,
                          rows: list[dict]) -> tuple[dict, str] | None:
    """Rule ``target.pronoun_prior_object``: an object pronoun that names no one ("him", "her",
    "them": no person the speakers' search knows) of a later act by the same party is the one
    that party's earlier act of this sentence was aimed at: "Chad expelled Sudan's military
    attache, accusing him of spying" accuses Sudan's attache (SDN), as "Poland arrested a
    Russian national and charged him" charges a Russian. The earlier row must have another
    party as its target, named by a phrase (no pronoun) before the pronoun. None otherwise.

    Example:
        >>> # "Chad expelled Sudan's military attache, accusing him of spying": TCD accuse SDN
    """
    tc, me = e.target.chunk, src.get("actor")
    if tc is None or me is None or tc.end - tc.start != 1 or s.lower[tc.start] not in _OBJECT_PRONOUNS \
            or not e.target.rule.startswith("patient.object"):
        return None
    a, b = int(ctx.tok_start[tc.start]), int(ctx.tok_end[tc.start])
    for row in rows[::-1]:   # latest first
        if row.get("source_actor") != me or row.get("target_actor") in (None, me) \
                or row.get("target_end") is None or int(row["target_end"]) > a \
                or str(row.get("target_text") or "").lower() in _PRONOUNS:
            continue
        return {"actor": row["target_actor"], "person": None, "sector": None,
                "text": ctx.text[a:b], "start": a, "end": b}, "target.pronoun_prior_object"
    return None


def _denied_claim(s: cl.Structure, e: Event, r: Rules) -> cl.Chunk | None:
    """The claim noun phrase a denial answers: its object ("rejected the claim"), or the noun
    phrase a relative denial follows ("..., a charge Minsk denied"); None otherwise."""
    tc = e.target.chunk
    if tc is not None:
        return tc if e.target.rule.startswith("patient.") and s.lemma[tc.head] in r.claim_nouns \
            and not any(s.tags[k] in ("NNP", "NNPS", "PRP$", "POS") for k in range(tc.start, tc.head)) \
            and not (tc.end < len(s.lower) and s.lower[tc.end] in ("of", "'s", "’s")) else None
    sc = e.source.chunk
    if sc is None or sc.start < 2 or e.tok != sc.end and not (e.tok == sc.end + 1 and s.tags[sc.end].startswith("RB")) \
            or s.lower[sc.start - 1] not in (",", "--", "-", "—"):
        return None
    # the chunker joins "a charge Minsk" into one phrase: the claim noun is before its head
    k = sc.start + 1 if s.tags[sc.start] == "DT" else sc.start
    return cl.Chunk(sc.start, k + 1, k, "np.denied_claim") if k < sc.head and s.lemma[k] in r.claim_nouns else None


def _denial_accuser(s: cl.Structure, e: Event, ctx: SentenceContext, src: dict, r: Rules,
                    rows: list[dict]) -> tuple[dict, str] | None:
    """Rule ``target.denial_accuser``: a denial of a claim that names no one ("Moscow dismissed
    the allegation", "..., a charge Minsk denied") is aimed at the accuser: the latest earlier
    row of this sentence, then of the ``description_lookup: sentences`` before, that blames the
    denier - a blaming speech act (events.yaml ``denial_accuser_acts``) aimed at it, whose source
    accuses, or an alleged act of the denier, whose claimant does; a "by"/"from" phrase after the
    claim names the accuser itself ("rejected a report by Amnesty International"). None when no
    such row.

    Example:
        >>> # "Norway said Russian trawlers had cut a cable. Moscow dismissed the allegation.": NOR
    """
    me = src.get("actor")
    c = _denied_claim(s, e, r) if me is not None else None
    if c is None:
        return None
    k = _past_claim_relative(s, c.end)
    by = s.chunk_at(k + 1) if k + 1 < len(s.lower) and s.lower[k] in ("by", "from") else None
    if by is not None:   # "rejected a report by Amnesty International": the phrase names the accuser
        got, _ = ctx.actor(by, s, target=True)
        return (got, "target.denial_accuser_by") if got.get("actor") not in (None, me) else None
    who = _event_targets.prior_accuser(ctx, rows, r, me)
    if who is None:
        return None
    a, b = int(ctx.tok_start[c.start]), int(ctx.tok_end[c.end - 1])
    return {"actor": who, "person": None, "sector": None, "text": ctx.text[a:b], "start": a, "end": b}, \
        "target.denial_accuser"


def _past_claim_relative(s: cl.Structure, k: int) -> int:
    """The token after the reduced relative that follows a claim noun at ``k`` (part of rule
    ``target.denial_accuser_by``): a past participle and its "against" phrase ("the accusations
    made against it by Bahrain", "the charges levelled against Caracas by Guyana", "claims
    brought by the opposition"), so that the "by" phrase after it names the accuser; ``k`` when
    no participle opens there.

    Example:
        >>> # "rejected the claims made against it by Nepal": the token "by"
    """
    if k >= len(s.lower) or s.tags[k] != "VBN":
        return k
    j = k + 1
    if j < len(s.lower) and s.lower[j] == "against":
        c = s.chunk_at(j + 1)
        j = c.end if c is not None and c.start == j + 1 else j
    return j if j < len(s.lower) and s.lower[j] in ("by", "from") else k


def _act_object(s: cl.Structure, e: Event, r: Rules, *, ing: bool = False) -> cl.Chunk | None:
    """The object of ``e`` when it is a definite noun phrase naming an act and no one ("the
    verdict", "this move", "the expulsion of the envoy"): a common-noun head of events.yaml
    ``reacted_prior: nouns``, ``claim_nouns``, ``event_nouns`` or ``act_objects``, or of a
    deverbal ending (``suffixes``; with ``ing`` an "-ing" noun, "the boarding"), that is no
    description of a party ("the ministry")."""
    tc = e.target.chunk
    if tc is None or not e.target.rule.startswith(("patient.object", "target.evaluated_object")) \
            or s.lower[tc.start] not in _EVENT_DETERMINERS or s.tags[tc.head] not in ("NN", "NNS") \
            or any(s.tags[k] in ("NNP", "NNPS", "PRP$", "POS") for k in range(tc.start, tc.end)) \
            or (tc.end < len(s.lower) and s.lower[tc.end] in ("by", "'s", "’s")):
        return None
    head = s.lemma[tc.head]
    if head in r.descriptions or head in r.pair_nouns:
        return None
    known = head in r.reacted_objects or head in r.claim_nouns or head in r.event_nouns or head in r.act_objects
    return tc if known or s.lower[tc.head].endswith(r.reacted_suffixes) \
        or ing and len(s.lower[tc.head]) > 5 and s.lower[tc.head].endswith("ing") else None


def _reacted_prior(s: cl.Structure, e: Event, ctx: SentenceContext, src: dict, r: Rules,
                   rows: list[dict]) -> tuple[dict, str] | None:
    """Rule ``target.reacted_prior``: a reaction (events.yaml ``reacted_prior: acts``) to an
    act its object names and no one ("Britain welcomed the release", "Georgia dismissed the
    criticism", "Tokyo called the move regrettable": :func:`_act_object`) is aimed at the one
    who did that act in the rows before (this sentence, then ``description_lookup: sentences``
    back), other than rows of this same cue (co-ordinated reactors): the latest row of another
    party aimed at the source, else the latest coded act of
    another party that a verb gives as done (a noun alone, "the war against Japanese aggression",
    is background more often than the act reacted to; "Germany said it was ready to talk" is no
    decision for Poland to criticize, though an act the source itself reported is: "Norway said
    Russia had jammed GPS signals. It called the interference unacceptable"). An act two parties
    did together ("Israel and Hamas agreed to a truce. Egypt welcomed the deal") gives a row
    toward each. A reaction is never what a later reaction answers in that fallback ("Israel
    and Hamas agreed to a truce. Jordan welcomed the deal. Turkey criticized the deal" is no
    criticism of Jordan), unless the object names a claim or criticism that a blaming row made
    ("The EU condemned the vote, and Georgia rejected the criticism"). None when there is none.

    Example:
        >>> # "Chad expelled the French ambassador. Paris called the move regrettable.": TCD
    """
    me = src.get("actor")
    c = _act_object(s, e, r) if me is not None else None
    echo = False
    if c is None and me is not None:
        c = _act_object(s, e, r, ing=True)
        echo = c is not None
    if c is None:
        return None
    before = [row for sent, row in ctx.previous if sent >= ctx.sent_id - r.description_sentences]
    own = int(ctx.tok_start[e.tok])   # "Germany and France condemned the attack": not each other
    cands = [row for row in rows[::-1] if row.get("cue_start") != own] + before[::-1]   # latest first
    if echo:   # rule target.reacted_echo: "condemned the boarding" answers the act of boarding
        # (in the act's cue or its row's words: "had boarded and inspected a boat")
        cands = [row for row in cands if _echoes(str(row.get("cue_text") or ""), s.lower[c.head], s.lemma[c.head])
                 or _echoes(str(row.get("text") or ""), s.lower[c.head], s.lemma[c.head], compounds=False)]
    # a reaction answers no earlier reaction, but "rejected the criticism" answers a critic
    blame = r.denial_accuser_acts if s.lemma[c.head] in r.claim_nouns or s.lemma[c.head] in r.reacted_blame \
        else frozenset()
    hit = next((row for row in cands if row.get("target_actor") == me
                and row.get("source_actor") not in (None, me)), None) \
        or next((row for row in cands if row.get("source_actor") not in (None, me)
                 and row.get("act") not in ("statement", "unclassified")
                 and (row.get("act") not in r.reacted_acts or row.get("act") in blame)
                 and (row.get("factuality") == "asserted" or row.get("claimant_actor") == me)
                 and not str(row.get("rule") or "").startswith("noun.")), None)
    if hit is None:
        return None
    a, b = int(ctx.tok_start[c.start]), int(ctx.tok_end[c.end - 1])
    got = {"actor": hit["source_actor"], "person": hit.get("source_person"), "sector": hit.get("source_sector"),
           "text": ctx.text[a:b], "start": a, "end": b}
    if hit.get("act") in r.reciprocal_acts and hit.get("target_actor") not in (None, me, hit["source_actor"]):
        got["pair"] = dict(got, actor=hit["target_actor"], person=None, sector=None)   # "welcomed the deal": both
    return got, "target.reacted_echo" if echo else "target.reacted_prior"


def _quote_claim(s: cl.Structure, e: Event, cue: Cue, ctx: SentenceContext, src: dict,
                 srule: str) -> tuple[dict, str, dict, dict | None]:
    """Who claims event ``e``: its claimant, else, inside a quotation, the quote's speaker, who
    is also the doer of an act that names none (``actor.quote_speaker``); returns the source,
    its rule, the claimant and the speaker (``None`` outside a quotation).

    Example:
        >>> # '"We will strike back," the Iranian minister said': IRN claims, and does, the strike
    """
    clm, _ = ctx.source(e.claimant, s)   # who claims is an agent too
    speaker = ctx.quote_speaker(cue, s) if e.claimant is None else None
    if speaker is not None:  # inside a quotation: its speaker claims it, or does it
        # ... but not the doer of an agentless passive ("decisions have been made", he said)
        doer = e.source.chunk is None and not e.source.rule.startswith("agent.passive_none")
        if src.get("actor") is None and (doer or e.source.chunk is not None and s.lower[e.source.chunk.start] in _PRONOUNS):
            src, srule = dict(speaker, text=None, start=None, end=None), "actor.quote_speaker"
        clm = speaker
        e.extra.append("claim.quote")
    return src, srule, clm, speaker


def _speaker_span_actors(e: Event, ctx: SentenceContext, src: dict, srule: str,
                         clm: dict) -> tuple[dict, str, dict]:
    """Rule ``actor.quote_speaker_span``: a source or claimant phrase that is a quote's speaker
    phrase and that the events' own reading leaves without an actor takes the speaker actor the
    quotes step resolved ("Armenian troops shelled a village, the defence ministry in Baku
    said": the shelling is alleged by AZE, and the saying is AZE's); not the source of an uncoded
    predicate. A statement then aimed at its own speaker loses its target (``target.own_side``:
    "Japan lodged a protest, the defence ministry said").

    Example:
        >>> # "..., the defence ministry in Baku said": claimant AZE (before: none)
    """
    if (src.get("actor") is None or _they(ctx, e.source.chunk)) and e.source.chunk is not None \
            and e.act != "unclassified":
        # (an uncoded predicate is often no speech at all: "the response has shown", "people ask why
        # this has happened" - the quotes step reads a speaker there, the act is no one's)
        got = ctx.speaker_at(e.source.chunk)
        if got is not None:
            src, srule = dict(src, **got), "actor.quote_speaker_span"
    if (clm.get("actor") is None or _they(ctx, e.claimant)) and e.claimant is not None:
        got = ctx.speaker_at(e.claimant, claimant=True)
        if got is not None:
            clm = dict(clm, **got)
    return src, srule, clm


def _they(ctx: SentenceContext, c: cl.Chunk | None) -> bool:
    """Whether chunk ``c`` is the one word "they": as a reporter, the speakers step's reading
    (rule ``pronoun_group``: the group that spoke before, "Philippine officials said. They said
    ...") outranks the nearest actor of the events' own (``actor.quote_speaker_span``)."""
    if c is None or c.end - c.start != 1:
        return False
    return ctx.text[int(ctx.tok_start[c.start]):int(ctx.tok_end[c.start])].lower() == "they"


_REFUSABLE = frozenset({"cooperate", "aid", "consult", "yield", "agree", "offer"})


def _own_refusal(s: cl.Structure, e: Event, src: dict, clm: dict, fact: str) -> str:
    """Rule ``act.own_refusal``: a party that says it will not do a cooperative act refuses it
    (CAMEO 12 reject: "Serbia's president said Belgrade would never recognise Kosovo" is Serbia
    rejecting Kosovo, not a negated cooperation). Only its own reported "would/will (not|never)"
    act, whose claimant is its source; the row becomes an asserted ``reject`` and its factuality
    is returned. Others' negated acts ("Kyiv said Berlin had not sent the tanks") stay negated.

    Example:
        >>> # "Hungary said it would not send weapons to Ukraine": HUN reject UKR, asserted
    """
    if fact != "negated" or e.act not in _REFUSABLE or src.get("actor") is None \
            or src["actor"] != clm.get("actor") or "claim.accused_of" in e.extra:
        return fact
    p = s.predicate_at(e.tok)
    if p is None or not any(s.tags[k] == "MD" and s.lower[k] in ("would", "will", "wo") for k in range(p.start, p.head)):
        return fact
    e.act = "reject"
    e.extra.append("act.own_refusal")
    return "asserted"


_PLACE_TARGETS = ("_in", "_at", "_near", "_inside", "_within", "_across", "_throughout")


def _sides(s: cl.Structure, e: Event, ctx: SentenceContext, src: dict, tgt: dict, trule: str,
           r: Rules, lemma: str = "") -> list[tuple[dict, dict, str]]:
    """The (source, target, target rule) of each row event ``e`` gives, after the rules that
    read the discourse around its sentence:

    - ``actor.coref_reacted``: a description target of a verbal or diplomatic reaction
      (events.yaml ``reaction_targets: prefer``) is the previous sentence's subject ("Russia
      invaded Ukraine. The UN condemned the country": Russia, not the other party named), and
      that of force (``unique``) only when the subject is the one party named ("Hamas fired
      rockets at Israel. Israel bombed the group's tunnels").
    - ``target.retaliation``: a threat of response with no target ("Hamas said it would
      retaliate", ``warn.threat_cues``) is aimed at whoever acted on the source in the
      sentences before ("Israel struck Hamas positions."): the latest earlier row aimed at it.
    - ``target.own_place``: a place phrase that names the source's own state is where it
      meets, not whom ("The United Kingdom held talks in London" is no meeting of Britain with
      itself). Other acts keep it: "extend the curfew in Bangkok" is a domestic act, coded
      Thailand on Thailand.
    - ``actor.coref_pair`` / ``actor.coref_plural``: a pair ("both sides", "they" after "X and
      Y") gives one row for each member, and "each other" is the other member; a member the
      row's target names gets none ("They accused Poland" after "Ukraine and Poland ...").
      ``target.reciprocal_pair``: an act parties do to each other (events.yaml
      ``reciprocal_acts``) with no target of its own is aimed at the other member ("The two
      sides agreed to open a checkpoint"), as for parties joined by "and".

    Example:
        >>> # "Israel and Hamas agreed to a truce. Both sides accused each other.": ISR->HAMAS, HAMAS->ISR
    """
    tc = e.target.chunk
    if e.act_rule == "verb.visit" and (tgt.get("actor") is None or tgt["actor"] == src.get("actor")):
        return []   # a trip at home, or to no host named, is no visit (CAMEO 042: another's territory)
    mode = "reaction" if e.act in r.reaction_acts else "reaction_unique" if e.act in r.reaction_unique else ""
    if mode and tc is not None and (tgt.get("actor") is None and trule == "actor.none"
                                    or trule == "actor.coref_description"):
        got, _ = ctx.actor(tc, s, not_actor=src.get("actor"), exclude=src.get("person") or src.get("actor"),
                           target=mode)
        if got.get("actor") is not None and got["actor"] != tgt.get("actor"):
            tgt, trule = got, "actor.coref_reacted"
    if e.act == "threaten" and tgt.get("actor") is None and src.get("actor") is not None \
            and (lemma in r.threat_cues or e.committed in r.threat_cues
                 or e.act_rule in ("warn.self_response", "warn.own_side")):   # "warned it would retaliate"
        hit = _acted_on(ctx, src["actor"], r)
        if hit is not None:
            tgt, trule = hit, "target.retaliation"
    if e.act == "consult" and tgt.get("actor") is not None and tgt["actor"] == src.get("actor") \
            and e.target.rule.endswith(_PLACE_TARGETS) and trule == "actor.mention":
        tgt, trule = dict(_NO_TARGET), "target.own_place"
    each = tc is not None and tuple(s.lower[tc.start:tc.end]) in r.reciprocal_phrases
    if src.get("pair") is not None and e.act == "unclassified":
        src = {k: v for k, v in src.items() if k != "pair"}   # an uncoded verb: no act to count twice
    if src.get("pair") is not None:
        a, b = dict(src), dict(src["pair"])
        a.pop("pair"), b.pop("pair", None)
        if not each and tgt.get("actor") in (a.get("actor"), b.get("actor")) and trule != "actor.mention":
            tgt, trule = dict(_NO_TARGET), "target.same_as_source"   # "agreed to reopen their embassies"
        if each:
            return [(a, dict(tgt, **_side(b)), "actor.coref_pair"), (b, dict(tgt, **_side(a)), "actor.coref_pair")]
        if tgt.get("actor") is None and e.act in r.reciprocal_acts and None not in (a.get("actor"), b.get("actor")):
            # "The two sides agreed to open a checkpoint": an act parties do to each other
            return [(a, dict(tgt, **_side(b)), "target.reciprocal_pair"), (b, dict(tgt, **_side(a)), "target.reciprocal_pair")]
        # "Ukraine and Poland signed a deal. They accused Poland ...": not Poland's own act on itself
        return [(x, tgt, trule) for x in (a, b) if tgt.get("actor") is None or x.get("actor") != tgt["actor"]]
    if tgt.get("pair") is not None and tgt["pair"].get("actor") != src.get("actor"):
        a, b = dict(tgt), dict(tgt["pair"])
        a.pop("pair")
        return [(src, a, trule), (src, b, trule)]
    return [(src, tgt, trule)]


def _acted_on(ctx: SentenceContext, actor: str, r: Rules) -> dict | None:
    """The source (actor fields, no phrase here) of the latest row of the sentences before
    that is aimed at ``actor`` by another actor and is a hostile act one retaliates against
    (events.yaml ``retaliation_targets``: "Poland expelled three Russian diplomats": Poland,
    for Russia; "China sent weapons to Russia" is no act Russia would retaliate against); an
    alleged act counts when ``actor`` itself reports it ("France said Algiers had expelled 12
    French staff ... warned that Paris would respond in kind")."""
    for i in range(len(ctx.previous) - 1, -1, -1):
        sent, row = ctx.previous[i]
        if sent < ctx.sent_id - r.description_sentences:
            break
        if row.get("target_actor") == actor and row.get("source_actor") not in (None, actor) \
                and row.get("act") in r.retaliation_acts \
                and (row.get("factuality") != "alleged" or row.get("claimant_actor") == actor):
            return {"actor": row["source_actor"], "person": row.get("source_person"),
                    "sector": row.get("source_sector"), "text": None, "start": None, "end": None}
    return None


def _side(f: dict) -> dict:
    """The actor fields of ``f`` (not its phrase): who "each other" is."""
    return {"actor": f.get("actor"), "person": f.get("person"), "sector": f.get("sector")}


MEDIA = "MED"  # the actors lexicon's sector of news outlets (CAMEO's MED)
_NO_TARGET = {"actor": None, "person": None, "sector": None, "text": None, "start": None, "end": None}


def _target(s: cl.Structure, e: Event, ctx: SentenceContext, src: dict, r: Rules, lemma: str) -> tuple[dict, str]:
    """The target fields of an event and the rule that gave them (after its source ``src``).

    Rules besides :meth:`SentenceContext.actor`'s: ``target.own_means`` ("withdraw its troops":
    the source's own troops, not someone acted on), ``target.same_as_source`` (one phrase cannot
    be both sides), ``target.media_channel`` (a news outlet a statement is made to is its
    channel, not its target: "told Reuters", "said in an interview with CNN", as in
    :func:`_media_channel`; "criticized the BBC" keeps its target).
    """
    tc = e.target.chunk
    shared = _shared_with(s, tc, ctx, src)
    if shared is not None:
        return shared
    if tc is not None and s.lower[tc.start] in _POSSESSIVES and s.lemma[tc.head] in r.act_objects:
        return dict(_NO_TARGET), "target.own_means"
    tgt, trule = ctx.actor(tc, s, not_actor=src.get("actor"), exclude=src.get("person") or src.get("actor"),
                           target=True)
    if tgt.get("start") is not None and src.get("start") is not None and \
            tgt["start"] < src["end"] and src["start"] < tgt["end"]:
        return {}, "target.same_as_source"
    if e.target.rule == "target.passive_modifier_agent" and tgt.get("actor") is not None \
            and tgt["actor"] == src.get("actor"):
        # "Moldova rejected the demands made by Transnistria's leaders": the by-agent of what the
        # object names resolves to the source's own state (a region of it); an act aimed at itself
        # is no dyad, so no target rather than a row from Moldova to Moldova
        return dict(_NO_TARGET), "target.own_agent"
    if tgt.get("sector") == MEDIA and _to_outlet(e, lemma):
        return dict(_NO_TARGET), "target.media_channel"
    if lemma in r.status_verbs and tgt.get("contested") or e.act != "aid" and _to_destination(e.target.rule, lemma, r):
        # "recognised Abkhazia" (target.status_region): no act toward Georgia; "deported refugees
        # to Myanmar" (target.destination): where they went, not whom the act was aimed at
        return dict(_NO_TARGET), ("target.status_region" if lemma in r.status_verbs else "target.destination")
    if tgt.get("place") and tgt.get("actor") is not None and tgt["actor"] == src.get("actor") and tc is not None \
            and (tgt.get("contested") or e.target.rule.endswith(_MOTION_PREPS)) and ctx.place_at(tc.head):
        # "Ukrainian forces shelled Horlivka" (occupied), "Azerbaijani forces shelled Stepanakert"
        # (breakaway), "Iran let inspectors into Natanz": a place the gazetteer gives to the
        # source's own state, where that state is disputed or the source only goes there, names
        # no party acted on; a domestic act elsewhere keeps its place ("curfew in Bangkok")
        return dict(tgt, actor=None, person=None, sector=None), "target.own_place"
    return tgt, trule


_MOTION_PREPS = ("_into", "_near", "_toward", "_towards")


def _to_destination(rule: str, lemma: str, r: Rules) -> bool:
    """Whether a target found by rule ``rule`` is the place verb ``lemma`` moves people or goods
    to (events.yaml ``destination_verbs``), not the party acted on. The caller keeps an aid
    act's recipient ("will deploy 400 police officers to Haiti": Haiti is helped).

    Example:
        >>> # "deported refugees to Myanmar": ("target.prep_over_object_to", "deport") -> True
    """
    return any(rule.endswith("_" + p) or f"_{p}_" in rule for p in r.destination_verbs.get(lemma, ()))


_SHARED_PLACES = frozenset({"border", "frontier", "boundary"})


def _shared_with(s: cl.Structure, tc: cl.Chunk | None, ctx: SentenceContext, src: dict) -> tuple[dict, str] | None:
    """``target.border_with``: a border named as shared with a party ("massed troops on its border
    with Kosovo", "sent troops to the border with Serbia") aims the act at that party, someone
    other than the source; None when the phrase names no such party.

    Example:
        >>> # "Serbia massed troops on its border with Kosovo" -> XKX
    """
    if tc is None or s.lemma[tc.head] not in _SHARED_PLACES or tc.end + 1 >= len(s.lower) or s.lower[tc.end] != "with":
        return None
    c = s.chunk_at(tc.end + 1)
    if c is None or c.start != tc.end + 1:
        return None
    got, rule = ctx.actor(c, s, not_actor=src.get("actor"), target=True)
    return (got, "target.border_with") if got.get("actor") not in (None, src.get("actor")) else None


def _to_outlet(e: Event, lemma: str) -> bool:
    """Is the event's target the one a statement is made to ("told Reuters", "in an interview
    with CNN", "spoke to the BBC"), not one it is about?"""
    to = e.target.rule.endswith(("_to", "_with"))
    if e.act == "statement":
        return to or e.target.rule == "patient.object"
    return e.act == "unclassified" and to and lemma in rules().interview_verbs



def _media_channel(e: Event, src: dict, clm: dict, said: str | None, fact: str, *,
                   reports: bool = False) -> tuple[dict, str]:
    """``claim.media_channel``: a news outlet is the channel of the news, not a party to it
    ("Russian troops attacked Ukrainian positions, CNN reported" is Russia's attack, asserted;
    "the BBC said" is no British statement), so an act it reports is asserted and its plain
    report of an act in the sentence (``reports``) names no actor. Its own speech acts ("state
    media accused Kyiv") keep their actor, and what it accuses others of stays alleged
    (``said``: the act of the reporting event)."""
    if clm.get(STATE_MEDIA) or src.get(STATE_MEDIA):
        # Rule claim.state_media: a state's own outlet is its state's voice (KCNA for North
        # Korea): its reports are the state's statements and what it reports of others the
        # state's claims, so nothing is blanked or upgraded.
        e.extra.append("claim.state_media" if clm.get(STATE_MEDIA) else "source.state_media")
        return src, fact
    if fact == "alleged" and clm.get("sector") == MEDIA and said in (None, "statement") \
            and "claim.quote" not in e.extra and "claim.accused_of" not in e.extra:
        fact = "asserted"
        e.extra.append("claim.media_channel")
    if reports and src.get("sector") == MEDIA and e.act == "statement" and src.get("actor") is not None:
        src = dict(src, actor=None)
        e.extra.append("source.media_channel")
    return src, fact


_CODE_QUAD = {"080": "material_cooperation", "111": "verbal_conflict", "120": "verbal_conflict", "130": "verbal_conflict", "100": "verbal_conflict", "112": "verbal_conflict",
              "020": "verbal_cooperation", "010": "statement", "030": "verbal_cooperation", "051": "verbal_cooperation"}


_EVALUATION_CODES = {"criticize": "111", "accuse": "112", "praise": "051"}
_NO_CLAIMANT = {"claimant_actor": None, "claimant_text": None, "claimant_start": None, "claimant_end": None}


def _row(s, e: Event, cue: Cue, ctx: SentenceContext, src, tgt, clm, fact, main, rule) -> dict:
    ca, cb = int(ctx.tok_start[cue.tok]), int(ctx.tok_end[max(cue.tok, cue.tok_end - 1)])
    a = min([ca] + [d["start"] for d in (src, tgt) if d.get("start") is not None])
    b = max([cb] + [d["end"] for d in (src, tgt) if d.get("end") is not None])
    cond = (int(ctx.tok_start[e.condition[0]]), int(ctx.tok_end[e.condition[1] - 1])) if e.condition else None
    code = {"threaten": "130", "appeal": "020", "demand": "100", "accuse": "112", "reject": "120",
            "statement": "010", "yield": "080", "warn": "130", "offer": "030", "criticize": "111",
            "praise": "051", "reassure": "030"}.get(e.act) \
        if e.act_rule.startswith(("warn.", "claim.", "noun.opposed", "noun.asked", "verb.yield_to",
                                  "speech.conditional_", "speech.label", "speech.announced_")) \
        or "act.own_refusal" in e.extra else None
    if e.act_rule == "verb.naming" and e.act in _EVALUATION_CODES and act_class(cue.cameo, cue.lemma) != e.act:
        code = _EVALUATION_CODES[e.act]   # "called the vote a threat": the namer criticizes (CAMEO 111)
    cameo = code or cue.cameo or None
    return {"doc_id": ctx.doc_id, "start": a, "end": b, "text": ctx.text[a:b],
            "source_actor": src.get("actor"), "source_person": src.get("person"),
            "source_sector": src.get("sector"), "source_text": src.get("text"),
            "source_start": src.get("start"), "source_end": src.get("end"),
            "act": e.act, "cameo": cameo, "root": cameo[:2] if cameo else None,
            "quad_class": _CODE_QUAD.get(code, cue.quad or None),  # type: ignore[arg-type]
            "target_actor": tgt.get("actor"), "target_text": tgt.get("text"),
            "target_start": tgt.get("start"), "target_end": tgt.get("end"), "factuality": fact,
            # who reports it: an actor code, and the phrase in the sentence where there is one
            # (a quotation's speaker named elsewhere has no phrase here)
            **({f"claimant_{k}": clm.get(k) for k in ("actor", "text", "start", "end")}
               if e.claimant is not None or "claim.quote" in e.extra else _NO_CLAIMANT),
            "condition": ctx.text[cond[0]:cond[1]] if cond else None,
            "condition_start": cond[0] if cond else None, "condition_end": cond[1] if cond else None,
            # cue: the lexicon entry ("threaten ... sanction"); cue_text: the words it matched
            "cue": cue.entry, "cue_text": ctx.text[ca:cb], "cue_start": ca, "cue_end": cb, "main": main, "rule": rule}


_SUBJECT_END = frozenset({"NNP", "NNPS", "NN", "NNS", "PRP"})
_OBJECT_START = frozenset({"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "CD", "PRP$", "IN", "TO"})


def cue_verb_tags(words: Sequence[str], tags: list[str], cues: list[Cue]) -> list[str]:
    """Retag a verb cue the tagger read as a noun or adjective in a headline-style clause.

    The perceptron tagger often reads the verb of a short sentence with no other verb as part of
    the subject's noun phrase ("Japan lifts sanctions", "the UNSC imposed sanctions", "China and
    Russia call on US to ..."). A cue whose entry is a verb frame ("lift ... sanction", "call on")
    and whose first word is tagged JJ/NN/NNS/NNP right after a noun, with an object or phrase
    after it and no finite verb before it, is retagged as a finite verb (VBZ, VBD or VBP by its
    ending). Single-word cues are left alone: the noun reading is usually right ("the attack").

    Example:
        >>> c = Cue(0, 1, 3, "lift", "085", "material_cooperation", "lift ... sanction")
        >>> cue_verb_tags(["Japan", "lifts", "sanctions"], ["NNP", "JJ", "NNS"], [c])
        ['NNP', 'VBZ', 'NNS']
    """
    out = tags
    headline = cl.FINITE.isdisjoint(tags)
    for c in cues:
        k, parts = c.tok, c.entry.split()
        if len(parts) < 2 and headline and 0 < k < len(tags) - 1:
            out = _headline_verb(words, tags, out, k, c.lemma)
            continue
        if len(parts) < 2 or parts[0] != c.lemma or not (0 < k < len(tags) - 1):
            continue
        if tags[k] not in ("JJ", "NN", "NNS", "NNP") or tags[k - 1] not in _SUBJECT_END \
                or tags[k + 1] not in _OBJECT_START or any(t in cl.FINITE for t in tags[:k]):
            continue
        if parts[1] != "..." and words[k + 1].lower() != parts[1]:
            continue  # a phrasal cue ("call on") must be the phrase itself
        w = words[k].lower()
        out = list(out) if out is tags else out
        out[k] = "VBD" if w.endswith("ed") else "VBZ" if w.endswith("s") and not w.endswith("ss") else "VBP"
    return out


def _headline_verb(words: Sequence[str], tags: list[str], out: list[str], k: int, lemma: str) -> list[str]:
    """Rules ``tag.headline_verb`` and ``tag.headline_infinitive`` of :func:`cue_verb_tags`, for a
    sentence with no finite verb (a headline: "Mali junta expels UN envoy", "Egypt to refuse aid
    from Qatar"). A one-word cue tagged as a plural noun or name, inflected with -s ("expels" of
    "expel"), after a noun and before an object or a phrase (not "of": "Russian strikes of ...")
    is the finite verb; a cue tagged as a noun in its base form right after a headline's "to",
    before an object, is the infinitive ("to refuse aid"). Words "of" or "'s" after the cue
    keep the noun."""
    w, nxt = words[k].lower(), words[k + 1].lower()
    if nxt in ("of", "'s", "’s") or tags[k + 1] not in _OBJECT_START:
        return out
    if tags[k] in ("NNS", "NNP", "NN") and tags[k - 1] in _SUBJECT_END and w.endswith("s") \
            and not w.endswith("ss") and w != lemma and w[:-1].startswith(lemma[:3]):
        out = list(out) if out is tags else out
        out[k] = "VBZ"
    elif tags[k] == "NN" and tags[k - 1] == "TO" and w == lemma and tags[k + 1] != "IN" and tags[k + 1] != "TO":
        out = list(out) if out is tags else out
        out[k] = "VB"
    return out


def _open_request(row: dict) -> bool:
    """A request ("pressing for permission to ...") whose addressee the sentence does not name as
    an object: its target, if any, came from a phrase of the requested act."""
    return row["act"] in ("appeal", "demand") and row["factuality"] == "asserted" and \
        row["source_actor"] is not None and (row["target_actor"] is None or ";target:patient." not in row["rule"])


def _answered_request(s: cl.Structure, ctx: SentenceContext, requests: list[dict], answers: list[dict]) -> None:
    """``target.request_answered_by``: "Kyiv asked for more air defence systems. The request was
    received coolly by Berlin": a sentence that opens on the
    request ("This request", "The appeal"; request_nouns in events.yaml) and names who answered
    it in a from/by phrase gives the previous sentence's request its addressee; the answer
    ("The request was rejected by Germany") is aimed at the requester (``target.requester``)."""
    if not requests or len(s.lower) < 3 or s.lower[0] not in ("this", "the", "that", "such") \
            or s.lemma[1] not in rules().request_nouns:
        return
    subj = s.chunk_at(1)
    for p in s.predicates:
        if subj is None or p.patient is not s.chunk_at(1) and p.agent is not subj:
            continue
        for prep, ch in p.obliques:
            who, _ = ctx.actor(ch, s) if prep in ("from", "by") else ({}, "")
            if who.get("actor") is not None:
                for r in requests:
                    r.update(target_actor=who["actor"], target_text=who["text"], target_start=who["start"],
                             target_end=who["end"])
                    r["rule"] = r["rule"].replace(";target:", ";target:target.request_answered_by+", 1)
                a, b = ctx.span(subj)
                for r in answers:
                    if r["source_actor"] == who["actor"] and r["target_actor"] is None and r["target_start"] == a:
                        src = requests[0]
                        r.update(target_actor=src["source_actor"], target_text=src["source_text"],
                                 target_start=src["source_start"], target_end=src["source_end"])
                        r["rule"] = r["rule"].replace(";target:", ";target:target.requester+", 1)
                return
        return


def _named_only_out(groups: dict, cue_names: list, named_only: frozenset) -> dict:
    """``groups`` (sentence -> escalation rows) less the rows of cues that only name a thing
    (events.yaml ``named_only``: "an arms package", "carried weapons" name no act); a sentence
    left with none is read as if it had no cue.

    Example:
        >>> _named_only_out({("d", 0): [0, 1], ("d", 1): [2]}, ["attack", "weapons", "arms"],
        ...                 frozenset({"weapons", "arms"}))
        {('d', 0): [0]}
    """
    if not named_only:
        return groups
    out = {}
    for k, v in groups.items():
        kept = [i for i in v if str(cue_names[i]).lower() not in named_only]
        if kept:
            out[k] = kept
    return out


def _sentence_cues(rows: list, cols: dict[str, list], starts: Sequence[int], ends: Sequence[int],
                   lemma: list[str]) -> list[Cue]:
    out = []
    for i in rows:
        a = bisect.bisect_right(starts, int(cols["start"][i])) - 1
        b = bisect.bisect_left(ends, int(cols["end"][i])) + 1
        if a < 0:
            continue
        cameo = cols["cameo"][i]
        # a str is never missing: pd.isna only for the rest (NaN, None, NA)
        code = cameo if type(cameo) is str else "" if cameo is None or pd.isna(cameo) else str(cameo)
        out.append(Cue(int(i), a, max(b, a + 1), lemma[a], code,
                       str(cols["quad_class"][i]), str(cols["cue"][i])))
    return out


def _writer_formulas_out(cues: list[Cue], words: Sequence[str]) -> list[Cue]:
    """``cues`` less the reporting word of a writer's formula ("Having said that, ...", "it is
    worth noting that"): the writer's set phrase, nobody's statement (as in the quotes step).

    Example:
        >>> c = Cue(0, 1, 2, "say", "010", "statement", "say")
        >>> _writer_formulas_out([c], ["Having", "said", "that"]), len(_writer_formulas_out([c], ["He", "said"]))
        ([], 1)
    """
    return [c for c in cues if not _writer_formula(words, c.tok)]


def _writer_formula(words: Sequence[str], k: int) -> bool:
    """Whether word ``k`` is the reporting word of a writer's formula (events.yaml ``writer_formulas``).

    Example:
        >>> _writer_formula(["Having", "said", "that"], 1), _writer_formula(["Russia", "said", "that"], 1)
        (True, False)
    """
    return 0 < k < len(words) and (str(words[k - 1]).lower(), str(words[k]).lower()) in rules().writer_formulas


def _sentence_rows(tokens: pd.DataFrame) -> dict[tuple, range | np.ndarray]:
    """Each sentence's token rows by ``(doc_id, sent_id)``: a ``range`` when every sentence's
    tokens are consecutive rows (as the tokenizer writes them), else ``groupby`` indices."""
    codes, _ = pd.factorize(tokens["doc_id"], sort=False)
    sent = tokens["sent_id"].to_numpy()
    if len(codes) and (codes >= 0).all() and np.issubdtype(sent.dtype, np.integer):
        cut: np.ndarray = np.flatnonzero((codes[1:] != codes[:-1]) | (sent[1:] != sent[:-1])) + 1
        starts, ends = [0, *cut.tolist()], [*cut.tolist(), len(codes)]
        keys = list(zip(tokens["doc_id"].take(starts).tolist(), sent[starts].tolist()))
        if len(set(keys)) == len(keys):
            return {k: range(a, b) for k, a, b in zip(keys, starts, ends)}
    return tokens.groupby(["doc_id", "sent_id"], sort=False).indices


def _take(values: list, rows: range | np.ndarray | list) -> list:
    """``values`` at ``rows`` (a slice when the rows are a range)."""
    return values[rows.start:rows.stop] if isinstance(rows, range) else [values[k] for k in rows]


def _empty_events() -> pd.DataFrame:
    """The ``events`` table with no rows (built only when returned: 35 empty columns cost)."""
    return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})


def find_events(tokens: pd.DataFrame, texts: Mapping[str, str], escalation: pd.DataFrame,
                mentions: pd.DataFrame | None = None, quotes: pd.DataFrame | None = None, *,
                speakers: Mapping[str, str | None] | None = None) -> pd.DataFrame:
    """The ``events`` table: one row per speech act or event (columns :data:`COLUMNS`).

    Only sentences with an escalation cue or an actor mention (``parse: min_actors`` in
    events.yaml) are tagged, and of these only the ones with a cue or a verb that can be an act
    (:func:`_may_act`) are parsed (chunked, split into clauses). ``speakers`` maps a document
    to its speaking state (a UN speech's country), whom "we" and "I" outside quotations name.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> from toolkit.escalation import find_cues
        >>> from toolkit.actors import mentions_from_tables
        >>> t = "Ukrainian towns were shelled by Russian artillery."
        >>> _, toks = tokenize_documents(["d"], [t])
        >>> m = mentions_from_tables(pd.DataFrame({"doc_id": ["d"], "text": [t]}), toks)
        >>> ev = find_events(toks, {"d": t}, find_cues(toks, {"d": t}, mentions=m), m)
        >>> ev[["source_actor", "act", "target_actor", "factuality"]].values.tolist()
        [['RUS', 'attack', 'UKR', 'asserted']]
    """
    if tokens.empty:
        return _empty_events()
    if escalation is None:
        escalation = pd.DataFrame(columns=["doc_id", "sent_id", "start", "end", "cue", "cameo", "quad_class"])
    rows: list[dict] = []
    mentions = mentions if mentions is not None else pd.DataFrame(
        columns=["doc_id", "start", "end", "actor", "person", "sector", "location"])
    ment_by_doc = _mention_lists(mentions)
    quote_by_doc = _quote_lists(quotes)
    quote_bounds = {d: _quote_bounds(qs) for d, qs in quote_by_doc.items()}
    speaker_spans = _speaker_spans(quotes)
    starts_by_doc = {d: [m[0] for m in ms] for d, ms in ment_by_doc.items()}
    tok_groups = _sentence_rows(tokens)
    # Shared with the other steps of the chunk (tokenize.column_list): converted once per chunk.
    tok_text, tok_lemma = column_list(tokens["text"]), column_list(tokens["lemma"])
    tok_s, tok_e = column_list(tokens["start"]), column_list(tokens["end"])
    # the table's lower-cased tokens, as parse would compute them (when the column is whole)
    tok_lower = column_list(tokens["lower"]) if "lower" in tokens and not tokens["lower"].isna().any() else None
    cols = {c: escalation[c].tolist() for c in ("start", "end", "cameo", "quad_class", "cue")}
    groups = {k: list(v) for k, v in escalation.groupby(["doc_id", "sent_id"], sort=False).indices.items()} \
        if len(escalation) else {}
    groups = _named_only_out(groups, cols["cue"], rules().named_only)
    if len(mentions):
        two = mentions[mentions["actor"].notna()].groupby(["doc_id", "sent_id"]).size()
        for key in two[two >= rules().parse_min_actors].index:
            groups.setdefault(key, [])
    order = {d: i for i, d in enumerate(pd.unique(tokens["doc_id"]))}
    keyed = sorted(groups.items(), key=lambda kv: (order.get(kv[0][0], -1), int(kv[0][1])))
    todo: list = [(key, g, tok_groups.get(key)) for key, g in keyed]
    todo = [(key, g, idx) for key, g, idx in todo if idx is not None and len(idx)]
    sentences = [_take(tok_text, idx) for _, _, idx in todo]
    resolvers = _DocSpeakers({"start": tok_s, "end": tok_e, "text": tok_text, "lower": tok_lower, "lemma": tok_lemma},
                             tok_groups, texts, mentions, _direct_spans(quotes), speakers or {})
    asking: tuple = ()   # the last sentence's requests whose addressee the next one may name
    recent: list = []   # (sent_id, row) of the document's last sentences (actor.event_doer)
    # All of the chunk's sentences are tagged in one batch (the tagger's fast path).
    for ((doc, sent), g, idx), words, (tags, degraded) in zip(todo, sentences, cl.tag_many(sentences)):
        lemmas = list(map(str.lower, map(str, _take(tok_lemma, idx))))
        ts, te = _take(tok_s, idx), _take(tok_e, idx)
        cues = _writer_formulas_out(_sentence_cues(g, cols, ts, te, lemmas), words)
        answers = bool(asking) and asking[0] == (doc, int(sent) - 1) and bool(asking[1])
        if not cues and not answers and not _may_act(tags, lemmas) and not _event_nominals.may_name_act(lemmas):
            asking = ()   # as after a sentence without rows: no request for the next to answer
            continue
        tags = cl.repair_relative_verbs(words, cue_verb_tags(words, tags, cues))
        s = cl.parse(words, lemma=lemmas, tags=tags, degraded=degraded,
                     lower=_take(tok_lower, idx) if tok_lower is not None else None)
        ms = ment_by_doc.get(doc, [])
        sa, sb = ts[0], te[-1]
        lo = bisect.bisect_left(starts_by_doc[doc], sa) if ms else 0
        hi = bisect.bisect_left(starts_by_doc[doc], sb, lo) if ms else 0   # mentions are sorted by start
        ctx = SentenceContext(str(doc), texts[doc], ts, te, ms[lo:hi], ms[max(0, lo - 50):lo],
                              _quotes_over(quote_by_doc.get(doc, []), quote_bounds.get(doc), sa, sb),
                              resolvers.of(doc), (speakers or {}).get(doc))
        if recent and recent[-1][1]["doc_id"] != str(doc):
            recent = []
        ctx.sent_id = int(sent)
        ctx.speaker_spans = speaker_spans.get(doc, ())
        ctx.previous = recent = [x for x in recent if x[0] >= int(sent) - rules().description_sentences]
        got = sentence_events(s, cues, ctx)
        recent = recent + [(int(sent), x) for x in got]
        if answers:
            _answered_request(s, ctx, asking[1], got)
        asking = ((doc, int(sent)), [r for r in got if _open_request(r)])
        for r in got:
            r["sent_id"] = int(sent)
            rows.append(r)
    rows = _with_a_party(rows)
    if not rows:
        return _empty_events()
    out = pd.DataFrame({k: [r[k] for r in rows] for k in rows[0]})  # every row has the same keys
    for c in out.columns:  # missing actors stay None (not NaN) in the text columns
        if out[c].dtype == object or pd.api.types.is_string_dtype(out[c]):
            out[c] = out[c].astype(object).where(out[c].notna(), None)
    out["event_id"] = out.groupby("doc_id").cumcount()
    out["source"] = f"events@{rules().version}+clauses@{cl.words().version}"
    return out[COLUMNS].reset_index(drop=True)


def annotate(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Pipeline step: the ``events`` table for one chunk of documents.

    Needs ``mentions`` and ``escalation``; reads ``quotes`` when present (pronoun speakers
    inside quotations).

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> from toolkit import escalation, actors
        >>> docs = pd.DataFrame({"doc_id": ["d"], "text": ["Moscow said Kyiv had sabotaged the talks."]})
        >>> s, t = tokenize_documents(["d"], docs["text"].tolist())
        >>> tb = {"documents": docs, "sentences": s, "tokens": t}
        >>> tb["mentions"] = actors.mentions_from_tables(docs, t)
        >>> tb.update(escalation.annotate(tb))
        >>> annotate(tb)["events"][["source_actor", "act", "target_actor", "factuality"]].values.tolist()
        [['RUS', 'accuse', 'UKR', 'asserted'], ['UKR', 'attack', None, 'alleged']]
    """
    docs = tables["documents"]
    texts = dict(iter_rows(docs, "doc_id", "text"))
    return {"events": find_events(tables["tokens"], texts, tables["escalation"],
                                  tables.get("mentions"), tables.get("quotes"), speakers=_doc_speakers(docs))}


ANNOTATOR = Annotator(
    name="events", produces=("events",), func=annotate,
    requires=("tokens", "sentences", "mentions", "escalation"),
    lexicons=("escalation", "reporting_verbs"), reads=("quotes",),
    # The rule files are not bundled lexicons (no CSV): their versions key the cache.
    version=f"events@{rules().version}+clauses@{_yaml.safe_load(cl.RULES_FILE.read_text(encoding='utf-8'))['version']}"
            f"+event_targets@{_event_targets.target_rules().version}"
            f"+event_nominals@{_event_nominals.nominal_rules().version}"
            f"+event_senses@{_event_senses.sense_rules().version}",
    description="who does what to whom: one row per speech act or event, from clause structure "
                "(voice, reporting frames, warnings, negation, conditions)")


# ----------------------------------------------------------------------------- aggregates
def dyads(events: pd.DataFrame, *, alleged: bool = False, acts: tuple[str, ...] | None = None,
          main_only: bool = False) -> pd.DataFrame:
    """Counts per directed dyad and act: events that happened, and (apart) those only alleged.

    Only rows with both a source and a target actor count; ``unclassified`` predicates never
    do. ``asserted`` counts asserted events; with ``alleged=True`` an ``alleged`` column counts
    the events a claimant reports about others, kept apart so that claims do not pass for acts.
    Negated, conditional, future, requested, hypothetical and question rows are not counted.

    Args:
        events: the ``events`` table.
        alleged: add the ``alleged`` column.
        acts: count only these act classes.
        main_only: count only each sentence's main event.

    Example:
        >>> ev = pd.DataFrame({"source_actor": ["RUS", "UKR"], "target_actor": ["UKR", "RUS"],
        ...                    "act": ["attack", "attack"], "factuality": ["asserted", "alleged"],
        ...                    "main": [True, True]})
        >>> dyads(ev, alleged=True).values.tolist()
        [['RUS', 'UKR', 'attack', 1, 0], ['UKR', 'RUS', 'attack', 0, 1]]
    """
    ev = events[events["source_actor"].notna() & events["target_actor"].notna() & (events["act"] != "unclassified")]
    if acts is not None:
        ev = ev[ev["act"].isin(list(acts))]
    if main_only:
        ev = ev[ev["main"].astype(bool)]
    kinds = ["asserted", "alleged"] if alleged else ["asserted"]
    ev = ev[ev["factuality"].isin(kinds)]
    out = pd.crosstab([ev["source_actor"], ev["target_actor"], ev["act"]], ev["factuality"])
    out = out.reindex(columns=kinds, fill_value=0).reset_index()
    out.columns.name = None
    return out[["source_actor", "target_actor", "act", *kinds]]
