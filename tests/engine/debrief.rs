//! Scoring and the debrief model, on the small fixture whose numbers are worked out by hand.

use crate::common::{library_of, small, small_run};
use client_first::engine::debrief::build;
use client_first::engine::model::EndingKind;
use client_first::engine::score::{Grade, score};
use std::collections::BTreeSet;

// By hand: the best playthrough is ask (+1) → help (+2) → extra (+2) = +5;
// the worst is policy (−2) = −2.

#[test]
fn best_and_worst_come_from_the_graph() {
    let l = small();
    let total = l.analysis.total.unwrap();
    assert_eq!((total.best, total.worst), (5, -2));
    let d = l.analysis.decisions.unwrap();
    assert_eq!((d.worst, d.best), (1, 3));
    let p = &l.analysis.principles["fc.never_just_no"];
    assert_eq!((p.best, p.worst), (0, -2));
}

#[test]
fn the_best_path_scores_100_and_the_worst_0() {
    let l = small();
    let mut run = small_run(1);
    for c in ["ask", "help", "extra"] {
        run.choose(c).unwrap();
    }
    let s = score(&l.scenario, &l.analysis, &run.outcome().unwrap());
    assert_eq!((s.total, s.overall, s.grade), (5, 100, Grade::Excellent));
    // Every reply was the best one on offer, so every principle is at 100 %, even `st.polite`,
    // which only the other branch rewards.
    for p in &s.principles {
        assert_eq!(p.percent, Some(100), "{}", p.id);
    }

    let mut run = small_run(1);
    run.choose("policy").unwrap();
    run.advance().unwrap();
    let s = score(&l.scenario, &l.analysis, &run.outcome().unwrap());
    assert_eq!((s.total, s.overall, s.grade), (-2, 0, Grade::Poor));
    let pct = |id: &str| s.principles.iter().find(|p| p.id == id).unwrap().percent;
    assert_eq!(pct("fc.never_just_no"), Some(0), "broken");
    assert_eq!(
        pct("st.empathy_all_solved"),
        Some(0),
        "the best reply asked first"
    );
    assert_eq!(
        pct("fp.exceed_expectations"),
        None,
        "never on offer on this path"
    );
}

#[test]
fn a_middle_path_scores_in_between_per_principle() {
    let l = small();
    let mut run = small_run(1);
    run.choose("help").unwrap();
    run.choose("bye").unwrap();
    let s = score(&l.scenario, &l.analysis, &run.outcome().unwrap());
    // Total 3 of the range −2..5: 5/7 = 71%.
    assert_eq!((s.total, s.overall, s.grade), (3, 71, Grade::Fair));
    let pct = |id: &str| s.principles.iter().find(|p| p.id == id).unwrap().percent;
    assert_eq!(pct("fc.solution_language"), Some(100));
    assert_eq!(
        pct("fp.exceed_expectations"),
        Some(0),
        "the gift was on offer and not taken"
    );
    assert_eq!(
        pct("st.empathy_all_solved"),
        Some(0),
        "asking first was the best reply"
    );
    assert_eq!(pct("fc.never_just_no"), Some(100), "not broken");
    assert_eq!(pct("st.polite"), Some(100));
}

#[test]
fn the_debrief_explains_every_decision_and_points_to_the_better_one() {
    let lib = library_of(&["small.ron"]);
    let l = lib.get("small").unwrap();
    let mut run = small_run(2);
    run.choose("help").unwrap();
    run.choose("bye").unwrap();
    let outcome = run.outcome().unwrap();
    let d = build(l, &outcome, &lib.all(), &BTreeSet::new());

    assert_eq!(d.decisions.len(), 2);
    // Asking for the order number first (a once-only question) opens the best path: +1 on the way.
    assert_eq!(
        d.decisions[0].better.as_ref().map(|b| b.id.as_str()),
        Some("ask")
    );
    let second = &d.decisions[1];
    assert_eq!(second.chosen.id, "bye");
    let better = second.better.as_ref().expect("extra was better");
    assert_eq!(better.id, "extra");
    assert_eq!(better.feedback.en, "More than expected.");
    // Names are filled in for both languages.
    assert!(!d.decisions[0].chosen.say.en.contains("{client}"));

    // Weakest first, each with the decisions that moved it.
    assert_eq!(d.principles[0].percent, Some(0));
    let sol = d
        .principles
        .iter()
        .find(|p| p.id == "fc.solution_language")
        .unwrap();
    assert_eq!(sol.moves.len(), 1);
    assert_eq!(sol.moves[0].step, 1);
    assert_eq!(sol.moves[0].points, 2);

    assert_eq!(d.ending.kind, EndingKind::Resolved);
    assert_eq!(d.path, ["hello", "thanks", "ok_end"]);
    assert_eq!(d.endings.len(), 3);
    assert_eq!(d.endings_discovered(), 1);
    let weak: Vec<&str> = d.weakest.iter().map(|w| w.id.as_str()).collect();
    assert!(weak.contains(&"fp.exceed_expectations"), "{weak:?}");
}

#[test]
fn endings_found_earlier_count_as_discovered() {
    let l = small();
    let mut run = small_run(2);
    run.choose("policy").unwrap();
    run.advance().unwrap();
    let earlier = BTreeSet::from(["wow_end".to_string()]);
    let d = build(&l, &run.outcome().unwrap(), &[], &earlier);
    assert_eq!(d.endings_discovered(), 2);
    assert!(
        d.endings
            .iter()
            .any(|e| e.node == "lost_end" && e.reached_now)
    );
    assert!(
        d.endings
            .iter()
            .any(|e| e.node == "wow_end" && e.discovered && !e.reached_now)
    );
}

#[test]
fn weak_principles_link_to_other_scenarios_that_train_them() {
    let lib = client_first::engine::library::Library::builtin();
    let l = small();
    let mut run = small_run(2);
    run.choose("help").unwrap();
    run.choose("bye").unwrap();
    let d = build(&l, &run.outcome().unwrap(), &lib.all(), &BTreeSet::new());
    for w in &d.weakest {
        for id in &w.train_in {
            let other = lib.get(id).unwrap();
            assert!(other.scenario.rewarded_principles().contains(w.id.as_str()));
            assert_ne!(id, "small");
        }
    }
}

#[test]
fn the_best_playthrough_of_every_shipped_scenario_is_flawless_on_every_principle() {
    // Follow the best reply at every decision: the score is 100 and no principle is weak.
    let lib = client_first::engine::library::Library::builtin();
    for l in &lib.scenarios {
        let mut run = client_first::engine::run::Run::start(std::sync::Arc::clone(&l.scenario), 9);
        while !run.is_over() {
            if run.can_continue() {
                run.advance().unwrap();
                continue;
            }
            let state = run.state().clone();
            let node = run.node().unwrap().clone();
            let best = run
                .choices()
                .iter()
                .max_by_key(|c| {
                    let mut next = state.clone();
                    next.apply(&node, c);
                    c.total() + l.analysis.best_from(&l.scenario, &next).unwrap_or(-10_000)
                })
                .map(|c| c.id.clone())
                .unwrap();
            run.choose(&best).unwrap();
        }
        let d = build(l, &run.outcome().unwrap(), &lib.all(), &BTreeSet::new());
        assert_eq!(d.score.overall, 100, "{}", l.scenario.id);
        assert!(d.weakest.is_empty(), "{}: {:?}", l.scenario.id, d.weakest);
        assert!(
            d.decisions.iter().all(|r| r.better.is_none()),
            "{}",
            l.scenario.id
        );
    }
}
