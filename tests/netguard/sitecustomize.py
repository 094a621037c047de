"""Netzsperre für Unterprozesse der Tests (Snippets, Notebook-Kernel, mkdocs).

Wird über PYTHONPATH geladen, wenn NNV_BLOCK_NETWORK=1 gesetzt ist: Verbindungen
sind dann nur zu 127.0.0.1/::1 und über Unix-Sockets erlaubt – wie im Testprozess
selbst, wo pytest-socket dasselbe tut.
"""

import os

if os.environ.get("NNV_BLOCK_NETWORK") == "1":
    from pytest_socket import socket_allow_hosts

    socket_allow_hosts(["127.0.0.1", "::1", "localhost"], allow_unix_socket=True)
