"""The password hasher: Argon2id at a cost a small server carries under login traffic."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class ModestArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2id with OWASP's baseline parameters: 19 MiB of memory, two passes, one lane.

    Django's own Argon2 settings use 100 MiB and eight lanes; a login here should cost tens
    of milliseconds of one core. Hashes made with other parameters are re-made at login.
    """

    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
