from aiogram import Router

from . import admin, staff, user


def build_root_router() -> Router:
    root = Router(name="root")
    # Admin and staff routers come first so their commands win over user fallbacks.
    root.include_routers(admin.router, staff.router, user.router)
    return root
