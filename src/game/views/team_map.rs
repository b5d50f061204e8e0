//! The path map on the projector: the scenario's branching as columns of nodes, every arrow thin,
//! the best path in the "good" colour, earlier paths dashed, and the room's path thick on top with
//! its decisions numbered, so the room sees at a glance where it went and where the best replies
//! led.

use super::{Cx, coloured, hint};
use crate::game::models::team::MapView;
use crate::team::map::{MapEdge, MapNodeKind};
use bevy_egui::egui::{self, Color32, Pos2, Stroke};

/// Draws the map in the space left on the tab.
pub fn show(ui: &mut egui::Ui, m: &MapView, small: bool, cx: &Cx) {
    ui.horizontal_wrapped(|ui| {
        ui.label(coloured(format!("━ {}", m.legend[0]), cx.palette.accent));
        ui.label(coloured(format!("━ {}", m.legend[1]), cx.palette.good));
        if !m.earlier.is_empty() {
            ui.label(coloured(format!("┅ {}", m.legend[2]), cx.palette.middle));
        }
    });
    if !small {
        hint(ui, &m.hint, cx);
    }
    let width = ui.available_width();
    let height = (ui.available_height() - 8.0).max(if small { 140.0 } else { 260.0 });
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    let map = &m.map;
    if map.nodes.is_empty() {
        return;
    }
    let painter = ui.painter_at(rect);
    let columns = map.columns.max(1) as f32;
    let mut per_column = vec![0usize; map.columns.max(1)];
    for n in &map.nodes {
        per_column[n.layer] = per_column[n.layer].max(n.slot + 1);
    }
    let dx = rect.width() / columns;
    // Each column spreads its own nodes over the height, so a column of two is not squeezed into
    // the top of a map whose busiest column has eight.
    let pos: Vec<Pos2> = map
        .nodes
        .iter()
        .map(|n| {
            let rows = per_column[n.layer].max(1) as f32;
            let dy = rect.height() / rows;
            Pos2::new(
                rect.min.x + dx * (n.layer as f32 + 0.5),
                rect.min.y + dy * (n.slot as f32 + 0.5),
            )
        })
        .collect();
    let radius = (dx.min(rect.height() / map.rows.max(1) as f32) * 0.18).clamp(3.0, 12.0);
    let line = |e: &MapEdge, offset: f32| -> Vec<Pos2> {
        let (a, b) = (pos[e.from], pos[e.to]);
        let normal = (b - a).normalized().rot90() * offset;
        if e.back || e.from == e.to {
            // A loop curves above the nodes, so it never hides the arrows going forward.
            let lift = egui::vec2(0.0, -(dx * 0.35 + 12.0));
            let mid = Pos2::new((a.x + b.x) / 2.0, a.y.min(b.y)) + lift;
            vec![a + normal, mid + normal, b + normal]
        } else {
            vec![a + normal, b + normal]
        }
    };
    let draw = |points: Vec<Pos2>, stroke: Stroke, dashed: bool| {
        if dashed {
            let pts: Vec<Pos2> = points;
            painter.extend(egui::Shape::dashed_line(&pts, stroke, 8.0, 5.0));
        } else if points.len() == 3 {
            painter.add(egui::epaint::QuadraticBezierShape::from_points_stroke(
                [points[0], points[1], points[2]],
                false,
                Color32::TRANSPARENT,
                stroke,
            ));
        } else {
            painter.line_segment([points[0], points[1]], stroke);
        }
    };
    let thin = Stroke::new(1.0, cx.palette.weak.gamma_multiply(0.45));
    for e in &map.edges {
        draw(line(e, 0.0), thin, false);
    }
    let w = if small { 2.0 } else { 3.5 };
    for path in &m.earlier {
        for i in path {
            draw(
                line(&map.edges[*i], -w),
                Stroke::new(w * 0.8, cx.palette.middle),
                true,
            );
        }
    }
    for i in &m.best {
        draw(
            line(&map.edges[*i], w * 0.7),
            Stroke::new(w, cx.palette.good),
            false,
        );
    }
    for i in &m.room {
        draw(
            line(&map.edges[*i], -w * 0.7),
            Stroke::new(w * 1.3, cx.palette.accent),
            false,
        );
    }
    for (n, p) in map.nodes.iter().zip(&pos) {
        let (fill, r) = match n.kind {
            MapNodeKind::Ending(kind) => (cx.palette.for_ending(kind), radius * 1.2),
            MapNodeKind::Decision => (cx.palette.card, radius),
            MapNodeKind::Lines => (cx.palette.card, radius * 0.6),
        };
        painter.circle(*p, r, fill, Stroke::new(1.0, cx.palette.weak));
    }
    let font = egui::FontId::proportional(if small { 11.0 } else { 16.0 });
    for (node, step) in &m.steps {
        let p = pos[*node];
        painter.circle_filled(p, radius * 1.1, cx.palette.accent);
        painter.text(
            p,
            egui::Align2::CENTER_CENTER,
            step.to_string(),
            font.clone(),
            cx.palette.background,
        );
    }
}
