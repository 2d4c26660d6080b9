//! The leader's page about people's data (`/persondata`), written by the server like the other
//! documents, so it weighs nothing in the staff build: fetching the archive of everything about
//! one person, and reviewing and confirming the batch of people who left long enough ago to be
//! anonymised (`backend::privacy`). The confirmation is an ordinary form POST, refused from
//! another site as the server functions are.

mod archive_page;

use crate::context::Ctx;
use crate::documents::{error_page, esc, html_response, page};
use app::i18n::privacy::{archive_of, kind_group, kind_name, none_due, page_title, retention};
use app::i18n::{DocumentKey, PrivacyKey, counts, t};
use axum::body::Bytes;
use axum::extract::Query;
use axum::http::{HeaderMap, HeaderValue, Uri, header};
use axum::response::Response;
use domain::privacy::{ErasureChoice, PersonKind, PrivacyOverview};
use domain::{AppError, ErrorCode, Field, paths};
use serde::Deserialize;

/// `GET /persondata`.
pub(crate) async fn overview(Ctx(ctx): Ctx) -> Response {
    match backend::privacy::overview(&ctx).await {
        Ok(o) => html_response(render_overview(&o)),
        Err(e) => error_page(e),
    }
}

#[derive(Deserialize)]
pub(crate) struct Which {
    person: Option<String>,
}

/// `GET /persondata/arkiv?person={id}`: the archive, as a page to save.
pub(crate) async fn archive(Ctx(ctx): Ctx, Query(which): Query<Which>) -> Response {
    let Some(id) = which.person.and_then(|p| p.trim().parse::<i64>().ok()) else {
        return error_page(AppError::invalid(Field::People));
    };
    match backend::privacy::archive(&ctx, id).await {
        Ok(archive) => {
            let mut res = html_response(archive_page::render(&archive));
            let file = format!("spire-arkiv-{id}.html");
            if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{file}\"")) {
                res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
            }
            res
        }
        Err(e) => error_page(e),
    }
}

/// `POST /persondata/anonymiser`: the people the leader kept ticked (`id`, one field each) and
/// the tick that says the list was reviewed (`reviewed`).
pub(crate) async fn erase(Ctx(ctx): Ctx, headers: HeaderMap, uri: Uri, body: Bytes) -> Response {
    if crate::server_fns::from_another_origin(&headers, uri.authority().map(|a| a.as_str())) {
        return error_page(AppError::new(ErrorCode::Forbidden));
    }
    let mut ids = Vec::new();
    let mut reviewed = false;
    for (key, value) in form_urlencoded::parse(&body) {
        match key.as_ref() {
            "id" => ids.push(value.into_owned()),
            "reviewed" => reviewed = true,
            _ => {}
        }
    }
    if !reviewed {
        return error_page(AppError::invalid(Field::Confirmation));
    }
    let choice = match ErasureChoice::parse(&ids.join(",")) {
        Ok(choice) => choice,
        Err(e) => return error_page(e),
    };
    match backend::privacy::erase(&ctx, &choice).await {
        Ok(done) => {
            let title = t(PrivacyKey::ErasedTitle);
            let body = format!(
                "<main><h1>{}</h1><p role=\"status\">{}</p><p><a href=\"{}\">{}</a></p></main>",
                esc(title),
                esc(&counts::people_anonymised(
                    done.pupils,
                    done.staff,
                    done.guardians
                )),
                paths::PRIVACY,
                esc(t(PrivacyKey::BackToPage)),
            );
            html_response(page(title, &body))
        }
        Err(e) => error_page(e),
    }
}

pub fn render_overview(o: &PrivacyOverview) -> String {
    let title = page_title(&o.school);
    let mut b = format!(
        "<main><p><a href=\"/\">{back}</a></p><h1>{h1}</h1><p>{intro}</p>",
        back = esc(t(DocumentKey::Back)),
        h1 = esc(&title),
        intro = esc(t(PrivacyKey::Intro)),
    );
    // Fetching one person's archive.
    b.push_str(&format!(
        "<h2>{}</h2><p>{}</p><form method=\"get\" action=\"{}\">\
         <p><label for=\"person\">{}</label><br><select id=\"person\" name=\"person\" required>",
        esc(t(PrivacyKey::ArchiveHeading)),
        esc(t(PrivacyKey::ArchiveExplained)),
        paths::PRIVACY_ARCHIVE,
        esc(t(PrivacyKey::ArchivePerson)),
    ));
    for kind in [PersonKind::Pupil, PersonKind::Staff, PersonKind::Guardian] {
        b.push_str(&format!("<optgroup label=\"{}\">", esc(kind_group(kind))));
        for person in o.people.iter().filter(|p| p.kind == kind) {
            let name = if person.left {
                format!("{} ({})", person.name, t(PrivacyKey::LeftMark))
            } else {
                person.name.clone()
            };
            b.push_str(&format!(
                "<option value=\"{}\">{}</option>",
                person.id,
                esc(&name)
            ));
        }
        b.push_str("</optgroup>");
    }
    b.push_str(&format!(
        "</select></p><p><button type=\"submit\">{}</button></p></form>",
        esc(t(PrivacyKey::ArchiveButton))
    ));
    // Anonymising those who left long ago.
    b.push_str(&format!(
        "<h2>{}</h2><p>{}</p><p>{}</p><p>{}</p><p>{}</p>",
        esc(t(PrivacyKey::EraseHeading)),
        esc(&retention(o.erase_after_days)),
        esc(t(PrivacyKey::EraseWhatGoes)),
        esc(t(PrivacyKey::EraseWhatStays)),
        esc(t(PrivacyKey::EraseArchiveFirst)),
    ));
    if o.due.is_empty() {
        b.push_str(&format!("<p>{}</p>", esc(&none_due(o.erase_after_days))));
    } else {
        b.push_str(&format!(
            "<form method=\"post\" action=\"{}\"><div class=\"wrap\" role=\"region\" \
             aria-labelledby=\"due\" tabindex=\"0\"><table><caption id=\"due\">{} ({})</caption>\
             <thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
             <th scope=\"col\">{}</th></tr></thead><tbody>",
            paths::PRIVACY_ERASE,
            esc(t(PrivacyKey::DueCaption)),
            o.due.len(),
            esc(t(PrivacyKey::DueName)),
            esc(t(PrivacyKey::DueKind)),
            esc(t(PrivacyKey::DueLeftOn)),
            esc(t(PrivacyKey::DueArchive)),
        ));
        for person in &o.due {
            b.push_str(&format!(
                "<tr><td><label class=\"tick\"><input type=\"checkbox\" name=\"id\" value=\"{id}\" \
                 checked> {name}</label></td><td>{kind}</td><td>{left}</td>\
                 <td><a href=\"{archive}?person={id}\">{link}</a></td></tr>",
                id = person.id,
                name = esc(&person.name),
                kind = esc(kind_name(person.kind)),
                left = esc(&person.left_on),
                archive = paths::PRIVACY_ARCHIVE,
                link = esc(&archive_of(&person.name)),
            ));
        }
        b.push_str(&format!(
            "</tbody></table></div><p><label class=\"tick\"><input type=\"checkbox\" \
             name=\"reviewed\" required> {}</label></p><p><button type=\"submit\">{}</button></p>\
             </form>",
            esc(t(PrivacyKey::Reviewed)),
            esc(t(PrivacyKey::EraseButton)),
        ));
    }
    // Earlier batches: counts, never names.
    b.push_str(&format!("<h2>{}</h2>", esc(t(PrivacyKey::BatchesHeading))));
    if o.batches.is_empty() {
        b.push_str(&format!("<p>{}</p>", esc(t(PrivacyKey::BatchesNone))));
    } else {
        b.push_str(&format!(
            "<div class=\"wrap\" role=\"region\" aria-labelledby=\"batches\" tabindex=\"0\"><table>\
             <caption id=\"batches\">{}</caption><thead><tr><th scope=\"col\">{}</th>\
             <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            esc(t(PrivacyKey::BatchesHeading)),
            esc(t(PrivacyKey::BatchWhen)),
            esc(t(PrivacyKey::BatchBy)),
            esc(t(PrivacyKey::BatchCounts)),
        ));
        for batch in &o.batches {
            b.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&batch.when),
                esc(&batch.confirmed_by),
                esc(&counts::batch_counts(
                    batch.pupils,
                    batch.staff,
                    batch.guardians
                )),
            ));
        }
        b.push_str("</tbody></table></div>");
    }
    b.push_str("</main>");
    page(&title, &b)
}
