//! Readiness campaigns: the board's list and new campaign, its board of offered organisations
//! with filters, exports and approval (`board`); one organisation's line with its invoicing
//! and feedback meeting, and the campaign's money (`follow`); the county report (`county`); the offer as a letter (`letter`);
//! an offered organisation's offer with its
//! interest form, and the offers on its home page (`offer`).

use axum::extract::{Query, State};
use axum::response::Response;
use maud::{html, Markup};
use parat_core::campaign::{Method, OfferStatus};
use parat_core::initiative::TopicArea;
use parat_core::FieldErrors;
use parat_store::campaign::{self as store, Campaign, MeasurementRef};
use parat_store::StoreError;

use super::{redirect_with_cookies, rejected, NoticeQuery};
use crate::context::{Member, PathId, PathIds, Submitted};
use crate::views::forms::{self, csrf, error_summary, Field};
use crate::views::layout::{notice, page, Nav};
use crate::{AppError, AppState, Ctx};

mod board;
mod county;
mod follow;
mod letter;
mod mail;
mod offer;

pub use board::*;
pub use county::*;
pub use follow::*;
pub use letter::*;
pub use mail::remind;
pub use offer::*;

/// A campaign's instrument by name in the reader's language: a questionnaire's says it is one.
pub fn instrument_name(ctx: &Ctx, id: &str) -> String {
    match Method::of(id) {
        Some(Method::Questionnaire(definition)) => ctx.t_with(
            "campaign-instrument-questionnaire",
            &[("name", definition.name.get(ctx.locale).to_owned().into())],
        ),
        _ => super::readiness::instrument_name(ctx, id),
    }
}

/// What a measurement in a topic area measures, in `locale`: the area itself for the model's
/// interviews; for a questionnaire, which asks how ready the workplace is to take something up,
/// the work in it.
pub fn measured_issue(locale: parat_core::locale::Locale, campaign: &Campaign, topic: TopicArea) -> String {
    let label = crate::i18n::text(locale, &format!("topic-{}", topic.key()));
    match Method::of(&campaign.instrument_id) {
        Some(Method::Questionnaire(_)) => {
            // Mid-sentence the area is lower case, unless it begins with an abbreviation.
            let mut chars = label.chars();
            let lowered = match (chars.next(), chars.next()) {
                (Some(first), Some(second)) if second.is_lowercase() => {
                    first.to_lowercase().chain(label.chars().skip(1)).collect()
                }
                _ => label,
            };
            crate::i18n::text_with(locale, "campaign-round-issue", &[("topic", lowered.into())])
        }
        _ => label,
    }
}

/// Where the organisation (and, let in, the contractor's people) opens its measurement: the
/// assessment, or the round's results.
pub fn measurement_href(measurement: MeasurementRef) -> String {
    match measurement {
        MeasurementRef::Assessment(id) => format!("/assessments/{id}"),
        MeasurementRef::Round(id) => format!("/rounds/{id}/results"),
    }
}

/// The campaign pages, merged into the site's routes in one place (`pages::routes`).
pub fn routes() -> super::Routes {
    use axum::routing::{get, post};
    super::Routes::new()
        .route("/campaigns", "GET POST", get(campaigns_page).post(create_campaign))
        .route("/campaigns/new", "GET", get(new_campaign_page))
        .route("/campaigns/{id}", "GET", get(board_page))
        .route("/campaigns/{id}/board.csv", "GET", get(board_csv))
        .route("/campaigns/{id}/board.xlsx", "GET", get(board_xlsx))
        .route("/campaigns/{id}/finance.xlsx", "GET", get(finance_xlsx))
        .route("/campaigns/{id}/remind", "POST", post(remind))
        .route("/campaigns/{id}/county", "GET", get(county_page))
        .route("/campaigns/{id}/county/sharing", "POST", post(set_sharing))
        .route("/campaigns/{id}/county/{format}", "GET", get(county_file))
        .route("/campaigns/{id}/offers/{offer}", "GET", get(follow_page))
        .route("/campaigns/{id}/offers/{offer}/approve", "POST", post(approve_offer))
        .route("/campaigns/{id}/offers/{offer}/feedback", "POST", post(record_feedback))
        .route("/campaigns/{id}/offers/{offer}/invoiced", "POST", post(set_invoiced))
        .route("/campaigns/{id}/offers/{offer}/contractor", "POST", post(assign_contractor))
        .route("/campaigns/{id}/offers/{offer}/letter/{format}", "GET", get(letter_file))
        .route("/offers/{id}", "GET", get(offer_page))
        .route("/offers/{id}/interest", "POST", post(register_interest))
        .route("/offers/{id}/decline", "POST", post(decline_offer))
        .route("/offers/{id}/access", "POST", post(set_access))
}

pub fn status_label(ctx: &Ctx, status: OfferStatus) -> String {
    ctx.t(&format!("campaign-status-{}", status.key().replace('_', "-")))
}

/// The contractor's people assigned to an organisation, by name, or `None` before any is.
fn team_names(offer: &parat_store::campaign::Offer) -> Option<String> {
    let names: Vec<&str> = offer.contractor_team().map(|(_, name)| name.as_str()).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

fn topic_label(ctx: &Ctx, topic: TopicArea) -> String {
    ctx.t(&format!("topic-{}", topic.key()))
}

fn topics_text(ctx: &Ctx, campaign: &Campaign) -> String {
    campaign.topics.iter().map(|t| topic_label(ctx, *t)).collect::<Vec<_>>().join(", ")
}

/// The campaign's terms as both sides read them: period, topics, instrument, price and shares.
fn terms(ctx: &Ctx, campaign: &Campaign) -> Markup {
    let (board, own) = parat_core::campaign::cost_split(campaign.price, campaign.board_share);
    html! {
        dl.details {
            dt { (ctx.t("campaign-owner")) } dd { (campaign.owner_name) }
            dt { (ctx.t("campaign-period")) }
            dd { (ctx.locale.format_date(campaign.starts_on)) " – " (ctx.locale.format_date(campaign.ends_on)) }
            @if let Some(by) = campaign.answer_by {
                dt { (ctx.t("campaign-answer-by")) } dd { (ctx.locale.format_date(by)) }
            }
            dt { (ctx.t("campaign-topics")) } dd { (topics_text(ctx, campaign)) }
            dt { (ctx.t("campaign-instrument")) } dd { (instrument_name(ctx, &campaign.instrument_id)) }
            dt { (ctx.t("campaign-contractor")) }
            dd { (campaign.contractor.as_ref().map(|(_, name)| name.as_str()).unwrap_or("–")) }
            dt { (ctx.t("campaign-price")) } dd { (campaign.price.format(ctx.locale)) " kr" }
            dt { (ctx.t_with("campaign-board-pays", &[("owner", campaign.owner_name.clone().into())])) }
            dd { (board.format(ctx.locale)) " kr (" (campaign.board_share.format(ctx.locale)) ")" }
            dt { (ctx.t("campaign-organisation-pays")) } dd { (own.format(ctx.locale)) " kr" }
            @if !campaign.reference.is_empty() {
                dt { (ctx.t("campaign-reference")) } dd { (campaign.reference) }
            }
        }
    }
}
