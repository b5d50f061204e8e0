//! The words of `client-first check`: the report as readable text, and as JSON with each finding's
//! message and fix in the chosen language beside its stable code.

use crate::engine::diag::Diagnostic;
use crate::engine::report::Report;
use crate::engine::text::Lang;
use crate::i18n::diag::{diagnostic_fix, diagnostic_message, render};
use crate::i18n::{Args, tr, tra};
use std::fmt::Write;

/// The report as text for a terminal, in `lang`.
pub fn report_text(report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    for d in &report.catalog {
        out.push_str(&render(lang, d));
    }
    for s in &report.scenarios {
        let mark = if s.error_count > 0 { "✗" } else { "✓" };
        let id = s.id.as_deref().unwrap_or("?");
        let _ = writeln!(out, "{mark} {} ({id})", s.file);
        if let Some(c) = &s.coverage {
            let langs: Vec<&str> = s.languages.iter().map(|l| l.code()).collect();
            let args = Args::new()
                .num("nodes", c.nodes as f64)
                .num("choices", c.choices as f64)
                .num("endings", c.endings as f64)
                .str("languages", langs.join(", "));
            let _ = writeln!(out, "    {}", tra(lang, "cli-check-counts", &args));
            if let (Some(sc), Some(dc)) = (c.score, c.decisions) {
                let args = Args::new()
                    .num("fewest", f64::from(dc.worst))
                    .num("most", f64::from(dc.best))
                    .str("worst", format!("{:+}", sc.worst))
                    .str("best", format!("{:+}", sc.best));
                let _ = writeln!(out, "    {}", tra(lang, "cli-check-range", &args));
            }
            let args = Args::new()
                .num("n", c.principles.len() as f64)
                .str("list", c.principles.join(", "));
            let _ = writeln!(out, "    {}", tra(lang, "cli-check-principles", &args));
        }
        for d in s.errors.iter().chain(&s.warnings) {
            for line in render(lang, d).lines() {
                let _ = writeln!(out, "    {line}");
            }
        }
    }
    if !report.coverage.is_empty() {
        let _ = writeln!(out, "\n{}", tr(lang, "cli-coverage-title"));
        if !report.builtin_counted.is_empty() {
            let args = Args::new()
                .num("n", report.builtin_counted.len() as f64)
                .str("list", report.builtin_counted.join(", "));
            let _ = writeln!(out, "{}", tra(lang, "cli-coverage-builtin", &args));
        }
        let width = report.coverage.keys().map(|k| k.len()).max().unwrap_or(0);
        let few = tr(lang, "cli-coverage-few");
        for (p, ss) in &report.coverage {
            let flag = if ss.len() < 2 {
                format!("  {few}")
            } else {
                String::new()
            };
            let _ = writeln!(out, "  {p:<width$}  {}  {}{flag}", ss.len(), ss.join(", "));
        }
    }
    let args = Args::new()
        .num("files", report.scenarios.len() as f64)
        .num("errors", report.errors as f64)
        .num("warnings", report.warnings as f64);
    let _ = writeln!(out, "\n{}", tra(lang, "cli-check-total", &args));
    out
}

/// The report as pretty JSON. Each finding keeps its stable `code`, `pos` and `args`, and gains
/// `message` and `fix` in `lang`.
pub fn report_json(report: &Report, lang: Lang) -> String {
    let mut v = match serde_json::to_value(report) {
        Ok(v) => v,
        // The report holds only strings, numbers and lists, so this cannot happen; keep it JSON anyway.
        Err(e) => return serde_json::json!({ "error": e.to_string() }).to_string(),
    };
    let add = |slot: Option<&mut serde_json::Value>, d: &Diagnostic| {
        if let Some(obj) = slot.and_then(serde_json::Value::as_object_mut) {
            obj.insert("message".into(), diagnostic_message(lang, d).into());
            obj.insert("fix".into(), diagnostic_fix(lang, d).into());
        }
    };
    for (i, s) in report.scenarios.iter().enumerate() {
        for (key, list) in [("errors", &s.errors), ("warnings", &s.warnings)] {
            for (j, d) in list.iter().enumerate() {
                add(v.pointer_mut(&format!("/scenarios/{i}/{key}/{j}")), d);
            }
        }
    }
    for (j, d) in report.catalog.iter().enumerate() {
        add(v.pointer_mut(&format!("/catalog/{j}")), d);
    }
    serde_json::to_string_pretty(&v).unwrap_or_else(|_| "{}".to_string())
}
