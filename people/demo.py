"""The demo users every role is shown with (admin, kommunikation, moderator, projektleder, ...), their profiles and the 20 change agents (invented names)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from . import roles
from .models import ChangeAgentDirectoryPage, Department, Profile

# username, first name, last name, role group (None: employees only), superuser
DEMO_USERS = [
    ("admin", "Anne", "Administrator", None, True),
    ("kommunikation", "Kasper", "Kjærgaard", roles.COMMUNICATIONS, False),
    ("moderator", "Mette", "Mortensen", roles.MODERATORS, False),
    ("projektleder", "Pernille", "Lykkegaard", roles.PROJECT_LEADS, False),
    ("projektleder2", "Peter", "Holmgaard", roles.PROJECT_LEADS, False),
    ("forandringsagent", "Frida", "Agerskov", roles.CHANGE_AGENTS, False),
    ("medarbejder", "Mads", "Bundgaard", None, False),
]

DEPARTMENTS = [
    "Ledelsessekretariatet",
    "Børn og Unge",
    "Social og Sundhed",
    "Ældreområdet",
    "Jobcenter Ikast-Brande",
    "Teknik og Miljø",
    "Kultur og Fritid",
    "Økonomi",
    "IT og Digitalisering",
    "Kommunikation",
]

# username: (job title, department, phone, competencies, methods)
PROFILES = {
    "admin": ("Systemadministrator", "IT og Digitalisering", "9960 1000", [], ""),
    "kommunikation": ("Kommunikationskonsulent", "Kommunikation", "9960 1010", ["Formidling", "Kampagner"], ""),
    "moderator": ("Udviklingskonsulent", "Ledelsessekretariatet", "9960 1020", ["Procesfacilitering"], ""),
    "projektleder": (
        "Udviklingskonsulent og tema-projektleder",
        "Ledelsessekretariatet",
        "9960 1030",
        ["Borgerinddragelse", "Projektledelse", "Procesfacilitering"],
        "Fremtidsværksted og borgerpaneler.",
    ),
    "projektleder2": (
        "Sundhedsfaglig konsulent og tema-projektleder",
        "Social og Sundhed",
        "9960 1040",
        ["Projektledelse", "Velfærdsteknologi"],
        "Gevinstrealisering og små forsøg i hverdagen.",
    ),
    "medarbejder": ("Sagsbehandler", "Jobcenter Ikast-Brande", "9960 1050", [], ""),
}

# The 20 change agents of the announcement: "forandringsagent" and 19 colleagues (all invented).
# username, first name, last name, job title, department, competencies, methods
CHANGE_AGENTS = [
    (
        "forandringsagent",
        "Frida",
        "Agerskov",
        "Pædagogisk konsulent",
        "Børn og Unge",
        ["Procesfacilitering", "Kreativ idéudvikling", "Borgerinddragelse"],
        "Brainwriting, idékort og prototyper af pap og papir.",
    ),
    (
        "hbrix",
        "Henrik",
        "Brix",
        "Afdelingsleder",
        "Teknik og Miljø",
        ["Forandringsledelse", "Procesfacilitering"],
        "Fremtidsværksted og rollespil.",
    ),
    (
        "lthorsager",
        "Lone",
        "Thorsager",
        "Sygeplejerske",
        "Ældreområdet",
        ["Borgerinddragelse", "Velfærdsteknologi"],
        "Brugerrejser og interviews med borgere.",
    ),
    (
        "ksandahl",
        "Karsten",
        "Sandahl",
        "Jobkonsulent",
        "Jobcenter Ikast-Brande",
        ["Kreativ idéudvikling", "Coaching"],
        "Omvendt brainstorm og seks tænkehatte.",
    ),
    (
        "mvestergaard",
        "Maja",
        "Vestergaard",
        "Socialrådgiver",
        "Social og Sundhed",
        ["Borgerinddragelse", "Anerkendende udforskning"],
        "Appreciative inquiry og fortællinger.",
    ),
    (
        "tkrogh",
        "Torben",
        "Krogh",
        "Skoleleder",
        "Børn og Unge",
        ["Forandringsledelse", "Projektledelse"],
        "Workshops med elever og forældre.",
    ),
    (
        "shedegaard",
        "Susanne",
        "Hedegaard",
        "Økonomikonsulent",
        "Økonomi",
        ["Gevinstrealisering", "Procesfacilitering"],
        "Business case i små skridt.",
    ),
    (
        "jlauridsen",
        "Jens",
        "Lauridsen",
        "IT-projektleder",
        "IT og Digitalisering",
        ["Design thinking", "Velfærdsteknologi"],
        "Hurtige prototyper og brugertest.",
    ),
    (
        "ahvidberg",
        "Anja",
        "Hvidberg",
        "Kulturkonsulent",
        "Kultur og Fritid",
        ["Kreativ idéudvikling", "Borgerinddragelse"],
        "Idéværksteder i foreningslivet.",
    ),
    (
        "nkjeldsen",
        "Niels",
        "Kjeldsen",
        "Vejingeniør",
        "Teknik og Miljø",
        ["Design thinking"],
        "Observationer og kortlægning af borgerens vej.",
    ),
    (
        "bmunk",
        "Birgitte",
        "Munk",
        "Hjemmeplejeleder",
        "Ældreområdet",
        ["Forandringsledelse", "Anerkendende udforskning"],
        "Lean-tavler og refleksionsrunder.",
    ),
    (
        "omadsen",
        "Ole",
        "Madsen",
        "Ungdomsvejleder",
        "Børn og Unge",
        ["Coaching", "Kreativ idéudvikling"],
        "Walk and talk og idéstafet.",
    ),
    (
        "hdamgaard",
        "Helle",
        "Damgaard",
        "Sundhedsplejerske",
        "Social og Sundhed",
        ["Borgerinddragelse", "Design thinking"],
        "Personas og brugerrejser.",
    ),
    (
        "rfrandsen",
        "Rasmus",
        "Frandsen",
        "Fuldmægtig",
        "Ledelsessekretariatet",
        ["Projektledelse", "Procesfacilitering"],
        "Projektmodel og interessentanalyse.",
    ),
    (
        "itoft",
        "Inge",
        "Toft",
        "Leder af borgerservice",
        "Social og Sundhed",
        ["Forandringsledelse", "Borgerinddragelse"],
        "Borgerpaneler og spørgeskemaer.",
    ),
    (
        "cbjerre",
        "Claus",
        "Bjerre",
        "Virksomhedskonsulent",
        "Jobcenter Ikast-Brande",
        ["Gevinstrealisering", "Kreativ idéudvikling"],
        "Idégenerering med virksomheder.",
    ),
    (
        "ejuhl",
        "Eva",
        "Juhl",
        "Ergoterapeut",
        "Ældreområdet",
        ["Velfærdsteknologi", "Design thinking"],
        "Afprøvning af hjælpemidler sammen med borgerne.",
    ),
    (
        "pnygaard",
        "Poul",
        "Nygaard",
        "Driftsleder",
        "Teknik og Miljø",
        ["Forandringsledelse"],
        "Tavlemøder og små forbedringsforsøg.",
    ),
    (
        "gskov",
        "Gitte",
        "Skov",
        "Biblioteksleder",
        "Kultur og Fritid",
        ["Borgerinddragelse", "Kreativ idéudvikling"],
        "Fremtidsværksted og idéudstillinger.",
    ),
    (
        "akristensen",
        "Anders",
        "Kristensen",
        "Controller",
        "Økonomi",
        ["Gevinstrealisering", "Coaching"],
        "Målkæder og effektmåling.",
    ),
]


def ensure_user(username, password, *, first_name="", last_name="", groups=(), superuser=False, email=None):
    """Create or update one user so that running the seed twice changes nothing."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": email or f"{username}@intranet.ikast-brande.test",
            "is_staff": superuser,
            "is_superuser": superuser,
        },
    )
    if created or not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user, created


def fill_profile(user, departments, job_title, department, phone, competencies, methods):
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.job_title = job_title
    profile.department = departments[department]
    profile.phone = phone
    profile.methods = methods
    profile.save()
    profile.competencies.set(competencies)
    return profile


def seed(password, log):
    departments = {name: Department.objects.get_or_create(name=name)[0] for name in DEPARTMENTS}
    users = {}
    for username, first, last, role, superuser in DEMO_USERS:
        groups = [role] if role else []
        user, created = ensure_user(
            username, password, first_name=first, last_name=last, groups=groups, superuser=superuser
        )
        users[username] = user
        if username in PROFILES:
            fill_profile(user, departments, *PROFILES[username])
        log(f"  bruger {username}: {'oprettet' if created else 'findes'}")
    for number, (username, first, last, title, department, competencies, methods) in enumerate(CHANGE_AGENTS):
        user, _created = ensure_user(username, password, first_name=first, last_name=last, groups=[roles.CHANGE_AGENTS])
        fill_profile(user, departments, title, department, f"9960 2{number:03d}", competencies, methods)
        users[username] = user
    log(f"  {len(CHANGE_AGENTS)} forandringsagenter med profiler")
    return users


def seed_directory(home, log):
    """The change-agent directory page under the front page (once)."""
    directory = ChangeAgentDirectoryPage.objects.first()
    if directory is None:
        directory = home.add_child(
            instance=ChangeAgentDirectoryPage(
                title="Forandringsagenter",
                slug="forandringsagenter",
                show_in_menus=True,
                introduction=(
                    "De 20 ledere og medarbejdere, der er uddannet i innovation og nytænkning. "
                    "Find en forandringsagent, der kan lede en idéworkshop for dig og dine kolleger."
                ),
            )
        )
        directory.save_revision().publish()
        log("  side oprettet: Forandringsagenter")
    return directory
