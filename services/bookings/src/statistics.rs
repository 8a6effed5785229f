//! What the reports count from bookings: room nights sold with their revenue, stays by arrival
//! date and how they ended, the rooms the night audits counted, and the pickup snapshots.
use crate::pricing::PricedStay;
use crate::BookingsService;
use chrono::NaiveDate;
use kernel::RoomTypeCode;
use std::collections::BTreeMap;

/// Rooms sold and their room revenue on one night, for one room type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NightSold {
    pub rooms: i64,
    pub revenue_minor: i64,
}

/// Stays arriving on one date, for one room type, by how they stand.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Arrivals {
    /// Stays that happened or will (not cancelled, not no-shows), and their nights.
    pub stays: i64,
    pub nights: i64,
    pub cancelled: i64,
    pub no_shows: i64,
}

/// The rooms a night audit counted for a room type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuditedRooms {
    pub physical: i64,
    pub out_of_order: i64,
}

pub type ByNight<T> = BTreeMap<(NaiveDate, String), T>;

impl BookingsService {
    /// Room nights from `from` up to (not including) `to`, of stays sold (confirmed, in the house
    /// or checked out), each at its net price ([`PricedStay::net_nights`]).
    pub async fn nights_sold(&self, from: NaiveDate, to: NaiveDate, room_type: Option<&RoomTypeCode>) -> anyhow::Result<ByNight<NightSold>> {
        let rows: Vec<(String, NaiveDate, NaiveDate, i64, serde_json::Value)> = sqlx::query_as(
            "SELECT room_type, check_in, check_out, total_minor, price_detail FROM bookings.bookings \
             WHERE status IN ('confirmed', 'checked_in', 'checked_out') \
               AND daterange(check_in, check_out, '[)') && daterange($1, $2, '[)') \
               AND ($3::text IS NULL OR room_type = $3)",
        )
        .bind(from)
        .bind(to)
        .bind(room_type.map(RoomTypeCode::as_str))
        .fetch_all(self.pool())
        .await?;
        let mut sold = ByNight::new();
        for (room_type, check_in, check_out, total, detail) in rows {
            let nights = match serde_json::from_value::<PricedStay>(detail) {
                Ok(priced) => priced.net_nights().into_iter().map(|(d, m)| (d, m.minor())).collect(),
                Err(_) => even_split(check_in, check_out, total),
            };
            for (date, minor) in nights.into_iter().filter(|(d, _)| (from..to).contains(d)) {
                let night = sold.entry((date, room_type.clone())).or_insert(NightSold { rooms: 0, revenue_minor: 0 });
                night.rooms += 1;
                night.revenue_minor += minor;
            }
        }
        Ok(sold)
    }

    /// Stays by arrival date from `from` up to `to`.
    pub async fn arrivals(&self, from: NaiveDate, to: NaiveDate, room_type: Option<&RoomTypeCode>) -> anyhow::Result<ByNight<Arrivals>> {
        let rows: Vec<(NaiveDate, String, String, i64, i64)> = sqlx::query_as(
            "SELECT check_in, room_type, status, count(*), sum(check_out - check_in)::bigint FROM bookings.bookings \
             WHERE check_in >= $1 AND check_in < $2 AND status <> 'pending' AND ($3::text IS NULL OR room_type = $3) \
             GROUP BY check_in, room_type, status",
        )
        .bind(from)
        .bind(to)
        .bind(room_type.map(RoomTypeCode::as_str))
        .fetch_all(self.pool())
        .await?;
        let mut arrivals = ByNight::<Arrivals>::new();
        for (date, room_type, status, count, nights) in rows {
            let a = arrivals.entry((date, room_type)).or_default();
            match status.as_str() {
                "cancelled" => a.cancelled += count,
                "no_show" => a.no_shows += count,
                _ => {
                    a.stays += count;
                    a.nights += nights;
                }
            }
        }
        Ok(arrivals)
    }

    /// The rooms the night audits counted on the nights from `from` up to `to`.
    pub async fn audited_rooms(&self, from: NaiveDate, to: NaiveDate) -> anyhow::Result<ByNight<AuditedRooms>> {
        let rows: Vec<(NaiveDate, String, i32, i32)> = sqlx::query_as(
            "SELECT business_date, room_type, physical, out_of_order FROM bookings.audited_rooms \
             WHERE business_date >= $1 AND business_date < $2",
        )
        .bind(from)
        .bind(to)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(d, t, physical, ooo)| ((d, t), AuditedRooms { physical: physical.into(), out_of_order: ooo.into() }))
            .collect())
    }

    /// Rooms and revenue on the books per stay date from `from` up to `to`, as the audit of
    /// `taken_on` snapshotted them.
    pub async fn pickup_snapshot(&self, taken_on: NaiveDate, from: NaiveDate, to: NaiveDate, room_type: Option<&RoomTypeCode>) -> anyhow::Result<ByNight<NightSold>> {
        let rows: Vec<(NaiveDate, String, i32, i64)> = sqlx::query_as(
            "SELECT stay_date, room_type, rooms, revenue_minor FROM bookings.pickup_snapshots \
             WHERE taken_on = $1 AND stay_date >= $2 AND stay_date < $3 AND ($4::text IS NULL OR room_type = $4)",
        )
        .bind(taken_on)
        .bind(from)
        .bind(to)
        .bind(room_type.map(RoomTypeCode::as_str))
        .fetch_all(self.pool())
        .await?;
        Ok(rows.into_iter().map(|(d, t, rooms, revenue)| ((d, t), NightSold { rooms: rooms.into(), revenue_minor: revenue })).collect())
    }
}

/// A stay without its priced nights (imported): its total over its nights, the cents left over
/// on the first nights.
fn even_split(check_in: NaiveDate, check_out: NaiveDate, total: i64) -> Vec<(NaiveDate, i64)> {
    let n = (check_out - check_in).num_days().max(1);
    (0..n).map(|i| (check_in + chrono::Duration::days(i), total / n + i64::from(i < total % n))).collect()
}
