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
                    .table("person")
                    .col(pk_auto("id"))
                    .col(integer("school_id"))
                    .col(string("given_name"))
                    .col(string("family_name"))
                    .col(string_null("avatar"))
                    .col(big_integer("created_at"))
                    .foreign_key(&mut restrict_fk("person", "school_id", "school"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("person_role")
                    .col(pk_auto("id"))
                    .col(integer("person_id"))
                    .col(string("role"))
                    .foreign_key(&mut restrict_fk("person_role", "person_id", "person"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_person_role")
                    .table("person_role")
                    .col("person_id")
                    .col("role")
                    .unique()
                    .to_owned(),
            )
            .await?;
        // A pupil's current class. The person row is the pupil; this only places them.
        manager
            .create_table(
                Table::create()
                    .table("pupil")
                    .col(integer("person_id").primary_key())
                    .col(integer("class_id"))
                    .foreign_key(&mut restrict_fk("pupil", "person_id", "person"))
                    .foreign_key(&mut restrict_fk("pupil", "class_id", "school_class"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_pupil_class")
                    .table("pupil")
                    .col("class_id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("guardianship")
                    .col(pk_auto("id"))
                    .col(integer("guardian_id"))
                    .col(integer("pupil_id"))
                    // "Adgang til skoleoplysninger": a guardian without it sees nothing of the child.
                    .col(boolean("has_access"))
                    .foreign_key(&mut restrict_fk("guardianship", "guardian_id", "person"))
                    .foreign_key(&mut restrict_fk("guardianship", "pupil_id", "person"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_guardianship")
                    .table("guardianship")
                    .col("guardian_id")
                    .col("pupil_id")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_guardianship_pupil")
                    .table("guardianship")
                    .col("pupil_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["guardianship", "pupil", "person_role", "person"] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
