//! The picker's model: a card per playable scenario in learning order, the mode, and the files
//! that failed to load.

use crate::engine::library::Library;
use crate::engine::text::Lang;
use crate::game::core::content::{Content, Progress, problem_line};
use crate::game::core::settings::{Mode, Settings};
use crate::game::core::{DialogueAction, Target};
use crate::game::i18n;

/// One scenario card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// The scenario id.
    pub id: String,
    /// Its place on the learning path, from 1.
    pub step: usize,
    /// Title.
    pub title: String,
    /// One-paragraph summary.
    pub summary: String,
    /// 1 (easy) to 3 (hard).
    pub difficulty: u8,
    /// "Phone", "Chat"…
    pub channel: String,
    /// "10 min".
    pub minutes: String,
    /// The titles of the principles it rewards.
    pub principles: Vec<String>,
    /// The best score of this session.
    pub best: Option<u8>,
    /// The next one on the learning path.
    pub recommended: bool,
}

/// A file that did not load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemView {
    /// The file's name.
    pub file: String,
    /// One line per error: `file:line:col: message — help`.
    pub errors: Vec<String>,
    /// The first error's source line with a caret under the column.
    pub snippet: String,
}

/// The picker's model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickerView {
    /// Interface language.
    pub lang: Lang,
    /// Coach or exam for the next run.
    pub mode: Mode,
    /// The cards, in learning order.
    pub cards: Vec<Card>,
    /// Files that failed to load.
    pub problems: Vec<ProblemView>,
}

impl PickerView {
    /// Builds the model from the library and this session's progress.
    pub fn new(content: &Content, progress: &Progress, settings: &Settings) -> PickerView {
        let lang = settings.lang;
        let lib = &content.library;
        let next = lib
            .recommended_next(&progress.completed)
            .map(|l| l.scenario.id.clone());
        let cards = lib
            .scenarios
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let s = &l.scenario;
                Card {
                    id: s.id.clone(),
                    step: i + 1,
                    title: s.title.get(lang).to_string(),
                    summary: s.summary.get(lang).to_string(),
                    difficulty: s.difficulty.clamp(1, 3),
                    channel: crate::i18n::labels::channel(lang, s.channel),
                    minutes: i18n::minutes(s.minutes, lang),
                    principles: s
                        .rewarded_principles()
                        .into_iter()
                        .map(|p| lib.catalog.principle_title(p, lang))
                        .collect(),
                    best: progress.best.get(&s.id).copied(),
                    recommended: next.as_deref() == Some(s.id.as_str()),
                }
            })
            .collect();
        let problems = lib
            .problems
            .iter()
            .map(|p| {
                let errors: Vec<_> = p.diagnostics.iter().filter(|d| d.is_error()).collect();
                ProblemView {
                    file: p.file.clone(),
                    errors: errors.iter().map(|d| problem_line(lang, d)).collect(),
                    snippet: errors
                        .first()
                        .and_then(|d| d.excerpt())
                        .map(|(line, caret)| format!("{line}\n{caret}"))
                        .unwrap_or_default(),
                }
            })
            .collect();
        PickerView {
            lang,
            mode: settings.mode,
            cards,
            problems,
        }
    }

    /// Where the highlight starts: on the recommended card.
    pub fn initial_focus(lib: &Library, progress: &Progress) -> usize {
        let next = lib.recommended_next(&progress.completed);
        next.and_then(|n| {
            lib.scenarios
                .iter()
                .position(|l| l.scenario.id == n.scenario.id)
        })
        .unwrap_or(0)
    }

    /// One target per card, in order.
    pub fn targets(&self) -> Vec<Target> {
        self.cards
            .iter()
            .map(|c| Target::new(DialogueAction::Start(c.id.clone()), c.title.clone()))
            .collect()
    }
}
