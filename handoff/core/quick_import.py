"""py7zr imported the quick way, for one-shot commands.

pycryptodome (py7zr's AES) binds its C code through cffi whenever cffi can be
imported, and cffi then parses the C declarations with pycparser on every
start: about 25 ms of a ``handoff unpack`` that takes 0.3 s in all. Its
ctypes binding, the fallback pycryptodome documents, needs no parsing, and an
archive makes only a few large AES calls, so it is as fast here. cffi is
hidden for that one import only; anything imported later still finds it.
"""

from __future__ import annotations

import sys
import threading
from types import ModuleType

_BINDING = "Cryptodome.Util._raw_api"


def py7zr_without_cffi() -> ModuleType:
    """Import py7zr (once) with pycryptodome on its ctypes binding, when that is safe.

    Hiding a module is only safe while no other thread could be importing
    it, so with other threads running, or once the binding is chosen, this
    is a plain import.
    """
    if _BINDING in sys.modules or threading.active_count() > 1:
        import py7zr

        return py7zr
    known = sys.modules.get("cffi")
    sys.modules["cffi"] = None  # type: ignore[assignment]  # `import cffi` raises ImportError
    try:
        import py7zr
    finally:
        if known is None:
            del sys.modules["cffi"]
        else:
            sys.modules["cffi"] = known
    return py7zr
