"""The fictional world of the demo: the Republic of Marendia on the Sarmel Sea.

Every name here is invented. Marendia is a small coastal republic; Port Halvern is its capital
and main port; Kethria is the neighbour across the Brisca Strait; the Northern Coastal Alliance
is the regional defence pact both belong to. Each entry carries its English and Russian forms,
including the Russian cases the stories need.
"""

from dataclasses import dataclass

from .bilingual import T


@dataclass(frozen=True)
class Place:
    key: str
    name: T  # as a page title: "Sarmel Sea", "Сармельское море"
    the: T  # in running text: "the Sarmel Sea", "Сармельское море"
    of: T  # "of the Sarmel Sea", "Сармельского моря" (Russian genitive)
    at: T  # "in the Sarmel Sea", "в Сармельском море"
    summary: T
    dateline: T | None = None  # only places reporters file from


@dataclass(frozen=True)
class Person:
    key: str
    name: T
    role: T
    summary: T
    feminine: bool = False

    @property
    def a(self):
        """The Russian past-tense ending: заявил / заявила."""
        return "а" if self.feminine else ""


@dataclass(frozen=True)
class Organisation:
    key: str
    name: T
    summary: T


@dataclass(frozen=True)
class Author:
    key: str
    name: T
    job_title: T
    bio: T
    desks: tuple  # the sections they write for
    feminine: bool = False


def _place(key, name, the, of, at, summary, dateline=None):
    return Place(key, T(*name), T(*the), T(*of), T(*at), T(*summary), dateline and T(*dateline))


PLACES = {
    p.key: p
    for p in (
        _place(
            "port-halvern",
            ("Port Halvern", "Порт-Халверн"),
            ("Port Halvern", "Порт-Халверн"),
            ("of Port Halvern", "Порт-Халверна"),
            ("in Port Halvern", "в Порт-Халверне"),
            (
                "The capital of Marendia and its largest port, built around a deep natural "
                "harbour on the Sarmel Sea.",
                "Столица Марендии и её крупнейший порт, выросший вокруг глубокой естественной "
                "гавани на Сармельском море.",
            ),
            ("PORT HALVERN", "ПОРТ-ХАЛВЕРН"),
        ),
        _place(
            "vessny",
            ("Vessny", "Весни"),
            ("Vessny", "Весни"),
            ("of Vessny", "Весни"),
            ("in Vessny", "в Весни"),
            (
                "A university city in the north of Marendia, home to the country's oldest "
                "university and its observatory.",
                "Университетский город на севере Марендии, где находятся старейший университет "
                "страны и его обсерватория.",
            ),
            ("VESSNY", "ВЕСНИ"),
        ),
        _place(
            "teradal",
            ("Teradal", "Терадал"),
            ("Teradal", "Терадал"),
            ("of Teradal", "Терадала"),
            ("in Teradal", "в Терадале"),
            (
                "An industrial city on the river Tera, known for its steelworks, rail yards "
                "and the old river harbour.",
                "Промышленный город на реке Тера, известный сталелитейным заводом, "
                "железнодорожным узлом и старой речной гаванью.",
            ),
            ("TERADAL", "ТЕРАДАЛ"),
        ),
        _place(
            "corrin-ford",
            ("Corrin Ford", "Коррин-Форд"),
            ("Corrin Ford", "Коррин-Форд"),
            ("of Corrin Ford", "Коррин-Форда"),
            ("in Corrin Ford", "в Коррин-Форде"),
            (
                "A market town on the land border with Kethria and the busiest road crossing "
                "between the two countries.",
                "Торговый город на сухопутной границе с Кетрией и самый оживлённый "
                "автомобильный переход между двумя странами.",
            ),
            ("CORRIN FORD", "КОРРИН-ФОРД"),
        ),
        _place(
            "lunsk",
            ("Lunsk", "Лунск"),
            ("Lunsk", "Лунск"),
            ("of Lunsk", "Лунска"),
            ("in Lunsk", "в Лунске"),
            (
                "A northern port and the main base of the Marendian Navy, ice-bound for part "
                "of the winter.",
                "Северный порт и главная база ВМС Марендии, на часть зимы скованный льдом.",
            ),
            ("LUNSK", "ЛУНСК"),
        ),
        _place(
            "aldmoor",
            ("Aldmoor Highlands", "Альдмурское нагорье"),
            ("the Aldmoor Highlands", "Альдмурское нагорье"),
            ("of the Aldmoor Highlands", "Альдмурского нагорья"),
            ("in the Aldmoor Highlands", "на Альдмурском нагорье"),
            (
                "A windswept upland in the west of Marendia with sheep farms, hill villages and "
                "the country's largest wind farms.",
                "Продуваемое ветрами нагорье на западе Марендии с овечьими фермами, горными "
                "деревнями и крупнейшими в стране ветряными электростанциями.",
            ),
        ),
        _place(
            "sarmel-sea",
            ("Sarmel Sea", "Сармельское море"),
            ("the Sarmel Sea", "Сармельское море"),
            ("of the Sarmel Sea", "Сармельского моря"),
            ("in the Sarmel Sea", "в Сармельском море"),
            (
                "The shallow northern sea shared by Marendia and Kethria, rich in fish and "
                "crossed by the region's main shipping lanes.",
                "Мелководное северное море, которое делят Марендия и Кетрия, богатое рыбой и "
                "пересечённое главными судоходными путями региона.",
            ),
        ),
        _place(
            "brisca-strait",
            ("Brisca Strait", "Брискийский пролив"),
            ("the Brisca Strait", "Брискийский пролив"),
            ("of the Brisca Strait", "Брискийского пролива"),
            ("in the Brisca Strait", "в Брискийском проливе"),
            (
                "The narrow strait between Marendia and Kethria through which most of the "
                "region's cargo passes.",
                "Узкий пролив между Марендией и Кетрией, через который проходит большая часть "
                "грузов региона.",
            ),
        ),
        _place(
            "kethria",
            ("Kethria", "Кетрия"),
            ("Kethria", "Кетрия"),
            ("of Kethria", "Кетрии"),
            ("in Kethria", "в Кетрии"),
            (
                "Marendia's larger neighbour across the Brisca Strait, a partner in trade and a "
                "rival at sea.",
                "Более крупный сосед Марендии по ту сторону Брискийского пролива: партнёр в "
                "торговле и соперник на море.",
            ),
            ("ORSEN", "ОРСЕН"),  # Kethria's capital
        ),
        _place(
            "marendia",
            ("Marendia", "Марендия"),
            ("Marendia", "Марендия"),
            ("of Marendia", "Марендии"),
            ("in Marendia", "в Марендии"),
            (
                "A coastal republic of four million people on the Sarmel Sea, with its capital "
                "at Port Halvern.",
                "Приморская республика с населением четыре миллиона человек на Сармельском море; "
                "столица — Порт-Халверн.",
            ),
        ),
    )
}


def _person(key, name, role, summary, feminine=False):
    return Person(key, T(*name), T(*role), T(*summary), feminine)


PEOPLE = {
    p.key: p
    for p in (
        _person(
            "ilse-varandt",
            ("Ilse Varandt", "Ильзе Варандт"),
            ("Minister of Defence of Marendia", "министр обороны Марендии"),
            (
                "A former naval engineer who has run the defence ministry since the last "
                "election and champions a larger coastal fleet.",
                "Бывший корабельный инженер, возглавляющая министерство обороны с последних "
                "выборов и выступающая за расширение прибрежного флота.",
            ),
            feminine=True,
        ),
        _person(
            "tomas-reyl",
            ("Tomas Reyl", "Томас Рейль"),
            ("Prime Minister of Marendia", "премьер-министр Марендии"),
            (
                "Leader of the governing Harbour Alliance coalition, in his second term as head "
                "of government.",
                "Лидер правящей коалиции «Гаванский союз», второй срок возглавляющий "
                "правительство.",
            ),
        ),
        _person(
            "mara-sollen",
            ("Mara Sollen", "Мара Соллен"),
            ("Foreign Minister of Marendia", "министр иностранных дел Марендии"),
            (
                "A career diplomat and former ambassador to Kethria who leads Marendia's talks "
                "with its neighbours.",
                "Профессиональный дипломат, бывший посол в Кетрии, ведущая переговоры Марендии "
                "с соседями.",
            ),
            feminine=True,
        ),
        _person(
            "oren-kask",
            ("Oren Kask", "Орен Каск"),
            ("Minister of Finance of Marendia", "министр финансов Марендии"),
            (
                "An economist from Teradal who writes the national budget and guards its "
                "balance with a reputation for saying no.",
                "Экономист из Терадала, отвечающий за государственный бюджет и известный "
                "умением говорить «нет».",
            ),
        ),
        _person(
            "lotte-aberin",
            ("Lotte Aberin", "Лотте Аберин"),
            (
                "Governor of the Central Bank of Marendia",
                "председатель Центрального банка Марендии",
            ),
            (
                "Head of the central bank since its reform, in charge of interest rates and the "
                "fight against inflation.",
                "Глава Центрального банка со времени его реформы, отвечает за процентные ставки "
                "и борьбу с инфляцией.",
            ),
            feminine=True,
        ),
        _person(
            "petr-halvane",
            ("Petr Halvane", "Петр Халване"),
            ("Admiral, commander of the Marendian Navy", "адмирал, командующий ВМС Марендии"),
            (
                "A submariner by training who took command of the navy at Lunsk three years ago.",
                "Подводник по образованию, три года назад принявший командование флотом в Лунске.",
            ),
        ),
        _person(
            "anzel-brodt",
            ("Anzel Brodt", "Анцель Бродт"),
            ("General, Chief of the General Staff", "генерал, начальник Генерального штаба"),
            (
                "The country's most senior officer, who began his career in the border guard at "
                "Corrin Ford.",
                "Высший офицер страны, начинавший службу в пограничной охране в Коррин-Форде.",
            ),
        ),
        _person(
            "vikor-stann",
            ("Vikor Stann", "Викор Станн"),
            (
                "Leader of the opposition Civic Renewal Party",
                "лидер оппозиционной Партии гражданского обновления",
            ),
            (
                "A former mayor of Teradal who leads the largest opposition group in the "
                "National Assembly.",
                "Бывший мэр Терадала, возглавляющий крупнейшую оппозиционную фракцию "
                "Национального собрания.",
            ),
        ),
        _person(
            "renata-olsk",
            ("Renata Olsk", "Рената Ольск"),
            ("Speaker of the National Assembly", "председатель Национального собрания"),
            (
                "A constitutional lawyer elected speaker with votes from both the coalition and "
                "part of the opposition.",
                "Юрист-конституционалист, избранная председателем голосами коалиции и части "
                "оппозиции.",
            ),
            feminine=True,
        ),
        _person(
            "kasimir-dovel",
            ("Kasimir Dovel", "Казимир Довель"),
            ("Mayor of Port Halvern", "мэр Порт-Халверна"),
            (
                "Mayor of the capital since the last municipal election, elected on a promise of "
                "cheaper ferries and a rebuilt waterfront.",
                "Мэр столицы с последних муниципальных выборов, победивший с обещанием удешевить "
                "паромы и перестроить набережную.",
            ),
        ),
        _person(
            "jonas-ferrant",
            ("Jonas Ferrant", "Йонас Феррант"),
            ("Chief executive of Halvern Shipyards", "генеральный директор «Халвернских верфей»"),
            (
                "An engineer who rose through the yards to run the country's largest shipbuilder.",
                "Инженер, прошедший путь от цеха до руководства крупнейшей судостроительной "
                "компанией страны.",
            ),
        ),
        _person(
            "yelena-marsk",
            ("Yelena Marsk", "Елена Марск"),
            (
                "Director of the National Institute of Marine Science",
                "директор Национального института морских исследований",
            ),
            (
                "An oceanographer who has led the institute's research fleet on expeditions "
                "across the Sarmel Sea.",
                "Океанолог, руководившая экспедициями научного флота института по всему "
                "Сармельскому морю.",
            ),
            feminine=True,
        ),
        _person(
            "tamsin-orley",
            ("Tamsin Orley", "Тамсин Орли"),
            (
                "Professor of climate physics, University of Vessny",
                "профессор климатической физики Университета Весни",
            ),
            (
                "A climate physicist whose work on northern storms is cited across the region.",
                "Специалист по физике климата, чьи работы о северных штормах цитируют по всему "
                "региону.",
            ),
            feminine=True,
        ),
        _person(
            "edvin-saro",
            ("Edvin Saro", "Эдвин Саро"),
            ("Minister of Energy of Marendia", "министр энергетики Марендии"),
            (
                "A former grid engineer in charge of the country's move from imported gas to "
                "wind and storage.",
                "Бывший инженер энергосетей, отвечающий за переход страны от импортного газа к "
                "ветру и накопителям энергии.",
            ),
        ),
        _person(
            "ardis-kell",
            ("Ardis Kell", "Ардис Келль"),
            ("Foreign Minister of Kethria", "министр иностранных дел Кетрии"),
            (
                "Kethria's chief diplomat, known at home as a hard negotiator on fishing and "
                "shipping.",
                "Главный дипломат Кетрии, известный на родине как жёсткий переговорщик по "
                "вопросам рыболовства и судоходства.",
            ),
        ),
        _person(
            "beatrix-quillon",
            ("Beatrix Quillon", "Беатрикс Киллон"),
            (
                "Secretary General of the Northern Coastal Alliance",
                "генеральный секретарь Северного прибрежного альянса",
            ),
            (
                "The alliance's first secretary general from outside the military, elected for "
                "a four-year term.",
                "Первый генеральный секретарь альянса не из числа военных, избранная на четыре "
                "года.",
            ),
            feminine=True,
        ),
    )
}


def _organisation(key, name, summary):
    return Organisation(key, T(*name), T(*summary))


ORGANISATIONS = {
    o.key: o
    for o in (
        _organisation(
            "national-assembly",
            ("National Assembly of Marendia", "Национальное собрание Марендии"),
            (
                "Marendia's single-chamber parliament of 151 members, sitting in Port Halvern.",
                "Однопалатный парламент Марендии из 151 депутата, заседающий в Порт-Халверне.",
            ),
        ),
        _organisation(
            "ministry-of-defence",
            ("Ministry of Defence of Marendia", "Министерство обороны Марендии"),
            (
                "The ministry in charge of the army, the navy, the air wing and the border guard.",
                "Министерство, которому подчиняются армия, флот, авиация и пограничная охрана.",
            ),
        ),
        _organisation(
            "central-bank",
            ("Central Bank of Marendia", "Центральный банк Марендии"),
            (
                "The independent central bank that sets interest rates and issues the "
                "Marendian crown.",
                "Независимый центральный банк, устанавливающий процентные ставки и выпускающий "
                "марендийскую крону.",
            ),
        ),
        _organisation(
            "halvern-shipyards",
            ("Halvern Shipyards", "Халвернские верфи"),
            (
                "The country's largest shipbuilder, building ferries, patrol ships and research "
                "vessels in Port Halvern and Teradal.",
                "Крупнейшая судостроительная компания страны: паромы, патрульные корабли и "
                "научные суда в Порт-Халверне и Терадале.",
            ),
        ),
        _organisation(
            "sarmel-grid",
            ("Sarmel Grid", "«Сармел Грид»"),
            (
                "The state-owned company that runs Marendia's power grid and its largest wind "
                "farms.",
                "Государственная компания, управляющая энергосетью Марендии и её крупнейшими "
                "ветряными электростанциями.",
            ),
        ),
        _organisation(
            "marine-institute",
            ("National Institute of Marine Science", "Национальный институт морских исследований"),
            (
                "The public research institute that studies the Sarmel Sea, with a fleet of "
                "three research ships.",
                "Государственный научный институт, изучающий Сармельское море, с флотом из трёх "
                "научных судов.",
            ),
        ),
        _organisation(
            "civic-renewal",
            ("Civic Renewal Party", "Партия гражданского обновления"),
            (
                "The main opposition party, strongest in the industrial towns along the Tera.",
                "Главная оппозиционная партия, наиболее сильная в промышленных городах на Тере.",
            ),
        ),
        _organisation(
            "coastal-alliance",
            ("Northern Coastal Alliance", "Северный прибрежный альянс"),
            (
                "The regional defence and maritime safety pact of the states around the Sarmel "
                "Sea.",
                "Региональный союз государств Сармельского моря по обороне и безопасности "
                "мореплавания.",
            ),
        ),
        _organisation(
            "university-of-vessny",
            ("University of Vessny", "Университет Весни"),
            (
                "Marendia's oldest university, with strong departments of physics, climate and "
                "engineering.",
                "Старейший университет Марендии с сильными факультетами физики, климатологии и "
                "инженерии.",
            ),
        ),
    )
}


def _author(key, name, job_title, bio, desks, feminine=False):
    return Author(key, T(*name), T(*job_title), T(*bio), desks, feminine)


AUTHORS = {
    a.key: a
    for a in (
        _author(
            "nadia-corvell",
            ("Nadia Corvell", "Надя Корвелл"),
            ("Defence correspondent", "военный корреспондент"),
            (
                "Nadia covers the armed forces and the defence industry. She has reported from "
                "every naval exercise in the Sarmel Sea for the past eight years.",
                "Надя пишет о вооружённых силах и оборонной промышленности. Последние восемь лет "
                "она освещает все военно-морские учения в Сармельском море.",
            ),
            ("defense", "world"),
            feminine=True,
        ),
        _author(
            "emil-strand",
            ("Emil Strand", "Эмиль Странд"),
            ("Political editor", "политический редактор"),
            (
                "Emil runs the politics desk. Before joining Dateline he spent a decade in the "
                "press gallery of the National Assembly.",
                "Эмиль руководит отделом политики. До прихода в Dateline он десять лет работал "
                "в пресс-галерее Национального собрания.",
            ),
            ("politics",),
        ),
        _author(
            "sofie-arlen",
            ("Sofie Arlen", "Софи Арлен"),
            ("Parliamentary reporter", "парламентский корреспондент"),
            (
                "Sofie follows committees, votes and the late-night deals of the National "
                "Assembly.",
                "Софи следит за комитетами, голосованиями и ночными договорённостями в "
                "Национальном собрании.",
            ),
            ("politics", "economy"),
            feminine=True,
        ),
        _author(
            "hanna-vey",
            ("Hanna Vey", "Ханна Вей"),
            ("Economics correspondent", "экономический обозреватель"),
            (
                "Hanna writes about interest rates, prices, jobs and the companies that shape "
                "the Marendian economy.",
                "Ханна пишет о процентных ставках, ценах, рабочих местах и компаниях, которые "
                "определяют экономику Марендии.",
            ),
            ("economy",),
            feminine=True,
        ),
        _author(
            "jaro-pellin",
            ("Jaro Pellin", "Яро Пеллин"),
            ("Port Halvern bureau chief", "руководитель бюро в Порт-Халверне"),
            (
                "Jaro runs the newsroom's harbour bureau and covers shipping, the port and city "
                "hall.",
                "Яро руководит портовым бюро редакции и пишет о судоходстве, порте и мэрии.",
            ),
            ("economy", "politics", "world"),
        ),
        _author(
            "rafael-oduya",
            ("Rafael Oduya", "Рафаэль Одуя"),
            ("World affairs editor", "редактор международного отдела"),
            (
                "Rafael edits the world desk and writes on diplomacy around the Sarmel Sea, "
                "with a particular eye on Kethria.",
                "Рафаэль руководит международным отделом и пишет о дипломатии вокруг "
                "Сармельского моря, особенно о Кетрии.",
            ),
            ("world",),
        ),
        _author(
            "mirela-tesk",
            ("Mirela Tesk", "Мирела Теск"),
            ("Science writer", "научный обозреватель"),
            (
                "Mirela covers research, the climate and the sea. She trained as a marine "
                "biologist before turning to journalism.",
                "Мирела пишет о науке, климате и море. До журналистики она училась на морского "
                "биолога.",
            ),
            ("science",),
            feminine=True,
        ),
        _author(
            "dmitri-vasko",
            ("Dmitri Vasko", "Дмитрий Васко"),
            ("Northern correspondent, Lunsk", "корреспондент на севере, Лунск"),
            (
                "Dmitri reports from Lunsk and the northern coast on the navy, fishing and the "
                "research stations.",
                "Дмитрий работает в Лунске и пишет с северного побережья о флоте, рыболовстве и "
                "научных станциях.",
            ),
            ("defense", "science"),
        ),
        _author(
            "greta-hollis",
            ("Greta Hollis", "Грета Холлис"),
            ("Night editor", "ночной редактор"),
            (
                "Greta edits the overnight news and writes the first version of the stories "
                "that break after dark.",
                "Грета редактирует ночную ленту и пишет первые версии новостей, которые "
                "появляются после наступления темноты.",
            ),
            ("defense", "politics", "economy", "world", "science"),
            feminine=True,
        ),
    )
}

TOPICS = {**PEOPLE, **ORGANISATIONS, **PLACES}

# Where quotes were given: (English, Russian) before the weekday, e.g. "... on Thursday".
INTERVIEWS = (
    T(
        "in an interview with the weekly Harbour Review",
        "в интервью еженедельнику «Гаванское обозрение»",
    ),
    T("in an interview with the daily Halvern Courier", "в интервью газете «Халвернский курьер»"),
    T(
        "in an interview with the business monthly Sarmel Ledger",
        "в интервью деловому журналу «Сармельский вестник»",
    ),
    T("on the morning programme of the broadcaster MRT", "в утреннем эфире телерадиокомпании MRT"),
    T(
        "in an interview with the regional paper Vessny Herald",
        "в интервью региональной газете «Вестник Весни»",
    ),
    T("speaking to reporters in Port Halvern", "в разговоре с журналистами в Порт-Халверне"),
    T("at a news conference", "на пресс-конференции"),
    T("in a written statement", "в письменном заявлении"),
)

SECTIONS = (
    (
        "defense",
        T("Defense", "Оборона"),
        T(
            "The armed forces, security and the defence industry of Marendia and the Sarmel "
            "region.",
            "Вооружённые силы, безопасность и оборонная промышленность Марендии и Сармельского "
            "региона.",
        ),
    ),
    (
        "politics",
        T("Politics", "Политика"),
        T(
            "The government, the National Assembly, the parties and the elections.",
            "Правительство, Национальное собрание, партии и выборы.",
        ),
    ),
    (
        "economy",
        T("Economy", "Экономика"),
        T(
            "Prices, jobs, energy, trade and the port that keeps the country working.",
            "Цены, рабочие места, энергетика, торговля и порт, на котором держится страна.",
        ),
    ),
    (
        "world",
        T("World", "Мир"),
        T(
            "Marendia's neighbours, diplomacy around the Sarmel Sea and the wider world.",
            "Соседи Марендии, дипломатия вокруг Сармельского моря и большой мир.",
        ),
    ),
    (
        "science",
        T("Science", "Наука"),
        T(
            "Research, the sea, the climate, space and the technology built in Marendia.",
            "Исследования, море, климат, космос и технологии, созданные в Марендии.",
        ),
    ),
)

TAGLINE = T(
    "Breaking news from Marendia and the Sarmel coast, as it happens: defense, politics, the "
    "economy and more.",
    "Главные новости Марендии и Сармельского побережья в момент событий: оборона, политика, "
    "экономика и многое другое.",
)
