"""Compile every .po file under src/ into its .mo, so no GNU gettext is needed to run the portal."""

from pathlib import Path

import polib

for po_path in Path(__file__).resolve().parent.parent.joinpath("src").rglob("*.po"):
    mo_path = po_path.with_suffix(".mo")
    if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
