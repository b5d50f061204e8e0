//! Load benchmark of the phone server: 1,000 simulated phones join, each holds a live Server-Sent
//! Events connection, and all vote within 2 seconds. It reports lost votes and the time from each
//! vote's request to its count in the host's room (p50, p99, max).
//!
//! Run with `cargo bench --no-default-features --bench team_load` (no Bevy needed). It talks to
//! 127.0.0.1 only, every wait is bounded, and it stops by itself. It needs about 2,100 open files
//! (`ulimit -n 4096` if the limit is lower). Target: 0 votes lost, p99 at most 100 ms on a 2-core
//! machine.

use client_first::engine::text::{Lang, Text};
use client_first::team::room::{Kind, ParticipantId, Room};
use client_first::team::server::{Command, Event, OpenQuestion, ServerConfig, TeamServer};
use std::collections::HashMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const PHONES: usize = 1_000;
/// Votes are spread evenly over this window, as a room answering a question.
const WINDOW: Duration = Duration::from_secs(2);
/// Every phase of the benchmark must finish within this time.
const PATIENCE: Duration = Duration::from_secs(60);
/// How long the quiet room is measured: longer than one keep-alive interval of the live connections.
const IDLE: Duration = Duration::from_secs(16);

/// One HTTP request on a fresh connection, as a phone that woke up sends it; returns status and body.
async fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    body: &str,
) -> std::io::Result<(u16, String)> {
    let mut s = TcpStream::connect(addr).await?;
    s.set_nodelay(true)?;
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).await?;
    let mut out = String::new();
    s.read_to_string(&mut out).await?;
    let status = out
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = out.split("\r\n\r\n").nth(1).unwrap_or_default().to_string();
    Ok((status, body))
}

/// Holds a live connection and waits until it shows an open question; returns when it did.
async fn wait_open(
    addr: SocketAddr,
    path: String,
    ready: tokio::sync::mpsc::Sender<()>,
) -> Option<Instant> {
    let mut s = TcpStream::connect(addr).await.ok()?;
    let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n");
    s.write_all(req.as_bytes()).await.ok()?;
    let mut lines = BufReader::new(s).lines();
    let mut first = true;
    while let Ok(Some(line)) = lines.next_line().await {
        if let Some(data) = line.strip_prefix("data: ") {
            if first {
                first = false;
                let _ = ready.send(()).await;
            }
            if data.contains("\"phase\":\"open\"") {
                return Some(Instant::now());
            }
        }
    }
    None
}

/// Holds a live connection, reading whatever comes, until the task is aborted.
async fn hold(addr: SocketAddr, path: String, ready: tokio::sync::mpsc::Sender<()>) {
    let Ok(mut s) = TcpStream::connect(addr).await else {
        return;
    };
    let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n");
    if s.write_all(req.as_bytes()).await.is_err() {
        return;
    }
    let mut lines = BufReader::new(s).lines();
    let mut first = true;
    while let Ok(Some(line)) = lines.next_line().await {
        if first && line.starts_with("data: ") {
            first = false;
            let _ = ready.send(()).await;
        }
    }
}

/// CPU time used by this process so far (user + system), from Linux's /proc; `None` elsewhere.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // Linux reports these in clock ticks of 1/100 s on every common configuration.
    Some(Duration::from_millis(ticks * 10))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing and expects a quick run.
    if !std::env::args().any(|a| a == "--bench") {
        println!("team_load: run with `cargo bench --no-default-features --bench team_load`");
        return;
    }
    let mut config = ServerConfig::new(Ipv4Addr::LOCALHOST.into(), Lang::En);
    config.max_participants = PHONES;
    let (wake_tx, wake_rx) = mpsc::channel::<()>();
    let wake_tx = Mutex::new(wake_tx);
    let server = Arc::new(
        TeamServer::start(
            config,
            Box::new(move || {
                let _ = wake_tx.lock().map(|t| t.send(()));
            }),
        )
        .expect("the server starts on 127.0.0.1"),
    );
    let addr = server.addr();
    let code = server.code().to_string();

    // The host: wakes on the callback, drains events into its room and notes when each vote counted.
    let counted: Arc<Mutex<HashMap<ParticipantId, Instant>>> = Arc::default();
    let host_counted = counted.clone();
    let host_server = server.clone();
    let (stop_tx, stop_rx) = mpsc::channel::<()>();
    let host = std::thread::spawn(move || {
        let mut room = Room::new(vec![], PHONES);
        // The host's question 1, the one the phones will see.
        room.open(4, Kind::Decision, Duration::ZERO).expect("valid");
        let start = Instant::now();
        while start.elapsed() < PATIENCE * 3 && stop_rx.try_recv().is_err() {
            let _ = wake_rx.recv_timeout(Duration::from_millis(500));
            for e in host_server.events() {
                let counts = e.apply(&mut room);
                if let Event::Voted { id, .. } = e
                    && counts
                {
                    host_counted
                        .lock()
                        .expect("lock")
                        .insert(id, Instant::now());
                }
            }
        }
        room.voted_count()
    });

    let srv = server.clone();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let report = rt.block_on(async move {
        // 1. Joins, 50 at a time.
        let t = Instant::now();
        let mut tokens: Vec<(ParticipantId, String)> = Vec::with_capacity(PHONES);
        for batch in (0..PHONES).collect::<Vec<_>>().chunks(50) {
            let mut set = tokio::task::JoinSet::new();
            for i in batch {
                let path = format!("/{code}/join");
                let body = format!("{{\"nickname\":\"phone {i}\"}}");
                set.spawn(async move { http(addr, "POST", &path, &body).await });
            }
            while let Some(r) = set.join_next().await {
                let (status, body) = r.expect("task").expect("join request");
                assert_eq!(status, 201, "join: {body}");
                let v: serde_json::Value = serde_json::from_str(&body).expect("json");
                tokens.push((
                    ParticipantId(v["id"].as_u64().expect("id") as u32),
                    v["token"].as_str().expect("token").to_string(),
                ));
            }
        }
        let join_time = t.elapsed();

        // 2. Live connections: every phone holds one and waits for the question.
        let t = Instant::now();
        let (ready_tx, mut ready_rx) = tokio::sync::mpsc::channel(PHONES);
        let mut streams = tokio::task::JoinSet::new();
        for (_, token) in &tokens {
            let path = format!("/{code}/events?token={token}");
            streams.spawn(wait_open(addr, path, ready_tx.clone()));
        }
        for _ in 0..PHONES {
            tokio::time::timeout(PATIENCE, ready_rx.recv())
                .await
                .expect("every live connection gets its first state");
        }
        let connect_time = t.elapsed();

        // 3. The question opens; each phone sees it live, then votes at its moment in the window.
        let opened = Instant::now();
        srv.send(Command::Open(OpenQuestion {
            number: 1,
            prompt: Text::new("Вопрос", "Question"),
            options: (0..4)
                .map(|i| Text::new(format!("{i}"), format!("{i}")))
                .collect(),
            kind: Kind::Decision,
            limit: Duration::ZERO,
        }));
        let mut seen = vec![];
        while let Some(r) = tokio::time::timeout(PATIENCE, streams.join_next())
            .await
            .expect("every phone sees the question")
        {
            seen.push(r.expect("task").expect("open seen") - opened);
        }
        seen.sort();
        let start = Instant::now();
        let mut votes = tokio::task::JoinSet::new();
        for (n, (id, token)) in tokens.iter().enumerate() {
            let at = start + WINDOW.mul_f64(n as f64 / PHONES as f64);
            let path = format!("/{code}/vote");
            let body = format!(
                "{{\"token\":\"{token}\",\"question\":1,\"option\":{}}}",
                n % 4
            );
            let id = *id;
            votes.spawn(async move {
                tokio::time::sleep_until(tokio::time::Instant::from_std(at)).await;
                let sent = Instant::now();
                let (status, _) = http(addr, "POST", &path, &body)
                    .await
                    .unwrap_or((0, String::new()));
                (id, sent, status)
            });
        }
        let mut sent = HashMap::new();
        let mut refused = 0;
        while let Some(r) = tokio::time::timeout(PATIENCE, votes.join_next())
            .await
            .expect("votes finish")
        {
            let (id, at, status) = r.expect("task");
            if status == 200 {
                sent.insert(id, at);
            } else {
                refused += 1;
            }
        }
        let vote_window = start.elapsed();

        // 5. A quiet room: every phone holds its live connection and nothing happens. The whole
        // process (server and simulated phones) should then use next to no CPU.
        let (ready_tx, mut ready_rx) = tokio::sync::mpsc::channel(PHONES);
        let mut idle = tokio::task::JoinSet::new();
        for (_, token) in &tokens {
            let path = format!("/{code}/events?token={token}");
            idle.spawn(hold(addr, path, ready_tx.clone()));
        }
        for _ in 0..PHONES {
            tokio::time::timeout(PATIENCE, ready_rx.recv())
                .await
                .expect("every live connection gets its first state");
        }
        let before = cpu_time();
        tokio::time::sleep(IDLE).await;
        let idle_cpu = cpu_time().zip(before).map(|(a, b)| a.saturating_sub(b));
        idle.abort_all();
        (
            join_time,
            connect_time,
            seen,
            sent,
            refused,
            vote_window,
            idle_cpu,
        )
    });
    let (join_time, connect_time, seen, sent, refused, vote_window, idle_cpu) = report;

    // Give the host a bounded moment to count the last votes.
    let deadline = Instant::now() + Duration::from_secs(5);
    while counted.lock().expect("lock").len() < sent.len() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = stop_tx.send(());
    let host_count = host.join().expect("host thread");
    let counted = counted.lock().expect("lock").clone();
    let mut latencies: Vec<Duration> = sent
        .iter()
        .filter_map(|(id, at)| counted.get(id).map(|c| c.saturating_duration_since(*at)))
        .collect();
    latencies.sort();
    let lost = sent.len() - latencies.len();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("team_load: {PHONES} phones on 127.0.0.1");
    println!("  joins: {:.0} ms for all", ms(join_time));
    println!(
        "  live connections: all {PHONES} got their first state in {:.0} ms",
        ms(connect_time)
    );
    println!(
        "  question seen live: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms after the host opened it",
        ms(percentile(&seen, 0.5)),
        ms(percentile(&seen, 0.99)),
        ms(percentile(&seen, 1.0))
    );
    println!(
        "  votes: {} accepted, {refused} refused, {lost} lost, {host_count} in the host's room, sent over {:.0} ms",
        sent.len(),
        ms(vote_window)
    );
    println!(
        "  vote -> counted in host state: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        ms(percentile(&latencies, 0.5)),
        ms(percentile(&latencies, 0.99)),
        ms(percentile(&latencies, 1.0))
    );
    if let Some(cpu) = idle_cpu {
        println!(
            "  quiet room, {PHONES} live connections held for {} s: {:.0} ms of CPU ({:.2}% of one core)",
            IDLE.as_secs(),
            ms(cpu),
            100.0 * cpu.as_secs_f64() / IDLE.as_secs_f64()
        );
    }
    drop(server);
    assert_eq!(lost, 0, "votes lost");
    assert_eq!(refused, 0, "votes refused");
    assert_eq!(
        host_count, PHONES,
        "every phone's vote is in the host's room"
    );
}
