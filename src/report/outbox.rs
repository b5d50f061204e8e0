//! The outbox: statements wait in the progress store's file until the LRS has them.
//!
//! A statement is queued in the same moment the attempt is stored (one transaction per call) and is
//! deleted only after the LRS answered 2xx or 409 for it. So a crash of the game, the network or the
//! LRS mid-send loses nothing: the statement is still queued and is sent again, and because it keeps
//! its UUID the LRS stores it once (Ralph answers 204 for the same statement again and 409 for a
//! different one with a used id; both count as delivered). Failures back off exponentially, from
//! [`BACKOFF_FIRST`] to [`BACKOFF_MAX`]. A statement the LRS rejects on its own (400) moves to a
//! `lrs_rejected` table with the reason, so it neither blocks the queue nor disappears.
//!
//! The tables are the store's (migration 3 in `crate::store::schema`). The game queues through its
//! own store connection ([`enqueue_in`], called by [`super::queue::finished`]); the syncer thread
//! ([`super::syncer::Syncer`]) sends through a second connection to the same file ([`Outbox::open`]).
//! Both are in WAL mode with a busy timeout, and every write here is one short `IMMEDIATE`
//! transaction, never held across a request to the LRS, so neither side waits long for the other.

use super::lrs::{LrsClient, LrsError, Posted};
use super::xapi::Statement;
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use std::path::Path;

/// The first wait after a failed send.
pub const BACKOFF_FIRST: chrono::Duration = chrono::Duration::seconds(5);
/// The longest wait between tries.
pub const BACKOFF_MAX: chrono::Duration = chrono::Duration::hours(1);
/// Statements per POST by default.
pub const DEFAULT_BATCH: usize = 100;

/// An error of the outbox's database.
#[derive(Debug, thiserror::Error)]
pub enum OutboxError {
    /// SQLite failed.
    #[error("outbox database: {0}")]
    Db(#[from] rusqlite::Error),
    /// The store file could not be opened or migrated.
    #[error("outbox database: {0}")]
    Store(#[from] StoreError),
    /// A statement could not be serialized (a bug).
    #[error("statement: {0}")]
    Json(#[from] serde_json::Error),
}

/// What Settings shows about the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OutboxStatus {
    /// Statements waiting.
    pub pending: usize,
    /// Statements the LRS refused, kept aside.
    pub rejected: usize,
    /// When a send last succeeded.
    pub last_sync: Option<DateTime<Utc>>,
    /// The last error, when the last try failed.
    pub last_error: Option<String>,
    /// Failed tries in a row.
    pub failures: u32,
    /// No automatic try before this time.
    pub next_try: Option<DateTime<Utc>>,
}

/// How a sync runs.
#[derive(Debug, Clone, Copy)]
pub struct SyncOptions {
    /// Statements per POST.
    pub batch: usize,
    /// Stop after this many POSTs (the game sends a little at a time); `None` until empty.
    pub max_batches: Option<usize>,
    /// Try even while backing off (the "Sync now" button and `client-first sync`).
    pub force: bool,
    /// The current time (tests pass their own).
    pub now: DateTime<Utc>,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            batch: DEFAULT_BATCH,
            max_batches: None,
            force: false,
            now: Utc::now(),
        }
    }
}

/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Statements the LRS stored.
    pub sent: usize,
    /// Statements the LRS already had (a retry of a send that had arrived).
    pub duplicate: usize,
    /// Statements the LRS refused, moved aside.
    pub rejected: usize,
    /// Statements still waiting.
    pub pending: usize,
    /// Nothing was tried because of the backoff.
    pub waited: bool,
    /// Why the sync stopped early.
    pub error: Option<LrsError>,
}

/// A write transaction that takes the write lock at once, waiting through the busy timeout for the
/// other connection instead of failing half-way.
fn write(conn: &Connection) -> rusqlite::Result<Transaction<'_>> {
    Transaction::new_unchecked(conn, TransactionBehavior::Immediate)
}

/// Queues statements in one transaction through any connection to the store (the game's own
/// [`Store::connection`]). A statement whose id is already queued is ignored. Returns how many
/// were added.
pub fn enqueue_in(conn: &Connection, statements: &[Statement]) -> Result<usize, OutboxError> {
    let now = Utc::now().to_rfc3339();
    let bodies: Vec<(String, Option<String>, String)> = statements
        .iter()
        .map(|s| {
            let reg = s
                .context
                .as_ref()
                .and_then(|c| c.registration)
                .map(|r| r.to_string());
            Ok((s.id.to_string(), reg, serde_json::to_string(s)?))
        })
        .collect::<Result<_, serde_json::Error>>()?;
    let tx = write(conn)?;
    let mut added = 0;
    {
        let mut ins = tx.prepare_cached(
            "INSERT OR IGNORE INTO lrs_outbox (id, registration, body, queued_at) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (id, reg, body) in &bodies {
            added += ins.execute(params![id, reg, body, now])?;
        }
    }
    tx.commit()?;
    Ok(added)
}

fn get_in(conn: &Connection, key: &str) -> Result<Option<String>, OutboxError> {
    Ok(conn
        .query_row("SELECT value FROM lrs_sync WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

fn time_in(conn: &Connection, key: &str) -> Result<Option<DateTime<Utc>>, OutboxError> {
    Ok(get_in(conn, key)?
        .and_then(|v| DateTime::parse_from_rfc3339(&v).ok())
        .map(|t| t.with_timezone(&Utc)))
}

/// How many statements wait, through any connection to the store.
pub fn pending_in(conn: &Connection) -> Result<usize, OutboxError> {
    let n: i64 = conn.query_row("SELECT COUNT(*) FROM lrs_outbox", [], |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// The queue and the last sync, through any connection to the store (Settings reads it from the
/// game's [`Store::connection`]).
pub fn status_in(conn: &Connection) -> Result<OutboxStatus, OutboxError> {
    let rejected: i64 = conn.query_row("SELECT COUNT(*) FROM lrs_rejected", [], |r| r.get(0))?;
    Ok(OutboxStatus {
        pending: pending_in(conn)?,
        rejected: usize::try_from(rejected).unwrap_or(0),
        last_sync: time_in(conn, "last_sync")?,
        last_error: get_in(conn, "last_error")?,
        failures: get_in(conn, "failures")?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0),
        next_try: time_in(conn, "next_try")?,
    })
}

/// The outbox over its own connection to a store file.
#[derive(Debug)]
pub struct Outbox {
    conn: Connection,
}

impl Outbox {
    /// Opens the outbox of the store file at `path` (created, or migrated to the latest schema, when
    /// needed) on a connection of its own, in WAL mode with a busy timeout: the syncer's side. Open the
    /// game's store with [`Store::open`] first, which recovers a damaged file; this does not.
    pub fn open(path: &Path) -> Result<Outbox, OutboxError> {
        Ok(Outbox {
            conn: Store::connect(path)?,
        })
    }

    /// An outbox in memory, for tests and one-off commands.
    pub fn in_memory() -> Result<Outbox, OutboxError> {
        Outbox::from_connection(Connection::open_in_memory()?)
    }

    /// Uses an open connection, migrating it to the store's latest schema (which holds the outbox).
    pub fn from_connection(mut conn: Connection) -> Result<Outbox, OutboxError> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        crate::store::schema::migrations(crate::store::schema::latest())
            .to_latest(&mut conn)
            .map_err(StoreError::from)?;
        Ok(Outbox { conn })
    }

    /// The connection, for tests that inspect the tables.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Queues statements in one transaction. A statement whose id is already queued is ignored.
    /// Returns how many were added.
    pub fn enqueue(&mut self, statements: &[Statement]) -> Result<usize, OutboxError> {
        enqueue_in(&self.conn, statements)
    }

    /// How many statements wait.
    pub fn pending(&self) -> Result<usize, OutboxError> {
        pending_in(&self.conn)
    }

    /// The queue and the last sync, for Settings.
    pub fn status(&self) -> Result<OutboxStatus, OutboxError> {
        status_in(&self.conn)
    }

    /// The wait after `failures` failed tries in a row: 5 s, 10 s, 20 s … at most an hour.
    pub fn backoff(failures: u32) -> chrono::Duration {
        let shift = failures.saturating_sub(1).min(20);
        let secs = BACKOFF_FIRST.num_seconds().saturating_mul(1_i64 << shift);
        chrono::Duration::seconds(secs.min(BACKOFF_MAX.num_seconds()))
    }

    /// Sets or clears keys of `lrs_sync` in one transaction.
    fn set(&self, pairs: &[(&str, Option<String>)]) -> Result<(), OutboxError> {
        let tx = write(&self.conn)?;
        for (key, value) in pairs {
            match value {
                Some(v) => tx.execute(
                    "INSERT INTO lrs_sync (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2",
                    params![key, v],
                )?,
                None => tx.execute("DELETE FROM lrs_sync WHERE key = ?1", [key])?,
            };
        }
        tx.commit()?;
        Ok(())
    }

    fn failed(&self, e: &LrsError, now: DateTime<Utc>) -> Result<(), OutboxError> {
        let failures = self.status()?.failures.saturating_add(1);
        self.set(&[
            ("failures", Some(failures.to_string())),
            ("last_error", Some(e.to_string())),
            (
                "next_try",
                Some((now + Outbox::backoff(failures)).to_rfc3339()),
            ),
        ])
    }

    fn succeeded(&self, now: DateTime<Utc>) -> Result<(), OutboxError> {
        self.set(&[
            ("failures", None),
            ("last_error", None),
            ("next_try", None),
            ("last_sync", Some(now.to_rfc3339())),
        ])
    }

    fn delete(&mut self, ids: &[String]) -> Result<(), OutboxError> {
        let tx = write(&self.conn)?;
        {
            let mut del = tx.prepare_cached("DELETE FROM lrs_outbox WHERE id = ?1")?;
            for id in ids {
                del.execute([id])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn reject(&mut self, id: &str, body: &str, reason: &str) -> Result<(), OutboxError> {
        let tx = write(&self.conn)?;
        tx.execute(
            "INSERT OR REPLACE INTO lrs_rejected (id, body, reason, rejected_at) VALUES (?1, ?2, ?3, ?4)",
            params![id, body, reason, Utc::now().to_rfc3339()],
        )?;
        tx.execute("DELETE FROM lrs_outbox WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    fn next_batch(&self, n: usize) -> Result<Vec<(String, String)>, OutboxError> {
        let mut q = self
            .conn
            .prepare_cached("SELECT id, body FROM lrs_outbox ORDER BY seq LIMIT ?1")?;
        let rows = q.query_map([i64::try_from(n).unwrap_or(i64::MAX)], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Sends queued statements in batches until the queue is empty, the batch limit is reached or
    /// the LRS fails. Never loses a statement: rows go only after the LRS has them.
    pub fn sync(
        &mut self,
        client: &LrsClient,
        opts: &SyncOptions,
    ) -> Result<SyncReport, OutboxError> {
        let mut report = SyncReport::default();
        if !opts.force
            && let Some(t) = time_in(&self.conn, "next_try")?
            && opts.now < t
        {
            report.waited = true;
            report.pending = self.pending()?;
            return Ok(report);
        }
        let mut batches = 0;
        loop {
            if opts.max_batches.is_some_and(|m| batches >= m) {
                break;
            }
            let batch = self.next_batch(opts.batch.max(1))?;
            if batch.is_empty() {
                break;
            }
            batches += 1;
            let ids: Vec<String> = batch.iter().map(|(i, _)| i.clone()).collect();
            {
                let tx = write(&self.conn)?;
                {
                    let mut tried =
                        tx.prepare_cached("UPDATE lrs_outbox SET tries = tries + 1 WHERE id = ?1")?;
                    for id in &ids {
                        tried.execute([id])?;
                    }
                }
                tx.commit()?;
            }
            let bodies: Vec<&str> = batch.iter().map(|(_, b)| b.as_str()).collect();
            match client.post_raw(&bodies) {
                Ok(Posted::Stored) => {
                    self.delete(&ids)?;
                    report.sent += ids.len();
                }
                Ok(Posted::Duplicate) | Err(LrsError::Rejected { .. }) if batch.len() > 1 => {
                    // One statement spoils the batch: send them one by one to find which.
                    if let Some(e) = self.one_by_one(client, &batch, &mut report)? {
                        self.failed(&e, opts.now)?;
                        report.error = Some(e);
                        break;
                    }
                }
                Ok(Posted::Duplicate) => {
                    self.delete(&ids)?;
                    report.duplicate += ids.len();
                }
                Err(LrsError::Rejected { status, body }) => {
                    let reason = format!("HTTP {status}: {body}");
                    self.reject(&batch[0].0, &batch[0].1, &reason)?;
                    report.rejected += 1;
                }
                Err(e) => {
                    self.failed(&e, opts.now)?;
                    report.error = Some(e);
                    break;
                }
            }
        }
        if report.error.is_none() && batches > 0 {
            self.succeeded(opts.now)?;
        } else if report.sent + report.duplicate > 0 {
            // Some batches arrived before the failure: that was a sync too, for Settings.
            self.set(&[("last_sync", Some(opts.now.to_rfc3339()))])?;
        }
        report.pending = self.pending()?;
        Ok(report)
    }

    /// Sends a batch one statement at a time. Returns the error that stopped it, if any.
    fn one_by_one(
        &mut self,
        client: &LrsClient,
        batch: &[(String, String)],
        report: &mut SyncReport,
    ) -> Result<Option<LrsError>, OutboxError> {
        for (id, body) in batch {
            match client.post_raw(&[body.as_str()]) {
                Ok(Posted::Stored) => {
                    self.delete(std::slice::from_ref(id))?;
                    report.sent += 1;
                }
                Ok(Posted::Duplicate) => {
                    self.delete(std::slice::from_ref(id))?;
                    report.duplicate += 1;
                }
                Err(LrsError::Rejected { status, body: why }) => {
                    self.reject(id, body, &format!("HTTP {status}: {why}"))?;
                    report.rejected += 1;
                }
                Err(e) => return Ok(Some(e)),
            }
        }
        Ok(None)
    }
}
