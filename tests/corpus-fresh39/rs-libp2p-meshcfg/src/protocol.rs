use serde::{Deserialize, Serialize};

pub const RPC_PROTOCOL: &str = "/meshcfg/rpc/1";
pub const UPDATES_TOPIC: &str = "meshcfg/updates/1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub key: String,
    pub version: u64,
    pub value: Vec<u8>,
    pub author: String,
    pub updated_at: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    Ping,
    GetRecord {
        key: String,
        version: Option<u64>,
    },
    ListKeys {
        prefix: String,
    },
    PutRecord {
        key: String,
        value: Vec<u8>,
        expected_version: u64,
    },
    DeleteRecord {
        key: String,
    },
    SetQuota {
        peer: String,
        bytes: u64,
    },
    Snapshot {
        since: u64,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Response {
    Pong,
    Record(Record),
    Keys(Vec<String>),
    Stored { version: u64 },
    Deleted,
    Ok,
    NotFound,
    Conflict { current: u64 },
    Denied { reason: String },
    Error { code: u16, message: String },
}

/// Announced on the updates topic after every accepted change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Announcement {
    pub key: String,
    pub version: u64,
    pub deleted: bool,
}
