//! Words for the engine's enums: the engine returns `Channel`, `EndingKind`, `Grade` and `Theme`,
//! and every surface names them through these functions, so each name is written once per language.

use super::tr;
use crate::engine::model::{Channel, EndingKind, Theme};
use crate::engine::run::Utterance;
use crate::engine::score::Grade;
use crate::engine::text::Lang;

/// The channel's name: "Phone", "Телефон".
pub fn channel(lang: Lang, c: Channel) -> String {
    tr(
        lang,
        match c {
            Channel::Phone => "channel-phone",
            Channel::Chat => "channel-chat",
            Channel::Email => "channel-email",
            Channel::Desk => "channel-desk",
            Channel::InPerson => "channel-in-person",
        },
    )
}

/// The ending kind's name: "Wow!", "Client lost".
pub fn ending_kind(lang: Lang, k: EndingKind) -> String {
    tr(
        lang,
        match k {
            EndingKind::Wow => "ending-wow",
            EndingKind::Resolved => "ending-resolved",
            EndingKind::Partial => "ending-partial",
            EndingKind::Escalated => "ending-escalated",
            EndingKind::Lost => "ending-lost",
            EndingKind::Parted => "ending-parted",
        },
    )
}

/// The grade's name: "Excellent", "Удовлетворительно".
pub fn grade(lang: Lang, g: Grade) -> String {
    tr(
        lang,
        match g {
            Grade::Excellent => "grade-excellent",
            Grade::Good => "grade-good",
            Grade::Fair => "grade-fair",
            Grade::Weak => "grade-weak",
            Grade::Poor => "grade-poor",
        },
    )
}

/// The theme's name: "Empathy", "Честность".
pub fn theme(lang: Lang, t: Theme) -> String {
    tr(
        lang,
        match t {
            Theme::Empathy => "theme-empathy",
            Theme::Solutions => "theme-solutions",
            Theme::Honesty => "theme-honesty",
            Theme::Respect => "theme-respect",
            Theme::Process => "theme-process",
            Theme::Team => "theme-team",
        },
    )
}

/// The name shown above an utterance: the trainee is "You" / "Вы", the narrator has none.
pub fn speaker(lang: Lang, u: &Utterance) -> String {
    if u.speaker == crate::engine::model::SPEAKER_YOU {
        tr(lang, "speaker-you")
    } else {
        u.name.clone()
    }
}
