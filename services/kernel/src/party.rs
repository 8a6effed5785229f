use serde::{Deserialize, Serialize};

/// Who is staying: at least one adult; a party larger than any room is refused early.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Party {
    adults: u8,
    children: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidParty {
    #[error("at least one adult must stay")]
    NoAdult,
    #[error("a party can have at most {max} guests")]
    TooLarge { max: u8 },
}

impl Party {
    pub const MAX_GUESTS: u8 = 12;

    pub fn new(adults: u8, children: u8) -> Result<Self, InvalidParty> {
        if adults == 0 {
            return Err(InvalidParty::NoAdult);
        }
        if adults as u16 + children as u16 > Self::MAX_GUESTS as u16 {
            return Err(InvalidParty::TooLarge { max: Self::MAX_GUESTS });
        }
        Ok(Self { adults, children })
    }
    pub fn adults(&self) -> u8 {
        self.adults
    }
    pub fn children(&self) -> u8 {
        self.children
    }
    pub fn fits(&self, max_adults: u8, max_children: u8) -> bool {
        self.adults <= max_adults && self.children <= max_children
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_an_adult_and_a_sane_size() {
        assert_eq!(Party::new(0, 2), Err(InvalidParty::NoAdult));
        assert!(Party::new(10, 3).is_err());
        assert!(Party::new(2, 1).unwrap().fits(2, 1));
        assert!(!Party::new(3, 0).unwrap().fits(2, 2));
    }
}
