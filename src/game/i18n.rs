//! The game's own interface texts, each written once in Russian and once in English.
//!
//! Scenario texts come from the RON files; everything else a player reads is here, as constants, so
//! that a missing translation is a compile error rather than an empty label.

use crate::engine::text::Lang;

/// An interface text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct T {
    /// Russian.
    pub ru: &'static str,
    /// English.
    pub en: &'static str,
}

impl T {
    /// The text in `lang`.
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ru => self.ru,
            Lang::En => self.en,
        }
    }

    /// The text in `lang` with `{n}` replaced by `n`.
    pub fn with(self, lang: Lang, n: impl std::fmt::Display) -> String {
        self.get(lang).replace("{n}", &n.to_string())
    }
}

/// Shorthand for building a [`T`].
const fn t(ru: &'static str, en: &'static str) -> T {
    T { ru, en }
}

/// Picks the Russian plural form for `n`: `one` (1, 21), `few` (2–4, 22–24) or `many` (the rest,
/// 11–14 included).
pub fn plural_ru(n: u64, one: &'static str, few: &'static str, many: &'static str) -> &'static str {
    let (d10, d100) = (n % 10, n % 100);
    if d10 == 1 && d100 != 11 {
        one
    } else if (2..=4).contains(&d10) && !(12..=14).contains(&d100) {
        few
    } else {
        many
    }
}

/// "5 min" / "5 минут", with the right Russian plural.
pub fn minutes(n: u16, lang: Lang) -> String {
    match lang {
        Lang::Ru => format!(
            "{n} {}",
            plural_ru(u64::from(n), "минута", "минуты", "минут")
        ),
        Lang::En => format!("{n} min"),
    }
}

/// "+2 points" / "+2 балла", signed, with the right Russian plural.
pub fn points(n: i32, lang: Lang) -> String {
    let word = match lang {
        Lang::Ru => plural_ru(u64::from(n.unsigned_abs()), "балл", "балла", "баллов"),
        Lang::En if n.abs() == 1 => "point",
        Lang::En => "points",
    };
    format!("{n:+} {word}")
}

/// The product name, shown on the title screen and in the window title.
pub const APP_NAME: T = t("Клиент прежде всего", "Client First");
/// The line under the product name.
pub const TAGLINE: T = t(
    "Тренажёр клиентского сервиса: разговоры с Клиентом по реальным случаям",
    "Customer-service training: conversations with a Client, built from real cases",
);
/// Title screen: go to the scenario picker.
pub const PLAY: T = t("Играть", "Play");
/// Title screen and elsewhere: open the settings.
pub const SETTINGS: T = t("Настройки", "Settings");
/// Title screen: close the game.
pub const QUIT: T = t("Выход", "Quit");
/// Keyboard hint on the title screen.
pub const TITLE_HINT: T = t(
    "↑ ↓ — выбрать, Enter — подтвердить, L — язык, Ctrl + / Ctrl − — размер текста, F11 — во весь экран",
    "↑ ↓ to move, Enter to confirm, L for language, Ctrl + / Ctrl − text size, F11 full screen",
);

/// Picker heading.
pub const PICK_HEADING: T = t("Выберите разговор", "Choose a conversation");
/// Picker: hint for keys.
pub const PICK_HINT: T = t(
    "↑ ↓ — выбрать, Enter — начать, M — режим, Esc — назад",
    "↑ ↓ to move, Enter to start, M to switch mode, Esc to go back",
);
/// Badge on the recommended card.
pub const RECOMMENDED: T = t("Рекомендуем следующим", "Recommended next");
/// Label of the best score of this session on a card.
pub const BEST_SCORE: T = t("Лучший результат: {n}%", "Best score: {n}%");
/// A card that has not been played in this session.
pub const NOT_PLAYED: T = t("Ещё не пройден", "Not played yet");
/// Label before the list of principles on a card.
pub const TRAINS: T = t("Тренирует", "Trains");
/// Button on a card.
pub const START: T = t("Начать", "Start");
/// Difficulty labels, 1 to 3.
pub const DIFFICULTY: [T; 3] = [
    t("Лёгкий", "Easy"),
    t("Средний", "Medium"),
    t("Сложный", "Hard"),
];
/// Step number on the learning path.
pub const STEP_OF_PATH: T = t("Шаг {n}", "Step {n}");
/// Heading of the list of files that failed to load.
pub const PROBLEMS_HEADING: T = t(
    "Файлы, которые не загрузились",
    "Files that could not be loaded",
);
/// Explanation under the problems heading.
pub const PROBLEMS_NOTE: T = t(
    "Остальные разговоры доступны. Исправьте файл — игра перезагрузит его сама.",
    "Every other conversation still plays. Fix the file and the game reloads it.",
);
/// Shown when no scenario at all could be loaded.
pub const NO_SCENARIOS: T = t(
    "Нет ни одного разговора, который можно сыграть.",
    "There is no conversation that can be played.",
);
/// A short note after a hot reload.
pub const RELOADED: T = t("Сценарии перезагружены", "Scenarios reloaded");

/// "19 playable, 1 with errors", for the note after a hot reload.
pub fn reload_counts(playable: usize, broken: usize, lang: Lang) -> String {
    match lang {
        Lang::Ru => format!("можно играть: {playable}, с ошибками: {broken}"),
        Lang::En => format!("{playable} playable, {broken} with errors"),
    }
}

/// Mode names.
pub const COACH: T = t("Тренер", "Coach");
/// Exam mode name.
pub const EXAM: T = t("Экзамен", "Exam");
/// Mode label.
pub const MODE: T = t("Режим", "Mode");
/// Explanation of coach mode.
pub const COACH_NOTE: T = t(
    "подсказки после каждого ответа",
    "feedback after every reply",
);
/// Explanation of exam mode.
pub const EXAM_NOTE: T = t("разбор только в конце", "feedback only at the end");

/// The mood meter's caption.
pub const MOOD: T = t("Настроение", "Mood");
/// Mood words, from furious to delighted.
pub const MOODS: [T; 5] = [
    t("в ярости", "furious"),
    t("расстроен", "upset"),
    t("сдержан", "neutral"),
    t("спокоен", "calm"),
    t("в восторге", "delighted"),
];
/// Dialogue: the prompt above the choices.
pub const YOUR_REPLY: T = t("Ваш ответ", "Your reply");
/// Dialogue: continue button.
pub const CONTINUE: T = t("Дальше", "Continue");
/// Dialogue: button after an ending.
pub const SEE_DEBRIEF: T = t("К разбору", "See the debrief");
/// Dialogue: hint under the choices.
pub const CHOICE_HINT: T = t(
    "1–4 — ответить, ↑ ↓ и Enter — выбрать, Esc — выйти",
    "1–4 to reply, ↑ ↓ and Enter to pick, Esc to leave",
);
/// Dialogue: hint under a continue button.
pub const CONTINUE_HINT: T = t(
    "Enter, пробел или → — дальше",
    "Enter, Space or → to continue",
);
/// Coach feedback heading.
pub const COACH_HEADING: T = t("Разбор ответа", "About that reply");
/// Coach: a principle upheld.
pub const UPHELD: T = t("соблюдён", "upheld");
/// Coach: a principle broken.
pub const BROKEN: T = t("нарушен", "broken");
/// Coach: the mood change.
pub const MOOD_CHANGE: T = t("Настроение Клиента: {n}", "The Client's mood: {n}");
/// Exam mode note in the dialogue.
pub const EXAM_BADGE: T = t(
    "Экзамен: разбор будет в конце",
    "Exam: the feedback comes at the end",
);
/// The ending card's heading.
pub const ENDING: T = t("Финал", "Ending");
/// Abandon dialog.
pub const ABANDON_QUESTION: T = t(
    "Прервать разговор? Ход этого прохождения не сохранится.",
    "Leave this conversation? This playthrough will not be kept.",
);
/// Abandon dialog: leave.
pub const ABANDON_YES: T = t("Прервать", "Leave");
/// Abandon dialog: stay.
pub const ABANDON_NO: T = t("Продолжить разговор", "Keep talking");
/// Step counter in the dialogue header.
pub const DECISION_N: T = t("Ответ {n}", "Reply {n}");

/// Debrief heading.
pub const DEBRIEF: T = t("Разбор", "Debrief");
/// Debrief tabs.
pub const TAB_SUMMARY: T = t("Итог", "Summary");
/// Debrief tab: principles.
pub const TAB_PRINCIPLES: T = t("Принципы", "Principles");
/// Debrief tab: decisions.
pub const TAB_DECISIONS: T = t("Ответы", "Replies");
/// Debrief: overall score.
pub const SCORE: T = t("Результат", "Score");
/// Debrief: ending reached.
pub const ENDING_REACHED: T = t("Финал разговора", "How it ended");
/// Debrief: endings discovered.
pub const ENDINGS_FOUND: T = t("Найдено финалов: {n}", "Endings discovered: {n}");
/// Debrief: weakest principles heading.
pub const WEAKEST: T = t("Над чем поработать", "What to work on");
/// Debrief: nothing weak.
pub const NO_WEAKNESS: T = t(
    "Слабых мест нет: каждый принцип соблюдён на лучшем уровне.",
    "No weak spots: every principle was upheld as well as it could be.",
);
/// Debrief: links to other scenarios.
pub const TRAIN_IN: T = t("Потренируйте в разговоре:", "Practise it in:");
/// Debrief: principle not met in this run.
pub const NOT_FACED: T = t(
    "в этом прохождении не встретился",
    "did not come up in this playthrough",
);
/// Debrief: the choice made.
pub const YOU_SAID: T = t("Ваш ответ", "You said");
/// Debrief: the better option.
pub const BETTER: T = t("Лучше было бы", "A better reply");
/// Debrief: best reply made.
pub const BEST_MADE: T = t("Это был лучший ответ.", "That was the best reply.");
/// Debrief: mood line.
pub const MOOD_FROM_TO: T = t("Настроение Клиента", "The Client's mood");
/// Debrief: retry.
pub const RETRY: T = t("Сыграть ещё раз", "Play again");
/// Debrief: another scenario.
pub const ANOTHER: T = t("Другой разговор", "Another conversation");
/// Debrief and elsewhere: main menu.
pub const MENU: T = t("Главное меню", "Main menu");
/// Debrief hint.
pub const DEBRIEF_HINT: T = t(
    "PageDown / → — следующая вкладка, PageUp / ← — предыдущая, ↑ ↓ и Enter — кнопки",
    "PageDown / → next tab, PageUp / ← previous tab, ↑ ↓ and Enter for the buttons",
);
/// Debrief: principles legend.
pub const PRINCIPLES_NOTE: T = t(
    "Процент — насколько ваши ответы в этих местах близки к лучшим.",
    "The percentage shows how close your replies came to the best ones at those points.",
);
/// Debrief: the source of a principle.
pub const SOURCE: T = t("Источник", "Source");

/// Settings heading.
pub const SETTINGS_HEADING: T = t("Настройки", "Settings");
/// Settings: language.
pub const LANGUAGE: T = t("Язык", "Language");
/// Settings: text size.
pub const TEXT_SCALE: T = t("Размер текста", "Text size");
/// Settings: high contrast.
pub const HIGH_CONTRAST: T = t("Высокий контраст", "High contrast");
/// Settings: fullscreen.
pub const FULLSCREEN: T = t("Во весь экран", "Full screen");
/// Settings: on.
pub const ON: T = t("вкл.", "on");
/// Settings: off.
pub const OFF: T = t("выкл.", "off");
/// Settings: back.
pub const BACK: T = t("Назад", "Back");
/// Settings hint.
pub const SETTINGS_HINT: T = t(
    "↑ ↓ — выбрать, Enter — изменить, Esc — назад. Настройки сохраняются сразу.",
    "↑ ↓ to move, Enter to change, Esc to go back. Settings are saved at once.",
);
/// Settings: a damaged settings file was set aside.
pub const SETTINGS_DAMAGED: T = t(
    "Файл настроек не читается, взяты значения по умолчанию. Старый файл сохранён рядом с расширением .bak.",
    "The settings file could not be read, so defaults are in use. The old file is kept beside it as .bak.",
);
/// Settings: where the file lives.
pub const SETTINGS_FILE: T = t("Файл настроек", "Settings file");
/// Settings: saving failed.
pub const SETTINGS_NOT_SAVED: T = t(
    "Не удалось сохранить настройки",
    "The settings could not be saved",
);

/// Shown while the screen is blanked by the presenter's B key.
pub const BLANK_HINT: T = t("B — вернуть экран", "B to show the screen");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_plurals_follow_the_last_two_digits() {
        let f = |n| plural_ru(n, "балл", "балла", "баллов");
        assert_eq!(
            [1, 2, 5, 11, 12, 21, 22, 25, 111, 104].map(f),
            [
                "балл",
                "балла",
                "баллов",
                "баллов",
                "баллов",
                "балл",
                "балла",
                "баллов",
                "баллов",
                "балла"
            ]
        );
        assert_eq!(points(-1, Lang::En), "-1 point");
        assert_eq!(points(3, Lang::Ru), "+3 балла");
        assert_eq!(minutes(21, Lang::Ru), "21 минута");
    }
}
