"""show: highlighted articles (escaped, overlapping spans, any table with offsets) and the explorer."""
from __future__ import annotations

import html
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import show
from toolkit.pipeline import Analysis

TEXT = 'Moscow warned Washington it would respond "accordingly" if strikes went ahead.'


def _at(sub: str, text: str = TEXT, **cols) -> dict:
    start = text.index(sub)
    return {"doc_id": "d1", "start": start, "end": start + len(sub), "text": sub, **cols}


MENTIONS = pd.DataFrame([_at("Moscow", actor="RUS", actor_type="state"),
                         _at("Washington", actor="USA", actor_type="state")])
ESCALATION = pd.DataFrame([_at("warned", category="warning", modality="asserted", cameo="130"),
                           _at('respond "accordingly"', category="threat", modality="conditional",
                               source="escalation@0.1.0")])
FRAMES = pd.DataFrame([_at("strikes went ahead", frame="security_and_defense")])
QUOTES = pd.DataFrame([{"doc_id": "d1", "quote_id": 0, "kind": "indirect", "speaker": "Moscow",
                        "speaker_start": 0, "speaker_end": 6, "speaker_actor": "RUS", "cue": "warned",
                        "cue_start": 7, "cue_end": 13, "cue_class": "warning",
                        "content": TEXT[14:78], "content_start": 14, "content_end": 78},
                       {"doc_id": "d1", "quote_id": 1, "kind": "scare", "speaker": None,
                        "speaker_start": None, "speaker_end": None, "speaker_actor": None, "cue": None,
                        "cue_start": None, "cue_end": None, "cue_class": None,
                        "content": "accordingly", "content_start": 43, "content_end": 54}])


def _analysis(text: str = TEXT, **tables) -> Analysis:
    docs = pd.DataFrame({"doc_id": ["d1"], "text": [text], "title": ["Kremlin <warns>"]})
    sents = pd.DataFrame({"doc_id": ["d1"], "sent_id": [0], "start": [0], "end": [len(text)], "text": [text]})
    return Analysis(tables={"documents": docs, "sentences": sents, **tables})


def _visible_text(fragment: str) -> str:
    """What a reader sees, minus the span labels: tags removed, entities decoded."""
    no_labels = re.sub(r'<span class="tk-label[^"]*"[^>]*>.*?</span>', "", fragment)
    return html.unescape(re.sub(r"<[^>]+>", "", no_labels))


def test_quote_parts_become_spans():
    spans = show.spans_from("quotes", QUOTES, "d1")
    labels = [(s.label, TEXT[s.start:s.end]) for s in spans]
    assert labels == [("speaker: RUS", "Moscow"), ("warning", "warned"), ("indirect", TEXT[14:78]),
                      ("scare", "accordingly")]


@pytest.mark.parametrize("layer, table, expected", [
    ("mentions", MENTIONS, ["RUS", "USA"]),
    ("escalation", ESCALATION, ["warning", "threat · conditional"]),
    ("frames", FRAMES, ["security_and_defense"]),
    ("anything", pd.DataFrame([_at("Moscow", label="x")]), ["x"]),
    ("anything", pd.DataFrame([_at("Moscow")]), ["anything"]),
    ("mentions", pd.DataFrame([{**_at("Moscow", actor="RUS"), "start": None}]), []),
    ("mentions", MENTIONS.assign(doc_id="other"), []),
])
def test_labels_per_layer(layer, table, expected):
    assert [s.label for s in show.spans_from(layer, table, "d1")] == expected


def test_tooltip_has_the_row_details_but_no_offsets():
    sp = show.spans_from("escalation", ESCALATION, "d1")[1]
    assert sp.details[0] == '[escalation] respond "accordingly"'
    assert "modality: conditional" in sp.details and sp.source == "escalation@0.1.0"
    assert not any(d.startswith(("start:", "end:", "doc_id:", "source:")) for d in sp.details)
    # the lexicon version is said once, in the layer's legend entry
    assert "(source: escalation@0.1.0)" in show.legend(show.spans_from("escalation", ESCALATION, "d1"))


def test_every_layer_on_one_article():
    art = show.article(_analysis(mentions=MENTIONS, quotes=QUOTES, frames=FRAMES, escalation=ESCALATION))
    page = art.html()
    assert art.layers == ("mentions", "quotes", "frames", "escalation")
    assert art.n_spans == 2 + 4 + 1 + 2
    for label in ("RUS", "speaker: RUS", "threat · conditional", "security_and_defense", "scare"):
        assert f">{html.escape(label)}</span>" in page
    assert _visible_text(art.body) == TEXT
    assert "Kremlin &lt;warns&gt;" in page
    assert art._repr_html_() == page


def _stripes(classes: str) -> list[int]:
    """The layer numbers of a segment's stripe classes (``s<layer>-<colour>``)."""
    return [int(c[1:].split("-")[0]) for c in classes.split() if re.fullmatch(r"s\d+-\d+", c)]


def test_overlapping_spans_are_cut_into_segments():
    spans = [show.Span(0, 13, "escalation", "warning"), show.Span(7, 24, "frames", "security"),
             show.Span(7, 13, "mentions", "X")]
    body = show.render(TEXT, spans, labels=False, layer_order=["escalation", "frames", "mentions"])
    segs = re.findall(r'<span class="tk-span ([^"]*)"[^>]*>([^<]*)</span>', body)
    assert [(_stripes(c), t) for c, t in segs] == [([0], "Moscow "), ([0, 1, 2], "warned"),
                                                   ([1], " Washington")]
    assert _visible_text(body) == TEXT


def test_innermost_span_gives_the_background():
    spans = [show.Span(0, 24, "frames", "economic"), show.Span(7, 13, "escalation", "threat")]
    body = show.render(TEXT, spans, labels=False)
    warned = re.search(r'class="tk-span ([^"]*)"[^>]*>warned<', body).group(1).split()
    g = next(c for c in warned if re.fullmatch(r"g\d+", c))
    assert show.COLOURS[int(g[1:])] == "#D55E00"  # threat's colour, not the frame's
    assert "f1" in warned  # and its layer's checkbox (the second) turns it off
    assert ".g3{--fg:#D55E00;--bg:#D55E0033}" in show.css()


def test_page_is_light_and_has_a_toggle_per_layer():
    art = show.article(_analysis(mentions=MENTIONS, quotes=QUOTES, frames=FRAMES, escalation=ESCALATION))
    page = art.page()
    assert page.count('type="checkbox"') == 4
    assert "style=\"" not in art.body  # classes, not inline styles
    assert "<script" not in page
    for k in range(4):
        assert f".tk-article:has(.tk-t{k}:not(:checked)) .tk-label.t{k}{{display:none}}" in show.css()


@pytest.mark.parametrize("layer, table, label", [
    ("frames", FRAMES.assign(negated=True, in_quote=False), "security_and_defense · negated"),
    ("frames", FRAMES.assign(negated=False, in_quote=True), "security_and_defense · in quote"),
    ("escalation", ESCALATION.iloc[1:], "threat · conditional"),
])
def test_one_layer_highlight(layer, table, label):
    out = show.highlight(TEXT, table, layer=layer, doc_id="d1")
    assert f">{html.escape(label)}</span>" in out
    assert _visible_text(out.split('<div class="tk-text">')[1]).rstrip("\n") == TEXT


def test_escalation_colours_are_the_quad_class_colours_of_the_figures():
    from toolkit import style
    cues = ESCALATION.assign(quad_class=["verbal_conflict", "material_conflict"])
    spans = show.spans_from("escalation", cues, "d1")
    assert [sp.color for sp in spans] == [style.style("verbal_conflict").color,
                                          style.style("material_conflict").color]
    assert "statement" not in show.escalation(TEXT, cues.assign(quad_class="statement"), doc_id="d1")


def test_spans_outside_the_text_are_clipped():
    body = show.render("abc", [show.Span(-5, 2, "x", "a"), show.Span(2, 99, "x", "b")], labels=False)
    assert _visible_text(body) == "abc"


PAYLOADS = ['<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned=2">',
            '" onmouseover="alert(1)', "</span><b>bold</b>", "&amp; &lt;", "It's 'scare' \"quoted\""]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_text_labels_and_tooltips_are_escaped(payload):
    text = f"Before {payload} after."
    table = pd.DataFrame([_at(payload, text, category=payload, note=payload)])
    art = show.render_document("d1", text, {payload: table}, title=payload)
    page = art.page()
    assert "<script" not in page and "<img" not in page
    if "<" in payload or '"' in payload:
        assert payload not in page
    assert _visible_text(art.body) == text
    # every attribute value stays one attribute: no quote from the text closes it
    for attr in re.findall(r'title="([^"]*)"', page):
        assert html.unescape(attr).count(payload) >= 1


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=80),
       raw=st.lists(st.tuples(st.integers(-3, 90), st.integers(0, 40),
                              st.sampled_from(["mentions", "frames", "quotes"])), max_size=8))
def test_rendering_never_changes_the_text(text, raw):
    spans = [show.Span(s, s + n, layer, f"{layer}{s}") for s, n, layer in raw]
    body = show.render(text, spans)
    assert _visible_text(body) == text.replace("\r", "\r")


def test_available_layers_and_busiest_document():
    a = _analysis(mentions=MENTIONS, stats=pd.DataFrame({"lemma": ["x"]}))
    assert show.available_layers(a) == ["mentions"]
    assert show.busiest_document(a) == "d1"


def test_article_names_valid_documents():
    with pytest.raises(KeyError, match="`doc_id` value = 'nope' is invalid"):
        show.article(_analysis(), "nope")


def test_where_filters_one_actor():
    art = show.article(_analysis(mentions=MENTIONS), "d1", where={"actor": "USA"})
    assert art.n_spans == 1


@pytest.mark.parametrize("actor, frame, n", [(None, None, 3), ("USA", None, 1), ("RUS", None, 2),
                                             (None, "security_and_defense", 1), ("FRA", None, 0)])
def test_sentences_filtered_by_actor_and_frame(actor, frame, n):
    text = "Moscow warned Washington. Paris said nothing. Strikes went ahead."
    sents = pd.DataFrame({"doc_id": ["d1"] * 3, "sent_id": [0, 1, 2], "start": [0, 26, 46],
                          "end": [25, 45, 65]})
    sents["text"] = [text[s:e] for s, e in zip(sents["start"], sents["end"])]
    mentions = pd.DataFrame([_at("Moscow", text, actor="RUS"), _at("Washington", text, actor="USA")])
    quotes = QUOTES.iloc[:1].assign(content_start=26, content_end=45)  # RUS speaker, sentence 1
    frames = pd.DataFrame([_at("Strikes went ahead", text, frame="security_and_defense")])
    a = Analysis(tables={"documents": pd.DataFrame({"doc_id": ["d1"], "text": [text]}), "sentences": sents,
                         "mentions": mentions, "quotes": quotes, "frames": frames})
    out = show.sentences_html(a, "d1", actor=actor, frame=frame)
    assert out.count('class="tk-sentence"') == n


def test_explorer_narrows_documents_and_renders():
    a = _analysis(mentions=MENTIONS, frames=FRAMES)
    box = show.explorer(a)
    assert "tk-sentence" in box.html.value and "RUS" in box.html.value
    box.controls["layers"].value = ("frames",)
    assert ">RUS</span>" not in box.html.value
    box.controls["actor"].value = "USA"
    assert list(box.controls["document"].options) == ["d1"]
    box.controls["frame"].value = "security_and_defense"
    assert "tk-sentence" in box.html.value


def test_saved_page_is_standalone(tmp_path):
    art = show.article(_analysis(mentions=MENTIONS))
    path = art.save(tmp_path / f"{art.slug}.html")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'charset="utf-8"' in page
    assert "http://" not in page and "https://" not in page and "<script" not in page


@pytest.mark.parametrize("module", ["actors", "quotes", "framing", "escalation", "rhetoric"])
def test_annotators_import_no_views(module):
    """Views leave the rules: annotators take colours from toolkit.style, never figures or show."""
    import ast
    from pathlib import Path

    import toolkit

    tree = ast.parse((Path(toolkit.__file__).parent / f"{module}.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            imported |= {node.module or ""} | {f"{node.module or ''}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            imported |= {a.name for a in node.names}
    assert not {n for n in imported if n.split(".")[-1] in ("figures", "show")}
