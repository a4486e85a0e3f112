"""Accounts for real: the store key wrapped per account in the keyring, roles from the
one permission table, lockout, and every refusal and look at another officer's session
in the audit trail. Driven through the real `mars` command."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from mars_desktop.adapters.keyring import AccountLocked, Keyring, SignInFailed
from mars_desktop.adapters.store import StoreLocation, queries
from mars_desktop.core.audit_chain import verify
from mars_desktop.core.permissions import PERMISSIONS, Action, Role, allowed, may_view_session
from mars_desktop.pipeline import accounts as acc
from tests.conftest import run_mars
from tests.store.helpers import recorded_session

PW = {"admin": "admin-kata-sandi", "ana": "ana-kata-sandi-1", "budi": "budi-kata-sandi",
      "sari": "sari-kata-sandi"}


def loc() -> StoreLocation:
    return StoreLocation.in_dirs(Path(os.environ["MARS_DATA_DIR"]),
                                 Path(os.environ["MARS_CONFIG_DIR"]))


def mars_as(user: str, *args: str, password: str | None = None, **env: str):
    return run_mars("--user", user, *args,
                    env={"MARS_PASSWORD": password or PW[user], **env})


def test_the_permission_table_says_what_the_issue_says():
    assert set(PERMISSIONS) == set(Action)
    officer, supervisor, admin = Role.OFFICER, Role.SUPERVISOR, Role.ADMIN
    assert may_view_session(officer, "ana", "ana") and not may_view_session(officer, "ana", "b")
    assert may_view_session(supervisor, "sari", "ana")
    assert allowed(supervisor, Action.EXPORT_FULL_NIK) and not allowed(officer,
                                                                      Action.EXPORT_FULL_NIK)
    for only_admin in (Action.CHANGE_SETTINGS, Action.MANAGE_SCRIPTS, Action.CHANGE_THRESHOLD,
                       Action.MANAGE_ACCOUNTS):
        assert [r for r in Role if allowed(r, only_admin)] == [admin], only_admin


def make_office(model_config, *, by_command: bool) -> dict:
    """Accounts on, with an officer ana (two sessions), an officer budi and a supervisor;
    made by the real `mars users` commands, or (faster, for the other tests) by the same
    pipeline functions in this process."""
    with acc.Store.open(loc()) as store:  # a workstation that ran before accounts existed
        old = recorded_session(store, model_config, seed=9)
    users = (("ana", "officer"), ("budi", "officer"), ("sari", "supervisor"))
    if by_command:
        init = run_mars("users", "init", "--admin", "admin", "--full-name", "Admin Kantor",
                        env={"MARS_NEW_PASSWORD": PW["admin"]})
        assert init.returncode == 0, init.stderr
        code = init.stdout.split("RECOVERY CODE (shown once): ")[1].split()[0]
        for user, role in users:
            out = mars_as("admin", "users", "add", user, "--full-name", user.title(), "--role",
                          role, MARS_NEW_PASSWORD=PW[user])
            assert out.returncode == 0, out.stderr
    else:
        code = acc.create_first_admin(loc(), "admin", "Admin Kantor", PW["admin"])
        store, admin = acc.sign_in(loc(), "admin", PW["admin"])
        with store:
            for user, role in users:
                acc.add_user(store, admin, user, user.title(), role, PW[user])
    store, _who = acc.sign_in(loc(), "ana", PW["ana"])
    with store:
        ids = [recorded_session(store, model_config, seed=i, applicant={
            "full_name": f"Siti {i}", "nik": f"320101410190000{i}"}) for i in range(2)]
        # the helper records as "budi": these are ana's interviews
        store.writer.call(lambda c: c.execute("UPDATE sessions SET officer = 'ana' WHERE id IN "
                                              "(?, ?)", ids))
    return {"ana": ids, "old": old, "code": code}


@pytest.fixture
def office(model_config):
    return make_office(model_config, by_command=False)


def test_users_init_and_add_by_command(model_config):
    made = make_office(model_config, by_command=True)
    test_the_store_key_moves_behind_the_accounts(made)
    listed = mars_as("admin", "users", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert {u["username"]: u["role"] for u in json.loads(listed.stdout)} == {
        "admin": "admin", "ana": "officer", "budi": "officer", "sari": "supervisor"}


def test_the_store_key_moves_behind_the_accounts(office):
    location = loc()
    assert not location.key_file.exists()  # no key in the clear any more
    ring = Keyring.in_dir(location.key_file.parent)
    assert stat.S_IMODE(ring.path.stat().st_mode) == 0o600
    keys = {ring.unlock(u, PW[u]) for u in ("admin", "ana", "budi", "sari")}
    assert len(keys) == 1  # one store key, wrapped once per account
    assert PW["ana"] not in ring.path.read_text() and keys.pop().hex() not in \
        ring.path.read_text()
    bare = run_mars("sessions", "list")
    assert bare.returncode == 2 and "accounts are on" in bare.stderr


def test_an_officer_sees_only_their_own_sessions(office):
    mine = json.loads(mars_as("ana", "sessions", "list", "--json").stdout)
    assert sorted(r["id"] for r in mine) == sorted(office["ana"])
    theirs = json.loads(mars_as("budi", "sessions", "list", "--json").stdout)
    assert not {r["id"] for r in theirs} & set(office["ana"])
    refused = mars_as("budi", "sessions", "show", office["ana"][0])
    assert refused.returncode == 2 and "another officer" in refused.stderr
    everyone = json.loads(mars_as("sari", "sessions", "list", "--json").stdout)
    assert set(office["ana"]) <= {r["id"] for r in everyone}
    assert mars_as("sari", "sessions", "show", office["ana"][0]).returncode == 0


def test_full_nik_exports_and_settings_follow_the_roles(office, tmp_path):
    sid = office["ana"][0]
    no = mars_as("ana", "export", sid, "--out", str(tmp_path / "a.pdf"), "--full-nik")
    assert no.returncode == 2 and "may not export full nik" in no.stderr
    assert mars_as("ana", "export", sid, "--out", str(tmp_path / "a.pdf")).returncode == 0
    yes = mars_as("sari", "export", sid, "--out", str(tmp_path / "s.pdf"), "--full-nik")
    assert yes.returncode == 0, yes.stderr
    assert mars_as("sari", "settings", "retention_days", "100").returncode == 2
    assert mars_as("admin", "settings", "retention_days", "100").returncode == 0
    assert mars_as("ana", "users", "list").returncode == 2
    store, _ = acc.sign_in(loc(), "admin", PW["admin"])
    with store, store.reader() as conn:
        events = queries.audit_events(conn)
        assert verify(queries.audit_chain_rows(conn)).ok
    denied = [(e["actor"], e["detail"].get("action")) for e in events if e["action"] == "denied"]
    assert ("ana", "export_full_nik") in denied and ("sari", "change_settings") in denied
    assert any(e["action"] == "session_view_other" and e["actor"] == "sari" for e in events)
    exports = [e for e in events if e["action"] == "report_export"]
    assert [(e["actor"], e["detail"]["full_nik"]) for e in exports] == [("ana", False),
                                                                        ("sari", True)]


def test_failed_sign_ins_lock_the_account_and_reach_the_audit_trail(office):
    for _ in range(5):
        bad = mars_as("ana", "sessions", "list", password="not-her-password")
        assert bad.returncode == 2 and "wrong user name or password" in bad.stderr
    locked = mars_as("ana", "sessions", "list")
    assert locked.returncode == 2 and "locked" in locked.stderr
    with pytest.raises(AccountLocked):
        Keyring.in_dir(loc().key_file.parent).unlock("ana", PW["ana"])
    assert mars_as("budi", "sessions", "list").returncode == 0  # others are not locked
    store, _ = acc.sign_in(loc(), "admin", PW["admin"])
    with store, store.reader() as conn:
        failed = [e for e in queries.audit_events(conn) if e["action"] == "login_failed"]
    assert len(failed) == 5 and {e["detail"]["username"] for e in failed} == {"ana"}


def test_disable_reset_change_and_the_recovery_code(office):
    assert mars_as("admin", "users", "disable", "budi").returncode == 0
    gone = mars_as("budi", "sessions", "list")
    assert gone.returncode == 2
    assert mars_as("admin", "users", "reset-password", "ana",
                   MARS_NEW_PASSWORD="ana-new-password").returncode == 0
    assert mars_as("ana", "sessions", "list").returncode == 2
    assert mars_as("ana", "sessions", "list", password="ana-new-password").returncode == 0
    changed = mars_as("ana", "users", "passwd", password="ana-new-password",
                      MARS_NEW_PASSWORD="ana-own-password")
    assert changed.returncode == 0, changed.stderr
    assert mars_as("ana", "sessions", "list", password="ana-own-password").returncode == 0
    # The admin forgot their password: the recovery code from `users init` lets them back in.
    with pytest.raises(SignInFailed):
        acc.recover(loc(), "WRONG-CODE", "admin", "whatever-long")
    rec = run_mars("users", "recover", "--admin", "admin",
                   env={"MARS_RECOVERY_CODE": office["code"],
                        "MARS_NEW_PASSWORD": "admin-fresh-password"})
    assert rec.returncode == 0, rec.stderr
    assert mars_as("admin", "users", "list", password="admin-fresh-password").returncode == 0
    short = mars_as("admin", "users", "add", "dewi", "--full-name", "Dewi",
                    password="admin-fresh-password", MARS_NEW_PASSWORD="short")
    assert short.returncode == 2 and "at least 10" in short.stderr


def test_a_supervisor_erases_an_applicant_and_the_trail_keeps_no_personal_data(office):
    sid = office["ana"][0]
    no = mars_as("ana", "sessions", "erase-applicant", sid)
    assert no.returncode == 2 and "may not erase applicant" in no.stderr
    yes = mars_as("sari", "sessions", "erase-applicant", sid)
    assert yes.returncode == 0, yes.stderr
    store, _ = acc.sign_in(loc(), "admin", PW["admin"])
    with store, store.reader() as conn:
        ids = {r["id"] for r in queries.list_sessions(conn)}
        event = next(e for e in queries.audit_events(conn) if e["action"] == "applicant_erased")
        assert verify(queries.audit_chain_rows(conn)).ok
    assert sid not in ids and office["ana"][1] in ids  # another applicant's session stays
    assert event["actor"] == "sari" and event["detail"] == {"sessions": [sid]}
    assert "Siti" not in json.dumps(event)


def test_help_shows_the_instructions_and_the_model_card():
    from mars_desktop.pipeline.model_files import models_dir, resources_dir

    for lang, words in (("id", ("bukan pendeteksi kebohongan", "kacamata", "Bias otomatisasi")),
                        ("en", ("not a lie detector", "glasses", "Automation bias"))):
        text = (resources_dir() / "help" / f"instructions_{lang}.md").read_text()
        assert all(w in text for w in words)
    assert "Known limits" in (models_dir() / "MODEL_CARD.md").read_text()


def test_only_an_admin_scores_with_another_threshold(office, tmp_path):
    from tests.support.media import feat_file

    marks = tmp_path / "m.csv"
    marks.write_text("start_s,question_id,text,baseline\n0,b1,x,1\n1,q1,y,0\n")
    argv = ("analyze", str(feat_file("WolfgangLanger_Pexels.mp4")), "--marks", str(marks),
            "--out", str(tmp_path / "r.json"), "--threshold", "50")
    refused = mars_as("ana", *argv)
    assert refused.returncode == 2 and "may not change threshold" in refused.stderr
    assert not (tmp_path / "r.json").exists()
