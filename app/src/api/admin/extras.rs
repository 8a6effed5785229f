//! The extras catalogue the front desk posts from: listed, added, changed, taken off the list.
use crate::dto::admin::{ExtraView, ExtrasPageView};
use crate::error::AppError;
use leptos::prelude::*;

/// Extras on one page of the catalogue.
pub const EXTRAS_PER_PAGE: u32 = 25;

#[server(endpoint = "admin/extras")]
pub async fn extras_page(#[server(default)] page: u32) -> Result<ExtrasPageView, AppError> {
    super::access::require_manager().await?;
    let state = crate::state::state()?;
    let all = state.billing.catalogue().await.map_err(crate::api::checkout::server::billing_error)?;
    let total = all.len() as u64;
    let extras = all.iter().skip((page * EXTRAS_PER_PAGE) as usize).take(EXTRAS_PER_PAGE as usize).map(server::view).collect();
    Ok(ExtrasPageView { extras, total, page })
}

/// Adds an extra (`id` empty) or changes one. `price` is what the guest pays, VAT included;
/// `vat` a percentage; `active` a checkbox (`on` when ticked).
#[server(endpoint = "admin/save_extra")]
pub async fn save_extra(
    #[server(default)] id: String,
    #[server(default)] code: String,
    name: String,
    price: String,
    vat: String,
    #[server(default)] active: Option<String>,
) -> Result<ExtraView, AppError> {
    let me = super::access::require_manager().await?;
    let state = crate::state::state()?;
    let id = match id.trim() {
        "" => None,
        s => Some(s.parse::<uuid::Uuid>().map_err(|_| AppError::NotFound("that extra is not on the hotel's list".into()))?),
    };
    let input = payments::billing::ExtraInput {
        code: code.trim().to_owned(),
        name,
        price: kernel::Money::parse_entered(&price, kernel::hotel::HOTEL.currency)
            .ok_or_else(|| AppError::field("price", "a price such as 18.00"))?,
        vat: payments::billing::VatRate::parse_percent(&vat)
            .ok_or_else(|| AppError::field("vat", "a VAT rate from 0 to 100 percent, such as 19 or 7.5"))?,
        active: active.is_some(),
    };
    let saved = state.billing.save_extra(id, input, me.user_id).await.map_err(crate::api::checkout::server::billing_error)?;
    Ok(server::view(&saved))
}

#[cfg(feature = "ssr")]
mod server {
    use crate::dto::admin::ExtraView;
    use payments::billing::Extra;

    pub fn view(e: &Extra) -> ExtraView {
        let vat_percent = e.vat.to_string().trim_end_matches('%').to_owned();
        ExtraView { id: e.id.to_string(), code: e.code.clone(), name: e.name.clone(), price: e.price, vat_percent, active: e.active }
    }
}
