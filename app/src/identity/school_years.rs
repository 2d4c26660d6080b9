//! The school's years and their first and last day, set by the leader or the office.

use super::roster_forms::{Field, outcome};
use crate::components::input_value;
use crate::i18n::IdentityKey;
use crate::i18n::t;
use domain::AppError;
use domain::calendar::SchoolYear;
use leptos::html::Input;
use leptos::prelude::*;

#[server(endpoint = "school_years")]
pub async fn school_years() -> Result<Vec<SchoolYear>, AppError> {
    backend::identity::school_year::list(&crate::request_ctx()?).await
}

#[server(endpoint = "save_school_year")]
pub async fn save_school_year(
    start_year: i64,
    first_day: String,
    last_day: String,
) -> Result<(), AppError> {
    backend::identity::school_year::save(&crate::request_ctx()?, start_year, &first_day, &last_day)
        .await
}

/// Every year the school has, newest first; the current year and the next can be changed.
#[component]
pub fn SchoolYearsSection() -> impl IntoView {
    let years = LocalResource::new(school_years);
    view! {
        <section class="card" aria-labelledby="school-years-title">
            <h2 id="school-years-title">{t(IdentityKey::SchoolYearsTitle)}</h2>
            <p>{t(IdentityKey::SchoolYearsIntro)}</p>
            <crate::identity::shell::Loaded data=years let:years>
                {
                    let editable_from = years.iter().find(|y| y.current).map(|y| y.start_year);
                    view! {
                        <div class="form-grid">
                            {years.into_iter().map(|year| {
                                let editable = editable_from.is_some_and(|c| year.start_year >= c);
                                view! { <SchoolYearForm year editable /> }
                            }).collect_view()}
                        </div>
                    }
                }
            </crate::identity::shell::Loaded>
        </section>
    }
}

#[component]
fn SchoolYearForm(year: SchoolYear, editable: bool) -> impl IntoView {
    let action = ServerAction::<SaveSchoolYear>::new();
    let (first, last) = (NodeRef::<Input>::new(), NodeRef::<Input>::new());
    let name = year.name();
    let heading_id = format!("year-{}", year.start_year);
    let labelled_by = heading_id.clone();
    let start_year = i64::from(year.start_year);
    // Fill the date fields once they exist; the server's dates are the starting point.
    let (first_day, last_day) = (year.first_day.to_string(), year.last_day.to_string());
    Effect::new(move |_| {
        if let (Some(f), Some(l)) = (first.get(), last.get()) {
            f.set_value(&first_day);
            l.set_value(&last_day);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(SaveSchoolYear {
            start_year,
            first_day: input_value(first),
            last_day: input_value(last),
        });
    };
    let title = if year.current {
        format!("{name} ({})", t(IdentityKey::SchoolYearCurrent))
    } else {
        name.clone()
    };
    if !editable {
        return view! {
            <div class="card admin-form">
                <h3>{title}</h3>
                <p>{year.first_day.danish_with_year()}" – "{year.last_day.danish_with_year()}</p>
            </div>
        }
        .into_any();
    }
    view! {
        <form class="card admin-form" on:submit=submit novalidate=true aria-labelledby=labelled_by>
            <h3 id=heading_id>{title}</h3>
            {outcome(action)}
            <Field id=format!("first-day-{start_year}") label=format!("{} {name}", t(IdentityKey::FirstDayLabel)) field=first kind="date" />
            <Field id=format!("last-day-{start_year}") label=format!("{} {name}", t(IdentityKey::LastDayLabel)) field=last kind="date" />
            <button type="submit" class="primary">{crate::i18n::messages::save_school_year(&name)}</button>
        </form>
    }
    .into_any()
}
