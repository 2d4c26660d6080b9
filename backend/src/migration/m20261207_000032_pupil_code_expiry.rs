use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Login-card codes end with the school year they were printed in. Codes stored before this are
/// unsalted SHA-256 and get `expires_at` 0: they stop working, and new cards are printed (their
/// codes are keyed hashes with the server's secret, `identity::login_cards`).
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("pupil_code")
                    .add_column(big_integer("expires_at").default(0))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("pupil_code")
                    .drop_column("expires_at")
                    .to_owned(),
            )
            .await
    }
}
