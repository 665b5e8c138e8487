"""Ready to launch (issue 11, item 7): the placeholder address is visible in the preview, the
„Fehler melden“ link follows its setting, the offline zip is offered honestly."""

from __future__ import annotations

from generator.mkdocs import preview


def test_every_preview_page_says_so_while_the_address_is_a_placeholder():
    page = "<html><body><main>Inhalt</main></body></html>"
    live = preview.Preview(placeholder_url="https://bkk.example.org/")
    shown = live.inject(page, ".")
    assert shown.index(preview.LAUNCH_ID) < shown.index("<main>")  # first thing on the page
    assert "Noch nicht startklar:" in shown and "https://bkk.example.org/" in shown
    live.placeholder_url = None
    assert preview.LAUNCH_ID not in live.inject(page, ".")


def test_offline_zip_and_report_link_on_the_built_site(tmp_path):
    """Zip present at build time: the trainers' page links it with its real size and date, and it is
    served; „Fehler melden“ appears beside the edit button with the configured address."""
    import datetime as dt
    import os
    import zipfile

    from conftest import bkk, make_project

    root = make_project(tmp_path / "project")
    (root / "dist").mkdir()
    zipped = root / "dist" / "bkk-site-offline.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("bkk-site-offline/index.html", "x" * 1000)
    day = dt.datetime(2026, 11, 30, 12, tzinfo=dt.timezone.utc).timestamp()
    os.utime(zipped, (day, day))
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace('fehler_melden: ""', 'fehler_melden: "mailto:redaktion@bkk.test"'),
                      encoding="utf-8")
    done = bkk("build", cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    site = root / "site"
    page = (site / "seminare" / "index.html").read_text(encoding="utf-8")
    size = (zipped.stat().st_size + 999) // 1000
    assert '<a href="../downloads/bkk-site-offline.zip">Offline-Kopie herunterladen</a>' in page
    assert f"(ZIP-Datei, {size} kB, erzeugt am 30. November 2026)" in page
    assert (site / "downloads" / "bkk-site-offline.zip").read_bytes() == zipped.read_bytes()
    start = (site / "index.html").read_text(encoding="utf-8")
    assert '<a href="mailto:redaktion@bkk.test" class="bkk-report-link">Fehler melden</a>' in start
    assert "Lizenz der Inhalte und Daten:\n    noch nicht festgelegt" in start  # operator setting still empty


def test_without_zip_the_trainers_page_says_when_it_comes(content):
    from generator.generate import generate
    from generator.options import SiteOptions

    page = generate(content, None, None, SiteOptions()).files["seminare/index.md"]
    assert "wird beim Veröffentlichen erzeugt" in page
    assert "downloads/bkk-site-offline.zip" not in page
    offline = generate(content, None, None, SiteOptions(directory_urls=False)).files["seminare/index.md"]
    assert "Sie lesen gerade die Offline-Kopie" in offline


def test_report_address_must_be_web_or_mail():
    import pytest

    from generator.mkdocs.settings import report_address

    assert report_address({}) == "" and report_address({"fehler_melden": "mailto:a@b.de"}) == "mailto:a@b.de"
    with pytest.raises(ValueError, match="fehler_melden"):
        report_address({"fehler_melden": "javascript:alert(1)"})


def test_licence_file_is_named_in_the_readme():
    from conftest import ROOT

    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert "MIT License" in (ROOT / "README.md").read_text(encoding="utf-8")
