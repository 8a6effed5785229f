//! Who the hotel is: the one place its name, address, tax number, time zone, language and
//! currency are written down. The header, the page title, invoices and the sender of its mail
//! all read them here; there is one hotel for now (documents are already numbered per `code`).
use crate::money::Currency;

/// The hotel's identity. Plain data, so the browser build can show it too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hotel {
    /// Keys the numbering of its documents.
    pub code: &'static str,
    pub name: &'static str,
    pub address: [&'static str; 3],
    pub vat_id: &'static str,
    /// An IANA name: "today", arrival, departure and the dates of documents are the hotel's,
    /// wherever the server runs. Why it is kept here and not in `bookings.hotel`:
    /// `bookings::HotelClock::of_hotel`.
    pub time_zone: &'static str,
    /// The language (a BCP 47 tag) a guest gets when theirs is not known.
    pub default_locale: &'static str,
    pub currency: Currency,
    /// Where guests' mail comes from and replies go.
    pub reservations_email: &'static str,
}

pub const HOTEL: Hotel = Hotel {
    code: "AURORA",
    name: "Hotel Aurora",
    address: ["Auroraplatz 1", "10117 Berlin", "Germany"],
    vat_id: "DE 123 456 789",
    time_zone: "Europe/Berlin",
    default_locale: "en",
    currency: Currency::EUR,
    reservations_email: "reservations@hotel-aurora.test",
};

impl Hotel {
    /// The sender of its mail, as in `Hotel Aurora <reservations@hotel-aurora.test>`.
    pub fn mailbox(&self) -> String {
        format!("{} <{}>", self.name, self.reservations_email)
    }
}

#[cfg(test)]
mod tests {
    use super::HOTEL;

    #[test]
    fn the_mail_comes_from_the_hotel_by_name() {
        assert_eq!(
            HOTEL.mailbox(),
            "Hotel Aurora <reservations@hotel-aurora.test>"
        );
    }
}
