//! Helpers shared by the store tests.

use client_first::engine::library::{Library, Loaded};
use client_first::engine::run::Run;
use client_first::engine::text::Lang;
use client_first::store::{AttemptId, Mode, NewAttempt, ProfileId, Step, Store};
use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

/// The built-in library, loaded once per test binary.
pub static LIBRARY: LazyLock<Library> = LazyLock::new(Library::builtin);

/// A shipped scenario by id.
pub fn loaded(id: &str) -> &'static Loaded {
    LIBRARY.get(id).expect("shipped scenario")
}

/// A small deterministic generator (xorshift), so that tests need no extra crate.
pub struct Pick(pub u64);

impl Pick {
    /// The next index below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// Plays at most `decisions` decisions with picks from `pick`, going on through Continue nodes;
/// stops at the end of the conversation. Returns the choice ids made.
pub fn play(run: &mut Run, pick: &mut Pick, decisions: usize) -> Vec<String> {
    let mut made = Vec::new();
    for _ in 0..1000 {
        if run.is_over() || made.len() >= decisions {
            break;
        }
        if run.can_continue() {
            run.advance().expect("continue");
            continue;
        }
        let ids: Vec<String> = run.choices().iter().map(|c| c.id.clone()).collect();
        assert!(!ids.is_empty(), "a decision with no choice on offer");
        let id = ids[pick.below(ids.len())].clone();
        run.choose(&id).expect("offered choice");
        made.push(id);
    }
    made
}

/// Plays a whole run of `loaded` and saves it as an attempt of `profile`, autosaving each decision.
pub fn save_full_run(
    store: &Store,
    profile: ProfileId,
    loaded: &Loaded,
    seed: u64,
) -> (AttemptId, Run) {
    let a = store
        .start_attempt(&NewAttempt::dialogue(
            profile,
            loaded,
            seed,
            Mode::Coach,
            Lang::En,
        ))
        .expect("start");
    let mut run = Run::start(Arc::clone(&loaded.scenario), seed);
    let mut pick = Pick(seed.wrapping_mul(2_654_435_761).max(1));
    loop {
        let before = run.decisions().len();
        play(&mut run, &mut pick, 1);
        for (i, d) in run.decisions().iter().enumerate().skip(before) {
            store
                .save_step(a, i, &Step::decision(&d.node, &d.choice, 1200))
                .expect("autosave");
        }
        if run.is_over() {
            break;
        }
    }
    let outcome = run.outcome().expect("over");
    store.finish_dialogue(a, loaded, &outcome).expect("finish");
    (a, run)
}

/// A temporary folder and a store file path inside it.
pub fn temp_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("progress.sqlite");
    (dir, path)
}

/// Opens a store that must need no recovery.
pub fn open(path: &std::path::Path) -> Store {
    let opened = Store::open(path).expect("open");
    assert_eq!(opened.recovery, None, "no recovery expected");
    opened.store
}
