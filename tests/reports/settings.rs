//! LRS settings kept in the store: a round trip through the file, flags and environment over them,
//! and a secret that never shows in Debug output or in what the command line prints.

use crate::common::LIB;
use crate::common::stores::{fill, open, temp};
use crate::outbox::{Answer, listen};
use client_first::engine::text::Lang;
use client_first::report::cli::{SyncArgs, sync};
use client_first::report::lrs::{LrsArgs, LrsClient, LrsConfig, Secret, keys};
use client_first::report::queue;
use client_first::report::syncer::{Syncer, SyncerOptions};
use client_first::report::xapi::XapiConfig;
use client_first::store::AttemptFilter;
use std::time::Duration;

const SECRET: &str = " s3cret with spaces 9917 ";

#[test]
fn lrs_settings_round_trip_through_the_store_file_and_the_secret_never_shows() {
    let (_dir, path) = temp();
    {
        let store = open(&path);
        assert_eq!(LrsConfig::load(&store).unwrap(), LrsConfig::default());
        assert_eq!(XapiConfig::load(&store).unwrap(), XapiConfig::default());
        LrsConfig {
            endpoint: "  https://lrs.example.com/xAPI/ ".into(),
            key: "trainer ".into(),
            secret: Secret::new(SECRET),
        }
        .save(&store)
        .unwrap();
        XapiConfig {
            base: "https://acme.example/xapi/".into(),
            home_page: "https://acme.example".into(),
            pass_mark: 80,
        }
        .save(&store)
        .unwrap();
    }
    let store = open(&path);
    let cfg = LrsConfig::load(&store).unwrap();
    assert_eq!(cfg.endpoint, "https://lrs.example.com/xAPI/");
    assert_eq!(cfg.key, "trainer");
    assert_eq!(cfg.secret.expose(), SECRET, "the secret is kept exactly");
    assert!(cfg.is_set());
    let x = XapiConfig::load(&store).unwrap();
    assert_eq!(
        (x.base.as_str(), x.home_page.as_str(), x.pass_mark),
        ("https://acme.example/xapi", "https://acme.example", 80)
    );
    let syncer = Syncer::spawn_with(
        path.clone(),
        cfg.clone(),
        SyncerOptions {
            timeout: Duration::from_millis(300),
            ..SyncerOptions::default()
        },
    );
    let status = syncer.wait_rounds(0, Duration::from_secs(10));
    let shown = format!(
        "{cfg:?} {:?} {syncer:?} {status:?} {:?} {}",
        LrsClient::new(cfg.clone()),
        LrsArgs {
            secret: Some(cfg.secret.clone()),
            ..LrsArgs::default()
        },
        status.summary(Lang::En),
    );
    assert!(!shown.contains(SECRET.trim()), "{shown}");
    assert!(shown.contains("Secret(***)"));
    // A pass mark edited by hand into nonsense keeps the default.
    for bad in ["150", "abc", "-1"] {
        store.set_setting(keys::PASS_MARK, bad).unwrap();
        assert_eq!(XapiConfig::load(&store).unwrap().pass_mark, 70, "{bad}");
    }
}

#[test]
fn flags_and_environment_win_over_the_saved_settings() {
    let saved = LrsConfig {
        endpoint: "https://saved.example/xAPI/".into(),
        key: "saved-key".into(),
        secret: Secret::new("saved-secret"),
    };
    let none = LrsArgs::default();
    assert_eq!(none.config(&saved), saved);
    let some = LrsArgs {
        endpoint: Some("https://flag.example/xAPI/".into()),
        secret: Some(Secret::new("flag-secret")),
        pass_mark: Some(50),
        ..LrsArgs::default()
    };
    let cfg = some.config(&saved);
    assert_eq!(cfg.endpoint, "https://flag.example/xAPI/");
    assert_eq!(cfg.key, "saved-key", "what no flag names stays saved");
    assert_eq!(cfg.secret.expose(), "flag-secret");
    let saved_x = XapiConfig {
        base: "https://acme.example/xapi".into(),
        pass_mark: 80,
        ..XapiConfig::default()
    };
    let x = some.xapi_over(&saved_x);
    assert_eq!(
        (x.base.as_str(), x.pass_mark),
        ("https://acme.example/xapi", 50)
    );
    assert_eq!(none.xapi_over(&saved_x), saved_x);
}

fn sync_args(path: &std::path::Path, lrs: LrsArgs, enqueue_store: bool) -> SyncArgs {
    SyncArgs {
        store: Some(path.to_path_buf()),
        enqueue: None,
        enqueue_store,
        scenarios: None,
        batch: 1000,
        lrs,
    }
}

#[test]
fn sync_sends_the_store_outbox_with_the_saved_settings_and_never_prints_the_secret() {
    let (_dir, path) = temp();
    let refusing = listen(vec![Answer::Status(401)]);
    {
        let store = open(&path);
        fill(&store, "G", 1, 2);
        LrsConfig {
            endpoint: refusing.endpoint.clone(),
            key: "trainer".into(),
            secret: Secret::new(SECRET),
        }
        .save(&store)
        .unwrap();
        queue::all_finished(&store, AttemptFilter::All, &LIB, &XapiConfig::default()).unwrap();
    }
    let mut out = Vec::new();
    let code = sync(
        &sync_args(&path, LrsArgs::default(), false),
        Lang::En,
        &mut out,
    );
    let said = String::from_utf8(out).unwrap();
    assert_eq!(code, 1, "statements still wait: {said}");
    assert!(said.contains("refused the key and secret"), "{said}");
    assert!(said.contains("statements wait in the outbox"), "{said}");
    assert!(!said.contains(SECRET.trim()));
    assert_eq!(refusing.seen.lock().unwrap().len(), 1, "the saved endpoint");
    // A flag names another LRS for this run; the saved key and secret go with it.
    let accepting = listen(vec![Answer::Status(200)]);
    let mut out = Vec::new();
    let code = sync(
        &sync_args(
            &path,
            LrsArgs {
                endpoint: Some(accepting.endpoint.clone()),
                ..LrsArgs::default()
            },
            false,
        ),
        Lang::Ru,
        &mut out,
    );
    let said = String::from_utf8(out).unwrap();
    assert_eq!(code, 0, "{said}");
    assert!(said.starts_with("Отправлено"), "{said}");
    let seen = accepting.seen.lock().unwrap();
    let auth = seen[0]
        .headers
        .iter()
        .find(|h| h.to_ascii_lowercase().starts_with("authorization:"))
        .expect("Basic auth");
    use base64::Engine;
    let expected = base64::engine::general_purpose::STANDARD.encode(format!("trainer:{SECRET}"));
    assert!(auth.ends_with(&expected), "the saved secret is sent");
}

#[test]
fn sync_without_any_lrs_says_how_to_set_one_and_a_missing_store_is_not_created() {
    let (_dir, path) = temp();
    let mut out = Vec::new();
    let code = sync(
        &sync_args(&path, LrsArgs::default(), false),
        Lang::En,
        &mut out,
    );
    let said = String::from_utf8(out).unwrap();
    assert_eq!(code, 2);
    assert!(said.contains("no saved progress"), "{said}");
    assert!(!path.exists());
    {
        open(&path);
    }
    let mut out = Vec::new();
    let code = sync(
        &sync_args(&path, LrsArgs::default(), true),
        Lang::Ru,
        &mut out,
    );
    let said = String::from_utf8(out).unwrap();
    assert_eq!(code, 2);
    assert!(said.contains("настройках игры"), "{said}");
}

#[test]
fn sync_can_queue_attempts_played_before_the_lrs_was_set() {
    let (_dir, path) = temp();
    {
        let store = open(&path);
        fill(&store, "G", 2, 1);
    }
    let accepting = listen(vec![Answer::Status(200)]);
    let lrs = LrsArgs {
        endpoint: Some(accepting.endpoint.clone()),
        key: Some("trainer".into()),
        secret: Some(Secret::new("x")),
        ..LrsArgs::default()
    };
    let mut out = Vec::new();
    let code = sync(&sync_args(&path, lrs, true), Lang::En, &mut out);
    let said = String::from_utf8(out).unwrap();
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("Queued"), "{said}");
    let sent: usize = accepting
        .seen
        .lock()
        .unwrap()
        .iter()
        .map(|s| s.ids.len())
        .sum();
    let store = open(&path);
    let expected: usize = client_first::report::stored::records(&store, AttemptFilter::All, &LIB)
        .unwrap()
        .iter()
        .map(|r| XapiConfig::default().statements(r).len())
        .sum();
    assert_eq!(sent, expected);
}
