//! The `client-first` binary: the command line today, the game window once it lands.

use clap::Parser;
use client_first::cli::{Cli, run_command};
use client_first::engine::library::Library;

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(command) => run_command(command),
        None => {
            // The game window comes with the next milestone; until then, show what is playable.
            let lib = Library::builtin();
            println!("Client First: customer-service training.\n");
            for l in &lib.scenarios {
                println!("  {:<24} {}", l.scenario.id, l.scenario.title.en);
            }
            println!("\nPlay one:   client-first play <id> --lang ru|en");
            println!("Validate:   client-first check [PATHS…]");
            println!("Graph:      client-first graph <id> | dot -Tsvg > graph.svg");
            0
        }
    };
    std::process::exit(code);
}
