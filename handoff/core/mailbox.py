"""One recipient mailbox, checked before a profile may name it.

A protocol fixes its recipients in advance (decree of 18 July 2008, art. 8 §1,
4°: "de ontvangers"), so a profile's address must be exactly one mailbox. A
display name, a ``,``/``;`` list or a line break would let one profile line
address the archive to a second party ("a@b, spy@evil.example" produced a draft
to both), and an e-mail-to-SMS gateway would carry the archive to a phone,
where the password also goes (seed 003 art. 3 step 3: the password "via een
ander communicatiekanaal"). Only the plain ``local@domain`` form of RFC 5322's
addr-spec in ASCII is accepted: nothing a protocol names needs more.
"""

from __future__ import annotations

import re

from handoff.core.i18n import Text

#: E-mail-to-SMS gateways of Belgian and Dutch operators and of SMS providers
#: that serve both countries, matched on the domain and its subdomains. As far
#: as could be checked (no live look-up was possible when this list was made,
#: 2026-11), the Belgian operators (Proximus, Orange Belgium, BASE/Telenet)
#: publish no consumer gateway today; the operator entries are historic ones
#: from the public lists (mfitzp/List_of_SMS_gateways email2sms.csv, Wikipedia
#: "List of SMS gateways"), kept because an old address can linger in a copied
#: profile. Gateways not listed are still caught by the shape rules in
#: :func:`mailbox_problem` (a phone number as the mailbox, an sms./mms./txt. host).
SMS_GATEWAY_DOMAINS = (
    "sms.orange.nl",  # Orange NL (now Odido)
    "gin.nl",  # T-Mobile NL (now Odido): 31<number>@gin.nl
    "mobistar.be",  # Mobistar (now Orange Belgium): <number>@mobistar.be, historic
    "mail-sms.com",  # CM.com (Breda) e-mail to SMS
    "smssturen.com",  # "Freebie SMS" (NL)
    "esendex.net",  # Esendex (serves BE/NL) e-mail to SMS
    "echoemail.net",  # Esendex
)

_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_LABEL = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
_PHONE = re.compile(r"^\+?[0-9]{8,15}$")
_SMS_HOSTS = ("sms", "mms", "txt")


def _is_gateway(domain: str) -> bool:
    domain = domain.lower()
    if domain.split(".")[0] in _SMS_HOSTS:
        return True
    return any(domain == d or domain.endswith("." + d) for d in SMS_GATEWAY_DOMAINS)


def mailbox_problem(address: str) -> Text | None:
    """Why ``address`` is not one plain mailbox, or None when it is."""
    if any(ch in address for ch in ",;"):
        return Text(
            "er staat meer dan één adres (een lijst met ',' of ';'); een protocol noemt per "
            "ontvanger precies één mailbox",
            "it holds more than one address (a list with ',' or ';'); a protocol names exactly "
            "one mailbox per recipient",
        )
    if any(ch in address for ch in '<>"()') or any(ch.isspace() for ch in address):
        return Text(
            "schrijf alleen het adres zelf (naam@domein), zonder naam, haakjes, spaties of "
            "regeleinden",
            "write only the address itself (name@domain), without a name, brackets, spaces or "
            "line breaks",
        )
    local, at, domain = address.rpartition("@")
    labels = domain.split(".")
    if (
        not at
        or not _LOCAL.match(local)
        or len(address) > 254
        or len(labels) < 2
        or not all(_LABEL.match(label) for label in labels)
    ):
        return Text(
            "dit is geen geldig e-mailadres (naam@domein.be)",
            "this is not a valid e-mail address (name@domain.be)",
        )
    if _PHONE.match(local) or _is_gateway(domain):
        return Text(
            "dit is een e-mail-naar-sms-dienst: het archief zou op een gsm belanden, waar ook "
            "het wachtwoord heen gaat",
            "this is an e-mail-to-SMS gateway: the archive would end up on a phone, where the "
            "password goes too",
        )
    return None
