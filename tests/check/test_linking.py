"""Which item pages link to which, from the model (``model/linking.py``), is what the rendered pages say.

The oracle is the text scan ``bkk-site check`` used to run over the rendered site: every Markdown
link on a page of an item (overviews, the pages of no single item, do not count) to the page of
another item. The check stage never renders; only this test does, to prove the model's answer.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.check.advice import unlinked_items
from generator.check.validate import load_content
from generator.model.content import Content, Key
from generator.model.kinds import ALL_KINDS
from generator.model.linking import inbound
from generator.model.paths import own_page_kinds, page_path
from generator.render.pages import page_specs, render_pages

FIXTURE = Path(__file__).parent.parent / "fixtures" / "content"
SHIPPED = FIXTURE.parent.parent.parent / "content"
_MD_LINK = re.compile(r"\]\(([^)\s#]+)(?:#[^)\s]*)?\)")


def rendered_inbound(content: Content) -> dict[str, set[Key]]:
    """Every linked item page with the items whose rendered pages link to it."""
    specs = {spec.path: spec for spec in page_specs(content)}
    item_pages = {page_path(kind, item_id): (kind, item_id) for kind in own_page_kinds() for item_id in content.items(kind)}
    kind_of = {kind.model: name for name, kind in ALL_KINDS.items()}
    found: dict[str, set[Key]] = defaultdict(set)
    for here, text in render_pages(content).items():
        item = specs[here].context.get("item")
        if item is None:  # an overview
            continue
        source = (kind_of[type(item)], item.id)
        for match in _MD_LINK.finditer(text):
            target = match.group(1)
            if "://" in target or target.startswith(("mailto:", "/")):
                continue
            page = posixpath.normpath(posixpath.join(posixpath.dirname(here), target))
            if item_pages.get(page) not in (None, source):
                found[page].add(source)
    return dict(found)


def _warned(content: Content) -> set[str]:
    return {p.message.split("„", 1)[1].split("“", 1)[0] for p in unlinked_items(content)}


@pytest.mark.parametrize("root", [SHIPPED, FIXTURE], ids=["shipped", "fixture"])
def test_the_model_knows_which_pages_link_to_which_item_page(root: Path) -> None:
    if not root.is_dir():
        pytest.skip("no shipped content in this checkout")
    content = load_content(root)
    model, rendered = inbound(content), rendered_inbound(content)
    assert set(model) == set(rendered)  # the set of linked item pages …
    assert model == rendered  # … and, for each, which items link to it


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _add(path: Path, text: str) -> None:
    path.write_text((path.read_text(encoding="utf-8") if path.exists() else "") + text, encoding="utf-8")


@pytest.fixture
def unlinked(tmp_path: Path) -> Path:
    """The fixture with the indicator „keine-papiere“ and the recommendation „frueh-austauschen“ linked by no item's page."""
    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    _edit(root / "indikatoren" / "dokumente.yaml", "    exploitation_forms: [sexuelle-ausbeutung]\n    actors: [polizei]\n", "")
    _edit(root / "seminare" / "test-seminar.yaml", "  - empfehlungen/frueh-austauschen\n  - indikatoren/keine-papiere\n", "")
    (root / "akteure" / "ehemals.yaml").write_text(  # an actor's withdrawn page lists nothing
        "id: ehemals\ntitle: Ehemaliger Akteur\nlevel: state\nsummary: Gibt es nicht mehr.\nrole: Keine.\n"
        "status: withdrawn\nsources: [ecpat-2021]\nprovenance: bkk\n", encoding="utf-8")
    _edit(root / "empfehlungen" / "frueh-austauschen.yaml", "actors: [jugendamt, polizei]\nphases: [erkennen]\n", "actors: [ehemals]\n")
    return root


HELP = """id: hilfe
title: Hilfe
intro: Hier gibt es Hilfe.
lines:
  - id: notruf
    name: Polizei-Notruf
    audience: Alle
    number: "110"
    tel: "110"
    offer: Rund um die Uhr.
    emergency: true
    checked: 2026-01-01
    sources: [ecpat-2021]
    provenance: related
young_people:
  intro: Du bist nicht allein.
  signs:
    - text: Jemand nimmt dir deinen Ausweis weg.
      indicators: [keine-papiere]
  not_your_fault: Es ist nicht deine Schuld.
  not_your_fault_sources: [ecpat-2021]
sources: [ecpat-2021]
provenance: related
"""

SUSPICION = """id: verdacht
title: Verdacht – was tun?
intro: Was Sie tun können.
steps:
  - id: austauschen
    title: Austauschen
    short: Austauschen.
    text: Tauschen Sie sich aus.
    basis: Fachpraxis
    recommendations: [frueh-austauschen]
    sources: [ecpat-2021]
    provenance: related
roles:
  - id: schule
    title: Schule
    audience: Lehrkräfte
    indicators: [keine-papiere]
sources: [ecpat-2021]
provenance: related
"""

LINK = "[Papiere](../indikatoren/keine-papiere.md)"
INDICATORS = "indikatoren/dokumente.yaml"
RECOMMENDATION = "empfehlungen/frueh-austauschen.yaml"
SEMINAR = "seminare/test-seminar.yaml"
GLOSSARY = "glossar/inobhutnahme.yaml"


def _steps_not_checklist(root: Path) -> None:
    _add(root / "hilfe.yaml", HELP.replace("[keine-papiere]", "[fremde-papiere]"))
    _add(root / "verdacht.yaml", SUSPICION)


def _link_on_an_overview_only(root: Path) -> None:
    _edit(root / SEMINAR, "  - glossar/inobhutnahme\n", "")  # the glossary term is then shown on the glossary only
    _edit(root / GLOSSARY, "des Jugendamts.", f"des Jugendamts, etwa bei fehlenden {LINK}.")


# One way each for a page to link an item: (what, the change, the item it links; the other stays unlinked).
VARIANTS: list[tuple[str, Callable[[Path], None], str | None]] = [
    ("actor page lists it", lambda r: _edit(r / INDICATORS, "    sources:", "    actors: [polizei]\n    sources:"), "keine-papiere"),
    ("exploitation form page lists it", lambda r: _edit(r / INDICATORS, "    sources:", "    exploitation_forms: [sexuelle-ausbeutung]\n    sources:"),
     "keine-papiere"),
    ("phase page lists it", lambda r: _add(r / RECOMMENDATION, "phases: [erkennen]\n"), "frueh-austauschen"),
    ("legal norm page names it", lambda r: _add(r / RECOMMENDATION, "legal_norms: [stgb-232]\n"), "frueh-austauschen"),
    ("seminar handout", lambda r: _edit(r / SEMINAR, "items:\n", "items:\n  - indikatoren/keine-papiere\n"), "keine-papiere"),
    ("video chapter", lambda r: _add(r / "video.yaml", 'chapters:\n  - start: "00:10"\n    title: Austausch\n'
                                                       "    pages: [empfehlungen/frueh-austauschen]\n"), "frueh-austauschen"),
    ("link in a text of another item", lambda r: _edit(r / "akteure" / "polizei.yaml", "role: Die Polizei ermittelt.",
                                                       f"role: Die Polizei ermittelt, etwa bei fehlenden {LINK}."), "keine-papiere"),
    ("link in a text a handout shows", lambda r: _edit(r / GLOSSARY, "des Jugendamts.", f"des Jugendamts, etwa bei fehlenden {LINK}."),
     "keine-papiere"),
    ("withdrawn predecessor", lambda r: _add(r / "indikatoren" / "kontrolle.yaml",
                                             "  - id: alte-papiere\n    label: I-09\n    text: Alt.\n    status: withdrawn\n"
                                             "    replaced_by: keine-papiere\n    sources: [ecpat-2021]\n    provenance: related\n"),
     "keine-papiere"),
    ("page for young people", lambda r: _add(r / "hilfe.yaml", HELP), "keine-papiere"),
    ("steps link, the checklist does not", _steps_not_checklist, "frueh-austauschen"),
    ("link on an overview only", _link_on_an_overview_only, None),
    ("link in another edition's text only", lambda r: _add(r / "akteure" / "polizei.yaml", f"en:\n  role: The police investigate {LINK}.\n"),
     None),
]


def test_without_its_links_an_item_is_warned_about(unlinked: Path) -> None:
    content = load_content(unlinked)
    assert _warned(content) == {"keine-papiere", "frueh-austauschen"}
    assert inbound(content) == rendered_inbound(content)


@pytest.mark.parametrize(("change", "linked"), [v[1:] for v in VARIANTS], ids=[v[0] for v in VARIANTS])
def test_each_kind_of_link_counts_as_the_rendered_pages_say(unlinked: Path, change: Callable[[Path], None], linked: str | None) -> None:
    change(unlinked)
    content = load_content(unlinked)
    assert inbound(content) == rendered_inbound(content)
    assert _warned(content) == {"keine-papiere", "frueh-austauschen"} - {linked}
