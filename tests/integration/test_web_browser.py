"""The dashboard in a real headless browser: Debian's chromium driven by selenium through
chromedriver (both from apt, never downloaded by a tool), against `tracker web` serving
the replayed demo database.

Outside CI the test skips, saying why, when the browser is not installed; in CI
(CI=true) a missing browser is a failure, so it can never be silently skipped there."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator

import pytest

from tests.webserver import AS_OF, Served, replayed_demo, serve

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1000",
)


def _missing() -> list[str]:
    return [p for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    missing = _missing()
    if missing:
        message = f"{', '.join(missing)} not installed (apt-get install chromium chromium-driver)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the browser test: {message}")
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="tracker-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    config = replayed_demo(tmp_path_factory.mktemp("browser-demo"))
    with serve(config, "--as-of", AS_OF) as served:
        yield served


def _follow(browser: object, element: object) -> None:
    """Click something that loads a new page and wait until that page has replaced the old.

    Selenium's click returns as soon as the click is dispatched, not when the navigation it
    starts (a link, or a form POST and its redirect) has finished; reading the page straight
    after races that load and may read the old page or a node it just discarded."""
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.remote.webelement import WebElement
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.wait import WebDriverWait

    assert isinstance(browser, WebDriver) and isinstance(element, WebElement)
    old = browser.find_element("tag name", "html")
    element.click()
    wait = WebDriverWait(browser, 60)
    wait.until(expected_conditions.staleness_of(old))
    wait.until(lambda b: b.execute_script("return document.readyState") == "complete")


def test_board_then_lavrov_timeline_with_the_gap(browser: object, site: Served) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver

    assert isinstance(browser, WebDriver)
    browser.get(site.url + "/")
    rows = browser.find_elements(By.CSS_SELECTOR, "#board tr.official")
    statuses = {r.get_attribute("data-name"): r.get_attribute("data-status") for r in rows}
    assert statuses["Sergey Lavrov"] == "silent" and statuses["John Kerry"] == "unseen"
    first = rows[0].find_element(By.CSS_SELECTOR, "td.state")
    assert first.text == "silent" and first.value_of_css_property("color") != "rgba(0, 0, 0, 1)"

    _follow(browser, browser.find_element(By.LINK_TEXT, "Sergey Lavrov"))
    assert browser.current_url == site.url + "/officials/sergey-lavrov"
    assert "Sergey Lavrov" in browser.title
    chart = browser.find_element(By.CSS_SELECTOR, "#timeline svg.timeline")
    assert chart.size["width"] > 600  # drawn at a readable size, not collapsed
    gaps = [
        s
        for s in chart.find_elements(By.CSS_SELECTOR, "rect.silence")
        if (s.get_attribute("data-from"), s.get_attribute("data-to"))
        == ("2025-10-28", "2025-11-25")
    ]
    assert len(gaps) == 1
    gap = gaps[0]
    assert gap.is_displayed() and gap.size["width"] > 20
    seen = {
        b.get_attribute("data-day"): b.rect["x"]
        for b in chart.find_elements(By.CSS_SELECTOR, "rect.bar.appearance")
    }
    # the bars of Oct 28 and Nov 25 stand at either edge of the shaded gap, none inside
    assert seen["2025-10-28"] < gap.rect["x"] < seen["2025-11-25"] + 1
    assert not [d for d in seen if "2025-10-28" < d < "2025-11-25"]
    evidence = browser.find_elements(By.CSS_SELECTOR, "#evidence tr.finding")
    assert any(e.get_attribute("data-day") == "2025-11-25" for e in evidence)
    link = browser.find_element(By.CSS_SELECTOR, "#evidence tr.kind-appearance a")
    assert link.get_attribute("href").startswith("https://")


def test_a_correction_end_to_end_reject_then_take_back(browser: object, site: Served) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver

    assert isinstance(browser, WebDriver)
    page = site.url + "/officials/marco-rubio?as_of=2025-11-30"

    def status() -> tuple[str, str]:
        h1 = browser.find_element(By.CSS_SELECTOR, "h1 .state").text
        return h1, browser.find_element(By.CSS_SELECTOR, "main > p strong").text

    browser.get(page)
    assert status() == ("ok", "2025-11-23")
    row = browser.find_element(
        By.CSS_SELECTOR, '#evidence tr.kind-appearance[data-day="2025-11-23"]'
    )
    row.find_element(By.TAG_NAME, "summary").click()
    form = row.find_element(By.CSS_SELECTOR, "form.reject")
    form.find_element(By.NAME, "reason").send_keys("file footage from last year")
    form.find_element(By.NAME, "by").send_keys("ana")
    _follow(browser, form.find_element(By.TAG_NAME, "button"))

    assert browser.current_url == page + "#corrections"
    assert status() == ("silent", "2025-11-18")
    (entry,) = browser.find_elements(
        By.CSS_SELECTOR, '#correction-log tr.correction[data-in-force="true"]'
    )
    assert "file footage from last year" in entry.text and "ana" in entry.text
    browser.get(site.url + "/?as_of=2025-11-30")
    rubio = browser.find_element(By.CSS_SELECTOR, '#board tr[data-name="Marco Rubio"]')
    assert rubio.get_attribute("data-status") == "silent"

    browser.get(page)
    remove = browser.find_element(By.CSS_SELECTOR, "#correction-log form.remove")
    remove.find_element(By.NAME, "by").send_keys("ana")
    _follow(browser, remove.find_element(By.TAG_NAME, "button"))
    assert status() == ("ok", "2025-11-23")
    assert browser.find_elements(
        By.CSS_SELECTOR, '#correction-log tr.correction[data-in-force="false"]'
    )
