use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A guardian's private calendar link for one child. The link's secret is stored only as
        // its hash; revoking sets `revoked_at`, and a new link revokes the old one.
        manager
            .create_table(
                Table::create()
                    .table("calendar_feed")
                    .col(pk_auto("id"))
                    .col(integer("guardian_id"))
                    .col(integer("pupil_id"))
                    .col(string_len("token_hash", 64))
                    .col(big_integer("created_at"))
                    .col(big_integer_null("revoked_at"))
                    .foreign_key(&mut restrict_fk("calendar_feed", "guardian_id", "person"))
                    .foreign_key(&mut restrict_fk("calendar_feed", "pupil_id", "person"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_calendar_feed_token")
                    .table("calendar_feed")
                    .col("token_hash")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_calendar_feed_guardian_pupil")
                    .table("calendar_feed")
                    .col("guardian_id")
                    .col("pupil_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("calendar_feed").to_owned())
            .await
    }
}
