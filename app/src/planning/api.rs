//! The planning server functions. Inputs with structure travel as JSON.

use domain::AppError;
use domain::framework::{FrameworkItem, GoalSearch};
use domain::planning::{GoalInput, PlanningOverview, Scale, TaskInput, Unit, UnitInput, YearPlan};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "planning_overview")]
pub async fn load_planning() -> Result<PlanningOverview, AppError> {
    backend::planning::plans::overview(&crate::request_ctx()?).await
}

#[server(endpoint = "create_year_plan")]
pub async fn create_year_plan(team_id: i64, title: String) -> Result<i64, AppError> {
    backend::planning::plans::create_year_plan(&crate::request_ctx()?, team_id, &title).await
}

#[server(endpoint = "copy_year_plan")]
pub async fn copy_year_plan(source_plan_id: i64, team_id: i64) -> Result<i64, AppError> {
    backend::planning::plans::copy_year_plan(&crate::request_ctx()?, source_plan_id, team_id).await
}

#[server(endpoint = "year_plan")]
pub async fn load_year_plan(year_plan_id: i64) -> Result<YearPlan, AppError> {
    backend::planning::plans::year_plan(&crate::request_ctx()?, year_plan_id).await
}

#[server(endpoint = "rename_year_plan")]
pub async fn rename_year_plan(
    year_plan_id: i64,
    version: i64,
    title: String,
) -> Result<i64, AppError> {
    backend::planning::plans::rename_year_plan(
        &crate::request_ctx()?,
        year_plan_id,
        version,
        &title,
    )
    .await
}

#[server(endpoint = "archive_year_plan")]
pub async fn archive_year_plan(year_plan_id: i64) -> Result<(), AppError> {
    backend::planning::plans::archive_year_plan(&crate::request_ctx()?, year_plan_id).await
}

#[server(endpoint = "restore_year_plan")]
pub async fn restore_year_plan(year_plan_id: i64) -> Result<(), AppError> {
    backend::planning::plans::restore_year_plan(&crate::request_ctx()?, year_plan_id).await
}

#[server(endpoint = "create_unit", input = Json)]
pub async fn create_unit(year_plan_id: i64, input: UnitInput) -> Result<i64, AppError> {
    backend::planning::plans::create_unit(&crate::request_ctx()?, year_plan_id, &input).await
}

#[server(endpoint = "unit")]
pub async fn load_unit(unit_id: i64) -> Result<Unit, AppError> {
    backend::planning::plans::unit(&crate::request_ctx()?, unit_id).await
}

#[server(endpoint = "save_unit", input = Json)]
pub async fn save_unit(unit_id: i64, version: i64, input: UnitInput) -> Result<i64, AppError> {
    backend::planning::plans::save_unit(&crate::request_ctx()?, unit_id, version, &input).await
}

/// Places a forløb in other weeks from the årsplan's timeline; returns its new version.
#[server(endpoint = "schedule_unit")]
pub async fn schedule_unit(
    unit_id: i64,
    version: i64,
    first_week: domain::calendar::Date,
    last_week: domain::calendar::Date,
) -> Result<i64, AppError> {
    backend::planning::plans::schedule_unit(
        &crate::request_ctx()?,
        unit_id,
        version,
        first_week,
        last_week,
    )
    .await
}

#[server(endpoint = "archive_unit")]
pub async fn archive_unit(unit_id: i64) -> Result<(), AppError> {
    backend::planning::plans::archive_unit(&crate::request_ctx()?, unit_id).await
}

#[server(endpoint = "restore_unit")]
pub async fn restore_unit(unit_id: i64) -> Result<(), AppError> {
    backend::planning::plans::restore_unit(&crate::request_ctx()?, unit_id).await
}

#[server(endpoint = "share_unit")]
pub async fn share_unit(unit_id: i64, shared: bool) -> Result<(), AppError> {
    backend::planning::plans::share_unit(&crate::request_ctx()?, unit_id, shared).await
}

#[server(endpoint = "add_goal", input = Json)]
pub async fn add_goal(unit_id: i64, version: i64, input: GoalInput) -> Result<i64, AppError> {
    backend::planning::plans::add_goal(&crate::request_ctx()?, unit_id, version, &input).await
}

#[server(endpoint = "archive_goal")]
pub async fn archive_goal(goal_id: i64) -> Result<(), AppError> {
    backend::planning::plans::archive_goal(&crate::request_ctx()?, goal_id).await
}

#[server(endpoint = "restore_goal")]
pub async fn restore_goal(goal_id: i64) -> Result<(), AppError> {
    backend::planning::plans::restore_goal(&crate::request_ctx()?, goal_id).await
}

#[server(endpoint = "create_task", input = Json)]
pub async fn create_task(unit_id: i64, input: TaskInput) -> Result<i64, AppError> {
    backend::planning::plans::create_task(&crate::request_ctx()?, unit_id, &input).await
}

#[server(endpoint = "save_task", input = Json)]
pub async fn save_task(task_id: i64, version: i64, input: TaskInput) -> Result<i64, AppError> {
    backend::planning::plans::save_task(&crate::request_ctx()?, task_id, version, &input).await
}

#[server(endpoint = "archive_task")]
pub async fn archive_task(task_id: i64) -> Result<(), AppError> {
    backend::planning::plans::archive_task(&crate::request_ctx()?, task_id).await
}

#[server(endpoint = "restore_task")]
pub async fn restore_task(task_id: i64) -> Result<(), AppError> {
    backend::planning::plans::restore_task(&crate::request_ctx()?, task_id).await
}

#[server(endpoint = "scales")]
pub async fn load_scales() -> Result<Vec<Scale>, AppError> {
    backend::planning::plans::scales(&crate::request_ctx()?).await
}

#[server(endpoint = "create_scale", input = Json)]
pub async fn create_scale(name: String, steps: Vec<String>) -> Result<i64, AppError> {
    backend::planning::plans::create_scale(&crate::request_ctx()?, &name, &steps).await
}

#[server(endpoint = "search_goals", input = Json)]
pub async fn search_goals(search: GoalSearch) -> Result<Vec<FrameworkItem>, AppError> {
    let ctx = crate::request_ctx()?;
    let p = backend::identity::current_principal(&ctx).await?;
    backend::planning::framework::search_goals(&ctx.db, &p, &search).await
}

#[server(endpoint = "upload_material", input = Json)]
pub async fn upload_material(
    unit_id: i64,
    version: i64,
    name: String,
    data_base64: String,
) -> Result<i64, AppError> {
    backend::planning::files::upload_material_base64(
        &crate::request_ctx()?,
        unit_id,
        version,
        &name,
        &data_base64,
    )
    .await
}

#[server(endpoint = "remove_material")]
pub async fn remove_material(material_id: i64) -> Result<(), AppError> {
    backend::planning::files::remove_material(&crate::request_ctx()?, material_id).await
}
