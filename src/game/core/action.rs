//! What the player asks for, by a click, a key or a presenter's clicker.
//!
//! Buttons, keys and tests all send the same actions, so a headless test that sends an action walks
//! exactly the path a click would. General actions are handled by [`super::shell`]; each activity
//! has its own variant and its own plugin that handles it.

use super::{DebriefTab, ProgressTab, Screen, TeamTab};
use crate::engine::model::Theme;
use crate::engine::text::Lang;
use crate::game::core::settings::Mode;
use crate::store::{AttemptId, ProfileId};
use crate::team::session::Activity;
use bevy::prelude::*;
use std::path::PathBuf;

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
    /// Show this progress tab.
    ProgressTab(ProgressTab),
    /// Show this tab at the end of a team scenario.
    TeamTab(TeamTab),
    /// Move to the next (+1) or previous (−1) tab of the debrief or the progress screen.
    StepTab(i32),
    /// Blank the screen for a presenter, or show it again.
    ToggleBlank,
    /// A conversation's own action.
    Dialogue(DialogueAction),
    /// Who is playing.
    Profile(ProfileAction),
    /// The progress screen's own action.
    Progress(ProgressAction),
    /// The quiz's own action.
    Quiz(QuizAction),
    /// The Learning Record Store and saved reports.
    Lrs(LrsAction),
    /// A team session's own action.
    Team(TeamAction),
}

/// The actions of a team session, from its set-up to its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamAction {
    /// Open the set-up screen with a fresh plan.
    Setup,
    /// Set-up: play this scenario or quiz round.
    Pick(Activity),
    /// Set-up: one team fewer (−1) or more (+1); below two, everyone plays for themselves.
    Teams(i32),
    /// Set-up: a team's name as typed.
    TeamName(usize, String),
    /// Set-up: the next colour for this team.
    TeamColour(usize),
    /// Set-up: a shorter (−1) or longer (+1) voting time.
    Voting(i32),
    /// Set-up: phones vote, or the trainer enters the room's choice.
    TogglePhones,
    /// Set-up done: open the lobby (and start the phone server).
    Open,
    /// Lobby: serve the phone page on this address (an index into the list shown).
    Address(usize),
    /// Lobby: remove this participant.
    Remove(u32),
    /// Lobby: start playing.
    Begin,
    /// The clicker: go on, close voting and reveal, play the room's reply, next question.
    Next,
    /// Keys 1–4: the room's choice by a show of hands, or the trainer's pick on a tie.
    Enter(u8),
    /// Open the panel to type the vote counts per reply.
    CountHands,
    /// The counts panel's fields as typed.
    CountsDraft(Vec<String>),
    /// Use the typed counts.
    CountsSave,
    /// Close the counts panel.
    CountsCancel,
    /// From the path map: go back to this decision of the room's path and vote again.
    WhatIf(usize),
    /// End the session: save it, stop the phone server and return to the title.
    Finish,
    /// Leave the session in progress (after Esc asked); what was played is saved.
    Abandon,
}

impl From<TeamAction> for Action {
    fn from(a: TeamAction) -> Action {
        Action::Team(a)
    }
}

/// The Learning Record Store's settings, sending, and the debrief's saved report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LrsAction {
    /// What the LRS fields of Settings hold now (sent as the player types).
    Draft {
        /// The xAPI endpoint.
        endpoint: String,
        /// The Basic-auth key.
        key: String,
        /// A new secret; empty keeps the saved one.
        secret: String,
    },
    /// Save the LRS fields and send what waits.
    Save,
    /// Send what waits now, without waiting for the next try.
    SyncNow,
    /// Write the debrief's attempt as an HTML report into the documents folder.
    SaveReport,
}

impl From<LrsAction> for Action {
    fn from(a: LrsAction) -> Action {
        Action::Lrs(a)
    }
}

/// Choosing, creating, renaming and deleting profiles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileAction {
    /// Open the form for a new profile.
    New,
    /// Open the form to rename this profile or change its group.
    Edit(ProfileId),
    /// What the form's fields hold now (sent by the view as the player types).
    Draft {
        /// The name typed.
        name: String,
        /// The group typed; empty for none.
        group: String,
    },
    /// Save the open form.
    Save,
    /// Close the form without saving; on the first launch, play as Guest.
    Cancel,
    /// Play as this profile.
    Switch(ProfileId),
    /// Ask before deleting this profile.
    AskDelete(ProfileId),
    /// Delete the profile asked about.
    ConfirmDelete,
    /// Close the title screen's note about a repaired store.
    DismissRecovery,
}

impl From<ProfileAction> for Action {
    fn from(a: ProfileAction) -> Action {
        Action::Profile(a)
    }
}

/// What the progress screen does besides showing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressAction {
    /// Chart this principle next to the overall score (`None`: the overall score alone).
    Chart(Option<String>),
    /// Open the debrief of this saved attempt.
    Open(AttemptId),
    /// Close the saved figures of an attempt whose scenario changed.
    CloseDetail,
    /// Write this profile's whole history to a file in the documents folder.
    Export,
    /// List the progress files that can be imported.
    ChooseImport,
    /// Import this file.
    Import(PathBuf),
}

impl From<ProgressAction> for Action {
    fn from(a: ProgressAction) -> Action {
        Action::Progress(a)
    }
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
