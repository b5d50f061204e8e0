//! Graphviz DOT output of a scenario's branching, with choices coloured by their score.

use super::model::{EndingKind, Scenario, Then};
use super::text::Lang;
use std::fmt::Write;

/// Quotes a string for DOT.
fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The colour of a choice edge: green for points gained, red for points lost, grey for neither.
fn colour(total: i32) -> &'static str {
    match total {
        3.. => "#1a7f37",
        1..=2 => "#6fbf73",
        0 => "#888888",
        -2..=-1 => "#e08a3c",
        _ => "#c62828",
    }
}

/// Renders the scenario as a DOT digraph, labelled in `lang`.
pub fn to_dot(s: &Scenario, lang: Lang, ending_name: &dyn Fn(EndingKind) -> String) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph {} {{", q(&s.id));
    let _ = writeln!(
        out,
        "  label={};\n  labelloc=t;\n  rankdir=LR;",
        q(s.title.get(lang))
    );
    let _ = writeln!(
        out,
        "  node [shape=box, style=rounded, fontname=\"DejaVu Sans\"];"
    );
    let _ = writeln!(out, "  edge [fontname=\"DejaVu Sans\", fontsize=10];");
    for n in &s.nodes {
        let (shape, fill) = match &n.then {
            Then::End(e) => (
                "doubleoctagon",
                match e.kind {
                    EndingKind::Wow => "#c8e6c9",
                    EndingKind::Resolved | EndingKind::Parted => "#e8f5e9",
                    EndingKind::Partial => "#fff9c4",
                    EndingKind::Escalated => "#ffe0b2",
                    EndingKind::Lost => "#ffcdd2",
                },
            ),
            _ if n.id == s.start => ("box", "#bbdefb"),
            _ => ("box", "#ffffff"),
        };
        let label = match &n.then {
            Then::End(e) => format!("{}\n[{}]", n.id, ending_name(e.kind)),
            _ => n.id.clone(),
        };
        let _ = writeln!(
            out,
            "  {} [label={}, shape={shape}, style=\"rounded,filled\", fillcolor={}];",
            q(&n.id),
            q(&label),
            q(fill)
        );
    }
    for n in &s.nodes {
        match &n.then {
            Then::Continue(next) => {
                let _ = writeln!(out, "  {} -> {} [style=dashed];", q(&n.id), q(next));
            }
            Then::Choices(cs) => {
                for c in cs {
                    let total = c.total();
                    let label = format!("{} ({total:+})", c.label.get(lang));
                    let _ = writeln!(
                        out,
                        "  {} -> {} [label={}, color={}, fontcolor={}, penwidth={}];",
                        q(&n.id),
                        q(&c.next),
                        q(&label),
                        q(colour(total)),
                        q(colour(total)),
                        1 + total.unsigned_abs().min(3)
                    );
                }
            }
            Then::End(_) => {}
        }
    }
    out.push_str("}\n");
    out
}
