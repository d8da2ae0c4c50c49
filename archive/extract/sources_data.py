"""The curated registry of known sources and publishers.

One line per source: ``name | kind | domains | aliases``.

* kind: N news outlet, T telegram channel, A agency, O organisation.
* domains: comma-separated hosts (``meduza.io``), host + first path segment
  (``bbc.com/russian``) or Telegram handles (``t.me/bazabazon``). The first one
  is the source's domain; all of them identify it as a publisher
  (``outlet_for_url``) and in link hrefs.
* aliases: semicolon-separated spellings, Latin and Cyrillic. Case and
  punctuation variants need not be listed: ``normalize_alias`` folds them, and
  the text matcher adds upper-case forms. Lower-case aliases ("Russia's
  defence ministry") are matched as written, case-sensitively.

Plain Python, so there is no data file to ship with the wheel.
"""
from __future__ import annotations

KINDS = {"N": "news outlet", "T": "telegram channel", "A": "agency", "O": "organisation"}

# Names that are ordinary words when they stand alone: matched in running text
# only with a leading "The"/"the" (e.g. "The Bell", never "Bell").
KEEP_THE = {"Insider", "Bell", "Village", "Times", "Independent", "Hill", "Atlantic", "Sun", "Telegraph", "Journal", "Economist"}

REGISTRY = r"""
# --- Russian independent media -------------------------------------------------
Meduza | N | meduza.io | Медуза; Meduza.io
Mediazona | N | zona.media, en.zona.media, mediazona.ca, mediazona.by | MediaZona; Media Zona; Медиазона; Медиазоны; Zona.Media
IStories | N | istories.media | iStories; Istories; Important Stories; Vazhnye Istorii; Vazhnyye Istorii; Vazhnie Istorii; Важные истории; Важных историй
Vyorstka | N | verstka.media | Verstka; Vërstka; Вёрстка; Верстка
7x7 | N | semnasem.org | 7x7 Horizontal Russia; 7х7; Семь на семь
Govorit NeMoskva | N | | Govorit Ne Moskva; Говорит НеМосква
Novaya Gazeta | N | novayagazeta.ru | Новая газета; Novaya gazeta
Novaya Gazeta Europe | N | novayagazeta.eu | Новая газета Европа; Novaya Gazeta. Europe; Novaya Gazeta-Europe
TV Rain | N | tvrain.tv | Dozhd; TV Dozhd; Rain TV; Телеканал Дождь; Дождь
The Insider | N | theins.ru, theins.info | Инсайдер
Proekt | N | proekt.media | Проект; Proekt Media
Agentstvo | N | agents.media | Агентство; Agentstvo Novosti; Agentstvo.Novosti
Fontanka | N | fontanka.ru | Fontanka.ru; Фонтанка
Sota | N | sotaproject.com | SOTA; Сота; SotaVision; SOTAvision
Holod | N | holod.media | Kholod; Холод
The Bell | N | thebell.io | Белл
Bumaga | N | paperpaper.io, paperpaper.ru | Бумага
The Village | N | the-village.ru | Вилладж
Doxa | N | doxajournal.ru | DOXA; Журнал Доха
Cherta | N | cherta.media | Черта
Vot Tak | N | vot-tak.tv | Вот Так
Current Time | N | currenttime.tv | Nastoyashchee Vremya; Настоящее время
The Moscow Times | N | themoscowtimes.com | Moscow Times; Moscow Times Russian
Ekho Moskvy | N | echo.msk.ru | Echo of Moscow; Echo Moskvy; Эхо Москвы; Ekho
Znak.com | N | znak.com | Znak; Знак
Ura.ru | N | ura.news, ura.ru | URA.ru; Ura.news; Ура.ру
NGS | N | ngs.ru | Ngs.ru; NGS.ru; НГС
NGS24 | N | ngs24.ru | Ngs24.ru
E1.ru | N | e1.ru | Е1.ру
Tayga.info | N | tayga.info | Taiga.info; Тайга.инфо
Pskovskaya Guberniya | N | gubernia.media | Псковская губерния
Kavkazsky Uzel | N | kavkaz-uzel.eu | Caucasian Knot; Кавказский узел
Novye Izvestia | N | newizv.ru | Новые известия
Forbes Russia | N | forbes.ru | Forbes.ru; Forbes Russia
RusNews | N | rusnews.online | РусНьюс
Sirena | T | | Сирена
Ostorozhno Novosti | T | t.me/ostorozhno_novosti | Ostorozhno, Novosti; Осторожно, новости; Осторожно новости; Careful, News
Mozhem Obyasnit | T | t.me/mozhemobyasnit | Можем объяснить; We Can Explain
Put' Domoj | T | | Put Domoj; Put Domoy; Put' Domoy; Путь домой
Astra | T | t.me/astrapress | ASTRA; Астра
Baza | T | t.me/bazabazon | База
Mash | T | t.me/breakingmash | Маш
Shot | T | t.me/shot_shot | SHOT; Шот
Readovka | T | t.me/readovkanews, readovka.news | Ридовка
Rybar | T | t.me/rybar | Рыбарь
WarGonzo | T | t.me/wargonzo | Военный Гонзо
Two Majors | T | t.me/dva_majors | Dva Mayora; Dva Majora; Два майора
Grey Zone | T | t.me/grey_zone | Gray Zone; Серая зона
Nexta | T | t.me/nexta_tv, nexta.tv | NEXTA; Некста
Rezident | T | | Резидент
Legitimny | T | | Легитимный
Trukha | T | | Труха
Belarusian Hajun | T | | Hajun
Sibir.Realii | N | sibreal.org | Sibir Realii; Siberia.Realities; Siberia Realities; Сибирь.Реалии
Idel.Realii | N | idelreal.org | Idel Realii; Идель.Реалии
Kavkaz.Realii | N | kavkazr.com | Kavkaz Realii; Кавказ.Реалии
Sever.Realii | N | severreal.org | Sever Realii; Север.Реалии
Krym.Realii | N | ru.krymr.com, krymr.com | Krym Realii; Crimea.Realities; Крым.Реалии
Radio Azattyk | N | azattyk.org | Azattyk; Радио Азаттык; Азаттык
Radio Free Europe/Radio Liberty | N | rferl.org, svoboda.org | RFE/RL; RFERL; Radio Liberty; Radio Free Europe; Radio Svoboda; Радио Свобода
BBC Russian | N | bbc.com/russian, bbc.co.uk/russian | BBC Russian Service; BBC News Russian; BBC's Russian Service; BBC's Russian service; Russian Service of the BBC; Russian service of the BBC; BBC Russian service; Русская служба Би-би-си; Би-би-си по-русски
BBC Ukrainian | N | bbc.com/ukrainian | BBC Ukrainian Service; BBC News Ukrainian; BBC's Ukrainian service
# --- Russian mainstream and state media ---------------------------------------
Kommersant | N | kommersant.ru | Коммерсант; Коммерсантъ; Kommersant daily
RBC | N | rbc.ru | RBK; РБК; RosBusinessConsulting
Vedomosti | N | vedomosti.ru | Ведомости
Izvestia | N | iz.ru | Izvestiya; Известия
Rossiyskaya Gazeta | N | rg.ru | Российская газета; Rossiiskaya Gazeta
Komsomolskaya Pravda | N | kp.ru | Комсомольская правда
Moskovsky Komsomolets | N | mk.ru | Московский комсомолец; MK.ru
Argumenty i Fakty | N | aif.ru | AiF; Аргументы и факты
Nezavisimaya Gazeta | N | ng.ru | Независимая газета
Lenta.ru | N | lenta.ru | Лента.ру
Gazeta.ru | N | gazeta.ru | Газета.ру
RT | N | rt.com, russian.rt.com | Russia Today; Раша Тудэй
Channel One | N | 1tv.ru | Perviy Kanal; Pervyi Kanal; Pervy Kanal; Первый канал
Rossiya 1 | N | smotrim.ru | Russia-1; Россия-1; Россия 1
NTV | N | ntv.ru | НТВ
Zvezda | N | tvzvezda.ru | Звезда
REN TV | N | ren.tv | РЕН ТВ
Life.ru | N | life.ru | Лайф
Rosbalt | A | rosbalt.ru | Росбалт
Regnum | A | regnum.ru | Регнум
Interfax | A | interfax.ru | Интерфакс
TASS | A | tass.ru, tass.com | Tass; ТАСС; ITAR-TASS
RIA Novosti | A | ria.ru | RIA; РИА Новости; RIA-Novosti
Sputnik | A | sputniknews.com, sputnikglobe.com | Спутник
# --- Ukrainian media -----------------------------------------------------------
The Kyiv Independent | N | kyivindependent.com | Kyiv Independent
Ukrainska Pravda | N | pravda.com.ua | Українська правда; Украинская правда; Ukrainian Pravda
Kyiv Post | N | kyivpost.com |
Ukrinform | A | ukrinform.net, ukrinform.ua | Укрінформ
UNIAN | A | unian.net, unian.info, unian.ua | УНІАН; УНИАН
Interfax-Ukraine | A | interfax.com.ua | Інтерфакс-Україна
Suspilne | N | suspilne.media | Suspilne Ukraine; Суспільне
Hromadske | N | hromadske.ua | Громадське
NV | N | nv.ua | Novoye Vremya; New Voice of Ukraine; Нове время; Новое время
RBC-Ukraine | N | rbc.ua | РБК-Україна
Babel | N | babel.ua | Бабель
Zaborona | N | zaborona.com | Заборона
Slidstvo.Info | N | slidstvo.info | Слідство.Інфо
Schemes | N | | Skhemy; Схеми
Censor.net | N | censor.net | Цензор.нет
Liga.net | N | liga.net | Ліга.net
Ekonomichna Pravda | N | epravda.com.ua | Economic Pravda; Економічна правда
Dzerkalo Tyzhnia | N | zn.ua | ZN.ua; Mirror Weekly; Дзеркало тижня
Strana.ua | N | strana.ua | Страна.ua
Militarnyi | N | mil.in.ua | Мілітарний
Defense Express | N | defence-ua.com | Defence Express
Texty.org.ua | N | texty.org.ua | Тексти
Espreso TV | N | espreso.tv | Espreso; Еспресо
24 Channel | N | 24tv.ua | Channel 24; 24 Kanal
TSN | N | tsn.ua | ТСН
Detector Media | N | detector.media | Детектор медіа
Graty | N | graty.me | Ґрати
Ukrainska Pravda Life | N | life.pravda.com.ua |
# --- Belarus, the Caucasus, Central Asia, the Baltics ---------------------------
Zerkalo | N | zerkalo.io | Зеркало
Nasha Niva | N | nashaniva.com | Наша Ніва; Наша Нива
Belsat | N | belsat.eu | Белсат
BelTA | A | belta.by | БелТА
Civil.ge | N | civil.ge | Civil Georgia
Interpressnews | A | interpressnews.ge | IPN
JAMnews | N | jam-news.net |
Eurasianet | N | eurasianet.org | EurasiaNet
OC Media | N | oc-media.org |
Kun.uz | N | kun.uz |
Asia-Plus | N | asiaplustj.info | Asia Plus; Азия-Плюс
Kloop | N | kloop.kg | Клооп
Kazinform | A | kazinform.kz, inform.kz |
Delfi | N | delfi.lt, delfi.lv, delfi.ee | DELFI
LRT | N | lrt.lt | Lithuanian National Radio and Television
LSM | N | lsm.lv | Latvian Public Broadcasting
Yle | N | yle.fi | YLE
# --- Agencies ------------------------------------------------------------------
Reuters | A | reuters.com | Thomson Reuters; Рейтер
Associated Press | A | apnews.com, ap.org | AP; The Associated Press; Associated Press news agency
AFP | A | afp.com | Agence France-Presse; Agence France Presse; France-Presse
Bloomberg | A | bloomberg.com | Bloomberg News
dpa | A | dpa.com | DPA; Deutsche Presse-Agentur
ANSA | A | ansa.it |
EFE | A | efe.com | Agencia EFE
Kyodo | A | english.kyodonews.net | Kyodo News
Xinhua | A | xinhuanet.com, news.cn | Xinhua News Agency; Синьхуа
Yonhap | A | yna.co.kr, en.yna.co.kr | Yonhap News Agency
Anadolu Agency | A | aa.com.tr | Anadolu
PAP | A | pap.pl | Polish Press Agency
PA Media | A | pamediagroup.com | Press Association
IRNA | A | irna.ir | Islamic Republic News Agency
Tasnim | A | tasnimnews.com | Tasnim News Agency
Jiji Press | A | jiji.com | Jiji
Press Trust of India | A | ptinews.com | PTI
KCNA | A | kcna.kp | Korean Central News Agency
CTK | A | ctk.cz | ČTK; Czech News Agency
# --- International papers and broadcasters -------------------------------------
The New York Times | N | nytimes.com | New York Times; NYT; NY Times
The Wall Street Journal | N | wsj.com | Wall Street Journal; WSJ
The Washington Post | N | washingtonpost.com | Washington Post; WaPo
The Guardian | N | theguardian.com, guardian.co.uk | Guardian
Financial Times | N | ft.com | FT; The Financial Times
CNN | N | cnn.com, edition.cnn.com | CNN International
BBC | N | bbc.com, bbc.co.uk | BBC News; British Broadcasting Corporation; Би-би-си
Al Jazeera | N | aljazeera.com | Al-Jazeera; Al Jazeera English
Politico | N | politico.com, politico.eu | Politico Europe; POLITICO Europe
Axios | N | axios.com |
NBC News | N | nbcnews.com | NBC
ABC News | N | abcnews.go.com | ABC
CBS News | N | cbsnews.com | CBS
Fox News | N | foxnews.com |
NPR | N | npr.org | National Public Radio
Sky News | N | news.sky.com, sky.com |
The Times | N | thetimes.co.uk, thetimes.com | The Times of London
The Telegraph | N | telegraph.co.uk | The Daily Telegraph; Daily Telegraph
The Independent | N | independent.co.uk |
The Economist | N | economist.com |
Der Spiegel | N | spiegel.de | Spiegel; Der Spiegel magazine
Bild | N | bild.de | BILD
Die Zeit | N | zeit.de | Zeit
Frankfurter Allgemeine Zeitung | N | faz.net | FAZ; Frankfurter Allgemeine
Süddeutsche Zeitung | N | sueddeutsche.de | Sueddeutsche Zeitung; SZ
Deutsche Welle | N | dw.com | DW
Le Monde | N | lemonde.fr |
Le Figaro | N | lefigaro.fr |
France 24 | N | france24.com | France24
RFI | N | rfi.fr | Radio France Internationale
El País | N | elpais.com | El Pais
Corriere della Sera | N | corriere.it |
La Repubblica | N | repubblica.it |
Neue Zürcher Zeitung | N | nzz.ch | NZZ; Neue Zurcher Zeitung
Gazeta Wyborcza | N | wyborcza.pl |
Haaretz | N | haaretz.com |
The Times of Israel | N | timesofisrael.com | Times of Israel
Euronews | N | euronews.com |
Newsweek | N | newsweek.com |
Time | N | time.com | Time magazine; TIME magazine
The Atlantic | N | theatlantic.com |
The New Yorker | N | newyorker.com | New Yorker
Business Insider | N | businessinsider.com |
Foreign Policy | N | foreignpolicy.com |
The Hill | N | thehill.com |
Semafor | N | semafor.com |
Forbes | N | forbes.com |
# --- Monitoring projects, NGOs, research -------------------------------------
OVD-Info | O | ovd.info, ovdinfo.org | OVD Info; OVDinfo; ОВД-Инфо
Memorial | O | memopzk.org, memo.ru | Memorial Human Rights Centre; Memorial Human Rights Center; Мемориал
Conflict Intelligence Team | O | citeam.org | CIT; CITeam
Bellingcat | O | bellingcat.com |
Institute for the Study of War | O | understandingwar.org | ISW
Oryx | O | oryxspioenkop.com |
ACLED | O | acleddata.com | Armed Conflict Location and Event Data Project
DeepState | O | deepstatemap.live | DeepStateMap; DeepState UA; DeepStateUA
Molfar | O | molfar.com |
Levada Center | O | levada.ru | Levada Centre; Levada-Center; Левада-центр
VTsIOM | O | wciom.ru | WCIOM; ВЦИОМ; Russian Public Opinion Research Center
FOM | O | fom.ru | Public Opinion Foundation; ФОМ
Russian Field | O | russianfield.com |
Golos | O | golosinfo.org | Голос
Sova Center | O | sova-center.ru | SOVA Center; Центр СОВА
Anti-Corruption Foundation | O | fbk.info | FBK; ФБК
Perviy Otdel | O | | First Department; Pervy Otdel; Первый отдел
Net Freedoms Project | O | | Setevye Svobody; Сетевые свободы
Roskomsvoboda | O | roskomsvoboda.org | Роскомсвобода
Idite Lesom | O | | Go by the Forest; Go to the Forest; Идите лесом
Zona Prava | O | zonaprava.com | Зона права
Gulagu.net | O | gulagu.net | Gulagu; Гулагу.нет
Committee of Soldiers' Mothers | O | | Soldiers' Mothers Committee; Union of Committees of Soldiers' Mothers; Комитет солдатских матерей
Feminist Anti-War Resistance | O | | Феминистское антивоенное сопротивление
Vesna | O | | Весна
Free Russia Foundation | O | 4freerussia.org |
Agora | O | | Agora International Human Rights Group; Агора
Re:Russia | O | re-russia.net | Re: Russia
Crew Against Torture | O | | Команда против пыток
Russian LGBT Network | O | lgbtnet.org | Российская ЛГБТ-сеть
Viasna | O | spring96.org | Viasna Human Rights Centre; Viasna Human Rights Center; Вясна
ZMINA | O | zmina.info | Zmina; ZMINA Human Rights Centre
Center for Civil Liberties | O | ccl.org.ua | Centre for Civil Liberties
Kyiv School of Economics | O | kse.ua | KSE
Kiel Institute | O | ifw-kiel.de | Kiel Institute for the World Economy
Carnegie Endowment | O | carnegieendowment.org | Carnegie Endowment for International Peace; Carnegie Russia Eurasia Center; Carnegie Politika
Chatham House | O | chathamhouse.org |
Atlantic Council | O | atlanticcouncil.org |
RUSI | O | rusi.org | Royal United Services Institute
CSIS | O | csis.org | Center for Strategic and International Studies
SIPRI | O | sipri.org | Stockholm International Peace Research Institute
Amnesty International | O | amnesty.org | Amnesty
Human Rights Watch | O | hrw.org | HRW
Committee to Protect Journalists | O | cpj.org | CPJ
Reporters Without Borders | O | rsf.org | RSF
International Committee of the Red Cross | O | icrc.org | ICRC
# --- International bodies ------------------------------------------------------
United Nations | O | un.org | UN; U.N.
OHCHR | O | ohchr.org | UN Human Rights Office; UN human rights office; U.N. human rights office; Office of the UN High Commissioner for Human Rights
UN Human Rights Monitoring Mission in Ukraine | O | | HRMMU; U.N. Human Rights Monitoring Mission in Ukraine
UNHCR | O | unhcr.org | UN refugee agency; U.N. refugee agency
UNICEF | O | unicef.org |
World Health Organization | O | who.int | WHO
International Atomic Energy Agency | O | iaea.org | IAEA; UN nuclear watchdog; U.N. nuclear watchdog; UN atomic watchdog; U.N. atomic watchdog
International Energy Agency | O | iea.org | IEA
International Criminal Court | O | icc-cpi.int | ICC
NATO | O | nato.int | North Atlantic Treaty Organization
European Commission | O | ec.europa.eu | EU Commission
OSCE | O | osce.org | Organization for Security and Co-operation in Europe
Council of Europe | O | coe.int |
LSEG | O | lseg.com | London Stock Exchange Group; Refinitiv
# --- Governments and state bodies (cited when they say or report) --------------
Kremlin | O | kremlin.ru | Кремль; Kremlin press service
Russian Defense Ministry | O | mil.ru | Russia's Defense Ministry; Russia's Defence Ministry; Russian Defence Ministry; Russian Ministry of Defense; Russian Ministry of Defence; Russia's Ministry of Defense; Russia's Ministry of Defence; Russia's defense ministry; Russia's defence ministry; Russian defense ministry; Russian defence ministry; Ministry of Defense of Russia; Ministry of Defence of the Russian Federation; Минобороны России; Министерство обороны России; Минобороны РФ
Russian Foreign Ministry | O | mid.ru | Russia's Foreign Ministry; Russian Ministry of Foreign Affairs; Russia's foreign ministry; Russian foreign ministry; Russia's Ministry of Foreign Affairs; МИД России; МИД РФ
Russian Finance Ministry | O | minfin.gov.ru | Russia's Finance Ministry; Russia's finance ministry; Russian finance ministry; Russian Ministry of Finance; Минфин России
Russian Armed Forces | O | | Russia's military; Russian military; Russia's armed forces; Russian armed forces
FSB | O | fsb.ru | Federal Security Service; Russia's Federal Security Service; ФСБ
Investigative Committee | O | sledcom.ru | Russia's Investigative Committee; Russian Investigative Committee; Следственный комитет; СК России
Roskomnadzor | O | rkn.gov.ru | Роскомнадзор
Rosstat | O | rosstat.gov.ru | Росстат
# National statistics offices named "Statistics <Country>"
Statistics Poland | O | stat.gov.pl | Główny Urząd Statystyczny; Poland's Central Statistical Office; Polish Central Statistical Office
Statistics Finland | O | stat.fi | Tilastokeskus
Statistics Norway | O | ssb.no
Statistics Sweden | O | scb.se
Statistics Lithuania | O | stat.gov.lt | Lithuanian Department of Statistics
Statistics Estonia | O | stat.ee
Statistics Netherlands | O | cbs.nl
Statistics Canada | O | statcan.gc.ca | StatCan
Belstat | O | belstat.gov.by | Belarus's National Statistics Committee; Белстат
Eurostat | O | ec.europa.eu/eurostat
Destatis | O | destatis.de | German Federal Statistical Office; Germany's Federal Statistical Office
Bank of Russia | O | cbr.ru | Central Bank of Russia; Russian Central Bank; Russia's Central Bank; Russia's central bank; Russian central bank; Банк России; ЦБ
Ukrainian Defense Ministry | O | mil.gov.ua, mod.gov.ua | Ukraine's Defense Ministry; Ukraine's Defence Ministry; Ukrainian Defence Ministry; Ukrainian Ministry of Defense; Ukraine's Ministry of Defense; Ukraine's defence ministry; Ukraine's defense ministry; Ukrainian defence ministry; Ukrainian defense ministry; Міноборони
Ukrainian Foreign Ministry | O | mfa.gov.ua | Ukraine's Foreign Ministry; Ukraine's foreign ministry; Ukrainian foreign ministry; Ukrainian Ministry of Foreign Affairs; МЗС України
Ukrainian Armed Forces | O | | Ukraine's military; Ukrainian military; Ukraine's armed forces; Ukrainian armed forces; Armed Forces of Ukraine; ZSU; ЗСУ
General Staff of the Armed Forces of Ukraine | O | | Ukraine's General Staff; Ukrainian General Staff; Ukraine's general staff; Ukrainian general staff; General Staff of Ukraine's Armed Forces; Генштаб ЗСУ
Ukrainian Air Force | O | | Ukraine's Air Force; Ukraine's air force; Ukrainian air force; Air Force of Ukraine; Повітряні сили
Ukrainian Navy | O | | Ukraine's Navy; Ukraine's navy; Ukrainian navy; Ukrainian Navy; Navy of Ukraine; ВМС ЗСУ
SBU | O | ssu.gov.ua | Security Service of Ukraine; Ukraine's Security Service; Ukraine's security service; Ukrainian security service; СБУ
HUR | O | gur.gov.ua | GUR; Main Intelligence Directorate; Ukraine's military intelligence; Ukrainian military intelligence; Ukraine's military intelligence agency; Ukraine's Defense Intelligence; Ukraine's Defence Intelligence; Defense Intelligence of Ukraine; Defence Intelligence of Ukraine; ГУР
Ukrenergo | O | ua.energy | Укренерго
Naftogaz | O | naftogaz.com | Нафтогаз
Gazprom | O | gazprom.ru, gazprom.com | Газпром
Rosatom | O | rosatom.ru | Росатом
Wagner Group | O | | Wagner; Wagner PMC; PMC Wagner; ЧВК Вагнер
Pentagon | O | defense.gov | U.S. Defense Department; US Department of Defense; U.S. Department of Defense
White House | O | whitehouse.gov |
State Department | O | state.gov | U.S. State Department; US State Department
UK Ministry of Defence | O | | British Ministry of Defence; Britain's Ministry of Defence; UK Defence Ministry; British Defence Ministry; UK MoD; British defence ministry; Britain's defence ministry
"""

# Other hosts that name a publisher but are not a source of their own.
EXTRA_PUBLISHERS = {
    "news.zerkalo.io": "Zerkalo",
    "mediazona.online": "Mediazona",
    "amp.theguardian.com": "The Guardian",
    "uk.reuters.com": "Reuters",
    "bbc.com/ukrainian": "BBC Ukrainian",
    "eng.pravda.com.ua": "Ukrainska Pravda",
    "nv.ua/eng": "NV",
}
