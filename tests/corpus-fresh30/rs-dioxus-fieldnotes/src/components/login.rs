use dioxus::prelude::*;

use super::Route;
use crate::api;

#[component]
pub fn Login() -> Element {
    let mut email = use_signal(String::new);
    let mut password = use_signal(String::new);
    let mut error = use_signal(|| None::<String>);
    let nav = navigator();

    rsx! {
        form {
            class: "login",
            onsubmit: move |event| async move {
                event.prevent_default();
                match api::login(email(), password()).await {
                    Ok(_) => {
                        nav.push(Route::Projects {});
                    }
                    Err(err) => error.set(Some(err.to_string())),
                }
            },
            h1 { "Fieldnotes" }
            input { r#type: "email", placeholder: "E-mail", value: "{email}", oninput: move |e| email.set(e.value()) }
            input { r#type: "password", placeholder: "Password", value: "{password}", oninput: move |e| password.set(e.value()) }
            button { r#type: "submit", "Sign in" }
            if let Some(message) = error() {
                p { class: "error", "{message}" }
            }
        }
    }
}
