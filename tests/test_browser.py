"""The report as a person sees it: Debian's chromium (headless) driven by Playwright.

Never downloads a browser (no ``playwright install``): it uses /usr/bin/chromium, which
``.ci/run`` installs from Debian, and skips with the reason when it is not there.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from report_runs import built

from toolkit import report, show
from toolkit.corpus import load_corpus

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAYLOAD = ('Officials said <script>window.__pwned = "script"</script> and '
           '<img src=x onerror="window.__pwned = \'img\'"> and '
           '<svg onload="window.__pwned = \'svg\'"></svg> appeared in the text.')


def _chromium() -> str | None:
    for cand in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if cand and Path(cand).exists():
            return cand
    return None


@pytest.fixture(scope="module")
def page():
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    exe = _chromium()
    if exe is None:
        pytest.skip("no Debian chromium found (/usr/bin/chromium); `apt-get install chromium` "
                    "(.ci/run does it); the test never downloads a browser")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, headless=True)
        pg = browser.new_page()
        pg.set_default_timeout(15000)
        pg.errors = []
        pg.on("console", lambda m: pg.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        pg.on("pageerror", lambda e: pg.errors.append(f"page error: {e}"))
        yield pg
        browser.close()


def _open(pg, path: Path):
    pg.errors.clear()
    pg.goto(path.resolve().as_uri())
    pg.wait_for_load_state("load")


def test_index_renders_without_console_errors(page):
    out, run = built("sample")
    _open(page, out / "index.html")
    assert page.title().startswith("Report:")
    assert page.locator("h1").inner_text().startswith("Discourse toolkit report")
    ok = sum(nb["status"] == "ok" for nb in run["notebooks"])
    assert page.locator("td.ok").count() == ok
    assert page.locator("td.failed").count() == len(run["notebooks"]) - ok
    # every figure thumbnail loaded
    imgs = page.locator("figure img")
    assert imgs.count() >= 2
    assert page.evaluate("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)")
    assert page.errors == []


def test_highlighted_article_from_the_report(page):
    out, run = built("sample")
    article = out / "articles" / run["articles"][0]
    _open(page, article)
    assert page.locator(".tk-article").count() == 1
    assert page.errors == []


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    """A report on an article whose text and title carry script payloads."""
    out = tmp_path_factory.mktemp("hostile")
    text = f"Velmora warned Ostrava on Monday. {PAYLOAD} Ostrava denied it."
    corpus = load_corpus(pd.DataFrame({"doc_id": ["evil"], "text": [text], "title": ['<script>window.__pwned="title"</script>']}))
    a = report.build_report(corpus, out, description="<img src=x onerror=\"window.__pwned='desc'\">",
                            workers=1, notebook_paths=[], progress=False)
    # and a highlight whose span, label and tooltip all hold the payload
    start = text.index("<script>")
    layer = pd.DataFrame([{"doc_id": "evil", "start": start, "end": start + len(PAYLOAD) - 45,
                           "text": text[start:start + len(PAYLOAD) - 45], "category": "<b onmouseover=x>threat",
                           "note": '"><script>window.__pwned="tip"</script>'}])
    show.render_document("evil", text, {"escalation": layer}, title=PAYLOAD).save(out / "articles" / "layer.html")
    return out, a


@pytest.mark.parametrize("page_name", ["index.html", "articles/evil.html", "articles/layer.html"])
def test_script_text_is_shown_as_text_and_runs_nothing(page, hostile_report, page_name):
    out, _ = hostile_report
    # The report names article pages show.file_stem(doc_id): readable part + a hash of the id.
    path = out / "articles" / f"{show.file_stem('evil')}.html" if page_name == "articles/evil.html" \
        else out / page_name
    _open(page, path)
    page.mouse.move(200, 200)
    body = page.locator("body").inner_text()
    assert page.evaluate("() => window.__pwned") is None
    assert page.evaluate("() => document.scripts.length") == 0
    assert page.evaluate("() => document.querySelectorAll('img[onerror], svg[onload], b[onmouseover]').length") == 0
    if page_name.startswith("articles/"):
        assert "<script>window.__pwned" in body and "<img src=x onerror=" in body
    if page_name == "articles/layer.html":
        # the highlight's label and tooltip hold the payload as text; hovering runs nothing
        span = page.locator(".tk-span").first
        assert span.get_attribute("title").count("<script>window.__pwned") == 2
        assert "<b onmouseover=x>threat" in page.locator(".tk-label").first.inner_text()
        span.hover()
        assert page.evaluate("() => window.__pwned") is None
    else:
        assert "<img src=x onerror=" in body
    assert page.errors == []
