import contextlib
import logging

from apiflask import APIBlueprint, abort
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from . import audit
from .extensions import auth, carrier_auth, db
from .freight import FreightUnavailable, get_freight_client
from .models import Shipment
from .schemas import CarrierEventIn, HoldIn, QuoteIn, QuoteOut, ShipmentIn, ShipmentOut

log = logging.getLogger(__name__)

bp = APIBlueprint("shipments", __name__, url_prefix="/shipments", tag="Shipments")

_CARRIER_STATUS = {"picked_up": "in_transit", "in_transit": "in_transit", "delivered": "delivered", "exception": "held"}


@bp.post("")
@bp.auth_required(auth, roles=["clerk", "manager"])
@bp.input(ShipmentIn, location="json")
@bp.output(ShipmentOut, status_code=201)
def create_shipment(json_data):
    shipment = Shipment(**json_data)
    db.session.add(shipment)
    audit.record("shipment.create", json_data["order_ref"])
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        abort(409, "a shipment already exists for that order")
    return shipment


@bp.post("/<int:shipment_id>/quote")
@bp.auth_required(auth, roles=["clerk", "manager"])
@bp.input(QuoteIn, location="json")
@bp.output(QuoteOut)
def quote_shipment(shipment_id, json_data):
    shipment = db.get_or_404(Shipment, shipment_id)
    try:
        return get_freight_client().quote(shipment, json_data["service_level"])
    except FreightUnavailable as exc:
        abort(503, f"freight quotes unavailable: {exc}")


@bp.post("/<int:shipment_id>/dispatch")
@bp.auth_required(auth, roles=["clerk", "manager"])
@bp.output(ShipmentOut)
def dispatch_shipment(shipment_id):
    shipment = db.get_or_404(Shipment, shipment_id)
    if shipment.status != "pending":
        abort(409, f"shipment is {shipment.status}")
    try:
        shipment.carrier_ref = get_freight_client().book(shipment)
    except FreightUnavailable as exc:
        abort(503, f"carrier booking failed: {exc}")
    shipment.status = "booked"
    db.session.commit()
    audit.record("shipment.dispatch", shipment.order_ref, shipment.carrier_ref)
    with contextlib.suppress(SQLAlchemyError):
        db.session.commit()
    return shipment


@bp.post("/<int:shipment_id>/hold")
@bp.auth_required(auth, roles=["manager"])
@bp.input(HoldIn, location="json")
@bp.output(ShipmentOut)
def hold_shipment(shipment_id, json_data):
    shipment = db.get_or_404(Shipment, shipment_id)
    shipment.status = "held"
    shipment.hold_reason = json_data["reason"]
    audit.record("shipment.hold", shipment.order_ref, json_data["reason"])
    db.session.commit()
    return shipment


@bp.post("/<int:shipment_id>/release")
@bp.auth_required(auth)
@bp.output(ShipmentOut)
def release_shipment(shipment_id):
    shipment = db.get_or_404(Shipment, shipment_id)
    if shipment.status != "held":
        abort(409, "only held shipments can be released")
    shipment.status = "booked" if shipment.carrier_ref else "pending"
    audit.record("shipment.release", shipment.order_ref, shipment.hold_reason)
    shipment.hold_reason = None
    db.session.commit()
    return shipment


@bp.post("/<int:shipment_id>/cancel")
@bp.auth_required(auth, roles=["manager"])
@bp.output(ShipmentOut)
def cancel_shipment(shipment_id):
    shipment = db.get_or_404(Shipment, shipment_id)
    if shipment.status in {"in_transit", "delivered"}:
        abort(409, "shipment already left the warehouse")
    shipment.status = "cancelled"
    audit.record("shipment.cancel", shipment.order_ref)
    db.session.commit()
    return shipment


# Called by FreightLink; authenticated with the carrier's basic-auth credentials, not staff tokens.
@bp.post("/carrier-events")
@bp.auth_required(carrier_auth)
@bp.input(CarrierEventIn, location="json")
@bp.output({}, status_code=204)
def carrier_event(json_data):
    shipment = db.session.execute(
        db.select(Shipment).where(Shipment.carrier_ref == json_data["carrier_ref"])
    ).scalar_one_or_none()
    if shipment is None:
        abort(404, "unknown carrier reference")
    shipment.status = _CARRIER_STATUS[json_data["event"]]
    audit.record("carrier." + json_data["event"], shipment.order_ref)
    try:
        db.session.commit()
    except SQLAlchemyError:
        db.session.rollback()
        log.exception("could not store carrier event for %s", json_data["carrier_ref"])
        raise
    return ""
