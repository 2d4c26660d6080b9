//! The archive of everything about one person as one page: it opens in any browser and prints,
//! with a pupil's pictures and recordings inside it (as `data:` addresses), so it needs nothing
//! from Spire once saved.

use crate::documents::{esc, page};
use app::i18n::documents::{audit_act, audit_topic};
use app::i18n::privacy::{
    answer_by, archive_intro, archive_title, kind_name, plan_heading, plan_version, trail_about,
};
use app::i18n::{DocumentKey, Key, PrivacyKey, PupilPlanKey, role_name, subject_name_in, t};
use domain::audit::AuditEntry;
use domain::privacy::PersonArchive;
use domain::pupil_plan::{PackageFeedbackBody, PupilPackage};

pub fn render(a: &PersonArchive) -> String {
    let title = archive_title(&a.name);
    let mut b = format!(
        "<main><h1>{}</h1><p>{}</p>",
        esc(&title),
        esc(&archive_intro(&a.name, &a.school, &a.made_at))
    );
    person(&mut b, a);
    relatives(&mut b, PrivacyKey::Guardians, &a.guardians);
    relatives(&mut b, PrivacyKey::Children, &a.children);
    memberships(&mut b, a);
    if let Some(work) = &a.staff_work {
        b.push_str(&format!(
            "<h2>{}</h2><p>{}</p><ul><li>{}</li><li>{}</li><li>{}</li><li>{}</li></ul>",
            esc(t(PrivacyKey::StaffWorkHeading)),
            esc(t(PrivacyKey::StaffWorkExplained)),
            esc(&app::i18n::counts::year_plans(work.year_plans)),
            esc(&app::i18n::counts::units(work.units)),
            esc(&app::i18n::counts::evaluations_given(work.evaluations)),
            esc(&app::i18n::counts::answers_given(work.feedback)),
        ));
    }
    if let Some(package) = &a.package {
        package_sections(&mut b, package, &a.time_zone);
    }
    if !a.trail_about.is_empty() {
        trail(&mut b, "trail-about", &trail_about(&a.name), &a.trail_about);
    }
    if !a.trail_by.is_empty() {
        trail(
            &mut b,
            "trail-by",
            t(PrivacyKey::TrailByHeading),
            &a.trail_by,
        );
    }
    b.push_str("</main>");
    page(&title, &b)
}

fn row(b: &mut String, key: PrivacyKey, value: &str) {
    b.push_str(&format!("<dt>{}</dt><dd>{}</dd>", esc(t(key)), esc(value)));
}

fn person(b: &mut String, a: &PersonArchive) {
    let none = t(PrivacyKey::Nothing);
    b.push_str(&format!(
        "<h2>{}</h2><dl>",
        esc(t(PrivacyKey::PersonHeading))
    ));
    row(b, PrivacyKey::Name, &a.name);
    let roles: Vec<&str> = a.roles.iter().map(|r| role_name(*r)).collect();
    let roles = if roles.is_empty() {
        kind_name(a.kind).to_owned()
    } else {
        roles.join(", ")
    };
    row(b, PrivacyKey::Roles, &roles);
    row(
        b,
        PrivacyKey::Username,
        a.username.as_deref().unwrap_or(none),
    );
    row(b, PrivacyKey::UniId, a.uni_id.as_deref().unwrap_or(none));
    row(b, PrivacyKey::Created, &a.created_on);
    row(b, PrivacyKey::LeftOn, a.left_on.as_deref().unwrap_or(none));
    let sessions = if a.open_sessions.is_empty() {
        none.to_owned()
    } else {
        a.open_sessions.join(", ")
    };
    row(b, PrivacyKey::OpenSessions, &sessions);
    row(b, PrivacyKey::CalendarFeeds, &a.calendar_feeds.to_string());
    row(
        b,
        PrivacyKey::ReadingSettings,
        a.reading_settings.as_deref().unwrap_or(none),
    );
    b.push_str("</dl>");
}

fn relatives(b: &mut String, heading: PrivacyKey, people: &[domain::privacy::Relative]) {
    if people.is_empty() {
        return;
    }
    b.push_str(&format!("<h2>{}</h2><ul>", esc(t(heading))));
    for r in people {
        let access = if r.access {
            PrivacyKey::HasAccess
        } else {
            PrivacyKey::NoAccess
        };
        b.push_str(&format!("<li>{}: {}</li>", esc(&r.name), esc(t(access))));
    }
    b.push_str("</ul>");
}

fn memberships(b: &mut String, a: &PersonArchive) {
    if a.memberships.is_empty() {
        return;
    }
    table_head(
        b,
        "memberships",
        t(PrivacyKey::Memberships),
        &[
            PrivacyKey::MembershipHold,
            PrivacyKey::MembershipYear,
            PrivacyKey::MembershipFrom,
            PrivacyKey::MembershipTo,
        ],
    );
    for m in &a.memberships {
        b.push_str(&format!(
            "<tr><td>{}</td><td>{}/{}</td><td>{}</td><td>{}</td></tr>",
            esc(&m.name),
            m.school_year,
            m.school_year + 1,
            esc(&m.from),
            esc(m.to.as_deref().unwrap_or(t(PrivacyKey::StillThere))),
        ));
    }
    b.push_str("</tbody></table></div>");
}

/// A heading, and the start of a table under it that scrolls on its own on a narrow screen.
fn table_head(b: &mut String, id: &str, heading: &str, columns: &[PrivacyKey]) {
    b.push_str(&format!(
        "<h2 id=\"{id}\">{}</h2><div class=\"wrap\" role=\"region\" aria-labelledby=\"{id}\" \
         tabindex=\"0\"><table><thead><tr>",
        esc(heading)
    ));
    for c in columns {
        b.push_str(&format!("<th scope=\"col\">{}</th>", esc(t(*c))));
    }
    b.push_str("</tr></thead><tbody>");
}

fn day(unix: i64, tz: &str) -> String {
    backend::clock::day_at(unix, tz)
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// A file the package carries, shown or played inside the page.
fn media(content_type: &str, data_base64: &str, label: &str) -> String {
    let src = format!("data:{};base64,{}", esc(content_type), esc(data_base64));
    if content_type.starts_with("image/") {
        format!("<img src=\"{src}\" alt=\"{}\">", esc(label))
    } else if content_type.starts_with("audio/") {
        format!(
            "<audio controls src=\"{src}\" aria-label=\"{}\"></audio>",
            esc(label)
        )
    } else {
        String::new()
    }
}

fn package_sections(b: &mut String, p: &PupilPackage, tz: &str) {
    let subject = |s: Option<domain::school::Subject>| match s {
        Some(s) => subject_name_in(s, &p.own_subjects),
        None => t(PrivacyKey::CollectedPlan).to_owned(),
    };
    if !p.plans.is_empty() {
        b.push_str(&format!("<h2>{}</h2>", esc(t(PrivacyKey::PlansHeading))));
        for plan in &p.plans {
            b.push_str(&format!(
                "<h3>{}</h3>",
                esc(&plan_heading(&subject(plan.subject), plan.school_year))
            ));
            for v in &plan.versions {
                b.push_str(&format!(
                    "<h4>{}</h4><dl>",
                    esc(&plan_version(
                        v.number,
                        &day(v.published_at, tz),
                        &v.published_by
                    ))
                ));
                for (label, text) in [
                    (t(PupilPlanKey::SectionStatus), &v.texts.status),
                    (t(Key::SectionGoals), &v.texts.goals),
                    (t(PupilPlanKey::SectionFollowUp), &v.texts.follow_up),
                    (t(PupilPlanKey::SectionWellbeing), &v.texts.wellbeing),
                    (t(PupilPlanKey::SectionAllRound), &v.texts.all_round),
                    (t(PupilPlanKey::SectionEducation), &v.texts.education),
                    (t(PupilPlanKey::SectionSupport), &v.texts.support),
                    (t(PupilPlanKey::PupilReflection), &v.pupil_reflection),
                ] {
                    if !text.trim().is_empty() {
                        b.push_str(&format!("<dt>{}</dt><dd>{}</dd>", esc(label), esc(text)));
                    }
                }
                b.push_str("</dl>");
                if let Some(file) = v.pupil_voice.as_ref().and_then(|voice| voice.file.as_ref()) {
                    b.push_str(&format!(
                        "<p>{}</p>",
                        media(
                            &file.content_type,
                            &file.data_base64,
                            t(PupilPlanKey::PupilReflection)
                        )
                    ));
                }
            }
        }
    }
    if !p.evaluations.is_empty() {
        table_head(
            b,
            "evaluations",
            t(PrivacyKey::EvaluationsHeading),
            &[
                PrivacyKey::EvaluationWhen,
                PrivacyKey::EvaluationSubject,
                PrivacyKey::EvaluationGoal,
                PrivacyKey::EvaluationBy,
                PrivacyKey::EvaluationStep,
                PrivacyKey::EvaluationComment,
            ],
        );
        for e in &p.evaluations {
            let step = e
                .step
                .and_then(|s| e.scale.get(usize::from(s)))
                .cloned()
                .unwrap_or_default();
            b.push_str(&format!(
                "<tr><td>{}</td><td>{}, {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&day(e.at, tz)),
                esc(&subject(e.subject)),
                esc(&e.unit_title),
                esc(&e.goal_text),
                esc(t(if e.by_pupil {
                    PrivacyKey::ByPupil
                } else {
                    PrivacyKey::ByTeacher
                })),
                esc(&step),
                esc(&e.comment),
            ));
        }
        b.push_str("</tbody></table></div>");
    }
    if !p.portfolio.is_empty() {
        b.push_str(&format!("<h2>{}</h2>", esc(t(PrivacyKey::WorkHeading))));
        for w in &p.portfolio {
            let kind = app::pupil::work::kind_name(w.kind);
            b.push_str(&format!(
                "<h3>{}, {}</h3>",
                esc(kind),
                esc(&day(w.made_at, tz))
            ));
            if let Some(made_for) = &w.made_for {
                b.push_str(&format!(
                    "<p>{}: {}</p>",
                    esc(t(PrivacyKey::MadeFor)),
                    esc(made_for)
                ));
            }
            if !w.text.is_empty() {
                b.push_str(&format!("<p>{}</p>", esc(&w.text)));
            }
            if let (Some(ct), Some(data)) = (&w.content_type, &w.data_base64) {
                b.push_str(&format!("<p>{}</p>", media(ct, data, kind)));
            }
            b.push_str(&format!(
                "<p>{}</p>",
                esc(t(if w.shared_with_family {
                    PrivacyKey::SharedWithFamily
                } else {
                    PrivacyKey::NotSharedWithFamily
                }))
            ));
            for f in &w.feedback {
                let who = format!(
                    "{} ({})",
                    answer_by(&f.author, &day(f.at, tz)),
                    t(if f.for_family {
                        PrivacyKey::AnswerForFamily
                    } else {
                        PrivacyKey::AnswerNotForFamily
                    })
                );
                let body = match &f.body {
                    PackageFeedbackBody::Text(text) => esc(text),
                    PackageFeedbackBody::Sticker(s) => {
                        esc(app::returns::feedback::sticker_words(*s))
                    }
                    PackageFeedbackBody::Voice {
                        content_type,
                        data_base64,
                    } => media(content_type, data_base64, &who),
                };
                b.push_str(&format!(
                    "<blockquote><p>{}</p><p>{body}</p></blockquote>",
                    esc(&who)
                ));
            }
        }
    }
}

fn trail(b: &mut String, id: &str, heading: &str, entries: &[AuditEntry]) {
    b.push_str(&format!(
        "<h2 id=\"{id}\">{}</h2><div class=\"wrap\" role=\"region\" aria-labelledby=\"{id}\" \
         tabindex=\"0\"><table><thead><tr>",
        esc(heading)
    ));
    for key in [
        DocumentKey::TrailWhen,
        DocumentKey::TrailWho,
        DocumentKey::TrailRole,
        DocumentKey::TrailAct,
        DocumentKey::TrailWhat,
        DocumentKey::TrailFrom,
    ] {
        b.push_str(&format!("<th scope=\"col\">{}</th>", esc(t(key))));
    }
    b.push_str("</tr></thead><tbody>");
    for e in entries {
        b.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&e.when),
            esc(&e.who),
            esc(role_name(e.role)),
            esc(audit_act(e.act)),
            esc(audit_topic(e.topic)),
            esc(e
                .from
                .as_deref()
                .unwrap_or(t(DocumentKey::TrailFromUnknown))),
        ));
    }
    b.push_str("</tbody></table></div>");
}
