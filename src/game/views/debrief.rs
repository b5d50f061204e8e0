//! The debrief: score and grade, the ending, a bar per principle, every reply with the better option,
//! the endings found and what to work on next. Three tabs, so a presenter can page through them.

use super::{
    Cx, big_button, card_frame, coloured, face, hint, paged, percent_bar, quoted, small_button,
};
use crate::engine::text::Lang;
use crate::game::activities::dialogue::Conversation;
use crate::game::core::content::Content;
use crate::game::core::{Action, DebriefTab, DialogueAction, Screen};
use crate::game::i18n;
use crate::game::models::debrief::{DebriefView, ReplyView};
use crate::game::ui::{UiSet, ViewEnv, on_screen};
use bevy::prelude::{App, IntoScheduleConfigs, Res, Result, State};
use bevy_egui::EguiPrimaryContextPass;
use bevy_egui::egui::{self, RichText};

/// Draws the debrief.
pub fn show(ui: &mut egui::Ui, vm: &DebriefView, cx: &Cx, out: &mut Vec<Action>) {
    let lang = vm.lang;
    // The presenter layout gives the content as much of a small screen as it can: the title and
    // the tabs share a row, and the buttons are smaller.
    let compact = cx.presenter || ui.available_height() < 450.0;
    egui::Panel::top("debrief_top").show(ui, |ui| {
        ui.add_space(if compact { 2.0 } else { 4.0 });
        if !compact {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("{}: {}", i18n::DEBRIEF.get(lang), vm.title))
                        .size(24.0)
                        .strong(),
                );
            });
        }
        ui.horizontal_wrapped(|ui| {
            for (tab, name) in DebriefTab::ALL.iter().zip([
                i18n::TAB_SUMMARY,
                i18n::TAB_PRINCIPLES,
                i18n::TAB_DECISIONS,
            ]) {
                let text = RichText::new(name.get(lang)).size(if compact { 16.0 } else { 20.0 });
                if ui
                    .add(egui::Button::selectable(vm.tab == *tab, text))
                    .clicked()
                {
                    out.push(Action::Tab(*tab));
                }
            }
        });
        // On a short screen (large text) the key hint gives its line to the content.
        if ui.ctx().content_rect().height() >= 450.0 {
            hint(ui, i18n::DEBRIEF_HINT.get(lang), cx);
        }
        if let Some(note) = &vm.report_note {
            ui.label(coloured(note, cx.palette.accent));
        }
        ui.add_space(2.0);
    });
    egui::Panel::bottom("debrief_buttons").show(ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            for (i, t) in vm.targets().iter().take(vm.footer_len()).enumerate() {
                let clicked = if compact {
                    small_button(ui, &t.label, cx.focus == i, cx).clicked()
                } else {
                    big_button(ui, &t.label, cx.focus == i, cx).clicked()
                };
                if clicked {
                    out.push(t.action.clone());
                }
            }
        });
        ui.add_space(6.0);
    });
    egui::CentralPanel::default_margins().show(ui, |ui| {
        paged(ui, cx, ("debrief", vm.tab as u8), |ui| match vm.tab {
            DebriefTab::Summary => summary(ui, vm, cx, out),
            DebriefTab::Principles => principles(ui, vm, cx),
            DebriefTab::Decisions => decisions(ui, vm, cx),
        });
    });
}

fn summary(ui: &mut egui::Ui, vm: &DebriefView, cx: &Cx, out: &mut Vec<Action>) {
    let lang = vm.lang;
    ui.horizontal_wrapped(|ui| {
        let size = if ui.ctx().content_rect().height() >= 450.0 {
            96.0
        } else {
            56.0
        };
        face::face(ui, vm.mood.1, size);
        ui.vertical(|ui| {
            ui.label(RichText::new(i18n::SCORE.get(lang)).color(cx.palette.weak));
            ui.label(
                coloured(
                    format!("{}% · {}", vm.score, vm.grade),
                    cx.palette.for_percent(vm.score),
                )
                .size(40.0),
            );
            ui.label(&vm.mood_line);
        });
    });
    if let Some(gap) = &vm.gap {
        ui.label(coloured(gap, cx.palette.accent));
    }
    if vm.retry_missing {
        ui.label(coloured(i18n::RETRY_MISSING.get(lang), cx.palette.bad));
    }
    ui.add_space(8.0);
    card_frame(cx, false).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(i18n::ENDING_REACHED.get(lang)).color(cx.palette.weak));
        let colour = cx.palette.for_ending(vm.ending_kind);
        ui.label(coloured(format!("{} — {}", vm.ending_label, vm.ending_title), colour).size(22.0));
        ui.label(&vm.ending_text);
    });
    ui.add_space(8.0);
    card_frame(cx, false).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(i18n::WEAKEST.get(lang)).size(22.0).strong());
        if vm.weakest.is_empty() {
            ui.label(coloured(i18n::NO_WEAKNESS.get(lang), cx.palette.good));
        }
        // The first three targets are the bottom buttons; the practice links follow them.
        let mut index = vm.footer_len();
        for w in &vm.weakest {
            ui.add_space(4.0);
            ui.label(coloured(
                format!("{} — {}%", w.title, w.percent),
                cx.palette.for_percent(w.percent),
            ));
            if !w.links.is_empty() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(i18n::TRAIN_IN.get(lang));
                    for (id, title) in &w.links {
                        let focused = cx.focus == index;
                        if big_button(ui, format!("▶ {title}"), focused, cx).clicked() {
                            out.push(DialogueAction::Start(id.clone()).into());
                        }
                        index += 1;
                    }
                });
            }
        }
    });
    ui.add_space(8.0);
    card_frame(cx, false).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(i18n::ENDINGS_FOUND.with(
                lang,
                format!("{} / {}", vm.endings_found.0, vm.endings_found.1),
            ))
            .strong(),
        );
        // Endings not found yet stay hidden, to leave something to discover.
        ui.horizontal_wrapped(|ui| {
            for (name, found, now) in &vm.endings {
                let (text, colour) = match (found, now) {
                    (_, true) => (format!("● {name}"), cx.palette.accent),
                    (true, false) => (format!("○ {name}"), cx.palette.text),
                    _ => ("? ? ?".to_string(), cx.palette.weak),
                };
                egui::Frame::new()
                    .stroke(egui::Stroke::new(1.0, cx.palette.weak))
                    .corner_radius(6.0)
                    .inner_margin(egui::Margin::symmetric(8, 4))
                    .show(ui, |ui| ui.label(RichText::new(text).color(colour)));
            }
        });
    });
}

fn principles(ui: &mut egui::Ui, vm: &DebriefView, cx: &Cx) {
    let lang = vm.lang;
    hint(ui, i18n::PRINCIPLES_NOTE.get(lang), cx);
    let bar = (ui.available_width() * 0.35).clamp(120.0, 320.0);
    for p in &vm.principles {
        card_frame(cx, false).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(&p.title).size(21.0).strong());
            percent_bar(ui, p.percent, bar, cx, i18n::NOT_FACED.get(lang));
            if !p.description.is_empty() {
                ui.label(&p.description);
            }
            if !p.moves.is_empty() {
                ui.label(RichText::new(p.moves.join(" · ")).color(cx.palette.weak));
            }
            if !p.source.is_empty() {
                ui.label(
                    RichText::new(&p.source)
                        .small()
                        .italics()
                        .color(cx.palette.weak),
                );
            }
        });
        ui.add_space(6.0);
    }
}

fn reply(ui: &mut egui::Ui, r: &ReplyView, lang: Lang, cx: &Cx) {
    ui.label(RichText::new(quoted(&r.say, lang)).italics());
    for m in &r.marks {
        let (sign, colour) = if m.points > 0 {
            ("✔", cx.palette.good)
        } else {
            ("✘", cx.palette.bad)
        };
        ui.label(coloured(
            format!("{sign} {} ({})", m.principle, i18n::points(m.points, lang)),
            colour,
        ));
    }
    if !r.feedback.is_empty() {
        ui.label(&r.feedback);
    }
}

fn decisions(ui: &mut egui::Ui, vm: &DebriefView, cx: &Cx) {
    let lang = vm.lang;
    for d in &vm.decisions {
        card_frame(cx, false).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(i18n::DECISION_N.with(lang, d.step))
                    .size(21.0)
                    .strong(),
            );
            if !d.prompt.is_empty() {
                ui.label(RichText::new(&d.prompt).color(cx.palette.weak));
            }
            ui.add_space(4.0);
            ui.label(RichText::new(i18n::YOU_SAID.get(lang)).strong());
            reply(ui, &d.chosen, lang, cx);
            ui.label(RichText::new(&d.mood_line).small());
            ui.add_space(4.0);
            match &d.better {
                Some(b) => {
                    ui.label(coloured(i18n::BETTER.get(lang), cx.palette.accent));
                    reply(ui, b, lang, cx);
                }
                None => {
                    ui.label(coloured(i18n::BEST_MADE.get(lang), cx.palette.good));
                }
            }
        });
        ui.add_space(6.0);
    }
}

/// The debrief screen's plugin: draws its view while the Debrief screen is on.
pub(crate) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(UiSet::Screens)
            .run_if(on_screen(Screen::Debrief)),
    );
}

fn draw(
    mut env: ViewEnv,
    conversation: Res<Conversation>,
    content: Res<Content>,
    tab: Option<Res<State<DebriefTab>>>,
    saves: Option<Res<crate::game::core::saves::Saves>>,
) -> Result {
    let Some(d) = &conversation.debrief else {
        return Ok(());
    };
    let tab = tab.map(|t| *t.get()).unwrap_or_default();
    let vm = DebriefView::new(
        d,
        &content.library,
        env.settings.lang,
        tab,
        conversation.retry_missing.is_some(),
    )
    .with_progress(saves.is_some(), conversation.report.as_ref());
    env.draw(&vm, show)
}
