//! The audit trail, on SQLite and PostgreSQL: every read of a pupil's evaluations, plans or work by
//! someone other than the pupil, and every change, is on the pupil's trail with who, role, when and
//! from where; the school's leader and the pupil's guardians read it and nobody else; reads the
//! server buffers are written before the trail is read; lines past the retention period go.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::audit::{self, AuditBuffer, AuditSettings};
use backend::{evaluation, family, pupil::work, pupil_plan, returns};
use common::{TestDb, as_user, dansk_forloeb, neighbour_school_with_ida, task_with_idas_photo};
use domain::ErrorCode;
use domain::audit::{AuditAct, AuditEntry, AuditTopic};
use domain::identity::Role;
use domain::school::Subject;

fn lines(entries: &[AuditEntry], who: &str, act: AuditAct, topic: AuditTopic) -> usize {
    entries
        .iter()
        .filter(|e| e.who == who && e.act == act && e.topic == topic)
        .count()
}

async fn every_read_by_someone_else_and_every_change_is_on_the_pupils_trail(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let anne = f.anne.clone().with_client_addr(Some("10.20.30.40".into()));
    // Ida hands in a photo (a change), and looks at it herself (not a line).
    let (task, photo) = task_with_idas_photo(&t, &f).await;
    let ida = as_user(&t, "ida").await;
    work::work_file(&ida, photo).await.unwrap();
    // Anne follows the task, opens the photo, evaluates Ida in the grid, and starts her plan.
    returns::task_returns(&anne, task).await.unwrap();
    work::work_file(&anne, photo).await.unwrap();
    evaluation::grid(&anne, f.unit).await.unwrap();
    evaluation::evaluate(&anne, f.faglig, f.ida, Some(1), "")
        .await
        .unwrap();
    let plan = pupil_plan::start_plan(&anne, f.ida, Some(Subject::Dansk))
        .await
        .unwrap();
    pupil_plan::plan_draft(&anne, plan).await.unwrap();
    // Her mother looks at her week.
    let mette = as_user(&t, "mette").await;
    family::child_week(&mette, f.ida).await.unwrap();

    let lene = as_user(&t, "lene").await;
    let trail = audit::trail(&lene, f.ida).await.unwrap();
    assert_eq!(trail.pupil_name, "Ida Jensen");
    let e = &trail.entries;
    assert_eq!(
        lines(e, "Ida Jensen", AuditAct::Change, AuditTopic::Work),
        1
    );
    assert_eq!(
        lines(e, "Ida Jensen", AuditAct::Read, AuditTopic::Work),
        0,
        "a pupil's own reads are not recorded"
    );
    assert_eq!(lines(e, "Anne Holm", AuditAct::Read, AuditTopic::Work), 2);
    assert_eq!(
        lines(e, "Anne Holm", AuditAct::Read, AuditTopic::Evaluations),
        1
    );
    assert_eq!(
        lines(e, "Anne Holm", AuditAct::Change, AuditTopic::Evaluations),
        1
    );
    assert_eq!(lines(e, "Anne Holm", AuditAct::Change, AuditTopic::Plan), 1);
    assert_eq!(lines(e, "Anne Holm", AuditAct::Read, AuditTopic::Plan), 1);
    assert_eq!(
        lines(e, "Mette Jensen", AuditAct::Read, AuditTopic::Work),
        1
    );
    assert_eq!(
        lines(e, "Mette Jensen", AuditAct::Read, AuditTopic::Evaluations),
        1
    );
    let annes: Vec<&AuditEntry> = e.iter().filter(|e| e.who == "Anne Holm").collect();
    assert!(annes.iter().all(|e| e.role == Role::Teacher));
    assert!(
        annes
            .iter()
            .all(|e| e.from.as_deref() == Some("10.20.30.40")),
        "each line says where the request came from"
    );
    assert!(e.windows(2).all(|w| w[0].at >= w[1].at), "newest first");
    assert!(e[0].when.len() == "2026-12-07 09:14".len());
    assert!(!trail.more);
    assert_eq!(trail.retention_days, audit::DEFAULT_RETENTION_DAYS);
    // The grid recorded a read for each pupil of the hold, not only for Ida.
    let noah = common::roster_pupil_id(&t, "Noah Hansen").await;
    let noahs = audit::trail(&lene, noah).await.unwrap();
    assert_eq!(
        lines(
            &noahs.entries,
            "Anne Holm",
            AuditAct::Read,
            AuditTopic::Evaluations
        ),
        1
    );
    // Ida's mother reads the same trail, without where each request came from.
    let hers = audit::trail(&mette, f.ida).await.unwrap();
    assert_eq!(hers.entries.len(), e.len());
    assert!(trail.shows_addresses && !hers.shows_addresses);
    assert!(hers.entries.iter().all(|e| e.from.is_none()));
}

async fn only_the_leader_and_the_pupils_guardians_read_the_trail(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    for (who, expected) in [
        ("anne", ErrorCode::Forbidden),
        ("ida", ErrorCode::Forbidden),
        ("maria", ErrorCode::Forbidden),
        ("ole", ErrorCode::Forbidden),
        ("sofia", ErrorCode::Forbidden),
    ] {
        let ctx = as_user(&t, who).await;
        assert_eq!(
            audit::trail(&ctx, f.ida).await.unwrap_err().code,
            expected,
            "{who} may not read Ida's trail"
        );
    }
    // Another school's leader learns nothing, not even that the pupil exists.
    neighbour_school_with_ida(&t).await;
    let niels = as_user(&t, "niels").await;
    assert_eq!(
        audit::trail(&niels, f.ida).await.unwrap_err().code,
        ErrorCode::NotFound
    );
    assert_eq!(
        audit::trail(&as_user(&t, "lene").await, i64::MAX)
            .await
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
}

async fn buffered_reads_are_written_before_the_trail_is_read_and_old_lines_go(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    let buffer = AuditBuffer::new();
    let buffered = AuditSettings {
        buffer: Some(buffer.clone()),
        retention_days: 30,
    };
    let anne = f.anne.clone().with_audit(buffered.clone());
    evaluation::grid(&anne, f.unit).await.unwrap();
    assert_eq!(count(&t).await, 0, "a read waits in the buffer");
    // A change is written with the change, not buffered.
    evaluation::evaluate(&anne, f.faglig, f.ida, Some(1), "")
        .await
        .unwrap();
    assert_eq!(count(&t).await, 1);
    let lene = as_user(&t, "lene").await.with_audit(buffered);
    let trail = audit::trail(&lene, f.ida).await.unwrap();
    assert_eq!(trail.retention_days, 30);
    assert_eq!(
        lines(
            &trail.entries,
            "Anne Holm",
            AuditAct::Read,
            AuditTopic::Evaluations
        ),
        1
    );
    assert_eq!(
        buffer.flush(&t.db).await.unwrap(),
        0,
        "nothing left to write"
    );
    // Within 30 days every line stays; 31 days later they are past a 30-day retention.
    let now = backend::clock::now();
    let before = count(&t).await;
    assert_eq!(audit::prune(&t.db, now + 29 * 86_400, 30).await.unwrap(), 0);
    assert_eq!(
        audit::prune(&t.db, now + 31 * 86_400, 30).await.unwrap(),
        before
    );
    assert_eq!(count(&t).await, 0);
}

async fn count(t: &TestDb) -> u64 {
    use sea_orm::{EntityTrait, PaginatorTrait};
    backend::entity::audit_event::Entity::find()
        .count(&t.db)
        .await
        .unwrap()
}

on_both_databases!(
    every_read_by_someone_else_and_every_change_is_on_the_pupils_trail,
    only_the_leader_and_the_pupils_guardians_read_the_trail,
    buffered_reads_are_written_before_the_trail_is_read_and_old_lines_go,
);
