//! The board's side: its campaigns, a new campaign, and the campaign board — one row per
//! offered organisation with its status, contact, dates and what is overdue — filtered,
//! exported as CSV and XLSX, with approval of those interested.

use parat_core::campaign::{overdue, CampaignInput};
use parat_core::organisation::OrgKind;
use parat_reports::xlsx::{self, Cell};
use parat_store::campaign::Offer;
use serde::Deserialize;

use super::*;
use crate::pages::{blocking, download, XLSX};

pub async fn campaigns_page(
    State(state): State<AppState>,
    member: Member,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let campaigns = store::campaigns_of(&state.db, &member.scope).await?;
    let offers = store::offers_to(&state.db, &member.scope).await?;
    // Only an organisation with others under it runs campaigns; any may be offered one.
    let runs = !campaigns.is_empty() || !store::member_choices(&state.db, &member.scope).await?.is_empty();
    let can_manage = runs && member.scope.role().can_edit_initiatives();
    let body = html! {
        h1 { (ctx.t("campaign-title")) }
        (notice(ctx, query.notice.as_deref()))
        @if runs { p.lead { (ctx.t("campaign-lead")) } }
        @if can_manage { p { a.button.primary href="/campaigns/new" { (ctx.t("campaign-new")) } } }
        @if !runs {
        } @else if campaigns.is_empty() {
            p { (ctx.t("campaign-none")) }
        } @else {
            table {
                caption.visually-hidden { (ctx.t("campaign-title")) }
                thead { tr {
                    th scope="col" { (ctx.t("campaign-name")) }
                    th scope="col" { (ctx.t("campaign-period")) }
                    th scope="col" .number { (ctx.t("campaign-offered")) }
                    th scope="col" .number { (ctx.t("campaign-answered")) }
                    th scope="col" .number { (ctx.t("campaign-approved")) }
                } }
                tbody { @for c in &campaigns { tr {
                    th scope="row" { a href=(format!("/campaigns/{}", c.id)) { (c.name) } }
                    td { (c.starts_on) " – " (c.ends_on) }
                    td.number { (c.offered) } td.number { (c.answered) } td.number { (c.approved) }
                } } }
            }
        }
        @if !offers.is_empty() || !runs {
            h2 #offers { (ctx.t("campaign-offers-to-us")) }
            @if offers.is_empty() { p { (ctx.t("campaign-offers-none")) } }
            ul { @for (campaign, offer) in &offers {
                li { a href=(format!("/offers/{}", offer.id)) { (campaign.name) } " (" (campaign.owner_name) "): " (status_label(ctx, offer.status())) }
            } }
        }
    };
    Ok(page(ctx, &ctx.t("campaign-title"), Nav::Portfolio, body))
}

pub async fn new_campaign_page(State(state): State<AppState>, member: Member) -> Result<Markup, AppError> {
    let input = CampaignInput { audience: "all".into(), board_share: "50".into(), ..CampaignInput::default() };
    new_campaign_view(&state, &member, &input, &FieldErrors::new()).await
}

async fn new_campaign_view(
    state: &AppState,
    member: &Member,
    input: &CampaignInput,
    errors: &FieldErrors,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    if !member.scope.role().can_edit_initiatives() {
        return Err(AppError::Forbidden);
    }
    let members = store::member_choices(&state.db, &member.scope).await?;
    let contractors = store::contractor_choices(&state.db, &member.scope).await?;
    let topics: Vec<(String, String)> = TopicArea::ALL
        .iter()
        .filter(|t| **t != TopicArea::Custom)
        .map(|t| (t.key().to_owned(), topic_label(ctx, *t)))
        .collect();
    let instruments: Vec<(String, String)> =
        parat_core::campaign::instruments().into_iter().map(|id| (id.to_owned(), instrument_name(ctx, id))).collect();
    let audiences: Vec<(String, String)> = parat_core::campaign::Audience::ALL
        .iter()
        .map(|a| (a.key().to_owned(), ctx.t(&format!("campaign-audience-{}", a.key()))))
        .collect();
    let organisations: Vec<(String, String)> = members
        .iter()
        .map(|(id, name, kind)| {
            let name = match kind {
                OrgKind::District => format!("{name} ({})", ctx.t("org-kind-district")),
                _ => name.clone(),
            };
            (id.to_string(), name)
        })
        .collect();
    let contractor_options: Vec<(String, String)> =
        contractors.iter().map(|(id, name)| (id.to_string(), name.clone())).collect();
    let labels: Vec<(&str, String)> = [
        ("name", "campaign-name"),
        ("topics", "campaign-topics"),
        ("instrument_id", "campaign-instrument"),
        ("starts_on", "campaign-starts-on"),
        ("ends_on", "campaign-ends-on"),
        ("answer_by", "campaign-answer-by"),
        ("offer_text", "campaign-offer-text"),
        ("reference", "campaign-reference"),
        ("price", "campaign-price"),
        ("board_share", "campaign-board-share"),
        ("contractor_id", "campaign-contractor"),
        ("audience", "campaign-audience"),
        ("offered", "campaign-offered-to"),
    ]
    .iter()
    .map(|(field, key)| (*field, ctx.t(key)))
    .collect();
    let body = html! {
        p.breadcrumb { a href="/campaigns" { (ctx.t("campaign-title")) } }
        h1 { (ctx.t("campaign-new")) }
        @if members.is_empty() {
            p { (ctx.t("campaign-no-members")) }
        } @else {
            (error_summary(ctx, errors, &labels))
            form.stacked method="post" action="/campaigns" novalidate {
                (csrf(ctx))
                (forms::input(ctx, Field::new(ctx, "name", "campaign-name", errors).required(), "text", &input.name, None))
                (forms::checkboxes(ctx, Field::new(ctx, "topics", "campaign-topics", errors).required(), &topics, &input.topics))
                (forms::select(ctx, Field::new(ctx, "instrument_id", "campaign-instrument", errors).required().hint(ctx.t("campaign-instrument-hint")), &instruments, &input.instrument_id, Some(ctx.t("choose"))))
                (forms::input(ctx, Field::new(ctx, "starts_on", "campaign-starts-on", errors).required(), "date", &input.starts_on, None))
                (forms::input(ctx, Field::new(ctx, "ends_on", "campaign-ends-on", errors).required(), "date", &input.ends_on, None))
                (forms::input(ctx, Field::new(ctx, "answer_by", "campaign-answer-by", errors).hint(ctx.t("campaign-answer-by-hint")), "date", &input.answer_by, None))
                (forms::textarea(ctx, Field::new(ctx, "offer_text", "campaign-offer-text", errors).required().hint(ctx.t("campaign-offer-text-hint")), &input.offer_text))
                (forms::input(ctx, Field::new(ctx, "reference", "campaign-reference", errors).hint(ctx.t("campaign-reference-hint")), "text", &input.reference, Some("off")))
                (forms::input(ctx, Field::new(ctx, "price", "campaign-price", errors).hint(ctx.t("campaign-price-hint")), "text", &input.price, Some("off")))
                (forms::input(ctx, Field::new(ctx, "board_share", "campaign-board-share", errors).hint(ctx.t("campaign-board-share-hint")), "text", &input.board_share, Some("off")))
                (forms::select(ctx, Field::new(ctx, "contractor_id", "campaign-contractor", errors).hint(ctx.t("campaign-contractor-hint")), &contractor_options, &input.contractor_id, Some(ctx.t("campaign-contractor-none"))))
                (forms::select(ctx, Field::new(ctx, "audience", "campaign-audience", errors).required(), &audiences, &input.audience, None))
                (forms::checkboxes(ctx, Field::new(ctx, "offered", "campaign-offered-to", errors).hint(ctx.t("campaign-offered-to-hint")), &organisations, &input.offered))
                div.actions { button type="submit" { (ctx.t("campaign-create")) } }
            }
        }
    };
    Ok(page(ctx, &ctx.t("campaign-new"), Nav::Portfolio, body))
}

pub async fn create_campaign(
    State(state): State<AppState>,
    member: Member,
    Submitted(input): Submitted<CampaignInput>,
) -> Result<Response, AppError> {
    let made = match input.parse(member.ctx.locale, &parat_core::campaign::instruments()) {
        Ok(draft) => store::create_campaign(&state.db, &member.scope, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match made {
        Ok(id) => {
            let mailed = match state.settings.mailer.as_ref() {
                Some(mailer) => {
                    format!("&{}", super::mail::mail_offers(&state, &member, mailer, id, false).await?.query())
                }
                None => String::new(),
            };
            Ok(redirect_with_cookies(&format!("/campaigns/{id}?notice=saved{mailed}"), &[]))
        }
        Err(StoreError::Invalid(errors)) => Ok(rejected(new_campaign_view(&state, &member, &input, &errors).await?)),
        Err(other) => Err(other.into()),
    }
}

/// The board's filter: one status, or only those overdue.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BoardQuery {
    status: String,
    overdue: String,
    notice: Option<String>,
    /// After an e-mailing: organisations reached, and messages that failed.
    mailed: Option<usize>,
    failed: Option<usize>,
}

impl BoardQuery {
    fn keeps(&self, campaign: &Campaign, offer: &Offer, today: time::Date) -> bool {
        let status = offer.status();
        (self.status.is_empty() || status.key() == self.status)
            && (self.overdue.is_empty() || overdue(status, campaign.answer_by, campaign.ends_on, today))
    }
}

/// Contact person's name and e-mail address, as one cell.
fn contact(offer: &Offer) -> String {
    offer.interest.as_ref().map(|i| format!("{} <{}>", i.contact_name, i.contact_email)).unwrap_or_default()
}

pub async fn board_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<BoardQuery>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let (campaign, offers) = store::board(&state.db, &member.scope, id).await?;
    let today = parat_store::now_date();
    let can_manage = member.scope.role().can_edit_initiatives();
    let shown: Vec<&Offer> = offers.iter().filter(|o| query.keeps(&campaign, o, today)).collect();
    let passed = Method::of(&campaign.instrument_id).map_or(OfferStatus::ALL, |m| m.statuses());
    let statuses: Vec<(String, String)> = passed.iter().map(|s| (s.key().to_owned(), status_label(ctx, *s))).collect();
    let unanswered = offers.iter().filter(|o| o.status() == OfferStatus::Offered).count();
    let counts: Vec<(OfferStatus, usize)> = OfferStatus::ALL
        .iter()
        .map(|s| (*s, offers.iter().filter(|o| o.status() == *s).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    let body = html! {
        p.breadcrumb { a href="/campaigns" { (ctx.t("campaign-title")) } }
        h1 { (campaign.name) }
        (notice(ctx, query.notice.as_deref()))
        @if let Some(organisations) = query.mailed {
            p.notice role="status" { (ctx.t_with("campaign-mailed", &[("n", (organisations as i64).into()), ("failed", (query.failed.unwrap_or(0) as i64).into())])) }
        }
        (terms(ctx, &campaign))
        details { summary { (ctx.t("campaign-offer-text")) } p.preserve-lines { (campaign.offer_text) } }
        p { a href=(format!("/campaigns/{id}/county")) { (ctx.t("campaign-county-link")) } }
        h2 #board { (ctx.t("campaign-board")) }
        p { @for (i, (status, n)) in counts.iter().enumerate() {
            @if i > 0 { " · " } (status_label(ctx, *status)) ": " (n)
        } }
        form.filters method="get" action=(format!("/campaigns/{id}")) {
            (forms::select(ctx, Field::new(ctx, "status", "campaign-status", &FieldErrors::new()), &statuses, &query.status, Some(ctx.t("campaign-status-all"))))
            div.field.checkbox {
                input #f-overdue type="checkbox" name="overdue" value="1" checked[!query.overdue.is_empty()];
                label for="f-overdue" { (ctx.t("campaign-only-overdue")) }
            }
            div.actions { button type="submit" { (ctx.t("campaign-filter")) } }
        }
        p {
            a href=(format!("/campaigns/{id}/board.csv")) download { (ctx.t("campaign-export-csv")) } " · "
            a href=(format!("/campaigns/{id}/board.xlsx")) download { (ctx.t("campaign-export-xlsx")) }
        }
        table #offers {
            caption.visually-hidden { (ctx.t("campaign-board")) }
            thead { tr {
                th scope="col" { (ctx.t("campaign-organisation")) }
                th scope="col" { (ctx.t("campaign-status")) }
                th scope="col" { (ctx.t("campaign-topic")) }
                th scope="col" { (ctx.t("campaign-contact")) }
                th scope="col" { (ctx.t("campaign-answered-on")) }
                th scope="col" { (ctx.t("campaign-contractor-people")) }
                @if can_manage { th scope="col" { span.visually-hidden { (ctx.t("campaign-actions")) } } }
            } }
            tbody { @for offer in &shown {
                @let status = offer.status();
                tr {
                    th scope="row" { a href=(format!("/campaigns/{id}/offers/{}", offer.id)) { (offer.org_name) } }
                    td {
                        span class=(format!("badge campaign-{}", status.key())) { (status_label(ctx, status)) }
                        @if overdue(status, campaign.answer_by, campaign.ends_on, today) {
                            " " strong.overdue { (ctx.t("campaign-overdue")) }
                        }
                    }
                    td { (offer.interest.as_ref().map(|i| topic_label(ctx, i.topic)).unwrap_or_default()) }
                    td { (contact(offer)) }
                    td {
                        (offer.responded_at.map(|at| ctx.date(at)).unwrap_or_default())
                        @if let (None, Some(at)) = (offer.responded_at, offer.reminded_at.or(offer.mailed_at)) {
                            span.hint { (ctx.t_with(if offer.reminded_at.is_some() { "campaign-reminded-on" } else { "campaign-mailed-on" }, &[("date", ctx.date(at).into())])) }
                        }
                    }
                    td { (team_names(offer).unwrap_or_default()) }
                    @if can_manage { td {
                        @if status == OfferStatus::Interested {
                            form.inline method="post" action=(format!("/campaigns/{id}/offers/{}/approve", offer.id)) {
                                (csrf(ctx))
                                button type="submit" aria-label=(format!("{} {}", ctx.t("campaign-approve"), offer.org_name)) { (ctx.t("campaign-approve")) }
                            }
                        }
                    } }
                }
            } }
        }
        @if shown.is_empty() { p { (ctx.t("campaign-board-empty")) } }
        @if can_manage && unanswered > 0 {
            @if state.settings.mailer.is_some() {
                form.inline method="post" action=(format!("/campaigns/{id}/remind")) {
                    (csrf(ctx))
                    button type="submit" { (ctx.t_with("campaign-remind", &[("n", (unanswered as i64).into())])) }
                }
            } @else {
                p.hint { (ctx.t("campaign-remind-no-mail")) }
            }
        }
        (money_section(ctx, &campaign, &offers))
    };
    Ok(page(ctx, &campaign.name, Nav::Portfolio, body))
}

/// The board's rows as text cells: organisation, status, overdue, topic, contact, answered,
/// approved, the organisation's share of the price.
fn board_rows(ctx: &Ctx, campaign: &Campaign, offers: &[Offer]) -> (Vec<String>, Vec<Vec<String>>) {
    let today = parat_store::now_date();
    let headers = [
        "campaign-organisation",
        "campaign-status",
        "campaign-overdue",
        "campaign-topic",
        "campaign-contact",
        "campaign-answered-on",
        "campaign-approved-on",
        "campaign-contractor-people",
        "campaign-reminded",
    ]
    .iter()
    .map(|h| ctx.t(h))
    .collect();
    let rows = offers
        .iter()
        .map(|offer| {
            let status = offer.status();
            vec![
                offer.org_name.clone(),
                status_label(ctx, status),
                match overdue(status, campaign.answer_by, campaign.ends_on, today) {
                    true => ctx.t("campaign-yes"),
                    false => String::new(),
                },
                offer.interest.as_ref().map(|i| topic_label(ctx, i.topic)).unwrap_or_default(),
                contact(offer),
                offer.responded_at.map(|at| ctx.date(at)).unwrap_or_default(),
                offer.approved_at.map(|at| ctx.date(at)).unwrap_or_default(),
                team_names(offer).unwrap_or_default(),
                offer.reminded_at.map(|at| ctx.date(at)).unwrap_or_default(),
            ]
        })
        .collect();
    (headers, rows)
}

pub async fn board_csv(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    let ctx = &member.ctx;
    let (campaign, offers) = store::board(&state.db, &member.scope, id).await?;
    let (headers, rows) = board_rows(ctx, &campaign, &offers);
    let csv = parat_reports::csv::document(&headers, rows);
    Ok(download(csv.into_bytes(), "text/csv; charset=utf-8", &format!("{}.csv", campaign.name)))
}

pub async fn board_xlsx(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    let ctx = &member.ctx;
    let (campaign, offers) = store::board(&state.db, &member.scope, id).await?;
    let (headers, rows) = board_rows(ctx, &campaign, &offers);
    let rows: Vec<Vec<Cell>> = rows.into_iter().map(|row| row.into_iter().map(Cell::Text).collect()).collect();
    let sheet = ctx.t("campaign-board");
    let bytes = blocking(move || xlsx::table(&sheet, &headers, &rows)).await?;
    Ok(download(bytes, XLSX, &format!("{}.xlsx", campaign.name)))
}

pub async fn approve_offer(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, offer_id): PathIds,
) -> Result<Response, AppError> {
    let ctx = &member.ctx;
    let (campaign, offer) = store::offer(&state.db, &member.scope, offer_id).await?;
    if campaign.id != id {
        return Err(AppError::NotFound);
    }
    let issue = offer.interest.as_ref().map(|i| measured_issue(ctx.locale, &campaign, i.topic)).unwrap_or_default();
    match store::approve(&state.db, &member.scope, offer_id, &issue).await {
        Ok(_) => Ok(redirect_with_cookies(&format!("/campaigns/{id}?notice=saved#offers"), &[])),
        Err(StoreError::Closed) => Err(AppError::NotNow(crate::error::NotNow::NotInterested)),
        Err(other) => Err(other.into()),
    }
}
