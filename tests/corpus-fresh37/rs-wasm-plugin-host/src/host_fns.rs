use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{anyhow, Result};
use wasmtime::{Caller, Linker, Memory, StoreLimits};
use wasmtime_wasi::preview1::WasiP1Ctx;

use crate::manifest::Manifest;
use crate::registry::{KvStore, SecretStore};

pub const ERR_DENIED: i32 = -1;
pub const ERR_NOT_FOUND: i32 = -2;
pub const ERR_UPSTREAM: i32 = -3;
pub const MAX_RESPONSE_BYTES: usize = 1024 * 1024;

pub struct HostState {
    pub wasi: WasiP1Ctx,
    pub manifest: Manifest,
    pub kv: Arc<KvStore>,
    pub secrets: Arc<dyn SecretStore>,
    pub http: reqwest::blocking::Client,
    pub limits: StoreLimits,
}

fn memory(caller: &mut Caller<'_, HostState>) -> Result<Memory> {
    caller
        .get_export("memory")
        .and_then(|export| export.into_memory())
        .ok_or_else(|| anyhow!("plugin does not export its memory"))
}

fn read_bytes(caller: &mut Caller<'_, HostState>, ptr: u32, len: u32) -> Result<Vec<u8>> {
    let memory = memory(caller)?;
    let mut buffer = vec![0u8; len as usize];
    memory.read(&*caller, ptr as usize, &mut buffer)?;
    Ok(buffer)
}

fn read_str(caller: &mut Caller<'_, HostState>, ptr: u32, len: u32) -> Result<String> {
    String::from_utf8(read_bytes(caller, ptr, len)?)
        .map_err(|_| anyhow!("guest string is not UTF-8"))
}

/// Copies `bytes` into the guest buffer. Returns the length written, or the
/// negated required size when the buffer is too small.
fn write_out(
    caller: &mut Caller<'_, HostState>,
    out_ptr: u32,
    out_cap: u32,
    bytes: &[u8],
) -> Result<i32> {
    if bytes.len() > out_cap as usize {
        return Ok(-(bytes.len() as i32));
    }
    let memory = memory(caller)?;
    memory.write(&mut *caller, out_ptr as usize, bytes)?;
    Ok(bytes.len() as i32)
}

pub fn register(linker: &mut Linker<HostState>) -> Result<()> {
    linker.func_wrap(
        "host",
        "clock_now_ms",
        |_caller: Caller<'_, HostState>| -> u64 {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_millis() as u64)
                .unwrap_or(0)
        },
    )?;

    linker.func_wrap(
        "host",
        "log",
        |mut caller: Caller<'_, HostState>, ptr: u32, len: u32| -> Result<()> {
            let message = read_str(&mut caller, ptr, len)?;
            tracing::info!(plugin = %caller.data().manifest.id, "{message}");
            Ok(())
        },
    )?;

    linker.func_wrap(
        "host",
        "http_get",
        |mut caller: Caller<'_, HostState>,
         url_ptr: u32,
         url_len: u32,
         out_ptr: u32,
         out_cap: u32|
         -> Result<i32> {
            let raw = read_str(&mut caller, url_ptr, url_len)?;
            let Ok(url) = url::Url::parse(&raw) else {
                return Ok(ERR_DENIED);
            };
            if url.scheme() != "https"
                || !caller
                    .data()
                    .manifest
                    .allows_host(url.host_str().unwrap_or_default())
            {
                tracing::warn!(plugin = %caller.data().manifest.id, %url, "http_get denied");
                return Ok(ERR_DENIED);
            }
            let response = match caller.data().http.get(url).send() {
                Ok(response) if response.status().is_success() => response,
                Ok(response) => {
                    tracing::info!(status = %response.status(), "plugin http_get upstream error");
                    return Ok(ERR_UPSTREAM);
                }
                Err(err) => {
                    tracing::info!(error = %err, "plugin http_get failed");
                    return Ok(ERR_UPSTREAM);
                }
            };
            let body = response.bytes()?;
            if body.len() > MAX_RESPONSE_BYTES {
                return Ok(ERR_UPSTREAM);
            }
            write_out(&mut caller, out_ptr, out_cap, &body)
        },
    )?;

    linker.func_wrap(
        "host",
        "kv_get",
        |mut caller: Caller<'_, HostState>,
         key_ptr: u32,
         key_len: u32,
         out_ptr: u32,
         out_cap: u32|
         -> Result<i32> {
            let key = read_str(&mut caller, key_ptr, key_len)?;
            let Some(kv) = caller.data().manifest.capabilities.kv.clone() else {
                return Ok(ERR_DENIED);
            };
            match caller.data().kv.get(&kv.namespace, &key) {
                Some(value) => write_out(&mut caller, out_ptr, out_cap, &value),
                None => Ok(ERR_NOT_FOUND),
            }
        },
    )?;

    linker.func_wrap(
        "host",
        "kv_set",
        |mut caller: Caller<'_, HostState>,
         key_ptr: u32,
         key_len: u32,
         val_ptr: u32,
         val_len: u32|
         -> Result<i32> {
            let key = read_str(&mut caller, key_ptr, key_len)?;
            let value = read_bytes(&mut caller, val_ptr, val_len)?;
            let Some(kv) = caller.data().manifest.capabilities.kv.clone() else {
                return Ok(ERR_DENIED);
            };
            caller.data().kv.set(&kv.namespace, &key, value);
            Ok(0)
        },
    )?;

    linker.func_wrap(
        "host",
        "kv_delete",
        |_caller: Caller<'_, HostState>, _key_ptr: u32, _key_len: u32| -> Result<i32> {
            unimplemented!("kv_delete host call")
        },
    )?;

    linker.func_wrap(
        "host",
        "secret_get",
        |mut caller: Caller<'_, HostState>, name_ptr: u32, name_len: u32, out_ptr: u32, out_cap: u32| -> Result<i32> {
            let name = read_str(&mut caller, name_ptr, name_len)?;
            if !caller.data().manifest.allows_secret(&name) {
                tracing::warn!(plugin = %caller.data().manifest.id, secret = %name, "secret denied");
                return Ok(ERR_DENIED);
            }
            match caller.data().secrets.get(&name) {
                Some(value) => write_out(&mut caller, out_ptr, out_cap, value.as_bytes()),
                None => Ok(ERR_NOT_FOUND),
            }
        },
    )?;

    Ok(())
}
