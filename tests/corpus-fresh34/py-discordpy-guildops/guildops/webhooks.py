from __future__ import annotations

import hmac
import json
import logging
from typing import TYPE_CHECKING

import discord
from aiohttp import web

from .config import TOPGG_AUTH_HEADER

if TYPE_CHECKING:
    from .bot import GuildOps

log = logging.getLogger(__name__)

BOT_KEY = web.AppKey("bot", object)


async def kofi(request: web.Request) -> web.Response:
    bot: GuildOps = request.app[BOT_KEY]  # type: ignore[assignment]
    form = await request.post()
    try:
        payload = json.loads(str(form["data"]))
    except (KeyError, json.JSONDecodeError):
        return web.Response(status=400, text="missing data")

    if payload.get("verification_token") != bot.settings.kofi_verification_token:
        log.warning("ko-fi webhook with bad verification token from %s", request.remote)
        return web.Response(status=401)

    if payload.get("type") not in ("Donation", "Subscription"):
        return web.Response(status=200)

    discord_id = payload.get("discord_userid")
    user_id = int(discord_id) if discord_id and str(discord_id).isdigit() else None
    fresh = await bot.store.record_supporter(payload["kofi_transaction_id"], user_id, str(payload["amount"]))
    if fresh and user_id and bot.settings.supporter_role_id:
        for guild in bot.guilds:
            member = guild.get_member(user_id)
            role = guild.get_role(bot.settings.supporter_role_id)
            if member and role:
                await member.add_roles(role, reason="Ko-fi supporter")
    return web.Response(status=200)


async def topgg_vote(request: web.Request) -> web.Response:
    bot: GuildOps = request.app[BOT_KEY]  # type: ignore[assignment]
    provided = request.headers.get(TOPGG_AUTH_HEADER, "")
    if not hmac.compare_digest(provided.encode(), bot.settings.topgg_webhook_secret.encode()):
        return web.Response(status=401)
    vote = await request.json()
    if vote.get("type") == "test":
        log.info("top.gg test vote received")
        return web.Response(status=204)
    user = bot.get_user(int(vote["user"]))
    embed = discord.Embed(
        title="New vote",
        description=f"{user.mention if user else vote['user']} voted for us on top.gg. Thank you!",
        colour=discord.Colour.gold(),
    )
    await bot.mod_log(embed)
    return web.Response(status=204)


async def healthz(_request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


def build_webhook_app(bot: "GuildOps") -> web.Application:
    app = web.Application(client_max_size=256 * 1024)
    app[BOT_KEY] = bot
    app.router.add_post("/webhooks/kofi", kofi)
    app.router.add_post("/webhooks/topgg", topgg_vote)
    app.router.add_get("/healthz", healthz)
    return app
