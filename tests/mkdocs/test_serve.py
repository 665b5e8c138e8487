"""Live preview: saving a YAML file changes the served page without a restart."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, timeout: float = 120) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if text in fetch(url):
            return True
        time.sleep(0.3)
    return False


def test_saving_yaml_updates_the_served_page(content):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--content", str(content), "--addr", f"127.0.0.1:{port}"],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/empfehlungen/frueh-austauschen/"
    try:
        assert wait_for(url, "Früh austauschen"), "server did not come up"
        path = content / "empfehlungen/frueh-austauschen.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("title: Früh austauschen", "title: Sofort gemeinsam handeln"),
                        encoding="utf-8")
        assert wait_for(url, "Sofort gemeinsam handeln"), "page did not change after saving"
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert not port_open(port), "stopping bkk-site serve left the preview server running"


def port_open(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0
