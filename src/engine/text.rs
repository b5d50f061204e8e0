//! Localized text: every string a user sees exists in Russian and in English.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A language the game ships texts in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Russian, the language of the source material.
    #[default]
    Ru,
    /// English.
    En,
}

impl Lang {
    /// Every supported language, in display order.
    pub const ALL: [Lang; 2] = [Lang::Ru, Lang::En];

    /// The two-letter code used in files and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// Parses a two-letter code, or a locale such as `ru-RU` or `en_GB.UTF-8`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        if lower.starts_with("ru") {
            Some(Lang::Ru)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text in both languages, written in scenario files as `(ru: "…", en: "…")`.
///
/// A missing language is an empty string; the validator reports it and the game
/// falls back to the other language rather than showing nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// The Russian text.
    #[serde(default)]
    pub ru: String,
    /// The English text.
    #[serde(default)]
    pub en: String,
}

impl Text {
    /// Builds a text from both translations.
    pub fn new(ru: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            ru: ru.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, falling back to the other language when it is missing.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Ru => (&self.ru, &self.en),
            Lang::En => (&self.en, &self.ru),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }

    /// Whether the translation for `lang` is present.
    pub fn has(&self, lang: Lang) -> bool {
        !match lang {
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
        .trim()
        .is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_the_other_language() {
        let t = Text::new("", "Hello");
        assert_eq!(t.get(Lang::Ru), "Hello");
        assert!(!t.has(Lang::Ru));
        assert!(t.has(Lang::En));
    }

    #[test]
    fn parses_locales() {
        assert_eq!(Lang::from_code("ru-RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_code("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
    }
}
