//! The validator behind `client-first check`: every finding is located in the file and says how to fix it.

use super::analysis::{Analysis, Range, analyse};
use super::diag::{Diagnostic, Position, Severity, locate_field};
use super::model::{
    CaseCatalog, Catalog, Condition, MOOD_MAX, MOOD_MIN, SPEAKER_NARRATOR, SPEAKER_YOU, Scenario,
    Then,
};
use super::text::{Lang, Text};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Choices beyond this many per decision cannot be picked with the number keys.
pub const MAX_CHOICES: usize = 4;

/// What one scenario trains, and its best and worst achievable score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Number of nodes.
    pub nodes: usize,
    /// Number of choices.
    pub choices: usize,
    /// Number of endings.
    pub endings: usize,
    /// Principle ids scored by some choice.
    pub principles: Vec<String>,
    /// Principle ids that some choice rewards.
    pub rewarded: Vec<String>,
    /// Principle ids that some choice breaks (a negative weight).
    pub tempted: Vec<String>,
    /// The best and worst total over complete playthroughs.
    pub score: Option<Range>,
    /// The fewest and most decisions in a complete playthrough.
    pub decisions: Option<Range>,
}

/// Helps find where things are in a scenario's source.
struct Locator<'a> {
    source: &'a str,
}

impl Locator<'_> {
    fn node(&self, node: &str) -> (Position, usize) {
        locate_field(self.source, "id", node, 0).unwrap_or((Position { line: 1, col: 1 }, 0))
    }

    fn choice(&self, node: &str, choice: &str) -> (Position, usize) {
        let (_, at) = self.node(node);
        locate_field(self.source, "id", choice, at).unwrap_or_else(|| self.node(node))
    }

    fn field_after(&self, key: &str, value: &str, after: (Position, usize)) -> Position {
        locate_field(self.source, key, value, after.1)
            .or_else(|| locate_field(self.source, key, value, 0))
            .map_or(after.0, |(p, _)| p)
    }

    fn text(&self, needle: &str) -> Position {
        super::diag::locate(self.source, needle, 0).0
    }
}

/// Checks a parsed scenario and reports every finding, plus its coverage.
pub fn check_scenario(
    file: &str,
    source: &str,
    s: &Scenario,
    catalog: &Catalog,
    cases: &CaseCatalog,
) -> (Vec<Diagnostic>, Coverage, Analysis) {
    let loc = Locator { source };
    let mut out = Vec::new();
    let mut push = |sev: Severity, code: &'static str, pos: Position, msg: String, help: String| {
        out.push(Diagnostic::new(sev, code, file, source, pos, msg, help));
    };
    use Severity::{Error, Warning};

    // Metadata.
    if !(1..=3).contains(&s.difficulty) {
        push(
            Error,
            "bad-value",
            loc.text("difficulty"),
            format!("difficulty is {}, but it must be 1, 2 or 3", s.difficulty),
            "use 1 (easy), 2 (medium) or 3 (hard)".into(),
        );
    }
    if !(MOOD_MIN..=MOOD_MAX).contains(&s.client.mood) {
        push(
            Error,
            "bad-value",
            loc.text("mood"),
            format!("the starting mood is {}, outside 0–100", s.client.mood),
            "use a number from 0 (furious) to 100 (delighted)".into(),
        );
    }
    if s.languages.is_empty() {
        push(
            Error,
            "bad-value",
            loc.text("languages"),
            "no languages are listed".into(),
            "write `languages: [ru, en]` and provide every text in both".into(),
        );
    }
    if s.cases.is_empty() {
        push(
            Error,
            "unknown-case",
            loc.text("cases"),
            "the scenario names no case".into(),
            "add the id of the case it retells, from scenarios/cases.ron".into(),
        );
    }
    for c in &s.cases {
        if !cases.cases.iter().any(|k| &k.id == c) {
            push(
                Error,
                "unknown-case",
                loc.text(&format!("\"{c}\"")),
                format!("case `{c}` is not in the case catalog"),
                suggest(
                    c,
                    cases.cases.iter().map(|k| k.id.as_str()),
                    "scenarios/cases.ron",
                ),
            );
        }
    }

    // Ids.
    let mut seen = HashSet::new();
    for n in &s.nodes {
        if !seen.insert(n.id.as_str()) {
            let first = loc.node(&n.id);
            let second = locate_field(source, "id", &n.id, first.1 + 1).map_or(first.0, |p| p.0);
            push(
                Error,
                "duplicate-id",
                second,
                format!("two nodes have the id `{}`", n.id),
                "give each node its own id".into(),
            );
        }
        if let Then::Choices(cs) = &n.then {
            let mut ids = HashSet::new();
            for c in cs {
                if !ids.insert(c.id.as_str()) {
                    let first = loc.choice(&n.id, &c.id);
                    let second =
                        locate_field(source, "id", &c.id, first.1 + 1).map_or(first.0, |p| p.0);
                    push(
                        Error,
                        "duplicate-id",
                        second,
                        format!("node `{}` has two choices with the id `{}`", n.id, c.id),
                        "give each choice of a node its own id".into(),
                    );
                }
            }
        }
    }
    let ids: BTreeSet<&str> = s.nodes.iter().map(|n| n.id.as_str()).collect();
    let mut speakers: BTreeSet<&str> = s.characters.iter().map(|c| c.id.as_str()).collect();
    speakers.insert(&s.client.id);

    // References.
    let node_help = |id: &str| suggest(id, ids.iter().copied(), "the nodes of this scenario");
    if !ids.contains(s.start.as_str()) {
        push(
            Error,
            "unknown-node",
            loc.field_after("start", &s.start, (Position { line: 1, col: 1 }, 0)),
            format!("the start node `{}` does not exist", s.start),
            node_help(&s.start),
        );
    }
    let mut flags_set: BTreeSet<&str> = BTreeSet::new();
    let mut counters_set: BTreeSet<&str> = BTreeSet::new();
    for (_, c) in s.choices() {
        flags_set.extend(c.set.iter().map(String::as_str));
        counters_set.extend(c.add.keys().map(String::as_str));
    }
    for n in &s.nodes {
        // Positions are looked up only when a finding needs one: scanning the source for every node
        // and text dominated the time of a clean check.
        let at = || loc.node(&n.id);
        for l in &n.lines {
            if !speakers.contains(l.speaker.as_str())
                && l.speaker != SPEAKER_YOU
                && l.speaker != SPEAKER_NARRATOR
            {
                push(
                    Error,
                    "unknown-speaker",
                    loc.field_after("speaker", &l.speaker, at()),
                    format!(
                        "speaker `{}` is not a character of this scenario",
                        l.speaker
                    ),
                    format!(
                        "use one of: {}, you, narrator; or add a Character with this id",
                        speakers.iter().copied().collect::<Vec<_>>().join(", ")
                    ),
                );
            }
        }
        match &n.then {
            Then::Continue(next) if !ids.contains(next.as_str()) => push(
                Error,
                "unknown-node",
                loc.text(&format!("Continue(\"{next}\")")),
                format!(
                    "node `{}` continues to `{next}`, which does not exist",
                    n.id
                ),
                node_help(next),
            ),
            Then::Choices(cs) if cs.is_empty() => push(
                Error,
                "dead-end",
                at().0,
                format!("node `{}` offers no choices", n.id),
                "add choices, or end the conversation here with End(Ending(…))".into(),
            ),
            Then::Choices(cs) => {
                for c in cs {
                    let cat = || loc.choice(&n.id, &c.id);
                    if !ids.contains(c.next.as_str()) {
                        push(
                            Error,
                            "unknown-node",
                            loc.field_after("next", &c.next, cat()),
                            format!(
                                "choice `{}` goes to node `{}`, which does not exist",
                                c.id, c.next
                            ),
                            node_help(&c.next),
                        );
                    }
                    if c.scores.values().all(|w| *w == 0) {
                        push(
                            Warning,
                            "untrained-choice",
                            cat().0,
                            format!("choice `{}` of node `{}` trains no principle", c.id, n.id),
                            "add `scores: {\"principle.id\": 2}` with the principles this reply upholds (positive) or breaks (negative)".into(),
                        );
                    }
                    for p in c.scores.keys() {
                        if catalog.principle(p).is_none() {
                            push(
                                Error,
                                "unknown-principle",
                                loc.text_after(p, cat()),
                                format!("principle `{p}` is not in the catalog"),
                                suggest(
                                    p,
                                    catalog.principles.iter().map(|x| x.id.as_str()),
                                    "scenarios/principles.ron",
                                ),
                            );
                        }
                    }
                    for cond in &c.when {
                        match cond {
                            Condition::Visited(v) | Condition::NotVisited(v)
                                if !ids.contains(v.as_str()) =>
                            {
                                push(
                                    Error,
                                    "unknown-node",
                                    loc.text_after(v, cat()),
                                    format!(
                                        "the condition of choice `{}` names node `{v}`, which does not exist",
                                        c.id
                                    ),
                                    node_help(v),
                                );
                            }
                            Condition::Flag(f) | Condition::NotFlag(f)
                                if !flags_set.contains(f.as_str()) =>
                            {
                                push(
                                    Warning,
                                    "unset-flag",
                                    loc.text_after(f, cat()),
                                    format!(
                                        "choice `{}` tests flag `{f}`, which no choice sets",
                                        c.id
                                    ),
                                    suggest(
                                        f,
                                        flags_set.iter().copied(),
                                        "the flags set in this scenario",
                                    ),
                                );
                            }
                            Condition::CounterAtLeast(k, _) | Condition::CounterBelow(k, _)
                                if !counters_set.contains(k.as_str()) =>
                            {
                                push(
                                    Warning,
                                    "unset-flag",
                                    loc.text_after(k, cat()),
                                    format!(
                                        "choice `{}` tests counter `{k}`, which no choice changes",
                                        c.id
                                    ),
                                    "add `add: {\"name\": 1}` to the choices that should count"
                                        .into(),
                                );
                            }
                            _ => {}
                        }
                    }
                }
            }
            _ => {}
        }
    }

    // Translations and placeholders.
    let mut names: BTreeSet<&str> = speakers.clone();
    names.insert("client");
    for place in texts(s) {
        let t = place.text;
        let pos = || match (place.what, place.choice) {
            (_, Some(c)) => loc.choice(place.node, c).0,
            ("character", _) => loc.text(&format!("\"{}\"", place.node)),
            (_, None) if !place.node.is_empty() => loc.node(place.node).0,
            _ => Position { line: 1, col: 1 },
        };
        for lang in &s.languages {
            if !t.has(*lang) {
                let name = match lang {
                    Lang::Ru => "Russian",
                    Lang::En => "English",
                };
                push(
                    Warning,
                    "missing-translation",
                    pos(),
                    format!("{} has no {name} text", place.describe()),
                    format!("write `{}: \"…\"` beside the other language", lang.code()),
                );
            }
        }
        for lang in Lang::ALL {
            for key in placeholders(t.get(lang)) {
                if !names.contains(key) {
                    push(
                        Warning,
                        "bad-placeholder",
                        pos(),
                        format!(
                            "{} uses `{{{key}}}`, but there is no character `{key}`",
                            place.describe()
                        ),
                        "use {client} or the id of a character".into(),
                    );
                }
            }
        }
    }

    // What only the state exploration can tell.
    let analysis = analyse(s);
    if s.endings().next().is_none() {
        push(
            Error,
            "no-ending",
            Position { line: 1, col: 1 },
            "the scenario has no ending".into(),
            "end at least one node with `then: End(Ending(kind: Resolved, …))`".into(),
        );
    }
    for n in &s.nodes {
        let pos = || loc.node(&n.id).0;
        let is_end = matches!(n.then, Then::End(_));
        let (code, what) = if is_end {
            ("unreachable-ending", "ending")
        } else {
            ("unreachable", "node")
        };
        if !analysis.linked.contains(&n.id) {
            push(
                Warning,
                code,
                pos(),
                format!("{what} `{}` cannot be reached from the start", n.id),
                "link it from a choice or a Continue, or delete it".into(),
            );
        } else if !analysis.reachable.contains(&n.id) && !analysis.truncated {
            push(
                Warning,
                code,
                pos(),
                format!(
                    "{what} `{}` is linked, but the conditions on the way never allow it",
                    n.id
                ),
                "check the `when` conditions of the choices that lead here".into(),
            );
        }
        if analysis.dead_ends.contains(&n.id)
            && matches!(&n.then, Then::Choices(cs) if !cs.is_empty())
        {
            push(
                Error,
                "dead-end",
                pos(),
                format!(
                    "node `{}` can be reached in a state where none of its choices is available",
                    n.id
                ),
                "give one choice no `when` conditions, or make the conditions cover every case"
                    .into(),
            );
        }
        if analysis.trapped.contains(&n.id) {
            push(
                Error,
                "no-way-out",
                pos(),
                format!("from node `{}` the conversation can never reach an ending: it loops with no way out", n.id),
                "add a choice that leads towards an ending, or mark the looping choices `once: true`".into(),
            );
        }
    }
    for (n, most) in &analysis.max_offered {
        if *most > MAX_CHOICES {
            push(
                Warning,
                "too-many-choices",
                loc.node(n).0,
                format!("node `{n}` can offer {most} choices at once"),
                format!(
                    "keep to {MAX_CHOICES} at a time: the keys 1–4 pick them, and a projector shows no more; `when` conditions can hide some"
                ),
            );
        }
    }
    for (n, c) in &analysis.repeatable_scoring {
        push(
            Warning,
            "repeatable-score",
            loc.choice(n, c).0,
            format!(
                "choice `{c}` of node `{n}` can be taken again and again in a loop, scoring each time"
            ),
            "add `once: true` to the choice".into(),
        );
    }
    if analysis.truncated {
        push(
            Warning,
            "too-complex",
            Position { line: 1, col: 1 },
            format!(
                "the scenario has more than {} states; checks were cut short",
                super::analysis::MAX_STATES
            ),
            "use fewer flags, counters and mood conditions".into(),
        );
    }

    let mut rewarded = BTreeSet::new();
    let mut tempted = BTreeSet::new();
    let mut nchoices = 0;
    for (_, c) in s.choices() {
        nchoices += 1;
        for (p, w) in &c.scores {
            if *w > 0 {
                rewarded.insert(p.clone());
            } else if *w < 0 {
                tempted.insert(p.clone());
            }
        }
    }
    let coverage = Coverage {
        nodes: s.nodes.len(),
        choices: nchoices,
        endings: s.endings().count(),
        principles: s.principles().iter().map(|p| p.to_string()).collect(),
        rewarded: rewarded.into_iter().collect(),
        tempted: tempted.into_iter().collect(),
        score: analysis.total,
        decisions: analysis.decisions,
    };
    out.sort_by_key(|d| (d.severity, d.pos.line, d.pos.col));
    (out, coverage, analysis)
}

impl Locator<'_> {
    fn text_after(&self, needle: &str, after: (Position, usize)) -> Position {
        let quoted = format!("\"{needle}\"");
        match self.source.get(after.1..).and_then(|r| r.find(&quoted)) {
            Some(i) => super::diag::position_of_offset(self.source, after.1 + i),
            None => after.0,
        }
    }
}

/// Where a text sits in a scenario: what it is, and the node and choice it belongs to (empty for
/// scenario-level texts). The readable description is built only when a finding needs it.
struct Place<'a> {
    what: &'static str,
    index: usize,
    node: &'a str,
    choice: Option<&'a str>,
    text: &'a Text,
}

impl Place<'_> {
    fn describe(&self) -> String {
        let (n, i) = (self.node, self.index + 1);
        match (self.what, self.choice) {
            ("title", _) => "the title".into(),
            ("summary", _) => "the summary".into(),
            ("client", _) => "the Client's name".into(),
            ("name variant", _) => "a name variant".into(),
            ("character", _) => format!("the name of `{n}`"),
            ("line", _) => format!("line {i} of node `{n}`"),
            ("variant", _) => format!("a variant of line {i} of node `{n}`"),
            ("label", Some(c)) => format!("the label of choice `{c}` of node `{n}`"),
            ("feedback", Some(c)) => format!("the feedback of choice `{c}` of node `{n}`"),
            ("say", Some(c)) => format!("what is said in choice `{c}` of node `{n}`"),
            ("ending title", _) => format!("the ending title of node `{n}`"),
            (_, _) => format!("the ending text of node `{n}`"),
        }
    }
}

/// Every text of a scenario, with where it is.
fn texts(s: &Scenario) -> Vec<Place<'_>> {
    let at = |what, index, node, choice, text| Place {
        what,
        index,
        node,
        choice,
        text,
    };
    let mut v = vec![
        at("title", 0, "", None, &s.title),
        at("summary", 0, "", None, &s.summary),
        at("client", 0, "", None, &s.client.name),
    ];
    for t in &s.client.name_variants {
        v.push(at("name variant", 0, "", None, t));
    }
    for c in &s.characters {
        // The node field carries the character id for the description; it is no node.
        v.push(at("character", 0, c.id.as_str(), None, &c.name));
    }
    for n in &s.nodes {
        let id = n.id.as_str();
        for (i, l) in n.lines.iter().enumerate() {
            v.push(at("line", i, id, None, &l.text));
            for t in &l.variants {
                v.push(at("variant", i, id, None, t));
            }
        }
        match &n.then {
            Then::Choices(cs) => {
                for c in cs {
                    let cid = Some(c.id.as_str());
                    v.push(at("label", 0, id, cid, &c.label));
                    v.push(at("feedback", 0, id, cid, &c.feedback));
                    if c.say.has(Lang::Ru) || c.say.has(Lang::En) {
                        v.push(at("say", 0, id, cid, &c.say));
                    }
                }
            }
            Then::End(e) => {
                v.push(at("ending title", 0, id, None, &e.title));
                v.push(at("ending text", 0, id, None, &e.text));
            }
            Then::Continue(_) => {}
        }
    }
    v
}

/// The `{name}` placeholders in a text.
fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let key = &after[..close];
        if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            out.push(key);
        }
        rest = &after[close + 1..];
    }
    out
}

/// A help text that suggests the closest known id, or lists where the ids are.
fn suggest<'a>(word: &str, known: impl Iterator<Item = &'a str>, place: &str) -> String {
    let best = known
        .map(|k| (super::load::edit_distance(word, k), k))
        .min_by_key(|(d, _)| *d);
    match best {
        Some((d, k)) if d <= 3.max(word.len() / 4) => format!("did you mean `{k}`? (see {place})"),
        _ => format!("use an id from {place}"),
    }
}

/// Checks the principles catalog: unique ids, known sources, both languages.
pub fn check_catalog(file: &str, source: &str, catalog: &Catalog) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for p in &catalog.principles {
        let pos =
            locate_field(source, "id", &p.id, 0).map_or(Position { line: 1, col: 1 }, |x| x.0);
        if !seen.insert(p.id.as_str()) {
            out.push(Diagnostic::new(
                Severity::Error,
                "duplicate-id",
                file,
                source,
                pos,
                format!("two principles have the id `{}`", p.id),
                "give each principle its own id".to_string(),
            ));
        }
        if catalog.source(&p.source).is_none() {
            out.push(Diagnostic::new(
                Severity::Error,
                "unknown-source",
                file,
                source,
                pos,
                format!(
                    "principle `{}` names source `{}`, which is not listed",
                    p.id, p.source
                ),
                "add it to `sources`, or use one of the listed source ids".to_string(),
            ));
        }
        for (what, t) in [("title", &p.title), ("description", &p.description)] {
            for lang in Lang::ALL {
                if !t.has(lang) {
                    out.push(Diagnostic::new(
                        Severity::Warning,
                        "missing-translation",
                        file,
                        source,
                        pos,
                        format!("the {what} of `{}` has no `{lang}` text", p.id),
                        format!("write `{lang}: \"…\"`"),
                    ));
                }
            }
        }
    }
    out
}

/// Principle id → ids of the scenarios that score it, for the coverage table.
pub fn coverage_table<'a>(
    catalog: &Catalog,
    scenarios: impl Iterator<Item = &'a Scenario>,
) -> BTreeMap<String, Vec<String>> {
    let mut table: BTreeMap<String, Vec<String>> = catalog
        .principles
        .iter()
        .map(|p| (p.id.clone(), Vec::new()))
        .collect();
    for s in scenarios {
        for p in s.principles() {
            if let Some(v) = table.get_mut(p) {
                v.push(s.id.clone());
            }
        }
    }
    table
}
