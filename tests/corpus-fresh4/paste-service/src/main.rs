#[macro_use]
extern crate rocket;

mod config;
mod guards;
mod routes;
mod storage;

use rocket::fairing::AdHoc;
use storage::PasteStore;

#[launch]
fn rocket() -> _ {
    build(config::figment())
}

pub fn build(figment: rocket::figment::Figment) -> rocket::Rocket<rocket::Build> {
    rocket::custom(figment)
        .attach(AdHoc::config::<config::AppConfig>())
        .attach(AdHoc::on_ignite("paste store", |rocket| async move {
            let cfg: config::AppConfig = rocket.figment().extract().expect("config");
            rocket.manage(PasteStore::open(&cfg.data_dir).expect("open paste store"))
        }))
        .mount("/api/pastes", routes::pastes::routes())
        .mount("/api/admin", routes::admin::routes())
}
