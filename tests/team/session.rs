//! A team session's flow without Bevy or a network: a scenario played by a room with votes, ties,
//! choices by hand and counts by hand, "what if" back to a decision, a quiz with speed points, and
//! the record kept in the store.

use client_first::engine::library::Library;
use client_first::engine::quiz::{Pool, RoundKind, RoundSpec};
use client_first::team::room::{Choice, ParticipantId, Room, Team};
use client_first::team::session::{
    Activity, Effect, Plan, QuizPick, QuizPlay, Record, Session, Stage, team_quiz_kinds,
};
use std::sync::LazyLock;
use std::time::Duration;

static LIB: LazyLock<Library> = LazyLock::new(Library::builtin);
const S: Duration = Duration::from_secs(1);

fn teams() -> Vec<Team> {
    Room::teams_named(&["Red".into(), "Blue".into()])
}

fn scenario_session(id: &str) -> Session {
    let plan = Plan {
        activity: Activity::Scenario(id.into()),
        teams: teams(),
        voting: Duration::from_secs(45),
        phones: true,
    };
    let loaded = LIB.get(id).expect("a built-in scenario").clone();
    Session::scenario(plan, loaded, 7, 300)
}

/// Goes on through lines until a vote opens or the scenario ends.
fn to_vote(s: &mut Session) {
    for _ in 0..100 {
        match s.stage() {
            Stage::Voting | Stage::Over => return,
            _ => {
                s.advance();
            }
        }
    }
    panic!("no vote opened");
}

#[test]
fn a_room_plays_a_scenario_with_votes_ties_and_choices_by_hand() {
    let mut s = scenario_session("guitar");
    let ann = s.room.join("Ann", Some(0)).expect("joins");
    let bob = s.room.join("Bob", Some(1)).expect("joins");
    assert_eq!(s.stage(), Stage::Lobby);
    let first = s.begin();
    assert!(matches!(first, Effect::None | Effect::Open(_)));
    to_vote(&mut s);
    assert_eq!(s.stage(), Stage::Voting);
    let number = s.room.current().expect("a question").number;

    // A tie: the clicker reveals, then waits for the trainer's pick among the tied replies.
    s.room.vote(ann, number, 0, S).expect("a vote");
    s.room.vote(bob, number, 1, S).expect("a vote");
    let Effect::Reveal(r) = s.advance() else {
        panic!("the clicker reveals");
    };
    assert_eq!(r.choice, Choice::Tie(vec![0, 1]));
    // Ann (Red) voted A, Bob (Blue) voted B.
    assert_eq!(r.per_team[0][0], 1);
    assert_eq!(r.per_team[1][1], 1);
    assert_eq!(r.per_team[0].iter().sum::<u32>(), 1);
    assert_eq!(
        s.advance(),
        Effect::None,
        "no reply is played before the pick"
    );
    assert_eq!(s.stage(), Stage::Revealed);
    s.enter(3);
    assert_eq!(s.room_choice(), None, "a reply outside the tie is refused");
    s.enter(1);
    assert_eq!(s.room_choice(), Some(1));
    s.advance();
    assert_eq!(s.stage(), Stage::Feedback);
    let play = s.scenario_play().expect("a scenario");
    let played = play.last_played().expect("a reply played");
    assert_eq!(played.played.as_ref(), Some(&played.offered[1]));

    // The next vote by a show of hands: the trainer's key.
    s.advance();
    to_vote(&mut s);
    let Effect::Reveal(r) = s.enter(0) else {
        panic!("a choice by hand reveals");
    };
    assert_eq!(r.choice, Choice::Majority(0));
    s.advance();

    // The next by counted hands.
    s.advance();
    to_vote(&mut s);
    let n = usize::from(s.room.current().expect("a question").options);
    let mut counts = vec![1; n];
    counts[n - 1] = 9;
    let Ok(Effect::Reveal(r)) = s.enter_counts(counts.clone()) else {
        panic!("counts by hand reveal");
    };
    assert_eq!(r.counts, counts);
    assert_eq!(r.choice, Choice::Majority((n - 1) as u8));
}

#[test]
fn voting_closes_on_time_and_when_everyone_has_voted() {
    let mut s = scenario_session("guitar");
    let ann = s.room.join("Ann", Some(0)).expect("joins");
    s.begin();
    to_vote(&mut s);
    assert_eq!(s.tick(Duration::from_secs(44)), Effect::None);
    assert!(matches!(s.tick(Duration::from_secs(45)), Effect::Reveal(_)));
    assert_eq!(
        s.revealed().map(|r| r.choice.clone()),
        Some(Choice::NoVotes)
    );
    s.enter(0);
    s.advance();
    s.advance();
    to_vote(&mut s);
    let number = s.room.current().expect("a question").number;
    s.room.vote(ann, number, 1, S).expect("a vote");
    assert!(
        matches!(s.tick(2 * S), Effect::Reveal(_)),
        "the only person voted"
    );
}

#[test]
fn what_if_goes_back_and_the_record_keeps_both_paths() {
    let mut s = scenario_session("guitar");
    s.begin();
    let mut decisions = 0;
    for _ in 0..200 {
        to_vote(&mut s);
        if s.stage() == Stage::Over {
            break;
        }
        decisions += 1;
        s.enter(0);
        s.advance();
        s.advance();
    }
    assert_eq!(s.stage(), Stage::Over);
    assert!(decisions >= 2);
    let first_path = s
        .scenario_play()
        .and_then(|p| p.run.outcome())
        .expect("an ending");

    let Ok(Effect::Open(_)) = s.what_if(1) else {
        panic!("going back opens the decision's vote again");
    };
    let play = s.scenario_play().expect("a scenario");
    assert_eq!(play.run.decisions().len(), 1, "the first decision is kept");
    assert_eq!(play.earlier.len(), 1);
    assert_eq!(play.earlier[0].outcome, first_path);
    // Another reply this time, then to the end.
    let options = s.room.current().expect("a question").options;
    s.enter(options - 1);
    s.advance();
    s.advance();
    for _ in 0..200 {
        to_vote(&mut s);
        if s.stage() == Stage::Over {
            break;
        }
        s.enter(0);
        s.advance();
        s.advance();
    }
    let all = LIB.all();
    let record: Record = s.record(&all);
    assert_eq!(record.paths.len(), 2);
    assert_eq!(record.paths[0].left_at, Some(1));
    assert_eq!(record.paths[1].left_at, None);
    assert!(record.questions.iter().all(|q| q.by_hand));
    // The record survives the store's JSON.
    let json = serde_json::to_value(&record).expect("serialises");
    assert_eq!(
        serde_json::from_value::<Record>(json).expect("reads back"),
        record
    );
}

#[test]
fn a_team_quiz_scores_speed_and_keeps_only_questions_a_room_can_vote_on() {
    let pool = Pool::build(&LIB);
    let mut spec = RoundSpec::new(RoundKind::Mixed, 3);
    spec.kinds = team_quiz_kinds();
    let round = pool.round(&spec, &LIB.catalog);
    let plan = Plan {
        activity: Activity::Quiz(QuizPick::Mixed),
        teams: teams(),
        voting: Duration::from_secs(20),
        phones: true,
    };
    let mut s = Session::quiz(plan, round, 300).expect("a round");
    let quiz = s.quiz_play().expect("a quiz");
    assert!(
        quiz.round
            .items
            .iter()
            .all(|i| (2..=4).contains(&i.shown.len()))
    );
    let fast = s.room.join("Fast", Some(0)).expect("joins");
    let slow = s.room.join("Slow", Some(1)).expect("joins");
    let wrong = s.room.join("Wrong", Some(1)).expect("joins");
    let Effect::Open(number) = s.begin() else {
        panic!("the first question opens");
    };
    let right = QuizPlay::correct(s.quiz_play().and_then(|q| q.item()).expect("a question"));
    let other = (right + 1) % 2;
    s.room.vote(fast, number, right, S).expect("a vote");
    s.room.vote(slow, number, right, 15 * S).expect("a vote");
    s.room.vote(wrong, number, other, 2 * S).expect("a vote");
    assert!(matches!(s.tick(16 * S), Effect::Reveal(_)));
    let points = |s: &Session, id: ParticipantId| s.room.participant(id).map_or(0, |p| p.score);
    assert!(points(&s, fast) > points(&s, slow));
    assert!(points(&s, slow) >= 500);
    assert_eq!(points(&s, wrong), 0);
    s.advance();
    assert_eq!(s.stage(), Stage::Board);
    let (teams, room) = s.best_share();
    assert_eq!(teams, vec![(1, 1), (1, 2)]);
    assert_eq!(room, (2, 3));
    let all = LIB.all();
    assert_eq!(s.score(&all), 66);
    s.advance();
    assert_eq!(s.stage(), Stage::Voting, "the next question");
    let record = s.record(&all);
    assert_eq!(record.teams[0].points, points(&s, fast));
    assert_eq!(record.questions[0].votes.len(), 3);
}
