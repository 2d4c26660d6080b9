use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One imported version of a goal framework. Versions are never replaced: plans keep
        // pointing at the item they chose, in the version they chose it from.
        manager
            .create_table(
                Table::create()
                    .table("framework")
                    .col(pk_auto("id"))
                    .col(string("key"))
                    .col(string("title"))
                    .col(string("version"))
                    .col(big_integer("imported_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_framework_version")
                    .table("framework")
                    .col("key")
                    .col("version")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("framework_item")
                    .col(pk_auto("id"))
                    .col(integer("framework_id"))
                    .col(integer_null("parent_id"))
                    .col(string("key"))
                    .col(string("kind"))
                    .col(string_null("subject"))
                    .col(small_integer_null("grade_from"))
                    .col(small_integer_null("grade_to"))
                    .col(text("text"))
                    // Lower-cased text (Rust's Unicode rules, so æ/ø/å too), searched with LIKE.
                    .col(text("search_text"))
                    .col(integer("position"))
                    .foreign_key(&mut restrict_fk(
                        "framework_item",
                        "framework_id",
                        "framework",
                    ))
                    .foreign_key(&mut restrict_fk(
                        "framework_item",
                        "parent_id",
                        "framework_item",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_framework_item_key")
                    .table("framework_item")
                    .col("framework_id")
                    .col("key")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_framework_item_subject")
                    .table("framework_item")
                    .col("framework_id")
                    .col("subject")
                    .col("kind")
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_framework_item_parent")
                    .table("framework_item")
                    .col("parent_id")
                    .to_owned(),
            )
            .await?;
        // Which item of a newer version an older item became.
        manager
            .create_table(
                Table::create()
                    .table("framework_crosswalk")
                    .col(integer("from_item_id"))
                    .col(integer("to_item_id"))
                    .primary_key(Index::create().col("from_item_id").col("to_item_id"))
                    .foreign_key(&mut restrict_fk(
                        "framework_crosswalk",
                        "from_item_id",
                        "framework_item",
                    ))
                    .foreign_key(&mut restrict_fk(
                        "framework_crosswalk",
                        "to_item_id",
                        "framework_item",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_framework_crosswalk_to")
                    .table("framework_crosswalk")
                    .col("to_item_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["framework_crosswalk", "framework_item", "framework"] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
