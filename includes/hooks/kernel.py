"""Umgebung der Notebook-Kernel beim Bau (die Kernel erben sie).

TensorFlow meldet nur Fehler, und Ausgaben von C-Bibliotheken (Start-Meldungen
über CUDA, oneDNN …) landen in der Konsole von mkdocs statt in den Ausgaben
der Notebooks.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

KERNEL_CONFIG = """\
# Ausgaben von C-Bibliotheken (TensorFlows Start-Meldungen über CUDA, oneDNN …)
# nicht in die Notebook-Ausgaben übernehmen; sie landen in der Konsole von mkdocs.
c.IPKernelApp.capture_fd_output = False
"""


def on_startup(command: str, dirty: bool) -> None:
    # TensorFlow-Meldungen auf Fehler begrenzen. (MPLBACKEND bleibt ungesetzt:
    # im Kernel braucht Matplotlib sein Inline-Backend, sonst fehlen die Bilder.)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    # Eigenes IPython-Verzeichnis nur für diesen Bau, damit die Einstellung oben
    # keine persönliche Jupyter-Konfiguration berührt.
    ipython_dir = Path(tempfile.mkdtemp(prefix="nnv-ipython-"))
    profile = ipython_dir / "profile_default"
    profile.mkdir()
    (profile / "ipython_kernel_config.py").write_text(KERNEL_CONFIG, encoding="utf-8")
    os.environ["IPYTHONDIR"] = str(ipython_dir)
    atexit.register(shutil.rmtree, ipython_dir, ignore_errors=True)
