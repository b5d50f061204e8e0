//! Keeps the game idle while nobody touches it.
//!
//! bevy_egui 0.42 pushes a "modifiers changed" event into egui's input every frame, even when no
//! modifier key changed. egui 0.36 treats any event as new input and asks for another frame, so under
//! Bevy's reactive (desktop-app) mode the game would still redraw hundreds of times in ten seconds.
//! [`drop_unchanged_modifiers`] removes that event when the modifiers are the same as last time;
//! with it, an idle window draws only a handful of frames. `docs/performance.md` has the figures.

use bevy::prelude::*;
use bevy_egui::{EguiInput, EguiPreUpdateSet, egui};
use std::collections::HashMap;

/// Set this variable to leave the fix out, only to measure what it saves (`scripts/measure-idle.sh`).
pub const DISABLE_VAR: &str = "CLIENT_FIRST_NO_IDLE_FIX";

pub(super) fn plugin(app: &mut App) {
    if std::env::var_os(DISABLE_VAR).is_some() {
        warn!("{DISABLE_VAR} is set: the idle-redraw fix is off");
        return;
    }
    app.add_systems(
        PreUpdate,
        drop_unchanged_modifiers
            .after(EguiPreUpdateSet::ProcessInput)
            .before(EguiPreUpdateSet::BeginPass),
    );
}

/// Removes `ModifiersChanged` events that repeat the modifiers egui already has, per context.
pub fn drop_unchanged_modifiers(
    mut inputs: Query<(Entity, &mut EguiInput)>,
    mut last: Local<HashMap<Entity, egui::Modifiers>>,
) {
    for (entity, mut input) in &mut inputs {
        filter_events(&mut input.0.events, last.entry(entity).or_default());
    }
}

/// Keeps a `ModifiersChanged` event only when it differs from `last`, and updates `last`.
pub fn filter_events(events: &mut Vec<egui::Event>, last: &mut egui::Modifiers) {
    events.retain(|e| match e {
        egui::Event::ModifiersChanged(m) if m == last => false,
        egui::Event::ModifiersChanged(m) => {
            *last = *m;
            true
        }
        _ => true,
    });
}
