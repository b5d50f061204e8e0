//! The progress screen: five tabs (by source, by theme, the chart, the history, the learning path),
//! paged by a presenter's clicker like the debrief's, with the screen's buttons in a fixed footer.

use super::{Cx, card_frame, coloured, hint, paged, percent_bar, sized_button, small_button};
use crate::game::activities::progress::ProgressState;
use crate::game::core::content::Content;
use crate::game::core::saves::Saves;
use crate::game::core::{Action, ProgressTab, Screen};
use crate::game::models::progress::ProgressView;
use crate::game::ui::{UiSet, ViewEnv, on_screen};
use bevy::prelude::{App, IntoScheduleConfigs, Res, Result, State};
use bevy_egui::EguiPrimaryContextPass;
use bevy_egui::egui::{self, RichText};

/// Whether a target sits in the footer (the rest belong to the tab's content).
fn in_footer(vm: &ProgressView, i: usize, n: usize) -> bool {
    matches!(vm.tab, ProgressTab::Sources | ProgressTab::Themes) || i + 1 == n
}

/// Draws the progress screen.
pub fn show(ui: &mut egui::Ui, vm: &ProgressView, cx: &Cx, out: &mut Vec<Action>) {
    let compact = cx.presenter || ui.available_height() < 450.0;
    let targets = vm.targets();
    let n = targets.len();
    egui::Panel::top("progress_top").show(ui, |ui| {
        ui.add_space(if compact { 2.0 } else { 4.0 });
        if !compact {
            ui.label(RichText::new(&vm.heading).size(24.0).strong());
        }
        ui.horizontal_wrapped(|ui| {
            for (tab, name) in &vm.tabs {
                // On a projector the five tabs stay on one row, so the content keeps the height.
                let text = RichText::new(name).size(if compact { 12.0 } else { 20.0 });
                if ui
                    .add(egui::Button::selectable(vm.tab == *tab, text))
                    .clicked()
                {
                    out.push(Action::ProgressTab(*tab));
                }
            }
        });
        if ui.ctx().content_rect().height() >= 450.0 {
            hint(ui, &vm.hint, cx);
        }
        if let Some(due) = vm.due.as_ref().filter(|_| !compact) {
            ui.label(coloured(due, cx.palette.accent));
        }
        if let Some(note) = &vm.note {
            ui.label(RichText::new(note).color(cx.palette.text));
        }
        ui.add_space(2.0);
    });
    egui::Panel::bottom("progress_buttons").show(ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            for (i, t) in targets.iter().enumerate() {
                if !in_footer(vm, i, n) {
                    continue;
                }
                let size = if compact { 14.0 } else { 19.0 };
                if sized_button(ui, &t.label, size, cx.focus == i, cx, egui::Vec2::ZERO).clicked() {
                    out.push(t.action.clone());
                }
            }
        });
        ui.add_space(6.0);
    });
    egui::CentralPanel::default_margins().show(ui, |ui| {
        paged(ui, cx, ("progress", vm.tab as u8), |ui| {
            if let Some(empty) = &vm.empty {
                ui.label(RichText::new(empty).size(20.0));
                ui.add_space(8.0);
            }
            match vm.tab {
                ProgressTab::Sources | ProgressTab::Themes => groups(ui, vm, cx),
                ProgressTab::Chart => chart(ui, vm, &targets, cx, out),
                ProgressTab::History | ProgressTab::Path => {
                    rows(ui, vm, &targets, cx, out);
                }
            }
        });
    });
}

/// The bars of every source's (or theme's) principles.
fn groups(ui: &mut egui::Ui, vm: &ProgressView, cx: &Cx) {
    let untested = crate::i18n::tr(vm.lang, "progress-untested");
    let width = (ui.available_width() * 0.35).clamp(120.0, 320.0);
    for g in &vm.groups {
        card_frame(cx, false).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&g.title).size(20.0).strong());
                if let Some(p) = g.percent {
                    ui.label(coloured(format!("{p}%"), cx.palette.for_percent(p)));
                }
            });
            for b in &g.bars {
                ui.horizontal_wrapped(|ui| {
                    let mut title = RichText::new(&b.title);
                    if b.due {
                        title = title.color(cx.palette.accent).strong();
                    }
                    ui.label(title);
                    if b.due {
                        ui.label(coloured(
                            crate::i18n::tr(vm.lang, "progress-due-mark"),
                            cx.palette.accent,
                        ));
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    percent_bar(ui, b.percent, width, cx, &untested);
                    if b.percent.is_some() {
                        ui.label(RichText::new(&b.detail).small().color(cx.palette.weak));
                    }
                });
            }
        });
        ui.add_space(6.0);
    }
}

/// The chart of the overall score and the chosen principle, with the choices beside (or under) it.
fn chart(
    ui: &mut egui::Ui,
    vm: &ProgressView,
    targets: &[crate::game::core::Target],
    cx: &Cx,
    out: &mut Vec<Action>,
) {
    let Some(c) = &vm.chart else { return };
    if c.overall.is_empty() {
        ui.label(crate::i18n::tr(vm.lang, "progress-chart-empty"));
    } else {
        let height = (ui.available_height() * 0.6).clamp(160.0, 420.0);
        egui_plot::Plot::new("progress_chart")
            .height(height)
            .include_y(0.0)
            .include_y(100.0)
            // Whole attempts from the first to the last (at least five), never negative ones.
            .include_x(0.5)
            .include_x((c.overall.len().max(5) as f64) + 0.5)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .x_axis_label(c.axes.0.clone())
            .y_axis_label(c.axes.1.clone())
            .legend(egui_plot::Legend::default())
            .show(ui, |plot| {
                plot.line(
                    egui_plot::Line::new(c.overall_label.clone(), c.overall.clone())
                        .color(cx.palette.accent)
                        .width(3.0),
                );
                plot.points(
                    egui_plot::Points::new(c.overall_label.clone(), c.overall.clone())
                        .color(cx.palette.accent)
                        .radius(4.0),
                );
                if let Some((title, points)) = &c.principle {
                    plot.line(
                        egui_plot::Line::new(title.clone(), points.clone())
                            .color(cx.palette.good)
                            .width(2.5)
                            .style(egui_plot::LineStyle::dashed_loose()),
                    );
                    plot.points(
                        egui_plot::Points::new(title.clone(), points.clone())
                            .color(cx.palette.good)
                            .shape(egui_plot::MarkerShape::Square)
                            .radius(4.0),
                    );
                }
            });
    }
    ui.add_space(8.0);
    ui.label(RichText::new(crate::i18n::tr(vm.lang, "progress-chart-choose")).strong());
    ui.horizontal_wrapped(|ui| {
        let n = targets.len();
        for (i, t) in targets.iter().enumerate().take(n.saturating_sub(1)) {
            let chosen = matches!(
                &t.action,
                Action::Progress(crate::game::core::ProgressAction::Chart(id)) if *id == vm.chart_chosen
            );
            let mut text = RichText::new(&t.label);
            if chosen {
                text = text.strong().color(cx.palette.good);
            }
            if small_button(ui, text, cx.focus == i, cx).clicked() {
                out.push(t.action.clone());
            }
        }
    });
}

/// The history's attempts or the path's scenarios: one full-width button each.
fn rows(
    ui: &mut egui::Ui,
    vm: &ProgressView,
    targets: &[crate::game::core::Target],
    cx: &Cx,
    out: &mut Vec<Action>,
) {
    if let Some(d) = &vm.detail {
        card_frame(cx, false).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(&d.heading).strong());
            ui.label(coloured(&d.why, cx.palette.accent));
            for line in &d.lines {
                ui.label(line);
            }
        });
        ui.add_space(6.0);
    }
    if let Some(note) = &vm.history_note {
        hint(ui, note, cx);
    }
    let width = ui.available_width();
    let n = targets.len();
    for (i, t) in targets.iter().enumerate().take(n.saturating_sub(1)) {
        let mut label = RichText::new(&t.label);
        // The path's targets are its steps, in order.
        if let Some(step) = vm.path.get(i).filter(|_| vm.tab == ProgressTab::Path) {
            label = RichText::new(format!("{}\n{}", step.title, step.detail));
            if step.done {
                label = label.color(cx.palette.good);
            }
        }
        let r = sized_button(ui, label, 17.0, cx.focus == i, cx, egui::vec2(width, 0.0));
        if r.clicked() {
            out.push(t.action.clone());
        }
    }
}

/// The progress screen's plugin.
pub(crate) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(UiSet::Screens)
            .run_if(on_screen(Screen::Progress)),
    );
}

fn draw(
    mut env: ViewEnv,
    state: Res<ProgressState>,
    saves: Option<Res<Saves>>,
    content: Res<Content>,
    tab: Option<Res<State<ProgressTab>>>,
) -> Result {
    let vm = ProgressView::new(
        &state,
        saves.as_deref(),
        &content.library,
        tab.map(|t| *t.get()).unwrap_or_default(),
        env.settings.lang,
    );
    env.draw(&vm, show)
}
