//! The guided interview: one informant walks through the map's meetings — whether they attend,
//! in which role, how useful each is — adds a meeting the map lacks and a need for contact.
//! Its fields are named per meeting (`m<id>.attend`), so the form arrives as pairs and is
//! parsed here into one draft, or into errors per meeting and per part.

use std::collections::BTreeMap;

use super::inventory::{AttendanceRole, MeetingDraft, MeetingInput, NeedDraft, NeedInput, RatingDraft, RatingInput};
use crate::validation::{FieldErrors, Problem};

/// One meeting's answers as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReplyInput {
    /// `yes`, `no`, or empty when not asked.
    pub attend: String,
    pub role: String,
    pub useful_own: String,
    pub useful_group: String,
    pub works: String,
    pub change: String,
}

/// The whole interview form as typed: replies by meeting id, a meeting to add (`new_*`
/// fields) and a need for contact (`need_to`, `need_about`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InterviewInput {
    pub replies: BTreeMap<i64, ReplyInput>,
    pub added: MeetingInput,
    pub need_to: String,
    pub need_about: String,
}

/// What the informant said about one meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub meeting_id: i64,
    /// Attends in this role; `None` when they said they do not.
    pub attends: Option<AttendanceRole>,
    /// Their rating, when they attend and gave one.
    pub rating: Option<RatingDraft>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct InterviewDraft {
    /// Only the meetings asked about; a meeting left unanswered is left as it is.
    pub replies: Vec<Reply>,
    /// A meeting the informant attends that the map lacked.
    pub added: Option<MeetingDraft>,
    pub need: Option<NeedDraft>,
}

/// Problems beside the fields: per meeting, for the added meeting, for the need.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InterviewErrors {
    pub replies: BTreeMap<i64, FieldErrors>,
    pub added: FieldErrors,
    pub need: FieldErrors,
}

impl InterviewErrors {
    pub fn is_empty(&self) -> bool {
        self.replies.values().all(FieldErrors::is_empty) && self.added.is_empty() && self.need.is_empty()
    }

    /// Every problem, each with the id of the field it belongs to, in the form's order (for the
    /// summary at the top of the page).
    pub fn all(&self) -> Vec<(String, Problem)> {
        let replies = self
            .replies
            .iter()
            .flat_map(|(id, errors)| errors.0.iter().map(move |e| (format!("m{id}.{}", e.field), e.problem)));
        let added = self.added.0.iter().map(|e| (format!("new_{}", e.field), e.problem));
        let need = self.need.0.iter().map(|e| (format!("need_{}", e.field.trim_end_matches("_actor_id")), e.problem));
        replies.chain(added).chain(need).collect()
    }
}

impl InterviewInput {
    /// Sorts the form's pairs into their parts; unknown fields (the CSRF token) are ignored.
    pub fn from_fields(fields: &[(String, String)]) -> Self {
        let mut input = InterviewInput::default();
        for (name, value) in fields {
            let value = value.clone();
            if let Some((meeting, field)) = name.strip_prefix('m').and_then(|rest| rest.split_once('.')) {
                let Ok(id) = meeting.parse::<i64>() else { continue };
                let reply = input.replies.entry(id).or_default();
                match field {
                    "attend" => reply.attend = value,
                    "role" => reply.role = value,
                    "useful_own" => reply.useful_own = value,
                    "useful_group" => reply.useful_group = value,
                    "works" => reply.works = value,
                    "change" => reply.change = value,
                    _ => {}
                }
                continue;
            }
            let added = &mut input.added;
            match name.as_str() {
                "new_name" => added.name = value,
                "new_purpose" => added.purpose = value,
                "new_level" => added.level = value,
                "new_per_year" => added.per_year = value,
                "new_hours" => added.hours = value,
                "need_to" => input.need_to = value,
                "need_about" => input.need_about = value,
                _ => {}
            }
        }
        input
    }

    /// The draft for `informant`, or every problem found.
    pub fn parse(&self, informant: i64) -> Result<InterviewDraft, InterviewErrors> {
        let mut errors = InterviewErrors::default();
        let mut replies = Vec::new();
        for (&meeting_id, reply) in &self.replies {
            match reply.parse(informant) {
                Ok(Some(parsed)) => replies.push(Reply { meeting_id, ..parsed }),
                Ok(None) => {}
                Err(found) => {
                    errors.replies.insert(meeting_id, found);
                }
            }
        }
        // The added meeting and the need are asked for only when their first field is filled.
        let added = if self.added == MeetingInput::default() {
            None
        } else {
            self.added.parse().map_err(|found| errors.added = found).ok()
        };
        let need = if self.need_to.trim().is_empty() && self.need_about.trim().is_empty() {
            None
        } else {
            let input = NeedInput {
                from_actor_id: informant.to_string(),
                to_actor_id: self.need_to.clone(),
                about: self.need_about.clone(),
            };
            input.parse().map_err(|found| errors.need = found).ok()
        };
        if errors.is_empty() {
            Ok(InterviewDraft { replies, added, need })
        } else {
            Err(errors)
        }
    }
}

impl ReplyInput {
    /// `None` when the meeting was not asked about.
    fn parse(&self, informant: i64) -> Result<Option<Reply>, FieldErrors> {
        let mut errors = FieldErrors::new();
        let attends = match self.attend.trim() {
            "" => return Ok(None),
            "yes" => true,
            "no" => false,
            _ => {
                errors.add("attend", Problem::UnknownChoice);
                false
            }
        };
        let role = match self.role.trim() {
            "" => Some(AttendanceRole::Member),
            raw => errors.check("role", AttendanceRole::parse(raw)),
        };
        let rating = RatingInput {
            actor_id: informant.to_string(),
            useful_own: self.useful_own.clone(),
            useful_group: self.useful_group.clone(),
            works: self.works.clone(),
            change: self.change.clone(),
        }
        .parse();
        let rating = match rating {
            Ok(rating) => Some(rating),
            Err(found) => {
                for error in found.0 {
                    errors.add(error.field, error.problem);
                }
                None
            }
        };
        errors.finish(|| {
            let rating = rating?;
            let said_something = rating.useful_own.is_some()
                || rating.useful_group.is_some()
                || !rating.works.is_empty()
                || !rating.change.is_empty();
            Some(Some(Reply {
                meeting_id: 0,
                attends: if attends { Some(role?) } else { None },
                rating: (attends && said_something).then_some(rating),
            }))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn replies_are_read_per_meeting_and_unasked_meetings_left_alone() {
        let input = InterviewInput::from_fields(&fields(&[
            ("csrf", "x"),
            ("m3.attend", "yes"),
            ("m3.role", "chair"),
            ("m3.useful_own", "4"),
            ("m3.works", "Kort väg till beslut"),
            ("m5.attend", "no"),
            ("m5.useful_own", "2"),
            ("m8.attend", ""),
        ]));
        let draft = input.parse(12).expect("parses");
        assert_eq!(draft.replies.len(), 2, "meeting 8 was not asked about");
        let chaired = &draft.replies[0];
        assert_eq!((chaired.meeting_id, chaired.attends), (3, Some(AttendanceRole::Chair)));
        let rating = chaired.rating.as_ref().expect("rated");
        assert_eq!((rating.actor_id, rating.useful_own, rating.works.as_str()), (12, Some(4), "Kort väg till beslut"));
        // Not attending: no rating is kept even if one was ticked before changing the answer.
        assert_eq!((draft.replies[1].attends, &draft.replies[1].rating), (None, &None));
        assert_eq!((draft.added, draft.need), (None, None));
    }

    #[test]
    fn every_problem_is_named_by_its_field_and_nothing_is_half_parsed() {
        let input = InterviewInput::from_fields(&fields(&[
            ("m3.attend", "kanske"),
            ("m4.attend", "yes"),
            ("m4.useful_group", "5"),
            ("new_name", "Nätverksträff"),
            ("new_level", "operational"),
            ("new_per_year", "tio"),
            ("new_hours", "1,5"),
            ("need_to", "12"),
        ]));
        let errors = input.parse(12).expect_err("refused");
        let named: Vec<String> = errors.all().into_iter().map(|(field, _)| field).collect();
        assert_eq!(named, ["m3.attend", "m4.useful_group", "new_per_year", "need_to"]);
        assert_eq!(errors.need.get("to_actor_id"), Some(Problem::SameTwice), "a need with oneself");
    }

    #[test]
    fn an_added_meeting_and_a_need_are_taken_with_decimal_commas() {
        let input = InterviewInput::from_fields(&fields(&[
            ("new_name", "Nätverksträff"),
            ("new_level", "operational"),
            ("new_per_year", "10"),
            ("new_hours", "1,5"),
            ("need_to", "7"),
            ("need_about", "Unga som hoppat av gymnasiet"),
        ]));
        let draft = input.parse(12).expect("parses");
        let added = draft.added.expect("a meeting");
        assert_eq!((added.name.as_str(), added.per_year, added.hours), ("Nätverksträff", 10.0, 1.5));
        let need = draft.need.expect("a need");
        assert_eq!((need.from_actor_id, need.to_actor_id), (12, 7));
    }
}
