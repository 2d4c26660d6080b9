//! Dates as schools use them: calendar days, ISO weeks (Danish plans speak of "uge 34"), and the
//! school year (skoleår) that runs from August to the summer holidays.

use crate::AppError;
use crate::Field;
use jiff::civil;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The school's time zone unless it says otherwise (a column on the school).
pub const DEFAULT_TIME_ZONE: &str = "Europe/Copenhagen";

/// A calendar day in the school's own calendar, written `YYYY-MM-DD` on the wire and in the
/// database, so that text order is date order. Arithmetic, weekdays and ISO weeks are `jiff`'s;
/// this type only narrows the range to years a school can mean (1900–9999) and adds the school's
/// words for them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date(civil::Date);

/// A day of the week, Monday first (ISO 8601, as Danish calendars have it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// Monday is 1, Sunday 7.
    pub fn number(self) -> u8 {
        match self {
            Weekday::Monday => 1,
            Weekday::Tuesday => 2,
            Weekday::Wednesday => 3,
            Weekday::Thursday => 4,
            Weekday::Friday => 5,
            Weekday::Saturday => 6,
            Weekday::Sunday => 7,
        }
    }

    /// The Danish name, lower case as Danish writes it mid-sentence ("mandag").
    pub fn danish(self) -> &'static str {
        match self {
            Weekday::Monday => "mandag",
            Weekday::Tuesday => "tirsdag",
            Weekday::Wednesday => "onsdag",
            Weekday::Thursday => "torsdag",
            Weekday::Friday => "fredag",
            Weekday::Saturday => "lørdag",
            Weekday::Sunday => "søndag",
        }
    }

    fn from_jiff(w: civil::Weekday) -> Self {
        match w {
            civil::Weekday::Monday => Weekday::Monday,
            civil::Weekday::Tuesday => Weekday::Tuesday,
            civil::Weekday::Wednesday => Weekday::Wednesday,
            civil::Weekday::Thursday => Weekday::Thursday,
            civil::Weekday::Friday => Weekday::Friday,
            civil::Weekday::Saturday => Weekday::Saturday,
            civil::Weekday::Sunday => Weekday::Sunday,
        }
    }
}

/// The Danish name of a month, 1–12 ("september"); empty for anything else.
pub fn danish_month(month: u8) -> &'static str {
    const NAMES: [&str; 12] = [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ];
    usize::from(month)
        .checked_sub(1)
        .and_then(|i| NAMES.get(i))
        .copied()
        .unwrap_or("")
}

/// An ISO 8601 week: the week-numbering year and the week (1–53). Week 1 holds the year's first
/// Thursday, so 1 January can belong to the previous year's last week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct IsoWeek {
    pub year: i32,
    pub week: u8,
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        if !(1900..=9999).contains(&year) {
            return None;
        }
        let date = civil::Date::new(
            i16::try_from(year).ok()?,
            i8::try_from(month).ok()?,
            i8::try_from(day).ok()?,
        )
        .ok()?;
        Some(Self(date))
    }

    fn from_civil(date: civil::Date) -> Option<Self> {
        Self::new(
            i32::from(date.year()),
            u8::try_from(date.month()).ok()?,
            u8::try_from(date.day()).ok()?,
        )
    }

    /// The civil date `jiff` works with (the backend turns an instant into the school's day).
    pub fn from_jiff(date: civil::Date) -> Option<Self> {
        Self::from_civil(date)
    }

    pub fn to_jiff(self) -> civil::Date {
        self.0
    }

    /// Parses `YYYY-MM-DD` (what `<input type="date">` gives); `field` names the input for the error.
    pub fn parse(text: &str, field: Field) -> Result<Self, AppError> {
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
        i32::from(self.0.year())
    }

    pub fn month(self) -> u8 {
        u8::try_from(self.0.month()).unwrap_or(1)
    }

    pub fn day(self) -> u8 {
        u8::try_from(self.0.day()).unwrap_or(1)
    }

    /// `days` later (earlier when negative), if that is still a day a school can mean.
    pub fn add_days(self, days: i64) -> Option<Self> {
        let days = i32::try_from(days).ok()?;
        self.0
            .checked_add(jiff::Span::new().try_days(days).ok()?)
            .ok()
            .and_then(Self::from_civil)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        // Day arithmetic between two civil dates: the span in days is exact.
        later
            .0
            .since((jiff::Unit::Day, self.0))
            .map(|span| i64::from(span.get_days()))
            .unwrap_or(0)
    }

    pub fn weekday(self) -> Weekday {
        Weekday::from_jiff(self.0.weekday())
    }

    /// The Monday of this date's ISO week: the one definition of "this week" Spire has.
    pub fn monday(self) -> Self {
        let back = i64::from(self.weekday().number()) - 1;
        // 1900-01-01 was a Monday, so every week in range starts in range.
        self.add_days(-back).unwrap_or(self)
    }

    /// The ISO 8601 week this date belongs to.
    pub fn iso_week(self) -> IsoWeek {
        let w = self.0.iso_week_date();
        IsoWeek {
            year: i32::from(w.year()),
            week: u8::try_from(w.week()).unwrap_or(1),
        }
    }

    /// The Monday of ISO week `week` of `year`, if that week exists.
    pub fn monday_of_iso_week(year: i32, week: u8) -> Option<Self> {
        let w = civil::ISOWeekDate::new(
            i16::try_from(year).ok()?,
            i8::try_from(week).ok()?,
            civil::Weekday::Monday,
        )
        .ok()?;
        Self::from_civil(w.date())
    }

    /// "mandag 7. september", as a Danish page writes a day.
    pub fn danish_long(self) -> String {
        format!(
            "{} {}. {}",
            self.weekday().danish(),
            self.day(),
            danish_month(self.month())
        )
    }

    /// "7. september", a day of this school year where the weekday does not matter.
    pub fn danish_day_month(self) -> String {
        format!("{}. {}", self.day(), danish_month(self.month()))
    }

    /// "7. september 2026", for a day further away than this school year's weeks.
    pub fn danish_with_year(self) -> String {
        format!(
            "{}. {} {}",
            self.day(),
            danish_month(self.month()),
            self.year()
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
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
        Date::parse(&s, Field::Date)
    }
}

pub fn school_year_name(start_year: i32) -> String {
    format!("{start_year}/{:02}", (start_year + 1).rem_euclid(100))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text, Field::Date).unwrap()
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
            let err = Date::parse(bad, Field::FirstDay).unwrap_err();
            assert_eq!(err.field.as_deref(), Some("first_day"), "{bad}");
        }
        assert!(Date::parse("2028-02-29", Field::Date).is_ok());
    }

    #[test]
    fn days_are_counted_across_months_and_leap_years() {
        assert_eq!(d("2028-02-28").add_days(1), Some(d("2028-02-29")));
        assert_eq!(d("2026-12-31").add_days(1), Some(d("2027-01-01")));
        assert_eq!(d("2026-08-10").days_until(d("2026-08-24")), 14);
        assert_eq!(d("2026-08-24").days_until(d("2026-08-10")), -14);
        assert_eq!(Date::new(9999, 12, 31).and_then(|x| x.add_days(1)), None);
    }

    #[test]
    fn every_monday_is_a_monday_in_the_same_week_for_every_day_of_two_years() {
        let mut day = d("2026-01-01");
        while day <= d("2027-12-31") {
            let monday = day.monday();
            assert_eq!(monday.weekday(), Weekday::Monday, "{day}");
            assert_eq!(monday.iso_week(), day.iso_week(), "{day}");
            assert!(monday <= day && monday.days_until(day) < 7, "{day}");
            let w = day.iso_week();
            assert_eq!(
                Date::monday_of_iso_week(w.year, w.week),
                Some(monday),
                "{day}"
            );
            day = day.add_days(1).unwrap();
        }
    }

    #[test]
    fn a_day_is_written_as_a_danish_page_writes_it() {
        assert_eq!(d("2026-09-07").danish_long(), "mandag 7. september");
        assert_eq!(d("2026-12-06").danish_long(), "søndag 6. december");
        assert_eq!(d("2027-03-01").danish_with_year(), "1. marts 2027");
        assert_eq!(d("2027-03-01").danish_day_month(), "1. marts");
        assert_eq!(danish_month(13), "");
    }

    #[test]
    fn weekdays_and_iso_weeks_match_the_calendar() {
        let week = |year, week| IsoWeek { year, week };
        assert_eq!(d("2026-11-22").weekday(), Weekday::Sunday);
        assert_eq!(d("2026-11-23").weekday(), Weekday::Monday);
        assert_eq!(d("2026-11-22").iso_week(), week(2026, 47));
        // 1 January 2027 is a Friday, so it belongs to week 53 of 2026.
        assert_eq!(d("2027-01-01").iso_week(), week(2026, 53));
        assert_eq!(d("2027-01-04").iso_week(), week(2027, 1));
        assert_eq!(d("2024-12-30").iso_week(), week(2025, 1));
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
}
