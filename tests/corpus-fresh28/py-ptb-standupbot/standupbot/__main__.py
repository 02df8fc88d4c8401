import logging

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    PicklePersistence,
)

from . import admin, jobs, repository, standup
from .auth import admin_filter
from .config import Settings, load_settings
from .db import make_session_factory
from .logging_setup import configure_logging
from .tracker import TrackerClient

logger = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    logger.error("unhandled error while processing %r", update, exc_info=context.error)
    if isinstance(update, Update) and update.effective_message:
        await update.effective_message.reply_text("Something went wrong; the admins have been told.")


def build_application(settings: Settings) -> Application:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    persistence = PicklePersistence(filepath=settings.persistence_path)
    sessions = make_session_factory(settings.database_url)
    admins = admin_filter(settings.admin_ids)

    async def post_init(application: Application) -> None:
        application.bot_data.update(
            settings=settings,
            sessions=sessions,
            admin_ids=set(settings.admin_ids),
            admin_filter=admins,
            tracker=TrackerClient(settings),
        )
        with sessions() as session:
            for team in repository.all_teams(session):
                jobs.schedule_team(application.job_queue, team, settings)

    async def post_shutdown(application: Application) -> None:
        await application.bot_data["tracker"].aclose()

    app = (
        Application.builder()
        .token(settings.bot_token)
        .persistence(persistence)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )

    # open to everyone
    app.add_handler(CommandHandler(["start", "help"], standup.help_command))
    app.add_handler(CommandHandler("join", standup.join))
    app.add_handler(CommandHandler("claim", admin.claim))
    app.add_handler(standup.conversation())
    app.add_handler(CallbackQueryHandler(standup.set_mood, pattern=r"^mood:"))

    # admins
    app.add_handler(CommandHandler("newteam", admin.new_team, filters=admins))
    app.add_handler(CommandHandler("broadcast", admin.broadcast, filters=admins))
    app.add_handler(CommandHandler("remove", admin.remove, filters=admins))
    app.add_handler(CommandHandler("codes", admin.codes, filters=admins))
    app.add_handler(CommandHandler("export", admin.export_csv, filters=admins))
    app.add_handler(CallbackQueryHandler(admin.confirm_removal, pattern=r"^rm:\d+$"))
    app.add_handler(CallbackQueryHandler(admin.rotate_code, pattern=r"^rotate:\d+$"))

    app.add_error_handler(on_error)
    return app


def main() -> None:
    configure_logging()
    settings = load_settings()
    build_application(settings).run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main()
