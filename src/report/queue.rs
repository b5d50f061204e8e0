//! Queues an attempt's xAPI statements in the outbox the moment the store has it as finished.
//!
//! The game calls [`finished`] right after `Store::finish_dialogue` (or `finish_attempt`), on the same
//! store, then wakes the [`super::syncer::Syncer`]. The statements are built from the stored attempt
//! (the same record `report attempt` shows): `attempted`, `answered` for each decision, `completed`
//! and `passed` or `failed`. Their ids are derived from the attempt's uuid (its registration) and
//! their position ([`super::xapi::statement_id`]), so queueing an attempt twice adds nothing to the
//! outbox, and sending it again after it arrived is stored once by the LRS.
//!
//! Nothing is queued while no LRS is set in Settings: an attempt played before the LRS was set up can
//! be sent later with [`all_finished`] (`client-first sync --enqueue-store`).

use super::lrs::LrsConfig;
use super::outbox::{OutboxError, enqueue_in};
use super::stored;
use super::xapi::XapiConfig;
use crate::engine::library::Library;
use crate::store::{AttemptFilter, AttemptId, Store, StoreError};

/// What [`finished`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queued {
    /// No LRS is set in Settings: nothing was queued.
    NotConfigured,
    /// The attempt's statements are in the outbox.
    Statements {
        /// Statements the attempt has.
        total: usize,
        /// Of those, statements that were not queued already.
        added: usize,
    },
}

/// Why statements could not be queued. The attempt itself is stored either way.
#[derive(Debug, thiserror::Error)]
pub enum QueueError {
    /// The store could not be read.
    #[error("{0}")]
    Store(#[from] StoreError),
    /// The outbox could not be written.
    #[error("{0}")]
    Outbox(#[from] OutboxError),
}

/// Queues the statements of a finished attempt when an LRS is set in the store's settings.
/// Call it after the attempt is finished in `store`; queueing the same attempt again adds nothing.
pub fn finished(
    store: &Store,
    attempt: AttemptId,
    lib: &Library,
    cfg: &XapiConfig,
) -> Result<Queued, QueueError> {
    if !LrsConfig::load(store)?.is_set() {
        return Ok(Queued::NotConfigured);
    }
    let record = stored::attempt_record(store, attempt, lib)?;
    let statements = cfg.statements(&record);
    let added = enqueue_in(store.connection(), &statements)?;
    Ok(Queued::Statements {
        total: statements.len(),
        added,
    })
}

/// Queues the statements of every finished attempt that matches `filter`, whether or not an LRS is
/// set yet (the command line names one with flags): for attempts played before the LRS was set up.
/// Statements already queued are not added again. Returns (statements in all, statements added).
pub fn all_finished(
    store: &Store,
    filter: AttemptFilter<'_>,
    lib: &Library,
    cfg: &XapiConfig,
) -> Result<(usize, usize), QueueError> {
    let mut total = 0;
    let mut added = 0;
    for record in stored::records(store, filter, lib)? {
        let statements = cfg.statements(&record);
        total += statements.len();
        added += enqueue_in(store.connection(), &statements)?;
    }
    Ok((total, added))
}
