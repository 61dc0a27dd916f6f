"""Helpers to talk to the Wagtail admin the way an editor's browser does."""

from django.urls import reverse
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

__all__ = [
    "add_url",
    "block_errors",
    "edit_url",
    "field_errors",
    "inline_formset",
    "list_block",
    "nested_form_data",
    "page_form_data",
    "rich_text",
    "snippet_url",
    "stream_errors",
    "streamfield",
]


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def snippet_url(model, action="list", *args):
    return reverse(
        f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{action}", args=args
    )


def list_block(items):
    """Form data of a ListBlock, for use inside ``nested_form_data``."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index), "id": ""}
        for index, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def page_form_data(title, publish=False, **fields):
    """Flat POST data for a page form; stream fields and formsets go in ``fields`` nested.

    Give multiple-choice fields (themes, roles) as tuples: lists are nested data.
    """
    data = {"title": title, "slug": fields.pop("slug", None) or slugify(title)}
    data.update(fields)
    data = nested_form_data(data)
    if publish:
        data["action-publish"] = "action-publish"
    return data


def field_errors(response, field):
    """The messages of ``field`` on the form the admin showed again, as the editor reads them."""
    assert response.status_code == 200, response.status_code
    form = response.context["form"]
    return [str(message) for message in form.errors.get(field, [])]


def stream_errors(response, field="body"):
    """The JSON error data the admin hands to the StreamField widget of ``field``."""
    assert response.status_code == 200, response.status_code
    (error,) = response.context["form"].errors[field].as_data()
    return error.as_json_data()


def block_errors(response, index=0, field="body"):
    """``{child name: [messages]}`` of the block at ``index`` in a stream field."""
    data = stream_errors(response, field)["blockErrors"][index]
    return {
        name: child.get("messages", child) for name, child in data.get("blockErrors", {}).items()
    }


# --- StreamField form data of the module blocks, as the admin posts them -------------


def text_data(html):
    return ("text", {"text": rich_text(html)})


def image_data(image, alt_text="Een begeleider in gesprek", caption=""):
    return ("image", {"image": image.pk, "alt_text": alt_text, "caption": caption})


def audio_data(media, title="Podcast"):
    return ("audio", {"title": title, "audio": media.pk, "transcript": rich_text("")})


def video_data(media=None, embed_url="", embed_duration="", title="Video"):
    return (
        "video",
        {
            "title": title,
            "video": media.pk if media else "",
            "embed_url": embed_url,
            "embed_duration": embed_duration,
            "transcript": rich_text(""),
            "subtitles": "",
        },
    )


def exercise_data(
    kind="single", options=(("Ja", True), ("Nee", False)), question="<p>Wat doe je?</p>"
):
    return (
        "exercise",
        {
            "kind": kind,
            "question": rich_text(question),
            "explanation": rich_text(""),
            "options": list_block(
                [
                    {"text": text, "correct": "on" if correct else "", "feedback": ""}
                    for text, correct in options
                ]
            ),
        },
    )


def download_data(document):
    return ("download", {"document": document.pk, "title": "", "description": ""})


def link_data(page="", url="", document="", label="Kennis vindplaats"):
    return (
        "link",
        {
            "label": label,
            "description": "",
            "kind": "knowledge_site",
            "page": getattr(page, "pk", page),
            "url": url,
            "document": getattr(document, "pk", document),
        },
    )


def module_data(title, body=(), publish=False, target_duration=10, **fields):
    """POST data of a basic module form."""
    fields.setdefault("summary", "Waar deze module over gaat.")
    fields.setdefault("copyright_holder", "De Borg")
    fields.setdefault("review_interval_months", "12")
    fields.setdefault("learning_objectives", streamfield([]))
    return page_form_data(
        title,
        publish=publish,
        target_duration=str(target_duration),
        body=streamfield(list(body)),
        **fields,
    )


def part_data(title, body=(), publish=False, target_duration=10, **fields):
    fields.setdefault("summary", "Waar dit deel over gaat.")
    fields.setdefault("icon", "book")
    return page_form_data(
        title,
        publish=publish,
        target_duration=str(target_duration),
        body=streamfield(list(body)),
        **fields,
    )


def formset_errors(response, name, index=0):
    """``{field: [messages]}`` of one inline form, as the editor sees them on that form."""
    assert response.status_code == 200, response.status_code
    form = response.context["form"].formsets[name].forms[index]
    return {
        field: [str(message) for message in messages] for field, messages in form.errors.items()
    }
