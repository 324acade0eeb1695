"""Schema versioning: a store written by an older eventwire is upgraded in place."""

from __future__ import annotations

import duckdb
from factories import make_document, make_event, make_result

from eventwire.store import SCHEMA_VERSION, migrate, open_store
from eventwire.store.rows import documents_table, events_table
from eventwire.store.schema import current_version


def test_fresh_store_is_at_the_latest_version(tmp_path):
    with open_store(tmp_path / "new.duckdb") as store:
        assert current_version(store._conn) == SCHEMA_VERSION


def test_version_1_store_is_migrated_and_its_events_stay_queryable(tmp_path):
    path = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(path))
    assert migrate(conn, target=1) == 1
    old = [make_event("old-doc", 0, town="Aleppo"), make_event("old-doc", 1, town="Homs")]
    v1_events = events_table(old).drop_columns(["kind", "canonical_id"])
    conn.register("v1_events", v1_events)
    conn.register("v1_docs", documents_table([make_document("old-doc")]))
    conn.execute("INSERT INTO events BY NAME SELECT * FROM v1_events")
    conn.execute("INSERT INTO documents BY NAME SELECT * FROM v1_docs")
    assert "kind" not in [r[0] for r in conn.execute("DESCRIBE events").fetchall()]
    conn.close()

    with open_store(path) as store:
        assert current_version(store._conn) == SCHEMA_VERSION
        assert sorted(store.events(limit=10)["id"].to_pylist()) == sorted(e.id for e in old)
        assert store.event(old[0].id)["members"] == [old[0].id]
        # the old reports take part in dedup with new ones
        store.write([make_result("new-doc", 1, town="Aleppo")])
        assert store.stats()["merged_events"] == 1
        assert migrate(store._conn) == SCHEMA_VERSION  # idempotent
        flags = store._conn.execute("SELECT count(*) FROM events WHERE canonical IS DISTINCT "
                                    "FROM (canonical_id = id)").fetchall()
        assert flags == [(0,)]
