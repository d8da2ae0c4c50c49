"""Files read by ingest: size, mtime and hash, so an unchanged folder is skipped quickly.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "files",
        sa.Column("path", sa.Text, primary_key=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("mtime_ns", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("encoding", sa.Text),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id")),
    )
    op.create_index("ix_files_article_id", "files", ["article_id"])
    # Articles stored before this revision: their file is known by path and hash;
    # size and mtime 0 never match, so the next run reads each once more.
    op.execute(
        "INSERT INTO files (path, size, mtime_ns, content_hash, article_id)"
        " SELECT path, 0, 0, content_hash, id FROM articles WHERE path IS NOT NULL"
        " GROUP BY path"
    )


def downgrade() -> None:
    op.drop_table("files")
