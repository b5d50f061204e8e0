//! What the player asks for, by a click, a key or a presenter's clicker.
//!
//! Buttons, keys and tests all send the same actions, so a headless test that sends an action walks
//! exactly the path a click would. General actions are handled by [`super::shell`]; each activity
//! has its own variant and its own plugin that handles it.

use super::{DebriefTab, Screen};
use crate::engine::model::Theme;
use crate::engine::text::Lang;
use crate::game::core::settings::Mode;
use bevy::prelude::*;

/// Something the player asked for.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Open a screen.
    Goto(Screen),
    /// Open the settings over the current screen.
    OpenSettings,
    /// Esc: close the overlay, or go one step back.
    Back,
    /// Ask before closing the game.
    Quit,
    /// Close the game (after the question).
    ConfirmQuit,
    /// Close the question that is open and stay.
    Stay,
    /// Use this language (from the settings screen: saved).
    SetLang(Lang),
    /// The other language, for this launch only (the L key).
    SwitchLang,
    /// Make the text bigger (+1) or smaller (−1) by one step.
    ScaleStep(i32),
    /// Switch the high-contrast theme.
    ToggleContrast,
    /// Use this mode.
    SetMode(Mode),
    /// Switch between coach and exam.
    ToggleMode,
    /// Switch full screen.
    ToggleFullscreen,
    /// Switch the presenter layout on or off.
    TogglePresenter,
    /// Show this debrief tab.
    Tab(DebriefTab),
    /// Move to the next (+1) or previous (−1) debrief tab.
    StepTab(i32),
    /// Blank the screen for a presenter, or show it again.
    ToggleBlank,
    /// A conversation's own action.
    Dialogue(DialogueAction),
    /// The quiz's own action.
    Quiz(QuizAction),
}

/// The actions of the dialogue activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogueAction {
    /// Start a new run of this scenario.
    Start(String),
    /// Play the scenario of the last debrief again.
    Retry,
    /// Reply with this choice id.
    Choose(String),
    /// Dismiss the coach's feedback, or go on after lines that need no reply.
    Continue,
    /// Leave a finished conversation for its debrief.
    ShowDebrief,
    /// Leave the conversation in progress (after Esc asked).
    Abandon,
    /// Continue the conversation left unfinished in an earlier session.
    Resume,
}

impl From<DialogueAction> for Action {
    fn from(a: DialogueAction) -> Action {
        Action::Dialogue(a)
    }
}

/// Which questions a quiz round draws from, as the quiz menu offers them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum QuizRound {
    /// The principles spaced repetition says are due, then the weakest.
    Daily,
    /// One of the five source texts, by id (`fc`, `zp`, `fp`, `st`, `cr`).
    Source(String),
    /// One theme across the sources.
    Theme(Theme),
    /// Anything from the whole library.
    Mixed,
}

/// The actions of the quiz activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuizAction {
    /// Start a round of this kind.
    Start(QuizRound),
    /// The answer tile at this position (0-based, as shown); in an ordering question, the next
    /// reply of the order.
    Pick(usize),
    /// Take back the last reply put in order.
    Undo,
    /// Go on after an explanation (to the next question, or to the results).
    Next,
    /// Play another round of the same kind.
    Again,
    /// Leave the round in progress (after Esc asked).
    Abandon,
    /// Switch between timed questions and untimed self-study.
    ToggleTimed,
}

impl From<QuizAction> for Action {
    fn from(a: QuizAction) -> Action {
        Action::Quiz(a)
    }
}
