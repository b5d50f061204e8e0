//! The Bevy app: screens, input, settings and the egui views over the engine.
//!
//! The tree follows the layers, which point one way:
//! - [`core`]: screens and overlays as Bevy states, actions, the library, settings and keys (no egui);
//! - [`activities`]: one plugin per activity (the conversation), handling its own actions;
//! - [`models`]: a view model per screen, with its targets (no egui);
//! - [`views`]: the egui drawing of each model, one plugin per screen.
//!
//! [`CorePlugin`] is everything but the window and egui; the headless tests drive it alone.
//! [`UiPlugin`] adds egui and the views, which only draw view models and send [`Action`]s back.
//! Scores and debriefs always come from the engine: the UI never computes one.

pub mod activities;
pub mod core;
pub mod firstframe;
pub mod i18n;
pub mod idle;
pub mod models;
pub mod screenshot;
pub mod theme;
pub mod ui;
pub mod views;

use bevy::prelude::*;
use std::path::PathBuf;

pub use activities::dialogue::{ActiveRun, Conversation, Seeds};
pub use activities::quiz::{ActiveQuiz, FinishedQuiz, QuizSession};
pub use core::content::{Content, Progress};
pub use core::settings::{Mode, SavedSettings, Settings, SettingsStore};
pub use core::{
    Action, DebriefTab, DialogueAction, Focus, GameSet, Overlay, Presenter, QuizAction, QuizRound,
    Screen, Target, Targets, TeamAction,
};

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
        if !app.world().contains_resource::<SavedSettings>() {
            let saved = app.world().resource::<Settings>().clone();
            app.insert_resource(SavedSettings(saved));
        }
        app.add_plugins((core::plugin, activities::plugin, models::plugin));
    }
}

/// The window, egui, the views, the idle-redraw fix and reactive rendering.
pub struct UiPlugin;

impl Plugin for UiPlugin {
    fn build(&self, app: &mut App) {
        app.add_plugins((ui::plugin, idle::plugin, firstframe::plugin));
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
    /// Open the team session's set-up at once.
    pub team: bool,
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
    let saved = store.load(Settings::for_locale(locale.as_deref()));
    // Launch options apply to this launch only: `saved` keeps what the file says.
    let mut settings = saved.clone();
    if let Some(lang) = options.lang {
        settings.lang = lang;
    }
    if let Some(scale) = options.text_scale {
        settings.text_scale = scale.clamp(core::settings::SCALE_MIN, core::settings::SCALE_MAX);
    }
    if shooting {
        settings.fullscreen = false;
    }
    // The progress store: every finished conversation is kept. Screenshots leave it alone. A store
    // that cannot be opened is reported and the game plays on without saving.
    if !shooting {
        match crate::store::Store::open_default().and_then(|o| {
            if let Some(r) = &o.recovery {
                warn!("{}", crate::store::recovery::message(settings.lang, r));
            }
            // The title screen tells the player too, in their language, until they dismiss it.
            let mut saves = core::saves::Saves::new(o.store)?;
            saves.recovery = o.recovery;
            Ok(saves)
        }) {
            Ok(saves) => {
                app.insert_resource(saves);
            }
            Err(e) => warn!("progress will not be saved: {e}"),
        }
    }
    let title = i18n::APP_NAME.get(settings.lang);
    app.insert_resource(Content::load(options.scenarios.clone()))
        .insert_resource(store)
        .insert_resource(SavedSettings(saved))
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
    if options.team {
        app.add_systems(PostStartup, |mut actions: MessageWriter<Action>| {
            actions.write(TeamAction::Setup.into());
        });
    }
    if let Some(dir) = options.screenshot {
        // The pictures show a first launch and a profile's progress, from a store in memory that
        // never touches the player's own.
        match crate::store::Store::in_memory().and_then(core::saves::Saves::new) {
            Ok(saves) => {
                app.insert_resource(saves);
            }
            Err(e) => warn!("screenshots without a store: {e}"),
        }
        app.insert_resource(Seeds { fixed: Some(7) })
            .add_plugins(screenshot::ScreenshotPlugin { dir });
    }
    app.run()
}
