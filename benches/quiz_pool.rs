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
    let t = Instant::now();
    let pool = Pool::build(&lib);
    println!(
        "quiz pool of {} scenarios: {} questions in {:.2} ms (one pass)",
        lib.scenarios.len(),
        pool.questions.len(),
        t.elapsed().as_secs_f64() * 1000.0
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
