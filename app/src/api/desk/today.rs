use crate::dto::desk::{DayCountsView, DayListView};
use crate::error::AppError;
use leptos::prelude::*;

/// Lines on one page of a day's list.
pub const PER_PAGE: u32 = 25;

/// One page of the day's arrivals, in-house guests or departures, for the hotel's date
/// (today unless `date` is given), narrowed by `search` and sorted by `sort`.
#[server(endpoint = "desk/day")]
pub async fn desk_day(
    list: String,
    date: Option<String>,
    search: String,
    sort: String,
    page: u32,
) -> Result<DayListView, AppError> {
    super::access::require_desk().await?;
    let state = crate::state::state()?;
    let query = server::query(&state.bookings, &list, date.as_deref(), &sort, page)?;
    let day = state
        .desk
        .day(query.clone(), Some(server::search(&search)?))
        .await
        .map_err(super::server::desk_error)?;
    Ok(server::view(&query, day))
}

/// How many arrivals, in-house guests and departures the day has, narrowed by `search`.
#[server(endpoint = "desk/day_counts")]
pub async fn desk_day_counts(
    date: Option<String>,
    search: String,
) -> Result<DayCountsView, AppError> {
    super::access::require_desk().await?;
    let state = crate::state::state()?;
    let query = server::query(&state.bookings, "arrivals", date.as_deref(), "", 0)?;
    let counts = state
        .desk
        .day_counts(query.date, Some(server::search(&search)?))
        .await
        .map_err(super::server::desk_error)?;
    let counts = counts
        .into_iter()
        .map(|(list, n)| (server::list_name(list).to_owned(), n))
        .collect();
    Ok(DayCountsView {
        date: query.date,
        counts,
    })
}

#[cfg(feature = "ssr")]
mod server {
    use crate::dto::desk::{DayListView, DayRowView};
    use crate::error::AppError;
    use bookings::lifecycle::Action;
    use bookings::{BookingsService, DayList, DayQuery, DaySort};

    pub fn search(text: &str) -> Result<&str, AppError> {
        if text.chars().count() > 100 {
            return Err(AppError::Invalid(
                "search for at most 100 characters".into(),
            ));
        }
        Ok(text)
    }

    pub fn list_name(list: DayList) -> &'static str {
        match list {
            DayList::Arrivals => "arrivals",
            DayList::InHouse => "in_house",
            DayList::Departures => "departures",
        }
    }

    pub fn query(
        bookings: &BookingsService,
        list: &str,
        date: Option<&str>,
        sort: &str,
        page: u32,
    ) -> Result<DayQuery, AppError> {
        let list = match list {
            "arrivals" => DayList::Arrivals,
            "in_house" => DayList::InHouse,
            "departures" => DayList::Departures,
            other => return Err(AppError::Invalid(format!("there is no list '{other}'"))),
        };
        let sort = match sort {
            "" | "room" => DaySort::Room,
            "arrival" => DaySort::Arrival,
            "departure" => DaySort::Departure,
            "booked" => DaySort::Booked,
            other => {
                return Err(AppError::Invalid(format!(
                    "a list cannot be sorted by '{other}'"
                )))
            }
        };
        let date = match date.map(str::trim).filter(|d| !d.is_empty()) {
            Some(d) => d
                .parse()
                .map_err(|_| AppError::Invalid(format!("'{d}' is not a date (YYYY-MM-DD)")))?,
            None => bookings.today(),
        };
        Ok(DayQuery {
            date,
            list,
            filter: None,
            sort,
            page: page.min(10_000),
            per_page: super::PER_PAGE,
        })
    }

    pub fn view(q: &DayQuery, day: desk::DayRows) -> DayListView {
        let rows = day
            .rows
            .into_iter()
            .map(|r| {
                let b = &r.booking;
                let stay_open = b.stay.check_in() <= q.date && q.date < b.stay.check_out();
                DayRowView {
                    booking_id: b.id.to_string(),
                    reference: b.id.to_string()[..8].to_uppercase(),
                    guest_name: r.guest.as_ref().map(|g| g.name.clone()).unwrap_or_default(),
                    guest_email: r
                        .guest
                        .as_ref()
                        .map(|g| g.email.to_string())
                        .unwrap_or_default(),
                    adults: b.party.adults(),
                    children: b.party.children(),
                    room_type: b.room_type.to_string(),
                    room_number: b.room_number.clone(),
                    housekeeping: r.room.as_ref().map(|room| room.housekeeping.to_string()),
                    status: b.status.as_str().replace('_', " "),
                    check_in: b.stay.check_in(),
                    check_out: b.stay.check_out(),
                    nights: b.stay.nights(),
                    nights_left: (b.stay.check_out() - q.date.max(b.stay.check_in()))
                        .num_days()
                        .max(0),
                    balance: r.balance,
                    can_check_in: b.status.allows(Action::CheckIn) && stay_open,
                    can_check_out: b.status.allows(Action::CheckOut),
                }
            })
            .collect();
        DayListView {
            date: q.date,
            rows,
            total: day.total,
            page: q.page,
            per_page: q.per_page,
        }
    }
}
