//! Progress outlasts the window: a finished conversation is in the store, and a new game on the
//! same store shows its best score and endings found.

use crate::common::*;
use client_first::game::core::saves::Saves;
use client_first::game::{DialogueAction, Progress, Screen};
use client_first::store::Store;

fn saves_at(path: &std::path::Path) -> Saves {
    Saves::new(Store::open(path).expect("a new store opens").store).expect("a guest profile")
}

#[test]
fn a_finished_conversation_is_saved_and_shown_after_a_restart() {
    let dir = temp_dir();
    let path = dir.path().join("progress.sqlite");
    let mut app = app_with_saves(saves_at(&path));
    send(&mut app, DialogueAction::Start("tutorial".into()).into());
    let replies = play_to_debrief_by_keys(&mut app);
    assert_eq!(screen(&app), Screen::Debrief);
    let best = app.world().resource::<Progress>().best["tutorial"];
    let ending = conversation(&app)
        .debrief
        .as_ref()
        .unwrap()
        .ending
        .node
        .clone();
    drop(app);

    // What the store holds: one finished attempt with every reply.
    let saves = saves_at(&path);
    let history = saves
        .with(|s| s.history(saves.profile, 0, 10))
        .expect("history reads");
    assert_eq!(history.len(), 1, "{history:?}");
    assert_eq!(history[0].score, best);
    assert_eq!(history[0].activity, "tutorial");
    assert_eq!(history[0].ending.as_deref(), Some(ending.as_str()));

    // A new game on the same store shows it on the picker.
    let app = app_with_saves(saves);
    let progress = app.world().resource::<Progress>();
    assert_eq!(progress.best.get("tutorial"), Some(&best));
    assert!(progress.completed.contains("tutorial"));
    assert!(progress.endings["tutorial"].contains(&ending));
    assert!(replies > 0);
}

/// The replies made before a quit or a crash, by the keys alone (always the first reply).
fn reply_times(app: &mut bevy::prelude::App, times: usize) {
    for _ in 0..times {
        to_next_choice(app);
        key(app, bevy::prelude::KeyCode::Digit1);
    }
}

#[test]
fn a_conversation_left_half_way_continues_exactly_where_it_was() {
    use client_first::engine::text::Lang;
    // Uninterrupted, for comparison.
    let dir = temp_dir();
    let mut app = app_with_saves(saves_at(&dir.path().join("one.sqlite")));
    send(&mut app, DialogueAction::Start("guitar".into()).into());
    play_to_debrief_by_keys(&mut app);
    let whole = conversation(&app).debrief.clone().unwrap();
    drop(app);

    // Three replies, then the window goes away (a quit, a crash, a power cut).
    let path = dir.path().join("two.sqlite");
    let mut app = app_with_saves(saves_at(&path));
    send(&mut app, DialogueAction::Start("guitar".into()).into());
    reply_times(&mut app, 3);
    let active = conversation(&app).active.as_ref().unwrap();
    let before = (
        active.run.decisions().to_vec(),
        active.run.utterances(Lang::Ru),
    );
    drop(app);

    // A new game offers to continue; Enter (the first button) does, with the same transcript.
    let mut app = app_with_saves(saves_at(&path));
    assert_eq!(screen(&app), Screen::Title);
    assert_eq!(targets(&app).first(), Some(&DialogueAction::Resume.into()));
    key(&mut app, bevy::prelude::KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Dialogue);
    let active = conversation(&app).active.as_ref().unwrap();
    assert_eq!(
        (
            active.run.decisions().to_vec(),
            active.run.utterances(Lang::Ru)
        ),
        before
    );
    // Finished, the debrief is the one the uninterrupted run gave.
    play_to_debrief_by_keys(&mut app);
    let resumed = conversation(&app).debrief.clone().unwrap();
    assert_eq!(resumed.score, whole.score);
    assert_eq!(resumed.path, whole.path);
    assert_eq!(resumed.decisions.len(), whole.decisions.len());
    drop(app);
    // Nothing is left to continue.
    assert!(saves_at(&path).pending.is_none());
}
