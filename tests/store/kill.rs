//! Nothing lost: a child process saves attempts in a loop and is killed with SIGKILL at random
//! moments; every attempt it reported finished is there, whole, and the file passes
//! `PRAGMA integrity_check`.

use crate::common::{Pick, temp_store};
use client_first::store::Store;
use client_first::store::transfer::TORTURE_STEPS;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

/// How many times the child is killed.
const KILLS: usize = 25;

#[test]
fn sigkill_at_random_moments_loses_no_finished_attempt() {
    let (_dir, path) = temp_store();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    let mut pick = Pick(seed);
    let mut done: BTreeSet<String> = BTreeSet::new();
    for round in 0..KILLS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_client-first"))
            .args(["progress", "torture"])
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the binary starts");
        let stdout = child.stdout.take().expect("piped");
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .collect::<Vec<String>>()
        });
        // From the start-up itself (opening, migrating, the backup) to deep in the loop.
        std::thread::sleep(Duration::from_millis(5 + pick.below(200) as u64));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        let lines = reader.join().expect("reader");
        for l in &lines {
            assert!(
                !l.starts_with("error"),
                "round {round} (seed {seed}): the child failed: {l}"
            );
            if let Some(uuid) = l.strip_prefix("done ") {
                done.insert(uuid.to_string());
            }
        }

        let opened = Store::open(&path).expect("reopens");
        assert_eq!(
            opened.recovery, None,
            "round {round} (seed {seed}): the file needed no recovery"
        );
        let store = opened.store;
        assert!(store.integrity_ok().unwrap(), "round {round} (seed {seed})");
        let conn = store.connection();
        for uuid in &done {
            let finished: Option<i64> = conn
                .query_row(
                    "SELECT finished FROM attempts WHERE uuid = ?1",
                    [uuid],
                    |r| r.get(0),
                )
                .unwrap_or_else(|e| {
                    panic!("round {round} (seed {seed}): attempt {uuid} missing: {e}")
                });
            assert!(
                finished.is_some(),
                "attempt {uuid} reported done is finished"
            );
        }
        // No finished attempt is half-written: every one has all its steps, principles and reviews.
        let half: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM attempts a WHERE a.finished IS NOT NULL AND (
                     (SELECT COUNT(*) FROM steps s WHERE s.attempt = a.id) != ?1
                  OR (SELECT COUNT(*) FROM attempt_principles p WHERE p.attempt = a.id) != 3
                  OR (SELECT COUNT(*) FROM reviews r WHERE r.attempt = a.id) != 3
                  OR a.score IS NULL)",
                [TORTURE_STEPS as i64],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            half, 0,
            "round {round} (seed {seed}): half-written attempts"
        );
        let open_runs: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM attempts WHERE finished IS NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(open_runs <= 1, "one run in progress at most");
        // The summaries agree with the attempts.
        let (stats, finished): (i64, i64) = conn
            .query_row(
                "SELECT (SELECT COALESCE(SUM(attempts), 0) FROM activity_stats),
                        (SELECT COUNT(*) FROM attempts WHERE finished IS NOT NULL)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(stats, finished, "round {round}: summaries match");
    }
    assert!(
        done.len() >= KILLS,
        "the child finished attempts between kills: {}",
        done.len()
    );
}
