//! Spire's shared language, used by the Wasm client and the native backend alike.
//!
//! Nothing here does IO: these are the types that cross the wire, the newtypes that validate input
//! at the edge (`parse`), and the error codes the client translates.

pub mod audit;
pub mod calendar;
pub mod error;
pub mod evaluation;
pub mod family;
pub mod feedback;
pub mod field;
pub mod framework;
pub mod home;
pub mod identity;
pub mod media;
pub mod paths;
pub mod planning;
pub mod privacy;
pub mod pupil;
pub mod pupil_plan;
pub mod returns;
pub mod roster;
pub mod school;
pub mod school_year;
pub mod subjects;
pub mod teams;

pub use error::{AppError, ErrorCode};
pub use field::Field;
