//! "Skolens egne fag" on the administration screen: everyone there sees the school's own subjects;
//! leaders add them and correct them.

use super::{SaveOwnSubject, own_icon};
use crate::components::{DecorativeIcon, ErrorNote, input_value, select_value};
use crate::i18n::{SubjectsKey, messages, own_icon_name, subject_name, t};
use domain::school::{Subject, SubjectKind};
use domain::subjects::{OwnIcon, OwnSubject, OwnSubjectInput};
use leptos::html::{Input, Select};
use leptos::prelude::*;

#[component]
pub fn OwnSubjectsSection(leader: bool) -> impl IntoView {
    // The subject being corrected, or `None` while the form adds a new one. The form is drawn
    // again in the same elements when this changes, so its fields are set as properties: what
    // was typed before would otherwise stay.
    let editing = RwSignal::new(None::<OwnSubject>);
    let action = ServerAction::<SaveOwnSubject>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = action.value().get() {
            super::reload();
            // A fresh form: the next subject starts empty.
            editing.set(None);
        }
    });
    let list = super::own_subjects;
    view! {
        <section class="card" aria-labelledby="own-subjects-title">
            <h2 id="own-subjects-title">{t(SubjectsKey::SectionTitle)}</h2>
            <p>{t(SubjectsKey::Intro)}</p>
            {move || {
                let own = list();
                if own.is_empty() {
                    return view! { <p>{t(SubjectsKey::NoneYet)}</p> }.into_any();
                }
                view! {
                    <ul class="plain-list" aria-label=t(SubjectsKey::SectionTitle)>
                        {own.into_iter().map(|o| {
                            let spans = if o.spans.is_empty() {
                                t(SubjectsKey::SpansNone).to_owned()
                            } else {
                                o.spans.iter().map(|s| subject_name(*s)).collect::<Vec<_>>().join(", ")
                            };
                            let across = o.is_across_subjects();
                            let edit_label = messages::edit_subject(&o.name);
                            let chosen = o.clone();
                            view! {
                                <li class="own-subject">
                                    <DecorativeIcon icon=own_icon(o.icon) />
                                    <span>
                                        <strong>{o.name.clone()}</strong>
                                        " · "{messages::grade_span(o.first_grade, o.last_grade)}
                                        {across.then(|| view! { " · "{t(SubjectsKey::AcrossSubjects)} })}
                                        <br />
                                        <span class="muted">{t(SubjectsKey::SpansLabel)}": "{spans}</span>
                                    </span>
                                    {leader.then(|| view! {
                                        <button type="button" on:click=move |_| editing.set(Some(chosen.clone()))>{edit_label}</button>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            {if leader {
                view! {
                    {move || view! { <OwnSubjectForm initial=editing.get() editing action /> }}
                    {move || match action.value().get() {
                        Some(Ok(_)) => Some(view! { <p role="status">{t(SubjectsKey::Saved)}</p> }.into_any()),
                        Some(Err(error)) => Some(view! { <ErrorNote error /> }.into_any()),
                        None => None,
                    }}
                }
                .into_any()
            } else {
                view! { <p class="muted">{t(SubjectsKey::LeadersAdd)}</p> }.into_any()
            }}
        </section>
    }
}

/// The form that adds an own subject, or corrects `initial`.
#[component]
fn OwnSubjectForm(
    initial: Option<OwnSubject>,
    editing: RwSignal<Option<OwnSubject>>,
    action: ServerAction<SaveOwnSubject>,
) -> impl IntoView {
    let id = initial.as_ref().map(|o| i64::from(o.id.value()));
    let correcting = initial.is_some();
    let name = NodeRef::<Input>::new();
    let first = NodeRef::<Select>::new();
    let last = NodeRef::<Select>::new();
    let icon_of = initial.as_ref().map_or(OwnIcon::Tree, |o| o.icon);
    let icons: Vec<(OwnIcon, NodeRef<Input>)> = OwnIcon::ALL
        .into_iter()
        .map(|i| (i, NodeRef::new()))
        .collect();
    let fag: Vec<(Subject, NodeRef<Input>)> = Subject::ALL
        .into_iter()
        .filter(|s| s.kind() == SubjectKind::Fag)
        .map(|s| (s, NodeRef::new()))
        .collect();
    let spanned = initial
        .as_ref()
        .map(|o| o.spans.clone())
        .unwrap_or_default();
    let (first_grade, last_grade) = initial
        .as_ref()
        .map_or((0, 9), |o| (o.first_grade, o.last_grade));
    let read_icons = icons.clone();
    let read_fag = fag.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = |r: &NodeRef<Input>| r.get().is_some_and(|el| el.checked());
        let icon = read_icons
            .iter()
            .find(|(_, r)| checked(r))
            .map_or(OwnIcon::Tree, |(i, _)| *i);
        action.dispatch(SaveOwnSubject {
            input: OwnSubjectInput {
                id,
                name: input_value(name),
                icon,
                first_grade: select_value(first).parse().unwrap_or(u8::MAX),
                last_grade: select_value(last).parse().unwrap_or(u8::MAX),
                spans: read_fag
                    .iter()
                    .filter(|(_, r)| checked(r))
                    .map(|(s, _)| *s)
                    .collect(),
            },
        });
    };
    let title = initial.as_ref().map_or_else(
        || t(SubjectsKey::AddTitle).to_owned(),
        |o| messages::edit_subject(&o.name),
    );
    let grades = move |chosen: u8| {
        (0..=10u8)
            .map(|g| view! { <option value=g.to_string() selected=g == chosen>{crate::i18n::grade_name(g)}</option> })
            .collect_view()
    };
    view! {
        <form class="admin-form own-subject-form" on:submit=submit novalidate=true aria-labelledby="own-subject-form-title">
            <h3 id="own-subject-form-title">{title}</h3>
            <div class="field">
                <label for="own-subject-name">{t(SubjectsKey::NameLabel)}</label>
                <input id="own-subject-name" type="text" autocomplete="off" maxlength="60" node_ref=name prop:value=initial.as_ref().map(|o| o.name.clone()).unwrap_or_default() />
            </div>
            <fieldset class="icon-choices">
                <legend>{t(SubjectsKey::IconLegend)}</legend>
                {icons.into_iter().map(|(icon, r)| view! {
                    <label class="choice">
                        <input type="radio" name="own-subject-icon" value=icon.as_str() prop:checked=icon == icon_of node_ref=r />
                        <DecorativeIcon icon=own_icon(icon) />
                        <span>{own_icon_name(icon)}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for="own-subject-first">{t(SubjectsKey::FirstGrade)}</label>
                <select id="own-subject-first" node_ref=first prop:value=first_grade.to_string()>{grades(first_grade)}</select>
            </div>
            <div class="field">
                <label for="own-subject-last">{t(SubjectsKey::LastGrade)}</label>
                <select id="own-subject-last" node_ref=last prop:value=last_grade.to_string()>{grades(last_grade)}</select>
            </div>
            <fieldset class="spans-choice" aria-describedby="own-subject-spans-hint">
                <legend>{t(SubjectsKey::SpansLegend)}</legend>
                <p id="own-subject-spans-hint" class="muted">{t(SubjectsKey::SpansHint)}</p>
                {fag.into_iter().map(|(subject, r)| view! {
                    <label class="choice">
                        <input type="checkbox" value=subject.code().into_owned() prop:checked=spanned.contains(&subject) node_ref=r />
                        <span>{subject_name(subject)}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="form-actions">
                <button type="submit">{if correcting { t(SubjectsKey::SaveChanges) } else { t(SubjectsKey::Add) }}</button>
                {correcting.then(|| view! {
                    <button type="button" on:click=move |_| editing.set(None)>{t(SubjectsKey::Cancel)}</button>
                })}
            </div>
        </form>
    }
}
