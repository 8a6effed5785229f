//! Maintenance from the tablet: anyone on housekeeping reports a problem (with a photo, and
//! taking the room out of order if it cannot be sold); a supervisor lists the tickets, works
//! them and resolves them.
use crate::dto::maintenance::{TicketPageView, TicketView};
use crate::error::AppError;
use leptos::prelude::*;

/// Tickets on one page of the maintenance list.
pub const TICKETS_PER_PAGE: u32 = 25;

/// Opens a ticket for `room`. `photo` is a `data:image/…;base64,` URL or empty; `out_of_order`
/// is a checkbox (`on` when ticked), with `until` the room's last day out of order if known (a
/// supervisor's); `key` is the ticket's id, so a report sent twice opens one.
#[server(endpoint = "housekeeping/report")]
pub async fn report_problem(
    room: String,
    problem: String,
    priority: String,
    #[server(default)] out_of_order: Option<String>,
    #[server(default)] until: String,
    #[server(default)] photo: String,
    key: String,
) -> Result<TicketView, AppError> {
    let me = super::access::require_housekeeping().await?;
    let state = crate::state::state()?;
    let mut new = server::new_ticket(&room, &problem, &priority, out_of_order.is_some(), &photo, &key, me.user_id)?;
    new.out_of_order_until = server::last_day(&until, new.takes_room_out_of_order, state.bookings.today())?;
    if new.out_of_order_until.is_some() && !super::access::supervises(me.role) {
        return Err(AppError::NotAllowed("only a housekeeping supervisor (manager or admin) sets the days out of order".into()));
    }
    let ticket = state.rooms.open_ticket(new).await.map_err(server::ticket_error)?;
    tracing::info!(ticket = %ticket.id, room = %ticket.room_number, by = %me.user_id, "maintenance ticket opened");
    Ok(server::views(&[ticket]).await?.remove(0))
}

/// One page of tickets, most urgent first; `status` is `open`, `in_progress`, `resolved` or
/// empty for all.
#[server(endpoint = "housekeeping/tickets")]
pub async fn maintenance_tickets(#[server(default)] status: String, #[server(default)] page: u32) -> Result<TicketPageView, AppError> {
    super::access::require_supervisor().await?;
    let state = crate::state::state()?;
    let filter = rooms::TicketFilter { status: server::status(&status)?, room: None };
    let found = state.rooms.tickets(filter, page + 1, TICKETS_PER_PAGE).await.map_err(super::server::housekeeping_error)?;
    Ok(TicketPageView { tickets: server::views(&found.tickets).await?, total: found.total, page })
}

/// `start` (the supervisor takes it) or `resolve` (a room it kept out of order returns dirty).
#[server(endpoint = "housekeeping/ticket")]
pub async fn work_ticket(ticket: String, action: String) -> Result<TicketView, AppError> {
    let me = super::access::require_supervisor().await?;
    let state = crate::state::state()?;
    let id = ticket.trim().parse().map_err(|_| AppError::NotFound("there is no such ticket".into()))?;
    let done = match action.as_str() {
        "start" => state.rooms.start_ticket(id, me.user_id).await,
        "resolve" => state.rooms.resolve_ticket(id, me.user_id).await,
        other => return Err(AppError::Invalid(format!("'{other}' is not something done to a ticket"))),
    }
    .map_err(super::server::housekeeping_error)?;
    tracing::info!(ticket = %id, by = %me.user_id, action, "maintenance ticket worked");
    Ok(server::views(&[done]).await?.remove(0))
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use crate::dto::maintenance::TicketView;
    use crate::error::AppError;
    use base64::Engine;
    use kernel::UserId;
    use rooms::{HousekeepingError, NewTicket, Photo, Priority, Problem, StatusRefused, Ticket, TicketStatus};
    use std::collections::HashMap;

    pub fn new_ticket(room: &str, problem: &str, priority: &str, out_of_order: bool, photo: &str, key: &str, by: UserId) -> Result<NewTicket, AppError> {
        Ok(NewTicket {
            id: kernel::TicketId::from_uuid(crate::api::desk::folio::server::key(key)?),
            room_id: room.trim().parse().map_err(|_| AppError::field("room", "choose the room"))?,
            problem: Problem::parse(problem).map_err(|e| AppError::field("problem", e.to_string()))?,
            priority: match priority.trim() {
                "" => Priority::Normal,
                other => Priority::parse(other).ok_or_else(|| AppError::field("priority", format!("'{other}' is not a priority")))?,
            },
            reporter: by,
            takes_room_out_of_order: out_of_order,
            out_of_order_until: None,
            photo: self::photo(photo)?,
        })
    }

    /// The last day out of order as typed; whether it has passed is the rooms service's rule
    /// (see [`ticket_error`]).
    pub fn last_day(until: &str, out_of_order: bool, today: chrono::NaiveDate) -> Result<Option<rooms::LastDay>, AppError> {
        let until = until.trim();
        if until.is_empty() {
            return Ok(None);
        }
        if !out_of_order {
            return Err(AppError::field("until", "a last day is for a room taken out of order; tick that too"));
        }
        let until = chrono::NaiveDate::parse_from_str(until, "%Y-%m-%d").map_err(|_| AppError::field("until", "the last day out of order, as a date"))?;
        Ok(Some(rooms::LastDay { until, today }))
    }

    /// Opening a ticket refused: a last day that has passed is shown beside its field.
    pub fn ticket_error(e: HousekeepingError) -> AppError {
        match e {
            HousekeepingError::Refused(StatusRefused::UntilInThePast) => {
                AppError::field("until", "the last day out of order cannot be in the past")
            }
            e => crate::api::housekeeping::server::housekeeping_error(e),
        }
    }

    fn photo(data_url: &str) -> Result<Option<Photo>, AppError> {
        let data_url = data_url.trim();
        if data_url.is_empty() {
            return Ok(None);
        }
        let refuse = |m: String| AppError::field("photo", m);
        let encoded = data_url
            .split_once(";base64,")
            .filter(|(head, _)| head.starts_with("data:"))
            .map(|(_, data)| data)
            .ok_or_else(|| refuse("the photo did not arrive as a picture; choose it again".into()))?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .map_err(|_| refuse("the photo did not arrive whole; choose it again".into()))?;
        Photo::parse(bytes).map(Some).map_err(|e| refuse(e.to_string()))
    }

    pub fn status(s: &str) -> Result<Option<TicketStatus>, AppError> {
        Ok(match s.trim() {
            "" => None,
            "open" => Some(TicketStatus::Open),
            "in_progress" => Some(TicketStatus::InProgress),
            "resolved" => Some(TicketStatus::Resolved),
            other => return Err(AppError::field("status", format!("'{other}' is not a ticket's status"))),
        })
    }

    /// The tickets with their people's names and times in the hotel's zone.
    pub async fn views(tickets: &[Ticket]) -> Result<Vec<TicketView>, AppError> {
        let state = crate::state::state()?;
        let people: Vec<UserId> = tickets.iter().flat_map(|t| std::iter::once(t.reporter).chain(t.assignee).chain(t.resolved_by)).collect();
        let names: HashMap<UserId, String> =
            state.users.find_many(&people).await.map_err(crate::state::internal)?.into_iter().map(|u| (u.id, u.name)).collect();
        let name = |id: UserId| names.get(&id).cloned().unwrap_or_else(|| "someone".to_owned());
        let clock = state.bookings.clock();
        let local = |at| crate::api::desk::stay::server::local(at, &clock);
        Ok(tickets
            .iter()
            .map(|t| TicketView {
                id: t.id.to_string(),
                room_id: t.room_id.to_string(),
                room_number: t.room_number.clone(),
                problem: t.problem.as_str().to_owned(),
                priority: t.priority.as_str().to_owned(),
                status: t.status.as_str().to_owned(),
                reporter: name(t.reporter),
                assignee: t.assignee.map(name),
                takes_room_out_of_order: t.takes_room_out_of_order,
                photo: t.has_photo.then(|| format!("/housekeeping/tickets/{}/photo", t.id)),
                opened: local(t.created_at),
                resolved: t.resolved_at.map(local),
                resolved_by: t.resolved_by.map(name),
            })
            .collect())
    }
}
