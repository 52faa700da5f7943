//! The project module's tests, one file per part: events and their attendance, activities, the
//! budget and cost imports, the frame, indicators (typed and counted from outcome ratings),
//! participants, and evaluations. Shared helpers here.

use time::macros::datetime;

use super::*;
use crate::periods::Period;
use crate::{FieldErrors, Problem};

fn utc(at: time::PrimitiveDateTime) -> i64 {
    at.assume_utc().unix_timestamp()
}

fn problems(errors: FieldErrors) -> Vec<(&'static str, Problem)> {
    errors.0.into_iter().map(|e| (e.field, e.problem)).collect()
}

mod activities;
mod budget;
mod cost_import;
mod evaluations;
mod events;
mod frame;
mod indicators;
mod outcome_indicators;
mod participations;
