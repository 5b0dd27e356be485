"""genanki, imported without asyncio and yaml: `from mlwiki.export.genanki_lib import genanki`.

genanki's `cached_property` dependency (2.0) imports asyncio at its top only to tell coroutine functions apart,
and genanki.model imports yaml only to read note type fields given as YAML text (mlwiki gives lists): together
~30 ms of an export that takes ~450 ms. While genanki loads, each is a stand-in module whose names come from the
real module, imported on first use; asyncio's stand-in answers `iscoroutinefunction` itself with `inspect`'s (what
asyncio's is on Python 3.11+ for any function without the removed `@asyncio.coroutine` marker), as
`cached_property` asks it on every read. The stand-ins leave `sys.modules` once genanki is loaded, so any later
`import asyncio` or `import yaml` gets the real module.
"""

from __future__ import annotations

import importlib
import inspect
import sys
import types


def _stand_in(name: str, **own) -> types.ModuleType:
    module = types.ModuleType(name, f"Stand-in for {name} while genanki loads (mlwiki.export.genanki_lib).")
    module.__dict__.update(own)
    module.__getattr__ = lambda attribute: getattr(importlib.import_module(name), attribute)
    return module


def _load_genanki():
    if "genanki" in sys.modules:
        return sys.modules["genanki"]
    stand_ins = {"yaml": _stand_in("yaml")}
    if "cached_property" not in sys.modules:
        stand_ins["asyncio"] = _stand_in("asyncio", iscoroutinefunction=inspect.iscoroutinefunction)
    stand_ins = {name: module for name, module in stand_ins.items() if name not in sys.modules}
    sys.modules.update(stand_ins)
    try:
        import genanki
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    return genanki


genanki = _load_genanki()
