"""Parts of a page rendered once and reused until their data changes (see `core.cache`).

    {% load fragments %}
    {% cachedfragment "experts-filter-menus" "experts.ExpertiseArea" menus_state %}
      …
    {% endcachedfragment %}

    {% cachedrows document in documents "library-document-entry" "library" area %}
      <li>…{{ document.title }}…</li>
    {% endcachedrows %}

The name comes first; then the models whose data the markup shows (`app_label.Model`, or an app
label for all its models: a write to one of their tables refreshes it, see `core.generations`);
then the values it varies on (ids and strings). The page language and today's date are always
part of the key.

`cachedrows` renders one row per item (keyed on the item's pk) and reads every row of the list in
one cache round trip. When the list is a QuerySet not yet evaluated (or a
`core.pagination.PendingPrefetch`), the prefetches it asks for are made only for the rows not
found in the cache, so a page whose rows are all cached runs no prefetch query. A row sees its
item and the page's context, not `forloop`.

Only for markup that is the same for every user who may see the page: never a part that shows
who is logged in, what they may do, or a form with a CSRF token (such markup is rendered but
never stored), and never personal data (a person's name, position or contact details).
"""

from django import template
from django.db.models import QuerySet, prefetch_related_objects
from django.utils.safestring import mark_safe

from core.cache import fragment_key, fragments_get_many, fragments_set_many, reads_checked
from core.generations import any_table_generation, generations_since, tables_of

register = template.Library()

CSRF_FIELD = 'name="csrfmiddlewaretoken"'
# Where a rendering keeps the "any table" generation it has read: while it is unchanged, so are
# the tables' generations this process read last (`generations_since`): one cache read a page.
ANY_TABLE_SEEN = "rocb.fragments.any_table"


class _CachedNode(template.Node):
    def __init__(self, nodelist, name, apps, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.apps = apps
        self.vary_on = vary_on

    def tables(self, context) -> tuple[str, ...]:
        return tables_of(" ".join(sorted(set(self.apps.resolve(context).split()))))

    def generations(self, context) -> list[int]:
        tables = self.tables(context)
        if not tables:
            return []
        any_table = context.render_context.get(ANY_TABLE_SEEN)
        if any_table is None:
            any_table = context.render_context[ANY_TABLE_SEEN] = any_table_generation()
        return generations_since(tables, any_table=any_table)

    def checked(self, context):
        return reads_checked(self.tables(context), f"The fragment {self.name.resolve(context)!r}")

    def key(self, context, *identity) -> str:
        return fragment_key(
            self.name.resolve(context),
            generations=self.generations(context),
            vary_on=[*identity, *(value.resolve(context) for value in self.vary_on)],
        )


class CachedFragmentNode(_CachedNode):
    def render(self, context):
        key = self.key(context)
        html = fragments_get_many([key]).get(key)
        if html is None:
            with self.checked(context):
                html = self.nodelist.render(context)
            if CSRF_FIELD not in html:
                fragments_set_many({key: html})
        return html


class CachedRowsNode(_CachedNode):
    def __init__(self, nodelist, variable, items, name, apps, vary_on):
        super().__init__(nodelist, name, apps, vary_on)
        self.variable = variable
        self.items = items

    def render(self, context):
        items = self.items.resolve(context)
        lookups = getattr(items, "prefetch_lookups", ())  # core.pagination.PendingPrefetch
        if isinstance(items, QuerySet) and items._result_cache is None:
            # The QuerySet's own prefetches, put off until we know which rows need them.
            lookups = items._prefetch_related_lookups
            items = items.prefetch_related(None)
        items = list(items)
        keys = [self.key(context, item.pk) for item in items]
        found = fragments_get_many(keys)
        missing = [item for item, key in zip(items, keys, strict=True) if key not in found]
        rows, fresh = [], {}
        with self.checked(context), context.push():
            if missing and lookups:
                prefetch_related_objects(missing, *lookups)
            for item, key in zip(items, keys, strict=True):
                if key in found:
                    rows.append(found[key])
                    continue
                context[self.variable] = item
                row = self.nodelist.render(context)
                rows.append(row)
                if CSRF_FIELD not in row:
                    fresh[key] = row
        if fresh:
            fragments_set_many(fresh)
        # Every part is the output of this template's own rendering, escaped as it was made.
        return mark_safe("".join(rows))  # noqa: S308


def _arguments(parser, bits, tag):
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            f"{tag} takes a name, the apps whose data it shows, and what it varies on."
        )
    return [parser.compile_filter(bit) for bit in bits]


@register.tag
def cachedfragment(parser, token):
    bits = token.split_contents()
    name, apps, *vary_on = _arguments(parser, bits[1:], bits[0])
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return CachedFragmentNode(nodelist, name, apps, vary_on)


@register.tag
def cachedrows(parser, token):
    bits = token.split_contents()
    if len(bits) < 6 or bits[2] != "in":
        raise template.TemplateSyntaxError(
            f'Use {{% {bits[0]} item in items "name" "apps" [vary_on …] %}}.'
        )
    name, apps, *vary_on = _arguments(parser, bits[4:], bits[0])
    nodelist = parser.parse(("endcachedrows",))
    parser.delete_first_token()
    return CachedRowsNode(nodelist, bits[1], parser.compile_filter(bits[3]), name, apps, vary_on)
