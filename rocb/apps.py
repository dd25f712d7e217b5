from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RocbConfig(AppConfig):
    name = "rocb"
    verbose_name = _("ROCB Europe portal")
