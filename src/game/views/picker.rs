//! The scenario picker: a card per playable scenario in learning order, the coach/exam switch, and
//! the files that failed to load with their located errors.

use super::{Cx, big_button, card_frame, coloured, hint};
use crate::engine::library::Library;
use crate::engine::text::Lang;
use crate::game::Screen;
use crate::game::content::{Content, Progress, problem_line};
use crate::game::flow::Action;
use crate::game::flow::Session;
use crate::game::i18n;
use crate::game::settings::{Mode, Settings};
use crate::game::ui::{Emit, UiSet, draw_view, on_screen};
use bevy::prelude::{App, IntoScheduleConfigs, Res, Result};
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

/// One scenario card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// The scenario id.
    pub id: String,
    /// Its place on the learning path, from 1.
    pub step: usize,
    /// Title.
    pub title: String,
    /// One-paragraph summary.
    pub summary: String,
    /// 1 (easy) to 3 (hard).
    pub difficulty: u8,
    /// "Phone", "Chat"…
    pub channel: String,
    /// "10 min".
    pub minutes: String,
    /// The titles of the principles it rewards.
    pub principles: Vec<String>,
    /// The best score of this session.
    pub best: Option<u8>,
    /// The next one on the learning path.
    pub recommended: bool,
}

/// A file that did not load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemView {
    /// The file's name.
    pub file: String,
    /// One line per error: `file:line:col: message — help`.
    pub errors: Vec<String>,
    /// The first error's source line with a caret under the column.
    pub snippet: String,
}

/// The picker's model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickerView {
    /// Interface language.
    pub lang: Lang,
    /// Coach or exam for the next run.
    pub mode: Mode,
    /// The cards, in learning order.
    pub cards: Vec<Card>,
    /// Files that failed to load.
    pub problems: Vec<ProblemView>,
}

impl PickerView {
    /// Builds the model from the library and this session's progress.
    pub fn new(content: &Content, progress: &Progress, settings: &Settings) -> PickerView {
        let lang = settings.lang;
        let lib = &content.library;
        let next = lib
            .recommended_next(&progress.completed)
            .map(|l| l.scenario.id.clone());
        let cards = lib
            .scenarios
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let s = &l.scenario;
                Card {
                    id: s.id.clone(),
                    step: i + 1,
                    title: s.title.get(lang).to_string(),
                    summary: s.summary.get(lang).to_string(),
                    difficulty: s.difficulty.clamp(1, 3),
                    channel: s.channel.label(lang).to_string(),
                    minutes: i18n::minutes(s.minutes, lang),
                    principles: s
                        .rewarded_principles()
                        .into_iter()
                        .map(|p| lib.catalog.principle_title(p, lang))
                        .collect(),
                    best: progress.best.get(&s.id).copied(),
                    recommended: next.as_deref() == Some(s.id.as_str()),
                }
            })
            .collect();
        let problems = lib
            .problems
            .iter()
            .map(|p| {
                let errors: Vec<_> = p.diagnostics.iter().filter(|d| d.is_error()).collect();
                ProblemView {
                    file: p.file.clone(),
                    errors: errors.iter().map(|d| problem_line(lang, d)).collect(),
                    snippet: errors
                        .first()
                        .and_then(|d| d.excerpt())
                        .map(|(line, caret)| format!("{line}\n{caret}"))
                        .unwrap_or_default(),
                }
            })
            .collect();
        PickerView {
            lang,
            mode: settings.mode,
            cards,
            problems,
        }
    }

    /// Where the highlight starts: on the recommended card.
    pub fn initial_focus(lib: &Library, progress: &Progress) -> usize {
        let next = lib.recommended_next(&progress.completed);
        next.and_then(|n| {
            lib.scenarios
                .iter()
                .position(|l| l.scenario.id == n.scenario.id)
        })
        .unwrap_or(0)
    }

    /// One target per card, in order.
    pub fn targets(&self) -> Vec<Action> {
        self.cards
            .iter()
            .map(|c| Action::Start(c.id.clone()))
            .collect()
    }
}

/// Draws the picker.
pub fn show(ui: &mut egui::Ui, vm: &PickerView, cx: &Cx, out: &mut Vec<Action>) {
    let lang = vm.lang;
    egui::Panel::top("picker_top").show(ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(RichText::new(format!("← {}", i18n::MENU.get(lang))).size(18.0))
                .clicked()
            {
                out.push(Action::Goto(Screen::Title));
            }
            ui.heading(i18n::PICK_HEADING.get(lang));
            ui.add_space(12.0);
            ui.label(format!("{}:", i18n::MODE.get(lang)));
            for (mode, name, note) in [
                (Mode::Coach, i18n::COACH, i18n::COACH_NOTE),
                (Mode::Exam, i18n::EXAM, i18n::EXAM_NOTE),
            ] {
                let r = ui
                    .add(egui::Button::selectable(
                        vm.mode == mode,
                        RichText::new(name.get(lang)).size(18.0),
                    ))
                    .on_hover_text(note.get(lang));
                if r.clicked() {
                    out.push(Action::SetMode(mode));
                }
            }
            let note = match vm.mode {
                Mode::Coach => i18n::COACH_NOTE,
                Mode::Exam => i18n::EXAM_NOTE,
            };
            hint(ui, note.get(lang), cx);
        });
        hint(ui, i18n::PICK_HINT.get(lang), cx);
        ui.add_space(4.0);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            if vm.cards.is_empty() {
                ui.label(coloured(i18n::NO_SCENARIOS.get(lang), cx.palette.bad));
            }
            // Two columns where there is room, one at a large text size.
            let columns = if ui.available_width() >= 900.0 { 2 } else { 1 };
            let width = (ui.available_width() - 16.0 * (columns as f32 - 1.0)) / columns as f32;
            for row in vm.cards.chunks(columns).enumerate() {
                let (r, cards) = row;
                ui.horizontal_top(|ui| {
                    for (c, card) in cards.iter().enumerate() {
                        let i = r * columns + c;
                        let layout = egui::Layout::top_down(egui::Align::Min);
                        ui.allocate_ui_with_layout(egui::vec2(width, 0.0), layout, |ui| {
                            ui.set_width(width);
                            card_ui(ui, card, i, vm.lang, cx, out);
                        });
                    }
                });
                ui.add_space(8.0);
            }
            if !vm.problems.is_empty() {
                ui.add_space(12.0);
                ui.label(coloured(i18n::PROBLEMS_HEADING.get(lang), cx.palette.bad).size(22.0));
                hint(ui, i18n::PROBLEMS_NOTE.get(lang), cx);
                for p in &vm.problems {
                    card_frame(cx, false).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(RichText::new(&p.file).strong());
                        for e in &p.errors {
                            ui.label(RichText::new(e).color(cx.palette.bad));
                        }
                        if !p.snippet.is_empty() {
                            ui.label(RichText::new(&p.snippet).monospace());
                        }
                    });
                    ui.add_space(6.0);
                }
            }
        });
    });
}

fn card_ui(
    ui: &mut egui::Ui,
    card: &Card,
    index: usize,
    lang: Lang,
    cx: &Cx,
    out: &mut Vec<Action>,
) {
    let focused = cx.focus == index;
    let frame = card_frame(cx, focused).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(i18n::STEP_OF_PATH.with(lang, card.step)).color(cx.palette.weak),
            );
            if card.recommended {
                ui.label(coloured(
                    format!("★ {}", i18n::RECOMMENDED.get(lang)),
                    cx.palette.accent,
                ));
            }
        });
        ui.label(RichText::new(&card.title).size(23.0).strong());
        ui.horizontal_wrapped(|ui| {
            let dots: String = (1..=3)
                .map(|d| if d <= card.difficulty { '●' } else { '○' })
                .collect();
            let difficulty = i18n::DIFFICULTY[usize::from(card.difficulty - 1)].get(lang);
            ui.label(format!("{dots} {difficulty}"));
            ui.label("·");
            ui.label(&card.channel);
            ui.label("·");
            ui.label(&card.minutes);
            ui.label("·");
            match card.best {
                Some(b) => ui.label(coloured(
                    i18n::BEST_SCORE.with(lang, b),
                    cx.palette.for_percent(b),
                )),
                None => ui.label(RichText::new(i18n::NOT_PLAYED.get(lang)).color(cx.palette.weak)),
            };
        });
        ui.label(&card.summary);
        ui.label(
            RichText::new(format!(
                "{}: {}",
                i18n::TRAINS.get(lang),
                card.principles.join(" · ")
            ))
            .small()
            .color(cx.palette.weak),
        );
        let r = big_button(ui, format!("▶ {}", i18n::START.get(lang)), focused, cx);
        if r.clicked() {
            out.push(Action::Start(card.id.clone()));
        }
    });
    if focused && cx.focus_moved {
        frame.response.scroll_to_me(Some(egui::Align::Center));
    }
}

/// The picker screen's plugin: draws its view while the Picker screen is on.
pub(crate) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(UiSet::Screens)
            .run_if(on_screen(crate::game::Screen::Picker)),
    );
}

fn draw(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    session: Res<Session>,
    content: Res<Content>,
    progress: Res<Progress>,
    mut emit: Emit,
) -> Result {
    let vm = PickerView::new(&content, &progress, &settings);
    draw_view(&mut contexts, &session, &settings, &mut emit, &vm, show)
}
