use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Evaluations a pupil brought from another school (`domain::pupil_plan::PackageEvaluation`
        // as JSON): their goals and forløb are not rows here, so they are kept whole, read-only,
        // and go with the pupil again when the package is exported.
        manager
            .create_table(
                Table::create()
                    .table("imported_evaluation")
                    .col(pk_auto("id"))
                    .col(integer("pupil_id"))
                    .col(big_integer("imported_at"))
                    .col(text("content"))
                    .foreign_key(&mut restrict_fk(
                        "imported_evaluation",
                        "pupil_id",
                        "person",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_imported_evaluation_pupil")
                    .table("imported_evaluation")
                    .col("pupil_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("imported_evaluation").to_owned())
            .await
    }
}
