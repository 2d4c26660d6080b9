//! SeaORM entities, one per table. Relations are queried explicitly in the use cases, where the
//! joins are visible and their cost can be counted.

pub mod account;
pub mod class_device;
pub mod evaluation;
pub mod external_identity;
pub mod framework;
pub mod framework_crosswalk;
pub mod framework_item;
pub mod guardianship;
pub mod imported_evaluation;
pub mod oidc_flow;
pub mod person;
pub mod person_role;
pub mod pupil;
pub mod pupil_code;
pub mod pupil_plan;
pub mod pupil_plan_goal;
pub mod pupil_plan_version;
pub mod scale;
pub mod school;
pub mod school_class;
pub mod school_year;
pub mod session;
pub mod setting;
pub mod sign_in_attempt;
pub mod stored_file;
pub mod task;
pub mod task_pupil;
pub mod team;
pub mod team_member;
pub mod unit;
pub mod unit_goal;
pub mod unit_material;
pub mod year_plan;
