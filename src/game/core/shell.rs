//! The shell's rules: screens, overlays, settings, the presenter's blank screen and the debrief's
//! tabs. Activities (a conversation, a quiz, later a team session) handle their own actions.

use super::action::Action;
use super::settings::{Mode, SavedSettings, Settings, SettingsStore};
use super::targets::Focus;
use super::{DebriefTab, GameSet, Overlay, Presenter, ProgressTab, Screen, TeamTab};
use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    // Registered here too, so the flow also runs in headless apps without a window plugin.
    app.add_message::<bevy::window::RequestRedraw>()
        .add_message::<Action>()
        .add_systems(Update, apply_actions.in_set(GameSet::Apply))
        // After every state transition of the frame (a sub-state such as the debrief tab is
        // entered late in it), and before the keys read the highlight and the page.
        .add_systems(Update, reset_focus_on_change.before(GameSet::Targets));
}

/// The tab changes of the screens that have tabs.
#[derive(bevy::ecs::system::SystemParam)]
pub struct TabChanges<'w, 's> {
    debrief: MessageReader<'w, 's, StateTransitionEvent<DebriefTab>>,
    progress: MessageReader<'w, 's, StateTransitionEvent<ProgressTab>>,
    team: MessageReader<'w, 's, StateTransitionEvent<TeamTab>>,
}

/// A new screen, overlay or tab starts with the highlight on its first item, scrolled to its top,
/// and with the keys for the game. (The picker then moves the highlight to its recommended card.)
fn reset_focus_on_change(
    mut screens: MessageReader<StateTransitionEvent<Screen>>,
    mut overlays: MessageReader<StateTransitionEvent<Overlay>>,
    mut tabs: TabChanges,
    mut focus: ResMut<Focus>,
    mut scroll: ResMut<super::Scroll>,
    mut typing: ResMut<super::TextEntry>,
) {
    let changed = screens.read().any(|t| t.entered != t.exited)
        | overlays.read().any(|t| t.entered != t.exited)
        | tabs.debrief.read().any(|t| t.entered != t.exited)
        | tabs.progress.read().any(|t| t.entered != t.exited)
        | tabs.team.read().any(|t| t.entered != t.exited);
    if changed {
        *focus = Focus {
            index: 0,
            moved: false,
            reset_scroll: true,
        };
        *scroll = super::Scroll::default();
        // A text field left behind (Settings closed by a click while one had the keyboard) no
        // longer holds the keys; the next screen's view gives them to its own field.
        typing.0 = false;
    }
}

/// Everything the shell changes, gathered for [`apply`].
#[derive(bevy::ecs::system::SystemParam)]
pub struct ShellParams<'w> {
    settings: ResMut<'w, Settings>,
    saved: ResMut<'w, SavedSettings>,
    store: ResMut<'w, SettingsStore>,
    screen: Res<'w, State<Screen>>,
    next_screen: ResMut<'w, NextState<Screen>>,
    overlay: Res<'w, State<Overlay>>,
    next_overlay: ResMut<'w, NextState<Overlay>>,
    presenter: Res<'w, State<Presenter>>,
    next_presenter: ResMut<'w, NextState<Presenter>>,
    tab: Option<Res<'w, State<DebriefTab>>>,
    next_tab: ResMut<'w, NextState<DebriefTab>>,
    progress_tab: Option<Res<'w, State<ProgressTab>>>,
    next_progress_tab: ResMut<'w, NextState<ProgressTab>>,
    team_tab: Option<Res<'w, State<TeamTab>>>,
    next_team_tab: ResMut<'w, NextState<TeamTab>>,
    exit: MessageWriter<'w, AppExit>,
}

fn apply_actions(
    mut actions: MessageReader<Action>,
    mut p: ShellParams,
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

/// Carries out one general action; activity actions are left to their plugins.
fn apply(action: &Action, p: &mut ShellParams) {
    let overlay = *p.overlay.get();
    match action {
        Action::Goto(to) => {
            p.next_overlay.set(Overlay::None);
            p.next_screen.set(*to);
        }
        Action::OpenSettings => p.next_overlay.set(Overlay::Settings),
        Action::Back => back(p),
        Action::Quit => p.next_overlay.set(Overlay::Quit),
        Action::ConfirmQuit => {
            p.exit.write(AppExit::Success);
        }
        Action::Stay => {
            if matches!(
                overlay,
                Overlay::Leave | Overlay::Quit | Overlay::DeleteProfile | Overlay::Import
            ) {
                p.next_overlay.set(Overlay::None);
            }
        }
        Action::SetLang(l) => change(p, |s| s.lang = *l),
        Action::SwitchLang => {
            let l = p.settings.next_lang();
            change(p, |s| s.lang = l);
        }
        Action::ScaleStep(by) => change(p, |s| s.step_scale(*by)),
        Action::ToggleContrast => change(p, |s| s.high_contrast = !s.high_contrast),
        Action::SetMode(m) => change(p, |s| s.mode = *m),
        Action::ToggleMode => change(p, |s| {
            s.mode = match s.mode {
                Mode::Coach => Mode::Exam,
                Mode::Exam => Mode::Coach,
            }
        }),
        Action::ToggleFullscreen => change(p, |s| s.fullscreen = !s.fullscreen),
        Action::TogglePresenter => change(p, |s| s.presenter = !s.presenter),
        Action::Tab(t) => p.next_tab.set(*t),
        Action::ProgressTab(t) => p.next_progress_tab.set(*t),
        Action::TeamTab(t) => p.next_team_tab.set(*t),
        Action::StepTab(by) => {
            if let Some(tab) = &p.tab {
                p.next_tab.set(tab.get().step(*by));
            } else if let Some(tab) = &p.progress_tab {
                p.next_progress_tab.set(tab.get().step(*by));
            } else if let Some(tab) = &p.team_tab {
                p.next_team_tab.set(tab.get().step(*by));
            }
        }
        Action::ToggleBlank => p.next_presenter.set(match p.presenter.get() {
            Presenter::Shown => Presenter::Blanked,
            Presenter::Blanked => Presenter::Shown,
        }),
        Action::Dialogue(_)
        | Action::Profile(_)
        | Action::Progress(_)
        | Action::Quiz(_)
        | Action::Lrs(_)
        | Action::Team(_) => {}
    }
}

/// Changes a setting for this launch; on the settings screen the change is also saved.
///
/// Keys used elsewhere (L, Ctrl±, M) and launch options such as `--lang` never reach the file, so
/// on a shared training PC one trainer's projector set-up does not become the next person's.
fn change(p: &mut ShellParams, f: impl Fn(&mut Settings)) {
    let before = p.settings.clone();
    f(&mut p.settings);
    if *p.overlay.get() == Overlay::Settings {
        // Only the field the player changed reaches the file; a launch option for another field
        // (say `--text-scale 150`) stays out of it.
        let (now, saved) = (&*p.settings, &mut p.saved.0);
        if now.lang != before.lang {
            saved.lang = now.lang;
        }
        if now.text_scale != before.text_scale {
            saved.text_scale = now.text_scale;
        }
        if now.high_contrast != before.high_contrast {
            saved.high_contrast = now.high_contrast;
        }
        if now.mode != before.mode {
            saved.mode = now.mode;
        }
        if now.fullscreen != before.fullscreen {
            saved.fullscreen = now.fullscreen;
        }
        if now.presenter != before.presenter {
            saved.presenter = now.presenter;
        }
        if let Err(e) = p.store.save(&p.saved.0) {
            warn!("settings not saved: {e}");
        }
    }
}

/// Esc: show a blanked screen, close an overlay, or go one screen back. In a conversation the
/// dialogue activity asks before leaving; it also decides where a debrief goes back to (the picker,
/// or the progress screen for a saved attempt), and the profiles activity closes its form first.
fn back(p: &mut ShellParams) {
    if *p.presenter.get() == Presenter::Blanked {
        p.next_presenter.set(Presenter::Shown);
        return;
    }
    if *p.overlay.get() != Overlay::None {
        p.next_overlay.set(Overlay::None);
        return;
    }
    match p.screen.get() {
        // A conversation and a quiz question ask first, a debrief goes back to where it was opened
        // from, and the profiles' form and the progress screen's saved figures close before their
        // screen does; a team session asks before it ends: their activities handle Esc.
        Screen::Title
        | Screen::Dialogue
        | Screen::Quiz
        | Screen::Debrief
        | Screen::Profiles
        | Screen::Progress
        | Screen::TeamLobby
        | Screen::TeamPlay
        | Screen::TeamEnd => {}
        Screen::Picker | Screen::QuizMenu | Screen::TeamSetup => p.next_screen.set(Screen::Title),
        Screen::QuizResults => p.next_screen.set(Screen::QuizMenu),
    }
}
