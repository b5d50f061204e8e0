//! A small blocking client for a Learning Record Store: POST and GET `statements`.
//!
//! The endpoint, key and secret come from the game's Settings (kept in the progress store's `settings`
//! table: [`LrsConfig::load`], [`LrsConfig::save`]), from environment variables or from command-line
//! flags ([`LrsArgs`]), which win. The secret is a [`Secret`], whose `Debug` prints stars and which
//! has no `Display`, so it cannot reach a log, a panic message or the settings screen by accident.
//! It is kept in the store file as it is: the file is in the player's own data folder, and the LRS
//! needs the secret itself, so hiding it there would only pretend.

use super::xapi::{Statement, VERSION};
use base64::Engine;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// A password that is never shown: its `Debug` is redacted and it has no `Display`.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    pub fn new(s: impl Into<String>) -> Secret {
        Secret(s.into())
    }

    /// The secret itself, only for building the Authorization header.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether no secret is set.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_empty() {
            "Secret(<empty>)"
        } else {
            "Secret(***)"
        })
    }
}

/// Where the LRS is and how to sign in: what the game's Settings hold. Missing fields in a saved
/// settings file take their defaults, so older files still load.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LrsConfig {
    /// The xAPI endpoint, such as `https://lrs.example.com/xAPI/`; `statements` is appended.
    pub endpoint: String,
    /// The Basic-auth key (user name).
    pub key: String,
    /// The Basic-auth secret (password).
    pub secret: Secret,
}

/// The keys of the LRS settings in the store's `settings` table.
pub mod keys {
    /// The xAPI endpoint.
    pub const ENDPOINT: &str = "lrs.endpoint";
    /// The Basic-auth key.
    pub const KEY: &str = "lrs.key";
    /// The Basic-auth secret.
    pub const SECRET: &str = "lrs.secret";
    /// The base of activity IRIs.
    pub const XAPI_BASE: &str = "xapi.base";
    /// The `homePage` of actor accounts.
    pub const XAPI_HOME_PAGE: &str = "xapi.home_page";
    /// The pass mark, 0–100.
    pub const PASS_MARK: &str = "xapi.pass_mark";
}

impl LrsConfig {
    /// The LRS settings saved in the store (Settings screen); empty fields where none is saved.
    pub fn load(store: &crate::store::Store) -> crate::store::Result<LrsConfig> {
        Ok(LrsConfig {
            endpoint: store.setting(keys::ENDPOINT)?.unwrap_or_default(),
            key: store.setting(keys::KEY)?.unwrap_or_default(),
            secret: Secret::new(store.setting(keys::SECRET)?.unwrap_or_default()),
        })
    }

    /// Saves these settings in the store, all in one transaction (the Settings screen's Save).
    /// Surrounding spaces are dropped from the endpoint and the key, never from the secret.
    pub fn save(&self, store: &crate::store::Store) -> crate::store::Result<()> {
        store.set_settings(&[
            (keys::ENDPOINT, self.endpoint.trim()),
            (keys::KEY, self.key.trim()),
            (keys::SECRET, self.secret.expose()),
        ])
    }

    /// Whether enough is set to try sending.
    pub fn is_set(&self) -> bool {
        !self.endpoint.trim().is_empty() && !self.key.is_empty()
    }

    /// The statements resource.
    pub fn statements_url(&self) -> String {
        let base = self.endpoint.trim();
        if base.ends_with('/') {
            format!("{base}statements")
        } else {
            format!("{base}/statements")
        }
    }

    fn authorization(&self) -> String {
        let raw = format!("{}:{}", self.key, self.secret.expose());
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(raw)
        )
    }
}

/// Reads `--lrs-secret` straight into a [`Secret`], so that no `Debug` of the parsed command line
/// shows it.
fn parse_secret(s: &str) -> Result<Secret, std::convert::Infallible> {
    Ok(Secret::new(s))
}

/// LRS settings on the command line, each with its environment variable.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct LrsArgs {
    /// The LRS's xAPI endpoint, such as https://lrs.example.com/xAPI/.
    #[arg(long = "lrs-endpoint", env = "CF_LRS_ENDPOINT", value_name = "URL")]
    pub endpoint: Option<String>,
    /// The Basic-auth key.
    #[arg(long = "lrs-key", env = "CF_LRS_KEY", value_name = "KEY")]
    pub key: Option<String>,
    /// The Basic-auth secret. Prefer the environment variable: a flag shows in the process list.
    #[arg(
        long = "lrs-secret",
        env = "CF_LRS_SECRET",
        value_name = "SECRET",
        hide_env_values = true,
        value_parser = parse_secret
    )]
    pub secret: Option<Secret>,
    /// The base of activity IRIs (set once per company; changing it splits the history).
    #[arg(long = "xapi-base", env = "CF_XAPI_BASE", value_name = "IRI")]
    pub xapi_base: Option<String>,
    /// The score (0–100) from which an attempt counts as passed.
    #[arg(long = "pass-mark", value_name = "SCORE", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub pass_mark: Option<u8>,
}

impl LrsArgs {
    /// The LRS settings, flags and environment over `saved` (the game's Settings).
    pub fn config(&self, saved: &LrsConfig) -> LrsConfig {
        LrsConfig {
            endpoint: self
                .endpoint
                .clone()
                .unwrap_or_else(|| saved.endpoint.clone()),
            key: self.key.clone().unwrap_or_else(|| saved.key.clone()),
            secret: self.secret.clone().unwrap_or_else(|| saved.secret.clone()),
        }
    }

    /// The xAPI settings over the defaults.
    pub fn xapi(&self) -> super::xapi::XapiConfig {
        self.xapi_over(&super::xapi::XapiConfig::default())
    }

    /// The xAPI settings, flags and environment over `saved` (the game's Settings).
    pub fn xapi_over(&self, saved: &super::xapi::XapiConfig) -> super::xapi::XapiConfig {
        let mut x = saved.clone();
        if let Some(b) = &self.xapi_base {
            x.base = b.trim_end_matches('/').to_string();
        }
        if let Some(p) = self.pass_mark {
            x.pass_mark = p;
        }
        x
    }
}

/// Why a request to the LRS did not succeed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LrsError {
    /// The LRS could not be reached (network down, wrong host, timeout): try again later.
    #[error("cannot reach the LRS: {0}")]
    Unreachable(String),
    /// The key or secret is wrong (401) or lacks the rights (403): retrying will not help.
    #[error("the LRS refused the key and secret (HTTP {0}); check them in Settings")]
    Unauthorized(u16),
    /// The LRS rejected the statements as invalid (400 and other 4xx).
    #[error("the LRS rejected the statements (HTTP {status}): {body}")]
    Rejected {
        /// The HTTP status.
        status: u16,
        /// The start of the LRS's answer.
        body: String,
    },
    /// The LRS failed (5xx): try again later.
    #[error("the LRS failed (HTTP {status}): {body}")]
    Server {
        /// The HTTP status.
        status: u16,
        /// The start of the LRS's answer.
        body: String,
    },
    /// The answer was not what xAPI promises.
    #[error("unexpected answer from the LRS: {0}")]
    Protocol(String),
}

/// What went wrong with the LRS and what to do, in `lang` (Settings and the command line).
pub fn error_message(lang: crate::engine::text::Lang, e: &LrsError) -> String {
    use crate::i18n::{Args, tra};
    match e {
        LrsError::Unreachable(why) => tra(
            lang,
            "report-lrs-unreachable",
            &Args::new().str("error", why.clone()),
        ),
        LrsError::Unauthorized(status) => tra(
            lang,
            "report-lrs-unauthorized",
            &Args::new().num("status", f64::from(*status)),
        ),
        LrsError::Rejected { status, body } => tra(
            lang,
            "report-lrs-rejected",
            &Args::new()
                .num("status", f64::from(*status))
                .str("detail", body.clone()),
        ),
        LrsError::Server { status, body } => tra(
            lang,
            "report-lrs-server",
            &Args::new()
                .num("status", f64::from(*status))
                .str("detail", body.clone()),
        ),
        LrsError::Protocol(why) => tra(
            lang,
            "report-lrs-protocol",
            &Args::new().str("detail", why.clone()),
        ),
    }
}

impl LrsError {
    /// Whether trying again later may succeed.
    pub fn is_transient(&self) -> bool {
        matches!(self, LrsError::Unreachable(_) | LrsError::Server { .. })
    }
}

/// What a POST of statements came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Posted {
    /// Stored.
    Stored,
    /// The LRS already has a statement with one of these ids (409): a retry of a send that arrived.
    Duplicate,
}

/// One page of a statements query.
#[derive(Debug, Clone, Deserialize)]
pub struct StatementResult {
    /// The statements.
    pub statements: Vec<Statement>,
    /// The path of the next page, relative to the LRS's host; empty or absent at the end.
    #[serde(default)]
    pub more: Option<String>,
}

/// A blocking LRS client.
#[derive(Debug, Clone)]
pub struct LrsClient {
    config: LrsConfig,
    agent: ureq::Agent,
}

/// The start of a body for an error message, without flooding a log.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(300).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

impl LrsClient {
    /// A client with a 30-second limit per request.
    pub fn new(config: LrsConfig) -> LrsClient {
        LrsClient::with_timeout(config, Duration::from_secs(30))
    }

    /// A client with a chosen limit per request.
    pub fn with_timeout(config: LrsConfig, timeout: Duration) -> LrsClient {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .build()
            .into();
        LrsClient { config, agent }
    }

    /// The settings this client uses.
    pub fn config(&self) -> &LrsConfig {
        &self.config
    }

    /// POSTs statements already serialized as JSON objects, as one JSON array.
    pub fn post_raw(&self, statements: &[&str]) -> Result<Posted, LrsError> {
        let body = format!("[{}]", statements.join(","));
        let resp = self
            .agent
            .post(&self.config.statements_url())
            .header("X-Experience-API-Version", VERSION)
            .header("Authorization", &self.config.authorization())
            .content_type("application/json")
            .send(body.as_bytes());
        let mut resp = resp.map_err(|e| LrsError::Unreachable(e.to_string()))?;
        let status = resp.status().as_u16();
        let text = resp.body_mut().read_to_string().unwrap_or_default();
        match status {
            200..=299 => Ok(Posted::Stored),
            409 => Ok(Posted::Duplicate),
            401 | 403 => Err(LrsError::Unauthorized(status)),
            400..=499 => Err(LrsError::Rejected {
                status,
                body: clip(&text),
            }),
            _ => Err(LrsError::Server {
                status,
                body: clip(&text),
            }),
        }
    }

    /// POSTs statements.
    pub fn post(&self, statements: &[Statement]) -> Result<Posted, LrsError> {
        let raw: Vec<String> = statements
            .iter()
            .map(|s| serde_json::to_string(s).map_err(|e| LrsError::Protocol(e.to_string())))
            .collect::<Result<_, _>>()?;
        let refs: Vec<&str> = raw.iter().map(String::as_str).collect();
        self.post_raw(&refs)
    }

    /// GETs every statement matching the query parameters, following `more` for at most
    /// `max_pages` pages.
    pub fn get_all(
        &self,
        params: &[(&str, &str)],
        max_pages: usize,
    ) -> Result<Vec<Statement>, LrsError> {
        let mut out = Vec::new();
        let mut url = self.config.statements_url();
        let mut first = true;
        for _ in 0..max_pages {
            let mut req = self
                .agent
                .get(&url)
                .header("X-Experience-API-Version", VERSION)
                .header("Authorization", &self.config.authorization());
            if first {
                for (k, v) in params {
                    req = req.query(*k, *v);
                }
            }
            first = false;
            let mut resp = req
                .call()
                .map_err(|e| LrsError::Unreachable(e.to_string()))?;
            let status = resp.status().as_u16();
            let text = resp
                .body_mut()
                .with_config()
                .limit(512 * 1024 * 1024)
                .read_to_string()
                .map_err(|e| LrsError::Unreachable(e.to_string()))?;
            match status {
                200..=299 => {}
                401 | 403 => return Err(LrsError::Unauthorized(status)),
                400..=499 => {
                    return Err(LrsError::Rejected {
                        status,
                        body: clip(&text),
                    });
                }
                _ => {
                    return Err(LrsError::Server {
                        status,
                        body: clip(&text),
                    });
                }
            }
            let page: StatementResult =
                serde_json::from_str(&text).map_err(|e| LrsError::Protocol(e.to_string()))?;
            out.extend(page.statements);
            match page.more.filter(|m| !m.is_empty()) {
                Some(more) => url = resolve(&self.config.statements_url(), &more),
                None => return Ok(out),
            }
        }
        Ok(out)
    }
}

/// Resolves a `more` link: absolute URLs stay, paths are taken from the endpoint's host.
fn resolve(statements_url: &str, more: &str) -> String {
    if more.starts_with("http://") || more.starts_with("https://") {
        return more.to_string();
    }
    let after_scheme = statements_url.find("://").map_or(0, |i| i + 3);
    let host_end = statements_url[after_scheme..]
        .find('/')
        .map_or(statements_url.len(), |i| after_scheme + i);
    if more.starts_with('/') {
        format!("{}{more}", &statements_url[..host_end])
    } else {
        format!("{}/{more}", &statements_url[..host_end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_secret_never_shows_in_debug() {
        let c = LrsConfig {
            endpoint: "http://127.0.0.1:1/xAPI/".into(),
            key: "trainer".into(),
            secret: Secret::new("s3cret-value"),
        };
        let shown = format!("{c:?} {:?}", LrsClient::new(c.clone()));
        assert!(!shown.contains("s3cret-value"), "{shown}");
        assert!(shown.contains("Secret(***)"));
    }

    #[test]
    fn a_parsed_command_line_does_not_show_the_secret() {
        use clap::Parser;
        let cli = crate::cli::Cli::try_parse_from([
            "client-first",
            "sync",
            "--store",
            "o.sqlite",
            "--lrs-key",
            "k",
            "--lrs-secret",
            "flag-secret-1234",
        ])
        .expect("parses");
        let shown = format!("{cli:?}");
        assert!(!shown.contains("flag-secret-1234"), "{shown}");
        assert!(shown.contains("Secret(***)"));
    }

    #[test]
    fn more_links_resolve_against_the_host() {
        let u = "http://127.0.0.1:8100/xAPI/statements";
        assert_eq!(
            resolve(u, "/xAPI/statements?pit_id=x"),
            "http://127.0.0.1:8100/xAPI/statements?pit_id=x"
        );
        assert_eq!(resolve(u, "https://o/x"), "https://o/x");
    }
}
