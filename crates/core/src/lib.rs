//! Parat's pure core: the domain's values and rules, with no I/O and no async.
//!
//! Raw input (form fields, JSON, CLI arguments) is parsed into the types of this crate at the edge;
//! everything inside the application works with values that cannot be invalid.

pub mod account;
pub mod campaign;
mod choice;
pub mod initiative;
pub mod landscape;
pub mod locale;
pub mod map;
pub mod money;
pub mod organisation;
pub mod outcomes;
pub mod owner;
pub mod participant;
pub mod periods;
pub mod project;
pub mod questionnaire;
pub mod raw_id;
pub mod readiness;
pub mod table;
pub mod validation;

pub use validation::{FieldError, FieldErrors, Problem};
