//! The content that ships: catalogs complete, every scenario clean, the first three scenarios big enough.

use client_first::engine::library::Library;
use client_first::engine::model::{EndingKind, Then};
use client_first::engine::text::Lang;
use std::collections::BTreeSet;

/// The 42 principle ids of the source index, which saves and reports depend on.
const PRINCIPLES: [&str; 42] = [
    "fc.support_in_trouble",
    "fc.solution_language",
    "fc.never_just_no",
    "fc.keep_word",
    "fc.believe_client",
    "fc.fault_in_us",
    "fc.capital_c",
    "zp.company_priority",
    "zp.wow",
    "zp.trust_reps",
    "zp.fire_abusive",
    "zp.no_scripts",
    "zp.visible_contact",
    "zp.call_is_investment",
    "zp.celebrate_stories",
    "zp.hire_passion",
    "zp.serve_everyone",
    "fp.exceed_expectations",
    "fp.loyalty_inside",
    "fp.humor",
    "fp.admit_fix_mistakes",
    "fp.smile_on_phone",
    "st.polite",
    "st.formal_address",
    "st.no_blame_others",
    "st.correct_complete_info",
    "st.summarize_agreements",
    "st.record_in_crm",
    "st.deadlines",
    "st.complaints_escalate",
    "st.do_not_call",
    "st.convenient_time",
    "st.official_channels",
    "st.no_distraction",
    "st.no_interrupt_two_options",
    "st.empathy_all_solved",
    "st.manage_state",
    "cr.composure",
    "cr.interest_apologize",
    "cr.details_write_down",
    "cr.empathy_fix_compensate",
    "cr.client_may_be_wrong",
];

/// The 15 case ids of the source index.
const CASES: [&str; 15] = [
    "guitar",
    "lost_luggage",
    "lost_adapter",
    "off_topic_question",
    "return_form",
    "where_is_order",
    "late_courier",
    "misleading_photo",
    "incomplete_order",
    "promised_callback",
    "implausible_claim",
    "do_not_call",
    "abusive_client",
    "angry_wrong_product",
    "client_is_wrong",
];

#[test]
fn every_shipped_file_passes_check_cleanly() {
    let lib = Library::builtin();
    assert!(
        lib.catalog_diagnostics.is_empty(),
        "{:#?}",
        lib.catalog_diagnostics
    );
    for p in &lib.problems {
        for d in &p.diagnostics {
            eprintln!("{d}");
        }
    }
    assert!(
        lib.problems.is_empty(),
        "{} file(s) with errors",
        lib.problems.len()
    );
    for l in &lib.scenarios {
        for d in &l.warnings {
            eprintln!("{d}");
        }
        assert!(l.warnings.is_empty(), "{} has warnings", l.file);
        assert!(
            !l.analysis.truncated,
            "{} is too complex to analyse",
            l.file
        );
    }
}

#[test]
fn the_catalog_holds_exactly_the_42_principles_with_sources() {
    let lib = Library::builtin();
    let ids: BTreeSet<&str> = lib
        .catalog
        .principles
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, PRINCIPLES.into_iter().collect());
    assert_eq!(lib.catalog.principles.len(), 42);
    let sources: BTreeSet<&str> = lib.catalog.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sources, BTreeSet::from(["fc", "zp", "fp", "st", "cr"]));
    for p in &lib.catalog.principles {
        assert!(
            p.id.starts_with(&format!("{}.", p.source)),
            "{} has source {}",
            p.id,
            p.source
        );
        assert!(p.point >= 1, "{}", p.id);
        for lang in Lang::ALL {
            assert!(
                p.title.has(lang) && p.description.has(lang),
                "{} lacks {lang}",
                p.id
            );
        }
    }
}

#[test]
fn the_case_catalog_holds_the_15_cases() {
    let lib = Library::builtin();
    let ids: BTreeSet<&str> = lib.cases.cases.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, CASES.into_iter().collect());
    for c in &lib.cases.cases {
        assert!(lib.catalog.source(&c.source).is_some(), "{}", c.id);
        assert!(c.title.has(Lang::Ru) && c.title.has(Lang::En), "{}", c.id);
    }
}

#[test]
fn the_first_three_scenarios_are_full_size() {
    let lib = Library::builtin();
    let mut trained = BTreeSet::new();
    for id in ["guitar", "lost_adapter", "angry_wrong_product"] {
        let l = lib
            .get(id)
            .unwrap_or_else(|| panic!("{id} is missing or broken"));
        let s = &l.scenario;
        assert!(s.nodes.len() >= 20, "{id}: {} nodes", s.nodes.len());
        let kinds: BTreeSet<EndingKind> = s.endings().map(|(_, e)| e.kind).collect();
        assert!(kinds.len() >= 3, "{id}: ending kinds {kinds:?}");
        assert!(
            kinds.contains(&EndingKind::Wow) && kinds.contains(&EndingKind::Lost),
            "{id}"
        );
        let d = l.analysis.decisions.unwrap();
        assert!(
            d.worst >= 5 && d.best <= 8,
            "{id}: {}–{} decisions",
            d.worst,
            d.best
        );
        for n in &s.nodes {
            if let Then::Choices(cs) = &n.then {
                assert!(
                    (3..=4).contains(&cs.len()),
                    "{id}/{}: {} options",
                    n.id,
                    cs.len()
                );
            }
        }
        assert_eq!(s.languages, [Lang::Ru, Lang::En]);
        trained.extend(s.principles().into_iter().map(String::from));
    }
    assert!(
        trained.len() >= 20,
        "together they train {} principles",
        trained.len()
    );
}

#[test]
fn every_principle_is_trained_by_two_scenarios_rewarded_and_tempted() {
    let lib = Library::builtin();
    let table = client_first::engine::validate::coverage_table(
        &lib.catalog,
        lib.scenarios.iter().map(|l| l.scenario.as_ref()),
    );
    let thin: Vec<(&String, usize)> = table
        .iter()
        .filter(|(_, s)| s.len() < 2)
        .map(|(p, s)| (p, s.len()))
        .collect();
    assert!(
        thin.is_empty(),
        "principles trained by fewer than 2 scenarios: {thin:?}"
    );
    for p in PRINCIPLES {
        let rewarded = lib
            .scenarios
            .iter()
            .any(|l| l.coverage.rewarded.iter().any(|x| x == p));
        let tempted = lib
            .scenarios
            .iter()
            .any(|l| l.coverage.tempted.iter().any(|x| x == p));
        assert!(
            rewarded && tempted,
            "{p}: rewarded {rewarded}, tempted {tempted}"
        );
    }
}

#[test]
fn every_case_has_a_scenario() {
    let lib = Library::builtin();
    let covered: BTreeSet<&str> = lib
        .scenarios
        .iter()
        .flat_map(|l| l.scenario.cases.iter().map(String::as_str))
        .collect();
    for c in &lib.cases.cases {
        assert!(
            covered.contains(c.id.as_str()),
            "case {} has no scenario",
            c.id
        );
    }
}

#[test]
fn the_library_is_a_learning_path_from_easy_to_hard() {
    let lib = Library::builtin();
    assert!(
        lib.scenarios.len() >= 13,
        "{} scenarios",
        lib.scenarios.len()
    );
    let first = &lib.scenarios[0].scenario;
    assert_eq!(first.id, "tutorial", "the tutorial is played first");
    let orders: BTreeSet<u32> = lib.scenarios.iter().map(|l| l.scenario.order).collect();
    assert_eq!(
        orders.len(),
        lib.scenarios.len(),
        "every scenario has its own place"
    );
    for pair in lib.scenarios.windows(2) {
        let (a, b) = (&pair[0].scenario, &pair[1].scenario);
        assert!(
            a.difficulty <= b.difficulty,
            "{} (difficulty {}) comes before {} ({})",
            a.id,
            a.difficulty,
            b.id,
            b.difficulty
        );
    }
    let channels: BTreeSet<String> = lib
        .scenarios
        .iter()
        .map(|l| format!("{:?}", l.scenario.channel))
        .collect();
    assert!(channels.len() >= 4, "{channels:?}");
    let levels: BTreeSet<u8> = lib
        .scenarios
        .iter()
        .map(|l| l.scenario.difficulty)
        .collect();
    assert_eq!(levels, BTreeSet::from([1, 2, 3]));
}

#[test]
fn the_recommended_next_scenario_follows_the_path() {
    let lib = Library::builtin();
    let mut done = BTreeSet::new();
    assert_eq!(lib.recommended_next(&done).unwrap().scenario.id, "tutorial");
    done.insert("tutorial".to_string());
    let second = lib.recommended_next(&done).unwrap();
    assert_eq!(second.scenario.id, lib.scenarios[1].scenario.id);
    for l in &lib.scenarios {
        done.insert(l.scenario.id.clone());
    }
    assert!(lib.recommended_next(&done).is_none());
}

#[test]
fn every_scenario_has_sane_scores_and_reachable_endings() {
    use client_first::engine::score::percent;
    let lib = Library::builtin();
    for l in &lib.scenarios {
        let s = &l.scenario;
        let r = l.analysis.total.unwrap();
        // The best path gains points and the worst loses them, so the scale means something.
        assert!(r.best > 0 && r.worst < 0, "{}: {r:?}", s.id);
        assert!(
            percent(r.best, r) > 90 && percent(r.worst, r) < 30,
            "{}",
            s.id
        );
        let kinds: BTreeSet<EndingKind> = s.endings().map(|(_, e)| e.kind).collect();
        assert!(kinds.len() >= 3, "{}: {kinds:?}", s.id);
        assert!(kinds.contains(&EndingKind::Wow), "{}: no wow ending", s.id);
        for (n, _) in s.endings() {
            assert!(
                l.analysis.reachable.contains(&n.id),
                "{}: ending {} unreachable",
                s.id,
                n.id
            );
        }
        assert_eq!(s.languages, [Lang::Ru, Lang::En], "{}", s.id);
        let d = l.analysis.decisions.unwrap();
        assert!(
            d.worst >= 4,
            "{}: a playthrough with only {} decisions",
            s.id,
            d.worst
        );
    }
}

#[test]
fn button_labels_are_short_enough_for_a_projector() {
    let lib = Library::builtin();
    for l in &lib.scenarios {
        for (n, c) in l.scenario.choices() {
            for lang in Lang::ALL {
                let len = c.label.get(lang).chars().count();
                assert!(
                    len <= 60,
                    "{}/{}/{}: {lang} label has {len} characters",
                    l.scenario.id,
                    n.id,
                    c.id
                );
            }
        }
    }
}

/// A "Wow!" ending tells the trainee the conversation went as well as it can. Following tempting
/// but weaker replies must not reach it while the grade says Fair or worse; otherwise the ending
/// and the grade teach opposite lessons. Every playthrough of every shipped scenario is walked
/// (a random sample once missed a scenario with 147 such paths).
#[test]
fn no_weak_playthrough_reaches_a_wow_ending() {
    use client_first::engine::library::Loaded;
    use client_first::engine::run::Run;
    use client_first::engine::score::{Grade, score};

    /// Walks every playthrough from `run`, noting (score, path) of each weak Wow; returns the
    /// number of playthroughs walked.
    fn walk(l: &Loaded, mut run: Run, found: &mut Vec<(u8, Vec<String>)>) -> usize {
        while run.can_continue() {
            run.advance().expect("a continue node advances");
        }
        if run.is_over() {
            let outcome = run.outcome().expect("an ending");
            let s = score(&l.scenario, &l.analysis, &outcome);
            if run.ending().map(|e| e.kind) == Some(EndingKind::Wow) && s.grade >= Grade::Fair {
                found.push((s.overall, outcome.path));
            }
            return 1;
        }
        let ids: Vec<String> = run.choices().iter().map(|c| c.id.clone()).collect();
        let mut walked = 0;
        for id in ids {
            let mut next = run.clone();
            next.choose(&id).expect("an offered choice");
            walked += walk(l, next, found);
        }
        walked
    }

    let lib = Library::builtin();
    let mut bad = Vec::new();
    let mut total = 0;
    for l in &lib.scenarios {
        let mut found = Vec::new();
        total += walk(l, Run::start(l.scenario.clone(), 1), &mut found);
        if let Some(first) = found.first() {
            bad.push((l.scenario.id.clone(), found.len(), first.clone()));
        }
    }
    assert!(total > 1000, "only {total} playthroughs walked");
    assert!(bad.is_empty(), "Wow endings after weak replies: {bad:#?}");
}
