//! The `parat` binary's wiring: configuration, the server, and the command-line tasks.
//! Kept as a library so that the integration tests start exactly what users start.

pub mod cli;
pub mod config;
pub mod questionnaire;
pub mod server;
