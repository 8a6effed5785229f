//! Room events wait in the room document they describe. FerretDB 1.x has no multi-document
//! transactions, so the event is `$push`ed onto the room's `outbox` array in the very update
//! that changes its status: both happen or neither. `outbox_pending: true` marks rooms with
//! something to publish, so the relay's query is a sparse-indexed equality.
use kernel::events::{Envelope, Event};
use mongodb::bson::{doc, Document};

pub(crate) const PENDING: &str = "outbox_pending";

/// One pending event as stored in a room's `outbox`. The payload is the envelope's JSON text,
/// published byte for byte, so BSON never rewrites its dates or numbers.
pub(crate) fn entry<E: Event>(envelope: &Envelope<E>) -> anyhow::Result<Document> {
    Ok(doc! {
        "event_id": envelope.event_id.to_string(),
        "topic": E::TYPE,
        "key": envelope.payload.key(),
        "payload": serde_json::to_string(envelope)?,
    })
}

/// The update that sets `fields` and queues `entry`, in one single-document write.
pub(crate) fn set_and_queue(mut fields: Document, entry: Document) -> Document {
    fields.insert(PENDING, true);
    doc! { "$set": fields, "$push": { "outbox": entry } }
}
