//! The HTML reports: one attempt, one trainee, one group. Each is one self-contained file.
//!
//! maud escapes every interpolated value, so a nickname such as `<script>` stays text. Texts that come
//! from people (names, groups, replies, titles of custom scenarios) also go through [`user`], which
//! wraps them in `<bdi>` and drops the bidirectional override characters, so that a right-to-left
//! mark in a nickname cannot reverse the rest of a row. No scripts, no external files: styles sit in
//! one `<style>` element, charts are inline SVG, and a print stylesheet gives A4 pages.

use super::model::{AttemptKind, AttemptRecord};
use super::stats::{Context, Group, Trainee, WEAKEST, weakest};
use crate::engine::score::Grade;
use crate::engine::text::{Lang, Text};
use crate::i18n::{Args, points, tr, tra};
use chrono::{DateTime, Utc};
use maud::{DOCTYPE, Markup, PreEscaped, html};

/// The style sheet shared by every report, screen and print.
const CSS: &str = r#"
@page { size: A4; margin: 14mm 12mm; }
@page wide { size: A4 landscape; margin: 10mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #1d2330; max-width: 1200px;
  margin: 24px auto; padding: 0 16px; line-height: 1.4; font-size: 14px; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; border-bottom: 2px solid #dde3ec; padding-bottom: 4px; margin: 28px 0 10px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.sub { color: #5a6475; margin: 0 0 16px; }
.head { display: flex; gap: 24px; align-items: flex-start; justify-content: space-between; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
.meta dt { color: #5a6475; } .meta dd { margin: 0; }
.score { text-align: center; min-width: 140px; border: 2px solid #dde3ec; border-radius: 10px; padding: 8px 12px; }
.score b { display: block; font-size: 40px; line-height: 1.1; }
.ending { background: #f4f6fa; border-radius: 8px; padding: 10px 14px; }
.prow { display: grid; grid-template-columns: minmax(180px, 2fr) 3fr 150px; gap: 10px; align-items: center;
  padding: 3px 0; break-inside: avoid; }
.bar { background: #e8ecf2; border-radius: 4px; height: 12px; overflow: hidden; }
.bar > span { display: block; height: 100%; background: #3a7bd5; }
.bar.weak > span { background: #d9822b; }
.num { color: #5a6475; font-size: 13px; text-align: right; }
.dec { border: 1px solid #dde3ec; border-radius: 8px; padding: 10px 14px; margin: 10px 0; break-inside: avoid; }
.dec .said { color: #5a6475; font-style: italic; }
.dec .reply { font-weight: 600; }
.better { background: #eef7ee; border-left: 4px solid #2e9d4d; padding: 6px 10px; margin-top: 8px; }
.best { color: #2e7d32; }
.chip { display: inline-block; border-radius: 10px; padding: 0 8px; margin: 2px 4px 2px 0; font-size: 12px; background: #e8ecf2; }
.chip.neg { background: #fbe3e3; } .chip.pos { background: #e2f3e6; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #dde3ec; padding: 4px 6px; text-align: left; font-size: 13px; vertical-align: bottom; }
th { background: #f4f6fa; }
.wide { overflow-x: auto; }
.heat td.c { text-align: center; white-space: nowrap; vertical-align: middle; padding: 3px 4px; font-size: 12px; line-height: 1.2; }
.heat td.c small { color: #3d4656; }
.heat th.v { writing-mode: vertical-rl; writing-mode: sideways-lr; max-height: 260px;
  font-weight: normal; font-size: 12px; text-align: left; vertical-align: bottom; }
.heat { break-inside: avoid; }
.heat tr.avg td { font-weight: 700; background: #f4f6fa; }
.legend { color: #5a6475; font-size: 12px; }
.legend i { display: inline-block; width: 14px; height: 4px; margin: 0 4px 3px 10px; vertical-align: middle; }
.weak li { margin-bottom: 6px; }
.trainee { border-top: 1px solid #dde3ec; margin-top: 18px; }
footer { margin-top: 32px; color: #8a93a3; font-size: 12px; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  .dec, tr, .prow, .weak li, svg { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .trainee { break-before: page; border-top: none; }
  .wide { page: wide; overflow: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// Colours of the chart's principle lines, picked for contrast on white and in grey print.
const LINE_COLOURS: [&str; 6] = [
    "#d9822b", "#7b4fc4", "#2e9d4d", "#c2185b", "#00838f", "#8d6e63",
];

/// Bidirectional embedding, override and isolate characters: they could reorder the text around a
/// name, so they never reach a report.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Text typed by a person, isolated from its neighbours and stripped of bidi controls; maud escapes it.
pub fn user(s: &str) -> Markup {
    html! { bdi { (clean(s)) } }
}

/// The text without bidi controls, for places where `<bdi>` cannot go (the page title).
fn clean(s: &str) -> String {
    s.chars().filter(|c| !is_bidi_control(*c)).collect()
}

/// A scenario text in `lang`, falling back to the other language rather than nothing.
fn text(t: &Text, lang: Lang) -> Markup {
    let s = t.get(lang);
    let s = if s.trim().is_empty() {
        if lang == Lang::Ru { &t.en } else { &t.ru }
    } else {
        s
    };
    user(s)
}

/// A date and time, the same in every language.
fn when(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// A duration as minutes and seconds.
fn duration(a: &AttemptRecord) -> String {
    let s = a.duration().num_seconds();
    format!("{}:{:02}", s / 60, s % 60)
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn kind_label(lang: Lang, k: AttemptKind) -> String {
    tr(
        lang,
        match k {
            AttemptKind::Dialogue => "report-kind-dialogue",
            AttemptKind::Quiz => "report-kind-quiz",
            AttemptKind::Team => "report-kind-team",
        },
    )
}

/// The page around a report's body.
fn page(lang: Lang, title: &str, body: Markup) -> String {
    let generated = tra(
        lang,
        "report-generated",
        &Args::new().str("date", when(Utc::now())),
    );
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (clean(title)) }
                style { (PreEscaped(CSS)) }
            }
            body {
                (body)
                footer { "Client First · " (generated) }
            }
        }
    }
    .into_string()
}

/// A horizontal bar for a share of 0–1.
fn bar(share: Option<f64>) -> Markup {
    let s = share.unwrap_or(0.0).clamp(0.0, 1.0);
    let weak = share.is_some_and(|x| x < 0.7);
    html! {
        div.bar.weak[weak] { span style=(format!("width:{:.1}%", s * 100.0)) {} }
    }
}

/// The report of one attempt.
pub fn attempt(a: &AttemptRecord, ctx: &Context, lang: Lang) -> String {
    let title = a.title.get(lang).to_string();
    let mut principles: Vec<_> = a.principles.iter().collect();
    principles.sort_by(|x, y| {
        x.share()
            .unwrap_or(2.0)
            .total_cmp(&y.share().unwrap_or(2.0))
            .then(x.id.cmp(&y.id))
    });
    let title_of = |id: &str| ctx.principle_title(id, lang);
    let body = html! {
        div.head {
            div {
                h1 { (text(&a.title, lang)) }
                p.sub { (tr(lang, "report-attempt-title")) " · " (kind_label(lang, a.kind)) }
                dl.meta {
                    dt { (tr(lang, "report-trainee")) } dd { (user(&a.profile)) }
                    @if let Some(g) = &a.group { dt { (tr(lang, "report-group")) } dd { (user(g)) } }
                    dt { (tr(lang, "report-started")) } dd { (when(a.started)) }
                    dt { (tr(lang, "report-duration")) } dd { (duration(a)) }
                    dt { (tr(lang, "report-points")) }
                    dd { (tra(lang, "report-points-range", &Args::new().num("total", a.total).num("min", a.min).num("max", a.max))) }
                }
            }
            div.score {
                (tr(lang, "report-score"))
                b { (a.score) "/100" }
                (crate::i18n::labels::grade(lang, Grade::from_score(a.score)))
            }
        }
        @if let Some(e) = &a.ending {
            h2 { (tr(lang, "report-ending")) }
            div.ending {
                strong { (text(&e.title, lang)) }
                @if let Some(k) = e.kind { " · " (crate::i18n::labels::ending_kind(lang, k)) }
                p { (text(&e.text, lang)) }
            }
        }
        h2 { (tr(lang, "report-principles")) }
        @if principles.is_empty() { p { (tr(lang, "report-no-principles")) } }
        @for p in &principles {
            div.prow {
                div { (user(&title_of(&p.id))) }
                (bar(p.share()))
                div.num { (upheld_of(lang, p.upheld, p.chances)) }
            }
        }
        // A summary (a quiz round, or a dialogue whose scenario changed since) has no decisions.
        @if !a.decisions.is_empty() { h2 { (tr(lang, "report-decisions")) } }
        @for d in &a.decisions {
            div.dec {
                h3 { (tra(lang, "report-step", &Args::new().num("n", d.step))) " · " (points(lang, d.points)) }
                @if !d.prompt.get(lang).is_empty() || !d.prompt.en.is_empty() {
                    p.said { (tr(lang, "report-they-said")) ": «" (text(&d.prompt, lang)) "»" }
                }
                p { (tr(lang, "report-reply")) ": " span.reply { "«" (text(&d.reply, lang)) "»" } }
                p { @for (pid, w) in &d.effects {
                    span.chip.pos[*w > 0].neg[*w < 0] { (user(&title_of(pid))) " " (format!("{w:+}")) }
                } }
                p { (text(&d.feedback, lang)) }
                @match &d.better {
                    Some(b) => div.better {
                        strong { (tr(lang, "report-better")) " (" (points(lang, b.points)) "): " }
                        "«" (text(&b.reply, lang)) "»"
                        p { (text(&b.feedback, lang)) }
                    },
                    None => p.best { "✓ " (tr(lang, "report-best-made")) },
                }
            }
        }
    };
    page(lang, &format!("{title} — {}", a.profile), body)
}

fn upheld_of(lang: Lang, upheld: u32, chances: u32) -> String {
    tra(
        lang,
        "report-upheld",
        &Args::new().num("upheld", upheld).num("chances", chances),
    )
}

/// The progress chart: the overall score and the weakest principles' running shares, per attempt.
fn chart(t: &Trainee, ctx: &Context, lang: Lang) -> Markup {
    let (w, h, left, top, bottom) = (760.0_f64, 240.0_f64, 40.0_f64, 10.0_f64, 24.0_f64);
    let n = t.attempts.len();
    let x = |i: usize| {
        if n <= 1 {
            left + (w - left - 10.0) / 2.0
        } else {
            left + (w - left - 10.0) * i as f64 / (n - 1) as f64
        }
    };
    let y = |share: f64| top + (h - top - bottom) * (1.0 - share.clamp(0.0, 1.0));
    let line = |pts: Vec<(usize, f64)>| -> String {
        pts.iter()
            .map(|(i, s)| format!("{:.1},{:.1}", x(*i), y(*s)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let overall = line(
        t.attempts
            .iter()
            .enumerate()
            .map(|(i, a)| (i, f64::from(a.score) / 100.0))
            .collect(),
    );
    let running = t.running();
    let shown: Vec<String> = weakest(&t.tallies, LINE_COLOURS.len())
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {w} {h}")) width="100%"
            role="img" aria-label=(tr(lang, "report-progress")) {
            @for g in [0.0, 0.25, 0.5, 0.75, 1.0] {
                line x1=(left) x2=(w - 10.0) y1=(y(g)) y2=(y(g)) stroke="#dde3ec" stroke-width="1" {}
                text x=(left - 6.0) y=(y(g) + 4.0) font-size="11" text-anchor="end" fill="#5a6475" { (percent(g)) }
            }
            @for (pid, c) in shown.iter().zip(LINE_COLOURS) {
                @let pts: Vec<(usize, f64)> = running.get(pid).map(|s| s.iter().enumerate().filter_map(|(k, v)| v.map(|v| (k, v))).collect()).unwrap_or_default();
                polyline points=(line(pts)) fill="none" stroke=(c) stroke-width="2" stroke-dasharray="5 3" {}
            }
            polyline points=(overall) fill="none" stroke="#1d2330" stroke-width="3" {}
            @for (i, a) in t.attempts.iter().enumerate() {
                circle cx=(x(i)) cy=(y(f64::from(a.score) / 100.0)) r="3" fill="#1d2330" {}
            }
            text x=(left) y=(h - 6.0) font-size="11" fill="#5a6475" { (t.attempts.first().map(|a| a.finished.format("%Y-%m-%d").to_string()).unwrap_or_default()) }
            text x=(w - 10.0) y=(h - 6.0) font-size="11" text-anchor="end" fill="#5a6475" { (t.attempts.last().map(|a| a.finished.format("%Y-%m-%d").to_string()).unwrap_or_default()) }
        }
        p.legend {
            i style="background:#1d2330;height:3px" {} (tr(lang, "report-overall-score"))
            @for (pid, c) in shown.iter().zip(LINE_COLOURS) {
                i style=(format!("background:{c}")) {} (user(&ctx.principle_title(pid, lang)))
            }
        }
    }
}

/// The weakest principles of a trainee with the scenarios that train them.
fn practise(list: &[(String, f64)], ctx: &Context, lang: Lang) -> Markup {
    html! {
        @if list.is_empty() { p { (tr(lang, "report-nothing-weak")) } }
        ul.weak {
            @for (id, share) in list {
                li {
                    strong { (user(&ctx.principle_title(id, lang))) } " — " (percent(*share))
                    @let train = ctx.train_in(id);
                    @if !train.is_empty() {
                        br; (tr(lang, "report-practise")) ": "
                        @for (k, (sid, title)) in train.iter().enumerate() {
                            @if k > 0 { ", " }
                            (text(title, lang)) " (" code { (sid) } ")"
                        }
                    }
                }
            }
        }
    }
}

/// The attempts of a trainee as a table.
fn attempts_table(t: &Trainee, lang: Lang) -> Markup {
    html! {
        table {
            tr {
                th { (tr(lang, "report-date")) } th { (tr(lang, "report-scenario")) }
                th { (tr(lang, "report-score")) } th { (tr(lang, "report-ending")) } th { (tr(lang, "report-duration")) }
            }
            @for a in t.attempts.iter().rev() {
                tr {
                    td { (when(a.finished)) }
                    td { (text(&a.title, lang)) " · " (kind_label(lang, a.kind)) }
                    td { (a.score) }
                    td { @if let Some(e) = &a.ending { (text(&e.title, lang)) } }
                    td { (duration(a)) }
                }
            }
        }
    }
}

fn trainee_body(t: &Trainee, ctx: &Context, lang: Lang, level: u8) -> Markup {
    let weak: Vec<(String, f64)> = weakest(&t.tallies, WEAKEST)
        .into_iter()
        .map(|(k, x)| (k, x.share().unwrap_or(0.0)))
        .collect();
    let mean = t
        .mean_score()
        .map_or("—".to_string(), |m| format!("{m:.0}"));
    // Weakest first, as in the attempt report.
    let mut by_share: Vec<(&String, &super::stats::Tally)> = t.tallies.iter().collect();
    by_share.sort_by(|a, b| {
        a.1.share()
            .unwrap_or(2.0)
            .total_cmp(&b.1.share().unwrap_or(2.0))
            .then(a.0.cmp(b.0))
    });
    html! {
        p.sub {
            (tra(lang, "report-attempt-count", &Args::new().num("n", t.attempts.len() as f64)))
            " · " (tr(lang, "report-mean-score")) ": " (mean)
            @if let Some(g) = &t.group { " · " (tr(lang, "report-group")) ": " (user(g)) }
        }
        @if level == 1 { h2 { (tr(lang, "report-progress")) } } @else { h3 { (tr(lang, "report-progress")) } }
        (chart(t, ctx, lang))
        @if level == 1 { h2 { (tr(lang, "report-weakest")) } } @else { h3 { (tr(lang, "report-weakest")) } }
        (practise(&weak, ctx, lang))
        @if level == 1 { h2 { (tr(lang, "report-principles")) } } @else { h3 { (tr(lang, "report-principles")) } }
        @for (id, x) in &by_share {
            @if x.chances > 0 {
                div.prow {
                    div { (user(&ctx.principle_title(id, lang))) }
                    (bar(x.share()))
                    div.num { (upheld_of(lang, x.upheld, x.chances)) }
                }
            }
        }
        @if level == 1 { h2 { (tr(lang, "report-attempts")) } } @else { h3 { (tr(lang, "report-attempts")) } }
        (attempts_table(t, lang))
    }
}

/// The report of one trainee.
pub fn trainee(t: &Trainee, ctx: &Context, lang: Lang) -> String {
    let body = html! {
        h1 { (tr(lang, "report-trainee-title")) ": " (user(&t.name)) }
        (trainee_body(t, ctx, lang, 1))
    };
    page(
        lang,
        &format!("{} — {}", tr(lang, "report-trainee-title"), t.name),
        body,
    )
}

/// The background of a heat-map cell: red for none upheld, through yellow, to green for all.
fn heat(share: f64) -> String {
    format!(
        "background:hsl({:.0},70%,82%)",
        share.clamp(0.0, 1.0) * 120.0
    )
}

/// The report of a group.
pub fn group(g: &Group, ctx: &Context, lang: Lang) -> String {
    let heading = match &g.name {
        Some(n) => html! { (tr(lang, "report-group-title")) ": " (user(n)) },
        None => html! { (tr(lang, "report-group-title")) },
    };
    let weak = g.weakest(WEAKEST);
    let anchor = |i: usize| format!("t{i}");
    let body = html! {
        h1 { (heading) }
        p.sub { (tra(lang, "report-trainee-count", &Args::new().num("n", g.trainees.len() as f64))) }
        h2 { (tr(lang, "report-weakest")) }
        (practise(&weak, ctx, lang))
        div.wide {
        h2 { (tr(lang, "report-heatmap")) }
        p.legend { (tr(lang, "report-heat-legend")) }
        table.heat {
            tr {
                th { (tr(lang, "report-trainee")) }
                @for p in &g.principles { th.v { (user(&ctx.principle_title(p, lang))) } }
            }
            @for (i, t) in g.trainees.iter().enumerate() {
                tr {
                    td { a href=(format!("#{}", anchor(i))) { (user(&t.name)) } }
                    @for p in &g.principles {
                        @match t.tallies.get(p).and_then(|x| x.share().map(|s| (s, x.chances))) {
                            Some((s, c)) => td.c style=(heat(s)) { (percent(s)) br; small { "(" (c) ")" } },
                            None => td.c { "—" },
                        }
                    }
                }
            }
            tr.avg {
                td { (tr(lang, "report-average")) }
                @for p in &g.principles {
                    @match g.column_average(p) {
                        Some((s, _)) => td.c style=(heat(s)) { (percent(s)) },
                        None => td.c { "—" },
                    }
                }
            }
        } }
        h2 { (tr(lang, "report-drilldown")) }
        @for (i, t) in g.trainees.iter().enumerate() {
            section.trainee id=(anchor(i)) {
                h3 { (user(&t.name)) }
                (trainee_body(t, ctx, lang, 2))
            }
        }
    };
    let title = match &g.name {
        Some(n) => format!("{} — {n}", tr(lang, "report-group-title")),
        None => tr(lang, "report-group-title"),
    };
    page(lang, &title, body)
}
