//! One test per validator finding, each on a small broken fixture in `tests/fixtures/`.

use crate::common::{fixture, library_of};
use client_first::engine::diag::{Diagnostic, Severity};
use client_first::engine::text::Lang;
use client_first::i18n::diag::{diagnostic_fix, diagnostic_message};

/// The message of a finding, in English.
fn msg(d: &Diagnostic) -> String {
    diagnostic_message(Lang::En, d)
}

/// The fix of a finding, in English.
fn fix(d: &Diagnostic) -> String {
    diagnostic_fix(Lang::En, d)
}

/// Every diagnostic for one fixture file.
fn findings(name: &str) -> Vec<Diagnostic> {
    let lib = library_of(&[name]);
    let mut out: Vec<Diagnostic> = lib
        .problems
        .iter()
        .flat_map(|p| p.diagnostics.clone())
        .collect();
    out.extend(lib.scenarios.iter().flat_map(|l| l.warnings.clone()));
    out
}

/// The one diagnostic with this code; fails with the full list otherwise.
fn only(name: &str, code: &str) -> Diagnostic {
    let all = findings(name);
    let hits: Vec<&Diagnostic> = all.iter().filter(|d| d.code == code).collect();
    assert_eq!(hits.len(), 1, "{name}: expected one `{code}`, got {all:#?}");
    hits[0].clone()
}

/// The 1-based line of the first line of a fixture that contains `needle`.
fn line_of(name: &str, needle: &str) -> usize {
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle in fixture")
        + 1
}

/// Asserts the caret points at `needle` on the reported line.
fn points_at(d: &Diagnostic, needle: &str) {
    let rest: String = d.snippet.chars().skip(d.pos.col - 1).collect();
    assert!(
        rest.starts_with(needle),
        "caret at {:?} in {:?}, wanted {needle:?}",
        rest,
        d.snippet
    );
}

#[test]
fn the_valid_fixture_is_clean() {
    assert!(
        findings("small.ron").is_empty(),
        "{:#?}",
        findings("small.ron")
    );
}

#[test]
fn syntax_error_names_file_line_column_and_fix() {
    let d = only("syntax_missing_comma.ron", "syntax");
    assert_eq!(d.severity, Severity::Error);
    assert!(d.file.ends_with("syntax_missing_comma.ron"));
    assert_eq!(
        d.pos.line,
        line_of("syntax_missing_comma.ron", "mood: 10") + 1
    );
    assert!(msg(&d).contains("comma"), "{}", msg(&d));
    let shown = d.to_string();
    assert!(
        shown.contains(&format!(":{}:{}", d.pos.line, d.pos.col)),
        "{shown}"
    );
    assert!(shown.contains('^'), "{shown}");
}

#[test]
fn unknown_field_suggests_the_right_name() {
    let d = only("syntax_unknown_field.ron", "syntax");
    assert_eq!(d.pos.line, line_of("syntax_unknown_field.ron", "feedbak"));
    assert!(msg(&d).contains("`feedbak`"), "{}", msg(&d));
    assert!(fix(&d).contains("did you mean `feedback`"), "{}", fix(&d));
}

#[test]
fn reference_to_a_missing_node() {
    let d = only("unknown_node.ron", "unknown-node");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.pos.line, line_of("unknown_node.ron", "\"angri\""));
    points_at(&d, "\"angri\"");
    assert!(fix(&d).contains("did you mean `angry`"), "{}", fix(&d));
}

#[test]
fn reference_to_a_missing_principle() {
    let d = only("unknown_principle.ron", "unknown-principle");
    assert_eq!(
        d.pos.line,
        line_of("unknown_principle.ron", "fc.never_just_say_no")
    );
    points_at(&d, "\"fc.never_just_say_no\"");
    assert!(fix(&d).contains("fc.never_just_no"), "{}", fix(&d));
}

#[test]
fn reference_to_a_missing_case() {
    let d = only("unknown_case.ron", "unknown-case");
    assert_eq!(d.pos.line, line_of("unknown_case.ron", "where_is_my_order"));
    assert!(fix(&d).contains("where_is_order"), "{}", fix(&d));
}

#[test]
fn unknown_speaker() {
    let d = only("unknown_speaker.ron", "unknown-speaker");
    assert_eq!(d.pos.line, line_of("unknown_speaker.ron", "\"boss\""));
    points_at(&d, "\"boss\"");
}

#[test]
fn duplicate_node_id() {
    let d = only("duplicate_node.ron", "duplicate-id");
    // The second occurrence is the one reported.
    let text = std::fs::read_to_string(fixture("duplicate_node.ron")).unwrap();
    let second = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("id: \"lost_end\""))
        .nth(1)
        .unwrap()
        .0
        + 1;
    assert_eq!(d.pos.line, second);
}

#[test]
fn duplicate_choice_id() {
    let d = only("duplicate_choice.ron", "duplicate-id");
    assert!(
        msg(&d).contains("two choices with the id `extra`"),
        "{}",
        msg(&d)
    );
}

#[test]
fn unreachable_ending() {
    let d = only("unreachable.ron", "unreachable-ending");
    assert_eq!(d.severity, Severity::Warning);
    assert!(msg(&d).contains("`ok_end`"));
    assert_eq!(d.pos.line, line_of("unreachable.ron", "id: \"ok_end\""));
}

#[test]
fn dead_end_when_no_choice_is_available() {
    let d = only("dead_end.ron", "dead-end");
    assert_eq!(d.severity, Severity::Error);
    assert!(msg(&d).contains("`thanks`"), "{}", msg(&d));
}

#[test]
fn loop_with_no_way_out() {
    let all = findings("no_way_out.ron");
    let trapped: Vec<String> = all
        .iter()
        .filter(|d| d.code == "no-way-out")
        .map(msg)
        .collect();
    assert_eq!(trapped.len(), 2, "{all:#?}");
    assert!(trapped.iter().any(|m| m.contains("`angry`")));
    assert!(trapped.iter().any(|m| m.contains("`angry2`")));
}

#[test]
fn choice_that_trains_no_principle() {
    let d = only("untrained_choice.ron", "untrained-choice");
    assert_eq!(d.severity, Severity::Warning);
    // The finding points at the empty `scores`, the value to fill in.
    assert_eq!(d.pos.line, line_of("untrained_choice.ron", "scores: {}"));
    points_at(&d, "{}");
}

#[test]
fn missing_translation() {
    let d = only("missing_translation.ron", "missing-translation");
    assert!(msg(&d).contains("no English text"), "{}", msg(&d));
    assert!(msg(&d).contains("feedback of choice `bye`"), "{}", msg(&d));
    // An error, placed at the text that lacks the language, not at its node.
    assert_eq!(d.severity, Severity::Error);
    points_at(&d, "(ru: \"Вежливо.\")");
}

#[test]
fn ids_of_other_characters_are_refused() {
    let d = only("bad_id.ron", "bad-id");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.pos.line, line_of("bad_id.ron", "id: \"Angry-Node\""));
    points_at(&d, "\"Angry-Node\"");
    assert!(msg(&d).contains("`Angry-Node`"), "{}", msg(&d));
}

#[test]
fn a_label_longer_than_60_characters() {
    let d = only("label_too_long.ron", "label-too-long");
    assert_eq!(d.severity, Severity::Error);
    points_at(&d, "\"That is simply");
    assert!(
        msg(&d).contains("English label of choice `policy`"),
        "{}",
        msg(&d)
    );
    assert!(msg(&d).contains("more than 60"), "{}", msg(&d));
}

#[test]
fn a_decision_with_one_choice() {
    let d = only("one_choice.ron", "choice-count");
    assert_eq!(d.severity, Severity::Error);
    // At the `then:` of node `thanks`, two lines below its id.
    assert_eq!(d.pos.line, line_of("one_choice.ron", "id: \"thanks\"") + 2);
    points_at(&d, "Choices([");
    assert!(
        msg(&d).contains("node `thanks` offers only 1 choice"),
        "{}",
        msg(&d)
    );
}

#[test]
fn a_value_is_found_where_it_is_not_where_its_word_first_appears() {
    // Line 1 is a comment that mentions "mood"; the finding belongs to `mood: 150` further down.
    let d = only("mood_in_comment.ron", "bad-value");
    assert_eq!(d.pos.line, line_of("mood_in_comment.ron", "mood: 150"));
    points_at(&d, "150");
}

#[test]
fn a_dead_end_names_the_state_it_is_reached_in() {
    let d = only("dead_end.ron", "dead-end");
    let m = msg(&d);
    assert!(m.contains("node `thanks`"), "{m}");
    assert!(m.contains("mood 50"), "{m}");
    assert!(m.contains("after `help`"), "{m}");
    let ru = diagnostic_message(Lang::Ru, &d);
    assert!(
        ru.contains("настроение 50") && ru.contains("после `help`"),
        "{ru}"
    );
}

#[test]
fn condition_on_a_flag_never_set() {
    let d = only("unset_flag.ron", "unset-flag");
    points_at(&d, "\"helpd\"");
    assert!(fix(&d).contains("did you mean `helped`"), "{}", fix(&d));
}

#[test]
fn scoring_choice_repeatable_in_a_loop() {
    let d = only("repeatable_score.ron", "repeatable-score");
    assert!(fix(&d).contains("once: true"));
}

#[test]
fn out_of_range_values() {
    let d = only("bad_value.ron", "bad-value");
    assert_eq!(d.pos.line, line_of("bad_value.ron", "difficulty"));
}

#[test]
fn duplicate_scenario_ids_across_files() {
    let lib = library_of(&["small.ron", "small.ron"]);
    let dup: Vec<_> = lib
        .problems
        .iter()
        .flat_map(|p| &p.diagnostics)
        .filter(|d| d.code == "duplicate-id")
        .collect();
    assert_eq!(dup.len(), 1);
    assert_eq!(lib.scenarios.len(), 1, "the first one still loads");
}

#[test]
fn errors_and_warnings_are_kept_apart() {
    // Warnings leave a scenario playable; errors do not.
    assert!(library_of(&["untrained_choice.ron"]).get("small").is_some());
    assert!(library_of(&["unknown_node.ron"]).get("small").is_none());
    for d in findings("no_way_out.ron") {
        match d.code.as_str() {
            "no-way-out" => assert_eq!(d.severity, Severity::Error),
            "unreachable-ending" | "untrained-choice" => assert_eq!(d.severity, Severity::Warning),
            _ => {}
        }
    }
}

#[test]
fn more_choices_at_once_than_the_number_keys() {
    let d = only("too_many_choices.ron", "too-many-choices");
    assert_eq!(d.severity, Severity::Warning);
    assert!(
        msg(&d).contains("`hello` can offer 5 choices"),
        "{}",
        msg(&d)
    );
    // Once `ask` is used up, only 4 remain, but the first visit already offers 5.
}

#[test]
fn numbers_beyond_their_limits_are_errors_not_overflows() {
    let all = findings("huge_numbers.ron");
    let bad: Vec<&Diagnostic> = all.iter().filter(|d| d.code == "bad-value").collect();
    assert_eq!(bad.len(), 2, "{all:#?}");
    assert!(bad.iter().any(|d| d.text("field") == "points"));
    assert!(bad.iter().any(|d| d.text("field") == "mood-change"));
    let points = bad.iter().find(|d| d.text("field") == "points").unwrap();
    points_at(points, "2147483647");
    assert!(msg(points).contains("at most 100"), "{}", msg(points));
}
