//! Choices (roles, kinds, statuses…) as columns: stored by their key, and decoded straight into
//! the choice when a row is read, so that no row carries a key as text for code to parse later.
//! A key the code does not know is a decode error, never silently some default.

use parat_core::campaign::county::Sharing;
use parat_core::campaign::Response;
use parat_core::initiative::{InitiativeStatus, TopicArea};
use parat_core::landscape::goals::GoalLevel;
use parat_core::landscape::plan::MilestoneStatus;
use parat_core::landscape::stakeholders::Attitude;
use parat_core::landscape::theory::ChangeStage;
use parat_core::landscape::QuestionStatus;
use parat_core::locale::Locale;
use parat_core::map::break_points::Axis;
use parat_core::map::inventory::{AttendanceRole, Source};
use parat_core::map::{Agency, Level};
use parat_core::organisation::{OrgKind, Role};
use parat_core::outcomes::entry::Asked;
use parat_core::outcomes::{AgeGroup, EndReason};
use parat_core::project::{
    AgeBand, CostCategory, Direction, EvaluationStage, ExitReason, Gender, Income, IndicatorSource, IndicatorStatus,
    Occupation, ProjectRole,
};
use parat_core::readiness::action::ActionStatus;
use parat_core::readiness::assessment::{AssessmentStatus, Task};

/// A choice read from its key column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stored<T>(pub T);

/// Serialised as the value it holds, so that a stored row can be exported as it is.
impl<T: serde::Serialize> serde::Serialize for Stored<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// The choices with a stored key.
pub trait StoredKey: Sized + Copy + 'static {
    fn all() -> &'static [Self];
    fn key(self) -> &'static str;
}

macro_rules! stored_keys {
    ($($choice:ty),* $(,)?) => {
        $(impl StoredKey for $choice {
            fn all() -> &'static [Self] {
                <$choice>::ALL
            }
            fn key(self) -> &'static str {
                <$choice>::key(self)
            }
        })*
    };
}

stored_keys!(
    Role,
    OrgKind,
    AssessmentStatus,
    ActionStatus,
    TopicArea,
    InitiativeStatus,
    Locale,
    Task,
    QuestionStatus,
    MilestoneStatus,
    GoalLevel,
    ChangeStage,
    Attitude,
    Agency,
    Level,
    AttendanceRole,
    Source,
    Asked,
    Axis,
    AgeGroup,
    EndReason,
    CostCategory,
    Gender,
    ProjectRole,
    IndicatorSource,
    Direction,
    IndicatorStatus,
    AgeBand,
    Income,
    Occupation,
    ExitReason,
    EvaluationStage,
    Response,
    Sharing,
);

impl<DB: sqlx::Database, T> sqlx::Type<DB> for Stored<T>
where
    String: sqlx::Type<DB>,
{
    fn type_info() -> DB::TypeInfo {
        <String as sqlx::Type<DB>>::type_info()
    }

    fn compatible(ty: &DB::TypeInfo) -> bool {
        <String as sqlx::Type<DB>>::compatible(ty)
    }
}

impl<'r, DB: sqlx::Database, T: StoredKey> sqlx::Decode<'r, DB> for Stored<T>
where
    String: sqlx::Decode<'r, DB>,
{
    fn decode(value: <DB as sqlx::Database>::ValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        let key = <String as sqlx::Decode<'r, DB>>::decode(value)?;
        T::all()
            .iter()
            .copied()
            .find(|choice| choice.key() == key)
            .map(Stored)
            .ok_or_else(|| format!("{key:?} is not a known {}", std::any::type_name::<T>()).into())
    }
}

/// A date column (`2026-03-02`) read back; a value not in that form reads as none.
pub(crate) fn date_of(raw: Option<String>) -> Option<time::Date> {
    raw.and_then(|d| parat_core::initiative::parse_date(&d).ok().flatten())
}
