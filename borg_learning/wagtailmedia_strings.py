"""wagtailmedia's admin texts, so this app's Dutch catalogue translates them.

wagtailmedia (the Media menu: audio and video) ships no Dutch translation. Django merges
the catalogues of all installed apps into one per language, so the Dutch of these
strings in ``borg_learning/locale/nl`` translates wagtailmedia's screens, choosers and
messages too, whatever the order of the apps. Listing them here keeps them in the
catalogue when ``make messages`` runs ``makemessages``, which drops the strings it finds
in no source file. Only the strings Wagtail and Django do not already translate are
listed, so their translations are not overridden.

Regenerate the list after upgrading wagtailmedia: run ``makemessages`` in a copy of its
package and add the strings still untranslated in Dutch (see docs/installation.md).
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

# fmt: off
WAGTAILMEDIA_STRINGS = [
    _("Add/edit media you own"),
    _("Edit any media"),
    _("duration"),
    _("Duration in seconds"),
    _("thumbnail"),
    _("tags"),
    _("media"),
    _("media items"),
    _("Upload Audio"),
    _("Upload Video"),
    ngettext_lazy(
        "\n            There is one match\n        ",
        "\n            There are %(counter)s matches\n        ",
        "counter",
    ),
    _("Latest media"),
    _("Sorry, no media files match \"<em>%(query_string)s</em>\""),
    _("You haven't uploaded any media in this collection. Why not <a href=\"%(wagtailmedia_add_url)s\">upload one now</a>?"),
    _("You haven't uploaded any media. Why not <a href=\"%(wagtailmedia_add_url)s\">upload one now</a>?"),
    ngettext_lazy(
        "<span>%(total)s</span> Media file <span class=\"visuallyhidden w-sr-only\">created in %(site_name)s</span>",
        "<span>%(total)s</span> Media files <span class=\"visuallyhidden w-sr-only\">created in %(site_name)s</span>",
        "total",
    ),
    _("Change media file:"),
    _("Add audio"),
    _("Add video"),
    _("Add audio or video"),
    _("Delete media file"),
    _("Are you sure you want to delete this media file?"),
    _("Editing %(title)s"),
    _("Media"),
    _("Popular Tags:"),
    _("File"),
    _("Type"),
    _("Uploaded"),
    _("You haven't uploaded any media files in this collection. You can upload <a href=\"%(wagtailmedia_add_audio_url)s\">audio</a> or <a href=\"%(wagtailmedia_add_video_url)s\">video</a> files."),
    _("You haven't uploaded any media files. You can upload <a href=\"%(wagtailmedia_add_audio_url)s\">audio</a> or <a href=\"%(wagtailmedia_add_video_url)s\">video</a> files."),
    _("Usage of %(title)s"),
    _("Usage of"),
    _("Media permissions"),
    _("Add a media permission"),
    _("Your browser does not support the audio element."),
    _("Your browser does not support the video element."),
    _("Choose audio"),
    _("Choose video"),
    _("Choose a media item"),
    _("Search media files"),
    _("Search media"),
    _("Media file '{0}' added."),
    _("The media file could not be saved due to errors."),
    _("Media file '{0}' updated"),
    _("The media could not be saved due to errors."),
    _("The file could not be found. Please change the source or delete the media file"),
    _("Media file '{0}' deleted."),
    _("(Private %s)"),
    _("Edit this %s"),
    ngettext_lazy(
        "%(count)s media file",
        "%(count)s media files",
        "count",
    ),
    _("Choose another media item"),
    _("Edit this media item"),
    _("Choose another audio item"),
    _("Edit this audio item"),
    _("Choose another video"),
    _("Edit this video"),
]
# fmt: on
