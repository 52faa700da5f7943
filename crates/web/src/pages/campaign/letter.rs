//! The offer as a letter to one organisation, for boards that still write to the municipal
//! executive board: the board's reference number, the offer in its own words, the terms with
//! what the organisation pays, and how to answer. PDF and Word.

use parat_core::campaign::cost_split;
use parat_reports::document::{Block, Document, Section};

use super::*;

fn letter(ctx: &Ctx, campaign: &Campaign, organisation: &str) -> Document {
    let (board, own) = cost_split(campaign.price, campaign.board_share);
    let kronor = |a: parat_core::money::Amount| format!("{} kr", a.format(ctx.locale));
    let mut facts = vec![
        [ctx.t("campaign-letter-from"), campaign.owner_name.clone()],
        [ctx.t("campaign-letter-date"), ctx.locale.format_date(parat_store::now_date())],
    ];
    if !campaign.reference.is_empty() {
        facts.push([ctx.t("campaign-reference"), campaign.reference.clone()]);
    }
    let mut terms = vec![
        vec![
            ctx.t("campaign-period"),
            format!("{} – {}", ctx.locale.format_date(campaign.starts_on), ctx.locale.format_date(campaign.ends_on)),
        ],
        vec![ctx.t("campaign-topics"), topics_text(ctx, campaign)],
        vec![ctx.t("campaign-instrument"), super::instrument_name(ctx, &campaign.instrument_id)],
        vec![ctx.t("campaign-price"), kronor(campaign.price)],
        vec![
            ctx.t_with("campaign-board-pays", &[("owner", campaign.owner_name.clone().into())]),
            format!("{} ({})", kronor(board), campaign.board_share.format(ctx.locale)),
        ],
        vec![ctx.t("campaign-organisation-pays"), kronor(own)],
    ];
    if let Some((_, contractor)) = &campaign.contractor {
        terms.push(vec![ctx.t("campaign-contractor"), contractor.clone()]);
    }
    let answer = match campaign.answer_by {
        Some(by) => ctx.t_with("campaign-letter-answer-by", &[("date", ctx.locale.format_date(by).into())]),
        None => ctx.t("campaign-letter-answer"),
    };
    Document {
        lang: ctx.locale.key().to_owned(),
        title: campaign.name.clone(),
        subtitle: ctx.t_with("campaign-letter-to", &[("organisation", organisation.to_owned().into())]),
        facts,
        sections: vec![
            Section {
                heading: ctx.t("campaign-offer-text"),
                blocks: campaign
                    .offer_text
                    .split("\n\n")
                    .map(|text| Block::Paragraph { text: text.trim().to_owned() })
                    .filter(|b| !matches!(b, Block::Paragraph { text } if text.is_empty()))
                    .collect(),
            },
            Section {
                heading: ctx.t("campaign-letter-terms"),
                blocks: vec![Block::Table { headers: vec![String::new(), String::new()], rows: terms, wide: Some(1) }],
            },
            Section { heading: ctx.t("campaign-letter-how"), blocks: vec![Block::Paragraph { text: answer }] },
        ],
        generated: crate::pages::generated(ctx),
    }
}

/// One organisation's letter, for the board.
pub async fn letter_file(
    State(state): State<AppState>,
    member: Member,
    axum::extract::Path((id, offer_id, format)): axum::extract::Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let (id, offer_id) = (crate::pages::parse_id(&id)?, crate::pages::parse_id(&offer_id)?);
    let (campaign, offer) = store::offer(&state.db, &member.scope, offer_id).await?;
    if campaign.id != id || campaign.org_id != member.scope.org_id() {
        return Err(AppError::NotFound);
    }
    let document = letter(&member.ctx, &campaign, &offer.org_name);
    let name = format!("{} – {}", campaign.name, offer.org_name);
    crate::pages::document_file(document, &format, &["pdf", "docx"], &name, member.ctx.locale).await
}
