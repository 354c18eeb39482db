"""Posts of the blog, and the labels (Blogger's word for tags) they carry."""
from django.db import models
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone


class Label(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class PostQuerySet(models.QuerySet):
    def published(self):
        """Live posts: the only ones readers, feeds and sitemaps ever see."""
        return self.filter(kind=Post.Kind.POST, published__lte=timezone.now())

    def with_comment_counts(self):
        # Like Blogger, held and removed comments count: the thread shows
        # each as a placeholder in its place.
        return self.annotate(comment_count=Count("comments"))


class Post(models.Model):
    class Kind(models.TextChoices):
        POST = "post", "Post"
        PAGE = "page", "Page"

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.POST)
    author = models.CharField(max_length=200, blank=True)
    body = models.TextField(help_text="As written or imported; never shown raw.")
    body_html = models.TextField(editable=False, help_text="Sanitised rendering of body.")
    published = models.DateTimeField(db_index=True)
    updated = models.DateTimeField(null=True, blank=True)
    labels = models.ManyToManyField(Label, blank=True, related_name="posts")

    # Where the post came from, so a re-import finds it again.
    source_id = models.CharField(max_length=255, unique=True, null=True, blank=True)
    source_file = models.CharField(max_length=255, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    claimed_comment_count = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="How many comments the source page said it had, e.g. '49 comments:'.",
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        local = timezone.localtime(self.published)
        return reverse(
            "blogsite:post",
            kwargs={"year": local.year, "month": f"{local.month:02d}", "slug": self.slug},
        )
