//! Readiness campaigns: a parent organisation (a county board, a region, a coordination
//! association) offers readiness measurements to its member organisations, carried out by a
//! contracted organisation's people, the price shared between the board and each organisation.
//! A campaign measures either by the Community Readiness Model's interviews (an edition's
//! assessment in each organisation) or by one of Parat's readiness questionnaires (a round in
//! each organisation). Here, with no I/O: the campaign and an organisation's answer as typed and
//! parsed, where each organisation stands, what is overdue and what each pays.

use serde::Deserialize;
use time::Date;

use crate::account::Email;
use crate::choice::choice_enum;
use crate::initiative::{parse_date, TopicArea};
use crate::locale::Locale;
use crate::money::{Amount, Share};
use crate::readiness::assessment::AssessmentStatus;
use crate::validation::{optional_text, required_text, FieldErrors, Problem};

pub mod county;
pub mod feedback;
pub mod survey;
#[cfg(test)]
mod tests;

pub use feedback::{FeedbackDraft, FeedbackInput};

/// An initiative's name is made from it.
pub const NAME_MAX: usize = crate::initiative::NAME_MAX;
pub const TEXT_MAX: usize = 8000;
pub const SHORT_MAX: usize = 300;

choice_enum!(
    /// An offered organisation's answer, and the board's approval of an interest.
    Response {
        Offered => "offered",
        Interested => "interested",
        Declined => "declined",
        Approved => "approved",
    }
);

choice_enum!(
    /// Where one offered organisation stands, from the offer to the feedback meeting: the answer
    /// until approval, then the measurement's own progress (`answering`: a questionnaire's
    /// round has answers coming in).
    OfferStatus {
        Offered => "offered",
        Interested => "interested",
        Declined => "declined",
        Approved => "approved",
        Answering => "answering",
        InterviewsBooked => "interviews_booked",
        Interviewing => "interviewing",
        Scoring => "scoring",
        Consensus => "consensus",
        Reported => "reported",
        FeedbackHeld => "feedback_held",
    }
);

choice_enum!(
    /// To whom a campaign is offered: every organisation under the board, or those chosen.
    Audience {
        All => "all",
        Chosen => "chosen",
    }
);

/// What a campaign measures with: an edition of the Community Readiness Model (interviews,
/// two scorers, consensus), or one of Parat's readiness questionnaires (a round of answers).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Method {
    Interviews,
    Questionnaire(&'static crate::questionnaire::Definition),
}

impl Method {
    /// The method of a campaign's instrument id; `None` for an id that is neither.
    pub fn of(instrument_id: &str) -> Option<Method> {
        if crate::readiness::instrument::builtin().iter().any(|i| i.id == instrument_id) {
            return Some(Method::Interviews);
        }
        survey_definition(instrument_id).map(Method::Questionnaire)
    }

    /// The statuses an organisation passes through by this method, in order.
    pub fn statuses(&self) -> &'static [OfferStatus] {
        use OfferStatus::*;
        match self {
            Method::Interviews => &[
                Offered,
                Interested,
                Declined,
                Approved,
                InterviewsBooked,
                Interviewing,
                Scoring,
                Consensus,
                Reported,
                FeedbackHeld,
            ],
            Method::Questionnaire(_) => &[Offered, Interested, Declined, Approved, Answering, Reported, FeedbackHeld],
        }
    }
}

/// Parat's readiness questionnaire by id: the ones a campaign may send, since every
/// organisation has them and their answers compare across the county.
pub fn survey_definition(id: &str) -> Option<&'static crate::questionnaire::Definition> {
    crate::questionnaire::builtin_by_id(id).filter(|d| d.purpose == crate::questionnaire::Purpose::Readiness)
}

/// The instruments a campaign may use: the model's editions, then the readiness questionnaires.
pub fn instruments() -> Vec<&'static str> {
    let editions = crate::readiness::instrument::builtin().iter().map(|i| i.id.as_str());
    let questionnaires = crate::questionnaire::builtin()
        .iter()
        .filter(|d| d.purpose == crate::questionnaire::Purpose::Readiness)
        .map(|d| d.id.as_str());
    editions.chain(questionnaires).collect()
}

/// How far an approved organisation's measurement has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measurement {
    /// The model's assessment, with the key informants registered (the interviews being booked).
    Assessment { status: AssessmentStatus, informants: u32 },
    /// A questionnaire round, with its submitted answers, and whether it has closed.
    Round { responses: u32, closed: bool },
}

/// What the board knows of an approved organisation's measurement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub measurement: Measurement,
    pub feedback_held: bool,
}

/// Where an organisation stands: its answer, then (once approved) its measurement's progress. A
/// questionnaire's round is reported once closed to answers.
pub fn offer_status(response: Response, progress: Option<Progress>) -> OfferStatus {
    match (response, progress) {
        (Response::Offered, _) => OfferStatus::Offered,
        (Response::Interested, _) => OfferStatus::Interested,
        (Response::Declined, _) => OfferStatus::Declined,
        (Response::Approved, None) => OfferStatus::Approved,
        (Response::Approved, Some(p)) if p.feedback_held => OfferStatus::FeedbackHeld,
        (Response::Approved, Some(p)) => match p.measurement {
            Measurement::Assessment { status, informants } => match status {
                AssessmentStatus::Planned if informants > 0 => OfferStatus::InterviewsBooked,
                AssessmentStatus::Planned => OfferStatus::Approved,
                AssessmentStatus::Interviewing => OfferStatus::Interviewing,
                AssessmentStatus::Scoring => OfferStatus::Scoring,
                AssessmentStatus::Consensus => OfferStatus::Consensus,
                AssessmentStatus::Reported => OfferStatus::Reported,
            },
            Measurement::Round { closed: true, .. } => OfferStatus::Reported,
            Measurement::Round { responses: 0, .. } => OfferStatus::Approved,
            Measurement::Round { .. } => OfferStatus::Answering,
        },
    }
}

/// Whether an organisation is behind: no answer after the date the board set, or a measurement
/// not reported by the campaign's last day.
pub fn overdue(status: OfferStatus, answer_by: Option<Date>, ends_on: Date, today: Date) -> bool {
    match status {
        OfferStatus::Offered => answer_by.is_some_and(|by| by < today),
        OfferStatus::Declined | OfferStatus::Reported | OfferStatus::FeedbackHeld => false,
        _ => ends_on < today,
    }
}

/// What a measurement costs the board and the organisation: the board's share of the price,
/// rounded to the öre, and the rest, so that the two always make the price.
pub fn cost_split(price: Amount, board_share: Share) -> (Amount, Amount) {
    let board = board_share.of(price);
    (board, price - board)
}

/// What `measurements` approved measurements cost in all, the board's part and the
/// organisations' part: each measurement split as [`cost_split`] splits one, so that the parts
/// add up to the whole and to what the organisations are invoiced one by one.
pub fn campaign_costs(price: Amount, board_share: Share, measurements: u32) -> (Amount, Amount, Amount) {
    let (board, own) = cost_split(price, board_share);
    let times = |a: Amount| Amount::from_ore(a.ore().saturating_mul(i64::from(measurements)));
    (times(price), times(board), times(own))
}

/// A campaign as typed.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct CampaignInput {
    pub name: String,
    /// Topic areas' keys; a form sends one value per ticked box.
    pub topics: Vec<String>,
    pub instrument_id: String,
    pub starts_on: String,
    pub ends_on: String,
    pub answer_by: String,
    pub offer_text: String,
    pub reference: String,
    pub price: String,
    pub board_share: String,
    pub contractor_id: String,
    pub audience: String,
    pub offered: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignDraft {
    pub name: String,
    pub topics: Vec<TopicArea>,
    pub instrument_id: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub answer_by: Option<Date>,
    pub offer_text: String,
    /// The board's reference number, printed on the letters.
    pub reference: String,
    pub price: Amount,
    pub board_share: Share,
    pub contractor_id: Option<i64>,
    pub audience: Audience,
    /// The organisations chosen (none when offered to all).
    pub offered: Vec<i64>,
}

fn required_date(raw: &str) -> Result<Date, Problem> {
    parse_date(raw)?.ok_or(Problem::Required)
}

impl CampaignInput {
    /// The campaign, with each field's problem named. `instruments` are the readiness
    /// instruments a campaign may use (those every organisation has: Parat's own, see
    /// [`instruments`]).
    pub fn parse(&self, locale: Locale, instruments: &[&str]) -> Result<CampaignDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check("name", required_text(&self.name, NAME_MAX));
        let topics = errors.check("topics", {
            let mut topics = Vec::new();
            for key in self.topics.iter().map(|k| k.trim()).filter(|k| !k.is_empty()) {
                match TopicArea::parse(key) {
                    Ok(TopicArea::Custom) | Err(_) => {
                        topics.clear();
                        break;
                    }
                    Ok(topic) if !topics.contains(&topic) => topics.push(topic),
                    Ok(_) => {}
                }
            }
            match topics.is_empty() {
                true if self.topics.iter().all(|k| k.trim().is_empty()) => Err(Problem::NotChosen),
                true => Err(Problem::UnknownChoice),
                false => Ok(topics),
            }
        });
        let instrument_id = errors.check(
            "instrument_id",
            match self.instrument_id.trim() {
                "" => Err(Problem::NotChosen),
                id if instruments.contains(&id) => Ok(id.to_owned()),
                _ => Err(Problem::UnknownChoice),
            },
        );
        let starts_on = errors.check("starts_on", required_date(&self.starts_on));
        let ends_on = errors.check("ends_on", required_date(&self.ends_on));
        if let (Some(start), Some(end)) = (starts_on, ends_on) {
            if end < start {
                errors.add("ends_on", Problem::EndBeforeStart);
            }
        }
        let answer_by = errors.check("answer_by", parse_date(&self.answer_by));
        let offer_text = errors.check("offer_text", required_text(&self.offer_text, TEXT_MAX));
        let reference = errors.check("reference", optional_text(&self.reference, SHORT_MAX, false));
        let price = errors.check(
            "price",
            match self.price.trim() {
                "" => Ok(Amount::ZERO),
                raw => Amount::parse(raw, locale, false),
            },
        );
        let board_share = errors.check(
            "board_share",
            match self.board_share.trim().trim_end_matches('%').trim() {
                "" | "0" => Ok(None),
                raw => Share::parse(raw, locale).map(Some),
            },
        );
        let contractor_id = errors.check("contractor_id", crate::validation::optional_id(&self.contractor_id));
        let audience = errors.check("audience", Audience::parse(&self.audience).map_err(|_| Problem::NotChosen));
        let offered = errors.check("offered", crate::validation::chosen_ids(&self.offered));
        if let (Some(Audience::Chosen), Some(chosen)) = (audience, &offered) {
            if chosen.is_empty() {
                errors.add("offered", Problem::NotChosen);
            }
        }
        errors.finish(|| {
            let audience = audience?;
            Some(CampaignDraft {
                name: name?,
                topics: topics?,
                instrument_id: instrument_id?,
                starts_on: starts_on?,
                ends_on: ends_on?,
                answer_by: answer_by?,
                offer_text: offer_text?,
                reference: reference?,
                price: price?,
                board_share: board_share?.unwrap_or(Share::from_hundredths(0)),
                contractor_id: contractor_id?,
                audience,
                offered: match audience {
                    Audience::All => Vec::new(),
                    Audience::Chosen => offered?,
                },
            })
        })
    }
}

/// An organisation's interest as typed.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct InterestInput {
    pub topic: String,
    pub contact_name: String,
    pub contact_email: String,
    pub informant_roles: String,
    pub preferred_weeks: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InterestDraft {
    pub topic: TopicArea,
    pub contact_name: String,
    pub contact_email: String,
    /// The key informants' roles the organisation suggests, one per line.
    pub informant_roles: String,
    pub preferred_weeks: String,
}

impl InterestInput {
    /// The interest in one of the campaign's topics.
    pub fn parse(&self, topics: &[TopicArea]) -> Result<InterestDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let topic = errors.check(
            "topic",
            match TopicArea::parse(&self.topic) {
                Ok(topic) if topics.contains(&topic) => Ok(topic),
                Ok(_) => Err(Problem::UnknownChoice),
                Err(problem) => Err(problem),
            },
        );
        let contact_name = errors.check("contact_name", required_text(&self.contact_name, SHORT_MAX));
        let contact_email = errors.check("contact_email", Email::parse(&self.contact_email));
        let informant_roles = errors.check("informant_roles", optional_text(&self.informant_roles, TEXT_MAX, true));
        let preferred_weeks = errors.check("preferred_weeks", optional_text(&self.preferred_weeks, SHORT_MAX, false));
        errors.finish(|| {
            Some(InterestDraft {
                topic: topic?,
                contact_name: contact_name?,
                contact_email: contact_email?.as_str().to_owned(),
                informant_roles: informant_roles?,
                preferred_weeks: preferred_weeks?,
            })
        })
    }
}
