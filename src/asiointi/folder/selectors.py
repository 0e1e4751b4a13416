from django.db.models import QuerySet

from asiointi.customers.models import Customer
from asiointi.folder.models import FolderItem


def folder_items(*, customer: Customer) -> QuerySet[FolderItem]:
    """The customer's folder, newest first. Only ever called with the acting customer."""
    return FolderItem.objects.filter(customer=customer).select_related("service")
