use crate::{store, Identity, User, UsersError};
use chrono::Utc;
use kernel::events::{Envelope, UserRegistered};
use kernel::UserId;
use sqlx::PgPool;

/// The only way other code reaches user data.
#[derive(Clone)]
pub struct UsersService {
    pool: PgPool,
}

impl UsersService {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }

    /// Records a sign-in: stores the user the first time (emitting `user.registered` in the same
    /// transaction) and keeps email, name and role in step with the identity provider after.
    #[tracing::instrument(skip(self, identity), fields(subject = %identity.subject))]
    pub async fn sign_in(&self, identity: &Identity) -> Result<User, UsersError> {
        let mut tx = self.pool.begin().await?;
        let (user, inserted) = store::upsert(&mut tx, identity).await?;
        if inserted {
            let event = UserRegistered {
                user_id: user.id,
                email: user.email.to_string(),
                name: user.name.clone(),
                role: user.role.to_string(),
                timestamp: Utc::now(),
            };
            eventbus::enqueue(&mut tx, store::OUTBOX, &Envelope::new(event, Utc::now())).await?;
        }
        tx.commit().await?;
        Ok(user)
    }

    /// The demo hotel's past and future guests, created once: they never sign in.
    pub async fn seed_demo_guests(&self) -> Result<Vec<UserId>, UsersError> {
        let mut ids = Vec::new();
        for n in 1..=40 {
            let identity = Identity {
                subject: format!("demo-guest-{n:02}"),
                email: kernel::Email::parse(&format!("guest{n:02}@demo.hotel.test")).expect("a valid demo email"),
                name: format!("Demo Guest {n:02}"),
                role: kernel::Role::Guest,
                language: None,
            };
            ids.push(self.sign_in(&identity).await?.id);
        }
        Ok(ids)
    }

    pub async fn find(&self, id: UserId) -> Result<Option<User>, UsersError> {
        let mut conn = self.pool.acquire().await?;
        Ok(store::find(&mut conn, id).await?)
    }
    /// The people with these ids (unknown ids are left out).
    pub async fn find_many(&self, ids: &[UserId]) -> Result<Vec<User>, UsersError> {
        let ids: Vec<uuid::Uuid> = ids.iter().map(|id| id.as_uuid()).collect();
        Ok(store::find_many(&mut *self.pool.acquire().await?, &ids).await?)
    }

    /// Up to `limit` people whose name or email contains `text`, for the desk's search.
    pub async fn search(&self, text: &str, limit: u32) -> Result<Vec<UserId>, UsersError> {
        Ok(store::search(
            &mut *self.pool.acquire().await?,
            text.trim(),
            i64::from(limit),
        )
        .await?)
    }
}
