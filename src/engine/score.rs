//! Scoring a finished run, principle by principle, against the best the scenario allows.
//!
//! The formula (also in docs/scenario-format.md):
//! - For every principle `p`, `earned(p)` is the sum of `p`'s points over the choices made.
//!   `best(p)` and `worst(p)` are the highest and lowest sums of `p`'s points over every complete
//!   playthrough of the scenario, found by [`analyse`](super::analysis::analyse), and are reported as is.
//! - The principle's percentage is judged at the decisions the trainee faced, against the best reply
//!   there (the offered choice that leads to the highest total, see [`judge`]). Over the decisions
//!   where some offered choice scores `p`, `ref(p)` sums the best reply's points for `p` and `low(p)` the
//!   lowest points for `p` on offer. The percentage is `(earned − low) / (ref − low)`, clamped to 0–100,
//!   and 100 when `ref = low`. A principle that no offered choice scored is not in play in this run.
//!   Comparing with the best reply, rather than with the best sum over all paths, keeps a flawless run
//!   at 100 % on every principle: recovery choices that only follow a mistake do not count against it.
//! - The overall score does the same with the sum of all points of a choice:
//!   `round(100 × (total − worst_total) / (best_total − worst_total))`, from 0 to 100.
//! - The grade follows the overall score: 90+ excellent, 75+ good, 60+ fair, 40+ weak, below that poor.

use super::analysis::{Analysis, Range};
use super::model::{Choice, Scenario, Then};
use super::run::{Outcome, State};
use serde::Serialize;

/// A grade for the overall score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Grade {
    /// 90–100.
    Excellent,
    /// 75–89.
    Good,
    /// 60–74.
    Fair,
    /// 40–59.
    Weak,
    /// 0–39.
    Poor,
}

impl Grade {
    /// The grade for an overall score of 0–100.
    pub fn from_score(score: u8) -> Grade {
        match score {
            90.. => Grade::Excellent,
            75..=89 => Grade::Good,
            60..=74 => Grade::Fair,
            40..=59 => Grade::Weak,
            _ => Grade::Poor,
        }
    }

    /// A stable key for this value; the interface looks up its words by it, so the engine
    /// holds no interface text.
    pub fn key(self) -> &'static str {
        match self {
            Grade::Excellent => "excellent",
            Grade::Good => "good",
            Grade::Fair => "fair",
            Grade::Weak => "weak",
            Grade::Poor => "poor",
        }
    }
}

/// The score of one principle in one run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrincipleScore {
    /// The principle id.
    pub id: String,
    /// Points earned in this run (negative when the principle was broken).
    pub earned: i32,
    /// The best and worst sums any playthrough reaches.
    pub range: Range,
    /// `earned` placed between the worst (0) and the best reply (100) at the decisions faced;
    /// `None` when the principle was not in play in this run.
    pub percent: Option<u8>,
}

/// The score of a finished run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    /// 0–100.
    pub overall: u8,
    /// The grade for `overall`.
    pub grade: Grade,
    /// The sum of all points earned.
    pub total: i32,
    /// The best and worst total any playthrough reaches.
    pub range: Range,
    /// Per principle the scenario trains, in id order.
    pub principles: Vec<PrincipleScore>,
}

/// Where `value` lies between `range.worst` (0) and `range.best` (100), rounded and clamped.
pub fn percent(value: i32, range: Range) -> u8 {
    if range.best <= range.worst {
        return 100;
    }
    let span = f64::from(range.best - range.worst);
    let x = (f64::from(value - range.worst) / span * 100.0).round();
    x.clamp(0.0, 100.0) as u8
}

/// The choice a decision refers to.
pub fn chosen<'a>(s: &'a Scenario, node: &str, choice: &str) -> Option<&'a Choice> {
    match &s.node(node)?.then {
        Then::Choices(cs) => cs.iter().find(|c| c.id == choice),
        _ => None,
    }
}

/// One decision as scoring sees it: the choice made, the choices on offer and the best reply.
#[derive(Debug, Clone)]
pub struct Judged<'a> {
    /// The index of the decision in the outcome.
    pub step: usize,
    /// The node of the decision.
    pub node: &'a super::model::Node,
    /// The choice made.
    pub made: &'a Choice,
    /// Every choice on offer, in file order.
    pub offered: Vec<&'a Choice>,
    /// The best reply on offer (it may be `made`).
    pub best: &'a Choice,
}

/// Replays a finished run and judges each decision against the best reply on offer.
///
/// The best reply is the offered choice that leads to the highest total: its own points plus the best
/// total still achievable after it ([`Analysis::best_from`]). So a question that costs a step but opens
/// a better path counts as the best reply. The choice made counts as best when it ties; otherwise ties
/// keep file order.
pub fn judge<'a>(s: &'a Scenario, analysis: &Analysis, outcome: &Outcome) -> Vec<Judged<'a>> {
    let mut state = State::initial(s);
    let mut out = Vec::new();
    for (step, d) in outcome.decisions.iter().enumerate() {
        // Continue nodes between two decisions move the state without a choice.
        let mut guard = 0;
        while state.node != d.node && guard < s.nodes.len() {
            match s.node(&state.node).map(|n| &n.then) {
                Some(Then::Continue(next)) => state.enter(next),
                _ => break,
            }
            guard += 1;
        }
        let (Some(node), Some(made)) = (s.node(&d.node), chosen(s, &d.node, &d.choice)) else {
            continue;
        };
        let offered: Vec<&Choice> = match &node.then {
            Then::Choices(cs) => cs.iter().filter(|c| d.offered.contains(&c.id)).collect(),
            _ => Vec::new(),
        };
        let value = |c: &Choice| -> i64 {
            let mut next = state.clone();
            next.apply(node, c);
            let rest = analysis.best_from(s, &next).map_or(-1_000_000, i64::from);
            i64::from(c.total()) + rest
        };
        let top = offered.iter().map(|c| value(c)).max().unwrap_or(i64::MIN);
        let best = if value(made) >= top {
            made
        } else {
            offered
                .iter()
                .find(|c| value(c) == top)
                .copied()
                .unwrap_or(made)
        };
        out.push(Judged {
            step,
            node,
            made,
            offered,
            best,
        });
        state.apply(node, made);
    }
    out
}

/// Scores a finished run.
pub fn score(s: &Scenario, analysis: &Analysis, outcome: &Outcome) -> Score {
    score_judged(analysis, &judge(s, analysis, outcome))
}

/// Scores a finished run whose decisions were already judged (the debrief judges them once and
/// uses the result twice).
pub fn score_judged(analysis: &Analysis, judged: &[Judged]) -> Score {
    let choices: Vec<&Choice> = judged.iter().map(|j| j.made).collect();
    // Per principle in play: (points of the best replies, lowest points on offer).
    let mut faced: std::collections::BTreeMap<&str, (i32, i32)> = std::collections::BTreeMap::new();
    for Judged {
        offered: on_offer,
        best,
        ..
    } in judged
    {
        let in_play: std::collections::BTreeSet<&str> = on_offer
            .iter()
            .flat_map(|c| c.scores.keys().map(String::as_str))
            .collect();
        for p in in_play {
            let points = |c: &Choice| c.scores.get(p).copied().unwrap_or(0);
            let low = on_offer.iter().map(|c| points(c)).min().unwrap_or(0);
            let e = faced.entry(p).or_insert((0, 0));
            e.0 += points(best);
            e.1 += low;
        }
    }
    let total: i32 = choices.iter().map(|c| c.total()).sum();
    let range = analysis.total.unwrap_or(Range {
        best: total,
        worst: total,
    });
    let overall = percent(total, range);
    let principles = analysis
        .principles
        .iter()
        .map(|(id, r)| {
            let earned = choices
                .iter()
                .map(|c| c.scores.get(id).copied().unwrap_or(0))
                .sum();
            PrincipleScore {
                id: id.clone(),
                earned,
                range: *r,
                percent: faced.get(id.as_str()).map(|(best, low)| {
                    percent(
                        earned,
                        Range {
                            best: *best,
                            worst: *low,
                        },
                    )
                }),
            }
        })
        .collect();
    Score {
        overall,
        grade: Grade::from_score(overall),
        total,
        range,
        principles,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_places_value_between_worst_and_best() {
        let r = Range {
            best: 10,
            worst: -10,
        };
        assert_eq!(percent(10, r), 100);
        assert_eq!(percent(-10, r), 0);
        assert_eq!(percent(0, r), 50);
        assert_eq!(percent(25, r), 100, "clamped above");
        assert_eq!(percent(3, Range { best: 3, worst: 3 }), 100);
    }

    #[test]
    fn grades_follow_thresholds() {
        assert_eq!(Grade::from_score(100), Grade::Excellent);
        assert_eq!(Grade::from_score(90), Grade::Excellent);
        assert_eq!(Grade::from_score(89), Grade::Good);
        assert_eq!(Grade::from_score(60), Grade::Fair);
        assert_eq!(Grade::from_score(59), Grade::Weak);
        assert_eq!(Grade::from_score(0), Grade::Poor);
    }
}
