import falcon

from inventory.suppliers import SupplierClient


class ReorderResource:
    def __init__(self, client: SupplierClient):
        self._client = client

    def on_post(self, req, resp):
        body = req.get_media()
        reorder_id = self._client.place_reorder(body["sku"], int(body["quantity"]))
        resp.status = falcon.HTTP_201
        resp.media = {"reorder_id": reorder_id}

    def on_get_status(self, req, resp, reorder_id: str):
        resp.media = self._client.reorder_status(reorder_id)


class LabelResource:
    """Printable shelf labels for a warehouse (PDF)."""

    def on_get(self, req, resp, warehouse_id: int):
        raise NotImplementedError("label rendering moves to the print service")
