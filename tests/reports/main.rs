//! Report, xAPI, outbox, queue, syncer and LRS-settings tests, on real SQLite files. The LRS tests talk to a real Ralph on 127.0.0.1 and are ignored
//! by a plain `cargo test`; `.ci/run` installs Ralph and runs them with `--ignored`.

mod common;
mod csv;
mod html;
mod lrs;
mod outbox;
mod queue;
mod settings;
mod store;
mod xapi;
