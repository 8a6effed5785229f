use crate::dto::RoomTypeView;
use crate::error::AppError;
use leptos::prelude::*;

/// The room types on sale, cheapest first. Public: anyone may look.
#[server(endpoint = "list_room_types")]
pub async fn list_room_types() -> Result<Vec<RoomTypeView>, AppError> {
    let state = crate::state::state()?;
    let types = state.rooms.room_types().await.map_err(crate::state::internal)?;
    Ok(types.iter().map(server::view).collect())
}

#[server(endpoint = "room_type")]
pub async fn room_type(code: String) -> Result<RoomTypeView, AppError> {
    let code = kernel::RoomTypeCode::parse(&code).map_err(|_| AppError::NotFound(format!("there is no room type '{code}'")))?;
    let state = crate::state::state()?;
    match state.rooms.room_type(&code).await {
        Ok(t) => Ok(server::view(&t)),
        Err(rooms::RoomsError::UnknownRoomType(c)) => Err(AppError::NotFound(format!("there is no room type '{c}'"))),
        Err(e) => Err(crate::state::internal(e)),
    }
}

#[cfg(feature = "ssr")]
mod server {
    use crate::dto::RoomTypeView;

    pub fn view(t: &rooms::RoomType) -> RoomTypeView {
        RoomTypeView {
            code: t.code.to_string(),
            name: t.name.clone(),
            description: t.description.clone(),
            max_adults: t.max_adults,
            max_children: t.max_children,
            nightly: t.base_price,
            beds: t.beds.clone(),
            size_m2: t.size_m2,
            amenities: t.amenities.clone(),
            features: t.features.iter().map(|(k, v)| (k.replace('_', " "), feature_value(v))).collect(),
        }
    }

    fn feature_value(v: &rooms::bson::Bson) -> String {
        match v {
            rooms::bson::Bson::String(s) => s.clone(),
            rooms::bson::Bson::Boolean(b) => if *b { "yes".into() } else { "no".into() },
            other => other.to_string(),
        }
    }
}
