//! The scenario library the game plays, the session's progress, and hot reload of a `--scenarios`
//! folder.
//!
//! The built-in scenarios are compiled into the binary. A company's folder is read on top of them:
//! a file with the same scenario id replaces the built-in one. While the game runs, a file watcher
//! notices edits in that folder and the library is rebuilt; a run in progress keeps its own copy of
//! its scenario, so a reload never pulls the floor from under a trainee.

use super::GameSet;
use crate::engine::diag::Diagnostic;
use crate::engine::library::{Library, Problem, builtin_files, read_path};
use bevy::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, channel};

/// The library in use and where its extra files come from.
#[derive(Resource, Clone)]
pub struct Content {
    /// Every scenario that loaded, and every file that did not.
    pub library: Arc<Library>,
    /// The `--scenarios` folder, if any.
    pub overlay: Option<PathBuf>,
    /// How many times the library was rebuilt after a file change.
    pub reloads: u32,
}

impl Content {
    /// Loads the built-in library plus the files of `overlay`. A folder that cannot be read becomes
    /// a problem on the picker; the built-in scenarios still play.
    pub fn load(overlay: Option<PathBuf>) -> Content {
        Content {
            library: Arc::new(load_library(overlay.as_deref())),
            overlay,
            reloads: 0,
        }
    }

    /// Rebuilds the library from the same sources.
    pub fn reload(&mut self) {
        self.library = Arc::new(load_library(self.overlay.as_deref()));
        self.reloads += 1;
    }
}

/// Reads the built-in files and the overlay folder into a library.
fn load_library(overlay: Option<&std::path::Path>) -> Library {
    let Some(dir) = overlay else {
        return Library::from_files(builtin_files(), Vec::new());
    };
    match read_path(dir) {
        Ok(files) => Library::from_files(builtin_files(), files),
        Err(d) => {
            let mut lib = Library::from_files(builtin_files(), Vec::new());
            lib.problems.push(Problem {
                file: dir.display().to_string(),
                id: None,
                diagnostics: vec![*d],
                coverage: None,
                languages: Vec::new(),
            });
            lib
        }
    }
}

/// What this session has achieved: best scores, finished scenarios and endings found.
#[derive(Resource, Debug, Clone, Default)]
pub struct Progress {
    /// The best overall score per scenario id.
    pub best: BTreeMap<String, u8>,
    /// Scenarios played to an ending.
    pub completed: BTreeSet<String>,
    /// Ending node ids reached, per scenario id.
    pub endings: BTreeMap<String, BTreeSet<String>>,
}

impl Progress {
    /// Records a finished run.
    pub fn record(&mut self, scenario: &str, score: u8, ending: &str) {
        let best = self.best.entry(scenario.to_string()).or_insert(score);
        *best = (*best).max(score);
        self.completed.insert(scenario.to_string());
        self.endings
            .entry(scenario.to_string())
            .or_default()
            .insert(ending.to_string());
    }
}

/// Receives "something changed" from the file watcher thread.
#[derive(Resource)]
struct Watcher {
    /// Kept alive for as long as the game runs; dropping it stops watching.
    _watcher: notify::RecommendedWatcher,
    changes: Mutex<Receiver<()>>,
}

/// A short-lived note that the library was reloaded, for the picker.
#[derive(Resource, Debug, Clone, Default)]
pub struct ReloadNotice {
    /// Seconds since start when the last reload happened.
    pub at: Option<f64>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Progress>()
        .init_resource::<ReloadNotice>()
        .add_systems(Startup, start_watching)
        .add_systems(Update, reload_on_change.in_set(GameSet::Input));
}

/// Starts a watcher on the overlay folder. The watcher thread wakes Bevy's event loop, which sleeps
/// between inputs in reactive mode, so an edit shows up even while the window is idle.
fn start_watching(
    mut commands: Commands,
    content: Res<Content>,
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
) {
    use notify::Watcher as _;
    let Some(dir) = content.overlay.clone() else {
        return;
    };
    let (tx, rx) = channel();
    let proxy = proxy.map(|p| (**p).clone());
    let handler = move |event: notify::Result<notify::Event>| {
        let relevant = event.is_ok_and(|e| {
            !e.kind.is_access()
                && e.paths
                    .iter()
                    .any(|p| p.extension().is_some_and(|x| x == "ron"))
        });
        if relevant {
            let _ = tx.send(());
            if let Some(proxy) = &proxy {
                let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
            }
        }
    };
    match notify::recommended_watcher(handler) {
        Ok(mut w) => match w.watch(&dir, notify::RecursiveMode::NonRecursive) {
            Ok(()) => commands.insert_resource(Watcher {
                _watcher: w,
                changes: Mutex::new(rx),
            }),
            Err(e) => warn!("cannot watch {}: {e}", dir.display()),
        },
        Err(e) => warn!("cannot watch {}: {e}", dir.display()),
    }
}

/// Rebuilds the library after the watcher reported a change. Several events from one save are
/// folded into one reload.
fn reload_on_change(
    watcher: Option<Res<Watcher>>,
    mut content: ResMut<Content>,
    mut notice: ResMut<ReloadNotice>,
    time: Res<Time>,
) {
    let Some(watcher) = watcher else {
        return;
    };
    let changed = watcher
        .changes
        .lock()
        .map(|rx| rx.try_iter().count() > 0)
        .unwrap_or(false);
    if changed {
        content.reload();
        notice.at = Some(time.elapsed_secs_f64());
        info!(
            "scenarios reloaded: {} playable, {} problem files",
            content.library.scenarios.len(),
            content.library.problems.len()
        );
    }
}

/// One line describing a problem file's first error, in `lang`: `file:line:col: error: message — fix`.
pub fn problem_line(lang: crate::engine::text::Lang, d: &Diagnostic) -> String {
    crate::i18n::diag::diagnostic_line(lang, d)
}
