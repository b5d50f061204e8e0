//! The title screen's model: the product name and its buttons.

use crate::engine::text::Lang;
use crate::game::core::{Action, Screen, Target};
use crate::game::i18n;

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
}

impl TitleView {
    /// The model for `lang`.
    pub fn new(lang: Lang) -> TitleView {
        TitleView {
            lang,
            name: i18n::APP_NAME.get(lang),
            tagline: i18n::TAGLINE.get(lang),
            hint: i18n::TITLE_HINT.get(lang),
        }
    }

    /// The buttons, top to bottom.
    pub fn targets(&self) -> Vec<Target> {
        let lang = self.lang;
        vec![
            Target::new(Action::Goto(Screen::Picker), i18n::PLAY.get(lang)),
            Target::new(Action::OpenSettings, i18n::SETTINGS.get(lang)),
            Target::new(Action::Quit, i18n::QUIT.get(lang)),
        ]
    }
}
