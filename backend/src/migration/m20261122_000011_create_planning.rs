use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The scales every school starts with: (name, steps, shown as faces).
const BUILT_IN_SCALES: [(&str, &str, bool); 3] = [
    (
        "Tre ansigter",
        r#"["Ikke endnu","På vej","Det kan jeg"]"#,
        true,
    ),
    (
        "Fire trin",
        r#"["Begynder","Øvet","Sikker","Ekspert"]"#,
        false,
    ),
    ("1–5", r#"["1","2","3","4","5"]"#, false),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A målestok. Built-in scales have no school; a teacher's own belong to their school.
        manager
            .create_table(
                Table::create()
                    .table("scale")
                    .col(pk_auto("id"))
                    .col(integer_null("school_id"))
                    .col(string("name"))
                    .col(text("steps"))
                    .col(boolean("faces"))
                    .col(integer_null("created_by"))
                    .col(big_integer("created_at"))
                    .foreign_key(&mut restrict_fk("scale", "school_id", "school"))
                    .foreign_key(&mut restrict_fk("scale", "created_by", "person"))
                    .to_owned(),
            )
            .await?;
        for (name, steps, faces) in BUILT_IN_SCALES {
            manager
                .exec_stmt(
                    Query::insert()
                        .into_table("scale")
                        .columns(["name", "steps", "faces", "created_at"])
                        .values_panic([name.into(), steps.into(), faces.into(), 0i64.into()])
                        .to_owned(),
                )
                .await?;
        }
        // An årsplan: one hold's plan for one school year, owned by the hold's teachers together
        // (no owner column: whoever teaches the hold may edit it).
        manager
            .create_table(
                Table::create()
                    .table("year_plan")
                    .col(pk_auto("id"))
                    .col(integer("team_id"))
                    .col(integer("school_year"))
                    .col(string("title"))
                    .col(big_integer("version"))
                    .col(big_integer_null("archived_at"))
                    .col(integer("created_by"))
                    .col(big_integer("created_at"))
                    .col(big_integer("updated_at"))
                    .foreign_key(&mut restrict_fk("year_plan", "team_id", "team"))
                    .foreign_key(&mut restrict_fk("year_plan", "created_by", "person"))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_year_plan_team",
            "year_plan",
            &["team_id", "school_year"],
        )
        .await?;
        // A forløb. Weeks are stored as the ISO dates of their Mondays: text order is time order.
        manager
            .create_table(
                Table::create()
                    .table("unit")
                    .col(pk_auto("id"))
                    .col(integer("year_plan_id"))
                    .col(string("title"))
                    .col(text("description"))
                    .col(string_len("first_week", 10))
                    .col(string_len("last_week", 10))
                    .col(big_integer("version"))
                    .col(big_integer_null("archived_at"))
                    .col(big_integer_null("shared_at"))
                    // Not a foreign key: a copy stays whole whatever happens to its original.
                    .col(integer_null("copied_from"))
                    .col(integer("created_by"))
                    .col(big_integer("created_at"))
                    .col(big_integer("updated_at"))
                    .foreign_key(&mut restrict_fk("unit", "year_plan_id", "year_plan"))
                    .foreign_key(&mut restrict_fk("unit", "created_by", "person"))
                    .to_owned(),
            )
            .await?;
        index(manager, "ix_unit_year_plan", "unit", &["year_plan_id"]).await?;
        index(manager, "ix_unit_shared", "unit", &["shared_at"]).await?;
        manager
            .create_table(
                Table::create()
                    .table("unit_material")
                    .col(pk_auto("id"))
                    .col(integer("unit_id"))
                    .col(string("title"))
                    .col(text("url"))
                    .col(string("kind"))
                    .col(integer("position"))
                    .foreign_key(&mut restrict_fk("unit_material", "unit_id", "unit"))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_unit_material_unit",
            "unit_material",
            &["unit_id"],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table("unit_goal")
                    .col(pk_auto("id"))
                    .col(integer("unit_id"))
                    .col(string("kind"))
                    .col(text_null("own_text"))
                    .col(integer_null("framework_item_id"))
                    .col(integer("scale_id"))
                    .col(text("signs"))
                    .col(integer("position"))
                    .col(big_integer_null("archived_at"))
                    .foreign_key(&mut restrict_fk("unit_goal", "unit_id", "unit"))
                    .foreign_key(&mut restrict_fk(
                        "unit_goal",
                        "framework_item_id",
                        "framework_item",
                    ))
                    .foreign_key(&mut restrict_fk("unit_goal", "scale_id", "scale"))
                    .to_owned(),
            )
            .await?;
        index(manager, "ix_unit_goal_unit", "unit_goal", &["unit_id"]).await?;
        manager
            .create_table(
                Table::create()
                    .table("task")
                    .col(pk_auto("id"))
                    .col(integer("unit_id"))
                    .col(string("title"))
                    .col(text("instruction"))
                    .col(string("icon"))
                    // "day" or "week"; `due_on` is the day, or the week's Monday.
                    .col(string("due_kind"))
                    .col(string_len("due_on", 10))
                    .col(string("audience"))
                    .col(string_null("group_name"))
                    .col(text_null("easier"))
                    .col(text_null("harder"))
                    .col(big_integer("version"))
                    .col(big_integer_null("archived_at"))
                    .col(big_integer("created_at"))
                    .col(big_integer("updated_at"))
                    .foreign_key(&mut restrict_fk("task", "unit_id", "unit"))
                    .to_owned(),
            )
            .await?;
        index(manager, "ix_task_unit", "task", &["unit_id"]).await?;
        index(manager, "ix_task_due", "task", &["due_on"]).await?;
        manager
            .create_table(
                Table::create()
                    .table("task_pupil")
                    .col(integer("task_id"))
                    .col(integer("pupil_id"))
                    .col(string("variant"))
                    .primary_key(Index::create().col("task_id").col("pupil_id"))
                    .foreign_key(&mut restrict_fk("task_pupil", "task_id", "task"))
                    .foreign_key(&mut restrict_fk("task_pupil", "pupil_id", "person"))
                    .to_owned(),
            )
            .await?;
        index(manager, "ix_task_pupil_pupil", "task_pupil", &["pupil_id"]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "task_pupil",
            "task",
            "unit_goal",
            "unit_material",
            "unit",
            "year_plan",
            "scale",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: &'static str,
    cols: &[&'static str],
) -> Result<(), DbErr> {
    let mut stmt = Index::create();
    stmt.name(name).table(table);
    for col in cols {
        stmt.col(*col);
    }
    manager.create_index(stmt.to_owned()).await
}
