//! Sign-in through an OpenID Connect issuer (UNI-Login in a real deployment): authorization code
//! flow with PKCE and a nonce. A verified ID token's link claim (`uniid` unless configured) is
//! matched to a person's UNI-ID at a school whose institution number the token names
//! (`identity::uni_login`); nobody is created on the fly.

use super::uni_login;
use super::{primary_role, roles_of, start_session_with, token_hash};
use crate::entity::{oidc_flow, person, school};
use crate::{RequestCtx, db_err};
use domain::identity::Me;
use domain::{AppError, ErrorCode};
use openidconnect::core::{CoreClient, CoreProviderMetadata, CoreResponseType};
use openidconnect::{
    AuthenticationFlow, AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

/// A sign-in at the issuer must come back within this many seconds.
pub const FLOW_SECS: i64 = 10 * 60;

#[derive(Clone, Debug)]
pub struct OidcConfig {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    /// Where the issuer sends the browser back: `<public url>/auth/oidc/callback`.
    pub redirect_url: String,
    /// The ID token claim holding the person's UNI-ID (`uniid` for STIL's broker).
    pub link_claim: String,
}

fn failed(what: &str, err: impl std::fmt::Display) -> AppError {
    tracing::warn!(error = %err, "OpenID Connect: {what}");
    AppError::new(ErrorCode::WrongCredentials)
}

fn http_client() -> Result<openidconnect::reqwest::Client, AppError> {
    openidconnect::reqwest::ClientBuilder::new()
        // Following redirects from the issuer's endpoints would open the door to SSRF.
        .redirect(openidconnect::reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| failed("HTTP client", e))
}

async fn client(
    config: &OidcConfig,
    http: &openidconnect::reqwest::Client,
) -> Result<
    CoreClient<
        openidconnect::EndpointSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointMaybeSet,
        openidconnect::EndpointMaybeSet,
    >,
    AppError,
> {
    let issuer = IssuerUrl::new(config.issuer.clone()).map_err(|e| failed("issuer URL", e))?;
    let metadata = CoreProviderMetadata::discover_async(issuer, http)
        .await
        .map_err(|e| failed("discovery", e))?;
    let redirect =
        RedirectUrl::new(config.redirect_url.clone()).map_err(|e| failed("redirect URL", e))?;
    Ok(CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(config.client_id.clone()),
        Some(ClientSecret::new(config.client_secret.clone())),
    )
    .set_redirect_uri(redirect))
}

/// A sign-in under way: where to send the browser, and the secret the browser keeps in a
/// short-lived cookie until it comes back (`FLOW_SECS`).
pub struct Started {
    pub url: String,
    pub browser_secret: String,
}

/// Starts a sign-in: remembers the PKCE verifier and nonce under the state, bound to a secret
/// only this browser gets, and answers the issuer's URL to send the browser to.
pub async fn start(ctx: &RequestCtx, config: &OidcConfig) -> Result<Started, AppError> {
    let http = http_client()?;
    let client = client(config, &http).await?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state, nonce) = client
        .authorize_url(
            AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("openid".into()))
        .set_pkce_challenge(challenge)
        .url();
    // The request's instant, as for a password sign-in: the session the flow ends in starts then.
    let now = ctx.now();
    oidc_flow::Entity::delete_many()
        .filter(oidc_flow::Column::ExpiresAt.lte(now))
        .exec(&ctx.db)
        .await
        .map_err(db_err)?;
    let browser_secret = super::new_token();
    oidc_flow::ActiveModel {
        state_hash: Set(token_hash(state.secret())),
        pkce_verifier: Set(verifier.secret().clone()),
        nonce: Set(nonce.secret().clone()),
        expires_at: Set(now + FLOW_SECS),
        browser_hash: Set(token_hash(&browser_secret)),
    }
    .insert(&ctx.db)
    .await
    .map_err(db_err)?;
    Ok(Started {
        url: url.to_string(),
        browser_secret,
    })
}

/// Finishes a sign-in the issuer sent back: the state must be one we started (once), in this
/// browser (its flow cookie's secret), the code is
/// exchanged with the PKCE verifier, the ID token's signature, issuer, audience, expiry and nonce
/// are verified, and its subject must be linked to a person.
pub async fn finish(
    ctx: &RequestCtx,
    config: &OidcConfig,
    code: &str,
    state: &str,
    browser_secret: Option<&str>,
) -> Result<Me, AppError> {
    let db = &ctx.db;
    let now = ctx.now();
    let flow = oidc_flow::Entity::find_by_id(token_hash(state))
        .one(db)
        .await
        .map_err(db_err)?
        .filter(|f| f.expires_at > now)
        .ok_or_else(|| AppError::invalid(domain::Field::State))?;
    // Used once, whatever happens next.
    oidc_flow::Entity::delete_by_id(flow.state_hash.clone())
        .exec(db)
        .await
        .map_err(db_err)?;
    // Only the browser that started it finishes it: a callback someone else started and handed
    // over (login CSRF) would sign this browser in as them.
    if browser_secret.map(token_hash).as_deref() != Some(flow.browser_hash.as_str()) {
        return Err(AppError::invalid(domain::Field::State));
    }

    let http = http_client()?;
    let client = client(config, &http).await?;
    let token = client
        .exchange_code(AuthorizationCode::new(code.to_owned()))
        .map_err(|e| failed("token endpoint", e))?
        .set_pkce_verifier(PkceCodeVerifier::new(flow.pkce_verifier))
        .request_async(&http)
        .await
        .map_err(|e| failed("code exchange", e))?;
    let id_token = token
        .id_token()
        .ok_or_else(|| failed("token response", "no ID token"))?;
    id_token
        .claims(&client.id_token_verifier(), &Nonce::new(flow.nonce))
        .map_err(|e| failed("ID token", e))?;
    // The token's signature, issuer, audience, expiry and nonce are verified above: its payload
    // (UNI-Login's own claims, which the library's standard claims do not carry) can be read.
    let payload = payload_of(&id_token.to_string())?;
    let refused = || AppError::new(ErrorCode::NotFound);
    let uni_id = uni_login::claim_text(&payload, &config.link_claim)
        .and_then(|id| domain::identity::UniId::parse(&id).ok())
        .ok_or_else(|| failed("ID token", format!("no usable {} claim", config.link_claim)))?;
    let institutions = uni_login::institutions(&payload);
    if institutions.is_empty() {
        return Err(failed("ID token", "no institution_ids"));
    }
    let schools: Vec<i32> = school::Entity::find()
        .filter(school::Column::InstitutionNumber.is_in(institutions))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let person = person::Entity::find()
        .filter(person::Column::SchoolId.is_in(schools))
        .filter(person::Column::ExternalId.eq(uni_id.as_str()))
        .filter(person::Column::LeftAt.is_null())
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(refused)?;
    let role = primary_role(&roles_of(db, person.id).await?).ok_or_else(refused)?;
    start_session_with(ctx, person.id, role, now, uni_login::assurance(&payload)).await
}

/// The claims of a JWT whose signature was verified, as JSON.
fn payload_of(jwt: &str) -> Result<serde_json::Value, AppError> {
    use base64::Engine;
    let part = jwt
        .split('.')
        .nth(1)
        .ok_or_else(|| failed("ID token", "not a JWT"))?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(part.trim_end_matches('='))
        .map_err(|e| failed("ID token payload", e))?;
    serde_json::from_slice(&bytes).map_err(|e| failed("ID token payload", e))
}
