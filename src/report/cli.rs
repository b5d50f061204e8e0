//! `client-first report …` and `client-first sync`: the command-line side of the reports and the LRS.
//!
//! Attempts come `--from store` (the default: this user's progress store, or `--store FILE`), `--from
//! lrs` (statements read back from a Learning Record Store) or `--from FILE.json` (an array of attempt
//! records, as `report sample` writes). The LRS settings come from the store's Settings, with
//! environment variables and flags over them. `sync` sends the outbox of the store.

use super::lrs::{LrsArgs, LrsClient, LrsConfig, error_message};
use super::model::{AttemptRecord, read_attempts_json};
use super::outbox::{Outbox, SyncOptions, enqueue_in};
use super::stats::{Context, Group, Trainee};
use super::xapi::{XapiConfig, records_from_statements};
use super::{csv_out, html, queue, sample, stored};
use crate::engine::library::{Library, builtin_files, read_path};
use crate::engine::text::Lang;
use crate::i18n::{Args, tr, tra};
use crate::store::{AttemptFilter, RecoveryAction, Store};
use clap::{Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Pages read from an LRS at most per query: with Ralph's default of 100 statements a page, a
/// million statements.
const MAX_PAGES: usize = 10_000;

/// Which CSV to write instead of HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CsvKind {
    /// One row per attempt.
    Attempts,
    /// One row per attempt and principle.
    Principles,
}

/// Where the attempts come from and where the report goes.
#[derive(Debug, Clone, clap::Args)]
pub struct Source {
    /// Where attempts come from: `store` (this PC's saved attempts), `lrs` (the Learning Record Store
    /// below) or the path of a JSON file of attempt records.
    #[arg(long, default_value = "store", value_name = "store|lrs|FILE.json")]
    pub from: String,
    /// Write CSV instead of HTML.
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "attempts")]
    pub csv: Option<CsvKind>,
    /// The file to write; without it, standard output.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Also load the scenarios of this folder (for titles and what trains each principle).
    #[arg(long, value_name = "DIR")]
    pub scenarios: Option<PathBuf>,
    /// The progress store to read with `--from store` (and whose LRS settings `--from lrs` uses);
    /// without it, this user's store.
    #[arg(long, value_name = "FILE")]
    pub store: Option<PathBuf>,
    /// The LRS, for `--from lrs`.
    #[command(flatten)]
    pub lrs: LrsArgs,
}

/// What to report.
#[derive(Debug, Clone, Subcommand)]
pub enum ReportCommand {
    /// One attempt: every decision, the better reply and its feedback, the principles, the ending.
    Attempt {
        /// The attempt's id (or its xAPI registration).
        id: String,
        #[command(flatten)]
        src: Source,
    },
    /// One trainee: progress per principle over time, the attempts, what to practise.
    Trainee {
        /// The profile name.
        name: String,
        #[command(flatten)]
        src: Source,
    },
    /// A group: a trainee × principle heat map, the weakest principles, each trainee in detail.
    Group {
        /// The group's name; without it, every attempt (not with `--from lrs`).
        name: Option<String>,
        #[command(flatten)]
        src: Source,
    },
    /// Write sample attempts (real playthroughs with varied replies) to a JSON file.
    Sample {
        /// The JSON file to write.
        out: PathBuf,
        /// The group's name.
        #[arg(long, default_value = "Onboarding")]
        group: String,
        /// How many trainees.
        #[arg(long, default_value_t = 3)]
        trainees: usize,
        /// Attempts per trainee.
        #[arg(long, default_value_t = 5)]
        attempts: usize,
        /// The language recorded with the attempts.
        #[arg(long = "record-lang", default_value = "ru")]
        record_lang: String,
        /// Seed of the sample.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// `client-first sync`.
#[derive(Debug, Clone, clap::Args)]
pub struct SyncArgs {
    /// The progress store whose outbox to send; without it, this user's store. (`--outbox` is the
    /// older name.)
    #[arg(long, alias = "outbox", value_name = "FILE")]
    pub store: Option<PathBuf>,
    /// First queue every statement of the attempts in this JSON file.
    #[arg(long, value_name = "FILE.json")]
    pub enqueue: Option<PathBuf>,
    /// First queue the statements of every finished attempt in the store: those played before the
    /// LRS was set. Statements the LRS already has are stored once.
    #[arg(long = "enqueue-store")]
    pub enqueue_store: bool,
    /// Also load the scenarios of this folder (attempts of a company's scenarios, for
    /// `--enqueue-store`).
    #[arg(long, value_name = "DIR")]
    pub scenarios: Option<PathBuf>,
    /// Statements per POST.
    #[arg(long, default_value_t = super::outbox::DEFAULT_BATCH)]
    pub batch: usize,
    /// The LRS.
    #[command(flatten)]
    pub lrs: LrsArgs,
}

/// The language of the command line: `--lang`, else the system's `LANG`, else Russian.
fn lang_of(code: Option<&str>) -> Lang {
    code.and_then(Lang::from_code)
        .or_else(|| {
            std::env::var("LANG")
                .ok()
                .as_deref()
                .and_then(Lang::from_code)
        })
        .unwrap_or_default()
}

/// The built-in library plus an optional folder.
fn library(dir: Option<&Path>) -> Result<Library, String> {
    let extra = match dir {
        Some(d) => read_path(d).map_err(|e| e.to_string())?,
        None => Vec::new(),
    };
    Ok(Library::from_files(builtin_files(), extra))
}

/// What a report asks for, to fetch only that from an LRS.
enum Want<'a> {
    Attempt(&'a str),
    Trainee(&'a str),
    Group(Option<&'a str>),
}

/// The store file: the one given, else this user's.
fn store_path(given: Option<&Path>, lang: Lang) -> Result<PathBuf, String> {
    match given {
        Some(p) => Ok(p.to_path_buf()),
        None => Store::default_path().map_err(|_| tr(lang, "report-store-no-default")),
    }
}

fn store_error(lang: Lang, path: &Path, error: &str) -> String {
    tra(
        lang,
        "report-store-error",
        &Args::new()
            .str("path", path.display().to_string())
            .str("error", error.to_string()),
    )
}

/// Opens the store at `path` as the game does (migrating, recovering a damaged file and saying so on
/// `out`). A missing file is an error unless `create`; a file of a newer version is an error (its
/// data stays untouched).
fn open_store(path: &Path, create: bool, lang: Lang, out: &mut dyn Write) -> Result<Store, String> {
    if !create && !path.exists() {
        return Err(tra(
            lang,
            "report-store-missing",
            &Args::new().str("path", path.display().to_string()),
        ));
    }
    let opened = Store::open(path).map_err(|e| store_error(lang, path, &e.to_string()))?;
    if let Some(r) = &opened.recovery {
        let message = crate::store::recovery::message(lang, r);
        if r.action == RecoveryAction::NotSaving {
            return Err(message);
        }
        let _ = writeln!(out, "{message}");
    }
    Ok(opened.store)
}

/// The LRS and xAPI settings saved in the store at `path`, when there is one; the defaults otherwise.
fn saved_settings(path: Option<&Path>, lang: Lang) -> (LrsConfig, XapiConfig) {
    let Ok(path) = store_path(path, lang) else {
        return Default::default();
    };
    if !path.exists() {
        return Default::default();
    }
    // Reading settings must not stop a report from an LRS: without the store, flags and environment
    // are all there is.
    let mut sink = std::io::sink();
    match open_store(&path, false, lang, &mut sink) {
        Ok(store) => (
            LrsConfig::load(&store).unwrap_or_default(),
            XapiConfig::load(&store).unwrap_or_default(),
        ),
        Err(_) => Default::default(),
    }
}

/// Loads the attempts a report needs.
fn load(
    src: &Source,
    want: &Want,
    lib: &Library,
    lang: Lang,
) -> Result<Vec<AttemptRecord>, String> {
    let all = match src.from.as_str() {
        "store" => {
            let path = store_path(src.store.as_deref(), lang)?;
            // A note about a recovered file goes to standard error: standard output may be the
            // report itself, redirected into a file.
            let store = open_store(&path, false, lang, &mut std::io::stderr())?;
            let failed = |e: crate::store::StoreError| store_error(lang, &path, &e.to_string());
            match want {
                Want::Attempt(id) => stored::find(&store, id, lib)
                    .map_err(failed)?
                    .into_iter()
                    .collect(),
                Want::Trainee(name) => {
                    stored::records(&store, AttemptFilter::Profile(name), lib).map_err(failed)?
                }
                Want::Group(Some(g)) => {
                    stored::records(&store, AttemptFilter::Group(g), lib).map_err(failed)?
                }
                Want::Group(None) => {
                    stored::records(&store, AttemptFilter::All, lib).map_err(failed)?
                }
            }
        }
        "lrs" => {
            let (saved, saved_x) = saved_settings(src.store.as_deref(), lang);
            let cfg = lrs_config(&src.lrs, &saved, lang)?;
            let x = src.lrs.xapi_over(&saved_x);
            let client = LrsClient::new(cfg);
            let agent;
            let group_iri;
            let params: Vec<(&str, &str)> = match want {
                Want::Attempt(id) => vec![("registration", id)],
                Want::Trainee(name) => {
                    agent = serde_json::json!({"objectType": "Agent", "account": {"homePage": x.home_page, "name": name}}).to_string();
                    vec![("agent", agent.as_str())]
                }
                Want::Group(Some(g)) => {
                    group_iri = x.group_iri(g);
                    vec![
                        ("activity", group_iri.as_str()),
                        ("related_activities", "true"),
                    ]
                }
                Want::Group(None) => return Err(tr(lang, "report-lrs-group-needed")),
            };
            let mut statements = client
                .get_all(&params, MAX_PAGES)
                .map_err(|e| error_message(lang, &e))?;
            if let (Want::Group(Some(g)), true) = (want, statements.is_empty()) {
                // Ralph 5.1's file backend compares the `activity` parameter (parsed into an IRI
                // object) with plain strings, so it never matches. Read everything and keep the
                // group's statements here instead; an LRS that filters never gets here with data.
                let iri = x.group_iri(g);
                statements = client
                    .get_all(&[], MAX_PAGES)
                    .map_err(|e| error_message(lang, &e))?
                    .into_iter()
                    .filter(|s| in_grouping(s, &iri))
                    .collect();
            }
            records_from_statements(&x, &statements)
        }
        path => read_attempts_json(Path::new(path), lang)?,
    };
    let chosen: Vec<AttemptRecord> = all
        .into_iter()
        .filter(|a| match want {
            Want::Attempt(id) => {
                a.id == id.trim() || a.registration.to_string().eq_ignore_ascii_case(id.trim())
            }
            Want::Trainee(n) => a.profile == *n,
            Want::Group(g) => g.is_none_or(|g| a.group.as_deref() == Some(g)),
        })
        .collect();
    if chosen.is_empty() {
        let what = match want {
            Want::Attempt(id) => id.to_string(),
            Want::Trainee(n) => n.to_string(),
            Want::Group(g) => g.unwrap_or("*").to_string(),
        };
        return Err(tra(
            lang,
            "report-no-attempts",
            &Args::new().str("what", what),
        ));
    }
    Ok(chosen)
}

/// Whether a statement names this activity among its context's grouping activities.
fn in_grouping(s: &super::xapi::Statement, iri: &str) -> bool {
    s.context
        .as_ref()
        .and_then(|c| c.context_activities.as_ref())
        .is_some_and(|c| c.grouping.iter().any(|a| a.id == iri))
}

/// The LRS settings: flags and environment over `saved` (the store's Settings), or the message that
/// says how to give them.
fn lrs_config(args: &LrsArgs, saved: &LrsConfig, lang: Lang) -> Result<LrsConfig, String> {
    let cfg = args.config(saved);
    if cfg.is_set() {
        Ok(cfg)
    } else {
        Err(tr(lang, "report-lrs-missing"))
    }
}

/// Writes a report to `--out` or to `out`.
fn emit(src: &Source, text: &str, lang: Lang, out: &mut dyn Write) -> i32 {
    match &src.out {
        Some(p) => match std::fs::write(p, text) {
            Ok(()) => {
                let _ = writeln!(
                    out,
                    "{}",
                    tra(
                        lang,
                        "report-saved",
                        &Args::new().str("path", p.display().to_string())
                    )
                );
                0
            }
            Err(e) => {
                let _ = writeln!(out, "{}: {e}", p.display());
                2
            }
        },
        None => {
            let _ = write!(out, "{text}");
            0
        }
    }
}

/// Runs `client-first report …`. Returns the exit code.
/// Words follow `lang`, the command line's global `--lang` (or the system's language).
pub fn report(cmd: &ReportCommand, lang: Lang, out: &mut dyn Write) -> i32 {
    if let ReportCommand::Sample {
        out: path,
        group,
        trainees,
        attempts,
        record_lang,
        seed,
    } = cmd
    {
        let lib = Library::builtin();
        let first = chrono::Utc::now() - chrono::Duration::days(*attempts as i64);
        let list = sample::group(
            &lib,
            group,
            *trainees,
            *attempts,
            lang_of(Some(record_lang)),
            first,
            *seed,
        );
        let json = serde_json::to_string_pretty(&list).unwrap_or_default();
        return match std::fs::write(path, json) {
            Ok(()) => {
                let _ = writeln!(out, "{} → {}", list.len(), path.display());
                0
            }
            Err(e) => {
                let _ = writeln!(out, "{}: {e}", path.display());
                2
            }
        };
    }
    let (src, want) = match cmd {
        ReportCommand::Attempt { id, src } => (src, Want::Attempt(id)),
        ReportCommand::Trainee { name, src } => (src, Want::Trainee(name)),
        ReportCommand::Group { name, src } => (src, Want::Group(name.as_deref())),
        ReportCommand::Sample { .. } => return 2,
    };
    let lib = match library(src.scenarios.as_deref()) {
        Ok(l) => l,
        Err(e) => {
            let _ = writeln!(out, "{e}");
            return 2;
        }
    };
    let timings = std::env::var_os("CF_REPORT_TIMINGS").is_some();
    let t0 = std::time::Instant::now();
    let attempts = match load(src, &want, &lib, lang) {
        Ok(a) => a,
        Err(e) => {
            let _ = writeln!(out, "{e}");
            return 2;
        }
    };
    let t1 = std::time::Instant::now();
    let ctx = Context::from_library(&lib);
    let text = match (src.csv, &want) {
        (Some(CsvKind::Attempts), _) => csv_out::attempts(&attempts, lang),
        (Some(CsvKind::Principles), _) => csv_out::principles(&attempts, &ctx, lang),
        (None, Want::Attempt(_)) => html::attempt(&attempts[0], &ctx, lang),
        (None, Want::Trainee(n)) => html::trainee(&Trainee::new(n, &attempts), &ctx, lang),
        (None, Want::Group(g)) => html::group(&Group::new(*g, &attempts), &ctx, lang),
    };
    if timings {
        // For docs/performance.md: the report alone, apart from reading its input.
        eprintln!(
            "read {} attempts in {:.1} ms; built the report ({} KB) in {:.1} ms",
            attempts.len(),
            (t1 - t0).as_secs_f64() * 1000.0,
            text.len() / 1024,
            t1.elapsed().as_secs_f64() * 1000.0
        );
    }
    emit(src, &text, lang, out)
}

/// Runs `client-first sync`: sends the outbox of the store (this user's, or `--store FILE`). Returns
/// the exit code: 0 when the queue is empty afterwards, 1 when statements still wait, 2 on a usage or
/// database error.
pub fn sync(args: &SyncArgs, lang: Lang, out: &mut dyn Write) -> i32 {
    match sync_inner(args, lang, out) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(out, "{e}");
            2
        }
    }
}

fn sync_inner(args: &SyncArgs, lang: Lang, out: &mut dyn Write) -> Result<i32, String> {
    let path = store_path(args.store.as_deref(), lang)?;
    // A JSON file to queue may start a new store; otherwise there must be one to send from.
    let store = open_store(&path, args.enqueue.is_some(), lang, out)?;
    let failed = |e: &dyn std::fmt::Display| store_error(lang, &path, &e.to_string());
    let saved = LrsConfig::load(&store).map_err(|e| failed(&e))?;
    let cfg = lrs_config(&args.lrs, &saved, lang)?;
    let x: XapiConfig = args
        .lrs
        .xapi_over(&XapiConfig::load(&store).map_err(|e| failed(&e))?);
    if let Some(file) = &args.enqueue {
        let attempts = read_attempts_json(file, lang)?;
        let statements: Vec<_> = attempts.iter().flat_map(|a| x.statements(a)).collect();
        enqueue_in(store.connection(), &statements).map_err(|e| failed(&e))?;
    }
    if args.enqueue_store {
        let lib = library(args.scenarios.as_deref())?;
        let (total, added) =
            queue::all_finished(&store, AttemptFilter::All, &lib, &x).map_err(|e| failed(&e))?;
        let _ = writeln!(
            out,
            "{}",
            tra(
                lang,
                "report-sync-enqueued",
                &Args::new()
                    .num("added", added as f64)
                    .num("total", total as f64)
            )
        );
    }
    drop(store);
    let mut outbox = Outbox::open(&path).map_err(|e| failed(&e))?;
    let client = LrsClient::new(cfg);
    let opts = SyncOptions {
        batch: args.batch,
        force: true,
        ..SyncOptions::default()
    };
    let r = outbox.sync(&client, &opts).map_err(|e| failed(&e))?;
    let line = match &r.error {
        None => tra(
            lang,
            "report-sync-done",
            &Args::new()
                .num("sent", r.sent as f64)
                .num("duplicate", r.duplicate as f64)
                .num("pending", r.pending as f64),
        ),
        Some(e) => tra(
            lang,
            "report-sync-failed",
            &Args::new()
                .str("error", error_message(lang, e))
                .num("pending", r.pending as f64),
        ),
    };
    let _ = writeln!(out, "{line}");
    Ok(i32::from(r.pending > 0))
}

/// A file name for a saved attempt report: scenario, profile and date, with only safe characters.
pub fn attempt_file_name(a: &AttemptRecord) -> String {
    let safe = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .take(40)
            .collect()
    };
    format!(
        "report-{}-{}-{}.html",
        safe(&a.scenario),
        safe(&a.profile),
        a.finished.format("%Y%m%d-%H%M")
    )
}

/// The game's "Save report" button: writes the attempt's report into `dir` and returns its path.
pub fn save_attempt_report(
    a: &AttemptRecord,
    lib: &Library,
    lang: Lang,
    dir: &Path,
) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(attempt_file_name(a));
    std::fs::write(&path, html::attempt(a, &Context::from_library(lib), lang))?;
    Ok(path)
}
