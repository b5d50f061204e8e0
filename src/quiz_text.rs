//! The quiz part of `client-first check` as text: the engine's [`QuizCheck`] in the user's language.

use crate::engine::quiz::{Kind, QuizCheck};
use crate::engine::text::Lang;
use crate::i18n::{Args, tr, tra};
use std::collections::BTreeMap;
use std::fmt::Write;

/// `upholds 3, breaks 2, …` for the kinds with at least one question.
fn kinds(lang: Lang, made: &BTreeMap<Kind, usize>) -> String {
    made.iter()
        .filter(|(_, n)| **n > 0)
        .map(|(k, n)| format!("{} {n}", tr(lang, k.name_id())))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Per scenario, how many questions it yields and which candidates were skipped and why; then the
/// hand-written questions and the whole pool.
pub fn check_text(check: &QuizCheck, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "\n{}", tr(lang, "quiz-check-heading"));
    for s in &check.scenarios {
        let n: usize = s.made.values().sum();
        let args = Args::new()
            .str("scenario", s.scenario.as_str())
            .num("n", n as f64)
            .str("kinds", kinds(lang, &s.made));
        let _ = writeln!(out, "  {}", tra(lang, "quiz-check-scenario", &args));
        if s.skipped.is_empty() {
            continue;
        }
        let args = Args::new().num("n", s.skipped.len() as f64);
        let _ = writeln!(out, "    {}", tra(lang, "quiz-check-skipped", &args));
        for k in &s.skipped {
            let args = Args::new()
                .str("id", k.id.as_str())
                .str("kind", tr(lang, k.kind.name_id()))
                .str("reason", tr(lang, k.reason.message_id()));
            let _ = writeln!(out, "      {}", tra(lang, "quiz-check-skip-line", &args));
        }
    }
    let args = Args::new().num("n", check.written as f64);
    let _ = writeln!(out, "  {}", tra(lang, "quiz-check-written", &args));
    let total: usize = check.totals.values().sum();
    let args = Args::new()
        .num("n", total as f64)
        .str("kinds", kinds(lang, &check.totals));
    let _ = writeln!(out, "{}", tra(lang, "quiz-check-total", &args));
    out
}
