//! The progress store as the game uses it: who is playing, and every finished conversation saved, so
//! that best scores and endings found outlast the window.
//!
//! The store itself (SQLite, migrations, recovery, resume) is `crate::store`. This resource holds it
//! for the game; without one (the headless tests, or a store that could not be opened) the game plays
//! on and keeps progress for the session only.

use super::content::{Content, Progress};
use crate::engine::library::Library;
use crate::engine::progress::PractiseNext;
use crate::store::recovery::Recovery;
use crate::store::{InProgress, Kind, Profile, ProfileId, Store};
use bevy::prelude::*;
use std::sync::Mutex;

/// The open store and the profile playing, with what the title screen shows about it.
#[derive(Resource)]
pub struct Saves {
    /// The store; SQLite's connection is not `Sync`, so the game shares it behind a lock.
    pub store: Mutex<Store>,
    /// The profile whose attempts are saved (the last one used, or the Guest profile).
    pub profile: ProfileId,
    /// That profile's row (name, group, whether it is the guest).
    pub current: Option<Profile>,
    /// The conversation left unfinished (a quit, a crash, a power cut), offered as "Continue".
    pub pending: Option<InProgress>,
    /// Principles due for review by the end of today.
    pub due: usize,
    /// The scenario that covers the most due principles, for "Practise".
    pub practise: Option<PractiseNext>,
    /// No profile existed before this launch: the game asks for a name once.
    pub first_launch: bool,
    /// What the store repaired when it opened (a damaged file), until the player dismisses it.
    pub recovery: Option<Recovery>,
}

impl Saves {
    /// Holds `store` for its last profile, creating the Guest profile on a first launch.
    pub fn new(store: Store) -> Result<Saves, crate::store::StoreError> {
        let first_launch = store.profiles()?.is_empty();
        let profile = match store.last_profile()? {
            Some(p) => p.id,
            None => store.guest()?.id,
        };
        store.set_last_profile(profile)?;
        let pending = store.in_progress(profile, Kind::Dialogue)?;
        let current = store.profile(profile).ok();
        Ok(Saves {
            store: Mutex::new(store),
            profile,
            current,
            pending,
            due: 0,
            practise: None,
            first_launch,
            recovery: None,
        })
    }

    /// Runs `f` on the store; a poisoned lock (a panic elsewhere) is recovered, since the store's
    /// own transactions keep the file consistent.
    pub fn with<T>(&self, f: impl FnOnce(&Store) -> T) -> T {
        let guard = self.store.lock().unwrap_or_else(|e| e.into_inner());
        f(&guard)
    }

    /// Plays as `id` from now on: remembered for the next launch, with its unfinished conversation.
    pub fn switch(&mut self, id: ProfileId) -> Result<(), crate::store::StoreError> {
        let (current, pending) = self.with(|s| -> Result<_, crate::store::StoreError> {
            s.set_last_profile(id)?;
            Ok((s.profile(id)?, s.in_progress(id, Kind::Dialogue)?))
        })?;
        self.profile = id;
        self.current = Some(current);
        self.pending = pending;
        Ok(())
    }

    /// Reads again what the title screen shows: the profile's row, the due count and what to
    /// practise. Called when the game starts, after an attempt, a switch or an import.
    pub fn refresh(&mut self, library: &Library) {
        let until = crate::store::end_of_local_day(crate::store::now_ms());
        let profile = self.profile;
        let read = self.with(|s| -> Result<_, crate::store::StoreError> {
            Ok((
                s.profile(profile)?,
                s.due_count(profile, until)?,
                s.practise_next(profile, library, until)?,
            ))
        });
        match read {
            Ok((current, due, practise)) => {
                self.current = Some(current);
                self.due = due;
                self.practise = practise;
            }
            Err(e) => warn!("progress not read: {e}"),
        }
    }

    /// The name shown for the profile playing ("Guest" in the interface language).
    pub fn name(&self, lang: crate::engine::text::Lang) -> String {
        self.current
            .as_ref()
            .map(|p| crate::store::display_name(lang, p))
            .unwrap_or_default()
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, load_progress);
}

/// Fills this session's progress (best scores, endings found) from the store, so the picker shows
/// what the profile achieved in earlier sessions.
fn load_progress(
    saves: Option<ResMut<Saves>>,
    content: Res<Content>,
    mut progress: ResMut<Progress>,
) {
    let Some(mut saves) = saves else {
        return;
    };
    saves.refresh(&content.library);
    reload_progress(&saves, &mut progress);
}

/// Replaces this session's progress with the profile's saved one (after a switch or an import).
pub fn reload_progress(saves: &Saves, progress: &mut Progress) {
    let (figures, endings) = saves.with(|s| {
        (
            s.picker(saves.profile, Kind::Dialogue),
            s.endings_found(saves.profile),
        )
    });
    match (figures, endings) {
        (Ok(figures), Ok(endings)) => {
            *progress = Progress::default();
            for (id, f) in figures {
                progress.best.insert(id.clone(), f.best);
                progress.completed.insert(id);
            }
            progress.endings.extend(endings);
        }
        (Err(e), _) | (_, Err(e)) => warn!("saved progress not read: {e}"),
    }
}
