//! The quiz: questions made from the whole shipped library, hand-written questions, seeded rounds and
//! quiz-game scoring.

use crate::common::{fixture, library_of};
use client_first::engine::library::{Library, SourceFile, builtin_files};
use client_first::engine::model::Theme;
use client_first::engine::quiz::{
    Body, Kind, MAX_POINTS, MIN_POINTS, Play, Pool, Response, RoundKind, RoundSpec, STREAK_CAP,
    SkipReason, Statement, check_report, load_quiz, speed_points, streak_bonus,
};
use client_first::engine::text::Lang;
use client_first::i18n::diag::{diagnostic_fix, diagnostic_message};
use std::collections::BTreeSet;
use std::sync::LazyLock;

static LIB: LazyLock<Library> = LazyLock::new(Library::builtin);
static POOL: LazyLock<Pool> = LazyLock::new(|| Pool::build(&LIB));

#[test]
fn the_library_yields_every_kind_of_question() {
    let counts = POOL.counts();
    for k in Kind::ALL {
        assert!(counts[&k] > 0, "no {k:?} question: {counts:?}");
    }
    assert!(counts[&Kind::Written] >= 60, "{counts:?}");
}

#[test]
fn every_question_has_exactly_one_right_answer() {
    for q in &POOL.questions {
        let keys: BTreeSet<&str> = q.answers.iter().map(|a| a.key.as_str()).collect();
        assert_eq!(keys.len(), q.answers.len(), "{}: duplicate keys", q.id);
        if q.kind == Kind::Order {
            let order: BTreeSet<&str> = q.order.iter().map(String::as_str).collect();
            assert_eq!(
                order, keys,
                "{}: the order must use every option once",
                q.id
            );
            assert!(q.is_right_order(&q.order), "{}", q.id);
            let mut reversed = q.order.clone();
            reversed.reverse();
            assert!(!q.is_right_order(&reversed), "{}", q.id);
        } else {
            let right: Vec<&str> = q
                .answers
                .iter()
                .filter(|a| q.is_right(&a.key))
                .map(|a| a.key.as_str())
                .collect();
            assert_eq!(right.len(), 1, "{}: {right:?}", q.id);
        }
    }
}

#[test]
fn options_are_four_distinct_where_the_kind_asks_for_four() {
    for q in &POOL.questions {
        let n = q.answers.len();
        match q.kind {
            Kind::Upholds | Kind::Breaks => assert_eq!(n, 4, "{}", q.id),
            Kind::TrueFalse => assert_eq!(n, 2, "{}", q.id),
            Kind::BestReply | Kind::Order => assert!((3..=4).contains(&n), "{}", q.id),
            Kind::Written => assert!((2..=4).contains(&n), "{}", q.id),
        }
        for lang in Lang::ALL {
            let texts: BTreeSet<String> = q
                .answers
                .iter()
                .map(|a| {
                    a.text(&LIB.catalog, lang)
                        .unwrap_or_else(|| format!("{:?}", a.body))
                })
                .collect();
            assert_eq!(texts.len(), n, "{} in {lang}: options read the same", q.id);
        }
    }
}

#[test]
fn principle_questions_follow_the_reply_tags() {
    let checked = POOL
        .questions
        .iter()
        .filter(|q| matches!(q.kind, Kind::Upholds | Kind::Breaks | Kind::TrueFalse));
    let mut n = 0;
    for q in checked {
        n += 1;
        let (scenario, node) = (q.scenario.as_deref().unwrap(), q.node.as_deref().unwrap());
        let choice_id = q.id.split('/').nth(2).unwrap();
        let s = &LIB.get(scenario).unwrap().scenario;
        let c = client_first::engine::score::chosen(s, node, choice_id).unwrap();
        let w = |p: &str| c.scores.get(p).copied().unwrap_or(0);
        match q.kind {
            Kind::Upholds | Kind::Breaks => {
                let sign = if q.kind == Kind::Upholds { 1 } else { -1 };
                let right = w(&q.right) * sign;
                assert!(right > 0, "{}", q.id);
                for a in q.answers.iter().filter(|a| a.key != q.right) {
                    assert!(
                        w(&a.key) * sign <= 0,
                        "{}: distractor {} scores",
                        q.id,
                        a.key
                    );
                    let (p, r) = (
                        LIB.catalog.principle(&a.key).unwrap(),
                        LIB.catalog.principle(&q.right).unwrap(),
                    );
                    assert!(
                        p.theme == r.theme || p.source == r.source,
                        "{}: {} is not plausible",
                        q.id,
                        a.key
                    );
                }
                let others_max = c
                    .scores
                    .iter()
                    .filter(|(p, _)| **p != q.right)
                    .map(|(_, v)| v * sign)
                    .max()
                    .unwrap_or(0);
                assert!(right > others_max, "{}: not the unique strongest", q.id);
            }
            _ => {
                let Some(Statement::Upholds(p)) = &q.statement else {
                    panic!("{}: no statement", q.id)
                };
                assert_eq!(q.right == "true", w(p) > 0, "{}", q.id);
                assert_ne!(w(p), 0, "{}: an untagged principle proves nothing", q.id);
            }
        }
    }
    assert!(n > 100, "only {n} principle questions");
}

#[test]
fn every_question_has_both_languages_and_an_explanation() {
    for q in &POOL.questions {
        let mut texts = Vec::new();
        texts.extend(q.context.iter().map(|s| &s.text));
        texts.extend(q.reply.iter());
        texts.extend(q.scenario_title.iter());
        if let Some(Statement::Prompt(t)) = &q.statement {
            texts.push(t);
        }
        for a in &q.answers {
            match &a.body {
                Body::Reply { label, say, .. } => texts.extend([label, say]),
                Body::Text(t) => texts.push(t),
                Body::Principle(p) => {
                    let p = LIB.catalog.principle(p).expect("known principle");
                    texts.extend([&p.title, &p.description]);
                }
                Body::Verdict(_) => {}
            }
        }
        texts.extend(q.explanation.feedback.iter());
        texts.extend(q.explanation.text.iter());
        assert!(
            q.explanation.feedback.is_some() || q.explanation.text.is_some(),
            "{}: no explanation",
            q.id
        );
        assert!(!q.explanation.principles.is_empty(), "{}", q.id);
        assert!(!q.explanation.sources.is_empty(), "{}", q.id);
        for t in texts {
            for lang in Lang::ALL {
                assert!(t.has(lang), "{}: a text lacks {lang}: {t:?}", q.id);
                assert!(!t.get(lang).contains("{client}"), "{}: unfilled name", q.id);
            }
        }
        assert!(!q.principles.is_empty(), "{}: reviews nothing", q.id);
    }
}

#[test]
fn ids_are_unique_and_survive_a_reshuffle_of_the_library() {
    let ids: BTreeSet<&str> = POOL.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids.len(), POOL.questions.len(), "question ids repeat");
    // Reverse every scenario's nodes and choices and load the files in reverse order: positions all
    // change, ids must not.
    let mut files: Vec<SourceFile> = builtin_files();
    files.reverse();
    let shuffled = Library::from_files(files, Vec::new());
    let mut lib = shuffled.clone();
    for l in &mut lib.scenarios {
        let mut s = (*l.scenario).clone();
        s.nodes.reverse();
        for n in &mut s.nodes {
            if let client_first::engine::model::Then::Choices(cs) = &mut n.then {
                cs.reverse();
            }
        }
        l.scenario = std::sync::Arc::new(s.clone());
        l.analysis = std::sync::Arc::new(client_first::engine::analysis::analyse(&s));
    }
    lib.quiz.reverse();
    let other = Pool::build(&lib);
    let other_ids: BTreeSet<&str> = other.questions.iter().map(|q| q.id.as_str()).collect();
    let diff: Vec<_> = ids.symmetric_difference(&other_ids).collect();
    assert!(diff.is_empty(), "ids differ: {diff:?}");
    for q in &other.questions {
        let orig = POOL.get(&q.id).unwrap();
        assert_eq!(orig.right, q.right, "{}", q.id);
        assert_eq!(orig.order, q.order, "{}", q.id);
        let keys = |q: &client_first::engine::quiz::Question| -> BTreeSet<String> {
            q.answers.iter().map(|a| a.key.clone()).collect()
        };
        assert_eq!(keys(orig), keys(q), "{}", q.id);
    }
}

#[test]
fn the_same_seed_gives_the_same_round() {
    for kind in [
        RoundKind::Mixed,
        RoundKind::BySource("fc".into()),
        RoundKind::ByTheme(Theme::Empathy),
        RoundKind::Daily {
            due: vec!["st.polite".into()],
            weakest: vec!["fc.keep_word".into()],
        },
    ] {
        let a = POOL.round(&RoundSpec::new(kind.clone(), 7), &LIB.catalog);
        let b = POOL.round(&RoundSpec::new(kind.clone(), 7), &LIB.catalog);
        let c = POOL.round(&RoundSpec::new(kind.clone(), 8), &LIB.catalog);
        assert_eq!(a, b);
        assert_eq!(a.items.len(), 10, "{kind:?}");
        assert_ne!(a, c, "{kind:?}: another seed, another round");
        let ids: BTreeSet<&str> = a.items.iter().map(|i| i.question.id.as_str()).collect();
        assert_eq!(ids.len(), 10, "a question twice in one round");
        for item in &a.items {
            let shown: BTreeSet<&String> = item.shown.iter().collect();
            let keys: BTreeSet<&String> = item.question.answers.iter().map(|a| &a.key).collect();
            assert_eq!(shown, keys);
            if item.question.kind == Kind::Order {
                assert_ne!(item.shown, item.question.order, "an ordering starts solved");
            }
        }
    }
}

#[test]
fn rounds_draw_from_their_source_theme_and_due_principles() {
    let by_source = POOL.round(
        &RoundSpec::new(RoundKind::BySource("st".into()), 1),
        &LIB.catalog,
    );
    for i in &by_source.items {
        assert!(
            i.question.principles.iter().any(|p| p.starts_with("st.")),
            "{}",
            i.question.id
        );
    }
    let by_theme = POOL.round(
        &RoundSpec::new(RoundKind::ByTheme(Theme::Honesty), 1),
        &LIB.catalog,
    );
    for i in &by_theme.items {
        assert!(
            i.question
                .principles
                .iter()
                .any(|p| LIB.catalog.principle(p).unwrap().theme == Theme::Honesty),
            "{}",
            i.question.id
        );
    }
    let due = vec!["st.do_not_call".to_string()];
    let daily = POOL.round(
        &RoundSpec::new(
            RoundKind::Daily {
                due: due.clone(),
                weakest: vec![],
            },
            3,
        ),
        &LIB.catalog,
    );
    let on_due = POOL
        .questions
        .iter()
        .filter(|q| q.principles.contains(&due[0]))
        .count();
    let first = &daily.items[..on_due.min(3)];
    for i in first {
        assert!(
            i.question.principles.contains(&due[0]),
            "due principles come first: {}",
            i.question.id
        );
    }
}

#[test]
fn points_fall_with_time_and_the_streak_bonus_is_capped() {
    assert_eq!(speed_points(0, Some(20_000)), MAX_POINTS);
    assert_eq!(speed_points(10_000, Some(20_000)), 750);
    assert_eq!(speed_points(20_000, Some(20_000)), MIN_POINTS);
    assert_eq!(
        speed_points(5_000, None),
        MAX_POINTS,
        "untimed: full points"
    );
    assert!(speed_points(1_000, Some(20_000)) > speed_points(2_000, Some(20_000)));
    assert_eq!(streak_bonus(1), 0);
    assert_eq!(streak_bonus(2), 100);
    assert_eq!(streak_bonus(50), STREAK_CAP);

    let round = POOL.round(&RoundSpec::new(RoundKind::Mixed, 11), &LIB.catalog);
    let mut play = Play::new(round.clone(), Some(20_000));
    let right = |i: &client_first::engine::quiz::RoundItem| match i.question.kind {
        Kind::Order => Response::Order(i.question.order.clone()),
        _ => Response::Pick(i.question.right.clone()),
    };
    let wrong = |i: &client_first::engine::quiz::RoundItem| match i.question.kind {
        Kind::Order => Response::Order(i.question.order.iter().rev().cloned().collect()),
        _ => Response::Pick(
            i.question
                .answers
                .iter()
                .find(|a| a.key != i.question.right)
                .unwrap()
                .key
                .clone(),
        ),
    };
    // Right, right, wrong, timed out, then right to the end.
    for n in 0..round.items.len() {
        let item = play.current().unwrap().clone();
        let a = match n {
            2 => play.answer(wrong(&item), 1_000).unwrap().clone(),
            3 => play.answer(right(&item), 25_000).unwrap().clone(),
            _ => play.answer(right(&item), 0).unwrap().clone(),
        };
        match n {
            0 => assert_eq!(a.points, 1000),
            1 => assert_eq!(a.points, 1100),
            2 => assert_eq!((a.points, a.streak), (0, 0)),
            3 => assert_eq!(
                (a.points, a.correct, a.response.clone()),
                (0, false, Response::TimedOut)
            ),
            _ => assert_eq!(a.points, 1000 + streak_bonus(a.streak)),
        }
    }
    assert!(play.is_over());
    assert!(play.answer(Response::TimedOut, 0).is_none());
    let r = play.results();
    assert_eq!((r.correct, r.total), (8, 10));
    assert_eq!(r.best_streak, 6);
    assert_eq!(
        r.score,
        play.answered().iter().map(|a| a.points).sum::<u32>()
    );
    assert_eq!(r.missed.len(), 2);
    assert_eq!(r.time_ms, 1_000 + 20_000);
    let reviews: usize = round
        .items
        .iter()
        .map(|i| i.question.principles.len())
        .sum();
    assert_eq!(r.reviews.len(), reviews);
    let wrong_reviews = r.reviews.iter().filter(|v| !v.correct).count();
    let tally_wrong: u32 = r.per_principle.values().map(|t| t.wrong).sum();
    assert_eq!(wrong_reviews as u32, tally_wrong);
}

#[test]
fn check_reports_yield_and_skips_per_scenario() {
    let report = check_report(&LIB);
    assert_eq!(report.scenarios.len(), LIB.scenarios.len());
    assert!(report.written >= 60);
    let made: usize = report.scenarios.iter().flat_map(|s| s.made.values()).sum();
    assert_eq!(made + report.written, report.totals.values().sum::<usize>());
    for s in &report.scenarios {
        assert!(
            s.made.values().sum::<usize>() > 0,
            "{} yields nothing",
            s.scenario
        );
    }
    let reasons: BTreeSet<SkipReason> = report
        .scenarios
        .iter()
        .flat_map(|s| s.skipped.iter().map(|k| k.reason))
        .collect();
    assert!(!reasons.is_empty());
}

#[test]
fn the_shipped_quiz_is_clean_and_covers_every_principle() {
    let quiz_diags: Vec<_> = LIB
        .catalog_diagnostics
        .iter()
        .filter(|d| d.file.ends_with("quiz.ron"))
        .collect();
    assert!(quiz_diags.is_empty(), "{quiz_diags:#?}");
    let covered: BTreeSet<&str> = LIB
        .quiz
        .iter()
        .flat_map(|q| q.principles.iter().map(String::as_str))
        .collect();
    for p in &LIB.catalog.principles {
        assert!(
            covered.contains(p.id.as_str()),
            "no written question on {}",
            p.id
        );
    }
    assert!(LIB.quiz.len() >= 60, "{}", LIB.quiz.len());
    assert!(LIB.scenarios.iter().all(|l| !l.file.ends_with("quiz.ron")));
    assert!(LIB.problems.iter().all(|p| !p.file.ends_with("quiz.ron")));
}

/// Loads a quiz fixture against the built-in catalogs.
fn quiz_fixture(name: &str) -> Vec<client_first::engine::diag::Diagnostic> {
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    let file = format!("tests/fixtures/{name}");
    load_quiz(&file, &text, &LIB.catalog, &LIB.cases).1
}

#[test]
fn quiz_errors_are_located() {
    let d = quiz_fixture("quiz_errors.ron");
    let find = |code: &str| {
        d.iter()
            .find(|x| x.code.as_str() == code)
            .unwrap_or_else(|| panic!("no {code}: {d:#?}"))
    };
    // Line numbers are those of the fixture.
    let at = |code: &str| (find(code).pos.line, find(code).pos.col);
    assert_eq!(at("unknown-principle"), (7, 42));
    assert!(diagnostic_fix(Lang::En, find("unknown-principle")).contains("fc.keep_word"));
    assert_eq!(at("unknown-case"), (8, 21));
    // At the text that lacks a language: the `(` of the explanation.
    assert_eq!(at("missing-translation").0, 25);
    assert_eq!(find("right-answer").pos.line, 34);
    assert_eq!(find("option-count").pos.line, 45);
    assert_eq!(find("duplicate-id").pos.line, 51);
    assert!(diagnostic_message(Lang::En, find("duplicate-id")).contains("two questions"));
    assert!(
        find("duplicate-id")
            .to_string()
            .contains("tests/fixtures/quiz_errors.ron:51:17")
    );
    let coverage: Vec<_> = d
        .iter()
        .filter(|x| x.code.as_str() == "quiz-coverage")
        .collect();
    assert_eq!(
        coverage.len(),
        1,
        "one warning lists every principle without a question"
    );
    assert!(!coverage[0].is_error());
    assert!(!diagnostic_message(Lang::En, coverage[0]).contains("`st.polite`"));
    assert!(diagnostic_message(Lang::En, coverage[0]).contains("`cr.composure`"));
    assert!(d.iter().all(|x| x.file.ends_with("quiz_errors.ron")));
}

#[test]
fn a_quiz_syntax_error_is_located() {
    let d = quiz_fixture("quiz_syntax.ron");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code.as_str(), "syntax");
    // The comma is missing at the end of line 6; ron stops at the next field.
    assert_eq!(d[0].pos.line, 7);
    let fix = diagnostic_fix(Lang::En, &d[0]);
    assert!(fix.contains("`,`"), "{fix}");
}

#[test]
fn a_broken_quiz_is_reported_by_check_and_leaves_the_scenarios_playable() {
    let lib = library_of(&["small.ron", "quiz_errors.ron"]);
    // The fixture is not named quiz.ron, so it is read as a scenario and fails to parse as one;
    // a folder's quiz.ron is recognised by its name.
    assert!(lib.get("small").is_some());
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("quiz_errors.ron"), dir.path().join("quiz.ron")).unwrap();
    std::fs::copy(fixture("small.ron"), dir.path().join("small.ron")).unwrap();
    let lib = client_first::cli::check_library(&[dir.path().to_path_buf()]);
    assert!(lib.get("small").is_some());
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    assert!(
        lib.catalog_diagnostics
            .iter()
            .any(|d| d.code.as_str() == "right-answer")
    );
    let mut out = Vec::new();
    let code = client_first::cli::check(
        &[dir.path().to_path_buf()],
        client_first::cli::Format::Text,
        Lang::En,
        &mut out,
    )
    .unwrap();
    assert_eq!(code, 1, "{}", String::from_utf8_lossy(&out));
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("quiz.ron:"), "{text}");
}

#[test]
fn every_message_the_quiz_names_exists_in_both_languages() {
    let mut ids: Vec<&str> = vec![client_first::engine::quiz::TF_STATEMENT_ID];
    for k in Kind::ALL {
        ids.extend([k.prompt_id(), k.name_id()]);
    }
    for r in [
        SkipReason::AmbiguousMax,
        SkipReason::NotEnoughDistractors,
        SkipReason::Tie,
        SkipReason::SmallMargin,
        SkipReason::TooFewReplies,
        SkipReason::DependsOnPath,
        SkipReason::Unreachable,
        SkipReason::DuplicateOptions,
    ] {
        ids.push(r.message_id());
    }
    for id in ids {
        for lang in Lang::ALL {
            assert!(client_first::i18n::has(lang, id), "{id} missing in {lang}");
        }
    }
    let stmt = client_first::i18n::tra(
        Lang::Ru,
        client_first::engine::quiz::TF_STATEMENT_ID,
        &client_first::i18n::Args::new().str("principle", "Верьте Клиенту"),
    );
    assert_eq!(stmt, "Этот ответ соблюдает принцип «Верьте Клиенту».");
    let pts = |n: f64| {
        client_first::i18n::tra(
            Lang::Ru,
            "quiz-results-points",
            &client_first::i18n::Args::new().num("n", n),
        )
    };
    assert_eq!(
        [pts(1.0), pts(2.0), pts(5.0), pts(21.0), pts(1100.0)],
        ["1 балл", "2 балла", "5 баллов", "21 балл", "1100 баллов"]
    );
}

#[test]
fn check_prints_the_quiz_yield_per_scenario() {
    let mut out = Vec::new();
    let code =
        client_first::cli::check(&[], client_first::cli::Format::Text, Lang::En, &mut out).unwrap();
    let text = String::from_utf8_lossy(&out);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("Quiz: questions made from each scenario"),
        "{text}"
    );
    assert!(text.contains(&format!("Hand-written questions: {}", LIB.quiz.len())));
    for l in &LIB.scenarios {
        assert!(
            text.contains(&format!("  {}: ", l.scenario.id)),
            "{}",
            l.scenario.id
        );
    }
    let total: usize = POOL.counts().values().sum();
    assert!(
        text.contains(&format!("Question pool: {total} (")),
        "{text}"
    );
}
