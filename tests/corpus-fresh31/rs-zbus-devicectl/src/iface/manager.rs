use std::sync::Arc;

use tracing::{error, info};
use zbus::{fdo, interface, message::Header, object_server::SignalContext, Connection};

use crate::auth::{caller_uid, Action, Authorizer};
use crate::store::{Device, Store};

pub struct DeviceManager {
    pub store: Arc<Store>,
    pub auth: Arc<Authorizer>,
    pub auto_update: bool,
}

#[interface(name = "org.example.DeviceCtl1")]
impl DeviceManager {
    /// Device ids and models. Read-only inventory, open to every local user
    /// (the same data is shown by the unprivileged `devicectl list` CLI).
    async fn list_devices(&self) -> fdo::Result<Vec<(String, String, bool)>> {
        Ok(self
            .store
            .list()?
            .into_iter()
            .map(|d| (d.id, d.model, d.powered))
            .collect())
    }

    async fn set_power(
        &self,
        #[zbus(header)] hdr: Header<'_>,
        #[zbus(connection)] conn: &Connection,
        #[zbus(signal_context)] ctxt: SignalContext<'_>,
        device: &str,
        on: bool,
    ) -> fdo::Result<()> {
        let uid = self.auth.check(&hdr, conn, Action::Power).await?;
        let mut dev = self.store.device(device)?;
        dev.powered = on;
        self.store.put_device(&dev)?;
        let _ = self
            .store
            .record_event(device, "power", uid, if on { "on" } else { "off" });
        Self::power_changed(&ctxt, device, on).await?;
        Ok(())
    }

    /// Pairs a device that is showing its one-time pairing token on its display.
    async fn pair_device(
        &self,
        #[zbus(header)] hdr: Header<'_>,
        #[zbus(connection)] conn: &Connection,
        device: &str,
        token: &str,
    ) -> fdo::Result<()> {
        let uid = self.auth.check(&hdr, conn, Action::Pair).await?;
        let mut dev = self.store.device(device)?;
        match dev.pairing_token.as_deref() {
            Some(expected) if expected == token => {
                dev.pairing_token = None;
                self.store.put_device(&dev)?;
                self.store.record_event(device, "paired", uid, "")?;
                info!(device, uid, "device paired");
                Ok(())
            }
            _ => Err(fdo::Error::AccessDenied(
                "pairing token does not match".into(),
            )),
        }
    }

    async fn factory_reset(
        &self,
        #[zbus(header)] hdr: Header<'_>,
        #[zbus(connection)] conn: &Connection,
        device: &str,
    ) -> fdo::Result<()> {
        let uid = caller_uid(&hdr, conn).await?;
        let dev = self.store.device(device)?;
        let reset = Device {
            firmware_version: dev.firmware_version.clone(),
            powered: false,
            pairing_token: None,
            ..dev
        };
        self.store.put_device(&reset)?;
        self.store
            .record_event(device, "factory_reset", uid, "")
            .map_err(|e| {
                error!(device, "could not record factory reset: {e}");
                fdo::Error::Failed("reset applied but not recorded".into())
            })?;
        Ok(())
    }

    #[zbus(property)]
    async fn device_count(&self) -> fdo::Result<u32> {
        Ok(self.store.list()?.len() as u32)
    }

    #[zbus(property)]
    async fn auto_update(&self) -> bool {
        self.auto_update
    }

    #[zbus(property)]
    async fn set_auto_update(&mut self, value: bool) {
        info!(value, "auto-update toggled");
        self.auto_update = value;
    }

    #[zbus(signal)]
    async fn power_changed(ctxt: &SignalContext<'_>, device: &str, on: bool) -> zbus::Result<()>;
}
