//! Short-lived named locks in the `locks` collection, for read-modify-write of one document.
//!
//! FerretDB 1.24 applies an update by reading the document, changing it in Go and writing the
//! whole document back, with nothing to stop another writer in between: 50 concurrent `$push`es
//! on one document keep 3, all reported as modified. Its unique `_id` does hold, so a writer
//! first inserts a lock document; a second inserter gets E11000 and waits. On MongoDB the
//! lock is redundant but harmless. A holder that dies leaves its lock until `ttl` has passed.
use chrono::Utc;
use mongodb::bson::{doc, DateTime, Document};
use mongodb::error::{ErrorKind, WriteFailure};
use mongodb::{Collection, Database};
use std::time::Duration;

const DUPLICATE_KEY: i32 = 11000;

pub(crate) struct Lock {
    locks: Collection<Document>,
    key: String,
    token: String,
}

fn locks(db: &Database) -> Collection<Document> {
    db.collection("locks")
}

impl Lock {
    /// Takes the lock, waiting up to `wait` for its holder; `None` if it is still held then.
    pub(crate) async fn acquire(db: &Database, key: String, ttl: Duration, wait: Duration) -> mongodb::error::Result<Option<Lock>> {
        let deadline = tokio::time::Instant::now() + wait;
        let mut pause = Duration::from_millis(2);
        loop {
            if let Some(lock) = Self::try_acquire(db, key.clone(), ttl).await? {
                return Ok(Some(lock));
            }
            if tokio::time::Instant::now() + pause > deadline {
                return Ok(None);
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(Duration::from_millis(50));
        }
    }

    /// Takes the lock if nobody holds it, breaking one whose holder overran its `ttl`.
    pub(crate) async fn try_acquire(db: &Database, key: String, ttl: Duration) -> mongodb::error::Result<Option<Lock>> {
        let locks = locks(db);
        let token = uuid::Uuid::new_v4().to_string();
        let until = DateTime::from_millis(Utc::now().timestamp_millis() + ttl.as_millis() as i64);
        for _ in 0..2 {
            match locks.insert_one(doc! { "_id": &key, "token": &token, "until": until }).await {
                Ok(_) => return Ok(Some(Lock { locks, key, token })),
                Err(e) if is_duplicate_key(&e) => {
                    let stale = locks.delete_one(doc! { "_id": &key, "until": { "$lt": DateTime::now() } }).await?;
                    if stale.deleted_count == 0 {
                        return Ok(None);
                    }
                    tracing::warn!(key, "broke a lock whose holder overran it");
                }
                Err(e) => return Err(e),
            }
        }
        Ok(None)
    }

    /// Gives the lock up; a failure only means others wait for its `ttl`.
    pub(crate) async fn release(self) {
        if let Err(e) = self.locks.delete_one(doc! { "_id": &self.key, "token": &self.token }).await {
            tracing::warn!(error = %e, key = self.key, "could not release a lock");
        }
    }
}

pub(crate) fn is_duplicate_key(e: &mongodb::error::Error) -> bool {
    matches!(&*e.kind, ErrorKind::Write(WriteFailure::WriteError(w)) if w.code == DUPLICATE_KEY)
}
