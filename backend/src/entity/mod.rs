//! SeaORM entities, one per table. Relations are queried explicitly in the use cases, where the
//! joins are visible and their cost can be counted.

pub mod account;
pub mod audit_event;
pub mod calendar_feed;
pub mod class_device;
pub mod erasure_batch;
pub mod evaluation;
pub mod external_identity;
pub mod framework;
pub mod framework_crosswalk;
pub mod framework_item;
pub mod goal_evidence;
pub mod guardianship;
pub mod imported_evaluation;
pub mod imported_work;
pub mod oidc_flow;
pub mod password_reset;
pub mod person;
pub mod person_role;
pub mod plan_voice;
pub mod portfolio_item;
pub mod pupil;
pub mod pupil_code;
pub mod pupil_plan;
pub mod pupil_plan_goal;
pub mod pupil_plan_version;
pub mod reading_settings;
pub mod scale;
pub mod school;
pub mod school_class;
pub mod school_subject;
pub mod school_year;
pub mod session;
pub mod setting;
pub mod sign_in_attempt;
pub mod stored_file;
pub mod task;
pub mod task_done;
pub mod task_pupil;
pub mod team;
pub mod team_member;
pub mod unit;
pub mod unit_goal;
pub mod unit_material;
pub mod work_feedback;
pub mod year_plan;

#[cfg(test)]
mod tests {
    use domain::framework::ItemKind;
    use domain::identity::Role;
    use domain::planning::{GoalKind, MaterialKind, TaskIcon, Variant};
    use domain::pupil::WorkKind;
    use sea_orm::{ActiveEnum, Iterable};

    /// The stored enums read and write the strings databases already hold, which are also the
    /// names the wire and the domain use (`as_str`): a renamed variant must not orphan rows.
    #[test]
    fn every_stored_enum_keeps_the_strings_existing_databases_hold() {
        for k in GoalKind::iter() {
            assert_eq!(k.to_value(), k.as_str());
        }
        for k in ItemKind::iter() {
            assert_eq!(k.to_value(), k.as_str());
        }
        for k in Role::iter() {
            assert_eq!(k.to_value(), k.as_str());
        }
        for k in TaskIcon::iter() {
            assert_eq!(k.to_value(), k.as_str());
        }
        for k in Variant::iter() {
            assert_eq!(k.to_value(), k.as_str());
        }
        for k in WorkKind::iter() {
            assert_eq!(k.to_value(), k.as_str());
        }
        let materials: Vec<String> = MaterialKind::iter().map(|k| k.to_value()).collect();
        assert_eq!(materials, ["office365", "google_docs", "link", "file"]);
        let due: Vec<String> = super::task::DueKind::iter().map(|k| k.to_value()).collect();
        assert_eq!(due, ["day", "week"]);
        let audience: Vec<String> = super::task::AudienceKind::iter()
            .map(|k| k.to_value())
            .collect();
        assert_eq!(audience, ["hold", "group", "pupils"]);
        let stickers: Vec<String> = domain::feedback::Sticker::iter()
            .map(|k| k.to_value())
            .collect();
        assert_eq!(stickers, ["star", "thumbs_up", "effort", "tell_more"]);
        for s in domain::feedback::Sticker::iter() {
            let wire = serde_json::to_string(&s).unwrap_or_default();
            assert_eq!(wire, format!("\"{}\"", s.to_value()));
        }
    }

    /// A value no variant names fails to read rather than turning into a default.
    #[test]
    fn an_unknown_stored_value_is_an_error_not_a_default() {
        assert!(GoalKind::try_from_value(&"faglig".to_owned()).is_ok());
        assert!(GoalKind::try_from_value(&"fagligt".to_owned()).is_err());
        assert!(Role::try_from_value(&"admin".to_owned()).is_err());
    }
}
