"""Permanent links without a browser: short URLs, redirect pages, anchors, the published list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.check import published
from generator.check.validate import load_content
from generator.cli import main
from generator.extras.files import current_urls, page_paths, redirect_pages, trainer_files
from generator.model.paths import md_url, short_url
from generator.options import SiteOptions
from generator.render.pages import render_pages
from generator.render.slugs import slugify


def test_short_urls_drop_leading_zeros():
    class Item:
        label = "E-07"

    assert short_url(Item()) == "/e/7/"
    Item.label = "I-123"
    assert short_url(Item()) == "/i/123/"
    assert short_url(object()) is None


def test_md_urls():
    assert md_url("index.md") == "/"
    assert md_url("empfehlungen/index.md") == "/empfehlungen/"
    assert md_url("empfehlungen/x.md") == "/empfehlungen/x/"
    assert md_url("seminare/s/karte.md") == "/seminare/s/karte/"


@pytest.mark.parametrize(("heading", "anchor"), [
    ("Empfehlungen für diesen Akteur", "empfehlungen-fuer-diesen-akteur"),
    ("Größe & Straße", "groesse-strasse"),
    ("Wer ist gefragt?", "wer-ist-gefragt"),
    ("Über diese Seite", "ueber-diese-seite"),
])
def test_anchors_spell_out_umlauts(heading, anchor):
    assert slugify(heading) == anchor


def test_redirect_pages_work_without_javascript(trainer_content: Path):
    content = load_content(trainer_content)
    pages = redirect_pages(content, SiteOptions(site_url="https://bkk.example.org/"))
    html = pages["e/1/index.html"]
    assert '<html lang="de">' in html
    assert '<meta http-equiv="refresh" content="0; url=../../empfehlungen/frueh-austauschen/">' in html
    assert '<link rel="canonical" href="https://bkk.example.org/empfehlungen/frueh-austauschen/">' in html
    assert '<a href="../../empfehlungen/frueh-austauschen/">E-01: Früh austauschen</a>' in html
    assert "<script" not in html
    offline = redirect_pages(content, SiteOptions(directory_urls=False))
    assert "url=../../empfehlungen/frueh-austauschen.html" in offline["e/1/index.html"]


def test_former_ids_get_redirects_in_both_url_styles(trainer_content: Path):
    path = trainer_content / "empfehlungen" / "frueh-austauschen.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "former_ids: [alt-austausch]\n", encoding="utf-8")
    content = load_content(trainer_content)
    online = redirect_pages(content, SiteOptions())
    assert "url=../frueh-austauschen/" in online["empfehlungen/alt-austausch/index.html"]
    offline = redirect_pages(content, SiteOptions(directory_urls=False))
    assert "url=frueh-austauschen.html" in offline["empfehlungen/alt-austausch.html"]


def test_item_page_shows_label_copy_control_and_qr(trainer_content: Path):
    content = load_content(trainer_content)
    options = SiteOptions(site_url="https://bkk.example.org/")
    pages = render_pages(content, options)
    files = {**pages, **trainer_files(content, pages, options)}
    page = files["empfehlungen/frueh-austauschen.md"]
    assert "# E-01: Früh austauschen" in page
    assert 'permalink: "https://bkk.example.org/e/1/"' in page
    # Without JavaScript the address is readable text; the button only appears with JavaScript.
    assert '<code class="bkk-permalink__url">https://bkk.example.org/empfehlungen/frueh-austauschen/</code>' in page
    assert re.search(r'<button type="button" class="md-button bkk-copy" data-copy="https://bkk.example.org/e/1/" hidden>', page)
    assert '??? abstract "QR-Code anzeigen"' in page
    assert files["qr/empfehlungen/frueh-austauschen.svg"].startswith(b"<svg")
    assert files["qr/empfehlungen/frueh-austauschen.png"].startswith(b"\x89PNG")
    assert "# I-01: " in files["indikatoren/keine-papiere.md"]


def _published_list(tmp_path: Path, content_dir: Path) -> Path:
    listing = tmp_path / "published-urls.txt"
    published.update(listing, current_urls(load_content(content_dir)))
    return listing


def test_check_refuses_a_deleted_item_and_says_what_to_do(trainer_content: Path, tmp_path: Path, capsys):
    listing = _published_list(tmp_path, trainer_content)
    (trainer_content / "seminare" / "test-seminar.yaml").unlink()
    assert main(["check", "--content", str(trainer_content), "--published", str(listing)]) == 1
    err = capsys.readouterr().err
    line = listing.read_text(encoding="utf-8").splitlines().index("/seminare/test-seminar/") + 1
    assert f"{listing}:{line}:1: error: Die veröffentlichte Adresse /seminare/test-seminar/ gäbe es nicht mehr." in err
    assert "former_ids" in err and "status: withdrawn" in err


def test_check_refuses_a_changed_label(trainer_content: Path, tmp_path: Path, capsys):
    listing = _published_list(tmp_path, trainer_content)
    path = trainer_content / "empfehlungen" / "frueh-austauschen.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("label: E-01", "label: E-02"), encoding="utf-8")
    assert main(["check", "--content", str(trainer_content), "--published", str(listing)]) == 1
    assert "/e/1/ gäbe es nicht mehr" in capsys.readouterr().err


def test_rename_with_former_ids_and_withdrawal_pass_the_check(trainer_content: Path, tmp_path: Path):
    listing = _published_list(tmp_path, trainer_content)
    before = listing.read_text(encoding="utf-8")
    rename_and_withdraw(trainer_content)
    assert main(["check", "--content", str(trainer_content), "--published", str(listing)]) == 0
    urls = current_urls(load_content(trainer_content))
    assert published.update(listing, urls) == ["/empfehlungen/frueh-und-gemeinsam-austauschen/"]
    assert set(before.splitlines()) <= set(listing.read_text(encoding="utf-8").splitlines())  # only ever grows


def rename_and_withdraw(content: Path) -> None:
    """The editing from the issue: rename E-01 (keeping its old id) and withdraw I-01 in favour of I-02."""
    old = content / "empfehlungen" / "frueh-austauschen.yaml"
    text = old.read_text(encoding="utf-8").replace("id: frueh-austauschen", "id: frueh-und-gemeinsam-austauschen")
    (content / "empfehlungen" / "frueh-und-gemeinsam-austauschen.yaml").write_text(
        text + "former_ids: [frueh-austauschen]\n", encoding="utf-8")
    old.unlink()
    seminar = content / "seminare" / "test-seminar.yaml"
    seminar.write_text(seminar.read_text(encoding="utf-8").replace(
        "empfehlungen/frueh-austauschen", "empfehlungen/frueh-und-gemeinsam-austauschen"), encoding="utf-8")
    cat = content / "indikatoren" / "dokumente.yaml"
    cat.write_text(cat.read_text(encoding="utf-8").replace(
        "    label: I-01\n", "    label: I-01\n    status: withdrawn\n    replaced_by: fremde-papiere\n"), encoding="utf-8")


def test_the_published_check_knows_every_page_without_rendering(trainer_content: Path):
    content = load_content(trainer_content)
    pages = render_pages(content, SiteOptions())
    rendered = {path for path in pages if path.endswith(".md")}
    assert set(page_paths(content)) == rendered
    assert {"/e/1/", "/empfehlungen/frueh-austauschen/", "/seminare/", "/daten/"} <= current_urls(content)
