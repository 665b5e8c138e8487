"""Issue 11, contacts in all 16 Länder: on the built site every Land page names a sourced
counselling point or says plainly that none is known and points to the national numbers, and
every phone number is a ``tel:`` link with a "Stand" date beside it."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import FIXTURE, ROOT, bkk, make_project

from generator.check.validate import load_content
from generator.render.phone import tel_href

TEL = re.compile(r'<a [^>]*href="tel:([^"]+)"[^>]*>(.*?)</a>', re.S)
# what reads as a phone number: a German number with area code, or a 116 short number
PHONE_TEXT = re.compile(r"(?<![\d.,/])(?:\+49\s?(?:\(0\))?\s?\d|0\d{2,5}[\s/-]?\d)[\d\s/-]{3,}\d(?![\d.,])|\b116\s?\d{3}\b")
STAND_WINDOW = 400


def _article(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return text[text.index("<article"):text.index("</article>")]


def _visible(fragment: str) -> str:
    fragment = re.sub(r"<(script|style)\b.*?</\1>", " ", fragment, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def _help_targets() -> set[str]:
    """The national help numbers: their source and Stand date stand on /hilfe/ (tests/test_action_pages.py)."""
    help_info = load_content(ROOT / "content").single("help")
    return {line.tel for line in help_info.lines if line.tel} if help_info else set()


def phone_problems(page: Path, help_targets: frozenset[str] = frozenset()) -> list[str]:
    """Phone numbers not shown as tel: links, and tel: links without a Stand date nearby
    (a national help number may stand without one: its source and date are on /hilfe/)."""
    body = _article(page)
    found = []
    for match in TEL.finditer(body):
        if match.group(1) in help_targets:
            continue
        around = _visible(body[max(0, match.start() - STAND_WINDOW):match.end() + STAND_WINDOW])
        if "Stand" not in around:
            found.append(f"{page}: tel:{match.group(1)} ohne „Stand“ daneben")
    for number in PHONE_TEXT.findall(re.sub(r"https?://\S+", " ", _visible(TEL.sub(" ", body)))):  # not inside a URL
        found.append(f"{page}: Telefonnummer „{number.strip()}“ ist kein tel:-Link")
    return found


@pytest.fixture(scope="module")
def site(shipped_site) -> Path:
    return shipped_site


def test_every_land_page_names_a_sourced_contact_or_says_none_and_links_help(site: Path):
    content = load_content(ROOT / "content")
    lands = content.active("land")
    assert len(lands) == 16
    for land in lands:
        body = _article(site / "laender" / land.id / "index.html")
        text = " ".join(_visible(body).split())
        services = [s for s in content.active("service") if s.land == land.id]
        if services:
            for service in services:
                assert f'href="../../beratungsstellen/{service.id}/"' in body, (land.id, service.id)
                assert service.sources
        else:
            assert f"Uns ist noch keine Beratungsstelle in {land.name} aus einer Quelle bekannt." in text, land.id
        assert 'href="../../hilfe/"' in body, land.id
        assert 'href="https://bkk.ecpat.de"' in body, land.id
        assert "servicestelle-gegen-zwangsarbeit.de" in body, land.id
        if not land.instruments:
            assert "Nicht gefunden:" in text, land.id


def test_all_sixteen_laender_have_a_sourced_centre(site: Path):
    """The research found centres in every Land; losing one must be deliberate."""
    content = load_content(ROOT / "content")
    with_centre = {s.land for s in content.active("service")}
    assert with_centre == {land.id for land in content.active("land")}


def test_no_phone_number_on_the_built_site_without_tel_link_and_stand(site: Path):
    targets = frozenset(_help_targets())
    assert "110" in targets  # the exemption covers the help numbers only
    problems = [p for page in sorted(site.rglob("*.html")) if "<article" in page.read_text(encoding="utf-8")
                for p in phone_problems(page, targets)]
    assert not problems, "\n".join(problems[:20])


def test_phone_check_catches_a_bare_number_and_a_missing_date(tmp_path: Path):
    page = tmp_path / "p.html"
    page.write_text('<article><p>Ruf an: 030 440 63 73</p><p><a href="tel:+4940123">040 123</a></p></article>')
    assert len(phone_problems(page)) == 2


def test_contact_renders_as_tel_link_with_stand_on_the_built_page(tmp_path: Path):
    overlay = tmp_path / "overlay" / "beratungsstellen"
    overlay.mkdir(parents=True)
    service = (FIXTURE / "beratungsstellen" / "fbs-berlin.yaml").read_text(encoding="utf-8")
    (overlay / "fbs-berlin.yaml").write_text(
        service + "phone: +49 (0)40 67999757\nemail: info@example.org\nchecked: 2026-11-20\ncontact_source: ecpat-2021\n",
        encoding="utf-8")
    root = make_project(tmp_path / "project", FIXTURE, tmp_path / "overlay")
    done = bkk("build", cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    page = root / "site" / "beratungsstellen" / "fbs-berlin" / "index.html"
    body = _article(page)
    assert '<a href="tel:+494067999757">+49 (0)40 67999757</a>' in body
    assert 'href="mailto:info@example.org"' in body
    assert "Stand: 20. November 2026" in _visible(body)
    assert not phone_problems(page)


@pytest.mark.parametrize(("number", "href"), [
    ("030 440 63 73", "tel:+49304406373"),
    ("+49 (0)40 67999757", "tel:+494067999757"),
    ("0049 391 99977850", "tel:+4939199977850"),
    ("0800 22 55 530", "tel:+498002255530"),
    ("116 111", "tel:116111"),
    ("110", "tel:110"),
])
def test_tel_href_is_e164(number: str, href: str):
    assert tel_href(number) == href


def test_laender_map_and_table_show_the_counts(content: Path):
    from generator.render.laender_map import laender_map
    from generator.render.pages import render_pages

    c = load_content(content)
    svg = str(laender_map(c, "laender/index.md"))
    assert "1 Beratungsstelle, davon 1 für Minderjährige" in svg  # read out with the tile
    assert ">1 Stelle</text>" in svg  # and shown in it
    table = render_pages(c)["laender/index.md"]
    assert re.search(r"\| \[Berlin\]\(berlin\.md\) \| 1 \| 1 \(1\) \|", table)
    assert "– (keine bekannt)" in table  # Bremen has no centre in the fixture
