"""The portal's SAML service provider metadata, as registered at Suomi.fi."""

from django.conf import settings
from saml2 import md
from saml2.metadata import entity_descriptor
from saml2.saml import NAME_FORMAT_URI

from asiointi.identity.providers.saml_config import REQUESTED_ATTRIBUTES, sp_config


def _attribute_consuming_service() -> md.AttributeConsumingService:
    # Built here rather than by pysaml2, whose attribute maps would rename Suomi.fi's attributes.
    return md.AttributeConsumingService(
        index="1",
        is_default="true",
        service_name=[
            md.ServiceName(text=name, lang=language)
            for language, name in settings.CITY_NAME.items()
        ],
        requested_attribute=[
            md.RequestedAttribute(
                name=name,
                name_format=NAME_FORMAT_URI,
                friendly_name=friendly_name,
                is_required="true" if required else "false",
            )
            for name, (friendly_name, required) in REQUESTED_ATTRIBUTES.items()
        ],
    )


def metadata_xml(base_url: str) -> str:
    descriptor = entity_descriptor(sp_config(base_url))
    descriptor.spsso_descriptor.attribute_consuming_service = [_attribute_consuming_service()]
    return str(descriptor)
