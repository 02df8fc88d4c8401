use dioxus::prelude::*;

use crate::{api, models::NoteDraft};

#[component]
pub fn ProjectNotes(id: i64) -> Element {
    let mut notes = use_server_future(move || api::list_notes(id))?;
    let mut draft = use_signal(String::new);
    let mut status = use_signal(|| None::<String>);

    rsx! {
        section { class: "notes",
            textarea { value: "{draft}", oninput: move |e| draft.set(e.value()) }
            button {
                onclick: move |_| async move {
                    let body = draft();
                    if body.trim().is_empty() {
                        return;
                    }
                    match api::save_note(NoteDraft { project_id: id, body, lat: None, lon: None }).await {
                        Ok(_) => {
                            draft.set(String::new());
                            notes.restart();
                        }
                        Err(err) => status.set(Some(err.to_string())),
                    }
                },
                "Add note"
            }
            button {
                onclick: move |_| async move {
                    match api::export_project(id).await {
                        Ok(url) => status.set(Some(format!("Export ready: {url}"))),
                        Err(err) => status.set(Some(err.to_string())),
                    }
                },
                "Export GeoJSON"
            }
            if let Some(message) = status() {
                p { class: "status", "{message}" }
            }
            match notes() {
                Some(Ok(list)) => rsx! {
                    for note in list {
                        article { key: "{note.id}",
                            p { "{note.body}" }
                            if let Some(place) = note.place.clone() {
                                small { "{place}" }
                            }
                        }
                    }
                },
                Some(Err(err)) => rsx! { p { class: "error", "{err}" } },
                None => rsx! { p { "Loading…" } },
            }
        }
    }
}

#[component]
pub fn SharedNote(id: i64, token: String) -> Element {
    let note = use_server_future(move || api::shared_note(id, token.clone()))?;
    rsx! {
        match note() {
            Some(Ok(note)) => rsx! { article { class: "shared", p { "{note.body}" } } },
            Some(Err(_)) => rsx! { p { "This link is not valid." } },
            None => rsx! { p { "Loading…" } },
        }
    }
}
