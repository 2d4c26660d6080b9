//! The server's own chores while it runs: writing the audit trail's buffered reads about once a
//! second, and removing lines older than the retention period once a day.

use backend::DatabaseConnection;
use backend::audit::AuditSettings;
use std::time::Duration;

/// How often buffered reads are written: what a crash may lose of the read lines.
pub const FLUSH_EVERY: Duration = Duration::from_secs(1);
const PRUNE_EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// Runs until `stop` is sent (or dropped), between two chores, so a batch is never cut off half
/// written. Failures are logged and tried again at the next tick; the lines stay in the buffer
/// meanwhile.
pub async fn run(
    db: DatabaseConnection,
    audit: AuditSettings,
    mut stop: tokio::sync::oneshot::Receiver<()>,
) {
    let Some(buffer) = audit.buffer.clone() else {
        return;
    };
    let mut flush = tokio::time::interval(FLUSH_EVERY);
    flush.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut prune = tokio::time::interval(PRUNE_EVERY);
    prune.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = &mut stop => return,
            _ = flush.tick() => {
                if let Err(err) = buffer.flush(&db).await {
                    tracing::error!(error = %err, "could not write the audit trail; trying again");
                }
            }
            _ = prune.tick() => {
                match backend::audit::prune(&db, backend::clock::now(), audit.retention_days).await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(removed = n, days = audit.retention_days, "audit lines past retention removed"),
                    Err(err) => tracing::error!(error = %err, "could not prune the audit trail"),
                }
            }
        }
    }
}

/// Writes what is left in the buffer, once the server has stopped taking calls.
pub async fn finish(db: &DatabaseConnection, audit: &AuditSettings) {
    if let Some(buffer) = &audit.buffer
        && let Err(err) = buffer.flush(db).await
    {
        tracing::error!(error = %err, "could not write the last audit lines");
    }
}
