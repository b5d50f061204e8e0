//! Statements as an attempt happens: what the game calls at the start, after each decision and at the
//! end, so that every statement is queued in the outbox the moment its event happens.
//!
//! A dialogue saved in the progress store is queued as a whole when it finishes instead
//! ([`super::queue::finished`]): its registration is the stored attempt's uuid and its statement ids
//! are derived from it, so a report from the store and one from the LRS name the same attempt. Do not
//! use both for one attempt: [`LiveAttempt`] makes a registration of its own.
//!
//! ```ignore
//! let (mut live, first) = LiveAttempt::start(&profile, group, AttemptKind::Dialogue, &scenario, lang, &xapi);
//! outbox.enqueue(&[first])?;
//! // after each run.choose(…):
//! if let Some(s) = live.decided(&xapi, &run, &loaded.analysis) { outbox.enqueue(&[s])?; }
//! // at the debrief:
//! let (record, last) = live.finished(&xapi, &loaded.scenario, &loaded.analysis, &outcome, &debrief);
//! outbox.enqueue(&last)?;
//! ```

use super::model::{AttemptKind, AttemptMeta, AttemptRecord, BetterReply, DecisionRecord};
use super::xapi::{Played, Statement, Who, XapiConfig};
use crate::engine::analysis::Analysis;
use crate::engine::debrief::Debrief;
use crate::engine::model::Scenario;
use crate::engine::run::{Outcome, Run};
use crate::engine::score::judge;
use crate::engine::text::{Lang, Text};
use chrono::Utc;

/// An attempt in progress, as the statements see it.
#[derive(Debug, Clone)]
pub struct LiveAttempt {
    /// Who, when, and the registration shared by all statements of the attempt.
    pub meta: AttemptMeta,
    who: Who,
    played: Played,
}

/// The most recent decision of a run, with the names of this run filled in.
pub fn last_decision(run: &Run, analysis: &Analysis) -> Option<DecisionRecord> {
    let s = run.scenario();
    // `judge` needs only the decisions; the ending is not known yet.
    let partial = Outcome {
        scenario: s.id.clone(),
        seed: run.seed(),
        ending: String::new(),
        start_mood: s.client.mood,
        final_mood: run.mood(),
        decisions: run.decisions().to_vec(),
        path: Vec::new(),
    };
    let judged = judge(s, analysis, &partial);
    let j = judged.last()?;
    let both = |t: &Text| Text::new(run.render(t, Lang::Ru), run.render(t, Lang::En));
    Some(DecisionRecord {
        step: u32::try_from(j.step + 1).unwrap_or(u32::MAX),
        node: j.node.id.clone(),
        prompt: j
            .node
            .answered_line()
            .map(|l| both(&l.text))
            .unwrap_or_default(),
        choice: j.made.id.clone(),
        reply: both(j.made.spoken()),
        points: j.made.total(),
        effects: j.made.scores.clone(),
        feedback: both(&j.made.feedback),
        better: (j.best.id != j.made.id).then(|| BetterReply {
            choice: j.best.id.clone(),
            reply: both(j.best.spoken()),
            points: j.best.total(),
            feedback: both(&j.best.feedback),
        }),
    })
}

impl LiveAttempt {
    /// Starts an attempt now: a new registration, and the `attempted` statement to queue.
    pub fn start(
        profile: &str,
        group: Option<&str>,
        kind: AttemptKind,
        scenario: &Scenario,
        lang: Lang,
        cfg: &XapiConfig,
    ) -> (LiveAttempt, Statement) {
        let meta = AttemptMeta::starting_now(profile, group, lang);
        let live = LiveAttempt {
            who: Who {
                profile: profile.to_string(),
                group: group.map(str::to_string),
            },
            played: Played {
                kind,
                scenario: scenario.id.clone(),
                title: scenario.title.clone(),
                registration: meta.registration,
                lang,
            },
            meta,
        };
        let first = cfg.attempted(&live.who, &live.played, live.meta.started);
        (live, first)
    }

    /// The `answered` statement of the decision just made (`None` before any decision).
    pub fn decided(&self, cfg: &XapiConfig, run: &Run, analysis: &Analysis) -> Option<Statement> {
        let d = last_decision(run, analysis)?;
        Some(cfg.answered(&self.who, &self.played, &d, Utc::now()))
    }

    /// Finishes the attempt now: its record (for the report and the store) and the `completed` and
    /// `passed`/`failed` statements to queue.
    pub fn finished(
        &mut self,
        cfg: &XapiConfig,
        scenario: &Scenario,
        analysis: &Analysis,
        outcome: &Outcome,
        debrief: &Debrief,
    ) -> (AttemptRecord, [Statement; 2]) {
        self.meta.finished = Utc::now();
        let record = AttemptRecord::from_run(&self.meta, scenario, analysis, outcome, debrief);
        let last = cfg.finished(&record);
        (record, last)
    }
}
