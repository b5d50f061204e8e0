//! `client-first --screenshot DIR`: plays a scripted session and saves each main screen as a PNG, in
//! Russian and in English, then quits. It drives the game through the same actions a player sends.
//!
//! Under Xvfb with Mesa's software Vulkan:
//! `xvfb-run -a -s '-screen 0 1280x800x24' cargo run --release -- --screenshot docs/screens`.

use super::activities::team::TeamState;
use super::core::{
    Action, DebriefTab, DialogueAction, GameSet, ProfileAction, ProgressTab, QuizAction, QuizRound,
    Screen, Targets, TeamAction, TeamTab,
};
use super::{Conversation, QuizSession, Settings};
use crate::engine::text::Lang;
use crate::team::session::{Activity, QuizPick, Stage};
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use std::path::PathBuf;

/// The scenario the pictures show: the broken guitar.
const SCENARIO: &str = "guitar";
/// Frames to wait after each step, so that egui has laid out and drawn the new screen.
const SETTLE_FRAMES: u32 = 12;

/// Adds the screenshot script.
pub struct ScreenshotPlugin {
    /// Where the PNGs go.
    pub dir: PathBuf,
}

impl Plugin for ScreenshotPlugin {
    fn build(&self, app: &mut App) {
        // A first launch: the welcome asks for a name (in Russian, the language the store starts
        // in), then Anna plays.
        let mut steps = vec![
            Step::Do(Action::SetLang(Lang::Ru)),
            Step::Shot("welcome-ru.png".into()),
            Step::Do(
                ProfileAction::Draft {
                    name: "Анна".into(),
                    group: "Адаптация, март".into(),
                }
                .into(),
            ),
            Step::Do(ProfileAction::Save.into()),
        ];
        for lang in Lang::ALL {
            let l = lang.code();
            steps.extend([
                Step::Do(Action::SetLang(lang)),
                Step::Do(Action::Goto(Screen::Title)),
                Step::Shot(format!("title-{l}.png")),
                Step::Do(Action::Goto(Screen::Picker)),
                Step::Shot(format!("picker-{l}.png")),
                Step::Do(DialogueAction::Start(SCENARIO.into()).into()),
                Step::Play { decisions: 3 },
                Step::Shot(format!("dialogue-{l}.png")),
                Step::Play { decisions: 99 },
                Step::Shot(format!("ending-{l}.png")),
                Step::Do(DialogueAction::ShowDebrief.into()),
                Step::Shot(format!("debrief-{l}.png")),
                Step::Do(Action::Tab(DebriefTab::Principles)),
                Step::Shot(format!("debrief-principles-{l}.png")),
                Step::Do(Action::Tab(DebriefTab::Decisions)),
                Step::Shot(format!("debrief-replies-{l}.png")),
                Step::Do(Action::OpenSettings),
                Step::Shot(format!("settings-{l}.png")),
                Step::Do(Action::Back),
                // Left half-way: the title offers to continue it.
                Step::Do(DialogueAction::Start("angry_wrong_product".into()).into()),
                Step::Play { decisions: 2 },
                Step::Do(DialogueAction::Continue.into()),
                Step::Do(DialogueAction::Abandon.into()),
                Step::Do(Action::Goto(Screen::Title)),
                Step::Shot(format!("resume-{l}.png")),
                Step::Do(Action::Goto(Screen::Progress)),
                Step::Shot(format!("progress-{l}.png")),
                Step::Do(Action::ProgressTab(ProgressTab::Chart)),
                Step::Shot(format!("progress-chart-{l}.png")),
                Step::Do(Action::ProgressTab(ProgressTab::History)),
                Step::Shot(format!("progress-history-{l}.png")),
                Step::Do(Action::ProgressTab(ProgressTab::Path)),
                Step::Shot(format!("progress-path-{l}.png")),
                Step::Do(Action::Goto(Screen::Profiles)),
                Step::Shot(format!("profiles-{l}.png")),
                Step::Do(ProfileAction::New.into()),
                Step::Shot(format!("profile-new-{l}.png")),
                Step::Do(ProfileAction::Cancel.into()),
                // The quiz: its menu, a question, the coach's explanation and the results.
                Step::Do(Action::Goto(Screen::QuizMenu)),
                Step::Shot(format!("quiz-menu-{l}.png")),
                Step::Do(QuizAction::Start(QuizRound::Mixed).into()),
                Step::Shot(format!("quiz-question-{l}.png")),
                Step::Quiz { answered: 2 },
                Step::Shot(format!("quiz-explanation-{l}.png")),
                Step::Quiz { answered: 99 },
                Step::Shot(format!("quiz-results-{l}.png")),
            ]);
            steps.extend(team_steps(lang, false));
        }
        // A projector: high contrast at 250% text, in both languages, with the replies on offer,
        // the coach's comment and the debrief.
        steps.extend([
            Step::Do(Action::ToggleContrast),
            Step::Do(Action::ScaleStep(6)),
        ]);
        for lang in Lang::ALL {
            let l = lang.code();
            steps.extend([
                Step::Do(Action::SetLang(lang)),
                Step::Do(DialogueAction::Start(SCENARIO.into()).into()),
                Step::UntilChoices,
                Step::Shot(format!("projector-dialogue-{l}.png")),
                Step::Play { decisions: 1 },
                Step::Shot(format!("projector-coach-{l}.png")),
                Step::Play { decisions: 99 },
                Step::Do(DialogueAction::ShowDebrief.into()),
                Step::Shot(format!("projector-debrief-{l}.png")),
                Step::Do(Action::Tab(DebriefTab::Principles)),
                Step::Shot(format!("projector-principles-{l}.png")),
                Step::Do(Action::Goto(Screen::Progress)),
                Step::Shot(format!("projector-progress-{l}.png")),
                Step::Do(Action::Goto(Screen::Title)),
                Step::Shot(format!("projector-title-{l}.png")),
                Step::Do(QuizAction::Start(QuizRound::Mixed).into()),
                Step::Shot(format!("projector-quiz-{l}.png")),
                Step::Quiz { answered: 1 },
                Step::Shot(format!("projector-quiz-explanation-{l}.png")),
                Step::Do(QuizAction::Abandon.into()),
            ]);
            steps.extend(team_steps(lang, true));
        }
        steps.extend([
            Step::Do(Action::ToggleContrast),
            Step::Do(Action::ScaleStep(-6)),
        ]);
        // The high-contrast theme, as a projector shows it.
        steps.extend([
            Step::Do(Action::ToggleContrast),
            Step::Do(DialogueAction::Start(SCENARIO.into()).into()),
            Step::Play { decisions: 2 },
            Step::Shot("dialogue-contrast-en.png".into()),
            Step::Play { decisions: 99 },
            Step::Do(DialogueAction::ShowDebrief.into()),
            Step::Shot("debrief-contrast-en.png".into()),
        ]);
        steps.push(Step::Quit);
        if let Err(e) = std::fs::create_dir_all(&self.dir) {
            error!("cannot create {}: {e}", self.dir.display());
        }
        app.insert_resource(Script {
            dir: self.dir.clone(),
            steps,
            next: 0,
            wait: SETTLE_FRAMES * 3,
            made: 0,
            phones: vec![],
        })
        .add_systems(Update, run_script.in_set(GameSet::Input));
    }
}

/// The nicknames of the phones in the pictures.
const NICKNAMES: [&str; 12] = [
    "Аня",
    "Борис",
    "Вика",
    "Гоша",
    "Dana",
    "Egor",
    "Фатима",
    "Zoë",
    "Ира",
    "Костя",
    "Лена",
    "Max",
];

/// A team session in the pictures: the set-up, the lobby with its QR code and twelve phones, a
/// vote in progress, the reveal, the coach's feedback, the debrief and the path map; then a team
/// quiz's reveal, top five and podium. On a projector (`projector`), the lobby, a vote, a reveal
/// and the path map. The phones join and vote over HTTP like real ones.
fn team_steps(lang: Lang, projector: bool) -> Vec<Step> {
    let l = lang.code();
    let prefix = if projector { "projector-team" } else { "team" };
    let mut steps = vec![
        Step::Do(TeamAction::Setup.into()),
        Step::Do(TeamAction::Pick(Activity::Scenario(SCENARIO.into())).into()),
        Step::Do(TeamAction::Teams(1).into()),
        Step::Do(TeamAction::Teams(1).into()),
    ];
    if !projector {
        steps.push(Step::Shot(format!("team-setup-{l}.png")));
    }
    steps.extend([
        Step::Do(TeamAction::Open.into()),
        Step::Phones(NICKNAMES.len()),
        Step::Shot(format!("{prefix}-lobby-{l}.png")),
        Step::Do(TeamAction::Begin.into()),
        Step::TeamUntilVoting,
        Step::Votes(9),
        Step::Shot(format!("{prefix}-vote-{l}.png")),
        Step::Votes(NICKNAMES.len()),
        Step::Shot(format!("{prefix}-reveal-{l}.png")),
    ]);
    if !projector {
        steps.extend([
            Step::Do(TeamAction::Next.into()),
            Step::Shot(format!("team-feedback-{l}.png")),
        ]);
    }
    steps.extend([Step::TeamToEnd]);
    if !projector {
        steps.push(Step::Shot(format!("team-debrief-{l}.png")));
    }
    steps.extend([
        Step::Do(Action::TeamTab(TeamTab::Map)),
        Step::Shot(format!("{prefix}-map-{l}.png")),
        Step::Do(TeamAction::Finish.into()),
    ]);
    if !projector {
        steps.extend([
            Step::Do(TeamAction::Setup.into()),
            Step::Do(TeamAction::Pick(Activity::Quiz(QuizPick::Mixed)).into()),
            Step::Do(TeamAction::Teams(1).into()),
            Step::Do(TeamAction::Open.into()),
            Step::Phones(8),
            Step::Do(TeamAction::Begin.into()),
            Step::Votes(8),
            Step::Shot(format!("team-quiz-reveal-{l}.png")),
            Step::Do(TeamAction::Next.into()),
            Step::Shot(format!("team-quiz-board-{l}.png")),
            Step::TeamToEnd,
            Step::Shot(format!("team-quiz-podium-{l}.png")),
            Step::Do(TeamAction::Finish.into()),
        ]);
    }
    steps
}

/// Posts JSON to the phone server as a phone would.
fn phone_post(url: &str, body: &serde_json::Value) -> Result<serde_json::Value, String> {
    // The script votes faster than a room does; a phone over its rate limit tries again.
    for _ in 0..20 {
        match ureq::post(url)
            .header("Content-Type", "application/json")
            .send(body.to_string())
        {
            Ok(mut r) => {
                let text = r.body_mut().read_to_string().map_err(|e| e.to_string())?;
                return serde_json::from_str(&text).map_err(|e| e.to_string());
            }
            Err(ureq::Error::StatusCode(429)) => {
                std::thread::sleep(std::time::Duration::from_millis(250));
            }
            Err(e) => return Err(e.to_string()),
        }
    }
    Err("rate limited".into())
}

/// The first `n` phones vote on the open question: most for the best option, a few for others.
fn phones_vote(phones: &[String], team: &TeamState, n: usize) {
    let (Some(link), Some(s)) = (&team.link, &team.session) else {
        return;
    };
    let Some(q) = s.room.current() else {
        return;
    };
    let best = best_option(team);
    let others: Vec<u8> = (0..q.options).filter(|o| *o != best).collect();
    for (k, token) in phones.iter().enumerate().take(n) {
        let option = match k % 5 {
            2 => others.first().copied().unwrap_or(best),
            4 => others.last().copied().unwrap_or(best),
            _ => best,
        };
        let body = serde_json::json!({
            "token": token, "question": q.number, "option": option,
        });
        if let Err(e) = phone_post(&format!("{}vote", link.server.url()), &body) {
            warn!("screenshot vote not taken: {e}");
        }
    }
}

/// The best option of the team question open now: a best reply, or the right answer.
fn best_option(team: &TeamState) -> u8 {
    team.session
        .as_ref()
        .and_then(|s| s.best_option())
        .unwrap_or(0)
}

/// One step of the script.
#[derive(Debug, Clone)]
enum Step {
    /// This many phones join the team session's lobby over HTTP, in turn into each team.
    Phones(usize),
    /// Go on in a team scenario until a vote is open.
    TeamUntilVoting,
    /// The first this-many phones vote on the open question (most for the best option).
    Votes(usize),
    /// Play the team session on: everyone votes, the clicker goes on, to the end screen.
    TeamToEnd,
    /// Send an action.
    Do(Action),
    /// Play on (continue, then always the reply shown in a varying place) until this many more
    /// replies were made and their coach feedback is on screen, or the conversation ends.
    Play { decisions: usize },
    /// Go on (Continue) until replies are on offer.
    UntilChoices,
    /// Answer quiz questions (a tile in a varying place; an order in the order shown) and go on
    /// after each explanation, until this many questions of the round are answered with the last
    /// explanation on screen, or the round ends.
    Quiz { answered: usize },
    /// Save the window to this file.
    Shot(String),
    /// Wait for the last PNG to be written, then quit.
    Quit,
}

#[derive(Resource)]
struct Script {
    dir: PathBuf,
    steps: Vec<Step>,
    next: usize,
    wait: u32,
    made: usize,
    /// The tokens of the phones in the team session's lobby.
    phones: Vec<String>,
}

fn run_script(
    mut commands: Commands,
    mut script: ResMut<Script>,
    (conversation, quiz): (Res<Conversation>, Res<QuizSession>),
    (targets, settings): (Res<Targets>, Res<Settings>),
    (team, screen): (Res<TeamState>, Res<State<Screen>>),
    mut actions: MessageWriter<Action>,
    mut exit: MessageWriter<AppExit>,
) {
    if script.wait > 0 {
        script.wait -= 1;
        return;
    }
    let Some(step) = script.steps.get(script.next).cloned() else {
        return;
    };
    script.wait = SETTLE_FRAMES;
    match step {
        Step::Do(a) => {
            actions.write(a);
            script.next += 1;
        }
        Step::Play { decisions } => {
            let Some(active) = &conversation.active else {
                script.next += 1;
                return;
            };
            script.wait = 2;
            if active.run.is_over() && active.feedback.is_none()
                || script.made >= decisions && active.feedback.is_some()
            {
                script.made = 0;
                script.next += 1;
                script.wait = SETTLE_FRAMES;
                return;
            }
            let targets: Vec<Action> = targets.0.iter().map(|t| t.action.clone()).collect();
            // Vary the pick so the debrief shows both good replies and better options.
            let made = active.run.decisions().len();
            let pick = if targets.len() > 1 {
                (made * 2 + 1) % targets.len()
            } else {
                0
            };
            if let Some(a) = targets.get(pick) {
                if matches!(a, Action::Dialogue(DialogueAction::Choose(_))) {
                    script.made += 1;
                }
                if *a != Action::Dialogue(DialogueAction::ShowDebrief) {
                    actions.write(a.clone());
                }
            }
        }
        Step::UntilChoices => {
            script.wait = 2;
            let first = targets.0.first().map(|t| t.action.clone());
            match first {
                Some(Action::Dialogue(DialogueAction::Choose(_))) | None => {
                    script.next += 1;
                    script.wait = SETTLE_FRAMES;
                }
                Some(a) => {
                    actions.write(a);
                }
            }
        }
        Step::Quiz { answered } => {
            script.wait = 2;
            let Some(a) = &quiz.active else {
                script.next += 1;
                script.wait = SETTLE_FRAMES;
                return;
            };
            let done = a.play.answered().len();
            if a.feedback.is_some() {
                if done >= answered {
                    script.next += 1;
                    script.wait = SETTLE_FRAMES;
                } else {
                    actions.write(QuizAction::Next.into());
                }
                return;
            }
            let Some(item) = a.play.current() else {
                return;
            };
            // Vary the tile, so that the pictures show right and wrong answers.
            let n = item.shown.len().max(1);
            let want = (done * 2 + 1) % n;
            let pick = (0..n)
                .map(|i| (want + i) % n)
                .find(|i| !a.ordering.contains(&item.shown[*i]))
                .unwrap_or(0);
            actions.write(QuizAction::Pick(pick).into());
        }
        Step::Phones(n) => {
            let Some(link) = &team.link else {
                script.next += 1;
                return;
            };
            let teams = team.session.as_ref().map_or(0, |s| s.room.teams().len());
            script.phones.clear();
            for (i, name) in NICKNAMES.iter().take(n).enumerate() {
                let body = serde_json::json!({
                    "nickname": name,
                    "team": (teams > 0).then(|| i % teams),
                });
                match phone_post(&format!("{}join", link.server.url()), &body) {
                    Ok(v) => script
                        .phones
                        .extend(v["token"].as_str().map(str::to_string)),
                    Err(e) => warn!("screenshot phone not joined: {e}"),
                }
            }
            script.next += 1;
        }
        Step::Votes(n) => {
            phones_vote(&script.phones, &team, n);
            script.next += 1;
            script.wait = SETTLE_FRAMES * 2;
        }
        Step::TeamUntilVoting => {
            script.wait = 2;
            match team.session.as_ref().map(|s| s.stage()) {
                Some(Stage::Lines | Stage::Feedback) => {
                    actions.write(TeamAction::Next.into());
                }
                _ => {
                    script.next += 1;
                    script.wait = SETTLE_FRAMES;
                }
            }
        }
        Step::TeamToEnd => {
            script.wait = 4;
            if *screen.get() == Screen::TeamEnd {
                script.next += 1;
                script.wait = SETTLE_FRAMES;
                return;
            }
            match team.session.as_ref().map(|s| s.stage()) {
                Some(Stage::Voting) => {
                    if team.link.is_some() && !script.phones.is_empty() {
                        // Everyone votes; the session reveals on the next frames.
                        if team
                            .session
                            .as_ref()
                            .is_some_and(|s| s.room.voted_count() == 0)
                        {
                            phones_vote(&script.phones, &team, script.phones.len());
                        }
                        return;
                    }
                    actions.write(TeamAction::Enter(best_option(&team)).into());
                }
                Some(Stage::Revealed) => {
                    let tied = team.session.as_ref().is_some_and(|s| s.awaiting_pick());
                    actions.write(if tied {
                        TeamAction::Enter(best_option(&team)).into()
                    } else {
                        TeamAction::Next.into()
                    });
                }
                Some(_) => {
                    actions.write(TeamAction::Next.into());
                }
                None => {
                    script.next += 1;
                }
            }
        }
        Step::Shot(name) => {
            let path = script.dir.join(name);
            info!(
                "screenshot {} ({}, {}%)",
                path.display(),
                settings.lang,
                settings.text_scale
            );
            commands
                .spawn(Screenshot::primary_window())
                .observe(save_to_disk(path));
            script.next += 1;
        }
        Step::Quit => {
            script.wait = 0;
            exit.write(AppExit::Success);
        }
    }
}
