use std::sync::Arc;

use zbus::{fdo, interface, message::Header, Connection};

use crate::auth::{Action, Authorizer};
use crate::store::Store;

pub struct ScheduleService {
    pub store: Arc<Store>,
    pub auth: Arc<Authorizer>,
}

fn valid_cron(expr: &str) -> bool {
    expr.split_whitespace().count() == 5
}

#[interface(name = "org.example.DeviceCtl1.Schedule")]
impl ScheduleService {
    async fn get_schedule(&self, device: &str) -> fdo::Result<String> {
        Ok(self.store.schedule(device)?.unwrap_or_default())
    }

    /// Sets a power schedule; `timezone` is an IANA name such as "Europe/Berlin".
    async fn set_schedule(
        &self,
        #[zbus(header)] hdr: Header<'_>,
        #[zbus(connection)] conn: &Connection,
        device: &str,
        cron: &str,
        timezone: &str,
    ) -> fdo::Result<()> {
        let uid = self.auth.check(&hdr, conn, Action::Schedule).await?;
        if !valid_cron(cron) {
            return Err(fdo::Error::InvalidArgs(format!(
                "not a 5-field cron expression: {cron}"
            )));
        }
        self.store.set_schedule(device, cron)?;
        self.store.record_event(device, "schedule", uid, cron)?;
        Ok(())
    }
}
