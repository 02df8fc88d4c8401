use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug)]
pub struct AuthUser {
    pub id: i64,
    pub username: String,
    pub quota: i64,
}

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct Bookmark {
    pub id: i64,
    pub url: String,
    pub title: Option<String>,
    pub notes: Option<String>,
    pub share_slug: Option<String>,
    pub archived_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Deserialize)]
pub struct NewBookmark<'req> {
    pub url: &'req str,
    pub title: Option<&'req str>,
    pub notes: Option<&'req str>,
    #[serde(default)]
    pub tags: Vec<&'req str>,
}

#[derive(Debug, Deserialize)]
pub struct UpdateBookmark<'req> {
    pub title: Option<&'req str>,
    pub notes: Option<&'req str>,
}

#[derive(Debug, Deserialize)]
pub struct ListQuery<'q> {
    pub tag: Option<&'q str>,
    #[serde(default)]
    pub page: u32,
}

#[derive(Debug, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub page: u32,
}

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct UserSummary {
    pub id: i64,
    pub username: String,
    pub quota: i64,
    pub bookmarks: i64,
}
