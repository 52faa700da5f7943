//! The cooperation map: the meetings between agencies, who attends them, how useful they are,
//! and the network of actors they make. Pure: a [`Network`] parsed from its input, and its
//! [`measures`], computed with petgraph's and rustworkx-core's algorithms over a compact
//! adjacency of the actors.
//!
//! Two actors are tied when they attend at least one meeting together; every actor measure is
//! on that actor–actor network. See the definitions beside each field of [`Measures`].

mod adjacency;
pub mod break_points;
pub mod comparison;
pub mod interview;
pub mod inventory;
pub mod measures;
pub mod network;
pub mod suggestions;
pub mod survey;

#[cfg(test)]
mod tests;

pub use measures::{measures, Brokerage, Measures};
pub use network::{Agency, Level, Network, NetworkError, NetworkInput};
pub use suggestions::{suggestions, usefulness_by_agency, Suggestion};
