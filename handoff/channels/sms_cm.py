"""CM.com's Business Messaging API (JSON).

POST {base}/v1.0/message with
``{"messages": {"authentication": {"producttoken": ...}, "msg": [{"from", "to":
[{"number"}], "body": {"content"}, "reference"}]}}``. CM numbers are written
with a 00 prefix. CM documents its answer as ``{"details", "errorCode",
"messages": [{"to", "status", "reference", "parts", "messageDetails",
"messageErrorCode"}]}``: ``errorCode`` 0 for the request and, per message,
status ``Accepted`` with ``messageErrorCode`` 0 (``Rejected`` otherwise).
Request codes 101 and 103 mean the token is wrong, 102 that the credit is
spent. CM gives no message id of its own: its reports are keyed by the
``reference`` we send (the handoff id), so that is the id we keep, and only
once CM's answer names exactly that reference and our number.
"""

from __future__ import annotations

import json
from typing import Any

from handoff.channels import sms

_TOKEN_ERRORS = {101, 103}  # authentication failed / incorrect API key
_NO_CREDIT = 102


@sms.register
class CmSms(sms.SmsSender):
    """CM.com adapter; the product token is in the keyring."""

    provider = "cm"
    default_base_url = "https://gw.cmtelecom.com"

    def payload(self, message: sms.Submission) -> dict[str, Any]:
        msg = {
            "from": self.settings.sms.sender,
            "to": [{"number": cm_number(message.number)}],
            "body": {"type": "auto", "content": message.body},
            "reference": message.reference,
        }
        auth = {"producttoken": message.token}
        return {"messages": {"authentication": auth, "msg": [msg]}}

    def submit(self, message: sms.Submission) -> str:
        data = json.dumps(self.payload(message)).encode("utf-8")
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        url = f"{self.base_url}/v1.0/message"
        return read_answer(sms.post(url, data, headers, self.settings.sms.timeout), message)


def cm_number(number: str) -> str:
    """CM writes +32... as 0032..."""
    return "00" + number.removeprefix("+")


def read_answer(answer: sms.Answer, message: sms.Submission) -> str:
    """Our reference once CM accepted the one message; otherwise not sent or uncertain."""
    failed = sms.http_failure(answer)
    if failed is not None:
        raise failed
    data = answer.data
    code = (data or {}).get("errorCode")
    if data is None or isinstance(code, bool) or not isinstance(code, int):
        if answer.ok:
            raise sms.uncertain("sms_uncertain_answer")  # empty, HTML, no errorCode
        raise sms.refused(answer, None, message.password)
    if code in _TOKEN_ERRORS:
        raise sms.token_rejected()
    if code == _NO_CREDIT:
        raise sms.no_credit()
    if code != 0 or not answer.ok:
        raise sms.refused(answer, code, message.password)
    return _accepted(answer, data.get("messages"), message)


def _accepted(answer: sms.Answer, messages: object, message: sms.Submission) -> str:
    """The one message must be ours and ``Accepted``; ``Rejected`` is a refusal."""
    if not isinstance(messages, list) or len(messages) != 1 or not isinstance(messages[0], dict):
        raise sms.uncertain("sms_uncertain_answer")
    (entry,) = messages
    if entry.get("status") == "Rejected":
        raise sms.refused(answer, entry.get("messageErrorCode"), message.password)
    ours = entry.get("reference") == message.reference and entry.get("to") in (
        cm_number(message.number),
        message.number,
    )
    if entry.get("status") != "Accepted" or entry.get("messageErrorCode") != 0 or not ours:
        raise sms.uncertain("sms_uncertain_answer")
    return message.reference
