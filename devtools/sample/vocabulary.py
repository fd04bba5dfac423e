"""Invented Swedish words for sample protocols: people, bodies, committees, parties, subjects.

Every name here is made up (or a common word combination); none is taken from a real
protocol. The lists are long so that generated archives have ~1000 distinct people and
varied words for full-text search.
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    """A tuple of the space-separated words of a long literal."""
    return tuple(text.split())


FIRST_NAMES = _words(
    "Agnes Albin Alice Alma Anders Anette Anneli Annika Anton Arvid Astrid Axel Barbro "
    "Beatrice Bengt Berit Birgitta Björn Bo Britt Carina Carl Caroline Cecilia Christer Dag "
    "Daniel David Ebba Edvin Elias Elin Elisabet Ellen Elsa Emil Emma Erik Eva Filip "
    "Fredrik Frida Gabriel Gerd Gunilla Gunnar Gustav Hampus Hanna Hans Harald Helena "
    "Henrik Hugo Ida Inga Ingrid Isak Jakob Jan Jenny Jesper Joakim Johan Johanna Jonas "
    "Josefin Karin Katarina Kerstin Kjell Klara Kristian Kristina Lars Leif Lennart Linnea "
    "Linus Lisa Lotta Louise Lovisa Ludvig Magnus Malin Maria Marie Markus Martin Mats "
    "Mikael Moa Monika Nils Nora Olle Oskar Patrik Per Peter Petra Ragnar Rasmus Rebecka "
    "Rickard Rut Sanna Sara Sigrid Simon Siv Sofia Stina Sten Susanne Svante Sven Tage "
    "Teodor Therese Tilda Tobias Tomas Tove Ture Ulf Ulla Ulrika Valter Vera Viktor Vilma "
    "Yvonne Åke Åsa Östen Lars-Göran Ann-Sofie Karl-Erik Eva-Lena"
)

LAST_NAMES = _words(
    "Alm Almqvist Alvarsson Arnesson Asplöf Backman Bengtsson Berggren Bergkvist Blomdahl "
    "Bodin Boström Brandt Broberg Dahlgren Dahlberg Ek Ekdahl Ekholm Eklöf Eliasson "
    "Engström Falk Fagerlund Forsberg Fors Frid Friberg Gran Granlund Grahn Gustafsson "
    "Hagberg Hallberg Hedberg Hedlund Hellström Helin Hjort Holm Holmgren Hult Håkansson "
    "Isaksson Jakobsson Jonasson Järvholm Karlberg Kvist Kjellberg Lager Lagerqvist "
    "Landberg Lidén Lindahl Lindblom Lindell Lindkvist Ljung Lund Lundell Lundqvist Löfgren "
    "Magnusson Malm Malmberg Mattsson Moberg Nordin Nordqvist Norberg Norén Nyberg Nyqvist "
    "Nyström Olofsson Palm Persson Pehrsson Qvarnström Rapp Roos Rosén Rudberg Rydberg "
    "Sandberg Sandström Sjöberg Sjöqvist Skog Stenmark Strand Strid Ström Sundberg Sundin "
    "Svedberg Söderberg Södergren Thorén Tornberg Vall Wallin Wennberg Westin Wikström "
    "Winberg Åberg Åkesson Ålund Öberg Östlund Ågren Björklund Borg Dalin Edlund Ekberg "
    "Fjällström Grönberg Hamrin Hedin Högberg Jernberg Kullberg Lindh Lövgren Myrberg "
    "Norling Rehn Selin Storm Sällström Tegnér Torstensson Vikberg Zetterlund Arvidsson "
    "Backlund Bäckström Carlberg Edström Forslund Gillberg Hagman Hermansson Hägg Ivarsson "
    "Jernmark Krantz Lind Mellin Nord Rosenqvist Sahlberg Stålberg Tell Unger Vestin "
    "Wadström Wikander Ödman Blom Cederlund Ehn Fält Gyllström Hansén Kling Linnér Mårdh "
    "Nylander Rönn Skoglund Tallberg Vinge Åslund Örn Bergsten"
)

# Titles of officials (tjänstepersoner), by body kind.
OFFICIAL_TITLES = {
    "region": (
        "regiondirektör",
        "hälso- och sjukvårdsdirektör",
        "ekonomidirektör",
        "HR-direktör",
        "chefsjurist",
        "verksamhetsutvecklare",
        "utredare",
        "controller",
        "upphandlare",
        "kanslichef",
        "regional utvecklingsdirektör",
        "områdeschef",
    ),
    "kommun": (
        "kommundirektör",
        "ekonomichef",
        "skolchef",
        "socialchef",
        "samhällsbyggnadschef",
        "planarkitekt",
        "miljöinspektör",
        "utredare",
        "controller",
        "kanslichef",
        "bygglovshandläggare",
        "förvaltningschef",
    ),
}
SECRETARY_TITLE = "sekreterare"

NATIONAL_PARTIES = ("S", "M", "SD", "C", "V", "KD", "L", "MP")
PARTY_WEIGHTS = {"S": 30, "M": 19, "SD": 17, "C": 9, "V": 8, "KD": 6, "L": 4, "MP": 4}
LOCAL_PARTY_WEIGHT = 6
LEFT_BLOC = ("S", "V", "MP")
RIGHT_BLOC = ("M", "KD", "L", "SD")

# Committee kinds: key, name, file slug, tier, the organ it proposes to, dnr series, size.
REGION_COMMITTEES = (
    ("RF", "Regionfullmäktige", "regionfullmaktige", "fullmäktige", None, "RS", 41),
    ("RS", "Regionstyrelsen", "regionstyrelsen", "styrelse", "RF", "RS", 13),
    ("FU", "Finansutskottet", "finansutskottet", "utskott", "RS", "RS", 5),
    ("HSN", "Hälso- och sjukvårdsnämnden", "hso-sjukvardsnamnden", "nämnd", "RS", "HSN", 13),
    (
        "HSNAU",
        "Hälso- och sjukvårdsnämndens arbetsutskott",
        "hso-sjukvardsnamndens-au",
        "utskott",
        "HSN",
        "HSN",
        5,
    ),
    (
        "RUN",
        "Regionala utvecklingsnämnden",
        "regionala-utvecklingsnamnden",
        "nämnd",
        "RS",
        "RUN",
        11,
    ),
)
KOMMUN_COMMITTEES = (
    ("KF", "Kommunfullmäktige", "kommunfullmaktige", "fullmäktige", None, "KS", 35),
    ("KS", "Kommunstyrelsen", "kommunstyrelsen", "styrelse", "KF", "KS", 11),
    ("KSAU", "Kommunstyrelsens arbetsutskott", "ks-arbetsutskott", "utskott", "KS", "KS", 5),
    ("BUN", "Barn- och utbildningsnämnden", "barn-utbildningsnamnden", "nämnd", "KS", "BUN", 9),
    ("MBN", "Miljö- och byggnadsnämnden", "miljo-byggnadsnamnden", "nämnd", "KS", "MBN", 9),
    ("SN", "Socialnämnden", "socialnamnden", "nämnd", "KS", "SN", 9),
)

# The fixed sample bodies: name, kind, layout, dnr style, local party code and name, seat.
BODIES = (
    (
        "Region Norrvik",
        "region",
        "markdown",
        "yy_series_n",
        "SPN",
        "Sjukvårdspartiet Norrvik",
        "Norrvik",
    ),
    ("Region Söderhav", "region", "plain", "series_n_yyyy", "SHL", "Söderhavslistan", "Havsby"),
    ("Ekby kommun", "kommun", "kommun", "series_yyyy_n", "EKB", "Ekbypartiet", "Ekby"),
    (
        "Region Fjällmark",
        "region",
        "kommun",
        "series_n_yyyy_slash",
        "FMV",
        "Fjällmarks väl",
        "Fjällsta",
    ),
    (
        "Strandsjö kommun",
        "kommun",
        "plain",
        "series_yyyy_n_class",
        "SSF",
        "Strandsjös framtid",
        "Strandsjö",
    ),
    (
        "Lövsala kommun",
        "kommun",
        "markdown",
        "series_yyyy_colon",
        "LVL",
        "Lövsalalistan",
        "Lövsala",
    ),
)
# Syllables for further invented kommuner when a large archive is asked for.
EXTRA_PREFIXES = _words(
    "Björk Ek Gran Hassel Lind Rönn Al Asp Sälg Tall Lönn Hägg Sjö Strand Berg Dal Myr Sten "
    "Vass Kärr Äng Furu Ros Ham"
)
EXTRA_SUFFIXES = _words("by vik torp sund hed backa näs ås fors åker lunda holm")

MEETING_ROOMS = (
    "sammanträdesrum Tärnan",
    "sammanträdesrum Laxen",
    "sessionssalen",
    "stora sammanträdesrummet",
    "sal Ripan",
    "lokal Älven",
    "rum Kronan",
    "digitalt via Teams",
)
HOUSES = {"region": "Regionens hus", "kommun": "Kommunhuset"}

# Subjects by domain, used in titles, clauses and descriptions.
TOPICS = {
    "vård": (
        "ambulanssjukvård",
        "förlossningsvård",
        "barn- och ungdomspsykiatri",
        "tandvård för unga vuxna",
        "hjälpmedelsförsörjning",
        "vårdplatser vid länssjukhuset",
        "primärvårdens tillgänglighet",
        "cancervård",
        "digitala vårdbesök",
        "läkemedelsförsörjning",
        "hemsjukvård i samverkan med kommunerna",
        "ungdomsmottagningar",
        "suicidprevention",
        "palliativ vård",
        "screening för tjocktarmscancer",
        "rehabilitering efter stroke",
        "sjukresor",
        "hyrpersonal inom vården",
        "akutmottagningens väntetider",
        "mödrahälsovård",
    ),
    "ekonomi": (
        "regionens investeringsbudget",
        "fastighetsförvaltning",
        "lokalförsörjning",
        "intern kontroll",
        "kompetensförsörjning",
        "informationssäkerhet",
        "energieffektivisering",
        "upphandlingspolicy",
        "arbetsmiljö",
        "digitalisering av ärendehantering",
        "krisberedskap",
        "pensionsskuld",
        "lönebildning",
        "arkivhantering",
    ),
    "utveckling": (
        "kollektivtrafik",
        "bredbandsutbyggnad",
        "kulturstöd",
        "besöksnäring",
        "regional utvecklingsstrategi",
        "kompetensplattform",
        "folkhögskolor",
        "landsbygdsutveckling",
        "klimatomställning",
        "näringslivsutveckling",
        "infrastrukturplan",
        "folkhälsa",
    ),
    "skola": (
        "skolskjuts",
        "förskolans barngrupper",
        "fritidshem",
        "elevhälsa",
        "modersmålsundervisning",
        "gymnasieskolans programutbud",
        "skolmåltider",
        "studie- och yrkesvägledning",
        "vuxenutbildning",
        "kulturskola",
        "skolans digitala verktyg",
        "trygghet i skolan",
    ),
    "bygg": (
        "strandskydd",
        "bygglovstaxa",
        "vatten och avlopp",
        "avfallshantering",
        "livsmedelskontroll",
        "förorenad mark",
        "buller från industriområdet",
        "grönstruktur",
        "dagvattenhantering",
        "detaljplaneprogram för centrum",
        "tillsyn enligt miljöbalken",
        "enskilda avlopp",
    ),
    "social": (
        "hemtjänst",
        "särskilt boende för äldre",
        "ekonomiskt bistånd",
        "ensamkommande barn",
        "missbruksvård",
        "familjehemsvård",
        "våld i nära relationer",
        "daglig verksamhet",
        "bostad med särskild service",
        "anhörigstöd",
        "färdtjänst",
        "försörjningsstöd",
    ),
    "kommun": (
        "kommunens översiktsplan",
        "bostadsförsörjning",
        "räddningstjänst",
        "föreningsbidrag",
        "kommunens varumärke",
        "medborgardialog",
        "idrottshallar",
        "gatubelysning",
        "vinterväghållning",
        "turism",
        "integration",
        "mark för industrietablering",
    ),
}
# Which topic pools a committee draws from.
COMMITTEE_DOMAINS = {
    "RF": ("ekonomi", "vård", "utveckling"),
    "RS": ("ekonomi", "utveckling", "vård"),
    "FU": ("ekonomi",),
    "HSN": ("vård",),
    "HSNAU": ("vård",),
    "RUN": ("utveckling",),
    "KF": ("kommun", "ekonomi", "skola", "social"),
    "KS": ("kommun", "ekonomi"),
    "KSAU": ("kommun", "ekonomi"),
    "BUN": ("skola",),
    "MBN": ("bygg",),
    "SN": ("social",),
}

UNITS = {
    "region": (
        "regiondirektören",
        "hälso- och sjukvårdsförvaltningen",
        "regionledningsförvaltningen",
        "förvaltningen",
    ),
    "kommun": (
        "kommundirektören",
        "kommunledningskontoret",
        "förvaltningen",
        "samhällsbyggnadsförvaltningen",
    ),
}
TASKS = (
    "utreda förutsättningarna för {topic}",
    "ta fram en handlingsplan för {topic}",
    "återkomma med en konsekvensanalys av {topic}",
    "följa upp arbetet med {topic} i årsredovisningen",
    "samordna arbetet med {topic} med berörda aktörer",
    "redovisa kostnaderna för {topic}",
    "se över riktlinjerna för {topic}",
    "genomföra en dialog med brukarorganisationer om {topic}",
)
DOCUMENTS = (
    "riktlinje för {topic}",
    "handlingsplan för {topic}",
    "policy för {topic}",
    "program för {topic}",
    "strategi för {topic}",
    "rutin för {topic}",
)
PRODUCTS = (
    "förbrukningsmaterial för dialys",
    "laboratorieanalyser",
    "hjälpmedel för förflyttning",
    "skolmåltidsråvaror",
    "städtjänster",
    "IT-drift och support",
    "tolktjänster",
    "arbetskläder",
    "bilar och leasing",
    "livsmedel till äldreboenden",
    "elevdatorer",
    "ambulansfordon",
    "snöröjning",
    "kontorsmöbler",
)
SUPPLIERS = (
    "Nordmedic AB",
    "Vårdlogistik i Norden AB",
    "Ekonomitjänst Syd AB",
    "Fjällbyggen AB",
    "Skärgårdsservice AB",
    "Datatorget AB",
    "Matkällan AB",
    "Rena Lokaler AB",
)
MINISTRIES = (
    "Socialdepartementet",
    "Finansdepartementet",
    "Utbildningsdepartementet",
    "Infrastrukturdepartementet",
    "Klimat- och näringslivsdepartementet",
    "Landsbygds- och infrastrukturdepartementet",
)
REPORT_MONTHS = ("april", "augusti", "oktober")
PLACES_FOR_PLANS = (
    "Kvarnen",
    "Åkern",
    "Hagen",
    "Norra Udden",
    "Björkliden",
    "Sjövik",
    "Tallbacken",
)
AREAS = ("bostäder", "förskola", "verksamheter", "centrumändamål", "industri", "handel")
RESERVATION_REASONS = (
    "till förmån för eget yrkande",
    "till förmån för eget avslagsyrkande",
    "till förmån för eget återremissyrkande",
)

# Sentences for Ärendebeskrivning/Sammanfattning; {topic}, {unit}, {year}, {n}, {amount}.
DESCRIPTION_SENTENCES = (
    "Frågan om {topic} har diskuterats under flera år och behovet av en samlad bedömning har ökat.",
    "Förvaltningen har sett över nuvarande arbetssätt inom {topic} och föreslår förändringar.",
    "Underlaget har tagits fram i dialog med verksamheterna och de fackliga organisationerna.",
    "Kostnaden beräknas till {amount} miljoner kronor under perioden {year}–{year2}.",
    "Antalet ärenden som rör {topic} har ökat med {n} procent jämfört med föregående år.",
    "Nuvarande avtal löper ut den 31 december {year} och kan inte förlängas.",
    "Ett förslag har varit ute på remiss hos berörda nämnder och pensionärsråd.",
    "Uppföljningen visar att målen för {topic} delvis har uppnåtts.",
    "Den demografiska utvecklingen innebär ett ökat behov av insatser inom {topic}.",
    "Förslaget bedöms inte medföra några konsekvenser för barn och unga.",
    "En risk- och konsekvensanalys har genomförts tillsammans med skyddsombuden.",
    "Samverkan med länets kommuner sker inom ramen för befintliga överenskommelser.",
    "{unit_cap} bedömer att förslaget ligger i linje med målen i budgeten för {year}.",
    "Statsbidrag om {amount} miljoner kronor har sökts för att finansiera arbetet.",
    "Erfarenheter från andra organisationer visar att tidiga insatser ger bäst effekt.",
    "Arbetet ska redovisas i samband med delårsrapporten per augusti {year}.",
    "Verksamheten har under året haft svårt att rekrytera sjuksköterskor och specialister.",
    "Förslaget innebär att handläggningstiderna kan kortas med ungefär {n} dagar.",
    "Medborgare har framfört synpunkter på {topic} via synpunktshanteringen.",
    "Investeringen ryms inom den ekonomiska ramen och påverkar inte driftbudgeten.",
    "Revisorerna har i sin granskning lyft behovet av tydligare styrning av {topic}.",
    "Miljö- och klimatperspektivet har beaktats i framtagandet av förslaget.",
    "Dokumentet har reviderats utifrån ny lagstiftning som träder i kraft {year2}.",
    "En arbetsgrupp med representanter från förvaltningarna har lett arbetet.",
    "Jämställdhetsperspektivet har beaktats och förslaget påverkar inte kvinnor och män olika.",
    "Nuvarande lokaler är slitna och uppfyller inte kraven på tillgänglighet.",
    "Förvaltningens bedömning är att {topic} behöver prioriteras under kommande planperiod.",
    "Digitala lösningar har prövats i en pilotverksamhet med goda resultat.",
)
PROTOCOL_NOTE_SENTENCES = (
    "Vi ser positivt på förslaget men saknar en tydlig tidsplan.",
    "Det är viktigt att konsekvenserna för personalen följs upp noga.",
    "Vi förutsätter att ärendet återkommer till nämnden för beslut.",
    "Finansieringen behöver säkras innan arbetet påbörjas.",
    "Vi vill understryka vikten av dialog med brukarna.",
)
