//! Maintenance tickets: opened by anyone on staff, worked on, resolved. A ticket may take its
//! room out of order; the room returns `dirty` (it needs cleaning) when the last such ticket of
//! the room is resolved.
use crate::ticket::{LastDay, NewTicket, Ticket, TicketAction, TicketFilter, TicketPage, TicketStatus};
use crate::ticket_store::{self, now, to_bson, TicketDoc};
use crate::{Housekeeping, HousekeepingError, RoomsService};
use anyhow::Context;
use futures::TryStreamExt;
use kernel::{TicketId, UserId};
use mongodb::bson::doc;
use std::future::IntoFuture;

pub const MAX_PER_PAGE: u32 = 100;

/// Writes racing past the ticket's lock before giving up.
const ATTEMPTS: usize = 3;

impl RoomsService {
    /// Opens a ticket and, if asked, takes its room out of order. The ticket is stored first:
    /// should the room update fail, the ticket still records why the room needs attention. A
    /// last day out of order that has passed is refused before anything is read or stored.
    #[tracing::instrument(skip(self, new), fields(room = %new.room_id))]
    pub async fn open_ticket(&self, new: NewTicket) -> Result<Ticket, HousekeepingError> {
        if new.out_of_order_until.is_some_and(|d| d.until < d.today) {
            return Err(crate::StatusRefused::UntilInThePast.into());
        }
        let room = self.room(new.room_id).await?;
        if let Some(photo) = &new.photo {
            self.keep_photo(new.id, photo).await?;
        }
        let at = now();
        let ticket = Ticket {
            id: new.id,
            room_id: room.id,
            room_number: room.number,
            problem: new.problem,
            priority: new.priority,
            status: TicketStatus::Open,
            reporter: new.reporter,
            assignee: None,
            takes_room_out_of_order: new.takes_room_out_of_order,
            has_photo: new.photo.is_some(),
            created_at: at,
            updated_at: at,
            resolved_at: None,
            resolved_by: None,
        };
        if let Err(e) = ticket_store::tickets(&self.db).insert_one(TicketDoc::from(&ticket)).await {
            return match crate::lock::is_duplicate_key(&e) {
                true => self.reported_again(&ticket).await,
                false => Err(e.into()),
            };
        }
        let opened = format!("opened a {} ticket “{}”", ticket.priority.as_str(), ticket.problem.as_str());
        crate::staff_actions::record_ticket(self, &ticket.room_number, opened, None, ticket.reporter, at).await;
        if ticket.takes_room_out_of_order {
            let reason = format!("maintenance ticket {} opened: {}", ticket.id, ticket.problem.as_str());
            self.change_status(ticket.room_id, ticket.reporter, Some(reason), |s| match new.out_of_order_until {
                Some(LastDay { until, today }) => s.take_out_of_order(until, today),
                None => s.with_housekeeping(Housekeeping::OutOfOrder),
            })
            .await?;
        }
        Ok(ticket)
    }

    /// The ticket a report sent again already opened; the same id for another room or
    /// reporter is a mistake, not a retry.
    async fn reported_again(&self, sent: &Ticket) -> Result<Ticket, HousekeepingError> {
        let stored = self.ticket(sent.id).await?;
        if (stored.room_id, stored.reporter) != (sent.room_id, sent.reporter) {
            return Err(HousekeepingError::KeyReused(sent.id));
        }
        Ok(stored)
    }

    #[tracing::instrument(skip(self))]
    pub async fn ticket(&self, id: TicketId) -> Result<Ticket, HousekeepingError> {
        let doc = ticket_store::tickets(&self.db)
            .find_one(doc! { "_id": id.to_string() })
            .await?
            .ok_or(HousekeepingError::TicketNotFound(id))?;
        Ok(Ticket::try_from(doc).context("a stored ticket is invalid")?)
    }

    /// `by` gives the ticket to `assignee`, replacing any earlier one; refused once resolved.
    #[tracing::instrument(skip(self))]
    pub async fn assign_ticket(&self, id: TicketId, assignee: UserId, by: UserId) -> Result<Ticket, HousekeepingError> {
        self.transition(id, TicketAction::Assign, by, |t| t.assignee = Some(assignee)).await
    }

    /// `by` starts work on an open ticket, and is assigned to it unless someone already is.
    #[tracing::instrument(skip(self))]
    pub async fn start_ticket(&self, id: TicketId, by: UserId) -> Result<Ticket, HousekeepingError> {
        self.transition(id, TicketAction::Start, by, |t| {
            t.assignee.get_or_insert(by);
        })
        .await
    }

    /// Resolves an open or in-progress ticket. If it took the room out of order and no other
    /// unresolved ticket still does, the room becomes `dirty` (only if it is still out of order:
    /// a room someone has since put out of service stays so).
    #[tracing::instrument(skip(self))]
    pub async fn resolve_ticket(&self, id: TicketId, by: UserId) -> Result<Ticket, HousekeepingError> {
        let ticket = self
            .transition(id, TicketAction::Resolve, by, |t| {
                t.resolved_at = Some(t.updated_at);
                t.resolved_by = Some(by);
            })
            .await?;
        if ticket.takes_room_out_of_order && !self.room_held_out_of_order(&ticket).await? {
            let reason = format!("maintenance ticket {} resolved", ticket.id);
            self.change_status(ticket.room_id, by, Some(reason), |s| match s.housekeeping {
                Housekeeping::OutOfOrder => s.with_housekeeping(Housekeeping::Dirty),
                _ => Ok(None),
            })
            .await?;
        }
        Ok(ticket)
    }

    /// A page of tickets matching `filter`, most urgent first and oldest first within a
    /// priority. `page` counts from 1; `per_page` is 1 to [`MAX_PER_PAGE`].
    #[tracing::instrument(skip(self))]
    pub async fn tickets(&self, filter: TicketFilter, page: u32, per_page: u32) -> Result<TicketPage, HousekeepingError> {
        if page == 0 || !(1..=MAX_PER_PAGE).contains(&per_page) {
            return Err(HousekeepingError::InvalidPage);
        }
        let mut query = doc! {};
        if let Some(status) = filter.status {
            query.insert("status", status.as_str());
        }
        if let Some(room) = filter.room {
            query.insert("room_id", room.to_string());
        }
        let collection = ticket_store::tickets(&self.db);
        let count = collection.count_documents(query.clone()).into_future();
        let found = async {
            collection
                .find(query.clone())
                .sort(doc! { "priority_rank": -1, "created_at": 1, "_id": 1 })
                .skip(u64::from(page - 1) * u64::from(per_page))
                .limit(i64::from(per_page))
                .await?
                .try_collect::<Vec<TicketDoc>>()
                .await
        };
        let (total, docs) = futures::try_join!(count, found)?;
        let tickets = docs
            .into_iter()
            .map(|d| Ticket::try_from(d).context("a stored ticket is invalid"))
            .collect::<anyhow::Result<_>>()?;
        Ok(TicketPage { tickets, total, page, per_page })
    }
}

impl RoomsService {
    /// Applies `action` holding the ticket's lock, with a compare-and-set on the status and
    /// time read, so two people acting on one ticket at once never overwrite each other unseen.
    async fn transition(&self, id: TicketId, action: TicketAction, by: UserId, apply: impl Fn(&mut Ticket)) -> Result<Ticket, HousekeepingError> {
        let after = self.locked(format!("ticket:{id}"), self.transition_locked(id, action, apply)).await?;
        let problem = after.problem.as_str();
        let (done, whom) = match action {
            TicketAction::Assign => (format!("gave the ticket “{problem}” to"), after.assignee),
            TicketAction::Start => (format!("started work on the ticket “{problem}”"), None),
            TicketAction::Resolve => (format!("resolved the ticket “{problem}”"), None),
        };
        crate::staff_actions::record_ticket(self, &after.room_number, done, whom, by, after.updated_at).await;
        Ok(after)
    }

    async fn transition_locked(&self, id: TicketId, action: TicketAction, apply: impl Fn(&mut Ticket)) -> Result<Ticket, HousekeepingError> {
        for _ in 0..ATTEMPTS {
            let before = self.ticket(id).await?;
            let mut after = before.clone();
            after.status = before.status.after(action)?;
            after.updated_at = now().max(before.updated_at);
            apply(&mut after);
            let written = ticket_store::tickets(&self.db)
                .replace_one(
                    doc! {
                        "_id": id.to_string(),
                        "status": before.status.as_str(),
                        "updated_at": to_bson(before.updated_at),
                    },
                    TicketDoc::from(&after),
                )
                .await?;
            if written.matched_count == 1 {
                tracing::info!(ticket = %id, from = %before.status, to = %after.status, "ticket {action}");
                return Ok(after);
            }
        }
        Err(anyhow::anyhow!("ticket {id} kept changing while it was being updated").into())
    }

    /// Whether another unresolved ticket of this ticket's room keeps it out of order.
    async fn room_held_out_of_order(&self, ticket: &Ticket) -> Result<bool, HousekeepingError> {
        let others = ticket_store::tickets(&self.db)
            .count_documents(doc! {
                "room_id": ticket.room_id.to_string(),
                "status": { "$in": [TicketStatus::Open.as_str(), TicketStatus::InProgress.as_str()] },
                "takes_room_out_of_order": true,
                "_id": { "$ne": ticket.id.to_string() },
            })
            .await?;
        Ok(others > 0)
    }
}
