//! Property tests: random walks through every shipped scenario end within a bound, with scores in range.

use client_first::engine::debrief::build;
use client_first::engine::library::Library;
use client_first::engine::run::Run;
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

/// No playthrough of a shipped scenario needs more steps than this.
const MAX_STEPS: usize = 200;

fn library() -> &'static Library {
    static LIB: OnceLock<Library> = OnceLock::new();
    LIB.get_or_init(Library::builtin)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_walks_end_with_scores_in_range(seed in any::<u64>(), picks in proptest::collection::vec(any::<usize>(), MAX_STEPS)) {
        let lib = library();
        prop_assert!(!lib.scenarios.is_empty(), "no shipped scenario loaded");
        for l in &lib.scenarios {
            let mut run = Run::start(Arc::clone(&l.scenario), seed);
            let mut steps = 0;
            while !run.is_over() {
                prop_assert!(steps < MAX_STEPS, "{} did not end in {MAX_STEPS} steps", l.scenario.id);
                if run.can_continue() {
                    run.advance().unwrap();
                } else {
                    let choices: Vec<String> = run.choices().iter().map(|c| c.id.clone()).collect();
                    prop_assert!(!choices.is_empty(), "{} dead end at {}", l.scenario.id, run.state().node);
                    run.choose(&choices[picks[steps] % choices.len()]).unwrap();
                }
                steps += 1;
            }
            let outcome = run.outcome().unwrap();
            prop_assert!((0..=100).contains(&outcome.final_mood));
            let d = build(&l.scenario, &l.analysis, &outcome, &lib.all(), &BTreeSet::new());
            prop_assert!(d.score.overall <= 100);
            let range = l.analysis.total.unwrap();
            prop_assert!(d.score.total >= range.worst && d.score.total <= range.best,
                "{}: total {} outside {:?}", l.scenario.id, d.score.total, range);
            for p in &d.principles {
                prop_assert!(p.percent.is_none_or(|x| x <= 100));
                prop_assert!(p.earned >= p.worst && p.earned <= p.best, "{} {}: {} outside {}..{}", l.scenario.id, p.id, p.earned, p.worst, p.best);
            }
            prop_assert_eq!(d.decisions.len(), outcome.decisions.len());
        }
    }
}
