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
                    .table("school")
                    .col(pk_auto("id"))
                    .col(string("name"))
                    .col(big_integer("created_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("school_class")
                    .col(pk_auto("id"))
                    .col(integer("school_id"))
                    .col(string("name"))
                    .col(small_integer("grade"))
                    .col(integer("school_year"))
                    .foreign_key(&mut restrict_fk("school_class", "school_id", "school"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_school_class_name_year")
                    .table("school_class")
                    .col("school_id")
                    .col("school_year")
                    .col("name")
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("school_class").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("school").to_owned())
            .await
    }
}
