"""English dates: day, abbreviated month, year ("1 Dec 2026"), never the US "12/01/2026"."""

DATE_FORMAT = "j M Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
