//! The report of `client-first check`: readable text for authors, JSON for tools.

use super::diag::Diagnostic;
use super::library::Library;
use super::text::Lang;
use super::validate::{Coverage, coverage_table};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

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
}

impl Report {
    /// Builds the report of a library.
    pub fn new(lib: &Library) -> Report {
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
        Report {
            scenarios,
            coverage: coverage_table(
                &lib.catalog,
                lib.scenarios.iter().map(|l| l.scenario.as_ref()),
            ),
            catalog,
            errors,
            warnings,
        }
    }

    /// The report as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }

    /// The report as text for a terminal.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for d in &self.catalog {
            let _ = writeln!(out, "{d}");
        }
        for s in &self.scenarios {
            let mark = if s.error_count > 0 { "✗" } else { "✓" };
            let id = s.id.as_deref().unwrap_or("?");
            let _ = writeln!(out, "{mark} {} ({id})", s.file);
            if let Some(c) = &s.coverage {
                let langs: Vec<&str> = s.languages.iter().map(|l| l.code()).collect();
                let _ = writeln!(
                    out,
                    "    {} nodes, {} choices, {} endings; languages: {}",
                    c.nodes,
                    c.choices,
                    c.endings,
                    langs.join(", ")
                );
                if let (Some(sc), Some(dc)) = (c.score, c.decisions) {
                    let _ = writeln!(
                        out,
                        "    decisions per playthrough: {}–{}; points: worst {:+}, best {:+}",
                        dc.worst, dc.best, sc.worst, sc.best
                    );
                }
                let _ = writeln!(
                    out,
                    "    principles ({}): {}",
                    c.principles.len(),
                    c.principles.join(", ")
                );
            }
            for d in s.errors.iter().chain(&s.warnings) {
                for line in d.to_string().lines() {
                    let _ = writeln!(out, "    {line}");
                }
            }
        }
        if !self.coverage.is_empty() {
            let _ = writeln!(out, "\nCoverage: principle × scenarios");
            let width = self.coverage.keys().map(|k| k.len()).max().unwrap_or(0);
            for (p, ss) in &self.coverage {
                let flag = if ss.len() < 2 {
                    "  ← fewer than 2"
                } else {
                    ""
                };
                let _ = writeln!(out, "  {p:<width$}  {}  {}{flag}", ss.len(), ss.join(", "));
            }
        }
        let _ = writeln!(
            out,
            "\n{} scenario file(s): {} error(s), {} warning(s)",
            self.scenarios.len(),
            self.errors,
            self.warnings
        );
        out
    }
}
