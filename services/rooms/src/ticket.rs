//! Maintenance tickets and their state machine, without I/O.
//! `open → in_progress → resolved`, or straight `open → resolved` for a quick fix; a resolved
//! ticket is final. Assigning is allowed until the ticket is resolved.
use chrono::{DateTime, Utc};
use kernel::{RoomId, TicketId, UserId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Low,
    Normal,
    High,
    Urgent,
}

impl Priority {
    /// The name it is stored and shown under (as serde spells it).
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Normal => "normal",
            Priority::High => "high",
            Priority::Urgent => "urgent",
        }
    }

    /// The priority named `s` (see [`Priority::as_str`]), if it is one.
    pub fn parse(s: &str) -> Option<Self> {
        [Priority::Low, Priority::Normal, Priority::High, Priority::Urgent].into_iter().find(|p| p.as_str() == s)
    }

    /// Stored beside the name so tickets sort most urgent first.
    pub(crate) fn rank(self) -> i32 {
        self as i32
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketStatus {
    Open,
    InProgress,
    Resolved,
}

impl TicketStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TicketStatus::Open => "open",
            TicketStatus::InProgress => "in_progress",
            TicketStatus::Resolved => "resolved",
        }
    }

    /// Whether the ticket still needs work.
    pub fn unresolved(self) -> bool {
        self != TicketStatus::Resolved
    }

    /// The status after `action`, or why it is not allowed.
    pub fn after(self, action: TicketAction) -> Result<TicketStatus, IllegalTicketTransition> {
        use TicketAction::*;
        use TicketStatus::*;
        match (self, action) {
            (Open | InProgress, Assign) => Ok(self),
            (Open, Start) => Ok(InProgress),
            (Open | InProgress, Resolve) => Ok(Resolved),
            (from, action) => Err(IllegalTicketTransition { from, action }),
        }
    }
}

impl std::fmt::Display for TicketStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.as_str().replace('_', " "))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketAction {
    Assign,
    Start,
    Resolve,
}

impl std::fmt::Display for TicketAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TicketAction::Assign => "assign",
            TicketAction::Start => "start",
            TicketAction::Resolve => "resolve",
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("cannot {action} a ticket that is {from}")]
pub struct IllegalTicketTransition {
    pub from: TicketStatus,
    pub action: TicketAction,
}

/// What is broken, as the reporter wrote it: trimmed, 1 to 1000 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("describe the problem in 1 to {max} characters", max = Problem::MAX)]
pub struct InvalidProblem;

impl Problem {
    pub const MAX: usize = 1000;

    pub fn parse(s: &str) -> Result<Self, InvalidProblem> {
        let s = s.trim();
        let ok = !s.is_empty() && s.chars().count() <= Self::MAX;
        ok.then(|| Self(s.to_owned())).ok_or(InvalidProblem)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A request to open a ticket. `id` is the reporter's: a report sent again under it opens no
/// second ticket.
#[derive(Debug, Clone)]
pub struct NewTicket {
    pub id: TicketId,
    pub room_id: RoomId,
    pub problem: Problem,
    pub priority: Priority,
    pub reporter: UserId,
    /// Takes the room out of order until the ticket is resolved; it then returns `dirty`.
    pub takes_room_out_of_order: bool,
    /// With `takes_room_out_of_order`: the room's last day out of order, if known; the start of
    /// the day after puts it back even before the ticket is resolved.
    pub out_of_order_until: Option<LastDay>,
    pub photo: Option<crate::Photo>,
}

/// A last day out of order, and the hotel's date it was given on (a day past is refused).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastDay {
    pub until: chrono::NaiveDate,
    pub today: chrono::NaiveDate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ticket {
    pub id: TicketId,
    pub room_id: RoomId,
    pub room_number: String,
    pub problem: Problem,
    pub priority: Priority,
    pub status: TicketStatus,
    pub reporter: UserId,
    pub assignee: Option<UserId>,
    pub takes_room_out_of_order: bool,
    pub has_photo: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    /// Who resolved it: with the reporter and the assignee, the ticket's own audit trail.
    pub resolved_by: Option<UserId>,
}

/// Which tickets to list; `None` means any.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TicketFilter {
    pub status: Option<TicketStatus>,
    pub room: Option<RoomId>,
}

/// One page of tickets, most urgent first, oldest first within a priority.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketPage {
    pub tickets: Vec<Ticket>,
    /// Tickets matching the filter on all pages.
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
}

#[cfg(test)]
mod tests {
    use super::TicketAction::*;
    use super::TicketStatus::*;
    use super::*;

    #[test]
    fn a_ticket_is_started_then_resolved_or_resolved_at_once() {
        assert_eq!(Open.after(Start), Ok(InProgress));
        assert_eq!(InProgress.after(Resolve), Ok(Resolved));
        assert_eq!(Open.after(Resolve), Ok(Resolved));
    }

    #[test]
    fn illegal_transitions_name_the_status_and_action() {
        let refused = [(InProgress, Start), (Resolved, Start), (Resolved, Resolve), (Resolved, Assign)];
        for (from, action) in refused {
            assert_eq!(from.after(action), Err(IllegalTicketTransition { from, action }));
        }
        assert_eq!(Resolved.after(Start).unwrap_err().to_string(), "cannot start a ticket that is resolved");
    }

    #[test]
    fn assigning_keeps_the_status_until_resolved() {
        assert_eq!(Open.after(Assign), Ok(Open));
        assert_eq!(InProgress.after(Assign), Ok(InProgress));
    }

    #[test]
    fn a_priority_is_named_as_it_is_stored() {
        for p in [Priority::Low, Priority::Normal, Priority::High, Priority::Urgent] {
            let stored = serde_json::to_value(p).unwrap();
            assert_eq!(stored.as_str(), Some(p.as_str()));
            assert_eq!(Priority::parse(p.as_str()), Some(p));
        }
        assert_eq!(Priority::parse("Urgent"), None);
        assert_eq!(Priority::parse(""), None);
    }

    #[test]
    fn urgent_ranks_highest() {
        let ranks: Vec<i32> = [Priority::Low, Priority::Normal, Priority::High, Priority::Urgent].map(Priority::rank).into();
        assert_eq!(ranks, [0, 1, 2, 3]);
    }

    #[test]
    fn a_problem_must_be_described() {
        assert_eq!(Problem::parse(" no hot water\n").unwrap().as_str(), "no hot water");
        assert_eq!(Problem::parse(""), Err(InvalidProblem));
        assert_eq!(Problem::parse(&"x".repeat(Problem::MAX + 1)), Err(InvalidProblem));
    }
}
