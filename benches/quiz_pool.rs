//! Benchmark: build the whole quiz question pool of the built-in library, and print its size per kind.
//!
//! Run with `cargo bench --no-default-features --bench quiz_pool` (the engine alone, no Bevy).
//! Target: at most 20 ms for the whole pool in a release build on a 2-core machine. Loading the
//! library is not part of the figure: the game loads it once at start and builds the pool from it.

use client_first::engine::library::Library;
use client_first::engine::quiz::{Pool, RoundKind, RoundSpec};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Instant;

fn bench(c: &mut Criterion) {
    let lib = Library::builtin();
    assert!(
        lib.problems.is_empty(),
        "the built-in library must load cleanly"
    );
    // The fastest of ten passes: on a shared machine other processes only ever add time.
    let mut fastest = f64::MAX;
    let mut pool = Pool::default();
    for _ in 0..10 {
        let t = Instant::now();
        pool = Pool::build(&lib);
        fastest = fastest.min(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "quiz pool of {} scenarios: {} questions, fastest of 10 passes {fastest:.2} ms",
        lib.scenarios.len(),
        pool.questions.len(),
    );
    for (kind, n) in pool.counts() {
        println!("  {kind:?}: {n}");
    }
    println!("  skipped candidates: {}", pool.skipped.len());
    let mut group = c.benchmark_group("quiz");
    group.bench_function("build_pool_builtin", |b| {
        b.iter(|| black_box(Pool::build(black_box(&lib))))
    });
    group.bench_function("round_of_10_mixed", |b| {
        let mut seed = 0;
        b.iter(|| {
            seed += 1;
            black_box(pool.round(&RoundSpec::new(RoundKind::Mixed, seed), &lib.catalog))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
