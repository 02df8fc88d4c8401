use std::sync::Arc;

use tracing::info;
use zbus::{fdo, interface, message::Header, object_server::SignalContext, Connection};

use crate::auth::{Action, Authorizer};
use crate::firmware::FirmwareClient;
use crate::store::Store;

pub struct FirmwareService {
    pub store: Arc<Store>,
    pub auth: Arc<Authorizer>,
    pub client: Arc<FirmwareClient>,
}

#[interface(name = "org.example.DeviceCtl1.Firmware")]
impl FirmwareService {
    /// Returns (device, installed, available) for devices with a newer image.
    async fn check_updates(&self) -> fdo::Result<Vec<(String, String, String)>> {
        let mut out = Vec::new();
        for dev in self.store.list()? {
            let latest = self.client.latest(&dev.model).await?;
            if latest.version != dev.firmware_version {
                out.push((dev.id, dev.firmware_version, latest.version));
            }
        }
        Ok(out)
    }

    async fn flash(
        &self,
        #[zbus(header)] hdr: Header<'_>,
        #[zbus(connection)] conn: &Connection,
        #[zbus(signal_context)] ctxt: SignalContext<'_>,
        device: &str,
        image_version: &str,
    ) -> fdo::Result<String> {
        let uid = self.auth.check(&hdr, conn, Action::Flash).await?;
        let mut dev = self.store.device(device)?;
        let manifest = self.client.latest(&dev.model).await?;
        let image = self.client.download(&manifest).await?;
        Self::flash_progress(&ctxt, device, 50).await?;
        info!(device, image = %image.display(), "flashing");
        dev.firmware_version = manifest.version.clone();
        self.store.put_device(&dev)?;
        self.store
            .record_event(device, "flash", uid, &manifest.version)?;
        Self::flash_progress(&ctxt, device, 100).await?;
        Ok(manifest.version)
    }

    async fn export_logs(
        &self,
        #[zbus(header)] hdr: Header<'_>,
        #[zbus(connection)] conn: &Connection,
        device: &str,
    ) -> fdo::Result<String> {
        self.auth.check(&hdr, conn, Action::Flash).await?;
        self.store.device(device)?;
        todo!()
    }

    #[zbus(signal)]
    async fn flash_progress(
        ctxt: &SignalContext<'_>,
        device: &str,
        percent: u8,
    ) -> zbus::Result<()>;
}
