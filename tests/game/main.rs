//! Tests of the game without a window: headless Bevy apps (MinimalPlugins + StatesPlugin) driven
//! through actions and keys, and the egui views driven with egui_kittest.

mod common;
mod flow;
mod keys;
mod profiles;
mod projector;
mod quiz;
mod results;
mod saves;
mod settings;
mod team;
mod views;
