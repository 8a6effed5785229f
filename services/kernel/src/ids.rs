use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

macro_rules! uuid_id {
    ($name:ident) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            pub fn new() -> Self {
                Self(Uuid::new_v4())
            }
            pub const fn from_uuid(id: Uuid) -> Self {
                Self(id)
            }
            pub fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

uuid_id!(UserId);
uuid_id!(BookingId);
uuid_id!(RoomId);
uuid_id!(EventId);
uuid_id!(TicketId);
uuid_id!(PaymentId);
uuid_id!(InvoiceId);
uuid_id!(CreditNoteId);

/// Short code of a room type, e.g. `DLX`: upper-case letters and digits, 2 to 8 long.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RoomTypeCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a room type code is 2 to 8 upper-case letters or digits")]
pub struct InvalidRoomTypeCode;

impl RoomTypeCode {
    pub fn parse(s: &str) -> Result<Self, InvalidRoomTypeCode> {
        let ok = (2..=8).contains(&s.len())
            && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        ok.then(|| Self(s.to_owned())).ok_or(InvalidRoomTypeCode)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for RoomTypeCode {
    type Error = InvalidRoomTypeCode;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<RoomTypeCode> for String {
    fn from(c: RoomTypeCode) -> Self {
        c.0
    }
}

impl fmt::Display for RoomTypeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_type_codes_are_short_upper_case() {
        assert!(RoomTypeCode::parse("DLX").is_ok());
        assert!(RoomTypeCode::parse("dlx").is_err());
        assert!(RoomTypeCode::parse("D").is_err());
        assert!(RoomTypeCode::parse("DELUXE-KING").is_err());
    }
}
