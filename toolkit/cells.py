"""CSV cells no spreadsheet runs as a formula: text is data, never a formula.

A cell that starts with ``= + - @``, a tab or a carriage return is run as a formula by Excel,
LibreOffice and Google Sheets (OWASP, "CSV Injection"); a news text or a token may start with
any of them. Every CSV the toolkit writes goes through :func:`spreadsheet_safe` (one more
leading apostrophe on such a cell, after any apostrophes it already has), and every CSV it
reads back through :func:`spreadsheet_value`, so a round trip gives the exact text. Parquet
files keep every value as it is.
"""
from __future__ import annotations

import pandas as pd

# What a spreadsheet runs as a formula when a cell starts with it (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """``value`` as a CSV cell no spreadsheet runs as a formula (reversed by :func:`spreadsheet_value`).

    A string that starts with ``= + - @``, a tab or a carriage return, after any apostrophes,
    gets one more leading apostrophe; other values are returned unchanged.

    Example:
        >>> spreadsheet_safe("=HYPERLINK(x)"), spreadsheet_safe("Kyiv"), spreadsheet_safe(-1)
        ("'=HYPERLINK(x)", 'Kyiv', -1)
        >>> spreadsheet_value(spreadsheet_safe("'=1+1"))
        "'=1+1"
    """
    if isinstance(value, str) and value.lstrip("'").startswith(FORMULA_START):
        return "'" + value
    return value


def spreadsheet_value(value):
    """The value :func:`spreadsheet_safe` was given (reads back a CSV the toolkit wrote).

    Example:
        >>> spreadsheet_value("'-3 + 4"), spreadsheet_value("'Tis")
        ('-3 + 4', "'Tis")
    """
    if isinstance(value, str) and value.startswith("'") and value.lstrip("'").startswith(FORMULA_START):
        return value[1:]
    return value


def _text_columns(df: pd.DataFrame) -> list:
    return [c for c in df.columns if not (pd.api.types.is_numeric_dtype(df[c]) or pd.api.types.is_bool_dtype(df[c])
                                          or pd.api.types.is_datetime64_any_dtype(df[c]))]


def _mark(col: pd.Series, *, undo: bool) -> pd.Series:
    """:func:`spreadsheet_safe` (or its reverse) over a column, vectorised."""
    s = col.astype(object)
    is_str = s.map(type).eq(str)
    if not is_str.any():
        return col
    text = s[is_str].astype(str)
    hit = text.str.lstrip("'").str.startswith(FORMULA_START)
    if undo:
        hit &= text.str.startswith("'")
    if not hit.any():
        return col
    s = s.copy()
    idx = hit[hit].index
    s.loc[idx] = text[hit].str[1:] if undo else "'" + text[hit]
    return s


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text cells and column names no spreadsheet runs as formulas.

    Example:
        >>> safe_frame(pd.DataFrame({"text": ["=1+1", "Kyiv"], "n": [1, 2]}))["text"].tolist()
        ["'=1+1", 'Kyiv']
    """
    out = df.copy()
    for c in _text_columns(out):
        out[c] = _mark(out[c], undo=False)
    out.columns = [spreadsheet_safe(str(c)) for c in out.columns]
    return out


def restore_frame(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` read from a CSV written by :func:`safe_frame`, with every cell as it was.

    Example:
        >>> restore_frame(pd.DataFrame({"text": ["'=1+1", "'Tis"]}))["text"].tolist()
        ['=1+1', "'Tis"]
    """
    df = df.copy()
    df.columns = [spreadsheet_value(c) for c in df.columns]
    for c in _text_columns(df):
        df[c] = _mark(df[c], undo=True)
    return df
