use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Hold a school can run: a membership is never deleted but ended (`left_at`, and why), so a
/// hold's history says who taught and was taught when; a person may join again later, so only
/// current memberships are unique. A hold may belong to a class (`team.class_id`): that class's
/// pupils join and leave it with the roster. An existing hold whose pupils are all in one class
/// of its year belongs to that class; existing memberships began before history was kept
/// (`joined_at` NULL).
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        for column in [
            big_integer_null("joined_at"),
            big_integer_null("left_at"),
            string_null("left_reason"),
            integer_null("changed_by"),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table("team_member")
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table("team")
                    .add_column(integer_null("class_id"))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        // A hold whose pupils are all in one class of the hold's own year is that class's hold;
        // a hold across classes (valgfag, holddeling) belongs to none.
        db.execute_unprepared(
            "UPDATE team SET class_id = (\
               SELECT MIN(pupil.class_id) FROM team_member \
               JOIN pupil ON pupil.person_id = team_member.person_id \
               JOIN school_class ON school_class.id = pupil.class_id \
               WHERE team_member.team_id = team.id AND team_member.role = 'pupil' \
               HAVING COUNT(DISTINCT pupil.class_id) = 1 \
                 AND MIN(school_class.school_year) = team.school_year \
                 AND MAX(school_class.school_year) = team.school_year)",
        )
        .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("ux_team_member")
                    .table("team_member")
                    .to_owned(),
            )
            .await?;
        // A partial unique index: SQLite and PostgreSQL both have them; sea-query's builder does not.
        db.execute_unprepared(
            "CREATE UNIQUE INDEX ux_team_member_current ON team_member (team_id, person_id) \
             WHERE left_at IS NULL",
        )
        .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_team_class")
                    .table("team")
                    .col("class_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Before this migration a membership was current or gone: ended ones go, so the old
        // unique index can hold again.
        manager
            .get_connection()
            .execute_unprepared("DELETE FROM team_member WHERE left_at IS NOT NULL")
            .await?;
        for (index, table) in [
            ("ix_team_class", "team"),
            ("ux_team_member_current", "team_member"),
        ] {
            manager
                .drop_index(Index::drop().name(index).table(table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table("team")
                    .drop_column("class_id")
                    .to_owned(),
            )
            .await?;
        for column in ["joined_at", "left_at", "left_reason", "changed_by"] {
            manager
                .alter_table(
                    Table::alter()
                        .table("team_member")
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
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
            .await
    }
}
