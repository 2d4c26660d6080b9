use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A school year's holidays, as the leader sets them (`domain::holidays`), kept on the year's
/// row as JSON: they are always read and written together with its first and last day, so one
/// row read gives the planning timeline all it needs. NULL means never set, and Spire proposes.
/// `version` lets two leaders editing the same year conflict instead of one silently winning.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("school_year")
                    .add_column(text_null("holidays"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("school_year")
                    .add_column(big_integer("version").default(1))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in ["version", "holidays"] {
            manager
                .alter_table(
                    Table::alter()
                        .table("school_year")
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
