//! The one egui system: it builds the current screen's view model, draws it, and sends back what the
//! player clicked. It also applies the theme and text scale, and the presenter's blank screen.

use super::content::{Content, ReloadNotice};
use super::flow::{Action, Session};
use super::settings::Settings;
use super::theme::{self, Palette};
use super::views::{self, Cx};
use super::{Screen, i18n};

use bevy::prelude::*;
use bevy::window::{PrimaryWindow, RequestRedraw};
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .add_systems(Startup, spawn_camera)
        .configure_sets(
            EguiPrimaryContextPass,
            (UiSet::Prepare, UiSet::Screens, UiSet::Finish).chain(),
        )
        .add_systems(EguiPrimaryContextPass, prepare.in_set(UiSet::Prepare))
        .add_systems(EguiPrimaryContextPass, finish.in_set(UiSet::Finish))
        .add_plugins((
            views::title::plugin,
            views::picker::plugin,
            views::dialogue::plugin,
            views::debrief::plugin,
            views::settings::plugin,
        ))
        .add_systems(Update, window_title);
}

/// egui draws through a camera: the first one becomes its primary context.
fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

/// What the shared set-up reads.
#[derive(bevy::ecs::system::SystemParam)]
pub struct ViewData<'w> {
    settings: Res<'w, Settings>,
    content: Res<'w, Content>,
    notice: Res<'w, ReloadNotice>,
    time: Res<'w, Time>,
}

/// What the theme was last set up for: (high contrast, text scale).
#[derive(Default)]
pub struct Applied(Option<(bool, u16)>);

/// The order of the egui systems: shared set-up, then the current screen's view, then clean-up.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UiSet {
    /// Theme, text scale, background, blank screen, reload note.
    Prepare,
    /// The one screen plugin whose state is active draws its view.
    Screens,
    /// Frame bookkeeping after the views.
    Finish,
}

/// Theme, fonts and zoom when they change; the background; the blank screen and the reload note.
fn prepare(
    mut contexts: EguiContexts,
    data: ViewData,
    session: Res<Session>,
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
    let cx = cx(&session, s);
    let mut root = root_ui(&ctx);
    root.painter()
        .rect_filled(ctx.content_rect(), 0.0, cx.palette.background);
    if session.blank {
        blank(&mut root, s.lang, &cx);
    } else {
        reload_toast(&ctx, &data, &cx);
    }
    Ok(())
}

/// The keyboard highlight has been scrolled into sight by the view that drew it.
fn finish(mut session: ResMut<Session>) {
    session.focus_moved = false;
}

/// A root `Ui` over the whole window, as egui 0.36 panels need one.
pub fn root_ui(ctx: &egui::Context) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.content_rect()),
    )
}

/// The view context for the current session and settings.
pub fn cx(session: &Session, settings: &Settings) -> Cx {
    Cx {
        focus: session.focus,
        focus_moved: session.focus_moved,
        palette: Palette::new(settings.high_contrast),
    }
}

/// Runs a screen's view system only on its own screen, and not while the screen is blanked.
pub fn on_screen(screen: Screen) -> impl FnMut(Option<Res<State<Screen>>>, Res<Session>) -> bool {
    move |state: Option<Res<State<Screen>>>, session: Res<Session>| {
        !session.blank && state.is_some_and(|s| *s.get() == screen)
    }
}

/// Draws one screen's view model over the whole window and sends back what was clicked.
pub fn draw_view<V>(
    contexts: &mut EguiContexts,
    session: &Session,
    settings: &Settings,
    emit: &mut Emit,
    vm: &V,
    show: fn(&mut egui::Ui, &V, &Cx, &mut Vec<Action>),
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let mut out = Vec::new();
    show(&mut root_ui(&ctx), vm, &cx(session, settings), &mut out);
    emit.send(out);
    Ok(())
}

/// Sends what a view returned as actions, and asks for the frame that applies them.
#[derive(bevy::ecs::system::SystemParam)]
pub struct Emit<'w> {
    actions: MessageWriter<'w, Action>,
    redraw: MessageWriter<'w, RequestRedraw>,
}

impl Emit<'_> {
    /// Writes the actions, if any.
    pub fn send(&mut self, out: Vec<Action>) {
        if !out.is_empty() {
            self.actions.write_batch(out);
            // The actions are applied in the next frame; make sure there is one in reactive mode.
            self.redraw.write(RequestRedraw);
        }
    }
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
