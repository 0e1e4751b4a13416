from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from asiointi.catalogue.cache import catalogue_changed
from asiointi.catalogue.models import Agency, Category, Service


# A change made anywhere (admin, shell, demo loader) retires cached pages and the search index.
@receiver(post_save, sender=Agency)
@receiver(post_save, sender=Category)
@receiver(post_save, sender=Service)
@receiver(post_delete, sender=Agency)
@receiver(post_delete, sender=Category)
@receiver(post_delete, sender=Service)
@receiver(m2m_changed, sender=Service.categories.through)
def _catalogue_changed(**kwargs: Any) -> None:
    catalogue_changed()
