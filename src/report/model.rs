//! The input of every report and statement: one finished attempt, as the store keeps it.
//!
//! These types are deliberately plain data (serde, no references into a scenario), so that an attempt
//! can come from a run that just finished ([`AttemptRecord::from_run`]), from the store's rows, or
//! from a JSON file written by another machine, and still give the same report.

use crate::engine::analysis::Analysis;
use crate::engine::debrief::Debrief;
use crate::engine::model::{EndingKind, Scenario};
use crate::engine::run::Outcome;
use crate::engine::score::judge;
use crate::engine::text::{Lang, Text};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use uuid::Uuid;

/// What kind of activity an attempt was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttemptKind {
    /// A branching conversation.
    Dialogue,
    /// A quiz of questions.
    Quiz,
    /// A team session, voted from phones.
    Team,
}

impl AttemptKind {
    /// The stable code used in IRIs and CSV.
    pub fn code(self) -> &'static str {
        match self {
            AttemptKind::Dialogue => "dialogue",
            AttemptKind::Quiz => "quiz",
            AttemptKind::Team => "team",
        }
    }
}

/// How an attempt ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndingRecord {
    /// The ending node id.
    pub node: String,
    /// Its kind; `None` for a quiz or team session without scenario endings.
    pub kind: Option<EndingKind>,
    /// Its title.
    pub title: Text,
    /// What happened.
    pub text: Text,
}

/// A better reply that was on offer at a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BetterReply {
    /// The choice id.
    pub choice: String,
    /// What the trainee could have said.
    pub reply: Text,
    /// Its points in all.
    pub points: i32,
    /// Why it is better.
    pub feedback: Text,
}

/// One decision (or quiz question) of an attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRecord {
    /// 1-based step.
    pub step: u32,
    /// The node or question id.
    pub node: String,
    /// The line the trainee answered.
    pub prompt: Text,
    /// The id of the choice made.
    pub choice: String,
    /// The reply made.
    pub reply: Text,
    /// Its points in all.
    pub points: i32,
    /// Its points per principle id (negative: the principle was broken).
    pub effects: BTreeMap<String, i32>,
    /// Why the reply scores as it does.
    pub feedback: Text,
    /// The best reply on offer, when it was not the one made.
    pub better: Option<BetterReply>,
}

/// One principle's result in an attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrincipleResult {
    /// The principle id.
    pub id: String,
    /// Decisions where some reply on offer scored this principle.
    pub chances: u32,
    /// Of those, decisions where the reply made scored it at least as well as the best reply.
    pub upheld: u32,
    /// 0–100 against the best replies, as the debrief shows it; `None` when not in play.
    pub percent: Option<u8>,
}

impl PrincipleResult {
    /// The share of chances where the principle was upheld, 0–1; `None` without chances.
    pub fn share(&self) -> Option<f64> {
        (self.chances > 0).then(|| f64::from(self.upheld) / f64::from(self.chances))
    }
}

/// One finished attempt: everything a report or a statement needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptRecord {
    /// The attempt's id in the store (or a UUID for an attempt not stored).
    pub id: String,
    /// The xAPI registration: one UUID per attempt, shared by all its statements.
    pub registration: Uuid,
    /// The profile's name.
    pub profile: String,
    /// The profile's group, such as "Onboarding March".
    pub group: Option<String>,
    /// Dialogue, quiz or team session.
    pub kind: AttemptKind,
    /// The scenario (or quiz) id.
    pub scenario: String,
    /// Its title.
    pub title: Text,
    /// The interface language of the attempt.
    pub lang: Lang,
    /// When it started.
    pub started: DateTime<Utc>,
    /// When it finished.
    pub finished: DateTime<Utc>,
    /// The 0–100 score.
    pub score: u8,
    /// The points earned in all.
    pub total: i32,
    /// The lowest total the scenario allows.
    pub min: i32,
    /// The highest total the scenario allows.
    pub max: i32,
    /// How it ended.
    pub ending: Option<EndingRecord>,
    /// Every decision, in order.
    pub decisions: Vec<DecisionRecord>,
    /// Per principle in play, in id order.
    pub principles: Vec<PrincipleResult>,
}

/// Who played and when: what a finished run alone does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptMeta {
    /// The attempt id.
    pub id: String,
    /// The registration UUID, the same one sent with the `attempted` statement.
    pub registration: Uuid,
    /// The profile's name.
    pub profile: String,
    /// The profile's group.
    pub group: Option<String>,
    /// The interface language.
    pub lang: Lang,
    /// When the attempt started.
    pub started: DateTime<Utc>,
    /// When it finished.
    pub finished: DateTime<Utc>,
}

impl AttemptMeta {
    /// A new attempt that starts now, with a fresh registration; its id is the registration.
    pub fn starting_now(profile: &str, group: Option<&str>, lang: Lang) -> AttemptMeta {
        let registration = Uuid::new_v4();
        let now = Utc::now();
        AttemptMeta {
            id: registration.to_string(),
            registration,
            profile: profile.to_string(),
            group: group.map(str::to_string),
            lang,
            started: now,
            finished: now,
        }
    }
}

impl AttemptRecord {
    /// The record of a dialogue that just finished, from the engine's debrief.
    ///
    /// The debrief gives the texts with the run's names filled in; the scenario, its analysis and
    /// the outcome give what the debrief does not keep: which principles were at stake at each
    /// decision (the chances) and whether the reply made upheld them.
    pub fn from_run(
        meta: &AttemptMeta,
        scenario: &Scenario,
        analysis: &Analysis,
        outcome: &Outcome,
        debrief: &Debrief,
    ) -> AttemptRecord {
        let mut chances: BTreeMap<String, (u32, u32)> = BTreeMap::new();
        for j in judge(scenario, analysis, outcome) {
            let at_stake: BTreeSet<&String> =
                j.offered.iter().flat_map(|c| c.scores.keys()).collect();
            for p in at_stake {
                let pts = |c: &crate::engine::model::Choice| c.scores.get(p).copied().unwrap_or(0);
                let e = chances.entry(p.clone()).or_default();
                e.0 += 1;
                if pts(j.made) >= pts(j.best) {
                    e.1 += 1;
                }
            }
        }
        let principles = debrief
            .principles
            .iter()
            .filter(|p| p.percent.is_some() || chances.contains_key(&p.id))
            .map(|p| {
                let (chances, upheld) = chances.get(&p.id).copied().unwrap_or_default();
                PrincipleResult {
                    id: p.id.clone(),
                    chances,
                    upheld,
                    percent: p.percent,
                }
            })
            .collect::<Vec<_>>();
        let mut principles = principles;
        principles.sort_by(|a, b| a.id.cmp(&b.id));
        let decisions = debrief
            .decisions
            .iter()
            .map(|d| DecisionRecord {
                step: u32::try_from(d.step).unwrap_or(u32::MAX),
                node: d.node.clone(),
                prompt: d.prompt.clone().unwrap_or_default(),
                choice: d.chosen.id.clone(),
                reply: d.chosen.say.clone(),
                points: d.chosen.total,
                effects: d.chosen.points.clone(),
                feedback: d.chosen.feedback.clone(),
                better: d.better.as_ref().map(|b| BetterReply {
                    choice: b.id.clone(),
                    reply: b.say.clone(),
                    points: b.total,
                    feedback: b.feedback.clone(),
                }),
            })
            .collect();
        AttemptRecord {
            id: meta.id.clone(),
            registration: meta.registration,
            profile: meta.profile.clone(),
            group: meta.group.clone(),
            kind: AttemptKind::Dialogue,
            scenario: debrief.scenario.clone(),
            title: debrief.title.clone(),
            lang: meta.lang,
            started: meta.started,
            finished: meta.finished,
            score: debrief.score.overall,
            total: debrief.score.total,
            min: debrief.score.range.worst,
            max: debrief.score.range.best,
            ending: Some(EndingRecord {
                node: debrief.ending.node.clone(),
                kind: Some(debrief.ending.kind),
                title: debrief.ending.title.clone(),
                text: debrief.ending_text.clone(),
            }),
            decisions,
            principles,
        }
    }

    /// How long the attempt took, never negative.
    pub fn duration(&self) -> chrono::Duration {
        (self.finished - self.started).max(chrono::Duration::zero())
    }

    /// The score as a share, 0–1, for xAPI's `score.scaled`.
    pub fn scaled(&self) -> f64 {
        f64::from(self.score.min(100)) / 100.0
    }
}

/// Reads a JSON file of attempts (an array of [`AttemptRecord`]). A mistake is reported in `lang`
/// with the file, line and column, and what the file should hold.
pub fn read_attempts_json(
    path: &std::path::Path,
    lang: Lang,
) -> Result<Vec<AttemptRecord>, String> {
    use crate::i18n::{Args, tra};
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        tra(
            lang,
            "report-json-unreadable",
            &Args::new()
                .str("path", shown.clone())
                .str("error", e.to_string()),
        )
    })?;
    serde_json::from_str(&text).map_err(|e| {
        tra(
            lang,
            "report-json-invalid",
            &Args::new()
                .str("path", shown.clone())
                .num("line", e.line() as f64)
                .num("col", e.column() as f64)
                .str("error", e.to_string()),
        )
    })
}

/// Rebuilds a dialogue's record by replaying its choices: what the store keeps (scenario id, seed,
/// the choice made at each decision) is enough, because a run with the same seed and choices is the
/// same run. Returns `None` when the scenario is unknown or the choices no longer fit it (the file
/// changed since); the caller then reports the attempt from its saved totals alone.
pub fn replay(
    meta: &AttemptMeta,
    lib: &crate::engine::library::Library,
    scenario: &str,
    seed: u64,
    choices: &[String],
) -> Option<AttemptRecord> {
    let loaded = lib.get(scenario)?;
    let mut run = crate::engine::run::Run::start(std::sync::Arc::clone(&loaded.scenario), seed);
    let mut next = choices.iter();
    // Every node is passed at most a few times; the bound keeps a broken save from looping.
    for _ in 0..(loaded.scenario.nodes.len() + choices.len()) * 4 + 8 {
        if run.is_over() {
            break;
        }
        if run.can_continue() {
            run.advance().ok()?;
        } else {
            run.choose(next.next()?).ok()?;
        }
    }
    let outcome = run.outcome()?;
    let d = crate::engine::debrief::build(loaded, &outcome, &lib.all(), &BTreeSet::new());
    Some(AttemptRecord::from_run(
        meta,
        &loaded.scenario,
        &loaded.analysis,
        &outcome,
        &d,
    ))
}
