import io
from typing import Any

import qrcode
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from asiointi.backoffice.services import staff_second_factor_set_up
from asiointi.identity.models import User


class Command(BaseCommand):
    help = (
        "Set up the second factor of a member of staff (back office) or a superuser (admin): "
        "prints an "
        "authenticator app's otpauth:// address (and its QR code) and single-use recovery codes."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace an app already set up (a lost phone); its old codes stop working.",
        )
        parser.add_argument("--recovery-codes", type=int, default=10, metavar="N")
        parser.add_argument("--no-qr", action="store_true", help="Print the address only.")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user {options['username']!r}.")
        staff = (
            user.is_superuser or user.agency_memberships.exists() or user.platform_roles.exists()
        )
        if not (user.is_active and staff):
            raise CommandError(
                f"{user.username} is neither an active superuser nor a member of an agency's "
                "staff: only they log in with a second factor (the admin, the back office)."
            )
        if TOTPDevice.objects.filter(user=user, confirmed=True).exists() and not options["replace"]:
            raise CommandError(
                f"{user.username} already has an authenticator app. --replace sets up a new "
                "one; the old app and recovery codes then stop working."
            )
        factor = staff_second_factor_set_up(user=user, recovery_codes=options["recovery_codes"])
        self.stdout.write(
            f"Add this to {user.username}'s authenticator app (the address holds the secret; "
            "do not keep it):\n"
        )
        self.stdout.write(factor.totp.config_url)
        if not options["no_qr"]:
            code = qrcode.QRCode(border=2)
            code.add_data(factor.totp.config_url)
            picture = io.StringIO()
            code.print_ascii(out=picture)
            self.stdout.write("\n" + picture.getvalue())
        self.stdout.write(
            "\nRecovery codes, each usable once in place of the app's code. Keep them "
            "somewhere safe, away from the phone:\n"
        )
        for recovery in factor.recovery_codes:
            self.stdout.write(f"  {recovery}")
