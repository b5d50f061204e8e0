//! The scenario library: the built-in files, plus a company's own folder, validated and ready to play.

use super::analysis::Analysis;
use super::diag::{Code, Diagnostic, Severity};
use super::load::{parse_cases, parse_catalog, parse_scenario};
use super::model::{CaseCatalog, Catalog, Scenario};
use super::source;
use super::validate::{Coverage, check_catalog, check_scenario};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin.rs"));
}

/// The file name of the principles catalog.
pub const PRINCIPLES_FILE: &str = "principles.ron";
/// The file name of the case catalog.
pub const CASES_FILE: &str = "cases.ron";

/// A source file: its name for messages, and its text, or why its bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The path or name shown in messages.
    pub name: String,
    /// The file's contents, without a byte-order mark and with LF line ends.
    pub text: String,
    /// Why the file could not be read as text (not found, not UTF-8); `text` is then empty.
    pub unreadable: Option<Box<Diagnostic>>,
}

impl SourceFile {
    /// A file from its text, normalised as a file read from disk would be.
    pub fn new(name: impl Into<String>, text: &str) -> SourceFile {
        SourceFile {
            name: name.into(),
            text: source::normalise(text),
            unreadable: None,
        }
    }

    /// A file from its bytes: UTF-8 with or without a byte-order mark, any line ends. Other bytes
    /// make a file that carries its located `encoding` error.
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> SourceFile {
        let name = name.into();
        match source::decode(&name, bytes) {
            Ok(text) => SourceFile {
                name,
                text,
                unreadable: None,
            },
            Err(d) => SourceFile {
                name,
                text: String::new(),
                unreadable: Some(d),
            },
        }
    }

    /// Whether this is the principles catalog.
    pub fn is_principles(&self) -> bool {
        file_name(&self.name) == PRINCIPLES_FILE
    }

    /// Whether this is the hand-written quiz, which is not a scenario.
    pub fn is_quiz(&self) -> bool {
        file_name(&self.name) == super::quiz::QUIZ_FILE
    }

    /// Whether this is the case catalog.
    pub fn is_cases(&self) -> bool {
        file_name(&self.name) == CASES_FILE
    }
}

fn file_name(path: &str) -> &str {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

/// The built-in files, embedded at build time.
pub fn builtin_files() -> Vec<SourceFile> {
    builtin::BUILTIN
        .iter()
        .map(|(name, text)| SourceFile::new(format!("scenarios/{name}"), text))
        .collect()
}

/// Reads the `.ron` files of a folder (sorted by name), or one file. A file that cannot be read, or
/// is not UTF-8, comes back carrying its error, so that one bad file never hides the others. Only a
/// folder that cannot be listed (or a path that does not exist) is an error of the whole call.
pub fn read_path(path: &Path) -> Result<Vec<SourceFile>, Box<Diagnostic>> {
    let name = path.display().to_string();
    let mut paths: Vec<PathBuf> = if path.is_dir() {
        std::fs::read_dir(path)
            .map_err(|e| source::io_error(&name, &e))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ron") && !p.is_dir())
            .collect()
    } else {
        std::fs::metadata(path).map_err(|e| source::io_error(&name, &e))?;
        vec![path.to_path_buf()]
    };
    paths.sort();
    Ok(paths.into_iter().map(|p| read_file(&p)).collect())
}

/// Reads one file as bytes; an error is kept in the file rather than returned.
pub fn read_file(path: &Path) -> SourceFile {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => SourceFile::from_bytes(name, &bytes),
        Err(e) => SourceFile {
            unreadable: Some(source::io_error(&name, &e)),
            name,
            text: String::new(),
        },
    }
}

/// A scenario that loaded, with its findings.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The file it came from.
    pub file: String,
    /// The scenario.
    pub scenario: Arc<Scenario>,
    /// Its state exploration (best and worst scores).
    pub analysis: Arc<Analysis>,
    /// Its coverage.
    pub coverage: Coverage,
    /// Warnings (a loaded scenario has no errors).
    pub warnings: Vec<Diagnostic>,
}

/// A file that could not be used, with why.
#[derive(Debug, Clone)]
pub struct Problem {
    /// The file.
    pub file: String,
    /// The scenario id, when the file parsed far enough to have one.
    pub id: Option<String>,
    /// Errors first, then warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// What the scenario covers, when it parsed.
    pub coverage: Option<Coverage>,
    /// The languages it declares, when it parsed.
    pub languages: Vec<super::text::Lang>,
}

/// Every scenario and catalog, checked.
#[derive(Debug, Clone)]
pub struct Library {
    /// The principles catalog.
    pub catalog: Catalog,
    /// The case catalog.
    pub cases: CaseCatalog,
    /// Playable scenarios, in learning-path order.
    pub scenarios: Vec<Loaded>,
    /// Files with errors; they are not playable.
    pub problems: Vec<Problem>,
    /// Findings in the catalogs themselves (and in `quiz.ron`).
    pub catalog_diagnostics: Vec<Diagnostic>,
    /// The hand-written quiz questions that passed their checks.
    pub quiz: Vec<super::quiz::Written>,
}

impl Library {
    /// The built-in library.
    pub fn builtin() -> Library {
        Library::from_files(builtin_files(), Vec::new())
    }

    /// Builds a library from base files and overrides. An override scenario with the same id as a base
    /// one replaces it; catalogs among the overrides replace the base catalogs.
    pub fn from_files(base: Vec<SourceFile>, overrides: Vec<SourceFile>) -> Library {
        let mut diags = Vec::new();
        let all: Vec<&SourceFile> = base.iter().chain(overrides.iter()).collect();
        let catalog = all
            .iter()
            .rev()
            .filter(|f| f.is_principles())
            .find_map(
                |f| match readable(f).and_then(|t| parse_catalog(&f.name, t)) {
                    Ok(c) => {
                        diags.extend(check_catalog(&f.name, &f.text, &c));
                        Some(c)
                    }
                    Err(d) => {
                        diags.push(*d);
                        None
                    }
                },
            )
            .unwrap_or_else(|| Catalog {
                sources: Vec::new(),
                principles: Vec::new(),
            });
        let cases = all
            .iter()
            .rev()
            .filter(|f| f.is_cases())
            .find_map(
                |f| match readable(f).and_then(|t| parse_cases(&f.name, t)) {
                    Ok(c) => Some(c),
                    Err(d) => {
                        diags.push(*d);
                        None
                    }
                },
            )
            .unwrap_or(CaseCatalog { cases: Vec::new() });
        // The last quiz file wins, as with the catalogs: a company folder may replace the built-in one.
        let quiz = match all.iter().rev().find(|f| f.is_quiz()) {
            Some(f) => {
                let (q, d) = super::quiz::load_quiz(&f.name, &f.text, &catalog, &cases);
                diags.extend(d);
                q
            }
            None => Vec::new(),
        };

        let mut by_id: BTreeMap<String, Loaded> = BTreeMap::new();
        // Which group (0 base, 1 overrides) each id came from: the same id twice in one group is a mistake.
        let mut group_of: BTreeMap<String, usize> = BTreeMap::new();
        let mut problems = Vec::new();
        let scenario_files: Vec<(usize, &SourceFile)> = all
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.is_principles() && !f.is_cases() && !f.is_quiz())
            .map(|(i, f)| (usize::from(i >= base.len()), *f))
            .collect();
        let checked = check_all(&scenario_files, &catalog, &cases);
        for ((group, f), result) in scenario_files.iter().zip(checked) {
            let group = *group;
            match result {
                Err(d) => problems.push(Problem {
                    file: f.name.clone(),
                    id: None,
                    diagnostics: vec![*d],
                    coverage: None,
                    languages: Vec::new(),
                }),
                Ok((s, ..)) if group_of.get(&s.id) == Some(&group) => {
                    let first = by_id.get(&s.id).map_or("", |l| l.file.as_str());
                    let at = super::spans::parse(&f.text)
                        .and_then(|r| r.field("id").map(|v| v.start))
                        .map_or(super::diag::Position::START, |o| {
                            super::diag::position_of_offset(&f.text, o)
                        });
                    problems.push(Problem {
                        file: f.name.clone(),
                        id: Some(s.id.clone()),
                        diagnostics: vec![
                            Diagnostic::new(
                                Severity::Error,
                                Code::DuplicateId,
                                &f.name,
                                &f.text,
                                at,
                            )
                            .arg("what", "scenario")
                            .arg("id", &s.id)
                            .arg("node", first),
                        ],
                        coverage: None,
                        languages: s.languages.clone(),
                    });
                }
                Ok((s, d, coverage, analysis)) => {
                    if d.iter().any(Diagnostic::is_error) {
                        // A broken override must not hide a working scenario of the same id.
                        problems.push(Problem {
                            file: f.name.clone(),
                            id: Some(s.id.clone()),
                            diagnostics: d,
                            coverage: Some(coverage),
                            languages: s.languages.clone(),
                        });
                    } else {
                        group_of.insert(s.id.clone(), group);
                        by_id.insert(
                            s.id.clone(),
                            Loaded {
                                file: f.name.clone(),
                                scenario: Arc::new(s),
                                analysis: Arc::new(analysis),
                                coverage,
                                warnings: d,
                            },
                        );
                    }
                }
            }
        }
        let mut scenarios: Vec<Loaded> = by_id.into_values().collect();
        scenarios.sort_by(|a, b| {
            (a.scenario.order, &a.scenario.id).cmp(&(b.scenario.order, &b.scenario.id))
        });
        Library {
            catalog,
            cases,
            scenarios,
            problems,
            catalog_diagnostics: diags,
            quiz,
        }
    }

    /// The playable scenario with this id.
    pub fn get(&self, id: &str) -> Option<&Loaded> {
        self.scenarios.iter().find(|l| l.scenario.id == id)
    }

    /// The title of scenario `id` in `lang`, or the id itself when the library has no such scenario
    /// (a saved attempt of a scenario removed since).
    pub fn scenario_title(&self, id: &str, lang: crate::engine::text::Lang) -> String {
        self.get(id).map_or_else(
            || id.to_string(),
            |l| l.scenario.title.get(lang).to_string(),
        )
    }

    /// The scenario to play next on the learning path: the first, in order, that is not yet completed.
    pub fn recommended_next(
        &self,
        completed: &std::collections::BTreeSet<String>,
    ) -> Option<&Loaded> {
        self.scenarios
            .iter()
            .find(|l| !completed.contains(&l.scenario.id))
    }

    /// All playable scenarios.
    pub fn all(&self) -> Vec<Arc<Scenario>> {
        self.scenarios
            .iter()
            .map(|l| Arc::clone(&l.scenario))
            .collect()
    }
}

/// The text of a file, or the reason it has none.
fn readable(f: &SourceFile) -> Result<&str, Box<Diagnostic>> {
    match &f.unreadable {
        Some(d) => Err(d.clone()),
        None => Ok(&f.text),
    }
}

/// A scenario file parsed and checked, or why it could not be parsed.
type Checked = Result<(Scenario, Vec<Diagnostic>, Coverage, Analysis), Box<Diagnostic>>;

/// Parses and checks every scenario file, spread over the machine's cores: each file is independent,
/// and parsing plus state exploration is most of the time of loading a large library.
fn check_all(
    files: &[(usize, &SourceFile)],
    catalog: &Catalog,
    cases: &CaseCatalog,
) -> Vec<Checked> {
    let one = |f: &SourceFile| -> Checked {
        let s = parse_scenario(&f.name, readable(f)?)?;
        let (d, coverage, analysis) = check_scenario(&f.name, &f.text, &s, catalog, cases);
        Ok((s, d, coverage, analysis))
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || files.len() < 8 {
        return files.iter().map(|(_, f)| one(f)).collect();
    }
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|(_, f)| one(f)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}
