use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A school's "today" and weeks are its own time zone's (`clock`); every existing school is in
/// Denmark.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("school")
                    .add_column(string("time_zone").default("Europe/Copenhagen"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("school")
                    .drop_column("time_zone")
                    .to_owned(),
            )
            .await
    }
}
