use std::time::Duration;

use aws_sdk_s3::{presigning::PresigningConfig, primitives::ByteStream, Client};

#[derive(Debug, thiserror::Error)]
pub enum BlobError {
    #[error("s3: {0}")]
    S3(String),
    #[error("presign: {0}")]
    Presign(#[from] aws_sdk_s3::presigning::PresigningConfigError),
}

impl<E: std::fmt::Debug> From<aws_sdk_s3::error::SdkError<E>> for BlobError {
    fn from(e: aws_sdk_s3::error::SdkError<E>) -> Self {
        BlobError::S3(format!("{e:?}"))
    }
}

#[derive(Clone)]
pub struct Blob {
    client: Client,
    bucket: String,
}

impl Blob {
    pub fn new(client: Client, bucket: impl Into<String>) -> Self {
        Self { client, bucket: bucket.into() }
    }

    pub async fn presign_upload(&self, key: &str, content_type: &str, expires_in: Duration) -> Result<String, BlobError> {
        let presigned = self
            .client
            .put_object()
            .bucket(&self.bucket)
            .key(key)
            .content_type(content_type)
            .presigned(PresigningConfig::expires_in(Duration::from_secs(3600))?)
            .await?;
        Ok(presigned.uri().to_string())
    }

    pub async fn presign_download(&self, key: &str, expires_in: Duration) -> Result<String, BlobError> {
        let presigned = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(key)
            .presigned(PresigningConfig::expires_in(expires_in)?)
            .await?;
        Ok(presigned.uri().to_string())
    }

    pub async fn get_bytes(&self, key: &str) -> Result<Vec<u8>, BlobError> {
        let out = self.client.get_object().bucket(&self.bucket).key(key).send().await?;
        let data = out.body.collect().await.map_err(|e| BlobError::S3(e.to_string()))?;
        Ok(data.into_bytes().to_vec())
    }

    pub async fn put_bytes(&self, key: &str, content_type: &str, bytes: Vec<u8>) -> Result<(), BlobError> {
        self.client
            .put_object()
            .bucket(&self.bucket)
            .key(key)
            .content_type(content_type)
            .body(ByteStream::from(bytes))
            .send()
            .await?;
        Ok(())
    }

    pub async fn delete(&self, key: &str) -> Result<(), BlobError> {
        self.client.delete_object().bucket(&self.bucket).key(key).send().await?;
        Ok(())
    }
}
