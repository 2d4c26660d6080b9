//! The family's calm channel outside the app: the private calendar feed (`GET /kalender/{secret}.ics`,
//! no session, the secret is the credential) and the weekly digest as a self-contained HTML page
//! for printing or e-mail (`GET /ugebrev.html`), in Danish from the app's catalogue.

use crate::context::{ApiError, Ctx};
use crate::documents::{esc, html_response};
use app::i18n::{FamilyKey, Key, PupilPlanKey, subject_name_in, t};
use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::family::Digest;

pub async fn calendar(Ctx(ctx): Ctx, Path(file): Path<String>) -> Response {
    let Some(token) = file.strip_suffix(".ics") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match backend::family::calendar::feed(&ctx.db, token, ctx.now()).await {
        Ok(ics) => {
            let mut res = ics.into_response();
            let h = res.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            );
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, max-age=900"),
            );
            res
        }
        Err(e) => ApiError(e).into_response(),
    }
}

pub async fn digest(Ctx(ctx): Ctx) -> Response {
    match backend::family::digest(&ctx).await {
        Ok(d) => html_response(render(&d)),
        Err(e) => ApiError(e).into_response(),
    }
}

/// The digest as one HTML document with its styles inline, so it reads the same in a browser,
/// on paper and in a mail client. Calm: text first, no images, no tracking.
pub fn render(d: &Digest) -> String {
    let week = d.monday.iso_week().week;
    let mut html = format!(
        "<!doctype html><html lang=\"da\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} – {week_word} {week}</title></head>\
         <body style=\"margin:0;padding:1rem;background:#fbf8f1;color:#1a1a1a;font-family:system-ui,sans-serif;font-size:18px;line-height:1.5\">\
         <main style=\"max-width:40rem;margin:0 auto\"><h1 style=\"font-size:1.6rem\">{title}: {week_word} {week}</h1>\
         <p>{school} · {guardian}</p><p>{intro}</p>",
        title = esc(t(FamilyKey::DigestTitle)),
        week_word = esc(t(Key::WeekWord)),
        school = esc(&d.school_name),
        guardian = esc(&d.guardian_name),
        intro = esc(t(FamilyKey::DigestIntro)),
    );
    for child in &d.children {
        html.push_str(&format!(
            "<section style=\"border-top:2px solid #c9c4b8;padding-top:0.5rem;margin-top:1rem\"><h2 style=\"font-size:1.3rem\">{} ({})</h2>",
            esc(&child.name),
            esc(&child.class_name)
        ));
        if !child.units.is_empty() {
            html.push_str(&format!(
                "<h3>{}</h3><ul>",
                esc(t(FamilyKey::UnitsThisWeek))
            ));
            for u in &child.units {
                html.push_str(&format!(
                    "<li>{}: {}</li>",
                    esc(&subject_name_in(u.subject, &d.own_subjects)),
                    esc(&u.title)
                ));
            }
            html.push_str("</ul>");
        }
        html.push_str(&format!("<h3>{}</h3>", esc(t(FamilyKey::TasksThisWeek))));
        if child.tasks.is_empty() {
            html.push_str(&format!("<p>{}</p>", esc(t(FamilyKey::NoTasksThisWeek))));
        } else {
            html.push_str("<ul>");
            for task in &child.tasks {
                let when = if task.this_week {
                    t(Key::DueThisWeek).to_owned()
                } else {
                    task.due.weekday().danish().to_owned()
                };
                html.push_str(&format!(
                    "<li><strong>{}</strong> ({}, {}): {}</li>",
                    esc(&task.title),
                    esc(&subject_name_in(task.subject, &d.own_subjects)),
                    esc(&when),
                    esc(&task.instruction)
                ));
            }
            html.push_str("</ul>");
        }
        if !child.published_this_week.is_empty() {
            let names: Vec<String> = child
                .published_this_week
                .iter()
                .map(|s| match s {
                    Some(subject) => {
                        format!(
                            "{} {}",
                            t(PupilPlanKey::PupilPlanWord),
                            subject_name_in(*subject, &d.own_subjects)
                        )
                    }
                    None => t(Key::CollectedPlan).to_owned(),
                })
                .collect();
            html.push_str(&format!(
                "<p>{}: {}</p>",
                esc(t(FamilyKey::PublishedThisWeek)),
                esc(&names.join(", "))
            ));
        }
        if child.shared_this_week > 0 {
            html.push_str(&format!(
                "<p>{}</p>",
                esc(&app::i18n::messages::shared_this_week(
                    child.shared_this_week
                ))
            ));
        }
        html.push_str("</section>");
    }
    html.push_str("</main></body></html>");
    html
}
