use sea_orm::DatabaseBackend;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Files are told apart by what they are: teaching material on a forløb, or a pupil's own work,
/// which only `/arbejde/{id}` serves under the portfolio's rules. Each file also gets an
/// unguessable key to be addressed by (`/filer/{key}`), so sequential ids cannot be walked.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("stored_file")
                    .add_column(string("kind").default("material"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("stored_file")
                    .add_column(string("public_key").default(""))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared(
            "UPDATE stored_file SET kind = 'pupil_work' \
             WHERE id IN (SELECT file_id FROM portfolio_item WHERE file_id IS NOT NULL)",
        )
        .await?;
        // 128 random bits per existing file, written by the database itself.
        let random_key = match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                "md5(random()::text || clock_timestamp()::text || id::text)"
            }
            _ => "lower(hex(randomblob(16)))",
        };
        db.execute_unprepared(&format!("UPDATE stored_file SET public_key = {random_key}"))
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_stored_file_public_key")
                    .table("stored_file")
                    .col("public_key")
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ux_stored_file_public_key")
                    .table("stored_file")
                    .to_owned(),
            )
            .await?;
        for column in ["public_key", "kind"] {
            manager
                .alter_table(
                    Table::alter()
                        .table("stored_file")
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
