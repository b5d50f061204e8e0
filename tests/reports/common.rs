//! Shared helpers: attempts from real playthroughs (as records, or saved in a store file as the game
//! saves them), a hostile attempt, and a Ralph LRS on loopback.

use chrono::{TimeZone, Utc};
use client_first::engine::library::Library;
use client_first::engine::text::{Lang, Text};
use client_first::report::model::AttemptRecord;
use client_first::report::sample;
use std::sync::LazyLock;

/// The built-in library, loaded once per test binary.
pub static LIB: LazyLock<Library> = LazyLock::new(Library::builtin);

/// A group of real playthroughs: `trainees` × `attempts`.
pub fn group(name: &str, trainees: usize, attempts: usize) -> Vec<AttemptRecord> {
    let first = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
    sample::group(&LIB, name, trainees, attempts, Lang::En, first, 7)
}

/// One attempt with a bad (not best) reply somewhere, so it has a better reply to show.
pub fn attempt_with_mistake() -> AttemptRecord {
    group("G", 1, 6)
        .into_iter()
        .find(|a| a.decisions.iter().any(|d| d.better.is_some()))
        .expect("a weak sample trainee makes a mistake in six attempts")
}

/// What people may type: markup, quotes, an ampersand and right-to-left overrides.
pub const HOSTILE: &str = "<script>alert(\"x\")</script> 'Bob' & \u{202E}evil\u{202C} \u{200F}";

/// The attempt with every person-typed text replaced by [`HOSTILE`].
pub fn hostile(mut a: AttemptRecord) -> AttemptRecord {
    a.profile = format!("{HOSTILE} name");
    a.group = Some(format!("{HOSTILE} group"));
    a.title = Text::new(format!("{HOSTILE} title"), format!("{HOSTILE} title"));
    for d in &mut a.decisions {
        d.reply = Text::new(format!("{HOSTILE} reply"), format!("{HOSTILE} reply"));
        if let Some(b) = &mut d.better {
            b.feedback = Text::new(HOSTILE, HOSTILE);
        }
    }
    a
}

pub mod stores {
    //! Progress stores in temporary folders, filled by real playthroughs saved as the game saves them.
    use super::LIB;
    use client_first::engine::progress::{Observation, Rating};
    use client_first::engine::run::{Outcome, Run};
    use client_first::engine::text::Lang;
    use client_first::store::{
        AttemptId, Finish, Kind, Mode, NewAttempt, PrincipleResult, ProfileId, Step, Store,
    };
    use std::path::PathBuf;
    use std::sync::Arc;

    /// A temporary folder and the path of a store file inside it (not created yet).
    pub fn temp() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("progress.sqlite");
        (dir, path)
    }

    /// Opens a store that must need no recovery.
    pub fn open(path: &std::path::Path) -> Store {
        let opened = Store::open(path).expect("open the store");
        assert_eq!(opened.recovery, None, "no recovery expected");
        opened.store
    }

    /// A small portable generator (SplitMix64).
    struct Mix(u64);

    impl Mix {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }
    }

    /// Plays `scenario` through the engine as a trainee who takes the best reply with probability
    /// `skill` (else a random one), saving it into `store` as the game does: the attempt starts,
    /// each decision is autosaved, and the attempt is finished at the end.
    pub fn play(
        store: &Store,
        profile: ProfileId,
        scenario: &str,
        seed: u64,
        skill: f64,
    ) -> (AttemptId, Outcome) {
        let loaded = LIB.get(scenario).expect("a built-in scenario");
        let attempt = store
            .start_attempt(&NewAttempt::dialogue(
                profile,
                loaded,
                seed,
                Mode::Coach,
                Lang::En,
            ))
            .expect("start");
        let mut run = Run::start(Arc::clone(&loaded.scenario), seed);
        let mut rng = Mix(seed ^ 0x5EED);
        for _ in 0..1000 {
            if run.is_over() {
                break;
            }
            if run.can_continue() {
                run.advance().expect("continue");
                continue;
            }
            let offered: Vec<(String, i32)> = run
                .choices()
                .iter()
                .map(|c| (c.id.clone(), c.total()))
                .collect();
            let pick = if (rng.next() % 1000) as f64 / 1000.0 < skill {
                offered.iter().max_by_key(|(_, t)| *t).unwrap().0.clone()
            } else {
                offered[(rng.next() % offered.len() as u64) as usize]
                    .0
                    .clone()
            };
            run.choose(&pick).expect("an offered choice");
            let i = run.decisions().len() - 1;
            let d = &run.decisions()[i];
            store
                .save_step(attempt, i, &Step::decision(&d.node, &d.choice, 1500))
                .expect("autosave");
        }
        let outcome = run.outcome().expect("the conversation ended");
        store
            .finish_dialogue(attempt, loaded, &outcome)
            .expect("finish");
        (attempt, outcome)
    }

    /// Saves a finished quiz round as the quiz screen will: its answers and a review per question.
    pub fn save_quiz(store: &Store, profile: ProfileId, right: &[bool]) -> String {
        let a = store
            .start_attempt(&NewAttempt {
                profile,
                kind: Kind::Quiz,
                activity: "round:upholds".into(),
                hash: "pool-1".into(),
                seed: 4,
                mode: Mode::Exam,
                lang: Lang::Ru,
                detail: serde_json::Value::Null,
            })
            .unwrap();
        for (i, ok) in right.iter().enumerate() {
            store
                .save_step(
                    a,
                    i,
                    &Step {
                        item: format!("q{i}"),
                        answer: if *ok { "a".into() } else { "b".into() },
                        correct: Some(*ok),
                        ms: 4000,
                        detail: serde_json::Value::Null,
                    },
                )
                .unwrap();
        }
        let principle = |i: usize| {
            if i.is_multiple_of(2) {
                "fc.capital_c"
            } else {
                "fc.never_just_no"
            }
        };
        let observations: Vec<Observation> = right
            .iter()
            .enumerate()
            .map(|(i, ok)| Observation {
                step: i,
                principle: principle(i).into(),
                value: if *ok { 1.0 } else { 0.0 },
                rating: if *ok { Rating::Good } else { Rating::Again },
            })
            .collect();
        let score = (100 * right.iter().filter(|x| **x).count() / right.len()) as u8;
        store
            .finish_attempt(
                a,
                &Finish {
                    ending: None,
                    total: 1000 * right.iter().filter(|x| **x).count() as i32,
                    score,
                    principles: vec![PrincipleResult {
                        id: "fc.capital_c".into(),
                        earned: 1,
                        percent: Some(50),
                    }],
                    observations,
                    detail: None,
                },
            )
            .unwrap();
        store.attempt(a).unwrap().uuid
    }

    /// A store with `trainees` profiles in `group`, each with `attempts` real playthroughs of the
    /// built-in scenarios, weak to strong. Returns the profiles' names.
    pub fn fill(store: &Store, group: &str, trainees: usize, attempts: usize) -> Vec<String> {
        let ids: Vec<String> = LIB
            .scenarios
            .iter()
            .map(|l| l.scenario.id.clone())
            .collect();
        let mut names = Vec::new();
        for t in 0..trainees {
            let name = format!("Trainee {}", t + 1);
            let p = store.create_profile(&name, Some(group)).expect("profile");
            for k in 0..attempts {
                let skill = 0.3 + 0.6 * t as f64 / trainees.max(2) as f64;
                play(
                    store,
                    p.id,
                    &ids[(t + k) % ids.len()],
                    (t * 100 + k) as u64 + 1,
                    skill,
                );
            }
            names.push(name);
        }
        names
    }
}

pub mod ralph {
    //! A Ralph LRS with its file backend, in a fresh folder, on a free loopback port.
    use std::net::{TcpListener, TcpStream};
    use std::path::PathBuf;
    use std::process::{Child, Command, Stdio};
    use std::time::Duration;

    /// The user Ralph knows.
    pub const KEY: &str = "trainer";
    /// Its password.
    pub const SECRET: &str = "s3cret-of-the-trainer";

    /// The virtual environment with Ralph (`.ci/run` creates it).
    pub fn venv() -> PathBuf {
        std::env::var_os("CF_RALPH_VENV").map_or_else(
            || PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cache/ralph-venv"),
            PathBuf::from,
        )
    }

    /// A running Ralph; stopped when dropped.
    pub struct Ralph {
        child: Child,
        /// Its xAPI endpoint.
        pub endpoint: String,
        /// Its folder, removed when Ralph stops.
        _dir: tempfile::TempDir,
    }

    /// A free port on 127.0.0.1.
    pub fn free_port() -> u16 {
        let l = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
        l.local_addr().expect("local address").port()
    }

    impl Ralph {
        /// Starts Ralph on `port` in a fresh folder, waiting (at most 30 s) until it answers.
        pub fn start_on(port: u16) -> Ralph {
            let dir = tempfile::tempdir().expect("temporary folder");
            let app = dir.path().join(".ralph");
            let data = app.join("data");
            std::fs::create_dir_all(&data).expect("data folder");
            let env = [
                ("RALPH_APP_DIR", app.display().to_string()),
                ("RALPH_RUNSERVER_BACKEND", "fs".to_string()),
                (
                    "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH",
                    data.display().to_string(),
                ),
            ];
            let bin = venv().join("bin");
            let status = Command::new(bin.join("ralph"))
                .args(["auth", "-u", KEY, "-p", SECRET])
                .args(["-s", "statements/write", "-s", "statements/read"])
                .args(["-M", "mailto:trainer@example.com", "-w"])
                .envs(env.clone())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("Ralph is installed: run .ci/run, or set CF_RALPH_VENV");
            assert!(status.success(), "ralph auth failed");
            let child = Command::new(bin.join("uvicorn"))
                .args(["ralph.api:app", "--host", "127.0.0.1", "--port"])
                .arg(port.to_string())
                .envs(env)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start uvicorn");
            let mut ralph = Ralph {
                child,
                endpoint: format!("http://127.0.0.1:{port}/xAPI/"),
                _dir: dir,
            };
            for _ in 0..300 {
                if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return ralph;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            let _ = ralph.child.kill();
            panic!("Ralph did not start within 30 s");
        }

        /// Starts Ralph on a free port.
        pub fn start() -> Ralph {
            Ralph::start_on(free_port())
        }
    }

    impl Drop for Ralph {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    /// Validates statements with Ralph's own pydantic model; returns the error text of any invalid one.
    pub fn validate(statements: &[serde_json::Value]) -> Result<(), String> {
        let dir = tempfile::tempdir().expect("temporary folder");
        let file = dir.path().join("s.json");
        std::fs::write(&file, serde_json::to_string(statements).unwrap()).unwrap();
        let code = r#"
import json, sys
from ralph.models.xapi.base.statements import BaseXapiStatement
bad = 0
for s in json.load(open(sys.argv[1])):
    try:
        BaseXapiStatement.model_validate(s)
    except Exception as e:
        bad += 1
        print(s.get("id"), e)
print("checked, invalid:", bad)
sys.exit(1 if bad else 0)
"#;
        let out = Command::new(venv().join("bin/python"))
            .args(["-c", code])
            .arg(&file)
            .output()
            .expect("run Ralph's python");
        let text = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
        if out.status.success() {
            Ok(())
        } else {
            Err(text)
        }
    }
}
