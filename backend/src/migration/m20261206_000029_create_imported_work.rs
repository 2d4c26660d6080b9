use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Work a pupil brought from an earlier school in their package, kept whole (as
/// `domain::pupil_plan::PackageWork` JSON, files and answers included) and sent on with the pupil
/// again, as `imported_evaluation` keeps evaluations.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("imported_work")
                    .col(pk_auto("id"))
                    .col(integer("pupil_id"))
                    .col(big_integer("imported_at"))
                    .col(text("content"))
                    .foreign_key(&mut restrict_fk("imported_work", "pupil_id", "person"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_imported_work_pupil")
                    .table("imported_work")
                    .col("pupil_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("imported_work").to_owned())
            .await
    }
}
