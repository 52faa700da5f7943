//! The board follows one organisation: its interest, its measurement's status, whether its share
//! is invoiced, and the feedback meeting, whose decided actions become the assessment's plan;
//! and the campaign's money for the finance office.

use parat_core::campaign::{campaign_costs, cost_split, FeedbackInput, Response as Answer};
use parat_reports::xlsx::{self, Cell};
use parat_store::campaign::Offer;
use serde::Deserialize;

use super::*;
use crate::pages::{blocking, download, XLSX};

/// An offer of the scope's campaign `id`, as the board reads it.
async fn board_offer(state: &AppState, member: &Member, id: i64, offer_id: i64) -> Result<(Campaign, Offer), AppError> {
    let (campaign, offer) = store::offer(&state.db, &member.scope, offer_id).await?;
    if campaign.id != id || campaign.org_id != member.scope.org_id() {
        return Err(AppError::NotFound);
    }
    Ok((campaign, offer))
}

/// The feedback meeting as recorded, for the board's page and the organisation's own.
pub fn feedback_section(ctx: &Ctx, offer: &Offer) -> Markup {
    let Some(feedback) = &offer.feedback else { return html! {} };
    html! {
        section aria-labelledby="feedback" {
            h2 #feedback { (ctx.t("campaign-feedback")) }
            dl.details {
                dt { (ctx.t("campaign-feedback-held-on")) } dd { (ctx.locale.format_date(feedback.held_on)) }
                @for (key, text) in [
                    ("campaign-feedback-attended", &feedback.attended),
                    ("campaign-feedback-strengths", &feedback.strengths),
                    ("campaign-feedback-concerns", &feedback.concerns),
                    ("campaign-feedback-resources", &feedback.resources),
                    ("campaign-feedback-actions", &feedback.actions),
                ] {
                    @if !text.is_empty() { dt { (ctx.t(key)) } dd.preserve-lines { (text) } }
                }
            }
        }
    }
}

async fn follow_view(
    state: &AppState,
    member: &Member,
    (id, offer_id): (i64, i64),
    shown_notice: Option<&str>,
    form: Option<(&FeedbackInput, &FieldErrors)>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let (campaign, offer) = board_offer(state, member, id, offer_id).await?;
    let can_manage = member.scope.role().can_edit_initiatives();
    let status = offer.status();
    let (_, own) = cost_split(campaign.price, campaign.board_share);
    let empty = (FeedbackInput::default(), FieldErrors::new());
    let (input, errors) = form.unwrap_or((&empty.0, &empty.1));
    let labels: Vec<(&str, String)> = [
        ("held_on", "campaign-feedback-held-on"),
        ("attended", "campaign-feedback-attended"),
        ("strengths", "campaign-feedback-strengths"),
        ("concerns", "campaign-feedback-concerns"),
        ("resources", "campaign-feedback-resources"),
        ("actions", "campaign-feedback-actions"),
    ]
    .iter()
    .map(|(field, key)| (*field, ctx.t(key)))
    .collect();
    let action = |what: &str| format!("/campaigns/{id}/offers/{offer_id}/{what}");
    let people = match (can_manage, offer.measurement()) {
        (true, Some(_)) => store::contractor_people(&state.db, &campaign).await?,
        _ => Vec::new(),
    };
    let survey = matches!(Method::of(&campaign.instrument_id), Some(Method::Questionnaire(_)));
    let people: Vec<(String, String)> = people.into_iter().map(|(id, name)| (id.to_string(), name)).collect();
    let assigned = |person: &Option<(i64, String)>| person.as_ref().map(|(id, _)| id.to_string()).unwrap_or_default();
    let body = html! {
        p.breadcrumb { a href=(format!("/campaigns/{id}")) { (campaign.name) } }
        h1 { (offer.org_name) }
        (notice(ctx, shown_notice))
        p {
            (ctx.t("campaign-letter")) ": "
            a href=(action("letter/pdf")) download { "PDF" } " · "
            a href=(action("letter/docx")) download { "Word" }
        }
        // The measurement's report, once reported: the board reads it as any parent reads a
        // member organisation's (stages and strategies, never interviews), for the feedback.
        @if matches!(status, OfferStatus::Reported | OfferStatus::FeedbackHeld) {
            @match offer.measurement() {
                Some(MeasurementRef::Assessment(assessment)) => {
                    p { a href=(format!("/portfolio/{assessment}")) { (ctx.t("campaign-measurement-report")) } }
                }
                // A parent reads its members' readiness surveys as means, in the portfolio.
                Some(MeasurementRef::Round(_)) => {
                    p { a href="/portfolio#surveys" { (ctx.t("campaign-survey-results")) } }
                }
                None => {}
            }
        }
        dl.details {
            dt { (ctx.t("campaign-status")) }
            dd { span class=(format!("badge campaign-{}", status.key())) { (status_label(ctx, status)) } }
            @if let Some(interest) = &offer.interest {
                dt { (ctx.t("campaign-topic")) } dd { (topic_label(ctx, interest.topic)) }
                dt { (ctx.t("campaign-contact")) } dd { (interest.contact_name) " <" (interest.contact_email) ">" }
                @if !interest.informant_roles.is_empty() {
                    dt { (ctx.t("campaign-informant-roles")) } dd.preserve-lines { (interest.informant_roles) }
                }
                @if !interest.preferred_weeks.is_empty() {
                    dt { (if survey { ctx.t("campaign-preferred-weeks-survey") } else { ctx.t("campaign-preferred-weeks") }) }
                    dd { (interest.preferred_weeks) }
                }
            }
            dt { (ctx.t("campaign-organisation-pays")) } dd { (own.format(ctx.locale)) " kr" }
            dt { (ctx.t("campaign-invoiced")) }
            dd { (offer.invoiced_on.map(|d| ctx.locale.format_date(d)).unwrap_or_else(|| ctx.t("campaign-not-invoiced"))) }
        }
        @if can_manage && offer.response == Answer::Approved {
            form.inline method="post" action=(action("invoiced")) {
                (csrf(ctx))
                @if offer.invoiced_on.is_some() {
                    input type="hidden" name="invoiced" value="";
                    button.secondary type="submit" { (ctx.t("campaign-invoiced-undo")) }
                } @else {
                    input type="hidden" name="invoiced" value="1";
                    button type="submit" { (ctx.t("campaign-invoiced-mark")) }
                }
            }
        }
        @if let Some((_, contractor)) = &campaign.contractor {
            @if offer.measurement().is_some() {
                section aria-labelledby="contractor" {
                    h2 #contractor { (ctx.t("campaign-contractor")) ": " (contractor) }
                    p { (match (team_names(&offer), offer.access_granted) {
                        (None, _) => ctx.t("campaign-contractor-unassigned"),
                        (Some(names), true) => match survey {
                            true => ctx.t_with("campaign-contractor-access-survey", &[("name", names.into())]),
                            false => ctx.t_with("campaign-contractor-access", &[("name", names.into())]),
                        },
                        (Some(names), false) => ctx.t_with("campaign-contractor-waiting", &[("name", names.into())]),
                    }) }
                    @if !survey && offer.contractor_person.is_some() && offer.second_scorer.is_none() {
                        p.hint { (ctx.t("campaign-contractor-no-second")) }
                    }
                    @if !people.is_empty() {
                        form.stacked method="post" action=(action("contractor")) {
                            (csrf(ctx))
                            @let no_errors = FieldErrors::new();
                            @let (first, second) = match survey {
                                true => (
                                    Field::labelled("contractor_user_id", ctx.t("campaign-contractor-person-survey"), &no_errors).hint(ctx.t("campaign-contractor-person-hint-survey")),
                                    Field::labelled("second_user_id", ctx.t("campaign-contractor-second-survey"), &no_errors).hint(ctx.t("campaign-contractor-second-hint-survey")),
                                ),
                                false => (
                                    Field::new(ctx, "contractor_user_id", "campaign-contractor-person", &no_errors).hint(ctx.t("campaign-contractor-person-hint")),
                                    Field::new(ctx, "second_user_id", "campaign-contractor-second", &no_errors).hint(ctx.t("campaign-contractor-second-hint")),
                                ),
                            };
                            (forms::select(ctx, first, &people, &assigned(&offer.contractor_person), Some(ctx.t("choose"))))
                            (forms::select(ctx, second, &people, &assigned(&offer.second_scorer), Some(ctx.t("campaign-contractor-second-later"))))
                            div.actions { button type="submit" { (ctx.t("campaign-contractor-assign")) } }
                        }
                    }
                }
            }
        }
        (feedback_section(ctx, &offer))
        @if can_manage && offer.measurement().is_some() && offer.feedback.is_none() {
            section aria-labelledby="feedback-form" {
                h2 #feedback-form { (ctx.t("campaign-feedback-record")) }
                p.hint { (if survey { ctx.t("campaign-feedback-lead-survey") } else { ctx.t("campaign-feedback-lead") }) }
                (error_summary(ctx, errors, &labels))
                form.stacked method="post" action=(action("feedback")) novalidate {
                    (csrf(ctx))
                    (forms::input(ctx, Field::new(ctx, "held_on", "campaign-feedback-held-on", errors).required(), "date", &input.held_on, None))
                    (forms::textarea(ctx, Field::new(ctx, "attended", "campaign-feedback-attended", errors).hint(ctx.t("campaign-feedback-attended-hint")), &input.attended))
                    (forms::textarea(ctx, Field::new(ctx, "strengths", "campaign-feedback-strengths", errors), &input.strengths))
                    (forms::textarea(ctx, Field::new(ctx, "concerns", "campaign-feedback-concerns", errors), &input.concerns))
                    (forms::textarea(ctx, Field::new(ctx, "resources", "campaign-feedback-resources", errors), &input.resources))
                    (forms::textarea(ctx, Field::new(ctx, "actions", "campaign-feedback-actions", errors).hint(ctx.t("campaign-feedback-actions-hint")), &input.actions))
                    div.actions { button.primary type="submit" { (ctx.t("campaign-feedback-save")) } }
                }
            }
        }
    };
    Ok(page(ctx, &offer.org_name, Nav::Portfolio, body))
}

pub async fn follow_page(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, offer_id): PathIds,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    follow_view(&state, &member, (id, offer_id), query.notice.as_deref(), None).await
}

pub async fn record_feedback(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, offer_id): PathIds,
    Submitted(input): Submitted<FeedbackInput>,
) -> Result<Response, AppError> {
    board_offer(&state, &member, id, offer_id).await?;
    let saved = match input.parse(parat_store::now_date()) {
        Ok(draft) => store::record_feedback(&state.db, &member.scope, offer_id, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match saved {
        Ok(()) => Ok(redirect_with_cookies(&format!("/campaigns/{id}/offers/{offer_id}?notice=saved#feedback"), &[])),
        Err(StoreError::Invalid(errors)) => {
            Ok(rejected(follow_view(&state, &member, (id, offer_id), None, Some((&input, &errors))).await?))
        }
        Err(StoreError::Closed) => Err(AppError::NotNow(crate::error::NotNow::FeedbackRecorded)),
        Err(other) => Err(other.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct InvoicedForm {
    invoiced: String,
}

pub async fn set_invoiced(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, offer_id): PathIds,
    Submitted(form): Submitted<InvoicedForm>,
) -> Result<Response, AppError> {
    board_offer(&state, &member, id, offer_id).await?;
    let on = (!form.invoiced.is_empty()).then(parat_store::now_date);
    match store::set_invoiced(&state.db, &member.scope, offer_id, on).await {
        Ok(()) => Ok(redirect_with_cookies(&format!("/campaigns/{id}/offers/{offer_id}?notice=saved"), &[])),
        Err(StoreError::Closed) => Err(AppError::NotNow(crate::error::NotNow::NotApproved)),
        Err(other) => Err(other.into()),
    }
}

/// The campaign's money: approved measurements, what they cost in all, the board's part, the
/// organisations' part and how much of it is invoiced.
pub fn money_section(ctx: &Ctx, campaign: &Campaign, offers: &[Offer]) -> Markup {
    let approved: Vec<&Offer> = offers.iter().filter(|o| o.response == Answer::Approved).collect();
    let invoiced = approved.iter().filter(|o| o.invoiced_on.is_some()).count();
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let (total, board, own) = campaign_costs(campaign.price, campaign.board_share, count(approved.len()));
    let (_, _, billed) = campaign_costs(campaign.price, campaign.board_share, count(invoiced));
    let kronor = |a: parat_core::money::Amount| format!("{} kr", a.format(ctx.locale));
    html! {
        section aria-labelledby="money" {
            h2 #money { (ctx.t("campaign-money")) }
            dl.details {
                dt { (ctx.t("campaign-money-measurements")) } dd { (approved.len()) }
                dt { (ctx.t("campaign-money-total")) } dd { (kronor(total)) }
                dt { (ctx.t_with("campaign-board-pays", &[("owner", campaign.owner_name.clone().into())])) } dd { (kronor(board)) }
                dt { (ctx.t("campaign-money-organisations")) } dd { (kronor(own)) }
                dt { (ctx.t("campaign-money-invoiced")) } dd { (kronor(billed)) " (" (invoiced) " / " (approved.len()) ")" }
            }
            p { a href=(format!("/campaigns/{}/finance.xlsx", campaign.id)) download { (ctx.t("campaign-money-export")) } }
        }
    }
}

/// For the finance office: one row per approved organisation with the price, the parts in
/// kronor as numbers, and the day invoiced.
pub async fn finance_xlsx(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    let ctx = &member.ctx;
    let (campaign, offers) = store::board(&state.db, &member.scope, id).await?;
    let (board, own) = cost_split(campaign.price, campaign.board_share);
    let kronor = |a: parat_core::money::Amount| Cell::Number(a.ore() as f64 / 100.0);
    let headers: Vec<String> = [
        "campaign-organisation",
        "campaign-reference",
        "campaign-price",
        "campaign-money-board-part",
        "campaign-money-organisation-part",
        "campaign-invoiced",
    ]
    .iter()
    .map(|h| ctx.t(h))
    .collect();
    let rows: Vec<Vec<Cell>> = offers
        .iter()
        .filter(|o| o.response == Answer::Approved)
        .map(|o| {
            vec![
                Cell::Text(o.org_name.clone()),
                Cell::Text(campaign.reference.clone()),
                kronor(campaign.price),
                kronor(board),
                kronor(own),
                Cell::Text(o.invoiced_on.map(|d| d.to_string()).unwrap_or_default()),
            ]
        })
        .collect();
    let sheet = ctx.t("campaign-money");
    let bytes = blocking(move || xlsx::table(&sheet, &headers, &rows)).await?;
    Ok(download(bytes, XLSX, &format!("{} – {}.xlsx", campaign.name, ctx.t("campaign-money"))))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ContractorForm {
    contractor_user_id: String,
    second_user_id: String,
}

pub async fn assign_contractor(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, offer_id): PathIds,
    Submitted(form): Submitted<ContractorForm>,
) -> Result<Response, AppError> {
    board_offer(&state, &member, id, offer_id).await?;
    let user_id =
        form.contractor_user_id.trim().parse::<i64>().map_err(|_| {
            AppError::Invalid(FieldErrors::single("contractor_user_id", parat_core::Problem::NotChosen))
        })?;
    let second = match form.second_user_id.trim() {
        "" => None,
        chosen => Some(chosen.parse::<i64>().map_err(|_| {
            AppError::Invalid(FieldErrors::single("second_user_id", parat_core::Problem::UnknownChoice))
        })?),
    };
    match store::assign_contractor(&state.db, &member.scope, offer_id, user_id, second).await {
        Ok(()) => Ok(redirect_with_cookies(&format!("/campaigns/{id}/offers/{offer_id}?notice=saved#contractor"), &[])),
        Err(StoreError::Closed) => Err(AppError::NotNow(crate::error::NotNow::NotApproved)),
        Err(other) => Err(other.into()),
    }
}
