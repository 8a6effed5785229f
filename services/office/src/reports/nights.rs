//! The counts of every night of a report's range, summed over its room types.
//!
//! Rooms available on a night the night audit closed are the rooms it counted then, less those
//! out of order; on a night not closed yet, the rooms there are now, less those out of order now
//! for that night (from today on: a room out of order until a day is back after it).
use super::{Counts, ReportQuery, Span};
use crate::Office;
use chrono::{Duration, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

pub(super) fn of(span: &Span) -> impl Iterator<Item = NaiveDate> {
    let (first, last) = (span.first, span.last);
    (0..=(last - first).num_days()).map(move |i| first + Duration::days(i))
}

pub(super) async fn counted(office: &Office, query: &ReportQuery) -> anyhow::Result<BTreeMap<NaiveDate, Counts>> {
    let (first, to) = (query.first, query.last + Duration::days(1));
    let type_ = query.room_type.as_ref();
    let sold = office.bookings.nights_sold(first, to, type_).await?;
    let arrivals = office.bookings.arrivals(first, to, type_).await?;
    let audited = office.bookings.audited_rooms(first, to).await?;
    let rooms = office.rooms.all_rooms(type_).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let other = match type_ {
        None => Some(office.billing.extras_by_day(first, to, kernel::hotel::HOTEL.time_zone).await.map_err(|e| anyhow::anyhow!("{e:?}"))?),
        Some(_) => None,
    };
    let today = office.bookings.today();
    let wanted = |t: &str| type_.is_none_or(|w| w.as_str() == t);

    let mut physical = BTreeMap::<String, i64>::new();
    for room in &rooms {
        *physical.entry(room.room_type.as_str().to_owned()).or_default() += 1;
    }
    let out_of_order_on = |night: NaiveDate, t: &str| -> i64 {
        if night < today {
            return 0;
        }
        rooms
            .iter()
            .filter(|r| r.room_type.as_str() == t && r.housekeeping == rooms::Housekeeping::OutOfOrder)
            .filter(|r| r.out_of_order_until.is_none_or(|until| night <= until))
            .count() as i64
    };
    let types: BTreeSet<String> =
        physical.keys().cloned().chain(audited.keys().map(|(_, t)| t.clone())).filter(|t| wanted(t)).collect();

    let mut counts = BTreeMap::new();
    let mut night = first;
    while night < to {
        let mut c = Counts { other_revenue_minor: other.as_ref().map(|o| o.get(&night).copied().unwrap_or(0)), ..Counts::default() };
        for t in &types {
            let key = (night, t.clone());
            c.rooms_available += match audited.get(&key) {
                Some(a) => a.physical - a.out_of_order,
                None => physical.get(t).copied().unwrap_or(0) - out_of_order_on(night, t),
            };
            if let Some(s) = sold.get(&key) {
                c.rooms_sold += s.rooms;
                c.room_revenue_minor += s.revenue_minor;
            }
            if let Some(a) = arrivals.get(&key) {
                c.stays += a.stays;
                c.stay_nights += a.nights;
                c.cancellations += a.cancelled;
                c.no_shows += a.no_shows;
            }
        }
        counts.insert(night, c);
        night += Duration::days(1);
    }
    Ok(counts)
}
