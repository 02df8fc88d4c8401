"""API entry point: one Lambda behind API Gateway (REST) with a token authorizer."""

from __future__ import annotations

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response, content_types
from aws_lambda_powertools.event_handler.exceptions import ServiceError
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from expenses.routes import admin, approvals, claims

logger = Logger(service="expenses-api")
tracer = Tracer(service="expenses-api")
metrics = Metrics(namespace="Expenses", service="expenses-api")

app = APIGatewayRestResolver(strip_prefixes=["/v1"])
app.include_router(claims.router, prefix="/claims")
app.include_router(approvals.router, prefix="/approvals")
app.include_router(admin.router, prefix="/admin")


# API Gateway has the authorizer switched off for this one method (see template.yaml);
# it is the load balancer and deploy smoke check.
@app.get("/health")
def health():
    return {"status": "ok"}


@app.get("/admin/exports/<export_id>/download")
def download_export(export_id: str):
    return Response(
        status_code=200,
        content_type="text/csv",
        body=admin.read_export(export_id),
        headers={"Content-Disposition": f'attachment; filename="claims-{export_id}.csv"'},
    )


@app.exception_handler(ValueError)
def handle_value_error(ex: ValueError):
    logger.warning("bad request", extra={"error": str(ex)})
    return Response(status_code=400, content_type=content_types.APPLICATION_JSON, body={"message": str(ex)})


@app.exception_handler(ServiceError)
def handle_service_error(ex: ServiceError):
    return Response(status_code=ex.status_code, content_type=content_types.APPLICATION_JSON, body={"message": ex.msg})


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST, log_event=False)
@tracer.capture_lambda_handler
@metrics.log_metrics(capture_cold_start_metric=True)
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return app.resolve(event, context)
