//! The quiz's models: the menu of rounds, a question with its four answer tiles and countdown, the
//! explanation after an answer, and the results of a round. No egui here: the headless tests and the
//! keys read the same targets the views draw.
//!
//! Every word comes from the catalog (`assets/i18n/*/quiz.ftl`) or the library; every figure (points,
//! streaks, right and wrong) comes from the engine's [`Play`](crate::engine::quiz::Play).

use crate::engine::library::Library;
use crate::engine::model::Theme;
use crate::engine::quiz::{
    Answered, Body, Kind, Question, Response, RoundItem, Speaker, Statement, TF_STATEMENT_ID,
    streak_bonus,
};
use crate::engine::text::Lang;
use crate::game::activities::quiz::{ActiveQuiz, FinishedQuiz};
use crate::game::core::settings::Mode;
use crate::game::core::{Action, DialogueAction, QuizAction, QuizRound, Screen, Target};
use crate::game::i18n;
use crate::i18n::{Args, tr, tra};

/// The themes in the order the menu lists them.
pub const THEMES: [Theme; 6] = [
    Theme::Empathy,
    Theme::Solutions,
    Theme::Honesty,
    Theme::Respect,
    Theme::Process,
    Theme::Team,
];

/// The quiz menu's model: the kinds of round, the timing and the style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuView {
    /// Interface language.
    pub lang: Lang,
    /// Coach or exam, as the settings say.
    pub mode: Mode,
    /// Timed questions or untimed self-study.
    pub timed: bool,
    /// The five sources: (id, title).
    pub sources: Vec<(String, String)>,
    /// The themes: (theme, name).
    pub themes: Vec<(Theme, String)>,
}

impl MenuView {
    /// The menu over `library`'s sources.
    pub fn new(lang: Lang, library: &Library, mode: Mode, timed: bool) -> MenuView {
        MenuView {
            lang,
            mode,
            timed,
            sources: library
                .catalog
                .sources
                .iter()
                .map(|s| (s.id.clone(), s.title.get(lang).to_string()))
                .collect(),
            themes: THEMES
                .iter()
                .map(|t| (*t, crate::i18n::labels::theme(lang, *t)))
                .collect(),
        }
    }

    /// The label of the timing switch: what the next round will be.
    pub fn timing_label(&self) -> String {
        if self.timed {
            tra(
                self.lang,
                "quiz-timed",
                &Args::new().num("seconds", crate::engine::quiz::TIME_LIMIT_MS / 1000),
            )
        } else {
            tr(self.lang, "quiz-untimed")
        }
    }

    /// The label of the style switch: coach or exam.
    pub fn style_label(&self) -> String {
        match self.mode {
            Mode::Coach => tr(self.lang, "quiz-style-coach"),
            Mode::Exam => tr(self.lang, "quiz-style-exam"),
        }
    }

    /// The targets, top to bottom: daily practice, each source, each theme, mixed, the timing and
    /// style switches, and back to the main menu.
    pub fn targets(&self) -> Vec<Target> {
        let lang = self.lang;
        let mut t = vec![Target::new(
            QuizAction::Start(QuizRound::Daily),
            tr(lang, "quiz-round-daily"),
        )];
        t.extend(self.sources.iter().map(|(id, title)| {
            Target::new(QuizAction::Start(QuizRound::Source(id.clone())), title)
        }));
        t.extend(
            self.themes.iter().map(|(theme, name)| {
                Target::new(QuizAction::Start(QuizRound::Theme(*theme)), name)
            }),
        );
        t.extend([
            Target::new(
                QuizAction::Start(QuizRound::Mixed),
                tr(lang, "quiz-round-mixed"),
            ),
            Target::new(QuizAction::ToggleTimed, self.timing_label()),
            Target::new(Action::ToggleMode, self.style_label()),
            Target::new(Action::Goto(Screen::Title), i18n::MENU.get(lang)),
        ]);
        t
    }
}

/// The shape drawn on an answer tile, so that no answer is told apart by colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// The first tile.
    Triangle,
    /// The second tile.
    Diamond,
    /// The third tile.
    Circle,
    /// The fourth tile.
    Square,
}

impl Shape {
    /// The shapes in tile order.
    pub const ALL: [Shape; 4] = [
        Shape::Triangle,
        Shape::Diamond,
        Shape::Circle,
        Shape::Square,
    ];
}

/// One answer tile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tile {
    /// Its place, 0-based: the colour and shape.
    pub index: usize,
    /// The keys that pick it: "1 · A".
    pub keys: String,
    /// Its shape.
    pub shape: Shape,
    /// What it says.
    pub label: String,
    /// While an order is being built: its place in it (1 = best). After an ordering question: its
    /// right place.
    pub place: Option<usize>,
    /// After the answer: `Some(true)` on the right answer (or a reply put in its right place),
    /// `Some(false)` on a wrong pick (or a reply put in a wrong place).
    pub verdict: Option<bool>,
}

/// A line said before the question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Who says it; empty for stage directions.
    pub speaker: String,
    /// What is said.
    pub text: String,
    /// Said by the trainee.
    pub you: bool,
}

/// A principle behind an answer: what it asks and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrincipleNote {
    /// Title.
    pub title: String,
    /// What it asks.
    pub description: String,
    /// "Source: title, point N".
    pub source: String,
}

/// How an answer went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Right.
    Correct,
    /// Wrong.
    Wrong,
    /// The time ran out.
    TimeUp,
}

/// The explanation of an answered question: right or wrong, the points, the right answer and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExplanationView {
    /// How it went.
    pub verdict: Verdict,
    /// "Correct!", "Not quite", "Time's up".
    pub headline: String,
    /// "+870 points", for a right answer.
    pub points: Option<String>,
    /// "Streak: 3 · Streak bonus +200", while a streak runs.
    pub streak: Option<String>,
    /// The player's answer, when it was wrong: "Your answer: …".
    pub yours: Option<String>,
    /// "The right answer: …".
    pub right: String,
    /// The reply's own feedback from the scenario.
    pub feedback: Option<String>,
    /// A hand-written explanation.
    pub text: Option<String>,
    /// The principles behind the answer.
    pub principles: Vec<PrincipleNote>,
    /// The source texts of its cases that no principle above names: "Source: …".
    pub sources: Vec<String>,
    /// The real cases it draws on: "Case: …".
    pub cases: Vec<String>,
    /// "From the scenario “…”".
    pub scenario: Option<String>,
}

/// The countdown of a timed question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Countdown {
    /// Milliseconds left.
    pub left_ms: u32,
    /// The time per question.
    pub limit_ms: u32,
    /// "12 s", or "Time's up".
    pub label: String,
}

/// What the question screen offers now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    /// The tiles wait for an answer.
    Answering,
    /// Coach style: the explanation of the answer just given.
    Explained(Box<ExplanationView>),
}

/// The question screen's model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionView {
    /// Interface language.
    pub lang: Lang,
    /// "Question 3 of 10".
    pub progress: String,
    /// The question's place, from 1.
    pub number: usize,
    /// Points so far: "1850 points".
    pub score: String,
    /// "Streak: 3", while a streak runs.
    pub streak: Option<String>,
    /// Exam style: no explanations until the results.
    pub exam: bool,
    /// What it asks.
    pub kind: Kind,
    /// The scenario it comes from: "From the scenario “…”".
    pub scenario: Option<String>,
    /// What was said before the decision.
    pub context: Vec<Line>,
    /// The reply the question is about.
    pub reply: Option<String>,
    /// The question itself: "Which principle does this reply uphold?", a true/false statement or a
    /// hand-written prompt.
    pub prompt: String,
    /// The answer tiles in the order shown.
    pub tiles: Vec<Tile>,
    /// The countdown of a timed question, while it waits for an answer.
    pub countdown: Option<Countdown>,
    /// The key hint.
    pub hint: String,
    /// Whether an ordering question has replies to take back.
    pub can_undo: bool,
    /// Answering, or the explanation.
    pub phase: Phase,
}

/// The text of option `key` of `q`.
pub(crate) fn option_text(q: &Question, key: &str, library: &Library, lang: Lang) -> String {
    let Some(a) = q.answer(key) else {
        return key.to_string();
    };
    match &a.body {
        Body::Verdict(true) => tr(lang, "quiz-true"),
        Body::Verdict(false) => tr(lang, "quiz-false"),
        _ => a.text(&library.catalog, lang).unwrap_or_default(),
    }
}

/// An order of options as one line: "1. … · 2. … · 3. …".
fn order_text(q: &Question, keys: &[String], library: &Library, lang: Lang) -> String {
    keys.iter()
        .enumerate()
        .map(|(i, k)| format!("{}. {}", i + 1, option_text(q, k, library, lang)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The question itself in words.
pub(crate) fn prompt(q: &Question, library: &Library, lang: Lang) -> String {
    match &q.statement {
        Some(Statement::Prompt(t)) => t.get(lang).to_string(),
        Some(Statement::Upholds(p)) => format!(
            "{} {}",
            tr(lang, q.kind.prompt_id()),
            tra(
                lang,
                TF_STATEMENT_ID,
                &Args::new().str("principle", library.catalog.principle_title(p, lang)),
            )
        ),
        None => tr(lang, q.kind.prompt_id()),
    }
}

/// A reply in quotation marks, after "The reply:".
pub(crate) fn reply_line(q: &Question, lang: Lang) -> Option<String> {
    q.reply.as_ref().map(|r| {
        format!(
            "{}: {}",
            tr(lang, "quiz-the-reply"),
            super::quoted(r.get(lang), lang)
        )
    })
}

/// "From the scenario “…”".
pub(crate) fn scenario_line(q: &Question, lang: Lang) -> Option<String> {
    q.scenario_title.as_ref().map(|t| {
        tra(
            lang,
            "quiz-scenario",
            &Args::new().str("scenario", t.get(lang).to_string()),
        )
    })
}

/// What was said before the decision a question comes from.
pub(crate) fn context_lines(q: &Question, lang: Lang) -> Vec<Line> {
    q.context
        .iter()
        .map(|s| Line {
            speaker: match &s.speaker {
                Speaker::You => tr(lang, "speaker-you"),
                Speaker::Named(n) => n.get(lang).to_string(),
                Speaker::Narrator => String::new(),
            },
            text: s.text.get(lang).to_string(),
            you: s.speaker == Speaker::You,
        })
        .collect()
}

/// "Source: title, point N" for a principle.
fn principle_source(library: &Library, id: &str, lang: Lang) -> String {
    library
        .catalog
        .principle(id)
        .and_then(|p| {
            let s = library.catalog.source(&p.source)?;
            let point = i18n::SOURCE_POINT.with(lang, p.point);
            Some(tra(
                lang,
                "quiz-source",
                &Args::new().str("source", format!("{}, {point}", s.title.get(lang))),
            ))
        })
        .unwrap_or_default()
}

impl ExplanationView {
    /// The explanation of `answered`, the answer to `q`.
    pub fn new(
        q: &Question,
        answered: &Answered,
        library: &Library,
        lang: Lang,
    ) -> ExplanationView {
        let verdict = match (&answered.response, answered.correct) {
            (Response::TimedOut, _) => Verdict::TimeUp,
            (_, true) => Verdict::Correct,
            (_, false) => Verdict::Wrong,
        };
        let headline = tr(
            lang,
            match verdict {
                Verdict::Correct => "quiz-correct",
                Verdict::Wrong => "quiz-wrong",
                Verdict::TimeUp => "quiz-time-up",
            },
        );
        let bonus = streak_bonus(answered.streak);
        let streak = (answered.streak > 1).then(|| {
            let mut s = tra(lang, "quiz-streak", &Args::new().num("n", answered.streak));
            if bonus > 0 {
                s.push_str(" · ");
                s.push_str(&tra(
                    lang,
                    "quiz-streak-bonus",
                    &Args::new().num("n", bonus),
                ));
            }
            s
        });
        let right = if q.kind == Kind::Order {
            order_text(q, &q.order, library, lang)
        } else {
            option_text(q, &q.right, library, lang)
        };
        let yours = match (&answered.response, answered.correct) {
            (Response::Pick(k), false) => Some(option_text(q, k, library, lang)),
            (Response::Order(keys), false) => Some(order_text(q, keys, library, lang)),
            _ => None,
        }
        .map(|a| tra(lang, "quiz-your-answer", &Args::new().str("answer", a)));
        let principles: Vec<PrincipleNote> = q
            .explanation
            .principles
            .iter()
            .map(|id| PrincipleNote {
                title: library.catalog.principle_title(id, lang),
                description: library
                    .catalog
                    .principle(id)
                    .map(|p| p.description.get(lang).to_string())
                    .unwrap_or_default(),
                source: principle_source(library, id, lang),
            })
            .collect();
        let named: std::collections::BTreeSet<&str> = q
            .explanation
            .principles
            .iter()
            .filter_map(|id| library.catalog.principle(id).map(|p| p.source.as_str()))
            .collect();
        ExplanationView {
            verdict,
            headline,
            points: answered.correct.then(|| {
                tra(
                    lang,
                    "quiz-points-won",
                    &Args::new().num("n", answered.points),
                )
            }),
            streak,
            yours,
            right: tra(lang, "quiz-right-answer", &Args::new().str("answer", right)),
            feedback: q
                .explanation
                .feedback
                .as_ref()
                .map(|t| t.get(lang).to_string()),
            text: q.explanation.text.as_ref().map(|t| t.get(lang).to_string()),
            principles,
            sources: q
                .explanation
                .sources
                .iter()
                .filter(|s| !named.contains(s.as_str()))
                .filter_map(|s| library.catalog.source(s))
                .map(|s| {
                    tra(
                        lang,
                        "quiz-source",
                        &Args::new().str("source", s.title.get(lang).to_string()),
                    )
                })
                .collect(),
            cases: q
                .explanation
                .cases
                .iter()
                .map(|c| {
                    let title = library
                        .cases
                        .cases
                        .iter()
                        .find(|k| &k.id == c)
                        .map_or_else(|| c.clone(), |k| k.title.get(lang).to_string());
                    tra(lang, "quiz-case", &Args::new().str("case", title))
                })
                .collect(),
            scenario: scenario_line(q, lang),
        }
    }
}

/// The keys that pick tile `i`: "1 · A".
fn tile_keys(i: usize) -> String {
    let letter = char::from(b'A' + u8::try_from(i % 26).unwrap_or(0));
    format!("{} · {letter}", i + 1)
}

/// The tiles of `item`, marked with the order being built or, once answered, with the verdict.
fn tiles(
    item: &RoundItem,
    ordering: &[String],
    answered: Option<&Answered>,
    library: &Library,
    lang: Lang,
) -> Vec<Tile> {
    let q = &item.question;
    item.shown
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let right_place = q.order.iter().position(|k| k == key).map(|p| p + 1);
            let (place, verdict) = match answered {
                None => (ordering.iter().position(|k| k == key).map(|p| p + 1), None),
                Some(a) => match &a.response {
                    Response::Order(keys) => (
                        right_place,
                        Some(keys.iter().position(|k| k == key).map(|p| p + 1) == right_place),
                    ),
                    Response::Pick(k) if q.kind != Kind::Order => {
                        let verdict = if q.right == *key {
                            Some(true)
                        } else if k == key {
                            Some(false)
                        } else {
                            None
                        };
                        (None, verdict)
                    }
                    // An ordering question that ran out shows the right order.
                    Response::TimedOut if q.kind == Kind::Order => (right_place, None),
                    _ => (None, (q.right == *key).then_some(true)),
                },
            };
            Tile {
                index: i,
                keys: tile_keys(i),
                shape: Shape::ALL[i % Shape::ALL.len()],
                label: option_text(q, key, library, lang),
                place,
                verdict,
            }
        })
        .collect()
}

impl QuestionView {
    /// The question on screen in a round in progress, or the explanation of the one just answered.
    pub fn new(active: &ActiveQuiz, library: &Library, lang: Lang) -> Option<QuestionView> {
        let play = &active.play;
        let items = &play.round().items;
        let (index, answered) = match active.feedback {
            Some(i) => (i, play.answered().get(i)),
            None => (play.answered().len(), None),
        };
        let item = items.get(index)?;
        let q = &item.question;
        let phase = match answered {
            Some(a) => Phase::Explained(Box::new(ExplanationView::new(q, a, library, lang))),
            None => Phase::Answering,
        };
        let context = context_lines(q, lang);
        let countdown = play
            .limit_ms()
            .zip(active.left_ms())
            .map(|(limit, left)| Countdown {
                left_ms: left,
                limit_ms: limit,
                label: if left == 0 {
                    tr(lang, "quiz-time-up")
                } else {
                    tra(
                        lang,
                        "quiz-countdown",
                        &Args::new().num("seconds", left.div_ceil(1000)),
                    )
                },
            });
        let hint = tr(
            lang,
            match (&phase, q.kind) {
                (Phase::Explained(_), _) => "quiz-keys-next",
                (Phase::Answering, Kind::Order) => "quiz-keys-order",
                (Phase::Answering, _) => "quiz-keys-answer",
            },
        );
        let streak = play.streak();
        Some(QuestionView {
            lang,
            progress: tra(
                lang,
                "quiz-question-of",
                &Args::new()
                    .num("n", (index + 1) as f64)
                    .num("total", items.len() as f64),
            ),
            number: index + 1,
            score: tra(
                lang,
                "quiz-results-points",
                &Args::new().num("n", play.score()),
            ),
            streak: (streak > 1).then(|| tra(lang, "quiz-streak", &Args::new().num("n", streak))),
            exam: active.style == Mode::Exam,
            kind: q.kind,
            scenario: scenario_line(q, lang),
            context,
            reply: reply_line(q, lang),
            prompt: prompt(q, library, lang),
            tiles: tiles(item, &active.ordering, answered, library, lang),
            countdown,
            hint,
            can_undo: answered.is_none() && !active.ordering.is_empty(),
            phase,
        })
    }

    /// The targets: the tiles while the question waits (and Undo while an order is being built),
    /// or the one button that goes on.
    pub fn targets(&self) -> Vec<Target> {
        let lang = self.lang;
        match &self.phase {
            Phase::Answering => {
                let mut t: Vec<Target> = self
                    .tiles
                    .iter()
                    .map(|tile| Target::new(QuizAction::Pick(tile.index), tile.label.clone()))
                    .collect();
                if self.can_undo {
                    t.push(Target::new(QuizAction::Undo, tr(lang, "quiz-undo")));
                }
                t
            }
            Phase::Explained(_) => vec![Target::new(QuizAction::Next, i18n::CONTINUE.get(lang))],
        }
    }
}

/// One principle's line on the results screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TallyView {
    /// Title.
    pub title: String,
    /// Answered right.
    pub right: u32,
    /// Answered wrong or not in time.
    pub wrong: u32,
    /// "2 right, 1 wrong".
    pub line: String,
}

/// A missed question on the results screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissedView {
    /// "Question 3 of 10".
    pub heading: String,
    /// The question in words, with the reply it is about.
    pub prompt: String,
    /// Why the right answer is right.
    pub explanation: ExplanationView,
}

/// The results screen's model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultsView {
    /// Interface language.
    pub lang: Lang,
    /// The round is stored, so "Save report" can write it.
    pub can_save_report: bool,
    /// What the last "Save report" did.
    pub report_note: Option<String>,
    /// "8450 points".
    pub score: String,
    /// "7 of 10 correct".
    pub correct: String,
    /// Right answers and questions: (7, 10).
    pub figures: (usize, usize),
    /// Time spent answering: "2:31".
    pub time: String,
    /// The longest run of right answers.
    pub best_streak: u32,
    /// Per principle, weakest first.
    pub principles: Vec<TallyView>,
    /// Each missed question with its explanation.
    pub missed: Vec<MissedView>,
    /// The scenario that trains the most missed principles: (id, title).
    pub review: Option<(String, String)>,
}

/// Minutes and seconds: "2:05".
pub fn clock_text(ms: u64) -> String {
    let s = ms.div_ceil(1000);
    format!("{}:{:02}", s / 60, s % 60)
}

impl ResultsView {
    /// The results of a finished round.
    pub fn new(f: &FinishedQuiz, library: &Library, lang: Lang) -> ResultsView {
        let r = &f.results;
        let total = f.round.items.len();
        let mut principles: Vec<TallyView> = r
            .per_principle
            .iter()
            .map(|(id, t)| TallyView {
                title: library.catalog.principle_title(id, lang),
                right: t.right,
                wrong: t.wrong,
                line: tra(
                    lang,
                    "quiz-results-right-wrong",
                    &Args::new().num("right", t.right).num("wrong", t.wrong),
                ),
            })
            .collect();
        // Weakest first: the most wrong, then the fewest right.
        principles.sort_by_key(|t| (std::cmp::Reverse(t.wrong), t.right));
        let missed = r
            .answers
            .iter()
            .zip(&f.round.items)
            .enumerate()
            .filter(|(_, (a, _))| !a.correct)
            .map(|(i, (a, item))| {
                let q = &item.question;
                let mut prompt = prompt(q, library, lang);
                if let Some(reply) = reply_line(q, lang) {
                    prompt = format!("{prompt}\n{reply}");
                } else if let Some(last) = q.context.last() {
                    prompt = format!("{}\n{prompt}", last.text.get(lang));
                }
                MissedView {
                    heading: tra(
                        lang,
                        "quiz-question-of",
                        &Args::new()
                            .num("n", (i + 1) as f64)
                            .num("total", total as f64),
                    ),
                    prompt,
                    explanation: ExplanationView::new(q, a, library, lang),
                }
            })
            .collect();
        let missed_principles: std::collections::BTreeSet<String> = r
            .per_principle
            .iter()
            .filter(|(_, t)| t.wrong > 0)
            .map(|(id, _)| id.clone())
            .collect();
        let review = crate::engine::progress::practise_next(
            &missed_principles,
            library.scenarios.iter().map(|l| l.scenario.as_ref()),
        )
        .and_then(|n| {
            let l = library.get(&n.scenario)?;
            Some((n.scenario, l.scenario.title.get(lang).to_string()))
        });
        ResultsView {
            lang,
            score: tra(lang, "quiz-results-points", &Args::new().num("n", r.score)),
            correct: tra(
                lang,
                "quiz-results-correct",
                &Args::new()
                    .num("correct", r.correct as f64)
                    .num("total", r.total as f64),
            ),
            figures: (r.correct, r.total),
            time: clock_text(r.time_ms),
            best_streak: r.best_streak,
            principles,
            missed,
            review,
            can_save_report: false,
            report_note: None,
        }
    }

    /// The review button's label: what it does and the scenario it opens.
    pub fn review_label(&self) -> Option<String> {
        self.review
            .as_ref()
            .map(|(_, title)| format!("{}: {title}", tr(self.lang, "quiz-review-missed")))
    }

    /// The buttons: play again, review the missed principles in a scenario (when one trains them),
    /// and go on to the quiz menu.
    pub fn targets(&self) -> Vec<Target> {
        let lang = self.lang;
        let mut t = vec![Target::new(QuizAction::Again, tr(lang, "quiz-play-again"))];
        if let (Some((id, _)), Some(label)) = (&self.review, self.review_label()) {
            t.push(Target::new(DialogueAction::Start(id.clone()), label));
        }
        if self.can_save_report {
            t.push(Target::new(
                crate::game::core::LrsAction::SaveReport,
                tr(lang, "debrief-save-report"),
            ));
        }
        t.push(Target::new(
            Action::Goto(Screen::QuizMenu),
            tr(lang, "quiz-go-on"),
        ));
        t
    }

    /// The model with "Save report" when the round is stored, and what the last save did.
    pub fn with_report(
        mut self,
        f: &FinishedQuiz,
        note: Option<&crate::game::activities::lrs::ReportNote>,
    ) -> ResultsView {
        self.can_save_report = f.attempt.is_some();
        self.report_note = note.map(|n| n.text(self.lang));
        self
    }
}

/// "Leave the round?", asked after Esc on a question; staying is the first target.
pub fn leave(lang: Lang) -> super::question::QuestionView {
    super::question::QuestionView {
        text: tr(lang, "quiz-leave-ask"),
        targets: vec![
            Target::new(Action::Stay, tr(lang, "quiz-leave-no")),
            Target::new(QuizAction::Abandon, tr(lang, "quiz-leave-yes")),
        ],
    }
}
