//! The activities a player can take part in: the conversation with a Client, the quiz and the team
//! session, and the profiles and the progress screen. Each has its own plugin,
//! resources and actions.

pub mod dialogue;
pub mod lrs;
pub mod profiles;
pub mod progress;
pub mod quiz;
pub mod team;

use bevy::prelude::*;

/// Every activity's plugin.
pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        dialogue::plugin,
        lrs::plugin,
        profiles::plugin,
        progress::plugin,
        quiz::plugin,
        team::plugin,
    ));
}
