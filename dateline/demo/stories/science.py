"""Science desk: the sea, the climate, space, storage and a shipwreck."""

from ..bilingual import T
from ..cast import PLACES
from . import Quote, Story, story

RESEARCH_SHIPS = (T("Vela", "«Вела»"), T("Skarra", "«Скарра»"), T("Orm", "«Орм»"))


def _decimal(value):
    en = f"{value:.1f}"
    return T(en, en.replace(".", ","))


@story("science")
def sea_warming(s):
    warming = _decimal(s.num(6, 14) / 10)
    weeks = s.num(5, 11)
    ship = s.one(*RESEARCH_SHIPS)
    marsk, orley = s.person("yelena-marsk"), s.person("tamsin-orley")
    return Story(
        headline=s.one(
            T(
                f"Sarmel Sea has warmed by {warming.en}°C in thirty years, survey finds",
                f"Сармельское море за тридцать лет потеплело на {warming.ru}°C, показало "
                "исследование",
            ),
            T(
                f"Research ship {ship.en} returns with the warmest readings on record",
                f"Научное судно {ship.ru} вернулось с самыми высокими температурами за всю "
                "историю измерений",
            ),
            T(
                "Warmer water pushes cod north, marine institute warns",
                "Потепление воды гонит треску на север, предупреждает морской институт",
            ),
        ),
        standfirst=T(
            f"The deep water of the Sarmel Sea is {warming.en}°C warmer than it was thirty "
            "years ago, scientists of the National Institute of Marine Science said "
            f"{s.day.on.en}, after a {weeks}-week expedition aboard the research ship "
            f"{ship.en}.",
            f"Глубинные воды Сармельского моря на {warming.ru}°C теплее, чем тридцать лет "
            f"назад, сообщили {s.day.on.ru} учёные Национального института морских "
            f"исследований по итогам {weeks}-недельной экспедиции на научном судне {ship.ru}.",
        ),
        dateline=PLACES["lunsk"],
        lead=[
            T(
                "The team measured temperature and salt at 140 stations, repeating a survey "
                "first made by the institute in the 1990s with the same routes and depths.",
                "Команда измерила температуру и солёность на 140 станциях, повторив "
                "исследование, которое институт впервые провёл в 1990-х годах, по тем же "
                "маршрутам и на тех же глубинах.",
            ),
            s.one(
                T(
                    "The warming is strongest near the bottom, where cod lay their eggs.",
                    "Сильнее всего потепление у дна, где треска откладывает икру.",
                ),
                T(
                    "The results will be published in full in the institute's annual report "
                    "in the autumn.",
                    "Полностью результаты будут опубликованы в ежегодном докладе института осенью.",
                ),
            ),
        ],
        quotes=[
            Quote(
                marsk.key,
                T(
                    "A degree sounds small. For an egg lying on the seabed it is the difference "
                    "between a good year and no year at all.",
                    "Один градус кажется мелочью. Но для икринки на морском дне это разница "
                    "между хорошим годом и потерянным.",
                ),
                s.said(),
            ),
            Quote(
                orley.key,
                T(
                    "The sea is the slowest part of our climate to change and the slowest to "
                    "recover. What we measure now was set in motion decades ago.",
                    "Море — самая медленно меняющаяся часть климата и самая медленно "
                    "восстанавливающаяся. То, что мы измеряем сейчас, было запущено "
                    "десятилетия назад.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                s.one(
                    T("Fish on the move", "Рыба уходит"),
                    T("What it means for fishing", "Что это значит для рыболовства"),
                ),
                [
                    T(
                        "Cod catches have moved steadily north towards Lunsk, while species "
                        "once rare in the Sarmel Sea, such as anchovy, now appear in the nets.",
                        "Районы лова трески постепенно смещаются на север, к Лунску, а в сетях "
                        "появляются виды, прежде редкие в Сармельском море, например анчоус.",
                    ),
                ],
            ),
            (
                T("Life aboard", "Жизнь на борту"),
                [
                    T(
                        "Twenty-two scientists and students worked in shifts around the clock, "
                        "lowering instruments to depths of up to 400 metres.",
                        "Двадцать два учёных и студента работали круглосуточно посменно, "
                        "опуская приборы на глубину до 400 метров.",
                    ),
                ],
            ),
        ],
        topics=[marsk.key, orley.key, "marine-institute", "sarmel-sea"],
        scenes=("ship", "harbour", "mountains"),
    )


@story("science")
def student_satellite(s):
    kilograms = _decimal(s.num(12, 30) / 10)
    orbit = s.num(480, 560, 10)
    orley = s.person("tamsin-orley")
    return Story(
        headline=s.one(
            T(
                "Vessny students' satellite sends its first pictures of the coast",
                "Спутник студентов из Весни передал первые снимки побережья",
            ),
            T(
                f"A {kilograms.en} kg satellite built in Vessny reaches orbit",
                f"Спутник массой {kilograms.ru} кг, собранный в Весни, вышел на орбиту",
            ),
            T(
                "Marendia's first university satellite watches the ice from space",
                "Первый университетский спутник Марендии следит за льдом из космоса",
            ),
        ),
        standfirst=T(
            "A satellite the size of a shoebox, built by students at the University of "
            f"Vessny, sent its first images of the Marendian coast {s.day.on.en}, two weeks "
            f"after it was carried into a {orbit}-kilometre orbit.",
            "Спутник размером с обувную коробку, собранный студентами Университета Весни, "
            f"{s.day.on.ru} передал первые снимки марендийского побережья — через две недели "
            f"после выхода на орбиту высотой {orbit} километров.",
        ),
        dateline=PLACES["vessny"],
        lead=[
            T(
                "The satellite carries a small camera and a radio receiver that listens for "
                "the signals of ships, to map traffic in the Brisca Strait.",
                "На борту спутника — небольшая камера и радиоприёмник, улавливающий сигналы "
                "судов, чтобы составлять карту движения в Брискийском проливе.",
            ),
            T(
                "Forty students worked on it over three years, testing parts in the "
                "university's cold chamber and on weather balloons launched from the "
                "observatory hill.",
                "Над ним три года работали сорок студентов, испытывая детали в холодильной "
                "камере университета и на метеозондах, запущенных с холма обсерватории.",
            ),
        ],
        quotes=[
            Quote(
                orley.key,
                T(
                    "The first picture was slightly out of focus and it was the most beautiful "
                    "thing I have seen in years. The students cried. So did I.",
                    "Первый снимок был немного не в фокусе, и это было самое прекрасное, что я "
                    "видела за многие годы. Студенты плакали. Я тоже.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                s.one(
                    T("Watching the ice", "Наблюдение за льдом"),
                    T("What it will study", "Что он будет изучать"),
                ),
                [
                    T(
                        "Over the winter the camera will follow sea ice around Lunsk, giving "
                        "the navy and fishermen daily maps when the port freezes.",
                        "Зимой камера будет следить за морским льдом вокруг Лунска, и флот, и "
                        "рыбаки будут ежедневно получать карты, когда порт замерзает.",
                    ),
                ],
            ),
            (
                T("The next one", "Следующий спутник"),
                [
                    T(
                        "The university has applied for funding to build a second satellite "
                        "with an infrared camera to measure the temperature of the sea "
                        "surface.",
                        "Университет подал заявку на финансирование второго спутника с "
                        "инфракрасной камерой для измерения температуры поверхности моря.",
                    ),
                ],
            ),
        ],
        topics=[orley.key, "university-of-vessny", "vessny"],
        scenes=("night", "mountains", "skyline"),
    )


@story("science")
def cod_recovery(s):
    share = s.num(20, 45)
    years = s.num(5, 8)  # Russian "лет" agrees from five to twenty
    marsk = s.person("yelena-marsk")
    return Story(
        headline=s.one(
            T(
                f"Cod numbers up {share}% in the protected zone off Lunsk",
                f"Численность трески в заповедной зоне у Лунска выросла на {share}%",
            ),
            T(
                f"{years} years without nets: the sea off Lunsk is filling up again",
                f"{years} лет без сетей: море у Лунска снова наполняется жизнью",
            ),
        ),
        standfirst=T(
            f"The number of young cod in the no-fishing zone off Lunsk has risen by {share}% "
            f"in a year, the National Institute of Marine Science reported {s.day.on.en}, "
            f"{years} years after the area was closed to nets.",
            f"Численность молодой трески в запретной для лова зоне у Лунска за год выросла "
            f"на {share}%, сообщил {s.day.on.ru} Национальный институт морских "
            f"исследований; район закрыли для сетей {years} лет назад.",
        ),
        dateline=PLACES["lunsk"],
        lead=[
            T(
                "Divers and underwater cameras counted fish along fixed lines on the seabed "
                "each spring. The rise this year was the largest since counting began.",
                "Водолазы и подводные камеры каждую весну подсчитывают рыбу вдоль "
                "фиксированных линий на дне. Нынешний рост стал самым большим за всё время "
                "наблюдений.",
            ),
        ],
        quotes=[
            Quote(
                marsk.key,
                T(
                    "We asked the fishermen of Lunsk to give up some of their best grounds and "
                    "to trust us. They are starting to see the fish come back at the edges of "
                    "the zone.",
                    "Мы попросили рыбаков Лунска отказаться от части лучших мест лова и "
                    "довериться нам. Теперь они начинают видеть, как рыба возвращается на "
                    "границах зоны.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                s.one(
                    T("Spill-over", "Эффект перелива"),
                    T("Good news at the edges", "Хорошие новости на границах"),
                ),
                [
                    T(
                        "Boats fishing just outside the zone report larger catches, a sign "
                        "that fish are moving out as their numbers grow inside.",
                        "Суда, ведущие промысел у самой границы зоны, сообщают о более "
                        "крупных уловах: это признак того, что рыба выходит наружу по мере "
                        "роста её численности внутри.",
                    ),
                ],
            ),
            (
                T("A second zone?", "Вторая зона?"),
                [
                    T(
                        "The institute has proposed a second protected area in the Brisca "
                        "Strait, which Kethria would have to approve.",
                        "Институт предложил создать вторую заповедную зону в Брискийском "
                        "проливе — для этого нужно согласие Кетрии.",
                    ),
                ],
            ),
        ],
        topics=[marsk.key, "marine-institute", "lunsk", "sarmel-sea"],
        scenes=("harbour", "ship"),
    )


@story("science")
def saltwater_battery(s):
    hours = s.num(6, 12)
    capacity = s.num(2, 9)
    saro, orley = s.person("edvin-saro"), s.person("tamsin-orley")
    return Story(
        headline=s.one(
            T(
                f"A {capacity} MWh salt-water battery heads for the Aldmoor hills",
                f"Солевой аккумулятор на {capacity} МВт·ч отправится на Альдмурское нагорье",
            ),
            T(
                "Salt-water battery from Vessny to be tested on the national grid",
                "Солевой аккумулятор из Весни испытают в национальной энергосети",
            ),
            T(
                f"University battery stores wind power for {hours} hours in trial",
                f"Университетский аккумулятор в ходе испытаний хранил энергию ветра {hours} часов",
            ),
        ),
        standfirst=T(
            "A battery that stores electricity in tanks of salt water, developed at the "
            "University of Vessny, will be connected to the grid next to a wind farm in the "
            f"Aldmoor Highlands, Sarmel Grid said {s.day.on.en}.",
            "Аккумулятор, хранящий электроэнергию в резервуарах с солёной водой и "
            "разработанный в Университете Весни, подключат к сети рядом с ветряной "
            f"электростанцией на Альдмурском нагорье, сообщила {s.day.on.ru} компания "
            "«Сармел Грид».",
        ),
        dateline=PLACES["vessny"],
        lead=[
            T(
                f"In laboratory trials the battery held its charge for {hours} hours, long "
                "enough to carry the evening peak of demand after a windy afternoon.",
                f"В лабораторных испытаниях аккумулятор держал заряд {hours} часов — "
                "достаточно, чтобы покрыть вечерний пик потребления после ветреного дня.",
            ),
        ],
        quotes=[
            Quote(
                orley.key,
                T(
                    "It is not elegant. It is tanks, pumps and salt. But it does not burn, it "
                    "does not need rare metals, and we can build it here.",
                    "Это не изящно: резервуары, насосы и соль. Но он не горит, ему не нужны "
                    "редкие металлы, и мы можем строить его здесь.",
                ),
                s.said(),
            ),
            Quote(
                saro.key,
                T(
                    "The wind blows when it likes. Our job is to make it blow when people need it.",
                    "Ветер дует, когда ему вздумается. Наша задача — сделать так, чтобы он "
                    "«дул», когда это нужно людям.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                s.one(
                    T("How it works", "Как это работает"),
                    T("Tanks, pumps and salt", "Резервуары, насосы и соль"),
                ),
                [
                    T(
                        "Electricity drives salt ions through a membrane between two tanks. "
                        "When power is needed, the flow is reversed and the ions give the "
                        "energy back.",
                        "Электричество гонит ионы соли через мембрану между двумя "
                        "резервуарами. Когда нужна энергия, поток разворачивается, и ионы "
                        "отдают её обратно.",
                    ),
                ],
            ),
            (
                T("From lab to hillside", "Из лаборатории — на склон холма"),
                [
                    T(
                        "The grid trial will use a unit the size of two shipping containers. "
                        "If it works through a winter, Sarmel Grid plans a version ten times "
                        "larger.",
                        "Для испытаний в сети используют установку размером с два морских "
                        "контейнера. Если она проработает зиму, «Сармел Грид» планирует "
                        "построить версию в десять раз больше.",
                    ),
                ],
            ),
        ],
        topics=[orley.key, saro.key, "university-of-vessny", "sarmel-grid", "aldmoor"],
        scenes=("mountains", "industry", "fields"),
    )


@story("science")
def shipwreck(s):
    depth = s.num(24, 48)
    century = s.one(T("seventeenth", "XVII"), T("eighteenth", "XVIII"))
    marsk = s.person("yelena-marsk")
    return Story(
        headline=s.one(
            T(
                f"Divers find a {century.en}-century merchant ship in the Brisca Strait",
                f"Водолазы нашли торговое судно {century.ru} века в Брискийском проливе",
            ),
            T(
                f"Wreck at {depth} metres still holds its cargo of wine jars",
                f"Затонувшее на глубине {depth} м судно сохранило груз винных кувшинов",
            ),
        ),
        standfirst=T(
            f"Divers from the National Institute of Marine Science have found the wreck of a "
            f"{century.en}-century merchant ship at a depth of {depth} metres in the Brisca "
            f"Strait, the institute announced {s.day.on.en}.",
            f"Водолазы Национального института морских исследований обнаружили на глубине "
            f"{depth} м в Брискийском проливе остов торгового судна {century.ru} века, "
            f"объявил {s.day.on.ru} институт.",
        ),
        dateline=PLACES["port-halvern"],
        lead=[
            T(
                "The wreck was first spotted by a sonar survey for a new data cable. Its hull "
                "lies upright in fine sand, which has protected the wood.",
                "Судно впервые заметили при гидролокационной съёмке трассы нового кабеля "
                "связи. Корпус стоит прямо в мелком песке, который сохранил древесину.",
            ),
            T(
                "Rows of clay jars are still stacked in the hold. Archaeologists believe the "
                "ship was carrying wine to Port Halvern when it sank.",
                "В трюме до сих пор стоят ряды глиняных кувшинов. Археологи считают, что судно "
                "везло вино в Порт-Халверн, когда затонуло.",
            ),
        ],
        quotes=[
            Quote(
                marsk.key,
                T(
                    "We went down looking for a route for a cable and found a page of our own "
                    "history. The strait has kept it for us for three hundred years.",
                    "Мы спускались в поисках трассы для кабеля и нашли страницу собственной "
                    "истории. Пролив хранил её для нас триста лет.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                s.one(
                    T("Leave it or lift it", "Оставить или поднять"),
                    T("What happens to the wreck", "Что будет с судном"),
                ),
                [
                    T(
                        "The institute plans to leave the hull where it lies and to raise only "
                        "a few jars for study. The site has been placed under protection.",
                        "Институт намерен оставить корпус на месте и поднять лишь несколько "
                        "кувшинов для изучения. Место находки взято под охрану.",
                    ),
                ],
            ),
            (
                T("The cable", "Кабель"),
                [
                    T(
                        "The route of the new data cable will be moved about 300 metres to the "
                        "east to avoid the wreck.",
                        "Трассу нового кабеля сдвинут примерно на 300 метров к востоку, чтобы "
                        "обойти судно.",
                    ),
                ],
            ),
        ],
        topics=[marsk.key, "marine-institute", "brisca-strait"],
        scenes=("ship", "harbour"),
    )
