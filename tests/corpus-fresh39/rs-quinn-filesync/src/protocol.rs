//! Frame codec: every frame is `u32 length (BE) | u8 tag | payload`.

use bytes::{Buf, BufMut, Bytes, BytesMut};
use thiserror::Error;

pub const MAX_FRAME: usize = 80 * 1024 * 1024;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum CodecError {
    #[error("frame truncated")]
    Truncated,
    #[error("frame of {0} bytes exceeds the limit")]
    TooLarge(usize),
    #[error("unknown command tag {0:#04x}")]
    UnknownCommand(u8),
    #[error("invalid utf-8 in string field")]
    BadString,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    Ping,
    Auth {
        token: String,
    },
    Put {
        path: String,
        overwrite: bool,
        data: Bytes,
    },
    Get {
        path: String,
    },
    Delete {
        path: String,
    },
    List {
        prefix: String,
        since: u64,
    },
    GetShared {
        path: String,
        expires: u64,
        sig: String,
    },
    Resume {
        path: String,
        offset: u64,
    },
    Stats,
    RevokeToken {
        name: String,
    },
    Purge {
        prefix: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    pub size: u64,
    pub modified: u64,
    pub deleted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    Ok,
    Pong,
    Data(Bytes),
    Entries(Vec<Entry>),
    Stats {
        objects: u64,
        bytes: u64,
        sessions: u64,
    },
    Error {
        code: u16,
        message: String,
    },
}

impl Response {
    pub fn error(code: u16, message: impl Into<String>) -> Self {
        Response::Error {
            code,
            message: message.into(),
        }
    }
}

fn put_str(buf: &mut BytesMut, s: &str) {
    buf.put_u16(s.len() as u16);
    buf.put_slice(s.as_bytes());
}

fn get_str(buf: &mut Bytes) -> Result<String, CodecError> {
    if buf.remaining() < 2 {
        return Err(CodecError::Truncated);
    }
    let len = buf.get_u16() as usize;
    if buf.remaining() < len {
        return Err(CodecError::Truncated);
    }
    String::from_utf8(buf.split_to(len).to_vec()).map_err(|_| CodecError::BadString)
}

fn get_u64(buf: &mut Bytes) -> Result<u64, CodecError> {
    if buf.remaining() < 8 {
        return Err(CodecError::Truncated);
    }
    Ok(buf.get_u64())
}

fn get_blob(buf: &mut Bytes) -> Result<Bytes, CodecError> {
    if buf.remaining() < 4 {
        return Err(CodecError::Truncated);
    }
    let len = buf.get_u32() as usize;
    if buf.remaining() < len {
        return Err(CodecError::Truncated);
    }
    Ok(buf.split_to(len))
}

fn frame(tag: u8, body: BytesMut) -> Bytes {
    let mut out = BytesMut::with_capacity(5 + body.len());
    out.put_u32(body.len() as u32 + 1);
    out.put_u8(tag);
    out.extend_from_slice(&body);
    out.freeze()
}

impl Request {
    pub fn encode(&self) -> Bytes {
        let mut b = BytesMut::new();
        let tag = match self {
            Request::Ping => 0x01,
            Request::Auth { token } => {
                put_str(&mut b, token);
                0x02
            }
            Request::Put {
                path,
                overwrite,
                data,
            } => {
                put_str(&mut b, path);
                b.put_u8(*overwrite as u8);
                b.put_u32(data.len() as u32);
                b.put_slice(data);
                0x10
            }
            Request::Get { path } => {
                put_str(&mut b, path);
                0x11
            }
            Request::Delete { path } => {
                put_str(&mut b, path);
                0x12
            }
            Request::List { prefix, since } => {
                put_str(&mut b, prefix);
                b.put_u64(*since);
                0x13
            }
            Request::GetShared { path, expires, sig } => {
                put_str(&mut b, path);
                b.put_u64(*expires);
                put_str(&mut b, sig);
                0x14
            }
            Request::Resume { path, offset } => {
                put_str(&mut b, path);
                b.put_u64(*offset);
                0x15
            }
            Request::Stats => 0x20,
            Request::RevokeToken { name } => {
                put_str(&mut b, name);
                0x21
            }
            Request::Purge { prefix } => {
                put_str(&mut b, prefix);
                0x22
            }
        };
        frame(tag, b)
    }

    /// Decodes the body of one frame (tag and payload, without the length prefix).
    pub fn decode(mut body: Bytes) -> Result<Self, CodecError> {
        if body.len() > MAX_FRAME {
            return Err(CodecError::TooLarge(body.len()));
        }
        if body.is_empty() {
            return Err(CodecError::Truncated);
        }
        let tag = body.get_u8();
        let b = &mut body;
        Ok(match tag {
            0x01 => Request::Ping,
            0x02 => Request::Auth { token: get_str(b)? },
            0x10 => {
                let path = get_str(b)?;
                if b.remaining() < 1 {
                    return Err(CodecError::Truncated);
                }
                let overwrite = b.get_u8() != 0;
                Request::Put {
                    path,
                    overwrite,
                    data: get_blob(b)?,
                }
            }
            0x11 => Request::Get { path: get_str(b)? },
            0x12 => Request::Delete { path: get_str(b)? },
            0x13 => Request::List {
                prefix: get_str(b)?,
                since: get_u64(b)?,
            },
            0x14 => Request::GetShared {
                path: get_str(b)?,
                expires: get_u64(b)?,
                sig: get_str(b)?,
            },
            0x15 => Request::Resume {
                path: get_str(b)?,
                offset: get_u64(b)?,
            },
            0x20 => Request::Stats,
            0x21 => Request::RevokeToken { name: get_str(b)? },
            0x22 => Request::Purge {
                prefix: get_str(b)?,
            },
            other => return Err(CodecError::UnknownCommand(other)),
        })
    }
}

impl Response {
    pub fn encode(&self) -> Bytes {
        let mut b = BytesMut::new();
        let tag = match self {
            Response::Ok => 0x80,
            Response::Pong => 0x81,
            Response::Data(data) => {
                b.put_u32(data.len() as u32);
                b.put_slice(data);
                0x82
            }
            Response::Entries(entries) => {
                b.put_u32(entries.len() as u32);
                for e in entries {
                    put_str(&mut b, &e.path);
                    b.put_u64(e.size);
                    b.put_u64(e.modified);
                    b.put_u8(e.deleted as u8);
                }
                0x83
            }
            Response::Stats {
                objects,
                bytes,
                sessions,
            } => {
                b.put_u64(*objects);
                b.put_u64(*bytes);
                b.put_u64(*sessions);
                0x84
            }
            Response::Error { code, message } => {
                b.put_u16(*code);
                put_str(&mut b, message);
                0xff
            }
        };
        frame(tag, b)
    }

    pub fn decode(mut body: Bytes) -> Result<Self, CodecError> {
        if body.is_empty() {
            return Err(CodecError::Truncated);
        }
        let tag = body.get_u8();
        let b = &mut body;
        Ok(match tag {
            0x80 => Response::Ok,
            0x81 => Response::Pong,
            0x82 => Response::Data(get_blob(b)?),
            0x83 => {
                if b.remaining() < 4 {
                    return Err(CodecError::Truncated);
                }
                let n = b.get_u32() as usize;
                let mut entries = Vec::with_capacity(n.min(4096));
                for _ in 0..n {
                    let path = get_str(b)?;
                    let size = get_u64(b)?;
                    let modified = get_u64(b)?;
                    if b.remaining() < 1 {
                        return Err(CodecError::Truncated);
                    }
                    entries.push(Entry {
                        path,
                        size,
                        modified,
                        deleted: b.get_u8() != 0,
                    });
                }
                Response::Entries(entries)
            }
            0x84 => Response::Stats {
                objects: get_u64(b)?,
                bytes: get_u64(b)?,
                sessions: get_u64(b)?,
            },
            0xff => {
                if b.remaining() < 2 {
                    return Err(CodecError::Truncated);
                }
                let code = b.get_u16();
                Response::Error {
                    code,
                    message: get_str(b)?,
                }
            }
            other => return Err(CodecError::UnknownCommand(other)),
        })
    }
}

/// Splits a complete frame into its body, checking the length prefix.
pub fn split_frame(mut raw: Bytes) -> Result<Bytes, CodecError> {
    if raw.len() < 4 {
        return Err(CodecError::Truncated);
    }
    let len = raw.get_u32() as usize;
    if len > MAX_FRAME {
        return Err(CodecError::TooLarge(len));
    }
    if raw.len() < len {
        return Err(CodecError::Truncated);
    }
    Ok(raw.split_to(len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(req: Request) -> Request {
        Request::decode(split_frame(req.encode()).unwrap()).unwrap()
    }

    #[test]
    fn put_roundtrip_keeps_flags_and_data() {
        let req = Request::Put {
            path: "anna/notes.md".into(),
            overwrite: true,
            data: Bytes::from_static(b"# hello"),
        };
        assert_eq!(roundtrip(req.clone()), req);
    }

    #[test]
    fn decode_list_roundtrip() {
        let req = Request::List {
            prefix: "anna/".into(),
            since: 1_718_000_000,
        };
        let body = split_frame(req.encode()).unwrap();
        let _ = Request::decode(body);
    }

    #[test]
    fn unknown_tags_are_rejected() {
        let body = Bytes::from_static(&[0x7e, 0, 0]);
        assert_eq!(Request::decode(body), Err(CodecError::UnknownCommand(0x7e)));
    }

    #[test]
    fn truncated_strings_are_rejected() {
        let mut raw = BytesMut::new();
        raw.put_u8(0x11);
        raw.put_u16(40);
        raw.put_slice(b"short");
        let err = Request::decode(raw.freeze()).unwrap_err();
        assert!(matches!(err, CodecError::Truncated));
    }

    #[test]
    fn entries_roundtrip() {
        let resp = Response::Entries(vec![Entry {
            path: "a/b".into(),
            size: 3,
            modified: 9,
            deleted: true,
        }]);
        let back = Response::decode(split_frame(resp.encode()).unwrap()).unwrap();
        assert_eq!(back, resp);
    }
}
