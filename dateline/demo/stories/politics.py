"""Politics desk: the government, the Assembly, the capital's city hall and the campaign."""

from ..bilingual import T
from ..cast import PLACES
from . import Quote, Story, story

# Vote tallies whose Russian noun is always "голосов", whatever the case.
VOTES = (76, 77, 78, 79, 80, 85, 86, 87, 88, 89, 90)


@story("politics")
def confidence_vote(s):
    in_favour = s.one(*VOTES)
    against = 151 - in_favour - s.num(3, 9)
    reyl, stann, olsk = (s.person(k) for k in ("tomas-reyl", "vikor-stann", "renata-olsk"))
    return Story(
        headline=s.one(
            T(
                f"Reyl survives confidence vote with {in_favour} votes",
                f"Томас Рейль пережил вотум доверия, получив {in_favour} голосов",
            ),
            T(
                "Government wins confidence vote called over ferry fares",
                "Правительство выиграло голосование о доверии, инициированное из-за цен на паромы",
            ),
            T(
                f"Opposition falls short as {in_favour} deputies back the Reyl government",
                f"Оппозиции не хватило голосов: {in_favour} депутатов поддержали "
                "правительство Рейля",
            ),
        ),
        standfirst=T(
            f"Prime Minister Tomas Reyl won a vote of confidence in the National Assembly "
            f"{s.day.on.en} by {in_favour} votes to {against}, ending a week of uncertainty "
            "triggered by the opposition over the rising cost of ferry fares.",
            f"Премьер-министр Томас Рейль {s.day.on.ru} выиграл голосование о доверии в "
            f"Национальном собрании: {in_favour} голосов «за» и {against} «против». Так "
            "завершилась неделя неопределённости, начатая оппозицией из-за роста цен на "
            "паромные билеты.",
        ),
        dateline=PLACES["port-halvern"],
        lead=[
            T(
                "The Civic Renewal Party called the vote after the state ferry company raised "
                "fares on the island routes for the second time in a year.",
                "Партия гражданского обновления инициировала голосование после того, как "
                "государственная паромная компания второй раз за год подняла цены на "
                "маршрутах к островам.",
            ),
            s.one(
                T(
                    "Two deputies of the smaller coalition partner, the Green Coast group, had "
                    "threatened to abstain but voted with the government after a late meeting "
                    "with the prime minister.",
                    "Два депутата младшего партнёра по коалиции, группы «Зелёный берег», "
                    "грозили воздержаться, но после позднего разговора с премьер-министром "
                    "проголосовали за правительство.",
                ),
                T(
                    "The debate lasted nine hours and was broadcast live, drawing one of the "
                    "largest audiences for a parliamentary session in years.",
                    "Дебаты длились девять часов и транслировались в прямом эфире, собрав одну "
                    "из самых больших аудиторий парламентских заседаний за последние годы.",
                ),
            ),
        ],
        quotes=[
            Quote(
                reyl.key,
                T(
                    "I heard the anger in this chamber and I heard it on the quays. Fares will "
                    "be frozen until the end of the year, and the islands will have a say in "
                    "the next increase.",
                    "Я слышал гнев в этом зале и слышал его на причалах. Цены на билеты будут "
                    "заморожены до конца года, а острова получат право голоса при следующем "
                    "повышении.",
                ),
                s.said(
                    T(
                        "in his closing speech to the Assembly",
                        "в заключительной речи в Национальном собрании",
                    )
                ),
            ),
            Quote(
                stann.key,
                T(
                    "We did not win the vote, but we won the freeze. For a family on the "
                    "islands that is worth more than a change of government.",
                    "Мы не выиграли голосование, но добились заморозки цен. Для семьи с "
                    "островов это важнее смены правительства.",
                ),
                s.said(),
            ),
            Quote(
                olsk.key,
                T(
                    "The chamber did its job: it asked the question and it gave an answer.",
                    "Палата выполнила свою работу: задала вопрос и дала ответ.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                s.one(
                    T("How the vote was won", "Как было получено большинство"),
                    T("A promise on the ferries", "Обещание по паромам"),
                ),
                [
                    T(
                        "The government promised to freeze island fares until the end of the "
                        "year and to give island councils a seat on the board of the ferry "
                        "company.",
                        "Правительство пообещало заморозить цены на островных маршрутах до "
                        "конца года и дать островным советам место в совете директоров "
                        "паромной компании.",
                    ),
                ],
            ),
            (
                T("What it means for the coalition", "Что это значит для коалиции"),
                [
                    T(
                        "The coalition holds 79 of the 151 seats, a majority that has shrunk "
                        "twice since the election after deputies left to sit as independents.",
                        "У коалиции 79 мест из 151 — большинство, которое дважды сокращалось "
                        "после выборов, когда депутаты выходили из фракций и становились "
                        "независимыми.",
                    ),
                    T(
                        "Analysts expect the budget vote in the autumn to be the next test.",
                        "По мнению аналитиков, следующим испытанием станет голосование по "
                        "бюджету осенью.",
                    ),
                ],
            ),
        ],
        topics=[reyl.key, stann.key, olsk.key, "national-assembly", "civic-renewal"],
        scenes=("parliament", "crowd"),
        facts=(
            T("The vote", "Голосование"),
            [
                T(f"For: {in_favour}", f"За: {in_favour}"),
                T(f"Against: {against}", f"Против: {against}"),
                T(
                    f"Abstained or absent: {151 - in_favour - against}",
                    f"Воздержались или отсутствовали: {151 - in_favour - against}",
                ),
            ],
        ),
    )


@story("politics")
def waterfront_plan(s):
    cost = s.num(12, 45) * 10
    homes = s.num(8, 30) * 100
    dovel = s.person("kasimir-dovel")
    return Story(
        headline=s.one(
            T(
                f"Port Halvern approves {cost} million crown waterfront plan",
                f"Порт-Халверн одобрил план реконструкции набережной за {cost} млн крон",
            ),
            T(
                f"Dovel's waterfront: {homes:,} homes where the old warehouses stand",
                f"Набережная Довеля: {homes} квартир на месте старых складов",
            ),
            T(
                "City council backs the mayor's plan to rebuild the old harbour",
                "Городской совет поддержал план мэра по перестройке старой гавани",
            ),
        ),
        standfirst=T(
            f"The city council of Port Halvern {s.day.on.en} approved Mayor Kasimir Dovel's "
            f"plan to turn the old warehouse quarter into {homes:,} homes, a park and a ferry "
            f"terminal, at a cost of {cost} million crowns over ten years.",
            f"Городской совет Порт-Халверна {s.day.on.ru} одобрил план мэра Казимира Довеля "
            f"превратить квартал старых складов в {homes} квартир, парк и паромный терминал "
            f"стоимостью {cost} млн крон в течение десяти лет.",
        ),
        dateline=PLACES["port-halvern"],
        lead=[
            T(
                "The warehouses along the east quay have stood mostly empty since container "
                "traffic moved to the deep-water terminal outside the city.",
                "Склады вдоль восточного причала почти пустуют с тех пор, как контейнерные "
                "перевозки переместились в глубоководный терминал за городом.",
            ),
            T(
                "A third of the new homes will be let at regulated rents, a condition the "
                "council's left-wing groups set for their support.",
                "Треть новых квартир будет сдаваться по регулируемой арендной плате — такое "
                "условие поставили левые фракции совета в обмен на поддержку.",
            ),
        ],
        quotes=[
            Quote(
                dovel.key,
                T(
                    "For forty years the city turned its back to the water. We are going to "
                    "turn around.",
                    "Сорок лет город стоял к воде спиной. Теперь мы развернёмся к ней лицом.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                s.one(
                    T("Who pays", "Кто платит"),
                    T("Money from the state and the banks", "Деньги государства и банков"),
                ),
                [
                    T(
                        "The city will borrow about half of the cost. The rest is to come from "
                        "the sale of building plots and a grant from the national government.",
                        "Около половины суммы город возьмёт в долг. Остальное должны принести "
                        "продажа участков под застройку и грант национального правительства.",
                    ),
                ],
            ),
            (
                T("Objections from the quay", "Возражения с причала"),
                [
                    T(
                        "Fishing families who still use the east quay have asked for a "
                        "guarantee that their moorings will stay.",
                        "Рыбацкие семьи, которые до сих пор пользуются восточным причалом, "
                        "просят гарантировать, что их места стоянки сохранятся.",
                    ),
                    T(
                        "Heritage groups want two nineteenth-century warehouses kept and "
                        "turned into a market hall rather than demolished.",
                        "Общества охраны наследия хотят сохранить два склада XIX века и "
                        "превратить их в крытый рынок вместо сноса.",
                    ),
                ],
            ),
        ],
        topics=[dovel.key, "port-halvern"],
        scenes=("harbour", "skyline", "night"),
        facts=(
            T("The plan", "План"),
            [
                T(
                    f"Homes: {homes:,}, a third at regulated rents",
                    f"Квартиры: {homes}, треть — по регулируемой аренде",
                ),
                T(f"Cost: {cost} million crowns", f"Стоимость: {cost} млн крон"),
                T("Time: ten years", "Срок: десять лет"),
            ],
        ),
    )


@story("politics")
def lobbying_register(s):
    in_favour = s.one(*VOTES)
    fine = s.num(5, 20) * 10
    olsk, stann = s.person("renata-olsk"), s.person("vikor-stann")
    return Story(
        headline=s.one(
            T(
                "Assembly passes lobbying register after two years of talks",
                "Национальное собрание после двух лет споров приняло закон о реестре лоббистов",
            ),
            T(
                f"Lobbyists face fines of up to {fine},000 crowns under new law",
                f"Лоббистам грозят штрафы до {fine} тыс. крон по новому закону",
            ),
            T(
                "Every meeting with a minister to be public under transparency law",
                "По закону о прозрачности каждая встреча с министром станет публичной",
            ),
        ),
        standfirst=T(
            f"Deputies voted {s.day.on.en} to create a public register of lobbyists and to "
            "publish the diaries of ministers, in a law that passed with "
            f"{in_favour} votes after two years in committee.",
            f"Депутаты {s.day.on.ru} проголосовали за создание публичного реестра "
            "лоббистов и публикацию рабочих графиков министров; закон, пролежавший два года "
            f"в комитете, получил {in_favour} голосов.",
        ),
        dateline=PLACES["port-halvern"],
        lead=[
            T(
                "From next year, anyone paid to influence a law or a public contract must "
                "register, name their clients and report every meeting with a minister or a "
                "senior official.",
                "Со следующего года каждый, кому платят за влияние на закон или "
                "госконтракт, должен будет зарегистрироваться, назвать своих клиентов и "
                "сообщать о каждой встрече с министром или высокопоставленным чиновником.",
            ),
        ],
        quotes=[
            Quote(
                olsk.key,
                T(
                    "People have a right to know who knocks on the doors of this building, "
                    "and why.",
                    "Люди имеют право знать, кто стучится в двери этого здания и зачем.",
                ),
                s.said(),
            ),
            Quote(
                stann.key,
                T(
                    "It is a good law with a weak referee. An office of six people cannot "
                    "check the diaries of the whole government.",
                    "Это хороший закон со слабым арбитром. Служба из шести человек не сможет "
                    "проверить графики всего правительства.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                T("What must be declared", "Что нужно будет раскрывать"),
                [
                    T(
                        f"Lobbyists who fail to register can be fined up to {fine},000 crowns "
                        "and barred from the Assembly building for two years.",
                        f"Лоббистов, не прошедших регистрацию, смогут оштрафовать на сумму до "
                        f"{fine} тыс. крон и на два года закрыть им доступ в здание "
                        "парламента.",
                    ),
                    T(
                        "Ministers will publish their diaries every month, with exceptions for "
                        "defence and security matters.",
                        "Министры будут ежемесячно публиковать свои рабочие графики, за "
                        "исключением вопросов обороны и безопасности.",
                    ),
                ],
            ),
            (
                s.one(
                    T("Who will check", "Кто будет проверять"),
                    T("An office with six staff", "Служба из шести человек"),
                ),
                [
                    T(
                        "The register will be kept by a new office attached to the Speaker of "
                        "the Assembly, with a staff of six in its first year.",
                        "Реестр будет вести новая служба при председателе Национального "
                        "собрания, в первый год в ней будут работать шесть человек.",
                    ),
                ],
            ),
        ],
        topics=[olsk.key, stann.key, "national-assembly", "civic-renewal"],
        scenes=("parliament", "skyline"),
    )


@story("politics")
def northern_rail(s):
    km = s.num(180, 260, 10)
    cost = s.one("1.2", "1.4", "1.6", "1.8")
    cost_ru = cost.replace(".", ",")
    # English, then the Russian accusative ("за три часа") and genitive ("до трёх часов").
    hours, hours_acc, hours_gen = s.one(
        ("three hours", "три часа", "трёх часов"),
        ("three and a half hours", "три с половиной часа", "трёх с половиной часов"),
    )
    reyl = s.person("tomas-reyl")
    town = s.place("lunsk", "vessny")
    return Story(
        headline=s.one(
            T(
                f"Government commits {cost} billion crowns to the northern railway",
                f"Правительство выделит {cost_ru} млрд крон на северную железную дорогу",
            ),
            T(
                f"Rail line to {town.name.en} approved after decades of promises",
                f"Железную дорогу до {town.of.ru} одобрили после десятилетий обещаний",
            ),
            T(
                f"Port Halvern to {town.name.en} in under {hours} by 2032",
                f"Из Порт-Халверна в {town.name.ru} менее чем за {hours_acc} к 2032 году",
            ),
        ),
        standfirst=T(
            f"The cabinet approved {s.day.on.en} a {km}-kilometre railway linking Port Halvern "
            f"with Vessny and Lunsk, promising to cut the journey north to under {hours} and "
            "to start construction next spring.",
            f"Правительство {s.day.on.ru} одобрило строительство железной дороги длиной "
            f"{km} км, которая свяжет Порт-Халверн с Весни и Лунском; время в пути на север "
            f"должно сократиться менее чем до {hours_gen}, а стройка начнётся следующей весной.",
        ),
        dateline=town,
        lead=[
            T(
                "The north of the country is served today by a single-track line built in the "
                "1920s and by a coastal road that closes several times each winter.",
                "Сегодня север страны обслуживают однопутная железная дорога 1920-х годов и "
                "прибрежное шоссе, которое каждую зиму несколько раз перекрывают.",
            ),
            s.one(
                T(
                    "Every government for thirty years has promised a new line. None has set "
                    "aside the money.",
                    "Новую дорогу тридцать лет обещало каждое правительство, но ни одно не "
                    "выделило на неё денег.",
                ),
                T(
                    "Business groups in the north say the slow connection has cost the region "
                    "investment and young people.",
                    "Деловые объединения севера говорят, что из-за медленного сообщения регион "
                    "теряет инвестиции и молодёжь.",
                ),
            ),
        ],
        quotes=[
            Quote(
                reyl.key,
                T(
                    "A country is as close as its trains let it be. For too long the north has "
                    "been a day away from the capital.",
                    "Страна настолько едина, насколько это позволяют её поезда. Слишком долго "
                    "север был в целом дне пути от столицы.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                T("Route and stations", "Маршрут и станции"),
                [
                    T(
                        "The line will follow the valley of the Tera as far as Teradal before "
                        "turning north, with eight stations, two tunnels and a bridge over the "
                        "estuary at Vessny.",
                        "Дорога пройдёт по долине Теры до Терадала, а затем повернёт на север: "
                        "восемь станций, два тоннеля и мост через устье реки у Весни.",
                    ),
                ],
            ),
            (
                s.one(
                    T("Paying for it", "Кто заплатит"),
                    T("Money and doubts", "Деньги и сомнения"),
                ),
                [
                    T(
                        "The finance ministry will fund the line from a new infrastructure bond. "
                        "Critics warn that the cost of the tunnels has been underestimated.",
                        "Министерство финансов профинансирует строительство за счёт новых "
                        "инфраструктурных облигаций. Критики предупреждают, что стоимость "
                        "тоннелей занижена.",
                    ),
                ],
            ),
        ],
        topics=[reyl.key, town.key, "port-halvern", "vessny", "lunsk"],
        scenes=("fields", "mountains", "bridge"),
    )


@story("politics")
def opinion_poll(s):
    civic = s.num(27, 33)
    coalition = s.num(24, 30)
    undecided = s.num(14, 22)
    stann, reyl = s.person("vikor-stann"), s.person("tomas-reyl")
    return Story(
        headline=s.one(
            T(
                f"Civic Renewal leads poll on {civic}% ahead of municipal elections",
                f"Партия гражданского обновления лидирует в опросе с {civic}% перед "
                "муниципальными выборами",
            ),
            T(
                f"Poll: {undecided}% of voters still undecided six months before the vote",
                f"Опрос: {undecided}% избирателей ещё не определились за полгода до выборов",
            ),
            T(
                "Opposition ahead in the industrial towns, coalition holds the coast",
                "Оппозиция впереди в промышленных городах, коалиция удерживает побережье",
            ),
        ),
        standfirst=T(
            f"The opposition Civic Renewal Party would win {civic}% of the vote if municipal "
            f"elections were held now, against {coalition}% for the parties of the coalition, "
            f"according to a survey published {s.day.on.en}.",
            f"Оппозиционная Партия гражданского обновления получила бы {civic}% голосов, если "
            f"бы муниципальные выборы прошли сейчас, против {coalition}% у партий коалиции, "
            f"показал опрос, опубликованный {s.day.on.ru}.",
        ),
        dateline=PLACES["port-halvern"],
        lead=[
            T(
                "The survey of 2,400 adults was carried out for the Halvern Courier by the "
                "polling institute of the University of Vessny.",
                "Опрос 2400 взрослых провёл для газеты «Халвернский курьер» "
                "социологический институт Университета Весни.",
            ),
            T(
                f"{undecided}% of those asked said they had not decided whom to vote for, a "
                "share the pollsters called unusually high.",
                f"{undecided}% опрошенных заявили, что ещё не решили, за кого голосовать; "
                "социологи назвали эту долю необычно высокой.",
            ),
        ],
        quotes=[
            Quote(
                stann.key,
                T(
                    "Polls do not vote. We will knock on every door in Teradal as if we were "
                    "ten points behind.",
                    "Опросы не голосуют. Мы постучимся в каждую дверь в Терадале так, будто "
                    "отстаём на десять пунктов.",
                ),
                s.said(),
            ),
            Quote(
                reyl.key,
                T(
                    "Six months is a long time on the coast. Ask any fisherman about the weather.",
                    "Полгода — большой срок на побережье. Спросите любого рыбака о погоде.",
                ),
                s.said(),
            ),
        ],
        parts=[
            (
                s.one(
                    T("A country of two halves", "Страна из двух половин"),
                    T("Where each side is strong", "Где сильна каждая из сторон"),
                ),
                [
                    T(
                        "The opposition is strongest in the towns along the Tera, where "
                        "factory closures have hit hardest. The coalition still leads in Port "
                        "Halvern and on the islands.",
                        "Оппозиция сильнее всего в городах на Тере, где сильнее всего "
                        "ударило закрытие заводов. Коалиция по-прежнему лидирует в "
                        "Порт-Халверне и на островах.",
                    ),
                ],
            ),
            (
                T("Issues that matter", "Что волнует избирателей"),
                [
                    T(
                        "Housing costs, ferry fares and the waiting times at hospitals were the "
                        "three issues voters named most often.",
                        "Чаще всего избиратели называли три проблемы: стоимость жилья, цены "
                        "на паромы и очереди в больницах.",
                    ),
                ],
            ),
        ],
        topics=[stann.key, reyl.key, "civic-renewal", "teradal"],
        scenes=("crowd", "skyline", "parliament"),
        facts=(
            T("The poll", "Опрос"),
            [
                T(f"Civic Renewal: {civic}%", f"Партия гражданского обновления: {civic}%"),
                T(f"Coalition parties: {coalition}%", f"Партии коалиции: {coalition}%"),
                T(f"Undecided: {undecided}%", f"Не определились: {undecided}%"),
                T("Sample: 2,400 adults", "Выборка: 2400 взрослых"),
            ],
        ),
    )
