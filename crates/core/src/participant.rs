//! Participants: people an organisation follows up (outcome ratings, individual-oriented
//! activities). Minimal and pseudonymous: a code unique within the organisation and an age
//! group; a name and personal identity number only where the organisation has turned that on
//! and consent is recorded.

use serde::Deserialize;
use time::Date;

use crate::initiative::parse_date;
use crate::outcomes::AgeGroup;
use crate::validation::{optional_text, required_text, FieldErrors, Problem};

pub const CODE_MAX: usize = 40;
pub const NAME_MAX: usize = 200;
pub const CONSENT_SCOPE_MAX: usize = 500;

/// A participant's fields as a form or JSON body sends them.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct ParticipantInput {
    pub code: String,
    pub age_group: String,
    pub name: String,
    pub personal_number: String,
    pub consent_on: String,
    pub consent_scope: String,
}

/// Who the person is, when the organisation records that and the person has consented.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub name: String,
    pub personal_number: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantDraft {
    pub code: String,
    pub age_group: AgeGroup,
    pub consent: Option<(Date, String)>,
    pub identity: Option<Identity>,
}

impl ParticipantInput {
    /// Every field checked; `names_allowed` is the organisation's setting. A name or personal
    /// number needs a consent date, and is refused where the organisation does not record them.
    pub fn parse(&self, names_allowed: bool, today: Date) -> Result<ParticipantDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let code = errors.check("code", required_text(&self.code, CODE_MAX));
        let age_group = errors.check("age_group", AgeGroup::parse(&self.age_group));
        let consent_on = errors.check(
            "consent_on",
            parse_date(&self.consent_on).and_then(|d| match d {
                Some(d) if d > today => Err(Problem::DateInFuture),
                other => Ok(other),
            }),
        );
        let scope = errors.check("consent_scope", optional_text(&self.consent_scope, CONSENT_SCOPE_MAX, true));
        let name = errors.check("name", optional_text(&self.name, NAME_MAX, false));
        let number = errors.check("personal_number", optional_text(&self.personal_number, 20, false));
        let identified = name.as_ref().is_some_and(|n| !n.is_empty()) || number.as_ref().is_some_and(|n| !n.is_empty());
        if identified && !names_allowed {
            errors.add("name", Problem::NamesNotRecorded);
        } else if identified && self.consent_on.trim().is_empty() {
            // Recorded only with the person's consent, and the consent with its date.
            errors.add("consent_on", Problem::Required);
        }
        errors.finish(|| {
            Some(ParticipantDraft {
                code: code?,
                age_group: age_group?,
                consent: consent_on?.map(|date| (date, scope.clone().unwrap_or_default())),
                identity: identified.then(|| Identity {
                    name: name.clone().unwrap_or_default(),
                    personal_number: number.clone().unwrap_or_default(),
                }),
            })
        })
    }
}
