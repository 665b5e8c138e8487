"""Ready to launch (issue 11, item 7): the placeholder address is visible in the preview, the
„Fehler melden“ link follows its setting, the offline zip is offered honestly."""

from __future__ import annotations

from generator.site import preview


def test_every_preview_page_says_so_while_the_address_is_a_placeholder(monkeypatch):
    page = "<html><body><main>Inhalt</main></body></html>"
    monkeypatch.setattr(preview, "placeholder_url", "https://bkk.example.org/")
    monkeypatch.setattr(preview, "problems", [])
    shown = preview.inject(page, ".")
    assert shown.index(preview.LAUNCH_ID) < shown.index("<main>")  # first thing on the page
    assert "Noch nicht startklar:" in shown and "https://bkk.example.org/" in shown
    monkeypatch.setattr(preview, "placeholder_url", None)
    assert preview.LAUNCH_ID not in preview.inject(page, ".")
