use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A pupil's current login-card code, stored only as its hash: printing new cards replaces it.
        manager
            .create_table(
                Table::create()
                    .table("pupil_code")
                    .col(integer("person_id").primary_key())
                    .col(string_uniq("code_hash"))
                    .col(big_integer("created_at"))
                    .foreign_key(&mut restrict_fk("pupil_code", "person_id", "person"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("pupil_code").to_owned())
            .await
    }
}
