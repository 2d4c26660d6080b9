use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A school's own subjects. Hold, plans and evaluations keep naming their subject in the same
/// text column as before, with the code `egen-<id>` for one of these, so nothing existing
/// changes. A name is unique within a school whatever its case (`name_key`).
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("school_subject")
                    .col(pk_auto("id"))
                    .col(integer("school_id"))
                    .col(string_len("name", 60))
                    .col(string_len("name_key", 60))
                    .col(string_len("icon", 20))
                    .col(small_integer("first_grade"))
                    .col(small_integer("last_grade"))
                    // The law's subjects it spans, as their codes separated by commas.
                    .col(string("spans"))
                    .col(big_integer("created_at"))
                    .foreign_key(&mut restrict_fk("school_subject", "school_id", "school"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_school_subject_name")
                    .table("school_subject")
                    .col("school_id")
                    .col("name_key")
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("school_subject").to_owned())
            .await
    }
}
