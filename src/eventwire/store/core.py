"""The DuckDB event store: idempotent batched writes, dedup step and derived tables.

Writes are per batch, one transaction each, so a process killed mid-ingest (kill -9) leaves
only whole documents behind; a rerun skips documents whose content hash is already stored and
ends with the same store as an uninterrupted run. Reads live in :mod:`eventwire.store.reads`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.dedup import DedupParams, cluster_events, merge_cluster, sweep_key
from eventwire.errors import ErrorCode, StoreError
from eventwire.model import DocumentResult, ErrorRecord
from eventwire.store.reads import StoreReads
from eventwire.store.rows import (
    documents_table,
    errors_table,
    event_from_json,
    events_table,
    insert_events_sql,
    quotes_table,
)
from eventwire.store.schema import SCHEMA_VERSION, current_version, migrate, run

DEFAULT_PATH = "eventwire.duckdb"
DEFAULT_DEDUP = DedupParams()
#: First and last day an event's date can mean, as ``dedup.date_interval`` computes them
#: (before slack): a year- or month-precision date covers the whole year or month.
_PRECISION_SQL = """coalesce(date_precision, CASE length(date) WHEN 4 THEN 'year'
    WHEN 7 THEN 'month' ELSE 'day' END)"""
_INTERVAL_START_SQL = f"""(CASE {_PRECISION_SQL} WHEN 'year' THEN make_date(year(date_day), 1, 1)
    WHEN 'month' THEN CAST(date_trunc('month', date_day) AS DATE) ELSE date_day END)"""
_INTERVAL_END_SQL = f"""(CASE {_PRECISION_SQL} WHEN 'year' THEN make_date(year(date_day), 12, 31)
    WHEN 'month' THEN last_day(date_day) ELSE date_day END)"""


@contextmanager
def _transaction(conn: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table],
                 failure: str) -> Iterator[None]:
    """Register Arrow tables, run the block in one transaction, always unregister.

    Every write (a batch of documents, a dedup step) is all-or-nothing: a kill or an error
    mid-way leaves the store as it was before the block.
    """
    for name, table in tables.items():
        conn.register(name, table)
    try:
        run(conn, "BEGIN TRANSACTION")
        yield
        run(conn, "COMMIT")
    except duckdb.Error as exc:
        run(conn, "ROLLBACK")
        raise StoreError(f"{failure}: {exc}") from exc
    finally:
        for name in tables:
            conn.unregister(name)


@dataclass(frozen=True)
class WriteSummary:
    """What one ``Store.write`` call changed (re-ingesting the same input changes nothing)."""

    documents_added: int = 0
    documents_replaced: int = 0
    documents_unchanged: int = 0
    events_added: int = 0
    quotes_added: int = 0
    errors_added: int = 0
    merged_events: int = 0  # canonical events that merge ≥ 2 reports, after dedup

    def __add__(self, other: WriteSummary) -> WriteSummary:
        return WriteSummary(**{f.name: getattr(self, f.name) + getattr(other, f.name)
                               for f in fields(self)})

    def to_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _result_key(result: DocumentResult) -> str | None:
    if result.document is not None:
        return result.document.id
    return result.errors[0].document_id if result.errors else None


def _error_signature(errors: Iterable[ErrorRecord]) -> set[tuple[Any, ...]]:
    return {(e.document_id, str(getattr(e.code, "value", e.code)), e.message, e.source)
            for e in errors}


class Store(StoreReads):
    """An open eventwire store. Use ``open_store(path)``; close it (or use ``with``)."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self._conn = conn
        self.path = path
        self.read_only = read_only

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:  # noqa: PYI034 (Self needs Python 3.11)
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write_conn(self) -> duckdb.DuckDBPyConnection:
        if self.read_only:
            raise StoreError(f"store {self.path} was opened read-only")
        return self._conn

    # -- writing ---------------------------------------------------------------------------
    def write(self, results: Iterable[DocumentResult], *, batch_size: int = 500,
              dedup: bool = True, dedup_params: DedupParams = DEFAULT_DEDUP) -> WriteSummary:
        """Store results batch by batch (one transaction each), then refresh derived tables.

        Documents are keyed by id and content hash: an unchanged document is skipped, a
        changed one replaces its own events, quotes and errors. With ``dedup`` the canonical
        (merged) events of every touched event type are recomputed at the end.
        """
        if batch_size < 1:
            raise StoreError("batch_size must be >= 1")
        self._write_conn()
        summary = WriteSummary()
        for batch in iter_batches(results, batch_size):
            summary += self._write_batch(batch)
        changed = summary.documents_added + summary.documents_replaced > 0
        pending = run(self._conn, "SELECT count(*) FROM dedup_pending")[0][0] > 0
        if changed or pending:  # pending also covers a crash before this point last time
            self.refresh_derived()
        if dedup:
            merged = self.dedup(params=dedup_params)
            summary += WriteSummary(merged_events=merged)
        return summary

    def _write_batch(self, batch: list[DocumentResult]) -> WriteSummary:
        latest: dict[str, DocumentResult] = {}
        for result in batch:
            key = _result_key(result)
            if key is None:
                continue
            prev = latest.get(key)
            if prev is None:
                latest[key] = result
            elif result.document is None:  # a warning that follows its document
                latest[key] = replace(prev, errors=prev.errors + result.errors)
            elif prev.document is None:
                latest[key] = replace(result, errors=prev.errors + result.errors)
            else:
                latest[key] = result  # the last version of a document in a batch wins
        conn = self._conn
        ids = pa.table({"id": pa.array(list(latest), pa.string())})
        conn.register("_batch_ids", ids)
        try:
            stored = dict(run(conn, "SELECT d.id, d.content_hash FROM documents d "
                                    "JOIN _batch_ids b ON d.id = b.id"))
            old_errors: dict[str, set[tuple[Any, ...]]] = {}
            for row in run(conn, "SELECT e.document_id, e.code, e.message, e.source FROM "
                           "errors e JOIN _batch_ids b ON e.document_id = b.id"):
                old_errors.setdefault(row[0], set()).add(tuple(row))
        finally:
            conn.unregister("_batch_ids")
        added = replaced = unchanged = 0
        replace_ids: list[str] = []  # documents whose old rows must go
        error_ids: list[str] = []  # ids whose stored errors are replaced
        docs, events, quotes, errors = [], [], [], []
        for key, result in latest.items():
            doc = result.document
            if doc is None:
                known = old_errors.get(key, set())
                if key in stored:  # errors about a stored document are added, not replaced
                    new = [e for e in result.errors if _error_signature([e]) - known]
                    errors.extend(new)
                    unchanged += not new
                elif known == _error_signature(result.errors):
                    unchanged += 1
                else:
                    error_ids.append(key)
                    errors.extend(result.errors)
                continue
            if stored.get(key) == doc.content_hash:
                unchanged += 1
                continue
            if key in stored:
                replaced += 1
                replace_ids.append(key)
            else:
                added += 1
            error_ids.append(key)
            docs.append(doc)
            events.extend(result.events)
            quotes.extend(result.quotes)
            errors.extend(result.errors)
        if docs or errors:
            self._commit_batch(replace_ids, error_ids, docs, events, quotes, errors)
        return WriteSummary(documents_added=added, documents_replaced=replaced,
                            documents_unchanged=unchanged, events_added=len(events),
                            quotes_added=len(quotes), errors_added=len(errors))

    def _commit_batch(self, replace_ids: list[str], error_ids: list[str], docs: list[Any],
                      events: list[Any], quotes: list[Any], errors: list[Any]) -> None:
        conn = self._conn
        tables = {
            "_del_docs": pa.table({"id": pa.array(replace_ids, pa.string())}),
            "_del_errors": pa.table({"id": pa.array(error_ids, pa.string())}),
            "_new_docs": documents_table(docs),
            "_new_events": events_table(events),
            "_new_quotes": quotes_table(quotes),
            "_new_errors": errors_table(errors),
        }
        with _transaction(conn, tables, f"writing a batch to {self.path} failed"):
            if replace_ids:
                run(conn, f"INSERT INTO dedup_pending SELECT event_type, "
                          f"min({_INTERVAL_START_SQL}) FROM events WHERE kind = 'story' AND "
                          f"document_id IN (SELECT id FROM _del_docs) AND date_day IS NOT "
                          f"NULL GROUP BY 1")
                for table, column in (("events", "document_id"), ("quotes", "document_id"),
                                      ("documents", "id")):
                    extra = " AND kind = 'story'" if table == "events" else ""
                    run(conn, f"DELETE FROM {table} WHERE {column} IN "
                                 f"(SELECT id FROM _del_docs){extra}")
            if error_ids:
                run(conn, "DELETE FROM errors WHERE document_id IN (SELECT id FROM _del_errors)")
            run(conn, "INSERT INTO documents BY NAME SELECT * FROM _new_docs")
            run(conn, insert_events_sql("_new_events"))
            run(conn, "INSERT INTO quotes BY NAME SELECT * FROM _new_quotes")
            run(conn, "INSERT INTO errors BY NAME SELECT * FROM _new_errors")
            run(conn, f"INSERT INTO dedup_pending SELECT event_type, "
                      f"min({_INTERVAL_START_SQL}) FROM _new_events WHERE date_day IS NOT "
                      f"NULL GROUP BY 1")

    def refresh_derived(self) -> None:
        """Rebuild the actors and places tables from the per-story events (cheap GROUP BYs)."""
        conn = self._write_conn()
        roles = " UNION ALL ".join(
            f"SELECT {r}_id AS id, {r}_name AS name, {r}_text AS text, {r}_country AS country, "
            f"{r}_sector AS sector, {r}_affiliations AS affiliations, date_day, "
            f"{int(r == 'actor')} AS as_actor, {int(r == 'recipient')} AS as_recipient "
            f"FROM events WHERE kind = 'story' AND {r}_text IS NOT NULL"
            for r in ("actor", "recipient"))
        try:
            run(conn, "BEGIN TRANSACTION")
            run(conn, "DELETE FROM actors")
            run(conn, f"""INSERT INTO actors
                SELECT coalesce(id, 'name:' || lower(name), 'text:' || lower(text)) AS key,
                       min(id), min(name), min(country), min(sector), max(affiliations),
                       list_sort(list(DISTINCT text)), sum(as_actor), sum(as_recipient),
                       min(date_day), max(date_day)
                FROM ({roles}) GROUP BY 1""")
            run(conn, "DELETE FROM places")
            run(conn, """INSERT INTO places
                SELECT coalesce(CAST(geonameid AS VARCHAR), lower(coalesce(location_name,
                         location_text)) || '|' || coalesce(location_country, '')) AS key,
                       min(coalesce(location_name, location_text)), min(location_country),
                       min(location_admin1), min(lat), min(lon), min(geonameid),
                       min(location_precision), count(*)
                FROM events WHERE kind = 'story' AND location_text IS NOT NULL GROUP BY 1""")
            run(conn, "COMMIT")
        except duckdb.Error as exc:
            run(conn, "ROLLBACK")
            raise StoreError(f"refreshing actors/places in {self.path} failed: {exc}") from exc

    def dedup(self, *, params: DedupParams = DEFAULT_DEDUP, full: bool = False) -> int:
        """Bring canonical (merged) events up to date; returns merged events (re)built.

        Incremental and exact: the clustering is a sweep in date order, so for each event
        type only reports at or after the earliest changed report are swept again, resuming
        from the clusters still open at that point (see ``cluster_events(seeds=...)``). With
        ``full`` (or for stores from before this was tracked) every type is swept from the
        start, e.g. after changing ``params``. Each type is one transaction.
        """
        conn = self._write_conn()
        if full:
            pending = {t: None for (t,) in run(conn, "SELECT DISTINCT event_type FROM events")}
        else:
            pending = {t: since for t, since, unknown in run(
                conn, "SELECT event_type, min(since), bool_or(since IS NULL) FROM "
                "dedup_pending GROUP BY 1") if not unknown}
            pending.update({t: None for (t,) in run(
                conn, "SELECT DISTINCT event_type FROM dedup_pending WHERE since IS NULL")})
        total = 0
        for event_type in sorted(t for t in pending if t):
            total += self._dedup_type(event_type, pending[event_type], params)
        return total

    def _dedup_type(self, event_type: str, since: date | None, params: DedupParams) -> int:
        conn = self._conn
        cut = None if since is None else since - timedelta(
            days=params.inherited_date_slack + params.day_tolerance)
        if cut is None:
            rows = run(conn, "SELECT record, canonical_id FROM event_records WHERE kind = "
                       "'story' AND event_type = ? AND date_day IS NOT NULL",
                       [event_type])
        else:  # the clusters of every report whose date interval reaches the cut
            rows = run(conn, f"""SELECT record, canonical_id FROM event_records
                WHERE kind = 'story' AND event_type = ? AND date_day IS NOT NULL
                AND canonical_id IN (SELECT canonical_id FROM events WHERE kind = 'story'
                    AND event_type = ? AND date_day IS NOT NULL
                    AND {_INTERVAL_END_SQL} + ?::INTEGER >= ?::DATE)""",
                       [event_type, event_type, params.day_tolerance, cut])
        suffix, seeds_by_id = [], {}
        for record, stored_canonical in rows:
            event = event_from_json(record)
            key = sweep_key(event, params)
            if cut is not None and key is not None and key[0] < cut:
                seeds_by_id.setdefault(stored_canonical, []).append((key, event))
            else:
                suffix.append(event)
        seeds = [[e for _, e in sorted(members, key=lambda m: m[0])]
                 for members in seeds_by_id.values()]
        seeds.sort(key=lambda members: sweep_key(members[0], params) or (date.min, ""))
        clusters = cluster_events(suffix, params, seeds=seeds)
        merged, members = [], {"event_id": [], "canonical_id": []}
        for cluster in clusters:
            if len(cluster) < 2:
                continue
            canonical = merge_cluster(cluster)
            merged.append(canonical)
            for member in cluster:
                members["event_id"].append(member.id)
                members["canonical_id"].append(canonical.id)
        touched = sorted({stored for _, stored in rows})
        self._commit_dedup(event_type, touched, merged, members)
        return len(merged)

    def _commit_dedup(self, event_type: str, touched: list[str], merged: list[Any],
                      members: dict[str, list[str]]) -> None:
        """Replace the clusters ``touched`` (old canonical ids) by the recomputed ones."""
        conn = self._conn
        tables = {
            "_merged": events_table(merged, kind="merged"),
            "_members": pa.table(members, schema=pa.schema(
                [("event_id", pa.string()), ("canonical_id", pa.string())])),
            "_touched": pa.table({"id": pa.array(touched, pa.string())}),
        }
        with _transaction(conn, tables, f"dedup of {event_type} in {self.path} failed"):
            run(conn, "DELETE FROM events WHERE kind = 'merged' AND event_type = ? "
                      "AND id IN (SELECT id FROM _touched)", [event_type])
            run(conn, "UPDATE events SET canonical_id = id, canonical = TRUE WHERE kind = 'story' "
                      "AND event_type = ? AND canonical_id IN (SELECT id FROM _touched)",
                [event_type])
            # merged events whose reports all went away with replaced documents
            run(conn, "DELETE FROM events WHERE kind = 'merged' AND event_type = ? AND id NOT "
                      "IN (SELECT canonical_id FROM events WHERE kind = 'story' AND "
                      "event_type = ?)", [event_type, event_type])
            run(conn, insert_events_sql("_merged"))
            run(conn, "UPDATE events SET canonical_id = m.canonical_id, "
                      "canonical = (m.canonical_id = events.id) FROM _members m "
                      "WHERE events.id = m.event_id AND events.kind = 'story'")
            run(conn, "DELETE FROM dedup_pending WHERE event_type = ?", [event_type])

    def optimize(self) -> None:
        """Rewrite the events table in date order, then checkpoint.

        Page queries prune row groups by date (zone maps); news usually arrives roughly in
        date order, but a back-fill or out-of-order load scatters dates. Idempotent.
        """
        conn = self._write_conn()
        try:
            run(conn, "BEGIN TRANSACTION")
            run(conn, "CREATE TEMP TABLE _sorted AS SELECT * FROM events "
                      "ORDER BY date_day NULLS FIRST, id")
            run(conn, "DELETE FROM events")
            run(conn, "INSERT INTO events SELECT * FROM _sorted")
            run(conn, "DROP TABLE _sorted")
            run(conn, "COMMIT")
        except duckdb.Error as exc:
            run(conn, "ROLLBACK")
            raise StoreError(f"optimizing {self.path} failed: {exc}") from exc
        run(conn, "CHECKPOINT")

    def import_parquet(self, directory: str | Path, *, batch_size: int = 500) -> WriteSummary:
        """Load a directory written by ``export(..., "parquet")`` through the normal write path."""
        from eventwire.store.parquet import read_results

        return self.write(read_results(Path(directory)), batch_size=batch_size)


def open_store(path: str | Path = DEFAULT_PATH, read_only: bool = False) -> Store:
    """Open (creating and migrating if needed) the DuckDB store at ``path``."""
    path = str(path)
    if read_only and path != ":memory:" and not Path(path).exists():
        raise StoreError(f"no store at {path}; run `eventwire ingest` first")
    try:
        conn = duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(f"cannot open store {path}: {exc}") from exc
    try:
        if read_only:
            version = current_version(conn)
            if version != SCHEMA_VERSION:
                raise StoreError(f"store {path} has schema version {version}, expected "
                                 f"{SCHEMA_VERSION}; open it once writable to migrate",
                                 code=ErrorCode.SCHEMA_MISMATCH)
        else:
            migrate(conn)
    except (duckdb.Error, StoreError) as exc:
        conn.close()
        if isinstance(exc, StoreError):
            raise
        raise StoreError(f"cannot prepare store {path}: {exc}") from exc
    return Store(conn, path, read_only)


def iter_batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
