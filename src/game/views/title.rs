//! The title screen: the product name; Continue, Play, Practise, Progress, who is playing, Settings
//! and Quit; what is due today; and a note after the store had to be repaired.

use super::{Cx, big_button_sized, hint, paged};
use crate::engine::text::Lang;
use crate::game::activities::dialogue::Conversation;
use crate::game::core::content::Content;
use crate::game::core::saves::Saves;
use crate::game::core::{Action, Screen};
use crate::game::models::title::TitleView;
use crate::game::ui::{UiSet, ViewEnv, on_screen};
use bevy::prelude::{App, IntoScheduleConfigs, Res, Result};
use bevy_egui::EguiPrimaryContextPass;
use bevy_egui::egui::{self, RichText};

/// Draws the title screen.
pub fn show(ui: &mut egui::Ui, vm: &TitleView, cx: &Cx, out: &mut Vec<Action>) {
    let lang = vm.lang;
    paged(ui, cx, "title", |ui| {
        ui.vertical_centered(|ui| {
            let room = ui.available_height();
            // On a short screen (large text) the title shrinks so that all the buttons fit.
            let buttons = vm.targets().len() as f32;
            let compact = room < 330.0 + 58.0 * buttons;
            ui.add_space(if compact {
                4.0
            } else {
                (room * 0.12).clamp(8.0, 120.0)
            });
            let name = RichText::new(&vm.name).size(if compact { 32.0 } else { 46.0 });
            ui.label(name.color(cx.palette.accent).strong());
            ui.add_space(6.0);
            ui.label(RichText::new(&vm.tagline).size(20.0));
            ui.add_space(if compact { 10.0 } else { 28.0 });
            if let Some(note) = &vm.recovery {
                super::card_frame(cx, false).show(ui, |ui| {
                    ui.set_max_width(640.0);
                    ui.label(RichText::new(note).color(cx.palette.bad));
                });
                ui.add_space(6.0);
            }
            if let Some(due) = &vm.due {
                ui.label(super::coloured(due, cx.palette.accent));
                ui.add_space(4.0);
            }
            let width = ui.available_width().min(420.0);
            let height = if compact { 44.0 } else { 52.0 };
            for (i, target) in vm.targets().iter().enumerate() {
                let r = big_button_sized(
                    ui,
                    &target.label,
                    cx.focus == i,
                    cx,
                    egui::vec2(width, height),
                );
                if r.clicked() {
                    out.push(target.action.clone());
                }
                ui.add_space(4.0);
            }
            ui.add_space(if compact { 6.0 } else { 20.0 });
            // A one-click language switch, for a trainer who opens the game in the wrong language.
            ui.horizontal(|ui| {
                let w = 2.0 * 64.0 + ui.spacing().item_spacing.x;
                ui.add_space(((ui.available_width() - w) / 2.0).max(0.0));
                for l in Lang::ALL {
                    let text = RichText::new(l.code().to_uppercase()).size(18.0);
                    if ui
                        .add(
                            egui::Button::selectable(l == lang, text)
                                .min_size(egui::vec2(64.0, 34.0)),
                        )
                        .clicked()
                    {
                        out.push(Action::SetLang(l));
                    }
                }
            });
            ui.add_space(12.0);
            if let Some((note, _)) = &vm.changed {
                ui.label(RichText::new(note).color(cx.palette.bad));
            }
            hint(ui, &vm.hint, cx);
        });
    });
}

/// The title screen's plugin: draws its view while the Title screen is on.
pub(crate) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(UiSet::Screens).run_if(on_screen(Screen::Title)),
    );
}

fn draw(
    mut env: ViewEnv,
    saves: Option<Res<Saves>>,
    content: Res<Content>,
    conversation: Res<Conversation>,
) -> Result {
    let vm = TitleView::with_progress(
        env.settings.lang,
        saves.as_deref(),
        &content.library,
        conversation.resume_changed.as_deref(),
    );
    env.draw(&vm, show)
}
