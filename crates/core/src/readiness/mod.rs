//! Readiness assessments: the Community Readiness Model's scoring, stages and agreement
//! between scorers, and instrument definitions as data.
//!
//! All arithmetic that decides a stage is exact (integers and fractions), so floating-point
//! error can never move a score across a stage boundary.

pub mod action;
pub mod agreement;
pub mod assessment;
pub mod fraction;
pub mod instrument;
pub mod scoring;
pub mod sheet;

pub use fraction::Fraction;
pub use scoring::{Edition, HalfPoints};
