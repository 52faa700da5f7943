//! Organisations and the roles people hold in them.

use crate::choice::choice_enum;

choice_enum!(
    /// What kind of body an organisation is; decides nothing by itself but groups roll-ups.
    OrgKind {
        Municipality => "municipality",
        District => "district",
        Region => "region",
        CountyBoard => "county_board",
        CoordinationAssociation => "coordination_association",
        NationalAgency => "national_agency",
        Other => "other",
    }
);

choice_enum!(
    /// A person's role in one organisation. A person may hold different roles in different ones.
    Role {
        Admin => "admin",
        Coordinator => "coordinator",
        Scorer => "scorer",
        Practitioner => "practitioner",
        Viewer => "viewer",
    }
);

impl Role {
    /// Manage members, read the audit log, edit the organisation.
    pub fn can_administer(self) -> bool {
        matches!(self, Role::Admin)
    }

    /// Create, edit and archive initiatives.
    pub fn can_edit_initiatives(self) -> bool {
        matches!(self, Role::Admin | Role::Coordinator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_parses_back() {
        for kind in OrgKind::ALL {
            assert_eq!(OrgKind::parse(kind.key()), Ok(*kind));
        }
        for role in Role::ALL {
            assert_eq!(Role::parse(role.key()), Ok(*role));
        }
    }

    #[test]
    fn unknown_and_empty_are_distinct_problems() {
        assert_eq!(Role::parse("root"), Err(crate::Problem::UnknownChoice));
        assert_eq!(Role::parse(" "), Err(crate::Problem::NotChosen));
    }

    #[test]
    fn only_admins_and_coordinators_edit() {
        let editors: Vec<_> = Role::ALL.iter().filter(|r| r.can_edit_initiatives()).collect();
        assert_eq!(editors, [&Role::Admin, &Role::Coordinator]);
    }
}

/// Raw organisation fields from a form or JSON body, kept as typed for redisplay.
#[derive(Debug, Clone, Default, serde::Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct OrganisationInput {
    pub name: String,
    pub kind: String,
    pub parent_id: String,
}

/// A valid organisation, ready to be stored. The parent is still to be checked by the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationDraft {
    pub name: String,
    pub kind: OrgKind,
    pub parent_id: Option<i64>,
}

pub const ORGANISATION_NAME_MAX: usize = 160;

impl OrganisationInput {
    pub fn parse(&self) -> Result<OrganisationDraft, crate::FieldErrors> {
        let mut errors = crate::FieldErrors::new();
        let name = errors.check("name", crate::validation::required_text(&self.name, ORGANISATION_NAME_MAX));
        let kind = errors.check("kind", OrgKind::parse(&self.kind));
        let parent_id = match self.parent_id.trim() {
            "" => Some(None),
            raw => errors.check(
                "parent_id",
                raw.parse::<i64>().ok().filter(|id| *id > 0).map(Some).ok_or(crate::Problem::UnknownChoice),
            ),
        };
        errors.finish(|| Some(OrganisationDraft { name: name?, kind: kind?, parent_id: parent_id? }))
    }
}
