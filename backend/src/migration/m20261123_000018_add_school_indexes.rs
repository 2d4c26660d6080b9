use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Indexes found by the benchmarks (`spire-bench plans`, BENCHMARKS.md):
/// - a school's people (the leader's counts, the roster) and a school year's hold by name
///   (planning, the leader's overview): without them each read the whole table, every school's
///   rows;
/// - a forløb's tasks by due date (I dag, the child's week, the calendar feed): with only
///   `ix_task_unit` and `ix_task_due`, SQLite chose the date index and read every task in the
///   municipality due that day. `(unit_id, due_on)` answers both parts and replaces `ix_task_unit`.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("ix_person_school")
                    .table("person")
                    .col("school_id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_team_school_year_name")
                    .table("team")
                    .col("school_id")
                    .col("school_year")
                    .col("name")
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_task_unit_due")
                    .table("task")
                    .col("unit_id")
                    .col("due_on")
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(Index::drop().name("ix_task_unit").table("task").to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("ix_task_unit")
                    .table("task")
                    .col("unit_id")
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("ix_task_unit_due")
                    .table("task")
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("ix_team_school_year_name")
                    .table("team")
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("ix_person_school")
                    .table("person")
                    .to_owned(),
            )
            .await
    }
}
