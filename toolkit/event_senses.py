"""The act of an event verb the act vocabulary does not know, by its WordNet sense.

Rule ``act.wordnet_sense`` of :mod:`toolkit.events`: a main-clause verb that no escalation cue
covers, whose source and target name two different parties ("Chad interned Sudanese
soldiers"), takes the act of the nearest anchor above its sense in WordNet's verb hypernym
tree (intern -> confine/detain: CAMEO 173, coerce). The anchors are data,
``lexicons/event_senses.yaml``, with the policy of which sense counts (precision first):

- a verb with senses counted in SemCor: its first sense only, WordNet's most frequent one
  ("held" is *keep*, no act; "defeated" is *win a victory over*, no act);
- a verb with no counted sense (the order then says nothing of frequency: "evict", "intern"):
  only when it has at most ``max_uncounted_senses`` senses (two) and every sense that reaches
  an anchor reaches the same act ("trounce", three senses of which one is *censure*, gives
  nothing: its common sense, *beat*, reaches no anchor);
- an anchor counts at most ``max_depth`` hypernym steps above the sense, and two anchors of
  different acts at the same nearest depth give nothing.

Only the verb files of WordNet are read (``index.verb`` for the senses of a lemma in order
with the count of tagged senses, ``data.verb`` for the hypernym pointers), once per process and
only when a sentence needs them; each lemma's answer is cached. Without WordNet data (the
toolkit's data-free run) :func:`sense_act` answers ``None`` for every verb, and
``toolkit.resources`` lists the rule under the wordnet entry's fallback.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from . import _yaml
from .config import LEXICON_DIR

RULES_FILE = LEXICON_DIR / "event_senses.yaml"


@dataclass(frozen=True)
class Anchor:
    """One anchor synset and the act it gives."""

    synset: str         # lemma.v.NN, as nltk.corpus.wordnet.synset reads it
    cameo: str


@dataclass(frozen=True)
class SenseRules:
    """``lexicons/event_senses.yaml``: its anchors, depth bound and version."""

    anchors: tuple[Anchor, ...]
    lemmas: dict[str, tuple[str, ...]]   # synset -> the lemmas it must hold
    max_depth: int
    version: str
    max_uncounted_senses: int = 2   # a verb with no SemCor count and more senses gives nothing


@functools.lru_cache(maxsize=4)
def sense_rules(path: str | None = None) -> SenseRules:
    """The anchors of ``lexicons/event_senses.yaml`` (or ``path``).

    Example:
        >>> r = sense_rules()
        >>> next(a.cameo for a in r.anchors if a.synset == "expel.v.01"), r.max_depth
        ('174', 3)
    """
    d = _yaml.safe_load(Path(path or RULES_FILE).read_text(encoding="utf-8"))
    anchors = tuple(Anchor(str(a["synset"]), str(a["cameo"])) for a in d["anchors"])
    lemmas = {str(a["synset"]): tuple(str(x) for x in a["lemmas"]) for a in d["anchors"]}
    return SenseRules(anchors, lemmas, int(d["max_depth"]), str(d["version"]),
                      int(d.get("max_uncounted_senses", 2)))


class VerbNet:
    """WordNet's verbs as this rule reads them, from the text of ``index.verb`` and the bytes of
    ``data.verb`` (WordNet's formats): each lemma's senses (synset offsets, in WordNet's order)
    with its count of SemCor-tagged senses, and each synset's lemmas and hypernyms. A synset's
    offset is its line's byte offset in ``data.verb``, so a line is parsed only when asked for.

    Example:
        >>> data = b"00 35 v 02 confine 0 detain 0 000 | deprive of freedom\\n"
        >>> data += b"55 35 v 01 intern 0 001 @ 00 v 0000 | intern\\n"   # at byte 55
        >>> v = VerbNet("detain v 1 1 @ 1 1 00\\nintern v 1 1 @ 1 0 55\\n", data)
        >>> v.senses("intern"), v.synset(55), v.synset(0)
        ((0, (55,)), (('intern',), (0,)), (('confine', 'detain'), ()))
    """

    def __init__(self, index_text: str, data: bytes) -> None:
        # "lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offset..."; licence
        # lines start with a space
        self._index = dict(_INDEX_LINE.findall(index_text))
        self._data = data
        self._synsets: dict[int, tuple[tuple[str, ...], tuple[int, ...]]] = {}

    def senses(self, lemma: str) -> tuple[int, tuple[int, ...]] | None:
        """The count of tagged senses and the synset offsets of verb ``lemma``, or ``None``."""
        rest = self._index.get(lemma)
        if rest is None:
            return None
        f = rest.split()
        n_synsets, n_ptr = int(f[0]), int(f[1])   # the fields after "lemma v"
        return int(f[3 + n_ptr]), tuple(int(x) for x in f[4 + n_ptr:4 + n_ptr + n_synsets])

    def synset(self, offset: int) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """The lemmas and hypernym offsets of the synset at ``offset``."""
        got = self._synsets.get(offset)
        if got is None:
            end = self._data.find(b"\n", offset)
            f = self._data[offset:end if end >= 0 else None].split(b" | ", 1)[0].decode("utf-8").split()
            if not f or int(f[0]) != offset:
                raise ValueError(f"`offset` value = {offset} is invalid; no data.verb line starts there")
            n_words = int(f[3], 16)
            k = 4 + 2 * n_words
            got = (tuple(f[4 + 2 * i].lower() for i in range(n_words)),
                   tuple(int(f[k + 2 + 4 * i]) for i in range(int(f[k])) if f[k + 1 + 4 * i] == "@"))
            self._synsets[offset] = got
        return got


_INDEX_LINE = re.compile(r"^([^ \n]+) v ([^\n]*)$", re.M)


@functools.lru_cache(maxsize=1)
def verbnet() -> VerbNet | None:
    """WordNet's verbs from the NLTK data (:class:`VerbNet`), read once per process; ``None``
    without WordNet data.

    Example:
        >>> v = verbnet()
        >>> v is None or v.senses("detain") is not None
        True
    """
    from . import resources

    if not resources.available("wordnet"):
        return None
    import nltk

    try:
        try:   # where NLTK's LazyCorpusLoader looks: the folder, else inside the zip
            root = nltk.data.find("corpora/wordnet")
        except LookupError:
            root = nltk.data.find("corpora/wordnet.zip/wordnet/")
        with root.join("index.verb").open() as fh:
            index_text = fh.read().decode("utf-8")
        with root.join("data.verb").open() as fh:
            data = fh.read()
        return VerbNet(index_text, data)
    except (LookupError, OSError, ValueError, IndexError):   # a layout this reader does not know
        return None


def _anchor_offsets(v: VerbNet, r: SenseRules) -> dict[int, Anchor]:
    """The anchors' synsets, by offset; an anchor whose synset lacks its lemmas (another
    WordNet than 3.0) is left out."""
    out: dict[int, Anchor] = {}
    for a in r.anchors:
        lemma, _, n = a.synset.rsplit(".", 2)
        offs = (v.senses(lemma) or (0, ()))[1]
        k = int(n) - 1
        if 0 <= k < len(offs) and all(x in v.synset(offs[k])[0] for x in r.lemmas[a.synset]):
            out[offs[k]] = a
    return out


@functools.lru_cache(maxsize=1)
def _anchors() -> dict[int, Anchor] | None:
    v = verbnet()
    return None if v is None else _anchor_offsets(v, sense_rules())


def nearest_anchor(v: VerbNet, anchors: dict[int, Anchor], offset: int, max_depth: int) -> Anchor | None:
    """The anchor nearest above synset ``offset`` (itself at depth 0) within ``max_depth``
    hypernym steps; ``None`` when there is none or the nearest depth holds anchors of two codes.

    Example:
        >>> data = b"00 35 v 01 confine 0 000 | x\\n29 35 v 01 intern 0 001 @ 00 v 0000 | y\\n"
        >>> v = VerbNet("", data)
        >>> nearest_anchor(v, {0: Anchor("detain.v.01", "173")}, 29, 3).cameo
        '173'
    """
    level, seen = [offset], {offset}
    for _ in range(max_depth + 1):
        found = sorted({anchors[o] for o in level if o in anchors}, key=lambda a: a.synset)
        if found:
            return found[0] if len({a.cameo for a in found}) == 1 else None
        level = [h for o in level for h in v.synset(o)[1] if h not in seen]
        seen.update(level)
    return None


@functools.lru_cache(maxsize=4096)
def sense_act(lemma: str) -> Anchor | None:
    """The anchor whose act verb ``lemma`` (a WordNet verb lemma; "lock_up" for a phrasal verb)
    takes by the policy of this module's docstring, or ``None`` (no anchor, senses that
    disagree, or no WordNet data). Cached per lemma.

    Example:
        >>> a = sense_act("intern")
        >>> a is None or (a.synset, a.cameo) == ("detain.v.01", "173")
        True
        >>> sense_act("hold") is None   # its first sense is "keep": no act
        True
        >>> sense_act("trounce") is None   # no counted sense, three senses: too many to trust
        True
    """
    v, anchors = verbnet(), _anchors()
    if v is None or anchors is None:
        return None
    got = v.senses(lemma)
    if got is None:
        return None
    tagged, offsets = got
    rules = sense_rules()
    depth = rules.max_depth
    if tagged > 0:
        return nearest_anchor(v, anchors, offsets[0], depth)
    if len(offsets) > rules.max_uncounted_senses:
        return None
    found = [a for a in (nearest_anchor(v, anchors, o, depth) for o in offsets) if a is not None]
    return found[0] if found and len({a.cameo for a in found}) == 1 else None
