"""Defense desk: the navy, procurement, the budget, the border and the reserve."""

from ..bilingual import T, count, number
from ..cast import PLACES
from . import Quote, Story, story

EXERCISES = (
    T("Northern Shield", "«Северный щит»"),
    T("Grey Tide", "«Серый прилив»"),
    T("Iron Current", "«Железное течение»"),
    T("Harbour Lantern", "«Гаванский фонарь»"),
    T("Long Watch", "«Долгая вахта»"),
)


@story("defense")
def naval_exercise(s):
    place = s.place("sarmel-sea", "brisca-strait")
    exercise = s.one(*EXERCISES)
    ships = count(s.num(6, 18), "ship", "ships", "корабль", "корабля", "кораблей")
    sailors = s.num(12, 40) * 100
    days = s.num(5, 12)
    zone = s.num(20, 60, 5)
    years = s.num(5, 12)
    halvane, varandt = s.person("petr-halvane"), s.person("ilse-varandt")
    return Story(
        headline=s.one(
            T(
                f"Navy sends {ships.en} into {place.the.en} for {exercise.en} drills",
                f"ВМС Марендии направили {ships.ru} в {place.the.ru} на учения {exercise.ru}",
            ),
            T(
                f"{exercise.en} exercise begins {place.at.en} with {sailors:,} sailors",
                f"Учения {exercise.ru} начались {place.at.ru} с участием {sailors} моряков",
            ),
            T(
                f"Largest naval drill in {years} years tests the coastal fleet {place.at.en}",
                f"Крупнейшие за {years} лет учения флота проверят прибрежные силы {place.at.ru}",
            ),
        ),
        standfirst=T(
            f"The Marendian Navy began its {exercise.en} exercise {place.at.en} {s.day.on.en}, "
            f"sending {ships.en} and {sailors:,} sailors to rehearse the defence of the "
            f"shipping lanes over the next {days} days.",
            f"ВМС Марендии {s.day.on.ru} начали учения {exercise.ru} {place.at.ru}: в "
            f"ближайшие {days} дней {ships.ru} и {sailors} моряков отработают оборону "
            "морских путей.",
        ),
        dateline=PLACES["lunsk"],
        lead=[
            s.one(
                T(
                    "The drills, which the navy holds every year but rarely on this scale, "
                    "include mine clearance, the escort of merchant convoys and a night landing "
                    "on the coast north of Lunsk.",
                    "Учения, которые флот проводит ежегодно, но редко в таком масштабе, "
                    "включают разминирование, сопровождение торговых конвоев и ночную высадку "
                    "на побережье к северу от Лунска.",
                ),
                T(
                    "The exercise brings together almost every seaworthy ship of the fleet, "
                    "from the frigate Aurelle to the small patrol boats that usually guard the "
                    "fishing grounds.",
                    "В учениях участвуют почти все боеспособные корабли флота — от фрегата "
                    "«Аурель» до небольших патрульных катеров, которые обычно охраняют районы "
                    "рыбного промысла.",
                ),
            ),
            T(
                f"The ships left the naval base at Lunsk before dawn. Fishing boats and ferries "
                f"were asked to keep clear of a {zone}-kilometre zone until the end of the "
                "drills.",
                f"Корабли вышли с базы в Лунске до рассвета. Рыболовным судам и паромам "
                f"предложено обходить {zone}-километровую зону до окончания учений.",
            ),
        ],
        quotes=[
            Quote(
                halvane.key,
                T(
                    "We are not sending a message to anyone. We are making sure that, if the "
                    "day ever comes, every captain in this fleet has done it before, in the "
                    "dark and in bad weather.",
                    "Мы никому ничего не демонстрируем. Мы добиваемся того, чтобы в тот день, "
                    "если он когда-нибудь наступит, каждый командир в этом флоте уже делал это "
                    "раньше — в темноте и в плохую погоду.",
                ),
                s.said(),
            ),
            Quote(
                varandt.key,
                T(
                    "The sea lanes are our lifeline. Nine of every ten things we buy arrive by "
                    "ship, and the people who protect those ships must train where they will "
                    "one day have to work.",
                    "Морские пути — наша линия жизни. Девять из десяти вещей, которые мы "
                    "покупаем, приходят по морю, и те, кто защищает эти суда, должны "
                    "тренироваться там, где им однажды придётся работать.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                s.one(
                    T("Mines, convoys and a night landing", "Мины, конвои и ночная высадка"),
                    T("What the exercise tests", "Что проверяют учения"),
                ),
                [
                    T(
                        "For the first time, the navy will rehearse clearing a lane of mines "
                        "while a convoy of merchant ships waits at the mouth of the strait.",
                        "Впервые флот отработает расчистку фарватера от мин, пока конвой "
                        "торговых судов ждёт у входа в пролив.",
                    ),
                    T(
                        "Two minehunters delivered by Halvern Shipyards last year will take "
                        "part alongside the frigate Aurelle, the flagship of the fleet.",
                        "В учениях примут участие два тральщика, которые «Халвернские верфи» "
                        "передали флоту в прошлом году, и фрегат «Аурель» — флагман флота.",
                    ),
                ],
            ),
            (
                T("Neighbours watching", "Соседи наблюдают"),
                [
                    T(
                        "Kethria was told of the exercise a month in advance, as the two "
                        "countries agreed after a near-collision in the strait two years ago, "
                        "the defence ministry said.",
                        "Кетрию уведомили об учениях за месяц, как страны договорились после "
                        "опасного сближения кораблей в проливе два года назад, сообщили в "
                        "министерстве обороны.",
                    ),
                    T(
                        "Observers from the Northern Coastal Alliance are aboard two of the ships.",
                        "На борту двух кораблей находятся наблюдатели Северного прибрежного "
                        "альянса.",
                    ),
                ],
            ),
            (
                T("What comes next", "Что дальше"),
                [
                    T(
                        "The navy plans to publish the lessons of the drills before the summer, "
                        "when the defence committee of the National Assembly reviews next "
                        "year's plans.",
                        "Флот намерен обнародовать выводы по итогам учений до лета, когда "
                        "комитет по обороне Национального собрания рассмотрит планы на "
                        "следующий год.",
                    ),
                ],
            ),
        ],
        topics=[halvane.key, varandt.key, "ministry-of-defence", place.key, "lunsk"],
        scenes=("ship", "harbour", "night"),
        facts=(
            T("The exercise in numbers", "Учения в цифрах"),
            [
                T(f"Ships: {ships.en}", f"Корабли: {ships.ru}"),
                T(f"Sailors: {sailors:,}", f"Моряки: {sailors}"),
                T(f"Duration: {days} days", f"Продолжительность: {days} дней"),
                T(f"Closed zone: {zone} km", f"Закрытая зона: {zone} км"),
            ],
        ),
    )


@story("defense")
def patrol_ships(s):
    number = s.num(3, 8)
    ships = count(
        number,
        "patrol ship",
        "patrol ships",
        "патрульный корабль",
        "патрульных корабля",
        "патрульных кораблей",
    )
    cost = s.num(18, 64) * 10
    jobs = s.num(6, 24) * 100
    year = s.one(2028, 2029, 2030, 2031)
    varandt, ferrant = s.person("ilse-varandt"), s.person("jonas-ferrant")
    yard = s.place("port-halvern", "teradal")
    return Story(
        headline=s.one(
            T(
                f"Defence ministry orders {ships.en} from Halvern Shipyards",
                f"Минобороны заказало {ships.ru} у «Халвернских верфей»",
            ),
            T(
                f"{cost} million crown deal for {ships.en} secures {jobs:,} yard jobs",
                f"Контракт на {cost} млн крон на {ships.ru} сохранит {jobs} рабочих мест на верфях",
            ),
            T(
                f"Navy to get {ships.en} by {year} under new contract",
                f"Флот получит {ships.ru} к {year} году по новому контракту",
            ),
        ),
        standfirst=T(
            f"Marendia's defence ministry signed a {cost} million crown contract with Halvern "
            f"Shipyards {s.day.on.en} for {ships.en}, the largest naval order in a decade, "
            f"with the first hull to be laid down {yard.at.en} this autumn.",
            f"Министерство обороны Марендии {s.day.on.ru} подписало с «Халвернскими верфями» "
            f"контракт на {cost} млн крон на {ships.ru} — крупнейший военно-морской заказ за "
            f"десятилетие; первый корпус заложат {yard.at.ru} этой осенью.",
        ),
        dateline=yard,
        lead=[
            T(
                f"The ships, each about 90 metres long, will replace patrol boats that have "
                f"guarded the fishing grounds since the 1990s. Deliveries are due by {year}.",
                f"Корабли длиной около 90 метров каждый заменят патрульные катера, которые "
                f"охраняют районы промысла с 1990-х годов. Поставки должны завершиться к "
                f"{year} году.",
            ),
            s.one(
                T(
                    f"The yard says the order secures about {jobs:,} jobs for six years, most "
                    f"of them {yard.at.en}.",
                    f"По словам руководства верфи, заказ на шесть лет обеспечит работой около "
                    f"{jobs} человек, большинство из них — {yard.at.ru}.",
                ),
                T(
                    f"Union leaders welcomed the deal, which the yard says will keep about "
                    f"{jobs:,} people in work until the end of the decade.",
                    f"Профсоюзы приветствовали сделку: по словам верфи, она сохранит около "
                    f"{jobs} рабочих мест до конца десятилетия.",
                ),
            ),
        ],
        quotes=[
            Quote(
                ferrant.key,
                T(
                    "Every one of these ships will be welded, wired and tested by people who "
                    "live within a bus ride of the yard. That is what this contract means to us.",
                    "Каждый из этих кораблей сварят, оснастят и испытают люди, которые живут в "
                    "получасе езды от верфи. Вот что значит для нас этот контракт.",
                ),
                s.said(),
            ),
            Quote(
                varandt.key,
                T(
                    "Our old boats are brave but slow. The new ships can stay at sea for three "
                    "weeks, in any weather our coast can produce.",
                    "Наши старые катера надёжны, но медлительны. Новые корабли смогут три "
                    "недели оставаться в море в любую погоду, какая бывает у наших берегов.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                s.one(
                    T("What the navy is buying", "Что покупает флот"),
                    T("Built for the northern winter", "Для северной зимы"),
                ),
                [
                    T(
                        "The design is based on a research vessel the yard built for the "
                        "National Institute of Marine Science, with a strengthened hull for ice "
                        "and a deck for a helicopter or drones.",
                        "Проект основан на научном судне, которое верфь построила для "
                        "Национального института морских исследований: усиленный ледовый "
                        "корпус и палуба для вертолёта или беспилотников.",
                    ),
                    T(
                        "Each ship will carry a crew of 40, fewer than the boats it replaces, "
                        "because much of the engine room will be monitored from the bridge.",
                        "Экипаж каждого корабля составит 40 человек — меньше, чем на "
                        "заменяемых катерах, поскольку машинное отделение будет в основном "
                        "контролироваться с мостика.",
                    ),
                ],
            ),
            (
                T("Questions in the Assembly", "Вопросы в Национальном собрании"),
                [
                    T(
                        "The opposition Civic Renewal Party said it supported the order but "
                        "wanted the defence committee to see the full contract, including "
                        "penalties for late delivery.",
                        "Оппозиционная Партия гражданского обновления заявила, что "
                        "поддерживает заказ, но хочет, чтобы комитет по обороне увидел полный "
                        "текст контракта, включая штрафы за задержку поставок.",
                    ),
                    T(
                        "The yard's last naval contract, for two minehunters, was delivered "
                        "five months late after a supplier of propulsion units went bankrupt.",
                        "Предыдущий военный заказ верфи — два тральщика — был выполнен с "
                        "опозданием на пять месяцев после банкротства поставщика двигателей.",
                    ),
                ],
            ),
        ],
        topics=[varandt.key, ferrant.key, "halvern-shipyards", "ministry-of-defence", yard.key],
        scenes=("harbour", "ship", "industry"),
        facts=(
            T("The contract", "Контракт"),
            [
                T(f"Value: {cost} million crowns", f"Стоимость: {cost} млн крон"),
                T(f"Ships: {ships.en}, about 90 m long", f"Корабли: {ships.ru} длиной около 90 м"),
                T(f"Last delivery: {year}", f"Последняя поставка: {year} год"),
                T(f"Jobs at the yard: about {jobs:,}", f"Рабочие места на верфи: около {jobs}"),
            ],
        ),
    )


@story("defense")
def defence_budget(s):
    share = s.one("1.8", "1.9", "2.0", "2.1", "2.2")
    share_ru = share.replace(".", ",")
    extra = s.num(14, 48) * 10
    votes = s.one(78, 79, 85, 86, 87, 88, 89, 90, 95, 96)  # Russian agrees as "голосов"
    varandt, stann, kask = (s.person(k) for k in ("ilse-varandt", "vikor-stann", "oren-kask"))
    return Story(
        headline=s.one(
            T(
                f"Assembly backs defence spending of {share}% of GDP",
                f"Национальное собрание одобрило оборонные расходы в {share_ru}% ВВП",
            ),
            T(
                f"Defence budget rises by {extra} million crowns after late-night vote",
                f"Оборонный бюджет вырос на {extra} млн крон после ночного голосования",
            ),
            T(
                f"Varandt wins {votes} votes for a bigger defence budget",
                f"Ильзе Варандт получила {votes} голосов за увеличение оборонного бюджета",
            ),
        ),
        standfirst=T(
            f"The National Assembly approved {s.day.on.en} a defence budget worth {share}% of "
            f"economic output, adding {extra} million crowns for the navy and air defence after "
            f"a debate that ran past midnight.",
            f"Национальное собрание {s.day.on.ru} утвердило оборонный бюджет в размере "
            f"{share_ru}% ВВП, добавив {extra} млн крон на флот и противовоздушную оборону "
            "после дебатов, затянувшихся за полночь.",
        ),
        dateline=PLACES["port-halvern"],
        lead=[
            T(
                f"The budget passed with {votes} votes in the 151-seat chamber. Most of the "
                "opposition abstained, saying it agreed with the goal but not with the way the "
                "money will be raised.",
                f"Бюджет был принят {votes} голосами в палате из 151 депутата. Большая часть "
                "оппозиции воздержалась, заявив, что согласна с целью, но не с тем, как "
                "будут найдены деньги.",
            ),
        ],
        quotes=[
            Quote(
                varandt.key,
                T(
                    "We have asked the country for more, and the country has answered. I intend "
                    "to account for every crown of it, ship by ship and radar by radar.",
                    "Мы попросили у страны больше, и страна ответила. Я намерена отчитаться за "
                    "каждую крону — корабль за кораблём, радар за радаром.",
                ),
                s.said(
                    T(
                        "in a speech to the National Assembly",
                        "в выступлении в Национальном собрании",
                    )
                ),
            ),
            Quote(
                stann.key,
                T(
                    "Nobody in this chamber is against a stronger navy. We are against paying "
                    "for it with a fuel tax that lands hardest on the people who drive to the "
                    "night shift.",
                    "В этом зале никто не против сильного флота. Мы против того, чтобы платить "
                    "за него налогом на топливо, который сильнее всего бьёт по тем, кто едет на "
                    "ночную смену.",
                ),
                s.said(),
            ),
            Quote(
                kask.key,
                T(
                    "The numbers balance. They balance this year, and they balance in the "
                    "three years that follow.",
                    "Цифры сходятся. Они сходятся в этом году и будут сходиться в следующие три "
                    "года.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                s.one(
                    T("Where the money goes", "Куда пойдут деньги"),
                    T("Radars, ships and pay", "Радары, корабли и зарплаты"),
                ),
                [
                    T(
                        "Almost half of the increase will go to coastal air defence, including "
                        "two long-range radars on the Aldmoor Highlands. The rest pays for "
                        "ship maintenance and a rise in sailors' pay.",
                        "Почти половина прибавки пойдёт на береговую противовоздушную оборону, "
                        "включая два радара дальнего действия на Альдмурском нагорье. "
                        "Остальное — на ремонт кораблей и повышение жалованья морякам.",
                    ),
                    T(
                        "The navy has struggled to keep experienced engineers, who can earn "
                        "twice as much in the shipyards and on the offshore wind farms.",
                        "Флоту трудно удерживать опытных механиков, которые на верфях и "
                        "морских ветровых станциях могут зарабатывать вдвое больше.",
                    ),
                ],
            ),
            (
                T("The fuel tax fight", "Спор о налоге на топливо"),
                [
                    T(
                        "To pay for the increase, the government will raise the tax on motor "
                        "fuel by four cents a litre from the start of next quarter.",
                        "Чтобы покрыть рост расходов, правительство с начала следующего "
                        "квартала повысит налог на моторное топливо на четыре цента за литр.",
                    ),
                    T(
                        "Hauliers' associations have called a protest in Teradal for next week.",
                        "Ассоциации автоперевозчиков назначили на следующую неделю акцию "
                        "протеста в Терадале.",
                    ),
                ],
            ),
        ],
        topics=[varandt.key, stann.key, kask.key, "national-assembly", "ministry-of-defence"],
        scenes=("parliament", "skyline"),
    )


@story("defense")
def border_patrols(s):
    sightings = s.num(4, 17)
    flights = count(s.num(2, 6), "flight", "flights", "вылет", "вылета", "вылетов")
    brodt, varandt = s.person("anzel-brodt"), s.person("ilse-varandt")
    return Story(
        headline=s.one(
            T(
                f"Air patrols stepped up near Corrin Ford after {sightings} drone sightings",
                f"Патрулирование с воздуха у Коррин-Форда усилено после {sightings} случаев "
                "появления дронов",
            ),
            T(
                "Unidentified drones over Corrin Ford prompt extra border flights",
                "Неопознанные дроны над Коррин-Фордом: пограничники усилили облёты",
            ),
            T(
                "Border guard asks for radar help after drones cross near Corrin Ford",
                "Пограничники просят помощи радаров после пролёта дронов у Коррин-Форда",
            ),
        ),
        standfirst=T(
            f"The air wing will fly {flights.en} a day along the land border with Kethria, "
            f"the general staff said {s.day.on.en}, after {sightings} sightings of small "
            "unidentified drones near the town of Corrin Ford in a month.",
            f"Авиация будет выполнять {flights.ru} в день вдоль сухопутной границы с Кетрией, "
            f"сообщил {s.day.on.ru} Генеральный штаб после {sightings} случаев появления "
            "небольших неопознанных дронов у Коррин-Форда за месяц.",
        ),
        dateline=PLACES["corrin-ford"],
        lead=[
            T(
                "Most of the drones were seen at night over the road crossing and the rail "
                "yard, the border guard said. None carried markings, and none has been "
                "recovered.",
                "Большинство дронов замечали ночью над автомобильным пунктом пропуска и "
                "железнодорожной станцией, сообщили пограничники. Опознавательных знаков на "
                "них не было, ни один не удалось обнаружить на земле.",
            ),
            s.one(
                T(
                    "Kethria's interior ministry said it had seen similar flights on its own "
                    "side and offered to share radar data.",
                    "Министерство внутренних дел Кетрии заявило, что наблюдало похожие полёты "
                    "на своей стороне, и предложило обмениваться данными радаров.",
                ),
                T(
                    "Residents of Corrin Ford told Dateline they had heard the drones for weeks "
                    "before the sightings were made public.",
                    "Жители Коррин-Форда рассказали Dateline, что слышали дроны ещё за "
                    "несколько недель до того, как об этом сообщили официально.",
                ),
            ),
        ],
        quotes=[
            Quote(
                brodt.key,
                T(
                    "I will not guess who sends them. I will tell you that we now see them "
                    "earlier, follow them longer, and that we will soon be able to bring one "
                    "down intact.",
                    "Я не буду гадать, кто их запускает. Скажу лишь, что теперь мы замечаем их "
                    "раньше, дольше за ними следим и скоро сможем посадить один из них "
                    "неповреждённым.",
                ),
                s.said(),
            ),
            Quote(
                varandt.key,
                T(
                    "The border is calm and trade is moving. Calm does not mean careless.",
                    "На границе спокойно, торговля идёт. Но спокойствие не означает беспечности.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                s.one(
                    T("Radar gaps", "Пробелы в радарном покрытии"),
                    T("Hard to see, hard to stop", "Трудно заметить, трудно остановить"),
                ),
                [
                    T(
                        "The border runs through wooded hills where ground radars have blind "
                        "spots, and small drones flying low can cross unseen.",
                        "Граница проходит по лесистым холмам, где у наземных радаров есть "
                        "слепые зоны, и небольшие дроны на малой высоте могут пересечь её "
                        "незамеченными.",
                    ),
                    T(
                        "The defence ministry has brought forward the purchase of two mobile "
                        "radars that were due next year.",
                        "Министерство обороны ускорило закупку двух мобильных радаров, "
                        "которая планировалась на следующий год.",
                    ),
                ],
            ),
            (
                T("Life at the crossing", "Жизнь у пункта пропуска"),
                [
                    T(
                        "Traffic at the crossing has not been affected. About 3,000 lorries "
                        "pass through Corrin Ford each day.",
                        "На движение через пункт пропуска это не повлияло: ежедневно через "
                        "Коррин-Форд проходит около 3000 грузовиков.",
                    ),
                ],
            ),
        ],
        topics=[brodt.key, varandt.key, "corrin-ford", "kethria", "ministry-of-defence"],
        scenes=("fields", "night", "mountains"),
    )


@story("defense")
def reserve_reform(s):
    months = s.num(6, 9)
    reservists = number(s.num(8, 25) * 1000)
    brodt, reyl = s.person("anzel-brodt"), s.person("tomas-reyl")
    return Story(
        headline=s.one(
            T(
                f"Government proposes {months}-month conscription with yearly reserve training",
                f"Правительство предлагает {months}-месячную срочную службу с ежегодными "
                "сборами резервистов",
            ),
            T(
                f"Reserve to grow to {reservists.en} under conscription reform",
                f"Резерв вырастет до {reservists.ru} человек после реформы призыва",
            ),
            T(
                "Shorter service, longer reserve: the general staff's plan for the army",
                "Короче служба, дольше резерв: план Генштаба для армии",
            ),
        ),
        standfirst=T(
            f"Conscripts would serve {months} months instead of twelve but return for two "
            f"weeks of training every year until the age of 35, under a plan the government "
            f"presented {s.day.on.en}.",
            f"Призывники будут служить {months} месяцев вместо двенадцати, но до 35 лет "
            "ежегодно возвращаться на двухнедельные сборы — такой план правительство "
            f"представило {s.day.on.ru}.",
        ),
        dateline=PLACES["port-halvern"],
        lead=[
            T(
                f"The general staff expects the reserve to grow to about {reservists.en} trained "
                "people within five years, with units organised by region so that reservists "
                "train near home.",
                f"Генштаб рассчитывает, что в течение пяти лет резерв вырастет примерно до "
                f"{reservists.ru} подготовленных человек, а подразделения будут формироваться "
                "по регионам, чтобы резервисты проходили сборы недалеко от дома.",
            ),
        ],
        quotes=[
            Quote(
                brodt.key,
                T(
                    "A year in barracks teaches a young person to march. Two weeks every year "
                    "for fifteen years teaches a whole country to be ready.",
                    "Год в казарме учит молодого человека маршировать. Две недели каждый год в "
                    "течение пятнадцати лет учат готовности всю страну.",
                ),
                s.said(),
            ),
            Quote(
                reyl.key,
                T(
                    "We listened to the employers and to the students. This plan takes less "
                    "of their time at the start of their lives and asks for a little more "
                    "later.",
                    "Мы выслушали работодателей и студентов. Этот план отнимает меньше времени "
                    "в начале жизни и просит чуть больше потом.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                T("Employers and universities", "Работодатели и университеты"),
                [
                    T(
                        "Employers would be required to release reservists for training and "
                        "would be compensated from the defence budget.",
                        "Работодатели будут обязаны отпускать резервистов на сборы и получат "
                        "компенсацию из оборонного бюджета.",
                    ),
                    T(
                        "The University of Vessny said the shorter service would let students "
                        "start their studies a year earlier.",
                        "Университет Весни отметил, что более короткая служба позволит "
                        "студентам начинать учёбу на год раньше.",
                    ),
                ],
            ),
            (
                s.one(
                    T("The vote ahead", "Предстоящее голосование"),
                    T("A long road through the Assembly", "Долгий путь через парламент"),
                ),
                [
                    T(
                        "The reform needs a two-thirds majority because it changes the "
                        "constitution's article on national service. The coalition will need "
                        "votes from the opposition.",
                        "Для реформы нужно большинство в две трети голосов, так как она "
                        "меняет статью конституции о воинской обязанности. Коалиции "
                        "понадобятся голоса оппозиции.",
                    ),
                ],
            ),
        ],
        topics=[brodt.key, reyl.key, "ministry-of-defence", "national-assembly"],
        scenes=("crowd", "parliament", "fields"),
    )
