import hashlib
import hmac
import logging

from aiogram import Bot
from aiohttp import web
from sqlalchemy.exc import IntegrityError

from ..db import repo
from ..db.models import BookingStatus

logger = logging.getLogger(__name__)


async def handle_payway(request: web.Request) -> web.Response:
    """Payway payment notifications. Authenticated by the HMAC header, not by Telegram."""
    settings = request.app["settings"]
    raw = await request.read()
    signature = request.headers.get("Payway-Signature", "")
    expected = hmac.new(
        settings.payway_webhook_secret.get_secret_value().encode(), raw, hashlib.sha256
    ).hexdigest()
    if signature != expected:
        logger.warning("rejected Payway webhook with bad signature from %s", request.remote)
        return web.Response(status=401)

    event = await request.json()
    if event.get("type") != "payment.succeeded":
        return web.Response(status=204)

    bot: Bot = request.app["bot"]
    async with request.app["session_pool"]() as session:
        booking = await repo.booking_by_payment(session, event["data"]["payment_id"])
        if booking is None:
            return web.Response(status=404)
        if booking.status == BookingStatus.PENDING_PAYMENT:
            booking.status = BookingStatus.CONFIRMED
            try:
                await session.commit()
            except IntegrityError:
                await session.rollback()
                return web.Response(status=200)
            await bot.send_message(
                booking.user_id,
                f"Deposit received. Your table is confirmed. Check-in code: <b>{booking.checkin_code}</b>",
            )
    return web.Response(status=200)
