"""Reading an admin change form back as the data a browser would post."""


def _add(data: dict, form) -> None:
    for field in form:
        if field.field.show_hidden_initial:  # as the browser posts it (a callable default)
            initial = form.get_initial_for_field(field.field, field.name)
            data[form.add_initial_prefix(field.name)] = str(field.field.prepare_value(initial))
        value = field.value()
        if value is None or value is False:
            continue
        if value is True:
            data[field.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[field.html_name] = [str(item) for item in value]
        else:
            data[field.html_name] = str(value)


def change_form_data(response) -> dict:
    """The fields of the admin form on the page (and of its inlines), as they stand."""
    data: dict = {}
    _add(data, response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        _add(data, inline.formset.management_form)
        for form in inline.formset.forms:
            _add(data, form)
    return data
