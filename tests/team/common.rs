//! A small HTTP/1.1 client over plain sockets, so the tests speak to the real server exactly as a
//! phone does (including Server-Sent Events), and a host loop that mirrors the server's events.

use client_first::engine::text::{Lang, Text};
use client_first::team::room::{Kind, Room};
use client_first::team::server::{Command, Event, OpenQuestion, ServerConfig, TeamServer};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The longest any test waits for anything: bounded loops only.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// A response: status, raw headers and the decoded body.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: String,
    pub body: String,
}

impl Resp {
    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }

    /// A header's value, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    }
}

fn connect(addr: SocketAddr) -> TcpStream {
    let s = TcpStream::connect_timeout(&addr, PATIENCE).expect("server accepts connections");
    s.set_read_timeout(Some(PATIENCE)).expect("socket option");
    s.set_write_timeout(Some(PATIENCE)).expect("socket option");
    s
}

/// Sends one request and reads the whole answer.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Resp {
    let mut s = connect(addr);
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    // The server may answer and close before reading an oversized body; that is fine.
    let _ = s
        .write_all(head.as_bytes())
        .and_then(|()| s.write_all(body));
    let mut reader = BufReader::new(s);
    let (status, headers) = read_head(&mut reader);
    let chunked = headers
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked");
    let length = headers.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case("content-length")
            .then(|| v.trim().parse::<usize>().ok())?
    });
    let mut raw = vec![];
    if chunked {
        while let Some(chunk) = read_chunk(&mut reader) {
            raw.extend(chunk);
        }
    } else if let Some(n) = length {
        // Some servers (chromedriver) keep the connection open: read exactly the body.
        raw.resize(n, 0);
        let _ = reader.read_exact(&mut raw);
    } else {
        let _ = reader.read_to_end(&mut raw);
    }
    Resp {
        status,
        headers,
        body: String::from_utf8_lossy(&raw).into_owned(),
    }
}

fn read_head(reader: &mut impl BufRead) -> (u16, String) {
    let mut status_line = String::new();
    reader.read_line(&mut status_line).expect("a status line");
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let mut headers = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        headers.push_str(&line);
    }
    (status, headers)
}

fn read_chunk(reader: &mut impl BufRead) -> Option<Vec<u8>> {
    let mut size = String::new();
    if reader.read_line(&mut size).ok()? == 0 {
        return None;
    }
    let n = usize::from_str_radix(size.trim(), 16).ok()?;
    if n == 0 {
        return None;
    }
    let mut chunk = vec![0; n + 2];
    reader.read_exact(&mut chunk).ok()?;
    chunk.truncate(n);
    Some(chunk)
}

/// POSTs JSON.
pub fn post(addr: SocketAddr, path: &str, body: &Value) -> Resp {
    request(
        addr,
        "POST",
        path,
        &[("Content-Type", "application/json")],
        body.to_string().as_bytes(),
    )
}

/// GETs a path.
pub fn get(addr: SocketAddr, path: &str) -> Resp {
    request(addr, "GET", path, &[], b"")
}

/// A live connection to `/CODE/events`, as a phone's `EventSource` holds it.
pub struct Stream {
    reader: BufReader<TcpStream>,
    buffer: String,
    pub status: u16,
}

impl Stream {
    pub fn open(addr: SocketAddr, path: &str) -> Stream {
        let mut s = connect(addr);
        let head =
            format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n");
        s.write_all(head.as_bytes()).expect("request sent");
        let mut reader = BufReader::new(s);
        let (status, _) = read_head(&mut reader);
        Stream {
            reader,
            buffer: String::new(),
            status,
        }
    }

    /// The next `state` event's data, or `None` when the server ended the stream.
    pub fn next_state(&mut self) -> Option<Value> {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let event: String = self.buffer.drain(..end + 2).collect();
                if let Some(data) = event.lines().find_map(|l| l.strip_prefix("data: ")) {
                    return serde_json::from_str(data).ok();
                }
                continue;
            }
            let chunk = read_chunk(&mut self.reader)?;
            self.buffer.push_str(&String::from_utf8_lossy(&chunk));
        }
    }

    /// Reads states until one satisfies `pred`.
    pub fn wait_for(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            match self.next_state() {
                Some(s) if pred(&s) => return s,
                Some(_) => {}
                None => panic!("the stream ended while waiting for {what}"),
            }
        }
        panic!("no state with {what} within {PATIENCE:?}");
    }
}

/// A running server, with the host's side: its room mirrored from the events and a count of wakes.
pub struct Host {
    pub server: TeamServer,
    pub room: Room,
    pub wakes: Arc<AtomicUsize>,
}

impl Host {
    pub fn start(teams: Vec<String>, max_participants: usize) -> Host {
        let mut config = ServerConfig::new(Ipv4Addr::LOCALHOST.into(), Lang::En);
        config.teams = Room::teams_named(&teams);
        config.max_participants = max_participants;
        let wakes = Arc::new(AtomicUsize::new(0));
        let w = wakes.clone();
        let server = TeamServer::start(
            config.clone(),
            Box::new(move || {
                w.fetch_add(1, Ordering::SeqCst);
            }),
        )
        .expect("the server starts on 127.0.0.1");
        Host {
            server,
            room: Room::new(config.teams, max_participants),
            wakes,
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.server.addr()
    }

    /// A path under the room code.
    pub fn path(&self, rest: &str) -> String {
        format!("/{}/{rest}", self.server.code())
    }

    /// Waits for `n` events and applies them to the host's room, as the game does.
    pub fn take(&mut self, n: usize) -> Vec<Event> {
        let start = Instant::now();
        let mut got = vec![];
        while got.len() < n && start.elapsed() < PATIENCE {
            let batch = self.server.events();
            if batch.is_empty() {
                std::thread::sleep(Duration::from_millis(5));
            }
            got.extend(batch);
        }
        assert_eq!(got.len(), n, "events: {got:?}");
        for e in &got {
            assert!(e.apply(&mut self.room), "the host's room takes {e:?}");
        }
        got
    }

    /// Opens a question in the host's room and on the phones.
    pub fn open(&mut self, options: &[(&str, &str)], kind: Kind, limit: Duration) -> u32 {
        let number = self
            .room
            .open(options.len() as u8, kind, limit)
            .expect("valid question");
        self.server.send(Command::Open(OpenQuestion {
            number,
            prompt: Text::new("Клиент ждёт ответа", "The client waits for an answer"),
            options: options.iter().map(|(ru, en)| Text::new(*ru, *en)).collect(),
            kind,
            limit,
        }));
        number
    }

    /// Reveals in the host's room and on the phones.
    pub fn reveal(&mut self) -> client_first::team::room::Reveal {
        let r = self.room.reveal().expect("a question is open");
        self.server.send(Command::Reveal(r.clone()));
        r
    }
}

/// Joins and returns the token.
pub fn join(host: &Host, nickname: &str, team: Option<usize>) -> String {
    let r = post(
        host.addr(),
        &host.path("join"),
        &serde_json::json!({ "nickname": nickname, "team": team }),
    );
    assert_eq!(r.status, 201, "{r:?}");
    r.json()["token"].as_str().expect("a token").to_string()
}

/// Votes and returns the status.
pub fn vote(host: &Host, token: &str, question: u32, option: u8) -> u16 {
    post(
        host.addr(),
        &host.path("vote"),
        &serde_json::json!({ "token": token, "question": question, "option": option }),
    )
    .status
}
