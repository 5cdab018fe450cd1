from django.core.management.base import BaseCommand

from dateline.newsroom.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create or update the newsroom's role groups (reporters, section editors per section, "
        "photo editors, moderators, administrators) and each section's review workflow."
    )

    def handle(self, *args, **options):
        groups = setup_roles()
        for name in sorted(groups):
            self.stdout.write(name)
