"""Every HTML view of the toolkit: highlighted articles, evidence highlights, KWIC, the report index.

One renderer, one colour map, templates in one place:

* The markup lives in Jinja2 templates in ``toolkit/templates/`` (package data), rendered with
  autoescaping on, so every piece of text (article, titles, labels, tooltips, file names) is
  escaped: an article containing ``<script>`` shows it as text.
* Colours come from :func:`toolkit.style.style`, the map the figures use, so a frame or an
  escalation class has the same colour in an article highlight and in a figure.

:func:`article` renders one document with any annotation tables that point into it with
``doc_id``/``start``/``end`` (mentions, frames, escalation, ...) or with ``<part>_start``/
``<part>_end`` pairs (quotes: speaker, cue, content). Every span gets the colour of its
category, a small text label where it starts (readable without colour), an underline stripe
per layer, and a tooltip (the ``title`` attribute) with the row's details. Overlapping and
nested spans are cut into elementary segments, each carrying every span that covers it. Each
layer has a checkbox in the legend that hides its highlights (CSS only: the page has no script
and a strict Content-Security-Policy). Segments carry short class names and one shared style
sheet, not inline styles, so pages stay light.

:func:`highlight` (any table), :func:`frames` and :func:`escalation` render the evidence of one
annotation table on a text; :func:`kwic` renders a concordance; :func:`report_index` the
report's ``index.html``. :func:`explorer` is an ipywidgets panel: pick a document, layers, an
actor and a frame; it shows the matching sentences with their highlights.

Notes:
    The span model follows spaCy's ``doc.spans[key]`` (overlapping layers side by side) and
    displaCy's span renderer (stacked underlines per layer, templates kept apart in
    ``displacy/templates.py``).
"""
from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from markupsafe import Markup

from .style import GREY, OKABE_ITO, style

LAYERS = ("mentions", "quotes", "frames", "escalation", "rhetoric", "sentiment")
# Shown by default: the span-level layers. Sentence-level tables (sentence_escalation,
# per-sentence sentiment ...) cover whole sentences and would drown the spans; pass them
# explicitly in ``layers=`` to see them.
DEFAULT_LAYERS = ("mentions", "quotes", "frames", "escalation", "rhetoric")
# Spans this long get a stripe and a tooltip but no background or label, so the finer spans
# inside them stay readable (quotes excepted: their content is the point).
COARSE_CHARS = 150
# The column whose value names a row's category, per layer (first one present wins).
LABEL_COLUMNS: dict[str, tuple[str, ...]] = {
    "mentions": ("actor", "actor_type"),
    "frames": ("frame", "category"),
    "escalation": ("category", "cameo"),
    "rhetoric": ("category", "device", "label", "kind"),
    "sentiment": ("label", "polarity_label", "category"),
}
# The column whose value gives a row's colour, where it is not the label: escalation cues are
# coloured by CAMEO quad class, as in the escalation figures.
COLOUR_COLUMNS: dict[str, tuple[str, ...]] = {"escalation": ("quad_class",)}
GENERIC_LABELS = ("category", "label", "frame", "actor", "kind", "cue_class", "type")
# Columns appended to a label, e.g. "threat · conditional" for escalation cues with modality;
# a true boolean column adds its name ("negated", "in quote").
QUALIFIER_COLUMNS: dict[str, tuple[str, ...]] = {"escalation": ("modality",),
                                                 "frames": ("negated", "in_quote")}
QUOTE_PARTS = ("speaker", "cue", "content")
# Never shown in tooltips: offsets and ids say nothing to a reader.
_UNSAFE_IN_NAMES = re.compile(r"[^\w.\-]+")
_STEM_BYTES = 80   # the readable part of a file name, in UTF-8 bytes (names may have 255)


def file_stem(doc_id) -> str:
    """A file name (without suffix) for ``doc_id``: readable, safe, and unique to the id.

    The readable part keeps letters, digits, ``.``, ``-`` and ``_`` (anything else becomes
    ``_``; no leading dot, so never ``..`` or a hidden file); ten hex digits of the id's
    SHA-1 follow, so ``etc/x``, ``etc_x`` and ``../../etc/x`` (one readable part) still get
    three names, and names differing only in case stay apart on case-blind file systems.

    Example:
        >>> file_stem("inaugural/1789-Washington")
        'inaugural_1789-Washington-8b55f26f36'
        >>> file_stem("../../etc/x")[:6], len({file_stem(i) for i in ["etc/x", "etc_x", "../../etc/x"]})
        ('etc_x-', 3)
    """
    import hashlib

    s = str(doc_id)
    readable = _UNSAFE_IN_NAMES.sub("_", s).strip("._")
    readable = readable.encode("utf-8")[:_STEM_BYTES].decode("utf-8", "ignore").rstrip("._") or "doc"
    digest = hashlib.sha1(s.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{readable}-{digest}"


_HIDDEN = {"doc_id", "start", "end", "sent_id", "tok_start", "tok_end", "entry_id", "text", "quote_id"}
# Said once per layer in the legend (``lexicon@version``), not in every tooltip.
_PER_LAYER = {"source"}
_MAX_TIP = 12
# Layers with their own stripe and checkbox; the style sheet has rules for this many.
MAX_LAYERS = 10
# Every colour a highlight can take: the style map's palette (class .g0, .g1, ...).
COLOURS = (*OKABE_ITO, GREY)


@functools.lru_cache(maxsize=1)
def _env():
    import jinja2

    return jinja2.Environment(loader=jinja2.PackageLoader("toolkit", "templates"), autoescape=True,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def template(name: str):
    """The Jinja2 template ``toolkit/templates/<name>`` (autoescaping on).

    Example:
        >>> template("kwic.html.j2").render(n=0, rows=[]).count("<table")
        1
    """
    return _env().get_template(name)


@functools.lru_cache(maxsize=1)
def css() -> str:
    """The article style sheet (colour, stripe and layer-toggle rules), the same on every page.

    Example:
        >>> ".tk-span" in css() and ".g0{--fg:#0072B2" in css()
        True
    """
    return Markup(template("article.css.j2").render(n_layers=MAX_LAYERS, colours=COLOURS))


def _n(layers: Sequence[str]) -> int:
    """The stripe room a page needs (class ``tk-n<k>``): one stripe per layer, at least one."""
    return min(MAX_LAYERS, max(1, len(layers)))


def _colour_class(colour: str) -> int:
    colour = colour.upper()
    return COLOURS.index(colour) if colour in COLOURS else len(COLOURS) - 1


class HTML(Markup):
    """A string of escaped HTML that notebooks render (``_repr_html_``)."""

    def _repr_html_(self) -> str:
        return str(self)


@dataclass(frozen=True)
class Span:
    """One highlighted span: where, which layer, its label, its tooltip lines, its colour key."""

    start: int
    end: int
    layer: str
    label: str
    details: tuple[str, ...] = ()
    key: str = ""
    source: str = ""

    @property
    def colour_key(self) -> str:
        if self.key:
            return self.key
        return "speaker" if self.label.startswith("speaker") else self.label.split(" · ")[0]

    @property
    def color(self) -> str:
        return style(self.colour_key).color

    @property
    def coarse(self) -> bool:
        return self.end - self.start >= COARSE_CHARS and self.layer != "quotes"


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:.3g}"
    return str(v)


def _present(row: Mapping, col: str) -> bool:
    return col in row and row[col] is not None and not (not isinstance(row[col], (list, tuple)) and pd.isna(row[col])) \
        and str(row[col]) != ""


def _label(layer: str, row: Mapping) -> str:
    cols = LABEL_COLUMNS.get(layer, ()) + GENERIC_LABELS
    base = next((str(row[c]) for c in cols if _present(row, c)), layer)
    quals = []
    for c in QUALIFIER_COLUMNS.get(layer, ()):
        if not _present(row, c):
            continue
        v = row[c]
        if isinstance(v, (bool,)) or type(v).__name__ == "bool_":
            if v:
                quals.append(c.replace("_", " "))
        elif str(v) not in ("asserted", "False", "True"):
            quals.append(str(v))
    return " · ".join([base, *quals])


def _source(row: Mapping) -> str:
    return str(row["source"]) if _present(row, "source") else ""


def _key(layer: str, row: Mapping) -> str:
    return next((str(row[c]) for c in COLOUR_COLUMNS.get(layer, ()) if _present(row, c)), "")


def _details(layer: str, row: Mapping, skip: Iterable[str] = ()) -> tuple[str, ...]:
    lines = [f"[{layer}] {row.get('text', '')!s}"[:80] if "text" in row else f"[{layer}]"]
    for k, v in row.items():
        if k in _HIDDEN or k in _PER_LAYER or k in skip or k.endswith(("_start", "_end")):
            continue
        if v is None or (not isinstance(v, (list, tuple, dict)) and pd.isna(v)) or str(v) in ("", "False"):
            continue  # a false flag (negated: False) says nothing; pages stay light
        lines.append(f"{k}: {_fmt(v)}"[:200])
        if len(lines) >= _MAX_TIP:
            break
    return tuple(lines)


def spans_from(layer: str, table: pd.DataFrame, doc_id: str | None = None) -> list[Span]:
    """Turn one annotation table into :class:`Span` records (for one document if given).

    Tables with ``start``/``end`` give one span per row. Tables with ``<part>_start``/
    ``<part>_end`` pairs (quotes: speaker, cue, content) give one span per part present;
    rows with missing offsets are skipped.

    Example:
        >>> t = pd.DataFrame({"doc_id": ["d"], "start": [0], "end": [6], "category": ["threat"]})
        >>> spans_from("escalation", t)[0].label
        'threat'
    """
    if table is None or table.empty or "doc_id" not in table:
        return []
    df = table if doc_id is None else table[table["doc_id"].astype(str) == str(doc_id)]
    parts = [p for p in QUOTE_PARTS if f"{p}_start" in df and f"{p}_end" in df]
    out: list[Span] = []
    for row in df.to_dict("records"):
        if "start" in row and "end" in row and not parts:
            if pd.isna(row["start"]) or pd.isna(row["end"]):
                continue
            out.append(Span(int(row["start"]), int(row["end"]), layer, _label(layer, row),
                            _details(layer, row), _key(layer, row), _source(row)))
            continue
        out.extend(_quote_spans(layer, row, parts))
    return out


def _quote_spans(layer: str, row: Mapping, parts: Sequence[str]) -> list[Span]:
    out = []
    for part in parts:
        s, e = row.get(f"{part}_start"), row.get(f"{part}_end")
        if s is None or e is None or pd.isna(s) or pd.isna(e):
            continue
        if part == "speaker":
            who = row.get("speaker_actor") if _present(row, "speaker_actor") else row.get("speaker", "")
            label, key = (f"speaker: {who}" if who else "speaker"), "speaker"
        elif part == "cue":
            label = str(row["cue_class"]) if _present(row, "cue_class") else "cue"
            key = label
        else:
            label = str(row["kind"]) if _present(row, "kind") else "quote"
            key = label
        out.append(Span(int(s), int(e), layer, label, (f"[{layer}: {part}]",) + _details(layer, row)[1:], key,
                        _source(row)))
    return out


def _segments(text: str, spans: Sequence[Span], *, offset: int = 0, labels: bool = True,
              layer_order: Sequence[str] | None = None) -> list[dict]:
    """Cut ``text`` at every span boundary; each piece knows the spans covering it.

    A sweep over the boundaries keeps the covering set, so the work grows with the number of
    spans and segments, not their product.
    """
    n = len(text)
    clipped = sorted(((max(0, sp.start - offset), min(n, sp.end - offset), sp) for sp in spans
                      if min(n, sp.end - offset) > max(0, sp.start - offset)),
                     key=lambda t: (t[0], -(t[1] - t[0])))
    order = list(layer_order or dict.fromkeys(sp.layer for _, _, sp in clipped))
    index = {layer: k for k, layer in enumerate(order)}
    bounds = sorted({0, n, *[s for s, _, _ in clipped], *[e for _, e, _ in clipped]})
    active: dict[int, tuple[int, int, Span]] = {}
    nxt, out = 0, []
    for a, b in itertools.pairwise(bounds):
        active = {i: t for i, t in active.items() if t[1] > a}
        starting = []
        while nxt < len(clipped) and clipped[nxt][0] <= a:
            if clipped[nxt][1] > a:
                active[nxt] = clipped[nxt]
                if clipped[nxt][0] == a:
                    starting.append(clipped[nxt][2])
            nxt += 1
        seg = {"text": text[a:b], "classes": "", "title": "", "labels": []}
        if labels:
            seg["labels"] = [{"layer": index.get(sp.layer, 0), "colour": _colour_class(sp.color),
                              "text": sp.label} for sp in starting if not sp.coarse]
        if active:
            seg["classes"], seg["title"] = _cover(active.values(), order, index, a)
        out.append(seg)
    return out


def _cover(cover: Iterable[tuple[int, int, Span]], order: Sequence[str], index: Mapping[str, int], at: int):
    # A span's full details go on the segment where it starts; the segments it goes on to
    # cover name it in one line, so a long quote does not repeat its row in every piece.
    cover = list(cover)
    fine = [t for t in cover if not t[2].coarse]
    classes, tip = [], []
    for layer in order:
        layer_spans = [sp for _, _, sp in cover if sp.layer == layer]
        if layer_spans:
            if index[layer] < MAX_LAYERS:
                classes.append(f"s{index[layer]}-{_colour_class(layer_spans[0].color)}")
            for s, _, sp in cover:
                if sp.layer == layer:
                    tip.extend(sp.details if s == at and sp.details else (f"[{sp.layer}] {sp.label}",))
    if fine:
        inner = min(fine, key=lambda t: t[1] - t[0])[2]
        classes.append(f"f{index[inner.layer]} g{_colour_class(inner.color)}")
    return " ".join(classes), "\n".join(tip)


def render(text: str, spans: Sequence[Span], *, offset: int = 0, labels: bool = True,
           layer_order: Sequence[str] | None = None) -> HTML:
    """HTML for ``text`` with ``spans`` highlighted; ``offset`` is the text's start in the doc.

    Spans may overlap or nest; spans outside ``text`` are clipped. Each elementary segment gets
    the background of the innermost (shortest) span covering it and one underline stripe per
    covering layer (classes of :func:`css`); where a span starts, a small label names it.

    Example:
        >>> html_ = render("A <b> warned", [Span(6, 12, "escalation", "warning")])
        >>> "&lt;b&gt;" in html_ and "<b>" not in html_
        True
    """
    segs = _segments(text, spans, offset=offset, labels=labels, layer_order=layer_order)
    return HTML(template("_macros.html.j2").module.text(segs))


def _legend_layers(spans: Sequence[Span], layer_order: Sequence[str] | None) -> list[dict]:
    from .style import label as human

    order = list(layer_order or dict.fromkeys(sp.layer for sp in spans))
    out = []
    for k, layer in enumerate(order):
        keys = list(dict.fromkeys(sp.colour_key for sp in spans if sp.layer == layer))
        if not keys:
            continue
        chips = [{"colour": _colour_class(style(key).color),
                  "text": human(key, capitalize=False) if layer == "escalation" and key.endswith(("conflict", "cooperation"))
                  else key} for key in keys[:30]]
        sources = ", ".join(sorted({sp.source for sp in spans if sp.layer == layer and sp.source}))
        out.append({"index": k, "name": layer, "chips": chips, "more": max(0, len(keys) - 30),
                    "sources": sources})
    return out


def legend(spans: Sequence[Span], *, layer_order: Sequence[str] | None = None) -> HTML:
    """HTML legend: each layer (its stripe position, a checkbox that hides it) and the colours.

    Example:
        >>> "threat" in legend([Span(0, 1, "escalation", "threat")])
        True
    """
    return HTML(template("_macros.html.j2").module.legend(_legend_layers(spans, layer_order)))


_legend = legend  # for functions whose ``legend=`` flag hides the name


@dataclass
class Article:
    """One rendered document; shows itself in JupyterLab and saves as a standalone page."""

    doc_id: str
    title: str
    body: str
    legend_html: str
    layers: tuple[str, ...]
    n_spans: int

    def _repr_html_(self) -> str:
        return self.html()

    @property
    def slug(self) -> str:
        """A file name for this article, unique to its ``doc_id`` (:func:`file_stem`)."""
        return file_stem(self.doc_id)

    def html(self) -> str:
        """The HTML fragment (style sheet, title, legend with layer toggles, text)."""
        return str(template("article.html.j2").render(
            css=css(), title=self.title or self.doc_id, doc_id=self.doc_id, n_layers=_n(self.layers),
            layer_names=", ".join(self.layers), n_spans=self.n_spans, legend=Markup(self.legend_html),
            body=Markup(self.body)))

    def page(self) -> str:
        """A complete HTML page (UTF-8, no script, no external resources)."""
        return page(self.title, self.html())

    def save(self, path: str | Path) -> Path:
        """Write :meth:`page` to ``path``.

        Example:
            >>> import tempfile, pathlib
            >>> a = render_document("d", "Hi <there>", {})
            >>> a.save(pathlib.Path(tempfile.mkdtemp()) / "d.html").suffix
            '.html'
        """
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(self.page(), encoding="utf-8")
        return p


def page(title: str, body: str) -> str:
    """A complete HTML page around ``body`` (trusted HTML from this module); ``title`` is escaped.

    Example:
        >>> "<title>a &lt;b&gt;</title>" in page("a <b>", "")
        True
    """
    return str(template("page.html.j2").render(title=title, body=Markup(body), css=""))


def render_document(doc_id: str, text: str, tables: Mapping[str, pd.DataFrame], *,
                    title: str | None = None, labels: bool = True) -> Article:
    """Render ``text`` with the rows of ``tables`` (layer name -> table) for ``doc_id``.

    Example:
        >>> m = pd.DataFrame({"doc_id": ["d"], "start": [0], "end": [6], "actor": ["RUS"]})
        >>> a = render_document("d", "Moscow warned.", {"mentions": m})
        >>> a.n_spans, "RUS" in a.html()
        (1, True)
    """
    spans: list[Span] = []
    for layer, table in tables.items():
        spans.extend(spans_from(layer, table, doc_id))
    order = list(tables)
    return Article(doc_id=str(doc_id), title=title or str(doc_id),
                   body=render(text, spans, labels=labels, layer_order=order),
                   legend_html=legend(spans, layer_order=order), layers=tuple(order), n_spans=len(spans))


def highlight(text: str, table: pd.DataFrame, *, layer: str = "annotations", doc_id: str | None = None,
              where: Mapping | None = None, legend: bool = True, labels: bool = True) -> HTML:
    """``text`` as escaped HTML with the rows of one annotation ``table`` highlighted.

    The same renderer as :func:`article`, for one layer: colours from the one style map, a
    label where each span starts, details on hover, a checkbox in the legend.

    Args:
        text: the document text the table's offsets point into.
        table: rows with ``start``/``end`` (and ``doc_id`` when ``doc_id`` is given).
        layer: the layer name (decides the label and colour columns: ``frames``,
            ``escalation``, ``mentions`` ...).
        doc_id: keep the rows of this document.
        where: keep only rows whose columns equal these values (``{"scheme": "pfc"}``).
        legend: show the legend; labels: show a label where each span starts.

    Example:
        >>> t = pd.DataFrame({"start": [3], "end": [8], "frame": ["peace"]})
        >>> out = highlight("<b> peace", t, layer="frames")
        >>> "&lt;b&gt;" in out and ">peace</span>" in out
        True
    """
    t = _where(table, where)
    if "doc_id" not in t:
        t = t.assign(doc_id="_")
        doc_id = "_"
    spans = spans_from(layer, t, doc_id)
    body = render(text, spans, labels=labels, layer_order=[layer])
    leg = _legend(spans, layer_order=[layer]) if legend else ""
    return HTML(template("article.html.j2").render(css=css(), title="", doc_id="", layer_names="", n_layers=1,
                                                   n_spans=len(spans), legend=Markup(leg), body=body))


def frames(text: str, frames_table: pd.DataFrame, *, doc_id: str | None = None, scheme: str | None = None,
           legend: bool = True) -> HTML:
    """``text`` with its frame cues highlighted (the frames table of :mod:`toolkit.framing`).

    Each frame has its colour from the one style map (the same as in the framing figures); a
    negated cue is labelled ``· negated``, a cue inside a quotation ``· in quote``; hover for
    the scheme, cue and weight.

    Example:
        >>> f = pd.DataFrame({"doc_id": ["d"], "start": [4], "end": [9], "scheme": ["s"],
        ...     "frame": ["peace"], "cue": ["peace"], "negated": [True], "in_quote": [False]})
        >>> ">peace · negated</span>" in frames("<b> peace", f, scheme="s")
        True
    """
    return highlight(text, frames_table, layer="frames", doc_id=doc_id,
                     where={"scheme": scheme} if scheme is not None else None, legend=legend)


def escalation(text: str, cues: pd.DataFrame, *, doc_id: str | None = None, include_statements: bool = False,
               legend: bool = True) -> HTML:
    """``text`` with its escalation cues highlighted (the escalation table of :mod:`toolkit.escalation`).

    Colour = CAMEO quad class (as in the escalation figures), label = category and modality
    (``threaten · conditional``); hover for the CAMEO code, score and actors. Neutral
    statements are left out unless ``include_statements``.

    Example:
        >>> cues = pd.DataFrame({"start": [0], "end": [6], "quad_class": ["verbal_conflict"],
        ...     "cameo": ["130"], "modality": ["conditional"], "category": ["threaten"]})
        >>> ">threaten · conditional</span>" in escalation("Threat <b>", cues)
        True
    """
    c = cues if include_statements or "quad_class" not in cues else cues[cues["quad_class"] != "statement"]
    return highlight(text, c, layer="escalation", doc_id=doc_id, legend=legend)


def kwic(conc: pd.DataFrame, *, max_rows: int = 500) -> HTML:
    """An HTML table of concordance lines (from :func:`toolkit.stats.kwic`), keyword centred.

    Example:
        >>> c = pd.DataFrame({"doc_id": ["d"], "left": ["<b>"], "keyword": ["x"], "right": ["&"]})
        >>> "&lt;b&gt;" in kwic(c) and "<b>" not in kwic(c)
        True
    """
    rows = conc.head(max_rows)[["doc_id", "left", "keyword", "right"]].astype(str).to_dict("records")
    return HTML(template("kwic.html.j2").render(n=len(conc), rows=rows))


def report_index(**context) -> str:
    """The report's ``index.html`` from ``templates/index.html.j2`` (every value escaped).

    The context names are those of the template: ``corpus``, ``failed``, ``n_documents``,
    ``load_summary``, ``meta_rows``, ``notebooks``, ``figures``, ``articles``, ``tables``.

    Example:
        >>> page_ = report_index(corpus="<x>", failed=0, n_documents=1, load_summary="", meta_rows=[],
        ...                      notebooks=[], figures=[], articles=[], tables=[])
        >>> "Report: &lt;x&gt;" in page_
        True
    """
    return str(template("index.html.j2").render(**context))


def default_layers(analysis) -> list[str]:
    """The span-level layers of ``analysis`` shown by default (:data:`DEFAULT_LAYERS` present).

    Example:
        >>> from toolkit import analyze
        >>> default_layers(analyze(pd.DataFrame({"text": ["Hi."]}), annotators=[]))
        []
    """
    return available_layers(analysis, [n for n in DEFAULT_LAYERS if n in analysis.tables])


def available_layers(analysis, layers: Iterable[str] | None = None) -> list[str]:
    """The annotation layers of ``analysis`` that can be highlighted (have doc_id + offsets).

    Example:
        >>> from toolkit import analyze
        >>> available_layers(analyze(pd.DataFrame({"text": ["Hi."]}), annotators=[]))
        []
    """
    names = list(layers) if layers is not None else [
        *[n for n in LAYERS if n in analysis.tables],
        *[n for n in analysis.tables if n not in LAYERS]]
    out = []
    for name in names:
        if name in ("documents", "sentences", "tokens", "load_report") or name not in analysis.tables:
            continue
        t = analysis.tables[name]
        if "doc_id" in t and (("start" in t and "end" in t)
                              or any(f"{p}_start" in t for p in QUOTE_PARTS)):
            out.append(name)
    return out


def article(analysis, doc_id: str | None = None, *, layers: Iterable[str] | None = None,
            labels: bool = True, where: Mapping | None = None) -> Article:
    """One document of ``analysis`` with the chosen layers highlighted.

    Args:
        analysis: an :class:`toolkit.Analysis`.
        doc_id: the document (default: the one with most annotation rows).
        layers: table names (default: :func:`default_layers`, the span-level layers mentions,
            quotes, frames, escalation, rhetoric); names that are absent are skipped; any
            other table with ``doc_id`` and offsets can be named too.
        labels: put a small label where each span starts.
        where: keep only rows whose columns equal these values, per column
            (``{"actor": "RUS"}``); layers without that column are left as they are.

    Example:
        >>> from toolkit import analyze
        >>> a = analyze(pd.DataFrame({"doc_id": ["x"], "text": ["<b>Hi</b>"]}), annotators=[])
        >>> "&lt;b&gt;" in article(a, "x").html()
        True
    """
    names = default_layers(analysis) if layers is None else available_layers(analysis, layers)
    texts = analysis.texts()
    if doc_id is None:
        doc_id = busiest_document(analysis, names)
    if str(doc_id) not in {str(k) for k in texts}:
        raise KeyError(f"`doc_id` value = {doc_id!r} is invalid; value must be one of "
                       f"{list(texts)[:10]}{' ...' if len(texts) > 10 else ''}")
    key = next(k for k in texts if str(k) == str(doc_id))
    tables = {n: _where(analysis.tables[n], where) for n in names}
    docs = analysis.documents
    row = docs[docs["doc_id"].astype(str) == str(doc_id)].iloc[0]
    title = row.get("title") if "title" in row and pd.notna(row.get("title")) and row.get("title") else str(doc_id)
    return render_document(str(doc_id), texts[key], tables, title=str(title), labels=labels)


def _where(table: pd.DataFrame, where: Mapping | None) -> pd.DataFrame:
    if not where:
        return table
    mask = pd.Series(True, index=table.index)
    for col, val in where.items():
        if val is None or col not in table:
            continue
        mask &= table[col].astype(str) == str(val)
    return table[mask]


def busiest_document(analysis, layers: Iterable[str] | None = None) -> str:
    """The doc_id with the most annotation rows in ``layers`` (the first document if none).

    Example:
        >>> from toolkit import analyze
        >>> busiest_document(analyze(pd.DataFrame({"doc_id": ["a"], "text": ["Hi."]}), annotators=[]))
        'a'
    """
    counts = pd.Series(dtype="int64")
    for n in available_layers(analysis, layers):
        counts = counts.add(analysis.tables[n]["doc_id"].astype(str).value_counts(), fill_value=0)
    if counts.empty:
        return str(analysis.documents["doc_id"].iloc[0])
    return str(counts.sort_values(ascending=False, kind="stable").index[0])


def sentences_html(analysis, doc_id: str, *, layers: Iterable[str] | None = None,
                   actor: str | None = None, frame: str | None = None, labels: bool = True) -> str:
    """The sentences of ``doc_id`` that mention ``actor`` / carry ``frame``, highlighted.

    ``actor`` matches the ``actor`` column of mentions and the ``speaker_actor``,
    ``source_actor`` and ``target_actor`` columns of other tables; ``frame`` matches the
    ``frame`` column. Without filters every sentence is shown.

    Example:
        >>> from toolkit import analyze
        >>> a = analyze(pd.DataFrame({"doc_id": ["x"], "text": ["One. Two."]}), annotators=[])
        >>> sentences_html(a, "x").count('class="tk-sentence"')
        2
    """
    names = default_layers(analysis) if layers is None else available_layers(analysis, layers)
    text = analysis.texts()[next(k for k in analysis.texts() if str(k) == str(doc_id))]
    sents = analysis.sentences
    sents = sents[sents["doc_id"].astype(str) == str(doc_id)]
    tables = {n: analysis.tables[n][analysis.tables[n]["doc_id"].astype(str) == str(doc_id)] for n in names}
    keep = pd.Series(True, index=sents.index)
    for value, cols in ((actor, ("actor", "speaker_actor", "source_actor", "target_actor")),
                        (frame, ("frame",))):
        if not value:
            continue
        hit = pd.Series(False, index=sents.index)
        for t in [analysis.tables[n] for n in analysis.tables if n not in ("documents", "load_report")]:
            t = t[t["doc_id"].astype(str) == str(doc_id)] if "doc_id" in t else t.iloc[0:0]
            for col in cols:
                if col not in t:
                    continue
                rows = t[t[col].astype(str) == str(value)]
                for s, e in _row_offsets(rows):
                    hit |= (sents["start"] < e) & (sents["end"] > s)
        keep &= hit
    spans = [sp for n, t in tables.items() for sp in spans_from(n, t)]
    order = list(tables)
    sentences = [{"sent_id": int(s["sent_id"]),
                  "segments": _segments(text[s["start"]:s["end"]], spans, offset=int(s["start"]),
                                        labels=labels, layer_order=order)}
                 for _, s in sents[keep].iterrows()]
    return HTML(template("sentences.html.j2").render(css=css(), legend=legend(spans, layer_order=order),
                                                     n_layers=_n(order),
                                                     sentences=sentences))


def _row_offsets(rows: pd.DataFrame) -> list[tuple[int, int]]:
    out = []
    if "start" in rows and "end" in rows:
        out += [(int(s), int(e)) for s, e in zip(rows["start"], rows["end"]) if pd.notna(s) and pd.notna(e)]
    for p in QUOTE_PARTS:
        if f"{p}_start" in rows:
            out += [(int(s), int(e)) for s, e in zip(rows[f"{p}_start"], rows[f"{p}_end"])
                    if pd.notna(s) and pd.notna(e)]
    return out


def _options(analysis, table: str, column: str) -> list[str]:
    if table in analysis.tables and column in analysis.tables[table]:
        return sorted(analysis.tables[table][column].dropna().astype(str).unique())
    return []


def explorer(analysis):
    """A small ipywidgets panel: pick a document, layers, an actor and a frame.

    The panel shows the matching sentences of the document with their highlights. Picking an
    actor or a frame narrows the document list to the documents that have it.

    Returns:
        An ``ipywidgets.VBox`` (display it as the last line of a notebook cell); its
        ``.refresh()`` re-renders, and ``.html`` holds the current HTML widget.

    Example:
        >>> from toolkit import analyze
        >>> box = explorer(analyze(pd.DataFrame({"text": ["One. Two."]}), annotators=[]))
        >>> "tk-sentence" in box.html.value
        True
    """
    import ipywidgets as w

    layers = available_layers(analysis)
    docs = analysis.documents["doc_id"].astype(str).tolist()
    any_ = "(any)"
    actor = w.Dropdown(options=[any_, *_options(analysis, "mentions", "actor")], description="actor")
    frame = w.Dropdown(options=[any_, *_options(analysis, "frames", "frame")], description="frame")
    doc = w.Dropdown(options=docs, description="document")
    chosen = w.SelectMultiple(options=layers, value=tuple(default_layers(analysis)), description="layers",
                              rows=min(6, max(2, len(layers))))
    out = w.HTML()

    def docs_with(col_table: str, col: str, value: str) -> set[str]:
        t = analysis.tables.get(col_table)
        if value == any_ or t is None or col not in t:
            return set(docs)
        return set(t.loc[t[col].astype(str) == value, "doc_id"].astype(str))

    def refresh(*_):
        allowed = [d for d in docs if d in docs_with("mentions", "actor", actor.value)
                   and d in docs_with("frames", "frame", frame.value)]
        if list(doc.options) != allowed:
            current = doc.value
            doc.options = allowed
            if current in allowed:
                doc.value = current
        if not doc.value:
            out.value = "<i>no document has the chosen actor and frame</i>"
            return
        out.value = sentences_html(analysis, doc.value, layers=list(chosen.value),
                                   actor=None if actor.value == any_ else actor.value,
                                   frame=None if frame.value == any_ else frame.value)

    for widget in (actor, frame, doc, chosen):
        widget.observe(refresh, names="value")
    box = w.VBox([w.HBox([doc, actor, frame]), chosen, out])
    box.refresh = refresh
    box.html = out
    box.controls = {"document": doc, "actor": actor, "frame": frame, "layers": chosen}
    refresh()
    return box
