//! Runs the interfaces on a private session bus (CI starts one with dbus-run-session).

use std::sync::Arc;

use devicectl::auth::Authorizer;
use devicectl::iface::manager::DeviceManager;
use devicectl::iface::schedule::ScheduleService;
use devicectl::iface::{MANAGER_PATH, SCHEDULE_PATH};
use devicectl::store::{Device, Store};
use zbus::{connection, proxy, Connection};

#[proxy(
    interface = "org.example.DeviceCtl1",
    default_service = "org.example.DeviceCtlTest",
    default_path = "/org/example/DeviceCtl"
)]
trait Manager {
    fn list_devices(&self) -> zbus::Result<Vec<(String, String, bool)>>;
    fn set_power(&self, device: &str, on: bool) -> zbus::Result<()>;
    fn pair_device(&self, device: &str, token: &str) -> zbus::Result<()>;
    #[zbus(property)]
    fn device_count(&self) -> zbus::Result<u32>;
}

#[proxy(
    interface = "org.example.DeviceCtl1.Schedule",
    default_service = "org.example.DeviceCtlTest",
    default_path = "/org/example/DeviceCtl/Schedule"
)]
trait Schedule {
    fn set_schedule(&self, device: &str, cron: &str, timezone: &str) -> zbus::Result<()>;
    fn get_schedule(&self, device: &str) -> zbus::Result<String>;
}

async fn start(admin_uids: Vec<u32>) -> (Connection, Connection, Arc<Store>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open(&dir.path().join("db")).unwrap());
    store
        .put_device(&Device {
            id: "pump-1".into(),
            model: "PX-200".into(),
            firmware_version: "1.4.0".into(),
            powered: false,
            pairing_token: Some("483920".into()),
        })
        .unwrap();
    let auth = Arc::new(Authorizer::admins_only(admin_uids));
    let service = connection::Builder::session()
        .unwrap()
        .name("org.example.DeviceCtlTest")
        .unwrap()
        .serve_at(
            MANAGER_PATH,
            DeviceManager {
                store: store.clone(),
                auth: auth.clone(),
                auto_update: false,
            },
        )
        .unwrap()
        .serve_at(
            SCHEDULE_PATH,
            ScheduleService {
                store: store.clone(),
                auth,
            },
        )
        .unwrap()
        .build()
        .await
        .unwrap();
    let client = Connection::session().await.unwrap();
    (service, client, store, dir)
}

fn current_uid() -> u32 {
    std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m))
        .unwrap()
}

#[tokio::test]
async fn lists_devices_without_privileges() {
    let (_svc, client, _store, _dir) = start(vec![]).await;
    let proxy = ManagerProxy::new(&client).await.unwrap();
    let devices = proxy.list_devices().await.unwrap();
    assert_eq!(
        devices,
        vec![("pump-1".to_string(), "PX-200".to_string(), false)]
    );
    assert_eq!(proxy.device_count().await.unwrap(), 1);
}

#[tokio::test]
async fn set_power_is_denied_for_non_admins() {
    let (_svc, client, store, _dir) = start(vec![]).await;
    let proxy = ManagerProxy::new(&client).await.unwrap();
    let err = proxy.set_power("pump-1", true).await.unwrap_err();
    assert!(err.to_string().contains("AccessDenied"), "{err}");
    assert!(!store.device("pump-1").unwrap().powered);
}

#[tokio::test]
async fn admin_can_power_on() {
    let (_svc, client, store, _dir) = start(vec![current_uid()]).await;
    ManagerProxy::new(&client)
        .await
        .unwrap()
        .set_power("pump-1", true)
        .await
        .unwrap();
    assert!(store.device("pump-1").unwrap().powered);
}

#[tokio::test]
async fn schedule_roundtrip() {
    let (_svc, client, _store, _dir) = start(vec![current_uid()]).await;
    let proxy = ScheduleProxy::new(&client).await.unwrap();
    proxy
        .set_schedule("pump-1", "0 7 * * 1-5", "Europe/Berlin")
        .await
        .unwrap();
    assert_eq!(proxy.get_schedule("pump-1").await.unwrap(), "0 7 * * 1-5");
}

#[tokio::test]
#[should_panic(expected = "pairing token does not match")]
async fn wrong_pairing_token_is_rejected() {
    let (_svc, client, _store, _dir) = start(vec![current_uid()]).await;
    ManagerProxy::new(&client)
        .await
        .unwrap()
        .pair_device("pump-1", "000000")
        .await
        .unwrap();
}
