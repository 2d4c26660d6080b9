//! The school's years and their first and last day, set by the leader or the office.

use super::roster_forms::{Field, outcome};
use crate::components::input_value;
use crate::i18n::IdentityKey;
use crate::i18n::t;
use domain::AppError;
use domain::school_year::SchoolYear;
use domain::school_year::{Holiday, HolidayInput, HolidayKind};
use leptos::html::Input;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "school_years")]
pub async fn school_years() -> Result<Vec<SchoolYear>, AppError> {
    backend::identity::school_year::list(&crate::request_ctx()?).await
}

#[server(endpoint = "save_school_year", input = Json)]
pub async fn save_school_year(
    start_year: i64,
    version: i64,
    first_day: String,
    last_day: String,
    holidays: Vec<HolidayInput>,
) -> Result<i64, AppError> {
    backend::identity::school_year::save(
        &crate::request_ctx()?,
        start_year,
        version,
        &first_day,
        &last_day,
        &holidays,
    )
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
    // Saving again after a save starts from the version that save wrote.
    let version = RwSignal::new(year.version);
    Effect::new(move |_| {
        if let Some(Ok(next)) = action.value().get() {
            version.set(next);
        }
    });
    // Fill the date fields once they exist; the server's dates are the starting point.
    let (first_day, last_day) = (year.first_day.to_string(), year.last_day.to_string());
    Effect::new(move |_| {
        if let (Some(f), Some(l)) = (first.get(), last.get()) {
            f.set_value(&first_day);
            l.set_value(&last_day);
        }
    });
    let holidays: Vec<(HolidayKind, NodeRef<Input>, NodeRef<Input>)> = HolidayKind::ALL
        .into_iter()
        .map(|kind| (kind, NodeRef::new(), NodeRef::new()))
        .collect();
    let read_holidays = holidays.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(SaveSchoolYear {
            start_year,
            version: version.get_untracked(),
            first_day: input_value(first),
            last_day: input_value(last),
            holidays: read_holidays
                .iter()
                .map(|(kind, from, to)| HolidayInput {
                    kind: *kind,
                    first_day: input_value(*from),
                    last_day: input_value(*to),
                })
                .collect(),
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
    let proposed = (!year.holidays_set)
        .then(|| view! { <p class="hint">{t(IdentityKey::HolidaysProposed)}</p> });
    view! {
        <form class="card admin-form" on:submit=submit novalidate=true aria-labelledby=labelled_by>
            <h3 id=heading_id>{title}</h3>
            {outcome(action)}
            <Field id=format!("first-day-{start_year}") label=format!("{} {name}", t(IdentityKey::FirstDayLabel)) field=first kind="date" />
            <Field id=format!("last-day-{start_year}") label=format!("{} {name}", t(IdentityKey::LastDayLabel)) field=last kind="date" />
            <p class="hint">{t(IdentityKey::HolidaysHint)}</p>
            {proposed}
            {holidays.into_iter().map(|(kind, from, to)| {
                let stored = year.holidays.iter().find(|h| h.kind == kind).copied();
                view! { <HolidayFields kind year_name=name.clone() stored from to /> }
            }).collect_view()}
            <button type="submit" class="primary">{crate::i18n::messages::save_school_year(&name)}</button>
        </form>
    }
    .into_any()
}

/// One holiday's two dates, grouped under its name and year.
#[component]
fn HolidayFields(
    kind: HolidayKind,
    year_name: String,
    stored: Option<Holiday>,
    from: NodeRef<Input>,
    to: NodeRef<Input>,
) -> impl IntoView {
    let id = format!("{kind:?}-{}", year_name.replace('/', "-")).to_lowercase();
    Effect::new(move |_| {
        if let (Some(f), Some(l), Some(h)) = (from.get(), to.get(), stored) {
            f.set_value(&h.first_day.to_string());
            l.set_value(&h.last_day.to_string());
        }
    });
    view! {
        <fieldset class="holiday">
            <legend>{crate::i18n::messages::holiday_in_year(kind, &year_name)}</legend>
            <Field id=format!("{id}-from") label=t(IdentityKey::HolidayFirstDay).to_owned() field=from kind="date" />
            <Field id=format!("{id}-to") label=t(IdentityKey::HolidayLastDay).to_owned() field=to kind="date" />
        </fieldset>
    }
}
