import os

import pytest

os.environ.setdefault('FLEET_API_TOKEN', 'test-token')
os.environ.setdefault('FLEET_TELEMATICS_API_KEY', 'test-telematics-key')
os.environ.setdefault('FLEET_TELEMATICS_WEBHOOK_SECRET', 'test-webhook-secret')
os.environ.setdefault('FLEET_DATABASE_URL', 'sqlite://')

pytest_plugins = ['nicegui.testing.user_plugin']


@pytest.fixture
def seeded_admin():
    from fleet.auth import hash_secret
    from fleet.db import init_db, session_scope
    from fleet.models import User

    init_db()
    with session_scope() as session:
        session.add(User(username='ops-admin', password_hash=hash_secret('admin-pass-for-tests'), role='admin'))
        session.add(User(username='dispatch', password_hash=hash_secret('dispatch-pass-for-tests'), role='dispatcher'))
        session.commit()
    yield
    with session_scope() as session:
        for user in session.exec(User.__table__.select()).all():
            session.delete(session.get(User, user.id))
        session.commit()
