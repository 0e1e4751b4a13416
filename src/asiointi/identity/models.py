from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """An account: a resident identified strongly, or a member of staff.

    Its own model from the start: swapping user models later is painful.
    """
