//! Rating on the participant's own phone through a one-time link: no login, nothing that names
//! the participant, the scales their practitioner asked for as lines to mark (a number field
//! without JavaScript). Sent once, it records one session dated today, and the practitioner's
//! page shows it at once.

use axum::response::IntoResponse;
use parat_core::outcomes::entry::{phone_entry, SessionInput};
use parat_core::outcomes::AgeGroup;
use parat_store::outcomes::OpenLink;
use parat_store::Secret;

use super::participant::{mark_labels, scale_fields};
use super::*;
use crate::pages::questionnaire::message_page;

fn unknown_link(ctx: &Ctx) -> Response {
    message_page(ctx, axum::http::StatusCode::NOT_FOUND, "outcomes-phone-unknown-title", "outcomes-phone-unknown")
}

/// The link when it still works; `None` for anything else, told apart from nothing.
async fn link_of(state: &AppState, token: &str) -> Result<Option<(Secret, OpenLink)>, AppError> {
    let Some(secret) = Secret::from_client(token) else { return Ok(None) };
    match outcomes::open_link(&state.db, &secret).await {
        Ok(link) => Ok(Some((secret, link))),
        Err(StoreError::NotFound) => Ok(None),
        Err(other) => Err(other.into()),
    }
}

fn rating_page(ctx: &Ctx, token: &str, link: &OpenLink, input: &SessionInput, errors: &FieldErrors) -> Markup {
    use parat_core::outcomes::Scale;
    let labels = mark_labels(ctx);
    let age_group: AgeGroup = link.age_group;
    let values = |scale: Scale| match scale {
        Scale::Outcome => [&*input.ors_1, &input.ors_2, &input.ors_3, &input.ors_4, ""],
        Scale::Session => [&*input.srs_1, &input.srs_2, &input.srs_3, &input.srs_4, ""],
    };
    let body = html! {
        h1 { (ctx.t("outcomes-phone-title")) }
        p.lead { (ctx.t("outcomes-phone-lead")) }
        (error_summary(ctx, errors, &labels))
        form.stacked.phone-rating method="post" action=(format!("/r/{token}")) novalidate {
            (csrf(ctx))
            @for scale in link.asked.scales() {
                @if let Some(definition) = parat_core::outcomes::scales::definition(*scale, age_group, false) {
                    p { (definition.description.get(ctx.locale)) }
                }
                (scale_fields(ctx, *scale, age_group, values(*scale), errors, false))
            }
            div.actions { button.primary type="submit" { (ctx.t("outcomes-phone-send")) } }
        }
    };
    page(ctx, &ctx.t("outcomes-phone-title"), Nav::None, body)
}

pub async fn phone_page(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Path(token): axum::extract::Path<String>,
) -> Result<Response, AppError> {
    let Some((_, link)) = link_of(&state, &token).await? else { return Ok(unknown_link(&ctx)) };
    Ok(rating_page(&ctx, &token, &link, &SessionInput::default(), &FieldErrors::new()).into_response())
}

pub async fn phone_rating(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Path(token): axum::extract::Path<String>,
    Submitted(input): Submitted<SessionInput>,
) -> Result<Response, AppError> {
    let Some((secret, link)) = link_of(&state, &token).await? else { return Ok(unknown_link(&ctx)) };
    if !state.answer_limiter.allow(&ctx.client_address, std::time::Instant::now()) {
        return Ok((
            axum::http::StatusCode::TOO_MANY_REQUESTS,
            rating_page(&ctx, &token, &link, &input, &FieldErrors::new()),
        )
            .into_response());
    }
    let today = parat_store::now_date();
    let entry = match phone_entry(&input, link.asked, today) {
        Ok(entry) => entry,
        Err(errors) => return Ok(rejected(rating_page(&ctx, &token, &link, &input, &errors))),
    };
    match outcomes::rate_by_link(&state.db, &secret, &entry.ratings, today).await {
        Ok(_) => {
            Ok(message_page(&ctx, axum::http::StatusCode::OK, "outcomes-phone-thanks-title", "outcomes-phone-thanks"))
        }
        // Used meanwhile (the same form sent twice) or withdrawn: one session is stored.
        Err(StoreError::NotFound | StoreError::Closed) => Ok(unknown_link(&ctx)),
        Err(other) => Err(other.into()),
    }
}
