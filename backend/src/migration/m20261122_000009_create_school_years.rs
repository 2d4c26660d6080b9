use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A school's year with the dates the school sets. Classes and hold name their year by
        // `school_year` (its start year), which with the school id is this table's natural key.
        manager
            .create_table(
                Table::create()
                    .table("school_year")
                    .col(pk_auto("id"))
                    .col(integer("school_id"))
                    .col(integer("start_year"))
                    // ISO `YYYY-MM-DD`: text order is date order on both databases.
                    .col(string_len("first_day", 10))
                    .col(string_len("last_day", 10))
                    .foreign_key(&mut restrict_fk("school_year", "school_id", "school"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_school_year")
                    .table("school_year")
                    .col("school_id")
                    .col("start_year")
                    .unique()
                    .to_owned(),
            )
            .await?;
        // Every year already in use gets a record, with the dates Spire proposes.
        manager
            .get_connection()
            .execute_unprepared(
                "INSERT INTO school_year (school_id, start_year, first_day, last_day) \
                 SELECT school_id, school_year, \
                        CAST(school_year AS TEXT) || '-08-01', \
                        CAST(school_year + 1 AS TEXT) || '-06-30' \
                 FROM (SELECT school_id, school_year FROM school_class \
                       UNION SELECT school_id, school_year FROM team) AS years",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("school_year").to_owned())
            .await
    }
}
