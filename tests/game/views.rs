//! The egui views, drawn without a window by egui_kittest and clicked by their labels.

use bevy_egui::egui;
use client_first::engine::library::Library;
use client_first::engine::run::Run;
use client_first::engine::text::Lang;
use client_first::game::views::{self, Cx};
use client_first::game::{
    Action, ActiveRun, Content, DebriefTab, DialogueAction, Mode, Progress, Screen, Settings,
    SettingsStore, models,
};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;

/// Draws `show` with `vm` in a harness of `size` and returns it; clicks are collected as state.
fn harness<'a, V: 'a>(
    vm: V,
    size: egui::Vec2,
    show: impl Fn(&mut egui::Ui, &V, &Cx, &mut Vec<Action>) + 'a,
) -> Harness<'a, Vec<Action>> {
    let cx = Cx::plain();
    let mut h = Harness::builder().with_size(size).build_ui_state(
        move |ui, out: &mut Vec<Action>| show(ui, &vm, &cx, out),
        Vec::new(),
    );
    h.run();
    h
}

fn big() -> egui::Vec2 {
    egui::vec2(1280.0, 720.0)
}

#[test]
fn title_buttons_send_their_actions_in_both_languages() {
    let mut h = harness(
        models::title::TitleView::new(Lang::Ru),
        big(),
        views::title::show,
    );
    h.get_by_label("Играть").click();
    h.run();
    assert_eq!(h.state(), &vec![Action::Goto(Screen::Picker)]);
    let mut h = harness(
        models::title::TitleView::new(Lang::En),
        big(),
        views::title::show,
    );
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_label("EN").click();
    h.run();
    assert_eq!(h.state()[0], Action::OpenSettings);
    assert_eq!(h.state()[1], Action::SetLang(Lang::En));
}

#[test]
fn picker_cards_start_their_scenario_and_show_the_mode() {
    let content = Content::load(None);
    let settings = Settings {
        lang: Lang::En,
        ..Settings::default()
    };
    let mut progress = Progress::default();
    progress.record("tutorial", 88, "end");
    let vm = models::picker::PickerView::new(&content, &progress, &settings);
    assert_eq!(vm.cards[0].best, Some(88));
    assert!(
        vm.cards[1].recommended,
        "the next one after the tutorial is recommended"
    );
    let mut h = harness(vm, big(), views::picker::show);
    h.get_by_label("The guitar they threw");
    h.get_by_label("Best score: 88%");
    let starts = h.get_all_by_label("▶ Start").collect::<Vec<_>>();
    assert!(starts.len() >= 2);
    starts[0].click();
    h.run();
    h.get_by_label("Exam").click();
    h.run();
    assert_eq!(
        h.state(),
        &vec![
            Action::Dialogue(DialogueAction::Start("tutorial".into())),
            Action::SetMode(Mode::Exam)
        ]
    );
}

fn guitar_run(library: &Library) -> ActiveRun {
    let l = library.get("guitar").unwrap();
    ActiveRun {
        run: Run::start(Arc::clone(&l.scenario), 3),
        loaded: l.clone(),
        mode: Mode::Coach,
        feedback: None,
        attempt: None,
        shown_at: std::time::Instant::now(),
    }
}

#[test]
fn dialogue_replies_are_numbered_buttons_that_choose() {
    let content = Content::load(None);
    let active = guitar_run(&content.library);
    let vm = models::dialogue::DialogueView::new(&active, &content.library, Lang::Ru);
    let models::dialogue::Phase::Choices(items) = vm.phase.clone() else {
        panic!("the guitar opens with a choice");
    };
    assert!((2..=4).contains(&items.len()));
    let first = format!("1.  {}", items[0].label);
    let mut h = harness(vm, big(), views::dialogue::show);
    h.get_by_label("Настроение: расстроен");
    h.get_by_label(&first).click();
    h.run();
    assert_eq!(h.state(), &vec![Action::from(items[0].action.clone())]);
}

#[test]
fn the_leave_question_offers_stay_and_leave() {
    let vm = models::question::QuestionView::leave(Lang::En);
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .build_ui_state(
            |ui, out: &mut Vec<Action>| views::question::show(ui.ctx(), &vm, &Cx::plain(), out),
            Vec::new(),
        );
    h.run();
    h.get_by_label("Keep talking").click();
    h.run();
    h.get_by_label("Leave").click();
    h.run();
    assert_eq!(
        h.state(),
        &vec![Action::Stay, Action::Dialogue(DialogueAction::Abandon)]
    );
}

#[test]
fn debrief_tabs_and_buttons_work_and_every_tab_draws() {
    let content = Content::load(None);
    let mut active = guitar_run(&content.library);
    while !active.run.is_over() {
        if active.run.can_continue() {
            active.run.advance().unwrap();
        } else {
            let id = active.run.choices()[0].id.clone();
            active.run.choose(&id).unwrap();
        }
    }
    let outcome = active.run.outcome().unwrap();
    let d = client_first::engine::debrief::build(
        &active.loaded,
        &outcome,
        &content.library.all(),
        &Default::default(),
    );
    for tab in DebriefTab::ALL {
        let vm = models::debrief::DebriefView::new(&d, &content.library, Lang::En, tab, false);
        let mut h = harness(vm, big(), views::debrief::show);
        h.get_by_label("Play again").click();
        h.run();
        h.get_by_label("Replies").click();
        h.run();
        assert_eq!(
            h.state(),
            &vec![
                Action::Dialogue(DialogueAction::Retry),
                Action::Tab(DebriefTab::Decisions)
            ]
        );
    }
    let vm = models::debrief::DebriefView::new(
        &d,
        &content.library,
        Lang::Ru,
        DebriefTab::Summary,
        false,
    );
    let h = harness(vm.clone(), big(), views::debrief::show);
    h.get_by_label_contains("Найдено финалов: 1 /");
    h.get_by_label_contains(&format!("{}%", vm.score));
    // Every weak principle links to scenarios that train it.
    for w in &vm.weakest {
        for (_, title) in &w.links {
            assert!(h.get_all_by_label(&format!("▶ {title}")).count() >= 1);
        }
    }
}

#[test]
fn settings_rows_send_their_changes() {
    let settings = Settings {
        lang: Lang::En,
        ..Settings::default()
    };
    let vm = models::settings::SettingsView::new(&settings, &SettingsStore::default());
    let mut h = harness(vm, big(), views::settings::show);
    h.get_by_label("English → Русский").click();
    h.run();
    h.get_by_label("A +").click();
    h.run();
    assert_eq!(
        h.state(),
        &vec![Action::SetLang(Lang::Ru), Action::ScaleStep(1)]
    );
}

#[test]
fn every_character_of_the_shipped_texts_has_a_glyph_in_both_themes() {
    use client_first::engine::library::builtin_files;
    use client_first::game::theme::font_definitions;
    let mut chars: std::collections::BTreeSet<char> = builtin_files()
        .iter()
        .flat_map(|f| f.text.chars().collect::<Vec<_>>())
        .filter(|c| !c.is_control())
        .collect();
    // The interface's own symbols too.
    chars.extend("←→↑↓▶★●○✔✘−₽«»“”—–…·".chars());
    for high_contrast in [false, true] {
        let defs = font_definitions(high_contrast);
        let chain = &defs.families[&egui::FontFamily::Proportional];
        let faces: Vec<ttf_parser::Face> = chain
            .iter()
            .map(|name| ttf_parser::Face::parse(&defs.font_data[name].font, 0).expect("a font"))
            .collect();
        let missing: Vec<char> = chars
            .iter()
            .copied()
            .filter(|c| !faces.iter().any(|f| f.glyph_index(*c).is_some()))
            .collect();
        assert!(
            missing.is_empty(),
            "no glyph for {missing:?} in {chain:?} (high contrast: {high_contrast})"
        );
    }
}
