//! The languages Parat speaks and how dates and numbers are written in each.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, UtcOffset, Weekday};

use crate::choice::choice_enum;

choice_enum!(
    /// A user interface language. Swedish is the default.
    Locale {
        Sv => "sv",
        Da => "da",
        En => "en",
    }
);

// The variants come from `choice_enum!`, which cannot mark a default variant.
#[allow(clippy::derivable_impls)]
impl Default for Locale {
    fn default() -> Self {
        Locale::Sv
    }
}

/// One text in every language Parat speaks.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub(crate) sv: String,
    pub(crate) da: String,
    pub(crate) en: String,
}

impl Localized {
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::Sv => &self.sv,
            Locale::Da => &self.da,
            Locale::En => &self.en,
        }
    }

    /// The text with the issue's name in place of `{issue}`.
    pub fn with_issue(&self, locale: Locale, issue: &str) -> String {
        self.get(locale).replace("{issue}", issue)
    }

    /// Each language with its text, for checks that every language has one.
    pub fn all(&self) -> [(Locale, &str); 3] {
        [(Locale::Sv, &self.sv), (Locale::Da, &self.da), (Locale::En, &self.en)]
    }
}

impl Locale {
    /// The best supported language for an `Accept-Language` header, by its q-values.
    pub fn negotiate(accept_language: &str) -> Option<Locale> {
        let mut best: Option<(f32, Locale)> = None;
        for part in accept_language.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
            let quality =
                pieces.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            // Norwegian readers understand Danish far better than English.
            let locale = match primary {
                "sv" => Locale::Sv,
                "da" | "nb" | "no" | "nn" => Locale::Da,
                "en" => Locale::En,
                _ => continue,
            };
            if best.is_none_or(|(q, _)| quality > q) {
                best = Some((quality, locale));
            }
        }
        best.map(|(_, locale)| locale)
    }

    /// The language's own name, shown in the language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Sv => "Svenska",
            Locale::Da => "Dansk",
            Locale::En => "English",
        }
    }

    pub fn format_date(self, date: Date) -> String {
        let (y, m, d) = (date.year(), u8::from(date.month()), date.day());
        match self {
            Locale::Sv => format!("{y:04}-{m:02}-{d:02}"),
            Locale::Da => format!("{d}.{m}.{y:04}"),
            Locale::En => format!("{d} {} {y:04}", ENGLISH_MONTHS[usize::from(m) - 1]),
        }
    }

    /// Date and time in Scandinavian local time (CET/CEST), which all three languages' users share.
    pub fn format_datetime(self, at: OffsetDateTime) -> String {
        let local = at.to_offset(scandinavian_offset(at));
        let (h, min) = (local.hour(), local.minute());
        match self {
            Locale::Sv => format!("{} {h:02}:{min:02}", self.format_date(local.date())),
            Locale::Da => format!("{} kl. {h:02}.{min:02}", self.format_date(local.date())),
            Locale::En => format!("{}, {h:02}:{min:02}", self.format_date(local.date())),
        }
    }

    /// A whole number with the language's digit grouping.
    pub fn format_integer(self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let separator = match self {
            Locale::Sv => '\u{a0}',
            Locale::Da => '.',
            Locale::En => ',',
        };
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(separator);
            }
            grouped.push(c);
        }
        if n < 0 {
            format!("−{grouped}")
        } else {
            grouped
        }
    }

    /// A number with a fixed count of decimals, grouped and with the language's decimal sign.
    pub fn format_decimal(self, value: f64, decimals: usize) -> String {
        let text = format!("{:.*}", decimals, value.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let whole: i64 = whole.parse().unwrap_or(0);
        let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') { "−" } else { "" };
        let mark = if self == Locale::En { '.' } else { ',' };
        if fraction.is_empty() {
            format!("{sign}{}", self.format_integer(whole))
        } else {
            format!("{sign}{}{mark}{fraction}", self.format_integer(whole))
        }
    }
}

const ENGLISH_MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The calendar date of a moment in Scandinavian local time (Unix seconds).
pub fn scandinavian_date(unix_seconds: i64) -> Date {
    let at = OffsetDateTime::from_unix_timestamp(unix_seconds).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    at.to_offset(scandinavian_offset(at)).date()
}

/// The last second (Unix) of a calendar date in Scandinavian local time: "as of that date".
pub fn scandinavian_day_end(date: Date) -> i64 {
    let next = date.next_day().unwrap_or(date);
    let next_utc_midnight = next.midnight().assume_utc().unix_timestamp();
    // Local midnight is one or two hours before UTC midnight; the earlier candidate that is
    // already the next day is it.
    let midnight = [2, 1]
        .into_iter()
        .map(|hours| next_utc_midnight - hours * 3600)
        .find(|t| scandinavian_date(*t) == next)
        .unwrap_or(next_utc_midnight);
    midnight - 1
}

/// A wall-clock time in Scandinavia as a moment (Unix seconds). In the hour skipped when summer
/// time begins there is no such moment (`None`); in the hour lived twice when it ends, the first
/// (still summer time) is taken.
pub fn scandinavian_moment(local: PrimitiveDateTime) -> Option<i64> {
    [2, 1].into_iter().find_map(|hours| {
        let offset = UtcOffset::from_hms(hours, 0, 0).ok()?;
        let at = local.assume_offset(offset);
        (scandinavian_offset(at) == offset).then(|| at.unix_timestamp())
    })
}

/// A moment (Unix seconds) as Scandinavian wall-clock time.
pub fn scandinavian_local(unix_seconds: i64) -> PrimitiveDateTime {
    let at = OffsetDateTime::from_unix_timestamp(unix_seconds).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    let local = at.to_offset(scandinavian_offset(at));
    PrimitiveDateTime::new(local.date(), local.time())
}

/// CET (+1) or CEST (+2): summer time runs from 01:00 UTC on the last Sunday of March to
/// 01:00 UTC on the last Sunday of October, the EU rule Sweden, Denmark and Norway follow.
pub fn scandinavian_offset(at: OffsetDateTime) -> UtcOffset {
    let utc = at.to_offset(UtcOffset::UTC);
    let year = utc.year();
    let start = last_sunday(year, Month::March).with_hms(1, 0, 0).map(|t| t.assume_utc());
    let end = last_sunday(year, Month::October).with_hms(1, 0, 0).map(|t| t.assume_utc());
    let summer = matches!((start, end), (Ok(s), Ok(e)) if utc >= s && utc < e);
    let hours = if summer { 2 } else { 1 };
    UtcOffset::from_hms(hours, 0, 0).unwrap_or(UtcOffset::UTC)
}

fn last_sunday(year: i32, month: Month) -> Date {
    let last_day = month.length(year);
    let mut date = Date::from_calendar_date(year, month, last_day).unwrap_or(Date::MIN);
    while date.weekday() != Weekday::Sunday {
        date = date.previous_day().unwrap_or(Date::MIN);
    }
    date
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn a_day_ends_at_local_midnight_in_winter_and_in_summer() {
        let winter = scandinavian_day_end(date!(2026 - 01 - 15));
        assert_eq!(winter, datetime!(2026-01-15 22:59:59 UTC).unix_timestamp());
        let summer = scandinavian_day_end(date!(2026 - 07 - 15));
        assert_eq!(summer, datetime!(2026-07-15 21:59:59 UTC).unix_timestamp());
        assert_eq!(scandinavian_date(summer), date!(2026 - 07 - 15));
        assert_eq!(scandinavian_date(summer + 1), date!(2026 - 07 - 16));
    }

    #[test]
    fn dates_per_language() {
        let d = date!(2026 - 03 - 05);
        assert_eq!(Locale::Sv.format_date(d), "2026-03-05");
        assert_eq!(Locale::Da.format_date(d), "5.3.2026");
        assert_eq!(Locale::En.format_date(d), "5 Mar 2026");
    }

    #[test]
    fn numbers_per_language() {
        assert_eq!(Locale::Sv.format_integer(1_234_567), "1\u{a0}234\u{a0}567");
        assert_eq!(Locale::Da.format_integer(1_234), "1.234");
        assert_eq!(Locale::En.format_integer(-1_234), "−1,234");
        assert_eq!(Locale::En.format_integer(123), "123");
        assert_eq!(Locale::Sv.format_decimal(3.8666, 2), "3,87");
        assert_eq!(Locale::En.format_decimal(18000.5, 1), "18,000.5");
        assert_eq!(Locale::Da.format_decimal(-0.001, 2), "0,00");
    }

    #[test]
    fn a_moment_late_in_the_utc_evening_is_already_tomorrow_in_scandinavia() {
        // 2026-11-27 23:30 UTC is 00:30 on the 28th in CET; 2026-07-01 21:59 UTC is 23:59 CEST.
        assert_eq!(scandinavian_date(1_795_822_200), time::macros::date!(2026 - 11 - 28));
        assert_eq!(scandinavian_date(1_782_943_140), time::macros::date!(2026 - 07 - 01));
    }

    #[test]
    fn wall_clock_times_become_moments_across_both_changes_of_summer_time() {
        let moment = |local| scandinavian_moment(local);
        assert_eq!(moment(datetime!(2026-09-01 00:30)), Some(datetime!(2026-08-31 22:30 UTC).unix_timestamp()));
        assert_eq!(moment(datetime!(2026-01-15 09:00)), Some(datetime!(2026-01-15 08:00 UTC).unix_timestamp()));
        // 29 March 2026: clocks go from 02:00 to 03:00.
        assert_eq!(moment(datetime!(2026-03-29 01:59)), Some(datetime!(2026-03-29 00:59 UTC).unix_timestamp()));
        assert_eq!(moment(datetime!(2026-03-29 02:30)), None);
        assert_eq!(moment(datetime!(2026-03-29 03:00)), Some(datetime!(2026-03-29 01:00 UTC).unix_timestamp()));
        // 25 October 2026: 02:00–03:00 is lived twice; the first, in summer time, is taken.
        assert_eq!(moment(datetime!(2026-10-25 02:30)), Some(datetime!(2026-10-25 00:30 UTC).unix_timestamp()));
        assert_eq!(moment(datetime!(2026-10-25 03:00)), Some(datetime!(2026-10-25 02:00 UTC).unix_timestamp()));
        for local in [datetime!(2026-09-01 00:30), datetime!(2026-10-25 02:30), datetime!(2026-12-31 23:59)] {
            assert_eq!(moment(local).map(scandinavian_local), Some(local));
        }
    }

    #[test]
    fn summer_time_switches_at_one_utc() {
        // 2026: last Sunday of March is the 29th, of October the 25th.
        assert_eq!(scandinavian_offset(datetime!(2026-03-29 00:59 UTC)).whole_hours(), 1);
        assert_eq!(scandinavian_offset(datetime!(2026-03-29 01:00 UTC)).whole_hours(), 2);
        assert_eq!(scandinavian_offset(datetime!(2026-10-25 00:59 UTC)).whole_hours(), 2);
        assert_eq!(scandinavian_offset(datetime!(2026-10-25 01:00 UTC)).whole_hours(), 1);
        assert_eq!(Locale::Sv.format_datetime(datetime!(2026-07-01 10:30 UTC)), "2026-07-01 12:30");
        assert_eq!(Locale::Da.format_datetime(datetime!(2026-12-31 23:30 UTC)), "1.1.2027 kl. 00.30");
    }

    #[test]
    fn accept_language_negotiation() {
        assert_eq!(Locale::negotiate("en-GB,en;q=0.9,sv;q=0.8"), Some(Locale::En));
        assert_eq!(Locale::negotiate("de,da;q=0.5"), Some(Locale::Da));
        assert_eq!(Locale::negotiate("nb-NO"), Some(Locale::Da));
        assert_eq!(Locale::negotiate("de, fr"), None);
        assert_eq!(Locale::negotiate("sv;q=0.2, en;q=0.9"), Some(Locale::En));
    }
}
