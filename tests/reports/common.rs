//! Shared helpers: attempts from real playthroughs, a hostile attempt, and a Ralph LRS on loopback.

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
