//! The title screen's model: the product name and its buttons, with "Continue" first when a
//! conversation was left unfinished, who is playing, and what spaced practice says is due today.

use crate::engine::library::Library;
use crate::engine::text::Lang;
use crate::game::core::saves::Saves;
use crate::game::core::{Action, DialogueAction, ProfileAction, Screen, Target};
use crate::game::i18n;
use crate::i18n::{Args, tr, tra};

/// The title screen's model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleView {
    /// The interface language.
    pub lang: Lang,
    /// The product name.
    pub name: String,
    /// The line under it.
    pub tagline: String,
    /// The key hint.
    pub hint: String,
    /// "Continue: The guitar they threw, reply 4 of 7", when a conversation was left unfinished.
    pub resume: Option<String>,
    /// The unfinished conversation's scenario changed, so it starts again: (note, scenario id).
    pub changed: Option<(String, String)>,
    /// "Player: Anna (Onboarding March)", the button that opens the list of profiles.
    pub player: Option<String>,
    /// "3 principles are due for practice today", when any are.
    pub due: Option<String>,
    /// "Practise: The guitar they threw": the scenario covering the most due principles.
    pub practise: Option<(String, String)>,
    /// The store had to be repaired when the game opened: what happened, until dismissed.
    pub recovery: Option<String>,
    /// Whether progress is kept (a store is open): the progress button is offered.
    pub saving: bool,
}

/// "Practise: The guitar they threw" and the scenario it starts: the one covering the most principles
/// due today. The title screen and the progress screen both offer it.
pub fn practise(saves: &Saves, library: &Library, lang: Lang) -> Option<(String, String)> {
    saves.practise.as_ref().map(|p| {
        (
            tra(
                lang,
                "title-practise",
                &Args::new().str("scenario", library.scenario_title(&p.scenario, lang)),
            ),
            p.scenario.clone(),
        )
    })
}

impl TitleView {
    /// The model for `lang`, without saved progress.
    pub fn new(lang: Lang) -> TitleView {
        TitleView {
            lang,
            name: i18n::APP_NAME.get(lang),
            tagline: i18n::TAGLINE.get(lang),
            hint: i18n::TITLE_HINT.get(lang),
            resume: None,
            changed: None,
            player: None,
            due: None,
            practise: None,
            recovery: None,
            saving: false,
        }
    }

    /// The model with what the store and the conversation say about unfinished work.
    pub fn with_progress(
        lang: Lang,
        saves: Option<&Saves>,
        library: &Library,
        changed: Option<&str>,
    ) -> TitleView {
        let mut vm = TitleView::new(lang);
        let title_of = |id: &str| library.scenario_title(id, lang);
        if let Some(p) = saves.and_then(|s| s.pending.as_ref()) {
            let of = library
                .get(&p.activity)
                .and_then(|l| l.analysis.decisions)
                .map_or(0, |r| r.best.max(r.worst));
            vm.resume = Some(tra(
                lang,
                "title-continue",
                &Args::new()
                    .str("scenario", title_of(&p.activity))
                    .num("n", (p.steps.len() + 1) as f64)
                    .num("of", f64::from(of.max(0))),
            ));
        }
        if let Some(saves) = saves {
            vm.saving = true;
            let name = saves.name(lang);
            vm.player = Some(
                match saves.current.as_ref().and_then(|p| p.group.as_deref()) {
                    Some(group) => tra(
                        lang,
                        "title-player-group",
                        &Args::new().str("name", name).str("group", group),
                    ),
                    None => tra(lang, "title-player", &Args::new().str("name", name)),
                },
            );
            if saves.due > 0 {
                vm.due = Some(tra(
                    lang,
                    "title-due",
                    &Args::new().num("n", saves.due as f64),
                ));
            }
            vm.practise = practise(saves, library, lang);
            vm.recovery = saves
                .recovery
                .as_ref()
                .map(|r| crate::store::recovery::message(lang, r));
        }
        if let Some(id) = changed {
            vm.changed = Some((
                tra(
                    lang,
                    "title-resume-changed",
                    &Args::new().str("scenario", title_of(id)),
                ),
                id.to_string(),
            ));
        }
        vm
    }

    /// The buttons, top to bottom: the repaired store's OK, Continue (or Start again) when there is
    /// one, then Play, Quiz, Practise, Progress, the player, Settings and Quit.
    pub fn targets(&self) -> Vec<Target> {
        let lang = self.lang;
        let mut t = Vec::new();
        if self.recovery.is_some() {
            t.push(Target::new(
                ProfileAction::DismissRecovery,
                tr(lang, "title-recovery-ok"),
            ));
        }
        if let Some(label) = &self.resume {
            t.push(Target::new(DialogueAction::Resume, label.clone()));
        }
        if let Some((_, id)) = &self.changed {
            t.push(Target::new(
                DialogueAction::Start(id.clone()),
                i18n::START_AGAIN.get(lang),
            ));
        }
        t.push(Target::new(
            Action::Goto(Screen::Picker),
            i18n::PLAY.get(lang),
        ));
        t.push(Target::new(
            Action::Goto(Screen::QuizMenu),
            tr(lang, "quiz-title"),
        ));
        t.push(Target::new(
            crate::game::core::TeamAction::Setup,
            tr(lang, "team-session-title"),
        ));
        if let Some((label, id)) = &self.practise {
            t.push(Target::new(
                DialogueAction::Start(id.clone()),
                label.clone(),
            ));
        }
        if self.saving {
            t.push(Target::new(
                Action::Goto(Screen::Progress),
                tr(lang, "title-progress"),
            ));
        }
        if let Some(player) = &self.player {
            t.push(Target::new(Action::Goto(Screen::Profiles), player.clone()));
        }
        t.extend([
            Target::new(Action::OpenSettings, i18n::SETTINGS.get(lang)),
            Target::new(Action::Quit, i18n::QUIT.get(lang)),
        ]);
        t
    }
}
