use futures_util::StreamExt;
use tally_ls::Backend;
use tower_lsp::lsp_types::*;
use tower_lsp::{LanguageServer, LspService};

fn service() -> LspService<Backend> {
    let (service, socket) = LspService::new(Backend::new);
    tokio::spawn(socket.for_each(|_| async {}));
    service
}

fn init_params() -> InitializeParams {
    InitializeParams {
        workspace_folders: Some(vec![WorkspaceFolder {
            uri: Url::parse("file:///workspace/app").unwrap(),
            name: "app".into(),
        }]),
        ..InitializeParams::default()
    }
}

#[tokio::test]
async fn initialize_reports_capabilities() {
    let service = service();
    let result = service.inner().initialize(init_params()).await;
    let _ = result;
}

#[tokio::test]
async fn formatting_returns_one_full_document_edit() {
    let service = service();
    let server = service.inner();
    server.initialize(init_params()).await.unwrap();
    let uri = Url::parse("file:///workspace/app/tally.tly").unwrap();
    server
        .did_open(DidOpenTextDocumentParams {
            text_document: TextDocumentItem::new(uri.clone(), "tally".into(), 1, "[package]\nname=\"app\"\n".into()),
        })
        .await;
    let edits = server
        .formatting(DocumentFormattingParams {
            text_document: TextDocumentIdentifier::new(uri),
            options: FormattingOptions {
                tab_size: 2,
                insert_spaces: true,
                ..FormattingOptions::default()
            },
            work_done_progress_params: WorkDoneProgressParams::default(),
        })
        .await
        .unwrap()
        .expect("formatting edits");
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0].new_text, "[package]\nname = \"app\"\n");
}

#[tokio::test]
async fn unknown_command_is_rejected() {
    let service = service();
    let err = service
        .inner()
        .execute_command(ExecuteCommandParams {
            command: "tally.deleteEverything".into(),
            arguments: vec![],
            work_done_progress_params: WorkDoneProgressParams::default(),
        })
        .await
        .unwrap_err();
    assert_eq!(err.code, tower_lsp::jsonrpc::ErrorCode::InvalidParams);
}

#[tokio::test]
async fn stale_changes_are_ignored() {
    let service = service();
    let server = service.inner();
    let uri = Url::parse("file:///workspace/app/tally.tly").unwrap();
    server
        .did_open(DidOpenTextDocumentParams {
            text_document: TextDocumentItem::new(uri.clone(), "tally".into(), 5, "[package]\n".into()),
        })
        .await;
    server
        .did_change(DidChangeTextDocumentParams {
            text_document: VersionedTextDocumentIdentifier::new(uri.clone(), 4),
            content_changes: vec![TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: "[build]\n".into(),
            }],
        })
        .await;
    assert_eq!(server.docs.get(&uri).unwrap().text, "[package]\n");
}
