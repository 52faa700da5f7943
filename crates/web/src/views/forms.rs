//! Accessible form fields: every input has a label, a hint and an error tied to it with
//! `aria-describedby`, and comes back with what the person typed.

use maud::{html, Markup};
use parat_core::locale::Locale;
use parat_core::{FieldErrors, Problem};

use crate::i18n::{self, FluentValue};
use crate::Ctx;

/// The translated sentence for one problem with a field.
pub fn problem_text(locale: Locale, problem: Problem) -> String {
    let id = format!("problem-{}", problem.code());
    let args: Vec<(&'static str, FluentValue<'static>)> =
        problem.args().into_iter().map(|(name, n)| (name, (n as f64).into())).collect();
    i18n::text_with(locale, &id, &args)
}

/// One field's label, hint, error and control, described once and rendered by [`field`].
pub struct Field<'a> {
    pub name: &'static str,
    pub label: String,
    pub hint: Option<String>,
    pub required: bool,
    pub errors: &'a FieldErrors,
}

impl<'a> Field<'a> {
    pub fn new(ctx: &Ctx, name: &'static str, label_id: &str, errors: &'a FieldErrors) -> Self {
        Field { name, label: ctx.t(label_id), hint: None, required: false, errors }
    }
    /// A field whose label the caller words (one that depends on what the form is for).
    pub fn labelled(name: &'static str, label: String, errors: &'a FieldErrors) -> Self {
        Field { name, label, hint: None, required: false, errors }
    }
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }
    pub fn hint(mut self, text: String) -> Self {
        self.hint = Some(text);
        self
    }
    fn id(&self) -> String {
        format!("f-{}", self.name)
    }
    fn described_by(&self) -> Option<String> {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.id()));
        }
        if self.errors.get(self.name).is_some() {
            ids.push(format!("{}-error", self.id()));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// Label, hint and error around a control that `control` renders with the given attributes.
fn field(ctx: &Ctx, f: &Field, control: Markup) -> Markup {
    let error = f.errors.get(f.name);
    html! {
        div.field.has-error[error.is_some()] {
            label for=(f.id()) {
                (f.label)
                @if f.required { span.required aria-hidden="true" { " *" } }
            }
            @if let Some(hint) = &f.hint { p.hint id=(format!("{}-hint", f.id())) { (hint) } }
            @if let Some(problem) = error {
                p.error-message id=(format!("{}-error", f.id())) {
                    span.visually-hidden { (ctx.t("error-prefix")) ": " }
                    (problem_text(ctx.locale, problem))
                }
            }
            (control)
        }
    }
}

pub fn input(ctx: &Ctx, f: Field, kind: &str, value: &str, autocomplete: Option<&str>) -> Markup {
    let invalid = f.errors.get(f.name).is_some();
    let control = html! {
        input id=(f.id()) name=(f.name) type=(kind) value=(value) required[f.required]
            aria-invalid=[invalid.then_some("true")] aria-describedby=[f.described_by()]
            autocomplete=[autocomplete];
    };
    field(ctx, &f, control)
}

/// A visual-analogue line from `min` to `max` with one decimal (the questionnaire engine's `line`
/// item): a number field that takes a decimal comma, given a slider for touch and mouse by the
/// page's script; the field stays the accessible control.
pub fn line(ctx: &Ctx, f: Field, value: &str, (min, max): (f64, f64)) -> Markup {
    let invalid = f.errors.get(f.name).is_some();
    let control = html! {
        input.line id=(f.id()) name=(f.name) type="text" inputmode="decimal" value=(value) required[f.required]
            aria-invalid=[invalid.then_some("true")] aria-describedby=[f.described_by()] autocomplete="off" size="6"
            data-line-min=(min) data-line-max=(max) data-line-step="0.1";
    };
    field(ctx, &f, control)
}

pub fn textarea(ctx: &Ctx, f: Field, value: &str) -> Markup {
    let invalid = f.errors.get(f.name).is_some();
    let control = html! {
        textarea id=(f.id()) name=(f.name) rows="5" required[f.required]
            aria-invalid=[invalid.then_some("true")] aria-describedby=[f.described_by()] { (value) }
    };
    field(ctx, &f, control)
}

/// A select whose options are `(value, label)`; `selected` is what the person chose or typed.
pub fn select(
    ctx: &Ctx,
    f: Field,
    options: &[(String, String)],
    selected: &str,
    empty_label: Option<String>,
) -> Markup {
    let invalid = f.errors.get(f.name).is_some();
    let control = html! {
        select id=(f.id()) name=(f.name) required[f.required]
            aria-invalid=[invalid.then_some("true")] aria-describedby=[f.described_by()] {
            @if let Some(empty) = empty_label { option value="" { (empty) } }
            @for (value, label) in options {
                option value=(value) selected[value == selected] { (label) }
            }
        }
    };
    field(ctx, &f, control)
}

/// A group of checkboxes in a fieldset with a legend.
pub fn checkboxes(ctx: &Ctx, f: Field, options: &[(String, String)], checked: &[String]) -> Markup {
    let error = f.errors.get(f.name);
    html! {
        fieldset.field.checkboxes.has-error[error.is_some()] id=(f.id()) aria-describedby=[f.described_by()] {
            legend { (f.label) }
            @if let Some(hint) = &f.hint { p.hint id=(format!("{}-hint", f.id())) { (hint) } }
            @if let Some(problem) = error {
                p.error-message id=(format!("{}-error", f.id())) {
                    span.visually-hidden { (ctx.t("error-prefix")) ": " }
                    (problem_text(ctx.locale, problem))
                }
            }
            div.checkbox-list {
                @for (i, (value, label)) in options.iter().enumerate() {
                    div.checkbox {
                        input type="checkbox" id=(format!("{}-{i}", f.id())) name=(f.name) value=(value) checked[checked.contains(value)];
                        label for=(format!("{}-{i}", f.id())) { (label) }
                    }
                }
            }
        }
    }
}

/// The list of problems at the top of a form, each linking to its field.
pub fn error_summary(ctx: &Ctx, errors: &FieldErrors, labels: &[(&str, String)]) -> Markup {
    html! {
        @if !errors.is_empty() {
            div.error-summary #error-summary role="alert" tabindex="-1" aria-labelledby="error-summary-title" {
                h2 #error-summary-title { (ctx.t("error-summary-title")) }
                ul {
                    @for e in &errors.0 {
                        li {
                            a href=(format!("#f-{}", e.field)) {
                                @if let Some((_, label)) = labels.iter().find(|(name, _)| *name == e.field) {
                                    (label) ": "
                                }
                                (problem_text(ctx.locale, e.problem))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The hidden CSRF field every form carries.
pub fn csrf(ctx: &Ctx) -> Markup {
    html! { input type="hidden" name="csrf" value=(ctx.csrf_token()); }
}

/// A button in its own small form, for actions such as archive or remove.
pub fn action_button(ctx: &Ctx, action: &str, label: &str, class: &str) -> Markup {
    html! {
        form.inline method="post" action=(action) {
            (csrf(ctx))
            button type="submit" class=(class) { (label) }
        }
    }
}
