//! The one egui system: it builds the current screen's view model, draws it, and sends back what the
//! player clicked. It also applies the theme and text scale, and the presenter's blank screen.

use super::content::{Content, Progress, ReloadNotice};
use super::flow::{Action, Session};
use super::settings::{Settings, SettingsStore};
use super::theme::{self, Palette};
use super::views::{self, Cx};
use super::{Screen, i18n};
use bevy::prelude::*;
use bevy::window::{PrimaryWindow, RequestRedraw};
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .add_systems(Startup, spawn_camera)
        .add_systems(EguiPrimaryContextPass, draw)
        .add_systems(Update, window_title);
}

/// egui draws through a camera: the first one becomes its primary context.
fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

/// Everything the views read.
#[derive(bevy::ecs::system::SystemParam)]
pub struct ViewData<'w> {
    screen: Res<'w, State<Screen>>,
    settings: Res<'w, Settings>,
    store: Res<'w, SettingsStore>,
    content: Res<'w, Content>,
    progress: Res<'w, Progress>,
    notice: Res<'w, ReloadNotice>,
    time: Res<'w, Time>,
}

/// What the theme was last set up for: (high contrast, text scale).
#[derive(Default)]
pub struct Applied(Option<(bool, u16)>);

fn draw(
    mut contexts: EguiContexts,
    data: ViewData,
    mut session: ResMut<Session>,
    mut actions: MessageWriter<Action>,
    mut redraw: MessageWriter<RequestRedraw>,
    mut applied: Local<Applied>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let s = &*data.settings;
    if applied.0.map(|a| a.0) != Some(s.high_contrast) {
        theme::install_fonts(&ctx, s.high_contrast);
    }
    if applied.0 != Some((s.high_contrast, s.text_scale)) {
        theme::apply(&ctx, s.high_contrast);
        ctx.set_zoom_factor(s.zoom());
        applied.0 = Some((s.high_contrast, s.text_scale));
    }
    // The game's own highlight drives the keyboard; egui's focus would let Space or Enter click a
    // button a second time.
    ctx.memory_mut(|m| {
        if let Some(id) = m.focused() {
            m.surrender_focus(id);
        }
    });
    let cx = Cx {
        focus: session.focus,
        focus_moved: session.focus_moved,
        palette: Palette::new(s.high_contrast),
    };
    let mut root = egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.content_rect()),
    );
    root.painter()
        .rect_filled(ctx.content_rect(), 0.0, cx.palette.background);
    let mut out = Vec::new();
    let lang = s.lang;
    if session.blank {
        blank(&mut root, lang, &cx);
    } else {
        match data.screen.get() {
            Screen::Title => views::title::show(
                &mut root,
                &views::title::TitleView::new(lang),
                &cx,
                &mut out,
            ),
            Screen::Picker => {
                let vm = views::picker::PickerView::new(&data.content, &data.progress, s);
                views::picker::show(&mut root, &vm, &cx, &mut out);
            }
            Screen::Dialogue => {
                if let Some(active) = &session.active {
                    let vm = views::dialogue::DialogueView::new(
                        active,
                        &data.content.library,
                        lang,
                        session.confirm_abandon,
                    );
                    views::dialogue::show(&mut root, &vm, &cx, &mut out);
                }
            }
            Screen::Debrief => {
                if let Some(d) = &session.debrief {
                    let vm = views::debrief::DebriefView::new(
                        d,
                        &data.content.library,
                        lang,
                        session.tab,
                    );
                    views::debrief::show(&mut root, &vm, &cx, &mut out);
                }
            }
            Screen::Settings => {
                let vm = views::settings::SettingsView::new(s, &data.store);
                views::settings::show(&mut root, &vm, &cx, &mut out);
            }
        }
        reload_toast(&ctx, &data, &cx);
    }
    session.focus_moved = false;
    if !out.is_empty() {
        actions.write_batch(out);
        // The actions are applied in the next frame; make sure there is one in reactive mode.
        redraw.write(RequestRedraw);
    }
    Ok(())
}

/// The presenter's blank screen: plain background and one small hint.
fn blank(ui: &mut egui::Ui, lang: crate::engine::text::Lang, cx: &Cx) {
    let rect = ui.max_rect();
    ui.painter().rect_filled(rect, 0.0, egui::Color32::BLACK);
    ui.painter().text(
        rect.right_bottom() - egui::vec2(12.0, 12.0),
        egui::Align2::RIGHT_BOTTOM,
        i18n::BLANK_HINT.get(lang),
        egui::FontId::proportional(13.0),
        cx.palette.weak.gamma_multiply(0.4),
    );
}

/// A note in the corner for a few seconds after the scenario folder was reloaded.
fn reload_toast(ctx: &egui::Context, data: &ViewData, cx: &Cx) {
    const SHOWN_FOR: f64 = 4.0;
    let Some(at) = data.notice.at else {
        return;
    };
    let age = data.time.elapsed_secs_f64() - at;
    if !(0.0..SHOWN_FOR).contains(&age) {
        return;
    }
    egui::Area::new(egui::Id::new("reload_toast"))
        .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -16.0))
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(cx.palette.card)
                .stroke(egui::Stroke::new(cx.palette.line, cx.palette.accent))
                .corner_radius(8.0)
                .inner_margin(egui::Margin::same(10))
                .show(ui, |ui| {
                    let lib = &data.content.library;
                    ui.label(
                        egui::RichText::new(format!(
                            "{}: {}",
                            i18n::RELOADED.get(data.settings.lang),
                            i18n::reload_counts(
                                lib.scenarios.len(),
                                lib.problems.len(),
                                data.settings.lang
                            )
                        ))
                        .strong(),
                    );
                });
        });
    // Ask for a frame when the note should disappear, since nothing else may wake the window.
    ctx.request_repaint_after(std::time::Duration::from_secs_f64(SHOWN_FOR - age + 0.05));
}

/// The window title follows the language.
fn window_title(settings: Res<Settings>, mut windows: Query<&mut Window, With<PrimaryWindow>>) {
    if !settings.is_changed() {
        return;
    }
    for mut w in &mut windows {
        let title = i18n::APP_NAME.get(settings.lang);
        if w.title != title {
            w.title = title.to_string();
        }
    }
}
