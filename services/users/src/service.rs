use crate::{profile_store, store, Identity, NewProfile, Profile, User, UsersError};
use chrono::Utc;
use kernel::events::{Envelope, UserRegistered};
use kernel::UserId;
use sqlx::PgPool;

/// The only way other code reaches user data.
#[derive(Clone)]
pub struct UsersService {
    pub(crate) pool: PgPool,
}

impl UsersService {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }

    /// Records a sign-in: stores the user the first time (emitting `user.registered` in the same
    /// transaction) and keeps email, name and role in step with the identity provider after.
    /// A first sign-in whose email the provider verified takes over the profile the desk made
    /// for that email: whoever proves they hold the address is the guest the desk booked for.
    #[tracing::instrument(skip(self, identity), fields(subject = %identity.subject))]
    pub async fn sign_in(&self, identity: &Identity) -> Result<User, UsersError> {
        let mut tx = self.pool.begin().await?;
        profile_store::lock_email(&mut tx, &identity.email).await?;
        let taken_over = match identity.email_verified {
            true => profile_store::take_over(&mut tx, identity).await?,
            false => None,
        };
        let (user, inserted) = match taken_over {
            Some(user) => {
                tracing::info!(user = %user.id, "a sign-in took over the desk's profile for its email");
                (user, false)
            }
            None => store::upsert(&mut tx, identity).await?,
        };
        if inserted {
            registered(&mut tx, &user).await?;
        }
        tx.commit().await?;
        Ok(user)
    }

    /// Registers a guest who has no account yet, recording `by` (the member of staff) as its
    /// maker; refused with who has it when someone already has the email.
    #[tracing::instrument(skip(self, profile), fields(by = %by))]
    pub async fn create_profile(&self, profile: &NewProfile, by: UserId) -> Result<User, UsersError> {
        let mut tx = self.pool.begin().await?;
        profile_store::lock_email(&mut tx, &profile.email).await?;
        if let Some(existing) = profile_store::holder(&mut tx, &profile.email).await? {
            return Err(UsersError::EmailTaken(Box::new(existing)));
        }
        let user = profile_store::insert(&mut tx, profile, by).await?;
        registered(&mut tx, &user).await?;
        tx.commit().await?;
        Ok(user)
    }

    /// Up to `limit` people whose name or email contains `text`, as the desk's guest search
    /// shows them.
    pub async fn find_profiles(&self, text: &str, limit: u32) -> Result<Vec<Profile>, UsersError> {
        let ids = self.search(text, limit).await?;
        let ids: Vec<uuid::Uuid> = ids.iter().map(|id| id.as_uuid()).collect();
        Ok(profile_store::profiles(&mut *self.pool.acquire().await?, &ids).await?)
    }

    /// The demo hotel's past and future guests, created once: they never sign in.
    pub async fn seed_demo_guests(&self) -> Result<Vec<UserId>, UsersError> {
        let mut ids = Vec::new();
        for n in 1..=40 {
            let identity = Identity {
                subject: format!("demo-guest-{n:02}"),
                email: kernel::Email::parse(&format!("guest{n:02}@demo.hotel.test")).expect("a valid demo email"),
                email_verified: true,
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

async fn registered(tx: &mut sqlx::PgConnection, user: &User) -> Result<(), UsersError> {
    let event = UserRegistered {
        user_id: user.id,
        email: user.email.to_string(),
        name: user.name.clone(),
        role: user.role.to_string(),
        timestamp: Utc::now(),
    };
    eventbus::enqueue(tx, store::OUTBOX, &Envelope::new(event, Utc::now())).await?;
    Ok(())
}
