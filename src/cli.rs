//! The command line: `check`, `graph` and `play`, written over the engine so that tests can call it.
//!
//! Every word it prints comes from the Fluent catalog (`assets/i18n/<lang>/cli.ftl` and `check.ftl`),
//! in the language of `--lang` or, without it, of the operating system. Every write is checked: a
//! closed pipe (`check | head`) ends the command quietly, any other write error is reported on
//! standard error with exit code 2.

mod report_text;

use crate::engine::debrief;
use crate::engine::graph::to_dot;
use crate::engine::library::{Library, SourceFile, builtin_files, read_path};
use crate::engine::report::Report;
use crate::engine::run::Run;
use crate::engine::text::Lang;
use crate::i18n::{Args, tr, tra};
use clap::{Parser, Subcommand, ValueEnum};
use std::collections::BTreeSet;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

pub use report_text::{report_json, report_text};

/// Client First: a customer-service training game.
#[derive(Debug, Parser)]
#[command(name = "client-first", version, about)]
pub struct Cli {
    /// What to do; without a command, the game starts.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A folder of extra scenarios; a file with the id of a built-in scenario replaces it. Edits
    /// are reloaded while the game runs.
    #[arg(long, value_name = "DIR")]
    pub scenarios: Option<PathBuf>,
    /// Language (ru or en) for this launch or command; without it, the saved setting (game) or the
    /// system's language (commands).
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Text size for this launch, in percent (100–250).
    #[arg(long, value_name = "PERCENT", value_parser = clap::value_parser!(u16).range(100..=250))]
    pub text_scale: Option<u16>,
    /// Render the title, picker, dialogue and debrief screens in both languages to PNGs in DIR,
    /// then quit. Needs a display (use Xvfb on a server).
    #[arg(long, value_name = "DIR")]
    pub screenshot: Option<PathBuf>,
    /// Redraw every frame instead of only on input; for measuring the idle cost.
    #[arg(long)]
    pub continuous: bool,
    /// Open the team session's set-up at once: a trainer's shortcut before a training.
    #[arg(long)]
    pub team: bool,
}

/// Parses `ru` or `en` for `--lang`.
fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s)
        .ok_or_else(|| tra(system_lang(), "cli-bad-lang", &Args::new().str("value", s)))
}

/// The language of the operating system, when it is one of the game's; otherwise English.
pub fn system_lang() -> Lang {
    sys_locale::get_locale()
        .and_then(|l| Lang::from_code(&l))
        .unwrap_or(Lang::En)
}

/// Why a command could not finish.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Writing the output failed.
    #[error("cannot write the output: {0}")]
    Write(#[from] std::io::Error),
}

/// What a command returns: its exit code, or why it could not write.
pub type CliResult = Result<u8, CliError>;

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate scenario files and print a coverage report (exit code 1 on any error).
    Check {
        /// Files or folders to check; without any, the built-in scenarios.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print the branching of a scenario as Graphviz DOT (pipe it into `dot -Tsvg`).
    Graph {
        /// A scenario id, or the path of a scenario file.
        scenario: String,
        /// Also load the scenarios of this folder.
        #[arg(long)]
        scenarios: Option<PathBuf>,
    },
    /// Play a scenario in the terminal.
    Play {
        /// A scenario id.
        scenario: String,
        /// Seed for the variation (choice order, names): the same seed gives the same run.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Also load the scenarios of this folder.
        #[arg(long)]
        scenarios: Option<PathBuf>,
    },
    /// Move a profile's progress between computers: `progress export FILE`, `progress import FILE`.
    Progress {
        /// Export or import.
        #[command(subcommand)]
        action: crate::store::transfer::ProgressCommand,
    },
    /// Reports for trainers: one attempt, one trainee or a group, as HTML or CSV.
    #[command(subcommand)]
    Report(crate::report::cli::ReportCommand),
    /// Send the xAPI statements waiting in the progress store's outbox to the Learning Record Store.
    Sync(crate::report::cli::SyncArgs),
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable text.
    Text,
    /// A JSON summary per scenario.
    Json,
}

/// The built-in catalogs alone, as a base under files given on the command line.
fn builtin_catalogs() -> Vec<SourceFile> {
    builtin_files()
        .into_iter()
        .filter(|f| f.is_principles() || f.is_cases())
        .collect()
}

/// The files of the given paths. A path that cannot be read becomes a file carrying its error, so
/// that every other path is still checked.
fn files_of(paths: &[PathBuf]) -> Vec<SourceFile> {
    let mut files = Vec::new();
    for p in paths {
        match read_path(p) {
            Ok(f) => files.extend(f),
            Err(d) => files.push(SourceFile {
                name: d.file.clone(),
                text: String::new(),
                unreadable: Some(d),
            }),
        }
    }
    files
}

/// Loads the library for `check`: the given paths over the built-in catalogs, or the built-in
/// library when no path is given.
pub fn check_library(paths: &[PathBuf]) -> Library {
    if paths.is_empty() {
        return Library::builtin();
    }
    Library::from_files(builtin_catalogs(), files_of(paths))
}

/// Runs `check`, writing the report to `out` in `lang`. Exit code 0: no errors; 1: errors;
/// 2: some path could not be read at all.
pub fn check(paths: &[PathBuf], format: Format, lang: Lang, out: &mut dyn Write) -> CliResult {
    let lib = check_library(paths);
    let base = (!paths.is_empty()).then(Library::builtin);
    let report = Report::over(&lib, base.as_ref());
    match format {
        Format::Text => write!(
            out,
            "{}{}",
            report_text(&report, lang),
            crate::quiz_text::check_text(&crate::engine::quiz::check_report(&lib), lang)
        )?,
        Format::Json => writeln!(out, "{}", report_json(&report, lang))?,
    }
    Ok(if report.unreadable > 0 {
        2
    } else {
        u8::from(report.errors > 0)
    })
}

/// The built-in library, plus a folder's scenarios when given.
fn library_with(dir: &Option<PathBuf>) -> Library {
    let extra = match dir {
        Some(d) => files_of(std::slice::from_ref(d)),
        None => Vec::new(),
    };
    Library::from_files(builtin_files(), extra)
}

/// Prints the findings of the files that did not load, so that a missing id is explained.
fn print_problems(lib: &Library, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    for p in &lib.problems {
        for d in p.diagnostics.iter().filter(|d| d.is_error()) {
            write!(out, "{}", crate::i18n::diag::render(lang, d))?;
        }
    }
    Ok(())
}

/// Runs `graph`.
pub fn graph(scenario: &str, lang: Lang, dir: &Option<PathBuf>, out: &mut dyn Write) -> CliResult {
    let path = PathBuf::from(scenario);
    let is_file = path.is_file();
    let lib = if is_file {
        check_library(&[path])
    } else {
        library_with(dir)
    };
    let found = lib
        .get(scenario)
        .or_else(|| lib.scenarios.first().filter(|_| is_file));
    match found {
        Some(l) => {
            let ending = |k| crate::i18n::labels::ending_kind(lang, k);
            write!(out, "{}", to_dot(&l.scenario, lang, &ending))?;
            Ok(0)
        }
        None => {
            print_problems(&lib, lang, out)?;
            not_found(&lib, scenario, lang, out)
        }
    }
}

/// Says that no playable scenario has this id, and lists those that do.
fn not_found(lib: &Library, scenario: &str, lang: Lang, out: &mut dyn Write) -> CliResult {
    let ids: Vec<&str> = lib
        .scenarios
        .iter()
        .map(|l| l.scenario.id.as_str())
        .collect();
    writeln!(
        out,
        "{}",
        tra(
            lang,
            "cli-not-found",
            &Args::new().str("id", scenario).str("known", ids.join(", "))
        )
    )?;
    Ok(2)
}

/// Plays a scenario in the terminal, reading choices as numbers from `input`.
pub fn play(
    scenario: &str,
    seed: u64,
    lang: Lang,
    dir: &Option<PathBuf>,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> CliResult {
    let lib = library_with(dir);
    let Some(loaded) = lib.get(scenario) else {
        print_problems(&lib, lang, out)?;
        return not_found(&lib, scenario, lang, out);
    };
    let mut run = Run::start(loaded.scenario.clone(), seed);
    let mut shown = 0;
    loop {
        let said = run.utterances(lang);
        for u in &said[shown..] {
            let name = crate::i18n::labels::speaker(lang, u);
            if name.is_empty() {
                writeln!(out, "  ({})", u.text)?;
            } else {
                writeln!(out, "{name}: {}", u.text)?;
            }
        }
        shown = said.len();
        if run.is_over() {
            break;
        }
        let choices: Vec<(String, String)> = run
            .choices()
            .iter()
            .map(|c| (c.id.clone(), run.render(&c.label, lang)))
            .collect();
        if choices.is_empty() {
            writeln!(out, "{}", tr(lang, "cli-play-continue"))?;
        }
        for (i, (_, label)) in choices.iter().enumerate() {
            writeln!(out, "  {}. {label}", i + 1)?;
        }
        write!(out, "> ")?;
        out.flush()?;
        let mut line = String::new();
        // End of input (or unreadable input) ends the game quietly.
        if input.read_line(&mut line).unwrap_or(0) == 0 {
            return Ok(0);
        }
        if choices.is_empty() {
            // Continue cannot fail here: the node waits for it and the validator checked its link.
            let _ = run.advance();
            continue;
        }
        match line.trim().parse::<usize>() {
            Ok(n) if (1..=choices.len()).contains(&n) => {
                // The id comes from the choices offered just now, so it is available.
                let _ = run.choose(&choices[n - 1].0);
            }
            _ => writeln!(
                out,
                "{}",
                tra(
                    lang,
                    "cli-play-type-number",
                    &Args::new().num("n", choices.len() as f64)
                )
            )?,
        }
    }
    let Some(outcome) = run.outcome() else {
        return Ok(0);
    };
    let d = debrief::build(loaded, &outcome, &lib.all(), &BTreeSet::new());
    writeln!(out, "\n== {} ==", d.ending.title.get(lang))?;
    writeln!(out, "{}", d.ending_text.get(lang))?;
    writeln!(
        out,
        "{}",
        tra(
            lang,
            "cli-play-score",
            &Args::new()
                .num("score", f64::from(d.score.overall))
                .str("grade", crate::i18n::labels::grade(lang, d.score.grade))
        )
    )?;
    for p in &d.principles {
        let title = lib.catalog.principle_title(&p.id, lang);
        match p.percent {
            Some(x) => writeln!(out, "  {x:>3}%  {title}")?,
            None => writeln!(out, "     —  {title}")?,
        }
    }
    for r in &d.decisions {
        if let Some(b) = &r.better {
            writeln!(
                out,
                "\n{}",
                tra(
                    lang,
                    "cli-play-better",
                    &Args::new()
                        .num("step", r.step as f64)
                        .str("chosen", r.chosen.label.get(lang))
                        .str("better", b.label.get(lang))
                        .str("feedback", b.feedback.get(lang))
                )
            )?;
        }
    }
    Ok(0)
}

/// Without the `game` feature there is no window: lists what is playable instead.
pub fn overview(lang: Lang, out: &mut dyn Write) -> CliResult {
    let lib = Library::builtin();
    writeln!(out, "{}", tr(lang, "cli-overview-title"))?;
    for l in &lib.scenarios {
        let t = &l.scenario.title;
        writeln!(out, "  {:<20} {}", l.scenario.id, t.get(lang))?;
    }
    writeln!(out, "\n{}", tr(lang, "cli-overview-play"))?;
    out.flush()?;
    Ok(0)
}

/// Turns a command's result into the process's exit code. A closed pipe is a normal end (the reader
/// has all it wanted); any other write error is said on standard error, with exit code 2.
pub fn exit_code(result: CliResult, lang: Lang) -> ExitCode {
    match result {
        Ok(code) => ExitCode::from(code),
        Err(CliError::Write(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(CliError::Write(e)) => {
            let text = tra(
                lang,
                "cli-write-error",
                &Args::new().str("error", e.to_string()),
            );
            // Standard error is the last place to say it; if that fails too, the exit code remains.
            let _ = writeln!(std::io::stderr(), "{text}");
            ExitCode::from(2)
        }
    }
}

/// An exit code from a command that reports its own errors (0–2).
fn code(c: i32) -> u8 {
    u8::try_from(c).unwrap_or(2)
}

/// Runs a parsed command line in `lang` (the system's language when `None`).
pub fn run_command(command: Command, lang: Option<Lang>) -> ExitCode {
    let lang = lang.unwrap_or_else(system_lang);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = match command {
        Command::Check { paths, format } => check(&paths, format, lang, &mut out),
        Command::Graph {
            scenario,
            scenarios,
        } => graph(&scenario, lang, &scenarios, &mut out),
        Command::Play {
            scenario,
            seed,
            scenarios,
        } => {
            let stdin = std::io::stdin();
            let mut input = stdin.lock();
            play(&scenario, seed, lang, &scenarios, &mut input, &mut out)
        }
        Command::Progress { action } => {
            Ok(code(crate::store::transfer::run(action, lang, &mut out)))
        }
        Command::Report(r) => Ok(code(crate::report::cli::report(&r, lang, &mut out))),
        Command::Sync(a) => Ok(code(crate::report::cli::sync(&a, lang, &mut out))),
    };
    let result = result.and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    exit_code(result, lang)
}
