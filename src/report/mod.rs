//! Results for trainers: printable HTML reports, CSV, and xAPI statements sent to a Learning Record
//! Store through a durable outbox.
//!
//! Input is plain data ([`model::AttemptRecord`]), built from a finished run, from the progress store
//! ([`stored`]), from a JSON file or from statements read back from an LRS; every report is a pure function of it and of
//! the scenario library ([`stats::Context`]). Words come from the shared Fluent catalog
//! (`assets/i18n/*/report.ftl`).

pub mod cli;
pub mod csv_out;
pub mod html;
pub mod live;
pub mod lrs;
pub mod model;
pub mod outbox;
pub mod queue;
pub mod sample;
pub mod stats;
pub mod stored;
pub mod syncer;
pub mod xapi;
