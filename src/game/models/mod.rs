//! View models: plain data built from the game core for each screen, with the screen's targets.
//! No egui here, so the headless tests read exactly what a player would see.
//!
//! Every frame, [`refresh_targets`] lists the targets of what is on screen (an overlay, or else the
//! screen itself) into [`Targets`], which the keyboard reads and the views draw.

pub mod debrief;
pub mod dialogue;
pub mod mood;
pub mod picker;
pub mod profiles;
pub mod progress;
pub mod question;
pub mod quiz;
pub mod settings;
pub mod team;
pub mod title;

use crate::engine::model::Catalog;
use crate::engine::text::Lang;
use crate::game::activities::dialogue::Conversation;
use crate::game::activities::profiles::Roster;
use crate::game::activities::progress::ProgressState;
use crate::game::activities::quiz::QuizSession;
use crate::game::core::content::{Content, Progress};
use crate::game::core::settings::{Settings, SettingsStore};
use crate::game::core::{
    DebriefTab, Focus, GameSet, Overlay, ProgressTab, Screen, Target, Targets, TeamTab,
};
use bevy::prelude::*;
use std::collections::BTreeMap;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, refresh_targets.in_set(GameSet::Targets));
}

/// What the models read to list the current targets.
#[derive(bevy::ecs::system::SystemParam)]
pub struct ModelData<'w> {
    /// The screen.
    pub screen: Res<'w, State<Screen>>,
    /// The overlay on it.
    pub overlay: Res<'w, State<Overlay>>,
    /// The debrief's tab, while the debrief is on.
    pub tab: Option<Res<'w, State<DebriefTab>>>,
    /// The conversation and the last debrief.
    pub conversation: Res<'w, Conversation>,
    /// The library.
    pub content: Res<'w, Content>,
    /// This session's progress.
    pub progress: Res<'w, Progress>,
    /// The settings in use.
    pub settings: Res<'w, Settings>,
    /// Where they are saved.
    pub store: Res<'w, SettingsStore>,
    /// The progress store, when there is one.
    pub saves: Option<Res<'w, crate::game::core::saves::Saves>>,
    /// The profiles screen's list and form.
    pub roster: Res<'w, Roster>,
    /// The progress screen's data.
    pub progress_state: Res<'w, ProgressState>,
    /// The progress screen's tab, while it is on.
    pub progress_tab: Option<Res<'w, State<ProgressTab>>>,
    /// The quiz round in progress and the last results.
    pub quiz: Res<'w, QuizSession>,
    /// The Learning Record Store, when progress is kept.
    pub lrs: Option<Res<'w, crate::game::activities::lrs::Lrs>>,
    /// The team session.
    pub team: Res<'w, crate::game::activities::team::TeamState>,
    /// The tab at the end of a team scenario, while it is on.
    pub team_tab: Option<Res<'w, State<TeamTab>>>,
}

/// The targets of what is on screen now, and where the highlight starts on it.
pub fn current_targets(d: &ModelData) -> (Vec<Target>, usize) {
    let lang = d.settings.lang;
    match d.overlay.get() {
        Overlay::Settings => {
            return (
                settings::SettingsView::new(&d.settings, &d.store)
                    .with_lrs(d.lrs.as_deref())
                    .targets(),
                0,
            );
        }
        Overlay::Leave if *d.screen.get() == Screen::Quiz => {
            return (quiz::leave(lang).targets(), 0);
        }
        Overlay::Leave if matches!(d.screen.get(), Screen::TeamLobby | Screen::TeamPlay) => {
            return (team::leave(lang).targets(), 0);
        }
        Overlay::Leave => return (question::QuestionView::leave(lang).targets(), 0),
        Overlay::Quit => return (question::QuestionView::quit(lang).targets(), 0),
        Overlay::DeleteProfile => {
            return (profiles::delete_question(&d.roster, lang).targets(), 0);
        }
        Overlay::Import => {
            return (
                progress::import_question(&d.progress_state, lang).targets(),
                0,
            );
        }
        Overlay::None => {}
    }
    match d.screen.get() {
        Screen::Title => (
            title::TitleView::with_progress(
                lang,
                d.saves.as_deref(),
                &d.content.library,
                d.conversation.resume_changed.as_deref(),
            )
            .targets(),
            0,
        ),
        Screen::Picker => (
            picker::PickerView::new(&d.content, &d.progress, &d.settings).targets(),
            picker::PickerView::initial_focus(&d.content.library, &d.progress),
        ),
        Screen::Dialogue => (
            d.conversation
                .active
                .as_ref()
                .map(|a| dialogue::DialogueView::new(a, &d.content.library, lang).targets())
                .unwrap_or_default(),
            0,
        ),
        Screen::Profiles => {
            let vm =
                profiles::ProfilesView::new(&d.roster, d.saves.as_ref().map(|s| s.profile), lang);
            (vm.targets(), vm.initial_focus())
        }
        Screen::Progress => (
            progress::ProgressView::new(
                &d.progress_state,
                d.saves.as_deref(),
                &d.content.library,
                d.progress_tab
                    .as_ref()
                    .map(|t| *t.get())
                    .unwrap_or_default(),
                lang,
            )
            .targets(),
            0,
        ),
        Screen::Debrief => (
            d.conversation
                .debrief
                .as_ref()
                .map(|db| {
                    debrief::DebriefView::new(
                        db,
                        &d.content.library,
                        lang,
                        d.tab.as_ref().map(|t| *t.get()).unwrap_or_default(),
                        d.conversation.retry_missing.is_some(),
                    )
                    .with_progress(d.saves.is_some(), d.conversation.report.as_ref())
                    .targets()
                })
                .unwrap_or_default(),
            0,
        ),
        Screen::QuizMenu => (
            quiz::MenuView::new(lang, &d.content.library, d.settings.mode, d.quiz.timed).targets(),
            0,
        ),
        Screen::Quiz => (
            d.quiz
                .active
                .as_ref()
                .and_then(|a| quiz::QuestionView::new(a, &d.content.library, lang))
                .map(|vm| vm.targets())
                .unwrap_or_default(),
            0,
        ),
        Screen::QuizResults => (
            d.quiz
                .finished
                .as_ref()
                .map(|f| {
                    quiz::ResultsView::new(f, &d.content.library, lang)
                        .with_report(f, d.quiz.report.as_ref())
                        .targets()
                })
                .unwrap_or_default(),
            0,
        ),
        Screen::TeamSetup => {
            let vm = team::SetupView::new(&d.team, &d.content.library, lang);
            (vm.targets(), 0)
        }
        Screen::TeamLobby => (
            team::LobbyView::new(&d.team, &d.content.library, lang)
                .map(|vm| vm.targets())
                .unwrap_or_default(),
            0,
        ),
        Screen::TeamPlay => (
            team::PlayView::new(&d.team, &d.content.library, lang)
                .map(|vm| vm.targets())
                .unwrap_or_default(),
            0,
        ),
        Screen::TeamEnd => {
            let tab = d.team_tab.as_ref().map(|t| *t.get()).unwrap_or_default();
            let targets = team::EndView::new(&d.team, &d.content.library, lang, tab)
                .map(|vm| vm.targets())
                .unwrap_or_default();
            // The clicker lands on the tab on screen, so Enter never jumps elsewhere.
            let at = TeamTab::ALL.iter().position(|t| *t == tab).unwrap_or(0);
            let at = if targets.len() > TeamTab::ALL.len() {
                at
            } else {
                0
            };
            (targets, at)
        }
    }
}

/// Lists the current targets. When the actions on screen change (a new screen, new replies), the
/// highlight goes to where that screen starts it; a change of labels alone (a language switch)
/// keeps it where it is.
pub fn refresh_targets(data: ModelData, mut targets: ResMut<Targets>, mut focus: ResMut<Focus>) {
    let (list, initial) = current_targets(&data);
    let same_actions = targets.0.len() == list.len()
        && targets
            .0
            .iter()
            .zip(&list)
            .all(|(a, b)| a.action == b.action);
    if !same_actions {
        focus.index = initial.min(list.len().saturating_sub(1));
        // A picker that starts on its recommended card scrolls it into sight.
        focus.moved = initial > 0;
    }
    if targets.0 != list {
        targets.0 = list;
    }
}

/// A principle moved by a reply, as the coach and the debrief show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// The principle's title.
    pub principle: String,
    /// Points the reply earned for it (negative when broken).
    pub points: i32,
}

/// The principles a reply's scores move, with their titles; principles it leaves at 0 are left out.
pub fn marks(scores: &BTreeMap<String, i32>, catalog: &Catalog, lang: Lang) -> Vec<Mark> {
    scores
        .iter()
        .filter(|(_, p)| **p != 0)
        .map(|(id, p)| Mark {
            principle: catalog.principle_title(id, lang),
            points: *p,
        })
        .collect()
}

/// A reply in the quotation marks of its language, unless it already has some.
pub fn quoted(text: &str, lang: Lang) -> String {
    if text.starts_with(['«', '“', '"', '„']) {
        return text.to_string();
    }
    match lang {
        Lang::Ru => format!("«{text}»"),
        Lang::En => format!("“{text}”"),
    }
}
