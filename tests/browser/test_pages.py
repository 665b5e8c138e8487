"""Every built page, at desktop and phone size: no axe-core violation (WCAG 2.1 A/AA and
best practice), no request to another host, no console error, no broken local request.

axe-core dominates the run time, so a few tabs work through the page list at once (Playwright's
async API in a thread of its own, one browser).
"""

from __future__ import annotations

import asyncio
import threading

import pytest

from .conftest import AXE, CHROMIUM, FLAGS, VIEWPORTS, Recorder

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
TABS = 3

# Resource hints and embedded elements that would reach another host (some open connections
# without a request event, so the DOM is scanned as well). The canonical link is only a name.
DOM_SCAN = """() => {
  const out = [];
  const check = (url, what) => {
    try { const u = new URL(url, location.href);
          if (/^(https?|wss?):$/.test(u.protocol) && u.origin !== location.origin) out.push(what + " " + u.href); }
    catch (e) {}
  };
  document.querySelectorAll("link[href]:not([rel=canonical])").forEach(l => check(l.href, "link[" + l.rel + "]"));
  document.querySelectorAll("[src]").forEach(e => check(e.getAttribute("src"), e.tagName.toLowerCase()));
  document.querySelectorAll("object[data]").forEach(e => check(e.getAttribute("data"), "object"));
  return out;
}"""
AXE_RUN = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"


async def _check_page(page, recorder: Recorder, url: str, path: str) -> list[str]:
    recorder.reset()
    await page.goto(url, wait_until="load")
    await page.wait_for_function("() => typeof axe !== 'undefined' && document.readyState === 'complete'")
    found = []
    lang = "en" if path.startswith("/en/") else "de"  # the English edition lives below /en/
    not_found = path.endswith("/404.html")
    if not not_found and await page.evaluate("document.documentElement.lang") != lang:
        found.append(f"<html lang> ist nicht „{lang}“")
    result = await page.evaluate(AXE_RUN, AXE_TAGS)
    found += [f"axe {v['id']} ({v['impact']}): {v['help']} – " + "; ".join(str(n["target"]) for n in v["nodes"][:3])
              for v in result["violations"]]
    found += [f"Anfrage an anderen Host: {u}" for u in recorder.third_party]
    found += [f"anderer Host im DOM: {u}" for u in await page.evaluate(DOM_SCAN)]
    found += recorder.errors + ([] if not_found else [f"HTTP {b}" for b in recorder.broken])
    return found


async def _audit(origin: str, paths: list[str], viewport: str) -> list[str]:
    from playwright.async_api import async_playwright

    width, height = VIEWPORTS[viewport]
    mobile = viewport == "mobile"
    problems: list[str] = []
    queue: asyncio.Queue[str] = asyncio.Queue()
    for path in paths:
        queue.put_nowait(path)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)

        async def worker() -> None:
            recorder = Recorder(origin)
            context = await browser.new_context(viewport={"width": width, "height": height}, is_mobile=mobile,
                                                has_touch=mobile, locale="de-DE", service_workers="block")
            await context.add_init_script(path=str(AXE))

            async def block(route) -> None:
                recorder.third_party.append(route.request.url)
                await route.abort("blockedbyclient")

            await context.route(lambda url: not recorder.own(url), block)
            page = await context.new_page()
            page.on("console", lambda m: recorder.errors.append(f"Konsole: {m.text}")
                    if m.type == "error" and "ERR_BLOCKED_BY_CLIENT" not in m.text else None)
            page.on("pageerror", lambda e: recorder.errors.append(f"Skriptfehler: {e}"))
            page.on("response", lambda r: recorder.broken.append(f"{r.status} {r.url}")
                    if r.status >= 400 and recorder.own(r.url) else None)
            while not queue.empty():
                path = queue.get_nowait()
                try:
                    found = await _check_page(page, recorder, origin + path, path)
                except Exception as exc:  # a page that cannot be checked is a failure, not a crash
                    found = [f"nicht prüfbar: {str(exc).splitlines()[0]}"]
                problems.extend(f"{path} [{viewport}]: {p}" for p in found)
            await context.close()

        await asyncio.gather(*(worker() for _ in range(TABS)))
        await browser.close()
    return sorted(problems)


def audit(origin: str, paths: list[str], viewport: str) -> list[str]:
    """Run the async audit in its own thread (the sync Playwright of other tests owns this one's loop)."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["result"] = asyncio.run(_audit(origin, paths, viewport))
        except BaseException as exc:  # re-raised in the test thread
            box["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["result"]  # type: ignore[return-value]


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_every_page_is_accessible_and_private(site, viewport):
    pages = site.pages()
    assert len(pages) > 10
    problems = audit(site.origin, pages, viewport)
    assert not problems, f"{len(problems)} Probleme:\n" + "\n".join(problems)


def test_the_audit_catches_violations_and_other_hosts(tmp_path, site):
    """A deliberately bad page must fail: missing alt text, a font from another host."""
    bad = site.root / "zz-test-bad"
    bad.mkdir(exist_ok=True)
    (bad / "index.html").write_text('<!doctype html><html lang="de"><head><title>x</title>'
                                    '<link rel="stylesheet" href="https://fonts.example.net/a.css"></head>'
                                    '<body><main><img src="x.png"></main></body></html>', encoding="utf-8")
    try:
        problems = "\n".join(audit(site.origin, ["/zz-test-bad/"], "desktop"))
    finally:
        (bad / "index.html").unlink()
        bad.rmdir()
    assert "axe image-alt" in problems
    assert "Anfrage an anderen Host: https://fonts.example.net/a.css" in problems
    assert "HTTP 404" in problems
