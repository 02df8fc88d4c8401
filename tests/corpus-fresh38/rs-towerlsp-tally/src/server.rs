use std::path::PathBuf;
use std::time::Duration;

use serde_json::Value;
use tokio::sync::RwLock;
use tower_lsp::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

use crate::analysis;
use crate::cache::IndexCache;
use crate::commands;
use crate::documents::{word_at, DocumentStore};
use crate::registry::{PackageIndex, RegistryClient, RegistryError};
use crate::settings::Settings;

pub struct Backend {
    pub client: Client,
    pub docs: DocumentStore,
    pub settings: RwLock<Settings>,
    pub cache: Option<IndexCache>,
    registry: RwLock<Option<RegistryClient>>,
    roots: RwLock<Vec<PathBuf>>,
}

impl Backend {
    pub fn new(client: Client) -> Self {
        Self {
            client,
            docs: DocumentStore::default(),
            settings: RwLock::new(Settings::default()),
            cache: match IndexCache::open(Duration::from_secs(6 * 3600)) {
                Ok(cache) => Some(cache),
                Err(err) => {
                    tracing::warn!(%err, "registry index cache disabled");
                    None
                }
            },
            registry: RwLock::new(None),
            roots: RwLock::new(Vec::new()),
        }
    }

    pub async fn root_for(&self, uri: &Url) -> Option<PathBuf> {
        let path = uri.to_file_path().ok()?;
        self.roots
            .read()
            .await
            .iter()
            .filter(|root| path.starts_with(root))
            .max_by_key(|root| root.components().count())
            .cloned()
    }

    pub async fn registry(&self) -> std::result::Result<RegistryClient, RegistryError> {
        if let Some(client) = self.registry.read().await.clone() {
            return Ok(client);
        }
        let client = RegistryClient::new(&*self.settings.read().await)?;
        *self.registry.write().await = Some(client.clone());
        Ok(client)
    }

    async fn refresh_settings(&self) {
        let items = vec![ConfigurationItem {
            scope_uri: None,
            section: Some("tally".to_string()),
        }];
        match self.client.configuration(items).await {
            Ok(mut values) => match Settings::from_value(values.pop().unwrap_or(Value::Null)) {
                Ok(settings) => {
                    *self.settings.write().await = settings;
                    *self.registry.write().await = None;
                }
                Err(err) => {
                    self.client
                        .show_message(
                            MessageType::ERROR,
                            format!("invalid tally settings, keeping the previous ones: {err}"),
                        )
                        .await;
                }
            },
            Err(err) => {
                self.client
                    .log_message(MessageType::WARNING, format!("could not read tally settings: {err}"))
                    .await;
            }
        }
    }

    fn cached_index(&self, name: &str) -> Option<PackageIndex> {
        let body = self.cache.as_ref()?.get(name)?;
        serde_json::from_str(&body).ok()
    }

    async fn warm_index(&self, text: &str) {
        let Ok(manifest) = analysis::parse(text) else {
            return;
        };
        let Ok(registry) = self.registry().await else {
            return;
        };
        for import in manifest.imports {
            if self.cached_index(&import.name).is_some() {
                continue;
            }
            match registry.index(&import.name).await {
                Ok(index) => {
                    let Some(cache) = self.cache.as_ref() else {
                        continue;
                    };
                    let body = serde_json::to_string(&index).unwrap_or_default();
                    if let Err(err) = cache.put(&import.name, &body) {
                        self.client
                            .log_message(
                                MessageType::WARNING,
                                format!("index cache write failed for {}: {err}", import.name),
                            )
                            .await;
                    }
                }
                Err(RegistryError::NotFound) => {}
                Err(err) => {
                    self.client
                        .log_message(
                            MessageType::WARNING,
                            format!("registry index for {}: {err}", import.name),
                        )
                        .await;
                }
            }
        }
    }

    async fn publish_diagnostics_for(&self, uri: Url) {
        let Some(doc) = self.docs.get(&uri) else {
            return;
        };
        let max = self.settings.read().await.max_problems;
        let lookup = |name: &str| self.cached_index(name).map(|i| i.versions);
        let diags = analysis::diagnostics(&doc.text, &lookup, max);
        self.client.publish_diagnostics(uri, diags, Some(doc.version)).await;
    }
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let mut roots = Vec::new();
        if let Some(folders) = params.workspace_folders {
            roots.extend(folders.iter().filter_map(|f| f.uri.to_file_path().ok()));
        }
        #[allow(deprecated)]
        if roots.is_empty() {
            if let Some(root) = params.root_uri.and_then(|u| u.to_file_path().ok()) {
                roots.push(root);
            }
        }
        *self.roots.write().await = roots;
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "tally-ls".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            capabilities: ServerCapabilities {
                text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec!["\"".to_string(), "@".to_string(), "[".to_string()]),
                    ..CompletionOptions::default()
                }),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                document_formatting_provider: Some(OneOf::Left(true)),
                definition_provider: Some(OneOf::Left(true)),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: commands::COMMANDS.iter().map(|c| c.to_string()).collect(),
                    ..ExecuteCommandOptions::default()
                }),
                ..ServerCapabilities::default()
            },
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        self.refresh_settings().await;
        self.client
            .log_message(
                MessageType::INFO,
                format!("tally-ls {} ready", env!("CARGO_PKG_VERSION")),
            )
            .await;
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        self.docs
            .open(item.uri.clone(), item.text.clone(), item.version, item.language_id);
        self.warm_index(&item.text).await;
        self.publish_diagnostics_for(item.uri).await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let Some(change) = params.content_changes.into_iter().last() else {
            return;
        };
        let uri = params.text_document.uri;
        if self.docs.replace(&uri, change.text, params.text_document.version) {
            self.publish_diagnostics_for(uri).await;
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        if let Some(doc) = self.docs.get(&params.text_document.uri) {
            self.warm_index(&doc.text).await;
            self.publish_diagnostics_for(params.text_document.uri).await;
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        self.docs.close(&params.text_document.uri);
        self.client
            .publish_diagnostics(params.text_document.uri, Vec::new(), None)
            .await;
    }

    async fn did_change_configuration(&self, _: DidChangeConfigurationParams) {
        self.refresh_settings().await;
        for uri in self.docs.uris() {
            self.publish_diagnostics_for(uri).await;
        }
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let pos = params.text_document_position;
        let Some(doc) = self.docs.get(&pos.text_document.uri) else {
            return Ok(None);
        };
        let Some((line, word)) = word_at(&doc.text, pos.position) else {
            return Ok(None);
        };
        if line.trim_start().starts_with("import") {
            let Ok(registry) = self.registry().await else {
                return Ok(None);
            };
            let prefix = word.split('@').next().unwrap_or("");
            // Best effort: an unreachable registry only means no package suggestions.
            let found = registry.search(prefix, 20).await.unwrap_or_default();
            let items = found
                .into_iter()
                .map(|pkg| CompletionItem {
                    label: format!("{}@{}", pkg.name, pkg.versions.last().cloned().unwrap_or_default()),
                    kind: Some(CompletionItemKind::MODULE),
                    detail: Some(pkg.description),
                    deprecated: Some(pkg.deprecated),
                    ..CompletionItem::default()
                })
                .collect();
            return Ok(Some(CompletionResponse::Array(items)));
        }
        let section = doc
            .text
            .lines()
            .take(pos.position.line as usize)
            .filter_map(|l| l.trim().strip_prefix('[').and_then(|s| s.strip_suffix(']')))
            .last()
            .unwrap_or("");
        let keys = analysis::SECTIONS
            .iter()
            .find(|(s, _)| *s == section)
            .map(|(_, k)| *k)
            .unwrap_or(&[]);
        let items = keys
            .iter()
            .filter(|k| k.starts_with(word.as_str()))
            .map(|k| CompletionItem::new_simple(k.to_string(), format!("[{section}] key")))
            .collect();
        Ok(Some(CompletionResponse::Array(items)))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let pos = params.text_document_position_params;
        let Some(doc) = self.docs.get(&pos.text_document.uri) else {
            return Ok(None);
        };
        let Some((line, word)) = word_at(&doc.text, pos.position) else {
            return Ok(None);
        };
        if !line.trim_start().starts_with("import") {
            return Ok(None);
        }
        let name = word.trim_matches('"').split('@').next().unwrap_or_default().to_string();
        let Some(index) = self.cached_index(&name) else {
            return Ok(None);
        };
        let mut text = format!(
            "**{}**\n\n{}\n\nVersions: {}",
            index.name,
            index.description,
            index.versions.join(", ")
        );
        if index.deprecated {
            text.push_str("\n\n_Deprecated._");
        }
        Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: text,
            }),
            range: None,
        }))
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        let Some(doc) = self.docs.get(&params.text_document.uri) else {
            return Ok(None);
        };
        let formatted = analysis::format(&doc.text, &self.settings.read().await.format);
        if formatted == doc.text {
            return Ok(Some(Vec::new()));
        }
        let lines = doc.text.lines().count() as u32;
        Ok(Some(vec![TextEdit::new(
            Range::new(Position::new(0, 0), Position::new(lines + 1, 0)),
            formatted,
        )]))
    }

    async fn goto_definition(&self, _params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        Err(Error {
            code: ErrorCode::MethodNotFound,
            message: "go to definition arrives in a later release".into(),
            data: None,
        })
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<Value>> {
        commands::execute(self, params).await
    }
}
