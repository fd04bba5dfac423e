"""Create a clerk (protokollförare): a staff user in the clerks' group."""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from minutes.roles import CLERK_GROUP


class Command(BaseCommand):
    help = "Skapar en protokollförare som kan ladda upp, granska och publicera protokoll."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-env",
            metavar="VAR",
            help="Läs lösenordet från denna miljövariabel i stället för att fråga.",
        )

    def handle(self, *args, username: str, email: str, password_env: str | None, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"Användaren {username!r} finns redan.")
        password = self._read_password(password_env)
        user = User(username=username, email=email, is_staff=True)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name=CLERK_GROUP))
        self.stdout.write(self.style.SUCCESS(f"Protokollföraren {username} är skapad."))

    def _read_password(self, env_name: str | None) -> str:
        if env_name:
            password = os.environ.get(env_name, "")
            if not password:
                raise CommandError(f"Miljövariabeln {env_name} är tom.")
            return password
        first = getpass.getpass("Lösenord: ")
        if first != getpass.getpass("Lösenord igen: "):
            raise CommandError("Lösenorden är olika.")
        return first
