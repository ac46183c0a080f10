"""Twilio's Programmable Messaging API.

POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded
To/From/Body, HTTP Basic auth AccountSid:AuthToken; the 201 answer is JSON
whose "sid" identifies the message. Twilio has no idempotency key for this
call, so the no-resend rule is kept by the shared ledger (see sms.py).
"""

from __future__ import annotations

import base64
from urllib.parse import quote, urlencode

from handoff.channels import sms


@sms.register
class TwilioSms(sms.SmsSender):
    """Twilio adapter; sms.account is the Account SID, the token is in the keyring."""

    provider = "twilio"
    default_base_url = "https://api.twilio.com"

    def submit(self, number: str, body: str, reference: str, token: str) -> str:
        sid = self.settings.sms.account
        url = f"{self.base_url}/2010-04-01/Accounts/{quote(sid, safe='')}/Messages.json"
        form = urlencode({"To": number, "From": self.settings.sms.sender, "Body": body})
        auth = base64.b64encode(f"{sid}:{token}".encode()).decode("ascii")
        headers = {
            "Authorization": f"Basic {auth}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
        }
        answer = sms.post(url, form.encode("utf-8"), headers, self.settings.sms.timeout)
        message_id = answer.get("sid")
        if not isinstance(message_id, str) or not message_id:
            raise sms.may_have_arrived()  # accepted (2xx) but no id: it may well go out
        return message_id
