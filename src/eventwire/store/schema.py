"""Versioned DuckDB schema: an ordered list of migration steps, applied once each.

A fresh store runs every step; an older store runs only the steps it has not seen. Each step
runs in one transaction together with the bump of ``schema_version`` so a crash mid-migration
leaves the old version intact.
"""

from __future__ import annotations

from typing import Any

import duckdb

from eventwire.errors import ErrorCode, StoreError
from eventwire.store.rows import RECORD_SQL

_ACTOR_COLS = """
    {r}_text VARCHAR, {r}_name VARCHAR, {r}_id VARCHAR, {r}_country VARCHAR,
    {r}_sector VARCHAR, {r}_affiliations VARCHAR"""

# Version 1: the first release. Events flattened into columns that hold every field, so the
# filters are fast and the contract JSON record can be rebuilt losslessly (view ``event_records``).
_V1 = [
    """CREATE TABLE documents (
        id VARCHAR, content_hash VARCHAR, title VARCHAR, url VARCHAR, published DATE,
        outlet VARCHAR, source VARCHAR, text VARCHAR, ingested_at TIMESTAMPTZ)""",
    f"""CREATE TABLE events (
        id VARCHAR, document_id VARCHAR, event_type VARCHAR, mode VARCHAR,
        context VARCHAR[], cameo VARCHAR, acled_event_type VARCHAR,
        acled_sub_event_type VARCHAR, {_ACTOR_COLS.format(r="actor")},
        {_ACTOR_COLS.format(r="recipient")},
        location_text VARCHAR, location_name VARCHAR, location_country VARCHAR,
        location_admin1 VARCHAR, lat DOUBLE, lon DOUBLE, geonameid BIGINT,
        location_precision VARCHAR, location_inherited BOOLEAN, date VARCHAR,
        date_day DATE, date_precision VARCHAR, date_text VARCHAR, date_inherited BOOLEAN,
        evidence_document_id VARCHAR, sentence VARCHAR, evidence_start BIGINT,
        evidence_end BIGINT, sources VARCHAR[], n_sources INTEGER, confidence DOUBLE,
        quotes VARCHAR[], trigger_text VARCHAR, trigger_lemma VARCHAR, trigger_start BIGINT,
        trigger_end BIGINT, modality VARCHAR, rule VARCHAR)""",
    """CREATE TABLE quotes (
        id VARCHAR, document_id VARCHAR, speaker VARCHAR, role VARCHAR, text VARCHAR,
        start BIGINT, "end" BIGINT, event_ids VARCHAR[], organisation VARCHAR,
        speaker_actor_id VARCHAR, record VARCHAR)""",
    """CREATE TABLE errors (
        document_id VARCHAR, code VARCHAR, message VARCHAR, source VARCHAR,
        recorded_at TIMESTAMPTZ)""",
    """CREATE TABLE actors (
        key VARCHAR, id VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR,
        affiliations VARCHAR, texts VARCHAR[], n_as_actor BIGINT, n_as_recipient BIGINT,
        first_date DATE, last_date DATE)""",
]

# Version 2: cross-story dedup. Per-story events stay (kind='story'); merged canonical events
# are added (kind='merged'); every story event points at its canonical event. Places become a
# derived table, and pending dedup work is tracked so a crash between ingest and dedup heals.
_V2 = [
    "ALTER TABLE events ADD COLUMN kind VARCHAR DEFAULT 'story'",
    "ALTER TABLE events ADD COLUMN canonical_id VARCHAR",
    "UPDATE events SET kind = 'story', canonical_id = id",
    """CREATE VIEW event_sources AS
        SELECT canonical_id, id AS event_id, document_id FROM events WHERE kind = 'story'""",
    """CREATE TABLE places (
        key VARCHAR, name VARCHAR, country VARCHAR, admin1 VARCHAR, lat DOUBLE, lon DOUBLE,
        geonameid BIGINT, precision VARCHAR, n_events BIGINT)""",
    "CREATE TABLE dedup_pending (event_type VARCHAR)",
    "INSERT INTO dedup_pending SELECT DISTINCT event_type FROM events",
    f"CREATE VIEW event_records AS SELECT *, {RECORD_SQL} AS record FROM events",
]

# Version 3: incremental dedup. Pending work records the earliest date touched per type so
# dedup re-sweeps only from there; rows from version 2 (no date) mean "sweep the whole type".
_V3 = [
    "ALTER TABLE dedup_pending ADD COLUMN since DATE",
]

# Version 4: a stored ``canonical`` flag (canonical_id = id). Every event query filters on it;
# comparing two string columns cost ~40 ms per 1M rows, the flag ~0.4 ms (bench/api_load.py).
# Writes keep it in step with canonical_id (``insert_events_sql`` and the dedup updates).
_V4 = [
    "ALTER TABLE events ADD COLUMN canonical BOOLEAN",
    "UPDATE events SET canonical = (canonical_id = id)",
    f"CREATE OR REPLACE VIEW event_records AS SELECT *, {RECORD_SQL} AS record FROM events",
]

MIGRATIONS: tuple[tuple[str, ...], ...] = (tuple(_V1), tuple(_V2), tuple(_V3), tuple(_V4))
SCHEMA_VERSION = len(MIGRATIONS)


def run(conn: duckdb.DuckDBPyConnection, sql: str,
        params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    """Execute and fetch everything: DuckDB 2 refuses further work (e.g. ``register``) on a
    connection whose last result was not read to the end."""
    return conn.execute(sql, params).fetchall()


def current_version(conn: duckdb.DuckDBPyConnection) -> int:
    """Schema version of an open store; 0 for an empty database."""
    exists = run(conn, "SELECT count(*) FROM information_schema.tables "
                       "WHERE table_name = 'schema_version'")[0][0]
    if not exists:
        return 0
    row = run(conn, "SELECT max(version) FROM schema_version")[0]
    return int(row[0]) if row[0] is not None else 0


def migrate(conn: duckdb.DuckDBPyConnection, target: int = SCHEMA_VERSION) -> int:
    """Bring the schema up to ``target`` (default: latest); returns the version reached."""
    run(conn, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at "
                 "TIMESTAMPTZ DEFAULT current_timestamp)")
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"store schema version {version} is newer than this eventwire "
            f"({SCHEMA_VERSION}); upgrade eventwire to open it",
            code=ErrorCode.SCHEMA_MISMATCH)
    for step in range(version, min(target, SCHEMA_VERSION)):
        run(conn, "BEGIN TRANSACTION")
        try:
            for statement in MIGRATIONS[step]:
                run(conn, statement)
            run(conn, "INSERT INTO schema_version (version) VALUES (?)", [step + 1])
            run(conn, "COMMIT")
        except duckdb.Error as exc:
            run(conn, "ROLLBACK")
            raise StoreError(f"migrating the store to version {step + 1} failed: {exc}",
                             code=ErrorCode.SCHEMA_MISMATCH) from exc
        version = step + 1
    return version
