//! Engine integration tests: the runner, scoring, the debrief, the validator and the shipped content.
//! One binary with modules, because every test binary links the whole crate.

mod catalog;
mod cli;
mod common;
mod debrief;
mod files;
mod properties;
mod quiz;
mod runner;
mod shipped;
mod validator;
