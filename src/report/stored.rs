//! Attempt records from the progress store: what `report … --from store` and the queue of xAPI
//! statements read.
//!
//! The store keeps, per attempt, the scenario id and content hash, the seed and the choice made at
//! each decision. A dialogue whose scenario is unchanged (same hash) is replayed through the engine
//! ([`super::model::replay`]): the same seed and choices give the same run, so the record has every
//! decision with its texts, the better reply and its feedback, the principles and the ending, exactly
//! as the debrief showed them. Any other attempt becomes a summary from the saved figures: a dialogue
//! whose scenario changed or is gone, a quiz round or a team session. A summary has the score, the
//! ending and per-principle chances from the stored reviews (one per principle tested at each step;
//! upheld when the answer was the best, or right), but no decisions.

use super::model::{AttemptKind, AttemptMeta, AttemptRecord, EndingRecord, PrincipleResult};
use crate::engine::library::Library;
use crate::engine::model::Then;
use crate::engine::progress::scenario_hash;
use crate::engine::text::Text;
use crate::store::{self, AttemptFilter, AttemptId, FinishedAttempt, Kind, Store};
use chrono::{DateTime, TimeZone, Utc};
use std::collections::BTreeMap;
use uuid::Uuid;

/// A review counts as upheld when the answer was the best on offer (a value of 1), allowing for
/// floating-point rounding.
const UPHELD: f64 = 1.0 - 1e-9;

/// The xAPI registration of a stored attempt: its uuid. An id that is not a UUID (a hand-made
/// import) gets a UUID v5 named by it, so it is still stable.
pub fn registration_of(uuid: &str) -> Uuid {
    Uuid::parse_str(uuid.trim()).unwrap_or_else(|_| {
        Uuid::new_v5(
            &Uuid::NAMESPACE_OID,
            format!("client-first/attempt/{uuid}").as_bytes(),
        )
    })
}

fn time(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}

fn kind_of(k: Kind) -> AttemptKind {
    match k {
        Kind::Dialogue => AttemptKind::Dialogue,
        Kind::Quiz => AttemptKind::Quiz,
        Kind::Team => AttemptKind::Team,
    }
}

/// The finished attempts that match `filter`, oldest first, as report records.
pub fn records(
    store: &Store,
    filter: AttemptFilter<'_>,
    lib: &Library,
) -> store::Result<Vec<AttemptRecord>> {
    store
        .finished_attempts(filter)?
        .iter()
        .map(|f| record(store, f, lib))
        .collect()
}

/// The finished attempt whose uuid or xAPI registration is `id`, as a report record.
pub fn find(store: &Store, id: &str, lib: &Library) -> store::Result<Option<AttemptRecord>> {
    let id = id.trim();
    let mut found = store.finished_attempts(AttemptFilter::Uuid(id))?;
    if found.is_empty() {
        // An attempt whose uuid is not a UUID is known to the LRS by a registration derived from it.
        found = store
            .finished_attempts(AttemptFilter::All)?
            .into_iter()
            .filter(|f| registration_of(&f.row.uuid).to_string() == id.to_ascii_lowercase())
            .collect();
    }
    found.first().map(|f| record(store, f, lib)).transpose()
}

/// One finished attempt as a report record (what the debrief's "Save report" and the xAPI queue use).
pub fn attempt_record(
    store: &Store,
    attempt: AttemptId,
    lib: &Library,
) -> store::Result<AttemptRecord> {
    let row = store.attempt(attempt)?;
    let found = store.finished_attempts(AttemptFilter::Uuid(&row.uuid))?;
    let f = found
        .iter()
        .find(|f| f.row.attempt == attempt)
        .ok_or_else(|| store::StoreError::NotFound(format!("attempt {}", attempt.0)))?;
    record(store, f, lib)
}

/// A finished attempt as a report record: replayed in full when it is a dialogue of an unchanged
/// scenario, otherwise summarised from the saved figures.
pub fn record(store: &Store, f: &FinishedAttempt, lib: &Library) -> store::Result<AttemptRecord> {
    let meta = AttemptMeta {
        id: f.row.uuid.clone(),
        registration: registration_of(&f.row.uuid),
        profile: f.profile.clone(),
        group: f.group.clone(),
        lang: f.row.lang,
        started: time(f.row.started),
        finished: time(f.row.finished),
    };
    if f.row.kind == Kind::Dialogue
        && let Some(loaded) = lib.get(&f.row.activity)
        && scenario_hash(&loaded.scenario) == f.hash
    {
        let choices: Vec<String> = store
            .steps(f.row.attempt)?
            .into_iter()
            .map(|s| s.answer)
            .collect();
        if let Some(r) = super::model::replay(&meta, lib, &f.row.activity, f.seed, &choices) {
            return Ok(r);
        }
    }
    summary(store, f, lib, &meta)
}

/// The record of an attempt that cannot be replayed: its saved score, ending and principles.
fn summary(
    store: &Store,
    f: &FinishedAttempt,
    lib: &Library,
    meta: &AttemptMeta,
) -> store::Result<AttemptRecord> {
    let mut tally: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for r in store.attempt_reviews(f.row.attempt)? {
        let t = tally.entry(r.principle).or_default();
        t.0 += 1;
        if r.value >= UPHELD {
            t.1 += 1;
        }
    }
    let mut principles: BTreeMap<String, PrincipleResult> = f
        .principles
        .iter()
        .map(|p| {
            (
                p.id.clone(),
                PrincipleResult {
                    id: p.id.clone(),
                    chances: 0,
                    upheld: 0,
                    percent: p.percent,
                },
            )
        })
        .collect();
    for (id, (chances, upheld)) in tally {
        let p = principles
            .entry(id.clone())
            .or_insert_with(|| PrincipleResult {
                id,
                chances: 0,
                upheld: 0,
                percent: None,
            });
        p.chances = chances;
        p.upheld = upheld;
    }
    let kind = kind_of(f.row.kind);
    let scenario = lib
        .get(&f.row.activity)
        .filter(|_| kind == AttemptKind::Dialogue)
        .map(|l| &l.scenario);
    let title = scenario.map_or_else(
        || Text::new(f.row.activity.clone(), f.row.activity.clone()),
        |s| s.title.clone(),
    );
    let ending = f.row.ending.as_ref().map(|node| {
        let known = scenario
            .and_then(|s| s.nodes.iter().find(|n| n.id == *node))
            .and_then(|n| match &n.then {
                Then::End(e) => Some(e),
                _ => None,
            });
        EndingRecord {
            node: node.clone(),
            kind: known.map(|e| e.kind),
            title: known.map_or_else(
                || Text::new(node.clone(), node.clone()),
                |e| e.title.clone(),
            ),
            text: Text::default(),
        }
    });
    let max = if kind == AttemptKind::Quiz {
        quiz_max(store.steps(f.row.attempt)?.len())
    } else {
        f.row.total
    };
    Ok(AttemptRecord {
        id: meta.id.clone(),
        registration: meta.registration,
        profile: meta.profile.clone(),
        group: meta.group.clone(),
        kind,
        scenario: f.row.activity.clone(),
        title,
        lang: meta.lang,
        started: meta.started,
        finished: meta.finished,
        score: f.row.score.min(100),
        total: f.row.total,
        min: f.row.total.min(0),
        max: max.max(f.row.total),
        ending,
        decisions: Vec::new(),
        // As in a replayed record: the principles in play, or scored.
        principles: principles
            .into_values()
            .filter(|p| p.percent.is_some() || p.chances > 0)
            .collect(),
    })
}

/// The most points a quiz round of `questions` questions gives: every answer right at once, with
/// the streak bonus growing.
fn quiz_max(questions: usize) -> i32 {
    use crate::engine::quiz::{MAX_POINTS, streak_bonus};
    let n = u32::try_from(questions).unwrap_or(u32::MAX);
    let sum: u64 = (1..=n)
        .map(|k| u64::from(MAX_POINTS) + u64::from(streak_bonus(k)))
        .sum();
    i32::try_from(sum).unwrap_or(i32::MAX)
}
