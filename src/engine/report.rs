//! The report of `client-first check` as data: the command line words it (`crate::cli`) or prints
//! it as JSON for tools.

use super::diag::{Code, Diagnostic};
use super::library::{Library, Loaded};
use super::text::Lang;
use super::validate::{Coverage, coverage_table};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// One scenario file in the JSON summary.
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioSummary {
    /// The scenario id, when the file parsed.
    pub id: Option<String>,
    /// The file.
    pub file: String,
    /// Whether the scenario can be played (no errors).
    pub playable: bool,
    /// The languages it declares.
    pub languages: Vec<Lang>,
    /// Counts, principles, best and worst score.
    pub coverage: Option<Coverage>,
    /// Number of errors.
    pub error_count: usize,
    /// Number of warnings.
    pub warning_count: usize,
    /// The errors.
    pub errors: Vec<Diagnostic>,
    /// The warnings.
    pub warnings: Vec<Diagnostic>,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// One entry per scenario file.
    pub scenarios: Vec<ScenarioSummary>,
    /// Findings in the catalogs.
    pub catalog: Vec<Diagnostic>,
    /// Principle id → the scenarios that score it.
    pub coverage: BTreeMap<String, Vec<String>>,
    /// Total errors.
    pub errors: usize,
    /// Total warnings.
    pub warnings: usize,
    /// Files that could not be read at all (missing, no permission): `check` exits 2 for them.
    pub unreadable: usize,
    /// The ids of built-in scenarios counted in `coverage` beside the checked files, so that a
    /// company folder's coverage includes what the game already ships. Empty when only the built-in
    /// library itself is checked.
    pub builtin_counted: Vec<String>,
}

impl Report {
    /// Builds the report of a library on its own.
    pub fn new(lib: &Library) -> Report {
        Report::over(lib, None)
    }

    /// Builds the report of a library checked over `base` (the built-in library): coverage then
    /// also counts the base scenarios that the checked files do not replace.
    pub fn over(lib: &Library, base: Option<&Library>) -> Report {
        let split = |d: &[Diagnostic]| -> (Vec<Diagnostic>, Vec<Diagnostic>) {
            d.iter().cloned().partition(Diagnostic::is_error)
        };
        let mut scenarios: Vec<ScenarioSummary> = lib
            .scenarios
            .iter()
            .map(|l| {
                let (errors, warnings) = split(&l.warnings);
                ScenarioSummary {
                    id: Some(l.scenario.id.clone()),
                    file: l.file.clone(),
                    playable: true,
                    languages: l.scenario.languages.clone(),
                    coverage: Some(l.coverage.clone()),
                    error_count: errors.len(),
                    warning_count: warnings.len(),
                    errors,
                    warnings,
                }
            })
            .collect();
        scenarios.extend(lib.problems.iter().map(|p| {
            let (errors, warnings) = split(&p.diagnostics);
            ScenarioSummary {
                id: p.id.clone(),
                file: p.file.clone(),
                playable: false,
                languages: p.languages.clone(),
                coverage: p.coverage.clone(),
                error_count: errors.len(),
                warning_count: warnings.len(),
                errors,
                warnings,
            }
        }));
        scenarios.sort_by(|a, b| a.file.cmp(&b.file));
        let catalog = lib.catalog_diagnostics.clone();
        let errors = scenarios.iter().map(|s| s.error_count).sum::<usize>()
            + catalog.iter().filter(|d| d.is_error()).count();
        let warnings = scenarios.iter().map(|s| s.warning_count).sum::<usize>()
            + catalog.iter().filter(|d| !d.is_error()).count();
        let unreadable = scenarios
            .iter()
            .flat_map(|s| &s.errors)
            .chain(&catalog)
            .filter(|d| d.code == Code::Io)
            .count();
        let checked: BTreeSet<&str> = scenarios.iter().filter_map(|s| s.id.as_deref()).collect();
        let extra: Vec<&Loaded> = base
            .map(|b| {
                b.scenarios
                    .iter()
                    .filter(|l| !checked.contains(l.scenario.id.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        let builtin_counted = extra.iter().map(|l| l.scenario.id.clone()).collect();
        Report {
            coverage: coverage_table(
                &lib.catalog,
                lib.scenarios
                    .iter()
                    .chain(extra.iter().copied())
                    .map(|l| l.scenario.as_ref()),
            ),
            scenarios,
            catalog,
            errors,
            warnings,
            unreadable,
            builtin_counted,
        }
    }
}
