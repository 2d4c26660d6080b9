//! Pages the server writes itself, as plain HTML documents that read the same in a browser and
//! on paper, and weigh nothing in the Wasm builds: a pupil's audit trail (`/adgangslog/{pupil}`)
//! and the accessibility statement (`/tilgaengelighed`). Text from the app's catalogue.

use crate::AppState;
use crate::context::{ApiError, Ctx};
use app::i18n::documents::{
    audit_act, audit_intro, audit_newest, audit_title, audit_topic, statement,
};
use app::i18n::{DocumentKey, role_name, t};
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use domain::audit::AuditTrail;

/// HTML-escaped text.
pub(crate) fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A whole document: calm, text first, its styles inline, `body` already escaped.
pub(crate) fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"da\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title>\
         <style>body{{margin:0;padding:1rem;background:#fbf8f1;color:#1a1a1a;font-family:system-ui,sans-serif;font-size:18px;line-height:1.5;overflow-wrap:break-word;hyphens:auto}}\
         main{{max-width:48rem;margin:0 auto}}h1{{font-size:1.6rem}}h2{{font-size:1.3rem;margin-top:1.5rem}}\
         a{{color:#0b4f8a}}table{{border-collapse:collapse;width:100%}}th,td{{text-align:left;padding:0.4rem;border-bottom:1px solid #c9c4b8;vertical-align:top}}\
         .wrap{{overflow-x:auto}}input[type=checkbox]{{width:1.5rem;height:1.5rem;vertical-align:middle}}\
         button,select{{font:inherit;min-height:2.75rem;padding:0.3rem 0.8rem;max-width:100%}}img{{max-width:100%;height:auto}}audio{{max-width:100%}}</style></head><body>{body}</body></html>",
        title = esc(title),
    )
}

/// A page the server wrote: HTML, never cached (it holds a person's data).
pub(crate) fn html_response(html: String) -> Response {
    let mut res = html.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    res
}

/// `GET /adgangslog/{pupil}`: for the school's leader and the pupil's guardians.
pub(crate) async fn audit_trail(Ctx(ctx): Ctx, Path(pupil_id): Path<i64>) -> Response {
    match backend::audit::trail(&ctx, pupil_id).await {
        Ok(trail) => html_response(render_trail(&trail)),
        Err(e) => error_page(e),
    }
}

/// A refusal as a page a person can read, with the status the API would answer.
pub(crate) fn error_page(e: domain::AppError) -> Response {
    let status = ApiError(e.clone()).into_response().status();
    // A field's own message says what to fix; the code's says what happened.
    let text = e
        .field
        .as_deref()
        .and_then(app::i18n::field_error_text)
        .unwrap_or_else(|| app::i18n::error_text(e.code));
    let body = format!(
        "<main><h1>{}</h1><p><a href=\"/\">{}</a></p></main>",
        esc(text),
        esc(t(DocumentKey::Back))
    );
    let mut res = html_response(page(text, &body));
    *res.status_mut() = status;
    res
}

pub fn render_trail(trail: &AuditTrail) -> String {
    let title = audit_title(&trail.pupil_name);
    let mut body = format!(
        "<main><p><a href=\"/\">{back}</a></p><h1>{h1}</h1><p>{intro}</p><p>{fixed}</p>",
        back = esc(t(DocumentKey::Back)),
        h1 = esc(&title),
        intro = esc(&audit_intro(&trail.pupil_name, trail.retention_days)),
        fixed = esc(t(DocumentKey::TrailNotEditable)),
    );
    if trail.entries.is_empty() {
        body.push_str(&format!("<p>{}</p>", esc(t(DocumentKey::TrailEmpty))));
    } else {
        if trail.more {
            body.push_str(&format!(
                "<p>{}</p>",
                esc(&audit_newest(trail.entries.len()))
            ));
        }
        body.push_str(&format!(
            "<div class=\"wrap\" role=\"region\" aria-labelledby=\"log\" tabindex=\"0\"><table><caption id=\"log\">{}</caption><thead><tr>",
            esc(t(DocumentKey::TrailCaption))
        ));
        let mut heads = vec![
            DocumentKey::TrailWhen,
            DocumentKey::TrailWho,
            DocumentKey::TrailRole,
            DocumentKey::TrailAct,
            DocumentKey::TrailWhat,
        ];
        if trail.shows_addresses {
            heads.push(DocumentKey::TrailFrom);
        }
        for head in heads {
            body.push_str(&format!("<th scope=\"col\">{}</th>", esc(t(head))));
        }
        body.push_str("</tr></thead><tbody>");
        for e in &trail.entries {
            body.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
                esc(&e.when),
                esc(&e.who),
                esc(role_name(e.role)),
                esc(audit_act(e.act)),
                esc(audit_topic(e.topic)),
            ));
            if trail.shows_addresses {
                let from = e
                    .from
                    .as_deref()
                    .unwrap_or(t(DocumentKey::TrailFromUnknown));
                body.push_str(&format!("<td>{}</td>", esc(from)));
            }
            body.push_str("</tr>");
        }
        body.push_str("</tbody></table></div>");
    }
    body.push_str("</main>");
    page(&title, &body)
}

/// `GET /tilgaengelighed`: the accessibility statement, in the shape of Digitaliseringsstyrelsen's
/// WAS template, with the installation's contact and official statement when configured.
pub(crate) async fn accessibility_statement(State(state): State<AppState>) -> Response {
    html_response(render_statement(&state.statement))
}

/// What an installation says about itself in its accessibility statement.
#[derive(Clone, Debug, Default)]
pub struct StatementSettings {
    /// Who to contact about content that is not accessible (phone and e-mail).
    pub contact: Option<String>,
    /// The official statement made in the WAS tool (was.digst.dk), which public bodies must publish.
    pub was_url: Option<String>,
}

pub fn render_statement(settings: &StatementSettings) -> String {
    let mut body = format!(
        "<main><p><a href=\"/\">{back}</a></p><h1>{title}</h1><p>{intro}</p>",
        back = esc(t(DocumentKey::Back)),
        title = esc(statement::TITLE),
        intro = esc(statement::INTRO),
    );
    if let Some(url) = &settings.was_url {
        body.push_str(&format!(
            "<p><a href=\"{}\">{}</a></p>",
            esc(url),
            esc(statement::OFFICIAL)
        ));
    }
    for section in statement::SECTIONS {
        body.push_str(&format!("<h2>{}</h2>", esc(section.heading)));
        for paragraph in section.paragraphs {
            body.push_str(&format!("<p>{}</p>", esc(paragraph)));
        }
        if !section.items.is_empty() {
            body.push_str("<ul>");
            for item in section.items {
                body.push_str(&format!("<li>{}</li>", esc(item)));
            }
            body.push_str("</ul>");
        }
        if section.heading == statement::CONTACT_HEADING {
            let contact = settings.contact.as_deref().unwrap_or(statement::NO_CONTACT);
            body.push_str(&format!("<p>{}</p>", esc(contact)));
        }
        if section.heading == statement::ENFORCEMENT_HEADING {
            body.push_str(&format!(
                "<p><a href=\"{}\">{}</a></p>",
                statement::COMPLAINT_URL,
                esc(statement::COMPLAINT_LINK)
            ));
        }
    }
    body.push_str("</main>");
    page(statement::TITLE, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_people_is_escaped() {
        assert_eq!(
            esc("<b>\"Å\" & 'ø'</b>"),
            "&lt;b&gt;&quot;Å&quot; &amp; &#39;ø&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn the_statement_names_the_installations_contact_or_says_there_is_none() {
        let none = render_statement(&StatementSettings::default());
        assert!(none.contains(&esc(statement::NO_CONTACT)));
        let some = render_statement(&StatementSettings {
            contact: Some("Skolesekretariatet, 33 12 34 56, skole@kommune.dk".into()),
            was_url: Some("https://was.digst.dk/spire-kommune-dk".into()),
        });
        assert!(some.contains("33 12 34 56"));
        assert!(some.contains("href=\"https://was.digst.dk/spire-kommune-dk\""));
        assert!(!some.contains(&esc(statement::NO_CONTACT)));
    }
}
