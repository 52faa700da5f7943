//! Random tokens (sessions, CSRF, API, setup links) and their stored hashes.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

/// A random 256-bit token in URL-safe hex. Only its SHA-256 is ever stored, so a copy of the
/// database does not hand out working sessions or API tokens. `Debug` hides the value.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn generate() -> Self {
        let mut bytes = [0u8; 32];
        OsRng.fill_bytes(&mut bytes);
        Secret(hex(&bytes))
    }

    /// Wraps a token received from a client. Anything that is not 64 hex digits cannot be one of ours.
    pub fn from_client(raw: &str) -> Option<Self> {
        let valid = raw.len() == 64 && raw.bytes().all(|b| b.is_ascii_hexdigit());
        valid.then(|| Secret(raw.to_ascii_lowercase()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub(crate) fn hash(&self) -> String {
        hex(&Sha256::digest(self.0.as_bytes()))
    }

    /// A second hash for another purpose, which cannot be computed from [`Secret::hash`]: two
    /// tables keyed this way cannot be joined without the token itself.
    pub(crate) fn derived_hash(&self, purpose: &str) -> String {
        hex(&Sha256::digest(format!("{purpose}:{}", self.0).as_bytes()))
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// The SHA-256 of a text, in hex: a name for content (a round's definition).
pub(crate) fn sha256_hex(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two strings in time independent of where they differ (for CSRF tokens).
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_hex_and_parse_back() {
        let a = Secret::generate();
        assert_ne!(a, Secret::generate());
        assert_eq!(Secret::from_client(a.expose()), Some(a.clone()));
        assert_eq!(Secret::from_client("zz"), None);
        assert_ne!(a.hash(), a.expose());
        assert!(!format!("{a:?}").contains(a.expose()));
    }

    #[test]
    fn constant_time_comparison() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "ab"));
    }
}
