//! The team session activity: the trainer's set-up, the lobby with its phone server, the room
//! playing a scenario or a quiz round, and the end with the debrief or the podium.
//!
//! The rules live in [`crate::team::session`] (no Bevy); this plugin is the host. It starts the
//! phone server on the address the trainer picks, applies the phones' joins and votes to the
//! session's room (the authority for counts and points), mirrors each step to the phones, and
//! keeps the session in the progress store: a step after every reveal and the whole record at the
//! end. Every vote wakes the reactive game loop through winit's event-loop proxy; while a vote is
//! open a small ticker thread wakes it four times a second for the countdown, and an idle lobby
//! draws nothing at all.

use crate::engine::debrief::Debrief;
use crate::engine::text::{Lang, Text};
use crate::game::core::content::Content;
use crate::game::core::saves::Saves;
use crate::game::core::settings::Settings;
use crate::game::core::{Action, GameSet, Overlay, Presenter, Screen, TeamAction};
use crate::store::{AttemptId, Finish, Kind, NewAttempt, Step};
use crate::team::room::{MAX_TEAMS, ParticipantId, TEAM_COLOURS, Team};
use crate::team::server::{
    self, Command, DEFAULT_MAX_PARTICIPANTS, NetAddress, OpenQuestion, ServerConfig, TeamServer,
};
use crate::team::session::{
    Activity, Effect, Plan, QuizPick, Session, Stage, VOTING_STEPS, team_quiz_kinds,
};
use bevy::prelude::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The port tried first, so that an address typed by hand stays the same from one session to the
/// next; a free one is taken when it is busy.
pub const PREFERRED_PORT: u16 = 8765;
/// How often the countdown wakes the game while a vote is open.
const TICK: Duration = Duration::from_millis(250);

/// What the set-up screen holds before the lobby opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// What the room plays.
    pub activity: Activity,
    /// The teams; fewer than two means everyone plays for themselves.
    pub teams: Vec<Team>,
    /// The voting time per question; zero means no limit.
    pub voting: Duration,
    /// Whether the trainer changed the voting time (then a new activity keeps it).
    pub voting_set: bool,
    /// Whether phones vote.
    pub phones: bool,
}

impl Draft {
    /// A fresh plan: the first scenario of the library, everyone for themselves, phones on.
    pub fn new(first_scenario: Option<String>) -> Draft {
        let activity = first_scenario.map_or(Activity::Quiz(QuizPick::Mixed), Activity::Scenario);
        Draft {
            voting: activity.default_voting(),
            activity,
            teams: vec![],
            voting_set: false,
            phones: true,
        }
    }

    /// The plan the session starts with.
    pub fn plan(&self) -> Plan {
        Plan {
            activity: self.activity.clone(),
            teams: if self.teams.len() >= 2 {
                self.teams.clone()
            } else {
                vec![]
            },
            voting: self.voting,
            phones: self.phones,
        }
    }
}

/// A team's default name in the trainer's language: its colour ("Red", "Красные").
pub fn default_team_name(index: usize, lang: Lang) -> String {
    crate::i18n::tr(lang, &format!("team-default-{}", index % MAX_TEAMS + 1))
}

/// The running phone server, with the QR code of its address.
#[derive(Debug)]
pub struct Link {
    /// The server.
    pub server: TeamServer,
    /// The QR code of the page's address, as rows of dark (true) and light modules.
    pub qr: Qr,
}

/// A QR code as squares: `width` × `width` modules, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    /// Modules per side.
    pub width: usize,
    /// Whether each module is dark, row by row.
    pub dark: Vec<bool>,
}

impl Qr {
    /// The QR code of `text` (an address), or `None` if it is too long to encode.
    pub fn of(text: &str) -> Option<Qr> {
        let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
        let width = code.width();
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect();
        Some(Qr { width, dark })
    }
}

/// Why the phones cannot join, shown in the lobby.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkProblem {
    /// The address tried.
    pub address: String,
    /// The system's reason.
    pub reason: String,
}

/// The addresses to offer instead of this machine's own: the tests and the screenshots serve on
/// 127.0.0.1 only.
#[derive(Resource, Debug, Clone, Default)]
pub struct FixedAddresses(pub Vec<NetAddress>);

/// Wakes the game's event loop from another thread (a phone's vote, the countdown). Without a
/// window (the headless tests) it does nothing: those apps update on their own.
#[derive(Resource, Clone, Default)]
pub struct Waker(Option<Arc<dyn Fn() + Send + Sync>>);

impl std::fmt::Debug for Waker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Waker").field(&self.0.is_some()).finish()
    }
}

impl Waker {
    fn wake(&self) {
        if let Some(w) = &self.0 {
            w();
        }
    }
}

/// Wakes the game a few times a second while `running` is set, for the countdown of a vote.
#[derive(Debug)]
struct Ticker {
    running: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
}

impl Ticker {
    fn start(waker: Waker) -> Ticker {
        let running = Arc::new(AtomicBool::new(false));
        let stop = Arc::new(AtomicBool::new(false));
        let (r, s) = (Arc::clone(&running), Arc::clone(&stop));
        let spawned = std::thread::Builder::new()
            .name("team-countdown".into())
            .spawn(move || {
                while !s.load(Ordering::Relaxed) {
                    std::thread::sleep(TICK);
                    if r.load(Ordering::Relaxed) {
                        waker.wake();
                    }
                }
            });
        if let Err(e) = spawned {
            warn!("no countdown thread: {e}");
        }
        Ticker { running, stop }
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// The team session: the set-up, the server, the session and its record in the store.
#[derive(Resource, Debug)]
pub struct TeamState {
    /// The set-up screen's plan.
    pub draft: Draft,
    /// The session, from the lobby to its end.
    pub session: Option<Session>,
    /// The phone server, while the lobby and the play are on.
    pub link: Option<Link>,
    /// Why the phone server did not start, if it did not.
    pub problem: Option<LinkProblem>,
    /// This machine's network addresses, most useful first.
    pub addresses: Vec<NetAddress>,
    /// The one in use (an index into `addresses`).
    pub address: usize,
    /// When the open question opened, for the countdown and the phones' time stamps.
    pub opened_at: Option<Instant>,
    /// The vote counts being typed by hand, one field per reply.
    pub counts: Option<Vec<String>>,
    /// The debrief of the room's path, at the end of a scenario.
    pub debrief: Option<Arc<Debrief>>,
    /// The session's attempt in the progress store.
    pub attempt: Option<AttemptId>,
    /// Questions already saved as steps.
    saved_steps: usize,
    ticker: Option<Ticker>,
}

impl Default for TeamState {
    fn default() -> Self {
        TeamState {
            draft: Draft::new(None),
            session: None,
            link: None,
            problem: None,
            addresses: vec![],
            address: 0,
            opened_at: None,
            counts: None,
            debrief: None,
            attempt: None,
            saved_steps: 0,
            ticker: None,
        }
    }
}

impl TeamState {
    /// Seconds left on the open question, when it has a limit.
    pub fn left(&self) -> Option<Duration> {
        let s = self.session.as_ref()?;
        if !s.voting() || s.plan.voting.is_zero() {
            return None;
        }
        let opened = self.opened_at?;
        Some(s.plan.voting.saturating_sub(opened.elapsed()))
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TeamState>()
        .init_resource::<Waker>()
        .add_systems(Startup, make_waker)
        .add_systems(
            Update,
            (
                pump.in_set(GameSet::Input),
                apply_actions.in_set(GameSet::Apply),
            ),
        )
        .add_systems(Last, save_on_exit);
}

/// Builds the waker from the window's event-loop proxy, when there is a window.
fn make_waker(mut waker: ResMut<Waker>, proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>) {
    if let Some(proxy) = proxy {
        let proxy = (**proxy).clone();
        *waker = Waker(Some(Arc::new(move || {
            let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
        })));
    }
}

/// Everything the team session changes, gathered for [`apply`].
#[derive(bevy::ecs::system::SystemParam)]
pub struct TeamParams<'w> {
    team: ResMut<'w, TeamState>,
    settings: Res<'w, Settings>,
    content: Res<'w, Content>,
    screen: Res<'w, State<Screen>>,
    next_screen: ResMut<'w, NextState<Screen>>,
    overlay: Res<'w, State<Overlay>>,
    next_overlay: ResMut<'w, NextState<Overlay>>,
    presenter: Res<'w, State<Presenter>>,
    seeds: Res<'w, super::dialogue::Seeds>,
    saves: Option<ResMut<'w, Saves>>,
    lrs: Option<Res<'w, super::lrs::Lrs>>,
    quiz: ResMut<'w, super::quiz::QuizSession>,
    waker: Res<'w, Waker>,
    fixed: Option<Res<'w, FixedAddresses>>,
}

/// The phones' joins and votes, and the countdown: applied to the session every frame.
fn pump(mut p: TeamParams, mut redraw: MessageWriter<bevy::window::RequestRedraw>) {
    let mut changed = false;
    let mut effect = Effect::None;
    {
        let team = &mut *p.team;
        let Some(session) = team.session.as_mut() else {
            return;
        };
        if let Some(link) = &team.link {
            for event in link.server.events() {
                // The session's room is the authority: a vote it refuses (after closing) is dropped.
                event.apply(&mut session.room);
                changed = true;
            }
        }
        if let Some(at) = team.opened_at {
            effect = session.tick(at.elapsed());
        }
    }
    if effect != Effect::None {
        changed = true;
        mirror(&mut p.team, effect, &p.content, p.saves.as_deref());
    }
    // Only a vote with a time limit has a countdown to show.
    let counting = p
        .team
        .session
        .as_ref()
        .is_some_and(|s| s.voting() && !s.plan.voting.is_zero());
    if let Some(t) = &p.team.ticker {
        t.running.store(counting, Ordering::Relaxed);
    }
    if changed {
        // A vote or a reveal changes the screen: one more frame makes sure it is drawn. The
        // countdown itself is woken by the ticker, a few frames a second, not every frame.
        redraw.write(bevy::window::RequestRedraw);
    }
}

fn apply_actions(mut actions: MessageReader<Action>, mut p: TeamParams) {
    for action in actions.read() {
        match action {
            Action::Team(a) => apply(a, &mut p),
            Action::Back => back(&mut p),
            _ => {}
        }
    }
}

/// Esc in the lobby or during play asks before ending the session; at the end it finishes it.
fn back(p: &mut TeamParams) {
    if *p.overlay.get() != Overlay::None || *p.presenter.get() == Presenter::Blanked {
        return;
    }
    match p.screen.get() {
        // The counts panel closes first; then Esc asks before ending the session.
        Screen::TeamLobby | Screen::TeamPlay if p.team.counts.take().is_none() => {
            p.next_overlay.set(Overlay::Leave);
        }
        Screen::TeamEnd => finish(p),
        _ => {}
    }
}

/// Carries out one team action.
fn apply(action: &TeamAction, p: &mut TeamParams) {
    let lang = p.settings.lang;
    match action {
        TeamAction::Setup => {
            let first = p
                .content
                .library
                .scenarios
                .first()
                .map(|l| l.scenario.id.clone());
            p.team.draft = Draft::new(first);
            p.next_overlay.set(Overlay::None);
            p.next_screen.set(Screen::TeamSetup);
        }
        TeamAction::Pick(activity) => {
            let d = &mut p.team.draft;
            d.activity = activity.clone();
            if !d.voting_set {
                d.voting = activity.default_voting();
            }
        }
        TeamAction::Teams(by) => {
            let d = &mut p.team.draft;
            let now = d.teams.len();
            let want = if *by > 0 {
                if now < 2 { 2 } else { (now + 1).min(MAX_TEAMS) }
            } else if now <= 2 {
                0
            } else {
                now - 1
            };
            while d.teams.len() < want {
                let i = d.teams.len();
                d.teams.push(Team {
                    name: default_team_name(i, lang),
                    colour: TEAM_COLOURS[i],
                });
            }
            d.teams.truncate(want);
        }
        TeamAction::TeamName(i, name) => {
            if let Some(t) = p.team.draft.teams.get_mut(*i) {
                // The phones and the projector show it: the same bounds as a nickname.
                t.name = name
                    .chars()
                    .filter(|c| !c.is_control())
                    .take(crate::team::room::MAX_NICKNAME_CHARS)
                    .collect();
            }
        }
        TeamAction::TeamColour(i) => {
            let d = &mut p.team.draft;
            let used: Vec<[u8; 3]> = d.teams.iter().map(|t| t.colour).collect();
            if let Some(t) = d.teams.get_mut(*i) {
                let at = TEAM_COLOURS
                    .iter()
                    .position(|c| *c == t.colour)
                    .unwrap_or(0);
                // The next colour no other team has.
                if let Some(c) = (1..=TEAM_COLOURS.len())
                    .map(|k| TEAM_COLOURS[(at + k) % TEAM_COLOURS.len()])
                    .find(|c| !used.contains(c))
                {
                    t.colour = c;
                }
            }
        }
        TeamAction::Voting(by) => {
            let d = &mut p.team.draft;
            let secs = d.voting.as_secs();
            let at = VOTING_STEPS.iter().position(|s| *s == secs).unwrap_or(4);
            let to = at
                .saturating_add_signed(*by as isize)
                .min(VOTING_STEPS.len() - 1);
            d.voting = Duration::from_secs(VOTING_STEPS[to]);
            d.voting_set = true;
        }
        TeamAction::TogglePhones => p.team.draft.phones = !p.team.draft.phones,
        TeamAction::Open => open(p),
        TeamAction::Address(i) => {
            if *i < p.team.addresses.len() && p.team.session.as_ref().is_some_and(|s| !s.started())
            {
                p.team.address = *i;
                // A new address is a new room: whoever joined rejoins from the new QR code.
                p.team.link = None;
                if let Some(s) = &mut p.team.session {
                    s.empty_room(DEFAULT_MAX_PARTICIPANTS);
                }
                connect(p);
            }
        }
        TeamAction::Remove(id) => {
            let id = ParticipantId(*id);
            if let Some(s) = &mut p.team.session
                && s.room.remove(id)
                && let Some(link) = &p.team.link
            {
                link.server.send(Command::Remove(id));
            }
        }
        TeamAction::Begin => begin(p),
        TeamAction::Next => next(p),
        TeamAction::Enter(option) => {
            if *p.overlay.get() != Overlay::None || p.team.counts.is_some() {
                return;
            }
            if let Some(s) = &mut p.team.session {
                let effect = s.enter(*option);
                mirror(&mut p.team, effect, &p.content, p.saves.as_deref());
            }
        }
        TeamAction::CountHands => {
            if let Some(s) = &p.team.session
                && s.stage() == Stage::Voting
                && let Some(q) = s.room.current()
            {
                p.team.counts = Some(vec![String::new(); usize::from(q.options)]);
            }
        }
        TeamAction::CountsDraft(fields) => {
            if let Some(c) = &mut p.team.counts
                && c.len() == fields.len()
            {
                c.clone_from(fields);
            }
        }
        TeamAction::CountsSave => {
            let Some(fields) = p.team.counts.clone() else {
                return;
            };
            let counts: Option<Vec<u32>> = fields
                .iter()
                .map(|f| {
                    let f = f.trim();
                    if f.is_empty() {
                        Some(0)
                    } else {
                        f.parse().ok()
                    }
                })
                .collect();
            let Some(counts) = counts else {
                // A field that is not a number keeps the panel open, so the trainer can fix it.
                return;
            };
            p.team.counts = None;
            if let Some(s) = &mut p.team.session
                && let Ok(effect) = s.enter_counts(counts)
            {
                mirror(&mut p.team, effect, &p.content, p.saves.as_deref());
            }
        }
        TeamAction::CountsCancel => p.team.counts = None,
        TeamAction::WhatIf(at) => {
            let Some(s) = &mut p.team.session else {
                return;
            };
            match s.what_if(*at) {
                Ok(effect) => {
                    p.team.debrief = None;
                    mirror(&mut p.team, effect, &p.content, p.saves.as_deref());
                    p.next_screen.set(Screen::TeamPlay);
                }
                Err(e) => warn!("cannot go back to decision {at}: {e:?}"),
            }
        }
        TeamAction::Finish => finish(p),
        TeamAction::Abandon => {
            p.next_overlay.set(Overlay::None);
            finish(p);
        }
    }
}

/// Set-up done: builds the session and opens the lobby (with phones) or starts at once (without).
fn open(p: &mut TeamParams) {
    let plan = p.team.draft.plan();
    let seed = p.seeds.fixed.unwrap_or_else(rand::random);
    let max = DEFAULT_MAX_PARTICIPANTS;
    let session = match &plan.activity {
        Activity::Scenario(id) => {
            let Some(loaded) = p.content.library.get(id) else {
                warn!("no playable scenario `{id}`");
                return;
            };
            Session::scenario(plan.clone(), loaded.clone(), seed, max)
        }
        Activity::Quiz(pick) => {
            let library = Arc::clone(&p.content.library);
            // The solo quiz's pool of this library, built once and kept.
            let pool = p.quiz.pool(&library);
            let mut spec = crate::engine::quiz::RoundSpec::new(pick.round_kind(), seed);
            spec.kinds = team_quiz_kinds();
            let round = pool.round(&spec, &library.catalog);
            match Session::quiz(plan.clone(), round, max) {
                Ok(s) => s,
                Err(e) => {
                    warn!("no team quiz: {e}");
                    return;
                }
            }
        }
    };
    p.team.session = Some(session);
    p.team.debrief = None;
    p.team.counts = None;
    p.team.attempt = None;
    p.team.saved_steps = 0;
    p.team.opened_at = None;
    p.team.problem = None;
    p.team.link = None;
    p.team.ticker = Some(Ticker::start(p.waker.clone()));
    p.next_overlay.set(Overlay::None);
    if plan.phones {
        p.team.addresses = match &p.fixed {
            Some(f) => f.0.clone(),
            None => server::addresses(),
        };
        p.team.address = 0;
        connect(p);
        p.next_screen.set(Screen::TeamLobby);
    } else {
        begin(p);
    }
}

/// Starts the phone server on the chosen address: the preferred port, or any free one.
fn connect(p: &mut TeamParams) {
    let Some(session) = &p.team.session else {
        return;
    };
    let Some(address) = p.team.addresses.get(p.team.address) else {
        p.team.problem = Some(LinkProblem {
            address: String::new(),
            reason: crate::i18n::tr(p.settings.lang, "team-no-network"),
        });
        return;
    };
    let mut config = ServerConfig::new(address.ip, p.settings.lang);
    config.teams = session.room.teams().to_vec();
    config.port = PREFERRED_PORT;
    let waker = p.waker.clone();
    let wake = |w: &Waker| {
        let w = w.clone();
        Box::new(move || w.wake()) as Box<dyn Fn() + Send + Sync>
    };
    let started = TeamServer::start(config.clone(), wake(&waker)).or_else(|_| {
        config.port = 0;
        TeamServer::start(config, wake(&waker))
    });
    match started {
        Ok(server) => {
            let qr = Qr::of(&server.url()).unwrap_or(Qr {
                width: 0,
                dark: vec![],
            });
            info!("team session at {}", server.url());
            p.team.link = Some(Link { server, qr });
            p.team.problem = None;
        }
        Err(e) => {
            warn!("phone server not started: {e}");
            p.team.problem = Some(LinkProblem {
                address: address.ip.to_string(),
                reason: e.to_string(),
            });
        }
    }
}

/// Leaves the lobby: the session is saved from its first question on.
fn begin(p: &mut TeamParams) {
    if *p.overlay.get() != Overlay::None {
        return;
    }
    let lang = p.settings.lang;
    let Some(session) = &mut p.team.session else {
        return;
    };
    if session.stage() != Stage::Lobby {
        return;
    }
    let effect = session.begin();
    let plan = session.plan.clone();
    let (hash, seed) = match &session.play {
        crate::team::session::Play::Scenario(s) => (
            crate::engine::progress::scenario_hash(&s.loaded.scenario),
            s.seed,
        ),
        crate::team::session::Play::Quiz(q) => (format!("team-quiz:{}", q.round.spec.seed), 0),
    };
    p.team.attempt = p.saves.as_ref().and_then(|saves| {
        let new = NewAttempt {
            profile: saves.profile,
            kind: Kind::Team,
            activity: plan.activity.store_id(),
            hash,
            seed,
            mode: crate::store::Mode::Coach,
            lang,
            detail: serde_json::json!({
                "teams": plan.teams.iter().map(|t| t.name.clone()).collect::<Vec<_>>(),
                "phones": plan.phones,
                "voting_ms": plan.voting.as_millis() as u64,
            }),
        };
        saves
            .with(|s| s.start_attempt(&new))
            .map_err(|e| warn!("team session not saved: {e}"))
            .ok()
    });
    mirror(&mut p.team, effect, &p.content, p.saves.as_deref());
    p.next_screen.set(Screen::TeamPlay);
}

/// The clicker during play; at the end of the scenario or the round, the end screen.
fn next(p: &mut TeamParams) {
    if *p.overlay.get() != Overlay::None || p.team.counts.is_some() {
        return;
    }
    let Some(s) = &mut p.team.session else {
        return;
    };
    if *p.screen.get() == Screen::TeamLobby {
        begin(p);
        return;
    }
    if s.stage() == Stage::Over {
        p.team.debrief = s.debrief(&p.content.library.all()).map(Arc::new);
        p.next_screen.set(Screen::TeamEnd);
        return;
    }
    let effect = s.advance();
    mirror(&mut p.team, effect, &p.content, p.saves.as_deref());
}

/// Passes a step on to the phones and saves what was revealed.
fn mirror(team: &mut TeamState, effect: Effect, content: &Content, saves: Option<&Saves>) {
    match effect {
        Effect::None => {}
        Effect::Open(number) => {
            team.opened_at = Some(Instant::now());
            if let (Some(link), Some(s)) = (&team.link, &team.session)
                && let Some(q) = open_question(s, number, content)
            {
                link.server.send(Command::Open(q));
            }
        }
        Effect::Reveal(r) => {
            team.opened_at = None;
            if let Some(link) = &team.link {
                link.server.send(Command::Close);
                link.server.send(Command::Reveal(r));
            }
            autosave(team, content, saves);
        }
        Effect::Over => {
            team.opened_at = None;
        }
    }
}

/// Saves each revealed question as a step of the session's attempt, so a crash loses at most the
/// question on screen.
fn autosave(team: &mut TeamState, content: &Content, saves: Option<&Saves>) {
    let (Some(saves), Some(attempt), Some(s)) = (saves, team.attempt, &team.session) else {
        return;
    };
    let record = s.record(&content.library.all());
    for q in record.questions.iter().skip(team.saved_steps) {
        if q.counts.is_empty() {
            break;
        }
        let step = Step {
            item: q.item.clone(),
            answer: q
                .chosen
                .and_then(|o| q.options.get(usize::from(o)).cloned())
                .unwrap_or_default(),
            correct: q.correct.map(|c| q.chosen == Some(c)),
            ms: 0,
            detail: serde_json::to_value(q).unwrap_or_default(),
        };
        let index = team.saved_steps;
        if let Err(e) = saves.with(|st| st.save_step(attempt, index, &step)) {
            warn!("team question not saved: {e}");
            return;
        }
        team.saved_steps += 1;
    }
}

/// The question as the phones show it: the Client's line and the replies' short texts, or a quiz
/// question's options, in both languages.
fn open_question(s: &Session, number: u32, content: &Content) -> Option<OpenQuestion> {
    let both = |f: &dyn Fn(Lang) -> String| Text {
        ru: f(Lang::Ru),
        en: f(Lang::En),
    };
    let limit = s.plan.voting;
    match &s.play {
        crate::team::session::Play::Scenario(play) => {
            let d = play.pending()?;
            let node = play.loaded.scenario.node(&d.node)?;
            let prompt = node
                .answered_line()
                .map(|l| both(&|lang| play.run.render(&l.text, lang)))
                .unwrap_or_default();
            let choices = play.run.choices();
            let options = d
                .offered
                .iter()
                .filter_map(|id| choices.iter().find(|c| &c.id == id))
                .map(|c| both(&|lang| play.run.render(&c.label, lang)))
                .collect();
            Some(OpenQuestion {
                number,
                prompt,
                options,
                kind: crate::team::room::Kind::Decision,
                limit,
            })
        }
        crate::team::session::Play::Quiz(q) => {
            let item = q.item()?;
            let catalog = &content.library.catalog;
            let options = item
                .shown
                .iter()
                .filter_map(|k| item.question.answer(k))
                .map(|a| {
                    both(&|lang| {
                        a.text(catalog, lang).unwrap_or_else(|| match a.body {
                            crate::engine::quiz::Body::Verdict(true) => {
                                crate::i18n::tr(lang, "quiz-true")
                            }
                            _ => crate::i18n::tr(lang, "quiz-false"),
                        })
                    })
                })
                .collect();
            Some(OpenQuestion {
                number,
                prompt: Text::default(),
                options,
                kind: crate::team::room::Kind::Quiz {
                    correct: crate::team::session::QuizPlay::correct(item),
                },
                limit,
            })
        }
    }
}

/// Ends the session: the record goes into the store (a session that never asked a question is
/// dropped), the phone server stops, and the title comes back.
fn finish(p: &mut TeamParams) {
    let library = Arc::clone(&p.content.library);
    save_record(
        &mut p.team,
        &library,
        p.saves.as_deref_mut(),
        p.lrs.as_deref(),
    );
    p.team.link = None;
    p.team.ticker = None;
    p.team.session = None;
    p.team.debrief = None;
    p.team.counts = None;
    p.team.opened_at = None;
    p.next_overlay.set(Overlay::None);
    p.next_screen.set(Screen::Title);
}

/// Writes the session's record as a finished team attempt.
fn save_record(
    team: &mut TeamState,
    library: &crate::engine::library::Library,
    saves: Option<&mut Saves>,
    lrs: Option<&super::lrs::Lrs>,
) {
    let (Some(s), Some(attempt)) = (&team.session, team.attempt.take()) else {
        return;
    };
    let Some(saves) = saves else {
        return;
    };
    if !s.started() {
        if let Err(e) = saves.with(|st| st.discard_attempt(attempt)) {
            warn!("empty team session not discarded: {e}");
        }
        return;
    }
    let all = library.all();
    let record = s.record(&all);
    let finish = Finish {
        ending: record.paths.last().map(|p| p.ending.clone()),
        total: i32::try_from(record.best_votes).unwrap_or(i32::MAX),
        score: s.score(&all),
        principles: vec![],
        observations: vec![],
        detail: serde_json::to_value(&record).ok(),
    };
    match saves.with(|st| st.finish_attempt(attempt, &finish)) {
        Ok(()) => {
            info!("team session saved");
            super::lrs::queue_finished(saves, lrs, attempt, library);
        }
        Err(e) => warn!("team session not saved: {e}"),
    }
}

/// A window closed in the middle of a session still keeps what the room played.
fn save_on_exit(
    mut exits: MessageReader<AppExit>,
    mut team: ResMut<TeamState>,
    content: Res<Content>,
    mut saves: Option<ResMut<Saves>>,
) {
    if exits.read().count() == 0 {
        return;
    }
    let library = Arc::clone(&content.library);
    save_record(&mut team, &library, saves.as_deref_mut(), None);
    team.link = None;
}
