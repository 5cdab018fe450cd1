"""Background paragraphs each desk adds at the end of a story, and their subheadings."""

from ..bilingual import T

HEADINGS = (
    T("Background", "Предыстория"),
    T("The bigger picture", "Общая картина"),
    T("Context", "Контекст"),
)

BACKGROUND = {
    "defense": (
        T(
            "Marendia spends about two per cent of its economic output on defence, close to the "
            "average of the Northern Coastal Alliance.",
            "Марендия тратит на оборону около двух процентов ВВП — близко к среднему уровню "
            "стран Северного прибрежного альянса.",
        ),
        T(
            "The navy has 31 ships and about 6,000 sailors, most of them based at Lunsk in the "
            "north.",
            "Во флоте 31 корабль и около 6000 моряков; большинство из них базируются в Лунске "
            "на севере страны.",
        ),
        T(
            "Relations with Kethria have improved since the two countries signed an agreement "
            "on incidents at sea two years ago, but patrols on both sides of the median line "
            "remain frequent.",
            "Отношения с Кетрией улучшились после того, как два года назад страны подписали "
            "соглашение о предотвращении инцидентов на море, однако патрулирование по обе "
            "стороны срединной линии остаётся интенсивным.",
        ),
        T(
            "The defence committee of the National Assembly reviews every contract worth more "
            "than 50 million crowns.",
            "Комитет по обороне Национального собрания рассматривает каждый контракт стоимостью "
            "свыше 50 млн крон.",
        ),
        T(
            "Conscription has existed in Marendia since independence, but in recent years only "
            "about a third of young men and women have been called up.",
            "Воинская обязанность существует в Марендии со времени независимости, но в "
            "последние годы призывают лишь около трети молодых мужчин и женщин.",
        ),
    ),
    "politics": (
        T(
            "The Harbour Alliance has governed with the smaller Green Coast group since the "
            "last general election, three years ago.",
            "«Гаванский союз» правит вместе с небольшой группой «Зелёный берег» с последних "
            "парламентских выборов, прошедших три года назад.",
        ),
        T(
            "The next general election is due in a little over a year. Municipal elections come "
            "first, in the autumn.",
            "Следующие парламентские выборы пройдут чуть больше чем через год. Сначала, осенью, "
            "состоятся муниципальные выборы.",
        ),
        T(
            "The National Assembly has 151 members, elected for four years by proportional "
            "representation.",
            "В Национальном собрании 151 депутат; их избирают на четыре года по "
            "пропорциональной системе.",
        ),
        T(
            "Turnout at the last general election was 71 per cent, the highest in two decades.",
            "Явка на последних парламентских выборах составила 71% — самая высокая за два "
            "десятилетия.",
        ),
        T(
            "Housing and the cost of living have dominated political debate since prices began "
            "to rise two years ago.",
            "С тех пор как два года назад начался рост цен, в центре политических дебатов — "
            "жильё и стоимость жизни.",
        ),
    ),
    "economy": (
        T(
            "Marendia's economy grew by 1.8 per cent last year, driven by shipbuilding, the port "
            "and a recovery in tourism on the islands.",
            "В прошлом году экономика Марендии выросла на 1,8% благодаря судостроению, порту и "
            "восстановлению туризма на островах.",
        ),
        T(
            "Unemployment stands at 6.2 per cent nationally but above 9 per cent in the towns "
            "of the Tera valley.",
            "Безработица в целом по стране составляет 6,2%, но в городах долины Теры превышает 9%.",
        ),
        T(
            "Kethria buys about a quarter of Marendian exports, followed by the other members of "
            "the Northern Coastal Alliance.",
            "Около четверти марендийского экспорта покупает Кетрия, за ней следуют другие "
            "страны Северного прибрежного альянса.",
        ),
        T(
            "The Marendian crown has held steady against the currencies of its main trading "
            "partners for most of the past year.",
            "Большую часть прошлого года марендийская крона оставалась стабильной по отношению "
            "к валютам основных торговых партнёров.",
        ),
        T(
            "The port and the businesses around it employ about one in twelve workers in the "
            "capital.",
            "Порт и связанные с ним предприятия дают работу примерно каждому двенадцатому "
            "работнику столицы.",
        ),
    ),
    "world": (
        T(
            "Marendia and Kethria share a 140-kilometre land border and the narrow Brisca "
            "Strait, through which most of the region's cargo passes.",
            "У Марендии и Кетрии общая сухопутная граница протяжённостью 140 километров и узкий "
            "Брискийский пролив, через который проходит большая часть грузов региона.",
        ),
        T(
            "The Northern Coastal Alliance was founded after a series of collisions in the "
            "strait and now has nine members around the Sarmel Sea.",
            "Северный прибрежный альянс был создан после череды столкновений судов в проливе; "
            "сейчас в него входят девять государств Сармельского моря.",
        ),
        T(
            "Relations between the two neighbours have warmed since a new government took "
            "office in Orsen two years ago.",
            "Отношения между соседями потеплели после того, как два года назад в Орсене к "
            "власти пришло новое правительство.",
        ),
        T(
            "Around 40,000 Kethrians live and work in Marendia, most of them in Port Halvern "
            "and Corrin Ford.",
            "В Марендии живут и работают около 40\u00a0000 кетрийцев, большинство — в "
            "Порт-Халверне и Коррин-Форде.",
        ),
        T(
            "The northern reaches of the Sarmel Sea freeze for part of the winter, which shapes "
            "the life of every country on its shores.",
            "Северная часть Сармельского моря на время замерзает зимой, и это определяет жизнь "
            "всех стран на его берегах.",
        ),
    ),
    "science": (
        T(
            "The National Institute of Marine Science was founded in Lunsk in 1931 and runs "
            "three research ships.",
            "Национальный институт морских исследований основан в Лунске в 1931 году и "
            "располагает тремя научными судами.",
        ),
        T(
            "Public spending on research in Marendia is about 1.9 per cent of economic output, a "
            "share the government has promised to raise to 2.5 per cent.",
            "Государственные расходы на науку в Марендии составляют около 1,9% ВВП; "
            "правительство обещало довести их до 2,5%.",
        ),
        T(
            "The University of Vessny, founded in 1642, is the country's oldest and has about "
            "18,000 students.",
            "В Университете Весни, старейшем в стране и основанном в 1642 году, учатся около "
            "18\u00a0000 студентов.",
        ),
        T(
            "Winter storms over the Sarmel Sea have grown stronger over the past two decades, "
            "according to records kept at the Vessny observatory.",
            "По данным обсерватории Весни, за последние два десятилетия зимние штормы над "
            "Сармельским морем стали сильнее.",
        ),
        T(
            "Scientists from Marendia and Kethria share data on the sea under an agreement that "
            "has survived every diplomatic quarrel since the 1970s.",
            "Учёные Марендии и Кетрии обмениваются данными о море по соглашению, которое "
            "пережило все дипломатические размолвки с 1970-х годов.",
        ),
    ),
}
