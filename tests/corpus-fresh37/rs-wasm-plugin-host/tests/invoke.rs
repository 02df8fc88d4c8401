use std::sync::Arc;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use ed25519_dalek::{Signer, SigningKey};
use sha2::{Digest, Sha256};

use wasm_plugin_host::config::LimitsConfig;
use wasm_plugin_host::registry::{KvStore, Registry, SecretStore};
use wasm_plugin_host::runtime::Runtime;
use wasm_plugin_host::signing::{signed_digest, Package, TrustStore};

struct FixedSecrets;

impl SecretStore for FixedSecrets {
    fn get(&self, name: &str) -> Option<String> {
        (name == "GREETING").then(|| "hello".to_string())
    }
}

const ECHO_WAT: &str = r#"
(module
  (memory (export "memory") 1)
  (global $next (mut i32) (i32.const 1024))
  (func (export "alloc") (param $len i32) (result i32)
    (local $ptr i32)
    (local.set $ptr (global.get $next))
    (global.set $next (i32.add (global.get $next) (local.get $len)))
    (local.get $ptr))
  (func (export "handle") (param $ptr i32) (param $len i32) (result i64)
    (i64.or
      (i64.shl (i64.extend_i32_u (local.get $ptr)) (i64.const 32))
      (i64.extend_i32_u (local.get $len)))))
"#;

const SPIN_WAT: &str = r#"
(module
  (memory (export "memory") 1)
  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "handle") (param i32 i32) (result i64)
    (loop $forever (br $forever))
    (i64.const 0)))
"#;

fn install(dir: &std::path::Path, wat_src: &str, fuel: u64) -> (Registry, String) {
    let module = wat::parse_str(wat_src).unwrap();
    let manifest = format!(
        "id = \"test-plugin\"\nversion = \"1.0.0\"\napi_version = 2\nmodule_sha256 = \"{}\"\n\n[limits]\nfuel = {fuel}\n",
        hex::encode(Sha256::digest(&module))
    );
    let key = SigningKey::from_bytes(&[42u8; 32]);
    let package = Package {
        signature: B64.encode(
            key.sign(&signed_digest(manifest.as_bytes(), &module))
                .to_bytes(),
        ),
        manifest,
        module: B64.encode(&module),
    };
    let trust = TrustStore::from_hex(&[hex::encode(key.verifying_key().to_bytes())]).unwrap();
    let registry = Registry::open(dir).unwrap();
    registry.install(trust.verify(&package).unwrap()).unwrap();
    registry.set_enabled("test-plugin", true).unwrap();
    (registry, "test-plugin".to_string())
}

fn runtime() -> Runtime {
    Runtime::new(
        LimitsConfig::default(),
        Arc::new(KvStore::default()),
        Arc::new(FixedSecrets),
    )
    .unwrap()
}

#[test]
fn echo_plugin_round_trips_input() {
    let dir = tempfile::tempdir().unwrap();
    let (registry, id) = install(dir.path(), ECHO_WAT, 1_000_000);
    let record = registry.get(&id).unwrap();

    let output = runtime()
        .invoke(
            &record,
            &registry.module_path(&id, "1.0.0"),
            &registry.data_dir(&id),
            b"ping",
        )
        .unwrap();

    assert_eq!(output, b"ping");
}

#[test]
fn runaway_plugin_is_stopped_by_fuel() {
    let dir = tempfile::tempdir().unwrap();
    let (registry, id) = install(dir.path(), SPIN_WAT, 10_000);
    let record = registry.get(&id).unwrap();

    let err = runtime()
        .invoke(
            &record,
            &registry.module_path(&id, "1.0.0"),
            &registry.data_dir(&id),
            b"",
        )
        .unwrap_err();

    assert!(
        format!("{err:?}").contains("fuel"),
        "unexpected error: {err:?}"
    );
}

#[test]
#[should_panic(expected = "is disabled")]
fn disabled_plugins_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (registry, id) = install(dir.path(), ECHO_WAT, 1_000_000);
    let record = registry.set_enabled(&id, false).unwrap();
    runtime()
        .invoke(
            &record,
            &registry.module_path(&id, "1.0.0"),
            &registry.data_dir(&id),
            b"",
        )
        .unwrap();
}
