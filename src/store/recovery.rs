//! Opening the store safely: a file that is not a database, is damaged, or comes from a newer version
//! of the game is never overwritten. A damaged file is moved aside with a timestamp and the newest
//! healthy daily backup takes its place; a newer file is left as it is and the session runs on a store
//! in memory. The player is told what happened, in their language, by [`message`].
//!
//! Backups: at most once a day, when the store opens, SQLite's online backup API copies the store to
//! `backups/progress-YYYYMMDD.sqlite` beside it (written under a temporary name, then renamed); the
//! newest [`BACKUPS_KEPT`] are kept. A copy that fails `PRAGMA quick_check` is not kept.
//!
//! Checks on open: the header, the size the header gives against the file's size (a file cut short),
//! the schema version, every table readable, and `PRAGMA quick_check` for files up to
//! [`FULL_CHECK_MAX_BYTES`].

use super::{Result, Store, schema};
use crate::engine::text::Lang;
use crate::i18n::{Args, tra};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// How many daily backups are kept.
pub const BACKUPS_KEPT: usize = 3;

/// The first 16 bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// What was wrong with the store file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// The file is not an SQLite database at all.
    NotADatabase,
    /// The file is a database, but damaged or cut short.
    Corrupt,
    /// The file is from a newer version of the game.
    NewerVersion {
        /// Its schema version.
        found: i64,
        /// The newest this build reads.
        supported: usize,
    },
}

/// What the store did about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecoveryAction {
    /// Restored from the backup of this day.
    Restored {
        /// The backup's day, `YYYY-MM-DD`.
        day: String,
        /// Profiles recovered.
        profiles: u64,
        /// Finished attempts recovered.
        attempts: u64,
    },
    /// No healthy backup: a new, empty store.
    StartedEmpty,
    /// The file is kept untouched and this session is not saved.
    NotSaving,
}

/// The report shown to the player after a recovery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// What was wrong.
    pub damage: Damage,
    /// What was done.
    pub action: RecoveryAction,
    /// Where the damaged file was moved, if it was.
    pub moved_to: Option<PathBuf>,
}

/// A store just opened, with the recovery report when something had to be done.
#[derive(Debug)]
pub struct Opened {
    /// The store to use.
    pub store: Store,
    /// What happened, to show the player; `None` when the file was fine.
    pub recovery: Option<Recovery>,
}

/// The state of a store file before opening it for writing.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Health {
    /// Missing, empty, or a healthy database of this or an older version.
    Usable,
    /// Not usable.
    Damaged(Damage),
}

/// Looks at a file without changing it.
fn diagnose(path: &Path) -> Health {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(_) => return Health::Usable,
    };
    if meta.len() == 0 {
        return Health::Usable;
    }
    let mut head = [0u8; 100];
    let read = std::fs::File::open(path).and_then(|mut f| {
        use std::io::Read;
        f.read_exact(&mut head)
    });
    if read.is_err() || &head[..16] != SQLITE_HEADER {
        return Health::Damaged(Damage::NotADatabase);
    }
    if meta.len() < header_size(&head) {
        return Health::Damaged(Damage::Corrupt);
    }
    let full_check = meta.len() <= FULL_CHECK_MAX_BYTES;
    let check = || -> rusqlite::Result<Health> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > schema::latest() as i64 {
            return Ok(Health::Damaged(Damage::NewerVersion {
                found: version,
                supported: schema::latest(),
            }));
        }
        if full_check && !quick_check(&conn)? {
            return Ok(Health::Damaged(Damage::Corrupt));
        }
        // Every table must be readable to its end: a file cut short can pass the page checks.
        for table in ["profiles", "attempts"] {
            let exists: i64 = conn.query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )?;
            if exists == 1 {
                conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })?;
            }
        }
        Ok(Health::Usable)
    };
    match check() {
        Ok(h) => h,
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::NotADatabase =>
        {
            Health::Damaged(Damage::NotADatabase)
        }
        Err(_) => Health::Damaged(Damage::Corrupt),
    }
}

/// Files up to this size get a full `PRAGMA quick_check` on every open (about 12 ms per MB here);
/// a larger one (tens of thousands of attempts) gets the cheap checks on open and the full check
/// once a day, on the backup copy, so a launch never waits seconds.
pub const FULL_CHECK_MAX_BYTES: u64 = 16 << 20;

/// The size the header says the database has: page size × page count, when the count is valid
/// (its "version-valid-for" number equals the change counter); 0 when it cannot tell.
fn header_size(head: &[u8; 100]) -> u64 {
    let be16 = |i: usize| u64::from(u16::from_be_bytes([head[i], head[i + 1]]));
    let be32 = |i: usize| u32::from_be_bytes([head[i], head[i + 1], head[i + 2], head[i + 3]]);
    let page = match be16(16) {
        1 => 65_536,
        n => n,
    };
    if be32(92) != be32(24) {
        return 0;
    }
    page * u64::from(be32(28))
}

/// `PRAGMA quick_check` answers `ok`.
fn quick_check(conn: &Connection) -> rusqlite::Result<bool> {
    let mut st = conn.prepare("PRAGMA quick_check")?;
    let lines: Vec<String> = st
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(lines == ["ok"])
}

/// The folder of the backups of a store file.
pub fn backup_dir(path: &Path) -> PathBuf {
    path.parent()
        .unwrap_or_else(|| Path::new("."))
        .join("backups")
}

/// The backups of a store file, newest first.
pub fn backups(path: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(backup_dir(path))
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("progress-") && n.ends_with(".sqlite"))
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v.reverse();
    v
}

fn today() -> String {
    chrono::Local::now().format("%Y%m%d").to_string()
}

fn stamp() -> String {
    chrono::Local::now().format("%Y%m%d-%H%M%S").to_string()
}

/// `YYYYMMDD` of a backup's name as `YYYY-MM-DD`.
fn day_of(backup: &Path) -> String {
    let name = backup
        .file_stem()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let d = name.trim_start_matches("progress-");
    if d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()) {
        format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..])
    } else {
        d.to_string()
    }
}

/// Moves a damaged file (and its WAL and shared-memory files) aside; returns the new path.
fn move_aside(path: &Path) -> std::io::Result<PathBuf> {
    let suffix = format!("damaged-{}", stamp());
    let mut target = PathBuf::from(format!("{}.{suffix}", path.display()));
    let mut n = 1;
    while target.exists() {
        target = PathBuf::from(format!("{}.{suffix}-{n}", path.display()));
        n += 1;
    }
    std::fs::rename(path, &target)?;
    for ext in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{ext}", path.display()));
        if side.exists() {
            let _ = std::fs::rename(&side, format!("{}{ext}", target.display()));
        }
    }
    Ok(target)
}

/// Opens the store at `path`: creates it when missing, migrates an older one, and recovers from a
/// damaged or newer file as the module comment says. Errors only when even a fresh store cannot be
/// made (no disk space, no permission).
pub fn open(path: &Path) -> Result<Opened> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    match diagnose(path) {
        Health::Usable => {
            let store = Store::open_healthy(path)?;
            // A failed backup must not stop the game; the next launch tries again.
            let _ = store.backup_if_due();
            Ok(Opened {
                store,
                recovery: None,
            })
        }
        Health::Damaged(damage @ Damage::NewerVersion { .. }) => Ok(Opened {
            store: Store::in_memory()?,
            recovery: Some(Recovery {
                damage,
                action: RecoveryAction::NotSaving,
                moved_to: None,
            }),
        }),
        Health::Damaged(damage) => {
            let moved_to = move_aside(path)?;
            let restored = backups(path)
                .into_iter()
                .find(|b| diagnose(b) == Health::Usable);
            let action = match restored {
                Some(b) => {
                    let tmp = PathBuf::from(format!("{}.restoring", path.display()));
                    std::fs::copy(&b, &tmp)?;
                    std::fs::rename(&tmp, path)?;
                    let store = Store::open_healthy(path)?;
                    let (profiles, attempts) = store.counts()?;
                    return Ok(Opened {
                        store,
                        recovery: Some(Recovery {
                            damage,
                            action: RecoveryAction::Restored {
                                day: day_of(&b),
                                profiles,
                                attempts,
                            },
                            moved_to: Some(moved_to),
                        }),
                    });
                }
                None => RecoveryAction::StartedEmpty,
            };
            Ok(Opened {
                store: Store::open_healthy(path)?,
                recovery: Some(Recovery {
                    damage,
                    action,
                    moved_to: Some(moved_to),
                }),
            })
        }
    }
}

impl Store {
    /// How many profiles and finished attempts the store holds.
    pub fn counts(&self) -> Result<(u64, u64)> {
        Ok(self.conn.query_row(
            "SELECT (SELECT COUNT(*) FROM profiles),
                    (SELECT COUNT(*) FROM attempts WHERE finished IS NOT NULL)",
            [],
            |r| Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64)),
        )?)
    }

    /// Makes today's backup unless one exists already. Returns the backup written, if any.
    pub fn backup_if_due(&self) -> Result<Option<PathBuf>> {
        let Some(path) = self.path.clone() else {
            return Ok(None);
        };
        let name = format!("progress-{}.sqlite", today());
        if backups(&path)
            .first()
            .and_then(|b| b.file_name())
            .is_some_and(|n| *n.to_string_lossy() >= *name.as_str())
        {
            return Ok(None);
        }
        self.backup_now().map(Some)
    }

    /// Writes today's backup now (replacing one of the same day), and drops all but the newest
    /// [`BACKUPS_KEPT`].
    pub fn backup_now(&self) -> Result<PathBuf> {
        let Some(path) = self.path.clone() else {
            return Err(super::StoreError::NotFound(
                "a store file to back up".into(),
            ));
        };
        let dir = backup_dir(&path);
        std::fs::create_dir_all(&dir)?;
        let target = dir.join(format!("progress-{}.sqlite", today()));
        let tmp = dir.join(format!("progress-{}.sqlite.part", today()));
        let _ = std::fs::remove_file(&tmp);
        self.conn.backup(rusqlite::MAIN_DB, &tmp, None)?;
        // The copy must be a single file: fold its journal in before the rename. A copy that fails
        // the check is not kept, so a restore never brings back a damaged store.
        let healthy = {
            let c = Connection::open(&tmp)?;
            c.pragma_update(None, "journal_mode", "DELETE")?;
            quick_check(&c)?
        };
        if !healthy {
            let _ = std::fs::remove_file(&tmp);
            return Err(super::StoreError::Sqlite(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
                Some("the store failed its check; no backup was made".into()),
            )));
        }
        std::fs::rename(&tmp, &target)?;
        for old in backups(&path).into_iter().skip(BACKUPS_KEPT) {
            let _ = std::fs::remove_file(old);
        }
        Ok(target)
    }
}

/// The recovery report in `lang`: what was wrong, what was done, and where the damaged file is.
pub fn message(lang: Lang, r: &Recovery) -> String {
    let mut out = match &r.damage {
        Damage::NotADatabase => tra(lang, "store-damage-not-a-database", &Args::new()),
        Damage::Corrupt => tra(lang, "store-damage-corrupt", &Args::new()),
        Damage::NewerVersion { found, supported } => tra(
            lang,
            "store-damage-newer",
            &Args::new()
                .num("found", *found as f64)
                .num("supported", *supported as f64),
        ),
    };
    out.push(' ');
    out.push_str(&match &r.action {
        RecoveryAction::Restored {
            day,
            profiles,
            attempts,
        } => tra(
            lang,
            "store-action-restored",
            &Args::new()
                .str("day", day.clone())
                .num("profiles", *profiles as f64)
                .num("attempts", *attempts as f64),
        ),
        RecoveryAction::StartedEmpty => tra(lang, "store-action-empty", &Args::new()),
        RecoveryAction::NotSaving => tra(lang, "store-action-not-saving", &Args::new()),
    });
    if let Some(p) = &r.moved_to {
        out.push(' ');
        out.push_str(&tra(
            lang,
            "store-moved",
            &Args::new().str("path", p.display().to_string()),
        ));
    }
    out
}
