//! The debrief model: what went well and what did not, principle by principle and decision by decision.

use super::analysis::Analysis;
use super::library::Loaded;
use super::model::{Choice, EndingKind, Scenario};
use super::run::{Names, Outcome};
use super::score::{Grade, Score, judge, score_judged};
use super::text::{Lang, Text};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// A principle scoring below this percentage counts as weak in the debrief.
pub const WEAK_BELOW: u8 = 70;
/// How many weak principles the debrief lists.
pub const WEAKEST_SHOWN: usize = 3;

/// A choice as the debrief shows it, with names filled in for both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChoiceReview {
    /// The choice id.
    pub id: String,
    /// The button text.
    pub label: Text,
    /// What the trainee says.
    pub say: Text,
    /// Points per principle id.
    pub points: BTreeMap<String, i32>,
    /// The sum of the points.
    pub total: i32,
    /// Why it scores as it does.
    pub feedback: Text,
    /// The change of mood.
    pub mood: i32,
}

/// One decision of the run, with the best alternative that was on offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionReview {
    /// 1-based step number.
    pub step: usize,
    /// The node of the decision.
    pub node: String,
    /// What the counterpart said just before the decision (the node's last line).
    pub prompt: Option<Text>,
    /// The choice made.
    pub chosen: ChoiceReview,
    /// The offered choice with the most points, when it was not the one made.
    pub better: Option<ChoiceReview>,
    /// Mood before and after.
    pub mood_before: i32,
    /// Mood after the choice.
    pub mood_after: i32,
}

/// A decision that moved a principle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Move {
    /// The 1-based step of the decision.
    pub step: usize,
    /// The choice made.
    pub choice: String,
    /// Its points for this principle.
    pub points: i32,
    /// Its feedback.
    pub feedback: Text,
}

/// One principle in the debrief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrincipleReview {
    /// The principle id.
    pub id: String,
    /// Points earned.
    pub earned: i32,
    /// The best achievable.
    pub best: i32,
    /// The worst achievable.
    pub worst: i32,
    /// 0–100 against the best replies at the decisions faced; `None` when not in play in this run.
    pub percent: Option<u8>,
    /// The decisions that moved it.
    pub moves: Vec<Move>,
}

/// One of the scenario's endings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EndingReview {
    /// The ending node.
    pub node: String,
    /// Its kind.
    pub kind: EndingKind,
    /// Its title.
    pub title: Text,
    /// Whether this run reached it.
    pub reached_now: bool,
    /// Whether this or an earlier run reached it.
    pub discovered: bool,
}

/// A weak principle, and the other scenarios that train it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Weakness {
    /// The principle id.
    pub id: String,
    /// Its percentage in this run.
    pub percent: u8,
    /// Ids of other scenarios that reward it, in learning-path order.
    pub train_in: Vec<String>,
}

/// Everything the debrief screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Debrief {
    /// The scenario id.
    pub scenario: String,
    /// Its title.
    pub title: Text,
    /// The score.
    pub score: Score,
    /// Why the ending and the grade differ, when they do; the debrief says it in one line.
    pub gap: Option<Gap>,
    /// The ending reached.
    pub ending: EndingReview,
    /// The ending's text, with names filled in.
    pub ending_text: Text,
    /// Mood at the start.
    pub start_mood: i32,
    /// Mood at the end.
    pub final_mood: i32,
    /// Per principle trained by the scenario, weakest first.
    pub principles: Vec<PrincipleReview>,
    /// Every decision, in order.
    pub decisions: Vec<DecisionReview>,
    /// The nodes visited, in order.
    pub path: Vec<String>,
    /// Every ending of the scenario, in file order.
    pub endings: Vec<EndingReview>,
    /// The weakest principles, with where to train them.
    pub weakest: Vec<Weakness>,
}

impl Debrief {
    /// How many of the scenario's endings have been discovered.
    pub fn endings_discovered(&self) -> usize {
        self.endings.iter().filter(|e| e.discovered).count()
    }
}

/// Why the ending and the grade tell different stories, when they do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Gap {
    /// The Client left content, but the replies fell short of the best ones on offer: the ending
    /// forgives more than the grade does.
    GoodEndingWeakReplies,
    /// The replies were mostly the best on offer, yet the conversation ended badly (for example an
    /// abusive Client who was lost anyway).
    BadEndingStrongReplies,
}

impl Gap {
    /// The gap between an ending and a grade, if any.
    pub fn between(ending: EndingKind, grade: Grade) -> Option<Gap> {
        let good_ending = matches!(ending, EndingKind::Wow | EndingKind::Resolved);
        let bad_ending = matches!(ending, EndingKind::Lost | EndingKind::Escalated);
        if good_ending && grade >= Grade::Fair {
            Some(Gap::GoodEndingWeakReplies)
        } else if bad_ending && grade <= Grade::Good {
            Some(Gap::BadEndingStrongReplies)
        } else {
            None
        }
    }
}

/// Builds the debrief of a finished run.
///
/// `library` is every scenario available, for the links to other scenarios that train a weak principle;
/// `discovered` holds ending node ids that earlier runs of this scenario reached.
pub fn build(
    loaded: &Loaded,
    outcome: &Outcome,
    library: &[Arc<Scenario>],
    discovered: &BTreeSet<String>,
) -> Debrief {
    let s: &Scenario = &loaded.scenario;
    let analysis: &Analysis = &loaded.analysis;
    // The decisions are judged once; the score and the review below both use the result.
    let judged = judge(s, analysis, outcome);
    let score = score_judged(analysis, &judged);
    // The outcome's seed gives the same names as in the run, to fill `{client}` in the texts.
    let namer = Names::new(s, outcome.seed);
    let fill = |t: &Text| Text::new(namer.render(t, Lang::Ru), namer.render(t, Lang::En));
    let review = |c: &Choice| ChoiceReview {
        id: c.id.clone(),
        label: fill(&c.label),
        say: fill(c.spoken()),
        points: c.scores.clone(),
        total: c.total(),
        feedback: fill(&c.feedback),
        mood: c.mood,
    };

    let mut decisions = Vec::new();
    let mut moves: BTreeMap<&str, Vec<Move>> = BTreeMap::new();
    // A decision that no longer matches the scenario is left out, so steps come from `judge`.
    for j in &judged {
        let (i, d, node, c) = (j.step, &outcome.decisions[j.step], j.node, j.made);
        for (p, w) in &c.scores {
            moves.entry(p.as_str()).or_default().push(Move {
                step: i + 1,
                choice: c.id.clone(),
                points: *w,
                feedback: fill(&c.feedback),
            });
        }
        // The better option is the best reply on offer, when it is not the one made.
        let better = (j.best.id != c.id).then_some(j.best);
        decisions.push(DecisionReview {
            step: i + 1,
            node: d.node.clone(),
            // The line the trainee answered: the last one someone said, not a narrator's hint.
            prompt: node.answered_line().map(|l| fill(&l.text)),
            chosen: review(c),
            better: better.map(review),
            mood_before: d.mood_before,
            mood_after: d.mood_after,
        });
    }

    let mut principles: Vec<PrincipleReview> = score
        .principles
        .iter()
        .map(|p| PrincipleReview {
            id: p.id.clone(),
            earned: p.earned,
            best: p.range.best,
            worst: p.range.worst,
            percent: p.percent,
            moves: moves.remove(p.id.as_str()).unwrap_or_default(),
        })
        .collect();
    // Weakest first; principles not in play this run go last.
    principles.sort_by_key(|p| (p.percent.is_none(), p.percent, p.id.clone()));

    let endings: Vec<EndingReview> = s
        .endings()
        .map(|(n, e)| EndingReview {
            node: n.id.clone(),
            kind: e.kind,
            title: fill(&e.title),
            reached_now: n.id == outcome.ending,
            discovered: n.id == outcome.ending || discovered.contains(&n.id),
        })
        .collect();
    let ending = endings
        .iter()
        .find(|e| e.reached_now)
        .cloned()
        .unwrap_or(EndingReview {
            node: outcome.ending.clone(),
            kind: EndingKind::Partial,
            title: Text::default(),
            reached_now: true,
            discovered: true,
        });
    let ending_text = s
        .endings()
        .find(|(n, _)| n.id == outcome.ending)
        .map(|(_, e)| fill(&e.text))
        .unwrap_or_default();

    // Practice links stay near the trainee's level: a beginner's weak spot is not sent to the
    // hardest case of the library.
    let mut others: Vec<&Arc<Scenario>> = library
        .iter()
        .filter(|o| o.id != s.id && o.difficulty <= s.difficulty.max(1) + 1)
        .collect();
    others.sort_by(|a, b| a.order.cmp(&b.order).then(a.id.cmp(&b.id)));
    let weakest = principles
        .iter()
        .filter_map(|p| Some((p, p.percent.filter(|x| *x < WEAK_BELOW)?)))
        .take(WEAKEST_SHOWN)
        .map(|(p, percent)| Weakness {
            id: p.id.clone(),
            percent,
            train_in: others
                .iter()
                .filter(|o| o.rewarded_principles().contains(p.id.as_str()))
                .map(|o| o.id.clone())
                .take(3)
                .collect(),
        })
        .collect();

    let gap = Gap::between(ending.kind, score.grade);
    Debrief {
        scenario: s.id.clone(),
        gap,
        title: s.title.clone(),
        score,
        ending,
        ending_text,
        start_mood: outcome.start_mood,
        final_mood: outcome.final_mood,
        principles,
        decisions,
        path: outcome.path.clone(),
        endings,
        weakest,
    }
}
