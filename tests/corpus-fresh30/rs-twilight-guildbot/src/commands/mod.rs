pub mod purge;
pub mod timeout;
pub mod verify;
pub mod warn;

use twilight_model::{
    application::{
        command::{Command, CommandType},
        interaction::{
            application_command::{CommandData, CommandOptionValue},
            Interaction,
        },
    },
    channel::message::MessageFlags,
    guild::Permissions,
    http::interaction::{InteractionResponse, InteractionResponseType},
    id::{marker::UserMarker, Id},
};
use twilight_util::builder::{
    command::{CommandBuilder, IntegerBuilder, StringBuilder, UserBuilder},
    InteractionResponseDataBuilder,
};

use crate::Ctx;

pub fn definitions() -> Vec<Command> {
    vec![
        CommandBuilder::new("ping", "Check that the bot is alive", CommandType::ChatInput).build(),
        CommandBuilder::new("warn", "Warn a member and record a case", CommandType::ChatInput)
            .default_member_permissions(Permissions::MODERATE_MEMBERS)
            .dm_permission(false)
            .option(UserBuilder::new("member", "Member to warn").required(true))
            .option(StringBuilder::new("reason", "Why").required(true).max_length(400))
            .build(),
        CommandBuilder::new("timeout", "Time a member out", CommandType::ChatInput)
            .default_member_permissions(Permissions::MODERATE_MEMBERS)
            .dm_permission(false)
            .option(UserBuilder::new("member", "Member to time out").required(true))
            .option(
                IntegerBuilder::new("minutes", "Length of the timeout")
                    .required(true)
                    .min_value(1)
                    .max_value(40320),
            )
            .option(StringBuilder::new("reason", "Why").required(true).max_length(400))
            .build(),
        CommandBuilder::new("ban", "Ban a member", CommandType::ChatInput)
            .default_member_permissions(Permissions::BAN_MEMBERS)
            .dm_permission(false)
            .option(UserBuilder::new("member", "Member to ban").required(true))
            .option(StringBuilder::new("reason", "Why").required(true).max_length(400))
            .build(),
        CommandBuilder::new(
            "purge",
            "Delete recent messages in this channel",
            CommandType::ChatInput,
        )
        .dm_permission(false)
        .option(
            IntegerBuilder::new("count", "How many messages")
                .required(true)
                .min_value(2)
                .max_value(100),
        )
        .build(),
        CommandBuilder::new("cases", "List a member's moderation cases", CommandType::ChatInput)
            .default_member_permissions(Permissions::MODERATE_MEMBERS)
            .dm_permission(false)
            .option(UserBuilder::new("member", "Member").required(true))
            .build(),
        CommandBuilder::new("verify", "Link your community account", CommandType::ChatInput)
            .dm_permission(false)
            .option(StringBuilder::new("email", "Start: the e-mail on your account"))
            .option(StringBuilder::new("code", "Finish: the code we e-mailed you"))
            .build(),
        CommandBuilder::new("appeal", "Appeal a moderation case", CommandType::ChatInput)
            .option(IntegerBuilder::new("case", "Case number").required(true))
            .build(),
    ]
}

pub async fn register(ctx: &Ctx) -> anyhow::Result<()> {
    ctx.http
        .interaction(ctx.application_id)
        .set_guild_commands(ctx.config.guild_id, &definitions())
        .await?;
    Ok(())
}

pub fn string_opt<'a>(data: &'a CommandData, name: &str) -> Option<&'a str> {
    data.options
        .iter()
        .find(|o| o.name == name)
        .and_then(|o| match &o.value {
            CommandOptionValue::String(s) => Some(s.as_str()),
            _ => None,
        })
}

pub fn int_opt(data: &CommandData, name: &str) -> Option<i64> {
    data.options
        .iter()
        .find(|o| o.name == name)
        .and_then(|o| match o.value {
            CommandOptionValue::Integer(i) => Some(i),
            _ => None,
        })
}

pub fn user_opt(data: &CommandData, name: &str) -> Option<Id<UserMarker>> {
    data.options
        .iter()
        .find(|o| o.name == name)
        .and_then(|o| match o.value {
            CommandOptionValue::User(id) => Some(id),
            _ => None,
        })
}

/// The invoking member's resolved permissions in the channel, if this came from a guild.
pub fn member_permissions(interaction: &Interaction) -> Permissions {
    interaction
        .member
        .as_ref()
        .and_then(|m| m.permissions)
        .unwrap_or_else(Permissions::empty)
}

pub fn invoker(interaction: &Interaction) -> Option<Id<UserMarker>> {
    interaction.author_id()
}

pub async fn reply(
    ctx: &Ctx,
    interaction: &Interaction,
    content: impl Into<String>,
    ephemeral: bool,
) -> anyhow::Result<()> {
    let mut data = InteractionResponseDataBuilder::new().content(content.into());
    if ephemeral {
        data = data.flags(MessageFlags::EPHEMERAL);
    }
    let response = InteractionResponse {
        kind: InteractionResponseType::ChannelMessageWithSource,
        data: Some(data.build()),
    };
    ctx.http
        .interaction(ctx.application_id)
        .create_response(interaction.id, &interaction.token, &response)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_build() {
        let defs = definitions();
        for def in &defs {
            let _ = serde_json::to_string(def);
        }
    }

    #[test]
    fn moderation_commands_are_hidden_by_default() {
        let defs = definitions();
        let warn = defs.iter().find(|c| c.name == "warn").unwrap();
        assert_eq!(warn.default_member_permissions, Some(Permissions::MODERATE_MEMBERS));
        assert_eq!(warn.dm_permission, Some(false));
    }
}
