"""Password hashes for offices without an identity provider, from the standard library only.

A hash is `scrypt$<n>$<r>$<p>$<salt hex>$<key hex>`: a random 16-byte salt per password and
scrypt's memory-hard cost (n=2**14, r=8: 16 MB, ~50 ms), so a leaked secrets.toml does not give
the passwords away cheaply. Only the hash goes into `.streamlit/secrets.toml`:

    python -m ui.passwords hash          # asks for the password twice, prints the hash
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import secrets
import sys

from present.format import Lang
from present.strings import t

SCHEME = "scrypt"
N, R, P = 2**14, 8, 1
KEY_BYTES = 32
SALT_BYTES = 16
# scrypt needs 128 * n * r bytes; OpenSSL refuses above its default 32 MB unless told.
MAX_MEMORY = 64 * 1024 * 1024
# Hashes with a weaker or absurd cost than this are refused rather than trusted or run.
MAX_N = 2**20
MIN_PASSWORD_LENGTH = 10
LANG: Lang = "vi"  # the command line speaks Vietnamese, as `python -m etl` does


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=MAX_MEMORY, dklen=KEY_BYTES
    )


def make_hash(password: str) -> str:
    """A new salted hash of `password` in the format above."""
    salt = secrets.token_bytes(SALT_BYTES)
    key = _derive(password, salt, N, R, P)
    return f"{SCHEME}${N}${R}${P}${salt.hex()}${key.hex()}"


def verify(password: str, stored: str) -> bool:
    """True when `password` matches `stored`; a malformed hash never matches (and never
    raises: a typo in secrets.toml must lock the account, not crash the sign-in form)."""
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        cost = int(n), int(r), int(p)
        if scheme != SCHEME or not (2 <= cost[0] <= MAX_N and 1 <= cost[1] <= 16 and cost[2] == 1):
            return False
        expected = bytes.fromhex(key)
        derived = _derive(password, bytes.fromhex(salt), *cost)
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(derived, expected)


def main(argv: list[str] | None = None) -> int:
    """`hash`: read a password twice without echo and print its hash for secrets.toml."""
    args = sys.argv[1:] if argv is None else argv
    if args != ["hash"]:
        print(t("passwords.usage", LANG), file=sys.stderr)
        return 2
    password = getpass.getpass(t("passwords.prompt", LANG))
    if len(password) < MIN_PASSWORD_LENGTH:
        print(t("passwords.too_short", LANG, count=MIN_PASSWORD_LENGTH), file=sys.stderr)
        return 2
    if getpass.getpass(t("passwords.again", LANG)) != password:
        print(t("passwords.mismatch", LANG), file=sys.stderr)
        return 2
    print(make_hash(password))
    return 0


if __name__ == "__main__":
    sys.exit(main())
