use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A pupil's "Færdig" on a task: one row per pupil and task, removed again if they undo.
        manager
            .create_table(
                Table::create()
                    .table("task_done")
                    .col(integer("task_id"))
                    .col(integer("pupil_id"))
                    .col(big_integer("done_at"))
                    .primary_key(Index::create().col("task_id").col("pupil_id"))
                    .foreign_key(&mut restrict_fk("task_done", "task_id", "task"))
                    .foreign_key(&mut restrict_fk("task_done", "pupil_id", "person"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_task_done_pupil")
                    .table("task_done")
                    .col("pupil_id")
                    .to_owned(),
            )
            .await?;
        // "Mit arbejde": the pupil's work, kept whatever happens to the task, goal or forløb.
        // `client_key` is the device's name for the piece, so a resend after a lost answer finds
        // the row already there instead of storing it twice.
        manager
            .create_table(
                Table::create()
                    .table("portfolio_item")
                    .col(pk_auto("id"))
                    .col(integer("pupil_id"))
                    .col(integer("school_id"))
                    .col(string_len("client_key", 64))
                    .col(string_len("kind", 16))
                    .col(text("text"))
                    .col(integer_null("file_id"))
                    .col(integer_null("task_id"))
                    .col(integer_null("goal_id"))
                    .col(boolean("shared_with_family").default(false))
                    .col(big_integer("created_at"))
                    .col(big_integer_null("archived_at"))
                    .foreign_key(&mut restrict_fk("portfolio_item", "pupil_id", "person"))
                    .foreign_key(&mut restrict_fk("portfolio_item", "school_id", "school"))
                    .foreign_key(&mut restrict_fk("portfolio_item", "file_id", "stored_file"))
                    .foreign_key(&mut restrict_fk("portfolio_item", "task_id", "task"))
                    .foreign_key(&mut restrict_fk("portfolio_item", "goal_id", "unit_goal"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_portfolio_item_pupil_key")
                    .table("portfolio_item")
                    .col("pupil_id")
                    .col("client_key")
                    .unique()
                    .to_owned(),
            )
            .await?;
        // Reading settings follow the person, whatever device they sign in on.
        manager
            .create_table(
                Table::create()
                    .table("reading_settings")
                    .col(integer("person_id").primary_key())
                    .col(text("settings"))
                    .col(big_integer("updated_at"))
                    .foreign_key(&mut restrict_fk("reading_settings", "person_id", "person"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["reading_settings", "portfolio_item", "task_done"] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
