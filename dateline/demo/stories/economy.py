"""Economy desk: the central bank, the yards, energy, the port and the steelworks."""

from ..bilingual import T, count, number
from ..cast import PLACES
from . import Quote, Story, story


def _decimal(low, high):
    """A rate such as 3.25, with its Russian spelling 3,25."""

    def pick(s):
        value = s.num(low, high) / 4
        en = f"{value:.2f}"
        return T(en, en.replace(".", ","))

    return pick


@story("economy")
def interest_rates(s):
    rate = _decimal(10, 20)(s)
    inflation = f"{s.num(21, 49) / 10:.1f}"
    inflation = T(inflation, inflation.replace(".", ","))
    move = s.one("cut", "hold", "raise")
    aberin, kask = s.person("lotte-aberin"), s.person("oren-kask")
    verb = {
        "cut": T("cuts its main rate to", "снизил ключевую ставку до"),
        "hold": T("keeps its main rate at", "сохранил ключевую ставку на уровне"),
        "raise": T("raises its main rate to", "повысил ключевую ставку до"),
    }[move]
    standfirst_verb = {
        "cut": T(
            "cut its main interest rate by a quarter of a point to",
            "снизил ключевую процентную ставку на четверть пункта — до",
        ),
        "hold": T(
            "left its main interest rate unchanged at",
            "оставил ключевую процентную ставку без изменений —",
        ),
        "raise": T(
            "raised its main interest rate by a quarter of a point to",
            "повысил ключевую процентную ставку на четверть пункта — до",
        ),
    }[move]
    return Story(
        headline=s.one(
            T(
                f"Central bank {verb.en} {rate.en}%",
                f"Центробанк Марендии {verb.ru} {rate.ru}%",
            ),
            T(
                f"Aberin: inflation at {inflation.en}% leaves no room for surprises",
                f"Лотте Аберин: инфляция на уровне {inflation.ru}% не оставляет места для "
                "сюрпризов",
            ),
        ),
        standfirst=T(
            f"The Central Bank of Marendia {standfirst_verb.en} {rate.en}% {s.day.on.en}, "
            f"with inflation at {inflation.en}% and the housing market cooling faster than "
            "expected.",
            f"Центральный банк Марендии {s.day.on.ru} {standfirst_verb.ru} {rate.ru}%: "
            f"инфляция составляет {inflation.ru}%, а рынок жилья остывает быстрее, чем "
            "ожидалось.",
        ),
        dateline=PLACES["port-halvern"],
        lead=[
            T(
                "The decision of the bank's five-member board was unanimous. Most economists "
                "surveyed by Dateline last week had expected it.",
                "Решение совета директоров банка из пяти человек было единогласным. Его "
                "ожидало большинство экономистов, опрошенных Dateline на прошлой неделе.",
            ),
            s.one(
                T(
                    "The crown barely moved against the currencies of the region's other "
                    "trading nations after the announcement.",
                    "После объявления курс кроны к валютам других торговых стран региона "
                    "почти не изменился.",
                ),
                T(
                    "Mortgage lenders said they would pass the decision on to borrowers from "
                    "the start of next month.",
                    "Ипотечные банки заявили, что отразят решение в ставках для заёмщиков с "
                    "начала следующего месяца.",
                ),
            ),
        ],
        quotes=[
            Quote(
                aberin.key,
                T(
                    "Prices are still rising faster than wages for too many families. We will "
                    "move when the numbers let us, and not one meeting before.",
                    "У слишком многих семей цены по-прежнему растут быстрее зарплат. Мы будем "
                    "действовать, когда это позволят цифры, и ни на одно заседание раньше.",
                ),
                s.said(T("at the bank's news conference", "на пресс-конференции банка")),
            ),
            Quote(
                kask.key,
                T(
                    "The bank is independent and I respect its decision. The government's job "
                    "is to keep the budget from adding fuel to the fire.",
                    "Банк независим, и я уважаю его решение. Задача правительства — не "
                    "подливать бюджетом масла в огонь.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                s.one(
                    T("Prices and wages", "Цены и зарплаты"),
                    T("Where inflation comes from", "Откуда берётся инфляция"),
                ),
                [
                    T(
                        "Food and rents remain the main sources of inflation. Energy prices "
                        "have fallen since the new wind farms on the Aldmoor Highlands came "
                        "online.",
                        "Главными источниками инфляции остаются продукты и аренда жилья. Цены "
                        "на энергию снизились после запуска новых ветряных станций на "
                        "Альдмурском нагорье.",
                    ),
                    T(
                        "Wages rose by 4.1% over the past year, according to the statistics "
                        "office, the fastest increase since the bank's reform.",
                        "По данным статистического управления, за год зарплаты выросли на "
                        "4,1% — быстрее всего со времени реформы банка.",
                    ),
                ],
            ),
            (
                T("The next meeting", "Следующее заседание"),
                [
                    T(
                        "The board meets again in six weeks. Markets expect no change before "
                        "the summer.",
                        "Совет директоров соберётся снова через шесть недель. Рынки не "
                        "ожидают изменений до лета.",
                    ),
                ],
            ),
        ],
        topics=[aberin.key, kask.key, "central-bank"],
        scenes=("skyline", "night", "crowd"),
        facts=(
            T("Key figures", "Ключевые показатели"),
            [
                T(f"Main rate: {rate.en}%", f"Ключевая ставка: {rate.ru}%"),
                T(f"Inflation: {inflation.en}%", f"Инфляция: {inflation.ru}%"),
                T("Wage growth: 4.1%", "Рост зарплат: 4,1%"),
            ],
        ),
    )


@story("economy")
def electric_ferries(s):
    how_many = s.num(2, 6)
    ferries = count(
        how_many,
        "electric ferry",
        "electric ferries",
        "электропаром",
        "электропарома",
        "электропаромов",
    )
    value = s.num(15, 60) * 10
    buyer = s.one(
        T("a Kethrian operator", "кетрийского перевозчика"),
        T("the island councils' ferry company", "паромной компании островных советов"),
        T("a northern shipping line", "северной судоходной линии"),
    )
    ferrant = s.person("jonas-ferrant")
    yard = s.place("port-halvern", "teradal")
    return Story(
        headline=s.one(
            T(
                f"Halvern Shipyards wins {value} million crown order for {ferries.en}",
                f"«Халвернские верфи» получили заказ на {ferries.ru} на {value} млн крон",
            ),
            T(
                f"Yard {yard.at.en} to build {ferries.en} for {buyer.en}",
                f"Верфь {yard.at.ru} построит {ferries.ru} для {buyer.ru}",
            ),
        ),
        standfirst=T(
            f"Halvern Shipyards said {s.day.on.en} it had won an order worth {value} million "
            f"crowns to build {ferries.en} for {buyer.en}, its first battery-powered vessels.",
            f"«Халвернские верфи» {s.day.on.ru} сообщили о заказе стоимостью {value} млн "
            f"крон на постройку {how_many} электропаромов для {buyer.ru} — своих первых "
            "судов на аккумуляторах.",
        ),
        dateline=yard,
        lead=[
            T(
                "Each ferry will carry 300 passengers and 60 cars and recharge at the quay in "
                "the twenty minutes it takes to unload and load again.",
                "Каждый паром возьмёт на борт 300 пассажиров и 60 автомобилей и будет "
                "заряжаться у причала за те двадцать минут, что уходят на разгрузку и "
                "погрузку.",
            ),
        ],
        quotes=[
            Quote(
                ferrant.key,
                T(
                    "Ten years ago we were told that the future of shipbuilding was somewhere "
                    "else. Today the future of the ferry is being welded in our sheds.",
                    "Десять лет назад нам говорили, что будущее судостроения где-то в другом "
                    "месте. Сегодня будущее паромов сваривают в наших цехах.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                s.one(
                    T("Batteries from Teradal", "Аккумуляторы из Терадала"),
                    T("Built at home", "Сделано дома"),
                ),
                [
                    T(
                        "The battery packs will come from a plant that opened in Teradal last "
                        "year in the halls of a former locomotive works.",
                        "Аккумуляторные блоки поставит завод, открывшийся в прошлом году в "
                        "Терадале в цехах бывшего локомотивного завода.",
                    ),
                    T(
                        "The yard expects to hire about 200 welders and electricians over the "
                        "next year.",
                        "В течение года верфь рассчитывает нанять около 200 сварщиков и "
                        "электриков.",
                    ),
                ],
            ),
            (
                T("A crowded market", "Рынок с высокой конкуренцией"),
                [
                    T(
                        "The yard beat bids from two larger builders in the region, people "
                        "familiar with the tender said, by promising delivery within 30 "
                        "months.",
                        "По словам знакомых с тендером людей, верфь обошла двух более крупных "
                        "судостроителей региона, пообещав поставку в течение 30 месяцев.",
                    ),
                ],
            ),
        ],
        topics=[ferrant.key, "halvern-shipyards", yard.key],
        scenes=("harbour", "industry", "ship"),
    )


@story("economy")
def wind_farm(s):
    how_many = s.num(24, 70)
    turbines = count(how_many, "turbine", "turbines", "турбина", "турбины", "турбин")
    megawatts = how_many * s.one(4, 5, 6)
    homes = number(megawatts * 700 // 1000 * 1000)
    saro = s.person("edvin-saro")
    return Story(
        headline=s.one(
            T(
                f"Sarmel Grid opens {megawatts}-megawatt wind farm in the Aldmoor Highlands",
                f"«Сармел Грид» открыла ветряную электростанцию мощностью {megawatts} МВт на "
                "Альдмурском нагорье",
            ),
            T(
                f"{turbines.en} to power {homes.en} homes in the west",
                f"{turbines.ru} обеспечат энергией {homes.ru} домов на западе страны",
            ),
            T(
                "Wind now Marendia's largest source of power, grid operator says",
                "Ветер стал главным источником электроэнергии в Марендии, сообщил оператор сети",
            ),
        ),
        standfirst=T(
            f"The state grid company Sarmel Grid switched on {turbines.en} in the Aldmoor "
            f"Highlands {s.day.on.en}, adding {megawatts} megawatts and making wind the "
            "country's largest source of electricity for the first time.",
            f"Государственная сетевая компания «Сармел Грид» {s.day.on.ru} запустила "
            f"{turbines.ru} на Альдмурском нагорье общей мощностью {megawatts} МВт, и ветер "
            "впервые стал главным источником электроэнергии в стране.",
        ),
        dateline=PLACES["teradal"],
        lead=[
            T(
                f"The farm can supply about {homes.en} homes. Its output will be stored in part "
                "in a battery plant built beside the old gas power station in Teradal.",
                f"Станция способна снабжать около {homes.ru} домов. Часть выработки будет "
                "накапливаться в аккумуляторной системе рядом со старой газовой "
                "электростанцией в Терадале.",
            ),
            T(
                "Sheep farmers on the highlands receive a rent for each turbine on their land, "
                "and the villages share a fund for roads and schools.",
                "Владельцы овечьих ферм на нагорье получают арендную плату за каждую турбину "
                "на своей земле, а деревни — средства из общего фонда на дороги и школы.",
            ),
        ],
        quotes=[
            Quote(
                saro.key,
                T(
                    "Five years ago we bought half our power from abroad, by the tanker. "
                    "Today the wind on our own hills keeps the lights on.",
                    "Пять лет назад мы покупали половину электроэнергии за рубежом, танкерами. "
                    "Сегодня свет в домах горит благодаря ветру на наших собственных холмах.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                s.one(
                    T("When the wind drops", "Когда ветер стихает"),
                    T("Storing the wind", "Как сохранить ветер"),
                ),
                [
                    T(
                        "On calm winter days the grid still relies on the gas station in "
                        "Teradal and on imports through the cable to Kethria.",
                        "В безветренные зимние дни сеть по-прежнему зависит от газовой "
                        "электростанции в Терадале и импорта по кабелю из Кетрии.",
                    ),
                ],
            ),
            (
                T("Bills", "Счета"),
                [
                    T(
                        "Household electricity prices have fallen by about a tenth over the "
                        "past year, according to the energy regulator.",
                        "По данным регулятора энергетики, цены на электричество для "
                        "домохозяйств за год снизились примерно на десятую часть.",
                    ),
                ],
            ),
        ],
        topics=[saro.key, "sarmel-grid", "aldmoor"],
        scenes=("mountains", "fields", "industry"),
        facts=(
            T("The wind farm", "Ветряная электростанция"),
            [
                T(f"Turbines: {how_many}", f"Турбины: {how_many}"),
                T(f"Capacity: {megawatts} MW", f"Мощность: {megawatts} МВт"),
                T(f"Homes supplied: about {homes.en}", f"Снабжаемые дома: около {homes.ru}"),
            ],
        ),
    )


@story("economy")
def port_volumes(s):
    containers = number(s.num(41, 58) * 10000)
    growth = s.num(3, 14)
    dovel = s.person("kasimir-dovel")
    return Story(
        headline=s.one(
            T(
                f"Port Halvern handles a record {containers.en} containers",
                f"Порт-Халверн обработал рекордные {containers.ru} контейнеров",
            ),
            T(
                f"Cargo through Port Halvern up {growth}% as Brisca Strait traffic grows",
                f"Грузооборот Порт-Халверна вырос на {growth}% вслед за движением в "
                "Брискийском проливе",
            ),
        ),
        standfirst=T(
            f"Port Halvern handled {containers.en} containers in the past twelve months, "
            f"{growth}% more than a year earlier, the port authority said {s.day.on.en}, as "
            "more shipping lines route their cargo through the Brisca Strait.",
            f"За последние двенадцать месяцев Порт-Халверн обработал {containers.ru} "
            f"контейнеров, на {growth}% больше, чем годом ранее, сообщила {s.day.on.ru} "
            "администрация порта: всё больше судоходных линий направляют грузы через "
            "Брискийский пролив.",
        ),
        dateline=PLACES["port-halvern"],
        lead=[
            T(
                "Most of the growth came at the deep-water terminal outside the city, where two "
                "new cranes began work in the spring.",
                "Основной рост пришёлся на глубоководный терминал за городом, где весной "
                "начали работу два новых крана.",
            ),
        ],
        quotes=[
            Quote(
                dovel.key,
                T(
                    "Every container that stops here pays for a teacher, a nurse, a bus "
                    "driver. The port is the city's engine and we intend to keep it running.",
                    "Каждый контейнер, который здесь останавливается, оплачивает работу "
                    "учителя, медсестры, водителя автобуса. Порт — двигатель города, и мы "
                    "намерены поддерживать его в рабочем состоянии.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                s.one(
                    T("Queues at the gate", "Очереди у ворот"),
                    T("Roads under strain", "Дороги на пределе"),
                ),
                [
                    T(
                        "Hauliers complain of queues of up to three hours at the terminal gate "
                        "in the mornings. The port plans an appointment system for lorries.",
                        "Автоперевозчики жалуются на утренние очереди у ворот терминала до "
                        "трёх часов. Порт планирует ввести запись для грузовиков.",
                    ),
                ],
            ),
            (
                T("The rail link", "Железнодорожная ветка"),
                [
                    T(
                        "A rail siding to the terminal, promised for next year, would take "
                        "about a fifth of the containers off the road.",
                        "Железнодорожная ветка к терминалу, обещанная на следующий год, "
                        "позволила бы убрать с дорог около пятой части контейнеров.",
                    ),
                ],
            ),
        ],
        topics=[dovel.key, "port-halvern", "brisca-strait"],
        scenes=("harbour", "ship", "skyline"),
    )


@story("economy")
def steelworks(s):
    jobs = s.num(9, 24) * 100
    cost = s.num(30, 90) * 10
    kask, stann = s.person("oren-kask"), s.person("vikor-stann")
    return Story(
        headline=s.one(
            T(
                "Teradal steelworks to switch to electric furnaces",
                "Сталелитейный завод в Терадале перейдёт на электропечи",
            ),
            T(
                f"State backs {cost} million crown rebuild of the Teradal steelworks",
                f"Государство поддержит реконструкцию завода в Терадале за {cost} млн крон",
            ),
            T(
                f"{jobs:,} steel jobs saved, but the blast furnace will go out",
                f"{jobs} рабочих мест в металлургии сохранят, но доменную печь погасят",
            ),
        ),
        standfirst=T(
            f"The owners of the Teradal steelworks agreed {s.day.on.en} to replace its coal "
            f"blast furnace with electric furnaces at a cost of {cost} million crowns, a third "
            f"of it from the state, in a deal meant to keep {jobs:,} jobs in the city.",
            f"Владельцы сталелитейного завода в Терадале {s.day.on.ru} согласились заменить "
            f"угольную доменную печь электропечами стоимостью {cost} млн крон, треть которых "
            f"выделит государство; сделка должна сохранить в городе {jobs} рабочих мест.",
        ),
        dateline=PLACES["teradal"],
        lead=[
            T(
                "The blast furnace, lit in 1962, will be shut down in stages over three years. "
                "The new furnaces will melt scrap steel, much of it from old ships broken up in "
                "the region.",
                "Доменную печь, зажжённую в 1962 году, будут останавливать поэтапно в течение "
                "трёх лет. Новые печи будут переплавлять металлолом, в основном из старых "
                "судов, разобранных в регионе.",
            ),
        ],
        quotes=[
            Quote(
                kask.key,
                T(
                    "This is not a gift to a company. It is an investment in a city that has "
                    "made the steel for our bridges and our ships for a hundred years.",
                    "Это не подарок компании. Это вложение в город, который сто лет выплавлял "
                    "сталь для наших мостов и кораблей.",
                ),
                s.said(),
            ),
            Quote(
                stann.key,
                T(
                    "I will believe the jobs are safe when the contracts are signed and the "
                    "training has started. Teradal has heard promises before.",
                    "Я поверю, что рабочие места сохранены, когда будут подписаны контракты и "
                    "начнётся переобучение. Терадал уже слышал обещания.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                s.one(
                    T("Cleaner air over the Tera", "Чистый воздух над Терой"),
                    T("What changes in the city", "Что изменится в городе"),
                ),
                [
                    T(
                        "The works are the largest source of air pollution in the Tera valley. "
                        "The switch should cut its emissions by about four fifths.",
                        "Завод — крупнейший источник загрязнения воздуха в долине Теры. "
                        "Переход должен сократить его выбросы примерно на четыре пятых.",
                    ),
                ],
            ),
            (
                T("Training the workforce", "Переобучение работников"),
                [
                    T(
                        "About 600 workers will be retrained to run the electric furnaces. "
                        "Others will be offered early retirement or jobs at the new battery "
                        "plant nearby.",
                        "Около 600 работников пройдут переобучение для работы на электропечах. "
                        "Остальным предложат досрочную пенсию или работу на соседнем "
                        "аккумуляторном заводе.",
                    ),
                ],
            ),
        ],
        topics=[kask.key, stann.key, "teradal"],
        scenes=("industry", "night", "bridge"),
    )
