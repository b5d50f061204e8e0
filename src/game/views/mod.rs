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
pub mod question;
pub mod settings;
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

/// A large button with a minimum size.
pub fn big_button_sized(
    ui: &mut egui::Ui,
    text: impl Into<RichText>,
    focused: bool,
    cx: &Cx,
    min: egui::Vec2,
) -> egui::Response {
    let text: RichText = text.into();
    let mut button = egui::Button::new(text.size(21.0)).min_size(min);
    if focused {
        button = button.stroke(Stroke::new(cx.palette.line + 1.5, cx.palette.focus));
    }
    let response = ui.add(button);
    if focused && cx.focus_moved {
        response.scroll_to_me(None);
    }
    response
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
