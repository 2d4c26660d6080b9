//! A school year as the school sets it: its first and last day, and its holidays as the leader
//! sets them: efterårsferie, juleferie, vinterferie and
//! påskeferie, each a span of days inside the year. Before the leader sets them, Spire proposes
//! the dates most Danish schools keep, so a new school's timeline is right more often than not.
//! The summer holiday is not set here: it begins the day after the year's last day.

use crate::calendar::{Date, Weekday, school_year_name};
use crate::{AppError, Field};
use serde::{Deserialize, Serialize};

/// A school year's dates as the school sets them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolYear {
    /// The calendar year it starts in: 2026 for 2026/27.
    pub start_year: i32,
    pub first_day: Date,
    pub last_day: Date,
    /// The year the school is in now.
    pub current: bool,
    /// Its holidays, sorted by date: the leader's, or Spire's proposal until the leader sets them.
    pub holidays: Vec<Holiday>,
    /// Whether `holidays` are the leader's own (false: Spire's proposal).
    pub holidays_set: bool,
    /// The row's version, so two people saving the same year conflict.
    pub version: i64,
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
            return Err(AppError::invalid(Field::FirstDay));
        }
        if last_day.year() != start_year + 1 || !(5..=7).contains(&last_day.month()) {
            return Err(AppError::invalid(Field::LastDay));
        }
        Ok(())
    }
}

/// The holidays a leader sets, in the order they fall in a school year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayKind {
    Autumn,
    Christmas,
    Winter,
    Easter,
}

impl HolidayKind {
    pub const ALL: [HolidayKind; 4] = [
        HolidayKind::Autumn,
        HolidayKind::Christmas,
        HolidayKind::Winter,
        HolidayKind::Easter,
    ];

    /// The form field an error about this holiday points at.
    pub fn field(self) -> Field {
        match self {
            HolidayKind::Autumn => Field::AutumnHoliday,
            HolidayKind::Christmas => Field::ChristmasHoliday,
            HolidayKind::Winter => Field::WinterHoliday,
            HolidayKind::Easter => Field::EasterHoliday,
        }
    }
}

/// One holiday: its first and last day off, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    pub kind: HolidayKind,
    pub first_day: Date,
    pub last_day: Date,
}

/// A holiday as a form gives it: two date fields, both empty when the school does not hold it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidayInput {
    pub kind: HolidayKind,
    pub first_day: String,
    pub last_day: String,
}

impl HolidayInput {
    /// The holiday, `None` for two empty fields, or the holiday's field when only one is given or
    /// either is not a date.
    pub fn parse(&self) -> Result<Option<Holiday>, AppError> {
        let (first, last) = (self.first_day.trim(), self.last_day.trim());
        if first.is_empty() && last.is_empty() {
            return Ok(None);
        }
        let field = self.kind.field();
        Ok(Some(Holiday {
            kind: self.kind,
            first_day: Date::parse(first, field)?,
            last_day: Date::parse(last, field)?,
        }))
    }
}

/// The longest a holiday the leader sets may be; longer is a typo (a month or a year off).
pub const LONGEST_HOLIDAY_DAYS: i64 = 21;

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous algorithm, as in Meeus).
pub fn easter_sunday(year: i32) -> Option<Date> {
    let a = year.rem_euclid(19);
    let (b, c) = (year.div_euclid(100), year.rem_euclid(100));
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

/// The holidays Spire proposes for the year starting in `start_year`: efterårsferie in week 42,
/// juleferie from 21 December to 2 January, vinterferie in week 7 and påskeferie from the Monday
/// before Easter to Easter Monday. The leader moves what the school does differently.
pub fn proposed(start_year: i32) -> Vec<Holiday> {
    let next = start_year.saturating_add(1);
    let week = |year: i32, week: u8, kind: HolidayKind| {
        let monday = Date::monday_of_iso_week(year, week)?;
        Some(Holiday {
            kind,
            first_day: monday,
            last_day: monday.add_days(4)?,
        })
    };
    let christmas = Date::new(start_year, 12, 21)
        .zip(Date::new(next, 1, 2))
        .map(|(first_day, last_day)| Holiday {
            kind: HolidayKind::Christmas,
            first_day,
            last_day,
        });
    let easter = easter_sunday(next).and_then(|sunday| {
        Some(Holiday {
            kind: HolidayKind::Easter,
            first_day: sunday.add_days(-6)?,
            last_day: sunday.add_days(1)?,
        })
    });
    [
        week(start_year, 42, HolidayKind::Autumn),
        christmas,
        week(next, 7, HolidayKind::Winter),
        easter,
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Checks the holidays of a year running from `first_day` to `last_day`: each kind at most once,
/// each inside the year, in order, at most three weeks, and none overlapping another. The error
/// names the holiday's field. Returns them sorted by date.
pub fn check(
    first_day: Date,
    last_day: Date,
    holidays: &[Holiday],
) -> Result<Vec<Holiday>, AppError> {
    let mut sorted = holidays.to_vec();
    sorted.sort_by_key(|h| (h.first_day, h.kind));
    for (i, h) in sorted.iter().enumerate() {
        let bad = || AppError::invalid(h.kind.field());
        if sorted[..i].iter().any(|other| other.kind == h.kind) {
            return Err(bad());
        }
        if h.last_day < h.first_day
            || h.first_day < first_day
            || h.last_day > last_day
            || h.first_day.days_until(h.last_day) >= LONGEST_HOLIDAY_DAYS
        {
            return Err(bad());
        }
        if i > 0 && sorted[i - 1].last_day >= h.first_day {
            return Err(bad());
        }
    }
    Ok(sorted)
}

/// The holiday `day` falls in, if any.
pub fn holiday_on(day: Date, holidays: &[Holiday]) -> Option<HolidayKind> {
    holidays
        .iter()
        .find(|h| h.first_day <= day && day <= h.last_day)
        .map(|h| h.kind)
}

/// How a school week looks on the timeline: its school days (weekdays inside the year and
/// outside every holiday), and the holiday that takes any of its weekdays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolWeek {
    pub school_days: u8,
    pub holiday: Option<HolidayKind>,
}

/// The week that begins on `monday` in a year from `first_day` to `last_day`.
pub fn school_week(
    monday: Date,
    first_day: Date,
    last_day: Date,
    holidays: &[Holiday],
) -> SchoolWeek {
    let mut week = SchoolWeek {
        school_days: 0,
        holiday: None,
    };
    for day in (0..5).filter_map(|offset| monday.add_days(offset)) {
        if day.weekday() > Weekday::Friday || day < first_day || day > last_day {
            continue;
        }
        match holiday_on(day, holidays) {
            Some(kind) => week.holiday = week.holiday.or(Some(kind)),
            None => week.school_days += 1,
        }
    }
    week
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text, Field::Date).unwrap()
    }

    fn h(kind: HolidayKind, first: &str, last: &str) -> Holiday {
        Holiday {
            kind,
            first_day: d(first),
            last_day: d(last),
        }
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

    #[test]
    fn a_holiday_from_a_form_is_two_dates_or_none_and_half_a_holiday_is_refused() {
        let input = |first: &str, last: &str| HolidayInput {
            kind: HolidayKind::Winter,
            first_day: first.to_owned(),
            last_day: last.to_owned(),
        };
        assert_eq!(input(" ", "").parse(), Ok(None));
        assert_eq!(
            input("2027-02-15", "2027-02-19").parse(),
            Ok(Some(h(HolidayKind::Winter, "2027-02-15", "2027-02-19")))
        );
        for (first, last) in [
            ("2027-02-15", ""),
            ("", "2027-02-19"),
            ("15/2", "2027-02-19"),
        ] {
            let err = input(first, last).parse().unwrap_err();
            assert_eq!(
                err.field.as_deref(),
                Some("winter_holiday"),
                "{first} {last}"
            );
        }
    }

    #[test]
    fn easter_falls_on_the_sundays_the_almanac_gives() {
        for (year, sunday) in [
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
        ] {
            assert_eq!(easter_sunday(year), Some(d(sunday)), "{year}");
        }
    }

    #[test]
    fn the_proposal_is_the_weeks_most_danish_schools_keep() {
        assert_eq!(
            proposed(2026),
            vec![
                h(HolidayKind::Autumn, "2026-10-12", "2026-10-16"),
                h(HolidayKind::Christmas, "2026-12-21", "2027-01-02"),
                h(HolidayKind::Winter, "2027-02-15", "2027-02-19"),
                h(HolidayKind::Easter, "2027-03-22", "2027-03-29"),
            ]
        );
    }

    #[test]
    fn the_proposal_passes_its_own_check_for_every_default_year() {
        for year in 2020..2040 {
            let (first, last) = SchoolYear::default_dates(year).unwrap();
            assert_eq!(
                check(first, last, &proposed(year)).unwrap().len(),
                4,
                "{year}"
            );
        }
    }

    #[test]
    fn a_holiday_outside_the_year_backwards_too_long_or_twice_is_refused_by_its_field() {
        let (first, last) = (d("2026-08-10"), d("2027-06-25"));
        let field = |holidays: &[Holiday]| check(first, last, holidays).unwrap_err().field;
        let autumn = Some("autumn_holiday".to_owned());
        assert_eq!(
            field(&[h(HolidayKind::Autumn, "2026-08-03", "2026-08-07")]),
            autumn
        );
        assert_eq!(
            field(&[h(HolidayKind::Autumn, "2026-10-16", "2026-10-12")]),
            autumn
        );
        assert_eq!(
            field(&[h(HolidayKind::Autumn, "2026-10-01", "2026-10-31")]),
            autumn
        );
        assert_eq!(
            field(&[
                h(HolidayKind::Autumn, "2026-10-12", "2026-10-16"),
                h(HolidayKind::Autumn, "2026-10-19", "2026-10-23"),
            ]),
            autumn
        );
    }

    #[test]
    fn overlapping_holidays_are_refused_naming_the_later_one() {
        let err = check(
            d("2026-08-10"),
            d("2027-06-25"),
            &[
                h(HolidayKind::Winter, "2027-02-15", "2027-02-19"),
                h(HolidayKind::Christmas, "2026-12-19", "2027-02-16"),
            ],
        )
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("christmas_holiday"));
    }

    #[test]
    fn a_week_counts_its_school_days_and_names_the_holiday_that_takes_any() {
        let (first, last) = (d("2026-08-10"), d("2027-06-25"));
        let holidays = proposed(2026);
        let week = |monday: &str| school_week(d(monday), first, last, &holidays);
        // Week 42 is all efterårsferie.
        assert_eq!(
            week("2026-10-12"),
            SchoolWeek {
                school_days: 0,
                holiday: Some(HolidayKind::Autumn)
            }
        );
        // Juleferie takes Monday 21 December onwards; the week after has two days off.
        assert_eq!(week("2026-12-21").school_days, 0);
        assert_eq!(
            week("2026-12-28"),
            SchoolWeek {
                school_days: 0,
                holiday: Some(HolidayKind::Christmas)
            }
        );
        assert_eq!(week("2027-01-04").school_days, 5);
        // The year's first week begins on Monday 10 August; its last ends on Friday 25 June.
        assert_eq!(week("2026-08-10").school_days, 5);
        assert_eq!(week("2026-08-03").school_days, 0);
        assert_eq!(
            week("2026-08-03").holiday,
            None,
            "before the year is not a holiday the leader set"
        );
        assert_eq!(week("2027-06-21").school_days, 5);
    }
}
