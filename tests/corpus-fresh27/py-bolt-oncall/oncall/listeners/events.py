from __future__ import annotations

from slack_bolt import App

HELP_TEXT = (
    "*On-call bot*\n"
    "• `/oncall [rotation]` – who is on call\n"
    "• `/incident` – declare an incident and page the owning team\n"
    "• `/oncall-override <rotation> @user <hours>` – cover a shift (admins)\n"
)


def _with_mention(user_id: str, text: str) -> str:
    return f"<@{user_id}> {text}"


def mention_reply(text: str, user_id: str) -> str:
    if "help" in text.lower():
        return _with_mention(user_id, HELP_TEXT)
    return _with_mention(user_id, "try `@oncall help` or `/oncall`.")


def handle_mention(event: dict, say) -> None:
    if event.get("subtype") == "bot_message":
        return
    say(text=mention_reply(event.get("text", ""), event["user"]), thread_ts=event.get("thread_ts") or event["ts"])


def handle_member_joined(event: dict, client, context) -> None:
    if event.get("user") == context.bot_user_id:
        client.chat_postMessage(channel=event["channel"], text=HELP_TEXT)


def register(app: App) -> None:
    app.event("app_mention")(handle_mention)
    app.event("member_joined_channel")(handle_member_joined)
