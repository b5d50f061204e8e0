//! The phone server's API, spoken over real HTTP on 127.0.0.1: a whole question from join to reveal,
//! a phone that reloads, and every kind of bad request, after which the session still works.

use crate::common::{Host, Stream, get, join, post, request, vote};
use client_first::team::room::{Choice, Kind, ParticipantId};
use client_first::team::server::{Command, Event, MAX_BODY_BYTES};
use serde_json::json;
use std::sync::atomic::Ordering;
use std::time::Duration;

const OPTIONS: [(&str, &str); 3] = [
    ("Извиниться", "Apologise"),
    ("Предложить замену", "Offer a replacement"),
    ("Позвать менеджера", "Call the manager"),
];

#[test]
fn a_question_from_join_to_reveal() {
    let mut host = Host::start(vec!["Red".into(), "Blue".into()], 300);
    let addr = host.addr();
    let page = get(addr, &host.path(""));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("id=\"join-form\""));
    assert!(page.body.contains("Red") && page.body.contains("Blue"));

    let ann = join(&host, "Ann", Some(0));
    let bob = join(&host, "Bob", Some(1));
    let cy = join(&host, "Cy", Some(0));
    let joined = host.take(3);
    assert!(
        matches!(&joined[0], Event::Joined { nickname, team: Some(0), .. } if nickname == "Ann")
    );
    assert!(
        host.wakes.load(Ordering::SeqCst) >= 3,
        "every event wakes the host"
    );

    let mut phone = Stream::open(
        addr,
        &format!("{}?token={ann}&lang=ru", host.path("events")),
    );
    assert_eq!(phone.status, 200);
    let lobby = phone.next_state().expect("the current state at once");
    assert_eq!(lobby["phase"], "lobby");
    assert_eq!(lobby["nickname"], "Ann");
    assert_eq!(lobby["team"], "Red");

    let q = host.open(&OPTIONS, Kind::Decision, Duration::from_secs(45));
    let open = phone.wait_for("an open question", |s| s["phase"] == "open");
    assert_eq!(
        open["options"][1], "Предложить замену",
        "in the phone's language"
    );
    assert_eq!(open["question"], q);
    assert!(open["remainingMs"].as_u64().unwrap() > 40_000);
    assert!(
        open["counts"].is_null(),
        "no distribution before the reveal"
    );

    assert_eq!(vote(&host, &ann, q, 0), 200);
    assert_eq!(vote(&host, &bob, q, 1), 200);
    assert_eq!(vote(&host, &ann, q, 1), 200, "a changed vote");
    let votes = host.take(3);
    assert!(matches!(votes[2], Event::Voted { option: 1, question, .. } if question == q));
    assert_eq!(
        host.room.voted_count(),
        2,
        "the change replaced Ann's first vote"
    );
    assert!(!host.room.all_voted());

    // The trainer closes (the host decides; phones cannot).
    host.room
        .close(client_first::team::room::CloseReason::Trainer);
    host.server.send(Command::Close);
    let closed = phone.wait_for("closed voting", |s| s["phase"] == "closed");
    assert_eq!(closed["myVote"], 1);
    assert_eq!(vote(&host, &cy, q, 2), 409, "too late: voting closed");
    assert_eq!(vote(&host, &ann, q, 2), 409);

    let reveal = host.reveal();
    assert_eq!(reveal.counts, vec![0, 2, 0]);
    assert_eq!(reveal.per_team, vec![vec![0, 1, 0], vec![0, 1, 0]]);
    assert_eq!(reveal.choice, Choice::Majority(1));
    let shown = phone.wait_for("the reveal", |s| s["phase"] == "revealed");
    assert_eq!(shown["counts"], json!([0, 2, 0]));
    assert_eq!(shown["chosen"], json!([1]));
    assert_eq!(shown["status"], "Зал выбрал B.");
    assert_eq!(shown["result"], "Ваш голос: B");
}

#[test]
fn a_reloaded_phone_rejoins_with_its_token_and_keeps_its_vote() {
    let mut host = Host::start(vec![], 300);
    let addr = host.addr();
    let token = join(&host, "Dana", None);
    host.take(1);
    let q = host.open(&OPTIONS, Kind::Decision, Duration::from_secs(45));
    let mut first = Stream::open(addr, &format!("{}?token={token}", host.path("events")));
    first.wait_for("open", |s| s["phase"] == "open");
    assert_eq!(vote(&host, &token, q, 2), 200);
    drop(first);

    // The reload: the page asks who it is, then opens a new live connection.
    let me = post(addr, &host.path("me"), &json!({ "token": token }));
    assert_eq!(me.status, 200);
    assert_eq!(me.json()["nickname"], "Dana");
    let mut again = Stream::open(addr, &format!("{}?token={token}", host.path("events")));
    let s = again.next_state().expect("state");
    assert_eq!(s["phase"], "open");
    assert_eq!(s["myVote"], 2);
    assert_eq!(s["result"], "Your vote: C");
    host.take(1);
    assert_eq!(
        host.room.voted_count(),
        1,
        "one vote per participant and question"
    );
}

#[test]
fn a_quiz_sends_each_phone_its_speed_points() {
    let mut host = Host::start(vec![], 300);
    let addr = host.addr();
    let fast = join(&host, "Fast", None);
    let wrong = join(&host, "Wrong", None);
    host.take(2);
    let q = host.open(
        &[("1", "1"), ("2", "2"), ("3", "3"), ("4", "4")],
        Kind::Quiz { correct: 3 },
        Duration::from_secs(20),
    );
    std::thread::sleep(Duration::from_millis(50));
    assert_eq!(vote(&host, &fast, q, 3), 200);
    assert_eq!(vote(&host, &wrong, q, 0), 200);
    host.take(2);
    assert!(host.room.all_voted());
    assert_eq!(
        host.room.tick(Duration::from_secs(1)),
        Some(client_first::team::room::CloseReason::AllVoted)
    );
    let r = host.reveal();
    let earned = r.points[&ParticipantId(1)];
    assert!((950..=1000).contains(&earned), "{earned}");
    let mut phone = Stream::open(addr, &format!("{}?token={fast}", host.path("events")));
    let s = phone.wait_for("reveal", |s| s["phase"] == "revealed");
    assert_eq!(s["correct"], 3);
    assert_eq!(s["status"], format!("Correct! +{earned} points"));
    let mut other = Stream::open(
        addr,
        &format!("{}?token={wrong}&lang=ru", host.path("events")),
    );
    let s = other.wait_for("reveal", |s| s["phase"] == "revealed");
    assert_eq!(s["status"], "На этот раз нет. Правильный ответ — D.");
    assert_eq!(s["result"], "Ваш счёт: 0 баллов");
}

#[test]
fn removed_participants_and_the_end_reach_the_phones() {
    let mut host = Host::start(vec![], 300);
    let addr = host.addr();
    let eve = join(&host, "Eve", None);
    let fay = join(&host, "Fay", None);
    host.take(2);
    let mut phone = Stream::open(addr, &format!("{}?token={eve}", host.path("events")));
    phone.next_state();
    host.room.remove(ParticipantId(1));
    host.server.send(Command::Remove(ParticipantId(1)));
    let s = phone.wait_for("removal", |s| s["phase"] == "removed");
    assert!(s["status"].as_str().unwrap().contains("removed"));
    assert!(phone.next_state().is_none(), "the stream ends");
    let me = post(addr, &host.path("me"), &json!({ "token": eve }));
    assert_eq!(me.status, 404, "a removed phone must join again");

    // Fay leaves by herself: the host hears it.
    assert_eq!(
        post(addr, &host.path("leave"), &json!({ "token": fay })).status,
        204
    );
    assert_eq!(
        host.take(1),
        vec![Event::Left {
            id: ParticipantId(2)
        }]
    );

    let gus = join(&host, "Gus", None);
    host.take(1);
    let mut phone = Stream::open(addr, &format!("{}?token={gus}", host.path("events")));
    phone.next_state();
    host.server.send(Command::End);
    let s = phone.wait_for("the end", |s| s["phase"] == "ended");
    assert_eq!(s["status"], "The session has ended. Thank you for playing!");
    assert!(phone.next_state().is_none());
}

#[test]
fn the_server_stops_when_the_session_ends() {
    let host = Host::start(vec![], 300);
    let addr = host.addr();
    assert_eq!(get(addr, &host.path("")).status, 200);
    let Host { server, .. } = host;
    server.end();
    assert!(
        std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(1)).is_err(),
        "nothing listens any more"
    );
}

#[test]
fn every_bad_request_gets_a_4xx_and_the_session_goes_on() {
    let mut host = Host::start(vec!["Red".into(), "Blue".into()], 4);
    let addr = host.addr();
    let ok = join(&host, "Ok", Some(1));
    host.take(1);
    let q = host.open(&OPTIONS, Kind::Decision, Duration::from_secs(45));
    let json_header = [("Content-Type", "application/json")];

    // A wrong room code, on every route.
    for path in [
        "/ZZZZZ/",
        "/ZZZZZ/join",
        "/ZZZZZ/events?token=x",
        "/ZZZZZ/static/app.js",
    ] {
        assert_eq!(get(addr, path).status, 404, "{path}");
    }
    assert_eq!(
        post(
            addr,
            "/ZZZZZ/vote",
            &json!({"token": ok, "question": q, "option": 0})
        )
        .status,
        404
    );
    let landing = get(addr, "/?code=zzzzz");
    assert_eq!(landing.status, 404);
    let right = get(
        addr,
        &format!("/?code={}", host.server.code().to_lowercase()),
    );
    assert_eq!(right.status, 303, "the right code, typed in lower case");
    assert_eq!(
        right.header("location"),
        Some(format!("/{}/?lang=en", host.server.code()))
    );

    // Malformed JSON, wrong fields and types, a missing content type.
    let join_path = host.path("join");
    for body in [
        "{",
        "nickname=Ann",
        "[]",
        "{\"nickname\": 5}",
        "{\"nick\": \"A\"}",
    ] {
        let r = request(addr, "POST", &join_path, &json_header, body.as_bytes());
        assert!((400..500).contains(&r.status), "{body}: {}", r.status);
    }
    let r = request(addr, "POST", &join_path, &[], b"{\"nickname\":\"A\"}");
    assert_eq!(r.status, 415);
    let r = request(
        addr,
        "POST",
        &host.path("vote"),
        &json_header,
        format!("{{\"token\":\"{ok}\",\"question\":{q},\"option\":300}}").as_bytes(),
    );
    assert!(
        (400..500).contains(&r.status),
        "option out of u8: {}",
        r.status
    );

    // An oversized body.
    let big = format!("{{\"nickname\":\"{}\"}}", "a".repeat(MAX_BODY_BYTES * 64));
    let r = request(addr, "POST", &join_path, &json_header, big.as_bytes());
    assert_eq!(r.status, 413);

    // Nicknames: too long, empty, control characters; teams out of range.
    let bad = [
        (
            json!({"nickname": "я".repeat(25), "team": 0}),
            "nickname-long",
        ),
        (json!({"nickname": "   ", "team": 0}), "nickname-empty"),
        (
            json!({"nickname": "a\u{1b}[31m", "team": 0}),
            "nickname-chars",
        ),
        (json!({"nickname": "Ann", "team": 2}), "team"),
        (json!({"nickname": "Ann"}), "team"),
    ];
    for (body, key) in bad {
        let r = post(addr, &join_path, &body);
        assert_eq!(r.status, 400, "{body}");
        assert_eq!(r.json()["error"], key);
    }
    // A nickname with markup is a name like any other: it travels as data, never as markup.
    let tag = join(&host, "<b>Zed</b>", Some(0));
    host.take(1);
    let mut s = Stream::open(addr, &format!("{}?token={tag}", host.path("events")));
    assert_eq!(s.next_state().unwrap()["nickname"], "<b>Zed</b>");
    drop(s);

    // Unknown tokens, out-of-range options, stale questions.
    assert_eq!(vote(&host, "feedface", q, 0), 404);
    assert_eq!(vote(&host, &ok, q, 3), 400);
    assert_eq!(vote(&host, &ok, q + 1, 0), 409);
    assert_eq!(
        get(addr, &format!("{}?token=nope", host.path("events"))).status,
        404
    );

    // Static files come from a fixed table: no way out of it.
    assert_eq!(get(addr, &host.path("static/app.js")).status, 200);
    for path in [
        "static/../../Cargo.toml",
        "static/..%2F..%2FCargo.toml",
        "static/%2e%2e/Cargo.toml",
        "static/style.css%00.js",
        "static//etc/passwd",
    ] {
        let r = get(addr, &host.path(path));
        assert!((400..500).contains(&r.status), "{path}: {}", r.status);
        assert!(!r.body.contains("[package]"));
    }

    // The trainer's controls do not exist over HTTP.
    for path in [
        "open", "close", "reveal", "remove", "end", "next", "admin", "pick",
    ] {
        let r = post(addr, &host.path(path), &json!({ "token": ok }));
        assert_eq!(r.status, 404, "{path}");
        assert_eq!(get(addr, &host.path(path)).status, 404, "{path}");
    }
    assert_eq!(get(addr, &host.path("vote")).status, 405);

    // One participant flooding: after a burst, 429.
    let statuses: Vec<u16> = (0..30).map(|_| vote(&host, &ok, q, 0)).collect();
    assert!(statuses.contains(&429), "{statuses:?}");
    assert_eq!(statuses[0], 200);
    host.take(statuses.iter().filter(|s| **s == 200).count());
    // Too many live connections for one participant.
    let streams: Vec<Stream> = (0..5)
        .map(|_| {
            std::thread::sleep(Duration::from_millis(300));
            Stream::open(addr, &format!("{}?token={ok}", host.path("events")))
        })
        .collect();
    assert_eq!(streams[3].status, 200);
    assert_eq!(streams[4].status, 429);
    drop(streams);

    // A flood of fake joins stops at the cap (4 here; 300 by default).
    let codes: Vec<u16> = (0..10)
        .map(|i| {
            post(
                addr,
                &join_path,
                &json!({"nickname": format!("fake{i}"), "team": 0}),
            )
            .status
        })
        .collect();
    assert_eq!(codes.iter().filter(|c| **c == 201).count(), 2, "{codes:?}");
    assert!(codes[2..].iter().all(|c| *c == 403), "{codes:?}");
    let floods = host.take(2);
    assert_eq!(floods.len(), 2);

    // The session went on through all of it: a fresh participant's vote still counts.
    std::thread::sleep(Duration::from_millis(600));
    host.server.send(Command::Remove(ParticipantId(3)));
    host.room.remove(ParticipantId(3));
    std::thread::sleep(Duration::from_millis(100));
    let late = join(&host, "Late", Some(0));
    let before = host.room.voted_count();
    assert_eq!(vote(&host, &late, q, 2), 200);
    let evs = host.take(2);
    assert!(matches!(evs[1], Event::Voted { option: 2, .. }));
    assert_eq!(host.room.voted_count(), before + 1);
}
