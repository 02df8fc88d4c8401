pub mod admin;
pub mod notes;

use viz::{Request, RequestExt, Response, ResponseExt, Result};

pub async fn health(_req: Request) -> Result<Response> {
    Ok(Response::text("ok"))
}

pub async fn metrics(req: Request) -> Result<Response> {
    let state = req.state::<crate::AppState>().expect("state is always installed");
    let pool = &state.db;
    let body = format!(
        "# TYPE notes_db_connections gauge\nnotes_db_connections {}\nnotes_db_idle {}\n",
        pool.size(),
        pool.num_idle()
    );
    Ok(Response::text(body))
}
