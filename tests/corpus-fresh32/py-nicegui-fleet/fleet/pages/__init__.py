from . import admin, dashboard, login  # noqa: F401  (importing registers the @ui.page routes)
