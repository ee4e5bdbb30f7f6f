"""Delivery by SMTP (STARTTLS, implicit TLS or plain), and to .eml files when none is set.

Both transports take a finished EmailMessage and the envelope recipients (exactly the
route's: the To: header is for people, the envelope is where it goes). They return a
Receipt saying which recipients accepted it, which refused it for now (4xx) and which
for good (5xx), or raise DeliveryError with a one-line reason when the whole message
failed; `permanent` tells the caller whether retrying can help.
"""

from __future__ import annotations

import os
import smtplib
import ssl
from collections.abc import Sequence
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

from tracker.config import EmailConfig
from tracker.notify.plan import Receipt


class DeliveryError(Exception):
    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class Transport(Protocol):
    def send(self, message: EmailMessage, recipients: Sequence[str]) -> Receipt:
        """Deliver to `recipients`; say where it went and who took it."""
        ...


def _reply(code: int, text: bytes | str) -> str:
    said = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {' '.join(said.split())}"


def _receipt(where: str, to: Sequence[str], refused: dict[str, tuple[int, bytes]]) -> Receipt:
    return Receipt(
        where,
        accepted=tuple(a for a in to if a not in refused),
        deferred=tuple((a, _reply(*r)) for a, r in sorted(refused.items()) if r[0] < 500),
        refused=tuple((a, _reply(*r)) for a, r in sorted(refused.items()) if r[0] >= 500),
    )


class SmtpTransport:
    def __init__(self, config: EmailConfig, env: dict[str, str] | None = None) -> None:
        self.config = config
        self._env = env if env is not None else dict(os.environ)

    def _password(self) -> str | None:
        if not self.config.username:
            return None
        if self.config.password_file is not None:
            try:
                return self.config.password_file.read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise DeliveryError(
                    f"SMTP password file {self.config.password_file}: {exc.strerror or exc}",
                    permanent=True,
                ) from None
        name = self.config.password_env
        if not name:
            return None
        value = self._env.get(name)
        if value is None:
            raise DeliveryError(f"SMTP password env var {name} is not set", permanent=True)
        return value

    def send(self, message: EmailMessage, recipients: Sequence[str]) -> Receipt:
        cfg = self.config
        where = f"smtp://{cfg.host}:{cfg.port}"
        to = list(recipients)
        context = ssl.create_default_context()
        try:
            smtp: smtplib.SMTP
            if cfg.security == "ssl":
                smtp = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout, context=context)
            else:
                smtp = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
            with smtp:
                smtp.ehlo()
                if cfg.security == "starttls":
                    smtp.starttls(context=context)
                    smtp.ehlo()
                password = self._password()
                if cfg.username and password is not None:
                    smtp.login(cfg.username, password)
                refused = smtp.send_message(message, from_addr=cfg.sender, to_addrs=to)
        except DeliveryError:
            raise
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(
                f"{where}: authentication failed ({exc.smtp_code})", permanent=True
            ) from None
        except smtplib.SMTPRecipientsRefused as exc:
            return _receipt(where, to, exc.recipients)
        except smtplib.SMTPResponseException as exc:
            raise DeliveryError(
                f"{where}: server said {_reply(exc.smtp_code, exc.smtp_error)}",
                permanent=500 <= exc.smtp_code < 600,
            ) from None
        except smtplib.SMTPServerDisconnected as exc:
            if isinstance(exc.__context__, TimeoutError):  # smtplib words a timeout so
                raise DeliveryError(f"{where}: timed out after {cfg.timeout:g} s") from None
            raise DeliveryError(f"{where}: {type(exc).__name__}: {exc}") from None
        except (smtplib.SMTPException, ssl.SSLError) as exc:
            raise DeliveryError(f"{where}: {type(exc).__name__}: {exc}") from None
        except TimeoutError:
            raise DeliveryError(f"{where}: timed out after {cfg.timeout:g} s") from None
        except OSError as exc:
            raise DeliveryError(f"{where}: {exc.strerror or exc}") from None
        return _receipt(where, to, refused)


class OutboxTransport:
    """Writes each message as an .eml file, atomically, named after its Message-ID."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def send(self, message: EmailMessage, recipients: Sequence[str]) -> Receipt:
        stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in str(message["Message-ID"]))
        stem = stem.strip("_")[:120] or "message"
        prefix = str(message.get("X-Tracker-As-Of", "")).replace(":", "")[:15]
        name = f"{prefix}-{stem}.eml" if prefix else f"{stem}.eml"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            target = self.folder / name
            temp = self.folder / f".{name}.tmp"
            temp.write_bytes(message.as_bytes())
            os.replace(temp, target)
        except OSError as exc:
            raise DeliveryError(f"outbox {self.folder}: {exc.strerror or exc}") from None
        return Receipt(str(target), accepted=tuple(recipients))
