//! The debrief's model: score, grade, ending, principles, replies and practice links, built from the
//! engine's `Debrief`.

use super::mood::Expression;
use super::{Mark, marks};
use crate::engine::debrief::{ChoiceReview, Debrief, Gap};
use crate::engine::library::Library;
use crate::engine::model::{EndingKind, Gender};
use crate::engine::text::Lang;
use crate::game::core::{Action, DebriefTab, DialogueAction, Screen, Target};
use crate::game::i18n;

/// A principle's line on the Principles tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrincipleBar {
    /// Title.
    pub title: String,
    /// What the principle asks.
    pub description: String,
    /// "Source: title, point N".
    pub source: String,
    /// How close the replies came to the best, or `None` when it did not come up.
    pub percent: Option<u8>,
    /// The replies that moved it: "Reply 2: +2 points".
    pub moves: Vec<String>,
}

/// A reply as the debrief shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyView {
    /// What was said.
    pub say: String,
    /// The principles it moved, with points.
    pub marks: Vec<Mark>,
    /// The coach's comment.
    pub feedback: String,
}

/// One decision on the Replies tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionView {
    /// 1-based.
    pub step: usize,
    /// The line the trainee answered.
    pub prompt: String,
    /// The reply made.
    pub chosen: ReplyView,
    /// The best reply there, when another one was better.
    pub better: Option<ReplyView>,
    /// Mood before and after.
    pub mood: (i32, i32),
    /// "The Client's mood: upset → calm".
    pub mood_line: String,
}

/// A weak principle with the scenarios that train it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeakView {
    /// Title.
    pub title: String,
    /// Percentage reached.
    pub percent: u8,
    /// (scenario id, title) to practise it.
    pub links: Vec<(String, String)>,
}

/// The debrief's model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DebriefView {
    /// Interface language.
    pub lang: Lang,
    /// The tab on screen.
    pub tab: DebriefTab,
    /// The scenario's title.
    pub title: String,
    /// Overall score, 0–100.
    pub score: u8,
    /// Its grade in words.
    pub grade: String,
    /// The ending's kind.
    pub ending_kind: EndingKind,
    /// The ending's kind in words.
    pub ending_label: String,
    /// The ending's title.
    pub ending_title: String,
    /// What happened.
    pub ending_text: String,
    /// Mood at the start and the end.
    pub mood: (i32, i32),
    /// "The Client's mood: upset → calm".
    pub mood_line: String,
    /// One line on why the ending and the grade differ, when they do.
    pub gap: Option<String>,
    /// "Play again" found the scenario gone from the library.
    pub retry_missing: bool,
    /// Progress is kept (a store is open): the footer offers the progress screen and a saved
    /// report of this attempt.
    pub progress: bool,
    /// What "Save report" did: the file written, or why not.
    pub report_note: Option<String>,
    /// (found, total).
    pub endings_found: (usize, usize),
    /// Every ending: (kind label and title, found, reached this time).
    pub endings: Vec<(String, bool, bool)>,
    /// Principles, weakest first.
    pub principles: Vec<PrincipleBar>,
    /// Every decision.
    pub decisions: Vec<DecisionView>,
    /// The weakest principles.
    pub weakest: Vec<WeakView>,
}

impl DebriefView {
    /// Builds the model from the engine's debrief; principle and scenario titles come from the
    /// library.
    pub fn new(
        d: &Debrief,
        lib: &Library,
        lang: Lang,
        tab: DebriefTab,
        retry_missing: bool,
    ) -> DebriefView {
        let gender = lib
            .get(&d.scenario)
            .map(|l| l.scenario.client.gender)
            .unwrap_or_default();
        let reply = |c: &ChoiceReview| ReplyView {
            say: c.say.get(lang).to_string(),
            marks: marks(&c.points, &lib.catalog, lang),
            feedback: c.feedback.get(lang).to_string(),
        };
        let principles = d
            .principles
            .iter()
            .map(|p| {
                let principle = lib.catalog.principle(&p.id);
                let source = principle
                    .and_then(|pr| {
                        let s = lib.catalog.source(&pr.source)?;
                        let point = i18n::SOURCE_POINT.with(lang, pr.point);
                        Some(format!(
                            "{}: {}, {point}",
                            i18n::SOURCE.get(lang),
                            s.title.get(lang)
                        ))
                    })
                    .unwrap_or_default();
                PrincipleBar {
                    title: lib.catalog.principle_title(&p.id, lang),
                    description: principle
                        .map(|pr| pr.description.get(lang).to_string())
                        .unwrap_or_default(),
                    source,
                    percent: p.percent,
                    moves: p
                        .moves
                        .iter()
                        .map(|m| {
                            format!(
                                "{}: {}",
                                i18n::DECISION_N.with(lang, m.step),
                                i18n::points(m.points, lang)
                            )
                        })
                        .collect(),
                }
            })
            .collect();
        let title_of = |id: &str| lib.scenario_title(id, lang);
        DebriefView {
            lang,
            tab,
            title: d.title.get(lang).to_string(),
            score: d.score.overall,
            grade: crate::i18n::labels::grade(lang, d.score.grade),
            ending_kind: d.ending.kind,
            ending_label: crate::i18n::labels::ending_kind(lang, d.ending.kind),
            ending_title: d.ending.title.get(lang).to_string(),
            ending_text: d.ending_text.get(lang).to_string(),
            mood: (d.start_mood, d.final_mood),
            mood_line: mood_change((d.start_mood, d.final_mood), lang, gender),
            gap: d.gap.map(|g| match g {
                Gap::GoodEndingWeakReplies => i18n::GAP_GOOD_ENDING.get(lang),
                Gap::BadEndingStrongReplies => i18n::GAP_BAD_ENDING.get(lang),
            }),
            retry_missing,
            progress: false,
            report_note: None,
            endings_found: (d.endings_discovered(), d.endings.len()),
            endings: d
                .endings
                .iter()
                .map(|e| {
                    (
                        format!(
                            "{} — {}",
                            crate::i18n::labels::ending_kind(lang, e.kind),
                            e.title.get(lang)
                        ),
                        e.discovered,
                        e.reached_now,
                    )
                })
                .collect(),
            principles,
            decisions: d
                .decisions
                .iter()
                .map(|x| DecisionView {
                    step: x.step,
                    prompt: x
                        .prompt
                        .as_ref()
                        .map(|t| t.get(lang).to_string())
                        .unwrap_or_default(),
                    chosen: reply(&x.chosen),
                    better: x.better.as_ref().map(reply),
                    mood: (x.mood_before, x.mood_after),
                    mood_line: mood_change((x.mood_before, x.mood_after), lang, gender),
                })
                .collect(),
            weakest: d
                .weakest
                .iter()
                .map(|w| WeakView {
                    title: lib.catalog.principle_title(&w.id, lang),
                    percent: w.percent,
                    links: w
                        .train_in
                        .iter()
                        .map(|id| (id.clone(), title_of(id)))
                        .collect(),
                })
                .collect(),
        }
    }

    /// How many of the targets are the footer's buttons (the rest are the summary's links).
    pub fn footer_len(&self) -> usize {
        if self.progress { 5 } else { 3 }
    }

    /// The model with the progress and report buttons when progress is kept, and what the last
    /// "Save report" did.
    pub fn with_progress(
        mut self,
        kept: bool,
        note: Option<&crate::game::activities::lrs::ReportNote>,
    ) -> DebriefView {
        self.progress = kept;
        self.report_note = note.map(|n| n.text(self.lang));
        self
    }

    /// The footer's buttons (retry, another, progress, save report, menu), then the links of the summary's "what to work on".
    pub fn targets(&self) -> Vec<Target> {
        let lang = self.lang;
        let mut t = vec![
            Target::new(DialogueAction::Retry, i18n::RETRY.get(lang)),
            Target::new(Action::Goto(Screen::Picker), i18n::ANOTHER.get(lang)),
        ];
        if self.progress {
            t.push(Target::new(
                Action::Goto(Screen::Progress),
                crate::i18n::tr(lang, "title-progress"),
            ));
            t.push(Target::new(
                crate::game::core::LrsAction::SaveReport,
                crate::i18n::tr(lang, "debrief-save-report"),
            ));
        }
        t.push(Target::new(
            Action::Goto(Screen::Title),
            i18n::MENU.get(lang),
        ));
        if self.tab == DebriefTab::Summary {
            for w in &self.weakest {
                t.extend(
                    w.links
                        .iter()
                        .map(|(id, title)| Target::new(DialogueAction::Start(id.clone()), title)),
                );
            }
        }
        t
    }
}

/// "The Client's mood: upset → furious". When the word stays the same but the mood moved, the
/// numbers say how far ("neutral 45 → neutral 55"), so the line never reads as no change.
pub fn mood_change((from, to): (i32, i32), lang: Lang, gender: Gender) -> String {
    let (a, b) = (Expression::from_mood(from), Expression::from_mood(to));
    let (wa, wb) = (a.word(lang, gender), b.word(lang, gender));
    if a == b && from != to {
        format!("{}: {wa} {from} → {wb} {to}", i18n::MOOD_FROM_TO.get(lang))
    } else {
        format!("{}: {wa} → {wb}", i18n::MOOD_FROM_TO.get(lang))
    }
}
