"""The office dashboard in real headless Chromium (Debian's chromium + chromedriver),
driven by Selenium against the real server on loopback."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import requests

from mars_desktop.adapters.store import Store, StoreLocation
from mars_desktop.central import accounts
from mars_desktop.pipeline.sync_payload import session_record, upload_payload
from tests.central.sessions import finalised_session

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
pytestmark = pytest.mark.skipif(not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)),
                                reason="Debian's chromium and chromium-driver are not installed")
PASSWORD = "kata-sandi-panjang"


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1200,1000",
                f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def click_and_wait(b, by, what) -> None:
    """Click something that loads a new page, and wait until the new page is there."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    old = b.find_element("tag name", "html")
    b.find_element(by, what).click()

    def old_page_gone(_driver) -> bool:
        # Chromium reports a node of the page being replaced either as stale or, mid-way,
        # as "does not belong to the document": both mean the old page is gone.
        try:
            old.is_enabled()
        except WebDriverException:
            return True
        return False

    WebDriverWait(b, 15).until(old_page_gone)
    WebDriverWait(b, 15).until(lambda d: d.execute_script("return document.readyState")
                               == "complete")


def upload_all(server, engine, store, office, ids):
    _ws, token = accounts.enrol(engine, accounts.new_enrolment_code(engine, office), office, "w")
    for sid in ids:
        r = requests.post(f"{server.url}/api/v1/sessions", json=upload_payload(store, sid),
                          headers={"Authorization": f"Bearer {token}", "Idempotency-Key": sid},
                          timeout=10)
        assert r.status_code == 201, r.text


def test_an_office_user_reads_their_office_and_nothing_else(start_server, db_url, admin, browser,
                                                            tmp_path, model_config):
    from selenium.webdriver.common.by import By

    server = start_server(db_url, tls=None)  # plain HTTP on loopback only
    accounts.new_enrolment_code(admin, "KANIM-A", "Kantor KANIM-A")  # names the office
    accounts.add_user(admin, "ana", PASSWORD, ["KANIM-A"])
    with Store.open(StoreLocation.in_dirs(tmp_path / "d", tmp_path / "c")) as store:
        ids_a = [finalised_session(store, model_config, office="KANIM-A", seed=i,
                                   name=f"Siti {i}") for i in range(6)]
        [sid_b] = [finalised_session(store, model_config, office="KANIM-B", seed=99)]
        upload_all(server, admin, store, "KANIM-A", ids_a)
        upload_all(server, admin, store, "KANIM-B", [sid_b])
        records = {sid: session_record(store, sid) for sid in ids_a}

    b = browser
    b.get(f"{server.url}/")
    assert "/login" in b.current_url  # nothing without signing in
    b.find_element(By.ID, "username").send_keys("ana")
    b.find_element(By.ID, "password").send_keys("salah-sekali-ini")
    click_and_wait(b, By.ID, "sign-in")
    assert b.find_element(By.ID, "error").is_displayed()
    b.find_element(By.ID, "username").send_keys("ana")
    b.find_element(By.ID, "password").send_keys(PASSWORD)
    click_and_wait(b, By.ID, "sign-in")

    offices = b.find_elements(By.CSS_SELECTOR, "#offices tbody tr")
    assert [o.text.split(" ·")[0] for o in offices] == ["KANIM-A"]
    click_and_wait(b, By.LINK_TEXT, "KANIM-A · Kantor KANIM-A")
    rows = b.find_elements(By.CSS_SELECTOR, "#sessions tbody tr")
    assert len(rows) == 6, b.page_source
    flagged_ids = {sid for sid, rec in records.items()
                   if any(q["flagged"] for q in rec["questions"])}
    assert len(b.find_elements(By.CSS_SELECTOR, "#sessions tr.flagged")) == len(flagged_ids)
    words = {"proceed": "Lanjutkan permohonan", "defer": "Tunda",
             "refer": "Rujuk ke wawancara lanjutan"}
    shown = sorted(r.find_elements(By.TAG_NAME, "td")[4].text for r in rows)
    assert shown == sorted(words[rec["decision"]["decision"]] for rec in records.values())

    sid = sorted(flagged_ids or records)[0]
    b.get(f"{server.url}/sessions/{sid}")
    rec = records[sid]
    scored = [q for q in rec["questions"] if not q["baseline"] and q["score"] is not None]
    bars = b.find_elements(By.CSS_SELECTOR, "svg.chart rect.bar")
    assert sorted(float(x.get_attribute("data-score")) for x in bars) == \
        sorted(round(q["score"], 1) for q in scored)
    assert len(b.find_elements(By.CSS_SELECTOR, "svg.chart rect.bar.flagged")) == \
        sum(q["flagged"] for q in scored)
    assert float(b.find_element(By.CSS_SELECTOR, "svg.chart .threshold")
                 .get_attribute("data-threshold")) == rec["threshold"]
    honesty = b.find_element(By.ID, "honesty").text
    assert "tidak pernah memutuskan" in honesty and "petugaslah yang memutuskan" in honesty
    assert rec["applicant"]["nik"] not in b.page_source  # masked on the page
    assert rec["applicant"]["nik"][-4:] in b.find_element(By.TAG_NAME, "dl").text
    b.save_screenshot(str(tmp_path / "dashboard-session.png"))

    click_and_wait(b, By.ID, "lang")
    assert "never decides" in b.find_element(By.ID, "honesty").text

    b.get(f"{server.url}/sessions/{sid_b}")  # another office's session: as if it did not exist
    assert b.find_element(By.ID, "message").text == "Session not found."
    assert "Pemohon 99" not in b.page_source
    b.get(f"{server.url}/offices/KANIM-B")
    assert b.find_element(By.ID, "message").text == "You have no access to this office."

    b.get(f"{server.url}/")
    click_and_wait(b, By.ID, "logout")
    assert "/login" in b.current_url
    b.get(f"{server.url}/sessions/{sid}")
    assert "/login" in b.current_url
    shot = os.environ.get("MARS_DASHBOARD_SCREENSHOT")
    if shot:
        shutil.copy(tmp_path / "dashboard-session.png", Path(shot))
