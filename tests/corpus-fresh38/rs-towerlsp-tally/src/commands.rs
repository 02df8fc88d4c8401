//! `workspace/executeCommand` handlers.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;
use serde::Deserialize;
use serde_json::{json, Value};
use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types::{ExecuteCommandParams, MessageType, TextEdit, Url, WorkspaceEdit};

use crate::analysis;
use crate::registry::Visibility;
use crate::server::Backend;

pub const COMMANDS: &[&str] = &[
    "tally.format",
    "tally.fix",
    "tally.publish",
    "tally.yank",
    "tally.clearCache",
];

#[derive(Deserialize)]
struct DocArgs {
    uri: Url,
}

#[derive(Deserialize)]
struct YankArgs {
    uri: Url,
    version: String,
    reason: String,
}

fn first_arg<T: for<'de> Deserialize<'de>>(params: &ExecuteCommandParams) -> Result<T> {
    let value = params.arguments.first().cloned().unwrap_or(Value::Null);
    serde_json::from_value(value).map_err(|e| Error::invalid_params(format!("{}: {e}", params.command)))
}

fn internal(message: impl std::fmt::Display) -> Error {
    let mut err = Error::internal_error();
    err.message = message.to_string().into();
    err
}

pub async fn execute(backend: &Backend, params: ExecuteCommandParams) -> Result<Option<Value>> {
    match params.command.as_str() {
        "tally.format" => format_document(backend, first_arg(&params)?).await,
        "tally.fix" => fix(backend, first_arg(&params)?).await,
        "tally.publish" => publish(backend, first_arg(&params)?).await,
        "tally.yank" => yank(backend, first_arg(&params)?).await,
        "tally.clearCache" => clear_cache(backend).await,
        other => Err(Error::invalid_params(format!("unknown command {other}"))),
    }
}

async fn require_trusted(backend: &Backend, uri: &Url) -> Result<PathBuf> {
    let root = backend
        .root_for(uri)
        .await
        .ok_or_else(|| Error::invalid_params("document is outside the open workspace folders"))?;
    if !backend.settings.read().await.is_trusted(&root) {
        backend
            .client
            .show_message(
                MessageType::ERROR,
                format!(
                    "{} is not a trusted workspace; add it to tally.trustedWorkspaces",
                    root.display()
                ),
            )
            .await;
        return Err(Error::invalid_request());
    }
    Ok(root)
}

fn manifest_field(text: &str, key: &str) -> Option<String> {
    analysis::parse(text)
        .ok()?
        .entries
        .into_iter()
        .find(|e| e.section == "package" && e.key == key)
        .map(|e| e.value.trim_matches('"').to_string())
}

// Formatting only rewrites the open buffer through the editor; it runs nothing from the
// workspace and sends nothing anywhere, so it is available in untrusted folders too.
async fn format_document(backend: &Backend, args: DocArgs) -> Result<Option<Value>> {
    let Some(doc) = backend.docs.get(&args.uri) else {
        return Ok(None);
    };
    let formatted = analysis::format(&doc.text, &backend.settings.read().await.format);
    Ok(Some(json!({ "text": formatted })))
}

async fn fix(backend: &Backend, args: DocArgs) -> Result<Option<Value>> {
    require_trusted(backend, &args.uri).await?;
    let Some(doc) = backend.docs.get(&args.uri) else {
        return Ok(None);
    };
    let edits: Vec<TextEdit> = analysis::renamed_key_fixes(&doc.text);
    let count = edits.len();
    if count == 0 {
        return Ok(Some(json!({ "applied": 0 })));
    }
    let mut changes = HashMap::new();
    changes.insert(args.uri.clone(), edits);
    let edit = WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    };
    let _ = backend.client.apply_edit(edit).await;
    backend
        .client
        .show_message(MessageType::INFO, format!("Applied {count} fix(es)"))
        .await;
    Ok(Some(json!({ "applied": count })))
}

fn pack(root: &Path) -> std::io::Result<Vec<u8>> {
    let mut archive = tar::Builder::new(GzEncoder::new(Vec::new(), Compression::default()));
    archive.append_path_with_name(root.join("tally.tly"), "tally.tly")?;
    let src = root.join("src");
    if src.is_dir() {
        archive.append_dir_all("src", &src)?;
    }
    archive.into_inner()?.finish()
}

async fn publish(backend: &Backend, args: DocArgs) -> Result<Option<Value>> {
    let root = require_trusted(backend, &args.uri).await?;
    let doc = backend
        .docs
        .get(&args.uri)
        .ok_or_else(|| Error::invalid_params("open the manifest before publishing"))?;
    let name = manifest_field(&doc.text, "name").ok_or_else(|| Error::invalid_params("[package] name is missing"))?;
    let version =
        manifest_field(&doc.text, "version").ok_or_else(|| Error::invalid_params("[package] version is missing"))?;
    let visibility = match manifest_field(&doc.text, "visibility").as_deref() {
        Some("private") => Visibility::Private,
        _ => Visibility::Public,
    };
    let settings = backend.settings.read().await.clone();
    let token = settings
        .token()
        .ok_or_else(|| Error::invalid_params("no registry token configured"))?;
    let registry = backend.registry().await.map_err(internal)?;
    let archive = tokio::task::spawn_blocking(move || pack(&root))
        .await
        .map_err(internal)?
        .map_err(internal)?;
    let receipt = registry
        .publish(&name, &version, archive, &token, visibility)
        .await
        .map_err(internal)?;
    backend
        .client
        .show_message(
            MessageType::INFO,
            format!("Published {}@{} ({})", receipt.name, receipt.version, receipt.url),
        )
        .await;
    Ok(Some(json!({ "url": receipt.url })))
}

async fn yank(backend: &Backend, args: YankArgs) -> Result<Option<Value>> {
    let doc = backend
        .docs
        .get(&args.uri)
        .ok_or_else(|| Error::invalid_params("open the manifest before yanking"))?;
    let name = manifest_field(&doc.text, "name").ok_or_else(|| Error::invalid_params("[package] name is missing"))?;
    let settings = backend.settings.read().await.clone();
    let token = settings
        .token()
        .ok_or_else(|| Error::invalid_params("no registry token configured"))?;
    let registry = backend.registry().await.map_err(internal)?;
    registry
        .yank(&name, &args.version, &token, &args.reason)
        .await
        .map_err(internal)?;
    backend
        .client
        .show_message(MessageType::WARNING, format!("Yanked {name}@{}", args.version))
        .await;
    Ok(Some(json!({ "yanked": format!("{name}@{}", args.version) })))
}

// Only deletes files under the language server's own cache directory.
async fn clear_cache(backend: &Backend) -> Result<Option<Value>> {
    let Some(cache) = backend.cache.as_ref() else {
        return Ok(Some(json!({ "removed": 0 })));
    };
    let removed = cache.clear().map_err(internal)?;
    Ok(Some(json!({ "removed": removed })))
}
