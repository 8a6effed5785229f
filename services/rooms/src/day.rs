//! The start of a business day for every room (see `RoomStatus::start_of_day`). Each room is
//! changed on its own, under its lock, and remembers the day it went through, so a sweep that
//! stopped half-way, or runs on two instances at once, finishes the rest and repeats nothing.
use crate::{HousekeepingError, RoomsService};
use chrono::NaiveDate;
use futures::TryStreamExt;
use kernel::{RoomId, UserId};
use mongodb::bson::{doc, Document};

impl RoomsService {
    /// Starts business day `day` in every room that has not started it; returns how many rooms
    /// changed in a way staff see (a stay-over to clean, a room back in order).
    #[tracing::instrument(skip(self))]
    pub async fn start_business_day(&self, day: NaiveDate, by: UserId) -> Result<usize, HousekeepingError> {
        self.start_business_day_where(day, doc! {}, by).await
    }

    /// The same for these rooms only (a wing reopening, a test's own rooms).
    #[tracing::instrument(skip(self, rooms), fields(rooms = rooms.len()))]
    pub async fn start_business_day_in(&self, day: NaiveDate, rooms: &[RoomId], by: UserId) -> Result<usize, HousekeepingError> {
        let ids: Vec<String> = rooms.iter().map(ToString::to_string).collect();
        self.start_business_day_where(day, doc! { "_id": { "$in": ids } }, by).await
    }

    async fn start_business_day_where(&self, day: NaiveDate, filter: Document, by: UserId) -> Result<usize, HousekeepingError> {
        let mut filter = crate::store::in_service(filter);
        filter.insert("$or", vec![doc! { "business_day": null }, doc! { "business_day": { "$lt": day.to_string() } }]);
        let pending: Vec<Document> =
            self.db.collection("rooms").find(filter).projection(doc! { "_id": 1 }).await?.try_collect().await?;
        let mut changed = 0;
        for room in pending.iter().filter_map(|d| d.get_str("_id").ok()?.parse::<RoomId>().ok()) {
            let reason = format!("start of business day {day}");
            if self.change_status(room, by, Some(reason), |s| s.start_of_day(day)).await?.event_id.is_some() {
                changed += 1;
            }
        }
        tracing::info!(%day, rooms = pending.len(), changed, "business day started");
        Ok(changed)
    }
}
