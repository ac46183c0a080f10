"""The messages a worker sees when packing or opening an archive fails.

One place for every archive failure, so each has its own code and a message
that says what is wrong and what to do, and none ever carries a password, a
file name from inside the archive or a cell value.
"""

from __future__ import annotations

import errno

from handoff.core import shares
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text

NOT_FOUND = Text(
    "Het bestand '{name}' bestaat niet. Controleer de naam en de map.",
    "The file '{name}' does not exist. Check the name and the folder.",
)
NOT_7Z = Text(
    "'{name}' is geen 7z-archief. Vraag de afzender het bestand te verpakken met Handoff of 7-Zip (.7z).",
    "'{name}' is not a 7z archive. Ask the sender to pack the file with Handoff or 7-Zip (.7z).",
)
ZIP_ARCHIVE = Text(
    "'{name}' is een zip-bestand, geen 7z-archief. Het protocol vraagt AES-256-versleuteling via "
    "7-Zip; een zip-wachtwoord beschermt vaak veel minder. Vraag de afzender het opnieuw te "
    "verpakken als .7z met Handoff of 7-Zip.",
    "'{name}' is a zip file, not a 7z archive. The protocol asks for AES-256 encryption with "
    "7-Zip; a zip password often protects far less. Ask the sender to pack it again as .7z "
    "with Handoff or 7-Zip.",
)
NOT_ENCRYPTED = Text(
    "Het archief '{name}' is niet versleuteld: de afzender heeft het protocol niet gevolgd "
    "(AES-256 via 7-Zip met een wachtwoord). Er is niets uitgepakt. Meld dit aan de afzender en "
    "uw functionaris voor gegevensbescherming, en vraag de afzender het bestand opnieuw te "
    "versturen zoals het protocol het voorschrijft.",
    "The archive '{name}' is not encrypted: the sender did not follow the protocol (AES-256 "
    "with 7-Zip and a password). Nothing was extracted. Tell the sender and your data "
    "protection officer, and ask the sender to send the file again as the protocol prescribes.",
)
SPLIT_VOLUME = Text(
    "'{name}' is één deel van een archief dat in stukken gesplitst is ({first}, {second}, ...). "
    "Handoff opent alleen een archief uit één stuk. Vraag de afzender het archief opnieuw te "
    "maken zonder het te splitsen (in 7-Zip: 'Splitsen in volumes' leeg laten). Er is niets "
    "uitgepakt.",
    "'{name}' is one part of an archive split into pieces ({first}, {second}, ...). Handoff "
    "opens only an archive in one piece. Ask the sender to make the archive again without "
    "splitting it (in 7-Zip: leave 'Split to volumes' empty). Nothing was extracted.",
)
IS_FOLDER = Text(
    "'{name}' is een map, geen archief. Kies het .7z-bestand zelf (bijvoorbeeld de bijlage "
    "die u uit de e-mail bewaarde).",
    "'{name}' is a folder, not an archive. Choose the .7z file itself (for example the "
    "attachment you saved from the e-mail).",
)
PASSWORD_REQUIRED = Text(
    "Het archief '{name}' is versleuteld. Geef het wachtwoord dat u apart (sms of telefoon) kreeg.",
    "The archive '{name}' is encrypted. Give the password you received separately (SMS or phone).",
)
WRONG_PASSWORD = Text(
    "Het wachtwoord is fout. Typ het opnieuw, letter voor letter zoals in de sms, "
    "met de streepjes of spaties erbij. Er is niets uitgepakt.",
    "The password is wrong. Type it again, character by character as in the SMS, "
    "including the dashes or spaces. Nothing was extracted.",
)
WRONG_PASSWORD_OR_DAMAGED = Text(
    "Het wachtwoord is fout, of het archief is onderweg beschadigd (dat valt bij dit archief "
    "niet te onderscheiden). Typ het wachtwoord opnieuw, letter voor letter; klopt het, vraag "
    "de afzender dan het archief opnieuw te sturen. Er is niets uitgepakt.",
    "The password is wrong, or the archive was damaged on the way (this archive does not let "
    "us tell which). Type the password again, character by character; if it is right, ask the "
    "sender to send the archive again. Nothing was extracted.",
)
DAMAGED = Text(
    "Het archief '{name}' is beschadigd of onvolledig ({detail}). Het wachtwoord is niet het "
    "probleem. Vraag de afzender het archief opnieuw te sturen. Er is niets uitgepakt.",
    "The archive '{name}' is damaged or incomplete ({detail}). The password is not the problem. "
    "Ask the sender to send the archive again. Nothing was extracted.",
)
TOO_LARGE = Text(
    "Het archief zou uitgepakt te groot worden ({detail}). Uitpakken is gestopt en er is "
    "niets achtergebleven. Dit is geen gewone lijst: neem contact op met de afzender en uw IT-dienst.",
    "The archive would be too large once extracted ({detail}). Extraction stopped and "
    "nothing was left behind. This is not an ordinary list: contact the sender and your IT desk.",
)
DISK_FULL = Text(
    "De schijf is vol. Er is niets half weggeschreven. Maak ruimte vrij of kies een andere map "
    "en probeer opnieuw.",
    "The disk is full. Nothing was left half-written. Free some space or choose another folder "
    "and try again.",
)
WRITE_FAILED = Text(
    "Schrijven in '{name}' lukt niet ({reason}). Er is niets half weggeschreven. Kies een map "
    "waarin u mag schrijven.",
    "Cannot write in '{name}' ({reason}). Nothing was left half-written. Choose a folder you may "
    "write in.",
)
CANCELLED = Text(
    "Afgebroken. Er is niets half weggeschreven.",
    "Cancelled. Nothing was left half-written.",
)
OUTPUT_EXISTS = Text(
    "'{name}' bestaat al. Handoff overschrijft nooit een bestand: kies een andere naam.",
    "'{name}' already exists. Handoff never overwrites a file: choose another name.",
)
FILE_EXISTS = Text(
    "In de doelmap '{folder}' bestaat al een bestand of map met dezelfde naam als in het "
    "archief. Handoff overschrijft nooit iets: kies een lege map of verplaats wat er al staat. "
    "Er is niets uitgepakt.",
    "The destination folder '{folder}' already holds a file or folder with the same name as "
    "one in the archive. Handoff never overwrites anything: choose an empty folder or move "
    "what is there. Nothing was extracted.",
)
EMPTY_PASSWORD = Text(
    "Het wachtwoord is leeg. Laat Handoff er een maken, of geef er een op.",
    "The password is empty. Let Handoff make one, or give one.",
)
NO_ENTRIES = Text(
    "Er is niets om te verpakken. Kies een bestand.",
    "There is nothing to pack. Choose a file.",
)

_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def from_os_error(exc: OSError, name: str) -> HandoffError:
    """A clear error for an OSError while writing; disk full and a share away have their own."""
    network = shares.translate(exc, name)
    if network is not None:
        return network
    if exc.errno in _FULL:
        return HandoffError("disk_full", DISK_FULL)
    reason = exc.strerror or type(exc).__name__
    return HandoffError("write_failed", WRITE_FAILED, name=name, reason=reason)
