"""Reference numbers (asiointitunnus) a person can read out on the phone: 8 characters, no
look-alikes. Sent forms and course enrollments both use them, so they live with the customer."""

import secrets

# No 0/O/D/Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B, U/V: what is left cannot be mistaken when read or heard.
ALPHABET = "ACEFHJKMNPRTWXY3479"
LENGTH = 8


def reference_new() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
