//! The home screen: one call that answers with the home of the signed-in person's role.

use crate::identity::current_principal;
use crate::{RequestCtx, family, leader, planning, pupil, returns};
use domain::AppError;
use domain::home::Home;
use domain::identity::Role;

pub async fn home(ctx: &RequestCtx) -> Result<Home, AppError> {
    let principal = current_principal(ctx).await?;
    let db = &ctx.db;
    Ok(match principal.role {
        Role::Teacher | Role::Paedagog => {
            let mut home = planning::teacher_home(db, &principal).await?;
            let tasks = returns::week::HoldTasks::load(db, &principal, &home.teams).await?;
            home.news = returns::news(db, &principal, &tasks).await?;
            home.this_week = returns::week::this_week(db, &principal, &tasks, &home.teams).await?;
            Home::Teacher(home)
        }
        Role::Pupil => Home::Pupil(pupil::pupil_home(db, &principal).await?),
        Role::Parent => Home::Parent(family::family_home(db, &principal).await?),
        Role::Leader | Role::Administrator => {
            Home::Leader(leader::school_overview(db, &principal, principal.school_id).await?)
        }
    })
}
