use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A pupil's elevplan reflection said aloud: each recording a row. Recording again supersedes the
/// one before (`superseded_at`) without deleting it, since a published version may play it.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("plan_voice")
                    .col(pk_auto("id"))
                    .col(integer("plan_id"))
                    .col(integer("pupil_id"))
                    .col(integer("file_id"))
                    .col(big_integer("recorded_at"))
                    .col(boolean("in_plan").default(false))
                    .col(text("transcript").default(""))
                    .col(boolean("published").default(false))
                    .col(big_integer_null("superseded_at"))
                    .foreign_key(&mut restrict_fk("plan_voice", "plan_id", "pupil_plan"))
                    .foreign_key(&mut restrict_fk("plan_voice", "pupil_id", "person"))
                    .foreign_key(&mut restrict_fk("plan_voice", "file_id", "stored_file"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_plan_voice_plan")
                    .table("plan_voice")
                    .col("plan_id")
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("plan_voice").to_owned())
            .await
    }
}
