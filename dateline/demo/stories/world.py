"""World desk: Kethria, the alliance, the border, storms at sea and trade."""

from ..bilingual import T, count, number
from ..cast import PLACES
from . import Quote, Story, story


@story("world")
def fishing_talks(s):
    rounds = s.num(3, 7)
    quota = s.num(6, 18)
    sollen, kell = s.person("mara-sollen"), s.person("ardis-kell")
    return Story(
        headline=s.one(
            T(
                "Marendia and Kethria agree to share the Sarmel cod catch",
                "Марендия и Кетрия договорились о разделе вылова трески в Сармельском море",
            ),
            T(
                f"Fishing talks end with a {quota}% cut in quotas for both sides",
                f"Переговоры о рыболовстве завершились сокращением квот обеих сторон на {quota}%",
            ),
            T(
                f"Sollen and Kell close a fishing deal after {rounds} rounds of talks",
                f"Мара Соллен и Ардис Келль заключили соглашение о рыболовстве после "
                f"{rounds} раундов переговоров",
            ),
        ),
        standfirst=T(
            f"The foreign ministers of Marendia and Kethria agreed {s.day.on.en} to cut cod "
            f"quotas in the Sarmel Sea by {quota}% and to share the catch under a single "
            f"system of licences, after {rounds} rounds of talks in the Kethrian capital, "
            "Orsen.",
            f"Министры иностранных дел Марендии и Кетрии {s.day.on.ru} договорились сократить "
            f"квоты на вылов трески в Сармельском море на {quota}% и делить улов по единой "
            f"системе лицензий после {rounds} раундов переговоров в кетрийской столице Орсене.",
        ),
        dateline=PLACES["kethria"],
        lead=[
            T(
                "Scientists have warned for three years that cod stocks are falling. Fishing "
                "boats from both countries have clashed over nets and fishing grounds near the "
                "median line.",
                "Учёные уже три года предупреждают о сокращении запасов трески. Рыболовные "
                "суда двух стран не раз конфликтовали из-за сетей и районов промысла у "
                "срединной линии.",
            ),
            s.one(
                T(
                    "The deal creates a joint patrol to inspect catches at sea and a "
                    "commission to settle disputes between crews.",
                    "Соглашение предусматривает совместное патрулирование для проверки уловов "
                    "в море и комиссию для урегулирования споров между экипажами.",
                ),
                T(
                    "Inspectors from each country will be allowed aboard the other's boats, a "
                    "concession Kethria had refused in earlier rounds.",
                    "Инспекторы каждой страны получат право подниматься на борт судов другой "
                    "стороны — на эту уступку Кетрия не шла в предыдущих раундах.",
                ),
            ),
        ],
        quotes=[
            Quote(
                sollen.key,
                T(
                    "Fish do not carry passports. Either we manage this sea together, or in ten "
                    "years there will be nothing left in it to argue about.",
                    "У рыбы нет паспортов. Либо мы управляем этим морем вместе, либо через "
                    "десять лет в нём не останется ничего, о чём можно спорить.",
                ),
                s.said(),
            ),
            Quote(
                kell.key,
                T(
                    "Our fishermen will find this hard, and I will not pretend otherwise. But "
                    "they will find an empty sea harder.",
                    "Нашим рыбакам будет тяжело, и я не стану делать вид, что это не так. Но "
                    "пустое море будет для них ещё тяжелее.",
                ),
                s.said(T("speaking to reporters in Orsen", "в разговоре с журналистами в Орсене")),
            ),
        ],
        parts=[
            (
                s.one(
                    T("What the deal says", "Что говорится в соглашении"),
                    T("Quotas, licences and patrols", "Квоты, лицензии и патрули"),
                ),
                [
                    T(
                        "Quotas will be set each year on the advice of a joint scientific "
                        "panel, with the National Institute of Marine Science as one of its "
                        "members.",
                        "Квоты будут устанавливаться ежегодно по рекомендации совместной "
                        "научной группы, в которую войдёт Национальный институт морских "
                        "исследований.",
                    ),
                ],
            ),
            (
                T("Anger in the harbours", "Недовольство в портах"),
                [
                    T(
                        "Fishermen's associations in Lunsk said the cut would force some "
                        "family boats out of business and asked for compensation.",
                        "Ассоциации рыбаков в Лунске заявили, что сокращение квот вынудит часть "
                        "семейных судов уйти из промысла, и потребовали компенсаций.",
                    ),
                ],
            ),
        ],
        topics=[sollen.key, kell.key, "kethria", "sarmel-sea", "marine-institute"],
        scenes=("harbour", "ship"),
    )


@story("world")
def alliance_summit(s):
    ships = count(s.num(12, 30), "ship", "ships", "корабль", "корабля", "кораблей")
    host = s.place("port-halvern", "vessny")
    quillon, reyl = s.person("beatrix-quillon"), s.person("tomas-reyl")
    return Story(
        headline=s.one(
            T(
                f"Coastal Alliance leaders meet {host.at.en} to guard undersea cables",
                f"Лидеры Северного прибрежного альянса собрались {host.at.ru}, чтобы "
                "защитить подводные кабели",
            ),
            T(
                "Alliance agrees joint watch over pipelines and cables in the Sarmel Sea",
                "Альянс договорился о совместной охране трубопроводов и кабелей в Сармельском море",
            ),
            T(
                f"Alliance members pledge {ships.en} to a joint watch on the seabed",
                f"Страны альянса выделят {ships.ru} для совместной охраны морского дна",
            ),
        ),
        standfirst=T(
            "Leaders of the nine members of the Northern Coastal Alliance agreed "
            f"{host.at.en} {s.day.on.en} to pool their maritime patrols and share radar and "
            "sonar data to protect the cables and pipelines on the floor of the Sarmel Sea.",
            f"Лидеры девяти стран — членов Северного прибрежного альянса {s.day.on.ru} "
            f"договорились {host.at.ru} объединить морское патрулирование и обмениваться "
            "данными радаров и гидролокаторов для защиты кабелей и трубопроводов на дне "
            "Сармельского моря.",
        ),
        dateline=host,
        lead=[
            T(
                "Two data cables between Marendia and Kethria were damaged last winter. "
                "Investigators have not said whether an anchor dragged by accident or on "
                "purpose.",
                "Прошлой зимой были повреждены два кабеля связи между Марендией и Кетрией. "
                "Следователи пока не сообщили, волочился ли якорь случайно или намеренно.",
            ),
        ],
        quotes=[
            Quote(
                quillon.key,
                T(
                    "Our economies run on what lies at the bottom of this sea. From today, "
                    "every navy in the alliance watches all of it, not just its own corner.",
                    "Наши экономики держатся на том, что лежит на дне этого моря. С сегодняшнего "
                    "дня каждый флот альянса следит за всем морем, а не только за своим углом.",
                ),
                s.said(),
            ),
            Quote(
                reyl.key,
                T(
                    "A small country is safe when its friends can see what it sees.",
                    "Маленькая страна в безопасности, когда её друзья видят то же, что и она.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                T("A shared picture", "Общая картина"),
                [
                    T(
                        "A new centre in Lunsk will combine the data from ships, aircraft and "
                        "seabed sensors of all member states from next spring.",
                        "Со следующей весны новый центр в Лунске будет объединять данные "
                        "кораблей, самолётов и донных датчиков всех стран-членов.",
                    ),
                ],
            ),
            (
                s.one(
                    T("Who pays", "Кто платит"),
                    T("Budgets and doubts", "Бюджеты и сомнения"),
                ),
                [
                    T(
                        "Members will share the running costs according to the length of "
                        "their coastlines, which makes Marendia one of the larger "
                        "contributors.",
                        "Страны-члены будут делить расходы пропорционально длине своей "
                        "береговой линии, поэтому Марендия окажется одним из крупных "
                        "плательщиков.",
                    ),
                ],
            ),
        ],
        topics=[quillon.key, reyl.key, "coastal-alliance", host.key, "sarmel-sea"],
        scenes=("parliament", "ship", "skyline"),
    )


@story("world")
def border_crossing(s):
    lorries = number(s.num(30, 55) * 100)
    minutes = s.num(20, 45, 5)
    sollen, kell = s.person("mara-sollen"), s.person("ardis-kell")
    return Story(
        headline=s.one(
            T(
                "Joint customs post opens at Corrin Ford to end border queues",
                "В Коррин-Форде открылся совместный таможенный пост, чтобы покончить с "
                "очередями на границе",
            ),
            T(
                f"{lorries.en} lorries a day to share one customs stop at Corrin Ford",
                f"{lorries.ru} грузовиков в день будут проходить единый таможенный контроль в "
                "Коррин-Форде",
            ),
            T(
                f"One stop instead of two: lorries at Corrin Ford to clear in {minutes} minutes",
                f"Одна остановка вместо двух: грузовики в Коррин-Форде будут проходить "
                f"контроль за {minutes} минут",
            ),
        ),
        standfirst=T(
            f"Marendia and Kethria opened a joint customs post at Corrin Ford {s.day.on.en}, "
            "where officers of both countries will check lorries together, in a move both "
            "governments say will halve waiting times at their busiest crossing.",
            f"Марендия и Кетрия {s.day.on.ru} открыли в Коррин-Форде совместный таможенный "
            "пост, где сотрудники двух стран будут проверять грузовики вместе; по словам "
            "обоих правительств, это вдвое сократит ожидание на самом загруженном переходе.",
        ),
        dateline=PLACES["corrin-ford"],
        lead=[
            T(
                f"About {lorries.en} lorries cross at Corrin Ford on a busy day. Until now each "
                "stopped twice, once on each side of the bridge over the river.",
                f"В напряжённые дни через Коррин-Форд проходит около {lorries.ru} грузовиков. "
                "До сих пор каждый останавливался дважды — по обе стороны моста через реку.",
            ),
        ],
        quotes=[
            Quote(
                sollen.key,
                T(
                    "The queue at Corrin Ford was the first thing people from both countries "
                    "complained to me about. Today it starts to get shorter.",
                    "Очередь в Коррин-Форде — первое, на что мне жаловались жители обеих "
                    "стран. Сегодня она начинает сокращаться.",
                ),
                s.said(),
            ),
            Quote(
                kell.key,
                T(
                    "Good borders make good neighbours, and fast borders make rich ones.",
                    "Хорошие границы делают соседей добрыми, а быстрые — богатыми.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                s.one(
                    T("How it works", "Как это работает"),
                    T("One building, two flags", "Одно здание, два флага"),
                ),
                [
                    T(
                        "Drivers send their papers online before they arrive. Officers from "
                        "both countries share one building on the Marendian bank and can "
                        "inspect a lorry together.",
                        "Водители отправляют документы онлайн ещё до прибытия. Сотрудники "
                        "обеих стран работают в одном здании на марендийском берегу и могут "
                        "досматривать грузовик вместе.",
                    ),
                ],
            ),
            (
                T("Town and traders", "Город и торговцы"),
                [
                    T(
                        "Shopkeepers in Corrin Ford worry that faster crossings will mean "
                        "fewer drivers stopping to eat and refuel in the town.",
                        "Владельцы магазинов в Коррин-Форде опасаются, что из-за быстрого "
                        "прохождения границы меньше водителей будет останавливаться в городе, "
                        "чтобы поесть и заправиться.",
                    ),
                ],
            ),
        ],
        topics=[sollen.key, kell.key, "corrin-ford", "kethria"],
        scenes=("bridge", "fields", "crowd"),
        facts=(
            T("The crossing", "Пункт пропуска"),
            [
                T(
                    f"Lorries on a busy day: about {lorries.en}",
                    f"Грузовиков в напряжённый день: около {lorries.ru}",
                ),
                T(
                    f"Target clearance time: {minutes} minutes",
                    f"Целевое время оформления: {minutes} минут",
                ),
            ],
        ),
    )


@story("world")
def storm_aid(s):
    storm = s.one(T("Elna", "«Эльна»"), T("Brannoc", "«Бранок»"), T("Vesta", "«Веста»"))
    ships = count(
        s.num(2, 4), "navy ship", "navy ships", "корабль ВМС", "корабля ВМС", "кораблей ВМС"
    )
    homeless = number(s.num(3, 12) * 1000)
    sollen, halvane = s.person("mara-sollen"), s.person("petr-halvane")
    return Story(
        headline=s.one(
            T(
                f"Marendia sends {ships.en} with aid after storm {storm.en} hits Kethria",
                f"Марендия направила {ships.ru} с гуманитарной помощью после удара шторма "
                f"{storm.ru} по Кетрии",
            ),
            T(
                f"Storm {storm.en} leaves {homeless.en} without homes on Kethria's coast",
                f"Шторм {storm.ru} оставил без крова {homeless.ru} человек на побережье Кетрии",
            ),
        ),
        standfirst=T(
            f"Marendia sent {ships.en} loaded with generators, tents and drinking water to "
            f"Kethria's northern coast {s.day.on.en}, after storm {storm.en} destroyed "
            f"harbours and left about {homeless.en} people without homes.",
            f"Марендия {s.day.on.ru} направила к северному побережью Кетрии {ships.ru} с "
            f"генераторами, палатками и питьевой водой после того, как шторм {storm.ru} "
            f"разрушил гавани и оставил без крова около {homeless.ru} человек.",
        ),
        dateline=PLACES["lunsk"],
        lead=[
            T(
                "Winds of up to 150 kilometres an hour and a surge of more than two metres hit "
                "the fishing towns on the Kethrian side of the Brisca Strait overnight.",
                "Ночью ветер скоростью до 150 километров в час и нагонная волна высотой более "
                "двух метров обрушились на рыбацкие города на кетрийском берегу "
                "Брискийского пролива.",
            ),
            T(
                "Kethria's government asked the Northern Coastal Alliance for help in the "
                "morning. The Marendian ships left Lunsk within six hours.",
                "Утром правительство Кетрии обратилось за помощью к Северному прибрежному "
                "альянсу. Марендийские корабли вышли из Лунска в течение шести часов.",
            ),
        ],
        quotes=[
            Quote(
                halvane.key,
                T(
                    "We train for war and we hope never to see one. We train for storms "
                    "because we know we will.",
                    "Мы готовимся к войне и надеемся никогда её не увидеть. Мы готовимся к "
                    "штормам, потому что знаем: они придут.",
                ),
                s.said(),
            ),
            Quote(
                sollen.key,
                T(
                    "When the sea turns on one coast of the strait, the other coast answers. "
                    "That is older than any treaty.",
                    "Когда море обрушивается на один берег пролива, отвечает другой берег. "
                    "Это правило старше любого договора.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                s.one(
                    T("What the ships carry", "Что везут корабли"),
                    T("Power and water first", "Сначала электричество и вода"),
                ),
                [
                    T(
                        "The cargo includes forty generators, tents for 2,000 people and a "
                        "field hospital staffed by navy doctors.",
                        "На борту — сорок генераторов, палатки на 2000 человек и полевой "
                        "госпиталь с военно-морскими врачами.",
                    ),
                ],
            ),
            (
                T("Damage on the Marendian side", "Ущерб на марендийском берегу"),
                [
                    T(
                        "On the Marendian coast the storm flooded the low quays of Lunsk and "
                        "cut power to several villages, but no one was hurt.",
                        "На марендийском побережье шторм затопил низкие причалы Лунска и "
                        "оставил без электричества несколько деревень, но никто не пострадал.",
                    ),
                ],
            ),
        ],
        topics=[halvane.key, sollen.key, "kethria", "brisca-strait", "lunsk"],
        scenes=("ship", "harbour"),
    )


@story("world")
def trade_agreement(s):
    tariff_lines = number(s.num(12, 40) * 100)
    in_favour = s.one(88, 95, 96, 97, 98, 105, 106, 107, 108)
    kask, kell = s.person("oren-kask"), s.person("ardis-kell")
    return Story(
        headline=s.one(
            T(
                "Assembly ratifies trade agreement with Kethria",
                "Национальное собрание ратифицировало торговое соглашение с Кетрией",
            ),
            T(
                f"Tariffs on {tariff_lines.en} goods to go under the Kethria trade deal",
                f"Торговое соглашение с Кетрией отменит пошлины на {tariff_lines.ru} видов товаров",
            ),
        ),
        standfirst=T(
            f"The National Assembly ratified a trade agreement with Kethria {s.day.on.en} by "
            f"{in_favour} votes, removing tariffs on {tariff_lines.en} kinds of goods and "
            "opening public tenders in each country to the other's companies.",
            f"Национальное собрание {s.day.on.ru} ратифицировало торговое соглашение с "
            f"Кетрией ({in_favour} голосов «за»): пошлины на {tariff_lines.ru} видов товаров "
            "будут отменены, а государственные тендеры каждой страны откроются для компаний "
            "другой.",
        ),
        dateline=PLACES["port-halvern"],
        lead=[
            T(
                "Kethria is Marendia's largest trading partner, buying a quarter of its "
                "exports, mostly ships, steel and fish.",
                "Кетрия — крупнейший торговый партнёр Марендии: она покупает четверть "
                "марендийского экспорта, в основном суда, сталь и рыбу.",
            ),
        ],
        quotes=[
            Quote(
                kask.key,
                T(
                    "Our yards and our steelworks have been paying to cross a border that our "
                    "grandparents crossed on foot. That ends now.",
                    "Наши верфи и заводы платили за пересечение границы, которую наши деды "
                    "переходили пешком. Теперь с этим покончено.",
                ),
                s.said(),
            ),
            Quote(
                kell.key,
                T(
                    "Kethria's parliament voted last month. Now both doors are open.",
                    "Парламент Кетрии проголосовал в прошлом месяце. Теперь открыты обе двери.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                T("Winners and losers", "Кто выиграет и кто проиграет"),
                [
                    T(
                        "Shipbuilders and steelmakers are expected to gain most. Farmers fear "
                        "cheaper grain and dairy from Kethria's larger farms.",
                        "Больше всего должны выиграть судостроители и металлурги. Фермеры "
                        "опасаются более дешёвого зерна и молочной продукции с крупных "
                        "кетрийских ферм.",
                    ),
                ],
            ),
            (
                s.one(
                    T("Next steps", "Следующие шаги"),
                    T("When it takes effect", "Когда оно вступит в силу"),
                ),
                [
                    T(
                        "The agreement takes effect on the first day of next quarter. "
                        "Tariffs on farm goods will fall in stages over five years.",
                        "Соглашение вступит в силу с первого дня следующего квартала. "
                        "Пошлины на сельхозпродукцию будут снижаться поэтапно в течение "
                        "пяти лет.",
                    ),
                ],
            ),
        ],
        topics=[kask.key, kell.key, "kethria", "national-assembly"],
        scenes=("harbour", "parliament", "fields"),
    )
