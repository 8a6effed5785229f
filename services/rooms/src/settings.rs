//! The hotel's housekeeping settings: one document, `housekeeping` in `settings`.
use crate::{HousekeepingError, RoomsService};
use kernel::UserId;
use mongodb::bson::{doc, DateTime};
use serde::{Deserialize, Serialize};

const ID: &str = "housekeeping";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HousekeepingSettings {
    /// A cleaned room waits for a supervisor's inspection before it is ready; otherwise the
    /// attendant's "finished" makes it inspected.
    pub inspection_required: bool,
}

impl Default for HousekeepingSettings {
    fn default() -> Self {
        Self { inspection_required: true }
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct SettingsDoc {
    #[serde(rename = "_id")]
    id: String,
    inspection_required: bool,
    updated_by: String,
    updated_at: DateTime,
}

impl RoomsService {
    #[tracing::instrument(skip(self))]
    pub async fn housekeeping_settings(&self) -> Result<HousekeepingSettings, HousekeepingError> {
        let stored = self.db.collection::<SettingsDoc>("settings").find_one(doc! { "_id": ID }).await?;
        Ok(stored.map_or_else(HousekeepingSettings::default, |d| HousekeepingSettings {
            inspection_required: d.inspection_required,
        }))
    }

    /// Replaces the settings; a single-document upsert, so there is nothing to race.
    #[tracing::instrument(skip(self))]
    pub async fn set_housekeeping_settings(&self, to: HousekeepingSettings, by: UserId) -> Result<(), HousekeepingError> {
        let before = self.housekeeping_settings().await?;
        let set = doc! { "inspection_required": to.inspection_required, "updated_by": by.to_string(), "updated_at": DateTime::now() };
        self.db
            .collection::<SettingsDoc>("settings")
            .update_one(doc! { "_id": ID }, doc! { "$set": set })
            .upsert(true)
            .await?;
        tracing::info!(inspection_required = to.inspection_required, "housekeeping settings changed");
        let snapshot = |s: HousekeepingSettings| doc! { "inspection_required": s.inspection_required };
        self.record(("settings", ID.into()), "changed", by, Some(snapshot(before)), snapshot(to)).await?;
        Ok(())
    }
}
