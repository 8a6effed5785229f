//! Who has which room on a business date, and the audit trail of every change (see
//! `crate::assignments` for the writes).
use crate::assignment::{Assignment, AssignmentChange};
use crate::assignment_store::{self as store, AssignmentDoc};
use crate::{AssignmentError, RoomsService};
use anyhow::Context;
use chrono::NaiveDate;
use futures::TryStreamExt;
use kernel::{RoomId, UserId};
use mongodb::bson::{self, doc};

impl RoomsService {
    /// Every room somebody has on `date`, by floor and number.
    #[tracing::instrument(skip(self))]
    pub async fn assignments(&self, date: NaiveDate) -> Result<Vec<Assignment>, AssignmentError> {
        self.find_assignments(doc! { "date": date.to_string(), "attendant": { "$ne": null } })
            .await
    }

    /// Who has each of `rooms` on `date`, for the rooms somebody has, by floor and number.
    #[tracing::instrument(skip(self, rooms), fields(rooms = rooms.len()))]
    pub async fn assignments_of(&self, date: NaiveDate, rooms: &[RoomId]) -> Result<Vec<Assignment>, AssignmentError> {
        if rooms.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<String> = rooms.iter().map(|room| store::id_of(date, *room)).collect();
        self.find_assignments(doc! { "_id": { "$in": ids }, "attendant": { "$ne": null } })
            .await
    }

    /// The rooms `attendant` has on `date`, by floor and number.
    #[tracing::instrument(skip(self))]
    pub async fn rooms_of(
        &self,
        date: NaiveDate,
        attendant: UserId,
    ) -> Result<Vec<Assignment>, AssignmentError> {
        self.find_assignments(doc! { "date": date.to_string(), "attendant": attendant.to_string() })
            .await
    }

    /// Every assignment change of `date`, oldest first: the audit trail.
    #[tracing::instrument(skip(self))]
    pub async fn assignment_history(
        &self,
        date: NaiveDate,
    ) -> Result<Vec<AssignmentChange>, AssignmentError> {
        let docs: Vec<AssignmentDoc> = store::assignments(&self.db)
            .find(doc! { "date": date.to_string() })
            .projection(store::fields())
            .await?
            .try_collect()
            .await?;
        let mut changes = Vec::new();
        for d in docs {
            changes.extend(d.changes().context("a stored assignment is invalid")?);
        }
        changes.sort_by(|a, b| (a.at, &a.room_number).cmp(&(b.at, &b.room_number)));
        Ok(changes)
    }

    pub(crate) async fn find_assignments(
        &self,
        filter: bson::Document,
    ) -> Result<Vec<Assignment>, AssignmentError> {
        let docs: Vec<AssignmentDoc> = store::assignments(&self.db)
            .find(filter)
            .projection(store::fields())
            .sort(doc! { "floor": 1, "room_number": 1 })
            .await?
            .try_collect()
            .await?;
        let found: anyhow::Result<Vec<Option<Assignment>>> =
            docs.iter().map(AssignmentDoc::assignment).collect();
        Ok(found
            .context("a stored assignment is invalid")?
            .into_iter()
            .flatten()
            .collect())
    }
}
