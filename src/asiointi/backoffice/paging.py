"""Pages of a long list that cost the same on the first page and the last.

An agency may have hundreds of thousands of cases. Counting them all and skipping rows by OFFSET
with their joins both grow with the list; a clerk looking for an old case uses the filters or
search, not page 4,000. So the count stops at COUNT_MAX and a page is found in two steps: the
keys of its rows from the index alone, then those rows with everything shown for them."""

from collections.abc import Callable, Sequence
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

COUNT_MAX = 10_000


class CappedPaginator(Paginator):
    """`count` is exact up to COUNT_MAX; `more` says there are more than that. `object_list`
    is the bare list (counted and paged from its index); `rows` adds what is shown of a row."""

    object_list: QuerySet[Any]

    def __init__(
        self,
        object_list: QuerySet[Any],
        per_page: int,
        rows: Callable[[QuerySet[Any]], QuerySet[Any]] = lambda rows: rows,
    ) -> None:
        super().__init__(object_list, per_page)
        self.rows = rows

    @cached_property
    def _counted(self) -> int:
        return self.object_list.order_by()[: COUNT_MAX + 1].count()

    @cached_property
    def count(self) -> int:  # type: ignore[override]
        return min(self._counted, COUNT_MAX)

    @property
    def more(self) -> bool:
        return self._counted > COUNT_MAX

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        keys = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        rows = {row.pk: row for row in self.rows(self.object_list.order_by().filter(pk__in=keys))}
        in_order: Sequence[Any] = [rows[key] for key in keys if key in rows]
        return Page(in_order, number, self)
