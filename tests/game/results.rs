//! Results leaving the game: the debrief's "Save report" writes one HTML file, the LRS fields of
//! Settings are saved into the store (the secret never shown), and a finished conversation or quiz
//! round queues its xAPI statements in the store's outbox for the background sender.

use crate::common::*;
use client_first::game::activities::lrs::{Lrs, ReportNote};
use client_first::game::core::saves::Saves;
use client_first::game::core::{LrsAction, ProfileAction};
use client_first::game::{Action, DialogueAction, Screen};
use client_first::report::lrs::LrsConfig;
use client_first::store::Store;

fn saves_at(path: &std::path::Path) -> Saves {
    Saves::new(Store::open(path).expect("a store opens").store).expect("a guest profile")
}

fn pending(app: &bevy::prelude::App) -> usize {
    app.world()
        .resource::<Saves>()
        .with(|s| client_first::report::outbox::pending_in(s.connection()))
        .expect("the outbox reads")
}

#[test]
fn save_report_writes_the_debrief_as_one_html_file() {
    let dir = temp_dir();
    let docs = dir.path().join("Documents");
    let mut app = app_with_saves_in(saves_at(&dir.path().join("p.sqlite")), &docs);
    send(&mut app, ProfileAction::Cancel.into());
    send(&mut app, DialogueAction::Start("tutorial".into()).into());
    play_to_debrief_by_keys(&mut app);
    assert!(targets(&app).contains(&LrsAction::SaveReport.into()));
    send(&mut app, LrsAction::SaveReport.into());
    let Some(ReportNote::Saved(path)) = conversation(&app).report.clone() else {
        panic!("saved: {:?}", conversation(&app).report);
    };
    assert!(path.starts_with(&docs), "{path:?}");
    let html = std::fs::read_to_string(&path).expect("the report is there");
    assert!(html.contains("<html"), "an HTML page");
    assert!(
        html.contains("Первый разговор"),
        "the scenario's title in the player's language"
    );
    assert!(!html.contains("<script"), "self-contained, no scripts");
}

#[test]
fn lrs_settings_are_saved_and_finished_attempts_queue_their_statements() {
    let dir = temp_dir();
    let path = dir.path().join("p.sqlite");
    let mut app = app_with_saves(saves_at(&path));
    send(&mut app, ProfileAction::Cancel.into());
    // Without an LRS nothing is queued.
    send(&mut app, DialogueAction::Start("tutorial".into()).into());
    play_to_debrief_by_keys(&mut app);
    assert_eq!(pending(&app), 0);

    send(&mut app, Action::OpenSettings);
    assert!(targets(&app).contains(&LrsAction::Save.into()));
    // Port 9 (discard) on loopback: nothing answers, so the statements stay queued.
    send(
        &mut app,
        LrsAction::Draft {
            endpoint: "http://127.0.0.1:9/xAPI/".into(),
            key: "trainer".into(),
            secret: "s3cret-word".into(),
        }
        .into(),
    );
    send(&mut app, LrsAction::Save.into());
    let saved = app
        .world()
        .resource::<Saves>()
        .with(LrsConfig::load)
        .expect("the settings read");
    assert_eq!(saved.endpoint, "http://127.0.0.1:9/xAPI/");
    assert_eq!(saved.key, "trainer");
    assert_eq!(saved.secret.expose(), "s3cret-word");
    let lrs = app.world().resource::<Lrs>();
    assert!(
        lrs.draft.secret.is_empty(),
        "the typed secret is not kept on screen"
    );
    assert!(!format!("{:?}", lrs.config).contains("s3cret-word"));
    send(&mut app, Action::Back);

    // Saving again with an empty secret field keeps the saved secret.
    send(&mut app, Action::OpenSettings);
    send(&mut app, LrsAction::Save.into());
    let again = app
        .world()
        .resource::<Saves>()
        .with(LrsConfig::load)
        .unwrap();
    assert_eq!(again.secret.expose(), "s3cret-word");
    send(&mut app, Action::Back);

    send(&mut app, DialogueAction::Start("tutorial".into()).into());
    let replies = play_to_debrief_by_keys(&mut app);
    assert_eq!(screen(&app), Screen::Debrief);
    let queued = pending(&app);
    // attempted, one answered per reply, completed, passed or failed.
    assert!(
        queued > replies,
        "{queued} statements for {replies} replies"
    );
}

#[test]
fn a_quiz_round_s_results_save_a_report_too() {
    use client_first::game::core::{QuizAction, QuizRound};
    let dir = temp_dir();
    let docs = dir.path().join("Documents");
    let mut app = app_with_saves_in(saves_at(&dir.path().join("p.sqlite")), &docs);
    send(&mut app, ProfileAction::Cancel.into());
    send(&mut app, QuizAction::Start(QuizRound::Mixed).into());
    crate::quiz::play_round_by_keys(&mut app);
    assert_eq!(screen(&app), Screen::QuizResults);
    assert!(targets(&app).contains(&LrsAction::SaveReport.into()));
    send(&mut app, LrsAction::SaveReport.into());
    let session = app
        .world()
        .resource::<client_first::game::activities::quiz::QuizSession>();
    let Some(ReportNote::Saved(path)) = session.report.clone() else {
        panic!("saved: {:?}", session.report);
    };
    assert!(path.starts_with(&docs), "{path:?}");
    let html = std::fs::read_to_string(&path).expect("the report is there");
    assert!(html.contains("<html"));
    assert!(
        conversation(&app).report.is_none(),
        "the quiz's note, not the debrief's"
    );
}
