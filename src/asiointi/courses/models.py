from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from asiointi.customers.reference import reference_new
from asiointi.privacy.identity_codes import identity_codes_masked

# name, description, place and audience get fi/sv/en columns through modeltranslation.


class Course(models.Model):
    """A course of a catalogue service, with the counters that decide every enrollment.

    `enrolled_seats` and `waiting_seats` are the one authority for how full the course is: they
    change only while the course row is locked, in the same transaction as the enrollment rows.
    """

    code = models.SlugField(_("course code"), max_length=40, unique=True)
    service = models.ForeignKey(
        "catalogue.Service", on_delete=models.PROTECT, related_name="courses"
    )
    agency = models.ForeignKey("catalogue.Agency", on_delete=models.PROTECT, related_name="courses")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    term = models.CharField(_("term"), max_length=40, help_text=_("For example 2027 spring."))
    place = models.CharField(_("place"), max_length=200)
    address = models.CharField(_("address"), max_length=200, blank=True)
    teacher = models.CharField(_("teacher"), max_length=200, blank=True)
    price = models.DecimalField(
        _("price (€)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    audience = models.CharField(_("for whom"), max_length=200, blank=True)
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    capacity = models.PositiveIntegerField(_("places"))
    waiting_capacity = models.PositiveIntegerField(_("places on the waiting list"), default=0)
    opens_at = models.DateTimeField(_("enrollment opens"))
    closes_at = models.DateTimeField(_("enrollment closes"))
    cancellation_deadline = models.DateTimeField(_("cancellation deadline"))
    limit_per_term = models.PositiveSmallIntegerField(
        _("courses of this service per person per term"),
        null=True,
        blank=True,
        help_text=_("Empty: no limit."),
    )
    organisations_may_enroll = models.BooleanField(
        _("companies and associations may enroll a group"), default=False
    )
    max_group_size = models.PositiveSmallIntegerField(_("largest group"), default=1)
    questions = models.JSONField(
        _("questions"),
        default=list,
        blank=True,
        help_text=_(
            'A list of {"key": ..., "text": {"fi": ..., "sv": ..., "en": ...}, "required": true}.'
        ),
    )
    published = models.BooleanField(_("published"), default=True)
    enrolled_seats = models.PositiveIntegerField(default=0, editable=False)
    waiting_seats = models.PositiveIntegerField(default=0, editable=False)
    waiting_counter = models.PositiveBigIntegerField(default=0, editable=False)
    drawn_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["opens_at", "name"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        constraints = [
            # The database refuses what the services must never do, whatever goes wrong above it.
            models.CheckConstraint(
                condition=Q(enrolled_seats__lte=models.F("capacity")),
                name="course_not_over_capacity",
            ),
            models.CheckConstraint(
                condition=Q(waiting_seats__lte=models.F("waiting_capacity")),
                name="course_waiting_not_over_capacity",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("courses:course_detail", kwargs={"code": self.code})

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.enrolled_seats, 0)

    @property
    def waiting_places_left(self) -> int:
        return max(self.waiting_capacity - self.waiting_seats, 0)

    @property
    def place_free(self) -> bool:
        """A place for one more participant. One behind a waiting list is not free: nobody
        jumps the waiting list."""
        return self.waiting_seats == 0 and self.places_left > 0

    @property
    def nothing_left(self) -> bool:
        """No place and no waiting-list place for one more participant."""
        return not self.place_free and self.waiting_places_left == 0


class CourseSession(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return f"{self.course} {self.starts_at:%Y-%m-%d %H:%M}"


LIVE = ("queued", "enrolled", "waiting")


class Enrollment(models.Model):
    """One participant's place (or answer) in one course, asked for by the acting person."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("In the queue")
        ENROLLED = "enrolled", _("Enrolled")
        WAITING = "waiting", _("On the waiting list")
        FULL = "full", _("Course full")
        CANCELLED = "cancelled", _("Cancelled")

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="enrollments")
    # The asiointitunnus the person reads out on the phone, like a submission's.
    reference = models.CharField(
        _("reference"), max_length=12, unique=True, default=reference_new, editable=False
    )
    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.PROTECT, related_name="enrollments"
    )
    acting_person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # "self", or the named dependant or group: one live enrollment per participant and course.
    participant_key = models.CharField(max_length=250)
    participant_name = models.CharField(_("participant"), max_length=200, blank=True)
    participant_birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    seats = models.PositiveSmallIntegerField(_("places"), default=1)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    waiting_number = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    # Random order of the pre-queue, drawn when enrollment opens.
    draw = models.BigIntegerField(null=True, blank=True, editable=False)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    language = models.CharField(max_length=5, default="fi")
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("enrollment")
        verbose_name_plural = _("enrollments")
        constraints = [
            models.UniqueConstraint(
                fields=["course", "customer", "participant_key"],
                condition=~Q(status="cancelled"),
                name="enrollment_one_per_participant",
            )
        ]
        indexes = [
            models.Index(fields=["course", "status", "waiting_number"], name="enrollment_queue"),
        ]

    def __str__(self) -> str:
        # Shown in staff pages and logs: a typed name may hold an identity code.
        return identity_codes_masked(f"{self.course} / {self.participant_name or self.customer}")

    def get_absolute_url(self) -> str:
        return reverse("courses:enrollment_detail", kwargs={"pk": self.pk})


class Attendance(models.Model):
    """Whether an enrolled participant came to a session, as the course's staff marked it."""

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="attendance")
    session = models.ForeignKey(CourseSession, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(_("present"), default=False)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "session"], name="attendance_unique")
        ]

    def __str__(self) -> str:
        return f"{self.enrollment_id} @ {self.session_id}: {self.present}"
