//! The backend's use-case tests, one file per feature, linked into one test binary: one link
//! of the whole stack instead of one per file keeps the build small on disk and quick to link.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[macro_use]
mod common;

mod access;
mod audit;
mod concurrency;
mod durability;
mod evaluation;
mod evidence;
mod family;
mod feedback;
mod flows;
mod foundation;
mod frameworks;
mod identity_access;
mod leader;
mod new_year;
mod plan_voice;
mod planning;
mod privacy;
mod progression;
mod pupil_day;
mod pupil_plan;
mod returns;
mod roster;
mod roster_import;
mod school_years;
mod setup;
mod subjects;
mod teams;
mod timeline;
mod uni_login;
