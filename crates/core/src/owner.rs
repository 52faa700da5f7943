//! Who owns a piece of work (a task, a reflection question, a factor to follow up): one of the
//! organisation's people, or a name typed instead (a person or a group outside Parat).

use crate::validation::{optional_text, FieldErrors, Problem};

pub const WHO_MAX: usize = 160;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    Member(i64),
    Named(String),
}

impl Owner {
    /// Parses the field pair `owner_id` (a member's id, or empty) and `who` (a name used when no
    /// member is chosen). Problems go into `errors` under `id_field` and `who_field`; nothing
    /// given is `Ok(None)` unless `required`.
    pub fn parse(
        owner_id: &str,
        who: &str,
        required: bool,
        errors: &mut FieldErrors,
        (id_field, who_field): (&'static str, &'static str),
    ) -> Option<Option<Owner>> {
        // The name is checked even when a member is chosen: nothing unchecked is accepted.
        let who = errors.check(who_field, optional_text(who, WHO_MAX, false));
        match owner_id.trim() {
            "" => match who {
                Some(who) if !who.is_empty() => Some(Some(Owner::Named(who))),
                Some(_) if required => {
                    errors.add(id_field, Problem::NotChosen);
                    None
                }
                Some(_) => Some(None),
                None => None,
            },
            raw => match raw.parse::<i64>().ok().filter(|id| *id > 0) {
                Some(id) if who.is_some() => Some(Some(Owner::Member(id))),
                Some(_) => None,
                None => {
                    errors.add(id_field, Problem::UnknownChoice);
                    None
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(id: &str, who: &str, required: bool) -> Result<Option<Owner>, Option<(String, Problem)>> {
        let mut errors = FieldErrors::new();
        match Owner::parse(id, who, required, &mut errors, ("owner_id", "who")) {
            Some(owner) if errors.is_empty() => Ok(owner),
            _ => Err(errors.0.first().map(|e| (e.field.to_owned(), e.problem))),
        }
    }

    #[test]
    fn a_member_a_name_or_nobody() {
        assert_eq!(parse("7", "", true), Ok(Some(Owner::Member(7))));
        assert_eq!(parse(" ", "Rektorsnätverket ", true), Ok(Some(Owner::Named("Rektorsnätverket".into()))));
        assert_eq!(parse("", "", false), Ok(None));
        assert_eq!(parse("", "", true), Err(Some(("owner_id".into(), Problem::NotChosen))));
        assert_eq!(parse("-3", "", false), Err(Some(("owner_id".into(), Problem::UnknownChoice))));
        assert_eq!(
            parse("", &"x".repeat(WHO_MAX + 1), false),
            Err(Some(("who".into(), Problem::TooLong { max: WHO_MAX })))
        );
    }
}
