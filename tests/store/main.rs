//! Store tests: round-trips, resume, migrations, damaged files, export and import, and a child process
//! killed with SIGKILL while it saves. They talk to real SQLite files in temporary folders.
//! One binary with modules, because every test binary links the whole crate.

mod common;
mod damaged;
mod kill;
mod migrations;
mod resume;
mod roundtrip;
mod transfer;
