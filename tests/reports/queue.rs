//! Statements queued when an attempt finishes, and the background syncer, on real store files with a
//! scripted HTTP listener on 127.0.0.1 standing in for the LRS.

use crate::common::LIB;
use crate::common::stores::{open, play, save_quiz, temp};
use crate::outbox::{Answer, listen};
use client_first::engine::text::Lang;
use client_first::report::lrs::{LrsConfig, LrsError, Secret};
use client_first::report::outbox::{Outbox, status_in};
use client_first::report::queue::{self, Queued};
use client_first::report::stored;
use client_first::report::syncer::{SyncError, Syncer, SyncerOptions};
use client_first::report::xapi::{Statement, XapiConfig, statement_id, verbs};
use client_first::store::{AttemptFilter, Store};
use std::net::TcpListener;
use std::path::Path;
use std::time::{Duration, Instant};

const SECRET: &str = "pw-not-in-logs-7731";

fn lrs(endpoint: &str) -> LrsConfig {
    LrsConfig {
        endpoint: endpoint.into(),
        key: "trainer".into(),
        secret: Secret::new(SECRET),
    }
}

/// An endpoint where nothing listens.
fn unreachable() -> String {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    format!("http://127.0.0.1:{port}/xAPI/")
}

/// The queued statements, in queue order.
fn queued(store: &Store) -> Vec<Statement> {
    let mut st = store
        .connection()
        .prepare("SELECT body FROM lrs_outbox ORDER BY seq")
        .unwrap();
    st.query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|b| serde_json::from_str(&b.unwrap()).unwrap())
        .collect()
}

fn options() -> SyncerOptions {
    SyncerOptions {
        interval: Duration::from_secs(60),
        timeout: Duration::from_secs(5),
        batch: 100,
        max_batches: 10,
    }
}

/// Waits for rounds until `done` holds, at most ten rounds or 30 seconds.
fn wait_until(
    s: &Syncer,
    done: impl Fn(&client_first::report::syncer::SyncerStatus) -> bool,
) -> client_first::report::syncer::SyncerStatus {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut st = s.status();
    for _ in 0..10 {
        if done(&st) || Instant::now() > deadline {
            break;
        }
        st = s.wait_rounds(st.rounds, Duration::from_secs(10));
    }
    st
}

#[test]
fn nothing_is_queued_until_an_lrs_is_set() {
    let (_dir, path) = temp();
    let store = open(&path);
    let p = store.create_profile("Anna", None).unwrap();
    let (a, _) = play(&store, p.id, "guitar", 1, 0.5);
    let q = queue::finished(&store, a, &LIB, &XapiConfig::default()).unwrap();
    assert_eq!(q, Queued::NotConfigured);
    assert_eq!(status_in(store.connection()).unwrap().pending, 0);
    // An endpoint without a key is not an LRS either.
    LrsConfig {
        endpoint: "http://127.0.0.1:9/xAPI/".into(),
        ..LrsConfig::default()
    }
    .save(&store)
    .unwrap();
    let q = queue::finished(&store, a, &LIB, &XapiConfig::default()).unwrap();
    assert_eq!(q, Queued::NotConfigured);
}

#[test]
fn queueing_a_finished_attempt_twice_adds_nothing_and_its_ids_come_from_the_attempt() {
    let (_dir, path) = temp();
    let store = open(&path);
    lrs(&unreachable()).save(&store).unwrap();
    let cfg = XapiConfig::default();
    let p = store.create_profile("Boris", Some("Kazan")).unwrap();
    let (a, outcome) = play(&store, p.id, "guitar", 5, 0.3);
    let n = outcome.decisions.len() + 3;
    assert_eq!(
        queue::finished(&store, a, &LIB, &cfg).unwrap(),
        Queued::Statements { total: n, added: n }
    );
    assert_eq!(
        queue::finished(&store, a, &LIB, &cfg).unwrap(),
        Queued::Statements { total: n, added: 0 },
        "queued twice, stored once"
    );
    let list = queued(&store);
    assert_eq!(list.len(), n);
    let uuid = store.attempt(a).unwrap().uuid;
    let registration: uuid::Uuid = uuid.parse().unwrap();
    for (i, s) in list.iter().enumerate() {
        assert_eq!(s.id, statement_id(registration, i), "statement {i}");
        assert_eq!(s.context.as_ref().unwrap().registration, Some(registration));
        assert_eq!(s.actor.account.name, "Boris");
    }
    let verbs_seen: Vec<&str> = list.iter().map(|s| s.verb.id.as_str()).collect();
    assert_eq!(verbs_seen[0], verbs::ATTEMPTED);
    assert!(
        verbs_seen[1..n - 2].iter().all(|v| *v == verbs::ANSWERED),
        "{verbs_seen:?}"
    );
    assert_eq!(verbs_seen[n - 2], verbs::COMPLETED);
    assert!([verbs::PASSED, verbs::FAILED].contains(&verbs_seen[n - 1]));
    // The statements describe the stored attempt, as its report does.
    let record = stored::attempt_record(&store, a, &LIB).unwrap();
    assert_eq!(list, cfg.statements(&record));
    // After the LRS has them (the rows are gone), queueing again gives the same ids: the LRS
    // keeps each statement once.
    store
        .connection()
        .execute("DELETE FROM lrs_outbox", [])
        .unwrap();
    queue::finished(&store, a, &LIB, &cfg).unwrap();
    let again: Vec<_> = queued(&store).iter().map(|s| s.id).collect();
    assert_eq!(again, list.iter().map(|s| s.id).collect::<Vec<_>>());
}

#[test]
fn attempts_played_before_the_lrs_was_set_are_queued_all_at_once() {
    let (_dir, path) = temp();
    let store = open(&path);
    crate::common::stores::fill(&store, "G", 2, 2);
    let cfg = XapiConfig::default();
    let expected: usize = stored::records(&store, AttemptFilter::All, &LIB)
        .unwrap()
        .iter()
        .map(|r| cfg.statements(r).len())
        .sum();
    let (total, added) = queue::all_finished(&store, AttemptFilter::All, &LIB, &cfg).unwrap();
    assert_eq!((total, added), (expected, expected));
    let (_, added) = queue::all_finished(&store, AttemptFilter::All, &LIB, &cfg).unwrap();
    assert_eq!(added, 0);
}

#[test]
fn the_syncer_sends_what_the_game_queues_and_stops_at_once_when_dropped() {
    let server = listen(vec![Answer::Status(200); 4]);
    let (_dir, path) = temp();
    let store = open(&path);
    lrs(&server.endpoint).save(&store).unwrap();
    let syncer = Syncer::spawn_with(path.clone(), LrsConfig::load(&store).unwrap(), options());
    let first = syncer.wait_rounds(0, Duration::from_secs(10));
    assert!(first.rounds >= 1 && first.configured, "{first:?}");
    assert_eq!((first.outbox.pending, &first.error), (0, &None));
    // The game finishes an attempt, queues it and wakes the syncer.
    let p = store.create_profile("Vera", None).unwrap();
    let (a, _) = play(&store, p.id, "tutorial", 3, 0.5);
    let Queued::Statements { added, .. } =
        queue::finished(&store, a, &LIB, &XapiConfig::default()).unwrap()
    else {
        panic!("an LRS is set");
    };
    syncer.wake();
    let st = wait_until(&syncer, |s| {
        s.outbox.pending == 0 && s.outbox.last_sync.is_some()
    });
    assert_eq!(st.outbox.pending, 0, "{st:?}");
    assert!(st.error.is_none() && st.outbox.failures == 0 && !st.sending);
    let seen: Vec<String> = server
        .seen
        .lock()
        .unwrap()
        .iter()
        .flat_map(|s| s.ids.clone())
        .collect();
    assert_eq!(seen.len(), added);
    assert_eq!(status_in(store.connection()).unwrap().pending, 0);
    assert!(!format!("{syncer:?} {st:?}").contains(SECRET));
    // Idle, it sleeps for a minute; dropping it wakes and stops it at once.
    let t = Instant::now();
    drop(syncer);
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
}

#[test]
fn an_unreachable_lrs_backs_off_keeps_the_queue_and_sync_now_tries_at_once() {
    let (_dir, path) = temp();
    let store = open(&path);
    lrs(&unreachable()).save(&store).unwrap();
    let p = store.create_profile("Gleb", None).unwrap();
    let (a, _) = play(&store, p.id, "guitar", 9, 0.5);
    queue::finished(&store, a, &LIB, &XapiConfig::default()).unwrap();
    let waiting = status_in(store.connection()).unwrap().pending;
    assert!(waiting > 3);
    let syncer = Syncer::spawn_with(path.clone(), LrsConfig::load(&store).unwrap(), options());
    let st = syncer.wait_rounds(0, Duration::from_secs(10));
    assert!(
        matches!(st.error, Some(SyncError::Lrs(LrsError::Unreachable(_)))),
        "{st:?}"
    );
    assert_eq!((st.outbox.pending, st.outbox.failures), (waiting, 1));
    assert!(st.outbox.next_try.is_some());
    let said = st.error.as_ref().unwrap().message(Lang::En);
    assert!(said.contains("cannot be reached"), "{said}");
    assert!(st.summary(Lang::Ru).contains("ждут отправки"));
    assert!(!format!("{said} {st:?} {syncer:?}").contains(SECRET));
    // A wake during the backoff does not try again.
    syncer.wake();
    let st = syncer.wait_rounds(st.rounds, Duration::from_secs(10));
    assert_eq!(st.outbox.failures, 1, "still backing off: {st:?}");
    // "Sync now" does.
    syncer.sync_now();
    let st = syncer.wait_rounds(st.rounds, Duration::from_secs(10));
    assert_eq!(st.outbox.failures, 2, "{st:?}");
    assert_eq!(st.outbox.pending, waiting, "nothing lost");
    // Settings now name an LRS that answers: the queue drains and the failures are forgotten.
    let server = listen(vec![Answer::Status(200); 2]);
    syncer.set_config(lrs(&server.endpoint));
    let st = wait_until(&syncer, |s| s.outbox.pending == 0);
    assert_eq!((st.outbox.pending, st.outbox.failures), (0, 0), "{st:?}");
    assert!(st.error.is_none() && st.outbox.next_try.is_none());
}

#[test]
fn a_syncer_without_an_lrs_only_counts_the_queue() {
    let (_dir, path) = temp();
    let store = open(&path);
    let syncer = Syncer::spawn_with(path.clone(), LrsConfig::default(), options());
    let st = syncer.wait_rounds(0, Duration::from_secs(10));
    assert!(!st.configured && st.error.is_none() && !st.sending);
    assert!(
        st.summary(Lang::En).contains("No LRS is set"),
        "{}",
        st.summary(Lang::En)
    );
    drop(store);
}

#[test]
fn the_game_and_the_syncer_write_the_same_file_at_once_without_an_error() {
    let (_dir, path) = temp();
    let store = open(&path);
    lrs(&unreachable()).save(&store).unwrap();
    let cfg = XapiConfig::default();
    let statements: Vec<Statement> = crate::common::group("G", 1, 4)
        .iter()
        .flat_map(|a| cfg.statements(a))
        .collect();
    let syncer_side = {
        let path = path.clone();
        std::thread::spawn(move || {
            let mut o = Outbox::open(&path).expect("a second connection");
            for round in 0..150 {
                let k = round % statements.len();
                o.enqueue(&statements[k..(k + 5).min(statements.len())])
                    .expect("enqueue beside the game");
                o.status().expect("status beside the game");
                o.connection()
                    .execute(
                        "DELETE FROM lrs_outbox WHERE seq IN (SELECT seq FROM lrs_outbox ORDER BY seq LIMIT 3)",
                        [],
                    )
                    .expect("delete beside the game");
            }
        })
    };
    // Dialogues (whose finish writes first) and quiz rounds (whose finish reads first, then writes:
    // the case a deferred transaction would fail with SQLITE_BUSY when the syncer commits between).
    let p = store.create_profile("Daria", None).unwrap();
    for k in 0..40 {
        if k % 5 == 0 {
            let (a, _) = play(&store, p.id, "tutorial", 20 + k, 0.5);
            queue::finished(&store, a, &LIB, &cfg).expect("queue beside the syncer");
        } else {
            save_quiz(&store, p.id, &[true, k % 2 == 0, false]);
        }
    }
    syncer_side.join().expect("the syncer side finished");
    assert!(store.integrity_ok().unwrap());
    assert_eq!(store.history(p.id, 0, 100).unwrap().len(), 40);
}

#[test]
fn an_older_store_gets_its_outbox_and_keeps_its_attempts() {
    let (_dir, path) = temp();
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        client_first::store::schema::migrations(2)
            .to_latest(&mut conn)
            .unwrap();
        conn.execute_batch(
            "INSERT INTO profiles (uuid, name, grp, created, last_used) VALUES ('p', 'Old', 'G', 1, 1);
             INSERT INTO attempts (uuid, profile, kind, activity, hash, seed, mode, lang, started,
                                   updated, finished, ending, total, score)
             VALUES ('a', 1, 'dialogue', 'guitar', 'h', 1, 'coach', 'en', 1, 2, 2, 'x', 3, 40);",
        )
        .unwrap();
    }
    // The syncer may be the first to open it after an update of the game.
    let mut o = Outbox::open(&path).unwrap();
    assert_eq!(o.pending().unwrap(), 0);
    let list = XapiConfig::default().statements(&crate::common::group("G", 1, 1)[0]);
    assert_eq!(o.enqueue(&list).unwrap(), list.len());
    let v: i64 = o
        .connection()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, client_first::store::schema::latest() as i64);
    drop(o);
    let store = open(&path);
    let p = store.profile_by_name("Old").unwrap().expect("kept");
    assert_eq!(store.history(p.id, 0, 5).unwrap().len(), 1);
    assert_eq!(status_in(store.connection()).unwrap().pending, list.len());
}

#[test]
fn an_outbox_file_of_earlier_builds_opens_as_a_store_and_keeps_its_queue() {
    let (_dir, path) = temp();
    let list = XapiConfig::default().statements(&crate::common::group("G", 1, 1)[0]);
    {
        // The tables as the standalone outbox of earlier builds created them, with one statement.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE lrs_outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
                 registration TEXT, body TEXT NOT NULL, queued_at TEXT NOT NULL,
                 tries INTEGER NOT NULL DEFAULT 0);
             CREATE TABLE lrs_rejected (id TEXT PRIMARY KEY, body TEXT NOT NULL, reason TEXT NOT NULL,
                 rejected_at TEXT NOT NULL);
             CREATE TABLE lrs_sync (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
        )
        .unwrap();
        conn.execute(
            "INSERT INTO lrs_outbox (id, body, queued_at) VALUES (?1, ?2, '2026-01-01T00:00:00Z')",
            [
                list[0].id.to_string(),
                serde_json::to_string(&list[0]).unwrap(),
            ],
        )
        .unwrap();
    }
    let store = open(Path::new(&path));
    assert_eq!(status_in(store.connection()).unwrap().pending, 1);
    assert!(store.profiles().unwrap().is_empty());
    drop(store);
    assert_eq!(Outbox::open(&path).unwrap().pending().unwrap(), 1);
}
