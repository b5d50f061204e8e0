//! Reports from the progress store: attempts saved by real playthroughs in a SQLite file, read back
//! as the debrief showed them, through the library API and through `client-first report`.

use crate::common::stores::{fill, open, play, save_quiz, temp};
use crate::common::{HOSTILE, LIB};
use client_first::engine::debrief;
use client_first::engine::text::Lang;
use client_first::report::cli::{CsvKind, ReportCommand, Source, report};
use client_first::report::lrs::LrsArgs;
use client_first::report::model::{AttemptKind, AttemptMeta, AttemptRecord};
use client_first::report::stored;
use client_first::store::AttemptFilter;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn source(store: &Path, out: Option<PathBuf>, csv: Option<CsvKind>) -> Source {
    Source {
        from: "store".into(),
        csv,
        out,
        scenarios: None,
        store: Some(store.to_path_buf()),
        lrs: LrsArgs::default(),
    }
}

/// Runs `client-first report …` and returns the exit code and what it printed.
fn run(cmd: &ReportCommand) -> (i32, String) {
    let mut out = Vec::new();
    let code = report(cmd, Lang::En, &mut out);
    (code, String::from_utf8(out).unwrap())
}

/// Text as maud writes it into a page.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[test]
fn a_stored_dialogue_reads_back_exactly_as_the_run_that_made_it() {
    let (_dir, path) = temp();
    let store = open(&path);
    let p = store.create_profile("Anna", Some("Onboarding")).unwrap();
    // A weak trainee, so that some decisions have a better reply.
    let mut checked = 0;
    for (seed, scenario) in [(3, "guitar"), (4, "tutorial"), (5, "where_is_order")] {
        let Some(loaded) = LIB.get(scenario) else {
            continue;
        };
        let (attempt, outcome) = play(&store, p.id, scenario, seed, 0.3);
        let rec = stored::attempt_record(&store, attempt, &LIB).unwrap();
        let row = store.attempt(attempt).unwrap();
        let d = debrief::build(loaded, &outcome, &LIB.all(), &BTreeSet::new());
        let direct = AttemptRecord::from_run(
            &AttemptMeta {
                id: row.uuid.clone(),
                registration: row.uuid.parse().unwrap(),
                profile: "Anna".into(),
                group: Some("Onboarding".into()),
                lang: Lang::En,
                started: rec.started,
                finished: rec.finished,
            },
            &loaded.scenario,
            &loaded.analysis,
            &outcome,
            &d,
        );
        assert_eq!(rec, direct, "{scenario}: the replayed record is the run's");
        assert_eq!(rec.kind, AttemptKind::Dialogue);
        assert_eq!(rec.score, row.score, "{scenario}: the saved score");
        assert_eq!(rec.started.timestamp_millis(), row.started);
        assert_eq!(rec.finished.timestamp_millis(), row.finished);
        assert_eq!(rec.decisions.len(), outcome.decisions.len());
        assert!(rec.ending.is_some() && !rec.principles.is_empty());
        checked += 1;
    }
    assert_eq!(checked, 3, "the three scenarios are built in");
}

#[test]
fn report_attempt_trainee_and_group_come_from_the_store_file() {
    let (dir, path) = temp();
    let names = {
        let store = open(&path);
        let names = fill(&store, "Kazan March", 3, 3);
        // Someone of another group, who must not appear in Kazan's report.
        let other = store.create_profile("Outsider", Some("Moscow")).unwrap();
        play(&store, other.id, "guitar", 99, 0.5);
        names
    };
    let store = open(&path);
    let all = stored::records(&store, AttemptFilter::All, &LIB).unwrap();
    assert_eq!(all.len(), 10);
    // One attempt, by its uuid and by its registration (the same for a stored attempt).
    let a = all
        .iter()
        .find(|a| a.decisions.iter().any(|d| d.better.is_some()))
        .expect("a weak trainee made a mistake");
    let html_path = dir.path().join("attempt.html");
    let (code, said) = run(&ReportCommand::Attempt {
        id: a.registration.to_string().to_uppercase(),
        src: source(&path, Some(html_path.clone()), None),
    });
    assert_eq!(code, 0, "{said}");
    let page = std::fs::read_to_string(&html_path).unwrap();
    for d in &a.decisions {
        assert!(page.contains(&format!("Step {}", d.step)));
        assert!(page.contains(&escaped(&d.reply.en)), "reply of {}", d.step);
        assert!(page.contains(&escaped(&d.feedback.en)), "feedback");
        if let Some(b) = &d.better {
            assert!(page.contains(&escaped(&b.reply.en)), "better reply");
            assert!(page.contains(&escaped(&b.feedback.en)), "its feedback");
        }
    }
    assert!(page.contains(&escaped(&a.ending.as_ref().unwrap().title.en)));
    assert_eq!(page.matches("class=\"bar").count(), a.principles.len());
    // One trainee.
    let (code, page) = run(&ReportCommand::Trainee {
        name: names[0].clone(),
        src: source(&path, None, None),
    });
    assert_eq!(code, 0, "{page}");
    assert_eq!(page.matches("<circle").count(), 3, "one point per attempt");
    // The group: its three trainees, not the outsider.
    let (code, page) = run(&ReportCommand::Group {
        name: Some("Kazan March".into()),
        src: source(&path, None, None),
    });
    assert_eq!(code, 0, "{page}");
    for n in &names {
        assert!(page.contains(n.as_str()), "{n}");
    }
    assert!(!page.contains("Outsider"));
    // Every attempt of the store, without a group's name.
    let (code, page) = run(&ReportCommand::Group {
        name: None,
        src: source(&path, None, None),
    });
    assert_eq!(code, 0);
    assert!(page.contains("Outsider"));
    // CSV of the group's attempts and principles.
    let (code, text) = run(&ReportCommand::Group {
        name: Some("Kazan March".into()),
        src: source(&path, None, Some(CsvKind::Attempts)),
    });
    assert_eq!(code, 0);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(r.records().count(), 9);
    let (code, text) = run(&ReportCommand::Trainee {
        name: names[1].clone(),
        src: source(&path, None, Some(CsvKind::Principles)),
    });
    assert_eq!(code, 0);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let expected: usize = all
        .iter()
        .filter(|a| a.profile == names[1])
        .map(|a| a.principles.len())
        .sum();
    assert_eq!(r.records().count(), expected);
}

#[test]
fn a_missing_store_or_attempt_is_said_and_no_file_is_created() {
    let (_dir, path) = temp();
    let (code, said) = run(&ReportCommand::Group {
        name: None,
        src: source(&path, None, None),
    });
    assert_eq!(code, 2);
    assert!(
        said.contains("no saved progress") && said.contains("--store"),
        "{said}"
    );
    assert!(!path.exists(), "a report never creates a store");
    {
        let store = open(&path);
        fill(&store, "G", 1, 1);
    }
    let (code, said) = run(&ReportCommand::Attempt {
        id: "00000000-0000-4000-8000-000000000000".into(),
        src: source(&path, None, None),
    });
    assert_eq!(code, 2);
    assert!(said.contains("No attempts match"), "{said}");
}

#[test]
fn hostile_profile_and_group_names_are_escaped_in_reports_from_the_store() {
    let (_dir, path) = temp();
    let name = format!("{HOSTILE}N");
    let group = format!("{HOSTILE}G");
    {
        let store = open(&path);
        let p = store.create_profile(&name, Some(&group)).unwrap();
        assert_eq!(p.name, name, "the name is kept whole");
        play(&store, p.id, "guitar", 1, 0.5);
        play(&store, p.id, "tutorial", 2, 0.5);
    }
    let store = open(&path);
    let id = stored::records(&store, AttemptFilter::All, &LIB).unwrap()[0]
        .id
        .clone();
    for cmd in [
        ReportCommand::Attempt {
            id,
            src: source(&path, None, None),
        },
        ReportCommand::Trainee {
            name: name.clone(),
            src: source(&path, None, None),
        },
        ReportCommand::Group {
            name: Some(group.clone()),
            src: source(&path, None, None),
        },
    ] {
        let (code, page) = run(&cmd);
        assert_eq!(code, 0, "{page}");
        assert!(!page.contains("<script"), "{cmd:?}");
        assert!(
            page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"),
            "{cmd:?}"
        );
        assert!(page.contains(" &amp; ") && page.contains("<bdi>"));
        for c in ['\u{202E}', '\u{202C}', '\u{200F}'] {
            assert!(!page.contains(c), "bidi control U+{:04X}", c as u32);
        }
    }
}

#[test]
fn quiz_rounds_are_summarised_and_do_not_break_any_report() {
    let (_dir, path) = temp();
    let (quiz, name) = {
        let store = open(&path);
        let p = store.create_profile("Boris", Some("G")).unwrap();
        play(&store, p.id, "guitar", 7, 0.6);
        let quiz = save_quiz(&store, p.id, &[true, false, true, true]);
        (quiz, p.name)
    };
    let store = open(&path);
    let rec = stored::find(&store, &quiz, &LIB).unwrap().expect("found");
    assert_eq!(rec.kind, AttemptKind::Quiz);
    assert_eq!((rec.score, rec.total, rec.min), (75, 3000, 0));
    assert!(rec.max >= 4000, "the most a four-question round gives");
    assert!(rec.decisions.is_empty() && rec.ending.is_none());
    let p = |id: &str| rec.principles.iter().find(|p| p.id == id).unwrap().clone();
    // Questions 0 and 2 (right) test capital C, 1 (wrong) and 3 (right) two solutions.
    assert_eq!(
        (p("fc.capital_c").chances, p("fc.capital_c").upheld),
        (2, 2)
    );
    assert_eq!(p("fc.capital_c").percent, Some(50), "the saved percent");
    assert_eq!(
        (p("fc.never_just_no").chances, p("fc.never_just_no").upheld),
        (2, 1)
    );
    for cmd in [
        ReportCommand::Attempt {
            id: quiz.clone(),
            src: source(&path, None, None),
        },
        ReportCommand::Trainee {
            name: name.clone(),
            src: source(&path, None, None),
        },
        ReportCommand::Group {
            name: Some("G".into()),
            src: source(&path, None, None),
        },
        ReportCommand::Group {
            name: Some("G".into()),
            src: source(&path, None, Some(CsvKind::Principles)),
        },
    ] {
        let (code, text) = run(&cmd);
        assert_eq!(code, 0, "{cmd:?}: {text}");
    }
    let (_, page) = run(&ReportCommand::Trainee {
        name,
        src: source(&path, None, None),
    });
    assert!(page.contains("Quiz") && page.contains("round:upholds"));
    assert_eq!(
        page.matches("<circle").count(),
        2,
        "the quiz is an attempt too"
    );
    let (_, page) = run(&ReportCommand::Attempt {
        id: quiz,
        src: source(&path, None, None),
    });
    assert!(!page.contains("Decisions"), "a summary lists no decisions");
    assert!(page.contains("75/100"));
}

#[test]
fn a_dialogue_whose_scenario_changed_is_summarised_with_the_same_principle_results() {
    let (_dir, path) = temp();
    let store = open(&path);
    let p = store.create_profile("Vera", None).unwrap();
    let (attempt, _) = play(&store, p.id, "guitar", 11, 0.4);
    let full = stored::attempt_record(&store, attempt, &LIB).unwrap();
    // The scenario file was edited since: its hash differs.
    store
        .connection()
        .execute(
            "UPDATE attempts SET hash = 'an older version' WHERE id = ?1",
            [attempt.0],
        )
        .unwrap();
    let summary = stored::attempt_record(&store, attempt, &LIB).unwrap();
    assert!(
        summary.decisions.is_empty(),
        "never replayed on a changed scenario"
    );
    assert_eq!(
        (summary.score, summary.total, &summary.title),
        (full.score, full.total, &full.title)
    );
    assert_eq!(
        summary.ending.as_ref().unwrap().node,
        full.ending.as_ref().unwrap().node
    );
    assert_eq!(
        summary.ending.as_ref().unwrap().title,
        full.ending.as_ref().unwrap().title
    );
    // The stored reviews give the same chances and upheld decisions as the replay.
    assert_eq!(summary.principles, full.principles);
}
