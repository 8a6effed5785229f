//! What the front desk's pages receive.
use kernel::Money;
use serde::{Deserialize, Serialize};

/// The day's three lists, as named on the wire and in the page's address.
pub const DAY_LISTS: [(&str, &str); 3] = [
    ("arrivals", "Arrivals"),
    ("in_house", "In house"),
    ("departures", "Departures"),
];

/// The orders a list can be shown in.
pub const DAY_SORTS: [(&str, &str); 4] = [
    ("room", "Room"),
    ("arrival", "Arrival"),
    ("departure", "Departure"),
    ("booked", "Booked"),
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayRowView {
    pub booking_id: String,
    pub reference: String,
    pub guest_name: String,
    pub guest_email: String,
    pub adults: u8,
    pub children: u8,
    pub room_type: String,
    pub room_number: String,
    /// "clean", "dirty", "inspected", "out of order", "out of service"; `None` when the room is gone.
    pub housekeeping: Option<String>,
    pub status: String,
    pub check_in: chrono::NaiveDate,
    pub check_out: chrono::NaiveDate,
    pub nights: i64,
    /// Nights still to come from the day shown.
    pub nights_left: i64,
    /// What the desk still has to settle: the folio's balance less what the stay's card hold
    /// takes by itself (negative: owed to the guest); before a folio, the total less what was taken.
    pub balance: Money,
    pub can_check_in: bool,
    pub can_check_out: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayListView {
    /// The hotel's date the list is for.
    pub date: chrono::NaiveDate,
    pub rows: Vec<DayRowView>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
}

/// How many bookings each of the day's lists holds, for the tabs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayCountsView {
    pub date: chrono::NaiveDate,
    /// (list's wire name, count), in the order of [`DAY_LISTS`].
    pub counts: Vec<(String, u64)>,
}

/// One stay as the desk's stay page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StayView {
    pub booking_id: String,
    pub reference: String,
    /// "confirmed", "checked in"…
    pub status: String,
    pub guest_name: String,
    pub guest_email: String,
    pub check_in: chrono::NaiveDate,
    pub check_out: chrono::NaiveDate,
    pub nights: i64,
    pub adults: u8,
    pub children: u8,
    pub room_type: String,
    pub room_number: String,
    /// The room's housekeeping state now; `None` when the room has left the inventory.
    pub housekeeping: Option<String>,
    /// "vacant" or "occupied".
    pub occupancy: Option<String>,
    pub total: Money,
    pub terms: crate::dto::TermsView,
    /// What cancelling would cost right now.
    pub fee_now: Money,
    pub money: StayMoneyView,
    /// The ledger's movements, oldest first.
    pub payments: Vec<StayPaymentView>,
    /// The folio's standing charges; empty until billing has opened one.
    pub folio: Vec<FolioLineView>,
    /// What the folio says is still owed; `None` without a folio.
    pub folio_balance: Option<Money>,
    pub notes: Vec<StayNoteView>,
    /// Oldest first.
    pub history: Vec<HistoryLineView>,
    pub can_check_in: bool,
    pub can_check_out: bool,
    pub can_move: bool,
    /// Confirmed and its arrival day over.
    pub can_no_show: bool,
    /// What marking it as a no-show costs (a cancellation at arrival).
    pub no_show_fee: Money,
    pub can_cancel: bool,
    /// The member of staff may cancel with the fee waived (manager or admin).
    pub can_waive: bool,
    /// Checked in on the hotel's today, so the check-in can be taken back.
    pub can_revert_check_in: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StayMoneyView {
    pub held: Money,
    pub taken: Money,
    pub refunded: Money,
    /// The total less what the hotel kept.
    pub balance: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StayPaymentView {
    /// "Held", "Taken", "Refunded", "Hold released".
    pub kind: String,
    pub amount: Money,
    /// "Visa •••• 4242", or empty.
    pub card: String,
    /// In the hotel's time zone.
    pub at: String,
    /// Why it failed, or `None` when it succeeded.
    pub failure: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FolioLineView {
    pub night: Option<chrono::NaiveDate>,
    pub description: String,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StayNoteView {
    pub author: String,
    pub at: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryLineView {
    /// The actor's name and role, e.g. "Frank Desk (front desk)".
    pub who: String,
    /// In the hotel's time zone.
    pub at: String,
    /// The action's wire name: "check_in", "move_room", "add_note"…
    pub action: String,
    /// In words: "Checked in", "Moved from room 101 to 204".
    pub what: String,
}

/// The longest note the desk can write, as the bookings service allows.
pub const NOTE_MAX_CHARS: usize = 2000;

/// The shortest and longest reason for waiving a fee, as the bookings service allows.
pub const WAIVER_REASON_CHARS: std::ops::RangeInclusive<usize> = 3..=500;

/// A room a stay could move to, as the stay page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FreeRoomView {
    pub number: String,
    pub room_type: String,
    /// "clean", "dirty", "inspected".
    pub housekeeping: String,
    /// "vacant" or "occupied".
    pub occupancy: String,
    /// The question to ask before moving the guest there, e.g. "Room 204 is dirty. Move the
    /// guest there anyway?"; `None` when the room is ready or the guest arrives later.
    pub confirm: Option<String>,
}
