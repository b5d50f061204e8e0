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
