//! The cooperation map over HTTP and from the command line: its measures against an independent
//! computation (`measures`), the process leader's pages (`pages`), the guided interview and the
//! roster survey (`collect`), the map written through the API (`api`), and break points, waves
//! and the steering group's report (`over_time`). Each test drives the real server.

use crate::common;

use common::{Browser, TestApp};
use parat_core::organisation::{OrgKind, Role};
use reqwest::StatusCode;

mod api;
mod collect;
mod measures;
mod over_time;
mod pages;

/// The value of the `<option>` labelled `label` on a page.
pub(super) fn option_value(page: &str, label: &str) -> String {
    let at = page.find(&format!(">{label}</option>")).unwrap_or_else(|| panic!("an option {label}"));
    let start = page[..at].rfind("value=\"").expect("its value") + "value=\"".len();
    page[start..start + page[start..].find('"').expect("end")].to_owned()
}

/// The id at the end of a meeting's link named `name` on the map page.
pub(super) fn meeting_id(page: &str, name: &str) -> String {
    let at = page.find(&format!(">{name}</a>")).unwrap_or_else(|| panic!("a meeting {name}"));
    let href = page[..at].rfind("/meetings/").expect("its link") + "/meetings/".len();
    page[href..href + page[href..].find('"').expect("end")].to_owned()
}

/// The table row whose header cell holds `name`, on the meeting page.
pub(super) fn row<'p>(page: &'p str, name: &str) -> &'p str {
    let at = page.find(&format!("<th scope=\"row\">{name}</th>")).unwrap_or_else(|| panic!("a row {name}"));
    &page[at..at + page[at..].find("</tr>").expect("end")]
}

pub(super) struct Setup {
    pub(super) leader: Browser,
    pub(super) viewer: Browser,
    pub(super) outsider: Browser,
    pub(super) base: String,
    /// Borås stad, Arbetsförmedlingen, Försäkringskassan.
    pub(super) actors: [String; 3],
    /// Samverkansteam, Nätverksmöte.
    pub(super) meetings: [String; 2],
}

/// A map with three actors and two meetings; Borås chairs the team, AF is a member of it, and
/// Borås's own rating of the team is 2.
pub(super) async fn setup(app: &TestApp) -> Setup {
    let org = app.organisation("Samordningsförbundet Sjuhärad", OrgKind::CoordinationAssociation, None).await;
    let other = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let leader = app.logged_in(org, "sara@sjuharad.se", "Sara Samordnare", Role::Coordinator).await;
    let viewer = app.logged_in(org, "sven@sjuharad.se", "Sven Styrgrupp", Role::Viewer).await;
    let outsider = app.logged_in(other, "ida@lerum.se", "Ida", Role::Admin).await;
    let made = leader.post("/maps", &[("name", "Unga vuxna 2026"), ("target_group", "Unga vuxna")]).await;
    let base = format!("/maps/{}", common::id_from_location(&common::location(&made)));
    for (organisation, agency) in [
        ("Borås stad", "municipality"),
        ("Arbetsförmedlingen", "employment_service"),
        ("Försäkringskassan", "social_insurance"),
    ] {
        let added = leader.post(&format!("{base}/actors"), &[("organisation", organisation), ("agency", agency)]).await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
    }
    let (_, form) = leader.page(&format!("{base}/meetings")).await;
    let actors = ["Borås stad", "Arbetsförmedlingen", "Försäkringskassan"].map(|name| option_value(&form, name));
    for (name, per_year) in [("Samverkansteam", "10"), ("Nätverksmöte", "4")] {
        let fields = [("name", name), ("level", "operational"), ("per_year", per_year), ("hours", "2")];
        assert_eq!(leader.post(&format!("{base}/meetings"), &fields).await.status(), StatusCode::SEE_OTHER);
    }
    let (_, page) = leader.page(&base).await;
    let meetings = ["Samverkansteam", "Nätverksmöte"].map(|name| meeting_id(&page, name));
    let team = format!("{base}/meetings/{}", meetings[0]);
    for (actor, role) in [(&actors[0], "chair"), (&actors[1], "member")] {
        let added = leader.post(&format!("{team}/attendance"), &[("actor_id", actor), ("role", role)]).await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
    }
    let rated = leader.post(&format!("{team}/ratings"), &[("actor_id", &actors[0]), ("useful_own", "2")]).await;
    assert_eq!(rated.status(), StatusCode::SEE_OTHER);
    Setup { leader, viewer, outsider, base, actors, meetings }
}
