//! Message texts. Kept as plain functions until managers can edit templates.
use crate::mailer::Email;
use kernel::events::BookingCreated;

pub const BOOKING_CONFIRMATION: &str = "booking_confirmation";

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

pub fn booking_confirmation(to: &str, name: &str, b: &BookingCreated) -> Email {
    let reference = b.booking_id.to_string()[..8].to_uppercase();
    let subject = format!("Your booking {reference} is confirmed");
    let text = format!(
        "Dear {name},\n\nThank you for booking with us.\n\nBooking: {reference}\nRoom: {} ({})\n\
         Check-in: {}\nCheck-out: {}\nGuests: {} adults, {} children\nTotal: {} {}\n\nWe look forward to welcoming you.\n",
        b.room_type, b.room_number, b.check_in, b.check_out, b.adults, b.children, b.total_amount, b.currency
    );
    let html = format!(
        "<p>Dear {},</p><p>Thank you for booking with us.</p><table>\
         <tr><th align=left>Booking</th><td>{reference}</td></tr>\
         <tr><th align=left>Room</th><td>{} ({})</td></tr>\
         <tr><th align=left>Check-in</th><td>{}</td></tr>\
         <tr><th align=left>Check-out</th><td>{}</td></tr>\
         <tr><th align=left>Guests</th><td>{} adults, {} children</td></tr>\
         <tr><th align=left>Total</th><td>{} {}</td></tr></table>\
         <p>We look forward to welcoming you.</p>",
        escape(name), escape(&b.room_type), escape(&b.room_number), b.check_in, b.check_out,
        b.adults, b.children, b.total_amount, escape(&b.currency)
    );
    Email { to: to.to_owned(), subject, text, html }
}
