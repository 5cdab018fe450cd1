"""The demo's media bank: a catalogue of painted photos, each described as a photo desk would.

Photos are identified by their title (unique in the catalogue), so a second run finds them and
paints nothing. Captions exist in both languages: the photo carries the English one, and Russian
articles override it with the Russian one (lead_photo_caption, the photo block's caption).
"""

import io
import random
from dataclasses import dataclass
from datetime import timedelta

from django.core.files.images import ImageFile
from django.utils.text import slugify

from dateline.mediabank.factories import PhotoFactory
from dateline.mediabank.models import Licence, Photo
from dateline.mediabank.renditions import KINDS

from .bilingual import T
from .cast import AUTHORS, PEOPLE
from .painting import paint

# Originals are 1920 px wide so the widest published rendition is a real one; tests lower it.
PICTURE_SIZE = (1920, 1280)

AGENCIES = {
    "Dateline": ("Ines Varga", "Teo Marsh", "Aline Roch"),
    "Sarmel Pictures": ("Pavel Ostrin", "Kira Demet"),
    "Halvern Press Photo": ("Lukas Fenn", "Sasha Orlen"),
    "Coastline Wire": ("Noor Bettany", "Ivo Calder"),
}

TIMES = {
    "dawn": T("at dawn", "на рассвете"),
    "morning": T("in the morning", "утром"),
    "noon": T("at midday", "в полдень"),
    "afternoon": T("in the afternoon", "днём"),
    "dusk": T("at dusk", "в сумерках"),
    "night": T("at night", "ночью"),
    "overcast": T("under a grey sky", "под серым небом"),
}

# (scene, time of day, subject in both languages, keywords). The subject is the title's start.
SCENES = (
    (
        "harbour",
        "dawn",
        T(
            "Fishing boats in the old harbour of Port Halvern",
            "Рыбацкие лодки в старой гавани Порт-Халверна",
        ),
        ("harbour", "fishing boats", "Port Halvern"),
    ),
    (
        "harbour",
        "morning",
        T(
            "Cranes and warehouses on the east quay of Port Halvern",
            "Краны и склады на восточном причале Порт-Халверна",
        ),
        ("harbour", "quay", "Port Halvern"),
    ),
    (
        "harbour",
        "overcast",
        T(
            "Trawlers moored in the naval port of Lunsk",
            "Траулеры у причалов военного порта Лунска",
        ),
        ("harbour", "trawlers", "Lunsk"),
    ),
    (
        "harbour",
        "dusk",
        T("The river harbour of Teradal", "Речная гавань Терадала"),
        ("harbour", "river", "Teradal"),
    ),
    (
        "harbour",
        "afternoon",
        T(
            "Ferries waiting at the north pier of Port Halvern",
            "Паромы у северного пирса Порт-Халверна",
        ),
        ("ferries", "pier", "Port Halvern"),
    ),
    (
        "skyline",
        "morning",
        T(
            "The skyline of Port Halvern from the harbour",
            "Панорама Порт-Халверна со стороны гавани",
        ),
        ("skyline", "city", "Port Halvern"),
    ),
    (
        "skyline",
        "dusk",
        T(
            "Office towers of the new business district in Port Halvern",
            "Офисные башни нового делового района Порт-Халверна",
        ),
        ("skyline", "business district", "Port Halvern"),
    ),
    (
        "skyline",
        "overcast",
        T("Apartment blocks on the edge of Teradal", "Жилые кварталы на окраине Терадала"),
        ("city", "housing", "Teradal"),
    ),
    (
        "skyline",
        "noon",
        T("The centre of Orsen, the capital of Kethria", "Центр Орсена, столицы Кетрии"),
        ("skyline", "Orsen", "Kethria"),
    ),
    (
        "parliament",
        "morning",
        T(
            "The National Assembly building in Port Halvern",
            "Здание Национального собрания в Порт-Халверне",
        ),
        ("National Assembly", "parliament", "Port Halvern"),
    ),
    (
        "parliament",
        "afternoon",
        T(
            "Visitors on the steps of the National Assembly",
            "Посетители на ступенях Национального собрания",
        ),
        ("National Assembly", "parliament", "visitors"),
    ),
    (
        "parliament",
        "dusk",
        T("The old customs house in Corrin Ford", "Старая таможня в Коррин-Форде"),
        ("customs", "Corrin Ford", "border"),
    ),
    (
        "parliament",
        "noon",
        T("The main hall of the University of Vessny", "Главный корпус Университета Весни"),
        ("University of Vessny", "Vessny"),
    ),
    (
        "parliament",
        "overcast",
        T(
            "The headquarters of the Central Bank of Marendia",
            "Штаб-квартира Центрального банка Марендии",
        ),
        ("Central Bank", "Port Halvern"),
    ),
    (
        "ship",
        "dawn",
        T("The frigate Aurelle leaving Lunsk", "Фрегат «Аурель» выходит из Лунска"),
        ("navy", "frigate", "Lunsk"),
    ),
    (
        "ship",
        "noon",
        T("A container ship in the Brisca Strait", "Контейнеровоз в Брискийском проливе"),
        ("shipping", "container ship", "Brisca Strait"),
    ),
    (
        "ship",
        "afternoon",
        T("The research ship Vela in the Sarmel Sea", "Научное судно «Вела» в Сармельском море"),
        ("research ship", "Sarmel Sea"),
    ),
    (
        "ship",
        "overcast",
        T(
            "Patrol ships of the Marendian Navy on exercise",
            "Патрульные корабли ВМС Марендии на учениях",
        ),
        ("navy", "exercise", "Sarmel Sea"),
    ),
    (
        "ship",
        "dusk",
        T("A ferry crossing to the islands", "Паром на пути к островам"),
        ("ferry", "islands", "Sarmel Sea"),
    ),
    (
        "ship",
        "morning",
        T("A navy supply ship off the northern coast", "Судно снабжения ВМС у северного побережья"),
        ("navy", "Lunsk"),
    ),
    (
        "fields",
        "morning",
        T("Farmland near Corrin Ford", "Сельхозугодья под Коррин-Фордом"),
        ("farming", "Corrin Ford"),
    ),
    (
        "fields",
        "afternoon",
        T("Barley fields in the Tera valley", "Ячменные поля в долине Теры"),
        ("farming", "barley", "Tera valley"),
    ),
    (
        "fields",
        "dusk",
        T("A farm on the road to the Kethrian border", "Ферма у дороги к кетрийской границе"),
        ("farming", "border", "Kethria"),
    ),
    (
        "fields",
        "overcast",
        T("Harvest time near Teradal", "Уборка урожая под Терадалом"),
        ("harvest", "Teradal"),
    ),
    (
        "mountains",
        "morning",
        T("Wind turbines on the Aldmoor Highlands", "Ветряные турбины на Альдмурском нагорье"),
        ("wind power", "Aldmoor Highlands"),
    ),
    (
        "mountains",
        "dawn",
        T(
            "First snow on the peaks of the Aldmoor Highlands",
            "Первый снег на вершинах Альдмурского нагорья",
        ),
        ("snow", "Aldmoor Highlands"),
    ),
    (
        "mountains",
        "afternoon",
        T("Sheep pastures below the Aldmoor ridge", "Овечьи пастбища под Альдмурским хребтом"),
        ("sheep", "Aldmoor Highlands"),
    ),
    ("mountains", "dusk", T("The hills above Vessny", "Холмы над Весни"), ("hills", "Vessny")),
    (
        "crowd",
        "afternoon",
        T("Crowds in Harbour Square, Port Halvern", "Толпа на Гаванской площади в Порт-Халверне"),
        ("crowd", "Harbour Square", "Port Halvern"),
    ),
    (
        "crowd",
        "noon",
        T("Supporters at a rally in Teradal", "Сторонники на митинге в Терадале"),
        ("rally", "Teradal"),
    ),
    (
        "crowd",
        "morning",
        T("Commuters at the ferry terminal", "Пассажиры у паромного терминала"),
        ("commuters", "ferry", "Port Halvern"),
    ),
    (
        "crowd",
        "dusk",
        T("A market evening in Corrin Ford", "Вечерний рынок в Коррин-Форде"),
        ("market", "Corrin Ford"),
    ),
    (
        "night",
        "night",
        T("Port Halvern at night", "Ночной Порт-Халверн"),
        ("night", "Port Halvern"),
    ),
    (
        "night",
        "night",
        T("Lights of the waterfront in Lunsk", "Огни набережной Лунска"),
        ("night", "Lunsk"),
    ),
    (
        "night",
        "night",
        T("The business district of Orsen after dark", "Деловой район Орсена после заката"),
        ("night", "Orsen", "Kethria"),
    ),
    (
        "industry",
        "morning",
        T("The steelworks in Teradal", "Сталелитейный завод в Терадале"),
        ("steel", "industry", "Teradal"),
    ),
    (
        "industry",
        "dusk",
        T("Sheds of Halvern Shipyards", "Цеха «Халвернских верфей»"),
        ("shipyard", "Halvern Shipyards"),
    ),
    (
        "industry",
        "overcast",
        T("The gas power station in Teradal", "Газовая электростанция в Терадале"),
        ("energy", "power station", "Teradal"),
    ),
    (
        "industry",
        "afternoon",
        T(
            "The battery plant in the former locomotive works",
            "Аккумуляторный завод в цехах бывшего локомотивного завода",
        ),
        ("batteries", "industry", "Teradal"),
    ),
    (
        "bridge",
        "morning",
        T("The bridge over the Tera at Teradal", "Мост через Теру в Терадале"),
        ("bridge", "Tera", "Teradal"),
    ),
    (
        "bridge",
        "dusk",
        T("The border bridge at Corrin Ford", "Пограничный мост в Коррин-Форде"),
        ("bridge", "border", "Corrin Ford"),
    ),
    (
        "bridge",
        "noon",
        T("The estuary bridge at Vessny", "Мост через устье у Весни"),
        ("bridge", "Vessny"),
    ),
    (
        "bridge",
        "overcast",
        T("Rail viaduct in the Tera valley", "Железнодорожный виадук в долине Теры"),
        ("railway", "Tera valley"),
    ),
    (
        "harbour",
        "noon",
        T("Sailing boats at the marina of Vessny", "Парусные лодки в марине Весни"),
        ("marina", "Vessny"),
    ),
)

# Portraits: people and journalists who have one.
PORTRAITS = (
    *(
        PEOPLE[k]
        for k in (
            "ilse-varandt",
            "tomas-reyl",
            "mara-sollen",
            "lotte-aberin",
            "yelena-marsk",
            "kasimir-dovel",
        )
    ),
    *(
        AUTHORS[k]
        for k in (
            "nadia-corvell",
            "emil-strand",
            "hanna-vey",
            "rafael-oduya",
            "mirela-tesk",
            "dmitri-vasko",
        )
    ),
)


@dataclass(frozen=True)
class PhotoSpec:
    """A photo the demo paints: its description and how to paint it."""

    title: str
    caption: T
    scene: str
    time: str
    keywords: tuple
    agency: str
    photographer: str
    days_ago: int
    licence: str
    seed: int
    portrait_of: str = ""  # the cast key of the person portrayed
    feminine: bool = False

    def date_taken(self, today):
        return today - timedelta(days=self.days_ago)


def catalogue(seed):
    """Every photo of the demo, described, in a stable order."""
    rng = random.Random(f"{seed}:photos")
    agencies = list(AGENCIES)
    licences = [Licence.EDITORIAL] * 5 + [Licence.RIGHTS_RESERVED, Licence.CC_BY, Licence.CC_BY_SA]
    specs = []
    for n, (scene, time, subject, keywords) in enumerate(SCENES):
        when = TIMES[time]
        agency = agencies[n % len(agencies)] if n % 3 else "Dateline"
        specs.append(
            PhotoSpec(
                title=f"{subject.en} {when.en}",
                caption=T(f"{subject.en} {when.en}.", f"{subject.ru} {when.ru}."),
                scene=scene,
                time=time,
                keywords=(scene, *keywords),
                agency=agency,
                photographer=rng.choice(AGENCIES[agency]),
                days_ago=rng.randint(1, 90),
                licence=rng.choice(licences),
                seed=rng.randrange(1_000_000),
            )
        )
    for who in PORTRAITS:
        role = getattr(who, "role", None) or who.job_title
        specs.append(
            PhotoSpec(
                title=f"{who.name.en}, portrait",
                caption=T(
                    f"{who.name.en}, {role.en[0].lower()}{role.en[1:]}.",
                    f"{who.name.ru}, {role.ru}.",
                ),
                scene="portrait",
                time="morning",
                keywords=("portrait", who.name.en),
                agency="Dateline",
                photographer=rng.choice(AGENCIES["Dateline"]),
                days_ago=rng.randint(100, 400),
                licence=Licence.RIGHTS_RESERVED,
                seed=rng.randrange(1_000_000),
                portrait_of=who.key,
                feminine=who.feminine,
            )
        )
    return specs


def rendition_specs(spec):
    """The renditions the site will ask for: lead and card everywhere, portraits for people."""
    specs = KINDS["lead"].all_specs + KINDS["card"].all_specs
    if spec.portrait_of:
        specs += KINDS["portrait"].all_specs
    return specs


def existing_photos(specs):
    """title -> Photo for the catalogue photos already in the media bank."""
    titles = [spec.title for spec in specs]
    return {photo.title: photo for photo in Photo.objects.filter(title__in=titles)}


def create_photo(spec, today):
    """Paint the picture (with its EXIF credit) and add it to the media bank."""
    taken = spec.date_taken(today)
    exif = {
        0x010E: spec.caption.en,  # ImageDescription
        0x013B: spec.photographer,  # Artist
        0x8298: f"{spec.agency} / {spec.photographer}",  # Copyright
        0x0132: taken.strftime("%Y:%m:%d 12:00:00"),  # DateTime
    }
    data = paint(spec.scene, spec.time, spec.seed, PICTURE_SIZE, spec.feminine, exif)
    return PhotoFactory(
        title=spec.title,
        caption=spec.caption.en,
        agency=spec.agency,
        photographer=spec.photographer,
        date_taken=taken,
        licence=spec.licence,
        file=ImageFile(io.BytesIO(data), name=f"{slugify(spec.title)[:80]}.jpg"),
        keywords=list(spec.keywords),
    )
