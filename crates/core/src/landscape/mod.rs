//! The implementation landscape of an initiative: a framework of levels and factors (data, not
//! code), how each factor stands for this initiative, the reflection checklist, and how both
//! have changed between two dates.

pub mod analysis;
pub mod framework;
pub mod goals;
pub mod history;
pub mod plan;
pub mod stakeholders;
pub mod theory;

pub use analysis::{FactorDraft, FactorInput, FactorState, QuestionDraft, QuestionInput, QuestionStatus};
pub use framework::{builtin_framework, Framework, FrameworkError};
