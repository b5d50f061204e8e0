//! Settings are kept between runs, written atomically, and a damaged file is never lost.

use crate::common::*;
use bevy::prelude::KeyCode;
use client_first::engine::text::Lang;
use client_first::game::idle::filter_events;
use client_first::game::{Action, Mode, SavedSettings, Screen, Settings, SettingsStore};
use std::fs;

#[test]
fn settings_survive_a_restart() {
    let dir = temp_dir();
    let path = dir.path().join("nested/settings.ron");
    let mut store = SettingsStore::at(&path);
    let chosen = Settings {
        lang: Lang::Ru,
        text_scale: 175,
        high_contrast: true,
        mode: Mode::Exam,
        fullscreen: true,
    };
    store.save(&chosen).expect("saved");
    let mut again = SettingsStore::at(&path);
    assert_eq!(again.load(Settings::default()), chosen);
    assert!(again.damaged.is_none());
    // No temporary files are left behind.
    let names: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().collect();
    assert_eq!(names.len(), 1);
}

#[test]
fn a_damaged_settings_file_is_kept_aside_not_overwritten() {
    let dir = temp_dir();
    let path = dir.path().join("settings.ron");
    fs::write(&path, "(lang: ru,\n text_scale: \"big\")").unwrap();
    let mut store = SettingsStore::at(&path);
    let loaded = store.load(Settings::for_locale(Some("en-GB")));
    assert_eq!(loaded, Settings::for_locale(Some("en-GB")));
    let d = store.damaged.clone().expect("the problem is reported");
    assert_eq!(d.pos.line, 2, "{d}");
    assert!(d.pos.col > 1);
    store.save(&loaded).unwrap();
    let kept = fs::read_to_string(dir.path().join("settings.ron.bak")).unwrap();
    assert!(kept.contains("\"big\""));
    assert_eq!(SettingsStore::at(&path).load(Settings::default()), loaded);
}

#[test]
fn the_default_language_follows_the_os_locale() {
    assert_eq!(Settings::for_locale(Some("ru-RU")).lang, Lang::Ru);
    assert_eq!(Settings::for_locale(Some("en_US.UTF-8")).lang, Lang::En);
    assert_eq!(Settings::for_locale(Some("de-DE")).lang, Lang::En);
    assert_eq!(Settings::for_locale(None).lang, Lang::En);
}

#[test]
fn settings_changed_on_the_settings_screen_are_saved() {
    let dir = temp_dir();
    let path = dir.path().join("settings.ron");
    let mut app = app();
    app.insert_resource(SettingsStore::at(&path));
    app.update();
    send(&mut app, Action::OpenSettings);
    send(&mut app, Action::ToggleContrast);
    let saved = SettingsStore::at(&path).load(Settings::default());
    assert!(saved.high_contrast);
    assert_eq!(saved.lang, Lang::Ru);
}

/// On a shared training PC, `--lang en --text-scale 150` and the keys L, Ctrl± and M change this
/// launch only; the file keeps the next person's set-up.
#[test]
fn launch_options_and_keys_outside_settings_are_not_saved() {
    let dir = temp_dir();
    let path = dir.path().join("settings.ron");
    let mut app = app();
    // The file says Russian at 100%; this launch was started with `--lang en --text-scale 150`.
    let file = Settings {
        lang: Lang::Ru,
        ..Settings::default()
    };
    SettingsStore::at(&path).save(&file).unwrap();
    app.insert_resource(SettingsStore::at(&path))
        .insert_resource(SavedSettings(file.clone()))
        .insert_resource(Settings {
            lang: Lang::En,
            text_scale: 150,
            ..Settings::default()
        });
    app.update();
    key(&mut app, KeyCode::KeyL);
    press(&mut app, &[KeyCode::ControlLeft, KeyCode::Equal]);
    send(&mut app, Action::Goto(Screen::Picker));
    key(&mut app, KeyCode::KeyM);
    assert_eq!(settings(&app).lang, Lang::Ru);
    assert_eq!(settings(&app).text_scale, 175);
    assert_eq!(settings(&app).mode, Mode::Exam);
    assert_eq!(SettingsStore::at(&path).load(Settings::default()), file);
    // On the settings screen, the one field changed is saved, and nothing else of this launch.
    send(&mut app, Action::OpenSettings);
    send(&mut app, Action::ToggleContrast);
    let saved = SettingsStore::at(&path).load(Settings::default());
    assert!(saved.high_contrast);
    assert_eq!(saved.text_scale, 100);
    assert_eq!(saved.mode, Mode::Coach);
}

#[test]
fn repeated_modifier_events_are_dropped_so_an_idle_window_stays_idle() {
    use bevy_egui::egui::{Event, Key, Modifiers};
    let mut last = Modifiers::default();
    let mut frame = vec![Event::ModifiersChanged(Modifiers::NONE)];
    filter_events(&mut frame, &mut last);
    assert!(frame.is_empty(), "an unchanged state is not input");
    let mut frame = vec![
        Event::ModifiersChanged(Modifiers::CTRL),
        Event::Key {
            key: Key::A,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::CTRL,
        },
    ];
    filter_events(&mut frame, &mut last);
    assert_eq!(frame.len(), 2, "a real change goes through");
    let mut frame = vec![Event::ModifiersChanged(Modifiers::CTRL)];
    filter_events(&mut frame, &mut last);
    assert!(frame.is_empty());
}
