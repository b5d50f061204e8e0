//! Profiles, attempts and the figures the screens read, round-tripped through a real SQLite file.

use crate::common::{LIBRARY, loaded, open, save_full_run, temp_store};
use client_first::engine::debrief;
use client_first::engine::progress::Rating;
use client_first::store::{
    Finish, Kind, Mode, NewAttempt, PrincipleResult, Review, SavedDebrief, Step, StoreError,
    end_of_local_day, now_ms,
};
use std::collections::BTreeSet;

#[test]
fn profiles_are_created_renamed_remembered_and_deleted() {
    let (_dir, path) = temp_store();
    let store = open(&path);
    assert!(store.profiles().unwrap().is_empty());
    assert!(matches!(
        store.create_profile("   ", None),
        Err(StoreError::EmptyName)
    ));
    let anna = store
        .create_profile("  Anna ", Some("Onboarding March"))
        .unwrap();
    assert_eq!(anna.name, "Anna");
    assert_eq!(anna.group.as_deref(), Some("Onboarding March"));
    let guest = store.guest().unwrap();
    assert!(guest.guest);
    assert_eq!(store.guest().unwrap().id, guest.id, "one guest profile");
    store.rename_profile(anna.id, "Anna K.", None).unwrap();
    store.set_last_profile(anna.id).unwrap();
    drop(store);

    let store = open(&path);
    let last = store.last_profile().unwrap().expect("remembered");
    assert_eq!(last.name, "Anna K.");
    assert_eq!(last.group, None);
    assert_eq!(store.profiles().unwrap()[0].id, anna.id, "last used first");
    save_full_run(&store, anna.id, loaded("tutorial"), 3);
    let lost = store.profile_summary(anna.id).unwrap();
    assert_eq!((lost.attempts, lost.in_progress), (1, 0));
    store.delete_profile(anna.id).unwrap();
    assert_eq!(store.profiles().unwrap().len(), 1);
    assert_eq!(store.last_profile().unwrap(), None);
    let (profiles, attempts) = store.counts().unwrap();
    assert_eq!(
        (profiles, attempts),
        (1, 0),
        "the attempts went with the profile"
    );
}

#[test]
fn a_finished_dialogue_feeds_picker_history_mastery_and_cards() {
    let (_dir, path) = temp_store();
    let store = open(&path);
    let p = store.create_profile("Boris", None).unwrap();
    let l = loaded("tutorial");
    let (a1, run1) = save_full_run(&store, p.id, l, 1);
    let (_a2, run2) = save_full_run(&store, p.id, l, 99);
    let o1 = run1.outcome().unwrap();
    let o2 = run2.outcome().unwrap();
    let s1 = client_first::engine::score::score(&l.scenario, &l.analysis, &o1);
    let s2 = client_first::engine::score::score(&l.scenario, &l.analysis, &o2);

    let picker = store.picker(p.id, Kind::Dialogue).unwrap();
    let fig = &picker["tutorial"];
    assert_eq!(fig.attempts, 2);
    assert_eq!(fig.best, s1.overall.max(s2.overall));
    let endings: BTreeSet<String> = [o1.ending.clone(), o2.ending.clone()].into();
    assert_eq!(fig.endings, endings);
    assert!(store.picker(p.id, Kind::Quiz).unwrap().is_empty());

    let history = store.history(p.id, 0, 10).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].attempt, a1, "newest first");
    assert_eq!(history[1].score, s1.overall);
    assert_eq!(history[1].total, s1.total);
    assert_eq!(history[1].ending.as_deref(), Some(o1.ending.as_str()));
    assert_eq!(store.steps(a1).unwrap().len(), o1.decisions.len());
    assert!(
        store.steps(a1).unwrap().iter().all(|s| s.ms == 1200),
        "autosave times kept"
    );

    let data = store
        .progress(p.id, &LIBRARY.catalog, 50, end_of_local_day(now_ms()))
        .unwrap();
    assert_eq!(data.history_total, 2);
    assert_eq!(data.scores.len(), 2);
    assert!(data.scores[0].at <= data.scores[1].at, "oldest first");
    assert_eq!(data.completed, BTreeSet::from(["tutorial".to_string()]));
    assert_eq!(data.endings["tutorial"], endings);
    let tested: Vec<&str> = data
        .by_source
        .iter()
        .flat_map(|g| &g.principles)
        .filter(|m| m.count > 0)
        .map(|m| m.id.as_str())
        .collect();
    let in_play: Vec<&str> = s1
        .principles
        .iter()
        .filter(|p| p.percent.is_some())
        .map(|p| p.id.as_str())
        .collect();
    for id in &in_play {
        assert!(
            tested.contains(id),
            "{id} was tested in the run, so it has a mastery"
        );
    }
    let themed: usize = data.by_theme.iter().map(|g| g.principles.len()).sum();
    assert_eq!(
        themed,
        LIBRARY.catalog.principles.len(),
        "every principle in one theme"
    );

    // Reviewed today, so nothing is due today; within a year everything tested is due.
    assert_eq!(data.due, 0);
    let later = now_ms() + 365 * 86_400_000;
    assert_eq!(store.due_count(p.id, later).unwrap(), tested.len());
    let next = store
        .practise_next(p.id, &LIBRARY, later)
        .unwrap()
        .expect("something to practise");
    let due = store.due_principles(p.id, later).unwrap();
    let best_cover = LIBRARY
        .scenarios
        .iter()
        .map(|l| {
            l.scenario
                .principles()
                .into_iter()
                .filter(|x| due.contains(*x))
                .count()
        })
        .max()
        .unwrap();
    assert_eq!(
        next.covers.len(),
        best_cover,
        "the scenario covering the most due principles"
    );

    let id = &in_play[0];
    let over_time = store.principle_over_time(p.id, id, 10).unwrap();
    assert_eq!(over_time.len(), 2);
    assert_eq!(
        Some(over_time[0].percent),
        s1.principles.iter().find(|x| &x.id == id).unwrap().percent
    );
}

#[test]
fn a_saved_debrief_is_rebuilt_exactly_while_the_scenario_is_unchanged() {
    let (_dir, path) = temp_store();
    let store = open(&path);
    let p = store.create_profile("Vera", None).unwrap();
    let l = loaded("where_is_order");
    let (a, run) = save_full_run(&store, p.id, l, 7);
    let original = debrief::build(l, &run.outcome().unwrap(), &LIBRARY.all(), &BTreeSet::new());
    match store.saved_debrief(p.id, a, &LIBRARY).unwrap() {
        SavedDebrief::Rebuilt(d) => assert_eq!(*d, original),
        other => panic!("expected a rebuilt debrief, got {other:?}"),
    }
    // Without the scenario, the saved figures remain.
    let empty = client_first::engine::library::Library::from_files(Vec::new(), Vec::new());
    match store.saved_debrief(p.id, a, &empty).unwrap() {
        SavedDebrief::Saved {
            changed,
            row,
            principles,
        } => {
            assert!(!changed);
            assert_eq!(row.score, original.score.overall);
            let saved: Vec<(String, Option<u8>)> =
                principles.into_iter().map(|x| (x.id, x.percent)).collect();
            let want: Vec<(String, Option<u8>)> = original
                .score
                .principles
                .iter()
                .map(|x| (x.id.clone(), x.percent))
                .collect();
            assert_eq!(saved, want);
        }
        other => panic!("expected saved figures, got {other:?}"),
    }
}

#[test]
fn quiz_and_team_attempts_fit_the_same_tables() {
    let (_dir, path) = temp_store();
    let store = open(&path);
    let p = store.create_profile("Gleb", None).unwrap();
    let quiz = store
        .start_attempt(&NewAttempt {
            profile: p.id,
            kind: Kind::Quiz,
            activity: "daily".into(),
            hash: "quiz-v1".into(),
            seed: 5,
            mode: Mode::Exam,
            lang: client_first::engine::text::Lang::Ru,
            detail: serde_json::json!({"round": "by-source", "source": "fc"}),
        })
        .unwrap();
    let answer = Step {
        item: "q.fc.never_just_no.1".into(),
        answer: "B".into(),
        correct: Some(true),
        ms: 3400,
        detail: serde_json::json!({"points": 870}),
    };
    store.save_step(quiz, 0, &answer).unwrap();
    let t = now_ms();
    store
        .add_review(
            p.id,
            &Review {
                attempt: quiz,
                step: 0,
                principle: "fc.never_just_no".into(),
                rating: Rating::Easy,
                value: 1.0,
                at: t,
            },
        )
        .unwrap();
    store
        .finish_attempt(
            quiz,
            &Finish {
                total: 870,
                score: 100,
                principles: vec![PrincipleResult {
                    id: "fc.never_just_no".into(),
                    earned: 1,
                    percent: Some(100),
                }],
                ..Finish::default()
            },
        )
        .unwrap();
    assert!(matches!(
        store.finish_attempt(quiz, &Finish::default()),
        Err(StoreError::AlreadyFinished(_))
    ));
    assert!(matches!(
        store.save_step(quiz, 1, &answer),
        Err(StoreError::AlreadyFinished(_))
    ));
    assert_eq!(store.steps(quiz).unwrap(), vec![answer]);
    assert_eq!(store.picker(p.id, Kind::Quiz).unwrap()["daily"].attempts, 1);
    assert!(
        store.picker(p.id, Kind::Quiz).unwrap()["daily"]
            .endings
            .is_empty()
    );
    let m = store.mastery(p.id).unwrap();
    assert_eq!(m["fc.never_just_no"].percent(), Some(100));
    assert_eq!(
        store.due_count(p.id, end_of_local_day(t)).unwrap(),
        0,
        "an easy review is not due today"
    );

    let team = store
        .start_attempt(&NewAttempt {
            profile: p.id,
            kind: Kind::Team,
            activity: "guitar".into(),
            hash: "h".into(),
            seed: 1,
            mode: Mode::Coach,
            lang: client_first::engine::text::Lang::En,
            detail: serde_json::json!({"teams": [{"name": "Red", "players": ["a", "b"]}]}),
        })
        .unwrap();
    let vote = Step {
        item: "start".into(),
        answer: "ask".into(),
        correct: None,
        ms: 45_000,
        detail: serde_json::json!({"votes": {"ask": 12, "refuse": 3}}),
    };
    store.save_step(team, 0, &vote).unwrap();
    store
        .finish_attempt(
            team,
            &Finish {
                ending: Some("won".into()),
                score: 80,
                ..Finish::default()
            },
        )
        .unwrap();
    assert_eq!(store.steps(team).unwrap()[0].detail["votes"]["ask"], 12);
    let hist = store.history(p.id, 0, 10).unwrap();
    assert_eq!(
        hist.iter().map(|h| h.kind).collect::<Vec<_>>(),
        vec![Kind::Team, Kind::Quiz]
    );
    assert!(
        store.endings_found(p.id).unwrap().is_empty(),
        "team endings are not dialogue endings"
    );
}

#[test]
fn one_run_in_progress_per_profile_and_kind() {
    let (_dir, path) = temp_store();
    let store = open(&path);
    let p = store.create_profile("Dina", None).unwrap();
    let l = loaded("tutorial");
    let a = store
        .start_attempt(&NewAttempt::dialogue(
            p.id,
            l,
            1,
            Mode::Coach,
            client_first::engine::text::Lang::En,
        ))
        .unwrap();
    store
        .save_step(a, 0, &Step::decision("n", "c", 10))
        .unwrap();
    let b = store
        .start_attempt(&NewAttempt::dialogue(
            p.id,
            l,
            2,
            Mode::Exam,
            client_first::engine::text::Lang::Ru,
        ))
        .unwrap();
    let open_run = store.in_progress(p.id, Kind::Dialogue).unwrap().unwrap();
    assert_eq!(open_run.attempt, b);
    assert_eq!(open_run.seed, 2);
    assert_eq!(open_run.mode, Mode::Exam);
    assert!(
        store.steps(a).unwrap().is_empty(),
        "the older run was dropped"
    );
    store.discard_attempt(b).unwrap();
    assert_eq!(store.in_progress(p.id, Kind::Dialogue).unwrap(), None);
    assert_eq!(store.profile_summary(p.id).unwrap().in_progress, 0);
}

#[test]
fn the_finish_makes_the_saved_steps_match_the_outcome() {
    let (_dir, path) = temp_store();
    let store = open(&path);
    let p = store.guest().unwrap();
    assert_eq!(
        client_first::store::display_name(client_first::engine::text::Lang::Ru, &p),
        "Гость"
    );
    assert_eq!(
        client_first::store::display_name(client_first::engine::text::Lang::En, &p),
        "Guest"
    );
    let l = loaded("tutorial");
    let mut run = client_first::engine::run::Run::start(std::sync::Arc::clone(&l.scenario), 5);
    crate::common::play(&mut run, &mut crate::common::Pick(5), 1000);
    let outcome = run.outcome().unwrap();
    let a = store
        .start_attempt(&NewAttempt::dialogue(
            p.id,
            l,
            5,
            Mode::Coach,
            client_first::engine::text::Lang::En,
        ))
        .unwrap();
    // A first autosave with a wrong answer and one step too many (a missed autosave in between).
    let first = &outcome.decisions[0];
    store
        .save_step(a, 0, &Step::decision(&first.node, "not-this", 777))
        .unwrap();
    store
        .save_step(a, outcome.decisions.len(), &Step::decision("extra", "x", 1))
        .unwrap();
    store.finish_dialogue(a, l, &outcome).unwrap();
    let steps = store.steps(a).unwrap();
    let want: Vec<(String, String)> = outcome
        .decisions
        .iter()
        .map(|d| (d.node.clone(), d.choice.clone()))
        .collect();
    let got: Vec<(String, String)> = steps
        .iter()
        .map(|s| (s.item.clone(), s.answer.clone()))
        .collect();
    assert_eq!(got, want);
    assert_eq!(steps[0].ms, 777, "the autosave's time is kept");
}
