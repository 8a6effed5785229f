//! What a room rack asks of rooms: every room, sellable or not, and the maintenance tickets that
//! kept rooms out of order at some time in a span. One query each, whatever the hotel's size.
use crate::store::{self, RoomDoc};
use crate::ticket::{Ticket, TicketStatus};
use crate::ticket_store::{self, to_bson, TicketDoc};
use crate::{HousekeepingError, Room, RoomsService};
use anyhow::Context;
use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use kernel::RoomTypeCode;
use mongodb::bson::doc;

impl RoomsService {
    /// Every room in the inventory as it is now, out-of-order ones included (retired ones not);
    /// only those of `room_type` if given.
    #[tracing::instrument(skip(self))]
    pub async fn all_rooms(
        &self,
        room_type: Option<&RoomTypeCode>,
    ) -> Result<Vec<Room>, HousekeepingError> {
        let filter = match room_type {
            Some(code) => doc! { "room_type": code.as_str() },
            None => doc! {},
        };
        let docs: Vec<RoomDoc> = store::rooms(&self.db)
            .find(store::in_service(filter))
            .projection(store::room_fields())
            .await?
            .try_collect()
            .await?;
        docs.into_iter()
            .map(|d| Ok(Room::try_from(d).context("a stored room is invalid")?))
            .collect()
    }

    /// Tickets that took their room out of order and were still unresolved at some instant of
    /// `[from, to)`, oldest first.
    #[tracing::instrument(skip(self))]
    pub async fn out_of_order_tickets(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Ticket>, HousekeepingError> {
        let docs: Vec<TicketDoc> = ticket_store::tickets(&self.db)
            .find(doc! {
                "takes_room_out_of_order": true,
                "created_at": { "$lt": to_bson(to) },
                "$or": [
                    { "status": { "$ne": TicketStatus::Resolved.as_str() } },
                    { "resolved_at": { "$gte": to_bson(from) } },
                ],
            })
            .sort(doc! { "created_at": 1, "_id": 1 })
            .await?
            .try_collect()
            .await?;
        docs.into_iter()
            .map(|d| Ok(Ticket::try_from(d).context("a stored ticket is invalid")?))
            .collect()
    }
}
