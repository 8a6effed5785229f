//! One audit log of what staff did, across the services that each keep their own records:
//! every source answers its newest page before the cursor, and the pages are merged by time.
use kernel::audit_trail::{newest_first, AuditCursor, AuditQuery, StaffAction};

/// The services whose records make the log.
pub struct AuditSources<'a> {
    pub bookings: &'a bookings::BookingsService,
    pub rooms: &'a rooms::RoomsService,
    pub billing: &'a payments::billing::BillingService,
    pub users: &'a users::UsersService,
    pub notifications: &'a notifications::NotificationsService,
}

/// A page of the log, newest first, and where the next one starts when there is more.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditPage {
    pub actions: Vec<StaffAction>,
    pub next: Option<AuditCursor>,
}

/// At most `q.limit` actions matching `q`. Each source answers one more than that of its own,
/// so the merged page is exactly the newest `q.limit` of them all and whether more follow.
#[tracing::instrument(skip(s))]
pub async fn audit_log(s: AuditSources<'_>, q: &AuditQuery) -> anyhow::Result<AuditPage> {
    let q = &AuditQuery { limit: q.limit + 1, ..q.clone() };
    let limit = q.limit as usize - 1;
    let (a, b, c, d, e) = tokio::try_join!(
        s.bookings.staff_actions(q),
        s.rooms.staff_actions(q),
        s.billing.staff_actions(q),
        s.users.staff_actions(q),
        s.notifications.staff_actions(q),
    )?;
    let mut actions: Vec<StaffAction> = [a, b, c, d, e].into_iter().flatten().collect();
    actions.sort_by(newest_first);
    let more = actions.len() > limit;
    actions.truncate(limit);
    let next = more.then(|| actions.last().map(|l| AuditCursor { at: l.at, key: l.key.clone() })).flatten();
    Ok(AuditPage { actions, next })
}
