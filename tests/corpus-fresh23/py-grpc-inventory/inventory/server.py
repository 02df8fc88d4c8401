from __future__ import annotations

import logging
import signal
from concurrent import futures
from pathlib import Path

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from inventory.admin_servicer import AdminServicer
from inventory.auth import AuthInterceptor
from inventory.clients import PricingClient
from inventory.config import Settings, load_settings
from inventory.db import create_schema, make_engine
from inventory.gen import inventory_pb2_grpc

log = logging.getLogger("inventory.server")


def _server_credentials(settings: Settings) -> grpc.ServerCredentials:
    key = Path(settings.tls_key_file).read_bytes()
    cert = Path(settings.tls_cert_file).read_bytes()
    client_ca = Path(settings.client_ca_file).read_bytes() if settings.client_ca_file else None
    return grpc.ssl_server_credentials(
        [(key, cert)],
        root_certificates=client_ca,
        require_client_auth=client_ca is not None,
    )


def build_server(settings: Settings) -> grpc.Server:
    engine = make_engine(settings.database_url)
    create_schema(engine)

    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=settings.max_workers),
        interceptors=[AuthInterceptor(settings)],
        options=[("grpc.max_receive_message_length", 4 * 1024 * 1024)],
    )
    from inventory.servicer import InventoryServicer

    inventory_pb2_grpc.add_InventoryServicer_to_server(InventoryServicer(engine), server)
    inventory_pb2_grpc.add_AdminServicer_to_server(AdminServicer(engine, PricingClient(settings)), server)

    health_servicer = health.HealthServicer()
    health_servicer.set("", health_pb2.HealthCheckResponse.SERVING)
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    return server


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    settings = load_settings()
    if not (settings.tls_cert_file and settings.tls_key_file):
        raise SystemExit("INVENTORY_TLS_CERT and INVENTORY_TLS_KEY are required")

    server = build_server(settings)
    server.add_secure_port(settings.listen_addr, _server_credentials(settings))
    server.start()
    log.info("inventory service listening on %s", settings.listen_addr)

    def _graceful(signum, _frame):
        log.info("signal %s received, draining", signum)
        server.stop(grace=10)

    signal.signal(signal.SIGTERM, _graceful)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
