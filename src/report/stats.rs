//! Sums over attempts: a trainee's progress and a group's heat map, shared by HTML and CSV.

use super::model::AttemptRecord;
use crate::engine::library::Library;
use crate::engine::text::{Lang, Text};
use std::collections::BTreeMap;

/// How many weak principles the trainee and group reports list.
pub const WEAKEST: usize = 3;
/// How many scenarios are suggested per weak principle.
pub const TRAIN_IN: usize = 3;

/// What the reports need from the scenario library: principle titles and which scenarios train what.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Principle id → title.
    pub principles: BTreeMap<String, Text>,
    /// Principle id → scenarios (id, title) that reward it, in learning-path order.
    pub trained_by: BTreeMap<String, Vec<(String, Text)>>,
}

impl Context {
    /// The context of a loaded library.
    pub fn from_library(lib: &Library) -> Context {
        let principles = lib
            .catalog
            .principles
            .iter()
            .map(|p| (p.id.clone(), p.title.clone()))
            .collect();
        let mut trained_by: BTreeMap<String, Vec<(String, Text)>> = BTreeMap::new();
        // `lib.scenarios` is already in learning-path order.
        for l in &lib.scenarios {
            for p in l.scenario.rewarded_principles() {
                trained_by
                    .entry(p.to_string())
                    .or_default()
                    .push((l.scenario.id.clone(), l.scenario.title.clone()));
            }
        }
        Context {
            principles,
            trained_by,
        }
    }

    /// A principle's title in `lang`, or its id when the catalog does not know it.
    pub fn principle_title(&self, id: &str, lang: Lang) -> String {
        self.principles
            .get(id)
            .map(|t| t.get(lang).to_string())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| id.to_string())
    }

    /// Scenarios that train a principle, at most [`TRAIN_IN`].
    pub fn train_in(&self, id: &str) -> &[(String, Text)] {
        self.trained_by
            .get(id)
            .map_or(&[][..], |v| &v[..v.len().min(TRAIN_IN)])
    }
}

/// Chances and upheld decisions summed over attempts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Decisions where the principle was at stake.
    pub chances: u32,
    /// Of those, where it was upheld.
    pub upheld: u32,
}

impl Tally {
    /// The share upheld, 0–1, or `None` without chances.
    pub fn share(self) -> Option<f64> {
        (self.chances > 0).then(|| f64::from(self.upheld) / f64::from(self.chances))
    }
}

/// Per principle sums over a set of attempts.
pub fn tallies<'a>(
    attempts: impl IntoIterator<Item = &'a AttemptRecord>,
) -> BTreeMap<String, Tally> {
    let mut out: BTreeMap<String, Tally> = BTreeMap::new();
    for a in attempts {
        for p in &a.principles {
            let t = out.entry(p.id.clone()).or_default();
            t.chances += p.chances;
            t.upheld += p.upheld;
        }
    }
    out
}

/// The weakest principles of a tally: lowest share first, ties broken by more chances, then id.
pub fn weakest(t: &BTreeMap<String, Tally>, n: usize) -> Vec<(String, Tally)> {
    let mut v: Vec<(String, Tally)> = t
        .iter()
        .filter(|(_, x)| x.chances > 0 && x.upheld < x.chances)
        .map(|(k, x)| (k.clone(), *x))
        .collect();
    v.sort_by(|a, b| {
        let (sa, sb) = (a.1.share().unwrap_or(1.0), b.1.share().unwrap_or(1.0));
        sa.total_cmp(&sb)
            .then(b.1.chances.cmp(&a.1.chances))
            .then(a.0.cmp(&b.0))
    });
    v.truncate(n);
    v
}

/// One trainee's attempts, oldest first, with their sums.
#[derive(Debug, Clone)]
pub struct Trainee<'a> {
    /// The profile's name.
    pub name: String,
    /// The profile's group, from the latest attempt.
    pub group: Option<String>,
    /// The attempts, oldest first.
    pub attempts: Vec<&'a AttemptRecord>,
    /// Per principle sums.
    pub tallies: BTreeMap<String, Tally>,
}

impl<'a> Trainee<'a> {
    /// Gathers the attempts of one profile (all given attempts are taken as this trainee's).
    pub fn new(name: &str, attempts: impl IntoIterator<Item = &'a AttemptRecord>) -> Trainee<'a> {
        let mut attempts: Vec<&AttemptRecord> = attempts.into_iter().collect();
        attempts.sort_by(|a, b| a.finished.cmp(&b.finished).then(a.id.cmp(&b.id)));
        Trainee {
            name: name.to_string(),
            group: attempts.last().and_then(|a| a.group.clone()),
            tallies: tallies(attempts.iter().copied()),
            attempts,
        }
    }

    /// The mean score of the attempts, 0–100.
    pub fn mean_score(&self) -> Option<f64> {
        (!self.attempts.is_empty()).then(|| {
            self.attempts
                .iter()
                .map(|a| f64::from(a.score))
                .sum::<f64>()
                / self.attempts.len() as f64
        })
    }

    /// Per principle, the running share upheld after each attempt (`None` until the first chance).
    pub fn running(&self) -> BTreeMap<String, Vec<Option<f64>>> {
        let mut acc: BTreeMap<String, Tally> = BTreeMap::new();
        let mut out: BTreeMap<String, Vec<Option<f64>>> = self
            .tallies
            .keys()
            .map(|k| (k.clone(), Vec::with_capacity(self.attempts.len())))
            .collect();
        for a in &self.attempts {
            for p in &a.principles {
                let t = acc.entry(p.id.clone()).or_default();
                t.chances += p.chances;
                t.upheld += p.upheld;
            }
            for (k, series) in &mut out {
                series.push(acc.get(k).and_then(|t| t.share()));
            }
        }
        out
    }
}

/// A group: its trainees and the principles any of them met.
#[derive(Debug, Clone)]
pub struct Group<'a> {
    /// The group's name, when the attempts were chosen by group.
    pub name: Option<String>,
    /// Trainees by name.
    pub trainees: Vec<Trainee<'a>>,
    /// Every principle with a chance, weakest group average first.
    pub principles: Vec<String>,
}

impl<'a> Group<'a> {
    /// Groups attempts by profile.
    pub fn new(name: Option<&str>, attempts: &'a [AttemptRecord]) -> Group<'a> {
        let mut by: BTreeMap<&str, Vec<&AttemptRecord>> = BTreeMap::new();
        for a in attempts {
            by.entry(a.profile.as_str()).or_default().push(a);
        }
        let trainees: Vec<Trainee> = by.into_iter().map(|(n, v)| Trainee::new(n, v)).collect();
        let mut principles: Vec<String> = trainees
            .iter()
            .flat_map(|t| {
                t.tallies
                    .iter()
                    .filter(|(_, x)| x.chances > 0)
                    .map(|(k, _)| k.clone())
            })
            .collect();
        principles.sort();
        principles.dedup();
        let mut g = Group {
            name: name.map(str::to_string),
            trainees,
            principles,
        };
        // The weakest columns first, so the eye lands on what the group most needs.
        let mut keyed: Vec<(f64, String)> = g
            .principles
            .iter()
            .map(|p| (g.column_average(p).map_or(2.0, |x| x.0), p.clone()))
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        g.principles = keyed.into_iter().map(|(_, p)| p).collect();
        g
    }

    /// The mean over trainees of each principle's share (trainees without a chance are left out),
    /// with how many trainees had a chance.
    pub fn column_average(&self, principle: &str) -> Option<(f64, usize)> {
        let shares: Vec<f64> = self
            .trainees
            .iter()
            .filter_map(|t| t.tallies.get(principle).and_then(|x| x.share()))
            .collect();
        (!shares.is_empty()).then(|| {
            (
                shares.iter().sum::<f64>() / shares.len() as f64,
                shares.len(),
            )
        })
    }

    /// The group's weakest principles by column average.
    pub fn weakest(&self, n: usize) -> Vec<(String, f64)> {
        let mut v: Vec<(String, f64)> = self
            .principles
            .iter()
            .filter_map(|p| self.column_average(p).map(|(s, _)| (p.clone(), s)))
            .filter(|(_, s)| *s < 1.0)
            .collect();
        v.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        v.truncate(n);
        v
    }
}
