//! Resume: a run rebuilt from its seed and choices is the same run, and a changed scenario is never
//! replayed silently.

use crate::common::{LIBRARY, Pick, loaded, open, play, temp_store};
use client_first::engine::library::{Library, SourceFile, builtin_files};
use client_first::engine::progress::{replay, replay_outcome, scenario_hash};
use client_first::engine::run::Run;
use client_first::engine::text::Lang;
use client_first::store::{Kind, Mode, NewAttempt, Resume, Step, restore};
use std::sync::Arc;

/// Every shipped scenario, many seeds, stopped after every number of decisions: the replay has the
/// same state, decisions, transcript and rendered lines as the original run.
#[test]
fn replay_gives_the_same_state_and_transcript() {
    let mut checked = 0;
    for l in &LIBRARY.scenarios {
        for seed in [1u64, 2, 17, 12_345, u64::MAX] {
            for stop in [1usize, 2, 4, 100] {
                let mut run = Run::start(Arc::clone(&l.scenario), seed);
                let choices = play(&mut run, &mut Pick(seed | 1), stop);
                // `play` stops right after the last choice: the moment the autosave is taken.
                let at_save = &run;
                let mut again = replay(Arc::clone(&l.scenario), seed, &choices).expect("replays");
                if run.is_over() {
                    // The player went on through the last Continue nodes to the ending.
                    while again.can_continue() {
                        again.advance().unwrap();
                    }
                    assert_eq!(
                        replay_outcome(Arc::clone(&l.scenario), seed, &choices).ok(),
                        run.outcome()
                    );
                }
                assert_eq!(
                    again.state(),
                    at_save.state(),
                    "{} seed {seed}",
                    l.scenario.id
                );
                assert_eq!(again.decisions(), at_save.decisions());
                assert_eq!(again.transcript(), at_save.transcript());
                for lang in Lang::ALL {
                    assert_eq!(again.utterances(lang), at_save.utterances(lang));
                }
                assert_eq!(
                    again.choices().iter().map(|c| &c.id).collect::<Vec<_>>(),
                    at_save.choices().iter().map(|c| &c.id).collect::<Vec<_>>(),
                    "same shuffle of the next replies"
                );
                assert_eq!(again.outcome(), at_save.outcome());
                checked += 1;
            }
        }
    }
    assert!(LIBRARY.scenarios.len() >= 10, "the shipped library");
    assert_eq!(checked, LIBRARY.scenarios.len() * 5 * 4);
}

#[test]
fn a_saved_run_resumes_and_finishes_like_an_uninterrupted_one() {
    let (_dir, path) = temp_store();
    let l = loaded("guitar");
    let seed = 4242;
    let mut whole = Run::start(Arc::clone(&l.scenario), seed);
    play(&mut whole, &mut Pick(9), 1000);
    let all: Vec<String> = whole.decisions().iter().map(|d| d.choice.clone()).collect();
    assert!(all.len() >= 3, "a scenario with a few decisions");
    let half = all.len() / 2;

    let profile = {
        let store = open(&path);
        let p = store.create_profile("Egor", None).unwrap();
        let a = store
            .start_attempt(&NewAttempt::dialogue(p.id, l, seed, Mode::Exam, Lang::Ru))
            .unwrap();
        for (i, d) in whole.decisions()[..half].iter().enumerate() {
            store
                .save_step(a, i, &Step::decision(&d.node, &d.choice, 500))
                .unwrap();
        }
        p.id
    };
    // A new process: open the same file, find the run, rebuild it and play the rest.
    let store = open(&path);
    let saved = store
        .in_progress(profile, Kind::Dialogue)
        .unwrap()
        .expect("a run to continue");
    assert_eq!(
        (saved.seed, saved.mode, saved.lang, saved.steps.len()),
        (seed, Mode::Exam, Lang::Ru, half)
    );
    let Resume::Ready(mut run) = restore(&saved, &LIBRARY) else {
        panic!("the scenario is unchanged, so the run is ready");
    };
    for (i, c) in all[half..].iter().enumerate() {
        while run.can_continue() {
            run.advance().unwrap();
        }
        run.choose(c).unwrap();
        let d = run.decisions().last().unwrap();
        store
            .save_step(
                saved.attempt,
                half + i,
                &Step::decision(&d.node, &d.choice, 500),
            )
            .unwrap();
    }
    while run.can_continue() {
        run.advance().unwrap();
    }
    assert_eq!(run.transcript(), whole.transcript());
    assert_eq!(run.outcome(), whole.outcome());
    store
        .finish_dialogue(saved.attempt, l, &run.outcome().unwrap())
        .unwrap();
    assert_eq!(store.in_progress(profile, Kind::Dialogue).unwrap(), None);
}

#[test]
fn a_changed_or_missing_scenario_is_reported_not_replayed() {
    let (_dir, path) = temp_store();
    let store = open(&path);
    let p = store.create_profile("Fira", None).unwrap();
    let l = loaded("tutorial");
    let a = store
        .start_attempt(&NewAttempt::dialogue(p.id, l, 1, Mode::Coach, Lang::En))
        .unwrap();
    let mut run = Run::start(Arc::clone(&l.scenario), 1);
    play(&mut run, &mut Pick(3), 1);
    let d = run.decisions()[0].clone();
    store
        .save_step(a, 0, &Step::decision(&d.node, &d.choice, 1))
        .unwrap();
    let saved = store.in_progress(p.id, Kind::Dialogue).unwrap().unwrap();
    assert_eq!(saved.hash, scenario_hash(&l.scenario));

    // The same scenario with one English word changed: an override with the same id.
    let file = builtin_files()
        .into_iter()
        .find(|f| f.name.ends_with("tutorial.ron"))
        .unwrap();
    let pos = file.text.find("en: \"").expect("an English text") + 5;
    let mut text = file.text.clone();
    text.insert_str(pos, "Well, ");
    let changed = Library::from_files(
        builtin_files(),
        vec![SourceFile {
            name: "tutorial.ron".into(),
            text,
            unreadable: None,
        }],
    );
    assert!(
        changed.get("tutorial").is_some(),
        "the edited scenario still loads"
    );
    match restore(&saved, &changed) {
        Resume::ScenarioChanged { saved: old, now } => {
            assert_eq!(old, saved.hash);
            assert_ne!(now, saved.hash);
        }
        other => panic!("expected ScenarioChanged, got {other:?}"),
    }
    // Spacing and comments are not a change: the parsed scenario is hashed.
    let spaced = format!("// a comment\n{}\n\n", file.text);
    let same = Library::from_files(
        builtin_files(),
        vec![SourceFile {
            name: "tutorial.ron".into(),
            text: spaced,
            unreadable: None,
        }],
    );
    assert!(matches!(restore(&saved, &same), Resume::Ready(_)));

    let none = Library::from_files(Vec::new(), Vec::new());
    assert!(matches!(restore(&saved, &none), Resume::ScenarioMissing));
}
