use diesel::pg::PgConnection;
use diesel::r2d2::{ConnectionManager, Pool, PooledConnection};

pub type PgPool = Pool<ConnectionManager<PgConnection>>;
pub type PgPooled = PooledConnection<ConnectionManager<PgConnection>>;

pub fn pool_from_env(max_size: u32) -> PgPool {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    Pool::builder()
        .max_size(max_size)
        .build(ConnectionManager::<PgConnection>::new(url))
        .expect("failed to build connection pool")
}
