//! Scoring a finished run, principle by principle, against the best the scenario allows.
//!
//! The formula (also in docs/scenario-format.md):
//! - For every principle `p`, `earned(p)` is the sum of `p`'s points over the choices made.
//!   `best(p)` and `worst(p)` are the highest and lowest sums of `p`'s points over every complete
//!   playthrough of the scenario, found by [`analyse`](super::analysis::analyse).
//!   The principle's percentage is `(earned − worst) / (best − worst)`, or 100 when both are equal.
//! - The overall score does the same with the sum of all points of a choice:
//!   `round(100 × (total − worst_total) / (best_total − worst_total))`, from 0 to 100.
//! - The grade follows the overall score: 90+ excellent, 75+ good, 60+ fair, 40+ weak, below that poor.

use super::analysis::{Analysis, Range};
use super::model::{Choice, Scenario, Then};
use super::run::Outcome;
use super::text::Lang;
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

    /// The grade's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Grade::Excellent, Lang::Ru) => "Отлично",
            (Grade::Excellent, Lang::En) => "Excellent",
            (Grade::Good, Lang::Ru) => "Хорошо",
            (Grade::Good, Lang::En) => "Good",
            (Grade::Fair, Lang::Ru) => "Удовлетворительно",
            (Grade::Fair, Lang::En) => "Fair",
            (Grade::Weak, Lang::Ru) => "Слабо",
            (Grade::Weak, Lang::En) => "Weak",
            (Grade::Poor, Lang::Ru) => "Неудачно",
            (Grade::Poor, Lang::En) => "Poor",
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
    /// `earned` placed between worst (0) and best (100).
    pub percent: u8,
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

/// Scores a finished run.
pub fn score(s: &Scenario, analysis: &Analysis, outcome: &Outcome) -> Score {
    let choices: Vec<&Choice> = outcome
        .decisions
        .iter()
        .filter_map(|d| chosen(s, &d.node, &d.choice))
        .collect();
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
                percent: percent(earned, *r),
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
