"""The reference directorate server: workstations upload finalised sessions, the
directorate and each office read them on web pages.

An optional extra (`pip install .[central]`); the workstation never imports it.
PostgreSQL is the deployment target; SQLite serves a one-machine trial.
"""
