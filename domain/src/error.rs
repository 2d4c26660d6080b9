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

    pub fn invalid(field: crate::Field) -> Self {
        Self {
            code: ErrorCode::InvalidInput,
            field: Some(field.as_str().to_owned()),
        }
    }

    /// Invalid input named by a key of the body that did not decode: any argument of any call,
    /// so not necessarily one of the `Field`s a form has.
    pub fn invalid_named(key: &str) -> Self {
        Self {
            code: ErrorCode::InvalidInput,
            field: Some(key.to_owned()),
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
            ServerFnErrorErr::Args(m) | ServerFnErrorErr::MissingArg(m) => {
                AppError::invalid_named(&decode_error_field(&m))
            }
            // On the server, a body that does not decode is the caller's bad input (a 400 that
            // names the field); only the client meets an unreadable *answer*, the network's fault.
            ServerFnErrorErr::Request(m) | ServerFnErrorErr::Deserialization(m) => {
                if cfg!(target_arch = "wasm32") {
                    AppError::new(ErrorCode::Network)
                } else {
                    AppError::invalid_named(&decode_error_field(&m))
                }
            }
            _ => AppError::internal(),
        }
    }
}

/// Marks a field that is only known by its place in the body ("line:column", as serde reports
/// it); the server, which has the body, turns it into the key at that place
/// ([`json_key_at`]).
pub const POSITION_FIELD_PREFIX: &str = "@";

/// The field a decoding error is about: the name serde quotes ("missing field `version`"), else
/// the place in the body it stopped at, else the body as a whole.
pub fn decode_error_field(message: &str) -> String {
    if let Some(rest) = message.split("field `").nth(1)
        && let Some((name, _)) = rest.split_once('`')
        && !name.is_empty()
    {
        return name.to_owned();
    }
    if let Some(rest) = message.rsplit(" at line ").next()
        && rest != message
        && let Some((line, column)) = rest.split_once(" column ")
        && let (Ok(line), Ok(column)) =
            (line.trim().parse::<usize>(), column.trim().parse::<usize>())
    {
        return format!("{POSITION_FIELD_PREFIX}{line}:{column}");
    }
    "body".to_owned()
}

/// The innermost object key before `line`:`column` (1-based, as serde counts) of a JSON text:
/// the field whose value failed to decode. `None` when the place is before any key.
pub fn json_key_at(body: &str, line: usize, column: usize) -> Option<String> {
    let offset = body
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>()
        + column;
    let text = body.get(..offset.min(body.len()))?;
    let mut last_key = None;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut escaped = false;
        let mut end = None;
        for (i, c) in chars.by_ref() {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let Some(end) = end else { break };
        let after = text.get(end + 1..).unwrap_or("").trim_start();
        if after.starts_with(':') {
            last_key = text.get(start + 1..end).map(str::to_owned);
        }
    }
    last_key
}

impl From<ServerFnError> for AppError {
    fn from(_: ServerFnError) -> Self {
        AppError::internal()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Field;

    #[test]
    fn an_error_travels_as_its_code_and_field_only() {
        let json = serde_json::to_string(&AppError::invalid(Field::Username)).unwrap();
        assert_eq!(json, r#"{"code":"invalid_input","field":"username"}"#);
        let back: AppError = serde_json::from_str(&json).unwrap();
        assert_eq!(back, AppError::invalid(Field::Username));
    }

    #[test]
    fn malformed_arguments_become_invalid_input_not_an_internal_error() {
        let err = AppError::from_server_fn_error(ServerFnErrorErr::Args("bad".into()));
        assert_eq!(err.code, ErrorCode::InvalidInput);
        assert_eq!(err.code.http_status(), 400);
    }

    #[test]
    fn a_body_that_does_not_decode_is_invalid_input_naming_the_field_on_the_server() {
        let missing = AppError::from_server_fn_error(ServerFnErrorErr::Deserialization(
            "missing field `version` at line 1 column 12".into(),
        ));
        assert_eq!(missing, AppError::invalid(Field::Version));
        assert_eq!(missing.code.http_status(), 400);
        let typed = AppError::from_server_fn_error(ServerFnErrorErr::Deserialization(
            "invalid type: string \"x\", expected i64 at line 1 column 24".into(),
        ));
        assert_eq!(typed, AppError::invalid_named("@1:24"));
        let garbage =
            AppError::from_server_fn_error(ServerFnErrorErr::Deserialization("EOF".into()));
        assert_eq!(garbage, AppError::invalid(Field::Body));
    }

    #[test]
    fn the_key_at_a_place_in_a_body_is_the_innermost_one_before_it() {
        let body = r#"{"unit_id":7,"input":{"title":"Rim","first_week":5}}"#;
        let at = body.find("5}").unwrap() + 1;
        assert_eq!(json_key_at(body, 1, at).as_deref(), Some("first_week"));
        assert_eq!(
            json_key_at("{\n \"a\": \"x:\",\n \"b\": true}", 3, 9).as_deref(),
            Some("b")
        );
        assert_eq!(json_key_at("[1,2]", 1, 3), None);
    }

    #[test]
    fn a_missing_session_and_wrong_credentials_answer_401() {
        assert_eq!(ErrorCode::NotSignedIn.http_status(), 401);
        assert_eq!(ErrorCode::WrongCredentials.http_status(), 401);
        assert_eq!(ErrorCode::Forbidden.http_status(), 403);
    }
}
