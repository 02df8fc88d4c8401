import unittest
from unittest import mock

import requests

from fleet.config import Config
from fleet.inventory import InventoryClient


def _response(status: int, payload: dict) -> requests.Response:
    resp = requests.Response()
    resp.status_code = status
    resp._content = requests.compat.json.dumps(payload).encode()
    resp.headers["Content-Type"] = "application/json"
    return resp


class InventoryClientTest(unittest.TestCase):
    def setUp(self):
        self.session = mock.create_autospec(requests.Session, instance=True)
        self.session.headers = {}
        self.client = InventoryClient(Config(inventory_url="https://inventory.test/api/v2/", inventory_token="t"), self.session)

    def test_follows_pagination(self):
        self.session.get.side_effect = [
            _response(200, {"results": [{"name": "a"}], "next": "https://inventory.test/api/v2/hosts?page=2"}),
            _response(200, {"results": [{"name": "b"}], "next": None}),
        ]
        names = [h["name"] for h in self.client.hosts(role="web")]
        self.assertEqual(names, ["a", "b"])
        self.assertEqual(self.session.get.call_args_list[0].kwargs["params"], {"role": "web"})
        self.assertEqual(self.session.get.call_args_list[1].kwargs["params"], {})

    def test_report_state_raises_on_error(self):
        self.session.patch.return_value = _response(500, {"detail": "boom"})
        with self.assertRaises(requests.HTTPError):
            self.client.report_state("web-1", "drained")


if __name__ == "__main__":
    unittest.main()
