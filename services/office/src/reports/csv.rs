//! The report as CSV: exactly the figures the page shows, in the same words and cents.
use super::Report;
use kernel::Money;

const HEADER: &str = "period,first_night,last_night,rooms_available,rooms_sold,occupancy_percent,room_revenue,\
other_revenue,adr,revpar,trevpar,arrivals,alos,cancellations,no_shows,currency";

fn amount(m: Option<Money>) -> String {
    m.map(|m| m.to_decimal_string()).unwrap_or_default()
}

/// A field as CSV writes it: quoted when it holds a comma, a quote or a line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

pub fn to_csv(report: &Report) -> String {
    let mut out = String::from(HEADER);
    out.push_str("\r\n");
    let currency = report.currency.code();
    let total_span = (report.query.first, report.query.last);
    let rows = report
        .rows
        .iter()
        .map(|r| (r.span.label.as_str(), r.span.first, r.span.last, &r.figures))
        .chain(std::iter::once(("total", total_span.0, total_span.1, &report.total)));
    for (label, first, last, f) in rows {
        let c = &f.counts;
        let money = |minor: i64| Money::from_minor(minor, report.currency).to_decimal_string();
        let line = [
            field(label),
            first.to_string(),
            last.to_string(),
            c.rooms_available.to_string(),
            c.rooms_sold.to_string(),
            f.occupancy.clone(),
            money(c.room_revenue_minor),
            c.other_revenue_minor.map(money).unwrap_or_default(),
            amount(f.adr),
            amount(f.revpar),
            amount(f.trevpar),
            c.stays.to_string(),
            f.alos.clone(),
            c.cancellations.to_string(),
            c.no_shows.to_string(),
            currency.to_owned(),
        ];
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}
