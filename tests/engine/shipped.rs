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
