//! The Client's mood in five bands, and the word for each, agreeing with the Client's gender.

use crate::engine::model::Gender;
use crate::engine::text::Lang;
use crate::i18n::{Args, tra};

/// The five expressions, from the lowest mood to the highest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Expression {
    /// Mood below 20.
    Furious,
    /// Mood 20–39.
    Upset,
    /// Mood 40–59.
    Neutral,
    /// Mood 60–79.
    Calm,
    /// Mood 80 and above.
    Delighted,
}

impl Expression {
    /// The expression for a mood of 0–100.
    pub fn from_mood(mood: i32) -> Expression {
        match mood {
            i32::MIN..20 => Expression::Furious,
            20..40 => Expression::Upset,
            40..60 => Expression::Neutral,
            60..80 => Expression::Calm,
            _ => Expression::Delighted,
        }
    }

    /// The word for it, as on the mood meter: "спокойна" for a woman, "спокоен" for a man.
    pub fn word(self, lang: Lang, gender: Gender) -> String {
        let id = match self {
            Expression::Furious => "mood-furious",
            Expression::Upset => "mood-upset",
            Expression::Neutral => "mood-neutral",
            Expression::Calm => "mood-calm",
            Expression::Delighted => "mood-delighted",
        };
        tra(lang, id, &Args::new().str("gender", gender.key()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_follow_the_mood_in_five_bands() {
        let got = [0, 19, 20, 39, 40, 59, 60, 79, 80, 100].map(Expression::from_mood);
        use Expression::*;
        assert_eq!(
            got,
            [
                Furious, Furious, Upset, Upset, Neutral, Neutral, Calm, Calm, Delighted, Delighted
            ]
        );
    }

    #[test]
    fn russian_mood_words_agree_with_the_clients_gender() {
        assert_eq!(Expression::Upset.word(Lang::Ru, Gender::Male), "расстроен");
        assert_eq!(
            Expression::Upset.word(Lang::Ru, Gender::Female),
            "расстроена"
        );
        assert_eq!(Expression::Calm.word(Lang::Ru, Gender::Female), "спокойна");
        assert_eq!(
            Expression::Furious.word(Lang::Ru, Gender::Female),
            "в ярости"
        );
        assert_eq!(Expression::Calm.word(Lang::En, Gender::Female), "calm");
    }
}
