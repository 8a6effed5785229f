//! Invoices and credit notes as A4 PDFs, set in the PDF's built-in Helvetica so no font file is
//! needed. Streams are left uncompressed: a page of text stays a few kilobytes, and its text
//! can be searched as it is.
use super::hotel::{HotelCalendar, HOTEL};
use super::invoice::{CreditNote, Invoice, InvoiceLine};
use super::{BillingError, BillingService};
use chrono::{DateTime, Utc};
use kernel::{BookingId, CreditNoteId, InvoiceId, Money, UserId};
use printpdf::{BuiltinFont, Line, LinePoint, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem};

const PAGE: (f32, f32) = (210.0, 297.0);
const LEFT: f32 = 20.0;
const DESCRIPTION: f32 = 48.0;
const RIGHT: f32 = 190.0;
const TOP: f32 = 277.0;
const BOTTOM: f32 = 25.0;
const REGULAR: BuiltinFont = BuiltinFont::Helvetica;
const BOLD: BuiltinFont = BuiltinFont::HelveticaBold;

impl BillingService {
    pub async fn invoice_pdf(&self, id: InvoiceId) -> Result<Vec<u8>, BillingError> {
        let invoice = self.find_invoice(id).await?;
        render(move || render_invoice(&invoice)).await
    }

    pub async fn credit_note_pdf(&self, id: CreditNoteId) -> Result<Vec<u8>, BillingError> {
        let note = self.find_credit_note(id).await?;
        render(move || render_credit_note(&note)).await
    }
}

/// Laying out and serialising is CPU work: off the async threads.
async fn render(f: impl FnOnce() -> Vec<u8> + Send + 'static) -> Result<Vec<u8>, BillingError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| BillingError::Unexpected(anyhow::Error::new(e).context("rendering a PDF")))
}

pub fn render_invoice(invoice: &Invoice) -> Vec<u8> {
    let mut s = Sheet::new();
    let title = format!("Invoice {}", invoice.number);
    header(&mut s, &title, invoice.issued_at, invoice.user_id, invoice.booking_id, None);
    table(&mut s, &invoice.lines);
    s.down(4.0);
    s.rule();
    s.down(6.0);
    total(&mut s, "of which VAT", invoice.vat, REGULAR);
    total(&mut s, "of which city tax", invoice.city_tax, REGULAR);
    total(&mut s, "Total", invoice.total, BOLD);
    footer(&mut s, invoice.total.currency().code());
    s.finish(&title)
}

pub fn render_credit_note(note: &CreditNote) -> Vec<u8> {
    let mut s = Sheet::new();
    let title = format!("Credit note {}", note.number);
    header(&mut s, &title, note.issued_at, note.user_id, note.booking_id, Some(&note.invoice_number));
    let line = InvoiceLine {
        kind: super::domain::ChargeKind::Credit,
        night: None,
        description: note.reason.clone(),
        amount: note.amount,
    };
    table(&mut s, &[line]);
    s.down(4.0);
    s.rule();
    s.down(6.0);
    total(&mut s, "Total credited", note.amount, BOLD);
    footer(&mut s, note.amount.currency().code());
    s.finish(&title)
}

fn header(s: &mut Sheet, title: &str, issued_at: DateTime<Utc>, guest: UserId, booking: BookingId, credits: Option<&str>) {
    s.text(LEFT, HOTEL.name, BOLD, 16.0);
    for line in HOTEL.address {
        s.down(5.0);
        s.text(LEFT, line, REGULAR, 9.0);
    }
    s.down(5.0);
    s.text(LEFT, &format!("VAT ID {}", HOTEL.vat_id), REGULAR, 9.0);
    s.down(14.0);
    s.text(LEFT, title, BOLD, 14.0);
    let date = HOTEL.date_at(issued_at).format("%d %B %Y").to_string();
    let reference = super::invoice::booking_reference(booking);
    let guest = guest.to_string();
    let mut facts = vec![("Date", date.as_str()), ("Booking", reference.as_str()), ("Guest", guest.as_str())];
    facts.extend(credits.map(|invoice| ("Credits invoice", invoice)));
    for (label, value) in facts {
        s.down(6.0);
        s.text(LEFT, label, BOLD, 9.0);
        s.text(DESCRIPTION, value, REGULAR, 9.0);
    }
    s.down(12.0);
    s.text(LEFT, "Night", BOLD, 9.0);
    s.text(DESCRIPTION, "Description", BOLD, 9.0);
    s.right(RIGHT, "Amount", BOLD, 9.0);
    s.down(2.5);
    s.rule();
}

fn table(s: &mut Sheet, lines: &[InvoiceLine]) {
    for l in lines {
        s.down(5.5);
        if let Some(night) = l.night {
            s.text(LEFT, &night.format("%d.%m.%Y").to_string(), REGULAR, 9.0);
        }
        s.text(DESCRIPTION, &clip(&l.description, 80), REGULAR, 9.0);
        s.right(RIGHT, &shown(l.amount), REGULAR, 9.0);
    }
}

fn total(s: &mut Sheet, label: &str, amount: Money, font: BuiltinFont) {
    s.text(120.0, label, font, 10.0);
    s.right(RIGHT, &shown(amount), font, 10.0);
    s.down(6.0);
}

fn footer(s: &mut Sheet, currency: &str) {
    s.down(10.0);
    s.text(LEFT, &format!("Amounts in {currency}; totals include VAT and city tax."), REGULAR, 8.0);
    s.down(4.5);
    s.text(LEFT, &format!("{} · {}", HOTEL.name, HOTEL.address.join(" · ")), REGULAR, 8.0);
}

/// `-€10.00` rather than `€-10.00`.
fn shown(m: Money) -> String {
    let sign = if m.minor() < 0 { "-" } else { "" };
    format!("{sign}{}", Money::from_minor(m.minor().saturating_abs(), m.currency()))
}

fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut clipped: String = text.chars().take(max - 1).collect();
    clipped.push('…');
    clipped
}

/// Width of `text` in Helvetica at `size` points, in millimetres: exact for amounts (digits,
/// signs, currency symbols), near enough for short labels.
fn width_mm(text: &str, size: f32) -> f32 {
    let units: u32 = text
        .chars()
        .map(|c| match c {
            '.' | ',' | ' ' => 278,
            '-' => 333,
            'i' | 'l' | 'I' => 250,
            'm' | 'M' | 'W' => 833,
            _ => 556,
        })
        .sum();
    units as f32 / 1000.0 * size * 25.4 / 72.0
}

/// Pages of drawing operations with a cursor moving down; a new page when one is full.
struct Sheet {
    pages: Vec<Vec<Op>>,
    ops: Vec<Op>,
    y: f32,
}

impl Sheet {
    fn new() -> Self {
        Self { pages: Vec::new(), ops: Vec::new(), y: TOP }
    }

    fn text(&mut self, x: f32, text: &str, font: BuiltinFont, size: f32) {
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont { font: PdfFontHandle::Builtin(font), size: Pt(size) },
            Op::SetTextCursor { pos: Point::new(Mm(x), Mm(self.y)) },
            Op::ShowText { items: vec![TextItem::Text(text.to_owned())] },
            Op::EndTextSection,
        ]);
    }

    fn right(&mut self, right: f32, text: &str, font: BuiltinFont, size: f32) {
        self.text(right - width_mm(text, size), text, font, size);
    }

    fn rule(&mut self) {
        let at = |x: f32| LinePoint { p: Point::new(Mm(x), Mm(self.y)), bezier: false };
        self.ops.push(Op::SetOutlineThickness { pt: Pt(0.5) });
        self.ops.push(Op::DrawLine { line: Line { points: vec![at(LEFT), at(RIGHT)], is_closed: false } });
    }

    fn down(&mut self, mm: f32) {
        self.y -= mm;
        if self.y < BOTTOM {
            self.pages.push(std::mem::take(&mut self.ops));
            self.y = TOP;
        }
    }

    fn finish(mut self, title: &str) -> Vec<u8> {
        self.pages.push(self.ops);
        let pages = self.pages.into_iter().map(|ops| PdfPage::new(Mm(PAGE.0), Mm(PAGE.1), ops)).collect();
        let options = PdfSaveOptions { optimize: false, ..PdfSaveOptions::default() };
        PdfDocument::new(title).with_pages(pages).save(&options, &mut Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kernel::Currency;

    fn invoice(lines: usize) -> Invoice {
        let eur = |m| Money::from_minor(m, Currency::EUR);
        Invoice {
            id: InvoiceId::new(),
            number: "2026-000123".into(),
            booking_id: BookingId::new(),
            user_id: UserId::new(),
            currency: Currency::EUR,
            lines: (0..lines)
                .map(|i| InvoiceLine {
                    kind: super::super::domain::ChargeKind::RoomNight,
                    night: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).map(|d| d + chrono::Days::new(i as u64)),
                    description: "Winter · Weekend +15%".into(),
                    amount: eur(12_950),
                })
                .collect(),
            vat: eur(700),
            city_tax: eur(250),
            total: eur(12_950 * lines as i64),
            issued_by: UserId::new(),
            issued_at: Utc::now(),
        }
    }

    /// Text shows as a literal string, or in hex when it has bytes outside printable ASCII.
    fn contains(pdf: &[u8], text: &str) -> bool {
        let hex: String = text.bytes().map(|b| format!("{b:02X}")).collect();
        [text, hex.as_str()].iter().any(|needle| pdf.windows(needle.len()).any(|w| w == needle.as_bytes()))
    }

    #[test]
    fn an_invoice_is_a_pdf_whose_text_names_its_number_and_booking() {
        let inv = invoice(3);
        let pdf = render_invoice(&inv);
        assert!(pdf.starts_with(b"%PDF"));
        assert!(contains(&pdf, "2026-000123"));
        assert!(contains(&pdf, &inv.booking_reference()));
        assert!(contains(&pdf, "388.50"), "the total");
    }

    #[test]
    fn a_long_folio_runs_onto_more_pages() {
        let pdf = render_invoice(&invoice(60));
        assert!(contains(&pdf, "/Type/Pages/Count 2/"), "60 nights fill more than one page");
    }

    #[test]
    fn amounts_right_align_on_their_width() {
        assert!(width_mm("€1,000.00", 9.0) > width_mm("€9.00", 9.0));
        assert_eq!(shown(Money::from_minor(-1_000, Currency::EUR)), "-€10.00");
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(clip("abcdef", 4), "abc…");
    }
}
