//! Parat's integration tests, in one test binary: every suite links the whole application
//! (typst included), so one binary instead of seven keeps a clean build's disk and link time low.
//!
//! Run one suite with a filter, e.g. `cargo test -p parat --test integration -- web::`.

mod common;

mod browser;
mod campaign;
mod cli;
mod cluster;
mod crm;
mod landscape;
mod map;
mod outage;
mod outcomes;
mod project;
mod questionnaire;
mod readiness;
mod store;
mod web;
