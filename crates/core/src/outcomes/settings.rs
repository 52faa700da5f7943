//! When a rating prompts a conversation: the thresholds an organisation may set, each with the
//! usual default from the published scales' practice.

use serde::{Deserialize, Serialize};

use super::rating::ITEM_MAX;
use super::{AgeGroup, Tenths, TOTAL_MAX};

/// The thresholds, each within its scale; built only by [`RawSettings::parse`] or [`Default`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Settings {
    reliable_change: Tenths,
    srs_cutoff: Tenths,
    srs_item_cutoff: Tenths,
    srs_drop: Tenths,
    no_improvement_after: u32,
    cutoffs: Cutoffs,
}

/// The outcome scale's clinical cut-off per age group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cutoffs {
    pub adult: Tenths,
    pub adolescent: Tenths,
    pub child: Tenths,
}

impl Cutoffs {
    pub fn of(&self, age_group: AgeGroup) -> Tenths {
        match age_group {
            AgeGroup::Adult => self.adult,
            AgeGroup::Adolescent => self.adolescent,
            AgeGroup::Child => self.child,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            reliable_change: Tenths::whole(5),
            srs_cutoff: Tenths::whole(36),
            srs_item_cutoff: Tenths::whole(9),
            srs_drop: Tenths::whole(1),
            no_improvement_after: 4,
            cutoffs: Cutoffs { adult: Tenths::whole(25), adolescent: Tenths::whole(28), child: Tenths::whole(32) },
        }
    }
}

impl Settings {
    /// How far the outcome total must move from intake to count as reliable change.
    pub fn reliable_change(&self) -> Tenths {
        self.reliable_change
    }
    /// A session total below this prompts a conversation.
    pub fn srs_cutoff(&self) -> Tenths {
        self.srs_cutoff
    }
    /// A session item below this prompts a conversation.
    pub fn srs_item_cutoff(&self) -> Tenths {
        self.srs_item_cutoff
    }
    /// A session total this much lower than the previous one prompts a conversation.
    pub fn srs_drop(&self) -> Tenths {
        self.srs_drop
    }
    /// Outcome ratings after which no reliable improvement is an alert.
    pub fn no_improvement_after(&self) -> u32 {
        self.no_improvement_after
    }
    pub fn cutoffs(&self) -> &Cutoffs {
        &self.cutoffs
    }
    pub fn cutoff(&self, age_group: AgeGroup) -> Tenths {
        self.cutoffs.of(age_group)
    }
}

/// The settings as JSON gives them, every one optional.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields, default)]
pub struct RawSettings {
    /// Default 5.
    pub reliable_change: Option<f64>,
    /// Default 36.
    pub srs_cutoff: Option<f64>,
    /// Default 9.
    pub srs_item_cutoff: Option<f64>,
    /// Default 1.
    pub srs_drop: Option<f64>,
    /// Default 4.
    pub no_improvement_after: Option<f64>,
    #[serde(deserialize_with = "crate::raw_id::object_only")]
    pub cutoffs: RawCutoffs,
}

/// Default adult 25, adolescent 28, child 32.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields, default)]
pub struct RawCutoffs {
    pub adult: Option<f64>,
    pub adolescent: Option<f64>,
    pub child: Option<f64>,
}

/// A setting off its range, by its name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("settings.{name}: {what}")]
pub struct SettingsProblem {
    pub name: &'static str,
    pub what: &'static str,
}

impl RawSettings {
    pub fn parse(&self) -> Result<Settings, SettingsProblem> {
        let defaults = Settings::default();
        // A value with one decimal in `low..=high`, or the default when not given.
        let value = |name: &'static str, raw: Option<f64>, default: Tenths, low: Tenths, high: Tenths| match raw {
            None => Ok(default),
            Some(number) => match Tenths::from_number(number) {
                Ok(v) if v >= low && v <= high => Ok(v),
                Ok(_) | Err(super::TenthsProblem::TooLarge) => Err(SettingsProblem { name, what: range_of(name) }),
                Err(_) => Err(SettingsProblem { name, what: "must be a number with at most one decimal" }),
            },
        };
        let tenth = Tenths::from_tenths(1);
        let total = |name, raw, default| value(name, raw, default, Tenths::ZERO, TOTAL_MAX);
        let after = match self.no_improvement_after {
            None => defaults.no_improvement_after,
            Some(n) if n.fract() == 0.0 && (1.0..=1000.0).contains(&n) => n as u32,
            Some(_) => {
                return Err(SettingsProblem { name: "no_improvement_after", what: range_of("no_improvement_after") })
            }
        };
        Ok(Settings {
            reliable_change: value(
                "reliable_change",
                self.reliable_change,
                defaults.reliable_change,
                tenth,
                TOTAL_MAX,
            )?,
            srs_cutoff: total("srs_cutoff", self.srs_cutoff, defaults.srs_cutoff)?,
            srs_item_cutoff: value(
                "srs_item_cutoff",
                self.srs_item_cutoff,
                defaults.srs_item_cutoff,
                Tenths::ZERO,
                ITEM_MAX,
            )?,
            srs_drop: value("srs_drop", self.srs_drop, defaults.srs_drop, tenth, TOTAL_MAX)?,
            no_improvement_after: after,
            cutoffs: Cutoffs {
                adult: total("cutoffs.adult", self.cutoffs.adult, defaults.cutoffs.adult)?,
                adolescent: total("cutoffs.adolescent", self.cutoffs.adolescent, defaults.cutoffs.adolescent)?,
                child: total("cutoffs.child", self.cutoffs.child, defaults.cutoffs.child)?,
            },
        })
    }
}

/// What a setting may be, said when it is off.
fn range_of(name: &str) -> &'static str {
    match name {
        "reliable_change" | "srs_drop" => "must be from 0.1 to 40, with at most one decimal",
        "srs_item_cutoff" => "must be from 0 to 10, with at most one decimal",
        "no_improvement_after" => "must be a whole number from 1 to 1000",
        _ => "must be from 0 to 40, with at most one decimal",
    }
}

impl From<&Settings> for RawSettings {
    fn from(settings: &Settings) -> Self {
        let number = |t: Tenths| Some(t.as_f64());
        RawSettings {
            reliable_change: number(settings.reliable_change),
            srs_cutoff: number(settings.srs_cutoff),
            srs_item_cutoff: number(settings.srs_item_cutoff),
            srs_drop: number(settings.srs_drop),
            no_improvement_after: Some(f64::from(settings.no_improvement_after)),
            cutoffs: RawCutoffs {
                adult: number(settings.cutoffs.adult),
                adolescent: number(settings.cutoffs.adolescent),
                child: number(settings.cutoffs.child),
            },
        }
    }
}

/// The administrator's settings form, as typed (decimal comma or point).
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct SettingsInput {
    pub reliable_change: String,
    pub cutoff_adult: String,
    pub cutoff_adolescent: String,
    pub cutoff_child: String,
    pub srs_cutoff: String,
    pub srs_item_cutoff: String,
    pub srs_drop: String,
    pub no_improvement_after: String,
    /// `on` when the organisation records names and personal identity numbers.
    pub names_allowed: String,
    /// Months after a participant's last episode ends before they are erased; empty for never.
    pub retention_months: String,
}

/// The organisation's follow-up settings, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrganisationSettings {
    pub settings: Settings,
    pub names_allowed: bool,
    pub retention_months: Option<u32>,
}

impl SettingsInput {
    /// The form filled with the current settings.
    pub fn of(current: &OrganisationSettings) -> Self {
        let s = &current.settings;
        SettingsInput {
            reliable_change: s.reliable_change.to_string(),
            cutoff_adult: s.cutoffs.adult.to_string(),
            cutoff_adolescent: s.cutoffs.adolescent.to_string(),
            cutoff_child: s.cutoffs.child.to_string(),
            srs_cutoff: s.srs_cutoff.to_string(),
            srs_item_cutoff: s.srs_item_cutoff.to_string(),
            srs_drop: s.srs_drop.to_string(),
            no_improvement_after: s.no_improvement_after.to_string(),
            names_allowed: if current.names_allowed { "on".into() } else { String::new() },
            retention_months: current.retention_months.map(|m| m.to_string()).unwrap_or_default(),
        }
    }

    pub fn parse(&self) -> Result<OrganisationSettings, crate::FieldErrors> {
        use crate::Problem;
        let mut errors = crate::FieldErrors::new();
        let mut value = |name: &'static str, raw: &str, low: Tenths, high: Tenths| {
            let parsed = match Tenths::from_text(raw) {
                Ok(v) if v >= low && v <= high => Ok(v),
                Ok(_) | Err(super::TenthsProblem::TooLarge) => {
                    Err(Problem::DecimalOutOfRange { min: low.tenths() / 10, max: high.tenths() / 10 })
                }
                Err(super::TenthsProblem::TooManyDecimals) => Err(Problem::OneDecimal),
                Err(super::TenthsProblem::NotANumber) if raw.trim().is_empty() => Err(Problem::Required),
                Err(super::TenthsProblem::NotANumber) => Err(Problem::NotANumber),
            };
            errors.check(name, parsed)
        };
        let tenth = Tenths::from_tenths(1);
        let reliable_change = value("reliable_change", &self.reliable_change, tenth, TOTAL_MAX);
        let adult = value("cutoff_adult", &self.cutoff_adult, Tenths::ZERO, TOTAL_MAX);
        let adolescent = value("cutoff_adolescent", &self.cutoff_adolescent, Tenths::ZERO, TOTAL_MAX);
        let child = value("cutoff_child", &self.cutoff_child, Tenths::ZERO, TOTAL_MAX);
        let srs_cutoff = value("srs_cutoff", &self.srs_cutoff, Tenths::ZERO, TOTAL_MAX);
        let srs_item_cutoff = value("srs_item_cutoff", &self.srs_item_cutoff, Tenths::ZERO, ITEM_MAX);
        let srs_drop = value("srs_drop", &self.srs_drop, tenth, TOTAL_MAX);
        let after =
            errors.check("no_improvement_after", crate::validation::int_in(&self.no_improvement_after, 1, 1000));
        let retention = match self.retention_months.trim() {
            "" => Some(None),
            raw => errors.check("retention_months", crate::validation::int_in(raw, 1, 1200)).map(|m| Some(m as u32)),
        };
        errors.finish(|| {
            Some(OrganisationSettings {
                settings: Settings {
                    reliable_change: reliable_change?,
                    srs_cutoff: srs_cutoff?,
                    srs_item_cutoff: srs_item_cutoff?,
                    srs_drop: srs_drop?,
                    no_improvement_after: after? as u32,
                    cutoffs: Cutoffs { adult: adult?, adolescent: adolescent?, child: child? },
                },
                names_allowed: self.names_allowed == "on",
                retention_months: retention?,
            })
        })
    }
}

#[cfg(test)]
mod form_tests {
    use super::*;

    #[test]
    fn settings_are_objects_not_arrays_of_their_fields() {
        assert!(serde_json::from_str::<super::super::SummaryInput>(r#"{"settings": [null, null], "episodes": []}"#)
            .is_err());
        assert!(serde_json::from_str::<RawSettings>(r#"{"cutoffs": [25]}"#).is_err());
        assert!(serde_json::from_str::<super::super::SummaryInput>(r#"{"settings": {"cutoffs": {}}, "episodes": []}"#)
            .is_ok());
    }

    #[test]
    fn the_form_reads_back_what_it_shows_and_names_what_is_wrong() {
        let current =
            OrganisationSettings { settings: Settings::default(), names_allowed: true, retention_months: Some(24) };
        assert_eq!(SettingsInput::of(&current).parse(), Ok(current));
        let typed = SettingsInput {
            reliable_change: "4,5".into(),
            srs_item_cutoff: "10,5".into(),
            no_improvement_after: "0".into(),
            retention_months: "".into(),
            ..SettingsInput::of(&current)
        };
        let errors = typed.parse().expect_err("refused");
        assert_eq!(errors.get("srs_item_cutoff"), Some(crate::Problem::DecimalOutOfRange { min: 0, max: 10 }));
        assert!(errors.get("no_improvement_after").is_some() && errors.get("reliable_change").is_none());
        let fixed = SettingsInput { srs_item_cutoff: "8,5".into(), no_improvement_after: "3".into(), ..typed };
        let parsed = fixed.parse().expect("valid");
        assert_eq!((parsed.settings.reliable_change(), parsed.retention_months), (Tenths::from_tenths(45), None));
        assert_eq!(RawSettings::from(&parsed.settings).parse(), Ok(parsed.settings));
    }
}
