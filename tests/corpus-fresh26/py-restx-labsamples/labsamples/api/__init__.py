from flask import Blueprint
from flask_restx import Api, Resource

from labsamples.api.admin import ns as admin_ns
from labsamples.api.batches import ns as batches_ns
from labsamples.api.samples import ns as samples_ns
from labsamples.auth import ns as auth_ns

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")

authorizations = {
    "Bearer": {"type": "apiKey", "in": "header", "name": "Authorization"},
}

api = Api(
    blueprint,
    title="Lab Samples API",
    version="1.0",
    description="Sample intake, batching and reference-lab dispatch",
    authorizations=authorizations,
    security="Bearer",
)

api.add_namespace(auth_ns, path="/auth")
api.add_namespace(samples_ns, path="/samples")
api.add_namespace(batches_ns, path="/batches")
api.add_namespace(admin_ns, path="/admin")


@api.route("/health", doc=False)
class Health(Resource):
    def get(self):
        return {"status": "ok"}
