"""The Document claim a registry source's span gets: organisations claim as organisations, the rest as outlets."""
from __future__ import annotations

from archive.extract.document import ORGANISATION as ORG_CLAIM, OUTLET
from archive.kinds import AGENCY, NEWS_OUTLET, ORGANISATION, TELEGRAM_CHANNEL

CLAIM_KIND = {NEWS_OUTLET: OUTLET, TELEGRAM_CHANNEL: OUTLET, AGENCY: OUTLET, ORGANISATION: ORG_CLAIM}
