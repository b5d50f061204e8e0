//! The words of the validator's findings, in Russian and English, for the command line and the
//! game's picker alike.
//!
//! The engine's [`Diagnostic`] carries a [`Code`] and named values only. Each code has two messages in
//! `assets/i18n/<lang>/check.ftl`: `diag-<code>` (what is wrong) and `diag-<code>-fix` (what to do).
//! A few values are worded here first, because Fluent cannot test whether a value is empty: the
//! "did you mean" hint, the description of which text a finding is about, the name of a language and
//! the state a dead end is reached in.

use super::{Args, has, tr, tra};
use crate::engine::diag::{Arg, Code, Diagnostic};
use crate::engine::text::Lang;
use std::fmt::Write;

/// The catalog id of a code's message: `diag-<code>`.
pub fn message_id(code: Code) -> String {
    format!("diag-{}", code.as_str())
}

/// The catalog id of a code's fix: `diag-<code>-fix`.
pub fn fix_id(code: Code) -> String {
    format!("diag-{}-fix", code.as_str())
}

/// What is wrong, in `lang`.
pub fn diagnostic_message(lang: Lang, d: &Diagnostic) -> String {
    let owned = derived(lang, d);
    tra(lang, &message_id(d.code), &args(d, &owned))
}

/// What to do about it, in `lang`.
pub fn diagnostic_fix(lang: Lang, d: &Diagnostic) -> String {
    let owned = derived(lang, d);
    tra(lang, &fix_id(d.code), &args(d, &owned))
}

/// "error" or "warning" in `lang`.
pub fn severity_word(lang: Lang, d: &Diagnostic) -> String {
    tr(lang, &format!("diag-severity-{}", d.severity.as_str()))
}

/// One line for a list such as the picker's: `file:line:col: error: message — fix`.
pub fn diagnostic_line(lang: Lang, d: &Diagnostic) -> String {
    let place = if d.pos.line == 0 {
        d.file.clone()
    } else {
        format!("{}:{}:{}", d.file, d.pos.line, d.pos.col)
    };
    format!(
        "{place}: {}: {} — {}",
        severity_word(lang, d),
        diagnostic_message(lang, d),
        diagnostic_fix(lang, d)
    )
}

/// The finding in the style of a compiler message, with the line and a caret:
///
/// ```text
/// error[unknown-node]: choice `a` goes to node `nowhere`, which does not exist
///   --> scenarios/x.ron:12:19
///    |
/// 12 |             next: "nowhere",
///    |                   ^
///    = help: …
/// ```
pub fn render(lang: Lang, d: &Diagnostic) -> String {
    let mut f = String::new();
    let _ = writeln!(
        f,
        "{}[{}]: {}",
        severity_word(lang, d),
        d.code.as_str(),
        diagnostic_message(lang, d)
    );
    if d.pos.line == 0 {
        let _ = writeln!(f, "  --> {}", d.file);
    } else {
        let _ = writeln!(f, "  --> {}:{}:{}", d.file, d.pos.line, d.pos.col);
    }
    if let Some((shown, caret)) = d.excerpt() {
        let num = d.pos.line.to_string();
        let pad = " ".repeat(num.len());
        let _ = writeln!(f, "{pad} |");
        let _ = writeln!(f, "{num} | {shown}");
        let _ = writeln!(f, "{pad} | {caret}");
    }
    let fix = diagnostic_fix(lang, d);
    if !fix.is_empty() {
        let _ = writeln!(f, "   = {}: {fix}", tr(lang, "diag-help"));
    }
    f
}

impl std::fmt::Display for Diagnostic {
    /// English, for logs; interfaces call [`render`] with the user's language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&render(Lang::En, self))
    }
}

/// Values worded in `lang` before the message is formatted.
fn derived(lang: Lang, d: &Diagnostic) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let hint = d.text("hint");
    out.push((
        "suggest",
        if hint.is_empty() {
            String::new()
        } else {
            tra(lang, "diag-did-you-mean", &Args::new().str("hint", hint))
        },
    ));
    let lang_code = d.text("lang");
    if !lang_code.is_empty() {
        out.push(("language", tr(lang, &format!("diag-lang-{lang_code}"))));
    }
    let what = d.text("what");
    let what_id = format!("diag-what-{what}");
    if !what.is_empty() && has(lang, &what_id) {
        let line = match d.args.get("line") {
            Some(Arg::Num(n)) => *n,
            _ => 0,
        };
        let described = tra(
            lang,
            &what_id,
            &Args::new()
                .str("node", d.text("node"))
                .str("choice", d.text("choice"))
                .num("line", line as f64),
        );
        out.push(("text", described));
    }
    let place = d.text("place");
    let place_id = format!("diag-place-{place}");
    let worded = if place.is_empty() {
        tr(lang, "diag-place-unknown")
    } else if has(lang, &place_id) {
        tr(lang, &place_id)
    } else {
        format!("`{place}( … )`")
    };
    out.push(("where", worded));
    if d.code == Code::DeadEnd {
        out.push(("state", stuck_state(lang, d)));
    }
    out
}

/// The state a dead end is reached in: "mood 40, flag asked, after `just_listen`".
fn stuck_state(lang: Lang, d: &Diagnostic) -> String {
    let mut parts = Vec::new();
    if let Some(Arg::Num(m)) = d.args.get("mood") {
        parts.push(tra(
            lang,
            "diag-state-mood",
            &Args::new().num("n", *m as f64),
        ));
    }
    let flags = d.text("flags");
    if !flags.is_empty() {
        parts.push(tra(
            lang,
            "diag-state-flags",
            &Args::new().str("flags", flags),
        ));
    }
    let counters = d.text("counters");
    if !counters.is_empty() {
        parts.push(counters.to_string());
    }
    let mut state = parts.join(", ");
    let after = d.text("after");
    if !after.is_empty() {
        let step = tra(
            lang,
            "diag-state-after",
            &Args::new()
                .str("choice", after)
                .str("node", d.text("after_node")),
        );
        state = if state.is_empty() {
            step
        } else {
            format!("{state} {step}")
        };
    }
    if state.is_empty() {
        tr(lang, "diag-state-start")
    } else {
        state
    }
}

/// The diagnostic's own values plus the derived ones, as message arguments.
fn args<'a>(d: &'a Diagnostic, derived: &'a [(&'static str, String)]) -> Args<'a> {
    let mut a = Args::new();
    for (name, value) in &d.args {
        a = match value {
            Arg::Text(s) => a.str(name, s.as_str()),
            Arg::Num(n) => a.num(name, *n as f64),
        };
    }
    for (name, value) in derived {
        a = a.str(name, value.as_str());
    }
    a
}

impl std::error::Error for Diagnostic {}
