"""The site's pitches for its apps and channels; one list for pages and pastes.

"Download the <name> apps", "our YouTube channel": a line that says so sells the
site, not the story. The HTML filter drops it near the body's end (a promo line), the
paste's body drops it anywhere (a prompt to the reader). Words are joined by `\\s`:
pastes keep the no-break spaces that pages put around a name.
"""

from __future__ import annotations

APP_AND_CHANNEL_PITCHES = (
    r"download\s(?:the|our)\s(?:\w+\s){0,3}apps?|"
    r"our\syoutube\schannel|unseren\syoutube-kanal|nuestro\scanal\sde\syoutube"
)
