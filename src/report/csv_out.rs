//! CSV for spreadsheets: one row per attempt, and one row per attempt and principle.
//!
//! Column names are stable English codes, so that a spreadsheet or script keeps working when the
//! interface language changes; titles in the rows follow the report's language. The `csv` crate
//! quotes commas, quotes and line breaks. A cell that starts with `=`, `+`, `-` or `@` gets a leading
//! apostrophe, so that a nickname cannot become a spreadsheet formula.

use super::model::AttemptRecord;
use super::stats::Context;
use crate::engine::text::Lang;

/// Makes a text cell safe from formula injection in spreadsheets.
fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn finish(w: csv::Writer<Vec<u8>>) -> String {
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// One row per attempt.
pub fn attempts(list: &[AttemptRecord], lang: Lang) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "attempt",
        "registration",
        "profile",
        "group",
        "kind",
        "scenario",
        "title",
        "started",
        "finished",
        "duration_s",
        "score",
        "total",
        "min",
        "max",
        "ending",
        "ending_kind",
        "decisions",
    ]);
    for a in list {
        let ending = a.ending.as_ref();
        let _ = w.write_record([
            cell(&a.id),
            a.registration.to_string(),
            cell(&a.profile),
            cell(a.group.as_deref().unwrap_or("")),
            a.kind.code().to_string(),
            cell(&a.scenario),
            cell(a.title.get(lang)),
            a.started.to_rfc3339(),
            a.finished.to_rfc3339(),
            a.duration().num_seconds().to_string(),
            a.score.to_string(),
            a.total.to_string(),
            a.min.to_string(),
            a.max.to_string(),
            cell(ending.map_or("", |e| e.title.get(lang))),
            ending
                .and_then(|e| e.kind)
                .map_or(String::new(), |k| format!("{k:?}").to_lowercase()),
            a.decisions.len().to_string(),
        ]);
    }
    finish(w)
}

/// One row per attempt and principle in play.
pub fn principles(list: &[AttemptRecord], ctx: &Context, lang: Lang) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "attempt",
        "profile",
        "group",
        "scenario",
        "finished",
        "principle",
        "principle_title",
        "chances",
        "upheld",
        "share",
        "percent",
    ]);
    for a in list {
        for p in &a.principles {
            let _ = w.write_record([
                cell(&a.id),
                cell(&a.profile),
                cell(a.group.as_deref().unwrap_or("")),
                cell(&a.scenario),
                a.finished.to_rfc3339(),
                cell(&p.id),
                cell(&ctx.principle_title(&p.id, lang)),
                p.chances.to_string(),
                p.upheld.to_string(),
                p.share().map_or(String::new(), |s| format!("{s:.3}")),
                p.percent.map_or(String::new(), |x| x.to_string()),
            ]);
        }
    }
    finish(w)
}
