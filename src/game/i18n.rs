//! Handles to the game's own interface texts in the shared Fluent catalog (`assets/i18n`).
//!
//! Each constant names one message; the words live in `assets/i18n/{ru,en}/game.ftl`. Keeping the
//! handles here lets the views say `i18n::PLAY.get(lang)` while a test checks that every id used in
//! the code exists in both languages.

use crate::engine::text::Lang;
pub use crate::i18n::Msg as T;

/// Shorthand for building a [`T`].
const fn t(id: &'static str) -> T {
    T(id)
}

/// "5 min" / "5 минут", with the right Russian plural.
pub fn minutes(n: u16, lang: Lang) -> String {
    crate::i18n::minutes(lang, u32::from(n))
}

/// "+2 points" / "+2 балла", signed, with the right Russian plural.
pub fn points(n: i32, lang: Lang) -> String {
    crate::i18n::points(lang, n)
}

/// "19 playable, 1 with errors", for the note after a hot reload.
pub fn reload_counts(playable: usize, broken: usize, lang: Lang) -> String {
    crate::i18n::tra(
        lang,
        "reload-counts",
        &crate::i18n::Args::new()
            .num("playable", playable as f64)
            .num("broken", broken as f64),
    )
}

/// The product name, shown on the title screen and in the window title.
pub const APP_NAME: T = t("app-name");

/// The line under the product name.
pub const TAGLINE: T = t("tagline");

/// Title screen: go to the scenario picker.
pub const PLAY: T = t("play");

/// Title screen and elsewhere: open the settings.
pub const SETTINGS: T = t("settings");

/// Title screen: close the game.
pub const QUIT: T = t("quit");

/// Keyboard hint on the title screen.
pub const TITLE_HINT: T = t("title-hint");

/// Picker heading.
pub const PICK_HEADING: T = t("pick-heading");

/// Picker: hint for keys.
pub const PICK_HINT: T = t("pick-hint");

/// Badge on the recommended card.
pub const RECOMMENDED: T = t("recommended");

/// Label of the best score of this session on a card.
pub const BEST_SCORE: T = t("best-score");

/// A card that has not been played in this session.
pub const NOT_PLAYED: T = t("not-played");

/// Label before the list of principles on a card.
pub const TRAINS: T = t("trains");

/// Button on a card.
pub const START: T = t("start");

/// Step number on the learning path.
pub const STEP_OF_PATH: T = t("step-of-path");

/// Heading of the list of files that failed to load.
pub const PROBLEMS_HEADING: T = t("problems-heading");

/// Explanation under the problems heading.
pub const PROBLEMS_NOTE: T = t("problems-note");

/// Shown when no scenario at all could be loaded.
pub const NO_SCENARIOS: T = t("no-scenarios");

/// A short note after a hot reload.
pub const RELOADED: T = t("reloaded");

/// Mode names.
pub const COACH: T = t("coach");

/// Exam mode name.
pub const EXAM: T = t("exam");

/// Mode label.
pub const MODE: T = t("mode");

/// Explanation of coach mode.
pub const COACH_NOTE: T = t("coach-note");

/// Explanation of exam mode.
pub const EXAM_NOTE: T = t("exam-note");

/// The mood meter's caption.
pub const MOOD: T = t("mood");

/// Dialogue: the prompt above the choices.
pub const YOUR_REPLY: T = t("your-reply");

/// Dialogue: continue button.
pub const CONTINUE: T = t("continue");

/// Dialogue: button after an ending.
pub const SEE_DEBRIEF: T = t("see-debrief");

/// Dialogue: hint under the choices.
pub const CHOICE_HINT: T = t("choice-hint");

/// Dialogue: hint under a continue button.
pub const CONTINUE_HINT: T = t("continue-hint");

/// Coach feedback heading.
pub const COACH_HEADING: T = t("coach-heading");

/// Coach: a principle upheld.
pub const UPHELD: T = t("upheld");

/// Coach: a principle broken.
pub const BROKEN: T = t("broken");

/// Coach: the mood change.
pub const MOOD_CHANGE: T = t("mood-change");

/// Exam mode note in the dialogue.
pub const EXAM_BADGE: T = t("exam-badge");

/// The ending card's heading.
pub const ENDING: T = t("ending");

/// Abandon dialog.
pub const ABANDON_QUESTION: T = t("abandon-question");

/// Abandon dialog: leave.
pub const ABANDON_YES: T = t("abandon-yes");

/// Abandon dialog: stay.
pub const ABANDON_NO: T = t("abandon-no");

/// Step counter in the dialogue header.
pub const DECISION_N: T = t("decision-n");

/// Debrief heading.
pub const DEBRIEF: T = t("debrief");

/// Debrief tabs.
pub const TAB_SUMMARY: T = t("tab-summary");

/// Debrief tab: principles.
pub const TAB_PRINCIPLES: T = t("tab-principles");

/// Debrief tab: decisions.
pub const TAB_DECISIONS: T = t("tab-decisions");

/// Debrief: overall score.
pub const SCORE: T = t("score");

/// Debrief: ending reached.
pub const ENDING_REACHED: T = t("ending-reached");

/// Debrief: endings discovered.
pub const ENDINGS_FOUND: T = t("endings-found");

/// Debrief: weakest principles heading.
pub const WEAKEST: T = t("weakest");

/// Debrief: nothing weak.
pub const NO_WEAKNESS: T = t("no-weakness");

/// Debrief: links to other scenarios.
pub const TRAIN_IN: T = t("train-in");

/// Debrief: principle not met in this run.
pub const NOT_FACED: T = t("not-faced");

/// Debrief: the choice made.
pub const YOU_SAID: T = t("you-said");

/// Debrief: the better option.
pub const BETTER: T = t("better");

/// Debrief: best reply made.
pub const BEST_MADE: T = t("best-made");

/// Debrief: mood line.
pub const MOOD_FROM_TO: T = t("mood-from-to");

/// Debrief: retry.
pub const RETRY: T = t("retry");

/// Debrief: another scenario.
pub const ANOTHER: T = t("another");

/// Debrief and elsewhere: main menu.
pub const MENU: T = t("menu");

/// Debrief hint.
pub const DEBRIEF_HINT: T = t("debrief-hint");

/// Debrief: principles legend.
pub const PRINCIPLES_NOTE: T = t("principles-note");

/// Debrief: the source of a principle.
pub const SOURCE: T = t("source");

/// Settings heading.
pub const SETTINGS_HEADING: T = t("settings-heading");

/// Settings: language.
pub const LANGUAGE: T = t("language");

/// Settings: text size.
pub const TEXT_SCALE: T = t("text-scale");

/// Settings: high contrast.
pub const HIGH_CONTRAST: T = t("high-contrast");

/// Settings: fullscreen.
pub const FULLSCREEN: T = t("fullscreen");

/// Settings: on.
pub const ON: T = t("on");

/// Settings: off.
pub const OFF: T = t("off");

/// Settings: back.
pub const BACK: T = t("back");

/// Settings hint.
pub const SETTINGS_HINT: T = t("settings-hint");

/// Settings: a damaged settings file was set aside.
pub const SETTINGS_DAMAGED: T = t("settings-damaged");

/// Settings: where the file lives.
pub const SETTINGS_FILE: T = t("settings-file");

/// Settings: saving failed.
pub const SETTINGS_NOT_SAVED: T = t("settings-not-saved");

/// Shown while the screen is blanked by the presenter's B key.
pub const BLANK_HINT: T = t("blank-hint");

/// Difficulty labels, 1 to 3.
pub const DIFFICULTY: [T; 3] = [t("difficulty-1"), t("difficulty-2"), t("difficulty-3")];

/// Debrief: the ending was good but the replies were not the best.
pub const GAP_GOOD_ENDING: T = t("gap-good-ending");
/// Debrief: the replies were strong, yet the conversation ended badly.
pub const GAP_BAD_ENDING: T = t("gap-bad-ending");
/// Debrief: Play again found its scenario gone.
pub const RETRY_MISSING: T = t("retry-missing");
/// Quit question.
pub const QUIT_QUESTION: T = t("quit-question");
/// Quit question: stay.
pub const QUIT_NO: T = t("quit-no");
/// Quit question: quit.
pub const QUIT_YES: T = t("quit-yes");
/// Settings: the language button, naming both languages.
pub const LANGUAGE_SWITCH: T = t("language-switch");
/// Debrief: a point of a source text.
pub const SOURCE_POINT: T = t("source-point");
/// Settings: the presenter layout.
pub const PRESENTER: T = t("presenter");
/// Settings: what the presenter layout does.
pub const PRESENTER_NOTE: T = t("presenter-note");
/// Title: start again a conversation whose scenario changed.
pub const START_AGAIN: T = t("start-again");
