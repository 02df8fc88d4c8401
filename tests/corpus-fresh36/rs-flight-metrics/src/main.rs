use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use arrow_flight::flight_service_server::FlightServiceServer;
use flight_metrics::actions::ActionContext;
use flight_metrics::auth::{Authenticator, Role, UserRecord};
use flight_metrics::catalog::CatalogClient;
use flight_metrics::config::Config;
use flight_metrics::service::MetricsFlightService;
use flight_metrics::store::DatasetStore;
use flight_metrics::{attach_request_id, replica::Replica};
use tonic::transport::{Identity, Server, ServerTlsConfig};
use tracing_subscriber::EnvFilter;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

fn load_users(cfg: &Config) -> Result<Vec<UserRecord>, BoxError> {
    let mut users: Vec<UserRecord> = match std::fs::read_to_string(&cfg.users_file) {
        Ok(text) => serde_json::from_str(&text)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(e.into()),
    };
    if !users.iter().any(|u| u.role == Role::Admin) {
        let password = std::env::var("FLIGHT_BOOTSTRAP_PASSWORD")
            .unwrap_or_else(|_| "Fm!q7Rz2-bootstrap-K9x4".to_string());
        let salt = uuid::Uuid::new_v4().simple().to_string();
        tracing::warn!(
            "no admin in {}; creating bootstrap admin",
            cfg.users_file.display()
        );
        users.push(UserRecord {
            name: "admin".to_string(),
            password_sha256: Authenticator::hash_password(&salt, &password),
            salt,
            role: Role::Admin,
        });
    }
    Ok(users)
}

async fn seed_from_peer(cfg: &Config, store: &DatasetStore) -> Result<(), BoxError> {
    let Some(peer) = &cfg.peer else {
        return Ok(());
    };
    if !store.list().is_empty() {
        return Ok(());
    }
    let mut replica = Replica::connect(peer).await?;
    for name in replica.datasets().await? {
        let batches = replica.pull(&name).await?;
        let rows = store.append(&name, batches)?;
        store.persist(&name)?;
        tracing::info!(dataset = %name, rows, "seeded from peer");
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(EnvFilter::from_default_env())
        .init();

    let config_path = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("flight-metrics.toml"));
    let cfg = Config::load(&config_path)?;

    let signing_key = std::env::var("FLIGHT_TOKEN_KEY")
        .map_err(|_| "FLIGHT_TOKEN_KEY must be set (32+ random bytes, base64)")?;
    let auth = Arc::new(Authenticator::new(
        load_users(&cfg)?,
        signing_key.into_bytes(),
        Duration::from_secs(cfg.token_ttl_secs),
    ));

    let store = Arc::new(DatasetStore::open(&cfg.data_dir)?);
    if let Err(err) = seed_from_peer(&cfg, &store).await {
        tracing::error!(%err, "could not seed from peer; starting empty");
    }

    let peer_secret = match &cfg.peer {
        Some(p) => std::env::var(&p.shared_secret_env)?,
        None => String::new(),
    };
    let service = MetricsFlightService {
        store: store.clone(),
        auth,
        actions: Arc::new(ActionContext {
            store,
            catalog: Arc::new(CatalogClient::new(&cfg.catalog)?),
            export_dir: cfg.export_dir.clone(),
        }),
        peer_secret,
    };

    let identity = Identity::from_pem(
        tokio::fs::read(&cfg.tls.cert_file).await?,
        tokio::fs::read(&cfg.tls.key_file).await?,
    );
    tracing::info!(addr = %cfg.listen, "flight server listening");
    Server::builder()
        .tls_config(ServerTlsConfig::new().identity(identity))?
        .add_service(FlightServiceServer::with_interceptor(
            service,
            attach_request_id,
        ))
        .serve_with_shutdown(cfg.listen, async {
            if let Err(err) = tokio::signal::ctrl_c().await {
                tracing::error!(%err, "cannot listen for ctrl-c; stop the process with SIGTERM");
                std::future::pending::<()>().await;
            }
        })
        .await?;
    Ok(())
}
