//! Progress rules: mastery per principle, spaced repetition of principles, the scenario to practise
//! next, the content hash of a scenario and the replay of a saved run. Pure Rust, no SQL: the store
//! (`crate::store`) keeps the numbers these rules produce.
//!
//! **Observations.** Every judged decision ([`score::judge`]) tests each principle that some offered
//! reply scores. The decision's value for principle `p` mirrors the per-principle percentage of
//! [`score`](super::score): with `made` the points of the reply given, `best` those of the best reply
//! on offer and `low` the lowest on offer, the value is `(made − low) / (best − low)` clamped to 0–1,
//! and 1 when `best = low` (the best reply does not favour `p` there).
//!
//! **Mastery** is an exponentially weighted mean of a principle's observation values, newest first:
//! each new observation gets weight 1 and every older one is multiplied by `d = 0.5^(1 / HALF_LIFE)`,
//! so an observation [`HALF_LIFE`] decisions old counts half as much as the newest one. It is kept as
//! two running sums, `S ← d·S + value` and `W ← d·W + 1`, and mastery is `100 · S / W`. The sums
//! make an update O(1), so the progress screen never re-reads the whole history.
//!
//! **Spaced repetition.** Every principle is a card. A decision that tests it is a review rated from
//! the value: 1 (the best reply, or as good for this principle) is *Good*, at least 0.5 is *Hard*,
//! below that *Again*. The quiz posts its own reviews (a fast right answer may be *Easy*). Cards are
//! scheduled with FSRS-5 (`rs-fsrs`), long-term mode only and without fuzz, so the schedule is
//! deterministic and a principle reviewed today is not due again the same day.

use super::model::{Catalog, Scenario, Theme};
use super::run::{Outcome, Run, RunError};
use super::score::{Judged, judge};
use chrono::{DateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// How many observations back one counts half as much as the newest.
pub const HALF_LIFE: f64 = 8.0;

/// The prefix of a content hash: names the method, so a future change of method is recognisable.
pub const HASH_METHOD: &str = "fnv1a64-json";

/// A stable hash of a parsed scenario: FNV-1a (64 bits) over the scenario serialised as JSON.
///
/// The parsed scenario is hashed rather than the file's text, so comments, spacing and field order in
/// the RON file do not count as a change, while every text, score, condition or link does. The JSON
/// of the model is deterministic (struct fields in declaration order, maps sorted). A change to the
/// model itself (a new field) changes every hash: saved runs then report "scenario changed", which is
/// the safe answer. The result looks like `fnv1a64-json:0123456789abcdef`.
pub fn scenario_hash(s: &Scenario) -> String {
    let json = serde_json::to_vec(s).unwrap_or_default();
    format!("{HASH_METHOD}:{:016x}", fnv1a64(&json))
}

/// FNV-1a over bytes: a small, documented hash that gives the same value on every platform.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Why a saved run could not be replayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplayError {
    /// The 0-based index of the choice that failed.
    pub step: usize,
    /// What the runner said.
    pub error: RunError,
}

/// Rebuilds a run from its seed and the ids of the choices made, in order.
///
/// Before each choice the run goes on through nodes that wait for Continue, as the player did; after
/// the last choice it stops where the player was when the choice was saved. The same scenario, seed and
/// choices give the same state, shuffles and transcript as the original run.
pub fn replay(scenario: Arc<Scenario>, seed: u64, choices: &[String]) -> Result<Run, ReplayError> {
    let mut run = Run::start(scenario, seed);
    for (step, choice) in choices.iter().enumerate() {
        // A scenario without cycles of Continue nodes ends this loop; the guard covers one that has.
        let mut guard = run.scenario().nodes.len() + 1;
        while run.can_continue() && guard > 0 {
            run.advance().map_err(|error| ReplayError { step, error })?;
            guard -= 1;
        }
        run.choose(choice)
            .map_err(|error| ReplayError { step, error })?;
    }
    Ok(run)
}

/// Rebuilds a finished run from its seed and choices, going on through the Continue nodes after the
/// last choice to the ending, and returns its outcome (to rebuild a saved attempt's debrief). An error
/// at step `choices.len()` means the choices do not reach an ending.
pub fn replay_outcome(
    scenario: Arc<Scenario>,
    seed: u64,
    choices: &[String],
) -> Result<Outcome, ReplayError> {
    let mut run = replay(scenario, seed, choices)?;
    let step = choices.len();
    let mut guard = run.scenario().nodes.len() + 1;
    while run.can_continue() && guard > 0 {
        run.advance().map_err(|error| ReplayError { step, error })?;
        guard -= 1;
    }
    run.outcome().ok_or(ReplayError {
        step,
        error: RunError::NeedsChoice,
    })
}

/// A review rating, as FSRS knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Rating {
    /// Forgotten: the reply broke the principle or was far from the best.
    Again,
    /// Recalled with difficulty: better than the worst reply, short of the best.
    Hard,
    /// Recalled: the best reply for this principle.
    Good,
    /// Recalled easily (the quiz: a fast right answer).
    Easy,
}

impl Rating {
    /// The rating as a number 1–4, as stored.
    pub fn number(self) -> u8 {
        match self {
            Rating::Again => 1,
            Rating::Hard => 2,
            Rating::Good => 3,
            Rating::Easy => 4,
        }
    }

    /// The rating of a stored number; anything out of range is `Again`.
    pub fn from_number(n: u8) -> Rating {
        match n {
            2 => Rating::Hard,
            3 => Rating::Good,
            4 => Rating::Easy,
            _ => Rating::Again,
        }
    }

    /// The rating of a decision's value for a principle (0–1), see the module comment.
    pub fn from_value(value: f64) -> Rating {
        if value >= 1.0 - 1e-9 {
            Rating::Good
        } else if value >= 0.5 {
            Rating::Hard
        } else {
            Rating::Again
        }
    }

    fn fsrs(self) -> rs_fsrs::Rating {
        match self {
            Rating::Again => rs_fsrs::Rating::Again,
            Rating::Hard => rs_fsrs::Rating::Hard,
            Rating::Good => rs_fsrs::Rating::Good,
            Rating::Easy => rs_fsrs::Rating::Easy,
        }
    }
}

/// One principle tested by one decision (or one quiz question).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    /// The 0-based decision (or question) index within its attempt.
    pub step: usize,
    /// The principle id.
    pub principle: String,
    /// How close to the best reply, 0–1.
    pub value: f64,
    /// The review rating derived from the value.
    pub rating: Rating,
}

/// The observations of one judged decision, one per principle in play there.
pub fn observe(j: &Judged<'_>) -> Vec<Observation> {
    let in_play: BTreeSet<&str> = j
        .offered
        .iter()
        .flat_map(|c| c.scores.keys().map(String::as_str))
        .collect();
    in_play
        .into_iter()
        .map(|p| {
            let points = |c: &super::model::Choice| c.scores.get(p).copied().unwrap_or(0);
            let low = j.offered.iter().map(|c| points(c)).min().unwrap_or(0);
            let best = points(j.best);
            let made = points(j.made);
            let value = if best > low {
                (f64::from(made - low) / f64::from(best - low)).clamp(0.0, 1.0)
            } else {
                1.0
            };
            Observation {
                step: j.step,
                principle: p.to_string(),
                value,
                rating: Rating::from_value(value),
            }
        })
        .collect()
}

/// Every observation of a finished (or partly played) run, in decision order.
pub fn observations(
    s: &Scenario,
    analysis: &super::analysis::Analysis,
    outcome: &Outcome,
) -> Vec<Observation> {
    judge(s, analysis, outcome)
        .iter()
        .flat_map(observe)
        .collect()
}

/// The running mastery of one principle, see the module comment for the formula.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Mastery {
    /// The decayed sum of observation values, `S`.
    pub weighted: f64,
    /// The decayed sum of weights, `W`.
    pub weight: f64,
    /// How many observations there were.
    pub count: u32,
}

impl Mastery {
    /// Adds an observation (0–1) as the newest one.
    pub fn add(&mut self, value: f64) {
        let d = 0.5_f64.powf(1.0 / HALF_LIFE);
        self.weighted = d * self.weighted + value.clamp(0.0, 1.0);
        self.weight = d * self.weight + 1.0;
        self.count += 1;
    }

    /// Mastery 0–100, or `None` before the first observation.
    pub fn percent(&self) -> Option<u8> {
        (self.count > 0 && self.weight > 0.0).then(|| {
            (100.0 * self.weighted / self.weight)
                .round()
                .clamp(0.0, 100.0) as u8
        })
    }
}

/// The spaced-repetition card of one principle, as the store keeps it. Times are Unix milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// When the next review is due.
    pub due: i64,
    /// FSRS stability, in days.
    pub stability: f64,
    /// FSRS difficulty, 1–10.
    pub difficulty: f64,
    /// Days between the last two reviews.
    pub elapsed_days: i64,
    /// Days scheduled at the last review.
    pub scheduled_days: i64,
    /// How many reviews.
    pub reps: i32,
    /// How many times it was forgotten after being learnt.
    pub lapses: i32,
    /// FSRS state: 0 new, 1 learning, 2 review, 3 relearning.
    pub state: u8,
    /// The last review.
    pub last_review: i64,
}

fn to_time(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}

fn scheduler() -> rs_fsrs::FSRS {
    rs_fsrs::FSRS::new(rs_fsrs::Parameters {
        enable_short_term: false,
        enable_fuzz: false,
        ..rs_fsrs::Parameters::default()
    })
}

/// Reviews a card (a new one when `card` is `None`) at `at` (Unix ms) with `rating`.
pub fn review(card: Option<Card>, rating: Rating, at: i64) -> Card {
    let now = to_time(at);
    let fsrs_card = match card {
        // A new card's times default to the clock; the review's own time must count instead.
        None => rs_fsrs::Card {
            due: now,
            last_review: now,
            ..rs_fsrs::Card::new()
        },
        Some(c) => rs_fsrs::Card {
            due: to_time(c.due),
            stability: c.stability,
            difficulty: c.difficulty,
            elapsed_days: c.elapsed_days,
            scheduled_days: c.scheduled_days,
            reps: c.reps,
            lapses: c.lapses,
            state: match c.state {
                1 => rs_fsrs::State::Learning,
                2 => rs_fsrs::State::Review,
                3 => rs_fsrs::State::Relearning,
                _ => rs_fsrs::State::New,
            },
            last_review: to_time(c.last_review),
        },
    };
    // Reviews out of order (an imported history) are taken as happening at the last review.
    let now = now.max(fsrs_card.last_review);
    let next = scheduler().next(fsrs_card, now, rating.fsrs()).card;
    Card {
        due: next.due.timestamp_millis(),
        stability: next.stability,
        difficulty: next.difficulty,
        elapsed_days: next.elapsed_days,
        scheduled_days: next.scheduled_days,
        reps: next.reps,
        lapses: next.lapses,
        state: next.state as u8,
        last_review: next.last_review.timestamp_millis(),
    }
}

/// The scenario that covers the most due principles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PractiseNext {
    /// The scenario id.
    pub scenario: String,
    /// The due principles it trains, in id order.
    pub covers: Vec<String>,
}

/// Picks the scenario whose choices score the most of the `due` principles; ties go to the earlier
/// one on the learning path (the order given). `None` when nothing is due or nothing covers it.
pub fn practise_next<'a>(
    due: &BTreeSet<String>,
    scenarios: impl IntoIterator<Item = &'a Scenario>,
) -> Option<PractiseNext> {
    let mut best: Option<PractiseNext> = None;
    for s in scenarios {
        let covers: Vec<String> = s
            .principles()
            .into_iter()
            .filter(|p| due.contains(*p))
            .map(str::to_string)
            .collect();
        if covers.is_empty() {
            continue;
        }
        if best.as_ref().is_none_or(|b| covers.len() > b.covers.len()) {
            best = Some(PractiseNext {
                scenario: s.id.clone(),
                covers,
            });
        }
    }
    best
}

/// One principle's mastery, for the progress screen.
#[derive(Debug, Clone, PartialEq)]
pub struct PrincipleMastery {
    /// The principle id.
    pub id: String,
    /// Mastery 0–100, `None` when never tested.
    pub percent: Option<u8>,
    /// How many decisions tested it.
    pub count: u32,
}

/// A group of principles (a source or a theme) with its mean mastery.
#[derive(Debug, Clone, PartialEq)]
pub struct Group<K> {
    /// The source id or the theme.
    pub key: K,
    /// The mean mastery of its tested principles, `None` when none was tested.
    pub percent: Option<u8>,
    /// Its principles, in catalog order.
    pub principles: Vec<PrincipleMastery>,
}

fn group_of<K: Clone + PartialEq>(
    catalog: &Catalog,
    mastery: &BTreeMap<String, Mastery>,
    keys: Vec<K>,
    key_of: impl Fn(&super::model::Principle) -> K,
) -> Vec<Group<K>> {
    keys.into_iter()
        .map(|key| {
            let principles: Vec<PrincipleMastery> = catalog
                .principles
                .iter()
                .filter(|p| key_of(p) == key)
                .map(|p| {
                    let m = mastery.get(&p.id).copied().unwrap_or_default();
                    PrincipleMastery {
                        id: p.id.clone(),
                        percent: m.percent(),
                        count: m.count,
                    }
                })
                .collect();
            let tested: Vec<u32> = principles
                .iter()
                .filter_map(|p| p.percent.map(u32::from))
                .collect();
            let percent = (!tested.is_empty())
                .then(|| (tested.iter().sum::<u32>() as f64 / tested.len() as f64).round() as u8);
            Group {
                key,
                percent,
                principles,
            }
        })
        .collect()
}

/// Mastery grouped by source, in the catalog's source order.
pub fn by_source(catalog: &Catalog, mastery: &BTreeMap<String, Mastery>) -> Vec<Group<String>> {
    let keys = catalog.sources.iter().map(|s| s.id.clone()).collect();
    group_of(catalog, mastery, keys, |p| p.source.clone())
}

/// Mastery grouped by theme, in the themes' declaration order (themes with no principle left out).
pub fn by_theme(catalog: &Catalog, mastery: &BTreeMap<String, Mastery>) -> Vec<Group<Theme>> {
    let all = [
        Theme::Empathy,
        Theme::Solutions,
        Theme::Honesty,
        Theme::Respect,
        Theme::Process,
        Theme::Team,
    ];
    let keys = all
        .into_iter()
        .filter(|t| catalog.principles.iter().any(|p| p.theme == *t))
        .collect();
    group_of(catalog, mastery, keys, |p| p.theme)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mastery_weighs_recent_observations_more() {
        let mut old_good = Mastery::default();
        for _ in 0..8 {
            old_good.add(1.0);
        }
        for _ in 0..8 {
            old_good.add(0.0);
        }
        let mut old_bad = Mastery::default();
        for _ in 0..8 {
            old_bad.add(0.0);
        }
        for _ in 0..8 {
            old_bad.add(1.0);
        }
        assert_eq!(old_good.count, 16);
        let (g, b) = (old_good.percent().unwrap(), old_bad.percent().unwrap());
        assert!(b > 50 && g < 50, "recent weigh more: {g} vs {b}");
        assert_eq!(u32::from(g) + u32::from(b), 100, "symmetric");
        assert_eq!(Mastery::default().percent(), None);
    }

    #[test]
    fn half_life_halves_the_weight() {
        let mut m = Mastery::default();
        m.add(1.0);
        for _ in 0..HALF_LIFE as usize {
            m.add(0.0);
        }
        // The first observation now weighs 0.5 against weights summing to W.
        assert!((m.weighted - 0.5).abs() < 1e-9, "{}", m.weighted);
    }

    #[test]
    fn ratings_follow_value() {
        assert_eq!(Rating::from_value(1.0), Rating::Good);
        assert_eq!(Rating::from_value(0.5), Rating::Hard);
        assert_eq!(Rating::from_value(0.49), Rating::Again);
        for r in [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy] {
            assert_eq!(Rating::from_number(r.number()), r);
        }
    }

    #[test]
    fn good_review_is_due_later_than_again() {
        let t = 1_700_000_000_000;
        let good = review(None, Rating::Good, t);
        let again = review(None, Rating::Again, t);
        assert!(good.due > again.due);
        assert!(good.due > t + 86_400_000 / 2, "not due again the same day");
        let second = review(Some(good), Rating::Good, good.due);
        assert!(second.due - good.due > good.due - t, "intervals grow");
        assert_eq!(second.reps, 2);
    }
}
