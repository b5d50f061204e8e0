//! The profiles screen: who is playing on this PC, with a row per profile (play as, rename, delete),
//! and the form for a new name, which is also the first launch's welcome.

use super::{Cx, big_button, card_frame, coloured, hint, paged, sized_button};
use crate::game::activities::profiles::Roster;
use crate::game::core::saves::Saves;
use crate::game::core::targets::TextEntry;
use crate::game::core::{Action, ProfileAction, Screen};
use crate::game::models::profiles::{FormView, ProfilesView};
use crate::game::ui::{UiSet, ViewEnv, on_screen};
use bevy::prelude::{App, IntoScheduleConfigs, Res, ResMut, Result};
use bevy_egui::EguiPrimaryContextPass;
use bevy_egui::egui::{self, RichText};

/// Draws the profiles screen.
pub fn show(ui: &mut egui::Ui, vm: &ProfilesView, cx: &Cx, out: &mut Vec<Action>) {
    let targets = vm.targets();
    paged(ui, cx, "profiles", |ui| {
        if let Some(f) = &vm.form {
            form(ui, f, &targets, cx, out);
            return;
        }
        ui.label(RichText::new(&vm.heading).size(28.0).strong());
        hint(ui, &vm.hint, cx);
        ui.add_space(8.0);
        for (r, row) in vm.rows.iter().enumerate() {
            card_frame(cx, false).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    for k in 0..3 {
                        let i = r * 3 + k;
                        let Some(t) = targets.get(i) else { continue };
                        let text = if k == 0 {
                            let name = RichText::new(&t.label).size(22.0).strong();
                            if row.current {
                                name.color(cx.palette.good)
                            } else {
                                name
                            }
                        } else {
                            RichText::new(&t.label).size(16.0)
                        };
                        let size = if k == 0 { 22.0 } else { 16.0 };
                        let min = if k == 0 {
                            egui::vec2(220.0, 40.0)
                        } else {
                            egui::Vec2::ZERO
                        };
                        if sized_button(ui, text, size, cx.focus == i, cx, min).clicked() {
                            out.push(t.action.clone());
                        }
                    }
                });
                ui.label(RichText::new(&row.detail).color(cx.palette.weak));
            });
            ui.add_space(4.0);
        }
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            let first = vm.rows.len() * 3;
            for (i, t) in targets.iter().enumerate().skip(first) {
                if big_button(ui, &t.label, cx.focus == i, cx).clicked() {
                    out.push(t.action.clone());
                }
            }
        });
    });
}

/// The name form: the name field has the keyboard when the form opens; Enter saves, Esc cancels.
fn form(
    ui: &mut egui::Ui,
    f: &FormView,
    targets: &[crate::game::core::Target],
    cx: &Cx,
    out: &mut Vec<Action>,
) {
    ui.label(
        RichText::new(&f.heading)
            .size(30.0)
            .strong()
            .color(cx.palette.accent),
    );
    if let Some(intro) = &f.intro {
        ui.add_space(4.0);
        ui.label(RichText::new(intro).size(19.0));
    }
    ui.add_space(10.0);
    let width = ui.available_width().min(520.0);
    let (mut name, mut group) = (f.name.clone(), f.group.clone());
    ui.label(RichText::new(&f.name_label).strong());
    // The form keeps the keyboard: while no field has it (a new form, the window just focused, a
    // click elsewhere), the name field takes it, before it is drawn, so that the key that woke the
    // window already goes into it.
    let name_id = egui::Id::new(("profile_name", f.key));
    if ui.ctx().memory(|m| m.focused().is_none()) {
        ui.ctx().memory_mut(|m| m.request_focus(name_id));
    }
    let name_field = ui.add(
        egui::TextEdit::singleline(&mut name)
            .id(name_id)
            .desired_width(width)
            .font(egui::TextStyle::Heading)
            .char_limit(60),
    );
    ui.add_space(6.0);
    ui.label(RichText::new(&f.group_label).strong());
    let group_field = ui.add(
        egui::TextEdit::singleline(&mut group)
            .id(egui::Id::new(("profile_group", f.key)))
            .desired_width(width)
            .char_limit(60),
    );
    if name != f.name || group != f.group {
        out.push(
            ProfileAction::Draft {
                name: name.clone(),
                group: group.clone(),
            }
            .into(),
        );
    }
    let typing = name_field.has_focus() || group_field.has_focus();
    let (enter, escape) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::Enter),
            i.key_pressed(egui::Key::Escape),
        )
    });
    if (name_field.lost_focus() || group_field.lost_focus()) && enter {
        out.push(ProfileAction::Save.into());
    } else if (typing || name_field.lost_focus() || group_field.lost_focus()) && escape {
        out.push(ProfileAction::Cancel.into());
    }
    if let Some(e) = &f.error {
        ui.label(coloured(e, cx.palette.bad));
    }
    ui.add_space(10.0);
    ui.horizontal_wrapped(|ui| {
        for (i, t) in targets.iter().enumerate() {
            // While a field has the keyboard no button is highlighted: Enter belongs to the field.
            let focused = !typing && cx.focus == i;
            if big_button(ui, &t.label, focused, cx).clicked() {
                out.push(t.action.clone());
            }
        }
    });
    hint(ui, &f.hint, cx);
    ui.ctx()
        .data_mut(|d| d.insert_temp(egui::Id::new("profile_typing"), typing));
}

/// The profiles screen's plugin.
pub(crate) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(UiSet::Screens)
            .run_if(on_screen(Screen::Profiles)),
    );
}

fn draw(
    mut env: ViewEnv,
    roster: Res<Roster>,
    saves: Option<Res<Saves>>,
    mut typing: ResMut<TextEntry>,
) -> Result {
    let vm = ProfilesView::new(&roster, saves.map(|s| s.profile), env.settings.lang);
    env.draw(&vm, show)?;
    // The keyboard leaves every key to a text field that has it.
    let now = vm.form.is_some() && env.flag(egui::Id::new("profile_typing"));
    if typing.0 != now {
        typing.0 = now;
    }
    Ok(())
}
