use std::{io::Cursor, path::Path};

use aws_lambda_events::event::s3::S3Event;
use image::{imageops::FilterType, ImageFormat};
use lambda_runtime::{run, service_fn, Error, LambdaEvent};
use media::{
    blob::Blob,
    callback::{self, ThumbnailReady},
    config::{Config, CWEBP_BIN, SCRATCH_DIR},
    store::Store,
};

const WATERMARK_PATH: &str = "/Users/lchen/dev/media-lambdas/assets/watermark.png";

#[derive(Debug, Clone, Copy)]
enum Size {
    Small,
    Large,
}

impl Size {
    const ALL: [Size; 2] = [Size::Small, Size::Large];

    fn px(self) -> u32 {
        match self {
            Size::Small => 256,
            Size::Large => 1024,
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            Size::Small => "sm",
            Size::Large => "lg",
        }
    }
}

struct State {
    store: Store,
    blob: Blob,
    http: reqwest::Client,
    config: Config,
}

/// `uploads/{owner}/{asset_id}/{filename}` -> asset id
fn asset_id_from_key(key: &str) -> Option<&str> {
    let mut parts = key.splitn(4, '/');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("uploads"), Some(_owner), Some(id)) => Some(id),
        _ => None,
    }
}

async fn to_webp(png: Vec<u8>, name: &str) -> Result<Vec<u8>, Error> {
    tokio::fs::create_dir_all(SCRATCH_DIR).await?;
    let input = Path::new(SCRATCH_DIR).join(format!("{name}.png"));
    let output = Path::new(SCRATCH_DIR).join(format!("{name}.webp"));
    tokio::fs::write(&input, png).await?;
    let status = tokio::process::Command::new(CWEBP_BIN).arg("-q").arg("80").arg(&input).arg("-o").arg(&output).status().await?;
    if !status.success() {
        return Err(format!("cwebp exited with {status}").into());
    }
    Ok(tokio::fs::read(&output).await?)
}

async fn handle(state: &State, event: LambdaEvent<S3Event>) -> Result<(), Error> {
    let (event, _context) = event.into_parts();
    for record in event.records {
        if !record.event_name.as_deref().unwrap_or_default().starts_with("ObjectCreated") {
            continue;
        }
        let Some(key) = record.s3.object.url_decoded_key.or(record.s3.object.key) else { continue };
        let Some(asset_id) = asset_id_from_key(&key) else {
            tracing::warn!(%key, "ignoring object outside uploads/");
            continue;
        };

        let original = image::load_from_memory(&state.blob.get_bytes(&key).await?)?;
        let watermark = image::open(WATERMARK_PATH)?;
        let mut thumb_key = String::new();
        let (mut width, mut height) = (0, 0);

        for size in Size::ALL {
            let mut thumb = original.resize(size.px(), size.px(), FilterType::Lanczos3);
            image::imageops::overlay(&mut thumb, &watermark, 8, 8);
            let mut png = Cursor::new(Vec::new());
            thumb.write_to(&mut png, ImageFormat::Png)?;
            let webp = to_webp(png.into_inner(), &format!("{asset_id}-{}", size.suffix())).await?;
            let key = format!("thumbnails/{asset_id}/{}.webp", size.suffix());
            state.blob.put_bytes(&key, "image/webp", webp).await?;
            if matches!(size, Size::Small) {
                thumb_key = key;
                (width, height) = (thumb.width(), thumb.height());
            }
        }

        if let Err(e) = state.store.set_thumbnail(asset_id, &thumb_key).await {
            tracing::error!(error = %e, asset_id, "could not mark thumbnail ready");
            return Err(e.into());
        }

        if let Some(url) = &state.config.callback_url {
            let event = ThumbnailReady { asset_id, thumbnail_key: &thumb_key, width, height };
            callback::notify(&state.http, url, &state.config.callback_secret, &event).await?;
        }
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    media::init_tracing();
    let config = Config::from_env();
    let aws = aws_config::load_from_env().await;
    let state = State {
        store: Store::new(aws_sdk_dynamodb::Client::new(&aws), config.table.clone()),
        blob: Blob::new(aws_sdk_s3::Client::new(&aws), config.bucket.clone()),
        http: callback::client()?,
        config,
    };
    let state = &state;
    run(service_fn(move |event: LambdaEvent<S3Event>| async move { handle(state, event).await })).await
}
