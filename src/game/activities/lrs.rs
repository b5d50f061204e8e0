//! Results leaving the game: xAPI statements queued in the store's outbox as attempts finish and sent
//! to the Learning Record Store by a background thread, the LRS settings edited in Settings, and the
//! debrief's "Save report" (one self-contained HTML file).
//!
//! The sending itself (batches, retries with backoff, statement ids that make a retry harmless) is
//! `crate::report`; this resource holds the syncer for the game and carries out the actions.

use crate::engine::library::Library;
use crate::game::core::content::Content;
use crate::game::core::saves::Saves;
use crate::game::core::settings::Settings;
use crate::game::core::{Action, GameSet, LrsAction};
use crate::report::lrs::{LrsConfig, Secret};
use crate::report::syncer::Syncer;
use crate::report::xapi::XapiConfig;
use crate::store::AttemptId;
use bevy::prelude::*;
use std::path::PathBuf;

/// What the LRS fields of Settings hold while they are edited.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LrsDraft {
    /// The xAPI endpoint.
    pub endpoint: String,
    /// The Basic-auth key.
    pub key: String,
    /// A new secret; empty keeps the saved one.
    pub secret: String,
}

/// What the last "Save report" or LRS save did, for the note on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportNote {
    /// The report was written to this file.
    Saved(PathBuf),
    /// It could not be: the error.
    Failed(String),
}

impl ReportNote {
    /// The note in `lang`: where the report is, or why it is not.
    pub fn text(&self, lang: crate::engine::text::Lang) -> String {
        use crate::i18n::{Args, tra};
        match self {
            ReportNote::Saved(path) => tra(
                lang,
                "debrief-report-saved",
                &Args::new().str("path", path.display().to_string()),
            ),
            ReportNote::Failed(e) => tra(
                lang,
                "debrief-report-failed",
                &Args::new().str("error", e.as_str()),
            ),
        }
    }
}

/// The LRS connection of this game, and the settings being edited.
#[derive(Resource, Default)]
pub struct Lrs {
    /// The background sender, when the store has a file (none in the tests without one).
    pub syncer: Option<Syncer>,
    /// The settings as saved in the store.
    pub config: LrsConfig,
    /// The statements' IRIs and pass mark.
    pub xapi: XapiConfig,
    /// The fields of Settings.
    pub draft: LrsDraft,
    /// The last LRS save failed: the error.
    pub save_error: Option<String>,
}

impl Lrs {
    /// Reads the settings from the store and starts the background sender on its file.
    pub fn start(saves: &Saves) -> Lrs {
        let (config, xapi, path) = saves.with(|s| {
            (
                LrsConfig::load(s).unwrap_or_default(),
                XapiConfig::load(s).unwrap_or_default(),
                s.path().map(std::path::Path::to_path_buf),
            )
        });
        let draft = LrsDraft {
            endpoint: config.endpoint.clone(),
            key: config.key.clone(),
            secret: String::new(),
        };
        Lrs {
            syncer: path.map(|p| Syncer::spawn(p, config.clone())),
            config,
            xapi,
            draft,
            save_error: None,
        }
    }

    /// One line for Settings: statements waiting, the last sync, or why not.
    pub fn status(&self, lang: crate::engine::text::Lang) -> String {
        match &self.syncer {
            Some(s) => s.status().summary(lang),
            None => crate::i18n::tr(lang, "report-outbox-not-configured"),
        }
    }
}

/// Queues a finished attempt's statements for the LRS (when one is set) and wakes the sender. A
/// failure is logged: the attempt itself is already saved, and `client-first sync --enqueue-store`
/// can queue it later.
pub fn queue_finished(saves: &Saves, lrs: Option<&Lrs>, attempt: AttemptId, library: &Library) {
    let Some(lrs) = lrs else { return };
    match saves.with(|s| crate::report::queue::finished(s, attempt, library, &lrs.xapi)) {
        Ok(_) => {
            if let Some(s) = &lrs.syncer {
                s.wake();
            }
        }
        Err(e) => warn!("statements not queued: {e}"),
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, start)
        .add_systems(Update, apply_actions.in_set(GameSet::Apply));
}

fn start(mut commands: Commands, saves: Option<Res<Saves>>, lrs: Option<Res<Lrs>>) {
    if let (Some(saves), None) = (saves, lrs) {
        commands.insert_resource(Lrs::start(&saves));
    }
}

/// Everything the LRS and report actions change.
#[derive(bevy::ecs::system::SystemParam)]
pub struct LrsParams<'w> {
    lrs: Option<ResMut<'w, Lrs>>,
    saves: Option<Res<'w, Saves>>,
    content: Res<'w, Content>,
    settings: Res<'w, Settings>,
    folders: Res<'w, crate::game::activities::progress::TransferFolders>,
    conv: ResMut<'w, crate::game::activities::dialogue::Conversation>,
    quiz: ResMut<'w, crate::game::activities::quiz::QuizSession>,
    screen: Res<'w, State<crate::game::core::Screen>>,
}

fn apply_actions(mut actions: MessageReader<Action>, mut p: LrsParams) {
    for action in actions.read() {
        if let Action::Lrs(a) = action {
            apply(a, &mut p);
        }
    }
}

fn apply(action: &LrsAction, p: &mut LrsParams) {
    match action {
        LrsAction::Draft {
            endpoint,
            key,
            secret,
        } => {
            if let Some(lrs) = p.lrs.as_mut() {
                lrs.draft = LrsDraft {
                    endpoint: endpoint.clone(),
                    key: key.clone(),
                    secret: secret.clone(),
                };
            }
        }
        LrsAction::Save => {
            let (Some(lrs), Some(saves)) = (p.lrs.as_mut(), p.saves.as_ref()) else {
                return;
            };
            let config = LrsConfig {
                endpoint: lrs.draft.endpoint.trim().to_string(),
                key: lrs.draft.key.trim().to_string(),
                secret: if lrs.draft.secret.is_empty() {
                    lrs.config.secret.clone()
                } else {
                    Secret::new(lrs.draft.secret.clone())
                },
            };
            match saves.with(|s| config.save(s)) {
                Ok(()) => {
                    if let Some(s) = &lrs.syncer {
                        s.set_config(config.clone());
                        s.sync_now();
                    }
                    lrs.config = config;
                    lrs.draft.secret.clear();
                    lrs.save_error = None;
                }
                Err(e) => lrs.save_error = Some(e.to_string()),
            }
        }
        LrsAction::SyncNow => {
            if let Some(s) = p.lrs.as_ref().and_then(|l| l.syncer.as_ref()) {
                s.sync_now();
            }
        }
        LrsAction::SaveReport => save_report(p),
    }
}

/// Writes the attempt on screen (a debrief, or a quiz round's results) as one HTML file into the
/// documents folder.
fn save_report(p: &mut LrsParams) {
    let quiz = *p.screen.get() == crate::game::core::Screen::QuizResults;
    let attempt = if quiz {
        p.quiz.finished.as_ref().and_then(|f| f.attempt)
    } else {
        p.conv.attempt
    };
    let (Some(saves), Some(attempt)) = (p.saves.as_ref(), attempt) else {
        return;
    };
    let Some(dir) = p.folders.0.first() else {
        return;
    };
    let lib = &p.content.library;
    let lang = p.settings.lang;
    let written = saves
        .with(|s| crate::report::stored::attempt_record(s, attempt, lib))
        .map_err(|e| e.to_string())
        .and_then(|record| {
            crate::report::cli::save_attempt_report(&record, lib, lang, dir)
                .map_err(|e| e.to_string())
        });
    let note = Some(match written {
        Ok(path) => ReportNote::Saved(path),
        Err(e) => ReportNote::Failed(e),
    });
    if quiz {
        p.quiz.report = note;
    } else {
        p.conv.report = note;
    }
}
