from stockroom.labels import LabelPrinter


def test_labels_require_admin_cookie(client):
    resp = client.post_json("/admin/items/SKU-1/labels", {"copies": 2}, expect_errors=True)
    assert resp.status_int == 403


def test_supplier_webhook_rejects_unsigned(client):
    client.post("/webhooks/supplier", b'{"type": "shipment.received", "lines": []}', status=401)


def test_label_printer_is_abstract():
    try:
        LabelPrinter()  # type: ignore[abstract]
    except TypeError as exc:
        assert "abstract" in str(exc)
    else:
        raise AssertionError("LabelPrinter should not be instantiable")
