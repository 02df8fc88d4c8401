use twilight_model::id::{marker::UserMarker, Id};
use twilight_util::builder::embed::{EmbedBuilder, EmbedFieldBuilder};

use crate::{db::Action, Ctx};

fn colour(action: Action) -> u32 {
    match action {
        Action::Warn => 0xF1C40F,
        Action::Timeout => 0xE67E22,
        Action::Ban => 0xC0392B,
        Action::Unban => 0x27AE60,
        Action::Purge => 0x7F8C8D,
    }
}

pub async fn post(
    ctx: &Ctx,
    case_id: i64,
    action: Action,
    target: Id<UserMarker>,
    moderator: Id<UserMarker>,
    reason: &str,
) {
    let embed = EmbedBuilder::new()
        .title(format!("Case #{case_id} · {}", action.as_str()))
        .color(colour(action))
        .field(EmbedFieldBuilder::new("Member", format!("<@{target}>")).inline())
        .field(EmbedFieldBuilder::new("Moderator", format!("<@{moderator}>")).inline())
        .field(EmbedFieldBuilder::new("Reason", reason))
        .build();

    ctx.http
        .create_message(ctx.config.modlog_channel)
        .embeds(&[embed])
        .await
        .ok();
}
