//! The `client-first` binary: the game window, or a command-line tool when given a command.

use clap::Parser;
use client_first::cli::{Cli, run_command};

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(command) => run_command(command),
        None => play(cli),
    };
    std::process::exit(code);
}

/// Opens the game window.
#[cfg(feature = "game")]
fn play(cli: Cli) -> i32 {
    let exit = client_first::game::run(client_first::game::Options {
        scenarios: cli.scenarios,
        lang: cli.lang,
        text_scale: cli.text_scale,
        screenshot: cli.screenshot,
        continuous: cli.continuous,
    });
    i32::from(!exit.is_success())
}

/// Without the `game` feature there is no window: list what is playable instead.
#[cfg(not(feature = "game"))]
fn play(_cli: Cli) -> i32 {
    let lib = client_first::engine::library::Library::builtin();
    println!("Client First — built without the `game` feature; scenarios:");
    for l in &lib.scenarios {
        let t = &l.scenario.title;
        println!("  {:<20} {} / {}", l.scenario.id, t.ru, t.en);
    }
    println!("\nPlay in the terminal: client-first play <id> --lang ru|en");
    0
}
