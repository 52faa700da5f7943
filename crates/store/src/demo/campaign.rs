//! The small demo's readiness campaign: the county board offers measurements of violence in
//! close relationships and honour-related violence to every municipality under it, carried out
//! by a consultancy, half the price each. Borås is interested and approved (its assessment is
//! planned, the consultancy's person let in), Alingsås has registered interest, Lerum has not
//! answered by the date (overdue).

use parat_core::campaign::{Audience, CampaignDraft, InterestDraft};
use parat_core::initiative::TopicArea;
use parat_core::money::{Amount, Share};
use time::Duration;

use crate::campaign;
use crate::{Db, OrgScope, StoreResult};

pub(super) async fn county_campaign(
    db: &Db,
    board: &OrgScope,
    (boras, alingsas): (&OrgScope, &OrgScope),
    (contractor, consultant): (i64, i64),
) -> StoreResult<()> {
    let today = crate::now_date();
    let draft = CampaignDraft {
        name: "Beredskap mot våld i Västra Götaland".into(),
        topics: vec![TopicArea::ViolenceInCloseRelationships, TopicArea::HonourRelatedViolence],
        instrument_id: "crm-2014".into(),
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
    campaign::approve(db, board, offer.id, "Våld i nära relationer").await?;
    // The consultancy's person is assigned, and Borås lets them into its measurement.
    campaign::assign_contractor(db, board, offer.id, consultant, None).await?;
    campaign::grant_access(db, boras, offer.id).await?;
    Ok(())
}
