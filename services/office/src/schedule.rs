//! The night audit on its own, at the hotel's night audit time: it closes each business date
//! once the next day has reached that time, catching up on every date missed while the app was
//! down. Every instance runs this; the audit's lock lets one of them through.
use crate::Office;
use bookings::night_audit::{NightAuditRefusal, Trigger};
use chrono::Utc;
use std::time::Duration as Every;
use tokio::sync::watch;

const LOOK_EVERY: Every = Every::from_secs(60);

impl Office {
    /// Until `shutdown` flips; an audit that failed is tried again at the next look.
    pub async fn run_night_audits(self, mut shutdown: watch::Receiver<bool>) {
        loop {
            while self.audit_due().await {
                match self.run_night_audit(desk::THE_SYSTEM, Trigger::Scheduled, None).await {
                    Ok(_) => {}
                    Err(crate::NightAuditError::Refused(NightAuditRefusal::Running | NightAuditRefusal::NotYet { .. })) => break,
                    Err(e) => {
                        tracing::warn!(error = %e, "the scheduled night audit failed; it is tried again in a minute");
                        break;
                    }
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(LOOK_EVERY) => {}
                _ = shutdown.changed() => return,
            }
        }
    }

    /// Whether the open date's audit time (on the day after it) has come, in the hotel's zone.
    async fn audit_due(&self) -> bool {
        let Ok(open) = self.bookings.business_date().await else { return false };
        open.due_at(Utc::now().with_timezone(&self.bookings.clock().time_zone).naive_local())
    }
}
