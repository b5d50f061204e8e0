//! The dialogue runner: one playthrough of a scenario, driven by choice ids.

use super::model::{
    Choice, Condition, Ending, Facts, MOOD_MAX, MOOD_MIN, Node, SPEAKER_NARRATOR, SPEAKER_YOU,
    Scenario, Then,
};
use super::text::{Lang, Text};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The mutable part of a run: what conditions look at and effects change.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct State {
    /// The current node's id.
    pub node: String,
    /// The counterpart's mood, 0–100.
    pub mood: i32,
    /// Flags that are set.
    pub flags: BTreeSet<String>,
    /// Counters and their values.
    pub counters: BTreeMap<String, i32>,
    /// Nodes the conversation has been through, the current one included.
    pub visited: BTreeSet<String>,
    /// `node/choice` keys of once-only choices already taken.
    pub used_once: BTreeSet<String>,
}

impl State {
    /// The state at the start of a scenario.
    pub fn initial(scenario: &Scenario) -> Self {
        State {
            node: scenario.start.clone(),
            mood: scenario.client.mood.clamp(MOOD_MIN, MOOD_MAX),
            flags: BTreeSet::new(),
            counters: BTreeMap::new(),
            visited: BTreeSet::from([scenario.start.clone()]),
            used_once: BTreeSet::new(),
        }
    }

    /// Whether a condition holds in this state.
    pub fn holds(&self, cond: &Condition) -> bool {
        cond.holds(self)
    }

    /// Whether the trainee may pick this choice of node `node` now.
    pub fn offers(&self, node: &Node, choice: &Choice) -> bool {
        (!choice.once || !self.used_once.contains(&once_key(&node.id, &choice.id)))
            && choice.when.iter().all(|c| self.holds(c))
    }

    /// Applies a choice's effects and moves to its next node.
    pub fn apply(&mut self, node: &Node, choice: &Choice) {
        self.mood = self
            .mood
            .saturating_add(choice.mood)
            .clamp(MOOD_MIN, MOOD_MAX);
        for f in &choice.set {
            self.flags.insert(f.clone());
        }
        for f in &choice.clear {
            self.flags.remove(f);
        }
        for (c, v) in &choice.add {
            let n = self.counters.entry(c.clone()).or_insert(0);
            *n = n.saturating_add(*v);
        }
        if choice.once {
            self.used_once.insert(once_key(&node.id, &choice.id));
        }
        self.enter(&choice.next);
    }

    /// Moves to a node without a choice, as `Continue` does.
    pub fn enter(&mut self, node: &str) {
        self.node = node.to_string();
        self.visited.insert(node.to_string());
    }
}

impl Facts for State {
    fn mood(&self) -> i32 {
        self.mood
    }

    fn flag(&self, name: &str) -> bool {
        self.flags.contains(name)
    }

    fn counter(&self, name: &str) -> i32 {
        self.counters.get(name).copied().unwrap_or(0)
    }

    fn visited(&self, node: &str) -> bool {
        self.visited.contains(node)
    }
}

fn once_key(node: &str, choice: &str) -> String {
    format!("{node}/{choice}")
}

/// Why a step of a run was refused. The texts are for logs and tests; interfaces never show them,
/// because they offer only the steps that are allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RunError {
    /// The conversation has already ended.
    #[error("the conversation has already ended")]
    Ended,
    /// The current node waits for Continue, not for a choice.
    #[error("this step has no choices; continue instead")]
    NotADecision,
    /// The current node waits for a choice, not for Continue.
    #[error("this step waits for a choice")]
    NeedsChoice,
    /// No choice with this id exists at the current node.
    #[error("there is no choice `{0}` here")]
    UnknownChoice(String),
    /// The choice exists, but its conditions do not hold now or it was already used.
    #[error("choice `{0}` is not available now")]
    Unavailable(String),
    /// The scenario points to a node that does not exist (the validator reports this as an error).
    #[error("the scenario points to a missing node `{0}`")]
    BrokenLink(String),
}

/// One decision the trainee made, with what else was on offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The node where the decision was made.
    pub node: String,
    /// The id of the choice made.
    pub choice: String,
    /// The ids of every choice that was offered, in the order shown.
    pub offered: Vec<String>,
    /// Mood before the choice.
    pub mood_before: i32,
    /// Mood after the choice.
    pub mood_after: i32,
}

/// One entry of the conversation so far. Texts are kept as references into the scenario, so that the
/// whole transcript can be shown again in another language after a switch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Entry {
    /// A line of a node: node id, line index, and which wording (0 is `text`, 1.. are `variants`).
    Line {
        /// The node id.
        node: String,
        /// The index of the line in the node.
        line: usize,
        /// 0 for `text`, n for `variants[n - 1]`.
        variant: usize,
    },
    /// What the trainee said: a choice of a node.
    Said {
        /// The node id.
        node: String,
        /// The choice id.
        choice: String,
    },
}

/// A rendered transcript entry, ready for a view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utterance {
    /// The speaker id (`you` for the trainee).
    pub speaker: String,
    /// The speaker's name in the chosen language; empty for the narrator and for the trainee, whose
    /// name ("You") is an interface word looked up by the caller.
    pub name: String,
    /// What was said.
    pub text: String,
}

/// A playthrough of a scenario.
#[derive(Debug, Clone)]
pub struct Run {
    scenario: Arc<Scenario>,
    seed: u64,
    state: State,
    client_name: usize,
    decisions: Vec<Decision>,
    transcript: Vec<Entry>,
    path: Vec<String>,
}

/// The finished result of a run, from which the score and the debrief are built.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// The scenario played.
    pub scenario: String,
    /// The seed of the run.
    pub seed: u64,
    /// The ending node reached.
    pub ending: String,
    /// The counterpart's mood at the start.
    pub start_mood: i32,
    /// The counterpart's mood at the end.
    pub final_mood: i32,
    /// Every decision, in order.
    pub decisions: Vec<Decision>,
    /// Every node visited, in order.
    pub path: Vec<String>,
}

/// The names a seed gives the characters of a scenario, and the texts filled in with them.
///
/// A run has one; the debrief builds its own from the outcome's seed, without replaying the run.
#[derive(Debug, Clone, Copy)]
pub struct Names<'a> {
    scenario: &'a Scenario,
    client_name: usize,
}

impl<'a> Names<'a> {
    /// The names that `seed` picks in `scenario`.
    pub fn new(scenario: &'a Scenario, seed: u64) -> Names<'a> {
        Names {
            scenario,
            client_name: pick(seed, "client-name", scenario.client.name_variants.len() + 1),
        }
    }

    /// The name of a speaker in `lang`; empty for the narrator and for the trainee, whose name is an
    /// interface word.
    pub fn speaker_name(&self, speaker: &str, lang: Lang) -> String {
        let s = self.scenario;
        if speaker == s.client.id {
            let name = match self.client_name {
                0 => &s.client.name,
                n => &s.client.name_variants[n - 1],
            };
            return name.get(lang).to_string();
        }
        match speaker {
            // The trainee's name is an interface word; the edge looks it up (`speaker-you`).
            SPEAKER_YOU | SPEAKER_NARRATOR => String::new(),
            other => s
                .speaker_name(other)
                .map_or_else(|| other.to_string(), |t| t.get(lang).to_string()),
        }
    }

    /// A scenario text in `lang`, with `{client}` and other `{character_id}` placeholders filled in.
    pub fn render(&self, text: &Text, lang: Lang) -> String {
        let mut out = text.get(lang).to_string();
        if !out.contains('{') {
            return out;
        }
        let mut ids: Vec<&str> = vec![self.scenario.client.id.as_str(), "client"];
        ids.extend(self.scenario.characters.iter().map(|c| c.id.as_str()));
        for id in ids {
            let key = format!("{{{id}}}");
            if out.contains(&key) {
                let speaker = if id == "client" {
                    &self.scenario.client.id
                } else {
                    id
                };
                out = out.replace(&key, &self.speaker_name(speaker, lang));
            }
        }
        out
    }
}

impl Run {
    /// Starts a run. The same scenario and seed always give the same names, wordings and choice order.
    pub fn start(scenario: Arc<Scenario>, seed: u64) -> Self {
        let state = State::initial(&scenario);
        let client_name = Names::new(&scenario, seed).client_name;
        let start = scenario.start.clone();
        let mut run = Run {
            scenario,
            seed,
            state,
            client_name,
            decisions: Vec::new(),
            transcript: Vec::new(),
            path: Vec::new(),
        };
        run.arrive(&start);
        run
    }

    /// The scenario being played.
    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    /// The seed of this run.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The current state.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The counterpart's current mood, 0–100.
    pub fn mood(&self) -> i32 {
        self.state.mood
    }

    /// The decisions made so far.
    pub fn decisions(&self) -> &[Decision] {
        &self.decisions
    }

    /// The conversation so far, as references into the scenario.
    pub fn transcript(&self) -> &[Entry] {
        &self.transcript
    }

    /// The current node, or `None` when the scenario points to a missing node.
    pub fn node(&self) -> Option<&Node> {
        self.scenario.node(&self.state.node)
    }

    /// The choices offered now, in this run's order; empty when the node is not a decision.
    pub fn choices(&self) -> Vec<&Choice> {
        let Some(node) = self.node() else {
            return Vec::new();
        };
        let Then::Choices(all) = &node.then else {
            return Vec::new();
        };
        let mut offered: Vec<&Choice> = all.iter().filter(|c| self.state.offers(node, c)).collect();
        if self.scenario.variation.shuffle_choices {
            // Seeded by the node id too, so that a node shows the same order every time in this run.
            shuffle(&mut offered, mix(self.seed, &node.id));
        }
        offered
    }

    /// Whether the current node waits for Continue.
    pub fn can_continue(&self) -> bool {
        matches!(self.node().map(|n| &n.then), Some(Then::Continue(_)))
    }

    /// The ending reached, once the conversation is over.
    pub fn ending(&self) -> Option<&Ending> {
        match self.node().map(|n| &n.then) {
            Some(Then::End(e)) => Some(e),
            _ => None,
        }
    }

    /// Whether the conversation is over.
    pub fn is_over(&self) -> bool {
        self.ending().is_some()
    }

    /// Picks the choice with this id at the current node.
    pub fn choose(&mut self, choice_id: &str) -> Result<(), RunError> {
        let scenario = Arc::clone(&self.scenario);
        let node = scenario
            .node(&self.state.node)
            .ok_or_else(|| RunError::BrokenLink(self.state.node.clone()))?;
        let all = match &node.then {
            Then::End(_) => return Err(RunError::Ended),
            Then::Continue(_) => return Err(RunError::NotADecision),
            Then::Choices(all) => all,
        };
        let choice = all
            .iter()
            .find(|c| c.id == choice_id)
            .ok_or_else(|| RunError::UnknownChoice(choice_id.to_string()))?;
        if !self.state.offers(node, choice) {
            return Err(RunError::Unavailable(choice_id.to_string()));
        }
        if scenario.node(&choice.next).is_none() {
            return Err(RunError::BrokenLink(choice.next.clone()));
        }
        let offered = self.choices().iter().map(|c| c.id.clone()).collect();
        let mood_before = self.state.mood;
        self.state.apply(node, choice);
        self.decisions.push(Decision {
            node: node.id.clone(),
            choice: choice.id.clone(),
            offered,
            mood_before,
            mood_after: self.state.mood,
        });
        self.transcript.push(Entry::Said {
            node: node.id.clone(),
            choice: choice.id.clone(),
        });
        self.arrive(&choice.next);
        Ok(())
    }

    /// Goes on from a node that has no choices.
    pub fn advance(&mut self) -> Result<(), RunError> {
        let next = match self.node().map(|n| &n.then) {
            None => return Err(RunError::BrokenLink(self.state.node.clone())),
            Some(Then::End(_)) => return Err(RunError::Ended),
            Some(Then::Choices(_)) => return Err(RunError::NeedsChoice),
            Some(Then::Continue(next)) => next.clone(),
        };
        if self.scenario.node(&next).is_none() {
            return Err(RunError::BrokenLink(next));
        }
        self.state.enter(&next);
        self.arrive(&next);
        Ok(())
    }

    /// Records arrival at a node: the path and the lines said there.
    fn arrive(&mut self, id: &str) {
        self.path.push(id.to_string());
        let Some(node) = self.scenario.node(id) else {
            return;
        };
        let visit = self.path.iter().filter(|p| *p == id).count();
        for (i, line) in node.lines.iter().enumerate() {
            let variant = pick(
                self.seed,
                &format!("{id}#{i}#{visit}"),
                line.variants.len() + 1,
            );
            self.transcript.push(Entry::Line {
                node: id.to_string(),
                line: i,
                variant,
            });
        }
    }

    /// The outcome, once the conversation is over.
    pub fn outcome(&self) -> Option<Outcome> {
        self.ending()?;
        Some(Outcome {
            scenario: self.scenario.id.clone(),
            seed: self.seed,
            ending: self.state.node.clone(),
            start_mood: self.scenario.client.mood.clamp(MOOD_MIN, MOOD_MAX),
            final_mood: self.state.mood,
            decisions: self.decisions.clone(),
            path: self.path.clone(),
        })
    }

    /// The name of a speaker in `lang`, with this run's variant of the Client's name.
    pub fn speaker_name(&self, speaker: &str, lang: Lang) -> String {
        self.names().speaker_name(speaker, lang)
    }

    /// A scenario text in `lang`, with `{client}` and other `{character_id}` placeholders filled in.
    pub fn render(&self, text: &Text, lang: Lang) -> String {
        self.names().render(text, lang)
    }

    fn names(&self) -> Names<'_> {
        Names {
            scenario: &self.scenario,
            client_name: self.client_name,
        }
    }

    /// The conversation so far, rendered in `lang`.
    pub fn utterances(&self, lang: Lang) -> Vec<Utterance> {
        self.transcript
            .iter()
            .filter_map(|e| self.utterance(e, lang))
            .collect()
    }

    fn utterance(&self, entry: &Entry, lang: Lang) -> Option<Utterance> {
        match entry {
            Entry::Line {
                node,
                line,
                variant,
            } => {
                let l = self.scenario.node(node)?.lines.get(*line)?;
                let text = match variant {
                    0 => &l.text,
                    n => l.variants.get(n - 1)?,
                };
                Some(Utterance {
                    speaker: l.speaker.clone(),
                    name: self.speaker_name(&l.speaker, lang),
                    text: self.render(text, lang),
                })
            }
            Entry::Said { node, choice } => {
                let Then::Choices(cs) = &self.scenario.node(node)?.then else {
                    return None;
                };
                let c = cs.iter().find(|c| &c.id == choice)?;
                Some(Utterance {
                    speaker: SPEAKER_YOU.into(),
                    name: self.speaker_name(SPEAKER_YOU, lang),
                    text: self.render(c.spoken(), lang),
                })
            }
        }
    }
}

/// Mixes a seed with a text into a new seed, with FNV-1a: stable across platforms and releases.
fn mix(seed: u64, salt: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
    for b in salt.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Shuffles `items` from `seed`, the same way on every platform and in every release.
///
/// Saved attempts are replayed from their seed, so the order must never change with a library
/// upgrade: `ChaCha8Rng` is a documented, portable stream (unlike `StdRng`), and the Fisher–Yates
/// walk is written out here rather than borrowed from `rand::seq`, whose algorithm may change.
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    for i in (1..items.len()).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// A seeded pick of an index below `n` (0 when `n` is 0 or 1).
fn pick(seed: u64, salt: &str, n: usize) -> usize {
    if n <= 1 {
        return 0;
    }
    (mix(seed, salt) % n as u64) as usize
}
