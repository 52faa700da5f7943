//! The page frame every page shares: skip link, header, navigation, language picker, footer.

use axum::http::StatusCode;
use maud::{html, Markup, DOCTYPE};
use parat_core::locale::Locale;

use crate::assets::{HTMX_PATH, ICON_PATH, SCRIPT_PATH, STYLESHEET_PATH};
use crate::i18n;
use crate::Ctx;

/// Which main navigation item a page belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Home,
    Initiatives,
    Maps,
    Outcomes,
    Portfolio,
    Organisations,
    Members,
    Audit,
    Account,
    None,
}

fn head(locale: Locale, title: &str) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            meta name="htmx-config" content=r#"{"includeIndicatorStyles":false,"scrollIntoViewOnBoost":false}"#;
            title { (title) " – Parat" }
            link rel="stylesheet" href=(STYLESHEET_PATH);
            link rel="icon" href=(ICON_PATH) type="image/svg+xml";
            script src=(HTMX_PATH) defer {}
            script src=(SCRIPT_PATH) defer {}
            meta name="description" content=(i18n::text(locale, "app-tagline"));
        }
    }
}

/// A full page for a visitor or a logged-in person.
pub fn page(ctx: &Ctx, title: &str, nav: Nav, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(ctx.locale.key()) {
            (head(ctx.locale, title))
            body {
                a.skip-link href="#main" { (ctx.t("skip-to-content")) }
                header.site-header {
                    div.header-inner {
                        a.brand href="/" { "Parat" }
                        @if let Some(user) = &ctx.user {
                            @if let Some(current) = &user.current {
                                p.current-org {
                                    span.visually-hidden { (ctx.t("current-organisation")) ": " }
                                    (current.name)
                                    @if user.membership_count > 1 {
                                        " · " a href="/organisations" { (ctx.t("switch-organisation")) }
                                    }
                                }
                            }
                        }
                        (language_picker(ctx))
                        @if let Some(user) = &ctx.user {
                            form.logout method="post" action="/logout" {
                                input type="hidden" name="csrf" value=(ctx.csrf_token());
                                span.user-name { (user.display_name) }
                                button.link-button type="submit" { (ctx.t("log-out")) }
                            }
                        }
                    }
                    @if ctx.user.is_some() { (navigation(ctx, nav)) }
                }
                main #main tabindex="-1" {
                    (body)
                }
                footer.site-footer {
                    p { (ctx.t("app-tagline")) }
                }
            }
        }
    }
}

fn navigation(ctx: &Ctx, active: Nav) -> Markup {
    let current = ctx.user.as_ref().and_then(|u| u.current.as_ref());
    let is_admin = current.is_some_and(|c| c.role.can_administer());
    let has_member_orgs = current.is_some_and(|c| c.has_member_orgs);
    let items: Vec<(Nav, &str, String)> = [
        Some((Nav::Home, "/", ctx.t("nav-home"))),
        Some((Nav::Initiatives, "/initiatives", ctx.t("nav-initiatives"))),
        Some((Nav::Maps, "/maps", ctx.t("nav-maps"))),
        Some((Nav::Outcomes, "/outcomes", ctx.t("nav-outcomes"))),
        has_member_orgs.then(|| (Nav::Portfolio, "/portfolio", ctx.t("nav-portfolio"))),
        Some((Nav::Organisations, "/organisations", ctx.t("nav-organisations"))),
        is_admin.then(|| (Nav::Members, "/members", ctx.t("nav-members"))),
        is_admin.then(|| (Nav::Audit, "/audit", ctx.t("nav-audit"))),
        Some((Nav::Account, "/account", ctx.t("nav-account"))),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        nav.main-nav aria-label=(ctx.t("nav-label")) {
            ul {
                @for (nav, href, label) in items {
                    li {
                        @if nav == active {
                            a href=(href) aria-current="page" { (label) }
                        } @else {
                            a href=(href) { (label) }
                        }
                    }
                }
            }
        }
    }
}

/// A form that changes the language. It changes on the button, not on selection, so that
/// moving through the list with the keyboard does not reload the page (WCAG 3.2.2).
fn language_picker(ctx: &Ctx) -> Markup {
    html! {
        form.language-picker method="post" action="/language" {
            input type="hidden" name="csrf" value=(ctx.csrf_token());
            input type="hidden" name="return_to" value=(ctx.path);
            label for="language-select" { (ctx.t("language")) }
            select #language-select name="locale" {
                @for locale in Locale::ALL {
                    option value=(locale.key()) lang=(locale.key()) selected[*locale == ctx.locale] { (locale.native_name()) }
                }
            }
            button.small type="submit" { (ctx.t("language-change")) }
        }
    }
}

/// The page for an error, in the visitor's language.
pub fn error_page(locale: Locale, status: StatusCode, code: &str) -> Markup {
    let key = code.replace('_', "-");
    let title = i18n::text(locale, &format!("error-{key}-title"));
    let message = i18n::text(locale, &format!("error-{key}"));
    html! {
        (DOCTYPE)
        html lang=(locale.key()) {
            (head(locale, &title))
            body {
                a.skip-link href="#main" { (i18n::text(locale, "skip-to-content")) }
                header.site-header { div.header-inner { a.brand href="/" { "Parat" } } }
                main #main tabindex="-1" {
                    h1 { (title) }
                    p { (message) }
                    p.status-code { (i18n::text(locale, "error-status")) " " (status.as_u16()) }
                    p { a href="/" { (i18n::text(locale, "error-go-home")) } }
                }
            }
        }
    }
}

/// The notices a redirect may ask for (`?notice=…`); each is `notice-<key>` in the Fluent files.
pub const NOTICES: &[&str] = &[
    "saved",
    "erased",
    "initiative-created",
    "organisation-created",
    "assessment-created",
    "status-advanced",
    "informant-added",
    "interview-created",
    "consensus-saved",
    "instrument-loaded",
    "framework-loaded",
    "assessment-reopened",
    "password-changed",
    "password-reset",
    "action-added",
    "action-done",
    "archived",
    "restored",
    "language-changed",
    "member-added",
    "member-updated",
    "member-removed",
    "token-revoked",
    "switched",
    "last-admin",
    "token-created",
    "submitted",
    "informant-erased",
    "qn-round-created",
    "qn-respondents-added",
    "qn-link-replaced",
    "qn-closed-notice",
    "qn-reopened-notice",
    "qn-saved-notice",
    "qn-loaded",
    "qn-item-removed",
    "qn-too-fast",
    "qn-renamed",
    "qn-entered",
    "costs-imported",
];

/// A notice shown once after a redirect (`?notice=…`), announced to screen readers.
pub fn notice(ctx: &Ctx, key: Option<&str>) -> Markup {
    html! {
        @if let Some(key) = key.filter(|k| NOTICES.contains(k)) {
            div.notice role="status" { (ctx.t(&format!("notice-{key}"))) }
        }
    }
}
