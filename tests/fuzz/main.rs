//! Fuzzing on stable Rust: millions of damaged inputs through every file reader, with no panic, no
//! hang and no misplaced finding allowed.
//!
//! Each target feeds generated inputs to the same functions the game and `check` use:
//!
//! - `scenario-bytes`: arbitrary bytes (mostly RON-like tokens, some raw noise) as a scenario file:
//!   decoding, parsing, the validator's passes and the state exploration;
//! - `scenario-mutations`: structure-aware mutations of every shipped scenario (ids renamed, values
//!   swapped, spans cut or duplicated, line ends and a byte-order mark changed, bytes broken);
//! - `principles` and `cases`: mutations of `scenarios/principles.ron` and `scenarios/cases.ron`;
//! - `spans`: the value-position reader on arbitrary text.
//!
//! The settings file is read by `src/game/settings.rs`, which needs Bevy; `settings_harness` below
//! shows the one call to add when its parse function moves out of the `game` feature.
//!
//! Every input is checked for: no panic (caught, and the input saved under `tests/fixtures/fuzz/`),
//! a time bound per input ([`TIME_BOUND`]; a watchdog saves an input that never finishes), and
//! located findings (each line and column exists in the file, and findings about a value point at
//! that value). Inputs are generated from a seed, so every finding can be replayed.
//!
//! `cargo test --no-default-features --test fuzz` runs a small count per target. For the figures in
//! `docs/reliability.md`:
//!
//! ```sh
//! FUZZ_CASES=1000000 cargo test --release --no-default-features --test fuzz -- --nocapture --test-threads 1
//! ```
//!
//! `FUZZ_SEED` changes the seed (default 1).

mod inputs;

use client_first::engine::diag::{Arg, Code, Diagnostic};
use client_first::engine::library::{SourceFile, builtin_files};
use client_first::engine::load::{parse_cases, parse_catalog, parse_scenario};
use client_first::engine::model::{CaseCatalog, Catalog};
use client_first::engine::validate::{check_catalog, check_scenario};
use inputs::Gen;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The longest one input may take. The slowest valid scenario checks in milliseconds; a debug build
/// is about ten times slower than a release build, so the bound leaves room for both.
const TIME_BOUND: Duration = Duration::from_secs(2);

/// How many inputs each target runs: `FUZZ_CASES`, or a small count for the normal test run.
fn cases() -> u64 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300)
}

fn seed() -> u64 {
    std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
}

/// What one run of a target found.
#[derive(Default, Debug)]
struct Findings {
    panics: Vec<String>,
    slow: Vec<String>,
    misplaced: Vec<String>,
    parsed: u64,
    diagnostics: u64,
    slowest: Duration,
}

/// Saves an input that crashed, hung or was misplaced, so that it becomes a regression fixture.
fn keep(target: &str, kind: &str, index: u64, input: &[u8]) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let name = format!("{kind}-{target}-{}-{index}.ron", seed());
    // Saving is best effort: the failure is reported with its seed and index either way.
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join(&name), input);
    name
}

/// Runs `count` inputs of one target, with a watchdog for inputs that never finish.
fn run(
    target: &str,
    count: u64,
    make: impl Fn(&mut Gen, u64) -> Vec<u8>,
    check: impl Fn(&[u8], &mut Findings),
) -> Findings {
    let mut g = Gen::new(seed() ^ inputs::hash(target));
    let mut f = Findings::default();
    let current: Arc<Mutex<Vec<u8>>> = Arc::default();
    let progress = Arc::new(AtomicU64::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let watchdog = {
        let (current, progress, done) = (current.clone(), progress.clone(), done.clone());
        let target = target.to_string();
        std::thread::spawn(move || {
            let mut last = (u64::MAX, Instant::now());
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(200));
                let now = progress.load(Ordering::Relaxed);
                if now != last.0 {
                    last = (now, Instant::now());
                } else if last.1.elapsed() > TIME_BOUND * 15 {
                    let input = current.lock().map(|c| c.clone()).unwrap_or_default();
                    let name = keep(&target, "hang", now, &input);
                    eprintln!(
                        "{target}: input {now} runs for over {:?}; kept as {name}",
                        TIME_BOUND * 15
                    );
                    std::process::exit(3);
                }
            }
        })
    };
    let started = Instant::now();
    for i in 0..count {
        let input = make(&mut g, i);
        if let Ok(mut c) = current.lock() {
            c.clone_from(&input);
        }
        progress.store(i, Ordering::Relaxed);
        let misplaced_before = f.misplaced.len();
        let t = Instant::now();
        let result = std::panic::catch_unwind(AssertUnwindSafe(|| check(&input, &mut f)));
        let took = t.elapsed();
        f.slowest = f.slowest.max(took);
        if result.is_err() {
            f.panics.push(keep(target, "crash", i, &input));
        }
        if took > TIME_BOUND {
            f.slow.push(keep(target, "slow", i, &input));
        }
        if f.misplaced.len() > misplaced_before {
            let name = keep(target, "misplaced", i, &input);
            if let Some(m) = f.misplaced.last_mut() {
                m.push_str(&format!(" (kept as {name})"));
            }
        }
    }
    done.store(true, Ordering::Relaxed);
    let _ = watchdog.join();
    let secs = started.elapsed().as_secs_f64();
    println!(
        "fuzz {target}: {count} inputs in {secs:.1} s ({:.0}/s), {} parsed, {} findings, slowest {:.1} ms; {} panics, {} over {:?}, {} misplaced",
        count as f64 / secs.max(1e-9),
        f.parsed,
        f.diagnostics,
        f.slowest.as_secs_f64() * 1000.0,
        f.panics.len(),
        f.slow.len(),
        TIME_BOUND,
        f.misplaced.len(),
    );
    f
}

fn assert_clean(target: &str, f: &Findings) {
    assert!(
        f.panics.is_empty(),
        "{target}: panics, inputs kept: {:?}",
        f.panics
    );
    assert!(
        f.slow.is_empty(),
        "{target}: slow inputs kept: {:?}",
        f.slow
    );
    assert!(
        f.misplaced.is_empty(),
        "{target}: misplaced findings: {:?}",
        f.misplaced
    );
}

/// The built-in catalogs, parsed once.
fn catalogs() -> (Catalog, CaseCatalog) {
    let files = builtin_files();
    let p = files.iter().find(|f| f.is_principles()).expect("shipped");
    let c = files.iter().find(|f| f.is_cases()).expect("shipped");
    (
        parse_catalog(&p.name, &p.text).expect("valid"),
        parse_cases(&c.name, &c.text).expect("valid"),
    )
}

/// Whether a finding's place exists in the file, and a finding about a value points at it.
fn misplaced(text: &str, d: &Diagnostic) -> Option<String> {
    if d.pos.line == 0 {
        return None;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let Some(line) = lines.get(d.pos.line - 1) else {
        return Some(format!(
            "{}: line {} of {}",
            d.code,
            d.pos.line,
            lines.len()
        ));
    };
    if d.code == Code::Encoding {
        return None;
    }
    let len = line.chars().count();
    if d.pos.col == 0 || d.pos.col > len + 1 {
        return Some(format!("{}: column {} of {}", d.code, d.pos.col, len));
    }
    let at: String = line.chars().skip(d.pos.col - 1).collect();
    let quoted = |name: &str| match d.args.get(name) {
        // A text that runs over several lines is compared on the caret's line only.
        Some(Arg::Text(s)) if !s.is_empty() && !s.contains(['"', '\\']) => {
            match s.split_once('\n') {
                Some((first, _)) => Some(format!("\"{first}")),
                None => Some(format!("\"{s}\"")),
            }
        }
        _ => None,
    };
    // Findings about one written value must point at that value.
    let expected = match d.code {
        Code::UnknownNode if d.text("from") != "condition" => quoted("target"),
        Code::UnknownPrinciple => quoted("principle"),
        Code::BadId => quoted("id"),
        Code::UnknownSpeaker => quoted("speaker"),
        Code::DuplicateId if d.text("what") != "scenario" => quoted("id"),
        _ => None,
    };
    // A value written with escapes (`"\u{41}"` for `A`) is found by its decoded text; the caret must
    // still be on a string literal.
    let escaped =
        at.starts_with('"') && at[1..].split('"').next().is_some_and(|l| l.contains('\\'));
    match expected {
        Some(e) if !at.starts_with(&e) && !escaped => Some(format!(
            "{} at {}:{} points at {:?}, not {e}",
            d.code,
            d.pos.line,
            d.pos.col,
            at.chars().take(40).collect::<String>()
        )),
        _ => None,
    }
}

/// Decodes, parses and checks one scenario input, as the library does for each file.
fn scenario_pipeline(input: &[u8], cat: &Catalog, cases: &CaseCatalog, f: &mut Findings) {
    let file = SourceFile::from_bytes("fuzz.ron", input);
    if let Some(d) = &file.unreadable {
        f.diagnostics += 1;
        // The decoded text does not exist; the line must still be within the raw bytes' lines.
        if d.pos.line > input.split(|b| *b == b'\n' || *b == b'\r').count() + 1 {
            f.misplaced.push(format!("encoding at line {}", d.pos.line));
        }
        return;
    }
    match parse_scenario(&file.name, &file.text) {
        Err(d) => {
            f.diagnostics += 1;
            if let Some(m) = misplaced(&file.text, &d) {
                f.misplaced.push(m);
            }
        }
        Ok(s) => {
            f.parsed += 1;
            let (ds, ..) = check_scenario(&file.name, &file.text, &s, cat, cases);
            f.diagnostics += ds.len() as u64;
            for d in &ds {
                let _ = d.excerpt();
                if let Some(m) = misplaced(&file.text, d) {
                    f.misplaced.push(m);
                }
            }
        }
    }
}

fn shipped_scenarios() -> Vec<Vec<u8>> {
    builtin_files()
        .into_iter()
        .filter(|f| !f.is_principles() && !f.is_cases())
        .map(|f| f.text.into_bytes())
        .collect()
}

fn shipped(pick: fn(&SourceFile) -> bool) -> Vec<u8> {
    builtin_files()
        .into_iter()
        .find(pick)
        .map(|f| f.text.into_bytes())
        .expect("shipped")
}

#[test]
fn scenario_bytes() {
    let (cat, cases_) = catalogs();
    let corpus = shipped_scenarios();
    let f = run(
        "scenario-bytes",
        cases(),
        |g, _| g.bytes(&corpus),
        |input, f| scenario_pipeline(input, &cat, &cases_, f),
    );
    assert_clean("scenario-bytes", &f);
}

#[test]
fn scenario_mutations() {
    let (cat, cases_) = catalogs();
    let corpus = shipped_scenarios();
    let f = run(
        "scenario-mutations",
        cases(),
        |g, i| g.mutate(&corpus[(i as usize) % corpus.len()]),
        |input, f| scenario_pipeline(input, &cat, &cases_, f),
    );
    assert_clean("scenario-mutations", &f);
    assert!(f.parsed > 0, "some mutations must stay valid RON: {f:?}");
}

#[test]
fn principles_catalog() {
    let original = shipped(SourceFile::is_principles);
    let f = run(
        "principles",
        cases(),
        |g, _| g.mutate(&original),
        |input, f| {
            let file = SourceFile::from_bytes("principles.ron", input);
            if file.unreadable.is_some() {
                return;
            }
            match parse_catalog(&file.name, &file.text) {
                Err(d) => {
                    if let Some(m) = misplaced(&file.text, &d) {
                        f.misplaced.push(m);
                    }
                }
                Ok(c) => {
                    f.parsed += 1;
                    for d in check_catalog(&file.name, &file.text, &c) {
                        f.diagnostics += 1;
                        if let Some(m) = misplaced(&file.text, &d) {
                            f.misplaced.push(m);
                        }
                    }
                }
            }
        },
    );
    assert_clean("principles", &f);
}

#[test]
fn cases_catalog() {
    let original = shipped(SourceFile::is_cases);
    let f = run(
        "cases",
        cases(),
        |g, _| g.mutate(&original),
        |input, f| {
            let file = SourceFile::from_bytes("cases.ron", input);
            if file.unreadable.is_some() {
                return;
            }
            match parse_cases(&file.name, &file.text) {
                Err(d) => {
                    f.diagnostics += 1;
                    if let Some(m) = misplaced(&file.text, &d) {
                        f.misplaced.push(m);
                    }
                }
                Ok(_) => f.parsed += 1,
            }
        },
    );
    assert_clean("cases", &f);
}

#[test]
fn spans_reader() {
    let corpus = shipped_scenarios();
    let f = run(
        "spans",
        cases(),
        |g, i| {
            if i % 2 == 0 {
                g.mutate(&corpus[(i as usize) % corpus.len()])
            } else {
                g.bytes(&corpus)
            }
        },
        |input, f| {
            let text = String::from_utf8_lossy(input);
            if client_first::engine::spans::parse(&text).is_some() {
                f.parsed += 1;
            }
        },
    );
    assert_clean("spans", &f);
}

/// The settings file: `src/game/settings.rs` parses it with `ron::from_str::<Settings>`, and
/// `Settings` lives behind the `game` feature. When its parse function is reachable without Bevy,
/// add a target that calls it here, as `cases_catalog` does for the case catalog.
#[test]
fn settings_harness() {
    // What the settings reader does with a damaged file today: ron's error becomes a located
    // diagnostic through the same function, which must not panic on any input.
    let corpus = shipped_scenarios();
    let f = run(
        "settings-diagnostic",
        cases(),
        |g, _| g.bytes(&corpus),
        |input, f| {
            let text = String::from_utf8_lossy(input);
            if let Err(e) = ron::from_str::<ron::Value>(&text) {
                let d = client_first::engine::load::ron_diagnostic("settings.ron", &text, &e);
                f.diagnostics += 1;
                let _ = d.excerpt();
            }
        },
    );
    assert_clean("settings-diagnostic", &f);
}

/// Every input kept by an earlier run stays a regression test: each must go through the whole
/// pipeline without a panic and with located findings.
#[test]
fn kept_inputs_replay() {
    let (cat, cases_) = catalogs();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for e in entries.flatten() {
        let input = std::fs::read(e.path()).expect("readable fixture");
        let mut f = Findings::default();
        scenario_pipeline(&input, &cat, &cases_, &mut f);
        assert!(
            f.misplaced.is_empty(),
            "{}: {:?}",
            e.path().display(),
            f.misplaced
        );
    }
}
