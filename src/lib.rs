//! Client First: a customer-service training game. The `engine` module is pure Rust and holds nearly
//! all logic; `cli` is the command line over it.
pub mod cli;
pub mod engine;
