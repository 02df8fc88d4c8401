from __future__ import annotations

import datetime as dt
import logging
import ssl
from typing import TYPE_CHECKING

import aiohttp
import certifi
import discord
from discord import app_commands
from discord.ext import commands, tasks
from icalendar import Calendar

if TYPE_CHECKING:
    from ..bot import GuildOps

log = logging.getLogger(__name__)

REMIND_AHEAD = dt.timedelta(minutes=30)


class CommunityEvent:
    def __init__(self, uid: str, title: str, starts_at: dt.datetime) -> None:
        self.uid = uid
        self.title = title
        self.starts_at = starts_at


def parse_calendar(raw: bytes, now: dt.datetime) -> list[CommunityEvent]:
    cal = Calendar.from_ical(raw)
    events = []
    for comp in cal.walk("VEVENT"):
        start = comp.decoded("DTSTART")
        if isinstance(start, dt.date) and not isinstance(start, dt.datetime):
            start = dt.datetime.combine(start, dt.time(18, 0), tzinfo=dt.timezone.utc)
        if start.tzinfo is None:
            start = start.replace(tzinfo=dt.timezone.utc)
        if start > now:
            events.append(CommunityEvent(str(comp.get("UID")), str(comp.get("SUMMARY", "Community event")), start))
    return sorted(events, key=lambda e: e.starts_at)


class Events(commands.Cog):
    def __init__(self, bot: "GuildOps") -> None:
        self.bot = bot
        self._ssl = ssl.create_default_context(cafile=certifi.where())
        self._upcoming: list[CommunityEvent] = []

    async def cog_load(self) -> None:
        self.refresh_calendar.start()
        self.send_reminders.start()

    async def cog_unload(self) -> None:
        self.refresh_calendar.cancel()
        self.send_reminders.cancel()

    @tasks.loop(minutes=15)
    async def refresh_calendar(self) -> None:
        url = self.bot.settings.events_calendar_url
        if not url:
            return
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=20)) as session:
            async with session.get(url, ssl=self._ssl) as resp:
                resp.raise_for_status()
                raw = await resp.read()
        self._upcoming = parse_calendar(raw, discord.utils.utcnow())
        log.debug("calendar refreshed: %d upcoming events", len(self._upcoming))

    @refresh_calendar.error
    async def refresh_failed(self, error: BaseException) -> None:
        log.warning("calendar refresh failed, keeping %d cached events: %s", len(self._upcoming), error)

    @tasks.loop(minutes=1)
    async def send_reminders(self) -> None:
        for row in await self.bot.store.due_reminders(REMIND_AHEAD):
            user = self.bot.get_user(row["user_id"]) or await self.bot.fetch_user(row["user_id"])
            event = next((e for e in self._upcoming if e.uid == row["event_id"]), None)
            title = event.title if event else "An event you signed up for"
            try:
                await user.send(f"⏰ **{title}** starts {discord.utils.format_dt(row['starts_at'], 'R')}.")
            except discord.HTTPException as exc:
                log.info("reminder DM to %s failed: %s", row["user_id"], exc)
            await self.bot.store.mark_reminded(row["event_id"], row["user_id"])

    @send_reminders.before_loop
    @refresh_calendar.before_loop
    async def wait_ready(self) -> None:
        await self.bot.wait_until_ready()

    async def event_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return [
            app_commands.Choice(name=f"{e.title} · {e.starts_at:%d %b %H:%M} UTC"[:100], value=e.uid)
            for e in self._upcoming
            if current.lower() in e.title.lower()
        ][:25]

    @app_commands.command(name="signup", description="Sign up for a community event and get a reminder")
    @app_commands.autocomplete(event=event_autocomplete)
    async def signup(self, interaction: discord.Interaction, event: str) -> None:
        match = next((e for e in self._upcoming if e.uid == event), None)
        if match is None:
            await interaction.response.send_message("I don't know that event.", ephemeral=True)
            return
        fresh = await self.bot.store.signup(match.uid, interaction.user.id, match.starts_at)
        text = "You're signed up" if fresh else "You were already signed up"
        await interaction.response.send_message(f"{text} for **{match.title}**.", ephemeral=True)


async def setup(bot: "GuildOps") -> None:
    await bot.add_cog(Events(bot))
