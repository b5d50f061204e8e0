//! Projector-ready: a trainer with a clicker never loses the room's place. Quit asks first, focus
//! never wraps, a new screen starts at its top, long pages turn before the next tab, Enter only
//! starts what is visible, and "Play again" says so when its scenario has gone.

use crate::common::*;
use bevy::prelude::KeyCode;
use bevy_egui::egui;
use client_first::engine::library::Library;
use client_first::engine::run::Run;
use client_first::engine::text::Lang;
use client_first::game::core::Scroll;
use client_first::game::views::{self, Cx};
use client_first::game::{
    Action, ActiveRun, Content, DebriefTab, DialogueAction, Focus, Mode, Overlay, Screen, models,
};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;

fn scroll(app: &mut bevy::prelude::App) -> bevy::prelude::Mut<'_, Scroll> {
    app.world_mut().resource_mut::<Scroll>()
}

#[test]
fn quit_asks_first_and_staying_is_the_default() {
    let mut app = app();
    // A clicker's "previous" on the first button never wraps round to Quit.
    key(&mut app, KeyCode::ArrowUp);
    key(&mut app, KeyCode::PageUp);
    assert_eq!(focus(&app), 0);
    for _ in 0..6 {
        key(&mut app, KeyCode::ArrowDown);
    }
    assert_eq!(focus(&app), 4, "the highlight stops on the last button");
    key(&mut app, KeyCode::Enter);
    assert_eq!(overlay(&app), Overlay::Quit);
    // The question opens on "Stay": a second Enter by reflex keeps the game open.
    assert_eq!(focus(&app), 0);
    key(&mut app, KeyCode::Enter);
    assert_eq!(overlay(&app), Overlay::None);
    assert!(
        app.world()
            .resource::<bevy::prelude::Messages<bevy::prelude::AppExit>>()
            .is_empty()
    );
    // Asked again and confirmed, the game closes.
    send(&mut app, Action::Quit);
    send(&mut app, Action::ConfirmQuit);
    assert!(
        !app.world()
            .resource::<bevy::prelude::Messages<bevy::prelude::AppExit>>()
            .is_empty()
    );
}

#[test]
fn every_screen_change_starts_at_the_top() {
    let mut app = app();
    app.world_mut().resource_mut::<Focus>().reset_scroll = false;
    send(&mut app, Action::Goto(Screen::Picker));
    assert!(app.world().resource::<Focus>().reset_scroll);
    app.world_mut().resource_mut::<Focus>().reset_scroll = false;
    send(&mut app, Action::OpenSettings);
    assert!(app.world().resource::<Focus>().reset_scroll);
}

#[test]
fn the_clicker_pages_a_long_tab_before_the_next_one() {
    let mut app = app();
    send(&mut app, DialogueAction::Start("tutorial".into()).into());
    play_to_debrief_by_keys(&mut app);
    assert_eq!(tab(&app), Some(DebriefTab::Summary));
    // The view reports more to read below: PageDown turns the page, not the tab.
    scroll(&mut app).at_bottom = false;
    key(&mut app, KeyCode::PageDown);
    assert_eq!(tab(&app), Some(DebriefTab::Summary));
    assert_eq!(app.world().resource::<Scroll>().request, 1);
    // At the bottom, the next PageDown opens the next tab, which starts at its top.
    *scroll(&mut app) = Scroll::default();
    key(&mut app, KeyCode::PageDown);
    assert_eq!(tab(&app), Some(DebriefTab::Principles));
    assert!(app.world().resource::<Focus>().reset_scroll);
    // PageUp pages back up before it goes to the previous tab.
    scroll(&mut app).at_top = false;
    key(&mut app, KeyCode::PageUp);
    assert_eq!(tab(&app), Some(DebriefTab::Principles));
    assert_eq!(app.world().resource::<Scroll>().request, -1);
}

#[test]
fn a_long_coach_comment_is_paged_before_the_conversation_goes_on() {
    let mut app = app();
    send(&mut app, DialogueAction::Start("tutorial".into()).into());
    to_next_choice(&mut app);
    key(&mut app, KeyCode::Digit1);
    let made = replies_made(&app);
    assert!(
        conversation(&app)
            .active
            .as_ref()
            .unwrap()
            .feedback
            .is_some()
    );
    scroll(&mut app).at_bottom = false;
    key(&mut app, KeyCode::Space);
    assert!(
        conversation(&app)
            .active
            .as_ref()
            .unwrap()
            .feedback
            .is_some(),
        "the rest of the comment is shown first"
    );
    *scroll(&mut app) = Scroll::default();
    key(&mut app, KeyCode::Space);
    assert!(
        conversation(&app)
            .active
            .as_ref()
            .unwrap()
            .feedback
            .is_none()
    );
    assert_eq!(replies_made(&app), made);
}

#[test]
fn enter_never_starts_a_card_nobody_can_see() {
    let mut app = app();
    send(&mut app, Action::Goto(Screen::Picker));
    // The view found the highlighted card outside the visible area.
    scroll(&mut app).focus_visible = false;
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Picker);
    assert!(
        app.world().resource::<Focus>().moved,
        "it is scrolled into sight instead"
    );
    scroll(&mut app).focus_visible = true;
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Dialogue);
}

#[test]
fn play_again_says_so_when_the_scenario_has_gone() {
    let dir = temp_dir();
    let mut text = std::fs::read_to_string(fixture("small.ron")).unwrap();
    text = text.replacen("id: \"small\"", "id: \"company_case\"", 1);
    std::fs::write(dir.path().join("company.ron"), &text).unwrap();
    let mut app = app_with(Content::load(Some(dir.path().to_path_buf())));
    send(
        &mut app,
        DialogueAction::Start("company_case".into()).into(),
    );
    play_to_debrief_by_keys(&mut app);
    // The trainer removes the file; the library is reloaded.
    std::fs::remove_file(dir.path().join("company.ron")).unwrap();
    app.world_mut().resource_mut::<Content>().reload();
    send(&mut app, DialogueAction::Retry.into());
    assert_eq!(screen(&app), Screen::Debrief);
    assert_eq!(
        conversation(&app).retry_missing.as_deref(),
        Some("company_case")
    );
    let vm = models::debrief::DebriefView::new(
        conversation(&app).debrief.as_ref().unwrap(),
        &app.world().resource::<Content>().library,
        Lang::En,
        DebriefTab::Summary,
        true,
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .build_ui_state(
            move |ui, out: &mut Vec<Action>| views::debrief::show(ui, &vm, &Cx::plain(), out),
            Vec::new(),
        );
    h.run();
    assert!(
        h.query_by_label_contains("no longer in the scenarios folder")
            .is_some()
    );
}

fn guitar_at_first_choice(library: &Library) -> ActiveRun {
    let l = library.get("guitar").unwrap();
    let mut run = Run::start(Arc::clone(&l.scenario), 3);
    while run.can_continue() {
        run.advance().unwrap();
    }
    ActiveRun {
        run,
        loaded: l.clone(),
        mode: Mode::Coach,
        feedback: None,
        attempt: None,
        shown_at: std::time::Instant::now(),
    }
}

/// At 100–250% on 1280×720 and 1920×1080 (at 250% on 1280×720 the window is 512×288 points), the
/// line being answered and all four replies are on screen at once, without scrolling.
#[test]
fn at_250_percent_every_reply_fits_on_one_screen() {
    let content = Content::load(None);
    let sizes = [(1280.0, 720.0), (1920.0, 1080.0)];
    let scales = [1.0, 1.5, 2.0, 2.5];
    for (w, h, scale) in sizes
        .iter()
        .flat_map(|&(w, h)| scales.iter().map(move |&s| (w, h, s)))
    {
        let size = egui::vec2(w / scale, h / scale);
        for lang in Lang::ALL {
            let active = guitar_at_first_choice(&content.library);
            let vm = models::dialogue::DialogueView::new(&active, &content.library, lang);
            let models::dialogue::Phase::Choices(items) = vm.phase.clone() else {
                panic!("replies on screen");
            };
            assert_eq!(items.len(), 4);
            // The high-contrast theme's fonts (DejaVu Sans) are the widest the game uses.
            let mut harness = Harness::builder().with_size(size).build_ui_state(
                move |ui, out: &mut Vec<Action>| {
                    client_first::game::theme::install_fonts(ui.ctx(), true);
                    client_first::game::theme::apply(ui.ctx(), true);
                    views::dialogue::show(ui, &vm, &Cx::plain(), out)
                },
                Vec::new(),
            );
            harness.run();
            let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
            for item in &items {
                let label = format!("{}.  {}", item.number, item.label);
                let node = harness.get_by_label(&label);
                assert!(
                    screen.contains_rect(node.rect()),
                    "{label} is off screen at {w}×{h} {scale}× ({lang:?}): {:?}",
                    node.rect()
                );
            }
        }
    }
}
