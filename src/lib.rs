//! Client First: a customer-service training game. The `engine` module is pure Rust and holds nearly
//! all logic; `i18n` is the one catalog of interface texts; `cli` is the command line over it; `game`
//! is the Bevy app.
pub mod cli;
pub mod engine;
#[cfg(feature = "game")]
pub mod game;
pub mod i18n;
