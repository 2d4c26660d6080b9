use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Pieces of a pupil's work a teacher chose as evidence for a goal. Taking a piece away sets
/// `removed_at`: who chose what, and when, stays.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("goal_evidence")
                    .col(pk_auto("id"))
                    .col(integer("goal_id"))
                    .col(integer("pupil_id"))
                    .col(integer("item_id"))
                    .col(integer("chosen_by"))
                    .col(big_integer("chosen_at"))
                    .col(big_integer_null("removed_at"))
                    .foreign_key(&mut restrict_fk("goal_evidence", "goal_id", "unit_goal"))
                    .foreign_key(&mut restrict_fk("goal_evidence", "pupil_id", "person"))
                    .foreign_key(&mut restrict_fk(
                        "goal_evidence",
                        "item_id",
                        "portfolio_item",
                    ))
                    .foreign_key(&mut restrict_fk("goal_evidence", "chosen_by", "person"))
                    .to_owned(),
            )
            .await?;
        // The grid counts by goal; a pupil's plan reads by pupil.
        for (name, col) in [
            ("ix_goal_evidence_goal", "goal_id"),
            ("ix_goal_evidence_pupil", "pupil_id"),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table("goal_evidence")
                        .col(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("goal_evidence").to_owned())
            .await
    }
}
