//! What a room's guest asked of housekeeping, and where housekeeping and the front desk disagree.
use crate::Occupancy;
use serde::{Deserialize, Serialize};

/// Asked by the guest for today; the start of the next business day and a departure clear it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum GuestService {
    #[default]
    None,
    DoNotDisturb,
    RefusedService,
    /// Clean it as soon as possible: it goes to the top of the attendant's list.
    MakeUpRequested,
}

impl GuestService {
    pub const ALL: [GuestService; 4] =
        [GuestService::None, GuestService::DoNotDisturb, GuestService::RefusedService, GuestService::MakeUpRequested];

    /// Whether the guest keeps housekeeping out.
    pub fn keeps_out(self) -> bool {
        matches!(self, GuestService::DoNotDisturb | GuestService::RefusedService)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            GuestService::None => "none",
            GuestService::DoNotDisturb => "do_not_disturb",
            GuestService::RefusedService => "refused_service",
            GuestService::MakeUpRequested => "make_up_requested",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.as_str() == s)
    }
}

impl std::fmt::Display for GuestService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.as_str().replace('_', " "))
    }
}

/// Housekeeping saw the room otherwise than the front desk has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Discrepancy {
    /// In house at the desk, found empty: the guest may have left without checking out.
    Skip,
    /// Vacant at the desk, found slept in: someone is in a room nobody sold.
    Sleep,
}

impl Discrepancy {
    /// Compares what housekeeping `reported` with what the desk has.
    pub fn of(reported: Option<Occupancy>, desk: Occupancy) -> Option<Discrepancy> {
        match (reported?, desk) {
            (Occupancy::Vacant, Occupancy::Occupied) => Some(Discrepancy::Skip),
            (Occupancy::Occupied, Occupancy::Vacant) => Some(Discrepancy::Sleep),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Discrepancy::Skip => "skip",
            Discrepancy::Sleep => "sleep",
        }
    }
}
