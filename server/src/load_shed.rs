//! Load shedding: above a fixed number of server-function calls in flight, new calls are answered
//! at once with 503 and `Retry-After` instead of joining a queue that makes everyone slow.

use crate::server_fns::error_response;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use domain::{AppError, ErrorCode};
use std::sync::Arc;
use tokio::sync::Semaphore;

/// Seconds a refused client should wait; the client's own retry uses the same figure.
const RETRY_AFTER_SECS: &str = "1";

pub(crate) async fn admit(
    State(admission): State<Arc<Semaphore>>,
    request: Request,
    next: Next,
) -> Response {
    // The permit lives until the response is built, so streaming bodies are not counted; every
    // server-function answer is a small buffered JSON body.
    let Ok(_permit) = admission.try_acquire_owned() else {
        tracing::debug!("shedding a call: too many in flight");
        crate::metrics::count_shed();
        let mut response = error_response(AppError::new(ErrorCode::Unavailable));
        response.headers_mut().insert(
            header::RETRY_AFTER,
            HeaderValue::from_static(RETRY_AFTER_SECS),
        );
        return response;
    };
    next.run(request).await
}
