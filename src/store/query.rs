//! The queries the screens need, each returning plain data: the picker's figures, the progress
//! screen, a principle over time, the history, due cards, what to practise next, and a saved debrief.
//!
//! The picker and the progress screen read small summary tables kept up to date when an attempt
//! finishes (`activity_stats`, `endings_found`, `mastery`, `cards`), and charts and history read the
//! newest rows through indexes, so their cost does not grow with the length of the history.

use super::{AttemptId, Kind, Mode, PrincipleResult, ProfileId, Result, Store, StoreError};
use crate::engine::debrief::{self, Debrief};
use crate::engine::library::Library;
use crate::engine::model::{Catalog, Theme};
use crate::engine::progress::{self, Group, Mastery, PractiseNext};
use crate::engine::text::Lang;
use rusqlite::{OptionalExtension, params};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// How many points the score chart shows at most (the newest attempts).
pub const CHART_POINTS: usize = 200;

/// The picker's figures for one scenario (or quiz round) of a profile.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PickerFigures {
    /// The best 0–100 score.
    pub best: u8,
    /// Finished attempts.
    pub attempts: u32,
    /// Ending node ids found (dialogues).
    pub endings: BTreeSet<String>,
}

/// One point of the overall score chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScorePoint {
    /// When the attempt finished (Unix ms).
    pub at: i64,
    /// The 0–100 score.
    pub score: u8,
    /// The scenario or round.
    pub activity: String,
    /// The kind.
    pub kind: Kind,
}

/// One point of a principle's chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrinciplePoint {
    /// When the attempt finished (Unix ms).
    pub at: i64,
    /// The principle's 0–100 in that attempt.
    pub percent: u8,
    /// The attempt.
    pub attempt: AttemptId,
}

/// One row of the attempt history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRow {
    /// The attempt, to open its debrief.
    pub attempt: AttemptId,
    /// Its stable id.
    pub uuid: String,
    /// The kind.
    pub kind: Kind,
    /// The scenario or round.
    pub activity: String,
    /// Coach or exam.
    pub mode: Mode,
    /// The language.
    pub lang: Lang,
    /// Started (Unix ms).
    pub started: i64,
    /// Finished (Unix ms).
    pub finished: i64,
    /// The ending node, for a dialogue.
    pub ending: Option<String>,
    /// The total of points.
    pub total: i32,
    /// The 0–100 score.
    pub score: u8,
}

impl HistoryRow {
    /// How long the attempt took, in milliseconds.
    pub fn duration_ms(&self) -> i64 {
        (self.finished - self.started).max(0)
    }
}

/// Everything the progress screen shows for one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressData {
    /// Mastery per principle, grouped by source.
    pub by_source: Vec<Group<String>>,
    /// Mastery per principle, grouped by theme.
    pub by_theme: Vec<Group<Theme>>,
    /// The overall score over time: the newest [`CHART_POINTS`] attempts, oldest first.
    pub scores: Vec<ScorePoint>,
    /// The newest attempts, newest first (as many as asked).
    pub history: Vec<HistoryRow>,
    /// How many finished attempts there are in all.
    pub history_total: u64,
    /// Endings found per scenario.
    pub endings: BTreeMap<String, BTreeSet<String>>,
    /// Scenarios with at least one finished dialogue: the done part of the learning path.
    pub completed: BTreeSet<String>,
    /// Principles due for review by the end of today.
    pub due: usize,
}

/// A saved attempt's debrief.
#[derive(Debug, Clone)]
pub enum SavedDebrief {
    /// The scenario is unchanged: the full debrief, rebuilt from seed and choices.
    Rebuilt(Box<Debrief>),
    /// The scenario changed or is gone: the saved figures only.
    Saved {
        /// Whether the scenario is still in the library (with another hash).
        changed: bool,
        /// The history row.
        row: HistoryRow,
        /// The saved per-principle results.
        principles: Vec<PrincipleResult>,
    },
}

/// Which finished attempts a report reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptFilter<'a> {
    /// Every finished attempt of every profile.
    All,
    /// One attempt, by its stable id (the attempt's uuid, which is also its xAPI registration).
    Uuid(&'a str),
    /// The attempts of the profiles with this name.
    Profile(&'a str),
    /// The attempts of the profiles in this group.
    Group(&'a str),
}

/// A finished attempt with who made it and what its replay needs: the input of a report.
#[derive(Debug, Clone, PartialEq)]
pub struct FinishedAttempt {
    /// The history row (kind, activity, times, ending, total, score).
    pub row: HistoryRow,
    /// The profile's name.
    pub profile: String,
    /// The profile's group.
    pub group: Option<String>,
    /// The content hash when the attempt started.
    pub hash: String,
    /// The seed of the variation.
    pub seed: u64,
    /// The saved per-principle results.
    pub principles: Vec<PrincipleResult>,
}

/// One stored review of an attempt: a principle tested at one step, and how close to the best the
/// answer was (1 the best reply or a right quiz answer).
#[derive(Debug, Clone, PartialEq)]
pub struct AttemptReview {
    /// The 0-based step.
    pub step: usize,
    /// The principle id.
    pub principle: String,
    /// 0–1.
    pub value: f64,
}

fn history_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<HistoryRow> {
    let kind: String = r.get(2)?;
    let mode: String = r.get(4)?;
    let lang: String = r.get(5)?;
    Ok(HistoryRow {
        attempt: AttemptId(r.get(0)?),
        uuid: r.get(1)?,
        kind: Kind::parse(&kind).unwrap_or(Kind::Dialogue),
        activity: r.get(3)?,
        mode: Mode::parse(&mode).unwrap_or_default(),
        lang: Lang::from_code(&lang).unwrap_or_default(),
        started: r.get(6)?,
        finished: r.get(7)?,
        ending: r.get(8)?,
        total: r.get::<_, Option<i32>>(9)?.unwrap_or(0),
        score: r.get::<_, Option<u8>>(10)?.unwrap_or(0),
    })
}

const HISTORY_COLUMNS: &str =
    "id, uuid, kind, activity, mode, lang, started, finished, ending, total, score";

impl Store {
    /// The picker's figures of a profile, per activity of `kind`.
    pub fn picker(
        &self,
        profile: ProfileId,
        kind: Kind,
    ) -> Result<BTreeMap<String, PickerFigures>> {
        let mut out: BTreeMap<String, PickerFigures> = BTreeMap::new();
        let mut st = self.conn.prepare_cached(
            "SELECT activity, best, attempts FROM activity_stats WHERE profile = ?1 AND kind = ?2",
        )?;
        let rows = st.query_map(params![profile.0, kind.as_str()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u8>(1)?,
                r.get::<_, u32>(2)?,
            ))
        })?;
        for row in rows {
            let (activity, best, attempts) = row?;
            out.insert(
                activity,
                PickerFigures {
                    best,
                    attempts,
                    endings: BTreeSet::new(),
                },
            );
        }
        if kind == Kind::Dialogue {
            for (activity, endings) in self.endings_found(profile)? {
                out.entry(activity).or_default().endings = endings;
            }
        }
        Ok(out)
    }

    /// Endings found per scenario.
    pub fn endings_found(&self, profile: ProfileId) -> Result<BTreeMap<String, BTreeSet<String>>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut st = self
            .conn
            .prepare_cached("SELECT activity, ending FROM endings_found WHERE profile = ?1")?;
        let rows = st.query_map([profile.0], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (a, e) = row?;
            out.entry(a).or_default().insert(e);
        }
        Ok(out)
    }

    /// Mastery per principle of a profile.
    pub fn mastery(&self, profile: ProfileId) -> Result<BTreeMap<String, Mastery>> {
        let mut st = self.conn.prepare_cached(
            "SELECT principle, weighted, weight, count FROM mastery WHERE profile = ?1",
        )?;
        let rows = st.query_map([profile.0], |r| {
            Ok((
                r.get::<_, String>(0)?,
                Mastery {
                    weighted: r.get(1)?,
                    weight: r.get(2)?,
                    count: r.get(3)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The newest `limit` finished attempts after skipping `offset`, newest first.
    pub fn history(
        &self,
        profile: ProfileId,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<HistoryRow>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {HISTORY_COLUMNS} FROM attempts
             WHERE profile = ?1 AND finished IS NOT NULL
             ORDER BY finished DESC, id DESC LIMIT ?2 OFFSET ?3"
        ))?;
        let rows = st.query_map(params![profile.0, limit as i64, offset as i64], history_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One finished attempt's history row.
    pub fn attempt(&self, attempt: AttemptId) -> Result<HistoryRow> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {HISTORY_COLUMNS} FROM attempts WHERE id = ?1 AND finished IS NOT NULL"
                ),
                [attempt.0],
                history_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("attempt {}", attempt.0)))
    }

    /// The kind-specific record of an attempt (for a team session: teams, nicknames, every vote,
    /// the paths); `Null` when it has none.
    pub fn attempt_detail(&self, attempt: AttemptId) -> Result<serde_json::Value> {
        let text: Option<String> = self
            .conn
            .query_row(
                "SELECT detail FROM attempts WHERE id = ?1",
                [attempt.0],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("attempt {}", attempt.0)))?;
        Ok(text
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(serde_json::Value::Null))
    }

    /// The overall score of the newest `limit` finished attempts, oldest first.
    pub fn scores_over_time(&self, profile: ProfileId, limit: usize) -> Result<Vec<ScorePoint>> {
        let mut st = self.conn.prepare_cached(
            "SELECT finished, score, activity, kind FROM attempts
             WHERE profile = ?1 AND finished IS NOT NULL
             ORDER BY finished DESC, id DESC LIMIT ?2",
        )?;
        let rows = st.query_map(params![profile.0, limit as i64], |r| {
            let kind: String = r.get(3)?;
            Ok(ScorePoint {
                at: r.get(0)?,
                score: r.get::<_, Option<u8>>(1)?.unwrap_or(0),
                activity: r.get(2)?,
                kind: Kind::parse(&kind).unwrap_or(Kind::Dialogue),
            })
        })?;
        let mut v: Vec<ScorePoint> = rows.collect::<rusqlite::Result<_>>()?;
        v.reverse();
        Ok(v)
    }

    /// A principle's percentage in the newest `limit` attempts that had it in play, oldest first.
    pub fn principle_over_time(
        &self,
        profile: ProfileId,
        principle: &str,
        limit: usize,
    ) -> Result<Vec<PrinciplePoint>> {
        let mut st = self.conn.prepare_cached(
            "SELECT finished, percent, attempt FROM attempt_principles
             WHERE profile = ?1 AND principle = ?2 AND percent IS NOT NULL
             ORDER BY finished DESC, attempt DESC LIMIT ?3",
        )?;
        let rows = st.query_map(params![profile.0, principle, limit as i64], |r| {
            Ok(PrinciplePoint {
                at: r.get(0)?,
                percent: r.get(1)?,
                attempt: AttemptId(r.get(2)?),
            })
        })?;
        let mut v: Vec<PrinciplePoint> = rows.collect::<rusqlite::Result<_>>()?;
        v.reverse();
        Ok(v)
    }

    /// The principles whose cards are due by `until` (Unix ms; use
    /// [`end_of_local_day`](super::end_of_local_day) for "today").
    pub fn due_principles(&self, profile: ProfileId, until: i64) -> Result<BTreeSet<String>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT principle FROM cards WHERE profile = ?1 AND due <= ?2")?;
        let rows = st.query_map(params![profile.0, until], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many principles are due by `until`.
    pub fn due_count(&self, profile: ProfileId, until: i64) -> Result<usize> {
        let n: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM cards WHERE profile = ?1 AND due <= ?2",
            params![profile.0, until],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }

    /// The scenario of the library that covers the most principles due by `until`.
    pub fn practise_next(
        &self,
        profile: ProfileId,
        library: &Library,
        until: i64,
    ) -> Result<Option<PractiseNext>> {
        let due = self.due_principles(profile, until)?;
        Ok(progress::practise_next(
            &due,
            library.scenarios.iter().map(|l| l.scenario.as_ref()),
        ))
    }

    /// Scenarios with at least one finished dialogue.
    pub fn completed(&self, profile: ProfileId) -> Result<BTreeSet<String>> {
        let mut st = self.conn.prepare_cached(
            "SELECT activity FROM activity_stats WHERE profile = ?1 AND kind = 'dialogue'",
        )?;
        let rows = st.query_map([profile.0], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Everything the progress screen shows; `history` rows at most, `until` as for due cards.
    pub fn progress(
        &self,
        profile: ProfileId,
        catalog: &Catalog,
        history: usize,
        until: i64,
    ) -> Result<ProgressData> {
        let mastery = self.mastery(profile)?;
        let history_total: i64 = self.conn.query_row(
            "SELECT COALESCE(SUM(attempts), 0) FROM activity_stats WHERE profile = ?1",
            [profile.0],
            |r| r.get(0),
        )?;
        Ok(ProgressData {
            by_source: progress::by_source(catalog, &mastery),
            by_theme: progress::by_theme(catalog, &mastery),
            scores: self.scores_over_time(profile, CHART_POINTS)?,
            history: self.history(profile, 0, history)?,
            history_total: history_total as u64,
            endings: self.endings_found(profile)?,
            completed: self.completed(profile)?,
            due: self.due_count(profile, until)?,
        })
    }

    /// The saved per-principle results of an attempt.
    pub fn attempt_principles(&self, attempt: AttemptId) -> Result<Vec<PrincipleResult>> {
        let json: String = self.conn.query_row(
            "SELECT principles FROM attempts WHERE id = ?1",
            [attempt.0],
            |r| r.get(0),
        )?;
        Ok(serde_json::from_str(&json).unwrap_or_default())
    }

    /// The debrief of a finished dialogue: rebuilt in full when the scenario is unchanged (same hash),
    /// otherwise the saved figures.
    pub fn saved_debrief(
        &self,
        profile: ProfileId,
        attempt: AttemptId,
        library: &Library,
    ) -> Result<SavedDebrief> {
        let row = self.attempt(attempt)?;
        let (hash, seed): (String, i64) = self.conn.query_row(
            "SELECT hash, seed FROM attempts WHERE id = ?1",
            [attempt.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let saved = |changed: bool| -> Result<SavedDebrief> {
            Ok(SavedDebrief::Saved {
                changed,
                row: row.clone(),
                principles: self.attempt_principles(attempt)?,
            })
        };
        let Some(loaded) = library
            .get(&row.activity)
            .filter(|_| row.kind == Kind::Dialogue)
        else {
            return saved(false);
        };
        if progress::scenario_hash(&loaded.scenario) != hash {
            return saved(true);
        }
        let choices: Vec<String> = self.steps(attempt)?.into_iter().map(|s| s.answer).collect();
        let Ok(outcome) =
            progress::replay_outcome(Arc::clone(&loaded.scenario), seed as u64, &choices)
        else {
            return saved(true);
        };
        let found = self
            .endings_found(profile)?
            .remove(&row.activity)
            .unwrap_or_default();
        Ok(SavedDebrief::Rebuilt(Box::new(debrief::build(
            loaded,
            &outcome,
            &library.all(),
            &found,
        ))))
    }

    /// Finished attempts for a report, oldest first, with their profile's name and group.
    pub fn finished_attempts(&self, filter: AttemptFilter<'_>) -> Result<Vec<FinishedAttempt>> {
        let (clause, value) = match filter {
            AttemptFilter::All => ("?1 IS NULL", None),
            AttemptFilter::Uuid(u) => ("a.uuid = ?1", Some(u.trim())),
            AttemptFilter::Profile(n) => ("p.name = ?1", Some(n.trim())),
            AttemptFilter::Group(g) => ("p.grp = ?1", Some(g.trim())),
        };
        let mut st = self.conn.prepare(&format!(
            "SELECT a.id, a.uuid, a.kind, a.activity, a.mode, a.lang, a.started, a.finished,
                    a.ending, a.total, a.score, p.name, p.grp, a.hash, a.seed, a.principles
             FROM attempts a JOIN profiles p ON p.id = a.profile
             WHERE a.finished IS NOT NULL AND ({clause})
             ORDER BY a.finished, a.id"
        ))?;
        let rows = st.query_map([value], |r| {
            Ok((
                history_row(r)?,
                r.get::<_, String>(11)?,
                r.get::<_, Option<String>>(12)?,
                r.get::<_, String>(13)?,
                r.get::<_, i64>(14)?,
                r.get::<_, String>(15)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (row, profile, group, hash, seed, principles) = row?;
            out.push(FinishedAttempt {
                row,
                profile,
                group,
                hash,
                seed: seed as u64,
                principles: serde_json::from_str(&principles).unwrap_or_default(),
            });
        }
        Ok(out)
    }

    /// The reviews an attempt produced (one per principle tested at each step), in step order.
    pub fn attempt_reviews(&self, attempt: AttemptId) -> Result<Vec<AttemptReview>> {
        let mut st = self.conn.prepare_cached(
            "SELECT step, principle, value FROM reviews WHERE attempt = ?1 ORDER BY step, principle",
        )?;
        let rows = st.query_map([attempt.0], |r| {
            Ok(AttemptReview {
                step: usize::try_from(r.get::<_, i64>(0)?).unwrap_or(0),
                principle: r.get(1)?,
                value: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
