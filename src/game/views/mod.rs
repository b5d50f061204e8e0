//! The egui views. Each screen has a view model, built by a plain function from the game's resources,
//! and a `show` function that draws it and returns the [`Action`]s the player triggered.
//!
//! Both the views and the keyboard use the view model's `targets`, the ordered list of what can be
//! activated on screen, so a key and a click always do the same thing. The models themselves live
//! in [`crate::game::models`], without egui.

pub mod debrief;
pub mod dialogue;
pub mod face;
pub mod picker;
pub mod profiles;
pub mod progress;
pub mod question;
pub mod quiz;
pub mod settings;
pub mod team;
pub mod team_map;
pub mod title;

use super::theme::Palette;
pub use crate::game::models::{Mark, marks, quoted};
use bevy_egui::egui::{self, Color32, RichText, Stroke};

/// What every view needs besides its model: the keyboard highlight and the colours.
#[derive(Debug, Clone, Copy)]
pub struct Cx {
    /// The index of the highlighted target.
    pub focus: usize,
    /// The highlight moved by keyboard this frame: scroll it into sight.
    pub focus_moved: bool,
    /// The screen just changed: scroll areas start at their top.
    pub reset_scroll: bool,
    /// Pages the keyboard asked the main scroll area to move (+1 down, −1 up).
    pub page_request: i32,
    /// The trainer switched the presenter layout on, whatever the window and text size.
    pub presenter: bool,
    /// The colours of the current theme.
    pub palette: Palette,
}

impl Cx {
    /// A context with the highlight on the first item, in the dark theme.
    pub fn plain() -> Cx {
        Cx {
            focus: 0,
            focus_moved: false,
            reset_scroll: false,
            page_request: 0,
            presenter: false,
            palette: Palette::new(false),
        }
    }
}

/// A large button that shows the keyboard highlight as a thick outline.
pub fn big_button(
    ui: &mut egui::Ui,
    text: impl Into<RichText>,
    focused: bool,
    cx: &Cx,
) -> egui::Response {
    big_button_sized(ui, text, focused, cx, egui::vec2(0.0, 44.0))
}

/// A smaller button for the presenter layout, with the same keyboard highlight.
pub fn small_button(
    ui: &mut egui::Ui,
    text: impl Into<RichText>,
    focused: bool,
    cx: &Cx,
) -> egui::Response {
    sized_button(ui, text, 15.0, focused, cx, egui::Vec2::ZERO)
}

/// A button with its own text size and minimum size, with the keyboard highlight: outlined and
/// filled, scrolled into sight when the keys moved it, and reported when it is off screen.
pub fn sized_button(
    ui: &mut egui::Ui,
    text: impl Into<RichText>,
    size: f32,
    focused: bool,
    cx: &Cx,
    min: egui::Vec2,
) -> egui::Response {
    let text: RichText = text.into();
    let mut button = egui::Button::new(text.size(size)).min_size(min);
    if focused {
        button = button
            .stroke(Stroke::new(cx.palette.line + 1.5, cx.palette.focus))
            .fill(cx.palette.focus_fill);
    }
    let response = ui.add(button);
    if focused {
        if cx.focus_moved {
            response.scroll_to_me(None);
        }
        note_focus_visible(ui, &response);
    }
    response
}

/// A large button with a minimum size.
pub fn big_button_sized(
    ui: &mut egui::Ui,
    text: impl Into<RichText>,
    focused: bool,
    cx: &Cx,
    min: egui::Vec2,
) -> egui::Response {
    sized_button(ui, text, 21.0, focused, cx, min)
}

/// Records whether the highlighted target is fully on screen, so that Enter never starts what the
/// player cannot see (the keyboard reads it through [`FrameReport`]).
pub fn note_focus_visible(ui: &egui::Ui, response: &egui::Response) {
    let visible = ui.clip_rect().contains_rect(response.rect.shrink(1.0));
    ui.ctx().data_mut(|d| {
        d.get_temp_mut_or_default::<FrameReport>(report_id())
            .focus_visible = Some(visible)
    });
}

/// What a view found out while drawing, for the game core: where its main scroll area is and
/// whether the highlight is visible. Kept in egui's frame memory and read after the views.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FrameReport {
    /// The main scroll area: (at top, at bottom, page, pages).
    pub page: Option<(bool, bool, usize, usize)>,
    /// Whether the highlighted target was fully on screen.
    pub focus_visible: Option<bool>,
}

/// The id under which the frame's report is kept.
pub fn report_id() -> egui::Id {
    egui::Id::new("client_first_frame_report")
}

/// The last frame's geometry of a paged area: (offset, viewport height, content height).
#[derive(Debug, Clone, Copy, Default)]
struct PagedGeometry(f32, f32, f32);

/// The main scroll area of a screen: it starts at its top when the screen opens, moves a page at a
/// time for the presenter's clicker, and shows "2 / 5" in its corner when it has several pages.
pub fn paged<R>(
    ui: &mut egui::Ui,
    cx: &Cx,
    id: impl std::hash::Hash + std::fmt::Debug,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let key = egui::Id::new(("paged", &id));
    let last: PagedGeometry = ui.ctx().data(|d| d.get_temp(key)).unwrap_or_default();
    let mut area = egui::ScrollArea::vertical()
        .id_salt(("paged_area", &id))
        .auto_shrink([false, false]);
    if cx.reset_scroll {
        area = area.vertical_scroll_offset(0.0);
    } else if cx.page_request != 0 {
        // A page is most of the visible height, so a line at the fold is seen twice, not never.
        let step = (last.1 * 0.85).max(40.0);
        let max = (last.2 - last.1).max(0.0);
        let to = (last.0 + step * cx.page_request as f32).clamp(0.0, max);
        area = area.vertical_scroll_offset(to);
    }
    let out = area.show(ui, add);
    let (offset, view, content) = (
        out.state.offset.y,
        out.inner_rect.height(),
        out.content_size.y,
    );
    ui.ctx()
        .data_mut(|d| d.insert_temp(key, PagedGeometry(offset, view, content)));
    let room = (content - view).max(0.0);
    let at_top = offset <= 1.0;
    let at_bottom = offset >= room - 1.0;
    let pages = if view > 0.0 && content > view + 1.0 {
        (content / (view * 0.85)).ceil().max(1.0) as usize
    } else {
        1
    };
    let page = if at_bottom {
        pages
    } else {
        ((offset / (view * 0.85).max(1.0)).floor() as usize + 1).min(pages)
    };
    ui.ctx().data_mut(|d| {
        d.get_temp_mut_or_default::<FrameReport>(report_id()).page =
            Some((at_top, at_bottom, page, pages))
    });
    if pages > 1 {
        let rect = out.inner_rect;
        ui.painter().text(
            rect.right_bottom() - egui::vec2(10.0, 6.0),
            egui::Align2::RIGHT_BOTTOM,
            format!("{page} / {pages}"),
            egui::FontId::proportional(16.0),
            cx.palette.weak,
        );
    }
    out.inner
}

/// A small caption in the weak colour.
pub fn hint(ui: &mut egui::Ui, text: impl AsRef<str>, cx: &Cx) {
    ui.label(RichText::new(text.as_ref()).small().color(cx.palette.weak));
}

/// A rounded card frame.
pub fn card_frame(cx: &Cx, focused: bool) -> egui::Frame {
    let stroke = if focused {
        Stroke::new(cx.palette.line + 1.5, cx.palette.focus)
    } else {
        Stroke::new(1.0, cx.palette.weak.gamma_multiply(0.5))
    };
    egui::Frame::new()
        .fill(cx.palette.card)
        .stroke(stroke)
        .corner_radius(10.0)
        .inner_margin(egui::Margin::same(14))
}

/// A horizontal bar of `percent`, in the colour for that percentage, with the number after it.
pub fn percent_bar(
    ui: &mut egui::Ui,
    percent: Option<u8>,
    width: f32,
    cx: &Cx,
    none: impl AsRef<str>,
) {
    ui.horizontal(|ui| {
        let height = 18.0;
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
        let painter = ui.painter();
        painter.rect_filled(rect, 4.0, cx.palette.background);
        if let Some(p) = percent {
            let w = rect.width() * f32::from(p) / 100.0;
            let bar = egui::Rect::from_min_size(rect.min, egui::vec2(w, height));
            painter.rect_filled(bar, 4.0, cx.palette.for_percent(p));
        }
        painter.rect_stroke(
            rect,
            4.0,
            Stroke::new(1.0, cx.palette.weak),
            egui::StrokeKind::Inside,
        );
        match percent {
            Some(p) => ui.label(RichText::new(format!("{p}%")).strong()),
            None => ui.label(RichText::new(none.as_ref()).small().color(cx.palette.weak)),
        };
    });
}

/// Text in a colour, strong.
pub fn coloured(text: impl Into<String>, colour: Color32) -> RichText {
    RichText::new(text.into()).color(colour).strong()
}
