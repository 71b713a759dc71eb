"""An article as HTML with chosen annotation layers highlighted, and a small explorer.

:func:`article` renders one document with any annotation tables that point into it with
``doc_id``/``start``/``end`` (mentions, frames, escalation, ...) or with ``<part>_start``/
``<part>_end`` pairs (quotes: speaker, cue, content). Every span gets the colour of its
category from :func:`toolkit.figures.style` (so "threat" looks the same as in the figures), a
small text label where it starts (readable without colour), an underline stripe per layer, and
a tooltip (the ``title`` attribute) with the row's details. Overlapping and nested spans are
cut into elementary segments, each carrying every span that covers it.

The text is always escaped with :func:`html.escape`: an article containing ``<script>`` shows
it as text. The output is plain HTML with inline styles and no script, so it renders the same
in JupyterLab (``_repr_html_``), in exported notebooks and in a browser.

:func:`explorer` is an ipywidgets panel: pick a document, layers, an actor and a frame; it
shows the matching sentences with their highlights.

Notes:
    The span model follows spaCy's ``doc.spans[key]`` (overlapping layers side by side) and
    displaCy's span renderer (stacked underlines per layer).
"""
from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .figures import style

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
GENERIC_LABELS = ("category", "label", "frame", "actor", "kind", "cue_class", "type")
# Columns appended to a label, e.g. "threat · conditional" for escalation cues with modality.
QUALIFIER_COLUMNS: dict[str, tuple[str, ...]] = {"escalation": ("modality",)}
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
_MAX_TIP = 12


@dataclass(frozen=True)
class Span:
    """One highlighted span: where, which layer, its label and its tooltip lines."""

    start: int
    end: int
    layer: str
    label: str
    details: tuple[str, ...] = ()

    @property
    def color(self) -> str:
        return style(self.label.split(" · ")[0]).color

    @property
    def coarse(self) -> bool:
        return self.end - self.start >= COARSE_CHARS and self.layer != "quotes"


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:.3g}"
    return str(v)


def _label(layer: str, row: Mapping) -> str:
    cols = LABEL_COLUMNS.get(layer, ()) + GENERIC_LABELS
    base = next((str(row[c]) for c in cols if c in row and pd.notna(row[c]) and str(row[c]) != ""), layer)
    quals = [str(row[c]) for c in QUALIFIER_COLUMNS.get(layer, ()) if c in row and pd.notna(row[c])
             and str(row[c]) not in ("", "asserted")]
    return " · ".join([base, *quals])


def _details(layer: str, row: Mapping, skip: Iterable[str] = ()) -> tuple[str, ...]:
    lines = [f"[{layer}] {row.get('text', '')!s}"[:200] if "text" in row else f"[{layer}]"]
    for k, v in row.items():
        if k in _HIDDEN or k in skip or k.endswith(("_start", "_end")):
            continue
        if v is None or (not isinstance(v, (list, tuple, dict)) and pd.isna(v)) or str(v) == "":
            continue
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
                            _details(layer, row)))
            continue
        for part in parts:
            s, e = row.get(f"{part}_start"), row.get(f"{part}_end")
            if s is None or e is None or pd.isna(s) or pd.isna(e):
                continue
            if part == "speaker":
                who = row.get("speaker_actor")
                who = who if who is not None and pd.notna(who) and who != "" else row.get("speaker", "")
                label = f"speaker: {who}" if who else "speaker"
            elif part == "cue":
                label = str(row.get("cue_class") or "cue") if pd.notna(row.get("cue_class")) else "cue"
            else:
                label = str(row.get("kind") or "quote") if pd.notna(row.get("kind")) else "quote"
            out.append(Span(int(s), int(e), layer, label, (f"[{layer}: {part}]",) + _details(layer, row)[1:]))
    return out


def _colour_key(span: Span) -> str:
    if span.label.startswith("speaker"):
        return "speaker"
    return span.label.split(" · ")[0]


def render(text: str, spans: Sequence[Span], *, offset: int = 0, labels: bool = True,
           layer_order: Sequence[str] | None = None) -> str:
    """HTML for ``text`` with ``spans`` highlighted; ``offset`` is the text's start in the doc.

    Spans may overlap or nest; spans outside ``text`` are clipped. Each elementary segment gets
    the background of the innermost (shortest) span covering it and one underline stripe per
    covering layer; where a span starts, a small label names it.

    Example:
        >>> html_ = render("A <b> warned", [Span(6, 12, "escalation", "warning")])
        >>> "&lt;b&gt;" in html_ and "<b>" not in html_
        True
    """
    n = len(text)
    clipped = []
    for sp in spans:
        s, e = max(0, sp.start - offset), min(n, sp.end - offset)
        if e > s:
            clipped.append((s, e, sp))
    order = list(layer_order or dict.fromkeys(sp.layer for _, _, sp in clipped))
    bounds = sorted({0, n, *[s for s, _, _ in clipped], *[e for _, e, _ in clipped]})
    starts: dict[int, list[Span]] = {}
    for s, _, sp in sorted(clipped, key=lambda t: (t[0], -(t[1] - t[0]))):
        starts.setdefault(s, []).append(sp)
    pieces = []
    for a, b in itertools.pairwise(bounds):
        seg = html.escape(text[a:b], quote=True)
        cover = [(s, e, sp) for s, e, sp in clipped if s <= a and e >= b]
        if labels:
            for sp in starts.get(a, []):
                if sp.coarse:
                    continue
                c = style(_colour_key(sp)).color
                pieces.append(f'<span class="tk-label" style="font-size:0.68em;font-weight:600;'
                              f'color:#222;border:1px solid {c};border-radius:3px;padding:0 2px;'
                              f'margin-right:1px;vertical-align:super;line-height:1;white-space:nowrap">'
                              f'{html.escape(sp.label)}</span>')
        if not cover:
            pieces.append(seg)
            continue
        fine = [t for t in cover if not t[2].coarse]
        inner = min(fine, key=lambda t: t[1] - t[0])[2] if fine else None
        stripes, tip = [], []
        for k, layer in enumerate(order):
            layer_spans = [sp for _, _, sp in cover if sp.layer == layer]
            if layer_spans:
                stripes.append(f"inset 0 -{2 * (k + 1)}px 0 {layer_spans[0].color}")
                for sp in layer_spans:
                    tip.extend(sp.details or (f"[{sp.layer}] {sp.label}",))
        # 20% alpha keeps black text readable on every palette colour
        bg = inner.color + "33" if inner is not None else "transparent"
        title = html.escape("\n".join(tip), quote=True)
        layers_attr = html.escape(" ".join(dict.fromkeys(sp.layer for _, _, sp in cover)), quote=True)
        pieces.append(f'<span class="tk-span" data-layers="{layers_attr}" title="{title}" '
                      f'style="background:{bg};box-shadow:{",".join(stripes)};'
                      f'padding-bottom:{2 * len(stripes)}px">{seg}</span>')
    return "".join(pieces)


def legend(spans: Sequence[Span], *, layer_order: Sequence[str] | None = None) -> str:
    """HTML legend: each layer (its stripe position) and the labels shown, with their colours.

    Example:
        >>> "threat" in legend([Span(0, 1, "escalation", "threat")])
        True
    """
    order = list(layer_order or dict.fromkeys(sp.layer for sp in spans))
    rows = []
    for k, layer in enumerate(order):
        labels = list(dict.fromkeys(_colour_key(sp) for sp in spans if sp.layer == layer))
        if not labels:
            continue
        chips = "".join(
            f'<span style="display:inline-block;margin:0 6px 2px 0;padding:0 4px;border-radius:3px;'
            f'background:{style(lab).color}33;border:1px solid {style(lab).color}">{html.escape(lab)}</span>'
            for lab in labels[:30])
        more = f" … +{len(labels) - 30}" if len(labels) > 30 else ""
        rows.append(f'<div><b>{html.escape(layer)}</b> <span style="color:#555">(stripe {k + 1})</span>: '
                    f'{chips}{html.escape(more)}</div>')
    return ('<div class="tk-legend" style="font:12px sans-serif;margin:4px 0 8px 0">'
            + ("".join(rows) or "<i>no annotations in the chosen layers</i>") + "</div>")


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
        """The HTML fragment (legend + text)."""
        return (f'<div class="tk-article" style="font:15px/1.9 Georgia,serif;max-width:52em">'
                f'<div style="font:600 16px sans-serif">{html.escape(self.title)}</div>'
                f'<div style="font:12px sans-serif;color:#555">{html.escape(self.doc_id)} · '
                f'layers: {html.escape(", ".join(self.layers) or "none")} · {self.n_spans} spans · '
                f'hover a highlight for details</div>{self.legend_html}'
                f'<div class="tk-text" style="white-space:pre-wrap">{self.body}</div></div>')

    def page(self) -> str:
        """A complete HTML page (UTF-8, no script, no external resources)."""
        return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                f"<title>{html.escape(self.title)}</title>"
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                "style-src 'unsafe-inline'; img-src data:\">"
                f"</head><body style=\"margin:2em\">{self.html()}</body></html>\n")

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
        >>> sentences_html(a, "x").count("tk-sentence")
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
    out = []
    for _, s in sents[keep].iterrows():
        body = render(text[s["start"]:s["end"]], spans, offset=int(s["start"]), labels=labels,
                      layer_order=list(tables))
        out.append(f'<div class="tk-sentence" style="margin:0 0 6px 0"><span style="color:#777;'
                   f'font:11px sans-serif">{int(s["sent_id"])}</span> {body}</div>')
    head = legend(spans, layer_order=list(tables))
    if not out:
        return head + "<p><i>no sentence matches the chosen actor/frame in this document</i></p>"
    return head + '<div style="font:15px/1.9 Georgia,serif;white-space:pre-wrap">' + "".join(out) + "</div>"


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
