"""Comments: held for moderation, approved, rejected, deleted in bulk and by their writer; one level of replies."""
import pytest
from django.core import mail

from tests.news.factories import PostFactory
from tests.worker import run_tasks
from trainingcenter.news import comments
from trainingcenter.news.models import Comment

pytestmark = pytest.mark.django_db


def write(post, **kwargs):
    values = {"name": "Aigerim", "email": "aigerim@example.org", "body": "Very useful, thank you."}
    values.update(kwargs)
    return comments.add_comment(post, **values)


def test_held_then_approved_then_public(superuser):
    post = PostFactory()
    comment = write(post)
    assert comment.status == Comment.Status.PENDING
    assert not post.comments.public().exists()
    run_tasks()
    to = {message.to[0]: message for message in mail.outbox}
    assert comment.token in to["aigerim@example.org"].body  # the delete link
    assert "Very useful" in to["root@example.org"].body  # the moderator
    assert comments.moderate([comment], Comment.Status.APPROVED) == 1
    assert list(post.comments.public()) == [comment]


def test_post_without_moderation_publishes_at_once(superuser):
    post = PostFactory(comments_moderated=False)
    assert write(post).status == Comment.Status.APPROVED
    run_tasks()
    assert [m.to for m in mail.outbox] == [["aigerim@example.org"]]  # no moderator mail


def test_replies_are_one_level_deep():
    post = PostFactory(comments_moderated=False)
    first = write(post)
    reply = write(post, parent=first)
    reply_to_reply = write(post, parent=reply)
    assert reply.parent == first and reply_to_reply.parent == first


def test_too_many_links_and_closed_comments_are_refused():
    post = PostFactory()
    with pytest.raises(comments.CommentError, match="at most 2 links"):
        write(post, body="http://a.example http://b.example www.c.example")
    post.comments_open = False
    with pytest.raises(comments.CommentError, match="closed"):
        write(post)


def test_bulk_reject_and_delete_and_own_delete():
    post = PostFactory(comments_moderated=False)
    a, b, c = write(post), write(post), write(post)
    write(post, parent=a)
    assert comments.moderate([a, b], Comment.Status.REJECTED) == 2
    assert comments.delete_comments([a, b]) == 3  # a's reply goes with it
    assert comments.delete_own(c.token) is True
    assert comments.delete_own(c.token) is False
    assert not Comment.objects.exists()
