"""Word lists for the quote extractor (archive.extract.quotes). Plain data, no logic."""
from __future__ import annotations


def _forms(base: str, third: str | None = None, past: str | None = None, ing: str | None = None) -> set[str]:
    if base.endswith("e"):
        stem = base[:-1]
        default_past, default_ing = base + "d", stem + "ing"
    elif base.endswith("y") and base[-2] not in "aeiou":
        default_past, default_ing = base[:-1] + "ied", base + "ing"
    else:
        default_past, default_ing = base + "ed", base + "ing"
    default_third = base + "es" if base.endswith(("s", "sh", "ch", "x")) else (
        base[:-1] + "ies" if base.endswith("y") and base[-2] not in "aeiou" else base + "s")
    return {base, third or default_third, past or default_past, ing or default_ing}


# Verbs that introduce someone's words. Every form maps to the form found in text.
_REGULAR = """
add explain claim state note ask insist warn recall acknowledge admit argue urge demand
complain stress emphasise emphasize announce declare reply respond answer continue conclude
promise vow pledge joke shout whisper comment confirm deny suggest predict observe remark
reiterate caution describe recount post tweet cite accuse dismiss brand label testify
assert allege lament boast concede counter agree protest plead exclaim scream yell sigh
mutter murmur retort add point report quip reflect repeat recall maintain contend
summarise summarize estimate charge threaten appeal inform quote call
""".split()
CUE_FORMS: set[str] = set()
for _verb in _REGULAR:
    CUE_FORMS |= _forms(_verb)
CUE_FORMS |= {
    "say", "says", "said", "saying",
    "tell", "tells", "told", "telling",
    "write", "writes", "wrote", "writing",
    "read", "reads",
    "put",  # only in "as X put it"; checked separately
    "labelled", "labelling", "labeled", "labeling",
    "reiterated", "testified", "replied", "denied",
    "admitted", "admitting", "quipped", "quipping", "agreeing", "referred", "referring",
}
# Plural nouns far more often than verbs: they would turn "his remarks" into a subject + cue.
CUE_FORMS -= {"states", "posts", "remarks", "comments", "protests", "demands", "estimates", "answers",
              "labels", "brands", "appeals", "admited", "admiting", "quiped", "quiping", "agreing",
              "repeats", "charges", "quotes", "reflects", "reflecting", "reflected", "informs",
              "maintains", "continuing", "posting", "protesting"}
CUE_FORMS -= {"point", "points", "pointed", "pointing", "read", "put", "call", "calls", "counter", "counters",
              "charge", "charges", "charged", "charging", "appeal", "appeals", "quote", "quotes",
              "repeat", "state", "estimate", "report", "comment", "protest", "label", "brand", "answer",
              "reply", "tweet", "post", "vow", "pledge", "joke", "shout", "demand", "claim", "warn",
              "ask", "note", "add", "say", "tell", "write", "agree", "urge", "promise", "deny", "cite",
              "accuse", "dismiss", "respond", "continue", "describe", "confirm", "stress", "announce",
              "declare", "explain", "recall", "insist", "admit", "argue", "complain", "suggest",
              "predict", "observe", "remark", "reiterate", "caution", "recount", "testify", "assert",
              "allege", "lament", "boast", "concede", "plead", "exclaim", "scream", "yell", "sigh",
              "mutter", "murmur", "retort", "quip", "reflect", "maintain", "contend", "summarise",
              "summarize", "threaten", "inform", "conclude", "emphasise", "emphasize", "whisper",
              "acknowledge", "state"}
# Russian: "— говорит Ольга", "рассказала 59.ru:", "заявили, что…" (not the impersonal "говорится")
CUE_FORMS |= {
    "говорит", "говорят", "сказал", "сказала", "сказали", "заявил", "заявила", "заявили", "заявляет",
    "рассказал", "рассказала", "рассказали", "рассказывает", "отметил", "отметила", "отметили",
    "добавил", "добавила", "добавили", "пишет", "написал", "написала", "написали", "сообщил",
    "сообщила", "сообщили", "сообщает", "подчеркнул", "подчеркнула", "пояснил", "пояснила",
    "ответил", "ответила", "ответили", "уточнил", "уточнила", "признался", "призналась",
}
# Bare base forms are excluded above: after a subject they would be plural/imperative and
# before a quote they are mostly nouns ("a claim", "the report", "a post").
CUE_FORMS |= {"say", "tell", "write", "calls"}
# base forms that are never nouns: "Residents describe", "critics argue", "locals complain"
CUE_FORMS |= {"describe", "explain", "insist", "recall", "complain", "argue", "admit", "warn", "acknowledge",
              "allege", "stress", "emphasise", "emphasize", "reiterate", "concede", "recount", "testify"}  # "they say", "the soldiers say" are real cues
# Participles and weak cues: they govern a partial quote but their subject is the clause's.
PARTICIPLE_CUES = {w for w in CUE_FORMS if w.endswith("ing")}
# Weak cues only count for partial quotes (a governing verb), never for a direct quote's own attribution.
WEAK_CUES = _forms("call") | _forms("describe") | _forms("dismiss") | _forms("brand") | _forms("label") | {
    "labelled", "labelling", "accused", "accuses", "accusing", "cited", "cites", "citing",
    "urged", "urges", "urging", "demanded", "demands", "demanding", "promised", "promises", "promising",
    "threatened", "threatens", "threatening", "reported", "reports", "reporting", "agreed", "agrees",
}

# Words between a subject and its cue that are not part of the subject.
ADVERBS = {
    "also", "later", "then", "previously", "earlier", "recently", "reportedly", "again", "once",
    "repeatedly", "publicly", "separately", "bluntly", "simply", "often", "subsequently", "further",
    "has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "might", "may",
    "already", "now", "today", "yesterday", "tonight", "herself", "himself", "themselves", "itself",
    "openly", "privately", "angrily", "quietly", "proudly", "flatly", "firmly", "calmly", "curtly",
    "emphatically", "jokingly", "tearfully", "sadly", "frankly", "candidly", "personally", "still",
    "even", "just", "however", "too", "allegedly", "ultimately", "finally", "initially",
}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
TIME_WORDS = {"week", "month", "year", "morning", "evening", "afternoon", "night", "spring", "summer",
              "autumn", "fall", "winter", "weekend", "day", "time"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec"}

# Tokens that end a subject noun phrase when walking back from the cue.
NP_STOPS = {
    "that", "who", "whom", "whose", "which", "where", "when", "while", "as", "but", "because",
    "after", "before", "if", "although", "though", "since", "so", "why", "how", "what", "whether",
    "than", "until", "unless", "whereas", "said", "says", "told", "tells", "wrote", "writes",
}
LEADING_JUNK = {"and", "but", "so", "meanwhile", "however", "still", "now", "yet", "also", "then",
                "later", "instead", "moreover", "besides", "indeed", "finally", "earlier", "separately",
                "nevertheless", "thus", "here", "there", "today", "yesterday"}
# A subject that begins with one of these is an adverbial clause, not a subject.
ADVERBIAL_STARTS = {
    "in", "on", "at", "after", "before", "during", "when", "while", "as", "asked", "speaking",
    "according", "outside", "inside", "near", "since", "until", "for", "from", "with", "without",
    "despite", "under", "over", "by", "to", "if", "although", "though", "because", "last", "this",
    "earlier", "later", "meanwhile", "however", "overall", "instead", "once", "writing", "talking",
    "addressing", "responding", "commenting", "following", "amid", "throughout", "within", "across",
    "among", "between", "around", "about", "against", "upon", "like", "unlike", "beyond",
}
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you"}
RESOLVABLE = {"he", "she", "they", "it"}

DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her",
               "our", "my", "your", "any", "such", "some", "no", "every", "each", "what", "so-called",
               "alleged", "supposed", "whose", "another"}
AUXILIARIES = {"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had",
               "do", "does", "did", "will", "would", "can", "could", "should", "must", "may",
               "might", "shall", "won't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't",
               "weren't", "can't", "couldn't", "wouldn't", "shouldn't", "haven't", "hasn't", "hadn't"}
# Common finite verbs that are not cues: they end a subject noun phrase.
FINITE_VERBS = AUXILIARIES | {
    "sent", "held", "made", "took", "gave", "went", "came", "met", "left", "kept", "found", "brought",
    "thought", "became", "began", "ran", "saw", "knew", "led", "got", "won", "lost", "paid", "heard",
    "stood", "fled", "fought", "caught", "struck", "sought", "built", "sold", "drew", "fell", "grew",
    "hid", "shot", "spent", "threw", "wore", "felt", "meant", "spoke", "taken", "given", "known",
    "shown", "seen", "written", "spoken", "chose", "broke", "rose", "sat", "lay", "wants", "needs",
    "remains", "seems", "appears", "believes", "thinks", "knows", "hopes", "fears", "expects",
    "works", "lives", "plans", "faces", "declined", "refused", "welcomed", "published",
    "cast", "set", "hit", "cut", "let", "quit", "shut", "spread",
}
# After these, a quoted span names something: a title, a call sign, a translation.
NAMING_BEFORE = {
    "called", "dubbed", "named", "nicknamed", "titled", "entitled", "headlined", "codenamed",
    "code-named", "sign", "alias", "pseudonym", "slogan", "hashtag", "meaning", "means",
    "literally", "aka", "word", "words", "term", "phrase", "book", "novel", "film", "movie",
    "documentary", "song", "album", "play", "series", "show", "programme", "program", "article",
    "essay", "poem", "exhibition", "operation", "law", "bill", "act", "decree", "column", "op-ed",
    "newspaper", "magazine", "channel", "podcast", "brand", "party", "movement", "project", "group",
    "organization", "organisation", "campaign", "initiative", "festival", "company", "firm",
    "battalion", "brigade", "regiment", "unit", "detachment", "station", "website", "app", "opera",
    "ballet", "painting", "report", "study", "paper", "ship", "vessel", "operation", "plan",
    "doctrine", "treaty", "agreement", "strategy", "fund", "foundation", "platform", "network",
    "publication", "outlet", "blog", "video", "award", "prize",
}
# A quoted span followed by one of these names an organisation, operation, title...
NAMING_AFTER = {
    "organization", "organisation", "movement", "operation", "group", "party", "battalion", "brigade",
    "regiment", "unit", "detachment", "campaign", "project", "program", "programme", "initiative",
    "foundation", "fund", "festival", "channel", "law", "bill", "act", "center", "centre", "club",
    "society", "union", "association", "committee", "network", "platform", "app", "magazine",
    "newspaper", "show", "film", "book", "award", "prize", "company", "corporation", "firm", "brand",
    "chat", "community", "coalition", "alliance", "bloc", "faction", "front", "army", "division",
    "squad", "team", "exercise", "exercises", "doctrine", "plan", "strategy", "treaty", "agreement",
    "list", "registry", "register", "status", "label", "article", "series", "website", "site",
    "portal", "station", "plant", "factory", "mission", "council", "institute", "agency", "bureau",
    "service", "hotline", "bot", "account", "page", "trilogy", "album", "song", "documentary",
    "mobilization", "mobilisation", "brothers", "contract", "contracts", "volunteers", "fighters",
}
TITLE_SMALL = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "with", "from",
               "against", "or", "as", "into", "de", "la", "le", "von", "van", "—", "–", "-", "&"}

FIRST_PERSON = {"i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "we", "we're", "we've",
                "we'd", "we'll", "us", "our", "ours", "you", "you're", "your", "myself", "ourselves"}
VERBISH = AUXILIARIES | {"will", "can", "need", "want", "know", "think", "believe", "see", "go",
                         "come", "take", "give", "make", "keep", "let", "get", "feel", "hope"}

FEMALE_WORDS = {
    "woman", "women", "wife", "wives", "mother", "mothers", "daughter", "daughters", "sister",
    "sisters", "girl", "girls", "grandmother", "widow", "spokeswoman", "chairwoman", "businesswoman",
    "actress", "girlfriend", "aunt", "niece", "lady", "mrs", "mrs.", "ms", "ms.", "miss", "queen",
    "princess", "nun", "granddaughter", "mum", "mom", "bride", "female",
    "congresswoman", "policewoman", "servicewoman", "stepmother", "fiancee", "fiancée", "waitress",
    "headmistress", "heroine", "madam", "grandma", "babushka",
    "жительница", "жена", "мать", "вдова", "сестра", "дочь", "женщина", "пенсионерка", "она",
}
MALE_WORDS = {
    "man", "men", "husband", "husbands", "father", "fathers", "son", "sons", "brother", "brothers",
    "boy", "boys", "grandfather", "widower", "spokesman", "chairman", "businessman", "actor",
    "boyfriend", "uncle", "nephew", "mr", "mr.", "king", "prince", "priest", "monk", "grandson",
    "dad", "groom", "male", "gentleman", "congressman", "policeman", "serviceman",
    "stepfather", "fiance", "fiancé", "waiter", "headmaster", "hero", "grandpa", "patriarch",
    "житель", "муж", "отец", "сын", "брат", "мужчина", "пенсионер", "он",
}
MALE_NAMES_IN_A = {
    "nikita", "ilya", "foma", "kuzma", "luka", "mykola", "misha", "grisha", "pasha", "dima", "vova",
    "kolya", "tolya", "petya", "vanya", "yura", "vitya", "seryozha", "lyosha", "sasha", "zhenya",
    "sanya", "kostya", "slava", "styopa", "andrea", "joshua", "elijah", "noah", "jonah", "ezra",
    "garcia", "costa", "silva", "mustafa", "musa", "hamza", "isa", "yahya", "akhmetova",
}
FEMALE_NAMES = {
    "ella", "olga", "anna", "maria", "irina", "natalya", "natalia", "svetlana", "tatyana", "tatiana",
    "yulia", "julia", "yekaterina", "ekaterina", "elena", "yelena", "olena", "oksana", "lyudmila",
    "galina", "halyna", "marina", "nadezhda", "valentina", "vera", "lyubov", "alla", "inna", "daria",
    "darya", "kseniya", "ksenia", "alexandra", "victoria", "viktoria", "sofia", "anastasia", "polina",
    "zhanna", "larisa", "nina", "zoya", "raisa", "iryna", "kateryna", "alina", "kristina", "yana",
    "mary", "sarah", "elizabeth", "catherine", "kate", "jane", "emma", "emily", "alice", "rachel",
    "rebecca", "laura", "linda", "susan", "karen", "nancy", "helen", "ruth", "ann", "anne", "claire",
    "sophie", "lucy", "amy", "jennifer", "jessica", "michelle", "nicole", "kamala", "hillary",
    "ursula", "kaja", "sanna", "liz", "theresa", "angela", "marine", "sviatlana", "maia", "salome",
    "tsikhanouskaya", "lyubov", "nadia", "dasha", "masha", "katya", "sveta", "lena", "tanya", "ira",
    "yuliya", "liubov", "iuliia", "mariya", "margarita", "ludmila", "agnes", "ingrid", "greta",
}
MALE_NAMES = {
    "dmitry", "dmitri", "vladimir", "sergei", "sergey", "alexei", "alexey", "oleksii", "oleksiy",
    "alexander", "oleksandr", "andrei", "andrey", "andrii", "andriy", "ivan", "mikhail", "nikolai",
    "pavel", "petr", "pyotr", "petro", "yuri", "yurii", "yuriy", "viktor", "boris", "igor", "ihor",
    "roman", "denis", "maxim", "maksym", "anatoly", "gennady", "vasily", "vasyl", "volodymyr",
    "valery", "leonid", "konstantin", "kirill", "yevgeny", "evgeny", "timur", "ramzan", "marat",
    "ruslan", "arkady", "artem", "artyom", "mykhailo", "taras", "bohdan", "stepan", "ilia", "oleg",
    "vitaly", "vitali", "anton", "grigory", "fyodor", "semyon", "yegor", "gleb", "lev", "ihar",
    "john", "james", "david", "michael", "robert", "william", "richard", "joseph", "thomas",
    "charles", "daniel", "matthew", "mark", "paul", "peter", "george", "donald", "joe", "antony",
    "anthony", "emmanuel", "olaf", "rishi", "keir", "boris", "recep", "xi", "jens", "mark", "josep",
    "alexander", "lukashenko", "putin", "zelensky", "zelenskyy", "peskov", "lavrov", "shoigu",
    "medvedev", "navalny", "prigozhin", "kadyrov", "biden", "trump", "macron", "scholz", "erdogan",
    "volodin", "sobyanin", "zakharova",
}
MALE_NAMES.discard("zakharova")
FEMALE_SURNAME_ENDINGS = ("ova", "eva", "yova", "ina", "aya", "skaya", "ska", "tska", "zka", "ovna", "evna")
MALE_SURNAME_ENDINGS = ("ov", "ev", "yov", "in", "sky", "skiy", "skyi", "skii", "ich", "yn")

PLURAL_WORDS = {"people", "police", "women", "men", "children", "staff", "authorities", "relatives",
                "residents", "officials", "activists", "protesters", "protestors", "soldiers",
                "organizers", "organisers", "volunteers", "families", "wives", "mothers", "parents",
                "locals", "villagers", "workers", "employees", "doctors", "lawyers", "prosecutors",
                "investigators", "analysts", "experts", "observers", "monitors", "critics", "sources",
                "journalists", "reporters", "students", "teachers", "members", "deputies", "both",
                "they", "others", "many", "several", "some", "witnesses", "neighbours", "neighbors"}
ORG_WORDS = {
    "statement", "letter", "appeal", "report", "post", "court", "government", "kremlin", "company",
    "office", "service", "committee", "council", "group", "organization", "organisation", "agency",
    "administration", "party", "army", "channel", "outlet", "website", "newspaper", "verdict",
    "ruling", "document", "decree", "headquarters", "commission", "department", "bank", "union",
    "association", "foundation", "movement", "plant", "project", "team", "network", "embassy",
    "ministry", "investigation", "study", "survey", "poll", "pentagon", "nato", "un", "eu",
    "mayor's", "municipality", "parliament", "duma", "senate", "cabinet", "presidency", "centre",
    "center", "fund", "firm", "corporation", "operator", "authority", "regulator", "watchdog",
    "station", "site", "portal", "publication", "magazine", "broadcaster", "tv", "radio", "media",
    "press", "message", "note", "release", "announcement", "document", "press-service", "petition",
    "complaint", "lawsuit", "indictment", "resolution", "communique", "communiqué", "bulletin",
    "command", "headquarters", "prosecutor's", "ministry's", "forces", "military", "navy",
    "airline", "club", "university", "school", "hospital", "clinic", "monitor", "mission",
    "interfax", "tass", "ria", "reuters", "afp", "ap", "bbc", "meduza", "mediazona", "istories",
    "vyorstka", "kommersant", "rbc", "fontanka", "dozhd", "verstka", "sota", "astra", "baza",
}
PERSON_WORDS = FEMALE_WORDS | MALE_WORDS | {
    "resident", "official", "minister", "governor", "captain", "soldier", "spokesperson", "source",
    "diplomat", "lawyer", "analyst", "expert", "doctor", "nurse", "teacher", "student", "activist",
    "protester", "protestor", "pensioner", "volunteer", "commander", "officer", "general", "colonel",
    "president", "prime", "leader", "head", "director", "chief", "deputy", "mayor", "senator",
    "lawmaker", "politician", "journalist", "reporter", "editor", "witness", "relative", "neighbor",
    "neighbour", "friend", "colleague", "engineer", "worker", "driver", "farmer", "owner", "manager",
    "ceo", "founder", "chairperson", "member", "judge", "prosecutor", "investigator", "defendant",
    "veteran", "conscript", "reservist", "serviceman", "economist", "scientist", "researcher",
    "professor", "priest", "bishop", "akim", "ambassador", "envoy", "secretary", "adviser",
    "advisor", "aide", "candidate", "playwright", "writer", "artist", "musician", "singer",
    "entrepreneur", "businessperson", "participant", "organizer", "organiser", "person", "one",
    "gunner", "machine", "sergeant", "lieutenant", "major", "private", "medic", "paramedic",
    "survivor", "victim", "refugee", "migrant", "citizen", "voter", "user", "blogger", "historian",
    "sociologist", "political", "representative", "coordinator", "mother", "wife", "father",
    "administrator", "admin", "moderator", "policeman", "policewoman",
}
# Trailing words of "told the X media outlet" that are not part of the outlet's name.
OUTLET_DESCRIPTORS = {"media", "outlet", "news", "newspaper", "agency", "website", "site", "portal",
                      "channel", "publication", "magazine", "daily", "weekly", "radio", "television",
                      "broadcaster", "service", "state", "independent", "investigative", "local",
                      "online", "opposition", "business", "telegram", "tv", "program", "programme",
                      "show", "podcast", "project", "newsroom", "edition", "paper", "regional",
                      "exiled", "russian-language", "ukrainian-language", "pro-kremlin", "liberal",
                      "popular", "federal", "leading", "major", "german", "french", "british",
                      "american", "russian", "ukrainian", "belarusian", "latvia-based", "riga-based",
                      "the", "a", "an"}
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "st", "jan",
                 "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "no", "jr", "sr",
                 "vs", "etc", "inc", "co", "corp", "ltd", "prof", "rep", "sen", "gov", "pres", "adm",
                 "cmdr", "vol", "pp", "p", "approx", "ave", "blvd", "mt", "ft", "fig", "u.s", "u.k",
                 "e.g", "i.e", "a.m", "p.m"}
