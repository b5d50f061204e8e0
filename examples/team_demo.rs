//! A team session without the game: the phone server and a host loop on the terminal, to try the
//! phone page on real phones and to show the exact calls the game makes.
//!
//! `cargo run --no-default-features --example team_demo [ADDRESS]`; without an address it lists this
//! machine's addresses and listens on 127.0.0.1. Keys (then Enter): `o` opens a decision, `z` a quiz
//! question, `c` closes voting, `r` reveals, `x` removes the last participant, `q` ends. It also ends
//! by itself after 30 minutes.

use client_first::engine::text::{Lang, Text};
use client_first::i18n::tr;
use client_first::team::room::{Choice, CloseReason, Kind, Room};
use client_first::team::server::{
    Command, Event, OpenQuestion, ServerConfig, TeamServer, addresses,
};
use std::io::BufRead;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn main() {
    for a in addresses() {
        println!(
            "  {:<16} {}{}{}",
            a.adapter,
            a.ip,
            if a.loopback { "  (loopback)" } else { "" },
            if a.virtual_adapter { "  (virtual)" } else { "" }
        );
    }
    let ip: IpAddr = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(Ipv4Addr::LOCALHOST.into());
    let names: Vec<String> = (1..=2)
        .map(|i| tr(Lang::En, &format!("team-default-{i}")))
        .collect();
    let mut config = ServerConfig::new(ip, Lang::En);
    config.teams = Room::teams_named(&names);
    let mut room = Room::new(config.teams.clone(), config.max_participants);
    // The game passes a closure that wakes winit; here the host loop wakes on a channel.
    let (wake_tx, wake_rx) = mpsc::channel::<()>();
    let wake_tx = std::sync::Mutex::new(wake_tx);
    let server = match TeamServer::start(
        config,
        Box::new(move || {
            let _ = wake_tx.lock().map(|t| t.send(()));
        }),
    ) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    println!(
        "Open {}  (or {} and type {})",
        server.url(),
        server.base_url(),
        server.code()
    );

    let (keys_tx, keys_rx) = mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines().map_while(Result::ok) {
            if keys_tx.send(line).is_err() {
                break;
            }
        }
    });
    let start = Instant::now();
    let mut opened_at = Instant::now();
    while start.elapsed() < Duration::from_secs(30 * 60) {
        let _ = wake_rx.recv_timeout(Duration::from_millis(200));
        for e in server.events() {
            e.apply(&mut room);
            match &e {
                Event::Joined { nickname, .. } => println!("joined: {nickname}"),
                Event::Voted { id, option, .. } => println!(
                    "vote from #{} for {} ({} of {} voted)",
                    id.0,
                    char::from(b'A' + option),
                    room.voted_count(),
                    room.present().count()
                ),
                Event::Left { id } => println!("left: #{}", id.0),
            }
        }
        while let Ok(key) = keys_rx.try_recv() {
            match key.trim() {
                "o" | "z" => {
                    let kind = if key.trim() == "z" {
                        Kind::Quiz { correct: 1 }
                    } else {
                        Kind::Decision
                    };
                    let limit = Duration::from_secs(45);
                    let Ok(number) = room.open(3, kind, limit) else {
                        continue;
                    };
                    server.send(Command::Open(OpenQuestion {
                        number,
                        prompt: Text::new(
                            "Клиент принёс сломанную гитару. Что ответить?",
                            "A client brings back a broken guitar. What do you say?",
                        ),
                        options: vec![
                            Text::new("Это не по гарантии", "That is not under warranty"),
                            Text::new("Давайте посмотрим вместе", "Let us look at it together"),
                            Text::new("Позову менеджера", "I will call the manager"),
                        ],
                        kind,
                        limit,
                    }));
                    opened_at = Instant::now();
                    println!("question {number} open");
                }
                "c" => {
                    room.close(CloseReason::Trainer);
                    server.send(Command::Close);
                }
                "r" => {
                    if let Ok(r) = room.reveal() {
                        match &r.choice {
                            Choice::Majority(o) => println!("room chose {}", char::from(b'A' + o)),
                            other => println!("{other:?}: the trainer picks"),
                        }
                        println!("counts {:?}, per team {:?}", r.counts, r.per_team);
                        server.send(Command::Reveal(r));
                    }
                }
                "x" => {
                    if let Some(p) = room.present().last().map(|p| p.id) {
                        room.remove(p);
                        server.send(Command::Remove(p));
                    }
                }
                "q" => {
                    server.end();
                    return;
                }
                _ => {}
            }
        }
        // Closing on time out or when everyone voted is the host's decision, on its own clock.
        if let Some(reason) = room.tick(opened_at.elapsed()) {
            println!("voting closed: {reason:?}");
            server.send(Command::Close);
        }
    }
    server.end();
}
