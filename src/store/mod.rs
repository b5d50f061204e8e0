//! The progress store: who plays, every attempt of every kind (dialogue, quiz round, team session),
//! the run in progress for resume, spaced-repetition cards and the figures the screens show, in one
//! SQLite file in the per-user data folder.
//!
//! Durability: the file is in WAL mode with `synchronous=NORMAL`, which survives a crash of the game
//! (a power cut may lose the last autosaves); the commit that finishes an attempt runs with
//! `synchronous=FULL`, so a debrief on screen is on disk. A damaged file is never overwritten: see
//! [`recovery`]. Nothing here shows words: errors and reports are enums, formatted by [`recovery`] and
//! [`transfer`] through the Fluent catalog.

pub mod query;
pub mod recovery;
pub mod schema;
pub mod transfer;

use crate::engine::library::{Library, Loaded};
use crate::engine::progress::{self, Card, Mastery, Observation, Rating, ReplayError};
use crate::engine::run::{Outcome, Run};
use crate::engine::score;
use crate::engine::text::Lang;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use query::{
    AttemptFilter, AttemptReview, FinishedAttempt, HistoryRow, PickerFigures, PrinciplePoint,
    ProgressData, SavedDebrief, ScorePoint,
};
pub use recovery::{Damage, Opened, Recovery, RecoveryAction};

/// The file name of the store in the data folder.
pub const FILE_NAME: &str = "progress.sqlite";

/// The name stored for the guest profile (the game shows a translated name for it).
pub const GUEST_NAME: &str = "Guest";

/// The longest profile or group name kept, in characters.
pub const NAME_MAX: usize = 60;

/// What can go wrong with the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A schema migration failed.
    #[error("schema migration: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// Reading or writing a file failed.
    #[error("file: {0}")]
    Io(#[from] std::io::Error),
    /// A JSON column or file could not be written or read.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// No profile, attempt or setting with this id.
    #[error("not found: {0}")]
    NotFound(String),
    /// The attempt is already finished.
    #[error("attempt {0} is already finished")]
    AlreadyFinished(i64),
    /// A profile name that is empty after trimming.
    #[error("a profile needs a name")]
    EmptyName,
    /// The per-user data folder is unknown on this system.
    #[error("no per-user data folder on this system")]
    NoDataDir,
}

/// A store result.
pub type Result<T> = std::result::Result<T, StoreError>;

/// The kind of an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A branching dialogue (a scenario).
    Dialogue,
    /// A quiz round.
    Quiz,
    /// A team session on a projector.
    Team,
}

impl Kind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Dialogue => "dialogue",
            Kind::Quiz => "quiz",
            Kind::Team => "team",
        }
    }

    /// The kind of a stored name.
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "dialogue" => Some(Kind::Dialogue),
            "quiz" => Some(Kind::Quiz),
            "team" => Some(Kind::Team),
            _ => None,
        }
    }
}

/// Coach (feedback after each reply) or exam (feedback at the end).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Feedback after each reply.
    #[default]
    Coach,
    /// Feedback only in the debrief.
    Exam,
}

impl Mode {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Coach => "coach",
            Mode::Exam => "exam",
        }
    }

    /// The mode of a stored name.
    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "coach" => Some(Mode::Coach),
            "exam" => Some(Mode::Exam),
            _ => None,
        }
    }
}

/// The row id of a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ProfileId(pub i64);

/// The row id of an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct AttemptId(pub i64);

/// A person who plays (or the guest).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Row id.
    pub id: ProfileId,
    /// Stable id across machines (export and import).
    pub uuid: String,
    /// The name.
    pub name: String,
    /// An optional group, such as "Onboarding March".
    pub group: Option<String>,
    /// When it was created (Unix ms).
    pub created: i64,
    /// When it was last chosen (Unix ms).
    pub last_used: i64,
    /// Whether this is the guest profile of a skipped first launch.
    pub guest: bool,
}

/// What an attempt is of, given when it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAttempt {
    /// Who plays.
    pub profile: ProfileId,
    /// Dialogue, quiz or team.
    pub kind: Kind,
    /// The scenario id, or the quiz round's id.
    pub activity: String,
    /// The content hash ([`progress::scenario_hash`] for a dialogue).
    pub hash: String,
    /// The seed of the variation.
    pub seed: u64,
    /// Coach or exam.
    pub mode: Mode,
    /// The interface language.
    pub lang: Lang,
    /// Kind-specific data (a team session's teams), JSON; `Null` for none.
    pub detail: serde_json::Value,
}

impl NewAttempt {
    /// A dialogue of a loaded scenario, with its content hash.
    pub fn dialogue(
        profile: ProfileId,
        loaded: &Loaded,
        seed: u64,
        mode: Mode,
        lang: Lang,
    ) -> Self {
        NewAttempt {
            profile,
            kind: Kind::Dialogue,
            activity: loaded.scenario.id.clone(),
            hash: progress::scenario_hash(&loaded.scenario),
            seed,
            mode,
            lang,
            detail: serde_json::Value::Null,
        }
    }
}

/// One step of an attempt: a decision, a quiz answer or a team vote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// The decision's node, the quiz item's stable id, or the team decision's node.
    pub item: String,
    /// The choice id or the answer given.
    pub answer: String,
    /// Whether it was right (quiz), or the best reply (dialogue), when known.
    pub correct: Option<bool>,
    /// Time taken, in milliseconds.
    pub ms: u32,
    /// Kind-specific data (a team vote's counts per reply), JSON; `Null` for none.
    #[serde(default)]
    pub detail: serde_json::Value,
}

impl Step {
    /// A dialogue decision.
    pub fn decision(node: &str, choice: &str, ms: u32) -> Self {
        Step {
            item: node.to_string(),
            answer: choice.to_string(),
            correct: None,
            ms,
            detail: serde_json::Value::Null,
        }
    }
}

/// One principle's result in a finished attempt (kept so that history shows even if the scenario
/// changes later).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrincipleResult {
    /// The principle id.
    pub id: String,
    /// Points earned.
    pub earned: i32,
    /// 0–100, `None` when not in play.
    pub percent: Option<u8>,
}

/// The end of an attempt.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Finish {
    /// The ending node (dialogue), if any.
    pub ending: Option<String>,
    /// The sum of points (dialogue) or quiz points.
    pub total: i32,
    /// The 0–100 score.
    pub score: u8,
    /// Per-principle results.
    pub principles: Vec<PrincipleResult>,
    /// Every principle tested, for mastery and spaced repetition.
    pub observations: Vec<Observation>,
    /// Replaces the attempt's kind-specific data when `Some`.
    pub detail: Option<serde_json::Value>,
}

impl Finish {
    /// The finish of a dialogue: score, per-principle results and observations from the engine.
    pub fn dialogue(loaded: &Loaded, outcome: &Outcome) -> Finish {
        let sc = score::score(&loaded.scenario, &loaded.analysis, outcome);
        Finish {
            ending: Some(outcome.ending.clone()),
            total: sc.total,
            score: sc.overall,
            principles: sc
                .principles
                .iter()
                .map(|p| PrincipleResult {
                    id: p.id.clone(),
                    earned: p.earned,
                    percent: p.percent,
                })
                .collect(),
            observations: progress::observations(&loaded.scenario, &loaded.analysis, outcome),
            detail: None,
        }
    }
}

/// A review of one principle posted on its own (by the quiz).
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// The quiz round it belongs to (every review belongs to an attempt; deleting the attempt
    /// deletes its reviews, while the card and mastery they moved stay as they are).
    pub attempt: AttemptId,
    /// The question's index within its round.
    pub step: usize,
    /// The principle id.
    pub principle: String,
    /// The rating (a fast right answer may be `Easy`, a wrong one is `Again`).
    pub rating: Rating,
    /// 0–1 for mastery: 1 right, 0 wrong.
    pub value: f64,
    /// When (Unix ms).
    pub at: i64,
}

/// A run that was not finished, as saved after its last decision.
#[derive(Debug, Clone, PartialEq)]
pub struct InProgress {
    /// The attempt.
    pub attempt: AttemptId,
    /// Dialogue, quiz or team.
    pub kind: Kind,
    /// The scenario or round id.
    pub activity: String,
    /// The content hash when it started.
    pub hash: String,
    /// The seed.
    pub seed: u64,
    /// Coach or exam.
    pub mode: Mode,
    /// The language.
    pub lang: Lang,
    /// When it started (Unix ms).
    pub started: i64,
    /// The steps so far, in order.
    pub steps: Vec<Step>,
}

impl InProgress {
    /// The choice ids made so far, for [`progress::replay`].
    pub fn choices(&self) -> Vec<String> {
        self.steps.iter().map(|s| s.answer.clone()).collect()
    }
}

/// Whether a saved dialogue can be continued.
#[derive(Debug, Clone)]
pub enum Resume {
    /// The run, rebuilt exactly: same seed, shuffles and transcript.
    Ready(Box<Run>),
    /// The scenario file changed since: offer to restart it.
    ScenarioChanged {
        /// The hash saved with the run.
        saved: String,
        /// The hash of the scenario now.
        now: String,
    },
    /// No playable scenario has this id any more.
    ScenarioMissing,
    /// The hash matches but a choice could not be replayed (should not happen).
    Broken(ReplayError),
}

/// Rebuilds a saved dialogue from the library, or says why not; never replays a changed scenario.
pub fn restore(saved: &InProgress, library: &Library) -> Resume {
    let Some(loaded) = library.get(&saved.activity) else {
        return Resume::ScenarioMissing;
    };
    let now = progress::scenario_hash(&loaded.scenario);
    if now != saved.hash {
        return Resume::ScenarioChanged {
            saved: saved.hash.clone(),
            now,
        };
    }
    match progress::replay(Arc::clone(&loaded.scenario), saved.seed, &saved.choices()) {
        Ok(run) => Resume::Ready(Box::new(run)),
        Err(e) => Resume::Broken(e),
    }
}

/// What deleting a profile loses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileSummary {
    /// Finished attempts.
    pub attempts: u64,
    /// Runs in progress.
    pub in_progress: u64,
}

/// The name to show for a profile: the guest profile's name is translated.
pub fn display_name(lang: Lang, p: &Profile) -> String {
    if p.guest && p.name == GUEST_NAME {
        crate::i18n::tr(lang, "store-guest")
    } else {
        p.name.clone()
    }
}

/// The current time in Unix milliseconds.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// The end of the local day of `at` (Unix ms): what "due today" counts up to.
pub fn end_of_local_day(at: i64) -> i64 {
    use chrono::{Local, TimeZone};
    let Some(t) = Local.timestamp_millis_opt(at).single() else {
        return at;
    };
    let next = t
        .date_naive()
        .succ_opt()
        .and_then(|d| d.and_hms_opt(0, 0, 0));
    next.and_then(|n| Local.from_local_datetime(&n).earliest())
        .map_or(at, |n| n.timestamp_millis() - 1)
}

/// The progress store.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// The default file: `progress.sqlite` in the per-user data folder.
    pub fn default_path() -> Result<PathBuf> {
        directories::ProjectDirs::from("org", "ClientFirst", "client-first")
            .map(|d| d.data_dir().join(FILE_NAME))
            .ok_or(StoreError::NoDataDir)
    }

    /// Opens (or creates) the store at `path`, recovering from damage; see [`recovery::open`].
    pub fn open(path: &Path) -> Result<Opened> {
        recovery::open(path)
    }

    /// Opens the store in the per-user data folder, recovering from damage: what the game calls at
    /// start-up. Show `recovery::message(lang, r)` when the report is `Some`.
    pub fn open_default() -> Result<Opened> {
        recovery::open(&Self::default_path()?)
    }

    /// A store in memory, for tests and for a session whose file cannot be used.
    pub fn in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        Self::prepare(&mut conn)?;
        Ok(Store { conn, path: None })
    }

    /// Opens a file that is known to be a healthy database of this or an older version, migrating it.
    pub(crate) fn open_healthy(path: &Path) -> Result<Store> {
        let mut conn = Connection::open(path)?;
        Self::prepare(&mut conn)?;
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
        })
    }

    /// A second connection to a healthy store file, with the store's settings and migrated to the
    /// latest schema: what a background thread (the outbox's syncer) uses beside the game's [`Store`].
    /// It does no recovery, so open the file with [`Store::open`] first.
    ///
    /// Both connections wait up to five seconds for each other's writes (`busy_timeout`), and every
    /// write transaction of the store begins `IMMEDIATE`, so a write that first reads never fails with
    /// `SQLITE_BUSY` because the other connection committed in between.
    pub fn connect(path: &Path) -> Result<Connection> {
        let mut conn = Connection::open(path)?;
        Self::prepare(&mut conn)?;
        Ok(conn)
    }

    /// Begins a write transaction that takes the write lock at once (`BEGIN IMMEDIATE`), waiting for
    /// another connection's write through the busy timeout instead of failing half-way.
    pub(crate) fn write_transaction(&self) -> Result<Transaction<'_>> {
        Ok(Transaction::new_unchecked(
            &self.conn,
            TransactionBehavior::Immediate,
        )?)
    }

    fn prepare(conn: &mut Connection) -> Result<()> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        schema::migrations(schema::latest()).to_latest(conn)?;
        Ok(())
    }

    /// The file, or `None` for a store in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The underlying connection, for tests and benchmarks that inspect the file.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// `PRAGMA integrity_check`: `true` when SQLite answers `ok`.
    pub fn integrity_ok(&self) -> Result<bool> {
        let r: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        Ok(r == "ok")
    }

    // ---- settings -------------------------------------------------------------------------------

    /// A stored setting.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Stores a setting.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// Stores several settings in one transaction: all of them or none.
    pub fn set_settings(&self, pairs: &[(&str, &str)]) -> Result<()> {
        let tx = self.write_transaction()?;
        {
            let mut st = tx.prepare_cached(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            )?;
            for (k, v) in pairs {
                st.execute(params![k, v])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    // ---- profiles -------------------------------------------------------------------------------

    fn profile_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Profile> {
        Ok(Profile {
            id: ProfileId(r.get(0)?),
            uuid: r.get(1)?,
            name: r.get(2)?,
            group: r.get(3)?,
            created: r.get(4)?,
            last_used: r.get(5)?,
            guest: r.get(6)?,
        })
    }

    const PROFILE_COLUMNS: &'static str = "id, uuid, name, grp, created, last_used, guest";

    /// Every profile, the most recently used first.
    pub fn profiles(&self) -> Result<Vec<Profile>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT {} FROM profiles ORDER BY last_used DESC, id",
            Self::PROFILE_COLUMNS
        ))?;
        let rows = st.query_map([], Self::profile_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The profile with this id.
    pub fn profile(&self, id: ProfileId) -> Result<Profile> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {} FROM profiles WHERE id = ?1",
                    Self::PROFILE_COLUMNS
                ),
                [id.0],
                Self::profile_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("profile {}", id.0)))
    }

    /// The profile with this name (the first created, when several share it).
    pub fn profile_by_name(&self, name: &str) -> Result<Option<Profile>> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT {} FROM profiles WHERE name = ?1 ORDER BY id LIMIT 1",
                    Self::PROFILE_COLUMNS
                ),
                [name.trim()],
                Self::profile_row,
            )
            .optional()?)
    }

    fn clean_name(name: &str) -> Result<String> {
        let n: String = name.trim().chars().take(NAME_MAX).collect();
        if n.is_empty() {
            return Err(StoreError::EmptyName);
        }
        Ok(n)
    }

    fn clean_group(group: Option<&str>) -> Option<String> {
        group
            .map(|g| g.trim().chars().take(NAME_MAX).collect::<String>())
            .filter(|g| !g.is_empty())
    }

    /// Creates a profile. Names need not be unique: two people may share a first name.
    pub fn create_profile(&self, name: &str, group: Option<&str>) -> Result<Profile> {
        let name = Self::clean_name(name)?;
        let now = now_ms();
        self.conn.execute(
            "INSERT INTO profiles (uuid, name, grp, created, last_used, guest)
             VALUES (?1, ?2, ?3, ?4, ?4, 0)",
            params![
                uuid::Uuid::new_v4().to_string(),
                name,
                Self::clean_group(group),
                now
            ],
        )?;
        self.profile(ProfileId(self.conn.last_insert_rowid()))
    }

    /// The guest profile of a skipped first launch, created on first use.
    pub fn guest(&self) -> Result<Profile> {
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM profiles WHERE guest = 1 ORDER BY id LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = id {
            return self.profile(ProfileId(id));
        }
        let p = self.create_profile(GUEST_NAME, None)?;
        self.conn
            .execute("UPDATE profiles SET guest = 1 WHERE id = ?1", [p.id.0])?;
        self.profile(p.id)
    }

    /// Renames a profile and sets or clears its group.
    pub fn rename_profile(&self, id: ProfileId, name: &str, group: Option<&str>) -> Result<()> {
        let name = Self::clean_name(name)?;
        let n = self.conn.execute(
            "UPDATE profiles SET name = ?2, grp = ?3 WHERE id = ?1",
            params![id.0, name, Self::clean_group(group)],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound(format!("profile {}", id.0)));
        }
        Ok(())
    }

    /// What deleting a profile would lose, for the confirmation.
    pub fn profile_summary(&self, id: ProfileId) -> Result<ProfileSummary> {
        let (done, open): (i64, i64) = self.conn.query_row(
            "SELECT COUNT(finished), COUNT(*) - COUNT(finished) FROM attempts WHERE profile = ?1",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(ProfileSummary {
            attempts: done as u64,
            in_progress: open as u64,
        })
    }

    /// Deletes a profile and everything it saved.
    pub fn delete_profile(&self, id: ProfileId) -> Result<()> {
        let n = self
            .conn
            .execute("DELETE FROM profiles WHERE id = ?1", [id.0])?;
        if n == 0 {
            return Err(StoreError::NotFound(format!("profile {}", id.0)));
        }
        Ok(())
    }

    /// The profile chosen last, if it still exists.
    pub fn last_profile(&self) -> Result<Option<Profile>> {
        let Some(uuid) = self.setting("last_profile")? else {
            return Ok(None);
        };
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT {} FROM profiles WHERE uuid = ?1",
                    Self::PROFILE_COLUMNS
                ),
                [uuid],
                Self::profile_row,
            )
            .optional()?)
    }

    /// Chooses a profile: remembered for the next launch, and first in [`Store::profiles`].
    pub fn set_last_profile(&self, id: ProfileId) -> Result<()> {
        let p = self.profile(id)?;
        self.conn.execute(
            "UPDATE profiles SET last_used = ?2 WHERE id = ?1",
            params![id.0, now_ms()],
        )?;
        self.set_setting("last_profile", &p.uuid)
    }

    // ---- attempts -------------------------------------------------------------------------------

    /// Starts an attempt. Other unfinished attempts of the same profile and kind are dropped: there is
    /// one run in progress per profile and kind, the one "Continue" offers.
    pub fn start_attempt(&self, a: &NewAttempt) -> Result<AttemptId> {
        let tx = self.write_transaction()?;
        tx.execute(
            "DELETE FROM attempts WHERE profile = ?1 AND kind = ?2 AND finished IS NULL",
            params![a.profile.0, a.kind.as_str()],
        )?;
        let now = now_ms();
        tx.execute(
            "INSERT INTO attempts (uuid, profile, kind, activity, hash, seed, mode, lang, started,
                                   updated, detail)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)",
            params![
                uuid::Uuid::new_v4().to_string(),
                a.profile.0,
                a.kind.as_str(),
                a.activity,
                a.hash,
                a.seed as i64,
                a.mode.as_str(),
                a.lang.code(),
                now,
                json_or_empty(&a.detail)?,
            ],
        )?;
        let id = AttemptId(tx.last_insert_rowid());
        tx.commit()?;
        Ok(id)
    }

    /// Saves one step of an unfinished attempt (the autosave after each decision); `index` is 0-based.
    /// Saving the same index again replaces it.
    pub fn save_step(&self, attempt: AttemptId, index: usize, step: &Step) -> Result<()> {
        let tx = self.write_transaction()?;
        let now = now_ms();
        let n = tx.execute(
            "UPDATE attempts SET updated = ?2 WHERE id = ?1 AND finished IS NULL",
            params![attempt.0, now],
        )?;
        if n == 0 {
            return Err(self.missing_or_finished(attempt));
        }
        insert_step(&tx, attempt, index, step, now, true)?;
        tx.commit()?;
        Ok(())
    }

    fn missing_or_finished(&self, attempt: AttemptId) -> StoreError {
        let exists: rusqlite::Result<i64> =
            self.conn
                .query_row("SELECT id FROM attempts WHERE id = ?1", [attempt.0], |r| {
                    r.get(0)
                });
        match exists {
            Ok(_) => StoreError::AlreadyFinished(attempt.0),
            Err(_) => StoreError::NotFound(format!("attempt {}", attempt.0)),
        }
    }

    /// Drops an unfinished attempt (the player chose not to continue it).
    pub fn discard_attempt(&self, attempt: AttemptId) -> Result<()> {
        self.conn.execute(
            "DELETE FROM attempts WHERE id = ?1 AND finished IS NULL",
            [attempt.0],
        )?;
        Ok(())
    }

    /// Finishes a dialogue: makes sure every decision of `outcome` is saved as a step (keeping the
    /// times of the autosaves), then records score, principles and reviews. Durable on return.
    pub fn finish_dialogue(
        &self,
        attempt: AttemptId,
        loaded: &Loaded,
        outcome: &Outcome,
    ) -> Result<()> {
        let steps: Vec<Step> = outcome
            .decisions
            .iter()
            .map(|d| Step::decision(&d.node, &d.choice, 0))
            .collect();
        self.finish_with_steps(attempt, &steps, &Finish::dialogue(loaded, outcome))
    }

    /// Finishes an attempt of any kind. Durable on return (`synchronous=FULL` for this commit).
    pub fn finish_attempt(&self, attempt: AttemptId, finish: &Finish) -> Result<()> {
        self.finish_with_steps(attempt, &[], finish)
    }

    fn finish_with_steps(&self, attempt: AttemptId, steps: &[Step], f: &Finish) -> Result<()> {
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        let result = (|| {
            let tx = self.write_transaction()?;
            let now = now_ms();
            if !steps.is_empty() {
                for (i, s) in steps.iter().enumerate() {
                    insert_step(&tx, attempt, i, s, now, false)?;
                }
                // Autosaved steps past the outcome's last decision do not belong to this run.
                tx.execute(
                    "DELETE FROM steps WHERE attempt = ?1 AND idx >= ?2",
                    params![attempt.0, steps.len() as i64],
                )?;
            }
            finish_in(&tx, attempt, f, now)?;
            tx.commit()?;
            Ok(())
        })();
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        if let Err(StoreError::NotFound(_)) = &result {
            return Err(self.missing_or_finished(attempt));
        }
        result
    }

    /// The run in progress of a profile and kind, if any: what "Continue" offers.
    pub fn in_progress(&self, profile: ProfileId, kind: Kind) -> Result<Option<InProgress>> {
        let row = self
            .conn
            .query_row(
                "SELECT id, activity, hash, seed, mode, lang, started FROM attempts
                 WHERE profile = ?1 AND kind = ?2 AND finished IS NULL
                 ORDER BY updated DESC, id DESC LIMIT 1",
                params![profile.0, kind.as_str()],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, i64>(6)?,
                    ))
                },
            )
            .optional()?;
        let Some((id, activity, hash, seed, mode, lang, started)) = row else {
            return Ok(None);
        };
        Ok(Some(InProgress {
            attempt: AttemptId(id),
            kind,
            activity,
            hash,
            seed: seed as u64,
            mode: Mode::parse(&mode).unwrap_or_default(),
            lang: Lang::from_code(&lang).unwrap_or_default(),
            started,
            steps: self.steps(AttemptId(id))?,
        }))
    }

    /// The steps of an attempt, in order.
    pub fn steps(&self, attempt: AttemptId) -> Result<Vec<Step>> {
        let mut st = self.conn.prepare_cached(
            "SELECT item, answer, correct, ms, detail FROM steps WHERE attempt = ?1 ORDER BY idx",
        )?;
        let rows = st.query_map([attempt.0], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<bool>>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (item, answer, correct, ms, detail) = row?;
            out.push(Step {
                item,
                answer,
                correct,
                ms: u32::try_from(ms).unwrap_or(u32::MAX),
                detail: parse_json(&detail),
            });
        }
        Ok(out)
    }

    // ---- reviews --------------------------------------------------------------------------------

    /// Records a review of a principle outside a finished attempt: the quiz posts one per answered
    /// question. A review already stored (same attempt, step and principle) changes nothing.
    pub fn add_review(&self, profile: ProfileId, review: &Review) -> Result<()> {
        let tx = self.write_transaction()?;
        apply_review(
            &tx,
            profile.0,
            review.attempt.0,
            review.step,
            &review.principle,
            review.rating,
            review.value,
            review.at,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Recomputes a profile's summaries, mastery and cards from its attempts and reviews (after an
    /// import, whose attempts may interleave in time with the local ones).
    pub fn rebuild_derived(&self, profile: ProfileId) -> Result<()> {
        let tx = self.write_transaction()?;
        rebuild_in(&tx, profile.0)?;
        tx.commit()?;
        Ok(())
    }
}

fn json_or_empty(v: &serde_json::Value) -> Result<String> {
    Ok(if v.is_null() {
        "{}".to_string()
    } else {
        serde_json::to_string(v)?
    })
}

pub(crate) fn parse_json(s: &str) -> serde_json::Value {
    match serde_json::from_str::<serde_json::Value>(s) {
        Ok(serde_json::Value::Object(m)) if m.is_empty() => serde_json::Value::Null,
        Ok(v) => v,
        Err(_) => serde_json::Value::Null,
    }
}

fn insert_step(
    tx: &Transaction<'_>,
    attempt: AttemptId,
    index: usize,
    s: &Step,
    at: i64,
    replace: bool,
) -> Result<()> {
    // At the finish, a step the autosave already holds keeps its time and detail; only a choice that
    // differs from the outcome's is corrected.
    let conflict = if replace {
        "DO UPDATE SET item = excluded.item, answer = excluded.answer, correct = excluded.correct,
                       ms = excluded.ms, at = excluded.at, detail = excluded.detail"
    } else {
        "DO UPDATE SET item = excluded.item, answer = excluded.answer
         WHERE steps.item != excluded.item OR steps.answer != excluded.answer"
    };
    tx.prepare_cached(&format!(
        "INSERT INTO steps (attempt, idx, item, answer, correct, ms, at, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT(attempt, idx) {conflict}"
    ))?
    .execute(params![
        attempt.0,
        index as i64,
        s.item,
        s.answer,
        s.correct,
        i64::from(s.ms),
        at,
        json_or_empty(&s.detail)?,
    ])?;
    Ok(())
}

/// Records the end of an attempt inside a transaction: the row, its principles, its reviews, and the
/// summaries. Returns the profile. `NotFound` when the attempt does not exist or is finished.
pub(crate) fn finish_in(
    tx: &Transaction<'_>,
    attempt: AttemptId,
    f: &Finish,
    now: i64,
) -> Result<i64> {
    let row: Option<(i64, String, String)> = tx
        .query_row(
            "SELECT profile, kind, activity FROM attempts WHERE id = ?1 AND finished IS NULL",
            [attempt.0],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((profile, kind, activity)) = row else {
        return Err(StoreError::NotFound(format!("attempt {}", attempt.0)));
    };
    let principles = serde_json::to_string(&f.principles)?;
    tx.execute(
        "UPDATE attempts SET finished = ?2, updated = ?2, ending = ?3, total = ?4, score = ?5,
                principles = ?6, detail = COALESCE(?7, detail)
         WHERE id = ?1",
        params![
            attempt.0,
            now,
            f.ending,
            f.total,
            f.score.min(100),
            principles,
            f.detail.as_ref().map(json_or_empty).transpose()?,
        ],
    )?;
    record_results(tx, attempt.0, profile, &kind, &activity, f, now)?;
    Ok(profile)
}

/// The per-principle rows, reviews and summaries of a finished attempt.
pub(crate) fn record_results(
    tx: &Transaction<'_>,
    attempt: i64,
    profile: i64,
    kind: &str,
    activity: &str,
    f: &Finish,
    finished: i64,
) -> Result<()> {
    {
        let mut st = tx.prepare_cached(
            "INSERT OR REPLACE INTO attempt_principles
                 (attempt, profile, principle, finished, earned, percent)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for p in &f.principles {
            st.execute(params![
                attempt, profile, p.id, finished, p.earned, p.percent
            ])?;
        }
    }
    for o in &f.observations {
        apply_review(
            tx,
            profile,
            attempt,
            o.step,
            &o.principle,
            o.rating,
            o.value,
            finished,
        )?;
    }
    tx.prepare_cached(
        "INSERT INTO activity_stats (profile, kind, activity, attempts, best, last)
         VALUES (?1, ?2, ?3, 1, ?4, ?5)
         ON CONFLICT(profile, kind, activity) DO UPDATE SET
             attempts = attempts + 1, best = MAX(best, excluded.best), last = MAX(last, excluded.last)",
    )?
    .execute(params![profile, kind, activity, f.score.min(100), finished])?;
    if let (Some(ending), "dialogue") = (&f.ending, kind) {
        tx.prepare_cached(
            "INSERT INTO endings_found (profile, activity, ending, first) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(profile, activity, ending) DO UPDATE SET first = MIN(first, excluded.first)",
        )?
        .execute(params![profile, activity, ending, finished])?;
    }
    Ok(())
}

/// Stores one review and folds it into the principle's mastery and card. A review already stored
/// (same attempt, step and principle) changes nothing.
#[expect(
    clippy::too_many_arguments,
    reason = "one review is these eight columns; a struct would only repeat them"
)]
pub(crate) fn apply_review(
    tx: &Transaction<'_>,
    profile: i64,
    attempt: i64,
    step: usize,
    principle: &str,
    rating: Rating,
    value: f64,
    at: i64,
) -> Result<()> {
    let added = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO reviews (attempt, step, principle, profile, at, rating, value)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            attempt,
            step as i64,
            principle,
            profile,
            at,
            rating.number(),
            value.clamp(0.0, 1.0)
        ])?;
    if added == 0 {
        return Ok(());
    }
    fold_review(tx, profile, principle, rating, value, at)
}

fn fold_review(
    tx: &Transaction<'_>,
    profile: i64,
    principle: &str,
    rating: Rating,
    value: f64,
    at: i64,
) -> Result<()> {
    let mut m: Mastery = tx
        .prepare_cached(
            "SELECT weighted, weight, count FROM mastery WHERE profile = ?1 AND principle = ?2",
        )?
        .query_row(params![profile, principle], |r| {
            Ok(Mastery {
                weighted: r.get(0)?,
                weight: r.get(1)?,
                count: r.get(2)?,
            })
        })
        .optional()?
        .unwrap_or_default();
    m.add(value);
    tx.prepare_cached(
        "INSERT OR REPLACE INTO mastery (profile, principle, weighted, weight, count)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![profile, principle, m.weighted, m.weight, m.count])?;
    let card = load_card(tx, profile, principle)?;
    let next = progress::review(card, rating, at);
    tx.prepare_cached(
        "INSERT OR REPLACE INTO cards (profile, principle, due, stability, difficulty, elapsed_days,
                                       scheduled_days, reps, lapses, state, last_review)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        profile,
        principle,
        next.due,
        next.stability,
        next.difficulty,
        next.elapsed_days,
        next.scheduled_days,
        next.reps,
        next.lapses,
        next.state,
        next.last_review
    ])?;
    Ok(())
}

fn load_card(tx: &Connection, profile: i64, principle: &str) -> Result<Option<Card>> {
    Ok(tx
        .prepare_cached(
            "SELECT due, stability, difficulty, elapsed_days, scheduled_days, reps, lapses, state,
                    last_review
             FROM cards WHERE profile = ?1 AND principle = ?2",
        )?
        .query_row(params![profile, principle], |r| {
            Ok(Card {
                due: r.get(0)?,
                stability: r.get(1)?,
                difficulty: r.get(2)?,
                elapsed_days: r.get(3)?,
                scheduled_days: r.get(4)?,
                reps: r.get(5)?,
                lapses: r.get(6)?,
                state: r.get(7)?,
                last_review: r.get(8)?,
            })
        })
        .optional()?)
}

/// Recomputes one profile's derived tables inside a transaction.
pub(crate) fn rebuild_in(tx: &Transaction<'_>, profile: i64) -> Result<()> {
    for table in ["mastery", "cards", "activity_stats", "endings_found"] {
        tx.execute(
            &format!("DELETE FROM {table} WHERE profile = ?1"),
            [profile],
        )?;
    }
    tx.execute(
        "INSERT INTO activity_stats (profile, kind, activity, attempts, best, last)
         SELECT profile, kind, activity, COUNT(*), MAX(COALESCE(score, 0)), MAX(finished)
         FROM attempts WHERE profile = ?1 AND finished IS NOT NULL GROUP BY kind, activity",
        [profile],
    )?;
    tx.execute(
        "INSERT INTO endings_found (profile, activity, ending, first)
         SELECT profile, activity, ending, MIN(finished) FROM attempts
         WHERE profile = ?1 AND finished IS NOT NULL AND ending IS NOT NULL AND kind = 'dialogue'
         GROUP BY activity, ending",
        [profile],
    )?;
    let reviews: Vec<(String, u8, f64, i64)> = {
        let mut st = tx.prepare(
            "SELECT principle, rating, value, at FROM reviews WHERE profile = ?1
             ORDER BY at, attempt, step",
        )?;
        let rows = st.query_map([profile], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (principle, rating, value, at) in reviews {
        fold_review(
            tx,
            profile,
            &principle,
            Rating::from_number(rating),
            value,
            at,
        )?;
    }
    Ok(())
}
