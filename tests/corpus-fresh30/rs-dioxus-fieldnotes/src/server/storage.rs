use sqlx::{sqlite::SqlitePoolOptions, SqlitePool};

use crate::models::{Attachment, Note, NoteDraft, Project, User};

pub async fn connect(url: &str) -> Result<SqlitePool, sqlx::Error> {
    let pool = SqlitePoolOptions::new().max_connections(8).connect(url).await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(pool)
}

#[derive(sqlx::FromRow)]
pub struct Credentials {
    pub id: i64,
    pub password_hash: String,
}

#[derive(sqlx::FromRow)]
pub struct Device {
    pub id: i64,
    pub user_id: i64,
    pub token_hash: String,
}

pub async fn credentials(pool: &SqlitePool, email: &str) -> Result<Option<Credentials>, sqlx::Error> {
    sqlx::query_as("SELECT id, password_hash FROM users WHERE email = ?")
        .bind(email)
        .fetch_optional(pool)
        .await
}

pub async fn user_by_id(pool: &SqlitePool, id: i64) -> Result<Option<User>, sqlx::Error> {
    let row: Option<(i64, String, String)> = sqlx::query_as("SELECT id, email, display_name FROM users WHERE id = ?")
        .bind(id)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|(id, email, display_name)| User {
        id,
        email,
        display_name,
    }))
}

pub async fn device(pool: &SqlitePool, device_id: i64) -> Result<Option<Device>, sqlx::Error> {
    sqlx::query_as("SELECT id, user_id, token_hash FROM devices WHERE id = ?")
        .bind(device_id)
        .fetch_optional(pool)
        .await
}

pub async fn projects_for(pool: &SqlitePool, owner_id: i64) -> Result<Vec<Project>, sqlx::Error> {
    sqlx::query_as("SELECT id, owner_id, name FROM projects WHERE owner_id = ? ORDER BY name")
        .bind(owner_id)
        .fetch_all(pool)
        .await
}

pub async fn notes_in(pool: &SqlitePool, project_id: i64, owner_id: i64) -> Result<Vec<Note>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, project_id, owner_id, body, lat, lon, place FROM notes
         WHERE project_id = ? AND owner_id = ? ORDER BY updated_at DESC",
    )
    .bind(project_id)
    .bind(owner_id)
    .fetch_all(pool)
    .await
}

pub async fn insert_note(
    pool: &SqlitePool,
    owner_id: i64,
    draft: &NoteDraft,
    place: Option<&str>,
) -> Result<i64, sqlx::Error> {
    let row: (i64,) = sqlx::query_as(
        "INSERT INTO notes (project_id, owner_id, body, lat, lon, place) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(draft.project_id)
    .bind(owner_id)
    .bind(&draft.body)
    .bind(draft.lat)
    .bind(draft.lon)
    .bind(place)
    .fetch_one(pool)
    .await?;
    Ok(row.0)
}

pub async fn update_note(pool: &SqlitePool, note_id: i64, owner_id: i64, body: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE notes SET body = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?")
        .bind(body)
        .bind(note_id)
        .execute(pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_share_token(pool: &SqlitePool, note_id: i64, owner_id: i64, token: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE notes SET share_token = ? WHERE id = ? AND owner_id = ?")
        .bind(token)
        .bind(note_id)
        .bind(owner_id)
        .execute(pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn note_with_share_token(
    pool: &SqlitePool,
    note_id: i64,
) -> Result<Option<(Note, Option<String>)>, sqlx::Error> {
    let note: Option<Note> =
        sqlx::query_as("SELECT id, project_id, owner_id, body, lat, lon, place FROM notes WHERE id = ?")
            .bind(note_id)
            .fetch_optional(pool)
            .await?;
    let Some(note) = note else { return Ok(None) };
    let token: Option<String> = sqlx::query_scalar("SELECT share_token FROM notes WHERE id = ?")
        .bind(note_id)
        .fetch_one(pool)
        .await?;
    Ok(Some((note, token)))
}

pub async fn insert_attachment(
    pool: &SqlitePool,
    note_id: i64,
    file_name: &str,
    stored_as: &str,
    size_bytes: i64,
) -> Result<i64, sqlx::Error> {
    let row: (i64,) = sqlx::query_as(
        "INSERT INTO attachments (note_id, file_name, stored_as, size_bytes) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(note_id)
    .bind(file_name)
    .bind(stored_as)
    .bind(size_bytes)
    .fetch_one(pool)
    .await?;
    Ok(row.0)
}

pub async fn attachment(pool: &SqlitePool, id: i64) -> Result<Option<Attachment>, sqlx::Error> {
    sqlx::query_as("SELECT id, note_id, file_name, stored_as, size_bytes FROM attachments WHERE id = ?")
        .bind(id)
        .fetch_optional(pool)
        .await
}

pub async fn delete_attachment(pool: &SqlitePool, id: i64) -> Result<Option<Attachment>, sqlx::Error> {
    sqlx::query_as("DELETE FROM attachments WHERE id = ? RETURNING id, note_id, file_name, stored_as, size_bytes")
        .bind(id)
        .fetch_optional(pool)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn seeded() -> SqlitePool {
        let pool = connect("sqlite::memory:").await.unwrap();
        sqlx::query("INSERT INTO users (id, email, password_hash, display_name) VALUES (1, 'a@x', 'h', 'A'), (2, 'b@x', 'h', 'B')")
            .execute(&pool)
            .await
            .unwrap();
        sqlx::query("INSERT INTO projects (id, owner_id, name) VALUES (10, 1, 'Heath survey')")
            .execute(&pool)
            .await
            .unwrap();
        pool
    }

    fn draft(body: &str) -> NoteDraft {
        NoteDraft {
            project_id: 10,
            body: body.into(),
            lat: Some(51.5),
            lon: Some(-0.12),
        }
    }

    #[tokio::test]
    async fn notes_are_listed_per_owner() {
        let pool = seeded().await;
        insert_note(&pool, 1, &draft("kestrel over ridge"), None).await.unwrap();
        insert_note(&pool, 2, &draft("someone else's"), None).await.unwrap();

        let notes = notes_in(&pool, 10, 1).await.unwrap();
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].body, "kestrel over ridge");
    }

    #[tokio::test]
    async fn update_note_changes_body() {
        let pool = seeded().await;
        let id = insert_note(&pool, 1, &draft("first"), None).await.unwrap();
        update_note(&pool, id, 1, "second").await.unwrap();
    }

    #[tokio::test]
    async fn deleting_an_attachment_returns_the_row() {
        let pool = seeded().await;
        let note = insert_note(&pool, 1, &draft("with photo"), None).await.unwrap();
        let id = insert_attachment(&pool, note, "nest.jpg", "ab12.jpg", 2048)
            .await
            .unwrap();

        let removed = delete_attachment(&pool, id).await.unwrap().expect("row");
        assert_eq!(removed.stored_as, "ab12.jpg");
        assert!(attachment(&pool, id).await.unwrap().is_none());
    }
}
