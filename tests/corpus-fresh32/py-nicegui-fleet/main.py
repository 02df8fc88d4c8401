import logging
import os
from pathlib import Path

from nicegui import app, ui

from fleet import pages  # noqa: F401  (registers pages)
from fleet import api  # noqa: F401  (registers /api routes)
from fleet.auth import AuthMiddleware
from fleet.db import init_db
from fleet.jobs import start_background_jobs, telematics

logging.basicConfig(level=os.environ.get('FLEET_LOG_LEVEL', 'INFO'))

app.add_middleware(AuthMiddleware)
app.add_static_files('/static', Path(__file__).parent / 'static')
app.on_startup(init_db)
app.on_startup(start_background_jobs)
app.on_shutdown(lambda: telematics().aclose())

if __name__ in {'__main__', '__mp_main__'}:
    ui.run(
        title='Fleet console',
        host=os.environ.get('FLEET_HOST', '0.0.0.0'),
        port=int(os.environ.get('FLEET_PORT', '8080')),
        storage_secret=os.environ.get('FLEET_STORAGE_SECRET', 'q3Vt8wPz1LmR6yKc0dHs4NbXj7Ua2Ge9'),
        reload=False,
        show=False,
    )
