"""Every escalation.csv row can fire: matched in a sentence written from its own pattern and
kept there by the lexicon's own ranking (the row listed first wins a span). A row that an
earlier row with the same keys always outranks is dead data (1.29.0's `approve ... arms sale`,
listed after `approve ... sale`, never fired); plural forms the lemmatizer of one backend leaves
alone are alternatives of one row (`lodge ... representation|representations`), so this holds
with WordNet and without it."""
from __future__ import annotations

from toolkit import lexicon
from toolkit.escalation import _dedupe_spans
from toolkit.tokenize import tokenize_documents


def _sentences(lex):
    """``(doc_id, text, entry_id)``: each row's pattern with nothing and with a filler name in
    its gaps, for each alternative position."""
    ents = lex.entries
    written = ents["entry"].tolist()
    if "pattern" in ents:
        written = [p if isinstance(p, str) and p else e for p, e in zip(ents["pattern"], written)]
    for eid, entry in zip(ents["entry_id"].tolist(), written):
        parts = lexicon.entry_parts(entry)
        width = max(len(alts) for slots in parts for alts in slots)
        for pick in range(width):
            for fill in ([" ", " Zelbrin "] if len(parts) > 1 else [" "]):
                words = fill.join(" ".join(a[min(pick, len(a) - 1)] for a in slots) for slots in parts)
                text = f"Orsk {words}" + ("" if words.endswith((".", "!", "?")) else " .")
                yield f"e{eid}.{pick}.{len(fill)}", text, eid


def test_every_escalation_row_can_fire():
    lex = lexicon.load("escalation")
    rows = list(_sentences(lex))
    _, toks = tokenize_documents([d for d, _, _ in rows], [t for _, t, _ in rows])
    hits = _dedupe_spans(lex.find(toks, {d: t for d, t, _ in rows}))
    fired = set(zip(hits["doc_id"], hits["entry_id"]))
    alive = {eid for d, _, eid in rows if (d, eid) in fired}
    dead = [f"line {eid + 2}: {lex.entries['entry'][eid]!r}" for eid in lex.entries["entry_id"]
            if eid not in alive]
    assert dead == [], "rows that never fire (an earlier row with the same keys wins): " + "; ".join(dead)


def test_arms_sale_row_outranks_the_general_sale_row():
    t = "Velmar approved the arms sales to Orsk. Tarsk approved the sale of the port."
    _, toks = tokenize_documents(["d"], [t])
    hits = _dedupe_spans(lexicon.load("escalation").find(toks, {"d": t}))
    got = [(h.text, h.cameo) for h in hits.itertuples() if h.entry.startswith("approve")]
    assert got == [("approved the arms sales", "072"), ("approved the sale", "062")]
