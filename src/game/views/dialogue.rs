//! The conversation: the Client's face and mood meter, the chat so far, and the replies as large
//! numbered buttons. In coach mode the reply just made is explained before the Client answers.

use super::{Cx, big_button, big_button_sized, coloured, face, hint, paged, quoted, sized_button};
use crate::game::activities::dialogue::Conversation;
use crate::game::core::content::Content;
use crate::game::core::settings::Mode;
use crate::game::core::{Action, DialogueAction, Screen};
use crate::game::i18n;
use crate::game::models::dialogue::{Bubble, DialogueView, Phase, Side};
use crate::game::ui::{UiSet, ViewEnv, on_screen};
use bevy::prelude::{App, IntoScheduleConfigs, Res, Result};
use bevy_egui::EguiPrimaryContextPass;
use bevy_egui::egui::{self, RichText};

/// Draws the conversation.
///
/// The presenter layout (large text, a small window, or switched on in Settings) keeps the line
/// being answered and every reply on one screen: a one-row header, no side panel, replies as
/// compact buttons, and the coach's comment or the ending in place of the chat, paged by the
/// clicker, so nothing is ever clipped.
pub fn show(ui: &mut egui::Ui, vm: &DialogueView, cx: &Cx, out: &mut Vec<Action>) {
    let lang = vm.lang;
    let full_height = ui.available_height();
    let presenter = cx.presenter || full_height < 450.0 || ui.available_width() < 700.0;
    let wide = !presenter && ui.available_width() >= 900.0;

    // Header: title, step, mode; in the presenter layout the face and meter sit here too.
    egui::Panel::top("dialogue_top").show(ui, |ui| {
        ui.add_space(if presenter { 2.0 } else { 4.0 });
        ui.horizontal(|ui| {
            if !wide {
                face::face(ui, vm.mood, if presenter { 28.0 } else { 40.0 });
            }
            ui.horizontal_wrapped(|ui| {
                // While replies are on offer the presenter layout leaves the title out: the room
                // knows the conversation, and the replies need the row.
                if !(presenter && matches!(vm.phase, Phase::Choices(_))) {
                    let size = if presenter { 17.0 } else { 22.0 };
                    ui.label(RichText::new(&vm.title).size(size).strong());
                }
                ui.label(
                    RichText::new(i18n::DECISION_N.with(lang, vm.step)).color(cx.palette.weak),
                );
                if vm.mode == Mode::Exam {
                    ui.label(coloured(i18n::EXAM_BADGE.get(lang), cx.palette.accent));
                }
                if presenter {
                    // One row: the face already shows the mood; the word says it.
                    let e = crate::game::models::mood::Expression::from_mood(vm.mood);
                    ui.label(
                        RichText::new(e.word(lang, vm.gender))
                            .color(face::colour(e))
                            .strong(),
                    );
                } else if !wide {
                    face::mood_meter(ui, vm.mood, 90.0, lang, vm.gender, &cx.palette);
                }
            });
        });
        ui.add_space(if presenter { 2.0 } else { 4.0 });
    });

    if wide {
        egui::Panel::left("dialogue_face")
            .resizable(false)
            .exact_size(250.0)
            .show(ui, |ui| {
                ui.add_space(16.0);
                ui.vertical_centered(|ui| {
                    face::face(ui, vm.mood, 190.0);
                    ui.add_space(6.0);
                    ui.label(RichText::new(&vm.client_name).size(22.0).strong());
                    ui.add_space(6.0);
                    face::mood_meter(ui, vm.mood, 200.0, lang, vm.gender, &cx.palette);
                });
            });
    }

    // The footer keeps the Continue button in sight at any text size. (In the presenter layout,
    // replies need no footer: their keys are the trainer's.)
    let replies = matches!(vm.phase, Phase::Choices(_));
    if !(presenter && replies) {
        egui::Panel::bottom("dialogue_footer")
            .resizable(false)
            .show(ui, |ui| {
                ui.add_space(if presenter { 2.0 } else { 4.0 });
                footer(ui, vm, cx, out);
                ui.add_space(if presenter { 2.0 } else { 4.0 });
            });
    }

    let choices = matches!(vm.phase, Phase::Choices(_));
    if presenter {
        // One paged column: the line being answered, then the replies; or the coach's comment or
        // the ending in place of the chat. Nothing is clipped, and the clicker turns the pages.
        let tight = egui::Frame::new().inner_margin(egui::Margin::symmetric(6, 3));
        egui::CentralPanel::default().frame(tight).show(ui, |ui| {
            paged(ui, cx, ("dialogue_middle", vm.step, choices), |ui| {
                let answered = vm.bubbles.iter().rev().find(|b| b.side != Side::You);
                if choices && let Some(last) = answered {
                    answered_line(ui, last, cx);
                }
                bottom(ui, vm, cx, out);
            });
        });
        return;
    }
    // The replies take the room they need (up to most of the screen in the presenter layout);
    // the chat above keeps the latest lines in sight.
    let share = if presenter { 0.8 } else { 0.5 };
    let bottom_panel = egui::Panel::bottom("dialogue_bottom")
        .resizable(false)
        .max_size(full_height * share);
    bottom_panel.show(ui, |ui| {
        let area = egui::ScrollArea::vertical()
            .id_salt("bottom_scroll")
            .max_height(full_height * share);
        // In the desktop layout the area keeps its height between phases, so the chat does not
        // jump; in the presenter layout it takes exactly what the replies need.
        let area = if presenter {
            area
        } else {
            area.min_scrolled_height(full_height * share)
        };
        area.show(ui, |ui| {
            ui.add_space(if presenter { 2.0 } else { 6.0 });
            bottom(ui, vm, cx, out);
            ui.add_space(if presenter { 2.0 } else { 6.0 });
        });
    });

    egui::CentralPanel::default_margins().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("chat")
            .stick_to_bottom(true)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for b in &vm.bubbles {
                    bubble(ui, b, cx);
                }
            });
    });
}

fn bottom(ui: &mut egui::Ui, vm: &DialogueView, cx: &Cx, out: &mut Vec<Action>) {
    let lang = vm.lang;
    let width = ui.available_width();
    let focus = cx.focus;
    match &vm.phase {
        Phase::Choices(items) => {
            let compact = cx.presenter || ui.ctx().content_rect().height() < 450.0;
            if !compact {
                ui.label(RichText::new(i18n::YOUR_REPLY.get(lang)).strong());
            }
            if compact {
                ui.spacing_mut().item_spacing.y = 3.0;
                ui.spacing_mut().button_padding = egui::vec2(10.0, 3.0);
            }
            for (i, c) in items.iter().enumerate() {
                let text = format!("{}.  {}", c.number, c.label);
                let r = if compact {
                    // A projector's reply: still large once zoomed, but four of them and the line
                    // being answered fit on one screen.
                    sized_button(ui, text, 16.0, focus == i, cx, egui::vec2(width, 26.0))
                } else {
                    big_button_sized(
                        ui,
                        RichText::new(text),
                        focus == i,
                        cx,
                        egui::vec2(width, 46.0),
                    )
                };
                if r.clicked() {
                    out.push(c.action.clone().into());
                }
            }
        }
        Phase::Feedback(f) => {
            ui.label(
                RichText::new(i18n::COACH_HEADING.get(lang))
                    .size(22.0)
                    .strong()
                    .color(cx.palette.accent),
            );
            ui.label(RichText::new(quoted(&f.said, lang)).italics());
            for m in &f.marks {
                let (word, colour, sign) = if m.points > 0 {
                    (i18n::UPHELD, cx.palette.good, "✔")
                } else {
                    (i18n::BROKEN, cx.palette.bad, "✘")
                };
                ui.label(coloured(
                    format!(
                        "{sign} {} — {} ({})",
                        m.principle,
                        word.get(lang),
                        i18n::points(m.points, lang)
                    ),
                    colour,
                ));
            }
            ui.label(&f.text);
            if f.mood_delta != 0 {
                let colour = if f.mood_delta > 0 {
                    cx.palette.good
                } else {
                    cx.palette.bad
                };
                ui.label(coloured(
                    i18n::MOOD_CHANGE.with(lang, format!("{:+}", f.mood_delta)),
                    colour,
                ));
            }
        }
        Phase::Continue => {}
        Phase::Ending(e) => {
            let colour = cx.palette.for_ending(e.kind);
            ui.label(
                coloured(
                    format!("{}: {}", i18n::ENDING.get(lang), e.kind_label),
                    colour,
                )
                .size(20.0),
            );
            ui.label(RichText::new(&e.title).size(24.0).strong());
            ui.label(&e.text);
        }
    }
}

/// The fixed row under the conversation: the keys for the replies, or the Continue button.
fn footer(ui: &mut egui::Ui, vm: &DialogueView, cx: &Cx, out: &mut Vec<Action>) {
    let lang = vm.lang;
    let focus = cx.focus;
    let (label, action) = match &vm.phase {
        Phase::Choices(_) => {
            // The presenter layout gives this line to the replies; the keys are the trainer's.
            if !(cx.presenter || ui.ctx().content_rect().height() < 450.0) {
                hint(ui, i18n::CHOICE_HINT.get(lang), cx);
            }
            return;
        }
        Phase::Feedback(_) | Phase::Continue => (i18n::CONTINUE, DialogueAction::Continue),
        Phase::Ending(_) => (i18n::SEE_DEBRIEF, DialogueAction::ShowDebrief),
    };
    ui.horizontal_wrapped(|ui| {
        if big_button(ui, format!("{}  →", label.get(lang)), focus == 0, cx).clicked() {
            out.push(action.into());
        }
        hint(ui, i18n::CONTINUE_HINT.get(lang), cx);
    });
}

/// The line being answered, as the presenter layout shows it: full width, a thin frame, no name
/// (the header names the conversation), so that the replies keep their room.
fn answered_line(ui: &mut egui::Ui, b: &Bubble, cx: &Cx) {
    let fill = match b.side {
        Side::Narrator => cx.palette.card,
        Side::Other => cx.palette.other,
        _ => cx.palette.client,
    };
    egui::Frame::new()
        .fill(fill)
        .corner_radius(8.0)
        .inner_margin(egui::Margin::symmetric(8, 4))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let text = RichText::new(&b.text).size(16.0);
            let text = if b.side == Side::Narrator {
                text.italics()
            } else {
                text
            };
            ui.add(egui::Label::new(text).wrap());
        });
    ui.add_space(2.0);
}

fn bubble(ui: &mut egui::Ui, b: &Bubble, cx: &Cx) {
    let full = ui.available_width();
    let max = (full * 0.82).max(200.0).min(full);
    if b.side == Side::Narrator {
        ui.add_space(4.0);
        ui.vertical_centered(|ui| {
            ui.set_max_width(max);
            ui.label(RichText::new(&b.text).italics().color(cx.palette.weak));
        });
        ui.add_space(4.0);
        return;
    }
    let (fill, layout) = match b.side {
        Side::You => (
            cx.palette.you,
            egui::Layout::right_to_left(egui::Align::TOP),
        ),
        Side::Other => (
            cx.palette.other,
            egui::Layout::left_to_right(egui::Align::TOP),
        ),
        _ => (
            cx.palette.client,
            egui::Layout::left_to_right(egui::Align::TOP),
        ),
    };
    ui.with_layout(layout, |ui| {
        egui::Frame::new()
            .fill(fill)
            .corner_radius(12.0)
            .stroke(egui::Stroke::new(1.0, cx.palette.weak.gamma_multiply(0.4)))
            .inner_margin(egui::Margin::symmetric(14, 10))
            .show(ui, |ui| {
                ui.set_max_width(max - 28.0);
                ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    ui.label(
                        RichText::new(&b.name)
                            .small()
                            .strong()
                            .color(cx.palette.accent),
                    );
                    ui.add(egui::Label::new(&b.text).wrap());
                });
            });
    });
    ui.add_space(6.0);
}

/// The dialogue screen's plugin: draws its view while the Dialogue screen is on.
pub(crate) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(UiSet::Screens)
            .run_if(on_screen(Screen::Dialogue)),
    );
}

fn draw(mut env: ViewEnv, conversation: Res<Conversation>, content: Res<Content>) -> Result {
    let Some(active) = &conversation.active else {
        return Ok(());
    };
    let vm = DialogueView::new(active, &content.library, env.settings.lang);
    env.draw(&vm, show)
}
