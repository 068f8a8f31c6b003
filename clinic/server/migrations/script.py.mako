"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
"""
