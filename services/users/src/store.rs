use crate::{Identity, Language, User};
use eventbus::OutboxTable;
use kernel::{Email, Role, UserId};
use sqlx::PgConnection;

pub const OUTBOX: OutboxTable = OutboxTable("users.outbox");

#[derive(sqlx::FromRow)]
struct UserRow {
    id: uuid::Uuid,
    email: String,
    name: String,
    role: String,
    language: String,
}

impl TryFrom<UserRow> for User {
    type Error = anyhow::Error;
    fn try_from(r: UserRow) -> anyhow::Result<Self> {
        Ok(User {
            id: UserId::from_uuid(r.id),
            email: Email::parse(&r.email)?,
            name: r.name,
            role: Role::parse(&r.role).ok_or_else(|| anyhow::anyhow!("unknown role {}", r.role))?,
            language: Language::parse(&r.language).ok_or_else(|| anyhow::anyhow!("unknown language {}", r.language))?,
        })
    }
}

/// Inserts or refreshes the user for `identity`; `true` when this was the first sign-in.
/// A sign-in without a language keeps the one stored.
pub async fn upsert(conn: &mut PgConnection, identity: &Identity) -> anyhow::Result<(User, bool)> {
    let (id, email, name, role, language, inserted) =
        sqlx::query_as::<_, (uuid::Uuid, String, String, String, String, bool)>(
            "INSERT INTO users.users (id, subject, email, name, role, language)
             VALUES ($1, $2, $3, $4, $5, COALESCE($6::text, 'en'))
             ON CONFLICT (subject) DO UPDATE
               SET email = EXCLUDED.email, name = EXCLUDED.name, role = EXCLUDED.role,
                   language = COALESCE($6::text, users.users.language), updated_at = now()
             RETURNING id, email, name, role, language, (xmax = 0) AS inserted",
        )
        .bind(UserId::new().as_uuid())
        .bind(&identity.subject)
        .bind(identity.email.as_str())
        .bind(&identity.name)
        .bind(identity.role.as_str())
        .bind(identity.language.map(Language::as_str))
        .fetch_one(conn)
        .await?;
    Ok((UserRow { id, email, name, role, language }.try_into()?, inserted))
}

pub async fn find(conn: &mut PgConnection, id: UserId) -> anyhow::Result<Option<User>> {
    let row: Option<UserRow> = sqlx::query_as("SELECT id, email, name, role, language FROM users.users WHERE id = $1")
        .bind(id.as_uuid())
        .fetch_optional(conn)
        .await?;
    row.map(User::try_from).transpose()
}

pub async fn find_many(conn: &mut PgConnection, ids: &[uuid::Uuid]) -> anyhow::Result<Vec<User>> {
    let rows: Vec<UserRow> = sqlx::query_as(
        "SELECT id, email, name, role, language FROM users.users WHERE id = ANY($1)",
    )
    .bind(ids)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(User::try_from).collect()
}

/// Guests whose name or email contains `text`, whatever its case.
pub async fn search(
    conn: &mut PgConnection,
    text: &str,
    limit: i64,
) -> anyhow::Result<Vec<UserId>> {
    let pattern = format!(
        "%{}%",
        text.replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let ids: Vec<uuid::Uuid> = sqlx::query_scalar(
        "SELECT id FROM users.users WHERE name ILIKE $1 OR email ILIKE $1 ORDER BY name, id LIMIT $2",
    )
    .bind(pattern)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(ids.into_iter().map(UserId::from_uuid).collect())
}
