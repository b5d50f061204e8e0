//! The phone page in a real browser: Debian's headless chromium with phone emulation, driven through
//! Debian's chromedriver by the W3C WebDriver protocol over 127.0.0.1. It joins, switches language
//! (a reload that must rejoin), votes, and sees the reveal, while the test plays the host.
//!
//! Screenshots go to the test's temporary folder, or to `docs/screens/` with `CF_UPDATE_SCREENS=1`.

use crate::common::{Host, PATIENCE, get, join, request, vote};
use base64::Engine;
use client_first::team::room::{CloseReason, Kind, ParticipantId};
use client_first::team::server::{Command, Event};
use serde_json::{Value, json};
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::process::{Child, Command as Process, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The W3C key of an element reference in WebDriver answers.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// chromedriver, started by this test and stopped when dropped.
struct Driver {
    child: Child,
    addr: SocketAddr,
    session: String,
}

impl Driver {
    fn start() -> Driver {
        // A free port: bind, read it, release it for chromedriver.
        let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Process::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver runs (apt-get install chromium-driver)");
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let mut driver = Driver {
            child,
            addr,
            session: String::new(),
        };
        let start = Instant::now();
        while std::net::TcpStream::connect(addr).is_err() {
            assert!(start.elapsed() < PATIENCE, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                         "--disable-gpu", "--lang=en-US", "--no-first-run"],
                "mobileEmulation": {
                    "deviceMetrics": { "width": 390, "height": 844, "pixelRatio": 2 },
                    "userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"
                }
            }
        }}});
        let v = driver.call("POST", "/session", Some(caps));
        driver.session = v["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_string();
        driver
    }

    /// One WebDriver command; returns its `value`.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let r = request(
            self.addr,
            method,
            path,
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        );
        let v: Value = serde_json::from_str(&r.body).unwrap_or(Value::Null);
        assert!(r.status < 400, "{method} {path}: {} {}", r.status, r.body);
        v["value"].clone()
    }

    fn session(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.session)
    }

    fn go(&self, url: &str) {
        self.call("POST", &self.session("/url"), Some(json!({ "url": url })));
    }

    fn script(&self, js: &str) -> Value {
        self.call(
            "POST",
            &self.session("/execute/sync"),
            Some(json!({ "script": js, "args": [] })),
        )
    }

    /// Waits until `js` returns true, or fails with `what`.
    fn wait(&self, what: &str, js: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.script(js) == Value::Bool(true) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the page never showed {what}");
    }

    fn find(&self, css: &str) -> String {
        let v = self.call(
            "POST",
            &self.session("/element"),
            Some(json!({ "using": "css selector", "value": css })),
        );
        v[ELEMENT].as_str().expect("an element id").to_string()
    }

    fn click(&self, css: &str) {
        let e = self.find(css);
        self.call(
            "POST",
            &self.session(&format!("/element/{e}/click")),
            Some(json!({})),
        );
    }

    fn type_into(&self, css: &str, text: &str) {
        let e = self.find(css);
        self.call(
            "POST",
            &self.session(&format!("/element/{e}/value")),
            Some(json!({ "text": text })),
        );
    }

    fn text(&self, css: &str) -> String {
        let e = self.find(css);
        self.call("GET", &self.session(&format!("/element/{e}/text")), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn screenshot(&self, name: &str) -> PathBuf {
        let v = self.call("GET", &self.session("/screenshot"), None);
        let png = base64::engine::general_purpose::STANDARD
            .decode(v.as_str().expect("base64 text"))
            .expect("valid base64");
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        let dir = if std::env::var_os("CF_UPDATE_SCREENS").is_some() {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/screens")
        } else {
            PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("screens")
        };
        std::fs::create_dir_all(&dir).expect("screens folder");
        let path = dir.join(name);
        std::fs::write(&path, png).expect("screenshot written");
        path
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = request(
                self.addr,
                "DELETE",
                &format!("/session/{}", self.session),
                &[],
                b"",
            );
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
#[ignore = "needs chromium: run by .ci/run"]
fn a_phone_joins_votes_survives_a_reload_and_sees_the_reveal() {
    let mut host = Host::start(vec!["Red".into(), "Blue".into()], 300);
    assert_eq!(get(host.addr(), &host.path("")).status, 200);
    let browser = Driver::start();

    browser.go(&format!("{}?lang=en", host.server.url()));
    browser.wait(
        "the join form",
        "return !document.getElementById('join').hidden",
    );
    browser.type_into("#nickname", "Maria");
    browser.click("input[name=team][value='1']");
    browser.screenshot("phone-join-en.png");
    browser.click("#join-button");
    let joined = host.take(1);
    assert!(
        matches!(&joined[0], Event::Joined { nickname, team: Some(1), .. } if nickname == "Maria"),
        "{joined:?}"
    );
    browser.wait(
        "the lobby",
        "return document.body.dataset.phase === 'lobby'",
    );
    assert_eq!(browser.text("#me-name"), "Maria");

    let q = host.open(
        &[
            (
                "Извиниться и пообещать разобраться",
                "Apologise and promise to look into it",
            ),
            ("Предложить замену сегодня же", "Offer a replacement today"),
            ("Сослаться на правила магазина", "Point to the shop's rules"),
            ("Позвать старшего менеджера", "Call the senior manager"),
        ],
        Kind::Decision,
        Duration::from_secs(45),
    );
    browser.wait(
        "an open question",
        "return document.body.dataset.phase === 'open'",
    );
    assert_eq!(
        browser.text(".option[data-option='1'] .text"),
        "Offer a replacement today"
    );

    // Switching language reloads the page: it must rejoin from its stored id, not ask again.
    browser.click("a[hreflang=ru]");
    browser.wait(
        "the Russian page, rejoined",
        "return document.documentElement.lang === 'ru' && document.body.dataset.phase === 'open'",
    );
    assert_eq!(
        browser.text(".option[data-option='1'] .text"),
        "Предложить замену сегодня же"
    );
    browser.click(".option[data-option='0']");
    browser.wait(
        "the first vote",
        "return !!document.querySelector(\".option.mine[data-option='0']\")",
    );
    browser.click(".option[data-option='1']");
    browser.wait(
        "the changed vote",
        "return !!document.querySelector(\".option.mine[data-option='1']\") && document.querySelectorAll('.option.mine').length === 1",
    );
    assert_eq!(browser.text("#result"), "Ваш голос: B");
    let votes = host.take(2);
    assert!(
        matches!(votes[1], Event::Voted { option: 1, .. }),
        "{votes:?}"
    );
    browser.screenshot("phone-vote-ru.png");

    // Two more voters from plain HTTP, then the trainer closes and reveals.
    let a = join(&host, "Oleg", Some(0));
    let b = join(&host, "Sam", Some(1));
    assert_eq!(vote(&host, &a, q, 1), 200);
    assert_eq!(vote(&host, &b, q, 2), 200);
    host.take(4);
    browser.click("a[hreflang=en]");
    browser.wait(
        "the English page, rejoined",
        "return document.documentElement.lang === 'en' && document.body.dataset.phase === 'open'",
    );
    assert_eq!(
        browser.text("#result"),
        "Your vote: B",
        "the vote survived the reload"
    );
    host.room.close(CloseReason::Trainer);
    host.server.send(Command::Close);
    browser.wait(
        "closed voting",
        "return document.body.dataset.phase === 'closed'",
    );
    assert_eq!(
        browser.script("return document.querySelectorAll('.option:disabled').length"),
        json!(4),
        "no voting after the close"
    );
    let r = host.reveal();
    assert_eq!(r.counts, vec![0, 2, 1, 0]);
    browser.wait(
        "the reveal",
        "return document.body.dataset.phase === 'revealed'",
    );
    assert_eq!(browser.text("#status"), "The room chose B.");
    assert_eq!(
        browser.script(
            "return Array.from(document.querySelectorAll('.option .count')).map(e => e.textContent)"
        ),
        json!(["0", "2", "1", "0"])
    );
    browser.screenshot("phone-reveal-en.png");

    // The narrowest common phone, in the longer language: nothing may stick out sideways.
    browser.click("a[hreflang=ru]");
    browser.wait(
        "the Russian reveal at 360 px",
        "return document.documentElement.lang === 'ru' && document.body.dataset.phase === 'revealed'",
    );
    browser.call(
        "POST",
        &browser.session("/goog/cdp/execute"),
        Some(
            json!({ "cmd": "Emulation.setDeviceMetricsOverride", "params": {
            "width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": true } }),
        ),
    );
    assert_eq!(browser.script("return window.innerWidth"), json!(360));
    assert_eq!(
        browser.script(
            "return document.documentElement.scrollWidth <= window.innerWidth \
             && Array.from(document.querySelectorAll('header *, .option')).every(e => e.getBoundingClientRect().right <= window.innerWidth)"
        ),
        json!(true),
        "the page fits a 360-pixel-wide phone"
    );
    assert_eq!(browser.text("#status"), "Зал выбрал B.");

    // The trainer removes Maria: her phone returns to the join form and says why.
    host.room.remove(ParticipantId(1));
    host.server.send(Command::Remove(ParticipantId(1)));
    browser.wait(
        "the join form again",
        "return !document.getElementById('join').hidden",
    );
    assert_eq!(
        browser.text("#join-error"),
        "Тренер убрал вас из этой игры."
    );
    assert_eq!(
        browser.script("return localStorage.length"),
        json!(0),
        "the old id is forgotten"
    );
}
