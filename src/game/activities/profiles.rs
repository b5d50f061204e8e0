//! Who is playing: the profiles of a shared training PC. Choosing, creating, renaming and deleting
//! them, and the first launch's friendly request for a name (which can be skipped: the Guest profile
//! saves like any other).
//!
//! Profiles have no passwords on purpose: the PC sits in a training room, and a name only keeps one
//! trainee's results apart from the next one's.

use crate::game::core::content::{Content, Progress};
use crate::game::core::saves::{Saves, reload_progress};
use crate::game::core::targets::TextEntry;
use crate::game::core::{Action, GameSet, Overlay, Presenter, ProfileAction, Screen};
use crate::store::{Profile, ProfileId, ProfileSummary};
use bevy::prelude::*;

/// Why the form could not be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormError {
    /// The name is empty.
    EmptyName,
    /// The store refused (a disk error); the form stays open with what was typed.
    NotSaved,
}

/// The profile form: a new profile, or renaming one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// The profile renamed; `None` for a new one.
    pub id: Option<ProfileId>,
    /// The name the field starts with.
    pub name: String,
    /// The group the field starts with.
    pub group: String,
    /// The first launch's welcome: skipping plays as Guest.
    pub welcome: bool,
    /// What went wrong with the last save.
    pub error: Option<FormError>,
    /// Counts the forms opened, so the view knows a new one from the same one redrawn.
    pub serial: u32,
}

/// One profile in the list, with what deleting it would lose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The profile.
    pub profile: Profile,
    /// Its finished and unfinished attempts.
    pub summary: ProfileSummary,
}

/// The profiles screen's state: the list (read when the screen opens and after each change), the
/// open form, and the profile a deletion asks about.
#[derive(Resource, Debug, Default)]
pub struct Roster {
    /// Every profile, the most recently used first.
    pub entries: Vec<Entry>,
    /// The form, when one is open.
    pub form: Option<Form>,
    /// The profile the delete question is about.
    pub deleting: Option<Entry>,
    /// How many forms have been opened.
    pub forms_opened: u32,
}

impl Roster {
    /// Opens the first launch's welcome form.
    pub fn welcome() -> Form {
        Form {
            id: None,
            name: String::new(),
            group: String::new(),
            welcome: true,
            error: None,
            serial: 0,
        }
    }

    /// Opens `form`, numbered after the last one.
    pub fn open(&mut self, mut form: Form) {
        self.forms_opened += 1;
        form.serial = self.forms_opened;
        self.form = Some(form);
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Roster>()
        .add_systems(Startup, first_launch)
        .add_systems(OnEnter(Screen::Profiles), read_roster)
        .add_systems(Update, apply_actions.in_set(GameSet::Apply));
}

/// A first launch opens the welcome form instead of the title screen.
fn first_launch(
    saves: Option<Res<Saves>>,
    mut roster: ResMut<Roster>,
    mut next: ResMut<NextState<Screen>>,
) {
    if saves.is_some_and(|s| s.first_launch) {
        roster.open(Roster::welcome());
        next.set(Screen::Profiles);
    }
}

fn read_roster(saves: Option<Res<Saves>>, mut roster: ResMut<Roster>) {
    if let Some(saves) = saves {
        reread(&saves, &mut roster);
    }
}

/// Reads the list of profiles again from the store.
fn reread(saves: &Saves, roster: &mut Roster) {
    let read = saves.with(|s| -> Result<Vec<Entry>, crate::store::StoreError> {
        s.profiles()?
            .into_iter()
            .map(|p| {
                Ok(Entry {
                    summary: s.profile_summary(p.id)?,
                    profile: p,
                })
            })
            .collect()
    });
    match read {
        Ok(entries) => roster.entries = entries,
        Err(e) => warn!("profiles not read: {e}"),
    }
}

/// Everything the profile actions change.
#[derive(bevy::ecs::system::SystemParam)]
pub struct ProfileParams<'w> {
    roster: ResMut<'w, Roster>,
    saves: Option<ResMut<'w, Saves>>,
    content: Res<'w, Content>,
    progress: ResMut<'w, Progress>,
    typing: ResMut<'w, TextEntry>,
    screen: Res<'w, State<Screen>>,
    next_screen: ResMut<'w, NextState<Screen>>,
    overlay: Res<'w, State<Overlay>>,
    next_overlay: ResMut<'w, NextState<Overlay>>,
    presenter: Res<'w, State<Presenter>>,
}

fn apply_actions(mut actions: MessageReader<Action>, mut p: ProfileParams) {
    for action in actions.read() {
        match action {
            Action::Profile(a) => apply(a, &mut p),
            Action::Back => back(&mut p),
            _ => {}
        }
    }
}

/// Esc on the profiles screen closes the form first (skipping, on a first launch), then the screen.
fn back(p: &mut ProfileParams) {
    if *p.screen.get() != Screen::Profiles
        || *p.overlay.get() != Overlay::None
        || *p.presenter.get() == Presenter::Blanked
    {
        // A blanked screen's Esc only shows it again (the shell does that).
        return;
    }
    if p.roster.form.is_some() {
        apply(&ProfileAction::Cancel, p);
    } else {
        p.next_screen.set(Screen::Title);
    }
}

fn apply(action: &ProfileAction, p: &mut ProfileParams) {
    match action {
        ProfileAction::New => {
            p.roster.open(Form {
                welcome: false,
                ..Roster::welcome()
            });
        }
        ProfileAction::Edit(id) => {
            if let Some(e) = p.roster.entries.iter().find(|e| e.profile.id == *id) {
                let form = Form {
                    id: Some(*id),
                    name: e.profile.name.clone(),
                    group: e.profile.group.clone().unwrap_or_default(),
                    welcome: false,
                    error: None,
                    serial: 0,
                };
                p.roster.open(form);
            }
        }
        ProfileAction::Draft { name, group } => {
            if let Some(f) = p.roster.form.as_mut() {
                f.name.clone_from(name);
                f.group.clone_from(group);
                if !name.trim().is_empty() {
                    f.error = None;
                }
            }
        }
        ProfileAction::Save => save(p),
        ProfileAction::Cancel => {
            let welcome = p.roster.form.take().is_some_and(|f| f.welcome);
            p.typing.0 = false;
            if welcome {
                // Skipped: the Guest profile (already chosen) plays.
                p.next_screen.set(Screen::Title);
            }
        }
        ProfileAction::Switch(id) => {
            switch(*id, p);
            p.next_screen.set(Screen::Title);
        }
        ProfileAction::AskDelete(id) => {
            if let Some(e) = p.roster.entries.iter().find(|e| e.profile.id == *id) {
                p.roster.deleting = Some(e.clone());
                p.next_overlay.set(Overlay::DeleteProfile);
            }
        }
        ProfileAction::ConfirmDelete => delete(p),
        ProfileAction::DismissRecovery => {
            if let Some(saves) = p.saves.as_mut() {
                saves.recovery = None;
            }
        }
    }
}

/// Creates or renames a profile from the form; a new profile plays at once.
fn save(p: &mut ProfileParams) {
    let Some(form) = p.roster.form.clone() else {
        return;
    };
    let (name, group) = (form.name.as_str(), form.group.as_str());
    if name.trim().is_empty() {
        if let Some(f) = p.roster.form.as_mut() {
            f.error = Some(FormError::EmptyName);
        }
        return;
    }
    let Some(saves) = p.saves.as_deref() else {
        p.roster.form = None;
        return;
    };
    let group = Some(group).filter(|g| !g.trim().is_empty());
    let playing = saves.profile;
    let saved = saves.with(|s| match form.id {
        Some(id) => s.rename_profile(id, name, group).map(|()| id),
        None => s.create_profile(name, group).map(|p| p.id),
    });
    match saved {
        Ok(id) => {
            p.roster.form = None;
            p.typing.0 = false;
            if form.id.is_none() || form.id == Some(playing) {
                switch(id, p);
            }
            if form.welcome {
                p.next_screen.set(Screen::Title);
            } else if let Some(saves) = p.saves.as_deref() {
                reread(saves, &mut p.roster);
            }
        }
        Err(e) => {
            warn!("profile not saved: {e}");
            if let Some(f) = p.roster.form.as_mut() {
                f.error = Some(FormError::NotSaved);
            }
        }
    }
}

/// Plays as `id`: the picker, the title and the progress screen show that profile from now on.
fn switch(id: ProfileId, p: &mut ProfileParams) {
    let Some(saves) = p.saves.as_mut() else {
        return;
    };
    if let Err(e) = saves.switch(id) {
        warn!("profile not switched: {e}");
        return;
    }
    saves.refresh(&p.content.library);
    reload_progress(saves, &mut p.progress);
}

/// Deletes the profile asked about. Deleting the one playing switches to another (or to Guest).
fn delete(p: &mut ProfileParams) {
    p.next_overlay.set(Overlay::None);
    let Some(entry) = p.roster.deleting.take() else {
        return;
    };
    let Some(saves) = p.saves.as_deref() else {
        return;
    };
    let id = entry.profile.id;
    let playing = saves.profile;
    let next = saves.with(|s| -> Result<ProfileId, crate::store::StoreError> {
        s.delete_profile(id)?;
        Ok(match s.profiles()?.first() {
            Some(other) => other.id,
            None => s.guest()?.id,
        })
    });
    match next {
        Ok(next) => {
            if playing == id {
                switch(next, p);
            }
            if let Some(saves) = p.saves.as_deref() {
                reread(saves, &mut p.roster);
            }
        }
        Err(e) => warn!("profile not deleted: {e}"),
    }
}
