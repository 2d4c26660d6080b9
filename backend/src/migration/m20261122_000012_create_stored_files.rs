use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Uploaded files, in the database so that every server process sees them and one backup
        // holds everything. Never changed after upload: a copy of a forløb can share them.
        manager
            .create_table(
                Table::create()
                    .table("stored_file")
                    .col(pk_auto("id"))
                    .col(integer("school_id"))
                    .col(integer("uploaded_by"))
                    .col(string("name"))
                    .col(string("content_type"))
                    .col(big_integer("size"))
                    .col(string_len("sha256", 64))
                    .col(blob("bytes"))
                    .col(big_integer("created_at"))
                    .foreign_key(&mut restrict_fk("stored_file", "school_id", "school"))
                    .foreign_key(&mut restrict_fk("stored_file", "uploaded_by", "person"))
                    .to_owned(),
            )
            .await?;
        // A material is a link or a file. (SQLite cannot add a foreign key to an existing table;
        // the use cases only ever write ids of this school's files here.)
        manager
            .alter_table(
                Table::alter()
                    .table("unit_material")
                    .add_column(integer_null("file_id"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("unit_material")
                    .drop_column("file_id")
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table("stored_file").to_owned())
            .await
    }
}
