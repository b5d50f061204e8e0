//! The quiz screens: the menu of rounds, a question with four large answer tiles in four colours and
//! four shapes (▲ ◆ ● ■, so that colour is never the only difference) under a visible countdown, the
//! coach's explanation after an answer, and the results of a round.
//!
//! Like the conversation, the question switches to a presenter layout at large text, in a small
//! window or when the trainer asks for it: a one-row header, compact tiles, and the explanation in
//! place of the question, paged by the clicker.

use super::{Cx, big_button, card_frame, coloured, hint, note_focus_visible, paged, small_button};
use crate::engine::text::Lang;
use crate::game::activities::quiz::QuizSession;
use crate::game::core::content::Content;
use crate::game::core::{Action, Screen, Target};
use crate::game::i18n;
use crate::game::models::quiz::{
    ExplanationView, MenuView, Phase, QuestionView, ResultsView, Shape, Tile, Verdict,
};
use crate::game::ui::{UiSet, ViewEnv, on_screen};
use crate::i18n::tr;
use bevy::prelude::{App, IntoScheduleConfigs, Res, Result};
use bevy_egui::EguiPrimaryContextPass;
use bevy_egui::egui::{self, Color32, RichText, Stroke};

/// Whether to use the presenter layout: asked for, large text or a small window.
fn compact(ui: &egui::Ui, cx: &Cx) -> bool {
    cx.presenter || ui.available_height() < 450.0 || ui.available_width() < 700.0
}

/// Draws target `i` of `targets` as a large button (a smaller one in the presenter layout).
fn target_button(
    ui: &mut egui::Ui,
    targets: &[Target],
    i: usize,
    small: bool,
    cx: &Cx,
    out: &mut Vec<Action>,
) {
    let Some(t) = targets.get(i) else {
        return;
    };
    let r = if small {
        small_button(ui, &t.label, cx.focus == i, cx)
    } else {
        big_button(ui, &t.label, cx.focus == i, cx)
    };
    if r.clicked() {
        out.push(t.action.clone());
    }
}

// ------------------------------------------------------------------------------------------ the menu

/// Draws the quiz menu: daily practice, a round per source and per theme, mixed, and the timing and
/// style switches.
pub fn show_menu(ui: &mut egui::Ui, vm: &MenuView, cx: &Cx, out: &mut Vec<Action>) {
    let lang = vm.lang;
    let targets = vm.targets();
    let small = compact(ui, cx);
    egui::Panel::top("quiz_menu_top").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.heading(RichText::new(tr(lang, "quiz-title")).size(if small { 22.0 } else { 30.0 }));
            hint(ui, tr(lang, "quiz-menu-hint"), cx);
        });
        ui.add_space(4.0);
    });
    egui::CentralPanel::default_margins().show(ui, |ui| {
        paged(ui, cx, "quiz_menu", |ui| {
            let ns = vm.sources.len();
            let nt = vm.themes.len();
            let section = |ui: &mut egui::Ui, name: &str, note: &str| {
                ui.add_space(if small { 4.0 } else { 10.0 });
                ui.label(
                    RichText::new(name)
                        .size(if small { 18.0 } else { 22.0 })
                        .strong(),
                );
                hint(ui, note, cx);
            };
            // Daily practice and Mixed are one round each: the button is their heading.
            ui.add_space(if small { 4.0 } else { 10.0 });
            target_button(ui, &targets, 0, small, cx, out);
            hint(ui, tr(lang, "quiz-round-daily-hint"), cx);
            section(
                ui,
                &tr(lang, "quiz-round-source"),
                &tr(lang, "quiz-round-source-hint"),
            );
            ui.horizontal_wrapped(|ui| {
                for i in 1..=ns {
                    target_button(ui, &targets, i, small, cx, out);
                }
            });
            section(
                ui,
                &tr(lang, "quiz-round-theme"),
                &tr(lang, "quiz-round-theme-hint"),
            );
            ui.horizontal_wrapped(|ui| {
                for i in ns + 1..=ns + nt {
                    target_button(ui, &targets, i, small, cx, out);
                }
            });
            let rest = ns + nt + 1;
            ui.add_space(if small { 4.0 } else { 10.0 });
            target_button(ui, &targets, rest, small, cx, out);
            hint(ui, tr(lang, "quiz-round-mixed-hint"), cx);
            ui.add_space(if small { 6.0 } else { 14.0 });
            ui.horizontal_wrapped(|ui| {
                target_button(ui, &targets, rest + 1, small, cx, out);
                target_button(ui, &targets, rest + 2, small, cx, out);
            });
            ui.add_space(if small { 6.0 } else { 14.0 });
            target_button(ui, &targets, rest + 3, small, cx, out);
        });
    });
}

// -------------------------------------------------------------------------------------- a question

/// The text colour on a tile: white on every tile colour of both themes.
const ON_TILE: Color32 = Color32::WHITE;

/// Draws the tile's shape, filled, centred on `c`.
fn shape(painter: &egui::Painter, s: Shape, c: egui::Pos2, r: f32, colour: Color32) {
    match s {
        Shape::Triangle => {
            let h = r * 0.95;
            painter.add(egui::Shape::convex_polygon(
                vec![
                    c + egui::vec2(0.0, -h),
                    c + egui::vec2(r, h * 0.8),
                    c + egui::vec2(-r, h * 0.8),
                ],
                colour,
                Stroke::NONE,
            ));
        }
        Shape::Diamond => {
            painter.add(egui::Shape::convex_polygon(
                vec![
                    c + egui::vec2(0.0, -r),
                    c + egui::vec2(r, 0.0),
                    c + egui::vec2(0.0, r),
                    c + egui::vec2(-r, 0.0),
                ],
                colour,
                Stroke::NONE,
            ));
        }
        Shape::Circle => {
            painter.circle_filled(c, r * 0.9, colour);
        }
        Shape::Square => {
            let s = r * 0.8;
            painter.rect_filled(
                egui::Rect::from_center_size(c, egui::vec2(2.0 * s, 2.0 * s)),
                2.0,
                colour,
            );
        }
    }
}

/// Sizes of a tile in one layout.
#[derive(Debug, Clone, Copy)]
struct TileSize {
    /// The label's text size.
    font: f32,
    /// The smallest height.
    min_height: f32,
    /// Space around the content.
    pad: f32,
}

impl TileSize {
    fn for_layout(small: bool) -> TileSize {
        if small {
            TileSize {
                font: 16.0,
                min_height: 40.0,
                pad: 6.0,
            }
        } else {
            TileSize {
                font: 22.0,
                min_height: 84.0,
                pad: 12.0,
            }
        }
    }

    /// The shape's radius.
    fn icon(self) -> f32 {
        self.font * 0.8
    }

    /// The width left for the label on a tile `width` wide.
    fn text_width(self, width: f32) -> f32 {
        // The shape on the left, the place or verdict badge on the right.
        (width - 2.0 * self.icon() - 2.0 * self.font - 4.0 * self.pad).max(40.0)
    }
}

/// The laid-out texts of a tile: its keys and its label.
fn tile_texts(
    ui: &egui::Ui,
    t: &Tile,
    width: f32,
    size: TileSize,
) -> (std::sync::Arc<egui::Galley>, std::sync::Arc<egui::Galley>) {
    let keys = ui.painter().layout_no_wrap(
        t.keys.clone(),
        egui::FontId::proportional(size.font * 0.7),
        ON_TILE,
    );
    let label = ui.painter().layout(
        t.label.clone(),
        egui::FontId::proportional(size.font),
        ON_TILE,
        size.text_width(width),
    );
    (keys, label)
}

/// The height a tile needs.
fn tile_height(ui: &egui::Ui, t: &Tile, width: f32, size: TileSize) -> f32 {
    let (keys, label) = tile_texts(ui, t, width, size);
    (keys.size().y + label.size().y + 2.0 * size.pad + 2.0).max(size.min_height)
}

/// One answer tile: its colour and shape, its keys, its text, and after the answer a ✔ or ✘.
/// Exposed to assistive technology (and to the tests) as a button named by its text.
#[expect(
    clippy::too_many_arguments,
    reason = "a tile is drawn from its model, its box, its layout and the view's state"
)]
fn tile(
    ui: &mut egui::Ui,
    t: &Tile,
    width: f32,
    height: f32,
    size: TileSize,
    answering: bool,
    focused: bool,
    cx: &Cx,
) -> egui::Response {
    let (keys, label) = tile_texts(ui, t, width, size);
    let sense = if answering {
        egui::Sense::click()
    } else {
        egui::Sense::hover()
    };
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), sense);
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::WidgetType::Button, answering, t.label.clone())
    });
    let base = cx.palette.tiles[t.index % cx.palette.tiles.len()];
    // After the answer only the right answer and the player's pick keep their colour.
    let fill = if !answering && t.verdict.is_none() && t.place.is_none() {
        base.gamma_multiply(0.35)
    } else if answering && response.hovered() {
        base.gamma_multiply(1.15)
    } else {
        base
    };
    let painter = ui.painter_at(rect.expand(8.0));
    painter.rect_filled(rect, 10.0, fill);
    if cx.palette.line > 2.5 {
        // High contrast: every tile has a black edge.
        painter.rect_stroke(
            rect,
            10.0,
            Stroke::new(2.0, Color32::BLACK),
            egui::StrokeKind::Inside,
        );
    }
    let icon = size.icon();
    let centre = egui::pos2(rect.left() + size.pad + icon, rect.center().y);
    shape(&painter, t.shape, centre, icon, ON_TILE);
    let x = rect.left() + 2.0 * size.pad + 2.0 * icon;
    let top = rect.top() + size.pad;
    painter.galley(egui::pos2(x, top), keys.clone(), ON_TILE);
    painter.galley(egui::pos2(x, top + keys.size().y + 2.0), label, ON_TILE);
    // On the right: the reply's place in the order, or the verdict.
    let badge = egui::pos2(rect.right() - size.pad - size.font, rect.center().y);
    let mark = match (t.verdict, t.place) {
        (Some(true), p) => Some((
            p.map_or("✔".to_string(), |p| format!("✔{p}")),
            cx.palette.good,
        )),
        (Some(false), p) => Some((
            p.map_or("✘".to_string(), |p| format!("✘{p}")),
            cx.palette.bad,
        )),
        (None, Some(p)) => Some((p.to_string(), Color32::BLACK)),
        (None, None) => None,
    };
    if let Some((text, colour)) = mark {
        painter.circle_filled(badge, size.font, Color32::WHITE);
        let font = if text.chars().count() > 1 {
            size.font * 0.8
        } else {
            size.font * 1.1
        };
        painter.text(
            badge,
            egui::Align2::CENTER_CENTER,
            text,
            egui::FontId::proportional(font),
            // The good and bad colours of the dark theme are pale: on white, use the strong ones.
            if colour == Color32::BLACK {
                colour
            } else {
                strong(colour, cx)
            },
        );
    }
    if let Some(v) = t.verdict {
        let colour = if v { cx.palette.good } else { cx.palette.bad };
        painter.rect_stroke(
            rect,
            10.0,
            Stroke::new(cx.palette.line + 2.0, colour),
            egui::StrokeKind::Outside,
        );
    }
    if focused {
        painter.rect_stroke(
            rect.expand(1.0),
            11.0,
            Stroke::new(cx.palette.line + 2.5, cx.palette.focus),
            egui::StrokeKind::Outside,
        );
        if cx.focus_moved {
            response.scroll_to_me(None);
        }
        note_focus_visible(ui, &response);
    }
    response
}

/// A verdict colour that reads on white in both themes.
fn strong(colour: Color32, cx: &Cx) -> Color32 {
    if colour == cx.palette.good {
        Color32::from_rgb(0, 110, 0)
    } else {
        Color32::from_rgb(180, 0, 0)
    }
}

/// The tiles, two by two where there is room, one under another otherwise.
fn tiles(ui: &mut egui::Ui, vm: &QuestionView, small: bool, cx: &Cx, out: &mut Vec<Action>) {
    let size = TileSize::for_layout(small);
    let answering = matches!(vm.phase, Phase::Answering);
    let gap = if small { 6.0 } else { 12.0 };
    let full = ui.available_width();
    let columns = if full >= 400.0 { 2 } else { 1 };
    let width = (full - gap * (columns as f32 - 1.0)) / columns as f32;
    for row in vm.tiles.chunks(columns) {
        let height = row
            .iter()
            .map(|t| tile_height(ui, t, width, size))
            .fold(size.min_height, f32::max);
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for t in row {
                let focused = answering && cx.focus == t.index;
                let r = tile(ui, t, width, height, size, answering, focused, cx);
                if answering && r.clicked() {
                    out.push(crate::game::core::QuizAction::Pick(t.index).into());
                }
            }
        });
        ui.add_space(gap);
    }
}

/// The countdown: the seconds left and a bar that empties, red in the last quarter.
fn countdown(ui: &mut egui::Ui, vm: &QuestionView, small: bool, cx: &Cx) {
    let Some(c) = &vm.countdown else {
        return;
    };
    let percent =
        u8::try_from(u64::from(c.left_ms) * 100 / u64::from(c.limit_ms.max(1))).unwrap_or(100);
    let colour = match percent {
        0..25 => cx.palette.bad,
        25..50 => cx.palette.middle,
        _ => cx.palette.good,
    };
    ui.horizontal(|ui| {
        ui.label(coloured(&c.label, colour).size(if small { 18.0 } else { 26.0 }));
        let height = if small { 8.0 } else { 14.0 };
        // The presenter layout has the bar in the header's one row.
        let width = if small {
            ui.available_width().clamp(40.0, 140.0)
        } else {
            ui.available_width().max(40.0)
        };
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
        let painter = ui.painter();
        painter.rect_filled(rect, 4.0, cx.palette.card);
        let w = rect.width() * f32::from(percent) / 100.0;
        painter.rect_filled(
            egui::Rect::from_min_size(rect.min, egui::vec2(w, height)),
            4.0,
            colour,
        );
        painter.rect_stroke(
            rect,
            4.0,
            Stroke::new(1.0, cx.palette.weak),
            egui::StrokeKind::Inside,
        );
    });
}

/// The question: where it comes from, what was said, the reply it is about, and what it asks.
fn question(ui: &mut egui::Ui, vm: &QuestionView, small: bool, cx: &Cx) {
    if let Some(s) = &vm.scenario
        && !small
    {
        hint(ui, s, cx);
    }
    // The presenter layout keeps the reply the question is about, or else the last line said:
    // the one being answered.
    let lines = match (small, &vm.reply) {
        (false, _) => &vm.context[..],
        (true, Some(_)) => &[],
        (true, None) => &vm.context[vm.context.len().saturating_sub(1)..],
    };
    let body = if small { 16.0 } else { 19.0 };
    for l in lines {
        let fill = if l.you {
            cx.palette.you
        } else if l.speaker.is_empty() {
            cx.palette.card
        } else {
            cx.palette.client
        };
        egui::Frame::new()
            .fill(fill)
            .corner_radius(8.0)
            .inner_margin(egui::Margin::symmetric(10, if small { 3 } else { 6 }))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let mut job = RichText::new(&l.text).size(body);
                if l.speaker.is_empty() {
                    job = job.italics();
                }
                if l.speaker.is_empty() || small {
                    ui.add(egui::Label::new(job).wrap());
                } else {
                    ui.label(
                        RichText::new(&l.speaker)
                            .small()
                            .strong()
                            .color(cx.palette.accent),
                    );
                    ui.add(egui::Label::new(job).wrap());
                }
            });
        ui.add_space(2.0);
    }
    if let Some(r) = &vm.reply {
        egui::Frame::new()
            .fill(cx.palette.you)
            .corner_radius(8.0)
            .inner_margin(egui::Margin::symmetric(10, if small { 3 } else { 6 }))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.add(egui::Label::new(RichText::new(r).size(body).italics()).wrap());
            });
    }
    ui.add_space(if small { 2.0 } else { 6.0 });
    ui.add(
        egui::Label::new(
            RichText::new(&vm.prompt)
                .size(if small { 19.0 } else { 26.0 })
                .strong(),
        )
        .wrap(),
    );
    ui.add_space(if small { 3.0 } else { 8.0 });
}

/// The explanation of an answer: the verdict, the points, the right answer and why, with each
/// principle's description and source.
pub fn explanation(ui: &mut egui::Ui, e: &ExplanationView, small: bool, cx: &Cx) {
    let colour = match e.verdict {
        Verdict::Correct => cx.palette.good,
        Verdict::Wrong | Verdict::TimeUp => cx.palette.bad,
    };
    let sign = match e.verdict {
        Verdict::Correct => "✔",
        Verdict::Wrong | Verdict::TimeUp => "✘",
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(
            coloured(format!("{sign} {}", e.headline), colour).size(if small {
                22.0
            } else {
                30.0
            }),
        );
        if let Some(p) = &e.points {
            ui.label(coloured(p, cx.palette.accent).size(if small { 18.0 } else { 22.0 }));
        }
        if let Some(s) = &e.streak {
            ui.label(RichText::new(s).color(cx.palette.accent));
        }
    });
    if let Some(y) = &e.yours {
        ui.label(RichText::new(y).color(cx.palette.bad));
    }
    ui.label(coloured(&e.right, cx.palette.good));
    ui.add_space(4.0);
    for text in [&e.feedback, &e.text].into_iter().flatten() {
        ui.add(egui::Label::new(text).wrap());
    }
    for p in &e.principles {
        ui.add_space(4.0);
        ui.label(RichText::new(&p.title).strong().color(cx.palette.accent));
        if !p.description.is_empty() {
            ui.add(egui::Label::new(&p.description).wrap());
        }
        if !p.source.is_empty() {
            ui.label(
                RichText::new(&p.source)
                    .small()
                    .italics()
                    .color(cx.palette.weak),
            );
        }
    }
    for line in e.sources.iter().chain(&e.cases).chain(&e.scenario) {
        ui.label(RichText::new(line).small().italics().color(cx.palette.weak));
    }
}

/// Draws a question: the header with the countdown, the question and its tiles, and in coach style
/// the explanation after the answer with the button that goes on.
pub fn show_question(ui: &mut egui::Ui, vm: &QuestionView, cx: &Cx, out: &mut Vec<Action>) {
    let lang = vm.lang;
    let small = compact(ui, cx);
    let targets = vm.targets();
    egui::Panel::top("quiz_top").show(ui, |ui| {
        ui.add_space(if small { 2.0 } else { 4.0 });
        ui.horizontal_wrapped(|ui| {
            let size = if small { 16.0 } else { 20.0 };
            ui.label(RichText::new(&vm.progress).size(size).strong());
            ui.label(RichText::new(&vm.score).size(size).color(cx.palette.accent));
            if let Some(s) = &vm.streak {
                ui.label(RichText::new(s).size(size).color(cx.palette.accent));
            }
            if vm.exam {
                ui.label(coloured(i18n::EXAM_BADGE.get(lang), cx.palette.accent));
            }
            if small {
                countdown(ui, vm, small, cx);
            }
        });
        if !small {
            countdown(ui, vm, small, cx);
        }
        ui.add_space(if small { 2.0 } else { 4.0 });
    });
    let explained = match &vm.phase {
        Phase::Explained(e) => Some(e.as_ref()),
        Phase::Answering => None,
    };
    // In the presenter layout the tiles take the key hint's row; their keys are on them.
    let footer = !(small && explained.is_none() && !vm.can_undo);
    if footer {
        egui::Panel::bottom("quiz_bottom")
            .resizable(false)
            .show(ui, |ui| {
                ui.add_space(if small { 2.0 } else { 4.0 });
                ui.horizontal_wrapped(|ui| {
                    if explained.is_some() {
                        if let Some(t) = targets.first() {
                            let text = format!("{}  →", t.label);
                            let r = if small {
                                small_button(ui, text, cx.focus == 0, cx)
                            } else {
                                big_button(ui, text, cx.focus == 0, cx)
                            };
                            if r.clicked() {
                                out.push(t.action.clone());
                            }
                        }
                    } else if vm.can_undo {
                        target_button(ui, &targets, vm.tiles.len(), small, cx, out);
                    }
                    hint(ui, &vm.hint, cx);
                });
                ui.add_space(if small { 2.0 } else { 4.0 });
            });
    }
    let panel = if small {
        egui::CentralPanel::default()
            .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(6, 3)))
    } else {
        egui::CentralPanel::default_margins()
    };
    panel.show(ui, |ui| {
        paged(ui, cx, ("quiz", vm.number, explained.is_some()), |ui| {
            match explained {
                // The presenter layout shows the explanation in place of the question.
                Some(e) if small => {
                    ui.label(RichText::new(&vm.prompt).strong());
                    explanation(ui, e, small, cx);
                }
                Some(e) => {
                    question(ui, vm, small, cx);
                    tiles(ui, vm, small, cx, out);
                    card_frame(cx, false).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        explanation(ui, e, small, cx);
                    });
                }
                None => {
                    question(ui, vm, small, cx);
                    tiles(ui, vm, small, cx, out);
                }
            }
        });
    });
}

// ------------------------------------------------------------------------------------ the results

/// Draws the results: score, right answers, time, best streak, each principle's right and wrong,
/// and every missed question with its explanation.
pub fn show_results(ui: &mut egui::Ui, vm: &ResultsView, cx: &Cx, out: &mut Vec<Action>) {
    let lang = vm.lang;
    let small = compact(ui, cx);
    let targets = vm.targets();
    egui::Panel::top("quiz_results_top").show(ui, |ui| {
        ui.add_space(4.0);
        ui.heading(RichText::new(tr(lang, "quiz-results")).size(if small { 22.0 } else { 30.0 }));
        if let Some(note) = &vm.report_note {
            ui.label(coloured(note, cx.palette.accent));
        }
        ui.add_space(2.0);
    });
    egui::Panel::bottom("quiz_results_buttons").show(ui, |ui| {
        ui.add_space(if small { 2.0 } else { 6.0 });
        ui.horizontal_wrapped(|ui| {
            for i in 0..targets.len() {
                target_button(ui, &targets, i, small, cx, out);
            }
        });
        ui.add_space(if small { 2.0 } else { 6.0 });
    });
    egui::CentralPanel::default_margins().show(ui, |ui| {
        paged(ui, cx, "quiz_results", |ui| {
            figures(ui, vm, small, cx);
            ui.add_space(8.0);
            card_frame(cx, false).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(tr(lang, "quiz-results-per-principle"))
                        .size(21.0)
                        .strong(),
                );
                for p in &vm.principles {
                    let colour = if p.wrong == 0 {
                        cx.palette.good
                    } else if p.right == 0 {
                        cx.palette.bad
                    } else {
                        cx.palette.middle
                    };
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(&p.title).strong());
                        ui.label(coloured(&p.line, colour));
                    });
                }
            });
            ui.add_space(8.0);
            ui.label(
                RichText::new(tr(lang, "quiz-results-missed"))
                    .size(22.0)
                    .strong(),
            );
            if vm.missed.is_empty() {
                ui.label(coloured(
                    tr(lang, "quiz-results-none-missed"),
                    cx.palette.good,
                ));
            }
            for m in &vm.missed {
                card_frame(cx, false).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(&m.heading).color(cx.palette.weak));
                    ui.add(egui::Label::new(RichText::new(&m.prompt).strong()).wrap());
                    ui.add_space(4.0);
                    explanation(ui, &m.explanation, true, cx);
                });
                ui.add_space(6.0);
            }
        });
    });
}

/// The round's figures in a row of cards: points, right answers, time and best streak.
fn figures(ui: &mut egui::Ui, vm: &ResultsView, small: bool, cx: &Cx) {
    let lang = vm.lang;
    let big = if small { 24.0 } else { 38.0 };
    let percent = u8::try_from(vm.figures.0 * 100 / vm.figures.1.max(1)).unwrap_or(100);
    ui.horizontal_wrapped(|ui| {
        let figure = |ui: &mut egui::Ui, name: String, value: RichText| {
            card_frame(cx, false).show(ui, |ui| {
                ui.vertical(|ui| {
                    ui.label(RichText::new(name).color(cx.palette.weak));
                    ui.label(value);
                });
            });
        };
        figure(
            ui,
            tr(lang, "quiz-results-score"),
            coloured(&vm.score, cx.palette.accent).size(big),
        );
        figure(
            ui,
            format!("{percent}%"),
            coloured(&vm.correct, cx.palette.for_percent(percent)).size(big * 0.7),
        );
        figure(
            ui,
            tr(lang, "quiz-results-time"),
            RichText::new(&vm.time).size(big * 0.7).strong(),
        );
        figure(
            ui,
            tr(lang, "quiz-results-best-streak"),
            RichText::new(vm.best_streak.to_string())
                .size(big * 0.7)
                .strong(),
        );
    });
}

// ----------------------------------------------------------------------------------------- plugin

/// The quiz screens' plugin: each draws its view while its screen is on.
pub(crate) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (
            draw_menu.run_if(on_screen(Screen::QuizMenu)),
            draw_question.run_if(on_screen(Screen::Quiz)),
            draw_results.run_if(on_screen(Screen::QuizResults)),
        )
            .in_set(UiSet::Screens),
    );
}

fn draw_menu(mut env: ViewEnv, quiz: Res<QuizSession>, content: Res<Content>) -> Result {
    let vm = MenuView::new(
        env.settings.lang,
        &content.library,
        env.settings.mode,
        quiz.timed,
    );
    env.draw(&vm, show_menu)
}

fn draw_question(mut env: ViewEnv, quiz: Res<QuizSession>, content: Res<Content>) -> Result {
    let lang: Lang = env.settings.lang;
    let Some(vm) = quiz
        .active
        .as_ref()
        .and_then(|a| QuestionView::new(a, &content.library, lang))
    else {
        return Ok(());
    };
    env.draw(&vm, show_question)
}

fn draw_results(mut env: ViewEnv, quiz: Res<QuizSession>, content: Res<Content>) -> Result {
    let Some(f) = &quiz.finished else {
        return Ok(());
    };
    let vm = ResultsView::new(f, &content.library, env.settings.lang)
        .with_report(f, quiz.report.as_ref());
    env.draw(&vm, show_results)
}
