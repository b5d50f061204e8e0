//! The team session on the projector: the set-up, the lobby with its QR code, the room at play
//! (lines, the vote with its countdown, the reveal's bars per team, the coach's feedback, the top
//! five) and the end (the debrief with the teams and the path map, or the podium).
//!
//! Sizes follow the window: on a projector at 250% text the same screens fit in a quarter of the
//! points, so the QR code, the room code and the bars take what room there is.

use super::{Cx, card_frame, coloured, hint, paged, percent_bar, sized_button};
use crate::game::activities::team::{Qr, TeamState};
use crate::game::core::content::Content;
use crate::game::core::targets::TextEntry;
use crate::game::core::{Action, Screen, Target, TeamAction, TeamTab};
use crate::game::models::team::{
    BoardView, EndView, LobbyView, OptionView, PlayView, SetupView, TeamBadge, tab_label,
};
use crate::game::ui::{UiSet, ViewEnv, on_screen};
use crate::team::session::Stage;
use bevy::prelude::{App, IntoScheduleConfigs, Res, ResMut, Result, State};
use bevy_egui::EguiPrimaryContextPass;
use bevy_egui::egui::{self, Color32, RichText, Stroke};

/// Whether the screen is small in points (large text, a projector layout): smaller type and gaps.
fn compact(ui: &egui::Ui, cx: &Cx) -> bool {
    cx.presenter || ui.available_height() < 450.0 || ui.available_width() < 700.0
}

fn colour(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// A team's name after a dot of its colour.
fn badge(ui: &mut egui::Ui, t: &TeamBadge, size: f32) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
        ui.painter()
            .circle_filled(rect.center(), size * 0.45, colour(t.colour));
        ui.label(RichText::new(&t.name).size(size).strong());
    });
}

/// Draws target `i` as a button with the keyboard highlight.
fn button(ui: &mut egui::Ui, targets: &[Target], i: usize, size: f32, cx: &Cx) -> Option<Action> {
    let t = targets.get(i)?;
    sized_button(ui, &t.label, size, cx.focus == i, cx, egui::Vec2::ZERO)
        .clicked()
        .then(|| t.action.clone())
}

// ------------------------------------------------------------------------------------------ set-up

/// Draws the set-up screen; team names are typed in place.
pub fn show_setup(ui: &mut egui::Ui, vm: &SetupView, cx: &Cx, out: &mut Vec<Action>) {
    let targets = vm.targets();
    let small = compact(ui, cx);
    let (big, normal) = if small { (18.0, 15.0) } else { (24.0, 19.0) };
    let mut typing = false;
    paged(ui, cx, "team_setup", |ui| {
        ui.label(
            RichText::new(&vm.heading)
                .size(if small { 24.0 } else { 32.0 })
                .strong()
                .color(cx.palette.accent),
        );
        hint(ui, &vm.hint, cx);
        ui.add_space(6.0);
        ui.label(RichText::new(&vm.chosen).size(big).strong());
        ui.add_space(4.0);
        out.extend(button(ui, &targets, 0, big, cx));
        ui.add_space(8.0);
        card_frame(cx, false).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&vm.teams_label).size(normal).strong());
                out.extend(button(ui, &targets, 1, normal, cx));
                out.extend(button(ui, &targets, 2, normal, cx));
            });
            for (i, team) in vm.teams.iter().enumerate() {
                ui.horizontal(|ui| {
                    let t = 6 + i;
                    let swatch = egui::Button::new(RichText::new("    ").size(normal))
                        .fill(colour(team.colour))
                        .stroke(if cx.focus == t {
                            Stroke::new(cx.palette.line + 1.5, cx.palette.focus)
                        } else {
                            Stroke::new(1.0, cx.palette.weak)
                        });
                    let r = ui.add(swatch).on_hover_text(&targets[t].label);
                    if cx.focus == t {
                        super::note_focus_visible(ui, &r);
                        if cx.focus_moved {
                            r.scroll_to_me(None);
                        }
                    }
                    if r.clicked() {
                        out.push(targets[t].action.clone());
                    }
                    let mut name = team.name.clone();
                    let field = ui.add(
                        egui::TextEdit::singleline(&mut name)
                            .id(egui::Id::new(("team_name", i)))
                            .desired_width(ui.available_width().min(360.0))
                            .background_color(cx.palette.background)
                            .font(egui::FontId::proportional(normal))
                            .char_limit(crate::team::room::MAX_NICKNAME_CHARS),
                    );
                    typing |= field.has_focus();
                    if name != team.name {
                        out.push(TeamAction::TeamName(i, name).into());
                    }
                });
            }
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&vm.voting_label).size(normal).strong());
                out.extend(button(ui, &targets, 3, normal, cx));
                out.extend(button(ui, &targets, 4, normal, cx));
            });
            ui.add_space(4.0);
            out.extend(button(ui, &targets, 5, normal, cx));
        });
        ui.add_space(8.0);
        let first = vm.first_activity();
        ui.horizontal_wrapped(|ui| {
            for (k, (_, _, chosen)) in vm.activities.iter().enumerate() {
                let i = first + k;
                let Some(t) = targets.get(i) else { continue };
                let text = if *chosen {
                    coloured(format!("✔ {}", t.label), cx.palette.good).size(normal)
                } else {
                    RichText::new(&t.label).size(normal)
                };
                if sized_button(ui, text, normal, cx.focus == i, cx, egui::Vec2::ZERO).clicked() {
                    out.push(t.action.clone());
                }
            }
        });
    });
    ui.ctx()
        .data_mut(|d| d.insert_temp(egui::Id::new("team_typing"), typing));
}

// ------------------------------------------------------------------------------------------- lobby

/// Paints a QR code as dark squares on a white square with its quiet zone, `side` points wide.
pub fn qr(ui: &mut egui::Ui, code: &Qr, side: f32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
    let painter = ui.painter();
    painter.rect_filled(rect, 4.0, Color32::WHITE);
    if code.width == 0 {
        return response;
    }
    // Four modules of quiet zone on each side, as the standard asks, so phones read it at once.
    let modules = code.width as f32 + 8.0;
    let m = side / modules;
    for (i, dark) in code.dark.iter().enumerate() {
        if *dark {
            let (x, y) = ((i % code.width) as f32 + 4.0, (i / code.width) as f32 + 4.0);
            let r = egui::Rect::from_min_size(
                rect.min + egui::vec2(x * m, y * m),
                egui::vec2(m + 0.05, m + 0.05),
            );
            painter.rect_filled(r, 0.0, Color32::BLACK);
        }
    }
    response
}

/// The people in the lobby as chips in their team's colour; clicking one (or Enter on it) removes
/// the person. A nickname is plain text: egui never reads markup from it.
fn chips(
    ui: &mut egui::Ui,
    vm: &LobbyView,
    targets: &[Target],
    small: bool,
    cx: &Cx,
    out: &mut Vec<Action>,
) {
    let first_remove = 1 + vm.addresses.len();
    ui.horizontal_wrapped(|ui| {
        for (k, a) in vm.arrivals.iter().enumerate() {
            let i = first_remove + k;
            // A chip in the team's colour; clicking it (or Enter on it) removes the person.
            // A nickname is plain text: egui never reads markup from it.
            let (fill, text_colour) = match &a.team {
                Some(t) => (colour(t.colour), Color32::WHITE),
                None => (cx.palette.card, cx.palette.text),
            };
            let text = RichText::new(format!("{}  ✕", a.nickname))
                .size(if small { 11.0 } else { 20.0 })
                .color(text_colour);
            let stroke = if cx.focus == i {
                Stroke::new(cx.palette.line + 1.5, cx.palette.focus)
            } else {
                Stroke::NONE
            };
            let r = ui
                .add(
                    egui::Button::new(text)
                        .fill(fill)
                        .stroke(stroke)
                        .corner_radius(14.0),
                )
                .on_hover_text(&targets[i].label);
            if cx.focus == i {
                super::note_focus_visible(ui, &r);
                if cx.focus_moved {
                    r.scroll_to_me(None);
                }
            }
            if r.clicked() {
                out.push(targets[i].action.clone());
            }
        }
    });
}

/// Draws the lobby: QR code, address and room code big; the names as they arrive.
pub fn show_lobby(ui: &mut egui::Ui, vm: &LobbyView, cx: &Cx, out: &mut Vec<Action>) {
    let targets = vm.targets();
    let small = compact(ui, cx);
    // The QR code is sized from the whole window: the bigger it is, the farther back it scans.
    let full = ui.ctx().content_rect();
    egui::Panel::bottom("team_lobby_bottom").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            out.extend(button(ui, &targets, 0, if small { 18.0 } else { 24.0 }, cx));
            if !small {
                hint(ui, &vm.hint, cx);
            }
        });
        ui.add_space(4.0);
    });
    let side = (full.height() * 0.62).min(full.width() * 0.42).max(80.0);
    paged(ui, cx, "team_lobby", |ui| {
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_max_width(side + 8.0);
                if let Some(code) = &vm.qr {
                    qr(ui, code, side);
                }
                if let Some(url) = &vm.url {
                    ui.label(
                        RichText::new(url)
                            .size(if small { 11.0 } else { 15.0 })
                            .monospace(),
                    );
                }
            });
            ui.vertical(|ui| {
                ui.label(
                    RichText::new(&vm.heading)
                        .size(if small { 14.0 } else { 28.0 })
                        .strong()
                        .color(cx.palette.accent),
                );
                ui.label(RichText::new(&vm.activity).size(if small { 11.0 } else { 20.0 }));
                if let (Some(base), Some(code)) = (&vm.base_url, &vm.code) {
                    ui.label(
                        RichText::new(base)
                            .size(if small { 13.0 } else { 30.0 })
                            .monospace()
                            .strong(),
                    );
                    ui.label(
                        RichText::new(code)
                            .size(if small { 28.0 } else { 72.0 })
                            .monospace()
                            .strong()
                            .color(cx.palette.accent),
                    );
                }
                if let Some(p) = &vm.problem {
                    ui.label(coloured(p, cx.palette.bad));
                }
                ui.add_space(6.0);
                ui.label(
                    RichText::new(&vm.count)
                        .size(if small { 13.0 } else { 24.0 })
                        .strong(),
                );
                if !vm.teams.is_empty() {
                    ui.horizontal_wrapped(|ui| {
                        for (t, n) in vm.teams.iter().zip(&vm.team_counts) {
                            badge(
                                ui,
                                &TeamBadge {
                                    name: format!("{} · {n}", t.name),
                                    colour: t.colour,
                                },
                                if small { 13.0 } else { 18.0 },
                            );
                        }
                    });
                }
                // The names beside the code, so the room sees itself arrive on the first page.
                ui.add_space(if small { 2.0 } else { 6.0 });
                chips(ui, vm, &targets, small, cx, out);
            });
        });
        if !vm.addresses.is_empty() {
            ui.add_space(10.0);
            hint(ui, crate::i18n::tr(vm.lang, "team-addresses"), cx);
            ui.horizontal_wrapped(|ui| {
                for (k, (label, used)) in vm.addresses.iter().enumerate() {
                    let i = 1 + k;
                    let text = if *used {
                        coloured(format!("✔ {label}"), cx.palette.good)
                    } else {
                        RichText::new(label)
                    };
                    if sized_button(ui, text, 13.0, cx.focus == i, cx, egui::Vec2::ZERO).clicked() {
                        out.push(targets[i].action.clone());
                    }
                }
            });
        }
    });
}

// -------------------------------------------------------------------------------------------- play

/// One reply: its letter tile, its text and, after the reveal, its votes as a bar split by team.
fn option_row(
    ui: &mut egui::Ui,
    o: &OptionView,
    i: usize,
    teams: &[TeamBadge],
    max_votes: u32,
    small: bool,
    cx: &Cx,
) {
    let tile = cx.palette.tiles[i % 4];
    let stroke = if o.chosen {
        Stroke::new(cx.palette.line + 2.0, cx.palette.accent)
    } else if o.tied {
        Stroke::new(cx.palette.line + 1.0, cx.palette.focus)
    } else {
        Stroke::new(1.0, cx.palette.weak.gamma_multiply(0.5))
    };
    let letter_tile = |ui: &mut egui::Ui, size: f32| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
        ui.painter().rect_filled(rect, size * 0.2, tile);
        ui.painter().text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            &o.letter,
            egui::FontId::proportional(size * 0.7),
            Color32::WHITE,
        );
    };
    let mut label = RichText::new(&o.label).size(if small { 12.0 } else { 22.0 });
    if o.chosen {
        label = label.strong().color(cx.palette.accent);
    }
    egui::Frame::new()
        .fill(cx.palette.card)
        .stroke(stroke)
        .corner_radius(if small { 4.0 } else { 8.0 })
        .inner_margin(egui::Margin::same(if small { 2 } else { 8 }))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            if small {
                // One row per reply on a projector at large text: the letter, the label cut to
                // one line, and after the reveal the bar beside it, so all four fit with the line.
                ui.horizontal(|ui| {
                    letter_tile(ui, 15.0);
                    let bar_width = if o.votes.is_some() {
                        (ui.available_width() * 0.35).max(90.0)
                    } else {
                        0.0
                    };
                    let room = (ui.available_width() - bar_width).max(40.0);
                    ui.allocate_ui_with_layout(
                        egui::vec2(room, 15.0),
                        egui::Layout::left_to_right(egui::Align::Center),
                        |ui| {
                            ui.set_width(room);
                            ui.add(egui::Label::new(label).truncate());
                        },
                    );
                    if let Some(votes) = o.votes {
                        bar(ui, o, teams, votes, max_votes, small, cx);
                    }
                });
                return;
            }
            ui.horizontal(|ui| {
                letter_tile(ui, 40.0);
                ui.vertical(|ui| {
                    ui.add(egui::Label::new(label).wrap());
                    if let Some(say) = &o.say {
                        ui.add(
                            egui::Label::new(RichText::new(say).size(16.0).color(cx.palette.weak))
                                .wrap(),
                        );
                    }
                    if let Some(votes) = o.votes {
                        bar(ui, o, teams, votes, max_votes, small, cx);
                    }
                });
            });
        });
}

/// The votes for one reply: a bar as long as its share of the most votes, split into the teams'
/// colours, with the number after it and ★ on a best reply.
fn bar(
    ui: &mut egui::Ui,
    o: &OptionView,
    teams: &[TeamBadge],
    votes: u32,
    max_votes: u32,
    small: bool,
    cx: &Cx,
) {
    ui.horizontal(|ui| {
        let height = if small { 8.0 } else { 22.0 };
        let width = (ui.available_width() - if small { 50.0 } else { 120.0 }).max(60.0);
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
        let painter = ui.painter();
        painter.rect_filled(rect, 3.0, cx.palette.background);
        let unit = if max_votes == 0 {
            0.0
        } else {
            width / max_votes as f32
        };
        let mut x = rect.min.x;
        if teams.is_empty() || o.per_team.iter().sum::<u32>() == 0 {
            let w = unit * votes as f32;
            painter.rect_filled(
                egui::Rect::from_min_size(rect.min, egui::vec2(w, height)),
                3.0,
                if o.chosen {
                    cx.palette.accent
                } else {
                    cx.palette.weak
                },
            );
        } else {
            for (t, n) in teams.iter().zip(&o.per_team) {
                let w = unit * *n as f32;
                painter.rect_filled(
                    egui::Rect::from_min_size(egui::pos2(x, rect.min.y), egui::vec2(w, height)),
                    0.0,
                    colour(t.colour),
                );
                x += w;
            }
        }
        let mut text = votes.to_string();
        if o.best {
            text.push_str(" ★");
        }
        ui.label(
            coloured(
                text,
                if o.best {
                    cx.palette.good
                } else {
                    cx.palette.text
                },
            )
            .size(if small { 14.0 } else { 22.0 }),
        );
    });
}

/// How many have voted and the seconds left, big.
fn count_and_time(ui: &mut egui::Ui, vm: &PlayView, small: bool, cx: &Cx) {
    ui.horizontal(|ui| {
        if let Some(v) = &vm.voted {
            ui.label(coloured(v, cx.palette.accent).size(if small { 13.0 } else { 30.0 }));
        }
        if let Some(s) = vm.seconds_left {
            ui.add_space(if small { 4.0 } else { 12.0 });
            let colour = if s <= 5 {
                cx.palette.bad
            } else {
                cx.palette.text
            };
            ui.label(coloured(format!("⏱ {s}"), colour).size(if small { 14.0 } else { 34.0 }));
        }
    });
}

/// The time left as a bar that shrinks.
fn time_bar(ui: &mut egui::Ui, vm: &PlayView, small: bool, cx: &Cx) {
    if let Some(t) = vm.time_left {
        let width = ui.available_width();
        let (rect, _) = ui.allocate_exact_size(
            egui::vec2(width, if small { 3.0 } else { 8.0 }),
            egui::Sense::hover(),
        );
        ui.painter().rect_filled(rect, 2.0, cx.palette.card);
        let w = width * f32::from(t) / 1000.0;
        ui.painter().rect_filled(
            egui::Rect::from_min_size(rect.min, egui::vec2(w, rect.height())),
            2.0,
            cx.palette.accent,
        );
    }
}

/// The top five and the teams' totals, each under its heading.
fn board(ui: &mut egui::Ui, b: &BoardView, lang: crate::engine::text::Lang, small: bool, cx: &Cx) {
    let size = if small { 16.0 } else { 24.0 };
    let heading = |ui: &mut egui::Ui, id: &str| {
        ui.label(
            RichText::new(crate::i18n::tr(lang, id))
                .size(size * 0.8)
                .strong()
                .color(cx.palette.accent),
        );
    };
    heading(ui, "team-leaderboard");
    for (place, name, points, team) in &b.top {
        ui.horizontal(|ui| {
            ui.label(coloured(format!("{place}."), cx.palette.accent).size(size));
            if let Some(t) = team {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
                ui.painter()
                    .circle_filled(rect.center(), size * 0.4, colour(t.colour));
            }
            ui.label(RichText::new(name).size(size).strong());
            ui.label(
                RichText::new(points.to_string())
                    .size(size)
                    .color(cx.palette.weak),
            );
        });
    }
    if !b.teams.is_empty() {
        ui.add_space(6.0);
        heading(ui, "team-team-totals");
        let max = b.teams.iter().map(|(_, p)| *p).max().unwrap_or(0).max(1);
        for (t, points) in &b.teams {
            ui.horizontal(|ui| {
                let width = (ui.available_width() * 0.5).max(80.0);
                let (rect, _) = ui.allocate_exact_size(
                    egui::vec2(width, if small { 12.0 } else { 20.0 }),
                    egui::Sense::hover(),
                );
                ui.painter().rect_filled(rect, 3.0, cx.palette.card);
                ui.painter().rect_filled(
                    egui::Rect::from_min_size(
                        rect.min,
                        egui::vec2(width * *points as f32 / max as f32, rect.height()),
                    ),
                    3.0,
                    colour(t.colour),
                );
                ui.label(
                    RichText::new(format!("{} · {points}", t.name))
                        .size(size * 0.8)
                        .strong(),
                );
            });
        }
    }
}

/// Draws the room at play.
pub fn show_play(ui: &mut egui::Ui, vm: &PlayView, cx: &Cx, out: &mut Vec<Action>) {
    let targets = vm.targets();
    let small = compact(ui, cx);
    egui::Panel::top("team_play_top").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            // On a projector at large text the header keeps to one row: no title.
            if !small {
                ui.label(RichText::new(&vm.title).size(20.0).strong());
            }
            ui.label(RichText::new(&vm.progress).color(cx.palette.weak));
            if let Some(code) = &vm.code {
                ui.label(
                    RichText::new(code)
                        .monospace()
                        .strong()
                        .color(cx.palette.accent),
                );
            }
            if small && vm.stage == Stage::Voting {
                count_and_time(ui, vm, small, cx);
            }
        });
        if vm.stage == Stage::Voting {
            if !small {
                count_and_time(ui, vm, small, cx);
            }
            time_bar(ui, vm, small, cx);
        }
    });
    egui::Panel::bottom("team_play_bottom").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            for i in 0..targets.len() {
                out.extend(button(ui, &targets, i, if small { 13.0 } else { 22.0 }, cx));
            }
        });
        if ui.ctx().content_rect().height() >= 450.0 || !small {
            hint(ui, &vm.hint, cx);
        }
        ui.add_space(2.0);
    });
    paged(ui, cx, ("team_play", vm.progress.clone()), |ui| {
        let text = if small { 12.0 } else { 22.0 };
        // With large text, a vote shows only the line being answered, so that the replies fit on
        // the same screen; the story so far was read out before.
        let answered = vm.lines.iter().rposition(|l| !l.speaker.is_empty());
        // At the reveal the room has just heard it all: the line answered at most, and at large
        // text nothing but the votes.
        let revealed = vm.stage == Stage::Revealed;
        let lines: &[crate::game::models::quiz::Line] = match answered {
            _ if small && revealed => &[],
            Some(i) if (small || revealed) && !vm.options.is_empty() => &vm.lines[i..=i],
            _ => &vm.lines,
        };
        for l in lines {
            ui.horizontal_wrapped(|ui| {
                if !l.speaker.is_empty() {
                    ui.label(
                        coloured(
                            format!("{}:", l.speaker),
                            if l.you {
                                cx.palette.accent
                            } else {
                                cx.palette.middle
                            },
                        )
                        .size(text),
                    );
                }
                ui.label(RichText::new(&l.text).size(text));
            });
        }
        if let Some(r) = &vm.reply {
            ui.add(egui::Label::new(RichText::new(r).size(text).italics()).wrap());
        }
        // A scenario's "What do you answer?" gives its line to the replies at large text; a quiz
        // question is always shown.
        if !vm.prompt.is_empty() && (vm.quiz || !small) {
            ui.add_space(if small { 1.0 } else { 4.0 });
            ui.label(
                RichText::new(&vm.prompt)
                    .size(text)
                    .strong()
                    .color(cx.palette.accent),
            );
        }
        if let Some(v) = &vm.verdict {
            ui.label(coloured(v, cx.palette.accent).size(if small { 14.0 } else { 28.0 }));
        }
        let max_votes = vm.options.iter().filter_map(|o| o.votes).max().unwrap_or(0);
        for (i, o) in vm.options.iter().enumerate() {
            option_row(ui, o, i, &vm.teams, max_votes, small, cx);
            ui.add_space(if small { 2.0 } else { 4.0 });
        }
        if let Some(e) = &vm.explanation {
            ui.add_space(6.0);
            super::quiz::explanation(ui, e, small, cx);
        }
        if let Some(f) = &vm.feedback {
            card_frame(cx, false).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.add(egui::Label::new(RichText::new(&f.said).size(text).strong()).wrap());
                ui.add_space(4.0);
                ui.add(egui::Label::new(RichText::new(&f.feedback).size(text)).wrap());
                ui.horizontal_wrapped(|ui| {
                    for m in &f.marks {
                        let c = if m.points > 0 {
                            cx.palette.good
                        } else {
                            cx.palette.bad
                        };
                        ui.label(coloured(format!("{} {:+}", m.principle, m.points), c).size(text));
                    }
                });
                if let Some(b) = &f.better {
                    ui.add(egui::Label::new(coloured(b, cx.palette.good)).wrap());
                }
            });
        }
        if let Some((title, text_end)) = &vm.ending {
            ui.label(coloured(title, cx.palette.accent).size(if small { 20.0 } else { 30.0 }));
            ui.add(egui::Label::new(RichText::new(text_end).size(text)).wrap());
        }
        if let Some(b) = &vm.board {
            board(ui, b, vm.lang, small, cx);
        }
    });
    if let Some(fields) = &vm.counts {
        counts(ui.ctx(), vm, fields, &targets, cx, out);
    }
}

/// The panel for vote counts typed by hand: a field per reply, Save and Cancel.
fn counts(
    ctx: &egui::Context,
    vm: &PlayView,
    fields: &[String],
    targets: &[Target],
    cx: &Cx,
    out: &mut Vec<Action>,
) {
    let mut typing = false;
    egui::Modal::new(egui::Id::new("team_counts")).show(ctx, |ui| {
        ui.label(RichText::new(crate::i18n::tr(vm.lang, "team-counts-heading")).size(20.0));
        let mut now = fields.to_vec();
        for (i, f) in now.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                ui.label(
                    coloured(
                        char::from(b'A' + i as u8).to_string(),
                        cx.palette.tiles[i % 4],
                    )
                    .size(22.0),
                );
                // The panel keeps the keyboard: while no field has it, the first one takes it,
                // before it is drawn, so the digit that woke the window already goes into it.
                let id = egui::Id::new(("team_count", i));
                if i == 0 && ui.ctx().memory(|m| m.focused().is_none()) {
                    ui.ctx().memory_mut(|m| m.request_focus(id));
                }
                let r = ui.add(
                    egui::TextEdit::singleline(f)
                        .id(id)
                        .desired_width(90.0)
                        .background_color(cx.palette.background)
                        .font(egui::FontId::proportional(22.0))
                        .char_limit(5),
                );
                typing |= r.has_focus();
                if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    out.push(TeamAction::CountsSave.into());
                }
            });
        }
        // Counts are digits only: the H that opened the panel, or any other letter, stays out.
        for f in &mut now {
            f.retain(|c| c.is_ascii_digit());
        }
        if now != fields {
            out.push(TeamAction::CountsDraft(now).into());
        }
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            out.push(TeamAction::CountsCancel.into());
        }
        ui.horizontal(|ui| {
            for i in 0..targets.len() {
                out.extend(button(ui, targets, i, 18.0, cx));
            }
        });
    });
    ctx.data_mut(|d| d.insert_temp(egui::Id::new("team_typing"), typing));
}

// --------------------------------------------------------------------------------------------- end

/// Draws the end of the session: the room's debrief in three tabs, or the quiz's podium.
pub fn show_end(ui: &mut egui::Ui, vm: &EndView, cx: &Cx, out: &mut Vec<Action>) {
    let targets = vm.targets();
    let small = compact(ui, cx);
    let tabs = if vm.is_quiz() { 0 } else { TeamTab::ALL.len() };
    egui::Panel::top("team_end_top").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            // With large text the tabs keep the row to themselves.
            if !small || tabs == 0 {
                ui.label(
                    RichText::new(&vm.title)
                        .size(if small { 14.0 } else { 24.0 })
                        .strong(),
                );
            }
            for (i, tab) in TeamTab::ALL.iter().enumerate().take(tabs) {
                let text =
                    RichText::new(tab_label(*tab, vm.lang)).size(if small { 12.0 } else { 20.0 });
                let r = ui.add(egui::Button::selectable(vm.tab == *tab, text).stroke(
                    if cx.focus == i {
                        Stroke::new(cx.palette.line + 1.5, cx.palette.focus)
                    } else {
                        Stroke::NONE
                    },
                ));
                if r.clicked() {
                    out.push(targets[i].action.clone());
                }
            }
        });
        if !small {
            hint(ui, &vm.hint, cx);
        }
    });
    egui::Panel::bottom("team_end_bottom").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            for (i, t) in targets.iter().enumerate().skip(tabs) {
                // With large text "Back to decision 3" becomes "↶ 3", so the map keeps its room.
                let label = match &t.action {
                    Action::Team(TeamAction::WhatIf(k)) if small => format!("↶ {}", k + 1),
                    _ => t.label.clone(),
                };
                let r = sized_button(
                    ui,
                    label,
                    if small { 12.0 } else { 20.0 },
                    cx.focus == i,
                    cx,
                    egui::Vec2::ZERO,
                )
                .on_hover_text(&t.label);
                if r.clicked() {
                    out.push(t.action.clone());
                }
            }
        });
        ui.add_space(2.0);
    });
    paged(ui, cx, ("team_end", vm.tab), |ui| {
        if let Some(b) = &vm.board {
            podium(ui, b, vm.lang, small, cx);
            ui.add_space(8.0);
            ui.label(RichText::new(&vm.summary).color(cx.palette.weak));
            shares(ui, vm, small, cx);
            return;
        }
        match vm.tab {
            TeamTab::Summary => summary(ui, vm, small, cx),
            TeamTab::Map => {
                if let Some(m) = &vm.map {
                    super::team_map::show(ui, m, small, cx);
                }
            }
            TeamTab::Decisions => decisions(ui, vm, small, cx),
        }
    });
}

fn summary(ui: &mut egui::Ui, vm: &EndView, small: bool, cx: &Cx) {
    if let Some(d) = &vm.debrief {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                coloured(format!("{}", d.score), cx.palette.for_percent(d.score)).size(if small {
                    30.0
                } else {
                    48.0
                }),
            );
            ui.label(RichText::new(&d.grade).size(if small { 16.0 } else { 24.0 }));
        });
        ui.label(
            coloured(
                format!("{} · {}", d.ending_label, d.ending_title),
                cx.palette.for_ending(d.ending_kind),
            )
            .size(if small { 15.0 } else { 21.0 }),
        );
        ui.add(egui::Label::new(&d.ending_text).wrap());
        if let Some(g) = &d.gap {
            ui.label(RichText::new(g).italics().color(cx.palette.weak));
        }
    }
    ui.label(RichText::new(&vm.summary).color(cx.palette.weak));
    shares(ui, vm, small, cx);
    for e in &vm.earlier {
        ui.label(RichText::new(&e.line).color(cx.palette.weak));
    }
}

/// Each team's share of best replies (or right answers), and the whole room's.
fn shares(ui: &mut egui::Ui, vm: &EndView, small: bool, cx: &Cx) {
    ui.add_space(6.0);
    ui.label(
        RichText::new(crate::i18n::tr(
            vm.lang,
            if vm.is_quiz() {
                "team-share-right-heading"
            } else {
                "team-share-heading"
            },
        ))
        .strong()
        .size(if small { 15.0 } else { 20.0 }),
    );
    for s in &vm.shares {
        ui.horizontal_wrapped(|ui| {
            match &s.team {
                Some(t) => badge(ui, t, if small { 14.0 } else { 18.0 }),
                None => {
                    ui.label(RichText::new(&s.label).strong());
                }
            }
            percent_bar(ui, s.percent, if small { 120.0 } else { 260.0 }, cx, "—");
            ui.label(RichText::new(&s.detail).small().color(cx.palette.weak));
        });
    }
}

fn decisions(ui: &mut egui::Ui, vm: &EndView, small: bool, cx: &Cx) {
    for d in &vm.decisions {
        card_frame(cx, false).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(coloured(
                format!("{}. {}", d.step, d.prompt),
                cx.palette.middle,
            ));
            ui.label(RichText::new(&d.votes).monospace().color(cx.palette.weak));
            ui.add(
                egui::Label::new(
                    RichText::new(super::quoted(&d.chosen.say, vm.lang))
                        .size(if small { 14.0 } else { 18.0 })
                        .strong(),
                )
                .wrap(),
            );
            ui.add(egui::Label::new(&d.chosen.feedback).wrap());
            if let Some(b) = &d.better {
                ui.add(
                    egui::Label::new(coloured(
                        crate::i18n::tra(
                            vm.lang,
                            "team-better-reply",
                            &crate::i18n::Args::new().str("reply", super::quoted(&b.say, vm.lang)),
                        ),
                        cx.palette.good,
                    ))
                    .wrap(),
                );
            }
        });
        ui.add_space(4.0);
    }
}

/// The podium: the first three on steps of different heights, the winner in the middle.
fn podium(ui: &mut egui::Ui, b: &BoardView, lang: crate::engine::text::Lang, small: bool, cx: &Cx) {
    let width = ui.available_width().min(720.0);
    let height = if small { 110.0 } else { 230.0 };
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    let painter = ui.painter();
    let step = width / 3.0;
    // Second on the left, first in the middle, third on the right.
    for (slot, place, rise) in [(0usize, 2usize, 0.55f32), (1, 1, 0.8), (2, 3, 0.4)] {
        let Some((_, name, points, team)) = b.top.iter().find(|e| e.0 == place) else {
            continue;
        };
        let h = height * rise * 0.7;
        let x = rect.min.x + step * slot as f32;
        let block = egui::Rect::from_min_max(
            egui::pos2(x + 6.0, rect.max.y - h),
            egui::pos2(x + step - 6.0, rect.max.y),
        );
        let fill = team
            .as_ref()
            .map_or(cx.palette.tiles[slot], |t| colour(t.colour));
        painter.rect_filled(block, 6.0, fill);
        painter.text(
            block.center(),
            egui::Align2::CENTER_CENTER,
            place.to_string(),
            egui::FontId::proportional(if small { 26.0 } else { 48.0 }),
            Color32::WHITE,
        );
        painter.text(
            egui::pos2(block.center().x, block.min.y - 4.0),
            egui::Align2::CENTER_BOTTOM,
            format!("{name}\n{points}"),
            egui::FontId::proportional(if small { 13.0 } else { 22.0 }),
            cx.palette.text,
        );
    }
    ui.add_space(6.0);
    board(ui, b, lang, small, cx);
}

// ---------------------------------------------------------------------------------------- plugins

/// The team screens' plugin: each draws while its screen is on.
pub(crate) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (
            draw_setup.run_if(on_screen(Screen::TeamSetup)),
            draw_lobby.run_if(on_screen(Screen::TeamLobby)),
            draw_play.run_if(on_screen(Screen::TeamPlay)),
            draw_end.run_if(on_screen(Screen::TeamEnd)),
        )
            .in_set(UiSet::Screens),
    );
}

fn draw_setup(
    mut env: ViewEnv,
    team: Res<TeamState>,
    content: Res<Content>,
    mut typing: ResMut<TextEntry>,
) -> Result {
    let vm = SetupView::new(&team, &content.library, env.settings.lang);
    env.draw(&vm, show_setup)?;
    let now = env.flag(egui::Id::new("team_typing"));
    if typing.0 != now {
        typing.0 = now;
    }
    Ok(())
}

fn draw_lobby(mut env: ViewEnv, team: Res<TeamState>, content: Res<Content>) -> Result {
    let Some(vm) = LobbyView::new(&team, &content.library, env.settings.lang) else {
        return Ok(());
    };
    env.draw(&vm, show_lobby)
}

fn draw_play(
    mut env: ViewEnv,
    team: Res<TeamState>,
    content: Res<Content>,
    mut typing: ResMut<TextEntry>,
) -> Result {
    let Some(vm) = PlayView::new(&team, &content.library, env.settings.lang) else {
        return Ok(());
    };
    env.draw(&vm, show_play)?;
    let now = vm.counts.is_some() && env.flag(egui::Id::new("team_typing"));
    if typing.0 != now {
        typing.0 = now;
    }
    Ok(())
}

fn draw_end(
    mut env: ViewEnv,
    team: Res<TeamState>,
    content: Res<Content>,
    tab: Option<Res<State<TeamTab>>>,
) -> Result {
    let tab = tab.map(|t| *t.get()).unwrap_or_default();
    let Some(vm) = EndView::new(&team, &content.library, env.settings.lang, tab) else {
        return Ok(());
    };
    env.draw(&vm, show_end)
}
