"""7z archives with AES-256 and encrypted headers: pack, open, and the pieces behind them.

The public names live here; the parts are modules of their own:
``sevenzip`` (pack and unpack), ``kdf`` (the 7zAES key), ``probe`` (what an
archive holds, before a byte is written), ``extract`` (decompressing under
caps), ``limits`` (the caps), ``names`` (which entry names are safe),
``stage`` (the staging folder) and ``errors`` (the messages).
"""

from handoff.core.archive.limits import Limits
from handoff.core.archive.sevenzip import (
    FILTERS,
    PackResult,
    Staged,
    UnpackResult,
    pack,
    password_opens,
    sha256_file,
    unpack,
    unpacking,
)

__all__ = [
    "FILTERS",
    "Limits",
    "PackResult",
    "Staged",
    "UnpackResult",
    "pack",
    "password_opens",
    "sha256_file",
    "unpack",
    "unpacking",
]
