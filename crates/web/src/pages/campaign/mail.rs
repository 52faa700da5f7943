//! The offer by e-mail, when an SMTP server is configured: to each offered organisation's
//! administrators and coordinators, each in their own language, when the campaign is made; and
//! reminders, sent by the board, to those that have not answered (the offer itself to any never
//! mailed). Without a server the offer is on the organisations' home pages and in the letters.

use fluent_templates::fluent_bundle::FluentValue;
use parat_core::campaign::cost_split;
use parat_core::locale::Locale;
use parat_store::campaign::OfferRecipient;

use super::*;
use crate::mail::{Mail, Mailer};
use crate::pages::EmptyForm;

/// Messages in the recipient's language, not the sender's.
struct Words(Locale);

impl Words {
    fn t(&self, id: &str) -> String {
        crate::i18n::text(self.0, id)
    }

    fn t_with(&self, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        crate::i18n::text_with(self.0, id, args)
    }
}

fn offer_mail(state: &AppState, campaign: &Campaign, person: &OfferRecipient) -> Mail {
    let words = Words(person.locale.0);
    let locale = person.locale.0;
    let (_, own) = cost_split(campaign.price, campaign.board_share);
    let name = || campaign.name.clone().into();
    let (owner, org) = (|| campaign.owner_name.clone().into(), || person.org_name.clone().into());
    let subject = match person.mailed {
        true => words.t_with("campaign-mail-reminder-subject", &[("campaign", name())]),
        false => words.t_with("campaign-mail-subject", &[("campaign", name())]),
    };
    let lead = match person.mailed {
        true => words.t_with("campaign-mail-reminder", &[("owner", owner()), ("org", org()), ("campaign", name())]),
        false => words.t_with("campaign-mail-offer", &[("owner", owner()), ("org", org()), ("campaign", name())]),
    };
    let mut body = vec![words.t("campaign-mail-greeting"), lead, campaign.offer_text.clone()];
    body.push(words.t_with(
        "campaign-mail-terms",
        &[
            ("price", campaign.price.format(locale).into()),
            ("org", org()),
            ("own", own.format(locale).into()),
            ("owner", owner()),
        ],
    ));
    if let Some(by) = campaign.answer_by {
        body.push(words.t_with("campaign-mail-answer-by", &[("date", locale.format_date(by).into())]));
    }
    let link = format!("{}/offers/{}", state.settings.public_url.trim_end_matches('/'), person.offer_id);
    body.push(format!("{}\n{link}", words.t("campaign-mail-link")));
    body.push(words.t_with("campaign-mail-sender", &[("owner", owner())]));
    Mail { to: person.email.clone(), subject, body: body.join("\n\n") }
}

/// What a mailing came to: organisations reached, and people a message failed for.
#[derive(Debug, Default)]
pub(super) struct Mailed {
    pub organisations: usize,
    pub failed: usize,
}

impl Mailed {
    /// The board page's query that reports it.
    pub(super) fn query(&self) -> String {
        format!("mailed={}&failed={}", self.organisations, self.failed)
    }
}

/// Mails the campaign's offers (or only the unanswered ones) and records which organisations
/// were reached. Reasons for failures are logged without addresses.
pub(super) async fn mail_offers(
    state: &AppState,
    member: &Member,
    mailer: &Mailer,
    campaign_id: i64,
    unanswered_only: bool,
) -> Result<Mailed, AppError> {
    let (campaign, people) = store::mail_recipients(&state.db, &member.scope, campaign_id, unanswered_only).await?;
    let mut reached: Vec<i64> = Vec::new();
    let mut mailed = Mailed::default();
    let mails: Vec<Mail> = people.iter().map(|person| offer_mail(state, &campaign, person)).collect();
    for (person, sent) in people.iter().zip(mailer.send_all(&mails).await) {
        match sent {
            Ok(()) if !reached.contains(&person.offer_id) => reached.push(person.offer_id),
            Ok(()) => {}
            Err(error) => {
                tracing::warn!(campaign = campaign.id, offer = person.offer_id, %error, "e-mail not sent");
                mailed.failed += 1;
            }
        }
    }
    store::mark_mailed(&state.db, &member.scope, campaign.id, &reached).await?;
    mailed.organisations = reached.len();
    Ok(mailed)
}

/// The board reminds the organisations that have not answered.
pub async fn remind(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    store::campaign(&state.db, &member.scope, id).await?;
    let Some(mailer) = state.settings.mailer.as_ref() else {
        return Err(AppError::Refused(member.ctx.t("campaign-mail-not-configured")));
    };
    let mailed = mail_offers(&state, &member, mailer, id, true).await?;
    Ok(redirect_with_cookies(&format!("/campaigns/{id}?{}#board", mailed.query()), &[]))
}
