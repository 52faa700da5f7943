//! JSON input shared by the modules whose command-line and API input names its records: ids as
//! given, text or a whole number (a map's actors, an outcome episode), and structs read from
//! objects only.

use serde::{Deserialize, Serialize};

/// What is wrong with an id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdProblem {
    #[error("the id is empty")]
    Empty,
    #[error("an id must be text or a whole number")]
    NotWhole,
}

/// An id as given: text, or a whole number (`7` and `7.0` are both the id "7").
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum RawId {
    Text(String),
    Integer(i64),
    Number(f64),
}

impl RawId {
    pub fn parse(&self) -> Result<String, IdProblem> {
        match self {
            RawId::Text(text) if text.trim().is_empty() => Err(IdProblem::Empty),
            RawId::Text(text) => Ok(text.clone()),
            RawId::Integer(n) => Ok(n.to_string()),
            // Whole and within the range where every integer is exact.
            RawId::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => Ok((*n as i64).to_string()),
            RawId::Number(_) => Err(IdProblem::NotWhole),
        }
    }
}

/// Text or an integer, described by hand: a derived `oneOf` of integer and number would match
/// an integer twice, which JSON Schema's `oneOf` forbids. (JSON Schema counts 7.0 an integer, and
/// so does Parat.)
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for RawId {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{AnyOfBuilder, ObjectBuilder, Type};
        AnyOfBuilder::new()
            .item(ObjectBuilder::new().schema_type(Type::String).pattern(Some(r"\S")))
            .item(ObjectBuilder::new().schema_type(Type::Integer))
            .description(Some("Text, or a whole number"))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for RawId {}

impl From<&str> for RawId {
    fn from(text: &str) -> Self {
        RawId::Text(text.to_owned())
    }
}

impl From<i64> for RawId {
    fn from(id: i64) -> Self {
        RawId::Integer(id)
    }
}

/// Deserializes a struct from a JSON object only. Serde's derived structs also take an array of
/// their fields in order, so that `"settings": [null, null]` would read as settings left at their
/// defaults; where every field is optional, that accepts what the document says is not an object.
pub fn object_only<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Only<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Only<T> {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
        }
    }
    deserializer.deserialize_map(Only(std::marker::PhantomData))
}
