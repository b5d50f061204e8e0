//! The rules of the game's flow: what each [`Action`] does to the session, the settings and the
//! screen.
//!
//! Buttons, keys and tests all send the same actions, so a headless test that sends
//! `Action::Choose` walks exactly the path a click would.

use super::content::{Content, Progress};
use super::settings::{Mode, Settings};
use super::{GameSet, Screen};
use crate::engine::analysis::Analysis;
use crate::engine::debrief::{self, Debrief};
use crate::engine::run::Run;
use crate::engine::text::Lang;
use bevy::prelude::*;
use std::sync::Arc;

/// Something the player asked for, by a click, a key or a presenter's clicker.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Open a screen (Title, Picker or Settings).
    Goto(Screen),
    /// Esc: one step back; in a conversation, ask before leaving.
    Back,
    /// Close the game.
    Quit,
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
    ConfirmAbandon,
    /// Stay in the conversation.
    CancelAbandon,
    /// Use this language.
    SetLang(Lang),
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
    /// Show this debrief tab.
    Tab(DebriefTab),
    /// Move to the next (+1) or previous (−1) debrief tab.
    StepTab(i32),
    /// Blank the screen for a presenter, or show it again.
    ToggleBlank,
}

/// The debrief's tabs; presenters page through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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
    fn step(self, by: i32) -> DebriefTab {
        let i = Self::ALL.iter().position(|t| *t == self).unwrap_or(0);
        let next = i
            .saturating_add_signed(by as isize)
            .min(Self::ALL.len() - 1);
        Self::ALL[next]
    }
}

/// A conversation in progress.
#[derive(Debug, Clone)]
pub struct ActiveRun {
    /// The engine's run.
    pub run: Run,
    /// The scenario's analysis, for the debrief.
    pub analysis: Arc<Analysis>,
    /// Coach or exam, fixed for the whole run.
    pub mode: Mode,
    /// In coach mode, the reply just made, whose feedback is on screen: (node id, choice id).
    pub feedback: Option<(String, String)>,
}

impl ActiveRun {
    /// The actions that the current step offers, in the order they are shown.
    pub fn targets(&self) -> Vec<Action> {
        if self.feedback.is_some() {
            vec![Action::Continue]
        } else if self.run.is_over() {
            vec![Action::ShowDebrief]
        } else if self.run.can_continue() {
            vec![Action::Continue]
        } else {
            self.run
                .choices()
                .iter()
                .map(|c| Action::Choose(c.id.clone()))
                .collect()
        }
    }
}

/// Where the player is: the run in progress, the last debrief and the keyboard highlight.
#[derive(Resource, Debug, Default)]
pub struct Session {
    /// The conversation in progress.
    pub active: Option<ActiveRun>,
    /// The debrief of the last finished run.
    pub debrief: Option<Arc<Debrief>>,
    /// Esc was pressed in a conversation: the leave-or-stay question is open.
    pub confirm_abandon: bool,
    /// The debrief tab on screen.
    pub tab: DebriefTab,
    /// The keyboard highlight: an index into the current screen's targets.
    pub focus: usize,
    /// The focus moved by keyboard this frame, so the view scrolls it into sight.
    pub focus_moved: bool,
    /// The presenter blanked the screen.
    pub blank: bool,
    /// Where Esc on the settings screen goes back to.
    pub settings_return: Option<Screen>,
}

/// Where run seeds come from: random, or fixed for tests and screenshots.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct Seeds {
    /// Every run uses this seed when set.
    pub fixed: Option<u64>,
}

impl Seeds {
    fn next(self) -> u64 {
        self.fixed.unwrap_or_else(rand::random)
    }
}

pub(super) fn plugin(app: &mut App) {
    // Registered here too, so the flow also runs in headless apps without a window plugin.
    app.add_message::<bevy::window::RequestRedraw>()
        .add_message::<Action>()
        .init_resource::<Session>()
        .init_resource::<Seeds>()
        .add_systems(Update, apply_actions.in_set(GameSet::Apply))
        .add_systems(StateTransition, reset_focus_on_screen_change);
}

/// A new screen starts with the highlight on its first item (the picker's, on the recommended card,
/// is set by the picker itself).
fn reset_focus_on_screen_change(
    mut transitions: MessageReader<StateTransitionEvent<Screen>>,
    mut session: ResMut<Session>,
    content: Res<Content>,
    progress: Res<Progress>,
) {
    for t in transitions.read() {
        if t.entered == Some(Screen::Picker) {
            session.focus =
                super::views::picker::PickerView::initial_focus(&content.library, &progress);
        } else if t.entered != t.exited {
            session.focus = 0;
        }
    }
}

/// Everything the flow needs to change, gathered for [`apply`].
#[derive(bevy::ecs::system::SystemParam)]
pub struct FlowParams<'w> {
    session: ResMut<'w, Session>,
    settings: ResMut<'w, Settings>,
    progress: ResMut<'w, Progress>,
    content: Res<'w, Content>,
    seeds: Res<'w, Seeds>,
    screen: Res<'w, State<Screen>>,
    next: ResMut<'w, NextState<Screen>>,
    exit: MessageWriter<'w, AppExit>,
}

fn apply_actions(
    mut actions: MessageReader<Action>,
    mut p: FlowParams,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    let mut any = false;
    for action in actions.read() {
        apply(action, &mut p);
        any = true;
    }
    if any {
        // A screen change lands in the next frame; in reactive mode nothing else would ask for it.
        redraw.write(bevy::window::RequestRedraw);
    }
}

/// Carries out one action.
fn apply(action: &Action, p: &mut FlowParams) {
    let screen = *p.screen.get();
    match action {
        Action::Goto(to) => {
            if *to == Screen::Settings && screen != Screen::Settings {
                p.session.settings_return = Some(screen);
            }
            p.next.set(*to);
        }
        Action::Back => back(screen, p),
        Action::Quit => {
            p.exit.write(AppExit::Success);
        }
        Action::Start(id) => start(id, p),
        Action::Retry => {
            if let Some(id) = p.session.debrief.as_ref().map(|d| d.scenario.clone()) {
                start(&id, p);
            }
        }
        Action::Choose(id) => choose(id, p),
        Action::Continue => {
            if let Some(a) = &mut p.session.active {
                if a.feedback.take().is_none() && a.run.can_continue() {
                    // `can_continue` said yes, so advancing cannot fail.
                    let _ = a.run.advance();
                }
                p.session.focus = 0;
            }
        }
        Action::ShowDebrief => show_debrief(p),
        Action::ConfirmAbandon => {
            p.session.confirm_abandon = false;
            p.session.active = None;
            p.next.set(Screen::Picker);
        }
        Action::CancelAbandon => p.session.confirm_abandon = false,
        Action::SetLang(l) => p.settings.lang = *l,
        Action::ScaleStep(by) => p.settings.step_scale(*by),
        Action::ToggleContrast => p.settings.high_contrast = !p.settings.high_contrast,
        Action::SetMode(m) => p.settings.mode = *m,
        Action::ToggleMode => {
            p.settings.mode = match p.settings.mode {
                Mode::Coach => Mode::Exam,
                Mode::Exam => Mode::Coach,
            };
        }
        Action::ToggleFullscreen => p.settings.fullscreen = !p.settings.fullscreen,
        Action::Tab(t) => {
            p.session.tab = *t;
            p.session.focus = 0;
        }
        Action::StepTab(by) => {
            p.session.tab = p.session.tab.step(*by);
            p.session.focus = 0;
        }
        Action::ToggleBlank => p.session.blank = !p.session.blank,
    }
}

/// Esc: the previous screen, or the leave-or-stay question in a conversation.
fn back(screen: Screen, p: &mut FlowParams) {
    if p.session.blank {
        p.session.blank = false;
        return;
    }
    match screen {
        Screen::Title => {}
        Screen::Picker => p.next.set(Screen::Title),
        Screen::Settings => {
            let to = p.session.settings_return.take().unwrap_or(Screen::Title);
            p.next.set(to);
        }
        Screen::Dialogue => {
            if p.session.confirm_abandon {
                p.session.confirm_abandon = false;
            } else if p.session.active.is_some() {
                p.session.confirm_abandon = true;
                // The highlight starts on "keep talking", so a second Enter does not lose the run.
                p.session.focus = 0;
            } else {
                p.next.set(Screen::Picker);
            }
        }
        Screen::Debrief => p.next.set(Screen::Picker),
    }
}

fn start(id: &str, p: &mut FlowParams) {
    let Some(loaded) = p.content.library.get(id) else {
        warn!("no playable scenario `{id}`");
        return;
    };
    let run = Run::start(Arc::clone(&loaded.scenario), p.seeds.next());
    p.session.active = Some(ActiveRun {
        run,
        analysis: Arc::clone(&loaded.analysis),
        mode: p.settings.mode,
        feedback: None,
    });
    p.session.confirm_abandon = false;
    p.session.focus = 0;
    p.next.set(Screen::Dialogue);
}

fn choose(id: &str, p: &mut FlowParams) {
    if p.session.confirm_abandon {
        return;
    }
    let Some(a) = &mut p.session.active else {
        return;
    };
    if a.feedback.is_some() {
        return;
    }
    let node = a.run.state().node.clone();
    match a.run.choose(id) {
        Ok(()) => {
            if a.mode == Mode::Coach {
                a.feedback = Some((node, id.to_string()));
            }
            p.session.focus = 0;
        }
        // A stale click (a choice no longer offered) is ignored, never a crash.
        Err(e) => warn!("choice `{id}` ignored: {e}"),
    }
}

fn show_debrief(p: &mut FlowParams) {
    let Some(a) = &p.session.active else {
        return;
    };
    if a.feedback.is_some() {
        return;
    }
    let Some(outcome) = a.run.outcome() else {
        return;
    };
    let scenario = Arc::clone(a.run.scenario());
    let earlier = p
        .progress
        .endings
        .get(&scenario.id)
        .cloned()
        .unwrap_or_default();
    let d = debrief::build(
        &scenario,
        &a.analysis,
        &outcome,
        &p.content.library.all(),
        &earlier,
    );
    p.progress
        .record(&scenario.id, d.score.overall, &outcome.ending);
    p.session.debrief = Some(Arc::new(d));
    p.session.active = None;
    p.session.tab = DebriefTab::Summary;
    p.next.set(Screen::Debrief);
}
