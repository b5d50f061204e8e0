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
            let d = build(l, &outcome, &lib.all(), &BTreeSet::new());
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Damaged files give diagnostics, never a panic: cut, insert or replace a piece of a valid file.
    #[test]
    fn damaged_files_never_panic(at in 0usize..4000, len in 0usize..40, insert in "[(){}\\[\\],:\"a-z0-9 ]{0,6}") {
        use client_first::engine::library::{Library, SourceFile};
        let text = std::fs::read_to_string(crate::common::fixture("small.ron")).unwrap();
        let chars: Vec<char> = text.chars().collect();
        let at = at.min(chars.len());
        let end = (at + len).min(chars.len());
        let damaged: String = chars[..at].iter().chain(insert.chars().collect::<Vec<_>>().iter()).chain(chars[end..].iter()).collect();
        let lib = Library::from_files(
            client_first::engine::library::builtin_files().into_iter().filter(|f| f.is_principles() || f.is_cases()).collect(),
            vec![SourceFile::new("damaged.ron", &damaged)],
        );
        for p in &lib.problems {
            for d in &p.diagnostics {
                // Every finding is located inside the file and renders.
                prop_assert!(d.pos.line >= 1 && d.pos.line <= damaged.lines().count().max(1) + 1, "{d}");
                prop_assert!(!d.to_string().is_empty());
            }
        }
        // A scenario that still loads can be played to the end without a panic.
        for l in &lib.scenarios {
            let mut run = Run::start(Arc::clone(&l.scenario), 1);
            for _ in 0..50 {
                if run.is_over() { break; }
                if run.can_continue() { let _ = run.advance(); continue; }
                let first = run.choices().first().map(|c| c.id.clone());
                match first { Some(id) => { let _ = run.choose(&id); } None => break }
            }
        }
    }
}
