//! Follow-up with participants in the demo: Borås's adult unit with its practitioner (Pia
//! Praktiker) and the administrator as its manager, twenty-four participants under codes with
//! weekly sessions over the past months — most improving, some not, a few alerts to see — and
//! half of the episodes closed, so that the unit's report has months and a tertial to show.

use parat_core::outcomes::{AgeGroup, EndReason, Marks, Ratings, Tenths};
use parat_core::participant::ParticipantDraft;
use time::Duration;

use super::Lcg;
use crate::outcomes::{self, EpisodeDraft, SessionDraft, SessionSource};
use crate::{participants, Db, OrgScope, StoreResult};

/// Four marks adding up to about `total`, each on the line.
fn marks(total: i64, random: &mut Lcg) -> Marks {
    let total = total.clamp(0, 400);
    let mut items = [total / 4; 4];
    items[3] += total - items.iter().sum::<i64>();
    // Some spread between the items, keeping the sum.
    let shift = (random.below(21) as i64 - 10).min(items[0]).min(100 - items[1]);
    items[0] -= shift;
    items[1] += shift;
    let items = items.map(|t| Tenths::from_tenths(t.clamp(0, 100)));
    Marks::items(&items).unwrap_or(Marks::TotalOnly(Tenths::whole(20)))
}

pub(super) async fn follow_up(db: &Db, admin: &OrgScope, practitioner: &OrgScope, random: &mut Lcg) -> StoreResult<()> {
    let today = crate::now_date();
    let unit = outcomes::create_unit(db, admin, "Vuxenenheten").await?;
    outcomes::create_unit(db, admin, "Ungdomsenheten").await?;
    outcomes::set_unit_member(db, admin, unit, practitioner.user_id(), false).await?;
    outcomes::set_unit_member(db, admin, unit, admin.user_id(), true).await?;
    for n in 0..24i64 {
        let draft = ParticipantDraft {
            code: format!("V-{:03}", 101 + n),
            age_group: if n % 5 == 4 { AgeGroup::Adolescent } else { AgeGroup::Adult },
            consent: Some((today - Duration::days(300 - n * 11), "Uppföljning med skattningar".into())),
            identity: None,
        };
        let participant = participants::create(db, practitioner, &draft).await?;
        let starts_on = today - Duration::days(290 - n * 11);
        let episode = EpisodeDraft {
            participant_id: participant,
            unit_id: unit,
            practitioner_id: practitioner.user_id(),
            initiative_id: None,
            starts_on,
        };
        let episode = outcomes::open_episode(db, practitioner, &episode, today).await?;
        // Intake 12–30 points; most rise by 0.5–2 points a week, every fifth falls.
        let intake = 120 + random.below(180) as i64;
        let weekly = if n % 5 == 2 { -8 } else { 5 + random.below(15) as i64 };
        let sessions = 3 + random.below(10) as i64;
        let mut held_on = starts_on;
        for week in 0..sessions {
            if held_on > today {
                break;
            }
            let outcome = marks(intake + weekly * week + random.below(20) as i64 - 10, random);
            // The alliance mostly high; now and then a session rated lower.
            let alliance =
                if random.below(7) == 0 { 300 + random.below(50) as i64 } else { 360 + random.below(40) as i64 };
            let Ok(ratings) = Ratings::new(Some(outcome), Some(marks(alliance, random))) else { continue };
            let session = SessionDraft {
                held_on,
                group_session: false,
                ratings,
                source: SessionSource::Tablet,
                submission: None,
            };
            outcomes::record_session(db, practitioner, episode, &session, today).await?;
            held_on += Duration::weeks(1);
        }
        // Half the episodes ended, most as planned.
        if n % 2 == 0 && held_on <= today {
            let reason = if n % 6 == 0 { EndReason::StoppedComing } else { EndReason::Planned };
            outcomes::close_episode(db, practitioner, episode, held_on - Duration::weeks(1), reason, today).await?;
        }
    }
    Ok(())
}
