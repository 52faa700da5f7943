//! Translations: Fluent files for Swedish, Danish and English, embedded at compile time.

use std::borrow::Cow;
use std::collections::HashMap;

pub use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::LanguageIdentifier;
use parat_core::locale::Locale;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "../../locales",
        fallback_language: "sv",
        // Bidi isolation marks would end up inside form values and test assertions.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The language tag of each locale, parsed once.
fn language(locale: Locale) -> &'static LanguageIdentifier {
    static TAGS: std::sync::OnceLock<[LanguageIdentifier; 3]> = std::sync::OnceLock::new();
    // The keys are valid language tags; parsing cannot fail for them.
    let tags = TAGS.get_or_init(|| [Locale::Sv, Locale::Da, Locale::En].map(|l| l.key().parse().unwrap_or_default()));
    match locale {
        Locale::Sv => &tags[0],
        Locale::Da => &tags[1],
        Locale::En => &tags[2],
    }
}

/// The message in the locale's own bundle, else Swedish's. Looked up in one bundle directly:
/// the loader's general lookup negotiates languages on every call, which cost more than the
/// formatting itself on a page of a hundred messages.
fn lookup(locale: Locale, id: &str, args: Option<&HashMap<Cow<'static, str>, FluentValue<'static>>>) -> Option<String> {
    LOCALES
        .lookup_single_language(language(locale), id, args)
        .or_else(|_| LOCALES.lookup_single_language(language(Locale::Sv), id, args))
        .ok()
}

/// The message `id` in `locale`. A missing message shows its id (a test keeps that from shipping).
pub fn text(locale: Locale, id: &str) -> String {
    lookup(locale, id, None).unwrap_or_else(|| id.to_owned())
}

/// The message `id` with arguments, e.g. `[("n", 5.into())]`.
pub fn text_with(locale: Locale, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'static>> =
        args.iter().map(|(k, v)| (Cow::Borrowed(*k), v.clone())).collect();
    lookup(locale, id, Some(&args)).unwrap_or_else(|| id.to_owned())
}

/// True when `locale` has its own message `id` (used by the completeness test and the audit
/// page's field labels).
pub fn has(locale: Locale, id: &str) -> bool {
    let args: HashMap<Cow<'static, str>, FluentValue<'static>> =
        variables().iter().map(|name| (Cow::Borrowed(*name), FluentValue::from(1))).collect();
    LOCALES.lookup_single_language(language(locale), id, Some(&args)).is_ok()
}

/// Every variable any message uses (`{ $name }`), found in the Fluent sources themselves, so
/// that a lookup succeeds whatever a message needs and a new variable needs no hand-kept list.
fn variables() -> &'static [&'static str] {
    static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names: Vec<&'static str> = SOURCES
            .iter()
            .flat_map(|(_, files)| files.iter())
            .flat_map(|source| source.split('$').skip(1))
            .map(|rest| &rest[..rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len())])
            .filter(|name| !name.is_empty())
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    })
}

/// The Fluent sources, for tests that compare the three languages' message ids: one file for
/// what every module shares (`main.ftl`) and one per module (`readiness.ftl`, `questionnaire.ftl`,
/// `landscape.ftl`, `map.ftl`, `outcomes.ftl`, `project.ftl`, `campaign.ftl`).
pub const SOURCES: [(Locale, &[&str]); 3] = [
    (
        Locale::Sv,
        &[
            include_str!("../../../locales/sv/main.ftl"),
            include_str!("../../../locales/sv/readiness.ftl"),
            include_str!("../../../locales/sv/questionnaire.ftl"),
            include_str!("../../../locales/sv/landscape.ftl"),
            include_str!("../../../locales/sv/map.ftl"),
            include_str!("../../../locales/sv/outcomes.ftl"),
            include_str!("../../../locales/sv/project.ftl"),
            include_str!("../../../locales/sv/campaign.ftl"),
        ],
    ),
    (
        Locale::Da,
        &[
            include_str!("../../../locales/da/main.ftl"),
            include_str!("../../../locales/da/readiness.ftl"),
            include_str!("../../../locales/da/questionnaire.ftl"),
            include_str!("../../../locales/da/landscape.ftl"),
            include_str!("../../../locales/da/map.ftl"),
            include_str!("../../../locales/da/outcomes.ftl"),
            include_str!("../../../locales/da/project.ftl"),
            include_str!("../../../locales/da/campaign.ftl"),
        ],
    ),
    (
        Locale::En,
        &[
            include_str!("../../../locales/en/main.ftl"),
            include_str!("../../../locales/en/readiness.ftl"),
            include_str!("../../../locales/en/questionnaire.ftl"),
            include_str!("../../../locales/en/landscape.ftl"),
            include_str!("../../../locales/en/map.ftl"),
            include_str!("../../../locales/en/outcomes.ftl"),
            include_str!("../../../locales/en/project.ftl"),
            include_str!("../../../locales/en/campaign.ftl"),
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use parat_core::initiative::{InitiativeStatus, TopicArea};
    use parat_core::organisation::{OrgKind, Role};
    use std::collections::BTreeSet;

    fn message_ids(sources: &[&str]) -> BTreeSet<String> {
        sources
            .iter()
            .flat_map(|source| source.lines())
            .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|line| line.split_once(" =").map(|(id, _)| id.trim().to_owned()))
            .collect()
    }

    #[test]
    fn every_language_has_the_same_messages() {
        let swedish = message_ids(SOURCES[0].1);
        assert!(swedish.len() > 100, "parsed only {} ids", swedish.len());
        for (locale, source) in &SOURCES[1..] {
            let ids = message_ids(source);
            let missing: Vec<_> = swedish.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&swedish).collect();
            assert!(missing.is_empty() && extra.is_empty(), "{locale}: missing {missing:?}, extra {extra:?}");
        }
    }

    /// Every message id the code asks for, literally or built from a choice's key, exists in
    /// every language: the source files are scanned for `"…"` ids passed to the translator.
    #[test]
    fn every_message_the_code_uses_exists_in_every_language() {
        let mut used: BTreeSet<String> = BTreeSet::new();
        for kind in OrgKind::ALL {
            used.insert(format!("org-kind-{}", kind.key()));
        }
        for role in Role::ALL {
            used.insert(format!("role-{}", role.key()));
            used.insert(format!("role-{}-description", role.key()));
        }
        for topic in TopicArea::ALL {
            used.insert(format!("topic-{}", topic.key()));
        }
        for status in InitiativeStatus::ALL {
            used.insert(format!("status-{}", status.key()));
        }
        for code in [
            "not-found",
            "forbidden",
            "login-required",
            "no-organisation",
            "csrf",
            "too-many-attempts",
            "unavailable",
            "closed",
            "bad-request",
            "unauthorised",
            "invalid",
            "internal",
            "method-not-allowed",
            "too-large",
            "unsupported-media-type",
        ] {
            used.insert(format!("error-{code}"));
            used.insert(format!("error-{code}-title"));
        }
        for reason in crate::error::NotNow::ALL {
            let code = reason.code().replace('_', "-");
            used.insert(format!("error-{code}"));
            used.insert(format!("error-{code}-title"));
        }
        for notice in crate::views::layout::NOTICES {
            used.insert(format!("notice-{notice}"));
        }
        used.extend(["yes".to_owned(), "no".to_owned()]);
        for status in parat_core::readiness::assessment::AssessmentStatus::ALL {
            used.insert(format!("assessment-status-{}", status.key()));
        }
        for next in ["interviewing", "scoring", "consensus", "reported"] {
            used.insert(format!("assessment-advance-refused-{next}"));
        }
        for status in parat_core::readiness::action::ActionStatus::ALL {
            used.insert(format!("plan-status-{}", status.key()));
        }
        for warning in ["few-interviews", "kappa-undefined", "no-scorer-pairs"] {
            used.insert(format!("results-warning-{warning}"));
        }
        for status in parat_core::campaign::OfferStatus::ALL {
            used.insert(format!("campaign-status-{}", status.key().replace('_', "-")));
        }
        for sharing in parat_core::campaign::county::Sharing::ALL {
            used.insert(format!("campaign-county-sharing-{}", sharing.key().replace('_', "-")));
        }
        for action in parat_store::audit::ACTIONS {
            used.insert(format!("audit-action-{action}"));
        }
        for entity in parat_store::audit::ENTITIES {
            used.insert(format!("audit-entity-{entity}"));
        }
        for problem in parat_core::Problem::ALL.iter().map(|p| p.code()) {
            used.insert(format!("problem-{problem}"));
        }
        // Every source file of this crate, found on disk: a new module's pages are scanned
        // without anyone adding them to a list.
        fn rust_files(dir: &std::path::Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("the crate's sources").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    rust_files(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n.rs") {
                    found.push(std::fs::read_to_string(&path).expect("a source file"));
                }
            }
        }
        let mut sources = Vec::new();
        rust_files(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut sources);
        assert!(sources.len() > 20, "found {} source files", sources.len());
        for source in &sources {
            for (i, _) in source.match_indices(".t(\"").chain(source.match_indices("t_with(\"")) {
                let start = source[i..].find('"').map(|q| i + q + 1).unwrap_or(i);
                if let Some(end) = source[start..].find('"') {
                    used.insert(source[start..start + end].to_owned());
                }
            }
            // Field labels: `Field::new(ctx, "name", "label-id", …)`.
            for (i, _) in source.match_indices("Field::new(ctx, \"") {
                let rest = &source[i + 17..];
                // Only a literal label right after the name; a computed one is checked where it is made.
                let mut parts = rest.split('"').skip(1);
                if let (Some(", "), Some(label)) = (parts.next(), parts.next()) {
                    used.insert(label.to_owned());
                }
            }
        }
        assert!(used.len() > 80, "found only {} ids in the code", used.len());
        for locale in Locale::ALL {
            let missing: Vec<_> = used.iter().filter(|id| !has(*locale, id)).collect();
            assert!(missing.is_empty(), "{locale} lacks {missing:?}");
        }
    }

    #[test]
    fn arguments_are_substituted() {
        let text = text_with(Locale::En, "problem-too-long", &[("n", 10.into())]);
        assert!(text.contains("10"), "{text}");
    }
}
