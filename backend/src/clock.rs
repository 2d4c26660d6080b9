//! Time as the use cases see it: an instant in unix seconds, and the day it is *at the school*.
//! Every "today", and every start of a school day, is computed here from the school's own time
//! zone (`school.time_zone`, Europe/Copenhagen unless it says otherwise) with `jiff`'s zone
//! database, so summer and winter time change the day at the school's midnight, not at UTC's.
//! Weeks and weekdays are `domain::calendar::Date`'s.

use domain::AppError;
use domain::calendar::{DEFAULT_TIME_ZONE, Date};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use std::time::{SystemTime, UNIX_EPOCH};

pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// A school's zone by its IANA name. A name the zone database does not know (checked when a
/// school sets it) falls back to Copenhagen rather than to UTC, which would be an hour off.
pub fn zone(name: &str) -> TimeZone {
    TimeZone::get(name)
        .or_else(|_| TimeZone::get(DEFAULT_TIME_ZONE))
        .unwrap_or(TimeZone::UTC)
}

/// Whether `name` is a zone the database knows.
pub fn is_known_zone(name: &str) -> bool {
    TimeZone::get(name).is_ok()
}

/// The school's day at the instant `unix` (seconds). Fails only for a clock outside 1900–9999.
pub fn day_at(unix: i64, zone_name: &str) -> Result<Date, AppError> {
    Timestamp::from_second(unix)
        .ok()
        .map(|t| t.to_zoned(zone(zone_name)).date())
        .and_then(Date::from_jiff)
        .ok_or_else(AppError::internal)
}

/// The school's day now. Use cases read `Principal::today` (the same, at the request's instant).
pub fn today(zone_name: &str) -> Result<Date, AppError> {
    day_at(now(), zone_name)
}

/// The school's date and minute at the instant `unix`, as "2026-12-07 09:14".
pub fn local_minute(unix: i64, zone_name: &str) -> String {
    Timestamp::from_second(unix)
        .map(|t| {
            t.to_zoned(zone(zone_name))
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// Unix seconds of the school's midnight starting `day`.
pub fn start_of_day(day: Date, zone_name: &str) -> i64 {
    day.to_jiff()
        .to_zoned(zone(zone_name))
        .map(|z| z.timestamp().as_second())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Result<Date, AppError> {
        Date::parse(text, domain::Field::Date)
    }

    fn unix(text: &str) -> i64 {
        text.parse::<Timestamp>().unwrap().as_second()
    }

    #[test]
    fn the_school_day_turns_at_copenhagen_midnight_in_winter_time() {
        // 23:30 UTC on 6 December is 00:30 on the 7th in Copenhagen (UTC+1).
        assert_eq!(
            day_at(unix("2026-12-06T23:30:00Z"), DEFAULT_TIME_ZONE),
            d("2026-12-07")
        );
        assert_eq!(
            day_at(unix("2026-12-06T22:30:00Z"), DEFAULT_TIME_ZONE),
            d("2026-12-06")
        );
    }

    #[test]
    fn the_school_day_turns_at_copenhagen_midnight_in_summer_time() {
        // 22:30 UTC on 6 September is 00:30 on the 7th (UTC+2); 21:30 UTC is still the 6th.
        assert_eq!(
            day_at(unix("2026-09-06T22:30:00Z"), DEFAULT_TIME_ZONE),
            d("2026-09-07")
        );
        assert_eq!(
            day_at(unix("2026-09-06T21:30:00Z"), DEFAULT_TIME_ZONE),
            d("2026-09-06")
        );
    }

    #[test]
    fn a_school_elsewhere_has_its_own_day() {
        // Nuuk (UTC-2 in 2026) is still on the 6th when Copenhagen is on the 7th.
        assert_eq!(
            day_at(unix("2026-12-07T00:30:00Z"), "America/Nuuk"),
            d("2026-12-06")
        );
        assert!(is_known_zone("America/Nuuk"));
        assert!(!is_known_zone("Europe/Atlantis"));
        assert_eq!(
            day_at(unix("2026-12-06T23:30:00Z"), "Europe/Atlantis"),
            d("2026-12-07")
        );
    }

    #[test]
    fn a_school_day_starts_at_local_midnight() {
        assert_eq!(
            start_of_day(d("2026-12-07").unwrap(), DEFAULT_TIME_ZONE),
            unix("2026-12-06T23:00:00Z")
        );
        assert_eq!(
            start_of_day(d("2026-09-07").unwrap(), DEFAULT_TIME_ZONE),
            unix("2026-09-06T22:00:00Z")
        );
    }
}
