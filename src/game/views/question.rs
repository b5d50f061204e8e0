//! A question drawn over the screen: leave the conversation or the quiz round, quit the game,
//! delete a profile, or which progress file to import.

use super::{Cx, big_button};
use crate::game::activities::profiles::Roster;
use crate::game::activities::progress::ProgressState;
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
        // A long list (the files to import) goes one per line, scrolling when it must.
        let list = vm.targets.len() > 2;
        egui::ScrollArea::vertical()
            .max_height(ctx.content_rect().height() * 0.6)
            .show(ui, |ui| {
                let mut buttons = |ui: &mut egui::Ui| {
                    for (i, t) in vm.targets.iter().enumerate() {
                        if big_button(ui, &t.label, cx.focus == i, cx).clicked() {
                            out.push(t.action.clone());
                        }
                    }
                };
                if list {
                    ui.vertical(buttons);
                } else {
                    ui.horizontal_wrapped(|ui| buttons(ui));
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
            draw.run_if(on_overlay(Overlay::DeleteProfile)),
            draw.run_if(on_overlay(Overlay::Import)),
        )
            .in_set(UiSet::Overlays),
    );
}

fn draw(
    mut env: ViewEnv,
    overlay: Res<State<Overlay>>,
    screen: Res<State<Screen>>,
    roster: Res<Roster>,
    progress: Res<ProgressState>,
) -> Result {
    let lang = env.settings.lang;
    let vm = match overlay.get() {
        Overlay::Quit => QuestionView::quit(lang),
        Overlay::DeleteProfile => crate::game::models::profiles::delete_question(&roster, lang),
        Overlay::Import => crate::game::models::progress::import_question(&progress, lang),
        _ if *screen.get() == Screen::Quiz => crate::game::models::quiz::leave(lang),
        _ if matches!(screen.get(), Screen::TeamLobby | Screen::TeamPlay) => {
            crate::game::models::team::leave(lang)
        }
        _ => QuestionView::leave(lang),
    };
    env.draw_overlay(&vm, show)
}
