use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The audit trail: one row per read or change of a pupil's data by someone (`backend::audit`).
/// Rows are only ever added, and removed only when older than the retention period.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("audit_event")
                    .col(big_pk_auto("id"))
                    .col(integer("school_id"))
                    .col(big_integer("at"))
                    .col(integer("actor_id"))
                    .col(text("actor_role"))
                    .col(integer("pupil_id"))
                    .col(text("topic"))
                    .col(text("act"))
                    .col(big_integer_null("object_id"))
                    .col(text_null("client_addr"))
                    .foreign_key(&mut restrict_fk("audit_event", "school_id", "school"))
                    .foreign_key(&mut restrict_fk("audit_event", "actor_id", "person"))
                    .foreign_key(&mut restrict_fk("audit_event", "pupil_id", "person"))
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("ix_audit_event_pupil_at", vec!["pupil_id", "at"]),
            ("ix_audit_event_at", vec!["at"]),
        ] {
            let mut index = Index::create();
            index.name(name).table("audit_event");
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("audit_event").to_owned())
            .await
    }
}
