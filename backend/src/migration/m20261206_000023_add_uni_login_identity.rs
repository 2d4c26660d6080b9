use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// UNI-Login as STIL's broker sends it: a person is linked by their UNI-ID (`person.external_id`,
/// set by the roster import or the administration screen), a sign-in is admitted only for a
/// school whose institution number the token names (`school.institution_number`), and the level
/// of assurance it reported is kept with the session (`session.assurance`).
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        for (table, column) in [
            ("person", "external_id"),
            ("school", "institution_number"),
            ("session", "assurance"),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(string_null(column))
                        .to_owned(),
                )
                .await?;
        }
        // One person per UNI-ID in a school; people without one (NULL) are many.
        manager
            .create_index(
                Index::create()
                    .name("ux_person_school_external_id")
                    .table("person")
                    .col("school_id")
                    .col("external_id")
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ux_person_school_external_id")
                    .table("person")
                    .to_owned(),
            )
            .await?;
        for (table, column) in [
            ("person", "external_id"),
            ("school", "institution_number"),
            ("session", "assurance"),
        ] {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
