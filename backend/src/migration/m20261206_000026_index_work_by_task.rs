use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Pupils' work is read by task now, not only by pupil: a task's screen lists what its pupils
/// handed in, and the teacher's home counts what came in this week per task.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("ix_portfolio_item_task")
                    .table("portfolio_item")
                    .col("task_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_portfolio_item_task")
                    .table("portfolio_item")
                    .to_owned(),
            )
            .await
    }
}
