//! Teachers' answers to pupils, on SQLite and on PostgreSQL: the teacher answers a piece of work
//! or a task in words, with their voice or a sticker; the pupil finds each answer on the task and
//! with the work, marked new until they have had it on a screen; the family sees the answers meant
//! for them, with work the child shared; everyone else is refused.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::pupil::{today, work};
use backend::returns::{self, feedback};
use common::{TestDb, as_user, dansk_forloeb, neighbour_school_with_ida, task_with_idas_photo};
use domain::feedback::{FeedbackBody, FeedbackInput, FeedbackOn, FeedbackUpload, Sticker};
use domain::{AppError, ErrorCode, Field};

/// The first bytes of a WebM file, as Chromium's MediaRecorder makes it.
const WEBM: &[u8] = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01 rest of a recording";

fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn on_work(item_id: i64, body: FeedbackUpload, for_family: bool) -> FeedbackInput {
    FeedbackInput {
        on: FeedbackOn::Work { item_id },
        body,
        for_family,
    }
}

fn on_task(task_id: i64, pupil_id: i64, body: FeedbackUpload) -> FeedbackInput {
    FeedbackInput {
        on: FeedbackOn::Task { task_id, pupil_id },
        body,
        for_family: false,
    }
}

fn voice() -> FeedbackUpload {
    FeedbackUpload::Voice {
        content_type: "audio/webm;codecs=opus".into(),
        data_base64: b64(WEBM),
    }
}

async fn id_of(t: &TestDb, who: &str) -> i64 {
    backend::identity::me(&as_user(t, who).await)
        .await
        .unwrap()
        .id
}

async fn a_teacher_answers_work_and_tasks_and_each_pupil_finds_their_answers_marked_new(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let (task, photo) = task_with_idas_photo(&t, &f).await;
    let noah = id_of(&t, "noah").await;

    // Anne answers Ida's photo with a sticker and her voice, and Noah, who handed nothing in,
    // on the task with words.
    let star = feedback::give_feedback(
        &f.anne,
        &on_work(photo, FeedbackUpload::Sticker(Sticker::Star), false),
    )
    .await
    .unwrap();
    assert_eq!(star.body, FeedbackBody::Sticker(Sticker::Star));
    assert_eq!(star.author, "Anne Holm");
    let spoken = feedback::give_feedback(&f.anne, &on_work(photo, voice(), false))
        .await
        .unwrap();
    let FeedbackBody::Voice { url } = &spoken.body else {
        panic!("a voice answer: {spoken:?}");
    };
    let words = feedback::give_feedback(
        &f.anne,
        &on_task(
            task,
            noah,
            FeedbackUpload::Text("  Husk at tegne.  ".into()),
        ),
    )
    .await
    .unwrap();
    assert_eq!(words.body, FeedbackBody::Text("Husk at tegne.".into()));

    // The task's screen shows each answer where it was given.
    let seen = returns::task_returns(&f.anne, task).await.unwrap();
    let row = |name: &str| seen.pupils.iter().find(|p| p.name == name).unwrap();
    assert_eq!(
        row("Ida Jensen").work[0].feedback,
        [spoken.clone(), star.clone()]
    );
    assert!(row("Ida Jensen").feedback.is_empty());
    assert_eq!(row("Noah Hansen").feedback, std::slice::from_ref(&words));

    // Ida finds both on her task in I dag, new, and hears the recording.
    let ida = as_user(&t, "ida").await;
    let day = today::today_for_pupil(&ida).await.unwrap();
    let mine = day.tasks.iter().find(|x| x.id == task).unwrap();
    assert_eq!(mine.feedback.len(), 2);
    assert!(mine.feedback.iter().all(|a| a.new));
    let id: i64 = url.trim_start_matches("/svar/").parse().unwrap();
    let (content_type, bytes) = feedback::feedback_file(&ida, id).await.unwrap();
    assert_eq!(
        (content_type.as_str(), bytes.as_slice()),
        ("audio/webm;codecs=opus", WEBM)
    );
    // And with the photo in Mit arbejde.
    let items = work::my_work(&ida).await.unwrap();
    assert_eq!(items[0].feedback.len(), 2);

    // Once they were on her screen they are no longer new; Noah's answer is not hers to mark.
    let ids: Vec<i64> = mine.feedback.iter().map(|a| a.id).collect();
    feedback::saw_feedback(&ida, &[ids.clone(), vec![words.id]].concat())
        .await
        .unwrap();
    let day = today::today_for_pupil(&ida).await.unwrap();
    let mine = day.tasks.iter().find(|x| x.id == task).unwrap();
    assert!(mine.feedback.iter().all(|a| !a.new));
    let noahs = today::today_for_pupil(&as_user(&t, "noah").await)
        .await
        .unwrap();
    let noahs = noahs.tasks.iter().find(|x| x.id == task).unwrap();
    assert_eq!(noahs.feedback, [words]);
    assert!(noahs.feedback[0].new, "Ida cannot make Noah's answer old");
}

async fn the_family_sees_the_answers_meant_for_them_with_work_the_child_shared(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let (_, photo) = task_with_idas_photo(&t, &f).await;
    let for_family = feedback::give_feedback(&f.anne, &on_work(photo, voice(), true))
        .await
        .unwrap();
    let FeedbackBody::Voice { url } = &for_family.body else {
        panic!("a voice answer");
    };
    let voice_id: i64 = url.trim_start_matches("/svar/").parse().unwrap();
    feedback::give_feedback(
        &f.anne,
        &on_work(photo, FeedbackUpload::Text("Kun til dig.".into()), false),
    )
    .await
    .unwrap();
    let mette = as_user(&t, "mette").await;

    // Before Ida shares the photo, her family sees neither it nor its answers.
    let week = backend::family::child_week(&mette, f.ida).await.unwrap();
    assert!(week.shared_work.is_empty());
    let err = feedback::feedback_file(&mette, voice_id).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);

    work::share_work(&as_user(&t, "ida").await, photo, true)
        .await
        .unwrap();
    let week = backend::family::child_week(&mette, f.ida).await.unwrap();
    assert_eq!(week.shared_work.len(), 1);
    let answers = &week.shared_work[0].feedback;
    assert_eq!(answers.len(), 1, "only the answer meant for the family");
    assert_eq!(answers[0].id, for_family.id);
    assert_eq!(
        feedback::feedback_file(&mette, voice_id).await.unwrap().1,
        WEBM
    );
}

async fn only_the_pupils_own_teachers_answer_and_only_the_pupil_and_family_hear_it(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let (task, photo) = task_with_idas_photo(&t, &f).await;
    let sticker = FeedbackUpload::Sticker(Sticker::ThumbsUp);
    // Bo teaches 1.A maths, not this hold; Dorte 5.B; the leader and the office read no
    // portfolios; pupils and parents do not answer.
    for who in [
        "bo", "dorte", "lene", "ole", "ida", "noah", "sofia", "mette", "maria",
    ] {
        let ctx = as_user(&t, who).await;
        for input in [
            on_work(photo, sticker.clone(), false),
            on_task(task, f.ida, sticker.clone()),
        ] {
            let err = feedback::give_feedback(&ctx, &input).await.unwrap_err();
            assert_eq!(err.code, ErrorCode::Forbidden, "{who}: {input:?}");
        }
    }
    let err = feedback::give_feedback(&t.ctx(None), &on_task(task, f.ida, sticker.clone()))
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotSignedIn);
    let given = feedback::give_feedback(&f.anne, &on_work(photo, voice(), true))
        .await
        .unwrap();
    work::share_work(&as_user(&t, "ida").await, photo, true)
        .await
        .unwrap();
    // Another pupil, another parent, a teacher of another hold and the leader do not hear it,
    // though it is meant for the family and the piece is shared.
    for who in ["noah", "sofia", "maria", "dorte", "lene", "ole"] {
        let err = feedback::feedback_file(&as_user(&t, who).await, given.id)
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Forbidden, "{who}");
    }
    neighbour_school_with_ida(&t).await;
    let niels = as_user(&t, "niels").await;
    let err = feedback::give_feedback(&niels, &on_task(task, f.ida, sticker))
        .await
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::NotFound,
        "another school learns nothing"
    );
    let err = feedback::feedback_file(&niels, given.id).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
}

async fn a_bad_answer_is_refused_in_danish_terms_and_stores_nothing(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let (task, photo) = task_with_idas_photo(&t, &f).await;
    let sofia = id_of(&t, "sofia").await;
    let cases = [
        (
            on_work(photo, FeedbackUpload::Text("   ".into()), false),
            Field::Feedback,
        ),
        (
            on_work(photo, FeedbackUpload::Text("a".repeat(1001)), false),
            Field::Feedback,
        ),
        (
            // A "recording" that is really a page.
            on_work(
                photo,
                FeedbackUpload::Voice {
                    content_type: "audio/webm".into(),
                    data_base64: b64(b"<html><script>"),
                },
                false,
            ),
            Field::FeedbackFile,
        ),
        (
            on_work(
                photo,
                FeedbackUpload::Voice {
                    content_type: "text/html".into(),
                    data_base64: b64(WEBM),
                },
                false,
            ),
            Field::FeedbackFile,
        ),
        // Sofia is not in the hold the task is for.
        (
            on_task(task, sofia, FeedbackUpload::Sticker(Sticker::Star)),
            Field::Pupil,
        ),
        // An answer on a task as a whole stays between teacher and pupil.
        (
            FeedbackInput {
                for_family: true,
                ..on_task(task, f.ida, FeedbackUpload::Sticker(Sticker::Star))
            },
            Field::Feedback,
        ),
    ];
    for (input, field) in cases {
        assert_eq!(
            feedback::give_feedback(&f.anne, &input).await.unwrap_err(),
            AppError::invalid(field),
            "{input:?}"
        );
    }
    let err = feedback::give_feedback(
        &f.anne,
        &on_work(999_999, FeedbackUpload::Sticker(Sticker::Star), false),
    )
    .await
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    let seen = returns::task_returns(&f.anne, task).await.unwrap();
    assert!(
        seen.pupils
            .iter()
            .all(|p| p.feedback.is_empty() && p.work.iter().all(|w| w.feedback.is_empty())),
        "nothing was stored"
    );
}

on_both_databases!(
    a_teacher_answers_work_and_tasks_and_each_pupil_finds_their_answers_marked_new,
    the_family_sees_the_answers_meant_for_them_with_work_the_child_shared,
    only_the_pupils_own_teachers_answer_and_only_the_pupil_and_family_hear_it,
    a_bad_answer_is_refused_in_danish_terms_and_stores_nothing,
);
