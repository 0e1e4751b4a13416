from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Texts marked translatable here get fi/sv/en columns through modeltranslation (translation.py).


class Agency(models.Model):
    slug = models.SlugField(_("identifier"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    feedback_email = models.EmailField(
        _("feedback e-mail"),
        blank=True,
        help_text=_(
            "Feedback on the agency's services is also sent here; empty: only to the inbox."
        ),
    )
    contact_instructions = models.TextField(
        _("instructions for contacting the agency first"), blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("catalogue:agency_detail", kwargs={"slug": self.slug})


class Category(models.Model):
    slug = models.SlugField(_("identifier"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    class Audience(models.TextChoices):
        PERSONS = "persons", _("Residents")
        ORGANISATIONS = "organisations", _("Companies and associations")
        BOTH = "both", _("Residents, companies and associations")

    class Kind(models.TextChoices):
        FORM = "form", _("Form")
        COURSE = "course", _("Course enrollment")
        EXTERNAL = "external", _("External system")

    slug = models.SlugField(_("identifier"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"))
    keywords = models.TextField(
        _("search words"), blank=True, help_text=_("Comma-separated words people search with.")
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="services"
    )
    categories = models.ManyToManyField(
        Category, verbose_name=_("categories"), related_name="services"
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.PERSONS
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.FORM)
    requires_login = models.BooleanField(_("requires login"), default=True)
    external_url = models.URLField(_("address of the external system"), blank=True)
    requires_prior_contact = models.BooleanField(
        _("requires contacting the agency first"), default=False
    )
    prior_contact_instructions = models.TextField(
        _("instructions for contacting the agency first"),
        blank=True,
        help_text=_("Leave empty to use the agency's own instructions."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_hours = models.CharField(_("contact hours"), max_length=200, blank=True)
    published = models.BooleanField(_("published"), default=False)
    start_count = models.PositiveIntegerField(
        _("times started"), default=0, help_text=_("Orders the most used services.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="external") | ~models.Q(external_url=""),
                name="external_service_has_url",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("catalogue:service_detail", kwargs={"slug": self.slug})

    @property
    def for_persons(self) -> bool:
        return self.audience in (self.Audience.PERSONS, self.Audience.BOTH)

    @property
    def for_organisations(self) -> bool:
        return self.audience in (self.Audience.ORGANISATIONS, self.Audience.BOTH)

    @property
    def contact_first_instructions(self) -> str:
        return self.prior_contact_instructions or self.agency.contact_instructions

    @property
    def keyword_list(self) -> list[str]:
        return [word.strip() for word in self.keywords.split(",") if word.strip()]
