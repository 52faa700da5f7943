//! HTML views (maud): the page layout, form helpers, and shared pieces.

pub mod charts;
pub mod confirm;
pub mod document;
pub mod forms;
pub mod layout;
pub mod work;
