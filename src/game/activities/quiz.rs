//! The quiz activity: starting a round from the quiz menu, answering by tile or key, the countdown,
//! the coach's explanation after each answer (exam style keeps them for the results), leaving, and
//! the results. It handles [`QuizAction`]s and Esc on the question screen.
//!
//! Questions, rounds, points and streaks all come from the engine ([`crate::engine::quiz`]): this
//! plugin only feeds [`Play`] the player's responses with the time they took. Every round is saved
//! as a quiz attempt when a progress store is open: each answer is autosaved as a step, and when the
//! round ends every answered question becomes a spaced-repetition review of its principles.
//!
//! While a timed question waits for its answer the game asks for its own frames (`RequestRedraw`),
//! since in reactive mode nothing else would redraw the countdown or notice that it ran out; as soon
//! as the question is answered, covered by an overlay or blanked, it stops asking and the game goes
//! back to sleeping between inputs.

use crate::engine::library::Library;
use crate::engine::progress::Rating;
use crate::engine::quiz::{self, Kind, Play, Pool, Response, Results, Round, RoundKind, RoundSpec};
use crate::game::activities::dialogue::Seeds;
use crate::game::core::content::Content;
use crate::game::core::saves::Saves;
use crate::game::core::settings::{Mode, Settings};
use crate::game::core::{Action, GameSet, Overlay, Presenter, QuizAction, QuizRound, Screen};
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The time per question of a timed round.
pub const TIME_LIMIT_MS: u32 = quiz::TIME_LIMIT_MS;

/// How many of the weakest principles daily practice draws on after the due ones.
const WEAKEST: usize = 8;

/// A question's clock. It runs only while the question waits for an answer with nothing over it, so
/// opening the settings or blanking the projector does not eat the player's time.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// Time counted before the last pause.
    banked: Duration,
    /// When it last started running, while it runs.
    since: Option<Instant>,
}

impl Clock {
    /// A clock that starts running now.
    pub fn started() -> Clock {
        Clock {
            banked: Duration::ZERO,
            since: Some(Instant::now()),
        }
    }

    /// The time counted so far.
    pub fn elapsed(&self) -> Duration {
        self.banked + self.since.map_or(Duration::ZERO, |s| s.elapsed())
    }

    /// The time counted so far, in milliseconds.
    pub fn elapsed_ms(&self) -> u32 {
        u32::try_from(self.elapsed().as_millis()).unwrap_or(u32::MAX)
    }

    /// Whether it is running.
    pub fn running(&self) -> bool {
        self.since.is_some()
    }

    /// Stops counting, keeping what was counted.
    pub fn pause(&mut self) {
        if let Some(s) = self.since.take() {
            self.banked += s.elapsed();
        }
    }

    /// Counts on from where it stopped.
    pub fn resume(&mut self) {
        if self.since.is_none() {
            self.since = Some(Instant::now());
        }
    }

    /// Counts `by` as if it had passed: the tests make a question run out this way without
    /// waiting twenty seconds.
    pub fn advance(&mut self, by: Duration) {
        self.banked += by;
    }
}

/// A quiz round in progress.
#[derive(Debug, Clone)]
pub struct ActiveQuiz {
    /// The engine's round with the answers so far.
    pub play: Play,
    /// What the round was drawn from, for "Play again".
    pub kind: QuizRound,
    /// Coach (an explanation after each answer) or exam (explanations on the results screen), fixed
    /// for the whole round.
    pub style: Mode,
    /// The clock of the question on screen.
    pub clock: Clock,
    /// In an ordering question, the option keys put in order so far, best first.
    pub ordering: Vec<String>,
    /// In coach style, the index of the answered question whose explanation is on screen.
    pub feedback: Option<usize>,
    /// The attempt in the progress store, when there is one.
    pub attempt: Option<crate::store::AttemptId>,
}

impl ActiveQuiz {
    /// Whether the question on screen waits for an answer.
    pub fn answering(&self) -> bool {
        self.feedback.is_none() && self.play.current().is_some()
    }

    /// Milliseconds left on a timed question that waits for its answer.
    pub fn left_ms(&self) -> Option<u32> {
        let limit = self.play.limit_ms()?;
        self.answering()
            .then(|| limit.saturating_sub(self.clock.elapsed_ms()))
    }
}

/// A finished round, as the results screen shows it.
#[derive(Debug, Clone)]
pub struct FinishedQuiz {
    /// The questions as they were shown.
    pub round: Round,
    /// Score, streaks, per-principle tallies and every answer, from the engine.
    pub results: Results,
    /// What the round was drawn from.
    pub kind: QuizRound,
    /// Coach or exam.
    pub style: Mode,
    /// The time per question, `None` for an untimed round.
    pub limit_ms: Option<u32>,
    /// The stored attempt, for "Save report".
    pub attempt: Option<crate::store::AttemptId>,
}

/// The quiz: the round in progress, the last results, the menu's timing choice and the question
/// pool of the library in use.
#[derive(Resource, Debug)]
pub struct QuizSession {
    /// The round in progress.
    pub active: Option<ActiveQuiz>,
    /// The last finished round.
    pub finished: Option<Arc<FinishedQuiz>>,
    /// Timed questions (the default) or untimed self-study.
    pub timed: bool,
    /// The pool, built from the library it belongs to; a reloaded library builds a new one.
    pool: Option<(Arc<Library>, Arc<Pool>)>,
    /// What "Save report" did for the last results.
    pub report: Option<super::lrs::ReportNote>,
}

impl Default for QuizSession {
    fn default() -> Self {
        QuizSession {
            active: None,
            finished: None,
            timed: true,
            pool: None,
            report: None,
        }
    }
}

impl QuizSession {
    /// The question pool of `library`, built on first use and kept until the library changes.
    pub fn pool(&mut self, library: &Arc<Library>) -> Arc<Pool> {
        match &self.pool {
            Some((lib, pool)) if Arc::ptr_eq(lib, library) => Arc::clone(pool),
            _ => {
                let pool = Arc::new(Pool::build(library));
                self.pool = Some((Arc::clone(library), Arc::clone(&pool)));
                pool
            }
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<QuizSession>()
        .add_systems(Update, (apply_actions, tick).chain().in_set(GameSet::Apply));
}

/// Everything the quiz changes, gathered for [`apply`].
#[derive(bevy::ecs::system::SystemParam)]
pub struct QuizParams<'w> {
    quiz: ResMut<'w, QuizSession>,
    settings: Res<'w, Settings>,
    content: Res<'w, Content>,
    seeds: Res<'w, Seeds>,
    screen: Res<'w, State<Screen>>,
    next_screen: ResMut<'w, NextState<Screen>>,
    overlay: Res<'w, State<Overlay>>,
    next_overlay: ResMut<'w, NextState<Overlay>>,
    presenter: Res<'w, State<Presenter>>,
    saves: Option<ResMut<'w, Saves>>,
    lrs: Option<Res<'w, super::lrs::Lrs>>,
}

fn apply_actions(mut actions: MessageReader<Action>, mut p: QuizParams) {
    for action in actions.read() {
        match action {
            Action::Quiz(a) => apply(a, &mut p),
            Action::Back => back(&mut p),
            _ => {}
        }
    }
}

/// Carries out one quiz action.
fn apply(action: &QuizAction, p: &mut QuizParams) {
    match action {
        QuizAction::Start(kind) => start(kind, p),
        QuizAction::Again => {
            if let Some(kind) = p.quiz.finished.as_ref().map(|f| f.kind.clone()) {
                start(&kind, p);
            }
        }
        QuizAction::Pick(i) => pick(*i, p),
        QuizAction::Undo => {
            if let Some(a) = &mut p.quiz.active
                && a.answering()
                && *p.overlay.get() == Overlay::None
            {
                a.ordering.pop();
            }
        }
        QuizAction::Next => next(p),
        QuizAction::Abandon => {
            if let Some(a) = p.quiz.active.take()
                && let (Some(saves), Some(attempt)) = (&p.saves, a.attempt)
                && let Err(e) = saves.with(|s| s.discard_attempt(attempt))
            {
                warn!("unfinished quiz round not discarded: {e}");
            }
            p.next_overlay.set(Overlay::None);
            p.next_screen.set(Screen::QuizMenu);
        }
        QuizAction::ToggleTimed => p.quiz.timed = !p.quiz.timed,
    }
}

/// Esc on a question asks before leaving the round; with no round it goes back to the menu.
fn back(p: &mut QuizParams) {
    if *p.screen.get() != Screen::Quiz
        || *p.overlay.get() != Overlay::None
        || *p.presenter.get() == Presenter::Blanked
    {
        return;
    }
    if p.quiz.active.is_some() {
        p.next_overlay.set(Overlay::Leave);
    } else {
        p.next_screen.set(Screen::QuizMenu);
    }
}

/// The store's id of a round's kind, so that the history and the picker figures group rounds.
pub fn activity_id(kind: &QuizRound) -> String {
    match kind {
        QuizRound::Daily => "daily".into(),
        QuizRound::Source(s) => format!("source/{s}"),
        QuizRound::Theme(t) => format!("theme/{}", t.key()),
        QuizRound::Mixed => "mixed".into(),
    }
}

/// The principles due for review today, then the weakest ones, from the store; both empty without
/// one, and daily practice then draws on the whole library.
fn daily(saves: Option<&Saves>) -> (Vec<String>, Vec<String>) {
    let Some(saves) = saves else {
        return (Vec::new(), Vec::new());
    };
    let now = crate::store::now_ms();
    let found = saves.with(|s| {
        let due = s.due_principles(saves.profile, crate::store::end_of_local_day(now))?;
        let mastery = s.mastery(saves.profile)?;
        Ok::<_, crate::store::StoreError>((due, mastery))
    });
    match found {
        Ok((due, mastery)) => {
            let mut weak: Vec<(u8, String)> = mastery
                .into_iter()
                .filter(|(id, _)| !due.contains(id))
                .filter_map(|(id, m)| m.percent().map(|p| (p, id)))
                .collect();
            weak.sort();
            (
                due.into_iter().collect(),
                weak.into_iter().take(WEAKEST).map(|(_, id)| id).collect(),
            )
        }
        Err(e) => {
            warn!("due principles not read: {e}");
            (Vec::new(), Vec::new())
        }
    }
}

fn start(kind: &QuizRound, p: &mut QuizParams) {
    let library = Arc::clone(&p.content.library);
    let pool = p.quiz.pool(&library);
    let seed = p.seeds.fixed.unwrap_or_else(rand::random);
    let round_kind = match kind {
        QuizRound::Daily => {
            let (due, weakest) = daily(p.saves.as_deref());
            RoundKind::Daily { due, weakest }
        }
        QuizRound::Source(s) => RoundKind::BySource(s.clone()),
        QuizRound::Theme(t) => RoundKind::ByTheme(*t),
        QuizRound::Mixed => RoundKind::Mixed,
    };
    let round = pool.round(&RoundSpec::new(round_kind, seed), &library.catalog);
    if round.items.is_empty() {
        warn!("no quiz questions for {kind:?}");
        return;
    }
    let limit_ms = p.quiz.timed.then_some(TIME_LIMIT_MS);
    let style = p.settings.mode;
    let attempt = p.saves.as_ref().and_then(|saves| {
        let ids: Vec<&str> = round.items.iter().map(|i| i.question.id.as_str()).collect();
        let new = crate::store::NewAttempt {
            profile: saves.profile,
            kind: crate::store::Kind::Quiz,
            activity: activity_id(kind),
            hash: format!(
                "quiz:{:016x}",
                crate::engine::progress::fnv1a64(ids.join("\n").as_bytes())
            ),
            seed,
            mode: style.into(),
            lang: p.settings.lang,
            detail: serde_json::json!({ "limit_ms": limit_ms, "questions": ids }),
        };
        saves
            .with(|s| s.start_attempt(&new))
            .map_err(|e| warn!("quiz round not saved: {e}"))
            .ok()
    });
    p.quiz.active = Some(ActiveQuiz {
        play: Play::new(round, limit_ms),
        kind: kind.clone(),
        style,
        clock: Clock::started(),
        ordering: Vec::new(),
        feedback: None,
        attempt,
    });
    p.next_overlay.set(Overlay::None);
    p.next_screen.set(Screen::Quiz);
}

/// A tile was picked: the answer, or in an ordering question the next reply of the order. The last
/// reply of an order goes into place by itself.
fn pick(i: usize, p: &mut QuizParams) {
    if *p.overlay.get() != Overlay::None || *p.presenter.get() == Presenter::Blanked {
        return;
    }
    let Some(a) = &mut p.quiz.active else {
        return;
    };
    if !a.answering() {
        return;
    }
    let Some(item) = a.play.current() else {
        return;
    };
    let Some(key) = item.shown.get(i).cloned() else {
        return;
    };
    let response = if item.question.kind == Kind::Order {
        if a.ordering.contains(&key) {
            return;
        }
        a.ordering.push(key);
        if a.ordering.len() + 1 == item.shown.len()
            && let Some(last) = item.shown.iter().find(|k| !a.ordering.contains(k))
        {
            a.ordering.push(last.clone());
        }
        if a.ordering.len() < item.shown.len() {
            return;
        }
        Response::Order(std::mem::take(&mut a.ordering))
    } else {
        Response::Pick(key)
    };
    respond(response, p);
}

/// Gives the engine the response with the time it took, autosaves it, then shows the explanation
/// (coach) or the next question (exam).
fn respond(response: Response, p: &mut QuizParams) {
    let Some(a) = &mut p.quiz.active else {
        return;
    };
    let index = a.play.answered().len();
    let elapsed = a.clock.elapsed_ms();
    a.clock.pause();
    a.ordering.clear();
    let Some(answered) = a.play.answer(response, elapsed).cloned() else {
        return;
    };
    if let (Some(saves), Some(attempt)) = (&p.saves, a.attempt) {
        let step = crate::store::Step {
            item: answered.question.clone(),
            answer: match &answered.response {
                Response::Pick(k) => k.clone(),
                Response::Order(keys) => keys.join(","),
                Response::TimedOut => String::new(),
            },
            correct: Some(answered.correct),
            ms: answered.time_ms,
            detail: serde_json::json!({
                "points": answered.points,
                "streak": answered.streak,
                "timed_out": answered.response == Response::TimedOut,
            }),
        };
        if let Err(e) = saves.with(|s| s.save_step(attempt, index, &step)) {
            warn!("quiz answer not saved: {e}");
        }
    }
    if a.style == Mode::Coach {
        a.feedback = Some(index);
    } else {
        go_on(p);
    }
}

/// After an explanation: the next question, or the results after the last one.
fn next(p: &mut QuizParams) {
    if *p.overlay.get() != Overlay::None {
        return;
    }
    let Some(a) = &mut p.quiz.active else {
        return;
    };
    if a.feedback.take().is_some() {
        go_on(p);
    }
}

/// Starts the clock of the next question, or finishes the round.
fn go_on(p: &mut QuizParams) {
    let Some(a) = &mut p.quiz.active else {
        return;
    };
    if a.play.is_over() {
        finish(p);
    } else {
        a.clock = Clock::started();
    }
}

/// The round is over: the reviews and the finished attempt go to the store, the results on screen.
fn finish(p: &mut QuizParams) {
    let Some(a) = p.quiz.active.take() else {
        return;
    };
    let results = a.play.results();
    if let (Some(saves), Some(attempt)) = (p.saves.as_mut(), a.attempt) {
        match saves.with(|s| save_results(s, saves.profile, attempt, &a, &results)) {
            Ok(()) => {
                // Its reviews change what is due today.
                saves.refresh(&p.content.library);
                super::lrs::queue_finished(saves, p.lrs.as_deref(), attempt, &p.content.library);
            }
            Err(e) => warn!("quiz round not saved: {e}"),
        }
    }
    p.quiz.finished = Some(Arc::new(FinishedQuiz {
        round: a.play.round().clone(),
        results,
        kind: a.kind,
        style: a.style,
        limit_ms: a.play.limit_ms(),
        attempt: a.attempt,
    }));
    p.quiz.report = None;
    p.next_overlay.set(Overlay::None);
    p.next_screen.set(Screen::QuizResults);
}

/// A review's rating: a right answer in the first third of the time is easy, any other right one
/// good, a wrong or late one forgotten.
fn rating(correct: bool, time_ms: u32, limit_ms: Option<u32>) -> Rating {
    match (correct, limit_ms) {
        (false, _) => Rating::Again,
        (true, Some(limit)) if time_ms.saturating_mul(3) <= limit => Rating::Easy,
        (true, _) => Rating::Good,
    }
}

/// Posts one review per answered question and principle, then finishes the attempt with its score
/// (the share of right answers), points and per-principle results. Durable on return.
fn save_results(
    store: &crate::store::Store,
    profile: crate::store::ProfileId,
    attempt: crate::store::AttemptId,
    a: &ActiveQuiz,
    results: &Results,
) -> crate::store::Result<()> {
    let at = crate::store::now_ms();
    for (step, (answered, item)) in results
        .answers
        .iter()
        .zip(&a.play.round().items)
        .enumerate()
    {
        for principle in &item.question.principles {
            store.add_review(
                profile,
                &crate::store::Review {
                    attempt,
                    step,
                    principle: principle.clone(),
                    rating: rating(answered.correct, answered.time_ms, a.play.limit_ms()),
                    value: if answered.correct { 1.0 } else { 0.0 },
                    at,
                },
            )?;
        }
    }
    let percent = |right: usize, of: usize| -> u8 {
        (right * 100)
            .checked_div(of)
            .map_or(0, |p| u8::try_from(p).unwrap_or(100))
    };
    store.finish_attempt(
        attempt,
        &crate::store::Finish {
            ending: None,
            total: i32::try_from(results.score).unwrap_or(i32::MAX),
            score: percent(results.correct, results.total),
            principles: results
                .per_principle
                .iter()
                .map(|(id, t)| crate::store::PrincipleResult {
                    id: id.clone(),
                    earned: i32::try_from(t.right).unwrap_or(i32::MAX),
                    percent: Some(percent(t.right as usize, (t.right + t.wrong) as usize)),
                })
                .collect(),
            // The reviews above already carry every observation of the round.
            observations: Vec::new(),
            detail: None,
        },
    )
}

/// The countdown: the clock runs only while a question waits with nothing over it; a question that
/// runs out is answered as timed out (a wrong answer). While it runs, every frame asks for the next.
fn tick(mut p: QuizParams, mut redraw: MessageWriter<RequestRedraw>) {
    let shown = *p.screen.get() == Screen::Quiz
        && *p.overlay.get() == Overlay::None
        && *p.presenter.get() == Presenter::Shown;
    let Some(a) = &mut p.quiz.active else {
        return;
    };
    if !a.answering() {
        return;
    }
    if !shown {
        a.clock.pause();
        return;
    }
    a.clock.resume();
    if a.play.limit_ms().is_none() {
        // Untimed self-study: the time taken is still kept, but nothing needs a frame.
        return;
    }
    if a.left_ms() == Some(0) {
        respond(Response::TimedOut, &mut p);
    }
    // The countdown moves on, or the explanation or the next question needs its first frame.
    redraw.write(RequestRedraw);
}
