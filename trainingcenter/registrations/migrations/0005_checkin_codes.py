"""A check-in code for every registration, and the history actions of attendance.

The code is unique, so existing rows get one each before the constraint is
added (a single default would give them all the same code).
"""
from django.db import migrations, models

import trainingcenter.registrations.models


def give_every_registration_a_code(apps, schema_editor):
    Registration = apps.get_model("registrations", "Registration")
    taken = set()
    for registration in Registration.objects.filter(checkin_code__isnull=True).only("pk").iterator():
        code = trainingcenter.registrations.models.new_checkin_code()
        while code in taken:
            code = trainingcenter.registrations.models.new_checkin_code()
        taken.add(code)
        Registration.objects.filter(pk=registration.pk).update(checkin_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("registrations", "0004_visa_letters_and_privacy"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="checkin_code",
            field=models.CharField(editable=False, max_length=12, null=True, verbose_name="check-in code"),
        ),
        migrations.RunPython(give_every_registration_a_code, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="registration",
            name="checkin_code",
            field=models.CharField(
                default=trainingcenter.registrations.models.new_checkin_code, editable=False, max_length=12,
                unique=True, verbose_name="check-in code",
            ),
        ),
        migrations.AlterField(
            model_name='registrationevent',
            name='action',
            field=models.CharField(choices=[('registered', 'Registered'), ('confirmed', 'Confirmed'), ('waitlisted', 'Waitlisted'), ('promoted', 'Promoted from the waiting list'), ('approved', 'Approved'), ('rejected', 'Rejected'), ('cancelled', 'Cancelled'), ('mode_changed', 'Attendance mode changed'), ('details_changed', 'Details changed'), ('link_resent', 'Link re-sent'), ('join_link_ready', 'Join link ready'), ('join_link_failed', 'Join link failed'), ('message_sent', 'Message sent'), ('reminder_sent', 'Reminder sent'), ('visa_letter_requested', 'Visa invitation letter requested'), ('visa_letter_approved', 'Visa invitation letter approved'), ('visa_letter_refused', 'Visa invitation letter refused'), ('passport_details_erased', 'Passport details deleted'), ('personal_data_erased', 'Personal data erased'), ('checked_in', 'Checked in'), ('check_in_undone', 'Check-in undone'), ('attendance_decided', 'Attendance decided by an organiser')], max_length=24),
        ),
    ]
