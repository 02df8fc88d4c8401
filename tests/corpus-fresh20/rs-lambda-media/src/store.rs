use std::collections::HashMap;

use aws_sdk_dynamodb::{types::AttributeValue, Client};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Asset {
    pub id: String,
    pub owner_id: String,
    pub key: String,
    pub content_type: String,
    pub size_bytes: u64,
    pub status: String,
    #[serde(skip)]
    pub share_token: Option<String>,
    pub thumbnail_key: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("dynamodb: {0}")]
    Dynamo(String),
    #[error("malformed item: missing {0}")]
    Malformed(&'static str),
}

impl<E: std::fmt::Debug> From<aws_sdk_dynamodb::error::SdkError<E>> for StoreError {
    fn from(e: aws_sdk_dynamodb::error::SdkError<E>) -> Self {
        StoreError::Dynamo(format!("{e:?}"))
    }
}

fn s(item: &HashMap<String, AttributeValue>, k: &'static str) -> Result<String, StoreError> {
    item.get(k).and_then(|v| v.as_s().ok()).cloned().ok_or(StoreError::Malformed(k))
}

fn from_item(item: &HashMap<String, AttributeValue>) -> Result<Asset, StoreError> {
    Ok(Asset {
        id: s(item, "id")?,
        owner_id: s(item, "owner_id")?,
        key: s(item, "s3_key")?,
        content_type: s(item, "content_type")?,
        size_bytes: item.get("size_bytes").and_then(|v| v.as_n().ok()).and_then(|n| n.parse().ok()).unwrap_or(0),
        status: s(item, "status")?,
        share_token: s(item, "share_token").ok(),
        thumbnail_key: s(item, "thumbnail_key").ok(),
    })
}

#[derive(Clone)]
pub struct Store {
    client: Client,
    table: String,
}

impl Store {
    pub fn new(client: Client, table: impl Into<String>) -> Self {
        Self { client, table: table.into() }
    }

    pub async fn get(&self, id: &str) -> Result<Option<Asset>, StoreError> {
        let out = self
            .client
            .get_item()
            .table_name(&self.table)
            .key("id", AttributeValue::S(id.to_string()))
            .send()
            .await?;
        out.item.as_ref().map(from_item).transpose()
    }

    pub async fn list_for_owner(&self, owner: &str, limit: i32) -> Result<Vec<Asset>, StoreError> {
        let out = self
            .client
            .query()
            .table_name(&self.table)
            .index_name("owner_id-index")
            .key_condition_expression("owner_id = :o")
            .expression_attribute_values(":o", AttributeValue::S(owner.to_string()))
            .limit(limit)
            .send()
            .await?;
        out.items().iter().map(from_item).collect()
    }

    pub async fn put(&self, asset: &Asset) -> Result<(), StoreError> {
        let mut req = self
            .client
            .put_item()
            .table_name(&self.table)
            .item("id", AttributeValue::S(asset.id.clone()))
            .item("owner_id", AttributeValue::S(asset.owner_id.clone()))
            .item("s3_key", AttributeValue::S(asset.key.clone()))
            .item("content_type", AttributeValue::S(asset.content_type.clone()))
            .item("size_bytes", AttributeValue::N(asset.size_bytes.to_string()))
            .item("status", AttributeValue::S(asset.status.clone()));
        if let Some(token) = &asset.share_token {
            req = req.item("share_token", AttributeValue::S(token.clone()));
        }
        req.send().await?;
        Ok(())
    }

    pub async fn find_by_share_token(&self, token: &str) -> Result<Option<Asset>, StoreError> {
        let out = self
            .client
            .query()
            .table_name(&self.table)
            .index_name("share_token-index")
            .key_condition_expression("share_token = :t")
            .expression_attribute_values(":t", AttributeValue::S(token.to_string()))
            .limit(1)
            .send()
            .await?;
        out.items().first().map(from_item).transpose()
    }

    pub async fn set_thumbnail(&self, id: &str, thumbnail_key: &str) -> Result<(), StoreError> {
        self.client
            .update_item()
            .table_name(&self.table)
            .key("id", AttributeValue::S(id.to_string()))
            .update_expression("SET thumbnail_key = :k, #s = :ready")
            .expression_attribute_names("#s", "status")
            .expression_attribute_values(":k", AttributeValue::S(thumbnail_key.to_string()))
            .expression_attribute_values(":ready", AttributeValue::S("ready".into()))
            .send()
            .await?;
        Ok(())
    }

    /// Storage usage per owner; read by the monthly invoicing job.
    pub async fn add_usage(&self, owner: &str, bytes: i64) -> Result<(), StoreError> {
        self.client
            .update_item()
            .table_name(&self.table)
            .key("id", AttributeValue::S(format!("usage#{owner}")))
            .update_expression("ADD bytes_stored :b")
            .expression_attribute_values(":b", AttributeValue::N(bytes.to_string()))
            .send()
            .await?;
        Ok(())
    }

    pub async fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.client
            .delete_item()
            .table_name(&self.table)
            .key("id", AttributeValue::S(id.to_string()))
            .send()
            .await?;
        Ok(())
    }
}
