"""Russian dates: «1 дек. 2026 г.», never «01.12.2026» beside «1 декабря 2026 г.».

Django's "b" is the month's three-letter abbreviation in lower case (django.utils.dates.MONTHS_3,
msgids "jan" … "dec"); the portal's catalogue gives them the usual Russian abbreviated genitive
forms («янв.», «мая», «сент.»), which carry their own full stop where Russian writes one. The
msgids are named below so that `make messages` keeps those entries.
"""

from django.utils.translation import gettext_noop

DATE_FORMAT = r"j b Y \г."
SHORT_DATE_FORMAT = r"j b Y \г."
DATETIME_FORMAT = r"j b Y \г., H:i"
SHORT_DATETIME_FORMAT = r"j b Y \г., H:i"

MONTH_ABBREVIATIONS = [
    gettext_noop("jan"),
    gettext_noop("feb"),
    gettext_noop("mar"),
    gettext_noop("apr"),
    gettext_noop("may"),
    gettext_noop("jun"),
    gettext_noop("jul"),
    gettext_noop("aug"),
    gettext_noop("sep"),
    gettext_noop("oct"),
    gettext_noop("nov"),
    gettext_noop("dec"),
]
