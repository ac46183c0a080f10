"""Twilio's Programmable Messaging API.

POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded
To/From/Body, HTTP Basic auth AccountSid:AuthToken. Twilio documents success
as 201 Created with a Message resource whose ``sid`` is ``SM`` + 32 hex
digits and whose ``status`` is queued, accepted, sending, sent or delivered;
an error is a JSON body with a numeric ``code``. Nothing else counts as sent.
Twilio has no idempotency key for this call, so the no-resend rule is kept by
the shared ledger and the journal (see sms.py).
"""

from __future__ import annotations

import base64
import re
from urllib.parse import quote, urlencode

from handoff.channels import sms

ACCOUNT_SID = re.compile(r"AC[0-9a-fA-F]{32}")
MESSAGE_SID = re.compile(r"SM[0-9a-fA-F]{32}")
ACCEPTED = frozenset({"queued", "accepted", "sending", "sent", "delivered"})
FAILED = frozenset({"failed", "undelivered", "canceled"})


@sms.register
class TwilioSms(sms.SmsSender):
    """Twilio adapter; sms.account is the Account SID, the token is in the keyring."""

    provider = "twilio"
    default_base_url = "https://api.twilio.com"

    def check_settings(self) -> None:
        super().check_settings()
        if not ACCOUNT_SID.fullmatch(self.settings.sms.account):
            raise sms._fail("sms_bad_account")

    def submit(self, message: sms.Submission) -> str:
        sid = self.settings.sms.account
        url = f"{self.base_url}/2010-04-01/Accounts/{quote(sid, safe='')}/Messages.json"
        form = {"To": message.number, "From": self.settings.sms.sender, "Body": message.body}
        auth = base64.b64encode(f"{sid}:{message.token}".encode()).decode("ascii")
        headers = {
            "Authorization": f"Basic {auth}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
        }
        answer = sms.post(url, urlencode(form).encode(), headers, self.settings.sms.timeout)
        return read_answer(answer, message)


def read_answer(answer: sms.Answer, message: sms.Submission) -> str:
    """The message sid of a documented success; otherwise not sent or uncertain."""
    failed = sms.http_failure(answer)
    if failed is not None:
        raise failed
    data = answer.data
    if not answer.ok:  # another 4xx: Twilio's error body names its code
        raise sms.refused(answer, (data or {}).get("code"), message.password)
    if data is None:
        raise sms.uncertain("sms_uncertain_answer")  # empty, HTML, cut off
    if data.get("code") is not None or data.get("status") in FAILED:  # an error in a 2xx
        raise sms.refused(answer, data.get("code") or data.get("error_code"), message.password)
    sid = sms.checked_id(data.get("sid"), MESSAGE_SID, message.password)
    if answer.status != 201 or sid is None or data.get("status") not in ACCEPTED:
        raise sms.uncertain("sms_uncertain_answer")
    return sid
