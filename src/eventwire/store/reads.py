"""Read side of the store: filtered, paged queries returning Arrow tables (or dicts for one item).

Each call opens its own DuckDB cursor so one ``Store`` can serve several threads (FastAPI runs
sync endpoints in a thread pool); DuckDB cursors are independent connections to one database.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.errors import QueryError
from eventwire.model import Event
from eventwire.store.queries import (
    Where,
    after_cursor,
    event_where,
    page_cursor,
    parse_country,
    parse_cursor,
    parse_page,
)
from eventwire.store.rows import RECORD_SQL

#: Columns returned by ``Store.events``: flat fields for tables and maps, plus the full record.
EVENT_COLUMNS: tuple[str, ...] = (
    "id", "event_type", "mode", "date", "date_precision", "actor_name", "actor_id",
    "actor_text", "actor_country", "recipient_name", "recipient_id", "recipient_text",
    "recipient_country", "location_name", "location_country", "location_admin1", "lat", "lon",
    "sentence", "confidence", "n_sources", "sources", "document_id", "cameo",
    "acled_event_type", "acled_sub_event_type", "modality", "kind", "canonical_id", "date_day",
    "record",
)
_EVENT_ORDER = "ORDER BY date_day DESC NULLS LAST, id"
_PAGE_SELECT = ", ".join(c for c in EVENT_COLUMNS if c != "record") + f", {RECORD_SQL} AS record"


def _arrow(cur: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any]) -> pa.Table:
    """Arrow table straight from a relation (no row copy), across DuckDB 1.x and 2.x names."""
    relation = cur.sql(sql, params=list(params))
    fetch = getattr(relation, "to_arrow_table", None) or relation.arrow
    return fetch()


def _rows(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, row)) for row in cur.fetchall()]


class StoreReads:
    """Query methods mixed into ``Store`` (which provides ``_conn``)."""

    _conn: duckdb.DuckDBPyConnection

    @contextmanager
    def _cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cur = self._conn.cursor()
        try:
            yield cur
        finally:
            cur.close()

    # -- events ----------------------------------------------------------------------------
    def events(self, type: str | Sequence[str] | None = None, actor: str | None = None,
               recipient: str | None = None, country: str | None = None,
               since: str | date | None = None, until: str | date | None = None,
               near: str | Sequence[float] | None = None, q: str | None = None,
               limit: int = 100, offset: int = 0, canonical: bool = True,
               after: str | None = None) -> pa.Table:
        """One page of events, newest first. ``canonical=False`` gives the per-story reports.

        ``after`` is the cursor of the last event of the previous page (:meth:`next_cursor`):
        deep pages cost no more than the first, unlike a large ``offset``.
        """
        where = event_where(type=type, actor=actor, recipient=recipient, country=country,
                            since=since, until=until, near=near, q=q, canonical=canonical)
        cursor = parse_cursor(after)
        if cursor is not None:
            after_cursor(where, cursor)
        limit, offset = parse_page(limit, offset)
        # Two phases: DuckDB would otherwise read (and build the JSON record of) every wide
        # row before the top-N; phase 1 ranks narrow rows, phase 2 fetches the page's rows,
        # pruned by the page's date range (zone maps; see ``Store.optimize``).
        with self._cursor() as cur:
            cur.execute("BEGIN TRANSACTION")  # one snapshot for both phases
            try:
                page = cur.execute(
                    f"SELECT rowid, date_day FROM events WHERE {where.sql()} {_EVENT_ORDER} "
                    "LIMIT ? OFFSET ?", [*where.params, limit, offset]).fetchall()
                days = [d for _, d in page if d is not None]
                prune = (" AND (date_day BETWEEN ? AND ? OR date_day IS NULL)"
                         if days else "")
                bounds = [min(days), max(days)] if days else []
                return _arrow(cur, f"SELECT {_PAGE_SELECT} FROM events "
                              f"WHERE rowid IN (SELECT unnest(?::BIGINT[])){prune} "
                              f"{_EVENT_ORDER}", [[r for r, _ in page], *bounds])
            finally:
                cur.execute("COMMIT")

    @staticmethod
    def next_cursor(page: pa.Table, limit: int) -> str | None:
        """The cursor continuing after ``page`` (a result of :meth:`events`), or None when the
        page was the last one (shorter than ``limit``)."""
        if page.num_rows == 0 or page.num_rows < limit:
            return None
        return page_cursor(page.column("date_day")[-1].as_py(), page.column("id")[-1].as_py())

    def count_events(self, type: str | Sequence[str] | None = None, actor: str | None = None,
                     recipient: str | None = None, country: str | None = None,
                     since: str | date | None = None, until: str | date | None = None,
                     near: str | Sequence[float] | None = None, q: str | None = None,
                     canonical: bool = True) -> int:
        where = event_where(type=type, actor=actor, recipient=recipient, country=country,
                            since=since, until=until, near=near, q=q, canonical=canonical)
        with self._cursor() as cur:
            rows = cur.execute(f"SELECT count(*) FROM events WHERE {where.sql()}",
                               where.params).fetchall()
        return int(rows[0][0])

    def iter_events(self, *, canonical: bool = True, chunk: int = 5_000,
                    **filters: Any) -> Iterator[Event]:
        """Every matching event as a record (oldest first), streamed for exports."""
        where = event_where(canonical=canonical, **filters)
        with self._cursor() as cur:
            cur.execute(f"SELECT record FROM event_records WHERE {where.sql()} "
                        "ORDER BY date_day NULLS LAST, id", where.params)
            while rows := cur.fetchmany(chunk):
                for (record,) in rows:
                    yield Event.from_dict(json.loads(record))

    def event(self, id: str) -> dict[str, Any] | None:
        """One event with its member reports, every evidence span, documents and quotes."""
        with self._cursor() as cur:
            found = cur.execute("SELECT record, kind, canonical_id FROM event_records WHERE id = ? "
                                "LIMIT 1", [str(id)]).fetchall()
            if not found:
                return None
            row = found[0]
            record, kind, canonical_id = json.loads(row[0]), row[1], row[2]
            members = _rows(cur.execute(
                "SELECT id, document_id, record FROM event_records WHERE kind = 'story' "
                "AND canonical_id = ? ORDER BY id", [canonical_id]))
            doc_ids = sorted({m["document_id"] for m in members} | set(record["sources"]))
            documents = _rows(cur.execute(
                "SELECT id, title, url, outlet, published, source FROM documents "
                "WHERE list_contains(?, id) ORDER BY id", [doc_ids]))
            member_ids = [m["id"] for m in members]
            quote_ids = sorted({q for m in members for q in json.loads(m["record"])["quotes"]}
                               | set(record["quotes"]))
            quotes = [json.loads(q["record"]) for q in _rows(cur.execute(
                "SELECT record FROM quotes WHERE list_contains(?, id) "
                "OR len(list_intersect(event_ids, ?)) > 0 ORDER BY document_id, start",
                [quote_ids, member_ids + [record["id"]]]))]
        for doc in documents:
            if isinstance(doc.get("published"), date):
                doc["published"] = doc["published"].isoformat()
        return {
            **record, "kind": kind, "canonical_id": canonical_id, "members": member_ids,
            "evidence_list": [json.loads(m["record"])["evidence"] for m in members],
            "documents": documents, "quote_records": quotes,
        }

    # -- actors, quotes, documents, errors --------------------------------------------------
    def actors(self, q: str | None = None, country: str | None = None,
               sector: str | None = None, limit: int = 100, offset: int = 0) -> pa.Table:
        """Distinct actors seen, most active first; ``q`` matches id, name or any text."""
        limit, offset = parse_page(limit, offset)
        where = Where()
        if q:
            where.add("(contains(lower(coalesce(id, '')), lower(?)) OR contains(lower("
                      "coalesce(name, '')), lower(?)) OR list_contains(list_transform(texts, "
                      "lambda t: lower(t)), lower(?)))", q, q, q)
        iso3 = parse_country(country)
        if iso3:
            where.add("country = ?", iso3)
        if sector:
            where.add("lower(sector) = lower(?)", sector)
        sql = (f"SELECT key, id, name, country, sector, affiliations, texts, n_as_actor, "
               f"n_as_recipient, n_as_actor + n_as_recipient AS n_events, first_date, "
               f"last_date FROM actors WHERE {where.sql()} "
               f"ORDER BY n_events DESC, key LIMIT ? OFFSET ?")
        with self._cursor() as cur:
            return _arrow(cur, sql, [*where.params, limit, offset])

    def actor(self, id: str, limit: int = 100) -> dict[str, Any] | None:
        """An actor (by key, id or canonical name) with its events as actor and as recipient."""
        limit, _ = parse_page(limit, 0)
        with self._cursor() as cur:
            rows = _rows(cur.execute(
                "SELECT * FROM actors WHERE lower(key) = lower(?) OR lower(id) = lower(?) "
                "OR lower(name) = lower(?) ORDER BY n_as_actor + n_as_recipient DESC, key "
                "LIMIT 1", [id, id, id]))
        if not rows:
            return None
        info = rows[0]
        match = info["id"] or info["name"] or info["texts"][0]
        info["affiliations"] = json.loads(info["affiliations"]) if info["affiliations"] else []
        for key in ("first_date", "last_date"):
            if isinstance(info[key], date):
                info[key] = info[key].isoformat()
        info["events_as_actor"] = [json.loads(r) for r in self.events(
            actor=match, limit=limit).column("record").to_pylist()]
        info["events_as_recipient"] = [json.loads(r) for r in self.events(
            recipient=match, limit=limit).column("record").to_pylist()]
        return info

    def quotes(self, speaker: str | None = None, document_id: str | None = None,
               event_id: str | None = None, q: str | None = None, limit: int = 100,
               offset: int = 0) -> pa.Table:
        limit, offset = parse_page(limit, offset)
        where = Where()
        if speaker:
            where.add("(contains(lower(coalesce(speaker, '')), lower(?)) OR "
                      "lower(coalesce(speaker_actor_id, '')) = lower(?))", speaker, speaker)
        if document_id:
            where.add("document_id = ?", document_id)
        if event_id:
            where.add("list_contains(event_ids, ?)", event_id)
        if q:
            where.add("contains(lower(text), lower(?))", q)
        sql = (f"SELECT id, document_id, speaker, role, organisation, speaker_actor_id, text, "
               f"start, \"end\", event_ids FROM quotes WHERE {where.sql()} "
               f"ORDER BY document_id, start, id LIMIT ? OFFSET ?")
        with self._cursor() as cur:
            return _arrow(cur, sql, [*where.params, limit, offset])

    def documents(self, limit: int = 100, offset: int = 0) -> pa.Table:
        limit, offset = parse_page(limit, offset)
        with self._cursor() as cur:
            return _arrow(cur, "SELECT id, content_hash, title, url, published, outlet, source, "
                          "ingested_at FROM documents ORDER BY id LIMIT ? OFFSET ?",
                          [limit, offset])

    def document(self, id: str) -> dict[str, Any] | None:
        """A stored story with its text and its events' evidence and trigger spans."""
        with self._cursor() as cur:
            rows = _rows(cur.execute("SELECT * FROM documents WHERE id = ?", [str(id)]))
            if not rows:
                return None
            doc = rows[0]
            events = [json.loads(r[0]) for r in cur.execute(
                "SELECT record FROM event_records WHERE kind = 'story' AND document_id = ? "
                "ORDER BY evidence_start, id", [str(id)]).fetchall()]
            canon = dict(cur.execute(
                "SELECT id, canonical_id FROM events WHERE kind = 'story' AND document_id = ?",
                [str(id)]).fetchall())
        for key in ("published", "ingested_at"):
            if doc.get(key) is not None:
                doc[key] = doc[key].isoformat()
        doc["events"] = [
            {"id": e["id"], "event_type": e["event_type"], "canonical_id": canon.get(e["id"]),
             "evidence": e["evidence"], "trigger": e["trigger"], "quotes": e["quotes"]}
            for e in events]
        return doc

    def document_meta(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Title, url and outlet of several documents at once (exports, source lists)."""
        with self._cursor() as cur:
            rows = _rows(cur.execute("SELECT id, title, url, outlet FROM documents "
                                     "WHERE list_contains(?, id)", [list(ids)]))
        return {r.pop("id"): r for r in rows}

    def errors(self, code: str | None = None, limit: int = 100, offset: int = 0) -> pa.Table:
        limit, offset = parse_page(limit, offset)
        where = Where()
        if code:
            where.add("code = ?", code)
        with self._cursor() as cur:
            return _arrow(cur, f"SELECT document_id, code, message, source, recorded_at "
                          f"FROM errors WHERE {where.sql()} ORDER BY document_id, code "
                          f"LIMIT ? OFFSET ?", [*where.params, limit, offset])

    # -- overview --------------------------------------------------------------------------
    def stats(self, type: str | Sequence[str] | None = None, actor: str | None = None,
              recipient: str | None = None, country: str | None = None,
              since: str | date | None = None, until: str | date | None = None,
              near: str | Sequence[float] | None = None, q: str | None = None,
              ) -> dict[str, Any]:
        """Totals plus canonical-event counts by type, country, month and day.

        The event filters (as in ``events``) narrow the grouped counts and ``matching``; the
        store-wide totals stay unfiltered.
        """
        where = event_where(type=type, actor=actor, recipient=recipient, country=country,
                            since=since, until=until, near=near, q=q, canonical=True)
        with self._cursor() as cur:
            totals = cur.execute(
                "SELECT count(*) FILTER (WHERE kind = 'story'), "
                "count(*) FILTER (WHERE canonical), "
                "count(*) FILTER (WHERE kind = 'merged'), "
                f"count(*) FILTER (WHERE {where.sql()}) FROM events", where.params).fetchall()[0]
            others = cur.execute(
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM quotes), "
                "(SELECT count(*) FROM errors), (SELECT count(*) FROM actors), "
                "(SELECT count(*) FROM places)").fetchall()[0]
            # one scan for all three groupings; months are summed from days in Python
            groups = cur.execute(
                f"SELECT event_type, location_country, date_day, count(*) FROM events "
                f"WHERE {where.sql()} GROUP BY GROUPING SETS ((event_type), "
                f"(location_country), (date_day))", where.params).fetchall()
        by_type: dict[str, int] = {}
        by_country: dict[str, int] = {}
        by_day: dict[str, int] = {}
        for event_type, place_country, day, n in groups:
            if event_type is not None:
                by_type[event_type] = int(n)
            elif place_country is not None:
                by_country[place_country] = int(n)
            elif day is not None:
                by_day[day.isoformat()] = int(n)
        by_month: dict[str, int] = {}
        for day, n in sorted(by_day.items()):
            by_month[day[:7]] = by_month.get(day[:7], 0) + n
        return {
            "documents": int(others[0]), "events": int(totals[0]),
            "canonical_events": int(totals[1]), "merged_events": int(totals[2]),
            "quotes": int(others[1]), "errors": int(others[2]), "actors": int(others[3]),
            "places": int(others[4]), "matching": int(totals[3]),
            "by_type": dict(sorted(by_type.items())),
            "by_country": dict(sorted(by_country.items())),
            "by_month": by_month, "by_day": dict(sorted(by_day.items())),
        }

    def table(self, name: str) -> pa.RecordBatchReader:
        """Stream a whole table (for Parquet export); only the store's own tables are allowed."""
        allowed = ("documents", "events", "quotes", "errors", "actors", "places",
                   "event_sources", "schema_version")
        if name not in allowed:
            raise QueryError(f"unknown table {name!r}; one of {', '.join(allowed)}")
        source = "event_records" if name == "events" else name  # with the JSON record
        relation = self._conn.cursor().sql(f"SELECT * FROM {source}")
        reader = getattr(relation, "to_arrow_reader", None) or relation.record_batch
        return reader()
