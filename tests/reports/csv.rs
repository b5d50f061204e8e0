//! CSV exports read back with a CSV reader.

use crate::common::{LIB, group, hostile};
use client_first::engine::text::Lang;
use client_first::report::csv_out;
use client_first::report::stats::Context;

#[test]
fn attempts_csv_has_one_row_per_attempt_and_survives_hostile_text() {
    let list: Vec<_> = group("G", 2, 3).into_iter().map(hostile).collect();
    let text = csv_out::attempts(&list, Lang::En);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let head = r.headers().unwrap().clone();
    assert_eq!(&head[0], "attempt");
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), list.len());
    let col = |n: &str| head.iter().position(|h| h == n).unwrap();
    for (row, a) in rows.iter().zip(&list) {
        assert_eq!(
            &row[col("profile")],
            a.profile,
            "quotes and commas round-trip"
        );
        assert_eq!(row[col("score")].parse::<u8>().unwrap(), a.score);
        assert_eq!(
            row[col("duration_s")].parse::<i64>().unwrap(),
            a.duration().num_seconds()
        );
    }
}

#[test]
fn principles_csv_sums_match_the_attempts_and_formulas_are_defused() {
    let mut list = group("G", 1, 3);
    list[0].profile = "=HYPERLINK(\"http://x\")".into();
    let ctx = Context::from_library(&LIB);
    let text = csv_out::principles(&list, &ctx, Lang::Ru);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let expected: usize = list.iter().map(|a| a.principles.len()).sum();
    assert_eq!(rows.len(), expected);
    assert!(
        rows[0][1].starts_with("'="),
        "a formula is made text: {}",
        &rows[0][1]
    );
    let chances: u32 = rows.iter().map(|r| r[7].parse::<u32>().unwrap()).sum();
    let want: u32 = list
        .iter()
        .flat_map(|a| &a.principles)
        .map(|p| p.chances)
        .sum();
    assert_eq!(chances, want);
    // Titles follow the language.
    assert!(
        rows.iter()
            .any(|r| r[6].chars().any(|c| ('а'..='я').contains(&c)))
    );
}

#[test]
fn a_broken_attempts_file_is_named_with_line_and_column_in_the_users_language() {
    use client_first::report::cli::{ReportCommand, Source, report};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    std::fs::write(&path, "[\n  {\"id\": 1,,}\n]").unwrap();
    for (lang, words) in [
        ("en", "not a list of attempts"),
        ("ru", "не список попыток"),
    ] {
        let mut out = Vec::new();
        let code = report(
            &ReportCommand::Group {
                name: None,
                src: Source {
                    from: path.display().to_string(),
                    csv: None,
                    out: None,
                    scenarios: None,
                    store: None,
                    lrs: Default::default(),
                },
            },
            client_first::engine::text::Lang::from_code(lang).unwrap(),
            &mut out,
        );
        let text = String::from_utf8(out).unwrap();
        assert_eq!(code, 2);
        assert!(text.contains(&format!("{}:2:", path.display())), "{text}");
        assert!(text.contains(words), "{text}");
    }
}
