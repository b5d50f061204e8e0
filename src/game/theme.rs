//! Fonts, text sizes and the two colour themes: a calm dark one and a high-contrast light one made
//! to be read from the back of a room.

use crate::engine::model::EndingKind;
use bevy_egui::egui::{self, Color32, FontFamily, FontId, Stroke, TextStyle};
use std::sync::Arc;

/// DejaVu Sans, the fallback font: it covers the rouble sign and keeps Cyrillic working even if
/// egui's own default fonts change.
const FALLBACK_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// The colours the views use beyond egui's own widgets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Ordinary text.
    pub text: Color32,
    /// Secondary text: hints, captions.
    pub weak: Color32,
    /// The window background.
    pub background: Color32,
    /// Cards and panels.
    pub card: Color32,
    /// The Client's bubbles.
    pub client: Color32,
    /// The trainee's bubbles.
    pub you: Color32,
    /// Other characters' bubbles.
    pub other: Color32,
    /// Headings and highlights.
    pub accent: Color32,
    /// Upheld principles, good scores.
    pub good: Color32,
    /// Broken principles, low scores.
    pub bad: Color32,
    /// Middling scores.
    pub middle: Color32,
    /// The keyboard highlight's outline.
    pub focus: Color32,
    /// The keyboard highlight's fill: on a projector the highlight must stand out more than a
    /// mouse hover, so it is filled as well as outlined.
    pub focus_fill: Color32,
    /// How thick outlines are.
    pub line: f32,
    /// The four quiz answer tiles (each also has its own shape), dark enough for white text.
    pub tiles: [Color32; 4],
}

impl Palette {
    /// The palette for the chosen contrast.
    pub fn new(high_contrast: bool) -> Palette {
        if high_contrast {
            Palette {
                text: Color32::BLACK,
                weak: Color32::from_gray(40),
                background: Color32::WHITE,
                card: Color32::from_gray(245),
                client: Color32::from_rgb(255, 236, 179),
                you: Color32::from_rgb(204, 229, 255),
                other: Color32::from_rgb(225, 245, 225),
                accent: Color32::from_rgb(0, 0, 160),
                good: Color32::from_rgb(0, 110, 0),
                bad: Color32::from_rgb(180, 0, 0),
                middle: Color32::from_rgb(140, 90, 0),
                focus: Color32::from_rgb(0, 0, 0),
                focus_fill: Color32::from_rgb(255, 221, 64),
                line: 3.0,
                tiles: [
                    Color32::from_rgb(170, 0, 30),
                    Color32::from_rgb(0, 60, 170),
                    Color32::from_rgb(130, 82, 0),
                    Color32::from_rgb(0, 105, 40),
                ],
            }
        } else {
            Palette {
                text: Color32::from_gray(235),
                weak: Color32::from_gray(175),
                background: Color32::from_rgb(24, 28, 36),
                card: Color32::from_rgb(36, 42, 54),
                client: Color32::from_rgb(58, 52, 40),
                you: Color32::from_rgb(34, 62, 96),
                other: Color32::from_rgb(40, 64, 48),
                accent: Color32::from_rgb(120, 190, 255),
                good: Color32::from_rgb(110, 210, 120),
                bad: Color32::from_rgb(255, 120, 110),
                middle: Color32::from_rgb(240, 190, 90),
                focus: Color32::from_rgb(255, 210, 80),
                focus_fill: Color32::from_rgb(74, 88, 116),
                line: 2.0,
                tiles: [
                    Color32::from_rgb(204, 45, 60),
                    Color32::from_rgb(35, 100, 200),
                    Color32::from_rgb(176, 118, 0),
                    Color32::from_rgb(30, 135, 60),
                ],
            }
        }
    }

    /// A colour for how a conversation ended: good, middling or bad.
    pub fn for_ending(&self, kind: EndingKind) -> Color32 {
        match kind {
            EndingKind::Wow | EndingKind::Resolved => self.good,
            EndingKind::Partial | EndingKind::Parted => self.middle,
            EndingKind::Escalated | EndingKind::Lost => self.bad,
        }
    }

    /// A colour for a percentage: red below 50, amber below 80, green from 80.
    pub fn for_percent(&self, percent: u8) -> Color32 {
        match percent {
            0..50 => self.bad,
            50..80 => self.middle,
            _ => self.good,
        }
    }
}

/// Installs the fonts. In the normal theme egui's defaults come first and DejaVu Sans fills in
/// missing glyphs; in high contrast DejaVu Sans comes first, as its heavier strokes stay readable
/// on a projector where egui's light default face washes out.
pub fn install_fonts(ctx: &egui::Context, high_contrast: bool) {
    ctx.set_fonts(font_definitions(high_contrast));
}

/// The font families for the chosen contrast: which faces egui tries, in order, for each character.
pub fn font_definitions(high_contrast: bool) -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu".into(),
        Arc::new(egui::FontData::from_static(FALLBACK_FONT)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let list = fonts.families.entry(family.clone()).or_default();
        if high_contrast && family == FontFamily::Proportional {
            list.insert(0, "dejavu".into());
        } else {
            list.push("dejavu".into());
        }
    }
    fonts
}

/// Applies text sizes and colours for the chosen contrast. Text scale is applied separately, as
/// egui's zoom, so that spacing grows with the text.
pub fn apply(ctx: &egui::Context, high_contrast: bool) {
    let p = Palette::new(high_contrast);
    ctx.options_mut(|o| {
        // Ctrl+ and Ctrl− are the game's own keys, kept within 100–250% and saved.
        o.zoom_with_keyboard = false;
    });
    let mut visuals = if high_contrast {
        egui::Visuals::light()
    } else {
        egui::Visuals::dark()
    };
    visuals.override_text_color = Some(p.text);
    visuals.panel_fill = p.background;
    visuals.window_fill = p.card;
    visuals.extreme_bg_color = p.card;
    visuals.selection.bg_fill = p.accent.gamma_multiply(0.5);
    visuals.hyperlink_color = p.accent;
    if high_contrast {
        for w in [
            &mut visuals.widgets.inactive,
            &mut visuals.widgets.hovered,
            &mut visuals.widgets.active,
            &mut visuals.widgets.noninteractive,
        ] {
            w.bg_stroke = Stroke::new(2.0, Color32::BLACK);
            w.fg_stroke = Stroke::new(2.0, Color32::BLACK);
        }
        visuals.widgets.inactive.weak_bg_fill = Color32::from_gray(230);
        // A hover is a light grey; the keyboard highlight (yellow, outlined) stays the strongest.
        visuals.widgets.hovered.weak_bg_fill = Color32::from_gray(205);
    } else {
        visuals.widgets.inactive.weak_bg_fill = Color32::from_rgb(50, 60, 78);
        visuals.widgets.hovered.weak_bg_fill = Color32::from_rgb(66, 80, 104);
    }
    ctx.all_styles_mut(|s| {
        s.visuals = visuals.clone();
        s.text_styles = [
            (TextStyle::Small, FontId::proportional(15.0)),
            (TextStyle::Body, FontId::proportional(19.0)),
            (TextStyle::Button, FontId::proportional(20.0)),
            (TextStyle::Heading, FontId::proportional(27.0)),
            (TextStyle::Monospace, FontId::monospace(15.0)),
        ]
        .into();
        s.spacing.item_spacing = egui::vec2(10.0, 8.0);
        s.spacing.button_padding = egui::vec2(14.0, 8.0);
        s.spacing.scroll.bar_width = 12.0;
    });
}
