"""Packages for an LMS without LTI: a published module, part or learning route exported as a
SCORM 1.2 zip or a cmi5 course zip.

A package holds no content: a manifest and a small launcher page. The LMS shows the
launcher; it asks this site (``/learning/packages/start/``) for a learner token and the
module's address in the frontend, opens the frontend there in a new window with the
token in the URL's fragment (as an LTI launch does), and asks
``/learning/packages/status/`` whether that learner completed it: every few seconds,
when the learner comes back to the launcher and when they press its "check" button. Once
completed, the launcher tells the LMS through the SCORM 1.2 runtime API or with cmi5
statements, with the score where the module has exercises.

Why polling: the frontend runs on another origin and in another window than the launcher,
so neither can read the other, and its Cross-Origin-Opener-Policy (Django's default
``same-origin``) cuts the tie between the two windows, so the launcher cannot even see
the frontend's window close; a postMessage would need the frontend to know about
packages and the tie it cuts. The learner token is the only key: the launcher keeps it in the LMS
(SCORM ``cmi.suspend_data``, a cmi5 state document) so the next launch goes on with the
same learner. No table of its own: the learner, their progress and completions are the
learners app's.
"""
