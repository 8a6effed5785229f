//! The audit log: what staff did, across the services, filtered by person, dates and booking,
//! paged by a cursor.
use crate::dto::admin::AuditLogView;
use crate::error::AppError;
use leptos::prelude::*;

/// Actions on one page of the log.
pub const ACTIONS_PER_PAGE: u32 = 50;

/// `from` and `to` are the hotel's dates, both shown; `person` a user id; `booking` a booking id
/// or its 8-character reference; `before` the cursor of the page to show.
#[server(endpoint = "admin/audit_log")]
pub async fn audit_log(
    #[server(default)] person: String,
    #[server(default)] from: String,
    #[server(default)] to: String,
    #[server(default)] booking: String,
    #[server(default)] before: String,
) -> Result<AuditLogView, AppError> {
    super::access::require_manager().await?;
    server::page(person, from, to, booking, before).await
}

#[cfg(feature = "ssr")]
mod server {
    use crate::dto::admin::{AuditEntryView, AuditLogView};
    use crate::error::AppError;
    use kernel::audit_trail::{AuditCursor, AuditQuery};
    use kernel::{BookingId, Role, UserId};
    use std::collections::HashMap;

    pub async fn page(person: String, from: String, to: String, booking: String, before: String) -> Result<AuditLogView, AppError> {
        let state = crate::state::state()?;
        let clock = state.bookings.clock();
        let date = |field: &str, s: &str| match s.trim() {
            "" => Ok(None),
            s => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map(Some).map_err(|_| AppError::field(field, "a date such as 2026-12-01")),
        };
        let (first, last) = (date("from", &from)?, date("to", &to)?);
        if let (Some(f), Some(l)) = (first, last) {
            if l < f {
                return Err(AppError::field("to", "a last day on or after the first"));
            }
        }
        let by = match person.trim() {
            "" => None,
            p => Some(p.parse::<UserId>().map_err(|_| AppError::field("person", "one of the staff listed"))?),
        };
        let booking_id = match booking.trim() {
            "" => None,
            b => Some(booking_of(&state, b).await?),
        };
        let query = AuditQuery {
            by,
            from: first.map(|d| clock.start_of(d)),
            until: last.map(|d| clock.start_of(d + chrono::Duration::days(1))),
            booking: booking_id,
            before: match before.trim() {
                "" => None,
                c => Some(AuditCursor::decode(c).ok_or_else(|| AppError::Invalid("that page of the log is not one".into()))?),
            },
            limit: super::ACTIONS_PER_PAGE,
        };
        let sources = office::AuditSources {
            bookings: &state.bookings,
            rooms: &state.rooms,
            billing: &state.billing,
            users: &state.users,
            notifications: &state.notifications,
        };
        let found = office::audit_log(sources, &query).await.map_err(crate::state::internal)?;
        let mut staff = Vec::new();
        for role in [Role::Admin, Role::Manager, Role::FrontDesk, Role::Housekeeping] {
            staff.extend(state.users.with_role(role, 500).await.map_err(crate::state::internal)?);
        }
        let ids: Vec<UserId> = found.actions.iter().flat_map(|a| [a.by, a.whom]).flatten().collect();
        let mut names: HashMap<UserId, String> =
            state.users.find_many(&ids).await.map_err(crate::state::internal)?.into_iter().map(|u| (u.id, format!("{} ({})", u.name, u.role))).collect();
        names.extend(staff.iter().map(|u| (u.id, format!("{} ({})", u.name, u.role))));
        let name = |id: UserId| names.get(&id).cloned().unwrap_or_else(|| format!("someone no longer here ({})", &id.to_string()[..8]));
        let entries = found
            .actions
            .iter()
            .map(|a| AuditEntryView {
                at: a.at.with_timezone(&clock.time_zone).format("%Y-%m-%d %H:%M:%S").to_string(),
                by: a.by.map_or_else(|| "the hotel's schedule".into(), name),
                area: a.area.clone(),
                action: match a.whom {
                    Some(whom) => format!("{} {}", a.action, name(whom)),
                    None => a.action.clone(),
                },
                subject: a.subject.clone(),
                booking: a.booking.map(|b| (b.to_string(), payments::billing::booking_reference(b))),
            })
            .collect();
        staff.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(AuditLogView {
            entries,
            next: found.next.map(|c| c.encode()),
            people: staff.iter().map(|u| (u.id.to_string(), format!("{} ({})", u.name, u.role))).collect(),
            person: person.trim().to_owned(),
            from: from.trim().to_owned(),
            to: to.trim().to_owned(),
            booking: booking.trim().to_owned(),
        })
    }

    /// A booking by its id, or by the reference on its documents (the id's first 8 characters).
    async fn booking_of(state: &crate::state::AppState, typed: &str) -> Result<BookingId, AppError> {
        let unknown = || AppError::field("booking", "a booking's reference, such as 3F2A9C1B, or its id");
        if let Ok(id) = typed.parse::<BookingId>() {
            return Ok(id);
        }
        if typed.len() != 8 || !typed.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(unknown());
        }
        state.bookings.by_reference(typed).await.map_err(crate::state::internal)?.ok_or_else(unknown)
    }
}
