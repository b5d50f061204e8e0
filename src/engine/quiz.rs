//! Quiz items made from the library, hand-written quiz questions, seeded rounds and quiz-game scoring.
//!
//! Like the rest of the engine this module returns data and enums, never interface words: a question
//! carries its [`Kind`] (the screen looks up the prompt with [`Kind::prompt_id`]), bilingual scenario
//! texts, principle ids (titles and descriptions come from the catalog) and an [`Explanation`].
//!
//! Questions made from scenarios exist only where their answer is unambiguous:
//! - **Upholds / Breaks**: the answer is the principle the reply scores most strongly with that sign,
//!   only when that maximum is unique. The three distractors share the answer's theme or source and are
//!   not scored with that sign by the reply.
//! - **Best reply**: at a decision, the value of a reply is its own points plus the best total still
//!   reachable after it ([`Analysis::best_from`]). The best reply must be unique and ahead of the
//!   runner-up by at least [`BEST_MARGIN`] points, at every way the conversation can arrive there.
//! - **True / false**: "this reply upholds X" is true for the reply's unique strongest principle and
//!   false for the principle it breaks most (unique); an untagged principle is never used, because a
//!   missing tag does not prove that a reply ignores a principle.
//! - **Order**: three or four replies whose values are strictly ordered, each step at least
//!   [`ORDER_MARGIN`] apart, at every arrival.
//!
//! Every question has a stable id built from the scenario, node and choice ids and its kind, so saved
//! attempts and spaced-repetition reviews keep pointing at the same item when options are reshuffled or
//! scenarios reordered.

use super::analysis::Analysis;
use super::diag::{Code, Diagnostic, Position, Severity, position_of_offset};
use super::library::Library;
use super::model::{CaseCatalog, Catalog, Choice, Node, SPEAKER_YOU, Scenario, Theme, Then};
use super::run::State;
use super::spans::{self, Spanned};
use super::text::{Lang, Text};
use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

/// The file name of the hand-written questions.
pub const QUIZ_FILE: &str = "quiz.ron";
/// A best reply must lead by at least this many points (its own plus the best still reachable) over the
/// runner-up: with a one-point lead a trainer could argue either way.
pub const BEST_MARGIN: i64 = 2;
/// Neighbouring replies of an ordering question must differ by at least this many points.
pub const ORDER_MARGIN: i64 = 1;
/// How many arrivals at a node (distinct run states, shortest first) a best-reply or ordering question
/// must agree over.
pub const ARRIVALS: usize = 3;
/// The default number of questions in a round.
pub const ROUND_LEN: usize = 10;
/// The default time per question, in milliseconds.
pub const TIME_LIMIT_MS: u32 = 20_000;
/// Points for a correct answer given at the very last moment.
pub const MIN_POINTS: u32 = 500;
/// Points for a correct answer given at once (and for every correct answer of an untimed round).
pub const MAX_POINTS: u32 = 1000;
/// The streak bonus per correct answer in a row after the first.
pub const STREAK_STEP: u32 = 100;
/// The streak bonus never exceeds this.
pub const STREAK_CAP: u32 = 500;

/// What a question asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// Which principle does this reply uphold?
    Upholds,
    /// Which principle does this reply break?
    Breaks,
    /// Which reply is best here?
    BestReply,
    /// True or false: this reply upholds a principle.
    TrueFalse,
    /// Put these replies in order, best to worst.
    Order,
    /// A hand-written question from `quiz.ron`.
    Written,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 6] = [
        Kind::Upholds,
        Kind::Breaks,
        Kind::BestReply,
        Kind::TrueFalse,
        Kind::Order,
        Kind::Written,
    ];

    /// The Fluent id of the question's prompt (`assets/i18n/*/quiz.ftl`). A true/false question's
    /// statement is [`TF_STATEMENT_ID`], and a written question has its own prompt text.
    pub fn prompt_id(self) -> &'static str {
        match self {
            Kind::Upholds => "quiz-prompt-upholds",
            Kind::Breaks => "quiz-prompt-breaks",
            Kind::BestReply => "quiz-prompt-best",
            Kind::TrueFalse => "quiz-prompt-true-false",
            Kind::Order => "quiz-prompt-order",
            Kind::Written => "quiz-prompt-written",
        }
    }

    /// The Fluent id of the kind's short name (`quiz-kind-…`), for reports.
    pub fn name_id(self) -> &'static str {
        match self {
            Kind::Upholds => "quiz-kind-upholds",
            Kind::Breaks => "quiz-kind-breaks",
            Kind::BestReply => "quiz-kind-best",
            Kind::TrueFalse => "quiz-kind-tf",
            Kind::Order => "quiz-kind-order",
            Kind::Written => "quiz-kind-written",
        }
    }

    /// A short stable name, used in ids and reports.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Upholds => "upholds",
            Kind::Breaks => "breaks",
            Kind::BestReply => "best",
            Kind::TrueFalse => "tf",
            Kind::Order => "order",
            Kind::Written => "written",
        }
    }
}

/// The Fluent id of a true/false statement; its variable `$principle` is the principle's title.
pub const TF_STATEMENT_ID: &str = "quiz-statement-upholds";

/// Who says a line of a question's context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Speaker {
    /// The trainee.
    You,
    /// Someone in the scenario, by name (the default name, before seeded variants).
    Named(Text),
    /// Stage directions.
    Narrator,
}

/// One line of context shown above a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Said {
    /// Who says it.
    pub speaker: Speaker,
    /// What is said, with name placeholders filled in.
    pub text: Text,
}

/// What an answer option shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Body {
    /// A principle, by id: the screen shows its title from the catalog.
    Principle(String),
    /// A reply of the scenario: its button label and what is said.
    Reply {
        /// The choice id.
        choice: String,
        /// The short button text.
        label: Text,
        /// What the trainee says.
        say: Text,
    },
    /// True or false (words from `quiz-true` / `quiz-false`).
    Verdict(bool),
    /// A hand-written option.
    Text(Text),
}

/// One answer option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    /// Stable within its question: a principle id, a choice id, `true`/`false`, or the option's number in
    /// `quiz.ron`. Saved attempts record this key, not a position.
    pub key: String,
    /// What the option shows.
    pub body: Body,
}

impl Answer {
    /// The option's text in `lang`: principle titles come from the catalog; a verdict has no text of its
    /// own (the screen shows `quiz-true` / `quiz-false`), so it gives `None`.
    pub fn text(&self, catalog: &Catalog, lang: Lang) -> Option<String> {
        match &self.body {
            Body::Principle(p) => Some(catalog.principle_title(p, lang)),
            Body::Reply { say, .. } => Some(say.get(lang).to_string()),
            Body::Verdict(_) => None,
            Body::Text(t) => Some(t.get(lang).to_string()),
        }
    }
}

/// What the explanation of an answer draws on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// The feedback of the reply the question is about (the best reply for best/order questions).
    pub feedback: Option<Text>,
    /// A hand-written explanation.
    pub text: Option<Text>,
    /// Principles whose descriptions explain the answer.
    pub principles: Vec<String>,
    /// Source ids (`fc`, `zp`, …) the principles or cases come from.
    pub sources: Vec<String>,
    /// Case ids from `cases.ron`.
    pub cases: Vec<String>,
}

/// One quiz question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// Stable id: `scenario/node/choice/kind` (true/false adds the principle), `scenario/node/best`,
    /// `scenario/node/order`, or `quiz/<id>` for a hand-written question.
    pub id: String,
    /// What it asks.
    pub kind: Kind,
    /// The scenario it comes from (none for a hand-written question).
    pub scenario: Option<String>,
    /// The scenario's title, for the screen.
    pub scenario_title: Option<Text>,
    /// The node it comes from.
    pub node: Option<String>,
    /// Lines shown above the question: what was said before the decision.
    pub context: Vec<Said>,
    /// The reply the question is about (upholds, breaks, true/false).
    pub reply: Option<Text>,
    /// A true/false statement's principle, or a hand-written prompt.
    pub statement: Option<Statement>,
    /// The options in canonical order; a round shows them shuffled.
    pub answers: Vec<Answer>,
    /// The key of the right option; for [`Kind::Order`], see `order`.
    pub right: String,
    /// For [`Kind::Order`]: the keys best to worst. Empty otherwise.
    pub order: Vec<String>,
    /// The principles an answer reviews for spaced repetition.
    pub principles: Vec<String>,
    /// What the explanation draws on.
    pub explanation: Explanation,
}

/// The statement part of a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Statement {
    /// "This reply upholds <principle>": [`TF_STATEMENT_ID`] with the principle's title.
    Upholds(String),
    /// A hand-written prompt.
    Prompt(Text),
}

impl Question {
    /// Whether `key` is the right option (for an ordering question, use [`Question::is_right_order`]).
    pub fn is_right(&self, key: &str) -> bool {
        self.kind != Kind::Order && self.right == key
    }

    /// Whether `keys` (best to worst) is the right order.
    pub fn is_right_order(&self, keys: &[String]) -> bool {
        self.kind == Kind::Order && keys == self.order.as_slice()
    }

    /// The option with this key.
    pub fn answer(&self, key: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.key == key)
    }

    /// The group of questions that should not meet in one round: they are about the same reply or
    /// decision, and one would give the other away.
    pub fn group(&self) -> String {
        match (&self.scenario, &self.node) {
            (Some(s), Some(n)) => format!("{s}/{n}"),
            _ => self.id.clone(),
        }
    }
}

/// Why a candidate question was not made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum SkipReason {
    /// Two principles share the strongest weight with this sign.
    AmbiguousMax,
    /// Fewer than three plausible distractors exist.
    NotEnoughDistractors,
    /// Two replies share the best value, or two neighbours of an ordering tie.
    Tie,
    /// The best reply leads by less than [`BEST_MARGIN`].
    SmallMargin,
    /// Fewer replies are offered than the kind needs.
    TooFewReplies,
    /// Different ways into the node disagree on what is offered or on the best reply.
    DependsOnPath,
    /// The decision is never reached.
    Unreachable,
    /// Two options would read the same.
    DuplicateOptions,
}

/// A candidate question that was not made, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The id the question would have had.
    pub id: String,
    /// Its kind.
    pub kind: Kind,
    /// The scenario.
    pub scenario: String,
    /// Why it was skipped.
    pub reason: SkipReason,
}

/// Every question the library yields, and the candidates that were skipped.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Pool {
    /// The questions, generated ones in scenario and node order, then the hand-written ones.
    pub questions: Vec<Question>,
    /// Candidates left out, with why.
    pub skipped: Vec<Skipped>,
}

impl Pool {
    /// Builds the whole pool from a loaded library (its scenarios and its `quiz.ron`).
    pub fn build(lib: &Library) -> Pool {
        let mut pool = Pool::default();
        // Scenarios are independent: generate them on every core, then join in library order.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = lib.scenarios.len().div_ceil(threads.max(1)).max(1);
        let parts: Vec<Pool> = std::thread::scope(|scope| {
            let handles: Vec<_> = lib
                .scenarios
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        let mut p = Pool::default();
                        for l in part {
                            generate(&l.scenario, &l.analysis, &lib.catalog, &mut p);
                        }
                        p
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        for p in parts {
            pool.questions.extend(p.questions);
            pool.skipped.extend(p.skipped);
        }
        for w in &lib.quiz {
            pool.questions.push(w.to_question(&lib.catalog, &lib.cases));
        }
        pool
    }

    /// The question with this id.
    pub fn get(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// How many questions of each kind the pool holds.
    pub fn counts(&self) -> BTreeMap<Kind, usize> {
        let mut m: BTreeMap<Kind, usize> = Kind::ALL.iter().map(|k| (*k, 0)).collect();
        for q in &self.questions {
            *m.entry(q.kind).or_default() += 1;
        }
        m
    }

    /// Picks a seeded round: the same seed and spec always give the same questions in the same order,
    /// with the same option order.
    pub fn round(&self, spec: &RoundSpec, catalog: &Catalog) -> Round {
        let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
        let about =
            |q: &Question, pred: &dyn Fn(&str) -> bool| q.principles.iter().any(|p| pred(p));
        let tiers: Vec<Vec<&Question>> = match &spec.kind {
            RoundKind::Mixed => vec![self.questions.iter().collect()],
            RoundKind::BySource(src) => vec![
                self.questions
                    .iter()
                    .filter(|q| {
                        about(q, &|p| {
                            catalog.principle(p).is_some_and(|x| &x.source == src)
                        })
                    })
                    .collect(),
            ],
            RoundKind::ByTheme(theme) => vec![
                self.questions
                    .iter()
                    .filter(|q| {
                        about(q, &|p| {
                            catalog.principle(p).is_some_and(|x| x.theme == *theme)
                        })
                    })
                    .collect(),
            ],
            RoundKind::Daily { due, weakest } => {
                let due: BTreeSet<&str> = due.iter().map(String::as_str).collect();
                let weak: BTreeSet<&str> = weakest.iter().map(String::as_str).collect();
                vec![
                    self.questions
                        .iter()
                        .filter(|q| about(q, &|p| due.contains(p)))
                        .collect(),
                    self.questions
                        .iter()
                        .filter(|q| about(q, &|p| weak.contains(p)))
                        .collect(),
                    self.questions.iter().collect(),
                ]
            }
        };
        let allowed = |q: &Question| spec.kinds.is_empty() || spec.kinds.contains(&q.kind);
        let mut picked: Vec<&Question> = Vec::new();
        let mut used_ids: BTreeSet<&str> = BTreeSet::new();
        let mut used_groups: BTreeSet<String> = BTreeSet::new();
        for tier in tiers {
            let mut tier: Vec<&Question> = tier.into_iter().filter(|q| allowed(q)).collect();
            tier.shuffle(&mut rng);
            // First one question per reply or decision, then, if the tier is small, the rest.
            for pass in 0..2 {
                for q in &tier {
                    if picked.len() >= spec.len {
                        break;
                    }
                    if used_ids.contains(q.id.as_str())
                        || (pass == 0 && used_groups.contains(&q.group()))
                    {
                        continue;
                    }
                    used_ids.insert(&q.id);
                    used_groups.insert(q.group());
                    picked.push(q);
                }
            }
        }
        let items = picked
            .into_iter()
            .map(|q| {
                let mut shown: Vec<String> = q.answers.iter().map(|a| a.key.clone()).collect();
                // A verdict reads best as true, then false, always.
                if q.kind != Kind::TrueFalse {
                    shown.shuffle(&mut rng);
                    if q.kind == Kind::Order && shown == q.order && shown.len() > 1 {
                        // An ordering question must not start solved.
                        let i = rng.random_range(1..shown.len());
                        shown.swap(0, i);
                    }
                }
                RoundItem {
                    question: q.clone(),
                    shown,
                }
            })
            .collect();
        Round {
            spec: spec.clone(),
            items,
        }
    }
}

/// Which questions a round draws from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum RoundKind {
    /// Questions on the principles spaced repetition says are due, then the weakest, then any.
    Daily {
        /// Principle ids that are due, most overdue first (from the progress rules).
        due: Vec<String>,
        /// Principle ids with the weakest results.
        weakest: Vec<String>,
    },
    /// Questions on the principles of one source (`fc`, `zp`, `fp`, `st`, `cr`).
    BySource(String),
    /// Questions on the principles of one theme.
    ByTheme(Theme),
    /// Any question.
    Mixed,
}

/// What a round should be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundSpec {
    /// Which questions to draw from.
    pub kind: RoundKind,
    /// How many questions; fewer when the pool has fewer.
    pub len: usize,
    /// The seed: the same seed gives the same round.
    pub seed: u64,
    /// Only these kinds; empty means every kind.
    pub kinds: Vec<Kind>,
}

impl RoundSpec {
    /// A round of [`ROUND_LEN`] questions of every kind.
    pub fn new(kind: RoundKind, seed: u64) -> Self {
        RoundSpec {
            kind,
            len: ROUND_LEN,
            seed,
            kinds: Vec::new(),
        }
    }
}

/// One question of a round, with its options in the order shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundItem {
    /// The question.
    pub question: Question,
    /// Option keys in the order shown (tile 1–4 or A–D).
    pub shown: Vec<String>,
}

impl RoundItem {
    /// The option shown at position `i` (0-based).
    pub fn shown_answer(&self, i: usize) -> Option<&Answer> {
        self.question.answer(self.shown.get(i)?)
    }
}

/// A seeded selection of questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Round {
    /// What was asked for.
    pub spec: RoundSpec,
    /// The questions in play order.
    pub items: Vec<RoundItem>,
}

/// What the player did with a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Response {
    /// Picked the option with this key.
    Pick(String),
    /// Put the options in this order (keys, best first).
    Order(Vec<String>),
    /// The time ran out.
    TimedOut,
}

/// Points for one correct answer: [`MAX_POINTS`] at once, falling linearly to [`MIN_POINTS`] at the time
/// limit. An untimed round (`limit_ms` `None`) gives [`MAX_POINTS`]: self-study is not a race, and untimed
/// scores are only compared with each other.
pub fn speed_points(elapsed_ms: u32, limit_ms: Option<u32>) -> u32 {
    match limit_ms {
        None | Some(0) => MAX_POINTS,
        Some(limit) => {
            let left = u64::from(limit.saturating_sub(elapsed_ms));
            let span = u64::from(MAX_POINTS - MIN_POINTS);
            MIN_POINTS + u32::try_from(span * left / u64::from(limit)).unwrap_or(0)
        }
    }
}

/// The streak bonus for the `streak`-th correct answer in a row: [`STREAK_STEP`] per answer after the
/// first, capped at [`STREAK_CAP`].
pub fn streak_bonus(streak: u32) -> u32 {
    (streak.saturating_sub(1).saturating_mul(STREAK_STEP)).min(STREAK_CAP)
}

/// One answered question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answered {
    /// The question's stable id.
    pub question: String,
    /// What the player did.
    pub response: Response,
    /// Whether it was right.
    pub correct: bool,
    /// Milliseconds taken (the limit when the time ran out).
    pub time_ms: u32,
    /// Points earned, streak bonus included.
    pub points: u32,
    /// The streak after this answer (0 after a wrong one).
    pub streak: u32,
}

/// One spaced-repetition review: a principle, whether it was answered right, and how fast.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// The principle id.
    pub principle: String,
    /// Whether the answer was right.
    pub correct: bool,
    /// Milliseconds taken.
    pub time_ms: u32,
    /// The question that produced it.
    pub question: String,
}

/// A round being played: feed it responses, read the results.
#[derive(Debug, Clone)]
pub struct Play {
    round: Round,
    limit_ms: Option<u32>,
    answered: Vec<Answered>,
    streak: u32,
}

impl Play {
    /// Starts a round; `limit_ms` is the time per question, `None` for untimed self-study.
    pub fn new(round: Round, limit_ms: Option<u32>) -> Self {
        Play {
            round,
            limit_ms,
            answered: Vec::new(),
            streak: 0,
        }
    }

    /// The round.
    pub fn round(&self) -> &Round {
        &self.round
    }

    /// The time limit per question.
    pub fn limit_ms(&self) -> Option<u32> {
        self.limit_ms
    }

    /// The question to answer now, or `None` when the round is over.
    pub fn current(&self) -> Option<&RoundItem> {
        self.round.items.get(self.answered.len())
    }

    /// Answers so far.
    pub fn answered(&self) -> &[Answered] {
        &self.answered
    }

    /// The current streak.
    pub fn streak(&self) -> u32 {
        self.streak
    }

    /// The score so far.
    pub fn score(&self) -> u32 {
        self.answered.iter().map(|a| a.points).sum()
    }

    /// Whether every question has been answered.
    pub fn is_over(&self) -> bool {
        self.current().is_none()
    }

    /// Answers the current question after `elapsed_ms`. An answer at or past the time limit counts as
    /// [`Response::TimedOut`]. Returns `None` when the round is already over.
    pub fn answer(&mut self, response: Response, elapsed_ms: u32) -> Option<&Answered> {
        let q = self.current()?.question.clone();
        let timed_out = matches!(response, Response::TimedOut)
            || self.limit_ms.is_some_and(|l| l > 0 && elapsed_ms >= l);
        let (response, time_ms) = if timed_out {
            (Response::TimedOut, self.limit_ms.unwrap_or(elapsed_ms))
        } else {
            (response, elapsed_ms)
        };
        let correct = match &response {
            Response::Pick(k) => q.is_right(k),
            Response::Order(keys) => q.is_right_order(keys),
            Response::TimedOut => false,
        };
        let points = if correct {
            self.streak += 1;
            speed_points(time_ms, self.limit_ms) + streak_bonus(self.streak)
        } else {
            self.streak = 0;
            0
        };
        self.answered.push(Answered {
            question: q.id.clone(),
            response,
            correct,
            time_ms,
            points,
            streak: self.streak,
        });
        self.answered.last()
    }

    /// The results so far (final once [`Play::is_over`]).
    pub fn results(&self) -> Results {
        let mut per_principle: BTreeMap<String, Tally> = BTreeMap::new();
        let mut reviews = Vec::new();
        let mut missed = Vec::new();
        let mut best_streak = 0;
        for (a, item) in self.answered.iter().zip(&self.round.items) {
            best_streak = best_streak.max(a.streak);
            if !a.correct {
                missed.push(item.question.id.clone());
            }
            for p in &item.question.principles {
                let t = per_principle.entry(p.clone()).or_default();
                if a.correct {
                    t.right += 1;
                } else {
                    t.wrong += 1;
                }
                reviews.push(Review {
                    principle: p.clone(),
                    correct: a.correct,
                    time_ms: a.time_ms,
                    question: a.question.clone(),
                });
            }
        }
        Results {
            score: self.score(),
            correct: self.answered.iter().filter(|a| a.correct).count(),
            total: self.round.items.len(),
            time_ms: self.answered.iter().map(|a| u64::from(a.time_ms)).sum(),
            best_streak,
            per_principle,
            missed,
            reviews,
            answers: self.answered.clone(),
        }
    }
}

/// Right and wrong answers on one principle.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Answered right.
    pub right: u32,
    /// Answered wrong or not in time.
    pub wrong: u32,
}

/// The results of a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Results {
    /// Points.
    pub score: u32,
    /// Questions answered right.
    pub correct: usize,
    /// Questions in the round.
    pub total: usize,
    /// Milliseconds spent answering.
    pub time_ms: u64,
    /// The longest run of right answers.
    pub best_streak: u32,
    /// Per principle, right and wrong.
    pub per_principle: BTreeMap<String, Tally>,
    /// Ids of questions answered wrong or not in time, in play order.
    pub missed: Vec<String>,
    /// One review per answered question and principle, for the spaced-repetition schedule.
    pub reviews: Vec<Review>,
    /// Every answer, for saving the round as an attempt.
    pub answers: Vec<Answered>,
}

// ------------------------------------------------------------------------------------------ generation

/// Fills in `{client}` and other name placeholders with the default names, in both languages.
///
/// One pass over the text, without building a pattern per name: the pool fills thousands of texts.
fn fill(s: &Scenario, t: &Text) -> Text {
    let name = |id: &str, lang: Lang| -> Option<&str> {
        if id == "client" || id == s.client.id {
            return Some(s.client.name.get(lang));
        }
        s.characters
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.get(lang))
    };
    let one = |lang: Lang| -> String {
        let text = t.get(lang);
        if !text.contains('{') {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len() + 16);
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after
                .find('}')
                .and_then(|close| Some((close, name(&after[..close], lang)?)))
            {
                Some((close, n)) => {
                    out.push_str(n);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    };
    Text::new(one(Lang::Ru), one(Lang::En))
}

/// The lines said before a decision: the node's own lines, or those of the node that continues into it.
fn context_of(s: &Scenario, node: &Node) -> Vec<Said> {
    let lines = if node.lines.is_empty() {
        s.nodes
            .iter()
            .find(|n| matches!(&n.then, Then::Continue(next) if *next == node.id))
            .map_or(&node.lines, |n| &n.lines)
    } else {
        &node.lines
    };
    lines
        .iter()
        .map(|l| Said {
            speaker: if l.speaker == SPEAKER_YOU {
                Speaker::You
            } else {
                s.speaker_name(&l.speaker)
                    .map_or(Speaker::Narrator, |n| Speaker::Named(n.clone()))
            },
            text: fill(s, &l.text),
        })
        .collect()
}

fn reply_answer(s: &Scenario, c: &Choice) -> Answer {
    Answer {
        key: c.id.clone(),
        body: Body::Reply {
            choice: c.id.clone(),
            label: fill(s, &c.label),
            say: fill(s, c.spoken()),
        },
    }
}

/// A cheap, stable hash (FNV-1a), so that distractor choice does not depend on the std hasher's seed.
fn stable_hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Three plausible distractors for `answer`: same theme and source first, then same theme, then same
/// source, never a principle the reply scores with `sign`. Ties are broken by a hash of the question id,
/// so different questions get different distractors, always the same ones for one question.
fn distractors(
    catalog: &Catalog,
    answer: &str,
    c: &Choice,
    sign: i32,
    qid: &str,
) -> Option<Vec<String>> {
    let a = catalog.principle(answer)?;
    let mut cands: Vec<(u8, u64, &str)> = catalog
        .principles
        .iter()
        .filter(|p| p.id != answer)
        .filter(|p| c.scores.get(&p.id).is_none_or(|w| w.signum() != sign))
        .filter_map(|p| {
            let rank = match (p.theme == a.theme, p.source == a.source) {
                (true, true) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (false, false) => return None,
            };
            Some((rank, stable_hash(&[qid, &p.id]), p.id.as_str()))
        })
        .collect();
    cands.sort();
    (cands.len() >= 3).then(|| cands.iter().take(3).map(|c| c.2.to_string()).collect())
}

/// The unique principle a reply scores most strongly with `sign`, or why there is none.
fn strongest(c: &Choice, sign: i32) -> Result<Option<&str>, SkipReason> {
    let mut best: Option<(i32, &str)> = None;
    let mut tie = false;
    for (p, w) in &c.scores {
        let v = w * sign;
        if v <= 0 {
            continue;
        }
        match best {
            Some((b, _)) if v < b => {}
            Some((b, _)) if v == b => tie = true,
            _ => {
                best = Some((v, p));
                tie = false;
            }
        }
    }
    if tie {
        Err(SkipReason::AmbiguousMax)
    } else {
        Ok(best.map(|b| b.1))
    }
}

/// Distinct run states at each decision node, shortest route first, at most [`ARRIVALS`] per node.
///
/// Only the visited nodes that some condition tests are kept in the states: the others cannot change
/// what is offered or what is still reachable, and dropping them keeps the states small and makes
/// routes that differ only there count as one arrival.
fn arrivals(s: &Scenario) -> HashMap<&str, Vec<State>> {
    let tested: BTreeSet<&str> = s
        .choices()
        .flat_map(|(_, c)| c.when.iter())
        .filter_map(|cond| match cond {
            super::model::Condition::Visited(n) | super::model::Condition::NotVisited(n) => {
                Some(n.as_str())
            }
            _ => None,
        })
        .collect();
    let prune = |st: &mut State| {
        if !tested.contains(st.node.as_str()) {
            let node = st.node.clone();
            st.visited.remove(&node);
        }
    };
    let index: HashMap<&str, &Node> = s.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let mut out: HashMap<&str, Vec<State>> = HashMap::new();
    let mut seen: std::collections::HashSet<State> = std::collections::HashSet::new();
    let mut first = State::initial(s);
    prune(&mut first);
    let mut queue = VecDeque::from([first]);
    let mut visits: HashMap<&str, usize> = HashMap::new();
    let budget = s.nodes.len() * ARRIVALS * 8 + 64;
    let mut steps = 0;
    while let Some(st) = queue.pop_front() {
        steps += 1;
        if steps > budget {
            break;
        }
        let Some(node) = index.get(st.node.as_str()).copied() else {
            continue;
        };
        let n = visits.entry(node.id.as_str()).or_default();
        if *n >= ARRIVALS {
            continue;
        }
        *n += 1;
        match &node.then {
            Then::End(_) => {}
            Then::Continue(next) => {
                let mut nx = st.clone();
                nx.enter(next);
                prune(&mut nx);
                if seen.insert(nx.clone()) {
                    queue.push_back(nx);
                }
            }
            Then::Choices(cs) => {
                // By id, not file order, so that the arrivals kept do not change when choices move.
                let mut offered: Vec<&Choice> = cs.iter().filter(|c| st.offers(node, c)).collect();
                offered.sort_by(|a, b| a.id.cmp(&b.id));
                for c in offered {
                    let mut nx = st.clone();
                    nx.apply(node, c);
                    prune(&mut nx);
                    if seen.insert(nx.clone()) {
                        queue.push_back(nx);
                    }
                }
                out.entry(node.id.as_str()).or_default().push(st);
            }
        }
    }
    out
}

/// Every question one scenario yields, and the skipped candidates.
pub fn generate(s: &Scenario, analysis: &Analysis, catalog: &Catalog, pool: &mut Pool) {
    let title = Some(s.title.clone());
    let at = arrivals(s);
    let skip = |pool: &mut Pool, id: String, kind: Kind, reason: SkipReason| {
        pool.skipped.push(Skipped {
            id,
            kind,
            scenario: s.id.clone(),
            reason,
        });
    };
    for node in &s.nodes {
        let Then::Choices(cs) = &node.then else {
            continue;
        };
        let context = context_of(s, node);
        let base = |kind: Kind, id: String| Question {
            id,
            kind,
            scenario: Some(s.id.clone()),
            scenario_title: title.clone(),
            node: Some(node.id.clone()),
            context: context.clone(),
            reply: None,
            statement: None,
            answers: Vec::new(),
            right: String::new(),
            order: Vec::new(),
            principles: Vec::new(),
            explanation: Explanation::default(),
        };
        let sources_of = |ps: &[String]| -> Vec<String> {
            let set: BTreeSet<String> = ps
                .iter()
                .filter_map(|p| catalog.principle(p).map(|x| x.source.clone()))
                .collect();
            set.into_iter().collect()
        };

        // Each reply's texts, filled once: several questions show the same reply.
        let prepared: HashMap<&str, (Answer, Text)> = cs
            .iter()
            .map(|c| (c.id.as_str(), (reply_answer(s, c), fill(s, &c.feedback))))
            .collect();
        // Per reply: which principle it upholds / breaks, and true/false.
        for c in cs {
            let (answer, feedback) = &prepared[c.id.as_str()];
            let Body::Reply { say: said, .. } = &answer.body else {
                continue;
            };
            for (kind, sign) in [(Kind::Upholds, 1), (Kind::Breaks, -1)] {
                let id = format!("{}/{}/{}/{}", s.id, node.id, c.id, kind.code());
                let answer = match strongest(c, sign) {
                    Ok(Some(p)) => p,
                    Ok(None) => continue,
                    Err(r) => {
                        skip(pool, id, kind, r);
                        continue;
                    }
                };
                let Some(others) = distractors(catalog, answer, c, sign, &id) else {
                    skip(pool, id, kind, SkipReason::NotEnoughDistractors);
                    continue;
                };
                let mut q = base(kind, id);
                q.reply = Some(said.clone());
                q.answers = std::iter::once(answer.to_string())
                    .chain(others)
                    .map(|p| Answer {
                        key: p.clone(),
                        body: Body::Principle(p),
                    })
                    .collect();
                q.right = answer.to_string();
                q.principles = vec![answer.to_string()];
                q.explanation = Explanation {
                    feedback: Some(feedback.clone()),
                    text: None,
                    principles: vec![answer.to_string()],
                    sources: sources_of(&q.principles),
                    cases: s.cases.clone(),
                };
                pool.questions.push(q);
            }
            for (truth, sign) in [(true, 1), (false, -1)] {
                let Ok(Some(p)) = strongest(c, sign) else {
                    continue;
                };
                let id = format!("{}/{}/{}/tf-{}", s.id, node.id, c.id, p);
                let mut q = base(Kind::TrueFalse, id);
                q.reply = Some(said.clone());
                q.statement = Some(Statement::Upholds(p.to_string()));
                q.answers = vec![
                    Answer {
                        key: "true".into(),
                        body: Body::Verdict(true),
                    },
                    Answer {
                        key: "false".into(),
                        body: Body::Verdict(false),
                    },
                ];
                q.right = truth.to_string();
                q.principles = vec![p.to_string()];
                q.explanation = Explanation {
                    feedback: Some(feedback.clone()),
                    text: None,
                    principles: vec![p.to_string()],
                    sources: sources_of(&q.principles),
                    cases: s.cases.clone(),
                };
                pool.questions.push(q);
            }
        }

        // Per decision: the best reply, and the order of the replies.
        let best_id = format!("{}/{}/best", s.id, node.id);
        let order_id = format!("{}/{}/order", s.id, node.id);
        let Some(states) = at.get(node.id.as_str()) else {
            skip(pool, best_id, Kind::BestReply, SkipReason::Unreachable);
            skip(pool, order_id, Kind::Order, SkipReason::Unreachable);
            continue;
        };
        // Per arrival: the offered replies with their values, best first.
        let ranked: Vec<Vec<(i64, &Choice)>> = states
            .iter()
            .map(|st| {
                let mut v: Vec<(i64, &Choice)> = cs
                    .iter()
                    .filter(|c| st.offers(node, c))
                    .map(|c| {
                        let mut nx = st.clone();
                        nx.apply(node, c);
                        let rest = analysis.best_from(s, &nx).map_or(-1_000_000, i64::from);
                        (i64::from(c.total()) + rest, c)
                    })
                    .collect();
                v.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
                v
            })
            .collect();
        let ids = |v: &Vec<(i64, &Choice)>| v.iter().map(|x| x.1.id.clone()).collect::<Vec<_>>();
        let same_offer = ranked.windows(2).all(|w| {
            let a: BTreeSet<String> = ids(&w[0]).into_iter().collect();
            let b: BTreeSet<String> = ids(&w[1]).into_iter().collect();
            a == b
        });
        let first = &ranked[0];
        let distinct_text = {
            let texts: BTreeSet<&str> = first.iter().map(|x| x.1.spoken().en.as_str()).collect();
            texts.len() == first.len()
        };
        let best_verdict = if first.len() < 3 {
            Err(SkipReason::TooFewReplies)
        } else if !same_offer {
            Err(SkipReason::DependsOnPath)
        } else if !distinct_text {
            Err(SkipReason::DuplicateOptions)
        } else {
            ranked
                .iter()
                .map(|v| {
                    let gap = v[0].0 - v[1].0;
                    if gap == 0 {
                        Err(SkipReason::Tie)
                    } else if gap < BEST_MARGIN {
                        Err(SkipReason::SmallMargin)
                    } else {
                        Ok(v[0].1.id.clone())
                    }
                })
                .try_fold(None::<String>, |acc, r| {
                    let b = r?;
                    match acc {
                        Some(a) if a != b => Err(SkipReason::DependsOnPath),
                        _ => Ok(Some(b)),
                    }
                })
        };
        let order_verdict = if first.len() < 3 {
            Err(SkipReason::TooFewReplies)
        } else if !same_offer {
            Err(SkipReason::DependsOnPath)
        } else if !distinct_text {
            Err(SkipReason::DuplicateOptions)
        } else if ranked
            .iter()
            .any(|v| v.windows(2).any(|w| w[0].0 - w[1].0 < ORDER_MARGIN))
        {
            Err(SkipReason::Tie)
        } else if ranked.windows(2).any(|w| ids(&w[0]) != ids(&w[1])) {
            Err(SkipReason::DependsOnPath)
        } else {
            Ok(ids(first))
        };
        let best_choice = first.first().map(|x| x.1);
        let best_principles = |c: &Choice| -> Vec<String> {
            let up: Vec<String> = c
                .scores
                .iter()
                .filter(|(_, w)| **w > 0)
                .map(|(p, _)| p.clone())
                .collect();
            if up.is_empty() {
                c.scores.keys().cloned().collect()
            } else {
                up
            }
        };
        match best_verdict {
            Ok(Some(best)) => {
                let mut q = base(Kind::BestReply, best_id);
                q.answers = cs
                    .iter()
                    .filter(|c| first.iter().any(|x| x.1.id == c.id))
                    .map(|c| prepared[c.id.as_str()].0.clone())
                    .collect();
                if let Some(c) = best_choice {
                    q.principles = best_principles(c);
                    q.explanation = Explanation {
                        feedback: Some(prepared[c.id.as_str()].1.clone()),
                        text: None,
                        principles: q.principles.clone(),
                        sources: sources_of(&q.principles),
                        cases: s.cases.clone(),
                    };
                }
                q.right = best;
                pool.questions.push(q);
            }
            Ok(None) => {}
            Err(r) => skip(pool, best_id, Kind::BestReply, r),
        }
        match order_verdict {
            Ok(order) => {
                let mut q = base(Kind::Order, order_id);
                q.answers = cs
                    .iter()
                    .filter(|c| order.contains(&c.id))
                    .map(|c| prepared[c.id.as_str()].0.clone())
                    .collect();
                if let Some(c) = best_choice {
                    q.principles = best_principles(c);
                    q.explanation = Explanation {
                        feedback: Some(prepared[c.id.as_str()].1.clone()),
                        text: None,
                        principles: q.principles.clone(),
                        sources: sources_of(&q.principles),
                        cases: s.cases.clone(),
                    };
                }
                q.right = order.join(">");
                q.order = order;
                pool.questions.push(q);
            }
            Err(r) => skip(pool, order_id, Kind::Order, r),
        }
    }
}

// ------------------------------------------------------------------------------ hand-written questions

/// `scenarios/quiz.ron`: the hand-written questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Quiz")]
pub struct QuizFile {
    /// The questions.
    pub questions: Vec<Written>,
}

/// What a hand-written question is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Topic {
    /// What a principle asks.
    Principle,
    /// What happened in a case of the sources.
    Case,
    /// Which principle a short situation calls for.
    Situation,
}

/// A hand-written question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Question")]
pub struct Written {
    /// Stable id, unique in the file.
    pub id: String,
    /// What it is about.
    pub topic: Topic,
    /// The principles it reviews (ids from `principles.ron`); the first is the main one.
    pub principles: Vec<String>,
    /// The cases it draws on (ids from `cases.ron`).
    #[serde(default)]
    pub cases: Vec<String>,
    /// The question.
    pub prompt: Text,
    /// Two to four options; exactly one has `right: true`.
    pub options: Vec<WrittenOption>,
    /// Why the right answer is right.
    pub explanation: Text,
}

/// An option of a hand-written question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Answer")]
pub struct WrittenOption {
    /// What the option says.
    pub text: Text,
    /// Whether this is the right answer.
    #[serde(default)]
    pub right: bool,
}

impl Written {
    /// The question as the quiz shows it. Option keys are their 1-based numbers in the file.
    pub fn to_question(&self, catalog: &Catalog, cases: &CaseCatalog) -> Question {
        let answers: Vec<Answer> = self
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| Answer {
                key: (i + 1).to_string(),
                body: Body::Text(o.text.clone()),
            })
            .collect();
        let right = self
            .options
            .iter()
            .position(|o| o.right)
            .map_or_else(String::new, |i| (i + 1).to_string());
        let mut sources: BTreeSet<String> = self
            .principles
            .iter()
            .filter_map(|p| catalog.principle(p).map(|x| x.source.clone()))
            .collect();
        sources.extend(self.cases.iter().filter_map(|c| {
            cases
                .cases
                .iter()
                .find(|k| &k.id == c)
                .map(|k| k.source.clone())
        }));
        Question {
            id: format!("quiz/{}", self.id),
            kind: Kind::Written,
            scenario: None,
            scenario_title: None,
            node: None,
            context: Vec::new(),
            reply: None,
            statement: Some(Statement::Prompt(self.prompt.clone())),
            answers,
            right,
            order: Vec::new(),
            principles: self.principles.clone(),
            explanation: Explanation {
                feedback: None,
                text: Some(self.explanation.clone()),
                principles: self.principles.clone(),
                sources: sources.into_iter().collect(),
                cases: self.cases.clone(),
            },
        }
    }
}

/// Parses and checks `quiz.ron`. Questions with errors are left out of the returned list, so that one
/// broken question does not take the quiz down; every finding is located in the file.
pub fn load_quiz(
    file: &str,
    source: &str,
    catalog: &Catalog,
    cases: &CaseCatalog,
) -> (Vec<Written>, Vec<Diagnostic>) {
    let parsed: QuizFile = match super::load::parse_quiz(file, source) {
        Ok(q) => q,
        Err(d) => return (Vec::new(), vec![*d]),
    };
    let mut diags = Vec::new();
    let mut ok = Vec::new();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut covered: BTreeSet<&str> = BTreeSet::new();
    let root = spans::parse(source);
    let questions = root.as_ref().and_then(|r| r.field("questions"));
    let top = Position { line: 1, col: 1 };
    let at = |v: Option<&Spanned>| v.map_or(top, |v| position_of_offset(source, v.start));
    for (qi, q) in parsed.questions.iter().enumerate() {
        let span = questions.and_then(|l| l.item(qi));
        let field = |name: &str| span.and_then(|v| v.field(name));
        let pos = at(field("id").or(span));
        let before = diags.len();
        let err =
            |code: Code, pos: Position| Diagnostic::new(Severity::Error, code, file, source, pos);
        let mut found = Vec::new();
        if let Some(line) = seen.insert(&q.id, pos.line) {
            found.push(
                err(Code::DuplicateId, pos)
                    .arg("what", "question")
                    .arg("id", q.id.as_str())
                    .arg("node", format!("line {line}"))
                    .arg("choice", ""),
            );
        }
        if q.principles.is_empty() {
            found.push(
                err(Code::NoPrinciple, at(field("principles").or(span))).arg("id", q.id.as_str()),
            );
        }
        for (i, p) in q.principles.iter().enumerate() {
            if catalog.principle(p).is_none() {
                let near = catalog
                    .principles
                    .iter()
                    .map(|x| (super::load::edit_distance(p, &x.id), x.id.as_str()))
                    .min();
                let hint = match near {
                    Some((d, id)) if d <= 3 => id.to_string(),
                    _ => String::new(),
                };
                let place = field("principles").and_then(|l| l.item(i));
                found.push(
                    err(Code::UnknownPrinciple, at(place))
                        .arg("principle", p.as_str())
                        .arg("hint", hint),
                );
            } else {
                covered.insert(p);
            }
        }
        for (i, c) in q.cases.iter().enumerate() {
            if !cases.cases.iter().any(|k| &k.id == c) {
                let place = field("cases").and_then(|l| l.item(i));
                found.push(
                    err(Code::UnknownCase, at(place))
                        .arg("case", c.as_str())
                        .arg("missing", "no")
                        .arg("hint", ""),
                );
            }
        }
        let options_at = at(field("options").or(span));
        if !(2..=4).contains(&q.options.len()) {
            found.push(
                err(Code::OptionCount, options_at)
                    .arg("id", q.id.as_str())
                    .arg("n", q.options.len()),
            );
        }
        let rights = q.options.iter().filter(|o| o.right).count();
        if rights != 1 {
            found.push(
                err(Code::RightAnswer, options_at)
                    .arg("id", q.id.as_str())
                    .arg("n", rights),
            );
        }
        for lang in Lang::ALL {
            let mut texts: Vec<(&str, usize, &Text, Option<&Spanned>)> = vec![
                ("quiz-prompt", 0, &q.prompt, field("prompt")),
                ("quiz-explanation", 0, &q.explanation, field("explanation")),
            ];
            texts.extend(q.options.iter().enumerate().map(|(i, o)| {
                let place = field("options")
                    .and_then(|l| l.item(i))
                    .and_then(|o| o.field("text"));
                ("quiz-option", i + 1, &o.text, place)
            }));
            for (what, n, t, place) in texts {
                if !t.has(lang) {
                    found.push(
                        err(Code::MissingTranslation, at(place))
                            .arg("what", what)
                            .arg("node", q.id.as_str())
                            .arg("choice", "")
                            .arg("line", n)
                            .arg("lang", lang.code()),
                    );
                }
            }
            let distinct: BTreeSet<&str> =
                q.options.iter().map(|o| o.text.get(lang).trim()).collect();
            if distinct.len() != q.options.len() {
                found.push(
                    err(Code::DuplicateOption, options_at)
                        .arg("id", q.id.as_str())
                        .arg("lang", lang.code()),
                );
            }
        }
        diags.extend(found);
        if diags.len() == before {
            ok.push(q.clone());
        }
    }
    let missing: Vec<String> = catalog
        .principles
        .iter()
        .filter(|p| !covered.contains(p.id.as_str()))
        .map(|p| format!("`{}`", p.id))
        .collect();
    if !missing.is_empty() {
        diags.push(
            Diagnostic::new(Severity::Warning, Code::QuizCoverage, file, source, top)
                .arg("n", missing.len())
                .arg("missing", missing.join(", ")),
        );
    }
    (ok, diags)
}

// ------------------------------------------------------------------------------------------ check report

/// What `client-first check` says about the quiz, per scenario.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ScenarioYield {
    /// The scenario id.
    pub scenario: String,
    /// Questions made, per kind.
    pub made: BTreeMap<Kind, usize>,
    /// Candidates skipped, with why.
    pub skipped: Vec<Skipped>,
}

/// The quiz part of the check report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct QuizCheck {
    /// One entry per playable scenario, in learning-path order.
    pub scenarios: Vec<ScenarioYield>,
    /// The number of hand-written questions that loaded.
    pub written: usize,
    /// The pool size per kind.
    pub totals: BTreeMap<Kind, usize>,
}

/// Builds the pool of a library and sums it up per scenario.
pub fn check_report(lib: &Library) -> QuizCheck {
    let pool = Pool::build(lib);
    let scenarios = lib
        .scenarios
        .iter()
        .map(|l| {
            let id = &l.scenario.id;
            let mut made: BTreeMap<Kind, usize> = BTreeMap::new();
            for q in pool
                .questions
                .iter()
                .filter(|q| q.scenario.as_ref() == Some(id))
            {
                *made.entry(q.kind).or_default() += 1;
            }
            ScenarioYield {
                scenario: id.clone(),
                made,
                skipped: pool
                    .skipped
                    .iter()
                    .filter(|k| &k.scenario == id)
                    .cloned()
                    .collect(),
            }
        })
        .collect();
    QuizCheck {
        scenarios,
        written: lib.quiz.len(),
        totals: pool.counts(),
    }
}

impl SkipReason {
    /// The Fluent id that names the reason (`assets/i18n/*/quiz.ftl`).
    pub fn message_id(self) -> &'static str {
        match self {
            SkipReason::AmbiguousMax => "quiz-skip-ambiguous-max",
            SkipReason::NotEnoughDistractors => "quiz-skip-distractors",
            SkipReason::Tie => "quiz-skip-tie",
            SkipReason::SmallMargin => "quiz-skip-margin",
            SkipReason::TooFewReplies => "quiz-skip-few-replies",
            SkipReason::DependsOnPath => "quiz-skip-path",
            SkipReason::Unreachable => "quiz-skip-unreachable",
            SkipReason::DuplicateOptions => "quiz-skip-duplicate",
        }
    }
}
