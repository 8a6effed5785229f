//! How the day's housekeeping work is shared: per attendant their rooms and the weight of that
//! work (a departure weighs more than a stay-over), and the rooms needing work nobody has yet.
use crate::{Desk, DeskError};
use chrono::NaiveDate;
use kernel::{Role, RoomId, UserId};
use rooms::WorkKind;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendantLoad {
    pub attendant: UserId,
    pub name: String,
    /// Their rooms by floor and number, with the work each needs (none: given, nothing to do).
    pub rooms: Vec<(String, Option<WorkKind>)>,
    pub weight: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workload {
    pub date: NaiveDate,
    /// Every housekeeping attendant, the most loaded first.
    pub attendants: Vec<AttendantLoad>,
    /// Rooms that need work on the day and nobody has.
    pub unassigned: usize,
}

impl Desk {
    #[tracing::instrument(skip(self))]
    pub async fn housekeeping_workload(&self, date: NaiveDate) -> Result<Workload, DeskError> {
        let (work, assignments, staff) = futures::try_join!(
            self.housekeeping_work(date),
            async { Ok(self.rooms.assignments(date).await?) },
            async { Ok(self.users.with_role(Role::Housekeeping, users::MAX_STAFF_LISTED).await?) },
        )?;
        let needs: HashMap<RoomId, WorkKind> = work.iter().copied().collect();
        let mut loads: Vec<AttendantLoad> = staff
            .into_iter()
            .map(|u| AttendantLoad { attendant: u.id, name: u.name, rooms: Vec::new(), weight: 0 })
            .collect();
        for a in &assignments {
            let Some(load) = loads.iter_mut().find(|l| l.attendant == a.attendant) else { continue };
            let kind = needs.get(&a.room_id).copied();
            load.weight += kind.map_or(0, WorkKind::weight);
            load.rooms.push((a.room_number.clone(), kind));
        }
        loads.sort_by(|a, b| b.weight.cmp(&a.weight).then_with(|| a.name.cmp(&b.name)));
        let given: std::collections::HashSet<RoomId> = assignments.iter().map(|a| a.room_id).collect();
        let unassigned = work.iter().filter(|(room, _)| !given.contains(room)).count();
        Ok(Workload { date, attendants: loads, unassigned })
    }
}
