"""Our own date and time formats per language (``FORMAT_MODULE_PATH``), over Django's.

One clock per language, the same in the agenda, the summaries, e-mails,
calendar texts and the visitor's own times added in the browser
(``local-time.js`` reads the clock from ``site_tags.clock_style``):

- English: 24-hour (``14:00``), not Django's ``2 p.m.``. The centre's
  programs bring together people from twenty countries and several time
  zones; a 24-hour time is read the same way by all of them, and the agenda
  always wrote its times so.
- Chinese and Russian: 24-hour with two-digit hours, as Chinese does in
  Django already; Russian also (Django mixes ``9:00`` in summaries with the
  agenda's ``09:00``).

Only what differs from Django's formats is set here; the rest comes from Django.
"""
