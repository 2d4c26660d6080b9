use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("account")
                    .col(integer("person_id").primary_key())
                    .col(string_uniq("username"))
                    .col(string("password_hash"))
                    .foreign_key(&mut restrict_fk("account", "person_id", "person"))
                    .to_owned(),
            )
            .await?;
        // Sessions live in the database so any number of server processes can share them. Only a
        // hash of the token is stored: a leaked database does not leak live sessions.
        manager
            .create_table(
                Table::create()
                    .table("session")
                    .col(pk_auto("id"))
                    .col(string_uniq("token_hash"))
                    .col(integer("person_id"))
                    .col(string("role"))
                    .col(big_integer("created_at"))
                    .col(big_integer("expires_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_session_person_id")
                            .from("session", "person_id")
                            .to("person", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_session_person")
                    .table("session")
                    .col("person_id")
                    .to_owned(),
            )
            .await?;
        // Marks a database seeded with the demo school, so the sign-in page can offer demo logins.
        manager
            .create_table(
                Table::create()
                    .table("setting")
                    .col(string("key").primary_key())
                    .col(text("value"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["setting", "session", "account"] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
