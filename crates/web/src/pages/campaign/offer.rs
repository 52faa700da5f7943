//! An offered organisation's side: the offer as the board wrote it, with the terms and what the
//! organisation pays; interest in one topic with a contact person, suggested key informants'
//! roles and preferred weeks, or no thanks; and the open offers on its home page.

use parat_core::campaign::county::Sharing;
use parat_core::campaign::{InterestInput, Response as Answer};
use parat_store::campaign::Offer;

use super::*;
use crate::views::work::WorkEntry;

/// The offer's interest form as typed, or as registered.
fn interest_input(offer: &Offer) -> InterestInput {
    match &offer.interest {
        Some(i) => InterestInput {
            topic: i.topic.key().to_owned(),
            contact_name: i.contact_name.clone(),
            contact_email: i.contact_email.clone(),
            informant_roles: i.informant_roles.clone(),
            preferred_weeks: i.preferred_weeks.clone(),
        },
        None => InterestInput::default(),
    }
}

async fn offer_view(
    state: &AppState,
    member: &Member,
    offer_id: i64,
    shown_notice: Option<&str>,
    form: Option<(&InterestInput, &FieldErrors)>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let (campaign, offer) = store::offer(&state.db, &member.scope, offer_id).await?;
    // The board reads an offer on its own board; this page is the offered organisation's.
    if offer.org_id != member.scope.org_id() {
        return Err(AppError::NotFound);
    }
    let can_answer = member.scope.role().can_edit_initiatives() && offer.response != Answer::Approved;
    let registered = interest_input(&offer);
    let no_errors = FieldErrors::new();
    let (input, errors) = form.unwrap_or((&registered, &no_errors));
    let topics: Vec<(String, String)> =
        campaign.topics.iter().map(|t| (t.key().to_owned(), topic_label(ctx, *t))).collect();
    // A questionnaire has no interviews: no key informants to suggest, weeks for the answers.
    let survey = matches!(Method::of(&campaign.instrument_id), Some(Method::Questionnaire(_)));
    let weeks = if survey { ctx.t("campaign-preferred-weeks-survey") } else { ctx.t("campaign-preferred-weeks") };
    let mut labels: Vec<(&str, String)> = [
        ("topic", "campaign-topic"),
        ("contact_name", "campaign-contact-name"),
        ("contact_email", "campaign-contact-email"),
        ("informant_roles", "campaign-informant-roles"),
    ]
    .iter()
    .map(|(field, key)| (*field, ctx.t(key)))
    .collect();
    labels.push(("preferred_weeks", weeks.clone()));
    let status = offer.status();
    let body = html! {
        p.breadcrumb { a href="/campaigns#offers" { (ctx.t("campaign-offers-to-us")) } }
        h1 { (campaign.name) }
        (notice(ctx, shown_notice))
        p { (ctx.t("campaign-your-status")) ": " span class=(format!("badge campaign-{}", status.key())) { (status_label(ctx, status)) } }
        @match offer.measurement() {
            Some(MeasurementRef::Assessment(assessment)) => {
                p { a href=(format!("/assessments/{assessment}")) { (ctx.t("campaign-open-assessment")) } }
            }
            Some(MeasurementRef::Round(round)) => {
                p { (ctx.t("campaign-round-lead")) }
                p { a href=(format!("/rounds/{round}")) { (ctx.t("campaign-open-round")) } }
            }
            None => {}
        }
        @if campaign.report_sharing != Sharing::NotShared && matches!(status, OfferStatus::Reported | OfferStatus::FeedbackHeld) {
            p { a href=(format!("/campaigns/{}/county", campaign.id)) { (ctx.t_with("campaign-county-shared-link", &[("owner", campaign.owner_name.clone().into())])) } }
        }
        @if let (Some(measurement), Some((_, contractor))) = (offer.measurement(), &campaign.contractor) {
            @let survey = matches!(measurement, MeasurementRef::Round(_));
            section aria-labelledby="access" {
                h2 #access { (ctx.t("campaign-access")) }
                @match team_names(&offer) {
                    None => {
                        @let args = [("contractor", contractor.clone().into())];
                        p { (if survey { ctx.t_with("campaign-access-unassigned-survey", &args) } else { ctx.t_with("campaign-access-unassigned", &args) }) }
                    }
                    Some(names) => {
                        @let args = [("name", names.into()), ("contractor", contractor.clone().into())];
                        p { (match (offer.access_granted, survey) {
                            (true, false) => ctx.t_with("campaign-access-granted", &args),
                            (false, false) => ctx.t_with("campaign-access-asked", &args),
                            (true, true) => ctx.t_with("campaign-access-granted-survey", &args),
                            (false, true) => ctx.t_with("campaign-access-asked-survey", &args),
                        }) }
                        @if member.scope.role().can_edit_initiatives() {
                            form.inline method="post" action=(format!("/offers/{offer_id}/access")) {
                                (csrf(ctx))
                                @if offer.access_granted {
                                    input type="hidden" name="grant" value="";
                                    button.secondary type="submit" { (ctx.t("campaign-access-withdraw")) }
                                } @else {
                                    input type="hidden" name="grant" value="1";
                                    button.primary type="submit" { (ctx.t("campaign-access-grant")) }
                                }
                            }
                        }
                    }
                }
            }
        }
        (feedback_section(ctx, &offer))
        section aria-labelledby="offer-text" {
            h2 #offer-text { (ctx.t("campaign-offer-text")) }
            p.preserve-lines { (campaign.offer_text) }
            (terms(ctx, &campaign))
        }
        @if can_answer {
            section aria-labelledby="interest" {
                h2 #interest { (ctx.t("campaign-interest")) }
                (error_summary(ctx, errors, &labels))
                form.stacked method="post" action=(format!("/offers/{offer_id}/interest")) novalidate {
                    (csrf(ctx))
                    (forms::select(ctx, Field::new(ctx, "topic", "campaign-topic", errors).required(), &topics, &input.topic, Some(ctx.t("choose"))))
                    (forms::input(ctx, Field::new(ctx, "contact_name", "campaign-contact-name", errors).required(), "text", &input.contact_name, Some("name")))
                    (forms::input(ctx, Field::new(ctx, "contact_email", "campaign-contact-email", errors).required(), "email", &input.contact_email, Some("email")))
                    @if !survey {
                        (forms::textarea(ctx, Field::new(ctx, "informant_roles", "campaign-informant-roles", errors).hint(ctx.t("campaign-informant-roles-hint")), &input.informant_roles))
                    }
                    (forms::input(ctx, Field::labelled("preferred_weeks", weeks.clone(), errors).hint(ctx.t("campaign-preferred-weeks-hint")), "text", &input.preferred_weeks, Some("off")))
                    div.actions { button.primary type="submit" { (ctx.t("campaign-register-interest")) } }
                }
                @if offer.response != Answer::Declined {
                    form.inline method="post" action=(format!("/offers/{offer_id}/decline")) {
                        (csrf(ctx))
                        button.secondary type="submit" { (ctx.t("campaign-decline")) }
                    }
                }
            }
        }
    };
    Ok(page(ctx, &campaign.name, Nav::Home, body))
}

pub async fn offer_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    offer_view(&state, &member, id, query.notice.as_deref(), None).await
}

pub async fn register_interest(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<InterestInput>,
) -> Result<Response, AppError> {
    let (campaign, _) = store::offer(&state.db, &member.scope, id).await?;
    let saved = match input.parse(&campaign.topics) {
        Ok(draft) => store::register_interest(&state.db, &member.scope, id, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match saved {
        Ok(()) => Ok(redirect_with_cookies(&format!("/offers/{id}?notice=saved"), &[])),
        Err(StoreError::Invalid(errors)) => {
            Ok(rejected(offer_view(&state, &member, id, None, Some((&input, &errors))).await?))
        }
        Err(StoreError::Closed) => Err(AppError::NotNow(crate::error::NotNow::OfferApproved)),
        Err(other) => Err(other.into()),
    }
}

pub async fn decline_offer(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(_): Submitted<crate::pages::EmptyForm>,
) -> Result<Response, AppError> {
    match store::decline(&state.db, &member.scope, id).await {
        Ok(()) => Ok(redirect_with_cookies(&format!("/offers/{id}?notice=saved"), &[])),
        Err(StoreError::Closed) => Err(AppError::NotNow(crate::error::NotNow::OfferApproved)),
        Err(other) => Err(other.into()),
    }
}

/// The offers still to answer, for the home page's list of work, each by its answer date; and,
/// for a contractor's person, the assessments they have been let into.
pub async fn work_entries(
    state: &AppState,
    ctx: &Ctx,
    scope: &parat_store::OrgScope,
) -> Result<Vec<WorkEntry>, AppError> {
    let today = parat_store::now_date();
    let offers = store::offers_to(&state.db, scope).await?;
    let assignments = store::assignments(&state.db, scope).await?;
    let assigned = assignments.into_iter().map(|(organisation, measurement)| WorkEntry {
        due_on: None,
        overdue: false,
        body: html! {
            a href=(measurement_href(measurement)) { (ctx.t("campaign-work-assignment")) ": " (organisation) }
        },
    });
    Ok(offers
        .into_iter()
        .filter(|(_, offer)| offer.response == Answer::Offered)
        .map(|(campaign, offer)| WorkEntry {
            due_on: campaign.answer_by,
            overdue: campaign.answer_by.is_some_and(|by| by < today),
            body: html! {
                a href=(format!("/offers/{}", offer.id)) { (ctx.t("campaign-work-answer")) ": " (campaign.name) }
                br; span.hint { (campaign.owner_name) }
            },
        })
        .chain(assigned)
        .collect())
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct AccessForm {
    grant: String,
}

/// The organisation lets the contractor's assigned person into its assessment, or withdraws.
pub async fn set_access(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(form): Submitted<AccessForm>,
) -> Result<Response, AppError> {
    let changed = match form.grant.is_empty() {
        false => store::grant_access(&state.db, &member.scope, id).await,
        true => store::withdraw_access(&state.db, &member.scope, id).await,
    };
    match changed {
        Ok(()) => Ok(redirect_with_cookies(&format!("/offers/{id}?notice=saved#access"), &[])),
        Err(StoreError::Closed) => Err(AppError::NotNow(crate::error::NotNow::NoContractorAccess)),
        Err(other) => Err(other.into()),
    }
}
