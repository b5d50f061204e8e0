//! The Bevy app: screens, input, settings and the egui views over the engine.
//!
//! The game is split in two plugins. [`CorePlugin`] holds every state, resource and rule of the flow
//! (which screen, which run, what a key does); it needs no window and is what the headless tests
//! drive. [`UiPlugin`] adds the window, egui and the views, which only draw view models and send
//! [`Action`]s back. Scores and debriefs always come from the engine: the UI never computes one.

pub mod content;
pub mod face;
pub mod flow;
pub mod i18n;
pub mod idle;
pub mod input;
pub mod screenshot;
pub mod settings;
pub mod theme;
pub mod ui;
pub mod views;

use bevy::prelude::*;
use std::path::PathBuf;

pub use content::{Content, Progress};
pub use flow::{Action, ActiveRun, DebriefTab, Seeds, Session};
pub use settings::{Mode, Settings, SettingsStore};

/// The screens of the game.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// The product name with Play, Settings and Quit.
    #[default]
    Title,
    /// The scenario cards.
    Picker,
    /// A conversation in progress.
    Dialogue,
    /// The results of the last run.
    Debrief,
    /// Language, text size, contrast, mode and full screen.
    Settings,
}

/// The order of the game's own systems within a frame: keys become actions, then actions are
/// applied, so the views of the same frame already show the result.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GameSet {
    /// Keyboard and file changes turn into actions.
    Input,
    /// Actions change the session, the settings and the screen.
    Apply,
}

/// Everything the game needs except a window: states, resources, input and the flow rules.
///
/// Insert [`Content`], [`Settings`] and [`SettingsStore`] before adding it to choose what is
/// loaded and where settings are kept; otherwise the built-in library, the OS defaults and the
/// user's config folder are used.
pub struct CorePlugin;

impl Plugin for CorePlugin {
    fn build(&self, app: &mut App) {
        if !app.world().contains_resource::<Content>() {
            app.insert_resource(Content::load(None));
        }
        if !app.world().contains_resource::<SettingsStore>() {
            app.insert_resource(SettingsStore::user());
        }
        if !app.world().contains_resource::<Settings>() {
            let locale = sys_locale::get_locale();
            let defaults = Settings::for_locale(locale.as_deref());
            let loaded = app
                .world_mut()
                .resource_mut::<SettingsStore>()
                .load(defaults);
            app.insert_resource(loaded);
        }
        app.init_state::<Screen>()
            .configure_sets(Update, (GameSet::Input, GameSet::Apply).chain())
            .add_plugins((
                content::plugin,
                settings::plugin,
                flow::plugin,
                input::plugin,
            ));
    }
}

/// The window, egui, the views, the idle-redraw fix and reactive rendering.
pub struct UiPlugin;

impl Plugin for UiPlugin {
    fn build(&self, app: &mut App) {
        app.add_plugins((ui::plugin, idle::plugin));
    }
}

/// How the game was started from the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A folder of extra or replacement scenarios, watched for edits.
    pub scenarios: Option<PathBuf>,
    /// Language for this launch, overriding the saved setting.
    pub lang: Option<crate::engine::text::Lang>,
    /// Text scale for this launch, in percent.
    pub text_scale: Option<u16>,
    /// Render every main screen to PNGs in this folder, then quit.
    pub screenshot: Option<PathBuf>,
    /// Redraw every frame instead of only on input (for measuring the idle cost).
    pub continuous: bool,
}

/// Opens the game window and runs until the player quits.
pub fn run(options: Options) -> AppExit {
    let mut app = App::new();
    let shooting = options.screenshot.is_some();
    // Screenshots must not touch the player's saved settings.
    let mut store = if shooting {
        SettingsStore::default()
    } else {
        SettingsStore::user()
    };
    let locale = sys_locale::get_locale();
    let mut settings = store.load(Settings::for_locale(locale.as_deref()));
    if let Some(lang) = options.lang {
        settings.lang = lang;
    }
    if let Some(scale) = options.text_scale {
        settings.text_scale = scale.clamp(settings::SCALE_MIN, settings::SCALE_MAX);
    }
    if shooting {
        settings.fullscreen = false;
    }
    let title = i18n::APP_NAME.get(settings.lang).to_string();
    app.insert_resource(Content::load(options.scenarios.clone()))
        .insert_resource(store)
        .insert_resource(settings)
        .add_plugins(
            DefaultPlugins
                .set(WindowPlugin {
                    primary_window: Some(Window {
                        title,
                        resolution: bevy::window::WindowResolution::new(1280, 720),
                        ..default()
                    }),
                    ..default()
                })
                .set(bevy::log::LogPlugin {
                    filter: "wgpu=error,naga=warn,bevy_render=warn,bevy_winit=warn".into(),
                    ..default()
                }),
        )
        .add_plugins((CorePlugin, UiPlugin));
    if options.continuous || shooting {
        app.insert_resource(bevy::winit::WinitSettings::game());
    } else {
        // Bevy's `desktop_app()` still wakes a focused window every 5 s, and each wake-up draws a
        // frame. Nothing in the game needs a timer: input, the file watcher (through the event-loop
        // proxy) and egui's own repaint requests wake it. So both modes wait for window events only,
        // with a one-minute safety wake-up.
        let rest = bevy::winit::UpdateMode::reactive_low_power(std::time::Duration::from_secs(60));
        app.insert_resource(bevy::winit::WinitSettings {
            focused_mode: rest,
            unfocused_mode: rest,
        });
    }
    if let Some(dir) = options.screenshot {
        app.insert_resource(Seeds { fixed: Some(7) })
            .add_plugins(screenshot::ScreenshotPlugin { dir });
    }
    app.run()
}
