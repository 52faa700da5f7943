//! Configuration: flags override environment variables (`PARAT_*`), which override an optional
//! TOML file, which overrides the defaults.

use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Deserialize;

/// Everything `parat serve` needs, resolved.
#[derive(Debug, Clone)]
pub struct Config {
    pub bind: String,
    pub database_url: String,
    pub public_url: String,
    pub trust_forwarded_for: bool,
    pub max_connections: u32,
    pub max_body_bytes: usize,
    pub log_format: LogFormat,
    pub mail: Option<MailConfig>,
    /// Answers one address may send through questionnaire links per minute (0: no limit).
    pub answers_per_minute: u32,
    /// How long a map page waits for figures being computed after a change before it shows the
    /// earlier ones, marked as being updated.
    pub figures_wait: std::time::Duration,
}

/// The SMTP server Parat sends invitations and reminders through, and its sender address.
#[derive(Clone)]
pub struct MailConfig {
    /// `smtps://user:password@host`, `smtp://user:password@host:587?tls=required`, or
    /// `smtp://host:25` for a relay on the same network.
    pub smtp_url: String,
    pub from: String,
}

impl std::fmt::Debug for MailConfig {
    // The URL may hold a password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailConfig").field("smtp_url", &"***").field("from", &self.from).finish()
    }
}

impl MailConfig {
    /// Both or neither: an SMTP server without a sender address is a mistake worth stopping for.
    pub fn resolve(smtp_url: Option<String>, from: Option<String>) -> anyhow::Result<Option<MailConfig>> {
        match (smtp_url, from) {
            (None, None) => Ok(None),
            (Some(smtp_url), Some(from)) => Ok(Some(MailConfig { smtp_url, from })),
            (Some(_), None) => {
                anyhow::bail!("an SMTP server is set (PARAT_SMTP_URL) but no sender address (PARAT_MAIL_FROM)")
            }
            (None, Some(_)) => {
                anyhow::bail!("a sender address is set (PARAT_MAIL_FROM) but no SMTP server (PARAT_SMTP_URL)")
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

/// The optional file; every key may be left out.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub bind: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub database_url: Option<String>,
    pub public_url: Option<String>,
    pub trust_forwarded_for: Option<bool>,
    pub max_connections: Option<u32>,
    pub max_body_bytes: Option<usize>,
    pub log_format: Option<LogFormat>,
    pub smtp_url: Option<String>,
    pub mail_from: Option<String>,
    pub answers_per_minute: Option<u32>,
    pub figures_wait_ms: Option<u64>,
}

impl FileConfig {
    pub fn load(path: Option<&Path>) -> anyhow::Result<FileConfig> {
        let Some(path) = path else {
            return Ok(FileConfig::default());
        };
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading the configuration file {}", path.display()))?;
        toml::from_str(&text).with_context(|| format!("the configuration file {} is not valid", path.display()))
    }
}

pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
pub const DEFAULT_DATA_DIR: &str = "parat-data";

/// The SQLite URL of a file in the data directory.
pub fn sqlite_url(data_dir: &Path, file: &str) -> String {
    format!("sqlite://{}", data_dir.join(file).display())
}

/// The address people type for a bind address: `0.0.0.0` is reachable as `127.0.0.1` locally.
pub fn default_public_url(bind: &str) -> String {
    format!("http://{}", bind.replace("0.0.0.0", "127.0.0.1"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_config_parses_and_refuses_unknown_keys() {
        let config: FileConfig = toml::from_str("bind = \"0.0.0.0:9000\"\nlog_format = \"json\"").expect("valid");
        assert_eq!(config.bind.as_deref(), Some("0.0.0.0:9000"));
        assert_eq!(config.log_format, Some(LogFormat::Json));
        assert!(toml::from_str::<FileConfig>("bnd = 1").is_err());
    }

    #[test]
    fn public_url_for_wildcard_bind() {
        assert_eq!(default_public_url("0.0.0.0:8080"), "http://127.0.0.1:8080");
    }
}
