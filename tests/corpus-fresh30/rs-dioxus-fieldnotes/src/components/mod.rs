mod login;
mod notes;

use dioxus::prelude::*;

use crate::api;
use login::Login;
use notes::{ProjectNotes, SharedNote};

#[derive(Routable, Clone, PartialEq)]
#[rustfmt::skip]
pub enum Route {
    #[layout(Shell)]
        #[route("/")]
        Projects {},
        #[route("/projects/:id")]
        ProjectNotes { id: i64 },
    #[end_layout]
    #[route("/login")]
    Login {},
    #[route("/shared/:id/:token")]
    SharedNote { id: i64, token: String },
}

#[component]
pub fn App() -> Element {
    rsx! {
        Router::<Route> {}
    }
}

#[component]
fn Shell() -> Element {
    let user = use_server_future(api::me)?;
    let nav = navigator();

    match user() {
        Some(Ok(Some(user))) => rsx! {
            header {
                span { class: "who", "{user.display_name}" }
                button {
                    onclick: move |_| async move {
                        if api::logout().await.is_ok() {
                            nav.push(Route::Login {});
                        }
                    },
                    "Sign out"
                }
            }
            main { Outlet::<Route> {} }
        },
        Some(Ok(None)) => {
            nav.replace(Route::Login {});
            rsx! {}
        }
        Some(Err(error)) => rsx! { p { class: "error", "{error}" } },
        None => rsx! { p { "Loading…" } },
    }
}

#[component]
fn Projects() -> Element {
    let projects = use_server_future(api::list_projects)?;
    rsx! {
        h1 { "Projects" }
        match projects() {
            Some(Ok(list)) => rsx! {
                ul {
                    for project in list {
                        li { key: "{project.id}",
                            Link { to: Route::ProjectNotes { id: project.id }, "{project.name}" }
                        }
                    }
                }
            },
            Some(Err(error)) => rsx! { p { class: "error", "{error}" } },
            None => rsx! { p { "Loading…" } },
        }
    }
}
