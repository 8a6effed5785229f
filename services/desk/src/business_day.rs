//! Starts each business day in the rooms when the hotel's date (the bookings service's clock)
//! turns: stay-overs need their service, yesterday's requests end.
use crate::Desk;
use kernel::UserId;
use std::time::Duration;
use tokio::sync::watch;

/// Who made a change no person made, in `changed_by`.
pub const THE_SYSTEM: UserId = UserId::from_uuid(uuid::Uuid::nil());

const LOOK_EVERY: Duration = Duration::from_secs(60);

impl Desk {
    /// Until `shutdown` flips; a sweep that failed is tried again at the next look.
    pub async fn run_business_days(self, mut shutdown: watch::Receiver<bool>) {
        let mut started = None;
        loop {
            let today = self.bookings.today();
            if started != Some(today) {
                match self.rooms.start_business_day(today, THE_SYSTEM).await {
                    Ok(_) => started = Some(today),
                    Err(e) => tracing::warn!(error = ?e, %today, "starting the business day in the rooms failed"),
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(LOOK_EVERY) => {}
                _ = shutdown.changed() => return,
            }
        }
    }
}
