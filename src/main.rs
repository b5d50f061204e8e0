//! The `client-first` binary: the game window, or a command-line tool when given a command.

use clap::Parser;
use client_first::cli::{Cli, run_command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run_command(command, cli.lang),
        None => play(cli),
    }
}

/// Opens the game window.
#[cfg(feature = "game")]
fn play(cli: Cli) -> ExitCode {
    let exit = client_first::game::run(client_first::game::Options {
        scenarios: cli.scenarios,
        lang: cli.lang,
        text_scale: cli.text_scale,
        screenshot: cli.screenshot,
        continuous: cli.continuous,
        team: cli.team,
    });
    ExitCode::from(u8::from(!exit.is_success()))
}

/// Without the `game` feature there is no window: list what is playable instead.
#[cfg(not(feature = "game"))]
fn play(cli: Cli) -> ExitCode {
    use client_first::cli::{exit_code, overview, system_lang};
    let lang = cli.lang.unwrap_or_else(system_lang);
    let mut out = std::io::stdout().lock();
    exit_code(overview(lang, &mut out), lang)
}
