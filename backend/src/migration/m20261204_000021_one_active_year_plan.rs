use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One active årsplan per hold and school year, held by the database: a check in the use case
/// alone let parallel creates (and two restores) make several, of which screens show one.
/// Duplicates made before are archived, newest first, so the oldest stays (nothing is deleted).
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(
            "UPDATE year_plan SET archived_at = updated_at \
             WHERE archived_at IS NULL AND EXISTS (\
               SELECT 1 FROM year_plan older \
               WHERE older.team_id = year_plan.team_id \
                 AND older.school_year = year_plan.school_year \
                 AND older.archived_at IS NULL AND older.id < year_plan.id)",
        )
        .await?;
        // A partial unique index: SQLite and PostgreSQL both have them; sea-query's builder does not.
        db.execute_unprepared(
            "CREATE UNIQUE INDEX ux_year_plan_active ON year_plan (team_id, school_year) \
             WHERE archived_at IS NULL",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ux_year_plan_active")
                    .table("year_plan")
                    .to_owned(),
            )
            .await
    }
}
