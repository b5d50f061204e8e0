//! The shape of the statements: verbs, registration, score, duration, actor, IRIs.

use crate::common::{attempt_with_mistake, group};
use client_first::report::xapi::{
    XapiConfig, iso_duration, parse_duration, records_from_statements, verbs,
};
use std::collections::BTreeSet;

#[test]
fn an_attempt_becomes_attempted_answered_completed_and_passed_or_failed() {
    let cfg = XapiConfig::default();
    let a = attempt_with_mistake();
    let list = cfg.statements(&a);
    let verbs_seen: Vec<&str> = list.iter().map(|s| s.verb.id.as_str()).collect();
    assert_eq!(verbs_seen[0], verbs::ATTEMPTED);
    assert_eq!(
        verbs_seen.iter().filter(|v| **v == verbs::ANSWERED).count(),
        a.decisions.len()
    );
    assert_eq!(verbs_seen[verbs_seen.len() - 2], verbs::COMPLETED);
    let last = verbs_seen[verbs_seen.len() - 1];
    assert_eq!(
        last,
        if a.score >= cfg.pass_mark {
            verbs::PASSED
        } else {
            verbs::FAILED
        }
    );
    let ids: BTreeSet<_> = list.iter().map(|s| s.id).collect();
    assert_eq!(ids.len(), list.len(), "each statement has its own id");
    for s in &list {
        let c = s.context.as_ref().unwrap();
        assert_eq!(c.registration, Some(a.registration));
        assert_eq!(s.actor.account.name, a.profile);
        assert_eq!(s.actor.account.home_page, cfg.home_page);
        let v = serde_json::to_value(s).unwrap();
        assert!(v["actor"].get("mbox").is_none(), "never a guessed e-mail");
        let group = &c.context_activities.as_ref().unwrap().grouping[0];
        assert_eq!(group.id, cfg.group_iri(a.group.as_deref().unwrap()));
    }
}

#[test]
fn scores_durations_and_interactions_follow_xapi() {
    let cfg = XapiConfig::default();
    let a = attempt_with_mistake();
    let list = cfg.statements(&a);
    let done = list.iter().find(|s| s.verb.id == verbs::COMPLETED).unwrap();
    let r = done.result.as_ref().unwrap();
    let sc = r.score.as_ref().unwrap();
    let scaled = sc.scaled.unwrap();
    assert!((0.0..=1.0).contains(&scaled));
    assert!((scaled - f64::from(a.score) / 100.0).abs() < 1e-9);
    assert_eq!(sc.raw, Some(f64::from(a.total)));
    assert!(sc.min.unwrap() <= sc.raw.unwrap() && sc.raw.unwrap() <= sc.max.unwrap());
    assert_eq!(
        r.duration.as_deref().map(parse_duration),
        Some(Some(a.duration()))
    );
    assert_eq!(r.completion, Some(true));
    let answered: Vec<_> = list
        .iter()
        .filter(|s| s.verb.id == verbs::ANSWERED)
        .collect();
    let mistake = a.decisions.iter().position(|d| d.better.is_some()).unwrap();
    let s = answered[mistake];
    let def = s.object.definition.as_ref().unwrap();
    assert_eq!(
        def.kind.as_deref(),
        Some("http://adlnet.gov/expapi/activities/cmi.interaction")
    );
    assert_eq!(def.interaction_type.as_deref(), Some("choice"));
    let d = &a.decisions[mistake];
    assert_eq!(
        def.correct_responses_pattern.as_ref().unwrap()[0],
        d.better.as_ref().unwrap().choice
    );
    let res = s.result.as_ref().unwrap();
    assert_eq!(res.response.as_deref(), Some(d.choice.as_str()));
    assert_eq!(res.success, Some(false));
    let effects = &res.extensions.as_ref().unwrap()[&cfg.extension_iri("principle-effects")];
    for (p, w) in &d.effects {
        assert_eq!(effects[p].as_i64(), Some(i64::from(*w)));
    }
    // The principles at stake are activities with stable IRIs.
    let other = &s
        .context
        .as_ref()
        .unwrap()
        .context_activities
        .as_ref()
        .unwrap()
        .other;
    let iris: Vec<&str> = other.iter().map(|x| x.id.as_str()).collect();
    for p in d.effects.keys() {
        assert!(iris.contains(&cfg.principle_iri(p).as_str()));
    }
}

#[test]
fn durations_are_iso_8601() {
    let d = chrono::Duration::seconds;
    assert_eq!(iso_duration(d(452)), "PT7M32S");
    assert_eq!(iso_duration(d(0)), "PT0S");
    assert_eq!(iso_duration(d(3600)), "PT1H");
    assert_eq!(iso_duration(d(3723)), "PT1H2M3S");
    assert_eq!(
        parse_duration("PT1H2M3.5S"),
        Some(chrono::Duration::milliseconds(3_723_500))
    );
    assert_eq!(parse_duration("P1D"), None);
}

#[test]
fn iris_are_stable_and_escape_free_text() {
    let cfg = XapiConfig {
        base: "https://lrs.example.com/cf/".into(),
        ..XapiConfig::default()
    };
    assert_eq!(
        cfg.principle_iri("fc.never_just_no"),
        "https://lrs.example.com/cf/principle/fc.never_just_no"
    );
    assert_eq!(
        cfg.group_iri("Поддержка, Казань"),
        "https://lrs.example.com/cf/group/%D0%9F%D0%BE%D0%B4%D0%B4%D0%B5%D1%80%D0%B6%D0%BA%D0%B0%2C%20%D0%9A%D0%B0%D0%B7%D0%B0%D0%BD%D1%8C"
    );
}

#[test]
fn attempts_rebuilt_from_statements_match_the_originals() {
    let cfg = XapiConfig::default();
    let list = group("Team A", 2, 3);
    let statements: Vec<_> = list.iter().flat_map(|a| cfg.statements(a)).collect();
    // Through JSON, as an LRS returns them.
    let json = serde_json::to_string(&statements).unwrap();
    let back = records_from_statements(&cfg, &serde_json::from_str::<Vec<_>>(&json).unwrap());
    assert_eq!(back.len(), list.len());
    for a in &list {
        let b = back
            .iter()
            .find(|b| b.registration == a.registration)
            .unwrap();
        assert_eq!(b.profile, a.profile);
        assert_eq!(b.group, a.group);
        assert_eq!(b.scenario, a.scenario);
        assert_eq!(b.title, a.title);
        assert_eq!(b.score, a.score);
        assert_eq!((b.total, b.min, b.max), (a.total, a.min, a.max));
        assert_eq!(b.principles, a.principles);
        assert_eq!(b.decisions, a.decisions);
        assert_eq!(b.ending, a.ending);
        assert_eq!(b.duration(), a.duration());
    }
}

#[test]
fn a_record_replayed_from_scenario_seed_and_choices_equals_the_original() {
    use client_first::report::model::{AttemptMeta, replay};
    for a in group("G", 2, 4) {
        let meta = AttemptMeta {
            id: a.id.clone(),
            registration: a.registration,
            profile: a.profile.clone(),
            group: a.group.clone(),
            lang: a.lang,
            started: a.started,
            finished: a.finished,
        };
        let choices: Vec<String> = a.decisions.iter().map(|d| d.choice.clone()).collect();
        let lib = &crate::common::LIB;
        // The record does not keep the seed; names in the texts depend on it, the scoring does not.
        let r = replay(&meta, lib, &a.scenario, 0, &choices).expect("the choices fit the scenario");
        assert_eq!(r.principles, a.principles);
        assert_eq!(
            (r.score, r.total, r.min, r.max),
            (a.score, a.total, a.min, a.max)
        );
        assert_eq!(r.decisions.len(), a.decisions.len());
        assert_eq!(
            r.ending.as_ref().map(|e| &e.node),
            a.ending.as_ref().map(|e| &e.node)
        );
        // A choice that does not exist gives no record rather than a wrong one.
        let mut broken = choices.clone();
        broken[0] = "no-such-choice".into();
        assert!(replay(&meta, lib, &a.scenario, 0, &broken).is_none());
    }
}

#[test]
fn statements_sent_live_describe_the_same_decisions_as_the_finished_record() {
    use client_first::engine::debrief;
    use client_first::engine::run::Run;
    use client_first::engine::text::Lang;
    use client_first::report::live::LiveAttempt;
    use client_first::report::model::AttemptKind;
    let cfg = XapiConfig::default();
    let loaded = crate::common::LIB.get("guitar").expect("guitar ships");
    let (mut live, first) = LiveAttempt::start(
        "Anna",
        Some("March"),
        AttemptKind::Dialogue,
        &loaded.scenario,
        Lang::Ru,
        &cfg,
    );
    assert_eq!(first.verb.id, verbs::ATTEMPTED);
    let mut run = Run::start(std::sync::Arc::clone(&loaded.scenario), 5);
    let mut sent = vec![first];
    for _ in 0..200 {
        if run.is_over() {
            break;
        }
        if run.can_continue() {
            run.advance().unwrap();
            continue;
        }
        // Always the last reply on offer: a mix of good and bad.
        let id = run.choices().last().unwrap().id.clone();
        run.choose(&id).unwrap();
        sent.push(live.decided(&cfg, &run, &loaded.analysis).unwrap());
    }
    let outcome = run.outcome().expect("the run ends");
    let d = debrief::build(
        loaded,
        &outcome,
        &crate::common::LIB.all(),
        &BTreeSet::new(),
    );
    let (record, last) = live.finished(&cfg, &loaded.scenario, &loaded.analysis, &outcome, &d);
    sent.extend(last);
    let regs: BTreeSet<_> = sent
        .iter()
        .map(|s| s.context.as_ref().unwrap().registration)
        .collect();
    assert_eq!(regs.len(), 1);
    let back = records_from_statements(&cfg, &sent);
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].decisions, record.decisions, "live = debrief");
    assert_eq!(back[0].principles, record.principles);
}
