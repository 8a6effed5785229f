//! The revenue report: its figures for a range, a grain and a room type, paged by period.
use crate::dto::admin::ReportView;
use crate::error::AppError;
use leptos::prelude::*;

/// Periods on one page of the table (the chart and the CSV have them all).
pub const PERIODS_PER_PAGE: u32 = 31;

/// Empty fields take the defaults: this month, by day, every room type, pickup over 7 days.
#[server(endpoint = "admin/report")]
pub async fn report(
    #[server(default)] first: String,
    #[server(default)] last: String,
    #[server(default)] by: String,
    #[server(default)] room_type: String,
    #[server(default)] pickup_days: String,
    #[server(default)] page: u32,
) -> Result<ReportView, AppError> {
    super::access::require_manager().await?;
    let state = crate::state::state()?;
    let query = server::query(&first, &last, &by, &room_type, &pickup_days, state.bookings.today())?;
    let report = state.office.report(query).await.map_err(server::report_error)?;
    let inventory = state.rooms.inventory().await.map_err(crate::state::internal)?;
    Ok(server::view(&report, &inventory, page))
}

#[cfg(feature = "ssr")]
pub mod server {
    use crate::dto::admin::{PickupRowView, PickupView, ReportRowView, ReportView};
    use crate::error::AppError;
    use chrono::{Datelike, NaiveDate};
    use kernel::{Money, RoomTypeCode};
    use office::reports::{Figures, Grain, Report, ReportError, ReportQuery, Span, PICKUP_DAYS};

    fn date(s: &str, field: &str, default: NaiveDate) -> Result<NaiveDate, AppError> {
        match s.trim() {
            "" => Ok(default),
            s => NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| AppError::field(field, "a date, as YYYY-MM-DD")),
        }
    }

    /// The report asked for, from the page's (or the CSV link's) fields.
    pub fn query(first: &str, last: &str, by: &str, room_type: &str, pickup_days: &str, today: NaiveDate) -> Result<ReportQuery, AppError> {
        let month = today.with_day(1).expect("a first of the month");
        let end = (month + chrono::Months::new(1)).pred_opt().expect("a last of the month");
        let grain = match by.trim() {
            "" => Grain::Day,
            s => Grain::parse(s).ok_or_else(|| AppError::field("by", "by day, week or month"))?,
        };
        let room_type = match room_type.trim() {
            "" => None,
            s => Some(RoomTypeCode::parse(s).map_err(|_| AppError::field("room_type", "choose a room type"))?),
        };
        let pickup_days = match pickup_days.trim() {
            "" => PICKUP_DAYS,
            s => s.parse().map_err(|_| AppError::field("pickup_days", "a number of days"))?,
        };
        let query = ReportQuery { first: date(first, "first", month)?, last: date(last, "last", end)?, grain, room_type, pickup_days };
        query.check().map_err(report_error)?;
        Ok(query)
    }

    pub fn report_error(e: ReportError) -> AppError {
        match e {
            ReportError::Invalid { field, message } => AppError::field(field, message),
            ReportError::Unexpected(e) => crate::state::internal(e),
        }
    }

    fn row(span: &Span, f: &Figures, currency: kernel::Currency) -> ReportRowView {
        let c = &f.counts;
        ReportRowView {
            label: span.label.clone(),
            first: span.first,
            last: span.last,
            rooms_available: c.rooms_available,
            rooms_sold: c.rooms_sold,
            occupancy: f.occupancy.clone(),
            room_revenue: Money::from_minor(c.room_revenue_minor, currency),
            other_revenue: c.other_revenue_minor.map(|m| Money::from_minor(m, currency)),
            adr: f.adr,
            revpar: f.revpar,
            trevpar: f.trevpar,
            arrivals: c.stays,
            alos: f.alos.clone(),
            cancellations: c.cancellations,
            no_shows: c.no_shows,
        }
    }

    /// The query as the CSV link's address carries it.
    fn href(q: &ReportQuery) -> String {
        format!(
            "/admin/reports.csv?first={}&last={}&by={}&room_type={}&pickup_days={}",
            q.first,
            q.last,
            q.grain.as_str(),
            q.room_type.as_ref().map(RoomTypeCode::as_str).unwrap_or(""),
            q.pickup_days
        )
    }

    pub fn view(report: &Report, inventory: &rooms::Inventory, page: u32) -> ReportView {
        let q = &report.query;
        let per_page = super::PERIODS_PER_PAGE as usize;
        let whole = Span { label: "Total".into(), first: q.first, last: q.last };
        ReportView {
            first: q.first,
            last: q.last,
            by: q.grain.as_str().to_owned(),
            room_type: q.room_type.as_ref().map(|t| t.as_str().to_owned()).unwrap_or_default(),
            pickup_days: q.pickup_days,
            room_types: inventory.room_types.iter().map(|t| (t.code.as_str().to_owned(), t.name.clone())).collect(),
            rows: report.rows.iter().skip(page as usize * per_page).take(per_page).map(|r| row(&r.span, &r.figures, report.currency)).collect(),
            periods: report.rows.len() as u64,
            page,
            total: row(&whole, &report.total, report.currency),
            chart_svg: office::reports::occupancy_svg(report),
            pickup: report.pickup.as_ref().map(|p| PickupView {
                taken_on: p.taken_on,
                snapshot_exists: p.snapshot_exists,
                rows: p
                    .rows
                    .iter()
                    .map(|r| PickupRowView {
                        label: r.span.label.clone(),
                        rooms_now: r.rooms_now,
                        rooms_then: r.rooms_then,
                        revenue_now: Money::from_minor(r.revenue_now_minor, report.currency),
                        revenue_then: Money::from_minor(r.revenue_then_minor, report.currency),
                    })
                    .collect(),
            }),
            csv_href: href(q),
        }
    }
}
