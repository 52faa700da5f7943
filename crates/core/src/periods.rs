//! Reporting periods, shared by every module that reports over time: months, tertials (the
//! Swedish four-month periods Jan–Apr, May–Aug, Sep–Dec), quarters (what Danish users report by)
//! and years. A period has a stable key (`2026-03`, `2026-T1`, `2026-Q2`, `2026`) for URLs,
//! exports and the API.

use std::fmt;

use time::{Date, Month};

/// The kinds of period a report can be made by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeriodKind {
    Month,
    Tertial,
    Quarter,
    Year,
}

impl PeriodKind {
    pub const ALL: [PeriodKind; 4] = [PeriodKind::Month, PeriodKind::Tertial, PeriodKind::Quarter, PeriodKind::Year];

    pub fn key(self) -> &'static str {
        match self {
            PeriodKind::Month => "month",
            PeriodKind::Tertial => "tertial",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Year => "year",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        PeriodKind::ALL.into_iter().find(|kind| kind.key() == raw.trim())
    }

    /// Months in one period of this kind.
    fn months(self) -> u8 {
        match self {
            PeriodKind::Month => 1,
            PeriodKind::Tertial => 4,
            PeriodKind::Quarter => 3,
            PeriodKind::Year => 12,
        }
    }
}

/// One period: its kind, its year and its number within the year (the month 1–12, the tertial
/// 1–3, the quarter 1–4; 1 for a year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    year: i32,
    first_month: u8,
    months: u8,
}

impl Period {
    /// The period of the given kind that holds `date`.
    pub fn containing(kind: PeriodKind, date: Date) -> Period {
        let months = kind.months();
        let month = u8::from(date.month());
        Period { year: date.year(), first_month: (month - 1) / months * months + 1, months }
    }

    pub fn kind(&self) -> PeriodKind {
        match self.months {
            1 => PeriodKind::Month,
            4 => PeriodKind::Tertial,
            3 => PeriodKind::Quarter,
            _ => PeriodKind::Year,
        }
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    /// The number within the year: month 1–12, tertial 1–3, quarter 1–4, year 1.
    pub fn number(&self) -> u8 {
        (self.first_month - 1) / self.months + 1
    }

    pub fn first_day(&self) -> Date {
        let month = Month::try_from(self.first_month).unwrap_or(Month::January);
        Date::from_calendar_date(self.year, month, 1).unwrap_or(Date::MIN)
    }

    pub fn last_day(&self) -> Date {
        self.next().first_day().previous_day().unwrap_or(Date::MAX)
    }

    pub fn contains(&self, date: Date) -> bool {
        Period::containing(self.kind(), date) == *self
    }

    /// The period of the same kind before this one.
    pub fn previous(&self) -> Period {
        let day_before = self.first_day().previous_day().unwrap_or(Date::MIN);
        Period::containing(self.kind(), day_before)
    }

    pub fn next(&self) -> Period {
        let month = self.first_month + self.months;
        match month > 12 {
            true => Period { year: self.year + 1, first_month: month - 12, ..*self },
            false => Period { first_month: month, ..*self },
        }
    }

    /// The periods from the one holding `from` to the one holding `to`, in order.
    pub fn span(kind: PeriodKind, from: Date, to: Date) -> Vec<Period> {
        let last = Period::containing(kind, to);
        let mut period = Period::containing(kind, from);
        let mut periods = Vec::new();
        while period <= last {
            periods.push(period);
            period = period.next();
        }
        periods
    }

    /// `2026-03`, `2026-T1`, `2026-Q2` or `2026`.
    pub fn key(&self) -> String {
        self.to_string()
    }

    pub fn parse(raw: &str) -> Option<Period> {
        let raw = raw.trim();
        let (year, rest) = raw.split_once('-').map_or((raw, None), |(y, r)| (y, Some(r)));
        let year: i32 = year.parse().ok().filter(|y| (1900..=9999).contains(y))?;
        let (kind, number) = match rest {
            None => (PeriodKind::Year, 1),
            Some(r) if r.starts_with('T') => (PeriodKind::Tertial, r[1..].parse().ok()?),
            Some(r) if r.starts_with('Q') => (PeriodKind::Quarter, r[1..].parse().ok()?),
            Some(r) if r.len() == 2 => (PeriodKind::Month, r.parse().ok()?),
            Some(_) => return None,
        };
        let months = kind.months();
        if number == 0 || u16::from(number) * u16::from(months) > 12 {
            return None;
        }
        Some(Period { year, first_month: (number - 1) * months + 1, months })
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind() {
            PeriodKind::Month => write!(f, "{}-{:02}", self.year, self.first_month),
            PeriodKind::Tertial => write!(f, "{}-T{}", self.year, self.number()),
            PeriodKind::Quarter => write!(f, "{}-Q{}", self.year, self.number()),
            PeriodKind::Year => write!(f, "{}", self.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn tertials_are_january_to_april_may_to_august_and_september_to_december() {
        let tertial = |d| Period::containing(PeriodKind::Tertial, d);
        assert_eq!(tertial(date!(2026 - 04 - 30)).key(), "2026-T1");
        assert_eq!(tertial(date!(2026 - 05 - 01)).key(), "2026-T2");
        assert_eq!(tertial(date!(2026 - 08 - 31)).last_day(), date!(2026 - 08 - 31));
        assert_eq!(tertial(date!(2026 - 09 - 01)).first_day(), date!(2026 - 09 - 01));
        assert_eq!(tertial(date!(2026 - 12 - 31)).next().key(), "2027-T1");
        assert_eq!(Period::containing(PeriodKind::Quarter, date!(2026 - 06 - 30)).key(), "2026-Q2");
        assert_eq!(Period::containing(PeriodKind::Month, date!(2028 - 02 - 10)).last_day(), date!(2028 - 02 - 29));
        assert_eq!(Period::containing(PeriodKind::Year, date!(2026 - 06 - 30)).last_day(), date!(2026 - 12 - 31));
        let span = Period::span(PeriodKind::Tertial, date!(2025 - 11 - 01), date!(2026 - 05 - 02));
        assert_eq!(span.iter().map(Period::key).collect::<Vec<_>>(), ["2025-T3", "2026-T1", "2026-T2"]);
    }

    #[test]
    fn keys_read_back_and_nonsense_is_refused() {
        for key in ["2026-03", "2026-T3", "2026-Q4", "2026", "2026-12"] {
            assert_eq!(Period::parse(key).map(|p| p.key()), Some(key.to_owned()));
        }
        for bad in ["2026-13", "2026-T4", "2026-Q0", "2026-3", "26", "2026-", "2026-X1", "", "2026-T"] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn every_day_lies_in_exactly_one_period_of_each_kind(day in 0i32..40_000, kind in 0usize..4) {
            let date = Date::from_julian_day(2_440_588 + day).expect("a date");
            let period = Period::containing(PeriodKind::ALL[kind], date);
            prop_assert!(period.first_day() <= date && date <= period.last_day());
            prop_assert!(period.contains(date));
            prop_assert_eq!(period.next().first_day(), period.last_day().next_day().expect("a day"));
            prop_assert_eq!(Period::parse(&period.key()), Some(period));
        }
    }
}

/// The same day `months` months earlier, or the month's last day when it is shorter (31 May
/// less three months is 28 or 29 February).
pub fn months_before(date: Date, months: u32) -> Date {
    let index = i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1 - i64::from(months);
    let (year, month) = (index.div_euclid(12) as i32, (index.rem_euclid(12) + 1) as u8);
    let month = Month::try_from(month).unwrap_or(Month::January);
    let last = month.length(year);
    Date::from_calendar_date(year, month, date.day().min(last)).unwrap_or(Date::MIN)
}

#[cfg(test)]
mod months_before_tests {
    use super::months_before;
    use time::macros::date;

    #[test]
    fn months_back_keep_the_day_or_take_the_months_last() {
        assert_eq!(months_before(date!(2026 - 05 - 31), 3), date!(2026 - 02 - 28));
        assert_eq!(months_before(date!(2028 - 05 - 31), 3), date!(2028 - 02 - 29));
        assert_eq!(months_before(date!(2026 - 03 - 15), 15), date!(2024 - 12 - 15));
        assert_eq!(months_before(date!(2026 - 03 - 15), 0), date!(2026 - 03 - 15));
    }
}
