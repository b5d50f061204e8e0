//! The activities a player can take part in. Each has its own plugin, resources and actions; the
//! conversation with a Client is the first; the profiles and the progress screen have theirs.
//! (The quiz and the team session join here.)

pub mod dialogue;
pub mod profiles;
pub mod progress;

use bevy::prelude::*;

/// Every activity's plugin.
pub(super) fn plugin(app: &mut App) {
    app.add_plugins((dialogue::plugin, profiles::plugin, progress::plugin));
}
