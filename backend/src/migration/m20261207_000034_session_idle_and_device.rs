use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A pupil's session on a class iPad ends after `idle_secs` without a call (each call moves its
/// expiry on) and names the iPad (`device_id`), so closing the iPad from anywhere ends it.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        for col in [big_integer_null("idle_secs"), integer_null("device_id")] {
            manager
                .alter_table(
                    Table::alter()
                        .table("session")
                        .add_column(col.to_owned())
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("ix_session_device")
                    .table("session")
                    .col("device_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_session_device")
                    .table("session")
                    .to_owned(),
            )
            .await?;
        for col in ["idle_secs", "device_id"] {
            manager
                .alter_table(Table::alter().table("session").drop_column(col).to_owned())
                .await?;
        }
        Ok(())
    }
}
