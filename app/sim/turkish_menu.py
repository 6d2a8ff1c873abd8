"""Realistic data for a Turkish kebab-and-pide restaurant in Istanbul: menu, customers, addresses.

Prices are plausible Istanbul prices in TRY for 2026. Every pick takes the caller's
``random.Random`` so a seeded simulator produces the same orders every run.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Option:
    name: str
    price: Decimal = Decimal(0)


@dataclass(frozen=True)
class OptionGroup:
    name: str
    choices: tuple[Option, ...]
    multiple: bool  # "coklu" in the menu API: several choices allowed, else exactly one


@dataclass(frozen=True)
class Dish:
    food_id: int
    name: str
    category: str
    price: Decimal
    groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class PickedLine:
    dish: Dish
    quantity: int
    options: tuple[tuple[str, Option], ...]  # (group name, option)
    note: str


def _d(text: str) -> Decimal:
    return Decimal(text)


OPTION_GROUPS: dict[str, OptionGroup] = {
    group.name: group
    for group in (
        OptionGroup(
            "Sos Seçimi",
            (
                Option("Acı Sos"),
                Option("Sarımsaklı Yoğurt", _d("15")),
                Option("Nar Ekşisi"),
                Option("Ballı Hardal", _d("10")),
                Option("Barbekü Sos", _d("10")),
            ),
            multiple=True,
        ),
        OptionGroup(
            "Ekstralar",
            (
                Option("Ekstra Kaşar", _d("35")),
                Option("Ekstra Lavaş", _d("15")),
                Option("Közlenmiş Biber", _d("20")),
                Option("Porsiyon Pilav", _d("60")),
                Option("Tereyağı", _d("25")),
                Option("Yarım Porsiyon Et", _d("150")),
            ),
            multiple=True,
        ),
        OptionGroup(
            "Çıkarılacaklar",
            (
                Option("Soğansız"),
                Option("Domatessiz"),
                Option("Maydanozsuz"),
                Option("Turşusuz"),
                Option("Biber Olmasın"),
            ),
            multiple=True,
        ),
        OptionGroup(
            "Acı Seviyesi",
            (Option("Acısız"), Option("Az Acılı"), Option("Acılı"), Option("Çok Acılı")),
            multiple=False,
        ),
        OptionGroup(
            "Boy Seçimi",
            (Option("Küçük Boy"), Option("Büyük Boy", _d("12.5"))),
            multiple=False,
        ),
    )
}

_KEBAB = ("Acı Seviyesi", "Sos Seçimi", "Ekstralar", "Çıkarılacaklar")
_WRAP = ("Sos Seçimi", "Çıkarılacaklar", "Acı Seviyesi")

MENU: tuple[Dish, ...] = (
    Dish(1, "Mercimek Çorbası", "Çorbalar", _d("120")),
    Dish(2, "Ezogelin Çorbası", "Çorbalar", _d("115")),
    Dish(3, "İşkembe Çorbası", "Çorbalar", _d("165")),
    Dish(10, "Adana Kebap", "Kebaplar", _d("420"), _KEBAB),
    Dish(11, "Urfa Kebap", "Kebaplar", _d("420"), _KEBAB),
    Dish(12, "İskender", "Kebaplar", _d("485"), ("Ekstralar",)),
    Dish(13, "Kuzu Şiş", "Kebaplar", _d("540"), _KEBAB),
    Dish(14, "Izgara Köfte", "Kebaplar", _d("360"), ("Sos Seçimi", "Ekstralar")),
    Dish(15, "Tavuk Şiş", "Kebaplar", _d("330"), _KEBAB),
    Dish(20, "Tavuk Dürüm", "Dürümler", _d("192.5"), _WRAP),
    Dish(21, "Et Dürüm", "Dürümler", _d("290"), _WRAP),
    Dish(22, "Tantuni", "Dürümler", _d("215"), ("Çıkarılacaklar", "Acı Seviyesi")),
    Dish(30, "Lahmacun", "Pide ve Lahmacun", _d("112.5"), ("Acı Seviyesi", "Çıkarılacaklar")),
    Dish(31, "Karışık Pide", "Pide ve Lahmacun", _d("285"), ("Ekstralar",)),
    Dish(32, "Kaşarlı Pide", "Pide ve Lahmacun", _d("230"), ("Ekstralar",)),
    Dish(33, "Kıymalı Pide", "Pide ve Lahmacun", _d("250"), ("Ekstralar", "Çıkarılacaklar")),
    Dish(40, "Çoban Salata", "Salata ve Meze", _d("110"), ("Çıkarılacaklar",)),
    Dish(41, "Haydari", "Salata ve Meze", _d("95")),
    Dish(42, "Acılı Ezme", "Salata ve Meze", _d("95")),
    Dish(50, "Künefe", "Tatlılar", _d("195")),
    Dish(51, "Fırın Sütlaç", "Tatlılar", _d("120")),
    Dish(52, "Fıstıklı Baklava (4 dilim)", "Tatlılar", _d("260")),
    Dish(60, "Ayran", "İçecekler", _d("42.5"), ("Boy Seçimi",)),
    Dish(61, "Şalgam Suyu", "İçecekler", _d("45"), ("Acı Seviyesi",)),
    Dish(62, "Kola (330 ml)", "İçecekler", _d("55")),
    Dish(63, "Su (500 ml)", "İçecekler", _d("15")),
)

_MAINS = tuple(d for d in MENU if d.category in ("Kebaplar", "Dürümler", "Pide ve Lahmacun"))
_STARTERS = tuple(d for d in MENU if d.category in ("Çorbalar", "Salata ve Meze"))
_DESSERTS = tuple(d for d in MENU if d.category == "Tatlılar")
_DRINKS = tuple(d for d in MENU if d.category == "İçecekler")

# fmt: off
FIRST_NAMES = (
    "Ayşe", "Mehmet", "Fatma", "Mustafa", "Zeynep", "Emre", "Elif", "Burak", "Selin", "Can",
    "Merve", "Hakan", "Deniz", "Oğuz", "Gizem", "Kerem", "Büşra", "Çağla", "İbrahim", "Şule",
    "Gökhan", "Ece", "Tuğba", "Serkan",
)
LAST_NAMES = (
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
    "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan",
    "Şimşek", "Güneş", "Erdoğan",
)
# Turkish mobile prefixes (Türk Telekom 50x/55x, Turkcell 53x, Vodafone 54x).
PHONE_PREFIXES = (
    "501", "505", "506", "507", "530", "532", "533", "535", "536", "538", "539", "541", "542",
    "543", "544", "545", "546", "549", "551", "552", "553", "555",
)
# fmt: on

# district → neighbourhood → streets
ISTANBUL: dict[str, dict[str, tuple[str, ...]]] = {
    "Kadıköy": {
        "Caferağa Mah.": ("Moda Caddesi", "Bahariye Caddesi", "Şair Nefi Sokak"),
        "Fenerbahçe Mah.": ("Fener Kalamış Caddesi", "Münir Nurettin Selçuk Caddesi"),
        "Koşuyolu Mah.": ("Mahmut Yesari Sokak", "Koşuyolu Caddesi"),
    },
    "Beşiktaş": {
        "Sinanpaşa Mah.": ("Ihlamurdere Caddesi", "Şair Nedim Caddesi"),
        "Levent Mah.": ("Çarşı Caddesi", "Yasemin Sokak"),
        "Arnavutköy Mah.": ("Bebek Arnavutköy Caddesi", "Satış Meydanı Sokak"),
    },
    "Üsküdar": {
        "Mimar Sinan Mah.": ("Hakimiyeti Milliye Caddesi", "Selmanipak Caddesi"),
        "Kuzguncuk Mah.": ("İcadiye Caddesi", "Perihan Abla Sokak"),
        "Altunizade Mah.": ("Kısıklı Caddesi", "Tophanelioğlu Caddesi"),
    },
    "Şişli": {
        "Teşvikiye Mah.": ("Vali Konağı Caddesi", "Abdi İpekçi Caddesi"),
        "Mecidiyeköy Mah.": ("Büyükdere Caddesi", "Oğuz Sokak"),
        "Halaskargazi Mah.": ("Halaskargazi Caddesi", "Rumeli Caddesi"),
    },
    "Ataşehir": {"Atatürk Mah.": ("Ataşehir Bulvarı", "Girne Caddesi")},
    "Bakırköy": {"Cevizlik Mah.": ("İstanbul Caddesi", "Ebuzziya Caddesi")},
}
APARTMENTS = (
    "Deniz Apt.",
    "Yıldız Apt.",
    "Gül Sitesi B Blok",
    "Huzur Apt.",
    "Lale Apt.",
    "Park Evleri A Blok",
    "Erguvan Apt.",
    "Boğaziçi Sitesi C Blok",
)
ADDRESS_DESCRIPTIONS = (
    "",
    "",
    "Kapı kodu 1234",
    "Eczanenin yanındaki bina",
    "Yeşil bina",
    "Güvenliğe bırakabilirsiniz",
    "Köşedeki bakkalın üstü",
    "Zil çalışmıyor, arayın",
)
ORDER_NOTES = (
    "",
    "",
    "",
    "",
    "Zili çalmayın lütfen",
    "Bebek uyuyor, kapıyı çalmayın",
    "Servis (çatal bıçak) istemiyorum",
    "Ekstra peçete koyar mısınız",
    "Kapıya bırakabilirsiniz",
    "Lütfen sıcak gelsin",
    "Temassız teslimat",
)
LINE_NOTES = (
    "",
    "",
    "",
    "",
    "",
    "",
    "Az pişmiş olsun",
    "Lavaş ayrı gelsin",
    "Bol limonlu",
    "Soğan ayrı gelsin",
    "Sos ayrı paketlensin",
)
RESTAURANT_NAMES = ("Kadıköy Şube", "Beşiktaş Şube")


def pick_lines(rng: random.Random) -> list[PickedLine]:
    """One to four lines shaped like a real order: a main, maybe a starter, drink, dessert."""
    dishes = [rng.choice(_MAINS)]
    if rng.random() < 0.25:
        dishes.append(rng.choice([d for d in _MAINS if d not in dishes]))
    if rng.random() < 0.35:
        dishes.append(rng.choice(_STARTERS))
    if rng.random() < 0.6:
        dishes.append(rng.choice(_DRINKS))
    if rng.random() < 0.3:
        dishes.append(rng.choice(_DESSERTS))
    return [
        PickedLine(
            dish=dish,
            quantity=rng.choices((1, 2, 3), weights=(70, 22, 8))[0],
            options=_pick_options(rng, dish),
            note=rng.choice(LINE_NOTES),
        )
        for dish in dishes[:4]
    ]


def _pick_options(rng: random.Random, dish: Dish) -> tuple[tuple[str, Option], ...]:
    picked: list[tuple[str, Option]] = []
    for group_name in dish.groups:
        group = OPTION_GROUPS[group_name]
        if group.multiple:
            if rng.random() < 0.35:
                how_many = rng.choice((1, 1, 2))
                picked += [(group.name, o) for o in rng.sample(group.choices, how_many)]
        elif rng.random() < 0.6:
            picked.append((group.name, rng.choice(group.choices)))
    return tuple(picked)


def pick_customer(rng: random.Random) -> tuple[str, str]:
    """(name, phone) with a Turkish mobile number written the local way, 05xxxxxxxxx."""
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    phone = "0" + rng.choice(PHONE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(7))
    return name, phone


def pick_address(rng: random.Random) -> dict[str, str]:
    """An Istanbul delivery address in the order's ``address`` shape."""
    district = rng.choice(sorted(ISTANBUL))
    neighbourhood = rng.choice(sorted(ISTANBUL[district]))
    street = rng.choice(ISTANBUL[district][neighbourhood])
    return {
        "address": f"{street} No: {rng.randint(1, 140)}, {neighbourhood}, {district}/İstanbul",
        "description": rng.choice(ADDRESS_DESCRIPTIONS),
        "apartment": rng.choice(APARTMENTS),
        "floor": str(rng.randint(0, 9)),
        "door": str(rng.randint(1, 24)),
    }
