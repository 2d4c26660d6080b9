//! A small OpenID Connect issuer on 127.0.0.1 that answers as STIL's UNI-Login broker does, so
//! sign-in can be tried and tested against a real counterpart without STIL: discovery, JWKS, an
//! authorization page where you type the UNI-ID to sign in as, and a token endpoint that checks
//! the client, the code and the PKCE verifier and signs an RS256 ID token with the broker's claims
//! (`uniid`, `institution_ids`, `aktoer_gruppe`, `loa`; a pairwise `sub` that is not the UNI-ID,
//! and no name or e-mail).
//!
//! Its signing key is committed to the repository: this issuer is for development and tests only.

use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use openidconnect::core::{
    CoreGenderClaim, CoreJsonWebKeySet, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
    CoreRsaPrivateSigningKey,
};
use openidconnect::{
    AdditionalClaims, Audience, IdToken, IdTokenClaims, IssuerUrl, JsonWebKeyId, Nonce,
    PrivateSigningKey, StandardClaims, SubjectIdentifier,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

pub const CLIENT_ID: &str = "spire-test";
pub const CLIENT_SECRET: &str = "test-secret";
const KEY_PEM: &str = include_str!("test-signing-key.pem");

/// What the issuer expects for a code it handed out, and whom the token names.
#[derive(Clone)]
struct Grant {
    challenge: String,
    nonce: String,
    uni_id: String,
    institutions: String,
}

/// UNI-Login's own claims, as the broker sends them: no name, no e-mail.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct UniLoginClaims {
    uniid: String,
    institution_ids: String,
    aktoer_gruppe: String,
    loa: String,
}

impl AdditionalClaims for UniLoginClaims {}

type UniLoginIdToken = IdToken<
    UniLoginClaims,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;

/// A running issuer. Clones share its codes.
#[derive(Clone)]
pub struct Issuer {
    pub url: String,
    /// The institution numbers a sign-in through the authorization page names.
    institutions: String,
    grants: Arc<Mutex<HashMap<String, Grant>>>,
    issued: Arc<AtomicU64>,
}

impl Issuer {
    /// Hands out `code` for an authorization request with PKCE `challenge` and `nonce`, for the
    /// person with `uni_id` at the institutions listed (comma-separated, as the broker does).
    /// Tests use this to play the browser's part at the authorization page.
    pub fn grant(
        &self,
        code: &str,
        challenge: &str,
        nonce: &str,
        uni_id: &str,
        institutions: &str,
    ) {
        let grant = Grant {
            challenge: challenge.into(),
            nonce: nonce.into(),
            uni_id: uni_id.into(),
            institutions: institutions.into(),
        };
        self.grants
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(code.into(), grant);
    }

    fn take(&self, code: &str) -> Option<Grant> {
        self.grants
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(code)
    }
}

/// Starts the issuer on `listener`; sign-ins through its authorization page name `institutions`.
pub async fn start(
    listener: tokio::net::TcpListener,
    institutions: &str,
) -> std::io::Result<(Issuer, impl Future<Output = std::io::Result<()>>)> {
    let issuer = Issuer {
        url: format!("http://{}", listener.local_addr()?),
        institutions: institutions.into(),
        grants: Arc::default(),
        issued: Arc::default(),
    };
    let app = Router::new()
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/jwks", get(jwks))
        .route("/authorize", get(authorize_page).post(authorize))
        .route("/token", post(token))
        .with_state(issuer.clone());
    Ok((issuer, async move { axum::serve(listener, app).await }))
}

fn signing_key() -> Result<CoreRsaPrivateSigningKey, String> {
    CoreRsaPrivateSigningKey::from_pem(KEY_PEM, Some(JsonWebKeyId::new("test-key".into())))
}

async fn discovery(State(issuer): State<Issuer>) -> Json<serde_json::Value> {
    let url = &issuer.url;
    Json(serde_json::json!({
        "issuer": url,
        "authorization_endpoint": format!("{url}/authorize"),
        "token_endpoint": format!("{url}/token"),
        "jwks_uri": format!("{url}/jwks"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["pairwise"],
        "id_token_signing_alg_values_supported": ["RS256"],
    }))
}

async fn jwks() -> Response {
    match signing_key() {
        Ok(key) => Json(CoreJsonWebKeySet::new(vec![key.as_verification_key()])).into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e).into_response(),
    }
}

/// The authorization request a relying party sends the browser with.
#[derive(Deserialize)]
struct AuthorizationRequest {
    client_id: String,
    redirect_uri: String,
    state: String,
    nonce: String,
    code_challenge: String,
}

/// The page where the person says who they are; the broker would ask for a password or MitID.
async fn authorize_page(Query(request): Query<AuthorizationRequest>) -> Response {
    if let Err(why) = check_request(&request) {
        return refuse_page(why);
    }
    let hidden = [
        ("client_id", &request.client_id),
        ("redirect_uri", &request.redirect_uri),
        ("state", &request.state),
        ("nonce", &request.nonce),
        ("code_challenge", &request.code_challenge),
    ]
    .iter()
    .map(|(name, value)| {
        format!(
            r#"<input type="hidden" name="{name}" value="{}">"#,
            escape(value)
        )
    })
    .collect::<String>();
    Html(format!(
        r#"<!doctype html>
<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Lokal UNI-Login</title></head>
<body><main>
<h1>Lokal UNI-Login (kun til udvikling og test)</h1>
<form method="post" action="/authorize">{hidden}
<label for="uniid">UNI-ID</label>
<input id="uniid" name="uniid" autocomplete="username" required>
<button type="submit">Log ind</button>
</form></main></body></html>"#
    ))
    .into_response()
}

#[derive(Deserialize)]
struct Approval {
    #[serde(flatten)]
    request: AuthorizationRequest,
    uniid: String,
}

async fn authorize(State(issuer): State<Issuer>, Form(approval): Form<Approval>) -> Response {
    let request = approval.request;
    if let Err(why) = check_request(&request) {
        return refuse_page(why);
    }
    let code = format!("code-{}", issuer.issued.fetch_add(1, Ordering::Relaxed));
    issuer.grant(
        &code,
        &request.code_challenge,
        &request.nonce,
        approval.uniid.trim(),
        &issuer.institutions,
    );
    let Ok(mut back) = url::Url::parse(&request.redirect_uri) else {
        return refuse_page("redirect_uri er ikke en adresse");
    };
    back.query_pairs_mut()
        .append_pair("code", &code)
        .append_pair("state", &request.state);
    Redirect::to(back.as_str()).into_response()
}

/// Only this issuer's client, and only back to a server on this machine.
fn check_request(request: &AuthorizationRequest) -> Result<(), &'static str> {
    if request.client_id != CLIENT_ID {
        return Err("ukendt client_id");
    }
    let local = url::Url::parse(&request.redirect_uri)
        .is_ok_and(|u| matches!(u.host_str(), Some("127.0.0.1" | "localhost")));
    if !local {
        return Err("redirect_uri skal pege på denne maskine");
    }
    Ok(())
}

fn refuse_page(why: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Html(format!("<p>{}</p>", escape(why))),
    )
        .into_response()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

async fn token(
    State(issuer): State<Issuer>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Json<serde_json::Value>, (StatusCode, Json<serde_json::Value>)> {
    let refuse =
        |status: StatusCode, why: &str| (status, Json(serde_json::json!({ "error": why })));
    let basic =
        base64::engine::general_purpose::STANDARD.encode(format!("{CLIENT_ID}:{CLIENT_SECRET}"));
    let authorised = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        == Some(&format!("Basic {basic}"));
    if !authorised {
        return Err(refuse(StatusCode::BAD_REQUEST, "invalid_client"));
    }
    let code = form.get("code").cloned().unwrap_or_default();
    let grant = issuer
        .take(&code)
        .ok_or_else(|| refuse(StatusCode::BAD_REQUEST, "invalid_grant"))?;
    let verifier = form.get("code_verifier").cloned().unwrap_or_default();
    let challenge = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(Sha256::digest(verifier.as_bytes()));
    if challenge != grant.challenge {
        return Err(refuse(StatusCode::BAD_REQUEST, "invalid_grant"));
    }
    let broken = |e: String| refuse(StatusCode::INTERNAL_SERVER_ERROR, &e);
    let now = chrono::Utc::now();
    let claims = IdTokenClaims::new(
        IssuerUrl::new(issuer.url.clone()).map_err(|e| broken(e.to_string()))?,
        vec![Audience::new(CLIENT_ID.into())],
        now + chrono::Duration::minutes(5),
        now,
        // The broker's `sub` is pairwise per service, not the UNI-ID.
        StandardClaims::new(SubjectIdentifier::new(format!(
            "pairwise-{:x}",
            Sha256::digest(grant.uni_id.as_bytes())
        ))),
        UniLoginClaims {
            uniid: grant.uni_id,
            institution_ids: grant.institutions,
            aktoer_gruppe: "Medarbejder".into(),
            loa: "2".into(),
        },
    )
    .set_nonce(Some(Nonce::new(grant.nonce)));
    let id_token = UniLoginIdToken::new(
        claims,
        &signing_key().map_err(broken)?,
        CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
        None,
        None,
    )
    .map_err(|e| broken(e.to_string()))?;
    Ok(Json(serde_json::json!({
        "access_token": "opaque",
        "token_type": "Bearer",
        "expires_in": 300,
        "id_token": id_token.to_string(),
    })))
}
