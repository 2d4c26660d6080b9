//! Dates as schools use them: calendar days, ISO weeks (Danish plans speak of "uge 34"), and the
//! school year (skoleår) that runs from August to the summer holidays.

use crate::AppError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar day (proleptic Gregorian), written `YYYY-MM-DD` on the wire and in the database, so
/// that text order is date order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    pub const EPOCH: Date = Date {
        year: 1970,
        month: 1,
        day: 1,
    };

    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let valid = (1900..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (what `<input type="date">` gives); `field` names the input for the error.
    pub fn parse(text: &str, field: &str) -> Result<Self, AppError> {
        let invalid = || AppError::invalid(field);
        let mut parts = text.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(invalid());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(invalid());
        }
        let year = y.parse().map_err(|_| invalid())?;
        let month = m.parse().map_err(|_| invalid())?;
        let day = d.parse().map_err(|_| invalid())?;
        Self::new(year, month, day).ok_or_else(invalid)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day a count of days since 1970-01-01 falls on (`civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> Option<Self> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// The day a unix time (seconds, UTC) falls on.
    pub fn from_unix(secs: i64) -> Option<Self> {
        Self::from_days_since_epoch(secs.div_euclid(86_400))
    }

    pub fn add_days(self, days: i64) -> Option<Self> {
        Self::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// Monday is 1, Sunday 7 (ISO 8601).
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday.
        let wd = (self.days_since_epoch() + 3).rem_euclid(7) + 1;
        u8::try_from(wd).unwrap_or(1)
    }

    /// The ISO 8601 week: (week-numbering year, week 1–53). Week 1 holds the year's first Thursday.
    pub fn iso_week(self) -> (i32, u8) {
        let thursday = self.days_since_epoch() - i64::from(self.weekday()) + 4;
        let Some(thursday) = Self::from_days_since_epoch(thursday) else {
            return (self.year, 1);
        };
        let Some(jan1) = Self::new(thursday.year, 1, 1) else {
            return (self.year, 1);
        };
        let week = (thursday.days_since_epoch() - jan1.days_since_epoch()) / 7 + 1;
        (thursday.year, u8::try_from(week).unwrap_or(1))
    }

    /// The Monday of ISO week `week` of `year`, if that week exists.
    pub fn monday_of_iso_week(year: i32, week: u8) -> Option<Self> {
        let jan4 = Self::new(year, 1, 4)?;
        let week1_monday = jan4.days_since_epoch() - i64::from(jan4.weekday()) + 1;
        let monday = Self::from_days_since_epoch(week1_monday + 7 * (i64::from(week) - 1))?;
        (week >= 1 && monday.iso_week() == (year, week)).then_some(monday)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl From<Date> for String {
    fn from(d: Date) -> Self {
        d.to_string()
    }
}

impl TryFrom<String> for Date {
    type Error = AppError;
    fn try_from(s: String) -> Result<Self, AppError> {
        Date::parse(&s, "date")
    }
}

/// A school year's dates as the school sets them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolYear {
    /// The calendar year it starts in: 2026 for 2026/27.
    pub start_year: i32,
    pub first_day: Date,
    pub last_day: Date,
    /// The year the school is in now.
    pub current: bool,
}

impl SchoolYear {
    /// "2026/27", as Danish schools write it.
    pub fn name(&self) -> String {
        school_year_name(self.start_year)
    }

    /// The dates Spire proposes before the school sets its own: 1 August to 30 June.
    pub fn default_dates(start_year: i32) -> Option<(Date, Date)> {
        Some((
            Date::new(start_year, 8, 1)?,
            Date::new(start_year.checked_add(1)?, 6, 30)?,
        ))
    }

    /// Checks dates for the year starting in `start_year`: it starts in July–September of that
    /// year and ends in May–July of the next, so a typo of a year or a swapped pair is caught.
    pub fn check_dates(start_year: i32, first_day: Date, last_day: Date) -> Result<(), AppError> {
        if first_day.year() != start_year || !(7..=9).contains(&first_day.month()) {
            return Err(AppError::invalid("first_day"));
        }
        if last_day.year() != start_year + 1 || !(5..=7).contains(&last_day.month()) {
            return Err(AppError::invalid("last_day"));
        }
        Ok(())
    }
}

pub fn school_year_name(start_year: i32) -> String {
    format!("{start_year}/{:02}", (start_year + 1).rem_euclid(100))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text, "date").unwrap()
    }

    #[test]
    fn a_date_is_parsed_from_the_form_a_date_input_gives() {
        assert_eq!(d("2026-08-10"), Date::new(2026, 8, 10).unwrap());
        assert_eq!(d("2026-08-10").to_string(), "2026-08-10");
    }

    #[test]
    fn impossible_or_malformed_dates_are_refused_naming_the_field() {
        for bad in [
            "2026-02-30",
            "2027-02-29",
            "2026-13-01",
            "2026-8-1",
            "10-08-2026",
            "",
            "i morgen",
        ] {
            let err = Date::parse(bad, "first_day").unwrap_err();
            assert_eq!(err.field.as_deref(), Some("first_day"), "{bad}");
        }
        assert!(Date::parse("2028-02-29", "d").is_ok());
    }

    #[test]
    fn days_since_the_epoch_round_trip() {
        for text in ["1970-01-01", "2000-02-29", "2026-11-22", "2100-03-01"] {
            let date = d(text);
            assert_eq!(
                Date::from_days_since_epoch(date.days_since_epoch()),
                Some(date)
            );
        }
        assert_eq!(d("1970-01-02").days_since_epoch(), 1);
        assert_eq!(Date::from_unix(1_795_348_800), Some(d("2026-11-22")));
    }

    #[test]
    fn weekdays_and_iso_weeks_match_the_calendar() {
        assert_eq!(d("2026-11-22").weekday(), 7); // a Sunday
        assert_eq!(d("2026-11-22").iso_week(), (2026, 47));
        // 1 January 2027 is a Friday, so it belongs to week 53 of 2026.
        assert_eq!(d("2027-01-01").iso_week(), (2026, 53));
        assert_eq!(d("2027-01-04").iso_week(), (2027, 1));
        assert_eq!(d("2024-12-30").iso_week(), (2025, 1));
    }

    #[test]
    fn the_monday_of_a_week_is_found_and_a_week_that_does_not_exist_is_not() {
        assert_eq!(Date::monday_of_iso_week(2026, 33), Some(d("2026-08-10")));
        assert_eq!(Date::monday_of_iso_week(2026, 53), Some(d("2026-12-28")));
        assert_eq!(Date::monday_of_iso_week(2027, 53), None);
        assert_eq!(Date::monday_of_iso_week(2027, 0), None);
    }

    #[test]
    fn dates_serialise_as_iso_text() {
        let json = serde_json::to_string(&d("2026-08-10")).unwrap();
        assert_eq!(json, "\"2026-08-10\"");
        assert!(serde_json::from_str::<Date>("\"2026-02-31\"").is_err());
    }

    #[test]
    fn a_school_year_is_named_as_schools_write_it() {
        assert_eq!(school_year_name(2026), "2026/27");
        assert_eq!(school_year_name(2099), "2099/00");
    }

    #[test]
    fn school_year_dates_must_fit_the_year_they_belong_to() {
        assert!(SchoolYear::check_dates(2026, d("2026-08-10"), d("2027-06-25")).is_ok());
        let first = SchoolYear::check_dates(2026, d("2025-08-10"), d("2027-06-25")).unwrap_err();
        assert_eq!(first.field.as_deref(), Some("first_day"));
        let last = SchoolYear::check_dates(2026, d("2026-08-10"), d("2026-06-25")).unwrap_err();
        assert_eq!(last.field.as_deref(), Some("last_day"));
        let (a, b) = SchoolYear::default_dates(2026).unwrap();
        assert!(SchoolYear::check_dates(2026, a, b).is_ok());
    }
}
