//! Against a real Ralph LRS on 127.0.0.1 (file backend, fresh folder per test). Ralph's file backend
//! accepts only the first POST into a folder, so each test sends its statements in one batch.

use crate::common::ralph::{KEY, Ralph, SECRET, free_port, validate};
use crate::common::{LIB, group};
use client_first::report::cli::{ReportCommand, Source, SyncArgs, report, sync};
use client_first::report::lrs::{LrsArgs, LrsClient, LrsConfig, LrsError, Secret};
use client_first::report::outbox::{Outbox, SyncOptions};
use client_first::report::stats::{Context, Group};
use client_first::report::xapi::{XapiConfig, records_from_statements};
use std::collections::BTreeSet;

fn config(endpoint: &str, secret: &str) -> LrsConfig {
    LrsConfig {
        endpoint: endpoint.into(),
        key: KEY.into(),
        secret: Secret::new(secret),
    }
}

fn one_batch() -> SyncOptions {
    SyncOptions {
        force: true,
        batch: 100_000,
        ..SyncOptions::default()
    }
}

#[test]
#[ignore = "needs Ralph LRS: run by .ci/run"]
fn statements_are_stored_read_back_by_registration_and_valid_for_ralph() {
    let ralph = Ralph::start();
    let cfg = XapiConfig::default();
    let list = group("Onboarding", 3, 2);
    let statements: Vec<_> = list.iter().flat_map(|a| cfg.statements(a)).collect();
    let sent: Vec<serde_json::Value> = statements
        .iter()
        .map(|s| serde_json::to_value(s).unwrap())
        .collect();
    validate(&sent).expect("every statement passes Ralph's xAPI model");
    let client = LrsClient::new(config(&ralph.endpoint, SECRET));
    let mut o = Outbox::in_memory().unwrap();
    o.enqueue(&statements).unwrap();
    let r = o.sync(&client, &one_batch()).unwrap();
    assert_eq!((r.sent, r.pending, r.error), (statements.len(), 0, None));
    for a in &list {
        let reg = a.registration.to_string();
        let back = client
            .get_all(&[("registration", reg.as_str())], 100)
            .unwrap();
        let ids: BTreeSet<_> = back.iter().map(|s| s.id).collect();
        let expected: BTreeSet<_> = statements
            .iter()
            .filter(|s| s.context.as_ref().and_then(|c| c.registration) == Some(a.registration))
            .map(|s| s.id)
            .collect();
        assert_eq!(ids, expected, "attempt {reg}");
        let values: Vec<_> = back
            .iter()
            .map(|s| serde_json::to_value(s).unwrap())
            .collect();
        validate(&values).expect("statements read back are valid too");
        let rebuilt = records_from_statements(&cfg, &back);
        assert_eq!(rebuilt.len(), 1);
        assert_eq!(rebuilt[0].principles, a.principles);
        assert_eq!(rebuilt[0].decisions, a.decisions);
    }
    // Sending the same statements again stores nothing twice.
    o.enqueue(&statements).unwrap();
    let r = o.sync(&client, &one_batch()).unwrap();
    assert_eq!(r.pending, 0, "{r:?}");
    let all = client.get_all(&[], 1000).unwrap();
    assert_eq!(all.len(), statements.len());
}

#[test]
#[ignore = "needs Ralph LRS: run by .ci/run"]
fn a_wrong_secret_gets_401_and_is_not_shown() {
    let ralph = Ralph::start();
    let client = LrsClient::new(config(&ralph.endpoint, "not-the-secret"));
    let cfg = XapiConfig::default();
    let statements = cfg.statements(&group("G", 1, 1)[0]);
    let e = client.post(&statements).unwrap_err();
    assert_eq!(e, LrsError::Unauthorized(401));
    assert_eq!(
        client.get_all(&[], 1).unwrap_err(),
        LrsError::Unauthorized(401)
    );
    assert!(!format!("{e} {client:?}").contains("not-the-secret"));
}

#[test]
#[ignore = "needs Ralph LRS: run by .ci/run"]
fn the_queue_drains_after_the_lrs_comes_back() {
    let port = free_port();
    let endpoint = format!("http://127.0.0.1:{port}/xAPI/");
    let client = LrsClient::new(config(&endpoint, SECRET));
    let cfg = XapiConfig::default();
    let statements: Vec<_> = group("G", 2, 2)
        .iter()
        .flat_map(|a| cfg.statements(a))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outbox.sqlite");
    {
        let mut o = Outbox::open(&path).unwrap();
        o.enqueue(&statements).unwrap();
        let r = o.sync(&client, &one_batch()).unwrap();
        assert!(matches!(r.error, Some(LrsError::Unreachable(_))), "{r:?}");
        assert_eq!(r.pending, statements.len());
    }
    // The game restarts; the LRS is back.
    let _ralph = Ralph::start_on(port);
    let mut o = Outbox::open(&path).unwrap();
    let r = o.sync(&client, &one_batch()).unwrap();
    assert_eq!((r.sent, r.pending, r.error), (statements.len(), 0, None));
    assert_eq!(client.get_all(&[], 1000).unwrap().len(), statements.len());
}

#[test]
#[ignore = "needs Ralph LRS: run by .ci/run"]
fn three_trainees_sync_and_the_group_report_is_built_from_the_lrs_with_paging() {
    let ralph = Ralph::start();
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("attempts.json");
    let list = group("Onboarding March", 3, 5);
    std::fs::write(&json, serde_json::to_string(&list).unwrap()).unwrap();
    let lrs = LrsArgs {
        endpoint: Some(ralph.endpoint.clone()),
        key: Some(KEY.into()),
        secret: Some(Secret::new(SECRET)),
        ..LrsArgs::default()
    };
    let mut out = Vec::new();
    let code = sync(
        &SyncArgs {
            store: Some(dir.path().join("progress.sqlite")),
            enqueue: Some(json),
            enqueue_store: false,
            scenarios: None,
            batch: 100_000,
            lrs: lrs.clone(),
        },
        client_first::engine::text::Lang::En,
        &mut out,
    );
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&out));
    // More statements than one page of Ralph's (100), so reading back follows `more`.
    let client = LrsClient::new(config(&ralph.endpoint, SECRET));
    let x = XapiConfig::default();
    let all = client.get_all(&[], 100).unwrap();
    let sent: usize = list.iter().map(|a| x.statements(a).len()).sum();
    assert!(sent > 100);
    assert_eq!(all.len(), sent, "every page was read");
    let html_path = dir.path().join("group.html");
    let mut out = Vec::new();
    let code = report(
        &ReportCommand::Group {
            name: Some("Onboarding March".into()),
            src: Source {
                from: "lrs".into(),
                csv: None,
                out: Some(html_path.clone()),
                scenarios: None,
                // A store without LRS settings: flags only (never this user's own store in a test).
                store: Some(dir.path().join("progress.sqlite")),
                lrs,
            },
        },
        client_first::engine::text::Lang::En,
        &mut out,
    );
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&out));
    let from_lrs = std::fs::read_to_string(&html_path).unwrap();
    // The same report as from the attempts themselves, but for the time it was generated.
    let direct = client_first::report::html::group(
        &Group::new(Some("Onboarding March"), &list),
        &Context::from_library(&LIB),
        client_first::engine::text::Lang::En,
    );
    let strip = |s: &str| s.split("<footer>").next().unwrap_or("").to_string();
    assert_eq!(strip(&from_lrs), strip(&direct));
}

#[test]
#[ignore = "needs Ralph LRS: run by .ci/run"]
fn a_stores_outbox_syncs_to_ralph_and_reads_back_by_registration() {
    use crate::common::stores::{open, play, temp};
    use client_first::report::queue::{self, Queued};
    use client_first::report::stored;
    use client_first::store::AttemptFilter;
    let ralph = Ralph::start();
    let (dir, path) = temp();
    let cfg = XapiConfig::default();
    {
        // The trainer set the LRS in Settings; three trainees play, and each finished attempt is
        // queued as the game queues it.
        let store = open(&path);
        config(&ralph.endpoint, SECRET).save(&store).unwrap();
        for (t, name) in ["Anna", "Boris", "Vera"].iter().enumerate() {
            let p = store.create_profile(name, Some("Onboarding")).unwrap();
            for (k, scenario) in ["guitar", "tutorial"].iter().enumerate() {
                let (a, _) = play(&store, p.id, scenario, (t * 10 + k) as u64 + 1, 0.5);
                assert!(matches!(
                    queue::finished(&store, a, &LIB, &cfg).unwrap(),
                    Queued::Statements { .. }
                ));
            }
        }
    }
    // `client-first sync` with no flags: the store's own settings, its own outbox, one batch
    // (Ralph's file backend takes only the first POST into a folder).
    let mut out = Vec::new();
    let code = sync(
        &SyncArgs {
            store: Some(path.clone()),
            enqueue: None,
            enqueue_store: false,
            scenarios: None,
            batch: 100_000,
            lrs: LrsArgs::default(),
        },
        client_first::engine::text::Lang::En,
        &mut out,
    );
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&out));
    let store = open(&path);
    assert_eq!(
        client_first::report::outbox::status_in(store.connection())
            .unwrap()
            .pending,
        0
    );
    let client = LrsClient::new(config(&ralph.endpoint, SECRET));
    let records = stored::records(&store, AttemptFilter::All, &LIB).unwrap();
    assert_eq!(records.len(), 6);
    for r in &records {
        let reg = r.registration.to_string();
        let back = client
            .get_all(&[("registration", reg.as_str())], 100)
            .unwrap();
        let ids: BTreeSet<_> = back.iter().map(|s| s.id).collect();
        let expected: BTreeSet<_> = cfg.statements(r).iter().map(|s| s.id).collect();
        assert_eq!(ids, expected, "attempt {reg}");
        let values: Vec<_> = back
            .iter()
            .map(|s| serde_json::to_value(s).unwrap())
            .collect();
        validate(&values).expect("statements from the store are valid xAPI");
        let rebuilt = records_from_statements(&cfg, &back);
        assert_eq!(rebuilt.len(), 1);
        assert_eq!(rebuilt[0].decisions, r.decisions);
        assert_eq!(rebuilt[0].principles, r.principles);
        assert_eq!(rebuilt[0].id, r.id);
    }
    // The group report from the LRS (settings from the store) equals the one from the store.
    let report_from = |from: &str| {
        let html_path = dir.path().join(format!("group-{from}.html"));
        let mut out = Vec::new();
        let code = report(
            &ReportCommand::Group {
                name: Some("Onboarding".into()),
                src: Source {
                    from: from.into(),
                    csv: None,
                    out: Some(html_path.clone()),
                    scenarios: None,
                    store: Some(path.clone()),
                    lrs: LrsArgs::default(),
                },
            },
            client_first::engine::text::Lang::En,
            &mut out,
        );
        assert_eq!(code, 0, "{}", String::from_utf8_lossy(&out));
        let page = std::fs::read_to_string(&html_path).unwrap();
        page.split("<footer>").next().unwrap_or("").to_string()
    };
    assert_eq!(report_from("lrs"), report_from("store"));
}
