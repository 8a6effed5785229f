//! What booking events post to the folio. Each event is handled once: its id is remembered in
//! the same transaction as its postings.
//!
//! Created, modified and cancelled travel on separate topics, so they arrive in any order, and
//! any of them again. The folio applies them from the latest state, not in arrival order: it
//! remembers the highest booking version it applied, and an event no newer is skipped, because a
//! later one has superseded it (created and modified carry the whole priced stay, cancelled is
//! final). A newer one applies against whatever stands: modified reverses the stay lines standing
//! and posts its own, cancelled reverses them and posts its fee. So a cancellation arriving first
//! leaves only the fee, and the created and modified that follow it post nothing, exactly as if
//! all three had come in order. This is the "last writer by version wins" rule payment ledgers
//! use for state carried by events, rather than buffering events until the gaps fill: versions
//! skip numbers (check-in, check-out and room moves count too), so a gap is no sign of loss.
use super::domain::{self, ChargeKind, FolioCharge};
use super::store::{self, FolioHead, NewCharge};
use super::BillingService;
use kernel::events::{BookingCancelled, BookingCreated, BookingModified, ChargeLine, Envelope, Event};
use kernel::{BookingId, Currency, Money};
use sqlx::{PgConnection, Postgres, Transaction};

/// A charge line from an event, parsed.
struct Line {
    kind: ChargeKind,
    night: Option<chrono::NaiveDate>,
    description: String,
    amount: Money,
}

/// Every line parsed, or the first that cannot be: a folio never gets half an event.
fn parse_lines(lines: &[ChargeLine], currency: Currency) -> anyhow::Result<Vec<Line>> {
    lines
        .iter()
        .map(|l| {
            let kind = ChargeKind::parse(&l.kind).filter(|k| k.is_stay_line());
            let amount = domain::parse_amount(&l.amount, currency);
            match (kind, amount) {
                (Some(kind), Some(amount)) if kind != ChargeKind::RoomNight || l.date.is_some() => {
                    Ok(Line { kind, night: l.date, description: l.description.clone(), amount })
                }
                _ => Err(anyhow::anyhow!("charge line {l:?} cannot be posted")),
            }
        })
        .collect()
}

fn parse_currency(code: &str) -> anyhow::Result<Currency> {
    Currency::parse(code).ok_or_else(|| anyhow::anyhow!("unknown currency {code}"))
}

/// A malformed event will never parse: retrying it would stall its partition, so it is logged
/// for a person to look at and left.
fn parsed<T>(result: anyhow::Result<T>) -> Option<T> {
    result.map_err(|e| tracing::error!(error = ?e, "skipping a booking event billing cannot post")).ok()
}

/// The currency and charge lines of a booking event, as the folio posts them.
fn priced_lines(currency: &str, lines: &[ChargeLine]) -> anyhow::Result<(Currency, Vec<Line>)> {
    let currency = parse_currency(currency)?;
    Ok((currency, parse_lines(lines, currency)?))
}

impl BillingService {
    /// Opens the folio and posts the priced stay, night by night, then discounts and taxes.
    #[tracing::instrument(skip(self, event), fields(booking = %event.payload.booking_id))]
    pub async fn on_booking_created(&self, event: &Envelope<BookingCreated>) -> anyhow::Result<()> {
        let b = &event.payload;
        let Some((currency, lines)) = parsed(priced_lines(&b.currency, &b.lines)) else { return Ok(()) };
        let head = FolioHead { booking_id: b.booking_id, user_id: b.user_id, currency };
        let Some(mut tx) = self.begin_once(event, head, b.version).await? else { return Ok(()) };
        post_lines(&mut tx, b.booking_id, event, lines).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Reverses the stay's standing lines and posts the new ones; extras stay as they are.
    #[tracing::instrument(skip(self, event), fields(booking = %event.payload.booking_id))]
    pub async fn on_booking_modified(&self, event: &Envelope<BookingModified>) -> anyhow::Result<()> {
        let b = &event.payload;
        let Some((currency, lines)) = parsed(priced_lines(&b.currency, &b.lines)) else { return Ok(()) };
        let head = FolioHead { booking_id: b.booking_id, user_id: b.user_id, currency };
        let Some(mut tx) = self.begin_once(event, head, b.version).await? else { return Ok(()) };
        reverse_stay(&mut tx, b.booking_id, event).await?;
        post_lines(&mut tx, b.booking_id, event, lines).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Reverses the stay's standing lines and charges the cancellation fee, if there is one.
    #[tracing::instrument(skip(self, event), fields(booking = %event.payload.booking_id))]
    pub async fn on_booking_cancelled(&self, event: &Envelope<BookingCancelled>) -> anyhow::Result<()> {
        let b = &event.payload;
        let Some((currency, fee)) = parsed(parse_currency(&b.currency).and_then(|c| {
            let fee = domain::parse_amount(&b.cancellation_fee, c);
            Ok((c, fee.ok_or_else(|| anyhow::anyhow!("cancellation fee {:?}", b.cancellation_fee))?))
        })) else {
            return Ok(());
        };
        let head = FolioHead { booking_id: b.booking_id, user_id: b.user_id, currency };
        let Some(mut tx) = self.begin_once(event, head, b.version).await? else { return Ok(()) };
        reverse_stay(&mut tx, b.booking_id, event).await?;
        if fee.minor() > 0 {
            let fee = Line { kind: ChargeKind::CancellationFee, night: None, description: "Cancellation fee".into(), amount: fee };
            post_lines(&mut tx, b.booking_id, event, vec![fee]).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// A transaction with the folio open and locked, `event` remembered and the folio at booking
    /// `version`; `None` when the event was handled before or a later version has superseded it.
    /// An event from before versions (`0`) is applied as it comes, as it always was.
    async fn begin_once<P: Event>(
        &self,
        event: &Envelope<P>,
        head: FolioHead,
        version: i64,
    ) -> anyhow::Result<Option<Transaction<'static, Postgres>>> {
        let mut tx = self.pool().begin().await?;
        if !store::first_time(&mut tx, event.event_id.as_uuid(), P::TYPE).await? {
            return Ok(None);
        }
        store::open(&mut tx, head).await?;
        let folio = store::lock(&mut tx, head.booking_id).await?.ok_or_else(|| anyhow::anyhow!("folio just opened"))?;
        if folio.currency != head.currency {
            // Retrying cannot change a folio's currency; a person has to look at it.
            tracing::error!(event = %event.event_id, "skipping an event in {} for a folio kept in {}", head.currency.code(), folio.currency.code());
            return Ok(None);
        }
        if version > 0 && !store::advance_booking_version(&mut tx, head.booking_id, version).await? {
            tracing::debug!(event = %event.event_id, version, "skipping a booking event a later version superseded");
            return Ok(None);
        }
        Ok(Some(tx))
    }
}

async fn post_lines<P>(tx: &mut PgConnection, booking: BookingId, event: &Envelope<P>, lines: Vec<Line>) -> anyhow::Result<()> {
    for l in lines {
        let charge = NewCharge {
            kind: l.kind,
            night: l.night,
            description: &l.description,
            amount: l.amount,
            reverses: None,
            source_event_id: Some(event.event_id.as_uuid()),
            posted_by: None,
            idempotency_key: None,
            credit_note_id: None,
            extra_id: None,
            vat_of: None,
        };
        store::post(tx, booking, &charge).await?;
    }
    Ok(())
}

/// Posts the opposite of every standing line of the priced stay.
async fn reverse_stay<P>(tx: &mut PgConnection, booking: BookingId, event: &Envelope<P>) -> anyhow::Result<()> {
    let postings = store::postings(tx, booking).await?;
    let stay: Vec<FolioCharge> = domain::standing(&postings).into_iter().filter(|c| c.kind.is_stay_line()).collect();
    for c in stay {
        let description = format!("Reversed: {}", c.description);
        let reversal = NewCharge {
            kind: c.kind,
            night: c.night,
            description: &description,
            amount: domain::negate(c.amount),
            reverses: Some(c.id),
            source_event_id: Some(event.event_id.as_uuid()),
            posted_by: None,
            idempotency_key: None,
            credit_note_id: None,
            extra_id: None,
            vat_of: None,
        };
        store::post(tx, booking, &reversal).await?;
    }
    Ok(())
}
