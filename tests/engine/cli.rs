//! The command line: exit codes, the text report, JSON and DOT.

use crate::common::fixture;
use client_first::cli::{Format, check, graph};
use client_first::engine::text::Lang;

fn run_check(names: &[&str], format: Format) -> (u8, String) {
    let paths: Vec<_> = names.iter().map(|n| fixture(n)).collect();
    let mut out = Vec::new();
    let code = check(&paths, format, Lang::En, &mut out).expect("writes to memory");
    (code, String::from_utf8(out).unwrap())
}

#[test]
fn clean_file_exits_zero_with_a_coverage_report() {
    let (code, text) = run_check(&["small.ron"], Format::Text);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("✓"), "{text}");
    assert!(text.contains("points: worst -2, best +5"), "{text}");
    assert!(text.contains("0 errors, 0 warnings"), "{text}");
    assert!(text.contains("Coverage: principle × scenarios"), "{text}");
}

#[test]
fn any_error_exits_non_zero_and_shows_the_location() {
    let (code, text) = run_check(&["unknown_node.ron"], Format::Text);
    assert_eq!(code, 1);
    assert!(text.contains("error[unknown-node]"), "{text}");
    assert!(text.contains("unknown_node.ron:"), "{text}");
}

#[test]
fn warnings_alone_exit_zero() {
    let (code, text) = run_check(&["untrained_choice.ron"], Format::Text);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("warning[untrained-choice]"), "{text}");
}

#[test]
fn json_summary_per_scenario() {
    let (code, text) = run_check(&["small.ron", "syntax_missing_comma.ron"], Format::Json);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let scenarios = v["scenarios"].as_array().unwrap();
    assert_eq!(scenarios.len(), 2);
    let small = scenarios.iter().find(|s| s["id"] == "small").unwrap();
    assert_eq!(small["error_count"], 0);
    assert_eq!(small["coverage"]["score"]["best"], 5);
    assert_eq!(small["coverage"]["score"]["worst"], -2);
    assert_eq!(small["languages"], serde_json::json!(["ru", "en"]));
    assert!(small["coverage"]["principles"].as_array().unwrap().len() >= 4);
    let broken = scenarios.iter().find(|s| s["error_count"] == 1).unwrap();
    assert_eq!(broken["errors"][0]["code"], "syntax");
    assert!(broken["errors"][0]["pos"]["line"].as_u64().unwrap() > 1);
    assert_eq!(v["errors"], 1);
}

#[test]
fn a_missing_path_is_an_error_not_a_panic() {
    let (code, text) = run_check(&["does_not_exist.ron"], Format::Text);
    assert_eq!(code, 2);
    assert!(
        text.contains("cannot read it: there is no such file"),
        "{text}"
    );
}

#[test]
fn graph_prints_dot_with_coloured_choices() {
    let mut out = Vec::new();
    let path = fixture("small.ron").display().to_string();
    assert_eq!(graph(&path, Lang::En, &None, &mut out).unwrap(), 0);
    let dot = String::from_utf8(out).unwrap();
    assert!(dot.starts_with("digraph \"small\""), "{dot}");
    assert!(dot.contains("\"hello\" -> \"thanks\""), "{dot}");
    assert!(dot.contains("#6fbf73"), "a positive choice is green: {dot}");
    assert!(
        dot.contains("#e08a3c"),
        "a negative choice is orange: {dot}"
    );
    assert!(dot.contains("style=dashed"), "continue edges are dashed");
}
