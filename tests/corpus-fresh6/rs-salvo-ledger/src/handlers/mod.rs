pub mod admin;
pub mod entries;
pub mod statements;
pub mod webhooks;

use salvo::prelude::*;

#[handler]
pub async fn healthz(res: &mut Response) {
    res.render(Text::Plain("ok"));
}
