"""Human coding on your own corpus: sample, coding sheets, agreement, the toolkit's accuracy.

The workflow (notebook ``7.0-validate-on-your-corpus``):

1. :func:`prepare_units` - one row per sentence (or document) with its context and the
   toolkit's label for a layer (:func:`layer_labels` finds one: an annotation table, a bundled
   lexicon, or, when neither exists, sentence-length bins);
2. :func:`draw_sample` - a stratified random sample (equal or proportional allocation), with
   sampling weights;
3. :func:`export_sheet` - a coding sheet (CSV + XLSX with a codebook sheet and drop-down lists)
   for coders, and a separate **key file** with the toolkit's labels;
4. :func:`read_sheets` - the filled sheets of several coders, validated (an unknown code stops
   with the file and row);
5. :func:`agreement` - percent agreement, Cohen's kappa and Krippendorff's alpha between every
   pair of coders, between each coder and the toolkit, and for all coders together, with
   bootstrap intervals; :func:`adjudicate` and :func:`toolkit_scores` - majority-vote gold codes
   and the toolkit's precision/recall against them.

Why the toolkit's label lives in a separate key file, not a hidden column: coders who see a
machine label anchor on it (automation bias), which inflates coder-toolkit agreement; a hidden
XLSX column is one right-click from visible and CSV cannot hide columns at all. The sheet
carries only ``unit_id``; the key joins back on it after coding.

Notes:
    Cohen (1960), "A coefficient of agreement for nominal scales"; weighted kappa: Cohen (1968).
    Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability" (the worked examples the
    tests reproduce); thresholds 0.667/0.800: Krippendorff (2004), Content Analysis, 2nd ed.,
    ch. 11. Bootstrap over units: Efron & Tibshirani (1993); Hayes & Krippendorff (2007)
    discuss bootstrapping alpha. Stratified sampling for validation: Grimmer & Stewart (2013),
    "Text as Data", Political Analysis 21(3), "validate, validate, validate".
"""
from __future__ import annotations

import csv
import itertools
import re
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .cells import restore_frame, safe_frame, spreadsheet_safe, spreadsheet_value  # noqa: F401 - public here too (coding sheets)

LEVELS = ("nominal", "ordinal", "interval")
TIE_RULES = ("flag", "lead")
ALLOCATIONS = ("equal", "proportional")
TOOLKIT = "toolkit"
NONE_CODE = "none"
SHEET_COLUMNS = ["unit_id", "doc_id", "sent_id", "start", "end", "context_before", "text",
                 "context_after"]
LENGTH_BINS = (0, 10, 20, 30, 10_000)
AGREEMENT_COLUMNS = ["comparison", "coder_a", "coder_b", "measure", "value", "ci_low", "ci_high",
                     "n_units", "level"]
# Layers tried by layer="auto", in order: annotation tables, then bundled lexicons.
AUTO_LAYERS = ("escalation", "framing", "frames", "rhetoric")


class CodingError(ValueError):
    """A coding sheet is malformed; the message names the file and the row."""


# ----------------------------------------------------------------------------- units and labels

def sentence_labels(sentences: pd.DataFrame, annotations: pd.DataFrame, *, column: str = "category",
                    none: str = NONE_CODE, order: Sequence[str] | None = None) -> pd.Series:
    """One toolkit label per sentence from an annotation table (long form, many rows per sentence).

    The label is the most frequent ``column`` value among the sentence's annotation rows; ties
    go to the value listed first in ``order`` (the codebook order), else alphabetically first;
    sentences without a row get ``none``.

    Example:
        >>> s = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [0, 1], "start": [0, 10], "end": [9, 20]})
        >>> a = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "category": ["threat"]})
        >>> sentence_labels(s, a).tolist()
        ['threat', 'none']
    """
    if column not in annotations:
        raise ValueError(f"`column` value = {column!r} is invalid; value must be one of {list(annotations.columns)}")
    ann = annotations
    if "sent_id" not in ann:
        # Map character offsets to the sentence that contains them.
        ann = ann.copy()
        ann["sent_id"] = -1
        for doc, grp in sentences.groupby("doc_id", sort=False):
            rows = ann["doc_id"] == doc
            starts = grp["start"].to_numpy()
            idx = np.searchsorted(starts, ann.loc[rows, "start"].to_numpy(), side="right") - 1
            ann.loc[rows, "sent_id"] = grp["sent_id"].to_numpy()[np.clip(idx, 0, len(starts) - 1)]
    rank = {c: i for i, c in enumerate(order or [])}
    counts = ann.groupby(["doc_id", "sent_id", column]).size().rename("n").reset_index()
    counts["rank"] = counts[column].map(lambda c: rank.get(c, len(rank)))
    counts = counts.sort_values(["doc_id", "sent_id", "n", "rank", column],
                                ascending=[True, True, False, True, True], kind="stable")
    best = counts.drop_duplicates(["doc_id", "sent_id"]).set_index(["doc_id", "sent_id"])[column]
    keys = pd.MultiIndex.from_arrays([sentences["doc_id"], sentences["sent_id"]])
    return pd.Series(best.reindex(keys).fillna(none).to_numpy(object), index=sentences.index, name="toolkit_label")


def length_bins(texts: pd.Series, *, bins: Sequence[int] = LENGTH_BINS) -> pd.Series:
    """Sentence-length classes by white-space words (``"1-10 words"`` ...), an ordinal fallback layer.

    Example:
        >>> length_bins(pd.Series(["one two", " ".join(["w"] * 25)])).tolist()
        ['1-10 words', '21-30 words']
    """
    n = texts.astype(str).str.split().str.len()
    labels = [f"{a + 1}-{b} words" if b < bins[-1] else f"over {a} words" for a, b in itertools.pairwise(bins)]
    return pd.cut(n, bins=list(bins), labels=labels, include_lowest=True).astype(object).rename("toolkit_label")


def length_codebook(*, bins: Sequence[int] = LENGTH_BINS) -> pd.DataFrame:
    """Codebook for :func:`length_bins` (ordered, so ordinal alpha applies).

    Example:
        >>> length_codebook()["code"].tolist()[0]
        '1-10 words'
    """
    codes = length_bins(pd.Series([" ".join(["w"] * (b + 1)) for b in bins[:-1]]), bins=bins).tolist()
    return pd.DataFrame({"code": codes, "description": [f"the sentence has {c}" for c in codes]})


def codebook_from_lexicon(name_or_lexicon, *, none: str | None = NONE_CODE) -> pd.DataFrame:
    """Codebook table (``code, description``) from a lexicon's ``meta["categories"]``.

    Args:
        name_or_lexicon: a bundled lexicon name, a path, or a loaded :class:`toolkit.lexicon.Lexicon`.
        none: code for "no category applies" appended last (``None`` to leave it out).

    Example:
        >>> from toolkit.lexicon import from_records
        >>> lex = from_records("demo", [{"entry": "warn", "category": "threat"}])
        >>> codebook_from_lexicon(lex)["code"].tolist()
        ['threat', 'none']
    """
    from . import lexicon

    lex = name_or_lexicon if isinstance(name_or_lexicon, lexicon.Lexicon) else lexicon.load(name_or_lexicon)
    rows = [{"code": str(k), "description": str(v or "").strip()} for k, v in lex.categories.items()]
    if none is not None and none not in lex.categories:
        rows.append({"code": none, "description": "none of the categories applies"})
    out = pd.DataFrame(rows, columns=["code", "description"])
    out.attrs["source"] = lex.tag
    return out


def _codebook_frame(codebook) -> pd.DataFrame:
    if isinstance(codebook, pd.DataFrame):
        if "code" not in codebook:
            raise ValueError(f"codebook needs a `code` column; columns are {list(codebook.columns)}")
        cb = codebook.copy()
    elif isinstance(codebook, Mapping):
        cb = pd.DataFrame({"code": list(codebook), "description": [str(v) for v in codebook.values()]})
    else:
        cb = pd.DataFrame({"code": list(codebook)})
    if "description" not in cb:
        cb["description"] = ""
    cb["code"] = cb["code"].map(_clean_code)
    return cb.reset_index(drop=True)


def layer_labels(tables: Mapping[str, pd.DataFrame], layer: str = "auto", *,
                 column: str = "category") -> tuple[pd.Series, pd.DataFrame, str]:
    """The toolkit's per-sentence labels and codebook for a coding layer.

    ``layer`` names an annotation table in ``tables`` (with a ``column``), or a bundled lexicon
    (matched on the tokens), or ``"length"`` (sentence-length bins). ``"auto"`` tries
    :data:`AUTO_LAYERS` as tables, then as lexicons, and falls back to ``"length"``, which
    needs nothing but sentences: it demonstrates the workflow, it does not validate a measure.

    Returns:
        ``(labels aligned with tables["sentences"], codebook, description of the layer)``.

    Example:
        >>> import toolkit
        >>> a = toolkit.analyze(pd.DataFrame({"text": ["Short one. A second short one."]}), annotators=[])
        >>> labels, cb, what = layer_labels(a.tables, "length")
        >>> labels.tolist(), what.split(":")[0]
        (['1-10 words', '1-10 words'], 'length')
    """
    from . import lexicon

    sents = tables["sentences"]
    candidates = AUTO_LAYERS if layer == "auto" else (layer,)
    for name in candidates:
        if name in tables and column in tables[name]:
            cb = None
            if name in lexicon.names():
                cb = codebook_from_lexicon(name)
            order = None if cb is None else cb["code"].tolist()
            labels = sentence_labels(sents, tables[name], column=column, order=order)
            if cb is None:
                cb = pd.DataFrame({"code": [NONE_CODE], "description": ["none of the categories applies"]})
            # Labels the table has but the lexicon's categories lack still need a code.
            extra = sorted(set(labels) - set(cb["code"]))
            if extra:
                cb = pd.concat([pd.DataFrame({"code": extra, "description": ""}), cb], ignore_index=True)
            return labels, cb, f"{name}: the {column!r} of the {name!r} table"
    for name in candidates:
        if name in lexicon.names():
            lex = lexicon.load(name)
            texts = dict(zip(tables["documents"]["doc_id"], tables["documents"]["text"]))
            hits = lex.find(tables["tokens"], texts)
            cb = codebook_from_lexicon(lex)
            labels = sentence_labels(sents, hits, column="category", order=cb["code"].tolist())
            return labels, cb, f"{name}: categories of lexicon {lex.tag} matched on the sentences"
    if layer not in ("auto", "length"):
        raise ValueError(f"`layer` value = {layer!r} is invalid; value must be one of "
                         f"{sorted(set(tables) - {'documents', 'sentences', 'tokens', 'load_report'})}, "
                         f"a lexicon in {lexicon.names()}, 'length' or 'auto'")
    return (length_bins(sents["text"]).set_axis(sents.index), length_codebook(),
            "length: sentence-length bins (fallback layer: no annotation table or lexicon found)")


def prepare_units(sentences: pd.DataFrame, labels: pd.Series | None = None, *,
                  unit: str = "sentence", documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Coding units with ids, context and the toolkit's label.

    Args:
        sentences: the sentences table.
        labels: the toolkit's label per sentence (aligned with ``sentences``), e.g. from
            :func:`layer_labels`; ``None`` leaves ``toolkit_label`` empty.
        unit: ``"sentence"`` (context = previous and next sentence of the same document) or
            ``"document"`` (the label is the most frequent non-``none`` sentence label; needs
            ``documents``).
        documents: the documents table (for ``unit="document"``).

    Returns:
        ``unit_id, doc_id, sent_id, start, end, context_before, text, context_after,
        toolkit_label``; ``start``/``end`` are offsets into the document text.

    Example:
        >>> s = pd.DataFrame({"doc_id": ["d"] * 3, "sent_id": [0, 1, 2], "start": [0, 5, 10],
        ...                   "end": [4, 9, 14], "text": ["One.", "Two.", "Six."]})
        >>> prepare_units(s).loc[1, ["unit_id", "context_before", "text", "context_after"]].tolist()
        ['d:1', 'One.', 'Two.', 'Six.']
    """
    if unit not in ("sentence", "document"):
        raise ValueError(f"`unit` value = {unit!r} is invalid; value must be one of ['sentence', 'document']")
    s = sentences.reset_index(drop=True)
    lab = pd.Series([None] * len(s), dtype=object) if labels is None else pd.Series(list(labels), dtype=object)
    if unit == "document":
        if documents is None:
            raise ValueError("unit='document' needs documents=")
        tmp = pd.DataFrame({"doc_id": s["doc_id"], "label": lab})
        real = tmp[tmp["label"].notna() & (tmp["label"] != NONE_CODE)]
        top = real.groupby("doc_id")["label"].agg(lambda x: x.value_counts().sort_index().idxmax())
        docs = documents[["doc_id", "text"]].reset_index(drop=True)
        none = NONE_CODE if labels is not None else None
        return pd.DataFrame({"unit_id": docs["doc_id"].astype(str), "doc_id": docs["doc_id"], "sent_id": -1,
                             "start": 0, "end": docs["text"].str.len(), "context_before": "",
                             "text": docs["text"], "context_after": "",
                             "toolkit_label": docs["doc_id"].map(top).fillna(none) if labels is not None else None})
    same_prev = s["doc_id"].eq(s["doc_id"].shift(1))
    same_next = s["doc_id"].eq(s["doc_id"].shift(-1))
    return pd.DataFrame({
        "unit_id": s["doc_id"].astype(str) + ":" + s["sent_id"].astype(str),
        "doc_id": s["doc_id"], "sent_id": s["sent_id"], "start": s["start"], "end": s["end"],
        "context_before": s["text"].shift(1).where(same_prev, ""),
        "text": s["text"],
        "context_after": s["text"].shift(-1).where(same_next, ""),
        "toolkit_label": lab.to_numpy(object),
    })


# ----------------------------------------------------------------------------- sampling

def _quotas(sizes: pd.Series, n: int, allocation: str) -> pd.Series:
    if allocation == "proportional":
        raw = sizes / sizes.sum() * n
        q = np.floor(raw).astype(int)
        # Largest remainders get the leftover units.
        for label in (raw - q).sort_values(ascending=False, kind="stable").index[: n - int(q.sum())]:
            q[label] += 1
        return q.clip(upper=sizes)
    q = pd.Series(0, index=sizes.index)
    left = min(n, int(sizes.sum()))
    open_ = list(sizes.index)
    while left > 0 and open_:
        share, extra = divmod(left, len(open_))
        # Leftover units go first to the strata that have fewest so far (then the largest).
        for i, label in enumerate(sorted(open_, key=lambda x: (q[x], -sizes[x], str(x)))):
            q[label] += min(share + (1 if i < extra else 0), sizes[label] - q[label])
        left = min(n, int(sizes.sum())) - int(q.sum())
        open_ = [x for x in open_ if q[x] < sizes[x]]
    return q


def draw_sample(units: pd.DataFrame, *, stratify: str | None = "toolkit_label", n: int | None = 100,
                per_stratum: int | None = None, allocation: str = "equal", seed: int = 0) -> pd.DataFrame:
    """A stratified random sample of coding units, shuffled, with sampling weights.

    Args:
        units: from :func:`prepare_units` (any table with ``unit_id`` works).
        stratify: column defining the strata (``None``: simple random sample).
        n: total sample size (ignored when ``per_stratum`` is given).
        per_stratum: take this many from every stratum (all when a stratum is smaller).
        allocation: ``"equal"`` (the same number per stratum, so rare categories get enough
            units to estimate their precision and recall; leftovers go to larger strata) or
            ``"proportional"`` (largest-remainder shares of ``n``).
        seed: random seed.

    Returns:
        The sampled rows in random order (so coders do not meet the strata in blocks) with
        ``stratum`` and ``weight`` (stratum size / units sampled from it: the inverse inclusion
        probability, for corpus-level estimates).

    Example:
        >>> u = pd.DataFrame({"unit_id": list("abcdef"), "toolkit_label": list("xxxxxy")})
        >>> s = draw_sample(u, n=4)
        >>> s["stratum"].value_counts().sort_index().tolist(), sorted(s["weight"].unique().tolist())
        ([3, 1], [1.0, 1.6666666666666667])
    """
    if allocation not in ALLOCATIONS:
        raise ValueError(f"`allocation` value = {allocation!r} is invalid; value must be one of {list(ALLOCATIONS)}")
    if stratify is not None and stratify not in units:
        raise ValueError(f"`stratify` value = {stratify!r} is invalid; value must be one of {list(units.columns)} or None")
    df = units.reset_index(drop=True).copy()
    df["stratum"] = df[stratify].astype(object).fillna("(missing)") if stratify else "all"
    sizes = df.groupby("stratum").size()
    if per_stratum is not None:
        quotas = sizes.clip(upper=per_stratum)
    else:
        if n is None or n < 0:
            raise ValueError(f"`n` value = {n!r} is invalid; value must be a non-negative int (or give per_stratum=)")
        quotas = _quotas(sizes, n, allocation)
    rng = np.random.default_rng(seed)
    picked = []
    for label in sizes.index:
        idx = np.flatnonzero(df["stratum"].to_numpy() == label)
        take = int(quotas[label])
        if take:
            picked.append(rng.choice(idx, size=take, replace=False))
    rows = np.concatenate(picked) if picked else np.array([], dtype=int)
    out = df.iloc[rng.permutation(rows)].copy()
    out["weight"] = out["stratum"].map(sizes / quotas.replace(0, np.nan)).astype(float)
    return out.reset_index(drop=True)


# ----------------------------------------------------------------------------- sheets

def export_sheet(sample: pd.DataFrame, out_dir: str | Path, *, codebook, name: str = "coding",
                 code_columns: Sequence[str] = ("code",), coders: Sequence[str] | None = None,
                 instructions: str = "") -> dict[str, Path]:
    """Write the coding sheet (CSV + XLSX) and, separately, the key with the toolkit's labels.

    Files in ``out_dir``:

    * ``<name>_sheet.csv`` and ``<name>_sheet.xlsx``: ``unit_id, doc_id, sent_id, start, end,
      context_before, text, context_after``, the empty ``code_columns`` and ``comment``. The
      XLSX has a ``codebook`` sheet, an ``instructions`` sheet and a drop-down list of the valid
      codes on every code column; with ``coders`` one XLSX per coder
      (``<name>_sheet_<coder>.xlsx``).
    * ``<name>_key.csv``: ``unit_id, stratum, weight, toolkit_label``: keep it away from coders.
    * ``<name>_codebook.csv``.

    No cell of any file is ever a formula, whatever the corpus, ids, codebook or instructions
    hold (:func:`spreadsheet_safe`): XLSX cells are typed as text (kept exactly); in the CSVs
    a value starting with ``= + - @``, a tab or a carriage return gets a leading apostrophe
    (OWASP's CSV-injection advice), which :func:`read_sheets` and the key readers take off
    again, so prefer the XLSX for coders.

    Returns:
        ``{"csv": ..., "xlsx": ..., "key": ..., "codebook": ..., "xlsx_<coder>": ...}``.

    Example:
        >>> import tempfile
        >>> s = pd.DataFrame({"unit_id": ["d:0"], "text": ["Kyiv replied."], "toolkit_label": ["none"]})
        >>> sorted(export_sheet(s, tempfile.mkdtemp(), codebook={"none": "no category"}))
        ['codebook', 'csv', 'key', 'xlsx']
    """
    cb = _codebook_frame(codebook)
    for what, value in [("name", name), *(("coder", c) for c in coders or ())]:
        if not _FILE_PART.fullmatch(str(value)):
            raise ValueError(f"`{what}` value = {value!r} is invalid; use letters, digits, spaces, '.', '-' "
                             "and '_' (it becomes part of a file name)")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    # An id the XLSX cannot hold exactly (control characters, carriage returns) is written as
    # the XLSX gives it back, in every file, so the sheets coders return still match their key.
    unit_id = sample["unit_id"].map(_xlsx_id)
    sheet = pd.DataFrame({c: unit_id if c == "unit_id" else sample.get(c, "") for c in SHEET_COLUMNS})
    for c in list(code_columns) + ["comment"]:
        sheet[c] = ""
    key = pd.DataFrame({"unit_id": unit_id, "stratum": sample.get("stratum", "all"),
                        "weight": sample.get("weight", 1.0),
                        "toolkit_label": sample.get("toolkit_label")})
    paths = {"csv": out / f"{name}_sheet.csv", "xlsx": out / f"{name}_sheet.xlsx",
             "key": out / f"{name}_key.csv", "codebook": out / f"{name}_codebook.csv"}
    _write_csv(sheet, paths["csv"])
    _write_csv(key, paths["key"])
    _write_csv(cb, paths["codebook"])
    text = instructions or _default_instructions(code_columns, cb)
    _write_xlsx(sheet, cb, text, paths["xlsx"], code_columns)
    for coder in coders or ():
        p = out / f"{name}_sheet_{coder}.xlsx"
        _write_xlsx(sheet, cb, text, p, code_columns)
        paths[f"xlsx_{coder}"] = p
    return paths


def _default_instructions(code_columns: Sequence[str], cb: pd.DataFrame) -> str:
    return (f"Read each sentence in its context (previous and next sentence). In column(s) "
            f"{', '.join(code_columns)} enter exactly one code from the codebook sheet "
            f"({', '.join(cb['code'])}). Leave a cell empty only if you cannot decide, and say "
            "why in 'comment'. Do not change unit_id, text or the order of columns. Code "
            "independently: do not discuss units with other coders before all sheets are in.")


def _write_xlsx(sheet: pd.DataFrame, cb: pd.DataFrame, instructions: str, path: Path,
                code_columns: Sequence[str]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "coding"
    ws.append([_xlsx_value(c) for c in sheet.columns])
    for row in sheet.itertuples(index=False):
        ws.append([_xlsx_value(v) for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "B2"
    widths = {"context_before": 40, "text": 70, "context_after": 40, "comment": 30}
    for j, col in enumerate(sheet.columns, start=1):
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = widths.get(col, 14)
        if col in ("context_before", "text", "context_after"):
            for cell in ws[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    cbs = wb.create_sheet("codebook")
    cbs.append(["code", "description"])
    for code, desc in zip(cb["code"], cb["description"]):
        cbs.append([_xlsx_value(code), _xlsx_value(desc)])
    cbs.column_dimensions["A"].width = 24
    cbs.column_dimensions["B"].width = 90
    if len(sheet):
        # The list refers to the codebook sheet, so long codebooks fit (inline lists max 255 chars).
        dv = DataValidation(type="list", formula1=f"=codebook!$A$2:$A${len(cb) + 1}", allow_blank=True,
                            showErrorMessage=True, errorTitle="Unknown code",
                            error="Choose a code from the codebook sheet.")
        ws.add_data_validation(dv)
        for c in code_columns:
            letter = get_column_letter(list(sheet.columns).index(c) + 1)
            dv.add(f"{letter}2:{letter}{len(sheet) + 1}")
    ins = wb.create_sheet("instructions")
    ins["A1"] = _xlsx_value(instructions)
    ins["A1"].alignment = Alignment(wrap_text=True, vertical="top")
    ins.column_dimensions["A"].width = 110
    _no_formulas(wb)
    wb.save(path)


def _xlsx_value(v):
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return None
    if isinstance(v, (np.integer,)):
        return int(v)
    return _xlsx_text(v) if isinstance(v, str) else v


_FILE_PART = re.compile(r"[\w][\w .\-]*")


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    # Quoted, so a carriage return inside a value never reads as the end of a row.
    safe_frame(df).to_csv(path, index=False, quoting=csv.QUOTE_NONNUMERIC)


def _read_csv(path, **kwargs) -> pd.DataFrame:
    return restore_frame(pd.read_csv(path, keep_default_na=False, **kwargs))


def _read_key(key: pd.DataFrame | str | Path) -> pd.DataFrame:
    return _read_csv(key, dtype={"unit_id": str}) if isinstance(key, (str, Path)) else key


def _xlsx_text(v):
    """``v`` with the characters XML (and so XLSX) cannot hold replaced by U+FFFD."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", v) if isinstance(v, str) else v


def _xlsx_id(v):
    """An id as the XLSX gives it back: no characters XML cannot hold, no carriage returns
    (XML reads every line break as ``\\n``)."""
    return _xlsx_text(v).replace("\r\n", "\n").replace("\r", "\n") if isinstance(v, str) else v


def _no_formulas(wb) -> None:
    """Type every formula-looking cell of every sheet as text: kept exactly, shown as text."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


def _clean_code(v) -> str | None:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    s = str(v).strip()
    return s or None


def _clean_id(v) -> str | None:
    """A unit id as written in the key: never stripped (``"\\t=1+1:4"`` is an id of its own)."""
    code = _clean_code(v)
    return None if code is None else (v if isinstance(v, str) else code)


def _read_one(path: Path) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path, dtype=str)
    if suffix in (".xlsx", ".xlsm"):
        return pd.read_excel(path, sheet_name="coding", dtype=object, engine="openpyxl")
    raise CodingError(f"{path}: unsupported sheet type {suffix or '(none)'}; value must be one of ['.csv', '.xlsx']")


def read_sheets(sheets: Sequence[str | Path] | Mapping[str, str | Path], *, codebook,
                code_column: str = "code", key: pd.DataFrame | str | Path | None = None) -> pd.DataFrame:
    """Read filled coding sheets of several coders into one long table, validating every code.

    Args:
        sheets: paths (the coder is the file stem, minus ``<name>_sheet_``) or ``{coder: path}``.
        codebook: valid codes (a codebook table, a mapping or a list).
        code_column: the code column to read.
        key: the key table (or its CSV path): every ``unit_id`` must be in it.

    Returns:
        ``unit_id, coder, code`` (``code`` is missing where a coder left the cell empty).

    Raises:
        CodingError: naming the file and the spreadsheet row (header = row 1) of an unknown code,
            an unknown or duplicated ``unit_id``, or a missing column.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "coding_sheet_ana.csv"
        >>> _ = p.write_text("unit_id,code\\nd:0,threat\\nd:1,\\n")
        >>> read_sheets([p], codebook=["threat", "none"]).values.tolist()
        [['d:0', 'ana', 'threat'], ['d:1', 'ana', None]]
    """
    cb = _codebook_frame(codebook)
    valid = cb["code"].tolist()
    key = _read_key(key)
    known = set(key["unit_id"].astype(str)) if key is not None else None
    items = sheets.items() if isinstance(sheets, Mapping) else [(None, p) for p in sheets]
    frames = []
    for coder, p in items:
        path = Path(p)
        coder = coder or path.stem.split("_sheet_")[-1]
        df = _read_one(path)
        for col in ("unit_id", code_column):
            if col not in df:
                raise CodingError(f"{path}: missing column {col!r}; columns are {list(df.columns)}")
        codes, ids = [], []
        seen: dict[str, int] = {}
        for i, (uid, raw) in enumerate(zip(df["unit_id"], df[code_column]), start=2):
            uid = _clean_id(uid)
            if uid is None:
                raise CodingError(f"{path} row {i}: empty unit_id")
            if known is not None and uid not in known:
                raise CodingError(f"{path} row {i}: unit_id {uid!r} is not in the key file (was the sheet edited?)")
            if uid in seen:
                raise CodingError(f"{path} row {i}: unit_id {uid!r} appears again (first at row {seen[uid]})")
            seen[uid] = i
            code = _clean_code(raw)
            if code is not None and code not in valid:
                raise CodingError(f"{path} row {i}: {code_column} value = {code!r} is invalid; "
                                  f"value must be one of {valid} (or empty)")
            ids.append(uid)
            codes.append(code)
        frames.append(pd.DataFrame({"unit_id": ids, "coder": coder, "code": pd.Series(codes, dtype=object)}))
    coders = [f["coder"].iloc[0] for f in frames if len(f)]
    dup = sorted({c for c in coders if coders.count(c) > 1})
    if dup:
        raise CodingError(f"coder names {dup} occur in more than one sheet; pass {{coder: path}} to name them")
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["unit_id", "coder", "code"])


def with_toolkit(codes: pd.DataFrame, key: pd.DataFrame | str | Path) -> pd.DataFrame:
    """Append the toolkit's labels from the key as coder ``"toolkit"`` (for the units coded).

    Example:
        >>> c = pd.DataFrame({"unit_id": ["u1"], "coder": ["ana"], "code": ["x"]})
        >>> k = pd.DataFrame({"unit_id": ["u1", "u2"], "toolkit_label": ["y", "x"]})
        >>> with_toolkit(c, k)["coder"].tolist()
        ['ana', 'toolkit']
    """
    key = _read_key(key)
    units = set(codes["unit_id"])
    k = key[key["unit_id"].astype(str).isin(units)]
    tk = pd.DataFrame({"unit_id": k["unit_id"].astype(str), "coder": TOOLKIT,
                       "code": k["toolkit_label"].map(_clean_code).astype(object)})
    return pd.concat([codes, tk], ignore_index=True)


def simulate_filled_sheets(sheet: str | Path, key: str | Path | pd.DataFrame, out_dir: str | Path, *,
                           codebook, coders: Sequence[str] = ("A", "B", "C"),
                           error_rate: float | Sequence[float] = 0.2, missing_rate: float = 0.0,
                           code_column: str = "code", seed: int = 0) -> list[Path]:
    """DEMONSTRATION ONLY: fill copies of a sheet as simulated coders would.

    Each simulated coder copies the toolkit's label and, with probability ``error_rate``,
    replaces it by another code drawn uniformly from the codebook (and leaves a cell empty with
    probability ``missing_rate``). Agreement computed on these sheets says nothing about the
    toolkit's validity; it only exercises the workflow (notebook 7.0, tests).

    Returns:
        The written sheets, ``<stem>_<coder><suffix>`` (same format as ``sheet``).

    Example:
        >>> import tempfile
        >>> d = tempfile.mkdtemp()
        >>> s = pd.DataFrame({"unit_id": ["d:0", "d:1"], "text": ["a", "b"], "toolkit_label": ["x", "y"]})
        >>> p = export_sheet(s, d, codebook=["x", "y"])
        >>> [q.name for q in simulate_filled_sheets(p["csv"], p["key"], d, codebook=["x", "y"], coders=["A"])]
        ['coding_sheet_A.csv']
    """
    cb = _codebook_frame(codebook)["code"].tolist()
    sheet = Path(sheet)
    key_df = _read_key(key)
    truth = dict(zip(key_df["unit_id"].astype(str), key_df["toolkit_label"]))
    rates = [error_rate] * len(coders) if np.isscalar(error_rate) else list(error_rate)
    if len(rates) != len(coders):
        raise ValueError(f"`error_rate` has {len(rates)} values for {len(coders)} coders; give one per coder or one for all")
    rng = np.random.default_rng(seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for coder, rate in zip(coders, rates):
        df = _read_one(sheet)
        codes = []
        for uid in df["unit_id"].astype(str):
            code = _clean_code(truth.get(uid))
            if code is None or rng.random() < rate:
                others = [c for c in cb if c != code]
                code = others[rng.integers(len(others))] if others else code
            if rng.random() < missing_rate:
                code = None
            codes.append(code)
        df[code_column] = codes
        dest = out / f"{sheet.stem}_{coder}{sheet.suffix}"
        if sheet.suffix.lower() == ".csv":
            _write_csv(df, dest)
        else:
            _fill_xlsx(sheet, dest, code_column, codes)
        paths.append(dest)
    return paths


def _fill_xlsx(src: Path, dest: Path, code_column: str, codes: list) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(src)
    ws = wb["coding"]
    header = [c.value for c in ws[1]]
    col = header.index(code_column) + 1
    for i, code in enumerate(codes, start=2):
        ws.cell(row=i, column=col, value=_xlsx_value(code))
    _no_formulas(wb)
    wb.save(dest)


# ----------------------------------------------------------------------------- agreement

def reliability_data(codes: pd.DataFrame, *, coders: Sequence[str] | None = None) -> pd.DataFrame:
    """Units × coders table of codes (missing where a coder did not code a unit).

    Example:
        >>> c = pd.DataFrame({"unit_id": ["u1", "u1", "u2"], "coder": ["a", "b", "a"], "code": ["x", "y", "x"]})
        >>> reliability_data(c).loc["u2"].tolist()
        ['x', nan]
    """
    wide = codes.pivot(index="unit_id", columns="coder", values="code")
    if coders is not None:
        missing = [c for c in coders if c not in wide.columns]
        if missing:
            raise ValueError(f"`coders` {missing} not found; coders are {list(wide.columns)}")
        wide = wide[list(coders)]
    wide.columns.name = None
    return wide


def percent_agreement(a: Sequence, b: Sequence) -> float:
    """Share of units two coders code identically (units where either is missing are dropped).

    Example:
        >>> percent_agreement(["x", "y", "x"], ["x", "x", "x"])
        0.6666666666666666
    """
    x, y = _pair(a, b)
    return float(np.mean(x == y)) if len(x) else float("nan")


def _pair(a, b) -> tuple[np.ndarray, np.ndarray]:
    x = pd.Series(list(a), dtype=object)
    y = pd.Series(list(b), dtype=object)
    ok = x.notna().to_numpy() & y.notna().to_numpy()
    return x.to_numpy(object)[ok], y.to_numpy(object)[ok]


def cohen_kappa(a: Sequence, b: Sequence, *, labels: Sequence | None = None,
                weights: str | None = None) -> float:
    """Cohen's kappa of two coders (``weights="linear"``/``"quadratic"`` for ordered codes).

    Units either coder left empty are dropped. With ``weights``, ``labels`` gives the order.
    Returns NaN when chance agreement is 1 (both coders used one and the same code).

    Notes:
        Cohen (1960); weighted: Cohen (1968). Computed by scikit-learn's ``cohen_kappa_score``.

    Example:
        >>> round(cohen_kappa(["y"] * 20 + ["y"] * 5 + ["n"] * 10 + ["n"] * 15,
        ...                   ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15), 3)
        0.4
    """
    from sklearn.metrics import cohen_kappa_score

    x, y = _pair(a, b)
    if len(x) == 0:
        return float("nan")
    if labels is not None and weights is not None:
        order = {c: i for i, c in enumerate(labels)}
        x = np.array([order[v] for v in x])
        y = np.array([order[v] for v in y])
        labels = list(range(len(order)))
    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        value = cohen_kappa_score(x, y, labels=labels, weights=weights)
    return float(value)


def krippendorff_alpha(data: pd.DataFrame | np.ndarray, *, level: str = "nominal",
                       order: Sequence | None = None) -> float:
    """Krippendorff's alpha of a units × coders table (missing values allowed).

    Args:
        data: units × coders (codes of any type; NaN/None = not coded).
        level: ``"nominal"``, ``"ordinal"`` (needs ``order``, the codes from lowest to highest,
            unless the codes are numbers) or ``"interval"`` (codes must be numbers).
        order: code order for ordinal data (the codebook order).

    Returns:
        alpha, or NaN when it is undefined (fewer than two values in the data).

    Notes:
        Krippendorff (2011); computed by the ``krippendorff`` package (Castro 2017).

    Example:
        >>> d = pd.DataFrame({"A": [0, 1, 0, 0, 0, 0, 0, 0, 1, 0], "B": [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]})
        >>> round(krippendorff_alpha(d), 3)
        0.095
    """
    import krippendorff

    if level not in LEVELS:
        raise ValueError(f"`level` value = {level!r} is invalid; value must be one of {list(LEVELS)}")
    arr = pd.DataFrame(data).to_numpy(object).T  # krippendorff wants coders × units
    values = [v for v in arr.ravel() if not _missing(v)]
    if level == "nominal" or (level == "ordinal" and order is not None):
        domain = list(order) if order is not None else sorted(set(values), key=str)
        unknown = sorted({str(v) for v in values} - {str(c) for c in domain})
        if unknown:
            raise ValueError(f"codes {unknown} are not in `order` {list(domain)}")
        index = {str(c): i for i, c in enumerate(domain)}
        num = np.array([[np.nan if _missing(v) else index[str(v)] for v in row] for row in arr], dtype=float)
        domain_idx = np.arange(len(domain), dtype=float)
    else:
        try:
            num = np.array([[np.nan if _missing(v) else float(v) for v in row] for row in arr], dtype=float)
        except (TypeError, ValueError):
            raise ValueError(f"{level} alpha needs numeric codes (or `order` for ordinal); got e.g. "
                             f"{values[:3]}") from None
        domain_idx = np.unique(num[~np.isnan(num)])
    if len(np.unique(num[~np.isnan(num)])) < 2 or len(domain_idx) < 2:
        return float("nan")
    try:
        return float(krippendorff.alpha(reliability_data=num, level_of_measurement=level,
                                        value_domain=domain_idx))
    except (ValueError, ZeroDivisionError):
        return float("nan")


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and np.isnan(v))


def _kappa_weights(level: str) -> str | None:
    return {"nominal": None, "ordinal": "linear", "interval": "quadratic"}[level]


def _encode(wide: pd.DataFrame, level: str, order: Sequence | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Codes -> floats once: (matrix units × coders with NaN, alpha value domain, kappa ranks).

    Nominal/ordinal codes become their index in ``order`` (or in sorted order); interval codes
    keep their numeric value for alpha and their rank for weighted kappa.
    """
    values = [v for v in wide.to_numpy(object).ravel() if not _missing(v)]
    if level == "interval" and order is None:
        try:
            num = wide.apply(lambda c: c.map(lambda v: np.nan if _missing(v) else float(v))).to_numpy(float)
        except (TypeError, ValueError):
            raise ValueError(f"interval alpha needs numeric codes; got e.g. {values[:3]}") from None
        domain = np.unique(num[~np.isnan(num)])
        ranks = np.full(num.shape, np.nan)
        ok = ~np.isnan(num)
        ranks[ok] = np.searchsorted(domain, num[ok])
        return num, domain, ranks
    domain_codes = [str(c) for c in order] if order is not None else sorted({str(v) for v in values},
                                                                           key=_code_sort_key)
    unknown = sorted({str(v) for v in values} - set(domain_codes))
    if unknown:
        raise ValueError(f"codes {unknown} are not in `order` {domain_codes}")
    index = {c: float(i) for i, c in enumerate(domain_codes)}
    num = wide.apply(lambda c: c.map(lambda v: np.nan if _missing(v) else index[str(v)])).to_numpy(float)
    return num, np.arange(len(domain_codes), dtype=float), num


def _code_sort_key(code: str) -> tuple:
    """Numbers in numeric order ("2" before "10"), then other codes alphabetically."""
    try:
        return (0, float(code), "")
    except ValueError:
        return (1, 0.0, code)


def _fast_kappa(x: np.ndarray, y: np.ndarray, k: int, weights: str | None) -> float:
    """Cohen's kappa of integer codes 0..k-1 (NaN pairs dropped); equals sklearn's (tested)."""
    ok = ~(np.isnan(x) | np.isnan(y))
    if not ok.any():
        return float("nan")
    xi, yi = x[ok].astype(int), y[ok].astype(int)
    obs = np.bincount(xi * k + yi, minlength=k * k).reshape(k, k).astype(float)
    exp = np.outer(obs.sum(1), obs.sum(0)) / obs.sum()
    i, j = np.indices((k, k))
    w = (i != j).astype(float) if weights is None else (np.abs(i - j) if weights == "linear" else (i - j) ** 2)
    denom = (w * exp).sum()
    return float(1 - (w * obs).sum() / denom) if denom > 0 else float("nan")


def _fast_alpha(data: np.ndarray, level: str, domain: np.ndarray) -> float:
    import krippendorff

    vals = data[~np.isnan(data)]
    if len(np.unique(vals)) < 2:
        return float("nan")
    try:
        return float(krippendorff.alpha(reliability_data=data.T, level_of_measurement=level, value_domain=domain))
    except (ValueError, ZeroDivisionError):
        return float("nan")


def agreement(codes: pd.DataFrame, *, level: str = "nominal", order: Sequence | None = None,
              n_boot: int = 1000, seed: int = 0, ci: float = 0.95) -> pd.DataFrame:
    """Agreement between every pair of coders and among all of them, with bootstrap intervals.

    Args:
        codes: long ``unit_id, coder, code`` (from :func:`read_sheets`, optionally
            :func:`with_toolkit` to add the toolkit as a coder named ``"toolkit"``).
        level: ``"nominal"``, ``"ordinal"`` or ``"interval"``: the alpha metric, and the kappa
            weights (none, linear, quadratic).
        order: code order (the codebook order); needed for ordinal codes that are not numbers.
        n_boot: bootstrap resamples of units (0: no intervals).
        seed: random seed.
        ci: interval coverage (percentile bootstrap).

    Returns:
        Long table ``comparison, coder_a, coder_b, measure, value, ci_low, ci_high, n_units,
        level``. ``comparison`` is ``"coder-coder"``, ``"coder-toolkit"`` or, for alpha over
        several coders, ``"all coders"`` (humans only) and ``"all coders + toolkit"``.
        ``measure`` is ``percent_agreement``, ``cohen_kappa`` (weighted for ordinal/interval)
        or ``krippendorff_alpha``. Units are resampled with replacement, all statistics on the
        same resamples; undefined resamples (one code only) are left out of the percentiles.

    Notes:
        Cohen (1960, 1968); Krippendorff (2011); percentile bootstrap over units (Efron &
        Tibshirani 1993). Interpret alpha >= 0.8 as reliable, 0.667-0.8 for tentative
        conclusions only (Krippendorff 2004).

    Example:
        >>> c = pd.DataFrame({"unit_id": ["u1", "u2", "u3"] * 2, "coder": ["a"] * 3 + ["b"] * 3,
        ...                   "code": ["x", "y", "x", "x", "y", "y"]})
        >>> t = agreement(c, n_boot=0)
        >>> round(float(t.set_index("measure").loc["percent_agreement", "value"]), 3)
        0.667
    """
    if level not in LEVELS:
        raise ValueError(f"`level` value = {level!r} is invalid; value must be one of {list(LEVELS)}")
    wide = reliability_data(codes)
    coders = list(wide.columns)
    humans = [c for c in coders if c != TOOLKIT]
    weights = _kappa_weights(level)
    arr, domain, ranks = _encode(wide, level, order)
    k = max(len(domain), 1)
    col = {c: i for i, c in enumerate(coders)}

    specs: list[tuple[str, str, str, str]] = []  # (comparison, a, b, measure)
    for a, b in itertools.combinations(coders, 2):
        if TOOLKIT in (a, b):
            a, b = (b, a) if a == TOOLKIT else (a, b)
            comp = "coder-toolkit"
        else:
            comp = "coder-coder"
        for m in ("percent_agreement", "cohen_kappa", "krippendorff_alpha"):
            specs.append((comp, a, b, m))
    groups = []
    if len(humans) >= 2:
        groups.append(("all coders", humans))
    if TOOLKIT in coders and len(humans) >= 1 and len(coders) >= 3:
        groups.append(("all coders + toolkit", humans + [TOOLKIT]))
    for name, members in groups:
        specs.append((name, "+".join(members), "", "krippendorff_alpha"))
    group_cols = {name: [col[c] for c in members] for name, members in groups}

    def compute(rows: np.ndarray) -> np.ndarray:
        sub, rk = arr[rows], ranks[rows]
        vals = []
        for comp, a, b, m in specs:
            if comp in ("coder-coder", "coder-toolkit"):
                ia, ib = col[a], col[b]
                if m == "percent_agreement":
                    ok = ~(np.isnan(sub[:, ia]) | np.isnan(sub[:, ib]))
                    vals.append(float(np.mean(sub[ok, ia] == sub[ok, ib])) if ok.any() else np.nan)
                elif m == "cohen_kappa":
                    vals.append(_fast_kappa(rk[:, ia], rk[:, ib], k, weights))
                else:
                    vals.append(_fast_alpha(sub[:, [ia, ib]], level, domain))
            else:
                vals.append(_fast_alpha(sub[:, group_cols[comp]], level, domain))
        return np.asarray(vals, dtype=float)

    n = len(arr)
    point = compute(np.arange(n))
    lo = hi = np.full(len(specs), np.nan)
    if n_boot > 0 and n > 1:
        rng = np.random.default_rng(seed)
        boots = np.vstack([compute(rng.integers(0, n, n)) for _ in range(n_boot)])
        tail = (1 - ci) / 2 * 100
        with np.errstate(all="ignore"), warnings.catch_warnings():
            # A statistic undefined on every resample gives an all-NaN column: NaN interval.
            warnings.simplefilter("ignore", RuntimeWarning)
            lo, hi = np.nanpercentile(boots, [tail, 100 - tail], axis=0)
    rows = []
    for j, (comp, a, b, m) in enumerate(specs):
        members = [a, b] if b else a.split("+")
        n_units = int(np.sum((~np.isnan(arr[:, [col[c] for c in members]])).sum(axis=1) >= 2))
        rows.append({"comparison": comp, "coder_a": a, "coder_b": b, "measure": m, "value": point[j],
                     "ci_low": lo[j], "ci_high": hi[j], "n_units": n_units, "level": level})
    return pd.DataFrame(rows, columns=AGREEMENT_COLUMNS)


# ----------------------------------------------------------------------------- gold and scores

def adjudicate(codes: pd.DataFrame, *, tie: str = "flag", lead: str | None = None) -> pd.DataFrame:
    """Gold codes by majority vote of the human coders (the toolkit never votes).

    Args:
        codes: long ``unit_id, coder, code``; rows of coder ``"toolkit"`` are ignored.
        tie: ``"flag"`` (default): a tie leaves the unit without a gold code (``tie=True``) for a
            human adjudicator to settle, and it is left out of :func:`toolkit_scores`;
            ``"lead"``: the ``lead`` coder's code wins a tie if it is among the tied codes
            (else the unit is flagged).
        lead: the lead coder for ``tie="lead"``.

    Returns:
        ``unit_id, gold, votes, n_coders, tie`` (``votes`` = coders choosing the gold code;
        ``gold`` is NaN on a flagged tie).

    Example:
        >>> c = pd.DataFrame({"unit_id": ["u1"] * 3 + ["u2"] * 2, "coder": ["a", "b", "c", "a", "b"],
        ...                   "code": ["x", "x", "y", "x", "y"]})
        >>> adjudicate(c)[["unit_id", "gold", "tie"]].values.tolist()
        [['u1', 'x', False], ['u2', nan, True]]
    """
    if tie not in TIE_RULES:
        raise ValueError(f"`tie` value = {tie!r} is invalid; value must be one of {list(TIE_RULES)}")
    if tie == "lead" and not lead:
        raise ValueError("tie='lead' needs lead=<coder name>")
    human = codes[(codes["coder"] != TOOLKIT) & codes["code"].notna()]
    if tie == "lead" and lead not in set(human["coder"]):
        raise ValueError(f"`lead` value = {lead!r} is invalid; value must be one of {sorted(set(human['coder']))}")
    rows = []
    for uid, grp in human.groupby("unit_id", sort=True):
        counts = grp["code"].value_counts()
        top = counts[counts == counts.max()].index.tolist()
        gold, is_tie = (top[0], False) if len(top) == 1 else (None, True)
        if is_tie and tie == "lead":
            lead_code = grp.loc[grp["coder"] == lead, "code"]
            if len(lead_code) and lead_code.iloc[0] in top:
                gold, is_tie = lead_code.iloc[0], False
        rows.append({"unit_id": uid, "gold": gold, "votes": int(counts.max()), "n_coders": len(grp), "tie": is_tie})
    return pd.DataFrame(rows, columns=["unit_id", "gold", "votes", "n_coders", "tie"]).astype({"gold": object})


def toolkit_scores(gold: pd.DataFrame, key: pd.DataFrame | str | Path, *, labels: Sequence[str] | None = None,
                   none: str | None = NONE_CODE, n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """The toolkit's precision, recall and F1 per code against adjudicated gold codes.

    Args:
        gold: from :func:`adjudicate` (tied units are left out).
        key: the key file (``unit_id, toolkit_label``).
        labels: codes to report (default: the codes seen); the macro average uses only codes
            that occur in the gold codes or the toolkit's labels.
        none: the "no category" code: reported, but left out of the macro average.
        n_boot, seed: bootstrap over units (see :func:`toolkit.metrics.classification_scores`).

    Returns:
        The long score table of :func:`toolkit.metrics.classification_scores`
        (``system, label, metric, value, ci_low, ci_high, support``).

    Example:
        >>> g = pd.DataFrame({"unit_id": ["u1", "u2"], "gold": ["x", "none"], "tie": [False, False]})
        >>> k = pd.DataFrame({"unit_id": ["u1", "u2"], "toolkit_label": ["x", "x"]})
        >>> s = toolkit_scores(g, k, n_boot=0)
        >>> s.query("label == 'x'").set_index("metric")["value"].to_dict()
        {'precision': 0.5, 'recall': 1.0, 'f1': 0.6666666666666666}
    """
    from .metrics import classification_scores

    key = _read_key(key)
    g = gold[gold["gold"].notna()].merge(key[["unit_id", "toolkit_label"]], on="unit_id", how="inner")
    pred = g["toolkit_label"].map(_clean_code)
    seen = set(g["gold"]) | set(pred.dropna())
    labs = list(labels) if labels is not None else sorted(seen, key=str)
    # Macro averages run over the codes that occur (a codebook code nobody used would add a
    # meaningless 0), without the "none" code.
    avg = [c for c in labs if c != none and c in seen] or [c for c in labs if c in seen] or labs
    return classification_scores(g["gold"].tolist(), pred.tolist(), labels=labs, n_boot=n_boot,
                                 seed=seed, average_labels=avg)


def confusion_table(gold: pd.DataFrame, key: pd.DataFrame | str | Path, *,
                    labels: Sequence[str] | None = None) -> pd.DataFrame:
    """Confusion matrix, rows = adjudicated gold code, columns = toolkit label.

    Example:
        >>> g = pd.DataFrame({"unit_id": ["u1", "u2"], "gold": ["x", "y"], "tie": [False, False]})
        >>> k = pd.DataFrame({"unit_id": ["u1", "u2"], "toolkit_label": ["x", "x"]})
        >>> int(confusion_table(g, k).loc["y", "x"])
        1
    """
    from .metrics import confusion

    key = _read_key(key)
    g = gold[gold["gold"].notna()].merge(key[["unit_id", "toolkit_label"]], on="unit_id", how="inner")
    return confusion(g["gold"].tolist(), g["toolkit_label"].map(_clean_code).tolist(), labels=labels)


# ----------------------------------------------------------------------------- figures

def plot_agreement(table: pd.DataFrame, *, measures: Sequence[str] = ("cohen_kappa", "krippendorff_alpha"),
                   title: str = "Inter-coder agreement"):
    """Point estimates with bootstrap intervals per comparison; Krippendorff's 0.667 and 0.8 lines.

    Each measure has its own colour *and* marker. ``title`` should say "Illustration" when the
    coders are simulated.

    Example:
        >>> t = pd.DataFrame({"comparison": ["coder-coder"], "coder_a": ["a"], "coder_b": ["b"],
        ...                   "measure": ["cohen_kappa"], "value": [0.7], "ci_low": [0.5], "ci_high": [0.9]})
        >>> plot_agreement(t).axes[0].get_xlabel()[:9]
        'Agreement'
    """
    import matplotlib.pyplot as plt

    from . import style as st

    t = table[table["measure"].isin(measures)].copy()
    t["pair"] = np.where(t["coder_b"].astype(str) != "", t["coder_a"].astype(str) + " vs " + t["coder_b"].astype(str),
                         t["comparison"])
    pairs = list(dict.fromkeys(t["pair"]))
    fig, ax = plt.subplots(figsize=st.figsize("double", rows=max(len(pairs), 3), row_height=0.3, base=1.2))
    styles = st.series_styles(measures)
    for k, m in enumerate(measures):
        sub = t[t["measure"] == m]
        y = np.array([pairs.index(p) for p in sub["pair"]]) + (k - (len(measures) - 1) / 2) * 0.25
        err = np.vstack([sub["value"] - sub["ci_low"], sub["ci_high"] - sub["value"]]).clip(min=0)
        err = np.nan_to_num(err)
        ax.errorbar(sub["value"], y, xerr=err, fmt=styles[m].marker, color=st.line_color(styles[m].color),
                    label=st.label(m), capsize=2, ms=4)
    for x, style in ((0.667, ":"), (0.8, "--")):
        ax.axvline(x, color="grey", lw=0.8, ls=style)
    ax.set_yticks(range(len(pairs)))
    ax.set_yticklabels(pairs)
    ax.invert_yaxis()  # read top-down in the order of the table
    ax.set_xlim(min(-0.05, float(np.nanmin(t["ci_low"].fillna(t["value"]))) - 0.05) if len(t) else -0.05, 1.02)
    ax.set_xlabel("Agreement (bootstrap interval; dotted 0.667, dashed 0.8: Krippendorff 2004)")
    from matplotlib.lines import Line2D

    ax.legend(handles=[Line2D([0], [0], marker=styles[m].marker, color=st.line_color(styles[m].color),
                              linestyle="none", ms=4, label=st.label(m)) for m in measures],
              loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    ax.set_title(st.title(title))
    fig.tight_layout()
    return fig


def plot_confusion(matrix: pd.DataFrame, *, normalize: bool = True, drop_empty: bool = True,
                   title: str = "Toolkit vs adjudicated codes"):
    """Heatmap of a confusion matrix (rows gold, columns toolkit); row-normalised by default.

    ``drop_empty`` leaves out codes that neither the coders nor the toolkit used (a long
    codebook otherwise fills the figure with empty rows). The figure fits a double column
    (7.2 in) whatever the number of codes; counts are annotated at 6 pt. ``title`` should say
    "Illustration" when the coders are simulated.

    Example:
        >>> m = pd.DataFrame([[3, 1, 0], [0, 2, 0], [0, 0, 0]], index=list("xyz"), columns=list("xyz"))
        >>> fig = plot_confusion(m)
        >>> fig.axes[0].get_ylabel(), [t.get_text() for t in fig.axes[0].get_yticklabels()]
        ('Adjudicated code (gold)', ['x', 'y'])
    """
    import matplotlib.pyplot as plt
    import seaborn as sns

    from . import style as st

    if drop_empty:
        used = (matrix.sum(axis=1) + matrix.sum(axis=0).reindex(matrix.index, fill_value=0)) > 0
        keep = [c for c in matrix.index if used.get(c, False)]
        matrix = matrix.loc[keep, [c for c in matrix.columns if c in keep]]
    data = matrix.div(matrix.sum(axis=1).replace(0, np.nan), axis=0) if normalize else matrix
    side = min(st.DOUBLE_COLUMN, 1.6 + 0.3 * len(matrix.columns))
    fig, ax = plt.subplots(figsize=st.figsize(side, min(st.DOUBLE_COLUMN, 1.2 + 0.28 * len(matrix))))
    cell = (side - 1.6) / max(1, len(matrix.columns))
    sns.heatmap(data, annot=matrix.to_numpy() if cell >= 0.18 else False, fmt="d", cmap="Blues", vmin=0,
                vmax=1 if normalize else None, cbar=normalize, ax=ax, linewidths=0.5,
                annot_kws={"size": 6}, cbar_kws={"label": "Row share (cells: counts)"} if normalize else None)
    ax.set_ylabel("Adjudicated code (gold)")
    ax.set_xlabel("Toolkit label")
    ax.set_title(st.title(title))
    fig.tight_layout()
    return fig
