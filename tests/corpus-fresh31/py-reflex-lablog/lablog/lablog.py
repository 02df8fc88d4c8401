import logging

import reflex as rx

from .api import api
from .pages import experiments, login  # noqa: F401  (registers @rx.page routes)

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")


@rx.page(route="/", on_load=rx.redirect("/experiments"))
def index() -> rx.Component:
    return rx.spinner()


app = rx.App(api_transformer=api, theme=rx.theme(accent_color="teal"))
