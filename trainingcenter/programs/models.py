"""Programs, their agenda (sessions), the people who speak, and their roles.

Times are stored in UTC; each program carries its own IANA time zone, in
which its dates and registration window are shown and entered.
"""
import functools
import re
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from .enums import AttendanceMode, DeliveryMode

HAN_CHARACTER = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@functools.cache
def known_time_zones():
    """Every IANA zone name; reading them walks the zone database, so once per process."""
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value):
    if value not in known_time_zones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


def ordinal(number):
    """The number as an ordinal in the active language: 5th in English, 5 elsewhere.

    Chinese (第5期) and Russian (5-я) put the ordinal marker in the translated
    sentence around the number; only English suffixes the numeral itself.
    """
    if not (get_language() or "en").startswith("en"):
        return str(number)
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


class Theme(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name


class ProgramQuerySet(models.QuerySet):
    def public(self):
        """Programs a visitor may see: everything but drafts."""
        return self.exclude(status=Program.Status.DRAFT)

    def upcoming(self, now=None):
        return self.public().filter(ends__gte=now or timezone.now()).order_by("starts")

    def past(self, now=None):
        return self.public().filter(ends__lt=now or timezone.now()).order_by("-starts")

    def managed_by(self, user):
        """Programs a staff user may manage: all for centre admins, else their own."""
        if user.is_superuser or user.has_perm("programs.manage_all_programs"):
            return self
        return self.filter(organisers=user)


class Program(models.Model):
    Mode = DeliveryMode

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ANNOUNCED = "announced", _("Announced")
        REGISTRATION_OPEN = "registration_open", _("Registration open")
        REGISTRATION_CLOSED = "registration_closed", _("Registration closed")
        RUNNING = "running", _("Running")
        COMPLETED = "completed", _("Completed")

    slug = models.SlugField(unique=True, max_length=120)
    number = models.PositiveSmallIntegerField(
        _("number in the series"), null=True, blank=True, help_text=_("5 for the 5th Joint Training Program.")
    )
    title = models.CharField(_("title"), max_length=250)
    subtitle = models.CharField(_("subtitle"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences for lists and previews."))
    background = models.TextField(_("background"), blank=True)
    objectives = models.TextField(_("objectives and intended outcomes"), blank=True)
    conclusion = models.TextField(_("conclusion"), blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="programs", verbose_name=_("themes"))

    starts = models.DateTimeField(_("starts"))
    ends = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Asia/Shanghai", validators=[validate_time_zone]
    )
    mode = models.CharField(_("delivery mode"), max_length=10, choices=Mode.choices, default=Mode.ONLINE)
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    status = models.CharField(_("status"), max_length=24, choices=Status.choices, default=Status.DRAFT)
    is_example = models.BooleanField(
        _("example program"), default=False, help_text=_("Demo content: shown with a clear label.")
    )

    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    capacity_onsite = models.PositiveIntegerField(
        _("onsite seats"), null=True, blank=True, help_text=_("Empty means no limit.")
    )
    capacity_online = models.PositiveIntegerField(
        _("online places"), null=True, blank=True, help_text=_("Empty means no limit.")
    )
    requires_approval = models.BooleanField(
        _("organisers approve each registration"), default=False
    )
    # The attendance rule (see attendance.rules): online, a share of the
    # scheduled session minutes; onsite, a number of days checked in.
    attendance_threshold_percent = models.PositiveSmallIntegerField(
        _("online: share of session time needed (%)"), default=75,
        validators=[MaxValueValidator(100)],
        help_text=_("An online participant attended if they were connected for at least this share of the "
                    "scheduled session minutes."),
    )
    attendance_days_required = models.PositiveSmallIntegerField(
        _("onsite: days checked in needed"), null=True, blank=True,
        help_text=_("An onsite participant attended if checked in on at least this many of the program's days. "
                    "Empty: every day."),
    )
    visa_letters_offered = models.BooleanField(
        _("visa invitation letters"), default=False,
        help_text=_(
            "For programs held in China: confirmed onsite participants can request an invitation letter for "
            "their visa from their registration page; organisers approve each request."
        ),
    )
    personal_data_retention_days = models.PositiveSmallIntegerField(
        _("keep participants' personal data for (days)"), null=True, blank=True,
        help_text=_(
            "Days after the program ends; then participants' names, e-mail addresses and other personal details "
            "are erased automatically, and only anonymous figures (country, sector, gender, attendance mode, "
            "status) are kept for statistics. Empty: kept until erased by hand."
        ),
    )

    contact_name = models.CharField(
        _("contact person"), max_length=200, blank=True,
        help_text=_("Who answers participants' questions about this program, as each language's pages should write "
                    "the name."),
    )
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True,
        help_text=_("Shown on the program's page. Empty: the centre's e-mail is shown instead."),
    )

    recording_url = models.URLField(_("recording"), blank=True)
    participants_reported = models.PositiveIntegerField(
        _("participants (as reported)"), null=True, blank=True,
        help_text=_("For past programs run before the platform: the figure from the report."),
    )
    countries_reported = models.PositiveSmallIntegerField(_("countries (as reported)"), null=True, blank=True)
    source_note = models.TextField(
        _("source note"), blank=True, help_text=_("Internal: where this content comes from and known conflicts.")
    )
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="organised_programs", verbose_name=_("organisers")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgramQuerySet.as_manager()

    class Meta:
        ordering = ["-starts"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        permissions = [("manage_all_programs", _("Can manage every program"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gt=F("starts")), name="program_ends_after_start",
                violation_error_message=_("The program must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(registration_opens__isnull=True)
                | Q(registration_closes__isnull=True)
                | Q(registration_closes__gt=F("registration_opens")),
                name="program_registration_window_order",
                violation_error_message=_("Registration must close after it opens."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programs:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.starts and self.ends and self.ends <= self.starts:
            raise ValidationError({"ends": _("The program must end after it starts.")})
        if self.registration_opens and self.registration_closes and self.registration_closes <= self.registration_opens:
            raise ValidationError({"registration_closes": _("Registration must close after it opens.")})

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def offered_modes(self):
        """Attendance modes a participant can choose, from the delivery mode."""
        if self.mode == DeliveryMode.HYBRID:
            return [AttendanceMode.ONSITE, AttendanceMode.ONLINE]
        return [AttendanceMode(self.mode)]

    @property
    def number_label(self):
        """'5th Joint Training Program', with the ordinal as each language writes it."""
        if not self.number:
            return ""
        return _("%(ordinal)s Joint Training Program") % {"ordinal": ordinal(self.number)}

    @property
    def time_zone_label(self):
        """The time zone with its UTC offset when the program starts, e.g. 'Asia/Shanghai (UTC+08:00)'."""
        offset = timezone.localtime(self.starts, self.tz).strftime("%z")
        return f"{self.time_zone} (UTC{offset[:3]}:{offset[3:]})"

    def is_over(self, now=None):
        """Whether the program has ended (or organisers marked it completed): nothing more will be published."""
        return self.status == self.Status.COMPLETED or self.ends <= (now or timezone.now())

    def capacity_for(self, mode):
        return self.capacity_onsite if mode == self.Mode.ONSITE else self.capacity_online

    def local_days(self):
        """The calendar dates the program runs on, in its own time zone."""
        first = timezone.localtime(self.starts, self.tz).date()
        last = timezone.localtime(self.ends, self.tz).date()
        return [first + timezone.timedelta(days=n) for n in range((last - first).days + 1)]

    def registration_window_state(self, now=None):
        """'not_open', 'open' or 'closed', from the status and the window alone.

        Whether seats are left is the registrations app's business.
        """
        now = now or timezone.now()
        if self.status in (self.Status.DRAFT, self.Status.COMPLETED, self.Status.REGISTRATION_CLOSED):
            return "closed" if self.status != self.Status.DRAFT else "not_open"
        if self.registration_opens is None and self.registration_closes is None:
            return "open" if self.status == self.Status.REGISTRATION_OPEN else "not_open"
        if self.registration_opens and now < self.registration_opens:
            return "not_open"
        if self.registration_closes and now >= self.registration_closes:
            return "closed"
        if now >= self.ends:
            return "closed"
        return "open"


class FocusArea(models.Model):
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="focus_areas")
    title = models.CharField(_("title"), max_length=250)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")

    def __str__(self):
        return self.title


class FrequentlyAskedQuestion(models.Model):
    """A question participants often ask about one program (visa, certificate, recordings...), with its answer.

    Plain text: paragraphs separated by a blank line; addresses become links on the page.
    """

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField(_("question"), max_length=300)
    answer = models.TextField(_("answer"), help_text=_("Plain text; separate paragraphs with a blank line."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("frequently asked question")
        verbose_name_plural = _("frequently asked questions")

    def __str__(self):
        return self.question


class Takeaway(models.Model):
    """A key takeaway of a program, grouped under a theme heading."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="takeaways")
    heading = models.CharField(_("theme heading"), max_length=250)
    text = models.TextField(_("takeaway"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("key takeaway")
        verbose_name_plural = _("key takeaways")

    def __str__(self):
        return self.text[:80]


class Person(models.Model):
    """A resource person, moderator or official, as they want their name written.

    A name per language. ``given_name`` and ``family_name`` are the name in
    Latin letters: the default everywhere, and what lists sort and search by.
    ``display_name`` is translated like the other content fields
    (django-modeltranslation): each language may give the name as its readers
    write it, e.g. 朱法华 on Chinese pages and Чжу Фахуа on Russian ones. A
    language left empty falls back to the English display name, and an empty
    one to the Latin name in the person's ``name_order``. ``native_name`` is the
    name in the person's own script, shown beside the name on their page where
    that page writes the name another way.

    Why an explicit name per language rather than showing ``native_name`` on
    pages whose language matches its script: a script is not a language (Russian
    pages want a transliteration, not the original; Han characters are also
    Japanese), and organisers should see in the admin exactly what each
    language's pages will show. ``name``, ``full_name`` and ``__str__`` follow
    the active language, so pages, the API and e-mails (rendered in the
    reader's language) need nothing else.
    """

    class NameOrder(models.TextChoices):
        GIVEN_FIRST = "given_first", _("Given name first")
        FAMILY_FIRST = "family_first", _("Family name first (e.g. Chinese names)")

    slug = models.SlugField(unique=True, max_length=120)
    honorific = models.CharField(_("honorific"), max_length=60, blank=True, help_text=_("Prof., Dr., Engr. ..."))
    given_name = models.CharField(_("given name"), max_length=100, blank=True)
    family_name = models.CharField(_("family name"), max_length=100)
    name_order = models.CharField(
        _("name order"), max_length=20, choices=NameOrder.choices, default=NameOrder.GIVEN_FIRST
    )
    native_name = models.CharField(_("name in own script"), max_length=100, blank=True)
    display_name = models.CharField(
        _("name as shown"), max_length=200, blank=True,
        help_text=_(
            "The name as pages in this language write it, e.g. in Chinese characters for Chinese pages or in "
            "Cyrillic for Russian ones. Leave empty to show the given and family names above."
        ),
    )
    position = models.CharField(_("position"), max_length=300, blank=True)
    affiliation = models.CharField(_("affiliation"), max_length=300, blank=True)
    country = CountryField(_("country"), blank=True)
    bionote = models.TextField(_("bionote"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="people/", blank=True)

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    @property
    def latin_name(self):
        """The name in Latin letters as the person writes it: Chinese names family name first."""
        if self.name_order == self.NameOrder.FAMILY_FIRST:
            parts = [self.family_name, self.given_name]
        else:
            parts = [self.given_name, self.family_name]
        return " ".join(part for part in parts if part)

    @property
    def name(self):
        """The name in the active language: its display name (English one as fallback), else the Latin name."""
        return self.display_name or self.latin_name

    @property
    def other_name(self):
        """The name written another way, to show beside ``name`` on the person's page.

        The name in the person's own script where the page writes it otherwise
        (朱法华 beside Zhu Fahua), else the Latin name (Zhu Fahua beside 朱法华).
        """
        shown = self.name
        for candidate in (self.native_name, self.latin_name):
            if candidate and candidate != shown:
                return candidate
        return ""

    @property
    def full_name(self):
        """The name with its honorific where its language puts it: 'Prof. Zhu Fahua', '朱法华教授'.

        Chinese titles follow the name, others precede it; it is the honorific's
        script that decides, so an English "Prof." shown on a Chinese page for
        want of a Chinese one stays in front.
        """
        name, honorific = self.name, self.honorific
        if not honorific:
            return name
        if HAN_CHARACTER.match(honorific):
            # A space only after a name in Latin letters: "Khalil Raza 工程师".
            return f"{name} {honorific}" if name[-1:].isascii() else f"{name}{honorific}"
        return f"{honorific} {name}"

    def get_absolute_url(self):
        return reverse("programs:person", kwargs={"slug": self.slug})


class ProgramRole(models.Model):
    class Role(models.TextChoices):
        MODERATOR = "moderator", _("Moderator")
        SPEAKER = "speaker", _("Speaker")
        OFFICIAL = "official", _("Official")

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="roles")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    note = models.CharField(
        _("as"), max_length=250, blank=True,
        help_text=_("How the person appears in this program, e.g. 'Head of the Center'."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("role in a program")
        verbose_name_plural = _("roles in programs")
        constraints = [
            models.UniqueConstraint(fields=["program", "person", "role"], name="unique_program_person_role"),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class Session(models.Model):
    class Kind(models.TextChoices):
        OPENING_REMARKS = "opening_remarks", _("Opening remarks")
        WELCOME_REMARKS = "welcome_remarks", _("Welcome remarks")
        LECTURE = "lecture", _("Lecture")
        CASE_STUDY = "case_study", _("Case study")
        PANEL = "panel", _("Panel discussion")
        BREAK = "break", _("Break")
        CLOSING_REMARKS = "closing_remarks", _("Closing remarks")

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.LECTURE)
    title = models.CharField(_("title"), max_length=300)
    starts = models.DateTimeField(_("starts"))
    ends = models.DateTimeField(_("ends"))
    abstract = models.TextField(_("abstract"), blank=True)
    summary = models.TextField(_("summary"), blank=True, help_text=_("What was said, for the report."))
    speakers = models.ManyToManyField(Person, blank=True, related_name="sessions", verbose_name=_("speakers"))
    slides_url = models.URLField(_("slides"), blank=True)
    recording_url = models.URLField(_("recording"), blank=True)

    class Meta:
        ordering = ["starts", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gt=F("starts")), name="session_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts and self.ends and self.ends <= self.starts:
            raise ValidationError({"ends": _("The session must end after it starts.")})

    @property
    def duration_minutes(self):
        return int((self.ends - self.starts).total_seconds() // 60)
