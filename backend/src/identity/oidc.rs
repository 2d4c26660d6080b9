//! Sign-in through an OpenID Connect issuer (UNI-Login in a real deployment): authorization code
//! flow with PKCE and a nonce. The issuer's `sub` is mapped to a person by a stored external
//! identity; nobody is created on the fly.

use super::{primary_role, roles_of, start_session, token_hash};
use crate::entity::{external_identity, oidc_flow, person};
use crate::{RequestCtx, clock, db_err};
use domain::identity::Me;
use domain::{AppError, ErrorCode};
use openidconnect::core::{CoreClient, CoreProviderMetadata, CoreResponseType};
use openidconnect::{
    AuthenticationFlow, AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

/// A sign-in at the issuer must come back within this many seconds.
const FLOW_SECS: i64 = 10 * 60;

#[derive(Clone, Debug)]
pub struct OidcConfig {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    /// Where the issuer sends the browser back: `<public url>/auth/oidc/callback`.
    pub redirect_url: String,
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

/// Starts a sign-in: remembers the PKCE verifier and nonce under the state, and answers the
/// issuer's URL to send the browser to.
pub async fn start(ctx: &RequestCtx, config: &OidcConfig) -> Result<String, AppError> {
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
    let now = clock::now();
    oidc_flow::Entity::delete_many()
        .filter(oidc_flow::Column::ExpiresAt.lte(now))
        .exec(&ctx.db)
        .await
        .map_err(db_err)?;
    oidc_flow::ActiveModel {
        state_hash: Set(token_hash(state.secret())),
        pkce_verifier: Set(verifier.secret().clone()),
        nonce: Set(nonce.secret().clone()),
        expires_at: Set(now + FLOW_SECS),
    }
    .insert(&ctx.db)
    .await
    .map_err(db_err)?;
    Ok(url.to_string())
}

/// Finishes a sign-in the issuer sent back: the state must be one we started (once), the code is
/// exchanged with the PKCE verifier, the ID token's signature, issuer, audience, expiry and nonce
/// are verified, and its subject must be linked to a person.
pub async fn finish(
    ctx: &RequestCtx,
    config: &OidcConfig,
    code: &str,
    state: &str,
) -> Result<Me, AppError> {
    let db = &ctx.db;
    let now = clock::now();
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
    let claims = id_token
        .claims(&client.id_token_verifier(), &Nonce::new(flow.nonce))
        .map_err(|e| failed("ID token", e))?;
    let subject = claims.subject().as_str();

    let link = external_identity::Entity::find()
        .filter(external_identity::Column::Issuer.eq(config.issuer.as_str()))
        .filter(external_identity::Column::Subject.eq(subject))
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
    let person = person::Entity::find_by_id(link.person_id)
        .one(db)
        .await
        .map_err(db_err)?
        .filter(|p| p.left_at.is_none())
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
    let role = primary_role(&roles_of(db, person.id).await?)
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
    start_session(ctx, person.id, role, now).await
}
