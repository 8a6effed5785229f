//! The occupancy chart, drawn on the server as SVG by charts-rs (a maintained charting crate
//! that writes plain SVG: readable without JavaScript, and none of it in the browser's WASM).
use super::Report;
use charts_rs::BarChart;

pub fn occupancy_svg(report: &Report) -> String {
    let labels: Vec<String> = report.rows.iter().map(|r| r.span.label.clone()).collect();
    let values: Vec<f32> = report.rows.iter().map(|r| r.figures.occupancy_value()).collect();
    let mut chart = BarChart::new(vec![("Occupancy %", values).into()], labels);
    chart.width = 960.0;
    chart.height = 320.0;
    chart.title.text = "Occupancy (%)".to_owned();
    chart.svg().unwrap_or_else(|e| {
        tracing::warn!(error = %e, "the occupancy chart could not be drawn");
        String::new()
    })
}
