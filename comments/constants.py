"""The comments app's fixed values, apart so that models, forms and page handling share them."""

from datetime import timedelta

# The author may change their own comment this long after posting it.
EDIT_WINDOW = timedelta(minutes=15)
MAX_LENGTH = 5000
# The hidden form field that marks a POST to a page as a comment action (see CommentablePageMixin).
ACTION_FIELD = "comment_action"
