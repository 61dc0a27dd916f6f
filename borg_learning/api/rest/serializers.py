"""Serializers for the related objects learning pages show in Wagtail's REST API v2."""

from rest_framework import serializers

from borg_learning.conf import learning_settings


class ChoiceListSerializer(serializers.Field):
    """A list of slugs from a choice setting, with their labels."""

    def __init__(self, setting, **kwargs):
        self.setting = setting
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return learning_settings.labelled(self.setting, value)


class ThemeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField()
    colour = serializers.CharField()
    colour_hex = serializers.CharField()
    icon = serializers.CharField()


class ThemesSerializer(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, manager):
        return ThemeSerializer(manager.all(), many=True).data


class DevelopmentGroupSerializer(serializers.Serializer):
    name = serializers.CharField()
    description = serializers.CharField()
    members = serializers.SerializerMethodField()

    def get_members(self, group):
        return [{"name": member.name, "role": member.role} for member in group.members.all()]


class LearningObjectivesSerializer(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, stream):
        return [block.get("value") for block in stream.raw_data if block.get("value")]
