"""Pages of the National Contact Points directory (members) and the People Development Map."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, FormView, ListView, TemplateView, View

from administrations.access import FocalPointRequiredMixin, MemberRequiredMixin, member_required
from administrations.models import AccessLogEntry
from administrations.services import record_export
from contacts import selectors, services
from contacts.directory import DirectoryPaginator
from contacts.forms import ContactPointForm
from contacts.geo import basemap
from contacts.models import ContactPoint
from contacts.resources import ContactPointResource
from contacts.vcards import vcard_response
from core.cache import cache_public_page
from core.spreadsheets import resource_response


@method_decorator(never_cache, name="dispatch")
class DirectoryView(MemberRequiredMixin, ListView):
    """Access: members and office staff (MemberRequiredMixin). Personal data: never cached."""

    template_name = "contacts/directory.html"
    context_object_name = "sections"
    # Fifty contact points a page, under their administrations' names: a page of whole
    # administrations (ten of the benchmark's fifty contacts each) weighed 336 KB and took
    # 170 ms of the server's time; a member looks a colleague up by name or country.
    paginate_by = 50

    def get_queryset(self):
        self.contact_filter = selectors.contact_point_filter(params=self.request.GET)
        return selectors.listed_administrations(contact_filter=self.contact_filter)

    def paginate_queryset(self, queryset, page_size):
        paginator = DirectoryPaginator(
            queryset,
            lambda administrations: selectors.directory_contacts(
                contact_filter=self.contact_filter, administrations=administrations
            ),
            page_size,
        )
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(filter=self.contact_filter, query=query.urlencode())
        return context


@never_cache
@member_required  # Access: members and office staff.
def directory_export(request, file_format: str):
    """The contact points the directory's filters select, as CSV, XLSX or vCard."""
    contact_filter = selectors.contact_point_filter(params=request.GET)
    contacts = record_export(
        selectors.directory_rows(contact_filter=contact_filter),
        user=request.user,
        kind=AccessLogEntry.Kind.CONTACT_EXPORT,
    )
    filename = f"contact-points-{timezone.localdate():%Y-%m-%d}"
    if file_format == "vcf":
        return vcard_response(contacts, filename=filename)
    return resource_response(
        ContactPointResource(),
        contacts,
        filename=filename,
        file_format=file_format,
        export_fields=ContactPointResource.DOWNLOAD,
    )


@method_decorator(never_cache, name="dispatch")
class AdministrationView(MemberRequiredMixin, DetailView):
    """Access: members and office staff (MemberRequiredMixin); its focal point also edits."""

    template_name = "contacts/administration_detail.html"
    context_object_name = "administration"

    def get_object(self, queryset=None):
        return selectors.member_administration(country=self.kwargs["country"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        administration = self.object
        context.update(
            contacts=selectors.administration_contact_points(administration=administration),
            centres=administration.training_centres.all(),
            can_edit=self.request.user.is_focal_point_for(administration),
        )
        return context


class OwnAdministrationMixin(FocalPointRequiredMixin):
    """Access: only the focal point of the administration in the URL (FocalPointRequiredMixin
    plus `is_focal_point_for`); everyone else gets 403 before anything is read or saved."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.administration = selectors.member_administration(country=kwargs["country"])
            if not request.user.is_focal_point_for(self.administration):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        return self.administration_url()

    def administration_url(self):
        return reverse("contacts:administration", args=[self.administration.slug])

    def get_context_data(self, **kwargs):
        return super().get_context_data(administration=self.administration, **kwargs)


@method_decorator(never_cache, name="dispatch")
class ContactPointCreateView(OwnAdministrationMixin, FormView):
    template_name = "contacts/contactpoint_form.html"
    form_class = ContactPointForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": ContactPoint(administration=self.administration),
        }

    def form_valid(self, form):
        try:
            contact = services.contact_point_create(contact=form.instance, by=self.request.user)
        except ValidationError as error:  # e.g. the same person twice in one role
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("%(name)s was added.") % {"name": contact.name})
        return redirect(self.get_success_url())


class ContactPointObjectMixin(OwnAdministrationMixin):
    """The contact point in the URL, which must belong to the administration in the URL."""

    @cached_property
    def contact(self) -> ContactPoint:
        return get_object_or_404(
            ContactPoint, pk=self.kwargs["pk"], administration=self.administration
        )


@method_decorator(never_cache, name="dispatch")
# The form's check against a concurrent edit and the save are one transaction.
@method_decorator(transaction.atomic, name="post")
class ContactPointUpdateView(ContactPointObjectMixin, FormView):
    template_name = "contacts/contactpoint_form.html"
    form_class = ContactPointForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.contact}

    def form_valid(self, form):
        try:
            services.contact_point_update(contact=form.instance, by=self.request.user)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("%(name)s was saved.") % {"name": form.instance.name})
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(contact=self.contact, **kwargs)


@method_decorator(never_cache, name="dispatch")
class ContactPointDeleteView(ContactPointObjectMixin, TemplateView):
    template_name = "contacts/contactpoint_confirm_delete.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(contact=self.contact, **kwargs)

    def post(self, request, *args, **kwargs):
        name = self.contact.name
        services.contact_point_delete(contact=self.contact, by=request.user)
        messages.success(request, _("%(name)s was removed.") % {"name": name})
        return redirect(self.get_success_url())


class ContactPointsConfirmView(OwnAdministrationMixin, View):
    """POST only: the focal point confirms that the whole list is still right."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        count = services.contact_points_confirm(administration=self.administration, by=request.user)
        if count:
            messages.success(
                request, _("Thank you: the contact points are marked as verified today.")
            )
        else:
            messages.info(request, _("There is no contact point to confirm yet."))
        return redirect(self.get_success_url())


@method_decorator(
    cache_public_page(reads="contacts.TrainingCentre administrations.Administration"),
    name="dispatch",
)
class TrainingCentresView(TemplateView):
    """Public: the People Development Map and the same centres as a table."""

    template_name = "contacts/trainingcentre_map.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        base = basemap()
        centres = list(selectors.training_centres())
        points = []
        for centre in centres:
            x, y = base.projection(float(centre.longitude), float(centre.latitude))
            if base.contains(x, y):
                points.append({"centre": centre, "x": x, "y": y})
        context.update(basemap=base, centres=centres, points=points)
        return context
