//! Team sessions in the game, headless: a room votes through the real phone server on 127.0.0.1
//! (joins and votes are real HTTP requests), the projector's clicker closes, reveals and plays the
//! room's replies to the debrief with the teams' best-reply shares and the path map, a "what if"
//! goes back to a decision, a quiz runs without phones by the keys alone, and every session ends up
//! as a team attempt in a real store file.

use crate::common::*;
use bevy::prelude::{App, KeyCode, Messages};
use bevy::window::RequestRedraw;
use client_first::engine::text::Lang;
use client_first::game::activities::team::{FixedAddresses, TeamState};
use client_first::game::core::saves::Saves;
use client_first::game::core::{TeamAction, TeamTab};
use client_first::game::models::team::{EndView, LobbyView, PlayView};
use client_first::game::{Action, Content, Screen};
use client_first::store::{Kind as StoreKind, Store};
use client_first::team::server::NetAddress;
use client_first::team::session::{Activity, QuizPick, Record, Stage};
use serde_json::{Value, json};
use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

/// The longest any wait in these tests lasts: loops are bounded.
const PATIENCE: Duration = Duration::from_secs(10);

fn team(app: &App) -> &TeamState {
    app.world().resource::<TeamState>()
}

fn stage(app: &App) -> Stage {
    team(app).session.as_ref().expect("a session").stage()
}

fn library(app: &App) -> std::sync::Arc<client_first::engine::library::Library> {
    std::sync::Arc::clone(&app.world().resource::<Content>().library)
}

/// A game over a real store file that serves phones on 127.0.0.1 only.
fn team_app(dir: &std::path::Path) -> App {
    let store = Store::open(&dir.join("progress.db"))
        .expect("a store")
        .store;
    let mut app = app_with_saves(Saves::new(store).expect("a profile"));
    app.insert_resource(FixedAddresses(vec![NetAddress {
        adapter: "lo".into(),
        ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
        loopback: true,
        virtual_adapter: false,
    }]));
    app
}

/// A phone: its token, from a real join over HTTP.
struct Phone {
    token: String,
    id: u32,
}

fn post(url: &str, body: &Value) -> Result<Value, String> {
    let mut response = ureq::post(url)
        .header("Content-Type", "application/json")
        .send(body.to_string())
        .map_err(|e| e.to_string())?;
    let text = response
        .body_mut()
        .read_to_string()
        .map_err(|e| e.to_string())?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

fn page_url(app: &App) -> String {
    team(app)
        .link
        .as_ref()
        .expect("the phone server runs")
        .server
        .url()
}

fn join(app: &App, nickname: &str, team: Option<usize>) -> Phone {
    let v = post(
        &format!("{}join", page_url(app)),
        &json!({ "nickname": nickname, "team": team }),
    )
    .expect("the join is accepted");
    Phone {
        token: v["token"].as_str().expect("a token").to_string(),
        id: v["id"].as_u64().expect("an id") as u32,
    }
}

fn vote(app: &App, phone: &Phone, option: u8) {
    let number = team(app)
        .session
        .as_ref()
        .and_then(|s| s.room.current())
        .expect("an open question")
        .number;
    // The server limits each phone to a few requests a second; a room plays far slower than this
    // test, so a refused burst is retried as the phone page does.
    let start = Instant::now();
    loop {
        match post(
            &format!("{}vote", page_url(app)),
            &json!({ "token": phone.token, "question": number, "option": option }),
        ) {
            Ok(_) => return,
            Err(e) if e.contains("429") && start.elapsed() < PATIENCE => {
                std::thread::sleep(Duration::from_millis(250));
            }
            Err(e) => panic!("the vote is refused: {e}"),
        }
    }
}

/// Runs frames until `done` holds, at most [`PATIENCE`].
fn until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let start = Instant::now();
    while !done(app) {
        assert!(start.elapsed() < PATIENCE, "timed out waiting for {what}");
        app.update();
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The best option (by position) of the decision open now.
fn best_option(app: &App) -> u8 {
    let s = team(app).session.as_ref().expect("a session");
    let play = s.scenario_play().expect("a scenario");
    let d = play.pending().expect("a decision open");
    play.best_options(d)[0]
}

/// Plays the scenario on screen to its end: team 0's phones vote for the best reply, team 1's for
/// the first reply that is not best; the clicker (Space) does the rest. Returns the decisions voted.
fn play_scenario(app: &mut App, phones: &[(Phone, usize)]) -> usize {
    let mut decisions = 0;
    for _ in 0..200 {
        match stage(app) {
            Stage::Voting => {
                decisions += 1;
                let best = best_option(app);
                let options = team(app)
                    .session
                    .as_ref()
                    .and_then(|s| s.room.current())
                    .map(|q| q.options)
                    .unwrap_or(2);
                let other = (0..options).find(|o| *o != best).unwrap_or(best);
                // Never the distribution while voting: the projector shows only the count.
                let vm = PlayView::new(team(app), &library(app), Lang::En).expect("a play view");
                assert!(vm.options.iter().all(|o| o.votes.is_none()));
                for (phone, t) in phones {
                    vote(app, phone, if *t == 0 { best } else { other });
                }
                // Everyone voted: the next frames close voting and reveal by themselves.
                until(app, "the reveal after everyone voted", |a| {
                    stage(a) == Stage::Revealed
                });
                let vm = PlayView::new(team(app), &library(app), Lang::En).expect("a play view");
                let total: u32 = vm.options.iter().filter_map(|o| o.votes).sum();
                assert_eq!(total as usize, phones.len(), "every vote counted once");
                if vm.options.iter().any(|o| o.tied) {
                    key(app, digit(best));
                }
                key(app, KeyCode::Space);
                assert_eq!(stage(app), Stage::Feedback);
                let vm = PlayView::new(team(app), &library(app), Lang::En).expect("a play view");
                assert!(vm.feedback.is_some(), "the coach's feedback is on screen");
                key(app, KeyCode::Space);
            }
            Stage::Lines | Stage::Feedback => key(app, KeyCode::Space),
            Stage::Over => return decisions,
            other => panic!("unexpected stage {other:?}"),
        }
    }
    panic!("the scenario did not end");
}

/// The key of option `n` (0 for 1).
fn digit(n: u8) -> KeyCode {
    [
        KeyCode::Digit1,
        KeyCode::Digit2,
        KeyCode::Digit3,
        KeyCode::Digit4,
    ][usize::from(n.min(3))]
}

#[test]
fn a_room_plays_a_scenario_from_its_phones_to_the_debrief_and_back_to_a_decision() {
    let dir = temp_dir();
    let mut app = team_app(dir.path());
    send(&mut app, TeamAction::Setup.into());
    assert_eq!(screen(&app), Screen::TeamSetup);
    send(
        &mut app,
        TeamAction::Pick(Activity::Scenario("guitar".into())).into(),
    );
    send(&mut app, TeamAction::Teams(1).into());
    assert_eq!(team(&app).draft.teams.len(), 2);
    assert_eq!(team(&app).draft.voting, Duration::from_secs(45));
    send(&mut app, TeamAction::Open.into());
    assert_eq!(screen(&app), Screen::TeamLobby);
    assert!(page_url(&app).starts_with("http://127.0.0.1:"));
    let lobby = LobbyView::new(team(&app), &library(&app), Lang::Ru).expect("a lobby");
    assert!(lobby.qr.as_ref().is_some_and(|q| q.width >= 21));
    assert_eq!(lobby.code.as_deref().map(str::len), Some(5));

    // Five phones join over HTTP; one is a prank, and the trainer removes them.
    let names = ["Аня", "Борис", "<b>Вика</b>", "Гена", "Prank"];
    let mut phones: Vec<(Phone, usize)> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (join(&app, n, Some(i % 2)), i % 2))
        .collect();
    until(&mut app, "five names in the lobby", |a| {
        LobbyView::new(team(a), &library(a), Lang::Ru).is_some_and(|l| l.arrivals.len() == 5)
    });
    let lobby = LobbyView::new(team(&app), &library(&app), Lang::Ru).expect("a lobby");
    // A nickname stays the text it was typed as.
    assert!(lobby.arrivals.iter().any(|a| a.nickname == "<b>Вика</b>"));
    assert_eq!(lobby.team_counts, vec![3, 2]);
    let prank = phones.pop().expect("five phones").0;
    send(&mut app, TeamAction::Remove(prank.id).into());
    let lobby = LobbyView::new(team(&app), &library(&app), Lang::Ru).expect("a lobby");
    assert_eq!(lobby.arrivals.len(), 4);

    // An idle lobby asks for no frames of its own.
    app.world_mut()
        .resource_mut::<Messages<RequestRedraw>>()
        .clear();
    for _ in 0..5 {
        app.update();
    }
    assert_eq!(
        app.world().resource::<Messages<RequestRedraw>>().len(),
        0,
        "an idle lobby draws nothing"
    );

    key(&mut app, KeyCode::Space);
    assert_eq!(screen(&app), Screen::TeamPlay);
    let decisions = play_scenario(&mut app, &phones);
    assert!(decisions >= 2, "the guitar case has several decisions");

    // The debrief: team 0 always chose a best reply, team 1 never did.
    key(&mut app, KeyCode::Space);
    assert_eq!(screen(&app), Screen::TeamEnd);
    let end =
        EndView::new(team(&app), &library(&app), Lang::En, TeamTab::Summary).expect("an end view");
    let debrief = end.debrief.as_ref().expect("the room's debrief");
    assert_eq!(debrief.decisions.len(), decisions);
    assert_eq!(end.shares[0].percent, Some(100));
    assert_eq!(end.shares[1].percent, Some(0));
    assert_eq!(end.shares[2].percent, Some(50), "the whole room");
    assert!(debrief.score >= 80, "the room played team 0's best replies");

    // The path map: the room's path and the best path coincide; a "what if" goes back.
    send(&mut app, Action::TeamTab(TeamTab::Map));
    let end =
        EndView::new(team(&app), &library(&app), Lang::En, TeamTab::Map).expect("an end view");
    let map = end.map.as_ref().expect("the path map");
    assert!(!map.room.is_empty());
    assert!(map.room.iter().all(|e| map.map.edges[*e].best));
    assert_eq!(map.steps.len(), decisions);
    let back_to_second = Action::Team(TeamAction::WhatIf(1));
    assert!(targets(&app).contains(&back_to_second));
    send(&mut app, back_to_second);
    assert_eq!(screen(&app), Screen::TeamPlay);
    assert_eq!(stage(&app), Stage::Voting);
    // This time everyone votes for team 1's reply.
    let swapped: Vec<(Phone, usize)> = phones.into_iter().map(|(p, _)| (p, 1)).collect();
    play_scenario(&mut app, &swapped);
    key(&mut app, KeyCode::Space);
    let end = EndView::new(team(&app), &library(&app), Lang::En, TeamTab::Map).expect("an end");
    assert_eq!(end.earlier.len(), 1, "the first path is kept");
    assert_eq!(end.map.as_ref().expect("a map").earlier.len(), 1);

    // Ending the session saves it, with every nickname and vote, and stops the server.
    let url = page_url(&app);
    send(&mut app, TeamAction::Finish.into());
    assert_eq!(screen(&app), Screen::Title);
    assert!(team(&app).link.is_none());
    assert!(
        post(&format!("{url}join"), &json!({ "nickname": "Late" })).is_err(),
        "the server has stopped"
    );
    let saves = app.world().resource::<Saves>();
    let history = saves
        .with(|s| s.history(saves.profile, 0, 10))
        .expect("history");
    let row = history.first().expect("the session is in the history");
    assert_eq!(row.kind, StoreKind::Team);
    assert_eq!(row.activity, "guitar");
    let detail: Value = saves
        .with(|s| s.attempt_detail(row.attempt))
        .expect("the session's record");
    let record: Record = serde_json::from_value(detail).expect("a team record");
    assert_eq!(record.paths.len(), 2);
    assert_eq!(record.participants.len(), 5);
    assert!(record.participants.iter().any(|p| p.removed));
    assert_eq!(record.teams.len(), 2);
    let votes: usize = record.questions.iter().map(|q| q.votes.len()).sum();
    assert_eq!(votes, 4 * record.questions.len());
}

#[test]
fn a_quiz_without_phones_runs_by_the_keys_alone() {
    let dir = temp_dir();
    let mut app = team_app(dir.path());
    send(&mut app, TeamAction::Setup.into());
    send(
        &mut app,
        TeamAction::Pick(Activity::Quiz(QuizPick::Mixed)).into(),
    );
    assert_eq!(team(&app).draft.voting, Duration::from_secs(20));
    send(&mut app, TeamAction::TogglePhones.into());
    send(&mut app, TeamAction::Open.into());
    // Without phones there is no lobby and no server.
    assert_eq!(screen(&app), Screen::TeamPlay);
    assert!(team(&app).link.is_none());
    assert_eq!(stage(&app), Stage::Voting);

    // The first question: vote counts typed by hand.
    key(&mut app, KeyCode::KeyH);
    let fields = team(&app).counts.clone().expect("the counts panel");
    let typed: Vec<String> = (0..fields.len()).map(|i| (i + 2).to_string()).collect();
    send(&mut app, TeamAction::CountsDraft(typed).into());
    send(&mut app, TeamAction::CountsSave.into());
    assert_eq!(stage(&app), Stage::Revealed);
    let vm = PlayView::new(team(&app), &library(&app), Lang::Ru).expect("a play view");
    assert_eq!(vm.options[0].votes, Some(2));
    assert!(
        vm.explanation.is_some(),
        "the explanation follows the reveal"
    );
    key(&mut app, KeyCode::Space);
    assert_eq!(stage(&app), Stage::Board);
    key(&mut app, KeyCode::Space);

    // The rest: the room's choice by a show of hands, key 1.
    for _ in 0..40 {
        match stage(&app) {
            Stage::Voting => key(&mut app, KeyCode::Digit1),
            Stage::Revealed | Stage::Board => key(&mut app, KeyCode::Space),
            Stage::Over => break,
            other => panic!("unexpected stage {other:?}"),
        }
    }
    assert_eq!(stage(&app), Stage::Over);
    key(&mut app, KeyCode::Space);
    assert_eq!(screen(&app), Screen::TeamEnd);
    let end = EndView::new(team(&app), &library(&app), Lang::Ru, TeamTab::Summary).expect("end");
    assert!(end.is_quiz());
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Title);
    let saves = app.world().resource::<Saves>();
    let history = saves
        .with(|s| s.history(saves.profile, 0, 10))
        .expect("history");
    let row = history.first().expect("the quiz session is saved");
    assert_eq!(row.kind, StoreKind::Team);
    assert_eq!(row.activity, "quiz/mixed");
}

#[test]
fn a_team_quiz_gives_speed_points_a_top_five_and_team_totals() {
    let dir = temp_dir();
    let mut app = team_app(dir.path());
    send(&mut app, TeamAction::Setup.into());
    send(
        &mut app,
        TeamAction::Pick(Activity::Quiz(QuizPick::Mixed)).into(),
    );
    send(&mut app, TeamAction::Teams(1).into());
    send(&mut app, TeamAction::Open.into());
    let phones: Vec<(Phone, usize)> = ["Ира", "Костя", "Лена"]
        .iter()
        .enumerate()
        .map(|(i, n)| {
            (
                join(&app, n, Some(usize::from(i == 2))),
                usize::from(i == 2),
            )
        })
        .collect();
    until(&mut app, "three names", |a| {
        team(a)
            .session
            .as_ref()
            .is_some_and(|s| s.room.present().count() == 3)
    });
    key(&mut app, KeyCode::Space);
    assert_eq!(stage(&app), Stage::Voting);
    let right = {
        let s = team(&app).session.as_ref().expect("a session");
        let q = s.quiz_play().expect("a quiz");
        client_first::team::session::QuizPlay::correct(q.item().expect("a question"))
    };
    let wrong = (right + 1) % 2;
    // Ира answers right first, Лена right a little later, Костя wrong.
    vote(&app, &phones[0].0, right);
    std::thread::sleep(Duration::from_millis(300));
    vote(&app, &phones[2].0, right);
    vote(&app, &phones[1].0, wrong);
    until(&mut app, "the reveal", |a| stage(a) == Stage::Revealed);
    key(&mut app, KeyCode::Space);
    assert_eq!(stage(&app), Stage::Board);
    let vm = PlayView::new(team(&app), &library(&app), Lang::Ru).expect("a play view");
    let board = vm.board.expect("the top five");
    assert_eq!(board.top[0].1, "Ира");
    assert_eq!(board.top[1].1, "Лена");
    assert!(
        board.top[0].2 > board.top[1].2,
        "the faster answer earns more"
    );
    assert_eq!(board.top[2].2, 0);
    assert!(board.top[0].2 <= 1000 && board.top[1].2 >= 500);
    // Team 0 (Ира, Костя) and team 1 (Лена): totals are their members' points.
    let totals: Vec<u32> = board.teams.iter().map(|(_, p)| *p).collect();
    assert_eq!(totals.iter().sum::<u32>(), board.top[0].2 + board.top[1].2);
    send(&mut app, TeamAction::Finish.into());
    assert_eq!(screen(&app), Screen::Title);
}

#[test]
fn a_session_left_in_the_lobby_saves_nothing() {
    let dir = temp_dir();
    let mut app = team_app(dir.path());
    send(&mut app, TeamAction::Setup.into());
    send(&mut app, TeamAction::Open.into());
    assert_eq!(screen(&app), Screen::TeamLobby);
    key(&mut app, KeyCode::Escape);
    assert_eq!(overlay(&app), client_first::game::Overlay::Leave);
    send(&mut app, TeamAction::Abandon.into());
    assert_eq!(screen(&app), Screen::Title);
    let saves = app.world().resource::<Saves>();
    let history = saves
        .with(|s| s.history(saves.profile, 0, 10))
        .expect("history");
    assert!(history.is_empty());
}

// ------------------------------------------------------------------------------------ the views

/// A view drawn once by egui_kittest at `size` points; the actions it sends are its state.
fn drawn<'a, V: 'a>(
    vm: V,
    cx: client_first::game::views::Cx,
    size: bevy_egui::egui::Vec2,
    show: fn(&mut bevy_egui::egui::Ui, &V, &client_first::game::views::Cx, &mut Vec<Action>),
) -> egui_kittest::Harness<'a, Vec<Action>> {
    let mut h = egui_kittest::Harness::builder()
        .with_size(size)
        .build_ui_state(
            move |ui, out: &mut Vec<Action>| show(ui, &vm, &cx, out),
            Vec::new(),
        );
    h.run();
    h
}

/// A session of the guitar case with two teams, at its first vote.
fn state_at_first_vote(lib: &client_first::engine::library::Library) -> TeamState {
    use client_first::team::room::Room;
    use client_first::team::session::{Plan, Session};
    let plan = Plan {
        activity: Activity::Scenario("guitar".into()),
        teams: Room::teams_named(&["Red".into(), "Blue".into()]),
        voting: Duration::from_secs(45),
        phones: false,
    };
    let mut s = Session::scenario(plan, lib.get("guitar").expect("guitar").clone(), 7, 300);
    s.room.join("Аня", Some(0)).expect("joins");
    s.room.join("<i>Боб</i>", Some(1)).expect("joins");
    s.begin();
    while s.stage() == Stage::Lines {
        s.advance();
    }
    assert_eq!(s.stage(), Stage::Voting);
    let mut state = TeamState::default();
    state.session = Some(s);
    state
}

#[test]
fn a_vote_shows_every_reply_on_one_screen_at_250_percent() {
    use bevy_egui::egui;
    use client_first::game::views::{self, Cx};
    use egui_kittest::kittest::Queryable;
    let content = Content::load(None);
    let lib = &content.library;
    let state = state_at_first_vote(lib);
    let vm = PlayView::new(&state, lib, Lang::Ru).expect("a vote");
    assert_eq!(vm.options.len(), 4);
    let labels: Vec<String> = vm.options.iter().map(|o| o.label.clone()).collect();
    let close = vm.targets()[0].label.clone();
    let mut cx = Cx::plain();
    cx.palette = client_first::game::theme::Palette::new(true);
    cx.presenter = true;
    // 1280×720 at 250% text: 512×288 points.
    let mut h = drawn(vm, cx, egui::vec2(512.0, 288.0), views::team::show_play);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(512.0, 288.0));
    for label in &labels {
        let rect = h.get_by_label(label).rect();
        assert!(screen.contains_rect(rect), "{label} at {rect:?}");
    }
    h.get_by_label(&close).click();
    h.run();
    assert_eq!(h.state(), &vec![Action::Team(TeamAction::Next)]);
}

#[test]
fn the_set_up_and_the_lobby_send_their_actions() {
    use bevy_egui::egui;
    use client_first::game::models::team::SetupView;
    use client_first::game::views::{self, Cx};
    use egui_kittest::kittest::Queryable;
    let content = Content::load(None);
    let lib = &content.library;
    let state = TeamState::default();
    let vm = SetupView::new(&state, lib, Lang::En);
    let (second, second_label) = (vm.activities[1].0.clone(), vm.activities[1].1.clone());
    let mut h = drawn(
        vm,
        Cx::plain(),
        egui::vec2(1280.0, 720.0),
        views::team::show_setup,
    );
    h.get_by_label("+ More teams").click();
    h.run();
    h.get_by_label("+ Longer").click();
    h.run();
    h.get_by_label(&second_label).click();
    h.run();
    assert_eq!(
        h.state(),
        &vec![
            Action::Team(TeamAction::Teams(1)),
            Action::Team(TeamAction::Voting(1)),
            Action::Team(TeamAction::Pick(second)),
        ]
    );

    // The lobby: a nickname with markup is shown as typed, and clicking it removes the person.
    let mut state = state_at_first_vote(lib);
    if let Some(s) = &mut state.session {
        s.room = client_first::team::room::Room::new(s.room.teams().to_vec(), 300);
        s.room.join("Аня", Some(0)).expect("joins");
        s.room.join("<i>Боб</i>", Some(1)).expect("joins");
    }
    let vm = LobbyView::new(&state, lib, Lang::Ru).expect("a lobby");
    let bob = vm.arrivals[1].id;
    let mut h = drawn(
        vm,
        Cx::plain(),
        egui::vec2(1280.0, 720.0),
        views::team::show_lobby,
    );
    h.get_by_label("<i>Боб</i>  ✕").click();
    h.run();
    assert_eq!(h.state(), &vec![Action::Team(TeamAction::Remove(bob))]);
}
