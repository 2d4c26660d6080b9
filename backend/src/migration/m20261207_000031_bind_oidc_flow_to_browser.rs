use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A sign-in through UNI-Login finishes only in the browser that started it: the flow keeps the
/// hash of a secret that browser holds in a short-lived cookie (against login CSRF, where someone
/// hands a victim the callback of a sign-in they started themselves).
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("oidc_flow")
                    .add_column(string("browser_hash").default(""))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("oidc_flow")
                    .drop_column("browser_hash")
                    .to_owned(),
            )
            .await
    }
}
