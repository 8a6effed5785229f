//! The hotel's settings, each kept by the service it belongs to: its times by bookings, when
//! cards are charged by payments, whether rooms are inspected by rooms. Saving writes only what
//! changed, so each service's audit records only real changes.
use bookings::{HotelTimes, HotelTimesError};
use kernel::UserId;
use payments::CapturePolicy;
use rooms::HousekeepingSettings;

pub struct SettingsSources<'a> {
    pub bookings: &'a bookings::BookingsService,
    pub payments: &'a payments::PaymentsService,
    pub rooms: &'a rooms::RoomsService,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HotelSettings {
    pub times: HotelTimes,
    pub capture: CapturePolicy,
    pub inspection_required: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error(transparent)]
    Times(#[from] HotelTimesError),
    /// The deployment's configuration sets it (`PaymentsConfig::capture_policy`).
    #[error("when cards are charged is set by this installation's configuration")]
    CaptureFixed,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// The settings now, and whether the capture policy is the configuration's.
pub async fn hotel_settings(s: &SettingsSources<'_>) -> anyhow::Result<(HotelSettings, bool)> {
    let times = s.bookings.hotel_times().await?;
    let capture = s.payments.capture_policy().await?;
    let inspection_required = s.rooms.housekeeping_settings().await?.inspection_required;
    Ok((HotelSettings { times, capture, inspection_required }, s.payments.capture_policy_fixed()))
}

/// Saves what differs from the settings now. The times go first: the database refuses a
/// check-out after check-in, and then nothing else is written.
#[tracing::instrument(skip(s))]
pub async fn save_hotel_settings(s: &SettingsSources<'_>, to: HotelSettings, by: UserId) -> Result<HotelSettings, SettingsError> {
    let (now, fixed) = hotel_settings(s).await?;
    if to.capture != now.capture && fixed {
        return Err(SettingsError::CaptureFixed);
    }
    if to.times != now.times {
        s.bookings.set_hotel_times(to.times, by).await?;
    }
    if to.capture != now.capture {
        s.payments.set_capture_policy(to.capture, by).await.map_err(anyhow::Error::from)?;
    }
    if to.inspection_required != now.inspection_required {
        s.rooms.set_housekeeping_settings(HousekeepingSettings { inspection_required: to.inspection_required }, by).await.map_err(anyhow::Error::from)?;
    }
    Ok(hotel_settings(s).await?.0)
}
