//! The hotel's settings: read, and saved by the services that keep them.
use crate::dto::admin::SettingsView;
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "admin/settings")]
pub async fn settings_page() -> Result<SettingsView, AppError> {
    super::access::require_manager().await?;
    let state = crate::state::state()?;
    let (s, fixed) = office::hotel_settings(&server::sources(&state)).await.map_err(crate::state::internal)?;
    Ok(server::view(s, fixed))
}

/// Times are `HH:MM`, hotel time; `capture` is booking, check_in or check_out; `inspection`
/// a checkbox (`on` when ticked).
#[server(endpoint = "admin/save_settings")]
pub async fn save_settings(
    check_in: String,
    check_out: String,
    night_audit: String,
    capture: String,
    #[server(default)] inspection: Option<String>,
) -> Result<SettingsView, AppError> {
    let me = super::access::require_manager().await?;
    let state = crate::state::state()?;
    let time = |field: &str, s: &str| {
        chrono::NaiveTime::parse_from_str(s.trim(), "%H:%M").map_err(|_| AppError::field(field, "a time such as 15:00"))
    };
    let to = office::HotelSettings {
        times: bookings::HotelTimes { check_in: time("check_in", &check_in)?, check_out: time("check_out", &check_out)?, night_audit: time("night_audit", &night_audit)? },
        capture: payments::CapturePolicy::parse(capture.trim()).ok_or_else(|| AppError::field("capture", "one of the moments listed"))?,
        inspection_required: inspection.is_some(),
    };
    let saved = office::save_hotel_settings(&server::sources(&state), to, me.user_id).await.map_err(server::settings_error)?;
    Ok(server::view(saved, state.payments.capture_policy_fixed()))
}

#[cfg(feature = "ssr")]
mod server {
    use crate::dto::admin::SettingsView;
    use crate::error::AppError;
    use kernel::hotel::HOTEL;

    pub fn sources(state: &crate::state::AppState) -> office::SettingsSources<'_> {
        office::SettingsSources { bookings: &state.bookings, payments: &state.payments, rooms: &state.rooms }
    }

    pub fn settings_error(e: office::SettingsError) -> AppError {
        match e {
            office::SettingsError::Times(bookings::HotelTimesError::Turnover) => AppError::field("check_out", e.to_string()),
            office::SettingsError::CaptureFixed => AppError::field("capture", e.to_string()),
            other => crate::state::internal(other),
        }
    }

    pub fn view(s: office::HotelSettings, capture_fixed: bool) -> SettingsView {
        let hm = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
        SettingsView {
            name: HOTEL.name.into(),
            address: HOTEL.address.iter().map(|l| l.to_string()).collect(),
            vat_id: HOTEL.vat_id.into(),
            time_zone: HOTEL.time_zone.into(),
            currency: HOTEL.currency.code().into(),
            reservations_email: HOTEL.reservations_email.into(),
            check_in: hm(s.times.check_in),
            check_out: hm(s.times.check_out),
            night_audit: hm(s.times.night_audit),
            capture: s.capture.as_str().into(),
            capture_fixed,
            inspection_required: s.inspection_required,
        }
    }
}
