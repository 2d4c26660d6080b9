//! Administration for leaders and the school office: classes with their pupils, moving a pupil,
//! marking a pupil as having left; the roster import is in `roster_import`.

use super::roster_forms::{
    LinkGuardianForm, NewClassForm, NewPupilForm, NewStaffForm, NewTeamForm,
};
use crate::components::{ErrorNote, set_title};
use crate::i18n::IdentityKey;
use crate::i18n::{Key, counts, grade_name, subject_name, t};
use crate::identity::shell::AppHeader;
use domain::AppError;
use domain::identity::Me;
use domain::roster::{Roster, RosterClass, RosterPupil, RosterTeam};
use leptos::prelude::*;

#[server(endpoint = "roster")]
pub async fn load_roster() -> Result<(Me, Roster), AppError> {
    let ctx = crate::request_ctx()?;
    let roster = backend::identity::roster::roster(&ctx).await?;
    Ok((backend::identity::me(&ctx).await?, roster))
}

#[server(endpoint = "move_pupil")]
pub async fn move_pupil(pupil_id: i64, class_id: i64) -> Result<(), AppError> {
    backend::identity::roster::move_pupil(&crate::request_ctx()?, pupil_id, class_id).await
}

#[server(endpoint = "preview_class_change")]
pub async fn preview_class_change(
    pupil_id: i64,
    class_id: Option<i64>,
) -> Result<domain::teams::ClassChangePreview, AppError> {
    backend::identity::roster::preview_class_change(&crate::request_ctx()?, pupil_id, class_id)
        .await
}

/// Asks the leader to confirm a class change after showing what it does to the pupil's hold.
async fn confirm_class_change(pupil_id: i64, name: &str, to: Option<(i64, String)>) -> bool {
    let Ok(preview) = preview_class_change(pupil_id, to.as_ref().map(|(id, _)| *id)).await else {
        return false;
    };
    let question = match &to {
        Some((_, class)) => {
            crate::i18n::messages::confirm_move(name, class, &preview.leaves, &preview.joins)
        }
        None => crate::i18n::messages::confirm_mark_left(name, &preview.leaves),
    };
    crate::components::confirmed(&question)
}

#[server(endpoint = "mark_pupil_left")]
pub async fn mark_pupil_left(pupil_id: i64) -> Result<(), AppError> {
    backend::identity::roster::mark_pupil_left(&crate::request_ctx()?, pupil_id).await
}

/// The administration page. Each part follows only its own slice of the roster, so a save in one
/// form re-renders what changed and leaves a half-filled form or an opened guardian form
/// elsewhere alone (rebuilding the whole page on every reload lost them).
#[component]
pub fn AdministrationPage() -> impl IntoView {
    set_title(t(IdentityKey::AdminTitle));
    let data = LocalResource::new(load_roster);
    // The last roster loaded: a reload in flight keeps showing it.
    let latest = Memo::new(move |previous: Option<&Loaded>| {
        data.get().or_else(|| previous.cloned().flatten())
    });
    let head = Memo::new(move |_| {
        latest.get().map(|result| {
            result.map(|(me, roster)| (me, roster.school_name, roster.institution_number))
        })
    });
    let classes = roster_part(latest, |r| r.classes);
    let staff = roster_part(latest, |r| r.staff);
    let teams = roster_part(latest, |r| r.teams);
    let class_choices = Memo::new(move |_| {
        classes
            .get()
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect::<Vec<_>>()
    });
    let move_action = ServerAction::<MovePupil>::new();
    let left_action = ServerAction::<MarkPupilLeft>::new();
    let import = ServerAction::<super::roster_import::ImportRoster>::new();
    Effect::new(move |_| {
        let moved = matches!(move_action.value().get(), Some(Ok(())));
        let left = matches!(left_action.value().get(), Some(Ok(())));
        let imported = matches!(
            import.value().get(),
            Some(Ok(domain::roster::ImportReport { applied: true, .. }))
        );
        if moved || left || imported {
            data.refetch();
        }
    });
    let reload = Callback::new(move |()| data.refetch());
    // The office finds a pupil by name, or looks at one class at a time.
    let query = RwSignal::new(String::new());
    let only_class = RwSignal::new(None::<i64>);
    let action_error = move || match (move_action.value().get(), left_action.value().get()) {
        (Some(Err(e)), _) | (_, Some(Err(e))) => Some(view! { <ErrorNote error=e /> }),
        _ => None,
    };
    let actions = PupilActions {
        move_action,
        left_action,
        reload,
    };
    move || {
        // The school's own subjects name the hold: wait for the catalogue too.
        match head.get().filter(|_| crate::subjects::ready()) {
        None => view! { <main id="indhold" class="page"><p>{t(Key::Loading)}</p></main> }.into_any(),
        Some(Err(e)) => view! {
            <main id="indhold" class="page narrow">
                <h1>{t(IdentityKey::AdminTitle)}</h1>
                <ErrorNote error=e />
            </main>
        }
        .into_any(),
        Some(Ok((me, school_name, institution_number))) => view! {
            <AppHeader me=me.clone() />
            <main id="indhold" class="page">
                <h1>{t(IdentityKey::AdminTitle)}": "{school_name}</h1>
                <super::roster_import::ImportSection import />
                <section class="admin-forms" aria-labelledby="create-title">
                    <h2 id="create-title">{t(IdentityKey::CreateTitle)}</h2>
                    <div class="form-grid">
                        <NewClassForm on_saved=reload />
                        <NewPupilForm classes=class_choices.into() on_saved=reload />
                        <NewStaffForm on_saved=reload />
                        <NewTeamForm classes=class_choices.into() staff=staff.into() on_saved=reload />
                    </div>
                </section>
                {(me.role == domain::identity::Role::Leader).then(|| view! {
                    <super::new_year::NewYearSection on_opened=reload />
                })}
                <super::school_years::SchoolYearsSection />
                <super::class_devices::OpenDevicesSection />
                <crate::subjects::admin::OwnSubjectsSection leader=me.role == domain::identity::Role::Leader />
                {(me.role == domain::identity::Role::Leader).then(|| view! {
                    <super::access::UniLoginSettings institution_number />
                })}
                {move || view! { <super::access::StaffList me=me.clone() staff=staff.get() on_changed=reload /> }}
                {move || view! { <Teams teams=teams.get() /> }}
                {action_error}
                <FindPupils classes query only_class />
                <For
                    each=move || shown_classes(&classes.get(), &query.get(), only_class.get())
                    key=|class| (class.id, class.name.clone(), class.grade)
                    children=move |class| {
                        let class_id = class.id;
                        let pupils = Signal::derive(move || {
                            let all = classes.get().into_iter().find(|c| c.id == class_id).map(|c| c.pupils).unwrap_or_default();
                            matching(all, &query.get())
                        });
                        let others = Signal::derive(move || {
                            class_choices.get().into_iter().filter(|(id, _)| *id != class_id).collect::<Vec<_>>()
                        });
                        view! { <ClassSection class pupils others actions /> }
                    }
                />
            </main>
        }
        .into_any(),
    }
    }
}

type Loaded = Option<Result<(Me, Roster), AppError>>;

/// Whether a pupil's name holds what was typed, ignoring case and the spaces around it.
fn name_matches(name: &str, query: &str) -> bool {
    let query = query.trim().to_lowercase();
    query.is_empty() || name.to_lowercase().contains(&query)
}

fn matching(pupils: Vec<RosterPupil>, query: &str) -> Vec<RosterPupil> {
    pupils
        .into_iter()
        .filter(|p| name_matches(&p.name, query))
        .collect()
}

/// The classes to show: the one chosen (or all), and while searching only those with a pupil
/// whose name matches.
fn shown_classes(classes: &[RosterClass], query: &str, only: Option<i64>) -> Vec<RosterClass> {
    classes
        .iter()
        .filter(|c| only.is_none_or(|id| id == c.id))
        .filter(|c| {
            query.trim().is_empty() || c.pupils.iter().any(|p| name_matches(&p.name, query))
        })
        .cloned()
        .collect()
}

/// Search by name and a choice of class, above the classes; says how many pupils it shows.
#[component]
fn FindPupils(
    classes: Memo<Vec<RosterClass>>,
    query: RwSignal<String>,
    only_class: RwSignal<Option<i64>>,
) -> impl IntoView {
    let shown = move || {
        let all = classes.get();
        let total: usize = all.iter().map(|c| c.pupils.len()).sum();
        let shown: usize = shown_classes(&all, &query.get(), only_class.get())
            .into_iter()
            .map(|c| matching(c.pupils, &query.get()).len())
            .sum();
        crate::i18n::counts::pupils_shown(shown, total)
    };
    view! {
        <section class="card" aria-labelledby="find-pupils-title">
            <h2 id="find-pupils-title">{t(IdentityKey::FindPupilsTitle)}</h2>
            <div role="search" aria-labelledby="find-pupils-title" class="form-grid">
                <div class="field">
                    <label for="pupil-search">{t(IdentityKey::SearchPupil)}</label>
                    <input id="pupil-search" type="search" autocomplete="off"
                        on:input=move |ev| query.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="class-filter">{t(IdentityKey::ShowClass)}</label>
                    <select id="class-filter" on:change=move |ev| only_class.set(event_target_value(&ev).parse().ok())>
                        <option value="">{t(IdentityKey::AllClasses)}</option>
                        {move || classes.get().into_iter().map(|c| view! {
                            <option value=c.id.to_string()>{c.name}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <p role="status">{shown}</p>
        </section>
    }
}

/// One list out of the latest roster, which tells its readers only when that list changed.
fn roster_part<T>(latest: Memo<Loaded>, part: fn(Roster) -> Vec<T>) -> Memo<Vec<T>>
where
    T: PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| {
        latest
            .get()
            .and_then(Result::ok)
            .map(|(_, roster)| part(roster))
            .unwrap_or_default()
    })
}

/// What a pupil's row can do to the page: move the pupil, mark them as left, reload the roster.
#[derive(Clone, Copy)]
struct PupilActions {
    move_action: ServerAction<MovePupil>,
    left_action: ServerAction<MarkPupilLeft>,
    reload: Callback<()>,
}

/// One class with its pupils; a pupil's row is rebuilt only when that pupil changes.
#[component]
fn ClassSection(
    class: RosterClass,
    pupils: Signal<Vec<RosterPupil>>,
    others: Signal<Vec<(i64, String)>>,
    actions: PupilActions,
) -> impl IntoView {
    let heading_id = format!("class-{}", class.id);
    let labelled_by = heading_id.clone();
    view! {
        <section class="card roster-class" aria-labelledby=labelled_by>
            <h2 id=heading_id>{class.name.clone()}" ("{grade_name(class.grade)}")"</h2>
            <ul class="roster-pupils">
                <For each=move || pupils.get() key=|pupil| pupil.clone() let(pupil)>
                    <PupilRow pupil others actions />
                </For>
            </ul>
        </section>
    }
}

#[component]
fn PupilRow(
    pupil: RosterPupil,
    others: Signal<Vec<(i64, String)>>,
    actions: PupilActions,
) -> impl IntoView {
    let PupilActions {
        move_action,
        left_action,
        reload,
    } = actions;
    let select_id = format!("move-{}", pupil.id);
    let select = NodeRef::<leptos::html::Select>::new();
    let pupil_id = pupil.id;
    let name = pupil.name.clone();
    let move_pupil = {
        let name = name.clone();
        move |_| {
            let class_id = select.get().and_then(|s| s.value().parse::<i64>().ok());
            let Some(class_id) = class_id else { return };
            let class = others
                .get_untracked()
                .into_iter()
                .find(|(id, _)| *id == class_id)
                .map(|(_, n)| n)
                .unwrap_or_default();
            let name = name.clone();
            leptos::task::spawn_local(async move {
                if confirm_class_change(pupil_id, &name, Some((class_id, class))).await {
                    move_action.dispatch(MovePupil { pupil_id, class_id });
                }
            });
        }
    };
    let mark_left = {
        let name = name.clone();
        move |_| {
            let name = name.clone();
            leptos::task::spawn_local(async move {
                if confirm_class_change(pupil_id, &name, None).await {
                    left_action.dispatch(MarkPupilLeft { pupil_id });
                }
            });
        }
    };
    view! {
        <li class="roster-pupil">
            <p class="pupil-name">{pupil.name.clone()}</p>
            <super::access::GuardianAccess pupil_id pupil_name=name.clone() guardians=pupil.guardians.clone() on_changed=reload />
            <LinkGuardianForm pupil_id pupil_name=name.clone() on_saved=reload />
            <div class="pupil-actions">
                <label for=select_id.clone() class="visually-hidden">{crate::i18n::messages::new_class_for(&name)}</label>
                <select id=select_id node_ref=select>
                    {move || others.get().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                </select>
                <button type="button" aria-label=format!("{} {}", t(IdentityKey::MovePupil), name) on:click=move_pupil>
                    {t(IdentityKey::MovePupil)}
                </button>
                <a href=format!("{}/{pupil_id}", domain::paths::PUPIL_PACKAGE) download="" rel="external">
                    {crate::i18n::messages::download_package_of(&name)}
                </a>
                <button type="button" class="destructive" on:click=mark_left>
                    {crate::i18n::messages::mark_left(&name)}
                </button>
            </div>
        </li>
    }
}

/// This year's hold.
#[component]
fn Teams(teams: Vec<RosterTeam>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="teams-title">
            <h2 id="teams-title">{t(IdentityKey::TeamsTitle)}</h2>
            <ul class="plain-list">
                {teams.into_iter().map(|team| view! {
                    <li>
                        <a href=format!("{}/{}", domain::paths::TEAM, team.id) aria-label=crate::i18n::messages::open_team(&team.name)><strong>{team.name.clone()}</strong></a>
                        " ("{subject_name(team.subject)}", "{counts::pupils(team.pupil_count)}") – "
                        {team.teachers.join(", ")}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(id: i64, names: &[&str]) -> RosterClass {
        RosterClass {
            id,
            name: format!("{id}.A"),
            grade: 1,
            pupils: names
                .iter()
                .enumerate()
                .map(|(i, name)| RosterPupil {
                    id: id * 100 + i as i64,
                    name: (*name).to_owned(),
                    guardians: vec![],
                })
                .collect(),
        }
    }

    #[test]
    fn a_search_matches_any_part_of_a_name_in_any_case() {
        assert!(name_matches("Ida Jensen", " jens "));
        assert!(name_matches("Ida Jensen", ""));
        assert!(!name_matches("Ida Jensen", "Noah"));
    }

    #[test]
    fn only_the_chosen_class_and_while_searching_only_classes_with_a_match_are_shown() {
        let classes = [
            class(1, &["Ida Jensen", "Noah Hansen"]),
            class(5, &["Lucas Jensen"]),
        ];
        let ids = |shown: Vec<RosterClass>| shown.iter().map(|c| c.id).collect::<Vec<_>>();
        assert_eq!(ids(shown_classes(&classes, "", None)), [1, 5]);
        assert_eq!(ids(shown_classes(&classes, "", Some(5))), [5]);
        assert_eq!(ids(shown_classes(&classes, "noah", None)), [1]);
        assert_eq!(ids(shown_classes(&classes, "jensen", Some(1))), [1]);
        assert_eq!(ids(shown_classes(&classes, "zz", None)), Vec::<i64>::new());
        assert_eq!(matching(classes[0].pupils.clone(), "noah").len(), 1);
    }
}
