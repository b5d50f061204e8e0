//! Export and import: the whole history travels, importing twice adds nothing twice, and a damaged or
//! foreign file gets a located error in both languages and changes nothing.

use crate::common::{LIBRARY, loaded, open, save_full_run, temp_store};
use clap::Parser;
use client_first::cli::{Cli, Command, run_command};
use client_first::engine::text::Lang;
use client_first::store::transfer::{self, ImportError, import_error_message, parse};
use client_first::store::{Kind, Store, end_of_local_day, now_ms};

fn counts(store: &Store) -> (u64, u64, i64) {
    let (p, a) = store.counts().unwrap();
    let r: i64 = store
        .connection()
        .query_row("SELECT COUNT(*) FROM reviews", [], |r| r.get(0))
        .unwrap();
    (p, a, r)
}

#[test]
fn a_history_travels_and_importing_twice_adds_nothing_twice() {
    let (_a, office) = temp_store();
    let (_b, home) = temp_store();
    let file = office.parent().unwrap().join("anna.json");
    let src = open(&office);
    let anna = src.create_profile("Anna", Some("Support, Kazan")).unwrap();
    for seed in 1..=3 {
        save_full_run(&src, anna.id, loaded("tutorial"), seed);
    }
    save_full_run(&src, anna.id, loaded("guitar"), 5);
    assert_eq!(src.export_to(anna.id, &file).unwrap(), 4);

    let dst = open(&home);
    let local = dst.create_profile("Someone else", None).unwrap();
    save_full_run(&dst, local.id, loaded("tutorial"), 1);
    let before = counts(&dst);
    let first = dst.import_from(&file).unwrap();
    assert!(first.new_profile);
    assert_eq!((first.added, first.skipped), (4, 0));
    let after_first = counts(&dst);
    let second = dst.import_from(&file).unwrap();
    assert!(!second.new_profile);
    assert_eq!((second.added, second.skipped), (0, 4));
    assert_eq!(counts(&dst), after_first, "nothing added twice");
    assert_eq!(after_first.1, before.1 + 4);

    // The imported profile shows the same figures on the new machine.
    let until = end_of_local_day(now_ms()) + 400 * 86_400_000;
    let there = src.progress(anna.id, &LIBRARY.catalog, 10, until).unwrap();
    let here = dst
        .progress(first.profile, &LIBRARY.catalog, 10, until)
        .unwrap();
    assert_eq!(
        here.history
            .iter()
            .map(|h| (&h.uuid, h.score))
            .collect::<Vec<_>>(),
        there
            .history
            .iter()
            .map(|h| (&h.uuid, h.score))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        here.by_source, there.by_source,
        "mastery rebuilt from the same reviews"
    );
    assert_eq!(here.due, there.due);
    assert_eq!(
        dst.picker(first.profile, Kind::Dialogue).unwrap(),
        src.picker(anna.id, Kind::Dialogue).unwrap()
    );
    assert_eq!(
        dst.profile(first.profile).unwrap().group.as_deref(),
        Some("Support, Kazan")
    );
    let a = here.history[0].attempt;
    assert_eq!(
        dst.steps(a).unwrap(),
        src.steps(there.history[0].attempt).unwrap()
    );

    // New attempts at the office, exported again: only those are added at home.
    save_full_run(&src, anna.id, loaded("tutorial"), 9);
    src.export_to(anna.id, &file).unwrap();
    let third = dst.import_from(&file).unwrap();
    assert_eq!((third.added, third.skipped), (1, 4));
}

#[test]
fn a_damaged_or_foreign_file_changes_nothing_and_says_where() {
    let (_dir, path) = temp_store();
    let dir = path.parent().unwrap().to_path_buf();
    let store = open(&path);
    let p = store.create_profile("Lev", None).unwrap();
    save_full_run(&store, p.id, loaded("tutorial"), 1);
    let good = dir.join("good.json");
    store.export_to(p.id, &good).unwrap();
    let text = std::fs::read_to_string(&good).unwrap();
    let other = Store::in_memory().unwrap();
    let before = counts(&other);

    let cases: Vec<(&str, String)> = vec![
        ("truncated", text[..text.len() / 2].to_string()),
        ("not json", "PK\u{3}\u{4} zip bytes".to_string()),
        (
            "foreign",
            r#"{"format": "anki-deck", "version": 1}"#.to_string(),
        ),
        ("no tag", r#"{"cards": []}"#.to_string()),
        (
            "newer",
            text.replacen("\"version\": 1", "\"version\": 7", 1),
        ),
        (
            "wrong type",
            text.replacen("\"score\": ", "\"score\": \"high\", \"x\": ", 1),
        ),
        ("impossible score", {
            let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
            v["attempts"][0]["score"] = 250.into();
            serde_json::to_string_pretty(&v).unwrap()
        }),
    ];
    for (what, body) in cases {
        let f = dir.join(format!("{}.json", what.replace(' ', "_")));
        std::fs::write(&f, &body).unwrap();
        let err = other.import_from(&f).expect_err(what);
        match (what, &err) {
            ("truncated", ImportError::Syntax { line, .. }) => assert!(*line > 1),
            ("not json", ImportError::Syntax { line: 1, column: 1 }) => {}
            ("foreign" | "no tag", ImportError::Foreign) => {}
            ("newer", ImportError::Newer(7)) => {}
            ("wrong type", ImportError::Invalid { line, column, .. }) => {
                assert!(*line > 1 && *column > 1)
            }
            (
                "impossible score",
                ImportError::BadValue {
                    index: 1,
                    field: "score",
                },
            ) => {}
            _ => panic!("{what}: unexpected {err:?}"),
        }
        assert_eq!(counts(&other), before, "{what}: nothing changed");
        for lang in Lang::ALL {
            let m = import_error_message(lang, &f, &err);
            assert!(m.contains(&f.display().to_string()), "{m}");
            assert!(!m.contains("store-"), "{m}");
        }
        if let ImportError::Syntax { line, column } | ImportError::Invalid { line, column, .. } =
            err
        {
            for lang in Lang::ALL {
                let m = import_error_message(lang, &f, &err);
                assert!(
                    m.contains(&line.to_string()) && m.contains(&column.to_string()),
                    "{m}"
                );
            }
        }
    }
    assert!(parse(&text).is_ok());
    assert!(matches!(
        other.import_from(&dir.join("missing.json")),
        Err(ImportError::Io(_))
    ));
}

#[test]
fn the_command_line_exports_and_imports() {
    let (_a, office) = temp_store();
    let (_b, home) = temp_store();
    let file = office.parent().unwrap().join("out.json");
    {
        let s = open(&office);
        let p = s.create_profile("Mila", None).unwrap();
        s.create_profile("Nina", None).unwrap();
        save_full_run(&s, p.id, loaded("tutorial"), 2);
    }
    let cli = |args: &[&str]| -> (i32, String) {
        let parsed =
            Cli::try_parse_from(std::iter::once("client-first").chain(args.iter().copied()))
                .unwrap();
        let lang = parsed.lang.unwrap_or(client_first::engine::text::Lang::En);
        let Some(Command::Progress { action }) = parsed.command else {
            panic!("a progress command");
        };
        let mut out = Vec::new();
        let code = transfer::run(action, lang, &mut out);
        (code, String::from_utf8(out).unwrap())
    };
    let o = office.to_str().unwrap();
    let h = home.to_str().unwrap();
    let f = file.to_str().unwrap();
    let (code, text) = cli(&["progress", "export", f, "--db", o, "--lang", "en"]);
    assert_eq!(code, 1, "two profiles and none chosen: {text}");
    assert!(text.contains("Mila") && text.contains("Nina"), "{text}");
    let (code, text) = cli(&[
        "progress",
        "export",
        f,
        "--profile",
        "Nobody",
        "--db",
        o,
        "--lang",
        "ru",
    ]);
    assert_eq!(code, 1);
    assert!(text.contains("Nobody"), "{text}");
    let (code, text) = cli(&[
        "progress",
        "export",
        f,
        "--profile",
        "Mila",
        "--db",
        o,
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("Exported 1 attempt of Mila"), "{text}");
    let (code, text) = cli(&["progress", "import", f, "--db", h, "--lang", "ru"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("1 новая попытка"), "{text}");
    let (code, text) = cli(&["progress", "import", f, "--db", h, "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(text.contains("0 new attempts, 1 already there"), "{text}");
    std::fs::write(&file, "{ \"format\": \"client-first-progress\", ").unwrap();
    let (code, text) = cli(&["progress", "import", f, "--db", h, "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(
        text.contains("line 1") && text.contains("Nothing was changed"),
        "{text}"
    );
    // The dispatch in cli.rs reaches the same code.
    let parsed = Cli::try_parse_from(["client-first", "progress", "import", f, "--db", h]).unwrap();
    assert_eq!(
        run_command(parsed.command.unwrap(), None),
        std::process::ExitCode::from(1)
    );
}
