//! What can be activated on the current screen, in order, and where the keyboard highlight is.
//!
//! Each screen's model lists its targets (an action and its label) once per frame; the view draws
//! them and the keyboard reads them, so a focus index is simply a position in that list and no
//! screen hard-codes one.

use super::action::Action;
use bevy::prelude::*;

/// One thing the player can activate: a button, a card, a reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// What activating it does.
    pub action: Action,
    /// What it says on screen.
    pub label: String,
}

impl Target {
    /// A target with its label.
    pub fn new(action: impl Into<Action>, label: impl Into<String>) -> Target {
        Target {
            action: action.into(),
            label: label.into(),
        }
    }
}

/// The current screen's targets, in the order they are shown.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct Targets(pub Vec<Target>);

impl Targets {
    /// The action at `index`, if there is one.
    pub fn action(&self, index: usize) -> Option<&Action> {
        self.0.get(index).map(|t| &t.action)
    }

    /// How many targets there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the screen has nothing to activate.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The keyboard highlight: an index into [`Targets`].
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Focus {
    /// The highlighted target.
    pub index: usize,
    /// The highlight moved by keyboard this frame, so the view scrolls it into sight.
    pub moved: bool,
    /// The screen changed: the view starts at its top.
    pub reset_scroll: bool,
}

impl Focus {
    /// Moves the highlight by `by` places, stopping at the first and the last target: a clicker's
    /// "previous" never wraps round to the last button (which may be Quit).
    pub fn step(&mut self, by: isize, len: usize) {
        if len == 0 {
            return;
        }
        let i = self.index.min(len - 1).saturating_add_signed(by);
        self.index = i.min(len - 1);
        self.moved = true;
    }

    /// Puts the highlight on `index` and scrolls it into sight.
    pub fn set(&mut self, index: usize) {
        self.index = index;
        self.moved = true;
    }
}

/// The main scrolling area of what is on screen, as the view last drew it, and the pages the
/// keyboard asked it to move. A presenter's clicker pages through long content (the debrief, the
/// list of broken files) with PageDown and PageUp; a small "2 / 5" shows where the room is.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scroll {
    /// Pages to move on the next frame: +1 down, −1 up.
    pub request: i32,
    /// The view is at its top (or has nothing to scroll).
    pub at_top: bool,
    /// The view is at its bottom (or has nothing to scroll).
    pub at_bottom: bool,
    /// The page on screen, from 1.
    pub page: usize,
    /// How many pages the content takes.
    pub pages: usize,
    /// The highlighted target was fully on screen when last drawn; Enter only activates what the
    /// player can see.
    pub focus_visible: bool,
}

impl Default for Scroll {
    fn default() -> Self {
        Scroll {
            request: 0,
            at_top: true,
            at_bottom: true,
            page: 1,
            pages: 1,
            focus_visible: true,
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Targets>()
        .init_resource::<Focus>()
        .init_resource::<Scroll>()
        .init_resource::<TextEntry>();
}

/// Whether a text field has the keyboard (a profile's name being typed). The view that draws the
/// field sets it each frame; the keyboard then leaves every key to the field.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct TextEntry(pub bool);
