//! The night audit: closes the hotel's business date. Each step can be run again and does
//! nothing twice, so an audit stopped half-way (a crash, a server down) is finished by the next
//! run; only its last step, in the bookings service, rolls the date, under the lock it took first.
use crate::Office;
use bookings::night_audit::{NightAuditLease, NightAuditRefusal, NightAuditReport, NightAuditRun, NoShowLine, PickupTotals, RoomCount, Trigger};
use chrono::{Duration, NaiveDate};
use kernel::hotel::HOTEL;
use kernel::{Money, UserId};

#[derive(Debug, thiserror::Error)]
pub enum NightAuditError {
    #[error(transparent)]
    Refused(#[from] NightAuditRefusal),
    /// A step failed; nothing was rolled, and running the audit again goes on from there.
    #[error("the night audit stopped while {step}: {source:#}")]
    Step { step: &'static str, source: anyhow::Error },
}

fn step<E: Into<anyhow::Error>>(step: &'static str) -> impl FnOnce(E) -> NightAuditError {
    move |e| NightAuditError::Step { step, source: e.into() }
}

impl Office {
    /// Closes the open business date: `expected` is the date the manager saw (none for the
    /// schedule), `by` who ran it ([`desk::THE_SYSTEM`] for the schedule).
    #[tracing::instrument(skip(self), fields(by = %by))]
    pub async fn run_night_audit(&self, by: UserId, trigger: Trigger, expected: Option<NaiveDate>) -> Result<NightAuditRun, NightAuditError> {
        let lease = self.bookings.begin_night_audit(expected).await?;
        let report = match self.audit(&lease, by).await {
            Ok(report) => report,
            Err(e) => {
                if let Err(release) = lease.release().await {
                    tracing::warn!(error = %release, "letting go of the night audit's lock failed");
                }
                return Err(e);
            }
        };
        let run = self.bookings.finish_night_audit(lease, by, trigger, report).await?;
        tracing::info!(date = %run.business_date, no_shows = run.report.no_shows.len(), "night audit completed");
        Ok(run)
    }

    async fn audit(&self, lease: &NightAuditLease, by: UserId) -> Result<NightAuditReport, NightAuditError> {
        let date = lease.date();
        let (no_shows, no_show_fees) = self.no_shows(date, by).await?;
        let in_house = self.bookings.in_house_on(date).await.map_err(step("reading the in-house stays"))?;
        let ids: Vec<_> = in_house.iter().map(|s| s.booking_id).collect();
        let posted = self.billing.nights_posted(date, &ids).await.map_err(step("checking the folios"))?;
        let room_revenue = in_house
            .iter()
            .filter_map(|s| s.night)
            .try_fold(Money::zero(HOTEL.currency), |sum, night| sum.plus(night))
            .ok_or_else(|| step("adding up the night's room revenue")(anyhow::anyhow!("the sum overflows")))?;
        let nights_not_on_folio =
            in_house.iter().filter(|s| !posted.contains(&s.booking_id)).map(|s| s.room_number.clone()).collect();
        let next = date + Duration::days(1);
        let rooms_for_service =
            self.rooms.start_business_day(next, by).await.map_err(step("setting rooms for their stay-over service"))?;
        let rooms = self.room_counts().await?;
        Ok(NightAuditReport {
            no_shows,
            no_show_fees,
            in_house: in_house.len() as u32,
            room_revenue,
            nights_not_on_folio,
            rooms_for_service: rooms_for_service as u32,
            pickup: PickupTotals::none(),
            rooms,
        })
    }

    /// Every room type's rooms and those out of order now, at the end of the night.
    async fn room_counts(&self) -> Result<Vec<RoomCount>, NightAuditError> {
        let rooms = self.rooms.all_rooms(None).await.map_err(step("counting the rooms"))?;
        let mut counts = std::collections::BTreeMap::<String, RoomCount>::new();
        for room in rooms {
            let code = room.room_type.as_str().to_owned();
            let count = counts.entry(code.clone()).or_insert(RoomCount { room_type: code, physical: 0, out_of_order: 0 });
            count.physical += 1;
            count.out_of_order += u32::from(room.housekeeping == rooms::Housekeeping::OutOfOrder);
        }
        Ok(counts.into_values().collect())
    }

    /// Marks every arrival up to `date` who never came: each at the fee its terms set.
    async fn no_shows(&self, date: NaiveDate, by: UserId) -> Result<(Vec<NoShowLine>, Money), NightAuditError> {
        let due = self.bookings.not_arrived_by(date).await.map_err(step("finding the arrivals who did not come"))?;
        let mut lines = Vec::with_capacity(due.len());
        let mut fees = Money::zero(HOTEL.currency);
        for id in due {
            let booking = self.bookings.mark_no_show(id, by).await.map_err(step("marking the no-shows"))?;
            let fee = booking.cancellation_fee.unwrap_or(Money::zero(booking.total.currency()));
            fees = fees.plus(fee).ok_or_else(|| step("adding up the no-show fees")(anyhow::anyhow!("the sum overflows")))?;
            lines.push(NoShowLine { booking_id: id, room_number: booking.room_number, arrival: booking.stay.check_in(), fee });
        }
        Ok((lines, fees))
    }
}
