//! The progress screen's model: mastery per principle (by source and by theme), the score over time
//! with one chosen principle beside it, the history of attempts, and the learning path with the
//! endings found. It formats what [`ProgressState`] read from the store; it computes no score.

use crate::engine::library::Library;
use crate::engine::progress::PrincipleMastery;
use crate::engine::text::Lang;
use crate::game::activities::progress::{Note, ProgressState};
use crate::game::core::saves::Saves;
use crate::game::core::{Action, DialogueAction, ProgressAction, ProgressTab, Target};
use crate::i18n::{Args, labels, tr, tra};
use crate::store::Kind;
use crate::store::query::HistoryRow;

/// One principle's bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// The principle's title.
    pub title: String,
    /// Mastery 0–100; `None` when never tested.
    pub percent: Option<u8>,
    /// "7 decisions", or "not tested yet".
    pub detail: String,
    /// Due for review today.
    pub due: bool,
}

/// A source's or a theme's principles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarGroup {
    /// The source's title or the theme's name.
    pub title: String,
    /// The mean mastery of its tested principles.
    pub percent: Option<u8>,
    /// Its principles.
    pub bars: Vec<Bar>,
}

/// The chart: the overall score and, when chosen, a principle, as (attempt number, 0–100).
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The overall score's caption.
    pub overall_label: String,
    /// The overall score per attempt, oldest first.
    pub overall: Vec<[f64; 2]>,
    /// The chosen principle's title and points.
    pub principle: Option<(String, Vec<[f64; 2]>)>,
    /// The axis captions: attempts, score.
    pub axes: (String, String),
}

/// One step of the learning path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathStep {
    /// The scenario id.
    pub id: String,
    /// Its title, numbered.
    pub title: String,
    /// "done · best 82 · endings 2 of 4", or "not played yet".
    pub detail: String,
    /// Played to an ending at least once.
    pub done: bool,
}

/// The saved figures of an attempt that cannot be rebuilt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailView {
    /// The attempt's line (date, scenario, score).
    pub heading: String,
    /// Why only figures are shown.
    pub why: String,
    /// Per principle: title, points and percent.
    pub lines: Vec<String>,
}

/// A team session from the history: who took part, how each team did, and the room's paths.
fn team_detail(
    row: &HistoryRow,
    record: &crate::team::session::Record,
    library: &Library,
    lang: Lang,
) -> DetailView {
    let quiz = matches!(record.activity, crate::team::session::Activity::Quiz(_));
    let share = |good: u32, cast: u32| {
        tra(
            lang,
            if quiz {
                "progress-team-right"
            } else {
                "progress-team-share"
            },
            &Args::new()
                .num(
                    "percent",
                    crate::team::session::share_percent(good, cast).unwrap_or(0),
                )
                .num("n", good)
                .num("total", cast),
        )
    };
    let mut lines = vec![tra(
        lang,
        "team-end-summary",
        &Args::new()
            .num(
                "people",
                record.participants.iter().filter(|p| !p.removed).count() as f64,
            )
            .num("questions", record.questions.len() as f64),
    )];
    for t in &record.teams {
        let mut line = format!("{}: {}", t.name, share(t.best_votes, t.votes));
        if t.points > 0 {
            line.push_str(&format!(
                " · {}",
                crate::i18n::points(lang, t.points as i32)
            ));
        }
        lines.push(line);
    }
    lines.push(format!(
        "{}: {}",
        tr(lang, "team-whole-room"),
        share(record.best_votes, record.votes)
    ));
    let scenario = library.get(&row.activity);
    for (i, p) in record.paths.iter().enumerate() {
        let ending = scenario
            .and_then(|l| l.scenario.endings().find(|(n, _)| n.id == p.ending))
            .map_or_else(|| p.ending.clone(), |(_, e)| e.title.get(lang).to_string());
        lines.push(tra(
            lang,
            "progress-team-path",
            &Args::new()
                .num("n", (i + 1) as f64)
                .num("score", p.score)
                .str("ending", ending),
        ));
    }
    DetailView {
        heading: history_line(row, library, lang),
        why: tr(lang, "progress-detail-team"),
        lines,
    }
}

/// The progress screen's model.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressView {
    /// The interface language.
    pub lang: Lang,
    /// The tab shown.
    pub tab: ProgressTab,
    /// "Progress: Anna".
    pub heading: String,
    /// The tabs' captions, in order.
    pub tabs: Vec<(ProgressTab, String)>,
    /// Nothing finished yet: a friendly line instead of empty bars.
    pub empty: Option<String>,
    /// "3 principles are due for practice today".
    pub due: Option<String>,
    /// "Practise: …" and the scenario it starts.
    pub practise: Option<(String, String)>,
    /// The bars of the Sources or Themes tab.
    pub groups: Vec<BarGroup>,
    /// The chart tab's chart.
    pub chart: Option<Chart>,
    /// The chart tab's choices: `None` for the overall score alone, or a tested principle.
    pub chart_choices: Vec<(Option<String>, String)>,
    /// The principle charted now (`None`: the overall score alone).
    pub chart_chosen: Option<String>,
    /// The history tab's rows.
    pub history: Vec<(HistoryRow, String)>,
    /// "Showing the newest 200 of 1,024 attempts", when cut.
    pub history_note: Option<String>,
    /// The saved figures of an attempt opened from the history.
    pub detail: Option<DetailView>,
    /// The learning path.
    pub path: Vec<PathStep>,
    /// The last export's or import's result.
    pub note: Option<String>,
    /// The key hint.
    pub hint: String,
}

impl ProgressView {
    /// The model of the progress read into `state`, on `tab`.
    pub fn new(
        state: &ProgressState,
        saves: Option<&Saves>,
        library: &Library,
        tab: ProgressTab,
        lang: Lang,
    ) -> ProgressView {
        let name = saves.map(|s| s.name(lang)).unwrap_or_default();
        let catalog = &library.catalog;
        let data = state.data.as_ref();
        let mut vm = ProgressView {
            lang,
            tab,
            heading: tra(lang, "progress-heading", &Args::new().str("name", name)),
            tabs: ProgressTab::ALL
                .iter()
                .map(|t| (*t, tr(lang, tab_id(*t))))
                .collect(),
            empty: None,
            due: None,
            practise: None,
            groups: Vec::new(),
            chart: None,
            chart_choices: Vec::new(),
            chart_chosen: state.chart.clone(),
            history: Vec::new(),
            history_note: None,
            detail: None,
            path: Vec::new(),
            note: state.note.as_ref().map(|n| note(n, lang)),
            hint: tr(lang, "progress-hint"),
        };
        let Some(data) = data else {
            vm.empty = Some(tr(lang, "progress-no-store"));
            return vm;
        };
        if data.history_total == 0 {
            vm.empty = Some(tr(lang, "progress-empty"));
        }
        if data.due > 0 {
            vm.due = Some(tra(
                lang,
                "title-due",
                &Args::new().num("n", data.due as f64),
            ));
        }
        vm.practise = saves.and_then(|s| super::title::practise(s, library, lang));
        let bars =
            |g_title: String, percent: Option<u8>, principles: &[PrincipleMastery]| BarGroup {
                title: g_title,
                percent,
                bars: principles
                    .iter()
                    .map(|p| Bar {
                        title: catalog.principle_title(&p.id, lang),
                        percent: p.percent,
                        detail: if p.count == 0 {
                            tr(lang, "progress-untested")
                        } else {
                            tra(
                                lang,
                                "progress-decisions",
                                &Args::new().num("n", f64::from(p.count)),
                            )
                        },
                        due: state.due.contains(&p.id),
                    })
                    .collect(),
            };
        match tab {
            ProgressTab::Sources => {
                vm.groups = data
                    .by_source
                    .iter()
                    .map(|g| {
                        let title = catalog
                            .source(&g.key)
                            .map_or_else(|| g.key.clone(), |s| s.title.get(lang).to_string());
                        bars(title, g.percent, &g.principles)
                    })
                    .collect();
            }
            ProgressTab::Themes => {
                vm.groups = data
                    .by_theme
                    .iter()
                    .map(|g| bars(labels::theme(lang, g.key), g.percent, &g.principles))
                    .collect();
            }
            ProgressTab::Chart => {
                let overall = data
                    .scores
                    .iter()
                    .enumerate()
                    .map(|(i, p)| [(i + 1) as f64, f64::from(p.score)])
                    .collect();
                let principle = state.chart.as_ref().map(|id| {
                    (
                        catalog.principle_title(id, lang),
                        state
                            .series
                            .iter()
                            .enumerate()
                            .map(|(i, p)| [(i + 1) as f64, f64::from(p.percent)])
                            .collect(),
                    )
                });
                vm.chart = Some(Chart {
                    overall_label: tr(lang, "progress-chart-overall"),
                    overall,
                    principle,
                    axes: (
                        tr(lang, "progress-chart-attempts"),
                        tr(lang, "progress-chart-score"),
                    ),
                });
                vm.chart_choices
                    .push((None, tr(lang, "progress-chart-overall-only")));
                for g in &data.by_source {
                    for p in g.principles.iter().filter(|p| p.count > 0) {
                        vm.chart_choices
                            .push((Some(p.id.clone()), catalog.principle_title(&p.id, lang)));
                    }
                }
            }
            ProgressTab::History => {
                vm.history = data
                    .history
                    .iter()
                    .map(|r| (r.clone(), history_line(r, library, lang)))
                    .collect();
                if data.history_total > data.history.len() as u64 {
                    vm.history_note = Some(tra(
                        lang,
                        "progress-history-cut",
                        &Args::new()
                            .num("shown", data.history.len() as f64)
                            .num("total", data.history_total as f64),
                    ));
                }
                vm.detail = state.detail.as_ref().map(|d| match &d.team {
                    Some(record) => team_detail(&d.row, record, library, lang),
                    None => DetailView {
                        heading: history_line(&d.row, library, lang),
                        why: tr(
                            lang,
                            if d.changed {
                                "progress-detail-changed"
                            } else {
                                "progress-detail-gone"
                            },
                        ),
                        lines: d
                            .principles
                            .iter()
                            .map(|p| {
                                tra(
                                    lang,
                                    "progress-detail-line",
                                    &Args::new()
                                        .str("principle", catalog.principle_title(&p.id, lang))
                                        .num("earned", f64::from(p.earned))
                                        .str(
                                            "percent",
                                            p.percent.map_or_else(|| "—".into(), |x| x.to_string()),
                                        ),
                                )
                            })
                            .collect(),
                    },
                });
            }
            ProgressTab::Path => {
                vm.path = library
                    .scenarios
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let s = &l.scenario;
                        let done = data.completed.contains(&s.id);
                        let all = s.endings().count();
                        let found = data.endings.get(&s.id).map_or(0, |e| e.len());
                        let best = state.best.get(&s.id);
                        let detail = if done {
                            tra(
                                lang,
                                "progress-path-done",
                                &Args::new()
                                    .num("found", found as f64)
                                    .num("all", all as f64)
                                    .str(
                                        "best",
                                        best.map_or_else(|| "—".into(), |b| b.to_string()),
                                    ),
                            )
                        } else {
                            tr(lang, "progress-path-todo")
                        };
                        PathStep {
                            id: s.id.clone(),
                            title: format!("{}. {}", i + 1, s.title.get(lang)),
                            detail,
                            done,
                        }
                    })
                    .collect();
            }
        }
        vm
    }

    /// The tab's targets, then the screen's own: on Sources and Themes, Practise, Export and
    /// Import; the chart's choices; the history's attempts; the path's scenarios; and Back last.
    pub fn targets(&self) -> Vec<Target> {
        let lang = self.lang;
        let mut t = Vec::new();
        match self.tab {
            ProgressTab::Sources | ProgressTab::Themes => {
                if let Some((label, id)) = &self.practise {
                    t.push(Target::new(
                        DialogueAction::Start(id.clone()),
                        label.clone(),
                    ));
                }
                if self.empty.is_none() || self.tab == ProgressTab::Sources {
                    t.push(Target::new(
                        ProgressAction::Export,
                        tr(lang, "progress-export"),
                    ));
                    t.push(Target::new(
                        ProgressAction::ChooseImport,
                        tr(lang, "progress-import"),
                    ));
                }
            }
            ProgressTab::Chart => {
                t.extend(
                    self.chart_choices
                        .iter()
                        .map(|(id, label)| Target::new(ProgressAction::Chart(id.clone()), label)),
                );
            }
            ProgressTab::History => {
                if self.detail.is_some() {
                    t.push(Target::new(
                        ProgressAction::CloseDetail,
                        tr(lang, "progress-detail-close"),
                    ));
                }
                t.extend(
                    self.history
                        .iter()
                        .map(|(r, line)| Target::new(ProgressAction::Open(r.attempt), line)),
                );
            }
            ProgressTab::Path => {
                t.extend(
                    self.path
                        .iter()
                        .map(|p| Target::new(DialogueAction::Start(p.id.clone()), &p.title)),
                );
            }
        }
        t.push(Target::new(Action::Back, tr(lang, "progress-back")));
        t
    }
}

/// The message id of a tab's caption.
fn tab_id(t: ProgressTab) -> &'static str {
    match t {
        ProgressTab::Sources => "progress-tab-sources",
        ProgressTab::Themes => "progress-tab-themes",
        ProgressTab::Chart => "progress-tab-chart",
        ProgressTab::History => "progress-tab-history",
        ProgressTab::Path => "progress-tab-path",
    }
}

/// "30.11.2026 14:05 · The guitar they threw · 82/100 · Wow! · 6 min 12 s".
pub fn history_line(r: &HistoryRow, library: &Library, lang: Lang) -> String {
    use chrono::TimeZone;
    let when = chrono::Local
        .timestamp_millis_opt(r.finished)
        .single()
        .map(|t| match lang {
            Lang::Ru => t.format("%d.%m.%Y %H:%M").to_string(),
            Lang::En => t.format("%Y-%m-%d %H:%M").to_string(),
        })
        .unwrap_or_default();
    let loaded = library.get(&r.activity);
    let what = match r.kind {
        Kind::Dialogue => loaded.map_or_else(
            || r.activity.clone(),
            |l| l.scenario.title.get(lang).to_string(),
        ),
        Kind::Quiz => tr(lang, "progress-kind-quiz"),
        // A team session names what the room played: "Team session: The broken guitar".
        Kind::Team => match loaded {
            Some(l) => format!(
                "{}: {}",
                tr(lang, "progress-kind-team"),
                l.scenario.title.get(lang)
            ),
            None => tr(lang, "progress-kind-team"),
        },
    };
    let ending = r
        .ending
        .as_deref()
        .and_then(|e| {
            loaded?
                .scenario
                .endings()
                .find(|(n, _)| n.id == e)
                .map(|(_, end)| end.title.get(lang).to_string())
        })
        .unwrap_or_default();
    let secs = r.duration_ms() / 1000;
    tra(
        lang,
        "progress-history-line",
        &Args::new()
            .str("when", when)
            .str("what", what)
            .num("score", f64::from(r.score))
            .str("ending", ending)
            .num("min", (secs / 60) as f64)
            .num("sec", (secs % 60) as f64),
    )
}

fn note(n: &Note, lang: Lang) -> String {
    match n {
        Note::Exported(count, path) => tra(
            lang,
            "progress-exported",
            &Args::new()
                .num("n", *count as f64)
                .str("path", path.display().to_string()),
        ),
        Note::Imported(s) => tra(
            lang,
            "progress-imported",
            &Args::new()
                .str("name", &*s.name)
                .num("added", s.added as f64)
                .num("skipped", s.skipped as f64),
        ),
        Note::ImportFailed(m) => m.clone(),
        Note::ExportFailed(e) => tra(
            lang,
            "progress-export-failed",
            &Args::new().str("error", &**e),
        ),
        Note::NothingToImport => tr(lang, "progress-nothing-to-import"),
    }
}

/// "Import which file?": one button per progress file found, newest first, then Cancel first of all
/// so that a reflex Enter imports nothing.
pub fn import_question(
    state: &ProgressState,
    lang: Lang,
) -> crate::game::models::question::QuestionView {
    let mut targets = vec![Target::new(
        Action::Stay,
        tr(lang, "progress-import-cancel"),
    )];
    targets.extend(state.imports.iter().map(|p| {
        let name = p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let folder = p
            .parent()
            .map(|d| d.display().to_string())
            .unwrap_or_default();
        Target::new(
            ProgressAction::Import(p.clone()),
            format!("{name}  ({folder})"),
        )
    }));
    crate::game::models::question::QuestionView {
        text: tr(lang, "progress-import-question"),
        targets,
    }
}
