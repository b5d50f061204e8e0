//! The quiz in the game: a round from the title screen to the results by keys alone, coach and exam
//! styles, a timed question that runs out, rounds saved into a real store with their reviews, and
//! the quiz views clicked by their labels.

use crate::common::*;
use bevy::prelude::{App, KeyCode, Messages};
use bevy::window::RequestRedraw;
use bevy_egui::egui;
use client_first::engine::library::Library;
use client_first::engine::quiz::{self, Kind, Play, Pool, Response, RoundKind, RoundSpec};
use client_first::engine::text::Lang;
use client_first::game::activities::quiz::Clock;
use client_first::game::core::saves::Saves;
use client_first::game::models::quiz::{MenuView, Phase, QuestionView, ResultsView, Verdict};
use client_first::game::views::{self, Cx};
use client_first::game::{
    Action, ActiveQuiz, Content, DialogueAction, FinishedQuiz, Mode, Overlay, QuizAction,
    QuizRound, QuizSession, Screen,
};
use client_first::store::{Kind as StoreKind, Store};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use std::time::Duration;

fn session(app: &App) -> &QuizSession {
    app.world().resource::<QuizSession>()
}

fn active(app: &App) -> &ActiveQuiz {
    session(app).active.as_ref().expect("a round in progress")
}

fn library(app: &App) -> Arc<Library> {
    Arc::clone(&app.world().resource::<Content>().library)
}

/// The model of the question on screen.
fn question_view(app: &App) -> QuestionView {
    QuestionView::new(active(app), &library(app), Lang::Ru).expect("a question on screen")
}

/// Answers the question on screen by keys: the first tile, or for an ordering question the tiles in
/// the order shown (the last one goes into place by itself).
fn answer_by_keys(app: &mut App) {
    let item = active(app).play.current().expect("a question").clone();
    if item.question.kind == Kind::Order {
        let digits = [KeyCode::Digit1, KeyCode::Digit2, KeyCode::Digit3];
        for d in &digits[..item.shown.len() - 1] {
            key(app, *d);
        }
    } else {
        key(app, KeyCode::Digit1);
    }
}

/// Plays the round on screen to its results by keys alone; returns how many explanations were
/// shown on the way.
pub(crate) fn play_round_by_keys(app: &mut App) -> usize {
    let mut explained = 0;
    for _ in 0..100 {
        match screen(app) {
            Screen::QuizResults => return explained,
            Screen::Quiz => {}
            other => panic!("unexpected screen {other:?}"),
        }
        if active(app).feedback.is_some() {
            explained += 1;
            assert_eq!(targets(app), vec![Action::Quiz(QuizAction::Next)]);
            key(app, KeyCode::Space);
        } else {
            answer_by_keys(app);
        }
    }
    panic!("the round did not end in 100 steps");
}

/// Moves the highlight to the target with `action` and presses Enter.
fn enter_on(app: &mut App, action: Action) {
    let at = targets(app)
        .iter()
        .position(|a| *a == action)
        .unwrap_or_else(|| panic!("{action:?} is not on {:?}", screen(app)));
    while focus(app) < at {
        key(app, KeyCode::ArrowDown);
    }
    key(app, KeyCode::Enter);
}

#[test]
fn a_coach_round_goes_from_the_title_to_the_results_by_keys_alone() {
    let mut app = app();
    enter_on(&mut app, Action::Goto(Screen::QuizMenu));
    assert_eq!(screen(&app), Screen::QuizMenu);
    // Daily practice is first; without a store it draws on the whole library.
    assert_eq!(
        targets(&app)[0],
        Action::Quiz(QuizAction::Start(QuizRound::Daily))
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Quiz);
    let a = active(&app);
    assert_eq!(a.style, Mode::Coach);
    assert_eq!(a.play.limit_ms(), Some(quiz::TIME_LIMIT_MS));
    assert_eq!(a.play.round().items.len(), quiz::ROUND_LEN);
    let vm = question_view(&app);
    assert_eq!(vm.progress, "Вопрос 1 из 10");
    assert!((2..=4).contains(&vm.tiles.len()));
    assert!(vm.countdown.is_some());

    let explained = play_round_by_keys(&mut app);
    assert_eq!(
        explained,
        quiz::ROUND_LEN,
        "coach style explains every answer"
    );
    let f = session(&app).finished.clone().expect("results");
    assert_eq!(f.results.total, quiz::ROUND_LEN);
    assert_eq!(f.results.answers.len(), quiz::ROUND_LEN);
    assert!(session(&app).active.is_none());
    let vm = ResultsView::new(&f, &library(&app), Lang::Ru);
    assert_eq!(vm.missed.len(), quiz::ROUND_LEN - f.results.correct);
    assert_eq!(vm.figures, (f.results.correct, quiz::ROUND_LEN));
    assert!(!vm.principles.is_empty());
    for m in &vm.missed {
        assert!(m.explanation.right.starts_with("Правильный ответ: "));
        assert!(!m.explanation.principles.is_empty() || m.explanation.text.is_some());
    }
    // Play again (the first button) starts a new round of the same kind.
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Quiz);
    assert_eq!(active(&app).kind, QuizRound::Daily);
    assert!(active(&app).play.answered().is_empty());
    // Esc asks first; Stay (the default) keeps the round, Leave goes back to the menu.
    answer_by_keys(&mut app);
    key(&mut app, KeyCode::Escape);
    assert_eq!(overlay(&app), Overlay::Leave);
    assert_eq!(targets(&app)[1], Action::Quiz(QuizAction::Abandon));
    key(&mut app, KeyCode::Enter);
    assert_eq!(overlay(&app), Overlay::None);
    assert_eq!(active(&app).play.answered().len(), 1);
    key(&mut app, KeyCode::Escape);
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::QuizMenu);
    assert!(session(&app).active.is_none());
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Title);
}

#[test]
fn exam_style_keeps_the_explanations_for_the_results() {
    let mut app = app();
    send(&mut app, Action::SetMode(Mode::Exam));
    send(&mut app, QuizAction::Start(QuizRound::Mixed).into());
    assert_eq!(active(&app).style, Mode::Exam);
    // A–D answer like 1–4: B picks the second tile (it does not blank the screen here).
    key(&mut app, KeyCode::KeyB);
    assert!(!blanked(&app));
    let a = active(&app);
    assert_eq!(a.play.answered().len(), 1, "B answered the first question");
    assert!(a.feedback.is_none(), "no explanation in exam style");
    assert!(matches!(question_view(&app).phase, Phase::Answering));
    assert_eq!(question_view(&app).number, 2);
    let explained = play_round_by_keys(&mut app);
    assert_eq!(explained, 0);
    let f = session(&app).finished.clone().expect("results");
    assert_eq!(f.style, Mode::Exam);
    let vm = ResultsView::new(&f, &library(&app), Lang::En);
    // The missed questions are explained on the results screen.
    assert_eq!(vm.missed.len(), quiz::ROUND_LEN - f.results.correct);
    for m in &vm.missed {
        assert!(m.explanation.right.starts_with("The right answer: "));
        assert_ne!(m.explanation.verdict, Verdict::Correct);
    }
    // The results page down before the clicker moves to the buttons.
    app.world_mut()
        .resource_mut::<client_first::game::core::Scroll>()
        .at_bottom = false;
    key(&mut app, KeyCode::PageDown);
    assert_eq!(
        app.world()
            .resource::<client_first::game::core::Scroll>()
            .request,
        1
    );
    assert_eq!(focus(&app), 0);
}

/// Moves the clock of the question on screen on by `by`.
fn advance(app: &mut App, by: Duration) {
    let mut session = app.world_mut().resource_mut::<QuizSession>();
    session
        .active
        .as_mut()
        .expect("a round in progress")
        .clock
        .advance(by);
}

/// How many redraw requests one more frame writes.
fn redraws(app: &mut App) -> usize {
    app.world_mut()
        .resource_mut::<Messages<RequestRedraw>>()
        .clear();
    app.update();
    app.world().resource::<Messages<RequestRedraw>>().len()
}

#[test]
fn a_timed_question_counts_down_and_running_out_is_a_wrong_answer() {
    let mut app = app();
    send(&mut app, QuizAction::Start(QuizRound::Mixed).into());
    // While the countdown runs the game asks for its own frames.
    assert!(redraws(&mut app) > 0, "a running countdown asks for frames");
    let left = question_view(&app).countdown.expect("a countdown").left_ms;
    assert!(left <= quiz::TIME_LIMIT_MS && left > quiz::TIME_LIMIT_MS - 5_000);

    // The settings over the question stop its clock, and the frames.
    send(&mut app, Action::OpenSettings);
    assert!(!active(&app).clock.running());
    assert_eq!(redraws(&mut app), 0, "a paused countdown asks for nothing");
    send(&mut app, Action::Back);
    assert!(active(&app).clock.running());

    // Twenty seconds later the question is answered as timed out: wrong, no points.
    advance(
        &mut app,
        Duration::from_millis(u64::from(quiz::TIME_LIMIT_MS)),
    );
    app.update();
    let a = active(&app);
    let answered = &a.play.answered()[0];
    assert_eq!(answered.response, Response::TimedOut);
    assert!(!answered.correct);
    assert_eq!(answered.points, 0);
    assert_eq!(answered.time_ms, quiz::TIME_LIMIT_MS);
    let vm = question_view(&app);
    let Phase::Explained(e) = &vm.phase else {
        panic!("the explanation follows a timeout in coach style");
    };
    assert_eq!(e.verdict, Verdict::TimeUp);
    assert_eq!(e.headline, "Время вышло");
    assert!(vm.countdown.is_none());
    // With the explanation on screen, nothing ticks: the game goes back to sleeping.
    assert_eq!(
        redraws(&mut app),
        0,
        "no frames are asked for after the countdown"
    );
    // A key pressed now does not answer the next question.
    key(&mut app, KeyCode::Digit2);
    assert_eq!(active(&app).play.answered().len(), 1);
    key(&mut app, KeyCode::Enter);
    assert!(active(&app).answering());
    assert_eq!(question_view(&app).number, 2);

    // An untimed round never asks for frames.
    send(&mut app, QuizAction::Abandon.into());
    send(&mut app, QuizAction::ToggleTimed.into());
    send(&mut app, QuizAction::Start(QuizRound::Mixed).into());
    assert_eq!(active(&app).play.limit_ms(), None);
    assert!(question_view(&app).countdown.is_none());
    assert_eq!(redraws(&mut app), 0);
}

#[test]
fn an_ordering_question_is_answered_reply_by_reply_and_backspace_undoes() {
    let mut app = app();
    let lib = library(&app);
    let pool = Pool::build(&lib);
    let mut spec = RoundSpec::new(RoundKind::Mixed, 3);
    spec.kinds = vec![Kind::Order];
    let round = pool.round(&spec, &lib.catalog);
    assert!(
        !round.items.is_empty(),
        "the library yields ordering questions"
    );
    let item = round.items[0].clone();
    app.world_mut().resource_mut::<QuizSession>().active = Some(ActiveQuiz {
        play: Play::new(round, None),
        kind: QuizRound::Mixed,
        style: Mode::Coach,
        clock: Clock::started(),
        ordering: Vec::new(),
        feedback: None,
        attempt: None,
    });
    send(&mut app, Action::Goto(Screen::Quiz));
    key(&mut app, KeyCode::Digit2);
    assert_eq!(active(&app).ordering, vec![item.shown[1].clone()]);
    let vm = question_view(&app);
    assert_eq!(vm.tiles[1].place, Some(1));
    assert_eq!(targets(&app).last(), Some(&Action::Quiz(QuizAction::Undo)));
    // The same reply twice counts once; Backspace takes it back.
    key(&mut app, KeyCode::Digit2);
    assert_eq!(active(&app).ordering.len(), 1);
    key(&mut app, KeyCode::Backspace);
    assert!(active(&app).ordering.is_empty());
    // The right order, picked by the tiles' places; the last reply goes into place by itself.
    let places: Vec<usize> = item
        .question
        .order
        .iter()
        .map(|k| item.shown.iter().position(|s| s == k).unwrap())
        .collect();
    let digits = [
        KeyCode::Digit1,
        KeyCode::Digit2,
        KeyCode::Digit3,
        KeyCode::Digit4,
    ];
    for p in &places[..places.len() - 1] {
        key(&mut app, digits[*p]);
    }
    let a = active(&app);
    let answered = &a.play.answered()[0];
    assert_eq!(
        answered.response,
        Response::Order(item.question.order.clone())
    );
    assert!(answered.correct);
    let Phase::Explained(e) = question_view(&app).phase else {
        panic!("coach style explains");
    };
    assert_eq!(e.verdict, Verdict::Correct);
    assert!(
        question_view(&app)
            .tiles
            .iter()
            .all(|t| t.verdict == Some(true))
    );
}

fn saves_at(path: &std::path::Path) -> Saves {
    Saves::new(Store::open(path).expect("a new store opens").store).expect("a guest profile")
}

#[test]
fn every_round_is_saved_with_its_answers_and_reviews() {
    let dir = temp_dir();
    let path = dir.path().join("progress.sqlite");
    let mut app = app_with_saves(saves_at(&path));
    send(&mut app, QuizAction::Start(QuizRound::Mixed).into());
    let attempt = active(&app).attempt.expect("the round is an attempt");
    let round = active(&app).play.round().clone();
    // Autosaved after each answer.
    answer_by_keys(&mut app);
    {
        let saves = app.world().resource::<Saves>();
        let open = saves
            .with(|s| s.in_progress(saves.profile, StoreKind::Quiz))
            .unwrap()
            .expect("the round in progress");
        assert_eq!(open.attempt, attempt);
        assert_eq!(open.steps.len(), 1);
        assert_eq!(open.steps[0].item, round.items[0].question.id);
    }
    play_round_by_keys(&mut app);
    let f = session(&app).finished.clone().unwrap();
    drop(app);

    let saves = saves_at(&path);
    let history = saves.with(|s| s.history(saves.profile, 0, 10)).unwrap();
    assert_eq!(history.len(), 1, "{history:?}");
    let row = &history[0];
    assert_eq!(row.kind, StoreKind::Quiz);
    assert_eq!(row.activity, "mixed");
    assert_eq!(row.total, i32::try_from(f.results.score).unwrap());
    assert_eq!(
        usize::from(row.score),
        f.results.correct * 100 / f.results.total
    );
    let steps = saves.with(|s| s.steps(attempt)).unwrap();
    assert_eq!(steps.len(), round.items.len());
    for ((step, item), answered) in steps.iter().zip(&round.items).zip(&f.results.answers) {
        assert_eq!(step.item, item.question.id);
        assert_eq!(step.correct, Some(answered.correct));
        assert_eq!(step.ms, answered.time_ms);
    }
    // One review per answered question and principle.
    let reviews: i64 = saves.with(|s| {
        s.connection()
            .query_row(
                "SELECT COUNT(*) FROM reviews WHERE attempt = ?1",
                [attempt.0],
                |r| r.get(0),
            )
            .unwrap()
    });
    assert_eq!(reviews as usize, f.results.reviews.len());
    assert!(reviews > 0);
    let mastery = saves.with(|s| s.mastery(saves.profile)).unwrap();
    for p in f.results.per_principle.keys() {
        assert!(mastery.contains_key(p), "{p} has no mastery");
    }

    // A missed principle is due again today, and daily practice asks about it first.
    let due = saves
        .with(|s| {
            s.due_principles(
                saves.profile,
                client_first::store::end_of_local_day(client_first::store::now_ms()),
            )
        })
        .unwrap();
    let mut app = app_with_saves(saves);
    send(&mut app, QuizAction::Start(QuizRound::Daily).into());
    if !due.is_empty() {
        let first = &active(&app).play.round().items[0].question;
        assert!(
            first.principles.iter().any(|p| due.contains(p)),
            "{:?} is not about a due principle ({due:?})",
            first.principles
        );
    }
    // A round left half-way is not kept.
    answer_by_keys(&mut app);
    key(&mut app, KeyCode::Escape);
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::QuizMenu);
    let saves = app.world().resource::<Saves>();
    assert!(
        saves
            .with(|s| s.in_progress(saves.profile, StoreKind::Quiz))
            .unwrap()
            .is_none()
    );
    assert_eq!(
        saves
            .with(|s| s.history(saves.profile, 0, 10))
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn review_missed_starts_the_scenario_that_trains_them() {
    let mut app = app();
    send(&mut app, QuizAction::Start(QuizRound::Mixed).into());
    // Let every question run out: everything is missed.
    for _ in 0..quiz::ROUND_LEN {
        advance(&mut app, Duration::from_secs(60));
        app.update();
        key(&mut app, KeyCode::Enter);
    }
    assert_eq!(screen(&app), Screen::QuizResults);
    let f = session(&app).finished.clone().unwrap();
    assert_eq!(f.results.correct, 0);
    let vm = ResultsView::new(&f, &library(&app), Lang::En);
    let (id, _) = vm
        .review
        .clone()
        .expect("a scenario trains the missed principles");
    let review = Action::Dialogue(DialogueAction::Start(id.clone()));
    assert_eq!(targets(&app)[1], review);
    enter_on(&mut app, review);
    assert_eq!(screen(&app), Screen::Dialogue);
    assert_eq!(
        conversation(&app)
            .active
            .as_ref()
            .unwrap()
            .run
            .scenario()
            .id,
        id
    );
}

// ------------------------------------------------------------------------------------ the views

fn harness<'a, V: 'a>(
    vm: V,
    cx: Cx,
    show: impl Fn(&mut egui::Ui, &V, &Cx, &mut Vec<Action>) + 'a,
) -> Harness<'a, Vec<Action>> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .build_ui_state(
            move |ui, out: &mut Vec<Action>| show(ui, &vm, &cx, out),
            Vec::new(),
        );
    h.run();
    h
}

/// A round of `kinds` questions drawn from the built-in library.
fn round_of(lib: &Library, kinds: Vec<Kind>, seed: u64) -> ActiveQuiz {
    let pool = Pool::build(lib);
    let mut spec = RoundSpec::new(RoundKind::Mixed, seed);
    spec.kinds = kinds;
    ActiveQuiz {
        play: Play::new(pool.round(&spec, &lib.catalog), Some(quiz::TIME_LIMIT_MS)),
        kind: QuizRound::Mixed,
        style: Mode::Coach,
        clock: Clock::started(),
        ordering: Vec::new(),
        feedback: None,
        attempt: None,
    }
}

#[test]
fn the_tiles_are_clicked_by_their_labels_and_the_explanation_goes_on() {
    let content = Content::load(None);
    let lib = &content.library;
    for (lang, kinds) in [
        (Lang::En, vec![Kind::Upholds]),
        (Lang::Ru, vec![Kind::Written]),
        (Lang::En, vec![Kind::BestReply]),
    ] {
        let mut a = round_of(lib, kinds, 5);
        let vm = QuestionView::new(&a, lib, lang).unwrap();
        assert!(vm.tiles.len() >= 2);
        let second = vm.tiles[1].label.clone();
        let mut h = harness(vm.clone(), Cx::plain(), views::quiz::show_question);
        h.get_by_label(&vm.prompt);
        h.get_by_label(&second).click();
        h.run();
        assert_eq!(h.state(), &vec![Action::Quiz(QuizAction::Pick(1))]);

        // Answered in coach style: the explanation and the button that goes on.
        let key = a.play.current().unwrap().shown[1].clone();
        a.play.answer(Response::Pick(key), 1_000);
        a.feedback = Some(0);
        let vm = QuestionView::new(&a, lib, lang).unwrap();
        let Phase::Explained(e) = &vm.phase else {
            panic!("an explanation");
        };
        let mut h = harness(vm.clone(), Cx::plain(), views::quiz::show_question);
        h.get_by_label_contains(&e.headline);
        h.get_by_label(&e.right);
        // The tiles no longer answer.
        for node in h.get_all_by_label(&second).collect::<Vec<_>>() {
            node.click();
        }
        h.run();
        assert!(h.state().is_empty());
        let go_on = format!("{}  →", vm.targets()[0].label);
        h.get_by_label(&go_on).click();
        h.run();
        assert_eq!(h.state(), &vec![Action::Quiz(QuizAction::Next)]);
    }
}

#[test]
fn the_quiz_views_draw_at_250_percent_in_high_contrast() {
    let content = Content::load(None);
    let lib = &content.library;
    let mut cx = Cx::plain();
    cx.palette = client_first::game::theme::Palette::new(true);
    cx.presenter = true;
    let a = round_of(lib, vec![Kind::TrueFalse], 9);
    let vm = QuestionView::new(&a, lib, Lang::Ru).unwrap();
    assert_eq!(vm.tiles.len(), 2);
    let mut h = Harness::builder()
        .with_size(egui::vec2(512.0, 288.0))
        .build_ui_state(
            move |ui, out: &mut Vec<Action>| views::quiz::show_question(ui, &vm, &cx, out),
            Vec::new(),
        );
    h.run();
    // Both tiles and the statement are on the one screen, without scrolling.
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(512.0, 288.0));
    for label in ["Верно", "Неверно"] {
        let rect = h.get_by_label(label).rect();
        assert!(screen.contains_rect(rect), "{label} at {rect:?}");
    }
    h.get_by_label("Неверно").click();
    h.run();
    assert_eq!(h.state(), &vec![Action::Quiz(QuizAction::Pick(1))]);
}

#[test]
fn the_menu_and_the_results_send_their_actions() {
    let content = Content::load(None);
    let lib = &content.library;
    let vm = MenuView::new(Lang::En, lib, Mode::Coach, true);
    assert_eq!(vm.sources.len(), 5);
    let mut h = harness(vm, Cx::plain(), views::quiz::show_menu);
    h.get_by_label("Mixed").click();
    h.run();
    h.get_by_label("Timed: 20 s per question").click();
    h.run();
    h.get_by_label("Coach: explanation after each answer")
        .click();
    h.run();
    assert_eq!(
        h.state(),
        &vec![
            Action::Quiz(QuizAction::Start(QuizRound::Mixed)),
            Action::Quiz(QuizAction::ToggleTimed),
            Action::ToggleMode,
        ]
    );

    let mut a = round_of(lib, Vec::new(), 11);
    while let Some(item) = a.play.current() {
        let key = item.shown[0].clone();
        let response = if item.question.kind == Kind::Order {
            Response::Order(item.shown.clone())
        } else {
            Response::Pick(key)
        };
        a.play.answer(response, 4_000);
    }
    let f = FinishedQuiz {
        round: a.play.round().clone(),
        results: a.play.results(),
        kind: QuizRound::Mixed,
        style: Mode::Exam,
        limit_ms: Some(quiz::TIME_LIMIT_MS),
        attempt: None,
    };
    let vm = ResultsView::new(&f, lib, Lang::Ru);
    assert!(vm.correct.starts_with("Верно: "));
    let mut h = harness(vm.clone(), Cx::plain(), views::quiz::show_results);
    h.get_by_label(&vm.score);
    h.get_by_label("Сыграть ещё").click();
    h.run();
    h.get_by_label("Дальше").click();
    h.run();
    assert_eq!(
        h.state(),
        &vec![
            Action::Quiz(QuizAction::Again),
            Action::Goto(Screen::QuizMenu)
        ]
    );
}
