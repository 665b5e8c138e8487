"""The live preview: what ``bkk-site serve`` keeps across rebuilds, the content errors, the banner.

MkDocs loads the hook files anew for every rebuild, so what must outlive one build (the
generator's session, the last content errors, the compiled theme) is one ``Preview`` object,
held in ``current`` of this normally imported module from ``on_startup`` on, and only while
serving. During ``serve`` a broken save keeps the last good generated tree, prints the errors
and shows them in the browser; ``build`` still fails hard.
"""

from __future__ import annotations

import html
import json
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import jinja2.bccache

from generator.generate import Session
from generator.problems import Problem

STATUS_DIR = "_vorschau"
STATUS_FILE = "status.json"
SCRIPT_FILE = "banner.js"
BANNER_ID = "bkk-vorschau-fehler"
# Same look as banner.js: white on dark red (contrast 6.5:1), independent of the theme's CSS
BANNER_STYLE = "background:#b3261e;color:#fff;padding:12px 24px;font:15px/1.5 system-ui,sans-serif;position:relative;z-index:10"



class _QuietDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty rebuild; the preview rebuilds dirty on purpose, so say it once."""

    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def filter(self, record: logging.LogRecord) -> bool:
        if "'dirty' build" in record.getMessage():
            if self.seen:
                return False
            self.seen = True
        return True


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled theme templates kept between rebuilds; a changed template has a new checksum."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


@dataclass
class Preview:
    """Everything the live preview keeps from one rebuild to the next."""

    session: Session = field(default_factory=Session.live)  # the generator's memory between saves
    problems: list[Problem] = field(default_factory=list)  # the last save's content errors
    placeholder_url: str | None = None  # site_url while it is still a placeholder (every preview page says so)
    bytecode: _MemoryBytecodeCache = field(default_factory=_MemoryBytecodeCache)
    theme_listing: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    filtered: dict[tuple, list[str]] = field(default_factory=dict)
    search_docs: dict[str, list[dict]] = field(default_factory=dict)  # page location → its search entries

    def failed(self, found: list[Problem]) -> None:
        """Remember the errors of this save and show them in the terminal (German, with the line)."""
        self.problems = list(found)
        print("\n".join(p.format() for p in self.problems), file=sys.stderr)
        print(f"Vorschau: {len(self.problems)} Fehler – die Seiten zeigen den letzten fehlerfreien Stand. "
              "Nach dem nächsten gültigen Speichern aktualisiert sich die Vorschau von selbst.", file=sys.stderr)

    def succeeded(self) -> None:
        if self.problems:
            print("Vorschau: Fehler behoben, Seiten sind wieder aktuell.", file=sys.stderr)
        self.problems = []

    def status(self) -> dict:
        return {"ok": not self.problems, "errors": [
            {"file": p.mark.file, "line": p.mark.line, "col": p.mark.col, "message": p.message, "hint": p.hint}
            for p in self.problems]}

    def inject(self, output: str, base_url: str) -> str:
        """Add the banner script (and, while broken, the banner; while the address is a placeholder, that notice) to a built page."""
        return inject(output, base_url, launch_html(self.placeholder_url) + banner_html(self.problems))

    def write_status(self, site_dir: Path) -> None:
        """The status file and script every served page polls after a live reload."""
        folder = Path(site_dir) / STATUS_DIR
        folder.mkdir(parents=True, exist_ok=True)
        (folder / STATUS_FILE).write_text(json.dumps(self.status(), ensure_ascii=False), encoding="utf-8")
        script = (Path(__file__).parent / SCRIPT_FILE).read_text(encoding="utf-8")
        target = folder / SCRIPT_FILE
        if not target.exists() or target.read_text(encoding="utf-8") != script:
            target.write_text(script, encoding="utf-8")


current: Preview | None = None  # while ``bkk-site serve`` runs; MkDocs' hooks outlive no rebuild


def start(command: str) -> None:
    """At MkDocs' ``on_startup`` (once per ``serve`` or ``build``; every hook may call it)."""
    global current
    if command != "serve":
        current = None
    elif current is None:
        current = Preview()
        logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirtyWarning())


def banner_html(problems: list[Problem]) -> str:
    """Server-side banner for pages built while the content is broken (works without JavaScript)."""
    if not problems:
        return ""
    items = "".join(f"<li><code>{html.escape(str(p.mark))}</code> {html.escape(p.message)}</li>" for p in problems[:20])
    more = f"<li>… und {len(problems) - 20} weitere</li>" if len(problems) > 20 else ""
    return (f'<div id="{BANNER_ID}" role="alert" style="{BANNER_STYLE}">'
            f'<p style="margin:0 0 6px;font-weight:700;font-size:17px">Vorschau veraltet: der Inhalt enthält {len(problems)} Fehler</p>'
            f'<ul style="margin:0 0 6px;padding-left:20px">{items}{more}</ul><p style="margin:0">Die Seiten zeigen den letzten fehlerfreien Stand. '
            "Details stehen im Terminal; nach dem nächsten gültigen Speichern verschwindet dieser Hinweis.</p></div>")


LAUNCH_ID = "bkk-vorschau-startklar"
# White on dark amber (contrast above 9:1), like the error banner independent of the theme's CSS
LAUNCH_STYLE = "background:#5c3c00;color:#fff;padding:10px 24px;font:15px/1.5 system-ui,sans-serif;position:relative;z-index:10"


def launch_html(placeholder_url: str | None) -> str:
    """Server-side notice on every preview page while the site's address is a placeholder."""
    if placeholder_url is None:
        return ""
    shown = html.escape(placeholder_url or "(leer)")
    return (f'<div id="{LAUNCH_ID}" role="note" style="{LAUNCH_STYLE}"><p style="margin:0"><strong>Noch nicht startklar:</strong> '
            f"Die Adresse der Website (<code>site_url</code> in mkdocs.yml) ist noch der Platzhalter „{shown}“. "
            "Kurzlinks, QR-Codes und Druck-Fußzeilen führen ins Leere; die Veröffentlichung bricht ab, bis die echte Adresse eingetragen ist.</p></div>")


def inject(output: str, base_url: str, banner: str) -> str:
    """The banner first in the body, the banner script at its end."""
    script = f'<script src="{base_url}/{STATUS_DIR}/{SCRIPT_FILE}" defer></script>'
    if "<body" in output:
        head, sep, rest = output.partition("<body")
        tag_end = rest.find(">") + 1
        output = head + sep + rest[:tag_end] + banner + rest[tag_end:]
    return output.replace("</body>", script + "</body>", 1) if "</body>" in output else output + script


def speed_up(theme, live: Preview) -> None:
    """Serve only: MkDocs builds a new theme environment for every save, which recompiles
    every Material template and walks thousands of icon files. Keep both between rebuilds."""
    original = theme.get_env

    def get_env() -> jinja2.Environment:
        env = original()
        env.bytecode_cache = live.bytecode
        key = tuple(theme.dirs)
        full = env.list_templates

        def list_templates(extensions=None, filter_func=None):
            if key not in live.theme_listing:
                live.theme_listing[key] = full()
            names = live.theme_listing[key]
            if extensions is not None:
                names = [n for n in names if "." in n and n.rsplit(".", 1)[1] in extensions]
            if not filter_func:
                return list(names)
            # MkDocs' filter depends only on the theme's static templates: remember its answer too
            fkey = (key, tuple(extensions or ()), getattr(filter_func, "__code__", None), frozenset(theme.static_templates))
            if fkey not in live.filtered:
                live.filtered[fkey] = [n for n in names if filter_func(n)]
            return list(live.filtered[fkey])

        env.list_templates = list_templates
        return env

    theme.get_env = get_env


def keep_search_index(site_dir: Path, live: Preview) -> None:
    """A dirty rebuild writes a search index of only the rebuilt pages; merge it with what came before."""
    path = Path(site_dir) / "search" / "search_index.json"
    try:
        index = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    fresh: dict[str, list[dict]] = {}
    for doc in index.get("docs", []):
        fresh.setdefault(doc.get("location", "").split("#", 1)[0], []).append(doc)
    live.search_docs.update(fresh)
    index["docs"] = [doc for page in live.search_docs.values() for doc in page]
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def notice_changes_at_once(server, poll_seconds: float) -> None:
    """Swap MkDocs' polling file watcher (every 0.5 s) for the system's change notification.

    Polling scans every watched file several times a second, in the server's own process and
    while it rebuilds. Only changes count: the system also reports files being opened and
    read, and the rebuild reads every content file. Where the system has no notification (or
    the private attributes of MkDocs' server differ), keep polling, just more often.
    """
    try:
        from watchdog import events
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver

        changes = [events.FileCreatedEvent, events.FileModifiedEvent, events.FileMovedEvent, events.FileDeletedEvent,
                   events.FileClosedEvent]

        class ChangesOnly(Observer):  # type: ignore[misc, valid-type]
            def schedule(self, handler, path, recursive=False, event_filter=None):
                return super().schedule(handler, path, recursive=recursive, event_filter=event_filter or changes)

        if Observer is PollingObserver:
            raise OSError("keine Änderungsmeldungen des Systems")
        probe = ChangesOnly()
        for path in server._watched_paths:  # fails here, not later in serve(), when notification is unavailable
            probe.schedule(events.FileSystemEventHandler(), path, recursive=True)
        probe.start()
        probe.stop()
        probe.join(timeout=5)
        watched = dict(server._watched_paths)
        server.observer.unschedule_all()
        server.observer = ChangesOnly()
        server._watched_paths.clear()
        server._watch_refs.clear()
        for path, count in watched.items():
            for _ in range(count):
                server.watch(path)
    except (AttributeError, OSError, ImportError, TypeError):
        try:  # private attributes of watchdog's polling observer: best effort, the default still works
            server.observer._timeout = poll_seconds
            for emitter in list(server.observer.emitters):
                emitter._timeout = poll_seconds
        except AttributeError:
            pass
