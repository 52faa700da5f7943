//! Readiness campaigns in the store: the campaign a parent organisation runs (`campaigns`) and
//! each offered organisation's offer — its answer, the board's approval and the measurement made
//! for it in the organisation's own name (`offers`): an assessment, or, for a campaign by
//! questionnaire, a round. The board's members read the campaign and
//! every offer; its administrators and coordinators manage it. An offered organisation reads its
//! own offer only, and its administrators and coordinators answer it.

use parat_core::campaign::county::Sharing;
use parat_core::campaign::{offer_status, Measurement, OfferStatus, Progress, Response};
use parat_core::initiative::TopicArea;
use parat_core::money::{Amount, Share};
use parat_core::readiness::assessment::AssessmentStatus;
use serde::Serialize;
use time::Date;

use crate::db::{on_reader, on_writer};
use crate::stored::date_of;
use crate::{Db, OrgScope, StoreError, StoreResult, Stored};

mod campaigns;
mod county;
mod mail;
mod offers;

pub use campaigns::{
    board, campaign, campaign_for, campaigns_for, campaigns_of, contractor_choices, create_campaign, member_choices,
    CampaignLine,
};
mod access;

pub use access::{
    assign_contractor, assignments, contractor_people, grant_access, guest_round_scope, guest_scope, withdraw_access,
};
pub use county::{county_measurements, set_report_sharing, CountyFigures, CountyMeasurements};
pub use mail::{mail_recipients, mark_mailed, OfferRecipient};
pub use offers::{
    approve, decline, offer, offer_in, offers_to, record_feedback, register_interest, set_invoiced, Interest,
};

/// A campaign as its board set it up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Campaign {
    pub id: i64,
    /// The organisation that runs it.
    pub org_id: i64,
    pub owner_name: String,
    pub name: String,
    pub topics: Vec<TopicArea>,
    pub instrument_id: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub answer_by: Option<Date>,
    pub offer_text: String,
    pub reference: String,
    pub price: Amount,
    pub board_share: Share,
    pub contractor: Option<(i64, String)>,
    /// Whom the county report is shared with.
    pub report_sharing: Sharing,
}

/// The feedback meeting as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Feedback {
    pub held_on: Date,
    pub attended: String,
    pub strengths: String,
    pub concerns: String,
    pub resources: String,
    pub actions: String,
}

/// One offered organisation's line: its answer and interest, and its assessment once approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Offer {
    pub id: i64,
    pub campaign_id: i64,
    pub org_id: i64,
    pub org_name: String,
    pub response: Response,
    pub interest: Option<Interest>,
    pub responded_at: Option<i64>,
    pub approved_at: Option<i64>,
    pub assessment_id: Option<i64>,
    /// The questionnaire round made for it, when the campaign measures by questionnaire.
    pub round_id: Option<i64>,
    /// The day the organisation's share was invoiced.
    pub invoiced_on: Option<Date>,
    /// The contractor's person assigned to interview and score, by id and name.
    pub contractor_person: Option<(i64, String)>,
    /// The contractor's second person, the other of the method's two independent scorers.
    pub second_scorer: Option<(i64, String)>,
    /// The organisation's consent to that person's access to its assessment, in force.
    pub access_granted: bool,
    pub feedback: Option<Feedback>,
    /// When the offer was first e-mailed, and the last reminder.
    pub mailed_at: Option<i64>,
    pub reminded_at: Option<i64>,
    /// The measurement's progress as the board follows it.
    #[serde(skip)]
    pub progress: Option<Progress>,
}

/// The measurement made for an approved organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasurementRef {
    Assessment(i64),
    Round(i64),
}

impl Offer {
    pub fn status(&self) -> OfferStatus {
        offer_status(self.response, self.progress)
    }

    pub fn measurement(&self) -> Option<MeasurementRef> {
        self.assessment_id.map(MeasurementRef::Assessment).or(self.round_id.map(MeasurementRef::Round))
    }
}

#[derive(sqlx::FromRow)]
struct CampaignRow {
    id: i64,
    org_id: i64,
    owner_name: String,
    name: String,
    topics: Option<String>,
    instrument_id: String,
    starts_on: String,
    ends_on: String,
    answer_by: Option<String>,
    offer_text: String,
    reference: String,
    price: i64,
    board_share: i64,
    contractor_id: Option<i64>,
    contractor_name: Option<String>,
    report_sharing: Stored<Sharing>,
}

/// A campaign with its owner's and contractor's names and its topics in order (joined by `,`).
const SELECT_CAMPAIGN: &str = "SELECT c.id, c.org_id, o.name AS owner_name, c.name, \
    (SELECT string_agg(t.topic, ',' ORDER BY t.position) FROM campaign_topics t WHERE t.campaign_id = c.id) AS topics, \
    c.instrument_id, c.starts_on, c.ends_on, c.answer_by, c.offer_text, c.reference, c.price, \
    CAST(c.board_share AS BIGINT) AS board_share, \
    c.contractor_id, k.name AS contractor_name, c.report_sharing \
    FROM campaigns c JOIN organisations o ON o.id = c.org_id LEFT JOIN organisations k ON k.id = c.contractor_id";

impl CampaignRow {
    fn into_campaign(self) -> Option<Campaign> {
        let topics = self.topics.unwrap_or_default();
        Some(Campaign {
            id: self.id,
            org_id: self.org_id,
            owner_name: self.owner_name,
            name: self.name,
            topics: topics.split(',').filter(|k| !k.is_empty()).filter_map(|k| TopicArea::parse(k).ok()).collect(),
            instrument_id: self.instrument_id,
            starts_on: date_of(Some(self.starts_on))?,
            ends_on: date_of(Some(self.ends_on))?,
            answer_by: date_of(self.answer_by),
            offer_text: self.offer_text,
            reference: self.reference,
            price: Amount::from_ore(self.price),
            board_share: Share::from_hundredths(u16::try_from(self.board_share).ok()?),
            contractor: self.contractor_id.zip(self.contractor_name),
            report_sharing: self.report_sharing.0,
        })
    }
}

#[derive(sqlx::FromRow)]
struct OfferRow {
    id: i64,
    campaign_id: i64,
    org_id: i64,
    org_name: String,
    response: Stored<Response>,
    topic: Option<Stored<TopicArea>>,
    contact_name: Option<String>,
    contact_email: Option<String>,
    informant_roles: Option<String>,
    preferred_weeks: Option<String>,
    responded_at: Option<i64>,
    approved_at: Option<i64>,
    assessment_id: Option<i64>,
    assessment_status: Option<Stored<AssessmentStatus>>,
    informants: Option<i64>,
    round_id: Option<i64>,
    round_closed: Option<bool>,
    round_closes_on: Option<String>,
    responses: Option<i64>,
    invoiced_on: Option<String>,
    contractor_user_id: Option<i64>,
    contractor_user_name: Option<String>,
    second_user_id: Option<i64>,
    second_user_name: Option<String>,
    access_granted_at: Option<i64>,
    access_withdrawn_at: Option<i64>,
    mailed_at: Option<i64>,
    reminded_at: Option<i64>,
    held_on: Option<String>,
    attended: Option<String>,
    strengths: Option<String>,
    concerns: Option<String>,
    resources: Option<String>,
    actions: Option<String>,
}

/// Offers with their organisation's name and, once approved, their assessment's status and
/// number of key informants (or their round's closing and submitted answers), the invoicing and
/// the feedback meeting.
const SELECT_OFFER: &str = "SELECT f.id, f.campaign_id, f.org_id, o.name AS org_name, f.response, f.topic, \
    f.contact_name, f.contact_email, f.informant_roles, f.preferred_weeks, f.responded_at, f.approved_at, \
    f.assessment_id, a.status AS assessment_status, \
    (SELECT COUNT(*) FROM informants i WHERE i.assessment_id = f.assessment_id) AS informants, \
    f.round_id, q.closed_at IS NOT NULL AS round_closed, q.closes_on AS round_closes_on, \
    (SELECT COUNT(*) FROM round_responses rs WHERE rs.round_id = f.round_id AND rs.submitted_at IS NOT NULL) \
    AS responses, f.invoiced_on, \
    f.contractor_user_id, u.display_name AS contractor_user_name, f.second_user_id, \
    s.display_name AS second_user_name, f.access_granted_at, f.access_withdrawn_at, \
    f.mailed_at, f.reminded_at, b.held_on, b.attended, b.strengths, b.concerns, b.resources, b.actions \
    FROM campaign_offers f JOIN organisations o ON o.id = f.org_id LEFT JOIN assessments a ON a.id = f.assessment_id \
    LEFT JOIN questionnaire_rounds q ON q.id = f.round_id \
    LEFT JOIN campaign_feedback b ON b.offer_id = f.id LEFT JOIN users u ON u.id = f.contractor_user_id \
    LEFT JOIN users s ON s.id = f.second_user_id";

impl OfferRow {
    /// The assessment's progress, or the round's: closed by hand or past its last day.
    fn progress(&self, feedback_held: bool) -> Option<Progress> {
        let count = |n: Option<i64>| u32::try_from(n.unwrap_or(0)).unwrap_or(0);
        let measurement = match (&self.assessment_status, self.round_id) {
            (Some(status), _) => Measurement::Assessment { status: status.0, informants: count(self.informants) },
            (None, Some(_)) => {
                let closed = round_closed(self.round_closed == Some(true), self.round_closes_on.clone());
                Measurement::Round { responses: count(self.responses), closed }
            }
            (None, None) => return None,
        };
        Some(Progress { measurement, feedback_held })
    }

    fn into_offer(self) -> Offer {
        let progress = self.progress(date_of(self.held_on.clone()).is_some());
        let interest = match (self.topic, self.contact_name, self.contact_email) {
            (Some(topic), Some(contact_name), Some(contact_email)) => Some(Interest {
                topic: topic.0,
                contact_name,
                contact_email,
                informant_roles: self.informant_roles.unwrap_or_default(),
                preferred_weeks: self.preferred_weeks.unwrap_or_default(),
            }),
            _ => None,
        };
        let feedback = date_of(self.held_on).map(|held_on| Feedback {
            held_on,
            attended: self.attended.unwrap_or_default(),
            strengths: self.strengths.unwrap_or_default(),
            concerns: self.concerns.unwrap_or_default(),
            resources: self.resources.unwrap_or_default(),
            actions: self.actions.unwrap_or_default(),
        });
        Offer {
            id: self.id,
            campaign_id: self.campaign_id,
            org_id: self.org_id,
            org_name: self.org_name,
            response: self.response.0,
            interest,
            responded_at: self.responded_at,
            approved_at: self.approved_at,
            assessment_id: self.assessment_id,
            invoiced_on: date_of(self.invoiced_on),
            contractor_person: self.contractor_user_id.zip(self.contractor_user_name),
            second_scorer: self.second_user_id.zip(self.second_user_name),
            access_granted: self.access_granted_at.is_some() && self.access_withdrawn_at.is_none(),
            feedback,
            mailed_at: self.mailed_at,
            reminded_at: self.reminded_at,
            progress,
            round_id: self.round_id,
        }
    }
}

/// Whether a campaign's round is done taking answers: closed by hand, or past its last day.
fn round_closed(closed_by_hand: bool, closes_on: Option<String>) -> bool {
    closed_by_hand || date_of(closes_on).is_some_and(|last| last < crate::now_date())
}

/// Refuses a change to those who do not edit initiatives in the scope's organisation.
fn require_manager(scope: &OrgScope) -> StoreResult<()> {
    match scope.role().can_edit_initiatives() {
        true => Ok(()),
        false => Err(StoreError::Forbidden),
    }
}
