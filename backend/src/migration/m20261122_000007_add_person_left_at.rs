use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A pupil who has left the school keeps every record; they are only no longer listed or
        // able to sign in.
        manager
            .alter_table(
                Table::alter()
                    .table("person")
                    .add_column(big_integer_null("left_at"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("person")
                    .drop_column("left_at")
                    .to_owned(),
            )
            .await
    }
}
