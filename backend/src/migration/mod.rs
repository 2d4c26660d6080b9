//! Append-only, reversible schema migrations. One migration per file: SeaORM names a migration
//! after its file, so two in one file would collide and the second be skipped as applied.
//!
//! Foreign keys from pupil records are `RESTRICT`: nothing a pupil earned may disappear as a side
//! effect of someone else's delete (DESIGN.md §3.1). Only sessions cascade with their person.

use sea_orm_migration::prelude::*;

mod m20261122_000001_create_school;
mod m20261122_000002_create_people;
mod m20261122_000003_create_teams;
mod m20261122_000004_create_accounts_and_sessions;
mod m20261122_000005_create_sign_in_attempts_and_class_devices;
mod m20261122_000006_create_pupil_codes;
mod m20261122_000007_add_person_left_at;
mod m20261122_000008_create_oidc_tables;
mod m20261122_000009_create_school_years;
mod m20261122_000010_create_frameworks;
mod m20261122_000011_create_planning;
mod m20261122_000012_create_stored_files;
mod m20261122_000013_create_evaluations;
mod m20261123_000014_create_pupil_plans;
mod m20261123_000015_create_imported_evaluations;
mod m20261123_000016_create_pupil_work;
mod m20261123_000017_create_calendar_feeds;
mod m20261123_000018_add_school_indexes;
mod m20261204_000019_add_school_time_zone;
mod m20261204_000020_add_stored_file_kind_and_key;
mod m20261204_000021_one_active_year_plan;
mod m20261206_000022_create_password_resets;
mod m20261206_000023_add_uni_login_identity;
mod m20261206_000024_hold_membership_history;
mod m20261206_000025_create_school_subjects;
mod m20261206_000026_index_work_by_task;
mod m20261206_000027_create_feedback;
mod m20261206_000028_create_goal_evidence;
mod m20261206_000029_create_imported_work;
mod m20261207_000030_create_plan_voice;
mod m20261207_000031_bind_oidc_flow_to_browser;
mod m20261207_000032_pupil_code_expiry;
mod m20261207_000033_create_audit_trail;
mod m20261207_000034_session_idle_and_device;
mod m20261207_000035_anonymised_people;
mod m20261207_000036_school_year_holidays;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_create_school::Migration),
            Box::new(m20261122_000002_create_people::Migration),
            Box::new(m20261122_000003_create_teams::Migration),
            Box::new(m20261122_000004_create_accounts_and_sessions::Migration),
            Box::new(m20261122_000005_create_sign_in_attempts_and_class_devices::Migration),
            Box::new(m20261122_000006_create_pupil_codes::Migration),
            Box::new(m20261122_000007_add_person_left_at::Migration),
            Box::new(m20261122_000008_create_oidc_tables::Migration),
            Box::new(m20261122_000009_create_school_years::Migration),
            Box::new(m20261122_000010_create_frameworks::Migration),
            Box::new(m20261122_000011_create_planning::Migration),
            Box::new(m20261122_000012_create_stored_files::Migration),
            Box::new(m20261122_000013_create_evaluations::Migration),
            Box::new(m20261123_000014_create_pupil_plans::Migration),
            Box::new(m20261123_000015_create_imported_evaluations::Migration),
            Box::new(m20261123_000016_create_pupil_work::Migration),
            Box::new(m20261123_000017_create_calendar_feeds::Migration),
            Box::new(m20261123_000018_add_school_indexes::Migration),
            Box::new(m20261204_000019_add_school_time_zone::Migration),
            Box::new(m20261204_000020_add_stored_file_kind_and_key::Migration),
            Box::new(m20261204_000021_one_active_year_plan::Migration),
            Box::new(m20261206_000022_create_password_resets::Migration),
            Box::new(m20261206_000023_add_uni_login_identity::Migration),
            Box::new(m20261206_000024_hold_membership_history::Migration),
            Box::new(m20261206_000025_create_school_subjects::Migration),
            Box::new(m20261206_000026_index_work_by_task::Migration),
            Box::new(m20261206_000027_create_feedback::Migration),
            Box::new(m20261206_000028_create_goal_evidence::Migration),
            Box::new(m20261206_000029_create_imported_work::Migration),
            Box::new(m20261207_000030_create_plan_voice::Migration),
            Box::new(m20261207_000031_bind_oidc_flow_to_browser::Migration),
            Box::new(m20261207_000032_pupil_code_expiry::Migration),
            Box::new(m20261207_000033_create_audit_trail::Migration),
            Box::new(m20261207_000034_session_idle_and_device::Migration),
            Box::new(m20261207_000035_anonymised_people::Migration),
            Box::new(m20261207_000036_school_year_holidays::Migration),
        ]
    }
}

/// A foreign key that refuses to delete the parent while children point at it.
pub(crate) fn restrict_fk(
    from_table: &'static str,
    from_col: &'static str,
    to_table: &'static str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{from_table}_{from_col}"))
        .from(from_table, from_col)
        .to(to_table, "id")
        .on_delete(ForeignKeyAction::Restrict)
        .on_update(ForeignKeyAction::Restrict)
        .to_owned()
}
