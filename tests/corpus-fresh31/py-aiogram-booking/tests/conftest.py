from datetime import datetime, timedelta, timezone
from unittest.mock import AsyncMock, MagicMock

import pytest
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from booking_bot.config import Settings
from booking_bot.db.models import Base, Slot
from booking_bot.payments.client import PaymentLink

TEST_BOT_TOKEN = "123456:TEST-TOKEN-not-a-real-bot"


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(
        bot_token=SecretStr(TEST_BOT_TOKEN),
        webhook_secret=SecretStr("tg-test-webhook"),
        database_url="sqlite+aiosqlite:///:memory:",
        admin_ids=[1001],
        staff_invite_secret=SecretStr("test-invite-secret"),
        payway_secret_key=SecretStr("sk_test_dummy"),
        payway_webhook_secret=SecretStr("whsec_test_dummy"),
        export_dir=tmp_path / "exports",
    )


@pytest.fixture
async def session() -> AsyncSession:
    engine = create_async_engine("sqlite+aiosqlite:///:memory:")
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    pool = async_sessionmaker(engine, expire_on_commit=False)
    async with pool() as s:
        yield s
    await engine.dispose()


@pytest.fixture
async def slot(session: AsyncSession) -> Slot:
    s = Slot(starts_at=datetime.now(timezone.utc) + timedelta(days=2), capacity=20)
    session.add(s)
    await session.commit()
    return s


@pytest.fixture
def payments() -> AsyncMock:
    gw = AsyncMock()
    gw.create_payment_link.return_value = PaymentLink(payment_id="pay_123", url="https://pay.example/pay_123")
    return gw


def make_user(user_id: int = 2002, full_name: str = "Guest") -> MagicMock:
    user = MagicMock()
    user.id = user_id
    user.full_name = full_name
    return user


@pytest.fixture
def message() -> AsyncMock:
    msg = AsyncMock()
    msg.from_user = make_user()
    return msg


@pytest.fixture
def callback() -> AsyncMock:
    cb = AsyncMock()
    cb.from_user = make_user()
    cb.message = AsyncMock()
    return cb
