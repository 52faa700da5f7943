//! The small demo's readiness campaign: the county board offers measurements of violence in
//! close relationships and honour-related violence to every municipality under it, carried out
//! by a consultancy, half the price each. Borås is approved, the consultancy's two people let in,
//! its measurement reported and fed back (so the county report has a line); Alingsås has
//! registered interest; Lerum has not answered by the date (overdue).

use parat_core::campaign::{Audience, CampaignDraft, FeedbackDraft, InterestDraft};
use parat_core::initiative::TopicArea;
use parat_core::money::{Amount, Share};
use time::Duration;

use crate::campaign;
use crate::readiness::AssessmentBuilder;
use crate::{Db, OrgScope, StoreResult};

pub(super) async fn county_campaign(
    db: &Db,
    board: &OrgScope,
    (boras, alingsas): (&OrgScope, &OrgScope),
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
    let interest = |contact_name: &str, contact_email: &str| InterestDraft {
        topic: TopicArea::ViolenceInCloseRelationships,
        contact_name: contact_name.into(),
        contact_email: contact_email.into(),
        informant_roles: "Socialchef\nRektor\nPolisens kommunpolis\nVårdcentralens chef".into(),
        preferred_weeks: "Vecka 10–12".into(),
    };
    for (scope, contact) in
        [(boras, ("Sara Samordnare", "samordnare@demo.parat.se")), (alingsas, ("Kim Kontakt", "kim@demo.parat.se"))]
    {
        let (_, offer) = campaign::offer_in(db, scope, id, scope.org_id()).await?;
        campaign::register_interest(db, scope, offer.id, &interest(contact.0, contact.1)).await?;
    }
    let (_, offer) = campaign::offer_in(db, board, id, boras.org_id()).await?;
    let assessment = campaign::approve(db, board, offer.id, "Våld i nära relationer").await?;
    // The consultancy's two people are assigned, and Borås lets them into its measurement; they
    // interview and score, Borås agrees and reports, and the board holds the feedback meeting.
    let [first, second] = consultants;
    campaign::assign_contractor(db, board, offer.id, first.user_id(), Some(second.user_id())).await?;
    campaign::grant_access(db, boras, offer.id).await?;
    let guest = |own| campaign::guest_scope(db, own, assessment);
    let (Some(first), Some(second)) = (guest(first).await?, guest(second).await?) else { return Ok(()) };
    AssessmentBuilder::new(boras, [&first, &second], 0)
        .continuing(assessment)
        .measuring("Borås stad", "våld i nära relationer")
        .interview([4, 3, 5, 4, 3, 2])
        .interview([5, 3, 4, 4, 4, 2])
        .interview([4, 4, 5, 3, 3, 3])
        .interview([4, 3, 4, 4, 3, 2])
        .reported()
        .build(db)
        .await?;
    let feedback = FeedbackDraft {
        held_on: today - Duration::days(5),
        attended: "Socialchef, enhetschefer, skolans elevhälsa, polisen, Länsstyrelsen".into(),
        strengths: "Ledningen prioriterar frågan och samverkan med polisen fungerar.".into(),
        concerns: "Resurserna är knappa och kunskapen om insatserna är låg utanför socialtjänsten.".into(),
        resources: "Kvinnojouren och länets kompetensteam.".into(),
        actions: vec!["Informera skolor och vårdcentraler om insatserna".into(), "Söka utvecklingsmedel".into()],
    };
    campaign::record_feedback(db, board, offer.id, &feedback).await?;
    Ok(())
}
