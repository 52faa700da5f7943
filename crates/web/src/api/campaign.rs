//! Readiness campaigns in the API: the campaigns the token's organisation runs (with every
//! offered organisation) or is offered (with its own line only); an offered organisation's
//! interest or no thanks; and the board's approval, which makes the planned assessment.

use super::*;
use crate::context::PathIds;
use parat_core::campaign::{overdue, InterestInput, OfferStatus};
use parat_store::campaign::{self as store, Campaign, Offer};

/// The operations, merged into the API in one place ([`super::operations`]).
pub(super) fn operations() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_campaigns))
        .routes(routes!(get_campaign))
        .routes(routes!(register_interest))
        .routes(routes!(decline))
        .routes(routes!(approve))
}

/// One offered organisation's line.
#[derive(Serialize, ToSchema)]
pub struct OfferOut {
    organisation_id: i64,
    name: String,
    status: OfferStatus,
    /// No answer after the campaign's date to answer by, or not reported by its last day.
    overdue: bool,
    /// The topic the organisation is interested in, once it has said.
    topic: Option<TopicArea>,
    /// The assessment made in the organisation's name once approved.
    assessment_id: Option<i64>,
    /// For a campaign by questionnaire, the round made in the organisation's name instead.
    round_id: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct CampaignOut {
    id: i64,
    /// The organisation that runs it.
    owner_id: i64,
    owner_name: String,
    name: String,
    topics: Vec<TopicArea>,
    /// `crm-2006` or `crm-2014` (the model's interviews), or a readiness questionnaire: `oric`,
    /// `hexagon` or `rmc2`.
    instrument: String,
    #[schema(format = Date)]
    starts_on: String,
    #[schema(format = Date)]
    ends_on: String,
    #[schema(format = Date)]
    answer_by: Option<String>,
    offer_text: String,
    /// The board's reference number.
    reference: String,
    /// The price of one measurement in öre.
    price: i64,
    /// The board's share of the price in hundredths of a percent (5000 = 50 %).
    board_share: u16,
    /// What the board and each organisation pay for one measurement, in öre.
    board_pays: i64,
    organisation_pays: i64,
    contractor_id: Option<i64>,
    /// Every offered organisation for the board; an offered organisation's own line only.
    offered: Vec<OfferOut>,
}

fn offer_out(campaign: &Campaign, offer: &Offer, today: time::Date) -> OfferOut {
    let status = offer.status();
    OfferOut {
        organisation_id: offer.org_id,
        name: offer.org_name.clone(),
        status,
        overdue: overdue(status, campaign.answer_by, campaign.ends_on, today),
        topic: offer.interest.as_ref().map(|i| i.topic),
        assessment_id: offer.assessment_id,
        round_id: offer.round_id,
    }
}

fn campaign_out(campaign: &Campaign, offers: &[Offer]) -> CampaignOut {
    let today = parat_store::now_date();
    let (board, own) = parat_core::campaign::cost_split(campaign.price, campaign.board_share);
    CampaignOut {
        id: campaign.id,
        owner_id: campaign.org_id,
        owner_name: campaign.owner_name.clone(),
        name: campaign.name.clone(),
        topics: campaign.topics.clone(),
        instrument: campaign.instrument_id.clone(),
        starts_on: campaign.starts_on.to_string(),
        ends_on: campaign.ends_on.to_string(),
        answer_by: campaign.answer_by.map(|d| d.to_string()),
        offer_text: campaign.offer_text.clone(),
        reference: campaign.reference.clone(),
        price: campaign.price.ore(),
        board_share: campaign.board_share.hundredths(),
        board_pays: board.ore(),
        organisation_pays: own.ore(),
        contractor_id: campaign.contractor.as_ref().map(|(id, _)| *id),
        offered: offers.iter().map(|o| offer_out(campaign, o, today)).collect(),
    }
}

/// The campaigns the token's organisation runs, with every offered organisation, then those it
/// is offered, with its own line only.
#[utoipa::path(get, path = "/campaigns", tag = "campaigns",
    responses(
        (status = 200, body = Vec<CampaignOut>),
        (status = 401, description = "No valid token", body = ErrorBody),
    ))]
async fn list_campaigns(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
) -> Result<Json<Vec<CampaignOut>>, AppError> {
    let all = store::campaigns_for(&state.db, &scope).await?;
    Ok(Json(all.iter().map(|(campaign, offers)| campaign_out(campaign, offers)).collect()))
}

/// One campaign: for the board with every offered organisation, for an offered organisation
/// with its own line only.
#[utoipa::path(get, path = "/campaigns/{id}", tag = "campaigns", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = CampaignOut),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such campaign run by or offered to the token's organisation", body = ErrorBody),
    ))]
async fn get_campaign(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<CampaignOut>, AppError> {
    let (campaign, offers) = store::campaign_for(&state.db, &scope, id).await?;
    Ok(Json(campaign_out(&campaign, &offers)))
}

/// An offered organisation's interest in one of the campaign's topics.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InterestBody {
    /// One of the campaign's topics.
    topic: TopicArea,
    #[schema(min_length = 1, max_length = 300)]
    contact_name: String,
    #[schema(format = Email, max_length = 254)]
    contact_email: String,
    /// The key informants' roles suggested, one per line (roles, not names).
    #[serde(default)]
    #[schema(max_length = 8000)]
    informant_roles: String,
    #[serde(default)]
    #[schema(max_length = 300)]
    preferred_weeks: String,
}

/// The token's organisation's own line after an answer.
async fn own_line(state: &AppState, scope: &OrgScope, id: i64) -> Result<Json<OfferOut>, AppError> {
    let (campaign, offer) = store::offer_in(&state.db, scope, id, scope.org_id()).await?;
    Ok(Json(offer_out(&campaign, &offer, parat_store::now_date())))
}

/// Registers the token's organisation's interest (again, to change it) until the board approves.
#[utoipa::path(post, path = "/campaigns/{id}/interest", tag = "campaigns", params(("id" = i64, Path, minimum = 1)),
    request_body = InterestBody,
    responses(
        (status = 200, description = "The organisation's line, now interested", body = OfferOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not manage initiatives", body = ErrorBody),
        (status = 404, description = "No such campaign offered to the token's organisation", body = ErrorBody),
        (status = 409, description = "Approved already: the answer no longer changes (`offer_approved`)", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named: a topic the campaign does not offer, an e-mail address", body = ErrorBody),
    ))]
async fn register_interest(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<InterestBody>,
) -> Result<Json<OfferOut>, AppError> {
    let (campaign, offer) = store::offer_in(&state.db, &scope, id, scope.org_id()).await?;
    let input = InterestInput {
        topic: body.topic.key().to_owned(),
        contact_name: body.contact_name,
        contact_email: body.contact_email,
        informant_roles: body.informant_roles,
        preferred_weeks: body.preferred_weeks,
    };
    let draft = input.parse(&campaign.topics).map_err(AppError::Invalid)?;
    match store::register_interest(&state.db, &scope, offer.id, &draft).await {
        Err(parat_store::StoreError::Closed) => Err(AppError::NotNow(crate::error::NotNow::OfferApproved)),
        other => other.map_err(AppError::from),
    }?;
    own_line(&state, &scope, id).await
}

/// The token's organisation declines (it may register interest later, until approved).
#[utoipa::path(post, path = "/campaigns/{id}/decline", tag = "campaigns", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, description = "The organisation's line, now declined", body = OfferOut),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not manage initiatives", body = ErrorBody),
        (status = 404, description = "No such campaign offered to the token's organisation", body = ErrorBody),
        (status = 409, description = "Approved already (`offer_approved`)", body = ErrorBody),
    ))]
async fn decline(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<OfferOut>, AppError> {
    let (_, offer) = store::offer_in(&state.db, &scope, id, scope.org_id()).await?;
    match store::decline(&state.db, &scope, offer.id).await {
        Err(parat_store::StoreError::Closed) => Err(AppError::NotNow(crate::error::NotNow::OfferApproved)),
        other => other.map_err(AppError::from),
    }?;
    own_line(&state, &scope, id).await
}

/// The board approves an interested organisation: a planned assessment with the campaign's
/// edition — or, for a campaign by questionnaire, an anonymous round of it over the campaign's
/// period — is made in the organisation's name, on a new initiative with the board as partner.
#[utoipa::path(post, path = "/campaigns/{id}/offers/{organisation_id}/approve", tag = "campaigns",
    params(("id" = i64, Path, minimum = 1), ("organisation_id" = i64, Path, minimum = 1)),
    responses(
        (status = 201, description = "The organisation's line with its assessment or round", body = OfferOut),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not manage initiatives", body = ErrorBody),
        (status = 404, description = "No such campaign of the token's organisation, or not offered to that organisation", body = ErrorBody),
        (status = 409, description = "No interest registered, or approved already (`not_interested`)", body = ErrorBody),
    ))]
async fn approve(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathIds(id, organisation_id): PathIds,
) -> Result<Response, AppError> {
    let (campaign, offer) = store::offer_in(&state.db, &scope, id, organisation_id).await?;
    if campaign.org_id != scope.org_id() {
        return Err(AppError::NotFound);
    }
    // The issue measured, in the board's language: Parat's default, as a token carries none.
    let locale = parat_core::locale::Locale::default();
    let issue = offer
        .interest
        .as_ref()
        .map(|i| crate::pages::campaign::measured_issue(locale, &campaign, i.topic))
        .unwrap_or_default();
    match store::approve(&state.db, &scope, offer.id, &issue).await {
        Err(parat_store::StoreError::Closed) => Err(AppError::NotNow(crate::error::NotNow::NotInterested)),
        other => other.map_err(AppError::from),
    }?;
    let (campaign, offer) = store::offer_in(&state.db, &scope, id, organisation_id).await?;
    Ok((StatusCode::CREATED, Json(offer_out(&campaign, &offer, parat_store::now_date()))).into_response())
}
