//! The validator behind `client-first check`: every finding is located in the file and says how to fix it.

//!
//! `check_scenario` runs named passes in turn (metadata, ids, references, choices, texts, flow), each
//! adding located findings. Positions come from [`super::spans`]: every finding points at the value
//! it concerns, never at the first place a word happens to appear.

use super::analysis::{Analysis, Range, analyse};
use super::diag::{Code, Diagnostic, Position, Severity};
use super::model::{
    CaseCatalog, Catalog, Condition, MOOD_MAX, MOOD_MIN, SPEAKER_NARRATOR, SPEAKER_YOU, Scenario,
    Then,
};
use super::spans::{self, Spanned};
use super::text::{Lang, Text};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Choices beyond this many per decision cannot be picked with the number keys.
pub const MAX_CHOICES: usize = 4;
/// A decision offers the trainee a real choice: at least this many.
pub const MIN_CHOICES: usize = 2;
/// A label is read from the back of a room on a projector: at most this many characters.
pub const MAX_LABEL: usize = 60;
/// The largest points, mood change or counter step one choice may carry, up or down. The format asks
/// for 1 to 3 points; the limit keeps every sum over a playthrough far from overflowing.
pub const MAX_STEP: i32 = 100;
/// The largest threshold a condition may test, up or down.
pub const MAX_THRESHOLD: i32 = 10_000;

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

/// One scenario being checked: its source, its value positions and the findings so far.
struct Pass<'a> {
    file: &'a str,
    source: &'a str,
    s: &'a Scenario,
    root: Option<Spanned>,
    out: Vec<Diagnostic>,
}

use Severity::{Error, Warning};

impl<'a> Pass<'a> {
    /// Where a value starts, or the start of the file when its position is unknown.
    fn pos(&self, at: Option<&Spanned>) -> Position {
        at.map_or(Position::START, |v| {
            super::diag::position_of_offset(self.source, v.start)
        })
    }

    /// A new finding at `at`; push it with [`Pass::push`] once its values are added.
    fn at(&self, severity: Severity, code: Code, at: Option<&Spanned>) -> Diagnostic {
        Diagnostic::new(severity, code, self.file, self.source, self.pos(at))
    }

    fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    fn field(&self, name: &str) -> Option<&Spanned> {
        self.root.as_ref()?.field(name)
    }

    fn node(&self, ni: usize) -> Option<&Spanned> {
        self.field("nodes")?.item(ni)
    }

    fn node_id(&self, ni: usize) -> Option<&Spanned> {
        self.node(ni)?.field("id")
    }

    /// The `then:` value's content: the list of `Choices([…])`, the id of `Continue("…")`, the
    /// `Ending(…)` of `End(…)`.
    fn then_inner(&self, ni: usize) -> Option<&Spanned> {
        self.node(ni)?.field("then")?.inner()
    }

    fn choice(&self, ni: usize, ci: usize) -> Option<&Spanned> {
        self.then_inner(ni)?.item(ci)
    }

    fn choice_field(&self, ni: usize, ci: usize, name: &str) -> Option<&Spanned> {
        self.choice(ni, ci)?.field(name)
    }

    /// The choice's position when a field of it has none (a field left at its default).
    fn choice_or(&self, ni: usize, ci: usize, name: &str) -> Option<&Spanned> {
        self.choice_field(ni, ci, name)
            .or_else(|| self.choice_field(ni, ci, "id"))
            .or_else(|| self.node_id(ni))
    }

    fn condition(&self, ni: usize, ci: usize, k: usize) -> Option<&Spanned> {
        let c = self.choice_field(ni, ci, "when")?.item(k)?;
        Some(c.inner().unwrap_or(c))
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
    let mut p = Pass {
        file,
        source,
        s,
        root: spans::parse(source),
        out: Vec::new(),
    };
    metadata_pass(&mut p, cases);
    ids_pass(&mut p);
    references_pass(&mut p, catalog);
    choices_pass(&mut p);
    let in_bounds = bounds_pass(&mut p);
    texts_pass(&mut p);
    // Out-of-range numbers are already errors; exploring with them would only add noise.
    let analysis = if in_bounds {
        analyse(s)
    } else {
        Analysis::default()
    };
    if in_bounds {
        flow_pass(&mut p, &analysis);
    }
    let coverage = coverage_of(s, &analysis);
    let mut out = p.out;
    out.sort_by_key(|d| (d.severity, d.pos.line, d.pos.col));
    (out, coverage, analysis)
}

/// Difficulty, mood, languages and cases.
fn metadata_pass(p: &mut Pass, cases: &CaseCatalog) {
    let s = p.s;
    if !(1..=3).contains(&s.difficulty) {
        let d = p.at(Error, Code::BadValue, p.field("difficulty"));
        p.push(d.arg("field", "difficulty").arg("value", s.difficulty));
    }
    if !(MOOD_MIN..=MOOD_MAX).contains(&s.client.mood) {
        let at = p.field("client").and_then(|c| c.field("mood"));
        let d = p.at(Error, Code::BadValue, at);
        p.push(d.arg("field", "mood").arg("value", s.client.mood));
    }
    if s.languages.is_empty() {
        let d = p.at(Error, Code::BadValue, p.field("languages"));
        p.push(d.arg("field", "languages").arg("value", 0));
    }
    if s.cases.is_empty() {
        let d = p.at(Error, Code::UnknownCase, p.field("cases"));
        p.push(d.arg("case", "").arg("missing", "yes").arg("hint", ""));
    }
    for (i, c) in s.cases.iter().enumerate() {
        if !cases.cases.iter().any(|k| &k.id == c) {
            let at = p.field("cases").and_then(|v| v.item(i));
            let d = p.at(Error, Code::UnknownCase, at);
            let hint = closest_id(c, cases.cases.iter().map(|k| k.id.as_str()));
            p.push(d.arg("case", c).arg("missing", "no").arg("hint", hint));
        }
    }
}

/// Whether an id is written with lowercase letters, digits and `_` only.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Unique ids, written with the allowed characters.
fn ids_pass(p: &mut Pass) {
    let s = p.s;
    let mut bad: Vec<(Option<Spanned>, &str, &str)> = Vec::new();
    if !is_valid_id(&s.id) {
        bad.push((p.field("id").cloned(), "scenario", &s.id));
    }
    let mut seen = HashSet::new();
    for (ni, n) in s.nodes.iter().enumerate() {
        if !is_valid_id(&n.id) {
            bad.push((p.node_id(ni).cloned(), "node", &n.id));
        }
        if !seen.insert(n.id.as_str()) {
            let d = p.at(Error, Code::DuplicateId, p.node_id(ni));
            p.push(d.arg("what", "node").arg("id", &n.id).arg("node", ""));
        }
        if let Then::Choices(cs) = &n.then {
            let mut ids = HashSet::new();
            for (ci, c) in cs.iter().enumerate() {
                if !is_valid_id(&c.id) {
                    bad.push((p.choice_field(ni, ci, "id").cloned(), "choice", &c.id));
                }
                if !ids.insert(c.id.as_str()) {
                    let d = p.at(Error, Code::DuplicateId, p.choice_field(ni, ci, "id"));
                    p.push(d.arg("what", "choice").arg("id", &c.id).arg("node", &n.id));
                }
            }
        }
    }
    for (at, what, id) in bad {
        let d = p.at(Error, Code::BadId, at.as_ref());
        p.push(d.arg("what", what).arg("id", id));
    }
}

/// Links to nodes, speakers, principles, flags and counters.
fn references_pass(p: &mut Pass, catalog: &Catalog) {
    let s = p.s;
    let ids: BTreeSet<&str> = s.nodes.iter().map(|n| n.id.as_str()).collect();
    let mut speakers: BTreeSet<&str> = s.characters.iter().map(|c| c.id.as_str()).collect();
    speakers.insert(&s.client.id);
    let node_hint = |id: &str| closest_id(id, ids.iter().copied());
    if !ids.contains(s.start.as_str()) {
        let d = p.at(Error, Code::UnknownNode, p.field("start"));
        p.push(
            d.arg("from", "start")
                .arg("target", &s.start)
                .arg("node", "")
                .arg("choice", "")
                .arg("hint", node_hint(&s.start)),
        );
    }
    let mut flags_set: BTreeSet<&str> = BTreeSet::new();
    let mut counters_set: BTreeSet<&str> = BTreeSet::new();
    for (_, c) in s.choices() {
        flags_set.extend(c.set.iter().map(String::as_str));
        counters_set.extend(c.add.keys().map(String::as_str));
    }
    let speaker_list = speakers.iter().copied().collect::<Vec<_>>().join(", ");
    for (ni, n) in s.nodes.iter().enumerate() {
        for (li, l) in n.lines.iter().enumerate() {
            if !speakers.contains(l.speaker.as_str())
                && l.speaker != SPEAKER_YOU
                && l.speaker != SPEAKER_NARRATOR
            {
                let at = p
                    .node(ni)
                    .and_then(|v| v.field("lines")?.item(li)?.field("speaker"));
                let d = p.at(Error, Code::UnknownSpeaker, at);
                p.push(
                    d.arg("speaker", &l.speaker)
                        .arg("known", speaker_list.clone()),
                );
            }
        }
        match &n.then {
            Then::Continue(next) if !ids.contains(next.as_str()) => {
                let d = p.at(Error, Code::UnknownNode, p.then_inner(ni));
                p.push(
                    d.arg("from", "continue")
                        .arg("target", next)
                        .arg("node", &n.id)
                        .arg("choice", "")
                        .arg("hint", node_hint(next)),
                );
            }
            Then::Choices(cs) => {
                for (ci, c) in cs.iter().enumerate() {
                    if !ids.contains(c.next.as_str()) {
                        let d = p.at(Error, Code::UnknownNode, p.choice_field(ni, ci, "next"));
                        p.push(
                            d.arg("from", "choice")
                                .arg("target", &c.next)
                                .arg("node", &n.id)
                                .arg("choice", &c.id)
                                .arg("hint", node_hint(&c.next)),
                        );
                    }
                    for principle in c.scores.keys() {
                        if catalog.principle(principle).is_none() {
                            let scores = p.choice_field(ni, ci, "scores");
                            let at = scores
                                .and_then(|m| m.key(principle))
                                .map(|(k, _)| k)
                                .or(scores);
                            let d = p.at(Error, Code::UnknownPrinciple, at);
                            let hint = closest_id(
                                principle,
                                catalog.principles.iter().map(|x| x.id.as_str()),
                            );
                            p.push(d.arg("principle", principle).arg("hint", hint));
                        }
                    }
                    for (k, cond) in c.when.iter().enumerate() {
                        let at = p.condition(ni, ci, k);
                        let d = match cond {
                            Condition::Visited(v) | Condition::NotVisited(v)
                                if !ids.contains(v.as_str()) =>
                            {
                                p.at(Error, Code::UnknownNode, at)
                                    .arg("from", "condition")
                                    .arg("target", v)
                                    .arg("node", &n.id)
                                    .arg("choice", &c.id)
                                    .arg("hint", node_hint(v))
                            }
                            Condition::Flag(f) | Condition::NotFlag(f)
                                if !flags_set.contains(f.as_str()) =>
                            {
                                p.at(Warning, Code::UnsetFlag, at)
                                    .arg("what", "flag")
                                    .arg("name", f)
                                    .arg("choice", &c.id)
                                    .arg("hint", closest_id(f, flags_set.iter().copied()))
                            }
                            Condition::CounterAtLeast(k, _) | Condition::CounterBelow(k, _)
                                if !counters_set.contains(k.as_str()) =>
                            {
                                p.at(Warning, Code::UnsetFlag, at)
                                    .arg("what", "counter")
                                    .arg("name", k)
                                    .arg("choice", &c.id)
                                    .arg("hint", closest_id(k, counters_set.iter().copied()))
                            }
                            _ => continue,
                        };
                        p.push(d);
                    }
                }
            }
            _ => {}
        }
    }
}

/// How many choices a decision has, label lengths, and choices that train nothing.
fn choices_pass(p: &mut Pass) {
    let s = p.s;
    for (ni, n) in s.nodes.iter().enumerate() {
        let Then::Choices(cs) = &n.then else { continue };
        if cs.is_empty() {
            let d = p.at(Error, Code::DeadEnd, p.node_id(ni));
            p.push(d.arg("node", &n.id).arg("empty", "yes"));
            continue;
        }
        if cs.len() < MIN_CHOICES {
            let d = p.at(
                Error,
                Code::ChoiceCount,
                p.node(ni).and_then(|v| v.field("then")),
            );
            p.push(d.arg("node", &n.id).arg("count", cs.len()));
        }
        for (ci, c) in cs.iter().enumerate() {
            for lang in Lang::ALL {
                let len = c.label.get(lang).chars().count();
                if len > MAX_LABEL {
                    let at = p
                        .choice_field(ni, ci, "label")
                        .and_then(|t| t.field(lang.code()));
                    let d = p.at(Error, Code::LabelTooLong, at);
                    p.push(
                        d.arg("node", &n.id)
                            .arg("choice", &c.id)
                            .arg("lang", lang.code())
                            .arg("length", len)
                            .arg("max", MAX_LABEL),
                    );
                }
            }
            if c.scores.values().all(|w| *w == 0) {
                let d = p.at(
                    Warning,
                    Code::UntrainedChoice,
                    p.choice_or(ni, ci, "scores"),
                );
                p.push(d.arg("node", &n.id).arg("choice", &c.id));
            }
        }
    }
}

/// Points, mood changes, counter steps and condition thresholds within their limits. Returns whether
/// every number is in range.
fn bounds_pass(p: &mut Pass) -> bool {
    let s = p.s;
    let before = p.out.len();
    for (ni, n) in s.nodes.iter().enumerate() {
        let Then::Choices(cs) = &n.then else { continue };
        for (ci, c) in cs.iter().enumerate() {
            let step = |v: i32| !(-MAX_STEP..=MAX_STEP).contains(&v);
            for (principle, w) in &c.scores {
                if step(*w) {
                    let at = p
                        .choice_field(ni, ci, "scores")
                        .and_then(|m| m.key(principle))
                        .map(|(_, v)| v);
                    let d = p.at(Error, Code::BadValue, at);
                    p.push(
                        d.arg("field", "points")
                            .arg("value", *w)
                            .arg("max", MAX_STEP),
                    );
                }
            }
            if step(c.mood) {
                let d = p.at(Error, Code::BadValue, p.choice_field(ni, ci, "mood"));
                p.push(
                    d.arg("field", "mood-change")
                        .arg("value", c.mood)
                        .arg("max", MAX_STEP),
                );
            }
            for (name, v) in &c.add {
                if step(*v) {
                    let at = p
                        .choice_field(ni, ci, "add")
                        .and_then(|m| m.key(name))
                        .map(|(_, v)| v);
                    let d = p.at(Error, Code::BadValue, at);
                    p.push(d.arg("field", "add").arg("value", *v).arg("max", MAX_STEP));
                }
            }
            for (k, cond) in c.when.iter().enumerate() {
                let v = match cond {
                    Condition::MoodAtLeast(v)
                    | Condition::MoodBelow(v)
                    | Condition::CounterAtLeast(_, v)
                    | Condition::CounterBelow(_, v) => *v,
                    _ => continue,
                };
                if !(-MAX_THRESHOLD..=MAX_THRESHOLD).contains(&v) {
                    let d = p.at(Error, Code::BadValue, p.condition(ni, ci, k));
                    p.push(
                        d.arg("field", "threshold")
                            .arg("value", v)
                            .arg("max", MAX_THRESHOLD),
                    );
                }
            }
        }
    }
    p.out.len() == before
}

/// Every text in each of the scenario's languages, and its `{name}` placeholders.
fn texts_pass(p: &mut Pass) {
    let s = p.s;
    let mut names: BTreeSet<&str> = s.characters.iter().map(|c| c.id.as_str()).collect();
    names.insert(&s.client.id);
    names.insert("client");
    let root = p.root.take();
    let places = texts(s, root.as_ref());
    for place in &places {
        let t = place.text;
        for lang in &s.languages {
            if !t.has(*lang) {
                let d = p.at(Error, Code::MissingTranslation, place.at);
                p.push(place.describe(d).arg("lang", lang.code()));
            }
        }
        for lang in Lang::ALL {
            for key in placeholders(t.get(lang)) {
                if !names.contains(key) {
                    let at = place.at.and_then(|v| v.field(lang.code())).or(place.at);
                    let d = p.at(Warning, Code::BadPlaceholder, at);
                    p.push(place.describe(d).arg("name", key));
                }
            }
        }
    }
    drop(places);
    p.root = root;
}

/// What only the state exploration can tell: endings, reachability, dead ends, loops.
fn flow_pass(p: &mut Pass, analysis: &Analysis) {
    let s = p.s;
    if s.endings().next().is_none() {
        let d = p.at(Error, Code::NoEnding, p.field("nodes"));
        p.push(d);
    }
    let index: HashMap<&str, usize> = s
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    for (ni, n) in s.nodes.iter().enumerate() {
        let code = if matches!(n.then, Then::End(_)) {
            Code::UnreachableEnding
        } else {
            Code::Unreachable
        };
        if !analysis.linked.contains(&n.id) {
            let d = p.at(Warning, code, p.node_id(ni));
            p.push(d.arg("node", &n.id).arg("why", "unlinked"));
        } else if !analysis.reachable.contains(&n.id) && !analysis.truncated {
            let d = p.at(Warning, code, p.node_id(ni));
            p.push(d.arg("node", &n.id).arg("why", "conditions"));
        }
        if let Some(stuck) = analysis.stuck.get(&n.id)
            && matches!(&n.then, Then::Choices(cs) if !cs.is_empty())
        {
            let d = p.at(Error, Code::DeadEnd, p.node_id(ni));
            p.push(describe_state(
                d.arg("node", &n.id).arg("empty", "no"),
                stuck,
            ));
        }
        if analysis.trapped.contains(&n.id) {
            let d = p.at(Error, Code::NoWayOut, p.node_id(ni));
            p.push(d.arg("node", &n.id));
        }
    }
    for (n, most) in &analysis.max_offered {
        if *most > MAX_CHOICES {
            let at = index.get(n.as_str()).and_then(|ni| p.node_id(*ni));
            let d = p.at(Warning, Code::TooManyChoices, at);
            p.push(d.arg("node", n).arg("count", *most).arg("max", MAX_CHOICES));
        }
    }
    for (n, c) in &analysis.repeatable_scoring {
        let at = index.get(n.as_str()).and_then(|ni| {
            let Then::Choices(cs) = &s.nodes[*ni].then else {
                return None;
            };
            let ci = cs.iter().position(|x| &x.id == c)?;
            p.choice_field(*ni, ci, "id")
        });
        let d = p.at(Warning, Code::RepeatableScore, at);
        p.push(d.arg("node", n).arg("choice", c));
    }
    if analysis.truncated {
        let d = p.at(Warning, Code::TooComplex, p.field("nodes"));
        p.push(d.arg("max", super::analysis::MAX_STATES));
    }
}

/// Adds what a stuck state looks like: `mood` (when tested), the tested `flags` that are set, the
/// tested `counters` with their values, and the last choice on the way (`after`, `after_node`).
fn describe_state(mut d: Diagnostic, st: &super::analysis::Stuck) -> Diagnostic {
    if let Some(m) = st.mood {
        d = d.arg("mood", m);
    }
    let counters: Vec<String> = st
        .counters
        .iter()
        .map(|(c, v)| format!("{c} = {v}"))
        .collect();
    d = d
        .arg("flags", st.flags.join(", "))
        .arg("counters", counters.join(", "));
    match &st.after {
        Some((node, choice)) => d.arg("after", choice).arg("after_node", node),
        None => d.arg("after", "").arg("after_node", ""),
    }
}

/// Counts, principles, best and worst score.
fn coverage_of(s: &Scenario, analysis: &Analysis) -> Coverage {
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
    Coverage {
        nodes: s.nodes.len(),
        choices: nchoices,
        endings: s.endings().count(),
        principles: s.principles().iter().map(|p| p.to_string()).collect(),
        rewarded: rewarded.into_iter().collect(),
        tempted: tempted.into_iter().collect(),
        score: analysis.total,
        decisions: analysis.decisions,
    }
}

/// Where a text sits in a scenario: what it is, the node and choice it belongs to, and where its
/// value starts in the file.
struct Place<'a> {
    what: &'static str,
    index: usize,
    node: &'a str,
    choice: &'a str,
    text: &'a Text,
    at: Option<&'a Spanned>,
}

impl Place<'_> {
    /// Adds the values that say which text this is.
    fn describe(&self, d: Diagnostic) -> Diagnostic {
        d.arg("what", self.what)
            .arg("node", self.node)
            .arg("choice", self.choice)
            .arg("line", self.index + 1)
    }
}

/// Every text of a scenario, with where it is.
fn texts<'a>(s: &'a Scenario, root: Option<&'a Spanned>) -> Vec<Place<'a>> {
    let at = |what, index, node, choice, text, at| Place {
        what,
        index,
        node,
        choice,
        text,
        at,
    };
    let f = |v: Option<&'a Spanned>, name: &str| v.and_then(|v| v.field(name));
    let client = f(root, "client");
    let mut v = vec![
        at("title", 0, "", "", &s.title, f(root, "title")),
        at("summary", 0, "", "", &s.summary, f(root, "summary")),
        at("client", 0, "", "", &s.client.name, f(client, "name")),
    ];
    for (i, t) in s.client.name_variants.iter().enumerate() {
        let place = f(client, "name_variants").and_then(|l| l.item(i));
        v.push(at("name-variant", i, "", "", t, place));
    }
    for (i, c) in s.characters.iter().enumerate() {
        let place = f(root, "characters").and_then(|l| l.item(i));
        v.push(at(
            "character",
            0,
            c.id.as_str(),
            "",
            &c.name,
            f(place, "name"),
        ));
    }
    for (ni, n) in s.nodes.iter().enumerate() {
        let id = n.id.as_str();
        let node = f(root, "nodes").and_then(|l| l.item(ni));
        for (i, l) in n.lines.iter().enumerate() {
            let line = f(node, "lines").and_then(|x| x.item(i));
            v.push(at("line", i, id, "", &l.text, f(line, "text")));
            for (k, t) in l.variants.iter().enumerate() {
                let place = f(line, "variants").and_then(|x| x.item(k));
                v.push(at("variant", i, id, "", t, place));
            }
        }
        let inner = f(node, "then").and_then(Spanned::inner);
        match &n.then {
            Then::Choices(cs) => {
                for (ci, c) in cs.iter().enumerate() {
                    let cid = c.id.as_str();
                    let choice = inner.and_then(|l| l.item(ci));
                    v.push(at("label", 0, id, cid, &c.label, f(choice, "label")));
                    v.push(at(
                        "feedback",
                        0,
                        id,
                        cid,
                        &c.feedback,
                        f(choice, "feedback"),
                    ));
                    if c.say.has(Lang::Ru) || c.say.has(Lang::En) {
                        v.push(at("say", 0, id, cid, &c.say, f(choice, "say")));
                    }
                }
            }
            Then::End(e) => {
                v.push(at("ending-title", 0, id, "", &e.title, f(inner, "title")));
                v.push(at("ending-text", 0, id, "", &e.text, f(inner, "text")));
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

/// The known id closest to `word`, when it is close enough to be a likely typo; empty otherwise.
fn closest_id<'a>(word: &str, known: impl Iterator<Item = &'a str>) -> String {
    let best = known
        .map(|k| (super::load::edit_distance(word, k), k))
        .min_by_key(|(d, _)| *d);
    match best {
        Some((d, k)) if d <= 3.max(word.len() / 4) => k.to_string(),
        _ => String::new(),
    }
}

/// Checks the principles catalog: unique ids, known sources, both languages.
pub fn check_catalog(file: &str, source: &str, catalog: &Catalog) -> Vec<Diagnostic> {
    let root = spans::parse(source);
    let pos = |at: Option<&Spanned>| {
        at.map_or(Position::START, |v| {
            super::diag::position_of_offset(source, v.start)
        })
    };
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (i, p) in catalog.principles.iter().enumerate() {
        let item = root.as_ref().and_then(|r| r.field("principles")?.item(i));
        let id_at = pos(item.and_then(|v| v.field("id")));
        if !seen.insert(p.id.as_str()) {
            out.push(
                Diagnostic::new(Error, Code::DuplicateId, file, source, id_at)
                    .arg("what", "principle")
                    .arg("id", &p.id)
                    .arg("node", ""),
            );
        }
        if catalog.source(&p.source).is_none() {
            let at = pos(item.and_then(|v| v.field("source")));
            out.push(
                Diagnostic::new(Error, Code::UnknownSource, file, source, at)
                    .arg("principle", &p.id)
                    .arg("source", &p.source),
            );
        }
        for (what, t) in [
            ("principle-title", &p.title),
            ("description", &p.description),
        ] {
            let field = if what == "description" {
                "description"
            } else {
                "title"
            };
            for lang in Lang::ALL {
                if !t.has(lang) {
                    let at = pos(item.and_then(|v| v.field(field)));
                    out.push(
                        Diagnostic::new(Error, Code::MissingTranslation, file, source, at)
                            .arg("what", what)
                            .arg("node", &p.id)
                            .arg("choice", "")
                            .arg("line", 0)
                            .arg("lang", lang.code()),
                    );
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
