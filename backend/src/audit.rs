//! The audit trail: every read of a pupil's evaluations, plans or work by someone other than the
//! pupil, and every change, with who, in what role, when and from where.
//!
//! A change is recorded in the same transaction as the change itself, so an acknowledged change
//! always has its line. A read is collected in the server's buffer and written in one batch about
//! once a second (`AuditBuffer::flush`): writing a row inside every read would turn each screen
//! into a write, and on SQLite every write waits for the one writer and a disk flush. The price is
//! that a crash may lose the last second's read lines, never a change's. Reading the trail
//! writes the buffer first, so a guardian always sees the read that just happened.
//!
//! Nothing in the app edits or deletes a line; `prune` removes lines older than the retention
//! period, run by the server once a day.

use crate::entity::audit_event;
use crate::facts::pupil_facts;
use crate::identity::current_principal;
use crate::principal::Principal;
use crate::{RequestCtx, clock, db_err, policy};
use domain::audit::{AuditAct, AuditEntry, AuditTopic, AuditTrail};
use domain::identity::Role;
use domain::{AppError, Field};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::sync::{Arc, Mutex};

/// Days a line is kept unless the server is told otherwise: a whole school year and the next
/// one's start, so a parent asking after the summer holiday still finds the spring.
pub const DEFAULT_RETENTION_DAYS: u32 = 400;

/// The trail shows this many lines at most, newest first.
const SHOWN: u64 = 200;

/// Past this many unwritten lines (the database has been away for a long time) new read lines
/// are dropped with an error in the log rather than growing the process without bound.
const BUFFER_CAP: usize = 1_000_000;

/// Rows per insert statement: well under SQLite's bound-variable limit.
const BATCH: usize = 500;

/// How a request records reads: in the server's buffer, or (no buffer) at once.
#[derive(Clone, Debug)]
pub struct AuditSettings {
    pub buffer: Option<Arc<AuditBuffer>>,
    pub retention_days: u32,
}

impl Default for AuditSettings {
    fn default() -> Self {
        Self {
            buffer: None,
            retention_days: DEFAULT_RETENTION_DAYS,
        }
    }
}

/// Read lines waiting to be written.
#[derive(Debug, Default)]
pub struct AuditBuffer {
    pending: Mutex<Vec<audit_event::ActiveModel>>,
    /// One flush at a time: reading the trail waits for the lines the once-a-second flush has
    /// taken out of the buffer but not yet committed, instead of missing them.
    flushing: tokio::sync::Mutex<()>,
}

impl AuditBuffer {
    pub fn new() -> Arc<Self> {
        Arc::default()
    }

    /// Lines waiting to be written, for the server's metrics.
    pub fn len(&self) -> usize {
        self.pending.lock().map_or(0, |p| p.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn push(&self, rows: Vec<audit_event::ActiveModel>) {
        if let Ok(mut pending) = self.pending.lock() {
            if pending.len() + rows.len() > BUFFER_CAP {
                tracing::error!(
                    dropped = rows.len(),
                    "audit buffer full; read lines dropped"
                );
                return;
            }
            pending.extend(rows);
        }
    }

    /// Writes every waiting line in one transaction and returns how many were written. If the
    /// batch fails, each line is tried alone, so one line the database refuses cannot hold up
    /// the rest; while the database itself fails, the lines wait for the next flush. The write
    /// runs as its own task: a request that is dropped mid-flush (its client went away) does not
    /// take the lines with it.
    pub async fn flush(self: &Arc<Self>, db: &DatabaseConnection) -> Result<usize, DbErr> {
        let (buffer, db) = (self.clone(), db.clone());
        tokio::spawn(async move { buffer.write_pending(&db).await })
            .await
            .unwrap_or_else(|e| Err(DbErr::Custom(format!("audit flush stopped: {e}"))))
    }

    async fn write_pending(&self, db: &DatabaseConnection) -> Result<usize, DbErr> {
        let _one_at_a_time = self.flushing.lock().await;
        let rows = match self.pending.lock() {
            Ok(mut pending) => std::mem::take(&mut *pending),
            Err(_) => return Ok(0),
        };
        if rows.is_empty() {
            return Ok(0);
        }
        let total = rows.len();
        if write_rows(db, rows.clone()).await.is_ok() {
            return Ok(total);
        }
        let mut written = 0;
        let mut waiting = Vec::new();
        for row in rows {
            match write_rows(db, vec![row.clone()]).await {
                Ok(()) => written += 1,
                // The line itself is wrong (it names no one): dropped, and said so.
                Err(err) if err.sql_err().is_some() => {
                    tracing::error!(error = %err, "an audit line the database refuses; dropped");
                }
                Err(_) => waiting.push(row),
            }
        }
        if !waiting.is_empty() {
            let failed = waiting.len();
            if let Ok(mut pending) = self.pending.lock() {
                let newer = std::mem::replace(&mut *pending, waiting);
                pending.extend(newer);
            }
            return Err(DbErr::Custom(format!(
                "{failed} audit lines wait for the database"
            )));
        }
        Ok(written)
    }
}

async fn write_rows(
    db: &DatabaseConnection,
    rows: Vec<audit_event::ActiveModel>,
) -> Result<(), DbErr> {
    let txn = crate::db::begin_write(db).await?;
    for chunk in rows.chunks(BATCH) {
        audit_event::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    txn.commit().await
}

fn line(
    ctx: &RequestCtx,
    p: &Principal,
    topic: AuditTopic,
    act: AuditAct,
    pupil_id: i32,
    object_id: Option<i64>,
) -> audit_event::ActiveModel {
    audit_event::ActiveModel {
        school_id: Set(p.school_id),
        at: Set(ctx.now()),
        actor_id: Set(p.person_id),
        actor_role: Set(p.role),
        pupil_id: Set(pupil_id),
        topic: Set(topic),
        act: Set(act),
        object_id: Set(object_id),
        client_addr: Set(ctx.client_addr.clone()),
        ..Default::default()
    }
}

/// Records that `p` read `topic` of each of `pupils` (a pupil reading their own is not recorded).
/// Call it after the rule allowed the read and the data was found.
pub(crate) async fn read(
    ctx: &RequestCtx,
    p: &Principal,
    topic: AuditTopic,
    pupils: impl IntoIterator<Item = i32>,
    object_id: Option<i64>,
) -> Result<(), AppError> {
    let rows: Vec<_> = pupils
        .into_iter()
        .filter(|&pupil| pupil != p.person_id)
        .map(|pupil| line(ctx, p, topic, AuditAct::Read, pupil, object_id))
        .collect();
    if rows.is_empty() || measuring_without_trail() {
        return Ok(());
    }
    match &ctx.audit.buffer {
        Some(buffer) => {
            buffer.push(rows);
            Ok(())
        }
        None => write_rows(&ctx.db, rows).await.map_err(db_err),
    }
}

/// `SPIRE_BENCH_NO_AUDIT=1`, honoured only in a build with the benchmarks' `municipality`
/// feature (never the server as shipped, `cargo build -p server`): the load benchmark measures
/// what the trail costs by running the same server without it (BENCHMARKS.md).
fn measuring_without_trail() -> bool {
    #[cfg(feature = "municipality")]
    {
        static OFF: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *OFF.get_or_init(|| std::env::var("SPIRE_BENCH_NO_AUDIT").is_ok_and(|v| v == "1"))
    }
    #[cfg(not(feature = "municipality"))]
    {
        false
    }
}

/// Records that `p` changed `topic` of `pupil`, on `conn`: pass the transaction that makes the
/// change, so the line and the change are written together or not at all.
pub(crate) async fn changed(
    conn: &impl ConnectionTrait,
    ctx: &RequestCtx,
    p: &Principal,
    topic: AuditTopic,
    pupil_id: i32,
    object_id: Option<i64>,
) -> Result<(), AppError> {
    if measuring_without_trail() {
        return Ok(());
    }
    audit_event::Entity::insert(line(ctx, p, topic, AuditAct::Change, pupil_id, object_id))
        .exec_without_returning(conn)
        .await
        .map_err(db_err)?;
    Ok(())
}

/// A pupil's trail, newest first, for the school's leader and the pupil's guardians.
pub async fn trail(ctx: &RequestCtx, pupil_id: i64) -> Result<AuditTrail, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let pupil_id = i32::try_from(pupil_id).map_err(|_| AppError::invalid(Field::Pupil))?;
    let facts = pupil_facts(db, &p, pupil_id).await?;
    policy::require(policy::can_read_audit_trail(&p, facts.relation))?;
    // What could not be written now stays buffered; the trail shows what is stored.
    if let Some(buffer) = &ctx.audit.buffer
        && let Err(err) = buffer.flush(db).await
    {
        tracing::error!(error = %err, "audit lines not yet written when the trail was read");
    }
    let leader = p.role == Role::Leader;
    let (entries, more) = entries(
        db,
        audit_event::Column::PupilId.eq(pupil_id),
        SHOWN,
        &p.time_zone,
        // Where a request came from is the school's to see, not another family's.
        leader,
    )
    .await?;
    Ok(AuditTrail {
        pupil_id: i64::from(pupil_id),
        pupil_name: facts.name(),
        entries,
        more,
        shows_addresses: leader,
        retention_days: ctx.audit.retention_days,
    })
}

/// Up to `limit` lines matching `which`, newest first, with the actors' names, and whether there
/// were more; in two statements.
pub(crate) async fn entries(
    db: &impl ConnectionTrait,
    which: impl sea_orm::sea_query::IntoCondition,
    limit: u64,
    time_zone: &str,
    with_addresses: bool,
) -> Result<(Vec<AuditEntry>, bool), AppError> {
    let mut rows = audit_event::Entity::find()
        .filter(which)
        .order_by_desc(audit_event::Column::At)
        .order_by_desc(audit_event::Column::Id)
        .limit(limit + 1)
        .all(db)
        .await
        .map_err(db_err)?;
    let more = rows.len() as u64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let names = crate::facts::names_of(db, rows.iter().map(|r| r.actor_id)).await?;
    let entries = rows
        .into_iter()
        .map(|r| AuditEntry {
            at: r.at,
            when: clock::local_minute(r.at, time_zone),
            who: names.get(&r.actor_id).cloned().unwrap_or_default(),
            role: r.actor_role,
            topic: r.topic,
            act: r.act,
            from: if with_addresses { r.client_addr } else { None },
        })
        .collect();
    Ok((entries, more))
}

/// Removes lines older than `retention_days` before `now`; returns how many.
pub async fn prune(db: &impl ConnectionTrait, now: i64, retention_days: u32) -> Result<u64, DbErr> {
    let cutoff = now - i64::from(retention_days) * 86_400;
    Ok(audit_event::Entity::delete_many()
        .filter(audit_event::Column::At.lt(cutoff))
        .exec(db)
        .await?
        .rows_affected)
}
