"""One declared schema (columns and Arrow types) per output table, for empty and full tables alike.

Without a declaration, a table's column types come from its values: an empty ``escalation``
table has ``null`` columns, an empty ``rhetoric`` table ``double`` ones, and a run with no hits
cannot be read together with a run with hits (``pyarrow.dataset``, DuckDB and polars refuse to
parse ``'USA_77_2022'`` as a double). :func:`conform` gives every table its declared types at
the one point where the engine turns annotator output into Arrow, so runs combine.

Text is ``large_string``, counts, ids and offsets ``int64`` (nullable in Arrow: a quote
without a speaker has null ``speaker_start``), scores ``float64``, flags ``bool``, dates
``timestamp[us, tz=UTC]``. Columns a table does not declare (a corpus's own metadata in
``documents``, a user annotator's columns) are kept as they come, after the declared ones.

Example:
    >>> import pandas as pd
    >>> conform("rhetoric", pd.DataFrame(columns=["doc_id", "start"])).schema.field("doc_id").type
    DataType(large_string)
"""
from __future__ import annotations

import json

import pyarrow as pa

S, I, F, B = pa.large_string(), pa.int64(), pa.float64(), pa.bool_()
DATE = pa.timestamp("us", tz="UTC")
_SPAN = [("doc_id", S), ("sent_id", I), ("start", I), ("end", I), ("text", S)]

# table -> [(column, type)], in the order the tables are written.
SCHEMAS: dict[str, list[tuple[str, pa.DataType]]] = {
    "documents": [("doc_id", S), ("text", S), ("title", S), ("date", DATE), ("date_text", S),
                  ("source", S), ("author", S), ("url", S), ("language", S), ("origin", S)],
    "load_report": [("source", S), ("item", S), ("status", S), ("reason", S), ("doc_id", S),
                    ("note", S)],
    "sentences": _SPAN,
    "tokens": [("doc_id", S), ("sent_id", I), ("tok_id", I), ("start", I), ("end", I), ("text", S),
               ("lower", S), ("lemma", S), ("is_punct", B), ("is_stop", B), ("pos", S)],
    "mentions": [("doc_id", S), ("sent_id", I), ("start", I), ("end", I), ("tok_start", I),
                 ("tok_end", I), ("text", S), ("actor", S), ("actor_type", S), ("sector", S),
                 ("person", S), ("role", S), ("kind", S), ("metonym", B), ("location", B),
                 ("resolved_from", S), ("rule", S), ("entry", S), ("source", S)],
    "quotes": [("doc_id", S), ("quote_id", I), ("sent_id", I), ("kind", S), ("rule", S), ("start", I),
               ("end", I), ("text", S), ("speaker", S), ("speaker_start", I), ("speaker_end", I),
               ("speaker_actor", S), ("speaker_person", S), ("speaker_sector", S),
               ("speaker_resolution", S), ("speaker_rule", S), ("speaker_antecedent", S),
               ("speaker_antecedent_start", I), ("speaker_antecedent_end", I), ("cue", S), ("cue_start", I), ("cue_end", I),
               ("cue_class", S), ("cue_lemma", S), ("cue_kind", S), ("content", S), ("content_start", I),
               ("content_end", I), ("channel", S), ("channel_start", I), ("channel_end", I),
               ("channel_actor", S), ("in_quote", I), ("problem", S), ("source", S)],
    "quote_problems": [("doc_id", S), ("start", I), ("end", I), ("text", S), ("problem", S)],
    "frames": _SPAN + [("scheme", S), ("frame", S), ("cue", S), ("weight", F), ("negated", B),
                       ("in_quote", B), ("quote_id", I), ("speaker_actor", S), ("scare_quoted", B),
                       ("source", S)],
    "document_frames": [("doc_id", S), ("scheme", S), ("frame", S), ("hits", F), ("cues", I),
                        ("words", I), ("score", F), ("present", B)],
    "escalation": _SPAN + [("cue", S), ("category", S), ("cameo", S), ("goldstein", F),
                           ("quad_class", S), ("kind", S), ("weight", F), ("modality", S), ("hedge", S),
                           ("intensity", F), ("score", F), ("reported", B), ("source_actor", S),
                           ("target_actor", S), ("source", S)],
    "sentence_escalation": _SPAN + [("score", F), ("event_class", S), ("n_cues", I),
                                    ("top_cue", S), ("top_cameo", S)],
    "events": _SPAN + [("event_id", I), ("source_actor", S), ("source_person", S), ("source_sector", S),
                       ("source_text", S), ("source_start", I), ("source_end", I), ("act", S),
                       ("cameo", S), ("root", S), ("quad_class", S), ("target_actor", S),
                       ("target_text", S), ("target_start", I), ("target_end", I),
                       ("factuality", S), ("claimant_actor", S), ("claimant_text", S),
                       ("claimant_start", I), ("claimant_end", I), ("condition", S),
                       ("condition_start", I), ("condition_end", I), ("cue", S), ("cue_text", S),
                       ("cue_start", I), ("cue_end", I), ("main", B), ("rule", S), ("source", S)],
    "sentiment": _SPAN + [("textblob_polarity", F), ("textblob_subjectivity", F),
                          ("vader_compound", F), ("vader_pos", F), ("vader_neg", F),
                          ("vader_neu", F), ("tone", F), ("tone_label", S), ("tone_cues", S),
                          ("source", S)],
    "rhetoric": _SPAN + [("category", S), ("subcategory", S), ("cue", S), ("weight", F),
                         ("source", S)],
}
# Declared columns a table may lack (added by an option): not filled in when absent.
OPTIONAL = {"tokens": {"pos"}}
# What pandas makes of each declared type (the "pandas" metadata of a conformed column), so
# a column conformed from null or double reads back as text, nullable integer or flag.
# Integers and flags with missing values read back as pandas' nullable types, as elsewhere.
_PANDAS = {S: ("unicode", "object"), I: ("int64", "int64"), F: ("float64", "float64"),
           B: ("bool", "bool"), DATE: ("datetimetz", "datetime64[us, UTC]")}
_PANDAS_NULLABLE = {I: ("int64", "Int64"), B: ("bool", "boolean")}


class SchemaError(TypeError):
    """A table's column holds values its declared type cannot take."""


def schema(table_name: str) -> pa.Schema | None:
    """The declared Arrow schema of a table, or ``None`` for a table not declared here.

    Example:
        >>> schema("sentences").names
        ['doc_id', 'sent_id', 'start', 'end', 'text']
    """
    cols = SCHEMAS.get(table_name)
    return None if cols is None else pa.schema([pa.field(n, t) for n, t in cols])


def _cast(col: pa.ChunkedArray, want: pa.DataType, table_name: str, name: str) -> pa.ChunkedArray:
    if col.type == want:
        return col
    if col.null_count == len(col):   # empty or all missing: the type says nothing, take ours
        return pa.chunked_array([pa.nulls(len(col), want)], type=want)
    same_kind = ((pa.types.is_string(col.type) or pa.types.is_large_string(col.type)
                  or pa.types.is_dictionary(col.type)) and want == S) \
        or (pa.types.is_integer(col.type) and want in (I, F)) \
        or (pa.types.is_floating(col.type) and want in (I, F)) \
        or (pa.types.is_timestamp(col.type) and want == DATE) \
        or (pa.types.is_boolean(col.type) and want == B)
    try:
        if not same_kind:
            raise pa.ArrowInvalid(f"{col.type} is not {want}")
        return col.cast(want, safe=True)   # safe: 1.5 never becomes 1, nor 2**70 wraps
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        raise SchemaError(f"table {table_name!r} column {name!r}: {exc}; its declared type is "
                          f"{want} (toolkit/schemas.py)") from None


def _pandas_meta(metadata: dict | None, changed: dict[str, tuple[pa.DataType, bool]]) -> dict | None:
    """The table's pandas metadata with the conformed columns' types said anew."""
    if not metadata or b"pandas" not in metadata or not changed:
        return metadata
    meta = json.loads(metadata[b"pandas"])
    for c in meta.get("columns", []):
        if c.get("name") in changed:
            want, has_nulls = changed[c["name"]]
            kinds = _PANDAS_NULLABLE if has_nulls and want in _PANDAS_NULLABLE else _PANDAS
            c["pandas_type"], c["numpy_type"] = kinds[want]
            c["metadata"] = None
    return {**metadata, b"pandas": json.dumps(meta).encode()}


def conform(table_name: str, data) -> pa.Table:
    """Return ``data`` (a DataFrame or Arrow table) as an Arrow table with the declared types.

    Declared columns come first in declared order (missing ones added as nulls, except
    :data:`OPTIONAL` ones), then any other columns as they are. A table not declared here is
    converted and returned unchanged.

    Raises:
        SchemaError: a column holds values its declared type cannot take (text in an offset
            column, 1.5 in a count), naming the table and column.

    Example:
        >>> import pandas as pd
        >>> t = conform("quote_problems", pd.DataFrame({"doc_id": [], "start": [], "end": []}))
        >>> [str(f.type) for f in t.schema]
        ['large_string', 'int64', 'int64', 'large_string', 'large_string']
    """
    table = data if isinstance(data, pa.Table) else pa.Table.from_pandas(data, preserve_index=False)
    cols = SCHEMAS.get(table_name)
    if cols is None:
        return table
    arrays, fields, changed = [], [], {}
    for name, want in cols:
        if name in table.column_names:
            col = table.column(name)
            new = _cast(col, want, table_name, name)
            if col.type != want and not (pa.types.is_string(col.type) and want == S):
                changed[name] = (want, new.null_count > 0)
        elif name in OPTIONAL.get(table_name, ()):
            continue
        else:
            new = pa.chunked_array([pa.nulls(len(table), want)], type=want)
            changed[name] = (want, len(table) > 0)
        arrays.append(new)
        fields.append(pa.field(name, want))
    declared = {n for n, _ in cols}
    for name in table.column_names:
        if name not in declared:
            arrays.append(table.column(name))
            fields.append(table.schema.field(name))
    metadata = _pandas_meta(table.schema.metadata, changed)
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata=metadata))


def mismatches(table_name: str, arrow_schema: pa.Schema) -> list[str]:
    """Where a stored table's schema departs from the declared one; empty when it conforms.

    Example:
        >>> mismatches("sentences", pa.schema([("doc_id", pa.null())]))[0]
        'doc_id: null, declared large_string'
    """
    out = []
    for name, want in SCHEMAS.get(table_name, []):
        if name not in arrow_schema.names:
            if name not in OPTIONAL.get(table_name, ()):
                out.append(f"{name}: missing")
        elif arrow_schema.field(name).type != want:
            out.append(f"{name}: {arrow_schema.field(name).type}, declared {want}")
    return out


def markdown_table() -> str:
    """The declared schemas as a Markdown table (for the README).

    Example:
        >>> markdown_table().splitlines()[0]
        '| table | columns (Arrow type) |'
    """
    short = {S: "str", I: "int64", F: "float64", B: "bool", DATE: "timestamp[us, UTC]"}
    lines = ["| table | columns (Arrow type) |", "|---|---|"]
    for table, cols in SCHEMAS.items():
        lines.append(f"| `{table}` | " + ", ".join(f"`{n}` {short[t]}" for n, t in cols) + " |")
    return "\n".join(lines)


def write_parquet(table_name: str, data, path) -> None:
    """Write a table as Parquet with its declared schema (``DataFrame.to_parquet`` otherwise
    lets an empty or all-missing column choose its own type).

    Example:
        >>> import pandas as pd, tempfile, pyarrow.parquet as pq
        >>> p = tempfile.mkdtemp() + "/sentences.parquet"
        >>> write_parquet("sentences", pd.DataFrame(columns=["doc_id"]), p)
        >>> str(pq.read_schema(p).field("doc_id").type)
        'large_string'
    """
    import pyarrow.parquet as pq

    pq.write_table(conform(table_name, data), path)
