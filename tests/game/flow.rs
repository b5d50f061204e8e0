//! The flow from the title screen to the debrief, driven through the same actions the UI sends.

use crate::common::*;
use client_first::engine::text::Lang;
use client_first::game::models::debrief::DebriefView;
use client_first::game::models::dialogue::{DialogueView, Phase};
use client_first::game::models::picker::PickerView;
use client_first::game::{
    Action, Content, DebriefTab, DialogueAction, Mode, Progress, Screen, Settings,
};
use std::fs;

#[test]
fn a_run_goes_from_title_to_debrief_and_is_recorded() {
    let mut app = app();
    assert_eq!(screen(&app), Screen::Title);
    send(&mut app, Action::Goto(Screen::Picker));
    assert_eq!(screen(&app), Screen::Picker);
    send(
        &mut app,
        Action::Dialogue(DialogueAction::Start("guitar".into())),
    );
    assert_eq!(screen(&app), Screen::Dialogue);
    let replies = play_to_debrief_by_keys(&mut app);
    assert!(
        replies >= 5,
        "the guitar has at least five decisions, made {replies}"
    );

    let d = conversation(&app).debrief.clone().expect("a debrief");
    assert_eq!(d.scenario, "guitar");
    assert_eq!(d.decisions.len(), replies);
    assert!(conversation(&app).active.is_none());
    let progress = app.world().resource::<Progress>();
    assert_eq!(progress.best.get("guitar"), Some(&d.score.overall));
    assert!(progress.completed.contains("guitar"));

    // The debrief explains every principle it lists: a title, a description and its source.
    let content = app.world().resource::<Content>();
    let view = DebriefView::new(
        &d,
        &content.library,
        Lang::Ru,
        DebriefTab::Principles,
        false,
    );
    assert!(!view.principles.is_empty());
    for p in &view.principles {
        assert!(!p.description.is_empty(), "{} has no description", p.title);
        assert!(p.source.starts_with("Источник: "), "{}", p.source);
    }
    assert_eq!(view.endings_found.0, 1);
    assert!(view.endings_found.1 >= 4);
}

#[test]
fn coach_mode_explains_each_reply_and_exam_mode_waits() {
    let mut app = app();
    send(
        &mut app,
        Action::Dialogue(DialogueAction::Start("guitar".into())),
    );
    let first = match targets(&app).first() {
        Some(Action::Dialogue(DialogueAction::Choose(id))) => id.clone(),
        other => panic!("expected a choice, got {other:?}"),
    };
    send(
        &mut app,
        Action::Dialogue(DialogueAction::Choose(first.clone())),
    );
    let active = conversation(&app).active.as_ref().expect("a run");
    assert_eq!(active.mode, Mode::Coach);
    assert_eq!(active.feedback.as_ref().map(|f| &f.1), Some(&first));
    let content = app.world().resource::<Content>();
    let view = DialogueView::new(active, &content.library, Lang::En);
    let Phase::Feedback(f) = view.phase else {
        panic!("coach feedback expected, got {:?}", view.phase)
    };
    assert!(!f.marks.is_empty() && !f.text.is_empty());
    // While the comment is on screen, another reply is refused.
    assert_eq!(
        targets(&app),
        vec![Action::Dialogue(DialogueAction::Continue)]
    );

    let mut app = app_exam();
    send(
        &mut app,
        Action::Dialogue(DialogueAction::Start("guitar".into())),
    );
    let Some(Action::Dialogue(DialogueAction::Choose(first))) = targets(&app).first().cloned()
    else {
        panic!("expected a choice");
    };
    send(&mut app, Action::Dialogue(DialogueAction::Choose(first)));
    let active = conversation(&app).active.as_ref().expect("a run");
    assert_eq!(active.mode, Mode::Exam);
    assert!(active.feedback.is_none());
    assert_eq!(active.run.decisions().len(), 1);
}

fn app_exam() -> bevy::prelude::App {
    let mut app = app();
    send(&mut app, Action::SetMode(Mode::Exam));
    assert_eq!(settings(&app).mode, Mode::Exam);
    app
}

#[test]
fn the_language_switches_mid_run_without_losing_the_run() {
    let mut app = app();
    send(
        &mut app,
        Action::Dialogue(DialogueAction::Start("guitar".into())),
    );
    for _ in 0..2 {
        to_next_choice(&mut app);
        let Some(Action::Dialogue(DialogueAction::Choose(id))) = targets(&app).first().cloned()
        else {
            panic!("expected a choice");
        };
        send(&mut app, Action::Dialogue(DialogueAction::Choose(id)));
    }
    let before = conversation(&app)
        .active
        .as_ref()
        .expect("a run")
        .run
        .clone();
    let content = app.world().resource::<Content>().clone();
    let ru = DialogueView::new(
        conversation(&app).active.as_ref().unwrap(),
        &content.library,
        Lang::Ru,
    );

    // L switches the language, as a trainer would in front of the room.
    key(&mut app, bevy::prelude::KeyCode::KeyL);
    assert_eq!(settings(&app).lang, Lang::En);
    assert_eq!(screen(&app), Screen::Dialogue);
    let active = conversation(&app)
        .active
        .as_ref()
        .expect("the run survives");
    assert_eq!(active.run.decisions(), before.decisions());
    assert_eq!(active.run.state(), before.state());
    let en = DialogueView::new(active, &content.library, Lang::En);
    assert_eq!(en.bubbles.len(), ru.bubbles.len());
    assert_ne!(en.bubbles[0].text, ru.bubbles[0].text);
    assert_eq!(en.title, "The guitar they threw");

    // And it plays on to the end in English.
    play_to_debrief_by_keys(&mut app);
    assert_eq!(screen(&app), Screen::Debrief);
}

#[test]
fn retry_and_practice_links_start_runs() {
    let mut app = app();
    send(
        &mut app,
        Action::Dialogue(DialogueAction::Start("guitar".into())),
    );
    play_to_debrief_by_keys(&mut app);
    send(&mut app, Action::Dialogue(DialogueAction::Retry));
    assert_eq!(screen(&app), Screen::Dialogue);
    let active = conversation(&app).active.as_ref().expect("a new run");
    assert_eq!(active.run.scenario().id, "guitar");
    assert!(active.run.decisions().is_empty());

    send(
        &mut app,
        Action::Dialogue(DialogueAction::Start("lost_adapter".into())),
    );
    assert_eq!(
        conversation(&app)
            .active
            .as_ref()
            .unwrap()
            .run
            .scenario()
            .id,
        "lost_adapter"
    );
    // An unknown id is ignored rather than a crash.
    send(
        &mut app,
        Action::Dialogue(DialogueAction::Start("no_such_scenario".into())),
    );
    assert_eq!(
        conversation(&app)
            .active
            .as_ref()
            .unwrap()
            .run
            .scenario()
            .id,
        "lost_adapter"
    );
    // So is a reply that is not on offer.
    send(
        &mut app,
        Action::Dialogue(DialogueAction::Choose("not_a_choice".into())),
    );
    assert!(replies_made(&app) == 0);
}

#[test]
fn a_broken_file_is_listed_with_its_place_while_the_rest_plays() {
    let dir = temp_dir();
    fs::copy(
        fixture("syntax_missing_comma.ron"),
        dir.path().join("broken.ron"),
    )
    .unwrap();
    let content = Content::load(Some(dir.path().to_path_buf()));
    let builtin = Content::load(None).library.scenarios.len();
    assert_eq!(content.library.scenarios.len(), builtin);
    assert_eq!(content.library.problems.len(), 1);

    let mut app = app_with(content);
    let view = PickerView::new(
        app.world().resource::<Content>(),
        app.world().resource::<Progress>(),
        app.world().resource::<Settings>(),
    );
    assert_eq!(view.cards.len(), builtin);
    let p = &view.problems[0];
    assert!(p.file.ends_with("broken.ron"));
    // file:line:col, the message and the fix.
    let line = &p.errors[0];
    let place = line.split(": ").next().unwrap();
    let parts: Vec<&str> = place.rsplitn(3, ':').collect();
    assert!(
        parts[0].parse::<usize>().is_ok() && parts[1].parse::<usize>().is_ok(),
        "{line}"
    );
    // The app speaks Russian, and so do the diagnostics on the picker.
    assert!(line.contains("запятой"), "{line}");
    assert!(p.snippet.contains('^'));
    let english = PickerView::new(
        app.world().resource::<Content>(),
        app.world().resource::<Progress>(),
        &Settings {
            lang: Lang::En,
            ..Settings::default()
        },
    );
    assert!(english.problems[0].errors[0].contains("comma"));

    send(
        &mut app,
        Action::Dialogue(DialogueAction::Start("tutorial".into())),
    );
    play_to_debrief_by_keys(&mut app);
    assert_eq!(screen(&app), Screen::Debrief);
}

#[test]
fn an_overlay_adds_or_replaces_scenarios_and_reloads_after_an_edit() {
    let dir = temp_dir();
    let file = dir.path().join("small.ron");
    fs::copy(fixture("small.ron"), &file).unwrap();
    // A file with a built-in id replaces that scenario.
    let replacement = fs::read_to_string(&file)
        .unwrap()
        .replace("id: \"small\"", "id: \"tutorial\"");
    fs::write(dir.path().join("our_tutorial.ron"), replacement).unwrap();
    let mut content = Content::load(Some(dir.path().to_path_buf()));
    let builtin = Content::load(None).library.scenarios.len();
    assert_eq!(content.library.scenarios.len(), builtin + 1);
    assert_eq!(
        content.library.get("tutorial").unwrap().scenario.title.en,
        "A small scenario"
    );
    assert_eq!(
        content.library.get("small").unwrap().scenario.title.en,
        "A small scenario"
    );
    let text = fs::read_to_string(&file)
        .unwrap()
        .replace("A small scenario", "Edited");
    fs::write(&file, text).unwrap();
    content.reload();
    assert_eq!(
        content.library.get("small").unwrap().scenario.title.en,
        "Edited"
    );
    assert_eq!(content.reloads, 1);
}

#[test]
fn the_file_watcher_reloads_the_library_while_the_game_runs() {
    let dir = temp_dir();
    let file = dir.path().join("small.ron");
    fs::copy(fixture("small.ron"), &file).unwrap();
    let mut app = app_with(Content::load(Some(dir.path().to_path_buf())));
    // A run in progress keeps its own copy of the scenario.
    send(
        &mut app,
        Action::Dialogue(DialogueAction::Start("small".into())),
    );
    let text = fs::read_to_string(&file)
        .unwrap()
        .replace("A small scenario", "Edited live");
    fs::write(&file, text).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while app.world().resource::<Content>().reloads == 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "no reload within 20 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
        app.update();
    }
    let content = app.world().resource::<Content>();
    assert_eq!(
        content.library.get("small").unwrap().scenario.title.en,
        "Edited live"
    );
    let active = conversation(&app).active.as_ref().expect("the run goes on");
    assert_eq!(active.run.scenario().title.en, "A small scenario");
}
