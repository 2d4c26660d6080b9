//! Evaluation: the server functions for teachers' evaluations and pupils' self-evaluations.
//! (The keyboard grid and the pupils' faces are built on these in the evaluation issue.)

use domain::AppError;
use domain::evaluation::{EvaluationGrid, EvaluationHistory};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "evaluation_grid")]
pub async fn load_evaluation_grid(unit_id: i64) -> Result<EvaluationGrid, AppError> {
    backend::evaluation::grid(&crate::request_ctx()?, unit_id).await
}

#[server(endpoint = "evaluate", input = Json)]
pub async fn evaluate(
    goal_id: i64,
    pupil_id: i64,
    step: Option<i64>,
    comment: String,
) -> Result<(), AppError> {
    backend::evaluation::evaluate(&crate::request_ctx()?, goal_id, pupil_id, step, &comment).await
}

#[server(endpoint = "self_evaluate", input = Json)]
pub async fn self_evaluate(
    goal_id: i64,
    step: Option<i64>,
    comment: String,
) -> Result<(), AppError> {
    backend::evaluation::self_evaluate(&crate::request_ctx()?, goal_id, step, &comment).await
}

#[server(endpoint = "evaluation_history")]
pub async fn load_evaluation_history(
    goal_id: i64,
    pupil_id: i64,
) -> Result<EvaluationHistory, AppError> {
    backend::evaluation::history(&crate::request_ctx()?, goal_id, pupil_id).await
}
