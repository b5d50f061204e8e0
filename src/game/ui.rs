//! The one egui system: it builds the current screen's view model, draws it, and sends back what the
//! player clicked. It also applies the theme and text scale, and the presenter's blank screen.

use super::core::content::{Content, ReloadNotice};
use super::core::settings::Settings;
use super::core::{Action, Focus, Overlay, Presenter, Screen, Scroll};
use super::i18n;
use super::theme::{self, Palette};
use super::views::{self, Cx};

use bevy::prelude::*;
use bevy::window::{PrimaryWindow, RequestRedraw};
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .add_systems(Startup, spawn_camera)
        .configure_sets(
            EguiPrimaryContextPass,
            (
                UiSet::Prepare,
                UiSet::Screens,
                UiSet::Overlays,
                UiSet::Finish,
            )
                .chain(),
        )
        .add_systems(EguiPrimaryContextPass, prepare.in_set(UiSet::Prepare))
        .add_systems(EguiPrimaryContextPass, finish.in_set(UiSet::Finish))
        .add_plugins((
            views::title::plugin,
            views::picker::plugin,
            views::dialogue::plugin,
            views::debrief::plugin,
            views::settings::plugin,
            views::question::plugin,
            views::profiles::plugin,
            views::progress::plugin,
            views::quiz::plugin,
            views::team::plugin,
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
    /// An open question is drawn over the screen.
    Overlays,
    /// Frame bookkeeping after the views.
    Finish,
}

/// Theme, fonts and zoom when they change; the background; the blank screen and the reload note.
fn prepare(
    mut contexts: EguiContexts,
    data: ViewData,
    focus: Res<Focus>,
    presenter: Res<State<Presenter>>,
    typing: Res<super::core::TextEntry>,
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
    // button a second time. A text field that has the keyboard (a name, the vote counts) keeps it,
    // or nothing could ever be typed into it.
    if !typing.0 {
        ctx.memory_mut(|m| {
            if let Some(id) = m.focused() {
                m.surrender_focus(id);
            }
        });
    }
    let cx = cx(&focus, &Scroll::default(), s);
    // A new frame report: a screen without a paged area reports nothing to page.
    ctx.data_mut(|d| d.remove_temp::<views::FrameReport>(views::report_id()));
    let mut root = root_ui(&ctx);
    root.painter()
        .rect_filled(ctx.content_rect(), 0.0, cx.palette.background);
    if *presenter.get() == Presenter::Blanked {
        blank(&mut root, s.lang, &cx);
    } else {
        reload_toast(&ctx, &data, &cx);
    }
    Ok(())
}

/// The keyboard highlight has been scrolled into sight, a new screen scrolled to its top and the
/// page request carried out by the view that drew it; what the view found goes back to the core.
fn finish(
    mut contexts: EguiContexts,
    mut focus: ResMut<Focus>,
    mut scroll: ResMut<Scroll>,
) -> Result {
    if focus.moved || focus.reset_scroll {
        focus.moved = false;
        focus.reset_scroll = false;
    }
    let report: views::FrameReport = contexts
        .ctx_mut()?
        .data(|d| d.get_temp(views::report_id()))
        .unwrap_or_default();
    let (at_top, at_bottom, page, pages) = report.page.unwrap_or((true, true, 1, 1));
    let next = Scroll {
        request: 0,
        at_top,
        at_bottom,
        page,
        pages,
        focus_visible: report.focus_visible.unwrap_or(true),
    };
    if *scroll != next {
        *scroll = next;
    }
    Ok(())
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

/// The view context for the current highlight, page request and settings.
pub fn cx(focus: &Focus, scroll: &Scroll, settings: &Settings) -> Cx {
    Cx {
        focus: focus.index,
        focus_moved: focus.moved,
        reset_scroll: focus.reset_scroll,
        page_request: scroll.request,
        presenter: settings.presenter,
        palette: Palette::new(settings.high_contrast),
    }
}

/// The states that decide which view draws.
type Shown<'a> = (
    Option<Res<'a, State<Screen>>>,
    Option<Res<'a, State<Overlay>>>,
    Option<Res<'a, State<Presenter>>>,
);

/// Runs a screen's view system only on its own screen, and not while the screen is blanked or the
/// settings cover it. (The questions are drawn over the screen, so it still draws under them.)
pub fn on_screen(screen: Screen) -> impl FnMut(Shown) -> bool {
    move |(s, o, p): Shown| {
        s.is_some_and(|s| *s.get() == screen)
            && o.is_none_or(|o| *o.get() != Overlay::Settings)
            && p.is_none_or(|p| *p.get() == Presenter::Shown)
    }
}

/// Runs an overlay's view system only while it is open and the screen is not blanked.
pub fn on_overlay(overlay: Overlay) -> impl FnMut(Shown) -> bool {
    move |(_, o, p): Shown| {
        o.is_some_and(|o| *o.get() == overlay) && p.is_none_or(|p| *p.get() == Presenter::Shown)
    }
}

/// What every screen's view system needs: egui, the highlight, the settings, what covers the
/// screen, and a way to send actions back.
#[derive(bevy::ecs::system::SystemParam)]
pub struct ViewEnv<'w, 's> {
    contexts: EguiContexts<'w, 's>,
    focus: Res<'w, Focus>,
    scroll: Res<'w, Scroll>,
    /// The settings in use.
    pub settings: Res<'w, Settings>,
    overlay: Option<Res<'w, State<Overlay>>>,
    emit: Emit<'w>,
}

impl ViewEnv<'_, '_> {
    /// Draws one view model over the whole window and sends back what was clicked. Under an open
    /// question the screen shows no highlight: the keys belong to the question.
    pub fn draw<V>(
        &mut self,
        vm: &V,
        show: fn(&mut egui::Ui, &V, &Cx, &mut Vec<Action>),
    ) -> Result {
        let ctx = self.contexts.ctx_mut()?.clone();
        let mut cx = cx(&self.focus, &self.scroll, &self.settings);
        if self
            .overlay
            .as_ref()
            .is_some_and(|o| *o.get() != Overlay::None)
        {
            cx.focus = usize::MAX;
            cx.focus_moved = false;
        }
        let mut out = Vec::new();
        show(&mut root_ui(&ctx), vm, &cx, &mut out);
        self.emit.send(out);
        Ok(())
    }

    /// A flag a view left in egui's memory this frame (whether a text field has the keyboard).
    pub fn flag(&mut self, id: egui::Id) -> bool {
        self.contexts
            .ctx_mut()
            .map(|c| c.data(|d| d.get_temp::<bool>(id).unwrap_or(false)))
            .unwrap_or(false)
    }

    /// Draws an overlay's model with the highlight, over whatever is under it.
    pub fn draw_overlay<V>(
        &mut self,
        vm: &V,
        show: fn(&egui::Context, &V, &Cx, &mut Vec<Action>),
    ) -> Result {
        let ctx = self.contexts.ctx_mut()?.clone();
        let cx = cx(&self.focus, &self.scroll, &self.settings);
        let mut out = Vec::new();
        show(&ctx, vm, &cx, &mut out);
        self.emit.send(out);
        Ok(())
    }
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
            w.title = title;
        }
    }
}
