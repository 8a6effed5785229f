//! A photo of what is broken, kept beside its ticket (`ticket_photos`, one per ticket, keyed by
//! the ticket's id) so ticket lists never carry image bytes.
use crate::{HousekeepingError, RoomsService};
use kernel::TicketId;
use mongodb::bson::{doc, spec::BinarySubtype, Binary};
use mongodb::{Collection, Database};
use serde::{Deserialize, Serialize};

/// JPEG, PNG or WebP, as the bytes themselves say (not as a file name or a browser claims).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PhotoKind {
    Jpeg,
    Png,
    Webp,
}

impl PhotoKind {
    pub fn content_type(self) -> &'static str {
        match self {
            PhotoKind::Jpeg => "image/jpeg",
            PhotoKind::Png => "image/png",
            PhotoKind::Webp => "image/webp",
        }
    }

    fn of(bytes: &[u8]) -> Option<Self> {
        match bytes {
            [0xFF, 0xD8, 0xFF, ..] => Some(PhotoKind::Jpeg),
            [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Some(PhotoKind::Png),
            [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => Some(PhotoKind::Webp),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    kind: PhotoKind,
    bytes: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidPhoto {
    #[error("the photo must be a JPEG, PNG or WebP picture")]
    NotAPicture,
    #[error("the photo is larger than {} KiB; take it again smaller", Photo::MAX_BYTES / 1024)]
    TooLarge,
}

impl Photo {
    /// The tablet shrinks a camera's picture to well under this before sending it.
    pub const MAX_BYTES: usize = 600 * 1024;

    pub fn parse(bytes: Vec<u8>) -> Result<Self, InvalidPhoto> {
        if bytes.len() > Self::MAX_BYTES {
            return Err(InvalidPhoto::TooLarge);
        }
        let kind = PhotoKind::of(&bytes).ok_or(InvalidPhoto::NotAPicture)?;
        Ok(Self { kind, bytes })
    }

    pub fn kind(&self) -> PhotoKind {
        self.kind
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct PhotoDoc {
    #[serde(rename = "_id")]
    ticket: String,
    kind: PhotoKind,
    bytes: Binary,
}

fn photos(db: &Database) -> Collection<PhotoDoc> {
    db.collection("ticket_photos")
}

impl RoomsService {
    /// Keeps `photo` as the ticket's (replacing one kept by an earlier try of the same report).
    pub(crate) async fn keep_photo(&self, ticket: TicketId, photo: &Photo) -> Result<(), HousekeepingError> {
        let doc = PhotoDoc {
            ticket: ticket.to_string(),
            kind: photo.kind,
            bytes: Binary { subtype: BinarySubtype::Generic, bytes: photo.bytes.clone() },
        };
        let filter = doc! { "_id": ticket.to_string() };
        // Two tries of one report upserting at once: one inserts, the other's insert is a
        // duplicate key and replaces what is there now.
        match photos(&self.db).replace_one(filter.clone(), &doc).upsert(true).await {
            Err(e) if crate::lock::is_duplicate_key(&e) => {
                photos(&self.db).replace_one(filter, &doc).await?;
            }
            other => {
                other?;
            }
        }
        Ok(())
    }

    /// The ticket's photo, if it has one.
    #[tracing::instrument(skip(self))]
    pub async fn ticket_photo(&self, ticket: TicketId) -> Result<Option<Photo>, HousekeepingError> {
        let found = photos(&self.db).find_one(doc! { "_id": ticket.to_string() }).await?;
        Ok(found.map(|d| Photo { kind: d.kind, bytes: d.bytes.bytes }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_is_known_by_its_bytes_and_kept_small() {
        assert_eq!(Photo::parse(vec![0xFF, 0xD8, 0xFF, 0xE0, 0]).unwrap().kind(), PhotoKind::Jpeg);
        assert_eq!(Photo::parse(b"\x89PNG\r\n\x1a\n....".to_vec()).unwrap().kind(), PhotoKind::Png);
        assert_eq!(Photo::parse(b"RIFF\0\0\0\0WEBPVP8 ".to_vec()).unwrap().kind(), PhotoKind::Webp);
        assert_eq!(Photo::parse(b"GIF89a".to_vec()), Err(InvalidPhoto::NotAPicture));
        assert_eq!(Photo::parse(b"<svg onload=alert(1)>".to_vec()), Err(InvalidPhoto::NotAPicture));
        let mut big = vec![0xFF, 0xD8, 0xFF];
        big.resize(Photo::MAX_BYTES + 1, 0);
        assert_eq!(Photo::parse(big), Err(InvalidPhoto::TooLarge));
    }
}
