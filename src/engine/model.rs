//! The data model of scenarios and catalogs, exactly as it is written in RON files.

use super::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Mood is a number from 0 (furious) to 100 (delighted).
pub const MOOD_MIN: i32 = 0;
/// The top of the mood scale.
pub const MOOD_MAX: i32 = 100;

/// One branching conversation, loaded from one `.ron` file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable id, used by saves, reports and links between scenarios.
    pub id: String,
    /// Shown on the scenario card and in the debrief.
    pub title: Text,
    /// One or two sentences for the scenario card.
    pub summary: Text,
    /// The ids of the cases from `cases.ron` this scenario retells.
    pub cases: Vec<String>,
    /// 1 (easy), 2 (medium) or 3 (hard).
    pub difficulty: u8,
    /// How the conversation takes place.
    pub channel: Channel,
    /// Estimated minutes to play once.
    pub minutes: u16,
    /// The languages every text of this scenario is written in.
    pub languages: Vec<Lang>,
    /// Position in the learning path: lower numbers are played first.
    #[serde(default)]
    pub order: u32,
    /// The person whose mood the trainee manages: a Client, or a colleague in internal scenarios.
    pub client: Client,
    /// Other speakers, such as a colleague or a manager.
    #[serde(default)]
    pub characters: Vec<Character>,
    /// The id of the first node.
    pub start: String,
    /// Seeded variation between runs.
    #[serde(default)]
    pub variation: Variation,
    /// The conversation graph.
    pub nodes: Vec<Node>,
}

/// The channel of a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Channel {
    /// A phone call.
    Phone,
    /// An online chat.
    Chat,
    /// An e-mail thread.
    Email,
    /// A service desk or shop counter.
    Desk,
    /// A face-to-face meeting elsewhere.
    InPerson,
}

impl Channel {
    /// A stable key for this value; the interface looks up its words by it, so the engine
    /// holds no interface text.
    pub fn key(self) -> &'static str {
        match self {
            Channel::Phone => "phone",
            Channel::Chat => "chat",
            Channel::Email => "email",
            Channel::Desk => "desk",
            Channel::InPerson => "in_person",
        }
    }
}

/// Who the counterpart of the trainee is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Role {
    /// A customer of the company.
    #[default]
    Client,
    /// A colleague on the same team.
    Colleague,
    /// A manager.
    Manager,
    /// A supplier or partner company.
    Supplier,
}

/// The counterpart of the conversation, whose mood the trainee manages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Client {
    /// The speaker id used in lines, usually `"client"`.
    pub id: String,
    /// The default name.
    pub name: Text,
    /// Other names a seeded run may pick instead, for variety between runs.
    #[serde(default)]
    pub name_variants: Vec<Text>,
    /// The starting mood, 0–100.
    pub mood: i32,
    /// Whether this is a Client or, in internal scenarios, a colleague.
    #[serde(default)]
    pub role: Role,
    /// The grammatical gender of the Client's names, so that Russian mood words agree
    /// ("спокоен" or "спокойна"). Every name variant shares it.
    #[serde(default)]
    pub gender: Gender,
}

/// The grammatical gender of a character, for the words the interface writes about them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Gender {
    /// Not given: the interface uses wording that needs no gender where it can.
    #[default]
    Unspecified,
    /// Feminine forms.
    Female,
    /// Masculine forms.
    Male,
}

impl Gender {
    /// A stable key, used as a Fluent selector (`female`, `male`, `other`).
    pub fn key(self) -> &'static str {
        match self {
            Gender::Unspecified => "other",
            Gender::Female => "female",
            Gender::Male => "male",
        }
    }
}

/// Another speaker in the conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Character {
    /// The speaker id used in lines.
    pub id: String,
    /// The name shown above the speaker's lines.
    pub name: Text,
    /// What this person is to the trainee.
    #[serde(default)]
    pub role: Role,
}

/// Seeded variation: the same seed always gives the same run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variation {
    /// Shuffle the order of the choices at every decision, so that the right answer is not always in the same place.
    #[serde(default = "yes")]
    pub shuffle_choices: bool,
}

fn yes() -> bool {
    true
}

impl Default for Variation {
    fn default() -> Self {
        Variation {
            shuffle_choices: true,
        }
    }
}

/// One step of the conversation: lines said by characters, then what happens next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Stable id, unique within the scenario.
    pub id: String,
    /// The lines said when the conversation reaches this node.
    #[serde(default)]
    pub lines: Vec<Line>,
    /// What follows the lines.
    pub then: Then,
}

impl Node {
    /// The line a reply at this node answers: the last one someone says, not a narrator's hint
    /// (the narrator's line when nobody speaks).
    pub fn answered_line(&self) -> Option<&Line> {
        self.lines
            .iter()
            .rev()
            .find(|l| l.speaker != SPEAKER_NARRATOR)
            .or(self.lines.last())
    }
}

/// A line said by one character.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    /// The speaker: the Client's id, a character's id, `"you"` (the trainee) or `"narrator"`.
    pub speaker: String,
    /// What is said. `{client}` and other `{character_id}` placeholders become names.
    pub text: Text,
    /// Alternative wordings; a seeded run picks one of `text` and these.
    #[serde(default)]
    pub variants: Vec<Text>,
}

/// The speaker id of the trainee.
pub const SPEAKER_YOU: &str = "you";
/// The speaker id of stage directions.
pub const SPEAKER_NARRATOR: &str = "narrator";

/// What follows a node's lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Then {
    /// The trainee picks one of these.
    Choices(Vec<Choice>),
    /// The trainee presses "continue" and the conversation goes on at this node.
    Continue(String),
    /// The conversation is over.
    End(Ending),
}

/// One option the trainee may pick.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable id, unique within its node.
    pub id: String,
    /// The short button text.
    pub label: Text,
    /// What the trainee actually says; when empty, the label is said.
    #[serde(default)]
    pub say: Text,
    /// Points for (positive) or against (negative) principles, by principle id.
    #[serde(default)]
    pub scores: BTreeMap<String, i32>,
    /// Change of the counterpart's mood.
    #[serde(default)]
    pub mood: i32,
    /// Flags set by this choice.
    #[serde(default)]
    pub set: Vec<String>,
    /// Flags cleared by this choice.
    #[serde(default)]
    pub clear: Vec<String>,
    /// Counters changed by this choice, by name.
    #[serde(default)]
    pub add: BTreeMap<String, i32>,
    /// Why this choice scores as it does, and what would be better.
    pub feedback: Text,
    /// The node the conversation goes to.
    pub next: String,
    /// All of these must hold for the choice to be offered.
    #[serde(default)]
    pub when: Vec<Condition>,
    /// Offer this choice at most once per run (for questions in a loop).
    #[serde(default)]
    pub once: bool,
}

impl Choice {
    /// The sum of all principle points of this choice.
    pub fn total(&self) -> i32 {
        self.scores.values().fold(0, |a, w| a.saturating_add(*w))
    }

    /// What the trainee says, falling back to the button text.
    pub fn spoken(&self) -> &Text {
        if self.say.ru.trim().is_empty() && self.say.en.trim().is_empty() {
            &self.label
        } else {
            &self.say
        }
    }
}

/// A condition on the run's state.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Condition {
    /// Mood is at least this value.
    MoodAtLeast(i32),
    /// Mood is below this value.
    MoodBelow(i32),
    /// This flag is set.
    Flag(String),
    /// This flag is not set.
    NotFlag(String),
    /// The counter is at least this value.
    CounterAtLeast(String, i32),
    /// The counter is below this value.
    CounterBelow(String, i32),
    /// The conversation has been through this node.
    Visited(String),
    /// The conversation has not been through this node.
    NotVisited(String),
}

/// What a condition can look at. The runner's state and the validator's compact state both answer
/// these questions, so that [`Condition::holds`] is the one interpreter of `when` conditions.
pub trait Facts {
    /// The counterpart's mood.
    fn mood(&self) -> i32;
    /// Whether a flag is set.
    fn flag(&self, name: &str) -> bool;
    /// A counter's value; a counter that nothing changed yet is 0.
    fn counter(&self, name: &str) -> i32;
    /// Whether the conversation has been through a node.
    fn visited(&self, node: &str) -> bool;
}

impl Condition {
    /// Whether this condition holds in a state. Every condition of a choice must hold (all-of).
    pub fn holds(&self, f: &impl Facts) -> bool {
        match self {
            Condition::MoodAtLeast(v) => f.mood() >= *v,
            Condition::MoodBelow(v) => f.mood() < *v,
            Condition::Flag(name) => f.flag(name),
            Condition::NotFlag(name) => !f.flag(name),
            Condition::CounterAtLeast(c, v) => f.counter(c) >= *v,
            Condition::CounterBelow(c, v) => f.counter(c) < *v,
            Condition::Visited(n) => f.visited(n),
            Condition::NotVisited(n) => !f.visited(n),
        }
    }
}

/// How a conversation ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    /// The kind of outcome.
    pub kind: EndingKind,
    /// A short name of the ending.
    pub title: Text,
    /// What happened, shown at the end and in the debrief.
    pub text: Text,
}

/// The kind of outcome an ending represents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EndingKind {
    /// The Client got more than they hoped for and will tell others.
    Wow,
    /// The problem is solved.
    Resolved,
    /// Partly solved, or solved with lasting irritation.
    Partial,
    /// The case went to a manager or a formal complaint.
    Escalated,
    /// The Client is gone for good.
    Lost,
    /// The company parted ways with an abusive Client, politely and on purpose.
    Parted,
}

impl EndingKind {
    /// A stable key for this value; the interface looks up its words by it, so the engine
    /// holds no interface text.
    pub fn key(self) -> &'static str {
        match self {
            EndingKind::Wow => "wow",
            EndingKind::Resolved => "resolved",
            EndingKind::Partial => "partial",
            EndingKind::Escalated => "escalated",
            EndingKind::Lost => "lost",
            EndingKind::Parted => "parted",
        }
    }
}

impl Scenario {
    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// Every principle id this scenario scores, with or against.
    pub fn principles(&self) -> std::collections::BTreeSet<&str> {
        self.choices()
            .flat_map(|(_, c)| c.scores.keys().map(String::as_str))
            .collect()
    }

    /// Principles that some choice of this scenario rewards (a positive weight).
    pub fn rewarded_principles(&self) -> std::collections::BTreeSet<&str> {
        self.choices()
            .flat_map(|(_, c)| {
                c.scores
                    .iter()
                    .filter(|(_, w)| **w > 0)
                    .map(|(p, _)| p.as_str())
            })
            .collect()
    }

    /// Every choice, with the node it belongs to.
    pub fn choices(&self) -> impl Iterator<Item = (&Node, &Choice)> {
        self.nodes.iter().flat_map(|n| match &n.then {
            Then::Choices(cs) => cs.iter().map(move |c| (n, c)).collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    }

    /// The nodes that end the conversation.
    pub fn endings(&self) -> impl Iterator<Item = (&Node, &Ending)> {
        self.nodes.iter().filter_map(|n| match &n.then {
            Then::End(e) => Some((n, e)),
            _ => None,
        })
    }

    /// The display name of a speaker id, before any seeded name variant.
    pub fn speaker_name(&self, id: &str) -> Option<&Text> {
        if id == self.client.id {
            Some(&self.client.name)
        } else {
            self.characters.iter().find(|c| c.id == id).map(|c| &c.name)
        }
    }
}

/// The catalog of service principles, `scenarios/principles.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// The source texts the principles come from.
    pub sources: Vec<Source>,
    /// The principles.
    pub principles: Vec<Principle>,
}

/// One of the five source texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short id, also the prefix of its principles' ids (`fc`, `zp`, `fp`, `st`, `cr`).
    pub id: String,
    /// The source's title.
    pub title: Text,
    /// Who wrote or published it, when known.
    #[serde(default)]
    pub author: Text,
}

/// A service principle the trainee is scored against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    /// Stable id such as `fc.never_just_no`.
    pub id: String,
    /// A short title.
    pub title: Text,
    /// One to three sentences on what the principle asks.
    pub description: Text,
    /// The id of the source it comes from: its group.
    pub source: String,
    /// The numbered point of the source.
    pub point: u32,
    /// The thematic group used by the debrief.
    pub theme: Theme,
}

/// A thematic grouping of principles across sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Theme {
    /// Understanding and sharing the Client's feelings.
    Empathy,
    /// Finding and offering ways out.
    Solutions,
    /// Truth, promises and admitting mistakes.
    Honesty,
    /// Courtesy and respect.
    Respect,
    /// Records, deadlines and procedure.
    Process,
    /// How the team and the company work.
    Team,
}

impl Theme {
    /// A stable key for this value; the interface looks up its words by it, so the engine
    /// holds no interface text.
    pub fn key(self) -> &'static str {
        match self {
            Theme::Empathy => "empathy",
            Theme::Solutions => "solutions",
            Theme::Honesty => "honesty",
            Theme::Respect => "respect",
            Theme::Process => "process",
            Theme::Team => "team",
        }
    }
}

/// The case catalog, `scenarios/cases.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseCatalog {
    /// The cases.
    pub cases: Vec<Case>,
}

/// A real case from the source material.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Stable id such as `guitar`.
    pub id: String,
    /// A short title.
    pub title: Text,
    /// The id of the source it comes from.
    pub source: String,
}

impl Catalog {
    /// The principle with this id.
    pub fn principle(&self, id: &str) -> Option<&Principle> {
        self.principles.iter().find(|p| p.id == id)
    }

    /// The title of the principle with this id in `lang`, or the id itself when it is unknown.
    pub fn principle_title(&self, id: &str, lang: Lang) -> String {
        self.principle(id)
            .map_or_else(|| id.to_string(), |p| p.title.get(lang).to_string())
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}
