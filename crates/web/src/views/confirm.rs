//! The question asked before an action that cannot be undone. It is a page of its own, not a
//! script dialog, so it works without JavaScript and a screen reader meets it as the heading.

use maud::{html, Markup};

use super::forms::csrf;
use super::layout::{page, Nav};
use crate::Ctx;

/// What the confirmation page asks, and where each answer leads.
pub struct Confirmation<'a> {
    /// The question, e.g. "Remove Bo Ek from the organisation?".
    pub question: String,
    /// What happens, and what stays, in a sentence or two.
    pub consequence: String,
    /// The form the confirming button posts, with its hidden fields.
    pub action: &'a str,
    pub fields: &'a [(&'a str, &'a str)],
    pub confirm_label: String,
    /// Where "cancel" goes back to.
    pub back: &'a str,
}

pub fn confirm_page(ctx: &Ctx, nav: Nav, confirmation: Confirmation) -> Markup {
    let body = html! {
        h1 { (confirmation.question) }
        p { (confirmation.consequence) }
        div.actions {
            form.inline method="post" action=(confirmation.action) {
                (csrf(ctx))
                @for (name, value) in confirmation.fields {
                    input type="hidden" name=(name) value=(value);
                }
                button.danger type="submit" { (confirmation.confirm_label) }
            }
            a.button href=(confirmation.back) { (ctx.t("cancel")) }
        }
    };
    page(ctx, &confirmation.question, nav, body)
}
