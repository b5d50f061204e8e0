//! The conversation: the Client's face and mood meter, the chat so far, and the replies as large
//! numbered buttons. In coach mode the reply just made is explained before the Client answers.

use super::{Cx, Mark, big_button, big_button_sized, coloured, hint, marks, quoted};
use crate::engine::library::Library;
use crate::engine::model::{EndingKind, SPEAKER_NARRATOR, SPEAKER_YOU};
use crate::engine::score;
use crate::engine::text::Lang;
use crate::game::content::Content;
use crate::game::face;
use crate::game::flow::Session;
use crate::game::flow::{Action, ActiveRun};
use crate::game::i18n;
use crate::game::settings::Mode;
use crate::game::settings::Settings;
use crate::game::ui::{Emit, UiSet, draw_view, on_screen};
use bevy::prelude::{App, IntoScheduleConfigs, Res, Result};
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

/// The targets while the leave-or-stay question is open: staying comes first.
pub const CONFIRM_TARGETS: [Action; 2] = [Action::CancelAbandon, Action::ConfirmAbandon];

/// Who said a line, which decides the side and colour of its bubble.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The Client (or the colleague in an internal scenario).
    Client,
    /// The trainee.
    You,
    /// Another character.
    Other,
    /// Narration, shown without a bubble.
    Narrator,
}

/// One line of the chat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bubble {
    /// Who said it.
    pub side: Side,
    /// The speaker's name, empty for narration.
    pub name: String,
    /// What was said.
    pub text: String,
}

/// A reply on offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceItem {
    /// 1–4, the key that picks it.
    pub number: usize,
    /// The button text.
    pub label: String,
    /// What clicking it does.
    pub action: Action,
}

/// The coach's comment on the reply just made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackView {
    /// The reply's label.
    pub said: String,
    /// The principles it upheld or broke.
    pub marks: Vec<Mark>,
    /// Why.
    pub text: String,
    /// How the Client's mood moved.
    pub mood_delta: i32,
}

/// The closing card of a finished conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndingView {
    /// Its kind, for the colour.
    pub kind: EndingKind,
    /// "Resolved", "Escalated"…
    pub kind_label: String,
    /// The ending's title.
    pub title: String,
    /// What happened.
    pub text: String,
}

/// What the bottom of the screen offers now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    /// Replies to pick from.
    Choices(Vec<ChoiceItem>),
    /// The coach's comment, then Continue.
    Feedback(FeedbackView),
    /// Lines that need no reply, then Continue.
    Continue,
    /// The conversation is over.
    Ending(EndingView),
}

/// The dialogue screen's model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogueView {
    /// Interface language.
    pub lang: Lang,
    /// The scenario's title.
    pub title: String,
    /// The Client's name in this run.
    pub client_name: String,
    /// The Client's mood, 0–100.
    pub mood: i32,
    /// The chat so far.
    pub bubbles: Vec<Bubble>,
    /// The number of the next reply.
    pub step: usize,
    /// Coach or exam.
    pub mode: Mode,
    /// What the player can do now.
    pub phase: Phase,
    /// The leave-or-stay question is open.
    pub confirm: bool,
}

impl DialogueView {
    /// Builds the model of a run in `lang`. Every text comes from the scenario through the run, so
    /// a language switch shows the same conversation in the other language.
    pub fn new(active: &ActiveRun, library: &Library, lang: Lang, confirm: bool) -> DialogueView {
        let run = &active.run;
        let s = run.scenario();
        let bubbles = run
            .utterances(lang)
            .into_iter()
            .map(|u| Bubble {
                side: match u.speaker.as_str() {
                    SPEAKER_YOU => Side::You,
                    SPEAKER_NARRATOR => Side::Narrator,
                    id if id == s.client.id => Side::Client,
                    _ => Side::Other,
                },
                name: crate::i18n::labels::speaker(lang, &u),
                text: u.text,
            })
            .collect();
        let phase = if let Some((node, choice)) = &active.feedback {
            let c = score::chosen(s, node, choice);
            Phase::Feedback(c.map_or_else(
                || FeedbackView {
                    said: String::new(),
                    marks: Vec::new(),
                    text: String::new(),
                    mood_delta: 0,
                },
                |c| FeedbackView {
                    said: run.render(&c.label, lang),
                    marks: marks(&c.scores, &library.catalog, lang),
                    text: run.render(&c.feedback, lang),
                    mood_delta: c.mood,
                },
            ))
        } else if let Some(e) = run.ending() {
            Phase::Ending(EndingView {
                kind: e.kind,
                kind_label: crate::i18n::labels::ending_kind(lang, e.kind),
                title: run.render(&e.title, lang),
                text: run.render(&e.text, lang),
            })
        } else if run.can_continue() {
            Phase::Continue
        } else {
            Phase::Choices(
                run.choices()
                    .iter()
                    .enumerate()
                    .map(|(i, c)| ChoiceItem {
                        number: i + 1,
                        label: run.render(&c.label, lang),
                        action: Action::Choose(c.id.clone()),
                    })
                    .collect(),
            )
        };
        DialogueView {
            lang,
            title: s.title.get(lang).to_string(),
            client_name: run.speaker_name(&s.client.id, lang),
            mood: run.mood(),
            bubbles,
            step: run.decisions().len() + 1,
            mode: active.mode,
            phase,
            confirm,
        }
    }

    /// The targets on screen, in order.
    pub fn targets(&self) -> Vec<Action> {
        if self.confirm {
            return CONFIRM_TARGETS.to_vec();
        }
        match &self.phase {
            Phase::Choices(items) => items.iter().map(|c| c.action.clone()).collect(),
            Phase::Feedback(_) | Phase::Continue => vec![Action::Continue],
            Phase::Ending(_) => vec![Action::ShowDebrief],
        }
    }
}

/// Draws the conversation.
pub fn show(ui: &mut egui::Ui, vm: &DialogueView, cx: &Cx, out: &mut Vec<Action>) {
    let lang = vm.lang;
    let wide = ui.available_width() >= 900.0;
    let full_height = ui.available_height();

    // Header: title, step, mode; on a narrow screen the face and meter sit here too.
    egui::Panel::top("dialogue_top").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            // On a narrow screen (large text) the face and meter share the title's row, so the
            // conversation keeps as much height as possible.
            if !wide {
                face::face(ui, vm.mood, 40.0);
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&vm.title).size(22.0).strong());
                ui.label(
                    RichText::new(i18n::DECISION_N.with(lang, vm.step)).color(cx.palette.weak),
                );
                if vm.mode == Mode::Exam {
                    ui.label(coloured(i18n::EXAM_BADGE.get(lang), cx.palette.accent));
                }
                if !wide {
                    face::mood_meter(ui, vm.mood, 110.0, lang, &cx.palette);
                }
            });
        });
        ui.add_space(4.0);
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
                    face::mood_meter(ui, vm.mood, 200.0, lang, &cx.palette);
                });
            });
    }

    // The footer keeps the Continue button in sight at any text size; above it, the replies, the
    // coach's comment or the ending take up to half the height and scroll beyond that.
    egui::Panel::bottom("dialogue_footer")
        .resizable(false)
        .show(ui, |ui| {
            ui.add_space(4.0);
            footer(ui, vm, cx, out);
            ui.add_space(4.0);
        });
    egui::Panel::bottom("dialogue_bottom")
        .resizable(false)
        .max_size(full_height * 0.5)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("bottom_scroll")
                .max_height(full_height * 0.5)
                // Without a minimum the area would stay as small as the panel was last frame.
                .min_scrolled_height(full_height * 0.5)
                .show(ui, |ui| {
                    ui.add_space(6.0);
                    bottom(ui, vm, cx, out);
                    ui.add_space(6.0);
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

    if vm.confirm {
        confirm(ui, vm, cx, out);
    }
}

fn bottom(ui: &mut egui::Ui, vm: &DialogueView, cx: &Cx, out: &mut Vec<Action>) {
    let lang = vm.lang;
    let width = ui.available_width();
    let focus = if vm.confirm { usize::MAX } else { cx.focus };
    match &vm.phase {
        Phase::Choices(items) => {
            ui.label(RichText::new(i18n::YOUR_REPLY.get(lang)).strong());
            for (i, c) in items.iter().enumerate() {
                let text = format!("{}.  {}", c.number, c.label);
                let r = big_button_sized(
                    ui,
                    RichText::new(text),
                    focus == i,
                    cx,
                    egui::vec2(width, 46.0),
                );
                if r.clicked() {
                    out.push(c.action.clone());
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
    let focus = if vm.confirm { usize::MAX } else { cx.focus };
    let (label, action) = match &vm.phase {
        Phase::Choices(_) => {
            hint(ui, i18n::CHOICE_HINT.get(lang), cx);
            return;
        }
        Phase::Feedback(_) | Phase::Continue => (i18n::CONTINUE, Action::Continue),
        Phase::Ending(_) => (i18n::SEE_DEBRIEF, Action::ShowDebrief),
    };
    ui.horizontal_wrapped(|ui| {
        if big_button(ui, format!("{}  →", label.get(lang)), focus == 0, cx).clicked() {
            out.push(action);
        }
        hint(ui, i18n::CONTINUE_HINT.get(lang), cx);
    });
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

fn confirm(ui: &mut egui::Ui, vm: &DialogueView, cx: &Cx, out: &mut Vec<Action>) {
    let lang = vm.lang;
    egui::Modal::new(egui::Id::new("abandon")).show(ui.ctx(), |ui| {
        ui.set_max_width(480.0_f32.min(ui.ctx().content_rect().width() - 40.0));
        ui.label(RichText::new(i18n::ABANDON_QUESTION.get(lang)).size(21.0));
        ui.add_space(10.0);
        ui.horizontal_wrapped(|ui| {
            for (i, (action, label)) in CONFIRM_TARGETS
                .iter()
                .zip([i18n::ABANDON_NO, i18n::ABANDON_YES])
                .enumerate()
            {
                if big_button(ui, label.get(lang), cx.focus == i, cx).clicked() {
                    out.push(action.clone());
                }
            }
        });
    });
}

/// The dialogue screen's plugin: draws its view while the Dialogue screen is on.
pub(crate) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(UiSet::Screens)
            .run_if(on_screen(crate::game::Screen::Dialogue)),
    );
}

fn draw(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    session: Res<Session>,
    content: Res<Content>,
    mut emit: Emit,
) -> Result {
    let Some(active) = &session.active else {
        return Ok(());
    };
    let vm = DialogueView::new(
        active,
        &content.library,
        settings.lang,
        session.confirm_abandon,
    );
    draw_view(&mut contexts, &session, &settings, &mut emit, &vm, show)
}
