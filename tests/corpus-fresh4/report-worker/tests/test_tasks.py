import pytest

from reports import render, storage, tasks


def test_generate_report_uploads_and_notifies(mocker, tmp_path):
    mocker.patch.object(tasks, "DB_PATH", str(tmp_path / "r.db"))
    put = mocker.patch.object(storage.Storage, "put", return_value="https://objects/x.html")
    notify = mocker.patch.object(tasks, "post_ready")
    mocker.patch.object(render.HtmlRenderer, "render", return_value=b"<html/>")

    url = tasks.generate_report.apply(args=("r1", "monthly"), kwargs={"fmt": "html"}).get()

    assert url == "https://objects/x.html"
    put.assert_called_once_with("r1.html", b"<html/>")
    notify.assert_called_once()


def test_unknown_format_raises():
    with pytest.raises(KeyError):
        tasks.generate_report.apply(args=("r1", "monthly"), kwargs={"fmt": "docx"}, throw=True)


def test_signed_link_roundtrip(monkeypatch):
    monkeypatch.setattr(storage, "LINK_SECRET", "unit-test-secret")
    link = storage.sign_link("k", 4102444800)
    sig = link.rsplit("sig=", 1)[1]
    assert storage.verify_link("k", 4102444800, sig)
