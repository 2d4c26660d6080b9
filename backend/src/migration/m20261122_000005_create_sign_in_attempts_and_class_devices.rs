use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Failed sign-ins, per account and per address, for rate limiting. Kept in the database so
        // every server process sees the same count.
        manager
            .create_table(
                Table::create()
                    .table("sign_in_attempt")
                    .col(pk_auto("id"))
                    .col(string("key"))
                    .col(big_integer("at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sign_in_attempt_key_at")
                    .table("sign_in_attempt")
                    .col("key")
                    .col("at")
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sign_in_attempt_at")
                    .table("sign_in_attempt")
                    .col("at")
                    .to_owned(),
            )
            .await?;
        // A class iPad: a shared device a teacher opened for one class, on which that class's
        // pupils sign in by tapping their picture.
        manager
            .create_table(
                Table::create()
                    .table("class_device")
                    .col(pk_auto("id"))
                    .col(string_uniq("token_hash"))
                    .col(integer("class_id"))
                    .col(integer("opened_by"))
                    .col(big_integer("created_at"))
                    .col(big_integer("expires_at"))
                    .foreign_key(&mut restrict_fk("class_device", "class_id", "school_class"))
                    .foreign_key(&mut restrict_fk("class_device", "opened_by", "person"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("class_device").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("sign_in_attempt").to_owned())
            .await
    }
}
