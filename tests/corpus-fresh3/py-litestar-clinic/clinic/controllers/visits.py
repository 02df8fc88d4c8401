from __future__ import annotations

import os

from litestar import Controller, Response, post
from litestar.status_codes import HTTP_501_NOT_IMPLEMENTED

from ..guards import requires_staff
from ..services.claims import InsuranceClaimService

# Tele-visit booking is built behind a flag; until the video vendor contract is signed
# the endpoint answers 501 so the front-end hides the button.
TELEVISIT_ENABLED = os.environ.get("FEATURE_TELEVISIT") == "1"


class VisitController(Controller):
    path = "/visits"
    guards = [requires_staff]

    @post("/{visit_id:int}/claim")
    async def submit_claim(self, visit_id: int, data: dict, claims: InsuranceClaimService) -> dict:
        claim_id = await claims.submit_claim({"visit_id": visit_id, **data})
        return {"claim_id": claim_id}

    @post("/televisit")
    async def book_televisit(self, data: dict) -> Response:
        if not TELEVISIT_ENABLED:
            return Response({"detail": "tele-visits are not enabled"}, status_code=HTTP_501_NOT_IMPLEMENTED)
        return Response({"booked": True, "slot": data.get("slot")}, status_code=201)
