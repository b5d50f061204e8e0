//! The progress screen's activity: reading the profile's progress from the store when the screen
//! opens, charting a chosen principle, opening a saved attempt's debrief, and moving a profile's
//! history to and from a file.
//!
//! Everything is read once per visit (and after a change), never per frame: the screen's models
//! only format what this resource holds.

use crate::game::activities::dialogue::Conversation;
use crate::game::core::content::{Content, Progress};
use crate::game::core::saves::{Saves, reload_progress};
use crate::game::core::settings::Settings;
use crate::game::core::{Action, GameSet, Overlay, Presenter, ProgressAction, Screen};
use crate::store::query::{CHART_POINTS, HistoryRow, PrinciplePoint, ProgressData, SavedDebrief};
use crate::store::transfer::{FORMAT, ImportSummary, import_error_message};
use crate::store::{PrincipleResult, ProfileId};
use bevy::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How many attempts the history lists.
pub const HISTORY_ROWS: usize = 200;

/// How many importable files the import list shows at most (the newest).
pub const IMPORT_CHOICES: usize = 12;

/// The saved figures of an attempt whose scenario changed since, or is gone.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    /// The attempt.
    pub row: HistoryRow,
    /// Whether the scenario is still there, with other content.
    pub changed: bool,
    /// The saved per-principle results.
    pub principles: Vec<PrincipleResult>,
    /// A team session's record: teams, nicknames, votes, paths.
    pub team: Option<crate::team::session::Record>,
}

/// What the last export or import did, for the note on the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// Exported: how many attempts, to which file.
    Exported(usize, PathBuf),
    /// Imported.
    Imported(ImportSummary),
    /// The import failed; the message is already in the player's language (file, line, column).
    ImportFailed(String),
    /// Nothing was written: the store's error.
    ExportFailed(String),
    /// No progress file was found in the folders looked at.
    NothingToImport,
}

/// The progress screen's data for the profile playing.
#[derive(Resource, Debug, Default, Clone)]
pub struct ProgressState {
    /// Whose data it is.
    pub profile: Option<ProfileId>,
    /// Mastery, scores, history, endings, what is done and what is due.
    pub data: Option<ProgressData>,
    /// The principle charted beside the overall score.
    pub chart: Option<String>,
    /// Its points, oldest first.
    pub series: Vec<PrinciplePoint>,
    /// The saved figures of an attempt that cannot be rebuilt.
    pub detail: Option<Detail>,
    /// The last export's or import's result.
    pub note: Option<Note>,
    /// The progress files found to import, newest first.
    pub imports: Vec<PathBuf>,
    /// The principles due for review today.
    pub due: std::collections::BTreeSet<String>,
    /// The best score per scenario, over every attempt (the history lists only the newest).
    pub best: std::collections::BTreeMap<String, u8>,
}

/// Where exports are written (the first folder) and where imports are looked for (all of them).
#[derive(Resource, Debug, Clone)]
pub struct TransferFolders(pub Vec<PathBuf>);

impl TransferFolders {
    /// The player's documents, downloads and desktop folders, then the home folder.
    pub fn user() -> TransferFolders {
        let mut out = Vec::new();
        if let Some(u) = directories::UserDirs::new() {
            out.extend(u.document_dir().map(Path::to_path_buf));
            out.extend(u.download_dir().map(Path::to_path_buf));
            out.extend(u.desktop_dir().map(Path::to_path_buf));
            out.push(u.home_dir().to_path_buf());
        }
        out.dedup();
        TransferFolders(out)
    }
}

pub(super) fn plugin(app: &mut App) {
    if !app.world().contains_resource::<TransferFolders>() {
        app.insert_resource(TransferFolders::user());
    }
    app.init_resource::<ProgressState>()
        .add_systems(OnEnter(Screen::Progress), read_progress)
        .add_systems(Update, apply_actions.in_set(GameSet::Apply));
}

fn read_progress(
    saves: Option<Res<Saves>>,
    content: Res<Content>,
    mut state: ResMut<ProgressState>,
) {
    let Some(saves) = saves else {
        *state = ProgressState::default();
        return;
    };
    reread(&saves, &content, &mut state);
}

/// Reads the profile's progress again; the chart keeps its principle when the profile is the same.
fn reread(saves: &Saves, content: &Content, state: &mut ProgressState) {
    let until = crate::store::end_of_local_day(crate::store::now_ms());
    let profile = saves.profile;
    if state.profile != Some(profile) {
        *state = ProgressState {
            profile: Some(profile),
            ..ProgressState::default()
        };
    }
    let catalog = &content.library.catalog;
    match saves.with(|s| {
        Ok::<_, crate::store::StoreError>((
            s.progress(profile, catalog, HISTORY_ROWS, until)?,
            s.due_principles(profile, until)?,
            s.picker(profile, crate::store::Kind::Dialogue)?,
        ))
    }) {
        Ok((data, due, figures)) => {
            state.data = Some(data);
            state.due = due;
            state.best = figures.into_iter().map(|(id, f)| (id, f.best)).collect();
        }
        Err(e) => warn!("progress not read: {e}"),
    }
    state.detail = None;
    chart(saves, state.chart.clone(), state);
}

/// Charts `principle` (or only the overall score).
fn chart(saves: &Saves, principle: Option<String>, state: &mut ProgressState) {
    state.series = match &principle {
        Some(id) => saves
            .with(|s| s.principle_over_time(saves.profile, id, CHART_POINTS))
            .unwrap_or_else(|e| {
                warn!("principle chart not read: {e}");
                Vec::new()
            }),
        None => Vec::new(),
    };
    state.chart = principle;
}

/// Everything the progress actions change.
#[derive(bevy::ecs::system::SystemParam)]
pub struct ProgressParams<'w> {
    state: ResMut<'w, ProgressState>,
    saves: Option<ResMut<'w, Saves>>,
    content: Res<'w, Content>,
    progress: ResMut<'w, Progress>,
    settings: Res<'w, Settings>,
    folders: Res<'w, TransferFolders>,
    conv: ResMut<'w, Conversation>,
    screen: Res<'w, State<Screen>>,
    next_screen: ResMut<'w, NextState<Screen>>,
    overlay: Res<'w, State<Overlay>>,
    next_overlay: ResMut<'w, NextState<Overlay>>,
    presenter: Res<'w, State<Presenter>>,
}

fn apply_actions(mut actions: MessageReader<Action>, mut p: ProgressParams) {
    for action in actions.read() {
        match action {
            Action::Progress(a) => apply(a, &mut p),
            Action::Back => back(&mut p),
            _ => {}
        }
    }
}

/// Esc on the progress screen closes the saved figures before it leaves the screen.
fn back(p: &mut ProgressParams) {
    if *p.screen.get() != Screen::Progress
        || *p.overlay.get() != Overlay::None
        || *p.presenter.get() == Presenter::Blanked
    {
        return;
    }
    if p.state.detail.take().is_none() {
        p.next_screen.set(Screen::Title);
    }
}

fn apply(action: &ProgressAction, p: &mut ProgressParams) {
    let Some(saves) = p.saves.as_deref() else {
        return;
    };
    match action {
        ProgressAction::Chart(principle) => chart(saves, principle.clone(), &mut p.state),
        ProgressAction::Open(attempt) => {
            let opened =
                saves.with(|s| s.saved_debrief(saves.profile, *attempt, &p.content.library));
            match opened {
                Ok(SavedDebrief::Rebuilt(d)) => {
                    p.conv.debrief = Some(Arc::new(*d));
                    p.conv.reviewing = true;
                    p.conv.attempt = Some(*attempt);
                    p.conv.report = None;
                    p.conv.retry_missing = None;
                    p.next_screen.set(Screen::Debrief);
                }
                Ok(SavedDebrief::Saved {
                    changed,
                    row,
                    principles,
                }) => {
                    let team = (row.kind == crate::store::Kind::Team)
                        .then(|| saves.with(|s| s.attempt_detail(*attempt)).ok())
                        .flatten()
                        .and_then(|v| serde_json::from_value(v).ok());
                    p.state.detail = Some(Detail {
                        row,
                        changed,
                        principles,
                        team,
                    });
                }
                Err(e) => warn!("saved attempt not opened: {e}"),
            }
        }
        ProgressAction::CloseDetail => p.state.detail = None,
        ProgressAction::Export => {
            let name = saves.name(p.settings.lang);
            let Some(folder) = p.folders.0.first() else {
                p.state.note = Some(Note::ExportFailed(String::new()));
                return;
            };
            let path = folder.join(export_name(&name, chrono::Local::now().date_naive()));
            p.state.note = Some(
                match std::fs::create_dir_all(folder)
                    .map_err(crate::store::StoreError::from)
                    .and_then(|()| saves.with(|s| s.export_to(saves.profile, &path)))
                {
                    Ok(n) => Note::Exported(n, path),
                    Err(e) => Note::ExportFailed(e.to_string()),
                },
            );
        }
        ProgressAction::ChooseImport => {
            p.state.imports = importable(&p.folders.0);
            if p.state.imports.is_empty() {
                p.state.note = Some(Note::NothingToImport);
            } else {
                p.next_overlay.set(Overlay::Import);
            }
        }
        ProgressAction::Import(path) => {
            p.next_overlay.set(Overlay::None);
            let lang = p.settings.lang;
            match saves.with(|s| s.import_from(path)) {
                Ok(summary) => {
                    let into = summary.profile;
                    p.state.note = Some(Note::Imported(summary));
                    // The imported history is the profile's own when it is the one playing;
                    // otherwise it went to (or created) the profile named in the file.
                    if let Some(saves) = p.saves.as_deref_mut() {
                        if saves.profile == into {
                            saves.refresh(&p.content.library);
                            reload_progress(saves, &mut p.progress);
                        }
                        let note = p.state.note.take();
                        reread(saves, &p.content, &mut p.state);
                        p.state.note = note;
                    }
                }
                Err(e) => {
                    p.state.note = Some(Note::ImportFailed(import_error_message(lang, path, &e)));
                }
            }
        }
    }
}

/// `client-first-progress-Anna-2026-11-30.json`: the profile and the day, with characters that
/// file systems refuse replaced.
pub fn export_name(profile: &str, day: chrono::NaiveDate) -> String {
    let safe: String = profile
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{FORMAT}-{safe}-{day}.json")
}

/// The progress files in `folders` (not their subfolders), newest first: JSON files whose first
/// bytes carry the export's format tag.
pub fn importable(folders: &[PathBuf]) -> Vec<PathBuf> {
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
    for dir in folders {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_none_or(|x| x != "json") {
                continue;
            }
            let Ok(meta) = e.metadata() else { continue };
            if !meta.is_file() || found.iter().any(|(_, p)| *p == path) {
                continue;
            }
            if has_format_tag(&path) {
                found.push((meta.modified().unwrap_or(std::time::UNIX_EPOCH), path));
            }
        }
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.0));
    found
        .into_iter()
        .take(IMPORT_CHOICES)
        .map(|(_, p)| p)
        .collect()
}

/// Whether the file's first kilobyte names the export format (cheap; the import checks it all).
fn has_format_tag(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 1024];
    let Ok(mut f) = std::fs::File::open(path) else {
        return false;
    };
    let n = f.read(&mut head).unwrap_or(0);
    String::from_utf8_lossy(&head[..n]).contains(FORMAT)
}
