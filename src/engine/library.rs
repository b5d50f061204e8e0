//! The scenario library: the built-in files, plus a company's own folder, validated and ready to play.

use super::analysis::Analysis;
use super::diag::{Diagnostic, Position, Severity};
use super::load::{parse_cases, parse_catalog, parse_scenario};
use super::model::{CaseCatalog, Catalog, Scenario};
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

/// A source file: its name for messages, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The path or name shown in messages.
    pub name: String,
    /// The file's contents.
    pub text: String,
}

impl SourceFile {
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
        .map(|(name, text)| SourceFile {
            name: format!("scenarios/{name}"),
            text: (*text).to_string(),
        })
        .collect()
}

/// Reads the `.ron` files of a folder (sorted by name), or one file.
pub fn read_path(path: &Path) -> Result<Vec<SourceFile>, Box<Diagnostic>> {
    let io_error = |p: &Path, e: std::io::Error| {
        Box::new(Diagnostic::new(
            Severity::Error,
            "io",
            &p.display().to_string(),
            "",
            Position { line: 0, col: 0 },
            format!("cannot read it: {e}"),
            "check that the path exists and is readable",
        ))
    };
    let mut paths: Vec<PathBuf> = if path.is_dir() {
        std::fs::read_dir(path)
            .map_err(|e| io_error(path, e))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .collect()
    } else {
        vec![path.to_path_buf()]
    };
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).map_err(|e| io_error(&p, e))?;
            Ok(SourceFile {
                name: p.display().to_string(),
                text,
            })
        })
        .collect()
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
            .find_map(|f| match parse_catalog(&f.name, &f.text) {
                Ok(c) => {
                    diags.extend(check_catalog(&f.name, &f.text, &c));
                    Some(c)
                }
                Err(d) => {
                    diags.push(*d);
                    None
                }
            })
            .unwrap_or_else(|| Catalog {
                sources: Vec::new(),
                principles: Vec::new(),
            });
        let cases = all
            .iter()
            .rev()
            .filter(|f| f.is_cases())
            .find_map(|f| match parse_cases(&f.name, &f.text) {
                Ok(c) => Some(c),
                Err(d) => {
                    diags.push(*d);
                    None
                }
            })
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
                    let first = by_id.get(&s.id).map_or("another file", |l| l.file.as_str());
                    let pos = super::diag::locate_field(&f.text, "id", &s.id, 0)
                        .map_or(Position { line: 1, col: 1 }, |p| p.0);
                    problems.push(Problem {
                        file: f.name.clone(),
                        id: Some(s.id.clone()),
                        diagnostics: vec![Diagnostic::new(
                            Severity::Error,
                            "duplicate-id",
                            &f.name,
                            &f.text,
                            pos,
                            format!("scenario id `{}` is already used by {first}", s.id),
                            "give each scenario its own id",
                        )],
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
        let s = parse_scenario(&f.name, &f.text)?;
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
