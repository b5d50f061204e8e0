//! The `client-first` binary: the command line today, the game window once it lands.

use clap::Parser;
use client_first::cli::{Cli, run_command};
use client_first::engine::library::Library;

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(command) => run_command(command),
        None => {
            // The game window comes with the next milestone; until then, show what is playable,
            // in both languages.
            let lib = Library::builtin();
            println!("Client First — тренажёр клиентского сервиса / customer-service training\n");
            for l in &lib.scenarios {
                let t = &l.scenario.title;
                println!("  {:<20} {} / {}", l.scenario.id, t.ru, t.en);
            }
            println!("\nСыграть / Play:        client-first play <id> --lang ru|en");
            println!("Проверить / Validate:  client-first check [PATHS…]");
            println!("Граф / Graph:          client-first graph <id> | dot -Tsvg > graph.svg");
            0
        }
    };
    std::process::exit(code);
}
