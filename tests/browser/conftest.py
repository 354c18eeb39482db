"""A real headless Chromium (Debian's package) driven by Playwright.

Browser downloads do not work on our machines, so Playwright is pointed at the
system `chromium`. Without it these tests skip with a loud reason, except
where ONPROBATION_REQUIRE_BROWSER=1 (CI) turns the skip into a failure.
"""
import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM_FLAGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium phones home at start; the network here is closed.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"


@pytest.fixture(scope="module")
def chromium():
    """A fresh Playwright driver and Chromium per test module: one long-lived
    pair once stopped answering in a full CI run, late in the session."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        reason = (
            "BROWSER TESTS NOT RUN: no `chromium` on PATH. Install Debian's package "
            "(apt-get install chromium) to run them."
        )
        if os.environ.get("ONPROBATION_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot_dir():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
