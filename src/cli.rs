//! The command line: `check`, `graph` and `play`, written over the engine so that tests can call it.

use crate::engine::debrief;
use crate::engine::graph::to_dot;
use crate::engine::library::{Library, SourceFile, builtin_files, read_path};
use crate::engine::report::Report;
use crate::engine::run::Run;
use crate::engine::text::Lang;
use clap::{Parser, Subcommand, ValueEnum};
use std::collections::BTreeSet;
use std::io::{BufRead, Write};
use std::path::PathBuf;

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
    /// Language for this launch (ru or en), instead of the saved setting.
    #[arg(long, value_parser = parse_lang)]
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
}

/// Parses `ru` or `en` for `--lang`.
fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| format!("`{s}` is not a language of the game; use ru or en"))
}

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
        /// Language of the labels.
        #[arg(long, default_value = "en")]
        lang: String,
        /// Also load the scenarios of this folder.
        #[arg(long)]
        scenarios: Option<PathBuf>,
    },
    /// Play a scenario in the terminal.
    Play {
        /// A scenario id.
        scenario: String,
        /// Seed for the variation (choice order, names).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Language.
        #[arg(long, default_value = "ru")]
        lang: String,
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
    /// Send the statements waiting in the outbox to the Learning Record Store.
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

/// Loads the library for `check`: the given paths over the built-in catalogs.
pub fn check_library(paths: &[PathBuf]) -> Result<Library, String> {
    if paths.is_empty() {
        return Ok(Library::builtin());
    }
    let mut files = Vec::new();
    for p in paths {
        files.extend(read_path(p).map_err(|d| d.to_string())?);
    }
    Ok(Library::from_files(builtin_catalogs(), files))
}

/// Runs `check`, writing the report to `out`. Returns the exit code.
pub fn check(paths: &[PathBuf], format: Format, out: &mut dyn Write) -> i32 {
    let lib = match check_library(paths) {
        Ok(l) => l,
        Err(e) => {
            let _ = write!(out, "{e}");
            return 2;
        }
    };
    let report = Report::new(&lib);
    let _ = match format {
        Format::Text => write!(
            out,
            "{}{}",
            report.to_text(),
            crate::quiz_text::check_text(&crate::engine::quiz::check_report(&lib), Lang::En)
        ),
        Format::Json => writeln!(out, "{}", report.to_json()),
    };
    i32::from(report.errors > 0)
}

/// The built-in library, plus a folder's scenarios when given.
fn library_with(dir: &Option<PathBuf>) -> Result<Library, String> {
    let extra = match dir {
        Some(d) => read_path(d).map_err(|e| e.to_string())?,
        None => Vec::new(),
    };
    Ok(Library::from_files(builtin_files(), extra))
}

fn lang_of(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).ok_or_else(|| format!("unknown language `{code}`: use ru or en"))
}

/// Runs `graph`. Returns the exit code.
pub fn graph(scenario: &str, lang: &str, dir: &Option<PathBuf>, out: &mut dyn Write) -> i32 {
    let lang = match lang_of(lang) {
        Ok(l) => l,
        Err(e) => {
            let _ = writeln!(out, "{e}");
            return 2;
        }
    };
    let path = PathBuf::from(scenario);
    let lib = if path.is_file() {
        check_library(&[path])
    } else {
        library_with(dir)
    };
    let lib = match lib {
        Ok(l) => l,
        Err(e) => {
            let _ = writeln!(out, "{e}");
            return 2;
        }
    };
    let found = lib.get(scenario).or_else(|| {
        lib.scenarios
            .first()
            .filter(|_| PathBuf::from(scenario).is_file())
    });
    match found {
        Some(l) => {
            let _ = write!(
                out,
                "{}",
                to_dot(&l.scenario, lang, &|k| {
                    crate::i18n::labels::ending_kind(lang, k)
                })
            );
            0
        }
        None => {
            for p in &lib.problems {
                for d in &p.diagnostics {
                    let _ = writeln!(out, "{d}");
                }
            }
            not_found(&lib, scenario, out)
        }
    }
}

/// Says that no playable scenario has this id, and lists those that do. Returns the exit code.
fn not_found(lib: &Library, scenario: &str, out: &mut dyn Write) -> i32 {
    let ids: Vec<&str> = lib
        .scenarios
        .iter()
        .map(|l| l.scenario.id.as_str())
        .collect();
    let _ = writeln!(
        out,
        "no playable scenario `{scenario}`; known: {}",
        ids.join(", ")
    );
    2
}

/// Plays a scenario in the terminal, reading choices as numbers from `input`.
pub fn play(
    scenario: &str,
    seed: u64,
    lang: &str,
    dir: &Option<PathBuf>,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> i32 {
    let (lib, lang) = match (library_with(dir), lang_of(lang)) {
        (Ok(l), Ok(g)) => (l, g),
        (Err(e), _) | (_, Err(e)) => {
            let _ = writeln!(out, "{e}");
            return 2;
        }
    };
    let Some(loaded) = lib.get(scenario) else {
        return not_found(&lib, scenario, out);
    };
    let mut run = Run::start(loaded.scenario.clone(), seed);
    let mut shown = 0;
    let ru = lang == Lang::Ru;
    loop {
        let said = run.utterances(lang);
        for u in &said[shown..] {
            let name = crate::i18n::labels::speaker(lang, u);
            if name.is_empty() {
                let _ = writeln!(out, "  ({})", u.text);
            } else {
                let _ = writeln!(out, "{name}: {}", u.text);
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
            let _ = writeln!(
                out,
                "{}",
                if ru {
                    "[Enter — дальше]"
                } else {
                    "[Enter to continue]"
                }
            );
        }
        for (i, (_, label)) in choices.iter().enumerate() {
            let _ = writeln!(out, "  {}. {label}", i + 1);
        }
        let _ = write!(out, "> ");
        let _ = out.flush();
        let mut line = String::new();
        if input.read_line(&mut line).unwrap_or(0) == 0 {
            return 0;
        }
        if choices.is_empty() {
            let _ = run.advance();
            continue;
        }
        match line.trim().parse::<usize>() {
            Ok(n) if (1..=choices.len()).contains(&n) => {
                let _ = run.choose(&choices[n - 1].0);
            }
            _ => {
                let _ = writeln!(
                    out,
                    "{} 1–{}",
                    if ru {
                        "Введите число"
                    } else {
                        "Type a number"
                    },
                    choices.len()
                );
            }
        }
    }
    let Some(outcome) = run.outcome() else {
        return 0;
    };
    let d = debrief::build(loaded, &outcome, &lib.all(), &BTreeSet::new());
    let _ = writeln!(out, "\n== {} ==", d.ending.title.get(lang));
    let _ = writeln!(out, "{}", d.ending_text.get(lang));
    let _ = writeln!(
        out,
        "{}: {}/100 — {}",
        if ru { "Итог" } else { "Score" },
        d.score.overall,
        crate::i18n::labels::grade(lang, d.score.grade)
    );
    for p in &d.principles {
        let title = lib
            .catalog
            .principle(&p.id)
            .map_or(p.id.as_str(), |x| x.title.get(lang));
        match p.percent {
            Some(x) => writeln!(out, "  {x:>3}%  {title}"),
            None => writeln!(out, "     —  {title}"),
        }
        .ok();
    }
    for r in &d.decisions {
        if let Some(b) = &r.better {
            let _ = writeln!(
                out,
                "\n{} {}: «{}»\n  {} «{}» — {}",
                if ru { "Шаг" } else { "Step" },
                r.step,
                r.chosen.label.get(lang),
                if ru { "Лучше:" } else { "Better:" },
                b.label.get(lang),
                b.feedback.get(lang)
            );
        }
    }
    0
}

/// Runs a parsed command line; `None` means the game should start. Returns the exit code.
pub fn run_command(command: Command) -> i32 {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match command {
        Command::Check { paths, format } => check(&paths, format, &mut out),
        Command::Graph {
            scenario,
            lang,
            scenarios,
        } => graph(&scenario, &lang, &scenarios, &mut out),
        Command::Play {
            scenario,
            seed,
            lang,
            scenarios,
        } => {
            let stdin = std::io::stdin();
            let mut input = stdin.lock();
            play(&scenario, seed, &lang, &scenarios, &mut input, &mut out)
        }
        Command::Progress { action } => crate::store::transfer::run(action, &mut out),
        Command::Report(r) => crate::report::cli::report(&r, &mut out),
        Command::Sync(a) => crate::report::cli::sync(&a, &mut out),
    }
}
