//! One error type for every call. The server only ever sends a code (and, for bad input, the field
//! it concerns); the client turns the code into Danish text through the i18n catalogue, so no
//! English or internal detail ever reaches a user.

use serde::{Deserialize, Serialize};
use server_fn::ServerFnError;
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// No valid session: sign in first.
    NotSignedIn,
    /// Username or password did not match. Deliberately does not say which.
    WrongCredentials,
    /// Signed in, but this person may not do this.
    Forbidden,
    /// The thing asked for does not exist (or is not visible to this person).
    NotFound,
    /// The input was malformed or failed validation; `AppError::field` says where.
    InvalidInput,
    /// Someone else saved first; reload and merge.
    Conflict,
    /// Too many attempts; wait and try again.
    RateLimited,
    /// The server could not be reached or answered with something unreadable.
    Network,
    /// Something failed on the server; it is logged there, never shown.
    Internal,
    /// A service is missing or busy for now (the server's spoken fallback, a full server).
    Unavailable,
}

impl ErrorCode {
    /// The HTTP status the server answers with, so tools and logs see the right class of failure
    /// even though the client only needs the code.
    pub fn http_status(self) -> u16 {
        match self {
            ErrorCode::NotSignedIn | ErrorCode::WrongCredentials => 401,
            ErrorCode::Forbidden => 403,
            ErrorCode::NotFound => 404,
            ErrorCode::InvalidInput => 400,
            ErrorCode::Conflict => 409,
            ErrorCode::RateLimited => 429,
            ErrorCode::Network => 502,
            ErrorCode::Internal => 500,
            ErrorCode::Unavailable => 503,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppError {
    pub code: ErrorCode,
    /// For `InvalidInput`: the name of the offending field, so the form can point at it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl AppError {
    pub fn new(code: ErrorCode) -> Self {
        Self { code, field: None }
    }

    pub fn invalid(field: &str) -> Self {
        Self {
            code: ErrorCode::InvalidInput,
            field: Some(field.to_owned()),
        }
    }

    pub fn not_signed_in() -> Self {
        Self::new(ErrorCode::NotSignedIn)
    }

    pub fn forbidden() -> Self {
        Self::new(ErrorCode::Forbidden)
    }

    pub fn internal() -> Self {
        Self::new(ErrorCode::Internal)
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{:?} ({field})", self.code),
            None => write!(f, "{:?}", self.code),
        }
    }
}

impl std::error::Error for AppError {}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // The request never carried valid arguments: the caller's fault, not ours.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => {
                AppError::new(ErrorCode::InvalidInput)
            }
            // Raised on the client when the server cannot be reached or answers garbage.
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Deserialization(_) => {
                AppError::new(ErrorCode::Network)
            }
            _ => AppError::internal(),
        }
    }
}

impl From<ServerFnError> for AppError {
    fn from(_: ServerFnError) -> Self {
        AppError::internal()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_travels_as_its_code_and_field_only() {
        let json = serde_json::to_string(&AppError::invalid("username")).unwrap();
        assert_eq!(json, r#"{"code":"invalid_input","field":"username"}"#);
        let back: AppError = serde_json::from_str(&json).unwrap();
        assert_eq!(back, AppError::invalid("username"));
    }

    #[test]
    fn malformed_arguments_become_invalid_input_not_an_internal_error() {
        let err = AppError::from_server_fn_error(ServerFnErrorErr::Args("bad".into()));
        assert_eq!(err.code, ErrorCode::InvalidInput);
        assert_eq!(err.code.http_status(), 400);
    }

    #[test]
    fn a_missing_session_and_wrong_credentials_answer_401() {
        assert_eq!(ErrorCode::NotSignedIn.http_status(), 401);
        assert_eq!(ErrorCode::WrongCredentials.http_status(), 401);
        assert_eq!(ErrorCode::Forbidden.http_status(), 403);
    }
}
