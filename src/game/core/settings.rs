//! Player settings: language, text size, contrast, coach or exam mode, full screen, kept between runs.
//!
//! The file is RON in the per-user config folder. It is written atomically (temporary file, sync,
//! rename), so a crash never leaves half a file. A file that cannot be read is set aside as `.bak`
//! before the first save, so nothing the player saved is silently overwritten.

use super::GameSet;
use crate::engine::diag::Diagnostic;
use crate::engine::text::Lang;
use bevy::prelude::*;
use bevy::window::{MonitorSelection, PrimaryWindow, WindowMode};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The smallest text scale, in percent.
pub const SCALE_MIN: u16 = 100;
/// The largest text scale, in percent.
pub const SCALE_MAX: u16 = 250;
/// One Ctrl+ or Ctrl− step, in percent.
pub const SCALE_STEP: u16 = 25;

/// Coach mode explains every reply at once; exam mode keeps all feedback for the debrief.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Mode {
    /// Feedback after each choice, the default for new hires.
    #[default]
    Coach,
    /// No feedback until the debrief.
    Exam,
}

impl From<Mode> for crate::store::Mode {
    fn from(m: Mode) -> Self {
        match m {
            Mode::Coach => crate::store::Mode::Coach,
            Mode::Exam => crate::store::Mode::Exam,
        }
    }
}

impl From<crate::store::Mode> for Mode {
    fn from(m: crate::store::Mode) -> Self {
        match m {
            crate::store::Mode::Coach => Mode::Coach,
            crate::store::Mode::Exam => Mode::Exam,
        }
    }
}

/// Everything the player can set.
#[derive(Resource, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Interface and scenario language.
    pub lang: Lang,
    /// Text scale in percent, 100–250.
    pub text_scale: u16,
    /// A black-on-white theme with heavier text, for projectors and low vision.
    pub high_contrast: bool,
    /// Coach or exam.
    pub mode: Mode,
    /// Borderless full screen.
    pub fullscreen: bool,
    /// The presenter layout everywhere: one-row headers, compact replies, paged content. (It is
    /// used anyway when the text is large or the window small.)
    pub presenter: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::En,
            text_scale: SCALE_MIN,
            high_contrast: false,
            mode: Mode::Coach,
            fullscreen: false,
            presenter: false,
        }
    }
}

impl Settings {
    /// Defaults for this machine: the language follows the OS locale, English when it is neither
    /// Russian nor English.
    pub fn for_locale(locale: Option<&str>) -> Settings {
        Settings {
            lang: locale.and_then(Lang::from_code).unwrap_or(Lang::En),
            ..Settings::default()
        }
    }

    /// Changes the text scale by `steps` steps, kept within 100–250%.
    pub fn step_scale(&mut self, steps: i32) {
        let next = i32::from(self.text_scale) + steps * i32::from(SCALE_STEP);
        let clamped = next.clamp(i32::from(SCALE_MIN), i32::from(SCALE_MAX));
        self.text_scale = u16::try_from(clamped).unwrap_or(SCALE_MIN);
    }

    /// The other language.
    pub fn next_lang(&self) -> Lang {
        match self.lang {
            Lang::Ru => Lang::En,
            Lang::En => Lang::Ru,
        }
    }

    /// The text scale as a zoom factor (1.0 = 100%).
    pub fn zoom(&self) -> f32 {
        f32::from(self.text_scale.clamp(SCALE_MIN, SCALE_MAX)) / 100.0
    }
}

/// The settings as saved in the file. [`Settings`] is what this launch uses: launch options and keys
/// such as L change only that, while the settings screen changes both and saves this one.
#[derive(Resource, Debug, Clone, PartialEq, Eq, Default)]
pub struct SavedSettings(pub Settings);

/// Where settings are kept, and what happened when they were read.
#[derive(Resource, Debug, Clone, Default)]
pub struct SettingsStore {
    /// The settings file; `None` keeps settings in memory only (tests, screenshots).
    pub path: Option<PathBuf>,
    /// The file existed but could not be read: it is moved to `.bak` before the first save.
    pub damaged: Option<Diagnostic>,
    /// The last save failed, with the reason.
    pub save_error: Option<String>,
}

impl SettingsStore {
    /// The settings file in the user's config folder, when the OS has one.
    pub fn user() -> SettingsStore {
        let path = directories::ProjectDirs::from("org", "ClientFirst", "client-first")
            .map(|d| d.config_dir().join("settings.ron"));
        SettingsStore {
            path,
            ..SettingsStore::default()
        }
    }

    /// A store at an explicit path.
    pub fn at(path: impl Into<PathBuf>) -> SettingsStore {
        SettingsStore {
            path: Some(path.into()),
            ..SettingsStore::default()
        }
    }

    /// Reads the settings, or the defaults when there is no file. A damaged file is remembered, not
    /// replaced, and its problem is returned with its line and column.
    pub fn load(&mut self, defaults: Settings) -> Settings {
        let Some(path) = &self.path else {
            return defaults;
        };
        let Ok(text) = std::fs::read_to_string(path) else {
            return defaults;
        };
        match ron::from_str::<Settings>(&text) {
            Ok(mut s) => {
                s.text_scale = s.text_scale.clamp(SCALE_MIN, SCALE_MAX);
                s
            }
            Err(e) => {
                self.damaged = Some(crate::engine::load::ron_diagnostic(
                    &path.display().to_string(),
                    &text,
                    &e,
                ));
                defaults
            }
        }
    }

    /// Writes the settings atomically. A damaged file found at start is first kept as `.bak`.
    pub fn save(&mut self, settings: &Settings) -> Result<(), String> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        let result = write_atomically(&path, settings, self.damaged.is_some());
        if result.is_ok() {
            self.damaged = None;
        }
        self.save_error = result.as_ref().err().cloned();
        result
    }
}

/// Writes `settings` to `path` through a temporary file in the same folder.
fn write_atomically(path: &Path, settings: &Settings, keep_old: bool) -> Result<(), String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    if keep_old && path.exists() {
        std::fs::rename(path, path.with_extension("ron.bak"))
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let text = ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::default())
        .map_err(|e| e.to_string())?;
    let mut tmp =
        tempfile::NamedTempFile::new_in(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    tmp.write_all(text.as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    tmp.persist(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, apply_window_mode.in_set(GameSet::Apply));
}

/// Keeps the primary window's mode in step with the full-screen setting.
fn apply_window_mode(
    settings: Res<Settings>,
    mut windows: Query<&mut Window, With<PrimaryWindow>>,
) {
    if !settings.is_changed() {
        return;
    }
    for mut w in &mut windows {
        let want = if settings.fullscreen {
            WindowMode::BorderlessFullscreen(MonitorSelection::Current)
        } else {
            WindowMode::Windowed
        };
        if w.mode != want {
            w.mode = want;
        }
    }
}
