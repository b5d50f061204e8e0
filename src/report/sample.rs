//! Sample attempts from real playthroughs, for trying the reports and an LRS without a store.
//!
//! Each sample trainee plays real scenarios of the library through the engine; at every decision
//! they pick the best reply with their own probability (their skill, rising a little with each
//! attempt) and otherwise a random one. The debriefs, scores and principle results are therefore
//! the engine's own, not invented numbers.

use super::model::{AttemptMeta, AttemptRecord};
use crate::engine::debrief;
use crate::engine::library::Library;
use crate::engine::run::Run;
use crate::engine::text::Lang;
use chrono::{DateTime, Duration, Utc};
use std::collections::BTreeSet;
use std::sync::Arc;
use uuid::Uuid;

/// A small, portable generator (SplitMix64): the same seed gives the same sample on every machine.
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

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Plays one scenario as a trainee who picks the best reply with probability `skill`.
/// Returns `None` when the scenario is unknown or the run does not end within its node count.
#[expect(
    clippy::too_many_arguments,
    reason = "a sample attempt needs each of these"
)]
pub fn play(
    lib: &Library,
    scenario: &str,
    seed: u64,
    skill: f64,
    profile: &str,
    group: Option<&str>,
    lang: Lang,
    started: DateTime<Utc>,
) -> Option<AttemptRecord> {
    let loaded = lib.get(scenario)?;
    let s = Arc::clone(&loaded.scenario);
    let mut run = Run::start(Arc::clone(&s), seed);
    let mut rng = Mix(seed ^ 0xC1_1E47_F1A5);
    let limit = s.nodes.len() * 4 + 16;
    for _ in 0..limit {
        if run.is_over() {
            break;
        }
        let ids: Vec<(String, i32)> = run
            .choices()
            .iter()
            .map(|c| (c.id.clone(), c.total()))
            .collect();
        if ids.is_empty() {
            run.advance().ok()?;
            continue;
        }
        let pick = if rng.unit() < skill {
            ids.iter().max_by_key(|(_, t)| *t).map(|(i, _)| i.clone())?
        } else {
            ids[rng.below(ids.len())].0.clone()
        };
        run.choose(&pick).ok()?;
    }
    let outcome = run.outcome()?;
    let d = debrief::build(loaded, &outcome, &lib.all(), &BTreeSet::new());
    let seconds = 60 * i64::from(s.minutes.max(1)) / 2 + (rng.below(240) as i64);
    let registration = Uuid::from_u64_pair(rng.next(), rng.next());
    // Make it a valid version-4 UUID, so an LRS accepts it like any other.
    let registration = uuid::Builder::from_random_bytes(*registration.as_bytes()).into_uuid();
    let meta = AttemptMeta {
        id: registration.to_string(),
        registration,
        profile: profile.to_string(),
        group: group.map(str::to_string),
        lang,
        started,
        finished: started + Duration::seconds(seconds),
    };
    Some(AttemptRecord::from_run(
        &meta,
        &s,
        &loaded.analysis,
        &outcome,
        &d,
    ))
}

/// A sample group: `trainees` people, `attempts` attempts each over the library's scenarios, one a
/// day from `first`, with skills spread from weak to strong.
pub fn group(
    lib: &Library,
    name: &str,
    trainees: usize,
    attempts: usize,
    lang: Lang,
    first: DateTime<Utc>,
    seed: u64,
) -> Vec<AttemptRecord> {
    const NAMES: [&str; 12] = [
        "Anna", "Boris", "Vera", "Gleb", "Daria", "Egor", "Zoya", "Ilya", "Kira", "Lev", "Maya",
        "Nikita",
    ];
    let ids: Vec<String> = lib
        .scenarios
        .iter()
        .map(|l| l.scenario.id.clone())
        .collect();
    let mut out = Vec::with_capacity(trainees * attempts);
    if ids.is_empty() {
        return out;
    }
    for t in 0..trainees {
        let who = if t < NAMES.len() {
            NAMES[t].to_string()
        } else {
            format!("{} {}", NAMES[t % NAMES.len()], t / NAMES.len() + 1)
        };
        let base = 0.25 + 0.6 * (t as f64 / trainees.max(2).saturating_sub(1) as f64).min(1.0);
        for k in 0..attempts {
            let skill = (base + 0.02 * k as f64).min(0.98);
            let scenario = &ids[(t + k) % ids.len()];
            let when = first + Duration::days(k as i64) + Duration::minutes(37 * t as i64);
            let s = seed
                .wrapping_mul(1_000_003)
                .wrapping_add((t * 1000 + k) as u64);
            if let Some(a) = play(lib, scenario, s, skill, &who, Some(name), lang, when) {
                out.push(a);
            }
        }
    }
    out
}
