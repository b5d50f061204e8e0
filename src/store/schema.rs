//! The store's schema, as numbered migrations from version 1. A migration is never edited once
//! released: a change is a new migration appended to [`MIGRATIONS`], and the store test opens a
//! database of every earlier version (built with the prefix of this list) and checks it upgrades.

use rusqlite_migration::{M, Migrations};

/// Version 1: who plays, attempts of every kind with their steps and per-principle results, settings.
///
/// Common columns hold what every kind of attempt has (dialogue, quiz round, team session); `detail`
/// columns hold JSON for what only one kind has (a team session's teams, a step's votes), so a new
/// kind needs no new migration. Times are Unix milliseconds (UTC). `finished IS NULL` marks the run in
/// progress that the title screen offers to continue.
pub const V1: &str = r#"
CREATE TABLE profiles (
    id        INTEGER PRIMARY KEY,
    uuid      TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    grp       TEXT,
    created   INTEGER NOT NULL,
    last_used INTEGER NOT NULL,
    guest     INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE attempts (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    profile    INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    activity   TEXT NOT NULL,
    hash       TEXT NOT NULL,
    seed       INTEGER NOT NULL,
    mode       TEXT NOT NULL,
    lang       TEXT NOT NULL,
    started    INTEGER NOT NULL,
    updated    INTEGER NOT NULL,
    finished   INTEGER,
    ending     TEXT,
    total      INTEGER,
    score      INTEGER,
    principles TEXT NOT NULL DEFAULT '[]',
    detail     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX attempts_history ON attempts(profile, finished);
CREATE INDEX attempts_open ON attempts(profile, kind) WHERE finished IS NULL;
CREATE TABLE steps (
    attempt INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    item    TEXT NOT NULL,
    answer  TEXT NOT NULL,
    correct INTEGER,
    ms      INTEGER NOT NULL,
    at      INTEGER NOT NULL,
    detail  TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (attempt, idx)
) WITHOUT ROWID;
CREATE TABLE attempt_principles (
    attempt   INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    profile   INTEGER NOT NULL,
    principle TEXT NOT NULL,
    finished  INTEGER NOT NULL,
    earned    INTEGER NOT NULL,
    percent   INTEGER,
    PRIMARY KEY (attempt, principle)
) WITHOUT ROWID;
CREATE INDEX attempt_principles_time ON attempt_principles(profile, principle, finished);
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
"#;

/// Version 2: spaced repetition (reviews, cards), running mastery, and per-activity summaries that keep
/// the picker and the progress screen fast with a long history. The summaries are filled from the
/// attempts of version 1.
pub const V2: &str = r#"
CREATE TABLE reviews (
    attempt   INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    step      INTEGER NOT NULL,
    principle TEXT NOT NULL,
    profile   INTEGER NOT NULL,
    at        INTEGER NOT NULL,
    rating    INTEGER NOT NULL,
    value     REAL NOT NULL,
    PRIMARY KEY (attempt, step, principle)
) WITHOUT ROWID;
CREATE TABLE cards (
    profile        INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    principle      TEXT NOT NULL,
    due            INTEGER NOT NULL,
    stability      REAL NOT NULL,
    difficulty     REAL NOT NULL,
    elapsed_days   INTEGER NOT NULL,
    scheduled_days INTEGER NOT NULL,
    reps           INTEGER NOT NULL,
    lapses         INTEGER NOT NULL,
    state          INTEGER NOT NULL,
    last_review    INTEGER NOT NULL,
    PRIMARY KEY (profile, principle)
) WITHOUT ROWID;
CREATE TABLE mastery (
    profile   INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    principle TEXT NOT NULL,
    weighted  REAL NOT NULL,
    weight    REAL NOT NULL,
    count     INTEGER NOT NULL,
    PRIMARY KEY (profile, principle)
) WITHOUT ROWID;
CREATE TABLE activity_stats (
    profile  INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    kind     TEXT NOT NULL,
    activity TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    best     INTEGER NOT NULL,
    last     INTEGER NOT NULL,
    PRIMARY KEY (profile, kind, activity)
) WITHOUT ROWID;
CREATE TABLE endings_found (
    profile  INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    activity TEXT NOT NULL,
    ending   TEXT NOT NULL,
    first    INTEGER NOT NULL,
    PRIMARY KEY (profile, activity, ending)
) WITHOUT ROWID;
INSERT INTO activity_stats (profile, kind, activity, attempts, best, last)
    SELECT profile, kind, activity, COUNT(*), MAX(COALESCE(score, 0)), MAX(finished)
    FROM attempts WHERE finished IS NOT NULL GROUP BY profile, kind, activity;
INSERT INTO endings_found (profile, activity, ending, first)
    SELECT profile, activity, ending, MIN(finished)
    FROM attempts WHERE finished IS NOT NULL AND ending IS NOT NULL AND kind = 'dialogue'
    GROUP BY profile, activity, ending;
"#;

/// Version 3: the xAPI outbox, so that statements wait in the store's own file until the Learning
/// Record Store has them (`crate::report::outbox`). `lrs_outbox` holds the queue in order, `lrs_rejected`
/// the statements the LRS refused on their own, `lrs_sync` the last sync, the last error and the
/// backoff. `IF NOT EXISTS`, because a standalone outbox file of earlier builds already has these
/// tables (and no store tables): opened as a store it keeps its queue.
pub const V3: &str = r#"
CREATE TABLE IF NOT EXISTS lrs_outbox (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL UNIQUE,
    registration TEXT,
    body         TEXT NOT NULL,
    queued_at    TEXT NOT NULL,
    tries        INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS lrs_rejected (
    id          TEXT PRIMARY KEY,
    body        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    rejected_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS lrs_sync (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"#;

/// Every migration, in order; the schema version is the length of this list.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3];

/// The schema version this build writes.
pub fn latest() -> usize {
    MIGRATIONS.len()
}

/// The migrations up to `version` (all of them for the latest), for opening and for tests.
pub fn migrations(version: usize) -> Migrations<'static> {
    Migrations::new(
        MIGRATIONS
            .iter()
            .take(version)
            .map(|sql| M::up(sql))
            .collect(),
    )
}
