import logging

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

from .config import get_settings
from .db.repo import make_session_pool
from .handlers import build_root_router
from .middlewares import DbSessionMiddleware, ThrottlingMiddleware
from .payments.client import PaywayClient
from .payments.webhook import handle_payway

TELEGRAM_PATH = "/tg/webhook"


async def healthz(_: web.Request) -> web.Response:
    # Probed by the orchestrator; exposes nothing but liveness.
    return web.json_response({"ok": True})


def build_app() -> web.Application:
    settings = get_settings()
    bot = Bot(token=settings.bot_token.get_secret_value(), default=DefaultBotProperties(parse_mode=ParseMode.HTML))
    session_pool = make_session_pool(settings.database_url)
    payments = PaywayClient(settings.payway_base_url, settings.payway_secret_key.get_secret_value())

    dp = Dispatcher(storage=MemoryStorage(), settings=settings, payments=payments)
    dp.update.outer_middleware(DbSessionMiddleware(session_pool))
    dp.message.middleware(ThrottlingMiddleware())
    dp.include_router(build_root_router())

    async def on_startup(bot: Bot) -> None:
        await bot.set_webhook(
            f"{settings.webhook_base_url}{TELEGRAM_PATH}",
            secret_token=settings.webhook_secret.get_secret_value(),
            allowed_updates=dp.resolve_used_update_types(),
        )

    async def on_shutdown() -> None:
        await payments.close()

    dp.startup.register(on_startup)
    dp.shutdown.register(on_shutdown)

    app = web.Application()
    app["settings"] = settings
    app["bot"] = bot
    app["session_pool"] = session_pool
    SimpleRequestHandler(
        dispatcher=dp, bot=bot, secret_token=settings.webhook_secret.get_secret_value()
    ).register(app, path=TELEGRAM_PATH)
    app.router.add_post("/payway/webhook", handle_payway)
    app.router.add_get("/healthz", healthz)
    setup_application(app, dp, bot=bot)
    return app


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    web.run_app(build_app(), host="0.0.0.0", port=8080)


if __name__ == "__main__":
    main()
