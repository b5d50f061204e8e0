//! Migrations: a database of every earlier schema version opens, upgrades and keeps its data.

use crate::common::{open, temp_store};
use client_first::store::schema::{latest, migrations};
use client_first::store::{Kind, Store};
use rusqlite::{Connection, params};

/// Fills a database of schema version `version` (1 or later) with one profile and two finished
/// dialogue attempts, written with the columns and summaries that version has.
fn fill(conn: &Connection, version: usize) {
    conn.execute(
        "INSERT INTO profiles (uuid, name, grp, created, last_used, guest)
         VALUES ('p-1', 'Old Timer', 'Kazan', 1, 2, 0)",
        [],
    )
    .unwrap();
    for (i, (score, ending)) in [(40, "lost"), (90, "wow")].iter().enumerate() {
        conn.execute(
            "INSERT INTO attempts (uuid, profile, kind, activity, hash, seed, mode, lang, started,
                                   updated, finished, ending, total, score, principles)
             VALUES (?1, 1, 'dialogue', 'guitar', 'h', 7, 'coach', 'ru', ?2, ?2, ?3, ?4, 3, ?5,
                     '[{\"id\":\"fc.capital_c\",\"earned\":1,\"percent\":50}]')",
            params![
                format!("a-{i}"),
                1000 * i as i64,
                1000 * i as i64 + 500,
                ending,
                score
            ],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO steps (attempt, idx, item, answer, ms, at) VALUES (?1, 0, 'start', 'ask', 900, 1)",
            [i as i64 + 1],
        )
        .unwrap();
    }
    if version >= 2 {
        // From version 2 the game keeps per-activity summaries as attempts finish.
        conn.execute_batch(
            "INSERT INTO activity_stats (profile, kind, activity, attempts, best, last)
                 SELECT profile, kind, activity, COUNT(*), MAX(score), MAX(finished)
                 FROM attempts GROUP BY profile, kind, activity;
             INSERT INTO endings_found (profile, activity, ending, first)
                 SELECT profile, activity, ending, MIN(finished)
                 FROM attempts GROUP BY profile, activity, ending;",
        )
        .unwrap();
    }
}

#[test]
fn every_earlier_schema_version_upgrades_with_its_data() {
    for version in 0..latest() {
        let (_dir, path) = temp_store();
        {
            let mut conn = Connection::open(&path).unwrap();
            if version > 0 {
                migrations(version).to_latest(&mut conn).unwrap();
            }
            let v: i64 = conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .unwrap();
            assert_eq!(v, version as i64);
            if version >= 1 {
                fill(&conn, version);
            }
        }
        let store = open(&path);
        let v: i64 = store
            .connection()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, latest() as i64, "upgraded from {version}");
        assert!(store.integrity_ok().unwrap());
        // Version 3: the xAPI outbox lives in the store's file, empty after an upgrade.
        for table in ["lrs_outbox", "lrs_rejected", "lrs_sync"] {
            let rows: i64 = store
                .connection()
                .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
                .unwrap_or_else(|e| panic!("{table} after upgrading from {version}: {e}"));
            assert_eq!(rows, 0, "{table}");
        }
        if version >= 1 {
            let p = store.profile_by_name("Old Timer").unwrap().expect("kept");
            assert_eq!(p.group.as_deref(), Some("Kazan"));
            let fig = &store.picker(p.id, Kind::Dialogue).unwrap()["guitar"];
            assert_eq!(
                (fig.attempts, fig.best),
                (2, 90),
                "summaries filled from old attempts"
            );
            assert_eq!(fig.endings.len(), 2);
            let hist = store.history(p.id, 0, 5).unwrap();
            assert_eq!(hist.len(), 2);
            assert_eq!(store.steps(hist[0].attempt).unwrap()[0].answer, "ask");
            // The upgraded store takes new attempts.
            crate::common::save_full_run(&store, p.id, crate::common::loaded("tutorial"), 1);
        }
    }
}

#[test]
fn migrations_are_valid_and_a_fresh_store_is_at_the_latest_version() {
    migrations(latest()).validate().unwrap();
    let store = Store::in_memory().unwrap();
    let v: i64 = store
        .connection()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, latest() as i64);
    let mode: String = {
        let (_dir, path) = temp_store();
        let s = open(&path);
        s.connection()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(mode, "wal");
}
