"""The organisation's protocol folders (policy ``protocol_folders``): checked, signed, cached.

IT puts the organisation's profiles on a share so every worker has the same
ones. A share goes offline; Handoff then uses the last copy it loaded, and
says from when. When the policy names signing keys, a profile there loads
only with a valid detached signature (:mod:`handoff.core.signing`); the
cached copy is verified again on every load, since it lives in the worker's
own folder. The shipped profiles travel inside the installer and need none.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from handoff.core import paths, policy, signing
from handoff.core.atomic import write_atomic
from handoff.core.i18n import Text

STAMP = "loaded-at"
_MAX_FILE = 1 << 20  # a profile is a few kB; a share cannot make Handoff read gigabytes


@dataclass(frozen=True)
class Notice:
    """A folder not reached, or a profile refused for its signature (protocols shows it)."""

    text: Text
    reason: str  # offline, or a signing.Refusal reason
    key_id: str = ""


#: A profile's path with its verified bytes, or with why it is not used.
Result = tuple[Path, bytes | Notice]


def cache_dir(folder: Path) -> Path:
    """Where the last copy of ``folder`` is kept (one subfolder per configured folder)."""
    name = hashlib.sha256(str(folder).encode("utf-8")).hexdigest()[:16]
    return paths.config_dir() / "protocol-cache" / name


def _wanted(name: str) -> bool:
    return name.endswith(".toml") or name.endswith(".toml" + signing.SUFFIX)


def _read(folder: Path) -> dict[str, bytes]:
    """Every profile and signature in ``folder``; OSError when the folder cannot be reached."""
    if not folder.is_dir():
        raise FileNotFoundError(folder)
    files: dict[str, bytes] = {}
    for path in folder.iterdir():
        if _wanted(path.name) and path.is_file() and path.stat().st_size <= _MAX_FILE:
            files[path.name] = path.read_bytes()
    return files


def _store(cache: Path, files: dict[str, bytes]) -> None:
    """Make the cache equal to what was just read, stamp last (so a torn copy has no date)."""
    cache.mkdir(parents=True, exist_ok=True)
    changed = False
    for old in cache.iterdir():
        if old.name != STAMP and old.name not in files:
            old.unlink()
            changed = True
    for name, data in files.items():
        target = cache / name
        if not target.exists() or target.read_bytes() != data:
            write_atomic(target, data)
            changed = True
    stamp = cache / STAMP
    today = datetime.now().strftime("%Y-%m-%d")
    if changed or not stamp.exists() or not stamp.read_text(encoding="ascii").startswith(today):
        write_atomic(stamp, datetime.now().strftime("%Y-%m-%d %H:%M").encode("ascii"))


def _cached(cache: Path) -> tuple[dict[str, bytes], str | None]:
    """The last copy and when it was loaded; nothing when there never was one."""
    stamp = cache / STAMP
    if not stamp.is_file():
        return {}, None
    files = {p.name: p.read_bytes() for p in cache.iterdir() if _wanted(p.name)}
    return files, stamp.read_text(encoding="ascii").strip()


def _offline(when: str | None) -> Notice:
    if when is None:
        text = Text(
            "de protocolmap is niet bereikbaar en Handoff heeft er nog geen kopie van; "
            "de protocollen van uw organisatie ontbreken. Controleer de netwerkverbinding.",
            "the protocol folder cannot be reached and Handoff has no copy of it yet; your "
            "organisation's protocols are missing. Check the network connection.",
        )
    else:
        text = Text(
            f"de protocolmap is niet bereikbaar; Handoff gebruikt de kopie van {when}.",
            f"the protocol folder cannot be reached; Handoff uses the copy of {when}.",
        )
    return Notice(text, "offline")


def _refused(path: Path, refusal: signing.Refusal) -> Notice:
    texts = {
        signing.UNSIGNED: Text(
            f"niet ondertekend (geen {path.name}{signing.SUFFIX} ernaast); het beleid vraagt "
            "een handtekening van de DPO, dus dit profiel wordt niet gebruikt.",
            f"not signed (no {path.name}{signing.SUFFIX} beside it); the policy requires the "
            "DPO's signature, so this profile is not used.",
        ),
        signing.UNKNOWN_KEY: Text(
            f"ondertekend met sleutel {refusal.key_id}, die het beleid niet noemt; dit profiel "
            "wordt niet gebruikt.",
            f"signed with key {refusal.key_id}, which the policy does not name; this profile "
            "is not used.",
        ),
        signing.BAD_SIGNATURE: Text(
            "de handtekening klopt niet: het bestand is gewijzigd na het ondertekenen of de "
            "handtekening is beschadigd; dit profiel wordt niet gebruikt. Meld het aan uw DPO.",
            "the signature does not match: the file was changed after signing or the "
            "signature is damaged; this profile is not used. Report it to your DPO.",
        ),
    }
    return Notice(texts[refusal.reason], refusal.reason, refusal.key_id)


def _folder(folder: Path, keys: dict[str, bytes] | None) -> list[Result]:
    """The profiles of one folder (or its last copy); ``keys`` None: no signature needed."""
    cache = cache_dir(folder)
    out: list[Result] = []
    try:
        files = _read(folder)
    except OSError:
        files, when = _cached(cache)
        out.append((folder, _offline(when)))
    else:
        _store(cache, files)
    for name in sorted(n for n in files if n.endswith(".toml")):
        path, data = folder / name, files[name]
        if keys is not None:
            refusal = signing.verify(data, files.get(name + signing.SUFFIX), keys)
            if refusal is not None:
                out.append((path, _refused(path, refusal)))
                continue
        out.append((path, data))
    return out


def load() -> list[Result]:
    """Every profile of every protocol folder the policy names, in the policy's order."""
    layers = policy.layers()
    folders, _ = policy.extra(layers, policy.FOLDERS)
    keys = policy.signing_keys(layers) if policy.signing_required(layers) else None
    out: list[Result] = []
    for folder in folders:
        out += _folder(Path(folder), keys)
    return out
