//! The Client's face, drawn with egui's painter, and the mood meter beside it.
//!
//! No art files: the face is a few shapes whose brows, eyes, mouth and colour follow the mood, so
//! a trainer can see across a room how the conversation is going.

use crate::engine::model::Gender;
use crate::engine::text::Lang;
use crate::game::i18n;
use crate::game::models::mood::Expression;
use crate::game::theme::Palette;
use bevy_egui::egui::{self, Color32, Pos2, Rect, Sense, Shape, Stroke, Vec2, epaint};

/// The colour of the face and of the meter at this mood.
pub fn colour(e: Expression) -> Color32 {
    match e {
        Expression::Furious => Color32::from_rgb(226, 92, 72),
        Expression::Upset => Color32::from_rgb(236, 156, 96),
        Expression::Neutral => Color32::from_rgb(240, 204, 130),
        Expression::Calm => Color32::from_rgb(196, 222, 140),
        Expression::Delighted => Color32::from_rgb(130, 214, 130),
    }
}
/// Draws the face in a square of `size` points.
pub fn face(ui: &mut egui::Ui, mood: i32, size: f32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(size), Sense::hover());
    paint_face(ui.painter(), rect, mood);
    response
}

/// Paints the face into `rect`. Brow tilt, eye size and mouth curve move smoothly with the mood.
pub fn paint_face(painter: &egui::Painter, rect: Rect, mood: i32) {
    let e = Expression::from_mood(mood);
    let c = rect.center();
    let r = rect.width().min(rect.height()) * 0.46;
    let ink = Color32::from_rgb(40, 30, 30);
    let line = Stroke::new((r * 0.07).max(1.5), ink);
    // -1 (furious) … +1 (delighted).
    let m = ((mood.clamp(0, 100) as f32) - 50.0) / 50.0;

    painter.circle(c, r, colour(e), Stroke::new((r * 0.05).max(1.0), ink));

    // Eyes: narrowed when furious, wide and bright when delighted.
    let eye_y = c.y - r * 0.18;
    let eye_dx = r * 0.36;
    let eye_h = r * (0.11 + 0.05 * (m + 1.0) / 2.0);
    for side in [-1.0, 1.0] {
        let centre = Pos2::new(c.x + side * eye_dx, eye_y);
        painter.add(Shape::ellipse_filled(
            centre,
            Vec2::new(r * 0.1, eye_h),
            ink,
        ));
        if m > 0.5 {
            painter.circle_filled(
                centre + Vec2::new(-r * 0.03, -eye_h * 0.4),
                r * 0.03,
                Color32::WHITE,
            );
        }
    }

    // Brows: inner ends down when angry, up when upset, flat and then raised when pleased.
    let brow_y = eye_y - r * 0.28 - (m.max(0.0) * r * 0.08);
    let inner_drop = match e {
        Expression::Furious => r * 0.16,
        Expression::Upset => -r * 0.12,
        _ => 0.0,
    };
    for side in [-1.0, 1.0] {
        let inner = Pos2::new(c.x + side * r * 0.16, brow_y + inner_drop);
        let outer = Pos2::new(c.x + side * r * 0.56, brow_y - inner_drop * 0.3);
        painter.line_segment([inner, outer], line);
    }

    // Mouth: a curve from a deep frown to a wide smile.
    let mouth_y = c.y + r * 0.42;
    let half = r * (0.32 + 0.08 * m.abs());
    let bend = m * r * 0.32;
    let start = Pos2::new(c.x - half, mouth_y - bend * 0.3);
    let end = Pos2::new(c.x + half, mouth_y - bend * 0.3);
    let control = Pos2::new(c.x, mouth_y + bend);
    painter.add(epaint::QuadraticBezierShape::from_points_stroke(
        [start, control, end],
        false,
        Color32::TRANSPARENT,
        line,
    ));

    // Flushed cheeks when furious.
    if e == Expression::Furious {
        for side in [-1.0, 1.0] {
            painter.circle_filled(
                Pos2::new(c.x + side * r * 0.55, c.y + r * 0.15),
                r * 0.12,
                Color32::from_rgba_unmultiplied(200, 30, 30, 90),
            );
        }
    }
}

/// The mood meter: a bar from 0 to 100 in the mood's colour, with the word for the mood.
pub fn mood_meter(
    ui: &mut egui::Ui,
    mood: i32,
    width: f32,
    lang: Lang,
    gender: Gender,
    palette: &Palette,
) {
    let e = Expression::from_mood(mood);
    ui.label(
        egui::RichText::new(format!(
            "{}: {}",
            i18n::MOOD.get(lang),
            e.word(lang, gender)
        ))
        .strong(),
    );
    let height = 16.0;
    let (rect, _) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    let painter = ui.painter();
    painter.rect_filled(rect, 4.0, palette.card);
    // A sliver stays visible at 0, so the colour still tells the mood.
    let filled = (rect.width() * (mood.clamp(0, 100) as f32) / 100.0).max(6.0);
    let bar = Rect::from_min_size(rect.min, Vec2::new(filled, height));
    painter.rect_filled(bar, 4.0, colour(e));
    painter.rect_stroke(
        rect,
        4.0,
        Stroke::new(palette.line * 0.75, palette.text),
        egui::StrokeKind::Inside,
    );
}
