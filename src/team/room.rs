//! The rules of a team session, without any network: who is in the room, which question is open,
//! one vote per participant and question, closing, the reveal, the room's choice and quiz scores.
//!
//! The same `Room` runs in two places: inside the phone server (to answer each phone) and in the game
//! (the host's authoritative copy, fed by the server's events or by the trainer's keyboard when there
//! are no phones). Time comes in as arguments, so every rule is testable without a clock. Like the
//! engine, this module returns data and enums, never interface words.

use std::collections::BTreeMap;
use std::time::Duration;

/// The longest nickname, in characters: it must fit on a projector's leaderboard row.
pub const MAX_NICKNAME_CHARS: usize = 24;
/// The most teams a session may have; fewer than two teams is "everyone for themselves".
pub const MAX_TEAMS: usize = 8;
/// The most options a question may have (A–D).
pub const MAX_OPTIONS: usize = 4;
/// How many entries the leaderboard shows after each quiz question.
pub const LEADERBOARD_SIZE: usize = 5;
/// Points for a correct answer given at the last moment; quiz games give half points for the slowest.
pub const MIN_POINTS: u32 = 500;
/// Points for a correct answer given at once.
pub const MAX_POINTS: u32 = 1000;

/// Default team colours (sRGB), distinct on a projector and for the common colour-vision deficits.
pub const TEAM_COLOURS: [[u8; 3]; MAX_TEAMS] = [
    [0xd9, 0x48, 0x3b],
    [0x2f, 0x6f, 0xd6],
    [0xe8, 0xa3, 0x17],
    [0x2e, 0x9d, 0x5b],
    [0x8e, 0x4f, 0xc4],
    [0x1f, 0xa5, 0xb5],
    [0xd6, 0x5c, 0xa6],
    [0x6b, 0x6b, 0x6b],
];

/// A participant's number in the room, given in order of joining and never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ParticipantId(pub u32);

/// One team: its name (editable by the trainer) and its colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Team {
    /// The name shown on phones and the projector.
    pub name: String,
    /// sRGB colour of its bars and tiles.
    pub colour: [u8; 3],
}

/// Someone in the room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// Their number.
    pub id: ParticipantId,
    /// The nickname, already checked by [`check_nickname`].
    pub nickname: String,
    /// Their team's index in [`Room::teams`], or `None` when everyone plays for themselves.
    pub team: Option<usize>,
    /// Quiz points so far.
    pub score: u32,
    /// Whether the trainer removed them (they stay in the records, out of counts and boards).
    pub removed: bool,
}

/// What a question is for: a decision in a scenario (no right answer, the majority is played) or a
/// quiz item (one correct option, speed points).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A reply in a branching scenario.
    Decision,
    /// A quiz question whose correct option has this index.
    Quiz {
        /// Index of the correct option.
        correct: u8,
    },
}

/// Why voting closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseReason {
    /// The voting time ran out.
    TimeOut,
    /// Every participant present had voted.
    AllVoted,
    /// The trainer closed it (the clicker).
    Trainer,
}

/// Where the current question stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// No question yet: the room is gathering.
    Lobby,
    /// Votes are taken.
    Open,
    /// Votes are no longer taken; the distribution is still hidden.
    Closed(CloseReason),
    /// The distribution is shown.
    Revealed,
}

/// The room's choice at a reveal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// One option had the most votes (or the trainer entered it).
    Majority(u8),
    /// Several options share the most votes: the trainer picks one of these (in order).
    Tie(Vec<u8>),
    /// Nobody voted: the trainer picks.
    NoVotes,
}

/// A vote as counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vote {
    /// The option's index, 0 for A.
    pub option: u8,
    /// Time from the opening of the question to this vote (the latest, if it was changed).
    pub elapsed: Duration,
}

/// What the trainer typed instead of phones' votes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Manual {
    /// The room's choice, decided by a show of hands.
    Choice(u8),
    /// Vote counts per option, counted by hand.
    Counts(Vec<u32>),
}

/// The result shown at a reveal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reveal {
    /// The question's number, from 1.
    pub question: u32,
    /// Votes per option, over the whole room.
    pub counts: Vec<u32>,
    /// Votes per option for each team (empty when everyone plays for themselves).
    pub per_team: Vec<Vec<u32>>,
    /// The room's choice.
    pub choice: Choice,
    /// The correct option of a quiz question.
    pub correct: Option<u8>,
    /// Points each participant earned on this question (quiz only; only those who earned any).
    pub points: BTreeMap<ParticipantId, u32>,
}

/// One question as it was played, for the records and the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Its number, from 1.
    pub number: u32,
    /// How many options it has (2–4).
    pub options: u8,
    /// Decision or quiz.
    pub kind: Kind,
    /// The voting time.
    pub limit: Duration,
    /// Each participant's (last) vote.
    pub votes: BTreeMap<ParticipantId, Vote>,
    /// What the trainer typed in, if anything.
    pub manual: Option<Manual>,
    /// The reveal, once shown.
    pub reveal: Option<Reveal>,
}

/// Why a join was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum JoinError {
    /// The nickname is empty after trimming.
    #[error("the nickname is empty")]
    EmptyNickname,
    /// The nickname is longer than [`MAX_NICKNAME_CHARS`].
    #[error("the nickname is longer than {MAX_NICKNAME_CHARS} characters")]
    NicknameTooLong,
    /// The nickname has control characters (line breaks, escapes).
    #[error("the nickname has control characters")]
    BadCharacters,
    /// A team was needed and not given, or given when there are no teams, or out of range.
    #[error("no such team")]
    NoSuchTeam,
    /// The room holds its maximum of participants.
    #[error("the room is full")]
    RoomFull,
    /// That participant number is already taken (mirroring a server's join twice).
    #[error("that participant is already in the room")]
    Duplicate,
}

/// Why a vote was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum VoteError {
    /// No question is open (none yet, or voting closed).
    #[error("voting is not open")]
    NotOpen,
    /// The vote names a question other than the open one (a late tap from the previous question).
    #[error("that question is no longer open")]
    WrongQuestion,
    /// The vote came after the voting time.
    #[error("the voting time is over")]
    TooLate,
    /// No such participant, or they were removed.
    #[error("unknown participant")]
    UnknownParticipant,
    /// The option index is out of range.
    #[error("no such option")]
    NoSuchOption,
}

/// Why a question could not be opened or answered by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum QuestionError {
    /// A question needs 2–4 options.
    #[error("a question needs 2 to 4 options")]
    OptionCount,
    /// The correct option of a quiz is out of range, or a manual choice is.
    #[error("no such option")]
    NoSuchOption,
    /// There is no current question.
    #[error("no question has been opened")]
    NoQuestion,
}

/// Whether a vote was the participant's first on this question or replaced an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voted {
    /// Their first vote on this question.
    First,
    /// It replaced their earlier vote.
    Changed,
    /// The same option again: nothing changed.
    Same,
}

/// Checks a nickname and returns it trimmed.
///
/// Control characters are refused because a nickname travels into HTML, egui, logs and the store,
/// where a line break or an escape sequence would break the layout or the records.
pub fn check_nickname(raw: &str) -> Result<String, JoinError> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(JoinError::EmptyNickname);
    }
    if name.chars().count() > MAX_NICKNAME_CHARS {
        return Err(JoinError::NicknameTooLong);
    }
    if name
        .chars()
        .any(|c| c.is_control() || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'))
    {
        return Err(JoinError::BadCharacters);
    }
    Ok(name.to_string())
}

/// Speed points for a correct answer, as quiz games give them: 1000 at once, falling linearly to 500
/// at the end of the voting time.
pub fn speed_points(elapsed: Duration, limit: Duration) -> u32 {
    if limit.is_zero() {
        return MAX_POINTS;
    }
    let fraction = (elapsed.as_secs_f64() / limit.as_secs_f64()).clamp(0.0, 1.0);
    let span = f64::from(MAX_POINTS - MIN_POINTS);
    // Rounded, so that an answer at half time gets exactly 750.
    MAX_POINTS - (span * fraction).round() as u32
}

/// The room: teams, participants, the questions played and the one in progress.
#[derive(Debug, Clone)]
pub struct Room {
    teams: Vec<Team>,
    participants: BTreeMap<ParticipantId, Participant>,
    max_participants: usize,
    next_id: u32,
    questions: Vec<Question>,
    phase: Phase,
}

impl Room {
    /// A room with these teams (fewer than two means everyone for themselves; more than
    /// [`MAX_TEAMS`] are dropped) and at most `max_participants` people, which bounds a flood of
    /// fake joins.
    pub fn new(mut teams: Vec<Team>, max_participants: usize) -> Self {
        teams.truncate(MAX_TEAMS);
        if teams.len() < 2 {
            teams.clear();
        }
        Self {
            teams,
            participants: BTreeMap::new(),
            max_participants,
            next_id: 1,
            questions: vec![],
            phase: Phase::Lobby,
        }
    }

    /// `n` teams (2–8) with the given names and the default colours.
    pub fn teams_named(names: &[String]) -> Vec<Team> {
        names
            .iter()
            .zip(TEAM_COLOURS)
            .map(|(name, colour)| Team {
                name: name.clone(),
                colour,
            })
            .collect()
    }

    /// The teams; empty when everyone plays for themselves.
    pub fn teams(&self) -> &[Team] {
        &self.teams
    }

    /// Renames a team (the trainer edits names in the lobby).
    pub fn rename_team(&mut self, index: usize, name: String) -> bool {
        match self.teams.get_mut(index) {
            Some(t) => {
                t.name = name;
                true
            }
            None => false,
        }
    }

    /// Adds a participant and gives them the next number.
    pub fn join(
        &mut self,
        nickname: &str,
        team: Option<usize>,
    ) -> Result<ParticipantId, JoinError> {
        let id = ParticipantId(self.next_id);
        self.join_as(id, nickname, team)?;
        Ok(id)
    }

    /// Adds a participant under a number given elsewhere: the host mirrors the phone server's joins
    /// with this, so both rooms use the same numbers.
    pub fn join_as(
        &mut self,
        id: ParticipantId,
        nickname: &str,
        team: Option<usize>,
    ) -> Result<(), JoinError> {
        let nickname = check_nickname(nickname)?;
        let team = match (self.teams.is_empty(), team) {
            (true, None) => None,
            (false, Some(t)) if t < self.teams.len() => Some(t),
            _ => return Err(JoinError::NoSuchTeam),
        };
        if self.participants.contains_key(&id) {
            return Err(JoinError::Duplicate);
        }
        if self.present().count() >= self.max_participants {
            return Err(JoinError::RoomFull);
        }
        self.participants.insert(
            id,
            Participant {
                id,
                nickname,
                team,
                score: 0,
                removed: false,
            },
        );
        self.next_id = self.next_id.max(id.0.saturating_add(1));
        Ok(())
    }

    /// Removes a participant (the trainer's decision): their vote on the open question no longer
    /// counts, and they leave the boards. Returns whether they were present.
    pub fn remove(&mut self, id: ParticipantId) -> bool {
        let Some(p) = self.participants.get_mut(&id) else {
            return false;
        };
        let was = !p.removed;
        p.removed = true;
        if self.phase == Phase::Open
            && let Some(q) = self.questions.last_mut()
        {
            q.votes.remove(&id);
        }
        was
    }

    /// A participant, removed or not.
    pub fn participant(&self, id: ParticipantId) -> Option<&Participant> {
        self.participants.get(&id)
    }

    /// Participants still in the room, in order of joining.
    pub fn present(&self) -> impl Iterator<Item = &Participant> {
        self.participants.values().filter(|p| !p.removed)
    }

    /// Every participant ever joined, removed ones too (for the records).
    pub fn everyone(&self) -> impl Iterator<Item = &Participant> {
        self.participants.values()
    }

    /// The phase of the current question.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The current (or last) question.
    pub fn current(&self) -> Option<&Question> {
        self.questions.last()
    }

    /// Every question so far, in order.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// Opens the next question (closing any open one) and returns its number.
    pub fn open(&mut self, options: u8, kind: Kind, limit: Duration) -> Result<u32, QuestionError> {
        if !(2..=MAX_OPTIONS as u8).contains(&options) {
            return Err(QuestionError::OptionCount);
        }
        if let Kind::Quiz { correct } = kind
            && correct >= options
        {
            return Err(QuestionError::NoSuchOption);
        }
        let number = self.questions.len() as u32 + 1;
        self.questions.push(Question {
            number,
            options,
            kind,
            limit,
            votes: BTreeMap::new(),
            manual: None,
            reveal: None,
        });
        self.phase = Phase::Open;
        Ok(number)
    }

    /// Counts a vote; a later vote by the same participant replaces the earlier one until voting
    /// closes. `question` is the number the phone saw, so a late tap on an old question is refused.
    pub fn vote(
        &mut self,
        id: ParticipantId,
        question: u32,
        option: u8,
        elapsed: Duration,
    ) -> Result<Voted, VoteError> {
        if self.phase != Phase::Open {
            return Err(VoteError::NotOpen);
        }
        let Some(q) = self.questions.last_mut() else {
            return Err(VoteError::NotOpen);
        };
        if q.number != question {
            return Err(VoteError::WrongQuestion);
        }
        if !q.limit.is_zero() && elapsed > q.limit {
            return Err(VoteError::TooLate);
        }
        if self.participants.get(&id).is_none_or(|p| p.removed) {
            return Err(VoteError::UnknownParticipant);
        }
        if option >= q.options {
            return Err(VoteError::NoSuchOption);
        }
        let before = q.votes.insert(id, Vote { option, elapsed });
        Ok(match before {
            None => Voted::First,
            Some(v) if v.option == option => Voted::Same,
            Some(_) => Voted::Changed,
        })
    }

    /// This participant's vote on the current question.
    pub fn vote_of(&self, id: ParticipantId) -> Option<Vote> {
        self.questions.last()?.votes.get(&id).copied()
    }

    /// How many present participants have voted on the current question.
    pub fn voted_count(&self) -> usize {
        self.questions.last().map_or(0, |q| q.votes.len())
    }

    /// Whether everyone present has voted (and someone is present).
    pub fn all_voted(&self) -> bool {
        let present = self.present().count();
        self.phase == Phase::Open && present > 0 && self.voted_count() >= present
    }

    /// Closes voting when the time has run out or everyone has voted; the host calls this on each
    /// tick with the time since the question opened. Returns the reason when it closed now.
    pub fn tick(&mut self, elapsed: Duration) -> Option<CloseReason> {
        if self.phase != Phase::Open {
            return None;
        }
        let limit = self.questions.last().map_or(Duration::ZERO, |q| q.limit);
        let reason = if !limit.is_zero() && elapsed >= limit {
            CloseReason::TimeOut
        } else if self.all_voted() {
            CloseReason::AllVoted
        } else {
            return None;
        };
        self.phase = Phase::Closed(reason);
        Some(reason)
    }

    /// Closes voting now (the trainer's clicker). Returns whether it was open.
    pub fn close(&mut self, reason: CloseReason) -> bool {
        if self.phase == Phase::Open {
            self.phase = Phase::Closed(reason);
            true
        } else {
            false
        }
    }

    /// Enters the room's result by hand (no phones): a choice, or counts per option. It replaces the
    /// phones' votes for this question and closes voting.
    pub fn enter_manually(&mut self, manual: Manual) -> Result<(), QuestionError> {
        let Some(q) = self.questions.last_mut() else {
            return Err(QuestionError::NoQuestion);
        };
        match &manual {
            Manual::Choice(o) if *o >= q.options => return Err(QuestionError::NoSuchOption),
            Manual::Counts(c) if c.len() != usize::from(q.options) => {
                return Err(QuestionError::OptionCount);
            }
            _ => {}
        }
        q.manual = Some(manual);
        if self.phase == Phase::Open {
            self.phase = Phase::Closed(CloseReason::Trainer);
        }
        Ok(())
    }

    /// Shows the result of the current question: closes voting if it was open, counts the votes
    /// overall and per team, finds the room's choice and, for a quiz, gives speed points to those
    /// who answered correctly. Revealing twice returns the same result without scoring twice.
    pub fn reveal(&mut self) -> Result<Reveal, QuestionError> {
        let teams = self.teams.len();
        let Some(q) = self.questions.last_mut() else {
            return Err(QuestionError::NoQuestion);
        };
        if let Some(r) = &q.reveal {
            return Ok(r.clone());
        }
        let n = usize::from(q.options);
        let mut counts = vec![0u32; n];
        let mut per_team = vec![vec![0u32; n]; teams];
        let mut points = BTreeMap::new();
        for (id, vote) in &q.votes {
            let Some(p) = self.participants.get_mut(id).filter(|p| !p.removed) else {
                continue;
            };
            counts[usize::from(vote.option)] += 1;
            if let Some(t) = p.team {
                per_team[t][usize::from(vote.option)] += 1;
            }
            if let Kind::Quiz { correct } = q.kind
                && vote.option == correct
                && q.manual.is_none()
            {
                let earned = speed_points(vote.elapsed, q.limit);
                p.score += earned;
                points.insert(*id, earned);
            }
        }
        let choice = match &q.manual {
            Some(Manual::Choice(o)) => Choice::Majority(*o),
            Some(Manual::Counts(c)) => {
                counts.clone_from(c);
                per_team = vec![vec![0; n]; teams];
                majority(&counts)
            }
            None => majority(&counts),
        };
        let reveal = Reveal {
            question: q.number,
            counts,
            per_team,
            choice,
            correct: match q.kind {
                Kind::Quiz { correct } => Some(correct),
                Kind::Decision => None,
            },
            points,
        };
        q.reveal = Some(reveal.clone());
        self.phase = Phase::Revealed;
        Ok(reveal)
    }

    /// The trainer's pick on a tie (or with no votes): records it as the room's choice.
    pub fn pick(&mut self, option: u8) -> Result<(), QuestionError> {
        let Some(q) = self.questions.last_mut() else {
            return Err(QuestionError::NoQuestion);
        };
        if option >= q.options {
            return Err(QuestionError::NoSuchOption);
        }
        if let Some(r) = &mut q.reveal {
            r.choice = Choice::Majority(option);
        }
        Ok(())
    }

    /// The top participants by quiz points (ties by joining order), at most `n`.
    pub fn leaderboard(&self, n: usize) -> Vec<&Participant> {
        let mut all: Vec<&Participant> = self.present().collect();
        all.sort_by(|a, b| b.score.cmp(&a.score).then(a.id.cmp(&b.id)));
        all.truncate(n);
        all
    }

    /// Each team's total of its present members' points, by team index.
    pub fn team_totals(&self) -> Vec<u32> {
        let mut totals = vec![0u32; self.teams.len()];
        for p in self.present() {
            if let Some(t) = p.team {
                totals[t] += p.score;
            }
        }
        totals
    }

    /// For each team, (votes for a best option, votes cast) over every revealed question, for the
    /// debrief's "how often each team chose the best reply". `best` gives the best options of a
    /// question by its number; an empty list leaves that question out.
    pub fn team_best_share(&self, best: impl Fn(u32) -> Vec<u8>) -> Vec<(u32, u32)> {
        let mut out = vec![(0u32, 0u32); self.teams.len()];
        for q in &self.questions {
            let Some(r) = &q.reveal else { continue };
            let good = best(q.number);
            if good.is_empty() {
                continue;
            }
            for (team, counts) in r.per_team.iter().enumerate() {
                for (option, n) in counts.iter().enumerate() {
                    out[team].1 += n;
                    if good.contains(&(option as u8)) {
                        out[team].0 += n;
                    }
                }
            }
        }
        out
    }
}

/// The option with the most votes, or the tied ones.
fn majority(counts: &[u32]) -> Choice {
    let top = counts.iter().copied().max().unwrap_or(0);
    if top == 0 {
        return Choice::NoVotes;
    }
    let tied: Vec<u8> = (0..counts.len())
        .filter(|&i| counts[i] == top)
        .map(|i| i as u8)
        .collect();
    if tied.len() == 1 {
        Choice::Majority(tied[0])
    } else {
        Choice::Tie(tied)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: Duration = Duration::from_secs(1);

    fn two_teams() -> Room {
        Room::new(Room::teams_named(&["Red".into(), "Blue".into()]), 300)
    }

    #[test]
    fn nicknames_are_trimmed_and_bounded() {
        assert_eq!(check_nickname("  Аня  "), Ok("Аня".to_string()));
        assert_eq!(check_nickname("   "), Err(JoinError::EmptyNickname));
        assert_eq!(check_nickname(&"я".repeat(24)), Ok("я".repeat(24)));
        assert_eq!(
            check_nickname(&"я".repeat(25)),
            Err(JoinError::NicknameTooLong)
        );
        assert_eq!(check_nickname("a\nb"), Err(JoinError::BadCharacters));
        assert_eq!(check_nickname("a\u{202e}b"), Err(JoinError::BadCharacters));
    }

    #[test]
    fn joining_needs_a_valid_team_and_room() {
        let mut room = two_teams();
        assert_eq!(room.join("Ann", None), Err(JoinError::NoSuchTeam));
        assert_eq!(room.join("Ann", Some(2)), Err(JoinError::NoSuchTeam));
        let a = room.join("Ann", Some(1)).unwrap();
        assert_eq!(room.participant(a).unwrap().team, Some(1));
        let mut solo = Room::new(vec![], 2);
        assert_eq!(solo.join("A", Some(0)), Err(JoinError::NoSuchTeam));
        solo.join("A", None).unwrap();
        let b = solo.join("B", None).unwrap();
        assert_eq!(solo.join("C", None), Err(JoinError::RoomFull));
        assert!(solo.remove(b));
        assert!(!solo.remove(b));
        let c = solo.join("C", None).unwrap();
        assert_ne!(b, c, "numbers are never reused");
        assert_eq!(solo.join_as(c, "C again", None), Err(JoinError::Duplicate));
    }

    #[test]
    fn one_team_means_everyone_for_themselves() {
        let room = Room::new(Room::teams_named(&["Only".into()]), 10);
        assert!(room.teams().is_empty());
        let nine: Vec<String> = (0..9).map(|i| format!("T{i}")).collect();
        assert_eq!(Room::new(Room::teams_named(&nine), 10).teams().len(), 8);
    }

    #[test]
    fn a_changed_vote_replaces_the_earlier_one_until_voting_closes() {
        let mut room = two_teams();
        let a = room.join("Ann", Some(0)).unwrap();
        assert_eq!(room.vote(a, 1, 0, S), Err(VoteError::NotOpen));
        let q = room.open(3, Kind::Decision, 45 * S).unwrap();
        assert_eq!(q, 1);
        assert_eq!(room.vote(a, q, 0, S), Ok(Voted::First));
        assert_eq!(room.vote(a, q, 0, S), Ok(Voted::Same));
        assert_eq!(room.vote(a, q, 2, 2 * S), Ok(Voted::Changed));
        assert_eq!(room.voted_count(), 1);
        assert_eq!(room.vote_of(a).unwrap().option, 2);
        assert_eq!(room.vote(a, q, 3, S), Err(VoteError::NoSuchOption));
        assert_eq!(room.vote(a, q + 1, 1, S), Err(VoteError::WrongQuestion));
        assert_eq!(room.vote(a, q, 1, 46 * S), Err(VoteError::TooLate));
        assert_eq!(
            room.vote(ParticipantId(99), q, 1, S),
            Err(VoteError::UnknownParticipant)
        );
        assert!(room.close(CloseReason::Trainer));
        assert_eq!(room.vote(a, q, 1, 3 * S), Err(VoteError::NotOpen));
        assert_eq!(room.vote_of(a).unwrap().option, 2);
    }

    #[test]
    fn voting_closes_on_time_out_or_when_all_voted() {
        let mut room = two_teams();
        let a = room.join("A", Some(0)).unwrap();
        let b = room.join("B", Some(1)).unwrap();
        let q = room.open(2, Kind::Decision, 20 * S).unwrap();
        room.vote(a, q, 0, S).unwrap();
        assert_eq!(room.tick(2 * S), None);
        room.vote(b, q, 1, S).unwrap();
        assert_eq!(room.tick(3 * S), Some(CloseReason::AllVoted));
        assert_eq!(room.phase(), Phase::Closed(CloseReason::AllVoted));
        let q = room.open(2, Kind::Decision, 20 * S).unwrap();
        room.vote(a, q, 0, S).unwrap();
        assert_eq!(room.tick(19 * S), None);
        assert_eq!(room.tick(20 * S), Some(CloseReason::TimeOut));
        assert_eq!(room.tick(21 * S), None, "closes once");
    }

    #[test]
    fn a_removed_participants_vote_stops_counting() {
        let mut room = two_teams();
        let a = room.join("A", Some(0)).unwrap();
        let b = room.join("B", Some(1)).unwrap();
        let q = room.open(2, Kind::Decision, 20 * S).unwrap();
        room.vote(a, q, 0, S).unwrap();
        room.remove(a);
        assert_eq!(room.voted_count(), 0);
        assert_eq!(room.vote(a, q, 0, S), Err(VoteError::UnknownParticipant));
        room.vote(b, q, 1, S).unwrap();
        assert!(room.all_voted());
    }

    #[test]
    fn the_reveal_counts_overall_and_per_team_and_finds_the_majority() {
        let mut room = two_teams();
        let ids: Vec<_> = (0..5)
            .map(|i| room.join(&format!("P{i}"), Some(i % 2)).unwrap())
            .collect();
        let q = room.open(4, Kind::Decision, 45 * S).unwrap();
        // Teams: 0 → P0, P2, P4; 1 → P1, P3.
        for (id, opt) in ids.iter().zip([1, 1, 1, 3, 0]) {
            room.vote(*id, q, opt, S).unwrap();
        }
        let r = room.reveal().unwrap();
        assert_eq!(r.counts, vec![1, 3, 0, 1]);
        assert_eq!(r.per_team, vec![vec![1, 2, 0, 0], vec![0, 1, 0, 1]]);
        assert_eq!(r.choice, Choice::Majority(1));
        assert_eq!(r.correct, None);
        assert!(r.points.is_empty());
        assert_eq!(room.phase(), Phase::Revealed);
        assert_eq!(room.vote(ids[0], q, 2, S), Err(VoteError::NotOpen));
    }

    #[test]
    fn team_best_share_counts_votes_for_the_best_reply() {
        let mut room = two_teams();
        let a = room.join("A", Some(0)).unwrap();
        let b = room.join("B", Some(1)).unwrap();
        let c = room.join("C", Some(1)).unwrap();
        for picks in [[0, 0, 1], [2, 2, 2]] {
            let q = room.open(3, Kind::Decision, 45 * S).unwrap();
            for (id, o) in [a, b, c].into_iter().zip(picks) {
                room.vote(id, q, o, S).unwrap();
            }
            room.reveal().unwrap();
        }
        // Question 1's best is A, question 2's is C.
        let share = room.team_best_share(|n| if n == 1 { vec![0] } else { vec![2] });
        assert_eq!(share, vec![(2, 2), (3, 4)]);
        assert_eq!(room.team_best_share(|_| vec![]), vec![(0, 0), (0, 0)]);
    }

    #[test]
    fn a_tie_leaves_the_choice_to_the_trainer() {
        let mut room = Room::new(vec![], 10);
        let a = room.join("A", None).unwrap();
        let b = room.join("B", None).unwrap();
        let q = room.open(3, Kind::Decision, 45 * S).unwrap();
        room.vote(a, q, 2, S).unwrap();
        room.vote(b, q, 0, S).unwrap();
        let r = room.reveal().unwrap();
        assert_eq!(r.choice, Choice::Tie(vec![0, 2]));
        assert!(r.per_team.is_empty());
        assert_eq!(room.pick(3), Err(QuestionError::NoSuchOption));
        room.pick(2).unwrap();
        assert_eq!(
            room.current().unwrap().reveal.as_ref().unwrap().choice,
            Choice::Majority(2)
        );
        room.open(2, Kind::Decision, 45 * S).unwrap();
        assert_eq!(room.reveal().unwrap().choice, Choice::NoVotes);
    }

    #[test]
    fn speed_points_fall_from_1000_to_500() {
        let limit = 20 * S;
        assert_eq!(speed_points(Duration::ZERO, limit), 1000);
        assert_eq!(speed_points(10 * S, limit), 750);
        assert_eq!(speed_points(20 * S, limit), 500);
        assert_eq!(speed_points(30 * S, limit), 500);
        assert_eq!(speed_points(Duration::from_millis(2500), limit), 937);
    }

    #[test]
    fn a_quiz_scores_correct_answers_by_speed_with_a_board_and_team_totals() {
        let mut room = two_teams();
        let ids: Vec<_> = (0..7)
            .map(|i| room.join(&format!("P{i}"), Some(i % 2)).unwrap())
            .collect();
        let q = room.open(4, Kind::Quiz { correct: 2 }, 20 * S).unwrap();
        // P0..P5 answer correctly at 0, 2, 4, … seconds; P6 answers wrong.
        for (i, id) in ids.iter().enumerate().take(6) {
            room.vote(*id, q, 2, 2 * i as u32 * S).unwrap();
        }
        room.vote(ids[6], q, 0, Duration::ZERO).unwrap();
        let r = room.reveal().unwrap();
        assert_eq!(r.correct, Some(2));
        assert_eq!(r.points.len(), 6);
        assert_eq!(r.points[&ids[0]], 1000);
        assert_eq!(r.points[&ids[1]], 950);
        assert!(!r.points.contains_key(&ids[6]));
        // A second reveal does not score again.
        room.reveal().unwrap();
        let board: Vec<_> = room
            .leaderboard(LEADERBOARD_SIZE)
            .iter()
            .map(|p| (p.nickname.as_str(), p.score))
            .collect();
        assert_eq!(
            board,
            [
                ("P0", 1000),
                ("P1", 950),
                ("P2", 900),
                ("P3", 850),
                ("P4", 800)
            ]
        );
        assert_eq!(room.team_totals(), vec![1000 + 900 + 800, 950 + 850 + 750]);
        assert_eq!(
            room.open(4, Kind::Quiz { correct: 4 }, S),
            Err(QuestionError::NoSuchOption)
        );
        assert_eq!(
            room.open(5, Kind::Decision, S),
            Err(QuestionError::OptionCount)
        );
        assert_eq!(
            room.open(1, Kind::Decision, S),
            Err(QuestionError::OptionCount)
        );
    }

    #[test]
    fn the_trainer_can_enter_the_result_without_phones() {
        let mut room = Room::new(vec![], 10);
        assert_eq!(
            room.enter_manually(Manual::Choice(0)),
            Err(QuestionError::NoQuestion)
        );
        room.open(3, Kind::Decision, 45 * S).unwrap();
        assert_eq!(
            room.enter_manually(Manual::Choice(3)),
            Err(QuestionError::NoSuchOption)
        );
        room.enter_manually(Manual::Choice(1)).unwrap();
        assert_eq!(room.phase(), Phase::Closed(CloseReason::Trainer));
        assert_eq!(room.reveal().unwrap().choice, Choice::Majority(1));

        room.open(3, Kind::Decision, 45 * S).unwrap();
        assert_eq!(
            room.enter_manually(Manual::Counts(vec![1, 2])),
            Err(QuestionError::OptionCount)
        );
        room.enter_manually(Manual::Counts(vec![4, 9, 9])).unwrap();
        let r = room.reveal().unwrap();
        assert_eq!(r.counts, vec![4, 9, 9]);
        assert_eq!(r.choice, Choice::Tie(vec![1, 2]));
    }
}
