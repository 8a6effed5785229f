//! Room types and rooms: listed, added, changed, retired and put back.
use crate::dto::admin::{RoomAdminView, RoomTypeAdminView, RoomsAdminPageView};
use crate::error::AppError;
use leptos::prelude::*;

/// Rooms on one page of the list: the rooms service's page, which the browser cannot name.
pub const ROOMS_PER_PAGE: u32 = 50;
#[cfg(feature = "ssr")]
const _: () = assert!(ROOMS_PER_PAGE == rooms::ROOMS_PER_PAGE);

#[server(endpoint = "admin/rooms")]
pub async fn rooms_page(#[server(default)] page: u32, #[server(default)] room_type: String) -> Result<RoomsAdminPageView, AppError> {
    super::access::require_manager().await?;
    let state = crate::state::state()?;
    let code = match room_type.trim() {
        "" => None,
        c => Some(server::code(c, "room_type")?),
    };
    let types = state.rooms.catalogue_types().await.map_err(server::catalogue_error)?;
    let found = state.rooms.catalogue_rooms(code.as_ref(), page + 1).await.map_err(server::catalogue_error)?;
    Ok(RoomsAdminPageView {
        types: types.iter().map(server::type_view).collect(),
        rooms: found.rooms.iter().map(server::room_view).collect(),
        total: found.total,
        page,
        room_type: code.map(|c| c.to_string()).unwrap_or_default(),
    })
}

/// Adds a room type (`adding` ticked) or changes the one with `code`. `amenities` are separated
/// by commas, `features` one `key: value` a line.
#[allow(clippy::too_many_arguments)]
#[server(endpoint = "admin/save_room_type")]
pub async fn save_room_type(
    #[server(default)] adding: Option<String>,
    code: String,
    name: String,
    #[server(default)] description: String,
    max_adults: String,
    max_children: String,
    base_price: String,
    beds: String,
    size_m2: String,
    #[server(default)] amenities: String,
    #[server(default)] features: String,
) -> Result<RoomTypeAdminView, AppError> {
    let me = super::access::require_manager().await?;
    let state = crate::state::state()?;
    let input = rooms::RoomType {
        code: server::code(code.trim(), "code")?,
        name,
        description,
        max_adults: server::number("max_adults", &max_adults, "1 to 12 adults")?,
        max_children: server::number("max_children", &max_children, "0 to 12 children")?,
        base_price: kernel::Money::parse_entered(&base_price, kernel::hotel::HOTEL.currency)
            .ok_or_else(|| AppError::field("base_price", "a price per night such as 129.00"))?,
        beds,
        size_m2: server::number("size_m2", &size_m2, "a size of 1 to 2,000 m²")?,
        amenities: amenities.split(',').map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect(),
        features: server::features(&features)?,
    };
    let saved = state.rooms.save_room_type(adding.is_some(), input, me.user_id).await.map_err(server::catalogue_error)?;
    let types = state.rooms.catalogue_types().await.map_err(server::catalogue_error)?;
    let saved = types.iter().find(|t| t.room_type.code == saved.code).ok_or(AppError::Internal)?;
    Ok(server::type_view(saved))
}

/// Takes a room type off sale (`retire` ticked) or puts it back.
#[server(endpoint = "admin/retire_room_type")]
pub async fn retire_room_type(code: String, #[server(default)] retire: Option<String>) -> Result<(), AppError> {
    let me = super::access::require_manager().await?;
    let state = crate::state::state()?;
    let code = server::code(code.trim(), "code")?;
    state.rooms.set_room_type_retired(&code, retire.is_some(), me.user_id).await.map_err(server::catalogue_error)
}

/// Adds a room (`id` empty) or changes one.
#[server(endpoint = "admin/save_room")]
pub async fn save_room(
    #[server(default)] id: String,
    number: String,
    floor: String,
    room_type: String,
    #[server(default)] features: String,
    #[server(default)] notes: String,
) -> Result<RoomAdminView, AppError> {
    let me = super::access::require_manager().await?;
    let state = crate::state::state()?;
    let id = server::room_id(&id)?;
    let input = rooms::RoomInput {
        number,
        floor: floor.trim().parse().map_err(|_| AppError::field("floor", "a floor from -5 to 200"))?,
        room_type: server::code(room_type.trim(), "room_type")?,
        features: server::features(&features)?,
        notes,
    };
    let saved = state.office.save_room(id, input, me.user_id).await.map_err(server::change_error)?;
    let saved = state.rooms.catalogue_room(saved.id).await.map_err(server::catalogue_error)?;
    Ok(server::room_view(&saved))
}

/// Retires a room (`retire` ticked) or puts it back in the inventory.
#[server(endpoint = "admin/retire_room")]
pub async fn retire_room(id: String, #[server(default)] retire: Option<String>) -> Result<RoomAdminView, AppError> {
    let me = super::access::require_manager().await?;
    let state = crate::state::state()?;
    let id = server::room_id(&id)?.ok_or_else(|| AppError::NotFound("that room is not in the hotel's inventory".into()))?;
    let room = match retire {
        Some(_) => state.office.retire_room(id, me.user_id).await.map_err(server::change_error)?,
        None => state.rooms.set_room_retired(id, false, me.user_id).await.map_err(server::catalogue_error)?,
    };
    let room = state.rooms.catalogue_room(room.id).await.map_err(server::catalogue_error)?;
    Ok(server::room_view(&room))
}

#[cfg(feature = "ssr")]
pub(super) mod server {
    use crate::dto::admin::{FeatureView, RoomAdminView, RoomTypeAdminView};
    use crate::error::AppError;
    use rooms::{bson::Document, features, CatalogueError, CatalogueRoom, CatalogueType};

    pub fn number<N: std::str::FromStr>(field: &str, s: &str, what: &str) -> Result<N, AppError> {
        s.trim().parse().map_err(|_| AppError::field(field, what))
    }

    pub fn code(s: &str, field: &str) -> Result<kernel::RoomTypeCode, AppError> {
        kernel::RoomTypeCode::parse(s).map_err(|e| AppError::field(field, e.to_string()))
    }

    pub fn room_id(s: &str) -> Result<Option<kernel::RoomId>, AppError> {
        match s.trim() {
            "" => Ok(None),
            s => s.parse().map(Some).map_err(|_| AppError::NotFound("that room is not in the hotel's inventory".into())),
        }
    }

    pub fn features(text: &str) -> Result<Document, AppError> {
        features::parse(text).map_err(|e| AppError::field("features", e.to_string()))
    }

    fn feature_views(f: &Document) -> Vec<FeatureView> {
        f.iter().map(|(k, v)| FeatureView { key: k.clone(), value: features::shown(v), kind: features::kind(v).into() }).collect()
    }

    pub fn type_view(t: &CatalogueType) -> RoomTypeAdminView {
        let r = &t.room_type;
        RoomTypeAdminView {
            code: r.code.to_string(),
            name: r.name.clone(),
            description: r.description.clone(),
            max_adults: r.max_adults,
            max_children: r.max_children,
            base_price: r.base_price,
            beds: r.beds.clone(),
            size_m2: r.size_m2,
            amenities: r.amenities.join(", "),
            features_text: features::render(&r.features),
            features: feature_views(&r.features),
            retired: t.retired,
            rooms: t.rooms,
        }
    }

    pub fn room_view(c: &CatalogueRoom) -> RoomAdminView {
        let r = &c.room;
        RoomAdminView {
            id: r.id.to_string(),
            number: r.number.clone(),
            floor: r.floor,
            room_type: r.room_type.to_string(),
            features_text: features::render(&r.features),
            features: feature_views(&r.features),
            notes: r.notes.clone(),
            state: r.housekeeping.to_string(),
            occupied: r.occupancy == rooms::Occupancy::Occupied,
            retired: c.retired,
        }
    }

    pub fn catalogue_error(e: CatalogueError) -> AppError {
        match e {
            CatalogueError::Invalid { field, message } => AppError::field(field, message),
            CatalogueError::UnknownRoomType(_) | CatalogueError::UnknownRoom => AppError::NotFound(e.to_string()),
            CatalogueError::InvalidPage => AppError::Invalid(e.to_string()),
            CatalogueError::Unexpected(e) => crate::state::internal(e),
            other => AppError::Conflict(other.to_string()),
        }
    }

    pub fn change_error(e: office::RoomChangeError) -> AppError {
        match e {
            office::RoomChangeError::Catalogue(e) => catalogue_error(e),
            office::RoomChangeError::Unexpected(e) => crate::state::internal(e),
            stays => AppError::Conflict(stays.to_string()),
        }
    }
}
