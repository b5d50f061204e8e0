//! Benchmark: generate 1,000 scenarios of 50 nodes, then time loading plus `check` on all of them.
//!
//! Run with `cargo bench --no-default-features --bench load_check` (the engine alone, no Bevy).
//! Target: at most 0.5 s for the whole batch in a release build on a 2-core machine.

use client_first::engine::library::{Library, SourceFile, builtin_files};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::fmt::Write;
use std::hint::black_box;
use std::time::Instant;

const SCENARIOS: usize = 1_000;
const NODES: usize = 50;

/// A scenario of `NODES` nodes: a chain of decisions with three choices each, a few flags and
/// once-only loops, ending in three endings, so that every check has work to do.
fn generate(i: usize) -> String {
    let principles = [
        "fc.never_just_no",
        "fc.solution_language",
        "st.polite",
        "cr.composure",
        "fp.exceed_expectations",
        "st.record_in_crm",
    ];
    let mut s = String::new();
    let _ = write!(
        s,
        "Scenario(id: \"gen_{i}\", title: (ru: \"Сценарий {i}\", en: \"Scenario {i}\"), summary: (ru: \"Тест\", en: \"Test\"), \
         cases: [\"guitar\"], difficulty: 2, channel: Phone, minutes: 5, languages: [ru, en], \
         client: Client(id: \"client\", name: (ru: \"Анна\", en: \"Anna\"), mood: 50), start: \"n0\", nodes: ["
    );
    let decisions = NODES - 3;
    for n in 0..decisions {
        let next = if n + 1 < decisions {
            format!("n{}", n + 1)
        } else {
            "end_ok".into()
        };
        let skip = if n + 2 < decisions {
            format!("n{}", n + 2)
        } else {
            "end_lost".into()
        };
        let p1 = principles[(n + i) % principles.len()];
        let p2 = principles[(n + i + 1) % principles.len()];
        let extra = if n % 7 == 3 {
            format!(
                "Choice(id: \"ask\", label: (ru: \"Уточнить\", en: \"Ask\"), scores: {{\"{p2}\": 1}}, feedback: (ru: \"Да\", en: \"Yes\"), next: \"n{n}\", once: true),"
            )
        } else if n % 5 == 4 {
            format!(
                "Choice(id: \"wow\", label: (ru: \"Вау\", en: \"Wow\"), scores: {{\"{p1}\": 3}}, mood: 10, feedback: (ru: \"Да\", en: \"Yes\"), next: \"end_wow\", when: [Flag(\"f{}\")]),",
                n - 1
            )
        } else {
            String::new()
        };
        let _ = write!(
            s,
            "Node(id: \"n{n}\", lines: [Line(speaker: \"client\", text: (ru: \"Реплика {n}\", en: \"Line {n}\"))], then: Choices([\
             Choice(id: \"good\", label: (ru: \"Хорошо\", en: \"Good\"), scores: {{\"{p1}\": 2}}, mood: 5, set: [\"f{n}\"], feedback: (ru: \"Да\", en: \"Yes\"), next: \"{next}\"),\
             Choice(id: \"bad\", label: (ru: \"Плохо\", en: \"Bad\"), scores: {{\"{p2}\": -2}}, mood: -5, feedback: (ru: \"Нет\", en: \"No\"), next: \"{skip}\"),\
             {extra}])),"
        );
    }
    for (id, kind) in [
        ("end_ok", "Resolved"),
        ("end_lost", "Lost"),
        ("end_wow", "Wow"),
    ] {
        let _ = write!(
            s,
            "Node(id: \"{id}\", then: End(Ending(kind: {kind}, title: (ru: \"Конец\", en: \"End\"), text: (ru: \"Всё\", en: \"Done\")))),"
        );
    }
    s.push_str("])");
    s
}

fn catalogs() -> Vec<SourceFile> {
    builtin_files()
        .into_iter()
        .filter(|f| f.is_principles() || f.is_cases())
        .collect()
}

fn bench(c: &mut Criterion) {
    let files: Vec<SourceFile> = (0..SCENARIOS)
        .map(|i| SourceFile::new(format!("gen_{i}.ron"), &generate(i)))
        .collect();
    // One check outside the timing: the generated scenarios must really be clean, or the figure is meaningless.
    let lib = Library::from_files(catalogs(), files.clone());
    assert!(
        lib.problems.is_empty(),
        "{:#?}",
        lib.problems.first().map(|p| &p.diagnostics)
    );
    assert_eq!(lib.scenarios.len(), SCENARIOS);
    let t = Instant::now();
    let lib = Library::from_files(catalogs(), files.clone());
    println!(
        "load + check of {SCENARIOS} scenarios × {NODES} nodes: {:.3} s (one pass, {} scenarios ok)",
        t.elapsed().as_secs_f64(),
        lib.scenarios.len()
    );
    let t = Instant::now();
    for f in &files {
        black_box(client_first::engine::load::parse_scenario(&f.name, &f.text).is_ok());
    }
    println!("of which parsing alone: {:.3} s", t.elapsed().as_secs_f64());
    let mut group = c.benchmark_group("library");
    group.sample_size(10);
    group.bench_function("load_and_check_1000x50", |b| {
        b.iter_batched(
            || files.clone(),
            |files| black_box(Library::from_files(catalogs(), files)),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
