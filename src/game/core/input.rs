//! Keyboard and presenter-clicker input, turned into the same [`Action`]s the buttons send.
//!
//! - 1–4 pick a reply; ↑ ↓ move the highlight; Enter activates it; Esc goes back.
//! - On a quiz question 1–4 or A–D answer (there B answers instead of blanking the screen), and
//!   Backspace takes back the last reply put in order.
//! - Presenter clickers send PageDown/Right/Space to advance and PageUp/Left to go back; B blanks
//!   the screen.
//! - Ctrl+ and Ctrl− change the text size; F11 toggles full screen; L switches the language.
//! - In a team session the clicker starts, closes voting, reveals and goes on; 1–4 enter the room's
//!   choice by hand and H the vote counts.
//!
//! What a key activates comes from the screen's [`Targets`], the same list the view draws.

use super::action::{Action, DialogueAction, QuizAction, TeamAction};
use super::targets::{Focus, Scroll, Targets, TextEntry};
use super::{GameSet, Overlay, Presenter, Screen};
use bevy::input::ButtonState;
use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    // Registered here too, so headless apps without the input plugin can send key events.
    app.add_message::<KeyboardInput>()
        .add_systems(Update, keyboard.in_set(GameSet::Input));
}

/// The states the keyboard reads to know what is on screen.
#[derive(bevy::ecs::system::SystemParam)]
pub struct ScreenData<'w> {
    screen: Res<'w, State<Screen>>,
    overlay: Res<'w, State<Overlay>>,
    presenter: Res<'w, State<Presenter>>,
    targets: Res<'w, Targets>,
    typing: Res<'w, TextEntry>,
}

/// What the keys change directly: the highlight and the page.
#[derive(bevy::ecs::system::SystemParam)]
pub struct Moves<'w> {
    focus: ResMut<'w, Focus>,
    scroll: ResMut<'w, Scroll>,
}

/// A–D answer a quiz question like 1–4.
const LETTERS: [KeyCode; 4] = [KeyCode::KeyA, KeyCode::KeyB, KeyCode::KeyC, KeyCode::KeyD];

const DIGITS: [(KeyCode, KeyCode); 4] = [
    (KeyCode::Digit1, KeyCode::Numpad1),
    (KeyCode::Digit2, KeyCode::Numpad2),
    (KeyCode::Digit3, KeyCode::Numpad3),
    (KeyCode::Digit4, KeyCode::Numpad4),
];

/// Handles every key press of the frame in order. Key events are read rather than
/// `ButtonInput::just_pressed`, so that two quick presses within one slow frame (a laptop without a
/// GPU, a presenter tapping PageDown twice) count twice, and a held arrow key repeats.
fn keyboard(
    mut events: MessageReader<KeyboardInput>,
    keys: Option<Res<ButtonInput<KeyCode>>>,
    data: ScreenData,
    mut moves: Moves,
    mut actions: MessageWriter<Action>,
) {
    let ctrl = keys.is_some_and(|k| k.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]));
    if data.typing.0 {
        // A name is being typed: its letters are not the game's keys (L, B, M…). The text field
        // handles Enter and Esc itself.
        events.clear();
        return;
    }
    for event in events.read() {
        // A held arrow repeats; a held digit or Enter must not answer several questions.
        let arrow = matches!(
            event.key_code,
            KeyCode::ArrowUp | KeyCode::ArrowDown | KeyCode::ArrowLeft | KeyCode::ArrowRight
        );
        if event.state == ButtonState::Pressed && (!event.repeat || arrow) {
            on_key(event.key_code, ctrl, &data, &mut moves, &mut actions);
        }
    }
}

/// What one key press does on the current screen.
fn on_key(
    code: KeyCode,
    ctrl: bool,
    data: &ScreenData,
    moves: &mut Moves,
    actions: &mut MessageWriter<Action>,
) {
    let Moves { focus, scroll } = moves;
    let any = |codes: &[KeyCode]| codes.contains(&code);

    if ctrl && any(&[KeyCode::Equal, KeyCode::NumpadAdd]) {
        actions.write(Action::ScaleStep(1));
        return;
    }
    if ctrl && any(&[KeyCode::Minus, KeyCode::NumpadSubtract]) {
        actions.write(Action::ScaleStep(-1));
        return;
    }
    if ctrl {
        // Other Ctrl combinations are not the game's.
        return;
    }
    if any(&[KeyCode::F11]) {
        actions.write(Action::ToggleFullscreen);
        return;
    }
    if let Some(k) = LETTERS.iter().position(|l| *l == code)
        && let Some(a) = quiz_answer(data, k)
    {
        actions.write(a);
        return;
    }
    if any(&[KeyCode::KeyL]) {
        actions.write(Action::SwitchLang);
        return;
    }
    if any(&[KeyCode::KeyB]) {
        actions.write(Action::ToggleBlank);
        return;
    }
    if any(&[KeyCode::Escape]) {
        actions.write(Action::Back);
        return;
    }
    if *data.presenter.get() == Presenter::Blanked {
        // A blanked screen ignores everything but B and Esc, so a stray click changes nothing.
        return;
    }

    let screen = *data.screen.get();
    let overlay = *data.overlay.get();
    let targets = &data.targets;
    let n = targets.len();
    if n > 0 && focus.index >= n {
        focus.index = n - 1;
    }
    let single_step = n == 1
        && matches!(
            targets.action(0),
            Some(
                Action::Dialogue(DialogueAction::Continue | DialogueAction::ShowDebrief)
                    | Action::Quiz(QuizAction::Next)
            )
        );

    if overlay == Overlay::None {
        for (k, (digit, numpad)) in DIGITS.iter().enumerate() {
            if !any(&[*digit, *numpad]) {
                continue;
            }
            if screen == Screen::Dialogue
                && let Some(a @ Action::Dialogue(DialogueAction::Choose(_))) = targets.action(k)
            {
                actions.write(a.clone());
                return;
            }
            if let Some(a) = quiz_answer(data, k) {
                actions.write(a);
                return;
            }
        }
        if screen == Screen::Title && any(&[KeyCode::KeyP]) {
            // One key to change who is playing, on a shared training PC.
            actions.write(Action::Goto(Screen::Profiles));
            return;
        }
        if screen == Screen::Picker && any(&[KeyCode::KeyM]) {
            actions.write(Action::ToggleMode);
            return;
        }
        if screen == Screen::Quiz && any(&[KeyCode::Backspace]) {
            actions.write(QuizAction::Undo.into());
            return;
        }
        if let Some(a) = team_key(screen, code) {
            if a == Action::Team(TeamAction::Next) && !scroll.at_bottom {
                // A long reveal or explanation pages down before the clicker goes on.
                scroll.request += 1;
            } else {
                actions.write(a);
            }
            return;
        }
    }
    if any(&[KeyCode::Enter, KeyCode::NumpadEnter]) {
        if !scroll.focus_visible {
            // Never start something nobody can see: bring it into sight first.
            focus.moved = true;
            return;
        }
        if let Some(a) = targets.action(focus.index) {
            actions.write(a.clone());
        }
        return;
    }
    let paging_tabs = matches!(screen, Screen::Debrief | Screen::Progress | Screen::TeamEnd)
        && overlay == Overlay::None;
    // The quiz results are read page by page before the clicker moves between their buttons.
    let reading = screen == Screen::QuizResults && overlay == Overlay::None;
    let back = any(&[KeyCode::ArrowLeft, KeyCode::PageUp]);
    let forward = any(&[KeyCode::ArrowRight, KeyCode::PageDown, KeyCode::Space]);
    if any(&[KeyCode::ArrowUp]) {
        focus.step(-1, n);
    } else if any(&[KeyCode::ArrowDown]) {
        focus.step(1, n);
    } else if back {
        if paging_tabs && !scroll.at_top {
            // A long tab pages up to its top before the previous tab opens.
            scroll.request -= 1;
        } else if paging_tabs {
            actions.write(Action::StepTab(-1));
        } else if (reading || any(&[KeyCode::PageUp])) && !scroll.at_top {
            scroll.request -= 1;
        } else {
            focus.step(-1, n);
        }
    } else if forward {
        if paging_tabs && !scroll.at_bottom {
            // A long tab pages down to its end before the next tab opens.
            scroll.request += 1;
        } else if paging_tabs {
            actions.write(Action::StepTab(1));
        } else if reading && !scroll.at_bottom {
            scroll.request += 1;
        } else if single_step && overlay == Overlay::None {
            if !scroll.at_bottom {
                // The coach's comment is longer than the screen: show the rest before going on.
                scroll.request += 1;
            } else if let Some(a) = targets.action(0) {
                actions.write(a.clone());
            }
        } else if any(&[KeyCode::PageDown]) && !scroll.at_bottom && focus.index + 1 >= n {
            // Past the last target, the clicker pages on (to the list of broken files, say).
            scroll.request += 1;
        } else {
            focus.step(1, n);
        }
    }
}

/// A team session's own keys: in the lobby the clicker starts; while the room plays the clicker
/// goes on (closes voting, reveals, plays the room's reply), 1–4 enter the room's choice by hand
/// (or pick on a tie), and H opens the vote counts typed by hand.
fn team_key(screen: Screen, code: KeyCode) -> Option<Action> {
    // Not the arrows: a held arrow repeats, and one press must never skip a reveal.
    let forward = matches!(code, KeyCode::PageDown | KeyCode::Space);
    match screen {
        Screen::TeamLobby if forward => Some(TeamAction::Begin.into()),
        Screen::TeamPlay if forward => Some(TeamAction::Next.into()),
        Screen::TeamPlay if code == KeyCode::KeyH => Some(TeamAction::CountHands.into()),
        Screen::TeamPlay => DIGITS
            .iter()
            .position(|(d, n)| *d == code || *n == code)
            .map(|k| TeamAction::Enter(k as u8).into()),
        _ => None,
    }
}

/// The answer tile `k` of the quiz question on screen, when it waits for an answer and nothing
/// covers it.
fn quiz_answer(data: &ScreenData, k: usize) -> Option<Action> {
    if *data.screen.get() != Screen::Quiz
        || *data.overlay.get() != Overlay::None
        || *data.presenter.get() == Presenter::Blanked
    {
        return None;
    }
    match data.targets.action(k) {
        Some(a @ Action::Quiz(QuizAction::Pick(_))) => Some(a.clone()),
        _ => None,
    }
}
