//! The first frame within a second, every time.
//!
//! Under a reactive update mode the game draws only when something asks for a frame. At start-up
//! the window's surface may become ready after the frames that winit asked for, and then nothing
//! asks again until the one-minute safety wake-up: about one start in fifteen stayed blank for 20 s
//! or more under Xvfb. So the game asks for frames itself until it has drawn a few with the window
//! in place, then goes back to sleeping between inputs.

use bevy::prelude::*;
use bevy::window::RequestRedraw;

/// Frames to draw at start before sleeping: enough for the surface to be configured, the fonts to
/// be uploaded and egui to lay out twice.
const WARM_FRAMES: u32 = 30;
/// And at least this long, since a slow software renderer may still be setting up the surface.
const WARM_SECONDS: f32 = 1.5;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Last, keep_drawing_until_shown);
}

/// Asks for another frame while the game is still warming up.
fn keep_drawing_until_shown(
    mut drawn: Local<u32>,
    time: Res<Time<Real>>,
    windows: Query<&Window>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    // Frames only count once a window exists to show them.
    if windows.is_empty() {
        redraw.write(RequestRedraw);
        return;
    }
    *drawn = drawn.saturating_add(1);
    if *drawn < WARM_FRAMES || time.elapsed_secs() < WARM_SECONDS {
        redraw.write(RequestRedraw);
    }
}
