//! The desk's guest profiles in `users.users`: made without a subject, taken over by the first
//! sign-in with their verified email.
use crate::{Identity, Language, NewProfile, Profile, User};
use kernel::{Email, Role, UserId};
use sqlx::PgConnection;

type Row = (
    uuid::Uuid,
    String,
    String,
    String,
    String,
    Option<String>,
    bool,
);

fn profile((id, email, name, role, language, phone, has_account): Row) -> anyhow::Result<Profile> {
    let user = User {
        id: UserId::from_uuid(id),
        email: Email::parse(&email)?,
        name,
        role: Role::parse(&role).ok_or_else(|| anyhow::anyhow!("unknown role {role}"))?,
        language: Language::parse(&language)
            .ok_or_else(|| anyhow::anyhow!("unknown language {language}"))?,
    };
    Ok(Profile {
        user,
        phone,
        has_account,
    })
}

/// The columns every query here answers with, in the order of [`Row`].
macro_rules! columns {
    () => {
        "id, email, name, role, language, phone, subject IS NOT NULL"
    };
}

/// Holds, until the transaction ends, every other transaction that creates or signs in a user
/// with this email: a desk profile and a first sign-in for one address cannot pass each other.
pub async fn lock_email(conn: &mut PgConnection, email: &Email) -> anyhow::Result<()> {
    sqlx::query("SELECT pg_advisory_xact_lock(hashtext('users.email:' || lower($1)))")
        .bind(email.as_str())
        .execute(conn)
        .await?;
    Ok(())
}

/// Who already has `email`, the desk's profile first.
pub async fn holder(conn: &mut PgConnection, email: &Email) -> anyhow::Result<Option<Profile>> {
    let row: Option<Row> = sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        " FROM users.users WHERE lower(email) = lower($1) \
         ORDER BY subject IS NULL DESC, created_at LIMIT 1"
    ))
    .bind(email.as_str())
    .fetch_optional(conn)
    .await?;
    row.map(profile).transpose()
}

pub async fn insert(conn: &mut PgConnection, p: &NewProfile, by: UserId) -> anyhow::Result<User> {
    let row: Row = sqlx::query_as(concat!(
        "INSERT INTO users.users (id, subject, email, name, role, language, phone, created_by) \
         VALUES ($1, NULL, $2, $3, 'guest', $4, $5, $6) RETURNING ",
        columns!()
    ))
    .bind(UserId::new().as_uuid())
    .bind(p.email.as_str())
    .bind(p.name.as_str())
    .bind(p.language.as_str())
    .bind(p.phone.as_ref().map(|p| p.as_str()))
    .bind(by.as_uuid())
    .fetch_one(conn)
    .await?;
    Ok(profile(row)?.user)
}

pub async fn profiles(conn: &mut PgConnection, ids: &[uuid::Uuid]) -> anyhow::Result<Vec<Profile>> {
    let rows: Vec<Row> = sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        " FROM users.users WHERE id = ANY($1) ORDER BY name, id"
    ))
    .bind(ids)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(profile).collect()
}

/// Gives the desk's profile for the identity's email to the identity (its subject, and its name,
/// role and language as the provider says), unless that subject has a user already. The caller
/// checks that the provider verified the email.
pub async fn take_over(
    conn: &mut PgConnection,
    identity: &Identity,
) -> anyhow::Result<Option<User>> {
    let row: Option<Row> = sqlx::query_as(concat!(
        "UPDATE users.users SET subject = $1, email = $2, name = $3, role = $4, \
           language = COALESCE($5::text, language), updated_at = now() \
         WHERE subject IS NULL AND lower(email) = lower($2) \
           AND NOT EXISTS (SELECT 1 FROM users.users WHERE subject = $1) \
         RETURNING ",
        columns!()
    ))
    .bind(&identity.subject)
    .bind(identity.email.as_str())
    .bind(&identity.name)
    .bind(identity.role.as_str())
    .bind(identity.language.map(Language::as_str))
    .fetch_optional(conn)
    .await?;
    Ok(row.map(profile).transpose()?.map(|p| p.user))
}
