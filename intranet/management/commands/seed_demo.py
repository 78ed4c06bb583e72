from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from events import demo as events_demo
from home import demo as home_demo
from home import demo_social
from news import demo as news_demo
from people import demo as people_demo
from projects import demo as projects_demo
from workshops import demo as workshops_demo


class Command(BaseCommand):
    help = "Opretter demo-indhold og demo-brugere (idempotent). Nægter at køre med produktionsindstillinger."

    def add_arguments(self, parser):
        parser.add_argument("--password", default=None, help="Adgangskode til alle demo-brugere.")

    def handle(self, *args, password=None, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError("seed_demo må ikke køre med produktionsindstillinger.")
        password = password or settings.DEMO_PASSWORD
        log = self.stdout.write
        with transaction.atomic():
            log("Brugere ...")
            users = people_demo.seed(password, log)
            log("Sidetræ ...")
            pages = home_demo.seed(log)
            pages["directory"] = people_demo.seed_directory(pages["home"], log)
            log("Projekter ...")
            pages.update(projects_demo.seed(users, pages, log))
            log("Workshopresultater ...")
            pages.update(workshops_demo.seed(users, pages, log))
            log("Nyheder ...")
            pages.update(news_demo.seed(users, pages, log))
            log("Kalender ...")
            pages.update(events_demo.seed(users, pages, log))
            log("Reaktioner, følger og notifikationer ...")
            demo_social.seed(users, pages, log)
        context = {"users": users, **pages}
        log(self.style.SUCCESS(f"Demo-indhold er klar ({len(context['users'])} demo-brugere)."))
