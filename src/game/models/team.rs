//! The team session's models: the set-up, the lobby, the room at play (lines, a vote, the reveal,
//! the coach's feedback, the quiz's top five) and the end (the room's debrief with the teams and
//! the path map, or the podium). No egui here: the headless tests and the keys read the same
//! targets the views draw.
//!
//! Every figure comes from the session ([`crate::team::session`]) and the engine: counts, the
//! room's choice, points, best-reply shares and the debrief. The models only put them into words.

use super::debrief::DebriefView;
use super::quiz::{ExplanationView, Line, context_lines, option_text, prompt, reply_line};
use crate::engine::library::Library;
use crate::engine::model::SPEAKER_YOU;
use crate::engine::quiz::{Answered, Response};
use crate::engine::text::Lang;
use crate::game::activities::team::{Qr, TeamState};
use crate::game::core::{Action, DebriefTab, Target, TeamAction, TeamTab};
use crate::i18n::{Args, tr, tra};
use crate::team::map::{PathMap, best_path};
use crate::team::room::Choice;
use crate::team::session::{Activity, Play, QuizPick, ScenarioPlay, Session, Stage};
use std::time::Duration;

/// A team as the screens show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamBadge {
    /// Its name.
    pub name: String,
    /// Its colour (sRGB).
    pub colour: [u8; 3],
}

impl From<&crate::team::room::Team> for TeamBadge {
    fn from(t: &crate::team::room::Team) -> TeamBadge {
        TeamBadge {
            name: t.name.clone(),
            colour: t.colour,
        }
    }
}

fn badges(teams: &[crate::team::room::Team]) -> Vec<TeamBadge> {
    teams.iter().map(TeamBadge::from).collect()
}

/// "45 s" or "no limit".
pub fn voting_label(voting: Duration, lang: Lang) -> String {
    if voting.is_zero() {
        tr(lang, "team-voting-none")
    } else {
        tra(
            lang,
            "team-voting-seconds",
            &Args::new().num("seconds", voting.as_secs() as f64),
        )
    }
}

/// The name of what the room plays: the scenario's title or the quiz round's kind.
pub fn activity_label(a: &Activity, library: &Library, lang: Lang) -> String {
    match a {
        Activity::Scenario(id) => library.scenario_title(id, lang),
        Activity::Quiz(QuizPick::Mixed) => tr(lang, "team-quiz-mixed"),
        Activity::Quiz(QuizPick::Source(s)) => tra(
            lang,
            "team-quiz-source",
            &Args::new().str(
                "source",
                library
                    .catalog
                    .source(s)
                    .map_or_else(|| s.clone(), |x| x.title.get(lang).to_string()),
            ),
        ),
        Activity::Quiz(QuizPick::Theme(t)) => tra(
            lang,
            "team-quiz-theme",
            &Args::new().str("theme", crate::i18n::labels::theme(lang, *t)),
        ),
    }
}

// ------------------------------------------------------------------------------------------ set-up

/// The set-up screen's model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupView {
    /// Interface language.
    pub lang: Lang,
    /// "Team session".
    pub heading: String,
    /// What each part of the set-up is for.
    pub hint: String,
    /// What can be played: (activity, its name, chosen). Scenarios first, then quiz rounds.
    pub activities: Vec<(Activity, String, bool)>,
    /// The teams; empty when everyone plays for themselves.
    pub teams: Vec<TeamBadge>,
    /// "Everyone for themselves" or "3 teams".
    pub teams_label: String,
    /// "Voting time: 45 s".
    pub voting_label: String,
    /// Whether phones vote.
    pub phones: bool,
    /// The chosen activity's name.
    pub chosen: String,
}

impl SetupView {
    /// The set-up from the draft.
    pub fn new(state: &TeamState, library: &Library, lang: Lang) -> SetupView {
        let d = &state.draft;
        let mut all: Vec<Activity> = library
            .scenarios
            .iter()
            .map(|l| Activity::Scenario(l.scenario.id.clone()))
            .collect();
        all.push(Activity::Quiz(QuizPick::Mixed));
        all.extend(
            library
                .catalog
                .sources
                .iter()
                .map(|s| Activity::Quiz(QuizPick::Source(s.id.clone()))),
        );
        let activities = all
            .into_iter()
            .map(|a| {
                let label = activity_label(&a, library, lang);
                let chosen = a == d.activity;
                (a, label, chosen)
            })
            .collect();
        let teams = if d.teams.len() >= 2 {
            badges(&d.teams)
        } else {
            vec![]
        };
        SetupView {
            lang,
            heading: tr(lang, "team-setup-heading"),
            hint: tr(lang, "team-setup-hint"),
            activities,
            teams_label: if teams.is_empty() {
                tr(lang, "team-mode-solo")
            } else {
                tra(
                    lang,
                    "team-mode-teams",
                    &Args::new().num("n", teams.len() as f64),
                )
            },
            teams,
            voting_label: tra(
                lang,
                "team-voting",
                &Args::new().str("time", voting_label(d.voting, lang)),
            ),
            phones: d.phones,
            chosen: activity_label(&d.activity, library, lang),
        }
    }

    /// Start, the team, voting and phone switches, each team's colour, then every activity.
    pub fn targets(&self) -> Vec<Target> {
        let lang = self.lang;
        let mut t = vec![
            Target::new(
                TeamAction::Open,
                tr(
                    lang,
                    if self.phones {
                        "team-open-lobby"
                    } else {
                        "team-start-without-phones"
                    },
                ),
            ),
            Target::new(TeamAction::Teams(-1), tr(lang, "team-fewer-teams")),
            Target::new(TeamAction::Teams(1), tr(lang, "team-more-teams")),
            Target::new(TeamAction::Voting(-1), tr(lang, "team-shorter")),
            Target::new(TeamAction::Voting(1), tr(lang, "team-longer")),
            Target::new(
                TeamAction::TogglePhones,
                tr(
                    lang,
                    if self.phones {
                        "team-phones-on"
                    } else {
                        "team-phones-off"
                    },
                ),
            ),
        ];
        for (i, team) in self.teams.iter().enumerate() {
            t.push(Target::new(
                TeamAction::TeamColour(i),
                tra(
                    lang,
                    "team-change-colour",
                    &Args::new().str("team", team.name.clone()),
                ),
            ));
        }
        for (a, label, _) in &self.activities {
            t.push(Target::new(TeamAction::Pick(a.clone()), label.clone()));
        }
        t
    }

    /// The index of the first activity target, after the buttons above.
    pub fn first_activity(&self) -> usize {
        6 + self.teams.len()
    }
}

// ------------------------------------------------------------------------------------------- lobby

/// One participant in the lobby.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrival {
    /// Their number.
    pub id: u32,
    /// Their nickname (shown as plain text: egui never interprets it).
    pub nickname: String,
    /// Their team, if any.
    pub team: Option<TeamBadge>,
}

/// The lobby's model: how to join, who has joined, and the addresses to choose from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LobbyView {
    /// Interface language.
    pub lang: Lang,
    /// What the room plays.
    pub activity: String,
    /// "Join on your phone".
    pub heading: String,
    /// The page's address with the room code, for the QR code.
    pub url: Option<String>,
    /// The address to type, without the code.
    pub base_url: Option<String>,
    /// The room code.
    pub code: Option<String>,
    /// The QR code.
    pub qr: Option<Qr>,
    /// Why phones cannot join, when the server did not start.
    pub problem: Option<String>,
    /// "12 people joined".
    pub count: String,
    /// Everyone present, in order of arrival.
    pub arrivals: Vec<Arrival>,
    /// The teams.
    pub teams: Vec<TeamBadge>,
    /// Each team's number of members, by team.
    pub team_counts: Vec<usize>,
    /// This machine's addresses: (label, in use).
    pub addresses: Vec<(String, bool)>,
    /// Key hints.
    pub hint: String,
}

impl LobbyView {
    /// The lobby of the session in `state`.
    pub fn new(state: &TeamState, library: &Library, lang: Lang) -> Option<LobbyView> {
        let s = state.session.as_ref()?;
        let link = state.link.as_ref();
        let arrivals: Vec<Arrival> = s
            .room
            .present()
            .map(|p| Arrival {
                id: p.id.0,
                nickname: p.nickname.clone(),
                team: p
                    .team
                    .and_then(|t| s.room.teams().get(t).map(TeamBadge::from)),
            })
            .collect();
        let mut team_counts = vec![0; s.room.teams().len()];
        for p in s.room.present() {
            if let Some(t) = p.team {
                team_counts[t] += 1;
            }
        }
        Some(LobbyView {
            lang,
            activity: activity_label(&s.plan.activity, library, lang),
            heading: tr(lang, "team-lobby-title"),
            url: link.map(|l| l.server.url()),
            base_url: link.map(|l| l.server.base_url()),
            code: link.map(|l| l.server.code().to_string()),
            qr: link.map(|l| l.qr.clone()),
            problem: state.problem.as_ref().map(|p| {
                tra(
                    lang,
                    "team-no-server",
                    &Args::new()
                        .str("address", p.address.clone())
                        .str("reason", p.reason.clone()),
                )
            }),
            count: tra(
                lang,
                "team-lobby-count",
                &Args::new().num("n", arrivals.len() as f64),
            ),
            arrivals,
            teams: badges(s.room.teams()),
            team_counts,
            addresses: state
                .addresses
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let note = if a.loopback {
                        format!(" — {}", tr(lang, "team-address-loopback"))
                    } else if a.virtual_adapter {
                        format!(" — {}", tr(lang, "team-address-virtual"))
                    } else {
                        String::new()
                    };
                    (
                        format!("{} ({}){note}", a.ip, a.adapter),
                        i == state.address,
                    )
                })
                .collect(),
            hint: tr(lang, "team-lobby-keys"),
        })
    }

    /// Start first, then each address, then each participant's Remove.
    pub fn targets(&self) -> Vec<Target> {
        let lang = self.lang;
        let mut t = vec![Target::new(TeamAction::Begin, tr(lang, "team-lobby-start"))];
        for (i, (label, _)) in self.addresses.iter().enumerate() {
            t.push(Target::new(TeamAction::Address(i), label.clone()));
        }
        for a in &self.arrivals {
            t.push(Target::new(
                TeamAction::Remove(a.id),
                tra(
                    lang,
                    "team-lobby-remove",
                    &Args::new().str("name", a.nickname.clone()),
                ),
            ));
        }
        t
    }
}

// -------------------------------------------------------------------------------------------- play

/// One reply or answer on the projector, with its votes once revealed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionView {
    /// "A".
    pub letter: String,
    /// The short text (a reply's label, an answer).
    pub label: String,
    /// What is said, for a scenario's reply (shown under the label).
    pub say: Option<String>,
    /// After the reveal: the votes for it.
    pub votes: Option<u32>,
    /// After the reveal: the votes for it from each team, in team order.
    pub per_team: Vec<u32>,
    /// The room's choice.
    pub chosen: bool,
    /// A best reply of the scenario, or the right answer of a quiz question (after the reveal).
    pub best: bool,
    /// Tied for the most votes: the trainer picks one.
    pub tied: bool,
}

/// The reply the room played, with the coach's comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackView {
    /// "The room said: …".
    pub said: String,
    /// The coach's comment.
    pub feedback: String,
    /// The principles it moved.
    pub marks: Vec<super::Mark>,
    /// The best reply there, when the room chose another.
    pub better: Option<String>,
}

/// The top five after a quiz question, and the teams' totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardView {
    /// (place, nickname, points, team) of the top five.
    pub top: Vec<(usize, String, u32, Option<TeamBadge>)>,
    /// (team, points), best first.
    pub teams: Vec<(TeamBadge, u32)>,
}

/// The play screen's model: everything the projector shows during the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlayView {
    /// Interface language.
    pub lang: Lang,
    /// Where the session stands.
    pub stage: Stage,
    /// The activity's name.
    pub title: String,
    /// "Decision 2" or "Question 3 of 10".
    pub progress: String,
    /// The room code, to join late (when phones vote).
    pub code: Option<String>,
    /// Lines since the last reply (a scenario), or the quiz question's context.
    pub lines: Vec<Line>,
    /// A quiz question's reply under discussion.
    pub reply: Option<String>,
    /// The question itself (a quiz), or "What do you answer?" (a scenario).
    pub prompt: String,
    /// The replies or answers A–D.
    pub options: Vec<OptionView>,
    /// The teams.
    pub teams: Vec<TeamBadge>,
    /// "12 of 30 voted", while voting (never the distribution).
    pub voted: Option<String>,
    /// Whole seconds left, while voting with a limit.
    pub seconds_left: Option<u64>,
    /// The time left in thousandths of the voting time (1000 at the start), for the bar.
    pub time_left: Option<u16>,
    /// What the reveal says: "The room chose B", "A tie: pick a reply with 1–4", "Nobody voted".
    pub verdict: Option<String>,
    /// The coach's feedback on the reply played.
    pub feedback: Option<FeedbackView>,
    /// A quiz question's explanation after the reveal.
    pub explanation: Option<ExplanationView>,
    /// The top five after a quiz question.
    pub board: Option<BoardView>,
    /// The scenario's ending, when it is over: (title, text).
    pub ending: Option<(String, String)>,
    /// The vote counts being typed by hand.
    pub counts: Option<Vec<String>>,
    /// Key hints for the trainer.
    pub hint: String,
    /// What the clicker does now.
    pub next_label: String,
    /// A quiz question (its prompt is the question itself), not a scenario's decision.
    pub quiz: bool,
}

impl PlayView {
    /// The room at play.
    pub fn new(state: &TeamState, library: &Library, lang: Lang) -> Option<PlayView> {
        let s = state.session.as_ref()?;
        let stage = s.stage();
        let teams = badges(s.room.teams());
        let reveal = s.revealed();
        let voted = s.voting().then(|| {
            tra(
                lang,
                "team-voted-count",
                &Args::new()
                    .num("voted", s.room.voted_count() as f64)
                    .num("total", s.room.present().count() as f64),
            )
        });
        let left = state.left();
        let mut view = PlayView {
            lang,
            stage,
            title: activity_label(&s.plan.activity, library, lang),
            progress: String::new(),
            code: state.link.as_ref().map(|l| l.server.code().to_string()),
            lines: vec![],
            reply: None,
            prompt: String::new(),
            options: vec![],
            teams: teams.clone(),
            voted,
            seconds_left: left.map(|d| d.as_secs_f64().ceil() as u64),
            time_left: left.map(|d| {
                (d.as_millis() * 1000 / s.plan.voting.as_millis().max(1)).min(1000) as u16
            }),
            verdict: None,
            feedback: None,
            explanation: None,
            board: None,
            ending: None,
            counts: state.counts.clone(),
            hint: String::new(),
            next_label: String::new(),
            quiz: s.quiz_play().is_some(),
        };
        match &s.play {
            Play::Scenario(play) => {
                let run = &play.run;
                // The lines since the room's last reply: what the room answers now. With the
                // coach's feedback on screen, the feedback card says it all.
                if stage != Stage::Feedback {
                    let utterances = run.utterances(lang);
                    let from = utterances
                        .iter()
                        .rposition(|u| u.speaker == SPEAKER_YOU)
                        .map_or(0, |i| i + 1);
                    view.lines = utterances[from..]
                        .iter()
                        .map(|u| Line {
                            speaker: crate::i18n::labels::speaker(lang, u),
                            text: u.text.clone(),
                            you: u.speaker == SPEAKER_YOU,
                        })
                        .collect();
                }
                view.progress = tra(
                    lang,
                    "team-decision",
                    &Args::new().num("n", play.current.len().max(1) as f64),
                );
                if play.path_number() > 0 {
                    view.progress.push_str(" · ");
                    view.progress.push_str(&tra(
                        lang,
                        "team-what-if-path",
                        &Args::new().num("n", play.path_number() as f64),
                    ));
                }
                let decision = play.pending().or(if stage == Stage::Feedback {
                    play.last_played()
                } else {
                    None
                });
                if let Some(d) = decision
                    && matches!(stage, Stage::Voting | Stage::Revealed)
                {
                    view.prompt = tr(lang, "team-what-do-you-say");
                    let node = play.loaded.scenario.node(&d.node);
                    let choices: Vec<&crate::engine::model::Choice> = match node.map(|n| &n.then) {
                        Some(crate::engine::model::Then::Choices(c)) => c.iter().collect(),
                        _ => vec![],
                    };
                    let best = play.best_options(d);
                    view.options = d
                        .offered
                        .iter()
                        .enumerate()
                        .map(|(i, id)| {
                            let c = choices.iter().find(|c| &c.id == id);
                            let label = c.map(|c| run.render(&c.label, lang)).unwrap_or_default();
                            let say = c
                                .map(|c| run.render(c.spoken(), lang))
                                .filter(|s| *s != label)
                                .map(|s| super::quoted(&s, lang));
                            option(i, label, say, reveal, best.contains(&(i as u8)))
                        })
                        .collect();
                }
                if stage == Stage::Feedback
                    && let Some(d) = play.last_played()
                {
                    view.feedback = feedback(play, d, library, lang);
                }
                if stage == Stage::Over
                    && let Some(e) = run.ending()
                {
                    view.ending = Some((e.title.get(lang).to_string(), run.render(&e.text, lang)));
                }
            }
            Play::Quiz(q) => {
                let total = q.round.items.len();
                view.progress = tra(
                    lang,
                    "quiz-question-of",
                    &Args::new()
                        .num("n", (q.index + 1).min(total) as f64)
                        .num("total", total as f64),
                );
                if let Some(item) = q.item()
                    && matches!(stage, Stage::Voting | Stage::Revealed)
                {
                    let question = &item.question;
                    view.lines = context_lines(question, lang);
                    view.reply = reply_line(question, lang);
                    view.prompt = prompt(question, library, lang);
                    let right = crate::team::session::QuizPlay::correct(item);
                    view.options = item
                        .shown
                        .iter()
                        .enumerate()
                        .map(|(i, k)| {
                            option(
                                i,
                                option_text(question, k, library, lang),
                                None,
                                reveal,
                                i as u8 == right,
                            )
                        })
                        .collect();
                    if let Some(r) = reveal {
                        let majority = match r.choice {
                            Choice::Majority(o) => item.shown.get(usize::from(o)).cloned(),
                            _ => None,
                        };
                        let answered = Answered {
                            question: question.id.clone(),
                            correct: majority.as_deref() == Some(question.right.as_str()),
                            response: majority.map_or(Response::TimedOut, Response::Pick),
                            time_ms: 0,
                            points: 0,
                            streak: 0,
                        };
                        let mut e = ExplanationView::new(question, &answered, library, lang);
                        e.headline = tr(
                            lang,
                            match (answered.correct, &answered.response) {
                                (true, _) => "team-room-right",
                                (false, Response::TimedOut) => "team-room-undecided",
                                (false, _) => "team-room-wrong",
                            },
                        );
                        e.points = None;
                        e.streak = None;
                        e.yours = e.yours.map(|_| {
                            tra(
                                lang,
                                "team-room-answer",
                                &Args::new().str(
                                    "answer",
                                    view.options
                                        .iter()
                                        .find(|o| o.chosen)
                                        .map(|o| o.label.clone())
                                        .unwrap_or_default(),
                                ),
                            )
                        });
                        view.explanation = Some(e);
                    }
                }
                if matches!(stage, Stage::Board | Stage::Over) {
                    view.board = Some(board(s, 5));
                }
            }
        }
        view.verdict = reveal.map(|r| verdict(r, s, lang));
        view.hint = tr(
            lang,
            match stage {
                Stage::Voting => "team-keys-voting",
                Stage::Revealed if s.awaiting_pick() => "team-keys-tie",
                _ => "team-keys-next",
            },
        );
        view.next_label = tr(
            lang,
            match (stage, &s.play) {
                (Stage::Voting, _) => "team-close-voting",
                (Stage::Revealed, Play::Scenario(_)) => "team-play-reply",
                (Stage::Revealed, Play::Quiz(_)) => "team-show-board",
                (Stage::Over, Play::Scenario(_)) => "team-to-debrief",
                (Stage::Over, Play::Quiz(_)) => "team-to-podium",
                (Stage::Board, _)
                    if s.quiz_play()
                        .is_some_and(|q| q.index + 1 >= q.round.items.len()) =>
                {
                    "team-to-podium"
                }
                _ => "team-next",
            },
        );
        Some(view)
    }

    /// While typing counts: Save and Cancel. Otherwise: the clicker's step (or, on a tie, the tied
    /// replies to pick from), and while voting the counts typed by hand.
    pub fn targets(&self) -> Vec<Target> {
        let lang = self.lang;
        if self.counts.is_some() {
            return vec![
                Target::new(TeamAction::CountsSave, tr(lang, "team-counts-save")),
                Target::new(TeamAction::CountsCancel, tr(lang, "team-counts-cancel")),
            ];
        }
        let tied: Vec<Target> = self
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.tied)
            .map(|(i, o)| {
                Target::new(
                    TeamAction::Enter(i as u8),
                    tra(
                        lang,
                        "team-pick",
                        &Args::new().str("letter", o.letter.clone()),
                    ),
                )
            })
            .collect();
        if self.stage == Stage::Revealed && !tied.is_empty() {
            return tied;
        }
        let mut t = vec![Target::new(TeamAction::Next, self.next_label.clone())];
        if self.stage == Stage::Voting {
            t.push(Target::new(
                TeamAction::CountHands,
                tr(lang, "team-count-hands"),
            ));
        }
        t
    }
}

fn option(
    i: usize,
    label: String,
    say: Option<String>,
    reveal: Option<&crate::team::room::Reveal>,
    best: bool,
) -> OptionView {
    let o = i as u8;
    OptionView {
        letter: char::from(b'A' + o).to_string(),
        label,
        say,
        votes: reveal.map(|r| r.counts.get(i).copied().unwrap_or(0)),
        per_team: reveal
            .map(|r| {
                r.per_team
                    .iter()
                    .map(|t| t.get(i).copied().unwrap_or(0))
                    .collect()
            })
            .unwrap_or_default(),
        chosen: reveal.is_some_and(|r| r.choice == Choice::Majority(o)),
        best: reveal.is_some() && best,
        tied: reveal.is_some_and(|r| match &r.choice {
            Choice::Tie(t) => t.contains(&o),
            Choice::NoVotes => true,
            Choice::Majority(_) => false,
        }),
    }
}

/// "The room chose B (14 of 25 votes)", "A tie between A and C", "Nobody voted".
fn verdict(r: &crate::team::room::Reveal, s: &Session, lang: Lang) -> String {
    let total: u32 = r.counts.iter().sum();
    let letter = |o: u8| char::from(b'A' + o).to_string();
    let by_hand = s.room.current().is_some_and(|q| q.manual.is_some());
    match &r.choice {
        Choice::Majority(o) if by_hand && total == 0 => tra(
            lang,
            "team-chose-by-hand",
            &Args::new().str("letter", letter(*o)),
        ),
        Choice::Majority(o) => tra(
            lang,
            "team-chose",
            &Args::new()
                .str("letter", letter(*o))
                .num("n", r.counts.get(usize::from(*o)).copied().unwrap_or(0))
                .num("total", total),
        ),
        Choice::Tie(t) => tra(
            lang,
            "team-tie-pick",
            &Args::new().str(
                "options",
                t.iter().map(|o| letter(*o)).collect::<Vec<_>>().join(", "),
            ),
        ),
        Choice::NoVotes => tr(lang, "team-no-votes-pick"),
    }
}

fn feedback(
    play: &crate::team::session::ScenarioPlay,
    d: &crate::team::session::RoomDecision,
    library: &Library,
    lang: Lang,
) -> Option<FeedbackView> {
    let run = &play.run;
    let node = play.loaded.scenario.node(&d.node)?;
    let crate::engine::model::Then::Choices(choices) = &node.then else {
        return None;
    };
    let id = d.played.as_ref()?;
    let c = choices.iter().find(|c| &c.id == id)?;
    let best = play.best_options(d);
    let played_at = d.offered.iter().position(|o| o == id)? as u8;
    let better = (!best.contains(&played_at))
        .then(|| best.first())
        .flatten()
        .and_then(|b| d.offered.get(usize::from(*b)))
        .and_then(|b| choices.iter().find(|c| &c.id == b))
        .map(|b| {
            tra(
                lang,
                "team-better-reply",
                &Args::new().str("reply", super::quoted(&run.render(b.spoken(), lang), lang)),
            )
        });
    Some(FeedbackView {
        said: tra(
            lang,
            "team-room-said",
            &Args::new().str("reply", super::quoted(&run.render(c.spoken(), lang), lang)),
        ),
        feedback: run.render(&c.feedback, lang),
        marks: super::marks(&c.scores, &library.catalog, lang),
        better,
    })
}

/// The top `n` participants and the teams' totals, best first.
fn board(s: &Session, n: usize) -> BoardView {
    let teams = s.room.teams();
    let badge = |t: Option<usize>| t.and_then(|t| teams.get(t)).map(TeamBadge::from);
    let mut totals: Vec<(TeamBadge, u32)> = teams
        .iter()
        .zip(s.room.team_totals())
        .map(|(t, p)| (TeamBadge::from(t), p))
        .collect();
    totals.sort_by_key(|t| std::cmp::Reverse(t.1));
    BoardView {
        top: s
            .room
            .leaderboard(n)
            .into_iter()
            .enumerate()
            .map(|(i, p)| (i + 1, p.nickname.clone(), p.score, badge(p.team)))
            .collect(),
        teams: totals,
    }
}

// --------------------------------------------------------------------------------------------- end

/// A team's share of best replies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareView {
    /// The team (none for the whole room).
    pub team: Option<TeamBadge>,
    /// "The whole room" or the team's name.
    pub label: String,
    /// 0–100, or none when it cast no vote.
    pub percent: Option<u8>,
    /// "9 of 12 votes".
    pub detail: String,
}

/// An earlier path of the room, before a "what if".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierView {
    /// "Path 1: score 62, the Client left upset".
    pub line: String,
}

/// A decision of the room's path, for the Decisions tab and the path map's "what if" buttons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomDecisionView {
    /// 1-based.
    pub step: usize,
    /// What the Client said.
    pub prompt: String,
    /// "A 5 · B 14 · C 3 · D 1".
    pub votes: String,
    /// The reply played and its comment.
    pub chosen: super::debrief::ReplyView,
    /// The best reply, when the room chose another.
    pub better: Option<super::debrief::ReplyView>,
}

/// The end screen's model: the room's debrief with the teams and the path map (a scenario), or the
/// podium (a quiz).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndView {
    /// Interface language.
    pub lang: Lang,
    /// The tab on screen (a scenario).
    pub tab: TeamTab,
    /// The activity's name.
    pub title: String,
    /// The scenario's debrief, in words.
    pub debrief: Option<DebriefView>,
    /// Each team's share of best replies (or right answers), then the whole room's.
    pub shares: Vec<ShareView>,
    /// Earlier paths.
    pub earlier: Vec<EarlierView>,
    /// The decisions of the room's path.
    pub decisions: Vec<RoomDecisionView>,
    /// The podium and the top five (a quiz).
    pub board: Option<BoardView>,
    /// The path map (a scenario, on its tab).
    pub map: Option<MapView>,
    /// "25 people took part · 10 questions".
    pub summary: String,
    /// Key hints.
    pub hint: String,
}

impl EndView {
    /// The end of the session in `state`.
    pub fn new(state: &TeamState, library: &Library, lang: Lang, tab: TeamTab) -> Option<EndView> {
        let s = state.session.as_ref()?;
        let (team_shares, room) = s.best_share();
        let share = |team: Option<TeamBadge>, label: String, (good, cast): (u32, u32)| ShareView {
            team,
            label,
            percent: crate::team::session::share_percent(good, cast),
            detail: tra(
                lang,
                "team-share-votes",
                &Args::new().num("n", good).num("total", cast),
            ),
        };
        let mut shares: Vec<ShareView> = s
            .room
            .teams()
            .iter()
            .zip(team_shares)
            .map(|(t, sh)| share(Some(TeamBadge::from(t)), t.name.clone(), sh))
            .collect();
        shares.push(share(None, tr(lang, "team-whole-room"), room));
        let debrief = state
            .debrief
            .as_ref()
            .map(|d| DebriefView::new(d, library, lang, DebriefTab::Summary, false));
        let mut earlier = vec![];
        let mut decisions = vec![];
        let mut map = None;
        if let Play::Scenario(play) = &s.play {
            if tab == TeamTab::Map {
                map = Some(MapView::new(play, lang));
            }
            let all = library.all();
            for (i, e) in play.earlier.iter().enumerate() {
                let d = crate::engine::debrief::build(
                    &play.loaded,
                    &e.outcome,
                    &all,
                    &Default::default(),
                );
                earlier.push(EarlierView {
                    line: tra(
                        lang,
                        "team-earlier-path",
                        &Args::new()
                            .num("n", (i + 1) as f64)
                            .num("score", d.score.overall)
                            .str("ending", d.ending.title.get(lang).to_string())
                            .num("decision", (e.left_at + 1) as f64),
                    ),
                });
            }
            if let Some(db) = &debrief {
                for (i, dv) in db.decisions.iter().enumerate() {
                    let votes = play
                        .current
                        .get(i)
                        .and_then(|k| play.decisions.get(*k))
                        .and_then(|d| s.room.questions().iter().find(|q| q.number == d.question))
                        .and_then(|q| q.reveal.as_ref())
                        .map(|r| {
                            r.counts
                                .iter()
                                .enumerate()
                                .map(|(o, n)| format!("{} {n}", char::from(b'A' + o as u8)))
                                .collect::<Vec<_>>()
                                .join(" · ")
                        })
                        .unwrap_or_default();
                    decisions.push(RoomDecisionView {
                        step: dv.step,
                        prompt: dv.prompt.clone(),
                        votes,
                        chosen: dv.chosen.clone(),
                        better: dv.better.clone(),
                    });
                }
            }
        }
        let questions = s.room.questions().len();
        Some(EndView {
            lang,
            tab,
            title: activity_label(&s.plan.activity, library, lang),
            debrief,
            shares,
            earlier,
            decisions,
            board: s.quiz_play().map(|_| board(s, 5)),
            map,
            summary: tra(
                lang,
                "team-end-summary",
                &Args::new()
                    .num("people", s.room.present().count() as f64)
                    .num("questions", questions as f64),
            ),
            hint: tr(
                lang,
                if s.quiz_play().is_some() {
                    "team-keys-podium"
                } else {
                    "team-keys-end"
                },
            ),
        })
    }

    /// Whether this is a quiz's podium (no tabs).
    pub fn is_quiz(&self) -> bool {
        self.board.is_some()
    }

    /// The tabs (a scenario), the "what if" buttons on the path map, then End session.
    pub fn targets(&self) -> Vec<Target> {
        let lang = self.lang;
        let mut t = vec![];
        if !self.is_quiz() {
            for tab in TeamTab::ALL {
                t.push(Target::new(Action::TeamTab(tab), tab_label(tab, lang)));
            }
            if self.tab == TeamTab::Map {
                for d in &self.decisions {
                    t.push(Target::new(
                        TeamAction::WhatIf(d.step - 1),
                        tra(
                            lang,
                            "team-what-if-at",
                            &Args::new().num("n", d.step as f64),
                        ),
                    ));
                }
            }
        }
        t.push(Target::new(TeamAction::Finish, tr(lang, "team-finish")));
        t
    }
}

/// The path map: the scenario's branching with the room's path (and earlier ones) and the best path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapView {
    /// Where every node sits and every arrow goes.
    pub map: PathMap,
    /// The arrows of the room's current path, in order.
    pub room: Vec<usize>,
    /// The arrows of each earlier path.
    pub earlier: Vec<Vec<usize>>,
    /// The arrows of the best path.
    pub best: Vec<usize>,
    /// The room's decisions on its current path: (node index, step from 1).
    pub steps: Vec<(usize, usize)>,
    /// The legend: the room's path, the best path, an earlier path.
    pub legend: [String; 3],
    /// How to go back to a decision.
    pub hint: String,
}

impl MapView {
    /// The map of a scenario as the room played it.
    pub fn new(play: &ScenarioPlay, lang: Lang) -> MapView {
        let map = PathMap::layout(&play.loaded.scenario);
        let walk = |o: &crate::engine::run::Outcome| {
            let choices: Vec<(String, String)> = o
                .decisions
                .iter()
                .map(|d| (d.node.clone(), d.choice.clone()))
                .collect();
            map.walk(&o.path, &choices)
        };
        let room = play.run.outcome().map(|o| walk(&o)).unwrap_or_default();
        let earlier = play.earlier.iter().map(|e| walk(&e.outcome)).collect();
        let (best_nodes, best_choices) =
            best_path(std::sync::Arc::clone(&play.loaded.scenario), play.seed);
        let best = map.walk(&best_nodes, &best_choices);
        let steps = play
            .run
            .decisions()
            .iter()
            .enumerate()
            .filter_map(|(i, d)| map.node(&d.node).map(|n| (n, i + 1)))
            .collect();
        MapView {
            room,
            earlier,
            best,
            steps,
            legend: [
                tr(lang, "team-path-room"),
                tr(lang, "team-path-best"),
                tr(lang, "team-map-earlier"),
            ],
            hint: tr(lang, "team-map-hint"),
            map,
        }
    }
}

/// A tab's name.
pub fn tab_label(tab: TeamTab, lang: Lang) -> String {
    tr(
        lang,
        match tab {
            TeamTab::Summary => "team-tab-summary",
            TeamTab::Map => "team-tab-map",
            TeamTab::Decisions => "team-tab-decisions",
        },
    )
}

/// "Leave the session?", staying first.
pub fn leave(lang: Lang) -> super::question::QuestionView {
    super::question::QuestionView {
        text: tr(lang, "team-leave-ask"),
        targets: vec![
            Target::new(Action::Stay, tr(lang, "team-leave-no")),
            Target::new(TeamAction::Abandon, tr(lang, "team-leave-yes")),
        ],
    }
}
