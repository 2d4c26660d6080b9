//! The årsplan as a timeline of the school's weeks: holidays shaded and named, each forløb a
//! block the teacher moves and resizes by week. A block is three sliders (the WAI-ARIA
//! multi-thumb pattern with a draggable middle): its body moves it, its ends move its first and
//! last week, each by arrow keys or by dragging. For people who cannot drag (WCAG 2.5.7) a
//! selected block also has four buttons. Every change is saved from the version read a moment
//! after the last key or on release, so a colleague's save in between conflicts.

use super::api::ScheduleUnit;
use crate::components::ErrorNote;
use crate::i18n::messages;
use crate::i18n::{PlanningKey, holiday_name, t};
use crate::paths;
use domain::calendar::Date;
use domain::planning::{PlanWeek, UnitSummary, YearPlan};
use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::components::A;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// The weeks a forløb runs, as indices into the plan's weeks (both included).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) first: usize,
    pub(crate) last: usize,
}

/// What a slider of a block moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Whole,
    First,
    Last,
}

impl Span {
    /// `part` moved by `by` weeks in a year of `weeks` weeks, stopping at the year's ends and
    /// never turning the span around.
    pub(crate) fn moved(self, part: Part, by: isize, weeks: usize) -> Span {
        let top = weeks.saturating_sub(1);
        let shift = |at: usize, low: usize, high: usize| {
            at.saturating_add_signed(by).clamp(low, high.max(low))
        };
        match part {
            Part::Whole => {
                let length = self.last - self.first;
                let first = shift(self.first, 0, top.saturating_sub(length));
                Span {
                    first,
                    last: first + length,
                }
            }
            Part::First => Span {
                first: shift(self.first, 0, self.last),
                ..self
            },
            Part::Last => Span {
                last: shift(self.last, self.first, top),
                ..self
            },
        }
    }

    /// The span after a key on one of its sliders, or `None` for a key sliders do not use.
    /// Home and End go as far as the slider goes; Page keys move four weeks, about a month.
    pub(crate) fn keyed(self, part: Part, key: &str, weeks: usize) -> Option<Span> {
        let by = match key {
            "ArrowLeft" | "ArrowDown" => -1,
            "ArrowRight" | "ArrowUp" => 1,
            "PageDown" => -4,
            "PageUp" => 4,
            "Home" => -(weeks as isize),
            "End" => weeks as isize,
            _ => return None,
        };
        Some(self.moved(part, by, weeks))
    }

    fn of(unit: &UnitSummary, weeks: &[PlanWeek]) -> Span {
        let index = |monday: Date| {
            weeks
                .iter()
                .position(|w| w.monday >= monday)
                .unwrap_or(weeks.len().saturating_sub(1))
        };
        let first = index(unit.first_week);
        Span {
            first,
            last: index(unit.last_week).max(first),
        }
    }
}

fn weeks_text(weeks: &[PlanWeek], span: Span) -> String {
    let number = |i: usize| weeks.get(i).map_or(0, |w| w.week);
    messages::weeks_value(number(span.first), number(span.last))
}

/// One forløb on the timeline: where it is now, what was last saved, and its save.
#[derive(Clone, Copy)]
struct Lane {
    id: i64,
    title: StoredValue<String>,
    span: RwSignal<Span>,
    saved: RwSignal<Span>,
    version: RwSignal<i64>,
    sending: StoredValue<Option<Span>>,
    generation: StoredValue<u32>,
    save: ServerAction<ScheduleUnit>,
    error: RwSignal<Option<domain::AppError>>,
}

impl Lane {
    fn new(unit: &UnitSummary, weeks: &[PlanWeek]) -> Self {
        let span = Span::of(unit, weeks);
        Lane {
            id: unit.id,
            title: StoredValue::new(unit.title.clone()),
            span: RwSignal::new(span),
            saved: RwSignal::new(span),
            version: RwSignal::new(unit.version),
            sending: StoredValue::new(None),
            generation: StoredValue::new(0),
            save: ServerAction::new(),
            error: RwSignal::new(None),
        }
    }

    /// Sends the span if it differs from the saved one and no save is under way (the one under
    /// way sends again when it lands).
    fn send(self, weeks: StoredValue<Vec<PlanWeek>>) {
        let span = self.span.get_untracked();
        if span == self.saved.get_untracked() || self.save.pending().get_untracked() {
            return;
        }
        let monday = |i: usize| weeks.with_value(|w| w.get(i).map(|w| w.monday));
        let (Some(first_week), Some(last_week)) = (monday(span.first), monday(span.last)) else {
            return;
        };
        self.sending.set_value(Some(span));
        self.save.dispatch(ScheduleUnit {
            unit_id: self.id,
            version: self.version.get_untracked(),
            first_week,
            last_week,
        });
    }

    /// Sends once the keys have rested for a moment, so holding an arrow key saves once.
    fn send_soon(self, weeks: StoredValue<Vec<PlanWeek>>) {
        self.generation.update_value(|g| *g = g.wrapping_add(1));
        let mine = self.generation.get_value();
        set_timeout(
            move || {
                if self.generation.get_value() == mine {
                    self.send(weeks);
                }
            },
            Duration::from_millis(500),
        );
    }

    fn set(self, span: Span, weeks: StoredValue<Vec<PlanWeek>>) {
        self.error.set(None);
        self.span.set(span);
        self.send_soon(weeks);
    }
}

#[component]
pub fn Timeline(plan: YearPlan) -> impl IntoView {
    let count = plan.weeks.len();
    let weeks = StoredValue::new(plan.weeks.clone());
    let lanes: Vec<Lane> = plan
        .units
        .iter()
        .map(|u| Lane::new(u, &plan.weeks))
        .collect();
    let status = RwSignal::new(String::new());
    let selected = RwSignal::new(None::<Lane>);
    for lane in lanes.iter().copied() {
        Effect::new(move |_| match lane.save.value().get() {
            Some(Ok(version)) => {
                lane.version.set(version);
                if let Some(sent) = lane.sending.get_value() {
                    lane.saved.set(sent);
                    let text = weeks.with_value(|w| weeks_text(w, sent));
                    status.set(messages::unit_placed(&lane.title.get_value(), &text));
                }
                lane.send(weeks);
            }
            Some(Err(e)) => {
                lane.span.set(lane.saved.get_untracked());
                lane.error.set(Some(e));
            }
            None => {}
        });
    }
    let grid = NodeRef::<Div>::new();
    let holidays = holiday_lines(&plan);
    let summer = messages::summer_from(
        &plan
            .last_day
            .add_days(1)
            .unwrap_or(plan.last_day)
            .danish_long(),
    );
    view! {
        <section class="card" aria-labelledby="weeks-title">
            <h2 id="weeks-title">{t(PlanningKey::WeekByWeek)}</h2>
            <p class="hint" id="timeline-hint">{t(PlanningKey::TimelineHint)}</p>
            // Focusable itself, so the keyboard scrolls it even before there is a forløb in it.
            <div class="year-timeline-wrap" role="region" aria-label=t(PlanningKey::TimelineScroll) tabindex="0">
                <div class="year-timeline" node_ref=grid style=format!("--weeks: {count}")>
                    <ol class="tl-weeks" aria-label=t(PlanningKey::SchoolWeeks)>
                        {plan.weeks.iter().map(|w| {
                            let off = w.school_days == 0;
                            let said = match w.holiday {
                                Some(kind) => messages::week_with_holiday(w.week, holiday_name(kind)),
                                None => messages::week_value(w.week),
                            };
                            view! {
                                <li class="tl-week" class:off=off class:holiday=w.holiday.is_some()>
                                    <span aria-hidden="true">{w.week}</span>
                                    <span class="visually-hidden">{said}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                    {lanes.iter().copied().map(|lane| view! {
                        <LaneRow lane weeks count grid selected />
                    }).collect_view()}
                </div>
            </div>
            <p class="visually-hidden" role="status">{move || status.get()}</p>
            <ChosenUnit selected weeks count />
            <h3>{t(PlanningKey::HolidaysOfYear)}</h3>
            <ul class="plain-list tl-holidays">
                {holidays.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                <li>{summer}</li>
            </ul>
        </section>
    }
}

/// "Efterårsferie: uge 42" for every holiday that takes a week of the plan.
fn holiday_lines(plan: &YearPlan) -> Vec<String> {
    let mut lines = Vec::new();
    for kind in domain::school_year::HolidayKind::ALL {
        let numbers: Vec<u8> = plan
            .weeks
            .iter()
            .filter(|w| w.holiday == Some(kind))
            .map(|w| w.week)
            .collect();
        if let (Some(first), Some(last)) = (numbers.first(), numbers.last()) {
            lines.push(messages::holiday_weeks(
                holiday_name(kind),
                &messages::weeks_value(*first, *last),
            ));
        }
    }
    lines
}

#[component]
fn LaneRow(
    lane: Lane,
    weeks: StoredValue<Vec<PlanWeek>>,
    count: usize,
    grid: NodeRef<Div>,
    selected: RwSignal<Option<Lane>>,
) -> impl IntoView {
    let title = lane.title.get_value();
    let text = move || weeks.with_value(|w| weeks_text(w, lane.span.get()));
    let week_of = move |i: usize| weeks.with_value(|w| w.get(i).map_or(0, |w| w.week));
    let placed = move || {
        let s = lane.span.get();
        format!(
            "grid-column: {} / span {}",
            s.first + 1,
            s.last - s.first + 1
        )
    };
    // Dragging: where the pointer went down and the span then; moves go by whole weeks.
    let drag = StoredValue::new(None::<(f64, Span)>);
    let week_width = move || {
        grid.get_untracked()
            .map(|g| g.get_bounding_client_rect().width() / count.max(1) as f64)
            .filter(|w| *w > 0.0)
            .unwrap_or(28.0)
    };
    let down = move |ev: leptos::ev::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        if let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        drag.set_value(Some((f64::from(ev.client_x()), lane.span.get_untracked())));
        selected.set(Some(lane));
    };
    let dragged = move |part: Part| {
        move |ev: leptos::ev::PointerEvent| {
            if let Some((x, from)) = drag.get_value() {
                let by = ((f64::from(ev.client_x()) - x) / week_width()).round() as isize;
                lane.error.set(None);
                lane.span.set(from.moved(part, by, count));
            }
        }
    };
    let up = move |_: leptos::ev::PointerEvent| {
        if drag.get_value().is_some() {
            drag.set_value(None);
            lane.send(weeks);
        }
    };
    let key = move |part: Part| {
        move |ev: leptos::ev::KeyboardEvent| {
            if let Some(span) = lane.span.get_untracked().keyed(part, &ev.key(), count) {
                ev.prevent_default();
                selected.set(Some(lane));
                lane.set(span, weeks);
            }
        }
    };
    let slider = move |part: Part, name: String| {
        let (now, min, max, value) = match part {
            Part::Whole => (
                Signal::derive(move || lane.span.get().first + 1),
                Signal::derive(|| 1),
                Signal::derive(move || {
                    let s = lane.span.get();
                    count - (s.last - s.first)
                }),
                Signal::derive(text),
            ),
            Part::First => (
                Signal::derive(move || lane.span.get().first + 1),
                Signal::derive(|| 1),
                Signal::derive(move || lane.span.get().last + 1),
                Signal::derive(move || messages::week_value(week_of(lane.span.get().first))),
            ),
            Part::Last => (
                Signal::derive(move || lane.span.get().last + 1),
                Signal::derive(move || lane.span.get().first + 1),
                Signal::derive(move || count),
                Signal::derive(move || messages::week_value(week_of(lane.span.get().last))),
            ),
        };
        let class = match part {
            Part::Whole => "tl-body",
            Part::First => "tl-end tl-first",
            Part::Last => "tl-end tl-last",
        };
        let shown = (part == Part::Whole).then(|| lane.title.get_value());
        view! {
            <div role="slider" tabindex="0" class=class aria-label=name
                aria-describedby="timeline-hint"
                aria-valuenow=move || now.get() aria-valuemin=move || min.get() aria-valuemax=move || max.get()
                aria-valuetext=move || value.get()
                on:keydown=key(part) on:pointerdown=down on:pointermove=dragged(part)
                on:pointerup=up on:pointercancel=up>
                {shown}
            </div>
        }
    };
    view! {
        <div class="tl-lane" class:chosen=move || selected.get().is_some_and(|s| s.id == lane.id)>
            <div class="tl-block" style=placed>
                {slider(Part::Whole, messages::move_unit(&title))}
                {slider(Part::First, messages::unit_first_week(&title))}
                {slider(Part::Last, messages::unit_last_week(&title))}
            </div>
        </div>
    }
}

/// The selected forløb with buttons that move it a week at a time, and its error if a save
/// was refused.
#[component]
fn ChosenUnit(
    selected: RwSignal<Option<Lane>>,
    weeks: StoredValue<Vec<PlanWeek>>,
    count: usize,
) -> impl IntoView {
    move || match selected.get() {
        None => view! { <p class="hint">{t(PlanningKey::ChooseUnitHint)}</p> }.into_any(),
        Some(lane) => {
            let title = lane.title.get_value();
            let open = messages::open_unit(&title);
            let step = move |part: Part, by: isize| {
                move |_| lane.set(lane.span.get_untracked().moved(part, by, count), weeks)
            };
            view! {
                <div class="tl-chosen" role="group" aria-label=title>
                    <p>
                        <A href=format!("{}/{}", paths::UNIT, lane.id)>{open}</A>
                        " · "{move || weeks.with_value(|w| weeks_text(w, lane.span.get()))}
                    </p>
                    {move || lane.error.get().map(|e| view! { <ErrorNote error=e /> })}
                    <div class="button-row">
                        <button type="button" on:click=step(Part::Whole, -1)>{t(PlanningKey::Earlier)}</button>
                        <button type="button" on:click=step(Part::Whole, 1)>{t(PlanningKey::Later)}</button>
                        <button type="button" on:click=step(Part::Last, -1)>{t(PlanningKey::Shorter)}</button>
                        <button type="button" on:click=step(Part::Last, 1)>{t(PlanningKey::Longer)}</button>
                    </div>
                </div>
            }
            .into_any()
        }
    }
}

/// The weeks a new forløb is proposed: four school weeks from the first school week that is
/// neither past nor taken by the plan's last forløb (or the year's first school week, planning
/// ahead in the summer), so the usual next unit needs no choosing.
pub(super) fn next_free_weeks(plan: &YearPlan) -> (Date, Date) {
    let weeks = &plan.weeks;
    let after_units = plan
        .units
        .iter()
        .map(|u| u.last_week)
        .max()
        .and_then(|last| weeks.iter().position(|w| w.monday > last))
        .unwrap_or(0);
    let from_now = weeks
        .iter()
        .position(|w| w.monday >= plan.this_week)
        .unwrap_or(0);
    let after = after_units.max(from_now);
    let school = |from: usize| (from..weeks.len()).find(|&i| weeks[i].school_days > 0);
    let first = school(after).or_else(|| school(0)).unwrap_or(0);
    let last = (first..weeks.len())
        .filter(|&i| weeks[i].school_days > 0)
        .nth(3)
        .unwrap_or(weeks.len().saturating_sub(1))
        .max(first);
    let monday = |i: usize| weeks.get(i).map(|w| w.monday);
    let fallback = plan.this_week;
    (
        monday(first).unwrap_or(fallback),
        monday(last).unwrap_or(fallback),
    )
}

/// A choice of one of the school year's weeks, each named by number, Monday and holiday.
#[component]
pub(super) fn WeekChoice(
    id: &'static str,
    label: &'static str,
    weeks: Vec<PlanWeek>,
    chosen: Date,
    field: NodeRef<leptos::html::Select>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id node_ref=field>
                {weeks.into_iter().map(|w| {
                    let name = messages::week_choice(
                        w.week,
                        &w.monday.danish_day_month(),
                        w.holiday.map(holiday_name),
                    );
                    view! { <option value=w.monday.to_string() selected=w.monday == chosen>{name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPAN: Span = Span { first: 3, last: 5 };

    fn d(text: &str) -> Date {
        Date::parse(text, domain::Field::Date).unwrap()
    }

    /// An autumn of 2026 from week 33, with week 42 off, and forløb ending in the given weeks.
    fn plan(this_week: &str, unit_ends: &[&str]) -> YearPlan {
        let weeks = (0..20)
            .map(|i| {
                let monday = d("2026-08-10").add_days(7 * i).unwrap();
                PlanWeek {
                    week: monday.iso_week().week,
                    monday,
                    unit_ids: vec![],
                    school_days: if monday.iso_week().week == 42 { 0 } else { 5 },
                    holiday: None,
                }
            })
            .collect();
        let units = unit_ends
            .iter()
            .enumerate()
            .map(|(i, end)| UnitSummary {
                id: i as i64,
                title: String::new(),
                first_week: d("2026-08-10"),
                last_week: d(end),
                goal_count: 0,
                task_count: 0,
                shared: false,
                version: 1,
            })
            .collect();
        YearPlan {
            id: 1,
            team_id: 1,
            team_name: String::new(),
            subject: domain::school::Subject::Dansk,
            school_year: "2026/27".into(),
            title: String::new(),
            version: 1,
            units,
            archived_units: vec![],
            weeks,
            last_day: d("2027-06-25"),
            this_week: d(this_week),
            coverage: vec![],
        }
    }

    #[test]
    fn a_new_forlob_is_proposed_for_four_school_weeks_from_now_or_after_the_last_one() {
        // Nothing planned yet, in week 37: weeks 37–40.
        assert_eq!(
            next_free_weeks(&plan("2026-09-07", &[])),
            (d("2026-09-07"), d("2026-09-28"))
        );
        // A forløb runs to week 40: 41, then 43–45 around the week off.
        assert_eq!(
            next_free_weeks(&plan("2026-09-07", &["2026-09-28"])),
            (d("2026-10-05"), d("2026-11-02"))
        );
        // Planning in the summer holidays: from the year's first week.
        assert_eq!(
            next_free_weeks(&plan("2026-07-06", &[])),
            (d("2026-08-10"), d("2026-08-31"))
        );
    }

    #[test]
    fn moving_the_whole_forlob_keeps_its_length_and_stops_at_the_years_ends() {
        assert_eq!(SPAN.moved(Part::Whole, 1, 40), Span { first: 4, last: 6 });
        assert_eq!(SPAN.moved(Part::Whole, -10, 40), Span { first: 0, last: 2 });
        assert_eq!(
            SPAN.moved(Part::Whole, 100, 40),
            Span {
                first: 37,
                last: 39
            }
        );
    }

    #[test]
    fn an_end_moves_alone_and_never_past_the_other() {
        assert_eq!(SPAN.moved(Part::Last, 2, 40), Span { first: 3, last: 7 });
        assert_eq!(SPAN.moved(Part::Last, -9, 40), Span { first: 3, last: 3 });
        assert_eq!(SPAN.moved(Part::First, 9, 40), Span { first: 5, last: 5 });
        assert_eq!(SPAN.moved(Part::First, -9, 40), Span { first: 0, last: 5 });
    }

    #[test]
    fn keys_move_a_week_a_month_or_to_the_end_and_other_keys_are_left_alone() {
        assert_eq!(
            SPAN.keyed(Part::Whole, "ArrowRight", 40),
            Some(Span { first: 4, last: 6 })
        );
        assert_eq!(
            SPAN.keyed(Part::Whole, "ArrowDown", 40),
            Some(Span { first: 2, last: 4 })
        );
        assert_eq!(
            SPAN.keyed(Part::Last, "PageUp", 40),
            Some(Span { first: 3, last: 9 })
        );
        assert_eq!(
            SPAN.keyed(Part::First, "Home", 40),
            Some(Span { first: 0, last: 5 })
        );
        assert_eq!(
            SPAN.keyed(Part::Whole, "End", 40),
            Some(Span {
                first: 37,
                last: 39
            })
        );
        assert_eq!(SPAN.keyed(Part::Whole, "Tab", 40), None);
        assert_eq!(SPAN.keyed(Part::Whole, "a", 40), None);
    }
}
