use super::restrict_fk;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A person's identity at an OpenID Connect issuer (UNI-Login): who `sub` at `issuer` is.
        manager
            .create_table(
                Table::create()
                    .table("external_identity")
                    .col(pk_auto("id"))
                    .col(integer("person_id"))
                    .col(string("issuer"))
                    .col(string("subject"))
                    .foreign_key(&mut restrict_fk("external_identity", "person_id", "person"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_external_identity")
                    .table("external_identity")
                    .col("issuer")
                    .col("subject")
                    .unique()
                    .to_owned(),
            )
            .await?;
        // A sign-in under way at the issuer: the PKCE verifier and nonce, found by the hash of the
        // state parameter, used once and within minutes. In the database so any server process can
        // finish what another started.
        manager
            .create_table(
                Table::create()
                    .table("oidc_flow")
                    .col(string("state_hash").primary_key())
                    .col(string("pkce_verifier"))
                    .col(string("nonce"))
                    .col(big_integer("expires_at"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("oidc_flow").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("external_identity").to_owned())
            .await
    }
}
