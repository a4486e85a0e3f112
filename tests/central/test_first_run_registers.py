"""The first-run wizard registers the workstation with the real server (TLS from a
private CA, given on the server page), and the window then uploads as that office."""

from __future__ import annotations

import pytest

from mars_desktop.adapters.store import StoreLocation
from mars_desktop.adapters.sync_client import load_credential
from mars_desktop.central import accounts
from mars_desktop.pipeline import accounts as acc
from mars_desktop.ui.first_run_wizard import FirstRunWizard
from tests.central.conftest import migrated_engine
from tests.support.media import feat_file
from tests.ui.conftest import message_boxes  # noqa: F401 - no unexpected dialog
from tests.ui.test_first_run import PW, finish, walk_to_admin

pytest.importorskip("pytestqt")


def test_the_wizard_registers_with_the_directorate(qtbot, tmp_path, start_server, tls):
    db = f"sqlite:///{tmp_path / 'central.db'}"
    engine = migrated_engine(db)
    code = accounts.new_enrolment_code(engine, "KANIM-SOETTA")
    server = start_server(db)
    location = StoreLocation.in_dirs(tmp_path / "d", tmp_path / "c")
    wizard = FirstRunWizard(location, tmp_path / "c", "en", None)
    qtbot.addWidget(wizard)
    wizard.show()
    walk_to_admin(qtbot, wizard, str(feat_file("single_face.mp4")), server=server.url,
                  code=code, ca=str(tls.ca_pem))
    finish(qtbot, wizard)
    assert "Registered with" in wizard.finish.status.text(), wizard.finish.status.text()
    wizard.accept()
    cred = load_credential(tmp_path / "c")
    assert cred is not None and cred.office == "KANIM-SOETTA" and cred.server == server.url
    with engine.connect() as conn:
        from sqlalchemy import text

        rows = conn.execute(text("SELECT office_code FROM workstations")).fetchall()
    assert [r[0] for r in rows] == ["KANIM-SOETTA"]
    engine.dispose()
    store, _who = acc.sign_in(location, "kepala", PW)
    store.close()
    # The code is spent: a second set-up elsewhere with it is refused by the server.
    again = FirstRunWizard(StoreLocation.in_dirs(tmp_path / "d2", tmp_path / "c2"),
                           tmp_path / "c2", "en", None)
    qtbot.addWidget(again)
    again.show()
    walk_to_admin(qtbot, again, str(feat_file("single_face.mp4")), server=server.url,
                  code=code, ca=str(tls.ca_pem))
    finish(qtbot, again)
    assert "Not registered" in again.finish.status.text()
    again.accept()
