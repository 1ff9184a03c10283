"""The site's pitches for itself; one list for pages and pastes.

"Download the <name> apps", "our YouTube channel", "Support our journalism",
"Unterstütze RosaMag": a line that says so sells the site, not the story. The HTML
filter drops it near the body's end (a promo line), the paste's body drops it
anywhere (a prompt to the reader). Words are joined by `\\s`: pastes keep the
no-break spaces that pages put around a name.
"""

from __future__ import annotations

APP_AND_CHANNEL_PITCHES = (
    r"download\s(?:the|our)\s(?:\w+\s){0,3}apps?|"
    r"our\syoutube\schannel|unseren\syoutube-kanal|nuestro\scanal\sde\syoutube"
)
# Appeals to support the site; "unterstütze" alone is the imperative, since the
# verb's other forms tell stories ("Die Stadt will die Vereine unterstützen").
SUPPORT_APPEALS = r"support\s(?:our|us)|unterstütze\b|unterstützen\ssie|become\sa\smember"
