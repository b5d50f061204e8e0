//! The progress store as the game uses it: who is playing, and every finished conversation saved, so
//! that best scores and endings found outlast the window.
//!
//! The store itself (SQLite, migrations, recovery, resume) is `crate::store`. This resource holds it
//! for the game; without one (the headless tests, or a store that could not be opened) the game plays
//! on and keeps progress for the session only.

use super::content::Progress;
use crate::store::{InProgress, Kind, ProfileId, Store};
use bevy::prelude::*;
use std::sync::Mutex;

/// The open store and the profile playing.
#[derive(Resource)]
pub struct Saves {
    /// The store; SQLite's connection is not `Sync`, so the game shares it behind a lock.
    pub store: Mutex<Store>,
    /// The profile whose attempts are saved (the last one used, or the Guest profile).
    pub profile: ProfileId,
    /// The conversation left unfinished (a quit, a crash, a power cut), offered as "Continue".
    pub pending: Option<InProgress>,
}

impl Saves {
    /// Holds `store` for its last profile, creating the Guest profile on a first launch.
    pub fn new(store: Store) -> Result<Saves, crate::store::StoreError> {
        let profile = match store.last_profile()? {
            Some(p) => p.id,
            None => store.guest()?.id,
        };
        store.set_last_profile(profile)?;
        let pending = store.in_progress(profile, Kind::Dialogue)?;
        Ok(Saves {
            store: Mutex::new(store),
            profile,
            pending,
        })
    }

    /// Runs `f` on the store; a poisoned lock (a panic elsewhere) is recovered, since the store's
    /// own transactions keep the file consistent.
    pub fn with<T>(&self, f: impl FnOnce(&Store) -> T) -> T {
        let guard = self.store.lock().unwrap_or_else(|e| e.into_inner());
        f(&guard)
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, load_progress);
}

/// Fills this session's progress (best scores, endings found) from the store, so the picker shows
/// what the profile achieved in earlier sessions.
fn load_progress(saves: Option<Res<Saves>>, mut progress: ResMut<Progress>) {
    let Some(saves) = saves else {
        return;
    };
    let (figures, endings) = saves.with(|s| {
        (
            s.picker(saves.profile, Kind::Dialogue),
            s.endings_found(saves.profile),
        )
    });
    match (figures, endings) {
        (Ok(figures), Ok(endings)) => {
            for (id, f) in figures {
                progress.best.insert(id.clone(), f.best);
                progress.completed.insert(id);
            }
            progress.endings.extend(endings);
        }
        (Err(e), _) | (_, Err(e)) => warn!("saved progress not read: {e}"),
    }
}
