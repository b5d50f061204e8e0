//! The HTML reports: escaping of hostile input, and the content each report promises.

use crate::common::{HOSTILE, LIB, attempt_with_mistake, group, hostile};
use client_first::engine::text::Lang;
use client_first::report::html;
use client_first::report::stats::{Context, Group, Trainee};

fn assert_escaped(page: &str, what: &str) {
    assert!(
        !page.contains("<script"),
        "{what}: a raw <script> tag reached the page"
    );
    assert!(
        page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"),
        "{what}: the hostile text is not shown escaped"
    );
    assert!(page.contains(" &amp; "), "{what}: & is not escaped");
    for c in ['\u{202E}', '\u{202C}', '\u{200F}'] {
        assert!(
            !page.contains(c),
            "{what}: bidi control U+{:04X} reached the page",
            c as u32
        );
    }
    assert!(page.contains("<bdi>"), "{what}: typed text is not isolated");
    // Self-contained: nothing fetched, nothing run.
    for bad in ["<link", "src=", "<script", "@import", "url("] {
        assert!(!page.contains(bad), "{what}: found {bad}");
    }
}

#[test]
fn every_report_escapes_a_hostile_nickname_title_and_reply() {
    let ctx = Context::from_library(&LIB);
    let attempts: Vec<_> = group("G", 2, 3).into_iter().map(hostile).collect();
    let name = attempts[0].profile.clone();
    for lang in Lang::ALL {
        assert_escaped(&html::attempt(&attempts[0], &ctx, lang), "attempt");
        let t = Trainee::new(&name, attempts.iter().filter(|a| a.profile == name));
        assert_escaped(&html::trainee(&t, &ctx, lang), "trainee");
        let g = Group::new(attempts[0].group.as_deref(), &attempts);
        assert_escaped(&html::group(&g, &ctx, lang), "group");
    }
    assert!(HOSTILE.contains('&'));
}

#[test]
fn the_attempt_report_shows_every_decision_the_better_reply_and_its_feedback() {
    let ctx = Context::from_library(&LIB);
    let a = attempt_with_mistake();
    let page = html::attempt(&a, &ctx, Lang::En);
    let plain = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    for d in &a.decisions {
        assert!(
            page.contains(&format!("Step {}", d.step)),
            "step {}",
            d.step
        );
        assert!(
            page.contains(&plain(&d.reply.en)),
            "reply of step {}",
            d.step
        );
        assert!(
            page.contains(&plain(&d.feedback.en)),
            "feedback of step {}",
            d.step
        );
        if let Some(b) = &d.better {
            assert!(
                page.contains(&plain(&b.reply.en)),
                "better reply of step {}",
                d.step
            );
            assert!(page.contains(&plain(&b.feedback.en)), "its feedback");
        }
    }
    let bars = page.matches("class=\"bar").count();
    assert_eq!(bars, a.principles.len(), "one bar per principle");
    let ending = a.ending.as_ref().expect("a dialogue has an ending");
    assert!(page.contains(&plain(&ending.title.en)));
    assert!(page.contains(&format!("{}/100", a.score)));
    assert!(
        page.contains("@page") && page.contains("size: A4"),
        "print stylesheet"
    );
    // The Russian report uses the Russian catalog.
    let ru = html::attempt(&a, &ctx, Lang::Ru);
    assert!(ru.contains("Шаг 1") && ru.contains("lang=\"ru\""));
}

#[test]
fn the_trainee_report_charts_progress_and_names_what_to_practise() {
    let ctx = Context::from_library(&LIB);
    let list = group("G", 1, 8);
    let t = Trainee::new(&list[0].profile, &list);
    let page = html::trainee(&t, &ctx, Lang::En);
    assert!(page.contains("<svg") && page.contains("<polyline"));
    // One point of the overall line per attempt.
    assert_eq!(page.matches("<circle").count(), list.len());
    for a in &list {
        assert!(page.contains(&a.finished.format("%Y-%m-%d %H:%M").to_string()));
    }
    let weakest = client_first::report::stats::weakest(&t.tallies, 3);
    assert!(!weakest.is_empty(), "a sample trainee has a weak principle");
    for (id, _) in &weakest {
        let title = ctx.principle_title(id, Lang::En);
        assert!(page.contains(&title.replace('"', "&quot;")), "{title}");
        for (sid, _) in ctx.train_in(id) {
            let s = LIB.get(sid).expect("a known scenario");
            assert!(s.scenario.rewarded_principles().contains(id.as_str()));
            assert!(page.contains(&format!("<code>{sid}</code>")));
        }
    }
}

#[test]
fn the_group_report_has_a_cell_per_trainee_and_principle_and_column_averages() {
    let ctx = Context::from_library(&LIB);
    let list = group("Kazan", 4, 5);
    let g = Group::new(Some("Kazan"), &list);
    let page = html::group(&g, &ctx, Lang::En);
    let cells = page.matches("<td class=\"c\"").count();
    assert_eq!(cells, (g.trainees.len() + 1) * g.principles.len());
    assert!(page.contains("Group average"));
    for (i, t) in g.trainees.iter().enumerate() {
        assert!(page.contains(&format!("href=\"#t{i}\"")));
        assert!(page.contains(&format!("id=\"t{i}\"")));
        assert!(page.contains(&t.name));
    }
    // The weakest principle's column comes first, and its average is the lowest.
    let avgs: Vec<f64> = g
        .principles
        .iter()
        .filter_map(|p| g.column_average(p).map(|x| x.0))
        .collect();
    assert!(avgs.windows(2).all(|w| w[0] <= w[1]));
    let weak = g.weakest(3);
    assert_eq!(weak.len(), 3);
    assert!((weak[0].1 - avgs[0]).abs() < 1e-9);
    // A cell shows the share and the chances behind it.
    let t = &g.trainees[0];
    let (p, x) = t.tallies.iter().find(|(_, x)| x.chances > 0).unwrap();
    let share = format!("{:.0}%", x.share().unwrap() * 100.0);
    assert!(
        page.contains(&format!("{share}<br><small>({})</small>", x.chances)),
        "{p}"
    );
}
