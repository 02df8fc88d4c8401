from __future__ import annotations

import logging
import signal
from concurrent import futures

import grpc
import structlog
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from sqlmodel import SQLModel

from ledger import ledger_pb2_grpc
from ledger.auth import AuthInterceptor
from ledger.config import Settings, load_settings
from ledger.models import make_engine
from ledger.payouts import HttpPayoutGateway
from ledger.servicer import LedgerService

log = structlog.get_logger(__name__)


def build_server(settings: Settings) -> grpc.Server:
    engine = make_engine(settings.database_url)
    SQLModel.metadata.create_all(engine)

    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=settings.max_workers),
        interceptors=[AuthInterceptor(engine)],
        options=[("grpc.max_receive_message_length", 4 * 1024 * 1024)],
    )
    payouts = HttpPayoutGateway(settings.partner_api_base, settings.partner_api_key)
    ledger_pb2_grpc.add_LedgerServicer_to_server(
        LedgerService(engine, payouts, build=settings.build), server
    )

    health_servicer = health.HealthServicer()
    health_servicer.set("ledger.v1.Ledger", health_pb2.HealthCheckResponse.SERVING)
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)

    if settings.tls_cert_file and settings.tls_key_file:
        with open(settings.tls_key_file, "rb") as k, open(settings.tls_cert_file, "rb") as c:
            creds = grpc.ssl_server_credentials([(k.read(), c.read())])
        server.add_secure_port(settings.listen_addr, creds)
    else:
        log.warning("server.plaintext", addr=settings.listen_addr)
        server.add_insecure_port(settings.listen_addr)
    return server


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    settings = load_settings()
    try:
        server = build_server(settings)
    except Exception:
        log.exception("server.startup_failed")
        raise
    server.start()
    log.info("server.started", addr=settings.listen_addr, build=settings.build)

    def _stop(signum, frame):
        log.info("server.stopping", signal=signum)
        server.stop(grace=10)

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
