use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// People who left are anonymised after the retention period (`backend::privacy`): the person
/// row stays, nameless, so the records it anchors (anonymous evaluations, the hold's history)
/// still add up, and `anonymised_at` says it happened. Each confirmed batch is kept as counts,
/// never names.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("person")
                    .add_column(big_integer_null("anonymised_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("erasure_batch")
                    .col(pk_auto("id"))
                    .col(integer("school_id"))
                    .col(integer("confirmed_by"))
                    .col(big_integer("at"))
                    .col(integer("pupils"))
                    .col(integer("staff"))
                    .col(integer("guardians"))
                    .foreign_key(&mut restrict_fk("erasure_batch", "school_id", "school"))
                    .foreign_key(&mut restrict_fk("erasure_batch", "confirmed_by", "person"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("erasure_batch").to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("person")
                    .drop_column("anonymised_at")
                    .to_owned(),
            )
            .await
    }
}
