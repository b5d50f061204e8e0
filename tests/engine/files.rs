//! Files as trainers' editors save them: a folder holding a byte-order mark, CRLF and CR line ends,
//! a file that is not UTF-8, an empty file and a syntax error gives one located error per broken file
//! and loads every good one, in `check` (text and JSON) and in the library the game loads, in both
//! languages.

use crate::common::fixture;
use client_first::cli::{CliError, Format, check};
use client_first::engine::diag::{Code, Diagnostic, Severity};
use client_first::engine::library::{Library, SourceFile, builtin_files, read_path};
use client_first::engine::text::Lang;
use client_first::i18n::diag::{diagnostic_fix, diagnostic_line, diagnostic_message, render};
use std::io::Write;

/// The good files of the folder, by scenario id.
const GOOD: [&str; 4] = ["with_bom", "with_crlf", "with_cr", "plain"];

/// The broken files of the folder, with the code of their one error and the line it must be on.
const BROKEN: [(&str, Code, usize); 3] = [
    ("cp1251.ron", Code::Encoding, 4),
    ("empty.ron", Code::EmptyFile, 0),
    ("syntax.ron", Code::Syntax, 5),
];

/// The folder loaded as the game's `--scenarios DIR` loads it.
fn game_library() -> Library {
    let files = read_path(&fixture("mixed_folder")).expect("the folder can be listed");
    Library::from_files(builtin_files(), files)
}

fn errors_of<'a>(lib: &'a Library, file: &str) -> Vec<&'a Diagnostic> {
    lib.problems
        .iter()
        .filter(|p| p.file.ends_with(file))
        .flat_map(|p| p.diagnostics.iter().filter(|d| d.is_error()))
        .collect()
}

#[test]
fn the_game_loads_every_good_file_and_locates_each_broken_one() {
    let lib = game_library();
    for id in GOOD {
        assert!(
            lib.get(id).is_some(),
            "`{id}` should load; problems: {:#?}",
            lib.problems
        );
    }
    assert_eq!(lib.problems.len(), BROKEN.len(), "{:#?}", lib.problems);
    for (file, code, line) in BROKEN {
        let errors = errors_of(&lib, file);
        assert_eq!(errors.len(), 1, "{file}: {errors:#?}");
        let d = errors[0];
        assert_eq!(d.code, code, "{file}");
        assert_eq!(d.pos.line, line, "{file}: {d:?}");
        assert!(d.file.ends_with(file));
        for lang in Lang::ALL {
            let text = diagnostic_line(lang, d);
            assert!(text.contains(file), "{text}");
            assert!(!diagnostic_message(lang, d).is_empty());
            assert!(!diagnostic_fix(lang, d).is_empty());
        }
        assert_ne!(
            diagnostic_message(Lang::Ru, d),
            diagnostic_message(Lang::En, d)
        );
    }
}

#[test]
fn the_first_bad_byte_is_placed_at_its_line_and_column() {
    let lib = game_library();
    let d = errors_of(&lib, "cp1251.ron")[0];
    // Line 4 is `    title: (ru: "Маленький…`: the first Cyrillic letter is the first bad byte.
    assert_eq!((d.pos.line, d.pos.col), (4, 18));
    assert!(
        render(Lang::En, d).contains("not UTF-8"),
        "{}",
        render(Lang::En, d)
    );
    assert!(
        render(Lang::Ru, d).contains("UTF-8"),
        "{}",
        render(Lang::Ru, d)
    );
}

#[test]
fn check_reports_every_file_in_both_languages() {
    for (lang, broken_word) in [(Lang::En, "error["), (Lang::Ru, "ошибка[")] {
        let mut out = Vec::new();
        let code = check(&[fixture("mixed_folder")], Format::Text, lang, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(code, 1, "{text}");
        for file in ["bom.ron", "crlf.ron", "cr.ron", "good.ron"] {
            let line = text
                .lines()
                .find(|l| l.contains(&format!("/{file} ")))
                .unwrap_or_else(|| panic!("{file} missing: {text}"));
            assert!(line.starts_with('✓'), "{line}");
        }
        assert_eq!(text.matches(broken_word).count(), 3, "{text}");
        assert!(text.contains("cp1251.ron:4:18"), "{text}");
        assert!(text.contains("syntax.ron:5:"), "{text}");
    }
}

#[test]
fn json_is_always_json_even_with_unreadable_paths() {
    let paths = [fixture("mixed_folder"), fixture("no_such_folder")];
    let mut out = Vec::new();
    let code = check(&paths, Format::Json, Lang::Ru, &mut out).unwrap();
    assert_eq!(code, 2, "a path that cannot be read exits 2");
    let v: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
    let files = v["scenarios"].as_array().unwrap();
    assert_eq!(files.len(), 8, "7 files and the missing folder");
    let codes: Vec<&str> = files
        .iter()
        .flat_map(|s| s["errors"].as_array().unwrap())
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    for c in ["encoding", "empty-file", "syntax", "io"] {
        assert_eq!(codes.iter().filter(|x| **x == c).count(), 1, "{codes:?}");
    }
    let io = files
        .iter()
        .flat_map(|s| s["errors"].as_array().unwrap())
        .find(|e| e["code"] == "io")
        .unwrap();
    assert!(io["message"].as_str().unwrap().contains("нет"), "{io}");
    assert_eq!(v["unreadable"], 1);
}

#[test]
fn old_mac_line_ends_keep_their_line_numbers() {
    let lib = client_first::cli::check_library(&[fixture("cr_unknown_node.ron")]);
    let d = errors_of(&lib, "cr_unknown_node.ron")[0];
    assert_eq!(d.code, Code::UnknownNode);
    let text = std::fs::read_to_string(fixture("cr_unknown_node.ron")).unwrap();
    let line = text
        .split('\r')
        .position(|l| l.contains("next: \"ok_ending\""))
        .unwrap()
        + 1;
    assert_eq!(d.pos.line, line);
    assert!(d.snippet.contains("ok_ending"), "{:?}", d.snippet);
}

#[test]
fn a_syntax_error_on_a_huge_line_prints_a_short_snippet() {
    let lib = client_first::cli::check_library(&[fixture("long_line_syntax.ron")]);
    let d = errors_of(&lib, "long_line_syntax.ron")[0];
    assert_eq!(d.code, Code::Syntax);
    let (shown, caret) = d.excerpt().unwrap();
    assert!(shown.chars().count() <= 102, "{}", shown.chars().count());
    assert!(caret.len() <= 102);
    let text = render(Lang::En, d);
    assert!(text.len() < 1000, "{} bytes", text.len());
}

#[test]
fn every_code_has_a_message_and_a_fix_in_both_languages() {
    for code in Code::ALL {
        for lang in Lang::ALL {
            for id in [
                client_first::i18n::diag::message_id(*code),
                client_first::i18n::diag::fix_id(*code),
            ] {
                assert!(client_first::i18n::has(lang, &id), "{id} in {lang}");
            }
        }
    }
}

#[test]
fn overlay_coverage_counts_the_built_in_library_and_says_so() {
    let mut out = Vec::new();
    check(&[fixture("small.ron")], Format::Text, Lang::En, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let builtin = Library::builtin().scenarios.len();
    assert!(
        text.contains(&format!("Counted together with {builtin} built-in")),
        "{text}"
    );
    assert!(
        !text.contains("fc.never_just_no                0"),
        "the built-in scenarios count: {text}"
    );
    let mut out = Vec::new();
    check(&[fixture("small.ron")], Format::Json, Lang::En, &mut out).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(v["builtin_counted"].as_array().unwrap().len() > 10);
    let scored = v["coverage"]["fc.never_just_no"].as_array().unwrap();
    assert!(scored.len() >= 2, "{scored:?}");
}

/// A writer whose reader has gone, like `check | head` after `head` exits.
struct ClosedPipe;

impl Write for ClosedPipe {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::ErrorKind::BrokenPipe.into())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_closed_pipe_is_an_error_value_not_a_panic() {
    let result = check(
        &[fixture("small.ron")],
        Format::Text,
        Lang::En,
        &mut ClosedPipe,
    );
    match result {
        Err(CliError::Write(e)) => assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe),
        other => panic!("expected a write error, got {other:?}"),
    }
    assert_eq!(
        client_first::cli::exit_code(
            Err(CliError::Write(std::io::ErrorKind::BrokenPipe.into())),
            Lang::En
        ),
        std::process::ExitCode::SUCCESS
    );
}

#[test]
fn warnings_stay_warnings_and_errors_errors() {
    let lib = game_library();
    for l in &lib.scenarios {
        assert!(l.warnings.iter().all(|d| d.severity == Severity::Warning));
    }
}

#[test]
fn out_of_range_numbers_and_quoted_names_are_explained() {
    let small = std::fs::read_to_string(fixture("small.ron")).unwrap();
    let catalogs: Vec<SourceFile> = builtin_files()
        .into_iter()
        .filter(|f| f.is_principles() || f.is_cases())
        .collect();
    for (from, to, kind) in [
        ("difficulty: 1,", "difficulty: 300,", "number-range"),
        ("channel: Chat,", "channel: \"Chat\",", "ident"),
    ] {
        let text = small.replacen(from, to, 1);
        let line = text.lines().position(|l| l.contains(to)).unwrap() + 1;
        let lib = Library::from_files(catalogs.clone(), vec![SourceFile::new("t.ron", &text)]);
        let d = &lib.problems[0].diagnostics[0];
        assert_eq!((d.code, d.text("kind")), (Code::Syntax, kind));
        assert_eq!(d.pos.line, line);
        assert!(!diagnostic_message(Lang::Ru, d).contains("whole number"));
        assert!(!diagnostic_message(Lang::En, d).contains("Expected identifier"));
    }
}
