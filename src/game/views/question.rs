//! A yes-or-no question drawn over the screen: leave the conversation or the quiz round, or quit the
//! game.

use super::{Cx, big_button};
use crate::game::core::{Action, Overlay, Screen};
use crate::game::models::question::QuestionView;
use crate::game::ui::{UiSet, ViewEnv, on_overlay};
use bevy::prelude::{App, IntoScheduleConfigs, Res, Result, State};
use bevy_egui::EguiPrimaryContextPass;
use bevy_egui::egui::{self, RichText};

/// Draws the question in a modal window; staying is the first button.
pub fn show(ctx: &egui::Context, vm: &QuestionView, cx: &Cx, out: &mut Vec<Action>) {
    egui::Modal::new(egui::Id::new("question")).show(ctx, |ui| {
        ui.set_max_width(520.0_f32.min(ctx.content_rect().width() - 40.0));
        ui.label(RichText::new(&vm.text).size(21.0));
        ui.add_space(10.0);
        ui.horizontal_wrapped(|ui| {
            for (i, t) in vm.targets.iter().enumerate() {
                if big_button(ui, &t.label, cx.focus == i, cx).clicked() {
                    out.push(t.action.clone());
                }
            }
        });
    });
}

/// The questions' plugin: draws the open one over the screen.
pub(crate) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (
            draw.run_if(on_overlay(Overlay::Leave)),
            draw.run_if(on_overlay(Overlay::Quit)),
        )
            .in_set(UiSet::Overlays),
    );
}

fn draw(mut env: ViewEnv, overlay: Res<State<Overlay>>, screen: Res<State<Screen>>) -> Result {
    let lang = env.settings.lang;
    let vm = match overlay.get() {
        Overlay::Quit => QuestionView::quit(lang),
        _ if *screen.get() == Screen::Quiz => crate::game::models::quiz::leave(lang),
        _ => QuestionView::leave(lang),
    };
    env.draw_overlay(&vm, show)
}
