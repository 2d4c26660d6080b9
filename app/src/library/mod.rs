//! The school's library of shared forløb: search, preview, copy.

use domain::AppError;
use domain::planning::{LibraryFilter, LibraryPage, Unit};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "library_search", input = Json)]
pub async fn library_search(filter: LibraryFilter) -> Result<LibraryPage, AppError> {
    backend::library::search(&crate::request_ctx()?, &filter).await
}

#[server(endpoint = "library_preview")]
pub async fn library_preview(unit_id: i64) -> Result<Unit, AppError> {
    backend::library::preview(&crate::request_ctx()?, unit_id).await
}

#[server(endpoint = "library_copy")]
pub async fn library_copy(unit_id: i64, year_plan_id: i64) -> Result<i64, AppError> {
    backend::library::copy(&crate::request_ctx()?, unit_id, year_plan_id).await
}
