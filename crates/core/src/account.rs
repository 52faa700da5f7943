//! Accounts: e-mail addresses, display names and passwords as parsed values.

use crate::validation::{required_text, Problem};

/// A plausible e-mail address, trimmed and lower-cased, so that it identifies one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub const MAX: usize = 254;

    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let text = required_text(raw, Self::MAX)?.to_lowercase();
        let (local, domain) = text.split_once('@').ok_or(Problem::InvalidEmail)?;
        let domain_ok =
            domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.') && !domain.contains("..");
        if local.is_empty() || !domain_ok || text.contains(char::is_whitespace) || domain.contains('@') {
            return Err(Problem::InvalidEmail);
        }
        Ok(Email(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A person's name as shown to colleagues.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub const MAX: usize = 120;
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        required_text(raw, Self::MAX).map(DisplayName)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password: long enough to resist guessing, short enough to hash cheaply.
/// Never printed: `Debug` hides it so that it cannot reach a log by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN: usize = 10;
    pub const MAX: usize = 200;

    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let length = raw.chars().count();
        if length == 0 {
            Err(Problem::Required)
        } else if length < Self::MIN {
            Err(Problem::TooShort { min: Self::MIN })
        } else if length > Self::MAX {
            Err(Problem::TooLong { max: Self::MAX })
        } else {
            Ok(NewPassword(raw.to_owned()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised() {
        assert_eq!(Email::parse("  Anna.Berg@Kommun.SE ").map(|e| e.0), Ok("anna.berg@kommun.se".into()));
    }

    #[test]
    fn bad_emails_are_refused() {
        for raw in ["anna", "anna@", "@kommun.se", "anna@kommun", "a b@kommun.se", "a@b@c.se", "a@.se", "a@kommun..se"]
        {
            assert_eq!(Email::parse(raw), Err(Problem::InvalidEmail), "{raw}");
        }
        assert_eq!(Email::parse(""), Err(Problem::Required));
    }

    #[test]
    fn passwords_have_bounds_and_hide_in_debug() {
        assert_eq!(NewPassword::parse("short"), Err(Problem::TooShort { min: 10 }));
        let password = NewPassword::parse("a long enough secret").expect("valid");
        assert!(!format!("{password:?}").contains("secret"));
    }
}
