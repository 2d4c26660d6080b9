use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Teachers' answers to pupils: on a piece of work (`item_id`, with the work's task if it has
/// one) or on a task as a whole (`task_id` only). Words, a voice recording (`file_id`) or a
/// sticker; whether the family sees it; when the pupil first had it on a screen. Nothing cascades:
/// an answer is part of what a pupil earned.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("work_feedback")
                    .col(pk_auto("id"))
                    .col(integer("school_id"))
                    .col(integer("pupil_id"))
                    .col(integer_null("task_id"))
                    .col(integer_null("item_id"))
                    .col(integer("author_id"))
                    .col(string_len("kind", 20))
                    .col(text("text"))
                    .col(string_len_null("sticker", 20))
                    .col(integer_null("file_id"))
                    .col(boolean("for_family"))
                    .col(big_integer("created_at"))
                    .col(big_integer_null("seen_at"))
                    .col(big_integer_null("archived_at"))
                    .foreign_key(&mut restrict_fk("work_feedback", "school_id", "school"))
                    .foreign_key(&mut restrict_fk("work_feedback", "pupil_id", "person"))
                    .foreign_key(&mut restrict_fk("work_feedback", "author_id", "person"))
                    .foreign_key(&mut restrict_fk("work_feedback", "task_id", "task"))
                    .foreign_key(&mut restrict_fk(
                        "work_feedback",
                        "item_id",
                        "portfolio_item",
                    ))
                    .foreign_key(&mut restrict_fk("work_feedback", "file_id", "stored_file"))
                    .to_owned(),
            )
            .await?;
        // A pupil's answers by task (I dag, the task's screen) and by piece (Mit arbejde).
        for (name, col) in [
            ("ix_work_feedback_task", "task_id"),
            ("ix_work_feedback_item", "item_id"),
            ("ix_work_feedback_pupil", "pupil_id"),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table("work_feedback")
                        .col(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("work_feedback").to_owned())
            .await
    }
}
