//! The pupil's elevplan reflection said aloud, on SQLite and PostgreSQL: the pupil records it, the
//! teacher hears it in the draft and includes it, writes down what was said, or both; the family
//! hears it once a version plays it; a new recording does not change a published version; and
//! the recording travels in the pupil's package.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::pupil_plan::{self, package, voice};
use common::{TestDb, as_user, dansk_forloeb, neighbour_school_with_ida};
use domain::pupil_plan::{PlanEdit, PlanTexts, VoiceChoice};
use domain::school::Subject;
use domain::{AppError, ErrorCode};

/// The first bytes of a WebM file, as Chromium's MediaRecorder makes it.
const WEBM: &[u8] = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01 Ida says what she is good at";
const WEBM_AGAIN: &[u8] = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01 Ida says it once more";

fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn code<T: std::fmt::Debug>(result: Result<T, AppError>) -> ErrorCode {
    result.unwrap_err().code
}

fn edit(plan: i64, version: i32, voice: Option<VoiceChoice>) -> PlanEdit {
    PlanEdit {
        plan_id: plan,
        version,
        texts: PlanTexts {
            status: "Læser små bøger".into(),
            ..Default::default()
        },
        receives_support: false,
        goal_ids: vec![],
        voice,
    }
}

async fn a_pupil_says_their_reflection_and_the_family_hears_it_once_the_teacher_publishes_it(
    t: TestDb,
) {
    let f = dansk_forloeb(&t).await;
    let plan = pupil_plan::start_plan(&f.anne, f.ida, Some(Subject::Dansk))
        .await
        .unwrap();
    let ida = as_user(&t, "ida").await;
    let mette = as_user(&t, "mette").await;

    // Ida says it instead of typing; her plan shows the recording to her and to Anne's draft.
    let said = voice::record_reflection(&ida, plan, "audio/webm;codecs=opus", &b64(WEBM))
        .await
        .unwrap();
    let mine = pupil_plan::my_plans(&ida).await.unwrap();
    assert_eq!(mine[0].voice.as_ref().map(|v| v.id), Some(said.id));
    let draft = pupil_plan::plan_draft(&f.anne, plan).await.unwrap();
    let heard = draft.voice.clone().expect("the teacher sees the recording");
    assert_eq!(heard.id, said.id);
    assert!(!heard.in_plan && heard.transcript.is_empty());
    for who in [&ida, &f.anne] {
        assert_eq!(
            voice::reflection_file(who, said.id).await.unwrap(),
            ("audio/webm;codecs=opus".to_owned(), WEBM.to_vec())
        );
    }
    assert_eq!(
        code(voice::reflection_file(&mette, said.id).await),
        ErrorCode::Forbidden,
        "the family does not hear a draft"
    );
    // Before the teacher chooses, a publication carries no recording.
    let preview = pupil_plan::preview_plan(&f.anne, plan).await.unwrap();
    assert_eq!(preview.pupil_voice, None);

    // Anne includes it and writes down what Ida says.
    let v2 = pupil_plan::save_plan(
        &f.anne,
        &edit(
            plan,
            draft.version,
            Some(VoiceChoice {
                voice_id: said.id,
                in_plan: true,
                transcript: "  Jeg er god til at læse rim.  ".into(),
            }),
        ),
    )
    .await
    .unwrap();
    let chosen = pupil_plan::plan_draft(&f.anne, plan)
        .await
        .unwrap()
        .voice
        .unwrap();
    assert!(chosen.in_plan);
    assert_eq!(chosen.transcript, "Jeg er god til at læse rim.");
    let first = pupil_plan::publish_plan(&f.anne, plan, v2).await.unwrap();
    let read = pupil_plan::plan_version(&mette, first.id).await.unwrap();
    let published = read.pupil_voice.expect("the version carries the recording");
    assert_eq!(published.recording, Some(said.id));
    assert_eq!(published.transcript, "Jeg er god til at læse rim.");
    assert_eq!(
        voice::reflection_file(&mette, said.id).await.unwrap().1,
        WEBM,
        "the family hears it once it is published"
    );

    // Ida says it again: her plan and the draft have the new one; the published version keeps
    // playing the first, and Anne's choice about the first is not carried over unheard.
    let again = voice::record_reflection(&ida, plan, "audio/webm", &b64(WEBM_AGAIN))
        .await
        .unwrap();
    let draft = pupil_plan::plan_draft(&f.anne, plan).await.unwrap();
    let newest = draft.voice.clone().unwrap();
    assert_eq!(newest.id, again.id);
    assert!(!newest.in_plan && newest.transcript.is_empty());
    assert_eq!(
        pupil_plan::plan_version(&mette, first.id)
            .await
            .unwrap()
            .pupil_voice
            .unwrap()
            .recording,
        Some(said.id)
    );
    assert_eq!(
        voice::reflection_file(&mette, said.id).await.unwrap().1,
        WEBM
    );
    assert_eq!(
        code(voice::reflection_file(&mette, again.id).await),
        ErrorCode::Forbidden
    );
    // A save made on the recording Anne heard before is a conflict, and changes nothing.
    let stale = edit(
        plan,
        draft.version,
        Some(VoiceChoice {
            voice_id: said.id,
            in_plan: true,
            transcript: String::new(),
        }),
    );
    assert_eq!(
        code(pupil_plan::save_plan(&f.anne, &stale).await),
        ErrorCode::Conflict
    );
    assert_eq!(
        pupil_plan::plan_draft(&f.anne, plan).await.unwrap().version,
        draft.version
    );
    // Only the transcript this time: the family reads it, and there is nothing to play.
    let v3 = pupil_plan::save_plan(
        &f.anne,
        &edit(
            plan,
            draft.version,
            Some(VoiceChoice {
                voice_id: again.id,
                in_plan: false,
                transcript: "Jeg vil læse flere bøger.".into(),
            }),
        ),
    )
    .await
    .unwrap();
    let second = pupil_plan::publish_plan(&f.anne, plan, v3).await.unwrap();
    let read = pupil_plan::plan_version(&mette, second.id).await.unwrap();
    let published = read.pupil_voice.unwrap();
    assert_eq!(published.recording, None);
    assert_eq!(published.transcript, "Jeg vil læse flere bøger.");
    assert_eq!(
        code(voice::reflection_file(&mette, again.id).await),
        ErrorCode::Forbidden,
        "not included, so not the family's"
    );
}

async fn nobody_else_records_or_hears_a_pupils_reflection_and_a_bad_recording_stores_nothing(
    t: TestDb,
) {
    let f = dansk_forloeb(&t).await;
    let plan = pupil_plan::start_plan(&f.anne, f.ida, Some(Subject::Dansk))
        .await
        .unwrap();
    let ida = as_user(&t, "ida").await;
    // Nobody says it for her: not her teacher, her mother, another pupil or the leader.
    for who in ["anne", "mette", "noah", "lene", "ole"] {
        let ctx = as_user(&t, who).await;
        assert_eq!(
            code(voice::record_reflection(&ctx, plan, "audio/webm", &b64(WEBM)).await),
            ErrorCode::Forbidden,
            "{who}"
        );
    }
    assert_eq!(
        code(voice::record_reflection(&t.ctx(None), plan, "audio/webm", &b64(WEBM)).await),
        ErrorCode::NotSignedIn
    );
    // What is not a recording is refused with the recording's field, and nothing is kept.
    for (content_type, data) in [
        ("image/png", b64(b"\x89PNG\r\n\x1a\n")),
        ("audio/webm", b64(b"<svg onload=alert(1)>")),
        ("audio/webm", "not base64".to_owned()),
        ("audio/webm", String::new()),
        ("audio/webm", b64(&vec![0x1a; 4 * 1024 * 1024])),
    ] {
        let err = voice::record_reflection(&ida, plan, content_type, &data)
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput);
        assert_eq!(err.field.as_deref(), Some("reflection_recording"));
    }
    assert_eq!(pupil_plan::my_plans(&ida).await.unwrap()[0].voice, None);

    let said = voice::record_reflection(&ida, plan, "audio/webm", &b64(WEBM))
        .await
        .unwrap();
    // Another pupil, another child's parent, a teacher of another hold and the office do not
    // hear it; the leader, who reads drafts, does.
    for who in ["noah", "maria", "dorte", "ole"] {
        assert_eq!(
            code(voice::reflection_file(&as_user(&t, who).await, said.id).await),
            ErrorCode::Forbidden,
            "{who}"
        );
    }
    voice::reflection_file(&as_user(&t, "lene").await, said.id)
        .await
        .unwrap();
    // A transcript too long is refused with its own field, and the draft is unchanged.
    let draft = pupil_plan::plan_draft(&f.anne, plan).await.unwrap();
    let err = pupil_plan::save_plan(
        &f.anne,
        &edit(
            plan,
            draft.version,
            Some(VoiceChoice {
                voice_id: said.id,
                in_plan: true,
                transcript: "a".repeat(2001),
            }),
        ),
    )
    .await
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("transcript"));
    let after = pupil_plan::plan_draft(&f.anne, plan).await.unwrap();
    assert_eq!(after.version, draft.version);
    assert!(!after.voice.unwrap().in_plan);
    neighbour_school_with_ida(&t).await;
    assert_eq!(
        code(voice::reflection_file(&as_user(&t, "niels").await, said.id).await),
        ErrorCode::NotFound,
        "another school learns nothing"
    );
}

async fn a_published_recording_travels_in_the_pupils_package(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let plan = pupil_plan::start_plan(&f.anne, f.ida, Some(Subject::Dansk))
        .await
        .unwrap();
    let ida = as_user(&t, "ida").await;
    let said = voice::record_reflection(&ida, plan, "audio/webm", &b64(WEBM))
        .await
        .unwrap();
    let draft = pupil_plan::plan_draft(&f.anne, plan).await.unwrap();
    let v2 = pupil_plan::save_plan(
        &f.anne,
        &edit(
            plan,
            draft.version,
            Some(VoiceChoice {
                voice_id: said.id,
                in_plan: true,
                transcript: "Jeg kan rime.".into(),
            }),
        ),
    )
    .await
    .unwrap();
    pupil_plan::publish_plan(&f.anne, plan, v2).await.unwrap();

    let lene = as_user(&t, "lene").await;
    let package = package::export_pupil(&lene, f.ida).await.unwrap();
    let carried = package.plans[0].versions[0].pupil_voice.clone().unwrap();
    assert_eq!(carried.recording, None, "this school's id stays here");
    assert_eq!(carried.file.as_ref().unwrap().data_base64, b64(WEBM));
    let package: domain::pupil_plan::PupilPackage =
        serde_json::from_str(&serde_json::to_string(&package).unwrap()).unwrap();

    let new_ida = neighbour_school_with_ida(&t).await;
    let niels = as_user(&t, "niels").await;
    package::import_pupil(&niels, new_ida, &package)
        .await
        .unwrap();
    let read = pupil_plan::collected_plan(&niels, new_ida).await.unwrap();
    let arrived = read.plans[0].newest.pupil_voice.clone().unwrap();
    assert_eq!(arrived.transcript, "Jeg kan rime.");
    let here = arrived.recording.expect("playable at the new school");
    assert_eq!(voice::reflection_file(&niels, here).await.unwrap().1, WEBM);
    // Out again, it is the same recording.
    let out = package::export_pupil(&niels, new_ida).await.unwrap();
    assert_eq!(out.plans[0].versions[0].pupil_voice, Some(carried.clone()));
    // A package whose recording is not a sound is refused whole.
    let mut broken = package.clone();
    broken.plans[0].versions[0].pupil_voice = Some(domain::pupil_plan::PublishedVoice {
        file: Some(domain::pupil_plan::VoiceFile {
            content_type: "text/html".into(),
            data_base64: b64(b"<script>"),
        }),
        ..carried
    });
    broken.plans[0].school_year = 2019;
    let err = package::import_pupil(&niels, new_ida, &broken)
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("package_plans"));
}

on_both_databases!(
    a_pupil_says_their_reflection_and_the_family_hears_it_once_the_teacher_publishes_it,
    nobody_else_records_or_hears_a_pupils_reflection_and_a_bad_recording_stores_nothing,
    a_published_recording_travels_in_the_pupils_package,
);
