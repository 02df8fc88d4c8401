use sqlx::PgPool;
use uuid::Uuid;

pub async fn record(db: &PgPool, actor: Uuid, action: &str, note_id: Uuid) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO audit_log (actor, action, note_id, at) VALUES ($1, $2, $3, now())")
        .bind(actor)
        .bind(action)
        .bind(note_id)
        .execute(db)
        .await?;
    Ok(())
}
