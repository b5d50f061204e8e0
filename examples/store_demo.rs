//! A progress store filled the way the game fills it, without the game: sample trainees play the
//! built-in scenarios through the engine, each attempt is started, autosaved after every decision,
//! finished and queued for the LRS, and a background syncer sends the queue. It shows the exact calls
//! the game makes, and gives a store to try `client-first report … --store FILE` and `sync` on.
//!
//! `cargo run --no-default-features --example store_demo FILE [TRAINEES] [ATTEMPTS] [GROUP]`
//! (defaults: 3 trainees, 5 attempts each, group "Onboarding"). With `CF_LRS_ENDPOINT`, `CF_LRS_KEY` and
//! `CF_LRS_SECRET` set, they are saved as the store's LRS settings (as the Settings screen saves them),
//! every finished attempt is queued, and the syncer runs until the queue is empty (at most a minute).

use client_first::engine::library::Library;
use client_first::engine::run::Run;
use client_first::engine::text::Lang;
use client_first::report::lrs::{LrsConfig, Secret};
use client_first::report::queue::{self, Queued};
use client_first::report::syncer::Syncer;
use client_first::report::xapi::XapiConfig;
use client_first::store::{Mode, NewAttempt, Step, Store};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A small portable generator (SplitMix64), so that the same arguments give the same store.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1_u64 << 53) as f64
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first().map(PathBuf::from) else {
        eprintln!("usage: store_demo FILE [TRAINEES] [ATTEMPTS] [GROUP]");
        std::process::exit(2);
    };
    let trainees: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(3);
    let attempts: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let group = args.get(3).cloned().unwrap_or_else(|| "Onboarding".into());
    if let Err(e) = fill(&path, trainees, attempts, &group) {
        eprintln!("{}: {e}", path.display());
        std::process::exit(1);
    }
}

fn fill(
    path: &std::path::Path,
    trainees: usize,
    attempts: usize,
    group: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let lib = Library::builtin();
    // What the game does at start-up: open (or create, migrate, recover) the store.
    let store = Store::open(path)?.store;
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    if let (Some(endpoint), Some(key)) = (env("CF_LRS_ENDPOINT"), env("CF_LRS_KEY")) {
        // What the Settings screen does on Save.
        LrsConfig {
            endpoint,
            key,
            secret: Secret::new(env("CF_LRS_SECRET").unwrap_or_default()),
        }
        .save(&store)?;
    }
    let xapi = XapiConfig::load(&store)?;
    let syncer = Syncer::spawn(path.to_path_buf(), LrsConfig::load(&store)?);
    let ids: Vec<String> = lib
        .scenarios
        .iter()
        .map(|l| l.scenario.id.clone())
        .collect();
    let mut rng = Mix(7);
    let mut queued = 0;
    for t in 0..trainees {
        let profile = store.create_profile(&format!("Trainee {}", t + 1), Some(group))?;
        let skill = 0.3 + 0.65 * t as f64 / trainees.max(2).saturating_sub(1) as f64;
        for k in 0..attempts {
            let loaded = lib
                .get(&ids[(t + k) % ids.len()])
                .ok_or("a built-in scenario")?;
            let seed = rng.next();
            // The game's calls, in order: start, autosave each decision, finish, queue, wake.
            let attempt = store.start_attempt(&NewAttempt::dialogue(
                profile.id,
                loaded,
                seed,
                Mode::Coach,
                Lang::En,
            ))?;
            let mut run = Run::start(Arc::clone(&loaded.scenario), seed);
            for _ in 0..(loaded.scenario.nodes.len() * 4 + 16) {
                if run.is_over() {
                    break;
                }
                if run.can_continue() {
                    run.advance()?;
                    continue;
                }
                let offered: Vec<(String, i32)> = run
                    .choices()
                    .iter()
                    .map(|c| (c.id.clone(), c.total()))
                    .collect();
                let pick = if rng.unit() < skill {
                    offered
                        .iter()
                        .max_by_key(|(_, p)| *p)
                        .map(|(c, _)| c.clone())
                } else {
                    offered
                        .get((rng.next() % offered.len().max(1) as u64) as usize)
                        .map(|(c, _)| c.clone())
                };
                run.choose(&pick.ok_or("a decision without choices")?)?;
                let i = run.decisions().len() - 1;
                let d = &run.decisions()[i];
                store.save_step(attempt, i, &Step::decision(&d.node, &d.choice, 3000))?;
            }
            let outcome = run.outcome().ok_or("the conversation did not end")?;
            store.finish_dialogue(attempt, loaded, &outcome)?;
            if let Queued::Statements { added, .. } = queue::finished(&store, attempt, &lib, &xapi)?
            {
                queued += added;
                syncer.wake();
            }
        }
    }
    println!(
        "{}: {} trainees × {} attempts, {queued} statements queued",
        path.display(),
        trainees,
        attempts
    );
    // What the Settings screen shows, until the queue is empty (or a minute has passed).
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut status = syncer.status();
    while status.configured && Instant::now() < deadline {
        status = syncer.wait_rounds(status.rounds, Duration::from_secs(10));
        println!("{}", status.summary(Lang::En));
        if status.outbox.pending == 0 || status.error.is_some() {
            break;
        }
    }
    Ok(())
}
