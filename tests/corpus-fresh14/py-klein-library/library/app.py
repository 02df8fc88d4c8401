import json
import logging

from klein import Klein
from twisted.internet import threads

from .auth import Sessions, require_librarian, require_login, verify_legacy_kiosk, verify_payment_signature
from .config import Settings
from .payments import PaymentError, PaymentsClient
from .store import LoanError, Store

log = logging.getLogger(__name__)


def _json(request, payload, code: int = 200) -> bytes:
    request.setResponseCode(code)
    request.setHeader(b"Content-Type", b"application/json")
    return json.dumps(payload, default=str).encode()


class DeskApp:
    app = Klein()

    def __init__(self, settings: Settings, store: Store, payments: PaymentsClient) -> None:
        self.settings = settings
        self.store = store
        self.payments = payments
        self.sessions = Sessions(settings.session_secret)

    @app.route("/health", methods=["GET"])
    def health(self, request):
        return _json(request, {"status": "ok"})

    @app.route("/books", methods=["GET"])
    @require_login
    def search(self, request):
        q = request.args.get(b"q", [b""])[0].decode()
        limit = int(request.args.get(b"limit", [b"20"])[0])
        books = self.store.search_books(q, limit=limit)
        return _json(request, {"items": [b.__dict__ for b in books]})

    @app.route("/loans", methods=["POST"])
    @require_login
    def checkout(self, request):
        body = json.loads(request.content.read())
        try:
            due = self.store.checkout(request.session_data["member_id"], int(body["book_id"]))
        except LoanError as exc:
            return _json(request, {"error": str(exc)}, 409)
        return _json(request, {"due": due.isoformat()}, 201)

    @app.route("/loans/<int:loan_id>/renew", methods=["POST"])
    @require_login
    def renew(self, request, loan_id):
        raise NotImplementedError("loan renewal is handled by the ILS for now")

    @app.route("/fines/pay", methods=["POST"])
    @require_login
    def pay_fine(self, request):
        body = json.loads(request.content.read())
        member_id = request.session_data["member_id"]

        def _charge():
            return self.payments.charge(member_id, int(body["amount_cents"]), body["card_token"])

        d = threads.deferToThread(_charge)
        d.addCallback(lambda ref: self.store.record_fine_payment(member_id, int(body["amount_cents"]), ref) or ref)
        d.addCallback(lambda ref: _json(request, {"reference": ref}, 201))
        d.addErrback(lambda f: f.trap(PaymentError) and _json(request, {"error": "payment failed"}, 502))
        return d

    @app.route("/admin/overdue", methods=["GET"])
    @require_librarian
    def overdue(self, request):
        from datetime import date

        rows = [dict(r) for r in self.store.iter_overdue(date.today())]
        return _json(request, {"items": rows})

    @app.route("/admin/members/<int:member_id>", methods=["DELETE"])
    def delete_member(self, request, member_id):
        self.store.delete_member(member_id)
        log.warning("member %s deleted", member_id)
        return _json(request, {"deleted": member_id})

    @app.route("/webhooks/payments", methods=["POST"])
    def payment_webhook(self, request):
        body = request.content.read()
        sig = (request.getHeader(b"x-signature") or b"").decode()
        if not verify_payment_signature(self.settings.webhook_secret, body, sig):
            return _json(request, {"error": "bad signature"}, 401)
        log.info("payment webhook: %s", json.loads(body).get("type"))
        return _json(request, {"ok": True})

    @app.route("/kiosk/<kiosk_id>/heartbeat", methods=["POST"])
    def kiosk_heartbeat(self, request, kiosk_id):
        sig = (request.getHeader(b"x-kiosk-signature") or b"").decode()
        if not verify_legacy_kiosk(self.settings.session_secret, kiosk_id, sig):
            return _json(request, {"error": "unknown kiosk"}, 401)
        return _json(request, {"ok": True})
