//! The pure engine: scenario model, loading, runner, scoring, debrief and validator. No Bevy here.
//!
//! Data flows one way: RON → validated [`model::Scenario`] → [`run::Run`] → [`run::Outcome`] →
//! [`debrief::Debrief`].

pub mod analysis;
pub mod debrief;
pub mod diag;
pub mod graph;
pub mod library;
pub mod load;
pub mod model;
pub mod progress;
pub mod quiz;
pub mod report;
pub mod run;
pub mod score;
pub mod source;
pub mod spans;
pub mod text;
pub mod validate;
