use guildbot::db::{self, Action};
use tempfile::TempDir;

async fn pool() -> (TempDir, sqlx::SqlitePool) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("test.db").display());
    let pool = db::connect(&url).await.unwrap();
    (dir, pool)
}

async fn assert_case_count(pool: &sqlx::SqlitePool, user: u64, expected: usize) {
    let cases = db::cases_for(pool, 1, user).await.unwrap();
    assert_eq!(cases.len(), expected, "cases for user {user}: {cases:?}");
}

#[tokio::test]
async fn warn_cases_are_listed_newest_first() {
    let (_dir, pool) = pool().await;
    let first = db::insert_case(&pool, 1, 42, 7, Action::Warn, "spam").await.unwrap();
    let second = db::insert_case(&pool, 1, 42, 7, Action::Timeout, "more spam")
        .await
        .unwrap();

    let cases = db::cases_for(&pool, 1, 42).await.unwrap();
    assert_eq!(cases.iter().map(|c| c.id).collect::<Vec<_>>(), vec![second, first]);
}

#[tokio::test]
async fn cases_are_scoped_to_the_member() {
    let (_dir, pool) = pool().await;
    db::insert_case(&pool, 1, 42, 7, Action::Warn, "spam").await.unwrap();
    db::insert_case(&pool, 1, 43, 7, Action::Warn, "spam").await.unwrap();

    assert_case_count(&pool, 42, 1).await;
    assert_case_count(&pool, 99, 0).await;
}

#[tokio::test]
async fn closing_a_case_twice() {
    let (_dir, pool) = pool().await;
    let id = db::insert_case(&pool, 1, 42, 7, Action::Ban, "raid").await.unwrap();
    db::close_case(&pool, id).await.unwrap();
    db::close_case(&pool, id).await.unwrap();
}
