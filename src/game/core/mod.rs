//! The game core: screens and overlays as Bevy states, the actions that change them, the library,
//! the settings and the keyboard. No egui here: the headless tests drive this layer alone.
//!
//! Layers point one way: [`crate::engine`] ← core ← [`super::models`] (view models, no egui) ←
//! [`super::views`] (egui). Activities ([`super::activities`]) sit beside the core and handle their
//! own actions.

pub mod action;
pub mod content;
pub mod input;
pub mod saves;
pub mod settings;
pub mod shell;
pub mod targets;

pub use action::{
    Action, DialogueAction, LrsAction, ProfileAction, ProgressAction, QuizAction, QuizRound,
    TeamAction,
};
pub use targets::{Focus, Scroll, Target, Targets, TextEntry};

use bevy::prelude::*;

/// The screens of the game. Settings and the confirmation questions are [`Overlay`]s on top of one.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// The product name with Play, Quiz, Settings and Quit.
    #[default]
    Title,
    /// The scenario cards.
    Picker,
    /// A conversation in progress.
    Dialogue,
    /// The results of the last run (or of a saved attempt opened from the history).
    Debrief,
    /// Who is playing: choose, create, rename or delete a profile (and the first launch's welcome).
    Profiles,
    /// The profile's progress: mastery, charts, history, the learning path.
    Progress,
    /// The quiz's rounds: daily practice, by source, by theme, mixed.
    QuizMenu,
    /// A quiz question, and in coach style its explanation.
    Quiz,
    /// The results of the last quiz round.
    QuizResults,
    /// A team session's set-up: what the room plays, the teams, the voting time.
    TeamSetup,
    /// The room gathers: QR code, address, room code and the names as they arrive.
    TeamLobby,
    /// The room plays: lines, votes, reveals, feedback, the quiz's top five.
    TeamPlay,
    /// The session's end: the room's debrief with the teams and the path map, or the quiz podium.
    TeamEnd,
}

/// What covers the current screen. Closing an overlay returns to the screen underneath, so Settings
/// always knows where it came from.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Overlay {
    /// Nothing: the screen itself has the keys.
    #[default]
    None,
    /// Language, text size, contrast, mode and full screen.
    Settings,
    /// "Leave this conversation?" (or "Leave the round?" over a quiz), asked after Esc.
    Leave,
    /// "Quit the game?", asked before closing the window.
    Quit,
    /// "Delete this profile?", with what would be lost.
    DeleteProfile,
    /// The progress files found to import, to pick one.
    Import,
}

/// The presenter can blank the projector (B) and bring it back.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Presenter {
    /// The screen is shown.
    #[default]
    Shown,
    /// The screen is black; only B and Esc do anything.
    Blanked,
}

/// The debrief's tabs; presenters page through them. It exists only while the debrief is on screen
/// and starts on the summary each time.
#[derive(SubStates, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[source(Screen = Screen::Debrief)]
pub enum DebriefTab {
    /// Score, ending, endings found, what to work on.
    #[default]
    Summary,
    /// A bar per principle.
    Principles,
    /// Every reply with the better option.
    Decisions,
}

impl DebriefTab {
    /// The tabs in order.
    pub const ALL: [DebriefTab; 3] = [
        DebriefTab::Summary,
        DebriefTab::Principles,
        DebriefTab::Decisions,
    ];

    /// The tab `by` places further, stopping at the first and the last.
    pub fn step(self, by: i32) -> DebriefTab {
        step_in(&Self::ALL, self, by)
    }
}

/// The progress screen's tabs; like the debrief's, presenters page through them.
#[derive(SubStates, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[source(Screen = Screen::Progress)]
pub enum ProgressTab {
    /// Mastery per principle, grouped by the five sources, with what is due.
    #[default]
    Sources,
    /// Mastery per principle, grouped by theme.
    Themes,
    /// The score over time, and one principle's.
    Chart,
    /// Every finished attempt, newest first; each opens its debrief.
    History,
    /// The learning path: what is done, the endings found, what comes next.
    Path,
}

impl ProgressTab {
    /// The tabs in order.
    pub const ALL: [ProgressTab; 5] = [
        ProgressTab::Sources,
        ProgressTab::Themes,
        ProgressTab::Chart,
        ProgressTab::History,
        ProgressTab::Path,
    ];

    /// The tab `by` places further, stopping at the first and the last.
    pub fn step(self, by: i32) -> ProgressTab {
        step_in(&Self::ALL, self, by)
    }
}

/// The item `by` places after `current` in `all`, stopping at the first and the last (tabs never
/// wrap, so a clicker's "previous" on the first tab stays there).
fn step_in<T: Copy + PartialEq>(all: &[T], current: T, by: i32) -> T {
    let i = all.iter().position(|t| *t == current).unwrap_or(0);
    all[i.saturating_add_signed(by as isize).min(all.len() - 1)]
}

/// The tabs at the end of a team scenario; the clicker pages through them.
#[derive(SubStates, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[source(Screen = Screen::TeamEnd)]
pub enum TeamTab {
    /// Score, ending, each team's share of best replies, earlier paths.
    #[default]
    Summary,
    /// The scenario's branching with the room's paths and the best path.
    Map,
    /// Every decision with the room's votes and the better reply.
    Decisions,
}

impl TeamTab {
    /// The tabs in order.
    pub const ALL: [TeamTab; 3] = [TeamTab::Summary, TeamTab::Map, TeamTab::Decisions];

    /// The tab `by` places further, stopping at the first and the last.
    pub fn step(self, by: i32) -> TeamTab {
        step_in(&Self::ALL, self, by)
    }
}

/// The order of the game's own systems within a frame: the screen's targets are listed, keys
/// become actions, then actions are applied, so the views of the same frame already show the result.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GameSet {
    /// The current screen lists what can be activated on it.
    Targets,
    /// Keyboard and file changes turn into actions.
    Input,
    /// Actions change the session, the settings and the screen.
    Apply,
}

/// States, sets, resources and the shell's rules; the activities and the models add their own.
pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .init_state::<Overlay>()
        .init_state::<Presenter>()
        .add_sub_state::<DebriefTab>()
        .add_sub_state::<ProgressTab>()
        .add_sub_state::<TeamTab>()
        .configure_sets(
            Update,
            (GameSet::Targets, GameSet::Input, GameSet::Apply).chain(),
        )
        .add_plugins((
            targets::plugin,
            content::plugin,
            settings::plugin,
            shell::plugin,
            input::plugin,
            saves::plugin,
        ));
}
