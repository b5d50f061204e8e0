//! Team sessions: a room of people voting from their phones while the projector shows the game.
//!
//! `room` holds the rules (participants, teams, votes, reveal, quiz points) with no network, so the
//! game can also run a session from the trainer's keyboard alone. `session` plays a scenario or a
//! quiz round with those rules and keeps the record. `server` is the phone web server that feeds the
//! same rules from HTTP, and `page` renders the phone page. `map` lays out a scenario's branching
//! for the projector's path map, with the room's path and the best one.
pub mod map;
pub mod page;
pub mod room;
pub mod server;
pub mod session;
