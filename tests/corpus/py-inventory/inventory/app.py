"""Flask application: stock queries and supplier sync."""
from flask import Flask, jsonify, request

from .auth import check_api_token, login_required, verify_signature
from .storage import S3Storage
from .sync import sync_supplier

app = Flask(__name__)
storage = S3Storage(bucket="inventory-snapshots")


@app.before_request
def authenticate_api_calls():
    if request.path.startswith("/api/"):
        check_api_token()


@app.route("/stock/<sku>")
@login_required
def stock(sku):
    return jsonify(storage.load(f"stock/{sku}.json"))


@app.route("/admin/purge", methods=["POST"])
@login_required
def purge():
    storage.delete(request.json["key"])
    return "", 204


@app.route("/hooks/supplier", methods=["POST"])
def supplier_hook():
    if not verify_signature(request.get_data(), request.headers.get("X-Signature", "")):
        return "", 401
    sync_supplier(request.json["supplier"])
    return "", 202
