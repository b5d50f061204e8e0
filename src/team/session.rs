//! A team session's flow, without Bevy or a network: the plan chosen on the set-up screen, the room
//! playing a scenario (each decision voted, the room's path, "what if" back to a decision) or a quiz
//! round (speed points, the top five, the podium), and the record kept in the store.
//!
//! The game is the host: it turns the trainer's clicker and keys into calls here, mirrors the
//! [`Effect`]s to the phone server, and draws what [`Session`] holds. Time comes in as arguments,
//! so the whole flow is testable without a clock. Like the engine, this module returns data and
//! enums, never interface words.

use crate::engine::debrief::{self, Debrief};
use crate::engine::library::Loaded;
use crate::engine::model::{Scenario, Theme, Then};
use crate::engine::progress::{ReplayError, replay};
use crate::engine::quiz::{Kind as QuizKind, Round, RoundItem, RoundKind};
use crate::engine::run::{Outcome, Run};
use crate::team::room::{
    Choice as RoomChoice, Kind, Manual, ParticipantId, Phase, QuestionError, Reveal, Room, Team,
};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::time::Duration;

/// The default voting time for a decision in a scenario: long enough to read four replies and talk.
pub const SCENARIO_VOTING: Duration = Duration::from_secs(45);
/// The default voting time for a quiz question, as quiz games have it.
pub const QUIZ_VOTING: Duration = Duration::from_secs(20);
/// The voting times the set-up screen steps through, in seconds (0 is "no limit").
pub const VOTING_STEPS: [u64; 9] = [10, 15, 20, 30, 45, 60, 90, 120, 0];
/// The most questions a team quiz asks: a round of the solo quiz.
pub const QUIZ_QUESTIONS: usize = crate::engine::quiz::ROUND_LEN;
/// Continue steps followed in one go at most, so a scenario with a loop of lines never hangs.
const STEP_GUARD: usize = 10_000;

/// Which quiz questions a team round draws from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuizPick {
    /// Anything from the whole library.
    Mixed,
    /// One of the five source texts, by id.
    Source(String),
    /// One theme across the sources.
    Theme(Theme),
}

impl QuizPick {
    /// The engine's kind of round for this pick.
    pub fn round_kind(&self) -> RoundKind {
        match self {
            QuizPick::Mixed => RoundKind::Mixed,
            QuizPick::Source(s) => RoundKind::BySource(s.clone()),
            QuizPick::Theme(t) => RoundKind::ByTheme(*t),
        }
    }
}

/// What the room plays.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Activity {
    /// A branching scenario, by id.
    Scenario(String),
    /// A quiz round.
    Quiz(QuizPick),
}

impl Activity {
    /// The voting time a trainer gets unless they change it.
    pub fn default_voting(&self) -> Duration {
        match self {
            Activity::Scenario(_) => SCENARIO_VOTING,
            Activity::Quiz(_) => QUIZ_VOTING,
        }
    }

    /// The id the store files the session under: the scenario's id, or `quiz/…` for a round.
    pub fn store_id(&self) -> String {
        match self {
            Activity::Scenario(id) => id.clone(),
            Activity::Quiz(QuizPick::Mixed) => "quiz/mixed".into(),
            Activity::Quiz(QuizPick::Source(s)) => format!("quiz/source/{s}"),
            Activity::Quiz(QuizPick::Theme(t)) => format!("quiz/theme/{}", t.key()),
        }
    }
}

/// Everything the set-up screen decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// What the room plays.
    pub activity: Activity,
    /// The teams (two to eight), or none: everyone plays for themselves.
    pub teams: Vec<Team>,
    /// The voting time per question; zero means no limit.
    pub voting: Duration,
    /// Whether phones vote; without them the trainer enters the room's choice with the keys.
    pub phones: bool,
}

/// The question kinds a room can vote on: one option of two to four. Ordering questions need each
/// player to arrange replies, which a show of phones cannot do.
pub fn team_quiz_kinds() -> Vec<QuizKind> {
    vec![
        QuizKind::Upholds,
        QuizKind::Breaks,
        QuizKind::BestReply,
        QuizKind::TrueFalse,
        QuizKind::Written,
    ]
}

/// Where the session stands: what the projector shows and what the clicker does next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The room is gathering; the clicker starts.
    Lobby,
    /// A scenario's lines are on screen; the clicker goes on.
    Lines,
    /// A question is open for votes; the clicker closes voting and reveals.
    Voting,
    /// The result is on screen; on a tie the trainer picks a reply, then the clicker goes on.
    Revealed,
    /// The room's reply was played and its coach feedback is on screen (scenario).
    Feedback,
    /// The top five after a quiz question.
    Board,
    /// The scenario reached an ending, or the quiz round is over.
    Over,
}

/// What the host must pass on to the phones after a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Nothing changed for the phones.
    None,
    /// A question opened under this number: send it to the phones.
    Open(u32),
    /// Voting closed and this is the result: close and reveal on the phones.
    Reveal(Reveal),
    /// The scenario or the round is over.
    Over,
}

/// Why a session could not be set up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// The quiz round has no question a room can vote on.
    #[error("the quiz round has no question a room can vote on")]
    NoQuestions,
}

/// One decision the room voted on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomDecision {
    /// The room's question number.
    pub question: u32,
    /// The node of the decision.
    pub node: String,
    /// The choice ids offered as A, B, C, D.
    pub offered: Vec<String>,
    /// The choice the room played, once decided.
    pub played: Option<String>,
    /// The path (0 the first, 1.. each "what if") it belongs to.
    pub path: usize,
}

/// A path through the scenario that was finished before a "what if" went back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierPath {
    /// How it ended.
    pub outcome: Outcome,
    /// Its decisions, as indices into [`ScenarioPlay::decisions`].
    pub decisions: Vec<usize>,
    /// The decision (0-based, on this path) the room went back to afterwards.
    pub left_at: usize,
}

/// A scenario played by the room.
#[derive(Debug, Clone)]
pub struct ScenarioPlay {
    /// The scenario with its analysis.
    pub loaded: Loaded,
    /// The seed, so that names and wordings stay the same for the whole session.
    pub seed: u64,
    /// The conversation as the room has played it.
    pub run: Run,
    /// Every decision voted on, over all paths.
    pub decisions: Vec<RoomDecision>,
    /// The current path's decisions, as indices into `decisions`.
    pub current: Vec<usize>,
    /// The paths finished before a "what if".
    pub earlier: Vec<EarlierPath>,
}

impl ScenarioPlay {
    /// The decision open or revealed now (the last of the current path, when not yet played).
    pub fn pending(&self) -> Option<&RoomDecision> {
        let d = &self.decisions[*self.current.last()?];
        d.played.is_none().then_some(d)
    }

    /// The last decision played on the current path.
    pub fn last_played(&self) -> Option<&RoomDecision> {
        self.current
            .iter()
            .rev()
            .map(|i| &self.decisions[*i])
            .find(|d| d.played.is_some())
    }

    /// The number of the current path (0 for the first).
    pub fn path_number(&self) -> usize {
        self.earlier.len()
    }

    /// The best options of a decision: the offered choices with the highest total.
    pub fn best_options(&self, d: &RoomDecision) -> Vec<u8> {
        best_of(&self.loaded.scenario, &d.node, &d.offered)
    }
}

/// `good` out of `cast` as 0–100 (rounded down), or `None` when nothing was cast: the one way a
/// best-reply or right-answer share becomes a percentage, for the end screen, the history and the
/// stored score alike.
pub fn share_percent(good: u32, cast: u32) -> Option<u8> {
    good.saturating_mul(100)
        .checked_div(cast)
        .map(|p| p.min(100) as u8)
}

/// The offered options (by position) whose choices have the highest total at `node`.
fn best_of(s: &Scenario, node: &str, offered: &[String]) -> Vec<u8> {
    let Some(Then::Choices(choices)) = s.node(node).map(|n| &n.then) else {
        return vec![];
    };
    let totals: Vec<Option<i32>> = offered
        .iter()
        .map(|id| choices.iter().find(|c| &c.id == id).map(|c| c.total()))
        .collect();
    let Some(top) = totals.iter().flatten().copied().max() else {
        return vec![];
    };
    totals
        .iter()
        .enumerate()
        .filter(|(_, t)| **t == Some(top))
        .map(|(i, _)| i as u8)
        .collect()
}

/// A quiz round played by the room.
#[derive(Debug, Clone)]
pub struct QuizPlay {
    /// The questions, with their options in the order shown (A–D).
    pub round: Round,
    /// The question on screen (0-based); equal to the length when the round is over.
    pub index: usize,
    /// The room's question number of each question asked so far.
    pub questions: Vec<u32>,
}

impl QuizPlay {
    /// The question on screen.
    pub fn item(&self) -> Option<&RoundItem> {
        self.round.items.get(self.index)
    }

    /// The position of the right option of a question.
    pub fn correct(item: &RoundItem) -> u8 {
        item.shown
            .iter()
            .position(|k| *k == item.question.right)
            .unwrap_or(0) as u8
    }
}

/// What the room plays, with its progress.
#[derive(Debug, Clone)]
pub enum Play {
    /// A scenario.
    Scenario(Box<ScenarioPlay>),
    /// A quiz round.
    Quiz(QuizPlay),
}

/// A team session: the plan, the room (participants, votes, points) and the play.
#[derive(Debug, Clone)]
pub struct Session {
    /// What the trainer set up.
    pub plan: Plan,
    /// Who is in the room and every question's votes: the authority for counts and points.
    pub room: Room,
    /// The scenario or the quiz round, with its progress.
    pub play: Play,
    stage: Stage,
}

impl Session {
    /// A session of a scenario, in the lobby.
    pub fn scenario(plan: Plan, loaded: Loaded, seed: u64, max_participants: usize) -> Session {
        let run = Run::start(Arc::clone(&loaded.scenario), seed);
        let room = Room::new(plan.teams.clone(), max_participants);
        Session {
            plan,
            room,
            play: Play::Scenario(Box::new(ScenarioPlay {
                loaded,
                seed,
                run,
                decisions: vec![],
                current: vec![],
                earlier: vec![],
            })),
            stage: Stage::Lobby,
        }
    }

    /// A session of a quiz round, in the lobby. Questions a room cannot vote on (more than four
    /// options, ordering) are left out.
    pub fn quiz(
        plan: Plan,
        mut round: Round,
        max_participants: usize,
    ) -> Result<Session, PlanError> {
        round.items.retain(|i| {
            i.question.kind != QuizKind::Order
                && (2..=crate::team::room::MAX_OPTIONS).contains(&i.shown.len())
        });
        round.items.truncate(QUIZ_QUESTIONS);
        if round.items.is_empty() {
            return Err(PlanError::NoQuestions);
        }
        let room = Room::new(plan.teams.clone(), max_participants);
        Ok(Session {
            plan,
            room,
            play: Play::Quiz(QuizPlay {
                round,
                index: 0,
                questions: vec![],
            }),
            stage: Stage::Lobby,
        })
    }

    /// Sends everyone out of the room before the first question (the phone server moved to
    /// another address, so everyone joins again).
    pub fn empty_room(&mut self, max_participants: usize) {
        if self.stage == Stage::Lobby {
            self.room = Room::new(self.plan.teams.clone(), max_participants);
        }
    }

    /// Where the session stands.
    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// The scenario play, when the room plays a scenario.
    pub fn scenario_play(&self) -> Option<&ScenarioPlay> {
        match &self.play {
            Play::Scenario(s) => Some(s),
            Play::Quiz(_) => None,
        }
    }

    /// The quiz play, when the room plays a quiz round.
    pub fn quiz_play(&self) -> Option<&QuizPlay> {
        match &self.play {
            Play::Quiz(q) => Some(q),
            Play::Scenario(_) => None,
        }
    }

    /// Leaves the lobby: the scenario's first lines, or the first question.
    pub fn begin(&mut self) -> Effect {
        if self.stage != Stage::Lobby {
            return Effect::None;
        }
        self.go_on()
    }

    /// The clicker: the next step from wherever the session stands. On a vote it closes voting and
    /// reveals; on a tie it waits for the trainer's pick.
    pub fn advance(&mut self) -> Effect {
        match self.stage {
            Stage::Lobby => self.begin(),
            Stage::Lines => {
                if let Play::Scenario(s) = &mut self.play
                    && s.run.can_continue()
                {
                    let _ = s.run.advance();
                }
                self.go_on()
            }
            Stage::Voting => {
                self.room.close(crate::team::room::CloseReason::Trainer);
                self.reveal()
            }
            Stage::Revealed => self.after_reveal(),
            Stage::Feedback => self.go_on(),
            Stage::Board => {
                if let Play::Quiz(q) = &mut self.play {
                    q.index += 1;
                }
                self.go_on()
            }
            Stage::Over => Effect::None,
        }
    }

    /// Closes voting when its time is over or everyone has voted, and reveals. `elapsed` is the
    /// time since the question opened.
    pub fn tick(&mut self, elapsed: Duration) -> Effect {
        if self.stage == Stage::Voting && self.room.tick(elapsed).is_some() {
            return self.reveal();
        }
        Effect::None
    }

    /// The trainer's choice by the keys: while voting, the room's choice by a show of hands (it
    /// replaces the phones' votes); after a tie, the pick among the tied replies.
    pub fn enter(&mut self, option: u8) -> Effect {
        match self.stage {
            Stage::Voting => {
                if self.room.enter_manually(Manual::Choice(option)).is_ok() {
                    self.reveal()
                } else {
                    Effect::None
                }
            }
            Stage::Revealed => {
                let allowed = match self.revealed().map(|r| &r.choice) {
                    Some(RoomChoice::Tie(tied)) => tied.contains(&option),
                    _ => self.awaiting_pick(),
                };
                if allowed {
                    let _ = self.room.pick(option);
                }
                Effect::None
            }
            _ => Effect::None,
        }
    }

    /// Vote counts per option counted by hand; they replace the phones' votes and reveal.
    pub fn enter_counts(&mut self, counts: Vec<u32>) -> Result<Effect, QuestionError> {
        if self.stage != Stage::Voting {
            return Ok(Effect::None);
        }
        self.room.enter_manually(Manual::Counts(counts))?;
        Ok(self.reveal())
    }

    /// The reveal of the question on screen, once shown.
    pub fn revealed(&self) -> Option<&Reveal> {
        if !matches!(self.stage, Stage::Revealed | Stage::Feedback | Stage::Board) {
            return None;
        }
        self.room.current()?.reveal.as_ref()
    }

    /// Whether the reveal on screen waits for the trainer's pick: a tie, or nobody voted.
    pub fn awaiting_pick(&self) -> bool {
        matches!(
            self.revealed().map(|r| &r.choice),
            Some(RoomChoice::Tie(_) | RoomChoice::NoVotes)
        )
    }

    /// The best option of the question open or revealed now: a best reply of the scenario's
    /// decision (the first, when several tie), or the quiz question's right answer.
    pub fn best_option(&self) -> Option<u8> {
        match &self.play {
            Play::Scenario(s) => s.pending().and_then(|d| s.best_options(d).first().copied()),
            Play::Quiz(q) => q.item().map(QuizPlay::correct),
        }
    }

    /// The option the room chose at the reveal on screen: the majority or the trainer's pick.
    pub fn room_choice(&self) -> Option<u8> {
        match self.revealed()?.choice {
            RoomChoice::Majority(o) => Some(o),
            _ => None,
        }
    }

    /// "What if we had said…?": from the end of a scenario, goes back to decision `at` (0-based on
    /// the current path) and lets the room vote on it again. The path so far is kept for the
    /// debrief and the path map.
    pub fn what_if(&mut self, at: usize) -> Result<Effect, ReplayError> {
        let Play::Scenario(s) = &mut self.play else {
            return Ok(Effect::None);
        };
        if self.stage != Stage::Over || at >= s.current.len() {
            return Ok(Effect::None);
        }
        let choices: Vec<String> = s.current[..at]
            .iter()
            .filter_map(|i| s.decisions[*i].played.clone())
            .collect();
        let run = replay(Arc::clone(&s.loaded.scenario), s.seed, &choices)?;
        if let Some(outcome) = s.run.outcome() {
            s.earlier.push(EarlierPath {
                outcome,
                decisions: s.current.clone(),
                left_at: at,
            });
        }
        s.current.truncate(at);
        s.run = run;
        self.go_on();
        // The lines before the decision were seen already: straight to the vote.
        while self.stage == Stage::Lines {
            if let Play::Scenario(s) = &mut self.play {
                let _ = s.run.advance();
            }
            let effect = self.go_on();
            if effect != Effect::None {
                return Ok(effect);
            }
        }
        Ok(self.open_effect())
    }

    fn open_effect(&self) -> Effect {
        match (self.stage, self.room.current()) {
            (Stage::Voting, Some(q)) => Effect::Open(q.number),
            _ => Effect::None,
        }
    }

    /// Moves on from lines, feedback or a board to what comes next: lines to read, a question to
    /// vote on, or the end.
    fn go_on(&mut self) -> Effect {
        let voting = self.plan.voting;
        match &mut self.play {
            Play::Scenario(s) => {
                let mut guard = STEP_GUARD;
                // A node without lines (a pure jump) is passed through; lines wait for the clicker.
                while s.run.can_continue()
                    && s.run.node().is_some_and(|n| n.lines.is_empty())
                    && guard > 0
                {
                    let _ = s.run.advance();
                    guard -= 1;
                }
                if s.run.is_over() {
                    self.stage = Stage::Over;
                    return Effect::Over;
                }
                if s.run.can_continue() {
                    self.stage = Stage::Lines;
                    return Effect::None;
                }
                let node = s.run.state().node.clone();
                let offered: Vec<String> = s.run.choices().iter().map(|c| c.id.clone()).collect();
                let options = offered.len().min(crate::team::room::MAX_OPTIONS) as u8;
                match self.room.open(options, Kind::Decision, voting) {
                    Ok(number) => {
                        s.decisions.push(RoomDecision {
                            question: number,
                            node,
                            offered: offered.into_iter().take(usize::from(options)).collect(),
                            played: None,
                            path: s.earlier.len(),
                        });
                        s.current.push(s.decisions.len() - 1);
                        self.stage = Stage::Voting;
                        Effect::Open(number)
                    }
                    Err(_) => {
                        // One offered reply: nothing to vote on, so it is played at once.
                        if let Some(id) = offered.first() {
                            let _ = s.run.choose(id);
                        }
                        self.go_on()
                    }
                }
            }
            Play::Quiz(q) => {
                let Some(item) = q.round.items.get(q.index) else {
                    self.stage = Stage::Over;
                    return Effect::Over;
                };
                let kind = Kind::Quiz {
                    correct: QuizPlay::correct(item),
                };
                match self.room.open(item.shown.len() as u8, kind, voting) {
                    Ok(number) => {
                        q.questions.push(number);
                        self.stage = Stage::Voting;
                        Effect::Open(number)
                    }
                    Err(_) => {
                        q.index += 1;
                        self.go_on()
                    }
                }
            }
        }
    }

    fn reveal(&mut self) -> Effect {
        match self.room.reveal() {
            Ok(r) => {
                self.stage = Stage::Revealed;
                Effect::Reveal(r)
            }
            Err(_) => Effect::None,
        }
    }

    /// After the reveal: a scenario plays the room's reply (a tie waits for the pick); a quiz shows
    /// the top five.
    fn after_reveal(&mut self) -> Effect {
        let choice = self.room_choice();
        match &mut self.play {
            Play::Scenario(s) => {
                let Some(option) = choice else {
                    return Effect::None;
                };
                let Some(&i) = s.current.last() else {
                    return Effect::None;
                };
                let Some(id) = s.decisions[i].offered.get(usize::from(option)).cloned() else {
                    return Effect::None;
                };
                if s.run.choose(&id).is_ok() {
                    s.decisions[i].played = Some(id);
                    self.stage = Stage::Feedback;
                }
                Effect::None
            }
            Play::Quiz(_) => {
                self.stage = Stage::Board;
                Effect::None
            }
        }
    }

    /// The debrief of the current path, once the scenario has ended.
    pub fn debrief(&self, library: &[Arc<Scenario>]) -> Option<Debrief> {
        let s = self.scenario_play()?;
        let outcome = s.run.outcome()?;
        Some(debrief::build(
            &s.loaded,
            &outcome,
            library,
            &Default::default(),
        ))
    }

    /// For each team, (votes for a best reply, votes cast) over the scenario's decisions, and the
    /// same for the whole room last. Quiz questions count the right option as the best.
    pub fn best_share(&self) -> (Vec<(u32, u32)>, (u32, u32)) {
        let best = |number: u32| -> Vec<u8> {
            match &self.play {
                Play::Scenario(s) => s
                    .decisions
                    .iter()
                    .find(|d| d.question == number)
                    .map(|d| s.best_options(d))
                    .unwrap_or_default(),
                Play::Quiz(_) => self
                    .room
                    .questions()
                    .iter()
                    .find(|q| q.number == number)
                    .and_then(|q| match q.kind {
                        Kind::Quiz { correct } => Some(vec![correct]),
                        Kind::Decision => None,
                    })
                    .unwrap_or_default(),
            }
        };
        let teams = self.room.team_best_share(best);
        let mut room = (0, 0);
        for q in self.room.questions() {
            let Some(r) = &q.reveal else { continue };
            let good = best(q.number);
            if good.is_empty() {
                continue;
            }
            for (option, n) in r.counts.iter().enumerate() {
                room.1 += n;
                if good.contains(&(option as u8)) {
                    room.0 += n;
                }
            }
        }
        (teams, room)
    }

    /// Everything worth keeping: teams, nicknames, every vote, the paths and the scores.
    pub fn record(&self, library: &[Arc<Scenario>]) -> Record {
        let (best, room_best) = self.best_share();
        let questions = self
            .room
            .questions()
            .iter()
            .map(|q| {
                let (item, options, played) = match &self.play {
                    Play::Scenario(s) => s
                        .decisions
                        .iter()
                        .find(|d| d.question == q.number)
                        .map(|d| (d.node.clone(), d.offered.clone(), d.played.clone()))
                        .unwrap_or_default(),
                    Play::Quiz(p) => p
                        .questions
                        .iter()
                        .position(|n| *n == q.number)
                        .and_then(|i| p.round.items.get(i))
                        .map(|it| (it.question.id.clone(), it.shown.clone(), None))
                        .unwrap_or_default(),
                };
                let reveal = q.reveal.as_ref();
                QuestionRecord {
                    number: q.number,
                    item,
                    options,
                    correct: match q.kind {
                        Kind::Quiz { correct } => Some(correct),
                        Kind::Decision => None,
                    },
                    votes: q
                        .votes
                        .iter()
                        .map(|(id, v)| VoteRecord {
                            participant: id.0,
                            option: v.option,
                            ms: u32::try_from(v.elapsed.as_millis()).unwrap_or(u32::MAX),
                        })
                        .collect(),
                    by_hand: q.manual.is_some(),
                    counts: reveal.map(|r| r.counts.clone()).unwrap_or_default(),
                    per_team: reveal.map(|r| r.per_team.clone()).unwrap_or_default(),
                    chosen: reveal.and_then(|r| match r.choice {
                        RoomChoice::Majority(o) => Some(o),
                        _ => None,
                    }),
                    played,
                }
            })
            .collect();
        let paths = match &self.play {
            Play::Scenario(s) => {
                let mut paths: Vec<PathRecord> = s
                    .earlier
                    .iter()
                    .map(|e| path_record(&s.loaded, &e.outcome, library, Some(e.left_at)))
                    .collect();
                if let Some(o) = s.run.outcome() {
                    paths.push(path_record(&s.loaded, &o, library, None));
                }
                paths
            }
            Play::Quiz(_) => vec![],
        };
        Record {
            activity: self.plan.activity.clone(),
            voting_ms: u32::try_from(self.plan.voting.as_millis()).unwrap_or(u32::MAX),
            phones: self.plan.phones,
            teams: self
                .room
                .teams()
                .iter()
                .zip(best.iter().copied().chain(std::iter::repeat((0, 0))))
                .enumerate()
                .map(|(i, (t, (good, cast)))| TeamRecord {
                    name: t.name.clone(),
                    colour: t.colour,
                    points: self.room.team_totals().get(i).copied().unwrap_or(0),
                    best_votes: good,
                    votes: cast,
                })
                .collect(),
            participants: self
                .room
                .everyone()
                .map(|p| ParticipantRecord {
                    id: p.id.0,
                    nickname: p.nickname.clone(),
                    team: p.team,
                    points: p.score,
                    removed: p.removed,
                })
                .collect(),
            questions,
            paths,
            best_votes: room_best.0,
            votes: room_best.1,
        }
    }

    /// The 0–100 score kept in the progress history: the debrief's score of the room's last path,
    /// or the share of right answers in a quiz.
    pub fn score(&self, library: &[Arc<Scenario>]) -> u8 {
        match &self.play {
            Play::Scenario(_) => self.debrief(library).map_or(0, |d| d.score.overall),
            Play::Quiz(_) => {
                let (_, (good, cast)) = self.best_share();
                share_percent(good, cast).unwrap_or(0)
            }
        }
    }

    /// The participant with this number.
    pub fn nickname(&self, id: ParticipantId) -> Option<&str> {
        self.room.participant(id).map(|p| p.nickname.as_str())
    }

    /// Whether any question has been asked yet (a session left before that is not worth saving).
    pub fn started(&self) -> bool {
        !self.room.questions().is_empty()
    }

    /// Whether voting is open now.
    pub fn voting(&self) -> bool {
        self.stage == Stage::Voting && self.room.phase() == Phase::Open
    }
}

fn path_record(
    loaded: &Loaded,
    outcome: &Outcome,
    library: &[Arc<Scenario>],
    left_at: Option<usize>,
) -> PathRecord {
    let d = debrief::build(loaded, outcome, library, &Default::default());
    PathRecord {
        nodes: outcome.path.clone(),
        choices: outcome
            .decisions
            .iter()
            .map(|d| (d.node.clone(), d.choice.clone()))
            .collect(),
        ending: outcome.ending.clone(),
        score: d.score.overall,
        left_at,
    }
}

/// A team session as the store keeps it (the attempt's detail).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// What the room played.
    pub activity: Activity,
    /// The voting time, in milliseconds (0: no limit).
    pub voting_ms: u32,
    /// Whether phones voted.
    pub phones: bool,
    /// The teams, with their results.
    pub teams: Vec<TeamRecord>,
    /// Everyone who joined, removed ones included.
    pub participants: Vec<ParticipantRecord>,
    /// Every question, with every vote.
    pub questions: Vec<QuestionRecord>,
    /// The scenario's paths, earlier ones first (empty for a quiz).
    pub paths: Vec<PathRecord>,
    /// Votes for a best reply (or a right answer) over the session.
    pub best_votes: u32,
    /// Votes cast over the session.
    pub votes: u32,
}

/// One team's results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamRecord {
    /// Its name.
    pub name: String,
    /// Its colour.
    pub colour: [u8; 3],
    /// Its members' quiz points.
    pub points: u32,
    /// Its votes for a best reply.
    pub best_votes: u32,
    /// Its votes cast.
    pub votes: u32,
}

/// One participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantRecord {
    /// Their number in the room.
    pub id: u32,
    /// Their nickname.
    pub nickname: String,
    /// Their team.
    pub team: Option<usize>,
    /// Their quiz points.
    pub points: u32,
    /// Whether the trainer removed them.
    pub removed: bool,
}

/// One question and its votes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionRecord {
    /// The room's question number.
    pub number: u32,
    /// The scenario node, or the quiz question's id.
    pub item: String,
    /// The choice ids or answer keys shown as A–D.
    pub options: Vec<String>,
    /// The right option of a quiz question.
    pub correct: Option<u8>,
    /// Every vote counted.
    pub votes: Vec<VoteRecord>,
    /// Whether the trainer entered the result by hand.
    pub by_hand: bool,
    /// Votes per option at the reveal.
    pub counts: Vec<u32>,
    /// Votes per option for each team.
    pub per_team: Vec<Vec<u32>>,
    /// The room's choice, when one was decided.
    pub chosen: Option<u8>,
    /// The choice id played in the scenario.
    pub played: Option<String>,
}

/// One vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteRecord {
    /// Who voted.
    pub participant: u32,
    /// For which option.
    pub option: u8,
    /// How long after the question opened.
    pub ms: u32,
}

/// One path through the scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathRecord {
    /// The nodes visited.
    pub nodes: Vec<String>,
    /// The (node, choice) decisions.
    pub choices: Vec<(String, String)>,
    /// The ending reached.
    pub ending: String,
    /// Its 0–100 score.
    pub score: u8,
    /// For an earlier path, the decision the room went back to.
    pub left_at: Option<usize>,
}
