"""``handoff protocol keygen|sign FILE``: the DPO signs the profiles IT shares (issue 15).

``keygen`` makes an Ed25519 key pair, keeps the private key in the DPO's
system keyring only (never a file, never the screen) and prints the public
key for the policy's ``protocol_signing_keys``. ``sign`` writes FILE.sig
beside a profile, after checking the profile itself is valid: a signature
vouches for the exact bytes, so a broken profile is not signed.
"""

from __future__ import annotations

import argparse
import base64
from pathlib import Path

from handoff.cli._prompts import say
from handoff.core import credentials, policy, protocols, signing
from handoff.core.atomic import write_atomic
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text, tr


def _stored_key() -> bytes | None:
    stored = credentials.get_secret(credentials.SIGNING)
    return base64.b64decode(stored) if stored else None


def _keygen(args: argparse.Namespace) -> int:
    credentials.require_secure_backend()
    if _stored_key() is not None and not args.replace:
        raise HandoffError(
            "signing_key_exists",
            Text(
                "Er is al een ondertekensleutel in {store}. Een nieuwe maakt alle "
                "handtekeningen ongeldig zodra het beleid de oude sleutel niet meer noemt; "
                "gebruik --replace als dat de bedoeling is.",
                "There already is a signing key in {store}. A new one invalidates every "
                "signature once the policy no longer names the old key; use --replace if that "
                "is intended.",
            ),
            store=credentials.store_name(),
        )
    private = signing.new_private_key()
    credentials.set_secret(credentials.SIGNING, base64.b64encode(private).decode("ascii"))
    public = signing.public_key(private)
    say(
        "Sleutel gemaakt (id {id}); de geheime helft staat in {store}. Zet deze regel "
        "in het beleid onder protocol_signing_keys:",
        "Key created (id {id}); the private half is in {store}. Put this line in the "
        "policy under protocol_signing_keys:",
        id=policy.key_id(public),
        store=credentials.store_name(),
    )
    print(signing.public_text(public))
    return 0


def _sign(args: argparse.Namespace) -> int:
    private = _stored_key()
    if private is None:
        raise HandoffError(
            "no_signing_key",
            Text(
                "Er is geen ondertekensleutel in {store}. Maak er een met "
                "'handoff protocol keygen'.",
                "There is no signing key in {store}. Create one with 'handoff protocol keygen'.",
            ),
            store=credentials.store_name(),
        )
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise HandoffError(
            "file_unreadable",
            Text("{file} kan niet gelezen worden ({kind}).", "{file} cannot be read ({kind})."),
            file=str(path),
            kind=type(exc).__name__,
        ) from None
    result = protocols.load_bytes(path, data)
    if isinstance(result, protocols.ProfileProblem):
        where = f"{path}:{result.line}" if result.line else str(path)
        raise HandoffError(
            "profile_invalid",
            Text(
                "{where}: {why}. Een ongeldig profiel wordt niet ondertekend.",
                "{where}: {why}. An invalid profile is not signed.",
            ),
            where=where,
            why=result.text.render(),
        )
    target = signing.signature_path(path)
    write_atomic(target, signing.sign(private, data))
    say(
        "Ondertekend: {file} (sleutel {id}).",
        "Signed: {file} (key {id}).",
        file=str(target),
        id=policy.key_id(signing.public_key(private)),
    )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``protocol keygen`` and ``protocol sign``."""
    parser = subparsers.add_parser(
        "protocol",
        help=tr("protocolprofielen ondertekenen (DPO)", "sign protocol profiles (DPO)"),
    )
    sub = parser.add_subparsers(dest="protocol_command", metavar="ACTION", required=True)
    keygen = sub.add_parser("keygen", help=tr("ondertekensleutel maken", "create a signing key"))
    keygen.add_argument(
        "--replace",
        action="store_true",
        help=tr("een bestaande sleutel vervangen", "replace an existing key"),
    )
    keygen.set_defaults(func=_keygen)
    sign = sub.add_parser("sign", help=tr("een profiel ondertekenen", "sign a profile"))
    sign.add_argument("file", metavar="FILE", help=tr("het profiel (.toml)", "the profile (.toml)"))
    sign.set_defaults(func=_sign)
