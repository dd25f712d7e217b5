"""One error pattern on every form (GOV.UK's): a summary at the top of the form that links to
each field in error, and "Error:" before the page title while the page shows errors.

The portal validates, not the browser (every form has `novalidate`), so these are the only
messages a visitor sees, always in the page's language.
"""

from django import forms, template

register = template.Library()


def field_anchor(field: forms.BoundField) -> str:
    """The id a summary link points to: the field's input, or the first option of a group of
    checkboxes or radio buttons (a group's label points to no single input)."""
    return field.id_for_label or (f"{field.auto_id}_0" if field.auto_id else "")


def _form_errors(form: forms.BaseForm) -> list[tuple[str, str]]:
    visible = form.visible_fields()
    first = field_anchor(visible[0]) if visible else ""
    errors = [(first, str(error)) for error in form.non_field_errors()]
    for field in form.hidden_fields():
        errors += [("", str(error)) for error in field.errors]
    for field in visible:
        # "Label: message", without the label's own full stop (a consent sentence ends in one).
        label = str(field.label).rstrip(".:")
        errors += [(field_anchor(field), f"{label}: {error}") for error in field.errors]
    return errors


def summary_errors(*forms_or_formsets) -> list[tuple[str, str]]:
    """(anchor, message) of every error of the given bound forms and formsets, in page order."""
    errors = []
    for item in forms_or_formsets:
        if isinstance(item, forms.BaseFormSet):
            if not item.is_bound:
                continue
            rows = item.forms
            first = rows[0].visible_fields() if rows else []
            anchor = field_anchor(first[0]) if first else ""
            errors += [(anchor, str(error)) for error in item.non_form_errors()]
            for row in rows:
                errors += _form_errors(row)
        elif isinstance(item, forms.BaseForm) and item.is_bound:
            errors += _form_errors(item)
    return errors


@register.inclusion_tag("includes/_error_summary.html")
def error_summary(*forms_or_formsets):
    """The summary box, rendered only when one of the forms or formsets has errors."""
    return {"errors": summary_errors(*forms_or_formsets)}


def _has_errors(value) -> bool:
    # type(), not isinstance(): a lazy object (the user) would be evaluated, and query.
    kind = type(value)
    if issubclass(kind, forms.BaseFormSet):
        return value.is_bound and value.total_error_count() > 0
    if issubclass(kind, forms.BaseForm):
        return value.is_bound and bool(value.errors)
    # A django-filter FilterSet shows its form's errors the same way.
    if isinstance(getattr(kind, "form", None), property) and getattr(value, "is_bound", False):
        return _has_errors(value.form)
    return False


@register.simple_tag(takes_context=True)
def page_has_errors(context) -> bool:
    """Whether a form (or formset, or filter) the page shows has errors, for the title."""
    return any(_has_errors(value) for scope in context.dicts for value in scope.values())


@register.filter
def has_required(form) -> bool:
    """Whether a form shows a required field (then the page says what the * means)."""
    return any(field.field.required for field in form.visible_fields())
