"""The members' consultation on the draft framework: the rounds, an item's draft text and its
comments, a comment's edit, and an administration's position given by its focal point. Members
only, never cached."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from administrations.access import FocalPointRequiredMixin, MemberRequiredMixin, member_required
from competencies import services
from competencies.forms import CommentForm, ResponseForm
from competencies.models import Competency, ConsultationComment, ConsultationRound, JobPosition
from competencies.selectors import consultation
from core.throttling import attempt_allowed

# Comments one member may post in a window: plenty for a careful reading, too few to flood.
COMMENTS_PER_MEMBER = (30, 60 * 60)


def _round_or_404(pk):
    try:
        return consultation.round_detail(pk=pk)
    except ConsultationRound.DoesNotExist:
        raise Http404 from None


class ConsultationListView(MemberRequiredMixin, TemplateView):
    """Every round, open ones first: what the office asks the members to comment on."""

    template_name = "competencies/consultationround_list.html"

    def get_context_data(self, **kwargs):
        rounds = list(consultation.round_list())
        return super().get_context_data(
            open_rounds=[r for r in rounds if r.is_open()],
            other_rounds=[r for r in rounds if not r.is_open()],
            **kwargs,
        )


class ConsultationRoundView(MemberRequiredMixin, TemplateView):
    """A round's draft positions and competencies, and the administration's position on it."""

    template_name = "competencies/consultationround_detail.html"

    def get_context_data(self, **kwargs):
        round = _round_or_404(self.kwargs["pk"])
        page = consultation.round_page(round=round, user=self.request.user)
        return super().get_context_data(page=page, round=round, **kwargs)


class _ThreadView(MemberRequiredMixin, TemplateView):
    """An item's draft text and its thread; members post to it while the round is open."""

    # Each subclass names its kind of item: the selector that reads its thread, the item's model,
    # the URL's part that names it, and the comment's field that points to it.
    read_thread: staticmethod
    item_model: type
    url_key: str
    item_field: str

    def thread(self, round):
        """The item's thread in the round."""
        try:
            return self.read_thread(round=round, **{self.url_key: self.kwargs[self.url_key]})
        except self.item_model.DoesNotExist:
            raise Http404 from None

    def item(self, thread):
        return {self.item_field: getattr(thread, self.item_field)}

    def levels(self, thread):
        return None

    def get_context_data(self, **kwargs):
        round = _round_or_404(self.kwargs["pk"])
        thread = self.thread(round)
        user = self.request.user
        if "form" not in kwargs and user.is_member and round.is_open():
            kwargs["form"] = CommentForm(levels=self.levels(thread))
        return super().get_context_data(
            round=round,
            thread=thread,
            editable={c.pk for c in thread.comments_all if services.comment_editable_by(c, user)},
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not request.user.is_member:
            raise PermissionDenied  # staff answer in the admin
        round = _round_or_404(self.kwargs["pk"])
        thread = self.thread(round)
        form = CommentForm(request.POST, levels=self.levels(thread))
        status = 200
        if not round.is_open():
            form.is_valid()
            form.add_error(None, services.round_closed_message(round))
            status = 409
        elif not attempt_allowed(
            scope="consultation-comment",
            key=str(request.user.pk),
            limit=COMMENTS_PER_MEMBER[0],
            seconds=COMMENTS_PER_MEMBER[1],
        ):
            form.is_valid()
            form.add_error(
                None, _("You have sent many comments in a short time. Please try again in an hour.")
            )
            status = 429
        elif form.is_valid():
            try:
                services.consultation_comment_add(
                    round=round,
                    author=request.user,
                    text=form.cleaned_data["text"],
                    level=form.chosen_level() if "level" in form.fields else None,
                    **self.item(thread),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your comment is published for your administration."))
                return redirect(request.path)
        response = self.render_to_response(self.get_context_data(form=form))
        response.status_code = status
        return response


class ConsultationPositionView(_ThreadView):
    template_name = "competencies/consultation_position.html"
    read_thread = staticmethod(consultation.position_thread)
    item_model = JobPosition
    url_key = "slug"
    item_field = "position"


class ConsultationCompetencyView(_ThreadView):
    template_name = "competencies/consultation_competency.html"
    read_thread = staticmethod(consultation.competency_thread)
    item_model = Competency
    url_key = "code"
    item_field = "competency"

    def levels(self, thread):
        return thread.level_choices


@member_required
def consultation_comment_edit(request, pk):
    """A comment's author (or their focal point) changes it while the round is open; another
    administration's member gets 403."""
    try:
        comment = consultation.comment_detail(pk=pk)
    except ConsultationComment.DoesNotExist:
        raise Http404 from None
    if not services.comment_editable_by(comment, request.user):
        raise PermissionDenied
    form = CommentForm(request.POST or None, initial={"text": comment.text})
    status = 200
    if request.method == "POST":
        if not comment.round.is_open():
            form.is_valid()
            form.add_error(None, services.round_closed_message(comment.round))
            status = 409
        elif form.is_valid():
            services.consultation_comment_edit(
                comment=comment, by=request.user, text=form.cleaned_data["text"]
            )
            messages.success(request, _("Your comment is changed."))
            return redirect(consultation.comment_url(comment))
    response = render(
        request, "competencies/consultationcomment_form.html", {"form": form, "comment": comment}
    )
    response.status_code = status
    return response


class ConsultationResponseView(FocalPointRequiredMixin, TemplateView):
    """A focal point gives their administration's position on a round, and may change it while
    the round is open."""

    template_name = "competencies/consultationresponse_form.html"

    def get_context_data(self, **kwargs):
        round = _round_or_404(self.kwargs["pk"])
        existing = round.responses.filter(administration_id=self.request.user.administration_id)
        kwargs.setdefault("form", ResponseForm(instance=existing.first()))
        return super().get_context_data(round=round, **kwargs)

    def post(self, request, pk):
        round = _round_or_404(pk)
        form = ResponseForm(request.POST)
        status = 200
        if not round.is_open():
            form.is_valid()
            form.add_error(None, services.round_closed_message(round))
            status = 409
        elif form.is_valid():
            services.consultation_response_submit(
                round=round,
                by=request.user,
                stance=form.cleaned_data["stance"],
                text=form.cleaned_data["text"],
            )
            messages.success(request, _("Your administration's position is recorded."))
            return redirect(round)
        response = self.render_to_response(self.get_context_data(form=form))
        response.status_code = status
        return response
