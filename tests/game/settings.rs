//! Settings are kept between runs, written atomically, and a damaged file is never lost.

use crate::common::*;
use client_first::engine::text::Lang;
use client_first::game::idle::filter_events;
use client_first::game::{Mode, Settings, SettingsStore};
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
fn changed_settings_are_saved_by_the_running_game() {
    let dir = temp_dir();
    let path = dir.path().join("settings.ron");
    let mut app = app();
    app.insert_resource(SettingsStore::at(&path));
    app.update();
    send(&mut app, client_first::game::Action::ToggleContrast);
    let saved = SettingsStore::at(&path).load(Settings::default());
    assert!(saved.high_contrast);
    assert_eq!(saved.lang, Lang::Ru);
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
