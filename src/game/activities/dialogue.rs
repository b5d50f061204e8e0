//! The conversation activity: starting a run, replying, the coach's feedback, leaving, and the
//! debrief at the end. It handles [`DialogueAction`]s and Esc on the dialogue screen.

use crate::engine::debrief::{self, Debrief};
use crate::engine::library::Loaded;
use crate::engine::run::Run;
use crate::game::core::content::{Content, Progress};
use crate::game::core::saves::Saves;
use crate::game::core::settings::{Mode, Settings};
use crate::game::core::{Action, DialogueAction, GameSet, Overlay, Presenter, Screen};
use bevy::prelude::*;
use std::sync::Arc;

/// A conversation in progress.
#[derive(Debug, Clone)]
pub struct ActiveRun {
    /// The engine's run.
    pub run: Run,
    /// The scenario as loaded, with its analysis, for the debrief. The run keeps it even if the
    /// library is reloaded meanwhile.
    pub loaded: Loaded,
    /// Coach or exam, fixed for the whole run.
    pub mode: Mode,
    /// In coach mode, the reply just made, whose feedback is on screen: (node id, choice id).
    pub feedback: Option<(String, String)>,
    /// The attempt in the progress store, saved after every reply, when there is a store.
    pub attempt: Option<crate::store::AttemptId>,
    /// When the current decision came on screen, for the time each reply took.
    pub shown_at: std::time::Instant,
}

/// The conversation in progress and the debrief of the last one.
#[derive(Resource, Debug, Default)]
pub struct Conversation {
    /// The run in progress.
    pub active: Option<ActiveRun>,
    /// The debrief of the last finished run.
    pub debrief: Option<Arc<Debrief>>,
    /// "Play again" found its scenario gone from the library: the debrief says so.
    pub retry_missing: Option<String>,
    /// The unfinished conversation could not be continued exactly (its scenario changed or is
    /// gone): the title says so and offers to start it again. Holds the scenario id.
    pub resume_changed: Option<String>,
    /// The debrief on screen is a saved attempt opened from the progress screen's history, so
    /// going back returns there.
    pub reviewing: bool,
    /// The stored attempt of the debrief on screen, for "Save report".
    pub attempt: Option<crate::store::AttemptId>,
    /// What "Save report" did for this debrief.
    pub report: Option<super::lrs::ReportNote>,
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
    app.init_resource::<Conversation>()
        .init_resource::<Seeds>()
        .add_systems(Update, apply_actions.in_set(GameSet::Apply));
}

/// Everything the conversation changes, gathered for [`apply`].
#[derive(bevy::ecs::system::SystemParam)]
pub struct DialogueParams<'w> {
    conv: ResMut<'w, Conversation>,
    settings: Res<'w, Settings>,
    progress: ResMut<'w, Progress>,
    content: Res<'w, Content>,
    seeds: Res<'w, Seeds>,
    screen: Res<'w, State<Screen>>,
    next_screen: ResMut<'w, NextState<Screen>>,
    overlay: Res<'w, State<Overlay>>,
    next_overlay: ResMut<'w, NextState<Overlay>>,
    presenter: Res<'w, State<Presenter>>,
    saves: Option<ResMut<'w, Saves>>,
    lrs: Option<Res<'w, super::lrs::Lrs>>,
}

fn apply_actions(mut actions: MessageReader<Action>, mut p: DialogueParams) {
    for action in actions.read() {
        match action {
            Action::Dialogue(a) => apply(a, &mut p),
            Action::Back => back(&mut p),
            _ => {}
        }
    }
}

/// Carries out one dialogue action.
fn apply(action: &DialogueAction, p: &mut DialogueParams) {
    match action {
        DialogueAction::Start(id) => start(id, p),
        DialogueAction::Retry => {
            if let Some(id) = p.conv.debrief.as_ref().map(|d| d.scenario.clone()) {
                if p.content.library.get(&id).is_some() {
                    start(&id, p);
                } else {
                    p.conv.retry_missing = Some(id);
                }
            }
        }
        DialogueAction::Choose(id) => choose(id, p),
        DialogueAction::Continue => {
            if *p.overlay.get() != Overlay::None {
                return;
            }
            if let Some(a) = &mut p.conv.active
                && a.feedback.take().is_none()
                && a.run.can_continue()
            {
                // `can_continue` said yes, so advancing cannot fail.
                let _ = a.run.advance();
            }
        }
        DialogueAction::ShowDebrief => show_debrief(p),
        DialogueAction::Resume => resume(p),
        DialogueAction::Abandon => {
            // The replies made so far stay saved: the title offers to continue where it was left.
            if let Some(saves) = p.saves.as_mut()
                && p.conv.active.as_ref().is_some_and(|a| a.attempt.is_some())
            {
                let profile = saves.profile;
                match saves.with(|s| s.in_progress(profile, crate::store::Kind::Dialogue)) {
                    Ok(pending) => saves.pending = pending,
                    Err(e) => warn!("unfinished conversation not read: {e}"),
                }
            }
            p.conv.active = None;
            p.next_overlay.set(Overlay::None);
            p.next_screen.set(Screen::Picker);
        }
    }
}

/// Esc in a conversation asks before leaving; after an ending (or with no run) it just leaves.
fn back(p: &mut DialogueParams) {
    if *p.overlay.get() != Overlay::None || *p.presenter.get() == Presenter::Blanked {
        return;
    }
    if *p.screen.get() == Screen::Debrief {
        // A saved attempt's debrief goes back to the history it was opened from.
        p.next_screen.set(if p.conv.reviewing {
            Screen::Progress
        } else {
            Screen::Picker
        });
        return;
    }
    if *p.screen.get() != Screen::Dialogue {
        return;
    }
    if p.conv.active.is_some() {
        p.next_overlay.set(Overlay::Leave);
    } else {
        p.next_screen.set(Screen::Picker);
    }
}

/// Continues the conversation left unfinished: the same seed, shuffles and transcript, rebuilt
/// from the saved replies. A scenario that changed since is never replayed: the title says so and
/// offers to start it again.
fn resume(p: &mut DialogueParams) {
    let Some(saves) = p.saves.as_mut() else {
        return;
    };
    let Some(pending) = saves.pending.take() else {
        return;
    };
    match crate::store::restore(&pending, &p.content.library) {
        crate::store::Resume::Ready(run) => {
            let Some(loaded) = p.content.library.get(&pending.activity) else {
                return;
            };
            p.conv.active = Some(ActiveRun {
                run: *run,
                loaded: loaded.clone(),
                mode: pending.mode.into(),
                feedback: None,
                attempt: Some(pending.attempt),
                shown_at: std::time::Instant::now(),
            });
            p.conv.resume_changed = None;
            p.next_overlay.set(Overlay::None);
            p.next_screen.set(Screen::Dialogue);
        }
        other => {
            warn!("the unfinished conversation cannot be continued: {other:?}");
            if let Err(e) = saves.with(|s| s.discard_attempt(pending.attempt)) {
                warn!("unfinished attempt not discarded: {e}");
            }
            p.conv.resume_changed = Some(pending.activity);
        }
    }
}

fn start(id: &str, p: &mut DialogueParams) {
    let Some(loaded) = p.content.library.get(id) else {
        warn!("no playable scenario `{id}`");
        return;
    };
    let seed = p.seeds.next();
    let run = Run::start(Arc::clone(&loaded.scenario), seed);
    let mode = p.settings.mode.into();
    let attempt = p.saves.as_ref().and_then(|saves| {
        let new =
            crate::store::NewAttempt::dialogue(saves.profile, loaded, seed, mode, p.settings.lang);
        saves
            .with(|s| s.start_attempt(&new))
            .map_err(|e| warn!("attempt not saved: {e}"))
            .ok()
    });
    p.conv.active = Some(ActiveRun {
        run,
        loaded: loaded.clone(),
        mode: p.settings.mode,
        feedback: None,
        attempt,
        shown_at: std::time::Instant::now(),
    });
    p.conv.retry_missing = None;
    p.conv.resume_changed = None;
    p.conv.reviewing = false;
    if let Some(saves) = p.saves.as_mut() {
        // Starting anew replaces the unfinished conversation (the store drops it too).
        saves.pending = None;
    }
    p.next_overlay.set(Overlay::None);
    p.next_screen.set(Screen::Dialogue);
}

fn choose(id: &str, p: &mut DialogueParams) {
    if *p.overlay.get() != Overlay::None {
        return;
    }
    let Some(a) = &mut p.conv.active else {
        return;
    };
    if a.feedback.is_some() {
        return;
    }
    let node = a.run.state().node.clone();
    match a.run.choose(id) {
        Ok(()) => {
            // The autosave: a crash or a power cut loses at most the reply being made.
            if let (Some(saves), Some(attempt)) = (&p.saves, a.attempt) {
                let ms = u32::try_from(a.shown_at.elapsed().as_millis()).unwrap_or(u32::MAX);
                let step = crate::store::Step::decision(&node, id, ms);
                let index = a.run.decisions().len().saturating_sub(1);
                if let Err(e) = saves.with(|s| s.save_step(attempt, index, &step)) {
                    warn!("reply not saved: {e}");
                }
            }
            a.shown_at = std::time::Instant::now();
            if a.mode == Mode::Coach {
                a.feedback = Some((node, id.to_string()));
            }
        }
        // A stale click (a choice no longer offered) is ignored, never a crash.
        Err(e) => warn!("choice `{id}` ignored: {e}"),
    }
}

fn show_debrief(p: &mut DialogueParams) {
    let Some(a) = &p.conv.active else {
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
    let d = debrief::build(&a.loaded, &outcome, &p.content.library.all(), &earlier);
    p.progress
        .record(&scenario.id, d.score.overall, &outcome.ending);
    // Durable once the debrief is on screen.
    if let (Some(saves), Some(attempt)) = (p.saves.as_mut(), a.attempt) {
        if let Err(e) = saves.with(|s| s.finish_dialogue(attempt, &a.loaded, &outcome)) {
            warn!("attempt not saved: {e}");
        }
        // The reviews this attempt posted change what is due today.
        saves.refresh(&p.content.library);
        super::lrs::queue_finished(saves, p.lrs.as_deref(), attempt, &p.content.library);
    }
    p.conv.attempt = a.attempt;
    p.conv.report = None;
    p.conv.debrief = Some(Arc::new(d));
    p.conv.reviewing = false;
    p.conv.active = None;
    p.next_screen.set(Screen::Debrief);
}
