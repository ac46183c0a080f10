"""CM.com's Business Messaging API (JSON).

POST {base}/v1.0/message with
``{"messages": {"authentication": {"producttoken": ...}, "msg": [{"from", "to":
[{"number"}], "body": {"content"}, "reference"}]}}``. CM numbers are written
with a 00 prefix. The answer carries ``errorCode`` (0 = accepted) and per
message ``messages[].reference`` (our handoff id) and, where CM gives one, a
message id; the reference is what CM's own reports show, so it is the id we
keep when no other is given.
"""

from __future__ import annotations

import json
from typing import Any

from handoff.channels import sms

_AUTH_ERRORS = {101, 102}  # authentication failed / no account for the token


@sms.register
class CmSms(sms.SmsSender):
    """CM.com adapter; the product token is in the keyring."""

    provider = "cm"
    default_base_url = "https://gw.cmtelecom.com"

    def payload(self, number: str, body: str, reference: str, token: str) -> dict[str, Any]:
        message = {
            "from": self.settings.sms.sender,
            "to": [{"number": "00" + number.removeprefix("+")}],
            "body": {"type": "auto", "content": body},
            "reference": reference,
        }
        return {"messages": {"authentication": {"producttoken": token}, "msg": [message]}}

    def submit(self, number: str, body: str, reference: str, token: str) -> str:
        data = json.dumps(self.payload(number, body, reference, token)).encode("utf-8")
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        answer = sms.post(f"{self.base_url}/v1.0/message", data, headers, self.settings.sms.timeout)
        code = answer.get("errorCode", 0)
        if code in _AUTH_ERRORS:
            raise sms.token_rejected()
        if code != 0:
            raise sms.http_error(200, answer)
        return _message_id(answer, reference)


def _message_id(answer: dict[str, Any], reference: str) -> str:
    messages = answer.get("messages") or [{}]
    first = messages[0] if isinstance(messages[0], dict) else {}
    found = first.get("messageId") or first.get("reference") or reference
    return str(found)
