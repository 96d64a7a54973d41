import factory

from trainingcenter.center.models import Center, CountryGroup, Partner


class CenterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Center

    name = "Example Joint Training Center"
    short_name = "Example Center"
    about = "A centre that runs training programs."


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    center = factory.SubFactory(CenterFactory)
    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    abbreviation = factory.Sequence(lambda n: f"P{n}")
    role = Partner.Role.PARTNER


class CountryGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CountryGroup

    slug = factory.Sequence(lambda n: f"group-{n}")
    name = factory.Sequence(lambda n: f"Country group {n}")
    countries = ["KZ", "PK", "UZ"]
