//! Helpers shared by the engine tests.

use client_first::cli::check_library;
use client_first::engine::library::{Library, Loaded};
use client_first::engine::run::Run;
use std::path::PathBuf;
use std::sync::Arc;

/// The path of a fixture file.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Loads fixtures over the built-in catalogs, as `client-first check` does.
pub fn library_of(names: &[&str]) -> Library {
    let paths: Vec<PathBuf> = names.iter().map(|n| fixture(n)).collect();
    check_library(&paths)
}

/// The valid small fixture, loaded and analysed.
pub fn small() -> Loaded {
    let lib = library_of(&["small.ron"]);
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    lib.get("small").expect("small.ron loads").clone()
}

/// A run of the small fixture.
pub fn small_run(seed: u64) -> Run {
    Run::start(Arc::clone(&small().scenario), seed)
}
