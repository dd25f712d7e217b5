"""One date style per language ("1 Dec 2026", «1 дек. 2026 г.»), set here for Django's
`FORMAT_MODULE_PATH`: every `|date:"DATE_FORMAT"` and `"SHORT_DATE_FORMAT"` of the templates,
lists and mail included, follows it. Formats not named here are Django's own for the language."""
