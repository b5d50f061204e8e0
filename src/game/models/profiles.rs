//! The profiles screen's model: who can play on this PC, the form to add or rename one, and the
//! question before deleting one (which says what would be lost).

use crate::engine::text::Lang;
use crate::game::activities::profiles::{Entry, Form, FormError, Roster};
use crate::game::core::{Action, ProfileAction, Target};
use crate::game::models::question::QuestionView;
use crate::i18n::{Args, tr, tra};
use crate::store::{ProfileId, display_name};

/// One profile in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The profile.
    pub id: ProfileId,
    /// Its name ("Guest" in the interface language).
    pub name: String,
    /// "Onboarding March · 12 attempts · playing now".
    pub detail: String,
    /// Whether it is the one playing.
    pub current: bool,
}

/// The open form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormView {
    /// Which form it is, so the view gives the name field the keyboard when a new one opens.
    pub key: u32,
    /// "Welcome!", "New player" or "Rename player".
    pub heading: String,
    /// The friendly request of a first launch.
    pub intro: Option<String>,
    /// The name field's caption.
    pub name_label: String,
    /// The group field's caption.
    pub group_label: String,
    /// What the name field holds.
    pub name: String,
    /// What the group field holds.
    pub group: String,
    /// Why the last save failed.
    pub error: Option<String>,
    /// The keys of the form.
    pub hint: String,
    /// The save button's label.
    pub save: String,
    /// The cancel (or skip) button's label.
    pub cancel: String,
}

/// The profiles screen's model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfilesView {
    /// The interface language.
    pub lang: Lang,
    /// "Who is playing?"
    pub heading: String,
    /// The profiles, the most recently used first.
    pub rows: Vec<Row>,
    /// The form, when open (it then has the keys).
    pub form: Option<FormView>,
    /// The keys of the list.
    pub hint: String,
}

impl ProfilesView {
    /// The model of `roster` with `playing` the current profile.
    pub fn new(roster: &Roster, playing: Option<ProfileId>, lang: Lang) -> ProfilesView {
        ProfilesView {
            lang,
            heading: tr(lang, "profiles-heading"),
            rows: roster
                .entries
                .iter()
                .map(|e| row(e, playing, lang))
                .collect(),
            form: roster.form.as_ref().map(|f| form(f, lang)),
            hint: tr(lang, "profiles-hint"),
        }
    }

    /// With the form open: Save, then Cancel (or Skip). Otherwise, per profile: play as, rename,
    /// delete; then New player and Back.
    pub fn targets(&self) -> Vec<Target> {
        let lang = self.lang;
        if let Some(f) = &self.form {
            // The fields' text reaches the form as the player types, so Save needs nothing more.
            return vec![
                Target::new(ProfileAction::Save, f.save.clone()),
                Target::new(ProfileAction::Cancel, f.cancel.clone()),
            ];
        }
        let mut t = Vec::new();
        for r in &self.rows {
            t.push(Target::new(ProfileAction::Switch(r.id), r.name.clone()));
            t.push(Target::new(
                ProfileAction::Edit(r.id),
                tra(lang, "profiles-rename", &Args::new().str("name", &*r.name)),
            ));
            t.push(Target::new(
                ProfileAction::AskDelete(r.id),
                tra(lang, "profiles-delete", &Args::new().str("name", &*r.name)),
            ));
        }
        t.push(Target::new(ProfileAction::New, tr(lang, "profiles-new")));
        t.push(Target::new(Action::Back, tr(lang, "profiles-back")));
        t
    }

    /// Where the highlight starts: on the profile playing, so Enter keeps it.
    pub fn initial_focus(&self) -> usize {
        if self.form.is_some() {
            return 0;
        }
        self.rows.iter().position(|r| r.current).unwrap_or(0) * 3
    }
}

fn row(e: &Entry, playing: Option<ProfileId>, lang: Lang) -> Row {
    let current = Some(e.profile.id) == playing;
    let mut parts = Vec::new();
    if let Some(g) = &e.profile.group {
        parts.push(g.clone());
    }
    parts.push(tra(
        lang,
        "profiles-attempts",
        &Args::new().num("n", e.summary.attempts as f64),
    ));
    if current {
        parts.push(tr(lang, "profiles-current"));
    }
    Row {
        id: e.profile.id,
        name: display_name(lang, &e.profile),
        detail: parts.join(" · "),
        current,
    }
}

fn form(f: &Form, lang: Lang) -> FormView {
    let heading = if f.welcome {
        "profile-form-welcome-heading"
    } else if f.id.is_some() {
        "profile-form-rename"
    } else {
        "profile-form-new"
    };
    FormView {
        key: f.serial,
        heading: tr(lang, heading),
        intro: f.welcome.then(|| tr(lang, "profile-form-welcome")),
        name_label: tr(lang, "profile-form-name"),
        group_label: tr(lang, "profile-form-group"),
        name: f.name.clone(),
        group: f.group.clone(),
        error: f.error.map(|e| match e {
            FormError::EmptyName => tr(lang, "profile-form-empty"),
            FormError::NotSaved => tr(lang, "profile-form-not-saved"),
        }),
        hint: tr(lang, "profile-form-keys"),
        save: tr(
            lang,
            if f.welcome {
                "profile-form-start"
            } else {
                "profile-form-save"
            },
        ),
        cancel: tr(
            lang,
            if f.welcome {
                "profile-form-skip"
            } else {
                "profile-form-cancel"
            },
        ),
    }
}

/// "Delete Anna? Her 12 finished attempts…": keeping is the first button.
pub fn delete_question(roster: &Roster, lang: Lang) -> QuestionView {
    let (name, attempts, open) = roster.deleting.as_ref().map_or_else(
        || (String::new(), 0, 0),
        |e| {
            (
                display_name(lang, &e.profile),
                e.summary.attempts,
                e.summary.in_progress,
            )
        },
    );
    QuestionView {
        text: tra(
            lang,
            "profile-delete-question",
            &Args::new()
                .str("name", name)
                .num("n", attempts as f64)
                .num("open", open as f64),
        ),
        targets: vec![
            Target::new(Action::Stay, tr(lang, "profile-delete-no")),
            Target::new(ProfileAction::ConfirmDelete, tr(lang, "profile-delete-yes")),
        ],
    }
}
