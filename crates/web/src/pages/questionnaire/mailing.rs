//! E-mail for a round: each person's link sent when they are added, and reminders to those who
//! have not answered. Without an SMTP server, or when a message fails, the links are shown to
//! copy instead, so nobody is left without one.

use parat_store::questionnaire::{Outgoing, Respondent};
use parat_store::Secret;

use super::rounds::Shown;
use super::*;
use crate::mail::{Mail, Mailer};

/// The e-mail one person gets: an invitation, or a reminder once they have been invited.
fn mail_for(ctx: &Ctx, state: &AppState, round: &Round, org: &str, person: &Respondent, link: Option<&Secret>) -> Mail {
    let reminder = person.invited_at.is_some();
    let title = || round.title.clone().into();
    let subject = if reminder {
        ctx.t_with("qn-mail-reminder-subject", &[("title", title())])
    } else {
        ctx.t_with("qn-mail-subject", &[("title", title())])
    };
    let mut body = vec![
        ctx.t_with("qn-mail-greeting", &[("name", person.label.clone().into())]),
        ctx.t_with(
            if reminder { "qn-mail-reminder" } else { "qn-mail-invite" },
            &[("issue", round.issue.clone().into()), ("org", org.to_owned().into())],
        ),
    ];
    match link {
        Some(link) => {
            body.push(format!("{}\n{}", ctx.t("qn-mail-link"), answer_url(state, link.expose())));
            if reminder {
                body.push(ctx.t("qn-mail-new-link"));
            }
        }
        None => body.push(ctx.t("qn-mail-resume")),
    }
    if let Some(end) = round.period.end() {
        body.push(ctx.t_with("qn-mail-closes", &[("date", ctx.locale.format_date(end).into())]));
    }
    body.push(if round.anonymous {
        ctx.t_with("qn-mail-anonymous", &[("n", f64::from(round.threshold.get()).into())])
    } else {
        ctx.t("qn-mail-identified")
    });
    body.push(ctx.t_with("qn-mail-sender", &[("org", org.to_owned().into())]));
    Mail { to: person.email.clone().unwrap_or_default(), subject, body: body.join("\n\n") }
}

/// Sends each person their mail; returns who got it, and the links of those it failed for.
async fn send_all(
    member: &Member,
    state: &AppState,
    mailer: &Mailer,
    round: &Round,
    outgoing: Vec<Outgoing>,
) -> Result<(Vec<i64>, Vec<(String, String)>), AppError> {
    let org = member.user.current.as_ref().map(|c| c.name.clone()).unwrap_or_default();
    let mut sent = Vec::with_capacity(outgoing.len());
    let mut unsent = Vec::new();
    let mails: Vec<Mail> = outgoing
        .iter()
        .map(|Outgoing { respondent, link }| mail_for(&member.ctx, state, round, &org, respondent, link.as_ref()))
        .collect();
    for (Outgoing { respondent, link }, result) in outgoing.into_iter().zip(mailer.send_all(&mails).await) {
        match result {
            Ok(()) => sent.push(respondent.id),
            Err(error) => {
                // The reason, not the address: logs keep no personal data.
                tracing::warn!(round = round.id, respondent = respondent.id, %error, "e-mail not sent");
                if let Some(link) = link {
                    unsent.push((respondent.label, answer_url(state, link.expose())));
                }
            }
        }
    }
    store::mark_mailed(&state.db, round, &sent).await?;
    Ok((sent, unsent))
}

/// After people were added: mails those with an address their new link when asked to, and
/// returns what the page shows — links of everyone not reached by e-mail, and how many were.
pub(super) async fn deliver_new_links(
    member: &Member,
    state: &AppState,
    round: &Round,
    added: Vec<(Respondent, Secret)>,
    send: bool,
) -> Result<Shown, AppError> {
    let mailer = state.settings.mailer.as_ref().filter(|_| send);
    let (to_mail, to_show): (Vec<_>, Vec<_>) =
        added.into_iter().partition(|(person, _)| mailer.is_some() && person.email.is_some());
    let mut shown = Shown {
        personal: to_show.into_iter().map(|(person, link)| (person.label, answer_url(state, link.expose()))).collect(),
        ..Shown::default()
    };
    if let Some(mailer) = mailer {
        let outgoing =
            to_mail.into_iter().map(|(respondent, link)| Outgoing { respondent, link: Some(link) }).collect();
        let (sent, unsent) = send_all(member, state, mailer, round, outgoing).await?;
        shown.mailed = Some((sent.len(), unsent.len()));
        shown.personal.extend(unsent);
    }
    Ok(shown)
}

/// Reminds everyone with an address who has not answered (the first mail for those never
/// mailed).
pub async fn remind(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    let round = store::get(&state.db, &member.scope, id).await?;
    let Some(mailer) = state.settings.mailer.as_ref() else {
        return Err(AppError::Refused(member.ctx.t("qn-mail-not-configured")));
    };
    if !round.is_open(today()) {
        return Err(AppError::Refused(member.ctx.t("qn-mail-round-closed")));
    }
    let outgoing = store::prepare_mailing(&state.db, &member.scope, &round).await?;
    let (sent, unsent) = send_all(&member, &state, mailer, &round, outgoing).await?;
    let shown = Shown { personal: unsent.clone(), mailed: Some((sent.len(), unsent.len())), ..Shown::default() };
    Ok(rounds::round_view(&state, &member, &round, None, &shown).await?.into_response())
}
