//! Who is playing and what they achieved: the first launch's welcome, profiles created, switched,
//! renamed and deleted, the progress screen's tabs and history, and a profile carried to another
//! store through an exported file. Every test runs on a real SQLite file.

use crate::common::*;
use bevy::prelude::KeyCode;
use client_first::game::activities::profiles::Roster;
use client_first::game::activities::progress::{Note, ProgressState};
use client_first::game::core::saves::Saves;
use client_first::game::core::{ProfileAction, ProgressAction, ProgressTab, TextEntry};
use client_first::game::{Action, DialogueAction, Overlay, Progress, Screen};
use client_first::store::Store;

fn saves_at(path: &std::path::Path) -> Saves {
    Saves::new(Store::open(path).expect("a store opens").store).expect("a guest profile")
}

fn playing(app: &bevy::prelude::App) -> String {
    let saves = app.world().resource::<Saves>();
    saves.current.as_ref().expect("a profile").name.clone()
}

fn type_name(app: &mut bevy::prelude::App, name: &str, group: &str) {
    send(
        app,
        ProfileAction::Draft {
            name: name.into(),
            group: group.into(),
        }
        .into(),
    );
}

fn progress_tab(app: &bevy::prelude::App) -> Option<ProgressTab> {
    app.world()
        .get_resource::<bevy::prelude::State<ProgressTab>>()
        .map(|t| *t.get())
}

/// Plays the tutorial to its debrief with the first reply each time, then goes to the title.
fn play_tutorial(app: &mut bevy::prelude::App) {
    send(app, DialogueAction::Start("tutorial".into()).into());
    play_to_debrief_by_keys(app);
    send(app, Action::Goto(Screen::Title));
}

#[test]
fn a_first_launch_asks_for_a_name_once_and_can_be_skipped() {
    let dir = temp_dir();
    let path = dir.path().join("progress.sqlite");
    let mut app = app_with_saves(saves_at(&path));
    assert_eq!(screen(&app), Screen::Profiles, "the welcome comes first");
    let form = app
        .world()
        .resource::<Roster>()
        .form
        .clone()
        .expect("a form");
    assert!(form.welcome);
    // Enter on the first button with an empty name keeps the form open and says why.
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Profiles);
    assert!(
        app.world()
            .resource::<Roster>()
            .form
            .as_ref()
            .unwrap()
            .error
            .is_some(),
        "an empty name is refused with a message"
    );
    // Esc skips: the guest plays, and saves like anyone.
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Title);
    assert!(
        app.world()
            .resource::<Saves>()
            .current
            .as_ref()
            .unwrap()
            .guest
    );
    play_tutorial(&mut app);
    drop(app);

    // The second launch goes straight to the title, as the guest, with the guest's progress.
    let app = app_with_saves(saves_at(&path));
    assert_eq!(screen(&app), Screen::Title);
    assert!(
        app.world()
            .resource::<Progress>()
            .completed
            .contains("tutorial")
    );
}

#[test]
fn a_name_typed_at_the_welcome_plays_and_is_remembered() {
    let dir = temp_dir();
    let path = dir.path().join("progress.sqlite");
    let mut app = app_with_saves(saves_at(&path));
    type_name(&mut app, "Анна", "Адаптация, март");
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Title);
    assert_eq!(playing(&app), "Анна");
    // The title's player button names her and her group, and P opens the list.
    let labels: Vec<String> = app
        .world()
        .resource::<client_first::game::Targets>()
        .0
        .iter()
        .map(|t| t.label.clone())
        .collect();
    assert!(
        labels
            .iter()
            .any(|l| l.contains("Анна") && l.contains("Адаптация, март")),
        "{labels:?}"
    );
    key(&mut app, KeyCode::KeyP);
    assert_eq!(screen(&app), Screen::Profiles);
    drop(app);
    let app = app_with_saves(saves_at(&path));
    assert_eq!(playing(&app), "Анна", "the last profile is preselected");
}

#[test]
fn keys_typed_into_a_name_are_not_game_keys() {
    let dir = temp_dir();
    let mut app = app_with_saves(saves_at(&dir.path().join("p.sqlite")));
    let lang = settings(&app).lang;
    // The welcome form is on screen; its name field has the keyboard.
    app.update();
    assert_eq!(screen(&app), Screen::Profiles);
    app.world_mut().resource_mut::<TextEntry>().0 = true;
    key(&mut app, KeyCode::KeyL);
    key(&mut app, KeyCode::KeyB);
    key(&mut app, KeyCode::Escape);
    assert_eq!(settings(&app).lang, lang, "L typed into a name");
    assert!(!blanked(&app), "B typed into a name");
    assert_eq!(screen(&app), Screen::Profiles, "Esc is the field's");
}

#[test]
fn switching_players_switches_their_progress() {
    let dir = temp_dir();
    let mut app = app_with_saves(saves_at(&dir.path().join("p.sqlite")));
    type_name(&mut app, "Анна", "");
    send(&mut app, ProfileAction::Save.into());
    play_tutorial(&mut app);
    let anna = app.world().resource::<Saves>().profile;
    assert!(
        app.world()
            .resource::<Progress>()
            .best
            .contains_key("tutorial")
    );

    // Boris joins from the profiles screen: a fresh picker.
    send(&mut app, Action::Goto(Screen::Profiles));
    send(&mut app, ProfileAction::New.into());
    type_name(&mut app, "Борис", "Поддержка, Казань");
    send(&mut app, ProfileAction::Save.into());
    assert_eq!(playing(&app), "Борис");
    assert!(app.world().resource::<Progress>().best.is_empty());

    // Back to Anna by the keys: the list starts on the one playing; Anna is the next row.
    send(&mut app, Action::Goto(Screen::Profiles));
    let rows = targets(&app);
    let at = rows
        .iter()
        .position(|a| *a == ProfileAction::Switch(anna).into())
        .expect("Anna is listed");
    send(&mut app, rows[at].clone());
    assert_eq!(screen(&app), Screen::Title);
    assert_eq!(playing(&app), "Анна");
    assert!(
        app.world()
            .resource::<Progress>()
            .best
            .contains_key("tutorial")
    );
}

#[test]
fn a_rename_keeps_the_history_and_a_delete_asks_first_and_says_what_is_lost() {
    let dir = temp_dir();
    let mut app = app_with_saves(saves_at(&dir.path().join("p.sqlite")));
    type_name(&mut app, "Анна", "");
    send(&mut app, ProfileAction::Save.into());
    play_tutorial(&mut app);
    let anna = app.world().resource::<Saves>().profile;

    send(&mut app, Action::Goto(Screen::Profiles));
    send(&mut app, ProfileAction::Edit(anna).into());
    type_name(&mut app, "Анна К.", "Март");
    send(&mut app, ProfileAction::Save.into());
    assert_eq!(playing(&app), "Анна К.");
    assert!(
        app.world()
            .resource::<Progress>()
            .best
            .contains_key("tutorial")
    );

    send(&mut app, ProfileAction::AskDelete(anna).into());
    assert_eq!(overlay(&app), Overlay::DeleteProfile);
    // Keeping is first, so a reflex Enter loses nothing.
    assert_eq!(targets(&app)[0], Action::Stay);
    key(&mut app, KeyCode::Enter);
    assert_eq!(overlay(&app), Overlay::None);
    assert!(
        app.world()
            .resource::<Saves>()
            .with(|s| s.profile(anna))
            .is_ok()
    );

    send(&mut app, ProfileAction::AskDelete(anna).into());
    let question = client_first::game::models::profiles::delete_question(
        app.world().resource::<Roster>(),
        client_first::engine::text::Lang::Ru,
    );
    assert!(question.text.contains("Анна К."), "{}", question.text);
    assert!(
        question.text.contains("1 завершённая попытка"),
        "{}",
        question.text
    );
    send(&mut app, ProfileAction::ConfirmDelete.into());
    let saves = app.world().resource::<Saves>();
    assert!(saves.with(|s| s.profile(anna)).is_err(), "deleted");
    assert_ne!(saves.profile, anna, "another profile plays");
    assert!(app.world().resource::<Progress>().best.is_empty());
}

#[test]
fn the_progress_screen_shows_mastery_history_and_opens_a_saved_debrief() {
    let dir = temp_dir();
    let mut app = app_with_saves(saves_at(&dir.path().join("p.sqlite")));
    send(&mut app, ProfileAction::Cancel.into());
    play_tutorial(&mut app);
    let score = app.world().resource::<Progress>().best["tutorial"];

    send(&mut app, Action::Goto(Screen::Progress));
    assert_eq!(progress_tab(&app), Some(ProgressTab::Sources));
    {
        let state = app.world().resource::<ProgressState>();
        let data = state.data.as_ref().expect("progress read");
        assert_eq!(data.history_total, 1);
        assert!(
            data.by_source
                .iter()
                .flat_map(|g| &g.principles)
                .any(|p| p.count > 0),
            "the tutorial tested some principles"
        );
    }
    // The clicker pages through the tabs (each tab fits, so PageDown moves on).
    for want in [
        ProgressTab::Themes,
        ProgressTab::Chart,
        ProgressTab::History,
    ] {
        key(&mut app, KeyCode::PageDown);
        assert_eq!(progress_tab(&app), Some(want));
    }
    let open = targets(&app)
        .into_iter()
        .find(|a| matches!(a, Action::Progress(ProgressAction::Open(_))))
        .expect("the attempt is listed");
    send(&mut app, open);
    assert_eq!(screen(&app), Screen::Debrief);
    let db = conversation(&app)
        .debrief
        .clone()
        .expect("the saved debrief");
    assert_eq!(db.scenario, "tutorial");
    assert_eq!(
        db.score.overall, score,
        "rebuilt exactly from the saved replies"
    );
    assert!(conversation(&app).reviewing);
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Progress, "back to the history");
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Title);
}

#[test]
fn a_chosen_principle_is_charted_beside_the_overall_score() {
    let dir = temp_dir();
    let mut app = app_with_saves(saves_at(&dir.path().join("p.sqlite")));
    send(&mut app, ProfileAction::Cancel.into());
    play_tutorial(&mut app);
    play_tutorial(&mut app);
    send(&mut app, Action::Goto(Screen::Progress));
    send(&mut app, Action::ProgressTab(ProgressTab::Chart));
    let choice = targets(&app)
        .into_iter()
        .find(|a| matches!(a, Action::Progress(ProgressAction::Chart(Some(_)))))
        .expect("a tested principle to chart");
    send(&mut app, choice);
    let state = app.world().resource::<ProgressState>();
    assert!(state.chart.is_some());
    assert_eq!(
        state.series.len(),
        2,
        "one point per attempt that tested it"
    );
    assert_eq!(state.data.as_ref().unwrap().scores.len(), 2);
}

#[test]
fn progress_moves_to_another_computer_through_an_exported_file_and_only_once() {
    let dir = temp_dir();
    let office = dir.path().join("office.sqlite");
    let carry = dir.path().join("usb");
    std::fs::create_dir_all(&carry).unwrap();
    let mut app = app_with_saves_in(saves_at(&office), &carry);
    type_name(&mut app, "Анна", "");
    send(&mut app, ProfileAction::Save.into());
    play_tutorial(&mut app);
    send(&mut app, Action::Goto(Screen::Progress));
    send(&mut app, ProgressAction::Export.into());
    let Some(Note::Exported(1, file)) = app.world().resource::<ProgressState>().note.clone() else {
        panic!(
            "exported: {:?}",
            app.world().resource::<ProgressState>().note
        );
    };
    assert!(file.starts_with(&carry) && file.exists(), "{file:?}");
    drop(app);

    // At home: a new store, the guest playing; the import finds the file and adds it once.
    let home = dir.path().join("home.sqlite");
    let mut app = app_with_saves_in(saves_at(&home), &carry);
    send(&mut app, ProfileAction::Cancel.into());
    send(&mut app, Action::Goto(Screen::Progress));
    send(&mut app, ProgressAction::ChooseImport.into());
    assert_eq!(overlay(&app), Overlay::Import);
    assert_eq!(targets(&app)[0], Action::Stay, "cancel first");
    let import = ProgressAction::Import(file.clone()).into();
    assert!(targets(&app).contains(&import));
    send(&mut app, import);
    let Some(Note::Imported(first)) = app.world().resource::<ProgressState>().note.clone() else {
        panic!("imported");
    };
    assert_eq!((first.added, first.skipped), (1, 0));
    send(&mut app, ProgressAction::Import(file.clone()).into());
    let Some(Note::Imported(again)) = app.world().resource::<ProgressState>().note.clone() else {
        panic!("imported again");
    };
    assert_eq!((again.added, again.skipped), (0, 1), "nothing twice");
    let saves = app.world().resource::<Saves>();
    let anna = saves
        .with(|s| s.profile_by_name("Анна"))
        .unwrap()
        .expect("Anna came along");
    assert_eq!(saves.with(|s| s.history(anna.id, 0, 10)).unwrap().len(), 1);

    // A damaged file changes nothing and says where it broke.
    let bad = carry.join("client-first-progress-broken.json");
    std::fs::write(
        &bad,
        "{\"format\": \"client-first-progress\", \"version\": 1,",
    )
    .unwrap();
    send(&mut app, ProgressAction::Import(bad).into());
    let Some(Note::ImportFailed(msg)) = app.world().resource::<ProgressState>().note.clone() else {
        panic!("a damaged file fails");
    };
    assert!(msg.contains("client-first-progress-broken.json"), "{msg}");
}

#[test]
fn poor_replies_come_back_due_and_practise_starts_a_scenario_for_them() {
    let dir = temp_dir();
    let mut app = app_with_saves(saves_at(&dir.path().join("p.sqlite")));
    send(&mut app, ProfileAction::Cancel.into());
    // The worst reply each time (the last key), so the reviews rate "again".
    send(&mut app, DialogueAction::Start("tutorial".into()).into());
    for _ in 0..400 {
        if screen(&app) == Screen::Debrief {
            break;
        }
        let offered: Vec<String> = targets(&app)
            .into_iter()
            .filter_map(|a| match a {
                Action::Dialogue(DialogueAction::Choose(id)) => Some(id),
                _ => None,
            })
            .collect();
        if offered.is_empty() {
            key(&mut app, KeyCode::Space);
            continue;
        }
        let run = &conversation(&app).active.as_ref().expect("a run").run;
        let choices = run.choices();
        let total = |id: &String| -> i32 {
            choices
                .iter()
                .find(|c| c.id == *id)
                .map_or(0, |c| c.scores.values().sum())
        };
        let worst = offered.iter().min_by_key(|id| total(id)).unwrap().clone();
        send(&mut app, DialogueAction::Choose(worst).into());
    }
    send(&mut app, Action::Goto(Screen::Title));
    // FSRS schedules a new card a day or more ahead: nothing is due on the day itself.
    assert_eq!(app.world().resource::<Saves>().due, 0);
    let tomorrow = client_first::store::now_ms() + 36 * 3_600_000;
    let (profile, weak) = {
        let saves = app.world().resource::<Saves>();
        let weak = saves
            .with(|s| s.due_principles(saves.profile, tomorrow))
            .unwrap();
        (saves.profile, weak)
    };
    assert!(
        !weak.is_empty(),
        "the weak replies' principles come back soon"
    );
    // A day and a half later (the cards' due dates moved back instead of the clock forward).
    app.world()
        .resource::<Saves>()
        .with(|s| {
            s.connection().execute(
                "UPDATE cards SET due = due - 36 * 3600000 WHERE profile = ?1",
                [profile.0],
            )
        })
        .unwrap();
    app.world_mut()
        .resource_scope(|world, mut saves: bevy::prelude::Mut<Saves>| {
            saves.refresh(&world.resource::<client_first::game::Content>().library);
        });
    app.update();
    let saves = app.world().resource::<Saves>();
    assert_eq!(saves.due, weak.len(), "the title counts them");
    let practise = saves.practise.clone().expect("a scenario covers them");
    let start: Action = DialogueAction::Start(practise.scenario.clone()).into();
    assert!(targets(&app).contains(&start), "the title offers Practise");
}

#[test]
fn the_progress_screen_s_buttons_and_rows_are_clicked_by_their_labels() {
    use bevy_egui::egui;
    use client_first::engine::text::Lang;
    use client_first::game::models::progress::ProgressView;
    use client_first::game::views::{self, Cx};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    let dir = temp_dir();
    let mut app = app_with_saves(saves_at(&dir.path().join("p.sqlite")));
    send(&mut app, ProfileAction::Cancel.into());
    play_tutorial(&mut app);
    send(&mut app, Action::Goto(Screen::Progress));
    let state = app.world().resource::<ProgressState>().clone();
    let saves = app.world().resource::<Saves>();
    let library = &app
        .world()
        .resource::<client_first::game::Content>()
        .library;
    let click = |tab: ProgressTab, label: &str| -> Vec<Action> {
        let vm = ProgressView::new(&state, Some(saves), library, tab, Lang::En);
        let cx = Cx::plain();
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 720.0))
            .build_ui_state(
                move |ui, out: &mut Vec<Action>| views::progress::show(ui, &vm, &cx, out),
                Vec::new(),
            );
        h.run();
        h.get_by_label_contains(label).click();
        h.run();
        h.state().clone()
    };
    assert_eq!(
        click(ProgressTab::Sources, "Export my progress"),
        vec![ProgressAction::Export.into()]
    );
    assert_eq!(
        click(ProgressTab::Themes, "History"),
        vec![Action::ProgressTab(ProgressTab::History)]
    );
    assert_eq!(
        click(ProgressTab::Chart, "Overall score only"),
        vec![ProgressAction::Chart(None).into()]
    );
    let row = click(ProgressTab::History, "Your first chat");
    assert!(
        matches!(row.as_slice(), [Action::Progress(ProgressAction::Open(_))]),
        "{row:?}"
    );
    let path = click(ProgressTab::Path, "1. Your first chat");
    assert_eq!(path, vec![DialogueAction::Start("tutorial".into()).into()]);
}
