//! The background syncer: a thread of its own that sends the outbox to the LRS while the game runs.
//!
//! It opens its own connection to the store file ([`Outbox::open`]) so that a slow LRS never holds
//! the game's connection: the game keeps writing attempts and queueing statements while a request is
//! on its way. A round sends at most [`SyncerOptions::max_batches`] batches and then looks again at
//! what it was asked (stop, a new configuration); it runs when it is woken ([`Syncer::wake`] after
//! an attempt was queued, [`Syncer::sync_now`] from the Settings button), when the backoff after a
//! failure ends, and every [`SyncerOptions::interval`] otherwise. Between rounds it sleeps on a
//! condition variable: no busy-waiting, and a stop request wakes it at once. Dropping the
//! [`Syncer`] stops the thread and waits for it; a request already on its way finishes first (at
//! most [`SyncerOptions::timeout`]), and a batch the LRS has not confirmed stays queued.

use super::lrs::{LrsClient, LrsConfig, LrsError};
use super::outbox::{Outbox, OutboxStatus, SyncOptions};
use crate::engine::text::Lang;
use crate::i18n::{Args, tr, tra};
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How the syncer paces itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncerOptions {
    /// The longest sleep between rounds when nobody wakes it (statements queued by another program).
    pub interval: Duration,
    /// The limit of one request to the LRS; also the longest a drop waits for a request under way.
    pub timeout: Duration,
    /// Statements per POST.
    pub batch: usize,
    /// POSTs per round at most.
    pub max_batches: usize,
}

impl Default for SyncerOptions {
    fn default() -> Self {
        SyncerOptions {
            interval: Duration::from_secs(60),
            timeout: Duration::from_secs(10),
            batch: super::outbox::DEFAULT_BATCH,
            max_batches: 10,
        }
    }
}

/// Why the last round failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncError {
    /// The LRS could not be reached, refused the key or failed.
    Lrs(LrsError),
    /// The outbox in the store file could not be opened, read or written.
    Store(String),
}

impl SyncError {
    /// What went wrong and what to do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SyncError::Lrs(e) => super::lrs::error_message(lang, e),
            SyncError::Store(e) => tra(
                lang,
                "report-outbox-store-error",
                &Args::new().str("error", e.clone()),
            ),
        }
    }
}

/// A snapshot of the syncer, for the Settings screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SyncerStatus {
    /// Whether an LRS endpoint and key are set.
    pub configured: bool,
    /// Whether a round is under way.
    pub sending: bool,
    /// The outbox as the last round left it: statements waiting, refused, the last successful sync,
    /// failures in a row and the next automatic try.
    pub outbox: OutboxStatus,
    /// Why the last round failed; `None` after a round that succeeded or had nothing to send.
    pub error: Option<SyncError>,
    /// Rounds finished since the syncer started.
    pub rounds: u64,
}

impl SyncerStatus {
    /// One line for Settings: how many statements wait and when the last sync was, or why not.
    pub fn summary(&self, lang: Lang) -> String {
        if !self.configured {
            return tr(lang, "report-outbox-not-configured");
        }
        let last = match self.outbox.last_sync {
            Some(t) => tra(
                lang,
                "report-outbox-last-sync",
                &Args::new().str(
                    "when",
                    t.with_timezone(&chrono::Local)
                        .format("%Y-%m-%d %H:%M")
                        .to_string(),
                ),
            ),
            None => tr(lang, "report-outbox-never-synced"),
        };
        let mut line = format!(
            "{} · {last}",
            tra(
                lang,
                "report-outbox-pending",
                &Args::new().num("n", self.outbox.pending as f64)
            )
        );
        if let Some(e) = &self.error {
            line.push_str(" · ");
            line.push_str(&e.message(lang));
        }
        line
    }
}

/// What the thread was asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Nudge {
    /// Try unless backing off.
    Soft,
    /// Try now, even while backing off.
    Force,
}

struct Inner {
    config: LrsConfig,
    nudge: Option<Nudge>,
    stop: bool,
    status: SyncerStatus,
}

struct Shared {
    inner: Mutex<Inner>,
    /// Wakes the thread (a nudge, a stop) and the callers of [`Syncer::wait_rounds`].
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave `Inner` half-written in a way that matters:
        // every field is replaced whole.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The background syncer of one store file. Stops its thread when dropped.
pub struct Syncer {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Syncer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Syncer")
            .field("status", &self.status())
            .finish_non_exhaustive()
    }
}

impl Syncer {
    /// Starts syncing the outbox of the store file at `store_path` to the LRS of `config`, with the
    /// default pace. The first round runs at once.
    pub fn spawn(store_path: PathBuf, config: LrsConfig) -> Syncer {
        Syncer::spawn_with(store_path, config, SyncerOptions::default())
    }

    /// Starts syncing with a chosen pace.
    pub fn spawn_with(store_path: PathBuf, config: LrsConfig, options: SyncerOptions) -> Syncer {
        let shared = Arc::new(Shared {
            inner: Mutex::new(Inner {
                status: SyncerStatus {
                    configured: config.is_set(),
                    ..SyncerStatus::default()
                },
                config,
                nudge: Some(Nudge::Soft),
                stop: false,
            }),
            changed: Condvar::new(),
        });
        let worker = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("lrs-syncer".into())
            .spawn(move || run(&worker, &store_path, options))
            .ok();
        if thread.is_none() {
            // No thread could be made: say so in the status; the statements stay queued.
            shared.lock().status.error = Some(SyncError::Store("no thread for the syncer".into()));
        }
        Syncer { shared, thread }
    }

    /// The current state, for the Settings screen (cheap: no database access).
    pub fn status(&self) -> SyncerStatus {
        self.shared.lock().status.clone()
    }

    /// Asks for a round now, even while backing off after failures (the "Sync now" button).
    pub fn sync_now(&self) {
        self.nudge(Nudge::Force);
    }

    /// Asks for a round soon, unless it is backing off after failures (statements were queued).
    pub fn wake(&self) {
        self.nudge(Nudge::Soft);
    }

    /// Uses new LRS settings from the next round on (Settings saved), and tries them at once.
    pub fn set_config(&self, config: LrsConfig) {
        {
            let mut g = self.shared.lock();
            g.status.configured = config.is_set();
            g.config = config;
        }
        self.nudge(Nudge::Force);
    }

    fn nudge(&self, n: Nudge) {
        let mut g = self.shared.lock();
        g.nudge = g.nudge.max(Some(n));
        drop(g);
        self.shared.changed.notify_all();
    }

    /// Waits until more than `rounds` rounds have finished, at most `timeout`; returns the status
    /// then. For tests and for a command that wants to wait for the first round.
    pub fn wait_rounds(&self, rounds: u64, timeout: Duration) -> SyncerStatus {
        let deadline = Instant::now() + timeout;
        let mut g = self.shared.lock();
        while g.status.rounds <= rounds {
            let now = Instant::now();
            if now >= deadline || self.thread.is_none() {
                break;
            }
            g = self
                .shared
                .changed
                .wait_timeout(g, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        g.status.clone()
    }
}

impl Drop for Syncer {
    fn drop(&mut self) {
        self.shared.lock().stop = true;
        self.shared.changed.notify_all();
        if let Some(t) = self.thread.take() {
            // A panic in the thread has nothing left to clean up: the outbox is in the file.
            let _ = t.join();
        }
    }
}

/// How long to sleep after a round: until the backoff ends, or the interval.
fn sleep_after(status: &SyncerStatus, interval: Duration) -> Duration {
    let Some(next) = status.outbox.next_try.filter(|_| status.configured) else {
        return interval;
    };
    let wait = (next - chrono::Utc::now())
        .to_std()
        .unwrap_or(Duration::ZERO);
    wait.min(interval)
}

/// The thread: wait for a reason, run a round, publish the status; until asked to stop.
fn run(shared: &Shared, path: &std::path::Path, options: SyncerOptions) {
    let mut outbox: Option<Outbox> = None;
    loop {
        let (config, force) = {
            let mut g = shared.lock();
            let deadline = Instant::now() + sleep_after(&g.status, options.interval);
            loop {
                if g.stop {
                    return;
                }
                if let Some(n) = g.nudge.take() {
                    break (g.config.clone(), n == Nudge::Force);
                }
                let now = Instant::now();
                if now >= deadline {
                    break (g.config.clone(), false);
                }
                g = shared
                    .changed
                    .wait_timeout(g, deadline - now)
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
            }
        };
        shared.lock().status.sending = config.is_set();
        let (outbox_status, error, more) = round(&mut outbox, path, &config, force, options);
        let mut g = shared.lock();
        g.status.sending = false;
        g.status.configured = g.config.is_set();
        if let Some(s) = outbox_status {
            g.status.outbox = s;
        }
        g.status.error = error;
        g.status.rounds += 1;
        if more {
            // The round stopped at its batch limit with more to send: go on, after looking at stop.
            g.nudge = g.nudge.max(Some(Nudge::Soft));
        }
        drop(g);
        shared.changed.notify_all();
    }
}

/// One round: opens the outbox when needed, sends what the backoff allows, reads the status.
/// Returns the status (when the outbox could be read), the error, and whether more is ready to send.
fn round(
    outbox: &mut Option<Outbox>,
    path: &std::path::Path,
    config: &LrsConfig,
    force: bool,
    options: SyncerOptions,
) -> (Option<OutboxStatus>, Option<SyncError>, bool) {
    if outbox.is_none() {
        if !path.exists() {
            // The game runs without its file (a store it could not open): never create one here.
            return (
                None,
                Some(SyncError::Store(format!("{} is missing", path.display()))),
                false,
            );
        }
        match Outbox::open(path) {
            Ok(o) => *outbox = Some(o),
            Err(e) => return (None, Some(SyncError::Store(e.to_string())), false),
        }
    }
    let Some(o) = outbox.as_mut() else {
        return (None, None, false);
    };
    let mut error = None;
    let mut more = false;
    if config.is_set() {
        let client = LrsClient::with_timeout(config.clone(), options.timeout);
        let opts = SyncOptions {
            batch: options.batch,
            max_batches: Some(options.max_batches.max(1)),
            force,
            now: chrono::Utc::now(),
        };
        match o.sync(&client, &opts) {
            Ok(r) => {
                more = r.error.is_none() && !r.waited && r.pending > 0 && r.sent + r.duplicate > 0;
                error = r.error.map(SyncError::Lrs);
            }
            Err(e) => {
                // Reopen next round: the file may have been replaced by a restore.
                *outbox = None;
                return (None, Some(SyncError::Store(e.to_string())), false);
            }
        }
    }
    match o.status() {
        Ok(s) => (Some(s), error, more),
        Err(e) => {
            *outbox = None;
            (None, Some(SyncError::Store(e.to_string())), false)
        }
    }
}
