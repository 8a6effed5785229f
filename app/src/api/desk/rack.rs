//! The room rack: rooms by type, fourteen days from a date, the stays and out-of-order spells
//! on each room. Moving a stay is the booking's own `move_booking`.
use crate::dto::desk_rack::RackView;
use crate::error::AppError;
use leptos::prelude::*;

/// The rack from `from` (the hotel's business date when empty) for [`RACK_DAYS`] days, of one
/// room type when `room_type` names one, else of every room; one page of rooms.
///
/// [`RACK_DAYS`]: crate::dto::desk_rack::RACK_DAYS
#[server(endpoint = "desk/rack")]
pub async fn desk_rack(
    from: Option<String>,
    room_type: Option<String>,
    page: Option<u32>,
) -> Result<RackView, AppError> {
    super::access::require_desk().await?;
    let state = crate::state::state()?;
    let query = server::query(&state.bookings, from.as_deref(), room_type.as_deref(), page)?;
    let rack = state
        .desk
        .rack(&query)
        .await
        .map_err(super::server::desk_error)?;
    Ok(server::view(rack, &query))
}

#[cfg(feature = "ssr")]
mod server {
    use crate::dto::desk_rack::{
        BarState, RackBarView, RackGroupView, RackPlace, RackRoomView, RackSpellView, RackView,
        RACK_DAYS, RACK_ROOMS_PER_PAGE,
    };
    use crate::error::AppError;
    use bookings::lifecycle::Action;
    use desk::RackQuery;
    use kernel::{RoomTypeCode, Stay};

    pub fn query(
        bookings: &bookings::BookingsService,
        from: Option<&str>,
        room_type: Option<&str>,
        page: Option<u32>,
    ) -> Result<RackQuery, AppError> {
        let from = match from.map(str::trim).filter(|d| !d.is_empty()) {
            Some(d) => d
                .parse()
                .map_err(|_| AppError::Invalid(format!("'{d}' is not a date (YYYY-MM-DD)")))?,
            None => bookings.today(),
        };
        let window = from
            .checked_add_days(chrono::Days::new(RACK_DAYS))
            .and_then(|to| Stay::new(from, to).ok())
            .ok_or_else(|| AppError::Invalid(format!("the rack cannot start on {from}")))?;
        let room_type = match room_type.map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => Some(
                RoomTypeCode::parse(t)
                    .map_err(|_| AppError::NotFound(format!("there is no room type '{t}'")))?,
            ),
            None => None,
        };
        Ok(RackQuery {
            window,
            room_type,
            page: page.unwrap_or(0).min(10_000),
            per_page: RACK_ROOMS_PER_PAGE,
        })
    }

    pub fn view(rack: desk::Rack, q: &RackQuery) -> RackView {
        RackView {
            from: rack.window.check_in(),
            today: rack.today,
            room_types: rack
                .room_types
                .iter()
                .map(|t| (t.code.to_string(), t.name.clone()))
                .collect(),
            groups: rack
                .groups
                .into_iter()
                .map(|g| RackGroupView {
                    code: g.code.to_string(),
                    name: g.name,
                    rooms: g.rooms.into_iter().map(|r| room(r, rack.inspection_required)).collect(),
                })
                .collect(),
            total_rooms: rack.total_rooms,
            page: q.page,
            per_page: q.per_page,
        }
    }

    fn room(r: desk::RackRoom, inspection_required: bool) -> RackRoomView {
        RackRoomView {
            number: r.room.number.clone(),
            housekeeping: r.room.housekeeping.to_string(),
            not_ready: desk::NotReady::of(&r.room, inspection_required).map(|n| n.to_string()),
            bars: r.stays.into_iter().map(bar).collect(),
            out_of_order: r
                .out_of_order
                .into_iter()
                .map(|s| RackSpellView {
                    why: s.spell.why,
                    from: s.spell.from,
                    until: s.spell.until,
                    place: place(s.place),
                })
                .collect(),
        }
    }

    fn bar(s: desk::RackStay) -> RackBarView {
        let b = &s.booking;
        use desk::StayState::{Arriving, Departing, InHouse};
        RackBarView {
            tonight: matches!(s.state, Arriving | InHouse | Departing),
            booking_id: b.id.to_string(),
            reference: b.id.to_string()[..8].to_uppercase(),
            guest_name: s.guest_name.clone().unwrap_or_default(),
            room_number: b.room_number.clone(),
            state: match s.state {
                desk::StayState::Confirmed => BarState::Confirmed,
                desk::StayState::Arriving => BarState::Arriving,
                desk::StayState::InHouse => BarState::InHouse,
                desk::StayState::Departing => BarState::Departing,
                desk::StayState::CheckedOut => BarState::CheckedOut,
            },
            check_in: b.stay.check_in(),
            check_out: b.stay.check_out(),
            place: place(s.place),
            can_move: b.status.allows(Action::MoveRoom),
        }
    }

    fn place(p: desk::Place) -> RackPlace {
        RackPlace {
            start: p.start,
            span: p.span,
            before: p.before,
            after: p.after,
        }
    }
}
