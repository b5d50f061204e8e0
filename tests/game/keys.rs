//! Keyboard-only play, presenter clickers, text size and full screen keys.

use crate::common::*;
use bevy::prelude::KeyCode;
use client_first::engine::text::Lang;
use client_first::game::core::settings::{SCALE_MAX, SCALE_MIN};
use client_first::game::{Action, Content, DebriefTab, DialogueAction, Overlay, Screen};

#[test]
fn the_broken_guitar_plays_with_the_keyboard_alone() {
    let mut app = app();
    // Title: Play is highlighted first.
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Picker);
    // The highlight starts on the recommended card; arrows move it to the guitar.
    let ids: Vec<String> = app
        .world()
        .resource::<Content>()
        .library
        .scenarios
        .iter()
        .map(|l| l.scenario.id.clone())
        .collect();
    let guitar = ids.iter().position(|i| i == "guitar").unwrap();
    assert_eq!(focus(&app), 0);
    for _ in 0..guitar {
        key(&mut app, KeyCode::ArrowDown);
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Dialogue);
    assert_eq!(
        conversation(&app)
            .active
            .as_ref()
            .unwrap()
            .run
            .scenario()
            .id,
        "guitar"
    );
    // Arrows and Enter pick a reply too; presses that land in one frame all count.
    keys_in_one_frame(
        &mut app,
        &[KeyCode::ArrowDown, KeyCode::ArrowDown, KeyCode::ArrowUp],
    );
    assert_eq!(focus(&app), 1);
    key(&mut app, KeyCode::ArrowUp);
    key(&mut app, KeyCode::ArrowDown);
    let second = targets(&app)[1].clone();
    key(&mut app, KeyCode::Enter);
    let made = &conversation(&app).active.as_ref().unwrap().run.decisions()[0];
    assert_eq!(
        Action::Dialogue(DialogueAction::Choose(made.choice.clone())),
        second
    );

    play_to_debrief_by_keys(&mut app);
    assert_eq!(screen(&app), Screen::Debrief);
    // Esc from the debrief goes to the picker, where the guitar now has a best score and the
    // tutorial is still recommended.
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Picker);
    assert_eq!(focus(&app), 0);
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Title);
}

#[test]
fn escape_asks_before_abandoning_a_run() {
    let mut app = app();
    send(
        &mut app,
        Action::Dialogue(DialogueAction::Start("guitar".into())),
    );
    key(&mut app, KeyCode::Escape);
    assert!((overlay(&app) == Overlay::Leave));
    // Digits do nothing while the question is open; Enter on the default keeps the run.
    key(&mut app, KeyCode::Digit1);
    assert!(replies_made(&app) == 0);
    key(&mut app, KeyCode::Enter);
    assert!((overlay(&app) != Overlay::Leave));
    assert_eq!(screen(&app), Screen::Dialogue);
    // Esc twice also keeps it.
    key(&mut app, KeyCode::Escape);
    key(&mut app, KeyCode::Escape);
    assert!((overlay(&app) != Overlay::Leave));
    assert!(conversation(&app).active.is_some());
    // Esc, move to "Leave", Enter: the run is dropped and the picker shows.
    key(&mut app, KeyCode::Escape);
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Picker);
    assert!(conversation(&app).active.is_none());
}

#[test]
fn presenter_keys_advance_page_and_blank() {
    let mut app = app();
    send(
        &mut app,
        Action::Dialogue(DialogueAction::Start("guitar".into())),
    );
    key(&mut app, KeyCode::Digit1);
    assert_eq!(
        targets(&app),
        vec![Action::Dialogue(DialogueAction::Continue)]
    );
    // PageDown dismisses the coach's comment.
    key(&mut app, KeyCode::PageDown);
    assert!(
        conversation(&app)
            .active
            .as_ref()
            .unwrap()
            .feedback
            .is_none()
    );
    to_next_choice(&mut app);
    // With replies on screen, Right and PageDown only move the highlight.
    key(&mut app, KeyCode::ArrowRight);
    assert_eq!(focus(&app), 1);
    assert_eq!(replies_made(&app), 1);
    key(&mut app, KeyCode::PageUp);
    assert_eq!(focus(&app), 0);

    // B blanks the screen; keys then do nothing until B again.
    key(&mut app, KeyCode::KeyB);
    assert!(blanked(&app));
    key(&mut app, KeyCode::Digit1);
    assert_eq!(replies_made(&app), 1);
    key(&mut app, KeyCode::KeyB);
    assert!(!blanked(&app));

    play_to_debrief_by_keys(&mut app);
    assert_eq!(tab(&app), Some(DebriefTab::Summary));
    key(&mut app, KeyCode::PageDown);
    assert_eq!(tab(&app), Some(DebriefTab::Principles));
    key(&mut app, KeyCode::Space);
    assert_eq!(tab(&app), Some(DebriefTab::Decisions));
    key(&mut app, KeyCode::ArrowRight);
    assert_eq!(tab(&app), Some(DebriefTab::Decisions));
    key(&mut app, KeyCode::PageUp);
    assert_eq!(tab(&app), Some(DebriefTab::Principles));
    key(&mut app, KeyCode::ArrowLeft);
    key(&mut app, KeyCode::ArrowLeft);
    assert_eq!(tab(&app), Some(DebriefTab::Summary));
}

#[test]
fn ctrl_plus_and_minus_scale_text_within_limits_and_f11_toggles_full_screen() {
    let mut app = app();
    assert_eq!(settings(&app).text_scale, SCALE_MIN);
    press(&mut app, &[KeyCode::ControlLeft, KeyCode::Equal]);
    assert_eq!(settings(&app).text_scale, 125);
    for _ in 0..10 {
        press(&mut app, &[KeyCode::ControlRight, KeyCode::NumpadAdd]);
    }
    assert_eq!(settings(&app).text_scale, SCALE_MAX);
    for _ in 0..10 {
        press(&mut app, &[KeyCode::ControlLeft, KeyCode::Minus]);
    }
    assert_eq!(settings(&app).text_scale, SCALE_MIN);
    // A plain equals sign without Ctrl changes nothing.
    key(&mut app, KeyCode::Equal);
    assert_eq!(settings(&app).text_scale, SCALE_MIN);

    key(&mut app, KeyCode::F11);
    assert!(settings(&app).fullscreen);
    key(&mut app, KeyCode::F11);
    assert!(!settings(&app).fullscreen);
}

#[test]
fn settings_screen_is_keyboard_driven_and_returns_where_it_came_from() {
    let mut app = app();
    // Play, Quiz, Team session, then Settings.
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::Enter);
    assert_eq!(overlay(&app), Overlay::Settings);
    assert_eq!(screen(&app), Screen::Title);
    // First row: the language.
    key(&mut app, KeyCode::Enter);
    assert_eq!(settings(&app).lang, Lang::En);
    // Third row: bigger text; fourth: contrast.
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::Enter);
    assert_eq!(settings(&app).text_scale, 125);
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::Enter);
    assert!(settings(&app).high_contrast);
    key(&mut app, KeyCode::Escape);
    assert_eq!(overlay(&app), Overlay::None);
    assert_eq!(screen(&app), Screen::Title);

    // From the picker, M switches the mode.
    send(&mut app, Action::Goto(Screen::Picker));
    key(&mut app, KeyCode::KeyM);
    assert_eq!(settings(&app).mode, client_first::game::Mode::Exam);
}
