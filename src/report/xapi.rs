//! xAPI 1.0.3 statements, as serde types written here (the Rust xAPI crates are GPL-licensed).
//!
//! What a trainee does becomes statements: `attempted` when an attempt starts, `answered` for each
//! decision or quiz question (a `cmi.interaction` with the choice and its effect on each principle),
//! then `completed` and `passed` or `failed` against a pass mark. All statements of one attempt share
//! `context.registration`. The scenario, its decisions, the principles and the group are activities
//! with stable IRIs under a configurable base, so that an LRS query by the group's activity finds a
//! whole group. The actor is an `account` (the profile on this system), never a guessed e-mail.
//!
//! The statements carry enough in their extensions to rebuild an [`AttemptRecord`] from an LRS
//! ([`records_from_statements`]), which is how the group report reads from an LRS.

use super::model::{AttemptKind, AttemptRecord, DecisionRecord, EndingRecord, PrincipleResult};
use crate::engine::text::{Lang, Text};
use chrono::{DateTime, Utc};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The xAPI version sent in the `X-Experience-API-Version` header and in statements.
pub const VERSION: &str = "1.0.3";

/// ADL verb IRIs.
pub mod verbs {
    /// An attempt started.
    pub const ATTEMPTED: &str = "http://adlnet.gov/expapi/verbs/attempted";
    /// A decision or question was answered.
    pub const ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
    /// The attempt reached an end.
    pub const COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
    /// The score reached the pass mark.
    pub const PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
    /// The score stayed below the pass mark.
    pub const FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";
}

/// ADL activity types.
mod types {
    pub const SIMULATION: &str = "http://adlnet.gov/expapi/activities/simulation";
    pub const ASSESSMENT: &str = "http://adlnet.gov/expapi/activities/assessment";
    pub const INTERACTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
    pub const OBJECTIVE: &str = "http://adlnet.gov/expapi/activities/objective";
    pub const GROUP: &str = "http://activitystrea.ms/schema/1.0/group";
}

/// Where IRIs live and what counts as a pass (also held by the game's Settings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct XapiConfig {
    /// The base of every activity and extension IRI, without a trailing slash. A company may set its
    /// own; changing it later splits the history in the LRS, so it is set once.
    pub base: String,
    /// The `homePage` of actor accounts: the system where profiles live.
    pub home_page: String,
    /// The 0–100 score from which an attempt is `passed`.
    pub pass_mark: u8,
}

/// The default IRI base: a reserved domain that never resolves, so no real site is implied.
pub const DEFAULT_BASE: &str = "https://client-first.invalid/xapi";

impl Default for XapiConfig {
    fn default() -> Self {
        XapiConfig {
            base: DEFAULT_BASE.to_string(),
            home_page: "https://client-first.invalid".to_string(),
            pass_mark: 70,
        }
    }
}

/// Characters escaped inside one IRI path segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn seg(s: &str) -> String {
    utf8_percent_encode(s, SEGMENT).to_string()
}

impl XapiConfig {
    /// The xAPI settings saved in the store, over the defaults; a pass mark that is not a number
    /// from 0 to 100 (a file edited by hand) keeps the default.
    pub fn load(store: &crate::store::Store) -> crate::store::Result<XapiConfig> {
        use super::lrs::keys;
        let mut x = XapiConfig::default();
        if let Some(b) = store
            .setting(keys::XAPI_BASE)?
            .filter(|b| !b.trim().is_empty())
        {
            x.base = b.trim().trim_end_matches('/').to_string();
        }
        if let Some(h) = store
            .setting(keys::XAPI_HOME_PAGE)?
            .filter(|h| !h.trim().is_empty())
        {
            x.home_page = h.trim().to_string();
        }
        if let Some(p) = store
            .setting(keys::PASS_MARK)?
            .and_then(|p| p.trim().parse::<u8>().ok())
            .filter(|p| *p <= 100)
        {
            x.pass_mark = p;
        }
        Ok(x)
    }

    /// Saves these settings in the store, in one transaction.
    pub fn save(&self, store: &crate::store::Store) -> crate::store::Result<()> {
        use super::lrs::keys;
        store.set_settings(&[
            (keys::XAPI_BASE, self.base.trim().trim_end_matches('/')),
            (keys::XAPI_HOME_PAGE, self.home_page.trim()),
            (keys::PASS_MARK, &self.pass_mark.min(100).to_string()),
        ])
    }

    fn root(&self) -> &str {
        self.base.trim_end_matches('/')
    }

    /// The IRI of a scenario, quiz or team session.
    pub fn activity_iri(&self, kind: AttemptKind, id: &str) -> String {
        format!("{}/{}/{}", self.root(), kind.code(), seg(id))
    }

    /// The IRI of one decision (node) of a scenario.
    pub fn decision_iri(&self, kind: AttemptKind, scenario: &str, node: &str) -> String {
        format!(
            "{}/decision/{}",
            self.activity_iri(kind, scenario),
            seg(node)
        )
    }

    /// The IRI of a principle.
    pub fn principle_iri(&self, id: &str) -> String {
        format!("{}/principle/{}", self.root(), seg(id))
    }

    /// The IRI of a group of trainees: the group report fetches by it.
    pub fn group_iri(&self, name: &str) -> String {
        format!("{}/group/{}", self.root(), seg(name))
    }

    /// The IRI of one of this game's extensions.
    pub fn extension_iri(&self, name: &str) -> String {
        format!("{}/extension/{name}", self.root())
    }
}

/// A language map: language tag → text.
pub type LanguageMap = BTreeMap<String, String>;

fn lang_map(t: &Text) -> LanguageMap {
    let mut m = LanguageMap::new();
    for l in Lang::ALL {
        let s = t.get(l);
        if !s.trim().is_empty() {
            m.insert(l.code().to_string(), s.to_string());
        }
    }
    if m.is_empty() {
        m.insert("und".to_string(), String::new());
    }
    m
}

fn text_of(m: &LanguageMap) -> Text {
    Text::new(
        m.get("ru").cloned().unwrap_or_default(),
        m.get("en").cloned().unwrap_or_default(),
    )
}

/// A statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Its own UUID: an LRS rejects a second statement with the same id, so a retry never counts twice.
    pub id: Uuid,
    /// Who.
    pub actor: Actor,
    /// Did what.
    pub verb: Verb,
    /// To what.
    pub object: Activity,
    /// With what result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<XResult>,
    /// In which attempt, group and language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Context>,
    /// When it happened (RFC 3339).
    pub timestamp: DateTime<Utc>,
    /// The xAPI version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The actor: an agent identified by an account on this system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Always `Agent`.
    #[serde(rename = "objectType")]
    pub object_type: String,
    /// The profile's display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The account.
    pub account: Account,
}

/// An account: a name on a system identified by its home page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// The system.
    #[serde(rename = "homePage")]
    pub home_page: String,
    /// The profile name.
    pub name: String,
}

/// A verb.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verb {
    /// Its IRI.
    pub id: String,
    /// Its name per language.
    pub display: LanguageMap,
}

/// An activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    /// Always `Activity`.
    #[serde(rename = "objectType")]
    pub object_type: String,
    /// Its IRI.
    pub id: String,
    /// What it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<Definition>,
}

/// An activity's definition.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Definition {
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<LanguageMap>,
    /// A description (for a decision: the line answered).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LanguageMap>,
    /// The activity type IRI.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// For a cmi.interaction: `choice`.
    #[serde(
        rename = "interactionType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub interaction_type: Option<String>,
    /// For a cmi.interaction: the best reply's id.
    #[serde(
        rename = "correctResponsesPattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub correct_responses_pattern: Option<Vec<String>>,
    /// For a cmi.interaction: the replies known (made and better).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<InteractionComponent>>,
}

/// One option of an interaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InteractionComponent {
    /// The choice id.
    pub id: String,
    /// The reply's words.
    pub description: LanguageMap,
}

/// A result.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct XResult {
    /// The score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<XScore>,
    /// Passed or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// Finished or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion: Option<bool>,
    /// For an interaction: the choice id made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    /// ISO 8601 duration such as `PT7M32S`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    /// This game's details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extensions: Option<Map<String, Value>>,
}

/// A score.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct XScore {
    /// 0–1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scaled: Option<f64>,
    /// Points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<f64>,
    /// Lowest possible points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Highest possible points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

/// A context.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Context {
    /// One UUID per attempt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<Uuid>,
    /// The scenario, the group and the principles.
    #[serde(
        rename = "contextActivities",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub context_activities: Option<ContextActivities>,
    /// The interface language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// This program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
}

/// Activities around the statement.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ContextActivities {
    /// The scenario a decision belongs to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parent: Vec<Activity>,
    /// The trainee's group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grouping: Vec<Activity>,
    /// The principles at stake.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<Activity>,
}

/// Who is playing, as the statements name them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    /// The profile name.
    pub profile: String,
    /// The profile's group.
    pub group: Option<String>,
}

/// The activity played, as the statements name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Played {
    /// Dialogue, quiz or team.
    pub kind: AttemptKind,
    /// The scenario id.
    pub scenario: String,
    /// Its title.
    pub title: Text,
    /// The attempt's registration.
    pub registration: Uuid,
    /// The interface language.
    pub lang: Lang,
}

/// ISO 8601 duration of whole seconds: `PT1H2M3S`, `PT7M32S`, `PT0S`.
pub fn iso_duration(d: chrono::Duration) -> String {
    let s = d.num_seconds().max(0);
    let (h, m, s) = (s / 3600, (s % 3600) / 60, s % 60);
    let mut out = String::from("PT");
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    if s > 0 || (h == 0 && m == 0) {
        out.push_str(&format!("{s}S"));
    }
    out
}

/// Parses the durations [`iso_duration`] writes (and fractional seconds), for reading back.
pub fn parse_duration(s: &str) -> Option<chrono::Duration> {
    let rest = s.strip_prefix("PT")?;
    let mut total = 0.0_f64;
    let mut num = String::new();
    for c in rest.chars() {
        match c {
            '0'..='9' | '.' => num.push(c),
            'H' | 'M' | 'S' => {
                let v: f64 = num.parse().ok()?;
                total += v * match c {
                    'H' => 3600.0,
                    'M' => 60.0,
                    _ => 1.0,
                };
                num.clear();
            }
            _ => return None,
        }
    }
    Some(chrono::Duration::milliseconds(
        (total * 1000.0).round() as i64
    ))
}

fn verb(id: &str, en: &str, ru: &str) -> Verb {
    let mut display = LanguageMap::new();
    display.insert("en".into(), en.into());
    display.insert("ru".into(), ru.into());
    Verb {
        id: id.into(),
        display,
    }
}

fn activity(id: String, definition: Option<Definition>) -> Activity {
    Activity {
        object_type: "Activity".into(),
        id,
        definition,
    }
}

impl XapiConfig {
    fn actor(&self, who: &Who) -> Actor {
        Actor {
            object_type: "Agent".into(),
            name: Some(who.profile.clone()),
            account: Account {
                home_page: self.home_page.clone(),
                name: who.profile.clone(),
            },
        }
    }

    fn scenario_activity(&self, p: &Played) -> Activity {
        activity(
            self.activity_iri(p.kind, &p.scenario),
            Some(Definition {
                name: Some(lang_map(&p.title)),
                kind: Some(
                    match p.kind {
                        AttemptKind::Quiz => types::ASSESSMENT,
                        _ => types::SIMULATION,
                    }
                    .into(),
                ),
                ..Definition::default()
            }),
        )
    }

    fn principle_activity(&self, id: &str) -> Activity {
        activity(
            self.principle_iri(id),
            Some(Definition {
                kind: Some(types::OBJECTIVE.into()),
                ..Definition::default()
            }),
        )
    }

    fn context<'a>(
        &self,
        who: &Who,
        p: &Played,
        parent: bool,
        principles: impl IntoIterator<Item = &'a String>,
    ) -> Context {
        let grouping = who
            .group
            .iter()
            .map(|g| {
                activity(
                    self.group_iri(g),
                    Some(Definition {
                        name: Some(BTreeMap::from([("und".to_string(), g.clone())])),
                        kind: Some(types::GROUP.into()),
                        ..Definition::default()
                    }),
                )
            })
            .collect();
        Context {
            registration: Some(p.registration),
            context_activities: Some(ContextActivities {
                parent: if parent {
                    vec![self.scenario_activity(p)]
                } else {
                    Vec::new()
                },
                grouping,
                other: principles
                    .into_iter()
                    .map(|id| self.principle_activity(id))
                    .collect(),
            }),
            language: Some(p.lang.code().into()),
            platform: Some(format!("Client First {}", env!("CARGO_PKG_VERSION"))),
        }
    }

    /// `attempted`: an attempt starts now.
    pub fn attempted(&self, who: &Who, p: &Played, at: DateTime<Utc>) -> Statement {
        Statement {
            id: Uuid::new_v4(),
            actor: self.actor(who),
            verb: verb(verbs::ATTEMPTED, "attempted", "начал попытку"),
            object: self.scenario_activity(p),
            result: None,
            context: Some(self.context(who, p, false, [])),
            timestamp: at,
            version: Some(VERSION.into()),
        }
    }

    /// `answered`: one decision or quiz question, as a cmi.interaction of type `choice`.
    pub fn answered(
        &self,
        who: &Who,
        p: &Played,
        d: &DecisionRecord,
        at: DateTime<Utc>,
    ) -> Statement {
        let mut choices = vec![InteractionComponent {
            id: d.choice.clone(),
            description: lang_map(&d.reply),
        }];
        if let Some(b) = &d.better {
            choices.push(InteractionComponent {
                id: b.choice.clone(),
                description: lang_map(&b.reply),
            });
        }
        let best = d.better.as_ref().map_or(&d.choice, |b| &b.choice);
        let mut ext = Map::new();
        ext.insert(self.extension_iri("principle-effects"), json!(d.effects));
        ext.insert(
            self.extension_iri("decision"),
            serde_json::to_value(d).unwrap_or(Value::Null),
        );
        let (lo, hi) = (
            d.points
                .min(d.better.as_ref().map_or(d.points, |b| b.points)),
            d.points
                .max(d.better.as_ref().map_or(d.points, |b| b.points)),
        );
        Statement {
            id: Uuid::new_v4(),
            actor: self.actor(who),
            verb: verb(verbs::ANSWERED, "answered", "ответил"),
            object: activity(
                self.decision_iri(p.kind, &p.scenario, &d.node),
                Some(Definition {
                    name: Some(BTreeMap::from([(
                        "en".to_string(),
                        format!("{} · {}", p.scenario, d.node),
                    )])),
                    description: Some(lang_map(&d.prompt)),
                    kind: Some(types::INTERACTION.into()),
                    interaction_type: Some("choice".into()),
                    correct_responses_pattern: Some(vec![best.clone()]),
                    choices: Some(choices),
                }),
            ),
            result: Some(XResult {
                score: Some(XScore {
                    raw: Some(f64::from(d.points)),
                    min: Some(f64::from(lo)),
                    max: Some(f64::from(hi)),
                    scaled: None,
                }),
                success: Some(d.better.is_none()),
                response: Some(d.choice.clone()),
                extensions: Some(ext),
                ..XResult::default()
            }),
            context: Some(self.context(who, p, true, d.effects.keys())),
            timestamp: at,
            version: Some(VERSION.into()),
        }
    }

    /// `completed`, then `passed` or `failed` against the pass mark, for a finished attempt.
    pub fn finished(&self, a: &AttemptRecord) -> [Statement; 2] {
        let who = who_of(a);
        let p = played_of(a);
        let principles: Vec<String> = a.principles.iter().map(|x| x.id.clone()).collect();
        let score = XScore {
            scaled: Some(a.scaled()),
            raw: Some(f64::from(a.total)),
            min: Some(f64::from(a.min.min(a.total))),
            max: Some(f64::from(a.max.max(a.total))),
        };
        let passed = a.score >= self.pass_mark;
        let mut ext = Map::new();
        ext.insert(self.extension_iri("score-percent"), json!(a.score));
        ext.insert(
            self.extension_iri("principles"),
            serde_json::to_value(&a.principles).unwrap_or(Value::Null),
        );
        ext.insert(
            self.extension_iri("ending"),
            serde_json::to_value(&a.ending).unwrap_or(Value::Null),
        );
        ext.insert(self.extension_iri("attempt"), json!(a.id));
        let result = |success: Option<bool>| XResult {
            score: Some(score.clone()),
            success,
            completion: Some(true),
            duration: Some(iso_duration(a.duration())),
            extensions: Some(ext.clone()),
            ..XResult::default()
        };
        let make = |v: Verb, r: XResult| Statement {
            id: Uuid::new_v4(),
            actor: self.actor(&who),
            verb: v,
            object: self.scenario_activity(&p),
            result: Some(r),
            context: Some(self.context(&who, &p, false, &principles)),
            timestamp: a.finished,
            version: Some(VERSION.into()),
        };
        [
            make(
                verb(verbs::COMPLETED, "completed", "завершил"),
                result(None),
            ),
            if passed {
                make(verb(verbs::PASSED, "passed", "сдал"), result(Some(true)))
            } else {
                make(
                    verb(verbs::FAILED, "failed", "не сдал"),
                    result(Some(false)),
                )
            },
        ]
    }

    /// Every statement of a finished attempt, in order: attempted, answered per decision,
    /// completed, passed or failed. For attempts that were not sent live (a store or a JSON file).
    ///
    /// The ids are [`statement_id`]s of the registration and the position, so building the
    /// statements of the same attempt twice (queued again, sent from two PCs, restored from a
    /// backup) gives the same ids and the LRS records each once. A verdict that changed meanwhile
    /// (another pass mark) keeps the id of the first one sent, so an attempt never has two verdicts.
    pub fn statements(&self, a: &AttemptRecord) -> Vec<Statement> {
        let mut out = self.statements_in_order(a);
        for (i, s) in out.iter_mut().enumerate() {
            s.id = statement_id(a.registration, i);
        }
        out
    }

    fn statements_in_order(&self, a: &AttemptRecord) -> Vec<Statement> {
        let who = who_of(a);
        let p = played_of(a);
        let mut out = vec![self.attempted(&who, &p, a.started)];
        let n = a.decisions.len().max(1) as i64;
        let span = a.duration().num_milliseconds();
        for (i, d) in a.decisions.iter().enumerate() {
            // Decision times are not stored; spread them over the attempt so the order reads right.
            let at = a.started + chrono::Duration::milliseconds(span * (i as i64 + 1) / (n + 1));
            out.push(self.answered(&who, &p, d, at));
        }
        out.extend(self.finished(a));
        out
    }
}

/// The id of the `index`-th statement of the attempt with this registration: a UUID v5 named by the
/// position, in the registration as namespace. Deterministic, and distinct between attempts.
pub fn statement_id(registration: Uuid, index: usize) -> Uuid {
    Uuid::new_v5(
        &registration,
        format!("client-first/statement/{index}").as_bytes(),
    )
}

/// The actor of an attempt.
pub fn who_of(a: &AttemptRecord) -> Who {
    Who {
        profile: a.profile.clone(),
        group: a.group.clone(),
    }
}

/// The activity of an attempt.
pub fn played_of(a: &AttemptRecord) -> Played {
    Played {
        kind: a.kind,
        scenario: a.scenario.clone(),
        title: a.title.clone(),
        registration: a.registration,
        lang: a.lang,
    }
}

/// Rebuilds attempts from statements read from an LRS: one record per registration that has a
/// `completed` statement, with its decisions from the `answered` statements. Statements of other
/// programs (without this game's extensions) are skipped.
pub fn records_from_statements(cfg: &XapiConfig, list: &[Statement]) -> Vec<AttemptRecord> {
    let mut by_reg: BTreeMap<Uuid, Vec<&Statement>> = BTreeMap::new();
    for s in list {
        if let Some(r) = s.context.as_ref().and_then(|c| c.registration) {
            by_reg.entry(r).or_default().push(s);
        }
    }
    let ext = |s: &Statement, name: &str| -> Option<Value> {
        s.result
            .as_ref()?
            .extensions
            .as_ref()?
            .get(&cfg.extension_iri(name))
            .cloned()
    };
    let root = cfg.root().to_string();
    let mut out = Vec::new();
    for (registration, ss) in by_reg {
        let Some(done) = ss.iter().find(|s| s.verb.id == verbs::COMPLETED) else {
            continue;
        };
        let Some(rest) = done.object.id.strip_prefix(&format!("{root}/")) else {
            continue;
        };
        let Some((kind, scenario)) = rest.split_once('/') else {
            continue;
        };
        let kind = match kind {
            "quiz" => AttemptKind::Quiz,
            "team" => AttemptKind::Team,
            _ => AttemptKind::Dialogue,
        };
        let scenario = percent_encoding::percent_decode(scenario.as_bytes())
            .decode_utf8_lossy()
            .into_owned();
        let score = done.result.as_ref().and_then(|r| r.score.clone());
        let duration = done
            .result
            .as_ref()
            .and_then(|r| r.duration.as_deref())
            .and_then(parse_duration)
            .unwrap_or_default();
        let mut decisions: Vec<DecisionRecord> = ss
            .iter()
            .filter(|s| s.verb.id == verbs::ANSWERED)
            .filter_map(|s| serde_json::from_value(ext(s, "decision")?).ok())
            .collect();
        decisions.sort_by_key(|d| d.step);
        decisions.dedup_by_key(|d| d.step);
        let principles: Vec<PrincipleResult> = ext(done, "principles")
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        let ending: Option<EndingRecord> =
            ext(done, "ending").and_then(|v| serde_json::from_value(v).ok());
        let started = ss
            .iter()
            .find(|s| s.verb.id == verbs::ATTEMPTED)
            .map_or(done.timestamp - duration, |s| s.timestamp);
        let group = done
            .context
            .as_ref()
            .and_then(|c| c.context_activities.as_ref())
            .and_then(|c| c.grouping.first())
            .and_then(|g| {
                g.definition
                    .as_ref()?
                    .name
                    .as_ref()?
                    .values()
                    .next()
                    .cloned()
            });
        let title = done
            .object
            .definition
            .as_ref()
            .and_then(|d| d.name.as_ref())
            .map(text_of)
            .unwrap_or_default();
        let pct = ext(done, "score-percent")
            .and_then(|v| v.as_u64())
            .map(|v| v.min(100) as u8);
        out.push(AttemptRecord {
            id: ext(done, "attempt")
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_else(|| registration.to_string()),
            registration,
            profile: done.actor.account.name.clone(),
            group,
            kind,
            scenario,
            title,
            lang: done
                .context
                .as_ref()
                .and_then(|c| c.language.as_deref())
                .and_then(Lang::from_code)
                .unwrap_or_default(),
            started,
            finished: done.timestamp,
            score: pct.unwrap_or_else(|| {
                (score.as_ref().and_then(|s| s.scaled).unwrap_or(0.0) * 100.0).round() as u8
            }),
            total: score.as_ref().and_then(|s| s.raw).unwrap_or(0.0) as i32,
            min: score.as_ref().and_then(|s| s.min).unwrap_or(0.0) as i32,
            max: score.as_ref().and_then(|s| s.max).unwrap_or(0.0) as i32,
            ending,
            decisions,
            principles,
        });
    }
    out
}
