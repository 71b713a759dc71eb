"""How things look, in one place: one category->style map, one figure theme, journal sizes, labels.

Everything that draws (figures, article pages, framing and escalation highlights) takes its
colours from :func:`style`, so "threat" or a frame has the same colour in an article highlight
and in a figure. Annotator modules that draw their own figures import this module, never
:mod:`toolkit.figures` or :mod:`toolkit.show`.

* :func:`style` gives every category one colour, hatch, marker and line style. Colours are the
  Okabe & Ito (2008) colour-blind-safe palette; hatches, markers and line styles carry the same
  information, so a greyscale print or a reader with any colour-vision deficiency loses nothing.
* :func:`series_styles` gives the series of one figure (dyads, countries, coders) distinct
  colour + marker + line style; :func:`distinct_styles` does the same for categories, keeping
  each category's own style where it does not collide with another in the same figure.
* :func:`set_theme` applies the theme (the idea of seaborn's ``rcmod.set_theme``) with text
  sizes that stay at 6-9 pt when a figure is printed at :data:`SINGLE_COLUMN` or
  :data:`DOUBLE_COLUMN` width; :func:`figsize` gives journal sizes.
* :func:`label` turns codes (``diplomatic_cooperation``, ``cue_class``, a CAMEO root
  ``threaten``) into human labels, from the lexicons' declared categories; :func:`title`
  puts a title in title case.

Notes:
    Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): how to make figures and
    presentations that are friendly to colorblind people. https://jfly.uni-koeln.de/color/
    Journal widths follow common author guidelines (e.g. Elsevier, Nature: 85-90 mm single
    column, 170-180 mm double column; text at final size at least 6-7 pt).
"""
from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

import yaml

# Okabe & Ito (2008) colour-blind-safe palette; distinct in greyscale by lightness order too.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
GREY = "#999999"
HATCHES = ["", "//", "\\\\", "xx", "..", "oo", "--", "++", "||", "**"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*", "<", ">"]
LINESTYLES = ["-", "--", ":", "-.", (0, (5, 1, 1, 1)), (0, (1, 3))]

# Journal figure sizes, inches (printed at 100%).
SINGLE_COLUMN = 3.5
ONE_AND_HALF_COLUMN = 5.5
DOUBLE_COLUMN = 7.2
MAX_HEIGHT = 9.0
MIN_FONT_PT = 6.0


@dataclass(frozen=True)
class CategoryStyle:
    """How one category is drawn everywhere: colour plus greyscale-safe redundancy."""

    color: str
    hatch: str = ""
    marker: str = "o"
    linestyle: str | tuple = "-"


def _s(color: int | str, hatch: int, marker: int, line: int = 0) -> CategoryStyle:
    c = OKABE_ITO[color] if isinstance(color, int) else color
    return CategoryStyle(c, HATCHES[hatch], MARKERS[marker], LINESTYLES[line])


# One map for the whole toolkit. Categories of different families that mean the same thing
# (the reporting-verb class "warning" and the escalation category "warning") share a style on
# purpose. Yellow (index 6) is used for fills only where a dark outline goes with it; lines
# and text never get it (yellow on white is invisible).
CATEGORY_STYLES: dict[str, CategoryStyle] = {
    # speech acts / escalation categories / reporting-verb classes (stance)
    "threat": _s(3, 3, 6, 0), "threatening": _s(3, 3, 6, 0), "ultimatum": _s(3, 8, 3, 3),
    "warning": _s(1, 1, 2, 1), "accusation": _s(5, 2, 3, 2), "accusatory": _s(5, 2, 3, 2),
    "condemnation": _s(7, 4, 8, 3), "demand": _s(0, 4, 1, 3), "directive": _s(0, 4, 1, 3),
    "mobilization": _s(3, 9, 9, 4), "force": _s(7, 3, 7, 0), "sanction": _s(1, 8, 9, 5),
    "reassurance": _s(2, 5, 0, 0), "reassuring": _s(2, 5, 0, 0),
    "de-escalation": _s(0, 6, 5, 1), "cooperation": _s(4, 7, 4, 2),
    "appeal": _s(4, 9, 5, 5), "neutral": _s(GREY, 0, 0, 0), "emphatic": _s(7, 7, 1, 1),
    "hedged": _s(4, 1, 4, 2), "distancing": _s(4, 1, 4, 2), "other": _s(GREY, 4, 9, 5),
    # CAMEO quad classes (escalation): conflict warm, cooperation cool, statement grey
    "material_conflict": _s(3, 3, 1, 0), "verbal_conflict": _s(1, 1, 2, 1),
    "statement": _s(GREY, 0, 0, 2), "verbal_cooperation": _s(4, 4, 3, 3),
    "material_cooperation": _s(2, 2, 4, 4),
    # quote kinds
    "direct": _s(0, 0, 0, 0), "indirect": _s(4, 1, 1, 1), "mixed": _s(2, 2, 2, 2),
    "according_to": _s(1, 3, 3, 3), "scare": _s(5, 4, 6, 4),
    # modality of a cue
    "asserted": _s(7, 0, 0, 0), "conditional": _s(1, 1, 2, 1), "hypothetical": _s(4, 4, 4, 2),
    "negated": _s(GREY, 2, 6, 3), "question": _s(5, 5, 5, 4), "future": _s(0, 6, 1, 5),
    # Policy Frames Codebook (Boydstun et al. 2014) frames
    "economic": _s(1, 0, 0, 0), "capacity_and_resources": _s(0, 1, 1, 1), "morality": _s(5, 0, 2, 2),
    "fairness_and_equality": _s(4, 2, 3, 3), "legality": _s(0, 0, 4, 0),
    "legality_constitutionality_jurisdiction": _s(0, 0, 4, 0),
    "policy_prescription_and_evaluation": _s(2, 3, 5, 1), "crime_and_punishment": _s(7, 4, 6, 2),
    "security_and_defense": _s(3, 0, 7, 0), "health_and_safety": _s(2, 5, 8, 3),
    "quality_of_life": _s(1, 6, 9, 4), "cultural_identity": _s(5, 7, 0, 5),
    "public_opinion": _s(4, 8, 1, 0), "political": _s(0, 9, 2, 1),
    "external_regulation_and_reputation": _s(3, 2, 3, 2),
    # rhetoric markers and tone measures
    "hedge": _s(4, 1, 0, 1), "booster": _s(3, 3, 1, 0), "attitude": _s(2, 2, 2, 2),
    "vagueness": _s(5, 4, 3, 3), "vader": _s(0, 0, 0, 0), "textblob": _s(1, 1, 1, 1),
    "tone (ours)": _s(3, 3, 3, 2),
    # annotation layers (article views and legends)
    "mentions": _s(0, 0, 0, 0), "quotes": _s(2, 1, 1, 1), "frames": _s(1, 2, 2, 2),
    "escalation": _s(3, 3, 3, 3), "rhetoric": _s(5, 4, 4, 4), "sentiment": _s(4, 5, 5, 5),
    "speaker": _s(0, 1, 0, 0), "cue": _s(1, 3, 2, 1), "content": _s(2, 0, 1, 2),
}
# Fallback styles for categories not in the map: colour, hatch, marker and line style all
# vary, never yellow (unreadable as a line or on white).
_LINE_COLOURS = [c for c in OKABE_ITO if c != "#F0E442"]
_FALLBACK = [CategoryStyle(_LINE_COLOURS[i % 7], HATCHES[(i // 7) % len(HATCHES)],
                           MARKERS[i % len(MARKERS)], LINESTYLES[i % len(LINESTYLES)])
             for i in range(7 * len(HATCHES))]


def _key(category) -> str:
    return re.sub(r"[\s/]+", "_", str(category).strip().lower())


def style(category) -> CategoryStyle:
    """Return the one style of ``category`` (case and spaces ignored).

    Categories not in :data:`CATEGORY_STYLES` get a style chosen by a stable hash of their
    name, so they too look the same in every figure and every run.

    Example:
        >>> style("threat") == style("Threat")
        True
        >>> style("threat").color
        '#D55E00'
    """
    key = _key(category)
    if key in CATEGORY_STYLES:
        return CATEGORY_STYLES[key]
    if key.replace("_", " ") in CATEGORY_STYLES:
        return CATEGORY_STYLES[key.replace("_", " ")]
    return _FALLBACK[zlib.crc32(key.encode("utf-8")) % len(_FALLBACK)]


def distinct_styles(categories: Iterable) -> dict:
    """``{category: style}`` where no two categories share a hatch, nor marker *and* line style.

    Each category keeps its own :func:`style` unless an earlier category of the same figure
    already looks like it without colour; then it takes the first unused combination. Past ten
    categories (the number of hatches) hatches repeat, with another colour.

    Example:
        >>> s = distinct_styles(["a1", "a2", "threat"])
        >>> len({v.hatch for v in s.values()})
        3
    """
    cats = list(dict.fromkeys(categories))
    few = len(cats) <= len(HATCHES)
    out: dict = {}
    fills, lines = set(), set()
    spare = [CategoryStyle(c, h, m, ls) for i, h in enumerate(HATCHES)
             for c, m, ls in [(_LINE_COLOURS[(i + j) % 7], MARKERS[(i + j) % len(MARKERS)],
                               LINESTYLES[(i + 2 * j) % len(LINESTYLES)]) for j in range(7)]]
    for cat in cats:
        s = style(cat)
        if (s.hatch if few else (s.color, s.hatch)) in fills or (s.marker, s.linestyle) in lines:
            s = next(x for x in spare if (x.hatch if few else (x.color, x.hatch)) not in fills
                     and (x.marker, x.linestyle) not in lines)
        fills.add(s.hatch if few else (s.color, s.hatch))
        lines.add((s.marker, s.linestyle))
        out[cat] = s
    return out


def series_styles(names: Iterable) -> dict:
    """``{name: style}`` for the series of one figure (dyads, countries, coders), by position.

    Every series differs from every other in colour, marker *and* line style (up to 30
    series), so the lines stay apart in greyscale.

    Example:
        >>> s = series_styles(["RUS↔USA", "RUS↔UKR"])
        >>> s["RUS↔USA"].marker != s["RUS↔UKR"].marker
        True
    """
    return {n: CategoryStyle(_LINE_COLOURS[i % 7], HATCHES[i % len(HATCHES)], MARKERS[i % len(MARKERS)],
                             LINESTYLES[i % len(LINESTYLES)])
            for i, n in enumerate(dict.fromkeys(names))}


def palette(categories: Iterable) -> dict:
    """``{category: colour}`` for seaborn's ``palette=`` argument.

    Example:
        >>> palette(["threat", "warning"])
        {'threat': '#D55E00', 'warning': '#E69F00'}
    """
    return {c: style(c).color for c in dict.fromkeys(categories)}


def luminance(color: str) -> float:
    """Relative luminance (0 black .. 1 white) of a colour, as greyscale printing sees it.

    Example:
        >>> round(luminance("#FFFFFF"), 2), round(luminance("#000000"), 2)
        (1.0, 0.0)
    """
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(color)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def edge_color(color: str) -> str:
    """Outline and hatch colour readable on ``color``: white on dark fills, dark grey elsewhere.

    Example:
        >>> edge_color("#000000"), edge_color("#F0E442")
        ('#FFFFFF', '#333333')
    """
    return "#FFFFFF" if luminance(color) < 0.25 else "#333333"


def line_color(color: str) -> str:
    """``color`` darkened until it reads as a line or text on white (yellow becomes olive).

    Example:
        >>> line_color("#0072B2"), line_color("#F0E442")
        ('#0072B2', '#8b8426')
    """
    if luminance(color) < 0.6:
        return color
    from matplotlib.colors import to_hex, to_rgb

    return to_hex(tuple(c * 0.58 for c in to_rgb(color)))


# ----------------------------------------------------------------------------- sizes and theme

def figsize(width: str | float = "double", height: float | None = None, *, rows: int = 0,
            row_height: float = 0.22, base: float = 0.9) -> tuple[float, float]:
    """A journal-sized ``(width, height)`` in inches.

    Args:
        width: ``"single"`` (3.5 in), ``"one-and-half"`` (5.5 in), ``"double"`` (7.2 in) or a
            number (clipped to the double-column width).
        height: inches; default ``base + rows * row_height`` (one row per bar or label).
        rows, row_height, base: see ``height``.

    Returns:
        The size, height clipped to :data:`MAX_HEIGHT`.

    Example:
        >>> figsize("single", rows=10)
        (3.5, 3.1)
    """
    widths = {"single": SINGLE_COLUMN, "one-and-half": ONE_AND_HALF_COLUMN, "double": DOUBLE_COLUMN}
    w = widths[width] if isinstance(width, str) else min(float(width), DOUBLE_COLUMN)
    h = height if height is not None else base + rows * row_height
    return (w, round(min(max(h, 1.4), MAX_HEIGHT), 2))


# Sizes in points at final print size: titles 9, labels 8, ticks and legends 7, notes 6.5.
THEME_RC = {
    "font.size": 8, "axes.titlesize": 9, "axes.labelsize": 8, "xtick.labelsize": 7,
    "ytick.labelsize": 7, "legend.fontsize": 7, "legend.title_fontsize": 7.5,
    "figure.titlesize": 9, "axes.titleweight": "bold", "axes.linewidth": 0.6,
    "lines.linewidth": 1.2, "lines.markersize": 4, "patch.linewidth": 0.5,
    "figure.dpi": 100, "savefig.dpi": 300, "axes.spines.top": False, "axes.spines.right": False,
    "svg.hashsalt": "toolkit", "hatch.linewidth": 0.6, "pdf.fonttype": 42, "svg.fonttype": "none",
    "figure.figsize": (DOUBLE_COLUMN, 3.0),
}


def set_theme(**overrides) -> None:
    """Apply the toolkit's figure theme (seaborn ``ticks``, Okabe-Ito colours, journal text sizes).

    Keyword arguments override matplotlib rc settings.

    Example:
        >>> set_theme()
    """
    import seaborn as sns

    sns.set_theme(context="paper", style="ticks", palette=OKABE_ITO, rc={**THEME_RC, **overrides})


# ----------------------------------------------------------------------------- labels

# Column names as a reader of a figure knows them.
COLUMN_LABELS = {
    "cue_class": "reporting-verb class", "quad_class": "CAMEO quad class", "kind": "quote kind",
    "speaker_actor": "speaker", "source_actor": "source", "target_actor": "target",
    "actor": "actor", "frame": "frame", "category": "category", "per_1000": "per 1,000 words",
    "n_cues": "cues", "n_docs": "documents", "doc_id": "document", "relation": "relation",
    "cohen_kappa": "Cohen's kappa", "krippendorff_alpha": "Krippendorff's alpha",
    "vader_compound": "VADER", "textblob_polarity": "TextBlob", "log_dice": "logDice",
}
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "per",
                "the", "to", "vs", "via", "with"}
# Codes that are also quad classes (CAMEO 06 "material_cooperation") read as the quad class.
CATEGORY_LABELS = {"material_conflict": "material conflict", "verbal_conflict": "verbal conflict",
                   "verbal_cooperation": "verbal cooperation",
                   "material_cooperation": "material cooperation", "according_to": "according to",
                   "statement": "statement",
                   # framing schemes
                   "pfc": "Policy Frames Codebook", "semetko_valkenburg": "Semetko & Valkenburg",
                   "diplomatic": "diplomatic frames"}
_CAMEO = re.compile(r"^CAMEO \d+ ([^:,(]+)")


@functools.lru_cache(maxsize=1)
def lexicon_labels() -> dict[str, str]:
    """``{category code: label}`` from the bundled lexicons' declared categories.

    A lexicon may give short labels in a ``labels:`` mapping; CAMEO categories take the name
    their description starts with (``CAMEO 13 threaten: ...`` -> ``threaten``); every other
    declared category is its code with underscores as spaces.

    Example:
        >>> lexicon_labels()["threaten"]
        'threaten'
    """
    out: dict[str, str] = {}
    folder = resources.files("toolkit") / "lexicons"
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".yaml"):
            continue
        meta = yaml.safe_load(entry.read_text(encoding="utf-8")) or {}
        cats = meta.get("categories") or {}
        labels = meta.get("labels") or {}
        for code in cats if isinstance(cats, (dict, list)) else ():
            desc = cats.get(code, "") if isinstance(cats, dict) else ""
            m = _CAMEO.match(str(desc or ""))
            text = labels.get(code) or (m.group(1).strip() if m else _humanise(code))
            out.setdefault(_key(code), str(text))
    return out


def _humanise(code: str) -> str:
    return re.sub(r"_+", " ", str(code)).strip()


def label(code, *, capitalize: bool = True) -> str:
    """The human label of a category code or column name.

    All-capital codes (``RUS``, ``USA``) and codes with an arrow (dyads) are kept as they are.

    Example:
        >>> label("diplomatic_cooperation"), label("cue_class"), label("RUS")
        ('Engage in diplomatic cooperation', 'Reporting-verb class', 'RUS')
        >>> label("nuclear_danger")
        'Nuclear danger'
    """
    s = str(code)
    if s.isupper() or "↔" in s or "→" in s:
        return s
    key = _key(s)
    text = (COLUMN_LABELS.get(s) or CATEGORY_LABELS.get(key) or lexicon_labels().get(key)
            or _humanise(s))
    first = text.split(" ")[0]
    if capitalize and first.islower():  # "logDice", "iPhone" stay as they are
        return text[:1].upper() + text[1:]
    return text


def title(text: str) -> str:
    """``text`` in title case: small words lower case, acronyms, codes and quotes kept.

    Example:
        >>> title("escalation index by dyad"), title("who accuses whom (RUS, USA)")
        ('Escalation Index by Dyad', 'Who Accuses Whom (RUS, USA)')
    """
    words = str(text).split(" ")
    out = []
    for i, w in enumerate(words):
        core = w.strip("(\"'“‘[")
        if not core or not core[0].isalpha() or any(ch.isupper() for ch in core) \
                or any(ch.isdigit() for ch in core):
            out.append(w)
        elif i > 0 and core.lower() in _SMALL_WORDS and not out[-1].endswith(":"):
            out.append(w.lower())
        else:
            j = w.index(core[0])
            out.append(w[:j] + w[j].upper() + w[j + 1:])
    return " ".join(out)
