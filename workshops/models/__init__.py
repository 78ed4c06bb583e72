"""Workshop outcomes and their review (``outcomes``), the idea pipeline (``ideas``), attachments (``attachments``)."""

from .attachments import OutcomeAttachment, attachment_path
from .ideas import Idea, IdeaStatusChange
from .outcomes import (
    IDEAS_VERSION,
    MAX_PARTICIPANTS,
    OUTCOME_TASK_NAME,
    OUTCOME_WORKFLOW_NAME,
    TEXT_MAX_LENGTH,
    ChangesRequestedForm,
    OutcomePermissionTester,
    ProjectLeadApprovalTask,
    WorkshopOutcomePage,
    create_outcome_workflow,
    outcome_workflow,
    project_path,
    projects_of,
    publish_approved,
    queue_url,
    user_can_review,
)

__all__ = [
    "IDEAS_VERSION",
    "MAX_PARTICIPANTS",
    "OUTCOME_TASK_NAME",
    "OUTCOME_WORKFLOW_NAME",
    "TEXT_MAX_LENGTH",
    "ChangesRequestedForm",
    "Idea",
    "IdeaStatusChange",
    "OutcomeAttachment",
    "OutcomePermissionTester",
    "ProjectLeadApprovalTask",
    "WorkshopOutcomePage",
    "attachment_path",
    "create_outcome_workflow",
    "outcome_workflow",
    "project_path",
    "projects_of",
    "publish_approved",
    "queue_url",
    "user_can_review",
]
