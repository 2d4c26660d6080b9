//! The administration's forms: new class, pupil, staff member, hold, and a guardian per pupil.
//! Each form reads its fields on submit (so autofill counts), shows the Danish error for its
//! field, and asks the page to reload the roster once saved.

use crate::components::{ErrorNote, input_value, select_value};
use crate::i18n::IdentityKey;
use crate::i18n::{Key, SubjectsKey, grade_name, role_name, subject_with_grades, t};
use domain::AppError;
use domain::identity::Role;
use domain::roster::StaffMember;
use domain::school::{Subject, SubjectKind};
use leptos::html::{Form, Input, Select};
use leptos::prelude::*;

#[server(endpoint = "create_class")]
pub async fn create_class(name: String, grade: i64) -> Result<i64, AppError> {
    backend::identity::roster::create_class(&crate::request_ctx()?, &name, grade).await
}

#[server(endpoint = "add_pupil")]
pub async fn add_pupil(
    given_name: String,
    family_name: String,
    class_id: i64,
) -> Result<i64, AppError> {
    backend::identity::roster::add_pupil(
        &crate::request_ctx()?,
        &given_name,
        &family_name,
        class_id,
    )
    .await
}

#[server(endpoint = "add_staff")]
pub async fn add_staff(
    given_name: String,
    family_name: String,
    role: Role,
    username: String,
    password: String,
) -> Result<i64, AppError> {
    let ctx = crate::request_ctx()?;
    backend::identity::roster::add_staff(
        &ctx,
        &given_name,
        &family_name,
        role,
        &username,
        &password,
    )
    .await
}

#[server(endpoint = "link_guardian")]
pub async fn link_guardian(
    pupil_id: i64,
    given_name: String,
    family_name: String,
    has_access: bool,
    username: String,
    password: String,
) -> Result<i64, AppError> {
    let ctx = crate::request_ctx()?;
    backend::identity::roster::link_guardian(
        &ctx,
        pupil_id,
        &given_name,
        &family_name,
        has_access,
        &username,
        &password,
    )
    .await
}

#[server(endpoint = "create_team")]
pub async fn create_team(
    name: String,
    subject: Subject,
    class_id: i64,
    teacher_id: i64,
) -> Result<i64, AppError> {
    backend::identity::roster::create_team(
        &crate::request_ctx()?,
        &name,
        subject,
        class_id,
        teacher_id,
    )
    .await
}

/// A labelled text field.
#[component]
pub(crate) fn Field(
    id: String,
    label: String,
    field: NodeRef<Input>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let described = hint.map(|_| hint_id.clone());
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <input id=id type=kind autocomplete=autocomplete aria-describedby=described node_ref=field />
        </div>
    }
}

/// Once a form's save lands: the form empties for the next entry (the page around it stays, so
/// nothing else the leader is typing is lost) and the page reloads the roster.
fn when_saved<F>(action: ServerAction<F>, form: NodeRef<Form>, on_saved: Callback<()>)
where
    F: leptos::server_fn::ServerFn<Error = AppError> + Clone + Sync + 'static,
    F::Output: Clone + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(_))) {
            if let Some(form) = form.get_untracked() {
                form.reset();
            }
            on_saved.run(());
        }
    });
}

/// What a form shows after submitting: the error, or a calm "Gemt.".
pub(crate) fn outcome<F>(action: ServerAction<F>) -> impl Fn() -> Option<AnyView> + Copy
where
    F: leptos::server_fn::ServerFn<Error = AppError> + Clone + Sync + 'static,
    F::Output: Clone + Send + Sync + 'static,
{
    move || {
        action.value().get().map(|result| match result {
            Ok(_) => view! { <p class="notice" role="status">{t(Key::Saved)}</p> }.into_any(),
            Err(e) => view! { <ErrorNote error=e /> }.into_any(),
        })
    }
}

#[component]
pub fn NewClassForm(on_saved: Callback<()>) -> impl IntoView {
    let action = ServerAction::<CreateClass>::new();
    let name = NodeRef::<Input>::new();
    let grade = NodeRef::<Select>::new();
    let form = NodeRef::<Form>::new();
    when_saved(action, form, on_saved);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let grade = select_value(grade).parse().unwrap_or(-1);
        action.dispatch(CreateClass {
            name: input_value(name),
            grade,
        });
    };
    view! {
        <form class="card admin-form" node_ref=form on:submit=submit novalidate=true aria-labelledby="new-class-title">
            <h3 id="new-class-title">{t(IdentityKey::NewClassTitle)}</h3>
            {outcome(action)}
            <Field id="new-class-name".into() label=t(IdentityKey::ClassNameLabel).into() field=name />
            <div class="field">
                <label for="new-class-grade">{t(Key::GradeLabel)}</label>
                <select id="new-class-grade" node_ref=grade>
                    {(0u8..=10).map(|g| view! { <option value=g.to_string()>{grade_name(g)}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class="primary">{t(IdentityKey::NewClassSubmit)}</button>
        </form>
    }
}

#[component]
pub fn NewPupilForm(classes: Signal<Vec<(i64, String)>>, on_saved: Callback<()>) -> impl IntoView {
    let action = ServerAction::<AddPupil>::new();
    let (given, family) = (NodeRef::<Input>::new(), NodeRef::<Input>::new());
    let class = NodeRef::<Select>::new();
    let form = NodeRef::<Form>::new();
    when_saved(action, form, on_saved);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(AddPupil {
            given_name: input_value(given),
            family_name: input_value(family),
            class_id: select_value(class).parse().unwrap_or(-1),
        });
    };
    view! {
        <form class="card admin-form" node_ref=form on:submit=submit novalidate=true aria-labelledby="new-pupil-title">
            <h3 id="new-pupil-title">{t(IdentityKey::NewPupilTitle)}</h3>
            {outcome(action)}
            <Field id="new-pupil-given".into() label=t(IdentityKey::GivenName).into() field=given />
            <Field id="new-pupil-family".into() label=t(IdentityKey::FamilyName).into() field=family />
            <div class="field">
                <label for="new-pupil-class">{t(IdentityKey::ClassLabel)}</label>
                <select id="new-pupil-class" node_ref=class>
                    {move || classes.get().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class="primary">{t(IdentityKey::NewPupilSubmit)}</button>
        </form>
    }
}

#[component]
pub fn NewStaffForm(on_saved: Callback<()>) -> impl IntoView {
    let action = ServerAction::<AddStaff>::new();
    let (given, family) = (NodeRef::<Input>::new(), NodeRef::<Input>::new());
    let (username, password) = (NodeRef::<Input>::new(), NodeRef::<Input>::new());
    let role = NodeRef::<Select>::new();
    let form = NodeRef::<Form>::new();
    when_saved(action, form, on_saved);
    let roles = [
        Role::Teacher,
        Role::Paedagog,
        Role::Leader,
        Role::Administrator,
    ];
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(role) = Role::parse(&select_value(role)) else {
            return;
        };
        action.dispatch(AddStaff {
            given_name: input_value(given),
            family_name: input_value(family),
            role,
            username: input_value(username),
            password: input_value(password),
        });
    };
    view! {
        <form class="card admin-form" node_ref=form on:submit=submit novalidate=true aria-labelledby="new-staff-title">
            <h3 id="new-staff-title">{t(IdentityKey::NewStaffTitle)}</h3>
            {outcome(action)}
            <Field id="new-staff-given".into() label=t(IdentityKey::GivenName).into() field=given />
            <Field id="new-staff-family".into() label=t(IdentityKey::FamilyName).into() field=family />
            <div class="field">
                <label for="new-staff-role">{t(IdentityKey::RoleLabel)}</label>
                <select id="new-staff-role" node_ref=role>
                    {roles.into_iter().map(|r| view! { <option value=r.as_str()>{role_name(r)}</option> }).collect_view()}
                </select>
            </div>
            <Field id="new-staff-username".into() label=t(IdentityKey::Username).into() field=username />
            <Field
                id="new-staff-password".into()
                label=t(IdentityKey::NewPasswordLabel).into()
                field=password
                kind="password"
                autocomplete="new-password"
                hint=t(IdentityKey::NewPasswordHint)
            />
            <button type="submit" class="primary">{t(IdentityKey::NewStaffSubmit)}</button>
        </form>
    }
}

#[component]
pub fn NewTeamForm(
    classes: Signal<Vec<(i64, String)>>,
    staff: Signal<Vec<StaffMember>>,
    on_saved: Callback<()>,
) -> impl IntoView {
    let action = ServerAction::<CreateTeam>::new();
    let name = NodeRef::<Input>::new();
    let (subject, class, teacher) = (
        NodeRef::<Select>::new(),
        NodeRef::<Select>::new(),
        NodeRef::<Select>::new(),
    );
    let form = NodeRef::<Form>::new();
    when_saved(action, form, on_saved);
    let teachers = move || {
        staff
            .get()
            .into_iter()
            .filter(|s| s.roles.iter().any(|r| r.is_teaching_staff()))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(subject) = Subject::parse(&select_value(subject)) else {
            return;
        };
        action.dispatch(CreateTeam {
            name: input_value(name),
            subject,
            class_id: select_value(class).parse().unwrap_or(-1),
            teacher_id: select_value(teacher).parse().unwrap_or(-1),
        });
    };
    view! {
        <form class="card admin-form" node_ref=form on:submit=submit novalidate=true aria-labelledby="new-team-title">
            <h3 id="new-team-title">{t(IdentityKey::NewTeamTitle)}</h3>
            {outcome(action)}
            <Field id="new-team-name".into() label=t(IdentityKey::TeamNameLabel).into() field=name />
            <div class="field">
                <label for="new-team-subject">{t(Key::SubjectLabel)}</label>
                <select id="new-team-subject" node_ref=subject>
                    {[(SubjectKind::Fag, t(IdentityKey::SubjectGroupFag)), (SubjectKind::ObligatoriskEmne, t(IdentityKey::SubjectGroupEmner)), (SubjectKind::Other, t(IdentityKey::SubjectGroupOther))].into_iter().map(|(kind, label)| view! {
                        <optgroup label=label>
                            {Subject::ALL.into_iter().filter(|s| s.kind() == kind).map(|s| view! { <option value=s.code().into_owned()>{subject_with_grades(s)}</option> }).collect_view()}
                        </optgroup>
                    }).collect_view()}
                    {move || {
                        let own = crate::subjects::own_subjects();
                        (!own.is_empty()).then(|| view! {
                            <optgroup label=t(SubjectsKey::SectionTitle)>
                                {own.into_iter().map(|o| view! { <option value=o.subject().code().into_owned()>{subject_with_grades(o.subject())}</option> }).collect_view()}
                            </optgroup>
                        })
                    }}
                </select>
            </div>
            <div class="field">
                <label for="new-team-class">{t(IdentityKey::ClassLabel)}</label>
                <select id="new-team-class" node_ref=class>
                    {move || classes.get().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="new-team-teacher">{t(Key::TeacherLabel)}</label>
                <select id="new-team-teacher" node_ref=teacher>
                    {move || teachers().map(|s| view! { <option value=s.id.to_string()>{s.name}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class="primary">{t(IdentityKey::NewTeamSubmit)}</button>
        </form>
    }
}

/// Linking a guardian to one pupil, folded away under the pupil until needed.
#[component]
pub fn LinkGuardianForm(
    pupil_id: i64,
    pupil_name: String,
    on_saved: Callback<()>,
) -> impl IntoView {
    let action = ServerAction::<LinkGuardian>::new();
    let (given, family) = (NodeRef::<Input>::new(), NodeRef::<Input>::new());
    let (username, password) = (NodeRef::<Input>::new(), NodeRef::<Input>::new());
    let access = NodeRef::<Input>::new();
    let form = NodeRef::<Form>::new();
    when_saved(action, form, on_saved);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(LinkGuardian {
            pupil_id,
            given_name: input_value(given),
            family_name: input_value(family),
            has_access: access.get().is_some_and(|el| el.checked()),
            username: input_value(username),
            password: input_value(password),
        });
    };
    let id = |name: &str| format!("guardian-{pupil_id}-{name}");
    let optional = |key: IdentityKey| format!("{} {}", t(key), t(IdentityKey::OptionalSuffix));
    view! {
        <details class="link-guardian">
            <summary>{crate::i18n::messages::link_guardian_to(&pupil_name)}</summary>
            <form node_ref=form on:submit=submit novalidate=true>
                {outcome(action)}
                <Field id=id("given") label=t(IdentityKey::GivenName).into() field=given />
                <Field id=id("family") label=t(IdentityKey::FamilyName).into() field=family />
                <div class="field checkbox">
                    <input id=id("access") type="checkbox" checked=true node_ref=access />
                    <label for=id("access")>{t(IdentityKey::HasAccessLabel)}</label>
                </div>
                <Field id=id("username") label=optional(IdentityKey::Username) field=username />
                <Field
                    id=id("password")
                    label=optional(IdentityKey::NewPasswordLabel)
                    field=password
                    kind="password"
                    autocomplete="new-password"
                    hint=t(IdentityKey::NewPasswordHint)
                />
                <button type="submit" class="primary">{t(IdentityKey::LinkGuardianSubmit)}</button>
            </form>
        </details>
    }
}
