//! The outbox against a scripted HTTP listener on 127.0.0.1: failures, retries, duplicates, backoff.

use crate::common::group;
use client_first::report::lrs::{LrsClient, LrsConfig, LrsError, Secret};
use client_first::report::outbox::{Outbox, SyncOptions};
use client_first::report::xapi::{Statement, XapiConfig};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One request the listener received.
#[derive(Debug, Clone)]
pub struct Seen {
    /// The request's header lines.
    pub headers: Vec<String>,
    /// The ids of the statements posted.
    pub ids: Vec<String>,
}

/// How the listener answers one request.
#[derive(Debug, Clone, Copy)]
pub enum Answer {
    Status(u16),
    /// Read the request, then hang up without answering: the LRS may have stored it.
    HangUp,
}

/// A listener that answers requests in the scripted order, one connection per request.
pub struct Scripted {
    /// Its xAPI endpoint.
    pub endpoint: String,
    /// The requests it received.
    pub seen: Arc<Mutex<Vec<Seen>>>,
}

/// Starts a listener on 127.0.0.1 that answers as `script` says, then stops accepting.
pub fn listen(script: Vec<Answer>) -> Scripted {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}/xAPI/", l.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    std::thread::spawn(move || {
        for answer in script {
            let Ok((mut s, _)) = l.accept() else { return };
            s.set_read_timeout(Some(Duration::from_secs(10))).ok();
            let mut r = BufReader::new(s.try_clone().unwrap());
            let mut headers = Vec::new();
            let mut len = 0;
            loop {
                let mut line = String::new();
                if r.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    len = v.trim().parse().unwrap_or(0);
                }
                headers.push(line.trim_end().to_string());
            }
            let mut body = vec![0; len];
            r.read_exact(&mut body).ok();
            let v: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
            let ids = v
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|s| s["id"].as_str().unwrap_or("").to_string())
                        .collect()
                })
                .unwrap_or_default();
            log.lock().unwrap().push(Seen { headers, ids });
            if let Answer::Status(code) = answer {
                let _ = write!(
                    s,
                    "HTTP/1.1 {code} X\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]"
                );
            }
        }
    });
    Scripted { endpoint, seen }
}

fn client(endpoint: &str, secret: &str) -> LrsClient {
    LrsClient::with_timeout(
        LrsConfig {
            endpoint: endpoint.into(),
            key: "trainer".into(),
            secret: Secret::new(secret),
        },
        Duration::from_secs(5),
    )
}

fn statements(n_attempts: usize) -> Vec<Statement> {
    let cfg = XapiConfig::default();
    group("G", 1, n_attempts)
        .iter()
        .flat_map(|a| cfg.statements(a))
        .collect()
}

fn forced() -> SyncOptions {
    SyncOptions {
        force: true,
        batch: 1000,
        ..SyncOptions::default()
    }
}

#[test]
fn nothing_is_lost_while_the_lrs_is_unreachable_and_backoff_holds_automatic_tries() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let c = client(&format!("http://127.0.0.1:{port}/xAPI/"), "x");
    let mut o = Outbox::in_memory().unwrap();
    let list = statements(2);
    o.enqueue(&list).unwrap();
    let opts = SyncOptions::default();
    let r = o.sync(&c, &opts).unwrap();
    assert!(matches!(r.error, Some(LrsError::Unreachable(_))), "{r:?}");
    assert_eq!(r.pending, list.len());
    let st = o.status().unwrap();
    assert_eq!(st.failures, 1);
    assert_eq!(st.next_try, Some(opts.now + Outbox::backoff(1)));
    // Within the backoff an automatic sync does not try.
    let r = o.sync(&c, &opts).unwrap();
    assert!(r.waited && r.error.is_none());
    // After it, it tries again and the wait doubles.
    let later = SyncOptions {
        now: opts.now + Outbox::backoff(1),
        ..opts
    };
    let r = o.sync(&c, &later).unwrap();
    assert!(!r.waited && r.error.is_some());
    assert_eq!(o.status().unwrap().failures, 2);
    assert_eq!(o.pending().unwrap(), list.len());
    // Queuing the same statements again adds nothing.
    o.enqueue(&list).unwrap();
    assert_eq!(o.pending().unwrap(), list.len());
}

#[test]
fn backoff_doubles_from_five_seconds_to_an_hour() {
    let secs: Vec<i64> = (1..=12).map(|f| Outbox::backoff(f).num_seconds()).collect();
    assert_eq!(&secs[..5], &[5, 10, 20, 40, 80]);
    assert_eq!(*secs.last().unwrap(), 3600);
}

#[test]
fn a_server_error_keeps_the_batch_and_the_retry_sends_the_same_ids() {
    let lrs = listen(vec![Answer::Status(500), Answer::Status(200)]);
    let c = client(&lrs.endpoint, "pw-not-in-logs");
    let mut o = Outbox::in_memory().unwrap();
    let list = statements(1);
    o.enqueue(&list).unwrap();
    let r = o.sync(&c, &forced()).unwrap();
    assert!(matches!(
        r.error,
        Some(LrsError::Server { status: 500, .. })
    ));
    assert!(
        !format!("{:?} {}", r.error, o.status().unwrap().last_error.unwrap())
            .contains("pw-not-in-logs")
    );
    assert_eq!(r.pending, list.len());
    let r = o.sync(&c, &forced()).unwrap();
    assert_eq!((r.sent, r.pending, r.error), (list.len(), 0, None));
    let seen = lrs.seen.lock().unwrap();
    assert_eq!(seen.len(), 2);
    assert_eq!(
        seen[0].ids, seen[1].ids,
        "a retry resends the same statement ids"
    );
    let want: Vec<String> = list.iter().map(|s| s.id.to_string()).collect();
    assert_eq!(seen[0].ids, want, "in the order they were queued");
    let h = seen[0].headers.join("\n").to_ascii_lowercase();
    assert!(h.contains("x-experience-api-version: 1.0.3"));
    assert!(h.contains("authorization: basic "));
    let st = o.status().unwrap();
    assert!(st.last_sync.is_some() && st.last_error.is_none() && st.failures == 0);
}

#[test]
fn an_answer_lost_mid_send_is_retried_and_a_409_counts_as_delivered() {
    // The LRS stores the batch but the answer never arrives; next time it says 409 (already have it).
    let lrs = listen(vec![Answer::HangUp, Answer::Status(409)]);
    let c = client(&lrs.endpoint, "x");
    let mut o = Outbox::in_memory().unwrap();
    let list = statements(1);
    o.enqueue(&list[..1]).unwrap();
    let r = o.sync(&c, &forced()).unwrap();
    assert!(r.error.is_some());
    assert_eq!(o.pending().unwrap(), 1);
    let r = o.sync(&c, &forced()).unwrap();
    assert_eq!((r.duplicate, r.sent, r.pending), (1, 0, 0));
}

#[test]
fn a_bad_batch_is_split_so_one_rejected_statement_does_not_block_the_others() {
    // Batch of three: 400; then one by one: 409, 204, 400.
    let lrs = listen(vec![
        Answer::Status(400),
        Answer::Status(409),
        Answer::Status(204),
        Answer::Status(400),
    ]);
    let c = client(&lrs.endpoint, "x");
    let mut o = Outbox::in_memory().unwrap();
    o.enqueue(&statements(1)[..3]).unwrap();
    let r = o.sync(&c, &forced()).unwrap();
    assert_eq!(
        (r.duplicate, r.sent, r.rejected, r.pending),
        (1, 1, 1, 0),
        "{r:?}"
    );
    assert_eq!(o.status().unwrap().rejected, 1, "kept aside, not lost");
    assert_eq!(lrs.seen.lock().unwrap().len(), 4);
}

#[test]
fn a_wrong_secret_stops_the_sync_and_keeps_the_queue() {
    let lrs = listen(vec![Answer::Status(401)]);
    let c = client(&lrs.endpoint, "wrong");
    let mut o = Outbox::in_memory().unwrap();
    o.enqueue(&statements(1)).unwrap();
    let before = o.pending().unwrap();
    let r = o.sync(&c, &forced()).unwrap();
    assert_eq!(r.error, Some(LrsError::Unauthorized(401)));
    assert_eq!(o.pending().unwrap(), before);
}

#[test]
fn the_queue_survives_closing_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outbox.sqlite");
    let list = statements(1);
    {
        let mut o = Outbox::open(&path).unwrap();
        o.enqueue(&list).unwrap();
    }
    let o = Outbox::open(&path).unwrap();
    assert_eq!(o.pending().unwrap(), list.len());
}

#[test]
fn a_limited_sync_sends_a_few_batches_and_leaves_the_rest() {
    let lrs = listen(vec![Answer::Status(200), Answer::Status(200)]);
    let c = client(&lrs.endpoint, "x");
    let mut o = Outbox::in_memory().unwrap();
    let list = statements(2);
    o.enqueue(&list).unwrap();
    let r = o
        .sync(
            &c,
            &SyncOptions {
                batch: 3,
                max_batches: Some(2),
                ..forced()
            },
        )
        .unwrap();
    assert_eq!((r.sent, r.pending), (6, list.len() - 6));
}

#[test]
fn batches_that_arrived_before_a_failure_count_as_the_last_sync() {
    let lrs = listen(vec![Answer::Status(200), Answer::Status(500)]);
    let c = client(&lrs.endpoint, "x");
    let mut o = Outbox::in_memory().unwrap();
    let list = statements(1);
    o.enqueue(&list).unwrap();
    let opts = SyncOptions {
        batch: 2,
        ..forced()
    };
    let r = o.sync(&c, &opts).unwrap();
    assert_eq!((r.sent, r.pending), (2, list.len() - 2));
    assert!(matches!(
        r.error,
        Some(LrsError::Server { status: 500, .. })
    ));
    let st = o.status().unwrap();
    assert_eq!(st.last_sync, Some(opts.now));
    assert_eq!(st.failures, 1, "and the failure backs off");
    assert!(st.last_error.is_some());
}
