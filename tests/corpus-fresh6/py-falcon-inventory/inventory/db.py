from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from inventory.settings import settings

engine = create_engine(settings.database_url, pool_size=10, pool_pre_ping=True, future=True)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)
