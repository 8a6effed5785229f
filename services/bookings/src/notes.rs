//! Staff's notes on a stay ("late arrival, keep the room"), visible to all staff; each one is
//! also an entry of the booking's history.
use crate::audit::{self, AuditAction};
use crate::{store, BookingError, BookingsService};
use chrono::{DateTime, Utc};
use kernel::{BookingId, UserId};

/// The longest note, in characters (the CHECK on `bookings.stay_notes.text`).
pub const NOTE_MAX_CHARS: usize = 2000;

/// A note's text: trimmed, not empty, at most [`NOTE_MAX_CHARS`] characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteText(String);

/// Why a note's text is refused; says so in words the person typing can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidNote {
    #[error("a note cannot be empty")]
    Empty,
    #[error("a note is at most {NOTE_MAX_CHARS} characters (this one has {0})")]
    TooLong(usize),
}

impl NoteText {
    pub fn parse(text: &str) -> Result<Self, InvalidNote> {
        let text = text.trim();
        match text.chars().count() {
            0 => Err(InvalidNote::Empty),
            n if n > NOTE_MAX_CHARS => Err(InvalidNote::TooLong(n)),
            _ => Ok(Self(text.to_owned())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StayNote {
    pub id: i64,
    pub author: UserId,
    pub text: String,
    pub at: DateTime<Utc>,
}

type NoteRow = (i64, uuid::Uuid, String, DateTime<Utc>);

impl From<NoteRow> for StayNote {
    fn from((id, author, text, at): NoteRow) -> Self {
        Self {
            id,
            author: UserId::from_uuid(author),
            text,
            at,
        }
    }
}

impl BookingsService {
    /// Adds a note by `author` (a member of staff) to the booking, and records it in the
    /// booking's history in the same transaction.
    #[tracing::instrument(skip(self, text), fields(booking = %id, by = %author))]
    pub async fn add_note(
        &self,
        id: BookingId,
        text: &NoteText,
        author: UserId,
    ) -> Result<StayNote, BookingError> {
        let mut tx = self.pool().begin().await?;
        // Locked, like every other change of the booking, so history keeps the order of changes.
        store::find_for_update(&mut tx, id)
            .await?
            .ok_or(BookingError::NotFound)?;
        let row: NoteRow = sqlx::query_as(
            "INSERT INTO bookings.stay_notes (booking_id, author, text) VALUES ($1, $2, $3) RETURNING id, author, text, at",
        )
        .bind(id.as_uuid())
        .bind(author.as_uuid())
        .bind(text.as_str())
        .fetch_one(&mut *tx)
        .await?;
        let note = StayNote::from(row);
        let entry = audit::Entry {
            booking_id: id,
            actor: author,
            action: AuditAction::AddNote,
            before: None,
            after: None,
            reason: None,
        };
        audit::record(&mut tx, entry).await?;
        tx.commit().await?;
        Ok(note)
    }

    /// The booking's notes, oldest first.
    pub async fn notes(&self, id: BookingId) -> Result<Vec<StayNote>, BookingError> {
        let rows: Vec<NoteRow> = sqlx::query_as("SELECT id, author, text, at FROM bookings.stay_notes WHERE booking_id = $1 ORDER BY at, id")
            .bind(id.as_uuid())
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().map(StayNote::from).collect())
    }

    /// The latest note of each of these stays that has one, in one read: what housekeeping
    /// shows of an arrival ("arrives 14:00, cot needed").
    #[tracing::instrument(skip(self, ids), fields(stays = ids.len()))]
    pub async fn latest_notes(&self, ids: &[BookingId]) -> Result<std::collections::HashMap<BookingId, String>, BookingError> {
        if ids.is_empty() {
            return Ok(Default::default());
        }
        let uuids: Vec<uuid::Uuid> = ids.iter().map(BookingId::as_uuid).collect();
        let rows: Vec<(uuid::Uuid, String)> = sqlx::query_as(
            "SELECT DISTINCT ON (booking_id) booking_id, text FROM bookings.stay_notes \
             WHERE booking_id = ANY($1) ORDER BY booking_id, at DESC, id DESC",
        )
        .bind(&uuids)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.into_iter().map(|(id, text)| (BookingId::from_uuid(id), text)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_is_trimmed_and_between_one_and_two_thousand_characters() {
        assert_eq!(
            NoteText::parse("  late arrival  ").unwrap().as_str(),
            "late arrival"
        );
        assert_eq!(NoteText::parse(" \n "), Err(InvalidNote::Empty));
        assert!(
            NoteText::parse(&"é".repeat(2000)).is_ok(),
            "characters, not bytes"
        );
        assert_eq!(
            NoteText::parse(&"x".repeat(2001)),
            Err(InvalidNote::TooLong(2001))
        );
    }
}
