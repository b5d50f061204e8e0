//! A yes-or-no question over the screen: leave the conversation, or quit the game. Staying is the
//! first target, so an Enter pressed by reflex (or a clicker's button) never loses anything.

use crate::engine::text::Lang;
use crate::game::core::{Action, DialogueAction, Target};
use crate::game::i18n;

/// The question's model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionView {
    /// The question.
    pub text: String,
    /// Stay, then go.
    pub targets: Vec<Target>,
}

impl QuestionView {
    /// "Leave this conversation?"
    pub fn leave(lang: Lang) -> QuestionView {
        QuestionView {
            text: i18n::ABANDON_QUESTION.get(lang),
            targets: vec![
                Target::new(Action::Stay, i18n::ABANDON_NO.get(lang)),
                Target::new(DialogueAction::Abandon, i18n::ABANDON_YES.get(lang)),
            ],
        }
    }

    /// "Quit the game?"
    pub fn quit(lang: Lang) -> QuestionView {
        QuestionView {
            text: i18n::QUIT_QUESTION.get(lang),
            targets: vec![
                Target::new(Action::Stay, i18n::QUIT_NO.get(lang)),
                Target::new(Action::ConfirmQuit, i18n::QUIT_YES.get(lang)),
            ],
        }
    }

    /// The buttons, staying first.
    pub fn targets(&self) -> Vec<Target> {
        self.targets.clone()
    }
}
