use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A pupil's draft plan for one subject in one school year, or (subject '') the collected
        // plan. Drafts are edited in place, version-checked; publications below are frozen copies.
        manager
            .create_table(
                Table::create()
                    .table("pupil_plan")
                    .col(pk_auto("id"))
                    .col(integer("school_id"))
                    .col(integer("pupil_id"))
                    .col(integer("school_year"))
                    // A subject's stable name, or '' for the collected plan ('' rather than NULL
                    // so the unique index below holds on every database).
                    .col(string_len("subject", 32))
                    .col(text("status"))
                    .col(text("goals"))
                    .col(text("follow_up"))
                    .col(text("wellbeing"))
                    .col(text("all_round"))
                    .col(text("education"))
                    .col(text("support"))
                    .col(boolean("receives_support"))
                    .col(text("pupil_reflection"))
                    .col(integer("version"))
                    .col(big_integer("updated_at"))
                    .foreign_key(&mut restrict_fk("pupil_plan", "school_id", "school"))
                    .foreign_key(&mut restrict_fk("pupil_plan", "pupil_id", "person"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_pupil_plan_pupil_year_subject")
                    .table("pupil_plan")
                    .col("pupil_id")
                    .col("school_year")
                    .col("subject")
                    .unique()
                    .to_owned(),
            )
            .await?;
        // The goals (and so their evaluations) a teacher chose to show in a subject plan.
        manager
            .create_table(
                Table::create()
                    .table("pupil_plan_goal")
                    .col(pk_auto("id"))
                    .col(integer("plan_id"))
                    .col(integer("goal_id"))
                    .foreign_key(&mut restrict_fk("pupil_plan_goal", "plan_id", "pupil_plan"))
                    .foreign_key(&mut restrict_fk("pupil_plan_goal", "goal_id", "unit_goal"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_pupil_plan_goal")
                    .table("pupil_plan_goal")
                    .col("plan_id")
                    .col("goal_id")
                    .unique()
                    .to_owned(),
            )
            .await?;
        // Each publication, frozen as JSON (`domain::pupil_plan::PublishedPlan`): it names no
        // forløb, hold or teacher row, so archiving those or a teacher leaving cannot touch it.
        manager
            .create_table(
                Table::create()
                    .table("pupil_plan_version")
                    .col(pk_auto("id"))
                    .col(integer("plan_id"))
                    .col(integer("pupil_id"))
                    .col(integer("number"))
                    .col(big_integer("published_at"))
                    .col(text("content"))
                    .foreign_key(&mut restrict_fk(
                        "pupil_plan_version",
                        "plan_id",
                        "pupil_plan",
                    ))
                    .foreign_key(&mut restrict_fk("pupil_plan_version", "pupil_id", "person"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_pupil_plan_version_number")
                    .table("pupil_plan_version")
                    .col("plan_id")
                    .col("number")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_pupil_plan_version_pupil")
                    .table("pupil_plan_version")
                    .col("pupil_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["pupil_plan_version", "pupil_plan_goal", "pupil_plan"] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
