//! Moving a profile between machines: `client-first progress export FILE [--profile NAME]` writes one
//! JSON file with the profile's whole history, and `progress import FILE` reads it back.
//!
//! The file carries a format tag and a version, so a file of another program or of a newer game is
//! recognised before anything is read. Attempts and profiles keep their UUIDs, so importing the same
//! file twice adds nothing the second time. An import runs in one transaction: a file that fails any
//! check changes nothing, and the error names the line and column or the attempt and field.

use super::{
    AttemptId, Finish, Kind, Mode, PrincipleResult, ProfileId, Result, Step, Store, StoreError,
    parse_json,
};
use crate::engine::progress::{Observation, Rating};
use crate::engine::text::Lang;
use crate::i18n::{Args, tr, tra};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The format tag of an exported file.
pub const FORMAT: &str = "client-first-progress";
/// The format version this build writes and reads.
pub const VERSION: u32 = 1;

/// An exported profile: the whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format version.
    pub version: u32,
    /// When it was written (Unix ms).
    pub exported: i64,
    /// The profile.
    pub profile: ExportProfile,
    /// Every finished attempt, oldest first.
    pub attempts: Vec<ExportAttempt>,
}

/// The profile part of an export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportProfile {
    /// Its stable id.
    pub uuid: String,
    /// The name.
    pub name: String,
    /// The group.
    pub group: Option<String>,
    /// When it was created (Unix ms).
    pub created: i64,
}

/// One finished attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportAttempt {
    /// Its stable id.
    pub uuid: String,
    /// Dialogue, quiz or team.
    pub kind: Kind,
    /// Scenario or round id.
    pub activity: String,
    /// Content hash.
    pub hash: String,
    /// Seed.
    pub seed: u64,
    /// Coach or exam.
    pub mode: Mode,
    /// Language.
    pub lang: Lang,
    /// Started (Unix ms).
    pub started: i64,
    /// Finished (Unix ms).
    pub finished: i64,
    /// Ending node.
    pub ending: Option<String>,
    /// Total points.
    pub total: i32,
    /// 0–100.
    pub score: u8,
    /// Per-principle results.
    pub principles: Vec<PrincipleResult>,
    /// Kind-specific data.
    #[serde(default)]
    pub detail: serde_json::Value,
    /// The steps, in order.
    pub steps: Vec<ExportStep>,
    /// The reviews it produced.
    pub reviews: Vec<ExportReview>,
}

/// One step of an exported attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportStep {
    /// The step, as stored.
    #[serde(flatten)]
    pub step: Step,
    /// When it was saved (Unix ms).
    pub at: i64,
}

/// One review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportReview {
    /// The decision or question index.
    pub step: usize,
    /// The principle.
    pub principle: String,
    /// When (Unix ms).
    pub at: i64,
    /// 1–4.
    pub rating: u8,
    /// 0–1.
    pub value: f64,
}

/// Why an import was refused. Nothing was changed.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The file could not be read.
    Io(String),
    /// Not JSON, or cut short.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// JSON, but not one of our files.
    Foreign,
    /// Written by a newer game.
    Newer(u64),
    /// Our format, but a field is missing or of the wrong type.
    Invalid {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What serde said.
        detail: String,
    },
    /// A value that cannot be (a score over 100, a rating of 7, an empty id).
    BadValue {
        /// The 1-based attempt number in the file (0 for the profile).
        index: usize,
        /// The field.
        field: &'static str,
    },
    /// The store failed while writing; the transaction was rolled back.
    Store(String),
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    /// The profile imported into.
    pub profile: ProfileId,
    /// Its name.
    pub name: String,
    /// Whether the profile was new on this machine.
    pub new_profile: bool,
    /// Attempts added.
    pub added: u64,
    /// Attempts already present.
    pub skipped: u64,
}

/// Checks and parses the text of an exported file.
pub fn parse(text: &str) -> std::result::Result<ExportFile, ImportError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| ImportError::Syntax {
        line: e.line(),
        column: e.column(),
    })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::Foreign);
    }
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v > u64::from(VERSION) => return Err(ImportError::Newer(v)),
        Some(_) => {}
        None => {
            return Err(ImportError::BadValue {
                index: 0,
                field: "version",
            });
        }
    }
    let file: ExportFile = serde_json::from_str(text).map_err(|e| ImportError::Invalid {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })?;
    let bad = |index, field| Err(ImportError::BadValue { index, field });
    if file.profile.uuid.trim().is_empty() {
        return bad(0, "profile.uuid");
    }
    if file.profile.name.trim().is_empty() {
        return bad(0, "profile.name");
    }
    let check_review =
        |r: &ExportReview| (1..=4).contains(&r.rating) && (0.0..=1.0).contains(&r.value);
    for (i, a) in file.attempts.iter().enumerate() {
        let n = i + 1;
        if a.uuid.trim().is_empty() {
            return bad(n, "uuid");
        }
        if a.score > 100 {
            return bad(n, "score");
        }
        if a.finished < a.started {
            return bad(n, "finished");
        }
        if !a.reviews.iter().all(check_review) {
            return bad(n, "reviews");
        }
        if a.principles
            .iter()
            .any(|p| p.percent.is_some_and(|x| x > 100))
        {
            return bad(n, "principles");
        }
    }
    Ok(file)
}

impl Store {
    /// The whole history of a profile, as an export file.
    pub fn export_profile(&self, profile: ProfileId) -> Result<ExportFile> {
        let p = self.profile(profile)?;
        let mut attempts = Vec::new();
        let rows: Vec<(i64, ExportAttempt)> = {
            let mut st = self.conn.prepare(
                "SELECT id, uuid, kind, activity, hash, seed, mode, lang, started, finished, ending,
                        total, score, principles, detail
                 FROM attempts WHERE profile = ?1 AND finished IS NOT NULL ORDER BY finished, id",
            )?;
            let rows = st.query_map([profile.0], |r| {
                let kind: String = r.get(2)?;
                let mode: String = r.get(6)?;
                let lang: String = r.get(7)?;
                let principles: String = r.get(13)?;
                let detail: String = r.get(14)?;
                Ok((
                    r.get::<_, i64>(0)?,
                    ExportAttempt {
                        uuid: r.get(1)?,
                        kind: Kind::parse(&kind).unwrap_or(Kind::Dialogue),
                        activity: r.get(3)?,
                        hash: r.get(4)?,
                        seed: r.get::<_, i64>(5)? as u64,
                        mode: Mode::parse(&mode).unwrap_or_default(),
                        lang: Lang::from_code(&lang).unwrap_or_default(),
                        started: r.get(8)?,
                        finished: r.get(9)?,
                        ending: r.get(10)?,
                        total: r.get::<_, Option<i32>>(11)?.unwrap_or(0),
                        score: r.get::<_, Option<u8>>(12)?.unwrap_or(0),
                        principles: serde_json::from_str(&principles).unwrap_or_default(),
                        detail: parse_json(&detail),
                        steps: Vec::new(),
                        reviews: Vec::new(),
                    },
                ))
            })?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut steps_st = self.conn.prepare_cached(
            "SELECT item, answer, correct, ms, at, detail FROM steps WHERE attempt = ?1 ORDER BY idx",
        )?;
        let mut reviews_st = self.conn.prepare_cached(
            "SELECT step, principle, at, rating, value FROM reviews WHERE attempt = ?1
             ORDER BY step, principle",
        )?;
        for (id, mut a) in rows {
            a.steps = steps_st
                .query_map([id], |r| {
                    let detail: String = r.get(5)?;
                    Ok(ExportStep {
                        step: Step {
                            item: r.get(0)?,
                            answer: r.get(1)?,
                            correct: r.get(2)?,
                            ms: u32::try_from(r.get::<_, i64>(3)?).unwrap_or(u32::MAX),
                            detail: parse_json(&detail),
                        },
                        at: r.get(4)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            a.reviews = reviews_st
                .query_map([id], review_row)?
                .collect::<rusqlite::Result<_>>()?;
            attempts.push(a);
        }
        Ok(ExportFile {
            format: FORMAT.to_string(),
            version: VERSION,
            exported: super::now_ms(),
            profile: ExportProfile {
                uuid: p.uuid,
                name: p.name,
                group: p.group,
                created: p.created,
            },
            attempts,
        })
    }

    /// Writes a profile's export to `path` (a temporary file, synced, then renamed). Returns how
    /// many attempts it holds.
    pub fn export_to(&self, profile: ProfileId, path: &Path) -> Result<usize> {
        let file = self.export_profile(profile)?;
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new("."));
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        serde_json::to_writer_pretty(&mut tmp, &file)?;
        tmp.write_all(b"\n")?;
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| StoreError::Io(e.error))?;
        Ok(file.attempts.len())
    }

    /// Imports a parsed file: adds the attempts not yet here, in one transaction.
    pub fn import(&self, file: &ExportFile) -> Result<ImportSummary> {
        let tx = self.write_transaction()?;
        let existing: Option<(i64, String)> = tx
            .query_row(
                "SELECT id, name FROM profiles WHERE uuid = ?1",
                [&file.profile.uuid],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (profile, name, new_profile) = match existing {
            Some((id, name)) => (id, name, false),
            None => {
                tx.execute(
                    "INSERT INTO profiles (uuid, name, grp, created, last_used, guest)
                     VALUES (?1, ?2, ?3, ?4, ?5, 0)",
                    params![
                        file.profile.uuid,
                        file.profile.name.trim(),
                        file.profile.group,
                        file.profile.created,
                        super::now_ms()
                    ],
                )?;
                (
                    tx.last_insert_rowid(),
                    file.profile.name.trim().to_string(),
                    true,
                )
            }
        };
        let (mut added, mut skipped) = (0, 0);
        for a in &file.attempts {
            let inserted = tx.execute(
                "INSERT OR IGNORE INTO attempts (uuid, profile, kind, activity, hash, seed, mode, lang,
                     started, updated, finished, ending, total, score, principles, detail)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, NULL, NULL, NULL, NULL, '[]', ?11)",
                params![
                    a.uuid,
                    profile,
                    a.kind.as_str(),
                    a.activity,
                    a.hash,
                    a.seed as i64,
                    a.mode.as_str(),
                    a.lang.code(),
                    a.started,
                    a.finished,
                    if a.detail.is_null() {
                        "{}".to_string()
                    } else {
                        serde_json::to_string(&a.detail)?
                    },
                ],
            )?;
            if inserted == 0 {
                skipped += 1;
                continue;
            }
            added += 1;
            let id = AttemptId(tx.last_insert_rowid());
            for (i, s) in a.steps.iter().enumerate() {
                super::insert_step(&tx, id, i, &s.step, s.at, false)?;
            }
            let finish = Finish {
                ending: a.ending.clone(),
                total: a.total,
                score: a.score,
                principles: a.principles.clone(),
                observations: Vec::new(),
                detail: None,
            };
            super::finish_in(&tx, id, &finish, a.finished)?;
            for r in &a.reviews {
                insert_review(&tx, profile, id.0, r)?;
            }
        }
        // Imported history may interleave with the local one: recompute mastery and cards in order.
        super::rebuild_in(&tx, profile)?;
        tx.commit()?;
        Ok(ImportSummary {
            profile: ProfileId(profile),
            name,
            new_profile,
            added,
            skipped,
        })
    }

    /// Reads, checks and imports a file. On any error nothing is changed.
    pub fn import_from(&self, path: &Path) -> std::result::Result<ImportSummary, ImportError> {
        let text = std::fs::read_to_string(path).map_err(|e| ImportError::Io(e.to_string()))?;
        let file = parse(&text)?;
        self.import(&file)
            .map_err(|e| ImportError::Store(e.to_string()))
    }
}

fn review_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ExportReview> {
    Ok(ExportReview {
        step: r.get::<_, i64>(0)? as usize,
        principle: r.get(1)?,
        at: r.get(2)?,
        rating: r.get(3)?,
        value: r.get(4)?,
    })
}

fn insert_review(
    tx: &rusqlite::Transaction<'_>,
    profile: i64,
    attempt: i64,
    r: &ExportReview,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT OR IGNORE INTO reviews (attempt, step, principle, profile, at, rating, value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        attempt,
        r.step as i64,
        r.principle,
        profile,
        r.at,
        r.rating,
        r.value
    ])?;
    Ok(())
}

/// An import error in `lang`, naming the file.
pub fn import_error_message(lang: Lang, file: &Path, e: &ImportError) -> String {
    let f = file.display().to_string();
    let base = Args::new().str("file", f);
    let text = match e {
        ImportError::Io(err) => tra(lang, "store-import-io", &base.str("error", err.clone())),
        ImportError::Syntax { line, column } => tra(
            lang,
            "store-import-syntax",
            &base.num("line", *line as f64).num("column", *column as f64),
        ),
        ImportError::Foreign => tra(lang, "store-import-foreign", &base),
        ImportError::Newer(v) => tra(lang, "store-import-newer", &base.num("version", *v as f64)),
        ImportError::Invalid {
            line,
            column,
            detail,
        } => tra(
            lang,
            "store-import-invalid",
            &base
                .num("line", *line as f64)
                .num("column", *column as f64)
                .str("detail", detail.clone()),
        ),
        ImportError::BadValue { index, field } => tra(
            lang,
            "store-import-bad-value",
            &base.num("index", *index as f64).str("field", *field),
        ),
        ImportError::Store(err) => tra(lang, "store-error", &Args::new().str("error", err.clone())),
    };
    format!("{text} {}", tr(lang, "store-import-nothing"))
}

/// `client-first progress …`.
#[derive(Debug, clap::Subcommand)]
pub enum ProgressCommand {
    /// Write a profile's whole history to FILE, to carry to another computer.
    Export {
        /// The file to write.
        file: PathBuf,
        /// The profile's name; without it, the profile used last.
        #[arg(long)]
        profile: Option<String>,
        /// The store file, instead of the one in the per-user data folder.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
    },
    /// Add the history in FILE (written by `progress export`); importing twice adds nothing twice.
    Import {
        /// The file to read.
        file: PathBuf,
        /// The store file, instead of the one in the per-user data folder.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
    },
    /// Test helper: save attempts into DB in an endless loop, printing `done UUID` after each
    /// durable commit. The store test kills it at random moments.
    #[command(hide = true)]
    Torture {
        /// The store file.
        db: PathBuf,
    },
}

fn open_cli(db: &Option<PathBuf>, lang: Lang, out: &mut dyn Write) -> Option<Store> {
    let path = db.clone().map_or_else(Store::default_path, Ok);
    match path.and_then(|p| Store::open(&p)) {
        Ok(opened) => {
            if let Some(r) = &opened.recovery {
                let _ = writeln!(out, "{}", super::recovery::message(lang, r));
            }
            Some(opened.store)
        }
        Err(e) => {
            let message = tra(
                lang,
                "store-error",
                &Args::new().str("error", e.to_string()),
            );
            let _ = writeln!(out, "{message}");
            None
        }
    }
}

/// Runs `client-first progress …`. Returns the exit code.
/// Messages follow `lang`, the command line's global `--lang` (or the system's language).
pub fn run(cmd: ProgressCommand, lang: Lang, out: &mut dyn Write) -> i32 {
    match cmd {
        ProgressCommand::Export { file, profile, db } => {
            let Some(store) = open_cli(&db, lang, out) else {
                return 2;
            };
            export_cli(&store, &file, profile.as_deref(), lang, out)
        }
        ProgressCommand::Import { file, db } => {
            let Some(store) = open_cli(&db, lang, out) else {
                return 2;
            };
            match store.import_from(&file) {
                Ok(s) => {
                    let _ = writeln!(
                        out,
                        "{}",
                        tra(
                            lang,
                            "store-imported",
                            &Args::new()
                                .str("name", s.name)
                                .num("added", s.added as f64)
                                .num("skipped", s.skipped as f64)
                        )
                    );
                    0
                }
                Err(e) => {
                    let _ = writeln!(out, "{}", import_error_message(lang, &file, &e));
                    1
                }
            }
        }
        ProgressCommand::Torture { db } => torture(&db, out),
    }
}

fn export_cli(
    store: &Store,
    file: &Path,
    profile: Option<&str>,
    lang: Lang,
    out: &mut dyn Write,
) -> i32 {
    let fail = |out: &mut dyn Write, e: StoreError| {
        let _ = writeln!(
            out,
            "{}",
            tra(
                lang,
                "store-error",
                &Args::new().str("error", e.to_string())
            )
        );
        2
    };
    let all = match store.profiles() {
        Ok(v) => v,
        Err(e) => return fail(out, e),
    };
    let names = all
        .iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let chosen = match profile {
        Some(name) => all.iter().find(|p| p.name == name.trim()).cloned(),
        None => match store.last_profile() {
            Ok(Some(p)) => Some(p),
            Ok(None) if all.len() == 1 => all.first().cloned(),
            Ok(None) if all.is_empty() => {
                let _ = writeln!(out, "{}", tr(lang, "store-export-empty"));
                return 1;
            }
            Ok(None) => {
                let _ = writeln!(
                    out,
                    "{}",
                    tra(
                        lang,
                        "store-export-which-profile",
                        &Args::new().str("names", names)
                    )
                );
                return 1;
            }
            Err(e) => return fail(out, e),
        },
    };
    let Some(p) = chosen else {
        let _ = writeln!(
            out,
            "{}",
            tra(
                lang,
                "store-export-no-profile",
                &Args::new()
                    .str("name", profile.unwrap_or_default().to_string())
                    .str("names", names)
            )
        );
        return 1;
    };
    match store.export_to(p.id, file) {
        Ok(n) => {
            let _ = writeln!(
                out,
                "{}",
                tra(
                    lang,
                    "store-exported",
                    &Args::new()
                        .num("attempts", n as f64)
                        .str("name", p.name)
                        .str("file", file.display().to_string())
                )
            );
            0
        }
        Err(e) => fail(out, e),
    }
}

/// The number of steps each torture attempt saves; the test checks every finished attempt has them.
pub const TORTURE_STEPS: usize = 5;

/// Saves attempts forever (until killed): start, [`TORTURE_STEPS`] autosaves, finish; prints
/// `done UUID` after each finish has returned.
fn torture(db: &Path, out: &mut dyn Write) -> i32 {
    let mut step = || -> Result<()> {
        let store = Store::open(db)?.store;
        let profile = match store.profile_by_name("torture")? {
            Some(p) => p,
            None => store.create_profile("torture", None)?,
        };
        for i in 0u64.. {
            let a = store.start_attempt(&super::NewAttempt {
                profile: profile.id,
                kind: Kind::Dialogue,
                activity: format!("s{}", i % 7),
                hash: "torture".into(),
                seed: i,
                mode: Mode::Coach,
                lang: Lang::En,
                detail: serde_json::Value::Null,
            })?;
            for k in 0..TORTURE_STEPS {
                store.save_step(
                    a,
                    k,
                    &Step::decision(&format!("n{k}"), &format!("c{k}"), 100),
                )?;
            }
            let principles: Vec<PrincipleResult> = (0..3)
                .map(|k| PrincipleResult {
                    id: format!("p{k}"),
                    earned: k,
                    percent: Some((i % 101) as u8),
                })
                .collect();
            let observations = (0..3)
                .map(|k| Observation {
                    step: k,
                    principle: format!("p{k}"),
                    value: 1.0,
                    rating: Rating::Good,
                })
                .collect();
            store.finish_attempt(
                a,
                &Finish {
                    ending: Some(format!("end{}", i % 3)),
                    total: i as i32,
                    score: (i % 101) as u8,
                    principles,
                    observations,
                    detail: None,
                },
            )?;
            let uuid: String =
                store
                    .conn
                    .query_row("SELECT uuid FROM attempts WHERE id = ?1", [a.0], |r| {
                        r.get(0)
                    })?;
            writeln!(out, "done {uuid}")?;
            out.flush()?;
        }
        Ok(())
    };
    match step() {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(out, "error {e}");
            2
        }
    }
}
