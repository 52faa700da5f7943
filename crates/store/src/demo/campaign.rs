//! The small demo's readiness campaign: the county board offers measurements of violence in
//! close relationships and honour-related violence to every municipality under it, carried out
//! by a consultancy, half the price each — and the municipalities stand in every status: Lerum
//! has not answered by the date (overdue), Alingsås has registered interest, Mölndal declined;
//! Kungälv is approved and has not yet let the consultancy's two people in; Trollhättan has let
//! them in and its interviews are being booked; Uddevalla is interviewing, Skövde scoring,
//! Vänersborg at consensus; Falköping is reported, and Borås has had its feedback meeting too.

use parat_core::campaign::{Audience, CampaignDraft, FeedbackDraft, InterestDraft};
use parat_core::initiative::TopicArea;
use parat_core::money::{Amount, Share};
use parat_core::questionnaire::RawAnswer;
use time::Duration;

use crate::campaign;
use crate::db::on_reader;
use parat_core::readiness::assessment::InformantDraft;

use crate::readiness::{self, AssessmentBuilder, PlannedInterview};
use crate::{Db, OrgScope, StoreError, StoreResult};

pub(super) async fn county_campaign(
    db: &Db,
    board: &OrgScope,
    (boras, alingsas, others): (&OrgScope, &OrgScope, &[OrgScope]),
    (contractor, consultants): (i64, &[OrgScope; 2]),
) -> StoreResult<()> {
    let today = crate::now_date();
    let draft = CampaignDraft {
        name: "Beredskap mot våld i Västra Götaland".into(),
        topics: vec![TopicArea::ViolenceInCloseRelationships, TopicArea::HonourRelatedViolence],
        instrument_id: "crm-2006".into(),
        starts_on: today - Duration::days(60),
        ends_on: today + Duration::days(300),
        answer_by: Some(today - Duration::days(10)),
        offer_text: "Länsstyrelsen erbjuder kommunerna en mätning av beredskapen att arbeta mot våld i nära \
            relationer eller hedersrelaterat våld och förtryck. Konsulterna intervjuar sex nyckelpersoner, \
            bedömer intervjuerna och återkopplar resultatet med förslag på strategier. Länsstyrelsen betalar \
            halva kostnaden."
            .into(),
        reference: "Dnr 851-12345-2026".into(),
        price: Amount::from_ore(6_000_000),
        board_share: Share::from_hundredths(5_000),
        contractor_id: Some(contractor),
        audience: Audience::All,
        offered: Vec::new(),
    };
    let id = campaign::create_campaign(db, board, &draft).await?;
    interested(db, id, alingsas).await?;
    let [molndal, kungalv, trollhattan, uddevalla, skovde, vanersborg, falkoping] = others else { return Ok(()) };
    let declined = interested(db, id, molndal).await?;
    campaign::decline(db, molndal, declined).await?;
    approved(db, (board, id), kungalv, consultants, false).await?;
    if let Some((_, assessment, (first, _))) = approved(db, (board, id), trollhattan, consultants, true).await? {
        let (planned, _) = readiness::get(db, &first, assessment).await?;
        for (n, role) in [(1, "Socialchef"), (2, "Rektor")] {
            let informant = InformantDraft {
                label: format!("Nyckelperson {n}"),
                role: role.into(),
                sector: "Kommun".into(),
                contact: None,
            };
            readiness::add_informant(db, &first, &planned, &informant).await?;
        }
    }
    // The levels agreed in each interview, a little apart from one municipality to the next.
    let levels = |shift: u8| {
        [[4, 3, 5, 4, 3, 2], [5, 3, 4, 4, 4, 2], [4, 4, 5, 3, 3, 3], [4, 3, 4, 4, 3, 2]]
            .map(|interview| interview.map(|level| (level + shift).min(9)))
    };
    if let Some((_, assessment, (first, second))) = approved(db, (board, id), uddevalla, consultants, true).await? {
        AssessmentBuilder::new(uddevalla, [&first, &second], 0).continuing(assessment).build(db).await?;
    }
    if let Some((_, assessment, (first, second))) = approved(db, (board, id), skovde, consultants, true).await? {
        let mut builder = AssessmentBuilder::new(skovde, [&first, &second], 0).continuing(assessment);
        for (n, agreed) in levels(1).into_iter().enumerate() {
            let mut interview = PlannedInterview::agreed(n + 1, agreed);
            // The second scorer has not scored the last interview yet.
            if n == 3 {
                interview.scored[1] = None;
                interview.agreed = None;
            }
            builder = builder.planned(interview);
        }
        builder.build(db).await?;
    }
    if let Some((_, assessment, (first, second))) = approved(db, (board, id), vanersborg, consultants, true).await? {
        let mut builder = AssessmentBuilder::new(vanersborg, [&first, &second], 0).continuing(assessment);
        for agreed in levels(0) {
            builder = builder.interview(agreed);
        }
        builder.build(db).await?;
        readiness::advance(db, vanersborg, assessment).await?;
    }
    for (scope, shift) in [(falkoping, 2), (boras, 0)] {
        let Some((offer, assessment, guests)) = approved(db, (board, id), scope, consultants, true).await? else {
            continue;
        };
        reported(db, scope, (assessment, guests), levels(shift)).await?;
        if scope.org_id() != boras.org_id() {
            continue;
        }
        let feedback = FeedbackDraft {
            held_on: today - Duration::days(5),
            attended: "Socialchef, enhetschefer, skolans elevhälsa, polisen, Länsstyrelsen".into(),
            strengths: "Ledningen prioriterar frågan och samverkan med polisen fungerar.".into(),
            concerns: "Resurserna är knappa och kunskapen om insatserna är låg utanför socialtjänsten.".into(),
            resources: "Kvinnojouren och länets kompetensteam.".into(),
            actions: vec!["Informera skolor och vårdcentraler om insatserna".into(), "Söka utvecklingsmedel".into()],
        };
        campaign::record_feedback(db, board, offer, &feedback).await?;
    }
    Ok(())
}

/// A second campaign, by questionnaire: the staff survey on readiness to work on integration,
/// offered to four municipalities that approved, sent out and answered; two have closed their
/// rounds (one let the consultancy's coordinator read its results), two are still answering.
pub(super) async fn survey_campaign(
    db: &Db,
    board: &OrgScope,
    organisations: &[OrgScope],
    (contractor, consultant): (i64, &OrgScope),
) -> StoreResult<()> {
    let today = crate::now_date();
    let draft = CampaignDraft {
        name: "Personalenkät om beredskap för integration".into(),
        topics: vec![TopicArea::Integration],
        instrument_id: "oric".into(),
        starts_on: today - Duration::days(30),
        ends_on: today + Duration::days(120),
        answer_by: Some(today - Duration::days(20)),
        offer_text: "Länsstyrelsen erbjuder kommunerna en kort anonym enkät till medarbetarna om hur beredda \
            arbetsplatserna är att arbeta med integration. Konsulterna analyserar svaren och återkopplar."
            .into(),
        reference: "Dnr 851-23456-2026".into(),
        price: Amount::from_ore(1_500_000),
        board_share: Share::from_hundredths(10_000),
        contractor_id: Some(contractor),
        audience: Audience::Chosen,
        offered: organisations.iter().map(OrgScope::org_id).collect(),
    };
    let id = campaign::create_campaign(db, board, &draft).await?;
    for (n, scope) in organisations.iter().enumerate() {
        let offer = interested_in(db, (id, scope), TopicArea::Integration, "").await?;
        let campaign::MeasurementRef::Round(round_id) =
            campaign::approve(db, board, offer, "arbetet med integration").await?
        else {
            return Err(StoreError::Refused("the demo's survey campaign makes rounds".into()));
        };
        let round = crate::questionnaire::get(db, scope, round_id).await?;
        let link = crate::questionnaire::new_open_link(db, scope, &round).await?;
        let items: Vec<String> =
            round.definition.items().filter(|i| i.kind.range().is_some()).map(|i| i.id.clone()).collect();
        // Six to nine answers, each item 2–5, a little apart from one municipality to the next.
        for person in 0..6 + n {
            let given = items
                .iter()
                .enumerate()
                .map(|(k, id)| (id.clone(), RawAnswer::Number((2 + (person + k * (n + 1)) % 4) as f64)))
                .collect();
            let opened = crate::questionnaire::open(db, &link, Some(&crate::Secret::generate())).await?;
            let _ = crate::questionnaire::save(db, &opened, &given, None, true, today).await?;
        }
        if n < 2 {
            crate::questionnaire::set_closed(db, scope, &round, true).await?;
        }
        if n == 0 {
            campaign::assign_contractor(db, board, offer, consultant.user_id(), None).await?;
            campaign::grant_access(db, scope, offer).await?;
        }
    }
    Ok(())
}

/// The organisation registers interest, its coordinator the contact person; gives the offer.
async fn interested(db: &Db, campaign_id: i64, scope: &OrgScope) -> StoreResult<i64> {
    let roles = "Socialchef\nRektor\nPolisens kommunpolis\nVårdcentralens chef";
    interested_in(db, (campaign_id, scope), TopicArea::ViolenceInCloseRelationships, roles).await
}

/// The same, in `topic`, suggesting `informant_roles` (none for a questionnaire, which goes to
/// the staff).
async fn interested_in(
    db: &Db,
    (campaign_id, scope): (i64, &OrgScope),
    topic: TopicArea,
    informant_roles: &str,
) -> StoreResult<i64> {
    let (_, offer) = campaign::offer_in(db, scope, campaign_id, scope.org_id()).await?;
    let (contact_name, contact_email): (String, String) =
        on_reader!(db, |pool| sqlx::query_as("SELECT display_name, email FROM users WHERE id = $1")
            .bind(scope.user_id())
            .fetch_one(pool)
            .await?);
    let interest = InterestDraft {
        topic,
        contact_name,
        contact_email,
        informant_roles: informant_roles.into(),
        preferred_weeks: "Vecka 10–12".into(),
    };
    campaign::register_interest(db, scope, offer.id, &interest).await?;
    Ok(offer.id)
}

/// Interested and approved, with the consultancy's two people assigned; let in when `consent`,
/// and then the offer, the assessment and the two people's scopes in the organisation's name.
async fn approved(
    db: &Db,
    (board, campaign_id): (&OrgScope, i64),
    scope: &OrgScope,
    [first, second]: &[OrgScope; 2],
    consent: bool,
) -> StoreResult<Option<(i64, i64, (OrgScope, OrgScope))>> {
    let offer = interested(db, campaign_id, scope).await?;
    let campaign::MeasurementRef::Assessment(assessment) =
        campaign::approve(db, board, offer, "Våld i nära relationer").await?
    else {
        return Err(StoreError::Refused("the demo's campaign measures by interviews".into()));
    };
    campaign::assign_contractor(db, board, offer, first.user_id(), Some(second.user_id())).await?;
    if !consent {
        return Ok(None);
    }
    campaign::grant_access(db, scope, offer).await?;
    let first = campaign::guest_scope(db, first, assessment).await?;
    let second = campaign::guest_scope(db, second, assessment).await?;
    Ok(first.zip(second).map(|guests| (offer, assessment, guests)))
}

/// A measurement the consultancy's two people interviewed and scored, reported by the
/// organisation: four interviews at these levels.
async fn reported(
    db: &Db,
    scope: &OrgScope,
    (assessment, (first, second)): (i64, (OrgScope, OrgScope)),
    levels: [[u8; 6]; 4],
) -> StoreResult<()> {
    let mut builder = AssessmentBuilder::new(scope, [&first, &second], 0).continuing(assessment);
    for agreed in levels {
        builder = builder.interview(agreed);
    }
    builder.reported().build(db).await?;
    Ok(())
}

/// The national demo's campaign, for the benchmark: the national agency offers measurements to
/// all 290 municipalities. Every fifth is measured and reported (58), as many again have
/// answered — interested, approved or declined — and the rest have not.
pub(super) async fn national_campaign(
    db: &Db,
    agency: &OrgScope,
    municipalities: &[OrgScope],
    (contractor, consultants): (i64, &[OrgScope; 2]),
    random: &mut super::Lcg,
) -> StoreResult<()> {
    let today = crate::now_date();
    let draft = CampaignDraft {
        name: "Beredskap mot våld i hela landet".into(),
        topics: vec![TopicArea::ViolenceInCloseRelationships],
        instrument_id: "crm-2006".into(),
        starts_on: today - Duration::days(200),
        ends_on: today + Duration::days(160),
        answer_by: Some(today - Duration::days(100)),
        offer_text: "Myndigheten erbjuder alla kommuner en mätning av beredskapen mot våld i nära relationer.".into(),
        reference: "Dnr 2026/1234".into(),
        price: Amount::from_ore(6_000_000),
        board_share: Share::from_hundredths(5_000),
        contractor_id: Some(contractor),
        audience: Audience::Chosen,
        offered: municipalities.iter().map(OrgScope::org_id).collect(),
    };
    let id = campaign::create_campaign(db, agency, &draft).await?;
    for (i, scope) in municipalities.iter().enumerate() {
        match i % 10 {
            0 | 5 => {
                let Some((_, assessment, guests)) = approved(db, (agency, id), scope, consultants, true).await? else {
                    continue;
                };
                let base = 2 + random.below(5) as u8;
                let levels = [0u8, 1, 2, 3]
                    .map(|_| [0u8, 1, 2, 3, 4, 5].map(|d| (base + (d % 3) + random.below(3) as u8).clamp(1, 9)));
                reported(db, scope, (assessment, guests), levels).await?;
            }
            1 | 6 => {
                interested(db, id, scope).await?;
            }
            2 => {
                approved(db, (agency, id), scope, consultants, false).await?;
            }
            3 => {
                let offer = interested(db, id, scope).await?;
                campaign::decline(db, scope, offer).await?;
            }
            _ => {}
        }
    }
    Ok(())
}
