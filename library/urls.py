from django.urls import path

from core.cache import cache_public_page
from library import views
from library.filters import DocumentFilter

app_name = "library"

# What the public pages read (core.generations).
DOCUMENTS = "library.Category library.Document library.DocumentFile"

urlpatterns = [
    path(
        "documents/",
        cache_public_page(
            views.DocumentListView.as_view(),
            reads=DOCUMENTS,
            params=[*DocumentFilter.base_filters, "page"],
        ),
        name="document_list",
    ),
    path(
        "documents/<int:pk>/",
        cache_public_page(views.DocumentDetailView.as_view(), reads=DOCUMENTS),
        name="document_detail",
    ),
    path(
        "documents/<int:pk>/download/<slug:language>/",
        views.document_download,
        name="document_download",
    ),
    path("members/materials/", views.MaterialListView.as_view(), name="material_list"),
    path(
        "members/materials/<int:pk>/",
        views.MaterialDetailView.as_view(),
        name="material_detail",
    ),
    path(
        "members/materials/<int:pk>/download/<slug:language>/",
        views.material_download,
        name="material_download",
    ),
]
