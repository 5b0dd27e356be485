"""genanki, imported without asyncio: `from mlwiki.export.genanki_lib import genanki`.

genanki's `cached_property` dependency (2.0) imports asyncio at its top only to tell coroutine functions apart,
and asyncio's import (sockets, ssl, subprocess, concurrent.futures) was ~20 ms of an export that takes ~500 ms.
While genanki loads, `asyncio` is a stand-in whose `iscoroutinefunction` is `inspect`'s (what asyncio's is on
Python 3.11+ for any function without the removed `@asyncio.coroutine` marker) and whose other names come from
the real asyncio, imported on first use. The stand-in leaves `sys.modules` once genanki is loaded, so any
`import asyncio` later gets the real module.
"""

from __future__ import annotations

import importlib
import inspect
import sys
import types


def _load_genanki():
    if "cached_property" in sys.modules or "asyncio" in sys.modules:
        import genanki

        return genanki
    stand_in = types.ModuleType("asyncio", "Stand-in for asyncio while genanki loads (mlwiki.export.genanki_lib).")
    stand_in.iscoroutinefunction = inspect.iscoroutinefunction
    stand_in.__getattr__ = lambda name: getattr(importlib.import_module("asyncio"), name)
    sys.modules["asyncio"] = stand_in
    try:
        import genanki
    finally:
        if sys.modules.get("asyncio") is stand_in:
            del sys.modules["asyncio"]
    return genanki


genanki = _load_genanki()
