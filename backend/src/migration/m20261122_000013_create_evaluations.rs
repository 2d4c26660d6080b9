use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Evaluations are only ever added: the newest row for (goal, pupil, by) is the current
        // one, and every earlier row is its history. A teacher's and the pupil's own are told
        // apart by `by_pupil` and are never merged.
        manager
            .create_table(
                Table::create()
                    .table("evaluation")
                    .col(pk_auto("id"))
                    .col(integer("goal_id"))
                    .col(integer("pupil_id"))
                    .col(integer("author_id"))
                    .col(boolean("by_pupil"))
                    // Index into the goal's scale, lowest 0; none when only words were given.
                    .col(small_integer_null("step"))
                    .col(text("comment"))
                    .col(big_integer("created_at"))
                    .foreign_key(&mut restrict_fk("evaluation", "goal_id", "unit_goal"))
                    .foreign_key(&mut restrict_fk("evaluation", "pupil_id", "person"))
                    .foreign_key(&mut restrict_fk("evaluation", "author_id", "person"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_evaluation_goal_pupil")
                    .table("evaluation")
                    .col("goal_id")
                    .col("pupil_id")
                    .col("by_pupil")
                    .col("id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_evaluation_pupil")
                    .table("evaluation")
                    .col("pupil_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("evaluation").to_owned())
            .await
    }
}
