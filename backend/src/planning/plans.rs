//! Årsplaner, forløb, goals and tasks.
//!
//! An årsplan belongs to its hold, and every teacher of the hold may edit it: there is no owner
//! to take it away from the others. Deleting anything archives it, and the hold's teachers or a
//! leader can restore it. Saves carry the version they started from; a save from an older
//! version is refused with `Conflict`, so two teachers never overwrite each other silently.
//!
//! The use cases live in one module each (`year_plans`, `units`, `goals`, `tasks`, `scales`,
//! `materials`, `copy`, with `access` and `unit_view` beside them); this module names them all
//! in one place for the screens' adapters and the tests.

pub(crate) use super::copy::copy_unit_into;
pub use super::copy::copy_year_plan;
pub(crate) use super::goals::add_goal_as;
pub use super::goals::*;
pub use super::materials::*;
pub use super::scales::*;
pub(crate) use super::tasks::create_task_as;
pub use super::tasks::*;
pub use super::unit_view::*;
pub use super::units::*;
pub(crate) use super::units::{create_unit_as, share_unit_as};
pub(crate) use super::year_plans::create_year_plan_as;
pub use super::year_plans::*;
