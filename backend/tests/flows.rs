//! Flows across roles, on SQLite and PostgreSQL: what one role makes through the use cases its
//! screens call, the next role finds through theirs. Nothing under test is seeded; the demo
//! school only provides the people. Time is fixed per call (`RequestCtx::at_time`), so a week is
//! walked day by day in the school's own time zone.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::family::{self, calendar};
use backend::planning::plans;
use backend::pupil::{today, work};
use backend::{RequestCtx, clock, library, pupil_plan};
use common::{TestDb, as_user, as_user_at, seeded};
use domain::calendar::{DEFAULT_TIME_ZONE, Date, Weekday};
use domain::planning::{
    Audience, LibraryFilter, TaskIcon, TaskInput, TaskWhen, UnitInput, Variant,
};
use domain::pupil::{WorkKind, WorkUpload};
use domain::pupil_plan::{PlanEdit, PlanTexts};
use domain::school::Subject;

/// `hour`:00 on `day` at the school (Copenhagen), in unix seconds.
fn at(day: Date, hour: i64) -> i64 {
    clock::start_of_day(day, DEFAULT_TIME_ZONE) + hour * 3600
}

struct Week {
    anne: RequestCtx,
    unit: i64,
    monday: Date,
    pupils: Vec<(String, i64)>,
}

impl Week {
    fn pupil(&self, name: &str) -> i64 {
        self.pupils.iter().find(|(n, _)| n == name).unwrap().1
    }

    fn day(&self, weekday: Weekday) -> Date {
        self.monday
            .add_days(i64::from(weekday.number()) - 1)
            .unwrap()
    }
}

/// Anne's årsplan for dansk in 1.A with one forløb in week 38 of the school year the demo school
/// is in, made through the planning use cases; Anne acts on the Monday of that week.
async fn planned_week(t: &TestDb) -> Week {
    seeded(t).await;
    let now = as_user(t, "anne").await;
    let overview = plans::overview(&now).await.unwrap();
    let start: i32 = overview.school_year[..4].parse().unwrap();
    let monday = Date::monday_of_iso_week(start, 38).unwrap();
    let anne = as_user_at(t, "anne", at(monday, 8)).await;
    let team = overview
        .teams
        .iter()
        .find(|team| team.subject == Subject::Dansk && team.team_name.contains("1.A"))
        .unwrap();
    let plan = plans::create_year_plan(&anne, team.team_id, "Dansk")
        .await
        .unwrap();
    let unit = plans::create_unit(
        &anne,
        plan,
        &UnitInput {
            title: "Eventyr".into(),
            description: "Vi læser eventyr.".into(),
            first_week: monday,
            last_week: monday,
            materials: vec![],
        },
    )
    .await
    .unwrap();
    let pupils = plans::unit(&anne, unit)
        .await
        .unwrap()
        .pupils
        .into_iter()
        .map(|p| (p.name, p.id))
        .collect();
    Week {
        anne,
        unit,
        monday,
        pupils,
    }
}

fn task(title: &str, when: TaskWhen) -> TaskInput {
    TaskInput {
        title: title.into(),
        instruction: format!("{title}: sådan gør du."),
        icon: TaskIcon::Read,
        when,
        audience: Audience::Hold,
        pupils: vec![],
        easier: None,
        harder: None,
    }
}

fn titles(tasks: &[domain::pupil::TodayTask]) -> Vec<&str> {
    tasks.iter().map(|t| t.title.as_str()).collect()
}

async fn a_week_task_reaches_the_pupil_the_parent_the_digest_and_the_feed_on_every_day_of_its_week(
    t: TestDb,
) {
    let w = planned_week(&t).await;
    // The teacher picks the week by any of its days (the screen offers the week's Wednesday);
    // it is the week that counts.
    plans::create_task(
        &w.anne,
        w.unit,
        &task("Læs et eventyr", TaskWhen::Week(w.day(Weekday::Wednesday))),
    )
    .await
    .unwrap();
    plans::create_task(
        &w.anne,
        w.unit,
        &task("Tegn troldmanden", TaskWhen::Day(w.day(Weekday::Wednesday))),
    )
    .await
    .unwrap();
    let link = calendar::make_link(&as_user(&t, "mette").await, w.pupil("Ida Jensen"))
        .await
        .unwrap();
    let secret = link
        .trim_start_matches("/kalender/")
        .trim_end_matches(".ics")
        .to_owned();

    for weekday in Weekday::ALL {
        let day = w.day(weekday);
        let ten = at(day, 10);
        let ida = as_user_at(&t, "ida", ten).await;
        let seen = today::today_for_pupil(&ida).await.unwrap();
        assert_eq!(seen.date, day, "{weekday:?}");
        let mut expected = vec!["Læs et eventyr"];
        if weekday == Weekday::Wednesday {
            // The day's task first: it cannot wait.
            expected.insert(0, "Tegn troldmanden");
        }
        assert_eq!(titles(&seen.tasks), expected, "I dag on {weekday:?}");

        let mette = as_user_at(&t, "mette", ten).await;
        let week = family::child_week(&mette, w.pupil("Ida Jensen"))
            .await
            .unwrap();
        assert_eq!(week.monday, w.monday, "{weekday:?}");
        assert_eq!(
            titles(&week.tasks),
            ["Læs et eventyr", "Tegn troldmanden"],
            "the parent's week on {weekday:?}"
        );
        let digest = family::digest(&mette).await.unwrap();
        let child = digest
            .children
            .iter()
            .find(|c| c.name == "Ida Jensen")
            .unwrap();
        assert_eq!(
            titles(&child.tasks),
            ["Læs et eventyr", "Tegn troldmanden"],
            "the digest on {weekday:?}"
        );
        let feed = calendar::feed(&t.db, &secret, ten).await.unwrap();
        for title in ["Læs et eventyr", "Tegn troldmanden"] {
            assert!(
                feed.contains(&format!("SUMMARY:{title}\r\n")),
                "the feed on {weekday:?} lacks {title}"
            );
        }
    }

    // The school's Sunday ends at its own midnight (summer time in week 38: 22:00 UTC).
    let sunday = w.day(Weekday::Sunday);
    let late = as_user_at(&t, "ida", at(sunday, 23) + 30 * 60).await;
    assert_eq!(
        titles(&today::today_for_pupil(&late).await.unwrap().tasks),
        ["Læs et eventyr"]
    );
    let next_monday = w.monday.add_days(7).unwrap();
    let after = as_user_at(&t, "ida", at(next_monday, 0) + 30 * 60).await;
    let seen = today::today_for_pupil(&after).await.unwrap();
    assert_eq!(seen.date, next_monday);
    assert!(seen.tasks.is_empty(), "{:?}", titles(&seen.tasks));
}

async fn differentiated_tasks_reach_each_pupil_in_their_own_version_and_no_one_else(t: TestDb) {
    let w = planned_week(&t).await;
    let (ida, noah) = (w.pupil("Ida Jensen"), w.pupil("Noah Hansen"));
    let wednesday = w.day(Weekday::Wednesday);
    plans::create_task(
        &w.anne,
        w.unit,
        &TaskInput {
            audience: Audience::Group("Læsegruppen".into()),
            pupils: vec![(ida, Variant::Standard), (noah, Variant::Standard)],
            ..task("Læs højt for hinanden", TaskWhen::Day(wednesday))
        },
    )
    .await
    .unwrap();
    plans::create_task(
        &w.anne,
        w.unit,
        &TaskInput {
            audience: Audience::Pupils,
            pupils: vec![(ida, Variant::Harder), (noah, Variant::Easier)],
            easier: Some("Find tre rim.".into()),
            harder: Some("Skriv dit eget rim.".into()),
            ..task("Rim", TaskWhen::Week(w.monday))
        },
    )
    .await
    .unwrap();
    let ten = at(wednesday, 10);
    let day_of = |who: &'static str| {
        let t = &t;
        async move {
            today::today_for_pupil(&as_user_at(t, who, ten).await)
                .await
                .unwrap()
        }
    };
    let idas = day_of("ida").await;
    assert_eq!(titles(&idas.tasks), ["Læs højt for hinanden", "Rim"]);
    assert_eq!(idas.tasks[1].instruction, "Skriv dit eget rim.");
    let noahs = day_of("noah").await;
    assert_eq!(noahs.tasks[1].instruction, "Find tre rim.");
    assert!(
        day_of("freja").await.tasks.is_empty(),
        "Freja is in neither the group nor the named pupils"
    );
    let mette = as_user_at(&t, "mette", ten).await;
    let week = family::child_week(&mette, ida).await.unwrap();
    let rim = week.tasks.iter().find(|t| t.title == "Rim").unwrap();
    assert_eq!(
        rim.instruction, "Skriv dit eget rim.",
        "the parent sees Ida's version"
    );
}

async fn a_published_elevplan_reaches_the_pupil_and_the_parent_and_no_other_family(t: TestDb) {
    let w = planned_week(&t).await;
    let ida = w.pupil("Ida Jensen");
    let plan = pupil_plan::start_plan(&w.anne, ida, Some(Subject::Dansk))
        .await
        .unwrap();
    let version = pupil_plan::save_plan(
        &w.anne,
        &PlanEdit {
            plan_id: plan,
            version: 1,
            texts: PlanTexts {
                status: "Ida læser små bøger selv.".into(),
                ..Default::default()
            },
            receives_support: false,
            goal_ids: vec![],
            voice: None,
        },
    )
    .await
    .unwrap();
    // Before publication nobody outside the school sees a draft.
    let mette = as_user(&t, "mette").await;
    assert!(
        pupil_plan::collected_plan(&mette, ida)
            .await
            .unwrap()
            .plans
            .is_empty()
    );
    pupil_plan::publish_plan(&w.anne, plan, version)
        .await
        .unwrap();
    for who in ["mette", "ida"] {
        let read = pupil_plan::collected_plan(&as_user(&t, who).await, ida)
            .await
            .unwrap();
        assert_eq!(read.plans.len(), 1, "{who}");
        assert_eq!(
            read.plans[0].newest.texts.status, "Ida læser små bøger selv.",
            "{who}"
        );
        assert_eq!(read.plans[0].newest.published_by, "Anne Holm", "{who}");
    }
    for who in ["maria", "noah"] {
        assert!(
            pupil_plan::collected_plan(&as_user(&t, who).await, ida)
                .await
                .is_err(),
            "{who}"
        );
    }
}

async fn work_a_pupil_shares_reaches_their_parent_and_only_once_shared(t: TestDb) {
    let w = planned_week(&t).await;
    let ida_id = w.pupil("Ida Jensen");
    let ida = as_user(&t, "ida").await;
    let item = work::add_work(
        &ida,
        &WorkUpload {
            client_key: "flow-0001-abcd".into(),
            kind: WorkKind::Text,
            task_id: None,
            goal_id: None,
            text: "Jeg læste om en trold.".into(),
            content_type: None,
            data_base64: None,
        },
    )
    .await
    .unwrap();
    let mette = as_user(&t, "mette").await;
    let shared = |week: domain::family::ChildWeek| {
        week.shared_work
            .into_iter()
            .map(|w| w.text)
            .collect::<Vec<_>>()
    };
    assert!(shared(family::child_week(&mette, ida_id).await.unwrap()).is_empty());
    work::share_work(&ida, item, true).await.unwrap();
    assert_eq!(
        shared(family::child_week(&mette, ida_id).await.unwrap()),
        ["Jeg læste om en trold."]
    );
}

async fn a_shared_forloeb_reaches_a_colleagues_library(t: TestDb) {
    let w = planned_week(&t).await;
    let bo = as_user(&t, "bo").await;
    let filter = LibraryFilter {
        subject: Some(Subject::Dansk),
        grade: None,
        goal: String::new(),
        author_id: None,
        words: "Eventyr".into(),
    };
    let found =
        |page: domain::planning::LibraryPage| page.entries.iter().any(|e| e.unit_id == w.unit);
    assert!(!found(library::search(&bo, &filter).await.unwrap()));
    plans::share_unit(&w.anne, w.unit, true).await.unwrap();
    assert!(found(library::search(&bo, &filter).await.unwrap()));
    let preview = library::preview(&bo, w.unit).await.unwrap();
    assert_eq!(preview.title, "Eventyr");
}

on_both_databases!(
    a_week_task_reaches_the_pupil_the_parent_the_digest_and_the_feed_on_every_day_of_its_week,
    differentiated_tasks_reach_each_pupil_in_their_own_version_and_no_one_else,
    a_published_elevplan_reaches_the_pupil_and_the_parent_and_no_other_family,
    work_a_pupil_shares_reaches_their_parent_and_only_once_shared,
    a_shared_forloeb_reaches_a_colleagues_library,
);
