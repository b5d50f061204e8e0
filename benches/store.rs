//! Benchmark: the progress store with a long history.
//!
//! Run with `cargo bench --no-default-features --bench store` (no Bevy). It generates a store file
//! of `STORE_BENCH_ATTEMPTS` (default 100,000) finished dialogue attempts, all of ONE profile (the
//! worst case for that profile's screens), made from 400 real random playthroughs of the shipped
//! scenarios with their real steps, per-principle results and reviews, spread over two years. It
//! loads them through the import path (one transaction), then times what the screens and the game
//! do. Targets (release build): progress-screen data ≤ 50 ms, picker data ≤ 10 ms, saving one
//! decision ≤ 5 ms; it also prints the file size per attempt.

use client_first::engine::library::Library;
use client_first::engine::progress::{self, Rating};
use client_first::engine::run::Run;
use client_first::engine::text::Lang;
use client_first::store::transfer::{
    ExportAttempt, ExportFile, ExportProfile, ExportReview, ExportStep, FORMAT, VERSION,
};
use client_first::store::{
    Finish, Kind, Mode, NewAttempt, ProfileId, Step, Store, end_of_local_day, now_ms,
};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Real playthroughs to copy from.
const TEMPLATES: usize = 400;

fn attempts() -> usize {
    std::env::var("STORE_BENCH_ATTEMPTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

/// A random playthrough of a shipped scenario, as an exported attempt (times filled in later).
fn template(lib: &Library, i: usize) -> ExportAttempt {
    let l = &lib.scenarios[i % lib.scenarios.len()];
    let seed = i as u64 * 7919 + 1;
    let mut run = Run::start(Arc::clone(&l.scenario), seed);
    let mut x = seed | 1;
    for _ in 0..1000 {
        if run.is_over() {
            break;
        }
        if run.can_continue() {
            let _ = run.advance();
            continue;
        }
        let ids: Vec<String> = run.choices().iter().map(|c| c.id.clone()).collect();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let _ = run.choose(&ids[(x % ids.len() as u64) as usize]);
    }
    let outcome = run.outcome().expect("a finished run");
    let finish = Finish::dialogue(l, &outcome);
    ExportAttempt {
        uuid: String::new(),
        kind: Kind::Dialogue,
        activity: l.scenario.id.clone(),
        hash: progress::scenario_hash(&l.scenario),
        seed,
        mode: Mode::Coach,
        lang: Lang::Ru,
        started: 0,
        finished: 0,
        ending: finish.ending.clone(),
        total: finish.total,
        score: finish.score,
        principles: finish.principles.clone(),
        detail: serde_json::Value::Null,
        steps: outcome
            .decisions
            .iter()
            .map(|d| ExportStep {
                step: Step::decision(&d.node, &d.choice, 4_000),
                at: 0,
            })
            .collect(),
        reviews: finish
            .observations
            .iter()
            .map(|o| ExportReview {
                step: o.step,
                principle: o.principle.clone(),
                at: 0,
                rating: o.rating.number(),
                value: o.value,
            })
            .collect(),
    }
}

/// Builds the store and returns it with its profile.
fn generate(dir: &std::path::Path, lib: &Library) -> (Store, ProfileId) {
    let n = attempts();
    let t0 = Instant::now();
    let templates: Vec<ExportAttempt> = (0..TEMPLATES).map(|i| template(lib, i)).collect();
    let two_years: i64 = 2 * 365 * 86_400_000;
    let start = now_ms() - two_years;
    let step = two_years / n as i64;
    let attempts: Vec<ExportAttempt> = (0..n)
        .map(|i| {
            let mut a = templates[i % TEMPLATES].clone();
            let finished = start + i as i64 * step;
            a.uuid = format!("00000000-0000-4000-8000-{i:012}");
            a.started = finished - 300_000;
            a.finished = finished;
            for s in &mut a.steps {
                s.at = finished;
            }
            for r in &mut a.reviews {
                r.at = finished;
            }
            a
        })
        .collect();
    let reviews: usize = attempts.iter().map(|a| a.reviews.len()).sum();
    let steps: usize = attempts.iter().map(|a| a.steps.len()).sum();
    let file = ExportFile {
        format: FORMAT.into(),
        version: VERSION,
        exported: now_ms(),
        profile: ExportProfile {
            uuid: "bench-profile".into(),
            name: "Bench".into(),
            group: None,
            created: start,
        },
        attempts,
    };
    let made = t0.elapsed();
    let store = Store::open(&dir.join("progress.sqlite"))
        .expect("opens")
        .store;
    let t1 = Instant::now();
    let summary = store.import(&file).expect("imports");
    let imported = t1.elapsed();
    println!(
        "generated {n} attempts ({steps} steps, {reviews} reviews) in {made:.2?}; imported in {imported:.2?}"
    );
    store
        .connection()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .expect("checkpoint");
    let size = std::fs::metadata(dir.join("progress.sqlite"))
        .map(|m| m.len())
        .unwrap_or(0);
    println!(
        "store file: {:.1} MB, {:.0} bytes per attempt",
        size as f64 / 1e6,
        size as f64 / n as f64
    );
    drop(store);
    let store = once(
        "reopen (header, version and quick_check, then migrations)",
        || {
            Store::open(&dir.join("progress.sqlite"))
                .expect("reopens")
                .store
        },
    );
    (store, summary.profile)
}

fn once<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    println!("{what}: {:.2?} (one cold call)", t.elapsed());
    out
}

fn bench(c: &mut Criterion) {
    let lib = Library::builtin();
    let dir = tempfile::tempdir().expect("temp dir");
    let (store, profile) = generate(dir.path(), &lib);
    let until = end_of_local_day(now_ms());
    let data = once("progress screen data", || {
        store
            .progress(profile, &lib.catalog, 50, until)
            .expect("progress")
    });
    println!(
        "  {} attempts in all, {} chart points, {} history rows, {} due, {} scenarios done",
        data.history_total,
        data.scores.len(),
        data.history.len(),
        data.due,
        data.completed.len()
    );
    once("picker data", || {
        store.picker(profile, Kind::Dialogue).expect("picker")
    });

    let mut g = c.benchmark_group("store");
    g.sample_size(30).measurement_time(Duration::from_secs(5));
    g.bench_function("progress screen data (100k attempts)", |b| {
        b.iter(|| {
            black_box(
                store
                    .progress(profile, &lib.catalog, 50, until)
                    .expect("progress"),
            )
        })
    });
    g.bench_function("picker data", |b| {
        b.iter(|| black_box(store.picker(profile, Kind::Dialogue).expect("picker")))
    });
    g.bench_function("principle over time", |b| {
        b.iter(|| {
            black_box(
                store
                    .principle_over_time(profile, "fc.never_just_no", 200)
                    .expect("chart"),
            )
        })
    });
    g.bench_function("due count", |b| {
        b.iter(|| black_box(store.due_count(profile, until).expect("due")))
    });
    g.bench_function("practise next", |b| {
        b.iter(|| black_box(store.practise_next(profile, &lib, until).expect("next")))
    });
    let loaded = lib.get("guitar").expect("guitar");
    let attempt = store
        .start_attempt(&NewAttempt::dialogue(
            profile,
            loaded,
            1,
            Mode::Coach,
            Lang::En,
        ))
        .expect("start");
    let mut index = 0;
    g.bench_function("autosave one decision", |b| {
        b.iter(|| {
            store
                .save_step(attempt, index, &Step::decision("node", "choice", 2_000))
                .expect("autosave");
            index += 1;
        })
    });
    g.bench_function("finish an attempt (synchronous=FULL)", |b| {
        b.iter(|| {
            let a = store
                .start_attempt(&NewAttempt::dialogue(
                    profile,
                    loaded,
                    2,
                    Mode::Coach,
                    Lang::En,
                ))
                .expect("start");
            store
                .finish_attempt(
                    a,
                    &Finish {
                        ending: Some("end".into()),
                        score: 50,
                        observations: vec![progress::Observation {
                            step: 0,
                            principle: "fc.never_just_no".into(),
                            value: 1.0,
                            rating: Rating::Good,
                        }],
                        ..Finish::default()
                    },
                )
                .expect("finish")
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
