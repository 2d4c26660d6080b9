use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A hold: one subject taught to some pupils by some teachers; may span classes.
        manager
            .create_table(
                Table::create()
                    .table("team")
                    .col(pk_auto("id"))
                    .col(integer("school_id"))
                    .col(string("name"))
                    .col(string("subject"))
                    .col(integer("school_year"))
                    .col(big_integer_null("archived_at"))
                    .foreign_key(&mut restrict_fk("team", "school_id", "school"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("team_member")
                    .col(pk_auto("id"))
                    .col(integer("team_id"))
                    .col(integer("person_id"))
                    .col(string("role"))
                    .foreign_key(&mut restrict_fk("team_member", "team_id", "team"))
                    .foreign_key(&mut restrict_fk("team_member", "person_id", "person"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_team_member")
                    .table("team_member")
                    .col("team_id")
                    .col("person_id")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_team_member_person")
                    .table("team_member")
                    .col("person_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("team_member").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("team").to_owned())
            .await
    }
}
