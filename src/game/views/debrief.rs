//! The debrief: score and grade, the ending, a bar per principle, every reply with the better option,
//! the endings found and what to work on next. Three tabs, so a presenter can page through them.

use super::{Cx, Mark, big_button, card_frame, coloured, hint, marks, percent_bar, quoted};
use crate::engine::debrief::{ChoiceReview, Debrief};
use crate::engine::library::Library;
use crate::engine::model::EndingKind;
use crate::engine::text::Lang;
use crate::game::Screen;
use crate::game::content::Content;
use crate::game::face::{self, Expression};
use crate::game::flow::Session;
use crate::game::flow::{Action, DebriefTab};
use crate::game::i18n;
use crate::game::settings::Settings;
use crate::game::ui::{Emit, UiSet, draw_view, on_screen};
use bevy::prelude::{App, IntoScheduleConfigs, Res, Result};
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

/// A principle's line on the Principles tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrincipleBar {
    /// Title.
    pub title: String,
    /// What the principle asks.
    pub description: String,
    /// "Source: title, point N".
    pub source: String,
    /// How close the replies came to the best, or `None` when it did not come up.
    pub percent: Option<u8>,
    /// The replies that moved it: "Reply 2: +2 points".
    pub moves: Vec<String>,
}

/// A reply as the debrief shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyView {
    /// What was said.
    pub say: String,
    /// The principles it moved, with points.
    pub marks: Vec<Mark>,
    /// The coach's comment.
    pub feedback: String,
}

/// One decision on the Replies tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionView {
    /// 1-based.
    pub step: usize,
    /// The line the trainee answered.
    pub prompt: String,
    /// The reply made.
    pub chosen: ReplyView,
    /// The best reply there, when another one was better.
    pub better: Option<ReplyView>,
    /// Mood before and after.
    pub mood: (i32, i32),
}

/// A weak principle with the scenarios that train it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeakView {
    /// Title.
    pub title: String,
    /// Percentage reached.
    pub percent: u8,
    /// (scenario id, title) to practise it.
    pub links: Vec<(String, String)>,
}

/// The debrief's model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DebriefView {
    /// Interface language.
    pub lang: Lang,
    /// The tab on screen.
    pub tab: DebriefTab,
    /// The scenario's title.
    pub title: String,
    /// Overall score, 0–100.
    pub score: u8,
    /// Its grade in words.
    pub grade: String,
    /// The ending's kind.
    pub ending_kind: EndingKind,
    /// The ending's kind in words.
    pub ending_label: String,
    /// The ending's title.
    pub ending_title: String,
    /// What happened.
    pub ending_text: String,
    /// Mood at the start and the end.
    pub mood: (i32, i32),
    /// (found, total).
    pub endings_found: (usize, usize),
    /// Every ending: (kind label and title, found, reached this time).
    pub endings: Vec<(String, bool, bool)>,
    /// Principles, weakest first.
    pub principles: Vec<PrincipleBar>,
    /// Every decision.
    pub decisions: Vec<DecisionView>,
    /// The weakest principles.
    pub weakest: Vec<WeakView>,
}

impl DebriefView {
    /// Builds the model from the engine's debrief; principle and scenario titles come from the
    /// library.
    pub fn new(d: &Debrief, lib: &Library, lang: Lang, tab: DebriefTab) -> DebriefView {
        let reply = |c: &ChoiceReview| ReplyView {
            say: c.say.get(lang).to_string(),
            marks: marks(&c.points, &lib.catalog, lang),
            feedback: c.feedback.get(lang).to_string(),
        };
        let principles = d
            .principles
            .iter()
            .map(|p| {
                let principle = lib.catalog.principle(&p.id);
                let source = principle
                    .and_then(|pr| {
                        let s = lib.catalog.source(&pr.source)?;
                        let point = match lang {
                            Lang::Ru => format!("п. {}", pr.point),
                            Lang::En => format!("point {}", pr.point),
                        };
                        Some(format!(
                            "{}: {}, {point}",
                            i18n::SOURCE.get(lang),
                            s.title.get(lang)
                        ))
                    })
                    .unwrap_or_default();
                PrincipleBar {
                    title: lib.catalog.principle_title(&p.id, lang),
                    description: principle
                        .map(|pr| pr.description.get(lang).to_string())
                        .unwrap_or_default(),
                    source,
                    percent: p.percent,
                    moves: p
                        .moves
                        .iter()
                        .map(|m| {
                            format!(
                                "{}: {}",
                                i18n::DECISION_N.with(lang, m.step),
                                i18n::points(m.points, lang)
                            )
                        })
                        .collect(),
                }
            })
            .collect();
        let title_of = |id: &str| {
            lib.get(id).map_or_else(
                || id.to_string(),
                |l| l.scenario.title.get(lang).to_string(),
            )
        };
        DebriefView {
            lang,
            tab,
            title: d.title.get(lang).to_string(),
            score: d.score.overall,
            grade: crate::i18n::labels::grade(lang, d.score.grade),
            ending_kind: d.ending.kind,
            ending_label: crate::i18n::labels::ending_kind(lang, d.ending.kind),
            ending_title: d.ending.title.get(lang).to_string(),
            ending_text: d.ending_text.get(lang).to_string(),
            mood: (d.start_mood, d.final_mood),
            endings_found: (d.endings_discovered(), d.endings.len()),
            endings: d
                .endings
                .iter()
                .map(|e| {
                    (
                        format!(
                            "{} — {}",
                            crate::i18n::labels::ending_kind(lang, e.kind),
                            e.title.get(lang)
                        ),
                        e.discovered,
                        e.reached_now,
                    )
                })
                .collect(),
            principles,
            decisions: d
                .decisions
                .iter()
                .map(|x| DecisionView {
                    step: x.step,
                    prompt: x
                        .prompt
                        .as_ref()
                        .map(|t| t.get(lang).to_string())
                        .unwrap_or_default(),
                    chosen: reply(&x.chosen),
                    better: x.better.as_ref().map(reply),
                    mood: (x.mood_before, x.mood_after),
                })
                .collect(),
            weakest: d
                .weakest
                .iter()
                .map(|w| WeakView {
                    title: lib.catalog.principle_title(&w.id, lang),
                    percent: w.percent,
                    links: w
                        .train_in
                        .iter()
                        .map(|id| (id.clone(), title_of(id)))
                        .collect(),
                })
                .collect(),
        }
    }

    /// The buttons, in keyboard order: retry, another, menu, then the practice links on the
    /// summary tab.
    pub fn targets(&self) -> Vec<Action> {
        let mut t = vec![
            Action::Retry,
            Action::Goto(Screen::Picker),
            Action::Goto(Screen::Title),
        ];
        if self.tab == DebriefTab::Summary {
            for w in &self.weakest {
                t.extend(w.links.iter().map(|(id, _)| Action::Start(id.clone())));
            }
        }
        t
    }
}

/// Draws the debrief.
pub fn show(ui: &mut egui::Ui, vm: &DebriefView, cx: &Cx, out: &mut Vec<Action>) {
    let lang = vm.lang;
    egui::Panel::top("debrief_top").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!("{}: {}", i18n::DEBRIEF.get(lang), vm.title))
                    .size(24.0)
                    .strong(),
            );
        });
        ui.horizontal_wrapped(|ui| {
            for (tab, name) in DebriefTab::ALL.iter().zip([
                i18n::TAB_SUMMARY,
                i18n::TAB_PRINCIPLES,
                i18n::TAB_DECISIONS,
            ]) {
                let text = RichText::new(name.get(lang)).size(20.0);
                if ui
                    .add(egui::Button::selectable(vm.tab == *tab, text))
                    .clicked()
                {
                    out.push(Action::Tab(*tab));
                }
            }
        });
        // On a short screen (large text) the key hint gives its line to the content.
        if ui.ctx().content_rect().height() >= 450.0 {
            hint(ui, i18n::DEBRIEF_HINT.get(lang), cx);
        }
        ui.add_space(2.0);
    });
    egui::Panel::bottom("debrief_buttons").show(ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            for (i, (action, label)) in vm
                .targets()
                .iter()
                .take(3)
                .zip([i18n::RETRY, i18n::ANOTHER, i18n::MENU])
                .enumerate()
            {
                if big_button(ui, label.get(lang), cx.focus == i, cx).clicked() {
                    out.push(action.clone());
                }
            }
        });
        ui.add_space(6.0);
    });
    egui::CentralPanel::default_margins().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt(("debrief", vm.tab as u8))
            .auto_shrink([false, false])
            .show(ui, |ui| match vm.tab {
                DebriefTab::Summary => summary(ui, vm, cx, out),
                DebriefTab::Principles => principles(ui, vm, cx),
                DebriefTab::Decisions => decisions(ui, vm, cx),
            });
    });
}

fn summary(ui: &mut egui::Ui, vm: &DebriefView, cx: &Cx, out: &mut Vec<Action>) {
    let lang = vm.lang;
    ui.horizontal_wrapped(|ui| {
        let size = if ui.ctx().content_rect().height() >= 450.0 {
            96.0
        } else {
            56.0
        };
        face::face(ui, vm.mood.1, size);
        ui.vertical(|ui| {
            ui.label(RichText::new(i18n::SCORE.get(lang)).color(cx.palette.weak));
            ui.label(
                coloured(
                    format!("{}% · {}", vm.score, vm.grade),
                    cx.palette.for_percent(vm.score),
                )
                .size(40.0),
            );
            ui.label(mood_change(vm.mood, lang));
        });
    });
    ui.add_space(8.0);
    card_frame(cx, false).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(i18n::ENDING_REACHED.get(lang)).color(cx.palette.weak));
        let colour = cx.palette.for_ending(vm.ending_kind);
        ui.label(coloured(format!("{} — {}", vm.ending_label, vm.ending_title), colour).size(22.0));
        ui.label(&vm.ending_text);
    });
    ui.add_space(8.0);
    card_frame(cx, false).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(i18n::WEAKEST.get(lang)).size(22.0).strong());
        if vm.weakest.is_empty() {
            ui.label(coloured(i18n::NO_WEAKNESS.get(lang), cx.palette.good));
        }
        // The first three targets are the bottom buttons; the practice links follow them.
        let mut index = 3;
        for w in &vm.weakest {
            ui.add_space(4.0);
            ui.label(coloured(
                format!("{} — {}%", w.title, w.percent),
                cx.palette.for_percent(w.percent),
            ));
            if !w.links.is_empty() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(i18n::TRAIN_IN.get(lang));
                    for (id, title) in &w.links {
                        let focused = cx.focus == index;
                        if big_button(ui, format!("▶ {title}"), focused, cx).clicked() {
                            out.push(Action::Start(id.clone()));
                        }
                        index += 1;
                    }
                });
            }
        }
    });
    ui.add_space(8.0);
    card_frame(cx, false).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(i18n::ENDINGS_FOUND.with(
                lang,
                format!("{} / {}", vm.endings_found.0, vm.endings_found.1),
            ))
            .strong(),
        );
        // Endings not found yet stay hidden, to leave something to discover.
        ui.horizontal_wrapped(|ui| {
            for (name, found, now) in &vm.endings {
                let (text, colour) = match (found, now) {
                    (_, true) => (format!("● {name}"), cx.palette.accent),
                    (true, false) => (format!("○ {name}"), cx.palette.text),
                    _ => ("? ? ?".to_string(), cx.palette.weak),
                };
                egui::Frame::new()
                    .stroke(egui::Stroke::new(1.0, cx.palette.weak))
                    .corner_radius(6.0)
                    .inner_margin(egui::Margin::symmetric(8, 4))
                    .show(ui, |ui| ui.label(RichText::new(text).color(colour)));
            }
        });
    });
}

fn principles(ui: &mut egui::Ui, vm: &DebriefView, cx: &Cx) {
    let lang = vm.lang;
    hint(ui, i18n::PRINCIPLES_NOTE.get(lang), cx);
    let bar = (ui.available_width() * 0.35).clamp(120.0, 320.0);
    for p in &vm.principles {
        card_frame(cx, false).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(&p.title).size(21.0).strong());
            percent_bar(ui, p.percent, bar, cx, i18n::NOT_FACED.get(lang));
            if !p.description.is_empty() {
                ui.label(&p.description);
            }
            if !p.moves.is_empty() {
                ui.label(RichText::new(p.moves.join(" · ")).color(cx.palette.weak));
            }
            if !p.source.is_empty() {
                ui.label(
                    RichText::new(&p.source)
                        .small()
                        .italics()
                        .color(cx.palette.weak),
                );
            }
        });
        ui.add_space(6.0);
    }
}

/// "The Client's mood: upset → furious".
fn mood_change((from, to): (i32, i32), lang: Lang) -> String {
    format!(
        "{}: {} → {}",
        i18n::MOOD_FROM_TO.get(lang),
        Expression::from_mood(from).word(lang),
        Expression::from_mood(to).word(lang)
    )
}

fn reply(ui: &mut egui::Ui, r: &ReplyView, lang: Lang, cx: &Cx) {
    ui.label(RichText::new(quoted(&r.say, lang)).italics());
    for m in &r.marks {
        let (sign, colour) = if m.points > 0 {
            ("✔", cx.palette.good)
        } else {
            ("✘", cx.palette.bad)
        };
        ui.label(coloured(
            format!("{sign} {} ({})", m.principle, i18n::points(m.points, lang)),
            colour,
        ));
    }
    if !r.feedback.is_empty() {
        ui.label(&r.feedback);
    }
}

fn decisions(ui: &mut egui::Ui, vm: &DebriefView, cx: &Cx) {
    let lang = vm.lang;
    for d in &vm.decisions {
        card_frame(cx, false).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(i18n::DECISION_N.with(lang, d.step))
                    .size(21.0)
                    .strong(),
            );
            if !d.prompt.is_empty() {
                ui.label(RichText::new(&d.prompt).color(cx.palette.weak));
            }
            ui.add_space(4.0);
            ui.label(RichText::new(i18n::YOU_SAID.get(lang)).strong());
            reply(ui, &d.chosen, lang, cx);
            ui.label(RichText::new(mood_change(d.mood, lang)).small());
            ui.add_space(4.0);
            match &d.better {
                Some(b) => {
                    ui.label(coloured(i18n::BETTER.get(lang), cx.palette.accent));
                    reply(ui, b, lang, cx);
                }
                None => {
                    ui.label(coloured(i18n::BEST_MADE.get(lang), cx.palette.good));
                }
            }
        });
        ui.add_space(6.0);
    }
}

/// The debrief screen's plugin: draws its view while the Debrief screen is on.
pub(crate) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(UiSet::Screens)
            .run_if(on_screen(crate::game::Screen::Debrief)),
    );
}

fn draw(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    session: Res<Session>,
    content: Res<Content>,
    mut emit: Emit,
) -> Result {
    let Some(d) = &session.debrief else {
        return Ok(());
    };
    let vm = DebriefView::new(d, &content.library, settings.lang, session.tab);
    draw_view(&mut contexts, &session, &settings, &mut emit, &vm, show)
}
