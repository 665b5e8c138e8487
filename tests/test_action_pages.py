"""Issue 11, from suspicion to the next step, checked on the built site of the real content:
„Verdacht – was tun?“ with every step's basis, one checklist per role, help numbers as tel:
links with source and date on every page they appear, the header's help entry, the pages for
young people and in Leichte Sprache. And the content checks that keep those pages honest."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from generator.check.validate import load_content
from generator.model.items import PROVENANCE_LABELS
from generator.problems import ContentError
from generator.render.pages import german_date

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
REQUIRED_ROLES = {"schule", "kita-jugendhilfe", "gesundheitswesen", "polizei", "jugendamt", "ehrenamt-sport-verein"}


@pytest.fixture(scope="module")
def model():
    return load_content(CONTENT)


@pytest.fixture(scope="module")
def site(shipped_site) -> Path:
    return shipped_site


class _Page(HTMLParser):
    """Text of a page, split into text inside ``tel:`` links and text outside them, plus links."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str]] = []
        self.outside: list[str] = []
        self.tel: list[tuple[str, str]] = []  # (href, link text)
        self.inputs: list[dict[str, str]] = []
        self._in_tel: list[str] = []
        self._skip = 0
        self._tel_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "a":
            self.links.append(a)
            if a.get("href", "").startswith("tel:"):
                self._in_tel.append(a["href"])
                self._tel_text = []
        if tag == "input":
            self.inputs.append(a)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if tag == "a" and self._in_tel:
            self.tel.append((self._in_tel.pop(), "".join(self._tel_text).strip()))

    def handle_data(self, data):
        if self._skip:
            return
        if self._in_tel:
            self._tel_text.append(data)
        else:
            self.outside.append(data)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def text_of(path: Path, article: bool = False) -> str:
    """The page's visible text outside tel: links; with ``article`` only the page's own content."""
    page = _Page()
    html = path.read_text(encoding="utf-8")
    page.feed(html[html.index("<article"):html.index("</article>")] if article else html)
    return " ".join("".join(page.outside).split())


def test_content_has_the_roles_the_site_promises(model):
    assert {r.id for r in model.single("suspicion").roles} >= REQUIRED_ROLES


def test_verdacht_page_shows_every_step_with_its_basis_and_provenance(site, model):
    text = text_of(site / "verdacht" / "index.html")
    for step in model.single("suspicion").steps:
        assert step.title in text
        assert f"Grundlage: {step.basis} · {PROVENANCE_LABELS[step.provenance]}" in text
    assert "nicht durch eine Quelle bestätigt" in text  # the unsourced steps say so
    assert "Was wir nicht belegen konnten" in text and "Loverboy" in text


def test_each_role_checklist_has_signs_steps_help_and_room_for_the_jugendamt(site, model):
    for role in model.single("suspicion").roles:
        page = parse(site / "verdacht" / role.id / "index.html")
        text = " ".join("".join(page.outside).split())
        steps = model.single("suspicion").steps_for(role.id)
        boxes = [i for i in page.inputs if i.get("type") == "checkbox" and i.get("name", "").startswith(("anzeichen-", "schritt-"))]
        assert len(boxes) == len(role.indicators) + len(steps), role.id
        for indicator in role.indicators:
            assert model.items("indicator")[indicator].label in text
        assert "Unser Jugendamt (Name, Telefon):" in text
        assert any(i.get("type") == "text" and i.get("name") == "jugendamt" for i in page.inputs)
        html = (site / "verdacht" / role.id / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<button type="button" class="[^"]*bkk-print-button"[^>]*hidden>Drucken / als PDF speichern</button>', html)
        assert "im Menü Ihres Browsers „Drucken“" in text  # what readers without script see
        assert ("tel:110", "110") in page.tel


def test_role_checklists_are_linked_from_their_actor_pages_and_the_start_page(site, model):
    for role in model.single("suspicion").roles:
        for actor in role.actors:
            hrefs = [a.get("href", "") for a in parse(site / "akteure" / actor / "index.html").links]
            assert f"../../verdacht/{role.id}/" in hrefs, (actor, role.id)
    start = parse(site / "index.html")
    article = [a.get("href") for a in start.links if a.get("href") not in (None, "#__skip")]
    content_links = article[article.index("verdacht/") - 1:]  # the first link in the article is the suspicion page
    assert "verdacht/" in content_links[:3]


def test_every_help_number_on_the_site_is_a_tel_link(site, model):
    lines = [x for x in model.single("help").lines if x.tel]
    pages = sorted(site.rglob("*.html"))
    seen = 0
    for path in pages:
        page = parse(path)
        outside = " ".join("".join(page.outside).split())
        for line in lines:
            if len(line.number) > 3:  # "110" also stands in unrelated text (paragraph numbers, counts)
                assert line.number not in outside, f"{path.relative_to(site)}: {line.number} ohne tel:-Link"
        for href, shown in page.tel:
            line = next((x for x in lines if x.number == shown), None)
            assert line is not None, f"{path.relative_to(site)}: tel:-Link {href} ({shown}) steht nicht in content/hilfe.yaml"
            assert href == f"tel:{line.tel}"
            assert re.fullmatch(r"tel:(\+[1-9]\d{6,14}|11\d{1,4})", href)
            seen += 1
    assert seen > len(pages)  # the header's emergency link alone is on every page


def test_help_page_gives_source_and_date_beside_every_number(site, model):
    html = (site / "hilfe" / "index.html").read_text(encoding="utf-8")
    for line in model.single("help").lines:
        start = html.index(f'id="{line.id}"') if not line.emergency else html.index("Bei akuter Gefahr")
        block = " ".join(re.sub(r"<[^>]+>", " ", html[start:start + 3000]).split())
        assert f"Stand: {german_date(line.checked)}" in block, line.id
        assert "Quelle:" in block
        assert f'href="tel:{line.tel}"' in html[start:start + 3000]
    text = text_of(site / "hilfe" / "index.html")
    assert "Die Adresse dieses Angebots ist in unseren Quellen nicht belegt" in text  # KOK's online contact point
    assert "../laender/" in [a.get("href") for a in parse(site / "hilfe" / "index.html").links]


def test_header_help_entry_and_leichte_sprache_on_every_page(site):
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if "md-header" not in html:  # redirect stubs
            continue
        header = html[html.index('class="md-header'):html.index("</header>")]
        href = re.search(r'class="bkk-header-help__link" href="([^"]*)"', header).group(1)
        here = "/" + path.relative_to(site).as_posix().removesuffix("index.html")
        english = here.startswith("/en/")
        assert urljoin(here, href) == ("/en/help/" if english else "/hilfe/"), path
        assert 'href="tel:110"' in header, path
        ls = re.search(r'class="bkk-header-help__link bkk-header-help__ls" href="([^"]*)"', header)
        if english:  # Leichte Sprache is German: the English header leaves it out
            assert ls is None, path
        else:
            assert urljoin(here, ls.group(1)) == "/leichte-sprache/", path


def test_young_people_page_speaks_du_and_names_free_anonymous_help(site, model):
    text = text_of(site / "jugendliche" / "index.html")
    assert "Bist du in Gefahr?" in text and "Es ist nicht deine Schuld." in text
    assert not re.search(r"\b(Sie|Ihnen|Ihr)\b", text.split("Hier kannst du anrufen")[0])  # du-form, not Sie
    tel = parse(site / "jugendliche" / "index.html").tel
    assert ("tel:116111", "116 111") in tel
    assert "Anonym und kostenlos" in text
    young = model.single("help").young_people
    for sentence in re.split(r"(?<=[.!?])\s+", " ".join([young.intro, *[s.text for s in young.signs]])):
        assert len(sentence.split()) <= 16, f"zu langer Satz: {sentence}"


def test_leichte_sprache_pages_exist_link_each_other_and_say_dgs_is_missing(site):
    pages = {name: site / "leichte-sprache" / name / "index.html" for name in ("navigation", "barrierefreiheit")}
    pages["index"] = site / "leichte-sprache" / "index.html"
    for path in pages.values():
        assert path.exists()
    text = text_of(pages["index"])
    assert "Diese Website gibt es noch nicht in Deutscher Gebärden-Sprache." in text
    assert "Menschen haben die Website noch nicht ganz geprüft." in text_of(pages["barrierefreiheit"])
    for path in pages.values():  # Leichte Sprache: short sentences, one statement each
        html = path.read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        blocks = re.sub(r"<[^>]+>", " ", re.sub(r"</?(p|li|h[1-6]|div|br)\b[^>]*>", "\n", article)).replace("¶", "")
        sentences = [s for block in blocks.split("\n") for s in re.split(r"(?<=[.!?:])\s+", " ".join(block.split())) if s]
        long = [s for s in sentences if len(s.split()) > 12]
        assert not long, long


# Content checks: each one must be able to fail on a real mistake.

@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def _problems(content: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_content(content)
    return [p.format(snippet=False) for p in info.value.problems]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_step_without_sources_must_say_it_is_unverified(content_copy):
    _edit(content_copy / "verdacht.yaml", "    sources: [polizei-aachen-notruf]\n    provenance: related\n", "    provenance: related\n")
    found = _problems(content_copy)
    assert any("verdacht.yaml:" in p and "provenance: unverified" in p for p in found), found


def test_a_help_number_and_its_tel_link_must_agree(content_copy):
    _edit(content_copy / "hilfe.yaml", 'tel: "+498002255530"', 'tel: "+498002255531"')
    found = _problems(content_copy)
    assert any(re.search(r"hilfe\.yaml:\d+:\d+: error: .*nicht dieselbe Nummer", p) for p in found), found


def test_a_step_for_an_unknown_role_is_refused(content_copy):
    _edit(content_copy / "verdacht.yaml", "roles: [kita-jugendhilfe]", "roles: [kita]")
    found = _problems(content_copy)
    assert any("unbekannte Rolle „kita“" in p for p in found), found


def test_a_checklist_sign_must_be_an_existing_indicator(content_copy):
    _edit(content_copy / "verdacht.yaml", "indicators: [schulleistungen-fallen,", "indicators: [schulleistung-faellt,")
    found = _problems(content_copy)
    assert any("verdacht.yaml:" in p and "schulleistung-faellt" in p for p in found), found


def test_check_warns_at_the_line_of_a_help_number_not_checked_for_a_year(content_copy):
    import datetime as dt

    from generator.check.advice import advise

    model = load_content(content_copy)
    later = max(x.checked for x in model.single("help").lines) + dt.timedelta(days=400)
    warnings = [p.format(snippet=False) for p in advise(model, content_copy, today=later) if "mit ihrer Quelle" in p.message]
    assert len(warnings) == len(model.single("help").lines)
    line = next(n for n, text in enumerate((content_copy / "hilfe.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if text.strip().startswith("checked:"))
    assert any(re.search(rf"hilfe\.yaml:{line}:\d+: warning: Die Nummer „Polizei-Notruf“", w) for w in warnings), warnings
    assert not [p for p in advise(model, content_copy, today=later - dt.timedelta(days=380)) if "mit ihrer Quelle" in p.message]
