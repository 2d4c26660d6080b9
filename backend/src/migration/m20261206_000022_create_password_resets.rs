use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A one-time code the administration gives a person who forgot their password. Only its
        // hash is stored; it expires, and using it (or issuing a newer one) ends it.
        manager
            .create_table(
                Table::create()
                    .table("password_reset")
                    .col(pk_auto("id"))
                    .col(integer("person_id"))
                    .col(string_len("code_hash", 64))
                    .col(integer("issued_by"))
                    .col(big_integer("created_at"))
                    .col(big_integer("expires_at"))
                    .col(big_integer_null("used_at"))
                    .foreign_key(&mut restrict_fk("password_reset", "person_id", "person"))
                    .foreign_key(&mut restrict_fk("password_reset", "issued_by", "person"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_password_reset_person")
                    .table("password_reset")
                    .col("person_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("password_reset").to_owned())
            .await
    }
}
