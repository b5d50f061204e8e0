//! A headless game app and helpers to drive it.

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput, NativeKey};
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use client_first::engine::text::Lang;
use client_first::game::{
    Action, Content, Conversation, CorePlugin, DebriefTab, DialogueAction, Focus, Overlay,
    Presenter, Screen, Seeds, Settings, SettingsStore, Targets,
};
use std::path::PathBuf;

/// A game app with the built-in library, settings in memory only, Russian, and a fixed seed.
pub fn app() -> App {
    app_with(Content::load(None))
}

/// A game app over `content`.
pub fn app_with(content: Content) -> App {
    app_built(content, |_| {})
}

/// A game app that saves progress into `saves`.
pub fn app_with_saves(saves: client_first::game::core::saves::Saves) -> App {
    app_built(Content::load(None), move |app| {
        app.insert_resource(saves);
    })
}

/// A game app that saves progress into `saves` and exports to (and imports from) `folder`.
pub fn app_with_saves_in(
    saves: client_first::game::core::saves::Saves,
    folder: &std::path::Path,
) -> App {
    let folders =
        client_first::game::activities::progress::TransferFolders(vec![folder.to_path_buf()]);
    app_built(Content::load(None), move |app| {
        app.insert_resource(saves).insert_resource(folders);
    })
}

/// A game app over `content`, with `extra` resources inserted before the plugins start.
fn app_built(content: Content, extra: impl FnOnce(&mut App)) -> App {
    let mut app = App::new();
    extra(&mut app);
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(content)
        .insert_resource(SettingsStore::default())
        .insert_resource(Settings {
            lang: Lang::Ru,
            ..Settings::default()
        })
        .insert_resource(Seeds { fixed: Some(1) })
        .init_resource::<ButtonInput<KeyCode>>()
        .add_plugins(CorePlugin);
    app.update();
    app
}

/// Sends an action and runs two frames: one to apply it, one for the screen change to happen.
pub fn send(app: &mut App, action: Action) {
    app.world_mut().write_message(action);
    app.update();
    app.update();
}

/// Presses and releases a key, as one frame of input.
pub fn key(app: &mut App, code: KeyCode) {
    press(app, &[code]);
}

/// Holds the modifiers among `codes` (Ctrl) and presses the last key, then lets go.
pub fn press(app: &mut App, codes: &[KeyCode]) {
    let (last, held) = codes.split_last().expect("a key");
    {
        let mut input = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
        for c in held {
            input.press(*c);
        }
    }
    app.world_mut().write_message(key_event(*last));
    app.update();
    {
        let mut input = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
        for c in held {
            input.release(*c);
        }
        input.clear();
    }
    // A second frame lets a screen change requested by the key take effect.
    app.update();
}

/// Several key presses that arrive within one frame, as on a slow machine.
pub fn keys_in_one_frame(app: &mut App, codes: &[KeyCode]) {
    for c in codes {
        app.world_mut().write_message(key_event(*c));
    }
    app.update();
    app.update();
}

fn key_event(code: KeyCode) -> KeyboardInput {
    KeyboardInput {
        key_code: code,
        logical_key: Key::Unidentified(NativeKey::Unidentified),
        state: ButtonState::Pressed,
        text: None,
        repeat: false,
        window: Entity::PLACEHOLDER,
    }
}

/// The current screen.
pub fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

/// The conversation in progress and the last debrief.
pub fn conversation(app: &App) -> &Conversation {
    app.world().resource::<Conversation>()
}

/// The keyboard highlight's index.
pub fn focus(app: &App) -> usize {
    app.world().resource::<Focus>().index
}

/// What covers the screen.
pub fn overlay(app: &App) -> Overlay {
    *app.world().resource::<State<Overlay>>().get()
}

/// Whether the presenter blanked the screen.
pub fn blanked(app: &App) -> bool {
    *app.world().resource::<State<Presenter>>().get() == Presenter::Blanked
}

/// The debrief's tab, while the debrief is on.
pub fn tab(app: &App) -> Option<DebriefTab> {
    app.world()
        .get_resource::<State<DebriefTab>>()
        .map(|t| *t.get())
}

/// The settings.
pub fn settings(app: &App) -> &Settings {
    app.world().resource::<Settings>()
}

/// What the current screen offers, in order.
pub fn targets(app: &App) -> Vec<Action> {
    app.world()
        .resource::<Targets>()
        .0
        .iter()
        .map(|t| t.action.clone())
        .collect()
}

/// Plays the conversation on screen to its debrief with the keyboard: the first reply (key 1)
/// whenever there is a choice, Space otherwise. Returns how many replies were made.
pub fn play_to_debrief_by_keys(app: &mut App) -> usize {
    let mut replies = 0;
    for _ in 0..400 {
        if screen(app) == Screen::Debrief {
            return replies;
        }
        match targets(app).first() {
            Some(Action::Dialogue(DialogueAction::Choose(_))) => {
                key(app, KeyCode::Digit1);
                replies += 1;
            }
            Some(_) => key(app, KeyCode::Space),
            None => panic!("no targets on {:?}", screen(app)),
        }
    }
    panic!("the conversation did not end in 400 steps");
}

/// A new empty folder under the system's temporary folder.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// The path of an engine test fixture.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Presses Space until replies are on screen.
pub fn to_next_choice(app: &mut App) {
    for _ in 0..50 {
        if matches!(
            targets(app).first(),
            Some(Action::Dialogue(DialogueAction::Choose(_)))
        ) {
            return;
        }
        key(app, KeyCode::Space);
    }
    panic!("no choice came up");
}

/// How many replies the run in progress has made.
pub fn replies_made(app: &App) -> usize {
    conversation(app)
        .active
        .as_ref()
        .map_or(0, |a| a.run.decisions().len())
}
