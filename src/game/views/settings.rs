//! The settings screen: language, text size, contrast, mode, full screen and the presenter layout,
//! saved at once; and, when progress is kept, the Learning Record Store's fields and queue.

use super::{Cx, big_button, coloured, hint, paged};
use crate::game::activities::lrs::Lrs;
use crate::game::core::settings::{Mode, SCALE_MAX, SCALE_MIN, SettingsStore};
use crate::game::core::{Action, LrsAction, Overlay, TextEntry};
use crate::game::i18n;
use crate::game::models::settings::{LrsView, SettingsView};
use crate::game::ui::{UiSet, ViewEnv, on_overlay};
use crate::i18n::tr;
use bevy::prelude::{App, IntoScheduleConfigs, Res, ResMut, Result};
use bevy_egui::EguiPrimaryContextPass;
use bevy_egui::egui::{self, RichText};

/// Draws the settings.
pub fn show(ui: &mut egui::Ui, vm: &SettingsView, cx: &Cx, out: &mut Vec<Action>) {
    let s = &vm.settings;
    let lang = s.lang;
    let on_off = |b: bool| {
        if b {
            i18n::ON.get(lang)
        } else {
            i18n::OFF.get(lang)
        }
    };
    let frame = egui::Frame::new().inner_margin(egui::Margin::symmetric(32, 20));
    // What is typed into the LRS fields, sent after the buttons' borrow of `out` ends.
    let mut typed = Vec::new();
    egui::CentralPanel::default().frame(frame).show(ui, |ui| {
        paged(ui, cx, "settings", |ui| {
            ui.heading(RichText::new(i18n::SETTINGS_HEADING.get(lang)).size(30.0));
            hint(ui, i18n::SETTINGS_HINT.get(lang), cx);
            ui.add_space(10.0);
            let targets = vm.targets();
            let mut button = |ui: &mut egui::Ui, i: usize, text: String| {
                if big_button(ui, text, cx.focus == i, cx).clicked() {
                    out.push(targets[i].action.clone());
                }
            };
            let row = |ui: &mut egui::Ui, name: &str| {
                ui.label(RichText::new(format!("{name}:")).size(21.0).strong());
            };
            // One row per setting, wrapping at large text sizes; a hint goes under its buttons
            // and never over the next row.
            let setting = |ui: &mut egui::Ui, name: &str, add: &mut dyn FnMut(&mut egui::Ui)| {
                ui.horizontal_wrapped(|ui| {
                    row(ui, name);
                    add(ui);
                });
                ui.add_space(12.0);
            };
            setting(ui, &i18n::LANGUAGE.get(lang), &mut |ui| {
                button(ui, 0, i18n::LANGUAGE_SWITCH.get(lang));
            });
            setting(ui, &i18n::TEXT_SCALE.get(lang), &mut |ui| {
                button(ui, 1, "A −".to_string());
                ui.label(
                    RichText::new(format!("{}%", s.text_scale))
                        .size(22.0)
                        .strong(),
                );
                button(ui, 2, "A +".to_string());
            });
            hint(ui, format!("{SCALE_MIN}–{SCALE_MAX}%, Ctrl + / Ctrl −"), cx);
            ui.add_space(12.0);
            setting(ui, &i18n::HIGH_CONTRAST.get(lang), &mut |ui| {
                button(ui, 3, on_off(s.high_contrast));
            });
            let (name, note) = match s.mode {
                Mode::Coach => (i18n::COACH, i18n::COACH_NOTE),
                Mode::Exam => (i18n::EXAM, i18n::EXAM_NOTE),
            };
            setting(ui, &i18n::MODE.get(lang), &mut |ui| {
                button(ui, 4, name.get(lang));
            });
            hint(ui, note.get(lang), cx);
            ui.add_space(12.0);
            setting(ui, &i18n::FULLSCREEN.get(lang), &mut |ui| {
                button(ui, 5, format!("{} (F11)", on_off(s.fullscreen)));
            });
            setting(ui, &i18n::PRESENTER.get(lang), &mut |ui| {
                button(ui, 6, on_off(s.presenter));
            });
            hint(ui, i18n::PRESENTER_NOTE.get(lang), cx);
            ui.add_space(16.0);
            if let Some(l) = &vm.lrs {
                lrs_fields(ui, l, lang, cx, &mut typed);
                ui.horizontal_wrapped(|ui| {
                    button(ui, 7, tr(lang, "settings-lrs-save"));
                    button(ui, 8, tr(lang, "settings-lrs-sync"));
                });
                ui.add_space(16.0);
            }
            let back = targets.len() - 1;
            button(ui, back, format!("← {}", i18n::BACK.get(lang)));
            ui.add_space(10.0);
            if vm.damaged.is_some() {
                ui.label(coloured(i18n::SETTINGS_DAMAGED.get(lang), cx.palette.bad));
            }
            if let Some(e) = &vm.save_error {
                ui.label(coloured(
                    format!("{}: {e}", i18n::SETTINGS_NOT_SAVED.get(lang)),
                    cx.palette.bad,
                ));
            }
            if let Some(f) = &vm.file {
                hint(ui, format!("{}: {f}", i18n::SETTINGS_FILE.get(lang)), cx);
            }
        });
    });
    out.extend(typed);
}

/// The LRS fields: endpoint, key and a secret that is never shown. What is typed reaches the game as
/// a draft; a text field that has the keyboard keeps every key from the game.
fn lrs_fields(
    ui: &mut egui::Ui,
    l: &LrsView,
    lang: crate::engine::text::Lang,
    cx: &Cx,
    out: &mut Vec<Action>,
) {
    ui.label(RichText::new(tr(lang, "settings-lrs")).size(21.0).strong());
    hint(ui, tr(lang, "settings-lrs-note"), cx);
    let mut draft = l.draft.clone();
    let width = ui.available_width().min(560.0);
    let mut typing = false;
    egui::Grid::new("lrs_fields").num_columns(2).show(ui, |ui| {
        ui.label(tr(lang, "settings-lrs-endpoint"));
        typing |= ui
            .add(egui::TextEdit::singleline(&mut draft.endpoint).desired_width(width))
            .has_focus();
        ui.end_row();
        ui.label(tr(lang, "settings-lrs-key"));
        typing |= ui
            .add(egui::TextEdit::singleline(&mut draft.key).desired_width(width))
            .has_focus();
        ui.end_row();
        ui.label(tr(lang, "settings-lrs-secret"));
        let hint_text = if l.secret_saved {
            "••••••••"
        } else {
            ""
        };
        typing |= ui
            .add(
                egui::TextEdit::singleline(&mut draft.secret)
                    .password(true)
                    .hint_text(hint_text)
                    .desired_width(width),
            )
            .has_focus();
        ui.end_row();
    });
    if draft != l.draft {
        out.push(
            LrsAction::Draft {
                endpoint: draft.endpoint,
                key: draft.key,
                secret: draft.secret,
            }
            .into(),
        );
    }
    ui.label(RichText::new(&l.status).color(cx.palette.weak));
    if let Some(e) = &l.error {
        ui.label(coloured(e, cx.palette.bad));
    }
    ui.ctx()
        .data_mut(|d| d.insert_temp(egui::Id::new("lrs_typing"), typing));
}

/// The settings' plugin: draws them over the whole window while they are open.
pub(crate) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(UiSet::Screens)
            .run_if(on_overlay(Overlay::Settings)),
    );
}

fn draw(
    mut env: ViewEnv,
    store: Res<SettingsStore>,
    lrs: Option<Res<Lrs>>,
    mut typing: ResMut<TextEntry>,
) -> Result {
    let vm = SettingsView::new(&env.settings, &store).with_lrs(lrs.as_deref());
    env.draw(&vm, show)?;
    // The keyboard leaves every key to an LRS field that has it (Esc and Tab included).
    let now = vm.lrs.is_some() && env.flag(egui::Id::new("lrs_typing"));
    if typing.0 != now {
        typing.0 = now;
    }
    Ok(())
}
