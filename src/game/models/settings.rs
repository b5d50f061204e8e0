//! The settings screen's model: the current values and a row per setting.

use crate::game::core::Action;
use crate::game::core::Target;
use crate::game::core::settings::{Mode, Settings, SettingsStore};
use crate::game::i18n;

/// The settings screen's model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsView {
    /// The current settings.
    pub settings: Settings,
    /// The settings file, when there is one.
    pub file: Option<String>,
    /// The file could not be read at start.
    pub damaged: Option<String>,
    /// The last save failed.
    pub save_error: Option<String>,
    /// The Learning Record Store's fields and status, when progress is kept.
    pub lrs: Option<LrsView>,
}

/// The LRS part of Settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LrsView {
    /// "3 statements waiting; last sent …", or why not.
    pub status: String,
    /// What the fields hold.
    pub draft: crate::game::activities::lrs::LrsDraft,
    /// A secret is saved (it is never shown).
    pub secret_saved: bool,
    /// The last save of these fields failed.
    pub error: Option<String>,
}

impl SettingsView {
    /// Builds the model.
    pub fn new(settings: &Settings, store: &SettingsStore) -> SettingsView {
        SettingsView {
            settings: settings.clone(),
            file: store.path.as_ref().map(|p| p.display().to_string()),
            damaged: store.damaged.as_ref().map(ToString::to_string),
            save_error: store.save_error.clone(),
            lrs: None,
        }
    }

    /// The model with the LRS part, when progress is kept.
    pub fn with_lrs(mut self, lrs: Option<&crate::game::activities::lrs::Lrs>) -> SettingsView {
        self.lrs = lrs.map(|l| LrsView {
            status: l.status(self.settings.lang),
            draft: l.draft.clone(),
            secret_saved: !l.config.secret.is_empty(),
            error: l.save_error.clone(),
        });
        self
    }

    /// The rows, top to bottom, each with what Enter does on it.
    pub fn targets(&self) -> Vec<Target> {
        let s = &self.settings;
        let lang = s.lang;
        let on_off = |on: bool| {
            if on {
                i18n::ON.get(lang)
            } else {
                i18n::OFF.get(lang)
            }
        };
        let mode = match s.mode {
            Mode::Coach => i18n::COACH.get(lang),
            Mode::Exam => i18n::EXAM.get(lang),
        };
        let mut t = vec![
            Target::new(
                Action::SetLang(s.next_lang()),
                format!("{}: {}", i18n::LANGUAGE.get(lang), s.lang.code()),
            ),
            Target::new(Action::ScaleStep(-1), "A−"),
            Target::new(Action::ScaleStep(1), "A+"),
            Target::new(
                Action::ToggleContrast,
                format!(
                    "{}: {}",
                    i18n::HIGH_CONTRAST.get(lang),
                    on_off(s.high_contrast)
                ),
            ),
            Target::new(
                Action::ToggleMode,
                format!("{}: {mode}", i18n::MODE.get(lang)),
            ),
            Target::new(
                Action::ToggleFullscreen,
                format!("{}: {}", i18n::FULLSCREEN.get(lang), on_off(s.fullscreen)),
            ),
            Target::new(
                Action::TogglePresenter,
                format!("{}: {}", i18n::PRESENTER.get(lang), on_off(s.presenter)),
            ),
        ];
        if self.lrs.is_some() {
            t.push(Target::new(
                crate::game::core::LrsAction::Save,
                crate::i18n::tr(lang, "settings-lrs-save"),
            ));
            t.push(Target::new(
                crate::game::core::LrsAction::SyncNow,
                crate::i18n::tr(lang, "settings-lrs-sync"),
            ));
        }
        t.push(Target::new(Action::Back, i18n::BACK.get(lang)));
        t
    }
}
