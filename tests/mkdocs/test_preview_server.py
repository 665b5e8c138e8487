"""The live preview survives a broken save: last good pages stay, errors show, the next save recovers.

Runs the real ``bkk-site serve`` on a free 127.0.0.1 port. It polls with generous timeouts and
asserts behaviour only; how fast a save shows up is measured by ``make bench-preview``.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from bench.preview import PreviewServer, set_title

FIXTURE = Path(__file__).parent.parent / "fixtures" / "content"
PAGE = "/empfehlungen/frueh-austauschen/"


def _status(server: PreviewServer) -> dict:
    status, body = server.get("/_vorschau/status.json")
    assert status == 200
    return json.loads(body)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    with PreviewServer(FIXTURE, workdir=tmp_path_factory.mktemp("preview")) as running:
        running.wait_for(PAGE, lambda body: "Früh austauschen" in body, timeout=240)
        yield running


def test_serves_pages_with_the_banner_script(server: PreviewServer) -> None:
    body = server.wait_for(PAGE, lambda body: True)
    assert "_vorschau/banner.js" in body
    assert _status(server) == {"ok": True, "errors": []}
    status, script = server.get("/_vorschau/banner.js")
    assert status == 200 and "status.json" in script


def test_a_valid_save_updates_the_page(server: PreviewServer) -> None:
    set_title(server.content / "empfehlungen" / "frueh-austauschen.yaml", "Früh und gemeinsam austauschen")
    server.wait_for(PAGE, lambda body: "Früh und gemeinsam austauschen" in body)
    # The overview lists the new title too (it depends on the item), and search knows every page.
    server.wait_for("/empfehlungen/", lambda body: "Früh und gemeinsam austauschen" in body)
    _, index = server.get("/search/search_index.json")
    locations = {doc["location"].split("#")[0] for doc in json.loads(index)["docs"]}
    assert {"empfehlungen/frueh-austauschen/", "akteure/polizei/", "ueber/"} <= locations
    # One save, one rebuild: the rebuild reads every content file, and reading is not a change.
    builds = server.output().count("Building documentation")
    time.sleep(2)
    assert server.output().count("Building documentation") == builds, "the server keeps rebuilding without a save"


def test_broken_save_keeps_serving_and_recovers(server: PreviewServer) -> None:
    item = server.content / "empfehlungen" / "frueh-austauschen.yaml"
    good = item.read_text(encoding="utf-8")
    item.write_text(good.replace("provenance: bkk", "provenance: bkkk").replace("title: ", "title: Kaputt "), encoding="utf-8")
    broken = json.loads(server.wait_for("/_vorschau/status.json", lambda body: '"ok": false' in body, timeout=120))
    [error] = broken["errors"]
    assert error["file"].endswith("frueh-austauschen.yaml") and "bkkk" in error["message"]
    assert server.alive()
    body = server.wait_for(PAGE, lambda body: True)
    assert "Kaputt" not in body  # the last good page stays
    assert "_vorschau/banner.js" in body
    log = server.output()
    assert re.search(r"frueh-austauschen\.yaml:\d+:\d+: error: .*bkkk", log)
    assert "Vorschau: 1 Fehler" in log

    item.write_text(good.replace("title: ", "title: Repariert "), encoding="utf-8")
    server.wait_for(PAGE, lambda body: "Repariert" in body)
    assert _status(server) == {"ok": True, "errors": []}
    assert server.alive()
    assert "Fehler behoben" in server.output()
