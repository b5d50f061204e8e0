//! The conversation's model: the chat so far, the replies on offer, the coach's comment or the
//! ending, built from the engine's run.

use super::{Mark, marks};
use crate::engine::library::Library;
use crate::engine::model::{EndingKind, Gender, SPEAKER_NARRATOR, SPEAKER_YOU};
use crate::engine::score;
use crate::engine::text::Lang;
use crate::game::activities::dialogue::ActiveRun;
use crate::game::core::settings::Mode;
use crate::game::core::{DialogueAction, Target};
use crate::game::i18n;

/// Who said a line, which decides the side and colour of its bubble.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The Client (or the colleague in an internal scenario).
    Client,
    /// The trainee.
    You,
    /// Another character.
    Other,
    /// Narration, shown without a bubble.
    Narrator,
}

/// One line of the chat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bubble {
    /// Who said it.
    pub side: Side,
    /// The speaker's name, empty for narration.
    pub name: String,
    /// What was said.
    pub text: String,
}

/// A reply on offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceItem {
    /// 1–4, the key that picks it.
    pub number: usize,
    /// The button text.
    pub label: String,
    /// What clicking it does.
    pub action: DialogueAction,
}

/// The coach's comment on the reply just made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackView {
    /// The reply's label.
    pub said: String,
    /// The principles it upheld or broke.
    pub marks: Vec<Mark>,
    /// Why.
    pub text: String,
    /// How the Client's mood moved.
    pub mood_delta: i32,
}

/// The closing card of a finished conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndingView {
    /// Its kind, for the colour.
    pub kind: EndingKind,
    /// "Resolved", "Escalated"…
    pub kind_label: String,
    /// The ending's title.
    pub title: String,
    /// What happened.
    pub text: String,
}

/// What the bottom of the screen offers now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    /// Replies to pick from.
    Choices(Vec<ChoiceItem>),
    /// The coach's comment, then Continue.
    Feedback(FeedbackView),
    /// Lines that need no reply, then Continue.
    Continue,
    /// The conversation is over.
    Ending(EndingView),
}

/// The dialogue screen's model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogueView {
    /// Interface language.
    pub lang: Lang,
    /// The scenario's title.
    pub title: String,
    /// The Client's name in this run.
    pub client_name: String,
    /// The Client's mood, 0–100.
    pub mood: i32,
    /// The Client's gender, for the mood words.
    pub gender: Gender,
    /// The chat so far.
    pub bubbles: Vec<Bubble>,
    /// The number of the reply being chosen, or of the last one made once no reply is on offer.
    pub step: usize,
    /// Coach or exam.
    pub mode: Mode,
    /// What the player can do now.
    pub phase: Phase,
}

impl DialogueView {
    /// Builds the model of a run in `lang`. Every text comes from the scenario through the run, so
    /// a language switch shows the same conversation in the other language.
    pub fn new(active: &ActiveRun, library: &Library, lang: Lang) -> DialogueView {
        let run = &active.run;
        let s = run.scenario();
        let bubbles = run
            .utterances(lang)
            .into_iter()
            .map(|u| Bubble {
                side: match u.speaker.as_str() {
                    SPEAKER_YOU => Side::You,
                    SPEAKER_NARRATOR => Side::Narrator,
                    id if id == s.client.id => Side::Client,
                    _ => Side::Other,
                },
                name: crate::i18n::labels::speaker(lang, &u),
                text: u.text,
            })
            .collect();
        let phase = if let Some((node, choice)) = &active.feedback {
            let c = score::chosen(s, node, choice);
            Phase::Feedback(c.map_or_else(
                || FeedbackView {
                    said: String::new(),
                    marks: Vec::new(),
                    text: String::new(),
                    mood_delta: 0,
                },
                |c| FeedbackView {
                    said: run.render(&c.label, lang),
                    marks: marks(&c.scores, &library.catalog, lang),
                    text: run.render(&c.feedback, lang),
                    mood_delta: c.mood,
                },
            ))
        } else if let Some(e) = run.ending() {
            Phase::Ending(EndingView {
                kind: e.kind,
                kind_label: crate::i18n::labels::ending_kind(lang, e.kind),
                title: run.render(&e.title, lang),
                text: run.render(&e.text, lang),
            })
        } else if run.can_continue() {
            Phase::Continue
        } else {
            Phase::Choices(
                run.choices()
                    .iter()
                    .enumerate()
                    .map(|(i, c)| ChoiceItem {
                        number: i + 1,
                        label: run.render(&c.label, lang),
                        action: DialogueAction::Choose(c.id.clone()),
                    })
                    .collect(),
            )
        };
        let made = run.decisions().len();
        let step = if matches!(phase, Phase::Choices(_)) {
            made + 1
        } else {
            made.max(1)
        };
        DialogueView {
            lang,
            title: s.title.get(lang).to_string(),
            client_name: run.speaker_name(&s.client.id, lang),
            mood: run.mood(),
            gender: s.client.gender,
            bubbles,
            step,
            mode: active.mode,
            phase,
        }
    }

    /// The targets on screen, in order: the replies, or the one button that goes on.
    pub fn targets(&self) -> Vec<Target> {
        let lang = self.lang;
        match &self.phase {
            Phase::Choices(items) => items
                .iter()
                .map(|c| Target::new(c.action.clone(), c.label.clone()))
                .collect(),
            Phase::Feedback(_) | Phase::Continue => vec![Target::new(
                DialogueAction::Continue,
                i18n::CONTINUE.get(lang),
            )],
            Phase::Ending(_) => vec![Target::new(
                DialogueAction::ShowDebrief,
                i18n::SEE_DEBRIEF.get(lang),
            )],
        }
    }
}
