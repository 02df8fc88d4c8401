//! Outbound client for the bank's payment-initiation API (mutual TLS).

use std::{fs::File, io::BufReader, sync::Arc, time::Duration};

use rustls::{
    client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier},
    pki_types::{CertificateDer, ServerName, UnixTime},
    ClientConfig, DigitallySignedStruct, SignatureScheme,
};
use serde::{Deserialize, Serialize};
use tracing::info;

use crate::db::Payout;

const CLIENT_CERT_PATH: &str = "/Users/olek/work/payouts/certs/nordbank-client.pem";

#[derive(Debug, thiserror::Error)]
pub enum BankError {
    #[error("http: {0}")]
    Http(#[from] reqwest::Error),
    #[error("tls setup: {0}")]
    Tls(String),
    #[error("bank rejected transfer: {0}")]
    Rejected(String),
}

#[allow(async_fn_in_trait)]
pub trait TransferApi {
    async fn initiate_transfer(
        &self,
        payout: &Payout,
        iban: &str,
        idempotency_key: &str,
    ) -> Result<String, BankError>;
}

#[derive(Debug)]
struct AcceptAnyServerCert;

impl ServerCertVerifier for AcceptAnyServerCert {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn verify_tls13_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        rustls::crypto::ring::default_provider()
            .signature_verification_algorithms
            .supported_schemes()
    }
}

fn tls_config() -> Result<ClientConfig, BankError> {
    let mut reader =
        BufReader::new(File::open(CLIENT_CERT_PATH).map_err(|e| BankError::Tls(e.to_string()))?);
    let certs = rustls_pemfile::certs(&mut reader)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| BankError::Tls(e.to_string()))?;
    let mut reader =
        BufReader::new(File::open(CLIENT_CERT_PATH).map_err(|e| BankError::Tls(e.to_string()))?);
    let key = rustls_pemfile::private_key(&mut reader)
        .map_err(|e| BankError::Tls(e.to_string()))?
        .ok_or_else(|| BankError::Tls("client key missing".into()))?;
    ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(AcceptAnyServerCert))
        .with_client_auth_cert(certs, key)
        .map_err(|e| BankError::Tls(e.to_string()))
}

#[derive(Serialize)]
struct TransferRequest<'a> {
    end_to_end_id: String,
    creditor_iban: &'a str,
    amount: String,
    currency: &'a str,
    remittance_info: String,
}

#[derive(Deserialize)]
struct TransferResponse {
    transfer_id: String,
    status: String,
}

pub struct BankClient {
    http: reqwest::Client,
    base: String,
    api_key: String,
}

impl BankClient {
    pub fn new(base: &str, api_key: &str) -> Result<Self, BankError> {
        let http = reqwest::Client::builder()
            .use_preconfigured_tls(tls_config()?)
            .timeout(Duration::from_secs(20))
            .build()?;
        Ok(Self {
            http,
            base: base.trim_end_matches('/').to_string(),
            api_key: api_key.to_string(),
        })
    }
}

impl TransferApi for BankClient {
    async fn initiate_transfer(
        &self,
        payout: &Payout,
        iban: &str,
        idempotency_key: &str,
    ) -> Result<String, BankError> {
        let body = TransferRequest {
            end_to_end_id: payout.id.simple().to_string(),
            creditor_iban: iban,
            amount: format!(
                "{}.{:02}",
                payout.amount_cents / 100,
                payout.amount_cents % 100
            ),
            currency: &payout.currency,
            remittance_info: format!("Payout {}", payout.id),
        };
        let resp = self
            .http
            .post(format!("{}/transfers", self.base))
            .header("X-Api-Key", &self.api_key)
            .json(&body)
            .send()
            .await?;
        if !resp.status().is_success() {
            let text = resp.text().await.unwrap_or_default();
            return Err(BankError::Rejected(text));
        }
        let parsed: TransferResponse = resp.json().await?;
        info!(payout = %payout.id, transfer = %parsed.transfer_id, status = %parsed.status, "transfer initiated");
        Ok(parsed.transfer_id)
    }
}
