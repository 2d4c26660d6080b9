//! UNI-Login a school can switch on: the institution number its tokens must name, each person's
//! UNI-ID, and reading what STIL's broker puts in an ID token. The broker sends `uniid` (the
//! identifier rosters and vendors key on), `aktoer_gruppe`, `institution_ids` (institution numbers,
//! as a list or as one string) and `loa`/`unilogin_loa`, and no name or e-mail; `sub` is not the
//! person's UNI-ID. Which claim links a person is configurable (`SPIRE_OIDC_CLAIM`, `uniid` by
//! default).

use super::roster::admin;
use crate::entity::{person, school};
use crate::facts::person_facts;
use crate::{RequestCtx, db_err, policy};
use domain::identity::{InstitutionNumber, UniId};
use domain::{AppError, Field};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// The claim that links a person unless configured otherwise.
pub const DEFAULT_LINK_CLAIM: &str = "uniid";

/// Sets (or, given an empty text, clears) the UNI-ID a person signs in with. One person per
/// UNI-ID in a school: a UNI-ID someone else has is refused.
pub async fn set_uni_id(ctx: &RequestCtx, person_id: i64, uni_id: &str) -> Result<(), AppError> {
    let p = admin(ctx).await?;
    let target = person_facts(&ctx.db, &p, person_id).await?;
    policy::require(policy::can_provision_identity(&p, &target.view()))?;
    let value = match uni_id.trim() {
        "" => None,
        text => Some(UniId::parse(text)?.as_str().to_owned()),
    };
    person::Entity::update_many()
        .col_expr(person::Column::ExternalId, Expr::value(value))
        .filter(person::Column::Id.eq(target.person.id))
        .exec(&ctx.db)
        .await
        .map_err(|e| crate::taken_or_internal(e, Field::UniId))?;
    Ok(())
}

/// Sets the school's institution number; without one, nobody signs in to it through UNI-Login.
pub async fn set_institution_number(ctx: &RequestCtx, number: &str) -> Result<(), AppError> {
    let p = admin(ctx).await?;
    policy::require(policy::can_configure_school(&p, p.school_id))?;
    let value = match number.trim() {
        "" => None,
        text => Some(InstitutionNumber::parse(text)?.as_str().to_owned()),
    };
    school::Entity::update_many()
        .col_expr(school::Column::InstitutionNumber, Expr::value(value))
        .filter(school::Column::Id.eq(p.school_id))
        .exec(&ctx.db)
        .await
        .map_err(db_err)?;
    Ok(())
}

/// The text of a claim, whether sent as a string or a number.
pub(crate) fn claim_text(claims: &serde_json::Value, name: &str) -> Option<String> {
    match claims.get(name)? {
        serde_json::Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The institution numbers a token names, upper-cased: a JSON list, or one string holding them
/// separated by commas or spaces (or written as a JSON list inside the string).
pub(crate) fn institutions(claims: &serde_json::Value) -> Vec<String> {
    let pieces: Vec<String> = match claims.get("institution_ids") {
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(|v| match v {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
            .collect(),
        Some(serde_json::Value::String(s)) => s
            .split(|c: char| !c.is_ascii_alphanumeric())
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    };
    pieces
        .into_iter()
        .filter_map(|p| InstitutionNumber::parse(&p).ok())
        .map(|n| n.as_str().to_owned())
        .collect()
}

/// The level of assurance the token reports.
pub(crate) fn assurance(claims: &serde_json::Value) -> Option<String> {
    claim_text(claims, "loa").or_else(|| claim_text(claims, "unilogin_loa"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn institution_ids_are_read_as_a_list_or_as_one_string() {
        assert_eq!(
            institutions(&json!({"institution_ids": ["280123", "a03202"]})),
            ["280123", "A03202"]
        );
        assert_eq!(
            institutions(&json!({"institution_ids": "280123,A03202"})),
            ["280123", "A03202"]
        );
        assert_eq!(
            institutions(&json!({"institution_ids": "[\"280123\"]"})),
            ["280123"]
        );
        assert!(institutions(&json!({})).is_empty());
    }

    #[test]
    fn claims_are_read_as_text_and_the_assurance_from_either_name() {
        let claims = json!({"uniid": " abcd1234ef ", "unilogin_loa": 2, "sub": "pairwise"});
        assert_eq!(claim_text(&claims, "uniid").as_deref(), Some("abcd1234ef"));
        assert_eq!(assurance(&claims).as_deref(), Some("2"));
        assert_eq!(claim_text(&claims, "missing"), None);
    }
}
