"""Shapes of the statistics API: one program's participation figures, full (staff) or folded (public)."""
from ninja import Field, Schema


class CountryCount(Schema):
    country: str = Field(..., description='ISO 3166-1 alpha-2 code, or "other" (public: countries under 5 people)')
    count: int


class GroupCount(Schema):
    group: str = Field(..., description='The country group\'s name, or "other" (public: groups under 5 people)')
    count: int


class StatusCount(Schema):
    status: str = Field(..., description='confirmed, waitlisted, awaiting_approval, cancelled, rejected, or "other"')
    count: int


class ModeCount(Schema):
    mode: str = Field(..., description='onsite, online, or "other"')
    count: int


class SectorCount(Schema):
    sector: str = Field(..., description='The sector\'s key (government, academia...), or "other"')
    count: int


class GenderCount(Schema):
    gender: str = Field(..., description='female, male, other; "" where not given (staff only)')
    count: int


class DayCount(Schema):
    date: str = Field(..., description='A day in the program\'s time zone (YYYY-MM-DD), or "other"')
    count: int


class FeedbackOut(Schema):
    mean_rating: float | None = Field(..., description="Mean of every 1–5 rating in the program's survey; "
                                                       "public: null under 5 ratings")
    ratings: int


class AttendanceRateOut(Schema):
    confirmed: int
    attended: int = Field(..., description="Confirmed participants who attended under the program's rule")
    rate: float | None = Field(..., description="attended / confirmed, 0 to 1; null without confirmed participants")


class StatisticsOut(Schema):
    program: str = Field(..., description="The program's slug")
    registrations: int = Field(..., description="Active registrations: confirmed, waitlisted, awaiting approval")
    participants: int = Field(..., description="Confirmed registrations")
    countries: int = Field(..., description="Distinct countries among the active registrations")
    by_country: list[CountryCount]
    by_country_group: list[GroupCount] = Field(
        ..., description="Active registrations from each country group (groups may overlap)",
    )
    outside_country_groups: int | None = Field(
        ..., description="Active registrations from no country group; public: null under 5",
    )
    by_status: list[StatusCount] = Field(..., description="Every registration, cancelled and rejected too")
    by_mode: list[ModeCount]
    by_sector: list[SectorCount]
    by_gender: list[GenderCount] = Field(..., description="Where given")
    over_time: list[DayCount] = Field(..., description="Active registrations by the day they registered")
    certificates: int | None = Field(..., description="Valid certificates; public: null under 5")
    feedback: FeedbackOut | None
    attendance: AttendanceRateOut | None = Field(..., description="Public: null under 5 confirmed")
