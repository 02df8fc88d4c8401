use super::*;

fn store_with_workspace() -> (Store, i64) {
    let store = Store::open_in_memory().expect("in-memory db");
    let ws = store.create_workspace("research").unwrap();
    (store, ws)
}

#[test]
fn create_and_list_notes() {
    let (store, ws) = store_with_workspace();
    store.create_note(ws, "first", "hello").unwrap();
    store.create_note(ws, "second", "world").unwrap();
    let notes = store.list_notes(ws, 10).unwrap();
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0].title, "second");
}

#[test]
fn delete_workspace_removes_notes() {
    let (store, ws) = store_with_workspace();
    store.create_note(ws, "doomed", "").unwrap();
    store.delete_workspace(ws).unwrap();
}

#[test]
fn delete_missing_workspace_is_not_found() {
    let store = Store::open_in_memory().unwrap();
    let err = store.delete_workspace(404).unwrap_err();
    assert!(matches!(err, StoreError::NotFound));
}

#[test]
#[should_panic(expected = "workspace name must not be empty")]
fn empty_workspace_name_panics() {
    let store = Store::open_in_memory().unwrap();
    let _ = store.create_workspace("   ");
}
