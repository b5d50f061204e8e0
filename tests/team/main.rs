//! Team-session tests: the phone server's API over real HTTP on 127.0.0.1, the phone page in a
//! real browser, and the projector's path map. One binary with modules, because every test binary
//! links the whole crate.

mod api;
mod browser;
mod common;
mod map;
mod session;
