//! Benchmark: build the report of one attempt, and the group report of 50 trainees × 20 attempts.
//!
//! Run with `cargo bench --no-default-features --bench reports`. Targets: one attempt ≤ 20 ms, the
//! group ≤ 500 ms, in a release build on a 2-core machine. The attempts are real playthroughs of
//! the built-in scenarios (`report::sample`), generated before timing.

use chrono::{TimeZone, Utc};
use client_first::engine::library::Library;
use client_first::engine::text::Lang;
use client_first::report::html;
use client_first::report::stats::{Context, Group};
use client_first::report::{csv_out, sample};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Instant;

fn reports(c: &mut Criterion) {
    let lib = Library::builtin();
    let ctx = Context::from_library(&lib);
    let first = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
    let t = Instant::now();
    let attempts = sample::group(&lib, "Bench", 50, 20, Lang::En, first, 3);
    println!(
        "generated {} attempts in {:.2?} (not timed below)",
        attempts.len(),
        t.elapsed()
    );
    let one = attempts
        .iter()
        .max_by_key(|a| a.decisions.len())
        .expect("attempts")
        .clone();
    let t = Instant::now();
    let page = html::attempt(&one, &ctx, Lang::En);
    println!(
        "one attempt ({} decisions): {:.2?}, {} KB",
        one.decisions.len(),
        t.elapsed(),
        page.len() / 1024
    );
    let t = Instant::now();
    let page = html::group(&Group::new(Some("Bench"), &attempts), &ctx, Lang::En);
    println!(
        "group of 50 × 20 ({} attempts): {:.2?}, {} KB",
        attempts.len(),
        t.elapsed(),
        page.len() / 1024
    );
    c.bench_function("report_attempt", |b| {
        b.iter(|| html::attempt(black_box(&one), &ctx, Lang::En))
    });
    let mut g = c.benchmark_group("group_50x20");
    g.sample_size(10);
    g.bench_function("report_group_html", |b| {
        b.iter(|| {
            let grp = Group::new(Some("Bench"), black_box(&attempts));
            html::group(&grp, &ctx, Lang::En)
        })
    });
    g.bench_function("report_group_csv_principles", |b| {
        b.iter(|| csv_out::principles(black_box(&attempts), &ctx, Lang::En))
    });
    g.finish();
}

criterion_group!(benches, reports);
criterion_main!(benches);
