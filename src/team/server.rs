//! The phone server of a team session: a small web server on the local network that serves the
//! phone page, takes joins and votes, and pushes live state to every phone by Server-Sent Events.
//!
//! It runs on its own OS thread with its own tokio runtime, so the game's frame loop never waits on
//! the network. The game (the host) talks to it only through channels: it sends [`Command`]s and
//! drains [`Event`]s, and a wake callback lets the server rouse the game's reactive loop after each
//! event. Only the phones' actions (join, vote, leave) exist as HTTP routes: the trainer's controls
//! are commands from the host and are never reachable over the network. Every route sits under a
//! random room code; bodies, nicknames, request rates and the number of participants are bounded,
//! and every bad request gets a 4xx answer while the session goes on.
//!
//! How the host uses it (see `examples/team_demo.rs` for a runnable host):
//! 1. list [`addresses`] for the trainer, then [`TeamServer::start`] with a [`ServerConfig`] and a
//!    wake closure; show [`TeamServer::url`] as a QR code and [`TeamServer::code`] big;
//! 2. keep a [`Room`] with the same teams and cap; on every wake, drain [`TeamServer::events`] and
//!    [`Event::apply`] each one to that room (it is the authority for counts and points);
//! 3. for each decision or quiz question: `room.open(..)`, then [`Command::Open`] with the same number;
//!    call `room.tick(elapsed)` each frame of the countdown and send [`Command::Close`] when it closes
//!    (or on the clicker: `room.close(..)` and the same command); `room.reveal()` and
//!    [`Command::Reveal`] with its result; [`Command::Remove`] mirrors `room.remove(..)`;
//! 4. drop the server, or [`TeamServer::end`], when the session ends.

use crate::engine::text::{Lang, Text};
use crate::team::page;
use crate::team::room::{
    Choice, JoinError, Kind, ParticipantId, Phase, Reveal, Room, Team, VoteError,
};
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use std::collections::HashMap;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard, mpsc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use tokio::sync::{mpsc as tmpsc, oneshot, watch};

/// The largest request body accepted: a join or a vote is well under 200 bytes.
pub const MAX_BODY_BYTES: usize = 2048;
/// The default cap on participants, well above a training room, against a flood of fake joins.
pub const DEFAULT_MAX_PARTICIPANTS: usize = 300;
/// Live connections one participant may hold at once (a phone and a reloaded tab or two).
pub const MAX_STREAMS_PER_PARTICIPANT: usize = 4;
/// Requests one participant may make in a burst before the rate limit applies.
const RATE_BURST: f64 = 8.0;
/// Requests per second one participant may make over time: far more than a person taps.
const RATE_PER_SECOND: f64 = 4.0;
/// The letters of a room code: no 0/O or 1/I, so it reads well from the back row.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/// Length of a room code: 32^5 is about 33 million codes.
const CODE_LEN: usize = 5;
/// How long the phones wait before reconnecting a dropped live connection.
const RECONNECT: Duration = Duration::from_secs(2);

/// How to start the server.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The address to bind, chosen by the trainer from [`addresses`] (or 127.0.0.1 in tests).
    pub ip: IpAddr,
    /// The port; 0 lets the system pick a free one.
    pub port: u16,
    /// The teams phones can pick; empty when everyone plays for themselves.
    pub teams: Vec<Team>,
    /// The most participants admitted.
    pub max_participants: usize,
    /// The phone page's language when the phone asks for neither Russian nor English.
    pub lang: Lang,
}

impl ServerConfig {
    /// A server on `ip`, any free port, no teams, the default cap.
    pub fn new(ip: IpAddr, lang: Lang) -> Self {
        Self {
            ip,
            port: 0,
            teams: vec![],
            max_participants: DEFAULT_MAX_PARTICIPANTS,
            lang,
        }
    }
}

/// A question as the phones show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenQuestion {
    /// The host's question number, which phones send back with their votes.
    pub number: u32,
    /// The question or the client's line, in both languages (may be empty: the projector has it).
    pub prompt: Text,
    /// The options A–D, in both languages (2–4 of them).
    pub options: Vec<Text>,
    /// Decision or quiz (the phones never learn the correct option before the reveal).
    pub kind: Kind,
    /// The voting time; zero means no limit.
    pub limit: Duration,
}

/// What the host tells the server.
#[derive(Debug, Clone)]
pub enum Command {
    /// Open a question for votes (closing any open one).
    Open(OpenQuestion),
    /// Close voting on the current question.
    Close,
    /// Show the result on the phones: the host's reveal, which is authoritative for points.
    Reveal(Reveal),
    /// Remove a participant (the trainer's decision in the lobby).
    Remove(ParticipantId),
    /// End the session: phones show the end, the server stops.
    End,
}

/// What the server tells the host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Someone joined.
    Joined {
        /// Their number, the same the host's room must use (`Room::join_as`).
        id: ParticipantId,
        /// Their nickname, already checked.
        nickname: String,
        /// Their team.
        team: Option<usize>,
    },
    /// Someone voted (or changed their vote) on the open question.
    Voted {
        /// Who.
        id: ParticipantId,
        /// The host's question number.
        question: u32,
        /// The option, 0 for A.
        option: u8,
        /// Time from the opening of the question, stamped by the server, for speed points.
        elapsed: Duration,
    },
    /// Someone left by their own choice.
    Left {
        /// Who.
        id: ParticipantId,
    },
}

impl Event {
    /// Applies the event to the host's room, so that it mirrors the server's: a join under the same
    /// number, a vote with the server's time stamp, a departure. Returns false when the host's room
    /// refuses it (for example a vote that arrived after the host closed voting), which the host
    /// may ignore: its room is the authority for the count.
    pub fn apply(&self, room: &mut Room) -> bool {
        match self {
            Event::Joined { id, nickname, team } => room.join_as(*id, nickname, *team).is_ok(),
            Event::Voted {
                id,
                question,
                option,
                elapsed,
            } => room.vote(*id, *question, *option, *elapsed).is_ok(),
            Event::Left { id } => room.remove(*id),
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The address could not be bound (taken, or not this machine's).
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address tried.
        addr: SocketAddr,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The runtime or its thread could not start.
    #[error("cannot start the server thread: {0}")]
    Thread(std::io::Error),
}

/// One network address of this machine, for the trainer to pick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetAddress {
    /// The adapter's name, such as `wlan0` or `Wi-Fi`.
    pub adapter: String,
    /// The address.
    pub ip: IpAddr,
    /// Whether it is the loopback, which phones cannot reach.
    pub loopback: bool,
    /// Whether the adapter looks virtual (containers, VMs, VPNs), which phones rarely reach.
    pub virtual_adapter: bool,
}

/// This machine's network addresses, most useful first: real adapters' IPv4, then IPv6, then
/// virtual adapters, then loopback.
pub fn addresses() -> Vec<NetAddress> {
    let mut out: Vec<NetAddress> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .map(|i| NetAddress {
            virtual_adapter: is_virtual(&i.name),
            loopback: i.is_loopback(),
            ip: i.ip(),
            adapter: i.name,
        })
        .filter(|a| !matches!(a.ip, IpAddr::V6(v6) if (v6.segments()[0] & 0xffc0) == 0xfe80))
        .collect();
    out.sort_by_key(|a| {
        (
            a.loopback,
            a.virtual_adapter,
            a.ip.is_ipv6(),
            a.adapter.clone(),
        )
    });
    out
}

/// Adapter names of containers, virtual machines and VPNs on Linux, macOS and Windows.
fn is_virtual(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [
        "docker",
        "veth",
        "br-",
        "virbr",
        "vmnet",
        "vboxnet",
        "tun",
        "tap",
        "wg",
        "zt",
        "tailscale",
        "utun",
        "virtualbox",
        "vmware",
        "hyper-v",
        "vethernet",
        "lxc",
        "lxd",
        "podman",
        "cni",
        "flannel",
        "awdl",
        "llw",
        "anpi",
        "bridge",
    ]
    .iter()
    .any(|p| n.starts_with(p) || n.contains(&format!(" {p}")))
}

/// A fresh room code such as `K7TQM`.
pub fn new_room_code() -> String {
    (0..CODE_LEN)
        .map(|_| {
            let i = rand::random_range(0..CODE_ALPHABET.len());
            char::from(CODE_ALPHABET[i])
        })
        .collect()
}

/// The running server. Dropping it (or calling [`TeamServer::end`]) stops the server and joins its
/// thread.
pub struct TeamServer {
    addr: SocketAddr,
    code: String,
    commands: tmpsc::UnboundedSender<Command>,
    events: Mutex<mpsc::Receiver<Event>>,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for TeamServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TeamServer")
            .field("addr", &self.addr)
            .field("code", &self.code)
            .finish_non_exhaustive()
    }
}

impl TeamServer {
    /// Binds the address and starts the server on its own thread. `wake` is called after every
    /// event, from the server's thread; the game passes a closure that wakes its event loop.
    pub fn start(
        config: ServerConfig,
        wake: Box<dyn Fn() + Send + Sync>,
    ) -> Result<Self, ServerError> {
        let addr = SocketAddr::new(config.ip, config.port);
        let listener = std::net::TcpListener::bind(addr)
            .and_then(|l| l.set_nonblocking(true).map(|()| l))
            .map_err(|source| ServerError::Bind { addr, source })?;
        let addr = listener
            .local_addr()
            .map_err(|source| ServerError::Bind { addr, source })?;
        let code = new_room_code();
        let (cmd_tx, cmd_rx) = tmpsc::unbounded_channel();
        let (ev_tx, ev_rx) = mpsc::channel();
        let (stop_tx, stop_rx) = oneshot::channel();
        let (changes, _) = watch::channel(0u64);
        let shared = Arc::new(Shared {
            code: code.clone(),
            default_lang: config.lang,
            state: Mutex::new(RoomState {
                room: Room::new(config.teams, config.max_participants),
                tokens: HashMap::new(),
                people: HashMap::new(),
                question: None,
                opened_at: Instant::now(),
                reveal: None,
                ended: false,
            }),
            events: ev_tx,
            wake,
            changes,
        });
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("team-server")
            .enable_all()
            .build()
            .map_err(ServerError::Thread)?;
        let thread = std::thread::Builder::new()
            .name("team-server".into())
            .spawn(move || run(runtime, listener, shared, cmd_rx, stop_rx))
            .map_err(ServerError::Thread)?;
        Ok(Self {
            addr,
            code,
            commands: cmd_tx,
            events: Mutex::new(ev_rx),
            stop: Some(stop_tx),
            thread: Some(thread),
        })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The room code, shown big on the projector.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The page's address for the QR code and the projector, e.g. `http://192.168.1.20:8080/K7TQM/`.
    pub fn url(&self) -> String {
        format!("http://{}/{}/", self.addr, self.code)
    }

    /// The address without the code, for people who type it: the page there asks for the code.
    pub fn base_url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Sends a command; it is applied in order on the server's thread. Returns false if the server
    /// has already stopped.
    pub fn send(&self, command: Command) -> bool {
        self.commands.send(command).is_ok()
    }

    /// Every event since the last call, in order, without waiting.
    pub fn events(&self) -> Vec<Event> {
        let rx = self.events.lock().unwrap_or_else(|e| e.into_inner());
        rx.try_iter().collect()
    }

    /// Ends the session and waits for the server's thread to finish.
    pub fn end(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        let _ = self.commands.send(Command::End);
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for TeamServer {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// What the server's tasks share.
struct Shared {
    code: String,
    default_lang: Lang,
    state: Mutex<RoomState>,
    events: mpsc::Sender<Event>,
    wake: Box<dyn Fn() + Send + Sync>,
    /// Bumped on every change the phones must see; each live connection waits on it.
    changes: watch::Sender<u64>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, RoomState> {
        // A panic while holding the lock would be a bug; the state is still consistent enough to
        // keep the room going, which matters more in a training than stopping.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn emit(&self, event: Event) {
        let _ = self.events.send(event);
        (self.wake)();
    }

    fn changed(&self) {
        self.changes.send_modify(|v| *v += 1);
    }
}

/// The server's view of the room.
struct RoomState {
    /// The same rules as the host's room: who is in, which question is open, who voted what.
    room: Room,
    /// Each phone's secret token, kept in its browser, to its participant.
    tokens: HashMap<String, ParticipantId>,
    /// Per participant: rate limit, open streams, points.
    people: HashMap<ParticipantId, Person>,
    /// The open (or last) question as the phones show it.
    question: Option<OpenQuestion>,
    opened_at: Instant,
    /// The host's reveal of the current question.
    reveal: Option<Reveal>,
    ended: bool,
}

/// Per-participant bookkeeping that is no part of the room's rules.
struct Person {
    tokens: f64,
    refilled: Instant,
    streams: usize,
    score: u32,
}

impl Person {
    fn new() -> Self {
        Self {
            tokens: RATE_BURST,
            refilled: Instant::now(),
            streams: 0,
            score: 0,
        }
    }

    /// A token bucket: `RATE_BURST` requests at once, then `RATE_PER_SECOND`.
    fn allow(&mut self) -> bool {
        let now = Instant::now();
        let gained = now.duration_since(self.refilled).as_secs_f64() * RATE_PER_SECOND;
        self.tokens = (self.tokens + gained).min(RATE_BURST);
        self.refilled = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// The server thread: serve until the host stops it, then give open connections a moment to close.
fn run(
    runtime: tokio::runtime::Runtime,
    listener: std::net::TcpListener,
    shared: Arc<Shared>,
    mut commands: tmpsc::UnboundedReceiver<Command>,
    stop: oneshot::Receiver<()>,
) {
    runtime.block_on(async move {
        let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
            return;
        };
        let app = router(shared.clone());
        let (quit_tx, quit_rx) = watch::channel(false);
        let host = shared.clone();
        tokio::spawn(async move {
            while let Some(cmd) = commands.recv().await {
                let end = matches!(cmd, Command::End);
                apply(&host, cmd);
                if end {
                    break;
                }
            }
            // The host hung up or ended: the same as End.
            apply(&host, Command::End);
            let _ = quit_tx.send(true);
        });
        let mut quit = quit_rx.clone();
        let serve = axum::serve(listener, app).with_graceful_shutdown(async move {
            let _ = quit.wait_for(|q| *q).await;
        });
        let serve = Box::pin(async move {
            let _ = serve.await;
        });
        // After the end, live connections close on their own; this bounds the wait for stragglers.
        let mut quit = quit_rx;
        let deadline = Box::pin(async move {
            let _ = stop.await;
            let _ = quit.wait_for(|q| *q).await;
            tokio::time::sleep(Duration::from_millis(500)).await;
        });
        futures_util::future::select(serve, deadline).await;
    });
    runtime.shutdown_timeout(Duration::from_millis(200));
}

/// Applies one of the host's commands.
fn apply(shared: &Shared, cmd: Command) {
    let mut st = shared.lock();
    match cmd {
        Command::Open(q) => {
            let options = q.options.len().min(u8::MAX as usize) as u8;
            if st.room.open(options, q.kind, q.limit).is_err() {
                return;
            }
            st.opened_at = Instant::now();
            st.question = Some(q);
            st.reveal = None;
        }
        Command::Close => {
            st.room.close(crate::team::room::CloseReason::Trainer);
        }
        Command::Reveal(r) => {
            st.room.close(crate::team::room::CloseReason::Trainer);
            // The server's own reveal only moves its room to the revealed phase; the host's result
            // (which may include a trainer's pick or counts by hand) is what phones see.
            let _ = st.room.reveal();
            for (id, pts) in &r.points {
                if let Some(p) = st.people.get_mut(id) {
                    p.score += pts;
                }
            }
            st.reveal = Some(r);
        }
        Command::Remove(id) => {
            st.room.remove(id);
            st.tokens.retain(|_, v| *v != id);
        }
        Command::End => st.ended = true,
    }
    drop(st);
    shared.changed();
}

type AppState = Arc<Shared>;

/// The routes. Everything a phone can do is here; nothing else is reachable.
fn router(shared: AppState) -> Router {
    let c = format!("/{}", shared.code);
    Router::new()
        .route("/", get(landing))
        .route(&c, get(to_room))
        .route(&format!("{c}/"), get(room_page))
        .route(&format!("{c}/static/{{name}}"), get(static_file))
        .route(&format!("{c}/join"), post(join))
        .route(&format!("{c}/me"), post(me))
        .route(&format!("{c}/vote"), post(vote))
        .route(&format!("{c}/leave"), post(leave))
        .route(&format!("{c}/events"), get(events))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(shared)
}

/// The query of a page: an explicit language choice.
#[derive(Deserialize, Default)]
struct PageQuery {
    lang: Option<String>,
    code: Option<String>,
}

/// The page's language: the `lang` query, else the browser's preference, else the session's.
fn page_lang(query: Option<&str>, headers: &HeaderMap, default: Lang) -> Lang {
    if let Some(l) = query.and_then(Lang::from_code) {
        return l;
    }
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.split(',')
                .find_map(|tag| Lang::from_code(tag.split(';').next().unwrap_or_default()))
        })
        .unwrap_or(default)
}

fn html(status: StatusCode, markup: maud::Markup) -> Response {
    (
        status,
        [
            (header::CACHE_CONTROL, "no-store"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
            ),
        ],
        markup,
    )
        .into_response()
}

/// `/`: asks for the room code (for people who typed the address), and sends a right code on.
async fn landing(
    State(s): State<AppState>,
    Query(q): Query<PageQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = page_lang(q.lang.as_deref(), &headers, s.default_lang);
    match q.code.as_deref().map(|c| c.trim().to_ascii_uppercase()) {
        Some(c) if c == s.code => {
            Redirect::to(&format!("/{}/?lang={}", s.code, lang.code())).into_response()
        }
        Some(_) => html(StatusCode::NOT_FOUND, page::landing(lang, true)),
        None => html(StatusCode::OK, page::landing(lang, false)),
    }
}

async fn not_found(State(s): State<AppState>, headers: HeaderMap) -> Response {
    let lang = page_lang(None, &headers, s.default_lang);
    html(StatusCode::NOT_FOUND, page::landing(lang, true))
}

async fn to_room(State(s): State<AppState>) -> Redirect {
    Redirect::to(&format!("/{}/", s.code))
}

async fn room_page(
    State(s): State<AppState>,
    Query(q): Query<PageQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = page_lang(q.lang.as_deref(), &headers, s.default_lang);
    let teams = s.lock().room.teams().to_vec();
    html(StatusCode::OK, page::room(lang, &s.code, &teams))
}

/// The page's script and style, from a fixed table: no name reaches the file system.
async fn static_file(Path(name): Path<String>) -> Response {
    let (body, kind) = match name.as_str() {
        "app.js" => (page::APP_JS, "text/javascript; charset=utf-8"),
        "style.css" => (page::STYLE_CSS, "text/css; charset=utf-8"),
        _ => return (StatusCode::NOT_FOUND, "not found").into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "no-cache"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

/// A refused request: a status and a key the page turns into a sentence in its language.
#[derive(Debug)]
enum ApiError {
    Join(JoinError),
    Vote(VoteError),
    UnknownToken,
    RateLimited,
    TooManyStreams,
    Ended,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, key) = match self {
            ApiError::Join(JoinError::EmptyNickname) => (StatusCode::BAD_REQUEST, "nickname-empty"),
            ApiError::Join(JoinError::NicknameTooLong) => {
                (StatusCode::BAD_REQUEST, "nickname-long")
            }
            ApiError::Join(JoinError::BadCharacters) => (StatusCode::BAD_REQUEST, "nickname-chars"),
            ApiError::Join(JoinError::NoSuchTeam) => (StatusCode::BAD_REQUEST, "team"),
            ApiError::Join(JoinError::RoomFull | JoinError::Duplicate) => {
                (StatusCode::FORBIDDEN, "full")
            }
            ApiError::Vote(VoteError::NoSuchOption) => (StatusCode::BAD_REQUEST, "option"),
            ApiError::Vote(VoteError::UnknownParticipant) | ApiError::UnknownToken => {
                (StatusCode::NOT_FOUND, "unknown")
            }
            ApiError::Vote(VoteError::NotOpen | VoteError::WrongQuestion | VoteError::TooLate) => {
                (StatusCode::CONFLICT, "closed")
            }
            ApiError::RateLimited | ApiError::TooManyStreams => {
                (StatusCode::TOO_MANY_REQUESTS, "rate")
            }
            ApiError::Ended => (StatusCode::GONE, "ended"),
        };
        (status, axum::Json(serde_json::json!({ "error": key }))).into_response()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JoinBody {
    nickname: String,
    #[serde(default)]
    team: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenBody {
    token: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VoteBody {
    token: String,
    question: u32,
    option: u8,
}

async fn join(
    State(s): State<AppState>,
    axum::Json(body): axum::Json<JoinBody>,
) -> Result<Response, ApiError> {
    let mut st = s.lock();
    if st.ended {
        return Err(ApiError::Ended);
    }
    let id = st
        .room
        .join(&body.nickname, body.team)
        .map_err(ApiError::Join)?;
    let token = format!("{:032x}", rand::random::<u128>());
    st.tokens.insert(token.clone(), id);
    st.people.insert(id, Person::new());
    let p = st.room.participant(id).cloned();
    drop(st);
    let Some(p) = p else {
        return Err(ApiError::UnknownToken);
    };
    s.emit(Event::Joined {
        id,
        nickname: p.nickname.clone(),
        team: p.team,
    });
    Ok((
        StatusCode::CREATED,
        axum::Json(serde_json::json!({
            "token": token, "id": id.0, "nickname": p.nickname, "team": p.team,
        })),
    )
        .into_response())
}

/// Finds the participant of a token and charges one request to their rate limit.
fn participant(st: &mut RoomState, token: &str) -> Result<ParticipantId, ApiError> {
    let id = *st.tokens.get(token).ok_or(ApiError::UnknownToken)?;
    let person = st.people.get_mut(&id).ok_or(ApiError::UnknownToken)?;
    if !person.allow() {
        return Err(ApiError::RateLimited);
    }
    Ok(id)
}

/// A phone that reloads or wakes asks who it is: the answer lets it skip the join form.
async fn me(
    State(s): State<AppState>,
    axum::Json(body): axum::Json<TokenBody>,
) -> Result<axum::Json<serde_json::Value>, ApiError> {
    let mut st = s.lock();
    let id = participant(&mut st, &body.token)?;
    let p = st.room.participant(id).ok_or(ApiError::UnknownToken)?;
    Ok(axum::Json(serde_json::json!({
        "id": id.0, "nickname": p.nickname, "team": p.team,
    })))
}

async fn vote(
    State(s): State<AppState>,
    axum::Json(body): axum::Json<VoteBody>,
) -> Result<axum::Json<serde_json::Value>, ApiError> {
    let mut st = s.lock();
    if st.ended {
        return Err(ApiError::Ended);
    }
    let id = participant(&mut st, &body.token)?;
    let Some(room_number) = st.room.current().map(|q| q.number) else {
        return Err(ApiError::Vote(VoteError::NotOpen));
    };
    // Phones know the host's numbers; the server's room numbers its own questions.
    if st.question.as_ref().map(|q| q.number) != Some(body.question) {
        return Err(ApiError::Vote(VoteError::WrongQuestion));
    }
    let elapsed = st.opened_at.elapsed();
    st.room
        .vote(id, room_number, body.option, elapsed)
        .map_err(ApiError::Vote)?;
    drop(st);
    s.emit(Event::Voted {
        id,
        question: body.question,
        option: body.option,
        elapsed,
    });
    Ok(axum::Json(serde_json::json!({
        "question": body.question, "option": body.option,
    })))
}

async fn leave(
    State(s): State<AppState>,
    axum::Json(body): axum::Json<TokenBody>,
) -> Result<StatusCode, ApiError> {
    let mut st = s.lock();
    let id = participant(&mut st, &body.token)?;
    st.room.remove(id);
    st.tokens.retain(|_, v| *v != id);
    drop(st);
    s.emit(Event::Left { id });
    s.changed();
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct EventsQuery {
    token: String,
    lang: Option<String>,
}

/// Releases a participant's live-connection slot when the connection closes.
struct StreamSlot {
    shared: AppState,
    id: ParticipantId,
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        if let Some(p) = self.shared.lock().people.get_mut(&self.id) {
            p.streams = p.streams.saturating_sub(1);
        }
    }
}

/// The live connection: the phone's whole state at once, then again after every change.
async fn events(
    State(s): State<AppState>,
    Query(q): Query<EventsQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = page_lang(q.lang.as_deref(), &headers, s.default_lang);
    let id = {
        let mut st = s.lock();
        let id = participant(&mut st, &q.token)?;
        let person = st.people.get_mut(&id).ok_or(ApiError::UnknownToken)?;
        if person.streams >= MAX_STREAMS_PER_PARTICIPANT {
            return Err(ApiError::TooManyStreams);
        }
        person.streams += 1;
        id
    };
    let slot = StreamSlot {
        shared: s.clone(),
        id,
    };
    let rx = s.changes.subscribe();
    let stream = futures_util::stream::unfold(
        (rx, slot, true, false),
        move |(mut rx, slot, first, done)| async move {
            if done {
                return None;
            }
            if !first && rx.changed().await.is_err() {
                return None;
            }
            let (json, finished) = phone_state(&slot.shared, slot.id, lang);
            let mut ev = SseEvent::default().event("state").data(json);
            if first {
                ev = ev.retry(RECONNECT);
            }
            Some((Ok::<_, Infallible>(ev), (rx, slot, false, finished)))
        },
    );
    Ok(Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response())
}

/// What one phone shows, as JSON, with its sentences already in the phone's language (Russian
/// plurals need Fluent, which the page's script does not have). Also says whether the stream ends.
fn phone_state(shared: &Shared, id: ParticipantId, lang: Lang) -> (String, bool) {
    use crate::i18n::{Args, tr, tra};
    let st = shared.lock();
    let me = st.room.participant(id);
    let removed = me.is_none_or(|p| p.removed);
    let score = st.people.get(&id).map_or(0, |p| p.score);
    let letter = |o: u8| char::from(b'A' + o).to_string();
    let mut status = String::new();
    let mut result = String::new();
    let phase = st.room.phase();
    let my_vote = st.room.vote_of(id).map(|v| v.option);
    let quiz = matches!(
        st.question.as_ref().map(|q| q.kind),
        Some(Kind::Quiz { .. })
    );
    let phase_key = if st.ended {
        status = tr(lang, "team-phone-ended");
        "ended"
    } else if removed {
        status = tr(lang, "team-phone-removed");
        "removed"
    } else {
        match phase {
            Phase::Lobby => {
                status = tr(lang, "team-phone-waiting");
                "lobby"
            }
            Phase::Open => {
                status = tr(lang, "team-phone-open");
                "open"
            }
            Phase::Closed(_) => {
                status = tr(lang, "team-phone-closed");
                "closed"
            }
            Phase::Revealed => "revealed",
        }
    };
    let mut counts = serde_json::Value::Null;
    let mut chosen: Vec<u8> = vec![];
    let mut correct = serde_json::Value::Null;
    if phase_key == "revealed"
        && let Some(r) = &st.reveal
    {
        counts = serde_json::json!(r.counts);
        match &r.choice {
            Choice::Majority(o) => {
                chosen = vec![*o];
                if !quiz {
                    status = tra(
                        lang,
                        "team-phone-room-chose",
                        &Args::new().str("option", letter(*o)),
                    );
                }
            }
            Choice::Tie(t) => {
                chosen.clone_from(t);
                if !quiz {
                    let list: Vec<String> = t.iter().map(|o| letter(*o)).collect();
                    status = tra(
                        lang,
                        "team-phone-tie",
                        &Args::new().str("options", list.join(", ")),
                    );
                }
            }
            Choice::NoVotes => {
                if !quiz {
                    status = tr(lang, "team-phone-no-votes");
                }
            }
        }
        if let Some(c) = r.correct {
            correct = serde_json::json!(c);
            status = match r.points.get(&id) {
                Some(p) => tra(lang, "team-phone-correct", &Args::new().num("n", *p)),
                None => tra(
                    lang,
                    "team-phone-wrong",
                    &Args::new().str("option", letter(c)),
                ),
            };
            result = tra(lang, "team-phone-total", &Args::new().num("n", score));
        }
    }
    if matches!(phase_key, "open" | "closed" | "revealed") && result.is_empty() {
        result = match my_vote {
            Some(o) => tra(
                lang,
                "team-phone-your-vote",
                &Args::new().str("option", letter(o)),
            ),
            None => tr(lang, "team-phone-no-vote"),
        };
    }
    let remaining_ms = match (&st.question, phase) {
        (Some(q), Phase::Open) if !q.limit.is_zero() => {
            q.limit.saturating_sub(st.opened_at.elapsed()).as_millis() as u64
        }
        _ => 0,
    };
    let (prompt, options) = match &st.question {
        Some(q) if phase_key != "lobby" => (
            q.prompt.get(lang).to_string(),
            q.options
                .iter()
                .map(|o| o.get(lang).to_string())
                .collect::<Vec<_>>(),
        ),
        _ => (String::new(), vec![]),
    };
    let json = serde_json::json!({
        "phase": phase_key,
        "question": st.question.as_ref().map(|q| q.number),
        "prompt": prompt,
        "options": options,
        "myVote": my_vote,
        "remainingMs": remaining_ms,
        "status": status,
        "result": result,
        "counts": counts,
        "chosen": chosen,
        "correct": correct,
        "nickname": me.map(|p| p.nickname.clone()),
        "team": me.and_then(|p| p.team).and_then(|t| st.room.teams().get(t)).map(|t| t.name.clone()),
    });
    (json.to_string(), st.ended || removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_codes_are_short_and_unambiguous() {
        for _ in 0..100 {
            let c = new_room_code();
            assert_eq!(c.len(), CODE_LEN);
            assert!(c.bytes().all(|b| CODE_ALPHABET.contains(&b)));
            assert!(!c.contains('0') && !c.contains('O') && !c.contains('I'));
        }
    }

    #[test]
    fn virtual_adapters_are_recognised() {
        for v in [
            "docker0",
            "veth12ab",
            "virbr0",
            "vEthernet (WSL)",
            "utun3",
            "tailscale0",
        ] {
            assert!(is_virtual(v), "{v}");
        }
        for real in ["wlan0", "eth0", "en0", "Wi-Fi", "enp3s0", "wlp2s0"] {
            assert!(!is_virtual(real), "{real}");
        }
    }

    #[test]
    fn addresses_list_loopback_and_virtual_adapters_last() {
        let list = addresses();
        assert!(list.iter().any(|a| a.loopback), "{list:?}");
        let ranks: Vec<(bool, bool)> = list
            .iter()
            .map(|a| (a.loopback, a.virtual_adapter))
            .collect();
        let mut sorted = ranks.clone();
        sorted.sort();
        assert_eq!(ranks, sorted, "{list:?}");
    }

    #[test]
    fn the_rate_limit_allows_a_burst_then_refuses() {
        let mut p = Person::new();
        let allowed = (0..20).filter(|_| p.allow()).count();
        assert_eq!(allowed, RATE_BURST as usize);
    }

    #[test]
    fn page_language_prefers_the_query_then_the_browser() {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_LANGUAGE, "de-DE,en;q=0.8".parse().unwrap());
        assert_eq!(page_lang(None, &h, Lang::Ru), Lang::En);
        assert_eq!(page_lang(Some("ru"), &h, Lang::En), Lang::Ru);
        assert_eq!(page_lang(None, &HeaderMap::new(), Lang::Ru), Lang::Ru);
    }
}
